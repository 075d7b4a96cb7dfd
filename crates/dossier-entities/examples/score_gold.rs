//! Runs the recognizer and resolver on the gold clean texts of the seeds and writes a
//! dataset the seeds scorer reads (`documents.csv`, `mentions.csv`, `dates.csv`).
//!
//! ```text
//! cargo run -p dossier-entities --example score_gold -- [--fixture] [--no-embedded] [--min-confidence X] [--gold DIR] OUTDIR
//! python3 /work/shared/eval/score_seeds.py OUTDIR
//! ```
//! DATE timexes come from the gold DATE rows, so the time stage is not needed.
//! `--fixture` adds the stand-in gazetteer `tests/data/*.tsv` to the embedded data;
//! `--no-embedded` leaves the embedded data out (to measure the rules on their own).

use std::collections::BTreeMap;
use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use dossier_core::{
    CleanDocument, Date, DocId, EntityKey, Label, Metadata, OffsetMap, Span, Timex, TimexType,
    char_offset,
};
use dossier_entities::{Config, Recognizer, Resolver};

fn paragraphs(text: &str) -> Vec<Span> {
    // Blocks of non-blank lines; a span ends before its last line break.
    let mut out: Vec<Span> = Vec::new();
    let mut open = false;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            open = false;
        } else if open {
            if let Some(last) = out.last_mut() {
                last.end = pos + body.len();
            }
        } else {
            out.push(Span::new(pos, pos + body.len()));
            open = true;
        }
        pos += line.len();
    }
    out
}

fn byte_of_char(text: &str, c: usize) -> usize {
    text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let mut gold = PathBuf::from("/work/shared/gold/seeds");
    let mut out_dir = None;
    let mut config = Config::default();
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    while let Some(a) = args.next() {
        match a.as_str() {
            "--fixture" => {
                for f in ["gazetteer.tsv", "ambiguous.tsv"] {
                    let t = fs::read_to_string(here.join("tests/data").join(f))?;
                    config.extra_gazetteers.push((f.to_string(), t));
                }
            }
            "--no-embedded" => config.embedded_gazetteer = false,
            "--min-confidence" => config.min_confidence = args.next().ok_or("value")?.parse()?,
            "--gold" => gold = PathBuf::from(args.next().ok_or("value")?),
            _ => out_dir = Some(PathBuf::from(a)),
        }
    }
    let out_dir = out_dir.ok_or("usage: score_gold [--fixture] OUTDIR")?;
    fs::create_dir_all(&out_dir)?;

    let mut dates: BTreeMap<String, Vec<(usize, usize, String)>> = BTreeMap::new();
    for r in csv::Reader::from_path(gold.join("entities.csv"))?.records() {
        let r = r?;
        if &r[4] == "DATE" {
            dates.entry(r[0].to_string()).or_default().push((
                r[1].parse()?,
                r[2].parse()?,
                r[6].to_string(),
            ));
        }
    }
    let recognizer = Recognizer::new(&config);
    let mut resolver = Resolver::for_recognizer(&recognizer);
    let mut docs_out = csv::Writer::from_path(out_dir.join("documents.csv"))?;
    docs_out.write_record([
        "id",
        "title",
        "publisher",
        "published",
        "dateline",
        "language",
        "text",
    ])?;
    let mut dates_out = csv::Writer::from_path(out_dir.join("dates.csv"))?;
    dates_out.write_record(["doc_id", "start", "end", "text", "type", "value"])?;
    let mut results = Vec::new();
    for r in csv::Reader::from_path(gold.join("metadata.csv"))?.records() {
        let r = r?;
        let id = r[0].to_string();
        let text = fs::read_to_string(gold.join(format!("{id}.clean.txt")))?;
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let doc = CleanDocument {
            id: DocId::new(&id),
            paragraphs: paragraphs(&text),
            has_title: !r[1].is_empty(),
            offsets: OffsetMap::identity(text.len()),
            removed: Vec::new(),
            metadata: Metadata {
                title: opt(&r[1]),
                publisher: opt(&r[2]),
                published: Date::parse_iso(&r[3]),
                dateline: opt(&r[4]),
                language: opt(&r[5]),
                ..Metadata::default()
            },
            text: text.clone(),
        };
        let timexes: Vec<Timex> = dates
            .get(&id)
            .into_iter()
            .flatten()
            .map(|(s, e, v)| Timex {
                span: Span::new(byte_of_char(&text, *s), byte_of_char(&text, *e)),
                kind: TimexType::Date,
                value: v.clone(),
                is_mention: true,
            })
            .collect();
        for t in &timexes {
            dates_out.write_record([
                id.as_str(),
                &char_offset(&text, t.span.start).to_string(),
                &char_offset(&text, t.span.end).to_string(),
                &text[t.span.range()],
                t.kind.as_str(),
                &t.value,
            ])?;
        }
        let ann = recognizer.extract(&doc, &timexes);
        resolver.add(&ann, &text);
        docs_out.write_record([&id, &r[1], &r[2], &r[3], &r[4], &r[5], &text])?;
        results.push((id, text, ann));
    }
    let resolution = resolver.finish();
    let mut m_out = csv::Writer::from_path(out_dir.join("mentions.csv"))?;
    m_out.write_record([
        "doc_id",
        "start",
        "end",
        "text",
        "label",
        "entity_id",
        "extractor",
        "confidence",
    ])?;
    for (id, text, ann) in &results {
        for m in &ann.mentions {
            let entity = if m.label == Label::Date {
                String::new()
            } else {
                resolution
                    .get(&EntityKey::of(m))
                    .map(|e| e.id.clone())
                    .unwrap_or_default()
            };
            m_out.write_record([
                id.as_str(),
                &char_offset(text, m.span.start).to_string(),
                &char_offset(text, m.span.end).to_string(),
                &text[m.span.range()],
                m.label.as_str(),
                &entity,
                m.extractor.as_str(),
                &format!("{:.2}", m.confidence),
            ])?;
        }
    }
    let mut e_out = csv::Writer::from_path(out_dir.join("entities.csv"))?;
    e_out.write_record([
        "id",
        "label",
        "name",
        "aliases",
        "role",
        "n_mentions",
        "n_documents",
    ])?;
    for e in &resolution.entities {
        e_out.write_record([
            e.id.as_str(),
            e.label.as_str(),
            &e.name,
            &e.aliases.join("|"),
            e.role.as_deref().unwrap_or(""),
            &e.n_mentions.to_string(),
            &e.n_documents.to_string(),
        ])?;
    }
    Ok(())
}
