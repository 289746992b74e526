//! `POST /v1/ingest/access-events`: line-of-business systems post the accesses they logged.
//!
//! The system is known from its API key; it may only post events attributed to itself. Items are checked
//! one by one; the good ones are committed in one transaction and the answer lists each refused item.

use super::bearer::credentials;
use super::error::ApiError;
use super::extract::JsonBody;
use super::state::ServerState;
use crate::ingest::access::{AccessError, check, event_id_of};
use crate::store::ingest::{IngestEvent, IngestOutcome};
use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The system behind the request's `Authorization: ApiKey <key>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSystem(pub String);

impl FromRequestParts<ServerState> for SourceSystem {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &ServerState) -> Result<Self, ApiError> {
        let key = credentials(parts, "ApiKey")
            .ok_or_else(|| ApiError::unauthorized("an ApiKey is required"))?;
        state
            .ingest_keys
            .system_for(key)
            .map(|s| SourceSystem(s.to_owned()))
            .ok_or_else(|| ApiError::unauthorized("the API key is not valid"))
    }
}

/// The request body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IngestRequest {
    /// Each item is checked on its own, so one bad item does not spoil the batch.
    pub events: Vec<serde_json::Value>,
}

/// One refused item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    pub index: usize,
    /// The item's `event_id`, when it had a readable one.
    pub event_id: Option<String>,
    /// `invalid`, `malformed_cpr`, `not_configured`, `unknown_citizen`, `unknown_action`, `bad_time`,
    /// `unknown_area`, `unknown_purpose` or `wrong_system`.
    pub reason: String,
    pub message: String,
}

/// One item that was already there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    pub index: usize,
    pub event_id: String,
}

/// The answer: what was written, what was already there, and what was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestResponse {
    pub accepted: usize,
    pub duplicates: Vec<Duplicate>,
    pub rejected: Vec<Rejected>,
}

pub async fn access_events(
    State(state): State<ServerState>,
    SourceSystem(system): SourceSystem,
    JsonBody(request): JsonBody<IngestRequest>,
) -> Result<Json<IngestResponse>, ApiError> {
    if request.events.len() > state.ingest_max_batch {
        return Err(ApiError::too_large(format!(
            "at most {} events per request",
            state.ingest_max_batch
        )));
    }
    let mut rejected = Vec::new();
    let mut good = Vec::new();
    for (index, value) in request.events.into_iter().enumerate() {
        let event_id = event_id_of(&value);
        match check(value, &system, state.pepper.as_deref()) {
            Ok(event) => good.push((index, event)),
            Err(e) => rejected.push(Rejected {
                index,
                event_id,
                reason: e.code().to_owned(),
                message: e.to_string(),
            }),
        }
    }
    let (indexes, events): (Vec<usize>, Vec<IngestEvent>) = good.into_iter().unzip();
    let outcomes = state.store.ingest(events, Timestamp::now()).await?;
    let (outcomes, events) = outcomes;
    let mut accepted = 0;
    let mut duplicates = Vec::new();
    for ((index, event), outcome) in indexes.into_iter().zip(events).zip(outcomes) {
        match outcome {
            IngestOutcome::Accepted(_) => accepted += 1,
            IngestOutcome::Duplicate(_) => duplicates.push(Duplicate {
                index,
                event_id: event.source_event_id.clone(),
            }),
            IngestOutcome::Rejected(why) => rejected.push(Rejected {
                index,
                event_id: Some(event.source_event_id.clone()),
                reason: why.code().to_owned(),
                message: AccessError::Store(why).to_string(),
            }),
        }
    }
    rejected.sort_by_key(|r| r.index);
    tracing::info!(
        accepted,
        duplicates = duplicates.len(),
        rejected = rejected.len(),
        "ingest batch"
    );
    Ok(Json(IngestResponse {
        accepted,
        duplicates,
        rejected,
    }))
}
