//! Opening a corpus (folder, JSONL, single file) and iterating over its documents.

use std::{
    collections::HashSet,
    fs,
    io::{self, BufReader},
    path::{Path, PathBuf},
};

use dossier_core::RawDocument;
use flate2::read::MultiGzDecoder;

use crate::{
    Config, CorpusError, InputError, InputErrorKind,
    file::read_document,
    folder::{self, Entry},
    jsonl::Records,
};

/// Opens a corpus: a folder of document files, a `.jsonl` / `.jsonl.gz` file (also
/// `.ndjson`), or a single document file with one of `config.extensions`.
///
/// Only listing happens here (a folder is walked, a file opened); documents are read as
/// the returned [`Corpus`] is iterated. Fails when the path does not exist, cannot be
/// listed or opened, or is of another kind.
pub fn open(path: &Path, config: &Config) -> Result<Corpus, CorpusError> {
    let io_error = |source: io::Error| CorpusError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(CorpusError::NotFound(path.to_owned()));
        }
        Err(e) => return Err(io_error(e)),
    };
    let inner = if meta.is_dir() {
        // Fail now, not as an error row, when the root itself cannot be listed.
        fs::read_dir(path).map_err(io_error)?;
        let entries = folder::list(path, config);
        Inner::Folder {
            entries: entries.into_iter(),
            config: config.clone(),
        }
    } else {
        let name = file_name(path);
        let lower = name.to_lowercase();
        if lower.ends_with(".jsonl.gz") || lower.ends_with(".ndjson.gz") {
            let file = fs::File::open(path).map_err(io_error)?;
            let reader = BufReader::new(MultiGzDecoder::new(BufReader::new(file)));
            Inner::Jsonl(Records::new(Box::new(reader), name, config.max_file_bytes))
        } else if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            let file = fs::File::open(path).map_err(io_error)?;
            let reader = BufReader::new(file);
            Inner::Jsonl(Records::new(Box::new(reader), name, config.max_file_bytes))
        } else if path
            .extension()
            .is_some_and(|ext| config.accepts_extension(&ext.to_string_lossy()))
        {
            let id = path
                .file_stem()
                .map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
            Inner::Single(Some(Single {
                path: path.to_owned(),
                source_path: name,
                id,
                config: config.clone(),
            }))
        } else {
            return Err(CorpusError::Unsupported(path.to_owned()));
        }
    };
    Ok(Corpus {
        inner,
        seen: HashSet::new(),
    })
}

/// The file name of `path` (lossy), or the whole path when it has none.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy())
        .into_owned()
}

/// The documents of a corpus, in a deterministic order, each one a [`RawDocument`] or an
/// [`InputError`] naming the input; an error never ends the iteration (except a broken
/// compressed stream, which ends its file).
///
/// Folder corpora know their length up front: `size_hint` is exact (one item per listed
/// file), which makes progress bars easy.
pub struct Corpus {
    inner: Inner,
    /// Ids yielded so far: a second input with one of them is an error.
    seen: HashSet<String>,
}

enum Inner {
    Folder {
        entries: std::vec::IntoIter<Entry>,
        config: Config,
    },
    Jsonl(Records),
    Single(Option<Single>),
}

struct Single {
    path: PathBuf,
    source_path: String,
    id: String,
    config: Config,
}

impl Iterator for Corpus {
    type Item = Result<RawDocument, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = match &mut self.inner {
            Inner::Folder { entries, config } => match entries.next()? {
                Entry::File { rel, path } => {
                    let id = folder::id_of(&rel);
                    read_document(&path, rel, id, config)
                }
                Entry::Unlistable { rel, message } => Err(InputError {
                    source_path: rel,
                    line: None,
                    kind: InputErrorKind::Unreadable(message),
                }),
            },
            Inner::Jsonl(records) => records.next_record()?,
            Inner::Single(single) => {
                let s = single.take()?;
                read_document(&s.path, s.source_path, s.id, &s.config)
            }
        };
        Some(item.and_then(|doc| {
            if self.seen.insert(doc.id.as_str().to_owned()) {
                Ok(doc)
            } else {
                Err(InputError {
                    source_path: doc.source_path,
                    line: doc.line,
                    kind: InputErrorKind::DuplicateId(doc.id.as_str().to_owned()),
                })
            }
        }))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.inner {
            Inner::Folder { entries, .. } => entries.size_hint(),
            Inner::Jsonl(_) => (0, None),
            Inner::Single(single) => {
                let n = usize::from(single.is_some());
                (n, Some(n))
            }
        }
    }
}

impl std::fmt::Debug for Corpus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match &self.inner {
            Inner::Folder { .. } => "folder",
            Inner::Jsonl(_) => "jsonl",
            Inner::Single(_) => "file",
        };
        f.debug_struct("Corpus")
            .field("kind", &kind)
            .field("remaining", &self.size_hint())
            .finish_non_exhaustive()
    }
}
