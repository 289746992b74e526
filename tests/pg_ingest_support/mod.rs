//! Helpers of `tests/pg_parity_ingest.rs`: a fresh SQLite file with the shipped catalogue and its PostgreSQL
//! copy, access events as a system sends them, and the rows of the tables ingest writes, read from both.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use crate::pg_support;
use indsigt::auth::citizen_key::Pepper;
use indsigt::store::Store;
use indsigt::store::ingest::{IngestEvent, IngestOutcome};
use indsigt::store::postgres::PgStore;
use jiff::Timestamp;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

pub fn pepper() -> Pepper {
    Pepper::from_bytes(b"0123456789abcdef0123456789abcdef".to_vec()).unwrap()
}

pub fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// A fresh SQLite file with the shipped catalogue, and a PostgreSQL copy of it (`None`: no cluster).
pub async fn setup(dir: &Path) -> Option<(PathBuf, Store, PgStore)> {
    let path = dir.join("t.db");
    let mut store = Store::open(&path).unwrap();
    let cat = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue");
    let (c, digest) = indsigt::catalogue::load_with_digest(&cat).unwrap();
    store.import_catalogue(&c, "catalogue", &digest, 1).unwrap();
    drop(store);
    let (_, pg) = pg_support::copy_of(&path, dir).await?;
    Some((path.clone(), Store::open(&path).unwrap(), pg))
}

pub fn item(id: &str, system: &str, who: Value) -> Value {
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

pub fn event(v: Value, system: &str) -> IngestEvent {
    indsigt::ingest::access::check(v, system, Some(&pepper())).unwrap()
}

pub fn subject_of(cpr: &str) -> String {
    let key = pepper().citizen_key(&indsigt::domain::Cpr::parse(cpr).unwrap());
    format!("cpr-key:{key}")
}

/// `n` events of Momentum about `n` citizens, over four areas and seven units; ids `{prefix}-{i}`.
pub fn many(prefix: &str, n: usize) -> Vec<IngestEvent> {
    let m = "Momentum";
    let areas = ["employment", "health", "benefits", "children"];
    (0..n)
        .map(|i| {
            let cpr = format!("{:02}0241-{:04}", 1 + i % 28, 1000 + i % 37);
            let unit = format!("Team {}", i % 7);
            let who =
                json!({ "cpr": cpr, "area": areas[i % 4], "unit": { "da": unit, "en": unit } });
            event(item(&format!("{prefix}-{i}"), m, who), m)
        })
        .collect()
}

/// The entries of tasks that sent the same events at once: for each event, one task accepted it and the
/// others saw a duplicate of that same entry. The distinct ids, one an event.
pub fn exactly_once(outcomes: &[Vec<IngestOutcome>]) -> Vec<i64> {
    let mut ids = Vec::new();
    for i in 0..outcomes[0].len() {
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
    assert_eq!(ids.len(), outcomes[0].len());
    ids
}

/// Every row of `table`, each column as text, in `order`; the columns are PostgreSQL's (the same names).
pub async fn rows(
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

pub const TABLES: &[(&str, &str)] = &[
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

pub async fn assert_same_rows(sqlite: &Store, pg: &PgStore) -> usize {
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
