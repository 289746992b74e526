//! The citizen's writes on PostgreSQL give what SQLite gives: the same writes on both engines answer equal
//! values, and everything read back afterwards is equal, down to the rows of `access_reports`, `requests`,
//! `request_outbox`, `citizen_consents`, `kiosk_visits` and the log. Concurrent writes of one thing on
//! PostgreSQL make one row.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_support;
mod pg_writes_support;

use pg_writes_support::{assert_tables_equal, race};

use indsigt::domain::{AccessFilter, Lang, Text};
use indsigt::source::{Helper, KioskVisit};
use indsigt::store::postgres::PgStore;
use indsigt::store::requests::AckOutcome;
use indsigt::store::{CitizenRef, Store, StoreError};
use jiff::Timestamp;

fn err<T: std::fmt::Debug>(r: Result<T, StoreError>) -> String {
    format!("{:?}", r.map(|_| ()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_writes_give_the_same_answers_and_rows() {
    let demo = common::demo();
    // One citizen's consents are held by a system, so withdrawals are queued in the outbox.
    let held = common::momentum_consents(&demo, common::JOB_SEEKER);
    assert!(!held.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let Some((_settings, pg)) = pg_support::copy_of(&demo.path, dir.path()).await else {
        return;
    };
    let mut sqlite = Store::open(&demo.path).unwrap();
    let citizens = sqlite.demo_citizens().unwrap();
    let base = common::now();
    let deferred: Vec<(i64, String)> = sqlite
        .connection()
        .prepare(
            "SELECT e.id, c.public_id FROM access_events e JOIN citizens c ON c.id = e.citizen_id
             WHERE e.hidden_until IS NOT NULL ORDER BY e.id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!deferred.is_empty(), "the demo has deferred entries");
    let (mut new_reports, mut withdrawals) = (0, 0);
    for (n, c) in citizens.iter().enumerate() {
        let id = &c.citizen.id;
        let who = CitizenRef::Subject(c.citizen.subject.clone());
        let other = &citizens[(n + 1) % citizens.len()];
        let other_who = CitizenRef::Subject(other.citizen.subject.clone());
        let lang = if n % 2 == 0 { Lang::Da } else { Lang::En };
        let now = Timestamp::from_second(base.as_second() + 60 * n as i64).unwrap();

        // Reports: two new ones, each filed twice, and every one the demo already has.
        let page = sqlite
            .access_page(id, &AccessFilter::default(), None, 3, base)
            .unwrap();
        let mut events: Vec<i64> = page.entries.iter().map(|e| e.id).take(2).collect();
        events.extend(
            sqlite
                .access_reports(id)
                .unwrap()
                .iter()
                .map(|r| r.event_id),
        );
        for event in events {
            for _ in 0..2 {
                let existed = sqlite
                    .access_reports(id)
                    .unwrap()
                    .iter()
                    .any(|r| r.event_id == event);
                let a = (
                    !existed,
                    sqlite.report_access_in(id, event, lang, now).unwrap(),
                );
                let b = pg.report_access(&who, event, lang, now).await.unwrap();
                assert_eq!(a, b, "report of {event}");
                new_reports += usize::from(a.0);
            }
        }
        // Another citizen's entry, a deferred one, and no entry at all are NotFound.
        let foreign = sqlite
            .access_page(&other.citizen.id, &AccessFilter::default(), None, 1, base)
            .unwrap();
        let mut refused: Vec<i64> = foreign.entries.iter().map(|e| e.id).collect();
        refused.extend(deferred.iter().filter(|d| d.1 == id.0).map(|d| d.0));
        refused.push(i64::MAX);
        for event in refused {
            let a = err(sqlite.report_access_in(id, event, lang, now));
            assert_eq!(a, "Err(NotFound)", "report of {event}");
            assert_eq!(a, err(pg.report_access(&who, event, lang, now).await));
        }

        // Withdrawals: each consent twice (the second keeps the first time), and none of another's.
        let consents = sqlite.consents(id).unwrap();
        for k in &consents {
            for later in [0, 3600] {
                let at = Timestamp::from_second(now.as_second() + later).unwrap();
                let a = sqlite.withdraw_consent_in(id, k.id, lang, at).unwrap();
                let b = pg.withdraw_consent(&who, k.id, lang, at).await.unwrap();
                assert_eq!(a, b, "withdrawal of {}", k.id);
                assert!(a.withdrawn_at.is_some());
            }
            withdrawals += 1;
            let a = err(sqlite.withdraw_consent_in(&other.citizen.id, k.id, lang, now));
            assert_eq!(a, "Err(NotFound)");
            assert_eq!(
                a,
                err(pg.withdraw_consent(&other_who, k.id, lang, now).await)
            );
        }
        for missing in [0, i64::MAX] {
            assert_eq!(
                err(sqlite.withdraw_consent_in(id, missing, lang, now)),
                err(pg.withdraw_consent(&who, missing, lang, now).await)
            );
        }

        // A kiosk visit: one at a known place, one at a new place with a helper (new names).
        for (location, helper) in [
            ("Borgerservice", Helper::NoOne),
            ("Testbiblioteket", Helper::Volunteer),
        ] {
            let visit = KioskVisit {
                kiosk_id: format!("kiosk-{n}"),
                location: location.into(),
                started_at: now,
                helper,
            };
            sqlite.record_visit(id, &visit).unwrap();
            pg.record_visit(&who, &visit).await.unwrap();
        }
        let later = Timestamp::from_second(now.as_second() + 7200).unwrap();
        let a = sqlite
            .access_page(id, &AccessFilter::default(), None, 5, later)
            .unwrap();
        assert!(a.entries.iter().any(|e| e.unit.da == "Testbiblioteket"));
        assert_eq!(
            a,
            pg.access_page(&who, &AccessFilter::default(), None, 5, later)
                .await
                .unwrap()
        );
        assert_eq!(
            sqlite.organisations(id, later).unwrap(),
            pg.organisations(&who, later).await.unwrap()
        );

        // "Your requests", before and after they are seen.
        let a = sqlite.citizen_requests(id).unwrap();
        assert_eq!(a, pg.citizen_requests(&who).await.unwrap());
        assert_eq!(
            sqlite.access_reports(id).unwrap(),
            pg.access_reports(&who).await.unwrap()
        );
        sqlite.mark_requests_seen(id, later).unwrap();
        pg.mark_requests_seen(&who, later).await.unwrap();
        let seen = sqlite.citizen_requests(id).unwrap();
        assert!(seen.iter().all(|r| !r.unseen));
        assert_eq!(seen, pg.citizen_requests(&who).await.unwrap());
    }
    assert!(new_reports >= citizens.len(), "{new_reports} new reports");
    assert!(withdrawals > 0, "the demo has consents");

    // A system answers the withdrawals: the citizen sees them as new until they look again.
    let queued: Vec<(i64, String)> = sqlite
        .connection()
        .prepare(
            "SELECT request_id, system_id FROM request_outbox WHERE acked_at IS NULL ORDER BY 1",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!queued.is_empty(), "withdrawals were queued");
    let at = Timestamp::from_second(base.as_second() + 86_400).unwrap();
    let refused = AckOutcome::Refused(Text::new("Nej", "No"));
    for (request, system) in &queued {
        let a = sqlite
            .ack_system_request(system, *request, &refused, at)
            .unwrap();
        assert_eq!(
            a,
            pg.ack_system_request(system, *request, &refused, at)
                .await
                .unwrap()
        );
    }
    for c in &citizens {
        let who = CitizenRef::Subject(c.citizen.subject.clone());
        let a = sqlite.citizen_requests(&c.citizen.id).unwrap();
        assert_eq!(a, pg.citizen_requests(&who).await.unwrap());
    }
    assert!(
        sqlite
            .citizen_requests(&common::cid(common::JOB_SEEKER))
            .unwrap()
            .iter()
            .any(|r| r.unseen)
    );
    assert_tables_equal(&sqlite, &pg).await;

    // An unknown citizen writes nothing.
    let nobody = CitizenRef::Subject("nobody".into());
    let visit = KioskVisit {
        kiosk_id: "k".into(),
        location: "x".into(),
        started_at: at,
        helper: Helper::Staff,
    };
    for r in [
        err(pg.report_access(&nobody, 1, Lang::Da, at).await),
        err(pg.withdraw_consent(&nobody, held[0], Lang::Da, at).await),
        err(pg.record_visit(&nobody, &visit).await),
        err(pg.citizen_requests(&nobody).await),
        err(pg.mark_requests_seen(&nobody, at).await),
    ] {
        assert_eq!(r, "Err(UnknownCitizen)");
    }
    assert_tables_equal(&sqlite, &pg).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writes_of_one_thing_make_one_row() {
    let demo = common::demo();
    let held = common::momentum_consents(&demo, common::JOB_SEEKER);
    let dir = tempfile::tempdir().unwrap();
    let Some((settings, pg)) = pg_support::copy_of(&demo.path, dir.path()).await else {
        return;
    };
    // Two servers on one database (4 connections each), and a connection that holds the writes.
    let stores = [
        pg.clone(),
        PgStore::open(&settings, Timestamp::now()).await.unwrap(),
    ];
    let gate = PgStore::open(&settings, Timestamp::now()).await.unwrap();
    let sqlite = Store::open(&demo.path).unwrap();
    let job_seeker = sqlite
        .demo_citizens()
        .unwrap()
        .into_iter()
        .find(|c| c.citizen.id.0 == common::JOB_SEEKER)
        .unwrap();
    let who = CitizenRef::Subject(job_seeker.citizen.subject.clone());
    let now = common::now();
    let page = pg
        .access_page(&who, &AccessFilter::default(), None, 1, now)
        .await
        .unwrap();
    let event = page.entries[0].id;
    assert!(
        pg.access_reports(&who)
            .await
            .unwrap()
            .iter()
            .all(|r| r.event_id != event)
    );

    const N: usize = 8;
    let task = |i: usize| (stores[i % 2].clone(), who.clone());
    let reports = race(
        &gate,
        "access_reports",
        "INSERT INTO access_reports",
        N,
        |i| {
            let (store, who) = task(i);
            async move {
                store
                    .report_access(&who, event, Lang::En, now)
                    .await
                    .unwrap()
            }
        },
    )
    .await;
    let consent = held[0];
    let consents = race(
        &gate,
        "citizen_consents",
        "UPDATE citizen_consents",
        N,
        |i| {
            let (store, who) = task(i);
            async move {
                store
                    .withdraw_consent(&who, consent, Lang::En, now)
                    .await
                    .unwrap()
            }
        },
    )
    .await;
    race(&gate, "units", "INSERT INTO units", N, |i| {
        let (store, who) = task(i);
        let visit = KioskVisit {
            kiosk_id: "kiosk-race".into(),
            location: "Nyt sted".into(),
            started_at: now,
            helper: Helper::Volunteer,
        };
        async move { store.record_visit(&who, &visit).await.unwrap() }
    })
    .await;

    assert_eq!(
        reports.iter().filter(|r| r.0).count(),
        1,
        "exactly one report is new"
    );
    for r in &reports {
        assert_eq!(r.1, reports[0].1);
    }
    for c in &consents {
        assert_eq!(c, &consents[0]);
        assert!(c.withdrawn_at.is_some());
    }
    let report = &reports[0].1;
    assert!(report.reference.starts_with("IND-"));
    let client = pg.client().await.unwrap();
    let count =
        async |sql: &str, v: i64| -> i64 { client.query_one(sql, &[&v]).await.unwrap().get(0) };
    let q = "SELECT count(*) FROM access_reports WHERE event_id = $1";
    assert_eq!(count(q, event).await, 1);
    let q = "SELECT count(*) FROM requests q JOIN access_reports r ON r.id = q.report_id
             WHERE r.event_id = $1";
    assert_eq!(count(q, event).await, 1);
    let q = "SELECT count(*) FROM requests WHERE consent_id = $1";
    assert_eq!(count(q, consent).await, 1);
    let q = "SELECT count(*) FROM request_outbox o JOIN requests q ON q.id = o.request_id
             WHERE q.consent_id = $1";
    assert_eq!(count(q, consent).await, 1);
    // Eight visits, and the new place's name once.
    let q = "SELECT count(*) FROM kiosk_visits WHERE kiosk_id = 'kiosk-race' AND $1::bigint > 0";
    assert_eq!(count(q, 1).await, N as i64);
    let q = "SELECT count(*) FROM units WHERE name_da = 'Nyt sted' AND $1::bigint > 0";
    assert_eq!(count(q, 1).await, 1);
    // The report is in the citizen's reports and requests.
    assert!(pg.access_reports(&who).await.unwrap().contains(report));
    let requests = pg.citizen_requests(&who).await.unwrap();
    assert!(requests.iter().any(|r| r.reference == report.reference));
}
