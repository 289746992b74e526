//! The portal's callback against a broker that answers what each test wants: the ID token must be signed
//! by the broker's key, for the portal's client, current, and carry this login's nonce; the access token
//! must be for the API; the code is exchanged with the login's PKCE verifier. Any other answer gives the
//! "sign-in failed" page and no session.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod support_server;

use axum::Json;
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use common::{ELDERLY, demo, open};
use indsigt::config::Portal;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use support_server::issuer::Key;
use support_server::{AUDIENCE, settings_for};

const CLIENT: &str = "indsigt-portal";

/// What the fake broker's token endpoint answers, and the forms it was sent.
#[derive(Default)]
struct Broker {
    answer: (u16, String),
    forms: Vec<HashMap<String, String>>,
}

async fn start_broker(keys: Arc<Vec<Value>>) -> (String, Arc<Mutex<Broker>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let state = Arc::new(Mutex::new(Broker::default()));
    let discovery = json!({
        "issuer": url, "jwks_uri": format!("{url}/jwks"), "token_endpoint": format!("{url}/token"),
        "authorization_endpoint": format!("{url}/auth"), "end_session_endpoint": format!("{url}/logout"),
    });
    let s = state.clone();
    let app = axum::Router::new()
        .route(
            "/.well-known/openid-configuration",
            get(move || async move { Json(discovery) }),
        )
        .route(
            "/jwks",
            get(move || async move { Json(json!({ "keys": *keys })) }),
        )
        .route(
            "/token",
            post(
                move |form: axum::extract::Form<HashMap<String, String>>| async move {
                    let mut b = s.lock().unwrap();
                    b.forms.push(form.0);
                    let (status, body) = b.answer.clone();
                    (
                        axum::http::StatusCode::from_u16(status).unwrap(),
                        [("content-type", "application/json")],
                        body,
                    )
                },
            ),
        );
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, state)
}

fn query_of(url: &str) -> HashMap<String, String> {
    reqwest::Url::parse(url)
        .unwrap()
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn login_cookie(r: &reqwest::Response) -> String {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with("__Host-indsigt-login="))
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_callback_trusts_only_a_proper_id_token() {
    let d = demo();
    let subject = open(&d)
        .citizen(&common::cid(ELDERLY))
        .unwrap()
        .subject
        .clone();
    let (key, stranger) = (Key::es256("broker-key"), Key::es256("not-published"));
    let (broker, answers) = start_broker(Arc::new(vec![key.jwk.clone()])).await;
    let port = common::procs::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut settings = settings_for(&d.path, &broker);
    settings.listen = format!("127.0.0.1:{port}");
    settings.portal = Some(Portal {
        public_url: base.clone(),
        client_id: CLIENT.into(),
        client_secret_file: None,
        scope: "openid".into(),
        dpo_contact: Some("dpo@test.dk".into()),
        idle_timeout_secs: 900,
        session_max_secs: 3600,
    });
    let (settings, _pg) = support_server::for_engine(&settings).await;
    let _running = indsigt::server::start(&settings, None).await.unwrap();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let now = jiff::Timestamp::now().as_second();
    let access = key.sign(
        &json!({ "iss": broker, "aud": AUDIENCE, "sub": subject, "exp": now + 300, "iat": now }),
    );
    let id_token = |signer: &Key, aud: &str, nonce: &str, exp: i64| {
        signer.sign(&json!({ "iss": broker, "aud": aud, "sub": subject, "exp": exp, "iat": now, "nonce": nonce }))
    };
    // (case, the token endpoint's answer for this login's nonce, whether it signs in)
    type Answer<'a> = Box<dyn Fn(&str) -> (u16, String) + 'a>;
    let good = |nonce: &str| {
        json!({ "access_token": access, "id_token": id_token(&key, CLIENT, nonce, now + 300), "token_type": "Bearer" }).to_string()
    };
    let cases: Vec<(&str, Answer<'_>, bool)> = vec![
        (
            "a proper answer",
            Box::new(move |n: &str| (200, good(n))),
            true,
        ),
        (
            "the wrong nonce",
            Box::new(|_: &str| {
                (200, json!({ "access_token": access, "id_token": id_token(&key, CLIENT, "another-login", now + 300) }).to_string())
            }),
            false,
        ),
        (
            "the wrong audience",
            Box::new(|n: &str| {
                (200, json!({ "access_token": access, "id_token": id_token(&key, "someone-else", n, now + 300) }).to_string())
            }),
            false,
        ),
        (
            "an unknown key",
            Box::new(|n: &str| {
                (200, json!({ "access_token": access, "id_token": id_token(&stranger, CLIENT, n, now + 300) }).to_string())
            }),
            false,
        ),
        (
            "expired",
            Box::new(|n: &str| {
                (200, json!({ "access_token": access, "id_token": id_token(&key, CLIENT, n, now - 3600) }).to_string())
            }),
            false,
        ),
        (
            "an access token for another API",
            Box::new(|n: &str| {
                (200, json!({ "access_token": key.sign(&json!({ "iss": broker, "aud": "https://other.api", "sub": subject, "exp": now + 300 })), "id_token": id_token(&key, CLIENT, n, now + 300) }).to_string())
            }),
            false,
        ),
        (
            "no ID token",
            Box::new(|_: &str| (200, json!({ "access_token": access }).to_string())),
            false,
        ),
        (
            "a refused code",
            Box::new(|_: &str| (400, json!({ "error": "invalid_grant" }).to_string())),
            false,
        ),
        (
            "not JSON",
            Box::new(|_: &str| (200, "<html>".to_owned())),
            false,
        ),
    ];
    for (case, answer, signs_in) in cases {
        let start = http
            .get(format!("{base}/signin?view=consents&lang=en"))
            .send()
            .await
            .unwrap();
        assert_eq!(start.status(), 303, "{case}");
        let cookie = login_cookie(&start);
        let to = start.headers()["location"].to_str().unwrap().to_owned();
        assert!(to.starts_with(&format!("{broker}/auth?")), "{to}");
        let q = query_of(&to);
        assert_eq!(q["client_id"], CLIENT);
        assert_eq!(q["code_challenge_method"], "S256");
        assert_eq!(q["redirect_uri"], format!("{base}/signin/callback"));
        assert_eq!(q["resource"], AUDIENCE);
        answers.lock().unwrap().answer = answer(&q["nonce"]);
        let back = http
            .get(format!(
                "{base}/signin/callback?code=c-1&state={}",
                q["state"]
            ))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        let status = back.status().as_u16();
        let session = back.headers().get_all("set-cookie").iter().any(|c| {
            c.to_str().unwrap().starts_with("__Host-indsigt-session=")
                && !c.to_str().unwrap().contains("Max-Age=0")
        });
        let body = back.text().await.unwrap();
        if signs_in {
            assert_eq!((status, session), (303, true), "{case}: {body}");
        } else {
            assert_eq!((status, session), (400, false), "{case}");
            assert!(body.contains("Sign-in did not work"), "{case}: {body}");
        }
        // The code was sent with the verifier whose S256 challenge the login sent.
        let form = answers.lock().unwrap().forms.last().cloned().unwrap();
        let digest = ring::digest::digest(&ring::digest::SHA256, form["code_verifier"].as_bytes());
        assert_eq!(
            URL_SAFE_NO_PAD.encode(digest),
            q["code_challenge"],
            "{case}"
        );
        assert_eq!(form["grant_type"], "authorization_code");
        assert_eq!(form["code"], "c-1");
    }
}
