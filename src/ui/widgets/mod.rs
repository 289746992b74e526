//! Pieces the screens are built from.

pub mod banner;
pub mod blind;
pub mod doc;
pub mod footer;
pub mod header;
pub mod menu;
pub mod notice;
pub mod overlay;
pub mod qr;
pub mod too_small;
pub mod warning;

use crate::domain::{Lang, Lawfulness};
use crate::i18n::t;
use crate::ui::Theme;
use ratatui::text::Span;

/// The "Voluntary" / "Required by law" label, always in words.
pub fn lawfulness_badge(lang: Lang, theme: &Theme, l: Lawfulness) -> Span<'static> {
    match l {
        Lawfulness::Voluntary => Span::styled(
            format!(" {} ", t(lang, "badge-voluntary")),
            theme.voluntary(),
        ),
        Lawfulness::RequiredByLaw => {
            Span::styled(format!(" {} ", t(lang, "badge-required")), theme.required())
        }
    }
}

/// A spinner frame for "loading", from the time in the model (views never read the clock).
pub fn spinner(now: jiff::Timestamp) -> &'static str {
    const FRAMES: [&str; 4] = ["◐", "◓", "◑", "◒"];
    FRAMES[(now.as_millisecond() / 250).rem_euclid(4) as usize]
}
