//! One document's rows, computed when it is added and parked on disk until `finish`.
//!
//! Everything that needs the document's texts (code-point offsets, raw offsets through
//! the offset map, removed raw text) is computed here, so `finish` only needs the spilled
//! record and the [`Resolution`](dossier_core::Resolution) to write every table. The rows
//! borrow their strings from the document when spilled, and from the record when read
//! back.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use dossier_core::{
    Annotations, CleanDocument, EntityKey, Label, Quote, RawDocument, Resolution, Span, Timex,
};

use crate::chars::CharOffsets;
use crate::error::ExportError;
use crate::rows::{Confidence, DateRow, DocumentRow, MentionRow, QuoteRow, RemovedRow};

/// Everything the pipeline knows about one document, as handed to
/// [`DatasetWriter::add_document`](crate::DatasetWriter::add_document).
#[derive(Debug, Clone, Copy)]
pub struct DocumentInput<'a> {
    /// The document as read: id, source path, hash, raw text, input metadata.
    pub raw: &'a RawDocument,
    /// The cleaned document: clean text, offset map to `raw.text`, removed blocks,
    /// metadata.
    pub clean: &'a CleanDocument,
    /// Temporal expressions (byte spans in `clean.text`).
    pub timexes: &'a [Timex],
    /// Entity mentions (byte spans in `clean.text`), DATE mentions included.
    pub annotations: &'a Annotations,
    /// Direct quotations (byte spans in `clean.text`); their speaker keys are mapped to
    /// entity ids like the mentions' keys.
    pub quotes: &'a [Quote],
}

/// The spilled form of a document: one record of the spill file, in postcard's compact
/// binary form (strings are read back borrowed from the record's bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SpillDoc<'a> {
    #[serde(borrow)]
    pub(crate) document: DocumentRow<'a>,
    /// Sorted by `raw_start`.
    #[serde(borrow)]
    pub(crate) removed: Vec<RemovedRow<'a>>,
    /// Sorted by `start`, `end`.
    #[serde(borrow)]
    pub(crate) mentions: Vec<SpillMention<'a>>,
    /// Sorted by `start`, `end`.
    #[serde(borrow)]
    pub(crate) dates: Vec<DateRow<'a>>,
    /// Sorted by `start`, `end`.
    #[serde(borrow)]
    pub(crate) quotes: Vec<SpillQuote<'a>>,
}

/// A mention row before resolution: `row.entity_id` is empty and `canonical` holds the
/// name half of its [`EntityKey`] (the label half is `row.label`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SpillMention<'a> {
    #[serde(borrow)]
    pub(crate) row: MentionRow<'a>,
    /// `None` for DATE mentions, which never join an entity.
    #[serde(borrow)]
    pub(crate) canonical: Option<Cow<'a, str>>,
}

impl<'a> SpillMention<'a> {
    /// The mention row with its entity id filled in from the resolution, the document's own
    /// exception first (empty when the key is unresolved).
    pub(crate) fn resolve(self, resolution: &'a Resolution) -> MentionRow<'a> {
        let SpillMention { mut row, canonical } = self;
        if let (Some(name), Some(label)) = (canonical, Label::parse(&row.label)) {
            let key = EntityKey {
                label,
                name: name.into_owned(),
            };
            row.entity_id = resolution
                .get_in(&row.doc_id, &key)
                .map(|e| Cow::Borrowed(e.id.as_str()));
        }
        row
    }
}

/// A quote row before resolution: `row.speaker_entity_id` and `row.speaker` are empty;
/// `speaker` holds the speaker's [`EntityKey`] as (label, name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SpillQuote<'a> {
    #[serde(borrow)]
    pub(crate) row: QuoteRow<'a>,
    #[serde(borrow)]
    pub(crate) speaker: Option<(Cow<'a, str>, Cow<'a, str>)>,
}

impl<'a> SpillQuote<'a> {
    /// The quote row with its speaker filled in: the entity id and name from the
    /// resolution, or only the within-document canonical name when the key is unresolved.
    pub(crate) fn resolve(self, resolution: &'a Resolution) -> QuoteRow<'a> {
        let SpillQuote { mut row, speaker } = self;
        if let Some((label, name)) = speaker {
            let entity = Label::parse(&label).and_then(|label| {
                resolution.get_in(
                    &row.doc_id,
                    &EntityKey {
                        label,
                        name: name.to_string(),
                    },
                )
            });
            row.speaker_entity_id = entity.map(|e| Cow::Borrowed(e.id.as_str()));
            row.speaker = Some(entity.map_or(name, |e| Cow::Borrowed(e.name.as_str())));
        }
        row
    }
}

/// Checks that a span is ordered and that both ends are character boundaries of `text`
/// (`text_name` says which text), then registers both ends.
fn push_span(
    doc: &DocumentInput<'_>,
    what: &'static str,
    (text_name, text): (&'static str, &str),
    span: Span,
    into: &mut Vec<usize>,
) -> Result<(), ExportError> {
    for at in [span.start, span.end] {
        if !text.is_char_boundary(at) {
            return Err(invalid(doc, what, text_name, at));
        }
    }
    if span.start > span.end {
        return Err(invalid(doc, what, text_name, span.end));
    }
    into.push(span.start);
    into.push(span.end);
    Ok(())
}

fn invalid(
    doc: &DocumentInput<'_>,
    what: &'static str,
    text: &'static str,
    offset: usize,
) -> ExportError {
    ExportError::InvalidSpan {
        id: doc.raw.id.to_string(),
        source_path: doc.raw.source_path.clone(),
        line: doc.raw.line,
        what,
        text,
        offset,
    }
}

/// Computes every row of one document. Fails, without side effects, when a span does not
/// fit its text.
pub(crate) fn spill_doc<'a>(doc: &DocumentInput<'a>) -> Result<SpillDoc<'a>, ExportError> {
    let (raw, clean) = (doc.raw, doc.clean);
    let mentions = &doc.annotations.mentions;

    // Clean spans first: the offset map is only asked about valid spans.
    let mut clean_bytes =
        Vec::with_capacity(2 * (mentions.len() + doc.timexes.len() + doc.quotes.len()) + 1);
    clean_bytes.push(clean.text.len());
    for m in mentions {
        push_span(
            doc,
            "mention",
            ("clean", &clean.text),
            m.span,
            &mut clean_bytes,
        )?;
    }
    for t in doc.timexes {
        push_span(
            doc,
            "timex",
            ("clean", &clean.text),
            t.span,
            &mut clean_bytes,
        )?;
    }
    for q in doc.quotes {
        push_span(
            doc,
            "quote",
            ("clean", &clean.text),
            q.span,
            &mut clean_bytes,
        )?;
    }
    let clean_chars =
        CharOffsets::new(&clean.text, clean_bytes).map_err(|b| invalid(doc, "span", "clean", b))?;

    let mention_raw: Vec<Span> = mentions
        .iter()
        .map(|m| clean.offsets.span_to_raw(m.span))
        .collect();
    let timex_raw: Vec<Span> = doc
        .timexes
        .iter()
        .map(|t| clean.offsets.span_to_raw(t.span))
        .collect();
    let quote_raw: Vec<Span> = doc
        .quotes
        .iter()
        .map(|q| clean.offsets.span_to_raw(q.span))
        .collect();
    let mut raw_bytes = Vec::with_capacity(
        2 * (mentions.len() + doc.timexes.len() + doc.quotes.len() + clean.removed.len()),
    );
    for &s in mention_raw.iter().chain(&timex_raw).chain(&quote_raw) {
        push_span(doc, "offset map", ("raw", &raw.text), s, &mut raw_bytes)?;
    }
    for r in &clean.removed {
        push_span(
            doc,
            "removed block",
            ("raw", &raw.text),
            r.raw,
            &mut raw_bytes,
        )?;
    }
    let raw_chars =
        CharOffsets::new(&raw.text, raw_bytes).map_err(|b| invalid(doc, "span", "raw", b))?;

    let id = raw.id.as_str();
    let mut removed: Vec<RemovedRow> = clean
        .removed
        .iter()
        .map(|r| RemovedRow {
            doc_id: id.into(),
            line: r.line as u64,
            raw_start: raw_chars.get(r.raw.start),
            raw_end: raw_chars.get(r.raw.end),
            reason: r.reason.as_str().into(),
            text: raw.text[r.raw.range()].into(),
        })
        .collect();
    removed.sort_by_key(|r| (r.raw_start, r.raw_end));

    let mut spilled: Vec<SpillMention> = mentions
        .iter()
        .zip(&mention_raw)
        .map(|(m, r)| SpillMention {
            row: MentionRow {
                doc_id: id.into(),
                start: clean_chars.get(m.span.start),
                end: clean_chars.get(m.span.end),
                raw_start: raw_chars.get(r.start),
                raw_end: raw_chars.get(r.end),
                text: clean.text[m.span.range()].into(),
                label: m.label.as_str().into(),
                entity_id: None,
                sentence: m.sentence as u64,
                extractor: m.extractor.as_str().into(),
                confidence: Confidence::new(m.confidence).to_csv().into(),
            },
            canonical: (m.label != Label::Date).then(|| m.canonical.as_str().into()),
        })
        .collect();
    spilled.sort_by_key(|m| (m.row.start, m.row.end));

    let mut dates: Vec<DateRow> = doc
        .timexes
        .iter()
        .zip(&timex_raw)
        .map(|(t, r)| DateRow {
            doc_id: id.into(),
            start: clean_chars.get(t.span.start),
            end: clean_chars.get(t.span.end),
            raw_start: raw_chars.get(r.start),
            raw_end: raw_chars.get(r.end),
            text: clean.text[t.span.range()].into(),
            kind: t.kind.as_str().into(),
            value: t.value.as_str().into(),
            is_mention: t.is_mention,
        })
        .collect();
    dates.sort_by_key(|d| (d.start, d.end));

    let mut quotes: Vec<SpillQuote> = doc
        .quotes
        .iter()
        .zip(&quote_raw)
        .map(|(q, r)| SpillQuote {
            row: QuoteRow {
                doc_id: id.into(),
                start: clean_chars.get(q.span.start),
                end: clean_chars.get(q.span.end),
                raw_start: raw_chars.get(r.start),
                raw_end: raw_chars.get(r.end),
                text: clean.text[q.span.range()].into(),
                speaker_entity_id: None,
                speaker: None,
                verb: q.verb.as_deref().map(Cow::Borrowed),
            },
            speaker: q
                .speaker
                .as_ref()
                .map(|k| (k.label.as_str().into(), k.name.as_str().into())),
        })
        .collect();
    quotes.sort_by_key(|q| (q.row.start, q.row.end));

    let meta = &clean.metadata;
    let document = DocumentRow {
        id: id.into(),
        source_path: raw.source_path.as_str().into(),
        url: raw.meta.url.as_deref().map(Cow::Borrowed),
        sha256: raw.sha256.as_str().into(),
        encoding: raw.encoding.as_str().into(),
        title: meta.title.as_deref().map(Cow::Borrowed),
        publisher: meta.publisher.as_deref().map(Cow::Borrowed),
        author: meta.author.as_deref().map(Cow::Borrowed),
        published: meta.published.map(|d| d.to_string().into()),
        published_source: meta
            .published
            .and(meta.published_source)
            .map(|s| s.as_str().into()),
        dateline: meta.dateline.as_deref().map(Cow::Borrowed),
        language: meta.language.as_deref().map(Cow::Borrowed),
        duplicate_of: None,
        n_chars: clean_chars.get(clean.text.len()),
        n_mentions: spilled.len() as u64,
        text: clean.text.as_str().into(),
    };
    Ok(SpillDoc {
        document,
        removed,
        mentions: spilled,
        dates,
        quotes,
    })
}
