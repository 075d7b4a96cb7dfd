//! `cargo xtask eval-dates`: score `dossier-time` against gold TimeML TIMEX3 annotations,
//! TempEval-3 style.
//!
//! The gold file is JSONL, one document per line:
//! `{"id", "text", "published", "timexes": [{"start", "end", "type", "value"}]}`, offsets in
//! code points (Unicode scalar values) of `text`, `published` a `YYYY-MM-DD` date or null.
//!
//! The figures, as in the TempEval-3 evaluation:
//! - strict span P/R/F1: a predicted span counts when it equals a gold span;
//! - relaxed span P/R/F1: a predicted span counts when it overlaps a gold span, a gold span
//!   when a predicted one overlaps it;
//! - value (and type) accuracy: over the relaxed matches (each gold timex with the predicted
//!   one of the same span, else the first overlapping one); gold timexes without a value
//!   are left out of the accuracies;
//! - value F1 = relaxed F1 × value accuracy (TempEval-3's attribute F1).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context;
use dossier_core::{Date, char_offset};
use serde::Deserialize;

/// Arguments of `cargo xtask eval-dates`.
#[derive(Debug, clap::Args)]
pub(crate) struct EvalDatesArgs {
    /// Gold JSONL file(s); may be repeated. Default: the MEANTIME train and dev files in
    /// ../shared/dates/meantime/.
    #[arg(long, value_name = "FILE.jsonl")]
    gold: Vec<PathBuf>,
    /// Also list every error: missed and spurious timexes, span and value mismatches.
    #[arg(long)]
    errors: bool,
    /// Ignore the documents' publication dates (every relative value stays unanchored).
    #[arg(long)]
    no_anchor: bool,
}

/// One gold document.
#[derive(Debug, Deserialize)]
struct GoldDoc {
    #[serde(default)]
    id: String,
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    timexes: Vec<GoldTimex>,
}

/// One gold TIMEX3.
#[derive(Debug, Deserialize)]
struct GoldTimex {
    start: usize,
    end: usize,
    #[serde(default, rename = "type")]
    kind: String,
    #[serde(default)]
    value: String,
}

/// A timex with code-point offsets, gold or predicted.
#[derive(Debug, Clone)]
struct Item {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

impl Item {
    fn overlaps(&self, other: &Item) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Counts for one slice of the data (all timexes, or one TIMEX3 type).
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    gold: usize,
    pred: usize,
    strict_gold: usize,
    strict_pred: usize,
    relaxed_gold: usize,
    relaxed_pred: usize,
    /// Relaxed matches whose gold timex has a value.
    valued: usize,
    value_ok: usize,
    type_ok: usize,
}

impl Counts {
    fn prf(&self, tp_pred: usize, tp_gold: usize) -> (f64, f64, f64) {
        let p = ratio(tp_pred, self.pred);
        let r = ratio(tp_gold, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Runs the evaluation on every gold file and prints the figures (and errors if asked).
pub(crate) fn run(args: &EvalDatesArgs) -> anyhow::Result<()> {
    let files = if args.gold.is_empty() {
        let dir = xtask::workspace_root().join("../shared/dates/meantime");
        vec![dir.join("train.jsonl"), dir.join("dev.jsonl")]
    } else {
        args.gold.clone()
    };
    for file in &files {
        let report = evaluate_file(file, args)?;
        print!("{report}");
    }
    Ok(())
}

/// Scores one gold file and renders the report.
fn evaluate_file(path: &Path, args: &EvalDatesArgs) -> anyhow::Result<String> {
    let input =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let config = dossier_time::Config::default();
    let mut all = Counts::default();
    let mut by_type: BTreeMap<String, Counts> = BTreeMap::new();
    let mut errors = String::new();
    let mut docs = 0;
    for (n, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: GoldDoc = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a gold document", path.display(), n + 1))?;
        docs += 1;
        let anchor = if args.no_anchor {
            None
        } else {
            doc.published.as_deref().and_then(Date::parse_iso)
        };
        let chars: Vec<char> = doc.text.chars().collect();
        let gold: Vec<Item> = doc
            .timexes
            .iter()
            .filter(|t| t.start < t.end && t.end <= chars.len())
            .map(|t| Item {
                start: t.start,
                end: t.end,
                kind: t.kind.clone(),
                value: t.value.clone(),
            })
            .collect();
        let pred: Vec<Item> = dossier_time::find_timexes(&doc.text, anchor, &config)
            .into_iter()
            .map(|t| Item {
                start: char_offset(&doc.text, t.span.start),
                end: char_offset(&doc.text, t.span.end),
                kind: t.kind.as_str().to_owned(),
                value: t.value,
            })
            .collect();
        let quote = |t: &Item| -> String { chars[t.start..t.end].iter().collect() };
        let anchor_s = anchor.map_or("none".to_owned(), |d| d.to_string());
        for g in &gold {
            let slice = by_type.entry(type_key(&g.kind)).or_default();
            let exact = pred.iter().find(|p| p.start == g.start && p.end == g.end);
            let matched = exact.or_else(|| pred.iter().find(|p| p.overlaps(g)));
            for c in [&mut all, slice] {
                c.gold += 1;
                c.strict_gold += usize::from(exact.is_some());
                c.relaxed_gold += usize::from(matched.is_some());
            }
            let Some(p) = matched else {
                if args.errors {
                    let _ = writeln!(
                        errors,
                        "MISSED {} {} {:?} ({}, anchor {anchor_s})",
                        g.kind,
                        g.value,
                        quote(g),
                        doc.id
                    );
                }
                continue;
            };
            if exact.is_none() && args.errors {
                let _ = writeln!(errors, "SPAN   gold {:?} / got {:?}", quote(g), quote(p));
            }
            if g.value.is_empty() {
                continue;
            }
            let value_ok = p.value == g.value;
            let type_ok = p.kind == g.kind;
            let slice = by_type.entry(type_key(&g.kind)).or_default();
            for c in [&mut all, slice] {
                c.valued += 1;
                c.value_ok += usize::from(value_ok);
                c.type_ok += usize::from(type_ok);
            }
            if args.errors && !(value_ok && type_ok) {
                let _ = writeln!(
                    errors,
                    "VALUE  {:?} gold {} {} / got {:?} {} {} (anchor {anchor_s})",
                    quote(g),
                    g.kind,
                    g.value,
                    quote(p),
                    p.kind,
                    p.value
                );
            }
        }
        for p in &pred {
            let slice = by_type.entry(type_key(&p.kind)).or_default();
            let exact = gold.iter().any(|g| g.start == p.start && g.end == p.end);
            let overlap = gold.iter().any(|g| g.overlaps(p));
            for c in [&mut all, slice] {
                c.pred += 1;
                c.strict_pred += usize::from(exact);
                c.relaxed_pred += usize::from(overlap);
            }
            if !overlap && args.errors {
                let _ = writeln!(
                    errors,
                    "EXTRA  {} {} {:?} ({}, anchor {anchor_s})",
                    p.kind,
                    p.value,
                    quote(p),
                    doc.id
                );
            }
        }
    }
    Ok(render(path, docs, &all, &by_type, &errors))
}

/// The gold type as a table key (`-` when the gold has none).
fn type_key(kind: &str) -> String {
    if kind.is_empty() {
        "-".to_owned()
    } else {
        kind.to_owned()
    }
}

/// The report: one summary block, a per-type table, then the errors.
fn render(
    path: &Path,
    docs: usize,
    all: &Counts,
    by_type: &BTreeMap<String, Counts>,
    errors: &str,
) -> String {
    let mut out = String::new();
    let (sp, sr, sf) = all.prf(all.strict_pred, all.strict_gold);
    let (rp, rr, rf) = all.prf(all.relaxed_pred, all.relaxed_gold);
    let value_acc = ratio(all.value_ok, all.valued);
    let type_acc = ratio(all.type_ok, all.valued);
    let _ = writeln!(out, "{}", path.display());
    let _ = writeln!(
        out,
        "  {docs} documents, {} gold timexes, {} predicted",
        all.gold, all.pred
    );
    let _ = writeln!(out, "  strict span   P {sp:.3}  R {sr:.3}  F1 {sf:.3}");
    let _ = writeln!(out, "  relaxed span  P {rp:.3}  R {rr:.3}  F1 {rf:.3}");
    let _ = writeln!(
        out,
        "  value accuracy {value_acc:.3} ({}/{})  type accuracy {type_acc:.3}",
        all.value_ok, all.valued
    );
    let _ = writeln!(
        out,
        "  value F1 {:.3}  type F1 {:.3}  (relaxed F1 × accuracy)",
        rf * value_acc,
        rf * type_acc
    );
    let _ = writeln!(
        out,
        "  {:<9} {:>5} {:>5} {:>7} {:>7} {:>7} {:>7} {:>8}",
        "type", "gold", "pred", "strict", "relaxP", "relaxR", "value", "valueF1"
    );
    for (kind, c) in by_type {
        let (_, _, sf) = c.prf(c.strict_pred, c.strict_gold);
        let (rp, rr, rf) = c.prf(c.relaxed_pred, c.relaxed_gold);
        let acc = ratio(c.value_ok, c.valued);
        let _ = writeln!(
            out,
            "  {kind:<9} {:>5} {:>5} {sf:>7.3} {rp:>7.3} {rr:>7.3} {acc:>7.3} {:>8.3}",
            c.gold,
            c.pred,
            rf * acc
        );
    }
    out.push_str(errors);
    out
}
