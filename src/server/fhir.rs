//! `POST /v1/ingest/fhir/AuditEvent` (one R4 AuditEvent) and `POST /v1/ingest/fhir` (a `Bundle` of type
//! `batch`): health and care systems that follow IHE BALP post their audit events as they are. The system is
//! the API key's (`Authorization: ApiKey`, as for the other ingest routes; a missing or unknown key is the
//! usual 401). Every other answer is FHIR: an `OperationOutcome` with one issue per problem, or for a bundle a
//! `batch-response` with one entry per entry. Sentences follow `Accept-Language` (Danish or English).

use super::error::ApiError;
use super::ingest::SourceSystem;
use super::state::ServerState;
use crate::domain::Lang;
use crate::fhir::audit::{check, parse};
use crate::fhir::error::FhirError;
use crate::fhir::model::Bundle;
use crate::fhir::outcome::{
    BatchResponse, EntryResponse, Issue, OperationOutcome, ResponseEntry, status_line,
};
use crate::store::fhir::FhirEvent;
use crate::store::ingest::IngestOutcome;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use fluent_bundle::FluentValue;
use jiff::Timestamp;

/// The media type of every answer.
pub const FHIR_JSON: &str = "application/fhir+json";

/// A FHIR answer: a status and a resource, as `application/fhir+json`.
pub struct FhirResponse(StatusCode, serde_json::Value);

impl IntoResponse for FhirResponse {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.1).unwrap_or_default();
        (self.0, [(header::CONTENT_TYPE, FHIR_JSON)], body).into_response()
    }
}

/// The language of the sentences: Danish when `Accept-Language` starts with `da`, else English.
fn lang(headers: &HeaderMap) -> Lang {
    let wanted = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if wanted.trim_start().to_ascii_lowercase().starts_with("da") {
        Lang::Da
    } else {
        Lang::En
    }
}

fn sentence(lang: Lang, e: &FhirError) -> String {
    let args = e.args();
    let args: Vec<(&str, FluentValue<'_>)> = args
        .iter()
        .map(|(k, v)| (*k, FluentValue::from(v.as_str())))
        .collect();
    crate::i18n::tr(lang, e.message_id(), &args)
}

fn outcome_of(lang: Lang, problems: &[FhirError]) -> OperationOutcome {
    OperationOutcome::new(
        problems
            .iter()
            .map(|e| Issue {
                severity: "error".into(),
                code: e.issue_code().into(),
                diagnostics: sentence(lang, e),
                expression: e.expression().map(str::to_owned).into_iter().collect(),
            })
            .collect(),
    )
}

/// The status of an answer with these problems: 400 when any is about the shape, else the first's.
fn status_of(problems: &[FhirError]) -> u16 {
    if problems.iter().any(|p| p.status() == 400) {
        return 400;
    }
    problems.first().map_or(422, FhirError::status)
}

fn respond<T: serde::Serialize>(status: u16, body: &T) -> FhirResponse {
    FhirResponse(
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        serde_json::to_value(body).unwrap_or_default(),
    )
}

fn problem(lang: Lang, problems: &[FhirError]) -> FhirResponse {
    respond(status_of(problems), &outcome_of(lang, problems))
}

/// A server-side failure (the store, the pool) as an OperationOutcome.
fn failed(e: ApiError) -> FhirResponse {
    let outcome = OperationOutcome::new(vec![Issue {
        severity: "fatal".into(),
        code: "exception".into(),
        diagnostics: e.message,
        expression: Vec::new(),
    }]);
    respond(e.status.as_u16(), &outcome)
}

/// The body as JSON, after the media type and the size limit are checked; each refusal a FHIR answer.
pub struct FhirBody {
    pub lang: Lang,
    pub json: serde_json::Value,
}

impl<S: Send + Sync> FromRequest<S> for FhirBody {
    type Rejection = FhirResponse;

    async fn from_request(req: Request, state: &S) -> Result<FhirBody, FhirResponse> {
        let lang = lang(req.headers());
        let media = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase());
        if !matches!(
            media.as_deref(),
            Some("application/fhir+json" | "application/json")
        ) {
            return Err(problem(lang, &[FhirError::UnsupportedMediaType]));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                problem(lang, &[FhirError::TooLarge])
            } else {
                problem(lang, &[FhirError::NotJson])
            }
        })?;
        let json =
            serde_json::from_slice(&bytes).map_err(|_| problem(lang, &[FhirError::NotJson]))?;
        Ok(FhirBody { lang, json })
    }
}

/// What became of one resource: its status and outcome.
fn answer(lang: Lang, result: &Result<IngestOutcome, Vec<FhirError>>) -> (u16, OperationOutcome) {
    match result {
        Ok(IngestOutcome::Accepted(_)) => (
            201,
            OperationOutcome::information(crate::i18n::t(lang, "fhir-recorded")),
        ),
        Ok(IngestOutcome::Duplicate(_)) => (
            200,
            OperationOutcome::information(crate::i18n::t(lang, "fhir-duplicate")),
        ),
        // The catalogue changed between the check and the write.
        Ok(IngestOutcome::Rejected(_)) => (422, outcome_of(lang, &[FhirError::NoCatalogue])),
        Err(problems) => (status_of(problems), outcome_of(lang, problems)),
    }
}

/// Checks each resource against the current catalogue and writes the good ones in one transaction.
async fn ingest(
    state: &ServerState,
    lang: Lang,
    system: String,
    resources: Vec<Result<serde_json::Value, FhirError>>,
) -> Result<Vec<Result<IngestOutcome, Vec<FhirError>>>, FhirResponse> {
    let pepper = state
        .pepper
        .clone()
        .ok_or_else(|| problem(lang, &[FhirError::NotConfigured]))?;
    let catalogue = state.store.fhir_catalogue().await.map_err(failed)?;
    let mut results: Vec<Result<IngestOutcome, Vec<FhirError>>> = Vec::new();
    let mut good: Vec<(usize, FhirEvent)> = Vec::new();
    for (index, resource) in resources.into_iter().enumerate() {
        match resource
            .map_err(|e| vec![e])
            .and_then(|r| check(r, &system, &catalogue, &pepper))
        {
            Ok(event) => {
                good.push((index, event));
                // Replaced by the store's outcome below.
                results.push(Ok(IngestOutcome::Duplicate(0)));
            }
            Err(problems) => results.push(Err(problems)),
        }
    }
    let name = good
        .first()
        .and_then(|(_, e)| catalogue.system(&e.system))
        .map(|s| s.name.clone())
        .unwrap_or_else(|| system.clone());
    let events: Vec<FhirEvent> = good.iter().map(|(_, e)| e.clone()).collect();
    let outcomes = state
        .store
        .ingest_fhir(name, events, Timestamp::now())
        .await
        .map_err(failed)?;
    for ((index, _), outcome) in good.into_iter().zip(outcomes) {
        if let Some(slot) = results.get_mut(index) {
            *slot = Ok(outcome);
        }
    }
    Ok(results)
}

fn log(results: &[Result<IngestOutcome, Vec<FhirError>>]) {
    let accepted = results
        .iter()
        .filter(|r| matches!(r, Ok(IngestOutcome::Accepted(_))))
        .count();
    let duplicates = results
        .iter()
        .filter(|r| matches!(r, Ok(IngestOutcome::Duplicate(_))))
        .count();
    tracing::info!(
        accepted,
        duplicates,
        rejected = results.len() - accepted - duplicates,
        "fhir ingest"
    );
}

/// `POST /v1/ingest/fhir/AuditEvent`: 201 with an information outcome when recorded, 200 when it was
/// recorded before, else 400/422 with one issue per problem.
pub async fn audit_event(
    State(state): State<ServerState>,
    SourceSystem(system): SourceSystem,
    body: FhirBody,
) -> FhirResponse {
    let lang = body.lang;
    let results = match ingest(&state, lang, system, vec![Ok(body.json)]).await {
        Ok(results) => results,
        Err(response) => return response,
    };
    log(&results);
    // One resource in, one result out.
    let Some((status, outcome)) = results.first().map(|r| answer(lang, r)) else {
        return failed(ApiError::internal());
    };
    respond(status, &outcome)
}

/// `POST /v1/ingest/fhir`: a `Bundle` of type `batch` of AuditEvents; 200 with a `batch-response`.
pub async fn bundle(
    State(state): State<ServerState>,
    SourceSystem(system): SourceSystem,
    body: FhirBody,
) -> FhirResponse {
    let lang = body.lang;
    let found = body
        .json
        .get("resourceType")
        .and_then(|v| v.as_str())
        .unwrap_or("");
    if found != "Bundle" {
        let found = if found.is_empty() {
            "not a FHIR resource".to_owned()
        } else {
            found.chars().take(100).collect()
        };
        return problem(
            lang,
            &[FhirError::WrongResource {
                expression: "resourceType".into(),
                found,
                wanted: "Bundle",
            }],
        );
    }
    let bundle: Bundle = match parse(body.json, "Bundle") {
        Ok(b) => b,
        Err(e) => return problem(lang, &[e]),
    };
    if bundle.type_ != "batch" {
        let found = bundle.type_.chars().take(100).collect();
        return problem(lang, &[FhirError::NotBatch { found }]);
    }
    if bundle.entry.len() > state.ingest_max_batch {
        return problem(
            lang,
            &[FhirError::TooManyEntries {
                max: state.ingest_max_batch,
            }],
        );
    }
    let resources = bundle
        .entry
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            if let Some(r) = &entry.request {
                if r.method != "POST" || !r.url.trim_start_matches('/').starts_with("AuditEvent") {
                    return Err(FhirError::Invalid {
                        expression: format!("Bundle.entry[{i}].request"),
                        detail: "each entry must be POST AuditEvent".into(),
                    });
                }
            }
            entry.resource.ok_or_else(|| FhirError::Invalid {
                expression: format!("Bundle.entry[{i}].resource"),
                detail: "the entry has no resource".into(),
            })
        })
        .collect();
    let results = match ingest(&state, lang, system, resources).await {
        Ok(results) => results,
        Err(response) => return response,
    };
    log(&results);
    let entry = results
        .iter()
        .map(|r| {
            let (status, outcome) = answer(lang, r);
            ResponseEntry {
                response: EntryResponse {
                    status: status_line(status),
                    outcome,
                },
            }
        })
        .collect();
    respond(200, &BatchResponse::new(entry))
}
