//! Access-log page speed on a 10M-event database, with the heavy citizen holding 100k events.
//!
//! The database is built once at `$CARGO_TARGET_DIR/bench-10m.db` (or `target/bench-10m.db`) and reused.
//! Compares (a) the store API, (b) the same statement through rusqlite directly, rows mapped to tuples, and
//! (c) a deep page with the cursor far into the log.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{Criterion, criterion_group, criterion_main};
use indsigt::domain::{AccessCursor, AccessFilter, Action, CitizenId};
use indsigt::store::demo::{BASE, DemoOptions, write_demo_database};
use indsigt::store::{Store, page_sql};
use jiff::Timestamp;
use rusqlite::ToSql;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

const HEAVY: &str = "c-e61b5d";
const TOTAL: u64 = 10_000_000;
const HEAVY_EVENTS: u32 = 100_000;
const PER_CITIZEN: u32 = 200;

fn db_path() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("bench-10m.db")
}

fn ensure_db() -> PathBuf {
    let path = db_path();
    if !path.exists() {
        // The hand-written citizens other than the heavy one have 1,653 events.
        let extra = (TOTAL - u64::from(HEAVY_EVENTS) - 1_653) / u64::from(PER_CITIZEN);
        let opts = DemoOptions {
            citizens: 6 + extra as u32,
            heavy_events: HEAVY_EVENTS,
            events_per_citizen: PER_CITIZEN,
            seed: 1,
            overwrite: false,
        };
        let started = Instant::now();
        let summary = write_demo_database(&path, &opts).unwrap();
        eprintln!(
            "built {} with {} citizens and {} events in {:.1?}",
            path.display(),
            summary.citizens,
            summary.access_events,
            started.elapsed()
        );
    }
    path
}

type Row = (
    (i64, i64, String, String, String, String, String, String),
    (Option<String>, String, String, String, String, i64),
    (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<i64>,
        Option<i64>,
    ),
);

fn map_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        (
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
        ),
        (
            r.get(8)?,
            r.get(9)?,
            r.get(10)?,
            r.get(11)?,
            r.get(12)?,
            r.get(13)?,
        ),
        (
            r.get(14)?,
            r.get(15)?,
            r.get(16)?,
            r.get(17)?,
            r.get(18)?,
            r.get(19)?,
        ),
    ))
}

fn bench(c: &mut Criterion) {
    let path = ensure_db();
    let store = Store::open(&path).unwrap();
    let who = CitizenId(HEAVY.into());
    let now = Timestamp::from_second(BASE).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let key: i64 = conn
        .query_row(
            "SELECT id FROM citizens WHERE public_id = ?1",
            [HEAVY],
            |r| r.get(0),
        )
        .unwrap();
    let total: i64 = conn
        .query_row("SELECT count(*) FROM access_events", [], |r| r.get(0))
        .unwrap();
    let heavy_total: i64 = conn
        .query_row(
            "SELECT count(*) FROM access_events WHERE citizen_id = ?1",
            [key],
            |r| r.get(0),
        )
        .unwrap();
    eprintln!("database: {total} events, heavy citizen {heavy_total}");

    let viewed = AccessFilter {
        action: Some(Action::Viewed),
        ..Default::default()
    };
    let sql = page_sql(&viewed, false);
    for line in conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap()
        .query_map(
            &[
                (":citizen", &key as &dyn ToSql),
                (":now", &BASE),
                (":action", &0i64),
                (":limit", &51i64),
            ][..],
            |r| r.get::<_, String>(3),
        )
        .unwrap()
    {
        eprintln!("plan: {}", line.unwrap());
    }

    let mut g = c.benchmark_group("access_log_page_50");
    g.bench_function("a_store_api_action_viewed", |b| {
        b.iter(|| black_box(store.access_page(&who, &viewed, None, 50, now).unwrap()))
    });
    g.bench_function("b_raw_sql_action_viewed", |b| {
        b.iter(|| {
            let mut st = conn.prepare_cached(&sql).unwrap();
            let params: &[(&str, &dyn ToSql)] = &[
                (":citizen", &key),
                (":now", &BASE),
                (":action", &0i64),
                (":limit", &51i64),
            ];
            let rows: Vec<Row> = st
                .query_map(params, map_row)
                .unwrap()
                .map(|r| r.unwrap())
                .collect();
            black_box(rows)
        })
    });

    let deep: (i64, i64) = conn
        .query_row(
            "SELECT at, id FROM access_events WHERE citizen_id = ?1 ORDER BY at DESC, id DESC LIMIT 1 OFFSET 90000",
            [key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let cursor = AccessCursor {
        at: Timestamp::from_second(deep.0).unwrap(),
        id: deep.1,
    };
    g.bench_function("c_store_api_deep_page_90k", |b| {
        b.iter(|| {
            black_box(
                store
                    .access_page(&who, &AccessFilter::default(), Some(cursor), 50, now)
                    .unwrap(),
            )
        })
    });
    let area = AccessFilter {
        area: Some("library".into()),
        ..Default::default()
    };
    g.bench_function("d_store_api_area_library", |b| {
        b.iter(|| black_box(store.access_page(&who, &area, None, 50, now).unwrap()))
    });
    let text = AccessFilter {
        text: Some("bibliotekar".into()),
        ..Default::default()
    };
    g.bench_function("e_store_api_text_search", |b| {
        b.iter(|| black_box(store.access_page(&who, &text, None, 50, now).unwrap()))
    });
    g.bench_function("f_store_api_overview", |b| {
        b.iter(|| black_box(store.overview(&who, now).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
