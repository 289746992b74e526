//! Access-event ingest on PostgreSQL (JSON and FHIR), with the FHIR catalogue view they are checked
//! against. (Being built: helper "pgingest".)

use super::PgStore;
use crate::store::fhir::{FhirCatalogue, FhirEvent};
use crate::store::ingest::{IngestEvent, IngestOutcome};
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
