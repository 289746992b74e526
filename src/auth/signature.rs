//! The signature of a JWT: which algorithms are taken, whether a published key fits one, and checking it
//! with ring.

use super::jwks::Jwk;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::signature::{self, RsaPublicKeyComponents, UnparsedPublicKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alg {
    Rs256,
    Rs384,
    Rs512,
    Ps256,
    Es256,
    Es384,
}

impl Alg {
    pub fn parse(s: &str) -> Option<Alg> {
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

/// Whether `key` can verify a token with `alg` (its kind, curve, declared algorithm and use agree).
pub fn key_fits(key: &Jwk, alg: Alg) -> bool {
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
pub fn verify_with(key: &Jwk, alg: Alg, message: &[u8], sig: &[u8]) -> bool {
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
