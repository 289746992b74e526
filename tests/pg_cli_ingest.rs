//! `indsigt ingest` on PostgreSQL (`[server.postgres]`): the real binary loads the same JSONL files into a
//! SQLite demo and a PostgreSQL copy of it, with the same output and the same rows; a second run resumes
//! from the checkpoint, and a run killed mid-file resumes and writes every line once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_cli_support;
mod pg_support;

use pg_cli_support::{Engines, engines};
use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

const EN: &str = "en_GB.UTF-8";
const DA: &str = "da_DK.UTF-8";

const HOLDINGS: &str =
    "SELECT h.id, c.public_id, c.cpr, h.category_id, h.system_id, h.record_id, h.origin_da,
        h.origin_en, h.retention_start, h.case_ref, h.record_version, h.deleted_at
     FROM holdings h JOIN citizens c ON c.id = h.citizen_id ORDER BY h.id";

const EVENTS: &str = "SELECT e.id, c.public_id, e.at, e.action, e.case_ref, e.employee, s.name
     FROM access_events e JOIN citizens c ON c.id = e.citizen_id JOIN systems s ON s.id = e.system_id
     WHERE e.id IN (SELECT event_id FROM ingested_events) ORDER BY e.id";

fn holding(i: u64) -> String {
    format!(
        r#"{{"record_id":"h-{i}","cpr":"3002{:02}{:04}","version":1,"category":"home_care","fields":{{"help_granted":{{"da":"Rengøring","en":"Cleaning"}}}},"retention_start":"2026-01-05"}}"#,
        40 + i % 50,
        i % 10_000
    )
}

fn event(id: &str, cpr: &str) -> String {
    format!(
        r#"{{"event_id":"{id}","cpr":"{cpr}","at":"2026-11-20T09:30:00+01:00","organisation":{{"da":"Jobcenter Eksempel","en":"Job Centre Example"}},"unit":{{"da":"Ydelsesteamet","en":"Benefits team"}},"role":{{"da":"Sagsbehandler","en":"Caseworker"}},"system":"Momentum","area":"employment","category":{{"da":"Ledighedsforløb","en":"Unemployment history"}},"action":"viewed","purpose":{{"da":"Hjælp til at finde arbejde","en":"Help to find work"}},"case_ref":"SAG-2026-1"}}"#
    )
}

fn ingest<'a>(system: &'a str, kind: &'a str, file: &'a str) -> [&'a str; 6] {
    ["ingest", "--system", system, "--kind", kind, file]
}

#[tokio::test(flavor = "multi_thread")]
async fn holdings_and_events_give_the_same_rows_and_a_second_run_resumes_on_both_engines() {
    let Some(e) = engines(|_| {}).await else {
        return;
    };
    let dir = e.demo.dir.path();
    let before = e.same_rows(HOLDINGS).await.len();

    let file = dir.join("nexus.jsonl");
    let mut lines = vec![holding(1), holding(2), "{not json".to_owned(), holding(3)];
    lines.push(r#"{"record_id":"x","cpr":"3002401111","version":1,"category":"no_such"}"#.into());
    lines.push(holding(1));
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let args = ingest("kmd_nexus", "holdings", file.to_str().unwrap());
    let first = e.same(EN, &args);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    assert!(
        first
            .stdout
            .contains("3 accepted, 1 duplicates (no change), 2 rejected"),
        "{}",
        first.stdout
    );
    assert!(first.stdout.contains("Line 3:"), "{}", first.stdout);
    let rows = e.same_rows(HOLDINGS).await;
    assert_eq!(rows.len(), before + 3);
    e.same_rows(
        "SELECT holding_id, field_id, value_da, value_en FROM holding_values ORDER BY 1, 2",
    )
    .await;
    let again = e.same(DA, &args);
    assert!(
        again.stdout.contains("Fortsatte efter linje 6"),
        "{}",
        again.stdout
    );
    assert!(
        again.stdout.contains("0 taget imod, 0 dubletter"),
        "{}",
        again.stdout
    );
    assert_eq!(e.same_rows(HOLDINGS).await, rows);
    e.same_rows("SELECT system_id, kind, byte_offset, line FROM ingest_checkpoints ORDER BY 1, 2")
        .await;

    let events_before = e.same_rows(EVENTS).await.len();
    let file = dir.join("momentum-log.jsonl");
    let lines = [
        event("m-1", "300241-1234"),
        event("m-2", "3002411234"),
        r#"{"event_id": "m-3", "cpr": "#.to_owned(),
        event("m-4", "30024-11234"),
        event("m-5", "310355-9876"),
        event("m-1", "300241-1234"),
    ];
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let args = ingest("Momentum", "access-events", file.to_str().unwrap());
    let first = e.same(EN, &args);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    assert!(
        first.stdout.contains("3 accepted, 1 duplicates"),
        "{}",
        first.stdout
    );
    let events = e.same_rows(EVENTS).await;
    assert_eq!(events.len(), events_before + 3);
    let again = e.same(EN, &args);
    assert!(
        again.stdout.contains("Went on after line 6"),
        "{}",
        again.stdout
    );
    assert_eq!(e.same_rows(EVENTS).await, events);
}

/// The line the PostgreSQL checkpoint got to, if any.
async fn checkpoint_line(e: &Engines) -> Option<i64> {
    let rows = e.pg_rows("SELECT max(line) FROM ingest_checkpoints").await;
    rows.first()
        .and_then(|r| r.first())
        .and_then(|v| v.parse().ok())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_run_killed_mid_file_on_postgres_resumes_and_writes_every_line_once() {
    let Some(e) = engines(|_| {}).await else {
        return;
    };
    let file = e.demo.dir.path().join("big.jsonl");
    let n: u64 = 8_000;
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
        for i in 0..n {
            writeln!(f, "{}", holding(i)).unwrap();
        }
    }
    let before = e.same_rows(HOLDINGS).await.len();
    let args = ingest("KMD Nexus", "holdings", file.to_str().unwrap());
    let mut child = Command::new(env!("CARGO_BIN_EXE_indsigt"))
        .args(args)
        .args(["--config", e.postgres.to_str().unwrap()])
        .env("LANG", EN)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Killed once the first batches are committed.
    let deadline = Instant::now() + Duration::from_secs(120);
    while checkpoint_line(&e).await.is_none_or(|l| l < 2000) && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    child.kill().unwrap();
    let _status = child.wait().unwrap();
    let first = e.pg_rows(HOLDINGS).await.len() - before;
    assert!(
        first > 0 && (first as u64) < n,
        "killed mid-file: {first} of {n}"
    );

    let out = e.run(&e.postgres, EN, &args);
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("Went on after line"), "{}", out.stdout);
    let accepted: usize = out
        .stdout
        .split(": ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{}", out.stdout));
    assert!(
        out.stdout.contains(" 0 duplicates"),
        "no line written twice: {}",
        out.stdout
    );
    assert_eq!(first + accepted, n as usize, "{}", out.stdout);

    // The same file in one run on SQLite: the same rows.
    let whole = e.run(&e.sqlite, EN, &args);
    assert_eq!(whole.code, Some(0), "{}", whole.stderr);
    assert_eq!(e.same_rows(HOLDINGS).await.len(), before + n as usize);
}
