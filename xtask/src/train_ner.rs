//! `cargo xtask train-ner`: trains the entity tagger of `dossier-entities` on the gold
//! corpora in `../shared/ner/*/{train,dev,test}.iob2` and writes the model file into the
//! crate (`crates/dossier-entities/model/ner.bin`); with `--cv K`, cross-validates instead.
//! Also the IOB2 reader `eval-ner` uses.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use dossier_core::{Label, Span};
use dossier_entities::{
    Algorithm, Calibration, CalibrationSample, Config, GoldDocument, Recognizer, TrainConfig,
    fit_calibration, train_model,
};
use xtask::workspace_root;

use crate::eval_ner::{Counts, DocResult, prf, print_calibration, score, table};

#[derive(Debug, clap::Args)]
pub(crate) struct TrainNerArgs {
    /// Folder of the NER corpora, one sub-folder per source (default `../shared/ner`
    /// beside the repository).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Sources (sub-folder names) to leave out, comma-separated.
    #[arg(long, value_delimiter = ',')]
    exclude: Vec<String>,
    /// Splits to train on, comma-separated. The shipped model uses every split; to score
    /// on held-out data use `--cv K`, or train with `--splits train,test --out FILE` and
    /// run `eval-ner --model FILE` on the dev splits.
    #[arg(long, value_delimiter = ',', default_value = "train,dev,test")]
    splits: Vec<String>,
    /// Also train on these files (e.g. a source's test split).
    #[arg(long, value_name = "FILE")]
    add: Vec<PathBuf>,
    /// Where to write the model (default `crates/dossier-entities/model/ner.bin`).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// The learning algorithm.
    #[arg(long, value_enum, default_value_t = AlgorithmArg::Crf)]
    algorithm: AlgorithmArg,
    /// Passes over the data.
    #[arg(long, default_value_t = 15)]
    epochs: u32,
    /// CRF: the AdaGrad learning rate.
    #[arg(long, default_value_t = 0.015)]
    learning_rate: f32,
    /// Seed of the shuffling.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Hashed feature buckets, as a power of two.
    #[arg(long, default_value_t = 19)]
    bucket_bits: u32,
    /// Cross-validate instead of writing a model: pool every split (train, dev, test)
    /// of every source, cut the documents into K folds, train on K-1 and score the
    /// full recogniser on the held-out fold, K times; print exact F1 per source.
    #[arg(long, value_name = "K")]
    cv: Option<usize>,
    /// Cross-validate with one fold per edited-text source instead (leave one source
    /// out): each source is scored by a model that never saw it, the hardest estimate
    /// for text from new publishers; wnut17 is always in training.
    #[arg(long, conflicts_with_all = ["cv", "write_calibration"])]
    by_source: bool,
    /// With `--cv`: print the false positives and negatives, prefixed by their source.
    #[arg(long)]
    show: bool,
    /// With `--cv`: write the fitted confidence calibration into
    /// `crates/dossier-entities/model/calibration.tsv`.
    #[arg(long)]
    write_calibration: bool,
    /// Perceptron: loss-augmented training, the margin (in update steps) by which the gold
    /// tag of each token must beat every other tag.
    #[arg(long, default_value_t = 3.0)]
    cost: f32,
    /// Average the weights of this many runs (seeds `seed`, `seed + 1`, …).
    #[arg(long, default_value_t = 1)]
    ensemble: u32,
}

/// `--algorithm`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum AlgorithmArg {
    /// Linear-chain CRF (AdaGrad on the log-likelihood).
    Crf,
    /// Averaged structured perceptron (loss-augmented).
    Perceptron,
}

/// A text with gold spans (byte offsets) and labels as the file writes them.
#[derive(Debug, Clone)]
pub(crate) struct GoldText {
    pub(crate) id: String,
    pub(crate) text: String,
    pub(crate) entities: Vec<(usize, usize, String)>,
}

pub(crate) fn default_data() -> PathBuf {
    workspace_root().join("../shared/ner")
}

pub(crate) fn run(args: &TrainNerArgs) -> anyhow::Result<()> {
    let data = args.data.clone().unwrap_or_else(default_data);
    let mut files = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&data)
        .with_context(|| format!("cannot read {}", data.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        for split in &args.splits {
            let file = dir.join(format!("{split}.iob2"));
            if file.exists() && !args.exclude.contains(&name) {
                files.push(file);
            }
        }
    }
    files.extend(args.add.iter().cloned());
    if let Some(k) = args.cv {
        return cross_validate(&files, Some(k), args);
    }
    if args.by_source {
        return cross_validate(&files, None, args);
    }
    if files.is_empty() {
        bail!("no training files under {}", data.display());
    }
    let mut docs = Vec::new();
    for f in &files {
        let texts = read_iob2(f)?;
        let n_ent: usize = texts.iter().map(|t| t.entities.len()).sum();
        println!(
            "{}: {} documents, {} entities",
            f.display(),
            texts.len(),
            n_ent
        );
        docs.extend(texts.into_iter().map(to_gold_document));
    }
    let config = train_config(args);
    let t = Instant::now();
    let model = train_model(&docs, &config);
    let secs = t.elapsed().as_secs_f64();
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| workspace_root().join("crates/dossier-entities/model/ner.bin"));
    std::fs::write(&out, &model.bytes)
        .with_context(|| format!("cannot write {}", out.display()))?;
    println!(
        "tokens {} (active {}), entities {} (unreachable {}), errors per epoch {:?}",
        model.tokens,
        model.active_tokens,
        model.entities,
        model.unreachable,
        model.errors_per_epoch
    );
    println!(
        "trained in {secs:.1} s; wrote {} ({:.1} MB)",
        out.display(),
        model.bytes.len() as f64 / 1e6
    );
    Ok(())
}

fn train_config(args: &TrainNerArgs) -> TrainConfig {
    TrainConfig {
        algorithm: match args.algorithm {
            AlgorithmArg::Crf => Algorithm::Crf,
            AlgorithmArg::Perceptron => Algorithm::Perceptron,
        },
        epochs: args.epochs,
        learning_rate: args.learning_rate,
        seed: args.seed,
        bucket_bits: args.bucket_bits,
        cost: args.cost,
        ensemble: args.ensemble,
        ..TrainConfig::default()
    }
}

/// The fold of a document: FNV-1a of its source and id, so folds do not depend on the
/// order of the files.
fn fold_of(source: &str, id: &str, k: usize) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in source.bytes().chain([0]).chain(id.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (h % k as u64) as usize
}

/// `--cv K`: K-fold cross-validation over every split of the sources `files` came
/// from; `--by-source` (`k` = `None`): one fold per edited-text source. Scores are pooled
/// over folds, per source and over the edited-text sources (all but wnut17).
fn cross_validate(files: &[PathBuf], k: Option<usize>, args: &TrainNerArgs) -> anyhow::Result<()> {
    use rayon::prelude::*;
    if k.is_some_and(|k| k < 2) {
        bail!("--cv needs at least 2 folds");
    }
    // Every split of each source the training files name.
    let mut sources: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .collect();
    sources.sort();
    sources.dedup();
    let names: Vec<String> = sources
        .iter()
        .map(|d| {
            d.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default()
        })
        .collect();
    let edited: Vec<&String> = names.iter().filter(|n| *n != "wnut17").collect();
    let k = k.unwrap_or(edited.len());
    let mut texts: Vec<(String, usize, GoldText)> = Vec::new();
    for (dir, name) in sources.iter().zip(&names) {
        for split in ["train", "dev", "test"] {
            let f = dir.join(format!("{split}.iob2"));
            if f.exists() {
                for t in read_iob2(&f)? {
                    let fold = if !args.by_source {
                        fold_of(name, &t.id, k)
                    } else {
                        // wnut17 trains every fold and is never scored.
                        edited.iter().position(|e| *e == name).unwrap_or(usize::MAX)
                    };
                    texts.push((name.clone(), fold, t));
                }
            }
        }
    }
    let config = train_config(args);
    let t = Instant::now();
    let per_fold: Vec<Vec<(String, DocResult)>> = (0..k)
        .into_par_iter()
        .map(|fold| {
            let train: Vec<GoldDocument> = texts
                .iter()
                .filter(|(_, f, _)| *f != fold)
                .map(|(_, _, t)| to_gold_document(t.clone()))
                .collect();
            let model = train_model(&train, &config);
            let rec = Recognizer::with_model(&Config::default(), &model.bytes)
                .expect("a model just trained loads");
            texts
                .iter()
                .filter(|(_, f, _)| *f == fold)
                .map(|(s, _, t)| (s.clone(), score(&rec, t, args.show)))
                .collect()
        })
        .collect::<Vec<_>>();
    let mut by_source: BTreeMap<String, [Counts; 4]> = BTreeMap::new();
    let mut edited = [Counts::default(); 4];
    let mut all = [Counts::default(); 4];
    // Calibration is fitted on the edited-text sources (news is what Dossier reads).
    let mut samples: Vec<CalibrationSample> = Vec::new();
    for (source, (c, lines, cal)) in per_fold.iter().flatten() {
        if source != "wnut17" {
            samples.extend_from_slice(cal);
        }
        for l in lines {
            println!("{source}\t{l}");
        }
        let entry = by_source.entry(source.clone()).or_default();
        for l in 0..4 {
            entry[l] += c[l];
            all[l] += c[l];
            if source != "wnut17" {
                edited[l] += c[l];
            }
        }
    }
    let how = if args.by_source {
        "leave-one-source-out cross-validation".to_string()
    } else {
        format!("{k}-fold cross-validation")
    };
    println!(
        "{how}, {} documents, {:.1} s",
        texts.len(),
        t.elapsed().as_secs_f64()
    );
    println!("| source | gold | exact P | exact R | exact F1 | lenient F1 |");
    println!("|---|---|---|---|---|---|");
    let row = |name: &str, c: &[Counts; 4]| {
        let mut m = Counts::default();
        for x in &c[..3] {
            m += *x;
        }
        let (p, r, f) = prf(m.exact_tp, m.sys, m.exact_tp, m.gold);
        let (_, _, lf) = prf(m.lenient_sys, m.sys, m.lenient_gold, m.gold);
        println!(
            "| {name} | {} | {:.1} | {:.1} | {:.2} | {:.2} |",
            m.gold,
            100.0 * p,
            100.0 * r,
            100.0 * f,
            100.0 * lf
        );
    };
    for (s, c) in &by_source {
        row(s, c);
    }
    row("edited text (all but wnut17)", &edited);
    row("all", &all);
    println!();
    println!("edited text, per label:");
    table(&edited);
    println!();
    println!("raw confidences (edited text):");
    print_calibration(&samples);
    let fitted = fit_calibration(
        &samples,
        &format!(
            "{k} folds, seed {}, {} mentions of the sources other than wnut17",
            args.seed,
            samples.len()
        ),
    );
    let curves = Calibration::parse(&fitted)
        .with_context(|| format!("the fitted curves parse:\n{fitted}"))?;
    let calibrated: Vec<CalibrationSample> = samples
        .iter()
        .map(|s| CalibrationSample {
            confidence: curves.apply(s.extractor, s.label, s.in_run, s.confidence),
            ..*s
        })
        .collect();
    println!();
    println!("calibrated (fitted on these folds):");
    print_calibration(&calibrated);
    // What a floor on the calibrated confidence would do to the edited-text F1.
    let gold: usize = edited[..3].iter().map(|c| c.gold).sum();
    println!();
    println!("| calibrated floor | mentions | exact P | exact R | exact F1 |");
    println!("|---|---|---|---|---|");
    for floor in [0.0f32, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5] {
        let kept: Vec<&CalibrationSample> = calibrated
            .iter()
            .filter(|s| s.confidence >= floor)
            .collect();
        let tp = kept.iter().filter(|s| s.correct).count();
        let (p, r, f) = prf(tp, kept.len(), tp, gold);
        println!(
            "| {floor:.2} | {} | {:.1} | {:.1} | {:.2} |",
            kept.len(),
            100.0 * p,
            100.0 * r,
            100.0 * f
        );
    }
    if args.write_calibration {
        let out = workspace_root().join("crates/dossier-entities/model/calibration.tsv");
        std::fs::write(&out, &fitted).with_context(|| format!("cannot write {}", out.display()))?;
        println!("wrote {}", out.display());
    }
    Ok(())
}

fn to_gold_document(t: GoldText) -> GoldDocument {
    let entities = t
        .entities
        .iter()
        .filter_map(|(a, b, l)| {
            let label = match l.as_str() {
                "PER" | "PERSON" => Label::Person,
                "ORG" => Label::Org,
                "LOC" | "GPE" | "FAC" => Label::Loc,
                _ => return None,
            };
            Some((Span::new(*a, *b), label))
        })
        .collect();
    GoldDocument {
        text: t.text,
        entities,
    }
}

/// Reads an IOB2 file into one text per `# doc`: one line per sentence, the sentence's
/// `# text` when the tokens can be found in it in order, else the tokens joined with
/// light detokenisation (no space before `,` `.` `'s` …, none after `(`).
pub(crate) fn read_iob2(path: &Path) -> anyhow::Result<Vec<GoldText>> {
    let data =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut docs: Vec<GoldText> = Vec::new();
    let mut sent: Vec<(&str, &str)> = Vec::new();
    let mut sent_text: Option<&str> = None;
    let mut doc_id = String::new();
    let flush = |docs: &mut Vec<GoldText>,
                 sent: &mut Vec<(&str, &str)>,
                 sent_text: &mut Option<&str>,
                 doc_id: &str| {
        if sent.is_empty() {
            return;
        }
        if docs.last().is_none_or(|d| d.id != doc_id) {
            docs.push(GoldText {
                id: doc_id.to_string(),
                text: String::new(),
                entities: Vec::new(),
            });
        }
        if let Some(doc) = docs.last_mut() {
            add_sentence(doc, sent, sent_text.take());
        }
        sent.clear();
    };
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') && !line.contains('\t') {
            if let Some(id) = line.strip_prefix("# doc = ") {
                flush(&mut docs, &mut sent, &mut sent_text, &doc_id);
                doc_id = id.trim().to_string();
            } else if let Some(t) = line.strip_prefix("# text = ") {
                sent_text = Some(t);
            }
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut docs, &mut sent, &mut sent_text, &doc_id);
            sent_text = None;
            continue;
        }
        let Some((tok, tag)) = line.split_once('\t') else {
            bail!("{}:{}: no tab", path.display(), n + 1);
        };
        sent.push((tok, tag));
    }
    flush(&mut docs, &mut sent, &mut sent_text, &doc_id);
    Ok(docs)
}

fn add_sentence(doc: &mut GoldText, sent: &[(&str, &str)], given: Option<&str>) {
    if !doc.text.is_empty() {
        doc.text.push('\n');
    }
    let base = doc.text.len();
    // Token offsets inside the sentence text.
    let aligned = given.and_then(|t| {
        let mut pos = 0;
        let mut offs = Vec::with_capacity(sent.len());
        for (tok, _) in sent {
            let rest = &t[pos..];
            let skip = rest.len() - rest.trim_start().len();
            if !rest[skip..].starts_with(tok) {
                return None;
            }
            offs.push((pos + skip, pos + skip + tok.len()));
            pos += skip + tok.len();
        }
        Some((t.trim_end().to_string(), offs))
    });
    let (s, offs) = aligned.unwrap_or_else(|| detokenize(sent));
    doc.text.push_str(&s);
    let mut open: Option<(usize, String)> = None;
    let mut last_end = 0;
    for ((_, tag), (a, b)) in sent.iter().zip(&offs) {
        let continues = tag
            .strip_prefix("I-")
            .is_some_and(|l| open.as_ref().is_some_and(|o| o.1 == l));
        if !continues {
            if let Some((s0, l)) = open.take() {
                doc.entities.push((base + s0, base + last_end, l));
            }
            if let Some(l) = tag.strip_prefix("B-").or_else(|| tag.strip_prefix("I-")) {
                open = Some((*a, l.to_string()));
            }
        }
        last_end = *b;
    }
    if let Some((s0, l)) = open {
        doc.entities.push((base + s0, base + last_end, l));
    }
}

fn detokenize(sent: &[(&str, &str)]) -> (String, Vec<(usize, usize)>) {
    let mut s = String::new();
    let mut offs = Vec::with_capacity(sent.len());
    let mut no_space_next = true;
    for (tok, _) in sent {
        let glue_left = matches!(
            *tok,
            "," | "."
                | ";"
                | ":"
                | "!"
                | "?"
                | ")"
                | "]"
                | "}"
                | "%"
                | "'s"
                | "’s"
                | "n't"
                | "'"
                | "’"
                | "”"
                | "'re"
                | "'ve"
                | "'ll"
                | "'d"
                | "'m"
        );
        if !(no_space_next || glue_left) {
            s.push(' ');
        }
        let a = s.len();
        s.push_str(tok);
        offs.push((a, s.len()));
        no_space_next = matches!(*tok, "(" | "[" | "{" | "$" | "“");
    }
    (s, offs)
}
