//! A menu of numbered items, each a touch target three rows high. Items are laid out in one or two
//! columns to fit, and the page with the selected item is shown.

use crate::ui::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Rows per item: the title, a detail line, and a gap.
pub const ITEM_HEIGHT: u16 = 3;

/// One item of a menu.
#[derive(Debug, Clone, Default)]
pub struct MenuItem {
    pub title: String,
    pub detail: Option<String>,
    /// A label shown after the title (e.g. "Voluntary").
    pub badge: Option<Span<'static>>,
}

impl MenuItem {
    pub fn new(title: impl Into<String>) -> MenuItem {
        MenuItem {
            title: title.into(),
            ..MenuItem::default()
        }
    }

    pub fn detail(mut self, d: impl Into<String>) -> MenuItem {
        self.detail = Some(d.into());
        self
    }

    pub fn badge(mut self, b: Span<'static>) -> MenuItem {
        self.badge = Some(b);
        self
    }
}

pub struct Menu<'a> {
    pub items: &'a [MenuItem],
    pub selected: usize,
    pub theme: &'a Theme,
}

/// The number of columns used for `n` items in `area`.
fn columns(area: Rect, n: usize) -> usize {
    let rows = (area.height / ITEM_HEIGHT).max(1) as usize;
    if n > rows && area.width >= 76 { 2 } else { 1 }
}

/// Where each visible item goes: `(index, rect)`, for the page that holds `selected`.
pub fn layout(area: Rect, n: usize, selected: usize) -> Vec<(usize, Rect)> {
    let rows = (area.height / ITEM_HEIGHT).max(1) as usize;
    if area.height < ITEM_HEIGHT || n == 0 {
        return Vec::new();
    }
    let cols = columns(area, n);
    // Two columns share the items evenly when they all fit.
    let rows = if cols == 2 && n <= rows * 2 {
        n.div_ceil(2)
    } else {
        rows
    };
    let per_page = rows * cols;
    let first = (selected.min(n - 1) / per_page) * per_page;
    let col_w = area.width / cols as u16;
    (first..n.min(first + per_page))
        .map(|i| {
            let k = i - first;
            let (col, row) = (k / rows, k % rows);
            let rect = Rect::new(
                area.x + col as u16 * col_w,
                area.y + row as u16 * ITEM_HEIGHT,
                col_w.saturating_sub(1),
                ITEM_HEIGHT,
            );
            (i, rect)
        })
        .collect()
}

impl Widget for &Menu<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        for (i, rect) in layout(area, self.items.len(), self.selected) {
            let item = &self.items[i];
            let focused = i == self.selected;
            let style = if focused { theme.focus() } else { theme.base() };
            let band = Rect::new(rect.x, rect.y, rect.width, 2);
            buf.set_style(band, style);
            let marker = if focused { "▶" } else { " " };
            let number = if i < 9 {
                format!(" {} ", i + 1)
            } else {
                "   ".to_owned()
            };
            let text_width = rect.width.saturating_sub(5) as usize;
            let badge_width = item.badge.as_ref().map(|b| b.width() + 2).unwrap_or(0);
            let badge_on_title = item.title.chars().count() + badge_width <= text_width;
            let mut spans = vec![
                Span::styled(marker, style),
                Span::styled(number, if focused { style } else { theme.key() }),
                Span::styled(" ", style),
                Span::styled(fit(&item.title, text_width), style),
            ];
            if let (Some(b), true) = (&item.badge, badge_on_title) {
                spans.push(Span::styled("  ", style));
                spans.push(b.clone());
            }
            Line::from(spans).render(Rect::new(rect.x, rect.y, rect.width, 1), buf);
            let dstyle = if focused { style } else { theme.muted() };
            let mut detail = vec![Span::styled("     ", dstyle)];
            let mut room = text_width;
            if let (Some(b), false) = (&item.badge, badge_on_title) {
                detail.push(b.clone());
                detail.push(Span::styled(" ", dstyle));
                room = room.saturating_sub(badge_width);
            }
            if let Some(d) = &item.detail {
                detail.push(Span::styled(fit(d, room), dstyle));
            }
            Line::from(detail).render(Rect::new(rect.x, rect.y + 1, rect.width, 1), buf);
        }
    }
}

/// `s` cut to `width` characters, ending in "…" when cut.
fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The index of the item under a tap.
pub fn hit(area: Rect, n: usize, selected: usize, pos: ratatui::layout::Position) -> Option<usize> {
    layout(area, n, selected)
        .into_iter()
        .find(|(_, r)| r.contains(pos))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_a_touch_target_three_rows_high_at_any_size() {
        for (w, h) in [(80, 17), (120, 33), (200, 50), (40, 9)] {
            for n in 1..20 {
                let area = Rect::new(0, 3, w, h);
                let rects = layout(area, n, n - 1);
                assert!(!rects.is_empty(), "{w}x{h} n={n}");
                assert!(
                    rects.iter().any(|(i, _)| *i == n - 1),
                    "the selected item is on screen"
                );
                for (_, r) in rects {
                    assert!(r.height >= 3);
                    assert!(area.contains(r.as_position()) && r.bottom() <= area.bottom());
                }
            }
        }
    }
}
