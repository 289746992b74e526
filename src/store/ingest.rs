//! Ingest: access events posted by line-of-business systems, written in one transaction.
//!
//! Each event is idempotent by (source system, the system's own event id): posting it again is reported
//! as a duplicate and changes nothing. Names (organisation, unit, role, data kind, system) are upserted into
//! the dimension tables; the area and the purpose must exist, since they carry texts and a legal basis that
//! an access event does not: in the access log's own tables, or else in the current catalogue (from which
//! they are then taken). A citizen named by the citizen key is created when new, as record ingest does.
//! The checking of an event lives in `crate::ingest::access`; this writes checked ones.

use super::queries::categories::CURRENT;
use super::records::citizen_for;
use crate::domain::{Action, Batch, Text};
use crate::store::dims::{self, NameTable, NewPurpose};
use crate::store::{Store, StoreResult, queries::access_log::action_code};
use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use std::collections::HashMap;

/// Who an event is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventCitizen {
    /// The citizen's sign-in subject (`citizens.subject`): the citizen must exist.
    Subject(String),
    /// `Pepper::citizen_key` of the CPR number, and its masked form for a citizen created by the event.
    Key { key: String, masked: String },
}

/// One access event as a source system reports it, already checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestEvent {
    /// The source system's own id of the event.
    pub source_event_id: String,
    pub citizen: EventCitizen,
    /// The sending system's name (checked to be the poster's own).
    pub system: String,
    pub at: Timestamp,
    pub organisation: Text,
    pub unit: Text,
    pub role: Text,
    pub employee: Option<String>,
    /// An existing area code.
    pub area: String,
    pub category: Text,
    pub action: Action,
    /// The name of an existing purpose (Danish or English).
    pub purpose: Text,
    pub case_ref: Option<String>,
    pub batch: Option<Batch>,
    pub hidden_until: Option<Timestamp>,
}

/// What became of one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngestOutcome {
    /// Written; the id of the new access-log entry.
    Accepted(i64),
    /// Already written before (or earlier in the same batch); the id of that entry.
    Duplicate(i64),
    Rejected(IngestRejection),
}

/// Why the store refused an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngestRejection {
    UnknownCitizen,
    UnknownArea,
    UnknownPurpose,
}

impl IngestRejection {
    pub fn code(self) -> &'static str {
        match self {
            IngestRejection::UnknownCitizen => "unknown_citizen",
            IngestRejection::UnknownArea => "unknown_area",
            IngestRejection::UnknownPurpose => "unknown_purpose",
        }
    }
}

fn lookup(tx: &Connection, sql: &str, p: impl rusqlite::Params) -> StoreResult<Option<i64>> {
    Ok(tx
        .prepare_cached(sql)?
        .query_row(p, |r| r.get(0))
        .optional()?)
}

/// What one call has already resolved: a batch names the same few systems, areas, purposes and
/// organisations many times, and often one citizen many times in a row.
#[derive(Default)]
struct Names {
    names: HashMap<(NameTable, String, String), i64>,
    systems: HashMap<String, i64>,
    areas: HashMap<String, i64>,
    purposes: HashMap<(String, String), i64>,
    last_citizen: Option<(String, i64)>,
}

impl Names {
    fn id(&mut self, tx: &Connection, table: NameTable, name: &Text) -> StoreResult<i64> {
        let k = (table, name.da.clone(), name.en.clone());
        if let Some(id) = self.names.get(&k) {
            return Ok(*id);
        }
        let id = dims::name_id(tx, table, name)?;
        self.names.insert(k, id);
        Ok(id)
    }

    fn system(&mut self, tx: &Connection, name: &str) -> StoreResult<i64> {
        if let Some(id) = self.systems.get(name) {
            return Ok(*id);
        }
        let id = dims::system_id(tx, name)?;
        self.systems.insert(name.to_owned(), id);
        Ok(id)
    }

    fn area(&mut self, tx: &Connection, code: &str) -> StoreResult<Option<i64>> {
        if let Some(id) = self.areas.get(code) {
            return Ok(Some(*id));
        }
        let found = area(tx, code)?;
        if let Some(id) = found {
            self.areas.insert(code.to_owned(), id);
        }
        Ok(found)
    }

    fn purpose(&mut self, tx: &Connection, name: &Text) -> StoreResult<Option<i64>> {
        let k = (name.da.clone(), name.en.clone());
        if let Some(id) = self.purposes.get(&k) {
            return Ok(Some(*id));
        }
        let found = purpose(tx, name)?;
        if let Some(id) = found {
            self.purposes.insert(k, id);
        }
        Ok(found)
    }

    fn citizen_by_key(&mut self, tx: &Connection, key: &str, masked: &str) -> StoreResult<i64> {
        if let Some((k, id)) = &self.last_citizen
            && k == key
        {
            return Ok(*id);
        }
        let id = citizen_for(tx, key, masked)?;
        self.last_citizen = Some((key.to_owned(), id));
        Ok(id)
    }
}

/// The area with this code: the access log's own, or the current catalogue's (then copied).
fn area(tx: &Connection, code: &str) -> StoreResult<Option<i64>> {
    if let Some(id) = lookup(tx, "SELECT id FROM areas WHERE code = ?1", [code])? {
        return Ok(Some(id));
    }
    let sql = format!(
        "SELECT pos, name_da, name_en, description_da, description_en FROM cat_areas
         WHERE version_id = {CURRENT} AND id = ?1"
    );
    let found = tx
        .prepare_cached(&sql)?
        .query_row([code], |r| {
            Ok((r.get::<_, i64>(0)?, super::text(r, 1)?, super::text(r, 3)?))
        })
        .optional()?;
    match found {
        Some((pos, name, description)) => {
            Ok(Some(dims::area_id(tx, code, pos, &name, &description)?))
        }
        None => Ok(None),
    }
}

/// The purpose with this Danish or English name: the access log's own, or the current catalogue's.
fn purpose(tx: &Connection, name: &Text) -> StoreResult<Option<i64>> {
    if let Some(id) = lookup(
        tx,
        "SELECT id FROM purposes WHERE name_da = ?1 OR name_en = ?2
         ORDER BY (name_da = ?1) + (name_en = ?2) DESC, id LIMIT 1",
        params![name.da, name.en],
    )? {
        return Ok(Some(id));
    }
    catalogue_purpose(
        tx,
        "(p.name_da = ?1 OR p.name_en = ?2)",
        "(p.name_da = ?1) + (p.name_en = ?2) DESC, p.pos",
        params![name.da, name.en],
    )
}

/// The shared `purposes` row (with its legal basis) of the current catalogue's purpose matching `condition`
/// (on `p`, the catalogue purpose), the first in `order`; created when new. `None` when none matches.
pub(super) fn catalogue_purpose(
    tx: &Connection,
    condition: &str,
    order: &str,
    values: impl rusqlite::Params,
) -> StoreResult<Option<i64>> {
    // `condition` and `order` are our own constants; the values are bound.
    let sql = format!(
        "SELECT p.name_da, p.name_en, p.description_da, p.description_en, p.lawfulness,
                p.how_to_object_da, p.how_to_object_en, {}
         FROM cat_purposes p
         JOIN cat_legal_bases lb ON lb.version_id = p.version_id AND lb.id = p.legal_basis_id
         WHERE p.version_id = {CURRENT} AND {condition}
         ORDER BY {order} LIMIT 1",
        super::queries::categories::LB_COLUMNS
    );
    let found = tx
        .prepare_cached(&sql)?
        .query_row(values, |r| {
            Ok((
                super::text(r, 0)?,
                super::text(r, 2)?,
                super::queries::categories::lawfulness(r, 4)?,
                super::text(r, 5)?,
                super::queries::categories::legal_basis(r, 7)?,
            ))
        })
        .optional()?;
    let Some((name, description, lawfulness, how_to_object, lb)) = found else {
        return Ok(None);
    };
    let legal_basis = dims::legal_basis_id(tx, &lb)?;
    Ok(Some(dims::purpose_id(
        tx,
        &NewPurpose {
            name: &name,
            description: &description,
            legal_basis,
            lawfulness,
            how_to_object: &how_to_object,
        },
    )?))
}

fn write_one(
    tx: &Connection,
    names: &mut Names,
    e: &IngestEvent,
    now: Timestamp,
) -> StoreResult<IngestOutcome> {
    let system = names.system(tx, &e.system)?;
    if let Some(id) = lookup(
        tx,
        "SELECT event_id FROM ingested_events WHERE system_id = ?1 AND source_event_id = ?2",
        params![system, e.source_event_id],
    )? {
        return Ok(IngestOutcome::Duplicate(id));
    }
    let Some(area) = names.area(tx, &e.area)? else {
        return Ok(IngestOutcome::Rejected(IngestRejection::UnknownArea));
    };
    let Some(purpose) = names.purpose(tx, &e.purpose)? else {
        return Ok(IngestOutcome::Rejected(IngestRejection::UnknownPurpose));
    };
    let citizen = match &e.citizen {
        EventCitizen::Key { key, masked } => names.citizen_by_key(tx, key, masked)?,
        EventCitizen::Subject(subject) => {
            match lookup(tx, "SELECT id FROM citizens WHERE subject = ?1", [subject])? {
                Some(id) => id,
                None => return Ok(IngestOutcome::Rejected(IngestRejection::UnknownCitizen)),
            }
        }
    };
    let org = names.id(tx, NameTable::Organisations, &e.organisation)?;
    let unit = names.id(tx, NameTable::Units, &e.unit)?;
    let role = names.id(tx, NameTable::Roles, &e.role)?;
    let kind = names.id(tx, NameTable::DataKinds, &e.category)?;
    tx.prepare_cached(
        "INSERT INTO access_events (citizen_id, at, organisation_id, unit_id, role_id, employee, system_id,
                                    area_id, kind_id, action, purpose_id, case_ref, batch_run_id,
                                    batch_records, hidden_until)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        citizen,
        e.at.as_second(),
        org,
        unit,
        role,
        e.employee,
        system,
        area,
        kind,
        action_code(e.action),
        purpose,
        e.case_ref,
        e.batch.as_ref().map(|b| b.run_id.as_str()),
        e.batch.as_ref().map(|b| b.records),
        e.hidden_until.map(|t| t.as_second()),
    ])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached(
        "INSERT INTO ingested_events (system_id, source_event_id, event_id, ingested_at)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![system, e.source_event_id, id, now.as_second()])?;
    Ok(IngestOutcome::Accepted(id))
}

/// [`Store::ingest`] inside a transaction the caller holds (the JSONL loader adds its checkpoint, the demo
/// generator writes everything in one). A sending system that is in the current catalogue (by id or name)
/// has its last ingest noted at `now` when anything was accepted.
pub(crate) fn write_events(
    tx: &Connection,
    events: &[IngestEvent],
    now: Timestamp,
) -> StoreResult<Vec<IngestOutcome>> {
    let mut names = Names::default();
    let mut outcomes = Vec::with_capacity(events.len());
    let mut noted: Vec<&str> = Vec::new();
    for e in events {
        let outcome = write_one(tx, &mut names, e, now)?;
        if matches!(outcome, IngestOutcome::Accepted(_)) && !noted.contains(&e.system.as_str()) {
            noted.push(&e.system);
        }
        outcomes.push(outcome);
    }
    let sql = format!(
        "INSERT INTO system_ingests (system_id, last_ingest_at)
         SELECT id, ?2 FROM cat_systems WHERE version_id = {CURRENT} AND (id = ?1 OR name = ?1)
         ON CONFLICT (system_id) DO UPDATE SET last_ingest_at = max(last_ingest_at, excluded.last_ingest_at)"
    );
    for system in noted {
        tx.prepare_cached(&sql)?
            .execute(params![system, now.as_second()])?;
    }
    Ok(outcomes)
}

impl Store {
    /// Writes checked events in one transaction and returns each one's outcome, in order. Rejected events
    /// are skipped; when this returns `Ok`, the accepted ones are committed.
    pub fn ingest(
        &mut self,
        events: &[IngestEvent],
        now: Timestamp,
    ) -> StoreResult<Vec<IngestOutcome>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let outcomes = write_events(&tx, events, now)?;
        tx.commit()?;
        Ok(outcomes)
    }

    /// Makes every commit on this connection durable on power loss too (`synchronous = FULL`), as the
    /// server promises for ingest: a 2xx answer means the events are on disk.
    pub fn set_durable_commits(&self) -> StoreResult<()> {
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        Ok(())
    }

    /// Whether the store answers a trivial query (for `/readyz`).
    pub fn ping(&self) -> StoreResult<()> {
        let _one: i64 = self
            .conn
            .prepare_cached("SELECT 1")?
            .query_row([], |r| r.get(0))?;
        Ok(())
    }
}
