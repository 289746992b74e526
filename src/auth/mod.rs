//! Sign-in, on both sides.
//!
//! - The kiosk side: [`Broker`], the citizen's OIDC broker (MitID) as the kiosk's effect runner calls it —
//!   the device authorization grant (RFC 8628), the refresh grant, and revocation (RFC 7009) — with
//!   [`OidcBroker`] over HTTPS. The kiosk core never calls it; the effect runner does, off the render loop.
//! - The server side: verifying the citizens' access tokens (JWT, RFC 9068) against the issuer's published
//!   keys (JWKS), and the line-of-business systems' API keys for ingest.

pub mod api_key;
pub mod citizen_key;
pub mod code_flow;
pub mod discovery;
pub mod jwks;
pub mod jwt;
pub mod oidc;
pub mod privileges;
pub mod signature;
pub mod signature_memo;

pub use api_key::{ApiKeys, sha256_hex};
pub use citizen_key::{MIN_PEPPER_BYTES, Pepper, PepperError};
pub use jwks::{JwksCache, JwksError};
pub use jwt::{CLOCK_SKEW_SECS, TokenError, Verifier, VerifierSettings};
pub use oidc::{BrokerOptions, OidcBroker};

use crate::domain::port::AccessToken;
use crate::kiosk::device::{AuthError, DeviceAuthorization, Poll, Tokens};

/// The OIDC broker, as the kiosk needs it. Blocking: the runner calls it on tokio's blocking pool.
pub trait Broker: Send + Sync {
    /// Asks for a device code and a user code.
    fn start(&self) -> Result<DeviceAuthorization, AuthError>;
    /// Polls the token endpoint once with the device code.
    fn poll(&self, device_code: &AccessToken) -> Poll;
    /// Trades the refresh token for new tokens.
    fn refresh(&self, refresh: &AccessToken) -> Result<Tokens, AuthError>;
    /// Revokes a token, if the broker offers revocation. Errors are ignored: it is best effort.
    fn revoke(&self, token: &AccessToken);
}
