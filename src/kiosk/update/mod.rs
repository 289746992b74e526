//! The pure heart of the kiosk: `update(&mut Model, Msg) -> Vec<Effect>`. No IO, no clock: time comes in
//! with the msgs.

mod activate;
mod device;
mod feedback;
mod loaded;
mod navigate;
pub(crate) mod safety;
mod sign_in;
pub mod staff;

pub use navigate::list_len;

use super::effect::{AuthEffect, Effect, Request};
use super::keymap::{self, Intent, Key};
use super::menu::BlindItem;
use super::model::{Blind, Layer, Loadable, Model, Place};
use super::msg::Msg;
use super::screen::Screen;

/// The most characters the search text takes.
pub const SEARCH_MAX_CHARS: usize = 60;

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Tick(now) => {
            let mut effects = safety::tick(model, now);
            effects.extend(device::tick(model, now));
            effects
        }
        Msg::PinChecked(ok) => safety::pin_checked(model, ok),
        Msg::DeviceStarted { attempt, result } => {
            device::started(model, attempt, result);
            Vec::new()
        }
        Msg::Polled { attempt, poll } => device::polled(model, attempt, poll),
        Msg::Refreshed { generation, result } => device::refreshed(model, generation, result),
        Msg::Spoken { id, result, at } => {
            super::speech::ended(model, id, result, at);
            Vec::new()
        }
        Msg::Resize(_, _) => Vec::new(),
        Msg::Key(key, at) => {
            model.now = at;
            let effects = key_pressed(model, key);
            feedback::note_screen(model);
            effects
        }
        Msg::Tap(command, at) => {
            model.now = at;
            let effects = tapped(model, command);
            feedback::note_screen(model);
            effects
        }
        Msg::Loaded { generation, result } => {
            if generation != model.generation {
                // A late answer for a session that has ended: drop it unread.
                return Vec::new();
            }
            loaded::apply(model, result)
        }
    }
}

/// A key, to the layer that takes input now ([`Model::layer`]).
fn key_pressed(model: &mut Model, key: Key) -> Vec<Effect> {
    // Any key stops the reading and does nothing else, except that "hide now" still hides; the speed
    // keys read again at the new speed.
    if model.speech.speaking.is_some() {
        let command = keymap::command(key, model);
        if !matches!(command, Some(Intent::SpeechFaster | Intent::SpeechSlower)) {
            safety::input_seen(model);
            if command == Some(Intent::Hide) {
                model.blind = Blind::Down;
            }
            return super::speech::stop(model);
        }
    }
    let layer = model.layer();
    // Every key is activity. A warning takes the key and continues the session, also one under the blind.
    if safety::input_seen(model) {
        return Vec::new();
    }
    match layer {
        Layer::Blind(_) => {
            if let Some(command) = keymap::command(key, model) {
                safety::blind_command(model, command);
            }
            Vec::new()
        }
        Layer::Warning => Vec::new(),
        Layer::Pin => safety::pin_key(model, key),
        _ if keymap::interrupts(key, model) => quit(model),
        Layer::Notice => {
            // Any key closes a notice; the key does nothing else, so nothing happens by surprise.
            model.notice = None;
            Vec::new()
        }
        Layer::Text => navigate::search_key(model, key),
        Layer::DeviceSignIn => match device::key(model, key) {
            Some(effects) => effects,
            None => screen_key(model, key),
        },
        Layer::CprEntry => match staff::key(model, key) {
            Some(effects) => effects,
            None => screen_key(model, key),
        },
        Layer::Screen => screen_key(model, key),
    }
}

/// A tap, already turned into a command by the view's hit map, to the layer that takes input now.
fn tapped(model: &mut Model, command: Option<Intent>) -> Vec<Effect> {
    if model.speech.speaking.is_some() {
        safety::input_seen(model);
        return super::speech::stop(model);
    }
    let layer = model.layer();
    if safety::input_seen(model) {
        return Vec::new();
    }
    match layer {
        Layer::Blind(_) => {
            let show = Intent::Item(BlindItem::Show.index());
            safety::blind_tap(model, command == Some(show));
            Vec::new()
        }
        Layer::Warning => Vec::new(),
        Layer::Notice => {
            model.notice = None;
            Vec::new()
        }
        Layer::Pin | Layer::Text | Layer::DeviceSignIn | Layer::CprEntry | Layer::Screen => {
            match command {
                Some(command) => run(model, command),
                None => Vec::new(),
            }
        }
    }
}

/// A key on the screen itself, through the keymap.
fn screen_key(model: &mut Model, key: Key) -> Vec<Effect> {
    match keymap::command(key, model) {
        Some(command) => run(model, command),
        None => Vec::new(),
    }
}

/// Carries out a command on the current screen. Commands that do not apply do nothing.
pub fn run(model: &mut Model, command: Intent) -> Vec<Effect> {
    if !model.screen().allows(command) {
        return Vec::new();
    }
    match command {
        Intent::Language => {
            model.lang = model.lang.other();
            if *model.screen() == Screen::Attract {
                // On the start screen the language key also picks that language, so Enter starts in it.
                let index = Place::attract(model.lang).selected;
                set_selected(model, index);
            }
            Vec::new()
        }
        Intent::Help => {
            push(model, Screen::Help);
            Vec::new()
        }
        Intent::ContinueOnline => {
            let view = model.screen().view();
            push(model, Screen::Online { view });
            Vec::new()
        }
        // Esc on the sign-out question is the skip.
        Intent::Back if *model.screen() == Screen::Feedback => feedback::answer(model, None),
        Intent::Back if *model.screen() == Screen::StaffCpr => {
            staff::cancel(model);
            Vec::new()
        }
        Intent::Back => navigate::back(model),
        Intent::Retry => navigate::reload_overview(model),
        Intent::BlindAsk | Intent::BlindShow | Intent::BlindKeep => {
            safety::blind_command(model, command);
            Vec::new()
        }
        Intent::SignOut => feedback::sign_out_key(model),
        Intent::Quit => quit(model),
        Intent::Up => navigate::move_by(model, -1),
        Intent::Down => navigate::move_by(model, 1),
        Intent::PageUp => navigate::move_by(model, -(navigate::PAGE_STEP as isize)),
        Intent::PageDown => navigate::move_by(model, navigate::PAGE_STEP as isize),
        Intent::Home => navigate::move_by(model, isize::MIN / 2),
        Intent::End => navigate::move_by(model, isize::MAX / 2),
        Intent::Pick(n) => pick(model, usize::from(n.saturating_sub(1))),
        Intent::Item(index) => pick(model, index),
        Intent::Open => {
            let index = model.place().selected;
            activate::activate(model, index)
        }
        Intent::Filter => activate::open_filters(model),
        Intent::Search => {
            activate::open_search(model);
            Vec::new()
        }
        Intent::ClearFilters => activate::clear_filters(model),
        Intent::Report => {
            let may_act = model.session.as_ref().is_none_or(|s| s.may_act());
            if let (Screen::AccessEntry { id }, true) = (model.screen().clone(), may_act) {
                push(model, Screen::ConfirmReport { id });
            }
            Vec::new()
        }
        Intent::Withdraw => {
            activate::ask_withdraw(model);
            Vec::new()
        }
        Intent::Hide => {
            model.blind = Blind::Down;
            Vec::new()
        }
        Intent::Contrast => {
            model.high_contrast = !model.high_contrast;
            Vec::new()
        }
        Intent::ReadAloud => super::speech::toggle(model),
        Intent::StaffSignIn => staff::start(model),
        Intent::SpeechFaster => super::speech::change_rate(model, 1),
        Intent::SpeechSlower => super::speech::change_rate(model, -1),
        Intent::Reveal => {
            let masked = masked_values(model);
            safety::reveal_next(model, masked);
            Vec::new()
        }
        Intent::Operator => {
            safety::open_operator(model);
            Vec::new()
        }
    }
}

/// How many values the category on screen masks: sensitive fields, and every field of special-category
/// (GDPR Art. 9) data.
pub fn masked_values(model: &Model) -> usize {
    match (model.screen(), model.session.as_ref().map(|s| &s.category)) {
        (Screen::Category { .. }, Some(Loadable::Ready(cat))) => cat
            .fields
            .iter()
            .filter(|f| f.sensitive || cat.special)
            .count(),
        _ => 0,
    }
}

/// Selects item `index` and opens it.
fn pick(model: &mut Model, index: usize) -> Vec<Effect> {
    if index >= navigate::list_len(model) {
        return Vec::new();
    }
    let on_log = *model.screen() == Screen::AccessLog;
    if let (true, Some(session)) = (on_log, model.session.as_mut()) {
        if session.log.entry(index).is_none() {
            return Vec::new();
        }
        session.log.selected = index;
    }
    set_selected(model, index);
    activate::activate(model, index)
}

/// Ends the session: drops all of the citizen's data, ignores whatever is still on its way, purges the
/// screen, and returns to the attract screen in the default language.
pub fn sign_out(model: &mut Model) -> Vec<Effect> {
    let mut effects = super::speech::stop(model);
    effects.push(Effect::PurgeScreen);
    // A visit staff opened ends on the server too, so its token opens nothing more.
    let assisted = model.session.as_ref().is_some_and(|s| {
        s.principal.token().is_some_and(|t| {
            t.expose()
                .starts_with(crate::domain::port::ASSISTED_TOKEN_PREFIX)
        })
    });
    if assisted {
        effects.push(fetch(model, Request::EndAssisted));
    }
    model.staff = None;
    model.device_broker = super::staff::Broker::Citizen;
    if model.session.is_some() {
        effects.push(Effect::EndSession);
    }
    if let Some(refresh) = model.session.as_mut().and_then(|s| s.refresh.take()) {
        effects.push(Effect::Auth(AuthEffect::Revoke(refresh)));
    }
    model.session = None;
    model.device = None;
    model.device_attempt += 1;
    // The demo list names the citizen too; it is fetched again at the next sign-in.
    model.demo_citizens = Loadable::NotAsked;
    model.generation += 1;
    model.notice = None;
    zeroize::Zeroize::zeroize(&mut model.search_input);
    model.lang = model.settings.default_lang;
    model.warning = None;
    model.blind = Blind::Open;
    model.high_contrast = false;
    model.speech.rate = super::speech::DEFAULT_RATE;
    model.pin.clear();
    model.stack = vec![Place::attract(model.settings.default_lang)];
    effects
}

fn quit(model: &mut Model) -> Vec<Effect> {
    if model.settings.locked {
        return Vec::new();
    }
    model.session = None;
    model.quit = true;
    let mut effects = super::speech::stop(model);
    effects.extend([Effect::PurgeScreen, Effect::Quit]);
    effects
}

pub(crate) fn push(model: &mut Model, screen: Screen) {
    model.stack.push(Place::new(screen));
}

pub(crate) fn set_selected(model: &mut Model, index: usize) {
    if let Some(place) = model.stack.last_mut() {
        place.selected = index;
    }
}

/// A source call for the signed-in citizen (or for no one, before sign-in).
pub(crate) fn fetch(model: &Model, request: Request) -> Effect {
    Effect::Fetch {
        generation: model.generation,
        principal: model.session.as_ref().map(|s| s.principal.clone()),
        request,
    }
}
