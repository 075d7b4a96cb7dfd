//! The pipeline loop: corpus → clean → time → entities → quotes → resolve (dossier-kb) →
//! export.

use std::panic::AssertUnwindSafe;
use std::time::{Duration, Instant};

use anyhow::Context;
use dossier_core::{Annotations, CleanDocument, ErrorRecord, Quote, RawDocument, Timex};
use dossier_entities::Recognizer;
use dossier_export::{DatasetWriter, DocumentInput, Options, Summary};
use dossier_kb::{Kb, Resolver, UserConfig};
use rayon::prelude::*;

use crate::Settings;

/// Documents handed to the worker threads at a time. Large enough to keep the threads
/// busy, small enough to keep memory flat.
const BATCH: usize = 256;

/// What a run did.
#[derive(Debug, Clone)]
pub struct RunReport {
    /// Counts written by the exporter.
    pub summary: Summary,
    /// Time spent in each stage, summed over threads.
    pub stages: StageTimes,
    /// Bytes of decoded raw text processed.
    pub raw_bytes: u64,
    /// Wall-clock time of the whole run.
    pub elapsed: Duration,
}

/// Time spent per stage, summed over all worker threads.
#[derive(Debug, Clone, Copy, Default)]
pub struct StageTimes {
    /// Reading and decoding the corpus.
    pub corpus: Duration,
    /// Cleaning.
    pub clean: Duration,
    /// Temporal expressions.
    pub time: Duration,
    /// Entity extraction.
    pub entities: Duration,
    /// Quotations and their speakers.
    pub quotes: Duration,
    /// Resolution and export.
    pub export: Duration,
}

impl std::ops::AddAssign for StageTimes {
    fn add_assign(&mut self, o: StageTimes) {
        self.corpus += o.corpus;
        self.clean += o.clean;
        self.time += o.time;
        self.entities += o.entities;
        self.quotes += o.quotes;
        self.export += o.export;
    }
}

/// One document through the per-document stages.
pub struct Processed {
    /// The input.
    pub raw: RawDocument,
    /// The cleaned document.
    pub clean: CleanDocument,
    /// Its temporal expressions.
    pub timexes: Vec<Timex>,
    /// Its mentions and sentences.
    pub annotations: Annotations,
    /// Its direct quotations, with their speakers.
    pub quotes: Vec<Quote>,
    times: StageTimes,
}

/// Runs clean → time → entities → quotes on one document (quotes with the default
/// `dossier_quotes::Config`).
pub fn process_document(
    raw: RawDocument,
    clean_config: &dossier_clean::Config,
    time_config: &dossier_time::Config,
    recognizer: &Recognizer,
) -> Processed {
    let mut times = StageTimes::default();
    let t = Instant::now();
    let clean = dossier_clean::clean(&raw, clean_config);
    times.clean = t.elapsed();
    let t = Instant::now();
    let timexes = dossier_time::find_timexes(&clean.text, clean.metadata.published, time_config);
    times.time = t.elapsed();
    let t = Instant::now();
    let annotations = recognizer.extract(&clean, &timexes);
    times.entities = t.elapsed();
    let t = Instant::now();
    let quotes = dossier_quotes::find_quotes(
        &clean.text,
        &annotations,
        &dossier_quotes::Config::default(),
    );
    times.quotes = t.elapsed();
    Processed {
        raw,
        clean,
        timexes,
        annotations,
        quotes,
        times,
    }
}

/// [`process_document`], with a bug in a stage (a panic) turned into an error row for
/// that document, so that the rest of the corpus is still processed.
fn process_isolated(
    raw: RawDocument,
    clean_config: &dossier_clean::Config,
    time_config: &dossier_time::Config,
    recognizer: &Recognizer,
) -> Result<Processed, ErrorRecord> {
    let (source_path, line) = (raw.source_path.clone(), raw.line);
    isolate(source_path, line, || {
        process_document(raw, clean_config, time_config, recognizer)
    })
}

/// Runs `f`; a panic becomes the error row of the document at `source_path` (`line`).
/// The stages share nothing mutable, so a panic leaves no broken state behind.
fn isolate<T>(
    source_path: String,
    line: Option<u64>,
    f: impl FnOnce() -> T,
) -> Result<T, ErrorRecord> {
    std::panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".to_string());
        ErrorRecord {
            source_path,
            line,
            stage: "pipeline".to_string(),
            reason: format!(
                "internal error while processing this document (a bug, please report it): {what}"
            ),
        }
    })
}

/// Builds the dataset described by `settings`.
///
/// Fatal problems (no corpus, output not writable) are errors; a bad input file is a row in
/// `errors.csv` and the run goes on. The output folder is replaced only when complete.
pub fn build_dataset(settings: &Settings) -> anyhow::Result<RunReport> {
    let started = Instant::now();
    let threads = if settings.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        settings.threads
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the worker threads")?;

    let corpus_config = dossier_corpus::Config {
        max_file_bytes: settings.max_file_bytes,
        extensions: settings.extensions.clone(),
    };
    let clean_config = dossier_clean::Config {
        mode: if settings.clean {
            dossier_clean::Mode::Full
        } else {
            dossier_clean::Mode::PreCleaned
        },
        ..dossier_clean::Config::default()
    };
    let time_config = dossier_time::Config::default();
    let recognizer = Recognizer::new(&dossier_entities::Config::default());

    let mut corpus = dossier_corpus::open(&settings.corpus, &corpus_config)
        .with_context(|| format!("cannot open corpus {}", settings.corpus.display()))?;
    let options = Options {
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        corpus: settings.corpus.file_name().map_or_else(
            || settings.corpus.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
    };
    let mut writer = DatasetWriter::create(&settings.out, options)
        .with_context(|| format!("cannot write the dataset to {}", settings.out.display()))?;
    let user_config = match &settings.entities_file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the entities file {}", path.display()))?;
            UserConfig::parse(&text)
                .with_context(|| format!("invalid entities file {}", path.display()))?
        }
        None => UserConfig::default(),
    };
    let mut resolver = Resolver::new(Kb::embedded(), &user_config);
    let mut stages = StageTimes::default();
    let mut raw_bytes = 0u64;

    loop {
        let t = Instant::now();
        let mut batch = Vec::with_capacity(BATCH);
        for item in corpus.by_ref() {
            match item {
                Ok(doc) => batch.push(doc),
                Err(e) => writer.add_error(&e.to_record())?,
            }
            if batch.len() == BATCH {
                break;
            }
        }
        stages.corpus += t.elapsed();
        if batch.is_empty() {
            break;
        }
        raw_bytes += batch.iter().map(|d| d.text.len() as u64).sum::<u64>();
        let processed: Vec<Result<Processed, ErrorRecord>> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|raw| process_isolated(raw, &clean_config, &time_config, &recognizer))
                .collect()
        });
        let t = Instant::now();
        for p in &processed {
            let p = match p {
                Ok(p) => p,
                Err(record) => {
                    writer.add_error(record)?;
                    continue;
                }
            };
            stages += p.times;
            let input = DocumentInput {
                raw: &p.raw,
                clean: &p.clean,
                timexes: &p.timexes,
                annotations: &p.annotations,
                quotes: &p.quotes,
            };
            // A document the exporter refuses (a duplicate id, a bad span) is an error row;
            // an I/O failure of the output is fatal.
            match writer.add_document(input) {
                Ok(()) => resolver.add(&p.raw.id, &p.annotations, &p.clean.text),
                Err(e) => match e.to_record() {
                    Some(record) => writer.add_error(&record)?,
                    None => return Err(e.into()),
                },
            }
        }
        stages.export += t.elapsed();
    }
    let t = Instant::now();
    let resolution = resolver.finish();
    let summary = writer.finish(&resolution)?;
    stages.export += t.elapsed();
    Ok(RunReport {
        summary,
        stages,
        raw_bytes,
        elapsed: started.elapsed(),
    })
}

impl Processed {
    /// Time this document spent in each per-document stage.
    pub fn stage_times(&self) -> StageTimes {
        self.times
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_the_documents_error_row() {
        let ok = isolate("a.txt".to_string(), None, || 1 + 1);
        assert_eq!(ok.ok(), Some(2));
        let err = isolate("b.jsonl".to_string(), Some(7), || -> u32 {
            panic!("index out of bounds")
        })
        .unwrap_err();
        assert_eq!(err.source_path, "b.jsonl");
        assert_eq!(err.line, Some(7));
        assert_eq!(err.stage, "pipeline");
        assert!(err.reason.contains("index out of bounds"), "{}", err.reason);
    }
}
