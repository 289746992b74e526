//! The OpenAPI schemas of the FHIR ingest routes (`/v1/ingest/fhir…`): the R4 resources as far as Indsigt
//! reads them. The R4 specification is their full definition.

use super::reference;
use serde_json::{Value, json};

/// FHIR R4 resources, as far as Indsigt reads them: the R4 specification is the full definition.
pub fn schemas() -> Value {
    let issue = json!({ "type": "object", "required": ["severity", "code", "diagnostics"], "properties": {
        "severity": { "enum": ["fatal", "error", "warning", "information"] },
        "code": { "type": "string", "description": "A FHIR IssueType: required, value, code-invalid, structure, not-supported, …" },
        "diagnostics": { "type": "string" },
        "expression": { "type": "array", "items": { "type": "string" }, "description": "The element, as FHIRPath." } } });
    json!({
        "AuditEvent": { "type": "object", "required": ["resourceType", "id", "type", "recorded", "agent", "source", "entity"],
            "description": "A FHIR R4 AuditEvent (http://hl7.org/fhir/R4/auditevent.html); elements R4 does not define are refused. See docs/api.md for what Indsigt reads.",
            "properties": {
                "resourceType": { "const": "AuditEvent" },
                "id": { "type": "string", "maxLength": 64 },
                "recorded": { "type": "string", "format": "date-time" },
                "action": { "enum": ["C", "R", "U", "D", "E"] },
                "agent": { "type": "array", "minItems": 1, "items": { "type": "object", "required": ["requestor"] } },
                "source": { "type": "object", "required": ["observer"] },
                "entity": { "type": "array", "minItems": 1, "items": { "type": "object" } } } },
        "Bundle": { "type": "object", "required": ["resourceType", "type"],
            "description": "A FHIR R4 Bundle of type batch whose entries are AuditEvents.",
            "properties": {
                "resourceType": { "const": "Bundle" },
                "type": { "const": "batch" },
                "entry": { "type": "array", "items": { "type": "object", "properties": {
                    "resource": reference("AuditEvent"),
                    "request": { "type": "object", "properties": {
                        "method": { "const": "POST" }, "url": { "type": "string" } } } } } } } },
        "OperationOutcome": { "type": "object", "required": ["resourceType", "issue"], "properties": {
            "resourceType": { "const": "OperationOutcome" },
            "issue": { "type": "array", "minItems": 1, "items": issue } } },
        "BatchResponse": { "type": "object", "required": ["resourceType", "type", "entry"], "properties": {
            "resourceType": { "const": "Bundle" },
            "type": { "const": "batch-response" },
            "entry": { "type": "array", "items": { "type": "object", "required": ["response"], "properties": {
                "response": { "type": "object", "required": ["status", "outcome"], "properties": {
                    "status": { "type": "string", "description": "201 Created, 200 OK, 400 Bad Request or 422 Unprocessable Entity." },
                    "outcome": reference("OperationOutcome") } } } } } } }
    })
}
