//! A fresh PostgreSQL database for a test, in the throwaway cluster that `.ci/postgres start` made
//! (`INDSIGT_TEST_POSTGRES`, `INDSIGT_TEST_POSTGRES_PASSWORD`). Without it a PostgreSQL test says so and
//! passes on a developer's machine; in CI (`CI` set) it fails, so the engine is never skipped silently.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use indsigt::config::{PgTls, Postgres};
use indsigt::store::postgres::PgStore;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

static NEXT: AtomicU32 = AtomicU32::new(0);

/// The cluster's address and superuser password, or `None` (outside CI) when no cluster is set.
pub fn cluster() -> Option<(String, String)> {
    match (
        std::env::var("INDSIGT_TEST_POSTGRES"),
        std::env::var("INDSIGT_TEST_POSTGRES_PASSWORD"),
    ) {
        (Ok(url), Ok(pw)) if !url.is_empty() => Some((url, pw)),
        _ if std::env::var_os("CI").is_some() => {
            panic!(
                "CI must run the PostgreSQL tests: INDSIGT_TEST_POSTGRES is not set (.ci/postgres start)"
            )
        }
        _ => {
            eprintln!(
                "skipped: no PostgreSQL (eval \"$(.ci/postgres start /tmp/pg 54329)\" to run it)"
            );
            None
        }
    }
}

/// The settings of a new, empty database in the cluster (the password in a file in `dir`).
pub async fn fresh_database(dir: &Path) -> Option<Postgres> {
    let (url, password) = cluster()?;
    Some(database_in(&url, &password, dir).await)
}

/// A new, empty database in the cluster at `url` (superuser `password`), its password in a file in `dir`.
pub async fn database_in(url: &str, password: &str, dir: &Path) -> Postgres {
    let name = format!(
        "t_{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed),
        jiff::Timestamp::now().as_nanosecond() % 1_000_000
    );
    let mut admin: tokio_postgres::Config = url.parse().unwrap();
    admin.password(password.as_bytes());
    let (client, conn) = admin.connect(tokio_postgres::NoTls).await.unwrap();
    let task = tokio::spawn(conn);
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    drop(client);
    let _closed = task.await;
    let password_file = dir.join(format!("{name}.pw"));
    std::fs::write(&password_file, format!("{password}\n")).unwrap();
    let base = url.rsplit_once('/').map(|(b, _)| b).unwrap_or(url);
    Postgres {
        url: format!("{base}/{name}"),
        password_file: Some(password_file),
        pool_size: 4,
        tls: PgTls::Disable,
        ca_file: None,
        connect_timeout_secs: 5,
        access_log_months_ahead: 3,
        access_log_keep_months: None,
    }
}

/// A new database holding a copy of the SQLite file at `sqlite`.
pub async fn copy_of(sqlite: &Path, dir: &Path) -> Option<(Postgres, PgStore)> {
    let settings = fresh_database(dir).await?;
    let store = PgStore::open(&settings, jiff::Timestamp::now())
        .await
        .unwrap();
    indsigt::store::postgres::copy::copy_from_sqlite(sqlite, &store)
        .await
        .unwrap();
    Some((settings, store))
}

/// A cluster of the test's own (for tests that kill PostgreSQL), made by `.ci/postgres` in a folder of
/// the test on a free port. Stopped when dropped.
pub struct Cluster {
    pub url: String,
    pub password: String,
    pub dir: std::path::PathBuf,
    port: u16,
}

impl Cluster {
    /// `None` (outside CI) when the shared test cluster is not set up either: PostgreSQL is not wanted.
    pub fn start(dir: &Path) -> Option<Cluster> {
        cluster()?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut c = Cluster {
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
            password: String::new(),
            dir: dir.to_owned(),
            port,
        };
        let out = c.script("start");
        c.password = out
            .lines()
            .find_map(|l| l.strip_prefix("export INDSIGT_TEST_POSTGRES_PASSWORD='"))
            .and_then(|l| l.strip_suffix('\''))
            .unwrap()
            .to_owned();
        Some(c)
    }

    fn script(&self, command: &str) -> String {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/postgres");
        let out = std::process::Command::new(script)
            .args([command, self.dir.to_str().unwrap(), &self.port.to_string()])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            ".ci/postgres {command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// `kill -9` of the postmaster: every backend dies with it, nothing is flushed.
    pub fn kill_9(&self) {
        kill_9(&self.dir, self.port);
    }

    /// The same, `after` a while, on a thread of its own (so it lands while requests are in flight).
    pub fn kill_9_after(&self, after: std::time::Duration) -> std::thread::JoinHandle<()> {
        let (dir, port) = (self.dir.clone(), self.port);
        std::thread::spawn(move || {
            std::thread::sleep(after);
            kill_9(&dir, port);
        })
    }

    /// Stops it cleanly (`pg_ctl stop -m fast`).
    pub fn stop(&self) {
        self.script("stop");
    }

    /// Starts it again (crash recovery replays the WAL).
    pub fn restart(&self) {
        self.script("start");
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/postgres");
        let _stopped = std::process::Command::new(script)
            .args(["stop", self.dir.to_str().unwrap_or_default()])
            .output();
    }
}

fn kill_9(dir: &Path, port: u16) {
    let pid = std::fs::read_to_string(dir.join("data/postmaster.pid")).unwrap();
    let pid = pid.lines().next().unwrap().trim().to_owned();
    let ok = std::process::Command::new("kill")
        .args(["-9", &pid])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -9 {pid}");
    // The backends exit when they see the postmaster gone; wait until the port is free.
    let start = std::time::Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "PostgreSQL still answers"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}
