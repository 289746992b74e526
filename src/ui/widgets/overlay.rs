//! A box in the middle of the screen with a title and sentences: notices and the timeout warning.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

/// Rows `s` takes when wrapped at `width` columns (at word boundaries, so allow some slack).
fn rows(s: &str, width: usize) -> u16 {
    let width = width.max(1);
    let mut rows = 1;
    let mut col = 0;
    for word in s.split(' ') {
        let w = word.chars().count();
        if col > 0 && col + 1 + w > width {
            rows += 1;
            col = w;
        } else {
            col += w + usize::from(col > 0);
        }
    }
    rows
}

/// Draws `sentences` (a blank line between them) in a bordered box titled `title`, centred in `body`,
/// at most `max_width` wide, sized to its wrapped text.
pub fn render(
    title: &str,
    sentences: &[String],
    style: Style,
    max_width: u16,
    body: Rect,
    buf: &mut Buffer,
) {
    let width = body.width.saturating_sub(8).min(max_width);
    let inner = width.saturating_sub(2) as usize;
    let mut text: Vec<Line> = Vec::new();
    let mut height = 2;
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 {
            text.push(Line::default());
            height += 1;
        }
        text.push(Line::raw(s.clone()));
        height += rows(s, inner);
    }
    let height = height.min(body.height);
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
                .title(format!(" {title} "))
                .style(style),
        )
        .render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::rows;

    #[test]
    fn counts_wrapped_rows() {
        assert_eq!(rows("short", 10), 1);
        assert_eq!(rows("one two three four", 9), 3);
        assert_eq!(rows("", 10), 1);
    }
}
