//! Configuration: serde types and loading.
//!
//! `config/default.toml` is the demo profile and is compiled in as the base. `--config FILE` overrides it,
//! and `INDSIGT_<SECTION>_<KEY>` environment variables override both.

use crate::domain::Lang;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub municipality: Municipality,
    pub kiosk: Kiosk,
    pub source: Source,
    pub auth: Auth,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    /// Shown in big letters on the attract screen.
    pub name: String,
    /// The municipality's self-service portal; "continue online" links go here.
    pub portal_url: String,
    /// How to reach the data protection officer (DPO).
    pub dpo_contact: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kiosk {
    pub id: String,
    pub location: String,
    pub default_language: Lang,
    pub idle_timeout_secs: u64,
    pub idle_warning_secs: u64,
    pub session_max_secs: u64,
    pub locked: bool,
    pub show_employee_names: bool,
    /// The hash of the operator PIN that unlocks a locked kiosk.
    #[serde(default)]
    pub operator_pin_hash: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Local,
    Http,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub kind: SourceKind,
    /// The SQLite file of the embedded store (`kind = "local"`).
    pub path: PathBuf,
    /// The Indsigt server (`kind = "http"`).
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthKind {
    Demo,
    Device,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Auth {
    pub kind: AuthKind,
    #[serde(default)]
    pub issuer: Option<String>,
    #[serde(default)]
    pub client_id: Option<String>,
}
