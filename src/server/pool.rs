//! A small pool of store connections. A rusqlite connection is not `Sync`, so each request borrows one
//! connection, uses it on tokio's blocking pool, and gives it back.

use crate::store::{Store, StoreResult};
use std::path::Path;
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

use super::error::ApiError;

#[derive(Debug)]
struct Inner {
    stores: Mutex<Vec<Store>>,
    available: Semaphore,
}

/// Connections to one database file.
#[derive(Debug, Clone)]
pub struct StorePool {
    inner: Arc<Inner>,
}

/// Gives the connection back to the pool however the closure ends.
struct Borrowed {
    inner: Arc<Inner>,
    store: Option<Store>,
}

impl Drop for Borrowed {
    fn drop(&mut self) {
        if let Some(store) = self.store.take() {
            let mut stores = self
                .inner
                .stores
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            stores.push(store);
        }
    }
}

impl StorePool {
    /// Opens `size` connections to `path` (migrating it first), each committing durably.
    pub fn open(path: &Path, size: usize) -> StoreResult<StorePool> {
        let size = size.max(1);
        let mut stores = Vec::with_capacity(size);
        for _ in 0..size {
            let store = Store::open(path)?;
            store.set_durable_commits()?;
            stores.push(store);
        }
        Ok(StorePool {
            inner: Arc::new(Inner {
                stores: Mutex::new(stores),
                available: Semaphore::new(size),
            }),
        })
    }

    /// Runs `f` with a connection on the blocking pool.
    pub async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = self
            .inner
            .available
            .acquire()
            .await
            .map_err(|_| ApiError::unavailable())?;
        let inner = self.inner.clone();
        let joined = tokio::task::spawn_blocking(move || {
            let store = inner
                .stores
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .pop();
            let mut borrowed = Borrowed { inner, store };
            match borrowed.store.as_mut() {
                Some(store) => f(store),
                None => Err(ApiError::unavailable()),
            }
        })
        .await;
        match joined {
            Ok(result) => result,
            Err(_) => {
                tracing::error!("a store task failed");
                Err(ApiError::internal())
            }
        }
    }
}
