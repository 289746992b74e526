//! Concurrent writers on PostgreSQL: versions of one record sent at once by several batches leave the
//! highest version, once, and never deadlock; catalogue imports at once make a chain of versions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_records_support;
mod pg_support;

use indsigt::ingest::records::{Kind, check};
use indsigt::store::records::{Record, RecordOutcome};
use pg_records_support::*;

/// Four batches at once, each with versions of the same two records (in opposite orders, so row locks
/// taken one by one would cross) for one new citizen: the highest version wins, each record is one row,
/// its values are that version's, and no batch fails.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_batches_for_one_record_let_the_highest_version_win_once() {
    let dir = tempfile::tempdir().unwrap();
    let Some((mut store, pg)) = fresh(dir.path()).await else {
        return;
    };
    let (cat, digest) = shipped();
    store.import_catalogue(&cat, "c", &digest, 1).unwrap();
    pg.import_catalogue(&cat, "c", &digest, 1).await.unwrap();
    let view = pg.catalogue_view().await.unwrap();
    for round in 0..8 {
        let (x, y) = (format!("x-{round}"), format!("y-{round}"));
        let cpr = format!("0{}0190-1234", round + 1);
        let mut tasks = Vec::new();
        for version in 1..=4_i64 {
            let mut batch: Vec<Record> = [&x, &y]
                .iter()
                .map(|id| {
                    let v = holding(id, &cpr, version, &format!("v{version}"));
                    check(Kind::Holdings, "kmd_nexus", v, &view, &pepper()).unwrap()
                })
                .collect();
            if version % 2 == 0 {
                batch.reverse();
            }
            let pg = pg.clone();
            tasks.push(tokio::spawn(async move {
                (version, pg.ingest_records(&batch, now(2)).await.unwrap())
            }));
        }
        let mut accepted = 0;
        for t in tasks {
            let (version, out) = t.await.unwrap();
            assert!(out[0] == out[1], "both records alike: {out:?}");
            if version == 4 {
                assert_eq!(out, [RecordOutcome::Accepted; 2]);
            }
            accepted += usize::from(out[0] == RecordOutcome::Accepted);
        }
        assert!((1..=4).contains(&accepted));
        let client = pg.client().await.unwrap();
        for id in [&x, &y] {
            let rows = client
                .query(
                    "SELECT h.record_version, v.value_da FROM holdings h
                     JOIN holding_values v ON v.holding_id = h.id AND v.field_id = 'help_granted'
                     WHERE h.record_id = $1",
                    &[id],
                )
                .await
                .unwrap();
            assert_eq!(rows.len(), 1, "{id}");
            assert_eq!(rows[0].get::<_, i64>(0), 4);
            assert_eq!(rows[0].get::<_, String>(1), "v4");
        }
        let values: i64 = client
            .query_one(
                "SELECT count(*) FROM holding_values v JOIN holdings h ON h.id = v.holding_id
                 WHERE h.record_id = ANY($1)",
                &[&vec![x.clone(), y.clone()]],
            )
            .await
            .unwrap()
            .get(0);
        assert_eq!(values, 4, "two fields for each record, no leftovers");
    }
    let client = pg.client().await.unwrap();
    let citizens: i64 = client
        .query_one("SELECT count(*) FROM citizens", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(citizens, 8, "one citizen a round");
}

/// Three imports at once make three versions, each replacing the one before it (imports run one at a time).
#[tokio::test(flavor = "multi_thread", worker_threads = 3)]
async fn concurrent_imports_make_one_version_each_in_a_chain() {
    let dir = tempfile::tempdir().unwrap();
    let Some((_store, pg)) = fresh(dir.path()).await else {
        return;
    };
    let (cat, digest) = shipped();
    let mut tasks = Vec::new();
    for i in 0..3 {
        let (pg, cat, digest) = (pg.clone(), cat.clone(), digest.clone());
        tasks.push(tokio::spawn(async move {
            pg.import_catalogue(&cat, &format!("c-{i}"), &digest, 10)
                .await
                .unwrap()
        }));
    }
    let mut done = Vec::new();
    for t in tasks {
        let d = t.await.unwrap();
        done.push((d.version, d.previous));
    }
    done.sort();
    assert_eq!(done, [(1, None), (2, Some(1)), (3, Some(2))]);
    let client = pg.client().await.unwrap();
    let per_version: Vec<i64> = client
        .query(
            "SELECT count(*) FROM cat_categories GROUP BY version_id ORDER BY version_id",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(per_version, [cat.categories.len() as i64; 3]);
}
