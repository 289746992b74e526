//! The durable outbox: writes the server has not acknowledged yet, in a small SQLite file.
//!
//! A row holds the request only: its method and path and its small JSON body (a kiosk visit's helper, the
//! language of a withdrawal or report), an opaque idempotency reference, when it was filed, and a salted hash of the citizen's sign-in subject (so it is only ever sent with a token of the
//! same citizen). Never a token, never the citizen's data. The salt is random per file.
//! The schema is versioned with `PRAGMA user_version`.

use super::error::OutboxError;
pub use super::outbox_request::OutboxRequest;
use jiff::Timestamp;
use ring::rand::SecureRandom;
use rusqlite::{Connection, OptionalExtension, params};
use std::fmt;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The schema version this code writes and reads.
pub const SCHEMA_VERSION: i64 = 3;

const SCHEMA_V1: &str = "
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
) STRICT;
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    reference    TEXT NOT NULL UNIQUE,
    subject_key  TEXT NOT NULL,
    method       TEXT NOT NULL,
    path         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (subject_key, method, path)
) STRICT;
";

/// Version 2: a request may carry a body (a kiosk visit's helper), and requests with a body are not made
/// unique (two visits are two entries); those without one still are.
const SCHEMA_V2: &str = "
CREATE TABLE outbox_v2 (
    id           INTEGER PRIMARY KEY,
    reference    TEXT NOT NULL UNIQUE,
    subject_key  TEXT NOT NULL,
    method       TEXT NOT NULL,
    path         TEXT NOT NULL,
    body         TEXT,
    created_at   INTEGER NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO outbox_v2 (id, reference, subject_key, method, path, created_at, attempts)
    SELECT id, reference, subject_key, method, path, created_at, attempts FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v2 RENAME TO outbox;
CREATE UNIQUE INDEX outbox_once ON outbox (subject_key, method, path) WHERE body IS NULL;
";

/// Version 3: a withdrawal and a report carry the language the citizen used (`{"lang": …}`), so "sent
/// once" is its own column instead of "has no body". Entries of version 2 keep what they were.
const SCHEMA_V3: &str = "
ALTER TABLE outbox ADD COLUMN once INTEGER NOT NULL DEFAULT 0;
UPDATE outbox SET once = (body IS NULL);
DROP INDEX outbox_once;
CREATE UNIQUE INDEX outbox_once ON outbox (subject_key, method, path) WHERE once = 1;
";

/// PBKDF2 rounds for the subject hash: a subject is an opaque id, but a little work costs nothing here.
const SUBJECT_ROUNDS: u32 = 20_000;

/// A salted hash of a citizen's sign-in subject: who an outbox entry belongs to, without saying who.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SubjectKey(String);

impl fmt::Debug for SubjectKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SubjectKey(..)")
    }
}

/// One undelivered write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEntry {
    pub id: i64,
    /// The opaque idempotency reference, sent as `Idempotency-Key`.
    pub reference: String,
    pub request: OutboxRequest,
    pub created_at: Timestamp,
    pub attempts: u32,
}

/// The outbox file. Calls are serialized on one connection.
pub struct Outbox {
    conn: Mutex<Connection>,
    path: PathBuf,
    salt: Vec<u8>,
}

impl fmt::Debug for Outbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Outbox")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Outbox {
    /// Opens the outbox at `path`, creating it (readable by this user only) if it does not exist.
    pub fn open(path: &Path) -> Result<Outbox, OutboxError> {
        let open_err = |reason: String| OutboxError::Open {
            path: path.to_owned(),
            reason,
        };
        let conn = Connection::open(path).map_err(|e| open_err(e.to_string()))?;
        restrict_permissions(path);
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(OutboxError::NewerSchema {
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if version == 0 {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(SCHEMA_V1)?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('subject_salt', ?1)",
                [random_bytes::<32>()?.to_vec()],
            )?;
            tx.pragma_update(None, "user_version", 1)?;
            tx.commit()?;
        }
        if version < 2 {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(SCHEMA_V2)?;
            tx.pragma_update(None, "user_version", 2)?;
            tx.commit()?;
        }
        if version < 3 {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(SCHEMA_V3)?;
            tx.pragma_update(None, "user_version", 3)?;
            tx.commit()?;
        }
        let salt: Vec<u8> = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'subject_salt'",
                [],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| OutboxError::Sqlite("the outbox has no salt".into()))?;
        Ok(Outbox {
            conn: Mutex::new(conn),
            path: path.to_owned(),
            salt,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The key of `subject` in this outbox (PBKDF2-HMAC-SHA256 with the file's salt).
    pub fn subject_key(&self, subject: &str) -> SubjectKey {
        let mut out = [0u8; 32];
        let rounds = NonZeroU32::new(SUBJECT_ROUNDS).unwrap_or(NonZeroU32::MIN);
        ring::pbkdf2::derive(
            ring::pbkdf2::PBKDF2_HMAC_SHA256,
            rounds,
            &self.salt,
            subject.as_bytes(),
            &mut out,
        );
        SubjectKey(hex(&out))
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite inconsistent: use it anyway.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Files `request` for `subject`. A withdrawal or report that is already waiting returns that entry
    /// ([`OutboxRequest::once`]); a kiosk visit is always a new entry.
    pub fn enqueue(
        &self,
        subject: &SubjectKey,
        request: OutboxRequest,
        now: Timestamp,
    ) -> Result<OutboxEntry, OutboxError> {
        let conn = self.conn();
        let reference = hex(&random_bytes::<16>()?);
        let body = request.body().map(|b| b.to_string());
        conn.execute(
            "INSERT INTO outbox (reference, subject_key, method, path, body, created_at, once)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (subject_key, method, path) WHERE once = 1 DO NOTHING",
            params![
                reference,
                subject.0,
                request.method(),
                request.path(),
                body,
                now.as_second(),
                request.once()
            ],
        )?;
        let entry = conn.query_row(
            "SELECT id, reference, method, path, body, created_at, attempts FROM outbox
             WHERE reference = ?1
                OR (?2 AND once = 1 AND subject_key = ?3 AND method = ?4 AND path = ?5)
             LIMIT 1",
            params![
                reference,
                request.once(),
                subject.0,
                request.method(),
                request.path()
            ],
            row,
        )?;
        entry.ok_or_else(|| OutboxError::Sqlite("the entry just filed is unreadable".into()))
    }

    /// The entries of `subject`, oldest first.
    pub fn pending(&self, subject: &SubjectKey) -> Result<Vec<OutboxEntry>, OutboxError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT id, reference, method, path, body, created_at, attempts FROM outbox
             WHERE subject_key = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([&subject.0], row)?;
        let mut entries = Vec::new();
        for entry in rows {
            match entry? {
                Some(e) => entries.push(e),
                None => tracing::warn!("an outbox entry this version does not know is skipped"),
            }
        }
        Ok(entries)
    }

    /// How many entries wait, for all citizens.
    pub fn len(&self) -> Result<usize, OutboxError> {
        let n: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM outbox", [], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    pub fn is_empty(&self) -> Result<bool, OutboxError> {
        Ok(self.len()? == 0)
    }

    /// Removes a delivered (or moot) entry.
    pub fn remove(&self, id: i64) -> Result<(), OutboxError> {
        self.conn()
            .execute("DELETE FROM outbox WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Counts a failed delivery.
    pub fn count_attempt(&self, id: i64) -> Result<(), OutboxError> {
        self.conn().execute(
            "UPDATE outbox SET attempts = attempts + 1 WHERE id = ?1",
            [id],
        )?;
        Ok(())
    }

    /// Drops the entries filed before `cutoff`, logging each (kind, age and attempts only).
    pub fn drop_older_than(&self, cutoff: Timestamp) -> Result<usize, OutboxError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "DELETE FROM outbox WHERE created_at < ?1
             RETURNING method, path, body, created_at, attempts",
        )?;
        let dropped = stmt
            .query_map([cutoff.as_second()], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, u32>(4)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        for (method, path, body, created_at, attempts) in &dropped {
            let kind = OutboxRequest::parse(method, path, body.as_deref())
                .map_or("unknown", OutboxRequest::kind);
            tracing::warn!(
                kind,
                filed_at = created_at,
                attempts,
                "an outbox entry was never delivered and is dropped: it is too old"
            );
        }
        Ok(dropped.len())
    }
}

/// One row; `None` if this version does not know its request.
fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Option<OutboxEntry>> {
    let method: String = r.get(2)?;
    let path: String = r.get(3)?;
    let body: Option<String> = r.get(4)?;
    let Some(request) = OutboxRequest::parse(&method, &path, body.as_deref()) else {
        return Ok(None);
    };
    let created: i64 = r.get(5)?;
    Ok(Some(OutboxEntry {
        id: r.get(0)?,
        reference: r.get(1)?,
        request,
        created_at: Timestamp::from_second(created).unwrap_or(Timestamp::UNIX_EPOCH),
        attempts: r.get(6)?,
    }))
}

fn random_bytes<const N: usize>() -> Result<[u8; N], OutboxError> {
    let mut bytes = [0u8; N];
    ring::rand::SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| OutboxError::Sqlite("no random numbers from the system".into()))?;
    Ok(bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(unix)]
fn restrict_permissions(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Err(e) = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)) {
        tracing::warn!(error = %e, "the outbox file's permissions could not be restricted");
    }
}

#[cfg(not(unix))]
fn restrict_permissions(_path: &Path) {}
