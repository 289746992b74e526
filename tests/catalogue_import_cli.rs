#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `indsigt catalogue import DIR --config FILE`: the real binary on a real SQLite file, in Danish and English.

use indsigt::catalogue::{Catalogue, load};
use indsigt::store::Store;
use std::path::{Path, PathBuf};

mod common;
use common::{indsigt, text};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_owned()
}

fn shipped() -> Catalogue {
    load(&root().join("catalogue")).unwrap()
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

fn config(dir: &Path, db: &Path) -> PathBuf {
    let path = dir.join("server.toml");
    std::fs::write(
        &path,
        format!("[server]\ndatabase = {:?}\n", db.to_str().unwrap()),
    )
    .unwrap();
    path
}

#[test]
fn catalogue_import_loads_the_folder_into_the_configured_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.db");
    let cfg = config(dir.path(), &db);
    let catalogue = root().join("catalogue");
    let args = [
        "catalogue",
        "import",
        catalogue.to_str().unwrap(),
        "--config",
        cfg.to_str().unwrap(),
    ];
    let out = indsigt("en_GB.UTF-8", &args, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("as catalogue version 1."),
        "{}",
        text(&out.stdout)
    );
    let out = indsigt("da_DK.UTF-8", &args, &[]);
    assert!(
        text(&out.stdout).contains("som fortegnelsens version 2."),
        "{}",
        text(&out.stdout)
    );

    let store = Store::open(&db).unwrap();
    assert_eq!(store.catalogue_version().unwrap(), Some(2));
    let digests: Vec<String> = store
        .connection()
        .prepare("SELECT digest FROM catalogue_versions ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        digests[0], digests[1],
        "the same files give the same digest"
    );
    assert_eq!(digests[0].len(), 64);
}

#[test]
fn catalogue_import_refuses_a_catalogue_in_use_and_says_which_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.db");
    let cfg = config(dir.path(), &db);
    {
        let mut store = Store::open(&db).unwrap();
        store
            .import_catalogue(&shipped(), "catalogue", "one", 1_000)
            .unwrap();
        give_holding(&store, "c-1", "home_care");
    }
    // A copy of the shipped catalogue without the health area's categories.
    let smaller = dir.path().join("smaller");
    copy_dir(&root().join("catalogue"), &smaller);
    std::fs::remove_file(smaller.join("categories/health.toml")).unwrap();
    let args = [
        "catalogue",
        "import",
        smaller.to_str().unwrap(),
        "--config",
        cfg.to_str().unwrap(),
    ];
    let out = indsigt("en_GB.UTF-8", &args, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "The catalogue was not imported. It leaves out entries that citizens still have data in. Nothing was \
         changed. Put them back, or delete the citizens' data first:\n- data category \"home_care\": 1 citizen\n"
    );
    let out = indsigt("da_DK.UTF-8", &args, &[]);
    assert!(
        text(&out.stderr).contains("- datakategori \"home_care\": 1 borger"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        Store::open(&db).unwrap().catalogue_version().unwrap(),
        Some(1)
    );
}

#[test]
fn catalogue_import_of_an_invalid_folder_prints_its_problems_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.db");
    let cfg = config(dir.path(), &db);
    let bad = root().join("tests/invalid_catalogues/unknown_purpose");
    let out = indsigt(
        "en_GB.UTF-8",
        &[
            "catalogue",
            "import",
            bad.to_str().unwrap(),
            "--config",
            cfg.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("p_share_gpp"),
        "{}",
        text(&out.stderr)
    );
    assert!(!db.exists(), "the database is not even created");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}
