//! Writes a synthetic dataset of N documents, to measure time and peak memory.
//!
//! `cargo run -p dossier-export --release --example synthetic -- N OUT_DIR`
//! (wrap it in `/usr/bin/time -v` for the peak resident size). Each document is about
//! 6 KB of mixed ASCII, Cyrillic and typographic text with 60 mentions, 4 time
//! expressions and 3 removed lines; 500 distinct entities across the corpus.

use std::path::PathBuf;
use std::time::Instant;

use dossier_core::{
    Annotations, CleanDocument, DocId, Entity, EntityKey, Extractor, Label, Mention, Metadata,
    OffsetMap, RawDocument, RemovalReason, RemovedBlock, Resolution, SourceMeta, Span, Timex,
    TimexType,
};
use dossier_export::{DatasetWriter, DocumentInput, Options};

const ENTITIES: usize = 500;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map_or(Ok(1000), |s| s.parse())?;
    let out = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "target/synthetic-dataset".into()),
    );

    let started = Instant::now();
    let mut writer = DatasetWriter::create(
        &out,
        Options {
            tool_version: "bench".into(),
            corpus: "synthetic".into(),
        },
    )?;
    // Add in a scrambled order: the writer must sort.
    for k in 0..n {
        let i = (k * 7919) % n;
        let (raw, clean, timexes, annotations) = document(i);
        writer.add_document(DocumentInput {
            raw: &raw,
            clean: &clean,
            timexes: &timexes,
            annotations: &annotations,
            quotes: &[],
        })?;
    }
    let added = started.elapsed();
    let summary = writer.finish(&resolution())?;
    eprintln!(
        "{} documents, {} mentions, {} dates, {} removed: add {:.2?}, finish {:.2?}, total {:.2?}",
        summary.documents,
        summary.mentions,
        summary.dates,
        summary.removed,
        added,
        started.elapsed() - added,
        started.elapsed()
    );
    Ok(())
}

fn name(e: usize) -> String {
    format!("Entity Лавров “{e}”")
}

fn document(i: usize) -> (RawDocument, CleanDocument, Vec<Timex>, Annotations) {
    let mut raw = String::from("Home | News | Sport\n");
    let mut text = String::new();
    let mut offsets = OffsetMap::default();
    let mut mentions = Vec::new();
    let mut timexes = Vec::new();
    for p in 0..20 {
        if p > 0 {
            offsets.push_replace(raw.len(), 2, 2);
            raw.push_str("\n\n");
            text.push_str("\n\n");
        }
        for m in 0..3 {
            let e = (i * 31 + p * 3 + m) % ENTITIES;
            let filler = "In a statement – the “ministry” said\u{a0}on ";
            for c in filler.chars() {
                if c == '\u{a0}' {
                    offsets.push_replace(raw.len(), 2, 1);
                    text.push(' ');
                } else {
                    offsets.push_copy(raw.len(), c.len_utf8());
                    text.push(c);
                }
                raw.push(c);
            }
            let at = text.len();
            let n = name(e);
            offsets.push_copy(raw.len(), n.len());
            raw.push_str(&n);
            text.push_str(&n);
            mentions.push(Mention {
                span: Span::new(at, text.len()),
                label: Label::Org,
                canonical: n,
                extractor: Extractor::Model,
                confidence: 0.87,
                sentence: p,
            });
            let tail = " that, on 11 December 2024, nothing changed. ";
            if p % 5 == 0 && m == 0 {
                let d = text.len() + tail.find("11").unwrap();
                let span = Span::new(d, d + "11 December 2024".len());
                timexes.push(Timex {
                    span,
                    kind: TimexType::Date,
                    value: "2024-12-11".into(),
                    is_mention: true,
                });
                mentions.push(Mention {
                    span,
                    label: Label::Date,
                    canonical: String::new(),
                    extractor: Extractor::Rule,
                    confidence: 1.0,
                    sentence: p,
                });
            }
            offsets.push_copy(raw.len(), tail.len());
            raw.push_str(tail);
            text.push_str(tail);
        }
    }
    let mut removed = vec![RemovedBlock {
        raw: Span::new(0, 19),
        line: 1,
        reason: RemovalReason::Menu,
    }];
    let start = raw.len();
    raw.push_str("\nShare on Facebook\n© 2024 Example\n");
    removed.push(RemovedBlock {
        raw: Span::new(start + 1, start + 18),
        line: 42,
        reason: RemovalReason::Share,
    });
    removed.push(RemovedBlock {
        raw: Span::new(start + 19, raw.len() - 1),
        line: 43,
        reason: RemovalReason::Copyright,
    });
    let id = DocId::new(format!("doc_{i:07}"));
    let raw_doc = RawDocument {
        id: id.clone(),
        source_path: format!("{id}.txt"),
        line: None,
        sha256: format!("{i:064x}"),
        encoding: "UTF-8".into(),
        text: raw,
        meta: SourceMeta::default(),
    };
    mentions.sort_by_key(|m| m.span);
    let clean = CleanDocument {
        id,
        paragraphs: vec![Span::new(0, text.len())],
        text,
        has_title: false,
        offsets,
        removed,
        metadata: Metadata {
            language: Some("en".into()),
            ..Metadata::default()
        },
    };
    let annotations = Annotations {
        sentences: Vec::new(),
        mentions,
    };
    (raw_doc, clean, timexes, annotations)
}

fn resolution() -> Resolution {
    let mut entities: Vec<Entity> = (0..ENTITIES)
        .map(|e| Entity {
            id: format!("org:entity-{e}"),
            label: Label::Org,
            name: name(e),
            aliases: vec![],
            kb_id: None,
            role: None,
            n_mentions: 0,
            n_documents: 0,
            geo: None,
            watched: false,
        })
        .collect();
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    let index = entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            (
                EntityKey {
                    label: e.label,
                    name: e.name.clone(),
                },
                i,
            )
        })
        .collect();
    Resolution {
        entities,
        index,
        cooccurrences: Vec::new(),
        overrides: Default::default(),
    }
}
