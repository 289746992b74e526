//! The device sign-in as pure logic: start, poll on the clock, slow down, give up, and the tokens' life
//! in the session (one silent refresh after a 401, revocation at sign-out).

use super::super::device::{
    AuthError, DeviceAuthorization, DeviceFlow, Poll, SLOW_DOWN_SECS, Tokens, Waiting, secs,
};
use super::super::effect::{AuthEffect, Effect, Request};
use super::super::model::{Model, Notice};
use super::super::screen::Screen;
use super::super::staff::Broker;
use super::{fetch, push, sign_out};
use crate::domain::port::SourceError;
use jiff::Timestamp;

/// Opens the sign-in screen and asks the broker (the citizen's, or the staff issuer) for a code.
pub fn start(model: &mut Model) -> Vec<Effect> {
    if *model.screen() != Screen::DeviceSignIn {
        push(model, Screen::DeviceSignIn);
    }
    model.device_attempt += 1;
    model.device = Some(DeviceFlow::Starting);
    let attempt = model.device_attempt;
    vec![Effect::Auth(match model.device_broker {
        Broker::Citizen => AuthEffect::Start { attempt },
        Broker::Staff => AuthEffect::StaffStart { attempt },
    })]
}

/// Leaves the sign-in: the code on screen is forgotten and late answers for it are dropped.
pub fn cancel(model: &mut Model) {
    model.device_attempt += 1;
    model.device = None;
    model.device_broker = Broker::Citizen;
    if *model.screen() == Screen::DeviceSignIn {
        model.stack.pop();
    }
}

/// Keys on the sign-in screen: Esc cancels; after a refusal or an expired code, Enter or 1 starts again.
/// Other keys (language, help, contrast, hide) work as everywhere: `None`.
pub fn key(model: &mut Model, key: super::Key) -> Option<Vec<Effect>> {
    use super::Key;
    let can_restart = matches!(
        model.device,
        Some(DeviceFlow::Denied | DeviceFlow::Expired | DeviceFlow::Failed(_))
    );
    match key {
        Key::Esc => {
            cancel(model);
            Some(Vec::new())
        }
        Key::Enter | Key::Char('1') if can_restart => Some(start(model)),
        _ => None,
    }
}

pub fn started(model: &mut Model, attempt: u64, result: Result<DeviceAuthorization, AuthError>) {
    if attempt != model.device_attempt || model.device != Some(DeviceFlow::Starting) {
        return;
    }
    model.device = Some(match result {
        Ok(auth) => DeviceFlow::Waiting(Waiting::new(auth, model.now)),
        Err(e) => DeviceFlow::Failed(e),
    });
}

/// The clock: polls when the interval has passed, and gives up when the code expires.
pub fn tick(model: &mut Model, now: Timestamp) -> Vec<Effect> {
    let Some(DeviceFlow::Waiting(w)) = model.device.as_mut() else {
        return Vec::new();
    };
    if now >= w.expires_at {
        model.device = Some(DeviceFlow::Expired);
        return Vec::new();
    }
    if w.polling || now < w.next_poll_at {
        return Vec::new();
    }
    w.polling = true;
    let (attempt, device_code) = (model.device_attempt, w.auth.device_code.clone());
    vec![Effect::Auth(match model.device_broker {
        Broker::Citizen => AuthEffect::Poll {
            attempt,
            device_code,
        },
        Broker::Staff => AuthEffect::StaffPoll {
            attempt,
            device_code,
        },
    })]
}

pub fn polled(model: &mut Model, attempt: u64, poll: Poll) -> Vec<Effect> {
    if attempt != model.device_attempt {
        return Vec::new();
    }
    let now = model.now;
    let Some(DeviceFlow::Waiting(w)) = model.device.as_mut() else {
        return Vec::new();
    };
    w.polling = false;
    match poll {
        Poll::Pending | Poll::Unreachable => w.next_poll_at = now + secs(w.interval_secs),
        Poll::SlowDown => {
            w.interval_secs += SLOW_DOWN_SECS;
            w.next_poll_at = now + secs(w.interval_secs);
        }
        Poll::Denied => model.device = Some(DeviceFlow::Denied),
        Poll::Expired => model.device = Some(DeviceFlow::Expired),
        Poll::Failed(e) => model.device = Some(DeviceFlow::Failed(e)),
        Poll::Tokens(tokens) if model.device_broker == Broker::Staff => {
            // The member of staff is signed in: their token is only for opening the visit.
            model.device = None;
            super::staff::signed_in(model, tokens.access);
        }
        Poll::Tokens(tokens) => {
            model.device = Some(DeviceFlow::SignedIn(tokens));
            push(model, Screen::Helper { citizen: 0 });
        }
    }
    Vec::new()
}

/// The tokens of a finished device sign-in, taken for the new session.
pub fn take_tokens(model: &mut Model) -> Option<Tokens> {
    match model.device.take() {
        Some(DeviceFlow::SignedIn(t)) => Some(t),
        other => {
            model.device = other;
            None
        }
    }
}

/// A 401 in a session: refresh once, silently, if a refresh token was issued; otherwise end the session
/// and ask the citizen to sign in again.
pub fn unauthorized(model: &mut Model) -> Vec<Effect> {
    let Some(session) = model.session.as_mut() else {
        return Vec::new();
    };
    if session.principal.token().is_none() {
        return Vec::new();
    }
    if let (Some(refresh), false) = (session.refresh.clone(), session.refreshed) {
        session.refreshed = true;
        return vec![Effect::Auth(AuthEffect::Refresh {
            generation: model.generation,
            refresh,
        })];
    }
    let effects = sign_out(model);
    model.notice = Some(Notice::Error(SourceError::Unauthorized));
    effects
}

pub fn refreshed(
    model: &mut Model,
    generation: u64,
    result: Result<Tokens, AuthError>,
) -> Vec<Effect> {
    if generation != model.generation {
        return Vec::new();
    }
    match (result, model.session.as_mut()) {
        (Ok(tokens), Some(session)) => {
            session.principal = session.principal.with_token(tokens.access);
            if tokens.refresh.is_some() {
                session.refresh = tokens.refresh;
            }
            let requests = [Request::Citizen, Request::Overview];
            requests.into_iter().map(|r| fetch(model, r)).collect()
        }
        (Err(_), Some(_)) => {
            let effects = sign_out(model);
            model.notice = Some(Notice::Error(SourceError::Unauthorized));
            effects
        }
        (_, None) => Vec::new(),
    }
}
