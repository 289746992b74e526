#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! FHIR R4 AuditEvent ingest over HTTP (`POST /v1/ingest/fhir/AuditEvent` and `/v1/ingest/fhir`) on a real
//! server over an empty database with the shipped catalogue: the IHE BALP PatientRead and PatientQuery
//! examples (`tests/fixtures/fhir/`) reach the citizen's access log with the right action, organisation and
//! purpose; a repeat is not a second entry; every bad input answers an OperationOutcome naming the element.

mod support_server;

use serde_json::{Value, json};
use support_server::{Api, Issuer, Key, NEXUS_KEY, settings};

const CLAIM: &str = "https://data.gov.dk/model/core/eid/cprNumber";
const READ_CPR: &str = "310241-4822";
const QUERY_CPR: &str = "310667-4711";

struct Fixture {
    dir: tempfile::TempDir,
    api: Api,
    issuer: Issuer,
}

async fn setup() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.db");
    {
        let mut store = indsigt::store::Store::open(&db).unwrap();
        let cat = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue");
        let (c, digest) = indsigt::catalogue::load_with_digest(&cat).unwrap();
        store.import_catalogue(&c, "catalogue", &digest, 1).unwrap();
    }
    let pepper = dir.path().join("pepper");
    std::fs::write(&pepper, b"a test pepper that is at least 32 bytes long\n").unwrap();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let mut s = settings(&db, &issuer);
    s.ingest_keys[1].system = "KMD Nexus".into();
    s.pepper_file = Some(pepper);
    s.cpr_claim = Some(CLAIM.into());
    let api = Api::start(&s).await;
    Fixture { dir, api, issuer }
}

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/fhir/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn batch(resources: &[Value]) -> Value {
    let entry: Vec<Value> = resources
        .iter()
        .map(|r| json!({ "resource": r, "request": { "method": "POST", "url": "AuditEvent" } }))
        .collect();
    json!({ "resourceType": "Bundle", "type": "batch", "entry": entry })
}

impl Fixture {
    /// POSTs `body` as `application/fhir+json` with the KMD Nexus key; answers (status, content type, JSON).
    async fn post(&self, path: &str, body: &Value, lang: &str) -> (u16, String, Value) {
        let r = self
            .api
            .http
            .post(self.api.url(path))
            .header("Authorization", format!("ApiKey {NEXUS_KEY}"))
            .header("Content-Type", "application/fhir+json")
            .header("Accept-Language", lang)
            .body(body.to_string())
            .send()
            .await
            .unwrap();
        let media = r
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        let (status, json) = support_server::split(r).await;
        (status, media, json)
    }

    async fn one(&self, body: &Value) -> (u16, Value) {
        let (status, media, json) = self.post("/v1/ingest/fhir/AuditEvent", body, "en").await;
        assert_eq!(media, "application/fhir+json", "{json}");
        (status, json)
    }

    async fn log(&self, cpr: &str) -> Vec<Value> {
        let mut claims = self.issuer.claims("pseudonym");
        claims[CLAIM] = json!(cpr);
        let token = self.issuer.keys[0].sign(&claims);
        let (status, page) = self.api.get("/v1/access-log", &token).await;
        assert_eq!(status, 200, "{page}");
        page["entries"].as_array().unwrap().clone()
    }
}

/// The single issue of an error outcome: its code and expression.
fn only_issue(outcome: &Value) -> (String, String) {
    assert_eq!(outcome["resourceType"], "OperationOutcome", "{outcome}");
    let issues = outcome["issue"].as_array().unwrap();
    assert_eq!(issues.len(), 1, "{outcome}");
    let issue = &issues[0];
    assert_eq!(issue["severity"], "error", "{outcome}");
    assert!(
        issue["diagnostics"]
            .as_str()
            .is_some_and(|d| d.len() > 10 && !d.contains('{')),
        "{outcome}"
    );
    (
        issue["code"].as_str().unwrap().to_owned(),
        issue["expression"][0].as_str().unwrap_or("").to_owned(),
    )
}

fn expressions(outcome: &Value) -> Vec<String> {
    outcome["issue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["expression"][0].as_str().unwrap_or("").to_owned())
        .collect()
}

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

    // The store holds no CPR number in clear, in either spelling.
    drop(f.api);
    let mut bytes = Vec::new();
    for name in ["server.db", "server.db-wal"] {
        if let Ok(b) = std::fs::read(f.dir.path().join(name)) {
            bytes.extend(b);
        }
    }
    assert!(bytes.len() > 4096);
    for cpr in [READ_CPR, "3102414822", QUERY_CPR, "3106674711"] {
        assert!(
            !bytes.windows(cpr.len()).any(|w| w == cpr.as_bytes()),
            "{cpr} in the database"
        );
    }
}

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
