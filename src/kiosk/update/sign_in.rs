//! Starting a session: the demo citizen or the device sign-in's tokens, then (for a bearer token) whom the
//! citizen may act for, and the visit to their own data or to the data of the person they chose.

use super::super::effect::{Effect, Request};
use super::super::menu::WhoItem;
use super::super::model::{Loadable, Model, Session};
use super::super::screen::{Helper, Screen};
use super::fetch;
use crate::domain::port::{KioskVisit, Principal};

/// Signs in the chosen demo citizen, or the device sign-in's citizen, with the helper they named.
pub fn sign_in(model: &mut Model, citizen: usize, helper: Helper) -> Vec<Effect> {
    let tokens = super::device::take_tokens(model);
    let (principal, refresh) = match tokens {
        Some(t) => (Principal::Bearer(t.access), t.refresh),
        None => {
            let Some(id) = model
                .demo_citizens
                .ready()
                .and_then(|list| list.get(citizen))
                .map(|c| c.citizen.id.clone())
            else {
                return Vec::new();
            };
            (Principal::Demo(id), None)
        }
    };
    sign_in_with(model, principal, refresh, helper)
}

/// Starts the session of `principal`: for a bearer token, first whom they may act for.
pub fn sign_in_with(
    model: &mut Model,
    principal: Principal,
    refresh: Option<crate::domain::port::AccessToken>,
    helper: Helper,
) -> Vec<Effect> {
    model.generation += 1;
    let bearer = principal.token().is_some();
    let mut session = Session::new(principal, helper, model.now);
    session.refresh = refresh;
    if bearer {
        // First whom they may act for: the server knows; until it answers, the chooser waits.
        session.represented = Loadable::Loading;
        model.session = Some(session);
        model.stack = vec![super::super::model::Place::new(Screen::ChooseWho)];
        return vec![fetch(model, Request::Represented)];
    }
    model.session = Some(session);
    begin_visit(model, None)
}

/// The session's data is now that of the signed-in citizen (`None`) or of a person they act for: the
/// overview opens, and the visit is recorded (the server logs it for both when it is for someone else).
pub fn begin_visit(model: &mut Model, acting: Option<crate::domain::Represented>) -> Vec<Effect> {
    let Some(session) = model.session.as_mut() else {
        return Vec::new();
    };
    if let (Some(person), Some(token)) = (&acting, session.principal.token()) {
        session.principal = Principal::ActingFor {
            token: token.clone(),
            handle: crate::domain::port::AccessToken::new(person.handle.clone()),
        };
    }
    session.acting = acting;
    let helper = session.helper;
    model.stack = vec![super::super::model::Place::new(Screen::Overview)];
    let visit = KioskVisit {
        kiosk_id: model.settings.kiosk_id.clone(),
        location: model.settings.location.clone(),
        started_at: model.now,
        helper,
    };
    vec![
        fetch(model, Request::Citizen),
        fetch(model, Request::Overview),
        fetch(model, Request::Systems),
        fetch(model, Request::RecordVisit(visit)),
    ]
}

/// A pick on "Whose data do you want to see?".
pub fn choose_who(model: &mut Model, index: usize) -> Vec<Effect> {
    let Some(session) = model.session.as_ref() else {
        return Vec::new();
    };
    let person = match WhoItem::shown(session).get(index) {
        Some(WhoItem::Myself) => None,
        Some(WhoItem::Other(i)) => {
            let Some(person) = session.represented.ready().and_then(|l| l.get(*i)) else {
                return Vec::new();
            };
            Some(person.clone())
        }
        None => return Vec::new(),
    };
    begin_visit(model, person)
}
