//! The gazetteer: entity names from TSV lists, compiled into one Aho-Corasick automaton.
//!
//! Format (fixed, shared with the data in `data/`): UTF-8, a header line, `#` comments,
//! six tab-separated columns `label canonical aliases type country source`, aliases
//! `|`-separated. Parsing never fails: a malformed line is skipped (and reported by
//! [`parse`], which the unit tests use to check the embedded files are clean).

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, MatchKind};
use dossier_core::{Label, Span};

/// The embedded gazetteer files, in priority order (an earlier file wins a shared name).
pub(crate) const EMBEDDED: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../data/countries.tsv")),
    ("demonyms.tsv", include_str!("../data/demonyms.tsv")),
    ("regions.tsv", include_str!("../data/regions.tsv")),
    (
        "organizations.tsv",
        include_str!("../data/organizations.tsv"),
    ),
    ("armed_groups.tsv", include_str!("../data/armed_groups.tsv")),
    ("media.tsv", include_str!("../data/media.tsv")),
    ("companies.tsv", include_str!("../data/companies.tsv")),
    (
        "admin_regions.tsv",
        include_str!("../data/admin_regions.tsv"),
    ),
    ("cities.tsv", include_str!("../data/cities.tsv")),
    ("ambiguous.tsv", include_str!("../data/ambiguous.tsv")),
];

/// One gazetteer entry: a canonical name, its aliases and attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) label: Label,
    pub(crate) canonical: String,
    pub(crate) aliases: Vec<String>,
    /// The `type` column (`country`, `armed_group`, `news_media`, …).
    pub(crate) kind: String,
    /// From `ambiguous.tsv`: also a common word or first name; needs context.
    pub(crate) ambiguous: bool,
    /// Role for the entity table: `armed_group` for armed groups, else the type of an ORG.
    pub(crate) role: Option<String>,
}

/// Parses one TSV file into entries; returns the problems (1-based line, reason) of the
/// lines it skipped.
pub(crate) fn parse(file: &str, text: &str, out: &mut Vec<Entry>) -> Vec<(usize, String)> {
    let mut problems = Vec::new();
    let ambiguous = file.starts_with("ambiguous");
    let armed = file.starts_with("armed_groups");
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("label\t") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() < 2 || cols.len() > 6 {
            problems.push((i + 1, format!("{} columns", cols.len())));
            continue;
        }
        let col = |k: usize| cols.get(k).copied().unwrap_or("");
        let label = match Label::parse(col(0)) {
            Some(Label::Date) | None => {
                problems.push((i + 1, format!("bad label {:?}", col(0))));
                continue;
            }
            Some(l) => l,
        };
        if col(1).is_empty() {
            problems.push((i + 1, "empty canonical".to_string()));
            continue;
        }
        let kind = col(3).to_string();
        let role = if armed || kind == "armed_group" {
            Some("armed_group".to_string())
        } else if label == Label::Org && !kind.is_empty() {
            Some(kind.clone())
        } else {
            None
        };
        out.push(Entry {
            label,
            canonical: col(1).to_string(),
            aliases: col(2)
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
            kind,
            ambiguous,
            role,
        });
    }
    problems
}

/// A raw match of a gazetteer form in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) span: Span,
    pub(crate) entry: usize,
    /// Matched the upper-cased form (`AFGHANISTAN`), valid only in all-caps contexts.
    pub(crate) upper: bool,
}

#[derive(Debug, Clone, Copy)]
struct Pattern {
    entry: usize,
    upper: bool,
}

/// The compiled gazetteer.
#[derive(Debug, Clone)]
pub(crate) struct Gazetteer {
    pub(crate) entries: Vec<Entry>,
    ac: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    by_key: BTreeMap<(Label, String), usize>,
}

impl Gazetteer {
    /// Compiles entries; for a name shared by several entries, the first non-ambiguous
    /// entry wins, and a stored form beats an upper-cased one.
    pub(crate) fn new(entries: Vec<Entry>) -> Gazetteer {
        let mut forms: BTreeMap<String, (u8, usize, Pattern)> = BTreeMap::new();
        let mut add = |form: String, rank: u8, order: usize, p: Pattern| {
            if form.chars().count() < 2 {
                return;
            }
            let slot = forms.entry(form).or_insert((rank, order, p));
            if (rank, order) < (slot.0, slot.1) {
                *slot = (rank, order, p);
            }
        };
        for (i, e) in entries.iter().enumerate() {
            let amb = u8::from(e.ambiguous);
            for name in std::iter::once(&e.canonical).chain(&e.aliases) {
                // A leading article stays outside the span ("the Taliban" → "Taliban").
                let name = ["the ", "The ", "THE "]
                    .iter()
                    .find_map(|a| name.strip_prefix(a))
                    .unwrap_or(name)
                    .to_string();
                let mut variants = vec![name.clone()];
                if name.contains('’') {
                    variants.push(name.replace('’', "'"));
                }
                if name.contains('\'') {
                    variants.push(name.replace('\'', "’"));
                }
                for v in variants {
                    let up = v.to_uppercase();
                    let stored = Pattern {
                        entry: i,
                        upper: false,
                    };
                    let upper = Pattern {
                        entry: i,
                        upper: true,
                    };
                    if up != v {
                        add(up, 2 + amb * 2, i, upper);
                    }
                    add(v, amb * 2, i, stored);
                }
            }
        }
        let mut by_key = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            by_key.entry((e.label, e.canonical.clone())).or_insert(i);
        }
        let (names, patterns): (Vec<String>, Vec<Pattern>) =
            forms.into_iter().map(|(k, (_, _, p))| (k, p)).unzip();
        let ac = if names.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&names)
                .ok()
        };
        Gazetteer {
            entries,
            ac,
            patterns,
            by_key,
        }
    }

    /// Parses TSV texts (file name, content) and compiles them.
    pub(crate) fn from_tsv<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Gazetteer {
        let mut entries = Vec::new();
        for (name, text) in files {
            parse(name, text, &mut entries);
        }
        Gazetteer::new(entries)
    }

    /// Every (overlapping) match of every form, in no particular order.
    pub(crate) fn find(&self, text: &str) -> Vec<Hit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        ac.find_overlapping_iter(text)
            .map(|m| {
                let p = self.patterns[m.pattern().as_usize()];
                Hit {
                    span: Span::new(m.start(), m.end()),
                    entry: p.entry,
                    upper: p.upper,
                }
            })
            .collect()
    }

    /// The entry with this label and canonical name.
    pub(crate) fn get(&self, label: Label, canonical: &str) -> Option<&Entry> {
        self.by_key
            .get(&(label, canonical.to_string()))
            .map(|&i| &self.entries[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_parses_cleanly() {
        for (name, text) in EMBEDDED {
            let mut entries = Vec::new();
            let problems = parse(name, text, &mut entries);
            assert!(problems.is_empty(), "{name}: {problems:?}");
            for e in &entries {
                assert!(!e.canonical.is_empty(), "{name}: {e:?}");
            }
        }
        // Building the automaton from the embedded data cannot fail either.
        let g = Gazetteer::from_tsv(EMBEDDED.iter().copied());
        assert_eq!(g.ac.is_some(), !g.entries.is_empty());
    }

    #[test]
    fn parses_rows_and_skips_bad_lines() {
        let tsv = "label\tcanonical\taliases\ttype\tcountry\tsource\n# comment\n\
                   GPE\tAfghanistan\tIslamic Republic of Afghanistan\tcountry\tAF\tgeonames\n\
                   ORG\tIslamic State – Khorasan Province\tISIS-K|ISKP\tarmed_group\t\tus-fto\n\
                   XYZ\tBad\t\t\t\t\n";
        let mut entries = Vec::new();
        let problems = parse("armed_groups.tsv", tsv, &mut entries);
        assert_eq!(problems.len(), 1);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].aliases, ["ISIS-K", "ISKP"]);
        assert_eq!(entries[1].role.as_deref(), Some("armed_group"));
        let g = Gazetteer::new(entries);
        let hits = g.find("ISKP and AFGHANISTAN");
        assert!(hits.iter().any(|h| !h.upper && h.span == Span::new(0, 4)));
        assert!(hits.iter().any(|h| h.upper && h.span == Span::new(9, 20)));
    }
}
