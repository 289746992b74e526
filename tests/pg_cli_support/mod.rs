//! Helpers of `tests/pg_cli*.rs`: a demo on SQLite and a copy of it on PostgreSQL, a config for each, and
//! the real binary run on both.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use super::common::{self, Demo, indsigt, text};
use super::pg_support;
use indsigt::store::postgres::PgStore;
use std::path::{Path, PathBuf};

pub const PEPPER: &[u8] = b"a test pepper that is at least 32 bytes long\n";

/// The same demo on both engines.
pub struct Engines {
    pub demo: Demo,
    pub sqlite: PathBuf,
    pub postgres: PathBuf,
    pub pg: PgStore,
    /// The `[server] database` of the PostgreSQL config: never made, as the commands must not open it.
    pub unused_file: PathBuf,
}

/// One run of the binary: exit code, standard output, standard error.
#[derive(Debug, PartialEq, Eq)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

fn config(dir: &Path, name: &str, db: &Path, pg: Option<&indsigt::config::Postgres>) -> PathBuf {
    let pepper = dir.join("pepper");
    std::fs::write(&pepper, PEPPER).unwrap();
    // `[source] path` too: without registered kiosks, `feedback report` reads the kiosk's own store.
    let mut text = format!(
        "[source]\npath = {db:?}\n\n[server]\ndatabase = {db:?}\npepper_file = {pepper:?}\n",
        db = db.display().to_string(),
        pepper = pepper.display().to_string(),
    );
    if let Some(pg) = pg {
        text.push_str(&format!(
            "\n[server.postgres]\nurl = {url:?}\npassword_file = {pw:?}\ntls = \"disable\"\npool_size = 2\n",
            url = pg.url,
            pw = pg.password_file.as_ref().unwrap().display().to_string(),
        ));
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The demo, changed by `seed` on SQLite, then copied into a fresh PostgreSQL database; `None` when there
/// is no cluster.
pub async fn engines(seed: impl FnOnce(&Path)) -> Option<Engines> {
    let demo = common::demo();
    seed(&demo.path);
    let dir = demo.dir.path().to_owned();
    let (settings, pg) = pg_support::copy_of(&demo.path, &dir).await?;
    let unused_file = dir.join("not-used.db");
    let sqlite = config(&dir, "sqlite.toml", &demo.path, None);
    let postgres = config(&dir, "postgres.toml", &unused_file, Some(&settings));
    Some(Engines {
        demo,
        sqlite,
        postgres,
        pg,
        unused_file,
    })
}

impl Engines {
    /// `args` with `--config` of one engine, in `lang`.
    pub fn run(&self, config: &Path, lang: &str, args: &[&str]) -> Run {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--config", config.to_str().unwrap()]);
        let out = indsigt(lang, &all, &[]);
        Run {
            code: out.status.code(),
            stdout: text(&out.stdout),
            stderr: text(&out.stderr),
        }
    }

    /// Runs `args` on both engines, asserts that both answer alike, and answers that.
    pub fn same(&self, lang: &str, args: &[&str]) -> Run {
        let on_sqlite = self.run(&self.sqlite, lang, args);
        let on_postgres = self.run(&self.postgres, lang, args);
        assert_eq!(on_postgres, on_sqlite, "{args:?} in {lang}");
        assert!(
            !self.unused_file.exists(),
            "{args:?} opened [server] database on PostgreSQL"
        );
        on_sqlite
    }

    /// The rows of `sql` on PostgreSQL, each as text (NULL as "NULL").
    pub async fn pg_rows(&self, sql: &str) -> Vec<Vec<String>> {
        let client = self.pg.client().await.unwrap();
        let rows = client.simple_query(sql).await.unwrap();
        rows.iter()
            .filter_map(|m| match m {
                tokio_postgres::SimpleQueryMessage::Row(r) => Some(
                    (0..r.len())
                        .map(|i| r.get(i).unwrap_or("NULL").to_owned())
                        .collect(),
                ),
                _ => None,
            })
            .collect()
    }

    /// The rows of `sql` on the SQLite file, each as text (NULL as "NULL").
    pub fn sqlite_rows(&self, sql: &str) -> Vec<Vec<String>> {
        let conn = rusqlite::Connection::open(&self.demo.path).unwrap();
        let mut st = conn.prepare(sql).unwrap();
        let n = st.column_count();
        st.query_map([], |r| {
            Ok((0..n)
                .map(|i| match r.get_ref(i).unwrap() {
                    rusqlite::types::ValueRef::Null => "NULL".to_owned(),
                    rusqlite::types::ValueRef::Integer(v) => v.to_string(),
                    rusqlite::types::ValueRef::Real(v) => v.to_string(),
                    rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    rusqlite::types::ValueRef::Blob(_) => "BLOB".to_owned(),
                })
                .collect())
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    }

    /// `sql` on both engines: the same rows, and not none.
    pub async fn same_rows(&self, sql: &str) -> Vec<Vec<String>> {
        let on_sqlite = self.sqlite_rows(sql);
        assert_eq!(self.pg_rows(sql).await, on_sqlite, "{sql}");
        on_sqlite
    }
}
