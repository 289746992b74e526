//! Config problems and the check-config summary as localized sentences. Keys, file names and values
//! appear verbatim inside them.

use super::errors::{ConfigError, ConfigErrors, Origin, UrlProblem};
use super::{AuthKind, Config, SourceKind};
use crate::domain::Lang;
use crate::i18n::{t, tr};
use fluent_bundle::FluentValue;

/// Where a value came from, in words.
pub fn origin(lang: Lang, origin: &Origin) -> String {
    match origin {
        Origin::Default => t(lang, "config-origin-default"),
        Origin::File(path) => path.display().to_string(),
        Origin::Env(var) => tr(lang, "config-origin-env", &[("var", var.clone().into())]),
    }
}

fn code(s: &str) -> String {
    format!("`{s}`")
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

impl ConfigError {
    /// The problem as one sentence (or two) in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        let s = |v: &str| FluentValue::from(v.to_owned());
        match self {
            ConfigError::Unreadable { file, reason } => tr(
                lang,
                "config-error-unreadable",
                &[
                    ("file", s(&file.display().to_string())),
                    ("reason", s(reason)),
                ],
            ),
            ConfigError::Syntax {
                file,
                line,
                column,
                message,
            } => tr(
                lang,
                "config-error-syntax",
                &[
                    ("file", s(&file.display().to_string())),
                    ("line", (*line).into()),
                    ("column", (*column).into()),
                    ("message", s(message)),
                ],
            ),
            ConfigError::UnknownSection {
                origin: o,
                section,
                suggestion,
                allowed,
            } => {
                let line = tr(
                    lang,
                    "config-error-unknown-section",
                    &[("origin", s(&origin(lang, o))), ("section", s(section))],
                );
                let allowed = tr(
                    lang,
                    "config-allowed-sections",
                    &[("allowed", s(&list(allowed)))],
                );
                with_suggestion(lang, line, suggestion, allowed)
            }
            ConfigError::UnknownKey {
                origin: o,
                key,
                suggestion,
                allowed,
            } => {
                let allowed: Vec<String> = allowed.iter().map(|k| code(k)).collect();
                let line = tr(
                    lang,
                    "config-error-unknown-key",
                    &[("origin", s(&origin(lang, o))), ("key", s(key))],
                );
                let allowed = tr(
                    lang,
                    "config-allowed-keys",
                    &[("allowed", s(&list(&allowed)))],
                );
                with_suggestion(lang, line, suggestion, allowed)
            }
            ConfigError::WrongType {
                origin: o,
                key,
                expected,
                found,
                value,
            } => tr(
                lang,
                "config-error-wrong-type",
                &[
                    ("origin", s(&origin(lang, o))),
                    ("key", s(key)),
                    ("expected", s(&t(lang, expected.message_id()))),
                    ("found", s(&t(lang, found.message_id()))),
                    ("value", s(value)),
                ],
            ),
            ConfigError::NotAllowed {
                origin: o,
                key,
                value,
                allowed,
            } => tr(
                lang,
                "config-error-not-allowed",
                &[
                    ("origin", s(&origin(lang, o))),
                    ("key", s(key)),
                    ("value", s(value)),
                    ("allowed", s(&list(allowed))),
                ],
            ),
            ConfigError::OutOfRange {
                origin: o,
                key,
                value,
                min,
                max,
            } => tr(
                lang,
                "config-error-out-of-range",
                &[
                    ("origin", s(&origin(lang, o))),
                    ("key", s(key)),
                    ("value", s(&value.to_string())),
                    ("min", s(&min.to_string())),
                    ("max", s(&max.to_string())),
                ],
            ),
            ConfigError::Empty { origin: o, key } => tr(
                lang,
                "config-error-empty",
                &[("origin", s(&origin(lang, o))), ("key", s(key))],
            ),
            ConfigError::BadUrl {
                origin: o,
                key,
                value,
                problem,
            } => {
                let id = match problem {
                    UrlProblem::NotHttps => "config-error-url-not-https",
                    UrlProblem::Malformed => "config-error-url-malformed",
                };
                tr(
                    lang,
                    id,
                    &[
                        ("origin", s(&origin(lang, o))),
                        ("key", s(key)),
                        ("value", s(value)),
                    ],
                )
            }
            ConfigError::BadPinHash { origin: o, key } => tr(
                lang,
                "config-error-pin-hash",
                &[("origin", s(&origin(lang, o))), ("key", s(key))],
            ),
            ConfigError::BadKeyHash { origin: o, key } => tr(
                lang,
                "requests-config-key-hash",
                &[("origin", s(&origin(lang, o))), ("key", s(key))],
            ),
            ConfigError::MustBeLess {
                origin: o,
                key,
                value,
                other_key,
                other_value,
            } => tr(
                lang,
                "config-error-must-be-less",
                &[
                    ("origin", s(&origin(lang, o))),
                    ("key", s(key)),
                    ("value", s(&value.to_string())),
                    ("other_key", s(other_key)),
                    ("other_value", s(&other_value.to_string())),
                ],
            ),
            ConfigError::BadPepper {
                origin: o,
                key,
                problem,
            } => {
                let why = problem.localized(lang);
                tr(
                    lang,
                    "config-error-bad-pepper",
                    &[
                        ("origin", s(&origin(lang, o))),
                        ("key", s(key)),
                        ("problem", s(&why)),
                    ],
                )
            }
            ConfigError::RequiredIn {
                origin: o,
                key,
                table,
            } => tr(
                lang,
                "config-error-required-in",
                &[
                    ("origin", s(&origin(lang, o))),
                    ("key", s(key)),
                    ("table", s(table)),
                ],
            ),
            ConfigError::RequiredWhen {
                origin: o,
                key,
                when_key,
                when_value,
            } => tr(
                lang,
                "config-error-required-when",
                &[
                    ("origin", s(&origin(lang, o))),
                    ("key", s(key)),
                    ("when_key", s(when_key)),
                    ("when_value", s(when_value)),
                ],
            ),
            ConfigError::BadIngestKey {
                origin: o,
                key,
                index,
            } => tr(
                lang,
                "config-error-bad-ingest-key",
                &[
                    ("origin", s(&origin(lang, o))),
                    ("key", s(key)),
                    ("index", (*index).into()),
                ],
            ),
            ConfigError::BadKioskKey {
                origin: o,
                key,
                index,
            } => tr(
                lang,
                "config-error-bad-kiosk-key",
                &[
                    ("origin", s(&origin(lang, o))),
                    ("key", s(key)),
                    ("index", (*index).into()),
                ],
            ),
            ConfigError::DemoAuthWithHttpSource { origin: o } => tr(
                lang,
                "config-error-demo-auth-http",
                &[("origin", s(&origin(lang, o)))],
            ),
            ConfigError::Invalid { message } => {
                tr(lang, "config-error-invalid", &[("message", s(message))])
            }
        }
    }
}

/// The problem, then "did you mean" if there is a close match, then what is allowed.
fn with_suggestion(
    lang: Lang,
    line: String,
    suggestion: &Option<String>,
    allowed: String,
) -> String {
    match suggestion {
        Some(sug) => format!(
            "{line} {} {allowed}",
            tr(
                lang,
                "config-did-you-mean",
                &[("suggestion", sug.clone().into())]
            )
        ),
        None => format!("{line} {allowed}"),
    }
}

impl ConfigErrors {
    /// Each problem as a line in `lang`, then a line with the count.
    pub fn localized(&self, lang: Lang) -> Vec<String> {
        let mut lines: Vec<String> = self.iter().map(|e| e.localized(lang)).collect();
        lines.push(tr(
            lang,
            "config-check-failed",
            &[("count", self.len().into())],
        ));
        lines
    }
}

/// What `check-config` prints for a good configuration: "OK" and a short summary.
pub fn summary(lang: Lang, config: &Config, file: Option<&std::path::Path>) -> Vec<String> {
    let s = |v: String| FluentValue::from(v);
    let file = match file {
        Some(path) => path.display().to_string(),
        None => t(lang, "config-origin-default"),
    };
    let k = &config.kiosk;
    let source = match config.source.kind {
        SourceKind::Local => tr(
            lang,
            "config-summary-source-local",
            &[("path", s(config.source.path.display().to_string()))],
        ),
        SourceKind::Http => tr(
            lang,
            "config-summary-source-http",
            &[("url", s(config.source.url.clone().unwrap_or_default()))],
        ),
    };
    let auth = match config.auth.kind {
        AuthKind::Demo => t(lang, "config-summary-auth-demo"),
        AuthKind::Device => tr(
            lang,
            "config-summary-auth-device",
            &[("issuer", s(config.auth.issuer.clone().unwrap_or_default()))],
        ),
    };
    vec![
        tr(lang, "config-ok", &[("file", s(file))]),
        tr(
            lang,
            "config-summary-municipality",
            &[("name", s(config.municipality.name.clone()))],
        ),
        tr(
            lang,
            "config-summary-kiosk",
            &[
                ("id", s(k.id.clone())),
                ("location", s(k.location.clone())),
                ("language", s(k.default_language.code().to_owned())),
                ("locked", s(k.locked.to_string())),
            ],
        ),
        tr(
            lang,
            "config-summary-timeouts",
            &[
                ("idle", s(k.idle_timeout_secs.to_string())),
                ("warning", s(k.idle_warning_secs.to_string())),
                ("session", s(k.session_max_secs.to_string())),
            ],
        ),
        source,
        auth,
    ]
}
