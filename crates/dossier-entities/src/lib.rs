//! Entity mentions for Dossier: tokens, sentences, gazetteers, rules and a trained
//! statistical tagger, and cross-document resolution.
//!
//! What it does: finds PERSON, ORG, GPE, LOC and NORP mentions (plus DATE mentions handed
//! in by the time stage) with exact byte offsets in a [`dossier_core::CleanDocument`],
//! gives each a within-document canonical name (acronyms, short forms), and resolves
//! canonical entities across documents with stable ids ([`Resolver`]). Extraction is a
//! list of candidates from several extractors (gazetteer, capitalised-sequence rules)
//! fused into mentions, then an embedded linear-chain CRF tagger (PER/ORG/LOC, hashed
//! features that include the rule candidates, Viterbi decoding) whose spans are fused
//! with them: lists and rules decide NORP, DATE, GPE vs LOC and known organisations, the
//! model the open classes. [`train_model`] trains the tagger (`cargo xtask train-ner`).
//!
//! What it does not do: no I/O, no `Result` except [`Recognizer::with_model`] for a model
//! file from outside (gazetteers, lexicon and model are embedded), no date normalisation
//! (the time stage does that), no NORP/DATE/MISC learning, and no risky cross-document
//! merges (spelling variants, transliterations).
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

mod calibrate;
mod extract;
mod features;
mod fuse;
mod gazetteer;
mod model;
mod resolve;
mod rules;
mod tokens;
mod train;
mod words;

pub use crate::{
    calibrate::{Calibration, CalibrationSample, fit_calibration, in_capitalised_run},
    extract::{Config, Recognizer},
    model::ModelError,
    resolve::Resolver,
    tokens::{Token, TokenKind, sentences, tokenize},
    train::{Algorithm, GoldDocument, TrainConfig, TrainedModel, train_model},
};
