//! The dev set: realistic page dumps in `tests/data/dev/` with hand-written gold
//! (`NAME.clean.txt` and `metadata.tsv`, written by `make_gold.py`). Scores the cleaner by
//! the seeds scorer's measures (`/work/shared/eval/score_seeds.py`) and fails when a
//! figure falls below its floor.
//!
//! `cargo test -p dossier-clean --test devset -- --nocapture` prints the figures per page.

use std::{collections::BTreeMap, fmt::Write, path::Path};

use dossier_clean::{Config, clean};
use dossier_core::{DocId, RawDocument, SourceMeta};
use regex::Regex;

/// Floors at the measured level (word-F1 0.996, line-F1 0.994, metadata 0.981 over the 26
/// pages when set).
const FLOOR_WORD_F1: f64 = 0.995;
const FLOOR_LINE_F1: f64 = 0.99;
const FLOOR_META: f64 = 0.98;

const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dev");

/// Bag of `\w+` words, lower-cased.
fn words(text: &str) -> BTreeMap<String, usize> {
    let re = Regex::new(r"\w+").unwrap();
    let mut bag = BTreeMap::new();
    for m in re.find_iter(&text.to_lowercase()) {
        *bag.entry(m.as_str().to_owned()).or_insert(0) += 1;
    }
    bag
}

/// Bag of non-blank lines with whitespace collapsed.
fn lines(text: &str) -> BTreeMap<String, usize> {
    let mut bag = BTreeMap::new();
    for l in text.lines().filter(|l| !l.trim().is_empty()) {
        let l = l.split_whitespace().collect::<Vec<_>>().join(" ");
        *bag.entry(l).or_insert(0) += 1;
    }
    bag
}

/// (overlap, system total, gold total) of two bags.
fn overlap(sys: &BTreeMap<String, usize>, gold: &BTreeMap<String, usize>) -> [usize; 3] {
    let tp = sys
        .iter()
        .map(|(k, n)| (*n).min(gold.get(k).copied().unwrap_or(0)))
        .sum();
    [tp, sys.values().sum(), gold.values().sum()]
}

fn f1([tp, ns, ng]: [usize; 3]) -> f64 {
    let p = if ns == 0 { 0.0 } else { tp as f64 / ns as f64 };
    let r = if ng == 0 { 0.0 } else { tp as f64 / ng as f64 };
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn add(a: &mut [usize; 3], b: [usize; 3]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// The scorer's metadata rule: exact after case folding and whitespace collapsing; for
/// publisher and dateline a longer or shorter form of the same name is right.
fn meta_right(field: &str, sys: &str, gold: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let (s, g) = (norm(sys), norm(gold));
    s == g
        || (matches!(field, "publisher" | "dateline")
            && !s.is_empty()
            && !g.is_empty()
            && (s.contains(&g) || g.contains(&s)))
}

/// Word and line overlaps and metadata fields right/total of a set of pages.
#[derive(Default)]
struct Tally {
    word: [usize; 3],
    line: [usize; 3],
    right: u32,
    total: u32,
}

impl Tally {
    fn summary(&self) -> String {
        format!(
            "word F1 {:.3}  line F1 {:.3}  metadata {:.3}",
            f1(self.word),
            f1(self.line),
            f64::from(self.right) / f64::from(self.total.max(1))
        )
    }
}

struct Scores {
    word: f64,
    line: f64,
    meta: f64,
    report: String,
}

fn score_dev_set() -> Scores {
    let tsv = std::fs::read_to_string(Path::new(DEV).join("metadata.tsv")).unwrap();
    let mut word = [0; 3];
    let mut line = [0; 3];
    let (mut right, mut total) = (0, 0);
    let mut report = String::new();
    let mut batches: BTreeMap<String, Tally> = BTreeMap::new();
    for row in tsv.lines().skip(1).filter(|l| !l.is_empty()) {
        let gold_meta: Vec<&str> = row.split('\t').collect();
        let name = gold_meta[0];
        let text = std::fs::read_to_string(Path::new(DEV).join(format!("{name}.txt"))).unwrap();
        let gold =
            std::fs::read_to_string(Path::new(DEV).join(format!("{name}.clean.txt"))).unwrap();
        let doc = RawDocument {
            id: DocId::new(name),
            source_path: format!("{name}.txt"),
            line: None,
            sha256: String::new(),
            encoding: "UTF-8".into(),
            text,
            meta: SourceMeta::default(),
        };
        let c = clean(&doc, &Config::default());
        let w = overlap(&words(&c.text), &words(&gold));
        let l = overlap(&lines(&c.text), &lines(&gold));
        add(&mut word, w);
        add(&mut line, l);
        let batch = batches
            .entry(gold_meta.get(5).copied().unwrap_or("").to_owned())
            .or_default();
        add(&mut batch.word, w);
        add(&mut batch.line, l);
        let m = &c.metadata;
        let sys = [
            m.title.clone().unwrap_or_default(),
            m.publisher.clone().unwrap_or_default(),
            m.published.map(|d| d.to_string()).unwrap_or_default(),
            m.dateline.clone().unwrap_or_default(),
        ];
        let mut errors = Vec::new();
        for (k, field) in ["title", "publisher", "published", "dateline"]
            .iter()
            .enumerate()
        {
            let g = gold_meta.get(k + 1).copied().unwrap_or("");
            total += 1;
            batch.total += 1;
            if meta_right(field, &sys[k], g) {
                right += 1;
                batch.right += 1;
            } else {
                errors.push(format!("{field}: got {:?}, want {g:?}", sys[k]));
            }
        }
        writeln!(
            report,
            "{name:<26} word F1 {:.3}  line F1 {:.3}  {}",
            f1(w),
            f1(l),
            errors.join("; ")
        )
        .unwrap();
    }
    for (name, tally) in &batches {
        writeln!(report, "batch {name}: {}", tally.summary()).unwrap();
    }
    Scores {
        word: f1(word),
        line: f1(line),
        meta: f64::from(right) / f64::from(total),
        report,
    }
}

#[test]
#[allow(
    clippy::print_stdout,
    reason = "the per-page figures are the report, shown with --nocapture"
)]
fn dev_set_stays_above_its_floors() {
    let s = score_dev_set();
    println!("{}", s.report);
    println!(
        "dev set: word F1 {:.3}  line F1 {:.3}  metadata {:.3}",
        s.word, s.line, s.meta
    );
    assert!(
        s.word >= FLOOR_WORD_F1,
        "word F1 {:.3} < {FLOOR_WORD_F1}",
        s.word
    );
    assert!(
        s.line >= FLOOR_LINE_F1,
        "line F1 {:.3} < {FLOOR_LINE_F1}",
        s.line
    );
    assert!(
        s.meta >= FLOOR_META,
        "metadata {:.3} < {FLOOR_META}",
        s.meta
    );
}
