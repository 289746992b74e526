//! Helpers shared by the integration tests: the real binary, a small demo database, domain fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

pub mod fixtures;
pub mod kiosk;
pub mod procs;
pub mod qr_decode;
pub mod screens;
pub mod speech;
pub mod tmux;
pub mod update;

use std::process::{Command, Output};

/// The real binary with a clean environment: no `INDSIGT_` variables and the language set.
pub fn indsigt(lang: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_indsigt"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("INDSIGT_") {
            cmd.env_remove(name);
        }
    }
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang);
    cmd.args(args).envs(env.iter().copied());
    cmd.output().unwrap()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

use indsigt::domain::CitizenId;
use indsigt::store::Store;
use indsigt::store::demo::{BASE, DemoOptions, DemoSummary, write_demo_database};
use jiff::Timestamp;
use std::path::PathBuf;
use tempfile::TempDir;

pub const ELDERLY: &str = "c-7f3a9b";
pub const JOB_SEEKER: &str = "c-2b8e41";
pub const PARENT: &str = "c-5c1d07";
pub const STUDENT: &str = "c-9e4f22";
pub const SPARSE: &str = "c-a0d3c6";
pub const HEAVY: &str = "c-e61b5d";

pub fn cid(s: &str) -> CitizenId {
    CitizenId(s.to_owned())
}

/// The demo's "now": the base date (all deferred entries are still hidden).
pub fn now() -> Timestamp {
    Timestamp::from_second(BASE).unwrap()
}

pub fn small_options() -> DemoOptions {
    DemoOptions {
        citizens: 12,
        heavy_events: 3_000,
        events_per_citizen: 40,
        seed: 7,
        overwrite: false,
    }
}

pub struct Demo {
    pub dir: TempDir,
    pub path: PathBuf,
    pub summary: DemoSummary,
}

pub fn demo() -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let summary = write_demo_database(&path, &small_options()).unwrap();
    Demo { dir, path, summary }
}

/// The demo without the requests it ships (the elderly citizen's withdrawal and reports), for tests that
/// count requests from nothing.
pub fn demo_without_requests() -> Demo {
    let d = demo();
    rusqlite::Connection::open(&d.path)
        .unwrap()
        .execute_batch(
            "DELETE FROM delivery_attempts; DELETE FROM request_outbox; DELETE FROM requests;
             DELETE FROM access_reports;",
        )
        .unwrap();
    d
}

/// Makes every consent of `who` active and held by Momentum, and answers their ids.
pub fn momentum_consents(d: &Demo, who: &str) -> Vec<i64> {
    let ids: Vec<i64> = open(d)
        .consents(&cid(who))
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    let conn = rusqlite::Connection::open(&d.path).unwrap();
    for id in &ids {
        conn.execute(
            "UPDATE citizen_consents SET system_id = 'momentum', record_id = 'rec-' || id, withdrawn_at = NULL,
                    withdrawal_pending = 0 WHERE id = ?1",
            [id],
        )
        .unwrap();
    }
    ids
}

pub fn open(d: &Demo) -> Store {
    Store::open(&d.path).unwrap()
}
