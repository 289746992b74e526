//! The real binary in tmux: start it, send keys, read the screen (and its colours), wait for text.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(socket: &str, width: u16, height: u16, command: &str) -> Tmux {
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

    pub fn send(&self, keys: &[&str]) {
        let ok = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "k"])
            .args(keys)
            .status()
            .unwrap()
            .success();
        assert!(ok);
    }

    /// The screen with its colours (SGR sequences), as `capture-pane -e` gives it.
    pub fn capture_colours(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-e", "-p", "-t", "k"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn capture(&self, history: bool) -> String {
        let mut cmd = Command::new("tmux");
        cmd.args(["-L", &self.socket, "capture-pane", "-p", "-t", "k"]);
        if history {
            cmd.args(["-S", "-"]);
        }
        String::from_utf8_lossy(&cmd.output().unwrap().stdout).into_owned()
    }

    /// Waits until the screen shows every one of `texts`.
    pub fn wait_for(&self, texts: &[&str]) -> String {
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

    pub fn alive(&self) -> bool {
        Command::new("tmux")
            .args(["-L", &self.socket, "has-session", "-t", "k"])
            .stderr(std::process::Stdio::null())
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

pub fn tmux_available() -> bool {
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

/// A demo database and a config that points at it, with `extra` config lines; logs at trace level go to
/// `dir/kiosk.log`.
pub fn demo_kiosk(dir: &Path, extra: &str) -> String {
    let db = dir.join("e2e.db");
    let out = super::indsigt(
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
    assert!(out.status.success(), "{}", super::text(&out.stderr));
    let config = dir.join("e2e.toml");
    std::fs::write(
        &config,
        format!("{extra}\n[source]\npath = \"{}\"\n", db.display()),
    )
    .unwrap();
    format!(
        "env -u NO_COLOR LANG=C.UTF-8 INDSIGT_LOG=trace INDSIGT_LOG_FILE={} {} --config {}",
        dir.join("kiosk.log").display(),
        env!("CARGO_BIN_EXE_indsigt"),
        config.display()
    )
}

/// Signs in the first demo citizen in Danish with no helper and waits for the overview.
pub fn sign_in_da(t: &Tmux) {
    t.wait_for(&["Vælg sprog"]);
    t.send(&["1"]);
    t.wait_for(&["Vælg en demoborger", "Inger Marie Holm"]);
    t.send(&["1"]);
    t.wait_for(&["Hjælper nogen dig i dag?"]);
    t.send(&["1"]);
    t.wait_for(&["Hej Inger Marie Holm"]);
}
