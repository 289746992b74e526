//! What every handler shares.

use super::backend::Backend;
use super::kiosk::KioskRegistry;
use super::rate_limit::RateLimiter;
use crate::auth::{ApiKeys, Verifier};
use std::sync::Arc;

/// The server's shared state.
#[derive(Debug, Clone)]
pub struct ServerState {
    /// The citizen key's pepper: `None` when `[server] pepper_file` is unset (record ingest then answers 503).
    pub pepper: Option<Arc<crate::auth::citizen_key::Pepper>>,
    /// Whether the token's citizen claim is a CPR number (`[server] cpr_claim`), matched by its citizen key.
    pub cpr_claim: bool,
    /// The database: the SQLite file or PostgreSQL.
    pub store: Backend,
    /// `None` when no issuer is configured: the citizen endpoints then answer 503.
    pub verifier: Option<Arc<Verifier>>,
    pub limiter: Arc<RateLimiter>,
    pub ingest_keys: Arc<ApiKeys>,
    pub ingest_max_batch: usize,
    /// `[server] system_stale_after_hours`, in seconds.
    pub stale_after_secs: i64,
    pub kiosks: Arc<KioskRegistry>,
    /// Off: employee names are removed from every answer before it is built.
    pub show_employee_names: bool,
    /// The DPO's key (`[server] dpo_key_sha256`); `None`: the DPO API answers 503.
    pub dpo_key: Option<Arc<ApiKeys>>,
    /// Sign-in with a member of staff (`[server.staff]`); `None`: not offered.
    pub staff: Option<Arc<super::assisted::StaffPolicy>>,
    /// Acting for others (`[server.representation]`); `None`: everyone sees only their own data.
    pub representation: Option<Arc<super::acting::RepresentationPolicy>>,
    /// The citizen's web pages (`[server.portal]`); `None`: they answer "not set up".
    pub portal: Option<Arc<super::portal::Portal>>,
}
