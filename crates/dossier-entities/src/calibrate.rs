//! Confidence calibration: maps the raw confidence of a PER/ORG/GPE/LOC mention to the
//! share of such mentions that were exactly right (same span, same label) when the
//! recogniser was cross-validated on the NER corpora (`cargo xtask train-ner --cv 5
//! --write-calibration`).
//!
//! One monotone curve per extractor, label class and position (alone, or inside a longer
//! capitalised run: "China" in "Air China" is far less often a name of its own than
//! "China" alone), fitted by isotonic regression (pool adjacent violators) over
//! raw-confidence bins; applied by linear interpolation between the curve's points. NORP
//! and DATE mentions keep their raw confidence (no gold data).

use std::fmt::Write as _;

use dossier_core::{Extractor, Label, Span};

use crate::words;

/// The embedded curves (`model/calibration.tsv`).
const EMBEDDED: &str = include_str!("../model/calibration.tsv");

/// Smallest number of mentions behind one point of a curve.
const MIN_BLOCK: f64 = 40.0;

/// Raw-confidence bins of the fit.
const BINS: usize = 100;

/// One observation for the fit: who found the mention, its label, its raw confidence,
/// and whether it was exactly right.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CalibrationSample {
    /// The extractor that produced the mention.
    pub extractor: Extractor,
    /// Its label.
    pub label: Label,
    /// Its raw confidence.
    pub confidence: f32,
    /// Next to another capitalised word ([`in_capitalised_run`]).
    pub in_run: bool,
    /// Same span and label as a gold name.
    pub correct: bool,
}

/// Calibration curves per (extractor, class, in a run): `(raw, calibrated)` points with
/// increasing `raw`. [`Calibration::default`] has none (every confidence stays raw).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calibration {
    curves: [[[Curve; 2]; 3]; 3],
}

/// `(raw, calibrated)` points, increasing `raw`.
type Curve = Vec<(f32, f32)>;

/// Is the mention at `span` next to another capitalised word on its line (joined by a
/// space or a hyphen) that no other mention covers and that is not a function word such
/// as a sentence-initial "The"? `mentions` are the spans of the document's mentions,
/// sorted and not overlapping.
/// "China" in "Air China" and "US" in "US Federal Reserve" are in such a run; "Taliban"
/// in "The Taliban said" and the two places of "Tajikistan-Afghanistan border" are not,
/// nor is any name of a headline in Title Case or capitals, where every word has a capital.
pub fn in_capitalised_run(text: &str, span: Span, mentions: &[Span]) -> bool {
    let unexplained_capital = |a: usize, b: usize| {
        let w = &text[a..b];
        w.chars().next().is_some_and(char::is_uppercase)
            && !words::is_function_word(w)
            // "Northern Afghanistan" is Afghanistan, told apart on purpose.
            && (!w.ends_with("ern") || !words::is_direction(w))
            && !mentions[mentions.partition_point(|m| m.end <= a)..]
                .iter()
                .take_while(|m| m.start < b)
                .any(|m| *m != span)
    };
    let before = &text[..span.start];
    let prev = before
        .strip_suffix([' ', '-'])
        .map(|b| (b.rfind([' ', '\n', '-']).map_or(0, |i| i + 1), b.len()));
    let after = &text[span.end..];
    let next = after.strip_prefix([' ', '-']).map(|a| {
        let start = span.end + 1;
        let len = a
            .find([' ', '\n', '-', ',', '.', ';', ':'])
            .unwrap_or(a.len());
        (start, start + len)
    });
    // The line is looked at only for the few mentions with a capitalised neighbour.
    (prev.is_some_and(|(a, b)| a < b && unexplained_capital(a, b))
        || next.is_some_and(|(a, b)| a < b && unexplained_capital(a, b)))
        && !headline_like(text, span)
}

/// Is the line of `span` capitalised throughout ("Pakistani Officials Meet Taliban
/// Delegation in Kabul"): at least three words of four letters or more, four in five of
/// them capitalised?
fn headline_like(text: &str, span: Span) -> bool {
    // A headline is short: look no further than this for its ends, so that a long
    // paragraph costs the same for every mention in it.
    const MAX: usize = 300;
    let mut lo = span.start.saturating_sub(MAX);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (span.end + MAX).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let a = match text[lo..span.start].rfind('\n') {
        Some(i) => lo + i + 1,
        None if lo == 0 => 0,
        None => return false,
    };
    let b = match text[span.end..hi].find('\n') {
        Some(i) => span.end + i,
        None if hi == text.len() => hi,
        None => return false,
    };
    let (mut words, mut capitalised) = (0usize, 0usize);
    for w in text[a..b].split_whitespace() {
        if w.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        words += 1;
        if w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
        {
            capitalised += 1;
        }
    }
    words >= 3 && capitalised * 5 >= words * 4
}

fn extractor_index(e: Extractor) -> usize {
    match e {
        Extractor::Model => 0,
        Extractor::Gazetteer => 1,
        Extractor::Rule => 2,
    }
}

fn class_index(l: Label) -> Option<usize> {
    match l {
        Label::Person => Some(0),
        Label::Org => Some(1),
        Label::Gpe | Label::Loc => Some(2),
        Label::Norp | Label::Date => None,
    }
}

const EXTRACTORS: [&str; 3] = ["model", "gazetteer", "rule"];
const CLASSES: [&str; 3] = ["PER", "ORG", "LOC"];

impl Calibration {
    /// The curves shipped with the crate.
    pub(crate) fn embedded() -> Calibration {
        Calibration::parse(EMBEDDED).unwrap_or_default()
    }

    /// Reads `extractor<TAB>class<TAB>run<TAB>raw<TAB>calibrated` lines (`#` comments), as
    /// [`fit_calibration`] writes them; `None` for a malformed line.
    pub fn parse(text: &str) -> Option<Calibration> {
        let mut c = Calibration::default();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() || line.starts_with("extractor") {
                continue;
            }
            let mut cols = line.split('\t');
            let (e, k) = (cols.next()?, cols.next()?);
            let e = EXTRACTORS.iter().position(|&x| x == e)?;
            let k = CLASSES.iter().position(|&x| x == k)?;
            let run: usize = cols.next()?.parse().ok().filter(|&r| r < 2)?;
            let raw: f32 = cols.next()?.parse().ok()?;
            let cal: f32 = cols.next()?.parse().ok()?;
            c.curves[e][k][run].push((raw, cal));
        }
        Some(c)
    }

    /// The calibrated confidence of a mention (the raw one where no curve applies); a
    /// position without a curve of its own uses the other position's.
    pub fn apply(&self, extractor: Extractor, label: Label, in_run: bool, raw: f32) -> f32 {
        let Some(k) = class_index(label) else {
            return raw;
        };
        let both = &self.curves[extractor_index(extractor)][k];
        let run = usize::from(in_run);
        let curve = if both[run].is_empty() {
            &both[1 - run]
        } else {
            &both[run]
        };
        let (Some(first), Some(last)) = (curve.first(), curve.last()) else {
            return raw;
        };
        if raw <= first.0 {
            return first.1;
        }
        if raw >= last.0 {
            return last.1;
        }
        let i = curve.partition_point(|p| p.0 <= raw);
        let ((x0, y0), (x1, y1)) = (curve[i - 1], curve[i]);
        if x1 > x0 {
            y0 + (y1 - y0) * (raw - x0) / (x1 - x0)
        } else {
            y1
        }
    }
}

/// Fits the curves to `samples` and writes them in the format of
/// `model/calibration.tsv` (with a header naming `source`).
pub fn fit_calibration(samples: &[CalibrationSample], source: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Confidence calibration of dossier-entities: raw confidence -> share exactly right."
    );
    let _ = writeln!(
        out,
        "# GENERATED by `cargo xtask train-ner --cv 5 --write-calibration` ({source})."
    );
    out.push_str("extractor\tclass\trun\traw\tcalibrated\n");
    for (e, ename) in EXTRACTORS.iter().enumerate() {
        for (k, kname) in CLASSES.iter().enumerate() {
            for run in [false, true] {
                // Bins of raw confidence: (sum of raw, mentions, right).
                let mut bins = vec![(0.0f64, 0.0f64, 0.0f64); BINS];
                for s in samples {
                    if extractor_index(s.extractor) != e
                        || class_index(s.label) != Some(k)
                        || s.in_run != run
                    {
                        continue;
                    }
                    let b = ((s.confidence.clamp(0.0, 1.0) * BINS as f32) as usize).min(BINS - 1);
                    bins[b].0 += f64::from(s.confidence);
                    bins[b].1 += 1.0;
                    bins[b].2 += f64::from(u8::from(s.correct));
                }
                for (raw, cal) in isotonic(&bins) {
                    let _ = writeln!(
                        out,
                        "{ename}\t{kname}\t{}\t{raw:.3}\t{cal:.3}",
                        u8::from(run)
                    );
                }
            }
        }
    }
    out
}

/// Pool-adjacent-violators over non-empty bins, then blocks of at least `MIN_BLOCK`
/// mentions; returns (mean raw, share right) per block.
fn isotonic(bins: &[(f64, f64, f64)]) -> Vec<(f64, f64)> {
    // A block: (sum raw, n, right).
    let mut blocks: Vec<(f64, f64, f64)> = Vec::new();
    let rate = |b: &(f64, f64, f64)| b.2 / b.1;
    for &b in bins.iter().filter(|b| b.1 > 0.0) {
        blocks.push(b);
        while blocks.len() >= 2 {
            let n = blocks.len();
            let (prev, last) = (blocks[n - 2], blocks[n - 1]);
            let small = prev.1 < MIN_BLOCK;
            if rate(&prev) >= rate(&last) || small {
                blocks.truncate(n - 2);
                blocks.push((prev.0 + last.0, prev.1 + last.1, prev.2 + last.2));
            } else {
                break;
            }
        }
    }
    // A small last block joins its neighbour.
    if blocks.len() >= 2 && blocks[blocks.len() - 1].1 < MIN_BLOCK {
        let last = blocks.pop().unwrap_or_default();
        if let Some(prev) = blocks.last_mut() {
            *prev = (prev.0 + last.0, prev.1 + last.1, prev.2 + last.2);
        }
    }
    blocks.iter().map(|b| (b.0 / b.1, rate(b))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(confidence: f32, correct: bool) -> CalibrationSample {
        CalibrationSample {
            extractor: Extractor::Model,
            label: Label::Org,
            confidence,
            in_run: false,
            correct,
        }
    }

    #[test]
    fn fit_is_monotone_and_round_trips() {
        // Right half of the time at 0.6, always at 0.95, never at 0.55 (a violator run).
        let mut s = Vec::new();
        for i in 0..200 {
            s.push(sample(0.55, false));
            s.push(sample(0.6, i % 2 == 0));
            s.push(sample(0.95, true));
        }
        let text = fit_calibration(&s, "test");
        let c = Calibration::parse(&text).expect("parses");
        let org = |x: f32| c.apply(Extractor::Model, Label::Org, false, x);
        assert!(org(0.55) < 0.05, "{text}");
        assert!((org(0.6) - 0.5).abs() < 0.05, "{text}");
        assert!(org(0.95) > 0.95, "{text}");
        assert!(org(0.7) <= org(0.8) && org(0.8) <= org(0.9));
        // No curve in a run: the other position's.
        assert_eq!(c.apply(Extractor::Model, Label::Org, true, 0.6), org(0.6));
        // No curve: raw confidence.
        assert_eq!(c.apply(Extractor::Rule, Label::Person, false, 0.42), 0.42);
        assert_eq!(c.apply(Extractor::Model, Label::Norp, false, 0.42), 0.42);
    }

    #[test]
    fn embedded_curves_parse() {
        let c = Calibration::parse(EMBEDDED).expect("the embedded file parses");
        let v = c.apply(Extractor::Gazetteer, Label::Gpe, false, 0.99);
        assert!((0.0..=1.0).contains(&v));
    }

    #[test]
    fn capitalised_runs() {
        let text = "The Taliban said Air China and the US Federal Reserve met at the \
                    Tajikistan-Afghanistan border, near the Sea-Air-Space Museum.";
        let span = |w: &str| {
            let a = text.find(w).unwrap();
            Span::new(a, a + w.len())
        };
        let mentions: Vec<Span> = [
            "Taliban",
            "China",
            "US",
            "Tajikistan",
            "Afghanistan",
            "Museum",
        ]
        .iter()
        .map(|w| span(w))
        .collect();
        let run = |w: &str| in_capitalised_run(text, span(w), &mentions);
        assert!(!run("Taliban"));
        assert!(run("China"));
        assert!(run("US"));
        assert!(!run("Tajikistan"));
        assert!(!run("Afghanistan"));
        assert!(run("Museum"));
    }

    #[test]
    fn a_title_case_headline_or_a_direction_is_no_run() {
        let text = "Pakistani Officials Meet Taliban Delegation in Kabul\n\
                    Officials of Air China met with local traders in Northern Afghanistan yesterday.";
        let at = |w: &str| {
            let a = text.find(w).unwrap();
            Span::new(a, a + w.len())
        };
        let mentions = [at("Taliban"), at("Kabul"), at("China"), at("Afghanistan")];
        assert!(!in_capitalised_run(text, at("Taliban"), &mentions));
        assert!(in_capitalised_run(text, at("China"), &mentions));
        assert!(!in_capitalised_run(text, at("Afghanistan"), &mentions));
    }
}
