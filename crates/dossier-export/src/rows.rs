//! The wire format: one row type per table, the JSONL record, and the table list.
//!
//! This is the one file to review when the schema changes. A table's columns are listed
//! once, in [`TABLES`], with their type and meaning: the CSV header and the data
//! dictionary (`README.md`) are both written from that list, and a test checks that each
//! row type serialises exactly those columns in that order.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// One column of a table, as the data dictionary describes it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    /// Header name.
    pub(crate) name: &'static str,
    /// Type as a reader of the CSV should parse it.
    pub(crate) ty: &'static str,
    /// What the value means, in one sentence.
    pub(crate) meaning: &'static str,
}

/// One table of the dataset.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TableSpec {
    /// File name in the dataset folder.
    pub(crate) file: &'static str,
    /// What one row stands for.
    pub(crate) row: &'static str,
    /// The order of the rows.
    pub(crate) sorted_by: &'static str,
    /// The columns, in file order.
    pub(crate) columns: &'static [Column],
}

impl TableSpec {
    /// The header row.
    pub(crate) fn header(&self) -> impl Iterator<Item = &'static str> {
        self.columns.iter().map(|c| c.name)
    }
}

const fn col(name: &'static str, ty: &'static str, meaning: &'static str) -> Column {
    Column { name, ty, meaning }
}

/// Which table a row count belongs to (index into [`TABLES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Table {
    Documents = 0,
    Removed = 1,
    Mentions = 2,
    Dates = 3,
    Quotes = 4,
    Entities = 5,
    Cooccurrences = 6,
    Errors = 7,
}

impl Table {
    /// The table's spec.
    pub(crate) fn spec(self) -> &'static TableSpec {
        &TABLES[self as usize]
    }
}

/// Every CSV table, in the order the data dictionary lists them.
pub(crate) const TABLES: [TableSpec; 8] = [
    TableSpec {
        file: "documents.csv",
        row: "article (input document that was read and cleaned)",
        sorted_by: "id",
        columns: &[
            col(
                "id",
                "string",
                "Stable document id: the input path relative to the corpus root without extension, or the JSONL record's id.",
            ),
            col(
                "source_path",
                "string",
                "Input file, relative to the corpus root, `/`-separated.",
            ),
            col(
                "url",
                "string, empty when unknown",
                "URL of the page, when the input gives one.",
            ),
            col(
                "sha256",
                "string (64 hex digits)",
                "SHA-256 of the raw input bytes (the file, or the record's text in UTF-8).",
            ),
            col(
                "encoding",
                "string",
                "Encoding the raw bytes were decoded from (`UTF-8`, `windows-1251`, …).",
            ),
            col(
                "title",
                "string, empty when none",
                "Headline; when present it is also the first line of `text`.",
            ),
            col(
                "publisher",
                "string, empty when unknown",
                "The outlet, as the page names it.",
            ),
            col(
                "author",
                "string, empty when unknown",
                "The author(s), as the byline names them.",
            ),
            col(
                "published",
                "date (YYYY-MM-DD), empty when unknown",
                "Publication date.",
            ),
            col(
                "published_source",
                "`page`, `record` or `url`; empty when `published` is",
                "Where the publication date was found.",
            ),
            col(
                "dateline",
                "string, empty when none",
                "The dateline as written (`KABUL, AFGHANISTAN`).",
            ),
            col(
                "language",
                "string, empty when undetected",
                "Detected language: ISO 639-1 where one exists (`en`), else ISO 639-3.",
            ),
            col(
                "duplicate_of",
                "string, empty",
                "Id of the document this one near-duplicates (not filled yet: always empty).",
            ),
            col(
                "n_chars",
                "integer",
                "Length of `text` in Unicode code points.",
            ),
            col(
                "n_mentions",
                "integer",
                "Number of rows of `mentions.csv` for this document (DATE mentions included).",
            ),
            col(
                "text",
                "string (may hold line breaks)",
                "The clean article: the headline as the first line when there is one, a blank line, then the body paragraphs separated by blank lines.",
            ),
        ],
    },
    TableSpec {
        file: "removed.csv",
        row: "block of raw text the cleaner dropped (one line, or a run of lines dropped for one reason)",
        sorted_by: "doc_id, raw_start",
        columns: &[
            col("doc_id", "string", "The document (`documents.id`)."),
            col(
                "line",
                "integer",
                "1-based number of the block's first line in the raw text.",
            ),
            col(
                "raw_start",
                "integer",
                "Start of the block: code point offset into the decoded raw text.",
            ),
            col(
                "raw_end",
                "integer",
                "End of the block (exclusive): code point offset into the decoded raw text.",
            ),
            col(
                "reason",
                "string",
                "Why it was dropped: `menu`, `language_menu`, `share`, `copyright`, `syndication`, `foreign_language`, `ad`, `related`, `account_widget`, `reply_widget`, `repeated_title`, `breadcrumb`, `category`, `site_chrome`, `publisher_line`, `published_line`, `byline`, `cookie`, `newsletter`, `caption`, `blank`.",
            ),
            col(
                "text",
                "string (may hold line breaks)",
                "The removed raw text.",
            ),
        ],
    },
    TableSpec {
        file: "mentions.csv",
        row: "entity mention (one span; when several extractors found it, the winner)",
        sorted_by: "doc_id, start, end",
        columns: &[
            col("doc_id", "string", "The document (`documents.id`)."),
            col(
                "start",
                "integer",
                "Start: code point offset into `documents.text`.",
            ),
            col(
                "end",
                "integer",
                "End (exclusive): code point offset into `documents.text`.",
            ),
            col(
                "raw_start",
                "integer",
                "Start of the same text in the decoded raw text (code points).",
            ),
            col(
                "raw_end",
                "integer",
                "End (exclusive) of the same text in the decoded raw text (code points).",
            ),
            col(
                "text",
                "string",
                "The mention as written: `text[start:end]`.",
            ),
            col(
                "label",
                "string",
                "`PERSON`, `ORG`, `GPE`, `LOC`, `NORP` or `DATE` (OntoNotes style).",
            ),
            col(
                "entity_id",
                "string, empty for DATE and for unresolved mentions",
                "The canonical entity (`entities.id`).",
            ),
            col(
                "sentence",
                "integer",
                "0-based index of the sentence holding the mention.",
            ),
            col(
                "extractor",
                "string",
                "Who found it: `model`, `gazetteer` or `rule`.",
            ),
            col(
                "confidence",
                "number in [0, 1], 2 decimals",
                "PERSON, ORG, GPE, LOC: a calibrated probability that the mention is exactly right (the share of such mentions, same extractor, label, position and raw score, that matched the gold in cross-validation on the NER corpora); NORP, DATE: the extractor's own score.",
            ),
        ],
    },
    TableSpec {
        file: "dates.csv",
        row: "temporal expression (TimeML TIMEX3)",
        sorted_by: "doc_id, start",
        columns: &[
            col("doc_id", "string", "The document (`documents.id`)."),
            col(
                "start",
                "integer",
                "Start: code point offset into `documents.text`.",
            ),
            col(
                "end",
                "integer",
                "End (exclusive): code point offset into `documents.text`.",
            ),
            col(
                "raw_start",
                "integer",
                "Start of the same text in the decoded raw text (code points).",
            ),
            col(
                "raw_end",
                "integer",
                "End (exclusive) of the same text in the decoded raw text (code points).",
            ),
            col(
                "text",
                "string",
                "The expression as written: `text[start:end]`.",
            ),
            col(
                "type",
                "string",
                "TIMEX3 type: `DATE`, `TIME`, `DURATION` or `SET`.",
            ),
            col(
                "value",
                "string",
                "TIMEX3 value: ISO 8601 where known (`2024-11-25`, `2024-11`, `2025`), TimeML forms where not (`XXXX-12-11`, `XXXX-WXX-4`, `P5Y`, `PAST_REF`).",
            ),
            col(
                "is_mention",
                "boolean (`true`/`false`)",
                "True when the expression is also a DATE row of `mentions.csv` (calendar dates, years, periods); false for vague references (`recently`, `now`).",
            ),
        ],
    },
    TableSpec {
        file: "quotes.csv",
        row: "direct quotation (words between quotation marks reported as someone's own; scare quotes and quoted titles are left out)",
        sorted_by: "doc_id, start",
        columns: &[
            col("doc_id", "string", "The document (`documents.id`)."),
            col(
                "start",
                "integer",
                "Start, at the opening quotation mark: code point offset into `documents.text`.",
            ),
            col(
                "end",
                "integer",
                "End (exclusive), after the closing quotation mark: code point offset into `documents.text`.",
            ),
            col(
                "raw_start",
                "integer",
                "Start of the same text in the decoded raw text (code points).",
            ),
            col(
                "raw_end",
                "integer",
                "End (exclusive) of the same text in the decoded raw text (code points).",
            ),
            col(
                "text",
                "string (may hold line breaks)",
                "The quotation as written, marks included: `text[start:end]`. A quotation over several paragraphs (an opening mark at each, a closing one at the end) is one row.",
            ),
            col(
                "speaker_entity_id",
                "string, empty when the speaker is unnamed or unresolved",
                "Who is quoted (`entities.id`): the entity the attribution names (`…, Lavrov stated`, `according to X`, `X said: …`), or the one a pronoun (`they said`) stands for; a quotation that goes on right after another keeps its speaker.",
            ),
            col(
                "speaker",
                "string, empty when unknown",
                "The speaker's canonical name (`entities.name`).",
            ),
            col(
                "verb",
                "string, empty when none",
                "The reporting verb or phrase as written (`said`, `stated`, `according to`); empty when none is found, for instance when the quotation goes on from the previous one.",
            ),
        ],
    },
    TableSpec {
        file: "entities.csv",
        row: "canonical entity across the corpus",
        sorted_by: "id",
        columns: &[
            col(
                "id",
                "string",
                "Stable id derived from label and canonical name (`org:collective-security-treaty-organization`), or a knowledge-base id; the same across runs and machines.",
            ),
            col(
                "label",
                "string",
                "`PERSON`, `ORG`, `GPE`, `LOC` or `NORP`.",
            ),
            col("name", "string", "Canonical name."),
            col(
                "aliases",
                "string, names joined with ` | `; empty when none",
                "Other names it goes by in the corpus, sorted.",
            ),
            col(
                "kb_id",
                "string, empty when not linked",
                "Id in Dossier's bundled knowledge base: `geonames:<GeoNames id>` for places, `kb:<slug>` for organisations, armed groups, media, people, demonyms and regions.",
            ),
            col(
                "geonames_id",
                "integer, empty when not a linked place",
                "GeoNames id of the place (GPE and LOC), chosen with each document's context (other places and countries it names) and population.",
            ),
            col(
                "lat",
                "number (degrees, WGS 84, 5 decimals), empty when not a linked place",
                "Latitude of the place; for a country its capital's, for a US state its largest city's.",
            ),
            col(
                "lon",
                "number (degrees, WGS 84, 5 decimals), empty when not a linked place",
                "Longitude of the place, as `lat`.",
            ),
            col(
                "country",
                "string (ISO 3166-1 alpha-2), empty when not a linked place",
                "The country the place lies in (the country itself for a country).",
            ),
            col(
                "role",
                "string, empty when none",
                "Role from the knowledge base: `armed_group` for armed and terrorist groups, else the kind of organisation (`intergovernmental`, `news_media`, `government_body`, …) or person (`head_of_state`, `minister`, `official`, …).",
            ),
            col(
                "watched",
                "boolean (`true`/`false`)",
                "True when the entity matches the analyst's watch-list (the entities file named in `dossier.toml`).",
            ),
            col("n_mentions", "integer", "Number of mentions in the corpus."),
            col(
                "n_documents",
                "integer",
                "Number of documents that mention it.",
            ),
        ],
    },
    TableSpec {
        file: "cooccurrences.csv",
        row: "pair of entities named in the same sentence at least once",
        sorted_by: "a, b",
        columns: &[
            col(
                "a",
                "string",
                "The first entity (`entities.id`), the smaller id of the two.",
            ),
            col("b", "string", "The second entity (`entities.id`)."),
            col("a_name", "string", "Name of `a` (`entities.name`)."),
            col("b_name", "string", "Name of `b` (`entities.name`)."),
            col(
                "n_sentences",
                "integer",
                "Number of sentences that name both (DATE mentions do not count).",
            ),
            col(
                "n_documents",
                "integer",
                "Number of documents with at least one such sentence.",
            ),
        ],
    },
    TableSpec {
        file: "errors.csv",
        row: "rejected input (the run went on without it)",
        sorted_by: "source_path, line, stage, reason",
        columns: &[
            col(
                "source_path",
                "string",
                "Input file, relative to the corpus root where possible.",
            ),
            col(
                "line",
                "integer, empty when none",
                "1-based line of a JSONL record.",
            ),
            col(
                "stage",
                "string",
                "The part of the pipeline that rejected it: `corpus` (unreadable input), `export` (refused by the writer) or `pipeline` (an internal error while processing the document).",
            ),
            col("reason", "string", "Why, in one line."),
        ],
    },
];

/// The fields of a `dataset.jsonl` record, for the data dictionary.
pub(crate) const JSONL_FIELDS: &[Column] = &[
    col("id", "string", "As `documents.id`."),
    col("source_path", "string", "As `documents.source_path`."),
    col("url", "string or null", "As `documents.url`."),
    col("sha256", "string", "As `documents.sha256`."),
    col("title", "string or null", "As `documents.title`."),
    col("publisher", "string or null", "As `documents.publisher`."),
    col("author", "string or null", "As `documents.author`."),
    col(
        "published",
        "string (YYYY-MM-DD) or null",
        "As `documents.published`.",
    ),
    col("dateline", "string or null", "As `documents.dateline`."),
    col("language", "string or null", "As `documents.language`."),
    col("text", "string", "As `documents.text`."),
    col(
        "mentions",
        "array of objects",
        "The document's rows of `mentions.csv`, in the same order, with the fields `start`, `end`, `text`, `label`, `entity_id` (null when empty), `sentence`, `extractor`, `confidence` (a number).",
    ),
    col(
        "dates",
        "array of objects",
        "The document's rows of `dates.csv`, in the same order, with the fields `start`, `end`, `text`, `type`, `value`.",
    ),
    col(
        "quotes",
        "array of objects",
        "The document's rows of `quotes.csv`, in the same order, with the fields `start`, `end`, `text`, `speaker_entity_id`, `speaker`, `verb` (null when empty).",
    ),
];

/// A row of `documents.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DocumentRow<'a> {
    #[serde(borrow)]
    pub(crate) id: Cow<'a, str>,
    #[serde(borrow)]
    pub(crate) source_path: Cow<'a, str>,
    #[serde(borrow)]
    pub(crate) url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub(crate) sha256: Cow<'a, str>,
    #[serde(borrow)]
    pub(crate) encoding: Cow<'a, str>,
    #[serde(borrow)]
    pub(crate) title: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub(crate) publisher: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub(crate) author: Option<Cow<'a, str>>,
    /// ISO date.
    #[serde(borrow)]
    pub(crate) published: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub(crate) published_source: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub(crate) dateline: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub(crate) language: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub(crate) duplicate_of: Option<Cow<'a, str>>,
    pub(crate) n_chars: u64,
    pub(crate) n_mentions: u64,
    #[serde(borrow)]
    pub(crate) text: Cow<'a, str>,
}

/// A row of `removed.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct RemovedRow<'a> {
    #[serde(borrow)]
    pub(crate) doc_id: Cow<'a, str>,
    pub(crate) line: u64,
    pub(crate) raw_start: u64,
    pub(crate) raw_end: u64,
    #[serde(borrow)]
    pub(crate) reason: Cow<'a, str>,
    #[serde(borrow)]
    pub(crate) text: Cow<'a, str>,
}

/// A row of `mentions.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct MentionRow<'a> {
    #[serde(borrow)]
    pub(crate) doc_id: Cow<'a, str>,
    pub(crate) start: u64,
    pub(crate) end: u64,
    pub(crate) raw_start: u64,
    pub(crate) raw_end: u64,
    #[serde(borrow)]
    pub(crate) text: Cow<'a, str>,
    #[serde(borrow)]
    pub(crate) label: Cow<'a, str>,
    #[serde(borrow)]
    pub(crate) entity_id: Option<Cow<'a, str>>,
    pub(crate) sentence: u64,
    #[serde(borrow)]
    pub(crate) extractor: Cow<'a, str>,
    /// Already formatted with 2 decimals (see [`Confidence`]).
    #[serde(borrow)]
    pub(crate) confidence: Cow<'a, str>,
}

/// A row of `dates.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DateRow<'a> {
    #[serde(borrow)]
    pub(crate) doc_id: Cow<'a, str>,
    pub(crate) start: u64,
    pub(crate) end: u64,
    pub(crate) raw_start: u64,
    pub(crate) raw_end: u64,
    #[serde(borrow)]
    pub(crate) text: Cow<'a, str>,
    #[serde(rename = "type")]
    #[serde(borrow)]
    pub(crate) kind: Cow<'a, str>,
    #[serde(borrow)]
    pub(crate) value: Cow<'a, str>,
    pub(crate) is_mention: bool,
}

/// A row of `quotes.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct QuoteRow<'a> {
    #[serde(borrow)]
    pub(crate) doc_id: Cow<'a, str>,
    pub(crate) start: u64,
    pub(crate) end: u64,
    pub(crate) raw_start: u64,
    pub(crate) raw_end: u64,
    #[serde(borrow)]
    pub(crate) text: Cow<'a, str>,
    #[serde(borrow)]
    pub(crate) speaker_entity_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub(crate) speaker: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub(crate) verb: Option<Cow<'a, str>>,
}

/// A row of `entities.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct EntityRow<'a> {
    pub(crate) id: &'a str,
    pub(crate) label: &'a str,
    pub(crate) name: &'a str,
    pub(crate) aliases: String,
    pub(crate) kb_id: Option<&'a str>,
    pub(crate) geonames_id: Option<u64>,
    /// Already formatted with 5 decimals.
    pub(crate) lat: Option<String>,
    /// Already formatted with 5 decimals.
    pub(crate) lon: Option<String>,
    pub(crate) country: Option<&'a str>,
    pub(crate) role: Option<&'a str>,
    pub(crate) watched: bool,
    pub(crate) n_mentions: u64,
    pub(crate) n_documents: u64,
}

/// A row of `cooccurrences.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CooccurrenceRow<'a> {
    pub(crate) a: &'a str,
    pub(crate) b: &'a str,
    pub(crate) a_name: &'a str,
    pub(crate) b_name: &'a str,
    pub(crate) n_sentences: u64,
    pub(crate) n_documents: u64,
}

/// A row of `errors.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ErrorRow<'a> {
    pub(crate) source_path: &'a str,
    pub(crate) line: Option<u64>,
    pub(crate) stage: &'a str,
    pub(crate) reason: &'a str,
}

/// One line of `dataset.jsonl`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct JsonlRecord<'a> {
    pub(crate) id: &'a str,
    pub(crate) source_path: &'a str,
    pub(crate) url: Option<&'a str>,
    pub(crate) sha256: &'a str,
    pub(crate) title: Option<&'a str>,
    pub(crate) publisher: Option<&'a str>,
    pub(crate) author: Option<&'a str>,
    pub(crate) published: Option<&'a str>,
    pub(crate) dateline: Option<&'a str>,
    pub(crate) language: Option<&'a str>,
    pub(crate) text: &'a str,
    pub(crate) mentions: Vec<JsonlMention<'a>>,
    pub(crate) dates: Vec<JsonlDate<'a>>,
    pub(crate) quotes: Vec<JsonlQuote<'a>>,
}

/// A mention inside a [`JsonlRecord`].
#[derive(Debug, Clone, Serialize)]
pub(crate) struct JsonlMention<'a> {
    pub(crate) start: u64,
    pub(crate) end: u64,
    pub(crate) text: &'a str,
    pub(crate) label: &'a str,
    pub(crate) entity_id: Option<&'a str>,
    pub(crate) sentence: u64,
    pub(crate) extractor: &'a str,
    pub(crate) confidence: f64,
}

/// A temporal expression inside a [`JsonlRecord`].
#[derive(Debug, Clone, Serialize)]
pub(crate) struct JsonlDate<'a> {
    pub(crate) start: u64,
    pub(crate) end: u64,
    pub(crate) text: &'a str,
    #[serde(rename = "type")]
    pub(crate) kind: &'a str,
    pub(crate) value: &'a str,
}

/// A quotation inside a [`JsonlRecord`].
#[derive(Debug, Clone, Serialize)]
pub(crate) struct JsonlQuote<'a> {
    pub(crate) start: u64,
    pub(crate) end: u64,
    pub(crate) text: &'a str,
    pub(crate) speaker_entity_id: Option<&'a str>,
    pub(crate) speaker: Option<&'a str>,
    pub(crate) verb: Option<&'a str>,
}

/// A confidence rounded to hundredths, so that the CSV (`0.90`) and the JSONL (`0.9`)
/// say the same thing. Values outside [0, 1] are clamped; NaN counts as 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Confidence(u32);

impl Confidence {
    pub(crate) fn new(value: f32) -> Confidence {
        let v = if value.is_nan() {
            0.0
        } else {
            f64::from(value).clamp(0.0, 1.0)
        };
        Confidence((v * 100.0).round() as u32)
    }

    /// Parses the CSV form back (`0.90`).
    pub(crate) fn parse(s: &str) -> Option<Confidence> {
        let (int, frac) = s.split_once('.')?;
        let hundredths = int.parse::<u32>().ok()? * 100 + frac.parse::<u32>().ok()?;
        Some(Confidence(hundredths))
    }

    /// The CSV form: two decimals.
    pub(crate) fn to_csv(self) -> String {
        format!("{}.{:02}", self.0 / 100, self.0 % 100)
    }

    /// The JSON number.
    pub(crate) fn to_f64(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header csv would derive from a row type's fields.
    fn serde_header<T: Serialize>(row: &T) -> Vec<String> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(row).unwrap();
        let bytes = w.into_inner().unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        r.headers().unwrap().iter().map(str::to_owned).collect()
    }

    fn check(table: Table, got: Vec<String>) {
        let want: Vec<&str> = table.spec().header().collect();
        assert_eq!(got, want, "{}", table.spec().file);
    }

    #[test]
    fn row_types_match_the_table_list() {
        let doc = DocumentRow {
            id: "".into(),
            source_path: "".into(),
            url: None,
            sha256: "".into(),
            encoding: "".into(),
            title: None,
            publisher: None,
            author: None,
            published: None,
            published_source: None,
            dateline: None,
            language: None,
            duplicate_of: None,
            n_chars: 0,
            n_mentions: 0,
            text: "".into(),
        };
        check(Table::Documents, serde_header(&doc));
        let removed = RemovedRow {
            doc_id: "".into(),
            line: 0,
            raw_start: 0,
            raw_end: 0,
            reason: "".into(),
            text: "".into(),
        };
        check(Table::Removed, serde_header(&removed));
        let mention = MentionRow {
            doc_id: "".into(),
            start: 0,
            end: 0,
            raw_start: 0,
            raw_end: 0,
            text: "".into(),
            label: "".into(),
            entity_id: None,
            sentence: 0,
            extractor: "".into(),
            confidence: "".into(),
        };
        check(Table::Mentions, serde_header(&mention));
        let date = DateRow {
            doc_id: "".into(),
            start: 0,
            end: 0,
            raw_start: 0,
            raw_end: 0,
            text: "".into(),
            kind: "".into(),
            value: "".into(),
            is_mention: false,
        };
        check(Table::Dates, serde_header(&date));
        let quote = QuoteRow {
            doc_id: "".into(),
            start: 0,
            end: 0,
            raw_start: 0,
            raw_end: 0,
            text: "".into(),
            speaker_entity_id: None,
            speaker: None,
            verb: None,
        };
        check(Table::Quotes, serde_header(&quote));
        let entity = EntityRow {
            id: "",
            label: "",
            name: "",
            aliases: String::new(),
            kb_id: None,
            geonames_id: None,
            lat: None,
            lon: None,
            country: None,
            role: None,
            watched: false,
            n_mentions: 0,
            n_documents: 0,
        };
        check(Table::Entities, serde_header(&entity));
        let co = CooccurrenceRow {
            a: "",
            b: "",
            a_name: "",
            b_name: "",
            n_sentences: 0,
            n_documents: 0,
        };
        check(Table::Cooccurrences, serde_header(&co));
        let error = ErrorRow {
            source_path: "",
            line: None,
            stage: "",
            reason: "",
        };
        check(Table::Errors, serde_header(&error));
        for (i, t) in [
            Table::Documents,
            Table::Removed,
            Table::Mentions,
            Table::Dates,
            Table::Quotes,
            Table::Entities,
            Table::Cooccurrences,
            Table::Errors,
        ]
        .into_iter()
        .enumerate()
        {
            assert_eq!(t as usize, i);
        }
    }

    #[test]
    fn jsonl_fields_match_the_record() {
        let rec = JsonlRecord {
            id: "",
            source_path: "",
            url: None,
            sha256: "",
            title: None,
            publisher: None,
            author: None,
            published: None,
            dateline: None,
            language: None,
            text: "",
            mentions: vec![],
            dates: vec![],
            quotes: vec![],
        };
        let value = serde_json::to_value(&rec).unwrap();
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut want: Vec<&str> = JSONL_FIELDS.iter().map(|c| c.name).collect();
        want.sort_unstable(); // serde_json's map is sorted without preserve_order
        assert_eq!(keys, want);
    }

    #[test]
    fn confidence_rounds_to_hundredths() {
        assert_eq!(Confidence::new(0.9).to_csv(), "0.90");
        assert_eq!(Confidence::new(0.9).to_f64(), 0.9);
        assert_eq!(Confidence::new(1.0).to_csv(), "1.00");
        assert_eq!(Confidence::new(0.004).to_csv(), "0.00");
        assert_eq!(Confidence::new(0.756).to_csv(), "0.76");
        assert_eq!(Confidence::new(7.0).to_csv(), "1.00");
        assert_eq!(Confidence::new(-1.0).to_csv(), "0.00");
        assert_eq!(Confidence::new(f32::NAN).to_csv(), "0.00");
        assert_eq!(Confidence::parse("0.76"), Some(Confidence::new(0.756)));
    }
}
