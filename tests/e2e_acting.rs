//! Acting for someone else, end to end with real processes only, on the demo database: panva's
//! oidc-provider issues the token of the demo citizen Sofie Bach Nielsen with a privilege list (the OIO Basic
//! Privilege Profile NemLog-in sends) that gives her power of attorney to see Inger Marie Holm's data; the
//! CPR system posts that Sofie has custody of Emil; `indsigt serve` checks both; the kiosk in tmux asks Sofie
//! whose data she wants to see, offers herself, Emil and Inger, shows the banner on every screen, and no
//! withdrawal for Inger. Inger's log says Sofie looked, with her power of attorney; Sofie's own says she
//! looked at Inger's.
//!
//! Needs node, `npm ci` in tests/oidc, and tmux (`.ci/run` does all three). Skipped without them, except
//! in CI.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::procs::{
    AUDIENCE, approve, free_port, oidc_available, qr_on_screen, start_provider, start_serve,
};
use common::tmux::Tmux;
use indsigt::auth::privileges::encode_list;
use serde_json::{Value, json};
use std::path::Path;

/// Sofie Bach Nielsen and Inger Marie Holm, of the demo municipality; Emil is posted by the test.
const SOFIE: &str = "300284-2468";
const INGER: &str = "310441-4822";
const EMIL: &str = "010316-4321";
const LOGIN: &str = "sofie";
const CPR_CLAIM: &str = "https://data.gov.dk/model/core/eid/cprNumber";
const NEXUS_KEY: &str = "nexus-ingest-key";
const CPR_KEY: &str = "cpr-ingest-key";
const KIOSK_KEY: &str = "acting-kiosk-key";
const SEE: &str = "urn:dk:eksempel-kommune:indsigt:se";
const ACT: &str = "urn:dk:eksempel-kommune:indsigt:handle";
const PEPPER: &[u8] = indsigt::store::demo::DEMO_PEPPER;

fn serve_config(dir: &Path, db: &Path, port: u16, issuer: &str) -> std::path::PathBuf {
    let pepper = dir.join("pepper");
    std::fs::write(&pepper, PEPPER).unwrap();
    std::fs::write(dir.join("kiosk.key"), KIOSK_KEY).unwrap();
    let sha = indsigt::auth::sha256_hex;
    let config = dir.join("serve.toml");
    std::fs::write(
        &config,
        format!(
            r#"[server]
listen = "127.0.0.1:{port}"
database = "{db}"
issuer = "{issuer}"
audience = "{AUDIENCE}"
cpr_claim = "{CPR_CLAIM}"
pepper_file = "{pepper}"
ingest_keys = [
    {{ system = "KMD Nexus", key_sha256 = "{nexus}" }},
    {{ system = "CPR", key_sha256 = "{cpr}" }},
]

[[server.kiosks]]
id = "acting-kiosk"
location = "Testbiblioteket"
key_sha256 = "{kiosk}"

[server.representation]
see_privilege = "{SEE}"
act_privilege = "{ACT}"
relations_system = "CPR"
"#,
            db = db.display(),
            pepper = pepper.display(),
            nexus = sha(NEXUS_KEY),
            cpr = sha(CPR_KEY),
            kiosk = sha(KIOSK_KEY),
        ),
    )
    .unwrap();
    config
}

fn post(port: u16, key: &str, kind: &str, body: Value) {
    common::procs::ingest_all(port, key, kind, body);
}

fn feed(port: u16) {
    let holding = |id: &str, cpr: &str| {
        json!({ "record_id": id, "cpr": cpr, "version": 1, "category": "home_care",
            "fields": { "help_granted": { "da": "Rengøring hver uge", "en": "Weekly cleaning" } },
            "updated_at": "2026-11-20T09:30:00Z", "retention_start": "2026-06-01" })
    };
    post(
        port,
        NEXUS_KEY,
        "holdings",
        json!({ "records": [holding("e", EMIL)] }),
    );
    post(
        port,
        CPR_KEY,
        "relations",
        json!({ "relations": [{ "parent_cpr": SOFIE, "child_cpr": EMIL, "custody_from": "2016-03-01",
            "child_name": "Emil Bach Nielsen" }] }),
    );
}

fn kiosk_command(dir: &Path, port: u16, issuer: &str) -> String {
    common::procs::http_kiosk_command(dir, port, issuer, "")
}

/// The `on_behalf` codes and names in the log of the citizen with this CPR number, oldest first.
fn sides(db: &Path, cpr: &str) -> Vec<(String, String)> {
    let pepper = indsigt::auth::Pepper::from_bytes(PEPPER.to_vec()).unwrap();
    let key = pepper.citizen_key(&indsigt::ingest::cpr::parse_cpr(cpr).unwrap());
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut st = conn
        .prepare(
            "SELECT e.on_behalf, e.on_behalf_name FROM access_events e JOIN citizens c ON c.id = e.citizen_id
             WHERE c.cpr_key = ?1 AND e.on_behalf IS NOT NULL ORDER BY e.id",
        )
        .unwrap();
    st.query_map([key], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn sofie_chooses_inger_sees_the_banner_and_both_logs_show_the_visit() {
    if !oidc_available() {
        eprintln!("node, tests/oidc/node_modules or tmux missing: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = common::kiosk::demo_db(dir.path(), 500);
    let provider_port = free_port();
    let issuer = format!("http://127.0.0.1:{provider_port}");
    let privileges = encode_list(&[
        (
            &format!(
                "urn:dk:gov:saml:cprNumberIdentifier:{}",
                INGER.replace('-', "")
            ),
            &[SEE],
        ),
        (
            "urn:dk:gov:saml:cvrNumberIdentifier:29189846",
            &["urn:dk:other:privilege"],
        ),
    ]);
    let accounts = json!({ LOGIN: { "cpr": SOFIE.replace('-', ""), "name": "Sofie Bach Nielsen",
                                    "privileges": privileges } })
    .to_string();
    let _provider = start_provider(provider_port, &[("CPR_ACCOUNTS", &accounts)]);
    let port = free_port();
    let config = serve_config(dir.path(), &db, port, &issuer);
    let _server = start_serve(&config, port);
    feed(port);

    let t = Tmux::start(
        &format!("indsigt-acting-{}", std::process::id()),
        120,
        40,
        &kiosk_command(dir.path(), port, &issuer),
    );
    t.wait_for(&["Vælg sprog"]);
    t.send(&["2"]);
    let url = qr_on_screen(&t);
    assert_eq!(approve(&url, LOGIN, false), "approved");
    t.wait_for(&["Is someone helping you today?"]);
    t.send(&["1"]);
    // The server's list: herself, her child, and the person whose power of attorney the token carries.
    t.wait_for(&[
        "Whose data do you want to see?",
        "1  My own data",
        "2  Emil Bach Nielsen",
        "Your child. You have custody.",
        "3  Inger Marie Holm",
        "You have power of attorney. You may see, not act.",
    ]);
    t.send(&["3"]);
    let banner = "You are looking at Inger Marie Holm's data, with power of attorney to see.";
    t.wait_for(&[
        banner,
        "Data about Inger Marie Holm",
        "CPR number: 310441-••••",
    ]);
    // Inger's consents: on screen, with the banner, and no withdrawal of the one in force.
    t.send(&["4"]);
    t.wait_for(&[banner, "In force"]);
    t.send(&["Down"]);
    let consents = t.wait_for(&[banner, "Your power of attorney does not let you withdraw"]);
    assert!(!consents.contains("W  Withdraw"), "{consents}");
    t.send(&["w"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!t.capture(false).contains("Do you want to withdraw"));
    t.send(&["Escape"]);
    t.wait_for(&[banner, "Who has looked at your data"]);

    // Inger's log: Sofie looked, with her power of attorney. Sofie's: she looked at Inger's data.
    t.send(&["3"]);
    t.wait_for(&[banner, "When · what", "Your data in Indsigt"]);
    t.send(&["Enter"]);
    t.wait_for(&[
        "Sofie Bach Nielsen looked at your data at a kiosk.",
        "You gave Sofie Bach Nielsen",
    ]);
    assert_eq!(
        sides(&db, INGER),
        [(
            "by_power_of_attorney".to_owned(),
            "Sofie Bach Nielsen".to_owned()
        )]
    );
    assert_eq!(
        sides(&db, SOFIE),
        [(
            "for_power_of_attorney".to_owned(),
            "Inger Marie Holm".to_owned()
        )]
    );
    assert!(sides(&db, EMIL).is_empty());

    // Sign out, and in again as herself: her own log says she looked at Inger's data.
    t.send(&["x"]);
    t.wait_for(&["Was this understandable?"]);
    t.send(&["Escape"]);
    t.wait_for(&["Vælg sprog"]);
    let history = t.capture(true);
    for part in ["Inger", "310441"] {
        assert!(!history.contains(part), "{part} is still in the history");
    }
    t.send(&["2"]);
    let url = qr_on_screen(&t);
    assert_eq!(approve(&url, LOGIN, false), "approved");
    t.wait_for(&["Is someone helping you today?"]);
    t.send(&["1"]);
    t.wait_for(&["Whose data do you want to see?"]);
    t.send(&["1"]);
    let own = t.wait_for(&["Hello Sofie Bach Nielsen"]);
    assert!(!own.contains("You are looking at"), "{own}");
    // This visit is recorded before the log is opened, so it is the newest entry.
    let recorded = (0..100).any(|_| {
        let own_visits = rusqlite::Connection::open(&db)
            .unwrap()
            .query_row(
                "SELECT count(*) FROM kiosk_visits WHERE actor_citizen_id IS NULL AND basis IS NULL",
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap();
        if own_visits == 0 {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        own_visits > 0
    });
    assert!(recorded, "the own visit was not recorded");
    t.send(&["3"]);
    t.wait_for(&["When · what", "Your data in Indsigt"]);
    // Newest first: this visit, then the visit to Inger's data.
    t.send(&["Down"]);
    t.send(&["Enter"]);
    t.wait_for(&["You looked at Inger Marie Holm's data at a kiosk"]);
}
