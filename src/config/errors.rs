//! What can be wrong with a configuration. Each problem names where the value came from, the key, what is
//! wrong and what is allowed. `messages.rs` turns them into localized sentences.

use super::schema::ValueType;
use std::fmt;
use std::path::PathBuf;

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The compiled-in `config/default.toml`.
    Default,
    /// A file given with `--config`.
    File(PathBuf),
    /// An `INDSIGT_<SECTION>_<KEY>` environment variable.
    Env(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("config/default.toml (built in)"),
            Origin::File(path) => write!(f, "{}", path.display()),
            Origin::Env(var) => write!(f, "environment variable {var}"),
        }
    }
}

/// What is wrong with a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    /// Not `https://` (and not `http://` to a loopback host).
    NotHttps,
    /// No host, or spaces or other characters a URL cannot hold.
    Malformed,
}

/// One problem with the configuration.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read the file: {reason}", file.display())]
    Unreadable { file: PathBuf, reason: String },

    #[error("{}, line {line}, column {column}: TOML syntax error: {message}", file.display())]
    Syntax {
        file: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("{origin}: unknown section [{section}]{}; allowed: {}", did_you_mean(suggestion), allowed.join(", "))]
    UnknownSection {
        origin: Origin,
        section: String,
        suggestion: Option<String>,
        allowed: Vec<String>,
    },

    #[error("{origin}: unknown key `{key}`{}; allowed: {}", did_you_mean(suggestion), allowed.join(", "))]
    UnknownKey {
        origin: Origin,
        key: String,
        suggestion: Option<String>,
        allowed: Vec<String>,
    },

    #[error("{origin}: `{key}` must be a {expected}, found {found} {value}")]
    WrongType {
        origin: Origin,
        key: String,
        expected: ValueType,
        found: ValueType,
        value: String,
    },

    #[error("{origin}: `{key}` cannot be {value}; allowed: {}", allowed.join(", "))]
    NotAllowed {
        origin: Origin,
        key: String,
        value: String,
        allowed: Vec<String>,
    },

    #[error("{origin}: `{key}` = {value} is out of range; allowed: {min} to {max}")]
    OutOfRange {
        origin: Origin,
        key: String,
        value: i64,
        min: i64,
        max: i64,
    },

    #[error("{origin}: `{key}` must not be empty")]
    Empty { origin: Origin, key: String },

    #[error("{origin}: `{key}` = \"{value}\" is not an allowed URL ({problem:?})")]
    BadUrl {
        origin: Origin,
        key: String,
        value: String,
        problem: UrlProblem,
    },

    #[error("{origin}: `{key}` is not a PIN hash in PHC format ($scheme$...)")]
    BadPinHash { origin: Origin, key: String },

    #[error("{origin}: `{key}` must be a SHA-256 as 64 hex digits")]
    BadKeyHash { origin: Origin, key: String },

    #[error("{origin}: `{key}` ({value}) must be less than `{other_key}` ({other_value})")]
    MustBeLess {
        origin: Origin,
        key: String,
        value: i64,
        other_key: String,
        other_value: i64,
    },

    #[error("{origin}: `{key}` is required when `{when_key}` is {when_value}")]
    RequiredWhen {
        origin: Origin,
        key: String,
        when_key: String,
        when_value: String,
    },

    #[error("{origin}: `{key}` is missing; `[{table}]` needs it")]
    RequiredIn {
        origin: Origin,
        key: String,
        table: String,
    },

    #[error(
        "{origin}: `{key}` item {index} must be {{ system = \"<name>\", key_sha256 = \"<64 hex digits>\" }}, optionally with webhook_url and webhook_secret_file"
    )]
    BadIngestKey {
        origin: Origin,
        key: String,
        index: usize,
    },

    #[error(
        "{origin}: `{key}` item {index} must be {{ id, location, key_sha256 = \"<64 hex digits>\" }}, with an id and a key no other kiosk has"
    )]
    BadKioskKey {
        origin: Origin,
        key: String,
        index: usize,
    },

    /// The pepper file is missing, unreadable or too short (the problem's own message id says which).
    #[error("{origin}: `{key}`: {problem}")]
    BadPepper {
        origin: Origin,
        key: String,
        problem: crate::auth::citizen_key::PepperError,
    },

    #[error("{origin}: `auth.kind` = \"demo\" cannot be used with `source.kind` = \"http\"")]
    DemoAuthWithHttpSource { origin: Origin },

    #[error("the configuration could not be read: {message}")]
    Invalid { message: String },
}

fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default()
}

impl ConfigError {
    /// A short stable code for the kind of problem (used by the fixture tests).
    pub fn kind(&self) -> &'static str {
        match self {
            ConfigError::Unreadable { .. } => "unreadable",
            ConfigError::Syntax { .. } => "syntax",
            ConfigError::UnknownSection { .. } => "unknown-section",
            ConfigError::UnknownKey { .. } => "unknown-key",
            ConfigError::WrongType { .. } => "wrong-type",
            ConfigError::NotAllowed { .. } => "not-allowed",
            ConfigError::OutOfRange { .. } => "out-of-range",
            ConfigError::Empty { .. } => "empty",
            ConfigError::BadUrl { .. } => "bad-url",
            ConfigError::BadPinHash { .. } => "bad-pin-hash",
            ConfigError::BadKeyHash { .. } => "bad-key-hash",
            ConfigError::BadIngestKey { .. } => "bad-ingest-key",
            ConfigError::BadKioskKey { .. } => "bad-kiosk-key",
            ConfigError::MustBeLess { .. } => "must-be-less",
            ConfigError::RequiredWhen { .. } => "required-when",
            ConfigError::RequiredIn { .. } => "required-in",
            ConfigError::BadPepper { .. } => "bad-pepper",
            ConfigError::DemoAuthWithHttpSource { .. } => "demo-auth-with-http-source",
            ConfigError::Invalid { .. } => "invalid",
        }
    }

    /// The key path (`kiosk.idle_timeout_secs`) or section the problem is about, if any.
    pub fn key(&self) -> Option<&str> {
        match self {
            ConfigError::Unreadable { .. }
            | ConfigError::Syntax { .. }
            | ConfigError::Invalid { .. } => None,
            ConfigError::UnknownSection { section, .. } => Some(section),
            ConfigError::DemoAuthWithHttpSource { .. } => Some("auth.kind"),
            ConfigError::UnknownKey { key, .. }
            | ConfigError::WrongType { key, .. }
            | ConfigError::NotAllowed { key, .. }
            | ConfigError::OutOfRange { key, .. }
            | ConfigError::Empty { key, .. }
            | ConfigError::BadUrl { key, .. }
            | ConfigError::BadPinHash { key, .. }
            | ConfigError::BadKeyHash { key, .. }
            | ConfigError::BadIngestKey { key, .. }
            | ConfigError::BadKioskKey { key, .. }
            | ConfigError::MustBeLess { key, .. }
            | ConfigError::RequiredWhen { key, .. }
            | ConfigError::RequiredIn { key, .. }
            | ConfigError::BadPepper { key, .. } => Some(key),
        }
    }
}

/// All the problems found in one load. Never empty.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl ConfigErrors {
    pub fn iter(&self) -> std::slice::Iter<'_, ConfigError> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a ConfigErrors {
    type Item = &'a ConfigError;
    type IntoIter = std::slice::Iter<'a, ConfigError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
