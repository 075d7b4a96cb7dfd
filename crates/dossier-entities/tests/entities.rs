//! Snapshot tests over fixture texts, and focused tests of the hard cases.
//!
//! The recognizer here uses only the stand-in gazetteer in `tests/data/*.tsv` (not the
//! embedded `data/`) and no statistical model: these tests pin the rules, and the
//! snapshots move only when the rule code does. `tests/model.rs` tests the full
//! recognizer (embedded gazetteer + model).

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use dossier_core::{
    Annotations, CleanDocument, DocId, EntityKey, Label, Metadata, OffsetMap, Resolution, Span,
    Timex, TimexType,
};
use dossier_entities::{Config, Recognizer, Resolver};

fn config() -> Config {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/");
    let read = |f: &str| fs::read_to_string(format!("{data}{f}")).unwrap();
    Config {
        embedded_gazetteer: false,
        extra_gazetteers: vec![
            ("gazetteer.tsv".to_string(), read("gazetteer.tsv")),
            ("ambiguous.tsv".to_string(), read("ambiguous.tsv")),
        ],
        model: false,
        ..Config::default()
    }
}

fn recognizer() -> Recognizer {
    Recognizer::new(&config())
}

/// A clean document: paragraphs are blocks split by blank lines; the first paragraph is
/// a headline when it is one line without a final full stop.
fn document(id: &str, text: &str) -> CleanDocument {
    let mut paragraphs: Vec<Span> = Vec::new();
    let mut open = false;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        if body.trim().is_empty() {
            open = false;
        } else if open {
            paragraphs.last_mut().unwrap().end = pos + body.len();
        } else {
            paragraphs.push(Span::new(pos, pos + body.len()));
            open = true;
        }
        pos += line.len();
    }
    let has_title = paragraphs.first().is_some_and(|p| {
        let t = &text[p.range()];
        !t.contains('\n') && !t.ends_with('.')
    });
    CleanDocument {
        id: DocId::new(id),
        text: text.to_string(),
        paragraphs,
        has_title,
        offsets: OffsetMap::identity(text.len()),
        removed: Vec::new(),
        metadata: Metadata {
            language: Some("en".to_string()),
            ..Metadata::default()
        },
    }
}

/// One line per mention, byte offsets: `120..124 ORG "CSTO" → org:… (gazetteer 0.90) s3`
/// (`s3`: sentence index).
fn render(text: &str, ann: &Annotations, res: &Resolution) -> String {
    let mut out = String::from("# byte offsets into the text; sN = sentence index\n");
    for m in &ann.mentions {
        let id = if m.label == Label::Date {
            String::new()
        } else {
            res.get(&EntityKey::of(m))
                .map_or("?".to_string(), |e| e.id.clone())
        };
        writeln!(
            out,
            "{}..{} {} {:?} → {} ({} {:.2}) s{}",
            m.span.start,
            m.span.end,
            m.label,
            &text[m.span.range()],
            id,
            m.extractor.as_str(),
            m.confidence,
            m.sentence
        )
        .unwrap();
    }
    out
}

fn render_entities(res: &Resolution) -> String {
    let mut out = String::new();
    for e in &res.entities {
        writeln!(
            out,
            "{} {} {:?} aliases={:?} role={} mentions={} docs={}",
            e.id,
            e.label,
            e.name,
            e.aliases,
            e.role.as_deref().unwrap_or("-"),
            e.n_mentions,
            e.n_documents
        )
        .unwrap();
    }
    out
}

#[test]
fn recognizer_and_resolver_are_thread_safe() {
    fn check<T: Send + Sync>() {}
    check::<Recognizer>();
    check::<Resolver>();
}

#[test]
fn fixtures() {
    let rec = recognizer();
    insta::glob!("data/*.txt", |path| {
        let text = fs::read_to_string(path).unwrap();
        let doc = document("fixture", &text);
        let ann = rec.extract(&doc, &[]);
        let mut resolver = Resolver::for_recognizer(&rec);
        resolver.add(&ann, &text);
        let res = resolver.finish();
        insta::assert_snapshot!(render(&text, &ann, &res));
    });
}

#[test]
fn resolved_entity_table() {
    let rec = recognizer();
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data"));
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut resolver = Resolver::for_recognizer(&rec);
    for f in &files {
        let text = fs::read_to_string(f).unwrap();
        let doc = document(f.file_stem().unwrap().to_str().unwrap(), &text);
        resolver.add(&rec.extract(&doc, &[]), &text);
    }
    insta::assert_snapshot!(render_entities(&resolver.finish()));
}

/// (surface, label, canonical) of every mention of a one-paragraph text.
fn mentions(text: &str) -> Vec<(String, Label, String)> {
    let doc = document("t", text);
    recognizer()
        .extract(&doc, &[])
        .mentions
        .into_iter()
        .map(|m| (text[m.span.range()].to_string(), m.label, m.canonical))
        .collect()
}

fn has(ms: &[(String, Label, String)], surface: &str, label: Label, canonical: &str) -> bool {
    ms.iter()
        .any(|(s, l, c)| s == surface && *l == label && c == canonical)
}

fn surfaces(ms: &[(String, Label, String)]) -> Vec<&str> {
    ms.iter().map(|(s, _, _)| s.as_str()).collect()
}

#[test]
fn acronym_long_then_short() {
    let ms = mentions(
        "The International Crisis Group (ICG) published a report. Later the ICG said more.",
    );
    let icg = "International Crisis Group";
    assert!(has(&ms, icg, Label::Org, icg), "{ms:?}");
    assert_eq!(
        ms.iter().filter(|m| m.0 == "ICG" && m.2 == icg).count(),
        2,
        "{ms:?}"
    );
}

#[test]
fn acronym_short_then_long() {
    let ms = mentions("Officials of the ANDSF (Afghan National Defense Forces) fled.");
    assert!(
        has(&ms, "ANDSF", Label::Org, "Afghan National Defense Forces"),
        "{ms:?}"
    );
    assert!(
        has(
            &ms,
            "Afghan National Defense Forces",
            Label::Org,
            "Afghan National Defense Forces"
        ),
        "{ms:?}"
    );
}

#[test]
fn acronym_gives_its_known_name_to_an_unknown_long_form() {
    let ms = mentions("Groups such as Tahreek-i-Taliban Pakistan (TTP) are active.");
    let ttp = "Tehrik-i-Taliban Pakistan";
    assert!(
        has(&ms, "Tahreek-i-Taliban Pakistan", Label::Org, ttp),
        "{ms:?}"
    );
    assert!(has(&ms, "TTP", Label::Org, ttp), "{ms:?}");
}

#[test]
fn short_forms_take_the_full_name() {
    let ms = mentions(
        "Russian Foreign Minister Sergey Lavrov arrived in Kabul. Lavrov met officials there.",
    );
    assert!(
        has(&ms, "Sergey Lavrov", Label::Person, "Sergey Lavrov"),
        "{ms:?}"
    );
    assert!(has(&ms, "Lavrov", Label::Person, "Sergey Lavrov"), "{ms:?}");
    assert!(has(&ms, "Russian", Label::Norp, "Russian"), "{ms:?}");
}

#[test]
fn titles_and_roles_mark_persons_outside_the_span() {
    let ms = mentions(
        "President Joe Biden spoke. Natalia Kharitonova, spokesperson for the CSTO, agreed. \
         Georgi Grigorevich, a researcher at a think tank, disagreed. \
         Mr. John Smith and Secretary General Ban Ki-moon were there. \
         Maria Lopez said nothing. Officials said John F. Kennedy was there.",
    );
    for name in [
        "Joe Biden",
        "Natalia Kharitonova",
        "Georgi Grigorevich",
        "John Smith",
        "Ban Ki-moon",
        "Maria Lopez",
        "John F. Kennedy",
    ] {
        assert!(has(&ms, name, Label::Person, name), "{name}: {ms:?}");
    }
    assert!(
        !surfaces(&ms)
            .iter()
            .any(|s| s.contains("President") || s.contains("Secretary"))
    );
}

#[test]
fn job_title_with_complement_is_not_a_name() {
    let ms = mentions("He met Khalil Haqqani, the Taliban’s Minister of Refugees, in Kabul.");
    assert!(
        has(&ms, "Khalil Haqqani", Label::Person, "Khalil Haqqani"),
        "{ms:?}"
    );
    assert!(has(&ms, "Taliban", Label::Org, "Taliban"), "{ms:?}");
    assert!(
        !surfaces(&ms).iter().any(|s| s.contains("Refugees")),
        "{ms:?}"
    );
}

#[test]
fn possessive_and_the_stay_outside() {
    let ms = mentions("The Taliban’s leaders met the CSTO’s envoy in Russia's capital.");
    assert_eq!(surfaces(&ms), ["Taliban", "CSTO", "Russia"]);
}

#[test]
fn organisation_heads() {
    let ms = mentions(
        "The Afghanistan Working Group met the Council of Foreign Ministers of the CSTO and \
         Russia’s Ministry of Foreign Affairs.",
    );
    assert_eq!(
        surfaces(&ms),
        [
            "Afghanistan Working Group",
            "Council of Foreign Ministers of the CSTO",
            "Russia",
            "Ministry of Foreign Affairs"
        ]
    );
    assert!(ms.iter().all(|m| m.1 != Label::Org || m.0 != "Russia"));
}

#[test]
fn a_name_before_of_without_a_head_stays_outside_the_organisation() {
    let ms = mentions("Ivor Dunne of the Labour Party spoke to Members of the Senate.");
    assert!(
        has(&ms, "Labour Party", Label::Org, "Labour Party"),
        "{ms:?}"
    );
    assert!(has(&ms, "Senate", Label::Org, "Senate"), "{ms:?}");
    assert!(ms.iter().all(|m| !m.0.contains(" of ")), "{ms:?}");
}

#[test]
fn military_units_keep_their_number() {
    let ms = mentions("The 82nd Airborne Division relieved the 3rd Battalion on the 5th floor.");
    assert!(
        has(
            &ms,
            "82nd Airborne Division",
            Label::Org,
            "82nd Airborne Division"
        ),
        "{ms:?}"
    );
    assert!(
        has(&ms, "3rd Battalion", Label::Org, "3rd Battalion"),
        "{ms:?}"
    );
    assert_eq!(ms.len(), 2, "{ms:?}");
}

#[test]
fn a_body_named_by_its_head_word_after_the() {
    let ms = mentions("The bill passed the Senate, but the Court and the Government waited.");
    assert!(has(&ms, "Senate", Label::Org, "Senate"), "{ms:?}");
    assert_eq!(surfaces(&ms), ["Senate"], "{ms:?}");
}

#[test]
fn news_outlets() {
    let ms = mentions(
        "He told the Russian newspaper Izvestia and Belarusian broadcaster STV, as reported by \
         the Russian TASS news agency.",
    );
    for org in ["Izvestia", "STV", "TASS"] {
        assert!(
            ms.iter().any(|m| m.0 == org && m.1 == Label::Org),
            "{org}: {ms:?}"
        );
    }
}

#[test]
fn hyphenated_compounds() {
    let ms = mentions(
        "The Tajikistan-Afghanistan border worries Afghanistan-based and Afghan-based groups \
         in post-Soviet states.",
    );
    assert_eq!(
        ms,
        [
            ("Tajikistan".into(), Label::Gpe, "Tajikistan".into()),
            ("Afghanistan".into(), Label::Gpe, "Afghanistan".into()),
            ("Afghanistan".into(), Label::Gpe, "Afghanistan".into()),
            ("Afghan".into(), Label::Norp, "Afghan".into()),
            ("post-Soviet".into(), Label::Norp, "post-Soviet".into()),
        ]
    );
}

#[test]
fn directions_stay_outside() {
    let ms = mentions("Threats from Northern Afghanistan and northern Pakistan grew.");
    assert_eq!(surfaces(&ms), ["Afghanistan", "Pakistan"]);
}

#[test]
fn all_caps_dateline() {
    let ms = mentions("KABUL, AFGHANISTAN – The talks began.\n\nTHE END IS NEAR IN KABUL");
    assert!(has(&ms, "KABUL", Label::Gpe, "Kabul"), "{ms:?}");
    assert!(has(&ms, "AFGHANISTAN", Label::Gpe, "Afghanistan"), "{ms:?}");
    // An all-caps word outside an all-caps context is not matched in upper case.
    let ms = mentions("We said KABUL loudly.");
    assert!(ms.is_empty(), "{ms:?}");
}

#[test]
fn title_case_headline_runs_only_gazetteer_and_known_names() {
    let ms = mentions(
        "Lavrov Warns Of Growing Threats From Afghanistan\n\nForeign Minister Sergey Lavrov spoke.",
    );
    assert_eq!(surfaces(&ms), ["Lavrov", "Afghanistan", "Sergey Lavrov"]);
    assert_eq!(ms[0].2, "Sergey Lavrov");
}

#[test]
fn list_coordination() {
    let ms = mentions(
        "Groups like Al-Qaeda, ISKP, Tehrik-i-Taliban Pakistan (TTP), and Jamaat Ansarullah pose a threat.",
    );
    assert!(
        has(&ms, "Jamaat Ansarullah", Label::Org, "Jamaat Ansarullah"),
        "{ms:?}"
    );
    let ms = mentions("Ministers from Russia, Belarus and Zangezuria came.");
    assert!(has(&ms, "Zangezuria", Label::Gpe, "Zangezuria"), "{ms:?}");
}

#[test]
fn no_span_across_a_line_break() {
    let ms = mentions("Talks in Central\nAsia Minor Group\nended.");
    assert!(ms.iter().all(|m| !m.0.contains('\n')), "{ms:?}");
    assert!(!has(&ms, "Central\nAsia", Label::Loc, "Central Asia"));
}

#[test]
fn sentence_initial_common_words_are_not_names() {
    let ms =
        mentions("Despite the claims, Moving forward is hard. According to Reuters, it rained.");
    assert_eq!(surfaces(&ms), ["Reuters"]);
}

#[test]
fn ambiguous_entries_need_a_preposition() {
    let ms = mentions("Jordan said he was tired. He flew to Jordan.");
    assert_eq!(ms, [("Jordan".into(), Label::Gpe, "Jordan".into())]);
    let doc = document("t", "Jordan said he was tired. He flew to Jordan.");
    let ann = recognizer().extract(&doc, &[]);
    assert_eq!(ann.mentions[0].span.start, 37);
}

#[test]
fn dates_come_from_timexes_and_win_overlaps() {
    let text = "On Thursday the CSTO met.";
    let doc = document("t", text);
    let timex = |a: usize, b: usize, m: bool| Timex {
        span: Span::new(a, b),
        kind: TimexType::Date,
        value: "XXXX-WXX-4".into(),
        is_mention: m,
    };
    let ann = recognizer().extract(&doc, &[timex(3, 11, true), timex(0, 2, false)]);
    let labels: Vec<Label> = ann.mentions.iter().map(|m| m.label).collect();
    assert_eq!(labels, [Label::Date, Label::Org]);
    assert_eq!(ann.mentions[0].canonical, "");
}

#[test]
fn other_languages_get_sentences_only() {
    let mut doc = document("t", "Le président Emmanuel Macron est à Kabul. Il parle.");
    doc.metadata.language = Some("fr".into());
    let ann = recognizer().extract(&doc, &[]);
    assert!(ann.mentions.is_empty());
    assert_eq!(ann.sentences.len(), 2);
}

#[test]
fn mentions_are_sorted_non_overlapping_with_sentences() {
    let text = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/general_pakistan.txt"
    ))
    .unwrap();
    let ann = recognizer().extract(&document("t", &text), &[]);
    for w in ann.mentions.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    for m in &ann.mentions {
        assert!(ann.sentences[m.sentence].contains(m.span));
        assert!((0.0..=1.0).contains(&m.confidence));
    }
}

fn resolve(texts: &[&str]) -> Resolution {
    let rec = recognizer();
    let mut resolver = Resolver::for_recognizer(&rec);
    for (i, t) in texts.iter().enumerate() {
        resolver.add(&rec.extract(&document(&i.to_string(), t), &[]), t);
    }
    resolver.finish()
}

#[test]
fn merges_that_must_happen() {
    let res = resolve(&[
        "The Afghanistan Analysts Network (AAN) wrote. Reuters reported it.",
        "He told the AAN news agency so. Al Qaeda and al-Qaeda are one group.",
        "The Afghanistan analysts Network? No: the Afghanistan Analysts Network again.",
    ]);
    let ids: Vec<&str> = res.entities.iter().map(|e| e.id.as_str()).collect();
    assert!(ids.contains(&"org:afghanistan-analysts-network"), "{ids:?}");
    assert!(!ids.contains(&"org:aan"), "{ids:?}");
    let aan = res
        .entities
        .iter()
        .find(|e| e.id == "org:afghanistan-analysts-network")
        .unwrap();
    assert_eq!(aan.n_documents, 3);
    assert_eq!(aan.aliases, ["AAN"]);
    let qaeda = res
        .entities
        .iter()
        .find(|e| e.id == "org:al-qaeda")
        .unwrap();
    assert_eq!(qaeda.role.as_deref(), Some("armed_group"));
    // Every key seen maps to an entity.
    for e in &res.entities {
        assert!(res.index.values().any(|&i| res.entities[i].id == e.id));
    }
}

#[test]
fn merges_that_must_not_happen() {
    let res = resolve(&[
        "Foreign Minister Sergey Lavrov spoke. Lavrov left.",
        "Chess player Anna Lavrov won. Professor Anna Lavrov spoke. Lavrov smiled.",
        "The Afghanistan Analysts Network (AN) met. The Arab Network (AN) met too.",
        "He told the AN news agency.",
    ]);
    let people: Vec<&str> = res
        .entities
        .iter()
        .filter(|e| e.label == Label::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(people, ["Anna Lavrov", "Sergey Lavrov"]);
    // An acronym defined for two long forms stays apart from both.
    assert!(
        res.entities.iter().any(|e| e.id == "org:an"),
        "{:?}",
        res.entities
    );
}

#[test]
fn acronym_spells_a_long_form_with_connectors() {
    let ms = mentions("He met the UN Assistance Mission in Afghanistan (UNAMA) team.");
    let long = "UN Assistance Mission in Afghanistan";
    assert!(has(&ms, long, Label::Org, long), "{ms:?}");
    assert!(has(&ms, "UNAMA", Label::Org, long), "{ms:?}");
}

#[test]
fn lower_case_titles_and_first_names() {
    let ms = mentions(
        "Taliban spokesman Zabihullah Mujahid denied it, and Uzbek leader Shavkat Mirziyoyev \
         agreed, said Herat Karimi.",
    );
    // "Herat" is a town in the gazetteer, but here it is a first name.
    for name in ["Zabihullah Mujahid", "Shavkat Mirziyoyev", "Herat Karimi"] {
        assert!(has(&ms, name, Label::Person, name), "{name}: {ms:?}");
    }
}

#[test]
fn prefixes_of_hyphenated_adjectives() {
    let ms = mentions("Pro-Russian groups and anti-Taliban forces met pre-Soviet scholars.");
    assert_eq!(
        ms,
        [
            ("Russian".into(), Label::Norp, "Russian".into()),
            ("Taliban".into(), Label::Org, "Taliban".into()),
            ("pre-Soviet".into(), Label::Norp, "pre-Soviet".into()),
        ]
    );
}

#[test]
fn unsupported_guesses_stay_below_the_threshold() {
    // Two unknown capitalised words with no context are not reported by default…
    let text = "They visited Qorvex Lundtrem yesterday.";
    assert!(mentions(text).is_empty());
    // …but are available, with a low confidence, to a caller who asks for them.
    let rec = Recognizer::new(&Config {
        min_confidence: 0.4,
        ..config()
    });
    let ann = rec.extract(&document("t", text), &[]);
    assert_eq!(ann.mentions.len(), 1);
    assert!(ann.mentions[0].confidence < 0.5);
}

#[test]
fn an_acronym_of_a_concept_is_not_an_organisation() {
    let ms = mentions(
        "The ministry released a Software Development Kit (SDK) for flood maps. \
         The Flood Relief Commission (FRC) met on Monday.",
    );
    assert!(!surfaces(&ms).contains(&"SDK"), "{ms:?}");
    assert!(
        has(&ms, "FRC", Label::Org, "Flood Relief Commission"),
        "{ms:?}"
    );
}

#[test]
fn an_apposition_at_the_end_of_the_text() {
    // The name closes the text: nothing after it to look at.
    let ms = mentions("The talks were led by the special envoy for Afghanistan, Roza Otunbayeva");
    assert!(
        ms.iter()
            .all(|m| m.0 != "Roza Otunbayeva" || m.1 == Label::Person),
        "{ms:?}"
    );
    let ms = mentions("The UN's special envoy, Roza Otunbayeva, said the talks would resume.");
    assert!(
        has(&ms, "Roza Otunbayeva", Label::Person, "Roza Otunbayeva"),
        "{ms:?}"
    );
}
