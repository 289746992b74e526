//! PostgreSQL down when `indsigt serve` starts: the server listens anyway, `/readyz` and every data request
//! answer 503 `unavailable`, the schema step is retried with backoff, and once PostgreSQL answers the same
//! server is ready and serves the citizen, with no restart.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod support_server;

use common::{ELDERLY, cid, demo, open};
use support_server::{Api, Issuer, Key, pg_support, settings};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_started_before_postgres_is_ready_when_it_answers() {
    let d = demo();
    let subject = open(&d).citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let dir = tempfile::tempdir().unwrap();
    let Some(cluster) = pg_support::Cluster::start(&dir.path().join("pg")) else {
        return;
    };
    let pg_settings = pg_support::database_in(&cluster.url, &cluster.password, dir.path()).await;
    let pg = indsigt::store::postgres::PgStore::open(&pg_settings, common::now())
        .await
        .unwrap();
    indsigt::store::postgres::copy::copy_from_sqlite(&d.path, &pg)
        .await
        .unwrap();
    drop(pg);
    cluster.stop();

    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let mut s = settings(&d.path, &issuer);
    s.postgres = Some(pg_settings);
    let api = Api::start(&s).await;
    let me = format!("Bearer {}", issuer.token(&subject));
    let ready = async || {
        api.http
            .get(api.url("/readyz"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(ready().await, 503, "not ready while PostgreSQL is down");
    let answer = api.call(None, "/v1/overview", &me).await;
    support_server::assert_error(&answer, 503, "unavailable");
    let (status, _) = api.get("/healthz", "").await;
    assert_eq!(status, 200, "alive, though not ready");

    cluster.restart();
    let start = std::time::Instant::now();
    while ready().await != 200 {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "not ready a minute after PostgreSQL came back"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let (status, overview) = api.call(None, "/v1/overview", &me).await;
    assert_eq!(status, 200, "{overview}");
    assert!(
        overview["access_events"].as_u64().unwrap() > 0,
        "{overview}"
    );
    api.running.stop().await.unwrap();
}
