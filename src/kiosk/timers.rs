//! When the clock next matters. The kiosk's loop sleeps until then, instead of waking on a fixed tick:
//! an untouched attract screen has no timer at all, and a signed-in citizen reading a screen wakes the
//! loop only when the idle warning or the session cap is due.
//!
//! This is a pure function of the model. Whatever the clock can change on screen is listed here: the
//! timeouts of [`super::update`]'s safety rules, the device sign-in's polling and expiry, and the moving
//! parts (countdowns and spinners) that need a frame every [`ANIMATION_MS`].

use super::device::DeviceFlow;
use super::model::{Loadable, Model};
use super::screen::Screen;
use super::update::safety::anything_to_forget;
use jiff::{SignedDuration, Timestamp};

/// How often a moving part (a countdown, a spinner) is looked at. A frame is drawn only when what it
/// shows has changed, so a countdown in whole seconds still draws once a second.
pub const ANIMATION_MS: i64 = 250;

/// The next time the clock can change the model or the screen; `None` when only input can.
pub fn next_wake(model: &Model) -> Option<Timestamp> {
    let now = model.now;
    let soon = now + SignedDuration::from_millis(ANIMATION_MS);
    if animating(model) {
        return Some(soon);
    }
    let mut due: Vec<Timestamp> = safety_deadlines(model);
    if let Some(DeviceFlow::Waiting(w)) = &model.device {
        due.push(w.expires_at);
        if !w.polling {
            due.push(w.next_poll_at);
        }
    }
    // A deadline already passed is due now (the next tick acts on it).
    due.into_iter().min().map(|t| t.max(now))
}

/// The idle warning, the idle timeout, and the session cap with its warning.
fn safety_deadlines(model: &Model) -> Vec<Timestamp> {
    if *model.screen() == Screen::Operator || !anything_to_forget(model) {
        return Vec::new();
    }
    let s = &model.settings;
    let secs = |n: u64| SignedDuration::from_secs(i64::try_from(n).unwrap_or(i64::MAX / 2));
    let idle_end = model.last_activity + secs(s.idle_timeout_secs);
    let mut due = vec![idle_end, idle_end - secs(s.idle_warning_secs)];
    if let Some(session) = &model.session {
        let cap_end = session.started_at + secs(s.session_max_secs);
        due.push(cap_end);
        if !session.cap_warned {
            due.push(cap_end - secs(s.idle_warning_secs));
        }
    }
    due
}

/// Whether something on screen moves by itself: a countdown or a spinner.
fn animating(model: &Model) -> bool {
    let pin_waiting = model.pin.checking || model.pin.locked_until.is_some_and(|t| t > model.now);
    let signing_in = matches!(
        model.device,
        Some(DeviceFlow::Starting | DeviceFlow::Waiting(_))
    );
    model.warning.is_some()
        || pin_waiting
        || signing_in
        || model.demo_citizens.is_loading()
        || model.session.as_ref().is_some_and(session_loading)
}

fn session_loading(s: &super::model::Session) -> bool {
    fn l<T>(x: &Loadable<T>) -> bool {
        x.is_loading()
    }
    l(&s.citizen)
        || l(&s.overview)
        || l(&s.areas)
        || l(&s.categories)
        || l(&s.category)
        || l(&s.purposes)
        || l(&s.entry)
        || l(&s.consents)
        || l(&s.decisions)
        || s.log.loading.is_some()
}
