#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `indsigt ingest --system NAME FILE.jsonl`: the real binary on a real SQLite file. Broken lines are reported
//! by number and the rest goes on; a run killed mid-file resumes from its checkpoint and writes every line once.

use indsigt::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

mod common;
use common::{indsigt, text};

struct Setup {
    dir: tempfile::TempDir,
    db: PathBuf,
    config: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.db");
    let mut store = Store::open(&db).unwrap();
    let cat = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue");
    let (c, digest) = indsigt::catalogue::load_with_digest(&cat).unwrap();
    store.import_catalogue(&c, "catalogue", &digest, 1).unwrap();
    drop(store);
    let pepper = dir.path().join("pepper");
    std::fs::write(&pepper, b"a test pepper that is at least 32 bytes long\n").unwrap();
    let config = dir.path().join("server.toml");
    std::fs::write(
        &config,
        format!(
            "[server]\ndatabase = {:?}\npepper_file = {:?}\n",
            db.to_str().unwrap(),
            pepper.to_str().unwrap()
        ),
    )
    .unwrap();
    Setup { dir, db, config }
}

fn line(i: u64) -> String {
    format!(
        r#"{{"record_id":"h-{i}","cpr":"3002{:02}{:04}","version":1,"category":"home_care","fields":{{"help_granted":{{"da":"Rengøring","en":"Cleaning"}}}},"retention_start":"2026-01-05"}}"#,
        40 + i % 50,
        i % 10_000
    )
}

fn holdings(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM holdings", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn broken_lines_are_reported_by_number_and_a_second_run_resumes_at_the_end() {
    let s = setup();
    let file = s.dir.path().join("nexus.jsonl");
    let mut lines = vec![line(1), line(2), "{not json".to_owned(), line(3)];
    lines.push(r#"{"record_id":"x","cpr":"3002401111","version":1,"category":"no_such"}"#.into());
    lines.push(line(1));
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let args = [
        "ingest",
        "--config",
        s.config.to_str().unwrap(),
        "--system",
        "kmd_nexus",
        file.to_str().unwrap(),
    ];
    let out = indsigt("en_GB.UTF-8", &args, &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains("3 accepted, 1 duplicates (no change), 2 rejected"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Line 3: The line is not a JSON object. (not_json)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Line 5: The catalogue has no category no_such. (unknown_category)"),
        "{stdout}"
    );
    assert_eq!(holdings(&s.db), 3);

    let out = indsigt("da_DK.UTF-8", &args, &[]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Fortsatte efter linje 6"), "{stdout}");
    assert!(stdout.contains("0 taget imod, 0 dubletter"), "{stdout}");
    assert_eq!(holdings(&s.db), 3);
}

#[test]
fn a_run_killed_mid_file_resumes_from_its_checkpoint_and_writes_every_line_once() {
    let s = setup();
    let file = s.dir.path().join("big.jsonl");
    let n: u64 = 60_000;
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
        for i in 0..n {
            writeln!(f, "{}", line(i)).unwrap();
        }
    }
    let args = [
        "ingest",
        "--config",
        s.config.to_str().unwrap(),
        "--system",
        "KMD Nexus",
        file.to_str().unwrap(),
    ];
    let mut child = Command::new(env!("CARGO_BIN_EXE_indsigt"))
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once the first batches are committed.
    let deadline = Instant::now() + Duration::from_secs(60);
    let conn = rusqlite::Connection::open(&s.db).unwrap();
    loop {
        let line: Option<i64> = conn
            .query_row("SELECT max(line) FROM ingest_checkpoints", [], |r| r.get(0))
            .unwrap_or(None);
        if line.is_some_and(|l| l >= 2000) || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    let _status = child.wait().unwrap();
    let first = holdings(&s.db);
    assert!(
        first > 0 && (first as u64) < n,
        "killed mid-file: {first} of {n}"
    );

    let out = indsigt("en_GB.UTF-8", &args, &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("Went on after line"), "{stdout}");
    let accepted: i64 = stdout
        .split(": ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        stdout.contains(" 0 duplicates"),
        "no line written twice: {stdout}"
    );
    assert_eq!(first + accepted, n as i64, "{stdout}");
    assert_eq!(holdings(&s.db), n as i64);
}

fn event(id: &str, cpr: &str) -> String {
    format!(
        r#"{{"event_id":"{id}","cpr":"{cpr}","at":"2026-11-20T09:30:00+01:00","organisation":{{"da":"Jobcenter Eksempel","en":"Job Centre Example"}},"unit":{{"da":"Ydelsesteamet","en":"Benefits team"}},"role":{{"da":"Sagsbehandler","en":"Caseworker"}},"system":"Momentum","area":"employment","category":{{"da":"Ledighedsforløb","en":"Unemployment history"}},"action":"viewed","purpose":{{"da":"Hjælp til at finde arbejde","en":"Help to find work"}},"case_ref":"SAG-2026-1"}}"#
    )
}

/// The database file and its WAL, as bytes.
fn file_and_wal(db: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    [db.to_path_buf(), PathBuf::from(wal)]
        .into_iter()
        .filter(|p| p.exists())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

#[test]
fn access_events_are_loaded_by_cpr_with_broken_lines_reported_and_no_cpr_in_the_file_or_wal() {
    let s = setup();
    // Held open through the run, so the WAL is still there to search afterwards.
    let watcher = rusqlite::Connection::open(&s.db).unwrap();
    let _mode: String = watcher
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .unwrap();
    let file = s.dir.path().join("momentum-log.jsonl");
    let lines = [
        event("m-1", "300241-1234"),
        event("m-2", "3002411234"),
        r#"{"event_id": "m-3", "cpr": "#.to_owned(),
        event("m-4", "30024-11234"),
        event("m-5", "310355-9876"),
        event("m-1", "300241-1234"),
    ];
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let args = [
        "ingest",
        "--config",
        s.config.to_str().unwrap(),
        "--system",
        "Momentum",
        "--kind",
        "access-events",
        file.to_str().unwrap(),
    ];
    let out = indsigt("en_GB.UTF-8", &args, &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains("3 accepted, 1 duplicates (no change), 2 rejected"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Line 3: The line is not a JSON object. (not_json)"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "Line 4: The CPR number must be ten digits, written ddmmyy-nnnn or ddmmyynnnn. (malformed_cpr)"
        ),
        "{stdout}"
    );

    // Both spellings are one citizen, created by the first event, known by the key and the masked number.
    let pepper =
        indsigt::auth::citizen_key::Pepper::from_file(&s.dir.path().join("pepper")).unwrap();
    let store = Store::open(&s.db).unwrap();
    let key = pepper.citizen_key(&indsigt::domain::Cpr::parse("3002411234").unwrap());
    let citizen = store.citizen_by_cpr_key(&key).unwrap();
    assert_eq!(citizen.cpr.masked(), "300241-••••");
    let now = jiff::Timestamp::from_second(1_800_000_000).unwrap();
    assert_eq!(store.overview(&citizen.id, now).unwrap().access_events, 2);
    let count = |sql: &str| -> i64 { store.connection().query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM access_events"), 3);
    assert_eq!(count("SELECT count(*) FROM citizens"), 2);
    // The system counts as connected, as for any other ingest.
    assert_eq!(
        count("SELECT count(*) FROM system_ingests WHERE system_id = 'momentum'"),
        1
    );

    // A second run resumes after the last line and changes nothing.
    let again = indsigt("en_GB.UTF-8", &args, &[]);
    assert!(
        text(&again.stdout).contains("Went on after line 6"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(count("SELECT count(*) FROM access_events"), 3);
    drop(store);

    let files = file_and_wal(&s.db);
    assert!(
        files.len() == 2,
        "the WAL is kept while the watcher is open"
    );
    for (path, bytes) in &files {
        assert!(!bytes.is_empty());
        for cpr in ["300241-1234", "3002411234", "310355-9876", "3103559876"] {
            assert!(
                !bytes.windows(cpr.len()).any(|w| w == cpr.as_bytes()),
                "{cpr} in {}",
                path.display()
            );
        }
    }
    drop(watcher);
}
