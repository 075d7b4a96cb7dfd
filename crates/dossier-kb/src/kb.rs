//! The knowledge base: GeoNames places and named entries (organisations, armed groups,
//! people, demonyms, regions), parsed from the embedded TSV files in `data/`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use dossier_core::Label;

use crate::norm::{close_spellings, name_key, skeleton_key, translit_words};

/// The embedded places (`data/places.tsv`, made by `cargo xtask build-kb`).
const PLACES_TSV: &str = include_str!("../data/places.tsv");
/// The embedded named entries (`data/names.tsv`, made by `cargo xtask build-kb`).
const NAMES_TSV: &str = include_str!("../data/names.tsv");

/// What kind of place a GeoNames row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    /// A country or dependent territory (ISO 3166-1).
    Country,
    /// A first-level administrative division (the US states).
    Admin1,
    /// A populated place.
    City,
    /// A continent.
    Continent,
}

impl PlaceKind {
    /// The name used in `places.tsv`: `country`, `admin1`, `city`, `continent`.
    pub fn as_str(&self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::City => "city",
            PlaceKind::Continent => "continent",
        }
    }

    fn parse(s: &str) -> Option<PlaceKind> {
        [
            PlaceKind::Country,
            PlaceKind::Admin1,
            PlaceKind::City,
            PlaceKind::Continent,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// A GeoNames place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id.
    pub geonames_id: u64,
    /// Country, US state, city or continent.
    pub kind: PlaceKind,
    /// GeoNames name.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of its country (empty for a continent).
    pub country: String,
    /// First-level division code (GeoNames admin1 code; the state code for US states).
    pub admin1: String,
    /// Latitude (WGS 84). For a country: its capital; for a US state: its largest city.
    pub lat: f64,
    /// Longitude (WGS 84), as `lat`.
    pub lon: f64,
    /// Population (0 when unknown).
    pub population: u64,
    /// Other names: Latin-script GeoNames alternate names and English exonyms.
    pub aliases: Vec<String>,
}

impl Place {
    /// The knowledge-base id: `geonames:<id>`.
    pub fn kb_id(&self) -> String {
        format!("geonames:{}", self.geonames_id)
    }
}

/// A named entry: an organisation, armed group, person, demonym or region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbEntry {
    /// Stable id: `kb:<slug of the name>`.
    pub kb_id: String,
    /// Entity label.
    pub label: Label,
    /// Canonical name.
    pub name: String,
    /// Other names, acronyms and transliterations.
    pub aliases: Vec<String>,
    /// Role (`armed_group`, `intergovernmental`, `news_media`, `head_of_state`, …).
    pub role: Option<String>,
    /// ISO 3166-1 alpha-2 code of its country, when it has one.
    pub country: Option<String>,
    /// Source keys (see `data/SOURCES.md`), comma-separated.
    pub source: String,
}

/// The knowledge base. Lookups ignore case, diacritics, dashes and punctuation
/// (`ISIS-K` = `isis k`).
#[derive(Debug, Clone, Default)]
pub struct Kb {
    places: Vec<Place>,
    entries: Vec<KbEntry>,
    /// Name key → places with that GeoNames name.
    place_names: BTreeMap<String, Vec<u32>>,
    /// Name key → places with that alternate name.
    place_aliases: BTreeMap<String, Vec<u32>>,
    /// (label, name key) → entries with that name or alias.
    entry_names: BTreeMap<(Label, String), Vec<u32>>,
    by_geonames: BTreeMap<u64, u32>,
    /// Skeleton key of a PERSON name or alias of two words or more → (entry, its
    /// transliteration spelling).
    person_spellings: BTreeMap<String, Vec<(u32, Vec<String>)>>,
}

impl Kb {
    /// The knowledge base embedded in the crate, parsed once.
    pub fn embedded() -> &'static Kb {
        static KB: OnceLock<Kb> = OnceLock::new();
        KB.get_or_init(|| Kb::from_tsv(PLACES_TSV, NAMES_TSV))
    }

    /// Parses the two TSV files (`places.tsv`, `names.tsv`). Malformed lines are skipped.
    pub fn from_tsv(places: &str, names: &str) -> Kb {
        let mut kb = Kb::default();
        for line in data_lines(places, "geonames_id\t") {
            if let Some(p) = parse_place(line) {
                kb.add_place(p);
            }
        }
        for line in data_lines(names, "kb_id\t") {
            if let Some(e) = parse_entry(line) {
                kb.add_entry(e);
            }
        }
        kb
    }

    fn add_place(&mut self, p: Place) {
        let i = self.places.len() as u32;
        self.place_names
            .entry(name_key(&p.name))
            .or_default()
            .push(i);
        for a in &p.aliases {
            let v = self.place_aliases.entry(name_key(a)).or_default();
            if v.last() != Some(&i) {
                v.push(i);
            }
        }
        self.by_geonames.entry(p.geonames_id).or_insert(i);
        self.places.push(p);
    }

    fn add_entry(&mut self, e: KbEntry) {
        let i = self.entries.len() as u32;
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            let v = self.entry_names.entry((e.label, name_key(n))).or_default();
            if v.last() != Some(&i) {
                v.push(i);
            }
            let words = translit_words(n);
            if e.label == Label::Person && words.len() >= 2 {
                self.person_spellings
                    .entry(skeleton_key(&words))
                    .or_default()
                    .push((i, words));
            }
        }
        self.entries.push(e);
    }

    /// Number of places.
    pub fn n_places(&self) -> usize {
        self.places.len()
    }

    /// Number of named entries.
    pub fn n_entries(&self) -> usize {
        self.entries.len()
    }

    /// Places whose GeoNames name is `name`; when there is none, places that have it as
    /// an alternate name.
    pub fn places_named(&self, name: &str) -> Vec<&Place> {
        let key = name_key(name);
        let ids = self
            .place_names
            .get(&key)
            .or_else(|| self.place_aliases.get(&key));
        ids.map(|v| v.iter().map(|&i| &self.places[i as usize]).collect())
            .unwrap_or_default()
    }

    /// The place with this GeoNames id.
    pub fn place(&self, geonames_id: u64) -> Option<&Place> {
        self.by_geonames
            .get(&geonames_id)
            .map(|&i| &self.places[i as usize])
    }

    /// The first-level division (a US state) with this admin1 code in this country.
    pub fn admin1(&self, country: &str, code: &str) -> Option<&Place> {
        self.places
            .iter()
            .find(|p| p.kind == PlaceKind::Admin1 && p.country == country && p.admin1 == code)
    }

    /// The country with this ISO 3166-1 alpha-2 code.
    pub fn country(&self, iso: &str) -> Option<&Place> {
        self.places
            .iter()
            .find(|p| p.kind == PlaceKind::Country && p.country == iso)
    }

    /// The one entry with this label that has `name` as its name or an alias (`None` when
    /// there is none, or several: an ambiguous alias links nothing).
    pub fn entry(&self, label: Label, name: &str) -> Option<&KbEntry> {
        match self.entry_names.get(&(label, name_key(name))) {
            Some(v) if v.len() == 1 => Some(&self.entries[v[0] as usize]),
            _ => None,
        }
    }

    /// [`Kb::entry`], else for a PERSON the one entry whose name or an alias is a
    /// transliteration variant of `name` (same consonant skeletons, each word at most one
    /// edit apart, two for long words: "Kassym-Zhomart Tokaev" is Kassym-Jomart Tokayev).
    pub fn lookup(&self, label: Label, name: &str) -> Option<&KbEntry> {
        if let Some(e) = self.entry(label, name) {
            return Some(e);
        }
        if label != Label::Person || self.entry_names.contains_key(&(label, name_key(name))) {
            return None;
        }
        let words = translit_words(name);
        let mut found: Option<u32> = None;
        for (i, spelling) in self.person_spellings.get(&skeleton_key(&words))? {
            if close_spellings(&words, spelling) {
                match found {
                    Some(f) if f != *i => return None,
                    _ => found = Some(*i),
                }
            }
        }
        found.map(|i| &self.entries[i as usize])
    }

    /// The entry with this id.
    pub fn entry_by_id(&self, kb_id: &str) -> Option<&KbEntry> {
        self.entries.iter().find(|e| e.kb_id == kb_id)
    }
}

fn data_lines<'a>(text: &'a str, header: &'a str) -> impl Iterator<Item = &'a str> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(move |l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with(header))
}

fn split_aliases(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse_place(line: &str) -> Option<Place> {
    let c: Vec<&str> = line.split('\t').collect();
    if c.len() != 9 || c[2].is_empty() {
        return None;
    }
    Some(Place {
        geonames_id: c[0].parse().ok()?,
        kind: PlaceKind::parse(c[1])?,
        name: c[2].to_string(),
        country: c[3].to_string(),
        admin1: c[4].to_string(),
        lat: c[5].parse().ok()?,
        lon: c[6].parse().ok()?,
        population: c[7].parse().ok()?,
        aliases: split_aliases(c[8]),
    })
}

fn parse_entry(line: &str) -> Option<KbEntry> {
    let c: Vec<&str> = line.split('\t').map(str::trim).collect();
    if c.len() != 7 || c[0].is_empty() || c[2].is_empty() {
        return None;
    }
    let label = match Label::parse(c[1])? {
        Label::Date => return None,
        l => l,
    };
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Some(KbEntry {
        kb_id: c[0].to_string(),
        label,
        name: c[2].to_string(),
        aliases: split_aliases(c[3]),
        role: opt(c[4]),
        country: opt(c[5]),
        source: c[6].to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_parse_whole() {
        let rows = |text: &str, header: &str| data_lines(text, header).count();
        let kb = Kb::embedded();
        assert_eq!(kb.n_places(), rows(PLACES_TSV, "geonames_id\t"));
        assert_eq!(kb.n_entries(), rows(NAMES_TSV, "kb_id\t"));
        assert!(kb.n_places() > 20_000, "{}", kb.n_places());
        for e in &kb.entries {
            assert!(e.kb_id.starts_with("kb:"), "{e:?}");
            assert!(!e.source.is_empty(), "{e:?}");
        }
        let mut ids: Vec<&str> = kb.entries.iter().map(|e| e.kb_id.as_str()).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "kb ids are unique");
    }

    #[test]
    fn lookups() {
        let kb = Kb::embedded();
        let moscow = kb.places_named("Moscow");
        assert!(moscow.iter().any(|p| p.country == "RU"));
        assert!(moscow.iter().any(|p| p.country == "US"));
        let georgia: Vec<_> = kb
            .places_named("Georgia")
            .iter()
            .map(|p| (p.kind, p.country.as_str()))
            .collect();
        assert!(georgia.contains(&(PlaceKind::Country, "GE")), "{georgia:?}");
        assert!(georgia.contains(&(PlaceKind::Admin1, "US")), "{georgia:?}");
        assert_eq!(kb.places_named("Kiev")[0].country, "UA");
        let isk = kb.entry(Label::Org, "ISKP").unwrap();
        assert_eq!(isk.kb_id, "kb:islamic-state-khorasan-province");
        assert_eq!(isk.role.as_deref(), Some("armed_group"));
        for alias in [
            "ISIS-K",
            "ISIS-Khorasan",
            "Islamic State – Khorasan Province",
        ] {
            assert_eq!(kb.entry(Label::Org, alias), Some(isk), "{alias}");
        }
        let is = kb.entry(Label::Org, "Daesh").unwrap();
        for alias in ["ISIS", "ISIL", "Islamic State"] {
            assert_eq!(kb.entry(Label::Org, alias), Some(is), "{alias}");
        }
        assert_ne!(is, isk);
        assert_eq!(kb.country("RU").unwrap().name, "Russia");
        assert!(
            kb.entry(Label::Person, "ISKP").is_none(),
            "labels are kept apart"
        );
        let tokayev = kb.entry(Label::Person, "Kassym-Jomart Tokayev");
        assert!(tokayev.is_some());
        assert_eq!(kb.entry(Label::Person, "Kassym-Zhomart Tokaev"), None);
        assert_eq!(kb.lookup(Label::Person, "Kassym-Zhomart Tokaev"), tokayev);
        assert_eq!(kb.lookup(Label::Person, "Kasym-Zhomart Tokayev"), tokayev);
        let rahmon = kb.entry(Label::Person, "Emomali Rahmon");
        assert_eq!(kb.lookup(Label::Person, "Emomali Rakhmon"), rahmon);
        // Another first name is another person.
        assert_eq!(
            kb.lookup(Label::Person, "Sergey Lebedev").unwrap().kb_id,
            "kb:sergey-lebedev"
        );
        assert_eq!(kb.lookup(Label::Person, "Oleg Lebedev"), None);
        assert_eq!(kb.lookup(Label::Org, "Kassym-Zhomart Tokaev"), None);
    }
}
