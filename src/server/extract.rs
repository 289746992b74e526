//! Extractors whose rejections are JSON `{code, message}`: path ids, JSON bodies and the access-log query.

use super::error::ApiError;
use crate::domain::{AccessCursor, AccessFilter, Action};
use crate::store::MAX_PAGE;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// A numeric id from the path (`/v1/categories/{id}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Id(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Id, ApiError> {
        let Path(id) = Path::<i64>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::bad_request("the id in the path must be an integer"))?;
        Ok(Id(id))
    }
}

/// A JSON body, read within the route's size limit and parsed with serde's rules (unknown fields are
/// refused where the type says so).
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<JsonBody<T>, ApiError> {
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::too_large("the request body is too large")
                } else {
                    ApiError::bad_request("the request body could not be read")
                }
            })?;
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|e| ApiError::bad_request(format!("invalid JSON body: {e}")))
    }
}

/// A route that takes no body: nothing, or an empty JSON object (`{}`). Anything else is an unknown
/// field and answers 400.
#[derive(Debug, Clone, Copy)]
pub struct EmptyBody;

/// A body that may be left out: nothing (or only white space) is `T::default()`; anything else must be `T` as
/// JSON, without unknown fields, else 400 with `refusal`. Too large is 413.
async fn optional_body<T, S>(req: Request, state: &S, refusal: &'static str) -> Result<T, ApiError>
where
    T: DeserializeOwned + Default,
    S: Send + Sync,
{
    let bytes = axum::body::Bytes::from_request(req, state)
        .await
        .map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::too_large("the request body is too large")
            } else {
                ApiError::bad_request("the request body could not be read")
            }
        })?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(&bytes).map_err(|_| ApiError::bad_request(refusal))
}

impl<S: Send + Sync> FromRequest<S> for EmptyBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<EmptyBody, ApiError> {
        #[derive(Deserialize, Default)]
        #[serde(deny_unknown_fields)]
        struct Nothing {}
        optional_body::<Nothing, S>(
            req,
            state,
            "this route takes no body (or an empty object {})",
        )
        .await
        .map(|_| EmptyBody)
    }
}

/// The body of a citizen's withdrawal or report: nothing, `{}`, or `{"lang": "da"|"en"}`, the language the
/// citizen files in (default Danish). Anything else answers 400.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilingLang(pub crate::domain::Lang);

impl<S: Send + Sync> FromRequest<S> for FilingLang {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<FilingLang, ApiError> {
        #[derive(Deserialize, Default)]
        #[serde(deny_unknown_fields)]
        struct Filing {
            #[serde(default)]
            lang: Option<crate::domain::Lang>,
        }
        optional_body::<Filing, S>(
            req,
            state,
            "this route takes no body, or {\"lang\": \"da\"} or {\"lang\": \"en\"}",
        )
        .await
        .map(|f| FilingLang(f.lang.unwrap_or_default()))
    }
}

/// The access-log query string, as sent.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAccessQuery {
    from: Option<String>,
    to: Option<String>,
    area: Option<String>,
    organisation: Option<String>,
    action: Option<String>,
    q: Option<String>,
    after: Option<String>,
    limit: Option<String>,
}

/// The longest search text or area code accepted.
pub const MAX_QUERY_TEXT: usize = 200;

/// The cursor's shape, as `/openapi.json` documents it: whole seconds since 1970 (at most 11 digits) and
/// an id (at most 18 digits). Everything of this shape decodes; nothing else is accepted.
pub const CURSOR_PATTERN: &str = r"^[0-9]{1,11}\.[0-9]{1,18}$";

fn cursor(c: &str) -> Result<AccessCursor, ApiError> {
    let bad = || ApiError::bad_request("`after` is not a valid cursor: <unix seconds>.<id>");
    let (secs, id) = c.split_once('.').ok_or_else(bad)?;
    let digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(secs, 11) || !digits(id, 18) {
        return Err(bad());
    }
    AccessCursor::decode(c).ok_or_else(bad)
}

/// The default page size.
pub const DEFAULT_PAGE: u32 = 50;

/// The access-log query, parsed: filter, cursor and page size (capped at [`MAX_PAGE`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessQuery {
    pub filter: AccessFilter,
    pub after: Option<AccessCursor>,
    pub limit: u32,
}

fn time(name: &str, v: Option<String>) -> Result<Option<jiff::Timestamp>, ApiError> {
    v.map(|s| {
        s.parse()
            .map_err(|_| ApiError::bad_request(format!("`{name}` must be an RFC 3339 time")))
    })
    .transpose()
}

impl<S: Send + Sync> FromRequestParts<S> for AccessQuery {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<AccessQuery, ApiError> {
        let Query(raw) = Query::<RawAccessQuery>::from_request_parts(parts, state)
            .await
            .map_err(|e| ApiError::bad_request(format!("invalid query: {}", e.body_text())))?;
        let organisation = raw
            .organisation
            .map(|o| {
                o.parse::<i64>().ok().filter(|id| *id >= 1).ok_or_else(|| {
                    ApiError::bad_request("`organisation` must be an id from 1 up (int64)")
                })
            })
            .transpose()?;
        let action = raw
            .action
            .map(|a| {
                Action::from_code(&a).ok_or_else(|| {
                    ApiError::bad_request(
                        "`action` must be one of viewed, created, changed, disclosed, exported",
                    )
                })
            })
            .transpose()?;
        let after = raw.after.map(|c| cursor(&c)).transpose()?;
        for (name, value) in [("q", &raw.q), ("area", &raw.area)] {
            if value
                .as_ref()
                .is_some_and(|v| v.chars().count() > MAX_QUERY_TEXT)
            {
                return Err(ApiError::bad_request(format!(
                    "`{name}` may be at most {MAX_QUERY_TEXT} characters"
                )));
            }
        }
        let limit = match raw.limit {
            None => DEFAULT_PAGE,
            Some(l) => match l.parse::<u64>() {
                Ok(n) if n >= 1 => u32::try_from(n).unwrap_or(MAX_PAGE).min(MAX_PAGE),
                // An integer too large for u64 is still above the cap, as documented.
                Err(e) if *e.kind() == std::num::IntErrorKind::PosOverflow => MAX_PAGE,
                _ => {
                    return Err(ApiError::bad_request(format!(
                        "`limit` must be an integer from 1 to {MAX_PAGE}"
                    )));
                }
            },
        };
        Ok(AccessQuery {
            filter: AccessFilter {
                from: time("from", raw.from)?,
                to: time("to", raw.to)?,
                area: raw.area.filter(|a| !a.is_empty()),
                organisation,
                action,
                text: raw.q.filter(|q| !q.trim().is_empty()),
            },
            after,
            limit,
        })
    }
}
