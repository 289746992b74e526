//! Pure `update` tests for the input layers: a failed first load and its retry, letter commands in
//! either case while typed text keeps its case, and the one order in which overlays take input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixtures::*;
use common::update::*;
use indsigt::domain::Lang;
use indsigt::kiosk::{
    Blind, Effect, Intent, Key, Layer, Loaded, Model, Msg, Notice, Request, Screen, update,
};
use indsigt::source::SourceError;

fn signed_in() -> Model {
    let mut m = model();
    ch(&mut m, '1');
    loaded(&mut m, Loaded::DemoCitizens(Ok(citizens())));
    ch(&mut m, '1');
    ch(&mut m, '1');
    assert_eq!(*m.screen(), Screen::Overview);
    m
}

/// Signed in, and both of the overview's own loads failed.
fn failed_first_load() -> Model {
    let mut m = signed_in();
    let refused = || SourceError::Unreachable("connection refused".into());
    loaded(&mut m, Loaded::Citizen(Err(refused())));
    loaded(&mut m, Loaded::Overview(Err(SourceError::Timeout)));
    m
}

#[test]
fn a_failed_first_load_is_loaded_again_with_the_retry_key_in_either_case() {
    for retry in ['r', 'R'] {
        let mut m = failed_first_load();
        assert!(m.overview_failed());
        assert_eq!(
            m.overview_error(),
            Some(&SourceError::Unreachable("connection refused".into()))
        );
        let fx = ch(&mut m, retry);
        assert_eq!(requests(&fx), vec![Request::Citizen, Request::Overview]);
        let s = m.session.as_ref().unwrap();
        assert!(s.citizen.is_loading() && s.overview.is_loading());
        assert!(!m.overview_failed());
        // Nothing failed now: the key does nothing more.
        assert!(ch(&mut m, retry).is_empty());
    }
}

#[test]
fn only_what_failed_is_loaded_again() {
    let mut m = signed_in();
    loaded(&mut m, Loaded::Citizen(Ok(citizen(0).citizen)));
    loaded(
        &mut m,
        Loaded::Overview(Err(SourceError::Server("500".into()))),
    );
    let fx = update(&mut m, Msg::Tap(Some(Intent::Retry), now()));
    assert_eq!(requests(&fx), vec![Request::Overview]);
}

#[test]
fn the_retry_key_works_only_on_a_failed_overview() {
    let mut m = signed_in();
    // Still loading: R is nothing here.
    assert!(ch(&mut m, 'r').is_empty());
    let mut m = failed_first_load();
    ch(&mut m, '6');
    assert_eq!(*m.screen(), Screen::Rights);
    assert!(ch(&mut m, 'r').is_empty());
    assert!(m.overview_failed(), "the retry waits for the overview");
}

#[test]
fn coming_back_to_the_overview_loads_again_what_failed() {
    let mut m = failed_first_load();
    ch(&mut m, '6');
    let fx = key(&mut m, Key::Esc);
    assert_eq!(*m.screen(), Screen::Overview);
    assert_eq!(requests(&fx), vec![Request::Citizen, Request::Overview]);
    // Once loaded, coming back asks for nothing.
    loaded(&mut m, Loaded::Overview(Ok(Default::default())));
    ch(&mut m, '6');
    assert!(requests(&key(&mut m, Key::Esc)).is_empty());
}

#[test]
fn a_late_failure_of_an_ended_session_is_dropped() {
    let mut m = signed_in();
    let generation = m.generation;
    // Sign out: the question, then the skip.
    ch(&mut m, 'x');
    ch(&mut m, '4');
    update(
        &mut m,
        Msg::Loaded {
            generation,
            result: Loaded::Overview(Err(SourceError::Timeout)),
        },
    );
    assert!(!m.overview_failed());
}

#[test]
fn capital_letters_are_commands_too() {
    let mut m = signed_in();
    ch(&mut m, 'L');
    assert_eq!(m.lang, Lang::En);
    ch(&mut m, 'K');
    assert!(m.high_contrast);
    ch(&mut m, '?');
    assert_eq!(*m.screen(), Screen::Help);
    ch(&mut m, 'O');
    assert!(matches!(m.screen(), Screen::Online { .. }));
    key(&mut m, Key::Esc);
    key(&mut m, Key::Esc);
    ch(&mut m, 'H');
    assert_eq!(m.blind, Blind::Down);
    ch(&mut m, 'H');
    assert_eq!(m.blind, Blind::Confirm);
    ch(&mut m, '1');
    assert_eq!(m.blind, Blind::Open);
    // A capital X asks the sign-out question too; a second one skips it.
    assert!(ch(&mut m, 'X').is_empty());
    assert_eq!(*m.screen(), Screen::Feedback);
    let fx = ch(&mut m, 'X');
    assert!(fx.contains(&Effect::EndSession));
    assert!(m.session.is_none());
    let fx = ch(&mut m, 'Q');
    assert!(fx.contains(&Effect::Quit), "{fx:?}");
}

#[test]
fn typed_search_text_keeps_its_capitals() {
    let mut m = signed_in();
    ch(&mut m, '3');
    ch(&mut m, '/');
    assert_eq!(*m.screen(), Screen::AccessSearch);
    for c in "HjEm LX".chars() {
        ch(&mut m, c);
    }
    assert_eq!(m.search_input, "HjEm LX");
    assert_eq!(m.lang, Lang::Da, "L is text here");
    assert!(m.session.is_some(), "X is text here");
}

#[test]
fn the_layers_take_input_in_one_order() {
    let mut m = signed_in();
    assert_eq!(m.layer(), Layer::Screen);
    m.notice = Some(Notice::Error(SourceError::Timeout));
    assert_eq!(m.layer(), Layer::Notice);
    // A key closes the notice and does nothing else.
    ch(&mut m, 'l');
    assert_eq!(m.lang, Lang::Da);
    assert_eq!(m.layer(), Layer::Screen);
    ch(&mut m, '3');
    ch(&mut m, '/');
    assert_eq!(m.layer(), Layer::Text);
    m.notice = Some(Notice::Error(SourceError::Timeout));
    assert_eq!(m.layer(), Layer::Notice, "a notice is above text entry");
    m.blind = Blind::Down;
    assert_eq!(m.layer(), Layer::Blind(Blind::Down), "the blind is on top");
    m.blind = Blind::Open;
    m.notice = None;
    key(&mut m, Key::Esc);
    key(&mut m, Key::CtrlAlt('o'));
    assert_eq!(m.layer(), Layer::Pin);
    m.notice = Some(Notice::Error(SourceError::Timeout));
    assert_eq!(m.layer(), Layer::Pin, "the PIN is above a notice");
    // Digits are typed into the PIN, not taken by the notice.
    ch(&mut m, '4');
    assert_eq!(m.pin.input, "4");
}

#[test]
fn ctrl_c_quits_an_unlocked_kiosk_from_any_screen_but_not_a_locked_one() {
    let mut m = signed_in();
    ch(&mut m, '3');
    ch(&mut m, '/');
    let fx = key(&mut m, Key::Ctrl('c'));
    assert!(fx.contains(&Effect::Quit), "{fx:?}");
    let mut s = settings();
    s.locked = true;
    let mut m = Model::new(s, now());
    assert!(key(&mut m, Key::Ctrl('c')).is_empty());
    assert!(!m.quit);
}
