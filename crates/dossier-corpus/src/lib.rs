//! Loads a corpus into [`dossier_core::RawDocument`]s: finds the inputs, reads their
//! bytes, decodes them to text, hashes them and gives them stable ids.
//!
//! What it does: [`open`] takes a folder of document files (walked recursively, hidden
//! files and symlinks skipped, sorted by relative path), a `.jsonl` / `.jsonl.gz` file of
//! `{"id", "text", "title"?, "published"?, "url"?, "source"?}` records (streamed), or a
//! single document file, and returns a [`Corpus`]: an iterator of
//! `Result<RawDocument, InputError>`. Every bad input (empty, binary, too large,
//! undecodable, broken JSON, duplicate id, …) is an [`InputError`] naming the file and line
//! and the reason, and iteration goes on. [`decode`] turns bytes into text: byte-order
//! marks, UTF-8, UTF-16 without a BOM, and legacy encodings guessed with `chardetng`.
//!
//! What it does not do: no cleaning, normalisation or language detection (the text comes
//! out as decoded, line ends included), no parallelism, no writing.
//!
//! # Example
//! ```
//! use dossier_corpus::{Config, open};
//!
//! let dir = tempfile::tempdir()?;
//! std::fs::create_dir(dir.path().join("world"))?;
//! std::fs::write(dir.path().join("world/kabul.txt"), "Kabul, 25 November.\r\n")?;
//! std::fs::write(dir.path().join("empty.txt"), "  \n")?;
//!
//! let mut docs = Vec::new();
//! let mut errors = Vec::new();
//! for item in open(dir.path(), &Config::default())? {
//!     match item {
//!         Ok(doc) => docs.push(doc),
//!         Err(e) => errors.push(e.to_record()),
//!     }
//! }
//! assert_eq!(docs[0].id.as_str(), "world/kabul");
//! assert_eq!(docs[0].text, "Kabul, 25 November.\r\n");
//! assert_eq!(docs[0].encoding, "UTF-8");
//! assert_eq!(errors[0].source_path, "empty.txt");
//! assert_eq!(errors[0].reason, "empty: no text or only whitespace");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod config;
mod corpus;
mod decode;
mod error;
mod file;
mod folder;
mod jsonl;

pub use crate::{
    config::Config,
    corpus::{Corpus, open},
    decode::{DecodeError, Decoded, decode},
    error::{CorpusError, InputError, InputErrorKind},
};
