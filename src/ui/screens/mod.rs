//! One file per screen. Each is a view struct with `impl Widget for &T`; menu screens also say where
//! their menu is, so a tap can be mapped to an item.

mod access_entry;
mod access_filter;
mod access_log;
mod access_search;
mod areas;
mod attract;
mod categories;
mod category;
mod choose_who;
mod confirm;
mod consents;
mod decision;
mod decisions;
mod device_sign_in;
mod feedback;
mod help;
mod helper;
mod online;
mod operator;
mod overview;
mod purpose;
mod purposes;
mod request;
mod requests;
mod rights;
mod sign_in;
mod spoken;
mod staff_cpr;

pub use spoken::{personal, script};

use crate::domain::Lang;
use crate::domain::port::SourceError;
use crate::i18n::t;
use crate::kiosk::{Intent, Loadable, Model, Screen};
use crate::ui::Theme;
use crate::ui::widgets::menu::{self, Menu, MenuItem};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// What every screen view holds: the model to read and the theme to draw with.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub model: &'a Model,
    pub theme: &'a Theme,
}

impl Ctx<'_> {
    pub fn lang(&self) -> Lang {
        self.model.lang
    }

    pub fn t(&self, id: &str) -> String {
        t(self.model.lang, id)
    }
}

macro_rules! render_screen {
    ($ty:path, $ctx:expr, $area:expr, $buf:expr) => {
        (&$ty($ctx)).render($area, $buf)
    };
}

/// Draws the current screen's body.
pub fn render(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let c = Ctx { model, theme };
    match model.screen() {
        Screen::Attract => render_screen!(attract::Attract, c, area, buf),
        Screen::SignIn => render_screen!(sign_in::SignIn, c, area, buf),
        Screen::DeviceSignIn => render_screen!(device_sign_in::DeviceSignIn, c, area, buf),
        Screen::StaffCpr => render_screen!(staff_cpr::StaffCpr, c, area, buf),
        Screen::Helper { .. } => render_screen!(helper::HelperQuestion, c, area, buf),
        Screen::ChooseWho => render_screen!(choose_who::ChooseWho, c, area, buf),
        Screen::Overview => render_screen!(overview::OverviewScreen, c, area, buf),
        Screen::Areas => render_screen!(areas::Areas, c, area, buf),
        Screen::Categories { .. } => render_screen!(categories::Categories, c, area, buf),
        Screen::Category { .. } => render_screen!(category::CategoryDetail, c, area, buf),
        Screen::Purposes => render_screen!(purposes::Purposes, c, area, buf),
        Screen::Purpose { .. } => render_screen!(purpose::PurposeDetail, c, area, buf),
        Screen::AccessLog => render_screen!(access_log::AccessLogScreen, c, area, buf),
        Screen::AccessFilter => render_screen!(access_filter::Filters, c, area, buf),
        Screen::AccessSearch => render_screen!(access_search::Search, c, area, buf),
        Screen::AccessEntry { .. } => render_screen!(access_entry::Entry, c, area, buf),
        Screen::ConfirmReport { .. } | Screen::ConfirmWithdraw { .. } => {
            render_screen!(confirm::Confirm, c, area, buf)
        }
        Screen::Consents => render_screen!(consents::Consents, c, area, buf),
        Screen::Decisions => render_screen!(decisions::Decisions, c, area, buf),
        Screen::Decision { .. } => render_screen!(decision::DecisionDetail, c, area, buf),
        Screen::Rights => render_screen!(rights::Rights, c, area, buf),
        Screen::Requests => render_screen!(requests::Requests, c, area, buf),
        Screen::Request { .. } => render_screen!(request::RequestDetail, c, area, buf),
        Screen::Online { .. } => render_screen!(online::Online, c, area, buf),
        Screen::Help => render_screen!(help::Help, c, area, buf),
        Screen::Operator => render_screen!(operator::OperatorPin, c, area, buf),
        Screen::Feedback => render_screen!(feedback::FeedbackQuestion, c, area, buf),
    }
}

/// Where the current screen draws its menu, if it has one. Nothing is translated: the number of items
/// comes from the model.
fn menu_area(model: &Model, area: Rect) -> Option<Rect> {
    let c = Ctx {
        model,
        theme: &Theme::NORMAL,
    };
    Some(match model.screen() {
        Screen::Attract => attract::menu_area(c, area),
        Screen::SignIn => sign_in::menu_area(area),
        Screen::Helper { .. } => helper::menu_area(area),
        Screen::ChooseWho => choose_who::menu_area(area),
        Screen::Overview => overview::menu_area(c, area),
        Screen::Areas => areas::menu_area(area),
        Screen::Categories { .. } => categories::menu_area(area),
        Screen::Purposes => purposes::menu_area(area),
        Screen::AccessFilter => access_filter::menu_area(area),
        Screen::ConfirmReport { .. } | Screen::ConfirmWithdraw { .. } => confirm::menu_area(area),
        Screen::Consents => consents::menu_area(area),
        Screen::Decisions => decisions::menu_area(area),
        Screen::Requests => requests::menu_area(area),
        Screen::Feedback => feedback::menu_area(area),
        _ => return None,
    })
}

/// The command of a tap in the body.
pub fn hit(model: &Model, area: Rect, pos: Position) -> Option<Intent> {
    if *model.screen() == Screen::AccessLog {
        return access_log::hit(model, area, pos).map(Intent::Item);
    }
    let menu_area = menu_area(model, area)?;
    let n = crate::kiosk::update::list_len(model);
    menu::hit(menu_area, n, model.place().selected, pos).map(Intent::Item)
}

/// Draws a menu of items in `area`, with the current selection.
pub fn draw_menu(c: Ctx, area: Rect, items: &[MenuItem], buf: &mut Buffer) {
    (&Menu {
        items,
        selected: c.model.place().selected,
        theme: c.theme,
    })
        .render(area, buf);
}

/// Splits off `rows` rows of introduction above a menu, with a blank line between.
pub fn split(area: Rect, rows: u16) -> (Rect, Rect) {
    let rows = rows.min(area.height);
    let gap = u16::from(area.height > rows);
    let intro = Rect::new(area.x, area.y, area.width, rows);
    let rest = Rect::new(
        area.x,
        area.y + rows + gap,
        area.width,
        area.height.saturating_sub(rows + gap),
    );
    (intro, rest)
}

/// What to draw instead of data that is not there: a spinner, or the error in words.
pub fn placeholder<T>(c: Ctx, l: &Loadable<T>, area: Rect, buf: &mut Buffer) -> bool {
    let line = match l {
        Loadable::Ready(_) => return false,
        Loadable::NotAsked | Loadable::Loading => Line::styled(
            format!(
                " {} {}",
                crate::ui::widgets::spinner(c.model.now),
                c.t("loading")
            ),
            c.theme.muted(),
        ),
        Loadable::Failed(e) => {
            error_lines(c, e, area, buf);
            return true;
        }
    };
    line.render(area, buf);
    true
}

/// An error: what happened and what the citizen can do.
pub fn error_lines(c: Ctx, e: &SourceError, area: Rect, buf: &mut Buffer) {
    let mut doc = crate::ui::widgets::doc::Doc::new(c.theme);
    doc.error(c.t(e.message_id()))
        .blank()
        .para(c.t("error-what-to-do"));
    doc.render(area, buf, 0);
}

/// Formats a count with the language's thousands separator: 100.000 / 100,000.
pub fn count(lang: Lang, n: impl Into<u64>) -> String {
    let digits = n.into().to_string();
    let sep = match lang {
        Lang::Da => '.',
        Lang::En => ',',
    };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_thousands() {
        assert_eq!(count(Lang::Da, 100_000u32), "100.000");
        assert_eq!(count(Lang::En, 1_234_567u32), "1,234,567");
        assert_eq!(count(Lang::En, 12u32), "12");
    }
}
