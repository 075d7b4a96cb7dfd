//! Cross-document resolution on small hand-made corpora: merges that must happen, merges
//! that must not, place linking in context, the analyst's file, and co-occurrences.

use dossier_core::{Annotations, EntityKey, Extractor, Label, Mention, Resolution, Span};
use dossier_kb::{Kb, Resolver, UserConfig};

/// A document: its text (sentences end with ". ") and its mentions as (surface, label,
/// canonical), in reading order; each surface is found after the previous one.
fn doc(text: &str, mentions: &[(&str, Label, &str)]) -> (String, Annotations) {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        sentences.push(Span::new(start, i + 1));
        start = i + 2;
    }
    if start < text.len() {
        sentences.push(Span::new(start, text.len()));
    }
    let mut at = 0;
    let mut out = Vec::new();
    for &(surface, label, canonical) in mentions {
        let s = at
            + text[at..]
                .find(surface)
                .unwrap_or_else(|| panic!("{surface:?} not in {text:?}"));
        let span = Span::new(s, s + surface.len());
        at = span.end;
        out.push(Mention {
            span,
            label,
            canonical: canonical.to_string(),
            extractor: Extractor::Rule,
            confidence: 0.8,
            sentence: sentences.iter().position(|x| x.contains(span)).unwrap(),
        });
    }
    (
        text.to_string(),
        Annotations {
            sentences,
            mentions: out,
        },
    )
}

fn resolve(docs: &[(String, Annotations)], config: &UserConfig) -> Resolution {
    let mut r = Resolver::new(Kb::embedded(), config);
    for (n, (text, a)) in docs.iter().enumerate() {
        r.add(&format!("doc{n}"), a, text);
    }
    r.finish()
}

fn id_of<'r>(r: &'r Resolution, label: Label, name: &str) -> &'r str {
    let key = EntityKey {
        label,
        name: name.to_string(),
    };
    &r.get(&key)
        .unwrap_or_else(|| panic!("{name} unresolved"))
        .id
}

/// One line per entity and per co-occurrence.
fn render(r: &Resolution) -> String {
    let mut s = String::new();
    for e in &r.entities {
        let geo = e.geo.as_ref().map_or(String::new(), |g| {
            format!(
                " geo={} {:.2},{:.2} {}",
                g.geonames_id, g.lat, g.lon, g.country
            )
        });
        s += &format!(
            "{} {:?} aliases={:?} kb={} role={} mentions={} docs={}{}{}\n",
            e.id,
            e.name,
            e.aliases.join(" | "),
            e.kb_id.as_deref().unwrap_or("-"),
            e.role.as_deref().unwrap_or("-"),
            e.n_mentions,
            e.n_documents,
            geo,
            if e.watched { " WATCHED" } else { "" }
        );
    }
    for c in &r.cooccurrences {
        s += &format!(
            "co {} + {} sentences={} documents={}\n",
            c.a, c.b, c.n_sentences, c.n_documents
        );
    }
    s
}

use Label::{Gpe, Norp, Org, Person};

fn csto_corpus() -> Vec<(String, Annotations)> {
    vec![
        doc(
            "Amangali Tasmagambitov, Secretary General of the CSTO, spoke in Moscow. Russia agreed.",
            &[
                ("Amangali Tasmagambitov", Person, "Amangali Tasmagambitov"),
                ("CSTO", Org, "Collective Security Treaty Organization"),
                ("Moscow", Gpe, "Moscow"),
                ("Russia", Gpe, "Russia"),
            ],
        ),
        doc(
            "CSTO Secretary General Imangali Tasmagambetov met ISKP experts. Tasmagambetov left.",
            &[
                ("CSTO", Org, "Collective Security Treaty Organization"),
                ("Imangali Tasmagambetov", Person, "Imangali Tasmagambetov"),
                ("ISKP", Org, "ISKP"),
                ("Tasmagambetov", Person, "Imangali Tasmagambetov"),
            ],
        ),
        doc(
            "The Collective Security Treaty Organization (CSTO) named ISIS-K and Daesh. Islamic State Khorasan Province grew. ISIL did too.",
            &[
                (
                    "Collective Security Treaty Organization",
                    Org,
                    "Collective Security Treaty Organization",
                ),
                ("CSTO", Org, "Collective Security Treaty Organization"),
                ("ISIS-K", Org, "ISIS-K"),
                ("Daesh", Org, "Daesh"),
                (
                    "Islamic State Khorasan Province",
                    Org,
                    "Islamic State Khorasan Province",
                ),
                ("ISIL", Org, "ISIL"),
            ],
        ),
    ]
}

#[test]
fn transliterations_and_kb_aliases_merge() {
    let r = resolve(&csto_corpus(), &UserConfig::default());
    let tasm = id_of(&r, Person, "Imangali Tasmagambetov");
    assert_eq!(tasm, id_of(&r, Person, "Amangali Tasmagambitov"));
    let isk = id_of(&r, Org, "ISKP");
    assert_eq!(isk, id_of(&r, Org, "ISIS-K"));
    assert_eq!(isk, id_of(&r, Org, "Islamic State Khorasan Province"));
    assert_eq!(isk, "org:islamic-state-khorasan-province");
    assert_eq!(id_of(&r, Org, "Daesh"), id_of(&r, Org, "ISIL"));
    assert_ne!(
        id_of(&r, Org, "Daesh"),
        isk,
        "the province is not the whole group"
    );
    insta::assert_snapshot!(render(&r));
}

#[test]
fn two_people_sharing_a_surname_never_merge() {
    let docs = vec![
        doc(
            "Sirajuddin Haqqani spoke to the Taliban. Haqqani left.",
            &[
                ("Sirajuddin Haqqani", Person, "Sirajuddin Haqqani"),
                ("Taliban", Org, "Taliban"),
                ("Haqqani", Person, "Sirajuddin Haqqani"),
            ],
        ),
        doc(
            "Khalil-ur-Rahman Haqqani, a Taliban minister, was killed. Haqqani was buried.",
            &[
                (
                    "Khalil-ur-Rahman Haqqani",
                    Person,
                    "Khalil-ur-Rahman Haqqani",
                ),
                ("Taliban", Org, "Taliban"),
                ("Haqqani", Person, "Khalil-ur-Rahman Haqqani"),
            ],
        ),
        doc(
            "Haqqani and the Taliban met.",
            &[("Haqqani", Person, "Haqqani"), ("Taliban", Org, "Taliban")],
        ),
    ];
    let r = resolve(&docs, &UserConfig::default());
    let s = id_of(&r, Person, "Sirajuddin Haqqani");
    let k = id_of(&r, Person, "Khalil-ur-Rahman Haqqani");
    assert_ne!(s, k);
    // The bare surname has two candidates: it stays its own entity.
    let bare = id_of(&r, Person, "Haqqani");
    assert!(bare != s && bare != k, "{bare}");
}

#[test]
fn similar_names_without_shared_context_stay_apart() {
    let docs = vec![
        doc(
            "Amangali Tasmagambitov spoke in Almaty.",
            &[
                ("Amangali Tasmagambitov", Person, "Amangali Tasmagambitov"),
                ("Almaty", Gpe, "Almaty"),
            ],
        ),
        doc(
            "Imangali Tasmagambetov met the CSTO.",
            &[
                ("Imangali Tasmagambetov", Person, "Imangali Tasmagambetov"),
                ("CSTO", Org, "Collective Security Treaty Organization"),
            ],
        ),
    ];
    let r = resolve(&docs, &UserConfig::default());
    assert_ne!(
        id_of(&r, Person, "Imangali Tasmagambetov"),
        id_of(&r, Person, "Amangali Tasmagambitov")
    );
    // Different first names with one surname and shared context: never merged.
    let docs = vec![
        doc(
            "Raul Castro spoke for the CSTO.",
            &[
                ("Raul Castro", Person, "Raul Castro"),
                ("CSTO", Org, "Collective Security Treaty Organization"),
            ],
        ),
        doc(
            "Fidel Castro spoke for the CSTO.",
            &[
                ("Fidel Castro", Person, "Fidel Castro"),
                ("CSTO", Org, "Collective Security Treaty Organization"),
            ],
        ),
    ];
    let r = resolve(&docs, &UserConfig::default());
    assert_ne!(
        id_of(&r, Person, "Raul Castro"),
        id_of(&r, Person, "Fidel Castro")
    );
}

#[test]
fn georgia_the_country_and_the_us_state_link_apart() {
    let country = vec![doc(
        "Georgia sent troops from Tbilisi.",
        &[("Georgia", Gpe, "Georgia"), ("Tbilisi", Gpe, "Tbilisi")],
    )];
    let state = vec![doc(
        "Georgia voters in Atlanta queued.",
        &[("Georgia", Gpe, "Georgia"), ("Atlanta", Gpe, "Atlanta")],
    )];
    let geo = |docs: &[(String, Annotations)]| {
        let r = resolve(docs, &UserConfig::default());
        let e = r
            .get(&EntityKey {
                label: Gpe,
                name: "Georgia".into(),
            })
            .unwrap()
            .clone();
        (e.kb_id.unwrap(), e.geo.unwrap().country)
    };
    assert_eq!(geo(&country), ("geonames:614540".into(), "GE".into()));
    assert_eq!(geo(&state), ("geonames:4197000".into(), "US".into()));
}

#[test]
fn the_analysts_file_adds_aliases_forces_merges_and_splits_and_watches() {
    let config = UserConfig::parse(
        r#"
[[alias]]
label = "ORG"
name = "RASC News"
aliases = ["RASC News Agency"]

[[split]]
label = "PERSON"
names = ["Imangali Tasmagambetov", "Amangali Tasmagambitov"]

[[merge]]
label = "GPE"
names = ["Kabul", "Kabul City"]

[[watch]]
label = "PERSON"
name = "Tasmagambetov"

[[watch]]
name = "ISIS-K"
"#,
    )
    .unwrap();
    let mut docs = csto_corpus();
    docs.push(doc(
        "RASC News Agency reported from Kabul City. Kabul was calm.",
        &[
            ("RASC News Agency", Org, "RASC News Agency"),
            ("Kabul City", Gpe, "Kabul City"),
            ("Kabul", Gpe, "Kabul"),
        ],
    ));
    let r = resolve(&docs, &config);
    assert_eq!(id_of(&r, Org, "RASC News Agency"), "org:rasc-news");
    assert_eq!(id_of(&r, Gpe, "Kabul City"), id_of(&r, Gpe, "Kabul"));
    assert_ne!(
        id_of(&r, Person, "Imangali Tasmagambetov"),
        id_of(&r, Person, "Amangali Tasmagambitov"),
        "the split wins over the transliteration rule"
    );
    let watched: Vec<&str> = r
        .entities
        .iter()
        .filter(|e| e.watched)
        .map(|e| e.id.as_str())
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
fn cooccurrences_count_sentences_and_documents() {
    let docs = vec![
        doc(
            "Russia and Kazakhstan met. Russia and Kazakhstan agreed. Afghan officials waited.",
            &[
                ("Russia", Gpe, "Russia"),
                ("Kazakhstan", Gpe, "Kazakhstan"),
                ("Russia", Gpe, "Russia"),
                ("Kazakhstan", Gpe, "Kazakhstan"),
                ("Afghan", Norp, "Afghan"),
            ],
        ),
        doc(
            "Kazakhstan and Russia met again.",
            &[("Kazakhstan", Gpe, "Kazakhstan"), ("Russia", Gpe, "Russia")],
        ),
    ];
    let r = resolve(&docs, &UserConfig::default());
    assert_eq!(r.cooccurrences.len(), 1);
    let c = &r.cooccurrences[0];
    assert_eq!(
        (c.a.as_str(), c.b.as_str(), c.n_sentences, c.n_documents),
        ("gpe:kazakhstan", "gpe:russia", 3, 2)
    );
    let russia = r.entities.iter().find(|e| e.id == "gpe:russia").unwrap();
    assert_eq!(russia.kb_id.as_deref(), Some("geonames:2017370"));
    assert_eq!(russia.geo.as_ref().unwrap().country, "RU");
}

#[test]
fn one_name_two_places_in_two_documents() {
    let russia = doc(
        "Officials in Moscow said Russia would respond. The Kremlin agreed.",
        &[
            ("Moscow", Label::Gpe, "Moscow"),
            ("Russia", Label::Gpe, "Russia"),
        ],
    );
    let russia2 = doc(
        "Moscow hosted the talks. Russia sent envoys.",
        &[
            ("Moscow", Label::Gpe, "Moscow"),
            ("Russia", Label::Gpe, "Russia"),
        ],
    );
    let idaho = doc(
        "The council of Moscow met in Idaho. Boise officials came too.",
        &[
            ("Moscow", Label::Gpe, "Moscow"),
            ("Idaho", Label::Gpe, "Idaho"),
            ("Boise", Label::Gpe, "Boise"),
        ],
    );
    let r = resolve(&[russia, russia2, idaho], &UserConfig::default());
    let key = EntityKey {
        label: Label::Gpe,
        name: "Moscow".to_string(),
    };
    let in_russia = r.get_in("doc0", &key).unwrap();
    let in_idaho = r.get_in("doc2", &key).unwrap();
    assert_eq!(in_russia.geo.as_ref().unwrap().country, "RU");
    assert_eq!(in_idaho.geo.as_ref().unwrap().country, "US");
    assert_ne!(in_russia.id, in_idaho.id);
    assert_eq!(in_idaho.name, "Moscow, Idaho");
    assert_eq!((in_russia.n_mentions, in_russia.n_documents), (2, 2));
    assert_eq!((in_idaho.n_mentions, in_idaho.n_documents), (1, 1));
    // Without an exception, a document gets the corpus-wide reading.
    assert_eq!(r.get_in("doc1", &key).unwrap().id, in_russia.id);
}

#[test]
fn a_city_comma_region_apposition_picks_places_that_agree() {
    let d = doc(
        "Boeing builds the plane in Everett, Washington. Washington hosted talks.",
        &[
            ("Everett", Label::Gpe, "Everett"),
            ("Washington", Label::Gpe, "Washington"),
            ("Washington", Label::Gpe, "Washington"),
        ],
    );
    let r = resolve(&[d], &UserConfig::default());
    let key = |name: &str| EntityKey {
        label: Label::Gpe,
        name: name.to_string(),
    };
    let state = r.get_in("doc0", &key("Washington")).unwrap();
    let city = r.get_in("doc0", &key("Everett")).unwrap();
    let (s, c) = (state.geo.as_ref().unwrap(), city.geo.as_ref().unwrap());
    assert_eq!((s.country.as_str(), c.country.as_str()), ("US", "US"));
    // The state of Washington, not the capital: its point is its largest city, Seattle.
    assert!(s.lon < -120.0, "{state:?}");
    assert!(c.lon < -120.0, "{city:?}");
    assert_eq!(state.name, "Washington");
}
