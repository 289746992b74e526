//! The store interface for line-of-business systems, the DPO and the kiosks' feedback: ingest of access
//! events, records and FHIR AuditEvents, the request feed and its webhook delivery, the DPO's reports.

use super::Backend;
use crate::domain::Feedback;
use crate::domain::RequestStatus;
use crate::server::error::ApiError;
use crate::store::dpo::{DpoReport, DpoUpdate};
use crate::store::fhir::{FhirCatalogue, FhirEvent};
use crate::store::ingest::{IngestEvent, IngestOutcome};
use crate::store::outbox::{AttemptOutcome, Due, Retry};
use crate::store::records::{CatalogueView, Record, RecordOutcome};
use crate::store::requests::{AckOutcome, SystemRequest};
use jiff::Timestamp;

impl Backend {
    pub async fn ingest(
        &self,
        events: Vec<IngestEvent>,
        now: Timestamp,
    ) -> Result<(Vec<IngestOutcome>, Vec<IngestEvent>), ApiError> {
        match self {
            Backend::Sqlite(p) => p.run(move |s| Ok((s.ingest(&events, now)?, events))).await,
            Backend::Postgres(pg) => Ok((pg.ingest(&events, now).await?, events)),
        }
    }

    pub async fn catalogue_view(&self) -> Result<CatalogueView, ApiError> {
        match self {
            Backend::Sqlite(p) => p.run(|s| Ok(s.catalogue_view()?)).await,
            Backend::Postgres(pg) => Ok(pg.catalogue_view().await?),
        }
    }

    pub async fn ingest_records(
        &self,
        records: Vec<Record>,
        now: Timestamp,
    ) -> Result<Vec<RecordOutcome>, ApiError> {
        match self {
            Backend::Sqlite(p) => p.run(move |s| Ok(s.ingest_records(&records, now)?)).await,
            Backend::Postgres(pg) => Ok(pg.ingest_records(&records, now).await?),
        }
    }

    pub async fn fhir_catalogue(&self) -> Result<FhirCatalogue, ApiError> {
        match self {
            Backend::Sqlite(p) => p.run(|s| Ok(s.fhir_catalogue()?)).await,
            Backend::Postgres(pg) => Ok(pg.fhir_catalogue().await?),
        }
    }

    pub async fn ingest_fhir(
        &self,
        system_name: String,
        events: Vec<FhirEvent>,
        now: Timestamp,
    ) -> Result<Vec<IngestOutcome>, ApiError> {
        match self {
            Backend::Sqlite(p) => {
                p.run(move |s| Ok(s.ingest_fhir(&system_name, &events, now)?))
                    .await
            }
            Backend::Postgres(pg) => Ok(pg.ingest_fhir(&system_name, &events, now).await?),
        }
    }

    pub async fn dpo_reports(
        &self,
        status: Option<RequestStatus>,
    ) -> Result<Vec<DpoReport>, ApiError> {
        match self {
            Backend::Sqlite(p) => p.run(move |s| Ok(s.dpo_reports(status)?)).await,
            Backend::Postgres(pg) => Ok(pg.dpo_reports(status).await?),
        }
    }

    /// [`crate::store::StoreError::Forbidden`] comes back as is: the handler names the conflict.
    pub async fn update_dpo_report(
        &self,
        id: i64,
        update: DpoUpdate,
        now: Timestamp,
    ) -> Result<Result<DpoReport, crate::store::StoreError>, ApiError> {
        match self {
            Backend::Sqlite(p) => {
                p.run(move |s| Ok(s.update_dpo_report(id, &update, now)))
                    .await
            }
            Backend::Postgres(pg) => Ok(pg.update_dpo_report(id, &update, now).await),
        }
    }

    pub async fn record_feedback(&self, feedback: Feedback) -> Result<(), ApiError> {
        match self {
            Backend::Sqlite(p) => p.run(move |s| Ok(s.record_feedback(&feedback)?)).await,
            Backend::Postgres(pg) => Ok(pg.record_feedback(&feedback).await?),
        }
    }

    /// The catalogue's id of the system an ingest key names (by id or name); `None` if the catalogue lacks it.
    pub async fn catalogue_system_id(&self, name: String) -> Result<Option<String>, ApiError> {
        match self {
            Backend::Sqlite(p) => p.run(move |s| Ok(s.catalogue_system_id(&name)?)).await,
            Backend::Postgres(pg) => Ok(pg.catalogue_system_id(&name).await?),
        }
    }

    pub async fn system_requests(
        &self,
        system_id: String,
        after: i64,
        limit: u32,
    ) -> Result<Vec<SystemRequest>, ApiError> {
        match self {
            Backend::Sqlite(p) => {
                p.run(move |s| Ok(s.system_requests(&system_id, after, limit)?))
                    .await
            }
            Backend::Postgres(pg) => Ok(pg.system_requests(&system_id, after, limit).await?),
        }
    }

    pub async fn ack_system_request(
        &self,
        system_id: String,
        id: i64,
        outcome: AckOutcome,
        now: Timestamp,
    ) -> Result<SystemRequest, ApiError> {
        match self {
            Backend::Sqlite(p) => {
                p.run(move |s| Ok(s.ack_system_request(&system_id, id, &outcome, now)?))
                    .await
            }
            Backend::Postgres(pg) => {
                Ok(pg.ack_system_request(&system_id, id, &outcome, now).await?)
            }
        }
    }

    /// The deliveries due for a system, claimed for this server: on PostgreSQL each is leased (`FOR UPDATE
    /// SKIP LOCKED`) until `lease_until`, so another server never delivers it at the same time.
    pub async fn due_deliveries(
        &self,
        system_id: String,
        now: Timestamp,
        lease_until: Timestamp,
        limit: u32,
    ) -> Result<Vec<Due>, ApiError> {
        match self {
            Backend::Sqlite(p) => {
                p.run(move |s| Ok(s.due_deliveries(&system_id, now, limit)?))
                    .await
            }
            Backend::Postgres(pg) => Ok(pg
                .claim_deliveries(&system_id, now, lease_until, limit)
                .await?),
        }
    }

    pub async fn record_attempt(
        &self,
        request_id: i64,
        at: Timestamp,
        outcome: AttemptOutcome,
        retry: Retry,
    ) -> Result<(), ApiError> {
        match self {
            Backend::Sqlite(p) => {
                p.run(move |s| Ok(s.record_attempt(request_id, at, outcome, retry)?))
                    .await
            }
            Backend::Postgres(pg) => Ok(pg.record_attempt(request_id, at, outcome, retry).await?),
        }
    }
}
