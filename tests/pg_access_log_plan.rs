//! The access log's plan on PostgreSQL: each filter's page is one ordered range scan of its index.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_support;

use indsigt::domain::{AccessCursor, AccessFilter, Action};
use indsigt::store::{CitizenRef, Store};
use jiff::Timestamp;

/// Each filter's page is read from its `(citizen_id, <filter>, at DESC, id DESC)` index in order, the
/// cursor being the index's bound, month after month: no sort, no merge, no scan of the whole table.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_filter_reads_its_index_in_order() {
    let demo = common::demo();
    let dir = tempfile::tempdir().unwrap();
    let Some((_settings, pg)) = pg_support::copy_of(&demo.path, dir.path()).await else {
        return;
    };
    // The statistics autovacuum keeps on a live database.
    pg.client()
        .await
        .unwrap()
        .batch_execute("ANALYZE")
        .await
        .unwrap();
    let sqlite = Store::open(&demo.path).unwrap();
    let heavy = sqlite.citizen(&common::cid(common::HEAVY)).unwrap();
    let who = CitizenRef::Subject(heavy.subject.clone());
    let now = common::now();
    let page = pg
        .access_page(&who, &AccessFilter::default(), None, 1500, now)
        .await
        .unwrap();
    let middle = page.entries.last().unwrap();
    let cursor = AccessCursor {
        at: middle.at,
        id: middle.id,
    };
    let org = pg.organisations(&who, now).await.unwrap()[0].id;
    let shapes = [
        (AccessFilter::default(), "citizen_id_at_id_idx"),
        (
            AccessFilter {
                // Half a year on each side of the cursor.
                from: Some(Timestamp::from_second(middle.at.as_second() - 180 * 86_400).unwrap()),
                to: Some(now),
                ..AccessFilter::default()
            },
            "citizen_id_at_id_idx",
        ),
        (
            AccessFilter {
                action: Some(Action::Viewed),
                ..AccessFilter::default()
            },
            "citizen_id_action_at_id_idx",
        ),
        (
            AccessFilter {
                area: Some(middle.area.clone()),
                ..AccessFilter::default()
            },
            "citizen_id_area_id_at_id_idx",
        ),
        (
            AccessFilter {
                organisation: Some(org),
                ..AccessFilter::default()
            },
            "citizen_id_organisation_id_at_id_idx",
        ),
        (
            AccessFilter {
                text: Some("a".into()),
                ..AccessFilter::default()
            },
            "citizen_id_at_id_idx",
        ),
    ];
    for (filter, index) in shapes {
        for after in [None, Some(cursor)] {
            let plan = pg
                .access_page_plan(&who, &filter, after, 20, now, false)
                .await
                .unwrap()
                .unwrap();
            let nodes: Vec<&str> = plan
                .lines()
                .map(|l| l.trim_start().trim_start_matches("->").trim_start())
                .collect();
            let context = format!("{filter:?} after {after:?}:\n{plan}");
            assert!(nodes[0].starts_with("Limit"), "{context}");
            assert!(plan.contains(index), "{context}");
            assert!(!nodes.iter().any(|n| n.starts_with("Sort  (")), "{context}");
            assert!(!plan.contains("Seq Scan on access_events"), "{context}");
            // The months one after another, newest first: the page stops in the month that fills it.
            assert!(!plan.contains("Merge Append"), "{context}");
            assert!(nodes.iter().any(|n| n.starts_with("Append")), "{context}");
            if after.is_some() {
                assert!(
                    nodes
                        .iter()
                        .any(|n| n.starts_with("Index Cond") && n.contains("ROW(at, id) < ROW(")),
                    "{context}"
                );
            }
        }
    }
    assert_eq!(
        pg.access_page_plan(
            &who,
            &AccessFilter {
                area: Some("no-such-area".into()),
                ..AccessFilter::default()
            },
            None,
            20,
            now,
            false
        )
        .await
        .unwrap(),
        None
    );
}
