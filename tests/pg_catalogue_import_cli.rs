//! `indsigt catalogue import DIR --config FILE` with `[server.postgres]`: the real binary imports into
//! PostgreSQL (no SQLite file), and a refused password is a localized sentence that changes nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_records_support;
mod pg_support;

use indsigt::store::postgres::PgStore;
use pg_records_support::*;
use std::path::{Path, PathBuf};

fn pg_config(dir: &Path, settings: &indsigt::config::Postgres, password_file: &Path) -> PathBuf {
    let path = dir.join("server.toml");
    let text = format!(
        "[server]\ndatabase = {:?}\n\n[server.postgres]\nurl = {:?}\npassword_file = {:?}\ntls = \"disable\"\n",
        dir.join("unused.db").to_str().unwrap(),
        settings.url,
        password_file.to_str().unwrap(),
    );
    std::fs::write(&path, text).unwrap();
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn the_catalogue_import_command_writes_into_the_configured_postgres() {
    let dir = tempfile::tempdir().unwrap();
    let Some(settings) = pg_support::fresh_database(dir.path()).await else {
        return;
    };
    let password_file = settings.password_file.clone().unwrap();
    let cfg = pg_config(dir.path(), &settings, &password_file);
    let catalogue = catalogue_dir();
    let args = [
        "catalogue",
        "import",
        catalogue.to_str().unwrap(),
        "--config",
        cfg.to_str().unwrap(),
    ];
    for version in 1..=2 {
        let out = common::indsigt("en_GB.UTF-8", &args, &[]);
        assert!(out.status.success(), "{}", common::text(&out.stderr));
        let said = common::text(&out.stdout);
        assert!(
            said.contains(&format!("as catalogue version {version}."))
                && said.contains(&settings.url),
            "{said}"
        );
    }
    assert!(
        !dir.path().join("unused.db").exists(),
        "no SQLite file made"
    );
    let pg = PgStore::open(&settings, now(1)).await.unwrap();
    assert_eq!(pg.catalogue_version().await.unwrap(), Some(2));
    let client = pg.client().await.unwrap();
    let (cat, digest) = shipped();
    let n: i64 = client
        .query_one(
            "SELECT count(*) FROM cat_categories WHERE version_id = 2",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(n as usize, cat.categories.len());
    let stored: String = client
        .query_one("SELECT digest FROM catalogue_versions WHERE id = 2", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(stored, digest);

    // A wrong password: the localized sentence, exit 1, nothing imported.
    let wrong = dir.path().join("wrong.pw");
    std::fs::write(&wrong, "not-the-password\n").unwrap();
    let cfg = pg_config(dir.path(), &settings, &wrong);
    let args = [
        "catalogue",
        "import",
        catalogue.to_str().unwrap(),
        "--config",
        cfg.to_str().unwrap(),
    ];
    let out = common::indsigt("da_DK.UTF-8", &args, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = common::text(&out.stderr);
    assert!(
        err.contains("PostgreSQL") && err.contains("adgangskode"),
        "{err}"
    );
    assert_eq!(pg.catalogue_version().await.unwrap(), Some(2));
}
