//! Helpers for the read-aloud tests: whether espeak-ng and sox are here, and what sox finds in a WAV file.

use std::path::Path;
use std::process::Command;

/// Whether espeak-ng and sox can run; in CI (`CI=true`) their absence fails the test instead.
pub fn espeak_available() -> bool {
    let ok = |p: &str| Command::new(p).arg("--version").output().is_ok();
    let here = ok("espeak-ng") && ok("sox");
    if !here && std::env::var("CI").as_deref() == Ok("true") {
        panic!("espeak-ng and sox must be installed in CI");
    }
    here
}

/// `sox FILE -n stat`: (length in seconds, RMS amplitude).
pub fn sox_stat(wav: &Path) -> (f64, f64) {
    let out = Command::new("sox")
        .arg(wav)
        .args(["-n", "stat"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stderr).into_owned();
    let field = |name: &str| -> f64 {
        text.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split(':').nth(1))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("no {name} in {text}"))
    };
    (field("Length (seconds)"), field("RMS     amplitude"))
}
