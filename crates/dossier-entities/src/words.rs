//! Closed word lists the rules use: titles, organisation heads, roles, speech verbs, and
//! the lower-case lexicon built from the NER corpora (`lexicon/lowercase.txt`).

use std::collections::HashSet;

/// Lower-case words of the CC BY / CC BY-SA NER corpora (see `lexicon/build_lexicon.py`).
const LOWERCASE: &str = include_str!("../lexicon/lowercase.txt");

/// Given names: first words of multi-word person names in the same corpora (see
/// `lexicon/build_given_names.py`).
const GIVEN_NAMES: &str = include_str!("../lexicon/given_names.txt");

/// Surnames and given names of the US Census Bureau's 1990 name files (public domain; see
/// `lexicon/build_census_wordfreq.py`): tagger features only.
const SURNAMES: &str = include_str!("../lexicon/surnames.txt");
const FIRST_NAMES: &str = include_str!("../lexicon/first_names.txt");

/// One-word place names of GeoNames (CC BY 4.0): a tagger feature.
const PLACES: &str = include_str!("../lexicon/places.txt");

/// English words by Zipf frequency band, from wordfreq (CC BY-SA 4.0): a tagger feature.
const ZIPF: &str = include_str!("../lexicon/zipf.txt");

/// Word classes from the GloVe vectors (public domain, PDDL): a tagger feature.
const CLUSTERS: &str = include_str!("../lexicon/clusters.txt");

fn list_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The census surnames ("Smith", …, 88,799 of them).
pub(crate) fn surnames() -> impl Iterator<Item = &'static str> {
    list_lines(SURNAMES)
}

/// One-word place names ("Kabul", "Almaty", …).
pub(crate) fn places() -> impl Iterator<Item = &'static str> {
    list_lines(PLACES)
}

/// The census given names.
pub(crate) fn first_names() -> impl Iterator<Item = &'static str> {
    list_lines(FIRST_NAMES)
}

/// Lower-case words with their whole Zipf band (2–7).
pub(crate) fn zipf_bands() -> impl Iterator<Item = (&'static str, u8)> {
    let mut band = 0u8;
    list_lines(ZIPF).filter_map(move |l| match l.strip_prefix('@') {
        Some(n) => {
            band = n.parse().unwrap_or(0);
            None
        }
        None => Some((l, band)),
    })
}

/// Lower-case words with their fine word class, and the middle and coarse class of each
/// fine class, indexed by the fine class.
pub(crate) fn word_clusters() -> (impl Iterator<Item = (&'static str, u16)>, Vec<(u16, u16)>) {
    let words = list_lines(CLUSTERS).filter_map(|l| {
        let (w, c) = l.split_once('\t')?;
        Some((w, c.parse().ok()?))
    });
    let mut nest = Vec::new();
    for l in list_lines(CLUSTERS) {
        let Some(ids) = l.strip_prefix('=') else {
            continue;
        };
        let ids: Vec<u16> = ids.split(' ').filter_map(|n| n.parse().ok()).collect();
        if let [fine, mid, coarse] = ids[..] {
            let fine = usize::from(fine);
            if nest.len() <= fine {
                nest.resize(fine + 1, (0, 0));
            }
            nest[fine] = (mid, coarse);
        }
    }
    (words, nest)
}

/// The lower-case lexicon, for telling a capitalised common word ("Despite") from a name,
/// and a list of given names.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    words: HashSet<&'static str>,
    given: HashSet<&'static str>,
}

impl Lexicon {
    pub(crate) fn embedded() -> Lexicon {
        let list = |text: &'static str| {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        };
        Lexicon {
            words: list(LOWERCASE),
            given: list(GIVEN_NAMES),
        }
    }

    /// Is `word` a known given name ("Sergey", "Maria")?
    pub(crate) fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word) && !is_title_word(word)
    }

    /// The lower-case common words.
    pub(crate) fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }

    /// The given names.
    pub(crate) fn given_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.given.iter().copied()
    }

    /// Is the lower-cased `word` a common English word?
    pub(crate) fn contains(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.words.contains(lower.as_str())
    }
}

fn has(list: &[&str], word: &str) -> bool {
    let lower = word.to_lowercase();
    list.contains(&lower.as_str())
}

/// Head nouns of titles and honorifics: a name after them is a person.
const TITLE_HEADS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "secretary-general",
    "chairman",
    "chairwoman",
    "chairperson",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "governor",
    "mayor",
    "senator",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "emir",
    "commander",
    "general",
    "colonel",
    "lieutenant",
    "captain",
    "sergeant",
    "admiral",
    "marshal",
    "director",
    "director-general",
    "envoy",
    "judge",
    "pope",
    "bishop",
    "imam",
    "mullah",
    "mawlawi",
    "maulvi",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "maj",
    "adm",
    "sen",
    "rep",
    "gov",
    "rev",
    "hon",
    "premier",
    "chancellor",
    "speaker",
    "commissioner",
    "advisor",
    "adviser",
    "president-elect",
    "vice-president",
    "representative",
    "congressman",
    "congresswoman",
    "sultan",
    "ayatollah",
    "cleric",
    "coach",
    "chief",
    "officer",
    "ceo",
    "deputy",
    "emperor",
    "dictator",
    "leader",
    "administrator",
    "astronaut",
    "justice",
    "pastor",
    "father",
    "sister",
    "brother",
];

/// Words that may precede a title head inside a title ("Foreign Minister", "Prime
/// Minister", "Deputy Secretary General").
const TITLE_MODIFIERS: &[&str] = &[
    "foreign",
    "defense",
    "defence",
    "interior",
    "prime",
    "deputy",
    "vice",
    "acting",
    "former",
    "executive",
    "assistant",
    "special",
    "chief",
    "senior",
    "general",
    "supreme",
    "attorney",
    "state",
    "finance",
    "economy",
    "health",
    "education",
    "justice",
    "trade",
    "energy",
    "first",
    "crown",
    "grand",
    "lord",
    "lieutenant",
    "major",
    "brigadier",
    "press",
    "presidential",
    "regional",
    "national",
    "security",
    "military",
    "army",
    "police",
    "provincial",
    "district",
    "permanent",
    "high",
    "secretary",
    "then",
];

/// Organisation head nouns: a capitalised sequence ending in one (or starting with one
/// followed by "of") names an organisation.
const ORG_HEADS: &[&str] = &[
    "ministry",
    "council",
    "organization",
    "organisation",
    "agency",
    "group",
    "committee",
    "commission",
    "department",
    "bank",
    "party",
    "front",
    "army",
    "movement",
    "university",
    "institute",
    "center",
    "centre",
    "association",
    "union",
    "court",
    "office",
    "service",
    "services",
    "corporation",
    "news",
    "company",
    "foundation",
    "federation",
    "alliance",
    "assembly",
    "parliament",
    "police",
    "forces",
    "brigade",
    "brigades",
    "network",
    "coalition",
    "authority",
    "board",
    "bureau",
    "fund",
    "programme",
    "society",
    "league",
    "times",
    "post",
    "tribune",
    "herald",
    "gazette",
    "journal",
    "daily",
    "television",
    "tv",
    "radio",
    "broadcasting",
    "airlines",
    "airways",
    "inc",
    "ltd",
    "corp",
    "llc",
    "secretariat",
    "directorate",
    "administration",
    "guard",
    "corps",
    "command",
    "academy",
    "college",
    "school",
    "hospital",
    "institution",
    "conference",
    "cooperation",
    "partnership",
    "initiative",
    "trust",
    "bloc",
    "senate",
    "congress",
    "cabinet",
    "ministries",
    "emirate",
    "battalion",
    "regiment",
    "squadron",
    "fleet",
    "division",
    "unit",
    "squad",
    "militia",
    "press",
    "media",
    "channel",
    "magazine",
    "newspaper",
    "observatory",
    "watch",
    "international",
    "industries",
    "holdings",
    "technologies",
    "systems",
    "motors",
    "petroleum",
];

/// Organisation heads that may start a name before "of" ("Ministry of …", "Bank of …").
const ORG_HEADS_FIRST: &[&str] = &[
    "ministry",
    "council",
    "organization",
    "organisation",
    "agency",
    "committee",
    "commission",
    "department",
    "bank",
    "party",
    "front",
    "army",
    "movement",
    "university",
    "institute",
    "center",
    "centre",
    "association",
    "union",
    "court",
    "office",
    "service",
    "corporation",
    "federation",
    "alliance",
    "assembly",
    "league",
    "board",
    "bureau",
    "fund",
    "society",
    "secretariat",
    "directorate",
    "administration",
    "academy",
    "college",
    "school",
    "conference",
    "cabinet",
    "government",
    "parliament",
    "house",
    "church",
    "people's",
    "museum",
    "embassy",
    "consulate",
    "mission",
    "order",
];

/// Role nouns of an appositive after a person's name ("X, a researcher at …").
const ROLE_NOUNS: &[&str] = &[
    "researcher",
    "analyst",
    "expert",
    "professor",
    "journalist",
    "reporter",
    "correspondent",
    "official",
    "leader",
    "founder",
    "co-founder",
    "head",
    "member",
    "lawyer",
    "activist",
    "scholar",
    "author",
    "writer",
    "editor",
    "economist",
    "politician",
    "diplomat",
    "lecturer",
    "fellow",
    "student",
    "resident",
    "citizen",
    "representative",
    "executive",
    "coordinator",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chief",
    "deputy",
    "director",
    "chairman",
    "minister",
    "president",
    "secretary",
    "secretary-general",
    "ambassador",
    "envoy",
    "commander",
    "governor",
    "mayor",
    "senator",
    "adviser",
    "advisor",
    "consultant",
    "specialist",
    "historian",
    "scientist",
    "engineer",
    "doctor",
    "physician",
    "teacher",
    "farmer",
    "businessman",
    "businesswoman",
    "entrepreneur",
    "investor",
    "ceo",
    "manager",
    "candidate",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "aide",
    "negotiator",
    "mediator",
    "observer",
    "commentator",
    "columnist",
    "blogger",
    "activist",
    "survivor",
    "victim",
    "witness",
    "veteran",
    "officer",
    "soldier",
    "fighter",
    "militant",
    "cleric",
    "imam",
    "former",
    "retired",
    "senior",
    "longtime",
    "prominent",
    "well-known",
    "renowned",
    "veteran",
    "acting",
    "then",
];

/// Verbs of saying: "X said" names a person when X is a two- or three-word name.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "stated",
    "states",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "notes",
    "explained",
    "explains",
    "emphasized",
    "emphasised",
    "asserted",
    "argued",
    "announced",
    "warned",
    "wrote",
    "writes",
    "claimed",
    "insisted",
    "stressed",
    "underscored",
    "highlighted",
    "declared",
    "urged",
    "confirmed",
    "denied",
    "replied",
    "commented",
    "remarked",
    "believes",
    "thinks",
    "recalled",
    "acknowledged",
    "admitted",
    "revealed",
    "pointed",
    "described",
    "suggested",
    "predicted",
    "accused",
    "praised",
    "criticized",
    "criticised",
    "called",
    "asked",
    "answered",
    "responded",
    "tweeted",
    "posted",
];

/// Nouns that name a news outlet next to its name ("newspaper Izvestia", "TASS news
/// agency").
const MEDIA_BEFORE: &[&str] = &[
    "newspaper",
    "broadcaster",
    "channel",
    "daily",
    "outlet",
    "magazine",
    "agency",
    "website",
    "network",
    "weekly",
    "tabloid",
    "station",
    "broadcasters",
    "newspapers",
    "portal",
    "publication",
    "paper",
];
const MEDIA_AFTER_ONE: &[&str] = &[
    "newspaper",
    "broadcaster",
    "daily",
    "magazine",
    "tabloid",
    "weekly",
    "outlet",
    "website",
    "channel",
];
const MEDIA_AFTER_FIRST: &[&str] = &["news", "tv", "television", "radio", "media", "press"];
const MEDIA_AFTER_SECOND: &[&str] = &[
    "agency", "channel", "station", "outlet", "website", "network", "service", "portal",
];

/// Lower-case words allowed inside a name between capitalised words.
const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "de", "du", "des", "la", "le", "al", "el", "bin", "ibn", "van",
    "von", "der", "den", "da", "di", "on", "&", "y", "e", "del",
];

/// Lower-case parts that may sit inside a hyphenated name (Khalil-ur-Rahman,
/// Tahrik-i-Taliban, Jaish-e-Mohammed).
const NAME_INFIXES: &[&str] = &[
    "ur", "ul", "al", "el", "i", "e", "o", "ud", "ad", "ar", "as", "an", "un", "bin", "ibn", "de",
    "la", "le", "du", "din", "ud-din", "sur", "ut", "at", "az",
];

/// Prefixes of a hyphenated adjective that stay inside a NORP span ("post-Soviet").
const NORP_PREFIXES: &[&str] = &["post", "pre", "pan", "neo", "proto"];

/// Direction adjectives kept outside a place name ("northern Afghanistan").
const DIRECTIONS: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "north",
    "south",
    "east",
    "west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "central",
    "greater",
    "upper",
    "lower",
];

/// Prepositions that license an ambiguous place name ("in Mobile", "from Nice").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "from",
    "to",
    "at",
    "near",
    "across",
    "into",
    "via",
    "outside",
    "inside",
    "towards",
    "toward",
    "around",
    "throughout",
    "through",
    "visited",
    "visit",
];

/// Function words ignored when deciding whether a line is in Title Case.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "but", "in", "on", "at", "to", "for", "from", "with",
    "by", "as", "over", "into", "about", "after", "via", "amid", "vs", "is", "are", "its", "up",
    "out", "off", "than", "that", "per", "nor", "so", "yet",
];

/// Title heads ("minister", "mr").
pub(crate) fn title_heads() -> impl Iterator<Item = &'static str> {
    TITLE_HEADS.iter().copied()
}
/// Organisation heads ("ministry", "bank") of both positions.
pub(crate) fn org_heads() -> impl Iterator<Item = &'static str> {
    ORG_HEADS.iter().chain(ORG_HEADS_FIRST).copied()
}
/// Speech verbs ("said").
pub(crate) fn speech_verbs() -> impl Iterator<Item = &'static str> {
    SPEECH_VERBS.iter().copied()
}
pub(crate) fn is_title_head(w: &str) -> bool {
    has(TITLE_HEADS, w)
}
pub(crate) fn is_title_word(w: &str) -> bool {
    has(TITLE_HEADS, w) || has(TITLE_MODIFIERS, w)
}
/// Legal forms and designators that end a company's full name ("Apple Inc.").
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "inc.",
    "incorporated",
    "corp",
    "corp.",
    "corporation",
    "co",
    "co.",
    "company",
    "plc",
    "ag",
    "se",
    "s.a.",
    "sa",
    "n.v.",
    "nv",
    "ltd",
    "ltd.",
    "limited",
    "llc",
    "l.l.c.",
    "group",
    "holdings",
    "holding",
    "gmbh",
    "spa",
    "s.p.a.",
    "pjsc",
    "ojsc",
    "jsc",
    "ab",
    "asa",
    "oyj",
    "kgaa",
    "lp",
    "l.p.",
];
pub(crate) fn is_legal_form(w: &str) -> bool {
    has(LEGAL_FORMS, w)
}
pub(crate) fn is_org_head(w: &str) -> bool {
    has(ORG_HEADS, w)
}
pub(crate) fn is_org_head_first(w: &str) -> bool {
    has(ORG_HEADS_FIRST, w)
}
pub(crate) fn is_role(w: &str) -> bool {
    has(ROLE_NOUNS, w) || has(TITLE_HEADS, w)
}
pub(crate) fn is_speech_verb(w: &str) -> bool {
    SPEECH_VERBS.contains(&w)
}
pub(crate) fn is_media_before(w: &str) -> bool {
    MEDIA_BEFORE.contains(&w)
}
pub(crate) fn is_media_after(first: &str, second: Option<&str>) -> bool {
    let first = first.to_lowercase();
    if MEDIA_AFTER_ONE.contains(&first.as_str()) {
        return true;
    }
    let second = second.map(str::to_lowercase);
    MEDIA_AFTER_FIRST.contains(&first.as_str())
        && second.is_some_and(|s| MEDIA_AFTER_SECOND.contains(&s.as_str()))
}
pub(crate) fn is_connector(w: &str) -> bool {
    CONNECTORS.contains(&w)
}
pub(crate) fn is_name_infix(w: &str) -> bool {
    NAME_INFIXES.contains(&w)
}
/// Lower-case last parts of a hyphenated adjective built on a name ("Afghanistan-based",
/// "Saudi-led", "Russian-speaking"), as opposed to the last part of a name ("Ki-moon").
pub(crate) fn is_compound_suffix(w: &str) -> bool {
    w.ends_with("ed") || w.ends_with("ing") || is_listed_compound_suffix(w)
}

/// The listed compound suffixes only ("based", "led", "friendly"), without the "-ed" and
/// "-ing" forms: for a short name part such as "Kwok-hing".
pub(crate) fn is_listed_compound_suffix(w: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "style",
        "type",
        "born",
        "made",
        "run",
        "wide",
        "era",
        "like",
        "bound",
        "free",
        "specific",
        "centric",
        "level",
        "language",
        "friendly",
        "owned",
        "led",
        "held",
        "built",
        "grown",
        "sponsored",
        "backed",
        "based",
        "linked",
        "allied",
        "related",
        "affiliated",
        "aligned",
        "funded",
        "occupied",
        "controlled",
        "dominated",
        "majority",
        "minority",
        "border",
        "origin",
        "registered",
        "flagged",
        "bred",
        "trained",
    ];
    SUFFIXES.contains(&w)
}

/// Prefixes of a hyphenated adjective ("pro-Russian", "anti-Taliban", "Pro-Kremlin").
pub(crate) fn is_prefix(w: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "pro", "anti", "post", "pre", "ex", "non", "neo", "pan", "mid", "trans", "cross", "inter",
        "intra", "counter", "semi", "sub", "proto", "un",
    ];
    has(PREFIXES, w)
}

pub(crate) fn is_norp_prefix(w: &str) -> bool {
    has(NORP_PREFIXES, w)
}
pub(crate) fn is_direction(w: &str) -> bool {
    has(DIRECTIONS, w)
}
pub(crate) fn is_place_preposition(w: &str) -> bool {
    has(PLACE_PREPOSITIONS, w)
}
pub(crate) fn is_function_word(w: &str) -> bool {
    has(FUNCTION_WORDS, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_clusters_nest_and_group_like_words() {
        let (words, nest) = word_clusters();
        let words: std::collections::HashMap<&str, u16> = words.collect();
        assert!(words.len() >= 150_000, "{} words", words.len());
        assert_eq!(nest.len(), 2048);
        assert!(words.values().all(|&c| usize::from(c) < nest.len()));
        assert!(nest.iter().all(|&(mid, coarse)| mid < 256 && coarse < 32));
        // Surnames with surnames, Afghan cities with Afghan cities.
        assert_eq!(words["smith"], words["jones"]);
        assert_eq!(words["kabul"], words["kandahar"]);
        assert_ne!(words["smith"], words["kabul"]);
    }
}
