//! The kiosk's OIDC broker client against small local servers that misbehave on purpose: a discovery
//! document without a device endpoint, a non-JSON token answer, an unreachable issuer, and every RFC 8628
//! error code. Each ends in a clear `AuthError` or poll outcome with a sentence in both languages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod http_support;

use http_support::{Reply, Server};
use indsigt::auth::{Broker, BrokerOptions, OidcBroker};
use indsigt::domain::Lang;
use indsigt::i18n::t;
use indsigt::kiosk::device::{AuthError, Poll};
use indsigt::source::AccessToken;
use std::time::Duration;

fn options(issuer: String) -> BrokerOptions {
    BrokerOptions {
        issuer,
        client_id: "indsigt-kiosk".into(),
        scope: "openid".into(),
        resource: Some("https://indsigt.test".into()),
        ca_file: None,
        timeout: Duration::from_secs(2),
    }
}

fn discovery(base: &str, device: bool) -> String {
    let device = if device {
        format!(r#""device_authorization_endpoint":"{base}/device/auth","#)
    } else {
        String::new()
    };
    format!(
        r#"{{"issuer":"{base}",{device}"token_endpoint":"{base}/token","revocation_endpoint":"{base}/revoke"}}"#
    )
}

/// A broker whose token endpoint answers `token` with `status`.
fn broker_with_token_answer(status: u16, token: &'static str) -> (Server, OidcBroker) {
    let base = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let b = base.clone();
    let server = Server::start(move |req| {
        let base = b.lock().unwrap().clone();
        match req.path() {
            "/.well-known/openid-configuration" => Reply::Json(200, discovery(&base, true)),
            "/device/auth" => Reply::Json(
                200,
                format!(
                    r#"{{"device_code":"dc-1","user_code":"WDJBMJHT","verification_uri":"{base}/device","verification_uri_complete":"{base}/device?user_code=WDJBMJHT","expires_in":600,"interval":5}}"#
                ),
            ),
            "/token" => Reply::Json(status, token.to_owned()),
            "/revoke" => Reply::Json(200, "{}".into()),
            _ => Reply::Json(404, "{}".into()),
        }
    });
    *base.lock().unwrap() = server.url();
    let broker = OidcBroker::new(options(server.url())).unwrap();
    (server, broker)
}

fn assert_sentences(e: &AuthError) {
    for lang in [Lang::Da, Lang::En] {
        let s = t(lang, e.message_id());
        assert!(!s.is_empty() && s != e.message_id(), "{e:?} in {lang}");
    }
}

#[test]
fn the_device_flow_against_a_well_behaved_broker() {
    let (server, broker) = broker_with_token_answer(
        200,
        r#"{"access_token":"at","refresh_token":"rt","token_type":"Bearer"}"#,
    );
    let auth = broker.start().unwrap();
    assert_eq!(auth.user_code, "WDJBMJHT");
    assert_eq!(auth.interval, Some(5));
    let Poll::Tokens(tokens) = broker.poll(&auth.device_code) else {
        panic!()
    };
    assert_eq!(tokens.access, AccessToken::new("at"));
    assert_eq!(tokens.refresh, Some(AccessToken::new("rt")));
    broker.revoke(&AccessToken::new("rt"));
    let requests = server.requests();
    let body = |path: &str| {
        let r = requests.iter().find(|r| r.path() == path).unwrap();
        String::from_utf8(r.body.clone()).unwrap()
    };
    let device = body("/device/auth");
    assert!(
        device.contains("client_id=indsigt-kiosk") && device.contains("resource=https"),
        "{device}"
    );
    let token = body("/token");
    assert!(
        token.contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code"),
        "{token}"
    );
    assert!(token.contains("device_code=dc-1"));
    assert!(body("/revoke").contains("token=rt"));
    // Discovery is read once.
    assert_eq!(
        requests
            .iter()
            .filter(|r| r.path() == "/.well-known/openid-configuration")
            .count(),
        1
    );
}

#[test]
fn every_rfc_8628_answer_maps_to_its_outcome() {
    for (status, body, expected) in [
        (400, r#"{"error":"authorization_pending"}"#, Poll::Pending),
        (400, r#"{"error":"slow_down"}"#, Poll::SlowDown),
        (400, r#"{"error":"access_denied"}"#, Poll::Denied),
        (400, r#"{"error":"expired_token"}"#, Poll::Expired),
        (
            400,
            r#"{"error":"invalid_client"}"#,
            Poll::Failed(AuthError::Refused("invalid_client".into())),
        ),
        (503, "busy", Poll::Unreachable),
    ] {
        let (_server, broker) = broker_with_token_answer(status, body);
        assert_eq!(broker.poll(&AccessToken::new("dc-1")), expected, "{body}");
    }
}

#[test]
fn a_non_json_token_answer_is_malformed() {
    let (_server, broker) = broker_with_token_answer(200, "<html>oops</html>");
    assert_eq!(
        broker.poll(&AccessToken::new("dc-1")),
        Poll::Failed(AuthError::Malformed)
    );
    assert_sentences(&AuthError::Malformed);
}

#[test]
fn a_discovery_document_without_a_device_endpoint_is_said_in_words() {
    let base = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let b = base.clone();
    let server = Server::start(move |_| Reply::Json(200, discovery(&b.lock().unwrap(), false)));
    *base.lock().unwrap() = server.url();
    let broker = OidcBroker::new(options(server.url())).unwrap();
    let e = broker.start().unwrap_err();
    assert_eq!(e, AuthError::NoDeviceEndpoint);
    assert_sentences(&e);
}

#[test]
fn an_unreachable_issuer_is_said_in_words_and_polling_goes_on() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let broker = OidcBroker::new(options(format!("http://127.0.0.1:{port}"))).unwrap();
    let e = broker.start().unwrap_err();
    assert_eq!(e, AuthError::Unreachable);
    assert_sentences(&e);
    assert_eq!(broker.poll(&AccessToken::new("dc")), Poll::Unreachable);
}

#[test]
fn a_plain_http_issuer_is_refused_unless_loopback() {
    assert!(OidcBroker::new(options("http://login.example.dk".into())).is_err());
    assert!(OidcBroker::new(options("https://login.example.dk".into())).is_ok());
}
