//! `indsigt ingest --system NAME [--kind holdings|consents|decisions|access-events] FILE.jsonl`: the command's edge,
//! with the progress line on standard error (when it is a terminal) and the localized summary.

use super::load::{LoadError, LoadKind, Loaded, load};
use super::target::Target;
use crate::auth::citizen_key::{Pepper, PepperError};
use crate::config::Config;
use crate::domain::Lang;
use crate::i18n::tr;
use crate::store::Store;
use std::path::Path;

/// Why `indsigt ingest` could not run to the end.
#[derive(Debug, thiserror::Error)]
pub enum IngestCommandError {
    #[error("indsigt ingest needs `server.pepper_file` in the configuration")]
    NoPepper,
    #[error("unknown kind {0}")]
    UnknownKind(String),
    #[error(transparent)]
    Pepper(#[from] PepperError),
    #[error(transparent)]
    Load(#[from] LoadError),
}

impl IngestCommandError {
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            IngestCommandError::NoPepper => tr(lang, "ingest-no-pepper", &[]),
            IngestCommandError::UnknownKind(k) => {
                tr(lang, "ingest-unknown-kind", &[("kind", k.clone().into())])
            }
            IngestCommandError::Pepper(e) => e.localized(lang),
            IngestCommandError::Load(LoadError::File { path, detail }) => tr(
                lang,
                "ingest-file-unreadable",
                &[
                    ("path", path.clone().into()),
                    ("detail", detail.clone().into()),
                ],
            ),
            IngestCommandError::Load(LoadError::Read { line }) => {
                tr(lang, "ingest-read-failed", &[("line", (*line).into())])
            }
            IngestCommandError::Load(LoadError::Store(e)) => e.localized(lang),
        }
    }
}

/// Runs the command; prints the summary on standard output.
pub fn run(
    config_file: Option<&Path>,
    system: &str,
    kind: &str,
    file: &Path,
    lang: Lang,
) -> Result<(), crate::cli::CliError> {
    let parsed =
        LoadKind::from_code(kind).ok_or_else(|| IngestCommandError::UnknownKind(kind.into()))?;
    let config = Config::load(config_file)?;
    let pepper_file = config
        .server
        .pepper_file
        .as_ref()
        .ok_or(IngestCommandError::NoPepper)?;
    let pepper = Pepper::from_file(pepper_file).map_err(IngestCommandError::from)?;
    let store_error = |e| IngestCommandError::Load(LoadError::Store(e));
    let mut sqlite;
    let pg;
    let mut target = match &config.server.postgres {
        Some(settings) => {
            pg = crate::cli::pg::Pg::open(settings, jiff::Timestamp::now())?;
            Target::Postgres(&pg)
        }
        None => {
            sqlite = Store::open(&config.server.database).map_err(store_error)?;
            Target::Sqlite(&mut sqlite)
        }
    };
    // A bar on standard error (indicatif draws nothing when it is not a terminal): bytes done of the
    // file, the rate and the time left. It shows no line content, so nothing personal.
    let bar = indicatif::ProgressBar::with_draw_target(
        None,
        indicatif::ProgressDrawTarget::stderr_with_hz(4),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{wide_bar} {percent:>3} %  {binary_bytes}/{binary_total_bytes}  {binary_bytes_per_sec}  {eta}",
    ) {
        bar.set_style(style);
    }
    let progress = |done: u64, total: u64| {
        bar.set_length(total);
        bar.set_position(done);
    };
    let loaded = load(&mut target, &pepper, system, parsed, file, lang, progress);
    bar.finish_and_clear();
    let loaded = loaded.map_err(IngestCommandError::from)?;
    for line in summary(lang, file, &loaded) {
        crate::cli::say(format_args!("{line}"));
    }
    Ok(())
}

/// The summary: counts, where it resumed, and each rejected line with its number.
pub fn summary(lang: Lang, file: &Path, loaded: &Loaded) -> Vec<String> {
    let t = &loaded.tally;
    let mut out = Vec::new();
    if loaded.resumed_after_line > 0 {
        out.push(tr(
            lang,
            "ingest-resumed",
            &[("line", loaded.resumed_after_line.into())],
        ));
    }
    out.push(tr(
        lang,
        "ingest-summary",
        &[
            ("file", file.display().to_string().into()),
            ("accepted", t.accepted.into()),
            ("duplicates", t.duplicates.into()),
            ("rejected", t.rejected.into()),
        ],
    ));
    for r in &t.rejections {
        let reason = match r.code.as_str() {
            "not_json" => tr(lang, "ingest-line-not-json", &[]),
            "line_too_long" => tr(lang, "ingest-line-too-long", &[]),
            _ => r.message.clone(),
        };
        out.push(tr(
            lang,
            "ingest-line-rejected",
            &[
                ("line", r.line.into()),
                ("code", r.code.clone().into()),
                ("reason", reason.into()),
            ],
        ));
    }
    if t.rejected > t.rejections.len() as u64 {
        out.push(tr(
            lang,
            "ingest-more-rejected",
            &[("more", (t.rejected - t.rejections.len() as u64).into())],
        ));
    }
    out
}
