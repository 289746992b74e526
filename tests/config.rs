#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Config fixtures in `tests/valid_configs` and `tests/invalid_configs`, the real `check-config` binary,
//! environment overrides, and the documentation of the shipped profiles.
//!
//! An invalid fixture states what it must produce in its header:
//! `# expect: KIND KEY` (one line per problem; `-` for no key), `# suggest: KEY`, `# line: N`.

use indsigt::config::{Config, ConfigError};
use indsigt::domain::Lang;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod common;
use common::{indsigt, text};

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

fn header(path: &Path, tag: &str) -> Vec<String> {
    let prefix = format!("# {tag}: ");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix).map(|v| v.trim().to_owned()))
        .collect()
}

#[test]
fn every_valid_fixture_loads() {
    for path in fixtures("valid_configs") {
        if let Err(errors) = Config::load_with_env(Some(&path), &[]) {
            panic!("{} should load, but:\n{errors}", path.display());
        }
        let out = indsigt(
            "da_DK.UTF-8",
            &["check-config", "--config", path.to_str().unwrap()],
            &[],
        );
        assert!(
            out.status.success(),
            "{}: {}",
            path.display(),
            text(&out.stderr)
        );
        assert!(text(&out.stdout).starts_with("OK"), "{}", text(&out.stdout));
    }
}

#[test]
fn partial_files_merge_key_by_key_over_the_defaults() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/valid_configs/partial_kiosk.toml");
    let config = Config::load_with_env(Some(&path), &[]).unwrap();
    let demo = Config::demo().unwrap();
    assert_eq!(config.kiosk.default_language, Lang::En);
    assert_eq!(config.kiosk.idle_timeout_secs, 60);
    assert_eq!(config.kiosk.idle_warning_secs, 20);
    assert_eq!(config.kiosk.id, demo.kiosk.id);
    assert_eq!(config.municipality, demo.municipality);
    assert_eq!(config.source, demo.source);
}

#[test]
fn every_invalid_fixture_gives_exactly_its_expected_problems() {
    for path in fixtures("invalid_configs") {
        let expected: BTreeSet<(String, String)> = header(&path, "expect")
            .iter()
            .map(|l| {
                let (kind, key) = l.split_once(' ').unwrap();
                (kind.to_owned(), key.to_owned())
            })
            .collect();
        assert!(
            !expected.is_empty(),
            "{} has no `# expect:` line",
            path.display()
        );
        let errors = match Config::load_with_env(Some(&path), &[]) {
            Ok(_) => panic!("{} should not load", path.display()),
            Err(errors) => errors,
        };
        let found: BTreeSet<(String, String)> = errors
            .iter()
            .map(|e| (e.kind().to_owned(), e.key().unwrap_or("-").to_owned()))
            .collect();
        assert_eq!(found, expected, "{}:\n{errors}", path.display());

        for suggestion in header(&path, "suggest") {
            let suggested = errors.iter().any(|e| match e {
                ConfigError::UnknownKey { suggestion: s, .. }
                | ConfigError::UnknownSection { suggestion: s, .. } => {
                    s.as_deref() == Some(suggestion.as_str())
                }
                _ => false,
            });
            assert!(
                suggested,
                "{}: no suggestion `{suggestion}` in\n{errors}",
                path.display()
            );
        }
        for line in header(&path, "line") {
            let line: usize = line.parse().unwrap();
            assert!(
                errors
                    .iter()
                    .any(|e| matches!(e, ConfigError::Syntax { line: l, .. } if *l == line)),
                "{}: no syntax error on line {line}: {errors}",
                path.display()
            );
        }
    }
}

#[test]
fn check_config_names_the_file_and_the_key_and_exits_1() {
    for path in fixtures("invalid_configs") {
        let file = path.to_str().unwrap();
        for lang in ["da_DK.UTF-8", "en_GB.UTF-8"] {
            let out = indsigt(lang, &["check-config", "--config", file], &[]);
            let stderr = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{file} ({lang}): {stderr}");
            assert!(
                stderr.contains(file),
                "{file} ({lang}) is not named in:\n{stderr}"
            );
            for expect in header(&path, "expect") {
                let key = expect.split_once(' ').unwrap().1;
                if key != "-" {
                    assert!(
                        stderr.contains(key),
                        "{file} ({lang}): `{key}` is not named in:\n{stderr}"
                    );
                }
            }
            for suggestion in header(&path, "suggest") {
                assert!(
                    stderr.contains(&suggestion),
                    "{file}: no suggestion in:\n{stderr}"
                );
            }
            // One line per problem, plus the count.
            assert_eq!(
                stderr.lines().count(),
                header(&path, "expect").len() + 1,
                "{stderr}"
            );
        }
    }
}

#[test]
fn messages_follow_the_language_of_the_environment() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/invalid_configs/wrong_type.toml");
    let file = path.to_str().unwrap();
    let da = text(&indsigt("da_DK.UTF-8", &["check-config", "--config", file], &[]).stderr);
    let en = text(&indsigt("en_US.UTF-8", &["check-config", "--config", file], &[]).stderr);
    let unset = text(&indsigt("", &["check-config", "--config", file], &[]).stderr);
    assert!(da.contains("skal være et heltal"), "{da}");
    assert!(da.contains("\"abc\""), "{da}");
    assert!(en.contains("must be an integer"), "{en}");
    assert_eq!(unset, da, "Danish is the default");
}

#[test]
fn env_overrides_the_file_and_the_defaults() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/valid_configs/partial_kiosk.toml");
    let vars = [
        (
            "INDSIGT_KIOSK_IDLE_TIMEOUT_SECS".to_owned(),
            "90".to_owned(),
        ),
        ("INDSIGT_KIOSK_LOCKED".to_owned(), "false".to_owned()),
        (
            "INDSIGT_MUNICIPALITY_NAME".to_owned(),
            "Testby Kommune".to_owned(),
        ),
        ("INDSIGT_CONFIG".to_owned(), "ignored-here.toml".to_owned()),
        ("PATH".to_owned(), "/bin".to_owned()),
    ];
    let config = Config::load_with_env(Some(&path), &vars).unwrap();
    assert_eq!(config.kiosk.idle_timeout_secs, 90);
    assert_eq!(config.kiosk.idle_warning_secs, 20);
    assert_eq!(config.municipality.name, "Testby Kommune");

    let out = indsigt(
        "en",
        &["check-config", "--config", path.to_str().unwrap()],
        &[
            ("INDSIGT_KIOSK_IDLE_TIMEOUT_SECS", "90"),
            ("INDSIGT_MUNICIPALITY_NAME", "Testby Kommune"),
        ],
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.contains("after 90 seconds"), "{stdout}");
    assert!(stdout.contains("Testby Kommune"), "{stdout}");
}

#[test]
fn empty_env_value_unsets_an_optional_key() {
    let vars = [("INDSIGT_KIOSK_OPERATOR_PIN_HASH".to_owned(), String::new())];
    let config = Config::load_with_env(None, &vars).unwrap();
    assert_eq!(config.kiosk.operator_pin_hash, None);
}

#[test]
fn a_bad_env_value_names_the_variable() {
    let vars = [
        (
            "INDSIGT_KIOSK_IDLE_TIMEOUT_SECS".to_owned(),
            "abc".to_owned(),
        ),
        ("INDSIGT_KIOSK_LOCKED".to_owned(), "maybe".to_owned()),
        ("INDSIGT_KIOSK_IDLE_TIMOUT_SECS".to_owned(), "60".to_owned()),
    ];
    let errors = Config::load_with_env(None, &vars).unwrap_err();
    let found: Vec<(&str, Option<&str>)> = errors.iter().map(|e| (e.kind(), e.key())).collect();
    assert_eq!(
        found,
        [
            ("wrong-type", Some("kiosk.idle_timeout_secs")),
            ("wrong-type", Some("kiosk.locked")),
            ("unknown-key", Some("kiosk.idle_timout_secs")),
        ]
    );

    let out = indsigt(
        "en",
        &["check-config"],
        &[("INDSIGT_KIOSK_IDLE_TIMEOUT_SECS", "abc")],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("INDSIGT_KIOSK_IDLE_TIMEOUT_SECS"),
        "{stderr}"
    );
    assert!(stderr.contains("kiosk.idle_timeout_secs"), "{stderr}");
    assert!(stderr.contains("\"abc\""), "{stderr}");
}

#[test]
fn env_values_are_checked_like_file_values() {
    let vars = [("INDSIGT_SOURCE_KIND".to_owned(), "http".to_owned())];
    let errors = Config::load_with_env(None, &vars).unwrap_err();
    let kinds: BTreeSet<&str> = errors.iter().map(|e| e.kind()).collect();
    assert_eq!(
        kinds,
        BTreeSet::from(["required-when", "demo-auth-with-http-source"])
    );
    let out = indsigt("da", &["check-config"], &[("INDSIGT_SOURCE_KIND", "http")]);
    assert!(
        text(&out.stderr).contains("INDSIGT_SOURCE_KIND"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn config_path_can_come_from_indsigt_config() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/invalid_configs/wrong_type.toml");
    let out = indsigt(
        "en",
        &["check-config"],
        &[("INDSIGT_CONFIG", path.to_str().unwrap())],
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn usage_errors_exit_2_and_an_unreadable_file_exits_1() {
    assert_eq!(
        indsigt("en", &["check-config", "--bogus"], &[])
            .status
            .code(),
        Some(2)
    );
    let out = indsigt(
        "en",
        &["check-config", "--config", "/no/such/file.toml"],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("/no/such/file.toml"));
}

#[test]
fn every_problem_has_a_message_in_both_languages() {
    for path in fixtures("invalid_configs") {
        let errors = Config::load_with_env(Some(&path), &[]).unwrap_err();
        for lang in [Lang::Da, Lang::En] {
            for line in errors.localized(lang) {
                assert!(!line.contains("config-"), "untranslated: {line}");
                assert!(!line.contains("{"), "unfilled: {line}");
            }
        }
    }
}

/// With a reader that has gone (`indsigt check-config | head -0`), the command still does its work and ends as
/// usual: no panic from printing into the closed pipe.
#[test]
fn check_config_into_a_closed_pipe_does_not_panic() {
    use std::process::{Command, Stdio};
    // A pipe whose reading end is closed: the stdin of a process that has already ended.
    let mut gone = Command::new("true").stdin(Stdio::piped()).spawn().unwrap();
    let pipe = gone.stdin.take().unwrap();
    gone.wait().unwrap();
    let file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/valid_configs/empty.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_indsigt"))
        .args(["check-config", "--config", file.to_str().unwrap()])
        .env("LANG", "en_GB.UTF-8")
        .stdout(Stdio::from(pipe))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}
