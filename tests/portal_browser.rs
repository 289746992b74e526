//! The citizen's web pages in a real browser: Debian's Chromium, headless at a phone's width (390 px),
//! driven by playwright-core (`tests/browser/portal.mjs`), with the real OIDC provider. The link is read
//! from the kiosk's rendered QR code (decoded, not built). The browser signs in as a demo citizen, lands on
//! that view in that language, pages through the access log, withdraws a consent (checked here in the
//! database), downloads the copy, signs out and presses Back: no personal data. axe-core checks every page
//! in both languages for WCAG 2.2 A and AA; the screenshots are kept in `target/portal-screenshots/`.
//!
//! Needs chromium, node, `npm ci` in tests/oidc and tests/browser (`.ci/run` does all). Skipped without
//! them, except in CI.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod portal_support;
mod support_server;

use common::kiosk::{Kiosk, demo_source};
use common::procs::oidc_available;
use common::{ELDERLY, demo, open, qr_decode};
use indsigt::domain::Lang;
use indsigt::kiosk::Screen;
use portal_support::Rig;
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

fn browser_available() -> bool {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/node_modules");
    let ok = Path::new("/usr/bin/chromium").exists()
        && dir.join("playwright-core").exists()
        && dir.join("axe-core").exists();
    if !ok && std::env::var_os("CI").is_some() {
        panic!("CI must install chromium and `npm ci` in tests/browser");
    }
    ok
}

/// The kiosk's "continue online" link for the access log in English, read back from its QR code.
fn link_from_the_kiosks_qr(portal: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut k = Kiosk::new(demo_source(dir.path(), 200));
    k.model.settings.portal_url = portal.to_owned();
    k.sign_in(ELDERLY, Lang::En);
    k.keys("3").keys("o");
    assert!(matches!(k.model.screen(), Screen::Online { .. }));
    qr_decode::decode(&qr_decode::cells_of_buffer(&k.buffer(120, 40)))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_continues_on_the_phone_in_a_real_browser() {
    if !oidc_available() || !browser_available() {
        return;
    }
    let d = demo();
    let login: String = open(&d)
        .connection()
        .query_row(
            "SELECT c.subject FROM citizens c
             WHERE EXISTS (SELECT 1 FROM citizen_consents k WHERE k.citizen_id = c.id AND k.withdrawn_at IS NULL AND k.withdrawal_pending = 0)
               AND (SELECT count(*) FROM access_events e WHERE e.citizen_id = c.id AND e.hidden_until IS NULL) > 25
             ORDER BY c.id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let rig = Rig::start(&d.path).await;
    let link = link_from_the_kiosks_qr(&rig.base);
    assert_eq!(link, format!("{}/?view=access-log&lang=en", rig.base));
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/portal-screenshots");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/portal.mjs");
    let out = tokio::task::spawn_blocking({
        let (shots, link, login) = (shots.clone(), link.clone(), login.clone());
        move || {
            Command::new("node")
                .arg(script)
                .args([link.as_str(), login.as_str(), shots.to_str().unwrap()])
                .output()
                .unwrap()
        }
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["landed"], rig.url("/access-log?lang=en"), "{r:#}");
    assert_eq!(r["lang"], "en");
    assert_eq!(
        r["violations"],
        json!([]),
        "axe found violations: {:#}",
        r["violations"]
    );
    assert!(r["pages"].as_array().unwrap().len() >= 28, "{r:#}");
    assert_eq!(r["paged"], true);
    assert!(r["withdrawnNotice"].as_str().unwrap().contains("withdrawn"));
    let db = support_server::db::Db::new(&rig.settings.database, rig.pg.as_ref());
    let withdrawn = db
        .count(
            "SELECT count(*) FROM citizen_consents WHERE id = ?1 AND (withdrawn_at IS NOT NULL OR withdrawal_pending = 1)",
            &[r["withdrawn"].clone()],
        )
        .await;
    assert_eq!(withdrawn, 1, "the consent is withdrawn in the database");
    assert_eq!(r["copy"]["format"], "indsigt-data-copy");
    assert!(r["copy"]["entries"].as_i64().unwrap() > 25);
    assert!(
        r["signedOut"].as_str().unwrap().contains("/signed-out"),
        "{r:#}"
    );
    assert_eq!(r["personalAfterBack"], json!([]), "{r:#}");
    assert!(shots.join("access-log-en.png").exists());
}
