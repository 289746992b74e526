//! For the PostgreSQL write tests: the rows of the tables the citizen's writes touch, compared between
//! the engines, and writes made to race.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use indsigt::store::Store;
use indsigt::store::postgres::PgStore;

/// The tables the writes touch, with their columns, compared row by row.
const TABLES: [(&str, &str); 14] = [
    (
        "access_reports",
        "id, citizen_id, event_id, reference, filed_at, status",
    ),
    (
        "requests",
        "id, citizen_id, kind, reference, consent_id, system_id, report_id, entry_organisation_id, \
         entry_system, lang, status, answer_da, answer_en, filed_at, updated_at, seen_at, changes, seen_changes",
    ),
    (
        "request_outbox",
        "request_id, system_id, created_at, acked_at, delivered_at, attempts, next_attempt_at, gave_up_at",
    ),
    (
        "citizen_consents",
        "id, citizen_id, consent_type_id, system_id, record_id, given_at, withdrawn_at, withdrawal_pending",
    ),
    (
        "kiosk_visits",
        "id, citizen_id, kiosk_id, location, started_at, helper, event_id",
    ),
    (
        "access_events",
        "id, citizen_id, at, organisation_id, unit_id, role_id, employee, system_id, area_id, kind_id, \
         action, purpose_id, case_ref, batch_run_id, batch_records, hidden_until",
    ),
    ("units", "id, name_da, name_en"),
    ("roles", "id, name_da, name_en"),
    ("organisations", "id, name_da, name_en"),
    ("data_kinds", "id, name_da, name_en"),
    ("systems", "id, name"),
    (
        "areas",
        "id, code, sort, name_da, name_en, description_da, description_en",
    ),
    (
        "legal_bases",
        "id, gdpr_da, gdpr_en, law_da, law_en, plain_da, plain_en",
    ),
    (
        "purposes",
        "id, name_da, name_en, description_da, description_en, legal_basis_id, lawfulness, \
         how_to_object_da, how_to_object_en",
    ),
];

type Rows = Vec<Vec<Option<String>>>;

fn sqlite_rows(store: &Store, table: &str, columns: &str) -> Rows {
    let n = columns.split(',').count();
    let sql = format!("SELECT {columns} FROM {table} ORDER BY 1");
    let mut st = store.connection().prepare(&sql).unwrap();
    st.query_map([], |r| {
        (0..n)
            .map(|i| {
                Ok(match r.get::<_, rusqlite::types::Value>(i)? {
                    rusqlite::types::Value::Null => None,
                    rusqlite::types::Value::Integer(v) => Some(v.to_string()),
                    rusqlite::types::Value::Text(t) => Some(t),
                    other => Some(format!("{other:?}")),
                })
            })
            .collect()
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

async fn pg_rows(pg: &PgStore, table: &str, columns: &str) -> Rows {
    let cast: Vec<String> = columns
        .split(',')
        .map(|c| format!("{}::text", c.trim()))
        .collect();
    let first = columns.split(',').next().unwrap_or_default();
    let sql = format!(
        "SELECT {} FROM {table} ORDER BY {table}.{first}",
        cast.join(", ")
    );
    let client = pg.client().await.unwrap();
    let rows = client.query(&sql, &[]).await.unwrap();
    rows.iter()
        .map(|r| (0..cast.len()).map(|i| r.get(i)).collect())
        .collect()
}

pub async fn assert_tables_equal(sqlite: &Store, pg: &PgStore) {
    for (table, columns) in TABLES {
        let a = sqlite_rows(sqlite, table, columns);
        assert!(!a.is_empty(), "{table} has rows");
        assert_eq!(a, pg_rows(pg, table, columns).await, "table {table}");
    }
}

/// Runs `n` writes at once, all held at the statement starting with `statement` by a lock on `table`
/// until every one of them waits there, then released together: the writes really race.
pub async fn race<T, F, Fut>(
    gate: &PgStore,
    table: &str,
    statement: &str,
    n: usize,
    write: F,
) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    let mut client = gate.client().await.unwrap();
    let tx = client.transaction().await.unwrap();
    tx.batch_execute(&format!("LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE"))
        .await
        .unwrap();
    let tasks: Vec<_> = (0..n).map(|i| tokio::spawn(write(i))).collect();
    let pattern = format!("{statement}%");
    let mut waiting = 0;
    for _ in 0..400 {
        // Activity is read once per transaction unless its snapshot is cleared.
        tx.batch_execute("SELECT pg_stat_clear_snapshot()")
            .await
            .unwrap();
        waiting = tx
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
                 AND wait_event_type = 'Lock' AND query LIKE $1",
                &[&pattern],
            )
            .await
            .unwrap()
            .get::<_, i64>(0);
        if waiting == n as i64 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(waiting, n as i64, "all writes wait at {statement}");
    tx.commit().await.unwrap();
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}
