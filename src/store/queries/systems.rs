//! Which systems are connected: every system of the current catalogue with its last successful ingest.

use super::categories::CURRENT;
use crate::domain::ConnectedSystem;
use crate::store::{Store, StoreResult, opt_ts};
use jiff::Timestamp;

impl Store {
    /// The catalogue's systems by name, each with its last ingest and whether that is older than
    /// `stale_after_secs` before `now` (a system never heard from is stale).
    pub fn connected_systems(
        &self,
        now: Timestamp,
        stale_after_secs: i64,
    ) -> StoreResult<Vec<ConnectedSystem>> {
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
