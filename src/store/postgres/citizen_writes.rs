//! What the citizen changes on PostgreSQL: reports of an entry, withdrawals, kiosk visits, requests seen;
//! and "Your requests". (Being built: helper "pgread".)

use super::PgStore;
use crate::domain::{AccessReport, CitizenRequest, Consent, Lang};
use crate::source::KioskVisit;
use crate::store::{CitizenRef, StoreError, StoreResult};
use jiff::Timestamp;

fn unbuilt<T>() -> StoreResult<T> {
    Err(StoreError::Postgres("not built yet".into()))
}

impl PgStore {
    /// Files a report of an entry; `true` when it is new (a second report answers the first).
    pub async fn report_access(
        &self,
        _who: &CitizenRef,
        _event: i64,
        _lang: Lang,
        _now: Timestamp,
    ) -> StoreResult<(bool, AccessReport)> {
        unbuilt()
    }
    pub async fn withdraw_consent(
        &self,
        _who: &CitizenRef,
        _id: i64,
        _lang: Lang,
        _now: Timestamp,
    ) -> StoreResult<Consent> {
        unbuilt()
    }
    pub async fn record_visit(&self, _who: &CitizenRef, _visit: &KioskVisit) -> StoreResult<()> {
        unbuilt()
    }
    pub async fn citizen_requests(&self, _who: &CitizenRef) -> StoreResult<Vec<CitizenRequest>> {
        unbuilt()
    }
    pub async fn mark_requests_seen(&self, _who: &CitizenRef, _now: Timestamp) -> StoreResult<()> {
        unbuilt()
    }
}
