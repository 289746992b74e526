//! Loading: the compiled-in defaults, then `--config FILE` key by key, then `INDSIGT_…` variables; then
//! the checks; then the typed [`Config`].

use super::env;
use super::errors::{ConfigError, ConfigErrors, Origin};
use super::layers::Layers;
use super::{Config, check};
use std::path::{Path, PathBuf};

/// The demo profile, compiled in as the base of every configuration.
pub const DEFAULT_TOML: &str = include_str!("../../config/default.toml");

/// The name the compiled-in defaults are reported under.
pub const DEFAULT_FILE_NAME: &str = "config/default.toml";

impl Config {
    /// Loads the configuration: the defaults, then `path` if given, then this process's `INDSIGT_…`
    /// environment variables. Returns every problem found, not just the first.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigErrors> {
        Config::load_with_env(path, &env::process_vars())
    }

    /// Like [`Config::load`], with the environment given as `(name, value)` pairs (for tests).
    /// Pairs not starting with `INDSIGT_` are ignored.
    pub fn load_with_env(
        path: Option<&Path>,
        vars: &[(String, String)],
    ) -> Result<Config, ConfigErrors> {
        let mut errors = Vec::new();
        let mut layers = Layers::default();
        match parse(DEFAULT_TOML, Path::new(DEFAULT_FILE_NAME)) {
            Ok(table) => layers.apply_table(table, &Origin::Default, &mut errors),
            Err(e) => return Err(ConfigErrors(vec![e])),
        }
        if let Some(path) = path {
            let text = std::fs::read_to_string(path).map_err(|e| {
                ConfigErrors(vec![ConfigError::Unreadable {
                    file: path.to_owned(),
                    reason: e.to_string(),
                }])
            })?;
            let table = parse(&text, path).map_err(|e| ConfigErrors(vec![e]))?;
            layers.apply_table(table, &Origin::File(path.to_owned()), &mut errors);
        }
        env::apply(&mut layers, vars, &mut errors);
        check::check(&layers, &mut errors);
        if !errors.is_empty() {
            return Err(ConfigErrors(errors));
        }
        toml::Value::Table(layers.into_table())
            .try_into()
            .map_err(|e: toml::de::Error| {
                ConfigErrors(vec![ConfigError::Invalid {
                    message: e.message().to_owned(),
                }])
            })
    }

    /// The compiled-in demo profile, without a file or the environment.
    pub fn demo() -> Result<Config, ConfigErrors> {
        Config::load_with_env(None, &[])
    }
}

/// Parses TOML, turning a syntax error into a problem with its line and column (1-based).
fn parse(text: &str, file: &Path) -> Result<toml::Table, ConfigError> {
    text.parse::<toml::Table>().map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        let (line, column) = line_column(text, offset);
        ConfigError::Syntax {
            file: PathBuf::from(file),
            line,
            column,
            message: e.message().trim().to_owned(),
        }
    })
}

/// The 1-based line and column of a byte offset in a TOML text (for config and catalogue messages).
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based() {
        assert_eq!(line_column("a\nbc = ", 0), (1, 1));
        assert_eq!(line_column("a\nbc = ", 4), (2, 3));
    }
}
