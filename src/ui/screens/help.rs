//! Help: every key of the keymap, in words. Generated from the keymap, so it is never out of date.

use super::Ctx;
use crate::i18n::t;
use crate::kiosk::keymap;
use crate::ui::widgets::doc::Doc;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct Help<'a>(pub Ctx<'a>);

/// The page, built from the model; `None` while there is nothing to show.
pub fn doc(c: Ctx) -> Option<Doc> {
    let lang = c.lang();
    let mut d = Doc::new(c.theme);
    d.para(c.t("help-intro")).blank();
    for b in keymap::help(c.model) {
        let label = if b.label.starts_with("key-") {
            t(lang, b.label)
        } else {
            b.label.to_owned()
        };
        d.line(Line::from(vec![
            Span::styled(format!(" {label:^8} "), c.theme.key()),
            Span::styled(format!("  {}", t(lang, b.help)), c.theme.base()),
        ]));
    }
    d.blank().para(c.t("help-touch"));
    Some(d)
}

impl Widget for &Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        if let Some(d) = doc(c) {
            d.render(area, buf, c.model.place().scroll);
        }
    }
}
