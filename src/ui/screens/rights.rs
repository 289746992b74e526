//! Your rights, in plain words, with the data protection officer and Datatilsynet.

use super::Ctx;
use crate::i18n::tr;
use crate::ui::widgets::doc::Doc;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct Rights<'a>(pub Ctx<'a>);

const RIGHTS: [&str; 6] = [
    "access",
    "rectification",
    "erasure",
    "restriction",
    "objection",
    "complaint",
];

/// The page, built from the model; `None` while there is nothing to show.
pub fn doc(c: Ctx) -> Option<Doc> {
    let mut d = Doc::new(c.theme);
    d.para(c.t("rights-intro"));
    for r in RIGHTS {
        d.heading(c.t(&format!("right-{r}")));
        d.para(c.t(&format!("right-{r}-explain")));
    }
    d.heading(c.t("rights-dpo"));
    d.para(tr(
        c.lang(),
        "rights-dpo-contact",
        &[("contact", c.model.settings.dpo_contact.clone().into())],
    ));
    d.heading(c.t("rights-datatilsynet"));
    d.para(c.t("rights-datatilsynet-contact"));
    Some(d)
}

impl Widget for &Rights<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        if let Some(d) = doc(c) {
            d.render(area, buf, c.model.place().scroll);
        }
    }
}
