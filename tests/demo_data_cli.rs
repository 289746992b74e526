//! `indsigt demo-data` through the real binary: it writes, it refuses to overwrite, and bad arguments get a
//! clear message with nothing left behind.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{indsigt, text};

#[test]
fn writes_a_database_and_refuses_to_overwrite_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("d.db");
    let path = out.to_str().unwrap();
    let args = ["demo-data", "--out", path, "--heavy-events", "500"];
    let run = indsigt("en", &args, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(
        text(&run.stdout).contains("6 citizens"),
        "{}",
        text(&run.stdout)
    );
    assert!(out.exists());
    let again = indsigt("da", &args, &[]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("findes allerede"),
        "{}",
        text(&again.stderr)
    );
    let forced = indsigt("en", &[&args[..], &["--force"]].concat(), &[]);
    assert_eq!(forced.status.code(), Some(0));
}

#[test]
fn absurd_arguments_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("d.db");
    let path = out.to_str().unwrap();
    for (args, expect) in [
        (vec!["--citizens", "3"], "--citizens must be between 6 and"),
        (
            vec!["--heavy-events", "99999999999"],
            "--heavy-events may be at most",
        ),
        (
            vec!["--events-per-citizen", "5000000"],
            "--events-per-citizen may be at most",
        ),
    ] {
        let all = [&["demo-data", "--out", path][..], &args[..]].concat();
        let run = indsigt("en", &all, &[]);
        assert_eq!(run.status.code(), Some(1), "{args:?}");
        assert!(text(&run.stderr).contains(expect), "{}", text(&run.stderr));
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn an_unwritable_out_is_named_and_leaves_nothing() {
    let run = indsigt("en", &["demo-data", "--out", "/nonexistent-dir/d.db"], &[]);
    assert_eq!(run.status.code(), Some(1));
    let err = text(&run.stderr);
    assert!(err.contains("Cannot write /nonexistent-dir/d.db"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn the_same_seed_gives_the_same_file_byte_for_byte_and_another_seed_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str, seed: &str| {
        let out = dir.path().join(name);
        let args = [
            "demo-data",
            "--out",
            out.to_str().unwrap(),
            "--citizens",
            "20",
            "--heavy-events",
            "2000",
            "--events-per-citizen",
            "30",
            "--seed",
            seed,
        ];
        let r = indsigt("en", &args, &[]);
        assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
        std::fs::read(&out).unwrap()
    };
    let a = run("a.db", "42");
    let b = run("b.db", "42");
    assert!(a.len() > 100_000, "{} bytes", a.len());
    assert!(a == b, "two runs with one seed differ");
    let c = run("c.db", "43");
    assert!(a != c, "another seed gives another file");
}
