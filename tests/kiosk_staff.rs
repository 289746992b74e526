//! Sign-in with a member of staff, as pure `update` tests: offered only on a kiosk set up for it; the
//! staff issuer's device flow; the CPR entry (digits only, ten at most, Backspace, never shown); the
//! server's answer opening an ordinary session with staff as the helper, or the reason said on the entry
//! screen; Esc and sign-out forget the digits and the staff token, and sign-out ends the visit on the
//! server too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixtures::*;
use common::update::{key, loaded, requests};
use indsigt::kiosk::device::{DeviceAuthorization, Poll, Tokens};
use indsigt::kiosk::staff::{Broker, StaffProblem};
use indsigt::kiosk::{AuthEffect, Effect, Key, Loaded, Model, Msg, Request, Screen, update};
use indsigt::source::{AccessToken, Helper, Principal, SourceError};

fn kiosk(staff_sign_in: bool) -> Model {
    let mut m = model();
    m.settings.device_sign_in = true;
    m.settings.staff_sign_in = staff_sign_in;
    m
}

fn code() -> DeviceAuthorization {
    DeviceAuthorization {
        device_code: AccessToken::new("staff-dc"),
        user_code: "STAFFCOD".into(),
        verification_uri: "https://staff.test/device".into(),
        verification_uri_complete: None,
        expires_in: 600,
        interval: Some(5),
    }
}

/// On the citizen's device sign-in, S, then the staff issuer's code and the staff member's tokens.
fn staff_signed_in() -> Model {
    let mut m = kiosk(true);
    key(&mut m, Key::Char('2'));
    assert_eq!(*m.screen(), Screen::DeviceSignIn);
    let fx = key(&mut m, Key::Char('s'));
    assert_eq!(m.device_broker, Broker::Staff);
    let attempt = m.device_attempt;
    assert_eq!(fx, vec![Effect::Auth(AuthEffect::StaffStart { attempt })]);
    update(
        &mut m,
        Msg::DeviceStarted {
            attempt,
            result: Ok(code()),
        },
    );
    let fx = update(
        &mut m,
        Msg::Tick(now() + jiff::SignedDuration::from_secs(6)),
    );
    assert_eq!(
        fx,
        vec![Effect::Auth(AuthEffect::StaffPoll {
            attempt,
            device_code: AccessToken::new("staff-dc")
        })]
    );
    update(
        &mut m,
        Msg::Polled {
            attempt,
            poll: Poll::Tokens(Tokens {
                access: AccessToken::new("staff-token"),
                refresh: None,
            }),
        },
    );
    assert_eq!(*m.screen(), Screen::StaffCpr);
    m
}

fn typed(m: &mut Model, digits: &str) {
    for c in digits.chars() {
        key(m, Key::Char(c));
    }
}

#[test]
fn it_is_offered_only_on_a_kiosk_set_up_for_it() {
    let mut m = kiosk(false);
    key(&mut m, Key::Char('2'));
    let fx = key(&mut m, Key::Char('s'));
    assert!(fx.is_empty());
    assert_eq!(m.device_broker, Broker::Citizen);
    let hints: Vec<_> = indsigt::kiosk::keymap::footer_now(&m)
        .iter()
        .map(|b| b.hint)
        .collect();
    assert!(!hints.contains(&"hint-staff-sign-in"));

    let mut m = kiosk(true);
    key(&mut m, Key::Char('2'));
    let hints: Vec<_> = indsigt::kiosk::keymap::footer_now(&m)
        .iter()
        .map(|b| b.hint)
        .collect();
    assert!(hints.contains(&"hint-staff-sign-in"));
}

#[test]
fn the_staff_members_sign_in_leads_to_the_cpr_entry_not_to_a_session() {
    let m = staff_signed_in();
    assert!(m.session.is_none());
    assert!(m.device.is_none());
    assert_eq!(m.device_broker, Broker::Citizen);
    // The staff token is held for the one call that opens the visit, and never printed.
    let text = format!("{m:?}");
    assert!(!text.contains("staff-token"), "{text}");
}

#[test]
fn the_cpr_entry_takes_ten_digits_and_backspace_and_shows_none() {
    let mut m = staff_signed_in();
    typed(&mut m, "310-241 48229999");
    let entry = m.staff.as_ref().unwrap();
    assert_eq!(
        entry.digits, "3102414822",
        "other keys and extra digits are not taken"
    );
    key(&mut m, Key::Backspace);
    assert_eq!(m.staff.as_ref().unwrap().digits, "310241482");
    let screen = format!("{m:?}");
    assert!(!screen.contains("310241"), "{screen}");
    assert!(
        !indsigt::ui::screens::script(&m, true)
            .iter()
            .any(|s| s.contains("310241"))
    );
}

#[test]
fn enter_with_fewer_digits_asks_for_all_ten_and_sends_nothing() {
    let mut m = staff_signed_in();
    typed(&mut m, "31024");
    let fx = key(&mut m, Key::Enter);
    assert!(fx.is_empty());
    assert_eq!(
        m.staff.as_ref().unwrap().problem,
        Some(StaffProblem::Incomplete)
    );
    // Not a CPR number (month 13) either.
    typed(&mut m, "11234");
    let mut bad = m.clone();
    bad.staff.as_mut().unwrap().digits = "3113414822".into();
    assert!(key(&mut bad, Key::Enter).is_empty());
}

fn submitted() -> (Model, Vec<Effect>) {
    let mut m = staff_signed_in();
    typed(&mut m, "3102414822");
    let fx = key(&mut m, Key::Enter);
    (m, fx)
}

#[test]
fn enter_sends_the_staff_token_and_the_cpr_number_and_waits() {
    let (mut m, fx) = submitted();
    match requests(&fx).as_slice() {
        [Request::OpenAssisted { staff, cpr }] => {
            assert_eq!(*staff, AccessToken::new("staff-token"));
            assert_eq!(cpr.reveal(), "310241-4822");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        fx[0],
        Effect::Fetch {
            principal: None,
            ..
        }
    ));
    // While it is on its way, keys do not change the number.
    typed(&mut m, "1");
    key(&mut m, Key::Backspace);
    assert_eq!(m.staff.as_ref().unwrap().digits, "3102414822");
}

#[test]
fn the_servers_session_is_an_ordinary_sign_in_with_staff_as_the_helper() {
    let (mut m, _) = submitted();
    let fx = loaded(
        &mut m,
        Loaded::AssistedOpened(Ok(AccessToken::new("ias_session"))),
    );
    assert!(m.staff.is_none(), "the digits and the staff token are gone");
    let s = m.session.as_ref().unwrap();
    assert_eq!(
        s.principal,
        Principal::Bearer(AccessToken::new("ias_session"))
    );
    assert_eq!(s.helper, Helper::Staff);
    assert_eq!(requests(&fx), vec![Request::Represented]);
    loaded(&mut m, Loaded::Represented(Ok(Vec::new())));
    assert_eq!(*m.screen(), Screen::Overview);

    // Sign-out ends the visit on the server, with the session's token.
    key(&mut m, Key::Char('x'));
    let fx = key(&mut m, Key::Esc);
    assert!(m.session.is_none());
    let ends: Vec<_> = fx
        .iter()
        .filter(|e| {
            matches!(e, Effect::Fetch { request: Request::EndAssisted, principal: Some(p), .. }
                if *p == Principal::Bearer(AccessToken::new("ias_session")))
        })
        .collect();
    assert_eq!(ends.len(), 1, "{fx:?}");
}

#[test]
fn a_refusal_is_said_on_the_entry_and_the_digits_are_cleared() {
    for (error, problem) in [
        (
            SourceError::Forbidden("forbidden".into()),
            StaffProblem::NoRole,
        ),
        (
            SourceError::Forbidden("not_configured".into()),
            StaffProblem::KioskNotAllowed,
        ),
        (SourceError::NotFound, StaffProblem::UnknownCitizen),
        (SourceError::Timeout, StaffProblem::Failed),
    ] {
        let (mut m, _) = submitted();
        loaded(&mut m, Loaded::AssistedOpened(Err(error)));
        assert_eq!(*m.screen(), Screen::StaffCpr);
        let entry = m.staff.as_ref().unwrap();
        assert_eq!(entry.problem, Some(problem));
        assert!(entry.digits.is_empty() && !entry.sending);
        assert!(m.session.is_none());
    }
    // The staff sign-in itself has expired: back to the start, with the reason.
    let (mut m, _) = submitted();
    loaded(
        &mut m,
        Loaded::AssistedOpened(Err(SourceError::Unauthorized)),
    );
    assert!(m.staff.is_none());
    assert_ne!(*m.screen(), Screen::StaffCpr);
    assert!(m.notice.is_some());
}

#[test]
fn esc_forgets_the_digits_and_the_staff_token() {
    let mut m = staff_signed_in();
    typed(&mut m, "310241");
    key(&mut m, Key::Esc);
    assert!(m.staff.is_none());
    assert_ne!(*m.screen(), Screen::StaffCpr);
    // A late answer for the abandoned entry signs no one in.
    loaded(
        &mut m,
        Loaded::AssistedOpened(Ok(AccessToken::new("ias_late"))),
    );
    assert!(m.session.is_none());
}

#[test]
fn esc_on_the_staff_code_goes_back_to_the_start_as_the_citizens_sign_in() {
    let mut m = kiosk(true);
    key(&mut m, Key::Char('2'));
    key(&mut m, Key::Char('s'));
    key(&mut m, Key::Esc);
    assert_eq!(*m.screen(), Screen::Attract);
    assert_eq!(m.device_broker, Broker::Citizen);
}

#[test]
fn continue_online_is_not_offered_while_staff_type_the_number() {
    let mut m = staff_signed_in();
    typed(&mut m, "3102");
    let hints: Vec<_> = indsigt::kiosk::keymap::footer_now(&m)
        .iter()
        .map(|b| b.hint)
        .collect();
    assert!(!hints.contains(&"hint-online"), "{hints:?}");
    key(&mut m, Key::Char('o'));
    assert_eq!(*m.screen(), Screen::StaffCpr);
    assert_eq!(m.staff.as_ref().unwrap().digits, "3102");
}
