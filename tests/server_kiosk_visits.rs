#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `POST /v1/kiosk-visits` and the rules on every POST body: a visit is recorded only from a registered
//! kiosk, at the server's time, with the kiosk's id and location from the server's registry; unknown
//! fields are 400 and over-long bodies and texts are refused on every route that takes input.

mod common;
mod support_server;

use common::{ELDERLY, cid, demo, open};
use serde_json::{Value, json};
use support_server::{
    Api, Issuer, KIOSK_ID, KIOSK_KEY, KIOSK_LOCATION, Key, MOMENTUM_KEY, assert_error, settings,
    split,
};

struct Fixture {
    _d: common::Demo,
    _issuer: Issuer,
    api: Api,
    token: String,
}

async fn setup() -> Fixture {
    let d = demo();
    let subject = open(&d).citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let api = Api::start(&settings(&d.path, &issuer)).await;
    let token = issuer.token(&subject);
    Fixture {
        _d: d,
        _issuer: issuer,
        api,
        token,
    }
}

impl Fixture {
    /// POSTs `body` (raw) to `path` with the citizen's token and, if given, a kiosk key.
    async fn post_raw(&self, path: &str, kiosk: Option<&str>, body: String) -> (u16, Value) {
        let mut request = self
            .api
            .http
            .post(self.api.url(path))
            .bearer_auth(&self.token)
            .header("content-type", "application/json")
            .body(body);
        if let Some(key) = kiosk {
            request = request.header("X-Indsigt-Kiosk", key);
        }
        split(request.send().await.unwrap()).await
    }

    /// The visits in the served database (on either engine), with their log entries' times.
    async fn visits(&self) -> Vec<(String, String, i64, String, i64)> {
        self.api
            .db
            .rows(
                "SELECT v.kiosk_id, v.location, v.started_at, v.helper, e.at
                 FROM kiosk_visits v JOIN access_events e ON e.id = v.event_id ORDER BY v.id",
                &[],
            )
            .await
            .into_iter()
            .map(|r| {
                let text = |i: usize| r[i].as_str().unwrap().to_owned();
                let int = |i: usize| r[i].as_i64().unwrap();
                (text(0), text(1), int(2), text(3), int(4))
            })
            .collect()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visit_needs_a_registered_kiosks_key_with_the_citizens_token() {
    let f = setup().await;
    let body = json!({ "helper": "staff" }).to_string();
    let none = f.post_raw("/v1/kiosk-visits", None, body.clone()).await;
    assert_error(&none, 403, "unknown_kiosk");
    let wrong = f
        .post_raw("/v1/kiosk-visits", Some("not-a-kiosk"), body.clone())
        .await;
    assert_error(&wrong, 403, "unknown_kiosk");
    // The kiosk's key without a citizen's token records nothing either.
    let anonymous = split(
        f.api
            .http
            .post(f.api.url("/v1/kiosk-visits"))
            .header("X-Indsigt-Kiosk", KIOSK_KEY)
            .json(&json!({ "helper": "staff" }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error(&anonymous, 401, "unauthorized");
    assert!(f.visits().await.is_empty());

    let before = jiff::Timestamp::now().as_second();
    let ok = f.post_raw("/v1/kiosk-visits", Some(KIOSK_KEY), body).await;
    let after = jiff::Timestamp::now().as_second();
    assert_eq!(ok.0, 204, "{ok:?}");
    let visits = f.visits().await;
    assert_eq!(visits.len(), 1);
    let (kiosk, location, started, helper, at) = visits[0].clone();
    assert_eq!(
        (kiosk.as_str(), location.as_str(), helper.as_str()),
        (KIOSK_ID, KIOSK_LOCATION, "staff")
    );
    assert!((before..=after).contains(&started), "{started}");
    assert_eq!(at, started, "the log entry has the server's time");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_cannot_say_when_or_where_a_visit_was() {
    let f = setup().await;
    for body in [
        json!({ "helper": "staff", "started_at": "2099-01-01T00:00:00Z" }),
        json!({ "helper": "staff", "location": "x".repeat(40_000) }),
        json!({ "helper": "staff", "kiosk_id": "k1" }),
        json!({ "helper": "staff", "citizen": "someone-else" }),
        json!({ "helper": "staff", "subject": "someone-else" }),
        json!({ "helper": "staff", "citizen_id": "c-1" }),
        json!({}),
        json!({ "helper": "robot" }),
    ] {
        let got = f
            .post_raw("/v1/kiosk-visits", Some(KIOSK_KEY), body.to_string())
            .await;
        assert_error(&got, 400, "bad_request");
    }
    assert!(f.visits().await.is_empty(), "nothing was recorded");
    let long_units = f
        .api
        .db
        .count(
            "SELECT count(*) FROM units WHERE length(name_da) > 1000",
            &[],
        )
        .await;
    assert_eq!(long_units, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_post_body_refuses_unknown_fields_and_over_long_input() {
    let f = setup().await;
    let (_, page) = f.api.get("/v1/access-log?limit=1", &f.token).await;
    let event = page["entries"][0]["id"].as_i64().unwrap();
    let (_, consents) = f.api.get("/v1/consents", &f.token).await;
    let consent = consents[0]["id"].as_i64().unwrap();
    let report = format!("/v1/access-log/{event}/report");
    let withdraw = format!("/v1/consents/{consent}/withdraw");
    let (_, reports_before) = f.api.get("/v1/reports", &f.token).await;
    let huge = format!(r#"{{"x": "{}"}}"#, "a".repeat(100 * 1024));
    for path in [report.as_str(), withdraw.as_str(), "/v1/kiosk-visits"] {
        let unknown = f
            .post_raw(path, Some(KIOSK_KEY), json!({ "x": 1 }).to_string())
            .await;
        assert_error(&unknown, 400, "bad_request");
        let too_large = f.post_raw(path, Some(KIOSK_KEY), huge.clone()).await;
        assert_error(&too_large, 413, "too_large");
    }
    // Nothing was reported or withdrawn by the refused requests; an empty body still works.
    let (_, reports) = f.api.get("/v1/reports", &f.token).await;
    assert_eq!(reports, reports_before);
    let (_, consents_now) = f.api.get("/v1/consents", &f.token).await;
    assert_eq!(consents_now, consents);
    assert_eq!(f.post_raw(&report, None, String::new()).await.0, 201);
    assert_eq!(f.post_raw(&withdraw, None, "{}".into()).await.0, 200);

    // Ingest: an unknown top-level field is 400; an over-long text refuses its item.
    assert_error(
        &f.api
            .ingest(MOMENTUM_KEY, &json!({ "events": [], "x": 1 }))
            .await,
        400,
        "bad_request",
    );
    let item = json!({ "event_id": "e-1", "citizen": "s", "at": "2026-11-20T09:30:00Z",
        "organisation": { "da": "o", "en": "o" }, "unit": { "da": "u", "en": "u" },
        "role": { "da": "r", "en": "r" }, "system": "Momentum", "area": "employment",
        "category": { "da": "c", "en": "c" }, "action": "viewed",
        "purpose": { "da": "p", "en": "p" }, "batch": { "run_id": "r".repeat(501), "records": 1 } });
    let (status, answer) = f
        .api
        .ingest(MOMENTUM_KEY, &json!({ "events": [item] }))
        .await;
    assert_eq!(status, 200);
    assert_eq!(answer["rejected"][0]["reason"], "invalid", "{answer}");

    // Query texts have a limit too.
    let long_q = format!("/v1/access-log?q={}", "a".repeat(201));
    assert_error(&f.api.get(&long_q, &f.token).await, 400, "bad_request");
    let ok_q = format!("/v1/access-log?q={}", "a".repeat(200));
    assert_eq!(f.api.get(&ok_q, &f.token).await.0, 200);
}
