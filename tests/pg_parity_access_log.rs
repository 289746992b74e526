//! The access log on PostgreSQL answers exactly what SQLite answers on a copy of the demo: every page of
//! every demo citizen's log with each filter and a search (following `next` to the end), single entries
//! (own, another citizen's, deferred), the reports and the organisations.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_support;

use indsigt::domain::{AccessCursor, AccessFilter, Action, CitizenId};
use indsigt::store::demo::{DEFERRED_UNTIL, SHORT_DEFERRED_UNTIL};
use indsigt::store::postgres::PgStore;
use indsigt::store::{CitizenRef, Store, StoreError};
use jiff::Timestamp;

fn err<T: std::fmt::Debug>(r: Result<T, StoreError>) -> String {
    format!("{:?}", r.map(|_| ()))
}

/// Walks both logs page by page with `filter`, asserting each page equal; answers how many entries.
async fn walk_both(
    sqlite: &Store,
    pg: &PgStore,
    (id, who): (&CitizenId, &CitizenRef),
    filter: &AccessFilter,
    limit: u32,
    now: Timestamp,
) -> usize {
    let mut after: Option<AccessCursor> = None;
    let mut seen = 0;
    for _ in 0..10_000 {
        let a = sqlite.access_page(id, filter, after, limit, now).unwrap();
        let b = pg
            .access_page(who, filter, after, limit, now)
            .await
            .unwrap();
        assert_eq!(a, b, "page after {after:?} with {filter:?}");
        seen += a.entries.len();
        match a.next {
            Some(c) => after = Some(c),
            None => return seen,
        }
    }
    panic!("the log never ended");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_of_every_citizen_matches_sqlite() {
    let demo = common::demo();
    let dir = tempfile::tempdir().unwrap();
    let Some((_settings, pg)) = pg_support::copy_of(&demo.path, dir.path()).await else {
        return;
    };
    let sqlite = Store::open(&demo.path).unwrap();
    let citizens = sqlite.demo_citizens().unwrap();
    assert!(citizens.len() >= 6, "the demo has citizens");
    let later = Timestamp::from_second(DEFERRED_UNTIL.max(SHORT_DEFERRED_UNTIL) + 1).unwrap();
    let (mut total, mut filtered, mut searched, mut orgs_seen) = (0, 0, 0, 0);
    for c in &citizens {
        let id = &c.citizen.id;
        let who = CitizenRef::Subject(c.citizen.subject.clone());
        let both = (id, &who);
        for now in [common::now(), later] {
            let orgs = sqlite.organisations(id, now).unwrap();
            assert_eq!(orgs, pg.organisations(&who, now).await.unwrap());
            orgs_seen += orgs.len();
            let plain = AccessFilter::default();
            let n = walk_both(&sqlite, &pg, both, &plain, 37, now).await;
            total += n;
            // The page size is clamped on both engines.
            for limit in [0, 1, 10_000] {
                let a = sqlite.access_page(id, &plain, None, limit, now).unwrap();
                let b = pg
                    .access_page(&who, &plain, None, limit, now)
                    .await
                    .unwrap();
                assert_eq!(a, b, "limit {limit}");
            }
            let first = sqlite.access_page(id, &plain, None, 200, now).unwrap();
            let mut filters = Vec::new();
            for action in Action::ALL {
                filters.push(AccessFilter {
                    action: Some(action),
                    ..AccessFilter::default()
                });
            }
            let mut areas: Vec<String> = first.entries.iter().map(|e| e.area.clone()).collect();
            areas.sort();
            areas.dedup();
            areas.push("no-such-area".into());
            for area in areas {
                filters.push(AccessFilter {
                    area: Some(area),
                    ..AccessFilter::default()
                });
            }
            for org in orgs.iter().map(|o| o.id).chain([-1]) {
                filters.push(AccessFilter {
                    organisation: Some(org),
                    ..AccessFilter::default()
                });
            }
            if let (Some(newest), Some(oldest)) = (first.entries.first(), first.entries.last()) {
                let mid =
                    Timestamp::from_second((newest.at.as_second() + oldest.at.as_second()) / 2)
                        .unwrap();
                filters.push(AccessFilter {
                    from: Some(mid),
                    ..AccessFilter::default()
                });
                filters.push(AccessFilter {
                    to: Some(mid),
                    ..AccessFilter::default()
                });
                filters.push(AccessFilter {
                    from: Some(oldest.at),
                    to: Some(newest.at),
                    action: Some(Action::Viewed),
                    ..AccessFilter::default()
                });
            }
            // Searches: a name part in either language and any case, a case reference, non-ASCII
            // letters, only spaces, and nothing at all.
            let mut texts: Vec<String> =
                vec!["  ".into(), "Æ".into(), "ø".into(), "zzz-nothing".into()];
            if let Some(e) = first.entries.first() {
                texts.push(
                    e.organisation
                        .da
                        .chars()
                        .take(5)
                        .collect::<String>()
                        .to_uppercase(),
                );
                texts.push(format!(
                    " {} ",
                    e.unit.en.chars().skip(1).take(4).collect::<String>()
                ));
                texts.push(e.purpose.da.chars().take(6).collect());
            }
            if let Some(r) = first.entries.iter().find_map(|e| e.case_ref.clone()) {
                texts.push(r.to_lowercase());
                texts.push(r.to_uppercase());
            }
            for text in texts {
                filters.push(AccessFilter {
                    text: Some(text),
                    ..AccessFilter::default()
                });
            }
            for filter in &filters {
                let n = walk_both(&sqlite, &pg, both, filter, 23, now).await;
                if filter.text.is_some() {
                    searched += n;
                } else {
                    filtered += n;
                }
            }
            // Cursors that point at no entry: past the end, before the start, between entries.
            let mut cursors = vec![
                AccessCursor {
                    at: Timestamp::from_second(0).unwrap(),
                    id: 0,
                },
                AccessCursor {
                    at: Timestamp::from_second(4_000_000_000).unwrap(),
                    id: i64::MAX,
                },
                AccessCursor { at: now, id: -5 },
            ];
            if let Some(e) = first.entries.get(3) {
                cursors.push(AccessCursor {
                    at: e.at,
                    id: e.id + 1_000_000,
                });
                cursors.push(AccessCursor { at: e.at, id: 0 });
            }
            for after in cursors {
                let a = sqlite
                    .access_page(id, &plain, Some(after), 11, now)
                    .unwrap();
                let b = pg
                    .access_page(&who, &plain, Some(after), 11, now)
                    .await
                    .unwrap();
                assert_eq!(a, b, "cursor {after:?}");
            }
        }
        assert_eq!(
            sqlite.access_reports(id).unwrap(),
            pg.access_reports(&who).await.unwrap()
        );
    }
    // The demo's logs are not empty, and the filters and searches found entries.
    assert!(total > 3_000, "{total} entries walked");
    assert!(filtered > 3_000, "{filtered} filtered entries walked");
    assert!(searched > 100, "{searched} entries found by search");
    assert!(orgs_seen > 0);
    let nobody = CitizenRef::Subject("nobody".into());
    assert!(matches!(
        pg.access_page(&nobody, &AccessFilter::default(), None, 10, common::now())
            .await,
        Err(StoreError::UnknownCitizen)
    ));
    for r in [
        err(pg.access_event(&nobody, 1, common::now()).await),
        err(pg.access_reports(&nobody).await),
        err(pg.organisations(&nobody, common::now()).await),
    ] {
        assert_eq!(r, "Err(UnknownCitizen)");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn single_entries_match_sqlite_own_foreign_and_deferred() {
    let demo = common::demo();
    let dir = tempfile::tempdir().unwrap();
    let Some((_settings, pg)) = pg_support::copy_of(&demo.path, dir.path()).await else {
        return;
    };
    let sqlite = Store::open(&demo.path).unwrap();
    let citizens = sqlite.demo_citizens().unwrap();
    // Every entry with its owner, and the deferred ones.
    let rows: Vec<(i64, String, Option<i64>)> = sqlite
        .connection()
        .prepare(
            "SELECT e.id, c.public_id, e.hidden_until FROM access_events e
             JOIN citizens c ON c.id = e.citizen_id ORDER BY e.id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let hidden: Vec<&(i64, String, Option<i64>)> = rows.iter().filter(|r| r.2.is_some()).collect();
    assert!(!hidden.is_empty(), "the demo has deferred entries");
    // A sample of entries (every 97th, and all the deferred ones) asked by every citizen.
    let sample: Vec<&(i64, String, Option<i64>)> = rows
        .iter()
        .step_by(97)
        .chain(hidden.iter().copied())
        .collect();
    let later = Timestamp::from_second(DEFERRED_UNTIL.max(SHORT_DEFERRED_UNTIL) + 1).unwrap();
    let (mut found, mut not_found) = (0, 0);
    for c in &citizens {
        let who = CitizenRef::Subject(c.citizen.subject.clone());
        for (event, owner, hidden_until) in &sample {
            for now in [common::now(), later] {
                let a = sqlite.access_event(&c.citizen.id, *event, now);
                let b = pg.access_event(&who, *event, now).await;
                let own = *owner == c.citizen.id.0;
                let visible = hidden_until.is_none_or(|h| h <= now.as_second());
                match (a, b) {
                    (Ok(a), Ok(b)) => {
                        assert!(own && visible);
                        assert_eq!(a, b);
                        found += 1;
                    }
                    (Err(StoreError::NotFound), Err(StoreError::NotFound)) => {
                        assert!(!(own && visible), "entry {event} of {owner}");
                        not_found += 1;
                    }
                    (a, b) => panic!(
                        "entry {event}: sqlite {:?}, postgres {:?}",
                        a.map(|_| ()),
                        b.map(|_| ())
                    ),
                }
            }
        }
        for missing in [0, -1, i64::MAX] {
            assert_eq!(
                err(pg.access_event(&who, missing, common::now()).await),
                "Err(NotFound)"
            );
        }
    }
    assert!(
        found > 10 && not_found > 10,
        "{found} found, {not_found} not found"
    );
    // A deferred entry is NotFound at the demo's now, and shown to its owner after its date.
    let (event, owner, until) = hidden[0];
    let who = CitizenRef::Subject(
        citizens
            .iter()
            .find(|c| c.citizen.id.0 == *owner)
            .unwrap()
            .citizen
            .subject
            .clone(),
    );
    let until = until.unwrap();
    assert!(until > common::now().as_second());
    assert_eq!(
        err(pg.access_event(&who, *event, common::now()).await),
        "Err(NotFound)"
    );
    let shown = pg
        .access_event(&who, *event, Timestamp::from_second(until).unwrap())
        .await
        .unwrap();
    assert_eq!(shown.hidden_until.map(|t| t.as_second()), Some(until));
}
