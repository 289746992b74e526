//! What `update` asks the effect runner to do. The runner does the IO and answers with a [`super::Msg`].

use crate::domain::port::{AccessToken, KioskVisit, Principal};
use crate::domain::{AccessCursor, AccessFilter, Feedback, Lang};

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
    /// Tell the data source the session has ended, so it forgets what it held for it.
    EndSession,
    /// End the program.
    Quit,
    /// Check the operator's PIN against the configured hash (slow on purpose, so off the loop).
    CheckPin(Pin),
    /// A call to the sign-in broker; its answer (if any) comes back as a msg.
    Auth(AuthEffect),
    /// Read the screen aloud. What is said is taken from the model at the edge (`ui::speech`); the end
    /// comes back as `Msg::Spoken` with the same id.
    Speak(Utterance),
    /// Stop reading aloud at once.
    StopSpeaking,
}

/// One reading of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Utterance {
    pub id: u64,
    pub lang: crate::domain::Lang,
    pub words_per_minute: u16,
}

/// What the effect runner asks of the sign-in broker (the kiosk side of `auth::Broker`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthEffect {
    /// Ask the broker for a device code (RFC 8628 §3.1); the answer is `Msg::DeviceStarted`.
    Start { attempt: u64 },
    /// Poll the token endpoint once (RFC 8628 §3.4); the answer is `Msg::Polled`.
    Poll {
        attempt: u64,
        device_code: AccessToken,
    },
    /// Use the refresh token once after a 401; the answer is `Msg::Refreshed`.
    Refresh {
        generation: u64,
        refresh: AccessToken,
    },
    /// Revoke the refresh token at sign-out (RFC 7009), fire and forget.
    Revoke(AccessToken),
    /// [`AuthEffect::Start`] at the staff issuer, for sign-in with a member of staff.
    StaffStart { attempt: u64 },
    /// [`AuthEffect::Poll`] at the staff issuer.
    StaffPoll {
        attempt: u64,
        device_code: AccessToken,
    },
}

/// A PIN on its way to be checked: never printed, zeroized when dropped.
#[derive(Clone, PartialEq, Eq, zeroize::Zeroize, zeroize::ZeroizeOnDrop)]
pub struct Pin(pub String);

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pin([REDACTED])")
    }
}

/// A call to the data source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    DemoCitizens,
    Citizen,
    /// Whom the signed-in citizen may act for.
    Represented,
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
    /// Files a report on an entry, in the citizen's language.
    Report(i64, Lang),
    Reports,
    Consents,
    /// Withdraws a consent; the citizen's language goes with it.
    Withdraw(i64, Lang),
    Decisions,
    /// The citizen's requests, for "Your requests".
    Requests,
    /// The citizen has seen the answers on "Your requests".
    MarkRequestsSeen,
    /// Which systems are connected, for the overview's coverage note.
    Systems,
    RecordVisit(KioskVisit),
    /// A member of staff, signed in, opens a visit for the citizen with this CPR number.
    OpenAssisted {
        staff: AccessToken,
        cpr: crate::domain::Cpr,
    },
    /// The visit staff opened has ended (sign-out).
    EndAssisted,
    /// An answer to "Was this understandable?", sent without a principal after the session ended.
    Feedback(Feedback),
}
