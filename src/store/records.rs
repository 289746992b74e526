//! Ingested records (schema v3/v4): holdings with their values, consents and decision-support uses, each
//! idempotent by (system, record id) and versioned, and the citizens they belong to, known by the keyed hash
//! of their CPR number. The checking of an item lives in `crate::ingest::records`; this writes checked ones.

pub use super::catalogue_view::{CatalogueView, CategoryView};
use super::{Store, StoreResult};
use crate::domain::Text;
use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

/// A checked record, ready to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The catalogue id of the sending system.
    pub system: String,
    pub record_id: String,
    /// `Pepper::citizen_key` of the CPR number.
    pub citizen_key: String,
    /// `ddmmyy-••••`, for a citizen created by this record.
    pub cpr_masked: String,
    pub version: i64,
    pub body: Body,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Holding {
        category: String,
        values: Vec<(String, Text)>,
        origin: Option<Text>,
        updated_at: Timestamp,
        retention_start: Option<Date>,
        case_ref: Option<String>,
        deleted: bool,
    },
    Consent {
        consent_type: String,
        given_at: Timestamp,
        withdrawn_at: Option<Timestamp>,
    },
    Decision {
        tool: String,
        case_ref: Option<String>,
        decided_at: Timestamp,
        result: Text,
        factors: Vec<(Text, Text)>,
    },
}

/// What became of one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordOutcome {
    Accepted,
    /// The stored version is as new or newer: nothing changed.
    Stale,
    /// Another system owns this record id.
    ForeignRecord,
}

impl Body {
    fn table(&self) -> &'static str {
        match self {
            Body::Holding { .. } => "holdings",
            Body::Consent { .. } => "citizen_consents",
            Body::Decision { .. } => "decision_uses",
        }
    }
}

impl Store {
    /// Writes checked records in one transaction, in order, and notes the systems' last ingest at `now`
    /// when anything was accepted. Answers one outcome a record.
    pub fn ingest_records(
        &mut self,
        records: &[Record],
        now: Timestamp,
    ) -> StoreResult<Vec<RecordOutcome>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = write_records(&tx, records, now)?;
        tx.commit()?;
        Ok(out)
    }
}

/// [`Store::ingest_records`] inside a transaction the caller holds (the JSONL sink adds its checkpoint).
pub(crate) fn write_records(
    tx: &Connection,
    records: &[Record],
    now: Timestamp,
) -> StoreResult<Vec<RecordOutcome>> {
    let mut out = Vec::with_capacity(records.len());
    for r in records {
        let outcome = write_one(tx, r, now)?;
        if outcome == RecordOutcome::Accepted {
            tx.prepare_cached(
                "INSERT INTO system_ingests (system_id, last_ingest_at) VALUES (?1, ?2)
                 ON CONFLICT (system_id) DO UPDATE SET last_ingest_at = max(last_ingest_at, excluded.last_ingest_at)",
            )?
            .execute(params![r.system, now.as_second()])?;
        }
        out.push(outcome);
    }
    Ok(out)
}

/// The citizen with this key, created (with only the masked CPR number) when there is none.
pub(crate) fn citizen_for(tx: &Connection, key: &str, masked: &str) -> StoreResult<i64> {
    let found = tx
        .prepare_cached("SELECT id FROM citizens WHERE cpr_key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    // The key is already a pseudonym; its first 16 hex digits name the citizen in the API.
    let public = format!("k-{}", key.get(..16).unwrap_or(key));
    tx.prepare_cached(
        "INSERT INTO citizens (public_id, subject, name, cpr, cpr_key) VALUES (?1, ?2, '', ?3, ?4)",
    )?
    .execute(params![public, format!("cpr-key:{key}"), masked, key])?;
    Ok(tx.last_insert_rowid())
}

fn write_one(tx: &Connection, r: &Record, now: Timestamp) -> StoreResult<RecordOutcome> {
    let table = r.body.table();
    // Table names are our own constants.
    let existing: Option<(i64, Option<String>, i64)> = tx
        .prepare_cached(&format!(
            "SELECT id, system_id, record_version FROM {table} WHERE record_id = ?1"
        ))?
        .query_row([&r.record_id], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })
        .optional()?;
    if let Some((_, owner, stored)) = &existing {
        if owner.as_deref() != Some(r.system.as_str()) {
            return Ok(RecordOutcome::ForeignRecord);
        }
        if *stored >= r.version {
            return Ok(RecordOutcome::Stale);
        }
    }
    let citizen = citizen_for(tx, &r.citizen_key, &r.cpr_masked)?;
    let id = existing.map(|(id, _, _)| id);
    match &r.body {
        Body::Holding {
            category,
            values,
            origin,
            updated_at,
            retention_start,
            case_ref,
            deleted,
        } => {
            // One statement for a new record and a newer version of a known one (the record's own
            // system, checked above); its old field values go, and the new ones are written below.
            let known = id.is_some();
            let id: i64 = tx
                .prepare_cached(
                    "INSERT INTO holdings (citizen_id, category_id, system_id, record_id, origin_da, origin_en,
                        updated_at, retention_start, case_ref, record_version, deleted_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                     ON CONFLICT (system_id, record_id) DO UPDATE SET citizen_id = excluded.citizen_id,
                        category_id = excluded.category_id, origin_da = excluded.origin_da,
                        origin_en = excluded.origin_en, updated_at = excluded.updated_at,
                        retention_start = excluded.retention_start, case_ref = excluded.case_ref,
                        record_version = excluded.record_version, deleted_at = excluded.deleted_at
                     RETURNING id",
                )?
                .query_row(
                    params![
                        citizen,
                        category,
                        r.system,
                        r.record_id,
                        origin.as_ref().map(|o| &o.da),
                        origin.as_ref().map(|o| &o.en),
                        updated_at.as_second(),
                        retention_start.map(|d| d.to_string()),
                        case_ref,
                        r.version,
                        deleted.then_some(now.as_second())
                    ],
                    |row| row.get(0),
                )?;
            if known {
                tx.prepare_cached("DELETE FROM holding_values WHERE holding_id = ?1")?
                    .execute([id])?;
            }
            if !deleted {
                for (field, v) in values {
                    tx.prepare_cached(
                        "INSERT INTO holding_values (holding_id, field_id, value_da, value_en) VALUES (?1, ?2, ?3, ?4)",
                    )?
                    .execute(params![id, field, v.da, v.en])?;
                }
            }
        }
        Body::Consent {
            consent_type,
            given_at,
            withdrawn_at,
        } => {
            let p = params![
                citizen,
                consent_type,
                r.system,
                r.record_id,
                given_at.as_second(),
                withdrawn_at.map(|t| t.as_second()),
                r.version
            ];
            if let Some(id) = id {
                tx.prepare_cached(
                    "UPDATE citizen_consents SET citizen_id = ?1, consent_type_id = ?2, given_at = ?5,
                        withdrawn_at = ?6, withdrawal_pending = 0, record_version = ?7
                     WHERE id = ?8 AND system_id = ?3 AND record_id = ?4",
                )?
                .execute(params![
                    citizen,
                    consent_type,
                    r.system,
                    r.record_id,
                    given_at.as_second(),
                    withdrawn_at.map(|t| t.as_second()),
                    r.version,
                    id
                ])?;
            } else {
                tx.prepare_cached(
                    "INSERT INTO citizen_consents (citizen_id, consent_type_id, system_id, record_id, given_at,
                        withdrawn_at, record_version)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(p)?;
            }
        }
        Body::Decision {
            tool,
            case_ref,
            decided_at,
            result,
            factors,
        } => {
            let id = if let Some(id) = id {
                tx.prepare_cached(
                    "UPDATE decision_uses SET citizen_id = ?2, tool_id = ?3, used_at = ?4, case_ref = ?5,
                        result_da = ?6, result_en = ?7, record_version = ?8 WHERE id = ?1",
                )?
                .execute(params![
                    id,
                    citizen,
                    tool,
                    decided_at.as_second(),
                    case_ref,
                    result.da,
                    result.en,
                    r.version
                ])?;
                tx.prepare_cached("DELETE FROM decision_use_factors WHERE use_id = ?1")?
                    .execute([id])?;
                id
            } else {
                tx.prepare_cached(
                    "INSERT INTO decision_uses (citizen_id, tool_id, system_id, record_id, used_at, case_ref,
                        result_da, result_en, record_version)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )?
                .execute(params![
                    citizen,
                    tool,
                    r.system,
                    r.record_id,
                    decided_at.as_second(),
                    case_ref,
                    result.da,
                    result.en,
                    r.version
                ])?;
                tx.last_insert_rowid()
            };
            for (pos, (name, effect)) in factors.iter().enumerate() {
                tx.prepare_cached(
                    "INSERT INTO decision_use_factors (use_id, pos, name_da, name_en, effect_da, effect_en)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![id, pos as i64, name.da, name.en, effect.da, effect.en])?;
            }
        }
    }
    Ok(RecordOutcome::Accepted)
}
