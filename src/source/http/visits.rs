//! Kiosk visits: the citizen's own visit (through the outbox, held until the sign-in is confirmed), a visit
//! for someone else (sent once), and the visits a member of staff opens and ends.

use super::outbox::OutboxRequest;
use super::{
    AccessToken, HttpSource, KioskVisit, Principal, SourceError, SourceResult, api, logged,
};

impl HttpSource {
    /// Sends only who helped: the server knows this kiosk by its key, and takes the time from its own
    /// clock. A visit the server cannot take now waits in the outbox, so it always reaches the log.
    pub(super) fn file_visit(&self, who: &Principal, visit: &KioskVisit) -> SourceResult<()> {
        let token = self.token(who)?;
        if who.acting_for().is_some() {
            return match self.write(who, OutboxRequest::KioskVisit(visit.helper))? {
                Ok(_) => Ok(()),
                Err((failure, _)) => Err(logged("record_visit", failure)),
            };
        }
        if let Err(e) = self.subject(who) {
            // The server cannot say who the citizen is now, so the visit cannot be filed under their key
            // yet: it is held for this session and filed when `/v1/me` answers (the kiosk retries it).
            if !matches!(
                e,
                SourceError::Unreachable(_) | SourceError::Timeout | SourceError::Server(_)
            ) {
                return Err(e);
            }
            if self
                .shared
                .sessions
                .hold_visit(token, visit.helper)
                .is_none()
            {
                tracing::info!("a kiosk visit waits until the citizen's sign-in is confirmed");
                return Ok(());
            }
        }
        match self.write(who, OutboxRequest::KioskVisit(visit.helper))? {
            Ok(_) | Err((_, true)) => Ok(()),
            Err((failure, false)) => Err(logged("record_visit", failure)),
        }
    }

    /// The staff member's token as the bearer, the kiosk's key, and the CPR number in the body; the answer
    /// is the session's token. Never retried and never kept: the member of staff is at the kiosk.
    pub(super) fn open_assisted_session(
        &self,
        staff: &AccessToken,
        cpr: &crate::domain::Cpr,
    ) -> SourceResult<AccessToken> {
        #[derive(serde::Deserialize)]
        struct Opened {
            token: String,
        }
        let body = serde_json::json!({ "cpr": cpr.reveal() });
        let answer = self
            .shared
            .api
            .post(staff, "/v1/assisted-sessions", None, Some(&body))
            .map_err(|f| logged("open_assisted", f))?;
        let mut opened: Opened = api::parse(&answer).map_err(|f| logged("open_assisted", f))?;
        let token = AccessToken::new(std::mem::take(&mut opened.token));
        Ok(token)
    }

    /// Ends a visit staff opened, at sign-out.
    pub(super) fn end_assisted_session(&self, who: &Principal) {
        let Some(token) = who.token() else {
            return;
        };
        let ended = self.shared.api.post(
            token,
            "/v1/assisted-sessions/end",
            None,
            Some(&serde_json::json!({})),
        );
        if let Err(f) = ended {
            // It ends by itself at its expiry; the server's own limit holds.
            logged("end_assisted", f);
        }
    }
}
