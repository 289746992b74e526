//! The kiosk core's settings, built from the configuration. The core never reads the config itself.

use super::{AuthKind, Config};
use crate::kiosk::Settings;

impl Config {
    /// What the kiosk core needs from this configuration.
    pub fn kiosk_settings(&self) -> Settings {
        Settings {
            municipality: self.municipality.name.clone(),
            portal_url: self.portal_url(),
            dpo_contact: self.municipality.dpo_contact.clone(),
            kiosk_id: self.kiosk.id.clone(),
            location: self.kiosk.location.clone(),
            default_lang: self.kiosk.default_language,
            show_employee_names: self.kiosk.show_employee_names,
            idle_timeout_secs: self.kiosk.idle_timeout_secs,
            idle_warning_secs: self.kiosk.idle_warning_secs,
            session_max_secs: self.kiosk.session_max_secs,
            locked: self.kiosk.locked,
            device_sign_in: self.auth.kind == AuthKind::Device,
            staff_sign_in: self.auth.kind == AuthKind::Device && self.auth.staff.is_some(),
            read_aloud: self.kiosk.read_aloud,
        }
    }
}

/// The demo municipality's web address: the "continue online" link of a kiosk with its own local store
/// and no `portal_url`.
pub const DEMO_PORTAL_URL: &str = "https://indsigt.eksempel-kommune.dk";

impl Config {
    /// Where "continue online" leads: `portal_url`, else the server the kiosk uses (which serves the
    /// citizen's pages), else, for a kiosk with its own store, the demo municipality's address.
    pub fn portal_url(&self) -> String {
        if let Some(url) = &self.municipality.portal_url {
            return url.clone();
        }
        match (&self.source.kind, &self.source.url) {
            (super::SourceKind::Http, Some(url)) => url.clone(),
            _ => DEMO_PORTAL_URL.to_owned(),
        }
    }
}

/// The settings of the built-in demo profile (`config/default.toml`), with no environment applied.
pub fn demo_settings() -> Option<Settings> {
    Config::demo().ok().map(|c| c.kiosk_settings())
}
