//! Purposes: each with its legal basis, voluntary or required, the data it uses, and how to object.
//! The list is on the left, the selected purpose on the right.

use super::{Ctx, draw_menu, placeholder};
use crate::domain::Purpose;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::lawfulness_badge;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct Purposes<'a>(pub Ctx<'a>);

/// The list and the detail side by side.
pub fn columns(area: Rect) -> (Rect, Rect) {
    let left = (area.width * 2 / 5).max(30).min(area.width);
    (
        Rect::new(area.x, area.y, left, area.height),
        Rect::new(
            area.x + left + 1,
            area.y,
            area.width.saturating_sub(left + 1),
            area.height,
        ),
    )
}

pub fn menu(c: Ctx, area: Rect) -> Option<(Rect, Vec<MenuItem>)> {
    let list = c.model.session.as_ref()?.purposes.ready()?;
    let items = list
        .iter()
        .map(|p| {
            MenuItem::new(p.name.get(c.lang())).badge(lawfulness_badge(
                c.lang(),
                c.theme,
                p.lawfulness,
            ))
        })
        .collect();
    let (left, _) = columns(area);
    Some((left, items))
}

fn detail(c: Ctx, p: &Purpose) -> Doc {
    let lang = c.lang();
    let mut d = Doc::new(c.theme);
    d.heading(p.name.get(lang)).para(p.description.get(lang));
    d.legal_basis(lang, &p.legal_basis);
    d.heading(c.t("purpose-categories"));
    for cat in &p.categories {
        d.bullet(cat.get(lang));
    }
    d.heading(c.t("purpose-object"));
    d.para(p.how_to_object.get(lang));
    d
}

impl Widget for &Purposes<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let Some(session) = c.model.session.as_ref() else {
            return;
        };
        if placeholder(c, &session.purposes, area, buf) {
            return;
        }
        let Some((left, items)) = menu(c, area) else {
            return;
        };
        if items.is_empty() {
            let mut d = Doc::new(c.theme);
            d.para(c.t("purposes-none"));
            d.render(area, buf, 0);
            return;
        }
        draw_menu(c, left, &items, buf);
        let (_, right) = columns(area);
        let selected = c.model.place().selected;
        if let Some(p) = session.purposes.ready().and_then(|l| l.get(selected)) {
            detail(c, p).render(right, buf, 0);
        }
    }
}
