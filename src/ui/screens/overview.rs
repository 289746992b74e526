//! The overview: who is signed in, and a count for each section.

use super::{Ctx, count, draw_menu, split};
use crate::domain::Overview;
use crate::i18n::tr;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct OverviewScreen<'a>(pub Ctx<'a>);

const INTRO_ROWS: u16 = 2;

fn detail(c: Ctx, id: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, fluent_bundle::FluentValue)> =
        args.iter().map(|(k, v)| (*k, v.clone().into())).collect();
    tr(c.lang(), id, &args)
}

pub fn menu(c: Ctx, area: Rect) -> (Rect, Vec<MenuItem>) {
    let lang = c.lang();
    let o: Option<Overview> = c
        .model
        .session
        .as_ref()
        .and_then(|s| s.overview.ready().copied());
    let n = |v: u32| count(lang, v);
    let loading = c.t("loading");
    let with = |f: &dyn Fn(&Overview) -> String| o.as_ref().map(f).unwrap_or(loading.clone());
    let items = vec![
        MenuItem::new(c.t("section-data")).detail(with(&|o| {
            detail(
                c,
                "overview-data-count",
                &[("categories", n(o.categories)), ("areas", n(o.areas))],
            )
        })),
        MenuItem::new(c.t("section-purposes")).detail(with(&|o| {
            detail(c, "overview-purposes-count", &[("count", n(o.purposes))])
        })),
        MenuItem::new(c.t("section-access-log")).detail(with(&|o| {
            detail(c, "overview-access-count", &[("count", n(o.access_events))])
        })),
        MenuItem::new(c.t("section-consents")).detail(with(&|o| {
            detail(
                c,
                "overview-consents-count",
                &[("count", n(o.consents)), ("active", n(o.active_consents))],
            )
        })),
        MenuItem::new(c.t("section-decisions")).detail(with(&|o| {
            detail(
                c,
                "overview-decisions-count",
                &[("count", n(o.decision_support))],
            )
        })),
        MenuItem::new(c.t("section-rights")).detail(c.t("overview-rights-detail")),
        MenuItem::new(c.t("section-online")).detail(c.t("overview-online-detail")),
    ];
    (split(area, INTRO_ROWS).1, items)
}

impl Widget for &OverviewScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let (intro, _) = split(area, INTRO_ROWS);
        let mut doc = Doc::new(c.theme);
        match c.model.session.as_ref().and_then(|s| s.citizen.ready()) {
            Some(citizen) => {
                doc.heading(tr(
                    c.lang(),
                    "overview-greeting",
                    &[("name", citizen.name.clone().into())],
                ));
                doc.muted(tr(
                    c.lang(),
                    "overview-cpr",
                    &[("cpr", citizen.cpr.masked().into())],
                ));
            }
            None => {
                doc.heading(c.t("overview-heading"));
            }
        }
        doc.render(intro, buf, 0);
        let (menu_area, items) = menu(c, area);
        draw_menu(c, menu_area, &items, buf);
    }
}
