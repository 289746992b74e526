#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `POST /v1/feedback`: an answer to "Was this understandable?" from a registered kiosk alone. The
//! kiosk's id is the server's; no citizen token is needed or enough; unknown fields are 400. The kiosk's
//! `HttpSource` sends it the same way, and drops it when the server cannot take it.

mod common;
mod support_server;

use common::{demo, open};
use indsigt::domain::{Feedback, FeedbackAnswer};
use indsigt::source::DataSource;
use indsigt::source::http::{HttpOptions, HttpSource};
use serde_json::{Value, json};
use support_server::{Api, Issuer, KIOSK_ID, KIOSK_KEY, Key, assert_error, settings, split};

fn today() -> jiff::civil::Date {
    jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Copenhagen").unwrap())
        .date()
}

async fn post(api: &Api, kiosk: Option<&str>, bearer: Option<&str>, body: &Value) -> (u16, Value) {
    let mut request = api.http.post(api.url("/v1/feedback")).json(body);
    if let Some(key) = kiosk {
        request = request.header("X-Indsigt-Kiosk", key);
    }
    if let Some(token) = bearer {
        request = request.bearer_auth(token);
    }
    split(request.send().await.unwrap()).await
}

/// The feedback rows in the database the server serves (on either engine).
async fn rows(api: &Api) -> Vec<(String, String, String, String, i64)> {
    api.db
        .rows(
            "SELECT day, kiosk_id, answer, screens, answers FROM feedback ORDER BY answer",
            &[],
        )
        .await
        .into_iter()
        .map(|r| {
            let text = |i: usize| r[i].as_str().unwrap().to_owned();
            (text(0), text(1), text(2), text(3), r[4].as_i64().unwrap())
        })
        .collect()
}

fn good() -> Value {
    json!({ "answer": "partly", "date": today().to_string(), "screens": ["overview", "areas", "overview"] })
}

#[tokio::test]
async fn a_registered_kiosk_gets_204_and_the_server_names_the_kiosk() {
    let d = demo();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let api = Api::start(&settings(&d.path, &issuer)).await;
    let got = post(&api, Some(KIOSK_KEY), None, &good()).await;
    assert_eq!(got, (204, Value::Null));
    assert_eq!(
        rows(&api).await,
        [(
            today().to_string(),
            KIOSK_ID.to_owned(),
            "partly".to_owned(),
            "areas,overview".to_owned(),
            1
        )]
    );
}

#[tokio::test]
async fn without_a_registered_kiosk_it_is_403_even_with_a_citizen_token() {
    let d = demo();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let api = Api::start(&settings(&d.path, &issuer)).await;
    let subject = open(&d)
        .citizen(&common::cid(common::ELDERLY))
        .unwrap()
        .subject
        .clone();
    let token = issuer.token(&subject);
    assert_error(&post(&api, None, None, &good()).await, 403, "unknown_kiosk");
    assert_error(
        &post(&api, None, Some(&token), &good()).await,
        403,
        "unknown_kiosk",
    );
    assert_error(
        &post(&api, Some("not-a-kiosk"), None, &good()).await,
        403,
        "unknown_kiosk",
    );
    assert!(rows(&api).await.is_empty());
}

#[tokio::test]
async fn unknown_fields_and_bad_values_are_400_and_nothing_is_stored() {
    let d = demo();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let api = Api::start(&settings(&d.path, &issuer)).await;
    let with = |field: &str, value: Value| {
        let mut body = good();
        body[field] = value;
        body
    };
    let old = today().checked_sub(jiff::Span::new().days(2)).unwrap();
    for body in [
        // The kiosk cannot say which kiosk it is, nor add anything about the citizen.
        with("kiosk_id", json!("another-kiosk")),
        with("citizen", json!("c-7f3a9b")),
        with("at", json!("2026-12-01T10:00:00Z")),
        with("answer", json!("skip")),
        with("date", json!(old.to_string())),
        with("date", json!("2026-12-01T10:00:00Z")),
        with("screens", json!(["Overview"])),
        with("screens", json!(["category-17"])),
        json!({ "answer": "mostly", "date": today().to_string() }),
        json!([]),
    ] {
        assert_error(
            &post(&api, Some(KIOSK_KEY), None, &body).await,
            400,
            "bad_request",
        );
    }
    assert!(rows(&api).await.is_empty());
}

#[tokio::test]
async fn the_http_source_sends_it_as_the_kiosk_and_drops_it_when_the_server_is_gone() {
    let d = demo();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let api = Api::start(&settings(&d.path, &issuer)).await;
    let base = api.base.clone();
    let key_file = support_server::kiosk_key_file(d.dir.path());
    let outbox = d.dir.path().join("outbox.db");
    let source = tokio::task::spawn_blocking(move || {
        HttpSource::new(HttpOptions {
            kiosk_key_file: Some(key_file),
            ..HttpOptions::new(base, outbox)
        })
        .unwrap()
    })
    .await
    .unwrap();
    let feedback = Feedback {
        answer: FeedbackAnswer::Mostly,
        // The server names the kiosk from its key; this id stays on the kiosk.
        kiosk_id: "ignored-by-http".into(),
        date: today(),
        screens: ["access-log", "overview"].map(String::from).into(),
    };
    let (source, sent) = tokio::task::spawn_blocking(move || {
        let r = source.record_feedback(&feedback);
        (source, (r, feedback))
    })
    .await
    .unwrap();
    let (result, feedback) = sent;
    assert_eq!(result, Ok(()));
    assert_eq!(
        rows(&api).await,
        [(
            today().to_string(),
            KIOSK_ID.to_owned(),
            "mostly".to_owned(),
            "access-log,overview".to_owned(),
            1
        )]
    );
    api.running.stop().await.unwrap();
    let result = tokio::task::spawn_blocking(move || source.record_feedback(&feedback))
        .await
        .unwrap();
    assert!(result.is_err(), "{result:?}");
    // Dropped, not kept for later: the outbox holds nothing.
    let outbox = indsigt::source::http::Outbox::open(&d.dir.path().join("outbox.db")).unwrap();
    assert!(outbox.is_empty().unwrap());
}
