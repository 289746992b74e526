//! Copies an Indsigt SQLite database into an empty PostgreSQL one: a municipality that outgrows one file
//! moves its data, and the tests run the PostgreSQL server over the same demo data as the SQLite one.
//! Each table is copied with binary COPY, in the order of its foreign keys, then the id sequences are set
//! past the copied rows.

use super::{PgStore, pg};
use crate::store::{StoreError, StoreResult};
use rusqlite::types::Value;
use std::path::Path;
use tokio_postgres::binary_copy::BinaryCopyInWriter;
use tokio_postgres::types::{ToSql, Type};

/// The tables, parents first. The SQLite file's unread version-1 per-citizen tables are not copied.
pub const TABLES: &[&str] = &[
    "meta",
    "areas",
    "citizens",
    "organisations",
    "units",
    "roles",
    "data_kinds",
    "recipients",
    "systems",
    "legal_bases",
    "purposes",
    "access_events",
    "access_reports",
    "kiosk_visits",
    "ingested_events",
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
    "holdings",
    "holding_values",
    "citizen_consents",
    "decision_uses",
    "decision_use_factors",
    "system_ingests",
    "ingest_checkpoints",
    "feedback",
    "requests",
    "request_outbox",
    "delivery_attempts",
];

/// How many rows each table received.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Copied {
    pub tables: Vec<(&'static str, u64)>,
}

impl Copied {
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|(_, n)| n).sum()
    }
}

/// Copies every table of the SQLite file at `from` into `to`, which must hold no citizen yet.
pub async fn copy_from_sqlite(from: &Path, to: &PgStore) -> StoreResult<Copied> {
    let sqlite = crate::store::Store::open(from)?;
    to.ensure_partitions(entry_days(&sqlite)?).await?;
    let mut client = to.client().await?;
    let tx = client.transaction().await.map_err(pg)?;
    let held: i64 = tx
        .query_one("SELECT count(*) FROM citizens", &[])
        .await
        .map_err(pg)?
        .get(0);
    if held > 0 {
        return Err(StoreError::Postgres(
            "the PostgreSQL database already holds citizens; copy only into an empty one".into(),
        ));
    }
    let mut copied = Copied::default();
    for table in TABLES {
        let columns: Vec<(String, String)> = tx
            .query(
                "SELECT column_name::text, data_type::text FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
                &[table],
            )
            .await
            .map_err(pg)?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let names: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
        let types: Vec<Type> = columns
            .iter()
            .map(|(_, t)| {
                if t == "bigint" {
                    Type::INT8
                } else {
                    Type::TEXT
                }
            })
            .collect();
        let list = names.join(", ");
        let rows = read_table(&sqlite, table, &list)?;
        let sink = tx
            .copy_in(&format!("COPY {table} ({list}) FROM STDIN BINARY"))
            .await
            .map_err(pg)?;
        let writer = BinaryCopyInWriter::new(sink, &types);
        tokio::pin!(writer);
        for row in &rows {
            let values: Vec<Box<dyn ToSql + Sync + Send>> = row
                .iter()
                .zip(&types)
                .map(|(v, t)| to_pg(v, t))
                .collect::<StoreResult<_>>()?;
            let refs: Vec<&(dyn ToSql + Sync)> = values
                .iter()
                .map(|v| v.as_ref() as &(dyn ToSql + Sync))
                .collect();
            writer.as_mut().write(&refs).await.map_err(pg)?;
        }
        let n = writer.finish().await.map_err(pg)?;
        copied.tables.push((table, n));
    }
    tx.batch_execute(SET_SEQUENCES).await.map_err(pg)?;
    tx.commit().await.map_err(pg)?;
    Ok(copied)
}

/// Moves each identity sequence past the highest copied id.
const SET_SEQUENCES: &str = "
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT c.table_name, c.column_name FROM information_schema.columns c
           WHERE c.table_schema = current_schema() AND c.is_identity = 'YES'
  LOOP
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), coalesce((SELECT max(%I) FROM %I), 0) + 1, false)',
                   t.table_name, t.column_name, t.column_name, t.table_name);
  END LOOP;
  PERFORM setval('access_events_id_seq', coalesce((SELECT max(id) FROM access_events), 0) + 1, false);
END $$;";

/// The first second of each day that holds access-log entries in the SQLite file: their months need
/// partitions before the rows are copied.
fn entry_days(sqlite: &crate::store::Store) -> StoreResult<Vec<i64>> {
    let conn = sqlite.connection();
    let mut st =
        conn.prepare("SELECT DISTINCT at - ((at % 86400) + 86400) % 86400 FROM access_events")?;
    let days = st.query_map([], |r| r.get::<_, i64>(0))?;
    Ok(days.collect::<rusqlite::Result<_>>()?)
}

fn read_table(
    sqlite: &crate::store::Store,
    table: &str,
    list: &str,
) -> StoreResult<Vec<Vec<Value>>> {
    let conn = sqlite.connection();
    let mut st = conn.prepare(&format!("SELECT {list} FROM {table}"))?;
    let width = st.column_count();
    let rows = st.query_map([], |r| (0..width).map(|i| r.get::<_, Value>(i)).collect())?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn to_pg(v: &Value, t: &Type) -> StoreResult<Box<dyn ToSql + Sync + Send>> {
    Ok(match (v, t) {
        (Value::Null, t) if *t == Type::INT8 => Box::new(None::<i64>),
        (Value::Null, _) => Box::new(None::<String>),
        (Value::Integer(i), t) if *t == Type::INT8 => Box::new(*i),
        (Value::Text(s), t) if *t == Type::TEXT => Box::new(s.clone()),
        (Value::Integer(i), _) => Box::new(i.to_string()),
        _ => return Err(StoreError::Corrupt("a value of an unexpected type".into())),
    })
}
