//! The municipality's OIDC broker over HTTPS: discovery, the device authorization grant (RFC 8628), the
//! refresh grant, and token revocation (RFC 7009). Two form POSTs and a GET; no OAuth crate.

use super::Broker;
use crate::domain::port::AccessToken;
use crate::kiosk::device::{AuthError, DeviceAuthorization, Poll, Tokens};
use crate::source::http::tls;
use reqwest::blocking::Client;
use serde::Deserialize;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

/// The largest answer read from the broker.
const MAX_BODY: u64 = 256 * 1024;
const DEVICE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

/// Where the broker is and who the kiosk is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokerOptions {
    pub issuer: String,
    pub client_id: String,
    pub scope: String,
    /// Sent as `resource` (RFC 8707), so the access token is for the Indsigt API.
    pub resource: Option<String>,
    pub ca_file: Option<PathBuf>,
    pub timeout: Duration,
}

impl BrokerOptions {
    pub fn from_config(config: &crate::config::Config) -> Option<BrokerOptions> {
        let a = &config.auth;
        Some(BrokerOptions {
            issuer: a.issuer.clone()?,
            client_id: a.client_id.clone()?,
            scope: a.scope.clone().unwrap_or_else(|| "openid".into()),
            resource: a.audience.clone(),
            ca_file: config.source.ca_file.clone(),
            timeout: Duration::from_secs(config.source.request_timeout_secs.max(1)),
        })
    }
}

/// The endpoints from the discovery document.
#[derive(Debug, Clone, Deserialize)]
struct Endpoints {
    device_authorization_endpoint: Option<String>,
    token_endpoint: Option<String>,
    revocation_endpoint: Option<String>,
}

/// The broker. Discovery happens on first use, so a broker that is down at start-up is only an error
/// on the sign-in screen, and it is tried again at the next sign-in.
pub struct OidcBroker {
    options: BrokerOptions,
    client: Client,
    endpoints: Mutex<Option<Endpoints>>,
}

impl std::fmt::Debug for OidcBroker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcBroker")
            .field("issuer", &self.options.issuer)
            .finish_non_exhaustive()
    }
}

#[derive(Deserialize)]
struct DeviceAnswer {
    device_code: String,
    user_code: String,
    verification_uri: String,
    verification_uri_complete: Option<String>,
    expires_in: u64,
    interval: Option<u64>,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    refresh_token: Option<String>,
}

#[derive(Deserialize)]
struct ErrorAnswer {
    error: String,
}

/// What one POST gave: a status and a (bounded) body.
struct Answer {
    status: u16,
    body: Vec<u8>,
}

impl OidcBroker {
    /// A broker for `options`. The issuer must be `https://` (or `http://` on loopback, for tests).
    pub fn new(options: BrokerOptions) -> Result<OidcBroker, AuthError> {
        tls::check_base_url(&options.issuer).map_err(|e| AuthError::Refused(e.to_string()))?;
        tls::install_crypto_provider();
        let config = tls::client_config(options.ca_file.as_deref())
            .map_err(|e| AuthError::Refused(e.to_string()))?;
        let client = Client::builder()
            .tls_backend_preconfigured(config)
            .connect_timeout(options.timeout.min(Duration::from_secs(5)))
            .timeout(options.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("indsigt-kiosk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|_| AuthError::Unreachable)?;
        Ok(OidcBroker {
            options,
            client,
            endpoints: Mutex::new(None),
        })
    }

    fn endpoints(&self) -> Result<Endpoints, AuthError> {
        let mut cached = self.endpoints.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(e) = cached.as_ref() {
            return Ok(e.clone());
        }
        let response = self
            .client
            .get(super::discovery::url(&self.options.issuer))
            .send()
            .map_err(|_| AuthError::Unreachable)?;
        let status = response.status().as_u16();
        let body = read(response)?;
        let endpoints: Endpoints =
            super::discovery::document(status, &body).map_err(|f| match f {
                super::discovery::Fault::Malformed => AuthError::Malformed,
                f => AuthError::Refused(f.refusal()),
            })?;
        if endpoints.device_authorization_endpoint.is_none() || endpoints.token_endpoint.is_none() {
            return Err(AuthError::NoDeviceEndpoint);
        }
        *cached = Some(endpoints.clone());
        Ok(endpoints)
    }

    fn post(&self, url: &str, form: &[(&str, &str)]) -> Result<Answer, AuthError> {
        let response = self
            .client
            .post(url)
            .form(form)
            .send()
            .map_err(|_| AuthError::Unreachable)?;
        let status = response.status().as_u16();
        Ok(Answer {
            status,
            body: read(response)?,
        })
    }

    fn token_endpoint(&self) -> Result<String, AuthError> {
        self.endpoints()?
            .token_endpoint
            .ok_or(AuthError::NoDeviceEndpoint)
    }
}

fn read(response: reqwest::blocking::Response) -> Result<Vec<u8>, AuthError> {
    use std::io::Read;
    let mut body = Vec::new();
    response
        .take(MAX_BODY + 1)
        .read_to_end(&mut body)
        .map_err(|_| AuthError::Unreachable)?;
    if body.len() as u64 > MAX_BODY {
        return Err(AuthError::Malformed);
    }
    Ok(body)
}

fn tokens(body: &[u8]) -> Result<Tokens, AuthError> {
    let t: TokenAnswer = serde_json::from_slice(body).map_err(|_| AuthError::Malformed)?;
    Ok(Tokens {
        access: AccessToken::new(t.access_token),
        refresh: t.refresh_token.map(AccessToken::new),
    })
}

fn error_code(body: &[u8]) -> Option<String> {
    serde_json::from_slice::<ErrorAnswer>(body)
        .ok()
        .map(|e| e.error)
}

impl Broker for OidcBroker {
    fn start(&self) -> Result<DeviceAuthorization, AuthError> {
        let endpoint = self
            .endpoints()?
            .device_authorization_endpoint
            .ok_or(AuthError::NoDeviceEndpoint)?;
        let mut form = vec![
            ("client_id", self.options.client_id.as_str()),
            ("scope", self.options.scope.as_str()),
        ];
        if let Some(r) = self.options.resource.as_deref() {
            form.push(("resource", r));
        }
        let answer = self.post(&endpoint, &form)?;
        if !(200..300).contains(&answer.status) {
            return Err(match error_code(&answer.body) {
                Some(code) => AuthError::Refused(code),
                None => AuthError::Malformed,
            });
        }
        let d: DeviceAnswer =
            serde_json::from_slice(&answer.body).map_err(|_| AuthError::Malformed)?;
        Ok(DeviceAuthorization {
            device_code: AccessToken::new(d.device_code),
            user_code: d.user_code,
            verification_uri: d.verification_uri,
            verification_uri_complete: d.verification_uri_complete,
            expires_in: d.expires_in,
            interval: d.interval,
        })
    }

    fn poll(&self, device_code: &AccessToken) -> Poll {
        let endpoint = match self.token_endpoint() {
            Ok(e) => e,
            Err(AuthError::Unreachable) => return Poll::Unreachable,
            Err(e) => return Poll::Failed(e),
        };
        let form = [
            ("grant_type", DEVICE_GRANT),
            ("device_code", device_code.expose()),
            ("client_id", self.options.client_id.as_str()),
        ];
        let answer = match self.post(&endpoint, &form) {
            Ok(a) => a,
            Err(AuthError::Unreachable) => return Poll::Unreachable,
            Err(e) => return Poll::Failed(e),
        };
        if (200..300).contains(&answer.status) {
            return match tokens(&answer.body) {
                Ok(t) => Poll::Tokens(t),
                Err(e) => Poll::Failed(e),
            };
        }
        if answer.status >= 500 {
            return Poll::Unreachable;
        }
        match error_code(&answer.body).as_deref() {
            Some("authorization_pending") => Poll::Pending,
            Some("slow_down") => Poll::SlowDown,
            Some("access_denied") => Poll::Denied,
            Some("expired_token") => Poll::Expired,
            Some(other) => Poll::Failed(AuthError::Refused(other.to_owned())),
            None => Poll::Failed(AuthError::Malformed),
        }
    }

    fn refresh(&self, refresh: &AccessToken) -> Result<Tokens, AuthError> {
        let endpoint = self.token_endpoint()?;
        let form = [
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh.expose()),
            ("client_id", self.options.client_id.as_str()),
        ];
        let answer = self.post(&endpoint, &form)?;
        if !(200..300).contains(&answer.status) {
            return Err(AuthError::Refused(
                error_code(&answer.body).unwrap_or_default(),
            ));
        }
        tokens(&answer.body)
    }

    fn revoke(&self, token: &AccessToken) {
        let Ok(Some(endpoint)) = self.endpoints().map(|e| e.revocation_endpoint) else {
            return;
        };
        let form = [
            ("token", token.expose()),
            ("token_type_hint", "refresh_token"),
            ("client_id", self.options.client_id.as_str()),
        ];
        match self.post(&endpoint, &form) {
            Ok(a) => tracing::debug!(status = a.status, "refresh token revoked"),
            Err(e) => tracing::debug!(error = e.message_id(), "revocation failed"),
        }
    }
}
