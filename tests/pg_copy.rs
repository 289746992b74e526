//! The PostgreSQL store's foundation on a real cluster: migrations once under concurrency, the monthly
//! partitions, and a copy of the demo database with every row.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_support;

use indsigt::store::postgres::PgStore;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn servers_starting_together_migrate_once_and_the_demo_copies_whole() {
    let dir = tempfile::tempdir().unwrap();
    let Some(settings) = pg_support::fresh_database(dir.path()).await else {
        return;
    };
    let now = jiff::Timestamp::now();
    // Four "servers" start at once: one migrates, the others wait on the lock and find it done.
    let opened = futures_join(&settings, now).await;
    for store in &opened {
        assert_eq!(
            store.schema_version().await.unwrap(),
            indsigt::store::postgres::SUPPORTED_VERSION
        );
    }
    let store = &opened[0];
    let client = store.client().await.unwrap();
    let steps: i64 = client
        .query_one("SELECT count(*) FROM schema_version", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(steps, indsigt::store::postgres::SUPPORTED_VERSION);
    let parts = indsigt::store::postgres::partitions::attached(&client)
        .await
        .unwrap();
    assert_eq!(
        parts.len(),
        24 + 1 + 3,
        "24 months back, this one, 3 ahead: {parts:?}"
    );

    let d = common::demo();
    let copied = indsigt::store::postgres::copy::copy_from_sqlite(&d.path, store)
        .await
        .unwrap();
    let sqlite = indsigt::store::Store::open(&d.path).unwrap();
    for (table, n) in &copied.tables {
        let in_sqlite: i64 = sqlite
            .connection()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        let in_pg: i64 = client
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!((*n as i64, in_pg), (in_sqlite, in_sqlite), "{table}");
    }
    assert!(copied.rows() > 1000);
    // A second copy into the same database is refused, and changes nothing.
    assert!(
        indsigt::store::postgres::copy::copy_from_sqlite(&d.path, store)
            .await
            .is_err()
    );
}

async fn futures_join(settings: &indsigt::config::Postgres, now: jiff::Timestamp) -> Vec<PgStore> {
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let s = settings.clone();
        tasks.push(tokio::spawn(async move {
            PgStore::open(&s, now).await.unwrap()
        }));
    }
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}
