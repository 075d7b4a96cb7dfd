//! Behaviour of the dataset writer: atomic replacement, ordering, quoting, offsets,
//! resolution, and a snapshot of a small hand-built dataset.

use std::fs;
use std::path::Path;

use dossier_core::{
    Annotations, CleanDocument, Cooccurrence, Date, DateSource, DocId, Entity, EntityKey,
    ErrorRecord, Extractor, GeoLink, Label, Mention, Metadata, OffsetMap, Quote, RawDocument,
    RemovalReason, RemovedBlock, Resolution, SourceMeta, Span, Timex, TimexType,
};
use dossier_export::{DatasetWriter, DocumentInput, ExportError, Options};

/// One document with everything the writer takes.
struct Doc {
    raw: RawDocument,
    clean: CleanDocument,
    timexes: Vec<Timex>,
    annotations: Annotations,
    quotes: Vec<Quote>,
}

impl Doc {
    fn input(&self) -> DocumentInput<'_> {
        DocumentInput {
            raw: &self.raw,
            clean: &self.clean,
            timexes: &self.timexes,
            annotations: &self.annotations,
            quotes: &self.quotes,
        }
    }

    /// Adds a quote on the first occurrence of `text`, spoken by `speaker` (label and
    /// canonical name). The writer does not judge quotes: any span will do.
    fn quote(
        &mut self,
        text: &str,
        speaker: Option<(Label, &str)>,
        verb: Option<&str>,
    ) -> &mut Self {
        let span = find(&self.clean.text, text, 0);
        self.quotes.push(Quote {
            span,
            speaker: speaker.map(|(label, name)| EntityKey {
                label,
                name: name.to_owned(),
            }),
            speaker_span: None,
            verb: verb.map(str::to_owned),
        });
        self
    }

    /// Adds a mention on the `nth` occurrence of `text` in the clean text.
    fn mention(&mut self, text: &str, nth: usize, label: Label, canonical: &str) -> &mut Self {
        let span = find(&self.clean.text, text, nth);
        let sentence = self
            .annotations
            .sentences
            .iter()
            .position(|s| s.contains(span))
            .unwrap_or(0);
        self.annotations.mentions.push(Mention {
            span,
            label,
            canonical: canonical.to_owned(),
            extractor: if label == Label::Date {
                Extractor::Rule
            } else {
                Extractor::Gazetteer
            },
            confidence: 0.9,
            sentence,
        });
        self.annotations.mentions.sort_by_key(|m| m.span);
        self
    }

    /// Adds a timex on the first occurrence of `text` (and a DATE mention when it is one).
    fn timex(&mut self, text: &str, kind: TimexType, value: &str, is_mention: bool) -> &mut Self {
        let span = find(&self.clean.text, text, 0);
        self.timexes.push(Timex {
            span,
            kind,
            value: value.to_owned(),
            is_mention,
        });
        if is_mention {
            self.mention(text, 0, Label::Date, "");
        }
        self
    }
}

/// The byte span of the `nth` occurrence of `needle`.
fn find(haystack: &str, needle: &str, nth: usize) -> Span {
    let start = haystack
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in text"))
        .0;
    Span::new(start, start + needle.len())
}

/// A small stand-in for the cleaner: drops the listed raw lines (1-based) and blank lines,
/// trims the kept lines, joins them with blank lines, turns NBSP into a space, and records
/// the exact offset map. The first kept line is the title when `has_title`.
fn build(id: &str, raw_text: &str, drop: &[(usize, RemovalReason)], has_title: bool) -> Doc {
    let raw = RawDocument {
        id: DocId::new(id),
        source_path: format!("{id}.txt"),
        line: None,
        sha256: format!("{:0>64}", id.len()),
        encoding: "UTF-8".into(),
        text: raw_text.to_owned(),
        meta: SourceMeta::default(),
    };
    let mut text = String::new();
    let mut offsets = OffsetMap::default();
    let mut paragraphs = Vec::new();
    let mut removed = Vec::new();
    let mut at = 0;
    let mut last_end = None;
    for (i, line) in raw_text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']);
        let line_start = at;
        at += line.len();
        if let Some(&(_, reason)) = drop.iter().find(|(n, _)| *n == i + 1) {
            removed.push(RemovedBlock {
                raw: Span::new(line_start, line_start + content.len()),
                line: i + 1,
                reason,
            });
            continue;
        }
        let kept = content.trim_matches([' ', '\t', '\u{a0}']);
        if kept.is_empty() {
            continue;
        }
        let kept_start =
            line_start + (content.len() - content.trim_start_matches([' ', '\t', '\u{a0}']).len());
        if let Some(end) = last_end {
            offsets.push_replace(end, kept_start - end, 2);
            text.push_str("\n\n");
        }
        let para_start = text.len();
        for (j, c) in kept.char_indices() {
            if c == '\u{a0}' {
                offsets.push_replace(kept_start + j, c.len_utf8(), 1);
                text.push(' ');
            } else {
                offsets.push_copy(kept_start + j, c.len_utf8());
                text.push(c);
            }
        }
        paragraphs.push(Span::new(para_start, text.len()));
        last_end = Some(kept_start + kept.len());
    }
    assert_eq!(offsets.clean_len(), text.len());
    let title = has_title.then(|| text[paragraphs[0].range()].to_owned());
    let sentences = paragraphs.clone();
    Doc {
        clean: CleanDocument {
            id: raw.id.clone(),
            text,
            paragraphs,
            has_title,
            offsets,
            removed,
            metadata: Metadata {
                title,
                language: Some("en".into()),
                ..Metadata::default()
            },
        },
        raw,
        timexes: Vec::new(),
        annotations: Annotations {
            sentences,
            mentions: Vec::new(),
        },
        quotes: Vec::new(),
    }
}

/// Two documents with non-ASCII text, NBSP, removed lines, quotes, commas and line
/// breaks, dates, and an unresolved mention.
fn two_docs() -> Vec<Doc> {
    let mut a = build(
        "001_alpha",
        "Home | World | Sport\n\
         CSTO warns of “threats”, again\n\
         \n\
         KABUL, AFGHANISTAN – Sergey\u{a0}Lavrov said on December 11 that the CSTO’s \"belt\" holds.\n\
         Лавров – in Russian – met Imangali Tasmagambetov recently.\n\
         © 2024 All rights reserved\n",
        &[(1, RemovalReason::Menu), (6, RemovalReason::Copyright)],
        true,
    );
    a.clean.metadata.publisher = Some("Khaama Press".into());
    a.clean.metadata.published = Date::new(2024, 12, 12);
    a.clean.metadata.published_source = Some(DateSource::Page);
    a.clean.metadata.dateline = Some("KABUL, AFGHANISTAN".into());
    a.raw.meta.url = Some("https://example.invalid/a?x=1,2".into());
    a.mention(
        "CSTO",
        0,
        Label::Org,
        "Collective Security Treaty Organization",
    )
    .mention("KABUL", 0, Label::Gpe, "Kabul")
    .mention("AFGHANISTAN", 0, Label::Gpe, "Afghanistan")
    .mention("Sergey Lavrov", 0, Label::Person, "Sergey Lavrov")
    .mention(
        "CSTO",
        1,
        Label::Org,
        "Collective Security Treaty Organization",
    )
    .mention("Лавров", 0, Label::Person, "Sergey Lavrov")
    .mention(
        "Imangali Tasmagambetov",
        0,
        Label::Person,
        "Imangali Tasmagambetov",
    )
    .timex("December 11", TimexType::Date, "2024-12-11", true)
    .timex("recently", TimexType::Date, "PAST_REF", false)
    .quote(
        "\"belt\"",
        Some((Label::Person, "Sergey Lavrov")),
        Some("said"),
    )
    .quote(
        "“threats”",
        Some((Label::Person, "Imangali Tasmagambetov")),
        None,
    );
    a.annotations.mentions[3].confidence = 0.756;

    let mut b = build(
        "000_beta",
        "Share on Facebook\nThe Taliban, in Kabul, said: \"no\".\nSecond line,\nwith a break.\n",
        &[(1, RemovalReason::Share)],
        false,
    );
    b.raw.meta.url = None;
    b.clean.metadata.language = Some("en".into());
    b.mention("Taliban", 0, Label::Org, "Taliban")
        .mention("Kabul", 0, Label::Gpe, "Kabul")
        .quote("\"no\"", Some((Label::Org, "Taliban")), Some("said"));
    vec![a, b]
}

fn entity(
    label: Label,
    name: &str,
    id: &str,
    aliases: &[&str],
    mentions: u64,
    docs: u64,
) -> Entity {
    Entity {
        id: id.to_owned(),
        label,
        name: name.to_owned(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        kb_id: None,
        role: None,
        n_mentions: mentions,
        n_documents: docs,
        geo: None,
        watched: false,
    }
}

/// The resolution of [`two_docs`], except Imangali Tasmagambetov (left unresolved).
fn resolution() -> Resolution {
    let mut entities = vec![
        entity(
            Label::Org,
            "Collective Security Treaty Organization",
            "org:collective-security-treaty-organization",
            &["CSTO"],
            2,
            1,
        ),
        entity(Label::Gpe, "Afghanistan", "gpe:afghanistan", &[], 1, 1),
        entity(Label::Gpe, "Kabul", "gpe:kabul", &["KABUL"], 2, 2),
        entity(
            Label::Person,
            "Sergey Lavrov",
            "person:sergey-lavrov",
            &["Lavrov", "Лавров"],
            2,
            1,
        ),
        entity(Label::Org, "Taliban", "org:taliban", &[], 1, 1),
    ];
    entities[4].kb_id = Some("Q42927".into());
    entities[4].role = Some("armed_group, \"militant\"".into());
    entities[4].watched = true;
    entities[2].kb_id = Some("geonames:1138958".into());
    entities[2].geo = Some(GeoLink {
        geonames_id: 1138958,
        lat: 34.52813,
        lon: 69.17233,
        country: "AF".into(),
    });
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    // Given out of order: the writer sorts them.
    let cooccurrences = vec![
        Cooccurrence {
            a: "gpe:kabul".into(),
            b: "org:taliban".into(),
            n_sentences: 1,
            n_documents: 1,
        },
        Cooccurrence {
            a: "gpe:afghanistan".into(),
            b: "gpe:kabul".into(),
            n_sentences: 1,
            n_documents: 1,
        },
    ];
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
        cooccurrences,
        overrides: Default::default(),
    }
}

fn errors() -> Vec<ErrorRecord> {
    vec![
        ErrorRecord {
            source_path: "z.jsonl".into(),
            line: Some(3),
            stage: "corpus".into(),
            reason: "invalid JSON, at column 7".into(),
        },
        ErrorRecord {
            source_path: "bin.txt".into(),
            line: None,
            stage: "corpus".into(),
            reason: "binary file".into(),
        },
    ]
}

fn options() -> Options {
    Options {
        tool_version: "0.1.0".into(),
        corpus: "hand-built".into(),
    }
}

/// Writes the dataset with the documents in the given order.
fn write(out: &Path, docs: &[Doc], order: &[usize]) -> dossier_export::Summary {
    let mut w = DatasetWriter::create(out, options()).unwrap();
    for e in errors().iter().rev() {
        w.add_error(e).unwrap();
    }
    for &i in order {
        w.add_document(docs[i].input()).unwrap();
    }
    w.finish(&resolution()).unwrap()
}

/// Every file of a folder, sorted by name: (name, content).
fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The rows of a CSV table as maps column → value.
fn table(dir: &Path, file: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(dir.join(file)).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            headers
                .iter()
                .zip(rec.unwrap().iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

/// `text[start:end]` in code points, as Python reads it.
fn cp_slice(text: &str, start: &str, end: &str) -> String {
    let (s, e): (usize, usize) = (start.parse().unwrap(), end.parse().unwrap());
    text.chars().skip(s).take(e - s).collect()
}

fn siblings(dir: &Path) -> Vec<String> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn snapshot_of_a_two_document_dataset() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dataset");
    let summary = write(&out, &two_docs(), &[0, 1]);
    assert_eq!(
        (
            summary.documents,
            summary.mentions,
            summary.dates,
            summary.removed
        ),
        (2, 10, 2, 3)
    );
    assert_eq!(
        (
            summary.entities,
            summary.errors,
            summary.quotes,
            summary.cooccurrences
        ),
        (5, 2, 3, 2)
    );
    let files = files(&out);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "README.md",
            "cooccurrences.csv",
            "dataset.jsonl",
            "dates.csv",
            "documents.csv",
            "entities.csv",
            "errors.csv",
            "mentions.csv",
            "quotes.csv",
            "removed.csv"
        ]
    );
    for (name, content) in files {
        insta::assert_snapshot!(format!("dataset__{name}"), content);
    }
}

#[test]
fn adding_documents_in_another_order_gives_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = two_docs();
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    write(&one, &docs, &[0, 1]);
    write(&two, &docs, &[1, 0]);
    assert_eq!(files(&one), files(&two));
}

#[test]
fn an_existing_dataset_is_fully_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dataset");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("documents.csv"), "old").unwrap();
    fs::write(out.join("stale.csv"), "stale").unwrap();
    write(&out, &two_docs(), &[0, 1]);
    let names = siblings(&out);
    assert!(!names.contains(&"stale.csv".to_owned()), "{names:?}");
    assert_ne!(
        fs::read_to_string(out.join("documents.csv")).unwrap(),
        "old"
    );
    // No temporary or old folder left next to it.
    assert_eq!(siblings(tmp.path()), ["dataset"]);
}

#[test]
fn a_writer_dropped_without_finish_leaves_the_old_dataset_and_no_temp_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dataset");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("documents.csv"), "old").unwrap();
    let docs = two_docs();
    {
        let mut w = DatasetWriter::create(&out, options()).unwrap();
        w.add_document(docs[0].input()).unwrap();
        assert_eq!(
            siblings(tmp.path()).len(),
            2,
            "the temporary folder exists meanwhile"
        );
        // Dropped here, as on an error or a panic.
    }
    assert_eq!(siblings(tmp.path()), ["dataset"]);
    assert_eq!(siblings(&out), ["documents.csv"]);
    assert_eq!(
        fs::read_to_string(out.join("documents.csv")).unwrap(),
        "old"
    );

    // A panic while writing unwinds through the same drop.
    let out2 = out.clone();
    let result = std::panic::catch_unwind(move || {
        let _w = DatasetWriter::create(&out2, options()).unwrap();
        panic!("interrupted");
    });
    assert!(result.is_err());
    assert_eq!(siblings(tmp.path()), ["dataset"]);
}

#[test]
fn parent_folders_are_created_and_a_foreign_folder_is_never_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("a/b/dataset");
    write(&out, &two_docs(), &[0]);
    assert!(out.join("documents.csv").is_file());

    let foreign = tmp.path().join("home");
    fs::create_dir(&foreign).unwrap();
    fs::write(foreign.join("thesis.tex"), "precious").unwrap();
    let err = DatasetWriter::create(&foreign, options()).unwrap_err();
    assert!(matches!(err, ExportError::NotADataset { .. }), "{err}");
    assert!(foreign.join("thesis.tex").is_file());
    assert_eq!(siblings(tmp.path()), ["a", "home"]);
}

#[test]
fn csv_quoting_of_commas_quotes_and_line_breaks() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dataset");
    let docs = two_docs();
    write(&out, &docs, &[0, 1]);
    let raw = fs::read_to_string(out.join("documents.csv")).unwrap();
    assert!(!raw.contains('\r'), "line ends are \\n");
    assert!(!raw.starts_with('\u{feff}'), "no byte-order mark");
    // The field is quoted, its quotes doubled, its line breaks kept.
    assert!(
        raw.contains(
            "\"The Taliban, in Kabul, said: \"\"no\"\".\n\nSecond line,\n\nwith a break.\""
        )
    );
    let rows = table(&out, "documents.csv");
    let by_id = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!(by_id("000_beta")["text"], docs[1].clean.text);
    assert_eq!(by_id("001_alpha")["text"], docs[0].clean.text);
    assert_eq!(
        by_id("001_alpha")["title"],
        "CSTO warns of “threats”, again"
    );
    assert_eq!(by_id("001_alpha")["url"], "https://example.invalid/a?x=1,2");
    let entities = table(&out, "entities.csv");
    assert_eq!(
        entities.iter().find(|e| e["id"] == "org:taliban").unwrap()["role"],
        "armed_group, \"militant\""
    );
}

#[test]
fn offsets_are_code_points_into_clean_and_raw_text() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dataset");
    let docs = two_docs();
    write(&out, &docs, &[0, 1]);
    let documents = table(&out, "documents.csv");
    let raw_of = |id: &str| {
        &docs
            .iter()
            .find(|d| d.raw.id.as_str() == id)
            .unwrap()
            .raw
            .text
    };
    let text_of = |id: &str| &documents.iter().find(|d| d["id"] == id).unwrap()["text"];
    for d in &documents {
        assert_eq!(d["n_chars"], d["text"].chars().count().to_string());
    }
    for file in ["mentions.csv", "dates.csv", "quotes.csv"] {
        for m in table(&out, file) {
            let id = &m["doc_id"];
            assert_eq!(
                cp_slice(text_of(id), &m["start"], &m["end"]),
                m["text"],
                "{m:?}"
            );
            // The raw span holds the same words, NBSP where the clean text has a space.
            let raw = cp_slice(raw_of(id), &m["raw_start"], &m["raw_end"]);
            assert_eq!(raw.replace('\u{a0}', " "), m["text"], "{m:?}");
        }
    }
    let mentions = table(&out, "mentions.csv");
    let lavrov = mentions.iter().find(|m| m["text"] == "Лавров").unwrap();
    let text = text_of("001_alpha");
    let byte = text.find("Лавров").unwrap();
    assert_eq!(lavrov["start"], text[..byte].chars().count().to_string());
    assert_ne!(
        lavrov["start"],
        byte.to_string(),
        "bytes and code points differ here"
    );
    // Through the offset map's NBSP replacement: the raw span covers the NBSP.
    let sergey = mentions
        .iter()
        .find(|m| m["text"] == "Sergey Lavrov")
        .unwrap();
    assert_eq!(
        cp_slice(
            raw_of("001_alpha"),
            &sergey["raw_start"],
            &sergey["raw_end"]
        ),
        "Sergey\u{a0}Lavrov"
    );
    for r in table(&out, "removed.csv") {
        assert_eq!(
            cp_slice(raw_of(&r["doc_id"]), &r["raw_start"], &r["raw_end"]),
            r["text"]
        );
    }
}

#[test]
fn unresolved_keys_and_dates_have_an_empty_entity_id() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dataset");
    write(&out, &two_docs(), &[0, 1]);
    for m in table(&out, "mentions.csv") {
        let want = match m["text"].as_str() {
            "Imangali Tasmagambetov" | "December 11" => "",
            "Лавров" | "Sergey Lavrov" => "person:sergey-lavrov",
            "KABUL" | "Kabul" => "gpe:kabul",
            _ => continue,
        };
        assert_eq!(m["entity_id"], want, "{m:?}");
    }
    let jsonl = fs::read_to_string(out.join("dataset.jsonl")).unwrap();
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().nth(1).unwrap()).unwrap();
    let imangali = first["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["text"] == "Imangali Tasmagambetov")
        .unwrap();
    assert!(imangali["entity_id"].is_null());
}

#[test]
fn quote_speakers_are_resolved_like_mentions() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dataset");
    write(&out, &two_docs(), &[1, 0]);
    let quotes = table(&out, "quotes.csv");
    let rows: Vec<(&str, &str, &str, &str, &str)> = quotes
        .iter()
        .map(|q| {
            (
                q["doc_id"].as_str(),
                q["text"].as_str(),
                q["speaker_entity_id"].as_str(),
                q["speaker"].as_str(),
                q["verb"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("000_beta", "\"no\"", "org:taliban", "Taliban", "said"),
            // Unresolved: the name stays, the id is empty.
            ("001_alpha", "“threats”", "", "Imangali Tasmagambetov", ""),
            (
                "001_alpha",
                "\"belt\"",
                "person:sergey-lavrov",
                "Sergey Lavrov",
                "said"
            ),
        ]
    );
    let jsonl = fs::read_to_string(out.join("dataset.jsonl")).unwrap();
    let second: serde_json::Value = serde_json::from_str(jsonl.lines().nth(1).unwrap()).unwrap();
    let threats = &second["quotes"][0];
    assert_eq!(threats["text"], "“threats”");
    assert!(threats["speaker_entity_id"].is_null() && threats["verb"].is_null());
    assert_eq!(threats["speaker"], "Imangali Tasmagambetov");
}

#[test]
fn an_empty_corpus_gives_headers_only() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dataset");
    let w = DatasetWriter::create(&out, options()).unwrap();
    let summary = w.finish(&Resolution::default()).unwrap();
    assert_eq!(
        (summary.documents, summary.mentions, summary.errors),
        (0, 0, 0)
    );
    let files = files(&out);
    for (name, content) in &files {
        if name.ends_with(".csv") {
            assert_eq!(content.lines().count(), 1, "{name}: {content:?}");
            assert!(content.ends_with('\n'));
        }
    }
    let find = |n: &str| &files.iter().find(|(name, _)| name == n).unwrap().1;
    assert_eq!(find("dataset.jsonl"), "");
    assert_eq!(find("errors.csv"), "source_path,line,stage,reason\n");
    assert_eq!(
        find("mentions.csv"),
        "doc_id,start,end,raw_start,raw_end,text,label,entity_id,sentence,extractor,confidence\n"
    );
}

#[test]
fn a_duplicate_id_or_a_bad_span_is_refused_and_the_writer_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dataset");
    let docs = two_docs();
    let mut w = DatasetWriter::create(&out, options()).unwrap();
    w.add_document(docs[1].input()).unwrap();
    let err = w.add_document(docs[1].input()).unwrap_err();
    assert!(
        matches!(err, ExportError::DuplicateDocument { .. }),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        "000_beta.txt: document 000_beta was added twice"
    );
    let record = err.to_record().unwrap();
    assert_eq!(
        (record.stage.as_str(), record.reason.as_str()),
        ("export", "duplicate document id 000_beta")
    );
    w.add_error(&record).unwrap();

    let mut bad = build("002_bad", "“Quoted” text\n", &[], false);
    bad.annotations.mentions.push(Mention {
        span: Span::new(1, 4), // inside the 3-byte “
        label: Label::Org,
        canonical: "x".into(),
        extractor: Extractor::Model,
        confidence: 0.5,
        sentence: 0,
    });
    let err = w.add_document(bad.input()).unwrap_err();
    assert!(matches!(err, ExportError::InvalidSpan { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        "002_bad.txt: document 002_bad: mention offset 1 is not a valid position in the clean text"
    );

    w.add_document(docs[0].input()).unwrap();
    let summary = w.finish(&resolution()).unwrap();
    assert_eq!((summary.documents, summary.errors), (2, 1));
}

/// Capitalised words of a text, as stand-in mentions: byte spans.
fn capitalised_words(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, c.is_alphabetic()) {
            (None, true) if c.is_uppercase() => start = Some(i),
            (None, true) => start = Some(usize::MAX), // a lower-case word: skip it
            (Some(s), false) => {
                if s != usize::MAX {
                    out.push(Span::new(s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[test]
fn seeds_round_trip_through_the_tables() {
    let seeds = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds"));
    let mut paths: Vec<_> = fs::read_dir(seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<Doc> = paths
        .iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_str().unwrap();
            let mut doc = build(id, &fs::read_to_string(p).unwrap(), &[], false);
            for span in capitalised_words(&doc.clean.text) {
                let word = doc.clean.text[span.range()].to_owned();
                doc.annotations.mentions.push(Mention {
                    span,
                    label: Label::Org,
                    canonical: word,
                    extractor: Extractor::Model,
                    confidence: 0.5,
                    sentence: 0,
                });
            }
            doc
        })
        .collect();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dataset");
    let order: Vec<usize> = (0..docs.len()).rev().collect();
    let summary = write(&out, &docs, &order);

    let documents = table(&out, "documents.csv");
    let mut report = format!(
        "documents={} mentions={} removed={} dates={}\n",
        summary.documents, summary.mentions, summary.removed, summary.dates
    );
    for d in &documents {
        report += &format!(
            "{} n_chars={} n_mentions={}\n",
            d["id"], d["n_chars"], d["n_mentions"]
        );
    }
    let mentions = table(&out, "mentions.csv");
    for m in &mentions {
        let doc = docs
            .iter()
            .find(|d| d.raw.id.as_str() == m["doc_id"])
            .unwrap();
        let text = &documents.iter().find(|d| d["id"] == m["doc_id"]).unwrap()["text"];
        assert_eq!(cp_slice(text, &m["start"], &m["end"]), m["text"]);
        assert_eq!(
            cp_slice(&doc.raw.text, &m["raw_start"], &m["raw_end"]),
            m["text"]
        );
    }
    // Mentions after a non-ASCII character or an NBSP, where bytes and code points part.
    for m in mentions.iter().filter(|m| {
        let doc = docs
            .iter()
            .find(|d| d.raw.id.as_str() == m["doc_id"])
            .unwrap();
        let start: usize = m["raw_start"].parse().unwrap();
        let raw_byte = doc.raw.text.char_indices().nth(start).unwrap().0;
        raw_byte != start && m["start"].parse::<usize>().unwrap() % 40 == 0
    }) {
        report += &format!(
            "{} {}..{} raw {}..{} {:?}\n",
            m["doc_id"], m["start"], m["end"], m["raw_start"], m["raw_end"], m["text"]
        );
    }
    insta::assert_snapshot!(report);
}
