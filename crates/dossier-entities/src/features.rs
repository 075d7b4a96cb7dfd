//! Features of the statistical tagger: per-token hashes computed once per document
//! (word, lower case, shape, affixes, word classes, gazetteer and rule tags), combined
//! into hashed feature buckets for each token.
//!
//! Nothing here allocates per token: strings are hashed as they are read, and the
//! feature buckets of a token are written into a fixed array.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use dossier_core::{Extractor, Label, Span};

use crate::extract::{Analysis, LineMode};
use crate::gazetteer::Gazetteer;
use crate::tokens::{Token, TokenKind};
use crate::words;

/// Bumped whenever the feature templates change: a model trained with other templates
/// is refused.
pub(crate) const FEATURE_VERSION: u32 = 7;

/// Number of feature templates (buckets per token).
pub(crate) const N_FEATURES: usize = 54;

const K: u64 = 0x9E37_79B9_7F4A_7C15;

#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Murmur3's 64-bit finaliser: spreads every input bit over the bucket bits.
#[inline]
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The hash of a string's lower-case form (the same for `Kabul`, `KABUL`, `kabul`).
pub(crate) fn hash_lower(s: &str) -> u64 {
    let mut h = 0x51_7cc1_b727_220a;
    if s.is_ascii() {
        for b in s.bytes() {
            h = mix(h, u64::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in s.chars().flat_map(char::to_lowercase) {
            h = mix(h, u64::from(u32::from(c)));
        }
    }
    h
}

/// The hash of a string as written.
pub(crate) fn hash_exact(s: &str) -> u64 {
    let mut h = 0x2545_f491_4f6c_dd1d;
    for c in s.chars() {
        h = mix(h, u64::from(u32::from(c)));
    }
    h
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type HashedSet = HashSet<u64, BuildHasherDefault<IdHasher>>;

/// Word classes looked up by hash (no lower-casing allocation in the hot loop).
#[derive(Debug, Clone)]
pub(crate) struct WordClasses {
    lower: HashedSet,
    given: HashedSet,
    title: HashedSet,
    org_head: HashedSet,
    speech: HashedSet,
    surname: HashedSet,
    first: HashedSet,
    place: HashedSet,
    /// Zipf band and fine word class (plus one; 0 unknown) of a lower-case word.
    stats: std::collections::HashMap<u64, (u8, u16), BuildHasherDefault<IdHasher>>,
    /// Middle and coarse word class (plus one) of each fine class.
    nest: Vec<[u16; 2]>,
}

impl WordClasses {
    pub(crate) fn new(lexicon: &words::Lexicon) -> WordClasses {
        let set = |it: &mut dyn Iterator<Item = &str>| it.map(hash_lower).collect::<HashedSet>();
        WordClasses {
            lower: set(&mut lexicon.words()),
            given: lexicon.given_names().map(hash_exact).collect(),
            title: set(&mut words::title_heads()),
            org_head: set(&mut words::org_heads()),
            speech: set(&mut words::speech_verbs()),
            surname: set(&mut words::surnames()),
            first: set(&mut words::first_names()),
            place: set(&mut words::places()),
            stats: Self::word_stats(),
            nest: words::word_clusters()
                .1
                .into_iter()
                .map(|(m, c)| [m + 1, c + 1])
                .collect(),
        }
    }

    fn word_stats() -> std::collections::HashMap<u64, (u8, u16), BuildHasherDefault<IdHasher>> {
        let mut stats: std::collections::HashMap<_, _, _> = words::zipf_bands()
            .map(|(w, z)| (hash_lower(w), (z, 0)))
            .collect();
        for (w, c) in words::word_clusters().0 {
            stats.entry(hash_lower(w)).or_insert((0, 0)).1 = c + 1;
        }
        stats
    }
}

// Token flags.
const CAP: u32 = 1;
const ALL_CAPS: u32 = 1 << 1;
const HAS_UPPER: u32 = 1 << 2;
const DIGIT: u32 = 1 << 3;
const LEXICON: u32 = 1 << 4;
const GIVEN: u32 = 1 << 5;
const INITIAL: u32 = 1 << 6;
const PUNCT: u32 = 1 << 7;
const TITLE: u32 = 1 << 8;
const ORG_HEAD: u32 = 1 << 9;
const SPEECH: u32 = 1 << 10;
const HYPHEN: u32 = 1 << 11;
const PERIOD: u32 = 1 << 12;
const GLUED_LEFT: u32 = 1 << 13;
const SURNAME: u32 = 1 << 14;
const FIRST: u32 = 1 << 15;
const PLACE: u32 = 1 << 16;
const LINE_TITLE: u32 = 1 << 17;
const LINE_CAPS: u32 = 1 << 18;
// Document flags: the same word elsewhere in the document.
const DOC_LOWER: u32 = 1;
const DOC_CAP_MID: u32 = 1 << 1;

/// What the tagger knows about one token.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokInfo {
    word: u64,
    lower: u64,
    shape: u64,
    prefix: [u64; 3],
    suffix: [u64; 4],
    flags: u32,
    /// Zipf frequency band of the lower-case word (0 rare or unknown, 2–7).
    zipf: u8,
    /// Fine, middle and coarse word class (plus one; 0 unknown).
    cls: [u16; 3],
    /// `DOC_LOWER`, `DOC_CAP_MID`.
    doc: u32,
    /// Gazetteer tag: 0 none, else 1 + B/I + 2 × label + 12 × ambiguous.
    gaz: u8,
    /// Rule tag: 0 none, else 1 + B/I + 2 × label + 12 × gazetteer + 24 × confidence band.
    rule: u8,
    /// Does the tagger look at this token (otherwise it is O)?
    pub(crate) active: bool,
}

fn label_index(l: Label) -> u8 {
    match l {
        Label::Person => 0,
        Label::Org => 1,
        Label::Gpe => 2,
        Label::Loc => 3,
        Label::Norp => 4,
        Label::Date => 5,
    }
}

/// Per-token information for a document, from the rule pass's analysis: its tokens,
/// their sentences and line modes, the accepted gazetteer hits and the rule mentions
/// (any confidence).
pub(crate) fn token_infos(
    text: &str,
    an: &Analysis,
    gaz: &Gazetteer,
    classes: &WordClasses,
) -> Vec<TokInfo> {
    let (toks, sent_of, modes) = (&an.toks, &an.sent_of, &an.modes);
    let (hits, rule) = (&an.hits, &an.ms);
    let mut out = vec![TokInfo::default(); toks.len()];
    // Cheap facts about every token (the gate and the document flags need them).
    for (i, t) in toks.iter().enumerate() {
        let s = t.text(text);
        let info = &mut out[i];
        if s.chars().any(char::is_uppercase) {
            info.flags |= HAS_UPPER;
        }
        if s.chars().next().is_some_and(char::is_uppercase) {
            info.flags |= CAP;
        }
        if t.kind == TokenKind::Punct {
            info.flags |= PUNCT;
        }
        if t.kind == TokenKind::Word {
            info.lower = hash_lower(s);
        }
        let initial = i == 0
            || sent_of[i] != sent_of[i - 1]
            || matches!(toks[i - 1].text(text), "“" | "\"" | ":" | "(" | "—" | "–");
        if initial {
            info.flags |= INITIAL;
        }
        match sent_of[i].map(|s| modes[s]) {
            Some(LineMode::TitleCase) => info.flags |= LINE_TITLE,
            Some(LineMode::AllCaps) => info.flags |= LINE_CAPS,
            _ => {}
        }
        if i > 0 && toks[i - 1].span.end == t.span.start {
            info.flags |= GLUED_LEFT;
        }
    }
    // The same word elsewhere: in lower case (a common word), capitalised inside a
    // sentence (a name).
    let mut seen: std::collections::HashMap<u64, u32, BuildHasherDefault<IdHasher>> =
        std::collections::HashMap::default();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let f = out[i].flags;
        let bit = if f & HAS_UPPER == 0 {
            DOC_LOWER
        } else if f & (INITIAL | CAP) == CAP {
            DOC_CAP_MID
        } else {
            0
        };
        *seen.entry(out[i].lower).or_default() |= bit;
    }
    for (i, t) in toks.iter().enumerate() {
        if t.kind == TokenKind::Word {
            out[i].doc = seen.get(&out[i].lower).copied().unwrap_or(0);
        }
    }
    // Gazetteer and rule tags, by token.
    let mut k = 0;
    for h in hits {
        let e = &gaz.entries[h.entry];
        let tag = 1 + 2 * label_index(e.label) + 12 * u8::from(e.ambiguous || h.upper);
        k = tag_span(toks, h.span, k, tag, &mut out, |i| &mut i.gaz);
    }
    let mut k = 0;
    for c in rule {
        if c.label == Label::Date {
            continue;
        }
        let band = match c.confidence {
            x if x < 0.5 => 0,
            x if x < 0.7 => 1,
            x if x < 0.85 => 2,
            _ => 3,
        };
        let tag = 1
            + 2 * label_index(c.label)
            + 12 * u8::from(c.extractor == Extractor::Gazetteer)
            + 24 * band;
        k = tag_span(toks, c.span, k, tag, &mut out, |i| &mut i.rule);
    }
    // The gate: tokens with a capital, tagged by a list or a rule, short gaps between
    // two capitalised tokens ("Bank of the Philippines"), numbers after a name.
    let upper = |i: usize| out[i].flags & HAS_UPPER != 0;
    let mut active = vec![false; toks.len()];
    for i in 0..toks.len() {
        let same = |j: usize| sent_of[j] == sent_of[i];
        let mut a = upper(i) || out[i].gaz != 0 || out[i].rule != 0;
        if !a && i > 0 && same(i - 1) {
            let before = (i.saturating_sub(2)..i).any(|j| same(j) && upper(j));
            let after = (i + 1..(i + 3).min(toks.len())).any(|j| same(j) && upper(j));
            // "Jr.", "U.S.", "Inc.": a full stop glued to a capitalised word.
            let stop = toks[i].text(text) == "." && upper(i - 1) && out[i].flags & GLUED_LEFT != 0;
            a = (before && after) || stop || (toks[i].kind == TokenKind::Number && upper(i - 1));
        }
        active[i] = a;
    }
    // Full features for the tokens the tagger reads: active ones and their neighbours.
    let mut lower: Vec<char> = Vec::with_capacity(32);
    for i in 0..toks.len() {
        let lo = i.saturating_sub(2);
        let hi = (i + 3).min(toks.len());
        if active[lo..hi].iter().any(|&a| a) {
            full_info(
                toks[i].text(text),
                toks[i].kind,
                &mut out[i],
                classes,
                &mut lower,
            );
        }
    }
    for (info, a) in out.iter_mut().zip(active) {
        info.active = a;
    }
    out
}

/// The costlier features of one token: exact hash, shape, affixes, word classes.
fn full_info(
    s: &str,
    kind: TokenKind,
    info: &mut TokInfo,
    classes: &WordClasses,
    lower: &mut Vec<char>,
) {
    info.word = hash_exact(s);
    if kind != TokenKind::Word {
        info.lower = hash_lower(s);
    }
    lower.clear();
    let mut shape = 0x3c6e_f372_fe94_f82b_u64;
    let mut last_class = 0u32;
    let (mut n_upper, mut n_alpha) = (0usize, 0usize);
    for c in s.chars() {
        if c.is_ascii() {
            lower.push(c.to_ascii_lowercase());
        } else {
            lower.extend(c.to_lowercase());
        }
        let class = if c.is_uppercase() {
            n_upper += 1;
            n_alpha += 1;
            u32::from('X')
        } else if c.is_alphabetic() {
            n_alpha += 1;
            u32::from('x')
        } else if c.is_numeric() {
            info.flags |= DIGIT;
            u32::from('d')
        } else {
            if matches!(c, '-' | '‐' | '‑') {
                info.flags |= HYPHEN;
            }
            if c == '.' {
                info.flags |= PERIOD;
            }
            u32::from(c)
        };
        if class != last_class {
            shape = mix(shape, u64::from(class));
            last_class = class;
        }
    }
    info.shape = shape;
    if n_alpha >= 2 && n_upper == n_alpha {
        info.flags |= ALL_CAPS;
    }
    let mut h = 0x1234_5678_u64;
    for (k, c) in lower.iter().take(3).enumerate() {
        h = mix(h, u64::from(u32::from(*c)));
        info.prefix[k] = h;
    }
    let mut h = 0x8765_4321_u64;
    for (k, c) in lower.iter().rev().take(4).enumerate() {
        h = mix(h, u64::from(u32::from(*c)));
        info.suffix[k] = h;
    }
    if kind == TokenKind::Word {
        // Word classes looked up by the lower-case hash, and the flag each one sets.
        let by_lower = [
            (&classes.lower, LEXICON),
            (&classes.title, TITLE),
            (&classes.org_head, ORG_HEAD),
            (&classes.speech, SPEECH),
            (&classes.surname, SURNAME),
            (&classes.first, FIRST),
            (&classes.place, PLACE),
        ];
        for (set, flag) in by_lower {
            if set.contains(&info.lower) {
                info.flags |= flag;
            }
        }
        if classes.given.contains(&info.word) {
            info.flags |= GIVEN;
        }
        if let Some(&(zipf, fine)) = classes.stats.get(&info.lower) {
            info.zipf = zipf;
            if let Some(&[mid, coarse]) = classes.nest.get(usize::from(fine).wrapping_sub(1)) {
                info.cls = [fine, mid, coarse];
            }
        }
    }
}

/// Marks the tokens inside `span` (B on the first, I after), scanning from token `k`;
/// returns where the next (later) span may start scanning.
fn tag_span(
    toks: &[Token],
    span: Span,
    mut k: usize,
    tag: u8,
    out: &mut [TokInfo],
    field: impl Fn(&mut TokInfo) -> &mut u8,
) -> usize {
    while k < toks.len() && toks[k].span.end <= span.start {
        k += 1;
    }
    let first = k;
    let mut j = k;
    while j < toks.len() && toks[j].span.start < span.end {
        *field(&mut out[j]) = tag + u8::from(j > first);
        j += 1;
    }
    first
}

/// The feature buckets of token `i` of the sentence `a..b` into `out`.
#[inline]
pub(crate) fn buckets(
    infos: &[TokInfo],
    i: usize,
    a: usize,
    b: usize,
    shift: u32,
    out: &mut [u32; N_FEATURES],
) {
    /// A token before the start (or after the end) of the sentence: every hash the
    /// same marker `h`, and its own flag.
    const fn padding(h: u64, flags: u32) -> TokInfo {
        TokInfo {
            word: h,
            lower: h,
            shape: h,
            prefix: [h; 3],
            suffix: [h; 4],
            flags,
            zipf: 0,
            cls: [0; 3],
            doc: 0,
            gaz: 0,
            rule: 0,
            active: false,
        }
    }
    const BOS: TokInfo = padding(11, 1 << 20);
    const EOS: TokInfo = padding(13, 1 << 21);
    let at = |j: isize| -> &TokInfo {
        let k = i as isize + j;
        if k < a as isize {
            &BOS
        } else if k >= b as isize {
            &EOS
        } else {
            &infos[k as usize]
        }
    };
    let t = &infos[i];
    let (p2, p1, n1, n2) = (at(-2), at(-1), at(1), at(2));
    let ctx = |f: u32| {
        f & (CAP | LEXICON | TITLE | ORG_HEAD | SPEECH | PUNCT | DIGIT | INITIAL | (3 << 20))
    };
    let f = |tmpl: u64, x: u64| -> u32 { (fmix(mix(tmpl.wrapping_mul(K), x)) >> shift) as u32 };
    let f2 = |tmpl: u64, x: u64, y: u64| -> u32 {
        (fmix(mix(mix(tmpl.wrapping_mul(K), x), y)) >> shift) as u32
    };
    let g = |x: &TokInfo| u64::from(x.gaz);
    let r = |x: &TokInfo| u64::from(x.rule);
    *out = [
        f(1, 0),
        f(2, t.word),
        f(3, t.lower),
        f(4, p1.lower),
        f(5, n1.lower),
        f(6, p2.lower),
        f(7, n2.lower),
        f2(8, p1.lower, t.lower),
        f2(9, t.lower, n1.lower),
        f(10, t.shape),
        f2(11, p1.shape, t.shape),
        f2(12, t.shape, n1.shape),
        f(13, t.prefix[0]),
        f(14, t.prefix[1]),
        f(15, t.prefix[2]),
        f(16, t.suffix[0]),
        f(17, t.suffix[1]),
        f(18, t.suffix[2]),
        f(19, t.suffix[3]),
        f(20, u64::from(t.flags)),
        f(21, u64::from(ctx(p1.flags))),
        f(22, u64::from(ctx(n1.flags))),
        f(23, g(p1)),
        f(24, g(t)),
        f(25, g(n1)),
        f(26, r(p1)),
        f(27, r(t)),
        f(28, r(n1)),
        f2(29, g(t), t.shape),
        f2(30, r(t), u64::from(t.flags & (CAP | LEXICON | INITIAL))),
        f2(
            31,
            p1.lower,
            u64::from(t.flags & (CAP | ALL_CAPS | LEXICON)),
        ),
        f2(
            32,
            n1.lower,
            u64::from(t.flags & (CAP | ALL_CAPS | LEXICON)),
        ),
        f2(33, u64::from(ctx(p2.flags)), u64::from(ctx(n2.flags))),
        f2(
            34,
            u64::from(t.doc),
            u64::from(t.flags & (CAP | INITIAL | LEXICON)),
        ),
        f2(35, u64::from(t.doc), u64::from(p1.flags & (CAP | PUNCT))),
        f2(36, p1.lower, t.shape),
        f2(37, n1.lower, t.shape),
        f(43, p1.suffix[2]),
        f(44, n1.suffix[2]),
        f2(45, p1.shape, n1.shape),
        f2(46, p2.lower, p1.lower),
        f2(
            48,
            u64::from(t.cls[0]),
            u64::from(t.flags & (CAP | ALL_CAPS)),
        ),
        f2(
            49,
            u64::from(t.cls[1]),
            u64::from(t.flags & (CAP | ALL_CAPS)),
        ),
        f(50, u64::from(t.cls[2])),
        f2(51, u64::from(p1.cls[1]), u64::from(p1.flags & CAP)),
        f2(52, u64::from(n1.cls[1]), u64::from(n1.flags & CAP)),
        f2(53, u64::from(p1.cls[0]), u64::from(t.cls[1])),
        f2(54, u64::from(t.cls[1]), u64::from(n1.cls[0])),
        f2(47, n1.lower, n2.lower),
        f2(
            38,
            u64::from(t.zipf),
            u64::from(t.flags & (CAP | ALL_CAPS | INITIAL | SURNAME | FIRST | PLACE | LINE_TITLE)),
        ),
        f2(
            39,
            u64::from(p1.zipf),
            u64::from(p1.flags & (CAP | INITIAL)),
        ),
        f2(
            40,
            u64::from(n1.zipf),
            u64::from(n1.flags & (CAP | INITIAL)),
        ),
        f2(
            41,
            u64::from(p1.flags & (SURNAME | FIRST | PLACE | CAP)),
            u64::from(t.flags & (SURNAME | FIRST | PLACE | CAP)),
        ),
        f2(
            42,
            u64::from(t.flags & (SURNAME | FIRST | PLACE | CAP)),
            u64::from(n1.flags & (SURNAME | FIRST | PLACE | CAP)),
        ),
    ];
}
