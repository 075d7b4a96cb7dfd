//! Cleans every `*.txt` of a folder and writes `documents.csv` (and an empty
//! `mentions.csv`) for the seed scorer.
//!
//! `cargo run -p dossier-clean --example dump -- seeds /tmp/clean-out`
//! then `python3 /work/shared/eval/score_seeds.py /tmp/clean-out`.

use std::{error::Error, fs, path::Path};

use dossier_core::{DocId, RawDocument, SourceMeta};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let input = args.next().ok_or("usage: dump INPUT_DIR OUTPUT_DIR")?;
    let output = args.next().ok_or("usage: dump INPUT_DIR OUTPUT_DIR")?;
    fs::create_dir_all(&output)?;
    let mut paths: Vec<_> = fs::read_dir(&input)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let config = dossier_clean::Config::default();
    let mut docs = csv::Writer::from_path(Path::new(&output).join("documents.csv"))?;
    docs.write_record([
        "id",
        "title",
        "publisher",
        "published",
        "dateline",
        "language",
        "text",
    ])?;
    for path in paths {
        let text = fs::read_to_string(&path)?;
        let id = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let raw = RawDocument {
            id: DocId::new(id.clone()),
            source_path: path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            line: None,
            sha256: String::new(),
            encoding: "UTF-8".into(),
            text,
            meta: SourceMeta::default(),
        };
        let clean = dossier_clean::clean(&raw, &config);
        let m = &clean.metadata;
        docs.write_record([
            id.as_str(),
            m.title.as_deref().unwrap_or(""),
            m.publisher.as_deref().unwrap_or(""),
            &m.published.map(|d| d.to_string()).unwrap_or_default(),
            m.dateline.as_deref().unwrap_or(""),
            m.language.as_deref().unwrap_or(""),
            &clean.text,
        ])?;
    }
    docs.flush()?;
    fs::write(
        Path::new(&output).join("mentions.csv"),
        "doc_id,start,end,text,label,entity_id\n",
    )?;
    Ok(())
}
