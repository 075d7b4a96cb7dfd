//! Attribution: the reporting verb near a quotation, the speaker mention it points to, and
//! pronoun speakers resolved to an earlier mention.

use dossier_core::{Label, Mention, Span};

use crate::Config;
use crate::text::words;

/// Reporting verbs and phrases, lower case, as word sequences.
const VERBS: &[&[&str]] = &[
    &["said"],
    &["says"],
    &["say"],
    &["told"],
    &["tells"],
    &["stated"],
    &["added"],
    &["adds"],
    &["noted"],
    &["declared"],
    &["declares"],
    &["asserted"],
    &["asserts"],
    &["explained"],
    &["explains"],
    &["emphasized"],
    &["emphasised"],
    &["emphasizes"],
    &["emphasises"],
    &["stressed"],
    &["stresses"],
    &["warned"],
    &["warns"],
    &["claimed"],
    &["insisted"],
    &["insists"],
    &["argued"],
    &["argues"],
    &["wrote"],
    &["writes"],
    &["tweeted"],
    &["announced"],
    &["announces"],
    &["remarked"],
    &["observed"],
    &["commented"],
    &["replied"],
    &["responded"],
    &["answered"],
    &["asked"],
    &["continued"],
    &["concluded"],
    &["acknowledged"],
    &["admitted"],
    &["affirmed"],
    &["reiterated"],
    &["underscored"],
    &["underlined"],
    &["urged"],
    &["cautioned"],
    &["recalled"],
    &["suggested"],
    &["confirmed"],
    &["maintained"],
    &["revealed"],
    &["vowed"],
    &["pledged"],
    &["promised"],
    &["quoted"],
    &["described"],
    &["called"],
    &["saying"],
    &["according", "to"],
    &["pointed", "out"],
    &["points", "out"],
];

/// Words after which a mention is an object or a complement, not a subject.
const PREPOSITIONS: &[&str] = &[
    "of",
    "for",
    "at",
    "from",
    "in",
    "with",
    "to",
    "by",
    "on",
    "into",
    "about",
    "against",
    "over",
    "under",
    "between",
    "among",
    "within",
    "across",
    "toward",
    "towards",
    "near",
    "during",
    "after",
    "before",
    "per",
    "via",
    "like",
    "than",
    "including",
    "behind",
    "beside",
    "upon",
];

/// Words skipped when looking for the word before a mention.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this",
];

/// Singular job titles: a name right before one is a modifier ("Kazakh Foreign Minister",
/// "CSTO Secretary General"), not the speaker.
const TITLES: &[&str] = &[
    "minister",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "president",
    "secretary",
    "secretary-general",
    "chief",
    "head",
    "official",
    "ambassador",
    "envoy",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "commander",
    "leader",
    "general",
    "adviser",
    "advisor",
    "governor",
    "mayor",
    "representative",
    "deputy",
    "premier",
    "chancellor",
    "researcher",
    "analyst",
    "expert",
    "journalist",
    "correspondent",
    "reporter",
];

/// Plural nouns naming the people of a group ("CSTO foreign ministers", "Taliban
/// officials"): the group speaks through them.
const GROUP_NOUNS: &[&str] = &[
    "officials",
    "ministers",
    "members",
    "leaders",
    "diplomats",
    "authorities",
    "representatives",
    "delegates",
    "delegation",
    "governments",
    "spokesmen",
    "commanders",
    "states",
    "countries",
    "nations",
    "sources",
    "forces",
    "troops",
];

/// Words that open an introductory clause, skipped when looking for a sentence's subject
/// ("As reported by TASS, CSTO foreign ministers …").
const INTRO: &[&str] = &[
    "as",
    "according",
    "in",
    "at",
    "after",
    "following",
    "on",
    "during",
    "despite",
    "speaking",
    "with",
    "while",
    "when",
    "although",
    "though",
    "since",
    "because",
    "before",
    "under",
    "amid",
    "for",
];

/// A subject pronoun that can introduce a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pronoun {
    /// he, she: a person.
    Person,
    /// they: a group (an organisation, a nationality, a country).
    They,
    /// it: an organisation or a country.
    It,
}

impl Pronoun {
    fn parse(word: &str) -> Option<Pronoun> {
        match word.to_lowercase().as_str() {
            "he" | "she" => Some(Pronoun::Person),
            "they" => Some(Pronoun::They),
            "it" => Some(Pronoun::It),
            _ => None,
        }
    }

    fn accepts(self, label: Label) -> bool {
        match self {
            Pronoun::Person => label == Label::Person,
            Pronoun::They => matches!(label, Label::Org | Label::Norp | Label::Gpe),
            Pronoun::It => matches!(label, Label::Org | Label::Gpe),
        }
    }
}

/// Who a window of text names as the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    /// A mention (index into the mentions).
    Mention(usize),
    /// A pronoun at a byte offset.
    Pronoun(Pronoun, usize),
}

/// The attribution of one quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Attribution {
    /// The speaker mention (index into the mentions), when the text names one.
    pub(crate) speaker: Option<usize>,
    /// The reporting verb, when found.
    pub(crate) verb: Option<Span>,
    /// Where the attribution ends: the end of the clause after the quotation when the verb
    /// follows it, else the end of the quotation.
    pub(crate) end: usize,
}

/// An accepted quotation, as later quotations see it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Previous {
    pub(crate) span: Span,
    pub(crate) attribution: Attribution,
}

/// What attribution needs to know about a document.
pub(crate) struct Context<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    sentences: &'a [Span],
    /// Every quotation-like stretch (sorted): mentions inside them never speak.
    quotes: &'a [Span],
    /// Every word of the text.
    words: Vec<Span>,
    config: &'a Config,
}

impl<'a> Context<'a> {
    pub(crate) fn new(
        text: &'a str,
        mentions: &'a [Mention],
        sentences: &'a [Span],
        quotes: &'a [Span],
        config: &'a Config,
    ) -> Context<'a> {
        Context {
            text,
            mentions,
            sentences,
            quotes,
            words: words(text, Span::new(0, text.len())),
            config,
        }
    }

    /// Attributes the quotation `q`: first a reporting verb after it in its sentence
    /// (`“…,” Lavrov stated`), then one before it (`the CSTO declared, “…”`).
    /// `prev_end` is where the previous quotation ends, `next_start` where the next one
    /// starts: an attribution never reaches into another quotation.
    pub(crate) fn attribute(
        &self,
        q: Span,
        inner: Span,
        prev_end: usize,
        next_start: usize,
        previous: Option<&Previous>,
    ) -> Attribution {
        let found = self
            .tail(q, inner, next_start)
            .or_else(|| self.head(q, prev_end));
        let Some((verb, subject, end)) = found else {
            return Attribution {
                speaker: None,
                verb: None,
                end: q.end,
            };
        };
        let speaker = match subject {
            Some(Subject::Mention(i)) => Some(i),
            Some(Subject::Pronoun(p, at)) => self.resolve(p, at, q, previous),
            None => None,
        };
        Attribution {
            speaker,
            verb: Some(verb),
            end,
        }
    }

    /// A reporting verb in the clause right after the quotation, and its subject.
    fn tail(
        &self,
        q: Span,
        inner: Span,
        next_start: usize,
    ) -> Option<(Span, Option<Subject>, usize)> {
        let content = self.text[inner.range()].trim_end();
        let after = &self.text[q.end..];
        let next_char = after.trim_start_matches([' ', '\t']).chars().next();
        if content.ends_with(['.', '!', '?', '…']) && !next_char.is_some_and(char::is_lowercase) {
            return None; // the quotation ends its sentence
        }
        let line_end = q.end + after.find('\n').unwrap_or(after.len());
        let sentence_end = self
            .sentence_at(q.end.saturating_sub(1))
            .map_or(line_end, |k| self.sentences[k].end);
        let end = sentence_end.min(line_end).min(next_start).max(q.end);
        let window = self.words_in(Span::new(q.end, end));
        let (first, last) = self.verbs(window).into_iter().next()?;
        if first > self.config.max_gap_words {
            return None;
        }
        let verb = Span::new(window[first].start, window[last].end);
        let subject = if self.is_according_to(verb) {
            self.subject_after(verb.end, end, true)
        } else {
            let gap = Span::new(q.end, verb.start);
            self.subject_in(gap, verb.start)
                .or_else(|| self.pronoun_in(&window[..first]))
                .or_else(|| self.title_in(&window[..first], q.start))
                .or_else(|| {
                    if first == 0 {
                        self.subject_after(verb.end, end, false)
                    } else {
                        None // a title without a name: "the minister said"
                    }
                })
        };
        Some((verb, subject, end))
    }

    /// A reporting verb in the lead-in of the quotation (its sentence up to the quotation
    /// mark), and its subject.
    fn head(&self, q: Span, prev_end: usize) -> Option<(Span, Option<Subject>, usize)> {
        let before = &self.text[..q.start];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let sentence_start = self
            .sentence_at(q.start)
            .map_or(line_start, |k| self.sentences[k].start);
        let start = sentence_start.max(line_start).max(prev_end).min(q.start);
        let window = self.words_in(Span::new(start, q.start));
        let (first, last) = self.verbs(window).into_iter().next_back()?;
        if window.len() - last - 1 > self.config.max_gap_words {
            return None;
        }
        let verb = Span::new(window[first].start, window[last].end);
        let subject = if self.is_according_to(verb) {
            self.subject_after(verb.end, q.start, true)
        } else {
            self.subject_in(Span::new(start, verb.start), verb.start)
                .or_else(|| self.pronoun_in(&window[first.saturating_sub(2)..first]))
                .or_else(|| self.title_in(&window[first.saturating_sub(4)..first], q.start))
                .or_else(|| self.subject_after(verb.end, q.start, false))
        };
        Some((verb, subject, q.end))
    }

    /// The words inside a span.
    fn words_in(&self, span: Span) -> &[Span] {
        let from = self.words.partition_point(|w| w.start < span.start);
        let to = self.words.partition_point(|w| w.end <= span.end);
        &self.words[from..to.max(from)]
    }

    /// Reporting verbs among `words`: (first word, last word) index pairs, in order.
    fn verbs(&self, words: &[Span]) -> Vec<(usize, usize)> {
        let lower: Vec<String> = words
            .iter()
            .map(|w| self.text[w.range()].to_lowercase())
            .collect();
        let mut out = Vec::new();
        for i in 0..lower.len() {
            for verb in VERBS {
                let fits = verb.len() <= lower.len() - i
                    && verb.iter().zip(&lower[i..]).all(|(v, w)| v == w)
                    && (verb.len() == 1 || self.adjacent(&words[i..i + verb.len()]));
                if fits {
                    out.push((i, i + verb.len() - 1));
                    break;
                }
            }
        }
        out
    }

    /// True when consecutive words are separated by spaces only.
    fn adjacent(&self, words: &[Span]) -> bool {
        words
            .windows(2)
            .all(|w| self.text[w[0].end..w[1].start].trim().is_empty())
    }

    fn is_according_to(&self, verb: Span) -> bool {
        self.text[verb.range()]
            .to_lowercase()
            .starts_with("according")
    }

    /// The sentence holding a byte offset.
    fn sentence_at(&self, at: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.end <= at);
        self.sentences
            .get(k)
            .filter(|s| s.start <= at && at < s.end)
            .map(|_| k)
    }

    fn in_quote(&self, span: Span) -> bool {
        self.quotes.iter().any(|q| q.overlaps(span))
    }

    /// The lower-case word before a mention, skipping determiners, when nothing but
    /// spaces separates them.
    fn word_before(&self, start: usize) -> Option<String> {
        let k = self.words.partition_point(|w| w.end <= start);
        let mut at = start;
        for w in self.words[..k].iter().rev() {
            if !self.text[w.end..at].trim().is_empty() {
                return None;
            }
            let word = self.text[w.range()].to_lowercase();
            if !DETERMINERS.contains(&word.as_str()) {
                return Some(word);
            }
            at = w.start;
        }
        None
    }

    /// Up to three lower-case words right after a mention, while only spaces separate
    /// them.
    fn words_after(&self, end: usize) -> Vec<String> {
        let k = self.words.partition_point(|w| w.start < end);
        let mut at = end;
        let mut out = Vec::new();
        for w in self.words[k..].iter().take(3) {
            if !self.text[at..w.start].trim().is_empty() {
                break;
            }
            out.push(self.text[w.range()].to_lowercase());
            at = w.end;
        }
        out
    }

    /// True when a group noun follows the mention ("CSTO foreign ministers").
    fn heads_a_group(&self, m: &Mention) -> bool {
        for w in self.words_after(m.span.end) {
            if GROUP_NOUNS.contains(&w.as_str()) {
                return true;
            }
            if TITLES.contains(&w.as_str()) {
                return false;
            }
        }
        false
    }

    /// True when the mention only modifies a job title ("Kazakh Foreign Minister").
    fn modifies_a_title(&self, m: &Mention) -> bool {
        for w in self.words_after(m.span.end) {
            if GROUP_NOUNS.contains(&w.as_str()) {
                return false;
            }
            if TITLES.contains(&w.as_str()) {
                return true;
            }
        }
        false
    }

    fn possessive(&self, m: &Mention) -> bool {
        let after = &self.text[m.span.end..];
        let rest = after
            .strip_prefix("’s")
            .or_else(|| after.strip_prefix("'s"))
            .or_else(|| {
                let s_ending = self.text[m.span.range()].ends_with('s');
                s_ending
                    .then(|| after.strip_prefix('’').or_else(|| after.strip_prefix('\'')))
                    .flatten()
            });
        rest.is_some_and(|r| !r.starts_with(char::is_alphanumeric))
    }

    /// Can this mention be the subject of a reporting verb? (`after_to`: it follows
    /// "according to", so the preposition before it is expected.)
    fn can_speak(&self, i: usize, after_to: bool) -> bool {
        let m = &self.mentions[i];
        matches!(
            m.label,
            Label::Person | Label::Org | Label::Norp | Label::Gpe
        ) && !self.in_quote(m.span)
            && !self.possessive(m)
            && (after_to
                || !self
                    .word_before(m.span.start)
                    .is_some_and(|w| PREPOSITIONS.contains(&w.as_str())))
            && (m.label == Label::Person || !self.modifies_a_title(m))
    }

    /// Indices of the mentions inside a span.
    fn mentions_in(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let from = self.mentions.partition_point(|m| m.span.start < span.start);
        (from..self.mentions.len())
            .take_while(move |&i| self.mentions[i].span.start < span.end)
            .filter(move |&i| span.contains(self.mentions[i].span))
    }

    /// The subject in a stretch before a verb: the speaking mention closest to the verb,
    /// a person when there is one ("Russian Foreign Minister Sergey Lavrov said").
    fn subject_in(&self, span: Span, verb_start: usize) -> Option<Subject> {
        let candidates: Vec<usize> = self
            .mentions_in(span)
            .filter(|&i| self.can_speak(i, false))
            .collect();
        let closest = |only_person: bool| {
            candidates
                .iter()
                .copied()
                .filter(|&i| !only_person || self.mentions[i].label == Label::Person)
                .min_by_key(|&i| verb_start.abs_diff(self.mentions[i].span.end))
        };
        closest(true)
            .or_else(|| closest(false))
            .map(Subject::Mention)
    }

    /// The subject after a verb ("said Lavrov", "said he", "according to the CSTO"): up
    /// to the next comma, a person first.
    fn subject_after(&self, from: usize, limit: usize, after_to: bool) -> Option<Subject> {
        let rest = &self.text[from..limit];
        let clause_end = from + rest.find([',', ';', ':', '(', '.']).unwrap_or(rest.len());
        let words = self.words_in(Span::new(from, clause_end));
        if let Some(p) = words.first().and_then(|w| {
            Pronoun::parse(&self.text[w.range()]).map(|p| Subject::Pronoun(p, w.start))
        }) {
            return Some(p);
        }
        let span = Span::new(from, clause_end);
        let candidates: Vec<usize> = self
            .mentions_in(span)
            .filter(|&i| self.can_speak(i, after_to))
            .collect();
        candidates
            .iter()
            .copied()
            .find(|&i| self.mentions[i].label == Label::Person)
            .or_else(|| candidates.first().copied())
            .map(Subject::Mention)
    }

    /// A speaker named only by a title ("the minister said", "the spokesperson added"):
    /// the nearest person before `before` whom the document gave that title ("Foreign
    /// Minister Sergey Lavrov", "Natalia Kharitonova, spokesperson for the CSTO").
    fn title_in(&self, words: &[Span], before: usize) -> Option<Subject> {
        let title = words.iter().rev().find_map(|w| {
            let word = self.text[w.range()].to_lowercase();
            TITLES.contains(&word.as_str()).then_some(word)
        })?;
        let limit = self.mentions.partition_point(|m| m.span.start < before);
        (0..limit).rev().find_map(|i| {
            let m = &self.mentions[i];
            if m.label != Label::Person {
                return None;
            }
            // The title stands next to the name: within a few words before or after it,
            // in the same sentence.
            let sentence = self
                .sentence_at(m.span.start)
                .map_or(Span::new(0, self.text.len()), |k| self.sentences[k]);
            let near = |from: usize, to: usize| {
                let from = from.max(sentence.start);
                let to = to.min(sentence.end);
                from < to
                    && self
                        .words_in(Span::new(from, to))
                        .iter()
                        .any(|w| self.text[w.range()].eq_ignore_ascii_case(&title))
            };
            let window = 40;
            (near(m.span.start.saturating_sub(window), m.span.start)
                || near(m.span.end, m.span.end + window))
            .then_some(Subject::Mention(i))
        })
    }

    /// The last subject pronoun among `words`.
    fn pronoun_in(&self, words: &[Span]) -> Option<Subject> {
        words.iter().rev().find_map(|w| {
            Pronoun::parse(&self.text[w.range()]).map(|p| Subject::Pronoun(p, w.start))
        })
    }

    /// The mention a pronoun at `at` stands for. A quotation attributed to a pronoun right
    /// after an attributed one usually continues it ("“…,” they said. “…,” they added"),
    /// so the previous speaker comes first when it fits; then he/she is the nearest
    /// preceding person, and they/it the subject of the previous sentence.
    fn resolve(
        &self,
        p: Pronoun,
        at: usize,
        q: Span,
        previous: Option<&Previous>,
    ) -> Option<usize> {
        let here = self.sentence_at(q.start.min(at));
        if let Some(prev) = previous {
            let adjacent = match (here, self.sentence_at(prev.span.end.saturating_sub(1))) {
                (Some(h), Some(s)) => s + 1 >= h,
                _ => !self.text[prev.span.end..q.start].contains("\n"),
            };
            if let Some(i) = prev.attribution.speaker
                && adjacent
                && p.accepts(self.mentions[i].label)
            {
                return Some(i);
            }
        }
        match p {
            Pronoun::Person => self.mentions[..self.mentions.partition_point(|m| m.span.end <= at)]
                .iter()
                .rposition(|m| m.label == Label::Person && !self.in_quote(m.span)),
            Pronoun::They | Pronoun::It => self.previous_subject(p, here?),
        }
    }

    /// The subject of the last sentence before sentence `k` that is not all quotation: a
    /// mention heading a group noun, else the first mention that is not the object of a
    /// preposition, after any introductory clause.
    fn previous_subject(&self, p: Pronoun, k: usize) -> Option<usize> {
        let sentence = self.sentences[..k]
            .iter()
            .rev()
            .take(3)
            .find(|s| !self.quotes.iter().any(|q| q.contains(**s)))?;
        let speaking: Vec<usize> = self
            .mentions_in(*sentence)
            .filter(|&i| p.accepts(self.mentions[i].label) && !self.in_quote(self.mentions[i].span))
            .collect();
        if let Some(&i) = speaking
            .iter()
            .find(|&&i| self.heads_a_group(&self.mentions[i]))
        {
            return Some(i);
        }
        let words = self.words_in(*sentence);
        let intro = words
            .first()
            .is_some_and(|w| INTRO.contains(&self.text[w.range()].to_lowercase().as_str()));
        let from = if intro {
            let s = &self.text[sentence.range()];
            sentence.start + s.find(',').map_or(0, |c| c + 1)
        } else {
            sentence.start
        };
        speaking.into_iter().find(|&i| {
            let m = &self.mentions[i];
            m.span.start >= from
                && !self
                    .word_before(m.span.start)
                    .is_some_and(|w| PREPOSITIONS.contains(&w.as_str()))
        })
    }
}
