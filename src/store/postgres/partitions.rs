//! The access log's monthly partitions (UTC months, on `at` in Unix seconds; the key is `(at, id)`, the
//! page's order, so a page reads the months newest first and stops when it is full). The server makes them
//! ahead of time, at start-up and daily after, and any other month when an entry for it is written
//! ([`PgStore::ensure_partitions`]): there is no default partition, which would make every page read every
//! month. Months older than `access_log_keep_months` are detached: kept as plain tables for the operator to
//! archive or drop, no longer read by the server.

use super::connect::PgError;
use super::{PgStore, pg};
use crate::config::Postgres;
use crate::store::StoreResult;
use deadpool_postgres::Object;
use jiff::Timestamp;
use jiff::civil::{Date, date};
use std::collections::BTreeSet;

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

/// The month a partition's name stands for.
fn month_of_name(name: &str) -> Option<Date> {
    let digits = name.strip_prefix("access_events_p")?;
    if digits.len() != 6 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (y, m) = (digits[..4].parse().ok()?, digits[4..].parse().ok()?);
    Date::new(y, m, 1).ok()
}

/// Makes the missing partitions and detaches those past the retention; returns the months attached after.
/// Safe to run from several servers at once: each change runs under an advisory lock.
pub async fn maintain(
    client: &Object,
    now: Timestamp,
    settings: &Postgres,
) -> Result<BTreeSet<Date>, PgError> {
    let existing = attached(client).await?;
    let mut months: BTreeSet<Date> = existing.iter().filter_map(|n| month_of_name(n)).collect();
    for month in wanted_months(now, settings) {
        if months.contains(&month) {
            continue;
        }
        create(client, month).await?;
        months.insert(month);
        tracing::info!(partition = %partition_name(month), "access-log partition made");
    }
    if let Some(keep) = settings.access_log_keep_months {
        let oldest = add_months(month_of(now), -(keep.min(1200) as i32 - 1).max(0));
        for name in existing
            .iter()
            .filter(|n| n.as_str() < partition_name(oldest).as_str())
        {
            detach(client, name).await?;
            if let Some(m) = month_of_name(name) {
                months.remove(&m);
            }
            tracing::info!(partition = %name, "access-log partition detached (past its retention)");
        }
    }
    Ok(months)
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

/// Makes one month's partition, if no server has made it yet.
pub async fn create(client: &Object, month: Date) -> Result<(), PgError> {
    client
        .batch_execute(&create_sql(month))
        .await
        .map_err(PgError::from_pg)
}

/// The statement that makes `month`'s partition. Names and bounds are made here from dates, never from
/// input; DDL takes no bound parameters. The lock and the check make it safe when several servers make
/// the same month together. The table is made empty and then attached, which takes a lighter lock on the
/// log than `PARTITION OF` does.
fn create_sql(month: Date) -> String {
    let name = partition_name(month);
    let (from, to) = (unix(month), unix(add_months(month, 1)));
    format!(
        "DO $$ BEGIN
           PERFORM pg_advisory_xact_lock(7235361702119012);
           IF NOT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                          WHERE c.relname = '{name}') THEN
             CREATE TABLE IF NOT EXISTS {name}
                 (LIKE access_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
             ALTER TABLE access_events ATTACH PARTITION {name}
                 FOR VALUES FROM ({from}, MINVALUE) TO ({to}, MINVALUE);
           END IF;
         END $$"
    )
}

/// The months of the times `ats` (Unix seconds), each once; a time jiff cannot hold is left out (no
/// entry carries one).
pub fn months_of(ats: impl IntoIterator<Item = i64>) -> BTreeSet<Date> {
    ats.into_iter()
        .filter_map(|at| Timestamp::from_second(at).ok())
        .map(month_of)
        .collect()
}

impl PgStore {
    /// Makes sure the access log has a partition for the month of each time in `ats`, before entries for
    /// them are written: an entry with no partition for its month could not be stored. The months known
    /// to be there are remembered, so a batch for this month asks nothing of the database.
    pub(super) async fn ensure_partitions(
        &self,
        ats: impl IntoIterator<Item = i64>,
    ) -> StoreResult<()> {
        let missing: Vec<Date> = {
            let known = self.months.lock().unwrap_or_else(|p| p.into_inner());
            months_of(ats)
                .into_iter()
                .filter(|m| !known.contains(m))
                .collect()
        };
        if missing.is_empty() {
            return Ok(());
        }
        let client = self.client().await?;
        for month in missing {
            client.batch_execute(&create_sql(month)).await.map_err(pg)?;
            tracing::info!(partition = %partition_name(month), "access-log partition made for an entry");
            self.remember_month(month);
        }
        Ok(())
    }

    /// Notes that `month` has its partition.
    fn remember_month(&self, month: Date) {
        self.months
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(month);
    }

    /// Replaces what is known of the attached months (after [`maintain`]: a detached month is forgotten).
    pub(super) fn know_months(&self, months: BTreeSet<Date>) {
        *self.months.lock().unwrap_or_else(|p| p.into_inner()) = months;
    }
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
                Ok(client) => match maintain(&client, Timestamp::now(), store.settings()).await {
                    Ok(months) => store.know_months(months),
                    Err(e) => tracing::warn!(error = %e, "access-log partitions could not be made"),
                },
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

    #[test]
    fn a_partition_name_gives_back_its_month() {
        assert_eq!(
            month_of_name("access_events_p202702"),
            Some(date(2027, 2, 1))
        );
        assert_eq!(month_of_name("access_events_p202713"), None);
        assert_eq!(month_of_name("access_events_default"), None);
        assert_eq!(month_of_name("access_events_p2027021"), None);
    }

    #[test]
    fn the_months_of_times_are_each_named_once() {
        let jan = unix(date(2026, 1, 1));
        let months = months_of([jan, jan + 86400, jan - 1, unix(date(2026, 2, 1))]);
        let want: BTreeSet<Date> = [date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)].into();
        assert_eq!(months, want);
    }
}
