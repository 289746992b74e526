//! Read-aloud with the real espeak-ng: the overview's script in both languages to WAV files, checked with
//! sox's `stat` for sound; a missing program and a failing one each give their fault, and a stop ends a
//! long reading at once. Skipped when espeak-ng or sox is missing, unless CI=true (then they must be
//! there: `.ci/run` installs them).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ELDERLY;
use common::kiosk::{Kiosk, demo_source};
use common::speech::{espeak_available, sox_stat};
use indsigt::app::speech::{Output, SpeechOptions, say};
use indsigt::domain::Lang;
use indsigt::kiosk::speech::SpeechFault;
use indsigt::ui::screens::script;
use std::path::Path;
use std::time::{Duration, Instant};
use zeroize::Zeroizing;

fn options(program: &str, wav: &Path) -> SpeechOptions {
    SpeechOptions {
        enabled: true,
        program: program.into(),
        private_audio: true,
        output: Output::Wav(wav.to_owned()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_overview_is_spoken_in_both_languages() {
    if !espeak_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut lengths = Vec::new();
    for lang in [Lang::Da, Lang::En] {
        std::fs::create_dir_all(dir.path().join(lang.code())).unwrap();
        let mut k = Kiosk::new(demo_source(&dir.path().join(lang.code()), 100));
        k.sign_in(ELDERLY, lang);
        let text = script(&k.model, true).join(".\n");
        let wav = dir.path().join(format!("overview-{}.wav", lang.code()));
        let (_keep, stop) = tokio::sync::oneshot::channel();
        say(
            &options("espeak-ng", &wav),
            lang,
            170,
            Zeroizing::new(text),
            stop,
        )
        .await
        .unwrap();
        let (length, rms) = sox_stat(&wav);
        assert!(length > 5.0, "{lang:?}: {length} s");
        assert!(rms > 0.005, "{lang:?}: silent (RMS {rms})");
        lengths.push(length);
    }
    // Faster is shorter: the same words at the top speed.
    std::fs::create_dir_all(dir.path().join("fast")).unwrap();
    let mut k = Kiosk::new(demo_source(&dir.path().join("fast"), 100));
    k.sign_in(ELDERLY, Lang::Da);
    let text = script(&k.model, true).join(".\n");
    let wav = dir.path().join("overview-fast.wav");
    let (_keep, stop) = tokio::sync::oneshot::channel();
    say(
        &options("espeak-ng", &wav),
        Lang::Da,
        230,
        Zeroizing::new(text),
        stop,
    )
    .await
    .unwrap();
    let (fast, _) = sox_stat(&wav);
    assert!(fast < lengths[0] * 0.9, "{fast} vs {}", lengths[0]);
}

#[tokio::test]
async fn a_missing_or_failing_program_gives_its_fault() {
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("x.wav");
    let (_keep, stop) = tokio::sync::oneshot::channel();
    let missing = say(
        &options("/nonexistent/espeak-ng", &wav),
        Lang::Da,
        170,
        Zeroizing::new("Hej".into()),
        stop,
    )
    .await;
    assert_eq!(missing, Err(SpeechFault::Unavailable));
    let (_keep, stop) = tokio::sync::oneshot::channel();
    let failing = say(
        &options("false", &wav),
        Lang::Da,
        170,
        Zeroizing::new("Hej".into()),
        stop,
    )
    .await;
    assert_eq!(failing, Err(SpeechFault::Failed));
    let mut off = options("espeak-ng", &wav);
    off.enabled = false;
    let (_keep, stop) = tokio::sync::oneshot::channel();
    let off = say(&off, Lang::Da, 170, Zeroizing::new("Hej".into()), stop).await;
    assert_eq!(off, Err(SpeechFault::Unavailable));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_ends_a_long_reading_at_once() {
    // Played to the sound device it would last minutes; `--stdin` keeps espeak-ng reading. Without a
    // sound device here, `sleep` stands in for a long reading with the same options.
    let dir = tempfile::tempdir().unwrap();
    let script_path = dir.path().join("slow-speaker");
    std::fs::write(&script_path, "#!/bin/sh\ncat > /dev/null\nsleep 60\n").unwrap();
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&script_path)
        .status()
        .unwrap();
    let opts = SpeechOptions {
        output: Output::Device,
        ..options(
            script_path.to_str().unwrap(),
            &dir.path().join("unused.wav"),
        )
    };
    let (tx, stop) = tokio::sync::oneshot::channel();
    let started = Instant::now();
    let reading = tokio::spawn(async move {
        say(
            &opts,
            Lang::En,
            170,
            Zeroizing::new("A long text.".into()),
            stop,
        )
        .await
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    tx.send(()).unwrap();
    let result = tokio::time::timeout(Duration::from_secs(10), reading)
        .await
        .expect("stopped")
        .unwrap();
    assert_eq!(result, Ok(()));
    assert!(started.elapsed() < Duration::from_secs(10));
}
