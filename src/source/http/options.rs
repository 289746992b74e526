//! The settings of the HTTP source, from `[source]` (and `[kiosk] session_max_secs`) or set directly in tests.

use super::error::HttpError;
use crate::config::{self, Config};
use std::path::PathBuf;
use std::time::Duration;

/// How the HTTP source reaches the server and keeps its outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpOptions {
    /// The server's base URL: `https://host[:port][/prefix]` (`http://` for loopback hosts only).
    pub url: String,
    /// Extra CA certificates (PEM) to trust besides the system roots.
    pub ca_file: Option<PathBuf>,
    pub connect_timeout: Duration,
    /// The whole request, from connecting to the last byte of the body.
    pub request_timeout: Duration,
    /// A body larger than this is refused (`Malformed("too large")`) without being read whole.
    pub max_body_bytes: u64,
    /// How many times a GET is tried in all.
    pub retry_attempts: u32,
    /// The pause before the second try; it doubles for each further try, plus up to half again of jitter.
    pub retry_base: Duration,
    /// The outbox's SQLite file.
    pub outbox_path: PathBuf,
    /// The pause between the outbox's delivery rounds.
    pub outbox_retry: Duration,
    /// An undelivered outbox entry older than this is dropped.
    pub outbox_max_age: Duration,
    /// The file with this kiosk's key (`X-Indsigt-Kiosk`); read once when the source starts.
    pub kiosk_key_file: Option<PathBuf>,
    /// The longest the source keeps a copy of a citizen's token to deliver their outbox entries: the
    /// longest a kiosk session can last.
    pub session_max: Duration,
}

impl HttpOptions {
    /// The defaults of `config/default.toml` for a server at `url` and an outbox at `outbox_path`.
    pub fn new(url: impl Into<String>, outbox_path: impl Into<PathBuf>) -> HttpOptions {
        HttpOptions {
            url: url.into(),
            ca_file: None,
            connect_timeout: Duration::from_secs(config::DEFAULT_CONNECT_TIMEOUT_SECS),
            request_timeout: Duration::from_secs(config::DEFAULT_REQUEST_TIMEOUT_SECS),
            max_body_bytes: config::DEFAULT_MAX_BODY_BYTES,
            retry_attempts: config::DEFAULT_RETRY_ATTEMPTS,
            retry_base: Duration::from_millis(config::DEFAULT_RETRY_BASE_MS),
            outbox_path: outbox_path.into(),
            outbox_retry: Duration::from_secs(config::DEFAULT_OUTBOX_RETRY_SECS),
            outbox_max_age: days(config::DEFAULT_OUTBOX_MAX_AGE_DAYS),
            session_max: Duration::from_secs(1200),
            kiosk_key_file: None,
        }
    }

    /// The options from a checked configuration. Fails only when `[source] url` is missing.
    pub fn from_config(config: &Config) -> Result<HttpOptions, HttpError> {
        let s = &config.source;
        let url = s.url.clone().ok_or(HttpError::NoUrl)?;
        Ok(HttpOptions {
            url,
            ca_file: s.ca_file.clone(),
            connect_timeout: Duration::from_secs(s.connect_timeout_secs),
            request_timeout: Duration::from_secs(s.request_timeout_secs),
            max_body_bytes: s.max_body_bytes,
            retry_attempts: s.retry_attempts.max(1),
            retry_base: Duration::from_millis(s.retry_base_ms),
            outbox_path: s.outbox_path.clone(),
            outbox_retry: Duration::from_secs(s.outbox_retry_secs),
            outbox_max_age: days(s.outbox_max_age_days),
            session_max: Duration::from_secs(config.kiosk.session_max_secs),
            kiosk_key_file: s.kiosk_key_file.clone(),
        })
    }
}

fn days(n: u64) -> Duration {
    Duration::from_secs(n.saturating_mul(24 * 60 * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_the_demo_config_with_a_url() {
        let mut config = Config::demo().unwrap();
        assert!(matches!(
            HttpOptions::from_config(&config),
            Err(HttpError::NoUrl)
        ));
        config.source.url = Some("https://indsigt.example.dk".into());
        let o = HttpOptions::from_config(&config).unwrap();
        assert_eq!(o.connect_timeout, Duration::from_secs(3));
        assert_eq!(o.request_timeout, Duration::from_secs(10));
        assert_eq!(o.max_body_bytes, 8 * 1024 * 1024);
        assert_eq!(o.retry_attempts, 3);
        assert_eq!(o.outbox_max_age, Duration::from_secs(14 * 86_400));
        assert_eq!(
            o,
            HttpOptions {
                session_max: o.session_max,
                ..HttpOptions::new("https://indsigt.example.dk", "indsigt-outbox.db")
            }
        );
    }
}
