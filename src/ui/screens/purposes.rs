//! Purposes: what the municipality uses the citizen's data for, each marked voluntary or required by law.
//! Picking one opens it in full.

use super::{Ctx, draw_menu, placeholder, split};
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::lawfulness_badge;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct Purposes<'a>(pub Ctx<'a>);

const INTRO_ROWS: u16 = 2;

pub fn menu(c: Ctx, area: Rect) -> Option<(Rect, Vec<MenuItem>)> {
    let list = c.model.session.as_ref()?.purposes.ready()?;
    let items = list
        .iter()
        .map(|p| {
            MenuItem::new(p.name.get(c.lang()))
                .detail(p.description.get(c.lang()))
                .badge(lawfulness_badge(c.lang(), c.theme, p.lawfulness))
        })
        .collect();
    Some((menu_area(area), items))
}

pub fn menu_area(area: Rect) -> Rect {
    split(area, INTRO_ROWS).1
}

impl Widget for &Purposes<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let (intro, rest) = split(area, INTRO_ROWS);
        let mut d = Doc::new(c.theme);
        d.heading(c.t("purposes-heading"))
            .para(c.t("purposes-explain"));
        d.render(intro, buf, 0);
        let Some(session) = c.model.session.as_ref() else {
            return;
        };
        if placeholder(c, &session.purposes, rest, buf) {
            return;
        }
        match menu(c, area) {
            Some((_, items)) if items.is_empty() => {
                let mut d = Doc::new(c.theme);
                d.para(c.t("purposes-none"));
                d.render(rest, buf, 0);
            }
            Some((m, items)) => draw_menu(c, m, &items, buf),
            None => {}
        }
    }
}
