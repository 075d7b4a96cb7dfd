//! The Dossier runner as a library: the one place where the stages are composed.
//!
//! `cargo xtask build-dataset` (see `main.rs`) and the end-to-end tests (`tests/`) both
//! call [`build_dataset`], so the tests exercise exactly what users run.
//!
//! What it does: reads the settings ([`Settings`], from `dossier.toml` and the command
//! line), streams the corpus through clean → time → entities in parallel batches, feeds
//! the whole-corpus resolver, and hands everything to the exporter. What it does not do:
//! any stage's work itself.
//!
//! ```no_run
//! let settings = xtask::Settings::default();
//! let report = xtask::build_dataset(&settings)?;
//! eprintln!("{} documents", report.summary.documents);
//! # Ok::<(), anyhow::Error>(())
//! ```

mod pipeline;
mod settings;

pub use crate::{
    pipeline::{Processed, RunReport, StageTimes, build_dataset, process_document},
    settings::{Settings, workspace_root},
};
