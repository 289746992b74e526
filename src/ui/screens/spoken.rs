//! What read-aloud says on each screen: a pure function of the model, built from the same menus and
//! pages the screens draw (never read back from the drawn screen). First the screen's title, then the
//! item in focus, then the rest, then the keys.
//!
//! Personal data is said only when the kiosk has a private audio output (a headset). Without one, a
//! screen of the citizen's data says its title, that its contents are read only through a headset, and
//! the keys: texts that are the same for every citizen.

use super::{
    Ctx, access_entry, access_filter, access_log, areas, attract, categories, category, choose_who,
    confirm, consents, decision, decisions, feedback, help, helper, online, overview, purpose,
    purposes, request, requests, rights, sign_in, staff_cpr,
};
use crate::i18n::{t, tr};
use crate::kiosk::{Model, Screen, keymap};
use crate::ui::Theme;
use crate::ui::widgets::menu::MenuItem;
use ratatui::layout::Rect;

/// How many access-log entries after the one in focus are read.
const LOG_AHEAD: usize = 9;

/// The area the menus are laid out in; what they say does not depend on it.
const ANY: Rect = Rect::new(0, 0, 120, 40);

/// Whether the screen shows the citizen's own data (or, before sign-in, the demo citizens' names).
pub fn personal(screen: &Screen) -> bool {
    !matches!(
        screen,
        Screen::Attract
            | Screen::DeviceSignIn
            | Screen::StaffCpr
            | Screen::Helper { .. }
            | Screen::Rights
            | Screen::Online { .. }
            | Screen::Help
            | Screen::Operator
            | Screen::Feedback
    )
}

/// The sentences read-aloud says for the screen now, in order, in the model's language.
pub fn script(model: &Model, private_audio: bool) -> Vec<String> {
    let c = Ctx {
        model,
        theme: &Theme::NORMAL,
    };
    let screen = model.screen();
    let mut out = vec![c.t(crate::ui::title_id(screen))];
    // Whose data this is, first: it names the person, so only through the headset.
    if let (Some(banner), true) = (crate::ui::widgets::banner::text(model), private_audio) {
        out.push(banner);
    }
    if personal(screen) && !private_audio {
        out.push(c.t("speech-headset"));
    } else {
        out.extend(body(c));
    }
    out.push(keys(model));
    // The mask's dots are drawn, not said.
    out.into_iter()
        .map(|s| s.replace('•', ""))
        .filter(|s| !s.trim().is_empty())
        .collect()
}

/// The keys of the footer, in one sentence.
fn keys(model: &Model) -> String {
    let hints: Vec<String> = keymap::footer_now(model)
        .into_iter()
        .map(|b| {
            let label = if b.label.starts_with("key-") {
                t(model.lang, b.label)
            } else {
                b.label.to_owned()
            };
            format!("{label}: {}", t(model.lang, b.hint))
        })
        .collect();
    tr(
        model.lang,
        "speech-keys",
        &[("keys", hints.join(". ").into())],
    )
}

/// A menu's item in focus, then the others in order.
fn menu(items: &[MenuItem], selected: usize) -> Vec<String> {
    with_intro(items, selected, Vec::new())
}

/// The item in focus, then the words above the menu, then the other items.
fn with_intro(items: &[MenuItem], selected: usize, intro: Vec<String>) -> Vec<String> {
    let say = |i: &MenuItem| match &i.detail {
        Some(d) => format!("{}. {d}", i.title),
        None => i.title.clone(),
    };
    let mut out: Vec<String> = items.get(selected).map(say).into_iter().collect();
    out.extend(intro);
    out.extend(
        items
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != selected)
            .map(|(_, item)| say(item)),
    );
    out
}

fn body(c: Ctx) -> Vec<String> {
    let selected = c.model.place().selected;
    let session = c.model.session.as_ref();
    let items = |m: Option<(Rect, Vec<MenuItem>)>| m.map(|(_, i)| menu(&i, selected));
    let out: Option<Vec<String>> = match c.model.screen() {
        Screen::Attract => {
            let intro = vec![
                c.model.settings.municipality.clone(),
                c.t("attract-tagline"),
            ];
            Some(with_intro(&attract::menu(c, ANY).1, selected, intro))
        }
        Screen::SignIn => items(sign_in::menu(c, ANY)),
        Screen::ChooseWho => {
            let intro = vec![c.t("choose-who-question"), c.t("choose-who-why")];
            choose_who::menu(c, ANY).map(|(_, i)| with_intro(&i, selected, intro))
        }
        Screen::DeviceSignIn => Some(device(c)),
        Screen::StaffCpr => Some(staff_cpr::doc(c).text()),
        Screen::Helper { .. } => {
            let intro = vec![c.t("helper-question"), c.t("helper-why")];
            Some(with_intro(&helper::menu(c, ANY).1, selected, intro))
        }
        Screen::Feedback => {
            let intro = vec![c.t("feedback-question"), c.t("feedback-why")];
            Some(with_intro(&feedback::menu(c, ANY).1, selected, intro))
        }
        Screen::Overview => {
            let intro = overview::intro(c).text();
            Some(with_intro(&overview::menu(c, ANY).1, selected, intro))
        }
        Screen::Areas => items(areas::menu(c, ANY)),
        Screen::Categories { .. } => items(categories::menu(c, ANY)),
        Screen::Category { .. } => session
            .and_then(|s| s.category.ready())
            .map(|cat| category::doc(c, cat).text()),
        Screen::Purposes => items(purposes::menu(c, ANY)),
        Screen::Purpose { .. } => purpose::doc(c).map(|d| d.text()),
        Screen::AccessLog => session.map(|s| {
            let log = &s.log;
            let say = |i: usize| {
                log.entry(i).map(|e| {
                    let cells = access_log::cells(c, e);
                    let words: Vec<&str> = cells
                        .iter()
                        .flatten()
                        .map(String::as_str)
                        .filter(|s| !s.is_empty())
                        .collect();
                    words.join(". ")
                })
            };
            let mut out: Vec<String> = say(log.selected).into_iter().collect();
            out.push(access_log::filter_line(c));
            // The entries after it, as many as a screen shows; the arrows go further.
            out.extend(
                (log.selected + 1..log.held().end)
                    .take(LOG_AHEAD)
                    .filter_map(say),
            );
            out
        }),
        Screen::AccessFilter => Some(menu(&access_filter::menu(c, ANY).1, selected)),
        Screen::AccessEntry { .. } => access_entry::doc(c).map(|d| d.text()),
        Screen::ConfirmReport { .. } | Screen::ConfirmWithdraw { .. } => {
            Some(menu(&confirm::menu(c, ANY).1, selected))
        }
        Screen::Consents => items(consents::menu(c, ANY)).map(|mut out| {
            if let Some(x) = session
                .and_then(|s| s.consents.ready())
                .and_then(|l| l.get(selected))
            {
                out.splice(1..1, consents::detail(c, x).text().into_iter().skip(1));
            }
            out
        }),
        Screen::Decisions => items(decisions::menu(c, ANY)),
        Screen::Decision { .. } => decision::doc(c).map(|d| d.text()),
        Screen::Rights => rights::doc(c).map(|d| d.text()),
        Screen::Requests => items(requests::menu(c, ANY)),
        Screen::Request { .. } => request::doc(c).map(|d| d.text()),
        Screen::Online { .. } => online::url(c).map(|url| online::doc(c, &url).text()),
        Screen::Help => help::doc(c).map(|d| d.text()),
        Screen::AccessSearch | Screen::Operator => None,
    };
    // Still loading, or failed: the screen says so, and so does read-aloud.
    out.unwrap_or_else(|| vec![c.t("loading")])
}

/// The device sign-in: the steps and the code to compare.
fn device(c: Ctx) -> Vec<String> {
    let mut out = vec![
        c.t("device-heading"),
        c.t("device-step-scan"),
        c.t("device-step-compare"),
    ];
    if let Some(crate::kiosk::device::DeviceFlow::Waiting(w)) = &c.model.device {
        let code = crate::kiosk::device::grouped(&w.auth.user_code);
        out.push(tr(c.lang(), "device-code-text", &[("code", code.into())]));
        out.push(c.t("device-step-approve"));
    }
    out
}
