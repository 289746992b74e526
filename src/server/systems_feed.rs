//! `GET /v1/systems/requests` and `POST /v1/systems/requests/{id}/ack`: a system pulls the withdrawals of
//! consents it holds and says what it did. The system is known from its API key; it sees only its own
//! requests, and another system's id answers 404 like one that does not exist.

use super::error::ApiError;
use super::extract::{Id, JsonBody};
use super::ingest::SourceSystem;
use super::state::ServerState;
use crate::domain::Text;
use crate::store::requests::{AckOutcome, MAX_FEED_PAGE, SystemRequest};
use axum::Json;
use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The default page of the feed.
pub const DEFAULT_FEED_PAGE: u32 = 100;

/// The feed's query string: `after` (a request id, the previous page's `next`) and `limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedQuery {
    pub after: i64,
    pub limit: u32,
}

impl<S: Send + Sync> FromRequestParts<S> for FeedQuery {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<FeedQuery, ApiError> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Raw {
            after: Option<String>,
            limit: Option<String>,
        }
        let Query(raw) = Query::<Raw>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::bad_request("the query takes only `after` and `limit`"))?;
        let number = |s: &str, max: usize| {
            (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<i64>().ok())
                .flatten()
        };
        let after = match raw.after.as_deref() {
            None => 0,
            Some(a) => number(a, 18).ok_or_else(|| {
                ApiError::bad_request("`after` must be the `next` of the previous page")
            })?,
        };
        let limit = match raw.limit.as_deref() {
            None => DEFAULT_FEED_PAGE,
            Some(l) => number(l, 9)
                .filter(|n| *n >= 1)
                .map(|n| u32::try_from(n).unwrap_or(MAX_FEED_PAGE).min(MAX_FEED_PAGE))
                .ok_or_else(|| ApiError::bad_request("`limit` must be a whole number from 1"))?,
        };
        Ok(FeedQuery { after, limit })
    }
}

/// One page of the feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedPage {
    pub requests: Vec<SystemRequest>,
    /// The `after` of the next page, or `null` when this page is the last.
    pub next: Option<String>,
}

/// The reason of a refusal, as posted.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Reason {
    #[serde(default)]
    da: String,
    #[serde(default)]
    en: String,
}

/// The body of an ack.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AckBody {
    outcome: String,
    #[serde(default)]
    reason: Option<Reason>,
}

impl AckBody {
    fn outcome(self) -> Result<AckOutcome, ApiError> {
        match (self.outcome.as_str(), self.reason) {
            ("done", None) => Ok(AckOutcome::Done),
            ("done", Some(_)) => Err(ApiError::bad_request("`reason` goes only with \"refused\"")),
            ("refused", Some(r)) => Ok(AckOutcome::Refused(Text::new(r.da.trim(), r.en.trim()))),
            ("refused", None) => Err(ApiError::bad_request(
                "\"refused\" needs a `reason` with a text in the citizen's filing language",
            )),
            _ => Err(ApiError::bad_request(
                "`outcome` must be \"done\" or \"refused\"",
            )),
        }
    }
}

pub async fn feed(
    State(state): State<ServerState>,
    SourceSystem(system): SourceSystem,
    query: FeedQuery,
) -> Result<Json<FeedPage>, ApiError> {
    // The catalogue id of the system behind the key, if the catalogue has it.
    let Some(id) = state.store.catalogue_system_id(system).await? else {
        return Ok(Json(FeedPage {
            requests: Vec::new(),
            next: None,
        }));
    };
    let requests = state
        .store
        .system_requests(id, query.after, query.limit)
        .await?;
    let full = requests.len() as u32 >= query.limit;
    let next = requests.last().filter(|_| full).map(|r| r.id.to_string());
    Ok(Json(FeedPage { requests, next }))
}

pub async fn ack(
    State(state): State<ServerState>,
    SourceSystem(system): SourceSystem,
    Id(request): Id,
    JsonBody(body): JsonBody<AckBody>,
) -> Result<Json<SystemRequest>, ApiError> {
    let outcome = body.outcome()?;
    let id = state
        .store
        .catalogue_system_id(system)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let now =
        Timestamp::from_second(Timestamp::now().as_second()).map_err(|_| ApiError::internal())?;
    state
        .store
        .ack_system_request(id, request, outcome, now)
        .await
        .map(Json)
}
