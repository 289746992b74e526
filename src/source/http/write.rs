//! Writes through the durable outbox: a withdrawal, a report or a kiosk visit is filed first, sent once at
//! once, and kept for the delivery thread if the server cannot take it now.

use super::api::Failure;
use super::outbox::{OutboxRequest, SubjectKey};
use super::{DataSource, HttpSource, Principal, SourceError, SourceResult};

impl HttpSource {
    /// The live citizen's outbox key, asking `/v1/me` if this session has not yet.
    pub(super) fn subject(&self, who: &Principal) -> SourceResult<SubjectKey> {
        let token = self.token(who)?;
        match self.shared.sessions.subject(token) {
            Some(key) => Ok(key),
            None => self.citizen(who).map(|_| ()).and_then(|()| {
                self.shared
                    .sessions
                    .subject(token)
                    .ok_or_else(|| SourceError::Storage("no subject".into()))
            }),
        }
    }

    /// Files `request`, sends it once, and settles it. `Ok` with the body when the server took it;
    /// `Err((failure, kept))` otherwise, where `kept` says the entry waits in the outbox.
    pub(super) fn write(
        &self,
        who: &Principal,
        request: OutboxRequest,
    ) -> SourceResult<Result<Vec<u8>, (Failure, bool)>> {
        let token = self.token(who)?;
        if let Some(handle) = who.acting_for() {
            // For someone else: sent once, now, and never kept. The outbox delivers later with whatever
            // token the citizen signs in with next, and that sign-in need not be allowed to act for them.
            let result = self.shared.api.post_for(
                token,
                Some(handle),
                &request.path(),
                None,
                request.body().as_ref(),
            );
            return Ok(result.map_err(|failure| (failure, false)));
        }
        let subject = self.subject(who)?;
        let _one_at_a_time = self
            .shared
            .sending
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let outbox = &self.shared.outbox;
        let entry = outbox.enqueue(&subject, request, jiff::Timestamp::now())?;
        let result = self.shared.api.post(
            token,
            &request.path(),
            Some(&entry.reference),
            request.body().as_ref(),
        );
        let failure = match result {
            Ok(body) => {
                outbox.remove(entry.id)?;
                return Ok(Ok(body));
            }
            Err(f) => f,
        };
        let kept = failure.is_transient();
        if kept {
            outbox.count_attempt(entry.id)?;
            self.shared.sessions.keep_token(token);
            tracing::info!(kind = request.kind(), error = %failure.error,
                "a write waits in the outbox");
        } else {
            outbox.remove(entry.id)?;
        }
        Ok(Err((failure, kept)))
    }
}
