//! `POST /v1/ingest/access-events`: line-of-business systems post the accesses they logged.
//!
//! The system is known from its API key; it may only post events attributed to itself. Items are checked
//! one by one; the good ones are committed in one transaction and the answer lists each refused item.

use super::bearer::credentials;
use super::error::ApiError;
use super::extract::JsonBody;
use super::state::ServerState;
use crate::domain::{Action, Batch, Text};
use crate::store::ingest::{IngestEvent, IngestOutcome};
use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The longest event id, case reference or name accepted.
const MAX_TEXT: usize = 500;

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

/// A bilingual name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Name {
    da: String,
    en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemBatch {
    run_id: String,
    records: u32,
}

/// One item, as posted. See `docs/api.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    event_id: String,
    citizen: String,
    at: String,
    organisation: Name,
    unit: Name,
    role: Name,
    #[serde(default)]
    employee: Option<String>,
    system: String,
    area: String,
    category: Name,
    action: String,
    purpose: Name,
    #[serde(default)]
    case_ref: Option<String>,
    #[serde(default)]
    batch: Option<ItemBatch>,
    #[serde(default)]
    hidden_until: Option<String>,
}

/// One refused item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    pub index: usize,
    /// The item's `event_id`, when it had a readable one.
    pub event_id: Option<String>,
    /// `invalid`, `unknown_citizen`, `unknown_action`, `bad_time`, `unknown_area`, `unknown_purpose`
    /// or `wrong_system`.
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

fn text(n: Name) -> Text {
    Text::new(n.da, n.en)
}

fn reject(reason: &str, message: impl Into<String>) -> (String, String) {
    (reason.to_owned(), message.into())
}

fn too_long(item: &Item) -> bool {
    let names = [
        &item.organisation,
        &item.unit,
        &item.role,
        &item.category,
        &item.purpose,
    ];
    [&item.event_id, &item.citizen, &item.system, &item.area]
        .iter()
        .map(|s| s.len())
        .chain(names.iter().flat_map(|n| [n.da.len(), n.en.len()]))
        .chain(item.case_ref.iter().map(String::len))
        .chain(item.employee.iter().map(String::len))
        .chain(item.batch.iter().map(|b| b.run_id.len()))
        .any(|len| len > MAX_TEXT)
}

/// Checks an item's shape and the rules that need no database.
fn check(value: serde_json::Value, system: &str) -> Result<IngestEvent, (String, String)> {
    let item: Item = serde_json::from_value(value).map_err(|e| reject("invalid", e.to_string()))?;
    if item.event_id.trim().is_empty() || item.citizen.trim().is_empty() || too_long(&item) {
        return Err(reject(
            "invalid",
            format!("event_id and citizen must be non-empty, and texts at most {MAX_TEXT} bytes"),
        ));
    }
    if item.system != system {
        return Err(reject(
            "wrong_system",
            "a system can only post events attributed to itself",
        ));
    }
    let action = Action::from_code(&item.action).ok_or_else(|| {
        reject(
            "unknown_action",
            "action must be one of viewed, created, changed, disclosed, exported",
        )
    })?;
    let at: Timestamp = item
        .at
        .parse()
        .map_err(|_| reject("bad_time", "`at` must be an RFC 3339 time"))?;
    let hidden_until = item
        .hidden_until
        .map(|h| h.parse::<Timestamp>())
        .transpose()
        .map_err(|_| reject("bad_time", "`hidden_until` must be an RFC 3339 time"))?;
    let batch = match item.batch {
        Some(b) if b.run_id.trim().is_empty() || b.records == 0 => {
            return Err(reject(
                "invalid",
                "batch needs a run_id and at least 1 record",
            ));
        }
        other => other.map(|b| Batch {
            run_id: b.run_id,
            records: b.records,
        }),
    };
    Ok(IngestEvent {
        source_event_id: item.event_id,
        subject: item.citizen,
        at,
        organisation: text(item.organisation),
        unit: text(item.unit),
        role: text(item.role),
        employee: item.employee,
        area: item.area,
        category: text(item.category),
        action,
        purpose: text(item.purpose),
        case_ref: item.case_ref,
        batch,
        hidden_until,
    })
}

fn event_id_of(value: &serde_json::Value) -> Option<String> {
    value.get("event_id")?.as_str().map(str::to_owned)
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
        match check(value, &system) {
            Ok(event) => good.push((index, event)),
            Err((reason, message)) => rejected.push(Rejected {
                index,
                event_id,
                reason,
                message,
            }),
        }
    }
    let (indexes, events): (Vec<usize>, Vec<IngestEvent>) = good.into_iter().unzip();
    let sys = system.clone();
    let outcomes = state
        .pool
        .run(move |store| Ok((store.ingest(&sys, &events, Timestamp::now())?, events)))
        .await?;
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
                message: format!("{} (see docs/api.md)", why.code().replace('_', " ")),
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
