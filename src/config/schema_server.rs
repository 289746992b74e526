//! The `[server]` section of the config schema: `indsigt serve`, its database, issuer, ingest keys, kiosks,
//! the DPO's key and webhook delivery.

use super::schema::{KeySpec, KeyType, SectionSpec, TEXT, key, optional};

/// A request limit's range: at least 1, at most `max`.
const fn count(max: i64) -> KeyType {
    KeyType::Integer { min: 1, max }
}

pub(super) const SERVER: SectionSpec = SectionSpec {
    name: "server",
    doc: "indsigt serve: the HTTP API for kiosks and ingest.",
    keys: &[
        key("listen", TEXT, "The address to listen on, host:port."),
        key(
            "database",
            KeyType::Path,
            "The SQLite file the server serves (unused with [server.postgres]).",
        ),
        optional(
            "postgres",
            KeyType::Table(POSTGRES),
            "PostgreSQL instead of the SQLite file: a table of the keys below.",
        ),
        optional(
            "portal",
            KeyType::Table(PORTAL),
            "The citizen's own web pages, where the kiosk's QR code leads: a table of the keys below.",
        ),
        optional(
            "representation",
            KeyType::Table(REPRESENTATION),
            "Acting for others (custody, power of attorney): a table of the keys below.",
        ),
        optional(
            "staff",
            KeyType::Table(STAFF),
            "Sign-in with a member of staff for citizens without MitID on their phone: the keys below.",
        ),
        optional(
            "issuer",
            KeyType::Url,
            "The OIDC issuer whose access tokens are accepted.",
        ),
        optional(
            "audience",
            TEXT,
            "The audience the access tokens must name.",
        ),
        key(
            "subject_claim",
            TEXT,
            "The token claim that holds the citizen's subject.",
        ),
        key(
            "name_claim",
            TEXT,
            "The token claim with the citizen's name, used when the database has none.",
        ),
        optional(
            "cpr_claim",
            TEXT,
            "The token claim that holds the citizen's CPR number.",
        ),
        optional(
            "pepper_file",
            KeyType::Path,
            "The file with the citizen key's secret (at least 32 bytes).",
        ),
        optional("tls_cert", KeyType::Path, "TLS certificate chain (PEM)."),
        optional("tls_key", KeyType::Path, "TLS private key (PEM)."),
        key(
            "system_stale_after_hours",
            KeyType::Integer { min: 1, max: 8760 },
            "Hours after which a silent system is shown as not updated.",
        ),
        key(
            "ingest_max_batch",
            count(10_000),
            "The most events one ingest request may carry.",
        ),
        key(
            "pool_size",
            count(64),
            "SQLite connections serving requests.",
        ),
        key(
            "rate_limit_per_minute",
            count(1_000_000_000),
            "Requests per minute one access token may make.",
        ),
        key(
            "rate_limit_burst",
            count(1_000_000_000),
            "Requests one access token may make in a burst.",
        ),
        key(
            "jwks_max_age_secs",
            KeyType::Integer {
                min: 60,
                max: 86_400,
            },
            "Seconds the issuer's keys are cached.",
        ),
        key(
            "jwks_min_refresh_secs",
            KeyType::Integer { min: 1, max: 3600 },
            "Shortest time between key fetches for unknown key ids.",
        ),
        optional(
            "ingest_keys",
            KeyType::IngestKeys,
            "The systems that may post access events: [{ system, key_sha256, webhook_url?, webhook_secret_file? }].",
        ),
        optional(
            "kiosks",
            KeyType::Kiosks,
            "The registered kiosks: [{ id, location, key_sha256, staff_sign_in? }].",
        ),
        key(
            "show_employee_names",
            KeyType::Boolean,
            "Whether employee names are sent to kiosks at all.",
        ),
        optional(
            "dpo_key_sha256",
            KeyType::Sha256,
            "The SHA-256 of the data protection officer's API key.",
        ),
        key(
            "webhook_retry_base_secs",
            KeyType::Integer { min: 1, max: 3600 },
            "Seconds before the first webhook retry.",
        ),
        key(
            "webhook_timeout_secs",
            KeyType::Integer { min: 1, max: 120 },
            "Seconds one webhook attempt may take.",
        ),
        key(
            "webhook_give_up_hours",
            KeyType::Integer { min: 24, max: 720 },
            "Hours of retries before a failing delivery is given up.",
        ),
    ],
};

/// `[server.portal]`. `public_url` and `client_id` are needed; the others have the defaults of
/// `config::Portal`. The issuer is `[server] issuer`, the broker the kiosk signs in with.
const PORTAL: &[KeySpec] = &[
    key(
        "public_url",
        KeyType::Url,
        "The server's public address, e.g. https://indsigt.kommune.dk (the QR code leads here).",
    ),
    key(
        "client_id",
        TEXT,
        "The portal's client id at the broker (code flow with PKCE).",
    ),
    optional(
        "client_secret_file",
        KeyType::Path,
        "A file with the client secret, for a broker that wants one; else a public client.",
    ),
    optional(
        "scope",
        TEXT,
        "The scopes asked for, space separated (default openid).",
    ),
    optional(
        "dpo_contact",
        TEXT,
        "How citizens reach the data protection officer, shown under \"Your rights\".",
    ),
    optional(
        "idle_timeout_secs",
        KeyType::Integer { min: 60, max: 7200 },
        "Seconds without a request before the session ends (default 900).",
    ),
    optional(
        "session_max_secs",
        KeyType::Integer {
            min: 300,
            max: 43200,
        },
        "The longest a session lasts, in seconds (default 3600).",
    ),
];

/// `[server.representation]`. The privilege URNs and the relations' system are needed.
const REPRESENTATION: &[KeySpec] = &[
    optional(
        "privileges_claim",
        TEXT,
        "The token claim with the privilege list (default NemLog-in's privilegesIntermediate).",
    ),
    key(
        "see_privilege",
        TEXT,
        "The privilege URN that lets a person see Indsigt for another person.",
    ),
    key(
        "act_privilege",
        TEXT,
        "The privilege URN that lets a person act for another (withdraw, report).",
    ),
    optional(
        "child_age_limit",
        KeyType::Integer { min: 1, max: 18 },
        "A child in one's custody is offered while younger than this (default 15).",
    ),
    key(
        "relations_system",
        TEXT,
        "The system in ingest_keys whose custody relations are the Folkeregister's.",
    ),
];

/// `[server.staff]`. The issuer, audience and role are needed.
const STAFF: &[KeySpec] = &[
    key(
        "issuer",
        KeyType::Url,
        "The staff issuer whose tokens may open visits.",
    ),
    key("audience", TEXT, "The audience the staff tokens must name."),
    optional(
        "role_claim",
        TEXT,
        "The claim with the staff member's roles (default roles).",
    ),
    key(
        "role",
        TEXT,
        "The role that may open a visit for a citizen.",
    ),
    optional(
        "session_max_secs",
        KeyType::Integer {
            min: 60,
            max: 14400,
        },
        "The longest a visit staff opened lasts (default 1200; at most the kiosks' session_max_secs).",
    ),
];

/// `[server.postgres]`. Only `url` is needed; the others have the defaults of `config::Postgres`.
const POSTGRES: &[KeySpec] = &[
    key(
        "url",
        TEXT,
        "postgres://user@host:port/dbname, without the password.",
    ),
    optional(
        "password_file",
        KeyType::Path,
        "A file with the password; else the INDSIGT_PG_PASSWORD variable.",
    ),
    optional(
        "pool_size",
        count(256),
        "Connections per server process (default 8).",
    ),
    optional(
        "tls",
        KeyType::OneOf(&["require", "disable"]),
        "require (default; the certificate is checked) or disable (this machine only).",
    ),
    optional(
        "ca_file",
        KeyType::Path,
        "The CA certificate (PEM) of the server's certificate; else the system's.",
    ),
    optional(
        "connect_timeout_secs",
        KeyType::Integer { min: 1, max: 300 },
        "Seconds to wait for a connection (default 5).",
    ),
    optional(
        "access_log_months_ahead",
        KeyType::Integer { min: 1, max: 24 },
        "Monthly access-log partitions made ahead of time (default 3).",
    ),
    optional(
        "access_log_keep_months",
        KeyType::Integer { min: 1, max: 1200 },
        "Months of access log kept; older partitions are detached. Unset: all.",
    ),
];
