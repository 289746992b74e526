#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Token verification on a real server: only a current token of the configured issuer, signed by one of
//! its published keys and for this audience, gets in; everything else is 401 JSON.

mod common;
mod support_server;

use common::{ELDERLY, cid, demo, open};
use serde_json::json;
use support_server::{Api, Issuer, Key, assert_error, settings};

async fn setup(keys: Vec<Key>) -> (common::Demo, Issuer, Api, String) {
    let d = demo();
    let subject = open(&d).citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let issuer = Issuer::start(keys).await;
    let api = Api::start(&settings(&d.path, &issuer)).await;
    (d, issuer, api, subject)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn es256_and_rs256_tokens_are_accepted() {
    let (_d, issuer, api, subject) = setup(vec![Key::es256("ec-1"), Key::rs256("rsa-1")]).await;
    for key in &issuer.keys {
        let token = key.sign(&issuer.claims(&subject));
        let (status, body) = api.get("/v1/me", &token).await;
        assert_eq!(status, 200, "{} {body}", key.kid);
        assert_eq!(body["subject"], subject);
        assert_eq!(body["id"], ELDERLY);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_tokens_are_401_json() {
    let (_d, issuer, api, subject) = setup(vec![Key::es256("ec-1")]).await;
    let key = &issuer.keys[0];
    let now = jiff::Timestamp::now().as_second();
    let with = |patch: serde_json::Value| {
        let mut claims = issuer.claims(&subject);
        for (k, v) in patch.as_object().unwrap() {
            if v.is_null() {
                claims.as_object_mut().unwrap().remove(k);
            } else {
                claims[k] = v.clone();
            }
        }
        key.sign(&claims)
    };
    // No token at all.
    let r = api.http.get(api.url("/v1/me")).send().await.unwrap();
    assert_eq!(r.headers()["www-authenticate"], "Bearer");
    assert_error(&support_server::split(r).await, 401, "unauthorized");
    // Another scheme.
    let r = api
        .http
        .get(api.url("/v1/me"))
        .header("Authorization", "Basic dXNlcjpwYXNz")
        .send()
        .await
        .unwrap();
    assert_error(&support_server::split(r).await, 401, "unauthorized");

    let forger = Key::es256("ec-1"); // same kid, another key
    let cases = [
        ("garbage", "not-a-jwt".to_owned()),
        ("three dots of garbage", "a.b.c".to_owned()),
        ("expired", with(json!({ "exp": now - 120 }))),
        ("no exp", with(json!({ "exp": null }))),
        ("not yet valid", with(json!({ "nbf": now + 600 }))),
        (
            "wrong audience",
            with(json!({ "aud": "https://other.test" })),
        ),
        ("wrong audience list", with(json!({ "aud": ["a", "b"] }))),
        ("wrong issuer", with(json!({ "iss": "https://evil.test" }))),
        ("no subject", with(json!({ "sub": null }))),
        ("forged", forger.sign(&issuer.claims(&subject))),
        (
            "unknown kid",
            Key::es256("nope").sign(&issuer.claims(&subject)),
        ),
    ];
    for (name, token) in cases {
        let got = api.get("/v1/overview", &token).await;
        assert_eq!(got.0, 401, "{name}: {got:?}");
        assert_error(&got, 401, "unauthorized");
    }
    // alg=none with the real claims.
    let claims = URL_SAFE(&issuer.claims(&subject).to_string());
    let none = format!("{}.{claims}.", URL_SAFE(r#"{"alg":"none","typ":"at+jwt"}"#));
    assert_error(&api.get("/v1/me", &none).await, 401, "unauthorized");
    // An HMAC token "signed" with the public key, the classic confusion attack.
    let hs = format!(
        "{}.{claims}.AAAA",
        URL_SAFE(r#"{"alg":"HS256","kid":"ec-1"}"#)
    );
    assert_error(&api.get("/v1/me", &hs).await, 401, "unauthorized");
    // Within the clock skew (expired 30 s ago) is still accepted; audience in a list is fine.
    assert_eq!(
        api.get("/v1/me", &with(json!({ "exp": now - 30 }))).await.0,
        200
    );
    let list = with(json!({ "aud": ["x", support_server::AUDIENCE] }));
    assert_eq!(api.get("/v1/me", &list).await.0, 200);
}

#[allow(non_snake_case)]
fn URL_SAFE(s: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_valid_token_for_an_unknown_subject_is_403() {
    let (_d, issuer, api, _subject) = setup(vec![Key::es256("ec-1")]).await;
    let got = api.get("/v1/me", &issuer.token("no-such-subject")).await;
    assert_error(&got, 403, "unknown_citizen");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rotated_key_is_fetched_on_its_first_use_and_refreshes_are_rate_limited() {
    let (_d, issuer, api, subject) = setup(vec![Key::es256("old")]).await;
    assert_eq!(api.get("/v1/me", &issuer.token(&subject)).await.0, 200);
    let before = issuer.jwks_fetches();
    // The issuer rotates: publishes a new key.
    let new = Key::es256("new");
    issuer.published.lock().unwrap().push(new.jwk.clone());
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(
        api.get("/v1/me", &new.sign(&issuer.claims(&subject)))
            .await
            .0,
        200
    );
    assert_eq!(issuer.jwks_fetches(), before + 1);
    // A flood of unknown key ids makes at most one more fetch within the refresh interval.
    for i in 0..10 {
        let stray = Key::es256(&format!("stray-{i}"));
        assert_eq!(
            api.get("/v1/me", &stray.sign(&issuer.claims(&subject)))
                .await
                .0,
            401
        );
    }
    assert!(
        issuer.jwks_fetches() <= before + 2,
        "{}",
        issuer.jwks_fetches()
    );
}

async fn ready(api: &Api) -> u16 {
    let r = api.http.get(api.url("/readyz")).send().await.unwrap();
    r.status().as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_issuer_down_at_start_gives_503_until_it_answers_then_tokens_pass() {
    let d = demo();
    let subject = open(&d).citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    issuer.set_up(false);
    let api = Api::start(&settings(&d.path, &issuer)).await;
    let token = issuer.token(&subject);
    // The keys could not be had: the token cannot be checked, which is not a bad token.
    assert_error(&api.get("/v1/me", &token).await, 503, "unavailable");
    assert_error(&api.get("/v1/me", &token).await, 503, "unavailable");
    assert_eq!(ready(&api).await, 503);
    issuer.set_up(true);
    // Within the refresh interval (1 s in the tests) the issuer is not asked again; after it, it is.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(api.get("/v1/me", &token).await.0, 200);
    assert_eq!(ready(&api).await, 200);
    // A token signed by a key the issuer does not publish is still refused as such.
    let stray = Key::es256("stray");
    assert_error(
        &api.get("/v1/me", &stray.sign(&issuer.claims(&subject)))
            .await,
        401,
        "unauthorized",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_over_its_rate_limit_gets_429_json_and_others_do_not() {
    let d = demo();
    let subject = open(&d).citizen(&cid(ELDERLY)).unwrap().subject.clone();
    let issuer = Issuer::start(vec![Key::es256("ec-1")]).await;
    let mut s = settings(&d.path, &issuer);
    s.rate_limit_burst = 3;
    s.rate_limit_per_minute = 1;
    let api = Api::start(&s).await;
    let token = issuer.token(&subject);
    for _ in 0..3 {
        assert_eq!(api.get("/v1/overview", &token).await.0, 200);
    }
    assert_error(&api.get("/v1/overview", &token).await, 429, "rate_limited");
    let mut other = issuer.claims(&subject);
    other["jti"] = json!("another");
    assert_eq!(
        api.get("/v1/overview", &issuer.keys[0].sign(&other))
            .await
            .0,
        200
    );
}
