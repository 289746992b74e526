//! Store and demo-generator errors as localized sentences.

use super::StoreError;
use super::demo::{
    DemoError, MAX_CITIZENS, MAX_EVENTS_PER_CITIZEN, MAX_HEAVY_EVENTS, MAX_TOTAL_EVENTS,
    MIN_CITIZENS,
};
use crate::domain::Lang;
use crate::i18n::tr;
use fluent_bundle::FluentValue;

impl StoreError {
    /// The sentence for this error, in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        let mut args: Vec<(&str, FluentValue)> = Vec::new();
        match self {
            StoreError::NotSqlite { path } => {
                args.push(("path", path.display().to_string().into()))
            }
            StoreError::NewerSchema { found, supported } => {
                args.push(("found", (*found).into()));
                args.push(("supported", (*supported).into()));
            }
            StoreError::Io(e) => args.push(("detail", e.to_string().into())),
            StoreError::Sqlite(d) | StoreError::Corrupt(d) => {
                args.push(("detail", d.clone().into()))
            }
            StoreError::UnknownCitizen | StoreError::NotFound | StoreError::Forbidden => {}
        }
        tr(lang, self.message_id(), &args)
    }
}

impl DemoError {
    /// The sentence for this error, in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        let mut args: Vec<(&str, FluentValue)> = Vec::new();
        match self {
            DemoError::Store(e) => return e.localized(lang),
            DemoError::CitizensOutOfRange { got } => {
                args.push(("got", (*got).into()));
                args.push(("min", MIN_CITIZENS.into()));
                args.push(("max", MAX_CITIZENS.into()));
            }
            DemoError::HeavyEventsOutOfRange { got } => {
                args.push(("got", (*got).into()));
                args.push(("max", MAX_HEAVY_EVENTS.into()));
            }
            DemoError::EventsPerCitizenOutOfRange { got } => {
                args.push(("got", (*got).into()));
                args.push(("max", MAX_EVENTS_PER_CITIZEN.into()));
            }
            DemoError::TooManyEvents { total } => {
                args.push(("total", total.to_string().into()));
                args.push(("max", MAX_TOTAL_EVENTS.to_string().into()));
            }
            DemoError::OutExists { path } => args.push(("path", path.display().to_string().into())),
            DemoError::Unwritable { path, reason } => {
                args.push(("path", path.display().to_string().into()));
                args.push(("detail", reason.clone().into()));
            }
        }
        tr(lang, self.message_id(), &args)
    }
}
