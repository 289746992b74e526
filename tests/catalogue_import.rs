#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Importing a catalogue into a real SQLite file: versions, the refusal to drop a category that citizens still
//! have data in, all-or-nothing, the migration that keeps existing data, and `indsigt catalogue import`.

use indsigt::catalogue::{Catalogue, load};
use indsigt::store::{ImportError, SUPPORTED_VERSION, StillInUse, Store};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

mod common;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_owned()
}

fn shipped() -> Catalogue {
    load(&root().join("catalogue")).unwrap()
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

const TABLES: &[&str] = &[
    "catalogue_versions",
    "cat_areas",
    "cat_systems",
    "cat_legal_bases",
    "cat_purposes",
    "cat_categories",
    "cat_category_fields",
    "cat_category_purposes",
    "cat_category_recipients",
    "cat_consent_types",
    "cat_decision_tools",
    "cat_decision_inputs",
    "cat_purpose_codes",
    "holdings",
];

fn counts(conn: &Connection) -> Vec<i64> {
    TABLES.iter().map(|t| count(conn, t)).collect()
}

/// A citizen with one holding in `category` (the ingest path is not built yet, so it is written directly).
fn give_holding(store: &Store, public_id: &str, category: &str) {
    let conn = store.connection();
    conn.execute(
        "INSERT INTO citizens (public_id, subject, name, cpr) VALUES (?1, ?1, 'Test Person', '300201-0000')",
        [public_id],
    )
    .unwrap();
    let citizen = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO holdings (citizen_id, category_id, system_id, record_id, updated_at, record_version)
         VALUES (?1, ?2, 'kmd_nexus', ?3, 0, 1)",
        rusqlite::params![citizen, category, format!("rec-{public_id}")],
    )
    .unwrap();
}

#[test]
fn the_shipped_catalogue_imports_as_version_1_with_every_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    assert_eq!(store.catalogue_version().unwrap(), None);
    let c = shipped();
    let done = store
        .import_catalogue(&c, "catalogue", "abc", 1_000)
        .unwrap();
    assert_eq!((done.version, done.previous), (1, None));
    assert_eq!(store.catalogue_version().unwrap(), Some(1));
    let conn = store.connection();
    assert_eq!(count(conn, "cat_areas"), c.areas.len() as i64);
    assert_eq!(count(conn, "cat_categories"), c.categories.len() as i64);
    let fields: usize = c.categories.iter().map(|c| c.fields.len()).sum();
    assert_eq!(count(conn, "cat_category_fields"), fields as i64);
    assert_eq!(
        count(conn, "cat_consent_types"),
        c.consent_types.len() as i64
    );
    assert_eq!(
        count(conn, "cat_decision_tools"),
        c.decision_tools.len() as i64
    );
    assert!(c.purpose_codes.len() >= 4);
    assert_eq!(
        count(conn, "cat_purpose_codes"),
        c.purpose_codes.len() as i64
    );
    let treat: String = conn
        .query_row(
            "SELECT purpose_id FROM cat_purpose_codes WHERE version_id = 1
             AND system = 'http://terminology.hl7.org/CodeSystem/v3-ActReason' AND code = 'TREAT'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(treat, "p_home_care");
    let (years, after, eoy): (Option<i64>, Option<String>, bool) = conn
        .query_row(
            "SELECT retention_years, retention_after, retention_end_of_year FROM cat_categories
             WHERE version_id = 1 AND id = 'home_care'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (years, after.as_deref(), eoy),
        (Some(5), Some("last_use"), true)
    );
    let (years, after): (Option<i64>, Option<String>) = conn
        .query_row(
            "SELECT retention_years, retention_after FROM cat_categories WHERE version_id = 1 AND id = 'cpr_basic'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((years, after), (None, None));
}

#[test]
fn each_import_is_a_new_version_and_the_old_one_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    let mut c = shipped();
    store
        .import_catalogue(&c, "catalogue", "one", 1_000)
        .unwrap();
    c.areas[0].name.en = "Civil registration".into();
    let done = store
        .import_catalogue(&c, "catalogue", "two", 2_000)
        .unwrap();
    assert_eq!((done.version, done.previous), (2, Some(1)));
    let names: Vec<String> = store
        .connection()
        .prepare("SELECT name_en FROM cat_areas WHERE id = 'cpr' ORDER BY version_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(names, ["Civil registration (CPR)", "Civil registration"]);
}

#[test]
fn an_import_that_drops_a_category_in_use_is_refused_names_it_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    let full = shipped();
    store
        .import_catalogue(&full, "catalogue", "one", 1_000)
        .unwrap();
    give_holding(&store, "c-1", "home_care");
    give_holding(&store, "c-2", "home_care");
    give_holding(&store, "c-3", "rehab");
    let before = counts(store.connection());

    let mut smaller = full.clone();
    smaller
        .categories
        .retain(|c| c.id != "home_care" && c.id != "library");
    let err = store
        .import_catalogue(&smaller, "catalogue", "two", 2_000)
        .unwrap_err();
    let ImportError::StillInUse(uses) = &err else {
        panic!("{err:?}");
    };
    assert_eq!(
        uses,
        &[StillInUse {
            kind: "category",
            id: "home_care".into(),
            citizens: 2,
        }]
    );
    assert_eq!(counts(store.connection()), before);
    assert_eq!(store.catalogue_version().unwrap(), Some(1));

    // Dropping a category no citizen has data in is fine.
    let mut without_library = full.clone();
    without_library.categories.retain(|c| c.id != "library");
    assert_eq!(
        store
            .import_catalogue(&without_library, "catalogue", "three", 3_000)
            .unwrap()
            .version,
        2
    );
}

#[test]
fn a_failure_halfway_rolls_back_the_whole_import() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    store
        .import_catalogue(&shipped(), "catalogue", "one", 1_000)
        .unwrap();
    let before = counts(store.connection());
    // Not a checked catalogue: the last category names an area that does not exist. The database's foreign
    // keys refuse it after everything before it was written.
    let mut bad = shipped();
    bad.categories.last_mut().unwrap().area = "nowhere".into();
    let err = store
        .import_catalogue(&bad, "catalogue", "two", 2_000)
        .unwrap_err();
    assert!(
        matches!(&err, ImportError::Store(e) if e.to_string().contains("FOREIGN KEY")),
        "{err:?}"
    );
    assert_eq!(counts(store.connection()), before);
}

#[test]
fn a_version_2_database_is_migrated_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../src/store/schema_v1.sql"))
            .unwrap();
        conn.execute_batch(include_str!("../src/store/schema_v2.sql"))
            .unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 2;
             INSERT INTO areas (code, sort, name_da, name_en, description_da, description_en)
                 VALUES ('health', 0, 'Sundhed', 'Health', 'd', 'e');
             INSERT INTO citizens (public_id, subject, name, cpr) VALUES ('c-old', 'sub-old', 'Old Person', '300201-0000');",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SUPPORTED_VERSION);
    let c = store
        .citizen(&indsigt::domain::CitizenId("c-old".into()))
        .unwrap();
    assert_eq!(c.name, "Old Person");
    assert_eq!(count(store.connection(), "areas"), 1);
    store
        .import_catalogue(&shipped(), "catalogue", "one", 1_000)
        .unwrap();
}

/// Schema step 8: a database the old demo wrote (CPR numbers in clear in `citizens.cpr` and in field values)
/// keeps its citizens and values, with every CPR number masked, and the file holds the numbers no more.
#[test]
fn clear_cpr_numbers_of_an_old_database_are_masked_by_the_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    {
        let conn = Connection::open(&path).unwrap();
        for step in [
            include_str!("../src/store/schema_v1.sql"),
            include_str!("../src/store/schema_v2.sql"),
            include_str!("../src/store/schema_v3.sql"),
            include_str!("../src/store/schema_v4.sql"),
            include_str!("../src/store/schema_v5.sql"),
        ] {
            conn.execute_batch(step).unwrap();
        }
        conn.execute_batch(
            "PRAGMA user_version = 5; PRAGMA foreign_keys = OFF;
             INSERT INTO citizens (id, public_id, subject, name, cpr) VALUES
                 (1, 'c-old', 'sub-old', 'Old Person', '300201-4711'),
                 (2, 'c-two', 'sub-two', 'Two', '3104551234'),
                 (3, 'k-new', 'cpr-key:ab', '', '310366-••••');
             INSERT INTO holdings (id, citizen_id, category_id, system_id, record_id, updated_at, record_version)
                 VALUES (1, 1, 'cpr_basic', 'cpr', 'r-1', 0, 1);
             INSERT INTO holding_values (holding_id, field_id, value_da, value_en) VALUES
                 (1, 'cpr_number', '300201-4711', '300201-4711'),
                 (1, 'phone', '12345678', '12345678'),
                 (1, 'account', '9912345678', '9912345678');
             INSERT INTO categories (id, citizen_id, area_id, kind_id, description_da, description_en, origin_kind,
                 origin_da, origin_en, legal_basis_id, lawfulness, retention_da, retention_en, system_id, special,
                 updated_at)
                 VALUES (1, 1, 1, 1, 'd', 'e', 'citizen', 'o', 'o', 1, 'voluntary', 'r', 'r', 1, 0, 0);
             INSERT INTO category_fields (category_id, pos, label_da, label_en, value_da, value_en, sensitive)
                 VALUES (1, 0, 'CPR-nummer', 'CPR number', '3002014711', '3002014711', 1);",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SUPPORTED_VERSION);
    let conn = store.connection();
    let strings = |sql: &str| -> Vec<String> {
        conn.prepare(sql)
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(
        strings("SELECT cpr FROM citizens ORDER BY id"),
        ["300201-••••", "310455-••••", "310366-••••"]
    );
    assert_eq!(
        strings("SELECT value_da || '|' || value_en FROM holding_values ORDER BY field_id"),
        [
            "9912345678|9912345678",
            "300201-••••|300201-••••",
            "12345678|12345678"
        ],
        "a month 99 is no CPR number, a phone number is kept"
    );
    assert_eq!(
        strings("SELECT value_da FROM category_fields"),
        ["300201-••••"]
    );
    let c = store
        .citizen(&indsigt::domain::CitizenId("c-old".into()))
        .unwrap();
    assert_eq!(
        (c.name.as_str(), c.cpr.masked().as_str()),
        ("Old Person", "300201-••••")
    );
    drop(store);
    let bytes = std::fs::read(&path).unwrap();
    for cpr in ["300201-4711", "3002014711", "3104551234"] {
        assert!(
            !bytes.windows(cpr.len()).any(|w| w == cpr.as_bytes()),
            "{cpr} is still in the file"
        );
    }
}

#[test]
fn demo_data_is_built_from_the_shipped_catalogue_through_the_import() {
    let d = common::demo();
    let store = Store::open(&d.path).unwrap();
    let conn = store.connection();
    let (catalogue, digest) =
        indsigt::catalogue::load_with_digest(&root().join("catalogue")).unwrap();
    let (version, source, stored): (i64, String, String) = conn
        .query_row(
            "SELECT id, source, digest FROM catalogue_versions",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((version, source.as_str()), (1, "catalogue/ (built in)"));
    assert_eq!(stored, digest, "the built-in catalogue is the shipped one");
    assert_eq!(
        count(conn, "cat_categories"),
        catalogue.categories.len() as i64
    );

    // One holding per demo category, written through the record ingest, and nothing in the old per-citizen
    // tables of schema 1.
    assert_eq!(count(conn, "holdings") as u64, d.summary.categories);
    for old in [
        "categories",
        "category_fields",
        "consents",
        "decision_support",
    ] {
        let exists: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [old],
                |r| r.get(0),
            )
            .unwrap();
        if exists == 1 {
            assert_eq!(count(conn, old), 0, "{old}");
        }
    }
    // The kiosk's deletion date is the one the catalogue's retention rule gives from the holding's
    // retention start.
    let mut st = conn
        .prepare(
            "SELECT h.id, z.public_id, h.category_id, h.retention_start FROM holdings h
             JOIN citizens z ON z.id = h.citizen_id",
        )
        .unwrap();
    let rows: Vec<(i64, String, String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut dated = 0;
    for (id, who, category, start) in rows {
        let rule = catalogue.category(&category).unwrap().retention;
        let expected = rule.deletion_date(start.parse().unwrap());
        let shown = store
            .category(&indsigt::domain::CitizenId(who), id)
            .unwrap();
        assert_eq!(shown.retention.delete_on, expected, "{category}");
        dated += usize::from(expected.is_some());
    }
    assert!(dated > 0, "some categories have a deletion date");
    // Every value is for a field its category declares.
    let values: i64 = conn
        .query_row(
            "SELECT count(*) FROM holding_values v JOIN holdings h ON h.id = v.holding_id
             JOIN cat_category_fields cf ON cf.version_id = 1 AND cf.category_id = h.category_id AND cf.id = v.field_id",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(values, count(conn, "holding_values"));
    assert!(values > 0);
}
