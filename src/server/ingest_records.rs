//! `POST /v1/ingest/holdings`, `/v1/ingest/consents` and `/v1/ingest/decisions`: what a line-of-business
//! system holds about each citizen. The system is known from its API key and writes only its own records,
//! and only for catalogue entries it owns. Every item is checked by `crate::ingest::records` (as the JSONL
//! loader does); the good ones are written in one transaction; the answer lists each item that was not.

use super::error::ApiError;
use super::extract::JsonBody;
use super::ingest::SourceSystem;
use super::state::ServerState;
use crate::ingest::records::{Kind, check};
use crate::store::records::RecordOutcome;
use axum::Json;
use axum::extract::State;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The request body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordsRequest {
    /// Each item is checked on its own, so one bad item does not spoil the batch.
    pub records: Vec<serde_json::Value>,
}

/// One item that was not written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordRejected {
    pub index: usize,
    pub record_id: Option<String>,
    /// `invalid`, `malformed_cpr`, `unknown_category`, `unknown_consent_type`, `unknown_tool`,
    /// `undeclared_field`, `too_long`, `wrong_system`, `bad_time`, `unknown_system`, `no_catalogue` or
    /// `foreign_record`.
    pub reason: String,
    pub message: String,
}

/// One item whose stored version is as new or newer: nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordDuplicate {
    pub index: usize,
    pub record_id: String,
}

/// The answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordsResponse {
    pub accepted: usize,
    pub duplicates: Vec<RecordDuplicate>,
    pub rejected: Vec<RecordRejected>,
}

pub async fn holdings(
    state: State<ServerState>,
    system: SourceSystem,
    body: JsonBody<RecordsRequest>,
) -> Result<Json<RecordsResponse>, ApiError> {
    ingest(state, system, body, Kind::Holdings).await
}

pub async fn consents(
    state: State<ServerState>,
    system: SourceSystem,
    body: JsonBody<RecordsRequest>,
) -> Result<Json<RecordsResponse>, ApiError> {
    ingest(state, system, body, Kind::Consents).await
}

pub async fn decisions(
    state: State<ServerState>,
    system: SourceSystem,
    body: JsonBody<RecordsRequest>,
) -> Result<Json<RecordsResponse>, ApiError> {
    ingest(state, system, body, Kind::Decisions).await
}

async fn ingest(
    State(state): State<ServerState>,
    SourceSystem(system): SourceSystem,
    JsonBody(request): JsonBody<RecordsRequest>,
    kind: Kind,
) -> Result<Json<RecordsResponse>, ApiError> {
    if request.records.len() > state.ingest_max_batch {
        return Err(ApiError::too_large(format!(
            "at most {} records per request",
            state.ingest_max_batch
        )));
    }
    let pepper = state.pepper.clone().ok_or_else(|| {
        ApiError::new(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "not_configured",
            "record ingest needs server.pepper_file",
        )
    })?;
    let view = state.store.catalogue_view().await?;
    let response = {
        {
            let mut rejected = Vec::new();
            let mut good = Vec::new();
            for (index, value) in request.records.into_iter().enumerate() {
                match check(kind, &system, value, &view, &pepper) {
                    Ok(record) => good.push((index, record)),
                    Err((record_id, e)) => rejected.push(RecordRejected {
                        index,
                        record_id,
                        reason: e.code().to_owned(),
                        message: e.to_string(),
                    }),
                }
            }
            let records: Vec<_> = good.iter().map(|(_, r)| r.clone()).collect();
            let outcomes = state
                .store
                .ingest_records(records, Timestamp::now())
                .await?;
            let mut accepted = 0;
            let mut duplicates = Vec::new();
            for ((index, record), outcome) in good.into_iter().zip(outcomes) {
                match outcome {
                    RecordOutcome::Accepted => accepted += 1,
                    RecordOutcome::Stale => duplicates.push(RecordDuplicate {
                        index,
                        record_id: record.record_id,
                    }),
                    RecordOutcome::ForeignRecord => rejected.push(RecordRejected {
                        index,
                        record_id: Some(record.record_id),
                        reason: "foreign_record".into(),
                        message: "another system already sent a record with this record_id".into(),
                    }),
                }
            }
            rejected.sort_by_key(|r| r.index);
            RecordsResponse {
                accepted,
                duplicates,
                rejected,
            }
        }
    };
    tracing::info!(
        accepted = response.accepted,
        duplicates = response.duplicates.len(),
        rejected = response.rejected.len(),
        "record ingest batch"
    );
    Ok(Json(response))
}
