//! One posted AuditEvent, checked and mapped to an access-log entry (IHE BALP conventions):
//!
//! - the citizen: the patient entity (`role` = object-role 1, or `what` a Patient) and its identifier with
//!   the Danish CPR system `urn:oid:1.2.208.176.1.2`, turned into the citizen key at once;
//! - when: `recorded`; what was done: a FHIR restful or ISO 21089 `subtype`, else `action` (C/R/U/D);
//! - who: the agent with `requestor` = true: its `role` (else its `type`), its name (kept as the
//!   employee, shown only when configured), its `location` as the unit (else the system's owner);
//!   the organisation from an agent of type `PROV` (BALP's user-organisation agent), else the
//!   municipality;
//! - why: the first coding of the requestor's `purposeOfUse`, then of `purposeOfEvent`, that the
//!   catalogue's `[[purpose_code]]` table knows;
//! - the system: the API key's; `source.observer` may name it, but never another catalogue system.
//!
//! Every problem found is returned, each naming its element.

use super::action::{action, has};
use super::error::FhirError;
use super::model::{Agent, AuditEvent, CodeableConcept, Reference};
use super::parse::echo;
pub use super::parse::parse;
use crate::auth::citizen_key::Pepper;
use crate::domain::Text;
use crate::ingest::cpr::parse_cpr;
use crate::store::fhir::{FhirCatalogue, FhirEvent};
use jiff::Timestamp;

/// The Danish CPR number's identifier system.
pub const CPR_SYSTEM: &str = "urn:oid:1.2.208.176.1.2";
/// The longest name, role, unit or organisation taken, in bytes.
pub const MAX_TEXT: usize = 500;
/// The longest resource id (FHIR ids are at most 64 characters).
pub const MAX_ID: usize = 64;

const OBJECT_ROLE: &str = "http://terminology.hl7.org/CodeSystem/object-role";
const ROLE_CLASS: &str = "http://terminology.hl7.org/CodeSystem/v3-RoleClass";

/// Parses `value` as an R4 AuditEvent and maps it. `system` is the API key's system name.
pub fn check(
    value: serde_json::Value,
    system: &str,
    catalogue: &FhirCatalogue,
    pepper: &Pepper,
) -> Result<FhirEvent, Vec<FhirError>> {
    let found = value
        .get("resourceType")
        .and_then(|v| v.as_str())
        .unwrap_or("");
    if found != "AuditEvent" {
        return Err(vec![FhirError::WrongResource {
            expression: "resourceType".into(),
            found: if found.is_empty() {
                "not a FHIR resource".into()
            } else {
                echo(found)
            },
            wanted: "AuditEvent",
        }]);
    }
    let event: AuditEvent = parse(value, "AuditEvent").map_err(|e| vec![e])?;
    if catalogue.is_empty() {
        return Err(vec![FhirError::NoCatalogue]);
    }
    let system_id = catalogue
        .system_id(system)
        .ok_or_else(|| vec![FhirError::UnknownSystem])?
        .to_owned();
    map(&event, &system_id, catalogue, pepper)
}

/// The first non-empty of a concept's text and its codings' displays and codes.
fn words(c: &CodeableConcept) -> Option<String> {
    c.text
        .iter()
        .chain(
            c.coding
                .iter()
                .flat_map(|k| k.display.iter().chain(&k.code)),
        )
        .find(|s| !s.trim().is_empty())
        .cloned()
}

fn is_patient(e: &super::model::Entity) -> bool {
    let by_role = e.role.as_ref().is_some_and(|r| has(r, OBJECT_ROLE, &["1"]));
    let by_what = e.what.as_ref().is_some_and(|w| {
        w.type_.as_deref() == Some("Patient")
            || w.reference
                .as_deref()
                .is_some_and(|r| r.starts_with("Patient/") || r.contains("/Patient/"))
    });
    by_role || by_what
}

/// The citizen key and masked CPR number of the first patient entity with a CPR identifier.
fn citizen(event: &AuditEvent, pepper: &Pepper) -> Result<(String, String), FhirError> {
    let patients: Vec<usize> = (0..event.entity.len())
        .filter(|&i| is_patient(&event.entity[i]))
        .collect();
    let Some(&first) = patients.first() else {
        return Err(FhirError::NoPatient {
            expression: "AuditEvent.entity".into(),
        });
    };
    for &i in &patients {
        let Some(id) = event.entity[i]
            .what
            .as_ref()
            .and_then(|w| w.identifier.as_ref())
            .filter(|id| id.system.as_deref() == Some(CPR_SYSTEM))
        else {
            continue;
        };
        let cpr =
            id.value
                .as_deref()
                .and_then(parse_cpr)
                .ok_or_else(|| FhirError::MalformedCpr {
                    expression: format!("AuditEvent.entity[{i}].what.identifier.value"),
                })?;
        return Ok((pepper.citizen_key(&cpr), cpr.masked()));
    }
    Err(FhirError::NoCpr {
        expression: format!("AuditEvent.entity[{first}].what.identifier"),
    })
}

/// The purpose id of the first known coding, or the problem.
fn purpose(
    event: &AuditEvent,
    requestor: Option<(usize, &Agent)>,
    catalogue: &FhirCatalogue,
) -> Result<String, FhirError> {
    let mut concepts: Vec<(String, &CodeableConcept)> = Vec::new();
    if let Some((i, agent)) = requestor {
        for (j, c) in agent.purpose_of_use.iter().enumerate() {
            concepts.push((format!("AuditEvent.agent[{i}].purposeOfUse[{j}]"), c));
        }
    }
    for (j, c) in event.purpose_of_event.iter().enumerate() {
        concepts.push((format!("AuditEvent.purposeOfEvent[{j}]"), c));
    }
    let mut unknown = None;
    for (path, concept) in &concepts {
        for coding in &concept.coding {
            let (Some(system), Some(code)) = (&coding.system, &coding.code) else {
                continue;
            };
            if let Some(p) = catalogue.purpose(system, code) {
                return Ok(p.to_owned());
            }
            unknown.get_or_insert_with(|| FhirError::UnknownPurpose {
                expression: path.clone(),
                system: echo(system),
                code: echo(code),
            });
        }
    }
    Err(unknown.unwrap_or_else(|| FhirError::NoPurpose {
        expression: "AuditEvent.purposeOfEvent".into(),
    }))
}

fn reference_words(r: &Reference) -> Option<String> {
    r.display
        .iter()
        .chain(r.identifier.iter().flat_map(|i| i.value.iter()))
        .find(|s| !s.trim().is_empty())
        .cloned()
}

/// A text from the resource, the same in both languages, at most [`MAX_TEXT`] bytes.
fn same(s: String, expression: String) -> Result<Text, FhirError> {
    if s.len() > MAX_TEXT {
        return Err(FhirError::TooLong {
            expression,
            max: MAX_TEXT,
        });
    }
    Ok(Text::same(s.trim().to_owned()))
}

struct Who {
    role: Text,
    unit: Option<Text>,
    employee: Option<String>,
}

fn requestor_texts(i: usize, agent: &Agent) -> Result<Who, FhirError> {
    let at = |what: &str| format!("AuditEvent.agent[{i}].{what}");
    let role = match agent.role.iter().find_map(words) {
        Some(r) => same(r, at("role"))?,
        None => match agent.type_.as_ref().and_then(words) {
            Some(t) => same(t, at("type"))?,
            None => {
                return Err(FhirError::Invalid {
                    expression: at("role"),
                    detail: "the requesting agent needs a role or a type".into(),
                });
            }
        },
    };
    let unit = match agent.location.as_ref().and_then(reference_words) {
        Some(u) => Some(same(u, at("location"))?),
        None => None,
    };
    let employee = agent
        .who
        .as_ref()
        .and_then(|w| w.display.clone())
        .or_else(|| agent.name.clone())
        .filter(|n| !n.trim().is_empty());
    if employee.as_ref().is_some_and(|n| n.len() > MAX_TEXT) {
        return Err(FhirError::TooLong {
            expression: at("who.display"),
            max: MAX_TEXT,
        });
    }
    Ok(Who {
        role,
        unit,
        employee,
    })
}

/// The user's organisation: the `who` of an agent of type `PROV` (BALP's user-organisation agent).
fn organisation(event: &AuditEvent) -> Result<Option<Text>, FhirError> {
    for (i, agent) in event.agent.iter().enumerate() {
        let prov = agent
            .type_
            .as_ref()
            .is_some_and(|t| t.coding.iter().any(|c| has(c, ROLE_CLASS, &["PROV"])));
        if let Some(name) = prov
            .then(|| agent.who.as_ref().and_then(reference_words))
            .flatten()
        {
            return same(name, format!("AuditEvent.agent[{i}].who")).map(Some);
        }
    }
    Ok(None)
}

fn map(
    event: &AuditEvent,
    system: &str,
    catalogue: &FhirCatalogue,
    pepper: &Pepper,
) -> Result<FhirEvent, Vec<FhirError>> {
    let mut problems = Vec::new();
    let id = event.id.clone().unwrap_or_default();
    if id.trim().is_empty() {
        problems.push(FhirError::NoId {
            expression: "AuditEvent.id".into(),
        });
    } else if id.len() > MAX_ID {
        problems.push(FhirError::TooLong {
            expression: "AuditEvent.id".into(),
            max: MAX_ID,
        });
    }
    let at = event
        .recorded
        .parse::<Timestamp>()
        .map_err(|_| FhirError::BadTime {
            expression: "AuditEvent.recorded".into(),
        });
    let action = action(event).ok_or_else(|| FhirError::UnknownAction {
        expression: "AuditEvent.action".into(),
    });
    let citizen = citizen(event, pepper);
    let requestor = event.agent.iter().enumerate().find(|(_, a)| a.requestor);
    let who = match requestor {
        Some((i, agent)) => requestor_texts(i, agent),
        None => Err(FhirError::NoRequestor {
            expression: "AuditEvent.agent".into(),
        }),
    };
    let purpose = purpose(event, requestor, catalogue);
    let organisation = organisation(event);
    let observed = reference_words(&event.source.observer)
        .and_then(|o| catalogue.system_id(&o).map(str::to_owned));
    if observed.as_deref().is_some_and(|o| o != system) {
        problems.push(FhirError::WrongSystem {
            expression: "AuditEvent.source.observer".into(),
        });
    }
    let sys = catalogue.system(system);
    let category = sys.and_then(|s| s.category.clone());
    if category.is_none() {
        problems.push(FhirError::NoCategory);
    }
    let mut take = |r: Result<(), FhirError>| {
        if let Err(e) = r {
            problems.push(e);
        }
    };
    take(at.as_ref().map(|_| ()).map_err(Clone::clone));
    take(action.as_ref().map(|_| ()).map_err(Clone::clone));
    take(citizen.as_ref().map(|_| ()).map_err(Clone::clone));
    take(who.as_ref().map(|_| ()).map_err(Clone::clone));
    take(purpose.as_ref().map(|_| ()).map_err(Clone::clone));
    take(organisation.as_ref().map(|_| ()).map_err(Clone::clone));
    match (
        at,
        action,
        citizen,
        who,
        purpose,
        organisation,
        sys,
        category,
    ) {
        (
            Ok(at),
            Ok(action),
            Ok((citizen_key, cpr_masked)),
            Ok(who),
            Ok(purpose),
            Ok(organisation),
            Some(sys),
            Some((area, category)),
        ) if problems.is_empty() => Ok(FhirEvent {
            resource_id: id,
            system: system.to_owned(),
            citizen_key,
            cpr_masked,
            at,
            action,
            organisation,
            unit: who.unit.unwrap_or_else(|| sys.owner.clone()),
            role: who.role,
            employee: who.employee,
            area,
            category,
            purpose,
        }),
        _ => Err(problems),
    }
}
