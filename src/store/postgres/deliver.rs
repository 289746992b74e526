//! Requests on PostgreSQL: the systems' pull feed and acknowledgements, webhook deliveries claimed with
//! `FOR UPDATE SKIP LOCKED`, the DPO's reports, and the kiosks' feedback. (Being built: helper "pgdeliver".)

use super::PgStore;
use crate::domain::{Feedback, RequestStatus};
use crate::store::dpo::{DpoReport, DpoUpdate};
use crate::store::outbox::{AttemptOutcome, Due, Retry};
use crate::store::requests::{AckOutcome, SystemRequest};
use crate::store::{StoreError, StoreResult};
use jiff::Timestamp;

fn unbuilt<T>() -> StoreResult<T> {
    Err(StoreError::Postgres("not built yet".into()))
}

impl PgStore {
    pub async fn catalogue_system_id(&self, _name: &str) -> StoreResult<Option<String>> {
        unbuilt()
    }
    pub async fn system_requests(
        &self,
        _system_id: &str,
        _after: i64,
        _limit: u32,
    ) -> StoreResult<Vec<SystemRequest>> {
        unbuilt()
    }
    pub async fn ack_system_request(
        &self,
        _system_id: &str,
        _id: i64,
        _outcome: &AckOutcome,
        _now: Timestamp,
    ) -> StoreResult<SystemRequest> {
        unbuilt()
    }
    /// The due deliveries of a system, each leased to this server until `lease_until`.
    pub async fn claim_deliveries(
        &self,
        _system_id: &str,
        _now: Timestamp,
        _lease_until: Timestamp,
        _limit: u32,
    ) -> StoreResult<Vec<Due>> {
        unbuilt()
    }
    pub async fn record_attempt(
        &self,
        _request_id: i64,
        _at: Timestamp,
        _outcome: AttemptOutcome,
        _retry: Retry,
    ) -> StoreResult<()> {
        unbuilt()
    }
    pub async fn dpo_reports(&self, _status: Option<RequestStatus>) -> StoreResult<Vec<DpoReport>> {
        unbuilt()
    }
    pub async fn update_dpo_report(
        &self,
        _id: i64,
        _update: &DpoUpdate,
        _now: Timestamp,
    ) -> StoreResult<DpoReport> {
        unbuilt()
    }
    pub async fn record_feedback(&self, _feedback: &Feedback) -> StoreResult<()> {
        unbuilt()
    }
}
