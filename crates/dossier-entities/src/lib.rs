//! Entity mentions for Dossier: tokens, sentences, gazetteers and rules, and
//! cross-document resolution.
//!
//! What it does: finds PERSON, ORG, GPE, LOC and NORP mentions (plus DATE mentions handed
//! in by the time stage) with exact byte offsets in a [`dossier_core::CleanDocument`],
//! gives each a within-document canonical name (acronyms, short forms), and resolves
//! canonical entities across documents with stable ids ([`Resolver`]). Extraction is a
//! list of candidates from several extractors (gazetteer, capitalised-sequence rules)
//! fused by one function, so a statistical model can be added as one more extractor.
//!
//! What it does not do: no I/O, no `Result` (gazetteers and the lexicon are embedded),
//! no date normalisation (the time stage does that), no statistical model yet, and no
//! risky cross-document merges (spelling variants, transliterations).
//!
//! # Example
//! ```
//! use dossier_core::{CleanDocument, DocId, Label, Metadata, OffsetMap, Span};
//! use dossier_entities::{Config, Recognizer, Resolver};
//!
//! let text = "Foreign Minister Sergey Lavrov spoke. Later, Lavrov left.".to_string();
//! let doc = CleanDocument {
//!     id: DocId::new("a"),
//!     paragraphs: vec![Span::new(0, text.len())],
//!     has_title: false,
//!     offsets: OffsetMap::identity(text.len()),
//!     removed: vec![],
//!     metadata: Metadata::default(),
//!     text,
//! };
//! let recognizer = Recognizer::new(&Config::default());
//! let annotations = recognizer.extract(&doc, &[]);
//! let people: Vec<&str> = annotations
//!     .mentions
//!     .iter()
//!     .filter(|m| m.label == Label::Person)
//!     .map(|m| m.canonical.as_str())
//!     .collect();
//! assert_eq!(people, ["Sergey Lavrov", "Sergey Lavrov"]);
//!
//! let mut resolver = Resolver::new();
//! resolver.add(&annotations, &doc.text);
//! let resolution = resolver.finish();
//! assert_eq!(resolution.entities[0].id, "person:sergey-lavrov");
//! assert_eq!(resolution.entities[0].aliases, ["Lavrov"]);
//! ```

mod extract;
mod fuse;
mod gazetteer;
mod resolve;
mod rules;
mod tokens;
mod words;

pub use crate::{
    extract::{Config, Recognizer},
    resolve::Resolver,
    tokens::{Token, TokenKind, sentences, tokenize},
};
