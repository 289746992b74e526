//! Shared by the PostgreSQL record tests: a fresh SQLite file and PostgreSQL database with the shipped
//! catalogue, table rows read alike from both engines, the two catalogue views compared, record items.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use super::pg_support;
use indsigt::auth::citizen_key::Pepper;
use indsigt::catalogue::Catalogue;
use indsigt::ingest::records::{Kind, check};
use indsigt::store::Store;
use indsigt::store::postgres::PgStore;
use indsigt::store::records::{CatalogueView, Record};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

pub const A: &str = "310241-4822";
pub const B: &str = "300214-1234";

/// The tables an import writes, and the tables record ingest writes.
pub const CATALOGUE_TABLES: &[&str] = &[
    "catalogue_versions",
    "cat_areas",
    "cat_systems",
    "cat_legal_bases",
    "cat_purposes",
    "cat_categories",
    "cat_category_fields",
    "cat_category_purposes",
    "cat_category_recipients",
    "cat_consent_types",
    "cat_decision_tools",
    "cat_decision_inputs",
    "cat_purpose_codes",
];
pub const RECORD_TABLES: &[&str] = &[
    "citizens",
    "holdings",
    "holding_values",
    "citizen_consents",
    "decision_uses",
    "decision_use_factors",
    "system_ingests",
];

pub fn catalogue_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue")
}

pub fn shipped() -> (Catalogue, String) {
    indsigt::catalogue::load_with_digest(&catalogue_dir()).unwrap()
}

pub fn pepper() -> Pepper {
    Pepper::from_bytes(b"0123456789abcdef0123456789abcdef".to_vec()).unwrap()
}

pub fn now(day: u32) -> jiff::Timestamp {
    format!("2026-12-{day:02}T12:00:00Z").parse().unwrap()
}

/// A fresh SQLite file and a fresh PostgreSQL database, or `None` without a cluster.
pub async fn fresh(dir: &Path) -> Option<(Store, PgStore)> {
    let settings = pg_support::fresh_database(dir).await?;
    let pg = PgStore::open(&settings, now(1)).await.unwrap();
    Some((Store::open(&dir.join("t.db")).unwrap(), pg))
}

/// A table's rows as JSON texts, sorted: every column SQLite has, read alike from both engines.
pub fn sqlite_rows(store: &Store, table: &str) -> (Vec<String>, Vec<String>) {
    let c = store.connection();
    let mut st = c
        .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
        .unwrap();
    let columns: Vec<String> = st
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let sql = format!("SELECT {} FROM {table}", columns.join(", "));
    let mut st = c.prepare(&sql).unwrap();
    let mut rows: Vec<String> = st
        .query_map([], |r| {
            let mut row = Vec::new();
            for i in 0..columns.len() {
                row.push(match r.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => Value::Null,
                    rusqlite::types::ValueRef::Integer(n) => json!(n),
                    rusqlite::types::ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
                    other => panic!("{table}: unexpected {other:?}"),
                });
            }
            Ok(Value::Array(row).to_string())
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows.sort();
    (columns, rows)
}

pub async fn pg_rows(pg: &PgStore, table: &str, columns: &[String]) -> Vec<String> {
    let client = pg.client().await.unwrap();
    let sql = format!("SELECT {} FROM {table}", columns.join(", "));
    let mut rows: Vec<String> = client
        .query(&sql, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| {
            let row: Vec<Value> = (0..columns.len())
                .map(|i| match *r.columns()[i].type_() {
                    tokio_postgres::types::Type::INT8 => json!(r.get::<_, Option<i64>>(i)),
                    tokio_postgres::types::Type::TEXT => json!(r.get::<_, Option<String>>(i)),
                    ref t => panic!("{table}: unexpected type {t}"),
                })
                .collect();
            Value::Array(row).to_string()
        })
        .collect();
    rows.sort();
    rows
}

/// Every row of `tables` is the same on both engines; answers the number of rows compared.
pub async fn same_rows(store: &Store, pg: &PgStore, tables: &[&str]) -> usize {
    let mut n = 0;
    for table in tables {
        let (columns, want) = sqlite_rows(store, table);
        assert_eq!(pg_rows(pg, table, &columns).await, want, "{table}");
        n += want.len();
    }
    n
}

/// The two views agree on every id and name the catalogue has, and on ids it lacks.
pub fn same_view(a: &CatalogueView, b: &CatalogueView, c: &Catalogue) {
    assert_eq!(a.is_empty(), b.is_empty());
    for s in &c.systems {
        for name in [&s.id, &s.name] {
            assert_eq!(a.system_id(name), b.system_id(name), "{name}");
            assert_eq!(a.system_id(name), Some(s.id.as_str()));
        }
    }
    for cat in c.categories.iter().map(|c| c.id.as_str()).chain(["nope"]) {
        let (x, y) = (a.category(cat), b.category(cat));
        assert_eq!(x.is_some(), y.is_some(), "{cat}");
        if let (Some(x), Some(y)) = (x, y) {
            assert_eq!((&x.system, &x.fields), (&y.system, &y.fields), "{cat}");
            assert!(!x.fields.is_empty(), "{cat}");
        }
    }
    for t in c
        .consent_types
        .iter()
        .map(|t| t.id.as_str())
        .chain(["nope"])
    {
        assert_eq!(a.has_consent_type(t), b.has_consent_type(t), "{t}");
    }
    for t in c
        .decision_tools
        .iter()
        .map(|t| t.id.as_str())
        .chain(["nope"])
    {
        assert_eq!(a.tool_system(t), b.tool_system(t), "{t}");
    }
}

pub fn holding(record: &str, cpr: &str, version: i64, help: &str) -> Value {
    json!({
        "record_id": record, "cpr": cpr, "version": version, "category": "home_care",
        "fields": { "help_granted": { "da": help, "en": help },
                    "hours_per_week": { "da": "4 timer", "en": "4 hours" } },
        "updated_at": "2026-11-01T10:00:00Z", "retention_start": "2026-05-02", "case_ref": "S-1"
    })
}

pub fn consent(record: &str, version: i64, withdrawn: Option<&str>) -> Value {
    let mut v = json!({"record_id": record, "cpr": A, "version": version,
        "consent_type": "share_with_gp", "given_at": "2026-01-02T10:00:00Z"});
    if let Some(w) = withdrawn {
        v["withdrawn_at"] = json!(w);
    }
    v
}

pub fn decision(record: &str, updated: &str, factors: &[&str]) -> Value {
    let factors: Vec<Value> = factors
        .iter()
        .map(|f| json!({"name": {"da": f, "en": f}, "effect": {"da": "Lidt", "en": "A little"}}))
        .collect();
    json!({"record_id": record, "cpr": B, "updated_at": updated,
        "tool": "rehab_planning", "case_ref": "S-9", "decided_at": "2026-02-28T11:00:00Z",
        "result": {"da": "Træning anbefalet", "en": "Training recommended"}, "factors": factors})
}

/// One item checked against both engines' views: the same record, or the same error code.
pub fn checked(
    views: (&CatalogueView, &CatalogueView),
    kind: Kind,
    system: &str,
    v: Value,
) -> Result<Record, String> {
    let p = pepper();
    let a = check(kind, system, v.clone(), views.0, &p).map_err(|(_, e)| e.code().to_owned());
    let b = check(kind, system, v, views.1, &p).map_err(|(_, e)| e.code().to_owned());
    assert_eq!(a, b);
    a
}
