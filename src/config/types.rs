//! The typed configuration. Loading and checking live in `load.rs`; the keys and their rules in `schema.rs`.
//!
//! Every field here has a row in `schema::SCHEMA` and a documented line in `config/default.toml`.

use super::types_server::Server;
use crate::domain::Lang;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub municipality: Municipality,
    pub kiosk: Kiosk,
    pub source: Source,
    pub auth: Auth,
    pub server: Server,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    /// Shown in big letters on the attract screen.
    pub name: String,
    /// The citizen's web pages; "continue online" links go here. Unset: the server the kiosk uses
    /// (`[source] url`), whose `[server.portal]` serves them.
    #[serde(default)]
    pub portal_url: Option<String>,
    /// How to reach the data protection officer (DPO).
    pub dpo_contact: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kiosk {
    /// Names this kiosk in logs and reports.
    pub id: String,
    /// Where the kiosk stands, in words a citizen knows.
    pub location: String,
    pub default_language: Lang,
    /// Seconds without input before the kiosk warns and then signs the citizen out.
    pub idle_timeout_secs: u64,
    /// How many seconds before the idle sign-out the warning shows. Less than `idle_timeout_secs`.
    pub idle_warning_secs: u64,
    /// The longest a session may last, in seconds, even with activity.
    pub session_max_secs: u64,
    /// A locked kiosk cannot be quit without the operator PIN.
    pub locked: bool,
    /// Show the names of employees in the access log (off by default; see DESIGN §1.6).
    pub show_employee_names: bool,
    /// The hash of the operator PIN that unlocks a locked kiosk. Required when `locked = true`.
    #[serde(default)]
    pub operator_pin_hash: Option<String>,
    /// Read-aloud (the A key) is offered. On by default.
    #[serde(default = "yes")]
    pub read_aloud: bool,
    /// The speech program, espeak-ng or one that takes its options.
    #[serde(default = "default_speech_program")]
    pub speech_program: String,
    /// The kiosk's sound goes only to a headset, so the citizen's data may be read aloud. Off by default:
    /// without it, read-aloud says only what is the same for everyone.
    #[serde(default)]
    pub private_audio: bool,
}

fn yes() -> bool {
    true
}

fn default_speech_program() -> String {
    "espeak-ng".to_owned()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Local,
    Http,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Local => "local",
            SourceKind::Http => "http",
        }
    }
}

/// Seconds to wait for a connection to the server, when none is configured.
pub const DEFAULT_CONNECT_TIMEOUT_SECS: u64 = 3;
/// Seconds to wait for a whole request to the server, when none is configured.
pub const DEFAULT_REQUEST_TIMEOUT_SECS: u64 = 10;
/// The outbox file of the HTTP source, when none is configured.
pub const DEFAULT_OUTBOX_PATH: &str = "indsigt-outbox.db";
/// The largest answer body the HTTP source reads, when none is configured (8 MiB).
pub const DEFAULT_MAX_BODY_BYTES: u64 = 8 * 1024 * 1024;
/// How many times a GET is tried in all, when none is configured.
pub const DEFAULT_RETRY_ATTEMPTS: u32 = 3;
/// The first pause between tries of a GET, in milliseconds; it doubles with each try.
pub const DEFAULT_RETRY_BASE_MS: u64 = 200;
/// Seconds between the outbox's delivery rounds, when none is configured.
pub const DEFAULT_OUTBOX_RETRY_SECS: u64 = 30;
/// Days an undelivered outbox entry is kept, when none is configured.
pub const DEFAULT_OUTBOX_MAX_AGE_DAYS: u64 = 14;

fn default_connect_timeout_secs() -> u64 {
    DEFAULT_CONNECT_TIMEOUT_SECS
}

fn default_request_timeout_secs() -> u64 {
    DEFAULT_REQUEST_TIMEOUT_SECS
}

fn default_outbox_path() -> PathBuf {
    PathBuf::from(DEFAULT_OUTBOX_PATH)
}

fn default_max_body_bytes() -> u64 {
    DEFAULT_MAX_BODY_BYTES
}

fn default_retry_attempts() -> u32 {
    DEFAULT_RETRY_ATTEMPTS
}

fn default_retry_base_ms() -> u64 {
    DEFAULT_RETRY_BASE_MS
}

fn default_outbox_retry_secs() -> u64 {
    DEFAULT_OUTBOX_RETRY_SECS
}

fn default_outbox_max_age_days() -> u64 {
    DEFAULT_OUTBOX_MAX_AGE_DAYS
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub kind: SourceKind,
    /// The SQLite file of the embedded store (`kind = "local"`). A relative path is relative to the
    /// working directory.
    pub path: PathBuf,
    /// The Indsigt server (`kind = "http"`).
    #[serde(default)]
    pub url: Option<String>,
    /// Extra CA certificates (PEM) to trust for the server, besides the system roots.
    #[serde(default)]
    pub ca_file: Option<PathBuf>,
    #[serde(default = "default_connect_timeout_secs")]
    pub connect_timeout_secs: u64,
    #[serde(default = "default_request_timeout_secs")]
    pub request_timeout_secs: u64,
    /// The SQLite file where the HTTP source keeps writes (withdrawals, reports) until the server has them.
    /// It holds the requests only: never a token, never the citizen's data.
    #[serde(default = "default_outbox_path")]
    pub outbox_path: PathBuf,
    /// The largest answer body read from the server; a larger one is refused unread.
    #[serde(default = "default_max_body_bytes")]
    pub max_body_bytes: u64,
    /// How many times a GET is tried in all (on connection errors, timeouts, 502, 503 and 504).
    #[serde(default = "default_retry_attempts")]
    pub retry_attempts: u32,
    /// The first pause between tries, in milliseconds; it doubles each time, plus jitter.
    #[serde(default = "default_retry_base_ms")]
    pub retry_base_ms: u64,
    /// Seconds between the outbox's delivery rounds.
    #[serde(default = "default_outbox_retry_secs")]
    pub outbox_retry_secs: u64,
    /// Days an undelivered outbox entry is kept before it is dropped (with a log line).
    #[serde(default = "default_outbox_max_age_days")]
    pub outbox_max_age_days: u64,
    /// For kind = http: the file that holds this kiosk's key, sent as `X-Indsigt-Kiosk` on every request.
    /// Read once at start and held in memory only.
    #[serde(default)]
    pub kiosk_key_file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthKind {
    Demo,
    Device,
}

impl AuthKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AuthKind::Demo => "demo",
            AuthKind::Device => "device",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Auth {
    pub kind: AuthKind,
    /// The OIDC issuer (broker for MitID) for the device flow (`kind = "device"`).
    #[serde(default)]
    pub issuer: Option<String>,
    /// The kiosk's client id at the issuer (`kind = "device"`).
    #[serde(default)]
    pub client_id: Option<String>,
    /// The scopes to ask for, space separated. `None` means `openid`.
    #[serde(default)]
    pub scope: Option<String>,
    /// The audience of the access token, when the issuer needs one.
    #[serde(default)]
    pub audience: Option<String>,
    /// Sign-in with a member of staff, for citizens without MitID on their phone: `[auth.staff]`.
    #[serde(default)]
    pub staff: Option<StaffAuth>,
}

/// `[auth.staff]`: the municipality's staff issuer, where a member of staff signs in (device flow) to open
/// a visit for a citizen without MitID on their phone. Unset: the kiosk does not offer it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffAuth {
    pub issuer: String,
    pub client_id: String,
    #[serde(default)]
    pub scope: Option<String>,
    #[serde(default)]
    pub audience: Option<String>,
}
