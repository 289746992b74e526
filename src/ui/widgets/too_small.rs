//! Below 80×24: ask for a bigger window, in words that fit any size.

use crate::domain::Lang;
use crate::i18n::{t, tr};
use crate::ui::{MIN_HEIGHT, MIN_WIDTH, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub fn render(lang: Lang, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let size = tr(
        lang,
        "too-small-size",
        &[
            ("width", i64::from(MIN_WIDTH).into()),
            ("height", i64::from(MIN_HEIGHT).into()),
        ],
    );
    let text = Text::from(vec![
        Line::styled(t(lang, "too-small"), theme.heading()),
        Line::styled(size, theme.base()),
    ]);
    Paragraph::new(text)
        .style(theme.base())
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
