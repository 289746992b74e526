//! The data port: what the kiosk reads and writes through, and the types on both sides of it.
//!
//! The core (`kiosk`) and the adapters (`source`, `store`, `server`) both use these types; they live here so
//! that the core imports nothing from an adapter. The adapters implement [`DataSource`].

pub use super::token::{ASSISTED_TOKEN_PREFIX, AccessToken};
use super::{
    AccessCursor, AccessEvent, AccessFilter, AccessPage, AccessReport, Area, CategorySummary,
    Citizen, CitizenId, CitizenRequest, CitizenSummary, Consent, DataCategory, DecisionSupport,
    Feedback, Lang, Overview, Purpose, Text,
};
use jiff::Timestamp;
use std::fmt;
use thiserror::Error;

/// Who is asking. The local store takes a demo citizen id; the HTTP source a bearer token.
#[derive(Clone, PartialEq, Eq)]
pub enum Principal {
    /// Demo sign-in on the embedded store.
    Demo(CitizenId),
    /// A signed-in citizen's access token, sent to the server as a bearer token.
    Bearer(AccessToken),
    /// A signed-in citizen acting for someone else: their own token, and the server's handle for the
    /// person (from `represented`), which the server checks again on every call.
    ActingFor {
        token: AccessToken,
        handle: AccessToken,
    },
}

impl Principal {
    /// The bearer token, if the principal signed in with one.
    pub fn token(&self) -> Option<&AccessToken> {
        match self {
            Principal::Demo(_) => None,
            Principal::Bearer(t) | Principal::ActingFor { token: t, .. } => Some(t),
        }
    }

    /// The handle of the person acted for, if any.
    pub fn acting_for(&self) -> Option<&AccessToken> {
        match self {
            Principal::ActingFor { handle, .. } => Some(handle),
            _ => None,
        }
    }

    /// The same principal with a new token (after a refresh); whom it acts for stays.
    pub fn with_token(&self, token: AccessToken) -> Principal {
        match self {
            Principal::ActingFor { handle, .. } => Principal::ActingFor {
                token,
                handle: handle.clone(),
            },
            _ => Principal::Bearer(token),
        }
    }
}

impl fmt::Debug for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Principal::Demo(id) => write!(f, "Demo({id})"),
            Principal::Bearer(t) => write!(f, "Bearer({t:?})"),
            Principal::ActingFor { token, .. } => write!(f, "ActingFor({token:?}, [REDACTED])"),
        }
    }
}

/// An organisation that appears in the citizen's access log, for the organisation filter.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Organisation {
    pub id: i64,
    pub name: Text,
}

/// Who helped the citizen at the kiosk, if anyone. No personal data of the helper is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Helper {
    NoOne,
    Staff,
    Volunteer,
}

/// A kiosk visit, recorded in the citizen's own access log so the kiosk itself is transparent.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KioskVisit {
    pub kiosk_id: String,
    pub location: String,
    pub started_at: Timestamp,
    pub helper: Helper,
}

/// Why a call to the source failed. Each maps to a localized sentence (see [`SourceError::message_id`]);
/// the detail strings are for the logs and never hold personal data.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum SourceError {
    #[error("the data source could not be reached: {0}")]
    Unreachable(String),
    #[error("the data source did not answer in time")]
    Timeout,
    #[error("not signed in, or the sign-in has expired")]
    Unauthorized,
    #[error("the data source has no data about this citizen")]
    UnknownCitizen,
    #[error("not found")]
    NotFound,
    #[error("the data source answered with something we could not read: {0}")]
    Malformed(String),
    #[error("the data source failed: {0}")]
    Server(String),
    #[error("the local data store failed: {0}")]
    Storage(String),
    #[error("this operation is not available with this data source")]
    Unsupported,
    /// The server refused: the sign-in does not allow this (the code says which refusal).
    #[error("the data source refused: {0}")]
    Forbidden(String),
}

impl SourceError {
    /// The Fluent message id of the sentence the citizen sees.
    pub fn message_id(&self) -> &'static str {
        match self {
            SourceError::Unreachable(_) => "error-source-unreachable",
            SourceError::Timeout => "error-source-timeout",
            SourceError::Unauthorized => "error-source-unauthorized",
            SourceError::UnknownCitizen => "error-source-unknown-citizen",
            SourceError::NotFound => "error-source-not-found",
            SourceError::Malformed(_) => "error-source-malformed",
            SourceError::Server(_) => "error-source-server",
            SourceError::Storage(_) => "error-source-storage",
            SourceError::Unsupported => "error-source-unsupported",
            SourceError::Forbidden(_) => "error-source-forbidden",
        }
    }
}

pub type SourceResult<T> = Result<T, SourceError>;

/// Everything the kiosk reads and writes. Every call names the principal; a source never serves one
/// citizen's data to another.
pub trait DataSource: Send + Sync {
    /// The demo citizens for demo sign-in. Sources without demo sign-in answer `Unsupported`.
    fn demo_citizens(&self) -> SourceResult<Vec<CitizenSummary>>;
    /// The signed-in citizen (or the person acted for).
    fn citizen(&self, who: &Principal) -> SourceResult<Citizen>;
    /// Whom the signed-in citizen may act for, as the server checked it. Empty: only themself.
    fn represented(&self, who: &Principal) -> SourceResult<Vec<crate::domain::Represented>>;
    fn overview(&self, who: &Principal) -> SourceResult<Overview>;
    fn areas(&self, who: &Principal) -> SourceResult<Vec<Area>>;
    fn categories(&self, who: &Principal, area: &str) -> SourceResult<Vec<CategorySummary>>;
    fn category(&self, who: &Principal, id: i64) -> SourceResult<DataCategory>;
    fn purposes(&self, who: &Principal) -> SourceResult<Vec<Purpose>>;
    /// The organisations in the citizen's visible access log, for the filter.
    fn organisations(&self, who: &Principal) -> SourceResult<Vec<Organisation>>;
    /// One page of the access log, newest first, starting after `after`.
    fn access_page(
        &self,
        who: &Principal,
        filter: &AccessFilter,
        after: Option<AccessCursor>,
        limit: u32,
    ) -> SourceResult<AccessPage>;
    fn access_event(&self, who: &Principal, id: i64) -> SourceResult<AccessEvent>;
    /// Files "I don't recognise this" on an entry, in the citizen's language (the answer comes in it).
    fn report_access(
        &self,
        who: &Principal,
        event_id: i64,
        lang: Lang,
    ) -> SourceResult<AccessReport>;
    /// The citizen's reports, so the kiosk can show a report's status on the entry.
    fn access_reports(&self, who: &Principal) -> SourceResult<Vec<AccessReport>>;
    fn consents(&self, who: &Principal) -> SourceResult<Vec<Consent>>;
    /// Files a withdrawal. The returned consent shows whether it took effect or is pending.
    fn withdraw_consent(&self, who: &Principal, id: i64, lang: Lang) -> SourceResult<Consent>;
    fn decision_support(&self, who: &Principal) -> SourceResult<Vec<DecisionSupport>>;
    /// The citizen's requests (withdrawals and reports), newest first, with where each stands.
    fn requests(&self, who: &Principal) -> SourceResult<Vec<CitizenRequest>>;
    /// The citizen has seen their requests: nothing is "new" any more until a status changes again.
    fn mark_requests_seen(&self, who: &Principal) -> SourceResult<()>;
    /// The catalogue's systems and when each last sent data: what the picture covers.
    fn systems(&self, who: &Principal) -> SourceResult<Vec<crate::domain::ConnectedSystem>>;
    /// Records the kiosk visit (and who helped) in the citizen's own access log.
    fn record_visit(&self, who: &Principal, visit: &KioskVisit) -> SourceResult<()>;
    /// A member of staff, signed in with `staff`, opens a visit for the citizen with this CPR number: the
    /// answer is the session's bearer token. Sources without staff sign-in answer `Unsupported`.
    fn open_assisted(&self, staff: &AccessToken, cpr: &super::Cpr) -> SourceResult<AccessToken> {
        let _ = (staff, cpr);
        Err(SourceError::Unsupported)
    }
    /// Ends a visit staff opened (at sign-out), so its token opens nothing more. Best effort.
    fn end_assisted(&self, who: &Principal) {
        let _ = who;
    }
    /// The citizen has left: forget anything held for their session (a token copy, cached data).
    fn end_session(&self) {}
    /// Records an answer to "Was this understandable?". It names no citizen and is sent without one; a
    /// source that cannot take it now drops it (it is not worth keeping on the kiosk).
    fn record_feedback(&self, feedback: &Feedback) -> SourceResult<()>;
}
