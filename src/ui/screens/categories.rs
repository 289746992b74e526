//! The data categories in one area, each with "voluntary" or "required by law" in words.

use super::{Ctx, draw_menu, placeholder, split};
use crate::i18n::{format_day, tr};
use crate::kiosk::Screen;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::lawfulness_badge;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct Categories<'a>(pub Ctx<'a>);

const INTRO_ROWS: u16 = 2;

pub fn menu(c: Ctx, area: Rect) -> Option<(Rect, Vec<MenuItem>)> {
    let (_, list) = c.model.session.as_ref()?.categories.ready()?;
    let lang = c.lang();
    let items = list
        .iter()
        .map(|cat| {
            let mut detail = tr(
                lang,
                "categories-updated",
                &[("date", format_day(lang, cat.updated_at).into())],
            );
            if cat.special {
                detail.push_str(" · ");
                detail.push_str(&c.t("categories-special"));
            }
            MenuItem::new(cat.name.get(lang))
                .detail(detail)
                .badge(lawfulness_badge(lang, c.theme, cat.lawfulness))
        })
        .collect();
    Some((menu_area(area), items))
}

pub fn menu_area(area: Rect) -> Rect {
    split(area, INTRO_ROWS).1
}

impl Widget for &Categories<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let Some(session) = c.model.session.as_ref() else {
            return;
        };
        let code = match c.model.screen() {
            Screen::Categories { area } => area.as_str(),
            _ => "",
        };
        let area_name = session
            .areas
            .ready()
            .and_then(|a| a.iter().find(|a| a.code == code))
            .map(|a| a.name.get(c.lang()).to_owned())
            .unwrap_or_default();
        let (intro, rest) = split(area, INTRO_ROWS);
        let mut doc = Doc::new(c.theme);
        doc.heading(area_name).para(c.t("categories-explain"));
        doc.render(intro, buf, 0);
        if placeholder(c, &session.categories, rest, buf) {
            return;
        }
        if let Some((m, items)) = menu(c, area) {
            draw_menu(c, m, &items, buf);
        }
    }
}
