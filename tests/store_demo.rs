//! The demo generator: options, output path handling, determinism; and LocalSource over it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use indsigt::domain::AccessFilter;
use indsigt::source::{DataSource, LocalSource, Principal, SourceError};
use indsigt::store::demo::{DemoError, DemoOptions, write_demo_database};
use rusqlite::Connection;
use std::path::Path;

/// Every row of every table, as text, in a stable order.
fn dump(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    tables.sort();
    let mut out = Vec::new();
    for t in tables {
        // Table names come from sqlite_master of our own file.
        let mut st = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let cols = st.column_count();
        let mut rows: Vec<String> = st
            .query_map([], |r| {
                let mut s = format!("{t}:");
                for i in 0..cols {
                    let v: rusqlite::types::Value = r.get(i)?;
                    s.push_str(&format!("{v:?}|"));
                }
                Ok(s)
            })
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        rows.sort();
        out.push(format!("{t}: {} rows", rows.len()));
        out.extend(rows);
    }
    out
}

#[test]
fn the_same_seed_gives_the_same_content() {
    let a = demo();
    let b = demo();
    let (da, db) = (dump(&a.path), dump(&b.path));
    assert!(da.len() > 3_000);
    assert!(da == db, "content differs");
    assert_eq!(a.summary, b.summary);
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.db");
    write_demo_database(
        &other,
        &DemoOptions {
            seed: 8,
            ..small_options()
        },
    )
    .unwrap();
    assert!(dump(&other) != da, "another seed should give other content");
}

#[test]
fn summary_counts_what_was_written() {
    let d = demo();
    let s = &d.summary;
    assert_eq!(s.citizens, 12);
    // 600 + 400 + 500 + 150 + 3 + 3000 hand-written, 6 × 40 synthetic.
    assert_eq!(s.access_events, 4_653 + 240);
    assert_eq!(s.heavy_citizen.0, HEAVY);
    let conn = Connection::open(&d.path).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM access_events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n as u64, s.access_events);
    let hidden: i64 = conn
        .query_row(
            "SELECT count(*) FROM access_events WHERE hidden_until IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hidden as u64, s.deferred_events);
    // Every citizen with events has a deferred one.
    let without: i64 = conn
        .query_row(
            "SELECT count(*) FROM citizens c WHERE EXISTS (SELECT 1 FROM access_events e WHERE e.citizen_id = c.id)
             AND NOT EXISTS (SELECT 1 FROM access_events e WHERE e.citizen_id = c.id AND e.hidden_until IS NOT NULL)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(without, 0);
    // Every citizen is known by the citizen key and the masked CPR number, whose birth date does not exist.
    let mut st = conn.prepare("SELECT cpr, cpr_key FROM citizens").unwrap();
    let rows = st
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap();
    let mut keys = std::collections::HashSet::new();
    for row in rows {
        let (cpr, key) = row.unwrap();
        assert!(cpr.ends_with("-••••"), "{cpr} is masked");
        let (day, month): (i8, i8) = (cpr[0..2].parse().unwrap(), cpr[2..4].parse().unwrap());
        let year = 1900 + i16::from(cpr[4..6].parse::<i8>().unwrap());
        assert!(
            jiff::civil::Date::new(year, month, day).is_err(),
            "{day}/{month} exists"
        );
        assert_eq!(key.len(), 64);
        assert!(keys.insert(key), "two citizens share a key");
    }
    assert_eq!(keys.len() as u64, s.citizens);
}

/// The hand-written citizens' CPR numbers (`src/store/demo/content/people.rs`).
const HAND_WRITTEN_CPRS: [&str; 6] = [
    "310441-4822",
    "310688-1235",
    "300284-2468",
    "310903-3571",
    "311167-0012",
    "300275-9991",
];

/// Where `needle` occurs in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn the_demo_database_holds_no_cpr_number_in_clear() {
    let d = demo();
    let bytes = std::fs::read(&d.path).unwrap();
    for cpr in HAND_WRITTEN_CPRS {
        let digits = cpr.replace('-', "");
        for spelling in [cpr, digits.as_str()] {
            assert_eq!(
                find(&bytes, spelling.as_bytes()),
                None,
                "{spelling} in the file"
            );
        }
    }
    // No CPR number of anyone, synthetic citizens included, in its dashed form: ddmmyy-nnnn.
    let dashed = bytes
        .windows(11)
        .position(|w| w[6] == b'-' && w[..6].iter().chain(&w[7..]).all(u8::is_ascii_digit));
    assert_eq!(dashed, None, "a dashed CPR number in the file");
    // The cpr_number field is there, masked.
    let store = open(&d);
    let conn = store.connection();
    let masked: Vec<String> = conn
        .prepare("SELECT value_da FROM holding_values WHERE field_id = 'cpr_number'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(masked.len() as u64, d.summary.citizens);
    assert!(masked.iter().all(|m| m.ends_with("-••••")), "{masked:?}");
}

#[test]
fn absurd_options_are_refused_with_message_ids() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.db");
    let cases = [
        (
            DemoOptions {
                citizens: 5,
                ..small_options()
            },
            "error-demo-citizens-range",
        ),
        (
            DemoOptions {
                citizens: 1_000_001,
                ..small_options()
            },
            "error-demo-citizens-range",
        ),
        (
            DemoOptions {
                heavy_events: 50_000_001,
                ..small_options()
            },
            "error-demo-heavy-events-range",
        ),
        (
            DemoOptions {
                events_per_citizen: 100_001,
                ..small_options()
            },
            "error-demo-events-per-citizen-range",
        ),
        (
            DemoOptions {
                citizens: 1_000_000,
                events_per_citizen: 100_000,
                ..small_options()
            },
            "error-demo-too-many-events",
        ),
    ];
    for (opts, id) in cases {
        let err = write_demo_database(&out, &opts).unwrap_err();
        assert_eq!(err.message_id(), id, "{err}");
    }
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
}

#[test]
fn an_existing_output_is_refused_unless_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("taken.db");
    std::fs::write(&out, b"mine").unwrap();
    let err = write_demo_database(&out, &small_options()).unwrap_err();
    assert!(matches!(err, DemoError::OutExists { .. }));
    assert_eq!(std::fs::read(&out).unwrap(), b"mine");
    write_demo_database(
        &out,
        &DemoOptions {
            overwrite: true,
            ..small_options()
        },
    )
    .unwrap();
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temp file left: {names:?}");
}

#[test]
fn an_unwritable_output_gives_a_clear_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no-such-dir").join("x.db");
    let err = write_demo_database(&out, &small_options()).unwrap_err();
    assert!(matches!(err, DemoError::Unwritable { .. }), "{err}");
    assert_eq!(err.message_id(), "error-demo-out-unwritable");
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
}

#[test]
fn local_source_creates_the_demo_once_and_serves_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("indsigt.db");
    let started = std::time::Instant::now();
    let source = LocalSource::open_or_create_demo(&path).unwrap();
    eprintln!("default demo database generated in {:?}", started.elapsed());
    let list = source.demo_citizens().unwrap();
    assert_eq!(list.len(), 6);
    let heavy = Principal::Demo(cid(HEAVY));
    let o = source.overview(&heavy).unwrap();
    assert!(o.access_events >= 99_990, "{}", o.access_events);
    let page = source
        .access_page(&heavy, &AccessFilter::default(), None, 50)
        .unwrap();
    assert_eq!(page.entries.len(), 50);
    let nobody = Principal::Demo(cid("c-nobody"));
    assert_eq!(
        source.overview(&nobody).unwrap_err(),
        SourceError::UnknownCitizen
    );
    let other_event = source
        .access_page(
            &Principal::Demo(cid(ELDERLY)),
            &AccessFilter::default(),
            None,
            1,
        )
        .unwrap();
    assert_eq!(
        source
            .access_event(&heavy, other_event.entries[0].id)
            .unwrap_err(),
        SourceError::NotFound
    );
    drop(source);
    // A second open reuses the file.
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let again = LocalSource::open_or_create_demo(&path).unwrap();
    assert_eq!(again.demo_citizens().unwrap().len(), 6);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
}

#[test]
fn a_demo_database_is_measured_against_its_generation_and_a_real_one_against_now() {
    // The demo, read by the kiosk with the real clock: every system sent data when the demo was made.
    let d = demo();
    let source = LocalSource::open(&d.path).unwrap();
    let systems = source.systems(&Principal::Demo(cid(ELDERLY))).unwrap();
    assert!(systems.len() > 5, "{systems:?}");
    for s in &systems {
        assert!(s.last_ingest.is_some(), "{s:?}");
        assert!(!s.stale, "{} is stale in a fresh demo", s.name);
    }
    let store = open(&d);
    let later =
        jiff::Timestamp::from_second(indsigt::store::demo::GENERATED_AT + 365 * 86_400).unwrap();
    assert!(
        store
            .connected_systems(later, 3_600)
            .unwrap()
            .iter()
            .all(|s| !s.stale)
    );

    // A real database: one system sent a holding three days ago and has been silent since.
    let dir = tempfile::tempdir().unwrap();
    let mut real = indsigt::store::Store::open(&dir.path().join("real.db")).unwrap();
    let cat = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue");
    let (c, digest) = indsigt::catalogue::load_with_digest(&cat).unwrap();
    real.import_catalogue(&c, "catalogue", &digest, 1).unwrap();
    let pepper = indsigt::store::demo::demo_pepper();
    let item = serde_json::json!({
        "record_id": "h-1", "cpr": "300241-1234", "version": 1, "category": "home_care",
        "fields": { "help_granted": { "da": "Rengøring", "en": "Cleaning" } }
    });
    let view = real.catalogue_view().unwrap();
    let record = indsigt::ingest::records::check(
        indsigt::ingest::records::Kind::Holdings,
        "kmd_nexus",
        item,
        &view,
        &pepper,
    )
    .unwrap();
    let now = jiff::Timestamp::now();
    let three_days_ago = jiff::Timestamp::from_second(now.as_second() - 3 * 86_400).unwrap();
    real.ingest_records(&[record], three_days_ago).unwrap();
    let systems = real.connected_systems(now, 48 * 3_600).unwrap();
    let nexus = systems.iter().find(|s| s.name == "KMD Nexus").unwrap();
    assert_eq!(
        nexus.last_ingest.map(|t| t.as_second()),
        Some(three_days_ago.as_second())
    );
    assert!(nexus.stale, "a silent system is stale: {nexus:?}");
    assert!(
        systems
            .iter()
            .filter(|s| s.name != "KMD Nexus")
            .all(|s| s.stale && s.last_ingest.is_none())
    );
    // The same store asked as of the day after the ingest: not stale yet.
    let next_day = jiff::Timestamp::from_second(three_days_ago.as_second() + 86_400).unwrap();
    let fresh = real.connected_systems(next_day, 48 * 3_600).unwrap();
    assert!(!fresh.iter().find(|s| s.name == "KMD Nexus").unwrap().stale);
}
