//! `POST /v1/assisted-sessions`: a member of staff opens a visit for a citizen who has no MitID on their
//! phone. The staff member signs in at the municipality's staff issuer (their token must carry the
//! configured role), on a kiosk configured for it, checks the citizen's ID and enters the CPR number. The
//! server opens a session for that citizen alone, for at most `[server.staff] session_max_secs`: a random
//! token the kiosk uses as its bearer token, kept only as its SHA-256. Every attempt is in the
//! municipality's own audit (`staff_sign_ins`, with the staff member); the citizen's log shows the visit,
//! never who the staff member was. `POST /v1/assisted-sessions/end` ends it at sign-out.

use super::error::ApiError;
use super::extract::JsonBody;
use super::kiosk::RegisteredKiosk;
use super::state::ServerState;
use crate::auth::Verifier;
use crate::store::assisted::{StaffAttempt, StaffOutcome};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use base64::Engine;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// What a session token starts with, so the server knows it from an issuer's JWT.
pub use crate::domain::port::ASSISTED_TOKEN_PREFIX as TOKEN_PREFIX;

/// `[server.staff]`, ready to use.
#[derive(Debug)]
pub struct StaffPolicy {
    pub verifier: Verifier,
    pub role: String,
    pub session_secs: i64,
}

/// The body: the citizen's CPR number, as the staff member typed it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenBody {
    cpr: String,
}

impl Drop for OpenBody {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.cpr);
    }
}

/// The answer: the session's token (the kiosk's bearer token from now on) and when it ends.
#[derive(Serialize)]
pub struct Opened {
    pub token: String,
    pub expires_at: Timestamp,
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, rest) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("Bearer")
        .then(|| rest.trim())
        .filter(|t| !t.is_empty())
}

/// A new session token: 32 random bytes, base64url, after [`TOKEN_PREFIX`].
fn new_token() -> Result<String, ApiError> {
    let mut bytes = [0u8; 32];
    ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes)
        .map_err(|_| ApiError::internal())?;
    let token = format!(
        "{TOKEN_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    );
    zeroize::Zeroize::zeroize(&mut bytes);
    Ok(token)
}

pub async fn open(
    State(s): State<ServerState>,
    headers: HeaderMap,
    kiosk: Result<RegisteredKiosk, ApiError>,
    body: Result<JsonBody<OpenBody>, ApiError>,
) -> Result<(StatusCode, Json<Opened>), ApiError> {
    // First the staff member's token, then the kiosk, as on every route with both.
    let Some(token) = bearer(&headers) else {
        if let Ok(k) = &kiosk {
            tracing::info!(kiosk = %k.id, "sign-in with staff without a token");
        }
        return Err(ApiError::unauthorized(
            "the staff member's bearer token is required",
        ));
    };
    let kiosk = kiosk.inspect_err(|_| {
        tracing::warn!("sign-in with staff from a kiosk that is not registered: refused");
    })?;
    let not_configured = || {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "not_configured",
            "sign-in with staff needs [server.staff] and server.pepper_file",
        )
    };
    let (Some(policy), Some(pepper)) = (s.staff.clone(), s.pepper.clone()) else {
        return Err(not_configured());
    };
    let now =
        Timestamp::from_second(Timestamp::now().as_second()).map_err(|_| ApiError::internal())?;
    let mut attempt = StaffAttempt {
        at: now,
        kiosk_id: kiosk.id.clone(),
        staff: None,
        staff_name: None,
        outcome: StaffOutcome::BadToken,
    };
    let audit = |attempt: StaffAttempt| {
        let store = s.store.clone();
        async move {
            tracing::info!(kiosk = %attempt.kiosk_id, outcome = attempt.outcome.code(), "sign-in with staff");
            store.record_staff_attempt(attempt).await
        }
    };
    if let Err(retry_after) = s.limiter.check(
        super::rate_limit::token_key(token),
        std::time::Instant::now(),
    ) {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            format!("too many requests; try again in {retry_after} s"),
        ));
    }
    let verified = match policy.verifier.verify(token, now.as_second()).await {
        Ok(v) => v,
        Err(e) => {
            audit(attempt).await?;
            return Err(e.into());
        }
    };
    attempt.staff = Some(verified.subject.clone());
    attempt.staff_name = verified.name.as_ref().map(|n| n.to_string());
    if !verified.roles.iter().any(|r| *r == policy.role) {
        attempt.outcome = StaffOutcome::NoRole;
        audit(attempt).await?;
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "the staff member's token does not carry the role that may open visits",
        ));
    }
    if !kiosk.staff_sign_in {
        attempt.outcome = StaffOutcome::KioskNotAllowed;
        audit(attempt).await?;
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "not_configured",
            "this kiosk is not set up for sign-in with staff",
        ));
    }
    let cpr = match &body {
        Ok(JsonBody(b)) => crate::ingest::cpr::parse_cpr(&b.cpr),
        Err(_) => None,
    };
    let Some(cpr) = cpr else {
        attempt.outcome = StaffOutcome::MalformedCpr;
        audit(attempt).await?;
        return Err(match body {
            Err(e) => e,
            Ok(_) => ApiError::bad_request("`cpr` is not ten digits as ddmmyy-nnnn or ddmmyynnnn"),
        });
    };
    let key = pepper.citizen_key(&cpr);
    let session = new_token()?;
    let hash = crate::auth::sha256_hex(&session);
    let expires_at = now + jiff::SignedDuration::from_secs(policy.session_secs);
    attempt.outcome = StaffOutcome::Opened;
    let known = s
        .store
        .open_assisted_session(attempt, key, hash, expires_at)
        .await?;
    if !known {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "unknown_citizen",
            "the server knows no citizen with this CPR number",
        ));
    }
    tracing::info!(kiosk = %kiosk.id, "a member of staff opened a visit");
    Ok((
        StatusCode::CREATED,
        Json(Opened {
            token: session,
            expires_at,
        }),
    ))
}

/// Ends the session the bearer token is (sign-out at the kiosk). Any other token: nothing to end.
pub async fn end(
    State(s): State<ServerState>,
    headers: HeaderMap,
    _none: super::extract::EmptyBody,
) -> Result<StatusCode, ApiError> {
    let token = bearer(&headers)
        .filter(|t| t.starts_with(TOKEN_PREFIX))
        .ok_or_else(|| {
            ApiError::unauthorized("a session token of a visit opened by staff is required")
        })?;
    let now = Timestamp::now();
    s.store
        .end_assisted_session(crate::auth::sha256_hex(token), now)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
