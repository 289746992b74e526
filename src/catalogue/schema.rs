//! The catalogue's schema: the kinds of entry, their keys, and what each key allows.
//!
//! `walk.rs` checks every file against this table before anything is deserialized, so each problem can
//! be reported with its file, line and key.

/// A kind of entry: one `[[name]]` array of tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Area,
    System,
    LegalBasis,
    Purpose,
    Category,
    ConsentType,
    DecisionTool,
    /// A purpose code of a standard code system (FHIR `purposeOfUse`) and the purpose it means.
    PurposeCode,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Area,
        Kind::System,
        Kind::LegalBasis,
        Kind::Purpose,
        Kind::Category,
        Kind::ConsentType,
        Kind::DecisionTool,
        Kind::PurposeCode,
    ];

    /// The name of the array of tables in TOML (`[[category]]`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Area => "area",
            Kind::System => "system",
            Kind::LegalBasis => "legal_basis",
            Kind::Purpose => "purpose",
            Kind::Category => "category",
            Kind::ConsentType => "consent_type",
            Kind::DecisionTool => "decision_tool",
            Kind::PurposeCode => "purpose_code",
        }
    }

    /// The Fluent id of the kind's name in a sentence.
    pub fn message_id(self) -> &'static str {
        match self {
            Kind::Area => "catalogue-kind-area",
            Kind::System => "catalogue-kind-system",
            Kind::LegalBasis => "catalogue-kind-legal-basis",
            Kind::Purpose => "catalogue-kind-purpose",
            Kind::Category => "catalogue-kind-category",
            Kind::ConsentType => "catalogue-kind-consent-type",
            Kind::DecisionTool => "catalogue-kind-decision-tool",
            Kind::PurposeCode => "catalogue-kind-purpose-code",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    pub fn names() -> Vec<&'static str> {
        Kind::ALL.iter().map(|k| k.name()).collect()
    }

    pub fn keys(self) -> &'static [Key] {
        match self {
            Kind::Area => AREA,
            Kind::System => SYSTEM,
            Kind::LegalBasis => LEGAL_BASIS,
            Kind::Purpose => PURPOSE,
            Kind::Category => CATEGORY,
            Kind::ConsentType => CONSENT_TYPE,
            Kind::DecisionTool => DECISION_TOOL,
            Kind::PurposeCode => PURPOSE_CODE,
        }
    }
}

/// What a key expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// The entry's own id: lowercase letters, digits and `_`, starting with a letter.
    Id,
    /// A non-empty string that is the same in both languages (a system's name, a contact).
    Str,
    /// A text a citizen reads: `{ da = "…", en = "…" }`, both non-empty.
    Text,
    /// A list of such texts.
    TextList,
    Bool,
    Int {
        min: i64,
        max: i64,
    },
    /// One of the listed strings.
    OneOf(&'static [&'static str]),
    /// The id of an entry of that kind.
    Ref(Kind),
    /// A non-empty list of ids of entries of that kind.
    RefList(Kind),
    /// A table with these keys.
    Table(&'static [Key]),
    /// A non-empty array of tables with these keys, each with its own `id`.
    TableList(&'static [Key]),
    /// The retention rule: `{ years, after, end_of_year }` or `{ as_long_as_law_requires = true }`.
    Retention,
}

/// One key of an entry or of a table inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
}

const fn req(name: &'static str, ty: Ty) -> Key {
    Key {
        name,
        ty,
        required: true,
    }
}

const fn opt(name: &'static str, ty: Ty) -> Key {
    Key {
        name,
        ty,
        required: false,
    }
}

pub const LAWFULNESS: &[&str] = &["voluntary", "required_by_law"];
pub const ORIGIN_KINDS: &[&str] = &["citizen", "cpr_register", "authority"];
/// What starts a retention period (the date a system sends as the holding's retention start).
pub const RETENTION_AFTER: &[&str] = &["last_use", "case_closed", "collected", "decision"];
pub const MAX_RETENTION_YEARS: i64 = 100;

/// The two languages of a [`Ty::Text`].
pub const TEXT_KEYS: &[Key] = &[req("da", Ty::Str), req("en", Ty::Str)];

const AREA: &[Key] = &[
    req("id", Ty::Id),
    req("name", Ty::Text),
    req("description", Ty::Text),
];

const SYSTEM: &[Key] = &[
    req("id", Ty::Id),
    req("name", Ty::Str),
    req("owner", Ty::Text),
    req("contact", Ty::Str),
];

const LEGAL_BASIS: &[Key] = &[
    req("id", Ty::Id),
    req("gdpr", Ty::Text),
    req("law", Ty::Text),
    req("plain", Ty::Text),
];

const PURPOSE: &[Key] = &[
    req("id", Ty::Id),
    req("name", Ty::Text),
    req("description", Ty::Text),
    req("legal_basis", Ty::Ref(Kind::LegalBasis)),
    req("lawfulness", Ty::OneOf(LAWFULNESS)),
    req("how_to_object", Ty::Text),
];

const ORIGIN: &[Key] = &[req("kind", Ty::OneOf(ORIGIN_KINDS)), req("name", Ty::Text)];

pub const RETENTION: &[Key] = &[
    opt(
        "years",
        Ty::Int {
            min: 1,
            max: MAX_RETENTION_YEARS,
        },
    ),
    opt("after", Ty::OneOf(RETENTION_AFTER)),
    opt("end_of_year", Ty::Bool),
    opt("as_long_as_law_requires", Ty::Bool),
];

const FIELD: &[Key] = &[
    req("id", Ty::Id),
    req("label", Ty::Text),
    req("sensitive", Ty::Bool),
];

const CATEGORY: &[Key] = &[
    req("id", Ty::Id),
    req("area", Ty::Ref(Kind::Area)),
    req("name", Ty::Text),
    req("description", Ty::Text),
    req("special_category", Ty::Bool),
    req("legal_basis", Ty::Ref(Kind::LegalBasis)),
    req("lawfulness", Ty::OneOf(LAWFULNESS)),
    req("purposes", Ty::RefList(Kind::Purpose)),
    req("recipients", Ty::TextList),
    req("system", Ty::Ref(Kind::System)),
    req("origin", Ty::Table(ORIGIN)),
    req("retention", Ty::Retention),
    req("fields", Ty::TableList(FIELD)),
];

const CONSENT_TYPE: &[Key] = &[
    req("id", Ty::Id),
    req("scope", Ty::Text),
    req("recipient", Ty::Text),
    req("purpose", Ty::Ref(Kind::Purpose)),
];

const DECISION_TOOL: &[Key] = &[
    req("id", Ty::Id),
    req("area", Ty::Ref(Kind::Area)),
    req("name", Ty::Text),
    req("used_for", Ty::Text),
    req("inputs", Ty::TextList),
    req("how_it_helps", Ty::Text),
    req("human_role", Ty::Text),
    req("how_to_object", Ty::Text),
    opt("system", Ty::Ref(Kind::System)),
];

/// `system` is the code system's URI (`http://terminology.hl7.org/CodeSystem/v3-ActReason`), `code` a code
/// in it; each (system, code) pair means one purpose.
const PURPOSE_CODE: &[Key] = &[
    req("id", Ty::Id),
    req("system", Ty::Str),
    req("code", Ty::Str),
    req("purpose", Ty::Ref(Kind::Purpose)),
];

/// Whether `id` is a valid id: 1 to 64 characters, `a-z`, `0-9` and `_`, starting with a letter.
pub fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    id.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_slugs() {
        assert!(valid_id("home_care"));
        assert!(valid_id("p2"));
        assert!(!valid_id(""));
        assert!(!valid_id("2p"));
        assert!(!valid_id("Home"));
        assert!(!valid_id("home-care"));
        assert!(!valid_id(&"a".repeat(65)));
    }

    #[test]
    fn every_kind_has_an_id_key_first() {
        for kind in Kind::ALL {
            assert_eq!(kind.keys()[0], req("id", Ty::Id), "{kind:?}");
            assert_eq!(Kind::from_name(kind.name()), Some(kind));
        }
    }
}
