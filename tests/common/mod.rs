//! Shared helpers for the store tests: a small demo database in a tempdir.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

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

pub fn open(d: &Demo) -> Store {
    Store::open(&d.path).unwrap()
}
