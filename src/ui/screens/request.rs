//! One request in full: what it is about, who handles it, where it stands and the answer in plain words.

use super::Ctx;
use super::requests::{kind_id, status_id};
use crate::domain::{RequestKind, RequestStatus};
use crate::i18n::format_day;
use crate::kiosk::Screen;
use crate::ui::widgets::doc::Doc;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct RequestDetail<'a>(pub Ctx<'a>);

/// What happens next, for a request that has no final answer yet.
fn next_id(kind: RequestKind, status: RequestStatus) -> Option<&'static str> {
    match (kind, status) {
        (_, s) if s.is_final() => None,
        (RequestKind::Withdrawal, _) => Some("request-next-withdrawal"),
        (RequestKind::Report, RequestStatus::UnderReview) => Some("request-next-under-review"),
        (RequestKind::Report, _) => Some("request-next-report"),
    }
}

/// The page, built from the model; `None` while there is nothing to show.
pub fn doc(c: Ctx) -> Option<Doc> {
    let lang = c.lang();
    let Screen::Request { index } = c.model.screen() else {
        return None;
    };
    let x = c
        .model
        .session
        .as_ref()
        .and_then(|s| s.requests.ready())
        .and_then(|l| l.get(*index))?;
    let mut d = Doc::new(c.theme);
    d.heading(x.about.get(lang));
    d.field(c.t("request-kind"), c.t(kind_id(x.kind)));
    d.field(c.t("request-reference"), x.reference.clone());
    d.field(c.t("request-filed"), format_day(lang, x.filed_at));
    d.field(c.t("request-handled-by"), x.handled_by.get(lang));
    d.field(c.t("request-status"), c.t(status_id(x.status)));
    if x.status != RequestStatus::Sent {
        d.field(c.t("request-updated"), format_day(lang, x.updated_at));
    }
    match x.answer_in(lang) {
        Some(answer) => {
            let heading = if x.status == RequestStatus::Refused {
                "request-reason"
            } else {
                "request-answer"
            };
            d.heading(c.t(heading)).para(answer.to_owned());
        }
        None => {
            if let Some(id) = next_id(x.kind, x.status) {
                d.heading(c.t("request-next")).para(c.t(id));
            }
        }
    }
    Some(d)
}

impl Widget for &RequestDetail<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        if let Some(d) = doc(c) {
            d.render(area, buf, c.model.place().scroll);
        }
    }
}
