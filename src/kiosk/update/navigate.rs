//! Moving around: back, selection and scrolling, list lengths, and typing a search.

use super::super::effect::{Effect, Request};
use super::super::keymap::Key;
use super::super::menu::FixedMenu;
use super::super::model::{Loadable, Model};
use super::super::screen::Screen;
use super::SEARCH_MAX_CHARS;

/// Rows moved by Page Up / Page Down.
pub const PAGE_STEP: usize = 10;
/// The most lines a text screen scrolls.
const MAX_SCROLL: u16 = 400;

/// Goes back one screen. The bottom of the stack (attract, or the overview in a session) stays. Back on
/// the overview, its own loads are tried again if they failed.
pub fn back(model: &mut Model) -> Vec<Effect> {
    if model.stack.len() > 1 {
        model.stack.pop();
    }
    reload_overview(model)
}

/// On the overview: loads the citizen and the counts again, where they failed.
pub fn reload_overview(model: &mut Model) -> Vec<Effect> {
    if *model.screen() != Screen::Overview {
        return Vec::new();
    }
    let Some(session) = model.session.as_mut() else {
        return Vec::new();
    };
    let mut requests = Vec::new();
    if matches!(session.citizen, Loadable::Failed(_)) {
        session.citizen = Loadable::Loading;
        requests.push(Request::Citizen);
    }
    if matches!(session.overview, Loadable::Failed(_)) {
        session.overview = Loadable::Loading;
        requests.push(Request::Overview);
    }
    requests
        .into_iter()
        .map(|r| super::fetch(model, r))
        .collect()
}

/// The number of items in the current screen's list.
pub fn list_len(model: &Model) -> usize {
    let session = model.session.as_ref();
    let len_of = |n: Option<usize>| n.unwrap_or(0);
    match model.screen() {
        Screen::Attract
        | Screen::Helper { .. }
        | Screen::Overview
        | Screen::AccessFilter
        | Screen::ConfirmReport { .. }
        | Screen::ConfirmWithdraw { .. }
        | Screen::Feedback => FixedMenu::of_screen(model.screen()).map_or(0, FixedMenu::item_count),
        Screen::SignIn => len_of(model.demo_citizens.ready().map(Vec::len)),
        Screen::ChooseWho => len_of(session.map(|s| super::super::menu::WhoItem::shown(s).len())),
        Screen::Areas => len_of(session.and_then(|s| s.areas.ready()).map(Vec::len)),
        Screen::Categories { .. } => len_of(
            session
                .and_then(|s| s.categories.ready())
                .map(|(_, c)| c.len()),
        ),
        Screen::Purposes => len_of(session.and_then(|s| s.purposes.ready()).map(Vec::len)),
        Screen::AccessLog => len_of(session.map(|s| s.log.held().end)),
        Screen::Consents => len_of(session.and_then(|s| s.consents.ready()).map(Vec::len)),
        Screen::Decisions => len_of(session.and_then(|s| s.decisions.ready()).map(Vec::len)),
        Screen::Requests => len_of(session.and_then(|s| s.requests.ready()).map(Vec::len)),
        Screen::Category { .. }
        | Screen::DeviceSignIn
        | Screen::StaffCpr
        | Screen::Purpose { .. }
        | Screen::AccessSearch
        | Screen::AccessEntry { .. }
        | Screen::Decision { .. }
        | Screen::Request { .. }
        | Screen::Rights
        | Screen::Online { .. }
        | Screen::Help
        | Screen::Operator => 0,
    }
}

/// Moves the selection of a list, or scrolls a screen of text.
pub fn move_by(model: &mut Model, delta: isize) -> Vec<Effect> {
    if *model.screen() == Screen::AccessLog {
        let Some(session) = model.session.as_mut() else {
            return Vec::new();
        };
        let request = session.log.move_by(delta);
        let selected = session.log.selected;
        super::set_selected(model, selected);
        return request
            .map(|r| vec![super::activate::page_fetch(model, r)])
            .unwrap_or_default();
    }
    let len = list_len(model);
    let Some(place) = model.stack.last_mut() else {
        return Vec::new();
    };
    if place.screen.has_list() {
        if len > 0 {
            let target = (place.selected as isize).saturating_add(delta);
            place.selected = target.clamp(0, len as isize - 1) as usize;
        }
    } else {
        let target = (place.scroll as isize).saturating_add(delta);
        place.scroll = target.clamp(0, MAX_SCROLL as isize) as u16;
    }
    Vec::new()
}

/// Keys on the search screen: letters are typed, Enter searches, Esc leaves the text as it was.
pub fn search_key(model: &mut Model, key: Key) -> Vec<Effect> {
    match key {
        Key::Char(c) if !c.is_control() => {
            if model.search_input.chars().count() < SEARCH_MAX_CHARS {
                model.search_input.push(c);
            }
            Vec::new()
        }
        Key::Backspace => {
            model.search_input.pop();
            Vec::new()
        }
        Key::Esc => back(model),
        Key::Enter => {
            back(model);
            let text = model.search_input.trim().to_owned();
            let Some(session) = model.session.as_mut() else {
                return Vec::new();
            };
            session.log.filter.text = (!text.is_empty()).then_some(text);
            super::activate::restart_log(model)
        }
        _ => Vec::new(),
    }
}

/// Whether a loadable should be (re)fetched when its screen opens.
pub fn needs_fetch<T>(l: &Loadable<T>) -> bool {
    matches!(l, Loadable::NotAsked | Loadable::Failed(_))
}
