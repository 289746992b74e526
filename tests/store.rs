//! The store on a real SQLite file: opening, migrations, and every citizen query.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use indsigt::domain::{Lawfulness, OriginKind};
use indsigt::store::{SUPPORTED_VERSION, Store, StoreError};

#[test]
fn a_new_file_gets_the_current_schema_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SUPPORTED_VERSION);
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SUPPORTED_VERSION);
    let mode: String = store
        .connection()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = store
        .connection()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let content = b"These are not the droids you are looking for. ".repeat(200);
    std::fs::write(&path, &content).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotSqlite { .. }), "{err:?}");
    assert_eq!(err.message_id(), "error-store-not-sqlite");
    assert_eq!(std::fs::read(&path).unwrap(), content);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no -wal or -shm files: {names:?}");
}

#[test]
fn a_newer_schema_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x INTEGER); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerSchema { found: 99, supported } if supported == SUPPORTED_VERSION)
    );
    assert_eq!(err.message_id(), "error-store-newer-schema");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn an_older_schema_is_migrated_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA user_version = 0;").unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SUPPORTED_VERSION);
    let tables: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'access_events'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 1);
}

#[test]
fn citizens_are_found_by_id_and_subject_and_listed_for_demo_sign_in() {
    let d = demo();
    let store = open(&d);
    let c = store.citizen(&cid(ELDERLY)).unwrap();
    assert_eq!(c.name, "Inger Marie Holm");
    assert_eq!(c.cpr.masked(), "310441-••••");
    let by_sub = store.citizen_by_subject(&c.subject).unwrap();
    assert_eq!(by_sub.id, c.id);
    assert!(matches!(
        store.citizen(&cid("c-nobody")),
        Err(StoreError::UnknownCitizen)
    ));
    assert!(matches!(
        store.citizen_by_subject("nope"),
        Err(StoreError::UnknownCitizen)
    ));
    let list = store.demo_citizens().unwrap();
    let ids: Vec<_> = list.iter().map(|s| s.citizen.id.0.as_str()).collect();
    assert_eq!(ids, [ELDERLY, JOB_SEEKER, PARENT, STUDENT, SPARSE, HEAVY]);
    assert!(
        list.iter()
            .all(|s| !s.situation.da.is_empty() && !s.situation.en.is_empty())
    );
}

#[test]
fn overview_counts_match_the_lists() {
    let d = demo();
    let store = open(&d);
    let who = cid(ELDERLY);
    let o = store.overview(&who, now()).unwrap();
    let areas = store.areas(&who).unwrap();
    assert_eq!(o.areas as usize, areas.len());
    assert_eq!(
        o.categories,
        areas.iter().map(|a| a.categories).sum::<u32>()
    );
    assert_eq!(o.purposes as usize, store.purposes(&who).unwrap().len());
    assert_eq!(o.consents, 2);
    assert_eq!(o.active_consents, 1);
    assert_eq!(o.decision_support, 1);
    // 600 events, 2 of them deferred.
    assert_eq!(o.access_events, 598);
    let sparse = store.overview(&cid(SPARSE), now()).unwrap();
    assert_eq!(sparse.categories, 1);
    assert_eq!(sparse.consents, 0);
}

#[test]
fn areas_categories_and_category_detail() {
    let d = demo();
    let store = open(&d);
    let who = cid(ELDERLY);
    let areas = store.areas(&who).unwrap();
    let codes: Vec<_> = areas.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(codes, ["cpr", "health", "benefits", "library"]);
    let health = store.categories(&who, "health").unwrap();
    assert_eq!(health.len(), 3);
    assert!(health.iter().all(|c| c.special && c.area == "health"));
    assert!(store.categories(&who, "no-such-area").unwrap().is_empty());

    let home_care = store.category(&who, health[0].id).unwrap();
    assert_eq!(home_care.name.da, "Hjemmepleje");
    assert_eq!(home_care.system, "KMD Nexus");
    assert_eq!(home_care.lawfulness, Lawfulness::RequiredByLaw);
    assert_eq!(home_care.legal_basis.law.da, "Serviceloven § 83");
    assert_eq!(home_care.origin.kind, OriginKind::Authority);
    assert!(home_care.fields.iter().any(|f| f.sensitive));
    assert_eq!(home_care.purposes.len(), 2);
    assert_eq!(home_care.recipients.len(), 1);
    assert!(home_care.retention.delete_on.is_some());

    let cpr = store.categories(&who, "cpr").unwrap();
    let basic = store.category(&who, cpr[0].id).unwrap();
    assert_eq!(basic.origin.kind, OriginKind::CprRegister);
    assert!(basic.retention.delete_on.is_none());
    let cpr_field = basic
        .fields
        .iter()
        .find(|f| f.label.en == "CPR number")
        .unwrap();
    assert!(cpr_field.sensitive);
    // Ingest keeps a CPR number inside a value only masked: a kiosk never needs the whole number.
    assert_eq!(cpr_field.value.da, "310441-••••");
}

#[test]
fn purposes_list_the_categories_they_use() {
    let d = demo();
    let store = open(&d);
    let purposes = store.purposes(&cid(JOB_SEEKER)).unwrap();
    let project = purposes
        .iter()
        .find(|p| p.name.en.contains("job-training"))
        .unwrap();
    assert_eq!(project.lawfulness, Lawfulness::Voluntary);
    assert_eq!(project.categories.len(), 1);
    assert_eq!(project.categories[0].en, "Job-training project");
    let job = purposes
        .iter()
        .find(|p| p.name.en == "Help to find work")
        .unwrap();
    assert!(job.legal_basis.law.da.contains("LAB-loven"));
    assert!(!job.how_to_object.da.is_empty());
}

#[test]
fn consents_and_decision_support() {
    let d = demo();
    let store = open(&d);
    let consents = store.consents(&cid(JOB_SEEKER)).unwrap();
    assert_eq!(consents.len(), 2);
    assert_eq!(consents.iter().filter(|c| c.is_active()).count(), 1);
    let ds = store.decision_support(&cid(JOB_SEEKER)).unwrap();
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].area, "employment");
    assert_eq!(ds[0].inputs.len(), 4);
    assert_eq!(ds[0].factors.len(), 3);
    let rehab = store.decision_support(&cid(ELDERLY)).unwrap();
    assert_eq!(rehab[0].area, "health");
    assert!(rehab[0].human_role.da.contains("beslutter"));
    assert!(store.decision_support(&cid(SPARSE)).unwrap().is_empty());
}

#[test]
fn organisations_are_those_in_the_visible_log() {
    let d = demo();
    let store = open(&d);
    let orgs = store.organisations(&cid(ELDERLY), now()).unwrap();
    assert!(
        orgs.iter()
            .any(|o| o.name.da.starts_with("Sundhed og Omsorg"))
    );
    // The police appear only through deferred entries.
    assert!(!orgs.iter().any(|o| o.name.da == "Politiet"));
    let later = jiff::Timestamp::from_second(indsigt::store::demo::DEFERRED_UNTIL + 1).unwrap();
    let orgs = store.organisations(&cid(ELDERLY), later).unwrap();
    assert!(orgs.iter().any(|o| o.name.da == "Politiet"));
}
