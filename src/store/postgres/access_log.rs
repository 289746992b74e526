//! The access log on PostgreSQL: keyset pages newest first, one entry, the citizen's reports, the
//! organisations in the log. (Being built: helper "pgread".)

use super::PgStore;
use crate::domain::{AccessCursor, AccessEvent, AccessFilter, AccessPage, AccessReport};
use crate::source::Organisation;
use crate::store::{CitizenRef, StoreError, StoreResult};
use jiff::Timestamp;

fn unbuilt<T>() -> StoreResult<T> {
    Err(StoreError::Postgres("not built yet".into()))
}

impl PgStore {
    pub async fn access_page(
        &self,
        _who: &CitizenRef,
        _filter: &AccessFilter,
        _after: Option<AccessCursor>,
        _limit: u32,
        _now: Timestamp,
    ) -> StoreResult<AccessPage> {
        unbuilt()
    }
    pub async fn access_event(
        &self,
        _who: &CitizenRef,
        _id: i64,
        _now: Timestamp,
    ) -> StoreResult<AccessEvent> {
        unbuilt()
    }
    pub async fn access_reports(&self, _who: &CitizenRef) -> StoreResult<Vec<AccessReport>> {
        unbuilt()
    }
    pub async fn organisations(
        &self,
        _who: &CitizenRef,
        _now: Timestamp,
    ) -> StoreResult<Vec<Organisation>> {
        unbuilt()
    }
}
