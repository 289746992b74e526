#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The shipped profiles: `config/default.toml` documents every key and is the demo profile;
//! `config/kiosk.example.toml` documents its keys and passes `check-config`.

mod common;
use common::{indsigt, text};
use indsigt::config::{Config, schema};
use indsigt::domain::Lang;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The schema of `section.key` or of `section.table.key` (a key of a table key such as `server.postgres`).
fn spec(path: &str) -> Option<schema::KeySpec> {
    let mut parts = path.split('.');
    let section = schema::section(parts.next()?)?;
    let mut spec = *section.key(parts.next()?)?;
    for part in parts {
        let schema::KeyType::Table(keys) = spec.ty else {
            return None;
        };
        spec = *keys.iter().find(|k| k.name == part)?;
    }
    Some(spec)
}

/// Every key line of a shipped profile (and every commented example of a key) has a comment line above it.
fn assert_documented(file: &str, must_list_every_key: bool) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let source = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = source.lines().collect();
    let mut section = String::new();
    let mut seen = BTreeSet::new();
    for (i, line) in lines.iter().enumerate() {
        let line = line.trim();
        // A table key (`[server.postgres]`) may be shown commented out, as its keys are.
        let header = line.strip_prefix("# ").unwrap_or(line);
        if let Some(name) = header.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.to_owned();
            if spec(name).is_some() {
                seen.insert(name.to_owned());
            }
            continue;
        }
        let (commented, body) = match line.strip_prefix("# ") {
            Some(body) => (true, body),
            None => (false, line),
        };
        let Some((key, _)) = body.split_once(" = ") else {
            continue;
        };
        let known = spec(&format!("{section}.{key}")).is_some();
        if commented && !known {
            continue;
        }
        assert!(
            known,
            "{file}:{}: `{section}.{key}` is not in the schema",
            i + 1
        );
        let above = i
            .checked_sub(1)
            .map(|j| lines[j].trim())
            .unwrap_or_default();
        let above_is_example = above
            .strip_prefix("# ")
            .and_then(|b| b.split_once(" = "))
            .is_some_and(|(k, _)| !k.contains(' '));
        let documented = above.starts_with('#') && !above_is_example;
        assert!(
            documented,
            "{file}:{}: `{section}.{key}` has no comment line above it",
            i + 1
        );
        seen.insert(format!("{section}.{key}"));
    }
    if must_list_every_key {
        for s in schema::SCHEMA {
            for k in s.keys {
                let key = format!("{}.{}", s.name, k.name);
                assert!(seen.contains(&key), "{file} does not list `{key}`");
                if let schema::KeyType::Table(inner) = k.ty {
                    for k in inner {
                        let key = format!("{key}.{}", k.name);
                        assert!(seen.contains(&key), "{file} does not list `{key}`");
                    }
                }
            }
        }
    }
}

#[test]
fn default_toml_documents_every_key() {
    assert_documented("config/default.toml", true);
}

#[test]
fn kiosk_example_documents_its_keys_and_passes_check_config() {
    assert_documented("config/kiosk.example.toml", false);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/kiosk.example.toml");
    let config = Config::load_with_env(Some(&path), &[]).unwrap();
    assert!(config.kiosk.locked);
    let out = indsigt(
        "da",
        &["check-config", "--config", path.to_str().unwrap()],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn defaults_are_the_demo_profile() {
    let config = Config::demo().unwrap();
    assert_eq!(config.municipality.name, "Eksempel Kommune");
    assert_eq!(config.kiosk.id, "demo-1");
    assert_eq!(config.kiosk.default_language, Lang::Da);
    assert_eq!(config.kiosk.idle_timeout_secs, 120);
    assert_eq!(config.kiosk.idle_warning_secs, 30);
    assert_eq!(config.kiosk.session_max_secs, 1200);
    assert!(!config.kiosk.locked);
    assert!(!config.kiosk.show_employee_names);
    assert_eq!(config.source.path, PathBuf::from("indsigt-demo.db"));
    let out = indsigt("da", &["check-config"], &[]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Eksempel Kommune"));
}
