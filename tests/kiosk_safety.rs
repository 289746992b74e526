//! Safety in a public room, as pure `update` tests with a fake clock: the idle timeout and the session cap
//! with their warnings, the wipe, the "hide now" blind, revealing masked values, the lock, and the PIN.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixtures::*;
use indsigt::domain::{
    DataCategory, FieldValue, Lawfulness, LegalBasis, Origin, OriginKind, Retention, Text,
};
use indsigt::kiosk::{
    Blind, Effect, Key, Loaded, Model, Msg, Pin, Screen, Settings, WarningKind, update,
};
use jiff::{SignedDuration, Timestamp};

fn at(secs: i64) -> Timestamp {
    now() + SignedDuration::from_secs(secs)
}

fn key_at(m: &mut Model, k: Key, secs: i64) -> Vec<Effect> {
    update(m, Msg::Key(k, at(secs)))
}

fn tick(m: &mut Model, secs: i64) -> Vec<Effect> {
    update(m, Msg::Tick(at(secs)))
}

fn signed_in_with(s: Settings) -> Model {
    let mut m = Model::new(s, now());
    key_at(&mut m, Key::Char('1'), 0);
    let g = m.generation;
    update(
        &mut m,
        Msg::Loaded {
            generation: g,
            result: Loaded::DemoCitizens(Ok(citizens())),
        },
    );
    key_at(&mut m, Key::Char('1'), 0);
    key_at(&mut m, Key::Char('1'), 0);
    assert!(m.session.is_some());
    m
}

#[test]
fn the_idle_warning_comes_at_timeout_minus_warning() {
    let mut m = signed_in_with(settings());
    assert!(tick(&mut m, 89).is_empty());
    assert!(m.warning.is_none());
    tick(&mut m, 90);
    let w = m.warning.unwrap();
    assert_eq!(w.kind, WarningKind::Idle);
    assert_eq!(w.ends_at, at(120));
}

#[test]
fn a_key_during_the_warning_extends_the_session_and_does_nothing_else() {
    let mut m = signed_in_with(settings());
    tick(&mut m, 100);
    assert!(m.warning.is_some());
    let stack = m.stack.clone();
    // "x" would sign out; during the warning it only says "I am here".
    assert!(key_at(&mut m, Key::Char('x'), 100).is_empty());
    assert!(m.warning.is_none());
    assert!(m.session.is_some());
    assert_eq!(m.stack, stack);
    assert!(tick(&mut m, 189).is_empty());
    assert!(m.warning.is_none());
    tick(&mut m, 190);
    assert!(m.warning.is_some());
}

#[test]
fn a_tap_also_extends() {
    let mut m = signed_in_with(settings());
    tick(&mut m, 95);
    update(&mut m, Msg::Tap(None, at(96)));
    assert!(m.warning.is_none());
    tick(&mut m, 150);
    assert!(m.session.is_some());
}

#[test]
fn at_the_idle_limit_everything_is_forgotten() {
    let mut m = signed_in_with(settings());
    key_at(&mut m, Key::Char('l'), 10);
    key_at(&mut m, Key::Char('3'), 10);
    let old = m.generation;
    tick(&mut m, 129);
    assert!(m.session.is_some());
    let fx = tick(&mut m, 130);
    assert_eq!(fx, vec![Effect::PurgeScreen, Effect::EndSession]);
    assert!(m.session.is_none());
    assert_eq!(*m.screen(), Screen::Attract);
    assert_eq!(m.stack.len(), 1);
    assert_eq!(m.lang, settings().default_lang);
    assert!(m.warning.is_none());
    // Nothing of the citizen is left anywhere in the model, the demo list included.
    let dump = format!("{m:?}");
    assert!(!dump.contains("c-1"), "{dump}");
    assert!(m.demo_citizens.ready().is_none());
    // A page that was on its way for the old session is dropped.
    let before = m.clone();
    let fx = update(
        &mut m,
        Msg::Loaded {
            generation: old,
            result: Loaded::AccessPage(0, Ok(page(0, 50, 100))),
        },
    );
    assert!(fx.is_empty());
    assert_eq!(m, before);
}

#[test]
fn an_untouched_attract_screen_never_times_out() {
    let mut m = model();
    for s in [100, 1000, 100_000] {
        assert!(tick(&mut m, s).is_empty());
        assert!(m.warning.is_none());
    }
}

#[test]
fn a_half_started_sign_in_returns_to_the_start_in_the_default_language() {
    let mut m = model();
    key_at(&mut m, Key::Char('2'), 0);
    assert_eq!(*m.screen(), Screen::SignIn);
    tick(&mut m, 95);
    assert!(m.warning.is_some());
    tick(&mut m, 120);
    assert_eq!(*m.screen(), Screen::Attract);
    assert_eq!(m.lang, settings().default_lang);
}

#[test]
fn the_session_cap_warns_once_and_ends_the_session_even_when_busy() {
    let mut m = signed_in_with(settings());
    // The citizen keeps busy: never idle.
    let mut s = 0;
    while s < 1169 {
        s += 60;
        key_at(&mut m, Key::Down, s.min(1169));
        tick(&mut m, s.min(1169));
        assert!(m.warning.is_none(), "at {s}");
    }
    tick(&mut m, 1170);
    let w = m.warning.unwrap();
    assert_eq!(w.kind, WarningKind::Cap);
    assert_eq!(w.ends_at, at(1200));
    key_at(&mut m, Key::Down, 1171);
    assert!(m.warning.is_none());
    tick(&mut m, 1180);
    assert!(m.warning.is_none(), "the cap warning is shown once");
    assert_eq!(
        tick(&mut m, 1200),
        vec![Effect::PurgeScreen, Effect::EndSession]
    );
    assert!(m.session.is_none());
}

#[test]
fn hide_now_blanks_at_once_and_needs_a_confirmation_to_come_back() {
    let mut m = signed_in_with(settings());
    key_at(&mut m, Key::Char('h'), 1);
    assert_eq!(m.blind, Blind::Down);
    // Other keys do nothing while hidden, not even sign-out or language.
    for c in ['x', 'l', '1', 'q'] {
        assert!(key_at(&mut m, Key::Char(c), 2).is_empty());
    }
    assert!(m.session.is_some());
    assert_eq!(m.blind, Blind::Down);
    key_at(&mut m, Key::Char('h'), 3);
    assert_eq!(m.blind, Blind::Confirm);
    key_at(&mut m, Key::Char('2'), 4);
    assert_eq!(m.blind, Blind::Down);
    key_at(&mut m, Key::Char('h'), 5);
    key_at(&mut m, Key::Char('1'), 6);
    assert_eq!(m.blind, Blind::Open);
    assert_eq!(*m.screen(), Screen::Overview);
    // A tap on the blank screen asks too; it never shows the screen by itself.
    key_at(&mut m, Key::Char('h'), 7);
    update(&mut m, Msg::Tap(None, at(8)));
    assert_eq!(m.blind, Blind::Confirm);
    // The idle timeout still runs while hidden.
    tick(&mut m, 200);
    assert!(m.session.is_none());
    assert_eq!(m.blind, Blind::Open);
}

fn category_with_secrets() -> DataCategory {
    let field = |l: &str, v: &str, sensitive| FieldValue {
        label: Text::same(l),
        value: Text::same(v),
        sensitive,
    };
    DataCategory {
        id: 9,
        area: "cpr".into(),
        name: Text::same("CPR"),
        description: Text::same(""),
        fields: vec![
            field("Navn", "Borger 1", false),
            field("CPR", "310241-1234", true),
            field("Helbred", "Diabetes", true),
        ],
        origin: Origin {
            kind: OriginKind::CprRegister,
            name: Text::same("CPR"),
        },
        purposes: vec![],
        legal_basis: LegalBasis {
            gdpr: Text::same("6(1)(c)"),
            law: Text::same("CPR-loven"),
            plain: Text::same(""),
        },
        lawfulness: Lawfulness::RequiredByLaw,
        retention: Retention {
            rule: Text::same(""),
            delete_on: None,
        },
        recipients: vec![],
        system: "CPR".into(),
        special: false,
        updated_at: now(),
    }
}

#[test]
fn masked_values_are_revealed_one_at_a_time_and_masked_again_on_leaving() {
    let mut m = signed_in_with(settings());
    m.stack
        .push(indsigt::kiosk::Place::new(Screen::Category { id: 9 }));
    m.session.as_mut().unwrap().category = indsigt::kiosk::Loadable::Ready(category_with_secrets());
    assert_eq!(m.place().revealed, None);
    key_at(&mut m, Key::Char('v'), 1);
    assert_eq!(m.place().revealed, Some(0));
    key_at(&mut m, Key::Char('v'), 2);
    assert_eq!(m.place().revealed, Some(1));
    key_at(&mut m, Key::Char('v'), 3);
    assert_eq!(m.place().revealed, None);
    key_at(&mut m, Key::Char('v'), 4);
    key_at(&mut m, Key::Esc, 5);
    m.stack
        .push(indsigt::kiosk::Place::new(Screen::Category { id: 9 }));
    assert_eq!(m.place().revealed, None);
}

#[test]
fn contrast_switches_on_every_screen_and_resets_at_sign_out() {
    let mut m = model();
    key_at(&mut m, Key::Char('k'), 0);
    assert!(m.high_contrast);
    let mut m = signed_in_with(settings());
    key_at(&mut m, Key::Char('6'), 1);
    key_at(&mut m, Key::Char('k'), 2);
    assert!(m.high_contrast);
    key_at(&mut m, Key::Char('x'), 3);
    key_at(&mut m, Key::Esc, 4);
    assert!(!m.high_contrast);
}

fn locked() -> Settings {
    let mut s = settings();
    s.locked = true;
    s
}

#[test]
fn a_locked_kiosk_ignores_every_way_out() {
    let mut m = signed_in_with(locked());
    let before = m.clone();
    for k in [
        Key::Ctrl('c'),
        Key::Ctrl('z'),
        Key::Ctrl('\\'),
        Key::Ctrl('d'),
        Key::Alt('f'),
        Key::F(4),
        Key::Esc,
    ] {
        let fx = key_at(&mut m, k, 1);
        assert!(!fx.contains(&Effect::Quit), "{k:?}");
    }
    assert!(!m.quit);
    assert_eq!(m.session.is_some(), before.session.is_some());
    let mut a = Model::new(locked(), now());
    assert!(key_at(&mut a, Key::Char('q'), 0).is_empty());
}

#[test]
fn the_operator_pin_quits_and_wrong_pins_wait_longer_each_time() {
    let mut m = signed_in_with(locked());
    key_at(&mut m, Key::CtrlAlt('o'), 0);
    assert_eq!(*m.screen(), Screen::Operator);
    for c in "4712".chars() {
        key_at(&mut m, Key::Char(c), 0);
    }
    // Letters are not typed; nothing else happens on this screen.
    key_at(&mut m, Key::Char('x'), 0);
    assert!(m.session.is_some());
    let fx = key_at(&mut m, Key::Enter, 1);
    assert_eq!(fx, vec![Effect::CheckPin(Pin("4712".into()))]);
    assert!(m.pin.input.is_empty());
    update(&mut m, Msg::PinChecked(false));
    assert_eq!(m.pin.failures, 1);
    assert_eq!(
        m.pin.locked_until,
        Some(at(1) + SignedDuration::from_secs(5))
    );
    // During the delay nothing is checked.
    key_at(&mut m, Key::Char('1'), 2);
    assert!(key_at(&mut m, Key::Enter, 3).is_empty());
    let fx = key_at(&mut m, Key::Enter, 6);
    assert_eq!(fx.len(), 1);
    update(&mut m, Msg::PinChecked(false));
    assert_eq!(
        m.pin.locked_until,
        Some(at(6) + SignedDuration::from_secs(10))
    );
    key_at(&mut m, Key::Char('4'), 17);
    assert_eq!(key_at(&mut m, Key::Enter, 17).len(), 1);
    let fx = update(&mut m, Msg::PinChecked(true));
    assert_eq!(fx, vec![Effect::PurgeScreen, Effect::Quit]);
    assert!(m.quit);
    assert!(m.session.is_none());
}

#[test]
fn debug_of_a_pin_never_shows_it() {
    let fx = Effect::CheckPin(Pin("4711".into()));
    assert!(!format!("{fx:?}").contains("4711"));
    let mut m = model();
    key_at(&mut m, Key::CtrlAlt('o'), 0);
    key_at(&mut m, Key::Char('4'), 0);
    assert!(!format!("{m:?}").contains("\"4\""));
}

#[test]
fn a_locked_kiosk_does_not_offer_a_quit_key() {
    use common::kiosk::{Kiosk, demo_source};
    let dir = tempfile::tempdir().unwrap();
    let mut k = Kiosk::new(demo_source(dir.path(), 50));
    assert!(k.screen(80, 24).contains("Q  Afslut"));
    k.model.settings.locked = true;
    assert!(!k.screen(80, 24).contains("Afslut"));
}
