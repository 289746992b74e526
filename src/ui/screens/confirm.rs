//! Confirmations: report an access entry, or withdraw a consent. Yes is never the default action of a
//! stray key: the citizen picks 1 or 2.

use super::{Ctx, draw_menu, split};
use crate::i18n::tr;
use crate::kiosk::Screen;
use crate::kiosk::menu::ConfirmItem;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct Confirm<'a>(pub Ctx<'a>);

const INTRO_ROWS: u16 = 5;

fn is_report(c: Ctx) -> bool {
    matches!(c.model.screen(), Screen::ConfirmReport { .. })
}

pub fn menu_area(area: Rect) -> Rect {
    split(area, INTRO_ROWS).1
}

pub fn menu(c: Ctx, area: Rect) -> (Rect, Vec<MenuItem>) {
    let items = ConfirmItem::ALL
        .iter()
        .map(|item| {
            MenuItem::new(c.t(match (item, is_report(c)) {
                (ConfirmItem::Yes, true) => "confirm-report-yes",
                (ConfirmItem::Yes, false) => "confirm-withdraw-yes",
                (ConfirmItem::No, _) => "confirm-no",
            }))
        })
        .collect();
    (menu_area(area), items)
}

impl Widget for &Confirm<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let lang = c.lang();
        let mut d = Doc::new(c.theme);
        match c.model.screen() {
            Screen::ConfirmWithdraw { id } => {
                let scope = c
                    .model
                    .session
                    .as_ref()
                    .and_then(|s| s.consents.ready())
                    .and_then(|l| l.iter().find(|x| x.id == *id))
                    .map(|x| x.scope.get(lang).to_owned())
                    .unwrap_or_default();
                d.heading(c.t("confirm-withdraw-heading"));
                d.para(tr(
                    lang,
                    "confirm-withdraw-scope",
                    &[("scope", scope.into())],
                ));
                d.para(c.t("confirm-withdraw-explain"));
            }
            _ => {
                d.heading(c.t("confirm-report-heading"));
                d.para(c.t("confirm-report-explain"));
            }
        }
        let (intro, _) = split(area, INTRO_ROWS);
        d.render(intro, buf, 0);
        let (m, items) = menu(c, area);
        draw_menu(c, m, &items, buf);
    }
}
