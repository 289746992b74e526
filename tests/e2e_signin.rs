//! Sign-in end to end with real processes: panva's oidc-provider (the MitID broker's stand-in, from npm),
//! `indsigt serve`, and the kiosk in HTTP mode in tmux. The test decodes the QR code from the screen,
//! approves on "the phone" as a demo citizen, and sees that citizen's overview and access log; after
//! sign-out nothing of theirs is in the tmux history.
//!
//! Needs node, `npm ci` in tests/oidc, and tmux (`.ci/run` does all three). Skipped without them, except
//! in CI.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::procs::{
    AUDIENCE, Process, approve, free_port, oidc_available, qr_on_screen, start_provider,
    start_serve,
};
use common::tmux::Tmux;
use common::{JOB_SEEKER, cid};
use indsigt::store::Store;
use std::path::{Path, PathBuf};

/// The registered kiosk of this test: its key (in a file the kiosk reads), id and location.
const KIOSK_KEY: &str = "e2e-kiosk-key";
const KIOSK_ID: &str = "e2e-kiosk";
const KIOSK_LOCATION: &str = "Testbiblioteket";

fn kiosk_key_file(dir: &Path) -> PathBuf {
    let path = dir.join("kiosk.key");
    std::fs::write(&path, KIOSK_KEY).unwrap();
    path
}

fn start_server(dir: &Path, db: &Path, issuer: &str, port: u16) -> Process {
    let config = dir.join("serve.toml");
    std::fs::write(
        &config,
        format!(
            "[server]\nlisten = \"127.0.0.1:{port}\"\ndatabase = \"{}\"\nissuer = \"{issuer}\"\naudience = \"{AUDIENCE}\"\n\n[[server.kiosks]]\nid = \"{KIOSK_ID}\"\nlocation = \"{KIOSK_LOCATION}\"\nkey_sha256 = \"{}\"\n",
            db.display(),
            indsigt::auth::sha256_hex(KIOSK_KEY)
        ),
    )
    .unwrap();
    start_serve(&config, port)
}

#[test]
fn a_citizen_signs_in_on_the_phone_and_is_forgotten_after_sign_out() {
    if !oidc_available() {
        eprintln!("node, tests/oidc/node_modules or tmux missing: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = common::kiosk::demo_db(dir.path(), 2_000);
    let (subject, name, cpr) = {
        let store = Store::open(&db).unwrap();
        let c = store.citizen(&cid(JOB_SEEKER)).unwrap();
        (
            c.subject.clone(),
            c.name.clone(),
            c.cpr.reveal().replace('-', ""),
        )
    };
    let provider_port = free_port();
    let issuer = format!("http://127.0.0.1:{provider_port}");
    let _provider = start_provider(provider_port, &[]);
    let server_port = free_port();
    let _server = start_server(dir.path(), &db, &issuer, server_port);

    let kiosk_config = dir.path().join("kiosk.toml");
    std::fs::write(
        &kiosk_config,
        format!(
            "[source]\nkind = \"http\"\nurl = \"http://127.0.0.1:{server_port}\"\noutbox_path = \"{}\"\nkiosk_key_file = \"{}\"\n\n[auth]\nkind = \"device\"\nissuer = \"{issuer}\"\nclient_id = \"indsigt-kiosk\"\naudience = \"{AUDIENCE}\"\n",
            dir.path().join("outbox.db").display(),
            kiosk_key_file(dir.path()).display()
        ),
    )
    .unwrap();
    let command = format!(
        "env -u NO_COLOR LANG=C.UTF-8 {} --config {}",
        env!("CARGO_BIN_EXE_indsigt"),
        kiosk_config.display()
    );
    let t = Tmux::start(
        &format!("indsigt-signin-{}", std::process::id()),
        120,
        40,
        &command,
    );
    t.wait_for(&["Vælg sprog"]);

    // First a refusal on the phone: the kiosk says so and offers to start again.
    t.send(&["2"]);
    let url = qr_on_screen(&t);
    assert!(
        url.starts_with(&format!("{issuer}/device?user_code=")),
        "{url}"
    );
    let code = url.rsplit('=').next().unwrap().replace('-', "");
    let screen = t.capture(false);
    assert!(
        screen.contains(&format!("The code is {}-{}", &code[..4], &code[4..])),
        "{screen}"
    );
    assert_eq!(approve(&url, &subject, true), "denied");
    t.wait_for(&["You said no on your phone"]);

    // Then the real sign-in, as the job seeker.
    t.send(&["Enter"]);
    let url = qr_on_screen(&t);
    assert_eq!(approve(&url, &subject, false), "approved");
    t.wait_for(&["Is someone helping you today?"]);
    t.send(&["2"]);
    t.wait_for(&[&format!("Hello {name}"), "Who has looked at your data"]);
    t.wait_for(&[&format!("CPR number: {}-••••", &cpr[..6])]);
    t.send(&["3"]);
    t.wait_for(&["Newest first", "When · what"]);
    t.send(&["Escape"]);
    t.wait_for(&[&format!("Hello {name}")]);

    // Sign out: the history holds nothing of theirs.
    t.send(&["x"]);
    t.wait_for(&["Was this understandable?"]);
    t.send(&["1"]);
    t.wait_for(&["Vælg sprog"]);
    let history = t.capture(true);
    for part in name.split_whitespace() {
        assert!(
            !history.contains(part),
            "{part} is still in the tmux history:\n{history}"
        );
    }
    assert!(!history.contains(&subject), "the subject is in the history");
    assert!(
        !history.contains(&cpr[..6]),
        "CPR digits are in the history"
    );
}
