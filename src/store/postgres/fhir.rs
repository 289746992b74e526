//! FHIR AuditEvents on PostgreSQL: the twin of `store::fhir` (the catalogue view the events are checked
//! against, and the writing of checked ones), with the claim-first idempotency of `ingest`.

use super::citizens::citizen_for;
use super::dims;
use super::dims::{CURRENT, catalogue_area, catalogue_purpose};
use super::ingest::{claim, duplicate, in_transaction};
use super::{PgStore, pg};
use crate::domain::Text;
use crate::store::StoreResult;
use crate::store::dims::NameTable;
use crate::store::fhir::{FhirCatalogue, FhirEvent, FhirSystem};
use crate::store::ingest::{IngestOutcome, IngestRejection};
use crate::store::queries::access_log::action_code;
use deadpool_postgres::Transaction;
use jiff::Timestamp;
use std::collections::HashMap;

/// The idempotency key of an AuditEvent in `ingested_events`.
fn source_id(resource_id: &str) -> String {
    format!("AuditEvent/{resource_id}")
}

async fn write_one(
    tx: &Transaction<'_>,
    system: i64,
    e: &FhirEvent,
    now: Timestamp,
) -> StoreResult<IngestOutcome> {
    let key = source_id(&e.resource_id);
    if let Some(id) = duplicate(tx, system, &key).await? {
        return Ok(IngestOutcome::Duplicate(id));
    }
    // Both were checked against the same catalogue version; both are looked up, as SQLite does.
    let purpose = catalogue_purpose(tx, "p.id = $1", "p.pos", &[&e.purpose]).await?;
    let area = catalogue_area(tx, &e.area).await?;
    let (Some(purpose), Some(area)) = (purpose, area) else {
        return Ok(IngestOutcome::Rejected(IngestRejection::UnknownPurpose));
    };
    let citizen = citizen_for(tx, &e.citizen_key, &e.cpr_masked).await?;
    let id = match claim(tx, system, &key, now).await? {
        Ok(id) => id,
        Err(existing) => return Ok(IngestOutcome::Duplicate(existing)),
    };
    let organisation = match &e.organisation {
        Some(o) => o.clone(),
        None => dims::municipality(tx).await?,
    };
    let org = dims::name_id(tx, NameTable::Organisations, &organisation).await?;
    let unit = dims::name_id(tx, NameTable::Units, &e.unit).await?;
    let role = dims::name_id(tx, NameTable::Roles, &e.role).await?;
    let kind = dims::name_id(tx, NameTable::DataKinds, &e.category).await?;
    let st = tx
        .prepare_cached(
            "INSERT INTO access_events (id, citizen_id, at, organisation_id, unit_id, role_id, employee,
                                        system_id, area_id, kind_id, action, purpose_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .await
        .map_err(pg)?;
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
        ],
    )
    .await
    .map_err(pg)?;
    let st = tx
        .prepare_cached(
            "INSERT INTO system_ingests (system_id, last_ingest_at) VALUES ($1, $2)
             ON CONFLICT (system_id) DO UPDATE
             SET last_ingest_at = GREATEST(system_ingests.last_ingest_at, EXCLUDED.last_ingest_at)",
        )
        .await
        .map_err(pg)?;
    tx.execute(&st, &[&e.system, &now.as_second()])
        .await
        .map_err(pg)?;
    Ok(IngestOutcome::Accepted(id))
}

async fn write_events(
    tx: &Transaction<'_>,
    system_name: &str,
    events: &[FhirEvent],
    now: Timestamp,
) -> StoreResult<Vec<IngestOutcome>> {
    let system = dims::system_id(tx, system_name).await?;
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        out.push(write_one(tx, system, e, now).await?);
    }
    Ok(out)
}

impl PgStore {
    /// The current catalogue's systems (with their first category) and purpose codes; empty when none
    /// was imported.
    pub async fn fhir_catalogue(&self) -> StoreResult<FhirCatalogue> {
        let client = self.client().await?;
        let sql = format!(
            "SELECT s.id, s.name, s.owner_da, s.owner_en, c.area_id, c.name_da, c.name_en
             FROM cat_systems s
             LEFT JOIN LATERAL (SELECT c.area_id, c.name_da, c.name_en FROM cat_categories c
                                WHERE c.version_id = s.version_id AND c.system_id = s.id
                                ORDER BY c.pos LIMIT 1) c ON true
             WHERE s.version_id = {CURRENT}"
        );
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let mut systems = HashMap::new();
        for r in client.query(&st, &[]).await.map_err(pg)? {
            let area: Option<String> = r.try_get(4).map_err(pg)?;
            let name_da: Option<String> = r.try_get(5).map_err(pg)?;
            let name_en: Option<String> = r.try_get(6).map_err(pg)?;
            let system = FhirSystem {
                name: r.try_get(1).map_err(pg)?,
                owner: dims::text(&r, 2)?,
                category: match (area, name_da, name_en) {
                    (Some(a), Some(da), Some(en)) => Some((a, Text::new(da, en))),
                    _ => None,
                },
            };
            systems.insert(r.try_get(0).map_err(pg)?, system);
        }
        let sql = format!(
            "SELECT system, code, purpose_id FROM cat_purpose_codes WHERE version_id = {CURRENT}"
        );
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let mut codes = HashMap::new();
        for r in client.query(&st, &[]).await.map_err(pg)? {
            codes.insert(
                (r.try_get(0).map_err(pg)?, r.try_get(1).map_err(pg)?),
                r.try_get(2).map_err(pg)?,
            );
        }
        Ok(FhirCatalogue::from_parts(systems, codes))
    }

    /// Writes checked AuditEvents of the system called `system_name` in one transaction; one outcome an
    /// event, in order. When this returns `Ok`, the accepted ones are committed.
    pub async fn ingest_fhir(
        &self,
        system_name: &str,
        events: &[FhirEvent],
        now: Timestamp,
    ) -> StoreResult<Vec<IngestOutcome>> {
        self.ensure_partitions(events.iter().map(|e| e.at.as_second()))
            .await?;
        let mut client = self.client().await?;
        in_transaction!(client, |tx| write_events(&tx, system_name, events, now))
    }
}
