//! Demo sign-in: the demo citizens of the embedded store.

use super::{Ctx, draw_menu, placeholder, split};
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct SignIn<'a>(pub Ctx<'a>);

const INTRO_ROWS: u16 = 3;

pub fn menu(c: Ctx, area: Rect) -> Option<(Rect, Vec<MenuItem>)> {
    let list = c.model.demo_citizens.ready()?;
    let items = list
        .iter()
        .map(|s| MenuItem::new(s.citizen.name.clone()).detail(s.situation.get(c.lang())))
        .collect();
    Some((menu_area(area), items))
}

pub fn menu_area(area: Rect) -> Rect {
    split(area, INTRO_ROWS).1
}

impl Widget for &SignIn<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let (intro, rest) = split(area, INTRO_ROWS);
        let mut doc = Doc::new(c.theme);
        doc.heading(c.t("sign-in-demo-heading"))
            .para(c.t("sign-in-demo-explain"));
        doc.render(intro, buf, 0);
        if placeholder(c, &c.model.demo_citizens, rest, buf) {
            return;
        }
        if let Some((menu_area, items)) = menu(c, area) {
            if items.is_empty() {
                let mut doc = Doc::new(c.theme);
                doc.para(c.t("sign-in-no-citizens"));
                doc.render(rest, buf, 0);
            } else {
                draw_menu(c, menu_area, &items, buf);
            }
        }
    }
}
