//! `POST /v1/ingest/relations`: custody relations from the CPR system (the Folkeregister), the only
//! system `[server.representation] relations_system` lets send them. Each item names a parent and a child
//! by CPR number (kept only as citizen keys), the child's birth date (from the CPR number unless given),
//! and when custody began and, if it has, ended. Both people must be citizens the server knows: an item
//! for anyone else is listed under `rejected` with its reason, and the others are still written.

use super::error::ApiError;
use super::extract::JsonBody;
use super::ingest::SourceSystem;
use super::state::ServerState;
use crate::ingest::cpr::{birth_date, parse_cpr};
use crate::store::relations::NewRelation;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The request body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationsRequest {
    /// Each item is checked on its own, so one bad item does not spoil the batch.
    pub relations: Vec<serde_json::Value>,
}

/// One relation as sent.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RelationItem {
    parent_cpr: String,
    child_cpr: String,
    #[serde(default)]
    child_birth_date: Option<String>,
    custody_from: String,
    #[serde(default)]
    custody_to: Option<String>,
    #[serde(default)]
    child_name: Option<String>,
}

impl Drop for RelationItem {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.parent_cpr);
        zeroize::Zeroize::zeroize(&mut self.child_cpr);
        zeroize::Zeroize::zeroize(&mut self.child_name);
    }
}

/// One item that was not written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationRejected {
    pub index: usize,
    /// `invalid`, `malformed_cpr`, `bad_time`, `too_long`, `unknown_parent`, `unknown_child` or
    /// `same_citizen`.
    pub reason: String,
    pub message: String,
}

/// The answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationsResponse {
    pub accepted: usize,
    pub rejected: Vec<RelationRejected>,
}

fn rejected(index: usize, reason: &str, message: impl Into<String>) -> RelationRejected {
    RelationRejected {
        index,
        reason: reason.into(),
        message: message.into(),
    }
}

fn date(what: &'static str, s: &str) -> Result<Date, (&'static str, String)> {
    s.parse::<Date>()
        .map_err(|_| ("bad_time", format!("{what} is not a date (YYYY-MM-DD)")))
}

/// One item, checked: the relation to write, or the reason it was refused (naming no one).
fn check(
    value: serde_json::Value,
    pepper: &crate::auth::Pepper,
) -> Result<NewRelation, (&'static str, String)> {
    let item: RelationItem =
        serde_json::from_value(value).map_err(|e| ("invalid", format!("not a relation: {e}")))?;
    let malformed = |who: &str| {
        (
            "malformed_cpr",
            format!("{who}: the CPR number is not ten digits as ddmmyy-nnnn or ddmmyynnnn"),
        )
    };
    let parent = parse_cpr(&item.parent_cpr).ok_or_else(|| malformed("parent_cpr"))?;
    let child = parse_cpr(&item.child_cpr).ok_or_else(|| malformed("child_cpr"))?;
    let child_born = match &item.child_birth_date {
        Some(d) => date("child_birth_date", d)?,
        None => birth_date(&child).ok_or((
            "bad_time",
            "child_cpr holds no real date: send child_birth_date".to_owned(),
        ))?,
    };
    let custody_from = date("custody_from", &item.custody_from)?;
    let custody_to = item
        .custody_to
        .as_deref()
        .map(|d| date("custody_to", d))
        .transpose()?;
    let child_name = item
        .child_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    if child_name.as_ref().is_some_and(|n| n.chars().count() > 200) {
        return Err((
            "too_long",
            "child_name is longer than 200 characters".into(),
        ));
    }
    if custody_to.is_some_and(|to| to <= custody_from) {
        return Err(("invalid", "custody_to must be after custody_from".into()));
    }
    Ok(NewRelation {
        parent_key: pepper.citizen_key(&parent),
        child_key: pepper.citizen_key(&child),
        child_born,
        custody_from,
        custody_to,
        child_name,
    })
}

pub async fn relations(
    State(state): State<ServerState>,
    SourceSystem(system): SourceSystem,
    JsonBody(request): JsonBody<RelationsRequest>,
) -> Result<Json<RelationsResponse>, ApiError> {
    let not_configured =
        |message: &str| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "not_configured", message);
    let policy = state
        .representation
        .clone()
        .ok_or_else(|| not_configured("relations need [server.representation]"))?;
    let pepper = state
        .pepper
        .clone()
        .ok_or_else(|| not_configured("relations need server.pepper_file"))?;
    if system != policy.relations_system {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "only the CPR system ([server.representation] relations_system) sends relations",
        ));
    }
    if request.relations.len() > state.ingest_max_batch {
        return Err(ApiError::too_large(format!(
            "at most {} relations per request",
            state.ingest_max_batch
        )));
    }
    let mut refused = Vec::new();
    let mut good = Vec::new();
    for (index, value) in request.relations.into_iter().enumerate() {
        match check(value, &pepper) {
            Ok(r) => good.push((index, r)),
            Err((reason, message)) => refused.push(rejected(index, reason, message)),
        }
    }
    let (indexes, relations): (Vec<usize>, Vec<NewRelation>) = good.into_iter().unzip();
    let outcomes = state
        .store
        .upsert_relations(system, relations, jiff::Timestamp::now())
        .await?;
    let mut accepted = 0;
    for (index, outcome) in indexes.into_iter().zip(outcomes) {
        match outcome {
            Ok(()) => accepted += 1,
            Err(e) => refused.push(rejected(index, e.code(), e.to_string())),
        }
    }
    refused.sort_by_key(|r| r.index);
    tracing::info!(accepted, rejected = refused.len(), "relations ingested");
    Ok(Json(RelationsResponse {
        accepted,
        rejected: refused,
    }))
}
