//! The export error: what went wrong, and with which path or document.

use std::io;
use std::path::PathBuf;

use dossier_core::ErrorRecord;

/// Why the dataset could not be written, or why a document was refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// A file or folder could not be created, written or read.
    #[error("cannot {action} {}", path.display())]
    Io {
        /// What was being done (`create`, `write`, `read`, `rename`, …).
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// The output folder exists, is not empty and does not look like a dataset (it has no
    /// `documents.csv`): it is never replaced, so that a wrong `--out` cannot delete a
    /// folder of someone's files.
    #[error("refusing to replace {}: it is not empty and holds no documents.csv", path.display())]
    NotADataset {
        /// The output folder.
        path: PathBuf,
    },
    /// The output path has no final component to name a sibling after (`/`, `..`).
    #[error("invalid output folder {}", path.display())]
    InvalidOutDir {
        /// The output folder as given.
        path: PathBuf,
    },
    /// A document with this id was already added.
    #[error("{source_path}: document {id} was added twice")]
    DuplicateDocument {
        /// The document id.
        id: String,
        /// The input file of the second document.
        source_path: String,
        /// Its 1-based line, for a JSONL record.
        line: Option<u64>,
    },
    /// A span of the document lies outside its text or cuts a UTF-8 character.
    #[error(
        "{source_path}: document {id}: {what} offset {offset} is not a valid position in the {text} text"
    )]
    InvalidSpan {
        /// The document id.
        id: String,
        /// The input file.
        source_path: String,
        /// Its 1-based line, for a JSONL record.
        line: Option<u64>,
        /// Which kind of span (`mention`, `timex`, `removed block`, `offset map`).
        what: &'static str,
        /// `clean` or `raw`.
        text: &'static str,
        /// The byte offset.
        offset: usize,
    },
}

impl ExportError {
    /// For an error about one document (a duplicate id, a span that does not fit its
    /// text), the row for `errors.csv` (stage `export`): the writer is unchanged and the
    /// run can go on without that document. `None` for the errors that stop the run.
    pub fn to_record(&self) -> Option<ErrorRecord> {
        let (source_path, line, reason) = match self {
            ExportError::DuplicateDocument {
                id,
                source_path,
                line,
            } => (source_path, line, format!("duplicate document id {id}")),
            ExportError::InvalidSpan {
                source_path,
                line,
                what,
                text,
                offset,
                ..
            } => (
                source_path,
                line,
                format!("{what} offset {offset} is not a valid position in the {text} text"),
            ),
            _ => return None,
        };
        Some(ErrorRecord {
            source_path: source_path.clone(),
            line: *line,
            stage: "export".to_owned(),
            reason,
        })
    }

    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        ExportError::Io {
            action,
            path: path.into(),
            source,
        }
    }
}
