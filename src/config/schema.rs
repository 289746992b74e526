//! The explicit schema: sections → keys → expected type, allowed values and a doc line.
//!
//! `load.rs` walks a `toml::Value` against this table before anything is deserialized, so every
//! problem can be reported with its key and what is allowed.

/// The type a key expects, and the values it allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyType {
    /// Any string; `non_empty` refuses `""`.
    Text {
        non_empty: bool,
    },
    /// An `https://` URL (`http://` only for loopback hosts).
    Url,
    /// A file path (a string).
    Path,
    /// An integer in `min..=max`.
    Integer {
        min: i64,
        max: i64,
    },
    Boolean,
    /// One of the listed strings.
    OneOf(&'static [&'static str]),
    /// An operator PIN hash in PHC string format (`$scheme$...`).
    PinHash,
    /// An array of `{ system = "...", key_sha256 = "<64 hex digits>" }` tables, each optionally with
    /// `webhook_url` and `webhook_secret_file` (both or neither).
    IngestKeys,
    /// 64 hex digits: the SHA-256 of a key.
    Sha256,
    /// An array of `{ id = "...", location = "...", key_sha256 = "<64 hex digits>" }` tables.
    Kiosks,
    /// A table of its own keys (`[server.postgres]`), each checked like a section's; the `required` ones
    /// must be there when the table is.
    Table(&'static [KeySpec]),
}

/// The basic TOML type a [`KeyType`] is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    String,
    Integer,
    Float,
    Boolean,
    Datetime,
    Array,
    Table,
}

impl ValueType {
    pub fn of(value: &toml::Value) -> ValueType {
        match value {
            toml::Value::String(_) => ValueType::String,
            toml::Value::Integer(_) => ValueType::Integer,
            toml::Value::Float(_) => ValueType::Float,
            toml::Value::Boolean(_) => ValueType::Boolean,
            toml::Value::Datetime(_) => ValueType::Datetime,
            toml::Value::Array(_) => ValueType::Array,
            toml::Value::Table(_) => ValueType::Table,
        }
    }

    /// The Fluent message id naming this type.
    pub fn message_id(self) -> &'static str {
        match self {
            ValueType::String => "config-type-string",
            ValueType::Integer => "config-type-integer",
            ValueType::Float => "config-type-float",
            ValueType::Boolean => "config-type-boolean",
            ValueType::Datetime => "config-type-datetime",
            ValueType::Array => "config-type-array",
            ValueType::Table => "config-type-table",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ValueType::String => "string",
            ValueType::Integer => "integer",
            ValueType::Float => "float",
            ValueType::Boolean => "boolean",
            ValueType::Datetime => "datetime",
            ValueType::Array => "array",
            ValueType::Table => "table",
        }
    }
}

impl std::fmt::Display for ValueType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl KeyType {
    pub fn value_type(self) -> ValueType {
        match self {
            KeyType::Text { .. }
            | KeyType::Url
            | KeyType::Path
            | KeyType::OneOf(_)
            | KeyType::PinHash
            | KeyType::Sha256 => ValueType::String,
            KeyType::Integer { .. } => ValueType::Integer,
            KeyType::Boolean => ValueType::Boolean,
            KeyType::IngestKeys | KeyType::Kiosks => ValueType::Array,
            KeyType::Table(_) => ValueType::Table,
        }
    }
}

/// One key of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeySpec {
    pub name: &'static str,
    pub ty: KeyType,
    /// Optional keys may be left out; required ones come from the defaults when a file leaves them out.
    pub optional: bool,
    pub doc: &'static str,
}

/// One `[section]`.
#[derive(Debug, Clone, Copy)]
pub struct SectionSpec {
    pub name: &'static str,
    pub doc: &'static str,
    pub keys: &'static [KeySpec],
}

impl SectionSpec {
    pub fn key(&self, name: &str) -> Option<&'static KeySpec> {
        self.keys.iter().find(|k| k.name == name)
    }

    pub fn key_names(&self) -> Vec<&'static str> {
        self.keys.iter().map(|k| k.name).collect()
    }
}

pub const LANGUAGES: &[&str] = &["da", "en"];
pub const SOURCE_KINDS: &[&str] = &["local", "http"];
pub const AUTH_KINDS: &[&str] = &["demo", "device"];

pub(super) const fn key(name: &'static str, ty: KeyType, doc: &'static str) -> KeySpec {
    KeySpec {
        name,
        ty,
        optional: false,
        doc,
    }
}

pub(super) const fn optional(name: &'static str, ty: KeyType, doc: &'static str) -> KeySpec {
    KeySpec {
        name,
        ty,
        optional: true,
        doc,
    }
}

pub(super) const TEXT: KeyType = KeyType::Text { non_empty: true };

/// `[auth.staff]`: the staff issuer the kiosk's staff sign-in uses.
const STAFF_AUTH: &[KeySpec] = &[
    key(
        "issuer",
        KeyType::Url,
        "The municipality's staff issuer (OIDC).",
    ),
    key(
        "client_id",
        TEXT,
        "The kiosk's client id at the staff issuer.",
    ),
    optional("scope", TEXT, "The scopes to ask for (default openid)."),
    optional(
        "audience",
        TEXT,
        "The audience of the staff member's access token.",
    ),
];

pub static SCHEMA: &[SectionSpec] = &[
    SectionSpec {
        name: "municipality",
        doc: "The municipality that runs the kiosk.",
        keys: &[
            key("name", TEXT, "Shown in big letters on the attract screen."),
            optional(
                "portal_url",
                KeyType::Url,
                "The citizen's web pages that \"continue online\" links to. Unset: the server's own ([source] url).",
            ),
            key(
                "dpo_contact",
                TEXT,
                "How to reach the data protection officer.",
            ),
        ],
    },
    SectionSpec {
        name: "kiosk",
        doc: "This kiosk.",
        keys: &[
            key("id", TEXT, "Names this kiosk in logs and reports."),
            key("location", TEXT, "Where the kiosk stands."),
            key(
                "default_language",
                KeyType::OneOf(LANGUAGES),
                "The language a visit starts in.",
            ),
            key(
                "idle_timeout_secs",
                KeyType::Integer { min: 15, max: 3600 },
                "Seconds without input before the citizen is signed out.",
            ),
            key(
                "idle_warning_secs",
                KeyType::Integer { min: 20, max: 600 },
                "Seconds before the idle sign-out that the warning shows (at least 20: WCAG 2.2.1).",
            ),
            key(
                "session_max_secs",
                KeyType::Integer {
                    min: 60,
                    max: 14_400,
                },
                "The longest a session may last, in seconds.",
            ),
            key(
                "locked",
                KeyType::Boolean,
                "A locked kiosk cannot be quit without the operator PIN.",
            ),
            key(
                "show_employee_names",
                KeyType::Boolean,
                "Show employee names in the access log.",
            ),
            optional(
                "operator_pin_hash",
                KeyType::PinHash,
                "The hash of the operator PIN (PHC format). Required when locked = true.",
            ),
            optional(
                "read_aloud",
                KeyType::Boolean,
                "Offer read-aloud (the A key). On by default.",
            ),
            optional(
                "speech_program",
                KeyType::Text { non_empty: true },
                "The speech program for read-aloud (espeak-ng, or one that takes its options).",
            ),
            optional(
                "private_audio",
                KeyType::Boolean,
                "The sound goes only to a headset, so the citizen's data may be read aloud.",
            ),
        ],
    },
    SectionSpec {
        name: "source",
        doc: "Where the kiosk reads the citizen's data.",
        keys: &[
            key(
                "kind",
                KeyType::OneOf(SOURCE_KINDS),
                "local (embedded SQLite file) or http (an Indsigt server).",
            ),
            key(
                "path",
                KeyType::Path,
                "The SQLite file for kind = local; relative to the working directory.",
            ),
            optional("url", KeyType::Url, "The Indsigt server for kind = http."),
            optional(
                "ca_file",
                KeyType::Path,
                "Extra CA certificates (PEM) to trust for the server.",
            ),
            optional(
                "connect_timeout_secs",
                KeyType::Integer { min: 1, max: 60 },
                "Seconds to wait for a connection to the server.",
            ),
            optional(
                "request_timeout_secs",
                KeyType::Integer { min: 1, max: 300 },
                "Seconds to wait for a whole request to the server.",
            ),
            optional(
                "outbox_path",
                KeyType::Path,
                "The SQLite file that keeps writes until the server has them (kind = http).",
            ),
            optional(
                "max_body_bytes",
                KeyType::Integer {
                    min: 65_536,
                    max: 268_435_456,
                },
                "The largest answer read from the server, in bytes.",
            ),
            optional(
                "retry_attempts",
                KeyType::Integer { min: 1, max: 10 },
                "How many times a read from the server is tried in all.",
            ),
            optional(
                "retry_base_ms",
                KeyType::Integer {
                    min: 10,
                    max: 10_000,
                },
                "The first pause between tries, in milliseconds; it doubles each time.",
            ),
            optional(
                "outbox_retry_secs",
                KeyType::Integer { min: 5, max: 3600 },
                "Seconds between tries to deliver the outbox.",
            ),
            optional(
                "outbox_max_age_days",
                KeyType::Integer { min: 1, max: 365 },
                "Days an undelivered write is kept before it is dropped.",
            ),
            optional(
                "kiosk_key_file",
                KeyType::Path,
                "The file with this kiosk's key, sent to the server on every request (kind = http).",
            ),
        ],
    },
    SectionSpec {
        name: "auth",
        doc: "How citizens sign in.",
        keys: &[
            key(
                "kind",
                KeyType::OneOf(AUTH_KINDS),
                "demo (pick a demo citizen) or device (MitID on the phone).",
            ),
            optional("issuer", KeyType::Url, "The OIDC issuer for kind = device."),
            optional(
                "client_id",
                TEXT,
                "The kiosk's client id at the issuer for kind = device.",
            ),
            optional(
                "scope",
                TEXT,
                "The scopes to ask for, space separated (default openid).",
            ),
            optional(
                "audience",
                TEXT,
                "The audience of the access token, if the issuer needs one.",
            ),
            optional(
                "staff",
                KeyType::Table(STAFF_AUTH),
                "Sign-in with a member of staff (no MitID on the phone): the keys below.",
            ),
        ],
    },
    super::schema_server::SERVER,
];

pub fn section(name: &str) -> Option<&'static SectionSpec> {
    SCHEMA.iter().find(|s| s.name == name)
}

pub fn section_names() -> Vec<&'static str> {
    SCHEMA.iter().map(|s| s.name).collect()
}

/// The closest of `candidates` to `word`, if it is close enough to be a useful "did you mean".
pub fn suggest(word: &str, candidates: &[&str]) -> Option<String> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_owned())
}
