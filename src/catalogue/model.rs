//! The catalogue as typed data (GDPR Art. 30): what the municipality processes, independent of any one
//! citizen. Deserialized only after `walk.rs` has checked every file, so these types can be strict.

use crate::domain::{Lawfulness, OriginKind, Text};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A whole catalogue: every entry of every file, in file order (files sorted by path).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    #[serde(default, rename = "area")]
    pub areas: Vec<Area>,
    #[serde(default, rename = "system")]
    pub systems: Vec<System>,
    #[serde(default, rename = "legal_basis")]
    pub legal_bases: Vec<LegalBasis>,
    #[serde(default, rename = "purpose")]
    pub purposes: Vec<Purpose>,
    #[serde(default, rename = "category")]
    pub categories: Vec<Category>,
    #[serde(default, rename = "consent_type")]
    pub consent_types: Vec<ConsentType>,
    #[serde(default, rename = "decision_tool")]
    pub decision_tools: Vec<DecisionTool>,
    #[serde(default, rename = "purpose_code")]
    pub purpose_codes: Vec<PurposeCode>,
}

impl Catalogue {
    /// Appends the entries of `other` (the next file).
    pub fn extend(&mut self, other: Catalogue) {
        self.areas.extend(other.areas);
        self.systems.extend(other.systems);
        self.legal_bases.extend(other.legal_bases);
        self.purposes.extend(other.purposes);
        self.categories.extend(other.categories);
        self.consent_types.extend(other.consent_types);
        self.decision_tools.extend(other.decision_tools);
        self.purpose_codes.extend(other.purpose_codes);
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn purpose(&self, id: &str) -> Option<&Purpose> {
        self.purposes.iter().find(|p| p.id == id)
    }
}

/// An area of the municipality (health and care, employment, …), in the order the kiosk shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub name: Text,
    pub description: Text,
}

/// A line-of-business system that holds data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct System {
    pub id: String,
    /// The product's name, the same in both languages ("KMD Nexus").
    pub name: String,
    /// The unit that owns the system.
    pub owner: Text,
    /// How to reach the owner (an e-mail address or a phone number).
    pub contact: String,
}

/// A legal basis: the GDPR article, the Danish law and paragraph, and plain words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalBasis {
    pub id: String,
    pub gdpr: Text,
    pub law: Text,
    pub plain: Text,
}

/// A purpose the municipality processes data for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub legal_basis: String,
    pub lawfulness: Lawfulness,
    pub how_to_object: Text,
}

/// A data category: what is held, why, where, for how long.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub area: String,
    pub name: Text,
    pub description: Text,
    /// A special category of personal data (GDPR Art. 9), e.g. health.
    pub special_category: bool,
    pub legal_basis: String,
    pub lawfulness: Lawfulness,
    pub purposes: Vec<String>,
    pub recipients: Vec<Text>,
    pub system: String,
    pub origin: Origin,
    pub retention: Retention,
    pub fields: Vec<Field>,
}

/// Where a category's data usually comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    pub kind: OriginKind,
    pub name: Text,
}

/// A declared field of a category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    pub label: Text,
    /// Masked on screen until the citizen reveals it.
    pub sensitive: bool,
}

/// What starts a retention period: the date a system sends as a holding's retention start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RetentionStart {
    /// The data was last used or changed.
    LastUse,
    /// The case was closed.
    CaseClosed,
    /// The data was collected.
    Collected,
    /// The decision was made.
    Decision,
}

impl RetentionStart {
    pub fn code(self) -> &'static str {
        match self {
            RetentionStart::LastUse => "last_use",
            RetentionStart::CaseClosed => "case_closed",
            RetentionStart::Collected => "collected",
            RetentionStart::Decision => "decision",
        }
    }
}

/// The retention rule as written: `{ years = 5, after = "case_closed" }`, optionally with
/// `end_of_year = true`, or `{ as_long_as_law_requires = true }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<RetentionStart>,
    /// The period runs from the end of the year of the start date.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub end_of_year: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub as_long_as_law_requires: bool,
}

/// The retention rule, checked: a fixed period, or as long as the law requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetentionRule {
    Years {
        years: u8,
        after: RetentionStart,
        end_of_year: bool,
    },
    AsLongAsLawRequires,
}

impl Retention {
    /// The rule (a checked catalogue always has one of the two shapes).
    pub fn rule(&self) -> RetentionRule {
        match (self.years, self.after) {
            (Some(years), Some(after)) if !self.as_long_as_law_requires => RetentionRule::Years {
                years,
                after,
                end_of_year: self.end_of_year,
            },
            _ => RetentionRule::AsLongAsLawRequires,
        }
    }

    /// The concrete deletion date for a holding whose retention period starts on `start`; `None` when
    /// there is no set date (kept as long as the law requires).
    pub fn deletion_date(&self, start: Date) -> Option<Date> {
        match self.rule() {
            RetentionRule::AsLongAsLawRequires => None,
            RetentionRule::Years {
                years, end_of_year, ..
            } => {
                let from = if end_of_year {
                    Date::new(start.year().checked_add(1)?, 1, 1).ok()?
                } else {
                    start
                };
                from.checked_add(i64::from(years).years()).ok()
            }
        }
    }
}

/// A kind of consent a citizen can give (and withdraw).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentType {
    pub id: String,
    pub scope: Text,
    pub recipient: Text,
    /// A voluntary purpose.
    pub purpose: String,
}

/// A decision-support or AI tool used in citizens' cases (GDPR Art. 15(1)(h)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionTool {
    pub id: String,
    pub area: String,
    pub name: Text,
    /// What the tool is for.
    pub used_for: Text,
    /// Which of the citizen's data it uses.
    pub inputs: Vec<Text>,
    pub how_it_helps: Text,
    /// That a person decides, and who.
    pub human_role: Text,
    pub how_to_object: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
}

/// A code of a standard code system that names a purpose: how a FHIR AuditEvent's `purposeOfUse` or
/// `purposeOfEvent` (`system` and `code` of a Coding) becomes one of the catalogue's purposes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PurposeCode {
    pub id: String,
    /// The code system's URI, as the Coding's `system`.
    pub system: String,
    pub code: String,
    /// The id of a `[[purpose]]`.
    pub purpose: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn years(years: u8, end_of_year: bool) -> Retention {
        Retention {
            years: Some(years),
            after: Some(RetentionStart::CaseClosed),
            end_of_year,
            as_long_as_law_requires: false,
        }
    }

    #[test]
    fn deletion_date_counts_years_from_the_start() {
        assert_eq!(
            years(5, false).deletion_date(date(2026, 3, 14)),
            Some(date(2031, 3, 14))
        );
        // 29 February has no twin five years on: the last day of February.
        assert_eq!(
            years(5, false).deletion_date(date(2024, 2, 29)),
            Some(date(2029, 2, 28))
        );
    }

    #[test]
    fn end_of_year_counts_from_the_first_of_january_after() {
        assert_eq!(
            years(5, true).deletion_date(date(2026, 3, 14)),
            Some(date(2032, 1, 1))
        );
        assert_eq!(
            years(1, true).deletion_date(date(2026, 12, 31)),
            Some(date(2028, 1, 1))
        );
    }

    #[test]
    fn as_long_as_the_law_requires_has_no_date() {
        let r = Retention {
            years: None,
            after: None,
            end_of_year: false,
            as_long_as_law_requires: true,
        };
        assert_eq!(r.rule(), RetentionRule::AsLongAsLawRequires);
        assert_eq!(r.deletion_date(date(2026, 1, 1)), None);
    }
}
