//! Linking place names to GeoNames with the document's context.
//!
//! Each candidate place gets a score: a prior (log10 of its population; countries and
//! continents +3; a US state counts as a city of a million; +1 when the name is the
//! GeoNames name rather than an alternate name), plus 5 when its country is the country of
//! another place of the document (or of a demonym), plus 5 when a city lies in a US state
//! the document names, plus 10 for a qualifier in the name itself (`Georgia (U.S.
//! state)`; `Kingston, Norfolk Island` or `Moscow, Idaho`: a country, or the US state a
//! city lies in). The context is built from the document's names that are not ambiguous
//! (one candidate place, or a demonym); a name never counts as its own context. So Moscow
//! beside Russia is Moscow, Russia, and even alone (population); Georgia beside Tbilisi is
//! the country, beside Atlanta the US state.

use std::collections::BTreeSet;

use dossier_core::Label;

use crate::kb::{Kb, Place, PlaceKind};
use crate::norm::name_key;

/// Countries and US states a document names, each with the name that says so.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlaceContext {
    /// (country code, name key of the name that gives it).
    countries: BTreeSet<(String, String)>,
    /// (country code, admin1 code, name key of the name that gives it).
    admin1: BTreeSet<(String, String, String)>,
}

impl PlaceContext {
    /// The context of a document: its entity names (label, canonical name) as the
    /// recogniser gave them, in any order.
    pub fn of_document<'a>(kb: &Kb, names: impl IntoIterator<Item = (Label, &'a str)>) -> Self {
        let mut ctx = PlaceContext::default();
        for (label, name) in names {
            match label {
                Label::Gpe | Label::Loc => {
                    let (base, _) = split_qualifier(name);
                    let cands = kb.places_named(base);
                    if let [p] = cands[..] {
                        let key = name_key(name);
                        if !p.country.is_empty() {
                            ctx.countries.insert((p.country.clone(), key.clone()));
                        }
                        if p.kind == PlaceKind::Admin1 {
                            ctx.admin1
                                .insert((p.country.clone(), p.admin1.clone(), key.clone()));
                        }
                    }
                }
                Label::Norp => {
                    if let Some(c) = kb.entry(label, name).and_then(|e| e.country.clone()) {
                        ctx.countries.insert((c, name_key(name)));
                    }
                }
                _ => {}
            }
        }
        ctx
    }

    fn has_country(&self, country: &str, except: &str) -> bool {
        self.countries
            .iter()
            .any(|(c, k)| c == country && k != except)
    }

    fn has_admin1(&self, country: &str, admin1: &str, except: &str) -> bool {
        self.admin1
            .iter()
            .any(|(c, a, k)| c == country && a == admin1 && k != except)
    }
}

/// `Georgia (U.S. state)` → (`Georgia`, `U.S. state`); `Kingston, Norfolk Island` →
/// (`Kingston`, `Norfolk Island`).
fn split_qualifier(name: &str) -> (&str, Option<&str>) {
    if let Some((base, rest)) = name.split_once(" (") {
        return (base.trim(), Some(rest.trim_end_matches(')').trim()));
    }
    if let Some((base, rest)) = name.split_once(", ") {
        return (base.trim(), Some(rest.trim()));
    }
    (name, None)
}

/// The name of a place as [`link_place`] scores its candidates: the name key, the name
/// key of the name without its qualifier, and the qualifier.
struct Query<'a> {
    key: String,
    base_key: String,
    qualifier: Option<&'a str>,
}

/// The score of one candidate (see the module docs).
fn score(kb: &Kb, p: &Place, query: &Query<'_>, ctx: &PlaceContext) -> f64 {
    let Query {
        key,
        base_key,
        qualifier,
    } = query;
    let pop = match p.kind {
        PlaceKind::Admin1 if p.population == 0 => 1_000_000.0,
        _ => p.population as f64,
    };
    let mut s = (pop + 1.0).log10();
    if matches!(p.kind, PlaceKind::Country | PlaceKind::Continent) {
        s += 3.0;
    }
    if name_key(&p.name) == *base_key {
        s += 1.0;
    }
    if !p.country.is_empty() && ctx.has_country(&p.country, key) {
        s += 5.0;
    }
    if p.kind == PlaceKind::City && ctx.has_admin1(&p.country, &p.admin1, key) {
        s += 5.0;
    }
    if let Some(q) = *qualifier {
        let qk = name_key(q);
        let state = qk.contains("state") && p.kind == PlaceKind::Admin1;
        let region = kb.places_named(q).iter().any(|c| {
            c.country == p.country
                && (c.kind == PlaceKind::Country
                    || (c.kind == PlaceKind::Admin1
                        && p.kind == PlaceKind::City
                        && c.admin1 == p.admin1))
        });
        if state || region {
            s += 10.0;
        }
    }
    s
}

/// The place a GPE or LOC name stands for in a document with this context, or `None`
/// when the knowledge base has no place of that name. Ties go to the smaller GeoNames id.
pub fn link_place<'k>(
    kb: &'k Kb,
    label: Label,
    name: &str,
    context: &PlaceContext,
) -> Option<&'k Place> {
    if !matches!(label, Label::Gpe | Label::Loc) {
        return None;
    }
    let (base, qualifier) = split_qualifier(name);
    let candidates = kb.places_named(base);
    if candidates.is_empty() {
        return None;
    }
    let query = Query {
        key: name_key(name),
        base_key: name_key(base),
        qualifier,
    };
    let mut best: Option<(f64, &Place)> = None;
    for p in candidates {
        // A LOC is a continent or region, never a city or a state.
        if label == Label::Loc && p.kind != PlaceKind::Continent {
            continue;
        }
        let s = score(kb, p, &query, context);
        let better = match best {
            None => true,
            Some((bs, bp)) => s > bs || (s == bs && p.geonames_id < bp.geonames_id),
        };
        if better {
            best = Some((s, p));
        }
    }
    best.map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(names: &[(Label, &str)], which: &str) -> (PlaceKind, String) {
        let kb = Kb::embedded();
        let ctx = PlaceContext::of_document(kb, names.iter().copied());
        let p = link_place(kb, Label::Gpe, which, &ctx).unwrap();
        (p.kind, p.country.clone())
    }

    #[test]
    fn moscow_is_in_russia_unless_the_document_is_about_idaho() {
        let ru = (PlaceKind::City, "RU".to_string());
        assert_eq!(link(&[(Label::Gpe, "Moscow")], "Moscow"), ru);
        let with = [
            (Label::Gpe, "Moscow"),
            (Label::Gpe, "Russia"),
            (Label::Org, "Collective Security Treaty Organization"),
        ];
        assert_eq!(link(&with, "Moscow"), ru);
        let idaho = [(Label::Gpe, "Moscow"), (Label::Gpe, "Idaho")];
        assert_eq!(link(&idaho, "Moscow"), (PlaceKind::City, "US".to_string()));
    }

    #[test]
    fn georgia_the_country_and_georgia_the_us_state() {
        let country = (PlaceKind::Country, "GE".to_string());
        let state = (PlaceKind::Admin1, "US".to_string());
        assert_eq!(link(&[(Label::Gpe, "Georgia")], "Georgia"), country);
        assert_eq!(
            link(
                &[(Label::Gpe, "Georgia"), (Label::Gpe, "Tbilisi")],
                "Georgia"
            ),
            country
        );
        assert_eq!(
            link(
                &[(Label::Gpe, "Georgia"), (Label::Gpe, "Atlanta")],
                "Georgia"
            ),
            state
        );
        assert_eq!(
            link(
                &[(Label::Gpe, "Georgia"), (Label::Norp, "Georgian")],
                "Georgia"
            ),
            country
        );
        assert_eq!(link(&[], "Georgia (U.S. state)"), state);
        assert_eq!(
            link(&[], "Moscow, Idaho"),
            (PlaceKind::City, "US".to_string())
        );
        assert_eq!(
            link(&[], "Moscow, Russia"),
            (PlaceKind::City, "RU".to_string())
        );
    }

    #[test]
    fn a_loc_is_never_a_city_and_other_labels_link_nothing() {
        let kb = Kb::embedded();
        let ctx = PlaceContext::default();
        let africa = link_place(kb, Label::Loc, "Africa", &ctx).unwrap();
        assert_eq!(africa.kind, PlaceKind::Continent);
        assert!(link_place(kb, Label::Org, "Moscow", &ctx).is_none());
        assert!(link_place(kb, Label::Gpe, "Nowhere-on-Earth", &ctx).is_none());
    }
}
