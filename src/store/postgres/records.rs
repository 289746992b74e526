//! Record ingest on PostgreSQL (holdings, consents, decision-support uses), with the catalogue view they are
//! checked against. (Being built: helper "pgrecords".)

use super::PgStore;
use crate::store::records::{CatalogueView, Record, RecordOutcome};
use crate::store::{StoreError, StoreResult};
use jiff::Timestamp;

fn unbuilt<T>() -> StoreResult<T> {
    Err(StoreError::Postgres("not built yet".into()))
}

impl PgStore {
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
}
