//! What picking an item does on each screen.

use super::super::access_log::Period;
use super::super::effect::{Effect, Request};
use super::super::menu::{
    AttractItem, ConfirmItem, FeedbackItem, FilterItem, HelperItem, OverviewItem,
};
use super::super::model::{Loadable, Model};
use super::super::screen::{Screen, View};
use super::navigate::{list_len, needs_fetch};
use super::{fetch, push};

pub fn activate(model: &mut Model, index: usize) -> Vec<Effect> {
    if index >= list_len(model) {
        return Vec::new();
    }
    match model.screen().clone() {
        Screen::DeviceSignIn => Vec::new(),
        Screen::Attract => {
            let Some(item) = AttractItem::at(index) else {
                return Vec::new();
            };
            model.lang = item.lang();
            if model.settings.device_sign_in {
                return super::device::start(model);
            }
            push(model, Screen::SignIn);
            if needs_fetch(&model.demo_citizens) {
                model.demo_citizens = Loadable::Loading;
                vec![fetch(model, Request::DemoCitizens)]
            } else {
                Vec::new()
            }
        }
        Screen::SignIn => {
            push(model, Screen::Helper { citizen: index });
            Vec::new()
        }
        Screen::Helper { citizen } => match HelperItem::at(index) {
            Some(item) => super::sign_in::sign_in(model, citizen, item.helper()),
            None => Vec::new(),
        },
        Screen::ChooseWho => super::sign_in::choose_who(model, index),
        Screen::Overview => match OverviewItem::at(index) {
            Some(item) => open_section(model, item),
            None => Vec::new(),
        },
        Screen::Areas => {
            let Some(area) = model
                .session
                .as_ref()
                .and_then(|s| s.areas.ready())
                .and_then(|a| a.get(index))
                .map(|a| a.code.clone())
            else {
                return Vec::new();
            };
            push(model, Screen::Categories { area: area.clone() });
            if let Some(s) = model.session.as_mut() {
                s.categories = Loadable::Loading;
            }
            vec![fetch(model, Request::Categories(area))]
        }
        Screen::Categories { .. } => {
            let Some(id) = model
                .session
                .as_ref()
                .and_then(|s| s.categories.ready())
                .and_then(|(_, c)| c.get(index))
                .map(|c| c.id)
            else {
                return Vec::new();
            };
            push(model, Screen::Category { id });
            if let Some(s) = model.session.as_mut() {
                s.category = Loadable::Loading;
            }
            vec![fetch(model, Request::Category(id))]
        }
        Screen::AccessLog => {
            let Some(entry) = model
                .session
                .as_ref()
                .and_then(|s| s.log.entry(index))
                .cloned()
            else {
                return Vec::new();
            };
            let id = entry.id;
            if let Some(s) = model.session.as_mut() {
                s.entry = Loadable::Ready(entry);
            }
            push(model, Screen::AccessEntry { id });
            vec![fetch(model, Request::Reports)]
        }
        Screen::AccessFilter => match FilterItem::at(index) {
            Some(item) => filter_item(model, item),
            None => Vec::new(),
        },
        Screen::ConfirmReport { id } => {
            model.stack.pop();
            match ConfirmItem::at(index) {
                Some(ConfirmItem::Yes) => vec![fetch(model, Request::Report(id, model.lang))],
                _ => Vec::new(),
            }
        }
        Screen::Consents => {
            ask_withdraw(model);
            Vec::new()
        }
        Screen::ConfirmWithdraw { id } => {
            model.stack.pop();
            if ConfirmItem::at(index) != Some(ConfirmItem::Yes) {
                return Vec::new();
            }
            if let Some(c) = model.session.as_mut().and_then(|s| match &mut s.consents {
                Loadable::Ready(list) => list.iter_mut().find(|c| c.id == id),
                _ => None,
            }) {
                c.withdrawal_pending = true;
            }
            vec![fetch(model, Request::Withdraw(id, model.lang))]
        }
        Screen::Decisions => {
            push(model, Screen::Decision { index });
            Vec::new()
        }
        Screen::Requests => {
            push(model, Screen::Request { index });
            Vec::new()
        }
        Screen::Purposes => {
            push(model, Screen::Purpose { index });
            Vec::new()
        }
        Screen::Feedback => match FeedbackItem::at(index) {
            Some(item) => super::feedback::answer(model, item.answer()),
            None => Vec::new(),
        },
        Screen::StaffCpr => Vec::new(),
        Screen::Category { .. }
        | Screen::Purpose { .. }
        | Screen::AccessSearch
        | Screen::AccessEntry { .. }
        | Screen::Decision { .. }
        | Screen::Request { .. }
        | Screen::Rights
        | Screen::Online { .. }
        | Screen::Help
        | Screen::Operator => Vec::new(),
    }
}

/// The overview's numbered sections.
fn open_section(model: &mut Model, item: OverviewItem) -> Vec<Effect> {
    let Some(session) = model.session.as_mut() else {
        return Vec::new();
    };
    let (screen, request) = match item {
        OverviewItem::Data => (Screen::Areas, refresh(&mut session.areas, Request::Areas)),
        OverviewItem::Purposes => (
            Screen::Purposes,
            refresh(&mut session.purposes, Request::Purposes),
        ),
        OverviewItem::AccessLog => {
            let first = session
                .log
                .is_fresh()
                .then(|| session.log.restart())
                .flatten();
            push(model, Screen::AccessLog);
            return first
                .map(|r| vec![page_fetch(model, r)])
                .unwrap_or_default();
        }
        OverviewItem::Consents => (
            Screen::Consents,
            refresh(&mut session.consents, Request::Consents),
        ),
        OverviewItem::Decisions => (
            Screen::Decisions,
            refresh(&mut session.decisions, Request::Decisions),
        ),
        OverviewItem::Rights => (Screen::Rights, None),
        // Always fresh: an answer may have come since the screen was last open.
        OverviewItem::Requests => {
            session.requests = Loadable::Loading;
            (Screen::Requests, Some(Request::Requests))
        }
        OverviewItem::Online => (
            Screen::Online {
                view: View::Overview,
            },
            None,
        ),
    };
    push(model, screen);
    request.map(|r| vec![fetch(model, r)]).unwrap_or_default()
}

/// Marks a loadable as loading and gives the request, unless it is already there.
fn refresh<T>(l: &mut Loadable<T>, request: Request) -> Option<Request> {
    if needs_fetch(l) {
        *l = Loadable::Loading;
        Some(request)
    } else {
        None
    }
}

/// The source call for a page the access-log window asks for.
pub fn page_fetch(model: &Model, r: super::super::access_log::PageRequest) -> Effect {
    fetch(
        model,
        Request::AccessPage {
            page: r.page,
            filter: r.filter,
            after: r.after,
            limit: r.limit,
        },
    )
}

/// Starts the access log over with the current filter.
pub fn restart_log(model: &mut Model) -> Vec<Effect> {
    let Some(session) = model.session.as_mut() else {
        return Vec::new();
    };
    session.log.filter.from = session.log.period.from(model.now);
    let request = session.log.restart();
    if let Some(place) = model
        .stack
        .iter_mut()
        .find(|p| p.screen == Screen::AccessLog)
    {
        place.selected = 0;
    }
    request
        .map(|r| vec![page_fetch(model, r)])
        .unwrap_or_default()
}

pub fn open_filters(model: &mut Model) -> Vec<Effect> {
    push(model, Screen::AccessFilter);
    let Some(session) = model.session.as_mut() else {
        return Vec::new();
    };
    let mut requests = Vec::new();
    if let Some(r) = refresh(&mut session.log.organisations, Request::Organisations) {
        requests.push(r);
    }
    if let Some(r) = refresh(&mut session.areas, Request::Areas) {
        requests.push(r);
    }
    requests.into_iter().map(|r| fetch(model, r)).collect()
}

pub fn open_search(model: &mut Model) {
    model.search_input = model
        .session
        .as_ref()
        .and_then(|s| s.log.filter.text.clone())
        .unwrap_or_default();
    push(model, Screen::AccessSearch);
}

pub fn clear_filters(model: &mut Model) -> Vec<Effect> {
    let Some(session) = model.session.as_mut() else {
        return Vec::new();
    };
    session.log.period = Period::All;
    session.log.filter = Default::default();
    restart_log(model)
}

/// The filter screen's items: each changes one filter and shows the log again at once.
fn filter_item(model: &mut Model, item: FilterItem) -> Vec<Effect> {
    let Some(session) = model.session.as_mut() else {
        return Vec::new();
    };
    let log = &mut session.log;
    match item {
        FilterItem::Period => log.period = log.period.next(),
        FilterItem::Area => {
            let codes: Vec<String> = session
                .areas
                .ready()
                .map(|a| a.iter().map(|a| a.code.clone()).collect())
                .unwrap_or_default();
            log.filter.area = cycle(&codes, log.filter.area.as_ref());
        }
        FilterItem::Organisation => {
            let ids: Vec<i64> = log
                .organisations
                .ready()
                .map(|o| o.iter().map(|o| o.id).collect())
                .unwrap_or_default();
            log.filter.organisation = cycle(&ids, log.filter.organisation.as_ref());
        }
        FilterItem::Action => log.cycle_action(),
        FilterItem::Search => {
            open_search(model);
            return Vec::new();
        }
        FilterItem::Clear => return clear_filters(model),
        FilterItem::Show => {
            model.stack.pop();
            return Vec::new();
        }
    }
    restart_log(model)
}

/// None → first → … → last → None.
fn cycle<T: Clone + PartialEq>(all: &[T], current: Option<&T>) -> Option<T> {
    match current {
        None => all.first().cloned(),
        Some(c) => {
            let i = all.iter().position(|x| x == c)?;
            all.get(i + 1).cloned()
        }
    }
}

/// Asks to confirm the withdrawal of the selected consent, if it is in force.
pub fn ask_withdraw(model: &mut Model) {
    // Acting for someone whose power of attorney covers seeing only: there is no withdrawal to ask about.
    if model.session.as_ref().is_some_and(|s| !s.may_act()) {
        return;
    }
    let index = model.place().selected;
    let Some(id) = model
        .session
        .as_ref()
        .and_then(|s| s.consents.ready())
        .and_then(|c| c.get(index))
        .filter(|c| c.is_active() && !c.withdrawal_pending)
        .map(|c| c.id)
    else {
        return;
    };
    push(model, Screen::ConfirmWithdraw { id });
}
