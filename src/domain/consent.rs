use super::Text;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// A voluntary consent the citizen has given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub id: i64,
    /// What the consent covers, e.g. "Share health data with your GP".
    pub scope: Text,
    /// Who receives the data.
    pub recipient: Text,
    /// The purpose it serves.
    pub purpose: Text,
    pub given_at: Timestamp,
    pub withdrawn_at: Option<Timestamp>,
    /// A withdrawal has been filed but the backend has not confirmed it yet.
    pub withdrawal_pending: bool,
}

impl Consent {
    pub fn is_active(&self) -> bool {
        self.withdrawn_at.is_none()
    }
}
