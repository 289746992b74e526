//! The schemas of the ingest and kiosk bodies: access events, records, their answers, kiosk visits and feedback.

use super::reference;
use serde_json::{Value, json};

pub(super) fn feedback_schemas() -> Value {
    json!({
        "Feedback": { "type": "object", "required": ["answer", "date", "screens"], "additionalProperties": false,
            "description": "No citizen, no time of day. The kiosk is the server's, from its key.",
            "properties": {
                "answer": { "enum": ["mostly", "partly", "hard"] },
                "date": { "type": "string", "format": "date", "description": "Today or yesterday in Europe/Copenhagen." },
                "screens": { "type": "array", "maxItems": crate::domain::MAX_FEEDBACK_SCREENS,
                    "items": { "type": "string", "pattern": "^[a-z-]{1,32}$" } } } }
    })
}

pub(super) fn ingest_schemas() -> Value {
    json!({
        "KioskVisit": { "type": "object", "required": ["helper"], "additionalProperties": false,
            "description": "Only who helped. The kiosk, its location and the time are the server's.",
            "properties": { "helper": { "enum": ["no_one", "staff", "volunteer"] } } },
        "IngestRequest": { "type": "object", "required": ["events"], "additionalProperties": false, "properties": {
            "events": { "type": "array", "items": {
                "description": "Each item should be an IngestEvent. Items are checked one by one: an item that is not one is listed under `rejected` (reason `invalid`), and the others are still taken." } } } },
        "IngestEvent": { "type": "object", "additionalProperties": false,
            "required": ["event_id", "at", "organisation", "unit", "role", "system", "area", "category", "action", "purpose"],
            "description": "Exactly one of `cpr` and `citizen` names the citizen.",
            "oneOf": [ { "required": ["cpr"] }, { "required": ["citizen"] } ],
            "properties": {
                "event_id": { "type": "string", "description": "The source system's own id; idempotency key with the system." },
                "cpr": { "type": "string", "pattern": "^[0-9]{6}-?[0-9]{4}$", "description": "The citizen's CPR number; kept only as the keyed hash (needs server.pepper_file). A citizen is created when new." },
                "citizen": { "type": "string", "description": "The citizen's sign-in subject (for callers from before `cpr`); the citizen must exist." },
                "at": { "type": "string", "format": "date-time" },
                "organisation": reference("Text"), "unit": reference("Text"), "role": reference("Text"),
                "employee": { "type": ["string", "null"] },
                "system": { "type": "string", "description": "Must be the posting system's own name." },
                "area": { "type": "string", "description": "An area code of the catalogue (or of the access log)." },
                "category": reference("Text"),
                "action": { "enum": ["viewed", "created", "changed", "disclosed", "exported"] },
                "purpose": { "allOf": [reference("Text")], "description": "A purpose of the catalogue (or of the access log), by its Danish or English name." },
                "case_ref": { "type": ["string", "null"] },
                "batch": { "type": ["object", "null"], "required": ["run_id", "records"], "properties": {
                    "run_id": { "type": "string" }, "records": { "type": "integer", "minimum": 1 } } },
                "hidden_until": { "type": ["string", "null"], "format": "date-time" } } },
        "RecordsRequest": { "type": "object", "required": ["records"], "additionalProperties": false, "properties": {
            "records": { "type": "array", "items": {
                "description": "Each item should be a Holding, ConsentRecord or DecisionRecord, by the route. Items are checked one by one; a bad one is listed under `rejected`, and the others are still taken." } } } },
        "Holding": { "type": "object", "additionalProperties": false, "required": ["record_id", "cpr", "category"],
            "description": "`version` (an integer) or `updated_at` orders updates: an older or equal version than stored changes nothing.",
            "properties": {
                "record_id": { "type": "string", "description": "The system's own id; one system owns it." },
                "cpr": { "type": "string", "pattern": "^[0-9]{6}-?[0-9]{4}$", "description": "Kept only as the keyed hash." },
                "version": { "type": "integer" }, "updated_at": { "type": "string", "format": "date-time" },
                "category": { "type": "string", "description": "A catalogue category of this system." },
                "fields": { "type": "object", "additionalProperties": reference("Text"), "description": "Values of declared fields only; a CPR number in a value is kept masked." },
                "origin": reference("Text"),
                "retention_start": { "type": "string", "format": "date" },
                "case_ref": { "type": "string" },
                "deleted": { "type": "boolean" } } },
        "ConsentRecord": { "type": "object", "additionalProperties": false, "required": ["record_id", "cpr", "consent_type", "given_at"],
            "properties": {
                "record_id": { "type": "string" }, "cpr": { "type": "string" },
                "version": { "type": "integer" }, "updated_at": { "type": "string", "format": "date-time" },
                "consent_type": { "type": "string" },
                "given_at": { "type": "string", "format": "date-time" },
                "withdrawn_at": { "type": "string", "format": "date-time" } } },
        "DecisionRecord": { "type": "object", "additionalProperties": false, "required": ["record_id", "cpr", "tool", "decided_at", "result"],
            "properties": {
                "record_id": { "type": "string" }, "cpr": { "type": "string" },
                "version": { "type": "integer" }, "updated_at": { "type": "string", "format": "date-time" },
                "tool": { "type": "string", "description": "A catalogue tool of this system (or of none)." },
                "case_ref": { "type": "string" },
                "decided_at": { "type": "string", "format": "date-time" },
                "result": reference("Text"),
                "factors": { "type": "array", "items": { "type": "object", "required": ["name", "effect"],
                    "properties": { "name": reference("Text"), "effect": reference("Text") } } } } },
        "RecordsResponse": { "type": "object", "required": ["accepted", "duplicates", "rejected"], "properties": {
            "accepted": { "type": "integer" },
            "duplicates": { "type": "array", "items": { "type": "object", "properties": {
                "index": { "type": "integer" }, "record_id": { "type": "string" } } } },
            "rejected": { "type": "array", "items": { "type": "object", "properties": {
                "index": { "type": "integer" }, "record_id": { "type": ["string", "null"] },
                "reason": { "enum": ["invalid", "malformed_cpr", "unknown_category", "unknown_consent_type", "unknown_tool", "undeclared_field", "too_long", "wrong_system", "bad_time", "unknown_system", "no_catalogue", "foreign_record"] },
                "message": { "type": "string" } } } } } },
        "AssistedOpen": { "type": "object", "required": ["cpr"], "additionalProperties": false,
            "description": "The citizen's CPR number, typed by the member of staff after checking their ID.",
            "properties": { "cpr": { "type": "string", "pattern": "^[0-9]{6}-?[0-9]{4}$" } } },
        "AssistedSession": { "type": "object", "required": ["token", "expires_at"], "properties": {
            "token": { "type": "string", "description": "The kiosk's bearer token for this visit; it opens only this citizen's data." },
            "expires_at": { "type": "string", "format": "date-time" } } },
        "RelationsRequest": { "type": "object", "required": ["relations"], "additionalProperties": false, "properties": {
            "relations": { "type": "array", "items": {
                "description": "Each item should be a Relation. Items are checked one by one; a bad one is listed under `rejected`, and the others are still written." } } } },
        "Relation": { "type": "object", "additionalProperties": false, "required": ["parent_cpr", "child_cpr", "custody_from"],
            "description": "Custody of a child, from the Folkeregister. Both people must be citizens the server knows. Sending a pair again replaces it.",
            "properties": {
                "parent_cpr": { "type": "string", "pattern": "^[0-9]{6}-?[0-9]{4}$", "description": "Kept only as the keyed hash." },
                "child_cpr": { "type": "string", "pattern": "^[0-9]{6}-?[0-9]{4}$", "description": "Kept only as the keyed hash." },
                "child_birth_date": { "type": "string", "format": "date", "description": "Else taken from child_cpr (with the century from its seventh digit)." },
                "custody_from": { "type": "string", "format": "date" },
                "custody_to": { "type": "string", "format": "date", "description": "The first day without custody; leave out while it lasts." },
                "child_name": { "type": "string", "maxLength": 200, "description": "The child's name in the Folkeregister, shown to the parent." } } },
        "RelationsResponse": { "type": "object", "required": ["accepted", "rejected"], "properties": {
            "accepted": { "type": "integer" },
            "rejected": { "type": "array", "items": { "type": "object", "required": ["index", "reason", "message"], "properties": {
                "index": { "type": "integer" },
                "reason": { "enum": ["invalid", "malformed_cpr", "bad_time", "too_long", "unknown_parent", "unknown_child", "same_citizen"] },
                "message": { "type": "string" } } } } } },
        "Represented": { "type": "object", "required": ["handle", "name", "basis", "may_act"], "properties": {
            "handle": { "type": "string", "description": "Send it in X-Indsigt-Acting-For to act for this person; good only with this sign-in." },
            "name": { "type": "string" },
            "basis": { "enum": ["custody", "power_of_attorney"] },
            "may_act": { "type": "boolean", "description": "Withdrawing a consent and filing a report are allowed too." } } },
        "IngestResponse": { "type": "object", "required": ["accepted", "duplicates", "rejected"], "properties": {
            "accepted": { "type": "integer" },
            "duplicates": { "type": "array", "items": { "type": "object", "properties": {
                "index": { "type": "integer" }, "event_id": { "type": "string" } } } },
            "rejected": { "type": "array", "items": { "type": "object", "properties": {
                "index": { "type": "integer" }, "event_id": { "type": ["string", "null"] },
                "reason": { "enum": ["invalid", "unknown_citizen", "unknown_action", "bad_time", "unknown_area", "unknown_purpose", "wrong_system"] },
                "message": { "type": "string" } } } } } }
    })
}
