//! The citizen's own web pages, where the kiosk's "continue online" QR code leads (`/?view=…&lang=…`):
//! server-rendered HTML (askama templates in `templates/portal/`), working with no JavaScript, in Danish
//! and English from the same Fluent files as the kiosk.
//!
//! Sign-in is the OpenID Connect code flow with PKCE against the kiosk's broker ([`signin`]); the session
//! lives in this process's memory ([`session`]) behind a `__Host-` cookie. Every page with personal data
//! is `no-store`, every form that changes something carries the session's CSRF token, and every answer
//! has a strict Content-Security-Policy with no third-party source ([`headers`]).

mod consent_pages;
mod copy;
mod data_pages;
mod headers;
mod log_filter;
mod log_page;
mod pages;
mod render;
pub mod session;
mod signin;
pub mod views;

use crate::auth::code_flow::{CodeFlowClient, CodeFlowError, CodeFlowOptions};
use crate::auth::{Verifier, VerifierSettings};
use crate::config::Server;
use axum::Router;
use axum::routing::{get, post};
use session::{Sessions, Timeouts};
use std::sync::Arc;
use std::time::Duration;

pub use render::Signed;

/// The portal: the broker client, the ID-token verifier, the sessions and the settings.
#[derive(Debug)]
pub struct Portal {
    /// The public address, without a trailing slash.
    pub public_url: String,
    /// The broker's origin, the only other place a form may lead (sign-out goes on to the broker).
    pub broker_origin: String,
    pub flow: CodeFlowClient,
    pub id_tokens: Verifier,
    pub sessions: Sessions,
    pub timeouts: Timeouts,
    /// How to reach the data protection officer (`[server.portal] dpo_contact`).
    pub dpo_contact: Option<String>,
}

/// Why the portal could not be set up from the configuration.
#[derive(Debug, thiserror::Error)]
pub enum PortalSetupError {
    #[error("the portal needs [server] issuer and audience")]
    NoIssuer,
    #[error("the portal's client secret file could not be read: {0}")]
    Secret(String),
    #[error("the portal's sign-in could not be set up: {0}")]
    Flow(#[from] CodeFlowError),
}

impl Portal {
    /// The portal of `settings`, if `[server.portal]` is set.
    pub fn from_settings(settings: &Server) -> Result<Option<Portal>, PortalSetupError> {
        let Some(p) = &settings.portal else {
            return Ok(None);
        };
        let issuer = settings.issuer.clone().ok_or(PortalSetupError::NoIssuer)?;
        let public_url = p.public_url.trim_end_matches('/').to_owned();
        let client_secret = match &p.client_secret_file {
            Some(path) => Some(
                std::fs::read_to_string(path)
                    .map_err(|e| PortalSetupError::Secret(format!("{}: {e}", path.display())))?
                    .trim()
                    .to_owned(),
            ),
            None => None,
        };
        let flow = CodeFlowClient::new(CodeFlowOptions {
            issuer: issuer.clone(),
            client_id: p.client_id.clone(),
            client_secret,
            redirect_uri: format!("{public_url}/signin/callback"),
            scope: p.scope.clone(),
            resource: settings.audience.clone(),
            timeout: Duration::from_secs(10),
        })?;
        let id_tokens = Verifier::new(VerifierSettings {
            issuer: issuer.clone(),
            audience: p.client_id.clone(),
            subject_claim: "sub".into(),
            name_claim: None,
            privileges_claim: None,
            role_claim: None,
            jwks_max_age: Duration::from_secs(settings.jwks_max_age_secs),
            jwks_min_refresh: Duration::from_secs(settings.jwks_min_refresh_secs),
        });
        Ok(Some(Portal {
            public_url,
            broker_origin: origin(&issuer),
            flow,
            id_tokens,
            sessions: Sessions::default(),
            dpo_contact: p.dpo_contact.clone(),
            timeouts: Timeouts {
                idle_secs: p.idle_timeout_secs as i64,
                max_secs: p.session_max_secs as i64,
            },
        }))
    }

    /// Drops timed-out sessions every minute, so memory holds only live ones.
    pub fn spawn_sweeper(portal: Arc<Portal>) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(60)).await;
                portal
                    .sessions
                    .sweep(jiff::Timestamp::now().as_second(), portal.timeouts);
            }
        })
    }
}

/// `scheme://host[:port]` of a URL.
fn origin(url: &str) -> String {
    reqwest::Url::parse(url)
        .map(|u| u.origin().ascii_serialization())
        .unwrap_or_default()
}

/// The portal's routes: each path with its handler, once; every answer gets the security headers.
pub fn routes(state: &crate::server::ServerState) -> Router<crate::server::ServerState> {
    Router::new()
        .route("/", get(signin::landing))
        .route("/portal.css", get(headers::stylesheet))
        .route("/signin", get(signin::start))
        .route("/signin/callback", get(signin::callback))
        .route("/signout", post(signin::signout))
        .route("/signed-out", get(signin::signed_out))
        .route("/overview", get(pages::overview))
        .route("/data", get(data_pages::data))
        .route("/data/{area}", get(data_pages::area))
        .route("/category/{id}", get(data_pages::category))
        .route("/purposes", get(data_pages::purposes))
        .route("/access-log", get(log_page::access_log))
        .route("/access-log/{id}", get(log_page::entry))
        .route("/access-log/{id}/report", post(log_page::report))
        .route("/consents", get(consent_pages::consents))
        .route("/consents/{id}/withdraw", post(consent_pages::withdraw))
        .route("/requests", get(consent_pages::requests))
        .route("/decisions", get(pages::decisions))
        .route("/systems", get(pages::systems))
        .route("/rights", get(pages::rights))
        .route("/copy", get(copy::page))
        .route("/copy.json", get(copy::json))
        .route("/copy.html", get(copy::printable))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            headers::security_headers,
        ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_origin_keeps_scheme_host_and_port() {
        assert_eq!(
            super::origin("https://broker.example/realms/x"),
            "https://broker.example"
        );
        assert_eq!(
            super::origin("http://127.0.0.1:4444"),
            "http://127.0.0.1:4444"
        );
    }
}
