//! The kiosk's queries read what systems ingested (`holdings`, `citizen_consents`, `decision_uses`) with the
//! texts of the current catalogue version, not the per-citizen copies of schema version 1.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;

fn citizen_row(store: &indsigt::store::Store, public_id: &str) -> i64 {
    store
        .connection()
        .query_row(
            "SELECT id FROM citizens WHERE public_id = ?1",
            [public_id],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_holding_with_no_old_category_row_is_shown_with_catalogue_texts_and_its_deletion_date() {
    let d = demo();
    let store = open(&d);
    let who = cid(SPARSE);
    let before = store.overview(&who, now()).unwrap().categories;
    let key = citizen_row(&store, SPARSE);
    let conn = store.connection();
    conn.execute(
        "INSERT INTO holdings (citizen_id, category_id, system_id, record_id, origin_da, origin_en, updated_at,
                               retention_start, case_ref, record_version)
         VALUES (?1, 'home_care', 'kmd_nexus', 'test-1', NULL, NULL, 1764547200, '2025-03-14', 'S-1', 1)",
        [key],
    )
    .unwrap();
    let holding = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO holding_values (holding_id, field_id, value_da, value_en)
         SELECT ?1, id, 'værdi ' || id, 'value ' || id FROM cat_category_fields
         WHERE category_id = 'home_care' AND version_id = (SELECT max(id) FROM catalogue_versions)",
        [holding],
    )
    .unwrap();

    assert_eq!(store.overview(&who, now()).unwrap().categories, before + 1);
    let areas = store.areas(&who).unwrap();
    assert!(
        areas
            .iter()
            .any(|a| a.code == "health" && a.categories == 1)
    );
    let list = store.categories(&who, "health").unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, holding);
    let cat = store.category(&who, holding).unwrap();
    assert_eq!(cat.name.da, "Hjemmepleje");
    assert_eq!(cat.system, "KMD Nexus");
    assert_eq!(cat.legal_basis.law.da, "Serviceloven § 83");
    assert!(!cat.fields.is_empty());
    assert!(cat.fields.iter().all(|f| f.value.en.starts_with("value ")));
    // 5 years from the end of 2025 (the catalogue's rule for home care).
    assert_eq!(cat.retention.delete_on.unwrap().to_string(), "2031-01-01");
    assert!(cat.retention.rule.da.starts_with("Gemmes i 5 år"));
    let purposes = store.purposes(&who).unwrap();
    assert!(
        purposes
            .iter()
            .any(|p| p.categories.iter().any(|c| c.da == "Hjemmepleje"))
    );

    // A deleted holding is no longer shown, and not countable.
    conn.execute(
        "UPDATE holdings SET deleted_at = 1 WHERE id = ?1",
        [holding],
    )
    .unwrap();
    assert_eq!(store.overview(&who, now()).unwrap().categories, before);
    assert!(store.categories(&who, "health").unwrap().is_empty());
    assert!(matches!(
        store.category(&who, holding),
        Err(indsigt::store::StoreError::NotFound)
    ));
}

#[test]
fn the_old_category_rows_are_no_longer_what_the_kiosk_reads() {
    let d = demo();
    let store = open(&d);
    let who = cid(ELDERLY);
    let key = citizen_row(&store, ELDERLY);
    let n = store.overview(&who, now()).unwrap().categories;
    assert!(n > 0);
    store
        .connection()
        .execute("DELETE FROM holding_values WHERE holding_id IN (SELECT id FROM holdings WHERE citizen_id = ?1)", [key])
        .unwrap();
    store
        .connection()
        .execute("DELETE FROM holdings WHERE citizen_id = ?1", [key])
        .unwrap();
    assert_eq!(store.overview(&who, now()).unwrap().categories, 0);
    assert!(store.areas(&who).unwrap().is_empty());
}

#[test]
fn consents_and_decision_uses_come_from_the_new_tables_and_withdrawal_writes_there() {
    let d = demo();
    let mut store = open(&d);
    let who = cid(JOB_SEEKER);
    let consents = store.consents(&who).unwrap();
    let active = consents.iter().find(|c| c.is_active()).unwrap().id;
    let done = store.withdraw_consent(&who, active, now()).unwrap();
    assert!(!done.is_active());
    let withdrawn_at: Option<i64> = store
        .connection()
        .query_row(
            "SELECT withdrawn_at FROM citizen_consents WHERE id = ?1",
            [active],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(withdrawn_at, Some(now().as_second()));

    let uses = store.decision_support(&who).unwrap();
    assert!(!uses.is_empty());
    let key = citizen_row(&store, JOB_SEEKER);
    store
        .connection()
        .execute("DELETE FROM decision_use_factors WHERE use_id IN (SELECT id FROM decision_uses WHERE citizen_id = ?1)", [key])
        .unwrap();
    store
        .connection()
        .execute("DELETE FROM decision_uses WHERE citizen_id = ?1", [key])
        .unwrap();
    // The withdrawal above is a request (schema v6) that refers to its consent: it goes first.
    store
        .connection()
        .execute("DELETE FROM request_outbox WHERE request_id IN (SELECT id FROM requests WHERE citizen_id = ?1)", [key])
        .unwrap();
    store
        .connection()
        .execute("DELETE FROM requests WHERE citizen_id = ?1", [key])
        .unwrap();
    store
        .connection()
        .execute("DELETE FROM citizen_consents WHERE citizen_id = ?1", [key])
        .unwrap();
    assert!(store.decision_support(&who).unwrap().is_empty());
    assert!(store.consents(&who).unwrap().is_empty());
    let o = store.overview(&who, now()).unwrap();
    assert_eq!((o.consents, o.decision_support), (0, 0));
}

#[test]
fn connected_systems_have_their_last_ingest_and_are_stale_when_silent_too_long() {
    let d = demo();
    let store = open(&d);
    let day = 86_400;
    let at = now().as_second();
    store
        .connection()
        .execute(
            "INSERT OR REPLACE INTO system_ingests (system_id, last_ingest_at) VALUES ('kmd_nexus', ?1), ('momentum', ?2)",
            [at - day, at - 3 * day],
        )
        .unwrap();
    // demo-data records every system on the demo day; Aula here never sent anything.
    store
        .connection()
        .execute("DELETE FROM system_ingests WHERE system_id = 'aula'", [])
        .unwrap();
    let systems = store.connected_systems(now(), 2 * day).unwrap();
    let get = |n: &str| systems.iter().find(|s| s.name == n).unwrap();
    assert!(!get("KMD Nexus").stale);
    assert_eq!(get("KMD Nexus").last_ingest.unwrap().as_second(), at - day);
    assert!(get("Momentum").stale, "three days silent, two allowed");
    assert!(get("Aula").stale && get("Aula").last_ingest.is_none());
}
