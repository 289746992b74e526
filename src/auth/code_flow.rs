//! The portal's sign-in on the citizen's phone: the OpenID Connect authorization code flow with PKCE
//! (RFC 7636, S256) against the same broker as the kiosk. Discovery, the authorization URL, the code
//! exchange (one form POST) and RP-initiated logout; the ID token is verified by [`super::Verifier`].
//! No OAuth crate (see DESIGN §3).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::rand::{SecureRandom, SystemRandom};
use serde::Deserialize;
use std::time::Duration;
use thiserror::Error;
use zeroize::Zeroizing;

/// The largest answer read from the broker.
const MAX_BODY: usize = 256 * 1024;

/// Why a sign-in on the phone failed. Texts name no token, code or claim value.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum CodeFlowError {
    #[error("the sign-in service does not answer")]
    Unreachable,
    #[error("the sign-in service answered something unexpected")]
    Malformed,
    #[error("the sign-in service refused: {0}")]
    Refused(String),
}

impl CodeFlowError {
    pub fn message_id(&self) -> &'static str {
        match self {
            CodeFlowError::Unreachable => "portal-signin-unreachable",
            CodeFlowError::Malformed | CodeFlowError::Refused(_) => "portal-signin-failed",
        }
    }
}

/// `n` random bytes as base64url, for `state`, `nonce`, PKCE verifiers, session ids and CSRF tokens.
pub fn random_token(n: usize) -> Result<String, CodeFlowError> {
    let mut bytes = Zeroizing::new(vec![0u8; n]);
    SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| CodeFlowError::Refused("no randomness".into()))?;
    Ok(URL_SAFE_NO_PAD.encode(&bytes[..]))
}

/// The S256 code challenge of a PKCE verifier: base64url(SHA-256(verifier)).
pub fn challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(ring::digest::digest(
        &ring::digest::SHA256,
        verifier.as_bytes(),
    ))
}

/// Where the portal is and who it is at the broker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeFlowOptions {
    pub issuer: String,
    pub client_id: String,
    /// For a confidential client: sent with HTTP Basic at the token endpoint.
    pub client_secret: Option<String>,
    pub redirect_uri: String,
    pub scope: String,
    /// Sent as `resource` (RFC 8707), so the access token is for the Indsigt API.
    pub resource: Option<String>,
    pub timeout: Duration,
}

/// The endpoints from the discovery document.
#[derive(Debug, Clone, Deserialize)]
struct Endpoints {
    authorization_endpoint: String,
    token_endpoint: String,
    #[serde(default)]
    end_session_endpoint: Option<String>,
}

/// What the code exchange gave: both tokens, held only in memory.
pub struct CodeTokens {
    pub access_token: Zeroizing<String>,
    pub id_token: Zeroizing<String>,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    id_token: Option<String>,
}

#[derive(Deserialize)]
struct ErrorAnswer {
    error: String,
}

/// One login's secrets, made when it starts and checked when the broker sends the citizen back.
pub struct LoginStart {
    pub state: String,
    pub nonce: Zeroizing<String>,
    pub verifier: Zeroizing<String>,
}

impl LoginStart {
    pub fn new() -> Result<LoginStart, CodeFlowError> {
        Ok(LoginStart {
            state: random_token(32)?,
            nonce: Zeroizing::new(random_token(32)?),
            verifier: Zeroizing::new(random_token(48)?),
        })
    }
}

/// The broker as the portal uses it. Discovery happens on first use, and again after a failure.
pub struct CodeFlowClient {
    options: CodeFlowOptions,
    http: reqwest::Client,
    endpoints: tokio::sync::Mutex<Option<Endpoints>>,
}

impl std::fmt::Debug for CodeFlowClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CodeFlowClient")
            .field("issuer", &self.options.issuer)
            .finish_non_exhaustive()
    }
}

impl CodeFlowClient {
    pub fn new(options: CodeFlowOptions) -> Result<CodeFlowClient, CodeFlowError> {
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(
                crate::source::http::tls::client_config(None)
                    .map_err(|e| CodeFlowError::Refused(e.to_string()))?,
            )
            .connect_timeout(options.timeout.min(Duration::from_secs(5)))
            .timeout(options.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("indsigt-portal/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|_| CodeFlowError::Unreachable)?;
        Ok(CodeFlowClient {
            options,
            http,
            endpoints: tokio::sync::Mutex::new(None),
        })
    }

    async fn endpoints(&self) -> Result<Endpoints, CodeFlowError> {
        let mut cached = self.endpoints.lock().await;
        if let Some(e) = cached.as_ref() {
            return Ok(e.clone());
        }
        let response = self
            .http
            .get(super::discovery::url(&self.options.issuer))
            .send()
            .await
            .map_err(|_| CodeFlowError::Unreachable)?;
        let status = response.status().as_u16();
        let body = read(response).await?;
        let endpoints: Endpoints =
            super::discovery::document(status, &body).map_err(|f| match f {
                super::discovery::Fault::Malformed => CodeFlowError::Malformed,
                f => CodeFlowError::Refused(f.refusal()),
            })?;
        for url in [&endpoints.authorization_endpoint, &endpoints.token_endpoint] {
            crate::source::http::tls::check_base_url(url)
                .map_err(|e| CodeFlowError::Refused(e.to_string()))?;
        }
        *cached = Some(endpoints.clone());
        Ok(endpoints)
    }

    /// The broker's address to send the citizen to, for this login, in `lang` (`ui_locales`).
    pub async fn authorize_url(
        &self,
        login: &LoginStart,
        lang: &str,
    ) -> Result<String, CodeFlowError> {
        let e = self.endpoints().await?;
        let o = &self.options;
        let challenge = challenge(&login.verifier);
        let mut query: Vec<(&str, &str)> = vec![
            ("response_type", "code"),
            ("client_id", &o.client_id),
            ("redirect_uri", &o.redirect_uri),
            ("scope", &o.scope),
            ("state", &login.state),
            ("nonce", &login.nonce),
            ("code_challenge", &challenge),
            ("code_challenge_method", "S256"),
            ("ui_locales", lang),
        ];
        if let Some(r) = &o.resource {
            query.push(("resource", r));
        }
        let url = reqwest::Url::parse_with_params(&e.authorization_endpoint, &query)
            .map_err(|_| CodeFlowError::Malformed)?;
        Ok(url.into())
    }

    /// Exchanges the code the broker sent back for the tokens, proving the login with its verifier.
    pub async fn exchange(
        &self,
        code: &str,
        login: &LoginStart,
    ) -> Result<CodeTokens, CodeFlowError> {
        let e = self.endpoints().await?;
        let o = &self.options;
        let mut form: Vec<(&str, &str)> = vec![
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", &o.redirect_uri),
            ("code_verifier", &login.verifier),
        ];
        if let Some(r) = &o.resource {
            form.push(("resource", r));
        }
        let mut request = self.http.post(&e.token_endpoint);
        match &o.client_secret {
            Some(secret) => request = request.basic_auth(&o.client_id, Some(secret)),
            None => form.push(("client_id", &o.client_id)),
        }
        let response = request
            .form(&form)
            .send()
            .await
            .map_err(|_| CodeFlowError::Unreachable)?;
        let status = response.status();
        let body = Zeroizing::new(read(response).await?);
        if !status.is_success() {
            let error = serde_json::from_slice::<ErrorAnswer>(&body)
                .map(|a| a.error)
                .unwrap_or_else(|_| format!("HTTP {}", status.as_u16()));
            return Err(CodeFlowError::Refused(error));
        }
        let answer: TokenAnswer =
            serde_json::from_slice(&body).map_err(|_| CodeFlowError::Malformed)?;
        let id_token = answer.id_token.ok_or(CodeFlowError::Malformed)?;
        Ok(CodeTokens {
            access_token: Zeroizing::new(answer.access_token),
            id_token: Zeroizing::new(id_token),
        })
    }

    /// The broker's logout address (RP-initiated logout), if it offers one: it ends the citizen's session
    /// there too and sends them back to `after` (a registered address) with `state` set to `lang`.
    pub async fn end_session_url(&self, id_token: &str, after: &str, lang: &str) -> Option<String> {
        let e = self.endpoints().await.ok()?;
        let end = e.end_session_endpoint?;
        let query = [
            ("id_token_hint", id_token),
            ("post_logout_redirect_uri", after),
            ("client_id", self.options.client_id.as_str()),
            ("ui_locales", lang),
            ("state", lang),
        ];
        reqwest::Url::parse_with_params(&end, &query)
            .ok()
            .map(String::from)
    }
}

async fn read(response: reqwest::Response) -> Result<Vec<u8>, CodeFlowError> {
    if response
        .content_length()
        .is_some_and(|n| n > MAX_BODY as u64)
    {
        return Err(CodeFlowError::Malformed);
    }
    let body = response
        .bytes()
        .await
        .map_err(|_| CodeFlowError::Unreachable)?;
    if body.len() > MAX_BODY {
        return Err(CodeFlowError::Malformed);
    }
    Ok(body.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_challenge_is_base64url_of_sha256_without_padding() {
        // Computed apart, with Python's hashlib and base64.urlsafe_b64encode.
        assert_eq!(
            challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r2wW1gFWFOEjXk"),
            "dZrJz5b___3oA5uVny1DZqEO9NM98brdg_f4AEY03Bc"
        );
    }

    #[test]
    fn random_tokens_are_long_and_differ() {
        let (a, b) = (random_token(32).unwrap(), random_token(32).unwrap());
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
    }
}
