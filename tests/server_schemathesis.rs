#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Not run by CI (`#[ignore]`): starts a test issuer and a real server over a demo database, then runs the
//! schemathesis fuzzer (`st run`) against `/openapi.json` with a valid citizen token and a registered
//! kiosk's key. Use `tests/schemathesis/run.sh`, which installs `st` and runs this.
//!
//! Environment: `ST` (the `st` binary, default `st`), `ST_ARGS` (extra arguments, space separated),
//! `ST_REPORT` (a file to copy st's output to).

mod common;
mod support_server;

use common::{ELDERLY, cid, demo, open};
use serde_json::json;
use support_server::{Api, Issuer, KIOSK_KEY, Key, MOMENTUM_KEY, settings};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs schemathesis (st); run tests/schemathesis/run.sh"]
async fn schemathesis_finds_nothing() {
    let d = demo();
    let subject = open(&d).citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let api = Api::start(&settings(&d.path, &issuer)).await;
    // A token that lasts the whole run.
    let mut claims = issuer.claims(&subject);
    claims["exp"] = json!(jiff::Timestamp::now().as_second() + 4 * 3600);
    let token = issuer.keys[0].sign(&claims);

    let st = std::env::var("ST").unwrap_or_else(|_| "st".into());
    let extra = std::env::var("ST_ARGS").unwrap_or_default();
    let url = api.url("/openapi.json");
    // Two passes: the citizen and kiosk routes with the citizen's token and the kiosk's key, and the
    // ingest route with a system's API key (both use the Authorization header).
    let citizen = vec![
        "--exclude-path".to_owned(),
        "/v1/ingest/access-events".to_owned(),
        "-H".to_owned(),
        format!("Authorization: Bearer {token}"),
        "-H".to_owned(),
        format!("X-Indsigt-Kiosk: {KIOSK_KEY}"),
    ];
    let ingest = vec![
        "--include-path".to_owned(),
        "/v1/ingest/access-events".to_owned(),
        "-H".to_owned(),
        format!("Authorization: ApiKey {MOMENTUM_KEY}"),
    ];
    let mut text = String::new();
    let mut ok = true;
    for pass in [citizen, ingest] {
        let mut command = std::process::Command::new(&st);
        // st keeps a cache in its working directory: keep it out of the source tree.
        command
            .current_dir(env!("CARGO_TARGET_TMPDIR"))
            .arg("run")
            .arg(&url)
            .args(["--checks", "all"])
            .args(pass)
            .args(extra.split_whitespace());
        let out = tokio::task::spawn_blocking(move || command.output())
            .await
            .unwrap()
            .unwrap();
        text.push_str(&String::from_utf8_lossy(&out.stdout));
        text.push_str(&String::from_utf8_lossy(&out.stderr));
        ok &= out.status.success();
    }
    println!("{text}");
    if let Ok(path) = std::env::var("ST_REPORT") {
        std::fs::write(path, &text).unwrap();
    }
    assert!(ok, "schemathesis found problems");
}
