//! Time expressions, entity mentions and canonical entities.

use std::collections::BTreeMap;
use std::fmt;

use crate::Span;

/// Entity labels (OntoNotes style).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    /// People, real or fictional.
    Person,
    /// Organisations: companies, agencies, institutions, armed groups, news outlets.
    Org,
    /// Geo-political entities: countries, cities, states.
    Gpe,
    /// Other locations: regions, mountain ranges, bodies of water.
    Loc,
    /// Nationalities, religious or political groups ("Afghan", "Russian").
    Norp,
    /// Calendar dates and periods.
    Date,
}

impl Label {
    /// Every label, in table order.
    pub const ALL: [Label; 6] = [
        Label::Person,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Norp,
        Label::Date,
    ];

    /// The upper-case name used in tables: `PERSON`, `ORG`, …
    pub fn as_str(&self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
            Label::Date => "DATE",
        }
    }

    /// The lower-case prefix of entity ids: `person`, `org`, …
    pub fn id_prefix(&self) -> &'static str {
        match self {
            Label::Person => "person",
            Label::Org => "org",
            Label::Gpe => "gpe",
            Label::Loc => "loc",
            Label::Norp => "norp",
            Label::Date => "date",
        }
    }

    /// Parses a table name (`PERSON`, `ORG`, …).
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which extractor produced a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Extractor {
    /// The statistical model.
    Model,
    /// A gazetteer (list) match.
    Gazetteer,
    /// A hand-written rule (context patterns, acronyms, dates).
    Rule,
}

impl Extractor {
    /// The name used in tables: `model`, `gazetteer`, `rule`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Extractor::Model => "model",
            Extractor::Gazetteer => "gazetteer",
            Extractor::Rule => "rule",
        }
    }
}

/// TimeML TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimexType {
    /// A calendar date or period (2024-11-25, 2024-11, 2025, XXXX-WXX-4, PAST_REF).
    Date,
    /// A time of day (2024-11-25T14:00).
    Time,
    /// A duration (P5Y).
    Duration,
    /// A recurrence (every year: P1Y with a quantifier).
    Set,
}

impl TimexType {
    /// The TimeML name: `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A temporal expression in a clean text, with its TimeML value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte span in the clean text.
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value: `2024-11-25`, `XXXX-12-11`, `P5Y`, `PAST_REF`, …
    pub value: String,
    /// True when the expression is also a DATE entity mention (a calendar date, year, or
    /// period such as "five years"); false for vague references ("recently", "now").
    pub is_mention: bool,
}

/// One entity mention in a clean text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte span in the clean text.
    pub span: Span,
    /// Entity label.
    pub label: Label,
    /// Within-document canonical name: the full form this mention stands for ("Sergey
    /// Lavrov" for "Lavrov", "Collective Security Treaty Organization" for "CSTO").
    /// Empty for DATE mentions.
    pub canonical: String,
    /// Who found it.
    pub extractor: Extractor,
    /// Confidence in [0, 1].
    pub confidence: f32,
    /// 0-based index of the sentence holding the mention.
    pub sentence: usize,
}

/// The entity stage's output for one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Annotations {
    /// Sentence spans of the clean text, in order.
    pub sentences: Vec<Span>,
    /// Mentions sorted by span start (DATE mentions included).
    pub mentions: Vec<Mention>,
}

/// The key that joins a mention to its canonical entity: label and within-document
/// canonical name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityKey {
    /// Entity label.
    pub label: Label,
    /// Within-document canonical name.
    pub name: String,
}

impl EntityKey {
    /// The key of a mention.
    pub fn of(mention: &Mention) -> EntityKey {
        EntityKey {
            label: mention.label,
            name: mention.canonical.clone(),
        }
    }
}

/// Where a place entity is, from the knowledge base (GeoNames).
#[derive(Debug, Clone, PartialEq)]
pub struct GeoLink {
    /// GeoNames id.
    pub geonames_id: u64,
    /// Latitude in degrees (WGS 84).
    pub lat: f64,
    /// Longitude in degrees (WGS 84).
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code of the country it lies in (the country itself for a country).
    pub country: String,
}

/// A canonical entity across the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Stable id derived from label and canonical name (`org:collective-security-treaty-organization`).
    pub id: String,
    /// Entity label.
    pub label: Label,
    /// Canonical name.
    pub name: String,
    /// Other names it goes by in the corpus, sorted.
    pub aliases: Vec<String>,
    /// Knowledge-base id, when linked.
    pub kb_id: Option<String>,
    /// Role from the knowledge base (`armed_group`, …).
    pub role: Option<String>,
    /// Number of mentions.
    pub n_mentions: u64,
    /// Number of documents that mention it.
    pub n_documents: u64,
    /// Place data from the knowledge base, for GPE and LOC entities that are linked.
    pub geo: Option<GeoLink>,
    /// True when the entity is on the analyst's watch-list.
    pub watched: bool,
}

/// Two entities mentioned in the same sentence: how often, and in how many documents.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cooccurrence {
    /// Id of the first entity (the smaller id).
    pub a: String,
    /// Id of the second entity.
    pub b: String,
    /// Number of sentences that mention both.
    pub n_sentences: u64,
    /// Number of documents with at least one such sentence.
    pub n_documents: u64,
}

/// The whole-corpus result of entity resolution: the entities, and which entity each
/// [`EntityKey`] belongs to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolution {
    /// Entities sorted by id.
    pub entities: Vec<Entity>,
    /// Key → index into `entities`.
    pub index: BTreeMap<EntityKey, usize>,
    /// Entity pairs mentioned in the same sentence, sorted by (a, b); empty when the
    /// resolver does not count them.
    pub cooccurrences: Vec<Cooccurrence>,
    /// Per-document exceptions to `index`: (document id, key) → index into `entities`, for
    /// the documents where a name means another entity than it does in the rest of the
    /// corpus (Moscow, Idaho in a story about Idaho). Consulted first by
    /// [`Resolution::get_in`].
    pub overrides: BTreeMap<(String, EntityKey), usize>,
}

impl Resolution {
    /// The entity a key resolves to across the corpus.
    pub fn get(&self, key: &EntityKey) -> Option<&Entity> {
        self.index.get(key).map(|&i| &self.entities[i])
    }

    /// The entity a key resolves to in one document: the document's own exception when it
    /// has one, else the corpus-wide entity.
    pub fn get_in(&self, doc_id: &str, key: &EntityKey) -> Option<&Entity> {
        if !self.overrides.is_empty()
            && let Some(&i) = self.overrides.get(&(doc_id.to_owned(), key.clone()))
        {
            return Some(&self.entities[i]);
        }
        self.get(key)
    }
}

/// A direct quotation in a clean text, with who said it when the text says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Byte span in the clean text, quotation marks included.
    pub span: Span,
    /// The speaker's entity key, when the text attributes the quotation to a named entity
    /// (or to a pronoun whose antecedent is one).
    pub speaker: Option<EntityKey>,
    /// Byte span of the mention naming the speaker, when there is one.
    pub speaker_span: Option<Span>,
    /// The reporting verb as written ("said", "stated", "according to"), when found.
    pub verb: Option<String>,
}
