#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! TLS: a server certificate made in the test is trusted with `ca_file` and refused without it.

mod http_support;

use http_support::{Reply, Server};
use indsigt::domain::Area;
use indsigt::source::http::{HttpError, HttpOptions};
use indsigt::source::{AccessToken, DataSource, HttpSource, Principal, SourceError};
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use std::sync::Arc;
use std::time::Duration;

fn tls_server(cert: &rcgen::CertifiedKey<rcgen::KeyPair>) -> Server {
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(cert.signing_key.serialize_der()));
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(vec![cert.cert.der().clone()], key)
    .unwrap();
    Server::start_on(
        "127.0.0.1:0".parse().unwrap(),
        Some(Arc::new(config)),
        |_| Reply::ok(&Vec::<Area>::new()),
    )
}

fn options(url: &str, dir: &tempfile::TempDir, ca_file: Option<std::path::PathBuf>) -> HttpOptions {
    HttpOptions {
        ca_file,
        connect_timeout: Duration::from_secs(2),
        request_timeout: Duration::from_secs(3),
        retry_attempts: 1,
        ..HttpOptions::new(url, dir.path().join("outbox.db"))
    }
}

#[test]
fn a_certificate_is_trusted_with_ca_file_and_refused_without() {
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let server = tls_server(&cert);
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, cert.cert.pem()).unwrap();
    let who = Principal::Bearer(AccessToken::new("tls-token"));

    let trusting = HttpSource::new(options(&server.url(), &dir, Some(ca))).unwrap();
    assert_eq!(trusting.areas(&who).unwrap(), Vec::<Area>::new());
    assert_eq!(server.requests().len(), 1);
    drop(trusting);

    let dir2 = tempfile::tempdir().unwrap();
    let plain = HttpSource::new(options(&server.url(), &dir2, None)).unwrap();
    let err = plain.areas(&who).unwrap_err();
    match &err {
        SourceError::Unreachable(detail) => {
            assert!(detail.to_lowercase().contains("certificate"), "{detail}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.requests().len(), 1, "no request got through");
}

#[test]
fn a_ca_file_that_is_not_pem_stops_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.pem");
    std::fs::write(&bad, "hello").unwrap();
    let err = HttpSource::new(options("https://localhost:1", &dir, Some(bad))).unwrap_err();
    assert!(matches!(err, HttpError::CaFile { .. }), "{err:?}");
}
