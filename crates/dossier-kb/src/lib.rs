//! The offline knowledge base of Dossier, entity linking, and cross-document resolution.
//!
//! What it does: [`Kb::embedded`] is a knowledge base bundled with the crate (GeoNames
//! countries, US states, continents and cities of 15,000 people or more with coordinates
//! and Latin-script alternate names; organisations, armed groups with their aliases and
//! transliterations, news media, demonyms, regions and a few officials; see
//! `data/SOURCES.md`), rebuilt by `cargo xtask build-kb`. [`link_place`] picks the GeoNames
//! place a GPE/LOC name stands for with the document's context ([`PlaceContext`]:
//! Moscow beside Russia is in Russia, not Idaho). [`Resolver`] collects every document's
//! mentions and [`finish`](Resolver::finish)es into a [`Resolution`](dossier_core::Resolution):
//! corpus-wide entities with their knowledge-base id, place, role, aliases, the analyst's
//! watch-list flag ([`UserConfig`], parsed from an `entities.toml` text), and the entity
//! pairs named in one sentence.
//!
//! What it does not do: no I/O (the data are embedded; the runner reads the user file and
//! hands over its text), no mention finding (the entity stage does that), no network
//! look-ups, no merging of two people on a shared surname alone.
//!
//! Places are read per document: a name that one document reads as another place than
//! the rest of the corpus (Moscow beside Idaho and Boise) gives that document's mentions
//! an entity of their own ("Moscow, Idaho", `geonames:5601538`), found through
//! [`Resolution::get_in`](dossier_core::Resolution::get_in).
//!
//! # Example
//! ```
//! use dossier_core::{Annotations, DocId, EntityKey, Extractor, Label, Mention, Span};
//! use dossier_kb::{Kb, Resolver, UserConfig};
//!
//! let text = "ISKP attacked Moscow, Russia. Islamic State Khorasan denied it.";
//! let mention = |start: usize, end: usize, label, canonical: &str, sentence| Mention {
//!     span: Span::new(start, end),
//!     label,
//!     canonical: canonical.to_string(),
//!     extractor: Extractor::Gazetteer,
//!     confidence: 0.9,
//!     sentence,
//! };
//! let annotations = Annotations {
//!     sentences: vec![Span::new(0, 29), Span::new(30, text.len())],
//!     mentions: vec![
//!         mention(0, 4, Label::Org, "ISKP", 0),
//!         mention(14, 20, Label::Gpe, "Moscow", 0),
//!         mention(22, 28, Label::Gpe, "Russia", 0),
//!         mention(30, 52, Label::Org, "Islamic State Khorasan", 1),
//!     ],
//! };
//! let config = UserConfig::parse("[[watch]]\nname = \"ISIS-K\"\n")?;
//! let mut resolver = Resolver::new(Kb::embedded(), &config);
//! resolver.add(&DocId::new("doc"), &annotations, text);
//! let resolution = resolver.finish();
//!
//! let isk = resolution.get(&EntityKey::of(&annotations.mentions[0])).unwrap();
//! assert_eq!(isk.name, "Islamic State – Khorasan Province");
//! assert_eq!(isk.kb_id.as_deref(), Some("kb:islamic-state-khorasan-province"));
//! assert_eq!(isk.role.as_deref(), Some("armed_group"));
//! assert_eq!(isk.aliases, ["ISKP", "Islamic State Khorasan"]);
//! assert!(isk.watched);
//! let moscow = resolution.entities.iter().find(|e| e.name == "Moscow").unwrap();
//! assert_eq!(moscow.geo.as_ref().unwrap().country, "RU");
//! assert_eq!(resolution.cooccurrences.len(), 3);
//! # Ok::<(), dossier_kb::ConfigError>(())
//! ```

mod config;
mod kb;
mod link;
mod norm;
mod resolve;

pub use crate::{
    config::{ConfigError, UserConfig},
    kb::{Kb, KbEntry, Place, PlaceKind},
    link::{PlaceContext, link_place},
    resolve::Resolver,
};
