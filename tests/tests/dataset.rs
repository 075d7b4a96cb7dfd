//! End-to-end tests: the whole pipeline on the bundled seeds, as `cargo xtask build-dataset` runs it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use xtask::{Settings, build_dataset};

const TABLES: [&str; 10] = [
    "documents.csv",
    "removed.csv",
    "mentions.csv",
    "entities.csv",
    "cooccurrences.csv",
    "dates.csv",
    "quotes.csv",
    "errors.csv",
    "dataset.jsonl",
    "README.md",
];

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds")
}

fn build(corpus: &Path, out: &Path, threads: usize) -> xtask::RunReport {
    let settings = Settings {
        corpus: corpus.to_path_buf(),
        out: out.to_path_buf(),
        threads,
        ..Settings::default()
    };
    build_dataset(&settings).expect("the pipeline runs")
}

fn read_table(dir: &Path, name: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(dir.join(name)).expect("table exists");
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// The seeds dataset, built once per test binary.
fn seeds_dataset() -> PathBuf {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        build(&seeds(), &dir.path().join("dataset"), 2);
        dir
    })
    .path()
    .join("dataset")
}

#[test]
fn every_table_is_written() {
    let dir = &seeds_dataset();
    for table in TABLES {
        assert!(dir.join(table).is_file(), "{table} is missing");
    }
    let docs = read_table(dir, "documents.csv");
    assert_eq!(docs.len(), 5);
    assert!(read_table(dir, "errors.csv").is_empty());
}

#[test]
fn output_is_identical_across_runs_and_thread_counts() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    build(&seeds(), &a.path().join("d"), 1);
    build(&seeds(), &b.path().join("d"), 4);
    for table in TABLES {
        let x = std::fs::read(a.path().join("d").join(table)).unwrap();
        let y = std::fs::read(b.path().join("d").join(table)).unwrap();
        assert!(x == y, "{table} differs between 1 and 4 threads");
        let z = std::fs::read(seeds_dataset().join(table)).unwrap();
        assert!(x == z, "{table} differs between runs");
    }
}

#[test]
fn mention_offsets_point_at_their_text() {
    let dir = &seeds_dataset();
    let texts: BTreeMap<String, Vec<char>> = read_table(dir, "documents.csv")
        .into_iter()
        .map(|d| (d["id"].clone(), d["text"].chars().collect()))
        .collect();
    let raw: BTreeMap<String, Vec<char>> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            (id, std::fs::read_to_string(&p).unwrap().chars().collect())
        })
        .collect();
    let mentions = read_table(dir, "mentions.csv");
    assert!(mentions.len() > 150, "only {} mentions", mentions.len());
    for m in mentions {
        let (s, e): (usize, usize) = (m["start"].parse().unwrap(), m["end"].parse().unwrap());
        let clean: String = texts[&m["doc_id"]][s..e].iter().collect();
        assert_eq!(clean, m["text"]);
        let (rs, re): (usize, usize) = (
            m["raw_start"].parse().unwrap(),
            m["raw_end"].parse().unwrap(),
        );
        let in_raw: String = raw[&m["doc_id"]][rs..re].iter().collect();
        assert_eq!(in_raw, m["text"], "raw offsets of {m:?}");
        if m["label"] == "DATE" {
            assert!(m["entity_id"].is_empty());
        } else {
            assert!(!m["entity_id"].is_empty(), "{m:?} has no entity");
        }
    }
}

#[test]
fn every_mention_names_a_listed_entity() {
    let dir = &seeds_dataset();
    let entities: BTreeMap<String, BTreeMap<String, String>> = read_table(dir, "entities.csv")
        .into_iter()
        .map(|e| (e["id"].clone(), e))
        .collect();
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for m in read_table(dir, "mentions.csv") {
        if !m["entity_id"].is_empty() {
            assert!(
                entities.contains_key(&m["entity_id"]),
                "unknown entity {}",
                m["entity_id"]
            );
            *counts.entry(m["entity_id"].clone()).or_default() += 1;
        }
    }
    for (id, e) in &entities {
        assert_eq!(
            e["n_mentions"],
            counts.get(id).copied().unwrap_or(0).to_string(),
            "{id}"
        );
    }
}

#[test]
fn seeds_mentions_snapshot() {
    let dir = &seeds_dataset();
    let mut out = String::new();
    for m in read_table(dir, "mentions.csv") {
        out.push_str(&format!(
            "{} {}..{} {} {:?} → {}\n",
            &m["doc_id"][..3],
            m["start"],
            m["end"],
            m["label"],
            m["text"],
            m["entity_id"]
        ));
    }
    insta::assert_snapshot!("seeds_mentions", out);
}

/// The seeds' quotations: the four of the gold standard (`shared/gold/seeds/quotes.csv`),
/// two named speakers and two "they said" resolved to the CSTO; no scare quote.
#[test]
fn seeds_quotes_snapshot() {
    let dir = &seeds_dataset();
    let texts: BTreeMap<String, Vec<char>> = read_table(dir, "documents.csv")
        .into_iter()
        .map(|d| (d["id"].clone(), d["text"].chars().collect()))
        .collect();
    let mut out = String::new();
    for q in read_table(dir, "quotes.csv") {
        let (s, e): (usize, usize) = (q["start"].parse().unwrap(), q["end"].parse().unwrap());
        let clean: String = texts[&q["doc_id"]][s..e].iter().collect();
        assert_eq!(clean, q["text"]);
        let words: Vec<&str> = q["text"].split_whitespace().collect();
        out.push_str(&format!(
            "{} {}..{} speaker={} ({}) verb={} {:?}…{:?}\n",
            &q["doc_id"][..3],
            q["start"],
            q["end"],
            q["speaker_entity_id"],
            q["speaker"],
            q["verb"],
            words[..3].join(" "),
            words[words.len() - 2..].join(" ")
        ));
    }
    insta::assert_snapshot!("seeds_quotes", out);
}

#[test]
fn seeds_entities_and_documents_snapshot() {
    let dir = &seeds_dataset();
    let mut out = String::new();
    for d in read_table(dir, "documents.csv") {
        out.push_str(&format!(
            "doc {} title={:?} publisher={:?} published={:?} dateline={:?} language={}\n",
            d["id"], d["title"], d["publisher"], d["published"], d["dateline"], d["language"]
        ));
    }
    out.push('\n');
    for e in read_table(dir, "entities.csv") {
        let place = if e["geonames_id"].is_empty() {
            String::new()
        } else {
            format!(" place={} {}", e["country"], e["geonames_id"])
        };
        out.push_str(&format!(
            "{} {} {:?} aliases={:?} mentions={} documents={} kb={}{place} role={}{}\n",
            e["id"],
            e["label"],
            e["name"],
            e["aliases"],
            e["n_mentions"],
            e["n_documents"],
            e["kb_id"],
            e["role"],
            if e["watched"] == "true" {
                " WATCHED"
            } else {
                ""
            }
        ));
    }
    insta::assert_snapshot!("seeds_entities", out);
}

/// Co-occurrences point at listed entities, pair each entity with another, and count no
/// more documents than sentences or than either entity has.
#[test]
fn seeds_cooccurrences_are_consistent() {
    let dir = &seeds_dataset();
    let entities: BTreeMap<String, BTreeMap<String, String>> = read_table(dir, "entities.csv")
        .into_iter()
        .map(|e| (e["id"].clone(), e))
        .collect();
    let pairs = read_table(dir, "cooccurrences.csv");
    assert!(pairs.len() > 50, "only {} pairs", pairs.len());
    let n = |s: &str| s.parse::<u64>().unwrap();
    for p in &pairs {
        assert!(p["a"] < p["b"], "{p:?}");
        let (a, b) = (&entities[&p["a"]], &entities[&p["b"]]);
        assert_eq!((&a["name"], &b["name"]), (&p["a_name"], &p["b_name"]));
        assert!(n(&p["n_documents"]) <= n(&p["n_sentences"]), "{p:?}");
        assert!(n(&p["n_documents"]) <= n(&a["n_documents"]).min(n(&b["n_documents"])));
    }
    let csto_afghanistan = pairs
        .iter()
        .find(|p| {
            p["a"] == "gpe:afghanistan" && p["b"] == "org:collective-security-treaty-organization"
        })
        .unwrap();
    assert_eq!(csto_afghanistan["n_documents"], "5");
}

/// The analyst's entities file, named in dossier.toml, marks the watch-list.
#[test]
fn the_entities_file_marks_watched_entities() {
    let dir = tempfile::tempdir().unwrap();
    let entities = dir.path().join("entities.toml");
    std::fs::write(
        &entities,
        "[[watch]]\nname = \"ISIS-K\"\n\n[[watch]]\nlabel = \"PERSON\"\nname = \"Amangali Tasmagambitov\"\n",
    )
    .unwrap();
    let settings = Settings {
        corpus: seeds(),
        out: dir.path().join("d"),
        threads: 1,
        entities_file: Some(entities),
        ..Settings::default()
    };
    build_dataset(&settings).unwrap();
    let watched: Vec<String> = read_table(&dir.path().join("d"), "entities.csv")
        .into_iter()
        .filter(|e| e["watched"] == "true")
        .map(|e| e["id"].clone())
        .collect();
    assert_eq!(
        watched,
        [
            "org:islamic-state-khorasan-province",
            "person:imangali-tasmagambetov"
        ]
    );
}

#[test]
fn a_bad_file_is_an_error_row_and_the_rest_is_processed() {
    let corpus = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(seeds()).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, corpus.path().join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        corpus.path().join("broken.txt"),
        b"\x00\x01\x02binary\x00\xff",
    )
    .unwrap();
    std::fs::write(corpus.path().join("empty.txt"), b"").unwrap();
    let out = tempfile::tempdir().unwrap();
    let report = build(corpus.path(), &out.path().join("d"), 2);
    assert_eq!(report.summary.documents, 5);
    assert_eq!(report.summary.errors, 2);
    let errors = read_table(&out.path().join("d"), "errors.csv");
    let named: Vec<_> = errors.iter().map(|e| e["source_path"].as_str()).collect();
    assert_eq!(named, ["broken.txt", "empty.txt"]);
    assert!(
        errors
            .iter()
            .all(|e| e["stage"] == "corpus" && !e["reason"].is_empty())
    );
}

#[test]
fn jsonl_input_with_a_broken_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.jsonl");
    std::fs::write(
        &path,
        concat!(
            r#"{"id": "b", "text": "Sergey Lavrov met officials in Moscow on Friday.", "published": "2024-11-29", "title": "Talks"}"#,
            "\n",
            "{not json\n",
            r#"{"id": "a", "text": "The Collective Security Treaty Organization (CSTO) met in Astana."}"#,
            "\n"
        ),
    )
    .unwrap();
    let report = build(&path, &dir.path().join("d"), 1);
    assert_eq!(report.summary.documents, 2);
    let docs = read_table(&dir.path().join("d"), "documents.csv");
    assert_eq!(
        docs.iter().map(|d| d["id"].as_str()).collect::<Vec<_>>(),
        ["a", "b"]
    );
    assert_eq!(docs[1]["published"], "2024-11-29");
    let errors = read_table(&dir.path().join("d"), "errors.csv");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["line"], "2");
    let dates = read_table(&dir.path().join("d"), "dates.csv");
    assert!(
        dates
            .iter()
            .any(|d| d["doc_id"] == "b" && d["value"] == "2024-11-29"),
        "{dates:?}"
    );
}

#[test]
fn a_missing_corpus_is_a_fatal_error_and_leaves_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings {
        corpus: dir.path().join("nope"),
        out: dir.path().join("d"),
        ..Settings::default()
    };
    assert!(build_dataset(&settings).is_err());
    assert!(!dir.path().join("d").exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no temporary folder left"
    );
}
