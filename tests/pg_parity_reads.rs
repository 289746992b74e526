//! Parity of the citizen's reads: PostgreSQL answers exactly what the SQLite store answers, on a copy of
//! the demo database: the citizen, the overview, areas, categories (list and detail), purposes, consents,
//! decision support and the connected systems, for every demo citizen, before and after the same changes
//! on both engines, with the same errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_support;

use indsigt::domain::{CitizenId, ConnectedSystem};
use indsigt::store::postgres::PgStore;
use indsigt::store::{CitizenRef, Store, StoreError, StoreResult};
use jiff::Timestamp;

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

/// What the comparisons saw, so the test cannot pass on empty answers.
#[derive(Debug, Default)]
struct Seen {
    overviews_with_data: usize,
    areas: usize,
    categories: usize,
    fields: usize,
    sensitive_fields: usize,
    category_purposes: usize,
    recipients: usize,
    deletion_dates: usize,
    special: usize,
    purposes: usize,
    consents: usize,
    withdrawn: usize,
    pending: usize,
    decisions: usize,
    factors: usize,
    inputs: usize,
    new_answers: u32,
}

fn not_found<T: std::fmt::Debug>(r: StoreResult<T>) -> bool {
    matches!(r, Err(StoreError::NotFound))
}

fn unknown<T: std::fmt::Debug>(r: StoreResult<T>) -> bool {
    matches!(r, Err(StoreError::UnknownCitizen))
}

/// Every read of one citizen on both engines, equal; answers the ids of the citizen's categories.
async fn same_reads(
    store: &Store,
    pg: &PgStore,
    id: &CitizenId,
    who: &CitizenRef,
    now: Timestamp,
    seen: &mut Seen,
) -> Vec<i64> {
    let overview = store.overview(id, now).unwrap();
    assert_eq!(overview, pg.overview(who, now).await.unwrap(), "{who:?}");
    if overview.categories > 0 && overview.consents > 0 && overview.access_events > 0 {
        seen.overviews_with_data += 1;
    }
    seen.new_answers += overview.new_answers;
    let areas = store.areas(id).unwrap();
    assert_eq!(areas, pg.areas(who).await.unwrap(), "{who:?}");
    assert_eq!(
        areas.iter().map(|a| a.categories).sum::<u32>(),
        overview.categories
    );
    seen.areas += areas.len();
    let mut ids = Vec::new();
    for area in &areas {
        let list = store.area_categories(id, &area.code).unwrap();
        assert_eq!(
            list,
            pg.area_categories(who, &area.code).await.unwrap(),
            "{who:?} {}",
            area.code
        );
        assert_eq!(list.len(), area.categories as usize);
        for summary in &list {
            let detail = store.category(id, summary.id).unwrap();
            let on_pg = pg.category(who, summary.id).await.unwrap();
            assert_eq!(
                serde_json::to_value(&detail).unwrap(),
                serde_json::to_value(&on_pg).unwrap()
            );
            assert_eq!(detail, on_pg, "{who:?} category {}", summary.id);
            seen.categories += 1;
            seen.fields += detail.fields.len();
            seen.sensitive_fields += detail.fields.iter().filter(|f| f.sensitive).count();
            seen.category_purposes += detail.purposes.len();
            seen.recipients += detail.recipients.len();
            seen.deletion_dates += usize::from(detail.retention.delete_on.is_some());
            seen.special += usize::from(detail.special);
            ids.push(summary.id);
        }
    }
    for area in ["no-such-area", ""] {
        assert!(not_found(store.area_categories(id, area)));
        assert!(not_found(pg.area_categories(who, area).await));
    }
    for missing in [0, -1, i64::MAX] {
        assert!(not_found(store.category(id, missing)));
        assert!(not_found(pg.category(who, missing).await));
    }
    let purposes = store.purposes(id).unwrap();
    assert_eq!(purposes, pg.purposes(who).await.unwrap(), "{who:?}");
    seen.purposes += purposes.len();
    let consents = store.consents(id).unwrap();
    assert_eq!(consents, pg.consents(who).await.unwrap(), "{who:?}");
    seen.consents += consents.len();
    seen.withdrawn += consents.iter().filter(|c| c.withdrawn_at.is_some()).count();
    seen.pending += consents.iter().filter(|c| c.withdrawal_pending).count();
    let decisions = store.decision_support(id).unwrap();
    assert_eq!(
        serde_json::to_value(&decisions).unwrap(),
        serde_json::to_value(pg.decision_support(who).await.unwrap()).unwrap()
    );
    assert_eq!(decisions, pg.decision_support(who).await.unwrap());
    seen.decisions += decisions.len();
    seen.factors += decisions.iter().map(|d| d.factors.len()).sum::<usize>();
    seen.inputs += decisions.iter().map(|d| d.inputs.len()).sum::<usize>();
    ids
}

/// Every demo citizen's reads on both engines, by sign-in subject and (where it has one) by citizen key,
/// and each citizen's attempt at every other citizen's categories.
async fn every_citizen_reads_the_same(store: &Store, pg: &PgStore, now: Timestamp) -> Seen {
    let client = pg.client().await.unwrap();
    let citizens = store.demo_citizens().unwrap();
    let mut seen = Seen::default();
    let mut owned = Vec::new();
    for c in &citizens {
        let who = CitizenRef::Subject(c.citizen.subject.clone());
        let ids = same_reads(store, pg, &c.citizen.id, &who, now, &mut seen).await;
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
            let mut again = Seen::default();
            let same = same_reads(store, pg, &c.citizen.id, &by_key, now, &mut again).await;
            assert_eq!(same, ids);
        }
        owned.push((c.citizen.id.clone(), who, ids));
    }
    // Another citizen's category is NotFound on both engines, never theirs to read.
    for (i, (id, who, _)) in owned.iter().enumerate() {
        for (j, (_, _, theirs)) in owned.iter().enumerate() {
            if i == j {
                continue;
            }
            for &foreign in theirs.iter().take(3) {
                assert!(not_found(store.category(id, foreign)), "{who:?} {foreign}");
                assert!(
                    not_found(pg.category(who, foreign).await),
                    "{who:?} {foreign}"
                );
            }
        }
    }
    seen
}

async fn same_systems(store: &Store, pg: &PgStore, nows: &[Timestamp]) -> Vec<ConnectedSystem> {
    let mut all = Vec::new();
    for &now in nows {
        for stale in [0, 60, 3_600, 86_400 * 30, i64::MAX, i64::MIN] {
            let sqlite = store.connected_systems(now, stale).unwrap();
            assert_eq!(
                sqlite,
                pg.connected_systems(now, stale).await.unwrap(),
                "{now} {stale}"
            );
            assert!(!sqlite.is_empty(), "the demo catalogue has systems");
            all.extend(sqlite);
        }
    }
    all
}

/// The same statements on both engines (no bound values: literal ids from the test itself).
async fn on_both(store: &Store, pg: &PgStore, sql: &str) {
    store.connection().execute_batch(sql).unwrap();
    pg.client().await.unwrap().batch_execute(sql).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_read_matches_sqlite_for_every_demo_citizen() {
    let demo = common::demo();
    let dir = tempfile::tempdir().unwrap();
    let Some((_settings, pg)) = pg_support::copy_of(&demo.path, dir.path()).await else {
        return;
    };
    let store = Store::open(&demo.path).unwrap();
    let citizens = store.demo_citizens().unwrap();
    assert!(citizens.len() >= 3, "the demo has citizens");
    assert!(demo.summary.deferred_events > 0, "the demo defers entries");
    let generated: i64 = store
        .connection()
        .query_row(
            "SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?1",
            [indsigt::store::DEMO_GENERATED_AT],
            |r| r.get(0),
        )
        .unwrap();
    let generated = Timestamp::from_second(generated).unwrap();
    let now = Timestamp::now();
    let later = Timestamp::from_second(4_000_000_000).unwrap();

    // At the demo's own moment its deferred entries are still hidden.
    let seen = every_citizen_reads_the_same(&store, &pg, generated).await;
    assert!(seen.overviews_with_data > 0, "{seen:?}");
    for (what, n) in [
        ("areas", seen.areas),
        ("categories", seen.categories),
        ("fields", seen.fields),
        ("sensitive fields", seen.sensitive_fields),
        ("category purposes", seen.category_purposes),
        ("recipients", seen.recipients),
        ("deletion dates", seen.deletion_dates),
        ("special categories", seen.special),
        ("purposes", seen.purposes),
        ("consents", seen.consents),
        ("decisions", seen.decisions),
        ("factors", seen.factors),
        ("inputs", seen.inputs),
    ] {
        assert!(n > 0, "the demo has {what}: {seen:?}");
    }
    // Once every deferred entry's time has passed, more are visible: the hidden filter was compared.
    let mut counted = (0, 0);
    for c in &citizens {
        let who = CitizenRef::Subject(c.citizen.subject.clone());
        for at in [now, later] {
            assert_eq!(
                store.overview(&c.citizen.id, at).unwrap(),
                pg.overview(&who, at).await.unwrap()
            );
        }
        let at_later = pg.overview(&who, later).await.unwrap();
        counted.0 += pg.overview(&who, generated).await.unwrap().access_events;
        counted.1 += at_later.access_events;
    }
    assert!(counted.0 < counted.1, "{counted:?}");

    // The demo's systems sent their data when it was generated: fresh or stale by the limit.
    let nows = [
        now,
        generated,
        Timestamp::from_second(generated.as_second() - 100).unwrap(),
    ];
    let systems = same_systems(&store, &pg, &nows).await;
    assert!(systems.iter().any(|s| s.last_ingest.is_some() && !s.stale));
    assert!(systems.iter().any(|s| s.last_ingest.is_some() && s.stale));

    // Changes the demo lacks, made alike on both: a deleted holding, a withdrawn and a pending consent, a
    // request with a new answer, a system never heard from and one silent for a year.
    let (first, systems) = {
        let conn = store.connection();
        let first: i64 = conn
            .query_row("SELECT min(id) FROM holdings", [], |r| r.get(0))
            .unwrap();
        let mut st = conn
            .prepare("SELECT id FROM cat_systems WHERE version_id = (SELECT max(id) FROM catalogue_versions) ORDER BY id")
            .unwrap();
        let systems: Vec<String> = st
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        (first, systems)
    };
    assert!(systems.len() >= 2, "{systems:?}");
    let g = generated.as_second();
    on_both(
        &store,
        &pg,
        &format!(
            "UPDATE holdings SET deleted_at = {g} WHERE id = {first};
             UPDATE citizen_consents SET withdrawn_at = given_at + 60 WHERE id = (SELECT min(id) FROM citizen_consents);
             UPDATE citizen_consents SET withdrawal_pending = 1 WHERE id = (SELECT max(id) FROM citizen_consents);
             UPDATE requests SET changes = changes + 1 WHERE id = (SELECT min(id) FROM requests);
             DELETE FROM system_ingests WHERE system_id = '{}';
             INSERT INTO system_ingests (system_id, last_ingest_at) VALUES ('{}', {})
               ON CONFLICT (system_id) DO UPDATE SET last_ingest_at = excluded.last_ingest_at;",
            systems[0],
            systems[1],
            g - 86_400 * 365,
        ),
    )
    .await;
    let after = every_citizen_reads_the_same(&store, &pg, generated).await;
    assert_eq!(after.categories, seen.categories - 1, "{after:?}");
    assert!(after.withdrawn > 0 && after.pending > 0, "{after:?}");
    assert!(after.new_answers > seen.new_answers, "{after:?}");
    let owner = store
        .connection()
        .query_row(
            "SELECT c.public_id, c.subject FROM holdings h JOIN citizens c ON c.id = h.citizen_id WHERE h.id = ?1",
            [first],
            |r| Ok((CitizenId(r.get(0)?), r.get::<_, String>(1)?)),
        )
        .unwrap();
    assert!(not_found(store.category(&owner.0, first)));
    assert!(not_found(
        pg.category(&CitizenRef::Subject(owner.1), first).await
    ));
    let systems = same_systems(&store, &pg, &nows).await;
    assert!(systems.iter().any(|s| s.last_ingest.is_some() && !s.stale));
    assert!(systems.iter().any(|s| s.last_ingest.is_some() && s.stale));
    assert!(systems.iter().any(|s| s.last_ingest.is_none() && s.stale));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_citizen_is_unknown_on_both_engines() {
    let demo = common::demo();
    let dir = tempfile::tempdir().unwrap();
    let Some((_settings, pg)) = pg_support::copy_of(&demo.path, dir.path()).await else {
        return;
    };
    let store = Store::open(&demo.path).unwrap();
    let now = Timestamp::now();
    let nobody = CitizenId("nobody".into());
    assert!(unknown(store.overview(&nobody, now)));
    assert!(unknown(store.areas(&nobody)));
    assert!(unknown(store.area_categories(&nobody, "health")));
    assert!(unknown(store.category(&nobody, 1)));
    assert!(unknown(store.purposes(&nobody)));
    assert!(unknown(store.consents(&nobody)));
    assert!(unknown(store.decision_support(&nobody)));
    for who in [
        CitizenRef::Subject("nobody".into()),
        CitizenRef::CprKey("no-such-key".into()),
    ] {
        assert!(unknown(pg.overview(&who, now).await));
        assert!(unknown(pg.areas(&who).await));
        assert!(unknown(pg.area_categories(&who, "health").await));
        assert!(unknown(pg.category(&who, 1).await));
        assert!(unknown(pg.purposes(&who).await));
        assert!(unknown(pg.consents(&who).await));
        assert!(unknown(pg.decision_support(&who).await));
    }
    // The same database answers a known citizen (the errors above are not a broken store).
    let first = &store.demo_citizens().unwrap()[0];
    let who = CitizenRef::Subject(first.citizen.subject.clone());
    assert!(pg.overview(&who, now).await.unwrap().categories > 0);
}
