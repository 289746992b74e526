//! The server's one store interface over its two engines: the SQLite file (a pool of rusqlite connections
//! on tokio's blocking pool) and PostgreSQL (a deadpool of tokio-postgres connections). Every handler, the
//! webhook task and the feeds go through these methods only, so a route behaves the same on both; the
//! server tests run on both engines.

mod represent;
mod systems;

use super::error::ApiError;
use super::pool::StorePool;
use crate::domain::{
    AccessCursor, AccessEvent, AccessFilter, AccessPage, AccessReport, Area, CategorySummary,
    Citizen, CitizenRequest, ConnectedSystem, Consent, DataCategory, DecisionSupport, Lang,
    Overview, Purpose,
};
use crate::source::{KioskVisit, Organisation};
use crate::store::postgres::PgStore;
use crate::store::{CitizenRef, Store};
use jiff::Timestamp;

/// The database the server serves.
#[derive(Debug, Clone)]
pub enum Backend {
    Sqlite(StorePool),
    Postgres(PgStore),
}

/// Runs `f` on a pooled SQLite connection with the citizen named by `who`.
async fn on_sqlite<T, F>(pool: &StorePool, who: &CitizenRef, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut Store, &Citizen) -> Result<T, ApiError> + Send + 'static,
{
    let who = who.clone();
    pool.run(move |store| {
        let citizen = store.citizen_by_ref(&who)?;
        f(store, &citizen)
    })
    .await
}

impl Backend {
    /// Answers when the database does (for `/readyz`).
    pub async fn ping(&self) -> Result<(), ApiError> {
        match self {
            Backend::Sqlite(p) => {
                p.run(|s| s.ping().map_err(|_| ApiError::unavailable()))
                    .await
            }
            Backend::Postgres(pg) => pg.ping().await.map_err(|_| ApiError::unavailable()),
        }
    }

    pub async fn citizen(&self, who: &CitizenRef) -> Result<Citizen, ApiError> {
        match self {
            Backend::Sqlite(p) => on_sqlite(p, who, |_, c| Ok(c.clone())).await,
            Backend::Postgres(pg) => Ok(pg.citizen_by_ref(who).await?),
        }
    }

    pub async fn overview(&self, who: &CitizenRef, now: Timestamp) -> Result<Overview, ApiError> {
        match self {
            Backend::Sqlite(p) => on_sqlite(p, who, move |s, c| Ok(s.overview(&c.id, now)?)).await,
            Backend::Postgres(pg) => Ok(pg.overview(who, now).await?),
        }
    }

    pub async fn areas(&self, who: &CitizenRef) -> Result<Vec<Area>, ApiError> {
        match self {
            Backend::Sqlite(p) => on_sqlite(p, who, |s, c| Ok(s.areas(&c.id)?)).await,
            Backend::Postgres(pg) => Ok(pg.areas(who).await?),
        }
    }

    pub async fn area_categories(
        &self,
        who: &CitizenRef,
        area: String,
    ) -> Result<Vec<CategorySummary>, ApiError> {
        match self {
            Backend::Sqlite(p) => {
                on_sqlite(p, who, move |s, c| Ok(s.area_categories(&c.id, &area)?)).await
            }
            Backend::Postgres(pg) => Ok(pg.area_categories(who, &area).await?),
        }
    }

    pub async fn category(&self, who: &CitizenRef, id: i64) -> Result<DataCategory, ApiError> {
        match self {
            Backend::Sqlite(p) => on_sqlite(p, who, move |s, c| Ok(s.category(&c.id, id)?)).await,
            Backend::Postgres(pg) => Ok(pg.category(who, id).await?),
        }
    }

    pub async fn purposes(&self, who: &CitizenRef) -> Result<Vec<Purpose>, ApiError> {
        match self {
            Backend::Sqlite(p) => on_sqlite(p, who, |s, c| Ok(s.purposes(&c.id)?)).await,
            Backend::Postgres(pg) => Ok(pg.purposes(who).await?),
        }
    }

    pub async fn organisations(
        &self,
        who: &CitizenRef,
        now: Timestamp,
    ) -> Result<Vec<Organisation>, ApiError> {
        match self {
            Backend::Sqlite(p) => {
                on_sqlite(p, who, move |s, c| Ok(s.organisations(&c.id, now)?)).await
            }
            Backend::Postgres(pg) => Ok(pg.organisations(who, now).await?),
        }
    }

    pub async fn access_page(
        &self,
        who: &CitizenRef,
        filter: AccessFilter,
        after: Option<AccessCursor>,
        limit: u32,
        now: Timestamp,
    ) -> Result<AccessPage, ApiError> {
        match self {
            Backend::Sqlite(p) => {
                on_sqlite(p, who, move |s, c| {
                    Ok(s.access_page(&c.id, &filter, after, limit, now)?)
                })
                .await
            }
            Backend::Postgres(pg) => Ok(pg.access_page(who, &filter, after, limit, now).await?),
        }
    }

    pub async fn access_event(
        &self,
        who: &CitizenRef,
        id: i64,
        now: Timestamp,
    ) -> Result<AccessEvent, ApiError> {
        match self {
            Backend::Sqlite(p) => {
                on_sqlite(p, who, move |s, c| Ok(s.access_event(&c.id, id, now)?)).await
            }
            Backend::Postgres(pg) => Ok(pg.access_event(who, id, now).await?),
        }
    }

    pub async fn access_reports(&self, who: &CitizenRef) -> Result<Vec<AccessReport>, ApiError> {
        match self {
            Backend::Sqlite(p) => on_sqlite(p, who, |s, c| Ok(s.access_reports(&c.id)?)).await,
            Backend::Postgres(pg) => Ok(pg.access_reports(who).await?),
        }
    }

    /// Files a report of an entry (once: a second report of it answers the first). `true` when it was new.
    pub async fn report_access(
        &self,
        who: &CitizenRef,
        event: i64,
        lang: Lang,
        now: Timestamp,
    ) -> Result<(bool, AccessReport), ApiError> {
        match self {
            Backend::Sqlite(p) => {
                on_sqlite(p, who, move |s, c| {
                    let existed = s.access_reports(&c.id)?.iter().any(|r| r.event_id == event);
                    Ok((!existed, s.report_access_in(&c.id, event, lang, now)?))
                })
                .await
            }
            Backend::Postgres(pg) => Ok(pg.report_access(who, event, lang, now).await?),
        }
    }

    /// The connected systems; the citizen must be known, but the list is the same for everyone.
    pub async fn connected_systems(
        &self,
        who: &CitizenRef,
        now: Timestamp,
        stale_after_secs: i64,
    ) -> Result<Vec<ConnectedSystem>, ApiError> {
        match self {
            Backend::Sqlite(p) => {
                on_sqlite(p, who, move |s, _| {
                    Ok(s.connected_systems(now, stale_after_secs)?)
                })
                .await
            }
            Backend::Postgres(pg) => {
                pg.citizen_by_ref(who).await?;
                Ok(pg.connected_systems(now, stale_after_secs).await?)
            }
        }
    }

    pub async fn consents(&self, who: &CitizenRef) -> Result<Vec<Consent>, ApiError> {
        match self {
            Backend::Sqlite(p) => on_sqlite(p, who, |s, c| Ok(s.consents(&c.id)?)).await,
            Backend::Postgres(pg) => Ok(pg.consents(who).await?),
        }
    }

    pub async fn withdraw_consent(
        &self,
        who: &CitizenRef,
        id: i64,
        lang: Lang,
        now: Timestamp,
    ) -> Result<Consent, ApiError> {
        match self {
            Backend::Sqlite(p) => {
                on_sqlite(p, who, move |s, c| {
                    Ok(s.withdraw_consent_in(&c.id, id, lang, now)?)
                })
                .await
            }
            Backend::Postgres(pg) => Ok(pg.withdraw_consent(who, id, lang, now).await?),
        }
    }

    pub async fn citizen_requests(
        &self,
        who: &CitizenRef,
    ) -> Result<Vec<CitizenRequest>, ApiError> {
        match self {
            Backend::Sqlite(p) => on_sqlite(p, who, |s, c| Ok(s.citizen_requests(&c.id)?)).await,
            Backend::Postgres(pg) => Ok(pg.citizen_requests(who).await?),
        }
    }

    pub async fn mark_requests_seen(
        &self,
        who: &CitizenRef,
        now: Timestamp,
    ) -> Result<(), ApiError> {
        match self {
            Backend::Sqlite(p) => {
                on_sqlite(p, who, move |s, c| Ok(s.mark_requests_seen(&c.id, now)?)).await
            }
            Backend::Postgres(pg) => Ok(pg.mark_requests_seen(who, now).await?),
        }
    }

    pub async fn decision_support(
        &self,
        who: &CitizenRef,
    ) -> Result<Vec<DecisionSupport>, ApiError> {
        match self {
            Backend::Sqlite(p) => on_sqlite(p, who, |s, c| Ok(s.decision_support(&c.id)?)).await,
            Backend::Postgres(pg) => Ok(pg.decision_support(who).await?),
        }
    }

    /// Records a visit to `who`'s data by `visitor`: the citizen, someone acting for them (both logs), or
    /// a visit staff opened.
    pub async fn record_visit(
        &self,
        who: &CitizenRef,
        visit: KioskVisit,
        visitor: crate::store::kiosk_entry::Visitor,
    ) -> Result<(), ApiError> {
        match self {
            Backend::Sqlite(p) => {
                on_sqlite(p, who, move |s, c| {
                    s.record_visit_by(&c.id, &visit, &visitor)?;
                    Ok(())
                })
                .await
            }
            Backend::Postgres(pg) => Ok(pg.record_visit_by(who, &visit, &visitor).await?),
        }
    }
}
