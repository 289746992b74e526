//! The statement of one access-log page on PostgreSQL: its SQL, written for the filters that are set, and
//! its values in the order it names them (the citizen and an area are found in the statement itself).

use super::access_log::{SEARCHED, SELECT, get, text};
use super::pg;
use crate::domain::{AccessCursor, AccessFilter};
use crate::store::queries::access_log::action_code;
use crate::store::{CitizenRef, StoreResult};
use deadpool_postgres::GenericClient;
use jiff::Timestamp;
use tokio_postgres::types::ToSql;

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
pub(super) struct PageValues {
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
pub(super) struct Statement<'a> {
    pub(super) sql: String,
    pub(super) values: Vec<&'a (dyn ToSql + Sync)>,
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
    pub(super) fn statement(&self) -> Statement<'_> {
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
pub(super) async fn area_exists<C: GenericClient>(
    client: &C,
    filter: &AccessFilter,
) -> StoreResult<bool> {
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
pub(super) async fn page_values<C: GenericClient>(
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
