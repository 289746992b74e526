//! The real binary in tmux writes nothing to its terminal while the attract screen is idle. Everything
//! the program writes goes through tmux's `pipe-pane`, which copies the pane's output to a file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::tmux::{Tmux, demo_kiosk, tmux_available};
use std::process::Command;
use std::time::Duration;

#[test]
fn an_idle_attract_screen_writes_no_byte_for_five_seconds() {
    if !tmux_available() {
        eprintln!("tmux not found: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let socket = format!("indsigt-idle-{}", std::process::id());
    let command = demo_kiosk(dir.path(), "");
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
