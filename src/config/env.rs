//! `INDSIGT_<SECTION>_<KEY>` environment variables, parsed by the key's type.
//!
//! Variables whose section is not a config section (`INDSIGT_CONFIG`, `INDSIGT_LOG`, ...) are left alone.
//! An empty value unsets an optional key.

use super::errors::{ConfigError, Origin};
use super::layers::Layers;
use super::schema::{self, KeyType, ValueType};

pub const PREFIX: &str = "INDSIGT_";

/// The `INDSIGT_` variables of this process, sorted by name. Values that are not UTF-8 are converted lossily.
pub fn process_vars() -> Vec<(String, String)> {
    let mut vars: Vec<(String, String)> = std::env::vars_os()
        .filter_map(|(k, v)| {
            let k = k.into_string().ok()?;
            k.starts_with(PREFIX)
                .then(|| (k, v.to_string_lossy().into_owned()))
        })
        .collect();
    vars.sort();
    vars
}

/// The variable that sets `section.key`.
pub fn var_name(section: &str, key: &str) -> String {
    format!(
        "{PREFIX}{}_{}",
        section.to_ascii_uppercase(),
        key.to_ascii_uppercase()
    )
}

/// Applies the variables over `layers`, adding a problem for each bad one.
pub fn apply(layers: &mut Layers, vars: &[(String, String)], errors: &mut Vec<ConfigError>) {
    for (name, raw) in vars {
        let Some(rest) = name.strip_prefix(PREFIX) else {
            continue;
        };
        let rest = rest.to_ascii_lowercase();
        let Some((section_name, key_name)) = rest.split_once('_') else {
            continue;
        };
        let Some(section) = schema::section(section_name) else {
            continue;
        };
        let origin = Origin::Env(name.clone());
        let path = format!("{section_name}.{key_name}");
        let Some(spec) = section.key(key_name) else {
            errors.push(ConfigError::UnknownKey {
                origin,
                suggestion: schema::suggest(key_name, &section.key_names())
                    .map(|k| var_name(section_name, &k)),
                allowed: section
                    .keys
                    .iter()
                    .map(|k| var_name(section_name, k.name))
                    .collect(),
                key: path,
            });
            continue;
        };
        if raw.is_empty() && spec.optional {
            layers.unset(section_name, key_name, origin);
            continue;
        }
        match parse(spec.ty, raw) {
            Some(value) => layers.set(section_name, key_name, value, origin),
            None => errors.push(ConfigError::WrongType {
                origin,
                key: path,
                expected: spec.ty.value_type(),
                found: ValueType::String,
                value: format!("{raw:?}"),
            }),
        }
    }
}

fn parse(ty: KeyType, raw: &str) -> Option<toml::Value> {
    match ty.value_type() {
        ValueType::Integer => raw.trim().parse::<i64>().ok().map(toml::Value::Integer),
        ValueType::Boolean => match raw.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => Some(toml::Value::Boolean(true)),
            "false" | "0" => Some(toml::Value::Boolean(false)),
            _ => None,
        },
        // An array is written as a TOML inline array: `[{ system = "x", key_sha256 = "..." }]`.
        ValueType::Array => format!("v = {raw}")
            .parse::<toml::Table>()
            .ok()?
            .remove("v")
            .filter(toml::Value::is_array),
        _ => Some(toml::Value::String(raw.to_owned())),
    }
}
