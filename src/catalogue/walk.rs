//! Walks one parsed catalogue file against the schema, with spans, and reports every problem with its
//! line and key. It also notes each entry's id and every reference, for the cross-checks in `load.rs`.

use super::errors::{CatalogueError, Loc};
use super::schema::{self, Key, Kind, TEXT_KEYS, Ty};
use crate::config::line_column;
use crate::config::schema::{ValueType, suggest};
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// One file's text, with what is needed to turn byte offsets into lines.
pub(super) struct Source<'a> {
    pub file: &'a Path,
    pub text: &'a str,
}

impl Source<'_> {
    pub fn loc(&self, span: &Range<usize>) -> Loc {
        Loc {
            file: self.file.to_owned(),
            line: line_column(self.text, span.start).0,
        }
    }
}

/// A reference from one entry to another, by id.
pub(super) struct RefUse {
    pub key: String,
    pub kind: Kind,
    pub id: String,
    pub loc: Loc,
}

/// What the cross-checks need to know about one entry.
pub(super) struct Entry {
    pub kind: Kind,
    /// The id, if it is a valid one, and where it is.
    pub id: Option<(String, Loc)>,
    pub key: String,
    pub refs: Vec<RefUse>,
    /// A `[[purpose_code]]`'s `system` and `code` (joined by a space), which must be unique, and where.
    pub code: Option<(String, Loc)>,
}

/// Everything found in one file.
#[derive(Default)]
pub(super) struct Walked {
    pub entries: Vec<Entry>,
    pub errors: Vec<CatalogueError>,
    /// Kinds whose entries could not be read at all (e.g. `[area]` for `[[area]]`): references to them are
    /// not reported again.
    pub broken: Vec<Kind>,
}

/// Parses and walks one file.
pub(super) fn walk_file(src: &Source<'_>) -> Walked {
    let mut out = Walked::default();
    let root = match DeTable::parse(src.text) {
        Ok(root) => root,
        Err(e) => {
            let (line, column) = line_column(src.text, e.span().map(|s| s.start).unwrap_or(0));
            out.errors.push(CatalogueError::Syntax {
                file: PathBuf::from(src.file),
                line,
                column,
                message: e.message().trim().to_owned(),
            });
            return out;
        }
    };
    for (name, value) in root.get_ref() {
        let Some(kind) = Kind::from_name(name.get_ref()) else {
            out.errors.push(CatalogueError::UnknownKind {
                loc: src.loc(&name.span()),
                key: name.get_ref().to_string(),
                suggestion: suggest(name.get_ref(), &Kind::names()),
                allowed: Kind::names().iter().map(|s| (*s).to_owned()).collect(),
            });
            continue;
        };
        let items = match value.get_ref() {
            DeValue::Array(items) => items,
            _ => {
                out.errors
                    .push(wrong_type(src, kind.name(), Ty::TableList(&[]), value));
                out.broken.push(kind);
                continue;
            }
        };
        for (i, item) in items.iter().enumerate() {
            let DeValue::Table(table) = item.get_ref() else {
                let key = format!("{}[{}]", kind.name(), i + 1);
                out.errors.push(wrong_type(src, &key, Ty::Table(&[]), item));
                out.broken.push(kind);
                continue;
            };
            let entry = walk_entry(src, kind, i, table, &item.span(), &mut out.errors);
            out.entries.push(entry);
        }
    }
    out
}

fn field<'t, 'i>(table: &'t DeTable<'i>, name: &str) -> Option<&'t Spanned<DeValue<'i>>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref() == name)
        .map(|(_, v)| v)
}

fn string<'t>(table: &'t DeTable<'_>, name: &str) -> Option<&'t str> {
    field(table, name).and_then(|v| v.get_ref().as_str())
}

/// The key path of an item of a list: `kind.id` when it has a valid id, else `kind[n]` (1-based).
fn item_path(prefix: &str, table: &DeTable<'_>, index: usize) -> String {
    match string(table, "id").filter(|id| schema::valid_id(id)) {
        Some(id) => format!("{prefix}.{id}"),
        None => format!("{prefix}[{}]", index + 1),
    }
}

fn walk_entry(
    src: &Source<'_>,
    kind: Kind,
    index: usize,
    table: &DeTable<'_>,
    span: &Range<usize>,
    errors: &mut Vec<CatalogueError>,
) -> Entry {
    let key = item_path(kind.name(), table, index);
    let id = field(table, "id").and_then(|v| {
        v.get_ref()
            .as_str()
            .filter(|id| schema::valid_id(id))
            .map(|id| (id.to_owned(), src.loc(&v.span())))
    });
    let mut refs = Vec::new();
    walk_table(src, &key, kind.keys(), table, span, errors, &mut refs);
    let code = match (kind, string(table, "system"), field(table, "code")) {
        (Kind::PurposeCode, Some(system), Some(code)) => code
            .get_ref()
            .as_str()
            .map(|c| (format!("{system} {c}"), src.loc(&code.span()))),
        _ => None,
    };
    Entry {
        kind,
        id,
        key,
        refs,
        code,
    }
}

fn walk_table(
    src: &Source<'_>,
    path: &str,
    keys: &'static [Key],
    table: &DeTable<'_>,
    span: &Range<usize>,
    errors: &mut Vec<CatalogueError>,
    refs: &mut Vec<RefUse>,
) {
    let names: Vec<&str> = keys.iter().map(|k| k.name).collect();
    // A misspelt key is reported once, with its "did you mean", not also as the missing key it meant.
    let mut suggested = Vec::new();
    for (name, value) in table {
        let key = format!("{path}.{}", name.get_ref());
        match keys.iter().find(|k| k.name == name.get_ref()) {
            None => {
                let suggestion = suggest(name.get_ref(), &names);
                suggested.extend(suggestion.clone());
                errors.push(CatalogueError::UnknownKey {
                    loc: src.loc(&name.span()),
                    key,
                    suggestion: suggestion.map(|s| format!("{path}.{s}")),
                    allowed: names.iter().map(|s| (*s).to_owned()).collect(),
                });
            }
            Some(spec) => walk_value(src, &key, spec.ty, value, errors, refs),
        }
    }
    for spec in keys.iter().filter(|k| k.required) {
        if field(table, spec.name).is_none() && !suggested.iter().any(|s| s == spec.name) {
            errors.push(CatalogueError::Missing {
                loc: src.loc(span),
                key: format!("{path}.{}", spec.name),
            });
        }
    }
}

fn walk_value(
    src: &Source<'_>,
    key: &str,
    ty: Ty,
    value: &Spanned<DeValue<'_>>,
    errors: &mut Vec<CatalogueError>,
    refs: &mut Vec<RefUse>,
) {
    let loc = || src.loc(&value.span());
    let v = value.get_ref();
    match (ty, v) {
        (Ty::Id, DeValue::String(s)) => {
            if !schema::valid_id(s) {
                errors.push(CatalogueError::BadId {
                    loc: loc(),
                    key: key.to_owned(),
                    value: s.to_string(),
                });
            }
        }
        (Ty::Str, DeValue::String(s)) => {
            if s.trim().is_empty() {
                errors.push(CatalogueError::Empty {
                    loc: loc(),
                    key: key.to_owned(),
                });
            }
        }
        (Ty::Text, DeValue::Table(t)) => {
            walk_table(src, key, TEXT_KEYS, t, &value.span(), errors, refs);
        }
        (Ty::TextList, DeValue::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                walk_value(
                    src,
                    &format!("{key}[{}]", i + 1),
                    Ty::Text,
                    item,
                    errors,
                    refs,
                );
            }
        }
        (Ty::Bool, DeValue::Boolean(_)) => {}
        (Ty::Int { min, max }, DeValue::Integer(n)) => {
            let n = i64::from_str_radix(n.as_str(), n.radix()).unwrap_or(i64::MAX);
            if !(min..=max).contains(&n) {
                errors.push(CatalogueError::OutOfRange {
                    loc: loc(),
                    key: key.to_owned(),
                    value: n,
                    min,
                    max,
                });
            }
        }
        (Ty::OneOf(allowed), DeValue::String(s)) => {
            if !allowed.contains(&s.as_ref()) {
                errors.push(CatalogueError::NotAllowed {
                    loc: loc(),
                    key: key.to_owned(),
                    value: format!("\"{s}\""),
                    allowed: allowed.iter().map(|a| format!("\"{a}\"")).collect(),
                });
            }
        }
        (Ty::Ref(kind), DeValue::String(s)) => refs.push(RefUse {
            key: key.to_owned(),
            kind,
            id: s.to_string(),
            loc: loc(),
        }),
        (Ty::RefList(kind), DeValue::Array(items)) => {
            if items.is_empty() {
                errors.push(CatalogueError::Empty {
                    loc: loc(),
                    key: key.to_owned(),
                });
            }
            for (i, item) in items.iter().enumerate() {
                let item_key = format!("{key}[{}]", i + 1);
                walk_value(src, &item_key, Ty::Ref(kind), item, errors, refs);
            }
        }
        (Ty::Table(keys), DeValue::Table(t)) => {
            walk_table(src, key, keys, t, &value.span(), errors, refs);
        }
        (Ty::Retention, DeValue::Table(t)) => {
            walk_table(src, key, schema::RETENTION, t, &value.span(), errors, refs);
            let years = field(t, "years").is_some();
            let after = field(t, "after").is_some();
            let forever = field(t, "as_long_as_law_requires").map(|v| v.get_ref().as_bool());
            let ok = match forever {
                Some(Some(true)) => !years && !after && field(t, "end_of_year").is_none(),
                Some(_) => false,
                None => years && after,
            };
            if !ok {
                errors.push(CatalogueError::RetentionRule {
                    loc: loc(),
                    key: key.to_owned(),
                });
            }
        }
        (Ty::TableList(keys), DeValue::Array(items)) => {
            if items.is_empty() {
                errors.push(CatalogueError::Empty {
                    loc: loc(),
                    key: key.to_owned(),
                });
            }
            walk_table_list(src, key, keys, items, errors, refs);
        }
        _ => errors.push(wrong_type(src, key, ty, value)),
    }
}

/// The items of an array of tables, each with an id that is unique in the list.
fn walk_table_list(
    src: &Source<'_>,
    key: &str,
    keys: &'static [Key],
    items: &[Spanned<DeValue<'_>>],
    errors: &mut Vec<CatalogueError>,
    refs: &mut Vec<RefUse>,
) {
    let mut seen: Vec<(String, Loc)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let DeValue::Table(t) = item.get_ref() else {
            errors.push(wrong_type(
                src,
                &format!("{key}[{}]", i + 1),
                Ty::Table(&[]),
                item,
            ));
            continue;
        };
        let path = item_path(key, t, i);
        walk_table(src, &path, keys, t, &item.span(), errors, refs);
        if let Some(id_value) = field(t, "id")
            && let Some(id) = id_value.get_ref().as_str().filter(|s| schema::valid_id(s))
        {
            let here = src.loc(&id_value.span());
            match seen.iter().find(|(s, _)| s == id) {
                Some((_, first)) => errors.push(CatalogueError::Duplicate {
                    loc: here,
                    key: format!("{path}.id"),
                    id: id.to_owned(),
                    first: first.clone(),
                }),
                None => seen.push((id.to_owned(), here)),
            }
        }
    }
}

fn wrong_type(
    src: &Source<'_>,
    key: &str,
    expected: Ty,
    value: &Spanned<DeValue<'_>>,
) -> CatalogueError {
    CatalogueError::WrongType {
        loc: src.loc(&value.span()),
        key: key.to_owned(),
        expected,
        found: value_type(value.get_ref()),
        value: shown(value.get_ref()),
    }
}

fn value_type(v: &DeValue<'_>) -> ValueType {
    match v {
        DeValue::String(_) => ValueType::String,
        DeValue::Integer(_) => ValueType::Integer,
        DeValue::Float(_) => ValueType::Float,
        DeValue::Boolean(_) => ValueType::Boolean,
        DeValue::Datetime(_) => ValueType::Datetime,
        DeValue::Array(_) => ValueType::Array,
        DeValue::Table(_) => ValueType::Table,
    }
}

/// A short rendering of a wrong value for a message.
fn shown(v: &DeValue<'_>) -> String {
    match v {
        DeValue::String(s) => format!("\"{s}\""),
        DeValue::Integer(n) => n.to_string(),
        DeValue::Float(f) => f.to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Array(_) => "[…]".to_owned(),
        DeValue::Table(_) => "{…}".to_owned(),
    }
}
