//! Access-event ingest on PostgreSQL: the twin of `store::ingest` (the same checks, outcomes and ids), in one
//! transaction a batch.
//!
//! Two servers may be sent the same event at once. An event first claims its `ingested_events` row (keyed by
//! system and source event id) with an access-log id taken from the sequence, and only then is the entry
//! written with that id: the server that loses the claim answers "duplicate" and writes nothing. The claim
//! comes after the checks, so a refused event takes no id and the ids are those SQLite gives. Two batches
//! claiming the same events in different orders can deadlock: the one PostgreSQL aborts is tried again
//! alone ([`lock`]). The access log is partitioned by month; a batch first makes the partitions its months
//! lack ([`PgStore::ensure_partitions`]).

use super::citizens::citizen_for;
use super::dims::{self, CURRENT, catalogue_area, catalogue_purpose, lookup};
use super::{PgStore, pg};
use crate::domain::Text;
use crate::store::dims::NameTable;
use crate::store::ingest::{EventCitizen, IngestEvent, IngestOutcome, IngestRejection};
use crate::store::queries::access_log::action_code;
use crate::store::{StoreError, StoreResult};
use deadpool_postgres::{GenericClient, Transaction};
use jiff::Timestamp;
use std::collections::HashMap;

/// How often a batch is tried when PostgreSQL breaks a deadlock by aborting it.
pub(super) const ATTEMPTS: u32 = 3;

/// Whether the transaction was aborted only to break a deadlock (or a serialization conflict): trying it
/// again is safe, as nothing of it was committed.
pub(super) fn retryable(e: &StoreError) -> bool {
    matches!(e, StoreError::Postgres(m) if m.starts_with("40P01:") || m.starts_with("40001:"))
}

/// What one call has already resolved (as in `store::ingest`).
#[derive(Default)]
struct Names {
    names: HashMap<(NameTable, String, String), i64>,
    systems: HashMap<String, i64>,
    areas: HashMap<String, i64>,
    purposes: HashMap<(String, String), i64>,
    last_citizen: Option<(String, i64)>,
}

impl Names {
    async fn id(
        &mut self,
        tx: &Transaction<'_>,
        table: NameTable,
        name: &Text,
    ) -> StoreResult<i64> {
        let k = (table, name.da.clone(), name.en.clone());
        if let Some(id) = self.names.get(&k) {
            return Ok(*id);
        }
        let id = dims::name_id(tx, table, name).await?;
        self.names.insert(k, id);
        Ok(id)
    }

    async fn system(&mut self, tx: &Transaction<'_>, name: &str) -> StoreResult<i64> {
        if let Some(id) = self.systems.get(name) {
            return Ok(*id);
        }
        let id = dims::system_id(tx, name).await?;
        self.systems.insert(name.to_owned(), id);
        Ok(id)
    }

    async fn area(&mut self, tx: &Transaction<'_>, code: &str) -> StoreResult<Option<i64>> {
        if let Some(id) = self.areas.get(code) {
            return Ok(Some(*id));
        }
        let found = match lookup(tx, "SELECT id FROM areas WHERE code = $1", &[&code]).await? {
            Some(id) => Some(id),
            None => catalogue_area(tx, code).await?,
        };
        if let Some(id) = found {
            self.areas.insert(code.to_owned(), id);
        }
        Ok(found)
    }

    async fn purpose(&mut self, tx: &Transaction<'_>, name: &Text) -> StoreResult<Option<i64>> {
        let k = (name.da.clone(), name.en.clone());
        if let Some(id) = self.purposes.get(&k) {
            return Ok(Some(*id));
        }
        let found = purpose(tx, name).await?;
        if let Some(id) = found {
            self.purposes.insert(k, id);
        }
        Ok(found)
    }

    async fn citizen_by_key(
        &mut self,
        tx: &Transaction<'_>,
        key: &str,
        masked: &str,
    ) -> StoreResult<i64> {
        if let Some((k, id)) = &self.last_citizen
            && k == key
        {
            return Ok(*id);
        }
        let id = citizen_for(tx, key, masked).await?;
        self.last_citizen = Some((key.to_owned(), id));
        Ok(id)
    }
}

/// The purpose with this Danish or English name: the access log's own, or the current catalogue's.
async fn purpose(tx: &Transaction<'_>, name: &Text) -> StoreResult<Option<i64>> {
    if let Some(id) = lookup(
        tx,
        "SELECT id FROM purposes WHERE name_da = $1 OR name_en = $2
         ORDER BY (name_da = $1)::int + (name_en = $2)::int DESC, id LIMIT 1",
        &[&name.da, &name.en],
    )
    .await?
    {
        return Ok(Some(id));
    }
    catalogue_purpose(
        tx,
        "(p.name_da = $1 OR p.name_en = $2)",
        "(p.name_da = $1)::int + (p.name_en = $2)::int DESC, p.pos",
        &[&name.da, &name.en],
    )
    .await
}

/// The event's entry in `ingested_events`: `Ok(id)` when this transaction claimed it (with a new access-log
/// id), `Err(id)` when it was there already (the entry's id), perhaps claimed by another server just now.
pub(super) async fn claim(
    tx: &Transaction<'_>,
    system: i64,
    source_event_id: &str,
    now: Timestamp,
) -> StoreResult<Result<i64, i64>> {
    if let Some(id) = lookup(
        tx,
        "INSERT INTO ingested_events (system_id, source_event_id, event_id, ingested_at)
         VALUES ($1, $2, nextval('access_events_id_seq'), $3) ON CONFLICT DO NOTHING RETURNING event_id",
        &[&system, &source_event_id, &now.as_second()],
    )
    .await?
    {
        return Ok(Ok(id));
    }
    duplicate(tx, system, source_event_id)
        .await?
        .map(Err)
        .ok_or_else(|| StoreError::Postgres("an ingested event vanished".into()))
}

/// The access-log id of an event already ingested from this system.
pub(super) async fn duplicate(
    tx: &Transaction<'_>,
    system: i64,
    source_event_id: &str,
) -> StoreResult<Option<i64>> {
    lookup(
        tx,
        "SELECT event_id FROM ingested_events WHERE system_id = $1 AND source_event_id = $2",
        &[&system, &source_event_id],
    )
    .await
}

async fn write_one(
    tx: &Transaction<'_>,
    names: &mut Names,
    e: &IngestEvent,
    now: Timestamp,
) -> StoreResult<IngestOutcome> {
    let system = names.system(tx, &e.system).await?;
    if let Some(id) = duplicate(tx, system, &e.source_event_id).await? {
        return Ok(IngestOutcome::Duplicate(id));
    }
    let Some(area) = names.area(tx, &e.area).await? else {
        return Ok(IngestOutcome::Rejected(IngestRejection::UnknownArea));
    };
    let Some(purpose) = names.purpose(tx, &e.purpose).await? else {
        return Ok(IngestOutcome::Rejected(IngestRejection::UnknownPurpose));
    };
    let citizen = match &e.citizen {
        EventCitizen::Key { key, masked } => names.citizen_by_key(tx, key, masked).await?,
        EventCitizen::Subject(subject) => {
            match lookup(tx, "SELECT id FROM citizens WHERE subject = $1", &[subject]).await? {
                Some(id) => id,
                None => return Ok(IngestOutcome::Rejected(IngestRejection::UnknownCitizen)),
            }
        }
    };
    let id = match claim(tx, system, &e.source_event_id, now).await? {
        Ok(id) => id,
        Err(existing) => return Ok(IngestOutcome::Duplicate(existing)),
    };
    let org = names
        .id(tx, NameTable::Organisations, &e.organisation)
        .await?;
    let unit = names.id(tx, NameTable::Units, &e.unit).await?;
    let role = names.id(tx, NameTable::Roles, &e.role).await?;
    let kind = names.id(tx, NameTable::DataKinds, &e.category).await?;
    let st = tx
        .prepare_cached(
            "INSERT INTO access_events (id, citizen_id, at, organisation_id, unit_id, role_id, employee,
                                        system_id, area_id, kind_id, action, purpose_id, case_ref,
                                        batch_run_id, batch_records, hidden_until)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
        )
        .await
        .map_err(pg)?;
    let batch_records = e.batch.as_ref().map(|b| i64::from(b.records));
    tx.execute(
        &st,
        &[
            &id,
            &citizen,
            &e.at.as_second(),
            &org,
            &unit,
            &role,
            &e.employee,
            &system,
            &area,
            &kind,
            &action_code(e.action),
            &purpose,
            &e.case_ref,
            &e.batch.as_ref().map(|b| b.run_id.as_str()),
            &batch_records,
            &e.hidden_until.map(|t| t.as_second()),
        ],
    )
    .await
    .map_err(pg)?;
    Ok(IngestOutcome::Accepted(id))
}

/// Notes system `system` (the catalogue's id or name) as last ingesting at `now`, if the current catalogue
/// has it.
async fn note_ingest(tx: &Transaction<'_>, system: &str, now: Timestamp) -> StoreResult<()> {
    let sql = format!(
        "INSERT INTO system_ingests (system_id, last_ingest_at)
         SELECT id, $2::BIGINT FROM cat_systems WHERE version_id = {CURRENT} AND (id = $1::TEXT OR name = $1::TEXT)
         ON CONFLICT (system_id) DO UPDATE
         SET last_ingest_at = GREATEST(system_ingests.last_ingest_at, EXCLUDED.last_ingest_at)"
    );
    let st = tx.prepare_cached(&sql).await.map_err(pg)?;
    tx.execute(&st, &[&system, &now.as_second()])
        .await
        .map_err(pg)?;
    Ok(())
}

pub(super) async fn write_events(
    tx: &Transaction<'_>,
    events: &[IngestEvent],
    now: Timestamp,
) -> StoreResult<Vec<IngestOutcome>> {
    let mut names = Names::default();
    let mut outcomes = Vec::with_capacity(events.len());
    let mut noted: Vec<&str> = Vec::new();
    for e in events {
        let outcome = write_one(tx, &mut names, e, now).await?;
        if matches!(outcome, IngestOutcome::Accepted(_)) && !noted.contains(&e.system.as_str()) {
            noted.push(&e.system);
        }
        outcomes.push(outcome);
    }
    for system in noted {
        note_ingest(tx, system, now).await?;
    }
    Ok(outcomes)
}

/// The key of the advisory lock every ingest batch holds: "ingest" as a number.
const INGEST_LOCK: i64 = 0x0000_696e_6765_7374;

/// Takes the ingest lock for this transaction: shared, as every batch does, or `alone` (exclusive), for a
/// batch tried again after a deadlock, which then waits for the batches under way and runs by itself.
pub(super) async fn lock(tx: &Transaction<'_>, alone: bool) -> StoreResult<()> {
    let sql = if alone {
        "SELECT pg_advisory_xact_lock($1)"
    } else {
        "SELECT pg_advisory_xact_lock_shared($1)"
    };
    let st = tx.prepare_cached(sql).await.map_err(pg)?;
    tx.execute(&st, &[&INGEST_LOCK]).await.map_err(pg)?;
    Ok(())
}

/// Runs `$write` (a future using the transaction `$tx`) in a transaction on `$client` and commits it.
/// Batches that claim the same events in different orders can deadlock; PostgreSQL then aborts one, of
/// which nothing survives, and it is tried again alone (see [`lock`]), up to [`ATTEMPTS`] times in all.
/// (A macro: an async closure over a borrowed transaction is not `Send` for axum's handlers.)
macro_rules! in_transaction {
    ($client:expr, |$tx:ident| $write:expr) => {{
        use $crate::store::postgres::ingest::{ATTEMPTS, lock, retryable};
        let mut attempt = 1;
        loop {
            let $tx = $client.transaction().await.map_err(pg)?;
            let result = match lock(&$tx, attempt > 1).await {
                Ok(()) => match $write.await {
                    Ok(out) => $tx.commit().await.map_err(pg).map(|()| out),
                    // Dropped without a commit: rolled back.
                    Err(e) => Err(e),
                },
                Err(e) => Err(e),
            };
            match result {
                Err(e) if attempt < ATTEMPTS && retryable(&e) => attempt += 1,
                other => break other,
            }
        }
    }};
}
pub(super) use in_transaction;

impl PgStore {
    /// Writes checked events in one transaction and returns each one's outcome, in order, as
    /// `Store::ingest` does. When this returns `Ok`, the accepted ones are committed.
    pub async fn ingest(
        &self,
        events: &[IngestEvent],
        now: Timestamp,
    ) -> StoreResult<Vec<IngestOutcome>> {
        self.ensure_partitions(events.iter().map(|e| e.at.as_second()))
            .await?;
        let mut client = self.client().await?;
        in_transaction!(client, |tx| write_events(&tx, events, now))
    }
}
