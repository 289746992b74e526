//! The store interface for acting for someone else: custody relations from the CPR system, the people a
//! signed-in citizen may act for, and a visit logged in both people's logs.

use super::Backend;
use crate::server::error::ApiError;
use crate::source::KioskVisit;
use crate::store::CitizenRef;
use crate::store::kiosk_entry::VisitFor;
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

    /// Records a visit to `who`'s data made by `acting.actor`, in both logs.
    pub async fn record_visit_for(
        &self,
        who: &CitizenRef,
        visit: KioskVisit,
        acting: VisitFor,
    ) -> Result<(), ApiError> {
        match self {
            Backend::Sqlite(p) => {
                let who = who.clone();
                p.run(move |s| {
                    let id = s.citizen_by_ref(&who)?.id.clone();
                    s.record_visit_for(&id, &visit, Some(&acting))?;
                    Ok(())
                })
                .await
            }
            Backend::Postgres(pg) => Ok(pg.record_visit_for(who, &visit, Some(&acting)).await?),
        }
    }
}
