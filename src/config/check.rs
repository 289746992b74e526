//! The rules on values: ranges, allowed values, URLs, and the rules between keys.

use super::errors::{ConfigError, Origin};
use super::layers::Layers;
use super::schema::{KeyType, SCHEMA};
use super::url::{check_url, is_phc_string};
use std::collections::BTreeSet;
use std::path::Path;

/// Checks every value against its key's rules, then the rules between keys.
pub fn check(layers: &Layers, errors: &mut Vec<ConfigError>) {
    let mut bad = BTreeSet::new();
    for section in SCHEMA {
        for spec in section.keys {
            let Some(value) = layers.get(section.name, spec.name) else {
                continue;
            };
            let origin = layers.origin(section.name, spec.name);
            let key = format!("{}.{}", section.name, spec.name);
            let problems = match (spec.ty, value) {
                (KeyType::Table(keys), toml::Value::Table(table)) => {
                    check_table(keys, table, &origin, &key)
                }
                _ => check_value(spec.ty, value, origin, &key)
                    .into_iter()
                    .collect(),
            };
            if !problems.is_empty() {
                errors.extend(problems);
                bad.insert(key);
            }
        }
    }
    let rules = Rules { layers, bad: &bad };
    rules.check(errors);
}

/// Every problem of a table key's own keys, and each required one that is missing.
fn check_table(
    keys: &[super::schema::KeySpec],
    table: &toml::Table,
    origin: &Origin,
    key: &str,
) -> Vec<ConfigError> {
    keys.iter()
        .filter_map(|spec| {
            let inner = format!("{key}.{}", spec.name);
            match table.get(spec.name) {
                Some(v) => check_value(spec.ty, v, origin.clone(), &inner),
                None if !spec.optional => Some(ConfigError::RequiredIn {
                    origin: origin.clone(),
                    key: inner,
                    table: key.to_owned(),
                }),
                None => None,
            }
        })
        .collect()
}

fn check_value(ty: KeyType, value: &toml::Value, origin: Origin, key: &str) -> Option<ConfigError> {
    let key = key.to_owned();
    match (ty, value) {
        (
            KeyType::Text { non_empty: true } | KeyType::Path | KeyType::Url | KeyType::PinHash,
            toml::Value::String(s),
        ) if s.trim().is_empty() => Some(ConfigError::Empty { origin, key }),
        (KeyType::Url, toml::Value::String(s)) => {
            check_url(s).err().map(|problem| ConfigError::BadUrl {
                origin,
                key,
                value: s.clone(),
                problem,
            })
        }
        (KeyType::Sha256, toml::Value::String(s)) if !is_sha256_hex(s) => {
            Some(ConfigError::BadKeyHash { origin, key })
        }
        (KeyType::PinHash, toml::Value::String(s)) if !is_phc_string(s) => {
            Some(ConfigError::BadPinHash { origin, key })
        }
        (KeyType::IngestKeys, toml::Value::Array(items)) => items
            .iter()
            .position(|item| !is_ingest_key(item))
            .map(|index| ConfigError::BadIngestKey { origin, key, index }),
        (KeyType::Kiosks, toml::Value::Array(items)) => {
            kiosk_problem(items).map(|index| ConfigError::BadKioskKey { origin, key, index })
        }
        (KeyType::Integer { min, max }, toml::Value::Integer(n)) if *n < min || *n > max => {
            Some(ConfigError::OutOfRange {
                origin,
                key,
                value: *n,
                min,
                max,
            })
        }
        (KeyType::OneOf(allowed), toml::Value::String(s)) if !allowed.contains(&s.as_str()) => {
            Some(ConfigError::NotAllowed {
                origin,
                key,
                value: value.to_string(),
                allowed: allowed.iter().map(|a| format!("\"{a}\"")).collect(),
            })
        }
        _ => None,
    }
}

fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `{ system = "<name>", key_sha256 = "<64 hex digits>" }`, optionally with `webhook_url` (an https URL,
/// http only to loopback) and `webhook_secret_file` (a path), both or neither, and nothing else.
fn is_ingest_key(item: &toml::Value) -> bool {
    let Some(table) = item.as_table() else {
        return false;
    };
    let system_ok = table
        .get("system")
        .and_then(toml::Value::as_str)
        .is_some_and(|s| !s.trim().is_empty());
    let hash_ok = table
        .get("key_sha256")
        .and_then(toml::Value::as_str)
        .is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()));
    let url = table
        .get("webhook_url")
        .map(|v| v.as_str().is_some_and(|u| check_url(u).is_ok()));
    let secret = table
        .get("webhook_secret_file")
        .map(|v| v.as_str().is_some_and(|p| !p.trim().is_empty()));
    let webhook_ok = match (url, secret) {
        (None, None) => true,
        (Some(url), Some(secret)) => url && secret,
        _ => false,
    };
    let known = table.keys().all(|k| {
        matches!(
            k.as_str(),
            "system" | "key_sha256" | "webhook_url" | "webhook_secret_file"
        )
    });
    system_ok && hash_ok && webhook_ok && known
}

/// The first item of `[[server.kiosks]]` that is not `{ id, location, key_sha256 }` with a non-empty
/// id and location and 64 hex digits, or whose id or key hash an earlier item already has.
fn kiosk_problem(items: &[toml::Value]) -> Option<usize> {
    let mut seen = BTreeSet::new();
    items.iter().position(|item| {
        let Some(table) = item.as_table() else {
            return true;
        };
        let text = |name: &str| {
            table
                .get(name)
                .and_then(toml::Value::as_str)
                .filter(|s| !s.trim().is_empty())
        };
        let (Some(id), Some(_), Some(hash)) = (text("id"), text("location"), text("key_sha256"))
        else {
            return true;
        };
        let hash_ok = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
        let fresh = seen.insert(format!("id:{id}"))
            && seen.insert(format!("key:{}", hash.to_ascii_lowercase()));
        let staff_ok = table
            .get("staff_sign_in")
            .is_none_or(|v| v.as_bool().is_some());
        let known = table
            .keys()
            .all(|k| ["id", "location", "key_sha256", "staff_sign_in"].contains(&k.as_str()));
        !(hash_ok && fresh && staff_ok && known)
    })
}

struct Rules<'a> {
    layers: &'a Layers,
    bad: &'a BTreeSet<String>,
}

impl Rules<'_> {
    /// A good value of `section.key` (`None` if unset or already reported).
    fn get(&self, section: &str, key: &str) -> Option<&toml::Value> {
        if self.bad.contains(&format!("{section}.{key}")) {
            return None;
        }
        self.layers.get(section, key)
    }

    fn int(&self, section: &str, key: &str) -> Option<i64> {
        self.get(section, key)?.as_integer()
    }

    fn str(&self, section: &str, key: &str) -> Option<&str> {
        self.get(section, key)?.as_str()
    }

    fn is_set(&self, section: &str, key: &str) -> bool {
        self.layers.get(section, key).is_some()
    }

    /// The origin to name for a rule between keys: the first of them not from the defaults.
    fn origin(&self, keys: &[(&str, &str)]) -> Origin {
        keys.iter()
            .map(|(s, k)| self.layers.origin(s, k))
            .find(|o| *o != Origin::Default)
            .unwrap_or(Origin::Default)
    }

    fn less_than(
        &self,
        errors: &mut Vec<ConfigError>,
        (section, key): (&str, &str),
        (other_s, other_k): (&str, &str),
    ) {
        if let (Some(value), Some(other_value)) =
            (self.int(section, key), self.int(other_s, other_k))
            && value >= other_value
        {
            errors.push(ConfigError::MustBeLess {
                origin: self.origin(&[(section, key), (other_s, other_k)]),
                key: format!("{section}.{key}"),
                value,
                other_key: format!("{other_s}.{other_k}"),
                other_value,
            });
        }
    }

    fn required_when(
        &self,
        errors: &mut Vec<ConfigError>,
        (section, key): (&str, &str),
        when: (&str, &str),
        shown: &str,
    ) {
        if !self.is_set(section, key) {
            errors.push(ConfigError::RequiredWhen {
                origin: self.origin(&[when, (section, key)]),
                key: format!("{section}.{key}"),
                when_key: format!("{}.{}", when.0, when.1),
                when_value: shown.to_owned(),
            });
        }
    }

    fn check(&self, errors: &mut Vec<ConfigError>) {
        self.less_than(
            errors,
            ("kiosk", "idle_warning_secs"),
            ("kiosk", "idle_timeout_secs"),
        );
        self.less_than(
            errors,
            ("kiosk", "idle_timeout_secs"),
            ("kiosk", "session_max_secs"),
        );

        let locked = self.get("kiosk", "locked").and_then(toml::Value::as_bool);
        if locked == Some(true) {
            self.required_when(
                errors,
                ("kiosk", "operator_pin_hash"),
                ("kiosk", "locked"),
                "true",
            );
        }

        let source = self.str("source", "kind");
        if source == Some("http") {
            self.required_when(errors, ("source", "url"), ("source", "kind"), "\"http\"");
            self.required_when(
                errors,
                ("source", "kiosk_key_file"),
                ("source", "kind"),
                "\"http\"",
            );
        }
        let auth = self.str("auth", "kind");
        if auth == Some("device") {
            self.required_when(errors, ("auth", "issuer"), ("auth", "kind"), "\"device\"");
            self.required_when(
                errors,
                ("auth", "client_id"),
                ("auth", "kind"),
                "\"device\"",
            );
        }
        for (key, other) in [("tls_cert", "tls_key"), ("tls_key", "tls_cert")] {
            if let Some(value) = self.str("server", key) {
                self.required_when(
                    errors,
                    ("server", other),
                    ("server", key),
                    &format!("\"{value}\""),
                );
            }
        }
        if let Some(claim) = self.str("server", "cpr_claim") {
            self.required_when(
                errors,
                ("server", "pepper_file"),
                ("server", "cpr_claim"),
                &format!("\"{claim}\""),
            );
        }
        // Acting for others and staff sign-in find citizens by the keyed hash of a CPR number.
        for table in ["representation", "staff"] {
            if self.get("server", table).is_some() && !self.is_set("server", "pepper_file") {
                errors.push(ConfigError::RequiredIn {
                    origin: self.origin(&[("server", table)]),
                    key: "server.pepper_file".into(),
                    table: format!("server.{table}"),
                });
            }
        }
        if let Some(path) = self.str("server", "pepper_file") {
            // Read to check it, and dropped (zeroized) at once.
            if let Err(problem) = crate::auth::citizen_key::Pepper::from_file(Path::new(path)) {
                errors.push(ConfigError::BadPepper {
                    origin: self.origin(&[("server", "pepper_file")]),
                    key: "server.pepper_file".into(),
                    problem,
                });
            }
        }
        if auth == Some("demo") && source == Some("http") {
            errors.push(ConfigError::DemoAuthWithHttpSource {
                origin: self.origin(&[("auth", "kind"), ("source", "kind")]),
            });
        }
    }
}
