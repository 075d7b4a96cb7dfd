//! The quotation finder: candidates from the marks, attribution, and the decision
//! between a quotation and a scare quote.

use dossier_core::{Annotations, EntityKey, Mention, Quote, Span};

use crate::Config;
use crate::attribute::{Attribution, Context, Previous};
use crate::marks::{Candidate, candidates};
use crate::text::{sentences, word_count};

/// Finds the direct quotations of a clean text and attributes them.
///
/// `annotations` are the entity stage's output for the same text: its mentions (with
/// their canonical names) are the possible speakers, its sentences bound the search for
/// a reporting verb. Without sentences the text is split by a rule of the same kind.
/// Quotations come back in text order; a quotation over several paragraphs is one
/// [`Quote`] spanning all of them.
pub fn find_quotes(text: &str, annotations: &Annotations, config: &Config) -> Vec<Quote> {
    let plausible: Vec<(Candidate, usize)> = candidates(text, config.single_quotes)
        .into_iter()
        .map(|c| (c, word_count(text, c.inner)))
        .filter(|&(_, n)| n >= config.min_words)
        .collect();
    if plausible.is_empty() {
        return Vec::new();
    }
    let own_sentences;
    let sentence_spans = if annotations.sentences.is_empty() {
        own_sentences = sentences(text);
        &own_sentences
    } else {
        &annotations.sentences
    };
    let spans: Vec<Span> = plausible.iter().map(|(c, _)| c.span).collect();
    // Bad input becomes data: mentions whose spans do not fit the text are ignored.
    let fits = |m: &&Mention| {
        m.span.start <= m.span.end
            && text.is_char_boundary(m.span.start)
            && text.is_char_boundary(m.span.end)
    };
    let valid: Vec<Mention>;
    let mentions: &[Mention] = if annotations.mentions.iter().all(|m| fits(&m)) {
        &annotations.mentions
    } else {
        valid = annotations.mentions.iter().filter(fits).cloned().collect();
        &valid
    };
    let context = Context::new(text, mentions, sentence_spans, &spans, config);

    let mut accepted: Vec<Previous> = Vec::new();
    for (i, &(c, n_words)) in plausible.iter().enumerate() {
        let prev_end = i.checked_sub(1).map_or(0, |p| plausible[p].0.span.end);
        let next_start = plausible.get(i + 1).map_or(text.len(), |n| n.0.span.start);
        let mut attribution =
            context.attribute(c.span, c.inner, prev_end, next_start, accepted.last());
        let mut inherited = false;
        if attribution.verb.is_none()
            && let Some(prev) = accepted.last()
            && prev.attribution.speaker.is_some()
            && text[prev.attribution.end..c.span.start].trim().is_empty()
        {
            // "Lavrov said: “A.” “B.”" — the quotation goes on in the same voice.
            attribution = Attribution {
                speaker: prev.attribution.speaker,
                verb: None,
                end: c.span.end,
            };
            inherited = true;
        }
        let attributed = attribution.verb.is_some() || inherited;
        if is_quotation(&text[c.inner.range()], n_words, attributed, config) {
            accepted.push(Previous {
                span: c.span,
                attribution,
            });
        }
    }
    accepted
        .into_iter()
        .map(|a| {
            let speaker = a.attribution.speaker.map(|i| &mentions[i]);
            Quote {
                span: a.span,
                speaker: speaker.map(EntityKey::of),
                speaker_span: speaker.map(|m| m.span),
                verb: a.attribution.verb.map(|v| text[v.range()].to_owned()),
            }
        })
        .collect()
}

/// Is the quoted content a quotation rather than a scare quote or a title?
///
/// Speech punctuation (`“…,”`, `“….”`) or a reporting verb make a quotation; a run of
/// capitalised words without either is a title (“Islamic Emirate of Afghanistan”); a
/// lower-case fragment without either needs [`Config::min_fragment_words`] words.
fn is_quotation(content: &str, n_words: usize, attributed: bool, config: &Config) -> bool {
    if n_words < config.min_words {
        return false;
    }
    let content = content.trim();
    if content.ends_with(['.', ',', '!', '?', '…', ';', ':', '—', '–']) {
        return true;
    }
    if is_title_like(content) {
        return false;
    }
    if attributed {
        return true;
    }
    let starts_upper = content.chars().next().is_some_and(char::is_uppercase);
    starts_upper || n_words >= config.min_fragment_words
}

/// True when most longer words are capitalised ("Council of Foreign Ministers").
fn is_title_like(content: &str) -> bool {
    let long: Vec<&str> = content
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= 2 && capitalised * 10 >= long.len() * 7
}
