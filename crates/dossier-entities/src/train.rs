//! Training the tagger: an averaged structured perceptron over exactly the features the
//! recognizer computes at run time (the rule pass runs on every training text), with
//! Viterbi decoding under the same transition constraints. Deterministic for a seed.

use dossier_core::{Label, Span};

use crate::extract::{Config, Recognizer, sentence_ranges};
use crate::features::{N_FEATURES, buckets, token_infos};
use crate::model::{FloatWeights, N_TAGS, START, Scratch, W, active_runs, begin_tag, viterbi};

/// A text with its gold entity spans (byte offsets; PERSON, ORG, GPE/LOC count; other
/// labels are ignored), for training.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDocument {
    /// The text; each line is one or more sentences.
    pub text: String,
    /// Gold spans, byte offsets into `text`.
    pub entities: Vec<(Span, Label)>,
}

/// How to train.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainConfig {
    /// Passes over the data (default 12).
    pub epochs: u32,
    /// Seed of the shuffling (default 1).
    pub seed: u64,
    /// Hashed feature buckets, as a power of two (default 19: 524,288 buckets).
    pub bucket_bits: u32,
    /// Loss-augmented decoding while training: every wrong tag of a token gets this bonus,
    /// so the gold tags must win by a margin (default 3.0; 0 is the plain perceptron).
    pub cost: f32,
    /// Runs with seeds `seed`, `seed + 1`, … whose averaged weights are averaged
    /// again (default 5: about +0.2 F1 in cross-validation, and less dependence on
    /// the seed).
    pub ensemble: u32,
    /// The rule pass whose output the model reads as features (default: embedded
    /// gazetteers, no model).
    pub recognizer: Config,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            epochs: 12,
            seed: 1,
            bucket_bits: 19,
            cost: 3.0,
            ensemble: 5,
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
    /// Sequences decoded wrongly, per epoch.
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
        let (w, tw, errors) = train_run(
            &insts,
            &feats,
            &gold,
            size,
            config,
            config.seed.wrapping_add(u64::from(run)),
        );
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

/// One averaged-perceptron run over the instances, shuffled by `seed`: the averaged
/// emission and transition weights, and the wrongly decoded sequences per epoch.
#[allow(clippy::needless_range_loop)] // tag indices into parallel arrays
fn train_run(
    insts: &[Instance],
    feats: &[u32],
    gold: &[u8],
    size: usize,
    config: &TrainConfig,
    seed: u64,
) -> (Vec<[f32; W]>, [[f32; W]; W], Vec<usize>) {
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
        for i in (1..order.len()).rev() {
            let j = (splitmix(&mut rng) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut errors = 0;
        for &n in &order {
            let inst = &insts[n];
            let fs = &feats[inst.feat..inst.feat + inst.len * N_FEATURES];
            let g = &gold[inst.tag..inst.tag + inst.len];
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

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
