//! Two `indsigt serve` processes on one PostgreSQL database: a batch of consent withdrawals is delivered
//! to the system's webhook exactly once, though both servers poll the same outbox at the same time
//! (`FOR UPDATE SKIP LOCKED` leases), and both answer the same.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod http_support;
mod support_server;

use common::{ELDERLY, cid, demo_without_requests, open};
use indsigt::domain::Lang;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use support_server::{Api, Issuer, Key, pg_support, settings};

const REQUESTS: i64 = 60;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_deliver_each_request_once() {
    let d = demo_without_requests();
    // REQUESTS active consents of one citizen, held by Momentum, each withdrawn: a request and an outbox row.
    {
        let conn = rusqlite::Connection::open(&d.path).unwrap();
        let citizen: i64 = conn
            .query_row(
                "SELECT id FROM citizens WHERE public_id = ?1",
                [cid(ELDERLY).0],
                |r| r.get(0),
            )
            .unwrap();
        let consent_type: String = conn
            .query_row(
                "SELECT consent_type_id FROM citizen_consents WHERE citizen_id = ?1 LIMIT 1",
                [citizen],
                |r| r.get(0),
            )
            .unwrap();
        for n in 0..REQUESTS {
            conn.execute(
                "INSERT INTO citizen_consents (citizen_id, consent_type_id, system_id, record_id, given_at)
                 VALUES (?1, ?2, 'momentum', ?3, ?4)",
                rusqlite::params![citizen, consent_type, format!("twin-{n}"), common::now().as_second() - 86_400],
            )
            .unwrap();
        }
    }
    let mut store = open(&d);
    let ids: Vec<i64> = {
        let conn = rusqlite::Connection::open(&d.path).unwrap();
        let mut st = conn
            .prepare("SELECT id FROM citizen_consents WHERE record_id LIKE 'twin-%' ORDER BY id")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(ids.len() as i64, REQUESTS);
    for id in &ids {
        store
            .withdraw_consent_in(&cid(ELDERLY), *id, Lang::Da, common::now())
            .unwrap();
    }
    drop(store);

    let dir = tempfile::tempdir().unwrap();
    let Some((pg_settings, pg)) = pg_support::copy_of(&d.path, dir.path()).await else {
        return;
    };
    let client = pg.client().await.unwrap();
    let pending: i64 = client
        .query_one(
            "SELECT count(*) FROM request_outbox WHERE system_id = 'momentum' AND delivered_at IS NULL",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(pending, REQUESTS, "every withdrawal waits in the outbox");

    // The receiver counts each message id; it is slow, so both servers' rounds overlap.
    let seen: Arc<Mutex<BTreeMap<String, u32>>> = Arc::default();
    let log = seen.clone();
    let hook = http_support::Server::start(move |req| {
        std::thread::sleep(std::time::Duration::from_millis(40));
        let id = req.header("webhook-id").unwrap_or_default().to_owned();
        *log.lock().unwrap().entry(id).or_default() += 1;
        http_support::Reply::Json(204, String::new())
    });
    let secret = d.dir.path().join("whsec");
    std::fs::write(&secret, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n").unwrap();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let mut s = settings(&d.path, &issuer);
    s.postgres = Some(pg_settings);
    s.ingest_keys[0].webhook_url = Some(format!("{}/hook", hook.url()));
    s.ingest_keys[0].webhook_secret_file = Some(secret);
    let (a, b) = tokio::join!(Api::start(&s), Api::start(&s));

    let start = std::time::Instant::now();
    loop {
        let delivered: i64 = client
            .query_one(
                "SELECT count(*) FROM request_outbox WHERE system_id = 'momentum' AND delivered_at IS NOT NULL",
                &[],
            )
            .await
            .unwrap()
            .get(0);
        if delivered == REQUESTS {
            break;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "{delivered} of {REQUESTS} delivered"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // A little longer: a second delivery, if any, would come now.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len() as i64, REQUESTS, "{seen:?}");
    assert!(seen.values().all(|&n| n == 1), "{seen:?}");
    let attempts: i64 = client
        .query_one("SELECT count(*) FROM delivery_attempts", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(attempts, REQUESTS, "one attempt per request");

    // Both servers answer the same from the one database.
    let subject = open(&d).citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let me = format!("Bearer {}", issuer.token(&subject));
    let (sa, ra) = a.call(None, "/v1/requests", &me).await;
    let (sb, rb) = b.call(None, "/v1/requests", &me).await;
    assert_eq!((sa, sb), (200, 200), "{ra} {rb}");
    assert_eq!(ra, rb);
    assert_eq!(ra.as_array().unwrap().len() as i64, REQUESTS);
    a.running.stop().await.unwrap();
    b.running.stop().await.unwrap();
}
