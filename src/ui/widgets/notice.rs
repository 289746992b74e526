//! A notice on top of the screen: a confirmation in words, or an error sentence. Any key closes it.

use crate::domain::ReportStatus;
use crate::i18n::{format_day, t, tr};
use crate::kiosk::{Model, Notice};
use crate::ui::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The sentences of a notice.
pub fn lines(model: &Model, notice: &Notice) -> (String, Vec<String>) {
    let lang = model.lang;
    match notice {
        Notice::Reported(report) if report.status == ReportStatus::Queued => (
            t(lang, "report-queued-title"),
            vec![t(lang, "report-queued"), t(lang, "report-filed-next")],
        ),
        Notice::Reported(report) => (
            t(lang, "report-filed-title"),
            vec![
                tr(
                    lang,
                    "report-filed-reference",
                    &[("reference", report.reference.clone().into())],
                ),
                t(lang, "report-filed-next"),
                tr(
                    lang,
                    "report-filed-date",
                    &[("date", format_day(lang, report.filed_at).into())],
                ),
            ],
        ),
        Notice::Withdrawn { pending: false } => (
            t(lang, "withdrawn-title"),
            vec![t(lang, "withdrawn-done"), t(lang, "withdrawn-next")],
        ),
        Notice::Withdrawn { pending: true } => (
            t(lang, "withdrawn-title"),
            vec![t(lang, "withdrawn-pending"), t(lang, "withdrawn-next")],
        ),
        Notice::Error(e) => (t(lang, "error-title"), vec![t(lang, e.message_id())]),
        Notice::Speech(fault) => (
            t(lang, "speech-title"),
            vec![t(lang, fault.message_id()), t(lang, "speech-goes-on")],
        ),
    }
}

pub fn render(model: &Model, theme: &Theme, notice: &Notice, body: Rect, buf: &mut Buffer) {
    let (title, mut sentences) = lines(model, notice);
    sentences.push(t(model.lang, "notice-continue"));
    let style = if matches!(notice, Notice::Error(_)) {
        theme.notice().add_modifier(ratatui::style::Modifier::BOLD)
    } else {
        theme.notice()
    };
    super::overlay::render(&title, &sentences, style, 70, body, buf);
}
