//! Read-aloud, as pure `update` tests: the key starts and stops it, any key stops it and does nothing
//! else, the speed keys read again at the new speed, an end is matched to its utterance, a failure says
//! read-aloud is not available, listening keeps the session, and sign-out stops it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixtures::*;
use indsigt::domain::Lang;
use indsigt::kiosk::speech::{DEFAULT_RATE, RATES, SpeechFault};
use indsigt::kiosk::{
    Blind, Effect, Key, Loaded, Model, Msg, Notice, Screen, Settings, Utterance, keymap, update,
};
use jiff::{SignedDuration, Timestamp};

fn at(secs: i64) -> Timestamp {
    now() + SignedDuration::from_secs(secs)
}

fn key_at(m: &mut Model, k: Key, secs: i64) -> Vec<Effect> {
    update(m, Msg::Key(k, at(secs)))
}

fn signed_in_with(s: Settings) -> Model {
    let mut m = Model::new(s, now());
    key_at(&mut m, Key::Char('1'), 0);
    let generation = m.generation;
    update(
        &mut m,
        Msg::Loaded {
            generation,
            result: Loaded::DemoCitizens(Ok(citizens())),
        },
    );
    key_at(&mut m, Key::Char('1'), 0);
    key_at(&mut m, Key::Char('1'), 0);
    assert_eq!(*m.screen(), Screen::Overview);
    m
}

fn signed_in() -> Model {
    signed_in_with(settings())
}

fn speak(id: u64, lang: Lang, rate: usize) -> Effect {
    Effect::Speak(Utterance {
        id,
        lang,
        words_per_minute: RATES[rate],
    })
}

#[test]
fn the_key_reads_the_screen_in_its_language_and_again_stops() {
    let mut m = signed_in();
    let fx = key_at(&mut m, Key::Char('a'), 1);
    assert_eq!(fx, vec![speak(1, Lang::Da, DEFAULT_RATE)]);
    assert_eq!(m.speech.speaking, Some(1));
    assert_eq!(
        key_at(&mut m, Key::Char('a'), 2),
        vec![Effect::StopSpeaking]
    );
    assert_eq!(m.speech.speaking, None);
    // In English after the language key; the capital letter works too.
    key_at(&mut m, Key::Char('l'), 3);
    assert_eq!(
        key_at(&mut m, Key::Char('A'), 4),
        vec![speak(2, Lang::En, DEFAULT_RATE)]
    );
}

#[test]
fn any_key_or_tap_stops_the_reading_and_does_nothing_else() {
    for k in [
        Key::Char('x'),
        Key::Char('1'),
        Key::Down,
        Key::Enter,
        Key::Esc,
        Key::Char('l'),
    ] {
        let mut m = signed_in();
        key_at(&mut m, Key::Char('a'), 1);
        let before = (m.screen().clone(), m.place().selected, m.lang);
        assert_eq!(key_at(&mut m, k, 2), vec![Effect::StopSpeaking], "{k:?}");
        assert_eq!((m.screen().clone(), m.place().selected, m.lang), before);
        assert!(m.session.is_some(), "{k:?} did not sign out");
    }
    let mut m = signed_in();
    key_at(&mut m, Key::Char('a'), 1);
    let fx = update(
        &mut m,
        Msg::Tap(Some(indsigt::kiosk::Intent::Item(0)), at(2)),
    );
    assert_eq!(fx, vec![Effect::StopSpeaking]);
    assert_eq!(*m.screen(), Screen::Overview);
}

#[test]
fn hide_now_still_hides_while_reading() {
    let mut m = signed_in();
    key_at(&mut m, Key::Char('a'), 1);
    assert_eq!(
        key_at(&mut m, Key::Char('h'), 2),
        vec![Effect::StopSpeaking]
    );
    assert_eq!(m.blind, Blind::Down);
    // Under the blind, the read-aloud key does nothing: nothing of the screen is said.
    assert!(key_at(&mut m, Key::Char('a'), 3).is_empty());
    assert_eq!(m.speech.speaking, None);
}

#[test]
fn the_speed_keys_read_again_at_the_new_speed_within_the_range() {
    let mut m = signed_in();
    // Not reading: the speed changes and nothing is said.
    assert!(key_at(&mut m, Key::Char('-'), 1).is_empty());
    assert_eq!(m.speech.rate, DEFAULT_RATE - 1);
    key_at(&mut m, Key::Char('a'), 2);
    let fx = key_at(&mut m, Key::Char('+'), 3);
    assert_eq!(
        fx,
        vec![Effect::StopSpeaking, speak(2, Lang::Da, DEFAULT_RATE)]
    );
    for s in 4..20 {
        key_at(&mut m, Key::Char('+'), s);
    }
    assert_eq!(m.speech.rate, RATES.len() - 1);
    assert_eq!(m.speech.words_per_minute(), *RATES.last().unwrap());
    for s in 20..40 {
        key_at(&mut m, Key::Char('-'), s);
    }
    assert_eq!(m.speech.rate, 0);
    assert!(m.speech.speaking.is_some(), "the speed keys do not stop it");
}

#[test]
fn an_end_is_matched_to_its_utterance_and_a_failure_says_so() {
    let mut m = signed_in();
    key_at(&mut m, Key::Char('a'), 1);
    key_at(&mut m, Key::Char('+'), 2);
    // The end of the first reading (stopped by the speed key) changes nothing.
    let late = Msg::Spoken {
        id: 1,
        result: Ok(()),
        at: at(3),
    };
    assert!(update(&mut m, late).is_empty());
    assert_eq!(m.speech.speaking, Some(2));
    let failed = Msg::Spoken {
        id: 2,
        result: Err(SpeechFault::Unavailable),
        at: at(4),
    };
    update(&mut m, failed);
    assert_eq!(m.speech.speaking, None);
    assert_eq!(m.notice, Some(Notice::Speech(SpeechFault::Unavailable)));
    // Any key closes the notice, and the kiosk goes on.
    key_at(&mut m, Key::Char('2'), 5);
    assert_eq!(m.notice, None);
    key_at(&mut m, Key::Char('2'), 6);
    assert_eq!(*m.screen(), Screen::Purposes);
}

#[test]
fn listening_keeps_the_session_and_sign_out_stops_the_reading() {
    let mut m = signed_in();
    let idle = m.settings.idle_timeout_secs as i64;
    key_at(&mut m, Key::Char('a'), 1);
    // A long reading: past the idle timeout, no warning and no sign-out.
    for s in (10..idle * 2).step_by(10) {
        assert!(update(&mut m, Msg::Tick(at(s))).is_empty());
        assert!(m.warning.is_none());
    }
    assert!(m.session.is_some());
    let end = idle * 2;
    update(
        &mut m,
        Msg::Spoken {
            id: 1,
            result: Ok(()),
            at: at(end),
        },
    );
    // The idle time counts from the end of the reading.
    update(&mut m, Msg::Tick(at(end + idle - 1)));
    assert!(m.session.is_some());
    // Reading holds off the idle timeout, not the session cap: the cap signs out, stops the reading, and
    // the next citizen starts at the usual speed.
    key_at(&mut m, Key::Char('+'), end + idle - 1);
    key_at(&mut m, Key::Char('a'), end + idle - 1);
    let mut when = end + idle;
    let fx = loop {
        let fx = update(&mut m, Msg::Tick(at(when)));
        if m.session.is_none() {
            break fx;
        }
        when += 1000;
    };
    assert_eq!(fx.first(), Some(&Effect::StopSpeaking));
    assert!(fx.contains(&Effect::PurgeScreen));
    assert_eq!(m.speech.speaking, None);
    assert_eq!(m.speech.rate, DEFAULT_RATE);
}

#[test]
fn a_kiosk_without_read_aloud_has_no_key_for_it() {
    let mut s = settings();
    s.read_aloud = false;
    let mut m = signed_in_with(s);
    assert!(key_at(&mut m, Key::Char('a'), 1).is_empty());
    assert!(
        keymap::footer_now(&m)
            .iter()
            .all(|b| b.hint != "hint-read-aloud")
    );
    assert!(keymap::help(&m).all(|b| b.hint != "hint-read-aloud"));
    let m = signed_in();
    assert!(
        keymap::footer_now(&m)
            .iter()
            .any(|b| b.hint == "hint-read-aloud")
    );
}
