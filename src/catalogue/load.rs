//! Loading a catalogue folder: every `*.toml` file in it and its subfolders (sorted by path), each walked
//! against the schema, then the cross-checks (duplicate ids and purpose codes, references), then the typed [`Catalogue`].

use super::errors::{CatalogueError, CatalogueErrors, Loc};
use super::model::Catalogue;
use super::schema::Kind;
use super::walk::{Entry, Source, walk_file};
use crate::config::schema::suggest;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Reads and checks the catalogue in `dir`. Returns every problem found, not just the first.
pub fn load(dir: &Path) -> Result<Catalogue, CatalogueErrors> {
    load_with_digest(dir).map(|(catalogue, _)| catalogue)
}

/// Like [`load`], with the SHA-256 (hex) of the files it read: each file's path inside `dir` and its
/// content, in order. The same files give the same digest wherever the folder is.
pub fn load_with_digest(dir: &Path) -> Result<(Catalogue, String), CatalogueErrors> {
    let files = toml_files(dir).map_err(|e| CatalogueErrors(vec![e]))?;
    if files.is_empty() {
        return Err(CatalogueErrors(vec![CatalogueError::NoFiles {
            dir: dir.to_owned(),
        }]));
    }
    let mut errors = Vec::new();
    let mut texts = Vec::new();
    for file in files {
        match std::fs::read_to_string(&file) {
            Ok(text) => texts.push((file, text)),
            Err(e) => errors.push(CatalogueError::Unreadable {
                path: file,
                reason: e.to_string(),
            }),
        }
    }
    check_texts(dir, texts, errors)
}

/// Checks a catalogue given as `(path, text)` pairs, in order: the files of a folder, or a catalogue compiled
/// into the binary. `dir` is what the paths are relative to in the digest.
pub fn load_texts(
    dir: &Path,
    texts: Vec<(PathBuf, String)>,
) -> Result<(Catalogue, String), CatalogueErrors> {
    check_texts(dir, texts, Vec::new())
}

fn check_texts(
    dir: &Path,
    texts: Vec<(PathBuf, String)>,
    mut errors: Vec<CatalogueError>,
) -> Result<(Catalogue, String), CatalogueErrors> {
    let mut entries = Vec::new();
    let mut broken = Vec::new();
    for (file, text) in &texts {
        let walked = walk_file(&Source { file, text });
        errors.extend(walked.errors);
        entries.extend(walked.entries);
        broken.extend(walked.broken);
    }
    cross_check(&entries, &broken, &mut errors);
    if !errors.is_empty() {
        // Stable: problems on the same line keep the order they were found in.
        errors.sort_by_key(CatalogueError::sort_key);
        return Err(CatalogueErrors(errors));
    }
    let mut digest = ring::digest::Context::new(&ring::digest::SHA256);
    for (file, text) in &texts {
        let name = file.strip_prefix(dir).unwrap_or(file).to_string_lossy();
        for part in [name.as_bytes(), text.as_bytes()] {
            digest.update(&(part.len() as u64).to_be_bytes());
            digest.update(part);
        }
    }
    let digest: String = digest
        .finish()
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut catalogue = Catalogue::default();
    for (file, text) in texts {
        let part: Catalogue = toml::from_str(&text).map_err(|e: toml::de::Error| {
            CatalogueErrors(vec![CatalogueError::Invalid {
                file,
                message: e.message().trim().to_owned(),
            }])
        })?;
        catalogue.extend(part);
    }
    Ok((catalogue, digest))
}

/// The `*.toml` files under `dir`, sorted by path.
fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, CatalogueError> {
    let unreadable = |path: &Path, e: std::io::Error| CatalogueError::Unreadable {
        path: path.to_owned(),
        reason: e.to_string(),
    };
    let mut files = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for item in std::fs::read_dir(&folder).map_err(|e| unreadable(&folder, e))? {
            let path = item.map_err(|e| unreadable(&folder, e))?.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Ids are unique per kind across all files, and every reference names an entry that exists.
fn cross_check(entries: &[Entry], broken: &[Kind], errors: &mut Vec<CatalogueError>) {
    let mut ids: HashMap<(Kind, &str), &Loc> = HashMap::new();
    for entry in entries {
        let Some((id, loc)) = &entry.id else { continue };
        match ids.get(&(entry.kind, id.as_str())) {
            Some(first) => errors.push(CatalogueError::Duplicate {
                loc: loc.clone(),
                key: format!("{}.id", entry.key),
                id: id.clone(),
                first: (*first).clone(),
            }),
            None => {
                ids.insert((entry.kind, id.as_str()), loc);
            }
        }
    }
    // A purpose code means one purpose: each (system, code) pair once.
    let mut codes: HashMap<&str, &Loc> = HashMap::new();
    for entry in entries {
        let Some((code, loc)) = &entry.code else {
            continue;
        };
        match codes.get(code.as_str()) {
            Some(first) => errors.push(CatalogueError::Duplicate {
                loc: loc.clone(),
                key: format!("{}.code", entry.key),
                id: code.clone(),
                first: (*first).clone(),
            }),
            None => {
                codes.insert(code.as_str(), loc);
            }
        }
    }
    let mut of_kind: HashMap<Kind, Vec<&str>> = HashMap::new();
    for (kind, id) in ids.keys() {
        of_kind.entry(*kind).or_default().push(id);
    }
    for list in of_kind.values_mut() {
        list.sort_unstable();
    }
    for entry in entries {
        for r in &entry.refs {
            if !ids.contains_key(&(r.kind, r.id.as_str())) && !broken.contains(&r.kind) {
                let candidates = of_kind.get(&r.kind).cloned().unwrap_or_default();
                errors.push(CatalogueError::UnknownRef {
                    loc: r.loc.clone(),
                    key: r.key.clone(),
                    kind: r.kind,
                    id: r.id.clone(),
                    suggestion: suggest(&r.id, &candidates),
                });
            }
        }
    }
}
