//! The demo-data generator: a realistic Danish municipality, deterministic from a seed.
//!
//! It is built the way a municipality's database is: the shipped catalogue through the catalogue import,
//! then every holding, consent, decision-support use and access event as the records and events the systems
//! send, through the same checks and writes as `indsigt ingest` and the HTTP ingest. Citizens are known by
//! the citizen key under [`DEMO_PEPPER`]; the database holds no CPR number in clear.
//!
//! Same seed and options ⇒ the same file, byte for byte. Times derive from a fixed base date ([`BASE`],
//! 1 November 2026), never from the clock. CPR numbers use birth dates that do not exist (e.g. 30 February,
//! 31 April), so they cannot belong to real people.

mod content;
mod requests;
mod rng;
mod shipped;
mod writer;
mod writer_events;
mod writer_rows;

use crate::auth::citizen_key::Pepper;
use crate::domain::CitizenId;
use crate::store::{Store, StoreError, migrations};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// 2026-11-01T00:00:00Z: all demo times lie before it (deferred entries are hidden until after it).
pub const BASE: i64 = 1_793_491_200;
/// 2030-01-01T00:00:00Z: when the long-deferred entries become visible.
pub const DEFERRED_UNTIL: i64 = 1_893_456_000;
/// 2026-12-15T00:00:00Z: when the short-deferred entries of the hand-written citizens become visible.
pub const SHORT_DEFERRED_UNTIL: i64 = 1_797_292_800;

pub use writer::GENERATED_AT;

/// The pepper of the demo's citizen keys: fixed, so the same seed gives the same file, and public, so it
/// protects nothing. Used by `indsigt demo-data` (and the local demo store it makes) only; `indsigt serve`
/// and `indsigt ingest` always read `[server] pepper_file`.
pub const DEMO_PEPPER: &[u8; 41] = b"indsigt demo pepper: public, not a secret";

/// The demo's pepper as a [`Pepper`].
pub fn demo_pepper() -> Pepper {
    Pepper::from_const(DEMO_PEPPER)
}

pub const MIN_CITIZENS: u32 = 6;
pub const MAX_CITIZENS: u32 = 1_000_000;
pub const MAX_HEAVY_EVENTS: u32 = 50_000_000;
pub const MAX_EVENTS_PER_CITIZEN: u32 = 100_000;
/// The most events one database may get in total.
pub const MAX_TOTAL_EVENTS: u64 = 200_000_000;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    /// All citizens, at least the 6 hand-written ones; the rest are synthetic.
    pub citizens: u32,
    /// Access events of the heavy demo citizen.
    pub heavy_events: u32,
    /// Access events of each synthetic citizen.
    pub events_per_citizen: u32,
    pub seed: u64,
    /// Replace an existing file at the output path.
    pub overwrite: bool,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            citizens: 50,
            heavy_events: 100_000,
            events_per_citizen: 200,
            seed: 20_261_101,
            overwrite: false,
        }
    }
}

impl DemoOptions {
    pub fn validate(&self) -> Result<(), DemoError> {
        if !(MIN_CITIZENS..=MAX_CITIZENS).contains(&self.citizens) {
            return Err(DemoError::CitizensOutOfRange { got: self.citizens });
        }
        if self.heavy_events > MAX_HEAVY_EVENTS {
            return Err(DemoError::HeavyEventsOutOfRange {
                got: self.heavy_events,
            });
        }
        if self.events_per_citizen > MAX_EVENTS_PER_CITIZEN {
            return Err(DemoError::EventsPerCitizenOutOfRange {
                got: self.events_per_citizen,
            });
        }
        let total = u64::from(self.citizens - MIN_CITIZENS) * u64::from(self.events_per_citizen)
            + u64::from(self.heavy_events);
        if total > MAX_TOTAL_EVENTS {
            return Err(DemoError::TooManyEvents { total });
        }
        Ok(())
    }
}

/// What was generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSummary {
    pub citizens: u64,
    pub categories: u64,
    pub access_events: u64,
    /// Of which deferred (hidden until a date after [`BASE`]).
    pub deferred_events: u64,
    pub consents: u64,
    pub decision_support: u64,
    pub heavy_citizen: CitizenId,
}

#[derive(Debug, Error)]
pub enum DemoError {
    #[error("citizens must be between {MIN_CITIZENS} and {MAX_CITIZENS}, got {got}")]
    CitizensOutOfRange { got: u32 },
    #[error("heavy_events must be at most {MAX_HEAVY_EVENTS}, got {got}")]
    HeavyEventsOutOfRange { got: u32 },
    #[error("events_per_citizen must be at most {MAX_EVENTS_PER_CITIZEN}, got {got}")]
    EventsPerCitizenOutOfRange { got: u32 },
    #[error("that would be {total} events; at most {MAX_TOTAL_EVENTS} are allowed")]
    TooManyEvents { total: u64 },
    #[error("{path} already exists; choose another path or allow overwriting")]
    OutExists { path: PathBuf },
    #[error("cannot write {path}: {reason}")]
    Unwritable { path: PathBuf, reason: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl DemoError {
    pub fn message_id(&self) -> &'static str {
        match self {
            DemoError::CitizensOutOfRange { .. } => "error-demo-citizens-range",
            DemoError::HeavyEventsOutOfRange { .. } => "error-demo-heavy-events-range",
            DemoError::EventsPerCitizenOutOfRange { .. } => "error-demo-events-per-citizen-range",
            DemoError::TooManyEvents { .. } => "error-demo-too-many-events",
            DemoError::OutExists { .. } => "error-demo-out-exists",
            DemoError::Unwritable { .. } => "error-demo-out-unwritable",
            DemoError::Store(e) => e.message_id(),
        }
    }
}

impl From<rusqlite::Error> for DemoError {
    fn from(e: rusqlite::Error) -> Self {
        DemoError::Store(e.into())
    }
}

/// The temporary file beside `out` that the database is built in before it is renamed into place.
fn temp_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "indsigt.db".into());
    out.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

fn remove_temp(tmp: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let mut p = tmp.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// Writes a demo database at `out`. Refuses if `out` exists (unless `opts.overwrite`). The database is built
/// in a temporary file beside `out` and renamed into place at the end, so a crash never leaves half a
/// database at `out`; on any error nothing is left behind.
pub fn write_demo_database(out: &Path, opts: &DemoOptions) -> Result<DemoSummary, DemoError> {
    opts.validate()?;
    if out.exists() && !opts.overwrite {
        return Err(DemoError::OutExists {
            path: out.to_path_buf(),
        });
    }
    let tmp = temp_path(out);
    remove_temp(&tmp);
    let unwritable = |e: &dyn std::fmt::Display| DemoError::Unwritable {
        path: out.to_path_buf(),
        reason: e.to_string(),
    };
    if let Err(e) = std::fs::File::create(&tmp) {
        return Err(unwritable(&e));
    }
    let result = build(&tmp, opts);
    match result {
        Ok(summary) => match std::fs::rename(&tmp, out) {
            Ok(()) => {
                tracing::info!(
                    citizens = summary.citizens,
                    events = summary.access_events,
                    "demo database written"
                );
                Ok(summary)
            }
            Err(e) => {
                remove_temp(&tmp);
                Err(unwritable(&e))
            }
        },
        Err(e) => {
            remove_temp(&tmp);
            Err(e)
        }
    }
}

fn build(tmp: &Path, opts: &DemoOptions) -> Result<DemoSummary, DemoError> {
    let mut conn = Connection::open(tmp)?;
    // The file is private until renamed: no journal, no fsync, a big cache, no per-row FK checks.
    conn.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;
         PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF;",
    )?;
    migrations::migrate(&mut conn)?;
    let tx = conn.transaction()?;
    // The shipped catalogue, through the same check and import as `indsigt catalogue import`.
    let (catalogue, digest) = shipped::catalogue()?;
    crate::store::catalogue::import_in(&tx, &catalogue, shipped::SOURCE, &digest, BASE).map_err(
        |e| match e {
            crate::store::ImportError::Store(e) => DemoError::Store(e),
            other => DemoError::Store(StoreError::Corrupt(other.to_string())),
        },
    )?;
    let summary = writer::generate(&tx, opts, &catalogue)?;
    tx.commit()?;
    conn.close().map_err(|(_, e)| DemoError::from(e))?;
    // The requests go through the store's own calls, as the kiosk, the system and the DPO make them.
    let mut store = Store::open(tmp)?;
    requests::write(&mut store)?;
    store.connection().execute_batch("PRAGMA optimize;")?;
    drop(store);
    Ok(summary)
}
