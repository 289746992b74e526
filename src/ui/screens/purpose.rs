//! One purpose in full: what it is, its legal basis in plain words, voluntary or required, the data it
//! uses, and how to object.

use super::Ctx;
use crate::domain::Lawfulness;
use crate::kiosk::Screen;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::lawfulness_badge;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct PurposeDetail<'a>(pub Ctx<'a>);

/// The page, built from the model; `None` while there is nothing to show.
pub fn doc(c: Ctx) -> Option<Doc> {
    let lang = c.lang();
    let Screen::Purpose { index } = c.model.screen() else {
        return None;
    };
    let p = c
        .model
        .session
        .as_ref()
        .and_then(|s| s.purposes.ready())
        .and_then(|l| l.get(*index))?;
    let explain = match p.lawfulness {
        Lawfulness::Voluntary => c.t("lawfulness-voluntary-explain"),
        Lawfulness::RequiredByLaw => c.t("lawfulness-required-explain"),
    };
    let mut d = Doc::new(c.theme);
    d.heading(p.name.get(lang)).para(p.description.get(lang));
    d.blank().line(Line::from(vec![
        lawfulness_badge(lang, c.theme, p.lawfulness),
        Span::styled(format!("  {explain}"), c.theme.base()),
    ]));
    d.legal_basis(lang, &p.legal_basis);
    d.heading(c.t("purpose-categories"));
    for cat in &p.categories {
        d.bullet(cat.get(lang));
    }
    d.heading(c.t("purpose-object"));
    d.para(p.how_to_object.get(lang));
    Some(d)
}

impl Widget for &PurposeDetail<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        if let Some(d) = doc(c) {
            d.render(area, buf, c.model.place().scroll);
        }
    }
}
