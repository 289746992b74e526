#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `indsigt catalogue check` on the fixtures in `tests/valid_catalogues` and `tests/invalid_catalogues`, and on
//! the shipped catalogue, through the real binary in Danish and English.
//!
//! Each invalid fixture is a folder `NAME/` with one mistake; `NAME.da.txt` and `NAME.en.txt` beside it hold the
//! exact standard error. The binary runs in `tests/invalid_catalogues`, so the paths in the messages are
//! relative (`NAME/catalogue.toml`). `INDSIGT_BLESS=1` rewrites the expected files (review the diff).

use indsigt::catalogue::{CatalogueError, load};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const LANGS: [(&str, &str); 2] = [("da", "da_DK.UTF-8"), ("en", "en_GB.UTF-8")];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_owned()
}

/// The real binary in `cwd`, with no `INDSIGT_` variables and the language set.
fn indsigt(cwd: &Path, lang: &str, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_indsigt"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("INDSIGT_") {
            cmd.env_remove(name);
        }
    }
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .current_dir(cwd)
        .args(args);
    cmd.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn folders(dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests").join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no fixtures in {dir}");
    names
}

#[test]
fn every_invalid_catalogue_gives_exactly_its_expected_message() {
    let dir = root().join("tests/invalid_catalogues");
    let bless = std::env::var_os("INDSIGT_BLESS").is_some();
    for name in folders("invalid_catalogues") {
        for (code, lang) in LANGS {
            let out = indsigt(&dir, lang, &["catalogue", "check", &name]);
            let stderr = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{name} ({code}): {stderr}");
            assert_eq!(text(&out.stdout), "", "{name} ({code})");
            let expected_file = dir.join(format!("{name}.{code}.txt"));
            if bless {
                std::fs::write(&expected_file, &stderr).unwrap();
            }
            let expected = std::fs::read_to_string(&expected_file)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_file.display()));
            assert_eq!(stderr, expected, "{name} ({code})");
        }
    }
}

#[test]
fn every_expected_message_file_has_its_fixture() {
    let dir = root().join("tests/invalid_catalogues");
    let names = folders("invalid_catalogues");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            continue;
        }
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let stem = file
            .strip_suffix(".da.txt")
            .or_else(|| file.strip_suffix(".en.txt"))
            .unwrap_or_else(|| panic!("unexpected file {file}"));
        assert!(names.iter().any(|n| n == stem), "{file} has no fixture");
    }
}

#[test]
fn each_invalid_fixture_is_one_mistake_of_its_kind() {
    let dir = root().join("tests/invalid_catalogues");
    let expect: &[(&str, &[&str])] = &[
        ("bad_id", &["catalogue-error-bad-id"]),
        ("duplicate_field", &["catalogue-error-duplicate"]),
        ("duplicate_id", &["catalogue-error-duplicate"]),
        ("empty_purposes", &["catalogue-error-empty"]),
        ("empty_text", &["catalogue-error-empty"]),
        ("missing_key", &["catalogue-error-missing"]),
        ("duplicate_purpose_code", &["catalogue-error-duplicate"]),
        (
            "purpose_code_unknown_purpose",
            &["catalogue-error-unknown-ref"],
        ),
        ("missing_language", &["catalogue-error-missing"]),
        ("no_fields", &["catalogue-error-missing"]),
        ("no_files", &["catalogue-error-no-files"]),
        ("not_allowed", &["catalogue-error-not-allowed"]),
        ("retention_out_of_range", &["catalogue-error-out-of-range"]),
        (
            "retention_without_start",
            &["catalogue-error-retention-rule"],
        ),
        ("single_table", &["catalogue-error-wrong-type"]),
        ("syntax_error", &["catalogue-error-syntax"]),
        ("text_in_one_language", &["catalogue-error-wrong-type"]),
        ("unknown_area", &["catalogue-error-unknown-ref"]),
        ("unknown_key", &["catalogue-error-unknown-key"]),
        ("unknown_kind", &["catalogue-error-unknown-kind"]),
        ("unknown_legal_basis", &["catalogue-error-unknown-ref"]),
        ("unknown_purpose", &["catalogue-error-unknown-ref"]),
        ("unknown_system", &["catalogue-error-unknown-ref"]),
        ("wrong_type", &["catalogue-error-wrong-type"]),
        (
            "many_problems",
            &[
                "catalogue-error-unknown-key",
                "catalogue-error-wrong-type",
                "catalogue-error-unknown-ref",
                "catalogue-error-not-allowed",
                "catalogue-error-unknown-kind",
            ],
        ),
    ];
    assert_eq!(
        expect.len(),
        folders("invalid_catalogues").len(),
        "a fixture is missing from this list"
    );
    for (name, ids) in expect {
        let errors = load(&dir.join(name)).unwrap_err();
        let found: Vec<&str> = errors.iter().map(CatalogueError::message_id).collect();
        assert_eq!(&found, ids, "{name}:\n{errors}");
    }
}

#[test]
fn an_unknown_key_or_reference_gets_a_did_you_mean() {
    let dir = root().join("tests/invalid_catalogues");
    let errors = load(&dir.join("unknown_key")).unwrap_err();
    assert!(
        matches!(&errors.0[0], CatalogueError::UnknownKey { key, suggestion: Some(s), .. }
            if key == "category.home_care.descripton" && s == "category.home_care.description"),
        "{errors:?}"
    );
    let errors = load(&dir.join("unknown_purpose")).unwrap_err();
    assert!(
        matches!(&errors.0[0], CatalogueError::UnknownRef { id, suggestion: Some(s), loc, .. }
            if id == "p_share_gpp" && s == "p_share_gp" && loc.line == 50),
        "{errors:?}"
    );
    let errors = load(&dir.join("unknown_kind")).unwrap_err();
    assert!(
        matches!(&errors.0[0], CatalogueError::UnknownKind { suggestion: Some(s), .. } if s == "decision_tool"),
        "{errors:?}"
    );
}

#[test]
fn a_duplicate_id_names_where_it_was_first_used() {
    let dir = root().join("tests/invalid_catalogues/duplicate_id");
    let errors = load(&dir).unwrap_err();
    let CatalogueError::Duplicate { loc, first, id, .. } = &errors.0[0] else {
        panic!("{errors:?}");
    };
    assert_eq!(id, "p_home_care");
    assert_eq!(first.file, dir.join("catalogue.toml"));
    assert_eq!(first.line, 27);
    assert_eq!(loc.file, dir.join("more_purposes.toml"));
    assert_eq!(loc.line, 4);
}

#[test]
fn messages_are_translated_and_filled_in() {
    let dir = root().join("tests/invalid_catalogues");
    for name in folders("invalid_catalogues") {
        let errors = load(&dir.join(&name)).unwrap_err();
        for lang in [indsigt::domain::Lang::Da, indsigt::domain::Lang::En] {
            for line in errors.localized(lang) {
                assert!(!line.contains("catalogue-"), "{name}: untranslated: {line}");
                assert!(!line.contains("config-"), "{name}: untranslated: {line}");
            }
        }
    }
}

#[test]
fn every_valid_catalogue_and_the_shipped_one_pass() {
    let mut dirs: Vec<PathBuf> = folders("valid_catalogues")
        .iter()
        .map(|n| root().join("tests/valid_catalogues").join(n))
        .collect();
    dirs.push(root().join("catalogue"));
    for dir in dirs {
        for (code, lang) in LANGS {
            let out = indsigt(
                &root(),
                lang,
                &["catalogue", "check", dir.to_str().unwrap()],
            );
            let stdout = text(&out.stdout);
            assert!(
                out.status.success(),
                "{} ({code}): {}",
                dir.display(),
                text(&out.stderr)
            );
            assert!(stdout.starts_with("OK: "), "{stdout}");
            // OK, what it holds, and its purpose codes.
            assert_eq!(stdout.lines().count(), 3, "{stdout}");
        }
    }
}

#[test]
fn the_summary_counts_what_the_catalogue_holds() {
    let out = indsigt(
        &root(),
        "en_GB.UTF-8",
        &["catalogue", "check", "tests/valid_catalogues/minimal"],
    );
    assert_eq!(
        text(&out.stdout),
        "OK: tests/valid_catalogues/minimal. The catalogue is valid.\n\
         Areas: 1. Systems: 1. Legal bases: 2. Purposes: 2. Data categories: 1 (with 2 fields). \
         Consent types: 1. Decision-support tools: 1.\n\
         Purpose codes: 0.\n"
    );
}

#[test]
fn a_folder_that_does_not_exist_is_named_and_exits_1() {
    let out = indsigt(
        &root(),
        "en_GB.UTF-8",
        &["catalogue", "check", "no/such/dir"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("no/such/dir: The file or folder cannot be read."),
        "{stderr}"
    );
}

#[test]
fn the_examples_in_the_documentation_are_valid_entries() {
    let md = std::fs::read_to_string(root().join("docs/catalogue.md")).unwrap();
    let blocks: Vec<&str> = md
        .split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert_eq!(blocks.len(), 8, "one example of each kind of entry");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("examples.toml"), blocks.join("\n")).unwrap();
    let shipped = load(&root().join("catalogue")).unwrap();
    let Err(errors) = load(dir.path()) else {
        return;
    };
    // The examples are excerpts: they may refer to entries of the shipped catalogue that are not shown.
    for e in errors.iter() {
        let CatalogueError::UnknownRef { id, .. } = e else {
            panic!("{e}");
        };
        assert!(
            shipped.purpose(id).is_some(),
            "the example refers to {id}, which is not in catalogue/ either"
        );
    }
}
