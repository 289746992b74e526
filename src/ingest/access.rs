//! The one place an access event is checked, for `POST /v1/ingest/access-events`, `indsigt ingest --kind
//! access-events` and `indsigt demo-data` alike: its shape, the lengths of its texts, that the sending system
//! posts only its own events, the action, the times, and the citizen.
//!
//! The citizen is named by `cpr` (ten digits, with or without the dash, turned into the citizen key at once
//! and never stored), or, for callers from before the citizen key, by `citizen`: the sign-in subject.

use super::cpr::parse_cpr;
use super::records::Name;
use crate::auth::citizen_key::Pepper;
use crate::domain::{Action, Batch, Text};
use crate::store::ingest::{EventCitizen, IngestEvent, IngestRejection};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The longest event id, case reference, name or other text accepted, in bytes.
pub const MAX_TEXT: usize = 500;

/// A batch run shown as one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchItem {
    pub run_id: String,
    pub records: u32,
}

/// One access event as a system sends it (one JSON object). See `docs/api.md`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessItem {
    pub event_id: String,
    /// The citizen's CPR number; or else `citizen`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpr: Option<String>,
    /// The citizen's sign-in subject (kept for callers from before `cpr`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citizen: Option<String>,
    pub at: String,
    pub organisation: Name,
    pub unit: Name,
    pub role: Name,
    #[serde(default)]
    pub employee: Option<String>,
    pub system: String,
    pub area: String,
    pub category: Name,
    pub action: String,
    pub purpose: Name,
    #[serde(default)]
    pub case_ref: Option<String>,
    #[serde(default)]
    pub batch: Option<BatchItem>,
    #[serde(default)]
    pub hidden_until: Option<String>,
}

/// Why an access event was refused. The display is for the operator of the sending system: it names the
/// field, never the citizen or a value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccessError {
    #[error("the item is not valid: {0}")]
    Invalid(String),
    #[error("the CPR number is not ten digits as ddmmyy-nnnn or ddmmyynnnn")]
    MalformedCpr,
    #[error("a system can only post events attributed to itself")]
    WrongSystem,
    #[error("action must be one of viewed, created, changed, disclosed, exported")]
    UnknownAction,
    #[error("`{0}` must be an RFC 3339 time")]
    BadTime(&'static str),
    #[error("events named by `cpr` need server.pepper_file")]
    NotConfigured,
    #[error("{}", rejection_text(*.0))]
    Store(IngestRejection),
}

fn rejection_text(r: IngestRejection) -> &'static str {
    match r {
        IngestRejection::UnknownCitizen => "no citizen has this sign-in subject",
        IngestRejection::UnknownArea => "the area is not in the catalogue",
        IngestRejection::UnknownPurpose => "the purpose is not in the catalogue",
    }
}

impl AccessError {
    /// The machine code in the answer.
    pub fn code(&self) -> &'static str {
        match self {
            AccessError::Invalid(_) => "invalid",
            AccessError::MalformedCpr => "malformed_cpr",
            AccessError::WrongSystem => "wrong_system",
            AccessError::UnknownAction => "unknown_action",
            AccessError::BadTime(_) => "bad_time",
            AccessError::NotConfigured => "not_configured",
            AccessError::Store(r) => r.code(),
        }
    }

    /// The message id of the operator's sentence; its one variable, `what`, is [`AccessError::subject`].
    pub fn message_id(&self) -> &'static str {
        match self {
            AccessError::Invalid(_) => "ingest-rejected-invalid",
            AccessError::MalformedCpr => "ingest-rejected-malformed-cpr",
            AccessError::WrongSystem => "ingest-event-wrong-system",
            AccessError::UnknownAction => "ingest-event-unknown-action",
            AccessError::BadTime(_) => "ingest-rejected-bad-time",
            AccessError::NotConfigured => "ingest-event-not-configured",
            AccessError::Store(IngestRejection::UnknownCitizen) => "ingest-event-unknown-citizen",
            AccessError::Store(IngestRejection::UnknownArea) => "ingest-event-unknown-area",
            AccessError::Store(IngestRejection::UnknownPurpose) => "ingest-event-unknown-purpose",
        }
    }

    /// What the sentence is about: a field, or nothing. Never a value from the event.
    pub fn subject(&self) -> String {
        match self {
            AccessError::Invalid(w) => w.clone(),
            AccessError::BadTime(w) => (*w).to_owned(),
            _ => String::new(),
        }
    }
}

/// The event's `event_id`, when it has a readable one (for the answer about a refused item).
pub fn event_id_of(value: &serde_json::Value) -> Option<String> {
    value
        .get("event_id")?
        .as_str()
        .filter(|s| s.len() <= MAX_TEXT)
        .map(str::to_owned)
}

/// Checks one JSON item sent by `system` (the API key's or `--system`'s name).
pub fn check(
    value: serde_json::Value,
    system: &str,
    pepper: Option<&Pepper>,
) -> Result<IngestEvent, AccessError> {
    let item: AccessItem = serde_json::from_value(value).map_err(|e| {
        // serde's complaint names the field, never the value.
        let m = e.to_string();
        AccessError::Invalid(
            m.split(" at line")
                .next()
                .unwrap_or("wrong shape")
                .to_owned(),
        )
    })?;
    check_item(item, system, pepper)
}

fn text(n: Name) -> Text {
    Text::new(n.da, n.en)
}

fn too_long(item: &AccessItem) -> bool {
    let names = [
        &item.organisation,
        &item.unit,
        &item.role,
        &item.category,
        &item.purpose,
    ];
    [&item.event_id, &item.system, &item.area]
        .iter()
        .map(|s| s.len())
        .chain(item.citizen.iter().map(String::len))
        .chain(names.iter().flat_map(|n| [n.da.len(), n.en.len()]))
        .chain(item.case_ref.iter().map(String::len))
        .chain(item.employee.iter().map(String::len))
        .chain(item.batch.iter().map(|b| b.run_id.len()))
        .any(|len| len > MAX_TEXT)
}

fn time(s: &str, what: &'static str) -> Result<Timestamp, AccessError> {
    s.parse().map_err(|_| AccessError::BadTime(what))
}

/// Checks one event in its typed form: the rules of [`check`].
pub fn check_item(
    item: AccessItem,
    system: &str,
    pepper: Option<&Pepper>,
) -> Result<IngestEvent, AccessError> {
    if item.event_id.trim().is_empty() || too_long(&item) {
        return Err(AccessError::Invalid(format!(
            "`event_id` must be non-empty, and texts at most {MAX_TEXT} bytes"
        )));
    }
    let citizen = match (item.cpr.as_deref(), item.citizen) {
        (Some(cpr), None) => {
            let cpr = parse_cpr(cpr).ok_or(AccessError::MalformedCpr)?;
            let pepper = pepper.ok_or(AccessError::NotConfigured)?;
            EventCitizen::Key {
                key: pepper.citizen_key(&cpr),
                masked: cpr.masked(),
            }
        }
        (None, Some(subject)) if !subject.trim().is_empty() => EventCitizen::Subject(subject),
        _ => {
            return Err(AccessError::Invalid(
                "exactly one of `cpr` and `citizen` names the citizen".into(),
            ));
        }
    };
    if item.system != system {
        return Err(AccessError::WrongSystem);
    }
    let action = Action::from_code(&item.action).ok_or(AccessError::UnknownAction)?;
    let at = time(&item.at, "at")?;
    let hidden_until = item
        .hidden_until
        .as_deref()
        .map(|h| time(h, "hidden_until"))
        .transpose()?;
    let batch = match item.batch {
        Some(b) if b.run_id.trim().is_empty() || b.records == 0 => {
            return Err(AccessError::Invalid(
                "`batch` needs a run_id and at least 1 record".into(),
            ));
        }
        other => other.map(|b| Batch {
            run_id: b.run_id,
            records: b.records,
        }),
    };
    Ok(IngestEvent {
        source_event_id: item.event_id,
        citizen,
        system: item.system,
        at,
        organisation: text(item.organisation),
        unit: text(item.unit),
        role: text(item.role),
        employee: item.employee,
        area: item.area,
        category: text(item.category),
        action,
        purpose: text(item.purpose),
        case_ref: item.case_ref,
        batch,
        hidden_until,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde_json::json;

    fn item() -> serde_json::Value {
        json!({
            "event_id": "e-1", "cpr": "300241-1234", "at": "2026-11-20T09:30:00+01:00",
            "organisation": { "da": "Jobcenter", "en": "Job centre" },
            "unit": { "da": "Team", "en": "Team" }, "role": { "da": "Rolle", "en": "Role" },
            "system": "Momentum", "area": "employment",
            "category": { "da": "Ledighed", "en": "Unemployment" }, "action": "viewed",
            "purpose": { "da": "Job", "en": "Job" }
        })
    }

    fn pepper() -> Pepper {
        Pepper::from_bytes(b"0123456789abcdef0123456789abcdef".to_vec()).unwrap()
    }

    #[test]
    fn a_cpr_becomes_the_key_with_either_spelling_and_a_subject_still_works() {
        let a = check(item(), "Momentum", Some(&pepper())).unwrap();
        let mut undashed = item();
        undashed["cpr"] = json!("3002411234");
        let b = check(undashed, "Momentum", Some(&pepper())).unwrap();
        assert_eq!(a.citizen, b.citizen);
        let EventCitizen::Key { key, masked } = &a.citizen else {
            unreachable!("a cpr gives a key")
        };
        assert_eq!(masked, "300241-••••");
        assert!(!key.contains("3002411234"));
        let mut by_subject = item();
        by_subject.as_object_mut().unwrap().remove("cpr");
        by_subject["citizen"] = json!("sub-1");
        let c = check(by_subject, "Momentum", None).unwrap();
        assert_eq!(c.citizen, EventCitizen::Subject("sub-1".into()));
    }

    #[test]
    fn each_mistake_has_its_code() {
        let cases: Vec<(&str, serde_json::Value, &str)> = vec![
            ("cpr", json!("30-02-41-1234"), "malformed_cpr"),
            ("action", json!("peeked"), "unknown_action"),
            ("at", json!("yesterday"), "bad_time"),
            ("system", json!("Aula"), "wrong_system"),
            ("citizen", json!("sub-1"), "invalid"),
            ("surprise", json!(1), "invalid"),
        ];
        for (field, value, code) in cases {
            let mut v = item();
            v[field] = value;
            let e = check(v, "Momentum", Some(&pepper())).unwrap_err();
            assert_eq!(e.code(), code, "{field}");
        }
        assert_eq!(
            check(item(), "Momentum", None).unwrap_err(),
            AccessError::NotConfigured
        );
    }
}
