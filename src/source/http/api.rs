//! One HTTP call to the server: the bearer token, the timeouts, the body cap, bounded retries for GETs,
//! and the mapping of every failure to a [`SourceError`].

use super::call_errors::{describe, error_code, read_error, status_error, transport};
use super::error::HttpError;
use super::options::HttpOptions;
use super::tls;
use crate::source::{AccessToken, SourceError};
use reqwest::Method;
use reqwest::blocking::{Client, RequestBuilder, Response};
use reqwest::header::HeaderValue;
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use std::io::Read;
use std::time::Duration;
use zeroize::Zeroizing;

/// A failed call: the error the kiosk sees, and the HTTP status if the server answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub error: SourceError,
    pub status: Option<u16>,
}

impl Failure {
    fn transport(error: SourceError) -> Failure {
        Failure {
            error,
            status: None,
        }
    }

    /// Worth trying again later: the server could not be reached, did not answer in time, was
    /// overloaded (429) or failed (5xx). Anything else will answer the same next time.
    pub fn is_transient(&self) -> bool {
        match self.status {
            None => matches!(
                self.error,
                SourceError::Unreachable(_) | SourceError::Timeout
            ),
            Some(status) => status == 429 || (500..=599).contains(&status),
        }
    }

    /// Worth retrying a GET at once: a connection error, a timeout, 502, 503 or 504.
    fn is_retryable(&self) -> bool {
        match self.status {
            None => matches!(
                self.error,
                SourceError::Unreachable(_) | SourceError::Timeout
            ),
            Some(status) => matches!(status, 502..=504),
        }
    }
}

/// The header the kiosk's key goes in (see `docs/api.md`).
pub const KIOSK_HEADER: &str = "X-Indsigt-Kiosk";

/// The HTTP client for one server.
pub struct Api {
    client: Client,
    /// This kiosk's key, sent on every request; in memory only, never logged.
    kiosk_key: Option<SecretString>,
    base: String,
    max_body: u64,
    attempts: u32,
    retry_base: Duration,
}

impl std::fmt::Debug for Api {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Api")
            .field("base", &self.base)
            .field("kiosk_key", &self.kiosk_key.as_ref().map(|_| "[REDACTED]"))
            .field("max_body", &self.max_body)
            .field("attempts", &self.attempts)
            .finish_non_exhaustive()
    }
}

impl Api {
    pub fn new(options: &HttpOptions) -> Result<Api, HttpError> {
        let base = tls::check_base_url(&options.url)?;
        tls::install_crypto_provider();
        let tls = tls::client_config(options.ca_file.as_deref())?;
        let client = Client::builder()
            .tls_backend_preconfigured(tls)
            .connect_timeout(options.connect_timeout)
            .timeout(options.request_timeout)
            // The API never redirects; following one could leave https or the server.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("indsigt-kiosk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| HttpError::Client(describe(&e.without_url())))?;
        let kiosk_key = options
            .kiosk_key_file
            .as_deref()
            .map(read_kiosk_key)
            .transpose()?;
        Ok(Api {
            client,
            kiosk_key,
            base,
            max_body: options.max_body_bytes,
            attempts: options.retry_attempts.max(1),
            retry_base: options.retry_base,
        })
    }

    /// `GET path?query` as JSON, tried up to the configured number of times.
    pub fn get<T: DeserializeOwned>(
        &self,
        token: &AccessToken,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, Failure> {
        self.get_for(token, None, path, query)
    }

    /// [`Api::get`] about the person `acting_for` names (`X-Indsigt-Acting-For`), if any.
    pub fn get_for<T: DeserializeOwned>(
        &self,
        token: &AccessToken,
        acting_for: Option<&AccessToken>,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, Failure> {
        let mut attempt = 0;
        loop {
            let request = self
                .request_for(Method::GET, token, acting_for, path)
                .query(query)
                .header(reqwest::header::ACCEPT, "application/json");
            match self.send(request).and_then(|body| parse(&body)) {
                Err(f) if f.is_retryable() && attempt + 1 < self.attempts => {
                    tracing::debug!(attempt, error = %f.error, "GET failed; trying again");
                    std::thread::sleep(backoff(self.retry_base, attempt));
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    /// `POST path` once, with an optional JSON body and idempotency reference. Returns the body (empty
    /// for 204). Writes are not retried here: the outbox does that.
    pub fn post(
        &self,
        token: &AccessToken,
        path: &str,
        idempotency_key: Option<&str>,
        body: Option<&serde_json::Value>,
    ) -> Result<Vec<u8>, Failure> {
        self.post_for(token, None, path, idempotency_key, body)
    }

    /// [`Api::post`] about the person `acting_for` names, if any.
    pub fn post_for(
        &self,
        token: &AccessToken,
        acting_for: Option<&AccessToken>,
        path: &str,
        idempotency_key: Option<&str>,
        body: Option<&serde_json::Value>,
    ) -> Result<Vec<u8>, Failure> {
        let mut request = self
            .request_for(Method::POST, token, acting_for, path)
            .header(reqwest::header::ACCEPT, "application/json");
        if let Some(key) = idempotency_key {
            request = request.header("Idempotency-Key", key);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        self.send(request)
    }

    /// `POST path` once with a JSON body, as the kiosk alone: its key and no citizen's token. Not
    /// retried and not kept: what it sends is not worth keeping a citizen waiting for.
    pub fn post_as_kiosk(&self, path: &str, body: &serde_json::Value) -> Result<Vec<u8>, Failure> {
        let request = self
            .kiosk_request(Method::POST, path)
            .header(reqwest::header::ACCEPT, "application/json")
            .json(body);
        self.send(request)
    }

    fn request_for(
        &self,
        method: Method,
        token: &AccessToken,
        acting_for: Option<&AccessToken>,
        path: &str,
    ) -> RequestBuilder {
        let request = self.kiosk_request(method, path).bearer_auth(token.expose());
        match acting_for.and_then(|h| HeaderValue::from_str(h.expose()).ok()) {
            Some(mut value) => {
                value.set_sensitive(true);
                request.header("X-Indsigt-Acting-For", value)
            }
            None => request,
        }
    }

    /// A request with the kiosk's key (if it has one) and nothing of the citizen.
    fn kiosk_request(&self, method: Method, path: &str) -> RequestBuilder {
        let request = self.client.request(method, format!("{}{path}", self.base));
        match self
            .kiosk_key
            .as_ref()
            .and_then(|k| HeaderValue::from_str(k.expose_secret()).ok())
        {
            Some(mut value) => {
                value.set_sensitive(true);
                request.header(KIOSK_HEADER, value)
            }
            None => request,
        }
    }

    fn send(&self, request: RequestBuilder) -> Result<Vec<u8>, Failure> {
        // Without the URL: its query may hold the citizen's search text.
        let response = request
            .send()
            .map_err(|e| Failure::transport(transport(&e.without_url())))?;
        let status = response.status();
        if status.is_success() {
            return read_capped(response, self.max_body).map_err(Failure::transport);
        }
        let code = error_code(response);
        Err(Failure {
            error: status_error(status, code.as_deref()),
            status: Some(status.as_u16()),
        })
    }
}

/// Reads the kiosk's key from its file: one line, the key (surrounding white space is dropped).
fn read_kiosk_key(path: &std::path::Path) -> Result<SecretString, HttpError> {
    let fail = |reason: String| HttpError::KioskKeyFile {
        path: path.to_owned(),
        reason,
    };
    let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| fail(e.to_string()))?);
    let key = text.trim();
    if key.is_empty() {
        return Err(fail("the file is empty".into()));
    }
    if HeaderValue::from_str(key).is_err() {
        return Err(fail("the key must be printable ASCII on one line".into()));
    }
    Ok(SecretString::from(key.to_owned()))
}

/// Parses a JSON body.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, Failure> {
    serde_json::from_slice(body).map_err(|e| {
        // serde's message names a line, a column and an expected type, never the value.
        Failure::transport(SourceError::Malformed(format!("invalid JSON: {e}")))
    })
}

/// The pause before try `attempt + 2`: `base × 2^attempt`, plus up to half of that again at random.
fn backoff(base: Duration, attempt: u32) -> Duration {
    let delay = base.saturating_mul(1u32 << attempt.min(16));
    let mut byte = [0u8; 1];
    let jitter = match ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut byte) {
        Ok(()) => delay.mul_f64(f64::from(byte[0]) / 255.0 / 2.0),
        Err(_) => Duration::ZERO,
    };
    delay.saturating_add(jitter)
}

/// Reads the body, refusing one larger than `cap` without reading more than `cap + 1` bytes of it.
fn read_capped(mut response: Response, cap: u64) -> Result<Vec<u8>, SourceError> {
    let too_large = || SourceError::Malformed(format!("too large: more than {cap} bytes"));
    if response.content_length().is_some_and(|n| n > cap) {
        return Err(too_large());
    }
    let expected = response.content_length().unwrap_or(0).min(cap);
    let mut body = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    (&mut response)
        .take(cap.saturating_add(1))
        .read_to_end(&mut body)
        .map_err(|e| read_error(&e))?;
    if body.len() as u64 > cap {
        return Err(too_large());
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::StatusCode;

    #[test]
    fn backoff_doubles_with_at_most_half_jitter() {
        let base = Duration::from_millis(200);
        for attempt in 0..4 {
            let d = backoff(base, attempt);
            let plain = base * (1 << attempt);
            assert!(d >= plain && d <= plain + plain / 2, "{attempt}: {d:?}");
        }
    }

    #[test]
    fn a_503_is_retried_and_a_500_kept_and_a_404_or_401_neither() {
        let s = |n| StatusCode::from_u16(n).unwrap();
        let f = |n| Failure {
            error: status_error(s(n), None),
            status: Some(n),
        };
        assert!(f(503).is_retryable() && f(503).is_transient());
        assert!(!f(500).is_retryable() && f(500).is_transient());
        assert!(!f(404).is_transient() && !f(401).is_transient());
    }
}
