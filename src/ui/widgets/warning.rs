//! The warning before the session ends, with a countdown. Any key or tap continues (WCAG 2.2.1).

use crate::i18n::tr;
use crate::kiosk::{Model, Warning, WarningKind};
use crate::ui::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

pub fn render(model: &Model, theme: &Theme, w: &Warning, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let seconds = w.ends_at.duration_since(model.now).as_secs().max(0);
    let (title, lines) = match w.kind {
        WarningKind::Idle => (
            "warning-idle-title",
            ["warning-idle-ends", "warning-idle-continue"],
        ),
        WarningKind::Cap => (
            "warning-cap-title",
            ["warning-cap-ends", "warning-cap-continue"],
        ),
    };
    let style = theme.notice().add_modifier(Modifier::BOLD);
    let mut text = Vec::new();
    for id in lines {
        text.push(Line::raw(tr(lang, id, &[("seconds", seconds.into())])));
        text.push(Line::default());
    }
    let width = body.width.saturating_sub(8).min(64);
    let height = (text.len() as u16 + 2).min(body.height);
    let area = Rect::new(
        body.x + (body.width.saturating_sub(width)) / 2,
        body.y + (body.height.saturating_sub(height)) / 2,
        width,
        height,
    );
    Clear.render(area, buf);
    Paragraph::new(Text::from(text))
        .style(style)
        .wrap(Wrap { trim: true })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", tr(lang, title, &[])))
                .style(style),
        )
        .render(area, buf);
}
