//! The footer: the keys that work on this screen, generated from the keymap. Each hint is also a
//! touch target.

use crate::i18n::t;
use crate::kiosk::keymap::{self, Binding};
use crate::kiosk::{Intent, Model};
use crate::ui::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

/// A hint placed on the footer.
struct Placed {
    x: u16,
    row: u16,
    width: u16,
    key: String,
    text: String,
    command: Intent,
}

fn label(model: &Model, b: &Binding) -> String {
    if b.label.starts_with("key-") {
        t(model.lang, b.label)
    } else {
        b.label.to_owned()
    }
}

/// Lays the hints out in rows of `width`, wrapping between hints.
fn place(model: &Model, width: u16) -> Vec<Placed> {
    let mut out = Vec::new();
    let (mut x, mut row) = (1u16, 0u16);
    let locked = model.settings.locked;
    for b in keymap::footer_now(model)
        .into_iter()
        .filter(|b| !(locked && b.command == Intent::Quit))
    {
        let key = format!(" {} ", label(model, b));
        let text = format!(" {}", t(model.lang, b.hint));
        let w = (key.chars().count() + text.chars().count()) as u16 + 2;
        if x + w > width && x > 1 {
            x = 1;
            row += 1;
        }
        out.push(Placed {
            x,
            row,
            width: w,
            key,
            text,
            command: b.command,
        });
        x += w;
    }
    out
}

/// Rows the footer needs at this width (plus one for the rule above it).
pub fn height(model: &Model, width: u16) -> u16 {
    let rows = place(model, width).last().map(|p| p.row + 1).unwrap_or(1);
    rows + 1
}

pub fn render(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    buf.set_string(
        area.x,
        area.y,
        "─".repeat(area.width as usize),
        theme.muted(),
    );
    for p in place(model, area.width) {
        let y = area.y + 1 + p.row;
        if y >= area.bottom() || p.x + p.width > area.width {
            continue;
        }
        let (x, _) = buf.set_stringn(area.x + p.x, y, &p.key, p.width as usize, theme.key());
        buf.set_string(x, y, &p.text, theme.base());
    }
}

/// The command of the hint under a tap.
pub fn hit(model: &Model, area: Rect, pos: Position) -> Option<Intent> {
    place(model, area.width)
        .into_iter()
        .find(|p| {
            pos.y == area.y + 1 + p.row && pos.x >= area.x + p.x && pos.x < area.x + p.x + p.width
        })
        .and_then(|p| match p.command {
            // The digits hint is a legend, not a button.
            Intent::Pick(_) => None,
            c => Some(c),
        })
}
