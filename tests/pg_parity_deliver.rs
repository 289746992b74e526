//! The requests slice on PostgreSQL answers exactly what SQLite answers on a copy of the demo.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_support;

use indsigt::domain::Text;
use indsigt::store::Store;
use indsigt::store::requests::AckOutcome;
use jiff::Timestamp;

fn err<T: std::fmt::Debug>(r: Result<T, indsigt::store::StoreError>) -> String {
    format!("{:?}", r.map(|_| ()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_feed_and_acks_match_sqlite() {
    let demo = common::demo();
    let dir = tempfile::tempdir().unwrap();
    let Some((_settings, pg)) = pg_support::copy_of(&demo.path, dir.path()).await else {
        eprintln!("skipped: no PostgreSQL cluster");
        return;
    };
    let mut sqlite = Store::open(&demo.path).unwrap();
    let conn = rusqlite::Connection::open(&demo.path).unwrap();
    let outbox: Vec<(i64, String)> = conn
        .prepare("SELECT request_id, system_id FROM request_outbox ORDER BY request_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!outbox.is_empty(), "the demo has an outbox row");
    let names: Vec<(String, String)> = conn
        .prepare("SELECT id, name FROM cat_systems")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!names.is_empty());
    for (id, name) in &names {
        for key in [id.as_str(), name.as_str(), "no-such-system"] {
            assert_eq!(
                pg.catalogue_system_id(key).await.unwrap(),
                sqlite.catalogue_system_id(key).unwrap()
            );
        }
    }
    let now = Timestamp::from_second(1_900_000_000).unwrap();
    for (id, system) in &outbox {
        for (after, limit) in [(0, 500), (0, 0), (*id, 10), (-1, 1)] {
            assert_eq!(
                pg.system_requests(system, after, limit).await.unwrap(),
                sqlite.system_requests(system, after, limit).unwrap()
            );
        }
        // A repeat ack answers the first outcome, on both engines.
        let refused = AckOutcome::Refused(Text::new("Nej", "No"));
        let a = sqlite
            .ack_system_request(system, *id, &refused, now)
            .unwrap();
        let b = pg
            .ack_system_request(system, *id, &refused, now)
            .await
            .unwrap();
        assert_eq!(a, b);
        // Another system's request and an unknown id are NotFound.
        for (sys, rid) in [("other-system", *id), (system.as_str(), 999_999)] {
            assert_eq!(
                err(pg
                    .ack_system_request(sys, rid, &AckOutcome::Done, now)
                    .await),
                err(sqlite.ack_system_request(sys, rid, &AckOutcome::Done, now))
            );
        }
        assert!(
            err(pg
                .ack_system_request("other-system", *id, &AckOutcome::Done, now)
                .await)
            .contains("NotFound")
        );
        assert_eq!(
            pg.claim_deliveries(system, now, now, 50).await.unwrap(),
            sqlite.due_deliveries(system, now, 50).unwrap()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dpo_reports_and_updates_match_sqlite() {
    use indsigt::domain::RequestStatus;
    use indsigt::store::dpo::DpoUpdate;
    let demo = common::demo();
    let dir = tempfile::tempdir().unwrap();
    let Some((_settings, pg)) = pg_support::copy_of(&demo.path, dir.path()).await else {
        eprintln!("skipped: no PostgreSQL cluster");
        return;
    };
    let mut sqlite = Store::open(&demo.path).unwrap();
    let all = sqlite.dpo_reports(None).unwrap();
    assert!(!all.is_empty(), "the demo has reports");
    let statuses = [
        None,
        Some(RequestStatus::Sent),
        Some(RequestStatus::UnderReview),
        Some(RequestStatus::Answered),
    ];
    for s in statuses {
        assert_eq!(
            pg.dpo_reports(s).await.unwrap(),
            sqlite.dpo_reports(s).unwrap()
        );
    }
    for key in ["nope", "999999"] {
        assert_eq!(err(pg.dpo_report(key).await), err(sqlite.dpo_report(key)));
    }
    let now = Timestamp::from_second(1_900_000_000).unwrap();
    let no_da = DpoUpdate::Answered(Text::new("", "Only English"));
    let answer = DpoUpdate::Answered(Text::new(" Svar ", " Answer "));
    for r in &all {
        assert_eq!(
            pg.dpo_report(&r.reference).await.unwrap(),
            sqlite.dpo_report(&r.reference).unwrap()
        );
        for update in [
            &DpoUpdate::UnderReview,
            &DpoUpdate::UnderReview,
            &no_da,
            &answer,
            &DpoUpdate::UnderReview,
        ] {
            let a = sqlite.update_dpo_report(r.id, update, now);
            let b = pg.update_dpo_report(r.id, update, now).await;
            assert_eq!(format!("{a:?}"), format!("{b:?}"));
        }
        assert!(
            err(pg
                .update_dpo_report(r.id, &DpoUpdate::UnderReview, now)
                .await)
            .contains("Forbidden")
        );
    }
    assert_eq!(
        err(pg.update_dpo_report(999_999, &answer, now).await),
        err(sqlite.update_dpo_report(999_999, &answer, now))
    );
    assert_eq!(
        pg.dpo_reports(None).await.unwrap(),
        sqlite.dpo_reports(None).unwrap()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feedback_counts_match_sqlite() {
    use indsigt::domain::{Feedback, FeedbackAnswer};
    let demo = common::demo();
    let dir = tempfile::tempdir().unwrap();
    let Some((_settings, pg)) = pg_support::copy_of(&demo.path, dir.path()).await else {
        eprintln!("skipped: no PostgreSQL cluster");
        return;
    };
    let sqlite = Store::open(&demo.path).unwrap();
    let date: jiff::civil::Date = "2026-11-30".parse().unwrap();
    for (answer, kiosk) in [
        (FeedbackAnswer::Mostly, "k1"),
        (FeedbackAnswer::Mostly, "k1"),
        (FeedbackAnswer::Partly, "k2"),
    ] {
        let f = Feedback {
            answer,
            kiosk_id: kiosk.into(),
            date,
            screens: ["home".to_string()].into_iter().collect(),
        };
        sqlite.record_feedback(&f).unwrap();
        pg.record_feedback(&f).await.unwrap();
    }
    let since: jiff::civil::Date = "2000-01-01".parse().unwrap();
    let a = sqlite.feedback_counts(since).unwrap();
    assert!(a.iter().any(|c| c.answers == 2));
    assert_eq!(pg.feedback_counts(since).await.unwrap(), a);
}
