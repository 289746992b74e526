//! The kiosk program: the terminal, the event loop, and the effect runner. The only place with IO.

mod input;
mod runner;
mod terminal;

use crate::config::{Config, SourceKind};
use crate::domain::Lang;
use crate::i18n::tr;
use crate::kiosk::{Model, Settings};
use crate::source::{DataSource, HttpSource, LocalSource};
use crate::ui::Theme;
use std::sync::Arc;

pub use runner::run_effect;

/// What can stop the kiosk before or while it runs. Each maps to a localized sentence.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("the data store could not be opened: {0}")]
    Store(String),
    #[error("this kind of data source is not available yet: {0}")]
    SourceKind(&'static str),
    #[error("the connection to the server could not be set up: {0}")]
    Http(String),
    #[error("the terminal could not be used: {0}")]
    Terminal(String),
}

impl AppError {
    /// The sentence for the operator, in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            AppError::Store(detail) => tr(
                lang,
                "app-error-store",
                &[("detail", detail.clone().into())],
            ),
            AppError::SourceKind(kind) => {
                tr(lang, "app-error-source-kind", &[("kind", (*kind).into())])
            }
            AppError::Http(detail) => tr(
                lang,
                "app-error-http-source",
                &[("detail", detail.clone().into())],
            ),
            AppError::Terminal(detail) => tr(
                lang,
                "app-error-terminal",
                &[("detail", detail.clone().into())],
            ),
        }
    }
}

/// Opens the data source the config names.
pub fn open_source(config: &Config) -> Result<Arc<dyn DataSource>, AppError> {
    match config.source.kind {
        SourceKind::Local => {
            let source = LocalSource::open_or_create_demo(&config.source.path).map_err(|e| {
                AppError::Store(format!(
                    "{}: {}",
                    config.source.path.display(),
                    e.localized(crate::cli::terminal_lang())
                ))
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

/// Runs the kiosk until it is quit.
pub fn run_kiosk(config: Config) -> Result<(), AppError> {
    let source = open_source(&config)?;
    let theme = Theme::from_env(std::env::var("NO_COLOR").ok().as_deref());
    let settings = Settings::from_config(&config);
    let model = Model::new(settings, jiff::Timestamp::now());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| AppError::Terminal(e.to_string()))?;
    runtime.block_on(terminal::run(model, theme, source))
}
