//! The access-log filters: period, area, organisation, action, search, clear, show.

use super::{Ctx, draw_menu, split};
use crate::i18n::t;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct Filters<'a>(pub Ctx<'a>);

const INTRO_ROWS: u16 = 1;

pub fn menu(c: Ctx, area: Rect) -> (Rect, Vec<MenuItem>) {
    let lang = c.lang();
    let all = c.t("filter-all");
    let session = c.model.session.as_ref();
    let log = session.map(|s| &s.log);
    let period = log
        .map(|l| c.t(l.period.message_id()))
        .unwrap_or(all.clone());
    let area_name = log
        .and_then(|l| l.filter.area.as_ref())
        .and_then(|code| session?.areas.ready()?.iter().find(|a| &a.code == code))
        .map(|a| a.name.get(lang).to_owned())
        .unwrap_or(all.clone());
    let org = log
        .and_then(|l| {
            let id = l.filter.organisation?;
            l.organisations.ready()?.iter().find(|o| o.id == id)
        })
        .map(|o| o.name.get(lang).to_owned())
        .unwrap_or(all.clone());
    let action = log
        .and_then(|l| l.filter.action)
        .map(|a| t(lang, &format!("action-{}", a.code())))
        .unwrap_or(all);
    let text = log
        .and_then(|l| l.filter.text.clone())
        .unwrap_or_else(|| c.t("filter-no-search"));
    let change = c.t("filter-change");
    let items = vec![
        MenuItem::new(format!("{}: {period}", c.t("filter-period"))).detail(change.clone()),
        MenuItem::new(format!("{}: {area_name}", c.t("filter-area"))).detail(change.clone()),
        MenuItem::new(format!("{}: {org}", c.t("filter-organisation"))).detail(change.clone()),
        MenuItem::new(format!("{}: {action}", c.t("filter-action"))).detail(change),
        MenuItem::new(format!("{}: {text}", c.t("filter-search")))
            .detail(c.t("filter-search-detail")),
        MenuItem::new(c.t("filter-clear")),
        MenuItem::new(c.t("filter-show")),
    ];
    (split(area, INTRO_ROWS).1, items)
}

impl Widget for &Filters<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let (intro, _) = split(area, INTRO_ROWS);
        let mut d = Doc::new(c.theme);
        d.para(c.t("filter-explain"));
        d.render(intro, buf, 0);
        let (m, items) = menu(c, area);
        draw_menu(c, m, &items, buf);
    }
}
