//! One access-log entry, with "I don't recognise this".

use super::{Ctx, count, placeholder};
use crate::domain::Actor;
use crate::i18n::{format_datetime, format_day, t, tr};
use crate::ui::widgets::doc::Doc;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct Entry<'a>(pub Ctx<'a>);

/// The entry's page, built from the model; `None` while it is not loaded.
pub fn doc(c: Ctx) -> Option<Doc> {
    let lang = c.lang();
    let session = c.model.session.as_ref()?;
    let e = session.entry.ready()?;
    let mut d = Doc::new(c.theme);
    let action = t(lang, &format!("action-{}", e.action.code()));
    d.heading(format!("{} · {}", format_datetime(lang, e.at), action));
    let actor = e.actor();
    d.muted(match actor {
        Actor::Citizen => c.t("entry-actor-self"),
        Actor::Batch { records } => tr(
            lang,
            "entry-batch",
            &[("records", count(lang, records).into())],
        ),
        Actor::Staff => t(lang, &format!("action-{}-explain", e.action.code())),
        Actor::Representative | Actor::ForOther | Actor::Assisted => e
            .on_behalf
            .as_ref()
            .map(|side| crate::i18n::on_behalf_sentence(lang, side))
            .unwrap_or_default(),
    });
    d.heading(c.t("entry-who"));
    d.field(c.t("entry-organisation"), e.organisation.get(lang));
    d.field(c.t("entry-unit"), e.unit.get(lang));
    d.field(c.t("entry-role"), e.role.get(lang));
    // Only a member of staff has a name to show or to hide; the citizen and a batch run have none.
    match (actor, &e.employee, c.model.settings.show_employee_names) {
        (Actor::Staff, Some(name), true) => {
            d.field(c.t("entry-employee"), name.clone());
        }
        (Actor::Staff, _, _) => {
            d.muted(c.t("entry-employee-hidden"));
        }
        (
            Actor::Citizen
            | Actor::Batch { .. }
            | Actor::Representative
            | Actor::ForOther
            | Actor::Assisted,
            _,
            _,
        ) => {}
    }
    d.heading(c.t("entry-what"));
    d.field(c.t("entry-data"), e.category.get(lang));
    d.field(c.t("entry-system"), e.system.clone());
    d.heading(c.t("entry-why"));
    d.para(e.purpose.get(lang));
    if let Some(case) = &e.case_ref {
        d.field(c.t("entry-case"), case.clone());
    }
    d.field(c.t("entry-reference"), e.reference.clone());
    d.heading(c.t("entry-recognise"));
    match session.reports.iter().find(|r| r.event_id == e.id) {
        Some(r) => {
            d.para(tr(
                lang,
                "entry-reported",
                &[
                    ("date", format_day(lang, r.filed_at).into()),
                    ("reference", r.reference.clone().into()),
                ],
            ));
            d.field(
                c.t("entry-report-status"),
                t(lang, &format!("report-status-{}", r.status.code())),
            );
        }
        None if !session.may_act() => {
            d.para(c.t("entry-report-not-covered"));
        }
        None => {
            d.para(c.t("entry-report-explain"));
        }
    }
    Some(d)
}

impl Widget for &Entry<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let Some(session) = c.model.session.as_ref() else {
            return;
        };
        if placeholder(c, &session.entry, area, buf) {
            return;
        }
        if let Some(d) = doc(c) {
            d.render(area, buf, c.model.place().scroll);
        }
    }
}
