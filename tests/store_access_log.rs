//! The access log: keyset paging, filters, deferred entries, and cross-citizen isolation.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use indsigt::domain::{AccessCursor, AccessEvent, AccessFilter, Action};
use indsigt::store::demo::{DEFERRED_UNTIL, SHORT_DEFERRED_UNTIL};
use indsigt::store::{MAX_PAGE, Store, StoreError};
use jiff::Timestamp;
use std::collections::HashSet;

fn walk(
    store: &Store,
    who: &str,
    filter: &AccessFilter,
    limit: u32,
    now: Timestamp,
) -> Vec<AccessEvent> {
    let mut all = Vec::new();
    let mut after: Option<AccessCursor> = None;
    loop {
        let page = store
            .access_page(&cid(who), filter, after, limit, now)
            .unwrap();
        assert!(page.entries.len() <= limit as usize);
        all.extend(page.entries);
        match page.next {
            Some(c) => after = Some(c),
            None => break,
        }
    }
    all
}

fn assert_newest_first(events: &[AccessEvent]) {
    for w in events.windows(2) {
        assert!(
            (w[0].at, w[0].id) > (w[1].at, w[1].id),
            "not newest first: {} then {}",
            w[0].id,
            w[1].id
        );
    }
}

#[test]
fn paging_walks_the_heavy_log_without_duplicates_or_gaps() {
    let d = demo();
    let store = open(&d);
    let all = walk(&store, HEAVY, &AccessFilter::default(), 50, now());
    assert_newest_first(&all);
    let ids: HashSet<i64> = all.iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), all.len(), "duplicates");
    // Compare with every visible row of the citizen, straight from SQL.
    let expected: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM access_events e JOIN citizens c ON c.id = e.citizen_id
             WHERE c.public_id = ?1 AND (e.hidden_until IS NULL OR e.hidden_until <= ?2)",
            rusqlite::params![HEAVY, now().as_second()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(all.len() as i64, expected);
    assert_eq!(all.len(), 3_000 - 2);
    let overview = store.overview(&cid(HEAVY), now()).unwrap();
    assert_eq!(overview.access_events as usize, all.len());
    // Ties on the second exist in the demo data, and the id breaks them.
    let ties = all.windows(2).filter(|w| w[0].at == w[1].at).count();
    assert!(ties > 0, "the demo data should have same-second entries");
    // Different page sizes see the same log.
    let other = walk(&store, HEAVY, &AccessFilter::default(), 7, now());
    assert_eq!(
        other.iter().map(|e| e.id).collect::<Vec<_>>(),
        all.iter().map(|e| e.id).collect::<Vec<_>>()
    );
}

#[test]
fn limit_is_capped_and_zero_means_one() {
    let d = demo();
    let store = open(&d);
    let page = store
        .access_page(&cid(HEAVY), &AccessFilter::default(), None, 10_000, now())
        .unwrap();
    assert_eq!(page.entries.len(), MAX_PAGE as usize);
    assert!(page.next.is_some());
    let page = store
        .access_page(&cid(HEAVY), &AccessFilter::default(), None, 0, now())
        .unwrap();
    assert_eq!(page.entries.len(), 1);
}

#[test]
fn each_filter_returns_only_matching_entries() {
    let d = demo();
    let store = open(&d);
    let all = walk(&store, HEAVY, &AccessFilter::default(), 200, now());

    let f = AccessFilter {
        action: Some(Action::Disclosed),
        ..Default::default()
    };
    let got = walk(&store, HEAVY, &f, 100, now());
    assert_newest_first(&got);
    assert_eq!(
        got.len(),
        all.iter().filter(|e| e.action == Action::Disclosed).count()
    );
    assert!(!got.is_empty());

    let f = AccessFilter {
        area: Some("library".into()),
        ..Default::default()
    };
    let got = walk(&store, HEAVY, &f, 100, now());
    assert_eq!(
        got.len(),
        all.iter().filter(|e| e.area == "library").count()
    );
    assert!(!got.is_empty());
    let f = AccessFilter {
        area: Some("nowhere".into()),
        ..Default::default()
    };
    assert!(walk(&store, HEAVY, &f, 100, now()).is_empty());

    let orgs = store.organisations(&cid(HEAVY), now()).unwrap();
    let udk = orgs
        .iter()
        .find(|o| o.name.da == "Udbetaling Danmark")
        .unwrap();
    let f = AccessFilter {
        organisation: Some(udk.id),
        ..Default::default()
    };
    let got = walk(&store, HEAVY, &f, 100, now());
    assert_eq!(
        got.len(),
        all.iter()
            .filter(|e| e.organisation.da == "Udbetaling Danmark")
            .count()
    );
    assert!(
        got.iter().any(|e| e.batch.is_some()),
        "UDK runs are batch lines"
    );

    let from = all[all.len() / 2].at;
    let to = all[all.len() / 4].at;
    let f = AccessFilter {
        from: Some(from),
        to: Some(to),
        ..Default::default()
    };
    let got = walk(&store, HEAVY, &f, 100, now());
    assert_eq!(
        got.len(),
        all.iter().filter(|e| e.at >= from && e.at < to).count()
    );

    // Free text, case-insensitive, also on Danish letters, across names and case references.
    let f = AccessFilter {
        text: Some("HJEMMEPLEJEN".into()),
        ..Default::default()
    };
    assert!(
        walk(&store, ELDERLY, &f, 100, now())
            .iter()
            .all(|e| e.unit.da.contains("Hjemmeplejen"))
    );
    let f = AccessFilter {
        text: Some("bibliotekar".into()),
        ..Default::default()
    };
    let got = walk(&store, HEAVY, &f, 100, now());
    assert_eq!(
        got.len(),
        all.iter().filter(|e| e.role.da == "Bibliotekar").count()
    );
    let f = AccessFilter {
        text: Some("Økonomi".into()),
        ..Default::default()
    };
    let got = walk(&store, HEAVY, &f, 100, now());
    assert!(!got.is_empty() && got.iter().all(|e| e.organisation.da.starts_with("Økonomi")));
    let case = all.iter().find_map(|e| e.case_ref.clone()).unwrap();
    let f = AccessFilter {
        text: Some(case.to_lowercase()),
        ..Default::default()
    };
    let got = walk(&store, HEAVY, &f, 100, now());
    assert!(
        got.iter()
            .any(|e| e.case_ref.as_deref() == Some(case.as_str()))
    );

    // Filters combine with AND.
    let f = AccessFilter {
        area: Some("cpr".into()),
        action: Some(Action::Changed),
        ..Default::default()
    };
    let got = walk(&store, HEAVY, &f, 100, now());
    assert_eq!(
        got.len(),
        all.iter()
            .filter(|e| e.area == "cpr" && e.action == Action::Changed)
            .count()
    );
}

#[test]
fn deferred_entries_stay_hidden_until_their_date() {
    let d = demo();
    let store = open(&d);
    let who = cid(ELDERLY);
    let hidden: Vec<i64> = {
        let mut st = store
            .connection()
            .prepare("SELECT e.id FROM access_events e JOIN citizens c ON c.id = e.citizen_id WHERE c.public_id = ?1 AND e.hidden_until IS NOT NULL ORDER BY e.hidden_until")
            .unwrap();
        st.query_map([ELDERLY], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    assert_eq!(hidden.len(), 2);
    let visible = walk(&store, ELDERLY, &AccessFilter::default(), 200, now());
    assert!(visible.iter().all(|e| !hidden.contains(&e.id)));
    for id in &hidden {
        assert!(matches!(
            store.access_event(&who, *id, now()),
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store.access_event(&who, *id, now()),
            Err(StoreError::NotFound)
        ));
    }
    let police = AccessFilter {
        text: Some("politi".into()),
        ..Default::default()
    };
    assert!(walk(&store, ELDERLY, &police, 50, now()).is_empty());
    assert_eq!(store.overview(&who, now()).unwrap().access_events, 598);

    // Once `now` passes the short deferral, that one entry appears everywhere; the 2030 one does not.
    let mid = Timestamp::from_second(SHORT_DEFERRED_UNTIL).unwrap();
    assert_eq!(store.overview(&who, mid).unwrap().access_events, 599);
    let got = walk(&store, ELDERLY, &police, 50, mid);
    assert_eq!(got.iter().map(|e| e.id).collect::<Vec<_>>(), [hidden[0]]);
    assert!(store.access_event(&who, hidden[0], mid).is_ok());
    assert!(matches!(
        store.access_event(&who, hidden[1], mid),
        Err(StoreError::NotFound)
    ));

    let late = Timestamp::from_second(DEFERRED_UNTIL).unwrap();
    assert_eq!(store.overview(&who, late).unwrap().access_events, 600);
    assert_eq!(
        walk(&store, ELDERLY, &AccessFilter::default(), 200, late).len(),
        600
    );
    let e = store.access_event(&who, hidden[1], late).unwrap();
    assert_eq!(e.action, Action::Disclosed);
    assert_eq!(e.hidden_until, Some(late));
}

#[test]
fn another_citizens_items_are_not_found() {
    let d = demo();
    let mut store = open(&d);
    let me = cid(STUDENT);
    let theirs = store
        .access_page(&cid(ELDERLY), &AccessFilter::default(), None, 1, now())
        .unwrap();
    let their_event = theirs.entries[0].id;
    assert!(matches!(
        store.access_event(&me, their_event, now()),
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.report_access(&me, their_event, now()),
        Err(StoreError::NotFound)
    ));
    let their_cat = store.categories(&cid(ELDERLY), "health").unwrap()[0].id;
    assert!(matches!(
        store.category(&me, their_cat),
        Err(StoreError::NotFound)
    ));
    let their_consent = store
        .consents(&cid(ELDERLY))
        .unwrap()
        .into_iter()
        .find(|c| c.is_active())
        .unwrap()
        .id;
    assert!(matches!(
        store.withdraw_consent(&me, their_consent, now()),
        Err(StoreError::NotFound)
    ));
    assert!(
        store
            .consents(&cid(ELDERLY))
            .unwrap()
            .iter()
            .any(|c| c.id == their_consent && c.is_active())
    );
    // The organisation filter with another citizen's organisation gives nothing of theirs.
    let orgs = store.organisations(&cid(ELDERLY), now()).unwrap();
    for o in orgs {
        let f = AccessFilter {
            organisation: Some(o.id),
            ..Default::default()
        };
        let page = store.access_page(&me, &f, None, 200, now()).unwrap();
        assert!(
            page.entries
                .iter()
                .all(|e| store.access_event(&me, e.id, now()).is_ok())
        );
    }
}

#[test]
fn a_reference_is_on_every_entry() {
    let d = demo();
    let store = open(&d);
    let page = store
        .access_page(&cid(PARENT), &AccessFilter::default(), None, 20, now())
        .unwrap();
    assert!(page.entries.iter().all(|e| e.reference.starts_with("LOG-")));
    let one = store
        .access_event(&cid(PARENT), page.entries[3].id, now())
        .unwrap();
    assert_eq!(one, page.entries[3]);
}

#[test]
fn every_filter_shape_reads_an_index_in_order_without_sorting() {
    let d = demo();
    let store = open(&d);
    let t = Some(now());
    let shapes = [
        (AccessFilter::default(), "idx_events_citizen_at"),
        (
            AccessFilter {
                from: t,
                to: t,
                ..Default::default()
            },
            "idx_events_citizen_at",
        ),
        (
            AccessFilter {
                action: Some(Action::Viewed),
                ..Default::default()
            },
            "idx_events_citizen_action_at",
        ),
        (
            AccessFilter {
                area: Some("cpr".into()),
                ..Default::default()
            },
            "idx_events_citizen_area_at",
        ),
        (
            AccessFilter {
                organisation: Some(1),
                ..Default::default()
            },
            "idx_events_citizen_org_at",
        ),
        (
            AccessFilter {
                text: Some("x".into()),
                ..Default::default()
            },
            "idx_events_citizen_at",
        ),
    ];
    for (filter, index) in shapes {
        for cursor in [false, true] {
            let sql = format!(
                "EXPLAIN QUERY PLAN {}",
                indsigt::store::page_sql(&filter, cursor)
            );
            let mut st = store.connection().prepare(&sql).unwrap();
            let mut rows = st.raw_query();
            let mut plan = Vec::new();
            while let Some(r) = rows.next().unwrap() {
                plan.push(r.get::<_, String>(3).unwrap());
            }
            let plan = plan.join("\n");
            assert!(plan.contains(index), "{filter:?} cursor={cursor}:\n{plan}");
            assert!(
                !plan.contains("TEMP B-TREE"),
                "{filter:?} cursor={cursor}:\n{plan}"
            );
            assert!(
                plan.lines().next().unwrap().starts_with("SEARCH e"),
                "{plan}"
            );
        }
    }
}
