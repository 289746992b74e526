//! The real binary in tmux writes nothing to its terminal while the attract screen is idle. Everything
//! the program writes goes through tmux's `pipe-pane`, which copies the pane's output to a file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::tmux::{Tmux, tmux_available};
use std::process::Command;
use std::time::Duration;

#[test]
fn an_idle_attract_screen_writes_no_byte_for_five_seconds() {
    if !tmux_available() {
        eprintln!("tmux not found: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("idle.db");
    let out = common::indsigt(
        "en",
        &[
            "demo-data",
            "--out",
            db.to_str().unwrap(),
            "--heavy-events",
            "0",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let config = dir.path().join("idle.toml");
    std::fs::write(&config, format!("[source]\npath = \"{}\"\n", db.display())).unwrap();
    let socket = format!("indsigt-idle-{}", std::process::id());
    let command = format!(
        "env -u NO_COLOR LANG=C.UTF-8 {} --config {}",
        env!("CARGO_BIN_EXE_indsigt"),
        config.display()
    );
    let t = Tmux::start(&socket, 120, 40, &command);
    t.wait_for(&["Eksempel Kommune", "English"]);
    // Let the first frame settle, then record everything the program writes for five seconds.
    std::thread::sleep(Duration::from_millis(500));
    let log = dir.path().join("pane.out");
    let ok = Command::new("tmux")
        .args(["-L", &socket, "pipe-pane", "-o", "-t", "k"])
        .arg(format!("cat >> {}", log.display()))
        .status()
        .unwrap()
        .success();
    assert!(ok, "pipe-pane failed");
    std::thread::sleep(Duration::from_secs(5));
    let idle = std::fs::read(&log).unwrap_or_default();
    assert!(
        idle.is_empty(),
        "{} bytes written on an idle screen: {:?}",
        idle.len(),
        String::from_utf8_lossy(&idle)
    );

    // The recording works: a key that changes the screen shows up in it.
    t.send(&["2"]);
    t.wait_for(&["Choose"]);
    std::thread::sleep(Duration::from_millis(300));
    let after = std::fs::read(&log).unwrap_or_default();
    assert!(!after.is_empty(), "pipe-pane recorded nothing after a key");
    assert!(t.alive());
}
