//! The route table: the single list of routes, each with its handler, that both builds the router and
//! writes `/openapi.json`.

use super::error::ApiError;
use super::spec::{Body, Guard, Method, RouteSpec, handler};
use super::state::ServerState;
use super::{
    assisted, citizen, dpo, feedback, fhir, ingest, ingest_records, ingest_relations, openapi,
    systems_feed,
};
use axum::Json;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::{Router, middleware};

/// The largest body a citizen endpoint takes.
pub const CITIZEN_BODY_LIMIT: usize = 64 * 1024;
/// The largest body the ingest endpoint takes.
pub const INGEST_BODY_LIMIT: usize = 4 * 1024 * 1024;

use Body::{Empty, ListOf, Schema};
use Guard::Bearer;
use Method::{Get, Post};

#[allow(clippy::too_many_arguments)]
const fn route(
    method: Method,
    path: &'static str,
    operation: &'static str,
    summary: &'static str,
    guard: Guard,
    status: u16,
    answer: Body,
    handler: super::spec::MakeHandler,
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
        handler,
    }
}

/// Every route of the API.
#[rustfmt::skip]
pub const ROUTES: &[RouteSpec] = &[
    route(Get, "/v1/me", "me", "The signed-in citizen.", Bearer, 200, Schema("Citizen"), handler!(citizen::me)),
    route(Get, "/v1/represented", "represented", "Whom the signed-in citizen may act for (children in custody, powers of attorney); send a handle in X-Indsigt-Acting-For.", Bearer, 200, ListOf("Represented"), handler!(citizen::represented)),
    route(Get, "/v1/overview", "overview", "Counts for each section.", Bearer, 200, Schema("Overview"), handler!(citizen::overview)),
    route(Get, "/v1/areas", "areas", "The areas the citizen has data in.", Bearer, 200, ListOf("Area"), handler!(citizen::areas)),
    route(Get, "/v1/areas/{code}/categories", "categories", "The citizen's data categories in one area.", Bearer, 200, ListOf("CategorySummary"), handler!(citizen::categories)),
    route(Get, "/v1/categories/{id}", "category", "One of the citizen's data categories.", Bearer, 200, Schema("DataCategory"), handler!(citizen::category)),
    route(Get, "/v1/purposes", "purposes", "The purposes the citizen's data is used for.", Bearer, 200, ListOf("Purpose"), handler!(citizen::purposes)),
    route(Get, "/v1/organisations", "organisations", "The organisations in the citizen's visible access log.", Bearer, 200, ListOf("Organisation"), handler!(citizen::organisations)),
    route(Get, "/v1/access-log", "accessLog", "One page of the citizen's access log, newest first.", Bearer, 200, Schema("AccessPage"), handler!(citizen::access_log)),
    route(Get, "/v1/access-log/{id}", "accessEvent", "One visible entry of the citizen's access log.", Bearer, 200, Schema("AccessEvent"), handler!(citizen::access_event)),
    RouteSpec { request: Some("Filing"), ..route(Post, "/v1/access-log/{id}/report", "reportAccess", "Files \"I don't recognise this\" (201; a repeat answers the first report with 200), for the DPO.", Bearer, 201, Schema("AccessReport"), handler!(citizen::report)) },
    route(Get, "/v1/reports", "reports", "The citizen's reports.", Bearer, 200, ListOf("AccessReport"), handler!(citizen::reports)),
    route(Get, "/v1/consents", "consents", "The citizen's consents.", Bearer, 200, ListOf("Consent"), handler!(citizen::consents)),
    RouteSpec { request: Some("Filing"), ..route(Post, "/v1/consents/{id}/withdraw", "withdrawConsent", "Withdraws a consent (idempotent) and sends the withdrawal to the system that holds it.", Bearer, 200, Schema("Consent"), handler!(citizen::withdraw)) },
    route(Get, "/v1/requests", "requests", "The citizen's requests (withdrawals and reports), newest first, with status and answer.", Bearer, 200, ListOf("CitizenRequest"), handler!(citizen::requests)),
    route(Post, "/v1/requests/seen", "requestsSeen", "The citizen has seen their requests: nothing is new on the overview until the next change.", Bearer, 204, Empty, handler!(citizen::requests_seen)),
    route(Get, "/v1/systems", "systems", "The catalogue's systems, each with its last ingest and whether it is stale.", Bearer, 200, ListOf("ConnectedSystem"), handler!(citizen::systems)),
    route(Get, "/v1/decision-support", "decisionSupport", "Computer-assisted decisions in the citizen's cases.", Bearer, 200, ListOf("DecisionSupport"), handler!(citizen::decision_support)),
    RouteSpec { request: Some("KioskVisit"), ..route(Post, "/v1/kiosk-visits", "kioskVisit", "Records a visit at a registered kiosk in the citizen's own log.", Guard::BearerAndKiosk, 204, Empty, handler!(citizen::kiosk_visit)) },
    RouteSpec { request: Some("AssistedOpen"), ..route(Post, "/v1/assisted-sessions", "openAssistedSession", "A member of staff (their token, with the role) opens a visit for a citizen at a kiosk set up for it; 201 with the session's token.", Guard::BearerAndKiosk, 201, Schema("AssistedSession"), handler!(assisted::open)) },
    route(Post, "/v1/assisted-sessions/end", "endAssistedSession", "Ends a visit staff opened (its token); 204.", Bearer, 204, Empty, handler!(assisted::end)),
    RouteSpec { request: Some("IngestRequest"), ..route(Post, "/v1/ingest/access-events", "ingestAccessEvents", "Line-of-business systems post access events.", Guard::ApiKey, 200, Schema("IngestResponse"), handler!(ingest::access_events)) },
    RouteSpec { request: Some("RecordsRequest"), ..route(Post, "/v1/ingest/holdings", "ingestHoldings", "A system posts what it holds about citizens (Holding items; `deleted: true` deletes).", Guard::ApiKey, 200, Schema("RecordsResponse"), handler!(ingest_records::holdings)) },
    RouteSpec { request: Some("RecordsRequest"), ..route(Post, "/v1/ingest/consents", "ingestConsents", "A system posts citizens' consents (ConsentRecord items).", Guard::ApiKey, 200, Schema("RecordsResponse"), handler!(ingest_records::consents)) },
    RouteSpec { request: Some("RecordsRequest"), ..route(Post, "/v1/ingest/decisions", "ingestDecisions", "A system posts uses of decision-support tools (DecisionRecord items).", Guard::ApiKey, 200, Schema("RecordsResponse"), handler!(ingest_records::decisions)) },
    RouteSpec { request: Some("RelationsRequest"), ..route(Post, "/v1/ingest/relations", "ingestRelations", "The CPR system posts custody relations (Relation items); only relations_system may.", Guard::ApiKey, 200, Schema("RelationsResponse"), handler!(ingest_relations::relations)) },
    route(Get, "/v1/systems/requests", "systemRequests", "The calling system's unacknowledged requests, in order (`after`, `limit`).", Guard::ApiKey, 200, Schema("SystemFeedPage"), handler!(systems_feed::feed)),
    RouteSpec { request: Some("Ack"), ..route(Post, "/v1/systems/requests/{id}/ack", "ackSystemRequest", "The system says what it did: done, or refused with a reason (idempotent).", Guard::ApiKey, 200, Schema("SystemRequest"), handler!(systems_feed::ack)) },
    route(Get, "/v1/dpo/reports", "dpoReports", "The citizens' reports for the DPO, oldest first (`status`).", Guard::Dpo, 200, ListOf("DpoReport"), handler!(dpo::reports)),
    RouteSpec { request: Some("DpoUpdate"), ..route(Post, "/v1/dpo/reports/{id}", "dpoUpdateReport", "The DPO moves a report to under review, or answers it.", Guard::Dpo, 200, Schema("DpoReport"), handler!(dpo::update)) },
    RouteSpec { request: Some("AuditEvent"), ..route(Post, "/v1/ingest/fhir/AuditEvent", "ingestFhirAuditEvent", "A system posts one FHIR R4 AuditEvent (IHE BALP); 201 recorded, 200 recorded before; errors are an OperationOutcome.", Guard::ApiKey, 201, Schema("OperationOutcome"), handler!(fhir::audit_event)) },
    RouteSpec { request: Some("Bundle"), ..route(Post, "/v1/ingest/fhir", "ingestFhirBatch", "A system posts a FHIR R4 Bundle of type batch of AuditEvents; the answer is a batch-response.", Guard::ApiKey, 200, Schema("BatchResponse"), handler!(fhir::bundle)) },
    route(Get, "/healthz", "healthz", "200 while the process runs.", Guard::None, 200, Schema("Status"), handler!(healthz)),
    route(Get, "/readyz", "readyz", "200 when the store answers and the issuer's keys are loaded, else 503.", Guard::None, 200, Schema("Status"), handler!(readyz)),
    route(Get, "/openapi.json", "openapi", "This document.", Guard::None, 200, Schema("OpenApi"), handler!(openapi_json)),
    RouteSpec { request: Some("Feedback"), ..route(Post, "/v1/feedback", "feedback", "An answer to \"Was this understandable?\" from a registered kiosk, with no citizen.", Guard::Kiosk, 204, Empty, handler!(feedback::feedback)) },
];

async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok" }))
}

/// Ready means able to serve: the store answers, and the issuer's keys are loaded (fetched within their
/// maximum age, or fetched now).
async fn readyz(State(state): State<ServerState>) -> Result<Json<serde_json::Value>, ApiError> {
    state
        .store
        .ping()
        .await
        .map_err(|_| ApiError::unavailable())?;
    let verifier = state.verifier.as_ref().ok_or_else(ApiError::unavailable)?;
    if !verifier.keys_ready().await {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "the issuer's keys are not loaded; tokens cannot be verified",
        ));
    }
    Ok(Json(serde_json::json!({ "status": "ready" })))
}

/// A plain `fn` with a named future: an `async fn` here would make its type depend on [`ROUTES`], which
/// holds it.
fn openapi_json() -> std::future::Ready<Json<serde_json::Value>> {
    std::future::ready(Json(openapi::document(ROUTES)))
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
pub fn router(state: ServerState) -> Router {
    let mut router = Router::new();
    for spec in ROUTES {
        let limit = match spec.guard {
            Guard::ApiKey => INGEST_BODY_LIMIT,
            _ => CITIZEN_BODY_LIMIT,
        };
        router = router.route(
            spec.path,
            spec.method_router().layer(DefaultBodyLimit::max(limit)),
        );
    }
    router
        .merge(super::portal::routes(&state))
        .fallback(no_route)
        .method_not_allowed_fallback(wrong_method)
        .layer(middleware::from_fn(super::request_log::log_request))
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_unique_by_operation_and_by_method_and_path() {
        let mut operations = std::collections::BTreeSet::new();
        let mut routes = std::collections::BTreeSet::new();
        for spec in ROUTES {
            assert!(operations.insert(spec.operation), "{}", spec.operation);
            assert!(
                routes.insert((spec.method.openapi_name(), spec.path)),
                "{}",
                spec.path
            );
        }
    }
}
