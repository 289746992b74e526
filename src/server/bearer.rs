//! The signed-in citizen of a request, taken only from the verified bearer token.

use super::error::ApiError;
use super::state::ServerState;
use crate::server::rate_limit::token_key;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use std::time::Instant;

/// The verified subject of the request's access token. Holding one means: the token was well formed,
/// signed by the issuer, for this audience, current, and within its rate limit.
#[derive(Clone, PartialEq, Eq)]
pub struct Subject {
    /// The subject claim (or, with `cpr_claim`, the CPR number), never logged.
    pub id: String,
    /// The name the token carries (`[server] name_claim`), for a citizen the database has no name for.
    pub name: Option<zeroize::Zeroizing<String>>,
    /// The token's privilege list (base64 XML), unparsed; only `server::acting` reads it.
    pub privileges: Option<zeroize::Zeroizing<String>>,
    /// Set for a visit a member of staff opened: the citizen it is for (not the token's subject).
    pub assisted: Option<crate::store::CitizenRef>,
}

impl std::fmt::Debug for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Subject([REDACTED])")
    }
}

/// The value after `scheme ` in the Authorization header (the scheme compared case-insensitively).
pub fn credentials<'a>(parts: &'a Parts, scheme: &str) -> Option<&'a str> {
    let value = parts
        .headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (given, rest) = value.split_once(' ')?;
    given
        .eq_ignore_ascii_case(scheme)
        .then(|| rest.trim())
        .filter(|r| !r.is_empty())
}

impl FromRequestParts<ServerState> for Subject {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &ServerState,
    ) -> Result<Subject, ApiError> {
        let token = credentials(parts, "Bearer")
            .ok_or_else(|| ApiError::unauthorized("a bearer token is required"))?;
        if let Err(retry_after) = state.limiter.check(token_key(token), Instant::now()) {
            return Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                format!("too many requests; try again in {retry_after} s"),
            ));
        }
        if token.starts_with(super::assisted::TOKEN_PREFIX) {
            let hash = crate::auth::sha256_hex(token);
            let session = state
                .store
                .assisted_session(hash, jiff::Timestamp::now())
                .await?
                .ok_or_else(|| {
                    ApiError::unauthorized("the visit has ended, or the token is not valid")
                })?;
            return Ok(Subject {
                id: String::new(),
                name: None,
                privileges: None,
                assisted: Some(session.citizen),
            });
        }
        let verifier = state.verifier.as_ref().ok_or_else(ApiError::unavailable)?;
        let now = jiff::Timestamp::now().as_second();
        let verified = verifier.verify(token, now).await?;
        Ok(Subject {
            id: verified.subject,
            name: verified.name,
            privileges: verified.privileges,
            assisted: None,
        })
    }
}
