//! The checkpoints of `indsigt ingest`: where a file's load got to, written with each batch.

use super::ingest::{IngestEvent, IngestOutcome, write_events};
use super::records::{Record, RecordOutcome, write_records};
use super::{Store, StoreResult};
use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

/// Where one file's load got to: (system, kind, file identity).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRun {
    pub system: String,
    pub kind: String,
    pub file_key: String,
}

impl Store {
    /// The checkpoint a previous run of this file left: (byte offset, lines read).
    pub fn ingest_checkpoint(&self, run: &FileRun) -> StoreResult<Option<(u64, u64)>> {
        let found: Option<(i64, i64)> = self
            .conn
            .prepare_cached(
                "SELECT byte_offset, line FROM ingest_checkpoints
                 WHERE system_id = ?1 AND kind = ?2 AND file_key = ?3",
            )?
            .query_row(params![run.system, run.kind, run.file_key], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        Ok(found.map(|(o, l)| (u64::try_from(o).unwrap_or(0), u64::try_from(l).unwrap_or(0))))
    }

    /// [`Store::ingest_records`] and the file's new checkpoint, in one transaction.
    pub fn ingest_records_with_checkpoint(
        &mut self,
        records: &[Record],
        run: &FileRun,
        after: (u64, u64),
        now: Timestamp,
    ) -> StoreResult<Vec<RecordOutcome>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = write_records(&tx, records, now)?;
        save_checkpoint(&tx, run, after, now)?;
        tx.commit()?;
        Ok(out)
    }

    /// [`Store::ingest`] (access events) and the file's new checkpoint, in one transaction.
    pub fn ingest_events_with_checkpoint(
        &mut self,
        events: &[IngestEvent],
        run: &FileRun,
        after: (u64, u64),
        now: Timestamp,
    ) -> StoreResult<Vec<IngestOutcome>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = write_events(&tx, events, now)?;
        save_checkpoint(&tx, run, after, now)?;
        tx.commit()?;
        Ok(out)
    }
}

fn save_checkpoint(
    tx: &Connection,
    run: &FileRun,
    (offset, line): (u64, u64),
    now: Timestamp,
) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO ingest_checkpoints (system_id, kind, file_key, byte_offset, line, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (system_id, kind, file_key)
         DO UPDATE SET byte_offset = excluded.byte_offset, line = excluded.line, updated_at = excluded.updated_at",
    )?
    .execute(params![
        run.system,
        run.kind,
        run.file_key,
        i64::try_from(offset).unwrap_or(i64::MAX),
        i64::try_from(line).unwrap_or(i64::MAX),
        now.as_second()
    ])?;
    Ok(())
}
