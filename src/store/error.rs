//! Why a store call failed. Each variant maps to a Fluent message id; the detail strings never hold personal data.

use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    /// The file exists but is not an SQLite database. Nothing was written to it.
    #[error("{path} is not an SQLite database")]
    NotSqlite { path: PathBuf },
    /// The database was written by a newer version of Indsigt. Nothing was written to it.
    #[error("the database has schema version {found}; this program supports up to {supported}")]
    NewerSchema { found: i64, supported: i64 },
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("database error: {0}")]
    Sqlite(String),
    /// A PostgreSQL statement failed; the text names its problem, never a bound value.
    #[error("PostgreSQL error: {0}")]
    Postgres(String),
    /// The database does not answer now (PostgreSQL down or restarting): try again.
    #[error("the database is not available")]
    Unavailable,
    /// The citizen is not in the store.
    #[error("unknown citizen")]
    UnknownCitizen,
    /// No such item among the citizen's own visible data. Another citizen's item is also NotFound,
    /// so an id never tells whether it exists.
    #[error("not found")]
    NotFound,
    /// The item is the citizen's, but the operation is not allowed on it.
    #[error("not allowed")]
    Forbidden,
    /// A stored value could not be read back (a corrupt or hand-edited row).
    #[error("a stored value is invalid: {0}")]
    Corrupt(String),
    /// An answer or a refusal's reason has no text in the citizen's filing language.
    #[error("the answer needs a text in the language the citizen filed in: {lang}")]
    AnswerLacksLanguage { lang: crate::domain::Lang },
    /// An answer or a reason is longer than the store takes.
    #[error("the answer is longer than {max} characters")]
    AnswerTooLong { max: usize },
}

impl StoreError {
    /// The Fluent message id of the sentence the citizen (or the operator) sees.
    pub fn message_id(&self) -> &'static str {
        match self {
            StoreError::NotSqlite { .. } => "error-store-not-sqlite",
            StoreError::NewerSchema { .. } => "error-store-newer-schema",
            StoreError::Io(_) => "error-store-io",
            StoreError::Sqlite(_) => "error-store-sqlite",
            StoreError::Postgres(_) => "error-store-postgres",
            StoreError::Unavailable => "error-store-unavailable",
            StoreError::UnknownCitizen => "error-store-unknown-citizen",
            StoreError::NotFound => "error-store-not-found",
            StoreError::Forbidden => "error-store-forbidden",
            StoreError::Corrupt(_) => "error-store-corrupt",
            StoreError::AnswerLacksLanguage { .. } => "error-store-answer-lacks-language",
            StoreError::AnswerTooLong { .. } => "error-store-answer-too-long",
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound,
            // The message of an SQLite error names the statement's problem, never a bound value.
            other => StoreError::Sqlite(other.to_string()),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
