//! Snapshot of the bundled seeds as loaded: one line per document (or error).

use std::path::Path;

use dossier_corpus::{Config, open};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");

/// One line per item: id, source path, encoding, hash prefix, text size, line count and
/// the first line; errors as their `errors` table row.
fn render(path: &Path) -> String {
    let mut out = String::new();
    for item in open(path, &Config::default()).unwrap() {
        let line = match item {
            Ok(doc) => format!(
                "{} | {} | {} | sha256:{} | {} bytes | {} lines | {:?}",
                doc.id,
                doc.source_path,
                doc.encoding,
                &doc.sha256[..16],
                doc.text.len(),
                doc.text.lines().count(),
                doc.text.lines().next().unwrap_or(""),
            ),
            Err(e) => {
                let r = e.to_record();
                format!(
                    "ERROR {} | {:?} | {} | {}",
                    r.source_path, r.line, r.stage, r.reason
                )
            }
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn seeds() {
    insta::assert_snapshot!(render(Path::new(SEEDS)));
}
