//! Your data: the areas of the municipality that hold data about the citizen.

use super::{Ctx, count, draw_menu, placeholder, split};
use crate::i18n::tr;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct Areas<'a>(pub Ctx<'a>);

const INTRO_ROWS: u16 = 2;

pub fn menu(c: Ctx, area: Rect) -> Option<(Rect, Vec<MenuItem>)> {
    let areas = c.model.session.as_ref()?.areas.ready()?;
    let items = areas
        .iter()
        .map(|a| {
            let n = tr(
                c.lang(),
                "areas-count",
                &[("count", count(c.lang(), a.categories).into())],
            );
            MenuItem::new(a.name.get(c.lang()))
                .detail(format!("{n} · {}", a.description.get(c.lang())))
        })
        .collect();
    Some((menu_area(area), items))
}

pub fn menu_area(area: Rect) -> Rect {
    split(area, INTRO_ROWS).1
}

impl Widget for &Areas<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let (intro, rest) = split(area, INTRO_ROWS);
        let mut doc = Doc::new(c.theme);
        doc.heading(c.t("areas-heading")).para(c.t("areas-explain"));
        doc.render(intro, buf, 0);
        let Some(session) = c.model.session.as_ref() else {
            return;
        };
        if placeholder(c, &session.areas, rest, buf) {
            return;
        }
        match menu(c, area) {
            Some((_, items)) if items.is_empty() => {
                let mut doc = Doc::new(c.theme);
                doc.para(c.t("areas-none"));
                doc.render(rest, buf, 0);
            }
            Some((m, items)) => draw_menu(c, m, &items, buf),
            None => {}
        }
    }
}
