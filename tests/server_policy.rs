#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The server's policies: employee names do not leave the server unless it is configured to show them;
//! the token's issuer is compared exactly, and an issuer that spells itself differently stops the start;
//! `/readyz` is 503 until the issuer's keys are loaded; the documented cursor pattern and page size agree
//! with what the server does; an area the citizen has nothing in is 404 from every source.

mod common;
mod support_server;

use common::{ELDERLY, cid, demo, open};
use indsigt::domain::Lang;
use indsigt::server::{ServeError, start};
use indsigt::source::{DataSource, LocalSource, Principal, SourceError};
use serde_json::{Value, json};
use support_server::{Api, Issuer, Key, assert_error, settings, split};

/// Every `employee` value in an answer, wherever it is.
fn employees(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                if k == "employee" {
                    out.push(v.clone());
                }
                employees(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| employees(i, out)),
        _ => {}
    }
}

/// The raw JSON text of a GET.
async fn raw(api: &Api, path: &str, token: &str) -> (u16, String) {
    let r = api
        .http
        .get(api.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_employee_name_leaves_the_server_unless_it_shows_names() {
    let d = demo();
    let store = open(&d);
    let subject = store.citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let (event, name): (i64, String) = store
        .connection()
        .query_row(
            "SELECT e.id, e.employee FROM access_events e JOIN citizens c ON c.id = e.citizen_id
             WHERE c.public_id = ?1 AND e.employee IS NOT NULL AND e.hidden_until IS NULL
             ORDER BY e.at DESC LIMIT 1",
            [ELDERLY],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let token = issuer.token(&subject);
    let hidden = Api::start(&settings(&d.path, &issuer)).await;
    let shown = Api::start(&indsigt::config::Server {
        show_employee_names: true,
        ..settings(&d.path, &issuer)
    })
    .await;
    let page = "/v1/access-log?limit=200";
    let entry = format!("/v1/access-log/{event}");
    for path in [page, entry.as_str()] {
        let (status, text) = raw(&hidden, path, &token).await;
        assert_eq!(status, 200, "{text}");
        assert!(!text.contains(&name), "{path}: the name left the server");
        let mut found = Vec::new();
        employees(&serde_json::from_str(&text).unwrap(), &mut found);
        assert!(!found.is_empty(), "{path}: the field is there, empty");
        assert!(found.iter().all(Value::is_null), "{path}: {found:?}");

        // The same server configured to show names does show them: the check above can fail.
        let (_, text) = raw(&shown, path, &token).await;
        assert!(text.contains(&name), "{path}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_issuer_is_compared_exactly() {
    let d = demo();
    let subject = open(&d).citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let api = Api::start(&settings(&d.path, &issuer)).await;
    assert_eq!(api.get("/v1/me", &issuer.token(&subject)).await.0, 200);
    for iss in [
        format!("{}/", issuer.url),
        issuer.url.to_uppercase(),
        format!(" {}", issuer.url),
    ] {
        let mut claims = issuer.claims(&subject);
        claims["iss"] = json!(iss);
        let got = api.get("/v1/me", &issuer.keys[0].sign(&claims)).await;
        assert_error(&got, 401, "unauthorized");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_issuer_spelled_differently_in_its_discovery_document_stops_the_start() {
    let d = demo();
    let issuer = Issuer::start_spelled(vec![Key::es256("k")], "/").await;
    let (s, _pg) = support_server::for_engine(&settings(&d.path, &issuer)).await;
    let err = start(&s, None).await.unwrap_err();
    let ServeError::IssuerMismatch { configured, found } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(configured, &issuer.url);
    assert_eq!(found, &format!("{}/", issuer.url));
    for lang in [Lang::Da, Lang::En] {
        let sentence = err.localized(lang);
        assert!(
            sentence.contains(&format!("{}/ ", issuer.url)) && sentence.contains(&issuer.url),
            "{sentence}"
        );
        assert!(!sentence.contains("serve-"), "{sentence}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_is_503_while_the_issuers_keys_cannot_be_had() {
    let d = demo();
    // A port nothing listens on: the issuer is unreachable.
    let unused = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}", unused.local_addr().unwrap());
    drop(unused);
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let mut broken = settings(&d.path, &issuer);
    broken.issuer = Some(dead);
    let api = Api::start(&broken).await;
    let ready = split(api.http.get(api.url("/readyz")).send().await.unwrap()).await;
    assert_error(&ready, 503, "unavailable");
    let health = split(api.http.get(api.url("/healthz")).send().await.unwrap()).await;
    assert_eq!(health.0, 200, "alive, but not ready");

    let good = Api::start(&settings(&d.path, &issuer)).await;
    let ready = split(good.http.get(good.url("/readyz")).send().await.unwrap()).await;
    assert_eq!(ready, (200, json!({ "status": "ready" })));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_documented_cursor_and_page_size_are_what_the_server_does() {
    let d = demo();
    let subject = open(&d).citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let api = Api::start(&settings(&d.path, &issuer)).await;
    let token = issuer.token(&subject);
    let (_, doc) = split(api.http.get(api.url("/openapi.json")).send().await.unwrap()).await;
    let params = doc["paths"]["/v1/access-log"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let param = |name: &str| {
        params
            .iter()
            .find(|p| p["name"] == name)
            .map(|p| p["schema"].clone())
            .unwrap()
    };
    assert_eq!(param("after")["pattern"], r"^[0-9]{1,11}\.[0-9]{1,18}$");
    // The largest cursors the pattern admits are accepted; what it refuses, the server refuses.
    for ok in ["99999999999.999999999999999999", "0.0", "1795000000.12"] {
        let got = api.get(&format!("/v1/access-log?after={ok}"), &token).await;
        assert_eq!(got.0, 200, "{ok}: {got:?}");
    }
    for bad in [
        "-806712282499.-66",
        "-1.5",
        "1.-5",
        "999999999999.1",
        "1.9999999999999999999",
        "1",
        "1.2.3",
    ] {
        let got = api
            .get(&format!("/v1/access-log?after={bad}"), &token)
            .await;
        assert_error(&got, 400, "bad_request");
    }
    // The organisation id is an int64 from 1: the documented range is what the server takes.
    let organisation = param("organisation");
    assert_eq!(
        (&organisation["minimum"], &organisation["maximum"]),
        (&json!(1), &json!(i64::MAX))
    );
    let max = i64::MAX.to_string();
    for ok in ["1", max.as_str()] {
        let got = api
            .get(&format!("/v1/access-log?organisation={ok}"), &token)
            .await;
        assert_eq!(got.0, 200, "{ok}: {got:?}");
    }
    for bad in [
        "0",
        "-3",
        "9223372036854775808",
        "93854876498726394730369953824768",
    ] {
        let got = api
            .get(&format!("/v1/access-log?organisation={bad}"), &token)
            .await;
        assert_error(&got, 400, "bad_request");
    }
    // No documented maximum: any page size above the cap gives the cap.
    let limit = param("limit");
    assert!(limit.get("maximum").is_none(), "{limit}");
    assert_eq!(limit["minimum"], 1);
    for big in ["201", "5000", "99999999999999999999999999"] {
        let (status, page) = api
            .get(&format!("/v1/access-log?limit={big}"), &token)
            .await;
        assert_eq!(status, 200, "{big}");
        assert!(page["entries"].as_array().unwrap().len() <= 200);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_area_without_data_is_404_from_the_server_and_from_the_local_store() {
    let d = demo();
    let store = open(&d);
    let subject = store.citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let areas = store.areas(&cid(ELDERLY)).unwrap();
    let empty_area: String = store
        .connection()
        .query_row(
            "SELECT id FROM cat_areas WHERE id NOT IN (SELECT c.area_id FROM holdings h
               JOIN cat_categories c ON c.id = h.category_id JOIN citizens z ON z.id = h.citizen_id
               WHERE z.public_id = ?1) ORDER BY pos LIMIT 1",
            [ELDERLY],
            |r| r.get(0),
        )
        .unwrap();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let api = Api::start(&settings(&d.path, &issuer)).await;
    let token = issuer.token(&subject);
    let local = LocalSource::open(&d.path).unwrap();
    let who = Principal::Demo(cid(ELDERLY));
    for area in [empty_area.as_str(), "no-such-area"] {
        let got = api
            .get(&format!("/v1/areas/{area}/categories"), &token)
            .await;
        assert_error(&got, 404, "not_found");
        assert_eq!(local.categories(&who, area), Err(SourceError::NotFound));
    }
    // An area with data answers its categories on both.
    let code = &areas[0].code;
    let (status, over_http) = api
        .get(&format!("/v1/areas/{code}/categories"), &token)
        .await;
    assert_eq!(status, 200);
    let here = local.categories(&who, code).unwrap();
    assert_eq!(over_http.as_array().unwrap().len(), here.len());
}
