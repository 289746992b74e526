//! Ingest on PostgreSQL: access events (JSON and FHIR) and records (holdings, consents, decision-support
//! uses), with the catalogue views they are checked against. (Being built: helper "pgwrite".)

use super::PgStore;
use crate::store::fhir::{FhirCatalogue, FhirEvent};
use crate::store::ingest::{IngestEvent, IngestOutcome};
use crate::store::records::{CatalogueView, Record, RecordOutcome};
use crate::store::{StoreError, StoreResult};
use jiff::Timestamp;

fn unbuilt<T>() -> StoreResult<T> {
    Err(StoreError::Postgres("not built yet".into()))
}

impl PgStore {
    pub async fn ingest(
        &self,
        _events: &[IngestEvent],
        _now: Timestamp,
    ) -> StoreResult<Vec<IngestOutcome>> {
        unbuilt()
    }
    pub async fn catalogue_view(&self) -> StoreResult<CatalogueView> {
        unbuilt()
    }
    pub async fn ingest_records(
        &self,
        _records: &[Record],
        _now: Timestamp,
    ) -> StoreResult<Vec<RecordOutcome>> {
        unbuilt()
    }
    pub async fn fhir_catalogue(&self) -> StoreResult<FhirCatalogue> {
        unbuilt()
    }
    pub async fn ingest_fhir(
        &self,
        _system_name: &str,
        _events: &[FhirEvent],
        _now: Timestamp,
    ) -> StoreResult<Vec<IngestOutcome>> {
        unbuilt()
    }
}
