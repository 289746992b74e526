//! The operator's commands on `[server.postgres]`: a current-thread runtime and the store, opened as
//! `serve` opens it (the schema brought up to date first).

use super::CliError;
use crate::config::Postgres;
use crate::server::ServeError;
use crate::store::postgres::PgStore;
use std::future::Future;

/// A PostgreSQL store and the runtime its calls run on.
pub struct Pg {
    runtime: tokio::runtime::Runtime,
    store: PgStore,
}

impl Pg {
    /// Connects to `settings` and migrates the schema, as `serve` does at start-up.
    pub fn open(settings: &Postgres, now: jiff::Timestamp) -> Result<Pg, CliError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| ServeError::Failed(e.to_string()))?;
        let store = runtime
            .block_on(PgStore::open(settings, now))
            .map_err(ServeError::Postgres)?;
        Ok(Pg { runtime, store })
    }

    pub fn store(&self) -> &PgStore {
        &self.store
    }

    /// Runs one call of the store to its end.
    pub fn block_on<F: Future>(&self, call: F) -> F::Output {
        self.runtime.block_on(call)
    }
}
