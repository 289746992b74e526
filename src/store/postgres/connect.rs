//! Connecting to PostgreSQL: the settings of `[server.postgres]` into a pool, with TLS by rustls (ring) or,
//! on loopback only, without. Each way a connection can fail has its own error and sentence.

use crate::config::{PgTls, Postgres};
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use std::path::PathBuf;
use std::time::Duration;
use tokio_postgres::config::Host;

/// The environment variable with the password, when `password_file` is not set.
pub const PASSWORD_ENV: &str = "INDSIGT_PG_PASSWORD";

/// Why PostgreSQL could not be used. The details never hold the password.
#[derive(Debug, thiserror::Error)]
pub enum PgError {
    #[error("server.postgres.url is not a PostgreSQL address: {0}")]
    BadUrl(String),
    #[error("server.postgres.url holds a password; put it in password_file or {PASSWORD_ENV}")]
    PasswordInUrl,
    #[error("server.postgres.password_file {path}: {reason}")]
    PasswordFile { path: PathBuf, reason: String },
    #[error("server.postgres.ca_file: {0}")]
    CaFile(String),
    #[error("server.postgres.tls = \"disable\" is allowed only on loopback or a socket, not {0}")]
    PlainOverNetwork(String),
    #[error("PostgreSQL does not answer at {0}")]
    Unreachable(String),
    #[error("PostgreSQL refused the password for user {0}")]
    WrongPassword(String),
    #[error("PostgreSQL asks user {0} for a password, and none is set")]
    NoPassword(String),
    #[error("PostgreSQL has no database {0}")]
    NoDatabase(String),
    #[error("PostgreSQL at {0} does not offer TLS")]
    TlsRefused(String),
    #[error("PostgreSQL's certificate was not accepted: {0}")]
    BadCertificate(String),
    #[error("the database has schema version {found}; this program supports up to {supported}")]
    NewerSchema { found: i64, supported: i64 },
    #[error("PostgreSQL: {0}")]
    Other(String),
}

impl PgError {
    /// The Fluent message id of the sentence shown to the operator.
    pub fn message_id(&self) -> &'static str {
        match self {
            PgError::BadUrl(_) => "error-pg-bad-url",
            PgError::PasswordInUrl => "error-pg-password-in-url",
            PgError::PasswordFile { .. } => "error-pg-password-file",
            PgError::CaFile(_) => "error-pg-ca-file",
            PgError::PlainOverNetwork(_) => "error-pg-plain-over-network",
            PgError::Unreachable(_) => "error-pg-unreachable",
            PgError::WrongPassword(_) => "error-pg-wrong-password",
            PgError::NoPassword(_) => "error-pg-no-password",
            PgError::NoDatabase(_) => "error-pg-no-database",
            PgError::TlsRefused(_) => "error-pg-tls-refused",
            PgError::BadCertificate(_) => "error-pg-bad-certificate",
            PgError::NewerSchema { .. } => "error-store-newer-schema",
            PgError::Other(_) => "error-pg-other",
        }
    }

    /// Whether trying again later may help (the server is down or starting), as opposed to a setting to fix.
    pub fn is_transient(&self) -> bool {
        matches!(self, PgError::Unreachable(_) | PgError::Other(_))
    }

    pub(crate) fn from_pg(e: tokio_postgres::Error) -> PgError {
        classify(&e, "", "", "")
    }

    pub(crate) fn from_pool(e: deadpool_postgres::PoolError) -> PgError {
        match e {
            deadpool_postgres::PoolError::Backend(e) => PgError::from_pg(e),
            deadpool_postgres::PoolError::Timeout(_) => PgError::Unreachable(String::new()),
            other => PgError::Other(other.to_string()),
        }
    }
}

/// The tokio-postgres configuration of `[server.postgres]`, with the password from its file or the
/// environment.
pub fn connect_config(settings: &Postgres) -> Result<tokio_postgres::Config, PgError> {
    let mut config: tokio_postgres::Config = settings
        .url
        .parse()
        .map_err(|e: tokio_postgres::Error| PgError::BadUrl(e.to_string()))?;
    if config.get_password().is_some() {
        return Err(PgError::PasswordInUrl);
    }
    if let Some(password) = password(settings)? {
        config.password(password.as_bytes());
    }
    config.connect_timeout(Duration::from_secs(settings.connect_timeout_secs.max(1)));
    config.application_name("indsigt");
    // Generic plans for every statement, from the first run. The access-log page's custom plan is
    // made before the citizen's and the area's ids are known (they are found in the statement itself), and
    // for a citizen with a big log and a filter it picked a sort of all their entries (44 ms at 2M events);
    // the generic plan reads the monthly partitions' indexes in order (4 ms). PostgreSQL's default would
    // use the custom plan for the first five runs on each connection. A URL that sets `options` keeps them.
    if config.get_options().is_none() {
        config.options("-c plan_cache_mode=force_generic_plan");
    }
    config.ssl_mode(match settings.tls {
        PgTls::Require => tokio_postgres::config::SslMode::Require,
        PgTls::Disable => tokio_postgres::config::SslMode::Disable,
    });
    if settings.tls == PgTls::Disable
        && let Some(host) = config.get_hosts().iter().find(|h| !is_local(h))
    {
        return Err(PgError::PlainOverNetwork(host_name(host)));
    }
    Ok(config)
}

fn password(settings: &Postgres) -> Result<Option<zeroize::Zeroizing<String>>, PgError> {
    if let Some(path) = &settings.password_file {
        let text = std::fs::read_to_string(path).map_err(|e| PgError::PasswordFile {
            path: path.clone(),
            reason: e.kind().to_string(),
        })?;
        let text = zeroize::Zeroizing::new(text);
        let line = text.lines().next().unwrap_or("").trim_end();
        if line.is_empty() {
            return Err(PgError::PasswordFile {
                path: path.clone(),
                reason: "empty".into(),
            });
        }
        return Ok(Some(zeroize::Zeroizing::new(line.to_owned())));
    }
    Ok(std::env::var(PASSWORD_ENV)
        .ok()
        .filter(|p| !p.is_empty())
        .map(zeroize::Zeroizing::new))
}

fn is_local(host: &Host) -> bool {
    match host {
        Host::Unix(_) => true,
        Host::Tcp(name) => {
            name.eq_ignore_ascii_case("localhost")
                || name
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
    }
}

fn host_name(host: &Host) -> String {
    match host {
        Host::Unix(path) => path.display().to_string(),
        Host::Tcp(name) => name.clone(),
    }
}

/// The pool for `settings`. Connections are made when first used.
pub fn pool(settings: &Postgres) -> Result<Pool, PgError> {
    let config = connect_config(settings)?;
    let manager_config = ManagerConfig {
        recycling_method: RecyclingMethod::Fast,
    };
    let manager = match settings.tls {
        PgTls::Disable => {
            Manager::from_config(config.clone(), tokio_postgres::NoTls, manager_config)
        }
        PgTls::Require => {
            let tls = crate::source::http::tls::client_config(settings.ca_file.as_deref())
                .map_err(|e| PgError::CaFile(e.to_string()))?;
            let connector = tokio_postgres_rustls::MakeRustlsConnect::new(tls);
            Manager::from_config(config.clone(), connector, manager_config)
        }
    };
    let timeout = Some(Duration::from_secs(settings.connect_timeout_secs.max(1)));
    Pool::builder(manager)
        .max_size(settings.pool_size.max(1) as usize)
        .runtime(Runtime::Tokio1)
        .wait_timeout(timeout)
        .create_timeout(timeout)
        .recycle_timeout(timeout)
        .build()
        .map_err(|e| PgError::Other(e.to_string()))
}

/// The user, database and hosts of `settings`, to name them in an error.
fn names(settings: &Postgres) -> (String, String, String) {
    let Ok(config) = settings.url.parse::<tokio_postgres::Config>() else {
        return Default::default();
    };
    let user = config.get_user().unwrap_or("").to_owned();
    let db = config.get_dbname().unwrap_or(&user).to_owned();
    let hosts = config
        .get_hosts()
        .iter()
        .map(host_name)
        .collect::<Vec<_>>()
        .join(",");
    (user, db, hosts)
}

/// A failed connection from the pool, named with the settings' user, database and hosts.
pub(crate) fn pool_error(e: deadpool_postgres::PoolError, settings: &Postgres) -> PgError {
    let (user, db, hosts) = names(settings);
    match e {
        deadpool_postgres::PoolError::Backend(e) => classify(&e, &user, &db, &hosts),
        deadpool_postgres::PoolError::Timeout(_) => PgError::Unreachable(hosts),
        other => PgError::Other(other.to_string()),
    }
}

/// Opens one connection and reads the server's version: `check-config`'s test of the settings, which
/// tells a wrong password, a missing database and a server without TLS apart.
pub async fn check(settings: &Postgres) -> Result<String, PgError> {
    connect_config(settings)?;
    let (user, db, hosts) = names(settings);
    let pool = pool(settings)?;
    let client = pool.get().await.map_err(|e| pool_error(e, settings))?;
    let row = client
        .query_one("SHOW server_version", &[])
        .await
        .map_err(|e| classify(&e, &user, &db, &hosts))?;
    Ok(row.get(0))
}

fn classify(e: &tokio_postgres::Error, user: &str, db: &str, hosts: &str) -> PgError {
    if let Some(db_error) = e.as_db_error() {
        return match db_error.code().code() {
            "28P01" | "28000" => PgError::WrongPassword(user.to_owned()),
            "3D000" => PgError::NoDatabase(db.to_owned()),
            _ => PgError::Other(format!(
                "{}: {}",
                db_error.code().code(),
                db_error.message()
            )),
        };
    }
    let text = e.to_string();
    let source = std::error::Error::source(e)
        .map(|s| s.to_string())
        .unwrap_or_default();
    if text.contains("TLS") && source.contains("does not support TLS")
        || source.contains("server does not support TLS")
    {
        return PgError::TlsRefused(hosts.to_owned());
    }
    if text.contains("password missing") || source.contains("password missing") {
        return PgError::NoPassword(user.to_owned());
    }
    if source.contains("certificate") || source.contains("InvalidCertificate") {
        return PgError::BadCertificate(source);
    }
    if text.contains("error connecting") || text.contains("timeout") || e.is_closed() {
        return PgError::Unreachable(hosts.to_owned());
    }
    PgError::Other(if source.is_empty() { text } else { source })
}
