//! Computer-assisted decisions: the tools used in the citizen's cases.

use super::{Ctx, draw_menu, placeholder, split};
use crate::i18n::{format_day, tr};
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct Decisions<'a>(pub Ctx<'a>);

const INTRO_ROWS: u16 = 3;

pub fn menu(c: Ctx, area: Rect) -> Option<(Rect, Vec<MenuItem>)> {
    let list = c.model.session.as_ref()?.decisions.ready()?;
    let lang = c.lang();
    let items = list
        .iter()
        .map(|x| {
            MenuItem::new(x.tool.get(lang)).detail(tr(
                lang,
                "decisions-used-on",
                &[("date", format_day(lang, x.used_at).into())],
            ))
        })
        .collect();
    Some((menu_area(area), items))
}

pub fn menu_area(area: Rect) -> Rect {
    split(area, INTRO_ROWS).1
}

impl Widget for &Decisions<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let (intro, rest) = split(area, INTRO_ROWS);
        let mut d = Doc::new(c.theme);
        d.heading(c.t("decisions-heading"))
            .para(c.t("decisions-explain"));
        d.render(intro, buf, 0);
        let Some(session) = c.model.session.as_ref() else {
            return;
        };
        if placeholder(c, &session.decisions, rest, buf) {
            return;
        }
        match menu(c, area) {
            Some((_, items)) if items.is_empty() => {
                let mut d = Doc::new(c.theme);
                d.para(c.t("decisions-none"));
                d.render(rest, buf, 0);
            }
            Some((m, items)) => draw_menu(c, m, &items, buf),
            None => {}
        }
    }
}
