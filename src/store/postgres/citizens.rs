//! Citizen look-ups on PostgreSQL. (Being built: helper "pgread".)

use super::PgStore;
use crate::domain::Citizen;
use crate::store::{CitizenRef, StoreError, StoreResult};

impl PgStore {
    /// The citizen a token names; [`StoreError::UnknownCitizen`] if there is none.
    pub async fn citizen_by_ref(&self, who: &CitizenRef) -> StoreResult<Citizen> {
        let _ = who;
        Err(StoreError::Postgres("not built yet".into()))
    }
}
