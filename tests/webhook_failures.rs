#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Webhook endpoints that are down (nothing listens) or too slow (past `webhook_timeout_secs`), on a real
//! server: each attempt is recorded as `connect` or `timeout`, retried, and the request is kept in the pull
//! feed and shown to the citizen as sent.

mod common;
mod http_support;
mod support_server;

use common::{ELDERLY, cid, demo_without_requests, open};
use serde_json::json;
use support_server::{Api, Issuer, Key, MOMENTUM_KEY, NEXUS_KEY, settings};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_endpoint_that_is_down_or_slow_is_retried_and_the_request_kept() {
    let d = demo_without_requests();
    let consents = common::momentum_consents(&d, ELDERLY);
    {
        // The second consent is KMD Nexus's.
        let conn = rusqlite::Connection::open(&d.path).unwrap();
        conn.execute(
            "UPDATE citizen_consents SET system_id = 'kmd_nexus' WHERE id = ?1",
            [consents[1]],
        )
        .unwrap();
    }
    let subject = open(&d).citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let secret = d.dir.path().join("whsec");
    std::fs::write(&secret, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n").unwrap();
    // Momentum's endpoint is down (nothing listens); Nexus's never answers within the timeout.
    let down = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let slow = http_support::Server::start(|_| {
        http_support::Reply::Stall(std::time::Duration::from_secs(5))
    });
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let mut s = settings(&d.path, &issuer);
    s.ingest_keys[0].webhook_url = Some(format!("http://{down}/hook"));
    s.ingest_keys[1].system = "KMD Nexus".into();
    s.ingest_keys[1].webhook_url = Some(format!("{}/hook", slow.url()));
    s.webhook_timeout_secs = 1;
    for k in &mut s.ingest_keys {
        k.webhook_secret_file = Some(secret.clone());
    }
    let api = Api::start(&s).await;
    let me = format!("Bearer {}", issuer.token(&subject));
    for id in &consents[..2] {
        let (status, body) = api
            .call(Some(json!({})), &format!("/v1/consents/{id}/withdraw"), &me)
            .await;
        assert_eq!(status, 200, "{body}");
    }
    let outcomes = async |system: &str| -> Vec<String> {
        api.db
            .strings(
                "SELECT a.outcome FROM delivery_attempts a JOIN request_outbox o ON o.request_id = a.request_id
                 WHERE o.system_id = ?1 ORDER BY a.id",
                &[json!(system)],
            )
            .await
    };
    let start = std::time::Instant::now();
    while outcomes("momentum").await.len() < 2 || outcomes("kmd_nexus").await.is_empty() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "{:?} {:?}",
            outcomes("momentum").await,
            outcomes("kmd_nexus").await
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let momentum = outcomes("momentum").await;
    assert!(momentum.iter().all(|o| o == "connect"), "{momentum:?}");
    assert_eq!(outcomes("kmd_nexus").await[0], "timeout");
    // Kept: still in the pull feeds, still "sent" for the citizen.
    let (_, page) = api
        .call(
            None,
            "/v1/systems/requests",
            &format!("ApiKey {MOMENTUM_KEY}"),
        )
        .await;
    assert_eq!(page["requests"].as_array().unwrap().len(), 1);
    let (_, page) = api
        .call(None, "/v1/systems/requests", &format!("ApiKey {NEXUS_KEY}"))
        .await;
    assert_eq!(page["requests"].as_array().unwrap().len(), 1);
    let (_, mine) = api.call(None, "/v1/requests", &me).await;
    assert!(
        mine.as_array()
            .unwrap()
            .iter()
            .all(|r| r["status"] == "sent")
    );
    api.running.stop().await.unwrap();
}
