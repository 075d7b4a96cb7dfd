//! Times `dossier_clean::clean` alone on every `*.txt` of a folder, on one thread, and
//! prints a digest of all outputs (to check that a change leaves them identical).
//!
//! `cargo run --release -p dossier-clean --example throughput -- target/bench/corpus-50mb [ROUNDS]`

use std::{
    error::Error,
    fs,
    hash::{DefaultHasher, Hash, Hasher},
    io::Write,
    time::Instant,
};

use dossier_core::{DocId, RawDocument, SourceMeta};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let input = args.next().ok_or("usage: throughput INPUT_DIR [ROUNDS]")?;
    let rounds: usize = args.next().map_or(Ok(3), |r| r.parse())?;
    let mut paths: Vec<_> = fs::read_dir(&input)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<RawDocument> = paths
        .iter()
        .map(|path| {
            let id = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            Ok(RawDocument {
                id: DocId::new(id),
                source_path: path.display().to_string(),
                line: None,
                sha256: String::new(),
                encoding: "UTF-8".into(),
                text: fs::read_to_string(path)?,
                meta: SourceMeta::default(),
            })
        })
        .collect::<Result<_, std::io::Error>>()?;
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let config = dossier_clean::Config::default();
    let mut secs = Vec::new();
    let mut digest = 0;
    for _ in 0..rounds {
        let mut hasher = DefaultHasher::new();
        let t = Instant::now();
        for doc in &docs {
            let clean = dossier_clean::clean(doc, &config);
            format!("{clean:?}").hash(&mut hasher);
        }
        secs.push(t.elapsed().as_secs_f64());
        digest = hasher.finish();
    }
    // The digest's formatting is timed too, but it is the same before and after a change;
    // time once more without it.
    let mut plain = Vec::new();
    for _ in 0..rounds {
        let t = Instant::now();
        for doc in &docs {
            std::hint::black_box(dossier_clean::clean(doc, &config));
        }
        plain.push(t.elapsed().as_secs_f64());
    }
    plain.sort_by(f64::total_cmp);
    let median = plain[plain.len() / 2];
    writeln!(
        std::io::stdout(),
        "{} docs, {:.1} MB, {} words; clean median of {rounds}: {median:.3} s = {:.1} MB/s, {:.0} words/s (all: {plain:.3?}); digest {digest:016x}",
        docs.len(),
        bytes as f64 / 1e6,
        words,
        bytes as f64 / 1e6 / median,
        words as f64 / median,
    )?;
    Ok(())
}
