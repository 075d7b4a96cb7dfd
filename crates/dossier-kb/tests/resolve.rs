//! Cross-document resolution on small hand-made corpora: merges that must happen, merges
//! that must not, place linking in context, the analyst's file, and co-occurrences.

use dossier_core::{Annotations, DocId, EntityKey, Extractor, Label, Mention, Resolution, Span};
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
        r.add(&DocId::new(format!("doc{n}")), a, text);
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
    // Names the knowledge base does not know: a transliteration variant needs shared context.
    let docs = vec![
        doc(
            "Nurlan Abdrakhmanov spoke in Almaty.",
            &[
                ("Nurlan Abdrakhmanov", Person, "Nurlan Abdrakhmanov"),
                ("Almaty", Gpe, "Almaty"),
            ],
        ),
        doc(
            "Nurlan Abdrahmanov met the CSTO.",
            &[
                ("Nurlan Abdrahmanov", Person, "Nurlan Abdrahmanov"),
                ("CSTO", Org, "Collective Security Treaty Organization"),
            ],
        ),
    ];
    let r = resolve(&docs, &UserConfig::default());
    assert_ne!(
        id_of(&r, Person, "Nurlan Abdrakhmanov"),
        id_of(&r, Person, "Nurlan Abdrahmanov")
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
fn a_transliteration_of_a_known_person_gets_the_kb_id() {
    let docs = vec![
        doc(
            "Amangali Tasmagambitov spoke in Almaty.",
            &[
                ("Amangali Tasmagambitov", Person, "Amangali Tasmagambitov"),
                ("Almaty", Gpe, "Almaty"),
            ],
        ),
        doc(
            "Kassym-Zhomart Tokaev met Emomali Rakhmon.",
            &[
                ("Kassym-Zhomart Tokaev", Person, "Kassym-Zhomart Tokaev"),
                ("Emomali Rakhmon", Person, "Emomali Rakhmon"),
            ],
        ),
    ];
    let r = resolve(&docs, &UserConfig::default());
    let kb = |name: &str| {
        let e = r.get(&EntityKey {
            label: Person,
            name: name.to_string(),
        });
        let e = e.unwrap();
        (e.name.as_str(), e.kb_id.as_deref(), e.role.as_deref())
    };
    assert_eq!(
        kb("Amangali Tasmagambitov"),
        (
            "Imangali Tasmagambetov",
            Some("kb:imangali-tasmagambetov"),
            Some("official")
        )
    );
    assert_eq!(
        kb("Kassym-Zhomart Tokaev"),
        (
            "Kassym-Jomart Tokayev",
            Some("kb:kassym-jomart-tokayev"),
            Some("head_of_state")
        )
    );
    assert_eq!(
        kb("Emomali Rakhmon"),
        (
            "Emomali Rahmon",
            Some("kb:emomali-rahmon"),
            Some("head_of_state")
        )
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

fn gpe(name: &str) -> EntityKey {
    EntityKey {
        label: Gpe,
        name: name.to_string(),
    }
}

fn moscow_in_russia() -> (String, Annotations) {
    doc(
        "Officials in Moscow said Russia would respond. The Kremlin agreed.",
        &[
            ("Moscow", Gpe, "Moscow"),
            ("Russia", Gpe, "Russia"),
            ("Kremlin", Org, "Kremlin"),
        ],
    )
}

fn moscow_in_idaho() -> (String, Annotations) {
    doc(
        "The council of Moscow met in Idaho. Boise officials came too. Moscow voted.",
        &[
            ("Moscow", Gpe, "Moscow"),
            ("Idaho", Gpe, "Idaho"),
            ("Boise", Gpe, "Boise"),
            ("Moscow", Gpe, "Moscow"),
        ],
    )
}

#[test]
fn one_name_two_places_in_two_documents() {
    let r = resolve(
        &[moscow_in_russia(), moscow_in_idaho()],
        &UserConfig::default(),
    );
    let in_russia = r.get_in("doc0", &gpe("Moscow")).unwrap();
    let in_idaho = r.get_in("doc1", &gpe("Moscow")).unwrap();
    assert_eq!(in_russia.id, "gpe:moscow");
    assert_eq!(in_russia.kb_id.as_deref(), Some("geonames:524901"));
    assert_eq!(in_russia.geo.as_ref().unwrap().country, "RU");
    assert_eq!(in_idaho.id, "gpe:moscow-idaho");
    assert_eq!(in_idaho.name, "Moscow, Idaho");
    let geo = in_idaho.geo.as_ref().unwrap();
    assert_eq!(
        in_idaho.kb_id,
        Some(format!("geonames:{}", geo.geonames_id))
    );
    assert_eq!(geo.country, "US");
    assert_eq!(in_idaho.aliases, ["Moscow"]);
    assert_eq!((in_russia.n_mentions, in_russia.n_documents), (1, 1));
    assert_eq!((in_idaho.n_mentions, in_idaho.n_documents), (2, 1));
    // Every mention of each document resolves through `get_in` to its own place.
    for (doc, (_, a)) in [moscow_in_russia(), moscow_in_idaho()].iter().enumerate() {
        for m in a.mentions.iter().filter(|m| m.canonical == "Moscow") {
            let e = r.get_in(&format!("doc{doc}"), &EntityKey::of(m)).unwrap();
            assert_eq!(e.geo.as_ref().unwrap().country, ["RU", "US"][doc]);
        }
    }
    // Only the Idaho document is an exception.
    assert_eq!(r.overrides.len(), 1);
    // Co-occurrences count each document under the place it read.
    let pairs: Vec<(&str, &str, u64)> = r
        .cooccurrences
        .iter()
        .map(|c| (c.a.as_str(), c.b.as_str(), c.n_documents))
        .collect();
    assert_eq!(
        pairs,
        [
            ("gpe:idaho", "gpe:moscow-idaho", 1),
            ("gpe:moscow", "gpe:russia", 1),
        ]
    );
    insta::assert_snapshot!(render(&r));
}

#[test]
fn the_reading_does_not_depend_on_document_order() {
    let forward = resolve(
        &[moscow_in_russia(), moscow_in_russia(), moscow_in_idaho()],
        &UserConfig::default(),
    );
    let backward = resolve(
        &[moscow_in_idaho(), moscow_in_russia(), moscow_in_russia()],
        &UserConfig::default(),
    );
    assert_eq!(forward.entities, backward.entities);
    assert_eq!(forward.cooccurrences, backward.cooccurrences);
    // The context-free reading (Moscow, Russia) is the corpus-wide one, whichever document
    // came first: only the Idaho document is kept as an exception.
    assert_eq!(forward.overrides.len(), 1);
    assert_eq!(backward.overrides.len(), 1);
    let russia = forward.get(&gpe("Moscow")).unwrap();
    assert_eq!((russia.n_mentions, russia.n_documents), (2, 2));
    assert_eq!(
        backward.get_in("doc0", &gpe("Moscow")).unwrap().id,
        "gpe:moscow-idaho"
    );
    assert_eq!(
        backward.get_in("doc2", &gpe("Moscow")).unwrap().id,
        "gpe:moscow"
    );
}

#[test]
fn a_corpus_that_only_reads_the_other_place_needs_no_exception() {
    let r = resolve(
        &[moscow_in_idaho(), moscow_in_idaho()],
        &UserConfig::default(),
    );
    assert!(r.overrides.is_empty());
    let e = r.get(&gpe("Moscow")).unwrap();
    assert_eq!(
        (e.id.as_str(), e.name.as_str()),
        ("gpe:moscow-idaho", "Moscow, Idaho")
    );
    assert_eq!((e.n_mentions, e.n_documents), (4, 2));
    assert_eq!(e.aliases, ["Moscow"]);
    assert!(!r.entities.iter().any(|e| e.id == "gpe:moscow"));
}

#[test]
fn georgia_the_country_and_the_us_state_in_one_corpus() {
    let country = doc(
        "Georgia sent troops from Tbilisi.",
        &[("Georgia", Gpe, "Georgia"), ("Tbilisi", Gpe, "Tbilisi")],
    );
    let state = doc(
        "Georgia voters in Atlanta queued.",
        &[("Georgia", Gpe, "Georgia"), ("Atlanta", Gpe, "Atlanta")],
    );
    for docs in [
        vec![country.clone(), state.clone()],
        vec![state.clone(), country.clone()],
    ] {
        let r = resolve(&docs, &UserConfig::default());
        let (c, s) = if docs[0] == country {
            ("doc0", "doc1")
        } else {
            ("doc1", "doc0")
        };
        let c = r.get_in(c, &gpe("Georgia")).unwrap();
        let s = r.get_in(s, &gpe("Georgia")).unwrap();
        assert_eq!(
            (c.id.as_str(), c.kb_id.as_deref()),
            ("gpe:georgia", Some("geonames:614540"))
        );
        assert_eq!(
            (s.id.as_str(), s.name.as_str(), s.kb_id.as_deref()),
            (
                "gpe:georgia-u-s-state",
                "Georgia (U.S. state)",
                Some("geonames:4197000")
            )
        );
        assert_eq!((c.n_documents, s.n_documents), (1, 1));
        assert_eq!(r.overrides.len(), 1);
    }
}

#[test]
fn an_exception_joins_the_entity_already_linked_to_its_place() {
    // A document whose entity stage already named the state in full.
    let state = doc(
        "Georgia voters queued.",
        &[("Georgia", Gpe, "Georgia (U.S. state)")],
    );
    let atlanta = doc(
        "Georgia voters in Atlanta queued.",
        &[("Georgia", Gpe, "Georgia"), ("Atlanta", Gpe, "Atlanta")],
    );
    let tbilisi = doc(
        "Georgia sent troops from Tbilisi.",
        &[("Georgia", Gpe, "Georgia"), ("Tbilisi", Gpe, "Tbilisi")],
    );
    let r = resolve(&[state, atlanta, tbilisi], &UserConfig::default());
    let s = r.get_in("doc1", &gpe("Georgia")).unwrap();
    assert_eq!(s, r.get(&gpe("Georgia (U.S. state)")).unwrap());
    assert_eq!((s.n_mentions, s.n_documents), (2, 2));
    assert_eq!(s.aliases, ["Georgia"]);
    assert_eq!(r.get_in("doc2", &gpe("Georgia")).unwrap().id, "gpe:georgia");
    let georgias = r.entities.iter().filter(|e| e.name.starts_with("Georgia"));
    assert_eq!(georgias.count(), 2);
}

#[test]
fn the_analyst_can_say_which_place_a_name_is_and_watch_one_reading() {
    let docs = [moscow_in_russia(), moscow_in_idaho()];
    // Watching a place by its GeoNames id marks only that reading.
    let watch = UserConfig::parse("[[watch]]\nname = \"geonames:5601538\"\n").unwrap();
    let r = resolve(&docs, &watch);
    let watched: Vec<&str> = r
        .entities
        .iter()
        .filter(|e| e.watched)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(watched, ["gpe:moscow-idaho"]);
    // An alias to a qualified place name links every document's "Moscow" there.
    let alias = UserConfig::parse(
        "[[alias]]\nlabel = \"GPE\"\nname = \"Moscow, Idaho\"\naliases = [\"Moscow\"]\n",
    )
    .unwrap();
    let r = resolve(&docs, &alias);
    assert!(r.overrides.is_empty());
    let e = r.get(&gpe("Moscow")).unwrap();
    assert_eq!(
        (e.id.as_str(), e.kb_id.as_deref(), e.n_documents),
        ("gpe:moscow-idaho", Some("geonames:5601538"), 2)
    );
    assert_eq!(
        r.entities
            .iter()
            .filter(|e| e.name.contains("Moscow"))
            .count(),
        1
    );
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
