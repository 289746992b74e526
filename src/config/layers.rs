//! The configuration as it is merged: defaults, then a file, then the environment, key by key,
//! remembering where each value came from.

use super::errors::{ConfigError, Origin};
use super::schema::{self, ValueType};
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct Layers {
    table: toml::Table,
    origins: BTreeMap<String, Origin>,
}

impl Layers {
    /// The value of `section.key`, if set.
    pub fn get(&self, section: &str, key: &str) -> Option<&toml::Value> {
        self.table.get(section)?.as_table()?.get(key)
    }

    /// Where `section.key` came from (the defaults if it was never set).
    pub fn origin(&self, section: &str, key: &str) -> Origin {
        self.origins
            .get(&format!("{section}.{key}"))
            .cloned()
            .unwrap_or(Origin::Default)
    }

    pub fn set(&mut self, section: &str, key: &str, value: toml::Value, origin: Origin) {
        if let toml::Value::Table(t) = self
            .table
            .entry(section.to_owned())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()))
        {
            t.insert(key.to_owned(), value);
        }
        self.origins.insert(format!("{section}.{key}"), origin);
    }

    pub fn unset(&mut self, section: &str, key: &str, origin: Origin) {
        if let Some(toml::Value::Table(t)) = self.table.get_mut(section) {
            t.remove(key);
        }
        self.origins.insert(format!("{section}.{key}"), origin);
    }

    /// Merges a parsed file over what is there, key by key. Unknown sections and keys and values of the
    /// wrong type are reported and not merged.
    pub fn apply_table(
        &mut self,
        table: toml::Table,
        origin: &Origin,
        errors: &mut Vec<ConfigError>,
    ) {
        for (section_name, section_value) in table {
            let Some(section) = schema::section(&section_name) else {
                errors.push(ConfigError::UnknownSection {
                    origin: origin.clone(),
                    suggestion: schema::suggest(&section_name, &schema::section_names()),
                    allowed: schema::section_names()
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                    section: section_name,
                });
                continue;
            };
            let toml::Value::Table(keys) = section_value else {
                errors.push(ConfigError::WrongType {
                    origin: origin.clone(),
                    key: section_name,
                    expected: ValueType::Table,
                    found: ValueType::of(&section_value),
                    value: section_value.to_string(),
                });
                continue;
            };
            for (key_name, value) in keys {
                let path = format!("{section_name}.{key_name}");
                let Some(spec) = section.key(&key_name) else {
                    errors.push(ConfigError::UnknownKey {
                        origin: origin.clone(),
                        suggestion: suggest_key(section.name, &key_name),
                        allowed: section.key_names().iter().map(|k| k.to_string()).collect(),
                        key: path,
                    });
                    continue;
                };
                let Some(value) = checked_type(spec, value, &path, origin, errors) else {
                    continue;
                };
                self.set(&section_name, &key_name, value, origin.clone());
            }
        }
    }

    pub fn into_table(self) -> toml::Table {
        self.table
    }
}

/// `value` when its type is the key's. A table key keeps only its known keys of the right type; the
/// others are reported.
fn checked_type(
    spec: &schema::KeySpec,
    value: toml::Value,
    path: &str,
    origin: &Origin,
    errors: &mut Vec<ConfigError>,
) -> Option<toml::Value> {
    let found = ValueType::of(&value);
    if found != spec.ty.value_type() {
        errors.push(ConfigError::WrongType {
            origin: origin.clone(),
            key: path.to_owned(),
            expected: spec.ty.value_type(),
            found,
            value: value.to_string(),
        });
        return None;
    }
    let (schema::KeyType::Table(keys), toml::Value::Table(table)) = (spec.ty, value.clone()) else {
        return Some(value);
    };
    let names: Vec<&str> = keys.iter().map(|k| k.name).collect();
    let mut kept = toml::Table::new();
    for (name, inner) in table {
        let inner_path = format!("{path}.{name}");
        let Some(inner_spec) = keys.iter().find(|k| k.name == name) else {
            errors.push(ConfigError::UnknownKey {
                origin: origin.clone(),
                suggestion: schema::suggest(&name, &names).map(|k| format!("{path}.{k}")),
                allowed: names.iter().map(|k| k.to_string()).collect(),
                key: inner_path,
            });
            continue;
        };
        if let Some(inner) = checked_type(inner_spec, inner, &inner_path, origin, errors) {
            kept.insert(name, inner);
        }
    }
    Some(toml::Value::Table(kept))
}

/// A close key in the same section, or else the same key in another section (`[kiosk] portal_url`).
fn suggest_key(section: &str, key: &str) -> Option<String> {
    let in_section = schema::section(section)
        .and_then(|s| schema::suggest(key, &s.key_names()))
        .map(|k| format!("{section}.{k}"));
    in_section.or_else(|| {
        schema::SCHEMA
            .iter()
            .find(|s| s.key(key).is_some())
            .map(|s| format!("{}.{key}", s.name))
    })
}
