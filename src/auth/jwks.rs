//! The issuer's signing keys: found through its discovery document
//! (`{issuer}/.well-known/openid-configuration` → `jwks_uri`), fetched, cached, and refreshed when a token
//! names a key id the cache does not know (at most once per `min_refresh`).

use serde::Deserialize;
use std::sync::Arc;
use std::time::{Duration, Instant};
use thiserror::Error;
use tokio::sync::{Mutex, RwLock};

/// Why the keys could not be had. The texts name URLs and statuses only.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum JwksError {
    #[error("fetching {what} failed: {reason}")]
    Fetch { what: &'static str, reason: String },
    #[error(
        "the discovery document names issuer {found:?}, but the configured issuer is {configured:?}"
    )]
    IssuerMismatch { configured: String, found: String },
    #[error("jwks_uri must be https:// (http:// only on a loopback host): {0}")]
    InsecureJwksUri(String),
}

/// One public key of the JWKS, as published. Unknown members are ignored (RFC 7517 allows them).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Jwk {
    pub kty: String,
    #[serde(default)]
    pub kid: Option<String>,
    #[serde(default)]
    pub alg: Option<String>,
    #[serde(default, rename = "use")]
    pub use_: Option<String>,
    // RSA
    #[serde(default)]
    pub n: Option<String>,
    #[serde(default)]
    pub e: Option<String>,
    // EC
    #[serde(default)]
    pub crv: Option<String>,
    #[serde(default)]
    pub x: Option<String>,
    #[serde(default)]
    pub y: Option<String>,
}

#[derive(Debug, Deserialize)]
struct JwkSet {
    keys: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
struct Discovery {
    issuer: String,
    jwks_uri: String,
}

#[derive(Debug, Default)]
struct Cached {
    keys: Arc<Vec<Jwk>>,
    fetched: Option<Instant>,
}

/// The last time the issuer was asked, and why it did not answer if it did not.
#[derive(Debug)]
struct Attempt {
    at: Instant,
    failed: Option<JwksError>,
}

/// The cache of the issuer's keys.
#[derive(Debug)]
pub struct JwksCache {
    issuer: String,
    client: reqwest::Client,
    cached: RwLock<Cached>,
    /// One refresh at a time; the others wait for it and use its result.
    refreshing: Mutex<Option<Attempt>>,
    max_age: Duration,
    min_refresh: Duration,
}

/// `http://` is allowed only for loopback hosts (tests and a local broker); everything else is `https://`.
pub fn is_acceptable_url(url: &str) -> bool {
    let Ok(parsed) = reqwest::Url::parse(url) else {
        return false;
    };
    match parsed.scheme() {
        "https" => true,
        "http" => {
            let host = parsed.host_str().unwrap_or_default();
            let host = host.trim_start_matches('[').trim_end_matches(']');
            host == "localhost"
                || host
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
        _ => false,
    }
}

impl JwksCache {
    pub fn new(issuer: &str, max_age: Duration, min_refresh: Duration) -> JwksCache {
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap_or_default();
        JwksCache {
            issuer: issuer.to_owned(),
            client,
            cached: RwLock::new(Cached::default()),
            refreshing: Mutex::new(None),
            max_age,
            min_refresh,
        }
    }

    /// The keys, fetched first if there are none yet or they are older than `max_age`.
    pub async fn keys(&self) -> Result<Arc<Vec<Jwk>>, JwksError> {
        {
            let cached = self.cached.read().await;
            if let Some(at) = cached.fetched
                && at.elapsed() < self.max_age
            {
                return Ok(cached.keys.clone());
            }
        }
        self.refresh(None).await
    }

    /// Whether keys were fetched within `max_age`.
    pub async fn loaded(&self) -> bool {
        self.cached
            .read()
            .await
            .fetched
            .is_some_and(|at| at.elapsed() < self.max_age)
    }

    /// Fetches the keys again because a token named an unknown key id — unless the last fetch was less
    /// than `min_refresh` ago, so forged key ids cannot make the server hammer the issuer.
    pub async fn refresh_for_unknown_kid(&self) -> Result<Arc<Vec<Jwk>>, JwksError> {
        self.refresh(Some(self.min_refresh)).await
    }

    async fn refresh(&self, unless_younger: Option<Duration>) -> Result<Arc<Vec<Jwk>>, JwksError> {
        let mut last = self.refreshing.lock().await;
        if let Some(attempt) = last.as_ref() {
            let loaded = self.cached.read().await.fetched.is_some();
            let window = match (unless_younger, loaded) {
                (Some(min), _) => min,
                // Never fetched: the issuer was down. Ask again after `min_refresh`, not `max_age`.
                (None, false) => self.min_refresh,
                // Someone else refreshed while we waited for the lock (or failed to, and the keys
                // fetched before stay in use until the next try).
                (None, true) => self.max_age,
            };
            if attempt.at.elapsed() < window {
                return match (&attempt.failed, loaded) {
                    // No keys at all: the token cannot be checked (503), which is not an unknown key (401).
                    (Some(failed), false) => Err(failed.clone()),
                    _ => Ok(self.cached.read().await.keys.clone()),
                };
            }
        }
        let result = self.fetch().await;
        // A failed fetch also counts, so a broken issuer is not asked on every request.
        *last = Some(Attempt {
            at: Instant::now(),
            failed: result.as_ref().err().cloned(),
        });
        match result {
            Ok(keys) => {
                let keys = Arc::new(keys);
                let mut cached = self.cached.write().await;
                cached.keys = keys.clone();
                cached.fetched = Some(Instant::now());
                tracing::info!(keys = keys.len(), "issuer keys fetched");
                Ok(keys)
            }
            Err(e) => {
                tracing::warn!(error = %e, "issuer keys could not be fetched");
                Err(e)
            }
        }
    }

    async fn fetch(&self) -> Result<Vec<Jwk>, JwksError> {
        let discovery_url = format!(
            "{}/.well-known/openid-configuration",
            self.issuer.trim_end_matches('/')
        );
        let discovery: Discovery = self.get_json("discovery document", &discovery_url).await?;
        // Exactly (OpenID Connect Discovery §4.3, RFC 9068 §4): a trailing `/` is another issuer.
        if discovery.issuer != self.issuer {
            return Err(JwksError::IssuerMismatch {
                configured: self.issuer.clone(),
                found: discovery.issuer,
            });
        }
        if !is_acceptable_url(&discovery.jwks_uri) {
            return Err(JwksError::InsecureJwksUri(discovery.jwks_uri));
        }
        let set: JwkSet = self.get_json("JWKS", &discovery.jwks_uri).await?;
        // Keys of kinds we do not understand are skipped, not fatal.
        Ok(set
            .keys
            .into_iter()
            .filter_map(|k| serde_json::from_value::<Jwk>(k).ok())
            .collect())
    }

    async fn get_json<T: serde::de::DeserializeOwned>(
        &self,
        what: &'static str,
        url: &str,
    ) -> Result<T, JwksError> {
        let fail = |reason: String| JwksError::Fetch { what, reason };
        let response = self
            .client
            .get(url)
            .send()
            .await
            .map_err(|e| fail(e.without_url().to_string()))?;
        if !response.status().is_success() {
            return Err(fail(format!("status {}", response.status().as_u16())));
        }
        response
            .json::<T>()
            .await
            .map_err(|e| fail(e.without_url().to_string()))
    }
}
