//! `/openapi.json`: an OpenAPI 3.1 document written from a route table (the router's
//! [`super::routes::ROUTES`]), so the document and the router cannot list different routes.

use super::extract::{CURSOR_PATTERN, DEFAULT_PAGE, MAX_QUERY_TEXT};
use super::spec::{Body, Guard, RouteSpec};
use crate::store::MAX_PAGE;
use serde_json::{Map, Value, json};

mod fhir;
mod ingest;
mod requests;
use ingest::{feedback_schemas, ingest_schemas};
use requests::request_schemas;

pub(super) fn reference(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn path_parameters(path: &str) -> Vec<Value> {
    path.split('/')
        .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .map(|name| {
            let schema = if name == "id" {
                json!({ "type": "integer", "format": "int64" })
            } else {
                json!({ "type": "string" })
            };
            json!({ "name": name, "in": "path", "required": true, "schema": schema })
        })
        .collect()
}

/// The acting-for header, on the routes that read or write a citizen's data.
fn acting_parameter(spec: &RouteSpec) -> Option<Value> {
    let takes = matches!(spec.guard, Guard::Bearer | Guard::BearerAndKiosk)
        && !["represented", "openAssistedSession", "endAssistedSession"].contains(&spec.operation);
    takes.then(|| json!({ "name": "X-Indsigt-Acting-For", "in": "header", "required": false,
        "schema": { "type": "string", "maxLength": 64 },
        "description": "A handle from /v1/represented: the request is about that person's data. Unknown handles answer 403." }))
}

fn query_parameters(operation: &str) -> Vec<Value> {
    let q = |name: &str, schema: Value, description: &str| json!({ "name": name, "in": "query", "required": false, "schema": schema, "description": description });
    match operation {
        "accessLog" => {}
        "systemRequests" => {
            return vec![
                q(
                    "after",
                    json!({"type": "string", "pattern": "^[0-9]{1,18}$"}),
                    "The `next` of the previous page.",
                ),
                q(
                    "limit",
                    json!({"type": "integer", "minimum": 1, "default": super::systems_feed::DEFAULT_FEED_PAGE}),
                    &format!(
                        "Page size. Any value above {} gives {}.",
                        crate::store::requests::MAX_FEED_PAGE,
                        crate::store::requests::MAX_FEED_PAGE
                    ),
                ),
            ];
        }
        "dpoReports" => {
            return vec![q(
                "status",
                json!({"enum": ["sent", "under_review", "answered"]}),
                "Only the reports with this status.",
            )];
        }
        _ => return Vec::new(),
    }
    vec![
        q(
            "from",
            json!({"type": "string", "format": "date-time"}),
            "Entries at or after this time (RFC 3339).",
        ),
        q(
            "to",
            json!({"type": "string", "format": "date-time"}),
            "Entries before this time (RFC 3339).",
        ),
        q(
            "area",
            json!({"type": "string", "maxLength": MAX_QUERY_TEXT}),
            "An area code.",
        ),
        q(
            "organisation",
            json!({"type": "integer", "format": "int64", "minimum": 1, "maximum": i64::MAX}),
            "An organisation id from /v1/organisations.",
        ),
        q(
            "action",
            json!({"enum": ["viewed", "created", "changed", "disclosed", "exported"]}),
            "The action.",
        ),
        q(
            "q",
            json!({"type": "string", "maxLength": MAX_QUERY_TEXT}),
            "Free text.",
        ),
        q(
            "after",
            json!({"type": "string", "pattern": CURSOR_PATTERN}),
            "The cursor of the previous page: `<unix seconds>.<id>`.",
        ),
        q(
            "limit",
            json!({"type": "integer", "minimum": 1, "default": DEFAULT_PAGE}),
            &format!("Page size. Any value above {MAX_PAGE} gives {MAX_PAGE} entries."),
        ),
    ]
}

fn error_response(description: &str) -> Value {
    json!({
        "description": description,
        "content": { "application/json": { "schema": reference("Error") } }
    })
}

/// Whether the route speaks FHIR (`application/fhir+json`, errors as OperationOutcome).
fn is_fhir(spec: &RouteSpec) -> bool {
    spec.path.starts_with("/v1/ingest/fhir")
}

fn operation(spec: &RouteSpec) -> Value {
    let mut responses = Map::new();
    let media = if is_fhir(spec) {
        "application/fhir+json"
    } else {
        "application/json"
    };
    let ok = match spec.answer {
        Body::Schema(name) => json!({
            "description": "OK",
            "content": { media: { "schema": reference(name) } }
        }),
        Body::ListOf(name) => json!({
            "description": "OK",
            "content": { "application/json": { "schema": { "type": "array", "items": reference(name) } } }
        }),
        Body::Empty => json!({ "description": "Done; no body." }),
    };
    responses.insert(spec.status.to_string(), ok);
    if spec.operation == "reportAccess" {
        responses.insert(
            "200".into(),
            json!({
                "description": "The entry was reported before: the first report.",
                "content": { "application/json": { "schema": reference("AccessReport") } }
            }),
        );
    }
    if is_fhir(spec) {
        let outcome = |description: &str| {
            json!({ "description": description,
                    "content": { "application/fhir+json": { "schema": reference("OperationOutcome") } } })
        };
        if spec.status == 201 {
            responses.insert("200".into(), outcome("Recorded before: nothing changed."));
        }
        responses.insert(
            "422".into(),
            outcome("An AuditEvent Indsigt cannot record: one issue per problem."),
        );
        responses.insert(
            "415".into(),
            outcome("Not application/fhir+json or application/json."),
        );
        responses.insert("503".into(), outcome("The server has no pepper_file."));
    }
    if spec.operation == "openAssistedSession" {
        responses.insert(
            "503".into(),
            error_response("No [server.staff] or no pepper_file."),
        );
    }
    if spec.operation == "readyz" {
        responses.insert("503".into(), error_response("The store does not answer."));
    }
    let mut security = Vec::new();
    match spec.guard {
        Guard::Bearer | Guard::BearerAndKiosk => {
            if spec.guard == Guard::BearerAndKiosk {
                security.push(json!({ "bearer": [], "kiosk": [] }));
                responses.insert(
                    "403".into(),
                    error_response("The token's citizen is unknown, the kiosk key is missing or not registered, or X-Indsigt-Acting-For names no one this sign-in may act for."),
                );
            } else {
                security.push(json!({ "bearer": [] }));
                responses.insert(
                    "403".into(),
                    error_response("The token's citizen is unknown, X-Indsigt-Acting-For names no one this sign-in may act for, or the grounds do not cover this."),
                );
            }
            responses.insert("400".into(), error_response("Bad input."));
            responses.insert("401".into(), error_response("No token, or an invalid one."));
            responses.insert(
                "404".into(),
                error_response("Not found among the citizen's data."),
            );
            responses.insert("413".into(), error_response("The body is too large."));
            responses.insert(
                "429".into(),
                error_response("Too many requests for this token."),
            );
        }
        Guard::ApiKey if is_fhir(spec) => {
            security.push(json!({ "apiKey": [] }));
            let outcome = |description: &str| {
                json!({ "description": description,
                        "content": { "application/fhir+json": { "schema": reference("OperationOutcome") } } })
            };
            responses.insert(
                "400".into(),
                outcome("Not JSON, not the right resource, or not R4."),
            );
            responses.insert(
                "401".into(),
                error_response("No API key, or an unknown one."),
            );
            responses.insert(
                "413".into(),
                outcome("The body or the bundle is too large."),
            );
        }
        Guard::ApiKey => {
            security.push(json!({ "apiKey": [] }));
            responses.insert("400".into(), error_response("Bad input."));
            responses.insert(
                "401".into(),
                error_response("No API key, or an unknown one."),
            );
            responses.insert(
                "413".into(),
                error_response("The body or the batch is too large."),
            );
        }
        Guard::Kiosk => {
            security.push(json!({ "kiosk": [] }));
            responses.insert(
                "400".into(),
                error_response("Bad input, or an unknown field."),
            );
            responses.insert(
                "403".into(),
                error_response("The kiosk key is missing or not registered."),
            );
            responses.insert("413".into(), error_response("The body is too large."));
        }
        Guard::Dpo => {
            security.push(json!({ "dpoKey": [] }));
            responses.insert(
                "400".into(),
                error_response(
                    "Bad input, or an answer without a text in the citizen's filing language.",
                ),
            );
            responses.insert(
                "401".into(),
                error_response("No API key, or not the DPO's."),
            );
            responses.insert("404".into(), error_response("No such report."));
            responses.insert(
                "409".into(),
                error_response("An answered report cannot go back to under review."),
            );
            responses.insert("413".into(), error_response("The body is too large."));
            responses.insert("503".into(), error_response("No DPO key is configured."));
        }
        Guard::None => {}
    }
    if spec.guard == Guard::ApiKey && spec.path.starts_with("/v1/systems/") {
        responses.insert(
            "404".into(),
            error_response("Not one of this system's requests."),
        );
    }
    let mut op = json!({
        "operationId": spec.operation,
        "summary": spec.summary,
        "parameters": path_parameters(spec.path).into_iter().chain(query_parameters(spec.operation)).chain(acting_parameter(spec)).collect::<Vec<_>>(),
        "responses": responses,
        "security": security,
    });
    if let (Some(name), Some(obj)) = (spec.request, op.as_object_mut()) {
        obj.insert(
            "requestBody".into(),
            if is_fhir(spec) {
                json!({ "required": true, "content": {
                    "application/fhir+json": { "schema": reference(name) },
                    "application/json": { "schema": reference(name) } } })
            } else {
                json!({ "required": name != "Filing", "content": { "application/json": { "schema": reference(name) } } })
            },
        );
    }
    op
}

fn text() -> Value {
    json!({ "type": "object", "required": ["da", "en"], "additionalProperties": false,
            "properties": { "da": { "type": "string" }, "en": { "type": "string" } } })
}

fn schemas() -> Value {
    let domain = |description: &str| json!({ "type": "object", "description": description });
    let mut all = json!({
        "Error": { "type": "object", "required": ["code", "message"], "properties": {
            "code": { "type": "string", "enum": ["bad_request", "unauthorized", "unknown_citizen", "forbidden", "not_found",
                      "method_not_allowed", "too_large", "rate_limited", "internal", "unavailable", "unknown_kiosk", "not_configured", "conflict"] },
            "message": { "type": "string" } } },
        "Status": { "type": "object", "properties": { "status": { "type": "string" } } },
        "OpenApi": { "type": "object", "description": "An OpenAPI 3.1 document." },
        "Text": text(),
        "Citizen": domain("domain::Citizen"),
        "Overview": domain("domain::Overview"),
        "Area": domain("domain::Area"),
        "CategorySummary": domain("domain::CategorySummary"),
        "DataCategory": domain("domain::DataCategory"),
        "Purpose": domain("domain::Purpose"),
        "Organisation": { "type": "object", "required": ["id", "name"], "properties": {
            "id": { "type": "integer" }, "name": reference("Text") } },
        "AccessPage": { "type": "object", "required": ["entries", "next"], "properties": {
            "entries": { "type": "array", "items": reference("AccessEvent") },
            "next": { "oneOf": [ { "type": "null" }, { "type": "object", "properties": {
                "at": { "type": "string", "format": "date-time" }, "id": { "type": "integer" } } } ] } } },
        "AccessEvent": domain("domain::AccessEvent"),
        "AccessReport": domain("domain::AccessReport"),
        "Consent": domain("domain::Consent"),
        "DecisionSupport": domain("domain::DecisionSupport"),
        "ConnectedSystem": domain("domain::ConnectedSystem"),
    });
    let ingest = ingest_schemas();
    if let (Some(all), Value::Object(more)) = (all.as_object_mut(), ingest) {
        all.extend(more);
    }
    if let (Some(all), Value::Object(more)) = (all.as_object_mut(), feedback_schemas()) {
        all.extend(more);
    }
    if let (Some(all), Value::Object(more)) = (all.as_object_mut(), request_schemas()) {
        all.extend(more);
    }
    if let (Some(all), Value::Object(more)) = (all.as_object_mut(), fhir::schemas()) {
        all.extend(more);
    }
    all
}

/// The whole document for `routes`.
pub fn document(routes: &[RouteSpec]) -> Value {
    let mut paths = Map::new();
    for spec in routes {
        let entry = paths
            .entry(spec.path.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Some(obj) = entry.as_object_mut() {
            obj.insert(spec.method.openapi_name().to_owned(), operation(spec));
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": { "title": "Indsigt API", "version": "1", "description": "See docs/api.md." },
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearer": { "type": "http", "scheme": "bearer", "bearerFormat": "JWT" },
                "apiKey": { "type": "apiKey", "in": "header", "name": "Authorization",
                            "description": "`ApiKey <key>`" },
                "kiosk": { "type": "apiKey", "in": "header", "name": "X-Indsigt-Kiosk",
                           "description": "A registered kiosk's key ([[server.kiosks]])." },
                "dpoKey": { "type": "apiKey", "in": "header", "name": "Authorization",
                            "description": "`ApiKey <key>` of the data protection officer ([server] dpo_key_sha256)." }
            },
            "schemas": schemas()
        }
    })
}
