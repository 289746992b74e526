//! The kiosk program: the terminal, the event loop, and the effect runner. The only place with IO.

pub mod frames;
mod input;
pub mod pin;
mod purge;
mod runner;
pub mod speech;
mod terminal;

use crate::config::{Config, SourceKind};
use crate::kiosk::Model;
use crate::source::{DataSource, HttpSource, LocalSource};
use crate::ui::Theme;
use std::sync::Arc;

pub use runner::run_effect;

/// What can stop the kiosk before or while it runs. Each maps to a localized sentence.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("the data store {path} could not be opened: {error}")]
    Store {
        path: std::path::PathBuf,
        error: crate::store::StoreError,
    },
    #[error("sign-in cannot be set up: {0}")]
    SignIn(String),
    #[error("the connection to the server could not be set up: {0}")]
    Http(String),
    #[error("the terminal could not be used: {0}")]
    Terminal(String),
}

/// Opens the data source the config names.
pub fn open_source(config: &Config) -> Result<Arc<dyn DataSource>, AppError> {
    match config.source.kind {
        SourceKind::Local => {
            let source =
                LocalSource::open_or_create_demo(&config.source.path).map_err(|error| {
                    AppError::Store {
                        path: config.source.path.clone(),
                        error,
                    }
                })?;
            Ok(Arc::new(source))
        }
        SourceKind::Http => {
            let source =
                HttpSource::from_config(config).map_err(|e| AppError::Http(e.to_string()))?;
            Ok(Arc::new(source))
        }
    }
}

/// The sign-in broker for `[auth] kind = "device"`; none for demo sign-in.
fn open_broker(config: &Config) -> Result<Option<Arc<dyn crate::auth::Broker>>, AppError> {
    match config.auth.kind {
        crate::config::AuthKind::Demo => Ok(None),
        crate::config::AuthKind::Device => {
            let options = crate::auth::BrokerOptions::from_config(config).ok_or_else(|| {
                AppError::SignIn("[auth] issuer and client_id are required".into())
            })?;
            let broker = crate::auth::OidcBroker::new(options)
                .map_err(|e| AppError::SignIn(e.to_string()))?;
            Ok(Some(Arc::new(broker)))
        }
    }
}

/// The staff issuer's broker for `[auth.staff]`; none when sign-in with staff is not offered.
fn open_staff_broker(config: &Config) -> Result<Option<Arc<dyn crate::auth::Broker>>, AppError> {
    let (crate::config::AuthKind::Device, Some(s)) = (config.auth.kind, &config.auth.staff) else {
        return Ok(None);
    };
    let options = crate::auth::BrokerOptions {
        issuer: s.issuer.clone(),
        client_id: s.client_id.clone(),
        scope: s.scope.clone().unwrap_or_else(|| "openid".into()),
        resource: s.audience.clone(),
        ca_file: config.source.ca_file.clone(),
        timeout: std::time::Duration::from_secs(config.source.request_timeout_secs.max(1)),
    };
    let broker =
        crate::auth::OidcBroker::new(options).map_err(|e| AppError::SignIn(e.to_string()))?;
    Ok(Some(Arc::new(broker)))
}

/// Logs go to the file in `INDSIGT_LOG_FILE` (level from `INDSIGT_LOG`, default `info`), never to the
/// screen. They hold ids, screen names, timings and errors, never personal data.
fn init_logging() {
    let Some(path) = std::env::var_os("INDSIGT_LOG_FILE") else {
        return;
    };
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
    else {
        return;
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("INDSIGT_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(std::sync::Mutex::new(file))
        .try_init();
}

/// On a panic anywhere: restore the terminal, wipe the screen and the scrollback, and exit non-zero so the
/// supervisor starts a fresh kiosk. Nothing of the session survives; the panic text is not shown.
fn install_crash_guard() {
    std::panic::set_hook(Box::new(|info| {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
        ratatui::restore();
        purge::purge_stdout();
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()));
        tracing::error!(location = ?place, "the kiosk panicked; restarting");
        eprintln!(
            "{}",
            crate::i18n::t(crate::i18n::terminal_lang(), "app-crashed")
        );
        std::process::exit(70);
    }));
}

/// Runs the kiosk until it is quit.
pub fn run_kiosk(config: Config) -> Result<(), AppError> {
    init_logging();
    install_crash_guard();
    let source = open_source(&config)?;
    let theme = Theme::from_env(std::env::var("NO_COLOR").ok().as_deref());
    let settings = config.kiosk_settings();
    let model = Model::new(settings, jiff::Timestamp::now());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| AppError::Terminal(e.to_string()))?;
    let brokers = runner::Brokers {
        citizen: open_broker(&config)?,
        staff: open_staff_broker(&config)?,
    };
    runtime.block_on(terminal::run(
        model,
        theme,
        source,
        config.kiosk.operator_pin_hash.clone(),
        brokers,
        speech_options(&config),
    ))
}

/// Read-aloud as configured. `INDSIGT_SPEECH_WAV` sends the speech to that WAV file instead of the
/// sound device (for tests on machines without one).
fn speech_options(config: &Config) -> speech::SpeechOptions {
    let output = match std::env::var_os("INDSIGT_SPEECH_WAV") {
        Some(path) if !path.is_empty() => speech::Output::Wav(path.into()),
        _ => speech::Output::Device,
    };
    speech::SpeechOptions {
        enabled: config.kiosk.read_aloud,
        program: config.kiosk.speech_program.clone(),
        private_audio: config.kiosk.private_audio,
        output,
    }
}
