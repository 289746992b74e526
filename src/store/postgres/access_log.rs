//! The access log on PostgreSQL: keyset pages newest first, one entry, the citizen's reports, the
//! organisations in the log. The port of `store::queries::access_log`: the same filters, search, cursor,
//! `hidden_until` rule and limit.
//!
//! Plan: every page is one range scan of a `(citizen_id, [filter,] at DESC, id DESC)` index that stops at
//! LIMIT; the cursor is the row comparison `(at, id) < (cursor)`, which the index serves as its lower bound.
//! Never OFFSET.

use super::{PgStore, citizens, opt_ts, pg, ts};
use crate::domain::{
    AccessCursor, AccessEvent, AccessFilter, AccessPage, AccessReport, Action, Batch, ReportStatus,
    Text,
};
use crate::source::Organisation;
use crate::store::queries::access_log::{MAX_PAGE, action_code, event_reference};
use crate::store::{CitizenRef, StoreError, StoreResult};
use deadpool_postgres::GenericClient;
use jiff::Timestamp;
use tokio_postgres::Row;
use tokio_postgres::types::{FromSql, ToSql};

/// An entry with its names; `$1` is the citizen's key, `$2` now (deferred entries are left out).
const SELECT: &str =
    "SELECT e.id, e.at, o.name_da, o.name_en, u.name_da, u.name_en, r.name_da, r.name_en,
       e.employee, s.name, a.code, k.name_da, k.name_en, e.action, p.name_da, p.name_en,
       e.case_ref, e.batch_run_id, e.batch_records, e.hidden_until
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
const SEARCHED: [(&str, &str); 5] = [
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

/// The ids of a name table's rows whose Danish or English name contains `needle` (lowercase), matched
/// in Rust exactly as the SQLite store does.
async fn matching_ids<C: GenericClient>(
    client: &C,
    table: &str,
    needle: &str,
) -> StoreResult<Vec<i64>> {
    // `table` is one of our own constants, never input.
    let sql = format!("SELECT id, name_da, name_en FROM {table}");
    let st = client.prepare_cached(&sql).await.map_err(pg)?;
    let mut ids = Vec::new();
    for row in client.query(&st, &[]).await.map_err(pg)? {
        if text(&row, 1)?.contains_lower(needle) {
            ids.push(get(&row, 0)?);
        }
    }
    Ok(ids)
}

/// The search needle of a filter: its text trimmed and lowercased, if any is left.
fn needle(filter: &AccessFilter) -> Option<String> {
    let t = filter.text.as_deref()?.trim();
    (!t.is_empty()).then(|| t.to_lowercase())
}

/// The bound values of a page, each with its own type, in the order the statement names them.
struct PageValues {
    /// The citizen as the token names them: the page looks the citizen up itself, in the same statement.
    who: (&'static str, String),
    now: i64,
    from: Option<i64>,
    to: Option<i64>,
    /// An area code; an unknown one matches no entry.
    area: Option<String>,
    org: Option<i64>,
    action: Option<i64>,
    search: Option<(Vec<Vec<i64>>, String)>,
    cursor: Option<(i64, i64)>,
    fetch: i64,
}

/// A statement being written, with its values in the order it names them.
struct Statement<'a> {
    sql: String,
    values: Vec<&'a (dyn ToSql + Sync)>,
}

impl<'a> Statement<'a> {
    /// Appends `text`, its `?` replaced by the next placeholder, bound to `v`.
    fn bind(&mut self, text: &str, v: &'a (dyn ToSql + Sync)) {
        self.values.push(v);
        let n = format!("${}", self.values.len());
        self.sql.push_str(&text.replace('?', &n));
    }
}

impl PageValues {
    /// The statement for this filter shape and its values; values are never part of the text.
    fn statement(&self) -> Statement<'_> {
        // One round trip: the citizen (and an area code) are found in the page's own statement.
        let citizen = format!(
            "e.citizen_id = (SELECT id FROM citizens WHERE {} = $1)",
            self.who.0
        );
        let mut st = Statement {
            sql: SELECT.replacen("e.citizen_id = $1", &citizen, 1),
            values: vec![&self.who.1, &self.now],
        };
        // Only a filter that is set adds a condition.
        if let Some(v) = &self.from {
            st.bind("\n  AND e.at >= ?", v);
        }
        if let Some(v) = &self.to {
            st.bind("\n  AND e.at < ?", v);
        }
        if let Some(v) = &self.area {
            st.bind(
                "\n  AND e.area_id = (SELECT id FROM areas WHERE code = ?)",
                v,
            );
        }
        if let Some(v) = &self.org {
            st.bind("\n  AND e.organisation_id = ?", v);
        }
        if let Some(v) = &self.action {
            st.bind("\n  AND e.action = ?", v);
        }
        if let Some((ids, needle)) = &self.search {
            st.sql.push_str("\n  AND (");
            for ((_, column), ids) in SEARCHED.iter().zip(ids) {
                st.bind(&format!("e.{column} = ANY(?)\n       OR "), ids);
            }
            // SQLite's lower() folds ASCII letters only: so does this.
            st.bind(
                "strpos(translate(e.case_ref, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), ?) > 0)",
                needle,
            );
        }
        if let Some((at, id)) = &self.cursor {
            st.bind("\n  AND (e.at, e.id) < (?, ", at);
            st.bind("?)", id);
        }
        st.bind("\nORDER BY e.at DESC, e.id DESC\nLIMIT ?", &self.fetch);
        st
    }
}

/// Whether the filter's area (if any) exists.
async fn area_exists<C: GenericClient>(client: &C, filter: &AccessFilter) -> StoreResult<bool> {
    let Some(code) = &filter.area else {
        return Ok(true);
    };
    let st = client
        .prepare_cached("SELECT id FROM areas WHERE code = $1")
        .await
        .map_err(pg)?;
    Ok(client.query_opt(&st, &[code]).await.map_err(pg)?.is_some())
}

/// The values of a page for `filter` (the search's name ids looked up when there is a text to find).
async fn page_values<C: GenericClient>(
    client: &C,
    who: &CitizenRef,
    filter: &AccessFilter,
    after: Option<AccessCursor>,
    limit: u32,
    now: Timestamp,
) -> StoreResult<PageValues> {
    let who = match who {
        CitizenRef::Subject(s) => ("subject", s.clone()),
        CitizenRef::CprKey(k) => ("cpr_key", k.clone()),
    };
    let search = match needle(filter) {
        None => None,
        Some(needle) => {
            let mut ids = Vec::new();
            for (table, _) in SEARCHED {
                ids.push(matching_ids(client, table, &needle).await?);
            }
            Some((ids, needle))
        }
    };
    Ok(PageValues {
        who,
        now: now.as_second(),
        from: filter.from.map(|t| t.as_second()),
        to: filter.to.map(|t| t.as_second()),
        area: filter.area.clone(),
        org: filter.organisation,
        action: filter.action.map(action_code),
        search,
        cursor: after.map(|c| (c.at.as_second(), c.id)),
        fetch: i64::from(limit) + 1,
    })
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
