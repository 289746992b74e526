//! The store interface for acting for someone else: custody relations from the CPR system, the people a
//! signed-in citizen may act for, and a visit logged in both people's logs.

use super::Backend;
use crate::server::error::ApiError;
use crate::store::CitizenRef;
use crate::store::assisted::{AssistedSession, StaffAttempt};
use crate::store::relations::{NewRelation, Person, RelationRejected};
use jiff::Timestamp;
use jiff::civil::Date;

impl Backend {
    /// Writes each relation; the outcome of each, in order.
    pub async fn upsert_relations(
        &self,
        system: String,
        relations: Vec<NewRelation>,
        now: Timestamp,
    ) -> Result<Vec<Result<(), RelationRejected>>, ApiError> {
        match self {
            Backend::Sqlite(p) => {
                p.run(move |s| {
                    let mut out = Vec::with_capacity(relations.len());
                    for r in &relations {
                        out.push(s.upsert_relation(&system, r, now)?);
                    }
                    Ok(out)
                })
                .await
            }
            Backend::Postgres(pg) => {
                let mut out = Vec::with_capacity(relations.len());
                for r in &relations {
                    out.push(pg.upsert_relation(&system, r, now).await?);
                }
                Ok(out)
            }
        }
    }

    pub async fn children_in_custody(
        &self,
        parent: &CitizenRef,
        today: Date,
        age_limit: u32,
    ) -> Result<Vec<Person>, ApiError> {
        match self {
            Backend::Sqlite(p) => {
                let parent = parent.clone();
                p.run(move |s| Ok(s.children_in_custody(&parent, today, age_limit)?))
                    .await
            }
            Backend::Postgres(pg) => Ok(pg.children_in_custody(parent, today, age_limit).await?),
        }
    }

    pub async fn person_by_key(&self, key: String) -> Result<Option<Person>, ApiError> {
        match self {
            Backend::Sqlite(p) => p.run(move |s| Ok(s.person_by_key(&key)?)).await,
            Backend::Postgres(pg) => Ok(pg.person_by_key(&key).await?),
        }
    }

    /// Audits a staff sign-in attempt that opened nothing.
    pub async fn record_staff_attempt(&self, attempt: StaffAttempt) -> Result<(), ApiError> {
        match self {
            Backend::Sqlite(p) => {
                p.run(move |s| Ok(s.record_staff_attempt(&attempt, None).map(|_| ())?))
                    .await
            }
            Backend::Postgres(pg) => {
                Ok(pg.record_staff_attempt(&attempt, None).await.map(|_| ())?)
            }
        }
    }

    /// Audits the attempt and opens the session for the citizen with `key`; `false`: no such citizen
    /// (audited as such, nothing opened).
    pub async fn open_assisted_session(
        &self,
        attempt: StaffAttempt,
        key: String,
        hash: String,
        expires_at: Timestamp,
    ) -> Result<bool, ApiError> {
        match self {
            Backend::Sqlite(p) => {
                p.run(move |s| {
                    Ok(s.record_staff_attempt(&attempt, Some((&key, &hash, expires_at)))?)
                })
                .await
            }
            Backend::Postgres(pg) => Ok(pg
                .record_staff_attempt(&attempt, Some((&key, &hash, expires_at)))
                .await?),
        }
    }

    pub async fn assisted_session(
        &self,
        hash: String,
        now: Timestamp,
    ) -> Result<Option<AssistedSession>, ApiError> {
        match self {
            Backend::Sqlite(p) => p.run(move |s| Ok(s.assisted_session(&hash, now)?)).await,
            Backend::Postgres(pg) => Ok(pg.assisted_session(&hash, now).await?),
        }
    }

    pub async fn end_assisted_session(&self, hash: String, now: Timestamp) -> Result<(), ApiError> {
        match self {
            Backend::Sqlite(p) => {
                p.run(move |s| Ok(s.end_assisted_session(&hash, now)?))
                    .await
            }
            Backend::Postgres(pg) => Ok(pg.end_assisted_session(&hash, now).await?),
        }
    }
}
