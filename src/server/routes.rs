//! The route table: the single list of routes that both builds the router and writes `/openapi.json`.

use super::error::ApiError;
use super::state::AppState;
use super::{citizen, ingest, openapi};
use axum::Json;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::routing::{MethodRouter, get, post};
use axum::{Router, middleware};

/// The largest body a citizen endpoint takes.
pub const CITIZEN_BODY_LIMIT: usize = 64 * 1024;
/// The largest body the ingest endpoint takes.
pub const INGEST_BODY_LIMIT: usize = 4 * 1024 * 1024;

/// How a route is authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    None,
    /// `Authorization: Bearer <access token>`; rate limited per token.
    Bearer,
    /// `Authorization: ApiKey <key>` of a line-of-business system.
    ApiKey,
}

/// What a route answers on success.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// A component schema by name.
    Schema(&'static str),
    /// A list of a component schema.
    ListOf(&'static str),
    /// No body.
    Empty,
}

/// One route.
#[derive(Debug, Clone, Copy)]
pub struct RouteSpec {
    pub method: &'static str,
    /// The path in axum's and OpenAPI's shared `{param}` syntax.
    pub path: &'static str,
    pub operation: &'static str,
    pub summary: &'static str,
    pub guard: Guard,
    pub status: u16,
    pub answer: Body,
    /// The request body's schema, if any.
    pub request: Option<&'static str>,
}

const fn route(
    method: &'static str,
    path: &'static str,
    operation: &'static str,
    summary: &'static str,
    guard: Guard,
    status: u16,
    answer: Body,
) -> RouteSpec {
    RouteSpec {
        method,
        path,
        operation,
        summary,
        guard,
        status,
        answer,
        request: None,
    }
}

use Body::{Empty, ListOf, Schema};
use Guard::Bearer;

/// Every route of the API.
#[rustfmt::skip]
pub const ROUTES: &[RouteSpec] = &[
    route("get", "/v1/me", "me", "The signed-in citizen.", Bearer, 200, Schema("Citizen")),
    route("get", "/v1/overview", "overview", "Counts for each section.", Bearer, 200, Schema("Overview")),
    route("get", "/v1/areas", "areas", "The areas the citizen has data in.", Bearer, 200, ListOf("Area")),
    route("get", "/v1/areas/{code}/categories", "categories", "The citizen's data categories in one area.", Bearer, 200, ListOf("CategorySummary")),
    route("get", "/v1/categories/{id}", "category", "One of the citizen's data categories.", Bearer, 200, Schema("DataCategory")),
    route("get", "/v1/purposes", "purposes", "The purposes the citizen's data is used for.", Bearer, 200, ListOf("Purpose")),
    route("get", "/v1/organisations", "organisations", "The organisations in the citizen's visible access log.", Bearer, 200, ListOf("Organisation")),
    route("get", "/v1/access-log", "accessLog", "One page of the citizen's access log, newest first.", Bearer, 200, Schema("AccessPage")),
    route("get", "/v1/access-log/{id}", "accessEvent", "One visible entry of the citizen's access log.", Bearer, 200, Schema("AccessEvent")),
    route("post", "/v1/access-log/{id}/report", "reportAccess", "Files \"I don't recognise this\" (201; a repeat answers the first report with 200).", Bearer, 201, Schema("AccessReport")),
    route("get", "/v1/reports", "reports", "The citizen's reports.", Bearer, 200, ListOf("AccessReport")),
    route("get", "/v1/consents", "consents", "The citizen's consents.", Bearer, 200, ListOf("Consent")),
    route("post", "/v1/consents/{id}/withdraw", "withdrawConsent", "Withdraws a consent (idempotent).", Bearer, 200, Schema("Consent")),
    route("get", "/v1/decision-support", "decisionSupport", "Computer-assisted decisions in the citizen's cases.", Bearer, 200, ListOf("DecisionSupport")),
    RouteSpec { request: Some("KioskVisit"), ..route("post", "/v1/kiosk-visits", "kioskVisit", "Records a kiosk visit in the citizen's own log.", Bearer, 204, Empty) },
    RouteSpec { request: Some("IngestRequest"), ..route("post", "/v1/ingest/access-events", "ingestAccessEvents", "Line-of-business systems post access events.", Guard::ApiKey, 200, Schema("IngestResponse")) },
    route("get", "/healthz", "healthz", "200 while the process runs.", Guard::None, 200, Schema("Status")),
    route("get", "/readyz", "readyz", "200 when the store answers, else 503.", Guard::None, 200, Schema("Status")),
    route("get", "/openapi.json", "openapi", "This document.", Guard::None, 200, Schema("OpenApi")),
];

/// The handler of a route, by its operation id.
fn handler(operation: &str) -> Option<MethodRouter<AppState>> {
    Some(match operation {
        "me" => get(citizen::me),
        "overview" => get(citizen::overview),
        "areas" => get(citizen::areas),
        "categories" => get(citizen::categories),
        "category" => get(citizen::category),
        "purposes" => get(citizen::purposes),
        "organisations" => get(citizen::organisations),
        "accessLog" => get(citizen::access_log),
        "accessEvent" => get(citizen::access_event),
        "reportAccess" => post(citizen::report),
        "reports" => get(citizen::reports),
        "consents" => get(citizen::consents),
        "withdrawConsent" => post(citizen::withdraw),
        "decisionSupport" => get(citizen::decision_support),
        "kioskVisit" => post(citizen::kiosk_visit),
        "ingestAccessEvents" => post(ingest::access_events),
        "healthz" => get(healthz),
        "readyz" => get(readyz),
        "openapi" => get(openapi_json),
        _ => return None,
    })
}

async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok" }))
}

async fn readyz(State(state): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    state
        .pool
        .run(|store| store.ping().map_err(|_| ApiError::unavailable()))
        .await
        .map_err(|_| ApiError::unavailable())?;
    Ok(Json(serde_json::json!({ "status": "ready" })))
}

async fn openapi_json() -> Json<serde_json::Value> {
    Json(openapi::document())
}

async fn no_route() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such route")
}

async fn wrong_method() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this route does not take that method",
    )
}

/// The router: every route of [`ROUTES`], its body limit, the JSON fallbacks and the request log.
pub fn router(state: AppState) -> Router {
    let mut router = Router::new();
    for spec in ROUTES {
        let Some(method_router) = handler(spec.operation) else {
            tracing::error!(operation = spec.operation, "route without a handler");
            continue;
        };
        let limit = match spec.guard {
            Guard::ApiKey => INGEST_BODY_LIMIT,
            _ => CITIZEN_BODY_LIMIT,
        };
        router = router.route(spec.path, method_router.layer(DefaultBodyLimit::max(limit)));
    }
    router
        .fallback(no_route)
        .method_not_allowed_fallback(wrong_method)
        .layer(middleware::from_fn(super::request_log::log_request))
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_has_a_handler_and_a_unique_operation() {
        let mut seen = std::collections::BTreeSet::new();
        for spec in ROUTES {
            assert!(handler(spec.operation).is_some(), "{}", spec.operation);
            assert!(seen.insert(spec.operation), "{}", spec.operation);
        }
    }
}
