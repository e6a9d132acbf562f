//! A synthetic corpus in the project's schema, for benchmarks and scale
//! tests: deterministic, so every run builds the same graph.
//!
//! 200 countries, each with regions and cities chained by `located_in`;
//! organisations, people and projects with amounts. Investors and places
//! are Zipf-skewed, so a few countries and investors hold most edges, as in
//! the news. Each document tells nine facts about one project.

use crate::model::{Amount, Document, Entity, EntityType, Evidence, Lang, Predicate, Triple};

/// Countries in the corpus.
pub const COUNTRIES: usize = 200;
const REGIONS_PER_COUNTRY: usize = 5;
const CITIES_PER_REGION: usize = 5;

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index below `n`, skewed towards 0 (roughly Zipf).
    fn skewed(&mut self, n: usize) -> usize {
        ((n as f64) * self.unit().powi(3)) as usize
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The documents of a corpus sized for about `facts` facts once merged;
/// an endless iterator (merge until the store holds enough facts).
pub struct Corpus {
    rng: Rng,
    next: usize,
    orgs: usize,
    people: usize,
}

impl Corpus {
    /// A corpus whose entity counts suit a store of `facts` facts.
    pub fn new(facts: usize) -> Self {
        Corpus {
            rng: Rng(0x9e37_79b9_7f4a_7c15),
            next: 0,
            orgs: (facts / 20).max(100),
            people: (facts / 30).max(100),
        }
    }
}

impl Iterator for Corpus {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        let n = self.next;
        self.next += 1;
        Some(document(n, &mut self.rng, self.orgs, self.people))
    }
}

fn triple(s: &str, p: Predicate, o: &str, n: usize) -> Triple {
    let text = format!(
        "{s} and {o} were named in the article number {n}, a sentence of about the length news sentences have."
    );
    Triple {
        evidence: Some(Evidence {
            start: 0,
            end: text.len(),
            text,
        }),
        rule: Some("synthetic".into()),
        ..Triple::new(s, p, o)
    }
}

fn entity(name: &str, kind: EntityType) -> Entity {
    Entity {
        name: name.into(),
        kind,
        aliases: Vec::new(),
    }
}

/// Document `n`: a project in a city, its two investors and supplier, a
/// person leading the first investor, and a partnership.
fn document(n: usize, rng: &mut Rng, orgs: usize, people: usize) -> Document {
    let country = rng.skewed(COUNTRIES);
    let region = country * REGIONS_PER_COUNTRY + rng.below(REGIONS_PER_COUNTRY);
    let city = region * CITIES_PER_REGION + rng.below(CITIES_PER_REGION);
    let (country, region, city) = (
        format!("Country {country}"),
        format!("Region {region}"),
        format!("City {city}"),
    );
    let project = format!("Project {n}");
    let investors = [
        format!("Org {}", rng.skewed(orgs)),
        format!("Org {}", rng.skewed(orgs)),
    ];
    let supplier = format!("Org {}", rng.skewed(orgs / 100 + 1));
    let partner = format!("Org {}", rng.below(orgs));
    let person = format!("Person {}", rng.below(people));
    let mut entities = vec![
        entity(&country, EntityType::Country),
        entity(&region, EntityType::Place),
        entity(&city, EntityType::Place),
        entity(&project, EntityType::Project),
        entity(&supplier, EntityType::Organization),
        entity(&partner, EntityType::Organization),
        entity(&person, EntityType::Person),
    ];
    entities.extend(
        investors
            .iter()
            .map(|i| entity(i, EntityType::Organization)),
    );
    let mut triples = vec![
        triple(&project, Predicate::LocatedIn, &city, n),
        triple(&city, Predicate::LocatedIn, &region, n),
        triple(&region, Predicate::LocatedIn, &country, n),
        triple(&supplier, Predicate::Supplies, &project, n),
        triple(&person, Predicate::Leads, &investors[0], n),
        triple(&investors[0], Predicate::PartnersWith, &partner, n),
        triple(&investors[0], Predicate::HeadquarteredIn, &city, n),
    ];
    for i in &investors {
        let mut t = triple(i, Predicate::InvestsIn, &project, n);
        t.amount = Some(Amount {
            value: (1 + rng.below(500)) as f64 * 1e7,
            currency: "USD".into(),
        });
        t.year = Some(2025 + rng.below(6) as i32);
        triples.push(t);
    }
    Document {
        doc: format!("doc-{n}.txt"),
        lang: Lang::En,
        entities,
        triples,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_is_the_same_every_time_and_tells_nine_facts_a_document() {
        let a: Vec<Document> = Corpus::new(1000).take(50).collect();
        let b: Vec<Document> = Corpus::new(1000).take(50).collect();
        assert_eq!(a, b);
        assert!(a.iter().all(|d| d.triples.len() == 9));
        assert_ne!(a[0], a[1]);
    }
}
