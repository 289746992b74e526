//! What every handler shares.

use super::pool::StorePool;
use super::rate_limit::RateLimiter;
use crate::auth::{ApiKeys, Verifier};
use std::sync::Arc;

/// The server's shared state.
#[derive(Debug, Clone)]
pub struct AppState {
    pub pool: StorePool,
    /// `None` when no issuer is configured: the citizen endpoints then answer 503.
    pub verifier: Option<Arc<Verifier>>,
    pub limiter: Arc<RateLimiter>,
    pub ingest_keys: Arc<ApiKeys>,
    pub ingest_max_batch: usize,
}
