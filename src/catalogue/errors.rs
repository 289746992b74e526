//! What can be wrong with a catalogue. Each problem names the file, the line and the key, what is wrong
//! and what is allowed; `messages.rs` turns them into localized sentences.

use super::schema::{Kind, Ty};
use crate::config::schema::ValueType;
use std::fmt;
use std::path::PathBuf;

/// A place in a catalogue file (lines are 1-based).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Loc {
    pub file: PathBuf,
    pub line: usize,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, line {}", self.file.display(), self.line)
    }
}

/// One problem with a catalogue.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CatalogueError {
    #[error("{}: cannot read: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: String },

    #[error("{}: no .toml files", dir.display())]
    NoFiles { dir: PathBuf },

    #[error("{}, line {line}, column {column}: TOML syntax error: {message}", file.display())]
    Syntax {
        file: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("{loc}: unknown kind of entry [[{key}]]")]
    UnknownKind {
        loc: Loc,
        key: String,
        suggestion: Option<String>,
        allowed: Vec<String>,
    },

    #[error("{loc}: unknown key `{key}`")]
    UnknownKey {
        loc: Loc,
        key: String,
        suggestion: Option<String>,
        allowed: Vec<String>,
    },

    #[error("{loc}: `{key}` is missing")]
    Missing { loc: Loc, key: String },

    #[error("{loc}: `{key}` must be {expected:?}, found {found} {value}")]
    WrongType {
        loc: Loc,
        key: String,
        expected: Ty,
        found: ValueType,
        value: String,
    },

    #[error("{loc}: `{key}` cannot be {value}")]
    NotAllowed {
        loc: Loc,
        key: String,
        value: String,
        allowed: Vec<String>,
    },

    #[error("{loc}: `{key}` = {value} is out of range {min} to {max}")]
    OutOfRange {
        loc: Loc,
        key: String,
        value: i64,
        min: i64,
        max: i64,
    },

    #[error("{loc}: `{key}` must not be empty")]
    Empty { loc: Loc, key: String },

    #[error("{loc}: `{key}` = \"{value}\" is not a valid id")]
    BadId {
        loc: Loc,
        key: String,
        value: String,
    },

    #[error("{loc}: `{key}`: the id \"{id}\" is already used at {first}")]
    Duplicate {
        loc: Loc,
        key: String,
        id: String,
        first: Loc,
    },

    #[error("{loc}: `{key}`: there is no {kind:?} \"{id}\"")]
    UnknownRef {
        loc: Loc,
        key: String,
        kind: Kind,
        id: String,
        suggestion: Option<String>,
    },

    #[error("{loc}: `{key}` must be {{ years, after }} or {{ as_long_as_law_requires = true }}")]
    RetentionRule { loc: Loc, key: String },

    #[error("{}: the catalogue could not be read: {message}", file.display())]
    Invalid { file: PathBuf, message: String },
}

impl CatalogueError {
    /// The Fluent id of the problem's sentence; also its stable code in the fixture tests.
    pub fn message_id(&self) -> &'static str {
        match self {
            CatalogueError::Unreadable { .. } => "catalogue-error-unreadable",
            CatalogueError::NoFiles { .. } => "catalogue-error-no-files",
            CatalogueError::Syntax { .. } => "catalogue-error-syntax",
            CatalogueError::UnknownKind { .. } => "catalogue-error-unknown-kind",
            CatalogueError::UnknownKey { .. } => "catalogue-error-unknown-key",
            CatalogueError::Missing { .. } => "catalogue-error-missing",
            CatalogueError::WrongType { .. } => "catalogue-error-wrong-type",
            CatalogueError::NotAllowed { .. } => "catalogue-error-not-allowed",
            CatalogueError::OutOfRange { .. } => "catalogue-error-out-of-range",
            CatalogueError::Empty { .. } => "catalogue-error-empty",
            CatalogueError::BadId { .. } => "catalogue-error-bad-id",
            CatalogueError::Duplicate { .. } => "catalogue-error-duplicate",
            CatalogueError::UnknownRef { .. } => "catalogue-error-unknown-ref",
            CatalogueError::RetentionRule { .. } => "catalogue-error-retention-rule",
            CatalogueError::Invalid { .. } => "catalogue-error-invalid",
        }
    }

    /// Where the problem is, for sorting: file, then line.
    pub fn sort_key(&self) -> (PathBuf, usize) {
        match self {
            CatalogueError::Unreadable { path, .. } => (path.clone(), 0),
            CatalogueError::NoFiles { dir } => (dir.clone(), 0),
            CatalogueError::Syntax { file, line, .. } => (file.clone(), *line),
            CatalogueError::Invalid { file, .. } => (file.clone(), 0),
            CatalogueError::UnknownKind { loc, .. }
            | CatalogueError::UnknownKey { loc, .. }
            | CatalogueError::Missing { loc, .. }
            | CatalogueError::WrongType { loc, .. }
            | CatalogueError::NotAllowed { loc, .. }
            | CatalogueError::OutOfRange { loc, .. }
            | CatalogueError::Empty { loc, .. }
            | CatalogueError::BadId { loc, .. }
            | CatalogueError::Duplicate { loc, .. }
            | CatalogueError::UnknownRef { loc, .. }
            | CatalogueError::RetentionRule { loc, .. } => (loc.file.clone(), loc.line),
        }
    }
}

/// All the problems found in one catalogue, in file and line order. Never empty.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct CatalogueErrors(pub Vec<CatalogueError>);

impl CatalogueErrors {
    pub fn iter(&self) -> std::slice::Iter<'_, CatalogueError> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
