//! Gazetteer: the RON files in `data/` in, an Aho-Corasick matcher out that
//! finds known countries, places, organisations and demonyms in folded text.

use rustc_hash::FxHashMap as HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

use crate::error::DataError;
use crate::model::EntityType;
use crate::text::{fold_str, name_key, Mapped};

const COUNTRIES: &str = include_str!("../../data/countries.ron");
const PLACES: &str = include_str!("../../data/places.ron");
const ORGANIZATIONS: &str = include_str!("../../data/organizations.ron");
const REGIONS: &str = include_str!("../../data/regions.ron");
const CITIES: &str = include_str!("../../data/cities.ron");

#[derive(Deserialize)]
struct CountryRow(String, Vec<String>, Vec<String>, Vec<String>);
#[derive(Deserialize)]
struct PlaceRow(String, Vec<String>, String);
#[derive(Deserialize)]
struct OrgRow(String, Vec<String>, String, String);
#[derive(Deserialize)]
struct RegionRow(String, Vec<String>);

/// One known entity.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Canonical (English) name.
    pub name: String,
    /// Entity type.
    pub kind: EntityType,
    /// Other names, French and English.
    pub aliases: Vec<String>,
    /// For places: the place or country this one lies in.
    pub within: Option<usize>,
    /// For organisations: the parent organisation.
    pub parent: Option<usize>,
    /// For organisations: the country of the seat.
    pub seat: Option<usize>,
    /// For a country: the regions it lies in (continent, "Gulf", "EMEA", ...).
    pub regions: Vec<usize>,
}

impl Entry {
    /// An entry with its names, linked to no other yet.
    fn new(name: String, kind: EntityType, aliases: Vec<String>) -> Self {
        Entry {
            name,
            kind,
            aliases,
            within: None,
            parent: None,
            seat: None,
            regions: Vec::new(),
        }
    }
}

/// How a gazetteer pattern refers to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The entity's name or an alias.
    Name,
    /// A demonym ("sud-coréen", "American") of a country.
    Demonym,
}

#[derive(Debug)]
struct Pattern {
    entry: usize,
    form: Form,
    /// Short names and acronyms must match with their own case.
    exact: Option<String>,
    /// French demonyms are written in lower case.
    lowercase_ok: bool,
    /// A name whose lower-case form is also its country's demonym
    /// ("Suisse", "suisse"): written in lower case, it is the demonym.
    lower_demonym: bool,
}

/// A gazetteer hit in normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Start byte in the normalised text.
    pub start: usize,
    /// End byte in the normalised text.
    pub end: usize,
    /// Index of the entry.
    pub entry: usize,
    /// How the text refers to it.
    pub form: Form,
}

/// A place named with the French article ("Le Havre", "Les Ulis") without
/// it, as French contracts it away: "près du Havre", "au Mans", "aux Ulis".
/// A short remainder ("Le Cap") is a common word, not kept.
fn without_french_article(name: &str) -> Option<&str> {
    let bare = name
        .strip_prefix("Le ")
        .or_else(|| name.strip_prefix("Les "))?;
    (bare.chars().next().is_some_and(char::is_uppercase) && bare.chars().count() >= 4)
        .then_some(bare)
}

/// The loaded gazetteer with its compiled matcher.
#[derive(Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    patterns: Vec<Pattern>,
    matcher: AhoCorasick,
    by_key: HashMap<String, usize>,
    /// The first entry read from the world's cities: those after it are
    /// known by name only, not by a hand-kept row.
    cities_from: usize,
}

impl Gazetteer {
    /// Loads the gazetteer shipped in `data/`.
    pub fn builtin() -> Result<Self, DataError> {
        Self::from_sources(COUNTRIES, PLACES, ORGANIZATIONS, REGIONS, CITIES)
    }

    /// Builds a gazetteer from the RON sources: countries, places,
    /// organisations, the regions of each country, and the world's larger
    /// cities (which never take a name an earlier source gives).
    pub fn from_sources(
        countries: &str,
        places: &str,
        orgs: &str,
        regions: &str,
        cities: &str,
    ) -> Result<Self, DataError> {
        let regions: Vec<RegionRow> = parse_ron("data/regions.ron", regions)?;
        let countries: Vec<CountryRow> = parse_ron("data/countries.ron", countries)?;
        let places: Vec<PlaceRow> = parse_ron("data/places.ron", places)?;
        let orgs: Vec<OrgRow> = parse_ron("data/organizations.ron", orgs)?;
        let cities: Vec<PlaceRow> = parse_ron("data/cities.ron", cities)?;

        let mut entries = Vec::new();
        let mut demonyms: Vec<(usize, String, bool)> = Vec::new();
        for CountryRow(name, aliases, fr, en) in countries {
            let id = entries.len();
            for d in fr {
                for form in inflect_french(&d) {
                    demonyms.push((id, form, true));
                }
            }
            for d in en {
                demonyms.push((id, format!("{d}s"), false));
                demonyms.push((id, d, false));
            }
            entries.push(Entry::new(name, EntityType::Country, aliases));
        }
        let place_start = entries.len();
        for PlaceRow(name, aliases, _) in &places {
            entries.push(Entry::new(name.clone(), EntityType::Place, aliases.clone()));
        }
        let org_start = entries.len();
        for OrgRow(name, aliases, _, _) in &orgs {
            entries.push(Entry::new(
                name.clone(),
                EntityType::Organization,
                aliases.clone(),
            ));
        }
        let city_start = entries.len();
        for PlaceRow(name, aliases, _) in &cities {
            entries.push(Entry::new(name.clone(), EntityType::Place, aliases.clone()));
        }
        let mut by_name: HashMap<String, usize> = HashMap::default();
        for (i, e) in entries.iter().enumerate() {
            by_name.entry(e.name.clone()).or_insert(i);
        }
        let lookup = |file: &str, what: &str| -> Result<Option<usize>, DataError> {
            if what.is_empty() {
                return Ok(None);
            }
            by_name
                .get(what)
                .copied()
                .map(Some)
                .ok_or_else(|| DataError::UnknownReference {
                    file: file.to_string(),
                    name: what.to_string(),
                })
        };
        for (start, rows, file) in [
            (place_start, &places, "data/places.ron"),
            (city_start, &cities, "data/cities.ron"),
        ] {
            for (i, PlaceRow(_, _, within)) in rows.iter().enumerate() {
                entries[start + i].within = lookup(file, within)?;
            }
        }
        for RegionRow(country, names) in &regions {
            let Some(c) = lookup("data/regions.ron", country)? else {
                continue;
            };
            for r in names {
                if let Some(r) = lookup("data/regions.ron", r)? {
                    entries[c].regions.push(r);
                }
            }
        }
        for (i, OrgRow(_, _, parent, seat)) in orgs.iter().enumerate() {
            entries[org_start + i].parent = lookup("data/organizations.ron", parent)?;
            entries[org_start + i].seat = lookup("data/organizations.ron", seat)?;
        }

        let mut seen: HashMap<String, usize> = HashMap::default();
        let mut folded = Vec::new();
        let mut patterns = Vec::new();
        let mut add = |text: &str, entry: usize, form: Form, lowercase_ok: bool| {
            let f = fold_str(text);
            if let Some(&at) = seen.get(&f) {
                let held: &mut Pattern = &mut patterns[at];
                if form == Form::Demonym && lowercase_ok && held.entry == entry {
                    held.lower_demonym = true;
                }
                return;
            }
            if f.trim().is_empty() {
                return;
            }
            seen.insert(f.clone(), patterns.len());
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            let acronym = letters >= 2
                && text
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
            let exact = (letters <= 4 || acronym).then(|| text.to_string());
            folded.push(f);
            patterns.push(Pattern {
                entry,
                form,
                exact,
                lowercase_ok,
                lower_demonym: false,
            });
        };
        for (id, e) in entries.iter().enumerate() {
            add(&e.name, id, Form::Name, false);
            for a in &e.aliases {
                add(a, id, Form::Name, false);
            }
            if e.kind == EntityType::Place {
                for n in std::iter::once(&e.name).chain(&e.aliases) {
                    if let Some(bare) = without_french_article(n) {
                        add(bare, id, Form::Name, false);
                    }
                }
            }
        }
        for (id, d, lower) in &demonyms {
            add(d, *id, Form::Demonym, *lower);
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&folded)
            .map_err(|e| DataError::Matcher(e.to_string()))?;
        let mut by_key = HashMap::default();
        for (id, e) in entries.iter().enumerate() {
            by_key.entry(name_key(&e.name)).or_insert(id);
            for a in &e.aliases {
                by_key.entry(name_key(a)).or_insert(id);
            }
        }
        Ok(Gazetteer {
            entries,
            patterns,
            matcher,
            by_key,
            cities_from: city_start,
        })
    }

    /// The entry at `id`.
    pub fn entry(&self, id: usize) -> &Entry {
        &self.entries[id]
    }

    /// Whether entry `id` comes from the generated list of the world's
    /// cities, whose names are often also people's ("Henderson", "Regina").
    pub fn is_world_city(&self, id: usize) -> bool {
        id >= self.cities_from && self.entries[id].kind == EntityType::Place
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry whose name or alias folds to the same key as `name`.
    pub fn lookup(&self, name: &str) -> Option<usize> {
        self.lookup_key(&name_key(name))
    }

    /// The entry whose name or alias has key `key` (see [`name_key`]).
    pub fn lookup_key(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// The country a place or country lies in, following `within` up.
    pub fn country_of(&self, mut id: usize) -> Option<usize> {
        for _ in 0..8 {
            let e = &self.entries[id];
            if e.kind == EntityType::Country {
                return Some(id);
            }
            id = e.within?;
        }
        None
    }

    /// Finds every gazetteer name and demonym in `norm`, whose folded form
    /// is `folded`. Hits are in text order and do not overlap.
    pub fn find(&self, norm: &str, folded: &Mapped) -> Vec<Hit> {
        let ftext = &folded.text;
        let mut hits = Vec::new();
        for m in self.matcher.find_iter(ftext) {
            let before = ftext[..m.start()].chars().next_back();
            let after = ftext[m.end()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let p = &self.patterns[m.pattern().as_usize()];
            let start = folded.source_offset(m.start());
            let end = folded.source_end(m.start(), m.end());
            let surface = &norm[start..end];
            let case_ok = match &p.exact {
                Some(form) => surface == form || surface == form.to_uppercase(),
                None => p.lowercase_ok || !surface.starts_with(char::is_lowercase),
            };
            let form = if case_ok {
                p.form
            } else if p.lower_demonym && surface.starts_with(char::is_lowercase) {
                Form::Demonym
            } else {
                continue;
            };
            hits.push(Hit {
                start,
                end,
                entry: p.entry,
                form,
            });
        }
        hits
    }
}

/// Masculine singular French demonym to its four forms.
fn inflect_french(m: &str) -> Vec<String> {
    let f = match m {
        "grec" => "grecque".to_string(),
        "turc" => "turque".to_string(),
        _ if m.ends_with('e') => m.to_string(),
        _ if m.ends_with("en") || m.ends_with("on") => format!("{m}ne"),
        _ => format!("{m}e"),
    };
    let plural = |s: &str| {
        if s.ends_with('s') || s.ends_with('x') {
            s.to_string()
        } else {
            format!("{s}s")
        }
    };
    let mut out = vec![m.to_string(), f.clone(), plural(m), plural(&f)];
    out.dedup();
    out
}

/// Parses a RON source, naming the file and position on error.
pub(crate) fn parse_ron<T: serde::de::DeserializeOwned>(
    file: &str,
    src: &str,
) -> Result<T, DataError> {
    ron::from_str(src).map_err(|e| DataError::Ron {
        file: file.to_string(),
        line: e.position.line,
        column: e.position.col,
        message: e.code.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{fold, normalize};
    use std::collections::HashSet;

    fn names(text: &str) -> Vec<(String, &'static str)> {
        let g = Gazetteer::builtin().unwrap();
        let n = normalize(text);
        let f = fold(n.as_str());
        g.find(n.as_str(), &f)
            .into_iter()
            .map(|h| {
                let form = if h.form == Form::Demonym {
                    "demonym"
                } else {
                    "name"
                };
                (g.entry(h.entry).name.clone(), form)
            })
            .collect()
    }

    #[test]
    fn matches_french_names_case_and_accent_insensitively() {
        assert_eq!(
            names("AMAZON INVESTIT EN CORÉE DU SUD et à seoul ou Séoul"),
            vec![
                ("Amazon".into(), "name"),
                ("South Korea".into(), "name"),
                ("Seoul".into(), "name")
            ]
        );
    }

    #[test]
    fn demonyms_in_every_gender_and_number() {
        for text in [
            "le président sud-coréen",
            "la présidence sud-coréenne",
            "des groupes sud-coréens",
            "the South Korean firm",
        ] {
            assert_eq!(
                names(text),
                vec![("South Korea".into(), "demonym")],
                "{text}"
            );
        }
    }

    /// "la Suisse" is the country, "le groupe suisse" its demonym: the same
    /// word, told apart by its case.
    #[test]
    fn a_demonym_spelt_like_its_country() {
        assert_eq!(
            names("le groupe suisse"),
            vec![("Switzerland".into(), "demonym")]
        );
        assert_ne!(names("en Suisse")[0].1, "demonym");
    }

    #[test]
    fn short_aliases_need_their_own_case() {
        assert!(names("un accord avec nous").is_empty());
        assert_eq!(
            names("the US and the EU"),
            vec![
                ("United States".into(), "name"),
                ("European Union".into(), "name")
            ]
        );
    }

    #[test]
    fn places_chain_up_to_their_country() {
        let g = Gazetteer::builtin().unwrap();
        let incheon = g.lookup("Incheon").unwrap();
        assert_eq!(g.entry(g.country_of(incheon).unwrap()).name, "South Korea");
        let munich = g.lookup("München").unwrap();
        assert_eq!(g.entry(g.country_of(munich).unwrap()).name, "Germany");
        // a city of the generated list chains to its country too
        let settat = g.lookup("Settat").unwrap();
        assert!(g.is_world_city(settat));
        assert_eq!(g.entry(g.country_of(settat).unwrap()).name, "Morocco");
        // through the region it lies in, when the hand-kept places know it
        let kamloops = g.lookup("Kamloops").unwrap();
        let region = g.entry(kamloops).within.unwrap();
        assert_eq!(g.entry(region).name, "British Columbia");
        assert_eq!(g.entry(g.country_of(kamloops).unwrap()).name, "Canada");
    }

    #[test]
    fn world_cities_never_take_a_hand_kept_name() {
        let g = Gazetteer::builtin().unwrap();
        let hand_kept: HashSet<String> = g
            .entries()
            .iter()
            .enumerate()
            .filter(|(id, _)| !g.is_world_city(*id))
            .flat_map(|(_, e)| std::iter::once(&e.name).chain(&e.aliases))
            .map(|n| fold_str(n))
            .collect();
        let cities: Vec<&Entry> = (0..g.entries().len())
            .filter(|&id| g.is_world_city(id))
            .map(|id| g.entry(id))
            .collect();
        assert!(cities.len() > 1000, "{} cities", cities.len());
        for city in cities {
            assert!(!hand_kept.contains(&fold_str(&city.name)), "{}", city.name);
            assert!(city.within.is_some(), "{} lies in no country", city.name);
        }
    }
}
