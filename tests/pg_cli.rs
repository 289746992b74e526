//! The operator's commands on PostgreSQL (`[server.postgres]`): `indsigt reports list|show|answer`,
//! `indsigt requests failed` and `indsigt feedback report`, the real binary on a SQLite demo and on a
//! PostgreSQL copy of it, with the same output on both. (`indsigt ingest`: `tests/pg_cli_ingest.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_cli_support;
mod pg_support;

use indsigt::domain::{Feedback, FeedbackAnswer, RequestStatus};
use indsigt::store::Store;
use indsigt::store::outbox::{AttemptOutcome, Retry};
use jiff::Timestamp;
use pg_cli_support::engines;
use std::path::Path;

const EN: &str = "en_GB.UTF-8";
const DA: &str = "da_DK.UTF-8";

#[tokio::test(flavor = "multi_thread")]
async fn reports_list_show_and_answer_say_the_same_and_the_answer_lands_in_postgres() {
    let Some(e) = engines(|_| {}).await else {
        return;
    };
    for lang in [EN, DA] {
        let list = e.same(lang, &["reports", "list"]);
        assert_eq!(list.code, Some(0), "{}", list.stderr);
        assert_eq!(list.stdout.lines().count(), 2, "{}", list.stdout);
        let show = e.same(lang, &["reports", "show", "IND-2026-000002"]);
        assert_eq!(show.code, Some(0), "{}", show.stderr);
        assert!(show.stdout.lines().count() >= 3, "{}", show.stdout);
        assert_eq!(e.same(lang, &["reports", "show", "2"]).code, Some(0));
    }
    let answered = e.same(EN, &["reports", "list", "--status", "answered"]);
    assert!(
        answered.stdout.starts_with("3. IND-2026-000002"),
        "{}",
        answered.stdout
    );
    let none = e.same(DA, &["reports", "list", "--status", "sent"]);
    assert_eq!(none.stdout.lines().count(), 1, "{}", none.stdout);

    // Errors: an unknown report, and an answered one sent back to review.
    let unknown = e.same(EN, &["reports", "show", "IND-2026-999999"]);
    assert_eq!(unknown.code, Some(1));
    assert!(
        unknown.stderr.contains("IND-2026-999999"),
        "{}",
        unknown.stderr
    );
    let back = e.same(DA, &["reports", "answer", "3", "--under-review"]);
    assert_eq!(back.code, Some(1));
    assert!(!back.stderr.is_empty());
    let unpaired = e.same(EN, &["reports", "answer", "2", "--lang", "da"]);
    assert_eq!(unpaired.code, Some(1));

    // The answer: the same sentence on both, and the row in PostgreSQL changed.
    let before = e.pg.dpo_report("IND-2026-000001").await.unwrap();
    assert_eq!(before.status, RequestStatus::UnderReview);
    let args = [
        "reports",
        "answer",
        "IND-2026-000001",
        "--lang",
        "da",
        "--text",
        "Opslaget var en del af din sag.",
        "--lang",
        "en",
        "--text",
        "The look-up was part of your case.",
    ];
    let done = e.same(EN, &args);
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    assert!(done.stdout.contains("IND-2026-000001"), "{}", done.stdout);
    let after = e.pg.dpo_report("IND-2026-000001").await.unwrap();
    assert_eq!(after.status, RequestStatus::Answered);
    let answer = after.answer.clone().unwrap();
    assert_eq!(answer.da, "Opslaget var en del af din sag.");
    assert_eq!(answer.en, "The look-up was part of your case.");
    let on_sqlite = Store::open(&e.demo.path)
        .unwrap()
        .dpo_report("IND-2026-000001")
        .unwrap();
    assert_eq!(after.answer, on_sqlite.answer);
    assert_eq!(after.status, on_sqlite.status);
    for lang in [EN, DA] {
        let show = e.same(lang, &["reports", "show", "IND-2026-000001"]);
        assert!(show.stdout.contains("case"), "{}", show.stdout);
    }
    e.same_rows("SELECT id, status, answer_da, answer_en FROM requests ORDER BY id")
        .await;
}

/// Two deliveries (the demo's only one is acknowledged): three failed attempts at one (still retrying),
/// and one at the other, which gave up.
fn failing_deliveries(db: &Path) {
    let at = |s: i64| Timestamp::from_second(indsigt::store::demo::BASE + s).unwrap();
    let conn = rusqlite::Connection::open(db).unwrap();
    for (request, created) in [(2, 10), (3, 20)] {
        conn.execute(
            "INSERT INTO request_outbox (request_id, system_id, created_at, next_attempt_at)
             VALUES (?1, 'momentum', ?2, ?2)",
            [request, at(created).as_second()],
        )
        .unwrap();
    }
    drop(conn);
    let mut store = Store::open(db).unwrap();
    let mut fail = |request, secs, outcome, retry| {
        store
            .record_attempt(request, at(secs), outcome, retry)
            .unwrap();
    };
    fail(2, 60, AttemptOutcome::HttpStatus(500), Retry::At(at(120)));
    fail(2, 120, AttemptOutcome::Redirect(302), Retry::At(at(240)));
    fail(2, 240, AttemptOutcome::Timeout, Retry::At(at(480)));
    fail(3, 70, AttemptOutcome::Connect, Retry::GiveUp);
}

#[tokio::test(flavor = "multi_thread")]
async fn requests_failed_lists_the_same_failing_deliveries() {
    let Some(e) = engines(failing_deliveries).await else {
        return;
    };
    let on_sqlite = Store::open(&e.demo.path)
        .unwrap()
        .failed_deliveries()
        .unwrap();
    assert_eq!(on_sqlite.len(), 2);
    assert_eq!(e.pg.failed_deliveries().await.unwrap(), on_sqlite);
    for lang in [EN, DA] {
        let failed = e.same(lang, &["requests", "failed"]);
        assert_eq!(failed.code, Some(0), "{}", failed.stderr);
        let lines: Vec<&str> = failed.stdout.lines().collect();
        assert_eq!(lines.len(), 2, "{}", failed.stdout);
        assert!(lines[0].contains("timeout"), "{}", failed.stdout);
        assert!(lines[1].contains("connect"), "{}", failed.stdout);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn no_failing_deliveries_and_no_feedback_say_so_alike() {
    let Some(e) = engines(|_| {}).await else {
        return;
    };
    let none = e.same(EN, &["requests", "failed"]);
    assert_eq!(none.stdout, "No deliveries are failing.\n");
    let none = e.same(DA, &["feedback", "report"]);
    assert_eq!((none.code, none.stdout.lines().count()), (Some(0), 1));
    let bad = e.same(EN, &["feedback", "report", "--weeks", "0"]);
    assert_eq!(bad.code, Some(1));
}

fn feedback(db: &Path) {
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Copenhagen").unwrap())
        .date();
    let ago = |n: i64| today.checked_sub(jiff::Span::new().days(n)).unwrap();
    let store = Store::open(db).unwrap();
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
    answer(Mostly, "bib-1", today, &["overview"]);
    answer(Mostly, "bib-1", today, &["areas", "overview"]);
    answer(Hard, "bib-1", today, &["access-log"]);
    answer(Partly, "bib-2", today, &["overview"]);
    answer(Mostly, "bib-1", ago(7), &["overview"]);
    answer(Hard, "bib-2", ago(70), &["overview"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn feedback_report_is_the_same_on_both_engines() {
    let Some(e) = engines(feedback).await else {
        return;
    };
    for lang in [EN, DA] {
        let two = e.same(lang, &["feedback", "report", "--weeks", "2"]);
        assert_eq!(two.code, Some(0), "{}", two.stderr);
        assert!(two.stdout.contains("bib-1: 3"), "{}", two.stdout);
        // A heading, and four lines for each of three weeks and kiosks.
        assert_eq!(two.stdout.lines().count(), 1 + 3 * 4, "{}", two.stdout);
        let all = e.same(lang, &["feedback", "report", "--weeks", "20"]);
        assert_eq!(all.stdout.lines().count(), 1 + 4 * 4, "{}", all.stdout);
    }
}
