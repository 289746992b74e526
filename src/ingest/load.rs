//! `indsigt ingest`: a system's JSONL export streamed through [`super::records::check`] into the store, each
//! batch written with its checkpoint in one transaction, so a second run of the same file resumes.

use super::access::{self, AccessError};
use super::jsonl::{self, Checkpoint, Line, Outcome, RunError, Tally};
use super::records::{Kind, RecordError, check};
use super::target::Target;
use crate::auth::citizen_key::Pepper;
use crate::domain::Lang;
use crate::i18n::tr;
use crate::store::FileRun;
use crate::store::StoreError;
use crate::store::ingest::IngestOutcome;
use crate::store::records::{CatalogueView, RecordOutcome};
use jiff::Timestamp;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// How much of the file's start its identity hashes.
const HEAD_BYTES: u64 = 64 * 1024;

/// Why a load stopped.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {detail}")]
    File { path: String, detail: String },
    #[error("reading failed at line {line}")]
    Read { line: u64 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl LoadError {
    pub fn message_id(&self) -> &'static str {
        match self {
            LoadError::File { .. } => "ingest-file-unreadable",
            LoadError::Read { .. } => "ingest-read-failed",
            LoadError::Store(e) => e.message_id(),
        }
    }
}

/// What a file holds: records of one kind, or access events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadKind {
    Records(Kind),
    AccessEvents,
}

impl LoadKind {
    /// `holdings`, `consents`, `decisions` or `access-events`, as `--kind` and the checkpoint name it.
    pub fn code(self) -> &'static str {
        match self {
            LoadKind::Records(k) => k.code(),
            LoadKind::AccessEvents => "access-events",
        }
    }

    pub fn from_code(s: &str) -> Option<LoadKind> {
        match s {
            "access-events" => Some(LoadKind::AccessEvents),
            other => Kind::from_code(other).map(LoadKind::Records),
        }
    }
}

/// The operator's sentence for a refused record, in `lang`.
pub fn reason(lang: Lang, e: &RecordError) -> String {
    tr(lang, e.message_id(), &[("what", e.subject().into())])
}

/// The operator's sentence for a refused access event, in `lang`.
pub fn event_reason(lang: Lang, e: &AccessError) -> String {
    tr(lang, e.message_id(), &[("what", e.subject().into())])
}

/// The file's identity: its path, its size and the SHA-256 of its first 64 KiB.
pub fn file_key(path: &Path) -> Result<String, LoadError> {
    let fail = |e: std::io::Error| LoadError::File {
        path: path.display().to_string(),
        detail: e.kind().to_string(),
    };
    let mut f = std::fs::File::open(path).map_err(fail)?;
    let size = f.metadata().map_err(fail)?.len();
    let mut head = Vec::new();
    (&mut f)
        .take(HEAD_BYTES)
        .read_to_end(&mut head)
        .map_err(fail)?;
    let digest = ring::digest::digest(&ring::digest::SHA256, &head);
    let hex: String = digest.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("{}|{size}|{hex}", path.display()))
}

struct StoreSink<'a, 'b> {
    store: &'a mut Target<'b>,
    view: CatalogueView,
    pepper: &'a Pepper,
    system: &'a str,
    kind: LoadKind,
    run: FileRun,
    lang: Lang,
}

impl jsonl::Sink for StoreSink<'_, '_> {
    type Error = StoreError;

    fn write(&mut self, batch: &[Line], after: Checkpoint) -> Result<Vec<Outcome>, StoreError> {
        match self.kind {
            LoadKind::Records(kind) => self.write_records(kind, batch, after),
            LoadKind::AccessEvents => self.write_events(batch, after),
        }
    }
}

/// Checks each line with `check`, writes the good ones with `write` (in order, one answer each), and gives
/// every line its outcome: the refusal of its check, or what `written` made of its write's answer.
fn check_then_write<T, W, E>(
    batch: &[Line],
    mut check: impl FnMut(&Line) -> Result<T, Outcome>,
    write: impl FnOnce(&[T]) -> Result<Vec<W>, E>,
    mut written: impl FnMut(Option<W>) -> Outcome,
) -> Result<Vec<Outcome>, E> {
    let mut outcomes: Vec<Option<Outcome>> = Vec::with_capacity(batch.len());
    let mut good = Vec::new();
    for line in batch {
        match check(line) {
            Ok(item) => {
                good.push(item);
                outcomes.push(None);
            }
            Err(refused) => outcomes.push(Some(refused)),
        }
    }
    let mut answers = write(&good)?.into_iter();
    Ok(outcomes
        .into_iter()
        .map(|o| o.unwrap_or_else(|| written(answers.next())))
        .collect())
}

impl StoreSink<'_, '_> {
    fn write_events(
        &mut self,
        batch: &[Line],
        after: Checkpoint,
    ) -> Result<Vec<Outcome>, StoreError> {
        let (system, pepper, lang) = (self.system, self.pepper, self.lang);
        let (store, run) = (&mut *self.store, &self.run);
        check_then_write(
            batch,
            |line| {
                access::check(line.value.clone(), system, Some(pepper))
                    .map_err(|e| event_rejected(lang, &e))
            },
            |events| {
                store.events_with_checkpoint(
                    events,
                    run,
                    (after.offset, after.line),
                    Timestamp::now(),
                )
            },
            |answer| match answer {
                Some(IngestOutcome::Accepted(_)) => Outcome::Accepted,
                Some(IngestOutcome::Duplicate(_)) => Outcome::Duplicate,
                Some(IngestOutcome::Rejected(why)) => {
                    event_rejected(lang, &AccessError::Store(why))
                }
                None => Outcome::Rejected {
                    code: "internal".into(),
                    message: String::new(),
                },
            },
        )
    }

    fn write_records(
        &mut self,
        kind: Kind,
        batch: &[Line],
        after: Checkpoint,
    ) -> Result<Vec<Outcome>, StoreError> {
        let (system, pepper, lang) = (self.system, self.pepper, self.lang);
        let (store, run, view) = (&mut *self.store, &self.run, &self.view);
        check_then_write(
            batch,
            |line| {
                check(kind, system, line.value.clone(), view, pepper).map_err(|(_, e)| {
                    Outcome::Rejected {
                        code: e.code().to_owned(),
                        message: reason(lang, &e),
                    }
                })
            },
            |records| {
                store.records_with_checkpoint(
                    records,
                    run,
                    (after.offset, after.line),
                    Timestamp::now(),
                )
            },
            |answer| match answer {
                Some(RecordOutcome::Accepted) => Outcome::Accepted,
                Some(RecordOutcome::Stale) => Outcome::Duplicate,
                Some(RecordOutcome::ForeignRecord) | None => Outcome::Rejected {
                    code: "foreign_record".into(),
                    message: tr(lang, "ingest-rejected-foreign-record", &[]),
                },
            },
        )
    }
}

fn event_rejected(lang: Lang, e: &AccessError) -> Outcome {
    Outcome::Rejected {
        code: e.code().to_owned(),
        message: event_reason(lang, e),
    }
}

/// What a load did: the tally of this run and the line it started after.
#[derive(Debug)]
pub struct Loaded {
    pub tally: Tally,
    pub resumed_after_line: u64,
    pub total_bytes: u64,
}

/// Loads `path` as records or access events (`kind`) sent by `system`, resuming where a previous run of the same file
/// stopped. `progress` is told (bytes done, bytes in all) after each batch.
pub fn load(
    store: &mut Target<'_>,
    pepper: &Pepper,
    system: &str,
    kind: LoadKind,
    path: &Path,
    lang: Lang,
    mut progress: impl FnMut(u64, u64),
) -> Result<Loaded, LoadError> {
    let key = file_key(path)?;
    let run = FileRun {
        system: system.to_owned(),
        kind: kind.code().to_owned(),
        file_key: key,
    };
    let start = store
        .ingest_checkpoint(&run)?
        .map(|(offset, line)| Checkpoint { offset, line })
        .unwrap_or_default();
    let fail = |e: std::io::Error| LoadError::File {
        path: path.display().to_string(),
        detail: e.kind().to_string(),
    };
    let mut file = std::fs::File::open(path).map_err(fail)?;
    let total = file.metadata().map_err(fail)?.len();
    file.seek(SeekFrom::Start(start.offset)).map_err(fail)?;
    let view = store.catalogue_view()?;
    let mut sink = StoreSink {
        store,
        view,
        pepper,
        system,
        kind,
        run,
        lang,
    };
    let tally = jsonl::run(BufReader::new(file), start, &mut sink, |at| {
        progress(at, total)
    })
    .map_err(|e| match e {
        RunError::Read { line, .. } => LoadError::Read { line },
        RunError::Sink(e) => LoadError::Store(e),
        RunError::Mismatch { .. } => {
            LoadError::Store(StoreError::Corrupt("outcome count mismatch".into()))
        }
    })?;
    Ok(Loaded {
        tally,
        resumed_after_line: start.line,
        total_bytes: total,
    })
}
