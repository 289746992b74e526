//! The checkpoints of `indsigt ingest` on PostgreSQL: the twin of `store::checkpoints`. Each batch is written
//! with the file's new checkpoint in one transaction, so a load killed between two batches resumes after
//! the last one committed, and nothing is written twice.

use super::ingest::{in_transaction, write_events};
use super::records::write_records;
use super::{PgStore, pg};
use crate::store::ingest::{IngestEvent, IngestOutcome};
use crate::store::records::{Record, RecordOutcome};
use crate::store::{FileRun, StoreResult};
use deadpool_postgres::Transaction;
use jiff::Timestamp;

impl PgStore {
    /// The checkpoint a previous run of this file left: (byte offset, lines read).
    pub async fn ingest_checkpoint(&self, run: &FileRun) -> StoreResult<Option<(u64, u64)>> {
        let client = self.client().await?;
        let st = client
            .prepare_cached(
                "SELECT byte_offset, line FROM ingest_checkpoints
                 WHERE system_id = $1 AND kind = $2 AND file_key = $3",
            )
            .await
            .map_err(pg)?;
        let found = client
            .query_opt(&st, &[&run.system, &run.kind, &run.file_key])
            .await
            .map_err(pg)?;
        let Some(row) = found else {
            return Ok(None);
        };
        let offset: i64 = row.try_get(0).map_err(pg)?;
        let line: i64 = row.try_get(1).map_err(pg)?;
        Ok(Some((
            u64::try_from(offset).unwrap_or(0),
            u64::try_from(line).unwrap_or(0),
        )))
    }

    /// [`PgStore::ingest_records`] and the file's new checkpoint, in one transaction.
    pub async fn ingest_records_with_checkpoint(
        &self,
        records: &[Record],
        run: &FileRun,
        after: (u64, u64),
        now: Timestamp,
    ) -> StoreResult<Vec<RecordOutcome>> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(pg)?;
        let out = write_records(&tx, records, now).await?;
        save_checkpoint(&tx, run, after, now).await?;
        tx.commit().await.map_err(pg)?;
        Ok(out)
    }

    /// [`PgStore::ingest`] (access events) and the file's new checkpoint, in one transaction (tried again
    /// alone after a deadlock, as `ingest` is).
    pub async fn ingest_events_with_checkpoint(
        &self,
        events: &[IngestEvent],
        run: &FileRun,
        after: (u64, u64),
        now: Timestamp,
    ) -> StoreResult<Vec<IngestOutcome>> {
        let mut client = self.client().await?;
        in_transaction!(client, |tx| async {
            let out = write_events(&tx, events, now).await?;
            save_checkpoint(&tx, run, after, now).await?;
            Ok(out)
        })
    }
}

async fn save_checkpoint(
    tx: &Transaction<'_>,
    run: &FileRun,
    (offset, line): (u64, u64),
    now: Timestamp,
) -> StoreResult<()> {
    let st = tx
        .prepare_cached(
            "INSERT INTO ingest_checkpoints (system_id, kind, file_key, byte_offset, line, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (system_id, kind, file_key)
             DO UPDATE SET byte_offset = excluded.byte_offset, line = excluded.line,
                           updated_at = excluded.updated_at",
        )
        .await
        .map_err(pg)?;
    tx.execute(
        &st,
        &[
            &run.system,
            &run.kind,
            &run.file_key,
            &i64::try_from(offset).unwrap_or(i64::MAX),
            &i64::try_from(line).unwrap_or(i64::MAX),
            &now.as_second(),
        ],
    )
    .await
    .map_err(pg)?;
    Ok(())
}
