//! End to end: the real binary in tmux, driven with send-keys and read with capture-pane, as a person
//! would use it. Needs tmux (`.ci/run` installs it); without tmux the test is skipped, except in CI.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(socket: &str, width: u16, height: u16, command: &str) -> Tmux {
        let t = Tmux {
            socket: socket.to_owned(),
        };
        let ok = Command::new("tmux")
            .args(["-L", socket, "new-session", "-d", "-s", "k"])
            .args(["-x", &width.to_string(), "-y", &height.to_string(), command])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux did not start");
        t
    }

    fn send(&self, keys: &[&str]) {
        let ok = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "k"])
            .args(keys)
            .status()
            .unwrap()
            .success();
        assert!(ok);
    }

    fn capture(&self, history: bool) -> String {
        let mut cmd = Command::new("tmux");
        cmd.args(["-L", &self.socket, "capture-pane", "-p", "-t", "k"]);
        if history {
            cmd.args(["-S", "-"]);
        }
        String::from_utf8_lossy(&cmd.output().unwrap().stdout).into_owned()
    }

    /// Waits until the screen shows every one of `texts`.
    fn wait_for(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture(false);
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("waited for {texts:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn alive(&self) -> bool {
        Command::new("tmux")
            .args(["-L", &self.socket, "has-session", "-t", "k"])
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ok && std::env::var_os("CI").is_some() {
        panic!("tmux is missing in CI: .ci/run must install it");
    }
    ok
}

/// A demo database and a config that points at it.
fn setup(dir: &Path) -> String {
    let db = dir.join("e2e.db");
    let out = common::indsigt(
        "en",
        &[
            "demo-data",
            "--out",
            db.to_str().unwrap(),
            "--heavy-events",
            "2000",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let config = dir.join("e2e.toml");
    std::fs::write(&config, format!("[source]\npath = \"{}\"\n", db.display())).unwrap();
    format!(
        "env -u NO_COLOR LANG=C.UTF-8 {} --config {}",
        env!("CARGO_BIN_EXE_indsigt"),
        config.display()
    )
}

#[test]
fn a_citizen_visits_every_section_in_english_then_danish_and_signs_out() {
    if !tmux_available() {
        eprintln!("tmux not found: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let command = setup(dir.path());
    let t = Tmux::start(
        &format!("indsigt-e2e-{}", std::process::id()),
        120,
        40,
        &command,
    );

    t.wait_for(&["Eksempel Kommune", "Dansk", "English", "Vælg sprog"]);
    t.send(&["2"]);
    t.wait_for(&["Choose a demo citizen", "Inger Marie Holm"]);
    t.send(&["1"]);
    t.wait_for(&["Is someone helping you today?"]);
    t.send(&["2"]);
    t.wait_for(&[
        "Hello Inger Marie Holm",
        "CPR number: 310441-••••",
        "Who has looked at your data",
    ]);

    let sections: [(&str, &[&str]); 7] = [
        ("1", &["Choose an area", "Health and Care"]),
        ("2", &["Legal basis", "How to object"]),
        ("3", &["Newest first", "When · what", "Why"]),
        ("4", &["Recipient", "Given on"]),
        ("5", &["When a computer helps the caseworker"]),
        ("6", &["Right of access", "Datatilsynet"]),
        (
            "7",
            &[
                "Continue on your own phone",
                "https://indsigt.eksempel-kommune.dk/?view=overview&lang=en",
            ],
        ),
    ];
    for (key, texts) in sections {
        t.send(&[key]);
        t.wait_for(texts);
        t.send(&["Escape"]);
        t.wait_for(&["Hello Inger Marie Holm"]);
    }

    // A category's detail, with voluntary/required in words.
    t.send(&["1"]);
    t.wait_for(&["Choose an area"]);
    t.send(&["1"]);
    t.wait_for(&["Choose an item"]);
    t.send(&["1"]);
    t.wait_for(&["Legal basis", "How long it is kept", "Where it came from"]);
    // One Esc at a time: the terminal reads two quick Escs as one Alt sequence.
    t.send(&["Escape"]);
    t.wait_for(&["Choose an item"]);
    t.send(&["Escape"]);
    t.wait_for(&["Choose an area"]);
    t.send(&["Escape"]);
    t.wait_for(&["Hello Inger Marie Holm"]);

    // A log entry's detail, then Danish in the same place.
    t.send(&["3"]);
    t.wait_for(&["Newest first"]);
    t.send(&["Down", "Enter"]);
    t.wait_for(&["Don't recognise this?", "Reference"]);
    t.send(&["l"]);
    t.wait_for(&["Genkender du ikke dette?", "Hvorfor"]);
    t.send(&["Escape"]);
    t.wait_for(&["Nyeste først"]);

    // Sign out: back to the start, and nothing of the citizen in the history.
    t.send(&["x"]);
    t.wait_for(&["Vælg sprog", "Eksempel Kommune"]);
    let history = t.capture(true);
    for secret in ["Inger", "Holm", "310441"] {
        assert!(
            !history.contains(secret),
            "{secret} is still in the tmux history:\n{history}"
        );
    }
    assert!(t.alive());
    t.send(&["q"]);
    let start = Instant::now();
    while t.alive() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        !t.alive(),
        "q on the attract screen should quit the demo kiosk"
    );
}

#[test]
fn a_tiny_terminal_asks_for_more_room_and_keeps_running() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let command = setup(dir.path());
    let t = Tmux::start(
        &format!("indsigt-e2e-small-{}", std::process::id()),
        60,
        15,
        &command,
    );
    t.wait_for(&["Gør vinduet større."]);
    t.send(&["2", "1", "1"]);
    std::thread::sleep(Duration::from_millis(300));
    assert!(t.alive());
    t.wait_for(&["Please make the window bigger."]);
}
