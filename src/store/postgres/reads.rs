//! The citizen's data on PostgreSQL: overview, areas, categories, purposes, consents, decision support,
//! connected systems. (Being built: helper "pgreads".)

use super::PgStore;
use crate::domain::{
    Area, CategorySummary, ConnectedSystem, Consent, DataCategory, DecisionSupport, Overview,
    Purpose,
};
use crate::store::{CitizenRef, StoreError, StoreResult};
use jiff::Timestamp;

fn unbuilt<T>() -> StoreResult<T> {
    Err(StoreError::Postgres("not built yet".into()))
}

impl PgStore {
    pub async fn overview(&self, _who: &CitizenRef, _now: Timestamp) -> StoreResult<Overview> {
        unbuilt()
    }
    pub async fn areas(&self, _who: &CitizenRef) -> StoreResult<Vec<Area>> {
        unbuilt()
    }
    pub async fn area_categories(
        &self,
        _who: &CitizenRef,
        _area: &str,
    ) -> StoreResult<Vec<CategorySummary>> {
        unbuilt()
    }
    pub async fn category(&self, _who: &CitizenRef, _id: i64) -> StoreResult<DataCategory> {
        unbuilt()
    }
    pub async fn purposes(&self, _who: &CitizenRef) -> StoreResult<Vec<Purpose>> {
        unbuilt()
    }
    pub async fn consents(&self, _who: &CitizenRef) -> StoreResult<Vec<Consent>> {
        unbuilt()
    }
    pub async fn decision_support(&self, _who: &CitizenRef) -> StoreResult<Vec<DecisionSupport>> {
        unbuilt()
    }
    pub async fn connected_systems(
        &self,
        _now: Timestamp,
        _stale_after_secs: i64,
    ) -> StoreResult<Vec<ConnectedSystem>> {
        unbuilt()
    }
}
