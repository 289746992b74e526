//! `kill -9` of PostgreSQL while a system ingests 100,000 access events in batches through `indsigt serve`:
//! the batches in flight fail with 503 `unavailable` (never a 500), the sender retries them, and after the
//! restart every event the server acknowledged is stored, none twice.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod support_server;

use common::{ELDERLY, cid, demo, open};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use support_server::{Api, Issuer, Key, MOMENTUM_KEY, pg_support, settings};

const EVENTS: usize = 100_000;
const BATCH: usize = 1_000;

fn batch(subject: &str, purpose: &(String, String), n: usize) -> Value {
    let events: Vec<Value> = (n * BATCH..(n + 1) * BATCH)
        .map(|i| {
            json!({
                "event_id": format!("kill-{i}"),
                "citizen": subject,
                "at": format!("2026-{:02}-{:02}T09:{:02}:00+01:00", 1 + i % 11, 1 + i % 28, i % 60),
                "organisation": { "da": "Jobcenter Eksempel", "en": "Job Centre Example" },
                "unit": { "da": "Ydelser", "en": "Benefits" },
                "role": { "da": "Sagsbehandler", "en": "Caseworker" },
                "system": "Momentum",
                "area": "employment",
                "category": { "da": "Ledighedsforløb", "en": "Unemployment history" },
                "action": "viewed",
                "purpose": { "da": purpose.0, "en": purpose.1 },
            })
        })
        .collect();
    json!({ "events": events })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_events_survive_kill_9_of_postgres_once_each() {
    let d = demo();
    let store = open(&d);
    let subject = store.citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let purpose: (String, String) = store
        .connection()
        .query_row(
            "SELECT name_da, name_en FROM purposes ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    drop(store);
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
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let mut s = settings(&d.path, &issuer);
    s.postgres = Some(pg_settings.clone());
    let api = Api::start(&s).await;

    let mut statuses: BTreeMap<String, u32> = BTreeMap::new();
    let mut acknowledged = 0usize;
    let mut killed = false;
    let mut killer = None;
    for n in 0..EVENTS / BATCH {
        let body = batch(&subject, &purpose, n);
        loop {
            if n == 30 && !killed {
                // The kill lands while the next batches are being written.
                killed = true;
                killer = Some(cluster.kill_9_after(std::time::Duration::from_millis(20)));
            }
            let (status, answer) = api.ingest(MOMENTUM_KEY, &body).await;
            if status == 200 {
                acknowledged += answer["accepted"].as_u64().unwrap() as usize
                    + answer["duplicates"].as_array().unwrap().len();
                assert!(
                    answer["rejected"].as_array().unwrap().is_empty(),
                    "{answer}"
                );
                break;
            }
            let failure = format!("{status} {}", answer["code"].as_str().unwrap_or("?"));
            assert!(
                killed && failure == "503 unavailable",
                "batch {n}: while PostgreSQL is gone a request fails with 503 unavailable, not {failure}: {answer}"
            );
            let refused = statuses.entry(failure).or_default();
            *refused += 1;
            assert!(*refused < 300, "PostgreSQL did not come back");
            if *refused == 3 {
                // Three refusals while it is down; then it comes back.
                killer.take().unwrap().join().unwrap();
                cluster.restart();
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
    }
    assert!(killed);
    assert_eq!(acknowledged, EVENTS);
    assert!(!statuses.is_empty(), "the kill was felt by the sender");
    let (status, _) = api
        .http
        .get(api.url("/readyz"))
        .send()
        .await
        .map(|r| (r.status().as_u16(), ()))
        .unwrap();
    assert_eq!(status, 200, "ready again after the restart");

    let client = api.pg.as_ref().unwrap_or(&pg).client().await.unwrap();
    let row = client
        .query_one(
            "SELECT count(*), count(DISTINCT i.source_event_id)
             FROM ingested_events i JOIN access_events e ON e.id = i.event_id
             WHERE i.source_event_id LIKE 'kill-%'",
            &[],
        )
        .await
        .unwrap();
    let (stored, distinct): (i64, i64) = (row.get(0), row.get(1));
    assert_eq!(distinct, EVENTS as i64, "every acknowledged event is there");
    assert_eq!(stored, EVENTS as i64, "none twice");
    let events: i64 = client
        .query_one(
            "SELECT count(*) FROM access_events e JOIN systems s ON s.id = e.system_id
             WHERE s.name = 'Momentum' AND e.id IN (SELECT event_id FROM ingested_events WHERE source_event_id LIKE 'kill-%')",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(events, EVENTS as i64);
    api.running.stop().await.unwrap();
}
