//! Versioned migrations: `PRAGMA user_version` holds the number of steps applied.
//! Each step runs in its own transaction together with the version bump, so a crash leaves the old version.

use super::error::{StoreError, StoreResult};
use rusqlite::{Connection, TransactionBehavior};

/// The migration steps, in order. Step `i` (0-based) brings the schema to version `i + 1`.
/// Never edit a released step: add a new one.
pub const MIGRATIONS: &[&str] = &[
    include_str!("schema_v1.sql"),
    include_str!("schema_v2.sql"),
    include_str!("schema_v3.sql"),
    include_str!("schema_v4.sql"),
    include_str!("schema_v5.sql"),
    include_str!("schema_v6.sql"),
    include_str!("schema_v7.sql"),
    include_str!("schema_v8.sql"),
    include_str!("schema_v9.sql"),
];

/// The newest schema version this program knows.
pub const SUPPORTED_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn user_version(conn: &Connection) -> StoreResult<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuses a schema newer than this program knows, without writing anything.
pub fn check_version(conn: &Connection) -> StoreResult<i64> {
    let found = user_version(conn)?;
    if found > SUPPORTED_VERSION {
        return Err(StoreError::NewerSchema {
            found,
            supported: SUPPORTED_VERSION,
        });
    }
    Ok(found)
}

/// Applies the missing steps. Returns how many were applied.
pub fn migrate(conn: &mut Connection) -> StoreResult<usize> {
    let found = check_version(conn)?;
    let mut applied = 0;
    for (i, step) in MIGRATIONS.iter().enumerate() {
        let version = i as i64 + 1;
        if version <= found {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Re-check inside the write lock: another process may have migrated meanwhile.
        let now = user_version(&tx)?;
        if now >= version {
            continue;
        }
        tx.execute_batch(step)?;
        // PRAGMA takes no bound parameters; `version` is our own integer, not input.
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
        applied += 1;
        tracing::info!(version, "store migrated");
    }
    Ok(applied)
}
