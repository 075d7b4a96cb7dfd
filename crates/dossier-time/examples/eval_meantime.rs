//! Scores `find_timexes` on the MEANTIME TIMEX3 JSONL (`/work/shared/dates/meantime/`):
//! strict span P/R/F1, relaxed (overlap) P/R/F1, and type and value accuracy over matched
//! spans, with each document's `published` date as the anchor.
//! `cargo xtask eval-dates` gives the same figures TempEval-3 style, per TIMEX3 type too.
//!
//! ```text
//! cargo run -p dossier-time --example eval_meantime -- [FILE.jsonl] [--errors]
//! ```
#![allow(clippy::print_stdout)]

use dossier_core::{Date, char_offset};
use dossier_time::{Config, find_timexes};

const DEFAULT: &str = "/work/shared/dates/meantime/train.jsonl";

struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
    text: String,
}

struct Pred {
    start: usize,
    end: usize,
    kind: &'static str,
    value: String,
    text: String,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = args.iter().any(|a| a == "--errors");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or(DEFAULT, String::as_str);
    let input = std::fs::read_to_string(path).expect("read the JSONL file");

    let (mut n_gold, mut n_pred, mut strict, mut gold_overlapped, mut pred_overlapped) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut value_n, mut value_ok, mut type_ok) = (0usize, 0usize, 0usize);
    let (mut strict_value_n, mut strict_value_ok) = (0usize, 0usize);
    for line in input.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
        let text = doc["text"].as_str().unwrap_or_default();
        let anchor = doc["published"].as_str().and_then(Date::parse_iso);
        let gold: Vec<Gold> = doc["timexes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| Gold {
                start: t["start"].as_u64().unwrap_or(0) as usize,
                end: t["end"].as_u64().unwrap_or(0) as usize,
                kind: t["type"].as_str().unwrap_or_default().to_owned(),
                value: t["value"].as_str().unwrap_or_default().to_owned(),
                text: t["text"].as_str().unwrap_or_default().to_owned(),
            })
            .collect();
        let preds: Vec<Pred> = find_timexes(text, anchor, &Config::default())
            .into_iter()
            .map(|t| Pred {
                start: char_offset(text, t.span.start),
                end: char_offset(text, t.span.end),
                kind: t.kind.as_str(),
                value: t.value,
                text: text[t.span.range()].to_owned(),
            })
            .collect();
        n_gold += gold.len();
        n_pred += preds.len();
        let overlaps = |g: &Gold, p: &Pred| g.start < p.end && p.start < g.end;
        for g in &gold {
            let exact = preds.iter().find(|p| p.start == g.start && p.end == g.end);
            if exact.is_some() {
                strict += 1;
            }
            let matched = exact.or_else(|| preds.iter().find(|p| overlaps(g, p)));
            match matched {
                Some(p) => {
                    gold_overlapped += 1;
                    if !g.value.is_empty() {
                        value_n += 1;
                        let ok = p.value == g.value;
                        value_ok += usize::from(ok);
                        type_ok += usize::from(p.kind == g.kind);
                        if exact.is_some() {
                            strict_value_n += 1;
                            strict_value_ok += usize::from(ok);
                        }
                        if show_errors && !ok {
                            println!(
                                "VALUE  {:?} gold {} {} / got {:?} {} {} (anchor {})",
                                g.text,
                                g.kind,
                                g.value,
                                p.text,
                                p.kind,
                                p.value,
                                anchor.map_or("none".to_owned(), |d| d.to_string())
                            );
                        }
                    }
                    if show_errors && exact.is_none() {
                        println!("SPAN   gold {:?} / got {:?}", g.text, p.text);
                    }
                }
                None if show_errors => println!("MISSED {:?} {} {}", g.text, g.kind, g.value),
                None => {}
            }
        }
        for p in &preds {
            if gold.iter().any(|g| overlaps(g, p)) {
                pred_overlapped += 1;
            } else if show_errors {
                println!("EXTRA  {:?} {} {}", p.text, p.kind, p.value);
            }
        }
    }
    let prf = |tp_p: usize, tp_r: usize| {
        let p = tp_p as f64 / n_pred.max(1) as f64;
        let r = tp_r as f64 / n_gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    };
    let (sp, sr, sf) = prf(strict, strict);
    let (rp, rr, rf) = prf(pred_overlapped, gold_overlapped);
    println!("{path}: {n_gold} gold timexes, {n_pred} predicted");
    println!("strict span   P {sp:.3}  R {sr:.3}  F1 {sf:.3}");
    println!("relaxed span  P {rp:.3}  R {rr:.3}  F1 {rf:.3}");
    println!(
        "value accuracy over matched (overlap) spans: {value_ok}/{value_n} = {:.3}; type accuracy {:.3}",
        value_ok as f64 / value_n.max(1) as f64,
        type_ok as f64 / value_n.max(1) as f64
    );
    println!(
        "value accuracy over strict matches: {strict_value_ok}/{strict_value_n} = {:.3}",
        strict_value_ok as f64 / strict_value_n.max(1) as f64
    );
}
