//! The citizen's data on PostgreSQL: the overview counts, consents, decision support and the connected
//! systems. Ports of `store::queries::{overview, consents, decisions, systems}` (same rows, order and
//! errors); the areas, categories and purposes are in `categories.rs`. Row helpers shared by both files.

use super::{PgStore, citizens, opt_ts, pg, ts};
use crate::domain::{ConnectedSystem, Consent, DecisionSupport, Factor, Overview, Text};
use crate::store::queries::categories::CURRENT;
use crate::store::queries::consents::consent_select;
use crate::store::{CitizenRef, DEMO_GENERATED_AT, StoreError, StoreResult};
use deadpool_postgres::GenericClient;
use jiff::Timestamp;
use tokio_postgres::Row;
use tokio_postgres::types::ToSql;

/// A bilingual text from two columns (`da`, then `en`).
pub(super) fn text(r: &Row, da: usize) -> StoreResult<Text> {
    Ok(Text::new(
        r.try_get::<_, String>(da).map_err(pg)?,
        r.try_get::<_, String>(da + 1).map_err(pg)?,
    ))
}

/// A 0/1 column as a flag (any non-zero is true, as rusqlite reads it).
pub(super) fn flag(r: &Row, col: usize) -> StoreResult<bool> {
    Ok(r.try_get::<_, i64>(col).map_err(pg)? != 0)
}

/// A `count(*)` column (BIGINT) as the domain's count.
pub(super) fn count(r: &Row, col: usize) -> StoreResult<u32> {
    let n: i64 = r.try_get(col).map_err(pg)?;
    u32::try_from(n).map_err(|_| StoreError::Corrupt("a count out of range".into()))
}

/// A column as a value of one of the domain's code enums (`from_code`).
pub(super) fn code<T>(r: &Row, col: usize, from_code: fn(&str) -> Option<T>) -> StoreResult<T> {
    let s: String = r.try_get(col).map_err(pg)?;
    from_code(&s).ok_or_else(|| StoreError::Corrupt("unknown code".into()))
}

/// The bilingual names a `SELECT name_da, name_en … WHERE version_id = $1 AND … = $2` query gives.
pub(super) async fn catalogue_names<C: GenericClient>(
    client: &C,
    sql: &str,
    version: i64,
    id: &str,
) -> StoreResult<Vec<Text>> {
    let st = client.prepare_cached(sql).await.map_err(pg)?;
    let params: [&(dyn ToSql + Sync); 2] = [&version, &id];
    let rows = client.query(&st, &params).await.map_err(pg)?;
    rows.iter().map(|r| text(r, 0)).collect()
}

fn row_to_consent(r: &Row) -> StoreResult<Consent> {
    Ok(Consent {
        id: r.try_get(0).map_err(pg)?,
        scope: text(r, 1)?,
        recipient: text(r, 3)?,
        purpose: text(r, 5)?,
        given_at: ts(r.try_get(7).map_err(pg)?)?,
        withdrawn_at: opt_ts(r.try_get(8).map_err(pg)?)?,
        withdrawal_pending: flag(r, 9)?,
    })
}

/// The moment staleness is measured against: `now`, or a demo database's generation time when that is
/// earlier (the twin of `Store::staleness_reference`).
async fn staleness_reference<C: GenericClient>(
    client: &C,
    now: Timestamp,
) -> StoreResult<Timestamp> {
    let st = client
        .prepare_cached("SELECT value FROM meta WHERE key = $1")
        .await
        .map_err(pg)?;
    let row = client
        .query_opt(&st, &[&DEMO_GENERATED_AT])
        .await
        .map_err(pg)?;
    let generated = row
        .map(|r| r.try_get::<_, String>(0).map_err(pg))
        .transpose()?
        .and_then(|v| v.parse::<i64>().ok())
        .and_then(|s| Timestamp::from_second(s).ok());
    Ok(match generated {
        Some(g) if g < now => g,
        _ => now,
    })
}

impl PgStore {
    /// The overview counts. Access events count only visible entries (none with `hidden_until` after
    /// `now`); `new_answers` counts the requests that changed since the citizen last looked.
    pub async fn overview(&self, who: &CitizenRef, now: Timestamp) -> StoreResult<Overview> {
        let client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let live = format!(
            "holdings h JOIN cat_categories c ON c.version_id = {CURRENT} AND c.id = h.category_id
             WHERE h.citizen_id = $1 AND h.deleted_at IS NULL"
        );
        let consents = format!(
            "citizen_consents k JOIN cat_consent_types t ON t.version_id = {CURRENT}
               AND t.id = k.consent_type_id WHERE k.citizen_id = $1"
        );
        let sql = format!(
            "SELECT
               (SELECT count(*) FROM {live}),
               (SELECT count(DISTINCT c.area_id) FROM {live}),
               (SELECT count(DISTINCT cp.purpose_id) FROM holdings h
                  JOIN cat_category_purposes cp ON cp.version_id = {CURRENT} AND cp.category_id = h.category_id
                  WHERE h.citizen_id = $1 AND h.deleted_at IS NULL),
               (SELECT count(*) FROM {consents} AND k.withdrawn_at IS NULL),
               (SELECT count(*) FROM {consents}),
               (SELECT count(*) FROM decision_uses d
                  JOIN cat_decision_tools t ON t.version_id = {CURRENT} AND t.id = d.tool_id
                  WHERE d.citizen_id = $1),
               (SELECT count(*) FROM access_events WHERE citizen_id = $1)
                 - (SELECT count(*) FROM access_events
                    WHERE citizen_id = $1 AND hidden_until IS NOT NULL AND hidden_until > $2),
               (SELECT count(*) FROM requests WHERE citizen_id = $1 AND changes > seen_changes)"
        );
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let r = client
            .query_one(&st, &[&key, &now.as_second()])
            .await
            .map_err(pg)?;
        Ok(Overview {
            categories: count(&r, 0)?,
            areas: count(&r, 1)?,
            purposes: count(&r, 2)?,
            access_events: count(&r, 6)?,
            active_consents: count(&r, 3)?,
            consents: count(&r, 4)?,
            decision_support: count(&r, 5)?,
            new_answers: count(&r, 7)?,
        })
    }

    /// The citizen's consents, withdrawn ones included, newest first.
    pub async fn consents(&self, who: &CitizenRef) -> StoreResult<Vec<Consent>> {
        let client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let sql = format!(
            "{} WHERE k.citizen_id = $1 ORDER BY k.given_at DESC, k.id DESC",
            consent_select()
        );
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let rows = client.query(&st, &[&key]).await.map_err(pg)?;
        rows.iter().map(row_to_consent).collect()
    }

    /// Every use of a decision-support tool in the citizen's cases, newest first, with inputs and factors.
    pub async fn decision_support(&self, who: &CitizenRef) -> StoreResult<Vec<DecisionSupport>> {
        let client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let sql = format!(
            "SELECT d.id, t.name_da, t.name_en, t.used_for_da, t.used_for_en, t.how_it_helps_da,
                    t.how_it_helps_en, t.human_role_da, t.human_role_en, d.result_da, d.result_en,
                    t.how_to_object_da, t.how_to_object_en, d.used_at, d.case_ref, t.area_id, t.version_id, t.id
             FROM decision_uses d
             JOIN cat_decision_tools t ON t.version_id = {CURRENT} AND t.id = d.tool_id
             WHERE d.citizen_id = $1
             ORDER BY d.used_at DESC, d.id DESC"
        );
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let rows = client.query(&st, &[&key]).await.map_err(pg)?;
        let factors = client
            .prepare_cached(
                "SELECT name_da, name_en, effect_da, effect_en FROM decision_use_factors
                 WHERE use_id = $1 ORDER BY pos",
            )
            .await
            .map_err(pg)?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: i64 = r.try_get(0).map_err(pg)?;
            let version: i64 = r.try_get(16).map_err(pg)?;
            let tool: String = r.try_get(17).map_err(pg)?;
            let inputs = catalogue_names(
                &client,
                "SELECT text_da, text_en FROM cat_decision_inputs WHERE version_id = $1 AND tool_id = $2
                 ORDER BY pos",
                version,
                &tool,
            )
            .await?;
            let factors = client
                .query(&factors, &[&id])
                .await
                .map_err(pg)?
                .iter()
                .map(|f| {
                    Ok(Factor {
                        name: text(f, 0)?,
                        effect: text(f, 2)?,
                    })
                })
                .collect::<StoreResult<_>>()?;
            out.push(DecisionSupport {
                id,
                tool: text(r, 1)?,
                purpose: text(r, 3)?,
                inputs,
                how_it_helps: text(r, 5)?,
                human_role: text(r, 7)?,
                result: text(r, 9)?,
                factors,
                how_to_object: text(r, 11)?,
                used_at: ts(r.try_get(13).map_err(pg)?)?,
                case_ref: r.try_get(14).map_err(pg)?,
                area: r.try_get(15).map_err(pg)?,
            });
        }
        Ok(out)
    }

    /// The catalogue's systems by name, each with its last ingest and whether that is older than
    /// `stale_after_secs` before `now` (a system never heard from is stale); in a demo database, before
    /// the moment it was generated (`staleness_reference`).
    pub async fn connected_systems(
        &self,
        now: Timestamp,
        stale_after_secs: i64,
    ) -> StoreResult<Vec<ConnectedSystem>> {
        let client = self.client().await?;
        let now = staleness_reference(&client, now).await?;
        // Text is ordered by code point, as SQLite's BINARY collation orders it, whatever the database's
        // own collation.
        let sql = format!(
            "SELECT s.name, i.last_ingest_at FROM cat_systems s
             LEFT JOIN system_ingests i ON i.system_id = s.id
             WHERE s.version_id = {CURRENT} ORDER BY s.name COLLATE \"C\", s.id COLLATE \"C\""
        );
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let cutoff = now.as_second().saturating_sub(stale_after_secs);
        let rows = client.query(&st, &[]).await.map_err(pg)?;
        rows.iter()
            .map(|r| {
                let last: Option<i64> = r.try_get(1).map_err(pg)?;
                Ok(ConnectedSystem {
                    name: r.try_get(0).map_err(pg)?,
                    last_ingest: opt_ts(last)?,
                    stale: last.is_none_or(|t| t < cutoff),
                })
            })
            .collect()
    }
}
