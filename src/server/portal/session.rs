//! The portal's server-side sessions and the logins under way, held in this process's memory only: the
//! cookie carries a random id, never a token or personal data, and an ended session's secrets are zeroized.
//!
//! A session ends when idle for `idle_timeout_secs`, after `session_max_secs` whatever the activity, or at
//! sign-out. A login under way (state, nonce, PKCE verifier, and where to land) lasts ten minutes and is
//! used once: a replayed callback finds nothing.

use crate::auth::code_flow::LoginStart;
use crate::domain::Lang;
use crate::store::CitizenRef;
use std::collections::HashMap;
use std::sync::Mutex;
use zeroize::Zeroizing;

use super::views::Page;

/// The session cookie. `__Host-`: Secure, Path=/, no Domain, so no other site or path can set it.
pub const SESSION_COOKIE: &str = "__Host-indsigt-session";
/// The cookie that ties a login under way to the browser that started it.
pub const LOGIN_COOKIE: &str = "__Host-indsigt-login";
/// How long a login may take at the broker.
pub const LOGIN_SECS: i64 = 600;
/// The most logins under way at once; the oldest are dropped past it.
const MAX_LOGINS: usize = 10_000;
/// The most timed-out session ids remembered at once (to say "you were signed out"); the oldest go first.
const MAX_TIMED_OUT: usize = 100_000;

/// A signed-in citizen's session.
pub struct Session {
    pub who: CitizenRef,
    /// The name from the token, for a citizen the database has no name for.
    pub name: Option<Zeroizing<String>>,
    /// Sent as `id_token_hint` at sign-out.
    pub id_token: Zeroizing<String>,
    /// Every form that changes something carries it.
    pub csrf: Zeroizing<String>,
    pub started: i64,
    pub seen: i64,
}

/// A login under way.
pub struct Login {
    pub start: LoginStart,
    /// The browser's login cookie: the callback must come with it.
    pub binding: Zeroizing<String>,
    /// Where the citizen lands afterwards.
    pub page: Page,
    pub lang: Lang,
    pub started: i64,
}

/// What the portal remembers.
#[derive(Default)]
pub struct Sessions {
    sessions: Mutex<HashMap<String, Session>>,
    logins: Mutex<HashMap<String, Login>>,
    /// The ids of sessions that timed out, with when: a browser that comes back with one is told it was
    /// signed out for being away, whether the sweeper or its own request ended the session. An id alone
    /// opens nothing. Kept for as long as the session could have lasted.
    timed_out: Mutex<HashMap<String, i64>>,
}

impl std::fmt::Debug for Sessions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sessions([REDACTED])")
    }
}

/// The limits a session lives by.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub idle_secs: i64,
    pub max_secs: i64,
}

impl Timeouts {
    /// Whether `session` may still be used at `now`.
    fn alive(&self, session: &Session, now: i64) -> bool {
        now - session.seen < self.idle_secs && now - session.started < self.max_secs
    }
}

/// What a session lookup found.
pub enum Found<T> {
    Live(T),
    /// There was a session, and it timed out: the citizen signs in again and comes back.
    Expired,
    None,
}

impl Sessions {
    /// Keeps a login under way, keyed by its `state`.
    pub fn begin(&self, login: Login) {
        let mut logins = self.logins.lock().unwrap_or_else(|p| p.into_inner());
        let now = login.started;
        logins.retain(|_, l| now - l.started < LOGIN_SECS);
        if logins.len() >= MAX_LOGINS
            && let Some(oldest) = logins
                .iter()
                .min_by_key(|(_, l)| l.started)
                .map(|(k, _)| k.clone())
        {
            logins.remove(&oldest);
        }
        logins.insert(login.start.state.clone(), login);
    }

    /// Takes the login of `state`, once: `None` when it is unknown, used, timed out, or started in
    /// another browser (`binding` is that browser's login cookie).
    pub fn finish(&self, state: &str, binding: Option<&str>, now: i64) -> Option<Login> {
        let mut logins = self.logins.lock().unwrap_or_else(|p| p.into_inner());
        let login = logins.remove(state)?;
        let same_browser = binding.is_some_and(|b| {
            bool::from(subtle::ConstantTimeEq::ct_eq(
                b.as_bytes(),
                login.binding.as_bytes(),
            ))
        });
        (same_browser && now - login.started < LOGIN_SECS).then_some(login)
    }

    /// Starts a session and returns its id (for the cookie).
    pub fn start(&self, id: String, session: Session) {
        let mut sessions = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        sessions.insert(id, session);
    }

    /// Runs `f` on the live session `id`, marking it seen at `now`; a timed-out one is ended.
    pub fn with<T>(
        &self,
        id: &str,
        now: i64,
        limits: Timeouts,
        f: impl FnOnce(&Session) -> T,
    ) -> Found<T> {
        let mut sessions = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        let Some(session) = sessions.get_mut(id) else {
            let mut timed_out = self.timed_out.lock().unwrap_or_else(|p| p.into_inner());
            return match timed_out.remove(id) {
                Some(_) => Found::Expired,
                None => Found::None,
            };
        };
        if !limits.alive(session, now) {
            sessions.remove(id);
            return Found::Expired;
        }
        session.seen = now;
        Found::Live(f(session))
    }

    /// Ends session `id` and returns its ID token (for the broker's logout).
    pub fn end(&self, id: &str) -> Option<Zeroizing<String>> {
        let mut sessions = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        sessions.remove(id).map(|s| s.id_token)
    }

    /// Drops the sessions that timed out (run now and then, so memory holds only live ones).
    pub fn sweep(&self, now: i64, limits: Timeouts) {
        let mut sessions = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        let mut timed_out = self.timed_out.lock().unwrap_or_else(|p| p.into_inner());
        timed_out.retain(|_, at| now - *at < limits.max_secs);
        sessions.retain(|id, s| {
            let alive = limits.alive(s, now);
            if !alive {
                timed_out.insert(id.clone(), now);
            }
            alive
        });
        while timed_out.len() > MAX_TIMED_OUT {
            let Some(oldest) = timed_out
                .iter()
                .min_by_key(|(_, at)| **at)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            timed_out.remove(&oldest);
        }
        drop((sessions, timed_out));
        let mut logins = self.logins.lock().unwrap_or_else(|p| p.into_inner());
        logins.retain(|_, l| now - l.started < LOGIN_SECS);
    }

    /// How many sessions are held (for tests and the log).
    pub fn len(&self) -> usize {
        self.sessions
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The value of cookie `name` in a request's `Cookie` headers.
pub fn cookie<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

/// A `Set-Cookie` value for a `__Host-` cookie: Secure, HttpOnly, SameSite=Lax, Path=/; `max_age`
/// 0 deletes it.
pub fn set_cookie(name: &str, value: &str, max_age: i64) -> String {
    format!("{name}={value}; Max-Age={max_age}; Path=/; Secure; HttpOnly; SameSite=Lax")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(at: i64) -> Session {
        Session {
            who: CitizenRef::Subject("s".into()),
            name: None,
            id_token: Zeroizing::new("t".into()),
            csrf: Zeroizing::new("c".into()),
            started: at,
            seen: at,
        }
    }

    const LIMITS: Timeouts = Timeouts {
        idle_secs: 900,
        max_secs: 3600,
    };

    #[test]
    fn a_session_ends_when_idle_or_too_old() {
        let s = Sessions::default();
        s.start("a".into(), session(0));
        assert!(matches!(s.with("a", 899, LIMITS, |_| ()), Found::Live(())));
        // Seen at 899: idle from there.
        assert!(matches!(s.with("a", 1798, LIMITS, |_| ()), Found::Live(())));
        assert!(matches!(s.with("a", 2698, LIMITS, |_| ()), Found::Expired));
        assert!(matches!(s.with("a", 2699, LIMITS, |_| ()), Found::None));
        s.start("b".into(), session(0));
        for t in (600..3600).step_by(600) {
            assert!(matches!(s.with("b", t, LIMITS, |_| ()), Found::Live(())));
        }
        assert!(matches!(s.with("b", 3600, LIMITS, |_| ()), Found::Expired));
    }

    #[test]
    fn a_session_the_sweeper_ended_still_says_it_timed_out_once() {
        let s = Sessions::default();
        s.start("a".into(), session(0));
        s.start("b".into(), session(0));
        s.with("b", 800, LIMITS, |_| ());
        s.sweep(901, LIMITS);
        assert_eq!(s.len(), 1, "only b is still held");
        assert!(matches!(s.with("a", 950, LIMITS, |_| ()), Found::Expired));
        assert!(matches!(s.with("a", 951, LIMITS, |_| ()), Found::None));
        assert!(matches!(s.with("b", 951, LIMITS, |_| ()), Found::Live(())));
        // Signed out is not timed out.
        s.end("b");
        s.sweep(2000, LIMITS);
        assert!(matches!(s.with("b", 2001, LIMITS, |_| ()), Found::None));
        // A timed-out id is forgotten once the session could no longer have lasted.
        s.start("c".into(), session(3000));
        s.sweep(4000, LIMITS);
        s.sweep(4000 + LIMITS.max_secs, LIMITS);
        assert!(matches!(s.with("c", 7700, LIMITS, |_| ()), Found::None));
    }

    fn login(state: &str, binding: &str, at: i64) -> Login {
        let mut start = LoginStart::new().unwrap();
        start.state = state.into();
        Login {
            start,
            binding: Zeroizing::new(binding.into()),
            page: Page::Overview,
            lang: Lang::Da,
            started: at,
        }
    }

    #[test]
    fn a_login_is_used_once_in_its_own_browser_in_time() {
        let s = Sessions::default();
        s.begin(login("st", "b1", 0));
        assert!(s.finish("st", Some("b2"), 1).is_none(), "another browser");
        s.begin(login("st", "b1", 0));
        assert!(s.finish("st", None, 1).is_none(), "no login cookie");
        s.begin(login("st", "b1", 0));
        assert!(s.finish("st", Some("b1"), LOGIN_SECS).is_none(), "too late");
        s.begin(login("st", "b1", 0));
        assert!(s.finish("st", Some("b1"), 5).is_some());
        assert!(s.finish("st", Some("b1"), 6).is_none(), "replayed");
    }

    #[test]
    fn cookies_are_read_by_exact_name() {
        let mut h = axum::http::HeaderMap::new();
        h.insert(
            axum::http::header::COOKIE,
            "x=1; __Host-indsigt-session=abc; __Host-indsigt-session2=no"
                .parse()
                .unwrap(),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&h, LOGIN_COOKIE), None);
        assert_eq!(
            set_cookie(SESSION_COOKIE, "v", 0),
            "__Host-indsigt-session=v; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax"
        );
    }
}
