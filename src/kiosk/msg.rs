//! What comes into `update`: keys, taps, time, and the results of effects.

use super::device::{AuthError, DeviceAuthorization, Poll, Tokens};
use super::keymap::{Intent, Key};
use crate::domain::port::{Organisation, SourceResult};
use crate::domain::{
    AccessEvent, AccessPage, AccessReport, Area, CategorySummary, Citizen, CitizenSummary, Consent,
    DataCategory, DecisionSupport, Overview, Purpose,
};
use jiff::Timestamp;

#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)] // a few per second, moved once
pub enum Msg {
    /// A key, at a time.
    Key(Key, Timestamp),
    /// A tap or click that the view's hit map turned into a command (`None`: a tap on nothing).
    Tap(Option<Intent>, Timestamp),
    /// The clock: the event loop sends it every 250 ms (it drives the timeouts, the device-flow polling
    /// and the spinner).
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
}

/// The result of a source call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    DemoCitizens(SourceResult<Vec<CitizenSummary>>),
    Citizen(SourceResult<Citizen>),
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
    VisitRecorded(SourceResult<()>),
}
