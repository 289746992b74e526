#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The request routes' bad input and boundaries, on a real server over a demo database: the feed's cursor
//! and paging, acks for another system, bodies with unknown fields, the DPO's key and answers, the filing
//! language, and one citizen never seeing another's requests.

mod common;
mod support_server;

use common::{ELDERLY, JOB_SEEKER, cid, demo_without_requests, open};
use serde_json::{Value, json};
use support_server::{Api, DPO_KEY, Issuer, Key, MOMENTUM_KEY, NEXUS_KEY, assert_error, settings};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_feed_pages_in_order_and_refuses_what_is_not_its_own() {
    let d = demo_without_requests();
    let consents = common::momentum_consents(&d, ELDERLY);
    assert!(!consents.is_empty());
    let other = common::momentum_consents(&d, JOB_SEEKER);
    let subject = |who: &str| open(&d).citizen(&cid(who)).unwrap().subject.clone();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let api = Api::start(&settings(&d.path, &issuer)).await;
    let me = format!("Bearer {}", issuer.token(&subject(ELDERLY)));
    let them = format!("Bearer {}", issuer.token(&subject(JOB_SEEKER)));
    let momentum = format!("ApiKey {MOMENTUM_KEY}");

    // A body other than nothing, {} or a known language is refused, and files nothing.
    let path = format!("/v1/consents/{}/withdraw", consents[0]);
    assert_error(
        &api.call(Some(json!({ "lang": "de" })), &path, &me).await,
        400,
        "bad_request",
    );
    assert_error(
        &api.call(Some(json!({ "why": "x" })), &path, &me).await,
        400,
        "bad_request",
    );
    let (_, page) = api.call(None, "/v1/systems/requests", &momentum).await;
    assert_eq!(page["requests"], json!([]), "nothing filed by bad input");

    for id in consents.iter().chain(&other) {
        let token = if consents.contains(id) { &me } else { &them };
        let (status, body) = api.call(None, "/v1/consents", token).await;
        assert_eq!(status, 200, "{body}");
        let (status, body) = api
            .call(
                Some(json!({})),
                &format!("/v1/consents/{id}/withdraw"),
                token,
            )
            .await;
        assert_eq!(status, 200, "{body}");
    }
    let total = consents.len() + other.len();

    // Paged one by one, in order, each once; the last page says there is no more.
    let mut seen = Vec::new();
    let mut after = String::new();
    loop {
        let path = format!("/v1/systems/requests?limit=1{after}");
        let (status, page) = api.call(None, &path, &momentum).await;
        assert_eq!(status, 200, "{page}");
        seen.extend(
            page["requests"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["id"].as_i64().unwrap()),
        );
        match page["next"].as_str() {
            Some(next) => after = format!("&after={next}"),
            None => break,
        }
        assert!(seen.len() <= total + 1, "the feed does not end");
    }
    assert_eq!(seen.len(), total, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "in order: {seen:?}");
    let (_, nexus) = api
        .call(None, "/v1/systems/requests", &format!("ApiKey {NEXUS_KEY}"))
        .await;
    assert_eq!(
        nexus["requests"],
        json!([]),
        "never in another system's feed"
    );
    for bad in ["?after=x", "?limit=0", "?cursor=1", "?after=-1"] {
        assert_error(
            &api.call(None, &format!("/v1/systems/requests{bad}"), &momentum)
                .await,
            400,
            "bad_request",
        );
    }
    assert_error(
        &api.call(None, "/v1/systems/requests", "ApiKey nope").await,
        401,
        "unauthorized",
    );
    assert_error(
        &api.call(None, "/v1/systems/requests", &format!("ApiKey {DPO_KEY}"))
            .await,
        401,
        "unauthorized",
    );

    // Acks: another system's is 404, bad bodies 400, a reason too long 400.
    let ack = format!("/v1/systems/requests/{}/ack", seen[0]);
    assert_error(
        &api.call(
            Some(json!({ "outcome": "done" })),
            &ack,
            &format!("ApiKey {NEXUS_KEY}"),
        )
        .await,
        404,
        "not_found",
    );
    assert_error(
        &api.call(
            Some(json!({ "outcome": "done" })),
            "/v1/systems/requests/999999/ack",
            &momentum,
        )
        .await,
        404,
        "not_found",
    );
    for body in [
        json!({ "outcome": "maybe" }),
        json!({ "outcome": "done", "extra": 1 }),
        json!({ "outcome": "refused" }),
        json!({ "outcome": "done", "reason": { "da": "x" } }),
        json!({ "outcome": "refused", "reason": { "da": "x", "fr": "y" } }),
        json!({ "outcome": "refused", "reason": { "da": "x".repeat(4001) } }),
        json!({ "outcome": "refused", "reason": { "da": "   " } }),
    ] {
        assert_error(
            &api.call(Some(body.clone()), &ack, &momentum).await,
            400,
            "bad_request",
        );
    }
    let (status, done) = api
        .call(Some(json!({ "outcome": "done" })), &ack, &momentum)
        .await;
    assert_eq!(
        (status, done["status"].as_str()),
        (200, Some("done")),
        "{done}"
    );

    // Each citizen sees only their own requests.
    let (_, mine) = api.call(None, "/v1/requests", &me).await;
    let (_, theirs) = api.call(None, "/v1/requests", &them).await;
    assert_eq!(mine.as_array().unwrap().len(), consents.len());
    assert_eq!(theirs.as_array().unwrap().len(), other.len());
    let ids = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    assert!(ids(&mine).iter().all(|id| !ids(&theirs).contains(id)));
    assert!(ids(&mine).contains(&seen[0]) || ids(&theirs).contains(&seen[0]));
    assert_error(
        &api.call(None, "/v1/requests", "Bearer nope").await,
        401,
        "unauthorized",
    );
    assert_error(
        &api.call(Some(json!({ "x": 1 })), "/v1/requests/seen", &me)
            .await,
        400,
        "bad_request",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dpo_api_needs_the_dpo_key_and_an_answer_in_the_filing_language() {
    let d = demo_without_requests();
    let subject = open(&d).citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let api = Api::start(&settings(&d.path, &issuer)).await;
    let me = format!("Bearer {}", issuer.token(&subject));
    let dpo = format!("ApiKey {DPO_KEY}");
    let (_, page) = api.call(None, "/v1/access-log?limit=2", &me).await;
    let event = page["entries"][1]["id"].as_i64().unwrap();
    let (status, report) = api
        .call(
            Some(json!({ "lang": "en" })),
            &format!("/v1/access-log/{event}/report"),
            &me,
        )
        .await;
    assert_eq!(status, 201, "{report}");

    assert_error(
        &api.call(None, "/v1/dpo/reports", &format!("ApiKey {MOMENTUM_KEY}"))
            .await,
        401,
        "unauthorized",
    );
    assert_error(
        &api.call(None, "/v1/dpo/reports", &me).await,
        401,
        "unauthorized",
    );
    assert_error(
        &api.call(None, "/v1/dpo/reports?status=done", &dpo).await,
        400,
        "bad_request",
    );
    let (status, sent) = api.call(None, "/v1/dpo/reports?status=sent", &dpo).await;
    assert_eq!(status, 200, "{sent}");
    let ours = sent
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["reference"] == report["reference"])
        .expect("the new report is listed")
        .clone();
    assert_eq!(ours["lang"], "en");
    assert!(
        ours["entry"]["organisation"]["da"]
            .as_str()
            .is_some_and(|s| !s.is_empty()),
        "{ours}"
    );
    assert!(
        !ours.to_string().contains(&subject),
        "the DPO sees no citizen"
    );
    let path = format!("/v1/dpo/reports/{}", ours["id"]);

    let (status, body) = api
        .call(
            Some(json!({ "status": "answered", "answer": { "da": "Kun dansk." } })),
            &path,
            &dpo,
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("\"en\""),
        "names the language: {body}"
    );
    for bad in [
        json!({ "status": "answered" }),
        json!({ "status": "closed" }),
        json!({ "status": "under_review", "answer": { "en": "x" } }),
        json!({ "status": "answered", "answer": { "en": "x" }, "cc": "y" }),
    ] {
        assert_error(&api.call(Some(bad), &path, &dpo).await, 400, "bad_request");
    }
    assert_error(
        &api.call(
            Some(json!({ "status": "under_review" })),
            "/v1/dpo/reports/999999",
            &dpo,
        )
        .await,
        404,
        "not_found",
    );
    let (status, review) = api
        .call(Some(json!({ "status": "under_review" })), &path, &dpo)
        .await;
    assert_eq!(
        (status, review["status"].as_str()),
        (200, Some("under_review")),
        "{review}"
    );
    let (_, reports) = api.call(None, "/v1/reports", &me).await;
    let old = reports
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["reference"] == report["reference"])
        .unwrap()
        .clone();
    assert_eq!(old["status"], "under_review", "the old report view follows");
    let (status, answered) = api
        .call(
            Some(json!({ "status": "answered", "answer": { "en": "It was a mistake." } })),
            &path,
            &dpo,
        )
        .await;
    assert_eq!(
        (status, answered["status"].as_str()),
        (200, Some("answered")),
        "{answered}"
    );
    assert_error(
        &api.call(Some(json!({ "status": "under_review" })), &path, &dpo)
            .await,
        409,
        "conflict",
    );

    // The citizen: two changes, one request unseen; its answer in English, shown in Danish too.
    let (_, overview) = api.call(None, "/v1/overview", &me).await;
    assert_eq!(overview["new_answers"], 1, "{overview}");
    let (_, mine) = api.call(None, "/v1/requests", &me).await;
    assert_eq!(
        mine[0]["answer"],
        json!({ "da": "", "en": "It was a mistake." })
    );
    assert_eq!(
        mine[0]["handled_by"]["en"],
        "The municipality's data protection officer"
    );

    // Without a configured DPO key the DPO API is not available.
    let mut s = settings(&d.path, &issuer);
    s.dpo_key_sha256 = None;
    let bare = Api::start(&s).await;
    assert_error(
        &bare.call(None, "/v1/dpo/reports", &dpo).await,
        503,
        "not_configured",
    );
}
