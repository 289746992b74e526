//! The citizen endpoints. Each takes the citizen from the verified token ([`Subject`]) and asks the store
//! with that citizen's id only, so another citizen's item answers 404 like an item that does not exist.

use super::acting::{Acting, candidates};
use super::bearer::Subject;
use super::error::ApiError;
use super::extract::{AccessQuery, EmptyBody, FilingLang, Id, JsonBody};
use super::kiosk::{RegisteredKiosk, VisitBody};
use super::state::ServerState;
use crate::domain::{
    AccessEvent, AccessPage, AccessReport, Area, CategorySummary, Citizen, Consent, DataCategory,
    DecisionSupport, Overview, Purpose,
};
use crate::source::{KioskVisit, Organisation};
use crate::store::CitizenRef;
use crate::store::kiosk_entry::{VisitFor, Visitor};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use jiff::Timestamp;

type Answer<T> = Result<Json<T>, ApiError>;

/// The citizen whose data the request is about (the verified token's, or the person it acts for), and
/// the current time in whole seconds (as the store keeps times, so a first answer equals every later one).
fn citizen_of(who: &Acting) -> Result<(CitizenRef, Timestamp), ApiError> {
    let now =
        Timestamp::from_second(Timestamp::now().as_second()).map_err(|_| ApiError::internal())?;
    Ok((who.citizen.clone(), now))
}

/// The citizen a verified token's subject names (the kiosk's and the portal's sign-in alike): with
/// `cpr_claim`, the subject is the CPR number, and only its citizen key is looked up.
pub fn citizen_ref(state: &ServerState, subject: &str) -> Result<CitizenRef, ApiError> {
    Ok(match (&state.pepper, state.cpr_claim) {
        (Some(pepper), true) => CitizenRef::CprKey(
            crate::ingest::cpr::parse_cpr(subject)
                .map(|cpr| pepper.citizen_key(&cpr))
                .ok_or(crate::store::StoreError::UnknownCitizen)?,
        ),
        _ => CitizenRef::Subject(subject.to_string()),
    })
}

pub async fn me(State(s): State<ServerState>, who: Acting) -> Answer<Citizen> {
    // A citizen first known from a system's ingest has no name in the database: the token's is used (or,
    // for someone acted for, the name the chooser showed).
    let (citizen, _) = citizen_of(&who)?;
    let mut found = s.store.citizen(&citizen).await?;
    let fallback = match &who.on_behalf {
        Some(o) => Some(o.candidate.display_name()),
        None => who.subject.name.as_ref().map(|n| n.to_string()),
    };
    if found.name.trim().is_empty()
        && let Some(name) = fallback
    {
        found.name = name;
    }
    Ok(Json(found))
}

/// Whom the signed-in citizen may act for: children in their custody, people who gave them power of
/// attorney. Empty when they may act only for themself.
pub async fn represented(
    State(s): State<ServerState>,
    who: Subject,
) -> Answer<Vec<crate::domain::Represented>> {
    let list = candidates(&s, &who).await?;
    Ok(Json(list.iter().map(|c| c.to_represented()).collect()))
}

pub async fn overview(State(s): State<ServerState>, who: Acting) -> Answer<Overview> {
    let (who, now) = citizen_of(&who)?;
    s.store.overview(&who, now).await.map(Json)
}

pub async fn areas(State(s): State<ServerState>, who: Acting) -> Answer<Vec<Area>> {
    let (who, _) = citizen_of(&who)?;
    s.store.areas(&who).await.map(Json)
}

pub async fn categories(
    State(s): State<ServerState>,
    who: Acting,
    Path(code): Path<String>,
) -> Answer<Vec<CategorySummary>> {
    let (who, _) = citizen_of(&who)?;
    s.store.area_categories(&who, code).await.map(Json)
}

pub async fn category(
    State(s): State<ServerState>,
    who: Acting,
    Id(category): Id,
) -> Answer<DataCategory> {
    let (who, _) = citizen_of(&who)?;
    s.store.category(&who, category).await.map(Json)
}

pub async fn purposes(State(s): State<ServerState>, who: Acting) -> Answer<Vec<Purpose>> {
    let (who, _) = citizen_of(&who)?;
    s.store.purposes(&who).await.map(Json)
}

pub async fn organisations(State(s): State<ServerState>, who: Acting) -> Answer<Vec<Organisation>> {
    let (who, now) = citizen_of(&who)?;
    s.store.organisations(&who, now).await.map(Json)
}

/// Removes the employee's name unless the server's policy shows names (`[server] show_employee_names`).
/// Done before the answer is built, so a hidden name never leaves the server.
fn apply_name_policy(show_names: bool, event: &mut AccessEvent) {
    if !show_names {
        event.employee = None;
    }
}

pub async fn access_log(
    State(s): State<ServerState>,
    who: Acting,
    query: AccessQuery,
) -> Answer<AccessPage> {
    let (who, now) = citizen_of(&who)?;
    let mut page = s
        .store
        .access_page(&who, query.filter, query.after, query.limit, now)
        .await?;
    for event in &mut page.entries {
        apply_name_policy(s.show_employee_names, event);
    }
    Ok(Json(page))
}

pub async fn access_event(
    State(s): State<ServerState>,
    who: Acting,
    Id(event): Id,
) -> Answer<AccessEvent> {
    let (who, now) = citizen_of(&who)?;
    let mut entry = s.store.access_event(&who, event, now).await?;
    apply_name_policy(s.show_employee_names, &mut entry);
    Ok(Json(entry))
}

pub async fn report(
    State(s): State<ServerState>,
    who: Acting,
    Id(event): Id,
    FilingLang(lang): FilingLang,
) -> Result<(StatusCode, Json<AccessReport>), ApiError> {
    who.may_act()?;
    let (who, now) = citizen_of(&who)?;
    let (is_new, report) = s.store.report_access(&who, event, lang, now).await?;
    let status = if is_new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(report)))
}

pub async fn reports(State(s): State<ServerState>, who: Acting) -> Answer<Vec<AccessReport>> {
    let (who, _) = citizen_of(&who)?;
    s.store.access_reports(&who).await.map(Json)
}

pub async fn systems(
    State(s): State<ServerState>,
    who: Acting,
) -> Answer<Vec<crate::domain::ConnectedSystem>> {
    let (who, now) = citizen_of(&who)?;
    s.store
        .connected_systems(&who, now, s.stale_after_secs)
        .await
        .map(Json)
}

pub async fn consents(State(s): State<ServerState>, who: Acting) -> Answer<Vec<Consent>> {
    let (who, _) = citizen_of(&who)?;
    s.store.consents(&who).await.map(Json)
}

pub async fn withdraw(
    State(s): State<ServerState>,
    who: Acting,
    Id(consent): Id,
    FilingLang(lang): FilingLang,
) -> Answer<Consent> {
    who.may_act()?;
    let (who, now) = citizen_of(&who)?;
    s.store
        .withdraw_consent(&who, consent, lang, now)
        .await
        .map(Json)
}

/// "Your requests": withdrawals and reports, newest first, each with `unseen`.
pub async fn requests(
    State(s): State<ServerState>,
    who: Acting,
) -> Answer<Vec<crate::domain::CitizenRequest>> {
    let (who, _) = citizen_of(&who)?;
    s.store.citizen_requests(&who).await.map(Json)
}

/// The citizen has seen their requests: what changed until now is no longer new on the overview.
pub async fn requests_seen(
    State(s): State<ServerState>,
    who: Acting,
    _none: EmptyBody,
) -> Result<StatusCode, ApiError> {
    // What is new is new to the citizen themself: someone acting for them does not clear it.
    who.only_self()?;
    let (who, now) = citizen_of(&who)?;
    s.store.mark_requests_seen(&who, now).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn decision_support(
    State(s): State<ServerState>,
    who: Acting,
) -> Answer<Vec<DecisionSupport>> {
    let (who, _) = citizen_of(&who)?;
    s.store.decision_support(&who).await.map(Json)
}

/// Records a visit at the registered kiosk the request came from, at the server's time, with the helper
/// the citizen chose. Nothing else comes from the client.
pub async fn kiosk_visit(
    State(s): State<ServerState>,
    who: Acting,
    kiosk: RegisteredKiosk,
    JsonBody(body): JsonBody<VisitBody>,
) -> Result<StatusCode, ApiError> {
    let (citizen, now) = citizen_of(&who)?;
    let visit = KioskVisit {
        kiosk_id: kiosk.id,
        location: kiosk.location,
        started_at: now,
        helper: body.helper,
    };
    let visitor = match &who.on_behalf {
        // A member of staff opened the visit: the citizen's log says so, and never who.
        None if who.subject.assisted.is_some() => Visitor::StaffOpened,
        None => Visitor::Citizen,
        Some(o) => {
            // Both logs show the other person by name: the actor's from the store, else the token's.
            let stored = s.store.citizen(&o.actor).await.map(|c| c.name.clone());
            let actor_name = match stored {
                Ok(n) if !n.trim().is_empty() => n,
                _ => who
                    .subject
                    .name
                    .as_ref()
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            };
            Visitor::For(VisitFor {
                actor: o.actor.clone(),
                basis: o.candidate.basis,
                actor_name,
                subject_name: o.candidate.display_name(),
            })
        }
    };
    s.store.record_visit(&citizen, visit, visitor).await?;
    Ok(StatusCode::NO_CONTENT)
}
