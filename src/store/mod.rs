//! The SQLite store: schema, migrations, the citizen-scoped queries, the access log, and the demo data.
//!
//! Rules: every query is parameterized; every citizen query is scoped by the citizen, so another
//! citizen's item answers [`StoreError::NotFound`]; the store never reads the clock (callers pass `now`);
//! deferred access-log entries (`hidden_until` after `now`) are never returned or counted.

pub mod assisted;
mod catalogue;
pub mod catalogue_view;
mod checkpoints;
pub mod demo;
mod dims;
pub mod dpo;
mod error;
mod feedback;
pub mod fhir;
pub mod ingest;
pub mod kiosk_entry;
mod migrations;
pub mod outbox;
pub mod postgres;
mod queries;
pub mod records;
pub mod relations;
pub mod requests;
mod writes;

pub use catalogue::{ImportError, Imported, StillInUse};
pub use checkpoints::FileRun;
pub use error::{StoreError, StoreResult};
pub use feedback::FeedbackCount;
pub use migrations::SUPPORTED_VERSION;
pub use queries::access_log::{MAX_PAGE, page_sql};
pub use queries::citizens::CitizenRef;
pub use queries::systems::DEMO_GENERATED_AT;

use crate::domain::CitizenId;
use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A connection to an Indsigt database file.
pub struct Store {
    conn: Connection,
    /// The last citizen looked up: a kiosk session asks about one citizen many times. Citizens' ids
    /// never change or get reused, so the entry never goes stale.
    last_citizen: std::cell::RefCell<Option<(CitizenId, i64)>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (or creates) the database at `path` and brings its schema up to date.
    ///
    /// A file that is not SQLite gives [`StoreError::NotSqlite`], and one written by a newer program
    /// [`StoreError::NewerSchema`]; in both cases nothing is written to the file.
    pub fn open(path: &Path) -> StoreResult<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| map_open_error(e, path))?;
        Store::from_connection(conn, path)
    }

    fn from_connection(mut conn: Connection, path: &Path) -> StoreResult<Store> {
        // Reading the schema is the first thing that touches the file: it fails on a non-SQLite file.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(|e| map_open_error(e, path))?;
        migrations::check_version(&conn)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        migrations::migrate(&mut conn)?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Store {
            conn,
            last_citizen: std::cell::RefCell::new(None),
        })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> StoreResult<i64> {
        migrations::user_version(&self.conn)
    }

    /// The underlying connection, for tests and benchmarks that compare against raw SQL.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// The internal key of a citizen; [`StoreError::UnknownCitizen`] if there is none.
    fn citizen_key(&self, id: &CitizenId) -> StoreResult<i64> {
        if let Some((cached, key)) = self.last_citizen.borrow().as_ref()
            && cached == id
        {
            return Ok(*key);
        }
        let key = self.lookup_citizen_key(id)?;
        *self.last_citizen.borrow_mut() = Some((id.clone(), key));
        Ok(key)
    }

    fn lookup_citizen_key(&self, id: &CitizenId) -> StoreResult<i64> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id FROM citizens WHERE public_id = ?1")?;
        match st.query_row([&id.0], |r| r.get(0)) {
            Ok(k) => Ok(k),
            Err(rusqlite::Error::QueryReturnedNoRows) => Err(StoreError::UnknownCitizen),
            Err(e) => Err(e.into()),
        }
    }
}

fn map_open_error(e: rusqlite::Error, path: &Path) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotSqlite {
            path: PathBuf::from(path),
        },
        _ => StoreError::from(e),
    }
}

/// Unix seconds as stored → a timestamp.
pub(crate) fn ts(secs: i64) -> rusqlite::Result<Timestamp> {
    Timestamp::from_second(secs).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Integer, Box::new(e))
    })
}

pub(crate) fn opt_ts(secs: Option<i64>) -> rusqlite::Result<Option<Timestamp>> {
    secs.map(ts).transpose()
}

pub(crate) fn date(s: Option<String>) -> rusqlite::Result<Option<Date>> {
    s.map(|s| {
        s.parse::<Date>().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

/// A bilingual text from two columns.
pub(crate) fn text(r: &rusqlite::Row<'_>, da: usize) -> rusqlite::Result<crate::domain::Text> {
    Ok(crate::domain::Text::new(
        r.get::<_, String>(da)?,
        r.get::<_, String>(da + 1)?,
    ))
}
