#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `POST /v1/ingest/holdings`, `/consents` and `/decisions` over HTTP on an empty database with the shipped
//! catalogue: per-item answers, only the system's own records, sign-in by the token's CPR claim, deletion,
//! and no CPR number in clear in the database file or its WAL.

mod support_server;

use serde_json::{Value, json};
use support_server::{Api, Issuer, Key, MOMENTUM_KEY, NEXUS_KEY, assert_error, settings};

const CPR: &str = "300241-1234";
const CLAIM: &str = "https://data.gov.dk/model/core/eid/cprNumber";

struct Fixture {
    _dir: tempfile::TempDir,
    api: Api,
    issuer: Issuer,
}

async fn setup(with_pepper: bool) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = support_server::catalogue_db(dir.path());
    let pepper = support_server::pepper_file(
        dir.path(),
        b"a test pepper that is at least 32 bytes long\n",
    );
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let mut s = settings(&db, &issuer);
    s.ingest_keys[1].system = "KMD Nexus".into();
    if with_pepper {
        s.pepper_file = Some(pepper);
        s.cpr_claim = Some(CLAIM.into());
    }
    let api = Api::start(&s).await;
    Fixture {
        _dir: dir,
        api,
        issuer,
    }
}

impl Fixture {
    async fn post(&self, kind: &str, key: &str, records: Value) -> (u16, Value) {
        let r = self
            .api
            .http
            .post(self.api.url(&format!("/v1/ingest/{kind}")))
            .header("Authorization", format!("ApiKey {key}"))
            .json(&json!({ "records": records }))
            .send()
            .await
            .unwrap();
        support_server::split(r).await
    }

    fn token(&self, cpr: &str) -> String {
        let mut claims = self.issuer.claims("pseudonym-1");
        claims[CLAIM] = json!(cpr);
        claims["name"] = json!("Karen Test");
        self.issuer.keys[0].sign(&claims)
    }
}

fn holding(id: &str, version: i64, deleted: bool) -> Value {
    json!({ "record_id": id, "cpr": CPR, "version": version, "category": "home_care",
            "fields": { "help_granted": { "da": "Rengøring hver uge", "en": "Weekly cleaning" } },
            "updated_at": "2026-11-20T09:30:00Z", "retention_start": "2026-06-01", "case_ref": "S-1",
            "deleted": deleted })
}

#[tokio::test]
async fn holdings_consents_and_decisions_reach_the_citizen_signed_in_by_cpr_claim() {
    let f = setup(true).await;
    let (status, body) = f
        .post(
            "holdings",
            NEXUS_KEY,
            json!([holding("h-1", 1, false), holding("h-1", 1, false),
            { "record_id": "h-2", "cpr": "31-0241-4822", "version": 1, "category": "home_care" },
            { "record_id": "h-3", "cpr": CPR, "version": 1, "category": "no_such" },
            { "record_id": "h-4", "cpr": CPR, "version": 1, "category": "home_care",
              "fields": { "shoe_size": { "da": "42", "en": "42" } } }]),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["accepted"], 1);
    assert_eq!(
        body["duplicates"],
        json!([{ "index": 1, "record_id": "h-1" }])
    );
    let reasons: Vec<_> = body["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        reasons,
        ["malformed_cpr", "unknown_category", "undeclared_field"]
    );
    assert!(
        !body.to_string().contains("31-0241-4822"),
        "no CPR number in the answer"
    );

    // Momentum may not write Nexus's categories, nor reuse Nexus's record id.
    let (_, body) = f
        .post("holdings", MOMENTUM_KEY, json!([holding("h-9", 1, false)]))
        .await;
    assert_eq!(body["rejected"][0]["reason"], "wrong_system");
    let consent = json!({ "record_id": "h-1", "cpr": CPR, "version": 1, "consent_type": "cv_on_jobnet",
                          "given_at": "2026-02-01T10:00:00Z" });
    let (_, body) = f.post("consents", NEXUS_KEY, json!([consent])).await;
    assert_eq!(body["accepted"], 1, "{body}");
    let (_, body) = f
        .post(
            "consents",
            MOMENTUM_KEY,
            json!([{ "record_id": "h-1", "cpr": CPR, "version": 2,
        "consent_type": "cv_on_jobnet", "given_at": "2026-02-01T10:00:00Z" }]),
        )
        .await;
    assert_eq!(body["rejected"][0]["reason"], "foreign_record", "{body}");
    let (_, body) = f.post("decisions", MOMENTUM_KEY, json!([{ "record_id": "d-1", "cpr": CPR, "version": 1,
        "tool": "job_match", "case_ref": "J-7", "decided_at": "2026-03-01T10:00:00Z",
        "result": { "da": "Tre forslag", "en": "Three suggestions" },
        "factors": [{ "name": { "da": "Uddannelse", "en": "Education" }, "effect": { "da": "Meget", "en": "Much" } }] }])).await;
    assert_eq!(body["accepted"], 1, "{body}");

    let token = f.token("3002411234");
    let (status, overview) = f.api.get("/v1/overview", &token).await;
    assert_eq!(status, 200, "{overview}");
    assert_eq!(
        (
            overview["categories"].as_i64(),
            overview["consents"].as_i64(),
            overview["decision_support"].as_i64()
        ),
        (Some(1), Some(1), Some(1))
    );
    let (_, me) = f.api.get("/v1/me", &token).await;
    assert_eq!(me["cpr"], json!("300241-••••"), "{me}");
    // First known from ingest, the citizen has no name in the database: the token's is shown.
    assert_eq!(me["name"], json!("Karen Test"), "{me}");
    let (_, list) = f.api.get("/v1/areas/health/categories", &token).await;
    let id = list[0]["id"].as_i64().unwrap();
    let (_, cat) = f.api.get(&format!("/v1/categories/{id}"), &token).await;
    assert_eq!(cat["retention"]["delete_on"], "2032-01-01", "{cat}");
    assert_eq!(cat["system"], "KMD Nexus");
    let (_, uses) = f.api.get("/v1/decision-support", &token).await;
    assert_eq!(uses[0]["factors"][0]["name"]["en"], "Education");

    // Which systems are connected: the two that sent data are fresh, the rest never sent anything.
    let (status, systems) = f.api.get("/v1/systems", &token).await;
    assert_eq!(status, 200, "{systems}");
    let by_name = |n: &str| {
        systems
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == n)
            .cloned()
            .unwrap()
    };
    assert_eq!(by_name("KMD Nexus")["stale"], false);
    assert!(by_name("KMD Nexus")["last_ingest"].is_string());
    assert_eq!(by_name("Momentum")["stale"], false);
    assert_eq!(by_name("Aula")["stale"], true);
    assert!(by_name("Aula")["last_ingest"].is_null());

    // Another CPR number is another citizen, unknown here: refused, nothing of this one.
    let (status, _) = f.api.get("/v1/overview", &f.token("3102414822")).await;
    assert_eq!(status, 403);

    let (_, body) = f
        .post("holdings", NEXUS_KEY, json!([holding("h-1", 2, true)]))
        .await;
    assert_eq!(body["accepted"], 1, "{body}");
    let (_, list) = f.api.get("/v1/areas/health/categories", &token).await;
    assert_ne!(
        list.as_array().map(Vec::len),
        Some(1),
        "the deleted holding is gone: {list}"
    );
    let (_, overview) = f.api.get("/v1/overview", &token).await;
    assert_eq!(overview["categories"], 0);

    // No CPR number in clear in the served database (on SQLite the file or its WAL), with or without
    // the dash; the masked number it does keep is found, so the search reads the stored rows.
    assert!(f.api.db.contains_text("300241-").await);
    for needle in ["300241-1234", "3002411234"] {
        assert!(
            !f.api.db.contains_text(needle).await,
            "{needle} is in the database"
        );
    }
}

#[tokio::test]
async fn without_a_pepper_record_ingest_answers_503_and_writes_nothing() {
    let f = setup(false).await;
    let got = f
        .post("holdings", NEXUS_KEY, json!([holding("h-1", 1, false)]))
        .await;
    assert_error(&got, 503, "not_configured");
    let got = f.post("holdings", "wrong-key", json!([])).await;
    assert_error(&got, 401, "unauthorized");
}
