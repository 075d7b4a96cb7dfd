//! Error types: one bad input ([`InputError`], the run goes on) and a fatal one
//! ([`CorpusError`], nothing can be read).

use std::{fmt, io, path::PathBuf};

use dossier_core::ErrorRecord;

use crate::DecodeError;

/// One rejected input: the file (and line, for JSONL) and why. Iteration goes on after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// Path of the input relative to the corpus root (`/`-separated); for JSONL, the
    /// file's name.
    pub source_path: String,
    /// 1-based line of the record in a JSONL file; `None` for a file per document.
    pub line: Option<u64>,
    /// Why it was rejected.
    pub kind: InputErrorKind,
}

impl InputError {
    /// A row of the `errors` table: stage `corpus`, reason = the kind's message.
    pub fn to_record(&self) -> ErrorRecord {
        ErrorRecord {
            source_path: self.source_path.clone(),
            line: self.line,
            stage: "corpus".to_owned(),
            reason: self.kind.to_string(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.source_path, line, self.kind),
            None => write!(f, "{}: {}", self.source_path, self.kind),
        }
    }
}

/// The message already contains the kind's, so no `source` is chained.
impl std::error::Error for InputError {}

/// Why an input was rejected. Every message is one line without a trailing period.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InputErrorKind {
    /// No bytes, or only whitespace once decoded.
    #[error("empty: no text or only whitespace")]
    Empty,
    /// NUL bytes outside UTF-16, or too many control characters.
    #[error("binary content: NUL bytes or control characters")]
    Binary,
    /// Bigger than [`Config::max_file_bytes`](crate::Config::max_file_bytes).
    #[error("too large: {size} bytes, limit {limit}")]
    TooLarge {
        /// Size of the input in bytes.
        size: u64,
        /// The configured limit in bytes.
        limit: u64,
    },
    /// Decoding needed too many replacement characters.
    #[error(
        "undecodable: decoding as {encoding} needs {replacements} replacement characters in {chars}"
    )]
    Undecodable {
        /// The encoding that was tried.
        encoding: &'static str,
        /// Number of malformed byte sequences (each became U+FFFD).
        replacements: usize,
        /// Number of characters of the decoded text.
        chars: usize,
    },
    /// The file or stream could not be read (I/O error, corrupt compressed stream).
    #[error("unreadable: {0}")]
    Unreadable(String),
    /// A JSONL line that is not a JSON object.
    #[error("invalid JSON: {0}")]
    BadJson(String),
    /// A JSONL record without a required field (or with `null` there).
    #[error("missing field `{0}`")]
    MissingField(&'static str),
    /// A JSONL field with a value of the wrong type or form.
    #[error("bad field `{field}`: {reason}")]
    BadField {
        /// The field's name.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// A second input with an id already seen; the first one is kept.
    #[error("duplicate id `{0}`: an earlier input has the same id")]
    DuplicateId(String),
}

impl From<DecodeError> for InputErrorKind {
    fn from(e: DecodeError) -> InputErrorKind {
        match e {
            DecodeError::Empty => InputErrorKind::Empty,
            DecodeError::Binary => InputErrorKind::Binary,
            DecodeError::Undecodable {
                encoding,
                replacements,
                chars,
            } => InputErrorKind::Undecodable {
                encoding,
                replacements,
                chars,
            },
        }
    }
}

/// A fatal error: the corpus itself cannot be opened.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CorpusError {
    /// The path does not exist.
    #[error("corpus not found: {}", .0.display())]
    NotFound(PathBuf),
    /// The path exists but cannot be inspected, listed or opened. The message names the
    /// path; the I/O error is the `source` (print the chain, as `anyhow`'s `{:#}` does).
    #[error("cannot read corpus {}", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// Neither a folder, nor a `.jsonl` / `.jsonl.gz` file, nor a file with one of the
    /// configured extensions.
    #[error(
        "unsupported corpus {}: expected a folder, a .jsonl or .jsonl.gz file, or a document file with a configured extension",
        .0.display()
    )]
    Unsupported(PathBuf),
}
