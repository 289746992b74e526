//! Access-event ingest (JSON and FHIR) on PostgreSQL answers what SQLite answers: the same batches sent to a
//! fresh SQLite file and to its PostgreSQL copy give equal outcomes and leave equal rows. Four servers
//! ingesting one batch at once store each event once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_ingest_support;
mod pg_support;

use indsigt::store::fhir::{FhirCatalogue, FhirEvent};
use indsigt::store::ingest::{IngestEvent, IngestOutcome, IngestRejection};
use jiff::Timestamp;
use pg_ingest_support::{
    assert_same_rows, at, event, exactly_once, item, many, pepper, setup, subject_of,
};
use serde_json::{Value, json};
use std::path::Path;

const CPR_A: &str = "310241-4822";
const CPR_B: &str = "310667-1234";

/// The JSON batches: (system, now, events).
fn batches() -> Vec<(&'static str, Timestamp, Vec<IngestEvent>)> {
    let m = "Momentum";
    let first = vec![
        event(item("e-1", m, json!({ "cpr": CPR_A })), m),
        event(
            item("e-2", m, json!({ "cpr": CPR_A, "action": "changed" })),
            m,
        ),
        // The same event again inside the batch.
        event(item("e-1", m, json!({ "cpr": CPR_A })), m),
        event(
            item("e-3", m, json!({ "cpr": CPR_A, "area": "nowhere" })),
            m,
        ),
        event(
            item(
                "e-4",
                m,
                json!({ "cpr": CPR_A, "purpose": { "da": "Ingen", "en": "None" } }),
            ),
            m,
        ),
        event(item("e-5", m, json!({ "citizen": "nobody" })), m),
        // A citizen by subject: the one the first event created.
        event(item("e-6", m, json!({ "citizen": subject_of(CPR_A) })), m),
        // A new citizen, every optional field, the purpose by its English name only, another area.
        event(
            item(
                "e-7",
                m,
                json!({ "cpr": CPR_B, "employee": "Jens Hansen", "case_ref": "S-7",
                        "batch": { "run_id": "run-1", "records": 12 },
                        "hidden_until": "2026-12-24T00:00:00Z", "area": "health",
                        "purpose": { "da": "x", "en": "Home care" } }),
            ),
            m,
        ),
        // Months without a partition: made for them.
        event(
            item(
                "e-8",
                m,
                json!({ "cpr": CPR_B, "at": "2099-01-01T00:00:00Z" }),
            ),
            m,
        ),
        event(
            item(
                "e-9",
                m,
                json!({ "cpr": CPR_A, "at": "1990-05-01T12:00:00Z" }),
            ),
            m,
        ),
    ];
    let second = vec![
        // Across batches.
        event(item("e-1", m, json!({ "cpr": CPR_A })), m),
        event(
            item(
                "e-10",
                m,
                json!({ "cpr": CPR_B, "organisation": { "da": "Anden", "en": "Other" } }),
            ),
            m,
        ),
    ];
    let n = "KMD Nexus";
    // The same source id from another system is another event.
    let other_system = vec![event(
        item(
            "e-1",
            n,
            json!({ "cpr": CPR_B, "area": "health", "purpose": { "da": "Hjemmepleje", "en": "Home care" } }),
        ),
        n,
    )];
    let local = "Lokalt system";
    let not_in_catalogue = vec![event(item("l-1", local, json!({ "cpr": CPR_A })), local)];
    let all_rejected = vec![event(
        item("e-11", m, json!({ "cpr": CPR_A, "area": "nowhere" })),
        m,
    )];
    vec![
        (m, at("2026-12-01T10:00:00Z"), first),
        // An earlier `now`: the system's last ingest stays the later one.
        (m, at("2026-11-30T10:00:00Z"), second),
        (n, at("2026-12-01T11:00:00Z"), other_system),
        (local, at("2026-12-01T12:00:00Z"), not_in_catalogue),
        (m, at("2026-12-02T10:00:00Z"), all_rejected),
    ]
}

fn fixture(name: &str) -> Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fhir")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// The FHIR batches, checked against the SQLite catalogue.
fn fhir_batches(catalogue: &FhirCatalogue) -> Vec<Vec<FhirEvent>> {
    let check = |v: Value| {
        indsigt::fhir::audit::check(v, "KMD Nexus", catalogue, &pepper())
            .unwrap_or_else(|e| panic!("{e:?}"))
    };
    let read = check(fixture("AuditEvent-ex-auditBasicReadClient.dk.json"));
    let query = check(fixture("AuditEvent-ex-auditBasicQueryGetServer.dk.json"));
    let mut other_org = read.clone();
    other_org.resource_id = "dk-other-org".into();
    other_org.organisation = Some(indsigt::domain::Text::new("Plejecenter", "Care home"));
    let mut no_purpose = read.clone();
    no_purpose.resource_id = "dk-no-purpose".into();
    no_purpose.purpose = "p_gone".into();
    let mut no_area = read.clone();
    no_area.resource_id = "dk-no-area".into();
    no_area.area = "gone".into();
    vec![
        vec![
            read.clone(),
            query,
            read.clone(),
            other_org,
            no_purpose,
            no_area,
        ],
        vec![read],
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_and_fhir_batches_give_sqlites_outcomes_and_rows() {
    let dir = tempfile::tempdir().unwrap();
    let Some((_path, mut sqlite, pg)) = setup(dir.path()).await else {
        return;
    };
    let mut all = Vec::new();
    for (system, now, events) in batches() {
        let a = sqlite.ingest(&events, now).unwrap();
        let b = pg.ingest(&events, now).await.unwrap();
        assert_eq!(a, b, "{system} at {now}");
        all.extend(a);
    }
    use IngestOutcome::*;
    use IngestRejection::*;
    // Every kind of outcome was met, with SQLite's own ids.
    assert_eq!(
        all,
        [
            Accepted(1),
            Accepted(2),
            Duplicate(1),
            Rejected(UnknownArea),
            Rejected(UnknownPurpose),
            Rejected(UnknownCitizen),
            Accepted(3),
            Accepted(4),
            Accepted(5),
            Accepted(6),
            Duplicate(1),
            Accepted(7),
            Accepted(8),
            Accepted(9),
            Rejected(UnknownArea),
        ]
    );
    assert_eq!(assert_same_rows(&sqlite, &pg).await, 9);

    // FHIR: the catalogue view, then the events checked against it.
    let cat = sqlite.fhir_catalogue().unwrap();
    let pg_cat = pg.fhir_catalogue().await.unwrap();
    assert!(!cat.is_empty() && !pg_cat.is_empty());
    let conn = sqlite.connection();
    let ids: Vec<(String, String)> = conn
        .prepare("SELECT id, name FROM cat_systems")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(ids.len() > 5);
    for (id, name) in &ids {
        assert!(cat.system(id).is_some());
        assert_eq!(cat.system(id), pg_cat.system(id), "{id}");
        assert_eq!(cat.system_id(name), pg_cat.system_id(name), "{name}");
    }
    let codes: Vec<(String, String)> = conn
        .prepare("SELECT system, code FROM cat_purpose_codes")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(!codes.is_empty());
    for (system, code) in &codes {
        assert!(cat.purpose(system, code).is_some());
        assert_eq!(cat.purpose(system, code), pg_cat.purpose(system, code));
    }
    let mut fhir = Vec::new();
    for (i, events) in fhir_batches(&cat).into_iter().enumerate() {
        let now = at("2026-12-03T10:00:00Z");
        let a = sqlite.ingest_fhir("KMD Nexus", &events, now).unwrap();
        let b = pg.ingest_fhir("KMD Nexus", &events, now).await.unwrap();
        assert_eq!(a, b, "FHIR batch {i}");
        fhir.extend(a);
    }
    assert_eq!(
        fhir,
        [
            Accepted(10),
            Accepted(11),
            Duplicate(10),
            Accepted(12),
            Rejected(UnknownPurpose),
            Rejected(UnknownPurpose),
            Duplicate(10),
        ]
    );
    assert_eq!(assert_same_rows(&sqlite, &pg).await, 12);
    // The 2020 fixture and the far months got partitions of their own, made for them; every entry is in
    // its month's.
    let client = pg.client().await.unwrap();
    let misplaced: i64 = client
        .query_one(
            "SELECT count(*) FROM access_events WHERE tableoid::regclass::text
                 <> 'access_events_p' || to_char(to_timestamp(at) AT TIME ZONE 'UTC', 'YYYYMM')",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(misplaced, 0);
    let parts = indsigt::store::postgres::partitions::attached(&client)
        .await
        .unwrap();
    for month in ["access_events_p199005", "access_events_p209901"] {
        assert!(parts.iter().any(|p| p == month), "{month}: {parts:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_servers_ingesting_one_batch_at_once_store_each_event_once() {
    let dir = tempfile::tempdir().unwrap();
    let Some((_path, _sqlite, pg)) = setup(dir.path()).await else {
        return;
    };
    // The same citizens and names exist already, so the four race on the claims of the events themselves.
    let warm = pg
        .ingest(&many("w", 500), at("2026-11-30T10:00:00Z"))
        .await
        .unwrap();
    assert!(warm.iter().all(|o| matches!(o, IngestOutcome::Accepted(_))));
    let events = many("c", 500);
    let events = std::sync::Arc::new(events);
    let now = at("2026-12-01T10:00:00Z");
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let (pg, events) = (pg.clone(), events.clone());
        tasks.push(tokio::spawn(async move {
            pg.ingest(&events, now).await.unwrap()
        }));
    }
    let mut outcomes = Vec::new();
    for t in tasks {
        outcomes.push(t.await.unwrap());
    }
    assert_eq!(exactly_once(&outcomes).len(), 500);

    // The same for AuditEvents.
    let cat = pg.fhir_catalogue().await.unwrap();
    let mut fhir = fhir_batches(&cat).swap_remove(0);
    fhir.remove(2); // the duplicate inside the batch
    let fhir = std::sync::Arc::new(fhir);
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let (pg, fhir) = (pg.clone(), fhir.clone());
        tasks.push(tokio::spawn(async move {
            pg.ingest_fhir("KMD Nexus", &fhir[..3], now).await.unwrap()
        }));
    }
    let mut outcomes = Vec::new();
    for t in tasks {
        outcomes.push(t.await.unwrap());
    }
    assert_eq!(exactly_once(&outcomes).len(), 3);
    let client = pg.client().await.unwrap();
    let count = |sql: &'static str| {
        let client = &client;
        async move { client.query_one(sql, &[]).await.unwrap().get::<_, i64>(0) }
    };
    assert_eq!(count("SELECT count(*) FROM access_events").await, 1003);
    assert_eq!(
        count("SELECT count(DISTINCT id) FROM access_events").await,
        1003
    );
    assert_eq!(count("SELECT count(*) FROM ingested_events").await, 1003);
    // Every claim points at its entry, and no entry is without its claim.
    assert_eq!(
        count("SELECT count(*) FROM ingested_events i JOIN access_events e ON e.id = i.event_id")
            .await,
        1003
    );
    // The two FHIR fixtures' citizens are new.
    assert_eq!(count("SELECT count(*) FROM citizens").await, 502);
    // Seven teams and the FHIR system owner's unit.
    assert_eq!(count("SELECT count(*) FROM units").await, 8);
    assert_eq!(count("SELECT count(*) FROM system_ingests").await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_meeting_in_opposite_orders_both_answer_and_store_each_event_once() {
    let dir = tempfile::tempdir().unwrap();
    let Some((_path, _sqlite, pg)) = setup(dir.path()).await else {
        return;
    };
    let warm = pg.ingest(&many("w", 200), at("2026-11-30T10:00:00Z")).await;
    assert_eq!(warm.unwrap().len(), 200);
    // One claims from the front, the other from the back: where they meet, each waits for the other, and
    // PostgreSQL aborts one to break the deadlock; that one is tried again and finds every event stored.
    let forward = many("c", 200);
    let backward: Vec<_> = forward.iter().rev().cloned().collect();
    let now = at("2026-12-01T10:00:00Z");
    let (p1, p2) = (pg.clone(), pg.clone());
    let a = tokio::spawn(async move { p1.ingest(&forward, now).await.unwrap() });
    let b = tokio::spawn(async move { p2.ingest(&backward, now).await.unwrap() });
    let (a, b) = (a.await.unwrap(), b.await.unwrap());
    for i in 0..200 {
        match (a[i], b[199 - i]) {
            (IngestOutcome::Accepted(x), IngestOutcome::Duplicate(y))
            | (IngestOutcome::Duplicate(x), IngestOutcome::Accepted(y)) => {
                assert_eq!(x, y, "event {i}")
            }
            other => panic!("event {i}: {other:?}"),
        }
    }
    let client = pg.client().await.unwrap();
    for table in ["access_events", "ingested_events"] {
        let sql = format!("SELECT count(*) FROM {table}");
        let n: i64 = client.query_one(&sql, &[]).await.unwrap().get(0);
        assert_eq!(n, 400, "{table}");
    }
}
