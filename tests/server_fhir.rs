#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! FHIR R4 AuditEvent ingest over HTTP (`POST /v1/ingest/fhir/AuditEvent` and `/v1/ingest/fhir`) on a real
//! server over an empty database with the shipped catalogue: the IHE BALP PatientRead and PatientQuery examples
//! (`tests/fixtures/fhir/`) reach the citizen's access log with the right action, organisation and purpose,
//! and a repeat is not a second entry.

mod support_server;

use serde_json::{Value, json};
use support_server::fhir::{QUERY_CPR, READ_CPR, batch, fixture, setup};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_balp_patient_read_and_query_examples_show_in_the_citizens_log() {
    let f = setup().await;
    let read = fixture("AuditEvent-ex-auditBasicReadClient.dk.json");
    let query = fixture("AuditEvent-ex-auditBasicQueryGetServer.dk.json");

    // PatientRead as one resource: 201, an information outcome.
    let (status, outcome) = f.one(&read).await;
    assert_eq!(status, 201, "{outcome}");
    assert_eq!(outcome["issue"][0]["severity"], "information");
    // PatientQuery in a batch, twice in the same batch: one entry, the second a repeat.
    let (status, media, answer) = f
        .post(
            "/v1/ingest/fhir",
            &batch(&[query.clone(), query.clone()]),
            "en",
        )
        .await;
    assert_eq!(
        (status, media.as_str()),
        (200, "application/fhir+json"),
        "{answer}"
    );
    assert_eq!(answer["resourceType"], "Bundle");
    assert_eq!(answer["type"], "batch-response");
    let statuses: Vec<&str> = answer["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["response"]["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["201 Created", "200 OK"], "{answer}");
    // A repeat of the same resource id is not a second entry, alone or in a batch.
    let (status, outcome) = f.one(&read).await;
    assert_eq!(status, 200, "{outcome}");
    assert_eq!(outcome["issue"][0]["severity"], "information");
    let (_, _, answer) = f
        .post("/v1/ingest/fhir", &batch(std::slice::from_ref(&read)), "en")
        .await;
    assert_eq!(
        answer["entry"][0]["response"]["status"], "200 OK",
        "{answer}"
    );

    // The read: viewed, by the municipality's unit that owns KMD Nexus, for home care (TREAT).
    let entries = f.log(READ_CPR).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    let e = &entries[0];
    assert_eq!(e["action"], "viewed");
    assert_eq!(e["at"], "2020-04-29T09:49:00Z");
    assert_eq!(
        e["organisation"],
        json!({ "da": "Kommunen", "en": "The municipality" })
    );
    assert_eq!(
        e["unit"],
        json!({ "da": "Sundhed og Omsorg", "en": "Health and Care" })
    );
    assert_eq!(
        e["role"],
        json!({ "da": "information recipient", "en": "information recipient" })
    );
    assert_eq!(
        e["purpose"],
        json!({ "da": "Hjemmepleje", "en": "Home care" })
    );
    assert_eq!(e["system"], "KMD Nexus");
    assert_eq!(e["area"], "health");
    // Employee names are off by default: John Smith never leaves the server.
    assert_eq!(e["employee"], Value::Null);
    // The search (action E, subtype search) is a viewing too, in the other citizen's log only.
    let entries = f.log(QUERY_CPR).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["action"], "viewed");
    assert_eq!(entries[0]["purpose"]["en"], "Home care");

    // BALP's user-organisation agent (type PROV) names the organisation; the agent's location the unit;
    // an update is a change; purposeOfEvent works as well as purposeOfUse.
    let mut other = query.clone();
    other["id"] = json!("nexus-update-1");
    other["subtype"] =
        json!([{ "system": "http://hl7.org/fhir/restful-interaction", "code": "update" }]);
    other["action"] = json!("U");
    other["agent"][2]["location"] = json!({ "display": "Hjemmeplejen Nord" });
    other["agent"][2]["role"] = json!([{ "text": "Sygeplejerske" }]);
    other["agent"][2]["purposeOfUse"] = json!([]);
    other["purposeOfEvent"] = json!([{ "coding": [{
        "system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "HOPERAT" }] }]);
    other["agent"].as_array_mut().unwrap().push(json!({
        "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v3-RoleClass", "code": "PROV" }] },
        "who": { "identifier": { "value": "urn:oid:1.2.208.176.1.1.1" }, "display": "Eksempel Kommune, Sundhed og Omsorg" },
        "requestor": false
    }));
    let (status, outcome) = f.one(&other).await;
    assert_eq!(status, 201, "{outcome}");
    let entries = f.log(QUERY_CPR).await;
    assert_eq!(entries.len(), 2);
    let e = &entries[0];
    assert_eq!(e["action"], "changed");
    assert_eq!(
        e["organisation"]["da"],
        "Eksempel Kommune, Sundhed og Omsorg"
    );
    assert_eq!(e["unit"]["da"], "Hjemmeplejen Nord");
    assert_eq!(e["role"]["da"], "Sygeplejerske");
    assert_eq!(e["purpose"]["en"], "Training and rehabilitation");

    // The store holds no CPR number in clear, in either spelling (the served database, on either
    // engine); what was recorded is there, so the search reads the stored rows.
    let db = f.api.db.clone();
    drop(f.api);
    assert!(db.contains_text("Hjemmeplejen Nord").await);
    for cpr in [READ_CPR, "3102414822", QUERY_CPR, "3106674711"] {
        assert!(!db.contains_text(cpr).await, "{cpr} in the database");
    }
}
