//! Typing a search text for the access log.

use super::Ctx;
use crate::ui::widgets::doc::Doc;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

pub struct Search<'a>(pub Ctx<'a>);

impl Widget for &Search<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let mut d = Doc::new(c.theme);
        d.heading(c.t("search-heading")).para(c.t("search-explain"));
        d.render(
            Rect::new(area.x, area.y, area.width, 3.min(area.height)),
            buf,
            0,
        );
        if area.height < 7 {
            return;
        }
        let width = area.width.saturating_sub(4).min(66);
        let input = Rect::new(area.x + 2, area.y + 4, width, 3);
        Block::default()
            .borders(Borders::ALL)
            .border_style(c.theme.heading())
            .style(c.theme.base())
            .render(input, buf);
        Line::from(vec![
            Span::styled(c.model.search_input.clone(), c.theme.base()),
            Span::styled("▏", c.theme.heading()),
        ])
        .render(
            Rect::new(input.x + 1, input.y + 1, input.width.saturating_sub(2), 1),
            buf,
        );
        let mut hint = Doc::new(c.theme);
        hint.muted(c.t("search-keys"));
        hint.render(
            Rect::new(
                area.x,
                area.y + 8,
                area.width,
                1.min(area.height.saturating_sub(8)),
            ),
            buf,
            0,
        );
    }
}
