//! One HTTP call to the server: the bearer token, the timeouts, the body cap, bounded retries for GETs,
//! and the mapping of every failure to a [`SourceError`].

use super::error::HttpError;
use super::options::HttpOptions;
use super::tls;
use crate::source::{AccessToken, SourceError};
use reqwest::blocking::{Client, RequestBuilder, Response};
use reqwest::header::HeaderValue;
use reqwest::{Method, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use std::io::Read;
use std::time::Duration;
use zeroize::Zeroizing;

/// How much of an error answer is read to find its `code`.
const ERROR_BODY_BYTES: u64 = 4096;

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

/// The `code` of a JSON error answer, if it has one (`{"code": "...", "message": "..."}`).
fn error_code(response: Response) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct ErrorBody {
        code: String,
    }
    let mut body = Vec::new();
    response
        .take(ERROR_BODY_BYTES)
        .read_to_end(&mut body)
        .ok()?;
    serde_json::from_slice::<ErrorBody>(&body)
        .ok()
        .map(|b| b.code)
}

/// The error for an answer that is not 2xx.
fn status_error(status: StatusCode, code: Option<&str>) -> SourceError {
    match status.as_u16() {
        401 => SourceError::Unauthorized,
        403 if code == Some("unknown_citizen") => SourceError::UnknownCitizen,
        // The server does not know this kiosk's key: a setup fault of the kiosk, not the citizen's
        // sign-in, so it must not sign the citizen out. The visit is logged as not recorded.
        403 if code == Some("unknown_kiosk") => {
            SourceError::Server("HTTP 403 unknown_kiosk: this kiosk is not registered".into())
        }
        // Refusals of what the sign-in may do (acting for someone, staff sign-in): not a lost sign-in.
        403 if matches!(code, Some("forbidden" | "not_configured")) => {
            SourceError::Forbidden(code.unwrap_or_default().to_owned())
        }
        403 => SourceError::Unauthorized,
        404 => SourceError::NotFound,
        n => SourceError::Server(match code {
            Some(code) => format!("HTTP {n} {code}"),
            None => format!("HTTP {n}"),
        }),
    }
}

/// The error for a request that got no answer.
fn transport(e: &reqwest::Error) -> SourceError {
    if e.is_timeout() {
        SourceError::Timeout
    } else if e.is_connect() {
        SourceError::Unreachable(format!("connect: {}", describe(e)))
    } else if e.is_body() || e.is_decode() {
        SourceError::Malformed(format!("body: {}", describe(e)))
    } else {
        SourceError::Unreachable(describe(e))
    }
}

/// The error for a body that broke off while it was read.
fn read_error(e: &std::io::Error) -> SourceError {
    let inner = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<reqwest::Error>());
    if e.kind() == std::io::ErrorKind::TimedOut || inner.is_some_and(reqwest::Error::is_timeout) {
        SourceError::Timeout
    } else {
        // The io error may wrap a reqwest error that names the URL: keep only its kind.
        SourceError::Malformed(format!("truncated: the body broke off ({:?})", e.kind()))
    }
}

/// An error and its causes in one line. Give it an error without its URL (`without_url`).
fn describe(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn statuses_map_to_the_kiosk_errors() {
        let s = |n| StatusCode::from_u16(n).unwrap();
        assert_eq!(status_error(s(401), None), SourceError::Unauthorized);
        assert_eq!(
            status_error(s(403), Some("unknown_citizen")),
            SourceError::UnknownCitizen
        );
        assert!(matches!(
            status_error(s(403), Some("unknown_kiosk")),
            SourceError::Server(_)
        ));
        assert_eq!(status_error(s(403), None), SourceError::Unauthorized);
        assert_eq!(status_error(s(404), None), SourceError::NotFound);
        assert!(matches!(status_error(s(503), None), SourceError::Server(_)));
        let f = |n| Failure {
            error: status_error(s(n), None),
            status: Some(n),
        };
        assert!(f(503).is_retryable() && f(503).is_transient());
        assert!(!f(500).is_retryable() && f(500).is_transient());
        assert!(!f(404).is_transient() && !f(401).is_transient());
    }
}
