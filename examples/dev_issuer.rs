//! A throwaway OIDC issuer for local benchmarks and manual tries: generates an ES256 key, serves the
//! discovery document and the JWKS on 127.0.0.1, prints the issuer URL and a token, and serves until killed.
//!
//! `cargo run --release --example dev_issuer -- <port> <subject> <audience> [valid seconds]`
//! prints the issuer URL, then an access token for `subject`. With `-` as the subject it reads subjects
//! from standard input, one per line, and prints a token for each, in order (for benchmarks that spread
//! requests over many citizens).

use axum::Json;
use axum::routing::get;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::rand::SystemRandom;
use ring::signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, KeyPair};
use serde_json::json;

type Error = Box<dyn std::error::Error + Send + Sync>;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [port, subject, audience, rest @ ..] = args.as_slice() else {
        return Err("usage: dev_issuer <port> <subject|-> <audience> [valid seconds]".into());
    };
    let valid: i64 = rest.first().map(|s| s.parse()).transpose()?.unwrap_or(3600);
    let rng = SystemRandom::new();
    let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
        .map_err(|_| "key generation failed")?;
    let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng)
        .map_err(|_| "key parsing failed")?;
    let point = pair.public_key().as_ref();
    let b64 = |b: &[u8]| URL_SAFE_NO_PAD.encode(b);
    let (x, y) = (
        point.get(1..33).unwrap_or_default(),
        point.get(33..65).unwrap_or_default(),
    );
    let jwk = json!({ "kty": "EC", "crv": "P-256", "kid": "dev", "alg": "ES256", "use": "sig",
                      "x": b64(x), "y": b64(y) });

    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    let url = format!("http://{}", listener.local_addr()?);
    let now = jiff::Timestamp::now().as_second();
    let header = json!({ "alg": "ES256", "typ": "at+jwt", "kid": "dev" });
    let subjects: Vec<String> = if subject == "-" {
        std::io::stdin()
            .lines()
            .map_while(Result::ok)
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect()
    } else {
        vec![subject.clone()]
    };
    println!("{url}");
    for sub in subjects {
        let claims =
            json!({ "iss": url, "aud": audience, "sub": sub, "iat": now, "exp": now + valid });
        let input = format!(
            "{}.{}",
            b64(header.to_string().as_bytes()),
            b64(claims.to_string().as_bytes())
        );
        let sig = pair
            .sign(&rng, input.as_bytes())
            .map_err(|_| "signing failed")?;
        println!("{input}.{}", b64(sig.as_ref()));
    }
    use std::io::Write;
    std::io::stdout().flush()?;

    let discovery = json!({ "issuer": url, "jwks_uri": format!("{url}/jwks") });
    let jwks = json!({ "keys": [jwk] });
    let app = axum::Router::new()
        .route(
            "/.well-known/openid-configuration",
            get(move || async move { Json(discovery) }),
        )
        .route("/jwks", get(move || async move { Json(jwks) }));
    axum::serve(listener, app).await?;
    Ok(())
}
