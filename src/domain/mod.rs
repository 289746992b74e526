//! The domain: what the municipality holds about a citizen, why, and who looked at it.
//!
//! Plain types with serde and no IO. Every text a citizen reads is bilingual ([`Text`]).

mod access;
mod category;
mod citizen;
mod consent;
mod decision;
mod feedback;
pub mod port;
mod represent;
mod request;
mod system;
mod text;
mod token;

pub use access::{
    AccessCursor, AccessEvent, AccessFilter, AccessPage, AccessReport, Action, Actor, Batch,
    KIOSK_SYSTEM, ReportStatus,
};
pub use category::{
    Area, CategorySummary, DataCategory, FieldValue, Lawfulness, LegalBasis, Origin, OriginKind,
    Purpose, Retention,
};
pub use citizen::{Citizen, CitizenId, CitizenSummary, Cpr};
pub use consent::Consent;
pub use decision::{DecisionSupport, Factor};
pub use feedback::{Feedback, FeedbackAnswer, MAX_FEEDBACK_SCREENS, is_screen_name};
pub use represent::{Basis, OnBehalf, Represented};
pub use request::{CitizenRequest, RequestKind, RequestStatus};
pub use system::ConnectedSystem;
pub use text::{Lang, Text};

use serde::{Deserialize, Serialize};

/// The counts on the overview screen, one per section.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    /// Data categories held about the citizen.
    pub categories: u32,
    /// Areas (departments) those categories belong to.
    pub areas: u32,
    /// Purposes the data is used for.
    pub purposes: u32,
    /// Visible access-log entries (deferred entries are not counted).
    pub access_events: u32,
    /// Consents that are in force (not withdrawn).
    pub active_consents: u32,
    /// All consents, withdrawn ones included.
    pub consents: u32,
    /// Uses of computer-assisted decision tools in the citizen's cases.
    pub decision_support: u32,
    /// The citizen's requests whose status or answer changed since they last opened "Your requests".
    #[serde(default)]
    pub new_answers: u32,
}
