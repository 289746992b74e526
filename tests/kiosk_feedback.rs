//! "Was this understandable?" at sign-out, through the pure `update`: the sign-out key asks, an answer
//! sends one feedback effect after the sign-out effects, a skip or a timeout sends none.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixtures::*;
use indsigt::domain::{Feedback, FeedbackAnswer};
use indsigt::kiosk::{Effect, Intent, Key, Loaded, Model, Msg, Request, Screen, update};
use jiff::{SignedDuration, Timestamp};

fn at(secs: i64) -> Timestamp {
    now() + SignedDuration::from_secs(secs)
}

fn key_at(m: &mut Model, k: Key, secs: i64) -> Vec<Effect> {
    update(m, Msg::Key(k, at(secs)))
}

fn ch(m: &mut Model, c: char) -> Vec<Effect> {
    key_at(m, Key::Char(c), 0)
}

/// Demo citizen 1, signed in with no helper, who then opened "Your data" and went back.
fn signed_in() -> Model {
    let mut m = model();
    ch(&mut m, '1');
    let generation = m.generation;
    update(
        &mut m,
        Msg::Loaded {
            generation,
            result: Loaded::DemoCitizens(Ok(citizens())),
        },
    );
    ch(&mut m, '1');
    ch(&mut m, '1');
    assert!(m.session.is_some());
    ch(&mut m, '1');
    assert_eq!(*m.screen(), Screen::Areas);
    key_at(&mut m, Key::Esc, 0);
    m
}

fn feedback_requests(effects: &[Effect]) -> Vec<(Option<&indsigt::source::Principal>, &Feedback)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Fetch {
                principal,
                request: Request::Feedback(f),
                ..
            } => Some((principal.as_ref(), f)),
            _ => None,
        })
        .collect()
}

/// What sign-out gives without a refresh token: the purge and the end of the source's session.
const SIGN_OUT: [Effect; 2] = [Effect::PurgeScreen, Effect::EndSession];

#[test]
fn the_sign_out_key_asks_first_and_ends_nothing_yet() {
    let mut m = signed_in();
    let fx = ch(&mut m, 'x');
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(*m.screen(), Screen::Feedback);
    assert!(m.session.is_some());
}

#[test]
fn an_answer_signs_out_then_sends_only_the_answer_kiosk_day_and_screens() {
    let mut m = signed_in();
    // A screen opened twice is named once.
    ch(&mut m, '1');
    key_at(&mut m, Key::Esc, 0);
    ch(&mut m, 'x');
    let generation_before = m.generation;
    let fx = ch(&mut m, '3');
    assert!(m.session.is_none());
    assert_eq!(*m.screen(), Screen::Attract);
    assert_eq!(fx[..2], SIGN_OUT);
    let sent = feedback_requests(&fx);
    assert_eq!(sent.len(), 1, "{fx:?}");
    let (principal, feedback) = sent[0];
    assert_eq!(principal, None);
    assert_eq!(
        *feedback,
        Feedback {
            answer: FeedbackAnswer::Hard,
            kiosk_id: "kiosk-7".into(),
            // The fixtures' clock: 29 November 2026, 14:05 in Copenhagen.
            date: jiff::civil::date(2026, 11, 29),
            screens: ["areas", "overview"].map(String::from).into(),
        }
    );
    // The feedback goes last, in the new generation: no answer of the old session is taken after it.
    assert!(
        matches!(fx.last(), Some(Effect::Fetch { generation, .. }) if *generation == generation_before + 1)
    );
    assert_eq!(m.generation, generation_before + 1);
}

#[test]
fn the_day_is_copenhagens_not_utcs() {
    let mut m = signed_in();
    ch(&mut m, 'x');
    // 23:30 UTC on 1 November 2026 is 00:30 on 2 November in Copenhagen.
    let t: Timestamp = "2026-11-01T23:30:00Z".parse().unwrap();
    m.last_activity = t;
    let fx = update(&mut m, Msg::Key(Key::Char('1'), t));
    let sent = feedback_requests(&fx);
    assert_eq!(sent.len(), 1, "{fx:?}");
    assert_eq!(sent[0].1.date, jiff::civil::date(2026, 11, 2));
}

#[test]
fn each_answer_item_gives_its_answer_and_a_tap_works_too() {
    for (index, answer) in [
        (0, FeedbackAnswer::Mostly),
        (1, FeedbackAnswer::Partly),
        (2, FeedbackAnswer::Hard),
    ] {
        let mut m = signed_in();
        ch(&mut m, 'x');
        let fx = update(&mut m, Msg::Tap(Some(Intent::Item(index)), at(1)));
        let sent = feedback_requests(&fx);
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].1.answer, answer);
    }
    // Arrows and Enter: down twice from the first item is "No, it was hard".
    let mut m = signed_in();
    ch(&mut m, 'x');
    key_at(&mut m, Key::Down, 0);
    key_at(&mut m, Key::Down, 0);
    let fx = key_at(&mut m, Key::Enter, 0);
    assert_eq!(feedback_requests(&fx)[0].1.answer, FeedbackAnswer::Hard);
}

#[test]
fn a_skip_signs_out_exactly_as_before_and_sends_nothing() {
    // The skip item, Esc, and the sign-out key again.
    for k in [Key::Char('4'), Key::Esc, Key::Char('x')] {
        let mut m = signed_in();
        ch(&mut m, 'x');
        let fx = key_at(&mut m, k, 1);
        assert_eq!(fx, SIGN_OUT, "{k:?}");
        assert!(m.session.is_none());
        assert_eq!(*m.screen(), Screen::Attract);
    }
}

#[test]
fn the_idle_timeout_still_ends_the_session_on_the_question_and_sends_nothing() {
    let mut m = signed_in();
    ch(&mut m, 'x');
    let idle = m.settings.idle_timeout_secs as i64;
    let fx = update(&mut m, Msg::Tick(at(idle)));
    assert_eq!(fx, SIGN_OUT);
    assert!(feedback_requests(&fx).is_empty());
    assert!(m.session.is_none());
    assert_eq!(*m.screen(), Screen::Attract);
}

#[test]
fn the_session_cap_never_asks() {
    let mut m = signed_in();
    let cap = m.settings.session_max_secs as i64;
    // Keys keep the session from going idle; the cap ends it without the question.
    let mut t = 0;
    let mut all = Vec::new();
    while m.session.is_some() && t <= cap {
        t += 30;
        all.extend(update(&mut m, Msg::Tick(at(t))));
        if m.session.is_some() {
            all.extend(key_at(&mut m, Key::Down, t));
        }
    }
    assert!(all.contains(&Effect::PurgeScreen));
    assert!(feedback_requests(&all).is_empty(), "{all:?}");
    assert!(m.session.is_none());
    assert_eq!(*m.screen(), Screen::Attract);
}

#[test]
fn the_visited_screens_go_with_the_session() {
    let mut m = signed_in();
    let visited: Vec<&str> = m
        .session
        .as_ref()
        .unwrap()
        .visited
        .iter()
        .copied()
        .collect();
    // Not the sign-in screens before the session, and never an id.
    assert_eq!(visited, ["areas", "overview"]);
    ch(&mut m, 'x');
    ch(&mut m, '4');
    let m2 = {
        let mut m2 = m.clone();
        ch(&mut m2, '1');
        let generation = m2.generation;
        update(
            &mut m2,
            Msg::Loaded {
                generation,
                result: Loaded::DemoCitizens(Ok(citizens())),
            },
        );
        ch(&mut m2, '1');
        ch(&mut m2, '1');
        m2
    };
    let visited: Vec<&str> = m2
        .session
        .as_ref()
        .unwrap()
        .visited
        .iter()
        .copied()
        .collect();
    assert_eq!(visited, ["overview"]);
}

#[test]
fn help_and_continue_online_do_not_open_from_the_question() {
    let mut m = signed_in();
    ch(&mut m, 'x');
    ch(&mut m, '?');
    ch(&mut m, 'o');
    assert_eq!(*m.screen(), Screen::Feedback);
    // The language still switches, so the question can be read.
    ch(&mut m, 'l');
    assert_eq!(*m.screen(), Screen::Feedback);
}
