//! `indsigt feedback report`, the real binary on a database with known answers: the exact output in
//! Danish and English, and the errors for bad input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{indsigt, text};
use indsigt::domain::{Feedback, FeedbackAnswer};
use indsigt::store::Store;
use jiff::civil::Date;

fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Copenhagen").unwrap())
        .date()
}

fn week(day: Date) -> String {
    let w = day.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn days_ago(n: i64) -> Date {
    today().checked_sub(jiff::Span::new().days(n)).unwrap()
}

/// A database with answers this week, last week, and ten weeks ago; and a config pointing at it.
fn setup(dir: &std::path::Path) -> String {
    let db = dir.join("kiosk.db");
    let store = Store::open(&db).unwrap();
    let answer = |answer, kiosk: &str, date, screens: &[&str]| {
        store
            .record_feedback(&Feedback {
                answer,
                kiosk_id: kiosk.into(),
                date,
                screens: screens.iter().map(|s| (*s).to_owned()).collect(),
            })
            .unwrap();
    };
    use FeedbackAnswer::{Hard, Mostly, Partly};
    answer(Mostly, "bib-1", today(), &["overview"]);
    answer(Mostly, "bib-1", today(), &["areas", "overview"]);
    answer(Hard, "bib-1", today(), &["access-log", "overview"]);
    answer(Partly, "bib-2", today(), &["overview"]);
    answer(Mostly, "bib-1", days_ago(7), &["overview"]);
    answer(Hard, "bib-1", days_ago(70), &["overview"]);
    drop(store);
    let config = dir.join("kiosk.toml");
    std::fs::write(
        &config,
        format!("[source]\npath = {:?}\n", db.display().to_string()),
    )
    .unwrap();
    config.display().to_string()
}

#[test]
fn the_report_in_english_and_danish() {
    let dir = tempfile::tempdir().unwrap();
    let config = setup(dir.path());
    let (last, this) = (week(days_ago(7)), week(today()));
    let args = ["feedback", "report", "--config", &config, "--weeks", "2"];

    let out = indsigt("en_GB.UTF-8", &args, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!(
            "Answers to \"Was this understandable?\" in the last 2 weeks.
Week {last}, kiosk bib-1: 1 answer
  Yes, most of it: 100% (1)
  Some of it: 0% (0)
  No, it was hard: 0% (0)
Week {this}, kiosk bib-1: 3 answers
  Yes, most of it: 67% (2)
  Some of it: 0% (0)
  No, it was hard: 33% (1)
Week {this}, kiosk bib-2: 1 answer
  Yes, most of it: 0% (0)
  Some of it: 100% (1)
  No, it was hard: 0% (0)
"
        )
    );

    let out = indsigt("da_DK.UTF-8", &args, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!(
            "Svar på \"Var det til at forstå?\" i de sidste 2 uger.
Uge {last}, kiosk bib-1: 1 svar
  Ja, det meste: 100 % (1)
  Noget af det: 0 % (0)
  Nej, det var svært: 0 % (0)
Uge {this}, kiosk bib-1: 3 svar
  Ja, det meste: 67 % (2)
  Noget af det: 0 % (0)
  Nej, det var svært: 33 % (1)
Uge {this}, kiosk bib-2: 1 svar
  Ja, det meste: 0 % (0)
  Noget af det: 100 % (1)
  Nej, det var svært: 0 % (0)
"
        )
    );
}

#[test]
fn one_week_is_this_week_only_and_an_empty_span_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let config = setup(dir.path());
    let out = indsigt(
        "en_GB.UTF-8",
        &["feedback", "report", "--config", &config, "--weeks", "1"],
        &[],
    );
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("Answers to \"Was this understandable?\" in the last week.\n"),
        "{stdout}"
    );
    assert!(!stdout.contains(&week(days_ago(7))), "{stdout}");

    let empty = tempfile::tempdir().unwrap();
    let db = empty.path().join("empty.db");
    drop(Store::open(&db).unwrap());
    let cfg = empty.path().join("c.toml");
    std::fs::write(
        &cfg,
        format!("[source]\npath = {:?}\n", db.display().to_string()),
    )
    .unwrap();
    let out = indsigt(
        "da_DK.UTF-8",
        &["feedback", "report", "--config", cfg.to_str().unwrap()],
        &[],
    );
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), "Der er ingen svar i de sidste 8 uger.\n");
}

#[test]
fn bad_weeks_and_a_missing_database_are_sentences_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let config = setup(dir.path());
    let out = indsigt(
        "en_GB.UTF-8",
        &["feedback", "report", "--config", &config, "--weeks", "0"],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "--weeks must be a number from 1 to 520. It is 0.\n"
    );

    let missing = dir.path().join("nothing.db");
    let cfg = dir.path().join("missing.toml");
    std::fs::write(
        &cfg,
        format!("[source]\npath = {:?}\n", missing.display().to_string()),
    )
    .unwrap();
    let out = indsigt(
        "da_DK.UTF-8",
        &["feedback", "report", "--config", cfg.to_str().unwrap()],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "Der er ingen database i {}. Se efter i [source] path eller [server] database.\n",
            missing.display()
        )
    );
    assert!(!missing.exists(), "the report created the database");
}
