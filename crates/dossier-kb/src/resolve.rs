//! Cross-document resolution: mentions keyed by (label, canonical name) become
//! corpus-wide entities linked to the knowledge base, with co-occurrence counts.
//!
//! Keys are merged, in this order, unless the analyst's splits forbid it:
//! 1. the analyst's aliases and merges;
//! 2. the same name after case, diacritic, quote and dash normalisation (the same
//!    [`slugify`]), and a bare acronym with the one long form documents defined for it;
//! 3. the same knowledge-base entry (an alias of the KB: ISKP = ISIS-K = Islamic State –
//!    Khorasan Province; for a PERSON also a transliteration variant of a known person's
//!    name, see [`Kb::lookup`]), or the same GeoNames home place (same label);
//! 4. PERSON transliteration variants: the same number of words, each word with the same
//!    consonant skeleton and at most one edit apart (two for words of 8 letters or more),
//!    and shared context (see [`shared_context`]);
//! 5. a bare PERSON surname with the one full name in the corpus that ends with it, with
//!    shared context. Two people who merely share a surname never merge: their first
//!    names differ, and a bare surname with two candidates stays its own entity.
//!
//! Places are read per document. Each GPE/LOC name is linked with its document's context
//! (through the analyst's name for it, when there is one). A name's home place is the
//! place it stands for without context (Moscow, Russia), or, when no document reads it so,
//! the place most documents chose. A document that reads the name as another place
//! (Moscow beside Idaho and Boise) is an exception: its mentions, surface forms and
//! co-occurrences go to that place's entity (the one already linked to it, or a new one
//! named after the place: "Moscow, Idaho", "Georgia (U.S. state)"), and
//! [`Resolution::overrides`] records (document, key) → that entity. Only exceptions keep a
//! document id, so memory grows with them, not with the corpus, and which document comes
//! first does not decide a name's place.

use std::collections::{BTreeMap, BTreeSet};

use dossier_core::{
    Annotations, Cooccurrence, DocId, Entity, EntityKey, Extractor, GeoLink, Label, Resolution,
    slugify,
};

use crate::config::UserConfig;
use crate::kb::{Kb, KbEntry, Place, PlaceKind};
use crate::link::{PlaceContext, link_place};
use crate::norm::{close_spellings, is_acronym, name_key, skeleton_key, translit_words};

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
    /// Mentions in the documents that read the key as its home place (every document, for
    /// a name that is not a place).
    n_mentions: u64,
    /// Surface forms and how often each was seen (home documents).
    forms: BTreeMap<String, u64>,
    /// Ordinals of the home documents mentioning the key (added in order, so sorted).
    docs: Vec<u32>,
    gazetteer: bool,
    /// For a GPE/LOC name: the place it stands for without context (Moscow, Russia), and
    /// after [`Resolver::finish`]'s first step, its home place: that one, or the reading most
    /// documents chose when none chose it.
    home: Option<u64>,
    /// Other readings of a place name: GeoNames id → the documents whose context chose that
    /// place (Moscow, Idaho). Only documents that read a name against its home place are
    /// kept here, so memory grows with those exceptions, not with the corpus.
    others: BTreeMap<u64, Reading>,
    /// Keys named in the same sentences ("LABEL name-key"), at most [`MAX_CONTEXT`].
    context: BTreeSet<String>,
    /// Role words of the sentences naming it.
    roles: BTreeSet<&'static str>,
}

/// The documents that read a place name as one place other than its home place.
#[derive(Debug, Clone, Default)]
struct Reading {
    n_mentions: u64,
    forms: BTreeMap<String, u64>,
    /// (document ordinal, document id), in order.
    docs: Vec<(u32, String)>,
}

/// A key as one document reads it: the place when it is not the key's home place.
type Node = (EntityKey, Option<u64>);

/// Whole-corpus entity resolution against a knowledge base. Memory grows with the number
/// of distinct entities (their surface forms, a bounded context each, the distinct pairs
/// that co-occur, and the documents that read a place name against its usual place), not
/// with the corpus.
#[derive(Debug, Clone)]
pub struct Resolver<'a> {
    kb: &'a Kb,
    config: &'a UserConfig,
    keys: BTreeMap<EntityKey, KeyStats>,
    /// (label, acronym) → the long forms documents defined for it.
    acronyms: BTreeMap<(Label, String), BTreeSet<String>>,
    /// Node pairs in one sentence, first node → second node → (sentences, documents).
    pairs: BTreeMap<Node, BTreeMap<Node, (u64, u64)>>,
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
    /// Every GPE/LOC name is linked with this document's context; `doc_id` names the
    /// document in [`Resolution::overrides`] when its reading of a name is another place
    /// than the name's usual one.
    pub fn add(&mut self, doc_id: &DocId, annotations: &Annotations, text: &str) {
        let doc = self.n_docs;
        self.n_docs += 1;
        let mentions: Vec<_> = annotations
            .mentions
            .iter()
            .filter(|m| m.label != Label::Date && !m.canonical.is_empty())
            .collect();
        // Places: link with the document's context.
        let names: BTreeSet<(Label, &str)> = mentions
            .iter()
            .map(|m| (m.label, m.canonical.as_str()))
            .collect();
        let ctx = PlaceContext::of_document(self.kb, names.iter().copied());
        let mut linked: BTreeMap<EntityKey, u64> = BTreeMap::new();
        for &(label, name) in &names {
            if let Some(p) = self.link(label, name, &ctx) {
                let key = EntityKey {
                    label,
                    name: name.to_string(),
                };
                linked.insert(key, p.geonames_id);
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
                linked.insert(EntityKey::of(a), pa);
                linked.insert(EntityKey::of(b), pb);
            }
        }
        // The document's exceptions: names it reads as another place than without context.
        let mut exception: BTreeMap<EntityKey, u64> = BTreeMap::new();
        for (key, place) in linked {
            if !self.keys.contains_key(&key) {
                let home = self
                    .link(key.label, &key.name, &PlaceContext::default())
                    .map(|p| p.geonames_id);
                let st = KeyStats {
                    home,
                    ..KeyStats::default()
                };
                self.keys.insert(key.clone(), st);
            }
            if self.keys[&key].home != Some(place) {
                exception.insert(key, place);
            }
        }
        let node = |key: EntityKey| -> Node {
            let place = exception.get(&key).copied();
            (key, place)
        };
        // Sentences: which nodes each holds, and its role words.
        let mut by_sentence: BTreeMap<usize, BTreeSet<Node>> = BTreeMap::new();
        for m in &mentions {
            by_sentence
                .entry(m.sentence)
                .or_default()
                .insert(node(EntityKey::of(m)));
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
                .filter_map(role_word)
                .collect()
        };
        // Made once per document: the role words of a sentence, and the context name
        // ("LABEL name-key") of a key.
        let mut sentence_roles: BTreeMap<usize, BTreeSet<&'static str>> = BTreeMap::new();
        let mut context_names: BTreeMap<&EntityKey, String> = BTreeMap::new();
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
            let place = exception.get(&key).copied();
            let st = self.keys.entry(key.clone()).or_default();
            match place {
                None => {
                    st.n_mentions += 1;
                    *st.forms.entry(surface).or_default() += 1;
                    if st.docs.last() != Some(&doc) {
                        st.docs.push(doc);
                    }
                }
                Some(place) => {
                    let r = st.others.entry(place).or_default();
                    r.n_mentions += 1;
                    *r.forms.entry(surface).or_default() += 1;
                    if r.docs.last().map(|d| d.0) != Some(doc) {
                        r.docs.push((doc, doc_id.as_str().to_string()));
                    }
                }
            }
            st.gazetteer |= m.extractor == Extractor::Gazetteer;
            if m.label == Label::Person {
                let roles = sentence_roles
                    .entry(m.sentence)
                    .or_insert_with(|| roles_of(m.sentence));
                st.roles.extend(roles.iter().copied());
            }
            if let Some(others) = by_sentence.get(&m.sentence) {
                for (o, _) in others {
                    if *o != key && st.context.len() < MAX_CONTEXT {
                        let name = context_names.entry(o).or_insert_with(|| {
                            format!("{} {}", o.label.as_str(), name_key(&o.name))
                        });
                        if !st.context.contains(name) {
                            st.context.insert(name.clone());
                        }
                    }
                }
            }
        }
        // Co-occurrences: distinct node pairs per sentence; documents counted once.
        let mut in_doc: BTreeMap<(&Node, &Node), u64> = BTreeMap::new();
        for nodes in by_sentence.values() {
            let nodes: Vec<&Node> = nodes.iter().collect();
            for (i, a) in nodes.iter().enumerate() {
                for b in &nodes[i + 1..] {
                    *in_doc.entry((a, b)).or_default() += 1;
                }
            }
        }
        for ((a, b), n) in in_doc {
            if let Some(e) = self.pairs.get_mut(a).and_then(|seconds| seconds.get_mut(b)) {
                e.0 += n;
                e.1 += 1;
                continue;
            }
            let e = self
                .pairs
                .entry(a.clone())
                .or_default()
                .entry(b.clone())
                .or_default();
            e.0 += n;
            e.1 += 1;
        }
    }

    /// The place a GPE/LOC name stands for in a document with this context: the place of
    /// the name the analyst gives it ("Moscow, Idaho" for an alias "Moscow"), else its own.
    fn link(&self, label: Label, name: &str, ctx: &PlaceContext) -> Option<&'a Place> {
        if !matches!(label, Label::Gpe | Label::Loc) {
            // Only places link (`link_place`).
            return None;
        }
        self.config
            .target(label, name)
            .and_then(|t| link_place(self.kb, label, t, ctx))
            .or_else(|| link_place(self.kb, label, name, ctx))
    }

    /// The places named `inner` and `outer` such that the first lies in the second (a US
    /// state or a country), the most populous such `inner` first; `None` when no pair
    /// agrees.
    fn contained_in(&self, inner: &str, outer: &str) -> Option<(u64, u64)> {
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
    pub fn finish(mut self) -> Resolution {
        // A place name no document read as its context-free place gets the reading most
        // documents chose as its home (ties: more mentions, then the smaller GeoNames id).
        for st in self.keys.values_mut() {
            if !st.docs.is_empty() {
                continue;
            }
            let best = st
                .others
                .iter()
                .max_by(|a, b| {
                    (a.1.docs.len(), a.1.n_mentions)
                        .cmp(&(b.1.docs.len(), b.1.n_mentions))
                        .then_with(|| b.0.cmp(a.0))
                })
                .map(|(&id, _)| id);
            if let Some(id) = best
                && let Some(r) = st.others.remove(&id)
            {
                st.home = Some(id);
                st.n_mentions = r.n_mentions;
                st.forms = r.forms;
                st.docs = r.docs.into_iter().map(|(d, _)| d).collect();
            }
        }
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
        let words: Vec<Vec<String>> = keys.iter().map(|k| translit_words(&k.name)).collect();
        let mut buckets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, k) in keys.iter().enumerate() {
            if k.label == Label::Person && words[i].len() >= 2 {
                buckets.entry(skeleton_key(&words[i])).or_default().push(i);
            }
        }
        for members in buckets.values() {
            for (x, &i) in members.iter().enumerate() {
                for &j in &members[x + 1..] {
                    if uf.find(i) == uf.find(j) {
                        continue;
                    }
                    let close = close_spellings(&words[i], &words[j]);
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

    /// The knowledge-base entry of a name: [`Kb::lookup`] (transliteration variants of
    /// known people included), but only the exact names and aliases of the knowledge base
    /// for a name the analyst put in a split.
    fn entry_of(&self, label: Label, name: &str) -> Option<&'a KbEntry> {
        if self.config.split_tags(label, name).is_empty() {
            self.kb.lookup(label, name)
        } else {
            self.kb.entry(label, name)
        }
    }

    /// The knowledge-base id of a key: `geonames:<id>` of its home place, else its entry's.
    fn kb_id(&self, k: &EntityKey, st: &KeyStats) -> Option<String> {
        if let Some(id) = st.home {
            return Some(format!("geonames:{id}"));
        }
        self.entry_of(k.label, &k.name).map(|e| e.kb_id.clone())
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
        let mut entity_docs: Vec<Vec<u32>> = Vec::new();
        for group in clusters.into_values() {
            let label = keys[group[0]].label;
            // The analyst's name, else the KB entry's name, else a gazetteer name, a long
            // form, the most frequent (places keep the corpus's name).
            let user_name = group.iter().find_map(|&i| user[i]);
            let kb_entry = group
                .iter()
                .find_map(|&i| self.entry_of(keys[i].label, &keys[i].name));
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
            // A place is named after itself when the name does not stand for it without
            // context: "Moscow, Idaho" when only Idaho documents name it, "Washington" for
            // the state when a knowledge-base name points at another place.
            let mut name = name;
            if user_name.is_none()
                && let Some(g) = &geo
                && let Some(place) = self.kb.place(g.geonames_id)
                && link_place(self.kb, label, &name, &PlaceContext::default())
                    .is_none_or(|p| p.geonames_id != g.geonames_id)
            {
                let own = self.place_name(label, place);
                aliases.insert(std::mem::replace(&mut name, own));
                aliases.remove(&name);
            }
            entities.push(Entity {
                id: String::new(),
                label,
                name,
                aliases: aliases.into_iter().collect(),
                role: entry.and_then(|e| e.role.clone()),
                kb_id,
                n_mentions: group.iter().map(|&i| stats[i].n_mentions).sum(),
                n_documents: 0,
                geo,
                watched: false,
            });
            members.push(group);
            entity_docs.push(docs);
        }
        // Documents that read a place name as another place than its home place: that
        // place's entity gets them (the entity linked to it, or a new one: "Moscow, Idaho"
        // beside "Moscow"), with their mentions, surface forms and co-occurrences.
        let mut by_place: BTreeMap<(Label, String), usize> = BTreeMap::new();
        for (e, x) in entities.iter().enumerate() {
            if let Some(id) = &x.kb_id
                && x.geo.is_some()
            {
                by_place.entry((x.label, id.clone())).or_insert(e);
            }
        }
        let mut target_of: BTreeMap<(usize, u64), usize> = BTreeMap::new();
        let mut exceptions: Vec<(String, usize, usize)> = Vec::new();
        for (i, st) in stats.iter().enumerate() {
            for (&place, r) in &st.others {
                let Some(p) = self.kb.place(place) else {
                    continue;
                };
                let label = keys[i].label;
                let t = *by_place.entry((label, p.kb_id())).or_insert_with(|| {
                    entities.push(Entity {
                        id: String::new(),
                        label,
                        name: self.place_name(label, p),
                        aliases: Vec::new(),
                        kb_id: Some(p.kb_id()),
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
                    entity_docs.push(Vec::new());
                    entities.len() - 1
                });
                target_of.insert((i, place), t);
                let e = &mut entities[t];
                e.n_mentions += r.n_mentions;
                let mut aliases: BTreeSet<String> =
                    std::mem::take(&mut e.aliases).into_iter().collect();
                aliases.insert(keys[i].name.clone());
                aliases.extend(r.forms.keys().cloned());
                aliases.remove(&e.name);
                e.aliases = aliases.into_iter().collect();
                entity_docs[t].extend(r.docs.iter().map(|d| d.0));
                exceptions.extend(r.docs.iter().map(|d| (d.1.clone(), i, t)));
            }
        }
        for (e, docs) in entities.iter_mut().zip(&mut entity_docs) {
            docs.sort_unstable();
            docs.dedup();
            e.n_documents = docs.len() as u64;
            e.watched = self.watched(e);
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
        let mut new_of = vec![0; entities.len()];
        for (new, &old) in order.iter().enumerate() {
            new_of[old] = new;
            sorted.push(entities[old].clone());
            for &i in &members[old] {
                index.insert(keys[i].clone(), new);
            }
        }
        let overrides = exceptions
            .into_iter()
            .map(|(doc_id, i, t)| ((doc_id, keys[i].clone()), new_of[t]))
            .collect();
        // The entity of a key as one document read it.
        let position: BTreeMap<&EntityKey, usize> =
            keys.iter().enumerate().map(|(i, &k)| (k, i)).collect();
        let entity_of = |(key, place): &Node| -> Option<usize> {
            let i = *position.get(key)?;
            match place {
                Some(p) if stats[i].home != Some(*p) => target_of.get(&(i, *p)).map(|&t| new_of[t]),
                _ => index.get(key).copied(),
            }
        };
        // Co-occurrences of entities. Two keys of one entity in one document may both pair
        // with a third: the document count is capped by the entities' own counts.
        let mut co: BTreeMap<(usize, usize), (u64, u64)> = BTreeMap::new();
        let pairs = self
            .pairs
            .iter()
            .flat_map(|(a, seconds)| seconds.iter().map(move |(b, counts)| (a, b, counts)));
        for (a, b, (s, d)) in pairs {
            let (Some(x), Some(y)) = (entity_of(a), entity_of(b)) else {
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

    /// A place's name: its GeoNames name when that name stands for it without context
    /// ("Moscow", "Georgia", "Washington" for the state), else the name told apart from its
    /// namesakes: "Moscow, Idaho", "Hyderabad, Pakistan", "Georgia (U.S. state)".
    fn place_name(&self, label: Label, p: &Place) -> String {
        let plain = link_place(self.kb, label, &p.name, &PlaceContext::default())
            .is_some_and(|q| q.geonames_id == p.geonames_id);
        if plain {
            return p.name.clone();
        }
        match p.kind {
            PlaceKind::City => {
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
            PlaceKind::Admin1 if p.country == "US" => format!("{} (U.S. state)", p.name),
            PlaceKind::Admin1 => match self.kb.country(&p.country) {
                Some(c) => format!("{}, {}", p.name, c.name),
                None => p.name.clone(),
            },
            PlaceKind::Country | PlaceKind::Continent => p.name.clone(),
        }
    }

    /// Whether an entity is on the analyst's watch-list: by its name, an alias or its
    /// knowledge-base id, or by a watched name the knowledge base knows as this entity.
    fn watched(&self, e: &Entity) -> bool {
        let names = std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str));
        self.config.watched(e.label, names, e.kb_id.as_deref())
            || self.config.watch.iter().any(|(wl, w)| {
                wl.is_none_or(|wl| wl == e.label)
                    && e.kb_id.is_some()
                    && self.kb.lookup(e.label, w).map(|x| x.kb_id.as_str()) == e.kb_id.as_deref()
            })
    }
}

/// The role word (of [`ROLE_WORDS`]) a word is, in any case.
fn role_word(word: &str) -> Option<&'static str> {
    if word.is_ascii() {
        ROLE_WORDS
            .iter()
            .find(|r| word.eq_ignore_ascii_case(r))
            .copied()
    } else {
        // Lower-casing may change the length (`İ`) or reach ASCII (the Kelvin sign).
        let word = word.to_lowercase();
        ROLE_WORDS.iter().find(|r| **r == word).copied()
    }
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
