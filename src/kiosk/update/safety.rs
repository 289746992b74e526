//! Keeping a kiosk in a public room safe: the idle timeout and the session cap with their warning, the
//! "hide now" blind, revealing masked values one at a time, and the operator's PIN.

use super::super::effect::{Effect, Pin};
use super::super::keymap::{Intent, Key};
use super::super::model::{Blind, Model, Warning, WarningKind};
use super::super::screen::Screen;
use super::{push, sign_out};
use jiff::{SignedDuration, Timestamp};

/// The longest PIN accepted.
const PIN_MAX: usize = 12;
/// The delay after the first wrong PIN; it doubles with each one after, up to [`PIN_DELAY_MAX_SECS`].
const PIN_DELAY_SECS: i64 = 5;
const PIN_DELAY_MAX_SECS: i64 = 300;

fn secs(d: SignedDuration) -> i64 {
    d.as_secs()
}

/// Whether anything could time out: a session, or a screen other than the untouched attract screen.
pub(crate) fn anything_to_forget(model: &Model) -> bool {
    model.session.is_some()
        || model.stack.len() > 1
        || *model.screen() != Screen::Attract
        || model.lang != model.settings.default_lang
        || model.blind != Blind::Open
}

/// The clock: shows the warning before the session ends, and ends it at the idle timeout or the cap.
pub fn tick(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    model.now = now;
    // Listening to the screen being read is activity.
    if model.speech.speaking.is_some() {
        model.last_activity = now;
    }
    if *model.screen() == Screen::Operator || !anything_to_forget(model) {
        model.warning = None;
        return Vec::new();
    }
    let s = &model.settings;
    let idle_left = s.idle_timeout_secs as i64 - secs(now.duration_since(model.last_activity));
    let cap_left = model
        .session
        .as_ref()
        .map(|x| s.session_max_secs as i64 - secs(now.duration_since(x.started_at)));
    let (kind, left) = match cap_left {
        Some(cap) if cap <= idle_left => (WarningKind::Cap, cap),
        _ => (WarningKind::Idle, idle_left),
    };
    if left <= 0 {
        return sign_out(model);
    }
    let cap_seen = model.session.as_ref().is_some_and(|x| x.cap_warned);
    model.warning = (left <= s.idle_warning_secs as i64 && !(kind == WarningKind::Cap && cap_seen))
        .then(|| Warning {
            kind,
            ends_at: now + SignedDuration::from_secs(left),
        });
    Vec::new()
}

/// A key or tap while the warning shows continues the session and does nothing else.
/// Returns whether the input was used up.
pub fn input_seen(model: &mut Model) -> bool {
    model.last_activity = model.now;
    let Some(w) = model.warning.take() else {
        return false;
    };
    if w.kind == WarningKind::Cap {
        if let Some(s) = model.session.as_mut() {
            s.cap_warned = true;
        }
    }
    true
}

/// The blind's commands (from its keys in the keymap): only H asks to show the screen, and only 1 then
/// shows it.
pub fn blind_command(model: &mut Model, command: Intent) {
    model.blind = match (model.blind, command) {
        (Blind::Down, Intent::BlindAsk) => Blind::Confirm,
        (Blind::Confirm, Intent::BlindShow) => Blind::Open,
        (Blind::Confirm, Intent::BlindKeep) => Blind::Down,
        (b, _) => b,
    };
}

/// A tap while the blind is down asks whether to show the screen; it never shows it by itself.
pub fn blind_tap(model: &mut Model, yes: bool) {
    model.blind = match model.blind {
        Blind::Down => Blind::Confirm,
        Blind::Confirm if yes => Blind::Open,
        b => b,
    };
}

/// Reveals the next masked value on the screen: the first, then the next, then none again.
pub fn reveal_next(model: &mut Model, masked: usize) {
    if let Some(place) = model.stack.last_mut() {
        place.revealed = match place.revealed {
            _ if masked == 0 => None,
            None => Some(0),
            Some(i) if i + 1 < masked => Some(i + 1),
            Some(_) => None,
        };
    }
}

pub fn open_operator(model: &mut Model) {
    model.pin.clear();
    push(model, Screen::Operator);
}

/// Keys on the PIN screen: digits are typed, Enter checks, Esc leaves.
pub fn pin_key(model: &mut Model, key: Key) -> Vec<Effect> {
    match key {
        Key::Char(c) if c.is_ascii_digit() => {
            if model.pin.input.len() < PIN_MAX {
                model.pin.input.push(c);
            }
            Vec::new()
        }
        Key::Backspace => {
            model.pin.input.pop();
            Vec::new()
        }
        Key::Esc => {
            model.pin.clear();
            model.stack.pop();
            Vec::new()
        }
        Key::Enter => {
            let waiting = model.pin.locked_until.is_some_and(|t| t > model.now);
            if waiting || model.pin.checking || model.pin.input.is_empty() {
                return Vec::new();
            }
            model.pin.checking = true;
            let pin = Pin(std::mem::take(&mut model.pin.input));
            vec![Effect::CheckPin(pin)]
        }
        _ => Vec::new(),
    }
}

/// The answer of a PIN check: the right PIN ends the program; a wrong one waits longer each time.
pub fn pin_checked(model: &mut Model, ok: bool) -> Vec<Effect> {
    model.pin.checking = false;
    model.pin.clear();
    if *model.screen() != Screen::Operator {
        return Vec::new();
    }
    if ok {
        model.session = None;
        model.quit = true;
        return vec![Effect::PurgeScreen, Effect::Quit];
    }
    model.pin.failures += 1;
    let shift = (model.pin.failures - 1).min(10);
    let delay = (PIN_DELAY_SECS << shift).min(PIN_DELAY_MAX_SECS);
    model.pin.locked_until = Some(model.now + SignedDuration::from_secs(delay));
    Vec::new()
}
