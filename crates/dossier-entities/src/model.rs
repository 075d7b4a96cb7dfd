//! The statistical tagger: a hashed linear model over BIO tags (PER, ORG, LOC), decoded
//! with Viterbi under valid-transition constraints; its file format and its confidence
//! (max-marginal margins).

use std::fmt;

use dossier_core::{Label, Span};

use crate::features::{FEATURE_VERSION, N_FEATURES, TokInfo, buckets};
use crate::tokens::Token;

/// Tags: O, then B and I for each of PER, ORG, LOC.
pub(crate) const N_TAGS: usize = 7;
/// Row of the transition matrix for the start of a run.
pub(crate) const START: usize = 7;
/// The padded width of a weight row.
pub(crate) const W: usize = 8;

const MAGIC: &[u8; 8] = b"DSNER\x02\0\0";
const NEG: f32 = -1.0e30;

/// The entity type of a tag (`None` for O).
pub(crate) fn tag_label(tag: u8) -> Option<Label> {
    match tag {
        1 | 2 => Some(Label::Person),
        3 | 4 => Some(Label::Org),
        5 | 6 => Some(Label::Loc),
        _ => None,
    }
}

/// The B tag of a label (PER/ORG/LOC; GPE counts as LOC).
pub(crate) fn begin_tag(label: Label) -> Option<u8> {
    match label {
        Label::Person => Some(1),
        Label::Org => Some(3),
        Label::Gpe | Label::Loc => Some(5),
        _ => None,
    }
}

fn is_inside(tag: usize) -> bool {
    tag != 0 && tag.is_multiple_of(2)
}

/// May `cur` follow `prev` (`START` at the start of a run)?
pub(crate) fn valid(prev: usize, cur: usize) -> bool {
    if !is_inside(cur) {
        return true;
    }
    prev != START && prev != 0 && prev.div_ceil(2) == cur / 2
}

/// Why a model file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// Not a Dossier NER model (wrong magic bytes).
    NotAModel,
    /// Trained with other feature templates (the file's version, this build's version).
    FeatureVersion(u32, u32),
    /// Shorter than its header says, or a field out of range.
    Corrupt(&'static str),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::NotAModel => write!(f, "not a Dossier NER model"),
            ModelError::FeatureVersion(file, ours) => {
                write!(
                    f,
                    "model has feature version {file}, this build expects {ours}"
                )
            }
            ModelError::Corrupt(what) => write!(f, "corrupt NER model: {what}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// A loaded model: dense quantised weights by bucket, and transitions.
#[derive(Clone)]
pub(crate) struct Model {
    shift: u32,
    rows: Vec<[i16; W]>,
    scale: f32,
    trans: [[f32; W]; W],
    /// The max-marginal margin at which a span's confidence is 0.5.
    margin_offset: f32,
}

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Model")
            .field("buckets", &self.rows.len())
            .field("scale", &self.scale)
            .finish_non_exhaustive()
    }
}

/// Float weights, as trained.
#[derive(Debug, Clone)]
pub(crate) struct FloatWeights {
    pub(crate) log2: u32,
    pub(crate) rows: Vec<[f32; W]>,
    pub(crate) trans: [[f32; W]; W],
    /// The max-marginal margin at which a span's confidence is 0.5 (spans below are
    /// dropped by the default `min_confidence`).
    pub(crate) margin_offset: f32,
}

impl FloatWeights {
    /// Quantises to 16 bits and writes the model file (only non-zero rows are stored).
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .rows
            .iter()
            .flat_map(|r| r.iter())
            .fold(0.0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&self.log2.to_le_bytes());
        out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&self.margin_offset.to_le_bytes());
        for row in &self.trans {
            for x in row {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        let rows: Vec<(u32, [i16; N_TAGS])> = self
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let mut q = [0i16; N_TAGS];
                for (k, x) in q.iter_mut().enumerate() {
                    *x = (r[k] / scale).round().clamp(-32767.0, 32767.0) as i16;
                }
                q.iter().any(|&x| x != 0).then_some((i as u32, q))
            })
            .collect();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (i, q) in rows {
            out.extend_from_slice(&i.to_le_bytes());
            for x in q {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], ModelError> {
        if self.0.len() < N {
            return Err(ModelError::Corrupt(what));
        }
        let (head, rest) = self.0.split_at(N);
        self.0 = rest;
        let mut a = [0u8; N];
        a.copy_from_slice(head);
        Ok(a)
    }
    fn u32(&mut self, what: &'static str) -> Result<u32, ModelError> {
        self.take::<4>(what).map(u32::from_le_bytes)
    }
    fn f32(&mut self, what: &'static str) -> Result<f32, ModelError> {
        self.take::<4>(what).map(f32::from_le_bytes)
    }
}

impl Model {
    /// Parses a model file.
    pub(crate) fn parse(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader(bytes);
        if r.take::<8>("magic").ok().as_ref() != Some(MAGIC) {
            return Err(ModelError::NotAModel);
        }
        let version = r.u32("version")?;
        if version != FEATURE_VERSION {
            return Err(ModelError::FeatureVersion(version, FEATURE_VERSION));
        }
        let log2 = r.u32("bucket bits")?;
        if !(8..=24).contains(&log2) {
            return Err(ModelError::Corrupt("bucket bits out of range"));
        }
        if r.u32("tags")? as usize != N_TAGS {
            return Err(ModelError::Corrupt("number of tags"));
        }
        let scale = r.f32("scale")?;
        if !scale.is_finite() || scale <= 0.0 {
            return Err(ModelError::Corrupt("scale"));
        }
        let margin_offset = r.f32("margin offset")?;
        if !margin_offset.is_finite() {
            return Err(ModelError::Corrupt("margin offset"));
        }
        let mut trans = [[0.0f32; W]; W];
        for row in &mut trans {
            for x in row.iter_mut() {
                *x = r.f32("transitions")?;
            }
        }
        let n = r.u32("row count")? as usize;
        let size = 1usize << log2;
        let mut rows = vec![[0i16; W]; size];
        for _ in 0..n {
            let i = r.u32("row index")? as usize;
            let row = rows.get_mut(i).ok_or(ModelError::Corrupt("row index"))?;
            for x in row.iter_mut().take(N_TAGS) {
                *x = i16::from_le_bytes(r.take::<2>("row")?);
            }
        }
        if !r.0.is_empty() {
            return Err(ModelError::Corrupt("trailing bytes"));
        }
        Ok(Model {
            shift: 64 - log2,
            rows,
            scale,
            trans,
            margin_offset,
        })
    }

    /// A model with no weights tags everything O: treated as no model.
    pub(crate) fn is_empty(&self) -> bool {
        self.rows.iter().all(|r| r.iter().all(|&x| x == 0))
    }
}

/// A span the model proposes, with its margin-based confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ModelSpan {
    /// Token range.
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) span: Span,
    pub(crate) label: Label,
    pub(crate) confidence: f32,
}

/// Reused buffers of the decoder.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub(crate) em: Vec<[f32; W]>,
    alpha: Vec<[f32; W]>,
    beta: Vec<[f32; W]>,
    back: Vec<[u8; W]>,
    pub(crate) tags: Vec<u8>,
    pub(crate) margins: Vec<f32>,
}

/// Viterbi over the emission scores in `s.em`; writes the best tags into `s.tags` and,
/// when `margins`, each position's max-marginal margin into `s.margins`.
#[allow(clippy::needless_range_loop)] // indices into parallel arrays
pub(crate) fn viterbi(trans: &[[f32; W]; W], s: &mut Scratch, margins: bool) {
    let n = s.em.len();
    s.alpha.clear();
    s.back.clear();
    s.tags.clear();
    s.margins.clear();
    if n == 0 {
        return;
    }
    for t in 0..n {
        let mut a = [NEG; W];
        let mut bp = [0u8; W];
        for y in 0..N_TAGS {
            let mut best = NEG;
            let mut arg = 0u8;
            if t == 0 {
                if valid(START, y) {
                    best = trans[START][y];
                }
            } else {
                let prev = &s.alpha[t - 1];
                for (p, &pv) in prev.iter().enumerate().take(N_TAGS) {
                    if valid(p, y) {
                        let v = pv + trans[p][y];
                        if v > best {
                            best = v;
                            arg = p as u8;
                        }
                    }
                }
            }
            a[y] = best + s.em[t][y];
            bp[y] = arg;
        }
        s.alpha.push(a);
        s.back.push(bp);
    }
    let last = &s.alpha[n - 1];
    let mut y = (0..N_TAGS).fold(0, |b, k| if last[k] > last[b] { k } else { b });
    s.tags.resize(n, 0);
    for t in (0..n).rev() {
        s.tags[t] = y as u8;
        y = s.back[t][y] as usize;
    }
    if !margins {
        return;
    }
    s.beta.clear();
    s.beta.resize(n, [0.0; W]);
    for t in (0..n - 1).rev() {
        let mut b = [NEG; W];
        for (y, bv) in b.iter_mut().enumerate().take(N_TAGS) {
            for k in 0..N_TAGS {
                if valid(y, k) {
                    let v = trans[y][k] + s.em[t + 1][k] + s.beta[t + 1][k];
                    if v > *bv {
                        *bv = v;
                    }
                }
            }
        }
        s.beta[t] = b;
    }
    for t in 0..n {
        let chosen = s.tags[t] as usize;
        let mm = |y: usize| s.alpha[t][y] + s.beta[t][y];
        let best_other = (0..N_TAGS)
            .filter(|&y| y != chosen)
            .map(mm)
            .fold(NEG, f32::max);
        s.margins.push(mm(chosen) - best_other);
    }
}

/// Runs of active tokens inside the sentence `a..b`.
pub(crate) fn active_runs(infos: &[TokInfo], a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut i = a;
    while i < b {
        if !infos[i].active {
            i += 1;
            continue;
        }
        let s = i;
        while i < b && infos[i].active {
            i += 1;
        }
        out.push((s, i));
    }
}

impl Model {
    /// Tags the sentences (token ranges) of a document; returns the proposed spans.
    pub(crate) fn tag(
        &self,
        toks: &[Token],
        infos: &[TokInfo],
        sentences: &[(usize, usize)],
    ) -> Vec<ModelSpan> {
        let mut s = Scratch::default();
        let mut runs = Vec::new();
        let mut out = Vec::new();
        let mut f = [0u32; N_FEATURES];
        for &(a, b) in sentences {
            active_runs(infos, a, b, &mut runs);
            for &(rs, re) in &runs {
                s.em.clear();
                for i in rs..re {
                    buckets(infos, i, a, b, self.shift, &mut f);
                    let mut acc = [0i32; W];
                    for &k in &f {
                        let r = &self.rows[k as usize];
                        for y in 0..W {
                            acc[y] += i32::from(r[y]);
                        }
                    }
                    s.em.push(acc.map(|x| x as f32 * self.scale));
                }
                viterbi(&self.trans, &mut s, true);
                let margins = Some((s.margins.as_slice(), self.margin_offset));
                spans_of(toks, rs, &s.tags, margins, &mut out);
            }
        }
        out
    }
}

/// Turns the tags of a run starting at token `rs` into spans.
pub(crate) fn spans_of(
    toks: &[Token],
    rs: usize,
    tags: &[u8],
    margins: Option<(&[f32], f32)>,
    out: &mut Vec<ModelSpan>,
) {
    let mut t = 0;
    while t < tags.len() {
        let Some(label) = tag_label(tags[t]) else {
            t += 1;
            continue;
        };
        let s = t;
        t += 1;
        while t < tags.len() && is_inside(tags[t] as usize) && tag_label(tags[t]) == Some(label) {
            t += 1;
        }
        let confidence = margins.map_or(0.5, |(m, offset)| {
            confidence(m[s..t].iter().copied().fold(f32::MAX, f32::min), offset)
        });
        out.push(ModelSpan {
            a: rs + s,
            b: rs + t,
            span: Span::new(toks[rs + s].span.start, toks[rs + t - 1].span.end),
            label,
            confidence,
        });
    }
}

/// Maps a max-marginal margin to a raw confidence (logistic, 0.5 at the model's margin
/// offset: 3 for the averaged perceptron, so that spans with a margin below 3 are dropped
/// by the default `min_confidence`; -1 for the CRF, whose Viterbi spans are all kept; both
/// chosen by 5-fold cross-validation, `cargo xtask train-ner --cv 5`). The published
/// confidence is calibrated afterwards (`calibrate.rs`).
pub(crate) fn confidence(margin: f32, offset: f32) -> f32 {
    const T: f32 = 6.0;
    let c = 1.0 / (1.0 + (-(margin - offset) / T).exp());
    c.clamp(0.01, 0.99)
}
