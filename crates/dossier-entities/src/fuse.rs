//! Candidates from every extractor, and the one function that fuses them into mentions.
//!
//! This is the seam for more extractors (a statistical model later): each one yields
//! [`Candidate`]s; [`fuse`] keeps a non-overlapping set, preferring higher priority, then
//! longer spans, then higher confidence.

use std::collections::BTreeMap;

use dossier_core::{Extractor, Label, Span};

use crate::gazetteer::Gazetteer;
use crate::model::ModelSpan;
use crate::tokens::Token;
use crate::words::{self, Lexicon};

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

/// Rule and gazetteer candidates below this confidence give way to the model's decision
/// that a string is not a name; stronger ones stay.
pub(crate) const KEEP_RULE: f32 = 0.8;

/// Same type for the purpose of fusion (GPE and LOC are one class for the model).
fn same_class(a: Label, b: Label) -> bool {
    let class = |l: Label| if l == Label::Gpe { Label::Loc } else { l };
    class(a) == class(b)
}

/// Words that end the names of natural places (LOC rather than GPE).
fn is_geo_feature(w: &str) -> bool {
    const GEO: &[&str] = &[
        "river",
        "mountains",
        "mountain",
        "mount",
        "sea",
        "ocean",
        "lake",
        "valley",
        "desert",
        "gulf",
        "bay",
        "strait",
        "straits",
        "island",
        "islands",
        "peninsula",
        "basin",
        "plateau",
        "range",
        "hills",
        "forest",
        "coast",
        "canal",
        "glacier",
        "pass",
        "region",
        "continent",
        "creek",
        "falls",
        "park",
        "beach",
        "reef",
        "delta",
        "cape",
        "channel",
        "highlands",
        "plains",
        "mt",
        "mt.",
    ];
    let lower = w.to_lowercase();
    GEO.contains(&lower.as_str())
}

/// GPE or LOC for a place the model found: the gazetteer's label for the whole string
/// if it has one, LOC for natural features ("Panjshir Valley"), else GPE.
fn place_label(gaz: &Gazetteer, surface: &str) -> Label {
    let whole = gaz
        .find(surface)
        .into_iter()
        .filter(|h| h.span.start == 0 && h.span.end == surface.len() && !h.upper)
        .map(|h| gaz.entries[h.entry].label)
        .find(|l| matches!(l, Label::Gpe | Label::Loc));
    if let Some(l) = whole {
        return l;
    }
    let first = surface.split_whitespace().next().unwrap_or("");
    let last = surface.split_whitespace().last().unwrap_or("");
    if is_geo_feature(last) || matches!(first, "Lake" | "Mount" | "Gulf" | "Bay" | "Cape") {
        Label::Loc
    } else {
        Label::Gpe
    }
}

/// Trims the model's spans: a leading "the" and a trailing possessive stay outside.
fn trim_span(text: &str, toks: &[Token], m: &ModelSpan) -> Option<(usize, usize)> {
    let (mut a, mut b) = (m.a, m.b);
    while a < b && matches!(toks[a].text(text), "the" | "The" | "THE") {
        a += 1;
    }
    while a < b && matches!(toks[b - 1].text(text), "’s" | "'s" | "’" | "'") {
        b -= 1;
    }
    // Titles stay outside a person's name: "Foreign Minister Sergei Lavrov" is "Sergei
    // Lavrov", "Dr. Jane Smith" is "Jane Smith" (a title at the end, "Martin Luther
    // King", is part of the name).
    if m.label == Label::Person {
        let mut start = a;
        for j in a..b.saturating_sub(1) {
            if !words::is_title_head(toks[j].text(text).trim_end_matches('.')) {
                continue;
            }
            let mut k = j + 1;
            if k < b - 1 && toks[k].text(text) == "." {
                k += 1;
            }
            let next = toks[k].text(text);
            if next.chars().next().is_some_and(char::is_uppercase) && !words::is_title_word(next) {
                start = k;
            }
        }
        a = start;
    }
    (a < b).then_some((a, b))
}

/// Fuses the model's spans with the rule and gazetteer candidates `rule` (sorted,
/// non-overlapping): rules and gazetteers decide NORP, DATE, GPE vs LOC and known
/// names at the same span; the model decides the open classes and the boundaries; a
/// rule candidate the model did not confirm stays only when it is strong. Then one
/// label per string: every model mention of a string takes the label its mentions
/// vote for (weighted by confidence).
pub(crate) fn fuse_model(
    text: &str,
    lex: &Lexicon,
    toks: &[Token],
    sent_of: &[Option<usize>],
    gaz: &Gazetteer,
    rule: Vec<Candidate>,
    model: Vec<ModelSpan>,
) -> Vec<Candidate> {
    let mut taken = vec![false; rule.len()];
    let mut out: Vec<Candidate> = Vec::new();
    for m in &model {
        let Some((a, b)) = trim_span(text, toks, m) else {
            continue;
        };
        let span = Span::new(toks[a].span.start, toks[b - 1].span.end);
        let first = rule.partition_point(|c| c.span.end <= span.start);
        let over: Vec<usize> = (first..rule.len())
            .take_while(|&i| rule[i].span.start < span.end)
            .collect();
        if over
            .iter()
            .any(|&i| matches!(rule[i].label, Label::Date | Label::Norp))
        {
            continue;
        }
        if let Some(&i) = over.iter().find(|&&i| rule[i].span == span) {
            let r = &rule[i];
            // Known organisations: the list wins ("Harrow" the school, not the town).
            let known =
                r.extractor == Extractor::Gazetteer && r.confidence >= 0.9 && r.label == Label::Org;
            if same_class(r.label, m.label) || known {
                let mut c = r.clone();
                c.confidence = c.confidence.max(m.confidence);
                out.push(c);
                for &k in &over {
                    taken[k] = true;
                }
                continue;
            }
        }
        // Known places inside a model span that adds only joining punctuation or a
        // direction adjective stay on their own: "Tajikistan-Afghanistan border" is two
        // GPEs, "Northern Afghanistan" is Afghanistan (names such as "North Korea" are
        // whole gazetteer entries and were settled above).
        if split_known_places(
            text,
            span,
            &over.iter().map(|&i| &rule[i]).collect::<Vec<_>>(),
        ) {
            continue;
        }
        // A strong rule or list name that contains or crosses the model's span keeps
        // its boundaries ("Council of Foreign Ministers of the CSTO").
        let strong = |c: &Candidate| match c.extractor {
            Extractor::Gazetteer => c.confidence >= 0.9,
            _ => c.confidence >= KEEP_RULE,
        };
        if over
            .iter()
            .any(|&i| strong(&rule[i]) && rule[i].span != span && !span.contains(rule[i].span))
        {
            continue;
        }
        for &k in &over {
            taken[k] = true;
        }
        let surface = &text[span.range()];
        let label = if m.label == Label::Loc {
            place_label(gaz, surface)
        } else {
            m.label
        };
        out.push(Candidate {
            span,
            label,
            canonical: normalize_name(surface),
            extractor: Extractor::Model,
            confidence: m.confidence,
            priority: PRIORITY_RULE,
        });
    }
    // Surnames the document confirms: last words of the model's persons and of the
    // strong rule persons.
    let last_word = |c: &Candidate| text[c.span.range()].rsplit(' ').next().map(str::to_owned);
    let surnames: std::collections::BTreeSet<String> = out
        .iter()
        .filter(|c| c.label == Label::Person && c.confidence >= 0.5)
        .chain(
            rule.iter()
                .zip(&taken)
                .filter(|(c, t)| !**t && c.label == Label::Person && c.confidence >= KEEP_RULE)
                .map(|(c, _)| c),
        )
        .filter_map(last_word)
        .collect();
    for (c, taken) in rule.into_iter().zip(taken) {
        if taken {
            continue;
        }
        // A weaker full name whose surname the document confirms elsewhere
        // ("…, Imangali Tasmagambetov, has raised …" and later "Tasmagambetov said").
        let confirmed = c.label == Label::Person
            && text[c.span.range()].contains(' ')
            && last_word(&c).is_some_and(|w| surnames.contains(&w));
        let keep = matches!(c.label, Label::Date | Label::Norp)
            || c.extractor == Extractor::Gazetteer
            || c.confidence >= KEEP_RULE
            || confirmed;
        if keep {
            out.push(c);
        }
    }
    hyphen_continuations(text, lex, &mut out);
    out.sort_by_key(|c| (c.span.start, c.span.end));
    one_label_per_string(text, &mut out);
    spread(text, toks, sent_of, &mut out);
    out
}

/// Names go on across a glued hyphen into the parts the tagger cut off: a lower-case
/// connector and a capitalised word ("Bourg-la-Reine", "Khalil-ur-Rahman"), or, for a
/// person, a short lower-case part that is no English word ("Wong Kwok-hing", "Leung
/// Yiu-chung") — never an adjective's suffix ("Afghanistan-based", "Saudi-led"). The
/// mentions the longer name now covers are dropped.
fn hyphen_continuations(text: &str, lex: &Lexicon, ms: &mut Vec<Candidate>) {
    let alpha = |s: &str| s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    let alpha_back = |s: &str| {
        s.char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8())
    };
    let ends: std::collections::BTreeSet<usize> = ms.iter().map(|m| m.span.end).collect();
    let mut grown = false;
    for m in ms.iter_mut() {
        if !matches!(
            m.label,
            Label::Person | Label::Gpe | Label::Loc | Label::Org
        ) {
            continue;
        }
        let mut end = m.span.end;
        while let Some(rest) = text[end..].strip_prefix('-') {
            let w = &rest[..alpha(rest)];
            if !w.starts_with(char::is_lowercase) {
                break;
            }
            let after = &rest[w.len()..];
            if let Some(next) = after.strip_prefix('-')
                && next.starts_with(char::is_uppercase)
                && !is_range_word(w)
            {
                end += 1 + w.len() + 1 + alpha(next);
                continue;
            }
            if m.label == Label::Person
                && !after.starts_with('-')
                && !lex.contains(w)
                && !words::is_listed_compound_suffix(w)
                && (w.chars().count() <= 5 || !words::is_compound_suffix(w))
            {
                end += 1 + w.len();
            }
            break;
        }
        // Leftwards: "Khalil-ur-" before "Rahman", and for a person a capitalised part
        // no other mention holds ("Jean-" before "Paul Sartre").
        let mut start = m.span.start;
        while let Some(before) = text[..start].strip_suffix('-') {
            let w = &before[alpha_back(before)..];
            let (lead, joined) = if w.starts_with(char::is_lowercase) && !is_range_word(w) {
                let Some(b2) = before[..before.len() - w.len()].strip_suffix('-') else {
                    break;
                };
                let v = &b2[alpha_back(b2)..];
                (v, 1 + w.len() + 1 + v.len())
            } else if m.label == Label::Person && !ends.contains(&(start - 1)) {
                (w, 1 + w.len())
            } else {
                break;
            };
            let at = start - joined;
            if !lead.starts_with(char::is_uppercase)
                || text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '-')
            {
                break;
            }
            start = at;
        }
        if end != m.span.end || start != m.span.start {
            let old = normalize_name(&text[m.span.range()]);
            m.span = Span::new(start, end);
            if m.canonical == old {
                m.canonical = normalize_name(&text[m.span.range()]);
            }
            grown = true;
        }
    }
    if grown {
        ms.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
        let mut reach = 0;
        ms.retain(|c| {
            let inside = c.span.end <= reach;
            reach = reach.max(c.span.end);
            !inside
        });
    }
}

/// Lower-case words that join two names into a range or a pair, not one name
/// ("Kabul-to-Kandahar").
fn is_range_word(w: &str) -> bool {
    matches!(
        w,
        "to" | "and" | "or" | "vs" | "versus" | "via" | "than" | "with"
    )
}

/// True when `span` is made of known places (strong gazetteer GPE/LOC candidates it
/// contains) and, between or before them, only joining punctuation (`-`, `–`, `/`),
/// spaces, or one leading direction adjective ("Northern", "south-eastern").
fn split_known_places(text: &str, span: Span, inside: &[&Candidate]) -> bool {
    let places: Vec<&&Candidate> = inside
        .iter()
        .filter(|c| {
            span.contains(c.span)
                && c.span != span
                && c.extractor == Extractor::Gazetteer
                && c.confidence >= 0.9
                && matches!(c.label, Label::Gpe | Label::Loc)
        })
        .collect();
    if places.is_empty() {
        return false;
    }
    let mut at = span.start;
    for (n, c) in places.iter().enumerate() {
        let gap = &text[at..c.span.start];
        let ok = if n == 0 {
            is_direction_adjective(gap.trim()) || gap.trim().is_empty()
        } else {
            gap.chars()
                .all(|ch| matches!(ch, '-' | '–' | '—' | '/') || ch.is_whitespace())
                && !gap.trim().is_empty()
        };
        if !ok {
            return false;
        }
        at = c.span.end;
    }
    at == span.end
}

/// Compass adjectives that qualify a place without being part of its name.
fn is_direction_adjective(w: &str) -> bool {
    const DIRECTIONS: &[&str] = &[
        "northern",
        "southern",
        "eastern",
        "western",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "north-eastern",
        "north-western",
        "south-eastern",
        "south-western",
    ];
    let lower = w.to_lowercase();
    DIRECTIONS.contains(&lower.as_str())
}

/// Other occurrences of a string the model labelled get the same label when nothing
/// covers them and they are not part of a longer capitalised sequence ("Coron" seen
/// once as a place is a place throughout the document).
fn spread(text: &str, toks: &[Token], sent_of: &[Option<usize>], ms: &mut Vec<Candidate>) {
    let mut keys: BTreeMap<&str, (Label, String, f32)> = BTreeMap::new();
    for m in ms.iter() {
        if m.extractor == Extractor::Model && m.confidence >= 0.5 {
            let e =
                keys.entry(&text[m.span.range()])
                    .or_insert((m.label, m.canonical.clone(), 0.0));
            e.2 = e.2.max(m.confidence);
        }
    }
    if keys.is_empty() {
        return;
    }
    let mut covered = vec![false; toks.len()];
    let mut k = 0;
    for m in ms.iter() {
        while k < toks.len() && toks[k].span.end <= m.span.start {
            k += 1;
        }
        let mut j = k;
        while j < toks.len() && toks[j].span.start < m.span.end {
            covered[j] = true;
            j += 1;
        }
    }
    let cap = |i: usize| toks[i].text(text).starts_with(char::is_uppercase);
    let mut added = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if covered[i] || !cap(i) {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, &(Label, String, f32))> = None;
        for (key, v) in keys.range(toks[i].text(text)..) {
            if !key.starts_with(toks[i].text(text)) {
                break;
            }
            let end = toks[i].span.start + key.len();
            if text.get(toks[i].span.start..end) != Some(*key) {
                continue;
            }
            // Must end on a token boundary, inside one sentence, uncovered.
            let Some(b) = (i..toks.len()).find(|&j| toks[j].span.end >= end) else {
                continue;
            };
            if toks[b].span.end != end
                || (i..=b).any(|j| covered[j] || sent_of[j] != sent_of[i] || sent_of[j].is_none())
            {
                continue;
            }
            if best.is_none_or(|(bb, _)| b > bb) {
                best = Some((b, v));
            }
        }
        let Some((b, (label, canonical, conf))) = best else {
            i += 1;
            continue;
        };
        let glued = |x: usize, y: usize| text[toks[x].span.end..toks[y].span.start] == *" ";
        let longer = (i > 0 && sent_of[i - 1] == sent_of[i] && cap(i - 1) && glued(i - 1, i))
            || (b + 1 < toks.len()
                && sent_of[b + 1] == sent_of[b]
                && cap(b + 1)
                && glued(b, b + 1));
        if !longer {
            added.push(Candidate {
                span: Span::new(toks[i].span.start, toks[b].span.end),
                label: *label,
                canonical: canonical.clone(),
                extractor: Extractor::Model,
                confidence: conf * 0.9,
                priority: PRIORITY_RULE,
            });
        }
        i = b + 1;
    }
    ms.extend(added);
    ms.sort_by_key(|c| (c.span.start, c.span.end));
}

/// Model mentions of the same string share the label most of their confidence votes
/// for; a mention from a list or a rule counts as a strong vote.
fn one_label_per_string(text: &str, ms: &mut [Candidate]) {
    let mut votes: BTreeMap<String, [f32; 6]> = BTreeMap::new();
    let idx = |l: Label| Label::ALL.iter().position(|x| *x == l).unwrap_or(0);
    let names: Vec<String> = ms
        .iter()
        .map(|m| normalize_name(&text[m.span.range()]))
        .collect();
    for (m, name) in ms.iter().zip(&names) {
        if m.label == Label::Date {
            continue;
        }
        votes.entry(name.clone()).or_default()[idx(m.label)] += m.confidence;
    }
    for (m, name) in ms.iter_mut().zip(&names) {
        if m.extractor != Extractor::Model {
            continue;
        }
        let Some(v) = votes.get(name) else {
            continue;
        };
        let best = (0..6).fold(0, |b, k| if v[k] > v[b] { k } else { b });
        if v[best] > v[idx(m.label)] {
            m.label = Label::ALL[best];
        }
    }
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

    fn place(text: &str, name: &str) -> Candidate {
        let at = text.find(name).unwrap();
        Candidate {
            extractor: Extractor::Gazetteer,
            confidence: 0.9,
            ..cand(at, at + name.len(), Label::Gpe, PRIORITY_GAZETTEER)
        }
    }

    #[test]
    fn known_places_split_out_of_compounds() {
        let text = "the Tajikistan-Afghanistan border";
        let (t, a) = (place(text, "Tajikistan"), place(text, "Afghanistan"));
        assert!(split_known_places(text, Span::new(4, 26), &[&t, &a]));
        let text = "Northern Afghanistan provinces";
        let a = place(text, "Afghanistan");
        assert!(split_known_places(text, Span::new(0, 20), &[&a]));
        // A name around a place is a name of its own: the model's span stands.
        let text = "Bank of Afghanistan";
        let a = place(text, "Afghanistan");
        assert!(!split_known_places(text, Span::new(0, 19), &[&a]));
        let text = "East Jerusalem";
        let j = place(text, "Jerusalem");
        assert!(!split_known_places(text, Span::new(0, 14), &[&j]));
    }

    #[test]
    fn a_weak_full_name_stays_when_the_document_confirms_its_surname() {
        let text =
            "The head, Imangali Tasmagambetov, spoke. Later Tasmagambetov and Ivor Dunne left.";
        let toks = crate::tokens::tokenize(text);
        let sent_of: Vec<Option<usize>> = toks
            .iter()
            .map(|t| Some(usize::from(t.span.start > 40)))
            .collect();
        let person = |name: &str, confidence: f32| {
            let at = text.rfind(name).unwrap();
            Candidate {
                confidence,
                ..cand(at, at + name.len(), Label::Person, PRIORITY_RULE)
            }
        };
        let rule = vec![
            person("Imangali Tasmagambetov", 0.6),
            person("Tasmagambetov", 0.94),
            person("Ivor Dunne", 0.6),
        ];
        let kept = fuse_model(
            text,
            &Lexicon::embedded(),
            &toks,
            &sent_of,
            &Gazetteer::new(Vec::new()),
            rule,
            Vec::new(),
        );
        let names: Vec<&str> = kept.iter().map(|c| &text[c.span.range()]).collect();
        // "Ivor Dunne" is as weak, but nothing else in the text confirms "Dunne".
        assert_eq!(names, ["Imangali Tasmagambetov", "Tasmagambetov"]);
    }

    #[test]
    fn hyphenated_names_are_whole() {
        let text =
            "Wong Kwok-hing met Jean-Paul Sartre in Bourg-la-Reine, an Afghanistan-based town.";
        let at = |name: &str, label: Label| {
            let a = text.find(name).unwrap();
            Candidate {
                canonical: name.to_string(),
                ..cand(a, a + name.len(), label, PRIORITY_RULE)
            }
        };
        let mut ms = vec![
            at("Wong Kwok", Label::Person),
            at("hing", Label::Person),
            at("Paul Sartre", Label::Person),
            at("Bourg", Label::Gpe),
            at("Reine", Label::Gpe),
            at("Afghanistan", Label::Gpe),
        ];
        hyphen_continuations(text, &Lexicon::embedded(), &mut ms);
        let names: Vec<(&str, &str)> = ms
            .iter()
            .map(|c| (&text[c.span.range()], c.canonical.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("Wong Kwok-hing", "Wong Kwok-hing"),
                ("Jean-Paul Sartre", "Jean-Paul Sartre"),
                ("Bourg-la-Reine", "Bourg-la-Reine"),
                ("Afghanistan", "Afghanistan")
            ]
        );
    }

    #[test]
    fn names_are_normalised() {
        assert_eq!(normalize_name("the  Taliban’s"), "Taliban's");
        assert_eq!(normalize_name("The"), "The");
    }
}
