//! Catalogue problems and the `catalogue check` summary as localized sentences. File names, keys, ids
//! and values appear verbatim inside them.

use super::errors::{CatalogueError, CatalogueErrors, Loc};
use super::model::Catalogue;
use super::schema::Ty;
use crate::domain::Lang;
use crate::i18n::{t, tr};
use fluent_bundle::FluentValue;
use std::path::Path;

fn s(v: &str) -> FluentValue<'static> {
    FluentValue::from(v.to_owned())
}

/// "FILE, line N:"
fn at(lang: Lang, loc: &Loc) -> String {
    tr(
        lang,
        "catalogue-at",
        &[
            ("file", s(&loc.file.display().to_string())),
            ("line", loc.line.into()),
        ],
    )
}

/// The Fluent id naming what a key expects.
fn expected_id(ty: Ty) -> &'static str {
    match ty {
        Ty::Id => "catalogue-type-id",
        Ty::Str | Ty::OneOf(_) => "config-type-string",
        Ty::Text => "catalogue-type-text",
        Ty::TextList => "catalogue-type-text-list",
        Ty::Bool => "config-type-boolean",
        Ty::Int { .. } => "config-type-integer",
        Ty::Ref(_) => "catalogue-type-ref",
        Ty::RefList(_) => "catalogue-type-ref-list",
        Ty::Table(_) | Ty::Retention => "config-type-table",
        Ty::TableList(_) => "catalogue-type-table-list",
    }
}

fn code_list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn did_you_mean(lang: Lang, suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|sug| {
            format!(
                " {}",
                tr(lang, "config-did-you-mean", &[("suggestion", s(sug))])
            )
        })
        .unwrap_or_default()
}

impl CatalogueError {
    /// The problem as one line in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        let id = self.message_id();
        match self {
            CatalogueError::Unreadable { path, reason } => tr(
                lang,
                id,
                &[
                    ("file", s(&path.display().to_string())),
                    ("reason", s(reason)),
                ],
            ),
            CatalogueError::NoFiles { dir } => {
                tr(lang, id, &[("dir", s(&dir.display().to_string()))])
            }
            CatalogueError::Syntax {
                file,
                line,
                column,
                message,
            } => tr(
                lang,
                id,
                &[
                    ("file", s(&file.display().to_string())),
                    ("line", (*line).into()),
                    ("column", (*column).into()),
                    ("message", s(message)),
                ],
            ),
            CatalogueError::Invalid { file, message } => tr(
                lang,
                id,
                &[
                    ("file", s(&file.display().to_string())),
                    ("message", s(message)),
                ],
            ),
            CatalogueError::UnknownKind {
                loc,
                key,
                suggestion,
                allowed,
            }
            | CatalogueError::UnknownKey {
                loc,
                key,
                suggestion,
                allowed,
            } => {
                let line = tr(lang, id, &[("key", s(key))]);
                let allowed_id = match self {
                    CatalogueError::UnknownKind { .. } => "catalogue-allowed-kinds",
                    _ => "config-allowed-keys",
                };
                let allowed = tr(lang, allowed_id, &[("allowed", s(&code_list(allowed)))]);
                format!(
                    "{} {line}{} {allowed}",
                    at(lang, loc),
                    did_you_mean(lang, suggestion)
                )
            }
            CatalogueError::Missing { loc, key }
            | CatalogueError::Empty { loc, key }
            | CatalogueError::RetentionRule { loc, key } => {
                format!("{} {}", at(lang, loc), tr(lang, id, &[("key", s(key))]))
            }
            CatalogueError::WrongType {
                loc,
                key,
                expected,
                found,
                value,
            } => {
                let line = tr(
                    lang,
                    id,
                    &[
                        ("key", s(key)),
                        ("expected", s(&t(lang, expected_id(*expected)))),
                        ("found", s(&t(lang, found.message_id()))),
                        ("value", s(value)),
                    ],
                );
                format!("{} {line}", at(lang, loc))
            }
            CatalogueError::NotAllowed {
                loc,
                key,
                value,
                allowed,
            } => {
                let line = tr(
                    lang,
                    id,
                    &[
                        ("key", s(key)),
                        ("value", s(value)),
                        ("allowed", s(&allowed.join(", "))),
                    ],
                );
                format!("{} {line}", at(lang, loc))
            }
            CatalogueError::OutOfRange {
                loc,
                key,
                value,
                min,
                max,
            } => {
                let line = tr(
                    lang,
                    id,
                    &[
                        ("key", s(key)),
                        ("value", s(&value.to_string())),
                        ("min", s(&min.to_string())),
                        ("max", s(&max.to_string())),
                    ],
                );
                format!("{} {line}", at(lang, loc))
            }
            CatalogueError::BadId { loc, key, value } => {
                let line = tr(lang, id, &[("key", s(key)), ("value", s(value))]);
                format!("{} {line}", at(lang, loc))
            }
            CatalogueError::Duplicate {
                loc,
                key,
                id: dup,
                first,
            } => {
                let line = tr(
                    lang,
                    id,
                    &[
                        ("key", s(key)),
                        ("id", s(dup)),
                        ("first_file", s(&first.file.display().to_string())),
                        ("first_line", first.line.into()),
                    ],
                );
                format!("{} {line}", at(lang, loc))
            }
            CatalogueError::UnknownRef {
                loc,
                key,
                kind,
                id: target,
                suggestion,
            } => {
                let line = tr(
                    lang,
                    id,
                    &[
                        ("key", s(key)),
                        ("id", s(target)),
                        ("kind", s(&t(lang, kind.message_id()))),
                    ],
                );
                format!("{} {line}{}", at(lang, loc), did_you_mean(lang, suggestion))
            }
        }
    }
}

impl CatalogueErrors {
    /// Each problem as a line in `lang`, then a line with the count.
    pub fn localized(&self, lang: Lang) -> Vec<String> {
        let mut lines: Vec<String> = self.iter().map(|e| e.localized(lang)).collect();
        lines.push(tr(
            lang,
            "catalogue-check-failed",
            &[("count", self.len().into())],
        ));
        lines
    }
}

/// What `catalogue check` prints for a valid catalogue: "OK" and what it holds.
pub fn summary(lang: Lang, catalogue: &Catalogue, dir: &Path) -> Vec<String> {
    let c = catalogue;
    let fields: usize = c.categories.iter().map(|c| c.fields.len()).sum();
    vec![
        tr(
            lang,
            "catalogue-ok",
            &[("dir", s(&dir.display().to_string()))],
        ),
        tr(
            lang,
            "catalogue-summary",
            &[
                ("areas", c.areas.len().into()),
                ("systems", c.systems.len().into()),
                ("legal_bases", c.legal_bases.len().into()),
                ("purposes", c.purposes.len().into()),
                ("categories", c.categories.len().into()),
                ("fields", fields.into()),
                ("consent_types", c.consent_types.len().into()),
                ("decision_tools", c.decision_tools.len().into()),
            ],
        ),
        tr(
            lang,
            "catalogue-summary-purpose-codes",
            &[("purpose_codes", c.purpose_codes.len().into())],
        ),
    ]
}
