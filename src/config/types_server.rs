//! The typed `[server]` configuration: `indsigt serve`, its database, its keys and kiosks, the portal,
//! acting for others and sign-in with staff. The kiosk's sections are in `types.rs`; the keys and their rules
//! in `schema_server.rs`.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// `[server.staff]`: which staff tokens may open a visit for a citizen, and for how long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerStaff {
    /// The staff issuer whose access tokens are accepted here.
    pub issuer: String,
    /// The audience the staff tokens must name.
    pub audience: String,
    /// The claim with the staff member's roles (a string or a list).
    #[serde(default = "default_role_claim")]
    pub role_claim: String,
    /// The role that may open visits.
    pub role: String,
    /// The longest a visit staff opened lasts, in seconds (keep it at most the kiosks' session_max_secs).
    #[serde(default = "default_staff_session")]
    pub session_max_secs: u64,
}

fn default_role_claim() -> String {
    "roles".into()
}
fn default_staff_session() -> u64 {
    1200
}

/// One line-of-business system's ingest key: only the SHA-256 of the key is configured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IngestKey {
    /// The system's name, as it appears in the access log (e.g. "Momentum").
    pub system: String,
    /// The lowercase hex SHA-256 of the key the system sends as `Authorization: ApiKey <key>`.
    pub key_sha256: String,
    /// Where the server delivers the system's requests (Standard Webhooks). With `webhook_secret_file`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_url: Option<String>,
    /// The file holding the endpoint's signing secret, `whsec_` and base64.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_secret_file: Option<PathBuf>,
}

/// One registered kiosk: only the SHA-256 of its key is configured. A visit is recorded only with a
/// registered kiosk's key, and its id and location come from here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KioskKey {
    /// The kiosk's id, as in its own `[kiosk] id`.
    pub id: String,
    /// Where it stands; shown in the citizen's log.
    pub location: String,
    /// The lowercase hex SHA-256 of the key the kiosk sends as `X-Indsigt-Kiosk: <key>`.
    pub key_sha256: String,
    /// A member of staff may open visits for citizens at this kiosk (e.g. at the Borgerservice counter).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub staff_sign_in: bool,
}

/// `[server.postgres]`: the server's database on PostgreSQL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Postgres {
    /// `postgres://user@host:port/dbname` (or `host=… user=… dbname=…`), without a password.
    pub url: String,
    /// A file holding the password (one line). Without it, `INDSIGT_PG_PASSWORD`, else none.
    #[serde(default)]
    pub password_file: Option<PathBuf>,
    /// Connections per server process.
    #[serde(default = "default_pg_pool_size")]
    pub pool_size: u32,
    /// `require` (TLS with the certificate checked, the default) or `disable` (only on loopback or a socket).
    #[serde(default)]
    pub tls: PgTls,
    /// The CA certificate (PEM) that signed the server's certificate; without it, the system's roots.
    #[serde(default)]
    pub ca_file: Option<PathBuf>,
    /// Seconds to wait for a connection.
    #[serde(default = "default_pg_connect_timeout")]
    pub connect_timeout_secs: u64,
    /// Monthly access-log partitions made ahead of the current month.
    #[serde(default = "default_pg_months_ahead")]
    pub access_log_months_ahead: u32,
    /// Months of access log kept; older partitions are detached (kept as tables, no longer read). None: all.
    #[serde(default)]
    pub access_log_keep_months: Option<u32>,
}

fn default_pg_pool_size() -> u32 {
    8
}
fn default_pg_connect_timeout() -> u64 {
    5
}
fn default_pg_months_ahead() -> u32 {
    3
}

/// `[server.portal]`: the citizen's web pages and their sign-in (OIDC code flow with PKCE).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Portal {
    /// The server's public address (`https://…`); the redirect URI is `{public_url}/signin/callback`.
    pub public_url: String,
    /// The portal's client id at the broker.
    pub client_id: String,
    /// A file holding the client secret, for a confidential client.
    #[serde(default)]
    pub client_secret_file: Option<PathBuf>,
    /// The scopes asked for.
    #[serde(default = "default_portal_scope")]
    pub scope: String,
    /// How citizens reach the data protection officer (shown under "Your rights").
    #[serde(default)]
    pub dpo_contact: Option<String>,
    /// Seconds without a request before the session ends.
    #[serde(default = "default_portal_idle")]
    pub idle_timeout_secs: u64,
    /// The longest a session lasts, in seconds.
    #[serde(default = "default_portal_max")]
    pub session_max_secs: u64,
}

fn default_portal_scope() -> String {
    "openid".into()
}
fn default_portal_idle() -> u64 {
    900
}
fn default_portal_max() -> u64 {
    3600
}

/// `[server.representation]`: whom a signed-in citizen may act for. Custody comes from the relations the
/// CPR system ingests; power of attorney from the token's privilege list (OIO BPP).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Representation {
    /// The token claim with the base64 privilege list.
    #[serde(default = "default_privileges_claim")]
    pub privileges_claim: String,
    /// The privilege URN that means "may see Indsigt for this person".
    pub see_privilege: String,
    /// The privilege URN that means "may act for this person" (withdraw a consent, file a report).
    pub act_privilege: String,
    /// A child in one's custody is offered while younger than this.
    #[serde(default = "default_child_age_limit")]
    pub child_age_limit: u32,
    /// The system (as named in `ingest_keys`) whose relations are the Folkeregister's.
    pub relations_system: String,
}

fn default_privileges_claim() -> String {
    crate::auth::privileges::PRIVILEGES_CLAIM.into()
}
fn default_child_age_limit() -> u32 {
    15
}

/// TLS to PostgreSQL.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PgTls {
    #[default]
    Require,
    Disable,
}

/// `indsigt serve`: the HTTP API for kiosks and the ingest endpoint for line-of-business systems.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Server {
    /// The address to listen on, e.g. `127.0.0.1:8080`.
    pub listen: String,
    /// The SQLite file the server serves (unused when `[server.postgres]` is set).
    pub database: PathBuf,
    /// PostgreSQL instead of the SQLite file: `[server.postgres]`.
    #[serde(default)]
    pub postgres: Option<Postgres>,
    /// The citizen's web pages: `[server.portal]`.
    #[serde(default)]
    pub portal: Option<Portal>,
    /// Acting for someone else (custody, power of attorney): `[server.representation]`.
    #[serde(default)]
    pub representation: Option<Representation>,
    /// Sign-in with a member of staff: `[server.staff]`.
    #[serde(default)]
    pub staff: Option<ServerStaff>,
    /// The OIDC issuer whose access tokens are accepted. Required to serve citizen endpoints.
    #[serde(default)]
    pub issuer: Option<String>,
    /// The audience (`aud`) the access tokens must name. Required to serve citizen endpoints.
    #[serde(default)]
    pub audience: Option<String>,
    /// The claim that holds the citizen's subject.
    pub subject_claim: String,
    /// The claim that holds the citizen's CPR number (NemLog-in brokers:
    /// `https://data.gov.dk/model/core/eid/cprNumber`). Set, sign-in hashes it into the citizen key and
    /// finds the citizen by that; unset, `subject_claim` names the citizen.
    #[serde(default)]
    pub cpr_claim: Option<String>,
    /// The claim that holds the citizen's name, used for the greeting when the database has none.
    pub name_claim: String,
    /// The file holding the citizen key's secret pepper (at least 32 bytes). Needed to ingest holdings,
    /// consents and decision-support uses, and for `cpr_claim`.
    #[serde(default)]
    pub pepper_file: Option<PathBuf>,
    /// TLS certificate chain (PEM). With `tls_key`; without both, plain HTTP (behind a proxy).
    #[serde(default)]
    pub tls_cert: Option<PathBuf>,
    /// TLS private key (PEM).
    #[serde(default)]
    pub tls_key: Option<PathBuf>,
    /// Hours after which a system that sent nothing is shown as not updated.
    pub system_stale_after_hours: u32,
    /// The most events one ingest request may carry.
    pub ingest_max_batch: u32,
    /// SQLite connections serving requests.
    pub pool_size: u32,
    /// Requests per minute one access token may make to the citizen endpoints (sustained).
    pub rate_limit_per_minute: u32,
    /// Requests one access token may make in a burst.
    pub rate_limit_burst: u32,
    /// Seconds the issuer's keys are used before they are fetched again.
    pub jwks_max_age_secs: u64,
    /// The shortest time between two key fetches caused by an unknown key id.
    pub jwks_min_refresh_secs: u64,
    /// The systems that may post access events, with their key hashes.
    #[serde(default)]
    pub ingest_keys: Vec<IngestKey>,
    /// The registered kiosks, with their key hashes.
    #[serde(default)]
    pub kiosks: Vec<KioskKey>,
    /// Whether employee names leave the server at all. Off, they are removed before any answer is built.
    #[serde(default)]
    pub show_employee_names: bool,
    /// The lowercase hex SHA-256 of the data protection officer's API key (`/v1/dpo/...`).
    #[serde(default)]
    pub dpo_key_sha256: Option<String>,
    /// Seconds before the first webhook retry; each retry waits twice as long (with jitter), up to 6 hours.
    pub webhook_retry_base_secs: u64,
    /// Seconds one webhook attempt may take.
    pub webhook_timeout_secs: u64,
    /// Hours after which a delivery that keeps failing is given up (kept, and listed by `indsigt requests failed`).
    pub webhook_give_up_hours: u32,
}
