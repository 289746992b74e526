//! The access log on PostgreSQL: keyset pages newest first, one entry, the citizen's reports, the
//! organisations in the log. The port of `store::queries::access_log`: the same filters, search, cursor,
//! `hidden_until` rule and limit.
//!
//! Plan: every page is one range scan of a `(citizen_id, [filter,] at DESC, id DESC)` index that stops at
//! LIMIT; the cursor is the row comparison `(at, id) < (cursor)`, which the index serves as its lower bound.
//! Never OFFSET.

use super::page_statement::{area_exists, page_values};
use super::{PgStore, citizens, opt_ts, pg, ts};
use crate::domain::{
    AccessCursor, AccessEvent, AccessFilter, AccessPage, AccessReport, Action, Batch, ReportStatus,
    Text,
};
use crate::source::Organisation;
use crate::store::queries::access_log::{MAX_PAGE, event_reference};
use crate::store::{CitizenRef, StoreError, StoreResult};
use deadpool_postgres::GenericClient;
use jiff::Timestamp;
use tokio_postgres::Row;
use tokio_postgres::types::FromSql;

/// An entry with its names; `$1` is the citizen's key, `$2` now (deferred entries are left out).
pub(super) const SELECT: &str =
    "SELECT e.id, e.at, o.name_da, o.name_en, u.name_da, u.name_en, r.name_da, r.name_en,
       e.employee, s.name, a.code, k.name_da, k.name_en, e.action, p.name_da, p.name_en,
       e.case_ref, e.batch_run_id, e.batch_records, e.hidden_until, e.on_behalf, e.on_behalf_name
FROM access_events e
JOIN organisations o ON o.id = e.organisation_id
JOIN units u ON u.id = e.unit_id
JOIN roles r ON r.id = e.role_id
JOIN systems s ON s.id = e.system_id
JOIN areas a ON a.id = e.area_id
JOIN data_kinds k ON k.id = e.kind_id
JOIN purposes p ON p.id = e.purpose_id
WHERE e.citizen_id = $1 AND (e.hidden_until IS NULL OR e.hidden_until <= $2)";

/// The name tables the free-text search looks in, in the order of their `e.<column>`.
pub(super) const SEARCHED: [(&str, &str); 5] = [
    ("organisations", "organisation_id"),
    ("units", "unit_id"),
    ("roles", "role_id"),
    ("purposes", "purpose_id"),
    ("data_kinds", "kind_id"),
];

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("access log: {what}"))
}

/// Column `i` of a row.
pub(super) fn get<'a, T: FromSql<'a>>(r: &'a Row, i: usize) -> StoreResult<T> {
    r.try_get(i).map_err(pg)
}

/// Columns `da` and `da + 1` as a text.
pub(super) fn text(r: &Row, da: usize) -> StoreResult<Text> {
    Ok(Text::new(get::<String>(r, da)?, get::<String>(r, da + 1)?))
}

fn action_from(code: i64) -> StoreResult<Action> {
    usize::try_from(code)
        .ok()
        .and_then(|i| Action::ALL.get(i).copied())
        .ok_or_else(|| corrupt("an action"))
}

/// The stored side of an entry made in another's name; an unknown code reads as none.
fn on_behalf(code: Option<String>, name: Option<String>) -> Option<crate::domain::OnBehalf> {
    crate::domain::OnBehalf::from_code(&code?, name.unwrap_or_default())
}

fn row_to_event(r: &Row) -> StoreResult<AccessEvent> {
    let id: i64 = get(r, 0)?;
    let run_id: Option<String> = get(r, 17)?;
    let records = get::<Option<i64>>(r, 18)?
        .map(u32::try_from)
        .transpose()
        .map_err(|_| corrupt("a batch size"))?;
    Ok(AccessEvent {
        id,
        at: ts(get(r, 1)?)?,
        organisation: text(r, 2)?,
        unit: text(r, 4)?,
        role: text(r, 6)?,
        employee: get(r, 8)?,
        system: get(r, 9)?,
        area: get(r, 10)?,
        category: text(r, 11)?,
        action: action_from(get(r, 13)?)?,
        purpose: text(r, 14)?,
        case_ref: get(r, 16)?,
        batch: run_id.map(|run_id| Batch {
            run_id,
            records: records.unwrap_or(1),
        }),
        hidden_until: opt_ts(get(r, 19)?)?,
        reference: event_reference(id),
        on_behalf: on_behalf(get(r, 20)?, get(r, 21)?),
    })
}

/// An `access_reports` row (`reference, event_id, filed_at, status`) as a report.
pub(super) fn row_to_report(r: &Row) -> StoreResult<AccessReport> {
    let status: String = get(r, 3)?;
    Ok(AccessReport {
        reference: get(r, 0)?,
        event_id: get(r, 1)?,
        filed_at: ts(get(r, 2)?)?,
        status: ReportStatus::from_code(&status).ok_or_else(|| corrupt("a report status"))?,
    })
}

/// One visible entry of the citizen with key `key`; another citizen's or a deferred one is NotFound.
pub(super) async fn visible_event<C: GenericClient>(
    client: &C,
    key: i64,
    id: i64,
    now: Timestamp,
) -> StoreResult<AccessEvent> {
    let sql = format!("{SELECT}\n  AND e.id = $3");
    let st = client.prepare_cached(&sql).await.map_err(pg)?;
    let row = client
        .query_opt(&st, &[&key, &now.as_second(), &id])
        .await
        .map_err(pg)?
        .ok_or(StoreError::NotFound)?;
    row_to_event(&row)
}

impl PgStore {
    /// One page of the citizen's access log, newest first, after `after`. `limit` is capped at [`MAX_PAGE`].
    pub async fn access_page(
        &self,
        who: &CitizenRef,
        filter: &AccessFilter,
        after: Option<AccessCursor>,
        limit: u32,
        now: Timestamp,
    ) -> StoreResult<AccessPage> {
        let client = self.client().await?;
        let limit = limit.clamp(1, MAX_PAGE);
        let values = page_values(&client, who, filter, after, limit, now).await?;
        let statement = values.statement();
        let st = client.prepare_cached(&statement.sql).await.map_err(pg)?;
        let rows = client.query(&st, &statement.values).await.map_err(pg)?;
        if rows.is_empty() {
            // No entry: for a citizen with an empty page, or for no citizen at all (UnknownCitizen).
            citizens::citizen_key(&client, who).await?;
        }
        let mut entries = rows
            .iter()
            .map(row_to_event)
            .collect::<StoreResult<Vec<_>>>()?;
        let next = if entries.len() > limit as usize {
            entries.truncate(limit as usize);
            entries.last().map(|e| AccessCursor { at: e.at, id: e.id })
        } else {
            None
        };
        Ok(AccessPage { entries, next })
    }

    /// The plan PostgreSQL makes for [`PgStore::access_page`] with these arguments (`EXPLAIN` of the same
    /// statement with the same values), to check that each filter reads its index; `None` for an unknown
    /// area, whose page is empty without a query. With `analyze`, the statement runs and the plan says
    /// what it did: `EXPLAIN (ANALYZE, BUFFERS)`, for the benchmark's note.
    pub async fn access_page_plan(
        &self,
        who: &CitizenRef,
        filter: &AccessFilter,
        after: Option<AccessCursor>,
        limit: u32,
        now: Timestamp,
        analyze: bool,
    ) -> StoreResult<Option<String>> {
        let client = self.client().await?;
        citizens::citizen_key(&client, who).await?;
        if !area_exists(&client, filter).await? {
            return Ok(None);
        }
        let limit = limit.clamp(1, MAX_PAGE);
        let values = page_values(&client, who, filter, after, limit, now).await?;
        let statement = values.statement();
        let options = if analyze { "(ANALYZE, BUFFERS) " } else { "" };
        let sql = format!("EXPLAIN {options}{}", statement.sql);
        let rows = client.query(&sql, &statement.values).await.map_err(pg)?;
        let lines = rows.iter().map(|r| get::<String>(r, 0));
        Ok(Some(lines.collect::<StoreResult<Vec<_>>>()?.join("\n")))
    }

    /// The text of the statement [`PgStore::access_page`] runs for this filter shape (values as `$n`:
    /// the citizen, now, the filters in the order `from, to, area, organisation, action`, then the
    /// cursor and the row count), so a benchmark can run the very same SQL through `pgbench`.
    pub async fn access_page_sql(
        &self,
        who: &CitizenRef,
        filter: &AccessFilter,
        after: Option<AccessCursor>,
        limit: u32,
        now: Timestamp,
    ) -> StoreResult<Option<String>> {
        let client = self.client().await?;
        citizens::citizen_key(&client, who).await?;
        if !area_exists(&client, filter).await? {
            return Ok(None);
        }
        let limit = limit.clamp(1, MAX_PAGE);
        let values = page_values(&client, who, filter, after, limit, now).await?;
        Ok(Some(values.statement().sql))
    }

    /// One visible entry of the citizen's log. Another citizen's entry, or a deferred one, is NotFound.
    pub async fn access_event(
        &self,
        who: &CitizenRef,
        id: i64,
        now: Timestamp,
    ) -> StoreResult<AccessEvent> {
        let client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        visible_event(&client, key, id, now).await
    }

    /// The citizen's "I don't recognise this" reports, newest first.
    pub async fn access_reports(&self, who: &CitizenRef) -> StoreResult<Vec<AccessReport>> {
        let client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let st = client
            .prepare_cached(
                "SELECT reference, event_id, filed_at, status FROM access_reports
                 WHERE citizen_id = $1 ORDER BY filed_at DESC, id DESC",
            )
            .await
            .map_err(pg)?;
        let rows = client.query(&st, &[&key]).await.map_err(pg)?;
        rows.iter().map(row_to_report).collect()
    }

    /// The organisations that appear in the citizen's visible log, by Danish name (in code-point order,
    /// as SQLite's binary collation sorts, whatever the database's locale).
    pub async fn organisations(
        &self,
        who: &CitizenRef,
        now: Timestamp,
    ) -> StoreResult<Vec<Organisation>> {
        let client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let st = client
            .prepare_cached(
                "SELECT o.id, o.name_da, o.name_en FROM organisations o
                 WHERE EXISTS (SELECT 1 FROM access_events e
                               WHERE e.citizen_id = $1 AND e.organisation_id = o.id
                                 AND (e.hidden_until IS NULL OR e.hidden_until <= $2))
                 ORDER BY o.name_da COLLATE \"C\", o.id",
            )
            .await
            .map_err(pg)?;
        let rows = client
            .query(&st, &[&key, &now.as_second()])
            .await
            .map_err(pg)?;
        rows.iter()
            .map(|r| {
                Ok(Organisation {
                    id: get(r, 0)?,
                    name: text(r, 1)?,
                })
            })
            .collect()
    }
}
