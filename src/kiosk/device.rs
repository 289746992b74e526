//! Sign-in on the citizen's own phone: the OAuth 2.0 Device Authorization Grant (RFC 8628), as state.
//!
//! The kiosk asks the broker for a device code, shows the QR code of `verification_uri_complete` and the
//! user code, and polls the token endpoint at `interval`, 5 s more on every `slow_down`. Time comes from
//! the msgs; the HTTP calls are effects.

use crate::domain::port::AccessToken;
use jiff::{SignedDuration, Timestamp};
use std::fmt;

/// The poll interval when the broker gives none, or 0 (RFC 8628 §3.2).
pub const DEFAULT_INTERVAL_SECS: u64 = 5;
/// An interval above this is treated as this: a citizen will not wait minutes between polls.
pub const MAX_INTERVAL_SECS: u64 = 60;
/// `slow_down` adds this much to the interval (RFC 8628 §3.5).
pub const SLOW_DOWN_SECS: u64 = 5;
/// The longest a code is shown, whatever `expires_in` says.
pub const MAX_EXPIRY_SECS: u64 = 1800;

/// The broker's answer to the device authorization request (RFC 8628 §3.2).
#[derive(Clone, PartialEq, Eq)]
pub struct DeviceAuthorization {
    /// Secret: it lets its holder fetch the tokens.
    pub device_code: AccessToken,
    pub user_code: String,
    pub verification_uri: String,
    pub verification_uri_complete: Option<String>,
    pub expires_in: u64,
    pub interval: Option<u64>,
}

impl fmt::Debug for DeviceAuthorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeviceAuthorization")
            .field("device_code", &self.device_code)
            .field("expires_in", &self.expires_in)
            .field("interval", &self.interval)
            .finish_non_exhaustive()
    }
}

/// The tokens a finished sign-in gives. Memory only; `Debug` redacts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tokens {
    pub access: AccessToken,
    pub refresh: Option<AccessToken>,
}

/// One answer of the token endpoint while polling (RFC 8628 §3.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Poll {
    /// `authorization_pending`: the citizen has not finished yet.
    Pending,
    /// `slow_down`: poll less often.
    SlowDown,
    /// `access_denied`: the citizen said no.
    Denied,
    /// `expired_token`: the code ran out.
    Expired,
    /// Signed in.
    Tokens(Tokens),
    /// The broker could not be reached this time; polling goes on until the code expires.
    Unreachable,
    /// Anything else (a broken answer, an unknown client): the sign-in cannot go on.
    Failed(AuthError),
}

/// Why sign-in failed, each with a localized sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    #[error("the sign-in service could not be reached")]
    Unreachable,
    #[error("the sign-in service's discovery document has no device authorization endpoint")]
    NoDeviceEndpoint,
    #[error("the sign-in service answered with something we could not read")]
    Malformed,
    #[error("the sign-in service refused the kiosk: {0}")]
    Refused(String),
}

impl AuthError {
    pub fn message_id(&self) -> &'static str {
        match self {
            AuthError::Unreachable => "auth-error-unreachable",
            AuthError::NoDeviceEndpoint => "auth-error-no-device-endpoint",
            AuthError::Malformed => "auth-error-malformed",
            AuthError::Refused(_) => "auth-error-refused",
        }
    }
}

/// Where the device sign-in is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeviceFlow {
    /// Asking the broker for a code.
    Starting,
    /// Showing the code and polling.
    Waiting(Waiting),
    /// Signed in; the tokens wait for the helper question to be answered.
    SignedIn(Tokens),
    Denied,
    Expired,
    Failed(AuthError),
}

/// The code on screen and the polling clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub auth: DeviceAuthorization,
    pub expires_at: Timestamp,
    pub interval_secs: u64,
    pub next_poll_at: Timestamp,
    /// A poll is on its way; the next waits for its answer.
    pub polling: bool,
}

impl Waiting {
    /// Starts waiting on `auth` at `now`, with the interval and expiry made sane.
    pub fn new(auth: DeviceAuthorization, now: Timestamp) -> Waiting {
        let interval_secs = match auth.interval {
            None | Some(0) => DEFAULT_INTERVAL_SECS,
            Some(i) => i.min(MAX_INTERVAL_SECS),
        };
        let expiry = auth.expires_in.clamp(1, MAX_EXPIRY_SECS);
        Waiting {
            expires_at: now + secs(expiry),
            next_poll_at: now + secs(interval_secs),
            interval_secs,
            polling: false,
            auth,
        }
    }

    /// The URL the QR code holds: the complete one when the broker gives it.
    pub fn qr_url(&self) -> &str {
        self.auth
            .verification_uri_complete
            .as_deref()
            .unwrap_or(&self.auth.verification_uri)
    }

    /// Seconds until the code expires.
    pub fn seconds_left(&self, now: Timestamp) -> i64 {
        self.expires_at.duration_since(now).as_secs().max(0)
    }
}

pub fn secs(s: u64) -> SignedDuration {
    SignedDuration::from_secs(i64::try_from(s).unwrap_or(i64::MAX / 2))
}

/// The user code grouped for reading: `WDJBMJHT` → `WDJB-MJHT`.
pub fn grouped(code: &str) -> String {
    let clean: Vec<char> = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    clean
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_grouped_in_fours() {
        assert_eq!(grouped("WDJBMJHT"), "WDJB-MJHT");
        assert_eq!(grouped("wdjb-mjht"), "wdjb-mjht");
        assert_eq!(grouped("ABCDEFGHIJ"), "ABCD-EFGH-IJ");
    }
}
