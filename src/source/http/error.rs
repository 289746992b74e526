//! What can go wrong while setting up the HTTP source or its outbox. Failures of single calls are
//! [`SourceError`]s; these are the ones that stop the source from starting.

use crate::source::SourceError;
use std::path::PathBuf;
use thiserror::Error;

/// The HTTP source could not be set up. The texts name no personal data and no token.
#[derive(Debug, Error)]
pub enum HttpError {
    #[error("no server URL is configured ([source] url)")]
    NoUrl,
    #[error("the server URL {0:?} is not a valid URL")]
    BadUrl(String),
    #[error(
        "the server URL {0:?} must use https:// (http:// is allowed only for localhost, 127.0.0.0/8 and ::1)"
    )]
    InsecureUrl(String),
    #[error("the CA file {path} could not be used: {reason}")]
    CaFile { path: PathBuf, reason: String },
    #[error("the kiosk key file {path} could not be used: {reason}")]
    KioskKeyFile { path: PathBuf, reason: String },
    #[error("the HTTP client could not be set up: {0}")]
    Client(String),
    #[error(transparent)]
    Outbox(#[from] OutboxError),
}

/// The outbox file failed.
#[derive(Debug, Error)]
pub enum OutboxError {
    #[error("the outbox file {path} could not be opened: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error(
        "the outbox file was made by a newer version of Indsigt (schema {found}; this version reads up to {supported})"
    )]
    NewerSchema { found: i64, supported: i64 },
    #[error("the outbox failed: {0}")]
    Sqlite(String),
}

impl From<rusqlite::Error> for OutboxError {
    fn from(e: rusqlite::Error) -> OutboxError {
        OutboxError::Sqlite(e.to_string())
    }
}

impl From<OutboxError> for SourceError {
    fn from(e: OutboxError) -> SourceError {
        SourceError::Storage(e.to_string())
    }
}

impl From<HttpError> for SourceError {
    fn from(e: HttpError) -> SourceError {
        match e {
            HttpError::Outbox(e) => e.into(),
            other => SourceError::Unreachable(other.to_string()),
        }
    }
}
