//! The advisory locks of a record batch on PostgreSQL (see `records`): every record id and every citizen key
//! it may write, taken in one sorted order, so batches that share a record (or a new citizen) run one after
//! the other, the rest in parallel, and two batches never wait on each other in a circle.

use super::pg;
use super::records::table;
use crate::store::StoreResult;
use crate::store::records::Record;
use deadpool_postgres::GenericClient;
use std::collections::BTreeSet;

/// 64-bit FNV-1a: a lock key that every server computes alike.
fn key(parts: &[&str]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    i64::from_ne_bytes(h.to_ne_bytes())
}

/// The advisory locks of a batch: its records (by table and record id, as the version check finds them)
/// and its citizens, taken in ascending key order.
pub(super) async fn lock<C: GenericClient>(tx: &C, records: &[Record]) -> StoreResult<()> {
    let keys: BTreeSet<i64> = records
        .iter()
        .flat_map(|r| {
            [
                key(&["record", table(&r.body), &r.record_id]),
                key(&["citizen", &r.citizen_key]),
            ]
        })
        .collect();
    let keys: Vec<i64> = keys.into_iter().collect();
    let st = tx
        .prepare_cached(
            "SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) WITH ORDINALITY AS t(k, n) ORDER BY n",
        )
        .await
        .map_err(pg)?;
    tx.execute(&st, &[&keys]).await.map_err(pg)?;
    Ok(())
}
