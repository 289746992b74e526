//! Showing what waits in the outbox: a consent with a withdrawal on its way is marked pending.

use super::HttpSource;
use super::outbox::{OutboxRequest, SubjectKey};
use crate::domain::Consent;

impl HttpSource {
    /// Marks the consents with a withdrawal waiting in the outbox; an entry the server already shows as
    /// withdrawn is done and removed.
    pub(super) fn mark_pending(&self, subject: &SubjectKey, consents: &mut [Consent]) {
        let entries = match self.shared.outbox.pending(subject) {
            Ok(entries) => entries,
            Err(e) => {
                tracing::warn!(error = %e, "the outbox could not be read");
                return;
            }
        };
        for entry in entries {
            let OutboxRequest::WithdrawConsent(id, _) = entry.request else {
                continue;
            };
            let Some(consent) = consents.iter_mut().find(|c| c.id == id) else {
                continue;
            };
            if consent.withdrawn_at.is_some() {
                if let Err(e) = self.shared.outbox.remove(entry.id) {
                    tracing::warn!(error = %e, "the outbox could not be updated");
                }
            } else {
                consent.withdrawal_pending = true;
            }
        }
    }
}
