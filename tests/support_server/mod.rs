//! Helpers for the server tests: a local OIDC issuer (discovery + JWKS on 127.0.0.1:0) with keys made in
//! the test, token minting, and a real `indsigt serve` over a small demo database.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

pub mod db;
pub mod fhir;
pub mod issuer;
#[path = "../pg_support/mod.rs"]
pub mod pg_support;

use indsigt::config::{IngestKey, KioskKey, Server};
use indsigt::server::{Running, start};
use std::path::Path;

pub use issuer::{Issuer, Key};

pub const AUDIENCE: &str = "https://indsigt.test";
/// The ingest key of the "Momentum" system, and of "Nexus".
pub const MOMENTUM_KEY: &str = "momentum-secret-key";
pub const NEXUS_KEY: &str = "nexus-secret-key";
/// The data protection officer's key.
pub const DPO_KEY: &str = "dpo-secret-key";
/// The key of the registered test kiosk, its id and its location.
pub const KIOSK_KEY: &str = "kiosk-secret-key-hovedbiblioteket";
pub const KIOSK_ID: &str = "kiosk-test-1";
pub const KIOSK_LOCATION: &str = "Hovedbiblioteket, stueetagen";

/// A fresh SQLite file `dir/server.db` with the shipped catalogue imported, and nothing else.
pub fn catalogue_db(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("server.db");
    let mut store = indsigt::store::Store::open(&db).unwrap();
    let cat = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue");
    let (c, digest) = indsigt::catalogue::load_with_digest(&cat).unwrap();
    store.import_catalogue(&c, "catalogue", &digest, 1).unwrap();
    db
}

/// Writes `pepper` into `dir/pepper` and returns the path (for `pepper_file`).
pub fn pepper_file(dir: &Path, pepper: &[u8]) -> std::path::PathBuf {
    let path = dir.join("pepper");
    std::fs::write(&path, pepper).unwrap();
    path
}

/// Writes the test kiosk's key into `dir/kiosk.key` and returns the path (for `kiosk_key_file`).
pub fn kiosk_key_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("kiosk.key");
    std::fs::write(&path, format!("{KIOSK_KEY}\n")).unwrap();
    path
}

/// The server settings for tests: the issuer, a small pool, generous rate limits.
pub fn settings(db: &Path, issuer: &Issuer) -> Server {
    settings_for(db, &issuer.url)
}

/// The server settings for tests, with the issuer at `issuer_url`.
pub fn settings_for(db: &Path, issuer_url: &str) -> Server {
    Server {
        listen: "127.0.0.1:0".into(),
        database: db.to_owned(),
        postgres: None,
        portal: None,
        representation: None,
        staff: None,
        issuer: Some(issuer_url.to_owned()),
        audience: Some(AUDIENCE.into()),
        subject_claim: "sub".into(),
        name_claim: "name".into(),
        cpr_claim: None,
        pepper_file: None,
        tls_cert: None,
        tls_key: None,
        system_stale_after_hours: 48,
        ingest_max_batch: 1000,
        pool_size: 2,
        rate_limit_per_minute: 100_000,
        rate_limit_burst: 100_000,
        jwks_max_age_secs: 3600,
        jwks_min_refresh_secs: 1,
        ingest_keys: vec![
            IngestKey {
                system: "Momentum".into(),
                key_sha256: indsigt::auth::sha256_hex(MOMENTUM_KEY),
                webhook_url: None,
                webhook_secret_file: None,
            },
            IngestKey {
                system: "Nexus".into(),
                key_sha256: indsigt::auth::sha256_hex(NEXUS_KEY),
                webhook_url: None,
                webhook_secret_file: None,
            },
        ],
        kiosks: vec![KioskKey {
            id: KIOSK_ID.into(),
            location: KIOSK_LOCATION.into(),
            key_sha256: indsigt::auth::sha256_hex(KIOSK_KEY),
            staff_sign_in: false,
        }],
        show_employee_names: false,
        dpo_key_sha256: Some(indsigt::auth::sha256_hex(DPO_KEY)),
        webhook_retry_base_secs: 1,
        webhook_timeout_secs: 5,
        webhook_give_up_hours: 24,
    }
}

/// The engine the server tests run on: SQLite, or PostgreSQL with `INDSIGT_TEST_ENGINE=postgres` (the
/// README's test command runs the server tests once on each). On PostgreSQL the test's SQLite file is
/// copied into a fresh database first, so both engines serve the same data.
pub fn on_postgres() -> bool {
    std::env::var("INDSIGT_TEST_ENGINE").is_ok_and(|e| e == "postgres")
}

/// `settings` for the engine under test: on PostgreSQL, a fresh database holding a copy of
/// `settings.database`.
pub async fn for_engine(settings: &Server) -> (Server, Option<indsigt::store::postgres::PgStore>) {
    if !on_postgres() || settings.postgres.is_some() {
        return (settings.clone(), None);
    }
    let dir = settings
        .database
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(std::env::temp_dir);
    let (pg, store) = if settings.database.exists() {
        pg_support::copy_of(&settings.database, &dir).await
    } else {
        let pg = pg_support::fresh_database(&dir).await;
        match pg {
            Some(pg) => {
                let store = indsigt::store::postgres::PgStore::open(&pg, jiff::Timestamp::now())
                    .await
                    .unwrap();
                Some((pg, store))
            }
            None => None,
        }
    }
    .expect("INDSIGT_TEST_ENGINE=postgres needs the test cluster (.ci/postgres start)");
    let mut out = settings.clone();
    out.postgres = Some(pg);
    (out, Some(store))
}

/// A started server and its client.
pub struct Api {
    pub running: Running,
    pub base: String,
    pub http: reqwest::Client,
    /// The PostgreSQL database the server runs on, when the tests run on PostgreSQL.
    pub pg: Option<indsigt::store::postgres::PgStore>,
    /// The database the server serves, on either engine.
    pub db: db::Db,
    /// The settings the server runs with (on PostgreSQL, with its `postgres` database).
    pub settings: Server,
}

impl Api {
    pub async fn start(settings: &Server) -> Api {
        let (settings, pg) = for_engine(settings).await;
        let running = start(&settings, None).await.unwrap();
        let base = running.url();
        Api {
            running,
            base,
            http: reqwest::Client::new(),
            db: db::Db::new(&settings.database, pg.as_ref()),
            pg,
            settings,
        }
    }

    /// A config file's `[server]` database part for the database this server serves: the SQLite file,
    /// and on PostgreSQL its `[server.postgres]` table (for the command-line tools that work on it).
    pub fn database_toml(&self) -> String {
        let mut out = format!(
            "[server]\ndatabase = \"{}\"\n",
            self.settings.database.display()
        );
        if let Some(pg) = &self.settings.postgres {
            out.push_str(&format!(
                "\n[server.postgres]\nurl = \"{}\"\ntls = \"disable\"\npool_size = {}\n",
                pg.url, pg.pool_size
            ));
            if let Some(pw) = &pg.password_file {
                out.push_str(&format!("password_file = \"{}\"\n", pw.display()));
            }
        }
        out
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// GET with a bearer token: (status, JSON body).
    pub async fn get(&self, path: &str, token: &str) -> (u16, serde_json::Value) {
        let r = self
            .http
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        split(r).await
    }

    /// POST a JSON body with a bearer token.
    pub async fn post(
        &self,
        path: &str,
        token: &str,
        body: &serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let r = self
            .http
            .post(self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .unwrap();
        split(r).await
    }

    /// POST a JSON body with a bearer token and the registered test kiosk's key.
    pub async fn post_from_kiosk(
        &self,
        path: &str,
        token: &str,
        body: &serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let r = self
            .http
            .post(self.url(path))
            .bearer_auth(token)
            .header("X-Indsigt-Kiosk", KIOSK_KEY)
            .json(body)
            .send()
            .await
            .unwrap();
        split(r).await
    }

    /// POST to the ingest endpoint with an API key.
    /// A GET, or a POST with `post` as its JSON body, with `auth` as the Authorization header.
    pub async fn call(
        &self,
        post: Option<serde_json::Value>,
        path: &str,
        auth: &str,
    ) -> (u16, serde_json::Value) {
        let r = match post {
            Some(body) => self.http.post(self.url(path)).json(&body),
            None => self.http.get(self.url(path)),
        };
        split(r.header("Authorization", auth).send().await.unwrap()).await
    }

    pub async fn ingest(&self, key: &str, body: &serde_json::Value) -> (u16, serde_json::Value) {
        let r = self
            .http
            .post(self.url("/v1/ingest/access-events"))
            .header("Authorization", format!("ApiKey {key}"))
            .json(body)
            .send()
            .await
            .unwrap();
        split(r).await
    }
}

/// The status and the JSON body (Null for an empty body). A non-JSON body fails the test.
pub async fn split(r: reqwest::Response) -> (u16, serde_json::Value) {
    let status = r.status().as_u16();
    let bytes = r.bytes().await.unwrap();
    if bytes.is_empty() {
        return (status, serde_json::Value::Null);
    }
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| panic!("{status}: not JSON: {}", String::from_utf8_lossy(&bytes)));
    (status, body)
}

/// Asserts an error answer: the status and `{code, message}`.
pub fn assert_error(got: &(u16, serde_json::Value), status: u16, code: &str) {
    assert_eq!(got.0, status, "{got:?}");
    assert_eq!(got.1["code"], code, "{got:?}");
    assert!(
        got.1["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{got:?}"
    );
}

impl Api {
    /// POSTs `body` over a plain TCP connection while reading the answer at the same time, so a server
    /// that refuses an over-long body early (and closes the connection before reading it all) is seen
    /// answering, instead of the client failing on a broken pipe while it is still writing.
    pub async fn post_early_answer(
        &self,
        path: &str,
        authorization: &str,
        body: Vec<u8>,
    ) -> (u16, serde_json::Value) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let addr = self.running.addr;
        let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
        let (mut read, mut write) = stream.into_split();
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: {authorization}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let writer = tokio::spawn(async move {
            // The server may close before the body is written: that is the behaviour under test.
            let _ = write.write_all(head.as_bytes()).await;
            let _ = write.write_all(&body).await;
        });
        let mut answer = Vec::new();
        let read_all = read.read_to_end(&mut answer);
        let _ = tokio::time::timeout(std::time::Duration::from_secs(20), read_all)
            .await
            .expect("the server answered in time");
        writer.abort();
        let text = String::from_utf8_lossy(&answer).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").expect("an HTTP answer");
        let status: u16 = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status line");
        let chunked = head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked");
        let body = if chunked {
            dechunk(body)
        } else {
            body.to_owned()
        };
        let json = if body.trim().is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_str(&body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
        };
        (status, json)
    }
}

/// The body of a chunked HTTP/1.1 answer.
fn dechunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&after[..n.min(after.len())]);
        rest = after.get(n + 2..).unwrap_or("");
    }
    out
}
