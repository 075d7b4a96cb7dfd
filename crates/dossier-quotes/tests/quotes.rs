//! Quotations and their speakers: focused cases for each mark and attribution pattern,
//! and a snapshot over the seeds' gold clean texts and news-style fixtures.
//!
//! The mentions come from a stand-in for the entity stage: every occurrence of a name in
//! `tests/data/lexicon.tsv`, longest first, at word boundaries. Sentences are left to the
//! crate's own splitter.

use std::fmt::Write;
use std::path::Path;

use dossier_core::{Annotations, Extractor, Label, Mention, Quote, Span};
use dossier_quotes::{Config, find_quotes};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

/// (surface, label, canonical), longest surface first.
fn lexicon() -> Vec<(String, Label, String)> {
    let tsv = std::fs::read_to_string(Path::new(DATA).join("lexicon.tsv")).unwrap();
    let mut out: Vec<_> = tsv
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (
                f[0].to_owned(),
                Label::parse(f[1]).unwrap(),
                f[2].to_owned(),
            )
        })
        .collect();
    out.sort_by_key(|(s, _, _)| std::cmp::Reverse(s.len()));
    out
}

fn boundary(text: &str, at: usize, before: bool) -> bool {
    let c = if before {
        text[..at].chars().next_back()
    } else {
        text[at..].chars().next()
    };
    c.is_none_or(|c| !c.is_alphanumeric())
}

/// Mentions of every lexicon name in the text.
fn annotate(text: &str) -> Annotations {
    let mut mentions: Vec<Mention> = Vec::new();
    for (surface, label, canonical) in lexicon() {
        for (start, _) in text.match_indices(surface.as_str()) {
            let span = Span::new(start, start + surface.len());
            let free = !mentions.iter().any(|m| m.span.overlaps(span));
            if free && boundary(text, span.start, true) && boundary(text, span.end, false) {
                mentions.push(Mention {
                    span,
                    label,
                    canonical: canonical.clone(),
                    extractor: Extractor::Gazetteer,
                    confidence: 0.9,
                    sentence: 0,
                });
            }
        }
    }
    mentions.sort_by_key(|m| m.span);
    Annotations {
        sentences: Vec::new(),
        mentions,
    }
}

/// One line per quote: `start..end speaker=… verb=… "text"`, offsets in code points.
fn render(text: &str, quotes: &[Quote]) -> String {
    let cp = |b: usize| text[..b].chars().count();
    let mut out = String::new();
    for q in quotes {
        let quoted: String = text[q.span.range()].to_owned();
        let shown = if quoted.chars().count() > 90 {
            let head: String = quoted.chars().take(60).collect();
            let tail: String = quoted.chars().skip(quoted.chars().count() - 20).collect();
            format!("{head}…{tail}")
        } else {
            quoted
        };
        let speaker = q.speaker.as_ref().map_or("-".to_owned(), |k| {
            let at = q
                .speaker_span
                .map_or(String::new(), |s| format!("@{}", &text[s.range()]));
            format!("{}:{}{at}", k.label, k.name)
        });
        let _ = writeln!(
            out,
            "{}..{} speaker={speaker} verb={} {shown:?}",
            cp(q.span.start),
            cp(q.span.end),
            q.verb.as_deref().unwrap_or("-"),
        );
    }
    out
}

fn quotes(text: &str) -> String {
    render(
        text,
        &find_quotes(text, &annotate(text), &Config::default()),
    )
}

/// (quoted text, speaker canonical or "-", verb or "-") of each quote.
fn found(text: &str) -> Vec<(String, String, String)> {
    find_quotes(text, &annotate(text), &Config::default())
        .into_iter()
        .map(|q| {
            (
                text[q.span.range()].to_owned(),
                q.speaker.map_or("-".to_owned(), |k| k.name),
                q.verb.unwrap_or_else(|| "-".to_owned()),
            )
        })
        .collect()
}

fn one(text: &str) -> (String, String, String) {
    let all = found(text);
    assert_eq!(all.len(), 1, "{all:?}");
    all.into_iter().next().unwrap()
}

fn speaker_verb(text: &str) -> (String, String) {
    let (_, s, v) = one(text);
    (s, v)
}

fn sv(s: &str, v: &str) -> (String, String) {
    (s.to_owned(), v.to_owned())
}

#[test]
fn straight_and_curly_quotes() {
    let (q, s, v) = one("\"We must engage the Taliban in dialogue,\" Lavrov stated.");
    assert_eq!(q, "\"We must engage the Taliban in dialogue,\"");
    assert_eq!((s.as_str(), v.as_str()), ("Sergey Lavrov", "stated"));
    let (q, ..) = one("“We must engage the Taliban in dialogue,” Lavrov stated.");
    assert_eq!(q, "“We must engage the Taliban in dialogue,”");
    let (q, s, _) = one("Lavrov said: «We must engage the Taliban in dialogue.»");
    assert_eq!(
        (q.as_str(), s.as_str()),
        ("«We must engage the Taliban in dialogue.»", "Sergey Lavrov")
    );
}

#[test]
fn scare_quotes_and_titles_are_not_quotations() {
    assert!(found("Rahmon proposed a “security belt” around Afghanistan.").is_empty());
    assert!(found("The CSTO called it a “serious threat” to its members.").is_empty());
    assert!(
        found("They reject the so-called “Islamic Emirate of Afghanistan” outright.").is_empty()
    );
    // A longer lower-case fragment is a partial quotation.
    let (q, ..) =
        one("The UN called it “a slow-moving disaster that demands our attention” today.");
    assert_eq!(q, "“a slow-moving disaster that demands our attention”");
}

#[test]
fn a_quotation_over_paragraphs_is_one_quote() {
    let text = "Mujahid rejected the report.\n\n“We have restored security.\n\n“The roads are safer than ever.\n\n“Come and see for yourselves,” Mujahid said.";
    let (q, s, v) = one(text);
    assert!(
        q.starts_with("“We have") && q.ends_with("yourselves,”"),
        "{q}"
    );
    assert_eq!((s.as_str(), v.as_str()), ("Zabihullah Mujahid", "said"));
}

#[test]
fn nested_quotes_are_part_of_the_outer_quotation() {
    let (q, s, _) = one("“They told us ‘wait for the rules’ three years ago,” said Fatima Ahmadi.");
    assert_eq!(q, "“They told us ‘wait for the rules’ three years ago,”");
    assert_eq!(s, "Fatima Ahmadi");
}

#[test]
fn attribution_after_the_quotation() {
    let q = "“We are ready to do our part in the region,”";
    assert_eq!(
        speaker_verb(&format!("{q} Lavrov stated.")),
        sv("Sergey Lavrov", "stated")
    );
    assert_eq!(
        speaker_verb(&format!("{q} said Lavrov.")),
        sv("Sergey Lavrov", "said")
    );
    assert_eq!(
        speaker_verb(&format!("{q} said Russian Foreign Minister Sergey Lavrov.")),
        sv("Sergey Lavrov", "said")
    );
    assert_eq!(
        speaker_verb(&format!(
            "{q} Natalia Kharitonova, spokesperson for the CSTO, said."
        )),
        sv("Natalia Kharitonova", "said")
    );
    assert_eq!(
        speaker_verb(&format!("{q} Lavrov told reporters in Moscow.")),
        sv("Sergey Lavrov", "told")
    );
    assert_eq!(
        speaker_verb(&format!("{q} according to the CSTO.")),
        sv("Collective Security Treaty Organization", "according to")
    );
    assert_eq!(
        speaker_verb(&format!("{q} the CSTO declared.")).0,
        "Collective Security Treaty Organization"
    );
    // A title without a name: no speaker, the verb stays.
    assert_eq!(
        speaker_verb(&format!("{q} the ministry spokesperson said.")),
        sv("-", "said")
    );
    assert_eq!(
        speaker_verb(&format!("{q} Kazakh Foreign Minister said.")),
        sv("-", "said")
    );
}

#[test]
fn attribution_before_the_quotation() {
    let q = "“We are ready to do our part in the region.”";
    assert_eq!(
        speaker_verb(&format!("Lavrov said: {q}")),
        sv("Sergey Lavrov", "said")
    );
    assert_eq!(
        speaker_verb(&format!("In Astana, the CSTO declared, {q}")),
        sv("Collective Security Treaty Organization", "declared")
    );
    assert_eq!(
        speaker_verb(&format!("According to Maria Zakharova, {q}")),
        sv("Maria Zakharova", "According to")
    );
    assert_eq!(
        speaker_verb(&format!(
            "Natalia Kharitonova told reporters in Moscow: {q}"
        )),
        sv("Natalia Kharitonova", "told")
    );
    assert_eq!(
        speaker_verb(&format!("TASS quoted Lavrov as saying {q}")),
        sv("Sergey Lavrov", "saying")
    );
}

#[test]
fn interrupted_and_continued_quotations_keep_their_speaker() {
    let all = found(
        "“We are ready,” Tokayev said, “and we expect our partners to do theirs.” “Nobody should doubt it.”",
    );
    let speakers: Vec<&str> = all.iter().map(|(_, s, _)| s.as_str()).collect();
    let verbs: Vec<&str> = all.iter().map(|(_, _, v)| v.as_str()).collect();
    // “We are ready,” has three words: too short to be sure, it is not kept.
    assert_eq!(speakers, ["Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev"]);
    assert_eq!(verbs, ["said", "-"]);
}

#[test]
fn pronouns_resolve_to_an_earlier_mention() {
    // she → the nearest preceding person.
    let text =
        "Lavrov met Natalia Kharitonova in Moscow. “No decision has been made yet,” she said.";
    assert_eq!(speaker_verb(text), sv("Natalia Kharitonova", "said"));
    // they → the subject of the previous sentence, through its group noun.
    let text = "As reported by TASS, CSTO foreign ministers met the Taliban in Astana. “We are seriously concerned about the situation,” they said.";
    assert_eq!(
        speaker_verb(text),
        sv("Collective Security Treaty Organization", "said")
    );
    // they → the previous quotation's speaker when it is right before.
    let text = "CSTO officials spoke after the Taliban left. “We are seriously concerned about terrorism,” they said.\n\n“We emphasize the fight against drugs,” they added.";
    let all = found(text);
    let speakers: Vec<&str> = all.iter().map(|(_, s, _)| s.as_str()).collect();
    assert_eq!(speakers, ["Collective Security Treaty Organization"; 2]);
    // it → an organisation; a pronoun with nothing to point at stays empty.
    let text =
        "The Taliban rejected the claims. “Afghan soil will not be used against anyone,” it said.";
    assert_eq!(speaker_verb(text), sv("Taliban", "said"));
    assert_eq!(
        speaker_verb("“Afghan soil will not be used against anyone,” he said."),
        sv("-", "said")
    );
}

#[test]
fn british_single_quotes_with_possessives() {
    let (q, s, v) = one("Rahmon said: ‘Our members’ security cannot be taken for granted.’");
    assert_eq!(q, "‘Our members’ security cannot be taken for granted.’");
    assert_eq!((s.as_str(), v.as_str()), ("Emomali Rahmon", "said"));
    let text = "Rahmon said: ‘Our members’ security cannot be taken for granted.’";
    let off = Config {
        single_quotes: false,
        ..Config::default()
    };
    assert!(find_quotes(text, &annotate(text), &off).is_empty());
}

/// Any mix of marks, words and line breaks gives well-formed, ordered, disjoint quotes
/// whose speakers are mentions of the text; bad mention spans are ignored.
#[test]
fn arbitrary_texts_never_break_it() {
    const PIECES: &[&str] = &[
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "„",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "said",
        "Lavrov",
        "CSTO",
        ",",
        ".",
        "He",
        "they",
        "it",
        "word",
        "été",
        "according to",
        ":",
        "—",
        "s",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut text = String::new();
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let n = 5 + (seed >> 59) as usize * 3;
        for _ in 0..n {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
        }
        let mut annotations = annotate(&text);
        annotations.mentions.push(Mention {
            span: Span::new(1, text.len() + 5), // out of range: ignored
            label: Label::Person,
            canonical: "Bad".into(),
            extractor: Extractor::Model,
            confidence: 0.1,
            sentence: 0,
        });
        let quotes = find_quotes(&text, &annotations, &Config::default());
        let mut last_end = 0;
        for q in &quotes {
            assert!(
                q.span.start >= last_end && q.span.start < q.span.end,
                "{text:?}"
            );
            assert!(text.get(q.span.range()).is_some(), "{text:?}");
            if let Some(s) = q.speaker_span {
                assert!(annotations.mentions.iter().any(|m| m.span == s), "{text:?}");
            }
            last_end = q.span.end;
        }
    }
}

#[test]
fn fixtures() {
    insta::glob!("data/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(quotes(&text));
    });
}

#[test]
fn a_title_names_the_person_the_document_gave_it() {
    let q = "“We will keep the border closed for the whole winter,”";
    // The document named the spokesperson earlier: the title points back at her.
    let text = format!(
        "Natalia Kharitonova, spokesperson for the CSTO, spoke on Monday. {q} the spokesperson said."
    );
    assert_eq!(speaker_verb(&text), sv("Natalia Kharitonova", "said"));
    let text =
        format!("Russian Foreign Minister Sergey Lavrov arrived in Astana. The minister said: {q}");
    assert_eq!(speaker_verb(&text), sv("Sergey Lavrov", "said"));
    // No one in the document holds that title: no speaker.
    let text = format!("Natalia Kharitonova spoke on Monday. {q} the minister said.");
    assert_eq!(speaker_verb(&text), sv("-", "said"));
}
