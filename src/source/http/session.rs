//! What the HTTP source remembers about the session in progress, in memory only.
//!
//! The kiosk serves one citizen at a time, so there is one live session: the one whose token was used
//! last. A call with another token ends it at once (its token copy and cached consents are dropped).
//!
//! The source keeps its own copy of the token only while the citizen has outbox entries waiting, so the
//! background delivery can send them, and never longer than `session_max` after the token was first seen
//! (the longest a kiosk session lasts). A 401 drops it too. Otherwise only the token's SHA-256
//! fingerprint is kept, to know which calls belong to the session.

use super::outbox::SubjectKey;
use crate::domain::Consent;
use crate::domain::port::Helper;
use crate::source::AccessToken;
use std::fmt;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

type Fingerprint = [u8; 32];

fn fingerprint(token: &AccessToken) -> Fingerprint {
    let digest = ring::digest::digest(&ring::digest::SHA256, token.expose().as_bytes());
    let mut out = [0u8; 32];
    out.copy_from_slice(digest.as_ref());
    out
}

struct Live {
    fingerprint: Fingerprint,
    since: Instant,
    /// A copy of the token, only while there is something to deliver for this citizen.
    token: Option<AccessToken>,
    subject: Option<SubjectKey>,
    /// The consents as last read, to answer a withdrawal the server could not take yet.
    consents: Vec<Consent>,
    /// Visits filed before the citizen's subject was known (the server could not be asked): they go into
    /// the outbox as soon as it is.
    visits: Vec<Helper>,
}

/// The live session, if any.
pub struct Sessions {
    live: Mutex<Option<Live>>,
    session_max: Duration,
}

impl fmt::Debug for Sessions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let live = self.lock();
        f.debug_struct("Sessions")
            .field("live", &live.is_some())
            .field(
                "holds_token",
                &live.as_ref().is_some_and(|l| l.token.is_some()),
            )
            .finish()
    }
}

impl Sessions {
    pub fn new(session_max: Duration) -> Sessions {
        Sessions {
            live: Mutex::new(None),
            session_max,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Option<Live>> {
        self.live.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The live session of `token`, starting a new one (and ending any other) if needed.
    fn with<R>(&self, token: &AccessToken, f: impl FnOnce(&mut Live) -> R) -> R {
        let print = fingerprint(token);
        let mut guard = self.lock();
        let expired = |l: &Live| l.since.elapsed() > self.session_max;
        let live = match guard.take() {
            Some(live) if live.fingerprint == print && !expired(&live) => live,
            _ => Live {
                fingerprint: print,
                since: Instant::now(),
                token: None,
                subject: None,
                consents: Vec::new(),
                visits: Vec::new(),
            },
        };
        f(guard.insert(live))
    }

    /// Marks `token` as the live session's.
    pub fn enter(&self, token: &AccessToken) {
        self.with(token, |_| ());
    }

    pub fn subject(&self, token: &AccessToken) -> Option<SubjectKey> {
        self.with(token, |l| l.subject.clone())
    }

    /// Holds a visit until the session's subject is known; if it is known by now, returns it instead
    /// (and holds nothing), so the caller files the visit at once.
    pub fn hold_visit(&self, token: &AccessToken, helper: Helper) -> Option<SubjectKey> {
        self.with(token, |l| match &l.subject {
            Some(subject) => Some(subject.clone()),
            None => {
                l.visits.push(helper);
                None
            }
        })
    }

    /// Sets the session's subject and returns the visits held until it was known.
    pub fn set_subject_taking_visits(
        &self,
        token: &AccessToken,
        subject: SubjectKey,
    ) -> Vec<Helper> {
        self.with(token, |l| {
            l.subject = Some(subject);
            std::mem::take(&mut l.visits)
        })
    }

    pub fn set_consents(&self, token: &AccessToken, consents: &[Consent]) {
        self.with(token, |l| l.consents = consents.to_vec());
    }

    /// The consent `id` as last read in this session.
    pub fn consent(&self, token: &AccessToken, id: i64) -> Option<Consent> {
        self.with(token, |l| l.consents.iter().find(|c| c.id == id).cloned())
    }

    /// Updates the cached consent `id` (after a withdrawal was filed or delivered).
    pub fn update_consent(&self, token: &AccessToken, consent: &Consent) {
        self.with(token, |l| {
            if let Some(c) = l.consents.iter_mut().find(|c| c.id == consent.id) {
                *c = consent.clone();
            }
        });
    }

    /// Keeps a copy of `token` so the background delivery can send this citizen's outbox entries.
    pub fn keep_token(&self, token: &AccessToken) {
        self.with(token, |l| l.token = Some(token.clone()));
    }

    /// The token and subject to deliver with, if the live session holds a token copy that has not
    /// outlived `session_max` (an outlived one is dropped here).
    pub fn delivery(&self) -> Option<(AccessToken, SubjectKey)> {
        let mut guard = self.lock();
        let live = guard.as_mut()?;
        if live.since.elapsed() > self.session_max {
            *guard = None;
            return None;
        }
        Some((live.token.clone()?, live.subject.clone()?))
    }

    /// Drops the token copy (nothing left to deliver, or the server refused the token).
    pub fn release_token(&self) {
        if let Some(live) = self.lock().as_mut() {
            live.token = None;
        }
    }

    /// Ends the live session: its token copy and cached consents are dropped.
    pub fn end(&self) {
        *self.lock() = None;
    }

    /// Whether the source holds a copy of a token now.
    pub fn holds_token(&self) -> bool {
        self.lock().as_ref().is_some_and(|l| l.token.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_token_ends_the_session_and_drops_the_copy() {
        let s = Sessions::new(Duration::from_secs(60));
        let a = AccessToken::new("token-a");
        let b = AccessToken::new("token-b");
        s.keep_token(&a);
        assert!(s.holds_token());
        s.enter(&b);
        assert!(!s.holds_token());
        assert!(!format!("{s:?}").contains("token-"));
    }

    #[test]
    fn ending_the_session_drops_the_copy_at_once() {
        let s = Sessions::new(Duration::from_secs(600));
        s.keep_token(&AccessToken::new("token-a"));
        s.end();
        assert!(!s.holds_token());
        assert!(s.delivery().is_none());
    }

    #[test]
    fn the_copy_never_outlives_session_max() {
        let s = Sessions::new(Duration::ZERO);
        let a = AccessToken::new("token-a");
        s.keep_token(&a);
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(s.delivery().map(|(_, k)| k), None);
        assert!(!s.holds_token());
    }
}
