//! The header: the municipality, the screen's title, and the language in use.

use crate::domain::Lang;
use crate::i18n::t;
use crate::kiosk::Model;
use crate::ui::{Theme, title_id};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub fn render(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let lang = model.lang;
    let left = Line::from(vec![
        Span::styled(
            format!(" {} ", model.settings.municipality),
            theme.heading(),
        ),
        Span::styled("· ", theme.muted()),
        Span::styled(t(lang, title_id(model.screen())), theme.base()),
    ]);
    left.render(Rect::new(area.x, area.y, area.width, 1), buf);

    let langs = [(Lang::Da, "Dansk"), (Lang::En, "English")];
    let mut spans = Vec::new();
    for (i, (l, name)) in langs.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" | ", theme.muted()));
        }
        let style = if *l == lang {
            theme.heading()
        } else {
            theme.muted()
        };
        spans.push(Span::styled(*name, style));
    }
    spans.push(Span::raw(" "));
    if let Some(at) = language_area(area) {
        Line::from(spans).right_aligned().render(at, buf);
    }
    if area.height > 1 {
        match super::banner::text(model) {
            // Acting for someone: the rule becomes the banner, so it is on every screen.
            Some(text) => {
                let row = Rect::new(area.x, area.y + 1, area.width, 1);
                buf.set_style(row, theme.notice());
                Line::styled(format!(" ▶ {text}"), theme.notice()).render(row, buf);
            }
            None => {
                let rule = "─".repeat(area.width as usize);
                buf.set_string(area.x, area.y + 1, rule, theme.muted());
            }
        }
    }
}

/// Where "Dansk | English" is drawn (a tap there switches the language), if the header has room for it.
pub fn language_area(area: Rect) -> Option<Rect> {
    let width = "Dansk | English ".chars().count() as u16;
    (width + 30 < area.width && area.height > 0)
        .then(|| Rect::new(area.x + area.width - width, area.y, width, 1))
}
