//! What was done, in the kiosk's words (`viewed`, `created`, `changed`, `disclosed`, `exported`), from an
//! AuditEvent's `subtype`, `type` and `action`.

use super::model::{AuditEvent, Coding};
use crate::domain::Action;

const RESTFUL: &str = "http://hl7.org/fhir/restful-interaction";
const LIFECYCLE: &str = "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle";
const DICOM: &str = "http://dicom.nema.org/resources/ontology/DCM";

/// Whether `coding` is one of `codes` in `system`.
pub(super) fn has(coding: &Coding, system: &str, codes: &[&str]) -> bool {
    coding.system.as_deref() == Some(system)
        && coding.code.as_deref().is_some_and(|c| codes.contains(&c))
}

/// What was done: the subtype says it best, then the event type, then `action`.
pub(super) fn action(event: &AuditEvent) -> Option<Action> {
    for s in &event.subtype {
        let by_subtype = if has(
            s,
            RESTFUL,
            &[
                "read",
                "vread",
                "search",
                "search-type",
                "search-system",
                "search-compartment",
                "history",
                "history-instance",
                "history-type",
                "history-system",
            ],
        ) || has(s, LIFECYCLE, &["access"])
        {
            Some(Action::Viewed)
        } else if has(s, RESTFUL, &["create"]) || has(s, LIFECYCLE, &["originate"]) {
            Some(Action::Created)
        } else if has(s, RESTFUL, &["update", "patch", "delete"])
            || has(s, LIFECYCLE, &["amend", "destroy"])
        {
            Some(Action::Changed)
        } else if has(s, LIFECYCLE, &["disclose", "transmit"]) {
            Some(Action::Disclosed)
        } else if has(s, LIFECYCLE, &["export"]) {
            Some(Action::Exported)
        } else {
            None
        };
        if by_subtype.is_some() {
            return by_subtype;
        }
    }
    if has(&event.type_, DICOM, &["110106"]) {
        return Some(Action::Exported);
    }
    match event.action.as_deref() {
        Some("C") => Some(Action::Created),
        Some("R") => Some(Action::Viewed),
        Some("U" | "D") => Some(Action::Changed),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn event(action: Option<&str>, type_: (&str, &str), subtype: &[(&str, &str)]) -> AuditEvent {
        let subtype: Vec<_> = subtype
            .iter()
            .map(|(s, c)| json!({ "system": s, "code": c }))
            .collect();
        let mut v = json!({
            "resourceType": "AuditEvent", "type": { "system": type_.0, "code": type_.1 },
            "subtype": subtype, "recorded": "2026-11-20T09:30:00Z",
            "agent": [{ "requestor": true }], "source": { "observer": { "display": "x" } }
        });
        if let Some(a) = action {
            v["action"] = json!(a);
        }
        serde_json::from_value(v).unwrap()
    }

    const REST: (&str, &str) = (
        "http://terminology.hl7.org/CodeSystem/audit-event-type",
        "rest",
    );

    #[test]
    fn the_subtype_decides_before_the_action() {
        let cases = [
            (Some("R"), "read", Action::Viewed),
            (Some("E"), "search-type", Action::Viewed),
            (Some("E"), "history-instance", Action::Viewed),
            (Some("C"), "create", Action::Created),
            (Some("U"), "update", Action::Changed),
            (Some("U"), "patch", Action::Changed),
            (Some("D"), "delete", Action::Changed),
            // A subtype wins over a contradicting action.
            (Some("C"), "read", Action::Viewed),
        ];
        for (a, sub, want) in cases {
            let e = event(a, REST, &[(RESTFUL, sub)]);
            assert_eq!(action(&e), Some(want), "{a:?} {sub}");
        }
        let disclose = event(Some("C"), (DICOM, "110107"), &[(LIFECYCLE, "disclose")]);
        assert_eq!(action(&disclose), Some(Action::Disclosed));
        let export = event(Some("R"), (DICOM, "110106"), &[]);
        assert_eq!(action(&export), Some(Action::Exported));
    }

    #[test]
    fn without_a_known_subtype_the_action_code_decides_and_execute_alone_says_nothing() {
        for (a, want) in [
            ("C", Some(Action::Created)),
            ("R", Some(Action::Viewed)),
            ("U", Some(Action::Changed)),
            ("D", Some(Action::Changed)),
            ("E", None),
            ("X", None),
        ] {
            let e = event(Some(a), REST, &[("urn:ietf:rfc:1438", "poke")]);
            assert_eq!(action(&e), want, "{a}");
        }
        assert_eq!(action(&event(None, REST, &[])), None);
        // The same code in another system is not a FHIR interaction.
        assert_eq!(action(&event(None, REST, &[("urn:other", "read")])), None);
    }
}
