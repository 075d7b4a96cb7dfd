//! A folder corpus: the list of document files, in sorted order of relative path.

use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

use crate::Config;

/// One item of a folder corpus, before it is read.
#[derive(Debug)]
pub(crate) enum Entry {
    /// A document file.
    File {
        /// Relative path, `/`-separated.
        rel: String,
        /// Path to open.
        path: PathBuf,
    },
    /// A part of the tree that could not be listed.
    Unlistable {
        /// Relative path, `/`-separated.
        rel: String,
        /// The I/O error message.
        message: String,
    },
}

impl Entry {
    fn rel(&self) -> &str {
        match self {
            Entry::File { rel, .. } | Entry::Unlistable { rel, .. } => rel,
        }
    }
}

/// Lists the document files under `root`: recursive, symlinks neither followed nor read,
/// hidden files and folders (name starting with `.`) skipped, extension in
/// `config.extensions`. Sorted by relative path (byte order of the `/`-separated string),
/// so the order does not depend on the file system.
pub(crate) fn list(root: &Path, config: &Config) -> Vec<Entry> {
    let walk = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut entries = Vec::new();
    for item in walk {
        match item {
            Ok(e) => {
                if !e.file_type().is_file() {
                    continue;
                }
                let accepted = e
                    .path()
                    .extension()
                    .is_some_and(|ext| config.accepts_extension(&ext.to_string_lossy()));
                if accepted {
                    entries.push(Entry::File {
                        rel: relative(root, e.path()),
                        path: e.into_path(),
                    });
                }
            }
            Err(err) => {
                let rel = err.path().map_or_else(String::new, |p| relative(root, p));
                let message = match err.io_error() {
                    Some(io) => io.to_string(),
                    None => err.to_string(),
                };
                entries.push(Entry::Unlistable { rel, message });
            }
        }
    }
    entries.sort_by(|a, b| a.rel().cmp(b.rel()));
    entries
}

/// `path` relative to `root`, components joined with `/` (lossy for non-UTF-8 names).
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<_> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

/// The document id of a relative path: without its final extension.
pub(crate) fn id_of(rel: &str) -> String {
    let name_start = rel.rfind('/').map_or(0, |i| i + 1);
    match rel[name_start..].rfind('.') {
        // A name that only starts with a dot has no extension to remove.
        Some(dot) if dot > 0 => rel[..name_start + dot].to_owned(),
        _ => rel.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_drops_the_final_extension_only() {
        assert_eq!(id_of("a.txt"), "a");
        assert_eq!(id_of("sub/dir/a.b.TXT"), "sub/dir/a.b");
        assert_eq!(id_of("v1.2/readme"), "v1.2/readme");
    }
}
