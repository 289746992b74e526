//! `indsigt reports list|show|answer` for a DPO without other tools, and `indsigt requests failed` for the
//! operator: both work directly on the server's database (`[server.postgres]` when it is set, else the SQLite
//! file of `[server] database`), and print in the terminal's language.

use super::CliError;
use crate::config::Config;
use crate::domain::{Lang, RequestStatus, Text};
use crate::i18n::{format_datetime, t, tr};
use crate::store::dpo::{DpoReport, DpoUpdate};
use crate::store::outbox::FailedDelivery;
use crate::store::{Store, StoreResult};
use clap::Subcommand;
use std::path::{Path, PathBuf};

/// `indsigt reports …`
#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum ReportsCommand {
    /// List the citizens' reports, oldest first.
    List {
        /// Only the reports with this status.
        #[arg(long, value_parser = ["sent", "under_review", "answered"])]
        status: Option<String>,
    },
    /// Show one report: the entry it is about, its status and answer.
    Show {
        /// The report's id or reference.
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Answer a report (`--lang da --text "..."`, once per language), or mark it under review.
    Answer {
        /// The report's id or reference.
        #[arg(value_name = "ID")]
        id: String,
        /// The language of the following --text: da or en.
        #[arg(long, value_parser = ["da", "en"])]
        lang: Vec<String>,
        /// The answer in plain words, in the language of the --lang before it.
        #[arg(long)]
        text: Vec<String>,
        /// Mark the report under review instead of answering it.
        #[arg(long, conflicts_with_all = ["lang", "text"])]
        under_review: bool,
    },
}

/// `indsigt requests …`
#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum RequestsCommand {
    /// List the webhook deliveries that keep failing (retrying or given up), oldest first.
    Failed,
}

/// Why `indsigt reports` or `indsigt requests` failed.
#[derive(Debug, thiserror::Error)]
pub enum RequestsCliError {
    #[error("there is no database at {0}")]
    NoDatabase(PathBuf),
    #[error("give --lang and --text in pairs")]
    Unpaired,
    #[error("give --text with --lang, or --under-review")]
    NothingToDo,
    #[error("no report {0}")]
    NoReport(String),
    #[error("the report is answered; it cannot go back to under review")]
    AlreadyAnswered,
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// The database these commands work on: `[server.postgres]` when it is set, else the SQLite file of
/// `[server] database`.
enum Db {
    Sqlite(Store),
    Postgres(super::pg::Pg),
}

fn open(file: Option<&Path>) -> Result<Db, CliError> {
    let config = Config::load(file)?;
    if let Some(settings) = &config.server.postgres {
        return Ok(Db::Postgres(super::pg::Pg::open(
            settings,
            jiff::Timestamp::now(),
        )?));
    }
    let path = &config.server.database;
    // Opening would create an empty file: these commands never write where there was nothing.
    if !path.exists() {
        return Err(RequestsCliError::NoDatabase(path.clone()).into());
    }
    Ok(Db::Sqlite(
        Store::open(path).map_err(RequestsCliError::from)?,
    ))
}

impl Db {
    fn dpo_reports(&self, status: Option<RequestStatus>) -> StoreResult<Vec<DpoReport>> {
        match self {
            Db::Sqlite(s) => s.dpo_reports(status),
            Db::Postgres(pg) => pg.block_on(pg.store().dpo_reports(status)),
        }
    }

    fn dpo_report(&self, id: &str) -> StoreResult<DpoReport> {
        match self {
            Db::Sqlite(s) => s.dpo_report(id),
            Db::Postgres(pg) => pg.block_on(pg.store().dpo_report(id)),
        }
    }

    fn update_dpo_report(
        &mut self,
        id: i64,
        update: &DpoUpdate,
        now: jiff::Timestamp,
    ) -> StoreResult<DpoReport> {
        match self {
            Db::Sqlite(s) => s.update_dpo_report(id, update, now),
            Db::Postgres(pg) => pg.block_on(pg.store().update_dpo_report(id, update, now)),
        }
    }

    fn failed_deliveries(&self) -> StoreResult<Vec<FailedDelivery>> {
        match self {
            Db::Sqlite(s) => s.failed_deliveries(),
            Db::Postgres(pg) => pg.block_on(pg.store().failed_deliveries()),
        }
    }
}

fn status_name(lang: Lang, status: RequestStatus) -> String {
    t(
        lang,
        &format!("requests-status-{}", status.code().replace('_', "-")),
    )
}

fn lang_name(lang: Lang, of: Lang) -> String {
    t(lang, &format!("requests-lang-{}", of.code()))
}

fn when(lang: Lang, at: Option<jiff::Timestamp>) -> String {
    at.map(|at| format_datetime(lang, at)).unwrap_or_default()
}

fn list_line(lang: Lang, r: &DpoReport) -> String {
    tr(
        lang,
        "requests-report-line",
        &[
            ("id", r.id.into()),
            ("reference", r.reference.clone().into()),
            ("status", status_name(lang, r.status).into()),
            ("filed", format_datetime(lang, r.filed_at).into()),
            ("lang", lang_name(lang, r.lang).into()),
            (
                "organisation",
                r.entry.organisation.get(lang).to_owned().into(),
            ),
            ("system", r.entry.system.clone().into()),
        ],
    )
}

/// The lines of `indsigt reports show`.
pub fn show_lines(lang: Lang, r: &DpoReport) -> Vec<String> {
    let mut lines = vec![list_line(lang, r)];
    let entry = &r.entry;
    lines.push(tr(
        lang,
        "requests-report-entry",
        &[
            ("at", when(lang, entry.at).into()),
            (
                "organisation",
                entry.organisation.get(lang).to_owned().into(),
            ),
            ("unit", entry.unit.get(lang).to_owned().into()),
            ("role", entry.role.get(lang).to_owned().into()),
            ("system", entry.system.clone().into()),
            ("case", entry.case_ref.clone().unwrap_or_default().into()),
        ],
    ));
    match &r.answer {
        None => lines.push(t(lang, "requests-report-no-answer")),
        Some(answer) => {
            for l in [Lang::Da, Lang::En] {
                if !answer.get(l).is_empty() {
                    lines.push(tr(
                        lang,
                        "requests-report-answer",
                        &[
                            ("lang", lang_name(lang, l).into()),
                            ("text", answer.get(l).to_owned().into()),
                        ],
                    ));
                }
            }
        }
    }
    lines
}

/// The answer of `--lang … --text …` pairs.
fn answer_of(langs: &[String], texts: &[String]) -> Result<Text, RequestsCliError> {
    if langs.len() != texts.len() {
        return Err(RequestsCliError::Unpaired);
    }
    if langs.is_empty() {
        return Err(RequestsCliError::NothingToDo);
    }
    let mut answer = Text::default();
    for (l, text) in langs.iter().zip(texts) {
        match Lang::parse(l) {
            Some(Lang::Da) => answer.da = text.trim().to_owned(),
            Some(Lang::En) => answer.en = text.trim().to_owned(),
            None => return Err(RequestsCliError::Unpaired),
        }
    }
    Ok(answer)
}

pub fn reports(file: Option<&Path>, command: &ReportsCommand, lang: Lang) -> Result<(), CliError> {
    let mut store = open(file)?;
    let find = |store: &Db, id: &str| {
        store.dpo_report(id).map_err(|e| match e {
            crate::store::StoreError::NotFound => RequestsCliError::NoReport(id.to_owned()),
            other => other.into(),
        })
    };
    match command {
        ReportsCommand::List { status } => {
            let status = status.as_deref().and_then(RequestStatus::parse);
            let reports = store.dpo_reports(status).map_err(RequestsCliError::from)?;
            if reports.is_empty() {
                crate::cli::say(format_args!("{}", t(lang, "requests-reports-none")));
            }
            for r in &reports {
                crate::cli::say(format_args!("{}", list_line(lang, r)));
            }
        }
        ReportsCommand::Show { id } => {
            for line in show_lines(lang, &find(&store, id)?) {
                crate::cli::say(format_args!("{line}"));
            }
        }
        ReportsCommand::Answer {
            id,
            lang: langs,
            text,
            under_review,
        } => {
            let update = if *under_review {
                DpoUpdate::UnderReview
            } else {
                DpoUpdate::Answered(answer_of(langs, text)?)
            };
            let report = find(&store, id)?;
            let now = jiff::Timestamp::from_second(jiff::Timestamp::now().as_second())
                .unwrap_or_else(|_| jiff::Timestamp::now());
            let done = store
                .update_dpo_report(report.id, &update, now)
                .map_err(|e| match e {
                    crate::store::StoreError::Forbidden => RequestsCliError::AlreadyAnswered,
                    other => other.into(),
                })?;
            let id = match update {
                DpoUpdate::UnderReview => "requests-report-now-under-review",
                DpoUpdate::Answered(_) => "requests-report-now-answered",
            };
            crate::cli::say(format_args!(
                "{}",
                tr(lang, id, &[("reference", done.reference.into())])
            ));
        }
    }
    Ok(())
}

pub fn requests(
    file: Option<&Path>,
    command: &RequestsCommand,
    lang: Lang,
) -> Result<(), CliError> {
    let RequestsCommand::Failed = command;
    let store = open(file)?;
    let failed = store.failed_deliveries().map_err(RequestsCliError::from)?;
    if failed.is_empty() {
        crate::cli::say(format_args!("{}", t(lang, "requests-failed-none")));
    }
    for f in &failed {
        let last = f.last.as_ref();
        let outcome = last.map_or_else(String::new, |a| match a.http_status {
            Some(status) => format!("{} {status}", a.outcome),
            None => a.outcome.clone(),
        });
        let state = match (f.gave_up_at, f.next_attempt_at) {
            (Some(at), _) => tr(
                lang,
                "requests-failed-gave-up",
                &[("at", format_datetime(lang, at).into())],
            ),
            (None, at) => tr(
                lang,
                "requests-failed-retrying",
                &[("at", when(lang, at).into())],
            ),
        };
        crate::cli::say(format_args!(
            "{}",
            tr(
                lang,
                "requests-failed-line",
                &[
                    ("reference", f.reference.clone().into()),
                    ("system", f.system_id.clone().into()),
                    ("attempts", f.attempts.into()),
                    ("last", when(lang, last.map(|a| a.at)).into()),
                    ("outcome", outcome.into()),
                    ("state", state.into()),
                ],
            )
        ));
    }
    Ok(())
}
