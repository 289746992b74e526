//! The command line: `indsigt [kiosk]`, `indsigt demo-data`, `indsigt check-config`, `indsigt serve`.
//!
//! `main.rs` parses [`Cli`], calls [`run`], and turns a [`CliError`] into its message and exit code.

use crate::app::{self, AppError};
use crate::config::{Config, ConfigErrors, summary};
use crate::domain::Lang;
use crate::i18n::{terminal_lang, tr};
use crate::server::{self, ServeError};
use crate::store::demo::{DemoError, DemoOptions, write_demo_database};
use clap::{Args, Parser, Subcommand};
use std::path::{Path, PathBuf};

/// Indsigt: see what your municipality knows about you.
#[derive(Debug, Parser)]
#[command(name = "indsigt", version, about)]
pub struct Cli {
    /// A TOML file merged over the built-in defaults (config/default.toml), key by key.
    #[arg(long, global = true, value_name = "FILE", env = "INDSIGT_CONFIG")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the kiosk (the default).
    Kiosk,
    /// Write a demo database with made-up citizens.
    DemoData(DemoDataArgs),
    /// Check the configuration and print every problem, or OK and a summary.
    CheckConfig,
    /// Read an operator PIN (4–12 digits) from standard input and print its hash for
    /// `[kiosk] operator_pin_hash`.
    HashPin,
    /// Serve the HTTP API for kiosks and line-of-business systems (the `[server]` section).
    Serve(ServeArgs),
    /// The processing catalogue (docs/catalogue.md): check a folder of TOML files, or import it.
    #[command(subcommand)]
    Catalogue(CatalogueCommand),
    /// Load a system's export (one JSON object a line) into `[server] database` (or `[server.postgres]`); a
    /// second run of the same
    /// file resumes where the first stopped.
    Ingest(IngestArgs),
    /// The answers to "Was this understandable?" at sign-out.
    #[command(subcommand)]
    Feedback(FeedbackCommand),
    /// The citizens' reports, for the data protection officer (on `[server] database` or `[server.postgres]`).
    #[command(subcommand)]
    Reports(dpo::ReportsCommand),
    /// The requests sent to systems: `failed` lists webhook deliveries that keep failing.
    #[command(subcommand)]
    Requests(dpo::RequestsCommand),
}

/// `indsigt feedback …`
#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum FeedbackCommand {
    /// Print the shares of each answer per ISO week and kiosk, from the configured database
    /// (`[server.postgres]` when set, `[server] database` on a server or for an HTTP kiosk, else `[source] path`).
    Report {
        /// How many weeks back, this week included (1 to 520).
        #[arg(long, default_value_t = 8)]
        weeks: u32,
    },
}

/// The arguments of `indsigt ingest`.
#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct IngestArgs {
    /// The sending system: a catalogue system's id or name.
    #[arg(long, value_name = "NAME")]
    pub system: String,
    /// What the lines are: holdings, consents, decisions or access-events.
    #[arg(long, default_value = "holdings", value_parser = ["holdings", "consents", "decisions", "access-events"])]
    pub kind: String,
    /// The JSONL file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// The arguments of `indsigt serve`.
#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct ServeArgs {
    /// The address to listen on (host:port), instead of `[server] listen`.
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
}

/// The arguments of `indsigt demo-data`.
#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct DemoDataArgs {
    /// The SQLite file to write.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// How many demo citizens.
    #[arg(long, default_value_t = 6)]
    pub citizens: u32,
    /// Access-log entries for the one citizen with a heavy log.
    #[arg(long, default_value_t = 100_000)]
    pub heavy_events: u64,
    /// Access-log entries for each other citizen.
    #[arg(long, default_value_t = 200)]
    pub events_per_citizen: u32,
    /// The seed of the generator; the same seed gives the same data.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Overwrite PATH if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Why a command failed. Each has a localized message and an exit code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Config(#[from] ConfigErrors),
    #[error(transparent)]
    App(#[from] AppError),
    #[error(transparent)]
    Demo(#[from] DemoError),
    #[error("the PIN must be 4 to 12 digits")]
    BadPin,
    #[error(transparent)]
    Serve(#[from] ServeError),
    #[error("{0}")]
    Catalogue(#[from] crate::catalogue::CatalogueErrors),
    #[error(transparent)]
    CatalogueImport(#[from] crate::store::ImportError),
    #[error(transparent)]
    Ingest(#[from] crate::ingest::command::IngestCommandError),
    #[error("--weeks must be 1 to {max}, not {got}")]
    FeedbackWeeks { got: u32, max: u32 },
    #[error("there is no database at {0}")]
    FeedbackNoDatabase(PathBuf),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Requests(#[from] dpo::RequestsCliError),
}

impl CliError {
    /// 1 for a bad configuration or a failed run (clap exits 2 for usage errors).
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Config(_)
            | CliError::App(_)
            | CliError::Demo(_)
            | CliError::BadPin
            | CliError::Serve(_)
            | CliError::Catalogue(_)
            | CliError::CatalogueImport(_)
            | CliError::Ingest(_)
            | CliError::FeedbackWeeks { .. }
            | CliError::FeedbackNoDatabase(_)
            | CliError::Store(_)
            | CliError::Requests(_) => 1,
        }
    }
}

/// Runs the parsed command.
pub fn run(cli: Cli) -> Result<(), CliError> {
    let config_file = cli.config.as_deref();
    match cli.command.unwrap_or(Command::Kiosk) {
        Command::Kiosk => {
            let config = Config::load(config_file)?;
            app::run_kiosk(config)?;
            Ok(())
        }
        Command::DemoData(args) => demo_data(&args),
        Command::CheckConfig => check_config(config_file, terminal_lang()),
        Command::HashPin => hash_pin(),
        Command::Serve(args) => serve(config_file, &args),
        Command::Catalogue(command) => catalogue::run(config_file, &command, terminal_lang()),
        Command::Ingest(a) => {
            crate::ingest::command::run(config_file, &a.system, &a.kind, &a.file, terminal_lang())
        }
        Command::Feedback(FeedbackCommand::Report { weeks }) => {
            feedback_report(config_file, weeks, terminal_lang())
        }
        Command::Reports(command) => dpo::reports(config_file, &command, terminal_lang()),
        Command::Requests(command) => dpo::requests(config_file, &command, terminal_lang()),
    }
}

/// `indsigt feedback report [--weeks N]`.
fn feedback_report(file: Option<&Path>, weeks: u32, lang: Lang) -> Result<(), CliError> {
    use crate::feedback_report::{MAX_WEEKS, database, lines, since};
    if !(1..=MAX_WEEKS).contains(&weeks) {
        return Err(CliError::FeedbackWeeks {
            got: weeks,
            max: MAX_WEEKS,
        });
    }
    let config = Config::load(file)?;
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(crate::i18n::copenhagen())
        .date();
    let from = since(today, weeks);
    // A server on PostgreSQL keeps the kiosks' answers there.
    let counts = if let Some(settings) = &config.server.postgres {
        let pg = pg::Pg::open(settings, jiff::Timestamp::now())?;
        pg.block_on(pg.store().feedback_counts(from))?
    } else {
        let path = database(&config);
        // Opening would create an empty file: a report never writes where there was nothing.
        if !path.exists() {
            return Err(CliError::FeedbackNoDatabase(path.to_owned()));
        }
        crate::store::Store::open(path)?.feedback_counts(from)?
    };
    for line in lines(lang, weeks, &counts) {
        crate::cli::say(format_args!("{line}"));
    }
    Ok(())
}

/// `indsigt serve`: logs to standard error (`INDSIGT_LOG` filters, default `info`) and serves until
/// interrupted (Ctrl-C or SIGTERM).
fn serve(file: Option<&Path>, args: &ServeArgs) -> Result<(), CliError> {
    let config = Config::load(file)?;
    let filter = tracing_subscriber::EnvFilter::try_from_env("INDSIGT_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _already = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| ServeError::Failed(e.to_string()))?;
    runtime.block_on(async {
        let running = server::start(&config.server, args.listen.as_deref()).await?;
        let scheme = if running.tls { "https" } else { "http" };
        eprintln!(
            "{}",
            tr(
                terminal_lang(),
                "serve-listening",
                &[
                    ("addr", running.addr.to_string().into()),
                    ("scheme", scheme.into()),
                ],
            )
        );
        stop_signal().await;
        running.stop().await?;
        Ok(())
    })
}

async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _interrupted = tokio::signal::ctrl_c().await;
}

fn check_config(file: Option<&Path>, lang: Lang) -> Result<(), CliError> {
    let config = Config::load(file)?;
    // PostgreSQL is checked by connecting: a wrong password, a missing database or a server without TLS is
    // found here, each with its own sentence, before `serve` is started.
    let postgres = match &config.server.postgres {
        Some(settings) => Some(check_postgres(settings)?),
        None => None,
    };
    for line in summary(lang, &config, file) {
        crate::cli::say(format_args!("{line}"));
    }
    if let Some(version) = postgres {
        crate::cli::say(format_args!(
            "{}",
            tr(
                lang,
                "config-summary-postgres",
                &[("version", version.into())]
            )
        ));
    }
    Ok(())
}

/// Connects once to the configured PostgreSQL and answers its version.
fn check_postgres(settings: &crate::config::Postgres) -> Result<String, CliError> {
    let failed = |e: crate::store::postgres::PgError| CliError::Serve(ServeError::Postgres(e));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Serve(ServeError::Failed(e.to_string())))?;
    runtime
        .block_on(crate::store::postgres::check(settings))
        .map_err(failed)
}

/// `indsigt hash-pin`: the PIN comes on standard input, so it is not in the shell history.
fn hash_pin() -> Result<(), CliError> {
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|_| CliError::BadPin)?;
    let pin = line.trim();
    if !(4..=12).contains(&pin.len()) || !pin.chars().all(|c| c.is_ascii_digit()) {
        zeroize::Zeroize::zeroize(&mut line);
        return Err(CliError::BadPin);
    }
    let hashed = crate::app::pin::hash(pin).map_err(|_| CliError::BadPin);
    zeroize::Zeroize::zeroize(&mut line);
    crate::cli::say(format_args!("{}", hashed?));
    Ok(())
}

/// `indsigt demo-data`: writes a demo database and prints what it holds.
fn demo_data(args: &DemoDataArgs) -> Result<(), CliError> {
    let lang = terminal_lang();
    let heavy_events = u32::try_from(args.heavy_events).unwrap_or(u32::MAX);
    let opts = DemoOptions {
        citizens: args.citizens,
        heavy_events,
        events_per_citizen: args.events_per_citizen,
        seed: args.seed,
        overwrite: args.force,
    };
    let summary = write_demo_database(&args.out, &opts)?;
    crate::cli::say(format_args!(
        "{}",
        tr(
            lang,
            "demo-data-written",
            &[
                ("path", args.out.display().to_string().into()),
                ("citizens", summary.citizens.to_string().into()),
                ("events", summary.access_events.to_string().into()),
                ("deferred", summary.deferred_events.to_string().into()),
                ("categories", summary.categories.to_string().into()),
                ("consents", summary.consents.to_string().into()),
                ("decisions", summary.decision_support.to_string().into()),
                ("heavy", summary.heavy_citizen.to_string().into()),
            ],
        )
    ));
    Ok(())
}

pub mod catalogue;
pub mod dpo;
pub mod pg;

pub use catalogue::CatalogueCommand;

/// Prints one line on standard output. A reader that has gone (`indsigt … | head`) makes the rest of the output
/// go nowhere instead of a panic, as `println!` would give.
pub fn say(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _gone_reader = writeln!(std::io::stdout().lock(), "{line}");
}

#[cfg(test)]
mod tests;
