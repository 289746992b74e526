//! Acting for someone else, as pure `update` tests: after a device sign-in the kiosk asks whom the server
//! says the citizen may act for; no one means their own overview at once; a choice puts the person's
//! handle on every call, the visit (which the server logs for both people) included; the banner names the
//! person on every screen; a power of attorney to see shows no report and no withdrawal; a refresh keeps
//! the choice, and sign-out forgets it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixtures::*;
use common::update::{key, loaded, requests};
use indsigt::domain::{Basis, Represented};
use indsigt::kiosk::device::{DeviceAuthorization, Poll, Tokens};
use indsigt::kiosk::{Effect, Key, Loaded, Model, Msg, Request, Screen, update};
use indsigt::source::{AccessToken, Principal, SourceError};

fn person(name: &str, basis: Basis, may_act: bool) -> Represented {
    Represented {
        handle: format!("handle-of-{name}"),
        name: name.into(),
        basis,
        may_act,
    }
}

fn people() -> Vec<Represented> {
    vec![
        person("Emil Jensen", Basis::Custody, true),
        person("Karl Hansen", Basis::PowerOfAttorney, false),
    ]
}

/// Signed in on the phone, "no one is helping" answered: the chooser waits for the server's list.
fn signed_in() -> (Model, Vec<Effect>) {
    let mut m = model();
    m.settings.device_sign_in = true;
    key(&mut m, Key::Char('1'));
    let attempt = m.device_attempt;
    update(
        &mut m,
        Msg::DeviceStarted {
            attempt,
            result: Ok(DeviceAuthorization {
                device_code: AccessToken::new("dc"),
                user_code: "ABCD".into(),
                verification_uri: "https://broker.test/device".into(),
                verification_uri_complete: None,
                expires_in: 600,
                interval: Some(5),
            }),
        },
    );
    update(
        &mut m,
        Msg::Polled {
            attempt,
            poll: Poll::Tokens(Tokens {
                access: AccessToken::new("access"),
                refresh: Some(AccessToken::new("refresh")),
            }),
        },
    );
    let fx = key(&mut m, Key::Char('1'));
    (m, fx)
}

fn principals(fx: &[Effect]) -> Vec<Option<Principal>> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Fetch { principal, .. } => Some(principal.clone()),
            _ => None,
        })
        .collect()
}

fn acting_for(handle: &str) -> Principal {
    Principal::ActingFor {
        token: AccessToken::new("access"),
        handle: AccessToken::new(handle),
    }
}

fn visit_requests() -> Vec<Request> {
    vec![
        Request::Citizen,
        Request::Overview,
        Request::Systems,
        Request::RecordVisit(indsigt::source::KioskVisit {
            kiosk_id: "kiosk-7".into(),
            location: settings().location,
            started_at: now(),
            helper: indsigt::source::Helper::NoOne,
        }),
    ]
}

#[test]
fn after_sign_in_the_kiosk_asks_the_server_whom_the_citizen_may_act_for() {
    let (m, fx) = signed_in();
    assert_eq!(*m.screen(), Screen::ChooseWho);
    assert_eq!(requests(&fx), vec![Request::Represented]);
    assert!(m.session.as_ref().unwrap().represented.is_loading());
    // Nothing is shown of anyone's data while the server answers, and Esc does not leave the question.
    let mut m = m;
    key(&mut m, Key::Esc);
    assert_eq!(*m.screen(), Screen::ChooseWho);
}

#[test]
fn no_one_to_act_for_opens_the_own_overview_at_once_and_records_the_own_visit() {
    let (mut m, _) = signed_in();
    let fx = loaded(&mut m, Loaded::Represented(Ok(Vec::new())));
    assert_eq!(*m.screen(), Screen::Overview);
    assert_eq!(requests(&fx), visit_requests());
    assert!(
        principals(&fx)
            .iter()
            .all(|p| *p == Some(Principal::Bearer(AccessToken::new("access"))))
    );
    assert_eq!(m.session.as_ref().unwrap().acting, None);
}

#[test]
fn a_list_the_server_could_not_give_signs_the_citizen_in_as_themself() {
    let (mut m, _) = signed_in();
    let fx = loaded(&mut m, Loaded::Represented(Err(SourceError::Timeout)));
    assert_eq!(*m.screen(), Screen::Overview);
    assert_eq!(requests(&fx), visit_requests());
    assert!(m.notice.is_none(), "no error on the citizen's screen");
}

#[test]
fn the_chooser_offers_yourself_first_then_each_person_in_the_servers_order() {
    let (mut m, _) = signed_in();
    let fx = loaded(&mut m, Loaded::Represented(Ok(people())));
    assert!(fx.is_empty(), "nothing is read before the choice");
    assert_eq!(*m.screen(), Screen::ChooseWho);
    assert_eq!(indsigt::kiosk::update::list_len(&m), 3);
    // Digit 1 is yourself.
    let mut own = m.clone();
    let fx = key(&mut own, Key::Char('1'));
    assert_eq!(requests(&fx), visit_requests());
    assert_eq!(own.session.as_ref().unwrap().acting, None);
    assert_eq!(
        principals(&fx)[0],
        Some(Principal::Bearer(AccessToken::new("access")))
    );
    // A digit past the list does nothing.
    let fx = key(&mut m, Key::Char('4'));
    assert!(fx.is_empty());
    assert_eq!(*m.screen(), Screen::ChooseWho);
}

#[test]
fn choosing_a_child_sends_the_childs_handle_on_every_call_and_the_visit_for_both_logs() {
    let (mut m, _) = signed_in();
    loaded(&mut m, Loaded::Represented(Ok(people())));
    let fx = key(&mut m, Key::Char('2'));
    assert_eq!(*m.screen(), Screen::Overview);
    // The visit is one call with the child's handle: the server writes it in the child's log and in the
    // parent's own, with actor and subject apart.
    assert_eq!(requests(&fx), visit_requests());
    assert!(
        principals(&fx)
            .iter()
            .all(|p| *p == Some(acting_for("handle-of-Emil Jensen")))
    );
    let s = m.session.as_ref().unwrap();
    assert_eq!(s.acting.as_ref().unwrap().name, "Emil Jensen");
    assert!(s.may_act());
    // Later calls carry it too.
    let fx = key(&mut m, Key::Char('4'));
    assert_eq!(*m.screen(), Screen::Consents);
    assert_eq!(
        principals(&fx),
        vec![Some(acting_for("handle-of-Emil Jensen"))]
    );
}

#[test]
fn the_banner_names_the_person_and_the_grounds_on_every_screen() {
    let (mut m, _) = signed_in();
    loaded(&mut m, Loaded::Represented(Ok(people())));
    assert_eq!(indsigt::ui::widgets::banner::text(&m), None);
    key(&mut m, Key::Char('3'));
    let banner = indsigt::ui::widgets::banner::text(&m).unwrap();
    assert_eq!(
        banner,
        "Du ser data om Karl Hansen. Din fuldmagt giver lov til at se."
    );
    for digit in ['1', '2', '3', '4', '5', '6', '7'] {
        let mut on = m.clone();
        key(&mut on, Key::Char(digit));
        assert_ne!(*on.screen(), Screen::Overview);
        assert_eq!(
            indsigt::ui::widgets::banner::text(&on).as_ref(),
            Some(&banner)
        );
    }
    key(&mut m, Key::Char('l'));
    assert_eq!(
        indsigt::ui::widgets::banner::text(&m).unwrap(),
        "You are looking at Karl Hansen's data, with power of attorney to see."
    );
}

fn consents_for(may_act: bool) -> Model {
    let (mut m, _) = signed_in();
    let list = vec![person("Karl Hansen", Basis::PowerOfAttorney, may_act)];
    loaded(&mut m, Loaded::Represented(Ok(list)));
    key(&mut m, Key::Char('2'));
    key(&mut m, Key::Char('4'));
    assert_eq!(*m.screen(), Screen::Consents);
    loaded(
        &mut m,
        Loaded::Consents(Ok(vec![consent(7, false), consent(8, false)])),
    );
    m
}

fn footer_keys(m: &Model) -> Vec<&'static str> {
    indsigt::kiosk::keymap::footer_now(m)
        .iter()
        .map(|b| b.label)
        .collect()
}

#[test]
fn a_power_of_attorney_to_see_shows_no_withdrawal_and_no_report() {
    let mut m = consents_for(false);
    assert!(!footer_keys(&m).contains(&"W"));
    let fx = key(&mut m, Key::Char('w'));
    assert!(fx.is_empty());
    assert_eq!(*m.screen(), Screen::Consents, "no question to withdraw");
    key(&mut m, Key::Enter);
    key(&mut m, Key::Char('2'));
    assert_eq!(*m.screen(), Screen::Consents, "nor by picking the consent");
    // The log entry: no report key.
    key(&mut m, Key::Esc);
    key(&mut m, Key::Char('3'));
    assert_eq!(*m.screen(), Screen::AccessLog);
    let generation = m.generation;
    update(
        &mut m,
        Msg::Loaded {
            generation,
            result: Loaded::AccessPage(0, Ok(page(0, 3, 3))),
        },
    );
    key(&mut m, Key::Enter);
    assert!(matches!(m.screen(), Screen::AccessEntry { .. }));
    assert!(!footer_keys(&m).contains(&"R"));
    key(&mut m, Key::Char('r'));
    assert!(matches!(m.screen(), Screen::AccessEntry { .. }));

    // The same with the privilege to act: both are there.
    let mut m = consents_for(true);
    assert!(footer_keys(&m).contains(&"W"));
    key(&mut m, Key::Char('w'));
    assert!(matches!(m.screen(), Screen::ConfirmWithdraw { id: 7 }));
}

#[test]
fn new_answers_are_not_marked_seen_for_someone_else() {
    let (mut m, _) = signed_in();
    loaded(&mut m, Loaded::Represented(Ok(people())));
    key(&mut m, Key::Char('2'));
    key(&mut m, Key::Char('7'));
    assert_eq!(*m.screen(), Screen::Requests);
    let answered = indsigt::domain::CitizenRequest {
        id: 1,
        reference: "H-1".into(),
        kind: indsigt::domain::RequestKind::Report,
        about: indsigt::domain::Text::same("Opslag"),
        handled_by: indsigt::domain::Text::same("DPO"),
        filed_at: now(),
        lang: indsigt::domain::Lang::Da,
        status: indsigt::domain::RequestStatus::Answered,
        answer: Some(indsigt::domain::Text::same("Svar")),
        updated_at: now(),
        unseen: true,
    };
    let fx = loaded(&mut m, Loaded::Requests(Ok(vec![answered])));
    assert!(!requests(&fx).contains(&Request::MarkRequestsSeen));
}

#[test]
fn a_refresh_keeps_whom_the_session_acts_for_and_sign_out_forgets_it() {
    let (mut m, _) = signed_in();
    loaded(&mut m, Loaded::Represented(Ok(people())));
    key(&mut m, Key::Char('2'));
    let fx = loaded(&mut m, Loaded::Overview(Err(SourceError::Unauthorized)));
    assert!(matches!(fx[..], [Effect::Auth(_)]));
    let generation = m.generation;
    update(
        &mut m,
        Msg::Refreshed {
            generation,
            result: Ok(Tokens {
                access: AccessToken::new("fresh"),
                refresh: None,
            }),
        },
    );
    assert_eq!(
        m.session.as_ref().unwrap().principal,
        Principal::ActingFor {
            token: AccessToken::new("fresh"),
            handle: AccessToken::new("handle-of-Emil Jensen"),
        }
    );
    key(&mut m, Key::Char('x'));
    key(&mut m, Key::Esc);
    assert!(m.session.is_none());
    assert_eq!(indsigt::ui::widgets::banner::text(&m), None);
    assert_eq!(*m.screen(), Screen::Attract);
}

#[test]
fn debug_output_names_no_one_and_no_handle() {
    let (mut m, _) = signed_in();
    loaded(&mut m, Loaded::Represented(Ok(people())));
    key(&mut m, Key::Char('2'));
    let text = format!("{m:?}");
    assert!(!text.contains("Emil"), "{text}");
    assert!(!text.contains("handle-of"), "{text}");
}
