//! One data category with every field: the values, the purpose, the legal basis in words, voluntary or
//! required, how long it is kept, where it came from, who it is shared with, and the system.

use super::{Ctx, placeholder};
use crate::domain::{DataCategory, Lawfulness, OriginKind};
use crate::i18n::{format_date, format_day, t, tr};
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::lawfulness_badge;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct CategoryDetail<'a>(pub Ctx<'a>);

/// Masked text for a sensitive value.
pub const MASK: &str = "••••••";

pub fn doc(c: Ctx, cat: &DataCategory) -> Doc {
    let lang = c.lang();
    let mut d = Doc::new(c.theme);
    d.heading(cat.name.get(lang))
        .para(cat.description.get(lang));
    d.blank().line(Line::from(vec![
        lawfulness_badge(lang, c.theme, cat.lawfulness),
        Span::styled(
            format!(
                "  {}",
                match cat.lawfulness {
                    Lawfulness::Voluntary => c.t("lawfulness-voluntary-explain"),
                    Lawfulness::RequiredByLaw => c.t("lawfulness-required-explain"),
                }
            ),
            c.theme.base(),
        ),
    ]));

    d.heading(c.t("category-values"));
    let revealed = c.model.place().revealed;
    let mut masked = 0;
    for f in &cat.fields {
        let value = if f.sensitive || cat.special {
            let shown = revealed == Some(masked);
            masked += 1;
            if shown {
                format!("{}  {}", f.value.get(lang), c.t("category-revealed"))
            } else {
                format!("{MASK} {}", c.t("category-masked"))
            }
        } else {
            f.value.get(lang).to_owned()
        };
        d.field(f.label.get(lang), value);
    }
    if masked > 0 {
        d.muted(c.t("category-reveal-how"));
    }
    if cat.special {
        d.muted(c.t("category-special-explain"));
    }

    d.heading(c.t("category-purpose"));
    for p in &cat.purposes {
        d.bullet(p.get(lang));
    }

    d.legal_basis(lang, &cat.legal_basis);

    d.heading(c.t("category-retention"));
    d.para(cat.retention.rule.get(lang));
    match cat.retention.delete_on {
        Some(date) => d.field(c.t("category-delete-on"), format_date(lang, date)),
        None => d.para(c.t("category-no-delete-date")),
    };

    d.heading(c.t("category-origin"));
    d.para(origin(lang, cat.origin.kind, cat.origin.name.get(lang)));

    d.heading(c.t("category-recipients"));
    if cat.recipients.is_empty() {
        d.para(c.t("category-no-recipients"));
    }
    for r in &cat.recipients {
        d.bullet(r.get(lang));
    }

    d.heading(c.t("category-system"));
    d.para(cat.system.clone());
    d.field(c.t("category-updated"), format_day(lang, cat.updated_at));
    d
}

fn origin(lang: crate::domain::Lang, kind: OriginKind, name: &str) -> String {
    let id = match kind {
        OriginKind::Citizen => "origin-citizen",
        OriginKind::CprRegister => "origin-cpr",
        OriginKind::Authority => "origin-authority",
    };
    if kind == OriginKind::Authority {
        tr(lang, id, &[("name", name.to_owned().into())])
    } else {
        t(lang, id)
    }
}

impl Widget for &CategoryDetail<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let Some(session) = c.model.session.as_ref() else {
            return;
        };
        if placeholder(c, &session.category, area, buf) {
            return;
        }
        if let Some(cat) = session.category.ready() {
            doc(c, cat).render(area, buf, c.model.place().scroll);
        }
    }
}
