//! `cargo xtask eval`: score the seeds dataset against the hand-made gold standard.

use std::path::PathBuf;
use std::process::{Command, ExitCode};

use anyhow::{Context, bail};
use xtask::{Settings, build_dataset, workspace_root};

/// Builds the seeds dataset (unless one is given) and runs `../shared/eval/score_seeds.py`.
pub(crate) fn run(dataset: Option<PathBuf>, scorer_args: &[String]) -> anyhow::Result<ExitCode> {
    let root = workspace_root();
    let scorer = root.join("../shared/eval/score_seeds.py");
    if !scorer.exists() {
        bail!(
            "the scorer {} is missing (it lives in shared/, beside the repo)",
            scorer.display()
        );
    }
    let dataset = match dataset {
        Some(d) => d,
        None => {
            let settings = Settings::default();
            build_dataset(&settings)?;
            settings.out
        }
    };
    let status = Command::new("python3")
        .arg(&scorer)
        .arg(&dataset)
        .args(scorer_args)
        .status()
        .context("cannot run python3")?;
    Ok(if status.success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
