//! The access log: keyset-paged, filtered, newest first. Deferred entries (`hidden_until` after `now`) are
//! never returned or counted, by any function here.
//!
//! Plan: every page is one indexed range scan in (at DESC, id DESC) order that stops at LIMIT.
//! `idx_events_citizen_at` serves the plain page, the period and the cursor; the action, area and
//! organisation filters each have an index `(citizen_id, <filter>, at)`. The events table is forced to be
//! the outer loop (CROSS JOIN), so the small name tables are looked up by primary key per row.

use crate::domain::port::Organisation;
use crate::domain::{
    AccessCursor, AccessEvent, AccessFilter, AccessPage, AccessReport, Action, Batch, CitizenId,
    Text,
};
use crate::store::{Store, StoreError, StoreResult, opt_ts, text, ts};
use jiff::Timestamp;
use rusqlite::ToSql;

/// The largest page the store returns, whatever the caller asks for.
pub const MAX_PAGE: u32 = 200;

const SELECT: &str =
    "SELECT e.id, e.at, o.name_da, o.name_en, u.name_da, u.name_en, r.name_da, r.name_en,
       e.employee, s.name, a.code, k.name_da, k.name_en, e.action, p.name_da, p.name_en,
       e.case_ref, e.batch_run_id, e.batch_records, e.hidden_until, e.on_behalf, e.on_behalf_name
FROM access_events e
CROSS JOIN organisations o ON o.id = e.organisation_id
CROSS JOIN units u ON u.id = e.unit_id
CROSS JOIN roles r ON r.id = e.role_id
CROSS JOIN systems s ON s.id = e.system_id
CROSS JOIN areas a ON a.id = e.area_id
CROSS JOIN data_kinds k ON k.id = e.kind_id
CROSS JOIN purposes p ON p.id = e.purpose_id
WHERE e.citizen_id = :citizen AND (e.hidden_until IS NULL OR e.hidden_until <= :now)";

/// The action's stored code: its index in [`Action::ALL`].
pub(crate) fn action_code(a: Action) -> i64 {
    Action::ALL.iter().position(|x| *x == a).unwrap_or_default() as i64
}

fn action_from(code: i64) -> rusqlite::Result<Action> {
    usize::try_from(code)
        .ok()
        .and_then(|i| Action::ALL.get(i).copied())
        .ok_or_else(|| rusqlite::Error::IntegralValueOutOfRange(13, code))
}

/// The reference a citizen can quote for an entry.
pub fn event_reference(id: i64) -> String {
    format!("LOG-{id:010}")
}

/// The statement text of an access-log page for this filter shape (which filters are set, and whether
/// there is a cursor). Values are never part of the text: they are bound as named parameters
/// `:citizen :now :from :to :area :org :action :orgs :units :roles :purposes :kinds :needle :cur_at :cur_id :limit`.
pub fn page_sql(filter: &AccessFilter, has_cursor: bool) -> String {
    let mut sql = String::from(SELECT);
    if filter.from.is_some() {
        sql.push_str("\n  AND e.at >= :from");
    }
    if filter.to.is_some() {
        sql.push_str("\n  AND e.at < :to");
    }
    if filter.area.is_some() {
        sql.push_str("\n  AND e.area_id = :area");
    }
    if filter.organisation.is_some() {
        sql.push_str("\n  AND e.organisation_id = :org");
    }
    if filter.action.is_some() {
        sql.push_str("\n  AND e.action = :action");
    }
    if has_text(filter) {
        sql.push_str(
            "\n  AND (e.organisation_id IN (SELECT value FROM json_each(:orgs))
       OR e.unit_id IN (SELECT value FROM json_each(:units))
       OR e.role_id IN (SELECT value FROM json_each(:roles))
       OR e.purpose_id IN (SELECT value FROM json_each(:purposes))
       OR e.kind_id IN (SELECT value FROM json_each(:kinds))
       OR instr(lower(e.case_ref), :needle) > 0)",
        );
    }
    if has_cursor {
        sql.push_str("\n  AND e.at <= :cur_at AND (e.at < :cur_at OR e.id < :cur_id)");
    }
    sql.push_str("\nORDER BY e.at DESC, e.id DESC\nLIMIT :limit");
    sql
}

fn has_text(filter: &AccessFilter) -> bool {
    filter.text.as_deref().is_some_and(|t| !t.trim().is_empty())
}

fn row_to_event(r: &rusqlite::Row<'_>) -> rusqlite::Result<AccessEvent> {
    let id: i64 = r.get(0)?;
    let run_id: Option<String> = r.get(17)?;
    let records: Option<u32> = r.get(18)?;
    Ok(AccessEvent {
        id,
        at: ts(r.get(1)?)?,
        organisation: text(r, 2)?,
        unit: text(r, 4)?,
        role: text(r, 6)?,
        employee: r.get(8)?,
        system: r.get(9)?,
        area: r.get(10)?,
        category: text(r, 11)?,
        action: action_from(r.get(13)?)?,
        purpose: text(r, 14)?,
        case_ref: r.get(16)?,
        batch: run_id.map(|run_id| Batch {
            run_id,
            records: records.unwrap_or(1),
        }),
        hidden_until: opt_ts(r.get(19)?)?,
        reference: event_reference(id),
        on_behalf: r.get::<_, Option<String>>(20)?.and_then(|code| {
            crate::domain::OnBehalf::from_code(
                &code,
                r.get::<_, Option<String>>(21)
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            )
        }),
    })
}

/// The ids of a name table's rows whose Danish or English name contains `needle`, as a JSON array.
fn matching_ids(store: &Store, table: &str, needle: &str) -> StoreResult<String> {
    // `table` is one of our own constants, never input.
    let sql = format!("SELECT id, name_da, name_en FROM {table}");
    let mut st = store.conn.prepare_cached(&sql)?;
    let mut ids = Vec::new();
    let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, text(r, 1)?)))?;
    for row in rows {
        let (id, name) = row?;
        if name.contains_lower(needle) {
            ids.push(id);
        }
    }
    serde_json::to_string(&ids).map_err(|e| StoreError::Sqlite(e.to_string()))
}

impl Store {
    /// One page of the citizen's access log, newest first, after `after`. `limit` is capped at [`MAX_PAGE`].
    pub fn access_page(
        &self,
        who: &CitizenId,
        filter: &AccessFilter,
        after: Option<AccessCursor>,
        limit: u32,
        now: Timestamp,
    ) -> StoreResult<AccessPage> {
        let key = self.citizen_key(who)?;
        let limit = limit.clamp(1, MAX_PAGE);
        let area: Option<i64> = match &filter.area {
            None => None,
            Some(code) => {
                let mut st = self
                    .conn
                    .prepare_cached("SELECT id FROM areas WHERE code = ?1")?;
                match st.query_row([code], |r| r.get(0)) {
                    Ok(id) => Some(id),
                    Err(rusqlite::Error::QueryReturnedNoRows) => {
                        return Ok(AccessPage {
                            entries: Vec::new(),
                            next: None,
                        });
                    }
                    Err(e) => return Err(e.into()),
                }
            }
        };
        let now_s = now.as_second();
        let from = filter.from.map(|t| t.as_second());
        let to = filter.to.map(|t| t.as_second());
        let action = filter.action.map(action_code);
        let fetch = i64::from(limit) + 1;
        let mut text_params: Vec<String> = Vec::new();
        if has_text(filter) {
            let needle = filter
                .text
                .as_deref()
                .unwrap_or_default()
                .trim()
                .to_lowercase();
            for table in ["organisations", "units", "roles", "purposes", "data_kinds"] {
                text_params.push(matching_ids(self, table, &needle)?);
            }
            text_params.push(needle);
        }
        let cur_at = after.map(|c| c.at.as_second());
        let cur_id = after.map(|c| c.id);

        let mut params: Vec<(&str, &dyn ToSql)> =
            vec![(":citizen", &key), (":now", &now_s), (":limit", &fetch)];
        if let Some(v) = &from {
            params.push((":from", v));
        }
        if let Some(v) = &to {
            params.push((":to", v));
        }
        if let Some(v) = &area {
            params.push((":area", v));
        }
        if let Some(v) = &filter.organisation {
            params.push((":org", v));
        }
        if let Some(v) = &action {
            params.push((":action", v));
        }
        let names = [
            ":orgs",
            ":units",
            ":roles",
            ":purposes",
            ":kinds",
            ":needle",
        ];
        for (name, value) in names.iter().zip(text_params.iter()) {
            params.push((name, value));
        }
        if let (Some(a), Some(i)) = (&cur_at, &cur_id) {
            params.push((":cur_at", a));
            params.push((":cur_id", i));
        }

        let sql = page_sql(filter, after.is_some());
        let mut st = self.conn.prepare_cached(&sql)?;
        let mut entries = st
            .query_map(params.as_slice(), row_to_event)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let next = if entries.len() > limit as usize {
            entries.truncate(limit as usize);
            entries.last().map(|e| AccessCursor { at: e.at, id: e.id })
        } else {
            None
        };
        Ok(AccessPage { entries, next })
    }

    /// One visible entry of the citizen's log. Another citizen's entry, or a deferred one, is NotFound.
    pub fn access_event(
        &self,
        who: &CitizenId,
        id: i64,
        now: Timestamp,
    ) -> StoreResult<AccessEvent> {
        let key = self.citizen_key(who)?;
        self.visible_event(key, id, now)
    }

    pub(crate) fn visible_event(
        &self,
        key: i64,
        id: i64,
        now: Timestamp,
    ) -> StoreResult<AccessEvent> {
        let sql = format!("{SELECT}\n  AND e.id = :id");
        let mut st = self.conn.prepare_cached(&sql)?;
        let params: &[(&str, &dyn ToSql)] =
            &[(":citizen", &key), (":now", &now.as_second()), (":id", &id)];
        Ok(st.query_row(params, row_to_event)?)
    }

    /// The organisations that appear in the citizen's visible log, by Danish name.
    pub fn organisations(&self, who: &CitizenId, now: Timestamp) -> StoreResult<Vec<Organisation>> {
        let key = self.citizen_key(who)?;
        let mut st = self.conn.prepare_cached(
            "SELECT o.id, o.name_da, o.name_en FROM organisations o
             WHERE EXISTS (SELECT 1 FROM access_events e
                           WHERE e.citizen_id = ?1 AND e.organisation_id = o.id
                             AND (e.hidden_until IS NULL OR e.hidden_until <= ?2))
             ORDER BY o.name_da, o.id",
        )?;
        let rows = st.query_map([key, now.as_second()], |r| {
            Ok(Organisation {
                id: r.get(0)?,
                name: Text::new(r.get::<_, String>(1)?, r.get::<_, String>(2)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many entries of the citizen's log are visible at `now`.
    pub(crate) fn visible_event_count(&self, key: i64, now: Timestamp) -> StoreResult<u32> {
        let mut st = self.conn.prepare_cached(
            "SELECT (SELECT count(*) FROM access_events WHERE citizen_id = ?1)
                  - (SELECT count(*) FROM access_events
                     WHERE citizen_id = ?1 AND hidden_until IS NOT NULL AND hidden_until > ?2)",
        )?;
        Ok(st.query_row([key, now.as_second()], |r| r.get(0))?)
    }

    /// The citizen's "I don't recognise this" reports, newest first.
    pub fn access_reports(&self, who: &CitizenId) -> StoreResult<Vec<AccessReport>> {
        let key = self.citizen_key(who)?;
        let mut st = self.conn.prepare_cached(
            "SELECT reference, event_id, filed_at, status FROM access_reports
             WHERE citizen_id = ?1 ORDER BY filed_at DESC, id DESC",
        )?;
        let rows = st.query_map([key], crate::store::writes::row_to_report)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
