//! What the corpus reader accepts: size limit and file extensions.

use serde::Deserialize;

/// How to read a corpus.
///
/// Construct with [`Config::default`] and change the fields you need:
///
/// ```
/// let config = dossier_corpus::Config {
///     extensions: vec!["txt".into(), "text".into()],
///     ..Default::default()
/// };
/// assert_eq!(config.max_file_bytes, 32 * 1024 * 1024);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Largest input accepted, in bytes: a file of a folder corpus, or one line (record)
    /// of a JSONL corpus after decompression. Larger inputs become
    /// [`InputErrorKind::TooLarge`](crate::InputErrorKind::TooLarge). Default 32 MiB.
    pub max_file_bytes: u64,
    /// File extensions (without the dot, compared case-insensitively) of the documents of
    /// a folder corpus; also the extensions accepted for a single-file corpus.
    /// Default `["txt"]`.
    pub extensions: Vec<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_file_bytes: 32 * 1024 * 1024,
            extensions: vec!["txt".to_owned()],
        }
    }
}

impl Config {
    /// True when `ext` (without the dot) is one of the configured extensions.
    pub(crate) fn accepts_extension(&self, ext: &str) -> bool {
        self.extensions
            .iter()
            .any(|e| e.trim_start_matches('.').eq_ignore_ascii_case(ext))
    }
}
