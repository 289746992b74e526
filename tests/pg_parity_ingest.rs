//! Access-event ingest (JSON and FHIR) on PostgreSQL answers what SQLite answers: the same batches sent to a
//! fresh SQLite file and to its PostgreSQL copy give equal outcomes and leave equal rows. Four servers
//! ingesting one batch at once store each event once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_support;

use indsigt::auth::citizen_key::Pepper;
use indsigt::store::Store;
use indsigt::store::fhir::{FhirCatalogue, FhirEvent};
use indsigt::store::ingest::{IngestEvent, IngestOutcome, IngestRejection};
use indsigt::store::postgres::PgStore;
use jiff::Timestamp;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

const CPR_A: &str = "310241-4822";
const CPR_B: &str = "310667-1234";

fn pepper() -> Pepper {
    Pepper::from_bytes(b"0123456789abcdef0123456789abcdef".to_vec()).unwrap()
}

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// A fresh SQLite file with the shipped catalogue, and a PostgreSQL copy of it (`None`: no cluster).
async fn setup(dir: &Path) -> Option<(PathBuf, Store, PgStore)> {
    let path = dir.join("t.db");
    let mut store = Store::open(&path).unwrap();
    let cat = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue");
    let (c, digest) = indsigt::catalogue::load_with_digest(&cat).unwrap();
    store.import_catalogue(&c, "catalogue", &digest, 1).unwrap();
    drop(store);
    let (_, pg) = pg_support::copy_of(&path, dir).await?;
    Some((path.clone(), Store::open(&path).unwrap(), pg))
}

fn item(id: &str, system: &str, who: Value) -> Value {
    let mut v = json!({
        "event_id": id, "at": "2026-11-20T09:30:00Z",
        "organisation": { "da": "Jobcenter Eksempel", "en": "Example Jobcentre" },
        "unit": { "da": "Team Nord", "en": "Team North" },
        "role": { "da": "Sagsbehandler", "en": "Caseworker" },
        "system": system, "area": "employment",
        "category": { "da": "Jobsag", "en": "Job case" }, "action": "viewed",
        "purpose": { "da": "Hjælp til at finde arbejde", "en": "Help to find work" }
    });
    for (k, x) in who.as_object().unwrap() {
        v[k] = x.clone();
    }
    v
}

fn event(v: Value, system: &str) -> IngestEvent {
    indsigt::ingest::access::check(v, system, Some(&pepper())).unwrap()
}

fn subject_of(cpr: &str) -> String {
    let key = pepper().citizen_key(&indsigt::domain::Cpr::parse(cpr).unwrap());
    format!("cpr-key:{key}")
}

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
        // Months without a partition: the default one.
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

/// Every row of `table`, each column as text, in `order`; the columns are PostgreSQL's (the same names).
async fn rows(
    sqlite: &Store,
    pg: &PgStore,
    table: &str,
    order: &str,
) -> (Vec<Vec<Option<String>>>, Vec<Vec<Option<String>>>) {
    let client = pg.client().await.unwrap();
    let columns: Vec<String> = client
        .query(
            "SELECT column_name::text FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
            &[&table],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(!columns.is_empty(), "{table}");
    let list = columns
        .iter()
        .enumerate()
        // Aliased, so that `order` names the stored columns, not their text.
        .map(|(i, c)| format!("CAST({c} AS TEXT) AS c{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!("SELECT {list} FROM {table} ORDER BY {order}");
    let in_pg = client
        .query(&sql, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| (0..columns.len()).map(|i| r.get(i)).collect())
        .collect();
    let conn = sqlite.connection();
    let mut st = conn.prepare(&sql).unwrap();
    let in_sqlite = st
        .query_map([], |r| (0..columns.len()).map(|i| r.get(i)).collect())
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    (in_sqlite, in_pg)
}

const TABLES: &[(&str, &str)] = &[
    ("access_events", "id"),
    ("ingested_events", "system_id, source_event_id"),
    ("system_ingests", "system_id"),
    ("citizens", "id"),
    ("areas", "id"),
    ("purposes", "id"),
    ("legal_bases", "id"),
    ("organisations", "id"),
    ("units", "id"),
    ("roles", "id"),
    ("data_kinds", "id"),
    ("systems", "id"),
];

async fn assert_same_rows(sqlite: &Store, pg: &PgStore) -> usize {
    let mut events = 0;
    for (table, order) in TABLES {
        let (a, b) = rows(sqlite, pg, table, order).await;
        assert_eq!(a, b, "{table}");
        if *table == "access_events" {
            events = a.len();
        }
    }
    events
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
    // The 2020 fixture and the far months are in the default partition.
    let client = pg.client().await.unwrap();
    let default: i64 = client
        .query_one("SELECT count(*) FROM access_events_default", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(default, 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_servers_ingesting_one_batch_at_once_store_each_event_once() {
    let dir = tempfile::tempdir().unwrap();
    let Some((_path, _sqlite, pg)) = setup(dir.path()).await else {
        return;
    };
    let m = "Momentum";
    let areas = ["employment", "health", "benefits", "children"];
    let batch = |prefix: &str| -> Vec<IngestEvent> {
        (0..500)
            .map(|i| {
                let cpr = format!("{:02}0241-{:04}", 1 + i % 28, 1000 + i % 37);
                let unit = format!("Team {}", i % 7);
                event(
                    item(
                        &format!("{prefix}-{i}"),
                        m,
                        json!({ "cpr": cpr, "area": areas[i % 4], "unit": { "da": unit, "en": unit } }),
                    ),
                    m,
                )
            })
            .collect()
    };
    // The same citizens and names exist already, so the four race on the claims of the events themselves.
    let warm = pg
        .ingest(&batch("w"), at("2026-11-30T10:00:00Z"))
        .await
        .unwrap();
    assert!(warm.iter().all(|o| matches!(o, IngestOutcome::Accepted(_))));
    let events = batch("c");
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
    // Each event: one task accepted it, the others saw a duplicate of that same entry.
    let mut ids = Vec::new();
    for i in 0..events.len() {
        let mut accepted = Vec::new();
        let mut entry = None;
        for (task, o) in outcomes.iter().enumerate() {
            let id = match o[i] {
                IngestOutcome::Accepted(id) => {
                    accepted.push(task);
                    id
                }
                IngestOutcome::Duplicate(id) => id,
                other => panic!("event {i}, task {task}: {other:?}"),
            };
            assert_eq!(*entry.get_or_insert(id), id, "event {i}");
        }
        assert_eq!(accepted.len(), 1, "event {i}: accepted by {accepted:?}");
        ids.push(entry.unwrap());
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 500);
    let client = pg.client().await.unwrap();
    let count = |sql: &'static str| {
        let client = &client;
        async move { client.query_one(sql, &[]).await.unwrap().get::<_, i64>(0) }
    };
    assert_eq!(count("SELECT count(*) FROM access_events").await, 1000);
    assert_eq!(
        count("SELECT count(DISTINCT id) FROM access_events").await,
        1000
    );
    assert_eq!(count("SELECT count(*) FROM ingested_events").await, 1000);
    // Every claim points at its entry, and no entry is without its claim.
    assert_eq!(
        count("SELECT count(*) FROM ingested_events i JOIN access_events e ON e.id = i.event_id")
            .await,
        1000
    );
    assert_eq!(count("SELECT count(*) FROM citizens").await, 500);
    assert_eq!(count("SELECT count(*) FROM units").await, 7);
    assert_eq!(count("SELECT count(*) FROM system_ingests").await, 1);
}
