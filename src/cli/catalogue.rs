//! `indsigt catalogue check DIR` and `indsigt catalogue import DIR` (into `[server] database`, or
//! `[server.postgres]` when it is set).

use super::CliError;
use crate::config::Config;
use crate::domain::Lang;
use crate::i18n::tr;
use clap::Subcommand;
use std::path::{Path, PathBuf};

/// `indsigt catalogue …`
#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum CatalogueCommand {
    /// Check a catalogue folder and print every problem, or OK and a summary.
    Check {
        /// The folder of TOML files.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Check a catalogue folder and import it into `[server] database` (or `[server.postgres]`) as a new version.
    Import {
        /// The folder of TOML files.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

/// `indsigt catalogue check DIR` and `indsigt catalogue import DIR`.
pub fn run(file: Option<&Path>, command: &CatalogueCommand, lang: Lang) -> Result<(), CliError> {
    match command {
        CatalogueCommand::Check { dir } => {
            let catalogue = crate::catalogue::load(dir)?;
            for line in crate::catalogue::summary(lang, &catalogue, dir) {
                crate::cli::say(format_args!("{line}"));
            }
            Ok(())
        }
        CatalogueCommand::Import { dir } => {
            let (catalogue, digest) = crate::catalogue::load_with_digest(dir)?;
            let config = Config::load(file)?;
            let now = jiff::Timestamp::now();
            let source = dir.display().to_string();
            let (database, done) = match &config.server.postgres {
                Some(pg) => (
                    pg.url.clone(),
                    import_into_postgres(pg, &catalogue, &source, &digest, now)?,
                ),
                None => {
                    let database = &config.server.database;
                    let mut store = crate::store::Store::open(database)
                        .map_err(crate::store::ImportError::from)?;
                    let done =
                        store.import_catalogue(&catalogue, &source, &digest, now.as_second())?;
                    (database.display().to_string(), done)
                }
            };
            crate::cli::say(format_args!(
                "{}",
                tr(
                    lang,
                    "catalogue-imported",
                    &[
                        ("dir", source.into()),
                        ("database", database.into()),
                        ("version", done.version.into()),
                    ],
                )
            ));
            Ok(())
        }
    }
}

/// The import into `[server.postgres]` (the schema brought up to date first, as `serve` does).
fn import_into_postgres(
    settings: &crate::config::Postgres,
    catalogue: &crate::catalogue::Catalogue,
    source: &str,
    digest: &str,
    now: jiff::Timestamp,
) -> Result<crate::store::Imported, CliError> {
    let pg = super::pg::Pg::open(settings, now)?;
    Ok(pg.block_on(
        pg.store()
            .import_catalogue(catalogue, source, digest, now.as_second()),
    )?)
}
