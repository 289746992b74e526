//! "Whose data do you want to see?": yourself, each child in your custody, each person who gave you
//! power of attorney — the list the server checked. Shown after sign-in only when there is someone.

use super::{Ctx, draw_menu, placeholder, split};
use crate::domain::Basis;
use crate::kiosk::menu::WhoItem;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct ChooseWho<'a>(pub Ctx<'a>);

const INTRO_ROWS: u16 = 3;

pub fn menu_area(area: Rect) -> Rect {
    split(area, INTRO_ROWS).1
}

/// The chooser's items, from [`WhoItem::shown`]: the same list `update` counts.
pub fn menu(c: Ctx, area: Rect) -> Option<(Rect, Vec<MenuItem>)> {
    let session = c.model.session.as_ref()?;
    let list = session.represented.ready()?;
    let items = WhoItem::shown(session)
        .into_iter()
        .filter_map(|item| match item {
            WhoItem::Myself => Some(
                MenuItem::new(c.t("choose-who-myself")).detail(c.t("choose-who-myself-detail")),
            ),
            WhoItem::Other(i) => list.get(i).map(|p| {
                let detail = match (p.basis, p.may_act) {
                    (Basis::Custody, _) => c.t("choose-who-custody"),
                    (Basis::PowerOfAttorney, true) => c.t("choose-who-attorney-act"),
                    (Basis::PowerOfAttorney, false) => c.t("choose-who-attorney-see"),
                };
                MenuItem::new(p.name.clone()).detail(detail)
            }),
        })
        .collect();
    Some((menu_area(area), items))
}

impl Widget for &ChooseWho<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let Some(session) = c.model.session.as_ref() else {
            return;
        };
        let (intro, rest) = split(area, INTRO_ROWS);
        let mut doc = Doc::new(c.theme);
        doc.heading(c.t("choose-who-question"))
            .para(c.t("choose-who-why"));
        doc.render(intro, buf, 0);
        if placeholder(c, &session.represented, rest, buf) {
            return;
        }
        if let Some((menu_area, items)) = menu(c, area) {
            draw_menu(c, menu_area, &items, buf);
        }
    }
}
