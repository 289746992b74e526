//! The citizen endpoints. Each takes the citizen from the verified token ([`Subject`]) and asks the store
//! with that citizen's id only, so another citizen's item answers 404 like an item that does not exist.

use super::bearer::Subject;
use super::error::ApiError;
use super::extract::{AccessQuery, EmptyBody, FilingLang, Id, JsonBody};
use super::kiosk::{RegisteredKiosk, VisitBody};
use super::state::ServerState;
use crate::domain::{
    AccessEvent, AccessPage, AccessReport, Area, CategorySummary, Citizen, CitizenId, Consent,
    DataCategory, DecisionSupport, Overview, Purpose,
};
use crate::source::{KioskVisit, Organisation};
use crate::store::Store;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use jiff::Timestamp;

type Answer<T> = Result<Json<T>, ApiError>;

/// Runs `f` on a pooled connection with the citizen's id and the current time.
async fn as_citizen<T, F>(state: &ServerState, subject: Subject, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut Store, &CitizenId, Timestamp) -> Result<T, ApiError> + Send + 'static,
{
    // With `cpr_claim`, the subject is the token's CPR number: only its citizen key is looked up.
    let key = match (&state.pepper, state.cpr_claim) {
        (Some(pepper), true) => Some(
            crate::ingest::cpr::parse_cpr(&subject.id)
                .map(|cpr| pepper.citizen_key(&cpr))
                .ok_or(crate::store::StoreError::UnknownCitizen)?,
        ),
        _ => None,
    };
    state
        .pool
        .run(move |store| {
            let citizen = match &key {
                Some(key) => store.citizen_by_cpr_key(key)?,
                None => store.citizen_by_subject(&subject.id)?,
            };
            // Whole seconds, as the store keeps times: a first answer then equals every later one.
            let now = Timestamp::from_second(Timestamp::now().as_second())
                .map_err(|_| ApiError::internal())?;
            f(store, &citizen.id, now)
        })
        .await
}

pub async fn me(State(s): State<ServerState>, who: Subject) -> Answer<Citizen> {
    // A citizen first known from a system's ingest has no name in the database: the token's is used.
    let token_name = who.name.clone();
    let mut citizen = as_citizen(&s, who, |st, id, _| Ok(st.citizen(id)?)).await?;
    if citizen.name.trim().is_empty()
        && let Some(name) = token_name
    {
        citizen.name = name.to_string();
    }
    Ok(Json(citizen))
}

pub async fn overview(State(s): State<ServerState>, who: Subject) -> Answer<Overview> {
    as_citizen(&s, who, |st, id, now| Ok(st.overview(id, now)?))
        .await
        .map(Json)
}

pub async fn areas(State(s): State<ServerState>, who: Subject) -> Answer<Vec<Area>> {
    as_citizen(&s, who, |st, id, _| Ok(st.areas(id)?))
        .await
        .map(Json)
}

pub async fn categories(
    State(s): State<ServerState>,
    who: Subject,
    Path(code): Path<String>,
) -> Answer<Vec<CategorySummary>> {
    as_citizen(&s, who, move |st, id, _| Ok(st.area_categories(id, &code)?))
        .await
        .map(Json)
}

pub async fn category(
    State(s): State<ServerState>,
    who: Subject,
    Id(category): Id,
) -> Answer<DataCategory> {
    as_citizen(&s, who, move |st, id, _| Ok(st.category(id, category)?))
        .await
        .map(Json)
}

pub async fn purposes(State(s): State<ServerState>, who: Subject) -> Answer<Vec<Purpose>> {
    as_citizen(&s, who, |st, id, _| Ok(st.purposes(id)?))
        .await
        .map(Json)
}

pub async fn organisations(
    State(s): State<ServerState>,
    who: Subject,
) -> Answer<Vec<Organisation>> {
    as_citizen(&s, who, |st, id, now| Ok(st.organisations(id, now)?))
        .await
        .map(Json)
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
    who: Subject,
    query: AccessQuery,
) -> Answer<AccessPage> {
    let show_names = s.show_employee_names;
    as_citizen(&s, who, move |st, id, now| {
        let mut page = st.access_page(id, &query.filter, query.after, query.limit, now)?;
        for event in &mut page.entries {
            apply_name_policy(show_names, event);
        }
        Ok(page)
    })
    .await
    .map(Json)
}

pub async fn access_event(
    State(s): State<ServerState>,
    who: Subject,
    Id(event): Id,
) -> Answer<AccessEvent> {
    let show_names = s.show_employee_names;
    as_citizen(&s, who, move |st, id, now| {
        let mut entry = st.access_event(id, event, now)?;
        apply_name_policy(show_names, &mut entry);
        Ok(entry)
    })
    .await
    .map(Json)
}

pub async fn report(
    State(s): State<ServerState>,
    who: Subject,
    Id(event): Id,
    FilingLang(lang): FilingLang,
) -> Result<(StatusCode, Json<AccessReport>), ApiError> {
    as_citizen(&s, who, move |st, id, now| {
        let existed = st
            .access_reports(id)?
            .into_iter()
            .any(|r| r.event_id == event);
        let report = st.report_access_in(id, event, lang, now)?;
        let status = if existed {
            StatusCode::OK
        } else {
            StatusCode::CREATED
        };
        Ok((status, Json(report)))
    })
    .await
}

pub async fn reports(State(s): State<ServerState>, who: Subject) -> Answer<Vec<AccessReport>> {
    as_citizen(&s, who, |st, id, _| Ok(st.access_reports(id)?))
        .await
        .map(Json)
}

pub async fn systems(
    State(s): State<ServerState>,
    who: Subject,
) -> Answer<Vec<crate::domain::ConnectedSystem>> {
    let stale_after = s.stale_after_secs;
    as_citizen(&s, who, move |st, _, now| {
        Ok(st.connected_systems(now, stale_after)?)
    })
    .await
    .map(Json)
}

pub async fn consents(State(s): State<ServerState>, who: Subject) -> Answer<Vec<Consent>> {
    as_citizen(&s, who, |st, id, _| Ok(st.consents(id)?))
        .await
        .map(Json)
}

pub async fn withdraw(
    State(s): State<ServerState>,
    who: Subject,
    Id(consent): Id,
    FilingLang(lang): FilingLang,
) -> Answer<Consent> {
    as_citizen(&s, who, move |st, id, now| {
        Ok(st.withdraw_consent_in(id, consent, lang, now)?)
    })
    .await
    .map(Json)
}

/// "Your requests": withdrawals and reports, newest first, each with `unseen`.
pub async fn requests(
    State(s): State<ServerState>,
    who: Subject,
) -> Answer<Vec<crate::domain::CitizenRequest>> {
    as_citizen(&s, who, |st, id, _| Ok(st.citizen_requests(id)?))
        .await
        .map(Json)
}

/// The citizen has seen their requests: what changed until now is no longer new on the overview.
pub async fn requests_seen(
    State(s): State<ServerState>,
    who: Subject,
    _none: EmptyBody,
) -> Result<StatusCode, ApiError> {
    as_citizen(&s, who, |st, id, now| {
        st.mark_requests_seen(id, now)?;
        Ok(StatusCode::NO_CONTENT)
    })
    .await
}

pub async fn decision_support(
    State(s): State<ServerState>,
    who: Subject,
) -> Answer<Vec<DecisionSupport>> {
    as_citizen(&s, who, |st, id, _| Ok(st.decision_support(id)?))
        .await
        .map(Json)
}

/// Records a visit at the registered kiosk the request came from, at the server's time, with the helper
/// the citizen chose. Nothing else comes from the client.
pub async fn kiosk_visit(
    State(s): State<ServerState>,
    who: Subject,
    kiosk: RegisteredKiosk,
    JsonBody(body): JsonBody<VisitBody>,
) -> Result<StatusCode, ApiError> {
    as_citizen(&s, who, move |st, id, now| {
        let visit = KioskVisit {
            kiosk_id: kiosk.id,
            location: kiosk.location,
            started_at: now,
            helper: body.helper,
        };
        st.record_visit(id, &visit)?;
        Ok(StatusCode::NO_CONTENT)
    })
    .await
}
