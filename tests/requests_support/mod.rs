//! Helpers of `tests/requests_processes.rs`: the server's config and child process, an HTTP client for the
//! API, the independent webhook signature check, and the recorded delivery attempts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use super::http_support::Req;
use super::support_server::{AUDIENCE, split};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub const MOMENTUM_KEY: &str = "momentum-process-key";
pub const NEXUS_KEY: &str = "nexus-process-key";
pub const DPO_KEY: &str = "dpo-process-key";
/// 32 bytes, as Standard Webhooks secrets are.
pub const SECRET: &[u8; 32] = b"an endpoint secret of 32 bytes!!";

pub use crate::common::procs::{free_port, start_serve as serve};

/// The serve config: on `db`, or with `[server.postgres]` on the PostgreSQL database `pg` (the tests'
/// engine, see `support_server::on_postgres`).
pub fn write_config(
    dir: &Path,
    db: &Path,
    pg: Option<&indsigt::config::Postgres>,
    issuer: &str,
    port: u16,
    hooks: [&str; 2],
) -> PathBuf {
    let secret = dir.join("webhook.secret");
    std::fs::write(&secret, format!("whsec_{}\n", STANDARD.encode(SECRET))).unwrap();
    let config = dir.join("serve.toml");
    let hash = indsigt::auth::sha256_hex;
    std::fs::write(
        &config,
        format!(
            "[server]\nlisten = \"127.0.0.1:{port}\"\ndatabase = \"{db}\"\nissuer = \"{issuer}\"\naudience = \"{AUDIENCE}\"\n\
             dpo_key_sha256 = \"{dpo}\"\nwebhook_retry_base_secs = 1\nwebhook_timeout_secs = 5\n\n\
             [[server.ingest_keys]]\nsystem = \"Momentum\"\nkey_sha256 = \"{m}\"\nwebhook_url = \"{h0}\"\nwebhook_secret_file = \"{s}\"\n\n\
             [[server.ingest_keys]]\nsystem = \"KMD Nexus\"\nkey_sha256 = \"{n}\"\nwebhook_url = \"{h1}\"\nwebhook_secret_file = \"{s}\"\n",
            db = db.display(),
            dpo = hash(DPO_KEY),
            m = hash(MOMENTUM_KEY),
            n = hash(NEXUS_KEY),
            h0 = hooks[0],
            h1 = hooks[1],
            s = secret.display(),
        ),
    )
    .unwrap();
    if let Some(pg) = pg {
        let mut text = std::fs::read_to_string(&config).unwrap();
        text.push_str(&format!(
            "\n[server.postgres]\nurl = \"{url}\"\npassword_file = \"{pw}\"\ntls = \"disable\"\npool_size = 4\n",
            url = pg.url,
            pw = pg.password_file.as_ref().unwrap().display(),
        ));
        std::fs::write(&config, text).unwrap();
    }
    config
}

/// The database `indsigt serve` runs on for these tests: on PostgreSQL (`INDSIGT_TEST_ENGINE=postgres`)
/// a fresh copy of the SQLite file at `db`, made now (after the test's seeding, before the server starts).
pub async fn engine_db(
    db: &Path,
) -> (
    Option<indsigt::config::Postgres>,
    super::support_server::db::Db,
) {
    use super::support_server::{db::Db, on_postgres, pg_support};
    if !on_postgres() {
        return (None, Db::new(db, None));
    }
    let (pg, store) = pg_support::copy_of(db, db.parent().unwrap())
        .await
        .expect("INDSIGT_TEST_ENGINE=postgres needs the test cluster (.ci/postgres start)");
    (Some(pg), Db::new(db, Some(&store)))
}

pub struct Client {
    pub http: reqwest::Client,
    pub base: String,
}

impl Client {
    pub async fn call(&self, post: Option<Value>, path: &str, auth: &str) -> (u16, Value) {
        let url = format!("{}{path}", self.base);
        let r = match post {
            Some(body) => self.http.post(url).json(&body),
            None => self.http.get(url),
        };
        split(r.header("Authorization", auth).send().await.unwrap()).await
    }

    pub async fn feed(&self, key: &str) -> Vec<Value> {
        let (status, page) = self
            .call(None, "/v1/systems/requests", &format!("ApiKey {key}"))
            .await;
        assert_eq!(status, 200, "{page}");
        page["requests"].as_array().unwrap().clone()
    }
}

/// The independent check: HMAC-SHA-256 of "id.timestamp.body" with the `hmac` crate, base64, as `v1,…`.
pub fn signature_ok(req: &Req) -> bool {
    let (Some(id), Some(ts), Some(sig)) = (
        req.header("webhook-id"),
        req.header("webhook-timestamp"),
        req.header("webhook-signature"),
    ) else {
        return false;
    };
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(SECRET).unwrap();
    mac.update(format!("{id}.{ts}.").as_bytes());
    mac.update(&req.body);
    let expected = format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()));
    sig.split(' ').any(|s| s == expected)
}

pub fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The recorded delivery attempts of `request`, from the database the server serves.
pub async fn attempts(
    db: &super::support_server::db::Db,
    request: i64,
) -> Vec<(String, Option<i64>)> {
    db.rows(
        "SELECT outcome, http_status FROM delivery_attempts WHERE request_id = ?1 ORDER BY id",
        &[serde_json::json!(request)],
    )
    .await
    .into_iter()
    .map(|r| (r[0].as_str().unwrap().to_owned(), r[1].as_i64()))
    .collect()
}

/// Waits (up to 30 s) until `done` answers true.
pub async fn wait_until(what: &str, mut done: impl AsyncFnMut() -> bool) {
    let start = Instant::now();
    while !done().await {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
