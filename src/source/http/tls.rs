//! The server URL rule (https, or http to loopback only) and the TLS trust: the system's roots plus an
//! optional PEM file. Certificate verification cannot be turned off.

use super::error::HttpError;
use reqwest::Url;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use rustls::{ClientConfig, RootCertStore};
use std::net::IpAddr;
use std::path::Path;
use std::sync::Arc;

/// Installs the `ring` provider as the process default (once; "already installed" is fine).
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Parses the server's base URL: `https://`, or `http://` to a loopback host. The returned string has no
/// trailing `/`, so paths such as `/v1/me` can be appended.
pub fn check_base_url(url: &str) -> Result<String, HttpError> {
    let parsed = Url::parse(url).map_err(|_| HttpError::BadUrl(url.to_owned()))?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(HttpError::BadUrl(url.to_owned()));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(HttpError::BadUrl(url.to_owned()));
    }
    match parsed.scheme() {
        "https" if parsed.host().is_some() => {}
        "http" if is_loopback(&parsed) => {}
        "http" => return Err(HttpError::InsecureUrl(url.to_owned())),
        _ => return Err(HttpError::BadUrl(url.to_owned())),
    }
    Ok(parsed.as_str().trim_end_matches('/').to_owned())
}

/// Whether the URL's host is `localhost`, in 127.0.0.0/8, or `::1`.
fn is_loopback(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The rustls client configuration: the `ring` provider, the system's root certificates (read from the
/// local trust store, so it works offline), plus those in `ca_file`.
pub fn client_config(ca_file: Option<&Path>) -> Result<ClientConfig, HttpError> {
    let mut roots = RootCertStore::empty();
    let native = rustls_native_certs::load_native_certs();
    if !native.errors.is_empty() {
        tracing::warn!(
            errors = native.errors.len(),
            "some system root certificates could not be loaded"
        );
    }
    let (added, ignored) = roots.add_parsable_certificates(native.certs);
    tracing::debug!(added, ignored, "system root certificates");
    if let Some(path) = ca_file {
        for cert in read_pem(path)? {
            roots.add(cert).map_err(|e| HttpError::CaFile {
                path: path.to_owned(),
                reason: e.to_string(),
            })?;
        }
    }
    if roots.is_empty() {
        tracing::warn!("no trusted root certificates: https connections will fail");
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| HttpError::Client(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(config)
}

/// The certificates of a PEM file; at least one.
fn read_pem(path: &Path) -> Result<Vec<CertificateDer<'static>>, HttpError> {
    let fail = |reason: String| HttpError::CaFile {
        path: path.to_owned(),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|e| fail(e.to_string()))?;
    let certs = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| fail(format!("not a PEM file: {e}")))?;
    if certs.is_empty() {
        return Err(fail("it holds no PEM certificate".into()));
    }
    Ok(certs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_http_only_to_loopback() {
        assert_eq!(
            check_base_url("https://indsigt.example.dk/").unwrap(),
            "https://indsigt.example.dk"
        );
        assert_eq!(
            check_base_url("https://example.dk:8443/api/").unwrap(),
            "https://example.dk:8443/api"
        );
        for ok in [
            "http://127.0.0.1:3000",
            "http://127.8.9.10",
            "http://localhost:1",
            "http://[::1]:8080",
        ] {
            assert!(check_base_url(ok).is_ok(), "{ok}");
        }
        for insecure in [
            "http://example.dk",
            "http://10.0.0.1",
            "http://[::2]",
            "http://localhost.example.dk",
        ] {
            assert!(
                matches!(check_base_url(insecure), Err(HttpError::InsecureUrl(_))),
                "{insecure}"
            );
        }
        for bad in [
            "ftp://example.dk",
            "example.dk",
            "https://u:p@example.dk",
            "",
        ] {
            assert!(
                matches!(check_base_url(bad), Err(HttpError::BadUrl(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_missing_or_empty_ca_file_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.pem");
        assert!(matches!(
            client_config(Some(&missing)),
            Err(HttpError::CaFile { .. })
        ));
        let empty = dir.path().join("empty.pem");
        std::fs::write(&empty, "not pem").unwrap();
        let err = client_config(Some(&empty)).unwrap_err();
        assert!(err.to_string().contains("no PEM certificate"), "{err}");
    }
}
