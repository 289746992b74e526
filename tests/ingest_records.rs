//! Checking and writing ingested records: holdings, consents and decision-support uses, by keyed CPR,
//! idempotent by (system, record id), versioned, each bad input with its own code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use indsigt::auth::citizen_key::Pepper;
use indsigt::domain::Cpr;
use indsigt::ingest::records::{Kind, check};
use indsigt::store::Store;
use indsigt::store::records::{Record, RecordOutcome};
use serde_json::{Value, json};

const CPR: &str = "310241-4822";

fn pepper() -> Pepper {
    Pepper::from_bytes(b"0123456789abcdef0123456789abcdef".to_vec()).unwrap()
}

fn store(dir: &tempfile::TempDir) -> Store {
    let mut store = Store::open(&dir.path().join("t.db")).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue");
    let (cat, digest) = indsigt::catalogue::load_with_digest(&dir).unwrap();
    store
        .import_catalogue(&cat, "catalogue", &digest, 1)
        .unwrap();
    store
}

fn holding(record: &str, version: i64) -> Value {
    json!({
        "record_id": record, "cpr": CPR, "version": version, "category": "home_care",
        "fields": { "help_granted": { "da": "Rengøring", "en": "Cleaning" },
                    "hours_per_week": { "da": "Barn 3002141234", "en": "Child 300214-1234" } },
        "updated_at": "2026-11-01T10:00:00Z", "retention_start": "2026-05-02", "case_ref": "S-1"
    })
}

fn checked(store: &Store, kind: Kind, system: &str, v: Value) -> Result<Record, String> {
    let view = store.catalogue_view().unwrap();
    check(kind, system, v, &view, &pepper()).map_err(|(_, e)| e.code().to_owned())
}

fn now() -> jiff::Timestamp {
    "2026-12-01T12:00:00Z".parse().unwrap()
}

#[test]
fn a_holding_creates_the_citizen_by_key_and_is_shown_masked_with_its_deletion_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let r = checked(&store, Kind::Holdings, "KMD Nexus", holding("h-1", 1)).unwrap();
    assert_eq!(
        store.ingest_records(&[r], now()).unwrap(),
        [RecordOutcome::Accepted]
    );

    let key = pepper().citizen_key(&Cpr::parse(CPR).unwrap());
    let citizen = store.citizen_by_cpr_key(&key).unwrap();
    assert_eq!(citizen.cpr.masked(), "310241-••••");
    let cats = store.categories(&citizen.id, "health").unwrap();
    assert_eq!(cats.len(), 1);
    let cat = store.category(&citizen.id, cats[0].id).unwrap();
    assert_eq!(cat.retention.delete_on.unwrap().to_string(), "2032-01-01");
    let hours = cat
        .fields
        .iter()
        .find(|f| f.value.en.starts_with("Child"))
        .unwrap();
    assert_eq!(hours.value.en, "Child 300214-••••");
    assert_eq!(hours.value.da, "Barn 300214-••••");
}

#[test]
fn versions_decide_duplicates_stale_updates_and_deletion() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let r2 = checked(&store, Kind::Holdings, "kmd_nexus", holding("h-1", 2)).unwrap();
    let r1 = checked(&store, Kind::Holdings, "kmd_nexus", holding("h-1", 1)).unwrap();
    let out = store.ingest_records(&[r2.clone(), r2, r1], now()).unwrap();
    assert_eq!(
        out,
        [
            RecordOutcome::Accepted,
            RecordOutcome::Stale,
            RecordOutcome::Stale
        ]
    );
    let mut gone = holding("h-1", 3);
    gone["deleted"] = json!(true);
    let gone = checked(&store, Kind::Holdings, "kmd_nexus", gone).unwrap();
    assert_eq!(
        store.ingest_records(&[gone], now()).unwrap(),
        [RecordOutcome::Accepted]
    );
    let key = pepper().citizen_key(&Cpr::parse("3102414822").unwrap());
    let who = store.citizen_by_cpr_key(&key).unwrap().id.clone();
    assert!(store.categories(&who, "health").unwrap().is_empty());
    // An older version arriving late does not bring it back.
    let late = checked(&store, Kind::Holdings, "kmd_nexus", holding("h-1", 2)).unwrap();
    assert_eq!(
        store.ingest_records(&[late], now()).unwrap(),
        [RecordOutcome::Stale]
    );
    assert!(store.categories(&who, "health").unwrap().is_empty());
}

#[test]
fn consents_and_decisions_are_written_and_a_foreign_record_id_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let view = store.catalogue_view().unwrap();
    let consent = json!({"record_id": "k-1", "cpr": CPR, "version": 1,
        "consent_type": "share_with_gp", "given_at": "2026-01-02T10:00:00Z"});
    let c = check(
        Kind::Consents,
        "KMD Nexus",
        consent.clone(),
        &view,
        &pepper(),
    )
    .unwrap();
    let decision = json!({"record_id": "d-1", "cpr": CPR, "updated_at": "2026-03-01T00:00:00Z",
        "tool": "rehab_planning", "case_ref": "S-9", "decided_at": "2026-02-28T11:00:00Z",
        "result": {"da": "Træning anbefalet", "en": "Training recommended"},
        "factors": [{"name": {"da": "Alder", "en": "Age"}, "effect": {"da": "Lidt", "en": "A little"}}]});
    let d = check(Kind::Decisions, "KMD Nexus", decision, &view, &pepper()).unwrap();
    assert_eq!(
        store.ingest_records(&[c, d], now()).unwrap(),
        [RecordOutcome::Accepted, RecordOutcome::Accepted]
    );
    let key = pepper().citizen_key(&Cpr::parse(CPR).unwrap());
    let who = store.citizen_by_cpr_key(&key).unwrap().id.clone();
    assert_eq!(store.consents(&who).unwrap().len(), 1);
    let uses = store.decision_support(&who).unwrap();
    assert_eq!(uses.len(), 1);
    assert_eq!(uses[0].factors[0].name.en, "Age");
    assert!(!uses[0].inputs.is_empty(), "inputs come from the catalogue");

    let mut again = consent;
    again["version"] = json!(2);
    let foreign = check(Kind::Consents, "Momentum", again, &view, &pepper()).unwrap();
    assert_eq!(
        store.ingest_records(&[foreign], now()).unwrap(),
        [RecordOutcome::ForeignRecord]
    );
}

#[test]
fn each_bad_input_has_its_own_code() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir);
    let with = |f: &dyn Fn(&mut Value)| {
        let mut v = holding("h-9", 1);
        f(&mut v);
        checked(&store, Kind::Holdings, "kmd_nexus", v).unwrap_err()
    };
    assert_eq!(
        with(&|v| v["category"] = json!("no_such")),
        "unknown_category"
    );
    assert_eq!(
        with(&|v| v["fields"]["nope"] = json!({"da": "x", "en": "y"})),
        "undeclared_field"
    );
    for bad in ["31-0241-4822", "310241482", "311341-4822", "abc"] {
        assert_eq!(with(&|v| v["cpr"] = json!(bad)), "malformed_cpr", "{bad}");
    }
    let long = "x".repeat(indsigt::ingest::records::MAX_VALUE_BYTES + 1);
    assert_eq!(
        with(&|v| v["fields"]["help_granted"]["da"] = json!(long)),
        "too_long"
    );
    assert_eq!(with(&|v| v["colour"] = json!("red")), "invalid");
    assert_eq!(
        with(&|v| v["retention_start"] = json!("2026-13-01")),
        "bad_time"
    );
    let v = holding("h-9", 1);
    assert_eq!(
        checked(&store, Kind::Holdings, "Momentum", v.clone()).unwrap_err(),
        "wrong_system"
    );
    assert_eq!(
        checked(&store, Kind::Holdings, "Unknown", v).unwrap_err(),
        "unknown_system"
    );
    // The demo's impossible dates are accepted.
    let mut v = holding("h-9", 1);
    v["cpr"] = json!("3002411234");
    assert!(checked(&store, Kind::Holdings, "kmd_nexus", v).is_ok());
}
