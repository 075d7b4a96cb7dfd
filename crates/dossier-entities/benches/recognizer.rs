//! Throughput of the recognizer alone (tokens, sentences, gazetteer, rules, model,
//! fusion) on the fixture texts, in words per second on one core.
//!
//! ```text
//! cargo bench -p dossier-entities --bench recognizer
//! ```

use std::fs;

use divan::counter::ItemsCount;
use dossier_core::{CleanDocument, DocId};
use dossier_entities::{Config, Recognizer};

fn main() {
    divan::main();
}

fn documents() -> Vec<CleanDocument> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut paths: Vec<_> = fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| fs::read_to_string(p).ok())
        .map(|text| CleanDocument::from_plain_text(DocId::new("bench"), text))
        .collect()
}

fn run(bencher: divan::Bencher<'_, '_>, config: &Config) {
    let docs = documents();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let rec = Recognizer::new(config);
    bencher.counter(ItemsCount::new(words)).bench(|| {
        let mut n = 0;
        for d in &docs {
            n += rec.extract(divan::black_box(d), &[]).mentions.len();
        }
        n
    });
}

/// The full recognizer: gazetteers, rules and the model.
#[divan::bench]
fn with_model(bencher: divan::Bencher<'_, '_>) {
    run(bencher, &Config::default());
}

/// Gazetteers and rules only, for comparison.
#[divan::bench]
fn rules_only(bencher: divan::Bencher<'_, '_>) {
    run(
        bencher,
        &Config {
            model: false,
            ..Config::default()
        },
    );
}
