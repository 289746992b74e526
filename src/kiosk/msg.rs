//! What comes into `update`: keys, taps, time, and the results of effects.

use super::device::{AuthError, DeviceAuthorization, Poll, Tokens};
use super::keymap::{Intent, Key};
use crate::domain::port::{Organisation, SourceError, SourceResult};
use crate::domain::{
    AccessEvent, AccessPage, AccessReport, Area, CategorySummary, Citizen, CitizenRequest,
    CitizenSummary, Consent, DataCategory, DecisionSupport, Overview, Purpose,
};
use jiff::Timestamp;

#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)] // a few per second, moved once
pub enum Msg {
    /// A key, at a time.
    Key(Key, Timestamp),
    /// A tap or click that the view's hit map turned into a command (`None`: a tap on nothing).
    Tap(Option<Intent>, Timestamp),
    /// The clock. The event loop sends it when [`super::timers::next_wake`] says a timer is due (the
    /// timeouts, the device-flow polling, a moving countdown or spinner), and never on an idle screen.
    Tick(Timestamp),
    /// The terminal changed size.
    Resize(u16, u16),
    /// An effect finished. `generation` is the session generation it was started in.
    Loaded { generation: u64, result: Loaded },
    /// The operator's PIN was checked: right or wrong.
    PinChecked(bool),
    /// The broker's answer to the device authorization request.
    DeviceStarted {
        attempt: u64,
        result: Result<DeviceAuthorization, AuthError>,
    },
    /// One answer of the token endpoint.
    Polled { attempt: u64, poll: Poll },
    /// The answer to a refresh after a 401.
    Refreshed {
        generation: u64,
        result: Result<Tokens, AuthError>,
    },
    /// Utterance `id` has been spoken (or stopped), or could not be, at a time.
    Spoken {
        id: u64,
        result: Result<(), super::speech::SpeechFault>,
        at: Timestamp,
    },
}

/// The result of a source call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    DemoCitizens(SourceResult<Vec<CitizenSummary>>),
    Citizen(SourceResult<Citizen>),
    Represented(SourceResult<Vec<crate::domain::Represented>>),
    Overview(SourceResult<Overview>),
    Areas(SourceResult<Vec<Area>>),
    Categories(String, SourceResult<Vec<CategorySummary>>),
    Category(SourceResult<DataCategory>),
    Purposes(SourceResult<Vec<Purpose>>),
    Organisations(SourceResult<Vec<Organisation>>),
    AccessPage(usize, SourceResult<AccessPage>),
    AccessEntry(SourceResult<AccessEvent>),
    Reported(SourceResult<AccessReport>),
    Reports(SourceResult<Vec<AccessReport>>),
    Consents(SourceResult<Vec<Consent>>),
    Withdrawn(SourceResult<Consent>),
    Decisions(SourceResult<Vec<DecisionSupport>>),
    Requests(SourceResult<Vec<CitizenRequest>>),
    RequestsSeen(SourceResult<()>),
    Systems(SourceResult<Vec<crate::domain::ConnectedSystem>>),
    VisitRecorded(SourceResult<()>),
    /// The session token of a visit staff opened, or why not.
    AssistedOpened(SourceResult<crate::domain::port::AccessToken>),
    AssistedEnded,
    FeedbackRecorded(SourceResult<()>),
}

impl Loaded {
    /// The error this result holds, if the call failed.
    pub fn error(&self) -> Option<&SourceError> {
        match self {
            Loaded::DemoCitizens(r) => r.as_ref().err(),
            Loaded::Citizen(r) => r.as_ref().err(),
            Loaded::Represented(r) => r.as_ref().err(),
            Loaded::Overview(r) => r.as_ref().err(),
            Loaded::Systems(r) => r.as_ref().err(),
            Loaded::Areas(r) => r.as_ref().err(),
            Loaded::Categories(_, r) => r.as_ref().err(),
            Loaded::Category(r) => r.as_ref().err(),
            Loaded::Purposes(r) => r.as_ref().err(),
            Loaded::Organisations(r) => r.as_ref().err(),
            Loaded::AccessPage(_, r) => r.as_ref().err(),
            Loaded::AccessEntry(r) => r.as_ref().err(),
            Loaded::Reported(r) => r.as_ref().err(),
            Loaded::Reports(r) => r.as_ref().err(),
            Loaded::Consents(r) => r.as_ref().err(),
            Loaded::Withdrawn(r) => r.as_ref().err(),
            Loaded::Decisions(r) => r.as_ref().err(),
            Loaded::Requests(r) => r.as_ref().err(),
            Loaded::RequestsSeen(r) => r.as_ref().err(),
            Loaded::VisitRecorded(r) => r.as_ref().err(),
            Loaded::AssistedOpened(r) => r.as_ref().err(),
            Loaded::AssistedEnded => None,
            Loaded::FeedbackRecorded(r) => r.as_ref().err(),
        }
    }
}
