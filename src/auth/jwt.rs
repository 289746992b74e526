//! Verifying a citizen's access token: a JWT (RFC 7519, profiled by RFC 9068) signed by the issuer.
//!
//! Checks, in order: the shape; the header's `alg` (RS256/384/512, PS256, ES256, ES384 — never `none` or
//! HMAC) and `typ`; the signature with the issuer's key of that `kid` (refreshing the keys once if the kid is
//! unknown); then `iss`, `aud`, `exp` and `nbf` with [`CLOCK_SKEW_SECS`] of slack; then the subject claim.

use super::jwks::{Jwk, JwksCache, JwksError};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::signature::{self, RsaPublicKeyComponents, UnparsedPublicKey};
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Alg {
    Rs256,
    Rs384,
    Rs512,
    Ps256,
    Es256,
    Es384,
}

impl Alg {
    fn parse(s: &str) -> Option<Alg> {
        Some(match s {
            "RS256" => Alg::Rs256,
            "RS384" => Alg::Rs384,
            "RS512" => Alg::Rs512,
            "PS256" => Alg::Ps256,
            "ES256" => Alg::Es256,
            "ES384" => Alg::Es384,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Alg::Rs256 => "RS256",
            Alg::Rs384 => "RS384",
            Alg::Rs512 => "RS512",
            Alg::Ps256 => "PS256",
            Alg::Es256 => "ES256",
            Alg::Es384 => "ES384",
        }
    }

    fn kty(self) -> &'static str {
        match self {
            Alg::Es256 | Alg::Es384 => "EC",
            _ => "RSA",
        }
    }
}

fn b64(s: &str) -> Result<Vec<u8>, TokenError> {
    URL_SAFE_NO_PAD.decode(s).map_err(|_| TokenError::Malformed)
}

/// Whether `key` can verify a token with `alg` (its kind, curve, declared algorithm and use agree).
fn key_fits(key: &Jwk, alg: Alg) -> bool {
    if key.kty != alg.kty() {
        return false;
    }
    if key.alg.as_deref().is_some_and(|a| a != alg.name()) {
        return false;
    }
    if key.use_.as_deref().is_some_and(|u| u != "sig") {
        return false;
    }
    match alg {
        Alg::Es256 => key.crv.as_deref() == Some("P-256"),
        Alg::Es384 => key.crv.as_deref() == Some("P-384"),
        _ => true,
    }
}

/// Checks `signature` over `message` with `key`. Any decoding problem of the key counts as a bad signature.
fn verify_with(key: &Jwk, alg: Alg, message: &[u8], sig: &[u8]) -> bool {
    let field = |v: &Option<String>| v.as_deref().and_then(|s| URL_SAFE_NO_PAD.decode(s).ok());
    match alg.kty() {
        "RSA" => {
            let (Some(n), Some(e)) = (field(&key.n), field(&key.e)) else {
                return false;
            };
            let params = match alg {
                Alg::Rs256 => &signature::RSA_PKCS1_2048_8192_SHA256,
                Alg::Rs384 => &signature::RSA_PKCS1_2048_8192_SHA384,
                Alg::Rs512 => &signature::RSA_PKCS1_2048_8192_SHA512,
                _ => &signature::RSA_PSS_2048_8192_SHA256,
            };
            RsaPublicKeyComponents { n, e }
                .verify(params, message, sig)
                .is_ok()
        }
        _ => {
            let (Some(x), Some(y)) = (field(&key.x), field(&key.y)) else {
                return false;
            };
            let mut point = Vec::with_capacity(1 + x.len() + y.len());
            point.push(4);
            point.extend_from_slice(&x);
            point.extend_from_slice(&y);
            let params = match alg {
                Alg::Es256 => &signature::ECDSA_P256_SHA256_FIXED,
                _ => &signature::ECDSA_P384_SHA384_FIXED,
            };
            UnparsedPublicKey::new(params, point)
                .verify(message, sig)
                .is_ok()
        }
    }
}

/// Verifies access tokens of one issuer for one audience.
#[derive(Debug)]
pub struct Verifier {
    settings: VerifierSettings,
    jwks: JwksCache,
}

impl Verifier {
    pub fn new(settings: VerifierSettings) -> Verifier {
        let jwks = JwksCache::new(
            &settings.issuer,
            settings.jwks_max_age,
            settings.jwks_min_refresh,
        );
        Verifier { settings, jwks }
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
        let claims = self.signed_claims(token).await?;
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
        let claims = self.signed_claims(token).await?;
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

        let keys = self.jwks.keys().await?;
        let verified = match self.check_signature(&keys, &header, alg, signed, &sig) {
            Err(TokenError::UnknownKey) => {
                let keys = self.jwks.refresh_for_unknown_kid().await?;
                self.check_signature(&keys, &header, alg, signed, &sig)
            }
            other => other,
        };
        verified?;

        serde_json::from_slice(&b64(p)?).map_err(|_| TokenError::Malformed)
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
