#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The HTTP source against small local servers: the API mapping, and each kind of failure giving the
//! right `SourceError` and a sentence in both languages.

mod common;
mod http_support;

use common::fixtures;
use http_support::{Reply, Server, closed_port};
use indsigt::domain::{AccessCursor, AccessFilter, Action, Lang, Overview};
use indsigt::i18n::t;
use indsigt::source::http::{HttpError, HttpOptions};
use indsigt::source::{AccessToken, DataSource, HttpSource, Principal, SourceError};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const TOKEN: &str = "tok-7f3a9c-secret";

fn who() -> Principal {
    Principal::Bearer(AccessToken::new(TOKEN))
}

fn options(url: &str, dir: &tempfile::TempDir) -> HttpOptions {
    HttpOptions {
        connect_timeout: Duration::from_millis(500),
        request_timeout: Duration::from_millis(400),
        retry_attempts: 2,
        retry_base: Duration::from_millis(10),
        outbox_retry: Duration::from_secs(3600),
        ..HttpOptions::new(url, dir.path().join("outbox.db"))
    }
}

fn source(url: &str) -> (HttpSource, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    (HttpSource::new(options(url, &dir)).unwrap(), dir)
}

fn overview() -> Overview {
    Overview {
        categories: 12,
        areas: 5,
        purposes: 7,
        access_events: 40,
        active_consents: 2,
        consents: 3,
        decision_support: 1,
        new_answers: 0,
    }
}

/// The error has a real sentence in both languages.
fn assert_localized(err: &SourceError) {
    for lang in [Lang::Da, Lang::En] {
        let sentence = t(lang, err.message_id());
        assert!(!sentence.trim().is_empty(), "{lang:?} {err:?}");
        assert_ne!(sentence, err.message_id(), "{lang:?} {err:?}");
    }
}

#[test]
fn reads_with_the_bearer_token() {
    let server = Server::start(|req| {
        if req.header("authorization") != Some(&format!("Bearer {TOKEN}")) {
            return Reply::error(401, "unauthorized");
        }
        match req.path() {
            "/v1/overview" => Reply::ok(&overview()),
            "/v1/consents" => Reply::ok(&vec![fixtures::consent(1, false)]),
            _ => Reply::error(404, "not_found"),
        }
    });
    let (source, _dir) = source(&server.url());
    assert_eq!(source.overview(&who()).unwrap(), overview());
    assert_eq!(
        source.consents(&who()).unwrap(),
        vec![fixtures::consent(1, false)]
    );
    let other = Principal::Bearer(AccessToken::new("another"));
    assert_eq!(source.overview(&other), Err(SourceError::Unauthorized));
    assert_eq!(source.category(&who(), 9), Err(SourceError::NotFound));
}

#[test]
fn demo_sign_in_is_not_for_the_server() {
    let (source, _dir) = source("http://127.0.0.1:9");
    assert_eq!(
        source.overview(&fixtures::principal(1)),
        Err(SourceError::Unauthorized)
    );
    assert_eq!(source.demo_citizens(), Err(SourceError::Unsupported));
}

#[test]
fn a_closed_port_is_unreachable() {
    let (source, _dir) = source(&format!("http://{}", closed_port()));
    let err = source.overview(&who()).unwrap_err();
    assert!(matches!(err, SourceError::Unreachable(_)), "{err:?}");
    assert_localized(&err);
}

#[test]
fn a_stalled_server_times_out_after_bounded_retries() {
    let server = Server::start(|_| Reply::Stall(Duration::from_secs(3)));
    let (source, _dir) = source(&server.url());
    let started = Instant::now();
    let err = source.overview(&who()).unwrap_err();
    assert_eq!(err, SourceError::Timeout);
    assert_localized(&err);
    // Two tries of 0.4 s and a short pause: well under the stall.
    assert!(started.elapsed() < Duration::from_millis(2500));
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_500_is_a_server_error_and_is_not_retried() {
    let server = Server::start(|_| Reply::error(500, "internal"));
    let (source, _dir) = source(&server.url());
    let err = source.areas(&who()).unwrap_err();
    assert!(matches!(err, SourceError::Server(_)), "{err:?}");
    assert_localized(&err);
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn a_503_is_tried_again() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let server = Server::start(move |_| {
        if counter.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::error(503, "unavailable")
        } else {
            Reply::ok(&overview())
        }
    });
    let (source, _dir) = source(&server.url());
    assert_eq!(source.overview(&who()).unwrap(), overview());
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[test]
fn truncated_json_is_malformed() {
    // The connection closes before the announced length ...
    let short = Server::start(|_| {
        Reply::Raw(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 200\r\n\r\n{\"categories\": 12, \"ar"
                .to_vec(),
        )
    });
    let (source, _dir) = source(&short.url());
    let err = source.overview(&who()).unwrap_err();
    assert!(matches!(err, SourceError::Malformed(_)), "{err:?}");
    assert_localized(&err);
    // ... or the whole body is cut-off JSON.
    let cut = Server::start(|_| Reply::Json(200, r#"{"categories": 12, "ar"#.into()));
    let (source, _dir) = self::source(&cut.url());
    let err = source.overview(&who()).unwrap_err();
    assert!(matches!(err, SourceError::Malformed(_)), "{err:?}");
}

#[test]
fn a_50_mb_body_is_refused_unread() {
    const FIFTY_MB: u64 = 50 * 1024 * 1024;
    for announce in [true, false] {
        let server = Server::start(move |_| Reply::Big {
            total: FIFTY_MB,
            announce,
        });
        let dir = tempfile::tempdir().unwrap();
        let source = HttpSource::new(HttpOptions {
            request_timeout: Duration::from_secs(10),
            ..options(&server.url(), &dir)
        })
        .unwrap();
        let err = source.areas(&who()).unwrap_err();
        match &err {
            SourceError::Malformed(detail) => assert!(detail.contains("too large"), "{detail}"),
            other => panic!("announce={announce}: {other:?}"),
        }
        assert_localized(&err);
    }
}

#[test]
fn statuses_map_to_what_the_kiosk_says() {
    let server = Server::start(|req| match req.path() {
        "/v1/me" => Reply::error(403, "unknown_citizen"),
        "/v1/areas" => Reply::error(401, "unauthorized"),
        // Refused for this sign-in (acting for someone, staff sign-in): said as such, not as a lost sign-in.
        "/v1/purposes" => Reply::error(403, "forbidden"),
        "/v1/consents" => Reply::error(403, "something_else"),
        _ => Reply::error(404, "not_found"),
    });
    let (source, _dir) = source(&server.url());
    let cases = [
        (
            source.citizen(&who()).map(|_| ()),
            SourceError::UnknownCitizen,
        ),
        (source.areas(&who()).map(|_| ()), SourceError::Unauthorized),
        (
            source.purposes(&who()).map(|_| ()),
            SourceError::Forbidden("forbidden".into()),
        ),
        (
            source.consents(&who()).map(|_| ()),
            SourceError::Unauthorized,
        ),
        (
            source.access_event(&who(), 5).map(|_| ()),
            SourceError::NotFound,
        ),
    ];
    for (got, want) in cases {
        assert_eq!(got, Err(want.clone()));
        assert_localized(&want);
    }
}

#[test]
fn the_access_log_query_follows_the_contract() {
    let server = Server::start(|_| Reply::Json(200, r#"{"entries":[],"next":null}"#.into()));
    let (source, _dir) = source(&server.url());
    let filter = AccessFilter {
        from: Some("2026-01-01T00:00:00Z".parse().unwrap()),
        area: Some("health".into()),
        organisation: Some(3),
        action: Some(Action::Disclosed),
        text: Some("læge & co".into()),
        ..AccessFilter::default()
    };
    let after = AccessCursor {
        at: jiff::Timestamp::from_second(1_700_000_000).unwrap(),
        id: 42,
    };
    let page = source
        .access_page(&who(), &filter, Some(after), 25)
        .unwrap();
    assert!(page.entries.is_empty() && page.next.is_none());
    let target = &server.requests()[0].target;
    assert!(target.starts_with("/v1/access-log?"), "{target}");
    for part in [
        "from=2026-01-01T00%3A00%3A00Z",
        "area=health",
        "organisation=3",
        "action=disclosed",
        "q=l%C3%A6ge+%26+co",
        "after=1700000000.42",
        "limit=25",
    ] {
        assert!(target.contains(part), "{part} in {target}");
    }
}

#[test]
fn errors_do_not_carry_the_url_or_its_query() {
    let (source, _dir) = source(&format!("http://{}", closed_port()));
    let filter = AccessFilter {
        text: Some("Jensen".into()),
        ..AccessFilter::default()
    };
    let err = source.access_page(&who(), &filter, None, 10).unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(
        !shown.contains("Jensen") && !shown.contains("access-log"),
        "{shown}"
    );

    let short = Server::start(|_| {
        Reply::Raw(b"HTTP/1.1 200 OK\r\ncontent-length: 50\r\n\r\n{\"entries\"".to_vec())
    });
    let (source, _dir) = self::source(&short.url());
    let err = source.access_page(&who(), &filter, None, 10).unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(matches!(err, SourceError::Malformed(_)), "{shown}");
    assert!(
        !shown.contains("Jensen") && !shown.contains("access-log"),
        "{shown}"
    );
}

#[test]
fn plain_http_only_to_loopback() {
    let dir = tempfile::tempdir().unwrap();
    for insecure in ["http://example.dk", "http://192.0.2.7:8080"] {
        let err = HttpSource::new(options(insecure, &dir)).unwrap_err();
        assert!(matches!(err, HttpError::InsecureUrl(_)), "{err:?}");
        assert!(err.to_string().contains("https://"), "{err}");
    }
    for loopback in ["http://127.0.0.1:1", "http://localhost:1", "http://[::1]:1"] {
        HttpSource::new(options(loopback, &dir)).unwrap();
    }
}

#[test]
fn debug_never_shows_the_token() {
    let server = Server::start(|_| Reply::ok(&overview()));
    let (source, _dir) = source(&server.url());
    source.overview(&who()).unwrap();
    let shown = format!("{source:?} {:?}", source.outbox());
    assert!(!shown.contains(TOKEN), "{shown}");
    assert!(!shown.contains("7f3a9c"), "{shown}");
}

#[test]
fn works_from_the_blocking_pool_of_a_runtime() {
    let server = Server::start(|_| Reply::ok(&overview()));
    // Built before the runtime, as `app::run_kiosk` does.
    let (source, _dir) = source(&server.url());
    let source: Arc<dyn DataSource> = Arc::new(source);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let from_pool = Arc::clone(&source);
        let got = tokio::task::spawn_blocking(move || from_pool.overview(&who()))
            .await
            .unwrap();
        assert_eq!(got.unwrap(), overview());
        // The kiosk's event loop drops the last handle inside the runtime when it ends.
        drop(source);
    });
}
