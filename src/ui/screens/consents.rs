//! Consents: what the citizen has agreed to, and withdrawing it.

use super::{Ctx, draw_menu, placeholder};
use crate::domain::Consent;
use crate::i18n::{format_day, tr};
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct Consents<'a>(pub Ctx<'a>);

/// The list and the selected consent side by side, half and half.
fn columns(area: Rect) -> (Rect, Rect) {
    let left = area.width / 2;
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

fn status(c: Ctx, x: &Consent) -> String {
    let lang = c.lang();
    match x.withdrawn_at {
        Some(at) => tr(
            lang,
            "consent-withdrawn-on",
            &[("date", format_day(lang, at).into())],
        ),
        None if x.withdrawal_pending => c.t("consent-pending"),
        None => c.t("consent-active"),
    }
}

pub fn menu(c: Ctx, area: Rect) -> Option<(Rect, Vec<MenuItem>)> {
    let list = c.model.session.as_ref()?.consents.ready()?;
    let items = list
        .iter()
        .map(|x| MenuItem::new(x.scope.get(c.lang())).detail(status(c, x)))
        .collect();
    Some((menu_area(area), items))
}

pub fn menu_area(area: Rect) -> Rect {
    columns(area).0
}

pub fn detail(c: Ctx, x: &Consent) -> Doc {
    let lang = c.lang();
    let mut d = Doc::new(c.theme);
    d.heading(x.scope.get(lang));
    d.field(c.t("consent-recipient"), x.recipient.get(lang));
    d.field(c.t("consent-purpose"), x.purpose.get(lang));
    d.field(c.t("consent-given"), format_day(lang, x.given_at));
    d.field(c.t("consent-status"), status(c, x));
    d.blank();
    let may_act = c.model.session.as_ref().is_none_or(|s| s.may_act());
    if x.is_active() && !x.withdrawal_pending && !may_act {
        d.para(c.t("consent-withdraw-not-covered"));
    } else if x.is_active() && !x.withdrawal_pending {
        d.para(c.t("consent-how-to-withdraw"));
    } else if x.withdrawal_pending {
        d.para(c.t("consent-pending-explain"));
    } else {
        d.para(c.t("consent-withdrawn-explain"));
    }
    d
}

impl Widget for &Consents<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let Some(session) = c.model.session.as_ref() else {
            return;
        };
        if placeholder(c, &session.consents, area, buf) {
            return;
        }
        let Some((left, items)) = menu(c, area) else {
            return;
        };
        if items.is_empty() {
            let mut d = Doc::new(c.theme);
            d.para(c.t("consents-none"));
            d.render(area, buf, 0);
            return;
        }
        draw_menu(c, left, &items, buf);
        let (_, right) = columns(area);
        if let Some(x) = session
            .consents
            .ready()
            .and_then(|l| l.get(c.model.place().selected))
        {
            detail(c, x).render(right, buf, 0);
        }
    }
}
