//! The OIO Basic Privilege Profile (BPP) a NemLog-in broker passes in a token: base64 of an XML
//! `PrivilegeList`, each `PrivilegeGroup` scoped to an organisation or a person, with the privileges the
//! signed-in person holds for that scope. Only groups scoped to a person
//! (`urn:dk:gov:saml:cprNumberIdentifier:<CPR>`) matter here: they are the powers of attorney.
//!
//! Parsing is strict: a list that is not base64, not XML, not a `PrivilegeList`, or that has a scope of a
//! type the profile does not define is refused whole. The caller then signs the person in as themself
//! only. Nothing here logs; the errors name no CPR number.

use crate::domain::Cpr;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use thiserror::Error;

/// The claim NemLog-in brokers put the privilege list in (the "intermediate" form, base64 XML).
pub const PRIVILEGES_CLAIM: &str = "https://data.gov.dk/model/core/eid/privilegesIntermediate";

/// The scope prefix of a privilege group for a person.
const CPR_SCOPE: &str = "urn:dk:gov:saml:cprNumberIdentifier:";

/// The scope types of the profile that are not a person: accepted, and ignored here.
const OTHER_SCOPES: &[&str] = &[
    "urn:dk:gov:saml:cvrNumberIdentifier:",
    "urn:dk:gov:saml:seNumberIdentifier:",
    "urn:dk:gov:saml:productionUnitIdentifier:",
    "urn:dk:gov:saml:pNumberIdentifier:",
];

/// The longest privilege list read, in bytes of base64. Real lists are a few kilobytes.
pub const MAX_LIST_BYTES: usize = 64 * 1024;

/// Why a privilege list was refused. For the operator's log: no value from the list is in it.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum PrivilegeError {
    #[error("the privilege list is longer than {MAX_LIST_BYTES} bytes")]
    TooLong,
    #[error("the privilege list is not valid base64")]
    NotBase64,
    #[error("the privilege list is not valid XML")]
    NotXml,
    #[error("the privilege list is not a PrivilegeList")]
    NotPrivilegeList,
    #[error("a privilege group has no scope, or a scope of a type the profile does not define")]
    UnknownScope,
    #[error("a privilege group's CPR scope is not a valid CPR number")]
    BadCpr,
}

/// The privileges the signed-in person holds for one other person.
#[derive(Clone, PartialEq, Eq)]
pub struct PersonPrivileges {
    pub cpr: Cpr,
    pub privileges: Vec<String>,
}

impl std::fmt::Debug for PersonPrivileges {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PersonPrivileges")
            .field("cpr", &self.cpr)
            .field("privileges", &self.privileges)
            .finish()
    }
}

impl PersonPrivileges {
    pub fn holds(&self, privilege: &str) -> bool {
        self.privileges.iter().any(|p| p == privilege)
    }
}

/// The person-scoped groups of a base64 privilege list. Groups for the same person are merged.
pub fn parse(claim: &str) -> Result<Vec<PersonPrivileges>, PrivilegeError> {
    let claim = claim.trim();
    if claim.len() > MAX_LIST_BYTES {
        return Err(PrivilegeError::TooLong);
    }
    let bytes = STANDARD
        .decode(claim)
        .or_else(|_| URL_SAFE_NO_PAD.decode(claim.trim_end_matches('=')))
        .map_err(|_| PrivilegeError::NotBase64)?;
    let text =
        zeroize::Zeroizing::new(String::from_utf8(bytes).map_err(|_| PrivilegeError::NotXml)?);
    parse_xml(&text)
}

fn parse_xml(text: &str) -> Result<Vec<PersonPrivileges>, PrivilegeError> {
    let options = roxmltree::ParsingOptions {
        // The profile has no DTD; one is refused rather than expanded.
        allow_dtd: false,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options)
        .map_err(|_| PrivilegeError::NotXml)?;
    let root = doc.root_element();
    if root.tag_name().name() != "PrivilegeList" {
        return Err(PrivilegeError::NotPrivilegeList);
    }
    let mut people: Vec<PersonPrivileges> = Vec::new();
    for group in root
        .children()
        .filter(|n| n.is_element() && n.tag_name().name() == "PrivilegeGroup")
    {
        let scope = group
            .attribute("Scope")
            .map(str::trim)
            .ok_or(PrivilegeError::UnknownScope)?;
        let Some(number) = scope.strip_prefix(CPR_SCOPE) else {
            if OTHER_SCOPES.iter().any(|p| scope.starts_with(p)) {
                continue;
            }
            return Err(PrivilegeError::UnknownScope);
        };
        let cpr = crate::ingest::cpr::parse_cpr(number).ok_or(PrivilegeError::BadCpr)?;
        let privileges = group
            .children()
            .filter(|n| n.is_element() && n.tag_name().name() == "Privilege")
            .filter_map(|n| n.text())
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned);
        match people.iter_mut().find(|p| p.cpr == cpr) {
            Some(person) => person.privileges.extend(privileges),
            None => people.push(PersonPrivileges {
                cpr,
                privileges: privileges.collect(),
            }),
        }
    }
    Ok(people)
}

/// A privilege list as a broker would send it, for tests and the demo provider: base64 of the XML.
pub fn encode_list(groups: &[(&str, &[&str])]) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
    );
    for (scope, privileges) in groups {
        xml.push_str(&format!(r#"<PrivilegeGroup Scope="{scope}">"#));
        for p in *privileges {
            xml.push_str(&format!("<Privilege>{p}</Privilege>"));
        }
        xml.push_str("</PrivilegeGroup>");
    }
    xml.push_str("</bpp:PrivilegeList>");
    STANDARD.encode(xml)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEE: &str = "urn:dk:indsigt:privilege:see";
    const ACT: &str = "urn:dk:indsigt:privilege:act";

    #[test]
    fn person_groups_are_read_and_organisation_groups_skipped() {
        let list = encode_list(&[
            (
                "urn:dk:gov:saml:cprNumberIdentifier:3112401234",
                &[SEE, ACT],
            ),
            (
                "urn:dk:gov:saml:cvrNumberIdentifier:12345678",
                &["urn:x:other"],
            ),
            (
                "urn:dk:gov:saml:cprNumberIdentifier:311240-1234",
                &["urn:x:more"],
            ),
            ("urn:dk:gov:saml:cprNumberIdentifier:0101501111", &[SEE]),
        ]);
        let people = parse(&list).unwrap();
        assert_eq!(people.len(), 2);
        assert_eq!(people[0].cpr.reveal(), "311240-1234");
        assert!(people[0].holds(SEE) && people[0].holds(ACT) && people[0].holds("urn:x:more"));
        assert!(people[1].holds(SEE) && !people[1].holds(ACT));
    }

    #[test]
    fn a_bad_list_is_refused_whole() {
        let cases: Vec<(String, PrivilegeError)> = vec![
            ("not base64 at all!".into(), PrivilegeError::NotBase64),
            (STANDARD.encode("<PrivilegeList><unclosed>"), PrivilegeError::NotXml),
            (STANDARD.encode([0xff, 0xfe, 0x00]), PrivilegeError::NotXml),
            (STANDARD.encode("<Other/>"), PrivilegeError::NotPrivilegeList),
            (
                encode_list(&[("urn:dk:gov:saml:madeUpIdentifier:1", &[SEE])]),
                PrivilegeError::UnknownScope,
            ),
            (
                STANDARD.encode("<PrivilegeList><PrivilegeGroup><Privilege>x</Privilege></PrivilegeGroup></PrivilegeList>"),
                PrivilegeError::UnknownScope,
            ),
            (
                encode_list(&[("urn:dk:gov:saml:cprNumberIdentifier:12345", &[SEE])]),
                PrivilegeError::BadCpr,
            ),
            (
                STANDARD.encode(r#"<!DOCTYPE x [<!ENTITY a "b">]><PrivilegeList/>"#),
                PrivilegeError::NotXml,
            ),
            ("A".repeat(MAX_LIST_BYTES + 4), PrivilegeError::TooLong),
        ];
        for (claim, want) in cases {
            assert_eq!(parse(&claim), Err(want.clone()), "{want}");
        }
    }

    #[test]
    fn an_empty_list_names_no_one() {
        assert_eq!(parse(&encode_list(&[])), Ok(Vec::new()));
    }
}
