//! FHIR ingest fixtures for the server tests: a real server over an empty database with the shipped
//! catalogue, the KMD Nexus key, a pepper and the CPR claim; the IHE BALP examples in `tests/fixtures/fhir/`.

use super::{Api, Issuer, Key, NEXUS_KEY, settings};
use serde_json::{Value, json};

pub const CLAIM: &str = "https://data.gov.dk/model/core/eid/cprNumber";
pub const READ_CPR: &str = "310241-4822";
pub const QUERY_CPR: &str = "310667-4711";

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub api: Api,
    pub issuer: Issuer,
}

pub async fn setup() -> Fixture {
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

pub fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/fhir/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

pub fn batch(resources: &[Value]) -> Value {
    let entry: Vec<Value> = resources
        .iter()
        .map(|r| json!({ "resource": r, "request": { "method": "POST", "url": "AuditEvent" } }))
        .collect();
    json!({ "resourceType": "Bundle", "type": "batch", "entry": entry })
}

impl Fixture {
    /// POSTs `body` as `application/fhir+json` with the KMD Nexus key; answers (status, content type, JSON).
    pub async fn post(&self, path: &str, body: &Value, lang: &str) -> (u16, String, Value) {
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
        let (status, json) = super::split(r).await;
        (status, media, json)
    }

    pub async fn one(&self, body: &Value) -> (u16, Value) {
        let (status, media, json) = self.post("/v1/ingest/fhir/AuditEvent", body, "en").await;
        assert_eq!(media, "application/fhir+json", "{json}");
        (status, json)
    }

    pub async fn log(&self, cpr: &str) -> Vec<Value> {
        let mut claims = self.issuer.claims("pseudonym");
        claims[CLAIM] = json!(cpr);
        let token = self.issuer.keys[0].sign(&claims);
        let (status, page) = self.api.get("/v1/access-log", &token).await;
        assert_eq!(status, 200, "{page}");
        page["entries"].as_array().unwrap().clone()
    }
}

/// The single issue of an error outcome: its code and expression.
pub fn only_issue(outcome: &Value) -> (String, String) {
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

pub fn expressions(outcome: &Value) -> Vec<String> {
    outcome["issue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["expression"][0].as_str().unwrap_or("").to_owned())
        .collect()
}
