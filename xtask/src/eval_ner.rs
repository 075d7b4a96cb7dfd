//! `cargo xtask eval-ner`: scores the entity recognizer (model + gazetteers + rules) on
//! gold files: JSONL (`{"id", "text", "entities": [{"start", "end", "label"}]}`,
//! code-point offsets) or the IOB2 files of `../shared/ner` (converted as `train-ner`
//! reads them). Each text is one document, one paragraph, not cleaned.
//!
//! Labels are compared as PER / ORG / LOC (/ MISC): PERSON→PER, GPE/LOC/FAC→LOC,
//! NORP→MISC; DATE is not scored. Exact: same span and label. Lenient: a system span
//! overlapping a gold span of the same label (precision counts system spans, recall
//! gold spans).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use dossier_core::{CleanDocument, DocId, Extractor, Label, Metadata, OffsetMap, Span};
use dossier_entities::{CalibrationSample, Config, Recognizer, in_capitalised_run};
use rayon::prelude::*;

use crate::train_ner::{GoldText, default_data, read_iob2};

#[derive(Debug, clap::Args)]
pub(crate) struct EvalNerArgs {
    /// Gold files (`.jsonl` or `.iob2`), repeatable. Default: every `dev.iob2` of
    /// `../shared/ner`.
    #[arg(long, value_name = "FILE")]
    gold: Vec<PathBuf>,
    /// Use this model file instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// Rules and gazetteers only (no model).
    #[arg(long)]
    no_model: bool,
    /// Print the false positives and negatives.
    #[arg(long)]
    show: bool,
    /// Report the raw confidences (before calibration).
    #[arg(long)]
    raw_confidence: bool,
}

const LABELS: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

fn gold_label(l: &str) -> Option<usize> {
    match l {
        "PER" | "PERSON" => Some(0),
        "ORG" => Some(1),
        "LOC" | "GPE" | "FAC" => Some(2),
        "MISC" | "NORP" => Some(3),
        _ => None,
    }
}

fn sys_label(l: Label) -> Option<usize> {
    match l {
        Label::Person => Some(0),
        Label::Org => Some(1),
        Label::Gpe | Label::Loc => Some(2),
        Label::Norp => Some(3),
        Label::Date => None,
    }
}

/// Confidence bands of the calibration table: 0–0.2, …, 0.8–1.0.
const BANDS: usize = 5;

fn band(confidence: f32) -> usize {
    ((confidence * 5.0).floor().max(0.0) as usize).min(BANDS - 1)
}

/// One text's counts per label, its error lines, and its calibration counts.
pub(crate) type DocResult = ([Counts; 4], Vec<String>, Vec<CalibrationSample>);

#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Counts {
    pub(crate) exact_tp: usize,
    pub(crate) sys: usize,
    pub(crate) gold: usize,
    pub(crate) lenient_sys: usize,
    pub(crate) lenient_gold: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.exact_tp += o.exact_tp;
        self.sys += o.sys;
        self.gold += o.gold;
        self.lenient_sys += o.lenient_sys;
        self.lenient_gold += o.lenient_gold;
    }
}

pub(crate) fn prf(tp_p: usize, n_sys: usize, tp_r: usize, n_gold: usize) -> (f64, f64, f64) {
    let p = if n_sys > 0 {
        tp_p as f64 / n_sys as f64
    } else {
        0.0
    };
    let r = if n_gold > 0 {
        tp_r as f64 / n_gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

pub(crate) fn run(args: &EvalNerArgs) -> anyhow::Result<()> {
    let mut config = Config::default();
    if args.no_model {
        config.model = false;
    }
    if args.raw_confidence {
        config.calibrate = false;
    }
    let recognizer = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            Recognizer::with_model(&config, &bytes)
                .with_context(|| format!("cannot load {}", path.display()))?
        }
        None => Recognizer::new(&config),
    };
    println!(
        "recognizer: {}",
        if recognizer.has_model() {
            "model + gazetteers + rules"
        } else {
            "gazetteers + rules"
        }
    );
    let files = if args.gold.is_empty() {
        default_dev_files()?
    } else {
        args.gold.clone()
    };
    let mut all = [Counts::default(); 4];
    let mut samples: Vec<CalibrationSample> = Vec::new();
    for file in &files {
        let texts = read_gold(file)?;
        let t = Instant::now();
        let results: Vec<DocResult> = texts
            .par_iter()
            .map(|g| score(&recognizer, g, args.show))
            .collect();
        let secs = t.elapsed().as_secs_f64();
        let mut counts = [Counts::default(); 4];
        for (c, lines, cal) in &results {
            for k in 0..4 {
                counts[k] += c[k];
            }
            samples.extend_from_slice(cal);
            for l in lines {
                println!("{l}");
            }
        }
        let words: usize = texts
            .iter()
            .map(|t| t.text.split_whitespace().count())
            .sum();
        println!();
        println!(
            "{} ({} texts, {} words, {:.2} s)",
            source_name(file),
            texts.len(),
            words,
            secs
        );
        table(&counts);
        for k in 0..4 {
            all[k] += counts[k];
        }
    }
    if files.len() > 1 {
        println!();
        println!("all files");
        table(&all);
    }
    println!();
    print_calibration(&samples);
    Ok(())
}

/// The share of exact hits per extractor and confidence band: a calibrated confidence
/// has about as many hits as its band says.
pub(crate) fn print_calibration(samples: &[CalibrationSample]) {
    let mut bands = [[[0usize; 2]; BANDS]; 3];
    for s in samples {
        let e = match s.extractor {
            Extractor::Model => 0,
            Extractor::Gazetteer => 1,
            Extractor::Rule => 2,
        };
        let b = &mut bands[e][band(s.confidence)];
        b[0] += 1;
        b[1] += usize::from(s.correct);
    }
    println!("confidence calibration (PER/ORG/LOC mentions): exact precision per band");
    println!("| extractor | < 0.2 | 0.2–0.4 | 0.4–0.6 | 0.6–0.8 | 0.8–1.0 |");
    println!("|---|---|---|---|---|---|");
    for (name, bands) in ["model", "gazetteer", "rule"].iter().zip(&bands) {
        let cells: Vec<String> = bands
            .iter()
            .map(|[n, tp]| {
                if *n == 0 {
                    "–".to_string()
                } else {
                    format!("{:.0}% of {n}", 100.0 * *tp as f64 / *n as f64)
                }
            })
            .collect();
        println!("| {name} | {} |", cells.join(" | "));
    }
}

pub(crate) fn table(counts: &[Counts; 4]) {
    println!(
        "| label | gold | sys | exact P | exact R | exact F1 | lenient P | lenient R | lenient F1 |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let row = |name: &str, c: &Counts| {
        let (p, r, f) = prf(c.exact_tp, c.sys, c.exact_tp, c.gold);
        let (lp, lr, lf) = prf(c.lenient_sys, c.sys, c.lenient_gold, c.gold);
        println!(
            "| {name} | {} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} |",
            c.gold,
            c.sys,
            100.0 * p,
            100.0 * r,
            100.0 * f,
            100.0 * lp,
            100.0 * lr,
            100.0 * lf
        );
    };
    let mut micro = Counts::default();
    for (k, name) in LABELS.iter().enumerate() {
        if k == 3 && counts[3].gold == 0 {
            continue;
        }
        row(name, &counts[k]);
        if k < 3 {
            micro += counts[k];
        }
    }
    row("PER+ORG+LOC", &micro);
}

fn source_name(file: &Path) -> String {
    let parent = file
        .parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    format!("{parent}/{name}")
}

fn default_dev_files() -> anyhow::Result<Vec<PathBuf>> {
    let data = default_data();
    let mut out = Vec::new();
    for e in std::fs::read_dir(&data).with_context(|| format!("cannot read {}", data.display()))? {
        let f = e?.path().join("dev.iob2");
        if f.exists() {
            out.push(f);
        }
    }
    out.sort();
    if out.is_empty() {
        bail!("no dev.iob2 files under {}", data.display());
    }
    Ok(out)
}

#[derive(serde::Deserialize)]
struct JsonEntity {
    start: usize,
    end: usize,
    label: String,
}

#[derive(serde::Deserialize)]
struct JsonDoc {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    entities: Vec<JsonEntity>,
}

/// Reads a gold file: `.iob2` as `train-ner` does, anything else as JSONL with code-point
/// offsets. Returns byte offsets.
fn read_gold(file: &Path) -> anyhow::Result<Vec<GoldText>> {
    if file.extension().is_some_and(|e| e == "iob2") {
        return read_iob2(file);
    }
    let data =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let mut out = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: JsonDoc = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: bad JSON", file.display(), n + 1))?;
        let bytes: Vec<usize> = d
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(d.text.len()))
            .collect();
        let mut entities = Vec::new();
        for e in d.entities {
            let (Some(&a), Some(&b)) = (bytes.get(e.start), bytes.get(e.end)) else {
                bail!("{}:{}: offset out of range", file.display(), n + 1);
            };
            entities.push((a, b, e.label));
        }
        let id = match d.id {
            serde_json::Value::String(s) => s,
            v => v.to_string(),
        };
        out.push(GoldText {
            id,
            text: d.text,
            entities,
        });
    }
    Ok(out)
}

pub(crate) fn score(rec: &Recognizer, g: &GoldText, show: bool) -> DocResult {
    let text = g.text.clone();
    let doc = CleanDocument {
        id: DocId::new(g.id.clone()),
        paragraphs: vec![Span::new(0, text.len())],
        has_title: false,
        offsets: OffsetMap::identity(text.len()),
        removed: Vec::new(),
        metadata: Metadata::default(),
        text,
    };
    let ann = rec.extract(&doc, &[]);
    let gold: Vec<(usize, usize, usize)> = g
        .entities
        .iter()
        .filter_map(|(a, b, l)| gold_label(l).map(|k| (*a, *b, k)))
        .collect();
    let sys_mentions: Vec<&dossier_core::Mention> = ann
        .mentions
        .iter()
        .filter(|m| sys_label(m.label).is_some())
        .collect();
    let sys: Vec<(usize, usize, usize)> = sys_mentions
        .iter()
        .filter_map(|m| sys_label(m.label).map(|k| (m.span.start, m.span.end, k)))
        .collect();
    let spans: Vec<Span> = ann.mentions.iter().map(|m| m.span).collect();
    let mut cal = Vec::new();
    for m in &ann.mentions {
        if let Some(k) = sys_label(m.label).filter(|&k| k < 3) {
            cal.push(CalibrationSample {
                extractor: m.extractor,
                label: m.label,
                confidence: m.confidence,
                in_run: in_capitalised_run(&g.text, m.span, &spans),
                correct: gold.contains(&(m.span.start, m.span.end, k)),
            });
        }
    }
    let mut c = [Counts::default(); 4];
    let mut lines = Vec::new();
    let overlaps =
        |x: &(usize, usize, usize), y: &(usize, usize, usize)| x.2 == y.2 && x.0 < y.1 && y.0 < x.1;
    let mut by: BTreeMap<(usize, usize, usize), ()> = BTreeMap::new();
    for s in &gold {
        by.insert(*s, ());
    }
    for (s, m) in sys.iter().zip(&sys_mentions) {
        c[s.2].sys += 1;
        if by.contains_key(s) {
            c[s.2].exact_tp += 1;
        } else if show {
            lines.push(format!(
                "FP {} {:?} [{}] ({} {:.2})",
                LABELS[s.2],
                &g.text[s.0..s.1],
                g.id,
                m.extractor.as_str(),
                m.confidence
            ));
        }
        if gold.iter().any(|x| overlaps(x, s)) {
            c[s.2].lenient_sys += 1;
        }
    }
    for x in &gold {
        c[x.2].gold += 1;
        if sys.iter().any(|s| overlaps(x, s)) {
            c[x.2].lenient_gold += 1;
        }
        if show && !sys.contains(x) {
            lines.push(format!(
                "FN {} {:?} [{}]",
                LABELS[x.2],
                &g.text[x.0..x.1],
                g.id
            ));
        }
    }
    (c, lines, cal)
}
