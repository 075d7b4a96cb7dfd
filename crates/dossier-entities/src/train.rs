//! Training the tagger over exactly the features the recognizer computes at run time
//! (the rule pass runs on every training text), under the same transition constraints:
//! a linear-chain CRF (negative log-likelihood, forward-backward, AdaGrad; the default)
//! or an averaged structured perceptron. Deterministic for a seed.

use dossier_core::{Label, Span};

use crate::extract::{Config, Recognizer, sentence_ranges};
use crate::features::{N_FEATURES, buckets, token_infos};
use crate::model::{
    FloatWeights, N_TAGS, START, Scratch, W, active_runs, begin_tag, valid, viterbi,
};

/// A text with its gold entity spans (byte offsets; PERSON, ORG, GPE/LOC count; other
/// labels are ignored), for training.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDocument {
    /// The text; each line is one or more sentences.
    pub text: String,
    /// Gold spans, byte offsets into `text`.
    pub entities: Vec<(Span, Label)>,
}

/// The learning algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    /// Linear-chain conditional random field: per-sequence AdaGrad steps on the negative
    /// log-likelihood (the default: 74.3 exact F1 in 5-fold cross-validation on the
    /// edited-text sources, against 73.8 for five averaged perceptrons).
    Crf,
    /// Averaged structured perceptron with loss-augmented decoding.
    Perceptron,
}

/// How to train.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainConfig {
    /// The learning algorithm (default [`Algorithm::Crf`]).
    pub algorithm: Algorithm,
    /// Passes over the data (default 15).
    pub epochs: u32,
    /// Seed of the shuffling (default 1).
    pub seed: u64,
    /// Hashed feature buckets, as a power of two (default 19: 524,288 buckets).
    pub bucket_bits: u32,
    /// CRF: the AdaGrad learning rate (default 0.015).
    pub learning_rate: f32,
    /// Perceptron: loss-augmented decoding, every wrong tag of a token gets this bonus so
    /// the gold tags must win by a margin (default 3.0; 0 is the plain perceptron).
    pub cost: f32,
    /// Runs with seeds `seed`, `seed + 1`, … whose weights are averaged (default 1; five
    /// averaged perceptrons gain about 0.2 F1 over one, CRFs nothing).
    pub ensemble: u32,
    /// The rule pass whose output the model reads as features (default: embedded
    /// gazetteers, no model).
    pub recognizer: Config,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            algorithm: Algorithm::Crf,
            epochs: 15,
            seed: 1,
            bucket_bits: 19,
            learning_rate: 0.015,
            cost: 3.0,
            ensemble: 1,
            recognizer: Config {
                model: false,
                ..Config::default()
            },
        }
    }
}

/// A trained model file and figures about the training.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainedModel {
    /// The model file (load with [`Recognizer::with_model`]).
    pub bytes: Vec<u8>,
    /// Tokens in the training texts.
    pub tokens: usize,
    /// Tokens the tagger looks at (the others are O by construction).
    pub active_tokens: usize,
    /// Gold PER/ORG/LOC entities.
    pub entities: usize,
    /// Gold entities with a token the tagger never looks at (lower-case names).
    pub unreachable: usize,
    /// Sequences decoded wrongly, per epoch (perceptron only: the CRF does not decode
    /// while training).
    pub errors_per_epoch: Vec<usize>,
}

struct Instance {
    feat: usize,
    tag: usize,
    len: usize,
}

/// Trains the tagger on `docs`; the result is deterministic for a given input and config.
#[allow(clippy::needless_range_loop)] // token indices into parallel arrays
pub fn train_model(docs: &[GoldDocument], config: &TrainConfig) -> TrainedModel {
    let rec = Recognizer::new(&config.recognizer);
    let shift = 64 - config.bucket_bits;
    let mut feats: Vec<u32> = Vec::new();
    let mut gold: Vec<u8> = Vec::new();
    let mut insts: Vec<Instance> = Vec::new();
    let (mut tokens, mut active, mut entities, mut unreachable) = (0, 0, 0, 0);
    let mut runs = Vec::new();
    let mut f = [0u32; N_FEATURES];
    for doc in docs {
        let text = doc.text.as_str();
        let an = rec.analyse(text, &[Span::new(0, text.len())], &[]);
        let infos = token_infos(text, &an, &rec.gaz, rec.classes());
        tokens += an.toks.len();
        active += infos.iter().filter(|i| i.active).count();
        // Gold tags by token.
        let mut tags = vec![0u8; an.toks.len()];
        let mut ents: Vec<(Span, u8)> = doc
            .entities
            .iter()
            .filter_map(|(s, l)| begin_tag(*l).map(|t| (*s, t)))
            .collect();
        ents.sort_by_key(|e| (e.0.start, e.0.end));
        let mut k = 0;
        for (span, b) in ents {
            entities += 1;
            while k < an.toks.len() && an.toks[k].span.start < span.start {
                k += 1;
            }
            let mut j = k;
            let mut reachable = true;
            while j < an.toks.len() && an.toks[j].span.start < span.end {
                tags[j] = if j == k { b } else { b + 1 };
                reachable &= infos[j].active;
                j += 1;
            }
            unreachable += usize::from(!reachable || j == k);
        }
        for (a, b) in sentence_ranges(&an.sent_of) {
            active_runs(&infos, a, b, &mut runs);
            for &(rs, re) in &runs {
                let inst = Instance {
                    feat: feats.len(),
                    tag: gold.len(),
                    len: re - rs,
                };
                for i in rs..re {
                    buckets(&infos, i, a, b, shift, &mut f);
                    feats.extend_from_slice(&f);
                    let mut t = tags[i];
                    // A name cut by an inactive token restarts with B.
                    let prev = if i == rs {
                        START
                    } else {
                        gold[gold.len() - 1] as usize
                    };
                    if !crate::model::valid(prev, t as usize) {
                        t -= 1;
                    }
                    gold.push(t);
                }
                insts.push(inst);
            }
        }
    }

    let size = 1usize << config.bucket_bits;
    let mut sum_w = vec![[0.0f32; W]; size];
    let mut sum_tw = [[0.0f32; W]; W];
    let mut errors_per_epoch = Vec::new();
    let runs = config.ensemble.max(1);
    for run in 0..runs {
        let data = Data {
            insts: &insts,
            feats: &feats,
            gold: &gold,
        };
        let seed = config.seed.wrapping_add(u64::from(run));
        let (w, tw, errors) = match config.algorithm {
            Algorithm::Crf => train_crf(&data, size, config, seed),
            Algorithm::Perceptron => train_perceptron(&data, size, config, seed),
        };
        for (s, r) in sum_w.iter_mut().zip(&w) {
            for y in 0..N_TAGS {
                s[y] += r[y] / runs as f32;
            }
        }
        for (s, r) in sum_tw.iter_mut().zip(&tw) {
            for y in 0..N_TAGS {
                s[y] += r[y] / runs as f32;
            }
        }
        if run == 0 {
            errors_per_epoch = errors;
        }
    }
    let (w, tw) = (sum_w, sum_tw);
    let weights = FloatWeights {
        log2: config.bucket_bits,
        rows: w,
        trans: tw,
        margin_offset: match config.algorithm {
            Algorithm::Crf => -1.0,
            Algorithm::Perceptron => 3.0,
        },
    };
    TrainedModel {
        bytes: weights.to_bytes(),
        tokens,
        active_tokens: active,
        entities,
        unreachable,
        errors_per_epoch,
    }
}

/// The training sequences: runs of active tokens, their feature buckets and gold tags.
struct Data<'a> {
    insts: &'a [Instance],
    feats: &'a [u32],
    gold: &'a [u8],
}

impl Data<'_> {
    /// The feature buckets (N_FEATURES per token) and gold tags of sequence `n`.
    fn get(&self, n: usize) -> (&[u32], &[u8]) {
        let inst = &self.insts[n];
        (
            &self.feats[inst.feat..inst.feat + inst.len * N_FEATURES],
            &self.gold[inst.tag..inst.tag + inst.len],
        )
    }
}

/// Emission and transition weights, and the wrongly decoded sequences per epoch.
type Weights = (Vec<[f32; W]>, [[f32; W]; W], Vec<usize>);

/// A seeded Fisher-Yates shuffle of `order`.
fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        let j = (splitmix(rng) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

/// One averaged-perceptron run over the sequences, shuffled by `seed`.
#[allow(clippy::needless_range_loop)] // tag indices into parallel arrays
fn train_perceptron(data: &Data<'_>, size: usize, config: &TrainConfig, seed: u64) -> Weights {
    let insts = data.insts;
    let mut w = vec![[0.0f32; W]; size];
    let mut u = vec![[0.0f32; W]; size];
    let mut tw = [[0.0f32; W]; W];
    let mut tu = [[0.0f32; W]; W];
    let mut c = 1.0f32;
    let mut order: Vec<usize> = (0..insts.len()).collect();
    let mut rng = seed ^ 0x5DEE_CE66_D1CE_4E5B;
    let mut s = Scratch::default();
    let mut errors_per_epoch = Vec::new();
    for _ in 0..config.epochs {
        shuffle(&mut order, &mut rng);
        let mut errors = 0;
        for &n in &order {
            let inst = &insts[n];
            let (fs, g) = data.get(n);
            s.em.clear();
            for t in 0..inst.len {
                let mut acc = [0.0f32; W];
                for &k in &fs[t * N_FEATURES..(t + 1) * N_FEATURES] {
                    let r = &w[k as usize];
                    for y in 0..W {
                        acc[y] += r[y];
                    }
                }
                for (y, a) in acc.iter_mut().enumerate() {
                    if y != g[t] as usize {
                        *a += config.cost;
                    }
                }
                s.em.push(acc);
            }
            viterbi(&tw, &mut s, false);
            if s.tags.as_slice() != g {
                errors += 1;
                for t in 0..inst.len {
                    let (gy, py) = (g[t] as usize, s.tags[t] as usize);
                    let (gp, pp) = if t == 0 {
                        (START, START)
                    } else {
                        (g[t - 1] as usize, s.tags[t - 1] as usize)
                    };
                    if (gp, gy) != (pp, py) {
                        tw[gp][gy] += 1.0;
                        tu[gp][gy] += c;
                        tw[pp][py] -= 1.0;
                        tu[pp][py] -= c;
                    }
                    if gy != py {
                        for &k in &fs[t * N_FEATURES..(t + 1) * N_FEATURES] {
                            let k = k as usize;
                            w[k][gy] += 1.0;
                            u[k][gy] += c;
                            w[k][py] -= 1.0;
                            u[k][py] -= c;
                        }
                    }
                }
            }
            c += 1.0;
        }
        errors_per_epoch.push(errors);
    }
    for (wr, ur) in w.iter_mut().zip(&u) {
        for y in 0..N_TAGS {
            wr[y] -= ur[y] / c;
        }
    }
    for (wr, ur) in tw.iter_mut().zip(&tu) {
        for y in 0..N_TAGS {
            wr[y] -= ur[y] / c;
        }
    }
    (w, tw, errors_per_epoch)
}

/// `ln(sum(exp(x)))` over the finite entries, `-inf` when there are none.
fn log_sum_exp(xs: &[f32]) -> f32 {
    let m = xs.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if m == f32::NEG_INFINITY {
        return m;
    }
    m + xs.iter().map(|x| (x - m).exp()).sum::<f32>().ln()
}

/// One CRF run: per-sequence AdaGrad steps on the negative log-likelihood, the gradient
/// from forward-backward marginals under the valid-transition constraints.
#[allow(clippy::needless_range_loop)] // tag indices into parallel arrays
fn train_crf(data: &Data<'_>, size: usize, config: &TrainConfig, seed: u64) -> Weights {
    const NONE: f32 = f32::NEG_INFINITY;
    let lr = config.learning_rate;
    let mut w = vec![[0.0f32; W]; size];
    let mut g2 = vec![[0.0f32; W]; size];
    let mut tw = [[0.0f32; W]; W];
    let mut tg2 = [[0.0f32; W]; W];
    let mut order: Vec<usize> = (0..data.insts.len()).collect();
    let mut rng = seed ^ 0x5DEE_CE66_D1CE_4E5B;
    let (mut em, mut alpha, mut beta) = (Vec::new(), Vec::new(), Vec::new());
    let mut terms = [0.0f32; N_TAGS];
    let step = |w: &mut f32, g2: &mut f32, g: f32| {
        *g2 += g * g;
        *w -= lr * g / (g2.sqrt() + 1e-6);
    };
    for _ in 0..config.epochs {
        shuffle(&mut order, &mut rng);
        for &n in &order {
            let (fs, g) = data.get(n);
            let l = g.len();
            em.clear();
            for t in 0..l {
                let mut acc = [0.0f32; N_TAGS];
                for &k in &fs[t * N_FEATURES..(t + 1) * N_FEATURES] {
                    for y in 0..N_TAGS {
                        acc[y] += w[k as usize][y];
                    }
                }
                em.push(acc);
            }
            // Forward and backward scores (log space).
            alpha.clear();
            alpha.resize(l, [NONE; N_TAGS]);
            for y in 0..N_TAGS {
                if valid(START, y) {
                    alpha[0][y] = tw[START][y] + em[0][y];
                }
            }
            for t in 1..l {
                for y in 0..N_TAGS {
                    for p in 0..N_TAGS {
                        terms[p] = if valid(p, y) {
                            alpha[t - 1][p] + tw[p][y]
                        } else {
                            NONE
                        };
                    }
                    alpha[t][y] = log_sum_exp(&terms) + em[t][y];
                }
            }
            beta.clear();
            beta.resize(l, [0.0f32; N_TAGS]);
            for t in (0..l - 1).rev() {
                for p in 0..N_TAGS {
                    for y in 0..N_TAGS {
                        terms[y] = if valid(p, y) {
                            tw[p][y] + em[t + 1][y] + beta[t + 1][y]
                        } else {
                            NONE
                        };
                    }
                    beta[t][p] = log_sum_exp(&terms);
                }
            }
            let log_z = log_sum_exp(&alpha[l - 1]);
            // Emissions: expected minus observed counts.
            for t in 0..l {
                let mut grad = [0.0f32; N_TAGS];
                for y in 0..N_TAGS {
                    let marginal = (alpha[t][y] + beta[t][y] - log_z).exp();
                    grad[y] = marginal - f32::from(u8::from(g[t] as usize == y));
                }
                for &k in &fs[t * N_FEATURES..(t + 1) * N_FEATURES] {
                    let k = k as usize;
                    for y in 0..N_TAGS {
                        if grad[y].abs() > 1e-5 {
                            step(&mut w[k][y], &mut g2[k][y], grad[y]);
                        }
                    }
                }
            }
            // Transitions.
            let mut grad = [[0.0f32; W]; W];
            for y in 0..N_TAGS {
                if valid(START, y) {
                    grad[START][y] += (alpha[0][y] + beta[0][y] - log_z).exp();
                }
            }
            grad[START][g[0] as usize] -= 1.0;
            for t in 1..l {
                for p in 0..N_TAGS {
                    for y in 0..N_TAGS {
                        if valid(p, y) {
                            let s = alpha[t - 1][p] + tw[p][y] + em[t][y] + beta[t][y] - log_z;
                            grad[p][y] += s.exp();
                        }
                    }
                }
                grad[g[t - 1] as usize][g[t] as usize] -= 1.0;
            }
            for p in 0..W {
                for y in 0..N_TAGS {
                    if grad[p][y].abs() > 1e-6 {
                        step(&mut tw[p][y], &mut tg2[p][y], grad[p][y]);
                    }
                }
            }
        }
    }
    (w, tw, Vec::new())
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
