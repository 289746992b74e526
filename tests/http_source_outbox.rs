#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The HTTP source's durable outbox: a withdrawal the server cannot take waits on disk (without token or
//! personal data), survives a restart, and is sent with a token of the same citizen once the server is back.

mod common;
mod http_support;

use common::fixtures;
use http_support::{Reply, Req, Server};
use indsigt::domain::Consent;
use indsigt::domain::port::{Helper, KioskVisit};
use indsigt::source::http::{HttpOptions, Outbox, OutboxError, OutboxRequest};
use indsigt::source::{AccessToken, DataSource, HttpSource, Principal, SourceError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TOKEN_1: &str = "tok-citizen-one-5e1d";
const TOKEN_2: &str = "tok-citizen-two-88c0";

fn who(token: &str) -> Principal {
    Principal::Bearer(AccessToken::new(token))
}

fn options(url: &str, dir: &tempfile::TempDir) -> HttpOptions {
    HttpOptions {
        connect_timeout: Duration::from_millis(500),
        request_timeout: Duration::from_secs(2),
        retry_attempts: 1,
        retry_base: Duration::from_millis(10),
        outbox_retry: Duration::from_secs(3600),
        ..HttpOptions::new(url, dir.path().join("outbox.db"))
    }
}

/// A server that knows two citizens by their tokens, each with consents 1 and 2 (consents are shared
/// for brevity), and withdraws on request. `withdraw` answers the withdrawal instead when given.
fn api(withdraw: Option<u16>) -> impl Fn(&Req) -> Reply + Send + Sync + 'static {
    let consents = Arc::new(Mutex::new(vec![
        fixtures::consent(1, false),
        fixtures::consent(2, false),
    ]));
    move |req: &Req| {
        let citizen = match req.header("authorization") {
            Some(h) if h == format!("Bearer {TOKEN_1}") => fixtures::citizen(1).citizen,
            Some(h) if h == format!("Bearer {TOKEN_2}") => fixtures::citizen(2).citizen,
            _ => return Reply::error(401, "unauthorized"),
        };
        let path = req.path();
        if path == "/v1/me" {
            return Reply::ok(&citizen);
        }
        if path == "/v1/consents" {
            return Reply::ok(&*consents.lock().unwrap());
        }
        if path == "/v1/kiosk-visits" && req.method == "POST" {
            return Reply::Json(204, String::new());
        }
        let id = path
            .strip_prefix("/v1/consents/")
            .and_then(|p| p.strip_suffix("/withdraw"))
            .and_then(|id| id.parse::<i64>().ok());
        match (req.method.as_str(), id, withdraw) {
            ("POST", Some(_), Some(status)) => Reply::error(status, "test"),
            ("POST", Some(id), None) => {
                let mut list = consents.lock().unwrap();
                let Some(c) = list.iter_mut().find(|c| c.id == id) else {
                    return Reply::error(404, "not_found");
                };
                c.withdrawn_at = Some(jiff::Timestamp::now());
                Reply::ok(c)
            }
            _ => Reply::error(404, "not_found"),
        }
    }
}

fn withdrawals(server: &Server) -> Vec<Req> {
    server
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect()
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "timed out: {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Every text and blob in the outbox file, to show what it holds.
fn dump(path: &std::path::Path) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = String::new();
    for table in ["meta", "outbox"] {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..columns {
                let value: rusqlite::types::Value = row.get(i).unwrap();
                out.push_str(&format!("{value:?} "));
            }
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_withdrawal_waits_while_the_server_is_down_and_is_sent_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let up = Server::start(api(None));
    let addr = up.addr;
    let first = HttpSource::new(options(&up.url(), &dir)).unwrap();
    let me = who(TOKEN_1);
    first.citizen(&me).unwrap();
    assert_eq!(first.consents(&me).unwrap().len(), 2);

    drop(up); // the server goes down
    let consent: Consent = first
        .withdraw_consent(&me, 1, indsigt::domain::Lang::Da)
        .unwrap();
    assert!(consent.withdrawal_pending && consent.withdrawn_at.is_none());
    assert_eq!(first.outbox().len().unwrap(), 1);
    assert!(first.holds_token(), "kept in memory for delivery");
    let shown = format!("{first:?}");
    assert!(!shown.contains(TOKEN_1), "{shown}");
    drop(first); // the kiosk restarts

    // The file holds the request, not the token or who the citizen is.
    let on_disk = dump(&dir.path().join("outbox.db"));
    assert!(on_disk.contains("/v1/consents/1/withdraw"), "{on_disk}");
    for secret in [TOKEN_1, "sub-1", "Borger 1", "c-1", "health data"] {
        assert!(!on_disk.contains(secret), "{secret} in {on_disk}");
    }

    let back = Server::start_on(addr, None, api(None));
    let second = HttpSource::new(options(&back.url(), &dir)).unwrap();
    // No session yet: nothing can be sent, nothing is lost.
    let round = second.deliver_outbox();
    assert_eq!((round.delivered, round.waiting), (0, 1));
    assert!(withdrawals(&back).is_empty());

    // The same citizen signs in again: the entry goes out with the new session's token.
    second.citizen(&me).unwrap();
    second.deliver_outbox();
    wait_until("the outbox is empty", || {
        second.outbox().is_empty().unwrap()
    });
    let sent = withdrawals(&back);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].path(), "/v1/consents/1/withdraw");
    assert_eq!(
        sent[0].header("authorization"),
        Some(format!("Bearer {TOKEN_1}").as_str())
    );
    assert!(
        sent[0]
            .header("idempotency-key")
            .is_some_and(|k| k.len() >= 16)
    );
    assert!(!second.holds_token(), "nothing left to send: no token copy");
    let now = second.consents(&me).unwrap();
    assert!(now.iter().any(|c| c.id == 1 && c.withdrawn_at.is_some()));
}

#[test]
fn an_entry_is_never_sent_with_another_citizens_token() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(api(Some(503)));
    let source = HttpSource::new(options(&server.url(), &dir)).unwrap();
    let one = who(TOKEN_1);
    source.consents(&one).unwrap();
    assert!(
        source
            .withdraw_consent(&one, 2, indsigt::domain::Lang::Da)
            .unwrap()
            .withdrawal_pending
    );
    assert_eq!(withdrawals(&server).len(), 1);

    // Citizen two signs in at the kiosk: citizen one's token copy is dropped, the entry stays.
    let two = who(TOKEN_2);
    source.citizen(&two).unwrap();
    assert!(!source.holds_token());
    source.deliver_outbox();
    assert_eq!(withdrawals(&server).len(), 1);
    assert_eq!(source.outbox().len().unwrap(), 1);
    let theirs = source.consents(&two).unwrap();
    assert!(theirs.iter().all(|c| !c.withdrawal_pending));
    // Citizen one again: their consent shows as on its way.
    let mine = source.consents(&one).unwrap();
    assert!(mine.iter().any(|c| c.id == 2 && c.withdrawal_pending));
}

#[test]
fn a_withdrawal_the_server_takes_at_once_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(api(None));
    let source = HttpSource::new(options(&server.url(), &dir)).unwrap();
    let me = who(TOKEN_1);
    source.consents(&me).unwrap();
    let c = source
        .withdraw_consent(&me, 1, indsigt::domain::Lang::Da)
        .unwrap();
    assert!(!c.withdrawal_pending && c.withdrawn_at.is_some());
    assert!(source.outbox().is_empty().unwrap());
    assert!(!source.holds_token());
    assert_eq!(
        source.withdraw_consent(&me, 99, indsigt::domain::Lang::Da),
        Err(SourceError::NotFound),
        "an unknown consent is an error, not a pending withdrawal"
    );
    assert!(source.outbox().is_empty().unwrap());
}

#[test]
fn a_moot_entry_is_removed_and_a_refused_token_is_forgotten() {
    for (status, left) in [(404, 0), (409, 0), (401, 1)] {
        let dir = tempfile::tempdir().unwrap();
        let down = Server::start(api(Some(503)));
        let source = HttpSource::new(options(&down.url(), &dir)).unwrap();
        let me = who(TOKEN_1);
        source.consents(&me).unwrap();
        assert!(
            source
                .withdraw_consent(&me, 1, indsigt::domain::Lang::Da)
                .unwrap()
                .withdrawal_pending
        );
        let addr = down.addr;
        drop(down);
        let _answers = Server::start_on(addr, None, api(Some(status)));
        source.deliver_outbox();
        assert_eq!(source.outbox().len().unwrap(), left, "status {status}");
        assert!(!source.holds_token(), "status {status}");
    }
}

#[test]
fn entries_older_than_the_limit_are_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.db");
    {
        let outbox = Outbox::open(&path).unwrap();
        let key = outbox.subject_key("sub-1");
        let old = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * 30);
        outbox
            .enqueue(
                &key,
                OutboxRequest::WithdrawConsent(1, indsigt::domain::Lang::Da),
                old,
            )
            .unwrap();
        outbox
            .enqueue(
                &key,
                OutboxRequest::ReportAccess(7, indsigt::domain::Lang::Da),
                jiff::Timestamp::now(),
            )
            .unwrap();
        // The same request twice is one entry.
        let again = outbox
            .enqueue(
                &key,
                OutboxRequest::ReportAccess(7, indsigt::domain::Lang::Da),
                jiff::Timestamp::now(),
            )
            .unwrap();
        assert_eq!(outbox.pending(&key).unwrap().len(), 2);
        assert_eq!(outbox.pending(&key).unwrap()[1], again);
        assert!(
            outbox
                .pending(&outbox.subject_key("sub-2"))
                .unwrap()
                .is_empty()
        );
    }
    let source = HttpSource::new(options("http://127.0.0.1:9", &dir)).unwrap();
    let round = source.deliver_outbox();
    assert_eq!((round.dropped, round.waiting), (1, 1));
}

#[test]
fn the_outbox_schema_is_versioned() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.db");
    drop(Outbox::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, indsigt::source::http::OUTBOX_SCHEMA_VERSION);
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    assert!(matches!(
        Outbox::open(&path),
        Err(OutboxError::NewerSchema { found: 99, .. })
    ));
    // The same salt across openings: a citizen's key is stable over restarts.
    let other = dir.path().join("other.db");
    let a = Outbox::open(&other).unwrap().subject_key("sub-1");
    let b = Outbox::open(&other).unwrap().subject_key("sub-1");
    assert_eq!(a, b);
    assert!(!format!("{a:?}").contains("sub-1"));
}

#[test]
fn the_background_thread_delivers_on_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let down = Server::start(api(Some(503)));
    let addr = down.addr;
    let source = HttpSource::new(HttpOptions {
        outbox_retry: Duration::from_millis(100),
        ..options(&down.url(), &dir)
    })
    .unwrap();
    let me = who(TOKEN_1);
    source.consents(&me).unwrap();
    assert!(
        source
            .withdraw_consent(&me, 2, indsigt::domain::Lang::Da)
            .unwrap()
            .withdrawal_pending
    );
    drop(down);
    let back = Server::start_on(addr, None, api(None));
    wait_until("the thread delivers", || {
        source.outbox().is_empty().unwrap()
    });
    assert_eq!(withdrawals(&back).len(), 1);
    wait_until("the token copy is dropped", || !source.holds_token());
}

fn visit(helper: Helper) -> KioskVisit {
    KioskVisit {
        kiosk_id: "kiosk-7".into(),
        location: "Hovedbiblioteket".into(),
        started_at: jiff::Timestamp::now(),
        helper,
    }
}

#[test]
fn a_kiosk_visit_waits_while_the_server_is_down_and_is_recorded_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("kiosk.key");
    std::fs::write(&key_file, "the-kiosk-key\n").unwrap();
    let with_key = |url: &str| HttpOptions {
        kiosk_key_file: Some(key_file.clone()),
        ..options(url, &dir)
    };
    let up = Server::start(api(None));
    let addr = up.addr;
    let first = HttpSource::new(with_key(&up.url())).unwrap();
    let me = who(TOKEN_1);
    first.citizen(&me).unwrap();

    drop(up); // the server goes down
    first.record_visit(&me, &visit(Helper::Staff)).unwrap();
    first.record_visit(&me, &visit(Helper::Volunteer)).unwrap();
    assert_eq!(first.outbox().len().unwrap(), 2, "two visits, two entries");
    drop(first); // the kiosk restarts

    // The file holds the request and the helper, not the token, the kiosk key or the place.
    let on_disk = dump(&dir.path().join("outbox.db"));
    assert!(on_disk.contains("/v1/kiosk-visits"), "{on_disk}");
    assert!(on_disk.contains("volunteer"), "{on_disk}");
    for secret in [TOKEN_1, "the-kiosk-key", "Hovedbiblioteket", "sub-1"] {
        assert!(!on_disk.contains(secret), "{secret} in {on_disk}");
    }

    let back = Server::start_on(addr, None, api(None));
    let second = HttpSource::new(with_key(&back.url())).unwrap();
    second.citizen(&me).unwrap();
    second.deliver_outbox();
    wait_until("the outbox is empty", || {
        second.outbox().is_empty().unwrap()
    });
    let sent: Vec<Req> = back
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path() == "/v1/kiosk-visits")
        .collect();
    assert_eq!(sent.len(), 2);
    let bodies: Vec<serde_json::Value> = sent
        .iter()
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect();
    assert_eq!(
        bodies,
        vec![
            serde_json::json!({ "helper": "staff" }),
            serde_json::json!({ "helper": "volunteer" })
        ]
    );
    for r in &sent {
        assert_eq!(
            r.header("authorization"),
            Some(format!("Bearer {TOKEN_1}").as_str())
        );
        assert_eq!(r.header("x-indsigt-kiosk"), Some("the-kiosk-key"));
        assert!(r.header("idempotency-key").is_some());
    }
}

#[test]
fn a_visit_filed_while_the_server_was_down_from_the_start_is_recorded_once_it_answers() {
    let dir = tempfile::tempdir().unwrap();
    let probe = Server::start(api(None));
    let addr = probe.addr;
    let url = probe.url();
    drop(probe); // down before the citizen's first call
    let source = HttpSource::new(options(&url, &dir)).unwrap();
    let me = who(TOKEN_1);
    assert!(source.citizen(&me).is_err());
    // Who the citizen is cannot be learnt now: the visit is held in memory, and the kiosk is not told
    // of a failure.
    source.record_visit(&me, &visit(Helper::Staff)).unwrap();
    assert_eq!(source.outbox().len().unwrap(), 0);

    let back = Server::start_on(addr, None, api(None));
    // The kiosk loads the citizen again: the held visit is filed and delivered.
    source.citizen(&me).unwrap();
    source.deliver_outbox();
    wait_until("the outbox is empty", || {
        source.outbox().is_empty().unwrap()
    });
    let sent: Vec<Req> = back
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path() == "/v1/kiosk-visits")
        .collect();
    assert_eq!(sent.len(), 1);
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&sent[0].body).unwrap(),
        serde_json::json!({ "helper": "staff" })
    );
}

#[test]
fn a_version_1_outbox_keeps_its_entries_when_it_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.db");
    // A file as version 1 wrote it, with one waiting withdrawal.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) STRICT;
             CREATE TABLE outbox (id INTEGER PRIMARY KEY, reference TEXT NOT NULL UNIQUE,
                 subject_key TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL,
                 created_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                 UNIQUE (subject_key, method, path)) STRICT;
             INSERT INTO meta VALUES ('subject_salt', x'00112233');
             INSERT INTO outbox (reference, subject_key, method, path, created_at)
                 VALUES ('r1', 'k1', 'POST', '/v1/consents/4/withdraw', 1);
             PRAGMA user_version = 1;",
        )
        .unwrap();
    let outbox = Outbox::open(&path).unwrap();
    assert_eq!(outbox.len().unwrap(), 1, "the waiting entry survived");
    let version: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, indsigt::source::http::OUTBOX_SCHEMA_VERSION);
    // The old entry, filed before withdrawals carried a language, is still sent once, in the server's
    // default language; a new one carries its language in the body.
    let once: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT once FROM outbox WHERE reference = 'r1'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(once, 1);
    assert_eq!(
        OutboxRequest::parse("POST", "/v1/consents/4/withdraw", None),
        Some(OutboxRequest::WithdrawConsent(4, indsigt::domain::Lang::Da))
    );
    let en = OutboxRequest::ReportAccess(7, indsigt::domain::Lang::En);
    let body = en.body().unwrap().to_string();
    assert_eq!(body, r#"{"lang":"en"}"#);
    assert_eq!(
        OutboxRequest::parse("POST", "/v1/access-log/7/report", Some(&body)),
        Some(en)
    );
    // A withdrawal filed twice is still one entry (also with its language); visits are one entry each.
    let k = outbox.subject_key("sub-2");
    let now = jiff::Timestamp::now();
    let a = outbox
        .enqueue(
            &k,
            OutboxRequest::WithdrawConsent(9, indsigt::domain::Lang::Da),
            now,
        )
        .unwrap();
    let b = outbox
        .enqueue(
            &k,
            OutboxRequest::WithdrawConsent(9, indsigt::domain::Lang::Da),
            now,
        )
        .unwrap();
    assert_eq!(a, b);
    let v1 = outbox
        .enqueue(&k, OutboxRequest::KioskVisit(Helper::NoOne), now)
        .unwrap();
    let v2 = outbox
        .enqueue(&k, OutboxRequest::KioskVisit(Helper::Staff), now)
        .unwrap();
    assert_ne!(v1.id, v2.id);
    let pending = outbox.pending(&k).unwrap();
    assert_eq!(pending.len(), 3);
    assert_eq!(pending[2].request, OutboxRequest::KioskVisit(Helper::Staff));
}
