//! The warning before the session ends, with a countdown. Any key or tap continues (WCAG 2.2.1).

use crate::i18n::tr;
use crate::kiosk::{Model, Warning, WarningKind};
use crate::ui::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

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
    let sentences: Vec<String> = lines
        .iter()
        .map(|id| tr(lang, id, &[("seconds", seconds.into())]))
        .collect();
    super::overlay::render(&tr(lang, title, &[]), &sentences, style, 64, body, buf);
}
