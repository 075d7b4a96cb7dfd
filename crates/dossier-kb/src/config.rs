//! The analyst's hand: the user entities file (`entities.toml`), parsed from its text.

use std::fmt;

use dossier_core::Label;
use serde::Deserialize;

use crate::norm::name_key;

/// What the analyst says about entities: extra aliases, forced merges and splits, and a
/// watch-list. Parsed from an `entities.toml` text with [`UserConfig::parse`]; the
/// default says nothing.
///
/// ```toml
/// [[alias]]            # these names are the entity `name` (for a place, the place that
///                      # name stands for: name = "Moscow, Idaho", aliases = ["Moscow"])
/// label = "ORG"
/// name = "RASC News"
/// aliases = ["RASC News Agency", "RASC"]
///
/// [[merge]]            # one entity; the first name is its name
/// label = "PERSON"
/// names = ["Amangali Tasmagambitov", "Imangali Tasmagambetov"]
///
/// [[split]]            # never in one entity, whatever the rules say
/// label = "PERSON"
/// names = ["Sirajuddin Haqqani", "Jalaluddin Haqqani"]
///
/// [[watch]]            # mark in entities.csv (`watched`); label optional
/// label = "ORG"
/// name = "ISKP"
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserConfig {
    /// (label, name, aliases): each alias resolves to the entity `name`.
    pub aliases: Vec<(Label, String, Vec<String>)>,
    /// (label, names): forced into one entity, named by the first.
    pub merges: Vec<(Label, Vec<String>)>,
    /// (label, names): never two of them in one entity.
    pub splits: Vec<(Label, Vec<String>)>,
    /// (label or any, name): entities to mark as watched; a name matches an entity's
    /// name, any of its aliases, or its knowledge-base id.
    pub watch: Vec<(Option<Label>, String)>,
}

/// Why an entities file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    alias: Vec<AliasRow>,
    #[serde(default)]
    merge: Vec<GroupRow>,
    #[serde(default)]
    split: Vec<GroupRow>,
    #[serde(default)]
    watch: Vec<WatchRow>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasRow {
    label: String,
    name: String,
    aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupRow {
    label: String,
    names: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WatchRow {
    label: Option<String>,
    name: String,
}

fn label(s: &str) -> Result<Label, ConfigError> {
    match Label::parse(&s.to_uppercase()) {
        Some(Label::Date) | None => Err(ConfigError {
            message: format!("unknown label {s:?} (expected PERSON, ORG, GPE, LOC or NORP)"),
        }),
        Some(l) => Ok(l),
    }
}

impl UserConfig {
    /// Parses an `entities.toml` text. Unknown keys and labels are errors.
    pub fn parse(text: &str) -> Result<UserConfig, ConfigError> {
        let file: File = toml::from_str(text).map_err(|e| ConfigError {
            message: e.to_string(),
        })?;
        let mut c = UserConfig::default();
        for a in file.alias {
            c.aliases.push((label(&a.label)?, a.name, a.aliases));
        }
        for (rows, out) in [(file.merge, &mut c.merges), (file.split, &mut c.splits)] {
            for g in rows {
                if g.names.len() < 2 {
                    return Err(ConfigError {
                        message: format!("a merge or split needs two names or more: {:?}", g.names),
                    });
                }
                out.push((label(&g.label)?, g.names));
            }
        }
        for w in file.watch {
            let l = w.label.as_deref().map(label).transpose()?;
            c.watch.push((l, w.name));
        }
        Ok(c)
    }

    /// The name the analyst gives this (label, name), if any: an alias's entity, or the
    /// first name of a merge.
    pub(crate) fn target(&self, l: Label, name: &str) -> Option<&str> {
        let key = name_key(name);
        for (al, target, aliases) in &self.aliases {
            if *al == l && (name_key(target) == key || aliases.iter().any(|a| name_key(a) == key)) {
                return Some(target);
            }
        }
        for (ml, names) in &self.merges {
            if *ml == l && names.iter().any(|n| name_key(n) == key) {
                return Some(&names[0]);
            }
        }
        None
    }

    /// The split tags of a name: (split group, position in it).
    pub(crate) fn split_tags(&self, l: Label, name: &str) -> Vec<(usize, usize)> {
        let key = name_key(name);
        let mut out = Vec::new();
        for (g, (sl, names)) in self.splits.iter().enumerate() {
            if *sl == l
                && let Some(i) = names.iter().position(|n| name_key(n) == key)
            {
                out.push((g, i));
            }
        }
        out
    }

    /// Whether an entity with this label and these names (and knowledge-base id) is watched.
    pub(crate) fn watched<'a>(
        &self,
        l: Label,
        names: impl IntoIterator<Item = &'a str>,
        kb_id: Option<&str>,
    ) -> bool {
        if self.watch.is_empty() {
            return false;
        }
        let keys: Vec<String> = names.into_iter().map(name_key).collect();
        self.watch.iter().any(|(wl, w)| {
            wl.is_none_or(|wl| wl == l)
                && (keys.contains(&name_key(w)) || kb_id.is_some_and(|id| id == w))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_section() {
        let c = UserConfig::parse(
            r#"
[[alias]]
label = "ORG"
name = "RASC News"
aliases = ["RASC News Agency"]

[[merge]]
label = "person"
names = ["A B", "C D"]

[[split]]
label = "PERSON"
names = ["E F", "G H"]

[[watch]]
name = "ISKP"
"#,
        )
        .unwrap();
        assert_eq!(c.target(Label::Org, "RASC news agency"), Some("RASC News"));
        assert_eq!(c.target(Label::Person, "C D"), Some("A B"));
        assert_eq!(c.target(Label::Gpe, "C D"), None);
        assert_eq!(c.split_tags(Label::Person, "G H"), [(0, 1)]);
        assert!(c.watched(
            Label::Org,
            ["Islamic State – Khorasan Province", "ISKP"],
            None
        ));
        assert!(!c.watched(Label::Org, ["Taliban"], None));
    }

    #[test]
    fn refuses_unknown_keys_and_labels() {
        assert!(UserConfig::parse("[[watch]]\nnmae = \"x\"\n").is_err());
        let e = UserConfig::parse("[[watch]]\nlabel = \"THING\"\nname = \"x\"\n").unwrap_err();
        assert!(e.to_string().contains("THING"), "{e}");
        assert!(UserConfig::parse("[[merge]]\nlabel = \"ORG\"\nnames = [\"x\"]\n").is_err());
        assert_eq!(UserConfig::parse("").unwrap(), UserConfig::default());
    }
}
