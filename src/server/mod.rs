//! `indsigt serve`: the HTTP API of `docs/api.md` over the store, for kiosks (citizen endpoints, bearer
//! tokens) and line-of-business systems (ingest, API keys). TLS with rustls when configured.

pub mod acting;
pub mod assisted;
mod backend;
mod bearer;
mod citizen;
pub mod dpo;
pub mod error;
mod extract;
pub mod feedback;
pub mod fhir;
pub mod ingest;
pub mod ingest_records;
pub mod ingest_relations;
pub mod kiosk;
pub mod openapi;
mod pool;
pub mod portal;
pub mod rate_limit;
mod request_log;
pub mod routes;
pub mod spec;
mod state;
pub mod systems_feed;
pub mod tls;
pub mod webhook;

pub use backend::Backend;
pub use error::{ApiError, ErrorBody};
pub use pool::StorePool;
pub use state::ServerState;

use crate::auth::{ApiKeys, JwksError, Verifier, VerifierSettings};
use crate::config::Server;
use crate::store::StoreError;
use crate::store::postgres::PgStore;
use rate_limit::RateLimiter;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Why the server could not start, or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("indsigt serve needs `{0}` in the configuration")]
    MissingKey(&'static str),
    #[error("`{0}` is not an address to listen on")]
    BadListen(String),
    #[error("cannot listen on {addr}: {detail}")]
    Listen { addr: String, detail: String },
    #[error("TLS: {0}")]
    Tls(String),
    #[error("store: {0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Postgres(crate::store::postgres::PgError),
    #[error("the server failed: {0}")]
    Failed(String),
    #[error(
        "the issuer's discovery document names issuer {found:?}, but server.issuer is {configured:?}"
    )]
    IssuerMismatch { configured: String, found: String },
    #[error("server.pepper_file: {0}")]
    Pepper(#[from] crate::auth::PepperError),
    #[error("the webhook secret of {system} ({path}): {problem}")]
    WebhookSecret {
        system: String,
        path: std::path::PathBuf,
        problem: webhook::SecretError,
    },
}

/// A started server.
#[derive(Debug)]
pub struct Running {
    pub addr: SocketAddr,
    pub tls: bool,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
    /// The webhook delivery task, when a system has a webhook.
    webhooks: Option<JoinHandle<()>>,
    /// PostgreSQL's upkeep: the schema retried until it answers, the monthly partitions.
    background: Vec<JoinHandle<()>>,
}

impl Running {
    /// The base URL, e.g. `http://127.0.0.1:41234`.
    pub fn url(&self) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://{}", self.addr)
    }

    /// Stops accepting, lets running requests finish, and waits.
    pub async fn stop(mut self) -> Result<(), ServeError> {
        if let Some(tx) = self.shutdown.take() {
            let _gone = tx.send(());
        }
        if let Some(task) = self.webhooks.take() {
            task.abort();
        }
        for task in self.background.drain(..) {
            task.abort();
        }
        self.wait().await
    }

    /// Waits until the server stops (on its own, only by an error).
    pub async fn wait(self) -> Result<(), ServeError> {
        match self.task.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(ServeError::Failed(e.to_string())),
            Err(e) => Err(ServeError::Failed(e.to_string())),
        }
    }
}

/// The state of a server for `settings`: the store pool, the token verifier, the limits.
pub fn state(settings: &Server) -> Result<ServerState, ServeError> {
    let issuer = settings
        .issuer
        .clone()
        .ok_or(ServeError::MissingKey("server.issuer"))?;
    let audience = settings
        .audience
        .clone()
        .ok_or(ServeError::MissingKey("server.audience"))?;
    let verifier = Verifier::new(VerifierSettings {
        issuer,
        audience,
        // With `cpr_claim`, the token's CPR number names the citizen (hashed before it is looked up).
        subject_claim: settings
            .cpr_claim
            .clone()
            .unwrap_or_else(|| settings.subject_claim.clone()),
        name_claim: Some(settings.name_claim.clone()).filter(|c| !c.is_empty()),
        privileges_claim: settings
            .representation
            .as_ref()
            .map(|r| r.privileges_claim.clone()),
        role_claim: None,
        jwks_max_age: Duration::from_secs(settings.jwks_max_age_secs),
        jwks_min_refresh: Duration::from_secs(settings.jwks_min_refresh_secs),
    });
    let keys = ApiKeys::new(
        settings
            .ingest_keys
            .iter()
            .map(|k| (k.system.as_str(), k.key_sha256.as_str())),
    )
    .map_err(|_| ServeError::MissingKey("server.ingest_keys"))?;
    let kiosks = kiosk::KioskRegistry::new(
        settings
            .kiosks
            .iter()
            .map(|k| (k.id.as_str(), k.location.as_str(), k.key_sha256.as_str())),
    )
    .map_err(|_| ServeError::MissingKey("server.kiosks"))?
    .with_staff_sign_in(
        settings
            .kiosks
            .iter()
            .filter(|k| k.staff_sign_in)
            .map(|k| k.id.as_str()),
    );
    let pepper = match &settings.pepper_file {
        Some(path) => Some(Arc::new(crate::auth::citizen_key::Pepper::from_file(path)?)),
        None if settings.cpr_claim.is_some()
            || settings.representation.is_some()
            || settings.staff.is_some() =>
        {
            return Err(ServeError::MissingKey("server.pepper_file"));
        }
        None => None,
    };
    let dpo_key = match &settings.dpo_key_sha256 {
        Some(hash) => Some(Arc::new(
            ApiKeys::new([("dpo", hash.as_str())])
                .map_err(|_| ServeError::MissingKey("server.dpo_key_sha256"))?,
        )),
        None => None,
    };
    let store = match &settings.postgres {
        Some(pg) => Backend::Postgres(PgStore::new(pg).map_err(ServeError::Postgres)?),
        None => Backend::Sqlite(StorePool::open(
            &settings.database,
            settings.pool_size as usize,
        )?),
    };
    let representation = settings.representation.as_ref().map(|r| {
        Arc::new(acting::RepresentationPolicy {
            see_privilege: r.see_privilege.clone(),
            act_privilege: r.act_privilege.clone(),
            child_age_limit: r.child_age_limit,
            relations_system: r.relations_system.clone(),
        })
    });
    let staff = settings.staff.as_ref().map(|st| {
        Arc::new(assisted::StaffPolicy {
            verifier: Verifier::new(VerifierSettings {
                issuer: st.issuer.clone(),
                audience: st.audience.clone(),
                subject_claim: "sub".into(),
                name_claim: Some(settings.name_claim.clone()).filter(|c| !c.is_empty()),
                privileges_claim: None,
                role_claim: Some(st.role_claim.clone()),
                jwks_max_age: Duration::from_secs(settings.jwks_max_age_secs),
                jwks_min_refresh: Duration::from_secs(settings.jwks_min_refresh_secs),
            }),
            role: st.role.clone(),
            session_secs: i64::try_from(st.session_max_secs).unwrap_or(1200),
        })
    });
    Ok(ServerState {
        staff,
        representation,
        dpo_key,
        pepper,
        cpr_claim: settings.cpr_claim.is_some(),
        store,
        verifier: Some(Arc::new(verifier)),
        limiter: Arc::new(RateLimiter::new(
            settings.rate_limit_per_minute,
            settings.rate_limit_burst,
        )),
        ingest_keys: Arc::new(keys),
        ingest_max_batch: settings.ingest_max_batch as usize,
        stale_after_secs: i64::from(settings.system_stale_after_hours) * 3600,
        kiosks: Arc::new(kiosks),
        show_employee_names: settings.show_employee_names,
        portal: portal::Portal::from_settings(settings)
            .map_err(|e| ServeError::Failed(e.to_string()))?
            .map(Arc::new),
    })
}

/// Starts the server on `listen` (or `settings.listen`) and returns once it accepts connections.
pub async fn start(settings: &Server, listen: Option<&str>) -> Result<Running, ServeError> {
    crate::server::tls::install_crypto_provider();
    let state = state(settings)?;
    let mut background = Vec::new();
    if let Backend::Postgres(pg) = &state.store {
        // A setting that cannot work stops the start; PostgreSQL not answering yet does not: the server
        // listens, /readyz answers 503, and the schema is prepared as soon as PostgreSQL answers.
        match pg.prepare(jiff::Timestamp::now()).await {
            Ok(()) => {}
            Err(e) if e.is_transient() => {
                tracing::warn!(error = %e, "PostgreSQL is not ready; retrying with backoff");
                background.push(pg.prepare_in_background());
            }
            Err(e) => return Err(ServeError::Postgres(e)),
        }
        background.push(crate::store::postgres::partitions::spawn(pg.clone()));
    }
    if let Some(verifier) = state.verifier.as_ref() {
        // The keys are fetched before the server listens. An issuer that spells itself differently from
        // the configuration stops the start; any other failure is logged, retried on the first request,
        // and /readyz answers 503 until the keys are loaded.
        if let Err(JwksError::IssuerMismatch { configured, found }) = verifier.warm_up().await {
            return Err(ServeError::IssuerMismatch { configured, found });
        }
    }
    if let Some(portal) = &state.portal {
        background.push(portal::Portal::spawn_sweeper(portal.clone()));
    }
    let listen = listen.unwrap_or(&settings.listen);
    let addr: SocketAddr = tokio::net::lookup_host(listen)
        .await
        .ok()
        .and_then(|mut addrs| addrs.next())
        .ok_or_else(|| ServeError::BadListen(listen.to_owned()))?;
    let tcp = TcpListener::bind(addr)
        .await
        .map_err(|e| ServeError::Listen {
            addr: addr.to_string(),
            detail: e.to_string(),
        })?;
    let local = tcp
        .local_addr()
        .map_err(|e| ServeError::Failed(e.to_string()))?;
    let webhooks = webhook::spawn(
        state.store.clone(),
        webhook_targets(settings)?,
        webhook_policy(settings),
        webhook::system_clock(),
    );
    let app = routes::router(state);
    let (tx, rx) = oneshot::channel::<()>();
    let shutdown = async move {
        let _either = rx.await;
    };
    let tls = match (&settings.tls_cert, &settings.tls_key) {
        (Some(cert), Some(key)) => Some(tls::server_config(cert, key).map_err(ServeError::Tls)?),
        (None, None) => None,
        (Some(_), None) => return Err(ServeError::MissingKey("server.tls_key")),
        (None, Some(_)) => return Err(ServeError::MissingKey("server.tls_cert")),
    };
    let is_tls = tls.is_some();
    let task = match tls {
        Some(config) => {
            let listener = tls::TlsListener::new(tcp, config)
                .map_err(|e| ServeError::Failed(e.to_string()))?;
            tokio::spawn(async move {
                axum::serve(listener, app)
                    .with_graceful_shutdown(shutdown)
                    .await
            })
        }
        None => {
            tokio::spawn(
                async move { axum::serve(tcp, app).with_graceful_shutdown(shutdown).await },
            )
        }
    };
    tracing::info!(addr = %local, tls = is_tls, "listening");
    Ok(Running {
        addr: local,
        tls: is_tls,
        shutdown: Some(tx),
        task,
        webhooks,
        background,
    })
}

/// The systems with a webhook, each with its secret read from its file.
pub fn webhook_targets(settings: &Server) -> Result<Vec<webhook::Target>, ServeError> {
    let mut targets = Vec::new();
    for key in &settings.ingest_keys {
        let (Some(url), Some(path)) = (&key.webhook_url, &key.webhook_secret_file) else {
            continue;
        };
        let secret = webhook::read_secret(path).map_err(|problem| ServeError::WebhookSecret {
            system: key.system.clone(),
            path: path.clone(),
            problem,
        })?;
        targets.push(webhook::Target::new(&key.system, url, secret));
    }
    Ok(targets)
}

/// The retry policy of `[server] webhook_…`.
pub fn webhook_policy(settings: &Server) -> webhook::Policy {
    webhook::Policy {
        base: Duration::from_secs(settings.webhook_retry_base_secs),
        max: webhook::MAX_BACKOFF,
        give_up_after: Duration::from_secs(u64::from(settings.webhook_give_up_hours) * 3600),
        timeout: Duration::from_secs(settings.webhook_timeout_secs),
        poll: Duration::from_secs(1),
    }
}
