//! Versioned migrations for PostgreSQL. `schema_version` holds the number of steps applied. All steps run
//! under a transaction-level advisory lock, so servers that start together migrate once: the others wait,
//! then find the work done.

use super::connect::PgError;
use deadpool_postgres::Object;

/// The steps, in order; step `i` brings the schema to version `i + 1`. Never edit a released step.
pub const MIGRATIONS: &[&str] = &[
    include_str!("schema_v1.sql"),
    include_str!("schema_v2.sql"),
    include_str!("schema_v3.sql"),
];

/// The newest schema version this program knows.
pub const SUPPORTED_VERSION: i64 = MIGRATIONS.len() as i64;

/// The advisory lock's key: "indsigt" as a number, the same for every server of one database.
const LOCK_KEY: i64 = 0x0069_6e64_7369_6774;

pub async fn version(client: &Object) -> Result<i64, tokio_postgres::Error> {
    let exists: bool = client
        .query_one("SELECT to_regclass('schema_version') IS NOT NULL", &[])
        .await?
        .get(0);
    if !exists {
        return Ok(0);
    }
    client
        .query_one("SELECT coalesce(max(version), 0) FROM schema_version", &[])
        .await
        .map(|r| r.get(0))
}

/// Applies the missing steps. Returns how many were applied.
pub async fn migrate(client: &mut Object) -> Result<usize, PgError> {
    let tx = client.transaction().await.map_err(PgError::from_pg)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK_KEY])
        .await
        .map_err(PgError::from_pg)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version    BIGINT PRIMARY KEY,
             applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )",
    )
    .await
    .map_err(PgError::from_pg)?;
    let found: i64 = tx
        .query_one("SELECT coalesce(max(version), 0) FROM schema_version", &[])
        .await
        .map_err(PgError::from_pg)?
        .get(0);
    if found > SUPPORTED_VERSION {
        return Err(PgError::NewerSchema {
            found,
            supported: SUPPORTED_VERSION,
        });
    }
    let mut applied = 0;
    for (i, step) in MIGRATIONS.iter().enumerate() {
        let version = i as i64 + 1;
        if version <= found {
            continue;
        }
        tx.batch_execute(step).await.map_err(PgError::from_pg)?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[&version],
        )
        .await
        .map_err(PgError::from_pg)?;
        applied += 1;
        tracing::info!(version, "PostgreSQL schema migrated");
    }
    tx.commit().await.map_err(PgError::from_pg)?;
    Ok(applied)
}
