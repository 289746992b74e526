#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Schema v6 on a real SQLite file: a database of version 5 with reports and a pending withdrawal keeps them
//! as requests (the withdrawal queued for its system), and a withdrawal or report is written with its request
//! in one transaction.

mod common;

use common::{ELDERLY, cid, demo_without_requests, now, open};
use indsigt::domain::{Lang, RequestKind, RequestStatus};
use indsigt::store::{SUPPORTED_VERSION, Store};

#[test]
fn a_version_5_database_keeps_its_reports_and_pending_withdrawals_as_requests() {
    let d = demo_without_requests();
    let me = cid(ELDERLY);
    let (key, consent, events) = {
        let store = open(&d);
        let key: i64 = store
            .connection()
            .query_row(
                "SELECT id FROM citizens WHERE public_id = ?1",
                [ELDERLY],
                |r| r.get(0),
            )
            .unwrap();
        let consent = store.consents(&me).unwrap()[0].id;
        let page = store
            .access_page(&me, &Default::default(), None, 3, now())
            .unwrap();
        let events: Vec<i64> = page.entries.iter().map(|e| e.id).collect();
        (key, consent, events)
    };
    // Back to version 5, as a database written before this change: no request tables, a report received and
    // one answered, and a withdrawal still pending for Momentum.
    {
        let conn = rusqlite::Connection::open(&d.path).unwrap();
        conn.execute_batch(
            "DROP TABLE assisted_sessions; DROP TABLE staff_sign_ins; DROP TABLE relations;
             ALTER TABLE access_events DROP COLUMN on_behalf; ALTER TABLE access_events DROP COLUMN on_behalf_name;
             ALTER TABLE kiosk_visits DROP COLUMN actor_citizen_id; ALTER TABLE kiosk_visits DROP COLUMN basis;
             ALTER TABLE kiosk_visits DROP COLUMN actor_event_id;
             DROP TABLE delivery_attempts; DROP TABLE request_outbox; DROP TABLE requests; DROP TABLE cat_purpose_codes;
             PRAGMA user_version = 5;
             DELETE FROM access_reports;",
        )
        .unwrap();
        for (i, (event, status)) in [(events[0], "received"), (events[1], "answered")]
            .iter()
            .enumerate()
        {
            conn.execute(
                "INSERT INTO access_reports (citizen_id, event_id, reference, filed_at, status) VALUES (?1, ?2, ?3, 1700000000, ?4)",
                rusqlite::params![key, event, format!("IND-2023-00000{i}"), status],
            )
            .unwrap();
        }
        conn.execute(
            "UPDATE citizen_consents SET withdrawal_pending = 1, withdrawn_at = NULL, system_id = 'momentum', record_id = 'old-1'
             WHERE id = ?1",
            [consent],
        )
        .unwrap();
    }
    let store = Store::open(&d.path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SUPPORTED_VERSION);
    let requests = store.citizen_requests(&me).unwrap();
    let reports: Vec<_> = requests
        .iter()
        .filter(|r| r.kind == RequestKind::Report)
        .collect();
    assert_eq!(reports.len(), 2, "{requests:?}");
    let by_ref = |r: &str| reports.iter().find(|x| x.reference == r).unwrap();
    assert_eq!(by_ref("IND-2023-000000").status, RequestStatus::Sent);
    assert_eq!(by_ref("IND-2023-000001").status, RequestStatus::Answered);
    assert!(
        reports
            .iter()
            .all(|r| r.lang == Lang::Da && !r.unseen && !r.about.da.is_empty())
    );
    let withdrawal = requests
        .iter()
        .find(|r| r.kind == RequestKind::Withdrawal)
        .expect("the pending withdrawal is a request");
    assert_eq!(withdrawal.status, RequestStatus::Sent);
    assert_eq!(withdrawal.handled_by.da, "Momentum");
    let feed = store.system_requests("momentum", 0, 10).unwrap();
    assert_eq!(feed.len(), 1);
    assert_eq!(feed[0].record_id.as_deref(), Some("old-1"));
    let c = store
        .consents(&me)
        .unwrap()
        .into_iter()
        .find(|c| c.id == consent)
        .unwrap();
    assert!(c.withdrawn_at.is_some() && !c.withdrawal_pending, "{c:?}");
    assert_eq!(store.overview(&me, now()).unwrap().new_answers, 0);
}

#[test]
fn a_withdrawal_and_a_report_are_filed_once_with_their_requests() {
    let d = demo_without_requests();
    let me = cid(ELDERLY);
    let mut store = open(&d);
    let before = store.citizen_requests(&me).unwrap().len();
    let consent = store.consents(&me).unwrap()[0].id;
    store
        .connection()
        .execute(
            "UPDATE citizen_consents SET withdrawn_at = NULL, system_id = 'momentum', record_id = 'r-1' WHERE id = ?1",
            [consent],
        )
        .unwrap();
    let event = store
        .access_page(&me, &Default::default(), None, 1, now())
        .unwrap()
        .entries[0]
        .id;
    for _ in 0..2 {
        store
            .withdraw_consent_in(&me, consent, Lang::En, now())
            .unwrap();
        store.report_access_in(&me, event, Lang::En, now()).unwrap();
    }
    let requests = store.citizen_requests(&me).unwrap();
    assert_eq!(requests.len(), before + 2, "{requests:?}");
    assert!(
        requests[..2]
            .iter()
            .all(|r| r.lang == Lang::En && r.status == RequestStatus::Sent)
    );
    assert_eq!(store.system_requests("momentum", 0, 10).unwrap().len(), 1);
    assert!(
        store
            .system_requests("kmd_nexus", 0, 10)
            .unwrap()
            .is_empty()
    );
}
