//! The overview: who is signed in, and a count for each section. When its own loads failed, it says what
//! went wrong and how to try again.

use super::{Ctx, count, draw_menu, split};
use crate::domain::Overview;
use crate::i18n::tr;
use crate::kiosk::Loadable;
use crate::kiosk::menu::OverviewItem;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct OverviewScreen<'a>(pub Ctx<'a>);

/// The greeting and the CPR number, and the coverage note when it is known; with a failed load, also the
/// error and how to try again.
fn intro_rows(c: Ctx) -> u16 {
    let base = if c.model.overview_failed() { 5 } else { 2 };
    base + u16::from(coverage(c).is_some())
}

/// What the picture covers: how many systems sent data and when the newest did, then the systems not
/// updated for too long and those that never sent anything. `None` until the systems are loaded.
fn coverage(c: Ctx) -> Option<String> {
    let systems = c.model.session.as_ref()?.systems.ready()?;
    if systems.is_empty() {
        return None;
    }
    let lang = c.lang();
    let fresh: Vec<_> = systems.iter().filter(|s| !s.stale).collect();
    let mut parts = Vec::new();
    if let Some(latest) = fresh.iter().filter_map(|s| s.last_ingest).max() {
        parts.push(tr(
            lang,
            "overview-coverage",
            &[
                ("count", fresh.len().into()),
                ("date", crate::i18n::format_day(lang, latest).into()),
            ],
        ));
    }
    // Stale systems grouped by the day they last sent data, newest day first, so a long list stays short:
    // "Not updated since 1 Nov 2026: Aula, BBR, CPR and 8 more."
    let mut by_day: std::collections::BTreeMap<String, (jiff::Timestamp, Vec<&str>)> =
        std::collections::BTreeMap::new();
    for s in systems.iter().filter(|s| s.stale) {
        let Some(at) = s.last_ingest else { continue };
        let day = crate::i18n::format_day(lang, at);
        let entry = by_day.entry(day).or_insert((at, Vec::new()));
        entry.0 = entry.0.max(at);
        entry.1.push(s.name.as_str());
    }
    let mut days: Vec<(String, jiff::Timestamp, Vec<&str>)> =
        by_day.into_iter().map(|(d, (at, n))| (d, at, n)).collect();
    days.sort_by_key(|d| std::cmp::Reverse(d.1));
    for (day, _, names) in days {
        parts.push(tr(
            lang,
            "overview-coverage-stale",
            &[
                ("date", day.into()),
                ("systems", short_list(c, &names).into()),
            ],
        ));
    }
    let never: Vec<&str> = systems
        .iter()
        .filter(|s| s.last_ingest.is_none())
        .map(|s| s.name.as_str())
        .collect();
    if !never.is_empty() {
        parts.push(tr(
            lang,
            "overview-coverage-never",
            &[("systems", short_list(c, &never).into())],
        ));
    }
    Some(parts.join(" "))
}

/// At most three names, then "and N more".
fn short_list(c: Ctx, names: &[&str]) -> String {
    const SHOWN: usize = 3;
    if names.len() <= SHOWN + 1 {
        return names.join(", ");
    }
    let more = tr(
        c.lang(),
        "overview-coverage-more",
        &[("count", (names.len() - SHOWN).into())],
    );
    format!("{} {more}", names[..SHOWN].join(", "))
}

fn detail(c: Ctx, id: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, fluent_bundle::FluentValue)> =
        args.iter().map(|(k, v)| (*k, v.clone().into())).collect();
    tr(c.lang(), id, &args)
}

pub fn menu_area(c: Ctx, area: Rect) -> Rect {
    split(area, intro_rows(c)).1
}

/// The line under a section's title: its count, or what became of the count.
fn counted(c: Ctx, item: OverviewItem, o: &Overview) -> String {
    let n = |v: u32| count(c.lang(), v);
    match item {
        OverviewItem::Data => detail(
            c,
            "overview-data-count",
            &[("categories", n(o.categories)), ("areas", n(o.areas))],
        ),
        OverviewItem::Purposes => detail(c, "overview-purposes-count", &[("count", n(o.purposes))]),
        OverviewItem::AccessLog => {
            detail(c, "overview-access-count", &[("count", n(o.access_events))])
        }
        OverviewItem::Consents => detail(
            c,
            "overview-consents-count",
            &[("count", n(o.consents)), ("active", n(o.active_consents))],
        ),
        OverviewItem::Decisions => detail(
            c,
            "overview-decisions-count",
            &[("count", n(o.decision_support))],
        ),
        OverviewItem::Rights => c.t("overview-rights-detail"),
        // A number, not a formatted string, so the plural form follows it.
        OverviewItem::Requests if o.new_answers > 0 => tr(
            c.lang(),
            "overview-requests-new",
            &[("count", o.new_answers.into())],
        ),
        OverviewItem::Requests => c.t("overview-requests-detail"),
        OverviewItem::Online => c.t("overview-online-detail"),
    }
}

pub fn menu(c: Ctx, area: Rect) -> (Rect, Vec<MenuItem>) {
    let overview = c.model.session.as_ref().map(|s| &s.overview);
    let items = OverviewItem::ALL
        .iter()
        .map(|&item| {
            let title = c.t(match item {
                OverviewItem::Data => "section-data",
                OverviewItem::Purposes => "section-purposes",
                OverviewItem::AccessLog => "section-access-log",
                OverviewItem::Consents => "section-consents",
                OverviewItem::Decisions => "section-decisions",
                OverviewItem::Rights => "section-rights",
                OverviewItem::Requests => "section-requests",
                OverviewItem::Online => "section-online",
            });
            let fixed = matches!(item, OverviewItem::Rights | OverviewItem::Online);
            let line = match overview {
                _ if fixed => counted(c, item, &Overview::default()),
                Some(Loadable::Ready(o)) => counted(c, item, o),
                Some(Loadable::Failed(_)) => c.t("overview-not-loaded"),
                _ => c.t("loading"),
            };
            let entry = MenuItem::new(title).detail(line);
            match overview {
                // "New" on "Your requests" when an answer has come since the citizen last looked.
                Some(Loadable::Ready(o)) if item == OverviewItem::Requests && o.new_answers > 0 => {
                    entry.badge(super::requests::new_badge(c.lang(), c.theme))
                }
                _ => entry,
            }
        })
        .collect();
    (menu_area(c, area), items)
}

/// The greeting above the menu: the citizen's name and masked CPR, the coverage note, a failed load.
pub fn intro(c: Ctx) -> Doc {
    let mut doc = Doc::new(c.theme);
    match c.model.session.as_ref().and_then(|s| s.citizen.ready()) {
        Some(citizen) => {
            // Acting for someone: the heading names whose data this is, not the person at the kiosk.
            let acting = c.model.session.as_ref().is_some_and(|s| s.acting.is_some());
            doc.heading(tr(
                c.lang(),
                if acting {
                    "overview-data-about"
                } else {
                    "overview-greeting"
                },
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
    if let Some(note) = coverage(c) {
        doc.muted(note);
    }
    if let Some(e) = c.model.overview_error() {
        doc.error(c.t(e.message_id()))
            .para(c.t("overview-failed-retry"));
    }
    doc
}

impl Widget for &OverviewScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let (top, _) = split(area, intro_rows(c));
        intro(c).render(top, buf, 0);
        let (menu_area, items) = menu(c, area);
        draw_menu(c, menu_area, &items, buf);
    }
}
