//! Shared types of the Dossier pipeline.
//!
//! Every stage crate (`dossier-corpus`, `dossier-clean`, `dossier-time`,
//! `dossier-entities`, `dossier-export`) depends on this crate and on nothing else of
//! Dossier: the values defined here are the hand-off between stages.
//!
//! ```text
//! RawDocument ─► clean ─► CleanDocument ─► time ─► Timex ─► entities ─► Mention ─► export
//! ```
//!
//! What it does: defines [`DocId`], [`Span`] (byte ranges), [`OffsetMap`] (clean text back
//! to raw text), [`RawDocument`], [`CleanDocument`], [`Timex`], [`Mention`], [`Entity`] and
//! [`Resolution`], plus a few text helpers every stage needs ([`char_offset`]).
//!
//! What it does not do: no I/O, no parsing, no serialisation format. These types are not
//! the wire format: each I/O crate owns its own rows.
//!
//! # Example
//! ```
//! use dossier_core::{OffsetMap, Span};
//!
//! // "a\u{a0}b" (NBSP is two bytes) was cleaned to "a b".
//! let raw = "a\u{a0}b";
//! let mut map = OffsetMap::default();
//! map.push_copy(0, 1); // "a"
//! map.push_replace(1, 2, 1); // NBSP -> " "
//! map.push_copy(3, 1); // "b"
//! assert_eq!(map.span_to_raw(Span::new(2, 3)), Span::new(3, 4));
//! assert_eq!(&raw[map.span_to_raw(Span::new(0, 3)).range()], raw);
//! ```

mod date;
mod document;
mod entity;
mod offsets;
mod span;
mod text;

pub use crate::{
    date::{Date, DateSource},
    document::{
        CleanDocument, DocId, ErrorRecord, Metadata, RawDocument, RemovalReason, RemovedBlock,
        SourceMeta,
    },
    entity::{
        Annotations, Cooccurrence, Entity, EntityKey, Extractor, GeoLink, Label, Mention, Quote,
        Resolution, Timex, TimexType,
    },
    offsets::OffsetMap,
    span::Span,
    text::{char_offset, slugify},
};
