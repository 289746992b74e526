#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! FHIR R4 AuditEvent ingest over HTTP (`POST /v1/ingest/fhir/AuditEvent` and `/v1/ingest/fhir`) on a real
//! server over an empty database with the shipped catalogue: each bad input answers an OperationOutcome (400/422)
//! naming the element, a batch answers each entry on its own, and the sentences follow Accept-Language.

mod support_server;

use serde_json::{Value, json};
use support_server::NEXUS_KEY;
use support_server::fhir::{READ_CPR, batch, expressions, fixture, only_issue, setup};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_bad_input_answers_an_operation_outcome_naming_the_element() {
    let f = setup().await;
    let good = fixture("AuditEvent-ex-auditBasicReadClient.dk.json");

    // The BALP originals: no CPR identifier on the patient, and no purpose. Both are named.
    for (name, patient) in [
        ("AuditEvent-ex-auditBasicReadClient.json", 1),
        ("AuditEvent-ex-auditBasicQueryGetServer.json", 1),
    ] {
        let (status, outcome) = f.one(&fixture(name)).await;
        assert_eq!(status, 422, "{outcome}");
        assert_eq!(
            expressions(&outcome),
            [
                format!("AuditEvent.entity[{patient}].what.identifier"),
                "AuditEvent.purposeOfEvent".to_owned()
            ],
            "{outcome}"
        );
    }

    let with = |change: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        change(&mut v);
        v
    };
    let cases: Vec<(&str, Value, u16, &str, &str)> = vec![
        (
            "not an AuditEvent",
            json!({ "resourceType": "Patient", "id": "p1" }),
            400,
            "not-supported",
            "resourceType",
        ),
        (
            "no patient entity",
            with(&|v| {
                v["entity"].as_array_mut().unwrap().remove(1);
            }),
            422,
            "required",
            "AuditEvent.entity",
        ),
        (
            "an unknown purpose code",
            with(&|v| {
                v["agent"][2]["purposeOfUse"][0]["coding"][0] = json!({ "system": "urn:oid:2.16.840.1.113883.3.18.7.1", "code": "PUBLICHEALTH" });
            }),
            422,
            "code-invalid",
            "AuditEvent.agent[2].purposeOfUse[0]",
        ),
        (
            "a malformed CPR",
            with(&|v| v["entity"][1]["what"]["identifier"]["value"] = json!("31-0241-4822")),
            422,
            "value",
            "AuditEvent.entity[1].what.identifier.value",
        ),
        (
            "an element R4 does not have",
            with(&|v| v["agent"][2]["department"] = json!("x")),
            400,
            "structure",
            "AuditEvent.agent[2].department",
        ),
        (
            "a wrong type",
            with(&|v| v["agent"][2]["requestor"] = json!("310241-4822")),
            400,
            "structure",
            "AuditEvent.agent[2].requestor",
        ),
        (
            "no recorded",
            with(&|v| {
                v.as_object_mut().unwrap().remove("recorded");
            }),
            400,
            "structure",
            "AuditEvent.recorded",
        ),
        (
            "a time without a zone",
            with(&|v| v["recorded"] = json!("2020-04-29T09:49:00")),
            422,
            "value",
            "AuditEvent.recorded",
        ),
        (
            "an action that says nothing",
            with(&|v| {
                v["subtype"] = json!([]);
                v["action"] = json!("E");
            }),
            422,
            "code-invalid",
            "AuditEvent.action",
        ),
        (
            "no id",
            with(&|v| {
                v.as_object_mut().unwrap().remove("id");
            }),
            422,
            "required",
            "AuditEvent.id",
        ),
        (
            "another catalogue system as observer",
            with(&|v| v["source"]["observer"] = json!({ "display": "Momentum" })),
            422,
            "business-rule",
            "AuditEvent.source.observer",
        ),
    ];
    for (why, body, status, code, expression) in &cases {
        let got = f.one(body).await;
        assert_eq!(got.0, *status, "{why}: {}", got.1);
        assert_eq!(
            only_issue(&got.1),
            ((*code).to_owned(), (*expression).to_owned()),
            "{why}"
        );
        // A value from the resource (here a CPR number in the wrong place) never comes back.
        assert!(!got.1.to_string().contains("310241"), "{why}: {}", got.1);
    }

    // A bundle that is not a batch.
    let mut transaction = batch(std::slice::from_ref(&good));
    transaction["type"] = json!("transaction");
    let (status, _, outcome) = f.post("/v1/ingest/fhir", &transaction, "en").await;
    assert_eq!(status, 400, "{outcome}");
    assert_eq!(
        only_issue(&outcome),
        ("not-supported".to_owned(), "Bundle.type".to_owned())
    );
    // An AuditEvent posted as the bundle.
    let (status, _, outcome) = f.post("/v1/ingest/fhir", &good, "en").await;
    assert_eq!(status, 400);
    assert_eq!(only_issue(&outcome).1, "resourceType");

    // A batch answers each entry on its own: the bad ones do not stop the good one.
    let bad = cases[1].1.clone();
    let (status, _, answer) = f
        .post(
            "/v1/ingest/fhir",
            &batch(&[bad, good.clone(), json!({ "resourceType": "Patient" })]),
            "en",
        )
        .await;
    assert_eq!(status, 200, "{answer}");
    let entries = answer["entry"].as_array().unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0]["response"]["status"], "422 Unprocessable Entity");
    assert_eq!(
        only_issue(&entries[0]["response"]["outcome"]).1,
        "AuditEvent.entity"
    );
    assert_eq!(entries[1]["response"]["status"], "201 Created");
    assert_eq!(entries[2]["response"]["status"], "400 Bad Request");
    assert_eq!(f.log(READ_CPR).await.len(), 1);

    // The sentences follow Accept-Language.
    let (_, _, outcome) = f
        .post("/v1/ingest/fhir/AuditEvent", &cases[1].1, "da-DK,da;q=0.9")
        .await;
    let diagnostics = outcome["issue"][0]["diagnostics"].as_str().unwrap();
    assert!(diagnostics.contains("ingen patient"), "{diagnostics}");

    // Not JSON; another media type; no key.
    let post_raw = |content_type: &'static str, body: &'static str, key: bool| {
        let mut r = f
            .api
            .http
            .post(f.api.url("/v1/ingest/fhir/AuditEvent"))
            .header("Content-Type", content_type)
            .body(body);
        if key {
            r = r.header("Authorization", format!("ApiKey {NEXUS_KEY}"));
        }
        r.send()
    };
    let got =
        support_server::split(post_raw("application/fhir+json", "{", true).await.unwrap()).await;
    assert_eq!(got.0, 400);
    assert_eq!(only_issue(&got.1).0, "structure");
    let got = support_server::split(post_raw("text/plain", "{}", true).await.unwrap()).await;
    assert_eq!(got.0, 415);
    assert_eq!(only_issue(&got.1).0, "not-supported");
    let got = support_server::split(post_raw("application/json", "{}", false).await.unwrap()).await;
    support_server::assert_error(&got, 401, "unauthorized");
}
