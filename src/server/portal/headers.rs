//! The portal's security headers, on every answer, and its one stylesheet.
//!
//! The Content-Security-Policy allows nothing but the server's own stylesheet: no script, no frame, no
//! third-party source; forms post only here, or go on to the broker (sign-out ends the session there).
//! Every page but the stylesheet is `no-store`: a page with personal data must not stay in the phone's
//! cache for the next person to press Back.

use crate::server::ServerState;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The stylesheet, compiled in.
const CSS: &str = include_str!("../../../assets/portal.css");

pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        CSS,
    )
        .into_response()
}

/// The Content-Security-Policy, with the broker's origin as the only other form target.
pub fn content_security_policy(broker_origin: &str) -> String {
    format!(
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' {broker_origin}; \
         frame-ancestors 'none'; base-uri 'none'"
    )
}

pub async fn security_headers(
    State(state): State<ServerState>,
    req: Request,
    next: Next,
) -> Response {
    let is_css = req.uri().path() == "/portal.css";
    let mut response = next.run(req).await;
    let broker = state
        .portal
        .as_ref()
        .map(|p| p.broker_origin.clone())
        .unwrap_or_default();
    let h = response.headers_mut();
    let mut set = |name: header::HeaderName, value: &str| {
        if let Ok(v) = HeaderValue::from_str(value) {
            h.insert(name, v);
        }
    };
    set(
        header::CONTENT_SECURITY_POLICY,
        &content_security_policy(&broker),
    );
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::REFERRER_POLICY, "no-referrer");
    set(
        header::STRICT_TRANSPORT_SECURITY,
        "max-age=31536000; includeSubDomains",
    );
    set(
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    );
    set(
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        header::HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    );
    if !is_css {
        set(header::CACHE_CONTROL, "no-store");
        set(header::PRAGMA, "no-cache");
    }
    response
}
