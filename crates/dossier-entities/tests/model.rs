//! The full recognizer (embedded gazetteers + rules + the embedded statistical model):
//! snapshots on the fixture texts, and focused tests of the model's contract.

use std::fmt::Write as _;
use std::fs;

use dossier_core::{Annotations, CleanDocument, DocId, Extractor, Label};
use dossier_entities::{Config, ModelError, Recognizer};

/// One document, one paragraph per blank-line-separated block.
fn document(text: &str) -> CleanDocument {
    CleanDocument::from_plain_text(DocId::new("t"), text)
}

fn extract(text: &str) -> Annotations {
    Recognizer::new(&Config::default()).extract(&document(text), &[])
}

fn render(text: &str, ann: &Annotations) -> String {
    let mut out = String::from("# byte offsets; extractor and confidence; sN = sentence\n");
    for m in &ann.mentions {
        writeln!(
            out,
            "{}..{} {} {:?} [{}] ({} {:.2}) s{}",
            m.span.start,
            m.span.end,
            m.label,
            &text[m.span.range()],
            m.canonical,
            m.extractor.as_str(),
            m.confidence,
            m.sentence
        )
        .unwrap();
    }
    out
}

#[test]
fn embedded_model_loads() {
    assert!(Recognizer::new(&Config::default()).has_model());
    let off = Config {
        model: false,
        ..Config::default()
    };
    assert!(!Recognizer::new(&off).has_model());
}

#[test]
fn bad_model_files_are_refused() {
    let err = Recognizer::with_model(&Config::default(), b"not a model").unwrap_err();
    assert_eq!(err, ModelError::NotAModel);
    let mut truncated = b"DSNER\x02\0\0".to_vec();
    truncated.extend_from_slice(&[0, 0]);
    assert!(matches!(
        Recognizer::with_model(&Config::default(), &truncated),
        Err(ModelError::Corrupt(_) | ModelError::FeatureVersion(..))
    ));
}

#[test]
fn the_model_finds_unlisted_names() {
    let text = "The Kovalenko Foundation’s director spoke in Ulaanbaatar on Monday.";
    let ann = extract(text);
    let found: Vec<(&str, Label)> = ann
        .mentions
        .iter()
        .map(|m| (&text[m.span.range()], m.label))
        .collect();
    assert!(found.contains(&("Ulaanbaatar", Label::Gpe)), "{found:?}");
    // A leading "the" and the possessive stay outside.
    assert!(
        found.contains(&("Kovalenko Foundation", Label::Org)),
        "{found:?}"
    );
    assert!(
        ann.mentions.iter().any(|m| m.extractor == Extractor::Model),
        "{found:?}"
    );
    for m in &ann.mentions {
        assert!((0.0..=1.0).contains(&m.confidence));
    }
}

#[test]
fn no_mention_crosses_a_line_break_or_sentence() {
    let text = "Anna Berg met Olaf\nNilsen in Oslo. Nilsen Hall was empty.";
    let ann = extract(text);
    for m in &ann.mentions {
        let s = &text[m.span.range()];
        assert!(!s.contains('\n'), "{s:?}");
        let sent = ann.sentences[m.sentence];
        assert!(sent.contains(m.span), "{s:?}");
    }
}

#[test]
fn one_label_per_string() {
    let text = "Coron is quiet. Boats leave Coron at dawn, and Coron town sleeps late. \
                Visitors to Coron rent bikes.";
    let ann = extract(text);
    let labels: Vec<Label> = ann
        .mentions
        .iter()
        .filter(|m| &text[m.span.range()] == "Coron")
        .map(|m| m.label)
        .collect();
    assert!(labels.windows(2).all(|w| w[0] == w[1]), "{labels:?}");
}

#[test]
fn fixtures_with_model() {
    let rec = Recognizer::new(&Config::default());
    insta::glob!("data/*.txt", |path| {
        let text = fs::read_to_string(path).unwrap();
        let ann = rec.extract(&document(&text), &[]);
        insta::assert_snapshot!(render(&text, &ann));
    });
}

#[test]
fn repost_marker_is_not_the_broadcaster() {
    let text = "RT @kabulnow: Floods hit Baghlan. Moscow-based RT reported the floods.";
    let ann = extract(text);
    let rt: Vec<_> = ann
        .mentions
        .iter()
        .filter(|m| &text[m.span.range()] == "RT")
        .collect();
    assert_eq!(rt.len(), 1, "{:?}", ann.mentions);
    assert_eq!(rt[0].label, Label::Org);
    assert!(rt[0].span.start > 10);
}

#[test]
fn company_short_form_takes_the_full_name() {
    let text = "Apple Inc. reported record profits on Monday. Apple said sales in China rose.";
    let ann = extract(text);
    let apple: Vec<_> = ann
        .mentions
        .iter()
        .filter(|m| text[m.span.range()].starts_with("Apple"))
        .map(|m| (&text[m.span.range()], m.label, m.canonical.as_str()))
        .collect();
    assert_eq!(
        apple,
        [
            ("Apple Inc.", Label::Org, "Apple Inc."),
            ("Apple", Label::Org, "Apple Inc.")
        ]
    );
}

#[test]
fn an_apposition_is_not_a_list() {
    let text = "The UN's special envoy for Afghanistan, Roza Otunbayeva, said the decision \
                would have devastating consequences.";
    let ann = extract(text);
    assert!(
        !ann.mentions
            .iter()
            .any(|m| &text[m.span.range()] == "Roza Otunbayeva" && m.label != Label::Person),
        "{:?}",
        ann.mentions
    );
}

#[test]
fn currencies_and_products_are_not_their_country_or_maker() {
    let text = "Air Canada ordered US$ 6 billion of Boeing 787 Dreamliners and an Airbus A380. \
                Boeing said the US economy was strong. Boeing 2024 results were good.";
    let ann = extract(text);
    let found: Vec<(usize, &str)> = ann
        .mentions
        .iter()
        .map(|m| (m.span.start, &text[m.span.range()]))
        .collect();
    let at = |s: &str| text.find(s).unwrap();
    assert!(!found.contains(&(at("US$"), "US")), "{found:?}");
    assert!(!found.contains(&(at("Boeing 787"), "Boeing")), "{found:?}");
    assert!(!found.contains(&(at("Airbus"), "Airbus")), "{found:?}");
    assert!(found.contains(&(at("Boeing said"), "Boeing")), "{found:?}");
    assert!(found.contains(&(at("US economy"), "US")), "{found:?}");
    assert!(found.contains(&(at("Boeing 2024"), "Boeing")), "{found:?}");
}

#[test]
fn an_undefined_acronym_takes_the_organisation_it_spells() {
    let text = "Months before the Coalition Provisional Authority goes out of business, \
                the Pentagon kept the State Department from running the CPA.";
    let ann = extract(text);
    let cpa = ann
        .mentions
        .iter()
        .find(|m| &text[m.span.range()] == "CPA")
        .expect("CPA is found");
    assert_eq!(cpa.label, Label::Org);
    assert_eq!(cpa.canonical, "Coalition Provisional Authority");
}

#[test]
fn names_go_on_across_glued_hyphens() {
    let text = "Lawmakers Wong Kwok-hing and Leung Yiu-chung walked out in Bourg-la-Reine. \
                Khalil-ur-Rahman Haqqani spoke to the Afghanistan-based and Saudi-led groups.";
    let ann = extract(text);
    let found: Vec<&str> = ann.mentions.iter().map(|m| &text[m.span.range()]).collect();
    for name in [
        "Wong Kwok-hing",
        "Leung Yiu-chung",
        "Bourg-la-Reine",
        "Khalil-ur-Rahman Haqqani",
    ] {
        assert!(found.contains(&name), "{name}: {found:?}");
    }
    // An adjective's suffix is not part of the name, and no piece of a name stands alone.
    assert!(found.contains(&"Afghanistan"), "{found:?}");
    for piece in [
        "hing",
        "chung",
        "la",
        "Reine",
        "Afghanistan-based",
        "Saudi-led",
    ] {
        assert!(!found.contains(&piece), "{piece}: {found:?}");
    }
}
