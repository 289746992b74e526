//! Server-side sign-in checks: verifying the citizens' access tokens (JWT, RFC 9068) against the
//! issuer's published keys (JWKS), and the line-of-business systems' API keys for ingest.

pub mod api_key;
pub mod jwks;
pub mod jwt;

pub use api_key::{ApiKeys, sha256_hex};
pub use jwks::{JwksCache, JwksError};
pub use jwt::{CLOCK_SKEW_SECS, TokenError, Verifier, VerifierSettings};
