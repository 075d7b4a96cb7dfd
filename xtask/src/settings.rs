//! Run settings: defaults, `dossier.toml`, and command-line overrides.

use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;

/// Everything a run of `build-dataset` needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Folder (read recursively) or `.jsonl` / `.jsonl.gz` file.
    pub corpus: PathBuf,
    /// Output folder; written atomically.
    pub out: PathBuf,
    /// False treats the text as already clean (nothing removed).
    pub clean: bool,
    /// Worker threads; 0 = one per core.
    pub threads: usize,
    /// Files larger than this are rejected.
    pub max_file_bytes: u64,
    /// File extensions read from a folder.
    pub extensions: Vec<String>,
    /// The analyst's entities file (`entities.toml`: aliases, forced merges and splits,
    /// watch-list; see `entities.example.toml`), if any.
    pub entities_file: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Settings {
        let root = workspace_root();
        Settings {
            corpus: root.join("seeds"),
            out: root.join("target").join("dataset"),
            clean: true,
            threads: 0,
            max_file_bytes: dossier_corpus::Config::default().max_file_bytes,
            extensions: dossier_corpus::Config::default().extensions,
            entities_file: None,
        }
    }
}

/// The `dossier.toml` file: every key optional, unknown keys rejected.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    #[serde(default)]
    input: InputSection,
    #[serde(default)]
    clean: CleanSection,
    #[serde(default)]
    output: OutputSection,
    #[serde(default)]
    run: RunSection,
    #[serde(default)]
    entities: EntitiesSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct InputSection {
    corpus: Option<PathBuf>,
    max_file_bytes: Option<u64>,
    extensions: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CleanSection {
    enabled: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct OutputSection {
    dir: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntitiesSection {
    file: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RunSection {
    threads: Option<usize>,
}

impl Settings {
    /// Reads a `dossier.toml`; relative paths in it are taken from the file's folder.
    pub fn from_file(path: &Path) -> anyhow::Result<Settings> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read config {}", path.display()))?;
        let file: FileSettings =
            toml::from_str(&text).with_context(|| format!("invalid config {}", path.display()))?;
        let base = path.parent().unwrap_or(Path::new("."));
        let mut s = Settings::default();
        if let Some(c) = file.input.corpus {
            s.corpus = base.join(c);
        }
        if let Some(m) = file.input.max_file_bytes {
            s.max_file_bytes = m;
        }
        if let Some(e) = file.input.extensions {
            s.extensions = e;
        }
        if let Some(c) = file.clean.enabled {
            s.clean = c;
        }
        if let Some(d) = file.output.dir {
            s.out = base.join(d);
        }
        if let Some(t) = file.run.threads {
            s.threads = t;
        }
        if let Some(f) = file.entities.file {
            s.entities_file = Some(base.join(f));
        }
        Ok(s)
    }
}

/// The workspace root (the folder holding `seeds/` and `dossier.toml`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_config_matches_the_defaults() {
        let s = Settings::from_file(&workspace_root().join("dossier.toml")).unwrap();
        let d = Settings::default();
        assert_eq!(
            s.corpus.canonicalize().unwrap(),
            d.corpus.canonicalize().unwrap()
        );
        assert_eq!(s.clean, d.clean);
        assert_eq!(s.max_file_bytes, d.max_file_bytes);
        assert_eq!(s.extensions, d.extensions);
        assert_eq!(s.entities_file, d.entities_file);
    }

    #[test]
    fn the_entities_file_is_taken_from_the_config_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dossier.toml");
        std::fs::write(&path, "[entities]\nfile = \"my-entities.toml\"\n").unwrap();
        let s = Settings::from_file(&path).unwrap();
        assert_eq!(s.entities_file, Some(dir.path().join("my-entities.toml")));
    }

    #[test]
    fn the_example_entities_file_parses() {
        let text = std::fs::read_to_string(workspace_root().join("entities.example.toml")).unwrap();
        let config = dossier_kb::UserConfig::parse(&text).unwrap();
        assert!(!config.watch.is_empty());
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dossier.toml");
        std::fs::write(&path, "[input]\ncorpsu = \"x\"\n").unwrap();
        let err = format!("{:#}", Settings::from_file(&path).unwrap_err());
        assert!(err.contains("corpsu"), "{err}");
    }
}
