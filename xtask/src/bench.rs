//! `cargo xtask bench`: throughput per stage and end to end on a synthetic corpus.
//!
//! The corpus is generated deterministically from the seeds: each synthetic page takes
//! the layout of one seed page (its chrome lines kept as they are) and fills every prose
//! line with sentences drawn from all seeds' prose by a seeded generator. Timings are
//! reported, never asserted.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use xtask::{Settings, build_dataset, process_document, workspace_root};

#[derive(Debug, clap::Args)]
pub(crate) struct BenchArgs {
    /// Size of the synthetic corpus in megabytes (at least 50 for a published figure).
    #[arg(long, default_value_t = 50)]
    mb: u64,
    /// Where the synthetic corpus and the bench dataset go.
    #[arg(long, default_value = "target/bench")]
    dir: PathBuf,
}

pub(crate) fn run(args: &BenchArgs) -> anyhow::Result<()> {
    let dir = workspace_root().join(&args.dir);
    let corpus = dir.join(format!("corpus-{}mb", args.mb));
    let (n_docs, n_bytes) = generate(&workspace_root().join("seeds"), &corpus, args.mb << 20)?;
    println!(
        "synthetic corpus: {n_docs} documents, {:.1} MB ({})",
        mb(n_bytes),
        corpus.display()
    );

    // Stage by stage, one thread, documents held in memory between stages.
    let t = Instant::now();
    let docs: Vec<_> = dossier_corpus::open(&corpus, &dossier_corpus::Config::default())?
        .collect::<Result<_, _>>()
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let corpus_time = t.elapsed();
    let raw_bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let raw_words: u64 = docs
        .iter()
        .map(|d| d.text.split_whitespace().count() as u64)
        .sum();

    let clean_config = dossier_clean::Config::default();
    let time_config = dossier_time::Config::default();
    let t = Instant::now();
    let recognizer = dossier_entities::Recognizer::new(&dossier_entities::Config::default());
    let recognizer_setup = t.elapsed();
    let mut times = xtask::StageTimes::default();
    let mut clean_bytes = 0u64;
    for raw in docs {
        let p = process_document(raw, &clean_config, &time_config, &recognizer);
        clean_bytes += p.clean.text.len() as u64;
        times += p.stage_times();
    }
    println!();
    println!("one thread, per stage (MB and words of the stage's input; raw words {raw_words}):");
    println!("| stage | seconds | MB/s | words/s |");
    println!("|---|---|---|---|");
    let clean_words = raw_words as f64 * clean_bytes as f64 / raw_bytes as f64;
    row(
        "corpus (read + decode)",
        corpus_time,
        raw_bytes,
        raw_words as f64,
    );
    row("clean", times.clean, raw_bytes, raw_words as f64);
    row("time expressions", times.time, clean_bytes, clean_words);
    row("entities", times.entities, clean_bytes, clean_words);
    row("quotations", times.quotes, clean_bytes, clean_words);
    println!(
        "(recognizer set-up, once: {:.3} s)",
        recognizer_setup.as_secs_f64()
    );

    println!();
    println!("end to end (fresh process each; includes export):");
    println!("| threads | seconds | MB/s | words/s | peak RSS MB |");
    println!("|---|---|---|---|---|");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut counts = vec![1];
    if cores > 1 {
        counts.push(cores);
    }
    for threads in counts {
        let out = dir.join(format!("dataset-{threads}"));
        let exe = std::env::current_exe()?;
        let output = Command::new(exe)
            .args([
                "bench-run",
                &corpus.display().to_string(),
                &out.display().to_string(),
            ])
            .args(["--threads", &threads.to_string()])
            .output()
            .context("cannot start the bench child process")?;
        if !output.status.success() {
            bail!(
                "bench run failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let line = String::from_utf8_lossy(&output.stdout);
        let mut fields = line
            .split_whitespace()
            .map(|f| f.parse::<f64>().unwrap_or(0.0));
        let (secs, rss_kb) = (fields.next().unwrap_or(0.0), fields.next().unwrap_or(0.0));
        println!(
            "| {threads} | {secs:.2} | {:.2} | {:.0} | {:.0} |",
            mb(raw_bytes) / secs,
            raw_words as f64 / secs,
            rss_kb / 1024.0
        );
    }
    Ok(())
}

/// The hidden `bench-run` task: one pipeline run, printing `seconds peak_rss_kb`.
pub(crate) fn run_child(corpus: PathBuf, out: PathBuf, threads: usize) -> anyhow::Result<ExitCode> {
    let settings = Settings {
        corpus,
        out,
        threads,
        ..Settings::default()
    };
    let t = Instant::now();
    build_dataset(&settings)?;
    let secs = t.elapsed().as_secs_f64();
    println!("{secs:.3} {}", peak_rss_kb().unwrap_or(0));
    Ok(ExitCode::SUCCESS)
}

fn row(stage: &str, time: Duration, bytes: u64, words: f64) {
    let s = time.as_secs_f64().max(1e-9);
    println!(
        "| {stage} | {:.2} | {:.2} | {:.0} |",
        s,
        mb(bytes) / s,
        words / s
    );
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// Peak resident set size of this process, from /proc (Linux); `None` elsewhere.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A small deterministic generator (SplitMix64): the same corpus on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A prose line: long enough to be an article paragraph.
fn is_prose(line: &str) -> bool {
    line.split_whitespace().count() >= 12
}

/// Writes the synthetic corpus into `dir` unless it is already there; returns its size.
fn generate(seeds: &Path, dir: &Path, target_bytes: u64) -> anyhow::Result<(u64, u64)> {
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(seeds)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            pages.push(std::fs::read_to_string(&path)?);
        }
    }
    pages.sort();
    let mut sentences = Vec::new();
    for page in &pages {
        for line in page.lines().filter(|l| is_prose(l)) {
            let mut start = 0;
            for (i, _) in line.match_indices(". ") {
                sentences.push(line[start..=i].trim().to_string());
                start = i + 2;
            }
            sentences.push(line[start..].trim().to_string());
        }
    }
    let done = dir.join(".complete");
    if done.exists() {
        let mut n = 0;
        let mut bytes = 0;
        for entry in std::fs::read_dir(dir)? {
            let meta = entry?.metadata()?;
            if meta.is_file() && meta.len() > 0 {
                n += 1;
                bytes += meta.len();
            }
        }
        return Ok((n, bytes));
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng(0x00D0_551E_u64);
    let (mut n, mut bytes) = (0u64, 0u64);
    while bytes < target_bytes {
        let template = &pages[rng.below(pages.len())];
        let mut page = String::with_capacity(template.len() + 512);
        for line in template.split_inclusive('\n') {
            if is_prose(line) {
                let k = 2 + rng.below(4);
                let parts: Vec<&str> = (0..k)
                    .map(|_| sentences[rng.below(sentences.len())].as_str())
                    .collect();
                page.push_str(&parts.join(" "));
                page.push('\n');
            } else {
                page.push_str(line);
            }
        }
        std::fs::write(dir.join(format!("{n:06}.txt")), &page)?;
        n += 1;
        bytes += page.len() as u64;
    }
    std::fs::write(&done, "")?;
    Ok((n, bytes))
}
