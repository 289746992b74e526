#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `POST /v1/ingest/access-events`: API keys per system, idempotent replays, item-by-item rejection with
//! the others committed, and no writing on another system's behalf.

mod common;
mod support_server;

use common::{ELDERLY, cid, demo, open};
use indsigt::store::Store;
use serde_json::{Value, json};
use support_server::{Api, Issuer, Key, MOMENTUM_KEY, NEXUS_KEY, assert_error, settings};

fn purpose_name(store: &Store) -> (String, String) {
    store
        .connection()
        .query_row(
            "SELECT name_da, name_en FROM purposes ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

struct Fixture {
    _d: common::Demo,
    api: Api,
    subject: String,
    purpose: (String, String),
}

async fn setup() -> Fixture {
    let d = demo();
    let store = open(&d);
    let subject = store.citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let purpose = purpose_name(&store);
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let api = Api::start(&settings(&d.path, &issuer)).await;
    Fixture {
        _d: d,
        api,
        subject,
        purpose,
    }
}

impl Fixture {
    fn item(&self, event_id: &str) -> Value {
        json!({
            "event_id": event_id,
            "citizen": self.subject,
            "at": "2026-11-20T09:30:00+01:00",
            "organisation": { "da": "Jobcenter Eksempel", "en": "Job Centre Example" },
            "unit": { "da": "Ny enhed for test", "en": "New test unit" },
            "role": { "da": "Sagsbehandler", "en": "Caseworker" },
            "system": "Momentum",
            "area": "employment",
            "category": { "da": "Ledighedsforløb", "en": "Unemployment history" },
            "action": "viewed",
            "purpose": { "da": self.purpose.0, "en": self.purpose.1 },
            "case_ref": "SAG-2026-1",
            "batch": { "run_id": "run-7", "records": 3 }
        })
    }

    /// The events in the served database (on either engine).
    async fn events(&self) -> i64 {
        self.api
            .db
            .count("SELECT count(*) FROM access_events", &[])
            .await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replay_changes_nothing_and_reports_duplicates() {
    let f = setup().await;
    let before = f.events().await;
    let body = json!({ "events": [f.item("m-1"), f.item("m-2")] });
    let (status, first) = f.api.ingest(MOMENTUM_KEY, &body).await;
    assert_eq!(
        (status, first["accepted"].as_u64()),
        (200, Some(2)),
        "{first}"
    );
    assert_eq!(f.events().await, before + 2);
    assert_eq!(
        f.api
            .db
            .count(
                "SELECT count(*) FROM units WHERE name_en = 'New test unit'",
                &[]
            )
            .await,
        1
    );

    let (status, again) = f.api.ingest(MOMENTUM_KEY, &body).await;
    assert_eq!(status, 200);
    assert_eq!(again["accepted"], 0);
    assert_eq!(
        again["duplicates"],
        json!([{ "index": 0, "event_id": "m-1" }, { "index": 1, "event_id": "m-2" }])
    );
    assert_eq!(f.events().await, before + 2);
    // The same event id from another system is another event.
    let mut nexus = f.item("m-1");
    nexus["system"] = json!("Nexus");
    let (_, other) = f.api.ingest(NEXUS_KEY, &json!({ "events": [nexus] })).await;
    assert_eq!(other["accepted"], 1, "{other}");
    // The citizen sees the new entry, grouped as a batch.
    let newest = f
        .api
        .db
        .rows(
            "SELECT batch_run_id, batch_records FROM access_events ORDER BY id DESC LIMIT 1",
            &[],
        )
        .await;
    assert_eq!(newest, vec![vec![json!("run-7"), json!(3)]]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_bad_items_are_named_and_the_others_committed() {
    let f = setup().await;
    let before = f.events().await;
    let mut unknown_citizen = f.item("bad-1");
    unknown_citizen["citizen"] = json!("nobody");
    let mut unknown_action = f.item("bad-2");
    unknown_action["action"] = json!("licked");
    let mut bad_time = f.item("bad-3");
    bad_time["at"] = json!("yesterday");
    let events = vec![
        f.item("ok-1"),
        unknown_citizen,
        f.item("ok-2"),
        unknown_action,
        bad_time,
        f.item("ok-3"),
    ];
    let (status, body) = f
        .api
        .ingest(MOMENTUM_KEY, &json!({ "events": events }))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["accepted"], 3);
    let rejected: Vec<(u64, &str, &str)> = body["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["index"].as_u64().unwrap(),
                r["event_id"].as_str().unwrap(),
                r["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rejected,
        vec![
            (1, "bad-1", "unknown_citizen"),
            (3, "bad-2", "unknown_action"),
            (4, "bad-3", "bad_time")
        ]
    );
    assert_eq!(f.events().await, before + 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn item_shapes_are_checked_one_by_one() {
    let f = setup().await;
    let mut extra = f.item("x-1");
    extra["surprise"] = json!(true);
    let mut wrong_type = f.item("x-2");
    wrong_type["batch"] = json!({ "run_id": "r", "records": "many" });
    let mut area = f.item("x-3");
    area["area"] = json!("no-such-area");
    let mut purpose = f.item("x-4");
    purpose["purpose"] = json!({ "da": "Ukendt", "en": "Unknown" });
    let events = json!({ "events": [extra, wrong_type, area, purpose, 42, f.item("x-5")] });
    let (status, body) = f.api.ingest(MOMENTUM_KEY, &events).await;
    assert_eq!(status, 200);
    let reasons: Vec<&str> = body["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        [
            "invalid",
            "invalid",
            "unknown_area",
            "unknown_purpose",
            "invalid"
        ]
    );
    assert_eq!(body["accepted"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_system_cannot_write_events_attributed_to_another() {
    let f = setup().await;
    let before = f.events().await;
    // Nexus's key, Momentum's events.
    let (status, body) = f
        .api
        .ingest(NEXUS_KEY, &json!({ "events": [f.item("n-1")] }))
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["rejected"][0]["reason"], "wrong_system");
    assert_eq!(f.events().await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_bodies_and_batch_sizes_are_checked() {
    let f = setup().await;
    let body = json!({ "events": [f.item("k-1")] });
    assert_error(&f.api.ingest("wrong-key", &body).await, 401, "unauthorized");
    let r = f
        .api
        .http
        .post(f.api.url("/v1/ingest/access-events"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_error(&support_server::split(r).await, 401, "unauthorized");
    // A citizen's token is not an ingest key.
    let r = f
        .api
        .http
        .post(f.api.url("/v1/ingest/access-events"))
        .bearer_auth("x")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_error(&support_server::split(r).await, 401, "unauthorized");
    // Malformed JSON, an unknown top-level field, a wrong type.
    let raw = |text: &'static str| {
        f.api
            .http
            .post(f.api.url("/v1/ingest/access-events"))
            .header("Authorization", format!("ApiKey {MOMENTUM_KEY}"))
            .body(text)
            .send()
    };
    assert_error(
        &support_server::split(raw("{\"events\": [").await.unwrap()).await,
        400,
        "bad_request",
    );
    assert_error(
        &support_server::split(raw("{\"events\": [], \"x\": 1}").await.unwrap()).await,
        400,
        "bad_request",
    );
    assert_error(
        &support_server::split(raw("{\"events\": 5}").await.unwrap()).await,
        400,
        "bad_request",
    );
    // More than ingest_max_batch events.
    let many: Vec<Value> = (0..1001).map(|i| f.item(&format!("many-{i}"))).collect();
    assert_error(
        &f.api.ingest(MOMENTUM_KEY, &json!({ "events": many })).await,
        413,
        "too_large",
    );
    // A body over 4 MiB.
    let huge = json!({ "events": [{ "event_id": "h", "citizen": "x".repeat(5 * 1024 * 1024) }] });
    let huge = serde_json::to_vec(&huge).unwrap();
    let auth = format!("ApiKey {MOMENTUM_KEY}");
    let answer = f
        .api
        .post_early_answer("/v1/ingest/access-events", &auth, huge)
        .await;
    assert_error(&answer, 413, "too_large");
}

/// The citizen's visible log entries, as the overview answers them.
async fn visible_events(api: &Api, token: &str) -> u64 {
    let (status, overview) = api.get("/v1/overview", token).await;
    assert_eq!(status, 200, "{overview}");
    overview["access_events"].as_u64().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_event_named_by_cpr_reaches_the_citizen_of_that_key_and_needs_the_pepper() {
    let f = setup().await;
    let by_cpr = |id: &str, cpr: &str| {
        let mut item = f.item(id);
        let obj = item.as_object_mut().unwrap();
        obj.remove("citizen");
        obj.insert("cpr".into(), json!(cpr));
        item
    };
    // Without `[server] pepper_file`, an item named by CPR number is refused on its own.
    let (status, body) = f
        .api
        .ingest(
            MOMENTUM_KEY,
            &json!({ "events": [by_cpr("p-0", "310441-4822"), f.item("p-00")] }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["accepted"], 1);
    assert_eq!(body["rejected"][0]["reason"], "not_configured");

    // A server on the same demo database with the demo's (public) pepper finds the demo citizen by key.
    let pepper = f._d.dir.path().join("demo-pepper");
    std::fs::write(&pepper, indsigt::store::demo::DEMO_PEPPER).unwrap();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let mut s = settings(&f._d.path, &issuer);
    s.pepper_file = Some(pepper);
    let api = Api::start(&s).await;
    // What the citizen sees, from the server under test (on PostgreSQL its own copy of the demo).
    let token = issuer.token(&f.subject);
    let before = visible_events(&api, &token).await;
    let mut both = by_cpr("p-3", "3104414822");
    both["citizen"] = json!(f.subject);
    let events = json!({ "events": [
        by_cpr("p-1", "310441-4822"),
        by_cpr("p-2", "3104414822"),
        by_cpr("p-bad", "31-04-41-4822"),
        both,
    ] });
    let (status, body) = api.ingest(MOMENTUM_KEY, &events).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["accepted"], 2, "{body}");
    let reasons: Vec<&str> = body["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons, ["malformed_cpr", "invalid"]);
    let after = visible_events(&api, &token).await;
    assert_eq!(after, before + 2, "both spellings are the demo citizen's");
    assert!(
        !body.to_string().contains("4822"),
        "no CPR number in the answer: {body}"
    );
}
