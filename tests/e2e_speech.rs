//! Read-aloud in the real binary, in tmux: `A` on the overview speaks (to a WAV file, as there is no sound
//! device here) and sox finds sound in it; the footer shows the key; with the speech program missing,
//! the key says read-aloud is not available and the kiosk goes on.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::speech::{espeak_available, sox_stat};
use common::tmux::{Tmux, demo_kiosk, sign_in_da, tmux_available};
use std::path::Path;
use std::time::{Duration, Instant};

/// Waits until espeak-ng has finished `wav` (its size stops growing) and returns its length in seconds.
fn spoken_seconds(wav: &Path) -> f64 {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut last = 0;
    loop {
        let size = std::fs::metadata(wav).map(|m| m.len()).unwrap_or(0);
        if size > 1000 && size == last {
            break;
        }
        assert!(Instant::now() < deadline, "no speech in {}", wav.display());
        last = size;
        std::thread::sleep(Duration::from_millis(500));
    }
    sox_stat(wav).0
}

#[test]
fn the_read_aloud_key_speaks_the_screen_and_the_kiosk_goes_on() {
    if !tmux_available() || !espeak_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("said.wav");
    let command = format!(
        "env INDSIGT_SPEECH_WAV={} {}",
        wav.display(),
        demo_kiosk(dir.path(), "")
    );
    let t = Tmux::start(
        &format!("indsigt-e2e-speech-{}", std::process::id()),
        120,
        40,
        &command,
    );
    t.wait_for(&["Læs op"]);
    sign_in_da(&t);
    t.send(&["a"]);
    let seconds = spoken_seconds(&wav);
    // Without a headset: the title, the request for a headset, and the keys.
    assert!(seconds > 3.0, "{seconds} s");
    // Any key after the end works as usual.
    t.send(&["2"]);
    t.wait_for(&["Formål"]);
    assert!(t.alive());
}

#[test]
fn without_the_speech_program_the_key_says_so_and_nothing_else_changes() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let command = demo_kiosk(
        dir.path(),
        "[kiosk]\nspeech_program = \"/nonexistent/espeak-ng\"\n",
    );
    let t = Tmux::start(
        &format!("indsigt-e2e-nospeech-{}", std::process::id()),
        120,
        40,
        &command,
    );
    sign_in_da(&t);
    t.send(&["a"]);
    t.wait_for(&[
        "Oplæsning findes ikke på denne kiosk.",
        "Du kan bruge skærmen som før.",
    ]);
    t.send(&["Enter"]);
    t.wait_for(&["Hej Inger Marie Holm"]);
    t.send(&["2"]);
    t.wait_for(&["Formål"]);
    assert!(t.alive());
}
