//! Which systems are connected: every system of the current catalogue with its last successful ingest.
//!
//! Staleness is measured against now, except in a demo database: its systems "sent" their data once, at the
//! moment the demo was generated (the `meta` row [`DEMO_GENERATED_AT`]), and it is measured against that
//! moment, so a demo made weeks ago does not say that every system has gone silent.

use super::categories::CURRENT;
use crate::domain::ConnectedSystem;
use crate::store::{Store, StoreResult, dims, opt_ts};
use jiff::Timestamp;

/// The `meta` key of a demo database's generation time (unix seconds). Only `indsigt demo-data` writes it.
pub const DEMO_GENERATED_AT: &str = "demo_generated_at";

impl Store {
    /// The moment staleness is measured against: `now`, or a demo database's generation time when that is
    /// earlier.
    pub fn staleness_reference(&self, now: Timestamp) -> StoreResult<Timestamp> {
        let generated = dims::meta(&self.conn, DEMO_GENERATED_AT)?
            .and_then(|v| v.parse::<i64>().ok())
            .and_then(|s| Timestamp::from_second(s).ok());
        Ok(match generated {
            Some(g) if g < now => g,
            _ => now,
        })
    }

    /// The catalogue's systems by name, each with its last ingest and whether that is older than
    /// `stale_after_secs` before `now` (a system never heard from is stale); in a demo database, before
    /// the moment it was generated ([`Store::staleness_reference`]).
    pub fn connected_systems(
        &self,
        now: Timestamp,
        stale_after_secs: i64,
    ) -> StoreResult<Vec<ConnectedSystem>> {
        let now = self.staleness_reference(now)?;
        let sql = format!(
            "SELECT s.name, i.last_ingest_at FROM cat_systems s
             LEFT JOIN system_ingests i ON i.system_id = s.id
             WHERE s.version_id = {CURRENT} ORDER BY s.name, s.id"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let cutoff = now.as_second().saturating_sub(stale_after_secs);
        let rows = st.query_map([], |r| {
            let last: Option<i64> = r.get(1)?;
            Ok(ConnectedSystem {
                name: r.get(0)?,
                last_ingest: opt_ts(last)?,
                stale: last.is_none_or(|t| t < cutoff),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
