//! Direct quotations in a clean text, with their speakers and reporting verbs.
//!
//! What it does: [`find_quotes`] finds the stretches of a clean text between quotation
//! marks — straight `"…"`, curly `“…”`, `„…“`, guillemets `«…»` and, unless
//! [`Config::single_quotes`] is off, `‘…’` and `'…'` — keeps those that are quotations
//! (at least [`Config::min_words`] words, and punctuated like speech or attributed; scare
//! quotes such as “security belt” and quoted titles are dropped) and attributes each one:
//!
//! - a reporting verb after it in its sentence: `“…,” Lavrov stated`, `“…,” said Lavrov`,
//!   `“…,” Natalia Kharitonova, spokesperson for the CSTO, said`, `“…,” according to TASS`;
//! - else one in its lead-in: `the CSTO declared, “…”`, `Lavrov said: “…”`,
//!   `According to Lavrov, “…”`, `Lavrov told reporters that “…”`;
//! - a pronoun subject (`“…,” they said`) resolves to the previous quotation's speaker when
//!   that quotation is in the sentence before, else he/she to the nearest preceding
//!   PERSON and they/it to the subject of the previous sentence (an ORG, NORP or GPE
//!   mention, the one heading "foreign ministers"/"officials" first);
//! - a quotation right after an attributed one, with nothing but the attribution between
//!   them, goes on in the same voice (speaker kept, no verb).
//!
//! The speaker is the [`EntityKey`](dossier_core::EntityKey) of an entity mention (label
//! and within-document canonical name). A speaker named only by a title ("the minister
//! said") is the nearest person before it whom the document gave that title ("Foreign
//! Minister Sergey Lavrov"), else empty; the verb is kept. A quotation over several paragraphs (an opening
//! mark at each paragraph, one closing mark at the end) is one [`Quote`](dossier_core::Quote)
//! spanning all of them; a quotation interrupted by its attribution (`“A,” he said, “B.”`)
//! is two quotes with the same speaker. Quotes nested inside a quotation are part of it.
//!
//! What it does not do: no indirect speech ("Lavrov said that talks failed"), no
//! coreference beyond the pronoun rules above, no I/O. It finds no entity mentions itself:
//! a speaker the entity stage missed is not found.
//!
//! # Example
//! ```
//! use dossier_core::{Annotations, Extractor, Label, Mention, Span};
//! use dossier_quotes::{Config, find_quotes};
//!
//! let text = "“We must engage the Taliban in dialogue,” Lavrov stated.";
//! let lavrov = Mention {
//!     span: Span::new(46, 52),
//!     label: Label::Person,
//!     canonical: "Sergey Lavrov".into(),
//!     extractor: Extractor::Gazetteer,
//!     confidence: 0.9,
//!     sentence: 0,
//! };
//! let annotations = Annotations { sentences: vec![], mentions: vec![lavrov] };
//! let quotes = find_quotes(text, &annotations, &Config::default());
//! assert_eq!(quotes.len(), 1);
//! assert_eq!(&text[quotes[0].span.range()], "“We must engage the Taliban in dialogue,”");
//! assert_eq!(quotes[0].speaker.as_ref().unwrap().name, "Sergey Lavrov");
//! assert_eq!(quotes[0].verb.as_deref(), Some("stated"));
//! ```

mod attribute;
mod config;
mod find;
mod marks;
mod text;

pub use crate::{config::Config, find::find_quotes};
