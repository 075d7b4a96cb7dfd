//! Cross-document resolution: mentions keyed by (label, canonical) become corpus-wide
//! entities with stable ids.
//!
//! Merges only what is safe: names equal after case, diacritic, quote and dash
//! normalisation (the same [`slugify`]), and a bare acronym with the one long form some
//! document defined for it. Two people sharing a surname never merge (a bare surname is
//! resolved inside its own document, or stays its own entity).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

use dossier_core::{Annotations, Entity, EntityKey, Extractor, Label, Resolution, slugify};

use crate::extract::Recognizer;
use crate::gazetteer::{EMBEDDED, Gazetteer};

fn embedded_gazetteer() -> Arc<Gazetteer> {
    static GAZ: OnceLock<Arc<Gazetteer>> = OnceLock::new();
    GAZ.get_or_init(|| Arc::new(Gazetteer::from_tsv(EMBEDDED.iter().copied())))
        .clone()
}

#[derive(Debug, Clone, Default)]
struct KeyStats {
    n_mentions: u64,
    /// Surface forms and how often each was seen.
    forms: BTreeMap<String, u64>,
    /// Ordinals of the documents mentioning the key (added in order, so sorted).
    docs: Vec<u32>,
    gazetteer: bool,
}

/// Whole-corpus entity resolution. Memory grows with the number of distinct entities
/// (and their distinct surface forms), not with the corpus.
#[derive(Debug, Clone)]
pub struct Resolver {
    gaz: Arc<Gazetteer>,
    keys: BTreeMap<EntityKey, KeyStats>,
    /// (label, acronym) → the long forms documents defined for it.
    acronyms: BTreeMap<(Label, String), BTreeSet<String>>,
    n_docs: u32,
}

impl Default for Resolver {
    fn default() -> Resolver {
        Resolver::new()
    }
}

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    !s.contains(char::is_whitespace) && upper >= 2 && upper * 2 >= letters
}

impl Resolver {
    /// A resolver that knows the embedded gazetteer (for canonical names and roles).
    pub fn new() -> Resolver {
        Resolver::with_gazetteer(embedded_gazetteer())
    }

    /// A resolver that shares the recognizer's gazetteer (embedded and extra files).
    pub fn for_recognizer(recognizer: &Recognizer) -> Resolver {
        Resolver::with_gazetteer(recognizer.gaz.clone())
    }

    fn with_gazetteer(gaz: Arc<Gazetteer>) -> Resolver {
        Resolver {
            gaz,
            keys: BTreeMap::new(),
            acronyms: BTreeMap::new(),
            n_docs: 0,
        }
    }

    /// Adds one document's mentions; `text` is the clean text their spans point into.
    pub fn add(&mut self, annotations: &Annotations, text: &str) {
        let doc = self.n_docs;
        self.n_docs += 1;
        for m in &annotations.mentions {
            if m.label == Label::Date {
                continue;
            }
            let Some(surface) = text.get(m.span.range()) else {
                continue;
            };
            let surface = surface.split_whitespace().collect::<Vec<_>>().join(" ");
            let key = EntityKey::of(m);
            let gaz = m.extractor == Extractor::Gazetteer
                || self.gaz.get(m.label, &m.canonical).is_some();
            if is_acronym(&surface) && surface != m.canonical && m.canonical.contains(' ') {
                self.acronyms
                    .entry((m.label, surface.clone()))
                    .or_default()
                    .insert(m.canonical.clone());
            }
            let st = self.keys.entry(key).or_default();
            st.n_mentions += 1;
            *st.forms.entry(surface).or_default() += 1;
            if st.docs.last() != Some(&doc) {
                st.docs.push(doc);
            }
            st.gazetteer |= gaz;
        }
    }

    /// Groups the keys into entities.
    pub fn finish(self) -> Resolution {
        // Group key: (label, slug of the long name).
        let mut groups: BTreeMap<(Label, String), Vec<&EntityKey>> = BTreeMap::new();
        for key in self.keys.keys() {
            let mut name = key.name.as_str();
            if is_acronym(name)
                && let Some(longs) = self.acronyms.get(&(key.label, name.to_string()))
                && longs.len() == 1
                && let Some(long) = longs.first()
            {
                name = long;
            }
            let slug = slugify(name);
            let slug = if slug.is_empty() {
                "entity".to_string()
            } else {
                slug
            };
            groups.entry((key.label, slug)).or_default().push(key);
        }
        let mut entities = Vec::new();
        let mut members = Vec::new();
        for ((label, _), keys) in groups {
            let stats: Vec<&KeyStats> = keys.iter().map(|k| &self.keys[*k]).collect();
            // Display name: a gazetteer canonical, else the most frequent full form.
            let mut best: Option<(bool, bool, u64, &str)> = None;
            for (k, st) in keys.iter().zip(&stats) {
                let cand = (
                    st.gazetteer,
                    !is_acronym(&k.name),
                    st.n_mentions,
                    k.name.as_str(),
                );
                let better = match best {
                    None => true,
                    Some(b) => {
                        (cand.0, cand.1, cand.2) > (b.0, b.1, b.2)
                            || ((cand.0, cand.1, cand.2) == (b.0, b.1, b.2) && cand.3 < b.3)
                    }
                };
                if better {
                    best = Some(cand);
                }
            }
            let Some((_, _, _, name)) = best else {
                continue;
            };
            let mut aliases: BTreeSet<String> = BTreeSet::new();
            for (k, st) in keys.iter().zip(&stats) {
                aliases.insert(k.name.clone());
                aliases.extend(st.forms.keys().cloned());
            }
            aliases.remove(name);
            let mut docs: Vec<u32> = stats.iter().flat_map(|s| s.docs.iter().copied()).collect();
            docs.sort_unstable();
            docs.dedup();
            let role = keys
                .iter()
                .find_map(|k| self.gaz.get(k.label, &k.name).and_then(|e| e.role.clone()));
            let slug = slugify(name);
            let slug = if slug.is_empty() {
                "entity".to_string()
            } else {
                slug
            };
            entities.push(Entity {
                id: format!("{}:{}", label.id_prefix(), slug),
                label,
                name: name.to_string(),
                aliases: aliases.into_iter().collect(),
                kb_id: None,
                role,
                n_mentions: stats.iter().map(|s| s.n_mentions).sum(),
                n_documents: docs.len() as u64,
                geo: None,
                watched: false,
            });
            members.push(keys.into_iter().cloned().collect::<Vec<EntityKey>>());
        }
        // Sort by id (ids are unique: one per group slug).
        let mut order: Vec<usize> = (0..entities.len()).collect();
        order.sort_by(|&a, &b| entities[a].id.cmp(&entities[b].id));
        let mut sorted = Vec::with_capacity(entities.len());
        let mut index = BTreeMap::new();
        for (new, &old) in order.iter().enumerate() {
            sorted.push(entities[old].clone());
            for key in &members[old] {
                index.insert(key.clone(), new);
            }
        }
        Resolution {
            entities: sorted,
            index,
            cooccurrences: Vec::new(),
            overrides: Default::default(),
        }
    }
}
