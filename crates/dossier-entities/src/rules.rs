//! Capitalised-sequence rules: runs of capitalised words (with gazetteer hits as atoms)
//! are split and labelled by titles, organisation heads and the words around them.
//!
//! What is left unexplained comes back as [`Unknown`] runs, for the document-level passes
//! (acronyms, short forms, label propagation, list coordination).

use dossier_core::{Extractor, Label, Span};

use crate::fuse::{Candidate, PRIORITY_GAZETTEER, PRIORITY_RULE, normalize_name};
use crate::gazetteer::{Gazetteer, Hit};
use crate::tokens::{Token, TokenKind};
use crate::words::{self, Lexicon};

/// Everything the rules read about one document.
pub(crate) struct Env<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Token],
    pub(crate) gaz: &'a Gazetteer,
    pub(crate) lex: &'a Lexicon,
    /// Accepted gazetteer hits, sorted and non-overlapping.
    pub(crate) hits: &'a [Hit],
    /// For each token: the hit starting there and the token index where it ends.
    pub(crate) hit_at: Vec<Option<(usize, usize)>>,
}

/// A capitalised run no rule could label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unknown {
    pub(crate) span: Span,
    /// Token range.
    pub(crate) a: usize,
    pub(crate) b: usize,
    /// Number of words (pieces).
    pub(crate) pieces: usize,
    /// Starts a sentence (its first word may be a capitalised common word).
    pub(crate) initial: bool,
    /// Sits after a job title and "of" ("Minister of Refugees"): never a person.
    pub(crate) complement: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A gazetteer hit (index into `Env::hits`).
    Gaz(usize),
    /// A capitalised word or hyphenated name.
    Name,
    /// A lower-case word.
    Lower,
    /// Numbers and punctuation.
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    a: usize,
    b: usize,
    span: Span,
    kind: Kind,
    /// Pieces of one hyphenated compound share a group and are joined by hyphens.
    group: usize,
}

impl<'a> Env<'a> {
    pub(crate) fn new(
        text: &'a str,
        toks: &'a [Token],
        gaz: &'a Gazetteer,
        lex: &'a Lexicon,
        hits: &'a [Hit],
    ) -> Env<'a> {
        let mut hit_at = vec![None; toks.len()];
        let mut t = 0;
        for (h, hit) in hits.iter().enumerate() {
            while t < toks.len() && toks[t].span.start < hit.span.start {
                t += 1;
            }
            let mut e = t;
            while e < toks.len() && toks[e].span.end <= hit.span.end {
                e += 1;
            }
            if t < toks.len() && toks[t].span.start == hit.span.start {
                hit_at[t] = Some((h, e));
            }
        }
        Env {
            text,
            toks,
            gaz,
            lex,
            hits,
            hit_at,
        }
    }

    fn tok(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(self.text))
    }

    fn piece_text(&self, p: &Piece) -> &'a str {
        &self.text[p.span.range()]
    }

    fn gaz_candidate(&self, h: usize, span: Span) -> Candidate {
        let hit = self.hits[h];
        let e = &self.gaz.entries[hit.entry];
        // A span widened past the gazetteer form ("post-Soviet") is its own name.
        let canonical = if span == hit.span {
            e.canonical.clone()
        } else {
            normalize_name(&self.text[span.range()])
        };
        Candidate {
            span,
            label: e.label,
            canonical,
            extractor: Extractor::Gazetteer,
            confidence: if hit.upper || e.ambiguous { 0.75 } else { 0.9 },
            priority: PRIORITY_GAZETTEER,
        }
    }

    fn rule(&self, span: Span, label: Label, confidence: f32) -> Candidate {
        Candidate {
            span,
            label,
            canonical: normalize_name(&self.text[span.range()]),
            extractor: Extractor::Rule,
            confidence,
            priority: PRIORITY_RULE,
        }
    }
}

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "‐" | "‑")
}

/// Splits the tokens `a..b` of one sentence into pieces: gazetteer hits, words, and
/// hyphenated compounds resolved by [`compound`].
fn pieces(env: &Env<'_>, a: usize, b: usize) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut i = a;
    let mut group = 0;
    while i < b {
        group += 1;
        let unit = |i: usize| -> (usize, usize, Kind) {
            if let Some((h, e)) = env.hit_at[i] {
                return (i, e.min(b), Kind::Gaz(h));
            }
            let t = env.toks[i];
            let kind = match t.kind {
                TokenKind::Word if capitalised(t.text(env.text)) => Kind::Name,
                TokenKind::Word => Kind::Lower,
                _ => Kind::Other,
            };
            (i, i + 1, kind)
        };
        let first = unit(i);
        if first.2 == Kind::Other {
            out.push(piece(env, first, group));
            i = first.1;
            continue;
        }
        let mut units = vec![first];
        let mut j = first.1;
        // Hyphenated compound: unit-unit-unit with no spaces.
        while j + 1 < b
            && is_hyphen(env.tok(j))
            && env.toks[j].span.start == env.toks[j - 1].span.end
            && env.toks[j + 1].span.start == env.toks[j].span.end
        {
            let next = unit(j + 1);
            if next.2 == Kind::Other {
                break;
            }
            units.push(next);
            j = next.1;
        }
        compound(env, &units, group, &mut out);
        i = j;
    }
    out
}

fn piece(env: &Env<'_>, (a, b, kind): (usize, usize, Kind), group: usize) -> Piece {
    Piece {
        a,
        b,
        span: Span::new(env.toks[a].span.start, env.toks[b - 1].span.end),
        kind,
        group,
    }
}

/// Resolves a hyphenated compound: `Tajikistan-Afghanistan` → two places,
/// `Afghanistan-based` → the place then a lower-case word, `post-Soviet` → one NORP,
/// `Khalil-ur-Rahman` → one name.
fn compound(env: &Env<'_>, units: &[(usize, usize, Kind)], group: usize, out: &mut Vec<Piece>) {
    let n = units.len();
    if n == 1 {
        out.push(piece(env, units[0], group));
        return;
    }
    let text =
        |u: &(usize, usize, Kind)| &env.text[env.toks[u.0].span.start..env.toks[u.1 - 1].span.end];
    let last = units[n - 1];
    let first = units[0];
    if last.2 == Kind::Lower && words::is_compound_suffix(text(&last)) {
        compound(env, &units[..n - 1], group, out);
        out.push(piece(env, last, group));
        return;
    }
    let prefix = first.2 == Kind::Lower || words::is_prefix(text(&first));
    if prefix {
        let rest = &units[1..];
        if words::is_norp_prefix(text(&first))
            && let [(_, b, Kind::Gaz(h))] = rest
            && env.gaz.entries[env.hits[*h].entry].label == Label::Norp
        {
            out.push(piece(env, (first.0, *b, Kind::Gaz(*h)), group));
            return;
        }
        if first.2 == Kind::Lower
            && words::is_name_infix(text(&first))
            && rest.iter().all(|u| u.2 != Kind::Lower)
        {
            out.push(piece(env, (first.0, last.1, Kind::Name), group));
            return;
        }
        out.push(piece(env, (first.0, first.1, Kind::Lower), group));
        compound(env, rest, group, out);
        return;
    }
    if units.iter().all(|u| matches!(u.2, Kind::Gaz(_))) {
        for u in units {
            out.push(piece(env, *u, group));
        }
        return;
    }
    out.push(piece(env, (first.0, last.1, Kind::Name), group));
}

/// A word whose full stop does not end a name: an honorific ("Mr.", "Gen.") or an
/// initial ("John F. Kennedy").
fn abbreviation(w: &str) -> bool {
    let mut chars = w.chars();
    let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    initial || words::is_title_head(w)
}

/// Groups pieces into runs of names joined by spaces, hyphens, connectors ("of the") and
/// honorific full stops ("Mr. Smith").
fn runs(env: &Env<'_>, pieces: &[Piece]) -> Vec<Vec<Piece>> {
    let mut out = Vec::new();
    let mut cur: Vec<Piece> = Vec::new();
    let flush = |cur: &mut Vec<Piece>, out: &mut Vec<Vec<Piece>>| {
        while cur.last().is_some_and(|p| p.kind == Kind::Lower) {
            cur.pop();
        }
        if !cur.is_empty() {
            out.push(std::mem::take(cur));
        }
        cur.clear();
    };
    for p in pieces {
        let joinable = cur.last().is_some_and(|last| {
            let gap = &env.text[last.span.end..p.span.start];
            if last.group == p.group {
                return true;
            }
            let gap = if abbreviation(env.piece_text(last)) {
                gap.strip_prefix('.').unwrap_or(gap)
            } else {
                gap
            };
            !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\t')
        });
        match p.kind {
            Kind::Gaz(_) | Kind::Name => {
                if !joinable {
                    flush(&mut cur, &mut out);
                }
                cur.push(*p);
            }
            Kind::Lower
                if joinable
                    && words::is_connector(env.piece_text(p))
                    && !cur.is_empty()
                    && cur
                        .iter()
                        .rev()
                        .take_while(|q| q.kind == Kind::Lower)
                        .count()
                        < 2 =>
            {
                cur.push(*p);
            }
            Kind::Other
                if env.piece_text(p) == "."
                    && cur.last().is_some_and(|l| {
                        l.span.end == p.span.start && abbreviation(env.piece_text(l))
                    }) => {}
            _ => flush(&mut cur, &mut out),
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// Runs the capitalised-sequence rules on the tokens `a..b` of one sentence.
pub(crate) fn sentence(env: &Env<'_>, a: usize, b: usize, out: &mut RuleOut) {
    let ps = pieces(env, a, b);
    for run in runs(env, &ps) {
        let mut r = trim(&run);
        while let Some(p) = r.first()
            && p.kind == Kind::Name
            && matches!(env.piece_text(p), "The" | "THE")
        {
            r = trim(&r[1..]);
        }
        if !r.is_empty() {
            out.runs.push(span_of(r));
        }
        classify(env, a, &run, false, &mut out.cands, &mut out.unknown);
    }
}

/// What the rules found in a document.
#[derive(Debug, Default)]
pub(crate) struct RuleOut {
    pub(crate) cands: Vec<Candidate>,
    pub(crate) unknown: Vec<Unknown>,
    /// Spans of every capitalised run (leading "The" removed), for acronym definitions.
    pub(crate) runs: Vec<Span>,
}

/// Emits the gazetteer pieces of the tokens `a..b` (for Title Case and all-caps lines,
/// where the capitalised rules do not run).
pub(crate) fn gazetteer_only(env: &Env<'_>, a: usize, b: usize, cands: &mut Vec<Candidate>) {
    for p in pieces(env, a, b) {
        if let Kind::Gaz(h) = p.kind {
            cands.push(env.gaz_candidate(h, p.span));
        }
    }
}

fn span_of(run: &[Piece]) -> Span {
    Span::new(run[0].span.start, run[run.len() - 1].span.end)
}

fn is_sentence_initial(env: &Env<'_>, sent_a: usize, tok: usize) -> bool {
    (sent_a..tok).all(|i| env.toks[i].kind == TokenKind::Punct)
        || (tok > sent_a && matches!(env.tok(tok - 1), ":" | "–" | "—" | "“" | "\"" | "("))
}

fn trim(run: &[Piece]) -> &[Piece] {
    let mut s = run;
    while s.first().is_some_and(|p| p.kind == Kind::Lower) {
        s = &s[1..];
    }
    while s.last().is_some_and(|p| p.kind == Kind::Lower) {
        s = &s[..s.len() - 1];
    }
    s
}

fn classify(
    env: &Env<'_>,
    sent_a: usize,
    run: &[Piece],
    complement: bool,
    cands: &mut Vec<Candidate>,
    unknown: &mut Vec<Unknown>,
) {
    let mut run = trim(run);
    // Leading "The" is outside a name.
    while let Some(p) = run.first()
        && p.kind == Kind::Name
        && matches!(env.piece_text(p), "The" | "THE")
    {
        run = trim(&run[1..]);
    }
    let Some(first) = run.first() else {
        return;
    };
    let text0 = env.piece_text(first);
    // A capitalised common word starting the sentence ("Despite", "Speaking") is not a
    // name, unless it heads an organisation ("Ministry of …") or is a title.
    if first.kind == Kind::Name
        && is_sentence_initial(env, sent_a, first.a)
        && env.lex.contains(text0)
        && !words::is_title_word(text0)
        && !(words::is_org_head_first(text0) && run.get(1).is_some_and(|p| p.kind == Kind::Lower))
    {
        classify(env, sent_a, &run[1..], complement, cands, unknown);
        return;
    }
    // Directions stay outside a place ("Northern Afghanistan").
    if first.kind == Kind::Name
        && words::is_direction(text0)
        && run.get(1).is_some_and(|p| matches!(p.kind, Kind::Gaz(_)))
    {
        classify(env, sent_a, &run[1..], complement, cands, unknown);
        return;
    }
    if let [p] = run
        && let Kind::Gaz(h) = p.kind
    {
        cands.push(env.gaz_candidate(h, p.span));
        return;
    }
    let title = title_block(env, run);
    // Title + "of …": a job title with its complement ("Secretary General of the CSTO").
    if let Some((0, j)) = title
        && run.get(j).is_some_and(|p| p.kind == Kind::Lower)
    {
        classify(env, sent_a, &run[j..], true, cands, unknown);
        return;
    }
    // "the Senate", "the League": a body named by its head word alone, after a
    // lower-case "the" (the full name was given earlier or is understood).
    if let [p] = run
        && p.kind == Kind::Name
        && p.a > sent_a
        && env.tok(p.a - 1) == "the"
        && is_definite_org(env.piece_text(p))
    {
        cands.push(env.rule(p.span, Label::Org, 0.8));
        return;
    }
    // "3rd Battalion", "5th Marines": a military unit named by its number.
    if let [p] = run
        && p.kind == Kind::Name
        && is_unit_head(env.piece_text(p))
        && let Some(start) = ordinal_before(env, sent_a, p.a)
    {
        cands.push(env.rule(Span::new(start, p.span.end), Label::Org, 0.8));
        return;
    }
    if let Some((s, e)) = org_span(env, run) {
        classify(env, sent_a, &run[..s], complement, cands, unknown);
        let name = trim(&run[s..e]);
        let mut span = span_of(name);
        // "407th Air Expeditionary Group": the unit's number is part of its name.
        if let Some(first) = name.first()
            && let Some(start) = ordinal_before(env, sent_a, first.a)
        {
            span.start = start;
        }
        // "Apple Inc.": the abbreviation's full stop belongs to the name.
        if matches!(
            &env.text[span.range()].rsplit(' ').next(),
            Some("Inc" | "Ltd" | "Co" | "Corp")
        ) && env.text[span.end..].starts_with('.')
        {
            span.end += 1;
        }
        cands.push(env.rule(span, Label::Org, 0.8));
        classify(env, sent_a, &run[e..], complement, cands, unknown);
        return;
    }
    if let Some((i, j)) = title {
        classify(env, sent_a, &run[..i], complement, cands, unknown);
        let post = &run[j..];
        if post.first().is_some_and(|p| p.kind == Kind::Lower) {
            classify(env, sent_a, post, true, cands, unknown);
            return;
        }
        let n = post.iter().take_while(|p| p.kind != Kind::Lower).count();
        if n > 0 {
            let name = &post[..n.min(4)];
            if let [p] = name
                && let Kind::Gaz(h) = p.kind
                && env.gaz.entries[env.hits[h].entry].label != Label::Person
            {
                cands.push(env.gaz_candidate(h, p.span));
            } else {
                cands.push(env.rule(span_of(name), Label::Person, 0.85));
            }
        }
        classify(env, sent_a, &post[n.min(4)..], complement, cands, unknown);
        return;
    }
    // Connectors only bind organisation names: split elsewhere.
    if let Some(k) = run.iter().position(|p| p.kind == Kind::Lower) {
        classify(env, sent_a, &run[..k], complement, cands, unknown);
        classify(env, sent_a, &run[k..], complement, cands, unknown);
        return;
    }
    // A one-word town before an unknown surname is a first name ("Vladimir Putin").
    if let [p, rest @ ..] = run
        && let Kind::Gaz(h) = p.kind
        && p.a + 1 == p.b
        && matches!(
            env.gaz.entries[env.hits[h].entry].kind.as_str(),
            "city" | "admin_region"
        )
        && !rest.is_empty()
        && rest.iter().all(|q| {
            let t = env.piece_text(q);
            q.kind == Kind::Name && t.chars().any(char::is_lowercase) && !env.lex.contains(t)
        })
    {
        unexplained(env, sent_a, run, complement, cands, unknown);
        return;
    }
    // Gazetteer hits inside an unexplained run stand alone; the rest is unknown.
    if run.iter().any(|p| matches!(p.kind, Kind::Gaz(_))) {
        let mut k = 0;
        while k < run.len() {
            if let Kind::Gaz(h) = run[k].kind {
                cands.push(env.gaz_candidate(h, run[k].span));
                k += 1;
                continue;
            }
            let e = k + run[k..].iter().take_while(|p| p.kind == Kind::Name).count();
            unexplained(env, sent_a, &run[k..e], complement, cands, unknown);
            k = e;
        }
        return;
    }
    unexplained(env, sent_a, run, complement, cands, unknown);
}

/// The start of an ordinal ("3rd", "407th") just before token `t` in the sentence that
/// starts at `sent_a`, one space away.
fn ordinal_before(env: &Env<'_>, sent_a: usize, t: usize) -> Option<usize> {
    let o = env.toks.get(t.checked_sub(1).filter(|&o| o >= sent_a)?)?;
    let s = env.tok(t - 1);
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let ordinal = o.kind == TokenKind::Number
        && digits > 0
        && matches!(
            s[digits..].to_ascii_lowercase().as_str(),
            "st" | "nd" | "rd" | "th"
        );
    (ordinal && &env.text[o.span.end..env.toks[t].span.start] == " ").then_some(o.span.start)
}

/// Head words that name one body on their own after "the" ("the Senate voted"); not
/// those that often stay common nouns when capitalised ("the Court", "the Government").
fn is_definite_org(w: &str) -> bool {
    matches!(
        w,
        "House"
            | "Senate"
            | "Congress"
            | "Coalition"
            | "League"
            | "Department"
            | "University"
            | "Army"
            | "Navy"
            | "Council"
            | "Parliament"
            | "Ministry"
            | "Commission"
    )
}

/// Words that name a military unit after its number ("3rd Battalion").
fn is_unit_head(w: &str) -> bool {
    matches!(
        w,
        "Battalion"
            | "Regiment"
            | "Brigade"
            | "Division"
            | "Squadron"
            | "Fleet"
            | "Army"
            | "Corps"
            | "Wing"
            | "Marines"
            | "Infantry"
            | "Cavalry"
            | "Artillery"
    )
}

/// The first title block (title words containing a head: "Foreign Minister", "Secretary
/// General", "Mr") of a run, as a piece range.
fn title_block(env: &Env<'_>, run: &[Piece]) -> Option<(usize, usize)> {
    let mut i = 0;
    while i < run.len() {
        let is_title = |p: &Piece| p.kind == Kind::Name && words::is_title_word(env.piece_text(p));
        if is_title(&run[i]) {
            let j = i + run[i..].iter().take_while(|p| is_title(p)).count();
            let has_head = run[i..j]
                .iter()
                .any(|p| words::is_title_head(env.piece_text(p)));
            // The last title word must be a head: "Foreign" alone is not a title.
            if has_head && words::is_title_head(env.piece_text(&run[j - 1])) {
                return Some((i, j));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    None
}

/// The organisation span (piece range) of a run with an organisation head: the last word
/// ("Afghanistan Working Group"), or the first word before "of/for"
/// ("Ministry of Foreign Affairs of Kazakhstan").
fn org_span(env: &Env<'_>, run: &[Piece]) -> Option<(usize, usize)> {
    let n = run.len();
    if n < 2 {
        return None;
    }
    let head_last =
        run[n - 1].kind == Kind::Name && words::is_org_head(env.piece_text(&run[n - 1]));
    if head_last {
        // After the last "and"/"or", unless only the head is left.
        let cut = run
            .iter()
            .rposition(|p| p.kind == Kind::Lower && matches!(env.piece_text(p), "and" | "or" | "&"))
            .map_or(0, |k| k + 1);
        let mut cut = if n - cut >= 2 { cut } else { 0 };
        // "Wong Pik-wan of the Democratic Party", "Members of the Senate": before "of" or
        // "for" with no organisation head, the words are not part of the name.
        if let Some(k) = run[cut..]
            .iter()
            .rposition(|p| p.kind == Kind::Lower && matches!(env.piece_text(p), "of" | "for"))
            .map(|k| k + cut)
            && !run[cut..k].iter().any(|p| {
                let t = env.piece_text(p);
                p.kind == Kind::Name && (words::is_org_head(t) || words::is_org_head_first(t))
            })
            && let Some(after) = (k + 1..n).find(|&j| run[j].kind != Kind::Lower)
        {
            cut = after;
        }
        if run[cut..].iter().all(|p| matches!(p.kind, Kind::Gaz(_))) {
            return None;
        }
        return Some((cut, n));
    }
    // A head before "of/for" anywhere: "Ministry of …", "British Columbia Institute of
    // Technology".
    let head = (0..n - 1).find(|&k| {
        run[k].kind == Kind::Name
            && words::is_org_head_first(env.piece_text(&run[k]))
            && matches!(env.piece_text(&run[k + 1]), "of" | "for")
            && run[k + 1..].iter().any(|p| p.kind != Kind::Lower)
    })?;
    let start = run[..head]
        .iter()
        .rposition(|p| p.kind == Kind::Lower)
        .map_or(0, |k| k + 1);
    // "Ministry of Agriculture and Livestock" is one name, but "Council of … and Russia"
    // ends before a coordinated known name.
    let end = (head + 1..n)
        .find(|&k| {
            matches!(env.piece_text(&run[k]), "and" | "or" | "&")
                && run
                    .get(k + 1)
                    .is_some_and(|p| matches!(p.kind, Kind::Gaz(_)))
        })
        .unwrap_or(n);
    // A title after the name is not part of it ("Museum of Flight CEO").
    let mut end = end;
    while end > head + 2
        && (words::is_title_word(env.piece_text(&run[end - 1])) || run[end - 1].kind == Kind::Lower)
    {
        end -= 1;
    }
    Some((start, end))
}

/// A run of names no title, head or gazetteer explains: look at the words around it.
fn unexplained(
    env: &Env<'_>,
    sent_a: usize,
    run: &[Piece],
    complement: bool,
    cands: &mut Vec<Candidate>,
    unknown: &mut Vec<Unknown>,
) {
    let run = trim(run);
    if run.is_empty() {
        return;
    }
    let span = span_of(run);
    let (a, b) = (run[0].a, run[run.len() - 1].b);
    let initial = is_sentence_initial(env, sent_a, a);
    let lower = |i: usize| env.word(i).map(str::to_lowercase);
    // News outlets: "newspaper Izvestia", "TASS news agency".
    let media_before = a > 0 && lower(a - 1).is_some_and(|w| words::is_media_before(&w));
    let media_after = env
        .word(b)
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase) || w == "TV")
        && env
            .word(b)
            .is_some_and(|w| words::is_media_after(w, env.word(b + 1)));
    if !complement && (media_before || media_after) {
        cands.push(env.rule(span, Label::Org, 0.85));
        return;
    }
    // A lower-case title right before: "Taliban spokesman Zabihullah Mujahid".
    let title_before = a > 0
        && env
            .word(a - 1)
            .is_some_and(|w| w.starts_with(char::is_lowercase) && words::is_title_head(w));
    let name_like = !complement
        && run.len() <= 4
        && run
            .iter()
            .any(|p| env.piece_text(p).chars().any(char::is_lowercase))
        && run.iter().all(|p| {
            let t = env.piece_text(p);
            matches!(p.kind, Kind::Name | Kind::Gaz(_))
                && (t.chars().any(char::is_lowercase) || abbreviation(t))
        });
    if name_like {
        let n_words = run.len();
        if title_before && n_words <= 4 {
            cands.push(env.rule(span, Label::Person, 0.8));
            return;
        }
        if appositive_after(env, b) && (n_words >= 2 || !env.lex.contains(env.piece_text(&run[0])))
        {
            cands.push(env.rule(span, Label::Person, 0.8));
            return;
        }
        if (2..=3).contains(&n_words) && appositive_before(env, sent_a, a, b) {
            cands.push(env.rule(span, Label::Person, 0.7));
            return;
        }
        let said_after = lower(b).is_some_and(|w| words::is_speech_verb(&w));
        let said_before = a > 0 && lower(a - 1).is_some_and(|w| words::is_speech_verb(&w));
        // "analysts at Goldman Sachs said": after a preposition it is a place or a body.
        let after_preposition = a > 0
            && env
                .word(a - 1)
                .is_some_and(|w| matches!(w, "at" | "from" | "of" | "in" | "by" | "with" | "for"));
        if (2..=3).contains(&n_words) && (said_after || said_before) && !after_preposition {
            cands.push(env.rule(span, Label::Person, 0.7));
            return;
        }
    }
    unknown.push(Unknown {
        span,
        a,
        b,
        pieces: run.len(),
        initial,
        complement,
    });
}

/// "X, spokesperson for …", "X, a researcher …", "X, the Taliban’s Minister of …".
fn appositive_after(env: &Env<'_>, b: usize) -> bool {
    if b >= env.toks.len() || env.tok(b) != "," {
        return false;
    }
    let mut j = b + 1;
    if env
        .word(j)
        .is_some_and(|w| matches!(w, "the" | "a" | "an" | "his" | "her" | "its" | "their"))
    {
        j += 1;
    }
    // An optional possessor or modifier: "the Taliban’s", "Russia’s", "the ECB".
    let mut k = j;
    for _ in 0..3 {
        if let Some((_, e)) = env.hit_at.get(k).copied().flatten() {
            k = e;
        } else if env
            .word(k)
            .is_some_and(|w| capitalised(w) && !words::is_role(w))
        {
            k += 1;
        } else {
            break;
        }
    }
    if k > j && k < env.toks.len() && matches!(env.tok(k), "’s" | "'s") {
        k += 1;
    }
    if env.word(k).is_some_and(words::is_role) {
        return true;
    }
    env.word(j).is_some_and(words::is_role)
}

/// "The Secretary-General of the CSTO, Imangali Tasmagambetov, …": a name right after a
/// comma that closes a title phrase.
fn appositive_before(env: &Env<'_>, sent_a: usize, a: usize, b: usize) -> bool {
    if a < 2 || a <= sent_a || env.tok(a - 1) != "," {
        return false;
    }
    let closes = b >= env.toks.len() || matches!(env.tok(b), "," | "." | ";");
    if !closes {
        return false;
    }
    let from = (a - 1).saturating_sub(12).max(sent_a);
    // "…'s special envoy for Afghanistan, Roza Otunbayeva, said": a lower-case title
    // counts when the apposition closes on a reporting verb or "who".
    let speaks = b < env.toks.len()
        && env.tok(b) == ","
        && env
            .word(b + 1)
            .is_some_and(|w| w == "who" || words::is_speech_verb(w));
    (from..a - 1).any(|i| {
        env.word(i)
            .is_some_and(|w| (capitalised(w) || speaks) && words::is_title_head(w))
    })
}
