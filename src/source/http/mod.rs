//! `HttpSource`: the [`DataSource`] over `indsigt serve` (the contract is `docs/api.md`).
//!
//! Calls are blocking (reqwest's blocking client); the kiosk makes them from tokio's blocking pool.
//! Every request carries the kiosk's own key (`X-Indsigt-Kiosk`, from `[source] kiosk_key_file`), so the
//! server knows which registered kiosk is asking.
//! Reads are retried a few times on connection errors, timeouts, 502, 503 and 504. Writes (withdrawing a
//! consent, reporting an access-log entry, recording a kiosk visit) first go into the durable [`Outbox`], are sent once at once,
//! and if the server cannot take them now, they wait there and a background thread sends them later.
//!
//! The outbox rule: an entry is only ever sent with a token of the citizen who filed it. Entries are keyed
//! by a salted hash of the citizen's sign-in subject (from `/v1/me`). Tokens are never written to disk;
//! the source keeps a copy of the live session's token in memory while that citizen has entries waiting,
//! at most `session_max` (see [`session`]). An entry whose session ended waits for the same citizen's
//! next session at this kiosk, and is dropped with a log line when it is older than `outbox_max_age`.

mod api;
mod call_errors;
mod error;
mod options;
mod outbox;
mod outbox_request;
mod pending;
mod query;
mod session;
pub mod tls;
mod visits;
mod worker;
mod write;

pub use error::{HttpError, OutboxError};
pub use options::HttpOptions;
pub use outbox::{Outbox, OutboxEntry, OutboxRequest, SCHEMA_VERSION as OUTBOX_SCHEMA_VERSION};
pub use tls::check_base_url;
pub use worker::Delivery;

use super::{
    AccessToken, DataSource, KioskVisit, Organisation, Principal, SourceError, SourceResult,
};
use crate::config::Config;
use crate::domain::{
    AccessCursor, AccessEvent, AccessFilter, AccessPage, AccessReport, Area, CategorySummary,
    Citizen, CitizenSummary, Consent, DataCategory, DecisionSupport, Feedback, Overview, Purpose,
};
use api::{Api, Failure};
use query::{access_query, path_segment};
use serde::de::DeserializeOwned;
use session::Sessions;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;
use worker::Signal;

/// What the source and its delivery thread share.
#[derive(Debug)]
struct Shared {
    api: Api,
    outbox: Outbox,
    sessions: Sessions,
    signal: Signal,
    /// Held while a write is sent, so the thread and the kiosk never send the same entry at once.
    sending: Mutex<()>,
    retry_every: Duration,
    max_age: Duration,
}

/// The data source over the Indsigt HTTP API. `Debug` shows no token.
#[derive(Debug)]
pub struct HttpSource {
    shared: Arc<Shared>,
    worker: Option<JoinHandle<()>>,
}

impl HttpSource {
    /// Sets up the client (URL rule, TLS trust, timeouts), opens the outbox and starts its delivery thread.
    pub fn new(options: HttpOptions) -> Result<HttpSource, HttpError> {
        let api = Api::new(&options)?;
        let outbox = Outbox::open(&options.outbox_path)?;
        let shared = Arc::new(Shared {
            api,
            outbox,
            sessions: Sessions::new(options.session_max),
            signal: Signal::default(),
            sending: Mutex::new(()),
            retry_every: options.outbox_retry,
            max_age: options.outbox_max_age,
        });
        let thread_shared = Arc::clone(&shared);
        let worker = std::thread::Builder::new()
            .name("indsigt-outbox".into())
            .spawn(move || worker::run(thread_shared))
            .map_err(|e| HttpError::Client(format!("the outbox thread did not start: {e}")))?;
        match shared.outbox.len() {
            Ok(0) => {}
            Ok(n) => tracing::info!(waiting = n, "outbox entries wait for their citizens"),
            Err(e) => tracing::warn!(error = %e, "the outbox could not be counted"),
        }
        Ok(HttpSource {
            shared,
            worker: Some(worker),
        })
    }

    /// The source a checked configuration names (`[source] kind = "http"`).
    pub fn from_config(config: &Config) -> Result<HttpSource, HttpError> {
        HttpSource::new(HttpOptions::from_config(config)?)
    }

    /// The outbox, to look at what waits.
    pub fn outbox(&self) -> &Outbox {
        &self.shared.outbox
    }

    /// Runs one delivery round now (the background thread runs one every `outbox_retry`).
    pub fn deliver_outbox(&self) -> Delivery {
        worker::deliver(&self.shared)
    }

    /// Whether the source holds a copy of a token now (only while the live citizen has writes waiting).
    pub fn holds_token(&self) -> bool {
        self.shared.sessions.holds_token()
    }

    fn token<'a>(&self, who: &'a Principal) -> SourceResult<&'a AccessToken> {
        match who.token() {
            Some(token) => {
                self.shared.sessions.enter(token);
                Ok(token)
            }
            None => Err(SourceError::Unauthorized),
        }
    }

    fn get<T: DeserializeOwned>(
        &self,
        op: &'static str,
        who: &Principal,
        path: &str,
        query: &[(&str, String)],
    ) -> SourceResult<T> {
        let token = self.token(who)?;
        self.shared
            .api
            .get_for(token, who.acting_for(), path, query)
            .map_err(|f| logged(op, f))
    }
}

impl Drop for HttpSource {
    fn drop(&mut self) {
        self.shared.signal.stop();
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// Logs a failed call (the operation and the error: no personal data, no token) and returns its error.
fn logged(op: &'static str, failure: Failure) -> SourceError {
    tracing::warn!(op, status = failure.status, error = %failure.error, "server call failed");
    failure.error
}

impl DataSource for HttpSource {
    fn demo_citizens(&self) -> SourceResult<Vec<CitizenSummary>> {
        Err(SourceError::Unsupported)
    }

    fn citizen(&self, who: &Principal) -> SourceResult<Citizen> {
        let citizen: Citizen = self.get("citizen", who, "/v1/me", &[])?;
        if who.acting_for().is_some() {
            // The outbox is the signed-in citizen's own: nothing of the person acted for goes in it.
            return Ok(citizen);
        }
        let token = self.token(who)?;
        let key = self.shared.outbox.subject_key(&citizen.subject);
        let held = self
            .shared
            .sessions
            .set_subject_taking_visits(token, key.clone());
        for helper in held {
            let filed = self.shared.outbox.enqueue(
                &key,
                OutboxRequest::KioskVisit(helper),
                jiff::Timestamp::now(),
            );
            if let Err(e) = filed {
                tracing::warn!(error = %e, "a held kiosk visit could not be filed");
            }
        }
        let waiting = self.shared.outbox.pending(&key).map(|p| !p.is_empty());
        if waiting.unwrap_or(false) {
            // The citizen has writes from an earlier session: send them with this session's token.
            self.shared.sessions.keep_token(token);
            self.shared.signal.wake();
        }
        Ok(citizen)
    }

    fn represented(&self, who: &Principal) -> SourceResult<Vec<crate::domain::Represented>> {
        let token = self.token(who)?;
        self.shared
            .api
            .get(token, "/v1/represented", &[])
            .map_err(|f| logged("represented", f))
    }

    fn overview(&self, who: &Principal) -> SourceResult<Overview> {
        self.get("overview", who, "/v1/overview", &[])
    }

    fn areas(&self, who: &Principal) -> SourceResult<Vec<Area>> {
        self.get("areas", who, "/v1/areas", &[])
    }

    fn categories(&self, who: &Principal, area: &str) -> SourceResult<Vec<CategorySummary>> {
        let segment = path_segment(area).ok_or(SourceError::NotFound)?;
        let path = format!("/v1/areas/{segment}/categories");
        self.get("categories", who, &path, &[])
    }

    fn category(&self, who: &Principal, id: i64) -> SourceResult<DataCategory> {
        self.get("category", who, &format!("/v1/categories/{id}"), &[])
    }

    fn purposes(&self, who: &Principal) -> SourceResult<Vec<Purpose>> {
        self.get("purposes", who, "/v1/purposes", &[])
    }

    fn organisations(&self, who: &Principal) -> SourceResult<Vec<Organisation>> {
        self.get("organisations", who, "/v1/organisations", &[])
    }

    fn access_page(
        &self,
        who: &Principal,
        filter: &AccessFilter,
        after: Option<AccessCursor>,
        limit: u32,
    ) -> SourceResult<AccessPage> {
        let query = access_query(filter, after, limit);
        self.get("access_page", who, "/v1/access-log", &query)
    }

    fn access_event(&self, who: &Principal, id: i64) -> SourceResult<AccessEvent> {
        self.get("access_event", who, &format!("/v1/access-log/{id}"), &[])
    }

    fn report_access(
        &self,
        who: &Principal,
        event_id: i64,
        lang: crate::domain::Lang,
    ) -> SourceResult<AccessReport> {
        match self.write(who, OutboxRequest::ReportAccess(event_id, lang))? {
            Ok(body) => api::parse(&body).map_err(|f| logged("report_access", f)),
            // Kept: the kiosk tells the citizen it is saved and will be sent. Filing it again later is
            // harmless: the server answers a second report on an entry with the first.
            Err((_, true)) => Ok(AccessReport {
                reference: String::new(),
                event_id,
                filed_at: jiff::Timestamp::now(),
                status: crate::domain::ReportStatus::Queued,
            }),
            Err((failure, false)) => Err(logged("report_access", failure)),
        }
    }

    fn access_reports(&self, who: &Principal) -> SourceResult<Vec<AccessReport>> {
        self.get("access_reports", who, "/v1/reports", &[])
    }

    fn consents(&self, who: &Principal) -> SourceResult<Vec<Consent>> {
        let mut consents: Vec<Consent> = self.get("consents", who, "/v1/consents", &[])?;
        if who.acting_for().is_some() {
            return Ok(consents);
        }
        let token = self.token(who)?;
        if !self.shared.outbox.is_empty().unwrap_or(true) {
            match self.subject(who) {
                Ok(subject) => self.mark_pending(&subject, &mut consents),
                Err(e) => tracing::warn!(error = %e, "pending withdrawals could not be shown"),
            }
        }
        self.shared.sessions.set_consents(token, &consents);
        Ok(consents)
    }

    fn withdraw_consent(
        &self,
        who: &Principal,
        id: i64,
        lang: crate::domain::Lang,
    ) -> SourceResult<Consent> {
        let token = self.token(who)?;
        match self.write(who, OutboxRequest::WithdrawConsent(id, lang))? {
            Ok(body) => {
                let consent: Consent =
                    api::parse(&body).map_err(|f| logged("withdraw_consent", f))?;
                self.shared.sessions.update_consent(token, &consent);
                Ok(consent)
            }
            Err((failure, true)) => match self.shared.sessions.consent(token, id) {
                // Saved, and sent when the server can take it: the kiosk says so.
                Some(mut consent) => {
                    consent.withdrawal_pending = true;
                    self.shared.sessions.update_consent(token, &consent);
                    Ok(consent)
                }
                // Not read in this session (the kiosk always reads the list first): the entry still
                // waits, but there is no consent to answer with.
                None => Err(logged("withdraw_consent", failure)),
            },
            Err((failure, _)) => Err(logged("withdraw_consent", failure)),
        }
    }

    fn decision_support(&self, who: &Principal) -> SourceResult<Vec<DecisionSupport>> {
        self.get("decision_support", who, "/v1/decision-support", &[])
    }

    fn systems(&self, who: &Principal) -> SourceResult<Vec<crate::domain::ConnectedSystem>> {
        self.get("systems", who, "/v1/systems", &[])
    }

    fn requests(&self, who: &Principal) -> SourceResult<Vec<crate::domain::CitizenRequest>> {
        self.get("requests", who, "/v1/requests", &[])
    }

    /// Not kept in the outbox: if it is lost, the answers are shown as new once more, which is harmless.
    fn mark_requests_seen(&self, who: &Principal) -> SourceResult<()> {
        let token = self.token(who)?;
        match self.shared.api.post(
            token,
            "/v1/requests/seen",
            None,
            Some(&serde_json::json!({})),
        ) {
            Ok(_) => Ok(()),
            Err(failure) => Err(logged("mark_requests_seen", failure)),
        }
    }

    fn record_visit(&self, who: &Principal, visit: &KioskVisit) -> SourceResult<()> {
        self.file_visit(who, visit)
    }

    fn open_assisted(
        &self,
        staff: &AccessToken,
        cpr: &crate::domain::Cpr,
    ) -> SourceResult<AccessToken> {
        self.open_assisted_session(staff, cpr)
    }

    fn end_assisted(&self, who: &Principal) {
        self.end_assisted_session(who);
    }

    /// Sends the answer as the kiosk alone (its key, no token); the server takes the kiosk's id from its
    /// registry. If the server cannot take it now, it is dropped: it is not kept on the kiosk.
    fn record_feedback(&self, feedback: &Feedback) -> SourceResult<()> {
        let body = serde_json::json!({
            "answer": feedback.answer,
            "date": feedback.date.to_string(),
            "screens": feedback.screens,
        });
        match self.shared.api.post_as_kiosk("/v1/feedback", &body) {
            Ok(_) => Ok(()),
            Err(failure) => Err(logged("record_feedback", failure)),
        }
    }

    /// Sign-out: the token copy and the cached consents go at once. Entries still in the outbox wait for
    /// the same citizen's next sign-in.
    fn end_session(&self) {
        self.shared.sessions.end();
    }
}
