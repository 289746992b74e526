#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The HTTP source as the kiosk program opens it: from the configuration, through `app::open_source`, and
//! the kiosk's other calls (the visit record, reports).

mod common;
mod http_support;

use http_support::{Reply, Server};
use indsigt::app::open_source;
use indsigt::config::Config;
use indsigt::domain::{AccessReport, ReportStatus};
use indsigt::source::{AccessToken, DataSource, Helper, KioskVisit, Principal, SourceError};
use std::sync::{Arc, Mutex};

fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

const KIOSK_KEY: &str = "kiosk-key-of-the-app-test";

fn http_config(url: &str, dir: &std::path::Path, outbox: &str) -> Result<Config, String> {
    // The key beside the test's own directory, not beside the outbox: one test points the outbox into a
    // directory that does not exist. The directory goes when the test ends, and the key with it.
    let key_file = dir.join("kiosk.key");
    let outbox = dir.join(outbox);
    std::fs::write(&key_file, format!("{KIOSK_KEY}\n")).unwrap();
    Config::load_with_env(
        None,
        &env(&[
            ("INDSIGT_SOURCE_KIND", "http"),
            ("INDSIGT_SOURCE_URL", url),
            ("INDSIGT_SOURCE_OUTBOX_PATH", outbox.to_str().unwrap()),
            ("INDSIGT_SOURCE_KIOSK_KEY_FILE", key_file.to_str().unwrap()),
            ("INDSIGT_SOURCE_RETRY_ATTEMPTS", "1"),
            ("INDSIGT_AUTH_KIND", "device"),
            ("INDSIGT_AUTH_ISSUER", "https://login.example.dk"),
            ("INDSIGT_AUTH_CLIENT_ID", "kiosk"),
        ]),
    )
    .map_err(|e| e.to_string())
}

#[test]
fn the_config_refuses_plain_http_to_another_host() {
    let dir = tempfile::tempdir().unwrap();
    let err = http_config("http://indsigt.example.dk", dir.path(), "o.db").unwrap_err();
    assert!(err.contains("source.url"), "{err}");
    http_config("http://127.0.0.1:3000", dir.path(), "o.db").unwrap();
}

#[test]
fn open_source_gives_the_http_source() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(|_| Reply::ok(&Vec::<indsigt::domain::Area>::new()));
    let outbox = dir.path().join("outbox.db");
    let config = http_config(&server.url(), dir.path(), "outbox.db").unwrap();
    let source = open_source(&config).unwrap();
    let who = Principal::Bearer(AccessToken::new("app-token"));
    assert!(source.areas(&who).unwrap().is_empty());
    assert!(outbox.exists());
    assert_eq!(source.demo_citizens(), Err(SourceError::Unsupported));

    // An outbox that cannot be opened stops the kiosk with a sentence, not a panic.
    let config = http_config(&server.url(), dir.path(), "no/such/dir/outbox.db").unwrap();
    let err = open_source(&config).err().unwrap();
    for lang in [indsigt::domain::Lang::Da, indsigt::domain::Lang::En] {
        let sentence = err.localized(lang);
        assert!(sentence.contains("outbox"), "{sentence}");
        assert!(!sentence.starts_with("app-error"), "{sentence}");
    }
}

#[test]
fn the_visit_is_posted_and_a_report_waits_when_the_server_cannot_take_it() {
    let dir = tempfile::tempdir().unwrap();
    let down = Arc::new(Mutex::new(true));
    let flag = Arc::clone(&down);
    let server = Server::start(move |req| match (req.method.as_str(), req.path()) {
        ("GET", "/v1/me") => Reply::ok(&common::fixtures::citizen(3).citizen),
        ("POST", "/v1/kiosk-visits") => Reply::Json(204, String::new()),
        ("POST", "/v1/access-log/17/report") if *flag.lock().unwrap() => {
            Reply::error(503, "unavailable")
        }
        ("POST", "/v1/access-log/17/report") => Reply::Json(
            201,
            serde_json::to_string(&AccessReport {
                reference: "R-2026-0001".into(),
                event_id: 17,
                filed_at: jiff::Timestamp::now(),
                status: ReportStatus::Received,
            })
            .unwrap(),
        ),
        _ => Reply::error(404, "not_found"),
    });
    let config = http_config(&server.url(), dir.path(), "outbox.db").unwrap();
    let source = indsigt::source::HttpSource::from_config(&config).unwrap();
    let who = Principal::Bearer(AccessToken::new("visit-token"));
    let visit = KioskVisit {
        kiosk_id: "demo-1".into(),
        location: "Hovedbiblioteket".into(),
        started_at: jiff::Timestamp::now(),
        helper: Helper::Volunteer,
    };
    source.record_visit(&who, &visit).unwrap();
    let posted = server.requests().pop().unwrap();
    // Only what the citizen chose goes over the wire; the kiosk proves itself with its key.
    let body: serde_json::Value = serde_json::from_slice(&posted.body).unwrap();
    assert_eq!(body, serde_json::json!({ "helper": "volunteer" }));
    assert_eq!(posted.header("x-indsigt-kiosk"), Some(KIOSK_KEY));
    assert!(source.outbox().is_empty().unwrap(), "delivered at once");

    // The server fails: the report is kept, and the kiosk is told it is saved (not an error).
    let queued = source
        .report_access(&who, 17, indsigt::domain::Lang::Da)
        .unwrap();
    assert_eq!(queued.status, indsigt::domain::ReportStatus::Queued);
    assert_eq!(queued.event_id, 17);
    assert_eq!(source.outbox().len().unwrap(), 1, "kept for later");

    *down.lock().unwrap() = false;
    assert_eq!(source.deliver_outbox().delivered, 1);
    assert!(source.outbox().is_empty().unwrap());
    let report = source
        .report_access(&who, 17, indsigt::domain::Lang::Da)
        .unwrap();
    assert_eq!(report.reference, "R-2026-0001");
    assert!(source.outbox().is_empty().unwrap());
}
