//! Verifying a citizen's access token: a JWT (RFC 7519, profiled by RFC 9068) signed by the issuer.
//!
//! Checks, in order: the shape; the header's `alg` (RS256/384/512, PS256, ES256, ES384 — never `none` or
//! HMAC) and `typ`; the signature with the issuer's key of that `kid` (refreshing the keys once if the kid is
//! unknown; a token whose signature this process checked before with the same keys is not checked again,
//! see [`super::signature_memo`]); then `iss`, `aud`, `exp` and `nbf` with [`CLOCK_SKEW_SECS`] of slack;
//! then the subject claim.

use super::jwks::{Jwk, JwksCache, JwksError};
use super::signature::{Alg, key_fits, verify_with};
use super::signature_memo::SignatureMemo;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;
use std::time::Duration;
use thiserror::Error;

/// Slack allowed on `exp` and `nbf` for clocks that differ a little.
pub const CLOCK_SKEW_SECS: i64 = 60;

/// Why a token was refused. Texts never include the token or its claims' values.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum TokenError {
    #[error("the token is not a well-formed JWT")]
    Malformed,
    #[error("the token's algorithm or type is not accepted")]
    Unsupported,
    #[error("no key of the issuer matches the token")]
    UnknownKey,
    #[error("the token's signature is invalid")]
    BadSignature,
    #[error("the token has expired")]
    Expired,
    #[error("the token is not valid yet")]
    NotYetValid,
    #[error("the token is from another issuer")]
    WrongIssuer,
    #[error("the token is for another audience")]
    WrongAudience,
    #[error("the token has no subject")]
    NoSubject,
    #[error("the ID token is not for this sign-in")]
    WrongNonce,
    #[error("the issuer's keys are not available: {0}")]
    Keys(#[from] JwksError),
}

/// A verified token's citizen: the subject claim and, if the token carries one, the name.
#[derive(Clone, PartialEq, Eq)]
pub struct Verified {
    pub subject: String,
    pub name: Option<zeroize::Zeroizing<String>>,
    /// The privilege list claim as sent (base64 XML, `privileges_claim`), unparsed; signed with the rest.
    pub privileges: Option<zeroize::Zeroizing<String>>,
    /// The values of `role_claim` (a string or a list of strings), for staff tokens.
    pub roles: Vec<String>,
}

impl std::fmt::Debug for Verified {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Verified([REDACTED])")
    }
}

/// What the verifier checks against.
#[derive(Debug, Clone)]
pub struct VerifierSettings {
    pub issuer: String,
    pub audience: String,
    /// The claim that holds the citizen's subject (default `sub`).
    pub subject_claim: String,
    /// The claim that holds the citizen's name, if the issuer sends one (`name`).
    pub name_claim: Option<String>,
    /// The claim with the OIO privilege list (powers of attorney), if one is read.
    pub privileges_claim: Option<String>,
    /// The claim with a staff member's roles, if one is read.
    pub role_claim: Option<String>,
    /// How long fetched keys are used before they are fetched again.
    pub jwks_max_age: Duration,
    /// The shortest time between two fetches caused by unknown key ids.
    pub jwks_min_refresh: Duration,
}

#[derive(Debug, Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: Option<String>,
    #[serde(default)]
    typ: Option<String>,
}

fn b64(s: &str) -> Result<Vec<u8>, TokenError> {
    URL_SAFE_NO_PAD.decode(s).map_err(|_| TokenError::Malformed)
}

/// Verifies access tokens of one issuer for one audience.
#[derive(Debug)]
pub struct Verifier {
    settings: VerifierSettings,
    jwks: JwksCache,
    memo: SignatureMemo,
}

impl Verifier {
    pub fn new(settings: VerifierSettings) -> Verifier {
        let jwks = JwksCache::new(
            &settings.issuer,
            settings.jwks_max_age,
            settings.jwks_min_refresh,
        );
        Verifier {
            settings,
            jwks,
            memo: SignatureMemo::new(),
        }
    }

    /// Fetches the keys now, so the first request need not wait (failure is logged and retried later).
    pub async fn warm_up(&self) -> Result<(), JwksError> {
        self.jwks.keys().await.map(|_| ())
    }

    /// Whether tokens can be verified now: the keys were fetched within their maximum age, or are
    /// fetched now.
    pub async fn keys_ready(&self) -> bool {
        if self.jwks.loaded().await {
            return true;
        }
        // At most one fetch per `jwks_min_refresh`, so probes cannot make the server hammer the issuer.
        self.jwks.refresh_for_unknown_kid().await.is_ok() && self.jwks.loaded().await
    }

    /// Verifies `token` at unix time `now` and returns the subject and, if the token names one, the name.
    pub async fn verify(&self, token: &str, now: i64) -> Result<Verified, TokenError> {
        let claims = self.signed_claims(token, now).await?;
        self.check_claims(&claims, now)
    }

    /// Verifies an OpenID Connect ID token (this verifier's audience being the client id) as [`verify`]
    /// does, and that its `nonce` is the one this sign-in sent.
    ///
    /// [`verify`]: Verifier::verify
    pub async fn verify_id_token(
        &self,
        token: &str,
        now: i64,
        nonce: &str,
    ) -> Result<Verified, TokenError> {
        let claims = self.signed_claims(token, now).await?;
        let verified = self.check_claims(&claims, now)?;
        let given = claims.get("nonce").and_then(|v| v.as_str()).unwrap_or("");
        if !bool::from(subtle::ConstantTimeEq::ct_eq(
            given.as_bytes(),
            nonce.as_bytes(),
        )) || nonce.is_empty()
        {
            return Err(TokenError::WrongNonce);
        }
        Ok(verified)
    }

    /// The claims of `token` once its shape, algorithm and signature are checked.
    async fn signed_claims(
        &self,
        token: &str,
        now: i64,
    ) -> Result<serde_json::Map<String, serde_json::Value>, TokenError> {
        let mut parts = token.split('.');
        let (Some(h), Some(p), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(TokenError::Malformed);
        };
        let header: Header = serde_json::from_slice(&b64(h)?).map_err(|_| TokenError::Malformed)?;
        let alg = Alg::parse(&header.alg).ok_or(TokenError::Unsupported)?;
        if let Some(typ) = header.typ.as_deref()
            && !["at+jwt", "application/at+jwt", "jwt"].contains(&typ.to_ascii_lowercase().as_str())
        {
            return Err(TokenError::Unsupported);
        }
        let sig = b64(s)?;
        let signed = token
            .as_bytes()
            .get(..h.len() + 1 + p.len())
            .ok_or(TokenError::Malformed)?;

        let claims = || -> Result<serde_json::Map<String, serde_json::Value>, TokenError> {
            serde_json::from_slice(&b64(p)?).map_err(|_| TokenError::Malformed)
        };
        let keys = self.jwks.keys().await?;
        if self.memo.knows(&keys, token.as_bytes(), now) {
            return claims();
        }
        let (verified, keys) = match self.check_signature(&keys, &header, alg, signed, &sig) {
            Err(TokenError::UnknownKey) => {
                let keys = self.jwks.refresh_for_unknown_kid().await?;
                (
                    self.check_signature(&keys, &header, alg, signed, &sig),
                    keys,
                )
            }
            other => (other, keys),
        };
        verified?;
        let claims = claims()?;
        if let Some(exp) = claims.get("exp").and_then(|v| v.as_f64()) {
            self.memo.remember(&keys, token.as_bytes(), exp as i64, now);
        }
        Ok(claims)
    }

    fn check_signature(
        &self,
        keys: &[Jwk],
        header: &Header,
        alg: Alg,
        signed: &[u8],
        sig: &[u8],
    ) -> Result<(), TokenError> {
        let candidates: Vec<&Jwk> = keys
            .iter()
            .filter(|k| match (&header.kid, &k.kid) {
                (Some(want), Some(have)) => want == have,
                (Some(_), None) => false,
                (None, _) => true,
            })
            .collect();
        if candidates.is_empty() {
            return Err(TokenError::UnknownKey);
        }
        if candidates
            .iter()
            .filter(|k| key_fits(k, alg))
            .any(|k| verify_with(k, alg, signed, sig))
        {
            Ok(())
        } else {
            Err(TokenError::BadSignature)
        }
    }

    fn check_claims(
        &self,
        claims: &serde_json::Map<String, serde_json::Value>,
        now: i64,
    ) -> Result<Verified, TokenError> {
        // Exactly, as RFC 9068 §4 asks: `https://idp/` is not `https://idp`.
        let iss = claims.get("iss").and_then(|v| v.as_str());
        if iss != Some(self.settings.issuer.as_str()) {
            return Err(TokenError::WrongIssuer);
        }
        let audience = self.settings.audience.as_str();
        let aud_ok = match claims.get("aud") {
            Some(serde_json::Value::String(a)) => a == audience,
            Some(serde_json::Value::Array(list)) => {
                list.iter().any(|a| a.as_str() == Some(audience))
            }
            _ => false,
        };
        if !aud_ok {
            return Err(TokenError::WrongAudience);
        }
        let number = |name: &str| claims.get(name).and_then(|v| v.as_f64()).map(|f| f as i64);
        // RFC 9068 makes `exp` required.
        let exp = number("exp").ok_or(TokenError::Expired)?;
        if now >= exp.saturating_add(CLOCK_SKEW_SECS) {
            return Err(TokenError::Expired);
        }
        if let Some(nbf) = number("nbf")
            && now.saturating_add(CLOCK_SKEW_SECS) < nbf
        {
            return Err(TokenError::NotYetValid);
        }
        let subject = match claims.get(&self.settings.subject_claim) {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
            _ => return Err(TokenError::NoSubject),
        };
        // A name longer than any real one is ignored rather than trusted into a greeting.
        let name = self
            .settings
            .name_claim
            .as_ref()
            .and_then(|c| claims.get(c))
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|n| !n.is_empty() && n.chars().count() <= 200)
            .map(|n| zeroize::Zeroizing::new(n.to_owned()));
        let privileges = self
            .settings
            .privileges_claim
            .as_ref()
            .and_then(|c| claims.get(c))
            .and_then(|v| v.as_str())
            .filter(|p| !p.trim().is_empty())
            .map(|p| zeroize::Zeroizing::new(p.to_owned()));
        let roles = match self
            .settings
            .role_claim
            .as_ref()
            .and_then(|c| claims.get(c))
        {
            Some(serde_json::Value::String(r)) => vec![r.clone()],
            Some(serde_json::Value::Array(list)) => list
                .iter()
                .filter_map(|r| r.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        Ok(Verified {
            subject,
            name,
            privileges,
            roles,
        })
    }
}
