//! A fresh PostgreSQL database for a test, in the throwaway cluster that `.ci/postgres start` made
//! (`INDSIGT_TEST_POSTGRES`, `INDSIGT_TEST_POSTGRES_PASSWORD`). Without it a PostgreSQL test says so and
//! passes on a developer's machine; in CI (`CI` set) it fails, so the engine is never skipped silently.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use indsigt::config::{PgTls, Postgres};
use indsigt::store::postgres::PgStore;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

static NEXT: AtomicU32 = AtomicU32::new(0);

/// The cluster's address and superuser password, or `None` (outside CI) when no cluster is set.
pub fn cluster() -> Option<(String, String)> {
    match (
        std::env::var("INDSIGT_TEST_POSTGRES"),
        std::env::var("INDSIGT_TEST_POSTGRES_PASSWORD"),
    ) {
        (Ok(url), Ok(pw)) if !url.is_empty() => Some((url, pw)),
        _ if std::env::var_os("CI").is_some() => {
            panic!(
                "CI must run the PostgreSQL tests: INDSIGT_TEST_POSTGRES is not set (.ci/postgres start)"
            )
        }
        _ => {
            eprintln!(
                "skipped: no PostgreSQL (eval \"$(.ci/postgres start /tmp/pg 54329)\" to run it)"
            );
            None
        }
    }
}

/// The settings of a new, empty database in the cluster (the password in a file in `dir`).
pub async fn fresh_database(dir: &Path) -> Option<Postgres> {
    let (url, password) = cluster()?;
    let name = format!(
        "t_{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed),
        jiff::Timestamp::now().as_nanosecond() % 1_000_000
    );
    let mut admin: tokio_postgres::Config = url.parse().unwrap();
    admin.password(password.as_bytes());
    let (client, conn) = admin.connect(tokio_postgres::NoTls).await.unwrap();
    let task = tokio::spawn(conn);
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    drop(client);
    let _closed = task.await;
    let password_file = dir.join(format!("{name}.pw"));
    std::fs::write(&password_file, format!("{password}\n")).unwrap();
    let base = url.rsplit_once('/').map(|(b, _)| b).unwrap_or(&url);
    Some(Postgres {
        url: format!("{base}/{name}"),
        password_file: Some(password_file),
        pool_size: 4,
        tls: PgTls::Disable,
        ca_file: None,
        connect_timeout_secs: 5,
        access_log_months_ahead: 3,
        access_log_keep_months: None,
    })
}

/// A new database holding a copy of the SQLite file at `sqlite`.
pub async fn copy_of(sqlite: &Path, dir: &Path) -> Option<(Postgres, PgStore)> {
    let settings = fresh_database(dir).await?;
    let store = PgStore::open(&settings, jiff::Timestamp::now())
        .await
        .unwrap();
    indsigt::store::postgres::copy::copy_from_sqlite(sqlite, &store)
        .await
        .unwrap();
    Some((settings, store))
}
