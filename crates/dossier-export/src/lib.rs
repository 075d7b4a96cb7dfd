//! Write the dataset: CSV and JSONL tables and a data dictionary, atomically.
//!
//! What it does: [`DatasetWriter`] takes the pipeline's per-document results
//! ([`DocumentInput`]: raw document, clean document, time expressions, mentions,
//! quotations) in any order, and at [`DatasetWriter::finish`] writes into the output folder
//! `documents.csv`, `removed.csv`, `mentions.csv`, `dates.csv`, `quotes.csv`,
//! `entities.csv` (with knowledge-base ids, places and the watch-list flag),
//! `cooccurrences.csv`, `errors.csv`,
//! `dataset.jsonl` and a `README.md` data dictionary with this run's counts. Byte offsets
//! become Unicode code-point offsets (`start`/`end` into the clean text,
//! `raw_start`/`raw_end` into the raw text through the offset map). Rows are sorted, so
//! the output is the same bytes whatever the order documents arrive in.
//!
//! The folder appears whole or not at all: everything is written to a temporary sibling
//! (`<out>.tmp-<pid>`), which replaces the output folder only when complete; dropping the
//! writer before `finish` deletes it. Memory does not grow with the corpus: each document's
//! rows are spilled to disk when it is added, and read back in id order at `finish`.
//!
//! What it does not do: it reads no input, cleans nothing, and does not resolve entities
//! (it maps each mention's and each quote speaker's
//! [`EntityKey`](dossier_core::EntityKey) through the
//! [`Resolution`](dossier_core::Resolution) it is given). The wire format lives in one
//! file, `src/rows.rs`, apart from the `dossier-core` types.
//!
//! # Example
//! ```
//! use dossier_core::{
//!     Annotations, CleanDocument, DocId, Extractor, Label, Mention, Metadata, OffsetMap,
//!     RawDocument, Resolution, SourceMeta, Span,
//! };
//! use dossier_export::{DatasetWriter, DocumentInput, Options};
//!
//! let text = "Lavrov spoke in Astana.".to_string();
//! let raw = RawDocument {
//!     id: DocId::new("a"),
//!     source_path: "a.txt".into(),
//!     line: None,
//!     sha256: "00".repeat(32),
//!     encoding: "UTF-8".into(),
//!     text: text.clone(),
//!     meta: SourceMeta::default(),
//! };
//! let clean = CleanDocument {
//!     id: raw.id.clone(),
//!     offsets: OffsetMap::identity(text.len()),
//!     paragraphs: vec![Span::new(0, text.len())],
//!     text,
//!     has_title: false,
//!     removed: vec![],
//!     metadata: Metadata::default(),
//! };
//! let annotations = Annotations {
//!     sentences: vec![Span::new(0, 23)],
//!     mentions: vec![Mention {
//!         span: Span::new(16, 22),
//!         label: Label::Gpe,
//!         canonical: "Astana".into(),
//!         extractor: Extractor::Gazetteer,
//!         confidence: 0.9,
//!         sentence: 0,
//!     }],
//! };
//!
//! let dir = tempfile::tempdir()?;
//! let out = dir.path().join("dataset");
//! let mut writer = DatasetWriter::create(&out, Options::default())?;
//! writer.add_document(DocumentInput {
//!     raw: &raw,
//!     clean: &clean,
//!     timexes: &[],
//!     annotations: &annotations,
//!     quotes: &[],
//! })?;
//! let summary = writer.finish(&Resolution::default())?;
//! assert_eq!((summary.documents, summary.mentions), (1, 1));
//!
//! let mentions = std::fs::read_to_string(out.join("mentions.csv"))?;
//! assert_eq!(
//!     mentions.lines().nth(1),
//!     Some("a,16,22,16,22,Astana,GPE,,0,gazetteer,0.90") // unresolved: empty entity_id
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod chars;
mod error;
mod readme;
mod rows;
mod spill;
mod writer;

pub use crate::{
    error::ExportError,
    spill::DocumentInput,
    writer::{DatasetWriter, Options, Summary},
};
