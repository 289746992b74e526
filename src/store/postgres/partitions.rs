//! The access log's monthly partitions (UTC months, on `at` in Unix seconds). The server makes them ahead
//! of time, at start-up and daily after; rows that arrived for a month without a partition (in the default
//! partition) move into it when it is made. Months older than `access_log_keep_months` are detached: kept
//! as plain tables for the operator to archive or drop, no longer read by the server.

use super::connect::PgError;
use crate::config::Postgres;
use deadpool_postgres::Object;
use jiff::Timestamp;
use jiff::civil::{Date, date};

/// The months made behind the current one when no retention is set, so that older events from a first
/// load land in their own month.
const MONTHS_BEHIND: i32 = 24;

/// The first day of the month of `at` (UTC).
fn month_of(at: Timestamp) -> Date {
    let d = at.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    date(d.year(), d.month(), 1)
}

fn add_months(month: Date, n: i32) -> Date {
    let total = i32::from(month.year()) * 12 + i32::from(month.month()) - 1 + n;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    date(y as i16, m as i8, 1)
}

fn unix(month: Date) -> i64 {
    month
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp().as_second())
        .unwrap_or(0)
}

/// `access_events_p202612`: the name of a month's partition.
pub fn partition_name(month: Date) -> String {
    format!("access_events_p{:04}{:02}", month.year(), month.month())
}

/// The months that should have a partition at `now`, oldest first.
pub fn wanted_months(now: Timestamp, settings: &Postgres) -> Vec<Date> {
    let current = month_of(now);
    let behind = settings
        .access_log_keep_months
        .map(|k| k.min(1200) as i32 - 1)
        .unwrap_or(MONTHS_BEHIND)
        .max(0);
    let ahead = settings.access_log_months_ahead.min(120) as i32;
    (-behind..=ahead).map(|n| add_months(current, n)).collect()
}

/// Makes the missing partitions and detaches those past the retention. Safe to run from several servers at
/// once: each change runs under the migrations' advisory lock.
pub async fn maintain(client: &Object, now: Timestamp, settings: &Postgres) -> Result<(), PgError> {
    let existing = attached(client).await?;
    for month in wanted_months(now, settings) {
        let name = partition_name(month);
        if existing.iter().any(|e| e == &name) {
            continue;
        }
        create(client, month).await?;
        tracing::info!(partition = %name, "access-log partition made");
    }
    if let Some(keep) = settings.access_log_keep_months {
        let oldest = add_months(month_of(now), -(keep.min(1200) as i32 - 1).max(0));
        for name in existing
            .iter()
            .filter(|n| n.as_str() < partition_name(oldest).as_str())
        {
            detach(client, name).await?;
            tracing::info!(partition = %name, "access-log partition detached (past its retention)");
        }
    }
    Ok(())
}

/// The attached monthly partitions' names.
pub async fn attached(client: &Object) -> Result<Vec<String>, PgError> {
    let rows = client
        .query(
            "SELECT c.relname FROM pg_inherits i
             JOIN pg_class c ON c.oid = i.inhrelid
             JOIN pg_class p ON p.oid = i.inhparent
             WHERE p.relname = 'access_events' AND c.relname LIKE 'access_events_p%'
             ORDER BY c.relname",
            &[],
        )
        .await
        .map_err(PgError::from_pg)?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// Makes one month's partition, moving in any rows of that month that waited in the default partition.
pub async fn create(client: &Object, month: Date) -> Result<(), PgError> {
    let name = partition_name(month);
    let (from, to) = (unix(month), unix(add_months(month, 1)));
    // Names and bounds are made here from dates, never from input; DDL takes no bound parameters. The
    // lock and the check make it safe when several servers start together.
    let sql = format!(
        "DO $$ BEGIN
           PERFORM pg_advisory_xact_lock(7235361702119012);
           IF NOT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                          WHERE c.relname = '{name}') THEN
             CREATE TABLE IF NOT EXISTS {name}
                 (LIKE access_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
             WITH moved AS (DELETE FROM access_events_default WHERE at >= {from} AND at < {to} RETURNING *)
                 INSERT INTO {name} SELECT * FROM moved;
             ALTER TABLE access_events ATTACH PARTITION {name} FOR VALUES FROM ({from}) TO ({to});
           END IF;
         END $$"
    );
    client.batch_execute(&sql).await.map_err(PgError::from_pg)?;
    Ok(())
}

async fn detach(client: &Object, name: &str) -> Result<(), PgError> {
    if !name.starts_with("access_events_p") || !name[15..].chars().all(|c| c.is_ascii_digit()) {
        return Ok(());
    }
    client
        .batch_execute(&format!(
            "ALTER TABLE access_events DETACH PARTITION {name}"
        ))
        .await
        .map_err(PgError::from_pg)
}

/// Runs [`maintain`] once a day in the background.
pub fn spawn(store: super::PgStore) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(24 * 3600)).await;
            match store.client().await {
                Ok(client) => {
                    if let Err(e) = maintain(&client, Timestamp::now(), store.settings()).await {
                        tracing::warn!(error = %e, "access-log partitions could not be made");
                    }
                }
                Err(_) => tracing::warn!("partition upkeep: PostgreSQL does not answer"),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_wrap_over_the_year() {
        assert_eq!(add_months(date(2026, 11, 1), 3), date(2027, 2, 1));
        assert_eq!(add_months(date(2026, 1, 1), -1), date(2025, 12, 1));
        assert_eq!(partition_name(date(2027, 2, 1)), "access_events_p202702");
        assert_eq!(unix(date(1970, 2, 1)), 31 * 86400);
    }
}
