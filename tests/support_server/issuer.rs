//! A local OIDC issuer for tests: keys generated here (ES256 with ring, RS256 with the rsa crate), a
//! discovery document and a JWKS served by a tiny axum app on 127.0.0.1:0, and token minting.

use axum::Json;
use axum::routing::get;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::rand::SystemRandom;
use ring::signature::{self, EcdsaKeyPair, KeyPair, RsaKeyPair};
use rsa::pkcs8::EncodePrivateKey;
use rsa::traits::PublicKeyParts;
use serde_json::{Value, json};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// A signing key with its public JWK.
pub enum Signer {
    Ec(EcdsaKeyPair),
    Rsa(RsaKeyPair),
}

pub struct Key {
    pub kid: String,
    pub signer: Signer,
    pub jwk: Value,
}

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

impl Key {
    pub fn es256(kid: &str) -> Key {
        let rng = SystemRandom::new();
        let alg = &signature::ECDSA_P256_SHA256_FIXED_SIGNING;
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(alg, &rng).unwrap();
        let pair = EcdsaKeyPair::from_pkcs8(alg, pkcs8.as_ref(), &rng).unwrap();
        let point = pair.public_key().as_ref();
        let jwk = json!({ "kty": "EC", "crv": "P-256", "kid": kid, "use": "sig", "alg": "ES256",
                          "x": b64(&point[1..33]), "y": b64(&point[33..65]) });
        Key {
            kid: kid.into(),
            signer: Signer::Ec(pair),
            jwk,
        }
    }

    /// An RS256 key. Generating RSA keys is slow, so the 2048-bit key is made once per test binary and
    /// shared; `kid` only names it.
    pub fn rs256(kid: &str) -> Key {
        static DER: OnceLock<Vec<u8>> = OnceLock::new();
        let der = DER.get_or_init(|| {
            let key = rsa::RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 2048).unwrap();
            key.to_pkcs8_der().unwrap().as_bytes().to_vec()
        });
        let private =
            <rsa::RsaPrivateKey as rsa::pkcs8::DecodePrivateKey>::from_pkcs8_der(der).unwrap();
        let jwk = json!({ "kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256",
                          "n": b64(&private.n().to_bytes_be()), "e": b64(&private.e().to_bytes_be()) });
        Key {
            kid: kid.into(),
            signer: Signer::Rsa(RsaKeyPair::from_pkcs8(der).unwrap()),
            jwk,
        }
    }

    fn alg(&self) -> &'static str {
        match self.signer {
            Signer::Ec(_) => "ES256",
            Signer::Rsa(_) => "RS256",
        }
    }

    /// A compact JWT with these claims, signed by this key.
    pub fn sign(&self, claims: &Value) -> String {
        let header = json!({ "alg": self.alg(), "typ": "at+jwt", "kid": self.kid });
        let input = format!(
            "{}.{}",
            b64(header.to_string().as_bytes()),
            b64(claims.to_string().as_bytes())
        );
        let rng = SystemRandom::new();
        let sig = match &self.signer {
            Signer::Ec(pair) => pair.sign(&rng, input.as_bytes()).unwrap().as_ref().to_vec(),
            Signer::Rsa(pair) => {
                let mut sig = vec![0; pair.public().modulus_len()];
                pair.sign(
                    &signature::RSA_PKCS1_SHA256,
                    &rng,
                    input.as_bytes(),
                    &mut sig,
                )
                .unwrap();
                sig
            }
        };
        format!("{input}.{}", b64(&sig))
    }
}

/// The issuer: its URL, its published keys (changeable), a count of JWKS fetches, and whether it answers
/// (when `up` is false, its discovery document and JWKS are 503).
pub struct Issuer {
    pub url: String,
    pub published: Arc<Mutex<Vec<Value>>>,
    pub fetches: Arc<Mutex<u32>>,
    pub keys: Vec<Key>,
    pub up: Arc<AtomicBool>,
}

impl Issuer {
    /// Starts an issuer publishing `keys` on 127.0.0.1:0.
    pub async fn start(keys: Vec<Key>) -> Issuer {
        Issuer::start_spelled(keys, "").await
    }

    /// Like [`Issuer::start`], but its discovery document names its issuer with `suffix` appended
    /// (e.g. a trailing `/`): an issuer spelled differently from its URL.
    pub async fn start_spelled(keys: Vec<Key>, suffix: &str) -> Issuer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let published = Arc::new(Mutex::new(
            keys.iter().map(|k| k.jwk.clone()).collect::<Vec<_>>(),
        ));
        let fetches = Arc::new(Mutex::new(0));
        let discovery = json!({ "issuer": format!("{url}{suffix}"), "jwks_uri": format!("{url}/jwks"),
                                "token_endpoint": format!("{url}/token") });
        let (jwks, count) = (published.clone(), fetches.clone());
        let up = Arc::new(AtomicBool::new(true));
        let (up_d, up_j) = (up.clone(), up.clone());
        let down = || (axum::http::StatusCode::SERVICE_UNAVAILABLE, Json(json!({})));
        let app = axum::Router::new()
            .route(
                "/.well-known/openid-configuration",
                get(move || async move {
                    if !up_d.load(Ordering::SeqCst) {
                        return down();
                    }
                    (axum::http::StatusCode::OK, Json(discovery))
                }),
            )
            .route(
                "/jwks",
                get(move || async move {
                    if !up_j.load(Ordering::SeqCst) {
                        return down();
                    }
                    *count.lock().unwrap() += 1;
                    let keys = jwks.lock().unwrap().clone();
                    (axum::http::StatusCode::OK, Json(json!({ "keys": keys })))
                }),
            );
        tokio::spawn(async move { axum::serve(listener, app).await });
        Issuer {
            url,
            published,
            fetches,
            keys,
            up,
        }
    }

    /// The usual claims for `subject`: this issuer, the test audience, valid for five minutes.
    pub fn claims(&self, subject: &str) -> Value {
        let now = jiff::Timestamp::now().as_second();
        json!({ "iss": self.url, "aud": super::AUDIENCE, "sub": subject, "exp": now + 300,
                "iat": now, "nbf": now - 5, "client_id": "indsigt-kiosk", "jti": format!("t-{now}") })
    }

    /// A valid token for `subject`, signed with the first key.
    pub fn token(&self, subject: &str) -> String {
        self.keys[0].sign(&self.claims(subject))
    }

    /// Stops answering (503) or starts again.
    pub fn set_up(&self, up: bool) {
        self.up.store(up, Ordering::SeqCst);
    }

    pub fn jwks_fetches(&self) -> u32 {
        *self.fetches.lock().unwrap()
    }
}
