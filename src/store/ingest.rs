//! Ingest: access events posted by line-of-business systems, written in one transaction.
//!
//! Each event is idempotent by (source system, the system's own event id): posting it again is reported
//! as a duplicate and changes nothing. Names (organisation, unit, role, data kind, system) are upserted into
//! the dimension tables; the area and the purpose must already exist, since they carry texts and a legal
//! basis that an access event does not.

use crate::domain::{Action, Batch, Text};
use crate::store::dims::{self, NameTable};
use crate::store::{Store, StoreResult, queries::access_log::action_code};
use jiff::Timestamp;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

/// One access event as a source system reports it, already checked for shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestEvent {
    /// The source system's own id of the event.
    pub source_event_id: String,
    /// The citizen's sign-in subject (`citizens.subject`).
    pub subject: String,
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

fn lookup(tx: &Transaction<'_>, sql: &str, p: impl rusqlite::Params) -> StoreResult<Option<i64>> {
    Ok(tx
        .prepare_cached(sql)?
        .query_row(p, |r| r.get(0))
        .optional()?)
}

fn write_one(
    tx: &Transaction<'_>,
    system: i64,
    e: &IngestEvent,
    now: Timestamp,
) -> StoreResult<IngestOutcome> {
    if let Some(id) = lookup(
        tx,
        "SELECT event_id FROM ingested_events WHERE system_id = ?1 AND source_event_id = ?2",
        params![system, e.source_event_id],
    )? {
        return Ok(IngestOutcome::Duplicate(id));
    }
    let Some(citizen) = lookup(
        tx,
        "SELECT id FROM citizens WHERE subject = ?1",
        [&e.subject],
    )?
    else {
        return Ok(IngestOutcome::Rejected(IngestRejection::UnknownCitizen));
    };
    let Some(area) = lookup(tx, "SELECT id FROM areas WHERE code = ?1", [&e.area])? else {
        return Ok(IngestOutcome::Rejected(IngestRejection::UnknownArea));
    };
    let Some(purpose) = lookup(
        tx,
        "SELECT id FROM purposes WHERE name_da = ?1 OR name_en = ?2
         ORDER BY (name_da = ?1) + (name_en = ?2) DESC, id LIMIT 1",
        params![e.purpose.da, e.purpose.en],
    )?
    else {
        return Ok(IngestOutcome::Rejected(IngestRejection::UnknownPurpose));
    };
    let org = dims::name_id(tx, NameTable::Organisations, &e.organisation)?;
    let unit = dims::name_id(tx, NameTable::Units, &e.unit)?;
    let role = dims::name_id(tx, NameTable::Roles, &e.role)?;
    let kind = dims::name_id(tx, NameTable::DataKinds, &e.category)?;
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

impl Store {
    /// Writes the events of one source system in one transaction and returns each one's outcome, in order.
    /// Rejected events are skipped; when this returns `Ok`, the accepted ones are committed.
    pub fn ingest(
        &mut self,
        system: &str,
        events: &[IngestEvent],
        now: Timestamp,
    ) -> StoreResult<Vec<IngestOutcome>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let system_id = dims::system_id(&tx, system)?;
        let mut outcomes = Vec::with_capacity(events.len());
        for e in events {
            outcomes.push(write_one(&tx, system_id, e, now)?);
        }
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
