//! The access-log filters: period, area, organisation, action, search, clear, show.

use super::{Ctx, draw_menu, split};
use crate::i18n::t;
use crate::kiosk::menu::FilterItem;
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
    let change = || c.t("filter-change");
    let set = |id: &str, value: &str| MenuItem::new(format!("{}: {value}", c.t(id)));
    let items = FilterItem::ALL
        .iter()
        .map(|item| match item {
            FilterItem::Period => set("filter-period", &period).detail(change()),
            FilterItem::Area => set("filter-area", &area_name).detail(change()),
            FilterItem::Organisation => set("filter-organisation", &org).detail(change()),
            FilterItem::Action => set("filter-action", &action).detail(change()),
            FilterItem::Search => set("filter-search", &text).detail(c.t("filter-search-detail")),
            FilterItem::Clear => MenuItem::new(c.t("filter-clear")),
            FilterItem::Show => MenuItem::new(c.t("filter-show")),
        })
        .collect();
    (menu_area(area), items)
}

pub fn menu_area(area: Rect) -> Rect {
    split(area, INTRO_ROWS).1
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
