//! What `update` asks the effect runner to do. The runner does the IO and answers with a [`super::Msg`].

use crate::domain::{AccessCursor, AccessFilter};
use crate::source::{KioskVisit, Principal};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Call the data source. The answer comes back as `Msg::Loaded` with the same generation.
    Fetch {
        generation: u64,
        principal: Option<Principal>,
        request: Request,
    },
    /// Clear the screen and the terminal's scrollback (at sign-out).
    PurgeScreen,
    /// End the program.
    Quit,
}

/// A call to the data source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    DemoCitizens,
    Citizen,
    Overview,
    Areas,
    Categories(String),
    Category(i64),
    Purposes,
    Organisations,
    AccessPage {
        page: usize,
        filter: AccessFilter,
        after: Option<AccessCursor>,
        limit: u32,
    },
    AccessEntry(i64),
    Report(i64),
    Reports,
    Consents,
    Withdraw(i64),
    Decisions,
    RecordVisit(KioskVisit),
}
