//! FHIR AuditEvents (`POST /v1/ingest/fhir`) as access-log entries: what the current catalogue says about
//! the sending systems and the purpose codes (schema v7), and the writing of checked events.
//!
//! An event is idempotent by (the posting system, `AuditEvent/<resource id>`) in `ingested_events`, beside
//! the system's own access events. The citizen is found, or created, by the keyed hash of the CPR number, as
//! record ingest does. The purpose and the area are the catalogue's, copied into the shared `purposes` and
//! `areas` tables the access log reads when first used.

use super::dims::{self, NameTable};
use super::ingest::IngestOutcome;
use super::queries::categories::CURRENT;
use super::records::citizen_for;
use super::writes::municipality;
use super::{Store, StoreResult};
use crate::domain::{Action, Text};
use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use std::collections::HashMap;

/// What the catalogue says about one system, for its AuditEvents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FhirSystem {
    pub name: String,
    /// The unit that owns the system: the entry's unit when the event names none.
    pub owner: Text,
    /// The area and the name of the system's first data category (in catalogue order): where its
    /// accesses are shown, and what was looked at.
    pub category: Option<(String, Text)>,
}

/// The current catalogue's systems and purpose codes.
#[derive(Debug, Clone, Default)]
pub struct FhirCatalogue {
    systems: HashMap<String, FhirSystem>,
    /// (code system, code) → purpose id.
    purpose_codes: HashMap<(String, String), String>,
}

impl FhirCatalogue {
    /// The catalogue of these systems (by catalogue id) and purpose codes ((code system, code) → purpose
    /// id): for the PostgreSQL store, which reads the same rows.
    pub(crate) fn from_parts(
        systems: HashMap<String, FhirSystem>,
        purpose_codes: HashMap<(String, String), String>,
    ) -> FhirCatalogue {
        FhirCatalogue {
            systems,
            purpose_codes,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.systems.is_empty()
    }

    /// The catalogue id of the system called `name`, by its id or its name.
    pub fn system_id(&self, name: &str) -> Option<&str> {
        if let Some((id, _)) = self.systems.get_key_value(name) {
            return Some(id);
        }
        self.systems
            .iter()
            .find(|(_, s)| s.name == name)
            .map(|(id, _)| id.as_str())
    }

    pub fn system(&self, id: &str) -> Option<&FhirSystem> {
        self.systems.get(id)
    }

    /// The purpose id a (code system, code) pair means.
    pub fn purpose(&self, system: &str, code: &str) -> Option<&str> {
        self.purpose_codes
            .get(&(system.to_owned(), code.to_owned()))
            .map(String::as_str)
    }
}

/// One checked AuditEvent, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FhirEvent {
    /// `AuditEvent.id`.
    pub resource_id: String,
    /// The catalogue id of the system.
    pub system: String,
    /// `Pepper::citizen_key` of the patient's CPR number.
    pub citizen_key: String,
    /// `ddmmyy-••••`, for a citizen created by this event.
    pub cpr_masked: String,
    pub at: Timestamp,
    pub action: Action,
    /// `None`: the municipality itself.
    pub organisation: Option<Text>,
    pub unit: Text,
    pub role: Text,
    pub employee: Option<String>,
    /// A catalogue area id and the data category's name.
    pub area: String,
    pub category: Text,
    /// A catalogue purpose id.
    pub purpose: String,
}

/// The idempotency key of an AuditEvent in `ingested_events`.
fn source_id(resource_id: &str) -> String {
    format!("AuditEvent/{resource_id}")
}

/// The shared `purposes` row of catalogue purpose `id` (with its legal basis), created when new.
fn purpose_row(tx: &Connection, id: &str) -> StoreResult<Option<i64>> {
    super::ingest::catalogue_purpose(tx, "p.id = ?1", "p.pos", [id])
}

/// The shared `areas` row of catalogue area `id`, created when new.
fn area_row(tx: &Connection, id: &str) -> StoreResult<Option<i64>> {
    let row = tx
        .prepare_cached(&format!(
            "SELECT pos, name_da, name_en, description_da, description_en FROM cat_areas
             WHERE version_id = {CURRENT} AND id = ?1"
        ))?
        .query_row([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Text::new(r.get::<_, String>(1)?, r.get::<_, String>(2)?),
                Text::new(r.get::<_, String>(3)?, r.get::<_, String>(4)?),
            ))
        })
        .optional()?;
    match row {
        Some((pos, name, description)) => {
            Ok(Some(dims::area_id(tx, id, pos, &name, &description)?))
        }
        None => Ok(None),
    }
}

fn write_one(
    tx: &Connection,
    system: i64,
    e: &FhirEvent,
    now: Timestamp,
) -> StoreResult<IngestOutcome> {
    let key = source_id(&e.resource_id);
    if let Some(id) = tx
        .prepare_cached(
            "SELECT event_id FROM ingested_events WHERE system_id = ?1 AND source_event_id = ?2",
        )?
        .query_row(params![system, key], |r| r.get(0))
        .optional()?
    {
        return Ok(IngestOutcome::Duplicate(id));
    }
    // Both were checked against the same catalogue version inside this transaction's connection.
    let (Some(purpose), Some(area)) = (purpose_row(tx, &e.purpose)?, area_row(tx, &e.area)?) else {
        return Ok(IngestOutcome::Rejected(
            super::ingest::IngestRejection::UnknownPurpose,
        ));
    };
    let citizen = citizen_for(tx, &e.citizen_key, &e.cpr_masked)?;
    let organisation = match &e.organisation {
        Some(o) => o.clone(),
        None => municipality(tx)?,
    };
    let org = dims::name_id(tx, NameTable::Organisations, &organisation)?;
    let unit = dims::name_id(tx, NameTable::Units, &e.unit)?;
    let role = dims::name_id(tx, NameTable::Roles, &e.role)?;
    let kind = dims::name_id(tx, NameTable::DataKinds, &e.category)?;
    tx.prepare_cached(
        "INSERT INTO access_events (citizen_id, at, organisation_id, unit_id, role_id, employee, system_id,
                                    area_id, kind_id, action, purpose_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
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
        super::queries::access_log::action_code(e.action),
        purpose,
    ])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached(
        "INSERT INTO ingested_events (system_id, source_event_id, event_id, ingested_at)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![system, key, id, now.as_second()])?;
    tx.prepare_cached(
        "INSERT INTO system_ingests (system_id, last_ingest_at) VALUES (?1, ?2)
         ON CONFLICT (system_id) DO UPDATE SET last_ingest_at = max(last_ingest_at, excluded.last_ingest_at)",
    )?
    .execute(params![e.system, now.as_second()])?;
    Ok(IngestOutcome::Accepted(id))
}

impl Store {
    /// The current catalogue's systems (with their first category) and purpose codes; empty when none
    /// was imported.
    pub fn fhir_catalogue(&self) -> StoreResult<FhirCatalogue> {
        let mut out = FhirCatalogue::default();
        let c = &self.conn;
        let mut st = c.prepare(&format!(
            "SELECT s.id, s.name, s.owner_da, s.owner_en,
                    (SELECT c.area_id FROM cat_categories c
                     WHERE c.version_id = s.version_id AND c.system_id = s.id ORDER BY c.pos LIMIT 1),
                    (SELECT c.name_da FROM cat_categories c
                     WHERE c.version_id = s.version_id AND c.system_id = s.id ORDER BY c.pos LIMIT 1),
                    (SELECT c.name_en FROM cat_categories c
                     WHERE c.version_id = s.version_id AND c.system_id = s.id ORDER BY c.pos LIMIT 1)
             FROM cat_systems s WHERE s.version_id = {CURRENT}"
        ))?;
        let rows = st.query_map([], |r| {
            let area: Option<String> = r.get(4)?;
            let name_da: Option<String> = r.get(5)?;
            let name_en: Option<String> = r.get(6)?;
            Ok((
                r.get::<_, String>(0)?,
                FhirSystem {
                    name: r.get(1)?,
                    owner: Text::new(r.get::<_, String>(2)?, r.get::<_, String>(3)?),
                    category: match (area, name_da, name_en) {
                        (Some(a), Some(da), Some(en)) => Some((a, Text::new(da, en))),
                        _ => None,
                    },
                },
            ))
        })?;
        for row in rows {
            let (id, system) = row?;
            out.systems.insert(id, system);
        }
        let mut st = c.prepare(&format!(
            "SELECT system, code, purpose_id FROM cat_purpose_codes WHERE version_id = {CURRENT}"
        ))?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (system, code, purpose) = row?;
            out.purpose_codes.insert((system, code), purpose);
        }
        Ok(out)
    }

    /// Writes checked AuditEvents of the system called `system_name` in one transaction; one outcome an
    /// event, in order. When this returns `Ok`, the accepted ones are committed.
    pub fn ingest_fhir(
        &mut self,
        system_name: &str,
        events: &[FhirEvent],
        now: Timestamp,
    ) -> StoreResult<Vec<IngestOutcome>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let system = dims::system_id(&tx, system_name)?;
        let mut out = Vec::with_capacity(events.len());
        for e in events {
            out.push(write_one(&tx, system, e, now)?);
        }
        tx.commit()?;
        Ok(out)
    }
}
