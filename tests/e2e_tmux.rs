//! End to end: the real binary in tmux, driven with send-keys and read with capture-pane, as a person
//! would use it. Needs tmux (`.ci/run` installs it); without tmux the test is skipped, except in CI.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::tmux::{Tmux, sign_in_da, tmux_available};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::tmux::demo_kiosk as setup_with;

fn setup(dir: &Path) -> String {
    setup_with(dir, "")
}

/// What the signed-in demo citizen must never leave behind: name, CPR digits, a data value. The last four
/// digits are looked for with what stands before them: a log's timestamp may hold `.4822…` by chance.
const TRACES: [&str; 6] = ["Inger", "Holm", "310441", "-4822", "4414822", "Kastanievej"];

fn assert_forgotten(t: &Tmux, dir: &Path) {
    let history = t.capture(true);
    for secret in TRACES {
        assert!(
            !history.contains(secret),
            "{secret} is still in the tmux history:\n{history}"
        );
    }
    let log = std::fs::read_to_string(dir.join("kiosk.log")).unwrap_or_default();
    assert!(
        log.contains("session ended"),
        "the log is empty or lacks the session:\n{log}"
    );
    for secret in TRACES {
        assert!(!log.contains(secret), "{secret} is in the log:\n{log}");
    }
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

    let sections: [(&str, &[&str]); 8] = [
        ("1", &["Choose an area", "Health and Care"]),
        (
            "2",
            &[
                "What the municipality uses your data for",
                "Required by law",
            ],
        ),
        ("3", &["Newest first", "When · what", "Why"]),
        ("4", &["Recipient", "Given on"]),
        ("5", &["When a computer helps the caseworker"]),
        ("6", &["Right of access", "Datatilsynet"]),
        ("7", &["What you have asked the municipality for"]),
        (
            "8",
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
    // First the one question; the answer is counted without the citizen.
    t.send(&["x"]);
    t.wait_for(&["Var det til at forstå?", "Spring over"]);
    t.send(&["1"]);
    t.wait_for(&["Vælg sprog", "Eksempel Kommune"]);
    assert_forgotten(&t, dir.path());
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

fn pin_hash(pin: &str) -> String {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_indsigt"))
        .arg("hash-pin")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{pin}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn a_locked_kiosk_survives_every_way_out_and_opens_only_for_the_operator_pin() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let extra = format!(
        "[kiosk]\nlocked = true\noperator_pin_hash = \"{}\"\n",
        pin_hash("4711")
    );
    let command = setup_with(dir.path(), &extra);
    let t = Tmux::start(
        &format!("indsigt-e2e-lock-{}", std::process::id()),
        100,
        30,
        &command,
    );
    sign_in_da(&t);
    for key in ["C-c", "C-z", "C-\\", "C-d", "q"] {
        t.send(&[key]);
        std::thread::sleep(Duration::from_millis(300));
        assert!(t.alive(), "{key} ended the locked kiosk");
        t.wait_for(&["Hej Inger Marie Holm"]);
    }
    // The operator's chord, a wrong PIN, then the right one after the delay.
    t.send(&["C-M-o"]);
    t.wait_for(&["Afslut kiosken", "PIN-kode"]);
    t.send(&["1", "2", "3", "4", "Enter"]);
    t.wait_for(&["Vent"]);
    assert!(t.alive());
    // The first wrong PIN waits 5 s, counted from when the check answered; allow a margin.
    std::thread::sleep(Duration::from_secs(7));
    t.send(&["4", "7", "1", "1", "Enter"]);
    let start = Instant::now();
    while t.alive() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(!t.alive(), "the right PIN should end the kiosk");
}

#[test]
fn an_idle_timeout_warns_then_forgets_the_citizen() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // The shortest the config allows: warned 20 s ahead (WCAG 2.2.1), so the warning comes after 5 s.
    // The shortest the config allows: warned 20 s ahead (WCAG 2.2.1), so the warning comes after 5 s.
    let extra = "[kiosk]\nidle_timeout_secs = 25\nidle_warning_secs = 20\n";
    let command = setup_with(dir.path(), extra);
    let t = Tmux::start(
        &format!("indsigt-e2e-idle-{}", std::process::id()),
        100,
        30,
        &command,
    );
    sign_in_da(&t);
    t.send(&["1"]);
    t.wait_for(&["Vælg et område"]);
    let start = Instant::now();
    while !t.capture(false).contains("Er du her stadig?") {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no warning:\n{}",
            t.capture(false)
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(
        start.elapsed() >= Duration::from_secs(3),
        "the warning came too early"
    );
    while !t.capture(false).contains("Vælg sprog") {
        assert!(
            start.elapsed() < Duration::from_secs(40),
            "no timeout:\n{}",
            t.capture(false)
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_forgotten(&t, dir.path());
    assert!(t.alive());
}

#[test]
fn capital_letters_work_as_commands_and_typed_text_keeps_its_case() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let command = setup(dir.path());
    let t = Tmux::start(
        &format!("indsigt-e2e-caps-{}", std::process::id()),
        100,
        30,
        &command,
    );
    sign_in_da(&t);
    // Shift+L (a capital L, as with Caps Lock) switches the language.
    t.send(&["L"]);
    t.wait_for(&["Hello Inger Marie Holm"]);
    // The search text keeps its capitals; the capital letters are text there, not commands.
    t.send(&["3"]);
    t.wait_for(&["Newest first"]);
    t.send(&["/"]);
    t.wait_for(&["Search"]);
    t.send(&["-l", "HjEm LX"]);
    t.wait_for(&["HjEm LX"]);
    t.send(&["Escape"]);
    t.wait_for(&["Newest first"]);
    t.send(&["Escape"]);
    t.wait_for(&["Hello Inger Marie Holm"]);
    // Shift+X asks the sign-out question; Esc skips it and signs out.
    t.send(&["X"]);
    t.wait_for(&["Was this understandable?", "Skip"]);
    t.send(&["Escape"]);
    t.wait_for(&["Vælg sprog", "Eksempel Kommune"]);
    assert_forgotten(&t, dir.path());
}
