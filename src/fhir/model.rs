//! A typed subset of FHIR R4 (4.0.1): `AuditEvent` and `Bundle` as a sender writes them, with every element
//! R4 defines at each level, so a misspelt or foreign element is refused (FHIR servers SHALL reject unknown
//! elements). The elements Indsigt reads are typed; the others are accepted and skipped (`IgnoredAny`).
//!
//! Field names are the FHIR JSON names (`camelCase`). Only what ingest needs is here; this is not a
//! general FHIR library.

use serde::Deserialize;
use serde::de::IgnoredAny;

/// An element Indsigt accepts and does not read.
pub type Skipped = Option<IgnoredAny>;

/// R4 `Coding`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Coding {
    #[serde(default)]
    pub id: Skipped,
    #[serde(default)]
    pub extension: Skipped,
    #[serde(default)]
    pub system: Option<String>,
    #[serde(default)]
    pub version: Skipped,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub display: Option<String>,
    #[serde(default)]
    pub user_selected: Skipped,
}

/// R4 `CodeableConcept`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeableConcept {
    #[serde(default)]
    pub id: Skipped,
    #[serde(default)]
    pub extension: Skipped,
    #[serde(default)]
    pub coding: Vec<Coding>,
    #[serde(default)]
    pub text: Option<String>,
}

/// R4 `Identifier`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Identifier {
    #[serde(default)]
    pub id: Skipped,
    #[serde(default)]
    pub extension: Skipped,
    #[serde(default, rename = "use")]
    pub use_: Skipped,
    #[serde(default, rename = "type")]
    pub type_: Skipped,
    #[serde(default)]
    pub system: Option<String>,
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub period: Skipped,
    #[serde(default)]
    pub assigner: Skipped,
}

/// R4 `Reference`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Reference {
    #[serde(default)]
    pub id: Skipped,
    #[serde(default)]
    pub extension: Skipped,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default, rename = "type")]
    pub type_: Option<String>,
    #[serde(default)]
    pub identifier: Option<Identifier>,
    #[serde(default)]
    pub display: Option<String>,
}

/// R4 `AuditEvent`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AuditEvent {
    pub resource_type: String,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub meta: Skipped,
    #[serde(default)]
    pub implicit_rules: Skipped,
    #[serde(default)]
    pub language: Skipped,
    #[serde(default)]
    pub text: Skipped,
    #[serde(default)]
    pub contained: Skipped,
    #[serde(default)]
    pub extension: Skipped,
    #[serde(default)]
    pub modifier_extension: Skipped,
    #[serde(rename = "type")]
    pub type_: Coding,
    #[serde(default)]
    pub subtype: Vec<Coding>,
    #[serde(default)]
    pub action: Option<String>,
    #[serde(default)]
    pub period: Skipped,
    pub recorded: String,
    #[serde(default)]
    pub outcome: Option<String>,
    #[serde(default)]
    pub outcome_desc: Skipped,
    #[serde(default)]
    pub purpose_of_event: Vec<CodeableConcept>,
    pub agent: Vec<Agent>,
    pub source: Source,
    #[serde(default)]
    pub entity: Vec<Entity>,
}

/// R4 `AuditEvent.agent`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Agent {
    #[serde(default)]
    pub id: Skipped,
    #[serde(default)]
    pub extension: Skipped,
    #[serde(default)]
    pub modifier_extension: Skipped,
    #[serde(default, rename = "type")]
    pub type_: Option<CodeableConcept>,
    #[serde(default)]
    pub role: Vec<CodeableConcept>,
    #[serde(default)]
    pub who: Option<Reference>,
    #[serde(default)]
    pub alt_id: Skipped,
    #[serde(default)]
    pub name: Option<String>,
    pub requestor: bool,
    #[serde(default)]
    pub location: Option<Reference>,
    #[serde(default)]
    pub policy: Skipped,
    #[serde(default)]
    pub media: Skipped,
    #[serde(default)]
    pub network: Skipped,
    #[serde(default)]
    pub purpose_of_use: Vec<CodeableConcept>,
}

/// R4 `AuditEvent.source`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Source {
    #[serde(default)]
    pub id: Skipped,
    #[serde(default)]
    pub extension: Skipped,
    #[serde(default)]
    pub modifier_extension: Skipped,
    #[serde(default)]
    pub site: Option<String>,
    pub observer: Reference,
    #[serde(default, rename = "type")]
    pub type_: Skipped,
}

/// R4 `AuditEvent.entity`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Entity {
    #[serde(default)]
    pub id: Skipped,
    #[serde(default)]
    pub extension: Skipped,
    #[serde(default)]
    pub modifier_extension: Skipped,
    #[serde(default)]
    pub what: Option<Reference>,
    #[serde(default, rename = "type")]
    pub type_: Option<Coding>,
    #[serde(default)]
    pub role: Option<Coding>,
    #[serde(default)]
    pub lifecycle: Skipped,
    #[serde(default)]
    pub security_label: Skipped,
    #[serde(default)]
    pub name: Skipped,
    #[serde(default)]
    pub description: Skipped,
    #[serde(default)]
    pub query: Skipped,
    #[serde(default)]
    pub detail: Skipped,
}

/// R4 `Bundle`, as a sender posts it. Each entry's `resource` is read on its own, so one bad entry gets its
/// own answer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Bundle {
    pub resource_type: String,
    #[serde(default)]
    pub id: Skipped,
    #[serde(default)]
    pub meta: Skipped,
    #[serde(default)]
    pub implicit_rules: Skipped,
    #[serde(default)]
    pub language: Skipped,
    #[serde(default)]
    pub identifier: Skipped,
    #[serde(rename = "type")]
    pub type_: String,
    #[serde(default)]
    pub timestamp: Skipped,
    #[serde(default)]
    pub total: Skipped,
    #[serde(default)]
    pub link: Skipped,
    #[serde(default)]
    pub entry: Vec<BundleEntry>,
    #[serde(default)]
    pub signature: Skipped,
}

/// R4 `Bundle.entry`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct BundleEntry {
    #[serde(default)]
    pub id: Skipped,
    #[serde(default)]
    pub extension: Skipped,
    #[serde(default)]
    pub modifier_extension: Skipped,
    #[serde(default)]
    pub link: Skipped,
    #[serde(default)]
    pub full_url: Skipped,
    #[serde(default)]
    pub resource: Option<serde_json::Value>,
    #[serde(default)]
    pub search: Skipped,
    #[serde(default)]
    pub request: Option<BundleRequest>,
    #[serde(default)]
    pub response: Skipped,
}

/// R4 `Bundle.entry.request`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct BundleRequest {
    #[serde(default)]
    pub id: Skipped,
    #[serde(default)]
    pub extension: Skipped,
    #[serde(default)]
    pub modifier_extension: Skipped,
    pub method: String,
    pub url: String,
    #[serde(default)]
    pub if_none_match: Skipped,
    #[serde(default)]
    pub if_modified_since: Skipped,
    #[serde(default)]
    pub if_match: Skipped,
    #[serde(default)]
    pub if_none_exist: Skipped,
}
