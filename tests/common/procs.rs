//! Real processes for the end-to-end tests: panva's oidc-provider (the MitID broker's stand-in, from npm),
//! `indsigt serve` and `indsigt` commands, each killed when the test ends; the phone's approval; the QR code
//! on a tmux screen.

use super::qr_decode;
use super::tmux::{Tmux, tmux_available};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The audience the provider's access tokens name, and `indsigt serve` expects.
pub const AUDIENCE: &str = "https://indsigt.test";

pub fn oidc_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc")
}

/// True when node, `npm ci` in tests/oidc and tmux are there. In CI their absence fails the test.
pub fn oidc_available() -> bool {
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let modules = oidc_dir().join("node_modules/oidc-provider").exists();
    let ok = node && modules && tmux_available();
    if !ok && std::env::var_os("CI").is_some() {
        panic!(
            "CI must install node, `npm ci` in tests/oidc, and tmux (node: {node}, modules: {modules})"
        );
    }
    ok
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A child process killed when the test ends.
pub struct Process(pub Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the OIDC provider on `port` with extra environment (e.g. `CPR_ACCOUNTS`); its issuer is
/// `http://127.0.0.1:{port}`.
pub fn start_provider(port: u16, env: &[(&str, &str)]) -> Process {
    let mut child = Command::new("node")
        .arg(oidc_dir().join("provider.mjs"))
        .args([&port.to_string(), AUDIENCE])
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert!(
        line.starts_with("ready "),
        "the provider did not start: {line}"
    );
    // Keep reading what it prints (its notices), so it never writes into a closed pipe.
    std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
    Process(child)
}

/// Starts `indsigt serve --config CONFIG` and waits until it listens on `port`.
pub fn start_serve(config: &Path, port: u16) -> Process {
    let child = Command::new(env!("CARGO_BIN_EXE_indsigt"))
        .args(["serve", "--config", config.to_str().unwrap()])
        .env("INDSIGT_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "indsigt serve did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Process(child)
}

/// Waits until the screen shows a QR code that decodes, and returns its URL. A screen caught while it
/// is being drawn is read again.
pub fn qr_on_screen(t: &Tmux) -> String {
    let start = Instant::now();
    loop {
        let screen = t.capture_colours();
        if screen.contains('▀')
            && ["MitID", "member of staff", "medarbejder"]
                .iter()
                .any(|w| screen.contains(w))
            && let Ok(url) = qr_decode::try_decode(&qr_decode::cells_of_ansi(&screen))
        {
            return url;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no QR code:\n{}",
            t.capture(false)
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// "The phone": opens the verification URL, logs in as `login` and approves (or denies). Answers
/// `approved` or `denied`.
pub fn approve(url: &str, login: &str, deny: bool) -> String {
    let mut cmd = Command::new("node");
    cmd.arg(oidc_dir().join("approve.mjs")).args([url, login]);
    if deny {
        cmd.arg("deny");
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// The command line (for tmux) of the kiosk in HTTP mode against `indsigt serve` on `port`, with its key in
/// `dir/kiosk.key`, signing citizens in on the phone at `issuer`. `extra` is appended to its config (e.g. an
/// `[auth.staff]` table).
pub fn http_kiosk_command(dir: &Path, port: u16, issuer: &str, extra: &str) -> String {
    let config = dir.join("kiosk.toml");
    std::fs::write(
        &config,
        format!(
            "[source]\nkind = \"http\"\nurl = \"http://127.0.0.1:{port}\"\noutbox_path = \"{}\"\nkiosk_key_file = \"{}\"\n\n[auth]\nkind = \"device\"\nissuer = \"{issuer}\"\nclient_id = \"indsigt-kiosk\"\naudience = \"{AUDIENCE}\"\n{extra}",
            dir.join("outbox.db").display(),
            dir.join("kiosk.key").display()
        ),
    )
    .unwrap();
    format!(
        "env -u NO_COLOR LANG=C.UTF-8 {} --config {}",
        env!("CARGO_BIN_EXE_indsigt"),
        config.display()
    )
}

/// Posts `body` to `/v1/ingest/{kind}` of the server on `port` as the system with `key`, and checks that
/// every item was taken.
pub fn ingest_all(port: u16, key: &str, kind: &str, body: serde_json::Value) {
    indsigt::server::tls::install_crypto_provider();
    let response = reqwest::blocking::Client::new()
        .post(format!("http://127.0.0.1:{port}/v1/ingest/{kind}"))
        .header("Authorization", format!("ApiKey {key}"))
        .json(&body)
        .send()
        .unwrap();
    let status = response.status().as_u16();
    let answer: serde_json::Value = response.json().unwrap();
    assert_eq!(status, 200, "{kind}: {answer}");
    assert_eq!(
        answer["rejected"],
        serde_json::json!([]),
        "{kind}: {answer}"
    );
    assert!(
        answer["accepted"].as_u64().unwrap() >= 1,
        "{kind}: {answer}"
    );
}
