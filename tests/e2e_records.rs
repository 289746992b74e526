//! The municipality's own data end to end, with real processes only: `indsigt serve` on an empty database,
//! `indsigt catalogue import` of the shipped catalogue, two systems (KMD Nexus and Momentum) posting
//! holdings, consents, a decision-support use and access events over HTTP, and the kiosk in HTTP mode in
//! tmux, signed in on "the phone" at panva's oidc-provider with a token whose CPR claim names the citizen.
//! The kiosk shows each of them, the computed deletion date and the coverage note; after Nexus deletes a
//! holding, the kiosk no longer shows it. The database file and its WAL never hold the CPR number.
//!
//! Needs node, `npm ci` in tests/oidc, and tmux (`.ci/run` does all three). Skipped without them, except
//! in CI.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::procs::{
    AUDIENCE, approve, free_port, oidc_available, qr_on_screen, start_provider, start_serve,
};
use common::tmux::Tmux;
use serde_json::{Value, json};
use std::path::Path;

const CPR: &str = "300241-1234";
const NAME: &str = "Anna Holm";
const LOGIN: &str = "anna";
const CPR_CLAIM: &str = "https://data.gov.dk/model/core/eid/cprNumber";
const NEXUS_KEY: &str = "nexus-ingest-key";
const MOMENTUM_KEY: &str = "momentum-ingest-key";
const KIOSK_KEY: &str = "records-kiosk-key";

fn serve_config(dir: &Path, port: u16, issuer: &str) -> std::path::PathBuf {
    let pepper = dir.join("pepper");
    std::fs::write(&pepper, b"the e2e test's pepper, at least 32 bytes long\n").unwrap();
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
    {{ system = "Momentum", key_sha256 = "{momentum}" }},
]

[[server.kiosks]]
id = "records-kiosk"
location = "Testbiblioteket"
key_sha256 = "{kiosk}"
"#,
            db = dir.join("server.db").display(),
            pepper = pepper.display(),
            nexus = sha(NEXUS_KEY),
            momentum = sha(MOMENTUM_KEY),
            kiosk = sha(KIOSK_KEY),
        ),
    )
    .unwrap();
    config
}

fn ingest(port: u16, key: &str, kind: &str, body: Value) {
    common::procs::ingest_all(port, key, kind, body);
}

fn home_care(version: i64, deleted: bool) -> Value {
    json!({ "record_id": "nexus-hc-1", "cpr": CPR, "version": version, "category": "home_care",
            "fields": { "help_granted": { "da": "Rengøring hver anden uge", "en": "Cleaning every other week" },
                        "hours_per_week": { "da": "2", "en": "2" } },
            "updated_at": "2026-11-20T09:30:00Z", "retention_start": "2026-06-01", "case_ref": "S-2026-77",
            "deleted": deleted })
}

fn access_event(id: &str, system: &str, area: &str, purpose: &str, org: (&str, &str)) -> Value {
    json!({ "event_id": id, "cpr": CPR, "at": "2026-11-25T10:15:00+01:00",
            "organisation": { "da": org.0, "en": org.1 },
            "unit": { "da": "Visitationen", "en": "Needs assessment" },
            "role": { "da": "Sagsbehandler", "en": "Caseworker" },
            "system": system, "area": area,
            "category": { "da": "Sagsakter", "en": "Case records" },
            "action": "viewed", "purpose": { "da": purpose, "en": purpose } })
}

/// The whole feed: Nexus sends home care and rehabilitation, a consent and its access events; Momentum a
/// job profile, a decision-support use and its access events.
fn feed(port: u16) {
    let rehab = json!({ "record_id": "nexus-rh-1", "cpr": CPR, "version": 1, "category": "rehab",
        "fields": { "goal": { "da": "Gå ture alene igen", "en": "Walk on my own again" } },
        "updated_at": "2026-10-02T08:00:00Z", "retention_start": "2026-10-01" });
    ingest(
        port,
        NEXUS_KEY,
        "holdings",
        json!({ "records": [home_care(1, false), rehab] }),
    );
    ingest(
        port,
        NEXUS_KEY,
        "consents",
        json!({ "records": [
        { "record_id": "nexus-c-1", "cpr": CPR, "version": 1, "consent_type": "share_with_gp",
          "given_at": "2026-03-04T10:00:00Z" }] }),
    );
    ingest(
        port,
        MOMENTUM_KEY,
        "holdings",
        json!({ "records": [
        { "record_id": "mom-jp-1", "cpr": CPR, "version": 3, "category": "job_profile",
          "fields": { "status": { "da": "Jobparat", "en": "Ready for work" } },
          "updated_at": "2026-11-01T12:00:00Z", "retention_start": "2026-11-01" }] }),
    );
    ingest(
        port,
        MOMENTUM_KEY,
        "decisions",
        json!({ "records": [
        { "record_id": "mom-d-1", "cpr": CPR, "version": 1, "tool": "job_match", "case_ref": "J-2026-7",
          "decided_at": "2026-11-03T10:00:00Z",
          "result": { "da": "Tre forslag til job i lager og logistik", "en": "Three job suggestions in warehousing" },
          "factors": [{ "name": { "da": "Din uddannelse", "en": "Your education" },
                        "effect": { "da": "Talte mest", "en": "Counted most" } }] }] }),
    );
    ingest(
        port,
        NEXUS_KEY,
        "access-events",
        json!({ "events": [access_event("nexus-e-1", "KMD Nexus", "health", "Hjemmepleje",
            ("Hjemmeplejen Nord", "Home Care North"))] }),
    );
    ingest(
        port,
        MOMENTUM_KEY,
        "access-events",
        json!({ "events": [access_event("mom-e-1", "Momentum", "employment", "Hjælp til at finde arbejde",
            ("Jobcenter Eksempel", "Job Centre Example"))] }),
    );
}

fn kiosk_command(dir: &Path, port: u16, issuer: &str) -> String {
    common::procs::http_kiosk_command(dir, port, issuer, "")
}

fn sign_in(t: &Tmux) {
    t.wait_for(&["Vælg sprog"]);
    t.send(&["2"]);
    let url = qr_on_screen(t);
    assert_eq!(approve(&url, LOGIN, false), "approved");
    t.wait_for(&["Is someone helping you today?"]);
    t.send(&["1"]);
    t.wait_for(&[&format!("Hello {NAME}"), "CPR number: 300241-••••"]);
}

fn sign_out(t: &Tmux) {
    t.send(&["x"]);
    t.wait_for(&["Was this understandable?"]);
    t.send(&["Escape"]);
    t.wait_for(&["Vælg sprog"]);
}

#[test]
fn a_municipality_loads_its_catalogue_and_systems_and_the_citizen_sees_it_at_the_kiosk() {
    if !oidc_available() {
        eprintln!("node, tests/oidc/node_modules or tmux missing: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let provider_port = free_port();
    let issuer = format!("http://127.0.0.1:{provider_port}");
    let accounts = json!({ LOGIN: { "cpr": CPR.replace('-', ""), "name": NAME } }).to_string();
    let _provider = start_provider(provider_port, &[("CPR_ACCOUNTS", &accounts)]);
    let port = free_port();
    let config = serve_config(dir.path(), port, &issuer);
    let _server = start_serve(&config, port);

    // The DPO loads the shipped catalogue into the running server's (empty) database.
    let catalogue = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue");
    let out = common::indsigt(
        "en",
        &[
            "catalogue",
            "import",
            catalogue.to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    feed(port);

    let t = Tmux::start(
        &format!("indsigt-records-{}", std::process::id()),
        120,
        40,
        &kiosk_command(dir.path(), port, &issuer),
    );
    sign_in(&t);
    // The coverage note: the two systems that sent data today, the others not yet.
    let overview = t.wait_for(&["Data from 2 systems, last updated"]);
    assert!(overview.contains("No data yet from:"), "{overview}");
    assert!(overview.contains("Information: 3 · Areas: 2"), "{overview}");

    // Your data → Health and Care → Home care, with the values and the computed deletion date.
    t.send(&["1"]);
    t.wait_for(&["Health and Care", "Employment (Jobcentre)"]);
    t.send(&["1"]);
    t.wait_for(&["Home care", "Training under the Social Services Act s. 86"]);
    t.send(&["1"]);
    // Special-category data: hidden until the citizen shows one value at a time.
    let detail = t.wait_for(&["Help granted: ••••••", "Deleted on: 1 Jan 2032"]);
    assert!(detail.contains("Which IT system\n KMD Nexus"), "{detail}");
    t.send(&["v"]);
    t.wait_for(&["Help granted: Cleaning every other week"]);
    // Each key waits for the screen it leads to: a key sent while a list still loads may land on the old one.
    t.send(&["Escape"]);
    t.wait_for(&["Home care", "Training under the Social Services Act s. 86"]);
    t.send(&["Escape"]);
    t.wait_for(&["Health and Care", "Employment (Jobcentre)"]);
    t.send(&["2"]);
    t.wait_for(&["Job search and CV"]);
    t.send(&["1"]);
    t.wait_for(&["Status: Ready for work", "Which IT system\n Momentum"]);
    t.send(&["Escape"]);
    t.wait_for(&["Job search and CV"]);
    t.send(&["Escape"]);
    t.wait_for(&["Health and Care", "Employment (Jobcentre)"]);
    back_home(&t);

    // The consent, the decision-support use and both systems' access events.
    t.send(&["4"]);
    t.wait_for(&["Share care and training data with your own GP"]);
    back_home(&t);
    t.send(&["5"]);
    t.wait_for(&["My Plan: job match and profiling"]);
    back_home(&t);
    t.send(&["3"]);
    t.wait_for(&["Home Care North", "Job Centre Example"]);
    back_home(&t);
    sign_out(&t);

    // Nexus deletes the home-care holding: at the next sign-in the kiosk no longer shows it.
    ingest(
        port,
        NEXUS_KEY,
        "holdings",
        json!({ "records": [home_care(2, true)] }),
    );
    sign_in(&t);
    t.wait_for(&["Information: 2 · Areas: 2"]);
    t.send(&["1"]);
    t.wait_for(&["Health and Care"]);
    t.send(&["1"]);
    let health = t.wait_for(&["Training under the Social Services Act s. 86"]);
    assert!(!health.contains("Home care"), "{health}");
    t.send(&["Escape"]);
    t.wait_for(&["Health and Care"]);
    back_home(&t);
    sign_out(&t);

    // Neither the database nor its WAL holds the CPR number, with or without the dash.
    let mut bytes = std::fs::read(dir.path().join("server.db")).unwrap();
    if let Ok(wal) = std::fs::read(dir.path().join("server.db-wal")) {
        bytes.extend(wal);
    }
    for needle in [CPR, &CPR.replace('-', "")] {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "{needle} is in the database"
        );
    }
}

/// Escape to the home screen and wait for it. An Escape and the next key read together are one Alt+key.
fn back_home(t: &Tmux) {
    t.send(&["Escape"]);
    t.wait_for(&[&format!("Hello {NAME}")]);
}
