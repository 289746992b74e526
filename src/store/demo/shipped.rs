//! The shipped catalogue (`catalogue/`), compiled in: `demo-data` builds its database from it, through the
//! same check and import as `indsigt catalogue import`.

use super::DemoError;
use crate::catalogue::{Catalogue, load_texts};
use crate::store::StoreError;
use std::path::{Path, PathBuf};

/// What the built-in catalogue is recorded as in `catalogue_versions.source`.
pub const SOURCE: &str = "catalogue/ (built in)";

/// Every file of `catalogue/`, by its path inside the folder, in path order.
pub const FILES: &[(&str, &str)] = &[
    ("areas.toml", include_str!("../../../catalogue/areas.toml")),
    (
        "categories/benefits.toml",
        include_str!("../../../catalogue/categories/benefits.toml"),
    ),
    (
        "categories/children.toml",
        include_str!("../../../catalogue/categories/children.toml"),
    ),
    (
        "categories/citizen_service.toml",
        include_str!("../../../catalogue/categories/citizen_service.toml"),
    ),
    (
        "categories/cpr.toml",
        include_str!("../../../catalogue/categories/cpr.toml"),
    ),
    (
        "categories/employment.toml",
        include_str!("../../../catalogue/categories/employment.toml"),
    ),
    (
        "categories/health.toml",
        include_str!("../../../catalogue/categories/health.toml"),
    ),
    (
        "categories/library.toml",
        include_str!("../../../catalogue/categories/library.toml"),
    ),
    (
        "categories/technical.toml",
        include_str!("../../../catalogue/categories/technical.toml"),
    ),
    (
        "consent_types.toml",
        include_str!("../../../catalogue/consent_types.toml"),
    ),
    (
        "decision_tools.toml",
        include_str!("../../../catalogue/decision_tools.toml"),
    ),
    (
        "legal_bases.toml",
        include_str!("../../../catalogue/legal_bases.toml"),
    ),
    (
        "purpose_codes.toml",
        include_str!("../../../catalogue/purpose_codes.toml"),
    ),
    (
        "purposes.toml",
        include_str!("../../../catalogue/purposes.toml"),
    ),
    (
        "systems.toml",
        include_str!("../../../catalogue/systems.toml"),
    ),
];

/// The built-in catalogue, checked, and its digest.
pub fn catalogue() -> Result<(Catalogue, String), DemoError> {
    let texts = FILES
        .iter()
        .map(|(name, text)| (Path::new("catalogue").join(name), (*text).to_owned()))
        .collect::<Vec<(PathBuf, String)>>();
    load_texts(Path::new("catalogue"), texts)
        .map_err(|e| DemoError::Store(StoreError::Corrupt(format!("built-in catalogue: {e}"))))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    #[test]
    fn every_file_of_the_shipped_catalogue_is_built_in_and_the_digests_agree() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue");
        let (from_disk, disk_digest) = crate::catalogue::load_with_digest(&dir).unwrap();
        let (built_in, digest) = catalogue().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(built_in, from_disk);
        assert_eq!(
            digest, disk_digest,
            "a file of catalogue/ is missing from FILES"
        );
    }

    /// The demo content holds only what the catalogue does not: values, and the people. The consent types
    /// and tools it names by their scope and name are the catalogue's.
    #[test]
    fn the_demo_content_agrees_with_the_catalogue() {
        use super::super::content::{categories, people::CITIZENS};
        let (c, _) = catalogue().unwrap();
        let person = categories::Person {
            name: "Demo".into(),
            cpr: "300201-0000".into(),
            address: "Algade 1".into(),
            city: "4000 Demoby".into(),
            born: 1950,
            variant: 0,
        };
        for def in categories::all() {
            let cat = c
                .category(def.key)
                .unwrap_or_else(|| panic!("no category {}", def.key));
            let declared: Vec<&str> = cat.fields.iter().map(|f| f.id.as_str()).collect();
            let given: Vec<&str> = (def.fields)(&person).iter().map(|f| f.id).collect();
            assert_eq!(given, declared, "{}", def.key);
        }
        assert_eq!(categories::all().count(), c.categories.len());
        for consent in CITIZENS.iter().flat_map(|p| p.consents) {
            assert!(
                c.consent_types
                    .iter()
                    .any(|t| t.scope == consent.scope.text()),
                "no consent type for {:?}",
                consent.scope
            );
        }
        for d in CITIZENS.iter().flat_map(|p| p.decisions) {
            assert!(
                c.decision_tools.iter().any(|t| t.name == d.tool.text()),
                "no tool {:?}",
                d.tool
            );
        }
    }
}
