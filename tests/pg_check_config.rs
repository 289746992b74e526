//! `check-config` and `serve` against a real PostgreSQL: a good setting answers with the server's version;
//! a wrong password, a missing database, a server without TLS, no password and a closed port each give their
//! own sentence, in both languages, and `serve` stops on them with the same sentence.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_support;

use common::{indsigt, text};
use std::path::Path;

/// A config file in `dir` with `[server.postgres]` made of `lines`.
fn config(dir: &Path, name: &str, lines: &str) -> String {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!(
            "[server]\nlisten = \"127.0.0.1:0\"\nissuer = \"https://login.example.dk\"\naudience = \"indsigt\"\n\n[server.postgres]\n{lines}\n"
        ),
    )
    .unwrap();
    path.to_str().unwrap().to_owned()
}

fn check(lang: &str, config: &str) -> (bool, String, String) {
    let out = indsigt(lang, &["check-config", "--config", config], &[]);
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_config_connects_and_names_each_failure() {
    let dir = tempfile::tempdir().unwrap();
    let Some(pg) = pg_support::fresh_database(dir.path()).await else {
        return;
    };
    let password_file = pg.password_file.clone().unwrap();
    let password_file = password_file.to_str().unwrap();
    let (base, _db) = pg.url.rsplit_once('/').unwrap();
    let port = base.rsplit_once(':').unwrap().1;

    let good = config(
        dir.path(),
        "good.toml",
        &format!(
            "url = \"{}\"\npassword_file = \"{password_file}\"\ntls = \"disable\"",
            pg.url
        ),
    );
    let (ok, out, err) = check("en_DK.UTF-8", &good);
    assert!(ok, "{err}");
    assert!(out.starts_with("OK"), "{out}");
    assert!(out.contains("PostgreSQL answers (version 1"), "{out}");
    let (ok, out, _) = check("da_DK.UTF-8", &good);
    assert!(ok && out.contains("PostgreSQL svarer (version 1"), "{out}");

    let wrong_pw = dir.path().join("wrong.pw");
    std::fs::write(&wrong_pw, "not-the-password\n").unwrap();
    let cases = [
        (
            "wrong-password.toml",
            format!(
                "url = \"{}\"\npassword_file = \"{}\"\ntls = \"disable\"",
                pg.url,
                wrong_pw.display()
            ),
            "PostgreSQL refused the password for the user postgres.",
            "PostgreSQL afviste adgangskoden til brugeren postgres.",
        ),
        (
            "no-database.toml",
            format!(
                "url = \"{base}/no_such_db\"\npassword_file = \"{password_file}\"\ntls = \"disable\""
            ),
            "PostgreSQL has no database called no_such_db.",
            "PostgreSQL har ingen database, der hedder no_such_db.",
        ),
        (
            "no-tls.toml",
            format!(
                "url = \"{}\"\npassword_file = \"{password_file}\"\ntls = \"require\"",
                pg.url
            ),
            "PostgreSQL at 127.0.0.1 does not offer TLS.",
            "PostgreSQL på 127.0.0.1 tilbyder ikke TLS.",
        ),
        (
            "no-password.toml",
            format!("url = \"{}\"\ntls = \"disable\"", pg.url),
            "PostgreSQL asks for the password of the user postgres, and none is set.",
            "PostgreSQL beder om adgangskoden til brugeren postgres, men der er ingen.",
        ),
        (
            "closed-port.toml",
            format!(
                "url = \"postgres://postgres@127.0.0.1:1/x\"\npassword_file = \"{password_file}\"\ntls = \"disable\"\nconnect_timeout_secs = 2"
            ),
            "PostgreSQL does not answer at 127.0.0.1.",
            "PostgreSQL svarer ikke på 127.0.0.1.",
        ),
    ];
    assert_ne!(port, "1");
    for (name, lines, en, da) in cases {
        let file = config(dir.path(), name, &lines);
        let (ok, out, err) = check("en_DK.UTF-8", &file);
        assert!(!ok, "{name}: {out}");
        assert!(err.contains(en), "{name}: {err}");
        assert!(!err.contains("not-the-password"), "{name}: {err}");
        let (ok, _, err) = check("da_DK.UTF-8", &file);
        assert!(!ok && err.contains(da), "{name}: {err}");
    }

    // `serve` stops at start-up on a setting that cannot work, with the same sentence.
    let file = config(
        dir.path(),
        "serve-wrong-password.toml",
        &format!(
            "url = \"{}\"\npassword_file = \"{}\"\ntls = \"disable\"",
            pg.url,
            wrong_pw.display()
        ),
    );
    let out = indsigt("en_DK.UTF-8", &["serve", "--config", &file], &[]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("PostgreSQL refused the password for the user postgres."),
        "{}",
        text(&out.stderr)
    );
}
