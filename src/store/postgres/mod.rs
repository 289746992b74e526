//! The server's store on PostgreSQL: the same tables as the SQLite file, a pool of connections
//! (deadpool-postgres over tokio-postgres, TLS by rustls with ring), versioned migrations applied under an
//! advisory lock, and the access log partitioned by month.
//!
//! Every statement is parameterized. The SQLite store is the reference: each query here answers what its
//! SQLite twin answers, and the server tests run on both engines.

mod access_log;
mod assisted;
mod catalogue;
mod categories;
mod checkpoints;
mod citizen_requests;
mod citizen_writes;
mod citizens;
mod connect;
pub mod copy;
mod deliver;
mod dims;
mod dpo;
mod fhir;
mod ingest;
mod migrations;
mod page_statement;
pub mod partitions;
mod reads;
mod record_locks;
mod records;
mod relations;
mod visits;

pub use connect::{PASSWORD_ENV, PgError, check, connect_config};
pub use migrations::{MIGRATIONS, SUPPORTED_VERSION};

use super::error::{StoreError, StoreResult};
use crate::config::Postgres;
use deadpool_postgres::{Object, Pool};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// A pool of connections to one PostgreSQL database.
#[derive(Clone)]
pub struct PgStore {
    pool: Pool,
    /// Set once the schema is migrated: until then every call answers [`StoreError::Unavailable`].
    ready: Arc<AtomicBool>,
    settings: Arc<Postgres>,
    /// The months whose access-log partition is known to be attached ([`partitions`]).
    months: Arc<std::sync::Mutex<std::collections::BTreeSet<jiff::civil::Date>>>,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore").finish_non_exhaustive()
    }
}

impl PgStore {
    /// The store for `settings`, without connecting: nothing is served until [`PgStore::prepare`] succeeds.
    /// Fails only on settings that can never work (a bad address, a password in it, an unreadable file).
    pub fn new(settings: &Postgres) -> Result<PgStore, PgError> {
        Ok(PgStore {
            pool: connect::pool(settings)?,
            ready: Arc::new(AtomicBool::new(false)),
            settings: Arc::new(settings.clone()),
            months: Arc::default(),
        })
    }

    /// Brings the schema up to date (once, however many servers start together) and makes the access
    /// log's partitions for the months around `now`; then the store serves.
    pub async fn prepare(&self, now: jiff::Timestamp) -> Result<(), PgError> {
        let mut client = self
            .pool
            .get()
            .await
            .map_err(|e| connect::pool_error(e, &self.settings))?;
        migrations::migrate(&mut client).await?;
        let months = partitions::maintain(&client, now, &self.settings).await?;
        self.know_months(months);
        self.ready.store(true, Ordering::Release);
        Ok(())
    }

    /// [`PgStore::new`] and [`PgStore::prepare`].
    pub async fn open(settings: &Postgres, now: jiff::Timestamp) -> Result<PgStore, PgError> {
        let store = PgStore::new(settings)?;
        store.prepare(now).await?;
        Ok(store)
    }

    /// Retries [`PgStore::prepare`] with backoff (1 s doubling to 30 s) until it succeeds, logging each
    /// failure's sentence; for a server that started while PostgreSQL was down.
    pub fn prepare_in_background(&self) -> tokio::task::JoinHandle<()> {
        let store = self.clone();
        tokio::spawn(async move {
            let mut wait = Duration::from_secs(1);
            loop {
                match store.prepare(jiff::Timestamp::now()).await {
                    Ok(()) => {
                        tracing::info!("PostgreSQL answers; the server is ready");
                        return;
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, retry_in_secs = wait.as_secs(), "PostgreSQL is not ready");
                    }
                }
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(30));
            }
        })
    }

    /// The settings it was made with.
    pub fn settings(&self) -> &Postgres {
        &self.settings
    }

    /// A pooled connection; [`StoreError::Unavailable`] when PostgreSQL does not answer or the schema is not
    /// ready yet.
    pub async fn client(&self) -> StoreResult<Object> {
        if !self.ready.load(Ordering::Acquire) {
            return Err(StoreError::Unavailable);
        }
        self.pool.get().await.map_err(|e| {
            tracing::warn!(error = %PgError::from_pool(e), "no PostgreSQL connection");
            StoreError::Unavailable
        })
    }

    /// Answers when the database does.
    pub async fn ping(&self) -> StoreResult<()> {
        let client = self.client().await?;
        client.simple_query("SELECT 1").await.map_err(pg)?;
        Ok(())
    }

    /// The schema version of the database.
    pub async fn schema_version(&self) -> StoreResult<i64> {
        let client = self.client().await?;
        migrations::version(&client).await.map_err(pg)
    }
}

/// A PostgreSQL error as a store error: a lost connection is [`StoreError::Unavailable`] (503, retry), any
/// other a database error whose text names the statement's problem, never a bound value.
pub(crate) fn pg(e: tokio_postgres::Error) -> StoreError {
    if e.is_closed() || e.as_db_error().is_none() && e.to_string().contains("connection") {
        return StoreError::Unavailable;
    }
    match e.as_db_error() {
        Some(db) if db.code().code().starts_with("08") || db.code().code().starts_with("57P") => {
            StoreError::Unavailable
        }
        Some(db) => StoreError::Postgres(format!("{}: {}", db.code().code(), db.message())),
        None => StoreError::Postgres(e.to_string()),
    }
}

/// Unix seconds as stored → a timestamp.
#[allow(dead_code)] // until the query files use it
pub(crate) fn ts(secs: i64) -> StoreResult<jiff::Timestamp> {
    jiff::Timestamp::from_second(secs).map_err(|e| StoreError::Corrupt(e.to_string()))
}

#[allow(dead_code)] // until the query files use it
pub(crate) fn opt_ts(secs: Option<i64>) -> StoreResult<Option<jiff::Timestamp>> {
    secs.map(ts).transpose()
}
