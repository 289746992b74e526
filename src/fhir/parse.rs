//! Reading JSON as a typed R4 element with serde, and naming the element when it does not fit.

use super::error::FhirError;

/// At most this much of a value from the resource goes into a diagnostic (a resource type, a code).
pub(super) const MAX_ECHO: usize = 100;

pub(super) fn echo(s: &str) -> String {
    s.chars().take(MAX_ECHO).collect()
}

/// serde's reading of `value` as `T`, with the element path of the first problem (`AuditEvent.agent[2]`)
/// and a message that names the element, never its value.
pub fn parse<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    root: &str,
) -> Result<T, FhirError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = e.inner().to_string();
        let mut expression = if path == "." {
            root.to_owned()
        } else {
            format!("{root}.{path}")
        };
        // "missing field `recorded`", "unknown field `foo`": that element is the one to name.
        let field = ["missing field `", "unknown field `"]
            .iter()
            .find_map(|p| message.strip_prefix(p))
            .and_then(|m| m.split('`').next());
        if let Some(field) = field {
            if !expression.ends_with(&format!(".{field}")) {
                expression = format!("{expression}.{field}");
            }
        }
        // "invalid type: string \"…\", expected a boolean": keep only what was expected.
        let detail = match message.split_once(", expected ") {
            Some((head, expected)) if head.starts_with("invalid") => {
                format!("wrong type or value, expected {expected}")
            }
            _ => message,
        };
        FhirError::Invalid {
            expression,
            detail: echo(&detail),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fhir::model::AuditEvent;
    use serde_json::json;

    fn problem(v: serde_json::Value) -> FhirError {
        parse::<AuditEvent>(v, "AuditEvent").unwrap_err()
    }

    #[test]
    fn the_element_is_named_and_no_value_is_repeated() {
        let base = json!({ "resourceType": "AuditEvent", "type": { "code": "rest" },
            "recorded": "2026-11-20T09:30:00Z", "agent": [{ "requestor": true }],
            "source": { "observer": { "display": "x" } } });
        let mut v = base.clone();
        v["agent"][0]["requestor"] = json!("310241-4822");
        let FhirError::Invalid { expression, detail } = problem(v) else {
            panic!("not Invalid")
        };
        assert_eq!(expression, "AuditEvent.agent[0].requestor");
        assert!(!detail.contains("310241"), "{detail}");
        let mut v = base.clone();
        v["source"]["observr"] = json!({});
        let FhirError::Invalid { expression, .. } = problem(v) else {
            panic!("not Invalid")
        };
        assert_eq!(expression, "AuditEvent.source.observr");
        let mut v = base;
        v.as_object_mut().unwrap().remove("agent");
        let FhirError::Invalid { expression, .. } = problem(v) else {
            panic!("not Invalid")
        };
        assert_eq!(expression, "AuditEvent.agent");
    }
}
