//! Webhook deliveries claimed by several servers at once on PostgreSQL: each due delivery goes to exactly
//! one claimer; a lease that ran out is claimable again; a delivered one never is.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_support;

use indsigt::store::outbox::{AttemptOutcome, Retry};
use jiff::Timestamp;
use std::collections::HashSet;
use std::sync::Arc;

const SYSTEM: &str = "sys-claims";
const N: i64 = 200;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_claimers_share_200_deliveries_without_overlap() {
    let demo = common::demo();
    let dir = tempfile::tempdir().unwrap();
    let Some((_settings, store)) = pg_support::copy_of(&demo.path, dir.path()).await else {
        eprintln!("skipped: no PostgreSQL cluster");
        return;
    };
    {
        let client = store.client().await.unwrap();
        client
            .batch_execute(&format!(
                "INSERT INTO citizen_consents (id, citizen_id, consent_type_id, system_id, record_id, given_at)
                 SELECT 1000000 + g, (SELECT min(id) FROM citizens),
                        (SELECT consent_type_id FROM citizen_consents LIMIT 1), '{SYSTEM}', 'rec-' || g, 100
                 FROM generate_series(1, {N}) g;
                 INSERT INTO requests (id, citizen_id, kind, reference, consent_id, system_id, lang, status,
                                       filed_at, updated_at)
                 SELECT 1000000 + g, (SELECT min(id) FROM citizens), 'withdrawal', 'CLAIM-' || g,
                        1000000 + g, '{SYSTEM}', 'da', 'sent', 100, 100
                 FROM generate_series(1, {N}) g;
                 INSERT INTO request_outbox (request_id, system_id, created_at, next_attempt_at)
                 SELECT 1000000 + g, '{SYSTEM}', 100, 100 + g FROM generate_series(1, {N}) g;"
            ))
            .await
            .unwrap();
    }
    let store = Arc::new(store);
    let now = Timestamp::from_second(10_000).unwrap();
    let lease = Timestamp::from_second(20_000).unwrap();
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            loop {
                let got = store.claim_deliveries(SYSTEM, now, lease, 7).await.unwrap();
                if got.is_empty() {
                    break;
                }
                mine.extend(got.into_iter().map(|d| d.request.id));
            }
            mine
        }));
    }
    let mut all = Vec::new();
    let mut busy = 0;
    for t in tasks {
        let mine = t.await.unwrap();
        if !mine.is_empty() {
            busy += 1;
        }
        all.extend(mine);
    }
    let unique: HashSet<i64> = all.iter().copied().collect();
    assert_eq!(all.len(), N as usize, "every delivery claimed exactly once");
    assert_eq!(unique.len(), N as usize);
    assert!(busy >= 1);
    // Within the lease nothing is due.
    assert!(
        store
            .claim_deliveries(SYSTEM, now, lease, 500)
            .await
            .unwrap()
            .is_empty()
    );
    // Deliver the first; fail the second with a retry at 15_000.
    let first = 1_000_001;
    store
        .record_attempt(first, now, AttemptOutcome::Delivered(200), Retry::GiveUp)
        .await
        .unwrap();
    let retry_at = Timestamp::from_second(15_000).unwrap();
    store
        .record_attempt(first + 1, now, AttemptOutcome::Timeout, Retry::At(retry_at))
        .await
        .unwrap();
    let at_retry = store
        .claim_deliveries(
            SYSTEM,
            retry_at,
            Timestamp::from_second(30_000).unwrap(),
            500,
        )
        .await
        .unwrap();
    assert_eq!(at_retry.len(), 1);
    assert_eq!(at_retry[0].request.id, first + 1);
    assert_eq!(at_retry[0].attempts, 1);
    // After the lease ran out, all but the delivered one are claimable again.
    let after = store
        .claim_deliveries(
            SYSTEM,
            Timestamp::from_second(40_000).unwrap(),
            Timestamp::from_second(50_000).unwrap(),
            500,
        )
        .await
        .unwrap();
    let ids: HashSet<i64> = after.iter().map(|d| d.request.id).collect();
    assert_eq!(ids.len(), N as usize - 1);
    assert!(!ids.contains(&first), "a delivered one is never claimed");
}
