//! The shipped catalogue (`catalogue/`) is derived from the demo content. This test renders the demo
//! content as catalogue TOML and compares it with the shipped files, so the two cannot drift apart.
//! `INDSIGT_WRITE_CATALOGUE=1 cargo test --lib catalogue_export` rewrites the files.
#![cfg(test)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::content::T;
use super::content::areas::AREAS;
use super::content::categories::{self, Person};
use super::content::decisions::{DecisionDef, JOB_TOOL, REHAB_TOOL};
use super::content::legal::LEGAL;
use super::content::people::CITIZENS;
use super::content::purposes::PURPOSES;
use crate::domain::Lawfulness;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

fn q(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn text(t: T) -> String {
    format!("{{ da = {}, en = {} }}", q(t.0), q(t.1))
}

fn texts(list: &[T]) -> String {
    if list.is_empty() {
        return "[]".to_owned();
    }
    let items: Vec<String> = list
        .iter()
        .map(|t| format!("    {},\n", text(*t)))
        .collect();
    format!("[\n{}]", items.concat())
}

/// `ø` → `oe` and so on, then anything else to `_`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'a'..='z' | '0'..='9' => out.push(c),
            _ if !out.ends_with('_') => out.push('_'),
            _ => {}
        }
    }
    out.trim_matches('_').to_owned()
}

fn lawfulness(l: Lawfulness) -> &'static str {
    l.code()
}

/// The systems the demo's categories live in: (name, owner, contact). Owners and contacts are fictional.
const SYSTEMS: &[(&str, T, &str)] = &[
    (
        "CPR",
        T("Borgerservice", "Citizen Service"),
        "borgerservice@eksempel-kommune.dk",
    ),
    (
        "Pasregistret",
        T("Borgerservice", "Citizen Service"),
        "borgerservice@eksempel-kommune.dk",
    ),
    (
        "Kørekortregistret",
        T("Borgerservice", "Citizen Service"),
        "borgerservice@eksempel-kommune.dk",
    ),
    (
        "KMD Nexus",
        T("Sundhed og Omsorg", "Health and Care"),
        "sundhed@eksempel-kommune.dk",
    ),
    (
        "Momentum",
        T("Jobcenter Eksempel", "Jobcentre Eksempel"),
        "jobcenter@eksempel-kommune.dk",
    ),
    (
        "Aula",
        T("Børn, Familie og Skole", "Children, Family and School"),
        "skole@eksempel-kommune.dk",
    ),
    (
        "KMD Boligstøtte",
        T("Økonomi og Ydelser", "Money and Benefits"),
        "ydelser@eksempel-kommune.dk",
    ),
    (
        "Udbetaling Danmark",
        T("Økonomi og Ydelser", "Money and Benefits"),
        "ydelser@eksempel-kommune.dk",
    ),
    (
        "BBR",
        T("Teknik og Miljø", "Technical and Environment"),
        "teknik@eksempel-kommune.dk",
    ),
    (
        "KMD Affald",
        T("Teknik og Miljø", "Technical and Environment"),
        "teknik@eksempel-kommune.dk",
    ),
    (
        "Cicero",
        T("Bibliotekerne", "The Libraries"),
        "bibliotek@eksempel-kommune.dk",
    ),
];

const HEADER: &str = "# Eksempel Kommune's processing catalogue (docs/catalogue.md). Derived from the demo content;\n# a test keeps the two the same.\n";

fn areas() -> String {
    let mut out = String::from(HEADER);
    for a in AREAS {
        write!(
            out,
            "\n[[area]]\nid = {}\nname = {}\ndescription = {}\n",
            q(a.code),
            text(a.name),
            text(a.description)
        )
        .unwrap();
    }
    out
}

fn systems() -> String {
    let mut out = String::from(HEADER);
    for (name, owner, contact) in SYSTEMS {
        write!(
            out,
            "\n[[system]]\nid = {}\nname = {}\nowner = {}\ncontact = {}\n",
            q(&slug(name)),
            q(name),
            text(*owner),
            q(contact)
        )
        .unwrap();
    }
    out
}

fn legal_bases() -> String {
    let mut out = String::from(HEADER);
    for l in LEGAL {
        write!(
            out,
            "\n[[legal_basis]]\nid = {}\ngdpr = {}\nlaw = {}\nplain = {}\n",
            q(l.key),
            text(l.gdpr),
            text(l.law),
            text(l.plain)
        )
        .unwrap();
    }
    out
}

/// A consent's purpose: the demo purpose with the same name, or a new voluntary one.
struct ConsentPurpose {
    id: String,
    name: T,
}

fn consent_purposes() -> Vec<ConsentPurpose> {
    let mut out: Vec<ConsentPurpose> = Vec::new();
    for c in CITIZENS.iter().flat_map(|c| c.consents) {
        let known = PURPOSES.iter().find(|p| p.name == c.purpose);
        let id = match known {
            Some(p) => p.key.to_owned(),
            None => format!("p_{}", slug(c.purpose.1)),
        };
        if !out.iter().any(|p| p.id == id) {
            out.push(ConsentPurpose {
                id,
                name: c.purpose,
            });
        }
    }
    out
}

fn purposes() -> String {
    let mut out = String::from(HEADER);
    let object_consent = PURPOSES
        .iter()
        .find(|p| p.lawfulness == Lawfulness::Voluntary)
        .unwrap()
        .object;
    let mut rows: Vec<(String, T, T, &str, Lawfulness, T)> = PURPOSES
        .iter()
        .map(|p| {
            (
                p.key.to_owned(),
                p.name,
                p.description,
                p.legal,
                p.lawfulness,
                p.object,
            )
        })
        .collect();
    for c in consent_purposes() {
        if !rows.iter().any(|r| r.0 == c.id) {
            rows.push((
                c.id,
                c.name,
                c.name,
                "consent",
                Lawfulness::Voluntary,
                object_consent,
            ));
        }
    }
    for (id, name, description, legal, law, object) in rows {
        write!(
            out,
            "\n[[purpose]]\nid = {}\nname = {}\ndescription = {}\nlegal_basis = {}\nlawfulness = {}\nhow_to_object = {}\n",
            q(&id),
            text(name),
            text(description),
            q(legal),
            q(lawfulness(law)),
            text(object)
        )
        .unwrap();
    }
    out
}

fn dummy() -> Person {
    Person {
        name: "Demo".into(),
        cpr: "300201-0000".into(),
        address: "Algade 1".into(),
        city: "4000 Demoby".into(),
        born: 1950,
        variant: 0,
    }
}

/// One file per area: `categories/AREA.toml`.
fn categories() -> BTreeMap<String, String> {
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for c in categories::all() {
        let out = files
            .entry(format!("categories/{}.toml", c.area))
            .or_insert_with(|| HEADER.to_owned());
        let purposes: Vec<String> = c.purposes.iter().map(|p| q(p)).collect();
        let retention = match c.keep_years {
            Some(y) => format!("{{ years = {y}, after = \"last_use\", end_of_year = true }}"),
            None => "{ as_long_as_law_requires = true }".to_owned(),
        };
        write!(
            out,
            "\n[[category]]\nid = {}\narea = {}\nname = {}\ndescription = {}\nspecial_category = {}\nlegal_basis = {}\nlawfulness = {}\npurposes = [{}]\nrecipients = {}\nsystem = {}\norigin = {{ kind = {}, name = {} }}\nretention = {retention}\n",
            q(c.key),
            q(c.area),
            text(c.kind),
            text(c.description),
            c.special,
            q(c.legal),
            q(lawfulness(c.lawfulness)),
            purposes.join(", "),
            texts(c.recipients),
            q(&slug(c.system)),
            q(c.origin.code()),
            text(c.origin_name),
        )
        .unwrap();
        let mut ids: Vec<String> = Vec::new();
        for f in (c.fields)(&dummy()) {
            // A label used twice (two children) gets a numbered id the second time.
            let mut id = slug(f.label.1);
            let same = ids.iter().filter(|i| **i == id).count();
            ids.push(id.clone());
            if same > 0 {
                id = format!("{id}_{}", same + 1);
            }
            write!(
                out,
                "\n[[category.fields]]\nid = {}\nlabel = {}\nsensitive = {}\n",
                q(&id),
                text(f.label),
                f.sensitive
            )
            .unwrap();
        }
    }
    files
}

fn consent_types() -> String {
    let mut out = String::from(HEADER);
    let purposes = consent_purposes();
    let mut seen = Vec::new();
    for c in CITIZENS.iter().flat_map(|c| c.consents) {
        let id = slug(c.scope.1);
        if seen.contains(&id) {
            continue;
        }
        seen.push(id.clone());
        let purpose = purposes.iter().find(|p| p.name == c.purpose).unwrap();
        write!(
            out,
            "\n[[consent_type]]\nid = {}\nscope = {}\nrecipient = {}\npurpose = {}\n",
            q(&id),
            text(c.scope),
            text(c.recipient),
            q(&purpose.id)
        )
        .unwrap();
    }
    out
}

fn decision_tools() -> String {
    let mut out = String::from(HEADER);
    let tools: [(&str, &DecisionDef, &str); 2] = [
        ("rehab_planning", &REHAB_TOOL, "KMD Nexus"),
        ("job_match", &JOB_TOOL, "Momentum"),
    ];
    for (id, d, system) in tools {
        write!(
            out,
            "\n[[decision_tool]]\nid = {}\narea = {}\nname = {}\nused_for = {}\ninputs = {}\nhow_it_helps = {}\nhuman_role = {}\nhow_to_object = {}\nsystem = {}\n",
            q(id),
            q(d.area),
            text(d.tool),
            text(d.purpose),
            texts(d.inputs),
            text(d.how_it_helps),
            text(d.human_role),
            text(d.how_to_object),
            q(&slug(system))
        )
        .unwrap();
    }
    out
}

fn rendered() -> BTreeMap<String, String> {
    let mut files = categories();
    files.insert("areas.toml".into(), areas());
    files.insert("systems.toml".into(), systems());
    files.insert("legal_bases.toml".into(), legal_bases());
    files.insert("purposes.toml".into(), purposes());
    files.insert("consent_types.toml".into(), consent_types());
    files.insert("decision_tools.toml".into(), decision_tools());
    files
}

#[test]
fn the_shipped_catalogue_is_the_demo_content() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue");
    let files = rendered();
    if std::env::var_os("INDSIGT_WRITE_CATALOGUE").is_some() {
        for (name, body) in &files {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, body).unwrap();
        }
    }
    for (name, body) in &files {
        let shipped = std::fs::read_to_string(dir.join(name))
            .unwrap_or_else(|e| panic!("catalogue/{name}: {e}"));
        assert_eq!(
            &shipped, body,
            "catalogue/{name} differs from the demo content"
        );
    }
    let loaded = crate::catalogue::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.categories.len(), categories::all().count());
    assert_eq!(loaded.areas.len(), AREAS.len());
}

#[test]
fn slugs_are_valid_ids() {
    assert_eq!(slug("Kørekortregistret"), "koerekortregistret");
    assert_eq!(slug("Your own GP"), "your_own_gp");
    assert_eq!(slug("CPR number"), "cpr_number");
}
