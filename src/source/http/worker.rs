//! Background delivery of the outbox: a thread that wakes every `outbox_retry` (or when asked) and sends
//! the live session's waiting writes with that session's token.

use super::Shared;
use super::api::Failure;
use super::outbox::{OutboxEntry, OutboxRequest};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// What one delivery round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivery {
    /// Entries the server acknowledged (2xx), or that were moot (404, 409).
    pub delivered: usize,
    /// Entries dropped: too old, or refused for good by the server (another 4xx).
    pub dropped: usize,
    /// Entries still waiting, for all citizens.
    pub waiting: usize,
}

/// Wakes or stops the worker.
#[derive(Debug, Default)]
pub struct Signal {
    state: Mutex<SignalState>,
    cond: Condvar,
}

#[derive(Debug, Default)]
struct SignalState {
    wake: bool,
    stop: bool,
}

impl Signal {
    pub fn wake(&self) {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).wake = true;
        self.cond.notify_all();
    }

    pub fn stop(&self) {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).stop = true;
        self.cond.notify_all();
    }

    /// Waits until woken, stopped or `timeout`; `false` when stopped.
    fn wait(&self, timeout: Duration) -> bool {
        let guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (mut guard, _) = self
            .cond
            .wait_timeout_while(guard, timeout, |s| !s.wake && !s.stop)
            .unwrap_or_else(|p| p.into_inner());
        guard.wake = false;
        !guard.stop
    }
}

/// The worker thread's loop.
pub fn run(shared: Arc<Shared>) {
    while shared.signal.wait(shared.retry_every) {
        deliver(&shared);
    }
}

/// One delivery round: drop entries that are too old, then send the live session's entries, oldest
/// first, stopping at the first one the server cannot take now.
pub fn deliver(shared: &Shared) -> Delivery {
    let _one_at_a_time = shared.sending.lock().unwrap_or_else(|p| p.into_inner());
    let mut report = Delivery::default();
    let cutoff = jiff::Timestamp::now()
        .checked_sub(jiff::SignedDuration::try_from(shared.max_age).unwrap_or_default())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    match shared.outbox.drop_older_than(cutoff) {
        Ok(n) => report.dropped += n,
        Err(e) => tracing::warn!(error = %e, "the outbox could not be cleaned"),
    }
    if let Some((token, subject)) = shared.sessions.delivery() {
        match shared.outbox.pending(&subject) {
            Ok(entries) => {
                for entry in entries {
                    match send(shared, &token, &entry) {
                        Outcome::Done => report.delivered += 1,
                        Outcome::Dropped => report.dropped += 1,
                        Outcome::Later => break,
                        Outcome::TokenRefused => {
                            shared.sessions.release_token();
                            break;
                        }
                    }
                }
                if shared.outbox.pending(&subject).is_ok_and(|p| p.is_empty()) {
                    // Nothing left to send for this citizen: the source needs no copy of the token.
                    shared.sessions.release_token();
                }
            }
            Err(e) => tracing::warn!(error = %e, "the outbox could not be read"),
        }
    }
    report.waiting = shared.outbox.len().unwrap_or(0);
    report
}

/// How sending one entry went.
pub enum Outcome {
    /// Acknowledged, or moot; removed.
    Done,
    /// Refused for good; removed.
    Dropped,
    /// Not now (unreachable, timeout, 429, 5xx); kept.
    Later,
    /// The token was refused (401, 403); kept for the citizen's next session.
    TokenRefused,
}

/// Sends one entry and settles it in the outbox.
fn send(shared: &Shared, token: &crate::source::AccessToken, entry: &OutboxEntry) -> Outcome {
    let result = shared.api.post(
        token,
        &entry.request.path(),
        Some(&entry.reference),
        entry.request.body().as_ref(),
    );
    let outcome = settle(entry.request, result.as_ref().err());
    let stored = match outcome {
        Outcome::Done | Outcome::Dropped => shared.outbox.remove(entry.id),
        Outcome::Later | Outcome::TokenRefused => shared.outbox.count_attempt(entry.id),
    };
    if let Err(e) = stored {
        tracing::warn!(error = %e, "the outbox could not be updated");
    }
    outcome
}

/// What a server answer means for an entry.
pub fn settle(request: OutboxRequest, failure: Option<&Failure>) -> Outcome {
    let kind = request.kind();
    let Some(failure) = failure else {
        tracing::info!(kind, "an outbox entry was delivered");
        return Outcome::Done;
    };
    match failure.status {
        Some(404 | 409) => {
            tracing::info!(kind, status = failure.status, "an outbox entry is moot");
            Outcome::Done
        }
        Some(401 | 403) => Outcome::TokenRefused,
        _ if failure.is_transient() => Outcome::Later,
        status => {
            tracing::warn!(kind, status, error = %failure.error,
                "the server refused an outbox entry for good; it is dropped");
            Outcome::Dropped
        }
    }
}
