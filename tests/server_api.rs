#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The API surface: `/openapi.json` and the router list the same routes (and `docs/api.md` the same ones),
//! bad input of every kind is a JSON error with the right status, health and readiness, and HTTPS.

mod common;
mod support_server;

use common::{ELDERLY, cid, demo, open};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use support_server::{Api, Issuer, Key, assert_error, settings, split};

async fn setup() -> (common::Demo, Issuer, Api, String) {
    let d = demo();
    let subject = open(&d).citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let api = Api::start(&settings(&d.path, &issuer)).await;
    (d, issuer, api, subject)
}

fn doc_routes(doc: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            out.insert((method.to_uppercase(), path.clone()));
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_documented_route_is_served_and_docs_agree() {
    let (_d, _issuer, api, _subject) = setup().await;
    let (status, doc) = split(api.http.get(api.url("/openapi.json")).send().await.unwrap()).await;
    assert_eq!(status, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    let routes = doc_routes(&doc);
    assert_eq!(routes.len(), indsigt::server::routes::ROUTES.len());
    for (method, path) in &routes {
        let concrete = path.replace("{id}", "1").replace("{code}", "health");
        let request = api
            .http
            .request(method.parse().unwrap(), api.url(&concrete));
        let request = if method == "POST" {
            request.json(&json!({}))
        } else {
            request
        };
        let (status, body) = split(request.send().await.unwrap()).await;
        // Served: not the router's "no such route" 404, and not 405.
        assert_ne!(status, 405, "{method} {path}");
        assert!(
            !(status == 404 && body["message"] == "no such route"),
            "{method} {path}"
        );
        let op = &doc["paths"][path][method.to_lowercase()];
        // A route for a registered kiosk alone refuses a request without its key; the others need a token.
        if op["security"] == json!([{ "kiosk": [] }]) {
            assert_error(&(status, body), 403, "unknown_kiosk");
        } else if !op["security"].as_array().unwrap().is_empty() {
            assert_error(&(status, body), 401, "unauthorized");
        }
    }
    // The router answers unknown routes and methods with JSON too.
    let got = split(api.http.get(api.url("/v1/nope")).send().await.unwrap()).await;
    assert_error(&got, 404, "not_found");
    let got = split(api.http.delete(api.url("/v1/me")).send().await.unwrap()).await;
    assert_error(&got, 405, "method_not_allowed");

    // docs/api.md lists exactly these routes.
    let md = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/api.md")).unwrap();
    let mut listed = BTreeSet::new();
    for line in md.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() > 3 && ["GET", "POST", "PUT", "DELETE"].contains(&cells[1]) {
            let path = cells[2].trim_matches('`');
            let path = path.split('?').next().unwrap();
            listed.insert((cells[1].to_owned(), path.to_owned()));
        }
    }
    assert_eq!(listed, routes, "docs/api.md and /openapi.json disagree");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_a_json_error_with_the_right_status() {
    let (_d, issuer, api, subject) = setup().await;
    let token = issuer.token(&subject);
    for (path, why) in [
        ("/v1/access-log?after=garbage", "bad cursor"),
        ("/v1/access-log?after=1.x", "bad cursor id"),
        ("/v1/access-log?limit=0", "limit 0"),
        ("/v1/access-log?limit=ten", "limit not a number"),
        ("/v1/access-log?from=yesterday", "bad time"),
        ("/v1/access-log?action=licked", "bad action"),
        ("/v1/access-log?organisation=abc", "bad organisation"),
        ("/v1/access-log?sneaky=1", "unknown parameter"),
        ("/v1/categories/abc", "id not a number"),
    ] {
        assert_error(&api.get(path, &token).await, 400, "bad_request");
        let _ = why;
    }
    // The page size is capped at 200.
    let (status, page) = api.get("/v1/access-log?limit=5000", &token).await;
    assert_eq!(status, 200);
    assert!(page["entries"].as_array().unwrap().len() <= 200);
    // Bodies: malformed JSON, a wrong type, an unknown enum value, too large.
    let post = |body: String| {
        api.http
            .post(api.url("/v1/kiosk-visits"))
            .bearer_auth(&token)
            .header("X-Indsigt-Kiosk", support_server::KIOSK_KEY)
            .body(body)
            .send()
    };
    for body in [
        "{".to_owned(),
        r#"{"kiosk_id": 5, "location": "x", "started_at": "2026-11-29T10:00:00Z", "helper": "staff"}"#.to_owned(),
        r#"{"kiosk_id": "k", "location": "x", "started_at": "2026-11-29T10:00:00Z", "helper": "robot"}"#.to_owned(),
    ] {
        assert_error(&split(post(body).await.unwrap()).await, 400, "bad_request");
    }
    let huge = format!(r#"{{"kiosk_id": "{}"}}"#, "k".repeat(100 * 1024));
    assert_error(&split(post(huge).await.unwrap()).await, 413, "too_large");
    // Report twice: 201, then 200 with the same report.
    let (_, page) = api.get("/v1/access-log?limit=1", &token).await;
    let id = page["entries"][0]["id"].as_i64().unwrap();
    let first = api
        .post(&format!("/v1/access-log/{id}/report"), &token, &json!({}))
        .await;
    let second = api
        .post(&format!("/v1/access-log/{id}/report"), &token, &json!({}))
        .await;
    assert_eq!((first.0, second.0), (201, 200));
    assert_eq!(first.1, second.1);
    // Ids that do not exist at all are 404 as well.
    assert_error(
        &api.get("/v1/categories/999999999", &token).await,
        404,
        "not_found",
    );
    assert_error(
        &api.get("/v1/areas/nope/categories", &token).await,
        404,
        "not_found",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_readiness() {
    let (_d, _issuer, api, _subject) = setup().await;
    let (status, body) = split(api.http.get(api.url("/healthz")).send().await.unwrap()).await;
    assert_eq!((status, body), (200, json!({ "status": "ok" })));
    let (status, _) = split(api.http.get(api.url("/readyz")).send().await.unwrap()).await;
    assert_eq!(status, 200);
    api.running.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_with_the_configured_certificate() {
    let d = demo();
    let subject = open(&d).citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (cert_path, key_path) = (dir.path().join("c.pem"), dir.path().join("k.pem"));
    std::fs::write(&cert_path, cert.cert.pem()).unwrap();
    std::fs::write(&key_path, cert.signing_key.serialize_pem()).unwrap();
    let mut s = settings(&d.path, &issuer);
    s.tls_cert = Some(cert_path);
    s.tls_key = Some(key_path);
    let (s, _pg) = support_server::for_engine(&s).await;
    let running = indsigt::server::start(&s, None).await.unwrap();
    assert!(running.tls);
    let port = running.addr.port();
    let client = reqwest::Client::builder()
        .tls_certs_only([reqwest::Certificate::from_pem(cert.cert.pem().as_bytes()).unwrap()])
        .resolve("localhost", running.addr)
        .build()
        .unwrap();
    let r = client
        .get(format!("https://localhost:{port}/v1/me"))
        .bearer_auth(issuer.token(&subject))
        .send()
        .await
        .unwrap();
    let (status, body) = split(r).await;
    assert_eq!((status, body["id"].as_str()), (200, Some(ELDERLY)));
    // Plain HTTP to the TLS port gets nothing.
    let plain = reqwest::Client::new()
        .get(format!("http://127.0.0.1:{port}/healthz"))
        .send()
        .await;
    assert!(plain.is_err() || !plain.unwrap().status().is_success());
    running.stop().await.unwrap();
}
