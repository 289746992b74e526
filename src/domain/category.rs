use super::Text;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// An area of the municipality, e.g. Sundhed & Omsorg.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Area {
    /// A stable code, e.g. `health`.
    pub code: String,
    pub name: Text,
    /// One sentence on what the area does.
    pub description: Text,
    /// How many of the citizen's data categories lie in the area.
    pub categories: u32,
}

/// Whether the processing rests on the citizen's consent or on the law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lawfulness {
    /// Voluntary: based on consent, which can be withdrawn.
    Voluntary,
    /// Required by law: the municipality must process it.
    RequiredByLaw,
}

impl Lawfulness {
    pub fn code(self) -> &'static str {
        match self {
            Lawfulness::Voluntary => "voluntary",
            Lawfulness::RequiredByLaw => "required_by_law",
        }
    }

    pub fn from_code(s: &str) -> Option<Lawfulness> {
        match s {
            "voluntary" => Some(Lawfulness::Voluntary),
            "required_by_law" => Some(Lawfulness::RequiredByLaw),
            _ => None,
        }
    }
}

/// The legal basis of a processing: the GDPR article, the Danish law, and plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalBasis {
    /// E.g. `GDPR art. 6, stk. 1, litra c` / `GDPR Art. 6(1)(c)`.
    pub gdpr: Text,
    /// E.g. `Serviceloven § 83`.
    pub law: Text,
    /// What it means, in plain words.
    pub plain: Text,
}

/// Where the data came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OriginKind {
    /// The citizen gave it.
    Citizen,
    /// The Central Person Register.
    CprRegister,
    /// Another authority, named in [`Origin::name`].
    Authority,
}

impl OriginKind {
    pub fn code(self) -> &'static str {
        match self {
            OriginKind::Citizen => "citizen",
            OriginKind::CprRegister => "cpr_register",
            OriginKind::Authority => "authority",
        }
    }

    pub fn from_code(s: &str) -> Option<OriginKind> {
        match s {
            "citizen" => Some(OriginKind::Citizen),
            "cpr_register" => Some(OriginKind::CprRegister),
            "authority" => Some(OriginKind::Authority),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub kind: OriginKind,
    /// The named source, e.g. "CPR-registret" or "Udbetaling Danmark".
    pub name: Text,
}

/// How long data is kept: the rule in words, and the concrete date it will be deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retention {
    pub rule: Text,
    /// `None` when the data is kept as long as the law requires with no set end (e.g. CPR).
    pub delete_on: Option<Date>,
}

/// One field of a data category, e.g. "Address: Vestergade 12".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldValue {
    pub label: Text,
    pub value: Text,
    /// Masked on screen until revealed (CPR numbers, health details, Art. 9 data).
    pub sensitive: bool,
}

/// A data category in a list: enough to show a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategorySummary {
    pub id: i64,
    pub area: String,
    pub name: Text,
    pub lawfulness: Lawfulness,
    /// Special-category data (GDPR Art. 9): health, etc.
    pub special: bool,
    pub updated_at: Timestamp,
}

/// A data category with every field the detail screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataCategory {
    pub id: i64,
    pub area: String,
    pub name: Text,
    pub description: Text,
    pub fields: Vec<FieldValue>,
    pub origin: Origin,
    /// The purposes the data is used for (names; details on the purposes screen).
    pub purposes: Vec<Text>,
    pub legal_basis: LegalBasis,
    pub lawfulness: Lawfulness,
    pub retention: Retention,
    /// Who it is shared with. Empty: shared with no one.
    pub recipients: Vec<Text>,
    /// The system it lives in, e.g. "KMD Nexus".
    pub system: String,
    /// Special-category data (GDPR Art. 9): health, etc.
    pub special: bool,
    pub updated_at: Timestamp,
}

/// A purpose the municipality uses the citizen's data for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purpose {
    pub id: i64,
    pub name: Text,
    pub description: Text,
    pub legal_basis: LegalBasis,
    pub lawfulness: Lawfulness,
    /// How to object to it or withdraw consent.
    pub how_to_object: Text,
    /// The citizen's data categories it uses.
    pub categories: Vec<Text>,
}
