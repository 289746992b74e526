//! Device sign-in (RFC 8628) as pure `update` tests with a fake clock: polling, slow_down, refusal, expiry,
//! cancelling, the tokens' life in the session, and that no Debug output holds a token.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixtures::*;
use common::update::requests;
use indsigt::kiosk::device::{AuthError, DeviceAuthorization, DeviceFlow, Poll, Tokens};
use indsigt::kiosk::{
    AuthEffect, Effect, Key, Loaded, Model, Msg, Notice, Request, Screen, update,
};
use indsigt::source::{AccessToken, Principal, SourceError};
use jiff::{SignedDuration, Timestamp};

fn at(ms: i64) -> Timestamp {
    now() + SignedDuration::from_millis(ms)
}

fn device_model() -> Model {
    let mut s = settings();
    s.device_sign_in = true;
    Model::new(s, now())
}

fn auth(interval: Option<u64>, expires_in: u64) -> DeviceAuthorization {
    DeviceAuthorization {
        device_code: AccessToken::new("device-code-secret"),
        user_code: "WDJBMJHT".into(),
        verification_uri: "https://broker.example/device".into(),
        verification_uri_complete: Some("https://broker.example/device?user_code=WDJBMJHT".into()),
        expires_in,
        interval,
    }
}

fn tokens() -> Tokens {
    Tokens {
        access: AccessToken::new("access-token-secret"),
        refresh: Some(AccessToken::new("refresh-token-secret")),
    }
}

/// Opens the device sign-in in English and delivers the broker's answer at `now()`.
fn waiting(a: DeviceAuthorization) -> Model {
    let mut m = device_model();
    let fx = update(&mut m, Msg::Key(Key::Char('2'), now()));
    assert_eq!(*m.screen(), Screen::DeviceSignIn);
    assert_eq!(fx, vec![Effect::Auth(AuthEffect::Start { attempt: 1 })]);
    update(
        &mut m,
        Msg::DeviceStarted {
            attempt: 1,
            result: Ok(a),
        },
    );
    m
}

fn polls(fx: &[Effect]) -> usize {
    fx.iter()
        .filter(|e| matches!(e, Effect::Auth(AuthEffect::Poll { .. })))
        .count()
}

fn tick(m: &mut Model, ms: i64) -> Vec<Effect> {
    update(m, Msg::Tick(at(ms)))
}

fn polled(m: &mut Model, ms: i64, poll: Poll) {
    m.now = at(ms);
    let attempt = m.device_attempt;
    update(m, Msg::Polled { attempt, poll });
}

fn interval(m: &Model) -> u64 {
    match &m.device {
        Some(DeviceFlow::Waiting(w)) => w.interval_secs,
        other => panic!("not waiting: {other:?}"),
    }
}

#[test]
fn polls_at_the_interval_and_slow_down_adds_exactly_five_seconds_each_time() {
    let mut m = waiting(auth(Some(5), 600));
    assert_eq!(polls(&tick(&mut m, 4_999)), 0);
    assert_eq!(polls(&tick(&mut m, 5_000)), 1);
    // No second poll while one is on its way.
    assert_eq!(polls(&tick(&mut m, 9_000)), 0);
    polled(&mut m, 5_200, Poll::SlowDown);
    assert_eq!(interval(&m), 10);
    assert_eq!(polls(&tick(&mut m, 15_199)), 0);
    assert_eq!(polls(&tick(&mut m, 15_200)), 1);
    polled(&mut m, 15_300, Poll::SlowDown);
    assert_eq!(interval(&m), 15);
    assert_eq!(polls(&tick(&mut m, 30_299)), 0);
    assert_eq!(polls(&tick(&mut m, 30_300)), 1);
    polled(&mut m, 30_400, Poll::Pending);
    assert_eq!(interval(&m), 15, "pending keeps the interval");
    assert_eq!(polls(&tick(&mut m, 45_400)), 1);
}

#[test]
fn a_missing_zero_or_absurd_interval_is_made_sane() {
    assert_eq!(interval(&waiting(auth(None, 600))), 5);
    assert_eq!(interval(&waiting(auth(Some(0), 600))), 5);
    assert_eq!(interval(&waiting(auth(Some(86_400), 600))), 60);
}

#[test]
fn access_denied_is_final_and_enter_starts_again() {
    let mut m = waiting(auth(Some(5), 600));
    tick(&mut m, 5_000);
    polled(&mut m, 5_100, Poll::Denied);
    assert_eq!(m.device, Some(DeviceFlow::Denied));
    assert_eq!(polls(&tick(&mut m, 60_000)), 0);
    let fx = update(&mut m, Msg::Key(Key::Enter, at(61_000)));
    assert_eq!(fx, vec![Effect::Auth(AuthEffect::Start { attempt: 2 })]);
    assert_eq!(m.device, Some(DeviceFlow::Starting));
}

#[test]
fn expired_token_is_final_and_the_clock_expires_the_code_too() {
    let mut m = waiting(auth(Some(5), 600));
    tick(&mut m, 5_000);
    polled(&mut m, 5_100, Poll::Expired);
    assert_eq!(m.device, Some(DeviceFlow::Expired));

    let mut m = waiting(auth(Some(5), 30));
    for s in (5..30).step_by(5) {
        tick(&mut m, s * 1000);
        polled(&mut m, s * 1000 + 10, Poll::Pending);
    }
    tick(&mut m, 30_000);
    assert_eq!(m.device, Some(DeviceFlow::Expired));
}

#[test]
fn network_errors_while_polling_are_retried_within_the_expiry() {
    let mut m = waiting(auth(Some(5), 600));
    tick(&mut m, 5_000);
    polled(&mut m, 5_100, Poll::Unreachable);
    assert!(matches!(m.device, Some(DeviceFlow::Waiting(_))));
    assert_eq!(polls(&tick(&mut m, 10_100)), 1);
}

#[test]
fn a_broken_broker_is_said_in_words_and_can_be_retried() {
    let mut m = device_model();
    update(&mut m, Msg::Key(Key::Char('1'), now()));
    update(
        &mut m,
        Msg::DeviceStarted {
            attempt: 1,
            result: Err(AuthError::NoDeviceEndpoint),
        },
    );
    assert_eq!(
        m.device,
        Some(DeviceFlow::Failed(AuthError::NoDeviceEndpoint))
    );
    assert_eq!(update(&mut m, Msg::Key(Key::Char('1'), now())).len(), 1);
}

#[test]
fn cancelling_forgets_the_code_and_drops_late_answers() {
    let mut m = waiting(auth(Some(5), 600));
    tick(&mut m, 5_000);
    update(&mut m, Msg::Key(Key::Esc, at(5_100)));
    assert_eq!(*m.screen(), Screen::Attract);
    assert_eq!(m.device, None);
    // The poll that was on its way says "signed in": it must not sign anyone in.
    update(
        &mut m,
        Msg::Polled {
            attempt: 1,
            poll: Poll::Tokens(tokens()),
        },
    );
    assert_eq!(*m.screen(), Screen::Attract);
    assert!(m.device.is_none() && m.session.is_none());
}

fn signed_in() -> Model {
    let mut m = waiting(auth(Some(5), 600));
    tick(&mut m, 5_000);
    polled(&mut m, 5_100, Poll::Tokens(tokens()));
    assert_eq!(*m.screen(), Screen::Helper { citizen: 0 });
    let fx = update(&mut m, Msg::Key(Key::Char('3'), at(6_000)));
    // First whom they may act for; no one: their own overview.
    assert_eq!(*m.screen(), Screen::ChooseWho);
    assert_eq!(requests(&fx), vec![Request::Represented]);
    let generation = m.generation;
    let fx = update(
        &mut m,
        Msg::Loaded {
            generation,
            result: Loaded::Represented(Ok(Vec::new())),
        },
    );
    assert_eq!(*m.screen(), Screen::Overview);
    let s = m.session.as_ref().unwrap();
    assert_eq!(
        s.principal,
        Principal::Bearer(AccessToken::new("access-token-secret"))
    );
    assert_eq!(s.refresh, Some(AccessToken::new("refresh-token-secret")));
    assert!(fx.iter().all(|e| matches!(
        e,
        Effect::Fetch {
            principal: Some(Principal::Bearer(_)),
            ..
        }
    )));
    m
}

#[test]
fn tokens_lead_to_the_helper_question_and_a_session_with_a_bearer_token() {
    let m = signed_in();
    assert!(m.device.is_none(), "the tokens moved into the session");
}

fn unauthorized(m: &mut Model) -> Vec<Effect> {
    let generation = m.generation;
    update(
        m,
        Msg::Loaded {
            generation,
            result: Loaded::Overview(Err(SourceError::Unauthorized)),
        },
    )
}

#[test]
fn a_401_refreshes_once_silently_then_ends_the_session_with_a_message() {
    let mut m = signed_in();
    let fx = unauthorized(&mut m);
    assert_eq!(
        fx,
        vec![Effect::Auth(AuthEffect::Refresh {
            generation: m.generation,
            refresh: AccessToken::new("refresh-token-secret")
        })]
    );
    let generation = m.generation;
    let fresh = Tokens {
        access: AccessToken::new("new-access"),
        refresh: None,
    };
    let fx = update(
        &mut m,
        Msg::Refreshed {
            generation,
            result: Ok(fresh),
        },
    );
    let requests: Vec<Request> = fx
        .iter()
        .filter_map(|e| match e {
            Effect::Fetch {
                request, principal, ..
            } => {
                assert_eq!(
                    *principal,
                    Some(Principal::Bearer(AccessToken::new("new-access")))
                );
                Some(request.clone())
            }
            _ => None,
        })
        .collect();
    assert_eq!(requests, vec![Request::Citizen, Request::Overview]);
    // A second 401 ends the session and says so.
    let fx = unauthorized(&mut m);
    assert!(fx.contains(&Effect::PurgeScreen));
    assert!(m.session.is_none());
    assert_eq!(*m.screen(), Screen::Attract);
    assert_eq!(m.notice, Some(Notice::Error(SourceError::Unauthorized)));
}

#[test]
fn a_failed_refresh_ends_the_session() {
    let mut m = signed_in();
    unauthorized(&mut m);
    let generation = m.generation;
    update(
        &mut m,
        Msg::Refreshed {
            generation,
            result: Err(AuthError::Unreachable),
        },
    );
    assert!(m.session.is_none());
    assert_eq!(m.notice, Some(Notice::Error(SourceError::Unauthorized)));
}

#[test]
fn sign_out_and_timeout_drop_the_tokens_and_revoke_the_refresh_token() {
    let mut m = signed_in();
    // The sign-out key asks first; the skip signs out.
    assert!(update(&mut m, Msg::Key(Key::Char('x'), at(7_000))).is_empty());
    let fx = update(&mut m, Msg::Key(Key::Esc, at(7_001)));
    assert_eq!(
        fx,
        vec![
            Effect::PurgeScreen,
            Effect::EndSession,
            Effect::Auth(AuthEffect::Revoke(AccessToken::new("refresh-token-secret")))
        ]
    );
    assert!(m.session.is_none());
    let mut m = signed_in();
    let fx = update(&mut m, Msg::Tick(at(6_000 + 121_000)));
    assert!(
        fx.contains(&Effect::Auth(AuthEffect::Revoke(AccessToken::new(
            "refresh-token-secret"
        ))))
    );
    assert!(m.session.is_none());
}

#[test]
fn no_debug_output_of_any_session_holding_type_contains_a_token() {
    let mut m = waiting(auth(Some(5), 600));
    let fx = tick(&mut m, 5_000);
    let mut dumps = vec![
        format!("{m:?}"),
        format!("{fx:?}"),
        format!("{:?}", auth(None, 1)),
    ];
    polled(&mut m, 5_100, Poll::Tokens(tokens()));
    dumps.push(format!("{m:?}"));
    dumps.push(format!("{:?}", Poll::Tokens(tokens())));
    let mut m = signed_in();
    dumps.push(format!("{m:?}"));
    dumps.push(format!("{:?}", m.session));
    dumps.push(format!("{:?}", unauthorized(&mut m)));
    let generation = m.generation;
    dumps.push(format!(
        "{:?}",
        Msg::Refreshed {
            generation,
            result: Ok(tokens())
        }
    ));
    dumps.push(format!(
        "{:?}",
        update(&mut m, Msg::Key(Key::Char('x'), at(9_000)))
    ));
    // The answer at sign-out, with its feedback effect.
    dumps.push(format!(
        "{:?}",
        update(&mut m, Msg::Key(Key::Char('1'), at(9_001)))
    ));
    for d in dumps {
        for secret in [
            "device-code-secret",
            "access-token-secret",
            "refresh-token-secret",
        ] {
            assert!(!d.contains(secret), "{secret} in {d}");
        }
        assert!(d.contains("REDACTED") || !d.contains("AccessToken"), "{d}");
    }
}
