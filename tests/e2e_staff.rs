//! Sign-in with a member of staff end to end, with real processes only: panva's oidc-provider is both the
//! citizens' broker and the municipality's staff issuer (its staff login carries the role), `indsigt
//! serve` on the demo database, and the kiosk in tmux at a kiosk set up for it. The citizen has no MitID
//! on their phone: S on the sign-in screen, the member of staff signs in on "their phone", types the
//! citizen's CPR number (shown only as dots), and the citizen's overview opens. Their log says a member
//! of staff opened the visit after checking their ID; the municipality's audit names the staff member.
//!
//! Needs node, `npm ci` in tests/oidc, and tmux (`.ci/run` does all three). Skipped without them, except
//! in CI.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::procs::{
    AUDIENCE, approve, free_port, oidc_available, qr_on_screen, start_provider, start_serve,
};
use common::tmux::Tmux;
use serde_json::json;
use std::path::Path;

/// Inger Marie Holm, of the demo municipality.
const CPR: &str = "3104414822";
const KIOSK_KEY: &str = "counter-kiosk-key";
const ROLE: &str = "borgerservice";

fn serve_config(dir: &Path, db: &Path, port: u16, issuer: &str) -> std::path::PathBuf {
    let pepper = dir.join("pepper");
    std::fs::write(&pepper, indsigt::store::demo::DEMO_PEPPER).unwrap();
    std::fs::write(dir.join("kiosk.key"), KIOSK_KEY).unwrap();
    let config = dir.join("serve.toml");
    std::fs::write(
        &config,
        format!(
            r#"[server]
listen = "127.0.0.1:{port}"
database = "{db}"
issuer = "{issuer}"
audience = "{AUDIENCE}"
pepper_file = "{pepper}"

[[server.kiosks]]
id = "counter-kiosk"
location = "Borgerservice, skranke 2"
key_sha256 = "{kiosk}"
staff_sign_in = true

[server.staff]
issuer = "{issuer}"
audience = "{AUDIENCE}"
role = "{ROLE}"
"#,
            db = db.display(),
            pepper = pepper.display(),
            kiosk = indsigt::auth::sha256_hex(KIOSK_KEY),
        ),
    )
    .unwrap();
    config
}

fn kiosk_command(dir: &Path, port: u16, issuer: &str) -> String {
    let staff = format!(
        "\n[auth.staff]\nissuer = \"{issuer}\"\nclient_id = \"indsigt-staff\"\naudience = \"{AUDIENCE}\"\n"
    );
    common::procs::http_kiosk_command(dir, port, issuer, &staff)
}

#[test]
fn a_member_of_staff_opens_the_visit_and_the_citizens_log_says_so() {
    if !oidc_available() {
        eprintln!("node, tests/oidc/node_modules or tmux missing: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = common::kiosk::demo_db(dir.path(), 500);
    let provider_port = free_port();
    let issuer = format!("http://127.0.0.1:{provider_port}");
    let staff = json!({ "hanne": { "name": "Hanne Jensen", "roles": [ROLE] },
                        "trainee": { "name": "Tim Praktikant", "roles": ["reader"] } })
    .to_string();
    let _provider = start_provider(provider_port, &[("STAFF_ACCOUNTS", &staff)]);
    let port = free_port();
    let config = serve_config(dir.path(), &db, port, &issuer);
    let _server = start_serve(&config, port);

    let t = Tmux::start(
        &format!("indsigt-staff-{}", std::process::id()),
        120,
        40,
        &kiosk_command(dir.path(), port, &issuer),
    );
    t.wait_for(&["Vælg sprog"]);
    t.send(&["2"]);
    t.wait_for(&[
        "Sign in with MitID on your own phone",
        "No MitID on your phone? Ask a member of staff. Press S.",
        "S  No MitID on my phone",
    ]);

    // First a staff account without the role: the visit is refused, and nothing opens.
    t.send(&["s"]);
    t.wait_for(&["Sign-in for a member of staff"]);
    let url = qr_on_screen(&t);
    assert_eq!(approve(&url, "trainee", false), "approved");
    t.wait_for(&["The citizen's CPR number", "First check the citizen's ID"]);
    t.send(&[CPR]);
    let typed = t.wait_for(&["••••••-••••"]);
    assert!(!typed.contains("310441"), "{typed}");
    t.send(&["Enter"]);
    t.wait_for(&["Your staff account may not open visits for citizens."]);
    t.send(&["Escape"]);
    t.wait_for(&["Vælg sprog"]);

    // Then Hanne, who has it.
    t.send(&["2"]);
    t.wait_for(&["S  No MitID on my phone"]);
    t.send(&["s"]);
    t.wait_for(&["Sign-in for a member of staff"]);
    let url = qr_on_screen(&t);
    assert_eq!(approve(&url, "hanne", false), "approved");
    t.wait_for(&["The citizen's CPR number"]);
    t.send(&[CPR]);
    t.wait_for(&["••••••-••••"]);
    t.send(&["Enter"]);
    t.wait_for(&["Hello Inger Marie Holm", "CPR number: 310441-••••"]);
    t.send(&["3"]);
    t.wait_for(&["When · what", "Your data in Indsigt"]);
    t.send(&["Enter"]);
    let entry = t.wait_for(&[
        "A member of staff at Citizen Service opened this visit",
        "Self-service kiosk, opened by a member of staff",
    ]);
    assert!(!entry.contains("Hanne"), "{entry}");
    t.send(&["Escape"]);
    t.wait_for(&["When · what"]);
    t.send(&["Escape"]);
    t.wait_for(&["Hello Inger Marie Holm"]);

    // Sign-out: the visit ends on the server, and the screen's history holds nothing of hers.
    t.send(&["x"]);
    t.wait_for(&["Was this understandable?"]);
    t.send(&["Escape"]);
    t.wait_for(&["Vælg sprog"]);
    let history = t.capture(true);
    for part in ["Inger", "310441"] {
        assert!(!history.contains(part), "{part} is in the history");
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let audit: Vec<(String, Option<String>)> = conn
        .prepare("SELECT outcome, staff_subject FROM staff_sign_ins ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        audit,
        [
            ("no_role".to_owned(), Some("trainee".to_owned())),
            ("opened".to_owned(), Some("hanne".to_owned()))
        ]
    );
    // Sign-out ends the visit on the server (fire and forget: give it a moment).
    let ended = (0..50).any(|_| {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM assisted_sessions WHERE ended_at IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        if n == 0 {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        n == 1
    });
    assert!(ended, "the visit did not end on the server");
}
