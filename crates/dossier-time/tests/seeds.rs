//! The seeds: every gold DATE span is found with its gold value, and a snapshot of all
//! timexes of each clean text.

use dossier_core::{Date, Timex, char_offset};
use dossier_time::{Config, find_timexes};

/// Publication dates of the seed documents that state one (gold `metadata.csv`).
const ANCHORS: &[(&str, &str)] = &[("003_4b440fb96ec70746", "2024-11-25")];

fn data_dir() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data")
}

fn anchor_of(doc_id: &str) -> Option<Date> {
    ANCHORS
        .iter()
        .find(|(id, _)| *id == doc_id)
        .and_then(|(_, d)| Date::parse_iso(d))
}

fn timexes_of(doc_id: &str) -> (String, Vec<Timex>) {
    let path = format!("{}/{doc_id}.clean.txt", data_dir());
    let text = std::fs::read_to_string(path).unwrap();
    let found = find_timexes(&text, anchor_of(doc_id), &Config::default());
    (text, found)
}

#[test]
fn every_gold_date_is_found_with_its_value() {
    let mut reader = csv::Reader::from_path(format!("{}/gold_dates.csv", data_dir())).unwrap();
    let mut n = 0;
    let mut failures = Vec::new();
    for row in reader.records() {
        let row = row.unwrap();
        let (doc, start, end, text, value) = (&row[0], &row[1], &row[2], &row[3], &row[6]);
        let (start, end): (usize, usize) = (start.parse().unwrap(), end.parse().unwrap());
        let (clean, found) = timexes_of(doc);
        let hit = found.iter().find(|t| {
            char_offset(&clean, t.span.start) == start && char_offset(&clean, t.span.end) == end
        });
        match hit {
            Some(t) if value.is_empty() || t.value == value => assert!(t.is_mention, "{text}"),
            Some(t) => failures.push(format!("{doc} {text:?}: got {}, gold {value}", t.value)),
            None => failures.push(format!("{doc} {text:?}: span {start}..{end} not found")),
        }
        n += 1;
    }
    assert_eq!(n, 15);
    assert!(failures.is_empty(), "{failures:#?}");
}

/// One line per timex: `start..end TYPE value "text" mention=yes/no` (byte offsets).
fn render(text: &str, found: &[Timex]) -> String {
    found
        .iter()
        .map(|t| {
            format!(
                "{}..{} {} {} {:?} mention={}\n",
                t.span.start,
                t.span.end,
                t.kind.as_str(),
                t.value,
                &text[t.span.range()],
                if t.is_mention { "yes" } else { "no" }
            )
        })
        .collect()
}

#[test]
fn snapshots() {
    insta::glob!("data/*.clean.txt", |path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        let doc_id = name.trim_end_matches(".clean.txt");
        let (text, found) = timexes_of(doc_id);
        let anchor = anchor_of(doc_id).map_or("none".to_owned(), |d| d.to_string());
        insta::assert_snapshot!(format!("anchor: {anchor}\n{}", render(&text, &found)));
    });
}
