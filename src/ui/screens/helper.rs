//! "Is someone helping you today?" — asked after the citizen is chosen, recorded in their own log.

use super::{Ctx, draw_menu, split};
use crate::kiosk::menu::HelperItem;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct HelperQuestion<'a>(pub Ctx<'a>);

const INTRO_ROWS: u16 = 4;

pub fn menu_area(area: Rect) -> Rect {
    split(area, INTRO_ROWS).1
}

pub fn menu(c: Ctx, area: Rect) -> (Rect, Vec<MenuItem>) {
    let items = HelperItem::ALL
        .iter()
        .map(|item| {
            MenuItem::new(c.t(match item {
                HelperItem::NoOne => "helper-no-one",
                HelperItem::Staff => "helper-staff",
                HelperItem::Volunteer => "helper-volunteer",
            }))
        })
        .collect();
    (menu_area(area), items)
}

impl Widget for &HelperQuestion<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let (intro, _) = split(area, INTRO_ROWS);
        let mut doc = Doc::new(c.theme);
        doc.heading(c.t("helper-question"))
            .para(c.t("helper-why"))
            .muted(c.t("helper-privacy"));
        doc.render(intro, buf, 0);
        let (menu_area, items) = menu(c, area);
        draw_menu(c, menu_area, &items, buf);
    }
}
