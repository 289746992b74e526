//! The portal's test rig: the real OIDC provider (panva's oidc-provider, with the portal's client), the
//! server with `[server.portal]` on a port chosen first (the provider must know the callback address), and
//! "the phone" (`tests/oidc/portal_phone.mjs`) that signs in as a demo citizen. Requests after sign-in go
//! through [`Browser`]: reqwest with the session cookie set by hand and no redirects followed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use crate::common::procs::{Process, free_port, oidc_dir, start_provider};
use crate::support_server::{for_engine, settings_for};
use indsigt::config::Portal;
use indsigt::server::{Running, start};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

pub const CLIENT_ID: &str = "indsigt-portal";

/// The provider and a server with the portal, on the engine under test.
pub struct Rig {
    pub provider: Process,
    pub running: Running,
    pub base: String,
    pub settings: indsigt::config::Server,
    pub pg: Option<indsigt::store::postgres::PgStore>,
}

impl Rig {
    pub async fn start(db: &Path) -> Rig {
        Rig::start_idle(db, 900).await
    }

    /// A rig whose sessions end after `idle_secs` without a request.
    pub async fn start_idle(db: &Path, idle_secs: u64) -> Rig {
        let (op_port, port) = (free_port(), free_port());
        let base = format!("http://127.0.0.1:{port}");
        let provider = start_provider(
            op_port,
            &[
                ("PORTAL_REDIRECT_URIS", &format!("{base}/signin/callback")),
                ("PORTAL_LOGOUT_URIS", &format!("{base}/signed-out")),
            ],
        );
        let mut settings = settings_for(db, &format!("http://127.0.0.1:{op_port}"));
        settings.listen = format!("127.0.0.1:{port}");
        settings.portal = Some(Portal {
            public_url: base.clone(),
            client_id: CLIENT_ID.into(),
            client_secret_file: None,
            scope: "openid".into(),
            dpo_contact: Some("dpo@test.dk".into()),
            idle_timeout_secs: idle_secs,
            session_max_secs: 3600,
        });
        let (settings, pg) = for_engine(&settings).await;
        let running = start(&settings, None).await.unwrap();
        Rig {
            provider,
            running,
            base,
            settings,
            pg,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// "The phone" signs in as `login` from `url` (the kiosk's link). `stop`: it ends at the callback.
pub fn phone(url: &str, login: &str, stop: bool) -> Value {
    let mut cmd = Command::new("node");
    cmd.arg(oidc_dir().join("portal_phone.mjs"))
        .args([url, login]);
    if stop {
        cmd.arg("stop");
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A browser after sign-in: its cookies for the portal, set by hand, and no redirect followed.
pub struct Browser {
    pub http: reqwest::Client,
    pub cookies: BTreeMap<String, String>,
}

/// An answer: status, headers and body.
pub struct Page {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Page {
    pub fn location(&self) -> &str {
        self.headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The value of the first `name="csrf" value="…"` field.
    pub fn csrf(&self) -> String {
        let at = self.body.find("name=\"csrf\" value=\"").unwrap() + 19;
        self.body[at..].split('"').next().unwrap().to_owned()
    }
}

impl Browser {
    pub fn new(cookies: &Value) -> Browser {
        let cookies = cookies
            .as_object()
            .map(|m| {
                m.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        Browser {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            cookies,
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn keep(&mut self, r: reqwest::Response) -> Page {
        for c in r.headers().get_all("set-cookie") {
            let c = c.to_str().unwrap();
            let pair = c.split(';').next().unwrap();
            let (k, v) = pair.split_once('=').unwrap();
            if c.contains("Max-Age=0") || v.is_empty() {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_owned(), v.to_owned());
            }
        }
        Page {
            status: r.status().as_u16(),
            headers: r.headers().clone(),
            body: r.text().await.unwrap(),
        }
    }

    pub async fn get(&mut self, url: &str) -> Page {
        let r = self
            .http
            .get(url)
            .header("cookie", self.cookie_header())
            .send()
            .await
            .unwrap();
        self.keep(r).await
    }

    pub async fn post(&mut self, url: &str, form: &[(&str, &str)]) -> Page {
        let r = self
            .http
            .post(url)
            .header("cookie", self.cookie_header())
            .form(form)
            .send()
            .await
            .unwrap();
        self.keep(r).await
    }
}
