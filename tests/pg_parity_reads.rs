//! Parity of the citizen's reads: PostgreSQL answers exactly what the SQLite store answers, on a copy of
//! the demo database. (So far: `citizen_by_ref`; the other reads are not built yet.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_support;

use indsigt::store::{CitizenRef, Store, StoreError};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn citizen_by_ref_matches_sqlite_for_every_demo_citizen() {
    let demo = common::demo();
    let dir = tempfile::tempdir().unwrap();
    let Some((_settings, pg)) = pg_support::copy_of(&demo.path, dir.path()).await else {
        return;
    };
    let store = Store::open(&demo.path).unwrap();
    let citizens = store.demo_citizens().unwrap();
    assert!(!citizens.is_empty(), "the demo has citizens");
    let client = pg.client().await.unwrap();
    for c in &citizens {
        let by_subject = CitizenRef::Subject(c.citizen.subject.clone());
        let sqlite = store.citizen_by_ref(&by_subject).unwrap();
        assert!(sqlite == pg.citizen_by_ref(&by_subject).await.unwrap());
        let key: Option<String> = client
            .query_one(
                "SELECT cpr_key FROM citizens WHERE subject = $1",
                &[&c.citizen.subject],
            )
            .await
            .unwrap()
            .get(0);
        if let Some(key) = key {
            let by_key = CitizenRef::CprKey(key);
            assert!(
                store.citizen_by_ref(&by_key).unwrap() == pg.citizen_by_ref(&by_key).await.unwrap()
            );
        }
    }
    for who in [
        CitizenRef::Subject("nobody".into()),
        CitizenRef::CprKey("no-such-key".into()),
    ] {
        assert!(matches!(
            store.citizen_by_ref(&who),
            Err(StoreError::UnknownCitizen)
        ));
        assert!(matches!(
            pg.citizen_by_ref(&who).await,
            Err(StoreError::UnknownCitizen)
        ));
    }
}
