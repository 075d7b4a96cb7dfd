//! The recognizer: configuration, gazetteer matching, and the document-level passes
//! (acronym definitions, short forms, label propagation, list coordination) around the
//! capitalised-sequence rules.

use std::collections::BTreeMap;
use std::sync::Arc;

use dossier_core::{Annotations, CleanDocument, Extractor, Label, Mention, Span, Timex};

use crate::calibrate::{Calibration, in_capitalised_run};
use crate::features::{WordClasses, token_infos};
use crate::fuse::{
    Candidate, PRIORITY_DATE, PRIORITY_GUESS, PRIORITY_RULE, fuse, fuse_model, normalize_name,
};
use crate::gazetteer::{EMBEDDED, Gazetteer, Hit};
use crate::model::{Model, ModelError};
use crate::rules::{self, Env, RuleOut, Unknown};
use crate::tokens::{Token, TokenKind, sentences, sentences_of_tokens, tokenize};
use crate::words::{self, Lexicon};

/// What to extract and how sure to be.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Labels to keep (default: all six).
    pub labels: Vec<Label>,
    /// Mentions below this confidence are dropped (default 0.5). A two- or three-word
    /// capitalised name with no other evidence is guessed to be a person at 0.45 (0.65
    /// when its last word recurs alone in the document, 0.7 after a known given name).
    pub min_confidence: f32,
    /// Use the gazetteer files embedded from `data/` (default true).
    pub embedded_gazetteer: bool,
    /// More gazetteer files as `(file name, TSV text)`, same format as `data/*.tsv`;
    /// they take priority over the embedded ones. A name starting with `ambiguous`
    /// marks its entries as needing context; `armed_groups` gives role `armed_group`.
    pub extra_gazetteers: Vec<(String, String)>,
    /// Run the statistical tagger and fuse its spans with the rules (default true).
    /// `false` gives the rules and gazetteers alone.
    pub model: bool,
    /// With the model: replace each PER/ORG/GPE/LOC mention's raw confidence by the
    /// share of such mentions that were exactly right in cross-validation
    /// (`model/calibration.tsv`; default true). Filtering by `min_confidence` uses the
    /// raw confidence either way.
    pub calibrate: bool,
}

/// The trained tagger embedded in the crate (CC BY-SA 4.0, see `model/README.md`).
const EMBEDDED_MODEL: &[u8] = include_bytes!("../model/ner.bin");

impl Default for Config {
    fn default() -> Config {
        Config {
            labels: Label::ALL.to_vec(),
            min_confidence: 0.5,
            embedded_gazetteer: true,
            extra_gazetteers: Vec::new(),
            model: true,
            calibrate: true,
        }
    }
}

/// A compiled recognizer: gazetteer automaton, lexicon and rules. Build once, share
/// across threads.
#[derive(Debug, Clone)]
pub struct Recognizer {
    config: Config,
    pub(crate) gaz: Arc<Gazetteer>,
    lex: Arc<Lexicon>,
    classes: Arc<WordClasses>,
    model: Option<Arc<Model>>,
    calibration: Arc<Calibration>,
}

/// How the rules treat a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineMode {
    Normal,
    /// Headline in Title Case: only gazetteer names and known strings.
    TitleCase,
    /// ALL CAPS: upper-cased gazetteer forms allowed, no rules.
    AllCaps,
}

impl Recognizer {
    /// Compiles the gazetteers named by `config` and loads the embedded model.
    pub fn new(config: &Config) -> Recognizer {
        // The embedded model is checked by a unit test; should it ever fail to parse,
        // the recognizer falls back to the rules alone rather than fail.
        Recognizer::build(
            config,
            Model::parse(EMBEDDED_MODEL).ok(),
            Calibration::embedded(),
        )
    }

    /// Like [`Recognizer::new`], with another model file (as written by
    /// `cargo xtask train-ner`). Fails only when the file is not a model this build reads.
    /// The embedded calibration belongs to the embedded model: mentions keep their raw
    /// confidence.
    pub fn with_model(config: &Config, model: &[u8]) -> Result<Recognizer, ModelError> {
        Ok(Recognizer::build(
            config,
            Some(Model::parse(model)?),
            Calibration::default(),
        ))
    }

    fn build(config: &Config, model: Option<Model>, calibration: Calibration) -> Recognizer {
        let extra = config
            .extra_gazetteers
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()));
        let embedded = EMBEDDED
            .iter()
            .copied()
            .filter(|_| config.embedded_gazetteer);
        let lex = Lexicon::embedded();
        Recognizer {
            config: config.clone(),
            gaz: Arc::new(Gazetteer::from_tsv(extra.chain(embedded))),
            classes: Arc::new(WordClasses::new(&lex)),
            lex: Arc::new(lex),
            model: model.filter(|m| !m.is_empty()).map(Arc::new),
            calibration: Arc::new(calibration),
        }
    }

    /// Does this recognizer run a (non-empty) statistical model?
    pub fn has_model(&self) -> bool {
        self.config.model && self.model.is_some()
    }

    pub(crate) fn classes(&self) -> &WordClasses {
        &self.classes
    }

    /// Finds the entity mentions of a document. DATE mentions are taken from `timexes`
    /// (those with `is_mention`). Documents whose language is known and not English get
    /// sentences only.
    pub fn extract(&self, doc: &CleanDocument, timexes: &[Timex]) -> Annotations {
        let text = doc.text.as_str();
        if let Some(lang) = &doc.metadata.language
            && !matches!(lang.as_str(), "en" | "eng")
        {
            return Annotations {
                sentences: sentences(text, &doc.paragraphs),
                mentions: Vec::new(),
            };
        }
        let an = self.analyse(text, &doc.paragraphs, timexes);
        let sents = an.sents.clone();
        let (mut ms, calibrate) = match &self.model {
            Some(model) if self.config.model => {
                (self.model_pass(text, an, model), self.config.calibrate)
            }
            _ => (an.ms, false),
        };
        undefined_acronyms(text, &mut ms);
        let kept: Vec<Candidate> = ms
            .into_iter()
            .filter(|c| self.config.labels.contains(&c.label))
            .filter(|c| c.label == Label::Date || c.confidence >= self.config.min_confidence)
            .collect();
        let spans: Vec<Span> = kept.iter().map(|c| c.span).collect();
        let mentions = kept
            .into_iter()
            .map(|c| Mention {
                sentence: sents
                    .partition_point(|s| s.end <= c.span.start)
                    .min(sents.len().saturating_sub(1)),
                span: c.span,
                label: c.label,
                canonical: c.canonical,
                extractor: c.extractor,
                confidence: if calibrate {
                    let in_run = in_capitalised_run(text, c.span, &spans);
                    self.calibration
                        .apply(c.extractor, c.label, in_run, c.confidence)
                } else {
                    c.confidence
                }
                .clamp(0.0, 1.0),
            })
            .collect();
        Annotations {
            sentences: sents,
            mentions,
        }
    }

    /// The model's pass: token features (with the gazetteer and rule candidates as
    /// features), Viterbi decoding, then fusion with the rule candidates.
    fn model_pass(&self, text: &str, an: Analysis, model: &Model) -> Vec<Candidate> {
        let infos = token_infos(text, &an, &self.gaz, &self.classes);
        let ranges = sentence_ranges(&an.sent_of);
        let spans = model.tag(&an.toks, &infos, &ranges);
        let mut ms = fuse_model(
            text,
            &self.lex,
            &an.toks,
            &an.sent_of,
            &self.gaz,
            an.ms,
            spans,
        );
        let mut keys = Keys::new();
        short_forms(text, &mut ms, &mut keys);
        org_short_forms(text, &mut ms);
        ms
    }

    /// The rule pass over a text: tokens, sentences, gazetteer hits and the fused rule
    /// and gazetteer candidates after the document-level passes (any confidence).
    pub(crate) fn analyse(&self, text: &str, paragraphs: &[Span], timexes: &[Timex]) -> Analysis {
        let toks = tokenize(text);
        let sents = sentences_of_tokens(text, &toks, paragraphs);
        let sent_of = sentence_of_tokens(&toks, &sents);
        let modes = line_modes(text, &toks, &sents);
        let hits = self.gazetteer_hits(text, &toks, &sent_of, &modes);
        let env = Env::new(text, &toks, &self.gaz, &self.lex, &hits);

        let mut out = RuleOut::default();
        let mut t = 0;
        for (si, mode) in modes.iter().enumerate() {
            while t < toks.len() && sent_of[t].is_none_or(|s| s < si) {
                t += 1;
            }
            let a = t;
            let mut b = a;
            while b < toks.len() && sent_of[b] == Some(si) {
                b += 1;
            }
            match mode {
                LineMode::Normal => rules::sentence(&env, a, b, &mut out),
                _ => rules::gazetteer_only(&env, a, b, &mut out.cands),
            }
            t = b;
        }
        let mut cands = out.cands;
        cands.extend(timexes.iter().filter(|x| x.is_mention).map(|x| Candidate {
            span: x.span,
            label: Label::Date,
            canonical: String::new(),
            extractor: Extractor::Rule,
            confidence: 0.9,
            priority: PRIORITY_DATE,
        }));
        let mut ms = fuse(cands);
        let mut keys = acronyms(&env, &mut ms, &out.unknown, &out.runs);
        short_forms(text, &mut ms, &mut keys);
        propagate(&env, &sent_of, &modes, &keys, &mut ms);
        coordinate(text, &self.lex, &out.unknown, &mut ms);
        // Guessed persons come last, then their surnames spread too.
        guess(&env, &out.unknown, &sent_of, &modes, &mut ms);
        let mut keys = Keys::new();
        short_forms(text, &mut ms, &mut keys);
        propagate(&env, &sent_of, &modes, &keys, &mut ms);
        ms.sort_by_key(|c| (c.span.start, c.span.end));
        drop(env);
        Analysis {
            toks,
            sents,
            sent_of,
            modes,
            hits,
            ms,
        }
    }

    /// Gazetteer matches on token boundaries inside one sentence, filtered by context,
    /// then leftmost-longest.
    fn gazetteer_hits(
        &self,
        text: &str,
        toks: &[Token],
        sent_of: &[Option<usize>],
        modes: &[LineMode],
    ) -> Vec<Hit> {
        let mut start_tok = vec![usize::MAX; text.len() + 1];
        let mut end_tok = vec![usize::MAX; text.len() + 1];
        for (i, t) in toks.iter().enumerate() {
            start_tok[t.span.start] = i;
            end_tok[t.span.end] = i;
        }
        let mut hits: Vec<Hit> = self
            .gaz
            .find(text)
            .into_iter()
            .filter(|h| {
                let (a, b) = (start_tok[h.span.start], end_tok[h.span.end]);
                if a == usize::MAX || b == usize::MAX {
                    return false;
                }
                let Some(s) = sent_of[a] else {
                    return false;
                };
                if sent_of[b] != Some(s) {
                    return false;
                }
                let e = &self.gaz.entries[h.entry];
                let surface = &text[h.span.range()];
                if h.upper && !(modes[s] == LineMode::AllCaps || caps_context(text, toks, a, b)) {
                    return false;
                }
                // Short all-caps names ("IS", "UN") are unreliable in all-caps lines.
                if !h.upper
                    && modes[s] == LineMode::AllCaps
                    && surface.chars().filter(|c| c.is_alphabetic()).count() <= 3
                {
                    return false;
                }
                // "US$ 20,000": a currency, not the country.
                if matches!(e.label, Label::Gpe | Label::Loc) && text[h.span.end..].starts_with('$')
                {
                    return false;
                }
                // "Boeing 787", "Airbus A380": a product named after its maker.
                if e.label == Label::Org && is_model_number(&text[h.span.end..]) {
                    return false;
                }
                // "RT @user" and "RT:" mark a repost, not the broadcaster RT.
                if surface == "RT"
                    && text[h.span.end..]
                        .trim_start_matches(' ')
                        .starts_with(['@', ':'])
                {
                    return false;
                }
                if e.ambiguous {
                    let place = matches!(e.label, Label::Gpe | Label::Loc);
                    let prep = a > 0
                        && toks[a - 1].kind == TokenKind::Word
                        && words::is_place_preposition(toks[a - 1].text(text));
                    return place && prep;
                }
                true
            })
            .collect();
        hits.sort_by(|x, y| {
            x.span
                .start
                .cmp(&y.span.start)
                .then(y.span.end.cmp(&x.span.end))
                .then(x.upper.cmp(&y.upper))
                .then(x.entry.cmp(&y.entry))
        });
        let mut kept: Vec<Hit> = Vec::new();
        for h in hits {
            if kept.last().is_none_or(|k| k.span.end <= h.span.start) {
                kept.push(h);
            }
        }
        kept
    }
}

/// Does `after` (the text after a name) start with a product's model number: a space,
/// then a word of digits, or of one or two capitals and digits ("787", "A380", "A400M")?
fn is_model_number(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word: &str = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | ')' | '\''))
        .next()
        .unwrap_or("");
    let letters = word.chars().take_while(char::is_ascii_uppercase).count();
    let digits = &word[letters..];
    letters <= 2
        && digits.chars().next().is_some_and(|c| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !(letters == 0 && digits.len() == 4 && digits.starts_with(['1', '2']))
}

/// What the rule pass found in a text.
#[derive(Debug)]
pub(crate) struct Analysis {
    pub(crate) toks: Vec<Token>,
    pub(crate) sents: Vec<Span>,
    pub(crate) sent_of: Vec<Option<usize>>,
    /// The mode of each sentence's line.
    pub(crate) modes: Vec<LineMode>,
    pub(crate) hits: Vec<Hit>,
    /// Rule and gazetteer candidates, sorted, non-overlapping, any confidence.
    pub(crate) ms: Vec<Candidate>,
}

/// The token range of every sentence (tokens outside sentences belong to none).
pub(crate) fn sentence_ranges(sent_of: &[Option<usize>]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut prev = None;
    for (i, s) in sent_of.iter().enumerate() {
        match s {
            Some(_) if *s == prev && out.last().is_some_and(|r| r.1 == i) => {
                if let Some(r) = out.last_mut() {
                    r.1 = i + 1;
                }
            }
            Some(_) => out.push((i, i + 1)),
            None => {}
        }
        prev = *s;
    }
    out
}

fn sentence_of_tokens(toks: &[Token], sents: &[Span]) -> Vec<Option<usize>> {
    toks.iter()
        .map(|t| {
            let i = sents.partition_point(|s| s.end <= t.span.start);
            sents
                .get(i)
                .filter(|s| s.start <= t.span.start && t.span.end <= s.end)
                .map(|_| i)
        })
        .collect()
}

fn is_upper_word(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
}

/// Is the upper-cased name at tokens `a..=b` in an all-caps context: next to another
/// all-caps word on its line, or a dateline at the start of a line ("KABUL – …")?
fn caps_context(text: &str, toks: &[Token], a: usize, b: usize) -> bool {
    let same_line = |x: usize, y: usize| !text[x..y].contains('\n');
    let prev = (a.saturating_sub(2)..a)
        .rev()
        .find(|&i| toks[i].kind == TokenKind::Word)
        .filter(|&i| same_line(toks[i].span.end, toks[a].span.start));
    let next = (b + 1..(b + 3).min(toks.len()))
        .find(|&i| toks[i].kind == TokenKind::Word)
        .filter(|&i| same_line(toks[b].span.end, toks[i].span.start));
    if prev.is_some_and(|i| is_upper_word(toks[i].text(text)))
        || next.is_some_and(|i| is_upper_word(toks[i].text(text)))
    {
        return true;
    }
    let line_start = a == 0 || text[..toks[a].span.start].ends_with('\n');
    line_start
        && toks
            .get(b + 1)
            .is_some_and(|t| matches!(t.text(text), "," | "–" | "—" | "-" | ":"))
}

/// The mode of every sentence's line (computed once per line).
fn line_modes(text: &str, toks: &[Token], sents: &[Span]) -> Vec<LineMode> {
    let mut out = Vec::with_capacity(sents.len());
    let mut last: Option<(usize, LineMode)> = None;
    for s in sents {
        let ls = text[..s.start].rfind('\n').map_or(0, |i| i + 1);
        let mode = match last {
            Some((start, mode)) if start == ls => mode,
            _ => {
                let le = text[s.end..].find('\n').map_or(text.len(), |i| s.end + i);
                let a = toks.partition_point(|t| t.span.start < ls);
                let b = a + toks[a..].partition_point(|t| t.span.start < le);
                line_mode(text, &text[ls..le], &toks[a..b])
            }
        };
        last = Some((ls, mode));
        out.push(mode);
    }
    out
}

/// The mode of a line, given its tokens (spans into `text`).
fn line_mode(text: &str, line: &str, toks: &[Token]) -> LineMode {
    let (letters, upper) = if line.is_ascii() {
        let b = line.as_bytes();
        (
            b.iter().filter(|c| c.is_ascii_alphabetic()).count(),
            b.iter().filter(|c| c.is_ascii_uppercase()).count(),
        )
    } else {
        (
            line.chars().filter(|c| c.is_alphabetic()).count(),
            line.chars().filter(|c| c.is_uppercase()).count(),
        )
    };
    if letters >= 8 && upper * 10 >= letters * 9 {
        return LineMode::AllCaps;
    }
    let trimmed = line.trim_end_matches(|c: char| c.is_whitespace() || "”\"’')".contains(c));
    if trimmed.ends_with(['.', '!', '?', ',', ';']) {
        return LineMode::Normal;
    }
    let content: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .filter(|w| {
            w.chars().next().is_some_and(char::is_alphabetic) && !words::is_function_word(w)
        })
        .collect();
    let caps = content
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if content.len() >= 3 && caps * 4 > content.len() * 3 {
        LineMode::TitleCase
    } else {
        LineMode::Normal
    }
}

fn overlaps_any(ms: &[Candidate], span: Span) -> bool {
    ms.iter().any(|m| m.span.overlaps(span))
}

/// Looks like an acronym: one word, at least two capitals, mostly capitals.
fn acronym_like(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    !s.contains(char::is_whitespace) && upper >= 2 && upper * 2 >= letters
}

/// Do the capitals of `short` follow the initials of `long` ("TTP" / "Tehrik-i-Taliban
/// Pakistan")? Checks the first letter and that every capital appears in order.
fn initials_match(short: &str, long: &str) -> bool {
    let s: Vec<char> = short.chars().filter(|c| c.is_uppercase()).collect();
    let l: Vec<char> = long.chars().filter(|c| c.is_uppercase()).collect();
    let Some(first) = s.first() else {
        return false;
    };
    if l.first() != Some(first) {
        return false;
    }
    let mut it = l.iter();
    s.iter().all(|c| it.any(|x| x == c))
}

type Keys = BTreeMap<String, (Label, String, f32)>;

/// Acronym definitions "Long Name (LN)" and "LN (Long Name)": the two share one label and
/// the long form's canonical. Returns the strings to propagate (acronym → long form).
fn acronyms(env: &Env<'_>, ms: &mut Vec<Candidate>, unknown: &[Unknown], runs: &[Span]) -> Keys {
    let text = env.text;
    let toks = env.toks;
    let mut keys = Keys::new();
    for k in 1..toks.len() {
        if toks[k].text(text) != "(" {
            continue;
        }
        let Some(close) = (k + 1..(k + 8).min(toks.len())).find(|&i| toks[i].text(text) == ")")
        else {
            continue;
        };
        if close == k + 1 || text[toks[k - 1].span.end..toks[k].span.start].contains('\n') {
            continue;
        }
        let inner = Span::new(toks[k + 1].span.start, toks[close - 1].span.end);
        let outer_end = toks[k - 1].span.end;
        let inner_text = &text[inner.range()];
        let inner_m = ms.iter().position(|m| m.span == inner);
        // The outer name: the mention ending before "(", or the capitalised run there.
        let run = runs.iter().find(|r| r.end == outer_end).copied();
        let last_m = ms
            .iter()
            .position(|m| m.span.end == outer_end && m.label != Label::Date);
        let unk = unknown
            .iter()
            .find(|u| u.span.end == outer_end)
            .map(|u| u.span);
        let inner_known = inner_m.filter(|&i| ms[i].label != Label::Date);
        // The long form spelled by the acronym's capitals, if any ("UN Assistance
        // Mission in Afghanistan (UNAMA)").
        let spelled = spelled_long_form(env, k, inner_text).filter(|l| {
            last_m.is_none_or(|i| l.start < ms[i].span.start)
                && unk.is_none_or(|u| l.start <= u.start)
        });
        let (outer, outer_m) = match (last_m, inner_known) {
            _ if spelled.is_some() => {
                let l = spelled.unwrap_or_default();
                (l, ms.iter().position(|m| m.span == l))
            }
            (Some(i), Some(j))
                if ms[i].canonical != ms[j].canonical && ms[i].label != ms[j].label =>
            {
                // "Tahrik-i-Taliban Pakistan (TTP)": the whole run, not just "Pakistan".
                match run {
                    Some(r)
                        if r.start < ms[i].span.start
                            && initials_match(&text[inner.range()], &text[r.range()]) =>
                    {
                        (r, None)
                    }
                    _ => (ms[i].span, Some(i)),
                }
            }
            (Some(i), _) => (ms[i].span, Some(i)),
            (None, _) => match unk {
                Some(u) => (u, None),
                None => continue,
            },
        };
        let outer_text = &text[outer.range()];
        let (long, long_m, short, short_m) =
            if acronym_like(inner_text) && !acronym_like(outer_text) {
                (outer, outer_m, inner, inner_known)
            } else if acronym_like(outer_text) && inner_text.contains(' ') {
                (inner, inner_known, outer, outer_m)
            } else if acronym_like(outer_text) && acronym_like(inner_text) {
                // Two short forms of one name ("ISIS-K (ISIS-Khorasan)").
                (outer, outer_m, inner, inner_known)
            } else {
                continue;
            };
        let long_text = &text[long.range()];
        let short_text = &text[short.range()];
        let (label, canonical, conf) = match (long_m, short_m) {
            (Some(l), _) => (ms[l].label, ms[l].canonical.clone(), ms[l].confidence),
            (None, Some(s)) => (ms[s].label, ms[s].canonical.clone(), ms[s].confidence),
            // An unknown long form is an organisation only with a head word ("…
            // Commission (ABC)"): "Geographic Information Systems (GIS)" is not one.
            (None, None)
                if initials_match(short_text, long_text)
                    && long_text
                        .split([' ', '-'])
                        .any(|w| words::is_org_head(w) || words::is_org_head_first(w)) =>
            {
                (Label::Org, normalize_name(long_text), 0.7)
            }
            (None, None) => continue,
        };
        let add = |span: Span, ms: &mut Vec<Candidate>| {
            ms.retain(|m| !(m.label != Label::Date && span.contains(m.span)));
            if !overlaps_any(ms, span) {
                ms.push(Candidate {
                    span,
                    label,
                    canonical: canonical.clone(),
                    extractor: Extractor::Rule,
                    confidence: conf.min(0.85),
                    priority: PRIORITY_RULE,
                });
            }
        };
        let short_known = short_m.is_some();
        if long_m.is_none() {
            add(long, ms);
        }
        // Indices are stale after `add`: find the short form by its span.
        match ms
            .iter()
            .position(|m| m.span == short && m.label != Label::Date)
        {
            None if !short_known => add(short, ms),
            Some(s) if ms[s].extractor == Extractor::Rule => {
                ms[s].label = label;
                ms[s].canonical = canonical.clone();
            }
            _ => {}
        }
        ms.sort_by_key(|c| (c.span.start, c.span.end));
        let short_canon = ms
            .iter()
            .find(|m| m.span == short)
            .map_or(canonical.clone(), |m| m.canonical.clone());
        let short_label = ms
            .iter()
            .find(|m| m.span == short)
            .map_or(label, |m| m.label);
        keys.insert(short_text.to_string(), (short_label, short_canon, 0.8));
        keys.insert(
            normalize_surface(long_text),
            (label, canonical.clone(), 0.8),
        );
    }
    keys
}

/// The closest span ending before the `(` at token `k` whose capitals spell `short`
/// exactly, made of capitalised words and the connectors of/for/in/on/the/and.
fn spelled_long_form(env: &Env<'_>, k: usize, short: &str) -> Option<Span> {
    let caps: String = short.chars().filter(|c| c.is_uppercase()).collect();
    if caps.len() < 2 || !acronym_like(short) {
        return None;
    }
    let end = env.toks[k - 1].span.end;
    for i in (k.saturating_sub(12)..k).rev() {
        let t = env.toks[i];
        let w = t.text(env.text);
        if env.text[t.span.end..end].contains('\n') {
            return None;
        }
        let ok = match t.kind {
            TokenKind::Word => {
                w.starts_with(char::is_uppercase)
                    || matches!(
                        w,
                        "of" | "for" | "in" | "on" | "the" | "and" | "i" | "e" | "ur" | "al"
                    )
            }
            TokenKind::Punct => matches!(w, "-" | "–" | "&"),
            TokenKind::Number => false,
        };
        if !ok {
            return None;
        }
        if t.kind == TokenKind::Word && w.starts_with(char::is_uppercase) {
            let span = Span::new(t.span.start, end);
            let spelled: String = env.text[span.range()]
                .chars()
                .filter(|c| c.is_uppercase())
                .collect();
            if spelled == caps {
                return Some(span);
            }
        }
    }
    None
}

/// Records `value` under `key`, or `None` once two different values meet there (an
/// ambiguous key decides nothing).
fn insert_unique<K: Ord, V: PartialEq>(map: &mut BTreeMap<K, Option<V>>, key: K, value: V) {
    match map.entry(key) {
        std::collections::btree_map::Entry::Vacant(e) => {
            e.insert(Some(value));
        }
        std::collections::btree_map::Entry::Occupied(mut e) => {
            if e.get().as_ref() != Some(&value) {
                *e.get_mut() = None;
            }
        }
    }
}

fn normalize_surface(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Organisations: a mention of a company's name without its legal form ("Apple" after
/// "Apple Inc.", "Gazprom" after "Gazprom PJSC") takes the full name's canonical when
/// the document names only one such company.
fn org_short_forms(text: &str, ms: &mut [Candidate]) {
    let mut stems: BTreeMap<String, Option<String>> = BTreeMap::new();
    for m in ms.iter().filter(|m| m.label == Label::Org) {
        let surface = normalize_surface(&text[m.span.range()]);
        let mut words: Vec<&str> = surface.split(' ').collect();
        let mut cut = false;
        while words.len() > 1 && words.last().is_some_and(|w| words::is_legal_form(w)) {
            words.pop();
            cut = true;
        }
        if !cut {
            continue;
        }
        let stem = words.join(" ").trim_end_matches(',').to_string();
        insert_unique(&mut stems, stem, m.canonical.clone());
    }
    if stems.is_empty() {
        return;
    }
    for m in ms.iter_mut().filter(|m| m.label == Label::Org) {
        let surface = normalize_surface(&text[m.span.range()]);
        if let Some(Some(full)) = stems.get(&surface) {
            m.canonical = full.clone();
        }
    }
}

/// Organisations: an acronym the document uses without defining it ("the CPA" after "the
/// Coalition Provisional Authority") takes the canonical of the one organisation whose
/// capitalised words' initials spell it exactly.
fn undefined_acronyms(text: &str, ms: &mut [Candidate]) {
    let mut longs: BTreeMap<String, Option<String>> = BTreeMap::new();
    for m in ms.iter().filter(|m| m.label == Label::Org) {
        let surface = &text[m.span.range()];
        let words: Vec<&str> = surface
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() < 2 {
            continue;
        }
        let mut initials = String::new();
        for w in &words {
            match w.chars().next() {
                Some(c) if c.is_uppercase() => initials.push(c),
                // Lower-case function words ("of", "for", "and") are skipped.
                Some(c) if c.is_lowercase() && words::is_function_word(w) => {}
                _ => {
                    initials.clear();
                    break;
                }
            }
        }
        if initials.chars().count() < 2 {
            continue;
        }
        insert_unique(&mut longs, initials, m.canonical.clone());
    }
    if longs.is_empty() {
        return;
    }
    for m in ms.iter_mut().filter(|m| m.label == Label::Org) {
        let surface = &text[m.span.range()];
        if surface.chars().all(|c| c.is_uppercase())
            && m.canonical == surface
            && let Some(Some(long)) = longs.get(surface)
        {
            m.canonical = long.clone();
        }
    }
}

/// Persons: a one-word mention of a surname seen in full ("Lavrov" after "Sergey
/// Lavrov") takes the full name as canonical; strong rule mentions become strings to
/// propagate.
fn short_forms(text: &str, ms: &mut [Candidate], keys: &mut Keys) {
    let mut surnames: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut strong: BTreeMap<String, Option<(Label, String)>> = BTreeMap::new();
    for m in ms.iter() {
        if m.label == Label::Date {
            continue;
        }
        let surface = normalize_surface(&text[m.span.range()]);
        if m.extractor == Extractor::Rule && m.confidence >= 0.7 {
            insert_unique(&mut strong, surface.clone(), (m.label, m.canonical.clone()));
        }
        if m.label == Label::Person
            && m.confidence >= 0.5
            && let Some((_, last)) = surface.rsplit_once(' ')
        {
            insert_unique(&mut surnames, last.to_string(), m.canonical.clone());
        }
    }
    for m in ms.iter_mut() {
        let surface = &text[m.span.range()];
        // The model's one-word name that is a person's surname here is that person
        // ("Fillmore" after "Millard Fillmore"), whatever class it guessed.
        let person =
            m.label == Label::Person || (m.extractor == Extractor::Model && m.label != Label::Date);
        if person
            && !surface.contains(' ')
            && let Some(Some(full)) = surnames.get(surface)
        {
            m.label = Label::Person;
            m.canonical = full.clone();
        }
    }
    for (s, v) in strong {
        if let Some((label, canonical)) = v {
            keys.entry(s).or_insert((label, canonical, 0.75));
        }
    }
    for (s, v) in surnames {
        if let Some(full) = v {
            keys.entry(s).or_insert((Label::Person, full, 0.75));
        }
    }
}

/// Marks the other occurrences of known strings (acronyms, long forms, names found with
/// strong evidence, surnames) with the same label and canonical: one label per string
/// per document.
fn propagate(
    env: &Env<'_>,
    sent_of: &[Option<usize>],
    modes: &[LineMode],
    keys: &Keys,
    ms: &mut Vec<Candidate>,
) {
    let text = env.text;
    let toks = env.toks;
    // Tokens are sorted and disjoint: binary search by start and by end.
    let start_tok = |pos: usize| toks.binary_search_by_key(&pos, |t| t.span.start).ok();
    let end_tok = |pos: usize| toks.binary_search_by_key(&pos, |t| t.span.end).ok();
    for (key, (label, canonical, conf)) in keys {
        if key.is_empty() {
            continue;
        }
        for (pos, _) in text.match_indices(key.as_str()) {
            let span = Span::new(pos, pos + key.len());
            let (Some(a), Some(b)) = (start_tok(span.start), end_tok(span.end)) else {
                continue;
            };
            let Some(s) = sent_of[a] else { continue };
            if sent_of[b] != Some(s) || overlaps_any(ms, span) {
                continue;
            }
            let initial = (0..a)
                .rev()
                .take_while(|&i| sent_of[i] == Some(s))
                .all(|i| toks[i].kind == TokenKind::Punct);
            if initial && !key.contains(' ') && env.lex.contains(key) {
                continue;
            }
            if modes[s] == LineMode::Normal {
                let cap_word = |i: usize| {
                    toks[i].kind == TokenKind::Word
                        && toks[i]
                            .text(text)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                };
                let spaced = |x: usize, y: usize| text[x..y].chars().all(|c| c == ' ');
                let prev_initial = a > 0
                    && (0..a - 1)
                        .rev()
                        .take_while(|&i| sent_of[i] == Some(s))
                        .all(|i| toks[i].kind == TokenKind::Punct);
                if a > 0
                    && sent_of[a - 1] == Some(s)
                    && cap_word(a - 1)
                    && spaced(toks[a - 1].span.end, span.start)
                    && !(prev_initial && env.lex.contains(toks[a - 1].text(text)))
                {
                    continue;
                }
                if b + 1 < toks.len()
                    && sent_of[b + 1] == Some(s)
                    && cap_word(b + 1)
                    && spaced(span.end, toks[b + 1].span.start)
                {
                    continue;
                }
            }
            ms.push(Candidate {
                span,
                label: *label,
                canonical: canonical.clone(),
                extractor: Extractor::Rule,
                confidence: *conf,
                priority: PRIORITY_RULE,
            });
        }
    }
    ms.sort_by_key(|c| (c.span.start, c.span.end));
}

/// The text between two list items: ",", ", and", "and", "or" (a closing bracket of an
/// acronym may come first).
fn is_list_separator(between: &str) -> bool {
    let s = between.trim_start();
    let s = s.strip_prefix(')').unwrap_or(s).trim();
    let s = s.strip_prefix(',').map_or(s, str::trim);
    let had_sep = s.len() < between.trim().len() || matches!(s, "and" | "or" | "&");
    had_sep && matches!(s, "" | "and" | "or" | "&")
}

/// List coordination: an unknown name in a list with known organisations or places
/// takes their label ("Al-Qaeda, ISKP, … and Jamaat Ansarullah").
fn coordinate(text: &str, lex: &Lexicon, unknown: &[Unknown], ms: &mut Vec<Candidate>) {
    let mut open: Vec<&Unknown> = unknown
        .iter()
        .filter(|u| {
            let one = u.pieces == 1;
            !(u.complement || one && u.initial || one && lex.contains(&text[u.span.range()]))
        })
        .filter(|u| !overlaps_any(ms, u.span))
        .collect();
    for _ in 0..4 {
        let mut changed = false;
        open.retain(|u| {
            let left = ms
                .iter()
                .filter(|m| m.span.end <= u.span.start)
                .max_by_key(|m| m.span.end);
            let right = ms
                .iter()
                .filter(|m| m.span.start >= u.span.end)
                .min_by_key(|m| m.span.start);
            let ok = |m: &Candidate, between: &str| {
                matches!(m.label, Label::Org | Label::Gpe | Label::Loc)
                    && !between.contains('\n')
                    && is_list_separator(between)
            };
            // "A, B" needs the list to go on after B ("A, B, and C"), unlike
            // "in Almaty, Kazakhstan, Lavrov said".
            // "A, B, and C", "A, B, C": another item follows; "for Afghanistan, Roza
            // Otunbayeva, said" is an apposition, not a list.
            let after = &text[u.span.end..];
            let next_item = after.strip_prefix(',').is_some_and(|rest| {
                let rest = rest.trim_start_matches(' ');
                let rest = ["and ", "or "]
                    .iter()
                    .find_map(|c| rest.strip_prefix(c))
                    .unwrap_or(rest);
                rest.chars().next().is_some_and(char::is_uppercase)
            });
            let continues = next_item || after.starts_with(" and ") || after.starts_with(" or ");
            let label = left
                .filter(|m| {
                    let between = &text[m.span.end..u.span.start];
                    ok(m, between)
                        && (continues || between.contains(" and") || between.contains(" or"))
                })
                .or_else(|| right.filter(|m| ok(m, &text[u.span.end..m.span.start])))
                .map(|m| m.label);
            match label {
                Some(label) => {
                    ms.push(Candidate {
                        span: u.span,
                        label,
                        canonical: normalize_name(&text[u.span.range()]),
                        extractor: Extractor::Rule,
                        confidence: 0.6,
                        priority: PRIORITY_RULE,
                    });
                    changed = true;
                    false
                }
                None => true,
            }
        });
        ms.sort_by_key(|c| (c.span.start, c.span.end));
        if !changed {
            break;
        }
    }
}

/// Low-confidence guesses: an unexplained two- or three-word capitalised name made of
/// uncommon words is probably a person (0.45, below the default threshold).
fn guess(
    env: &Env<'_>,
    unknown: &[Unknown],
    sent_of: &[Option<usize>],
    modes: &[LineMode],
    ms: &mut Vec<Candidate>,
) {
    for u in unknown {
        if u.complement || !(2..=3).contains(&u.pieces) || overlaps_any(ms, u.span) {
            continue;
        }
        if sent_of[u.a].is_none_or(|s| modes[s] != LineMode::Normal) {
            continue;
        }
        let surface = &env.text[u.span.range()];
        let initial = |w: &str| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase) && c.as_str() == "."
        };
        let ok = surface.split([' ', '-']).all(|w| {
            initial(w)
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().skip(1).any(char::is_lowercase)
                    && !env.lex.contains(w))
        });
        if ok {
            // A known given name first ("Maria Lopez") makes it likely.
            let first = surface.split([' ', '-']).next().unwrap_or("");
            // …or its last word recurring alone elsewhere in the document ("Smith said").
            let last = surface.rsplit(' ').next().unwrap_or("");
            let recurs = env.toks.iter().enumerate().any(|(i, t)| {
                !u.span.contains(t.span)
                    && t.text(env.text) == last
                    && !(i > 0
                        && env.toks[i - 1].kind == TokenKind::Word
                        && env.toks[i - 1]
                            .text(env.text)
                            .starts_with(char::is_uppercase)
                        && env.text[env.toks[i - 1].span.end..t.span.start] == *" ")
            });
            let confidence = if env.lex.is_given_name(first) {
                0.7
            } else if recurs {
                0.65
            } else {
                0.45
            };
            ms.push(Candidate {
                span: u.span,
                label: Label::Person,
                canonical: normalize_name(surface),
                extractor: Extractor::Rule,
                confidence,
                priority: PRIORITY_GUESS,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(text: &str, name: &str, label: Label, extractor: Extractor) -> Candidate {
        let at = text.rfind(name).unwrap();
        Candidate {
            span: Span::new(at, at + name.len()),
            label,
            canonical: name.to_string(),
            extractor,
            confidence: 0.9,
            priority: PRIORITY_RULE,
        }
    }

    #[test]
    fn a_surname_seen_in_full_is_that_person() {
        let text = "Millard Fillmore met Denzel Washington. Later Fillmore left for Washington.";
        let mut ms = vec![
            cand(text, "Millard Fillmore", Label::Person, Extractor::Rule),
            cand(text, "Denzel Washington", Label::Person, Extractor::Rule),
            cand(text, "Fillmore", Label::Gpe, Extractor::Model),
            // A list's place keeps its class even when a person shares the word.
            cand(text, "Washington", Label::Gpe, Extractor::Gazetteer),
        ];
        short_forms(text, &mut ms, &mut Keys::new());
        assert_eq!(ms[2].label, Label::Person);
        assert_eq!(ms[2].canonical, "Millard Fillmore");
        assert_eq!(ms[3].label, Label::Gpe);
        assert_eq!(ms[3].canonical, "Washington");
    }
}
