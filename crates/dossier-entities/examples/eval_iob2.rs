//! Scores the recognizer on IOB2 NER corpora (PER / ORG / LOC), as a check on general
//! text beyond the seeds.
//!
//! ```text
//! cargo run -p dossier-entities --example eval_iob2 -- [--fixture] FILE.iob2 ...
//! ```
//! Each sentence becomes one paragraph (tokens joined by spaces). GPE and LOC both count
//! as LOC; NORP and DATE are not scored (the corpora do not label them).

use std::collections::BTreeSet;
use std::error::Error;
use std::fs;
use std::io::Write;
use std::path::Path;

use dossier_core::{CleanDocument, DocId, Label, Metadata, OffsetMap, Span};
use dossier_entities::{Config, Recognizer};

fn main() -> Result<(), Box<dyn Error>> {
    let mut config = Config::default();
    let mut files = Vec::new();
    let mut show = false;
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--fixture" => {
                for f in ["gazetteer.tsv", "ambiguous.tsv"] {
                    let t = fs::read_to_string(here.join("tests/data").join(f))?;
                    config.extra_gazetteers.push((f.to_string(), t));
                }
            }
            "--show" => show = true,
            "--low" => config.min_confidence = 0.4,
            _ => files.push(a),
        }
    }
    let rec = Recognizer::new(&config);
    let labels = ["PER", "ORG", "LOC"];
    let mut tp = [0usize; 3];
    let mut n_sys = [0usize; 3];
    let mut n_gold = [0usize; 3];
    let mut out = std::io::stdout().lock();
    for f in files {
        let data = fs::read_to_string(&f)?;
        // documents: Vec<sentences: Vec<(token, tag)>>
        let mut docs: Vec<Vec<Vec<(String, String)>>> = vec![Vec::new()];
        let mut sent: Vec<(String, String)> = Vec::new();
        for line in data.lines() {
            if line.starts_with("# doc =") {
                if !sent.is_empty() {
                    docs.last_mut()
                        .ok_or("doc")?
                        .push(std::mem::take(&mut sent));
                }
                docs.push(Vec::new());
                continue;
            }
            if line.starts_with('#') && !line.contains('\t') {
                continue;
            }
            if line.trim().is_empty() {
                if !sent.is_empty() {
                    docs.last_mut()
                        .ok_or("doc")?
                        .push(std::mem::take(&mut sent));
                }
                continue;
            }
            let (t, tag) = line.split_once('\t').ok_or("tab")?;
            sent.push((t.to_string(), tag.to_string()));
        }
        if !sent.is_empty() {
            docs.last_mut().ok_or("doc")?.push(sent);
        }
        for doc in docs.into_iter().filter(|d| !d.is_empty()) {
            let mut text = String::new();
            let mut paragraphs = Vec::new();
            let mut gold: BTreeSet<(usize, usize, &str)> = BTreeSet::new();
            for s in &doc {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                let p0 = text.len();
                let mut open: Option<(usize, String)> = None;
                let mut last_end = p0;
                for (i, (t, tag)) in s.iter().enumerate() {
                    if i > 0 {
                        text.push(' ');
                    }
                    let start = text.len();
                    text.push_str(t);
                    let inside =
                        tag.starts_with("I-") && open.as_ref().is_some_and(|o| o.1 == tag[2..]);
                    if !inside {
                        if let Some((a, l)) = open.take() {
                            gold.insert((
                                a,
                                last_end,
                                labels.iter().find(|x| **x == l).copied().unwrap_or("X"),
                            ));
                        }
                        if let Some(l) = tag.strip_prefix("B-").or_else(|| tag.strip_prefix("I-")) {
                            open = Some((start, l.to_string()));
                        }
                    }
                    last_end = text.len();
                }
                if let Some((a, l)) = open.take() {
                    gold.insert((
                        a,
                        last_end,
                        labels.iter().find(|x| **x == l).copied().unwrap_or("X"),
                    ));
                }
                paragraphs.push(Span::new(p0, text.len()));
            }
            let d = CleanDocument {
                id: DocId::new("x"),
                paragraphs,
                has_title: false,
                offsets: OffsetMap::identity(text.len()),
                removed: Vec::new(),
                metadata: Metadata::default(),
                text: text.clone(),
            };
            let ann = rec.extract(&d, &[]);
            let sys: BTreeSet<(usize, usize, &str)> = ann
                .mentions
                .iter()
                .filter_map(|m| {
                    let l = match m.label {
                        Label::Person => "PER",
                        Label::Org => "ORG",
                        Label::Gpe | Label::Loc => "LOC",
                        _ => return None,
                    };
                    Some((m.span.start, m.span.end, l))
                })
                .collect();
            for (k, l) in labels.iter().enumerate() {
                let g: BTreeSet<_> = gold.iter().filter(|x| x.2 == *l).collect();
                let s: BTreeSet<_> = sys.iter().filter(|x| x.2 == *l).collect();
                tp[k] += g.intersection(&s).count();
                n_sys[k] += s.len();
                n_gold[k] += g.len();
                if show {
                    for x in s.difference(&g) {
                        writeln!(out, "FP {l} {:?}", &text[x.0..x.1])?;
                    }
                    for x in g.difference(&s) {
                        writeln!(out, "FN {l} {:?}", &text[x.0..x.1])?;
                    }
                }
            }
        }
    }
    let f1 = |t: usize, s: usize, g: usize| {
        let p = if s > 0 { t as f64 / s as f64 } else { 0.0 };
        let r = if g > 0 { t as f64 / g as f64 } else { 0.0 };
        (
            p,
            r,
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
        )
    };
    for (k, l) in labels.iter().enumerate() {
        let (p, r, f) = f1(tp[k], n_sys[k], n_gold[k]);
        writeln!(out, "{l} P {p:.3} R {r:.3} F1 {f:.3} (gold {})", n_gold[k])?;
    }
    let (p, r, f) = f1(tp.iter().sum(), n_sys.iter().sum(), n_gold.iter().sum());
    writeln!(out, "micro P {p:.3} R {r:.3} F1 {f:.3}")?;
    Ok(())
}
