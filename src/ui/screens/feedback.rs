//! "Was this understandable?", asked once at sign-out: three answers and a skip. What is kept of the
//! answer is said on the screen, so the citizen knows it is not tied to them.

use super::{Ctx, draw_menu, split};
use crate::kiosk::menu::FeedbackItem;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct FeedbackQuestion<'a>(pub Ctx<'a>);

const INTRO_ROWS: u16 = 4;

pub fn menu_area(area: Rect) -> Rect {
    split(area, INTRO_ROWS).1
}

pub fn menu(c: Ctx, area: Rect) -> (Rect, Vec<MenuItem>) {
    let items = FeedbackItem::ALL
        .iter()
        .map(|item| {
            MenuItem::new(c.t(match item {
                FeedbackItem::Mostly => "feedback-mostly",
                FeedbackItem::Partly => "feedback-partly",
                FeedbackItem::Hard => "feedback-hard",
                FeedbackItem::Skip => "feedback-skip",
            }))
        })
        .collect();
    (menu_area(area), items)
}

impl Widget for &FeedbackQuestion<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let (intro, _) = split(area, INTRO_ROWS);
        let mut doc = Doc::new(c.theme);
        doc.heading(c.t("feedback-question"))
            .para(c.t("feedback-why"))
            .muted(c.t("feedback-privacy"));
        doc.render(intro, buf, 0);
        let (menu_area, items) = menu(c, area);
        draw_menu(c, menu_area, &items, buf);
    }
}
