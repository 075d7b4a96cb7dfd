//! Cross-document resolution: mentions keyed by (label, canonical name) become
//! corpus-wide entities linked to the knowledge base, with co-occurrence counts.
//!
//! Keys are merged, in this order, unless the analyst's splits forbid it:
//! 1. the analyst's aliases and merges;
//! 2. the same name after case, diacritic, quote and dash normalisation (the same
//!    [`slugify`]), and a bare acronym with the one long form documents defined for it;
//! 3. the same knowledge-base entry (an alias of the KB: ISKP = ISIS-K = Islamic State –
//!    Khorasan Province), or the same GeoNames place (same label);
//! 4. PERSON transliteration variants: the same number of words, each word with the same
//!    consonant skeleton and at most one edit apart (two for words of 8 letters or more),
//!    and shared context (see [`shared_context`]);
//! 5. a bare PERSON surname with the one full name in the corpus that ends with it, with
//!    shared context. Two people who merely share a surname never merge: their first
//!    names differ, and a bare surname with two candidates stays its own entity.

use std::collections::{BTreeMap, BTreeSet};

use dossier_core::{
    Annotations, Cooccurrence, Entity, EntityKey, Extractor, GeoLink, Label, Resolution, slugify,
};

use crate::config::UserConfig;
use crate::kb::Kb;
use crate::link::{PlaceContext, link_place};
use crate::norm::{edit_distance, is_acronym, name_key, skeleton, translit};

/// At most this many context names are kept per key (memory stays per distinct entity).
const MAX_CONTEXT: usize = 64;

/// Title and role words looked for in the sentences that mention a person.
const ROLE_WORDS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "general",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "commander",
    "chief",
    "director",
    "chairman",
    "chair",
    "leader",
    "deputy",
    "envoy",
    "governor",
    "mayor",
    "king",
    "emir",
    "prime",
    "foreign",
    "defence",
    "defense",
    "interior",
    "researcher",
    "analyst",
    "professor",
    "senator",
    "general-secretary",
    "secretary-general",
];

#[derive(Debug, Clone, Default)]
struct KeyStats {
    n_mentions: u64,
    /// Surface forms and how often each was seen.
    forms: BTreeMap<String, u64>,
    /// Ordinals of the documents mentioning the key (added in order, so sorted).
    docs: Vec<u32>,
    gazetteer: bool,
    /// GeoNames id → number of documents that linked the key to it.
    links: BTreeMap<u64, u32>,
    /// Keys named in the same sentences ("LABEL name-key"), at most [`MAX_CONTEXT`].
    context: BTreeSet<String>,
    /// Role words of the sentences naming it.
    roles: BTreeSet<&'static str>,
    /// For a name several places bear (Moscow, Georgia): each document's reading as
    /// (document id, GeoNames id, mentions in the document). Names with one place keep
    /// nothing here, so memory grows with the documents naming ambiguous places only.
    readings: Vec<(String, u64, u64)>,
}

/// Whole-corpus entity resolution against a knowledge base. Memory grows with the number
/// of distinct entities (their surface forms, a bounded context each, and the distinct
/// pairs that co-occur), not with the corpus.
#[derive(Debug, Clone)]
pub struct Resolver<'a> {
    kb: &'a Kb,
    config: &'a UserConfig,
    keys: BTreeMap<EntityKey, KeyStats>,
    /// (label, acronym) → the long forms documents defined for it.
    acronyms: BTreeMap<(Label, String), BTreeSet<String>>,
    /// Key pairs in one sentence → (sentences, documents).
    pairs: BTreeMap<(EntityKey, EntityKey), (u64, u64)>,
    n_docs: u32,
}

impl<'a> Resolver<'a> {
    /// A resolver that links to `kb` and follows the analyst's `config`.
    pub fn new(kb: &'a Kb, config: &'a UserConfig) -> Resolver<'a> {
        Resolver {
            kb,
            config,
            keys: BTreeMap::new(),
            acronyms: BTreeMap::new(),
            pairs: BTreeMap::new(),
            n_docs: 0,
        }
    }

    /// Adds one document's mentions; `text` is the clean text their spans point into.
    /// `doc_id` names the document in [`Resolution::overrides`] when one of its place names
    /// means another place there than in the rest of the corpus.
    pub fn add(&mut self, doc_id: &str, annotations: &Annotations, text: &str) {
        let doc = self.n_docs;
        self.n_docs += 1;
        let mentions: Vec<_> = annotations
            .mentions
            .iter()
            .filter(|m| m.label != Label::Date && !m.canonical.is_empty())
            .collect();
        // Places: link with the document's context, one vote per document.
        let names: BTreeSet<(Label, &str)> = mentions
            .iter()
            .map(|m| (m.label, m.canonical.as_str()))
            .collect();
        let ctx = PlaceContext::of_document(self.kb, names.iter().copied());
        let mut linked: BTreeMap<EntityKey, (u64, bool)> = BTreeMap::new();
        for &(label, name) in &names {
            if let Some(p) = link_place(self.kb, label, name, &ctx) {
                let ambiguous = self.kb.places_named(name).len() > 1;
                linked.insert(
                    EntityKey {
                        label,
                        name: name.to_string(),
                    },
                    (p.geonames_id, ambiguous),
                );
            }
        }
        // "City, Region" appositions ("Everett, Washington", "Hyderabad, Pakistan"): the
        // second place contains the first; pick the pair of places that agrees.
        for pair in mentions.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let joined = text.get(a.span.end..b.span.start) == Some(", ");
            if !(joined && a.label == Label::Gpe && b.label == Label::Gpe) {
                continue;
            }
            if let Some((pa, pb)) = self.contained_in(&a.canonical, &b.canonical) {
                for (m, p) in [(a, pa), (b, pb)] {
                    let ambiguous = self.kb.places_named(&m.canonical).len() > 1;
                    linked.insert(EntityKey::of(m), (p, ambiguous));
                }
            }
        }
        // Sentences: which keys each holds, and its role words.
        let mut by_sentence: BTreeMap<usize, BTreeSet<EntityKey>> = BTreeMap::new();
        for m in &mentions {
            by_sentence
                .entry(m.sentence)
                .or_default()
                .insert(EntityKey::of(m));
        }
        let roles_of = |s: usize| -> BTreeSet<&'static str> {
            let Some(span) = annotations.sentences.get(s) else {
                return BTreeSet::new();
            };
            let Some(sentence) = text.get(span.range()) else {
                return BTreeSet::new();
            };
            sentence
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter_map(|w| {
                    let w = w.to_lowercase();
                    ROLE_WORDS.iter().find(|r| **r == w).copied()
                })
                .collect()
        };
        for m in &mentions {
            let Some(surface) = text.get(m.span.range()) else {
                continue;
            };
            let surface = surface.split_whitespace().collect::<Vec<_>>().join(" ");
            let key = EntityKey::of(m);
            if is_acronym(&surface) && surface != m.canonical && m.canonical.contains(' ') {
                self.acronyms
                    .entry((m.label, surface.clone()))
                    .or_default()
                    .insert(m.canonical.clone());
            }
            let link = linked.get(&key).copied();
            let st = self.keys.entry(key.clone()).or_default();
            st.n_mentions += 1;
            *st.forms.entry(surface).or_default() += 1;
            let first_in_doc = st.docs.last() != Some(&doc);
            if first_in_doc {
                st.docs.push(doc);
                if let Some((id, ambiguous)) = link {
                    *st.links.entry(id).or_default() += 1;
                    if ambiguous {
                        st.readings.push((doc_id.to_string(), id, 0));
                    }
                }
            }
            if let Some((_, true)) = link
                && let Some(r) = st.readings.last_mut()
            {
                r.2 += 1;
            }
            st.gazetteer |= m.extractor == Extractor::Gazetteer;
            if m.label == Label::Person {
                st.roles.extend(roles_of(m.sentence));
            }
            if let Some(others) = by_sentence.get(&m.sentence) {
                for o in others {
                    if *o != key && st.context.len() < MAX_CONTEXT {
                        st.context
                            .insert(format!("{} {}", o.label.as_str(), name_key(&o.name)));
                    }
                }
            }
        }
        // Co-occurrences: distinct key pairs per sentence; documents counted once.
        let mut in_doc: BTreeSet<(&EntityKey, &EntityKey)> = BTreeSet::new();
        for keys in by_sentence.values() {
            let keys: Vec<&EntityKey> = keys.iter().collect();
            for (i, a) in keys.iter().enumerate() {
                for b in &keys[i + 1..] {
                    let e = self.pairs.entry(((*a).clone(), (*b).clone())).or_default();
                    e.0 += 1;
                    if in_doc.insert((a, b)) {
                        e.1 += 1;
                    }
                }
            }
        }
    }

    /// The places named `inner` and `outer` such that the first lies in the second (a US
    /// state or a country), the most populous such `inner` first; `None` when no pair
    /// agrees.
    fn contained_in(&self, inner: &str, outer: &str) -> Option<(u64, u64)> {
        use crate::kb::PlaceKind;
        let outers = self.kb.places_named(outer);
        let mut best: Option<(u64, u64, u64)> = None;
        for pa in self.kb.places_named(inner) {
            for pb in &outers {
                let inside = match pb.kind {
                    PlaceKind::Country => pa.country == pb.country && pa.kind != PlaceKind::Country,
                    PlaceKind::Admin1 => {
                        pa.kind == PlaceKind::City
                            && pa.country == pb.country
                            && pa.admin1 == pb.admin1
                    }
                    _ => false,
                };
                let better = best.is_none_or(|(pop, ga, _)| {
                    pa.population > pop || (pa.population == pop && pa.geonames_id < ga)
                });
                if inside && better {
                    best = Some((pa.population, pa.geonames_id, pb.geonames_id));
                }
            }
        }
        best.map(|(_, a, b)| (a, b))
    }

    /// Groups the keys into entities, links them, and counts co-occurrences.
    pub fn finish(self) -> Resolution {
        let keys: Vec<&EntityKey> = self.keys.keys().collect();
        let stats: Vec<&KeyStats> = self.keys.values().collect();
        let n = keys.len();
        let mut uf = UnionFind::new(n);
        for (i, k) in keys.iter().enumerate() {
            for tag in self.config.split_tags(k.label, &k.name) {
                uf.tags[i].insert(tag);
            }
        }

        // 1–2. The analyst's names, the same slug, acronyms.
        let user: Vec<Option<&str>> = keys
            .iter()
            .map(|k| self.config.target(k.label, &k.name))
            .collect();
        let mut by_group: BTreeMap<(Label, String), usize> = BTreeMap::new();
        for (i, k) in keys.iter().enumerate() {
            let mut name = k.name.as_str();
            if let Some(t) = user[i] {
                name = t;
            } else if is_acronym(name)
                && let Some(longs) = self.acronyms.get(&(k.label, name.to_string()))
                && longs.len() == 1
                && let Some(long) = longs.first()
            {
                name = long;
            }
            let g = (k.label, slugify(name));
            match by_group.get(&g) {
                Some(&j) => {
                    uf.union(i, j);
                }
                None => {
                    by_group.insert(g, i);
                }
            }
        }

        // 3. Knowledge-base entries and places.
        let kb_ids: Vec<Option<String>> = keys
            .iter()
            .zip(&stats)
            .map(|(k, st)| self.kb_id(k, st))
            .collect();
        let mut by_kb: BTreeMap<(Label, &str), usize> = BTreeMap::new();
        for (i, (k, id)) in keys.iter().zip(&kb_ids).enumerate() {
            if let Some(id) = id {
                match by_kb.get(&(k.label, id.as_str())) {
                    Some(&j) => {
                        uf.union(i, j);
                    }
                    None => {
                        by_kb.insert((k.label, id), i);
                    }
                }
            }
        }

        // 4. Transliteration variants of full person names.
        let words: Vec<Vec<String>> = keys
            .iter()
            .map(|k| name_key(&k.name).split(' ').map(translit).collect())
            .collect();
        let mut buckets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, k) in keys.iter().enumerate() {
            if k.label == Label::Person && words[i].len() >= 2 {
                let sk: Vec<String> = words[i].iter().map(|w| skeleton(w)).collect();
                buckets.entry(sk.join(" ")).or_default().push(i);
            }
        }
        for members in buckets.values() {
            for (x, &i) in members.iter().enumerate() {
                for &j in &members[x + 1..] {
                    if uf.find(i) == uf.find(j) {
                        continue;
                    }
                    let close = words[i].iter().zip(&words[j]).all(|(a, b)| {
                        let limit = if a.len().min(b.len()) >= 8 { 2 } else { 1 };
                        edit_distance(a, b) <= limit
                    });
                    let kb_clash = matches!((&kb_ids[i], &kb_ids[j]), (Some(a), Some(b)) if a != b);
                    if close && !kb_clash && shared_context(stats[i], stats[j]) {
                        uf.union(i, j);
                    }
                }
            }
        }

        // 5. Bare surnames with the one full name that ends with them.
        for (i, k) in keys.iter().enumerate() {
            if k.label != Label::Person || words[i].len() != 1 || user[i].is_some() {
                continue;
            }
            let surname = &words[i][0];
            let mut roots = BTreeSet::new();
            let mut witness = Vec::new();
            for (j, kj) in keys.iter().enumerate() {
                if kj.label == Label::Person
                    && words[j].len() >= 2
                    && words[j].last() == Some(surname)
                {
                    roots.insert(uf.find(j));
                    witness.push(j);
                }
            }
            if roots.len() == 1 && witness.iter().any(|&j| shared_context(stats[i], stats[j])) {
                uf.union(i, witness[0]);
            }
        }

        self.build(&keys, &stats, &kb_ids, &user, &mut uf)
    }

    /// The knowledge-base id of a key: `geonames:<id>` of its place, else its entry's.
    fn kb_id(&self, k: &EntityKey, st: &KeyStats) -> Option<String> {
        if let Some(id) = top_link(st) {
            return Some(format!("geonames:{id}"));
        }
        self.kb.entry(k.label, &k.name).map(|e| e.kb_id.clone())
    }

    fn build(
        &self,
        keys: &[&EntityKey],
        stats: &[&KeyStats],
        kb_ids: &[Option<String>],
        user: &[Option<&str>],
        uf: &mut UnionFind,
    ) -> Resolution {
        let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..keys.len() {
            clusters.entry(uf.find(i)).or_default().push(i);
        }
        let mut entities = Vec::new();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for group in clusters.into_values() {
            let label = keys[group[0]].label;
            // The analyst's name, else the KB entry's name, else a gazetteer name, a long
            // form, the most frequent (places keep the corpus's name).
            let user_name = group.iter().find_map(|&i| user[i]);
            let kb_entry = group
                .iter()
                .find_map(|&i| self.kb.entry(keys[i].label, &keys[i].name));
            let name = match (user_name, kb_entry) {
                (Some(n), _) => n.to_string(),
                (None, Some(e)) => e.name.clone(),
                (None, None) => {
                    let best = group
                        .iter()
                        .max_by(|&&a, &&b| {
                            let rank = |i: usize| {
                                (
                                    stats[i].gazetteer,
                                    !is_acronym(&keys[i].name),
                                    stats[i].n_mentions,
                                )
                            };
                            rank(a)
                                .cmp(&rank(b))
                                .then_with(|| keys[b].name.cmp(&keys[a].name))
                        })
                        .copied()
                        .unwrap_or(group[0]);
                    keys[best].name.clone()
                }
            };
            let mut aliases: BTreeSet<String> = BTreeSet::new();
            for &i in &group {
                aliases.insert(keys[i].name.clone());
                aliases.extend(stats[i].forms.keys().cloned());
            }
            aliases.remove(&name);
            let mut docs: Vec<u32> = group
                .iter()
                .flat_map(|&i| stats[i].docs.iter().copied())
                .collect();
            docs.sort_unstable();
            docs.dedup();
            // The KB id of the most mentioned linked member.
            let kb_id = group
                .iter()
                .filter(|&&i| kb_ids[i].is_some())
                .max_by_key(|&&i| (stats[i].n_mentions, std::cmp::Reverse(i)))
                .and_then(|&i| kb_ids[i].clone());
            let entry = kb_id.as_deref().and_then(|id| self.kb.entry_by_id(id));
            let geo = kb_id
                .as_deref()
                .and_then(|id| id.strip_prefix("geonames:"))
                .and_then(|id| id.parse().ok())
                .and_then(|id| self.kb.place(id))
                .map(|p| GeoLink {
                    geonames_id: p.geonames_id,
                    lat: p.lat,
                    lon: p.lon,
                    country: p.country.clone(),
                });
            // A name the knowledge base gives another place than the one the documents'
            // context chose ("Washington, D.C." for the state in "Everett, Washington") gives
            // way to the chosen place's own name.
            let mut name = name;
            if user_name.is_none()
                && let Some(g) = &geo
                && let Some(place) = self.kb.place(g.geonames_id)
                && !self
                    .kb
                    .places_named(&name)
                    .iter()
                    .any(|p| p.geonames_id == g.geonames_id)
            {
                let own = self.qualified_name(place);
                aliases.insert(std::mem::replace(&mut name, own));
                aliases.remove(&name);
            }
            let watched = self.config.watched(
                label,
                std::iter::once(name.as_str()).chain(aliases.iter().map(String::as_str)),
                kb_id.as_deref(),
            ) || self.config.watch.iter().any(|(wl, w)| {
                // A watched name that the knowledge base knows as this entity.
                wl.is_none_or(|wl| wl == label)
                    && kb_id.is_some()
                    && self.kb.entry(label, w).map(|e| e.kb_id.as_str()) == kb_id.as_deref()
            });
            entities.push(Entity {
                id: String::new(),
                label,
                name,
                aliases: aliases.into_iter().collect(),
                role: entry.and_then(|e| e.role.clone()),
                kb_id,
                n_mentions: group.iter().map(|&i| stats[i].n_mentions).sum(),
                n_documents: docs.len() as u64,
                geo,
                watched,
            });
            members.push(group);
        }
        // Documents that read an ambiguous place name as another place than the corpus
        // does get that place as an entity of its own (Moscow, Idaho beside Moscow).
        let mut exceptions: Vec<(usize, String, &EntityKey)> = Vec::new();
        for (e, group) in members.clone().iter().enumerate() {
            for &i in group {
                let Some(top) = top_link(stats[i]) else {
                    continue;
                };
                for (doc_id, place, n) in &stats[i].readings {
                    if *place == top {
                        continue;
                    }
                    let Some(p) = self.kb.place(*place) else {
                        continue;
                    };
                    let kb_id = p.kb_id();
                    let target = match entities
                        .iter()
                        .position(|x| x.kb_id.as_deref() == Some(&kb_id))
                    {
                        Some(t) => t,
                        None => {
                            entities.push(Entity {
                                id: String::new(),
                                label: keys[i].label,
                                name: self.qualified_name(p),
                                aliases: Vec::new(),
                                kb_id: Some(kb_id),
                                role: None,
                                n_mentions: 0,
                                n_documents: 0,
                                geo: Some(GeoLink {
                                    geonames_id: p.geonames_id,
                                    lat: p.lat,
                                    lon: p.lon,
                                    country: p.country.clone(),
                                }),
                                watched: false,
                            });
                            members.push(Vec::new());
                            entities.len() - 1
                        }
                    };
                    let t = &mut entities[target];
                    t.n_mentions += n;
                    t.n_documents += 1;
                    if !t.aliases.contains(&keys[i].name) && t.name != keys[i].name {
                        t.aliases.push(keys[i].name.clone());
                        t.aliases.sort();
                    }
                    let from = &mut entities[e];
                    from.n_mentions = from.n_mentions.saturating_sub(*n);
                    from.n_documents = from.n_documents.saturating_sub(1);
                    exceptions.push((target, doc_id.clone(), keys[i]));
                }
            }
        }
        // Ids from label and name; a clash (only possible through splits) gets a suffix.
        let mut order: Vec<usize> = (0..entities.len()).collect();
        order.sort_by(|&a, &b| {
            (entities[a].label, &entities[a].name).cmp(&(entities[b].label, &entities[b].name))
        });
        let mut used: BTreeSet<String> = BTreeSet::new();
        for &e in &order {
            let slug = slugify(&entities[e].name);
            let slug = if slug.is_empty() {
                "entity".to_string()
            } else {
                slug
            };
            let base = format!("{}:{}", entities[e].label.id_prefix(), slug);
            let mut id = base.clone();
            let mut k = 2;
            while used.contains(&id) {
                id = format!("{base}-{k}");
                k += 1;
            }
            used.insert(id.clone());
            entities[e].id = id;
        }
        let mut order: Vec<usize> = (0..entities.len()).collect();
        order.sort_by(|&a, &b| entities[a].id.cmp(&entities[b].id));
        let mut sorted = Vec::with_capacity(entities.len());
        let mut index = BTreeMap::new();
        let mut entity_of: BTreeMap<&EntityKey, usize> = BTreeMap::new();
        let mut new_of = vec![0; entities.len()];
        for (new, &old) in order.iter().enumerate() {
            new_of[old] = new;
            sorted.push(entities[old].clone());
            for &i in &members[old] {
                index.insert(keys[i].clone(), new);
                entity_of.insert(keys[i], new);
            }
        }
        let overrides = exceptions
            .into_iter()
            .map(|(target, doc_id, key)| ((doc_id, key.clone()), new_of[target]))
            .collect();
        // Co-occurrences of entities. Two keys of one entity in one document may both pair
        // with a third: the document count is capped by the entities' own counts.
        let mut co: BTreeMap<(usize, usize), (u64, u64)> = BTreeMap::new();
        for ((a, b), (s, d)) in &self.pairs {
            let (Some(&x), Some(&y)) = (entity_of.get(a), entity_of.get(b)) else {
                continue;
            };
            if x == y {
                continue;
            }
            let e = co.entry((x.min(y), x.max(y))).or_default();
            e.0 += s;
            e.1 += d;
        }
        let cooccurrences = co
            .into_iter()
            .map(|((x, y), (s, d))| Cooccurrence {
                a: sorted[x].id.clone(),
                b: sorted[y].id.clone(),
                n_sentences: s,
                n_documents: d
                    .min(sorted[x].n_documents)
                    .min(sorted[y].n_documents)
                    .min(s),
            })
            .collect();
        Resolution {
            entities: sorted,
            index,
            cooccurrences,
            overrides,
        }
    }

    /// A place's name told apart from its namesakes: "Moscow, Idaho", "Georgia (U.S.
    /// state)" stays as GeoNames has it, "Hyderabad, Pakistan".
    fn qualified_name(&self, p: &crate::kb::Place) -> String {
        if p.kind != crate::kb::PlaceKind::City {
            return p.name.clone();
        }
        let region = self
            .kb
            .admin1(&p.country, &p.admin1)
            .filter(|_| p.country == "US")
            .or_else(|| self.kb.country(&p.country))
            .map(|r| r.name.clone());
        match region {
            Some(r) => format!("{}, {r}", p.name),
            None => p.name.clone(),
        }
    }
}

/// The GeoNames id most documents linked the key to (ties: the smaller id).
fn top_link(st: &KeyStats) -> Option<u64> {
    st.links
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(&id, _)| id)
}

/// Two keys share context when the sentences naming them also name one same ORG or
/// PERSON, or share a role word and one same other name.
fn shared_context(a: &KeyStats, b: &KeyStats) -> bool {
    let shared: Vec<&String> = a.context.intersection(&b.context).collect();
    let strong = shared
        .iter()
        .any(|c| c.starts_with("ORG ") || c.starts_with("PERSON "));
    let role = a.roles.intersection(&b.roles).next().is_some();
    strong || (role && !shared.is_empty())
}

/// Union-find over key indices; each set carries the analyst's split tags, and a union
/// that would put two names of one split group together is refused.
#[derive(Debug)]
struct UnionFind {
    parent: Vec<usize>,
    tags: Vec<BTreeSet<(usize, usize)>>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
            tags: vec![BTreeSet::new(); n],
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the sets of `a` and `b` (the smaller root wins, for determinism); false when
    /// a split forbids it.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let clash = self.tags[ra]
            .iter()
            .any(|(g, m)| self.tags[rb].iter().any(|(g2, m2)| g == g2 && m != m2));
        if clash {
            return false;
        }
        let (root, child) = (ra.min(rb), ra.max(rb));
        self.parent[child] = root;
        let moved = std::mem::take(&mut self.tags[child]);
        self.tags[root].extend(moved);
        true
    }
}
