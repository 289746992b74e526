//! The one place an ingested record is checked, for the HTTP endpoints and the JSONL loader alike:
//! its shape, its CPR number (turned into the citizen key at once), its catalogue references, that the
//! sending system owns the category or tool, the declared fields, and the size of every value.
//!
//! A field value that is a CPR number is kept only masked (`ddmmyy-••••`).

use super::cpr::{mask_cprs, parse_cpr};
use crate::auth::citizen_key::Pepper;
use crate::domain::Text;
use crate::store::records::{Body, CatalogueView, Record};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The longest record id, case reference or field value accepted, in bytes.
pub const MAX_VALUE_BYTES: usize = 4_000;

/// What a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Holdings,
    Consents,
    Decisions,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Holdings => "holdings",
            Kind::Consents => "consents",
            Kind::Decisions => "decisions",
        }
    }

    pub fn from_code(s: &str) -> Option<Kind> {
        match s {
            "holdings" => Some(Kind::Holdings),
            "consents" => Some(Kind::Consents),
            "decisions" => Some(Kind::Decisions),
            _ => None,
        }
    }
}

/// Why a record was refused. The display is for the operator of the sending system: it names the field or
/// the catalogue id, never the citizen or a value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("the item is not valid: {0}")]
    Invalid(String),
    #[error("the CPR number is not ten digits as ddmmyy-nnnn or ddmmyynnnn")]
    MalformedCpr,
    #[error("the catalogue has no category {0}")]
    UnknownCategory(String),
    #[error("the catalogue has no consent type {0}")]
    UnknownConsentType(String),
    #[error("the catalogue has no decision-support tool {0}")]
    UnknownTool(String),
    #[error("category {category} declares no field {field}")]
    UndeclaredField { category: String, field: String },
    #[error("{0} is longer than {MAX_VALUE_BYTES} bytes")]
    TooLong(String),
    #[error("{0} is not owned by this system in the catalogue")]
    WrongSystem(String),
    #[error("{0} is not a valid time (RFC 3339) or date (YYYY-MM-DD)")]
    BadTime(&'static str),
    #[error("the catalogue has no system for this API key")]
    UnknownSystem,
    #[error("no catalogue has been imported")]
    NoCatalogue,
}

impl RecordError {
    /// The machine code in the answer.
    pub fn code(&self) -> &'static str {
        match self {
            RecordError::Invalid(_) => "invalid",
            RecordError::MalformedCpr => "malformed_cpr",
            RecordError::UnknownCategory(_) => "unknown_category",
            RecordError::UnknownConsentType(_) => "unknown_consent_type",
            RecordError::UnknownTool(_) => "unknown_tool",
            RecordError::UndeclaredField { .. } => "undeclared_field",
            RecordError::TooLong(_) => "too_long",
            RecordError::WrongSystem(_) => "wrong_system",
            RecordError::BadTime(_) => "bad_time",
            RecordError::UnknownSystem => "unknown_system",
            RecordError::NoCatalogue => "no_catalogue",
        }
    }

    /// The message id of the operator's sentence; its one variable, `what`, is [`RecordError::subject`].
    pub fn message_id(&self) -> &'static str {
        match self {
            RecordError::Invalid(_) => "ingest-rejected-invalid",
            RecordError::MalformedCpr => "ingest-rejected-malformed-cpr",
            RecordError::UnknownCategory(_) => "ingest-rejected-unknown-category",
            RecordError::UnknownConsentType(_) => "ingest-rejected-unknown-consent-type",
            RecordError::UnknownTool(_) => "ingest-rejected-unknown-tool",
            RecordError::UndeclaredField { .. } => "ingest-rejected-undeclared-field",
            RecordError::TooLong(_) => "ingest-rejected-too-long",
            RecordError::WrongSystem(_) => "ingest-rejected-wrong-system",
            RecordError::BadTime(_) => "ingest-rejected-bad-time",
            RecordError::UnknownSystem => "ingest-rejected-unknown-system",
            RecordError::NoCatalogue => "ingest-rejected-no-catalogue",
        }
    }

    /// What the sentence is about: a field, a catalogue id, or nothing. Never a value from the record.
    pub fn subject(&self) -> String {
        match self {
            RecordError::Invalid(w)
            | RecordError::UnknownCategory(w)
            | RecordError::UnknownConsentType(w)
            | RecordError::UnknownTool(w)
            | RecordError::TooLong(w)
            | RecordError::WrongSystem(w) => w.clone(),
            RecordError::UndeclaredField { category, field } => format!("{category}.{field}"),
            RecordError::BadTime(w) => (*w).to_owned(),
            RecordError::MalformedCpr | RecordError::UnknownSystem | RecordError::NoCatalogue => {
                String::new()
            }
        }
    }
}

/// A bilingual text as a sending system writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Name {
    pub da: String,
    pub en: String,
}

impl Name {
    pub fn new(da: impl Into<String>, en: impl Into<String>) -> Name {
        Name {
            da: da.into(),
            en: en.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactorItem {
    pub name: Name,
    pub effect: Name,
}

/// One record as a system sends it (one JSON object): the fields every kind has, then the kind's own;
/// unknown keys are refused. `indsigt ingest`, the HTTP ingest and `indsigt demo-data` all hand this to
/// [`check_item`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordItem {
    pub record_id: String,
    pub cpr: String,
    #[serde(default)]
    pub version: Option<i64>,
    #[serde(default)]
    pub updated_at: Option<String>,
    // Holdings.
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub fields: Option<std::collections::BTreeMap<String, Name>>,
    #[serde(default)]
    pub origin: Option<Name>,
    #[serde(default)]
    pub retention_start: Option<String>,
    #[serde(default)]
    pub case_ref: Option<String>,
    #[serde(default)]
    pub deleted: bool,
    // Consents.
    #[serde(default)]
    pub consent_type: Option<String>,
    #[serde(default)]
    pub given_at: Option<String>,
    #[serde(default)]
    pub withdrawn_at: Option<String>,
    // Decision-support uses.
    #[serde(default)]
    pub tool: Option<String>,
    #[serde(default)]
    pub decided_at: Option<String>,
    #[serde(default)]
    pub result: Option<Name>,
    #[serde(default)]
    pub factors: Option<Vec<FactorItem>>,
}

fn time(s: &str, what: &'static str) -> Result<Timestamp, RecordError> {
    s.parse::<Timestamp>()
        .map_err(|_| RecordError::BadTime(what))
}

fn need<T>(v: Option<T>, what: &str) -> Result<T, RecordError> {
    v.ok_or_else(|| RecordError::Invalid(format!("missing field `{what}`")))
}

fn short(s: &str, what: &str) -> Result<(), RecordError> {
    if s.len() > MAX_VALUE_BYTES {
        return Err(RecordError::TooLong(what.to_owned()));
    }
    Ok(())
}

fn text(n: Name, what: &str) -> Result<Text, RecordError> {
    short(&n.da, what)?;
    short(&n.en, what)?;
    Ok(Text::new(mask_cprs(&n.da), mask_cprs(&n.en)))
}

/// Checks one item of `kind` sent by `system` (the API key's or `--system`'s name) against the catalogue,
/// and turns its CPR number into the citizen key. The record id is returned on refusal when readable.
pub fn check(
    kind: Kind,
    system: &str,
    value: serde_json::Value,
    catalogue: &CatalogueView,
    pepper: &Pepper,
) -> Result<Record, (Option<String>, RecordError)> {
    let record_id = value
        .get("record_id")
        .and_then(|v| v.as_str())
        .filter(|s| s.len() <= MAX_VALUE_BYTES)
        .map(str::to_owned);
    sender(system, catalogue)
        .and_then(|_| parse(value))
        .and_then(|item| check_item(kind, system, item, catalogue, pepper))
        .map_err(|e| (record_id, e))
}

/// The catalogue id of the sending system, when a catalogue was imported and names it.
fn sender(system: &str, catalogue: &CatalogueView) -> Result<String, RecordError> {
    if catalogue.is_empty() {
        return Err(RecordError::NoCatalogue);
    }
    catalogue
        .system_id(system)
        .map(str::to_owned)
        .ok_or(RecordError::UnknownSystem)
}

fn parse(value: serde_json::Value) -> Result<RecordItem, RecordError> {
    serde_json::from_value(value).map_err(|e| {
        // serde's complaint names the field, never the value.
        let m = e.to_string();
        RecordError::Invalid(
            m.split(" at line")
                .next()
                .unwrap_or("wrong shape")
                .to_owned(),
        )
    })
}

/// Checks one record of `kind` sent by `system` against the catalogue and turns its CPR number into the
/// citizen key: the rules of [`check`], for a record already in its typed form.
pub fn check_item(
    kind: Kind,
    system: &str,
    item: RecordItem,
    catalogue: &CatalogueView,
    pepper: &Pepper,
) -> Result<Record, RecordError> {
    let system = sender(system, catalogue)?;
    if item.record_id.is_empty() {
        return Err(RecordError::Invalid("`record_id` is empty".into()));
    }
    short(&item.record_id, "record_id")?;
    let cpr = parse_cpr(&item.cpr).ok_or(RecordError::MalformedCpr)?;
    let version = match (item.version, item.updated_at.as_deref()) {
        (Some(v), _) => v,
        (None, Some(t)) => time(t, "updated_at")?.as_second(),
        (None, None) => {
            return Err(RecordError::Invalid(
                "missing field `version` (or `updated_at`)".into(),
            ));
        }
    };
    if let Some(c) = &item.case_ref {
        short(c, "case_ref")?;
    }
    let body = match kind {
        Kind::Holdings => {
            let category = need(item.category, "category")?;
            let cat = catalogue
                .category(&category)
                .ok_or_else(|| RecordError::UnknownCategory(category.clone()))?;
            if cat.system != system {
                return Err(RecordError::WrongSystem(format!("category {category}")));
            }
            let mut values = Vec::new();
            for (field, v) in item.fields.unwrap_or_default() {
                if !cat.fields.contains(&field) {
                    return Err(RecordError::UndeclaredField { category, field });
                }
                let v = text(v, &format!("field {field}"))?;
                values.push((field, v));
            }
            let updated_at = match item.updated_at.as_deref() {
                Some(t) => time(t, "updated_at")?,
                None => Timestamp::UNIX_EPOCH,
            };
            let retention_start = item
                .retention_start
                .as_deref()
                .map(|s| {
                    s.parse::<Date>()
                        .map_err(|_| RecordError::BadTime("retention_start"))
                })
                .transpose()?;
            Body::Holding {
                category,
                values,
                origin: item.origin.map(|o| text(o, "origin")).transpose()?,
                updated_at,
                retention_start,
                case_ref: item.case_ref.map(|c| mask_cprs(&c)),
                deleted: item.deleted,
            }
        }
        Kind::Consents => {
            let consent_type = need(item.consent_type, "consent_type")?;
            if !catalogue.has_consent_type(&consent_type) {
                return Err(RecordError::UnknownConsentType(consent_type));
            }
            Body::Consent {
                consent_type,
                given_at: time(&need(item.given_at, "given_at")?, "given_at")?,
                withdrawn_at: item
                    .withdrawn_at
                    .as_deref()
                    .map(|t| time(t, "withdrawn_at"))
                    .transpose()?,
            }
        }
        Kind::Decisions => {
            let tool = need(item.tool, "tool")?;
            let owner = catalogue
                .tool_system(&tool)
                .ok_or_else(|| RecordError::UnknownTool(tool.clone()))?;
            if owner.is_some_and(|o| o != system) {
                return Err(RecordError::WrongSystem(format!("tool {tool}")));
            }
            let mut factors = Vec::new();
            for f in item.factors.unwrap_or_default() {
                factors.push((text(f.name, "factor")?, text(f.effect, "factor")?));
            }
            Body::Decision {
                tool,
                case_ref: item.case_ref.map(|c| mask_cprs(&c)),
                decided_at: time(&need(item.decided_at, "decided_at")?, "decided_at")?,
                result: text(need(item.result, "result")?, "result")?,
                factors,
            }
        }
    };
    Ok(Record {
        system,
        record_id: item.record_id,
        citizen_key: pepper.citizen_key(&cpr),
        cpr_masked: cpr.masked(),
        version,
        body,
    })
}
