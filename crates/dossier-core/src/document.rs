//! Documents as they move through the pipeline: raw, then clean.

use std::fmt;

use crate::{Date, DateSource, OffsetMap, Span};

/// A stable, readable document identifier: the path relative to the corpus root without
/// extension, `/`-separated (`sub/000_4ae1992870ac7afe`), or a JSONL record's own id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(String);

impl DocId {
    /// Wraps an identifier.
    pub fn new(id: impl Into<String>) -> DocId {
        DocId(id.into())
    }

    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What the input itself says about a document, besides its text (JSONL fields).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMeta {
    /// The record's title.
    pub title: Option<String>,
    /// The record's publication date.
    pub published: Option<Date>,
    /// The page's URL.
    pub url: Option<String>,
    /// The record's source (outlet) name.
    pub source: Option<String>,
}

/// A document as read from the corpus: decoded, hashed, identified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDocument {
    /// Stable id.
    pub id: DocId,
    /// Path of the input file relative to the corpus root (`/`-separated); for JSONL the
    /// file's path.
    pub source_path: String,
    /// 1-based line of the record in a JSONL file; `None` for a file per document.
    pub line: Option<u64>,
    /// Lower-case hex SHA-256 of the raw bytes (the file, or the record's `text` in UTF-8).
    pub sha256: String,
    /// Name of the encoding the bytes were decoded from (`UTF-8`, `windows-1251`, …).
    pub encoding: String,
    /// The decoded text, byte-order mark removed, line ends as in the input.
    pub text: String,
    /// What the input says about the document beside its text.
    pub meta: SourceMeta,
}

/// Why a block of raw text was left out of the clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum RemovalReason {
    /// Empty apart from whitespace (NBSP, zero-width characters).
    Blank,
    /// Site navigation: runs of short menu items.
    Menu,
    /// A list of languages or a language switcher.
    LanguageMenu,
    /// Share and follow buttons, social links.
    Share,
    /// Copyright and "all rights reserved" lines.
    Copyright,
    /// "The post … appeared first on …" and similar syndication footers.
    Syndication,
    /// A line in another language or script than the article.
    ForeignLanguage,
    /// Advertising markers, placeholder text, subscription promotions.
    Ad,
    /// Lists of related or recommended articles.
    Related,
    /// Sign-in, account, reading-list widgets.
    AccountWidget,
    /// Comment and reply widgets ("Leave a Reply").
    ReplyWidget,
    /// The headline repeated at the end of the page.
    RepeatedTitle,
    /// A breadcrumb trail ("Home > World > …").
    Breadcrumb,
    /// Category and tag labels.
    Category,
    /// Site names, taglines, logos and other page furniture.
    SiteChrome,
    /// A line that only names the publisher (with or without a date).
    PublisherLine,
    /// A line that only gives the publication date ("Published 25/11/2024").
    PublishedLine,
    /// An author byline ("By Jane Doe").
    Byline,
    /// Cookie and consent banners.
    Cookie,
    /// Newsletter sign-up boxes.
    Newsletter,
    /// Image captions and credits ("Photo: …").
    Caption,
}

impl RemovalReason {
    /// The snake_case name used in tables.
    pub fn as_str(&self) -> &'static str {
        match self {
            RemovalReason::Blank => "blank",
            RemovalReason::Menu => "menu",
            RemovalReason::LanguageMenu => "language_menu",
            RemovalReason::Share => "share",
            RemovalReason::Copyright => "copyright",
            RemovalReason::Syndication => "syndication",
            RemovalReason::ForeignLanguage => "foreign_language",
            RemovalReason::Ad => "ad",
            RemovalReason::Related => "related",
            RemovalReason::AccountWidget => "account_widget",
            RemovalReason::ReplyWidget => "reply_widget",
            RemovalReason::RepeatedTitle => "repeated_title",
            RemovalReason::Breadcrumb => "breadcrumb",
            RemovalReason::Category => "category",
            RemovalReason::SiteChrome => "site_chrome",
            RemovalReason::PublisherLine => "publisher_line",
            RemovalReason::PublishedLine => "published_line",
            RemovalReason::Byline => "byline",
            RemovalReason::Cookie => "cookie",
            RemovalReason::Newsletter => "newsletter",
            RemovalReason::Caption => "caption",
        }
    }
}

impl fmt::Display for RemovalReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A block of raw text that the cleaner dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedBlock {
    /// Byte range in the raw text (one line, or a run of lines removed for one reason).
    pub raw: Span,
    /// 1-based number of the first raw line of the block.
    pub line: usize,
    /// Why it was dropped.
    pub reason: RemovalReason,
}

/// Document-level metadata found by the cleaner (or given by the input record).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The outlet that published the article, as the page names it.
    pub publisher: Option<String>,
    /// The author(s), as the byline names them.
    pub author: Option<String>,
    /// The publication date.
    pub published: Option<Date>,
    /// Where the publication date came from.
    pub published_source: Option<DateSource>,
    /// The dateline as written ("KABUL, AFGHANISTAN").
    pub dateline: Option<String>,
    /// Detected language, ISO 639-1 where one exists (`en`), else ISO 639-3.
    pub language: Option<String>,
}

/// A cleaned document: the article text, how it maps back to the raw text, what was
/// dropped and why, and its metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanDocument {
    /// Stable id (the raw document's).
    pub id: DocId,
    /// The clean text: the headline as the first line when the page has one, then a blank
    /// line, then the body paragraphs separated by blank lines.
    pub text: String,
    /// Byte spans of the paragraphs of `text` (the headline, when present, is the first).
    pub paragraphs: Vec<Span>,
    /// True when `paragraphs[0]` is the headline.
    pub has_title: bool,
    /// Clean byte offsets → raw byte offsets.
    pub offsets: OffsetMap,
    /// Dropped blocks, in raw order.
    pub removed: Vec<RemovedBlock>,
    /// Title, publisher, date, dateline, language.
    pub metadata: Metadata,
}

impl CleanDocument {
    /// A document whose text is already clean: the paragraphs are the blocks between
    /// blank lines, offsets map to the same text, no headline, no metadata. For feeding
    /// the later stages text that never went through cleaning (tests, benches, tools).
    ///
    /// ```
    /// use dossier_core::{CleanDocument, DocId, Span};
    ///
    /// let doc = CleanDocument::from_plain_text(DocId::new("a"), "One.\n\nTwo.\n");
    /// assert_eq!(doc.paragraphs, [Span::new(0, 4), Span::new(6, 10)]);
    /// assert_eq!(doc.offsets.start_to_raw(6), 6);
    /// ```
    pub fn from_plain_text(id: DocId, text: impl Into<String>) -> CleanDocument {
        let text = text.into();
        let mut paragraphs = Vec::new();
        let mut pos = 0;
        for block in text.split("\n\n") {
            let body = block.trim_end_matches('\n');
            if !body.trim().is_empty() {
                paragraphs.push(Span::new(pos, pos + body.len()));
            }
            pos += block.len() + 2;
        }
        CleanDocument {
            id,
            paragraphs,
            has_title: false,
            offsets: OffsetMap::identity(text.len()),
            removed: Vec::new(),
            metadata: Metadata::default(),
            text,
        }
    }
}

/// One rejected input: the file (and line) and the reason. A row of the `errors` table.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ErrorRecord {
    /// Path of the input, relative to the corpus root where possible.
    pub source_path: String,
    /// 1-based line for JSONL records.
    pub line: Option<u64>,
    /// The crate that rejected it (`corpus`, `export`, …).
    pub stage: String,
    /// Why, in one line.
    pub reason: String,
}
