//! Where `indsigt ingest` writes: the SQLite file of `[server] database`, or `[server.postgres]` when it is
//! set. Both write each batch with the file's checkpoint in one transaction.

use crate::cli::pg::Pg;
use crate::store::ingest::{IngestEvent, IngestOutcome};
use crate::store::records::{CatalogueView, Record, RecordOutcome};
use crate::store::{FileRun, Store, StoreResult};
use jiff::Timestamp;

/// The store a load writes to.
pub enum Target<'a> {
    Sqlite(&'a mut Store),
    Postgres(&'a Pg),
}

impl Target<'_> {
    pub fn ingest_checkpoint(&self, run: &FileRun) -> StoreResult<Option<(u64, u64)>> {
        match self {
            Target::Sqlite(s) => s.ingest_checkpoint(run),
            Target::Postgres(pg) => pg.block_on(pg.store().ingest_checkpoint(run)),
        }
    }

    pub fn catalogue_view(&self) -> StoreResult<CatalogueView> {
        match self {
            Target::Sqlite(s) => s.catalogue_view(),
            Target::Postgres(pg) => pg.block_on(pg.store().catalogue_view()),
        }
    }

    pub fn records_with_checkpoint(
        &mut self,
        records: &[Record],
        run: &FileRun,
        after: (u64, u64),
        now: Timestamp,
    ) -> StoreResult<Vec<RecordOutcome>> {
        match self {
            Target::Sqlite(s) => s.ingest_records_with_checkpoint(records, run, after, now),
            Target::Postgres(pg) => pg.block_on(
                pg.store()
                    .ingest_records_with_checkpoint(records, run, after, now),
            ),
        }
    }

    pub fn events_with_checkpoint(
        &mut self,
        events: &[IngestEvent],
        run: &FileRun,
        after: (u64, u64),
        now: Timestamp,
    ) -> StoreResult<Vec<IngestOutcome>> {
        match self {
            Target::Sqlite(s) => s.ingest_events_with_checkpoint(events, run, after, now),
            Target::Postgres(pg) => pg.block_on(
                pg.store()
                    .ingest_events_with_checkpoint(events, run, after, now),
            ),
        }
    }
}
