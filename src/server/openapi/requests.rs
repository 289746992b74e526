//! The schemas of the request routes: the citizen's requests, the system feed and ack, and the DPO's.

use super::reference;
use serde_json::{Value, json};

fn domain(description: &str) -> Value {
    json!({ "type": "object", "description": description })
}

pub(super) fn request_schemas() -> Value {
    let max = crate::store::requests::MAX_ANSWER_CHARS;
    let answer = json!({ "type": "object", "additionalProperties": false,
        "description": "A text in at least the citizen's filing language (`lang`); the other may be left out.",
        "properties": { "da": { "type": "string", "maxLength": max }, "en": { "type": "string", "maxLength": max } } });
    let status = json!({ "enum": ["sent", "under_review", "answered", "done", "refused"] });
    json!({
        "Filing": { "type": "object", "additionalProperties": false,
            "description": "Optional: the language the citizen files in (default da).",
            "properties": { "lang": { "enum": ["da", "en"] } } },
        "CitizenRequest": domain("domain::CitizenRequest"),
        "SystemRequest": { "type": "object", "required": ["id", "reference", "kind", "record_id", "consent_type", "filed_at", "lang", "status", "reason"],
            "description": "No citizen: the system's own record id of the consent.",
            "properties": {
                "id": { "type": "integer" }, "reference": { "type": "string" }, "kind": { "enum": ["withdrawal"] },
                "record_id": { "type": ["string", "null"] }, "consent_type": { "type": "string" },
                "filed_at": { "type": "string", "format": "date-time" }, "lang": { "enum": ["da", "en"] },
                "status": status, "reason": { "oneOf": [ { "type": "null" }, reference("Text") ] } } },
        "SystemFeedPage": { "type": "object", "required": ["requests", "next"], "properties": {
            "requests": { "type": "array", "items": reference("SystemRequest") },
            "next": { "type": ["string", "null"] } } },
        "Ack": { "type": "object", "required": ["outcome"], "additionalProperties": false, "properties": {
            "outcome": { "enum": ["done", "refused"] }, "reason": answer.clone() } },
        "DpoReport": domain("store::dpo::DpoReport: the report and the entry it is about, never the citizen"),
        "DpoUpdate": { "type": "object", "required": ["status"], "additionalProperties": false, "properties": {
            "status": { "enum": ["under_review", "answered"] }, "answer": answer } }
    })
}
