//! The embedded default: the kiosk reads the local SQLite store directly.

use super::{DataSource, KioskVisit, Organisation, Principal, SourceError, SourceResult};
use crate::domain::{
    AccessCursor, AccessEvent, AccessFilter, AccessPage, AccessReport, Area, CategorySummary,
    Citizen, CitizenId, CitizenSummary, Consent, DataCategory, DecisionSupport, Feedback, Overview,
    Purpose,
};
use crate::store::demo::{DemoError, DemoOptions, write_demo_database};
use crate::store::{Store, StoreError};
use jiff::Timestamp;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

/// On the embedded store, a system silent for longer than this is shown as not updated (the server's
/// `[server] system_stale_after_hours` default).
pub const LOCAL_STALE_AFTER_HOURS: i64 = 48;

/// A [`DataSource`] over the local [`Store`]. Calls are serialized on one connection.
#[derive(Debug)]
pub struct LocalSource {
    store: Mutex<Store>,
    /// The time used for deferred entries and for reports and withdrawals. The system clock, except in
    /// tests and demos that need a fixed day.
    clock: fn() -> Timestamp,
}

impl LocalSource {
    pub fn new(store: Store) -> LocalSource {
        LocalSource {
            store: Mutex::new(store),
            clock: Timestamp::now,
        }
    }

    /// The same source with another clock (a fixed day for tests and reproducible demos).
    pub fn with_clock(mut self, clock: fn() -> Timestamp) -> LocalSource {
        self.clock = clock;
        self
    }

    /// Opens the database at `path`.
    pub fn open(path: &Path) -> Result<LocalSource, StoreError> {
        Ok(LocalSource::new(Store::open(path)?))
    }

    /// Opens the database at `path`; if there is no file, first generates the default demo database there
    /// (built in a temporary file beside it and renamed into place, so a crash never leaves half a database).
    pub fn open_or_create_demo(path: &Path) -> Result<LocalSource, StoreError> {
        if !path.exists() {
            match write_demo_database(path, &DemoOptions::default()) {
                Ok(_) => {}
                // Another process created it meanwhile: use theirs.
                Err(DemoError::OutExists { .. }) => {}
                Err(DemoError::Store(e)) => return Err(e),
                Err(DemoError::Unwritable { reason, .. }) => {
                    return Err(StoreError::Io(std::io::Error::other(reason)));
                }
                Err(other) => return Err(StoreError::Sqlite(other.to_string())),
            }
        }
        LocalSource::open(path)
    }

    fn store(&self) -> SourceResult<MutexGuard<'_, Store>> {
        // A panic while holding the lock cannot leave the SQLite connection inconsistent: use it anyway.
        Ok(self
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}

/// The local store only knows demo sign-in; a bearer token belongs to the HTTP source.
fn id(who: &Principal) -> SourceResult<&CitizenId> {
    match who {
        Principal::Demo(id) => Ok(id),
        Principal::Bearer(_) | Principal::ActingFor { .. } => Err(SourceError::Unauthorized),
    }
}

fn log<T>(op: &'static str, r: Result<T, StoreError>) -> SourceResult<T> {
    r.map_err(|e| {
        // The error text names no personal data (ids and SQLite messages only).
        tracing::warn!(op, error = %e, "store call failed");
        SourceError::from(e)
    })
}

impl DataSource for LocalSource {
    fn demo_citizens(&self) -> SourceResult<Vec<CitizenSummary>> {
        log("demo_citizens", self.store()?.demo_citizens())
    }

    fn citizen(&self, who: &Principal) -> SourceResult<Citizen> {
        log("citizen", self.store()?.citizen(id(who)?))
    }

    /// Demo sign-in acts only for the demo citizen: relations and powers of attorney come from a sign-in
    /// the server checks.
    fn represented(&self, who: &Principal) -> SourceResult<Vec<crate::domain::Represented>> {
        id(who).map(|_| Vec::new())
    }

    fn overview(&self, who: &Principal) -> SourceResult<Overview> {
        log("overview", self.store()?.overview(id(who)?, (self.clock)()))
    }

    fn systems(&self, who: &Principal) -> SourceResult<Vec<crate::domain::ConnectedSystem>> {
        let _signed_in = id(who)?;
        log(
            "systems",
            self.store()?
                .connected_systems((self.clock)(), LOCAL_STALE_AFTER_HOURS * 3600),
        )
    }

    fn areas(&self, who: &Principal) -> SourceResult<Vec<Area>> {
        log("areas", self.store()?.areas(id(who)?))
    }

    fn categories(&self, who: &Principal, area: &str) -> SourceResult<Vec<CategorySummary>> {
        log("categories", self.store()?.area_categories(id(who)?, area))
    }

    fn category(&self, who: &Principal, category: i64) -> SourceResult<DataCategory> {
        log("category", self.store()?.category(id(who)?, category))
    }

    fn purposes(&self, who: &Principal) -> SourceResult<Vec<Purpose>> {
        log("purposes", self.store()?.purposes(id(who)?))
    }

    fn organisations(&self, who: &Principal) -> SourceResult<Vec<Organisation>> {
        log(
            "organisations",
            self.store()?.organisations(id(who)?, (self.clock)()),
        )
    }

    fn access_page(
        &self,
        who: &Principal,
        filter: &AccessFilter,
        after: Option<AccessCursor>,
        limit: u32,
    ) -> SourceResult<AccessPage> {
        log(
            "access_page",
            self.store()?
                .access_page(id(who)?, filter, after, limit, (self.clock)()),
        )
    }

    fn access_event(&self, who: &Principal, event: i64) -> SourceResult<AccessEvent> {
        log(
            "access_event",
            self.store()?.access_event(id(who)?, event, (self.clock)()),
        )
    }

    fn report_access(
        &self,
        who: &Principal,
        event: i64,
        lang: crate::domain::Lang,
    ) -> SourceResult<AccessReport> {
        log(
            "report_access",
            self.store()?
                .report_access_in(id(who)?, event, lang, (self.clock)()),
        )
    }

    fn access_reports(&self, who: &Principal) -> SourceResult<Vec<AccessReport>> {
        log("access_reports", self.store()?.access_reports(id(who)?))
    }

    fn requests(&self, who: &Principal) -> SourceResult<Vec<crate::domain::CitizenRequest>> {
        log("requests", self.store()?.citizen_requests(id(who)?))
    }

    fn mark_requests_seen(&self, who: &Principal) -> SourceResult<()> {
        log(
            "mark_requests_seen",
            self.store()?.mark_requests_seen(id(who)?, (self.clock)()),
        )
    }

    fn consents(&self, who: &Principal) -> SourceResult<Vec<Consent>> {
        log("consents", self.store()?.consents(id(who)?))
    }

    fn withdraw_consent(
        &self,
        who: &Principal,
        consent: i64,
        lang: crate::domain::Lang,
    ) -> SourceResult<Consent> {
        log(
            "withdraw_consent",
            self.store()?
                .withdraw_consent_in(id(who)?, consent, lang, (self.clock)()),
        )
    }

    fn decision_support(&self, who: &Principal) -> SourceResult<Vec<DecisionSupport>> {
        log("decision_support", self.store()?.decision_support(id(who)?))
    }

    fn record_visit(&self, who: &Principal, visit: &KioskVisit) -> SourceResult<()> {
        log(
            "record_visit",
            self.store()?.record_visit(id(who)?, visit).map(|_| ()),
        )
    }

    fn record_feedback(&self, feedback: &Feedback) -> SourceResult<()> {
        log("record_feedback", self.store()?.record_feedback(feedback))
    }
}

/// A store error as the kiosk sees it. The detail goes to the logs only; the citizen reads the message id.
impl From<StoreError> for SourceError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => SourceError::NotFound,
            StoreError::UnknownCitizen => SourceError::UnknownCitizen,
            StoreError::Forbidden => SourceError::Unauthorized,
            other => SourceError::Storage(other.to_string()),
        }
    }
}
