//! Record ingest on PostgreSQL (holdings, consents, decision-support uses), with the catalogue view they are
//! checked against: the port of `store::records`.
//!
//! SQLite writes a batch under one write lock, so two batches never race. Here each batch first takes a
//! transaction-level advisory lock on every record id and every citizen key it may write, in one sorted
//! order: batches that share a record (or a new citizen) run one after the other, the rest in parallel,
//! and two batches never wait on each other in a circle. The version check then sees the committed row.

use super::citizens::citizen_for;
use super::ingest::in_transaction;
use super::record_locks::lock;
use super::{PgStore, pg};
use crate::store::StoreResult;
use crate::store::catalogue_view::{CatalogueView, ViewRows};
use crate::store::records::{Body, Record, RecordOutcome};
use deadpool_postgres::{GenericClient, Transaction};
use jiff::Timestamp;
use std::collections::BTreeSet;
use tokio_postgres::types::ToSql;

const CURRENT: &str = "(SELECT max(id) FROM catalogue_versions)";

/// The table of a record's kind.
pub(super) fn table(body: &Body) -> &'static str {
    match body {
        Body::Holding { .. } => "holdings",
        Body::Consent { .. } => "citizen_consents",
        Body::Decision { .. } => "decision_uses",
    }
}

impl PgStore {
    /// What the current catalogue allows; empty when none was imported.
    pub async fn catalogue_view(&self) -> StoreResult<CatalogueView> {
        let client = self.client().await?;
        let q = |sql: &str| format!("{sql} WHERE version_id = {CURRENT}");
        let pairs = |sql: String| {
            let client = &client;
            async move {
                let st = client.prepare_cached(&sql).await.map_err(pg)?;
                let rows = client.query(&st, &[]).await.map_err(pg)?;
                rows.iter()
                    .map(|r| Ok((r.try_get(0).map_err(pg)?, r.try_get(1).map_err(pg)?)))
                    .collect::<StoreResult<Vec<(String, String)>>>()
            }
        };
        let fields = q("SELECT category_id, id FROM cat_category_fields");
        let mut rows = ViewRows {
            systems: pairs(q("SELECT id, name FROM cat_systems")).await?,
            categories: pairs(q("SELECT id, system_id FROM cat_categories")).await?,
            // In the order SQLite reads this table (WITHOUT ROWID): by its key, as bytes.
            fields: pairs(format!(
                "{fields} ORDER BY category_id COLLATE \"C\", id COLLATE \"C\""
            ))
            .await?,
            ..ViewRows::default()
        };
        let st = client
            .prepare_cached(&q("SELECT id FROM cat_consent_types"))
            .await
            .map_err(pg)?;
        for r in client.query(&st, &[]).await.map_err(pg)? {
            rows.consent_types.push(r.try_get(0).map_err(pg)?);
        }
        let st = client
            .prepare_cached(&q("SELECT id, system_id FROM cat_decision_tools"))
            .await
            .map_err(pg)?;
        for r in client.query(&st, &[]).await.map_err(pg)? {
            rows.tools
                .push((r.try_get(0).map_err(pg)?, r.try_get(1).map_err(pg)?));
        }
        Ok(CatalogueView::from_rows(rows))
    }

    /// Writes checked records in one transaction, in order, and notes the systems' last ingest at `now`
    /// when anything was accepted. Answers one outcome a record.
    pub async fn ingest_records(
        &self,
        records: &[Record],
        now: Timestamp,
    ) -> StoreResult<Vec<RecordOutcome>> {
        let mut client = self.client().await?;
        // An event batch creates new citizens in its events' order, not under these locks: the two can
        // still wait on each other's new citizens. PostgreSQL then aborts one, which is tried again alone.
        in_transaction!(client, |tx| write_records(&tx, records, now))
    }
}

/// [`PgStore::ingest_records`] inside a transaction the caller holds (the JSONL loader adds its checkpoint):
/// the batch's advisory locks, the records in order, then the systems' last ingest.
pub(super) async fn write_records(
    tx: &Transaction<'_>,
    records: &[Record],
    now: Timestamp,
) -> StoreResult<Vec<RecordOutcome>> {
    lock(tx, records).await?;
    let mut out = Vec::with_capacity(records.len());
    let mut accepted = BTreeSet::new();
    for r in records {
        let outcome = write_one(tx, r, now).await?;
        if outcome == RecordOutcome::Accepted {
            accepted.insert(r.system.as_str());
        }
        out.push(outcome);
    }
    // In one order, after the records, so two batches never hold these rows crosswise.
    let st = tx
        .prepare_cached(
            "INSERT INTO system_ingests (system_id, last_ingest_at) VALUES ($1, $2)
             ON CONFLICT (system_id) DO UPDATE
             SET last_ingest_at = GREATEST(system_ingests.last_ingest_at, excluded.last_ingest_at)",
        )
        .await
        .map_err(pg)?;
    for system in accepted {
        tx.execute(&st, &[&system, &now.as_second()])
            .await
            .map_err(pg)?;
    }
    Ok(out)
}

/// The statement's values, and the known row's id last when there is one (the UPDATE's `WHERE id`).
fn with_id<'a>(
    mut values: Vec<&'a (dyn ToSql + Sync)>,
    known: &'a Option<i64>,
) -> Vec<&'a (dyn ToSql + Sync)> {
    if let Some(id) = known {
        values.push(id);
    }
    values
}

/// A row number as stored.
fn pos(i: usize) -> i64 {
    i64::try_from(i).unwrap_or(i64::MAX)
}

async fn write_one<C: GenericClient>(
    tx: &C,
    r: &Record,
    now: Timestamp,
) -> StoreResult<RecordOutcome> {
    let table = table(&r.body);
    // Table names are our own constants. The first row by id, as SQLite's index on record_id reads it.
    let sql = format!(
        "SELECT id, system_id, record_version FROM {table} WHERE record_id = $1 ORDER BY id LIMIT 1"
    );
    let st = tx.prepare_cached(&sql).await.map_err(pg)?;
    let existing = match tx.query_opt(&st, &[&r.record_id]).await.map_err(pg)? {
        Some(row) => Some((
            row.try_get::<_, i64>(0).map_err(pg)?,
            row.try_get::<_, Option<String>>(1).map_err(pg)?,
            row.try_get::<_, i64>(2).map_err(pg)?,
        )),
        None => None,
    };
    if let Some((_, owner, stored)) = &existing {
        if owner.as_deref() != Some(r.system.as_str()) {
            return Ok(RecordOutcome::ForeignRecord);
        }
        if *stored >= r.version {
            return Ok(RecordOutcome::Stale);
        }
    }
    let citizen = citizen_for(tx, &r.citizen_key, &r.cpr_masked).await?;
    let known = existing.map(|(id, _, _)| id);
    let written = match &r.body {
        Body::Holding { .. } => write_holding(tx, r, known, citizen, now).await?,
        Body::Consent {
            consent_type,
            given_at,
            withdrawn_at,
        } => {
            let sql = if known.is_some() {
                "UPDATE citizen_consents SET citizen_id = $1, consent_type_id = $2, given_at = $5,
                    withdrawn_at = $6, withdrawal_pending = 0, record_version = $7
                 WHERE id = $8 AND system_id = $3 AND record_id = $4 AND record_version < $7 RETURNING id"
            } else {
                "INSERT INTO citizen_consents (citizen_id, consent_type_id, system_id, record_id, given_at,
                    withdrawn_at, record_version)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (system_id, record_id) DO NOTHING RETURNING id"
            };
            let st = tx.prepare_cached(sql).await.map_err(pg)?;
            let row = tx
                .query_opt(
                    &st,
                    &with_id(
                        vec![
                            &citizen,
                            consent_type,
                            &r.system,
                            &r.record_id,
                            &given_at.as_second(),
                            &withdrawn_at.map(|t| t.as_second()),
                            &r.version,
                        ],
                        &known,
                    ),
                )
                .await
                .map_err(pg)?;
            row.is_some()
        }
        Body::Decision { .. } => write_decision(tx, r, known, citizen).await?,
    };
    // Under the locks a written row is always newer; this only guards a writer that took none.
    Ok(if written {
        RecordOutcome::Accepted
    } else {
        RecordOutcome::Stale
    })
}

/// A holding (new, or a newer version of a known one): its row, then its values afresh.
async fn write_holding<C: GenericClient>(
    tx: &C,
    r: &Record,
    known: Option<i64>,
    citizen: i64,
    now: Timestamp,
) -> StoreResult<bool> {
    let Body::Holding {
        category,
        values,
        origin,
        updated_at,
        retention_start,
        case_ref,
        deleted,
    } = &r.body
    else {
        return Ok(false);
    };
    let sql = if known.is_some() {
        "UPDATE holdings SET citizen_id = $1, category_id = $2, origin_da = $5, origin_en = $6,
            updated_at = $7, retention_start = $8, case_ref = $9, record_version = $10, deleted_at = $11
         WHERE id = $12 AND system_id = $3 AND record_id = $4 AND record_version < $10 RETURNING id"
    } else {
        "INSERT INTO holdings (citizen_id, category_id, system_id, record_id, origin_da, origin_en,
            updated_at, retention_start, case_ref, record_version, deleted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (system_id, record_id) DO NOTHING RETURNING id"
    };
    let st = tx.prepare_cached(sql).await.map_err(pg)?;
    let row = tx
        .query_opt(
            &st,
            &with_id(
                vec![
                    &citizen,
                    category,
                    &r.system,
                    &r.record_id,
                    &origin.as_ref().map(|o| &o.da),
                    &origin.as_ref().map(|o| &o.en),
                    &updated_at.as_second(),
                    &retention_start.map(|d| d.to_string()),
                    case_ref,
                    &r.version,
                    &deleted.then_some(now.as_second()),
                ],
                &known,
            ),
        )
        .await
        .map_err(pg)?;
    let Some(row) = row else {
        return Ok(false);
    };
    let id: i64 = row.try_get(0).map_err(pg)?;
    if known.is_some() {
        let st = tx
            .prepare_cached("DELETE FROM holding_values WHERE holding_id = $1")
            .await
            .map_err(pg)?;
        tx.execute(&st, &[&id]).await.map_err(pg)?;
    }
    if !deleted {
        let st = tx
            .prepare_cached(
                "INSERT INTO holding_values (holding_id, field_id, value_da, value_en) VALUES ($1, $2, $3, $4)",
            )
            .await
            .map_err(pg)?;
        for (field, v) in values {
            tx.execute(&st, &[&id, field, &v.da, &v.en])
                .await
                .map_err(pg)?;
        }
    }
    Ok(true)
}

/// A decision-support use (new, or a newer version of a known one): its row, then its factors afresh.
async fn write_decision<C: GenericClient>(
    tx: &C,
    r: &Record,
    known: Option<i64>,
    citizen: i64,
) -> StoreResult<bool> {
    let Body::Decision {
        tool,
        case_ref,
        decided_at,
        result,
        factors,
    } = &r.body
    else {
        return Ok(false);
    };
    let sql = if known.is_some() {
        "UPDATE decision_uses SET citizen_id = $1, tool_id = $2, used_at = $5, case_ref = $6,
            result_da = $7, result_en = $8, record_version = $9
         WHERE id = $10 AND system_id = $3 AND record_id = $4 AND record_version < $9 RETURNING id"
    } else {
        "INSERT INTO decision_uses (citizen_id, tool_id, system_id, record_id, used_at, case_ref,
            result_da, result_en, record_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (system_id, record_id) DO NOTHING RETURNING id"
    };
    let st = tx.prepare_cached(sql).await.map_err(pg)?;
    let row = tx
        .query_opt(
            &st,
            &with_id(
                vec![
                    &citizen,
                    tool,
                    &r.system,
                    &r.record_id,
                    &decided_at.as_second(),
                    case_ref,
                    &result.da,
                    &result.en,
                    &r.version,
                ],
                &known,
            ),
        )
        .await
        .map_err(pg)?;
    let Some(row) = row else {
        return Ok(false);
    };
    let id: i64 = row.try_get(0).map_err(pg)?;
    if known.is_some() {
        let st = tx
            .prepare_cached("DELETE FROM decision_use_factors WHERE use_id = $1")
            .await
            .map_err(pg)?;
        tx.execute(&st, &[&id]).await.map_err(pg)?;
    }
    let st = tx
        .prepare_cached(
            "INSERT INTO decision_use_factors (use_id, pos, name_da, name_en, effect_da, effect_en)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .await
        .map_err(pg)?;
    for (i, (name, effect)) in factors.iter().enumerate() {
        tx.execute(
            &st,
            &[&id, &pos(i), &name.da, &name.en, &effect.da, &effect.en],
        )
        .await
        .map_err(pg)?;
    }
    Ok(true)
}
