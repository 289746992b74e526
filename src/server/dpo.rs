//! `GET /v1/dpo/reports` and `POST /v1/dpo/reports/{id}`: the data protection officer's tools work the
//! citizens' reports. Behind the DPO's own API key (`[server] dpo_key_sha256`), never a system's.

use super::bearer::credentials;
use super::error::ApiError;
use super::extract::{Id, JsonBody};
use super::state::ServerState;
use crate::domain::{RequestStatus, Text};
use crate::store::dpo::{DpoReport, DpoUpdate};
use axum::Json;
use axum::extract::{FromRequestParts, Query, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use jiff::Timestamp;
use serde::Deserialize;

/// The request came with the DPO's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dpo;

impl FromRequestParts<ServerState> for Dpo {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &ServerState) -> Result<Dpo, ApiError> {
        let keys = state.dpo_key.as_ref().ok_or_else(|| {
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "not_configured",
                "the DPO API needs server.dpo_key_sha256",
            )
        })?;
        let key = credentials(parts, "ApiKey")
            .ok_or_else(|| ApiError::unauthorized("the DPO's ApiKey is required"))?;
        keys.system_for(key)
            .map(|_| Dpo)
            .ok_or_else(|| ApiError::unauthorized("the API key is not the DPO's"))
    }
}

/// `?status=sent|under_review|answered`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    status: Option<String>,
}

fn report_status(s: &str) -> Option<RequestStatus> {
    RequestStatus::parse(s).filter(|s| {
        matches!(
            s,
            RequestStatus::Sent | RequestStatus::UnderReview | RequestStatus::Answered
        )
    })
}

pub async fn reports(
    State(state): State<ServerState>,
    _dpo: Dpo,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<DpoReport>>, ApiError> {
    let Query(query) = query.map_err(|_| ApiError::bad_request("the query takes only `status`"))?;
    let status = match query.status.as_deref() {
        None => None,
        Some(s) => Some(report_status(s).ok_or_else(|| {
            ApiError::bad_request("`status` must be sent, under_review or answered")
        })?),
    };
    state.store.dpo_reports(status).await.map(Json)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Answer {
    #[serde(default)]
    da: String,
    #[serde(default)]
    en: String,
}

/// The body of `POST /v1/dpo/reports/{id}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateBody {
    status: String,
    #[serde(default)]
    answer: Option<Answer>,
}

impl UpdateBody {
    fn update(self) -> Result<DpoUpdate, ApiError> {
        match (self.status.as_str(), self.answer) {
            ("under_review", None) => Ok(DpoUpdate::UnderReview),
            ("answered", Some(a)) => Ok(DpoUpdate::Answered(Text::new(a.da, a.en))),
            ("answered", None) => Err(ApiError::bad_request(
                "\"answered\" needs an `answer` with a text in the citizen's filing language",
            )),
            ("under_review", Some(_)) => Err(ApiError::bad_request(
                "`answer` goes only with \"answered\"",
            )),
            _ => Err(ApiError::bad_request(
                "`status` must be \"under_review\" or \"answered\"",
            )),
        }
    }
}

pub async fn update(
    State(state): State<ServerState>,
    _dpo: Dpo,
    Id(id): Id,
    JsonBody(body): JsonBody<UpdateBody>,
) -> Result<Json<DpoReport>, ApiError> {
    let update = body.update()?;
    let now =
        Timestamp::from_second(Timestamp::now().as_second()).map_err(|_| ApiError::internal())?;
    state
        .store
        .update_dpo_report(id, update, now)
        .await?
        .map_err(|e| match e {
            crate::store::StoreError::Forbidden => ApiError::new(
                StatusCode::CONFLICT,
                "conflict",
                "the report is answered; it cannot go back to under review",
            ),
            other => other.into(),
        })
        .map(Json)
}
