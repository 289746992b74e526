//! Finds the message ids that the code asks for, by reading `src/` as text.
//!
//! Three shapes are read:
//! - calls `t("id")`, `t(lang, "id")`, `tr(lang, "id", …)` and the methods `.t("id")`, `.tr("id", …)`;
//! - functions that return an id (`fn message_id`, and any `fn …_id`, `fn label…`, `fn title…` or
//!   `fn hint…` that returns `&'static str`): every string literal in their body;
//! - the keymap table (`src/kiosk/keymap.rs`): its `key-`, `hint-` and `help-` literals.
//!
//! Ids built at run time (`format!("month-{n}")`) are not seen here; the screens' snapshots cover them.

use std::collections::BTreeMap;
use std::path::Path;

/// Every id found, with the first place it was found (`file:line`).
pub fn ids_used_in(src: &Path) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    let mut files = Vec::new();
    rust_files(src, &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file
            .strip_prefix(src.parent().unwrap())
            .unwrap()
            .display()
            .to_string();
        let mut add = |id: String, at: usize| {
            let line = text[..at].matches('\n').count() + 1;
            found.entry(id).or_insert_with(|| format!("{name}:{line}"));
        };
        for (id, at) in call_ids(&text) {
            add(id, at);
        }
        for (id, at) in returned_ids(&text) {
            add(id, at);
        }
        if name.ends_with("keymap.rs") {
            for (id, at) in literals(&text, 0, text.len()) {
                if ["key-", "hint-", "help-"].iter().any(|p| id.starts_with(p)) {
                    add(id, at);
                }
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether `s` has the shape of a message id: lowercase words joined by `-`.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.ends_with('-')
}

/// The string literals between `from` and `to`, with their offsets.
fn literals(text: &str, from: usize, to: usize) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = from;
    while i < to {
        if bytes[i] == b'"' && (i == 0 || bytes[i - 1] != b'\\' && bytes[i - 1] != b'\'') {
            let start = i + 1;
            let mut j = start;
            while j < to && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            let s = &text[start..j.min(to)];
            if is_id(s) {
                out.push((s.to_owned(), start));
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Ids in `t(…)` and `tr(…)` calls: the first string literal among the first two arguments.
fn call_ids(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for name in ["t(", "tr("] {
        for (at, _) in text.match_indices(name) {
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let args = &text[at + name.len()..];
            let args = args.trim_start();
            let rest = match args.strip_prefix('"') {
                Some(_) => args,
                None => {
                    // A first argument that is not a string: a language, up to the comma.
                    let Some(comma) = args.find(',') else {
                        continue;
                    };
                    let first = &args[..comma];
                    if first.len() > 40
                        || !first
                            .chars()
                            .all(|c| c.is_alphanumeric() || "_.()&*".contains(c))
                    {
                        continue;
                    }
                    args[comma + 1..].trim_start()
                }
            };
            let Some(body) = rest.strip_prefix('"') else {
                continue;
            };
            let Some(end) = body.find('"') else { continue };
            let id = &body[..end];
            if is_id(id) {
                let offset = text.len() - body.len();
                out.push((id.to_owned(), offset));
            }
        }
    }
    out
}

/// Ids returned by functions made to name one: every literal in their bodies.
fn returned_ids(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("fn ") {
        let header_end = match text[at..].find('{') {
            Some(e) => at + e,
            None => continue,
        };
        let header = &text[at..header_end];
        let name: String = header[3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let names_an_id = name == "message_id"
            || name.ends_with("_id")
            || ["label", "title", "hint"]
                .iter()
                .any(|p| name.starts_with(p));
        if !names_an_id || !header.contains("&'static str") {
            continue;
        }
        let Some(end) = body_end(text, header_end) else {
            continue;
        };
        out.extend(literals(text, header_end, end));
    }
    out
}

/// The offset of the `}` that closes the `{` at `open`.
fn body_end(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}
