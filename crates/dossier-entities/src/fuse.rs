//! Candidates from every extractor, and the one function that fuses them into mentions.
//!
//! This is the seam for more extractors (a statistical model later): each one yields
//! [`Candidate`]s; [`fuse`] keeps a non-overlapping set, preferring higher priority, then
//! longer spans, then higher confidence.

use dossier_core::{Extractor, Label, Span};

/// A proposed mention.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    pub(crate) span: Span,
    pub(crate) label: Label,
    pub(crate) canonical: String,
    pub(crate) extractor: Extractor,
    pub(crate) confidence: f32,
    /// Higher wins an overlap: dates 10, context rules 5, gazetteer 4, guesses 1.
    pub(crate) priority: u8,
}

pub(crate) const PRIORITY_DATE: u8 = 10;
pub(crate) const PRIORITY_RULE: u8 = 5;
pub(crate) const PRIORITY_GAZETTEER: u8 = 4;
pub(crate) const PRIORITY_GUESS: u8 = 1;

/// Keeps a non-overlapping subset of the candidates, sorted by start.
///
/// A DATE candidate wins over the names it overlaps, except a name that contains it
/// ("the Fourth of July Committee"): then the date is dropped.
pub(crate) fn fuse(cands: Vec<Candidate>) -> Vec<Candidate> {
    let (dates, names): (Vec<Candidate>, Vec<Candidate>) =
        cands.into_iter().partition(|c| c.label == Label::Date);
    let mut all: Vec<Candidate> = dates
        .into_iter()
        .filter(|d| {
            !names
                .iter()
                .any(|n| n.span.contains(d.span) && n.span.len() > d.span.len())
        })
        .collect();
    all.extend(names);
    all.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then(b.span.len().cmp(&a.span.len()))
            .then(a.span.start.cmp(&b.span.start))
            .then(b.confidence.total_cmp(&a.confidence))
            .then(a.canonical.cmp(&b.canonical))
    });
    let mut kept: Vec<Candidate> = Vec::new();
    for c in all {
        if c.span.is_empty() || kept.iter().any(|k| k.span.overlaps(c.span)) {
            continue;
        }
        kept.push(c);
    }
    kept.sort_by_key(|c| (c.span.start, c.span.end));
    kept
}

/// The canonical form of a surface name: no leading "the", whitespace collapsed, curly
/// quotes straightened.
pub(crate) fn normalize_name(s: &str) -> String {
    let mut words: Vec<&str> = s.split_whitespace().collect();
    while words.len() > 1 && matches!(words[0], "the" | "The" | "THE") {
        words.remove(0);
    }
    words
        .join(" ")
        .replace(['’', '‘', 'ʼ'], "'")
        .replace(['“', '”'], "\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(a: usize, b: usize, label: Label, priority: u8) -> Candidate {
        Candidate {
            span: Span::new(a, b),
            label,
            canonical: String::new(),
            extractor: Extractor::Rule,
            confidence: 0.5,
            priority,
        }
    }

    #[test]
    fn dates_win_unless_contained() {
        let kept = fuse(vec![
            cand(0, 10, Label::Org, PRIORITY_RULE),
            cand(2, 5, Label::Date, PRIORITY_DATE),
            cand(12, 20, Label::Person, PRIORITY_RULE),
            cand(18, 25, Label::Date, PRIORITY_DATE),
        ]);
        let labels: Vec<Label> = kept.iter().map(|c| c.label).collect();
        assert_eq!(labels, [Label::Org, Label::Date]);
        assert_eq!(kept[1].span, Span::new(18, 25));
    }

    #[test]
    fn names_are_normalised() {
        assert_eq!(normalize_name("the  Taliban’s"), "Taliban's");
        assert_eq!(normalize_name("The"), "The");
    }
}
