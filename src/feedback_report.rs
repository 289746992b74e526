//! `indsigt feedback report`: the answers to "Was this understandable?" per ISO week and kiosk, as shares
//! with counts, in the operator's language.

use crate::config::{Config, SourceKind};
use crate::domain::{FeedbackAnswer, Lang};
use crate::i18n::{t, tr};
use crate::store::FeedbackCount;
use jiff::civil::{Date, ISOWeekDate, Weekday};
use std::collections::BTreeMap;
use std::path::Path;

/// The most weeks a report covers.
pub const MAX_WEEKS: u32 = 520;

/// The SQLite file that holds the answers when there is no `[server.postgres]` (which holds them when it is
/// set): the server's (`[server] database`) on a server, or for a kiosk
/// that sends its answers to one; else the kiosk's own store (`[source] path`). A machine is a server here
/// when it has registered kiosks (`[[server.kiosks]]`).
pub fn database(config: &Config) -> &Path {
    if config.source.kind == SourceKind::Http || !config.server.kiosks.is_empty() {
        &config.server.database
    } else {
        &config.source.path
    }
}

/// The first day of the last `weeks` ISO weeks up to and including the week of `today`.
pub fn since(today: Date, weeks: u32) -> Date {
    let week = today.iso_week_date();
    let monday = ISOWeekDate::new(week.year(), week.week(), Weekday::Monday)
        .map(|w| w.date())
        .unwrap_or(today);
    let back = jiff::Span::new().weeks(i64::from(weeks.saturating_sub(1)));
    monday.checked_sub(back).unwrap_or(monday)
}

/// `2026-W48`.
fn week_label(day: Date) -> String {
    let w = day.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn answer_id(answer: FeedbackAnswer) -> &'static str {
    match answer {
        FeedbackAnswer::Mostly => "feedback-mostly",
        FeedbackAnswer::Partly => "feedback-partly",
        FeedbackAnswer::Hard => "feedback-hard",
    }
}

/// A share in whole percent, rounded half up.
fn percent(count: u64, total: u64) -> u64 {
    if total == 0 {
        return 0;
    }
    (count * 200 + total) / (2 * total)
}

/// The report's lines: a heading, then for each week (oldest first) and kiosk the number of answers and
/// each answer's share and count.
pub fn lines(lang: Lang, weeks: u32, counts: &[FeedbackCount]) -> Vec<String> {
    let mut groups: BTreeMap<(String, &str), [u64; 3]> = BTreeMap::new();
    for c in counts {
        let slot = FeedbackAnswer::ALL
            .iter()
            .position(|a| *a == c.answer)
            .unwrap_or(0);
        groups
            .entry((week_label(c.day), c.kiosk_id.as_str()))
            .or_default()[slot] += c.answers;
    }
    let weeks_arg = [("weeks", weeks.into())];
    if groups.is_empty() {
        return vec![tr(lang, "feedback-report-none", &weeks_arg)];
    }
    let mut out = vec![tr(lang, "feedback-report-heading", &weeks_arg)];
    for ((week, kiosk), answers) in &groups {
        let total: u64 = answers.iter().sum();
        out.push(tr(
            lang,
            "feedback-report-group",
            &[
                ("week", week.clone().into()),
                ("kiosk", (*kiosk).to_owned().into()),
                ("total", total.into()),
            ],
        ));
        for (answer, count) in FeedbackAnswer::ALL.iter().zip(answers) {
            let line = tr(
                lang,
                "feedback-report-line",
                &[
                    ("answer", t(lang, answer_id(*answer)).into()),
                    ("percent", percent(*count, total).to_string().into()),
                    ("count", count.to_string().into()),
                ],
            );
            out.push(format!("  {line}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use jiff::civil::date;

    #[test]
    fn weeks_start_on_the_monday_of_the_oldest_week() {
        // Wednesday 2 December 2026 is in 2026-W49, which starts on Monday 30 November.
        assert_eq!(since(date(2026, 12, 2), 1), date(2026, 11, 30));
        assert_eq!(since(date(2026, 12, 2), 3), date(2026, 11, 16));
        assert_eq!(week_label(date(2027, 1, 1)), "2026-W53");
    }

    #[test]
    fn a_server_or_an_http_kiosk_reads_the_server_database_else_the_local_store() {
        let mut config = Config::load(None).unwrap();
        config.source.path = "kiosk.db".into();
        config.server.database = "server.db".into();
        assert_eq!(database(&config), Path::new("kiosk.db"));
        config.server.kiosks.push(crate::config::KioskKey {
            id: "k".into(),
            location: "l".into(),
            key_sha256: "0".repeat(64),
            staff_sign_in: false,
        });
        assert_eq!(database(&config), Path::new("server.db"));
        config.server.kiosks.clear();
        config.source.kind = SourceKind::Http;
        assert_eq!(database(&config), Path::new("server.db"));
    }

    #[test]
    fn shares_round_half_up() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(0, 0), 0);
    }
}
