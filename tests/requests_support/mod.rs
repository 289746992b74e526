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

pub fn write_config(dir: &Path, db: &Path, issuer: &str, port: u16, hooks: [&str; 2]) -> PathBuf {
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
    config
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

pub fn attempts(db: &Path, request: i64) -> Vec<(String, Option<i64>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut st = conn
        .prepare(
            "SELECT outcome, http_status FROM delivery_attempts WHERE request_id = ?1 ORDER BY id",
        )
        .unwrap();
    st.query_map([request], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}
