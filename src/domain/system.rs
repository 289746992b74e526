use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// A line-of-business system in the catalogue, and when it last sent data: what the picture covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectedSystem {
    /// The system's name, e.g. "KMD Nexus".
    pub name: String,
    /// The last successful ingest of any kind; `None` if it never sent anything.
    pub last_ingest: Option<Timestamp>,
    /// Silent for longer than the configured time (or never heard from).
    pub stale: bool,
}
