//! Remove page chrome from scraped article text, keep an exact offset map, extract
//! metadata.
//!
//! [`clean`] turns a [`RawDocument`](dossier_core::RawDocument) (decoded page text with
//! its menus, share buttons, related lists and footers) into a
//! [`CleanDocument`](dossier_core::CleanDocument): the headline and the article body, one
//! paragraph per kept line joined by a blank line; every dropped line with its
//! [`RemovalReason`](dossier_core::RemovalReason); an exact
//! [`OffsetMap`](dossier_core::OffsetMap) from the clean text back to the raw text; and
//! the metadata the page gives (title, publisher, author, date, dateline, language).
//!
//! How: each line is matched against general patterns of page chrome (share widgets,
//! copyright, cookie banners and paywalls, bylines and story credits, reading times,
//! captions, breadcrumbs, language switchers, …); the body is the biggest run of prose
//! lines (story credits, paywalls and comment headings end it; a summary box above it and
//! a closing list belong to it); the headline is the title-like line above it, passing
//! over chrome and a standfirst; short lines before the headline are header chrome, after
//! the body footer chrome.
//!
//! What it does not do: no I/O, no `Result` (bad input gives an empty document), no
//! near-duplicate detection across documents, no HTML parsing (input is page text).
//!
//! # Example
//! ```
//! use dossier_core::{DocId, RawDocument, SourceMeta};
//!
//! let raw = "Home\nWorld\nSport\n\nMinisters meet in Astana\n\nBy Jane Doe\n\n\
//!            KABUL, AFGHANISTAN – The ministers met in Astana on Thursday to discuss border security.\n\n\
//!            Share on Facebook\n© 2024 Example Press. All rights reserved.\n";
//! let doc = RawDocument {
//!     id: DocId::new("a"),
//!     source_path: "a.txt".into(),
//!     line: None,
//!     sha256: String::new(),
//!     encoding: "UTF-8".into(),
//!     text: raw.into(),
//!     meta: SourceMeta::default(),
//! };
//! let clean = dossier_clean::clean(&doc, &dossier_clean::Config::default());
//! assert_eq!(
//!     clean.text,
//!     "Ministers meet in Astana\n\nKABUL, AFGHANISTAN – The ministers met in Astana on Thursday to discuss border security."
//! );
//! assert!(clean.has_title);
//! assert_eq!(clean.metadata.author.as_deref(), Some("Jane Doe"));
//! assert_eq!(clean.metadata.dateline.as_deref(), Some("KABUL, AFGHANISTAN"));
//! assert_eq!(clean.metadata.publisher.as_deref(), Some("Example Press"));
//! assert_eq!(clean.metadata.language.as_deref(), Some("en"));
//! ```

mod clean;
mod config;
mod dates;
mod features;
mod language;
mod lines;
mod patterns;
mod region;

pub use crate::{
    clean::clean,
    config::{Config, Mode},
    language::detect_language,
};
