//! Store and query figures at scale: builds a synthetic graph in the
//! project's schema through `Store::merge`, saves it, loads it back, and
//! times the questions analysts ask most.
//!
//! `cargo bench --bench store -- 1000000` (the argument is the number of
//! facts; 100000 by default). The graph has 200 countries, regions and
//! cities chained by `located_in`, organisations, people and projects with
//! amounts; investors and places are Zipf-skewed, so a few countries and
//! investors hold most edges, as in the news.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use newsgraph::model::{Amount, Document, Entity, EntityType, Evidence, Lang, Predicate, Triple};
use newsgraph::query;
use newsgraph::store::{self, Store};

/// A small deterministic generator (xorshift), so every run builds the same graph.
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

const COUNTRIES: usize = 200;
const REGIONS_PER_COUNTRY: usize = 5;
const CITIES_PER_REGION: usize = 5;

fn triple(s: &str, p: Predicate, o: &str, n: usize) -> Triple {
    let text = format!(
        "{s} and {o} were named in the article number {n}, a sentence of about the length news sentences have."
    );
    Triple {
        s: s.into(),
        p,
        o: o.into(),
        amount: None,
        quantity: None,
        year: None,
        role: None,
        evidence: Some(Evidence {
            start: 0,
            end: text.len(),
            text,
        }),
        rule: Some("bench".into()),
        confidence: None,
    }
}

fn entity(name: &str, kind: EntityType) -> Entity {
    Entity {
        name: name.into(),
        kind,
        aliases: Vec::new(),
    }
}

/// Document `n` of the synthetic corpus: a project in a city, its investors
/// and supplier, a person and a partnership.
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
        triple(&person, Predicate::AffiliatedWith, &investors[0], n),
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

fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let target: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let orgs = (target / 20).max(100);
    let people = (target / 30).max(100);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut store = Store::new();
    let started = Instant::now();
    let mut n = 0;
    while store.fact_count() < target {
        store.merge(&document(n, &mut rng, orgs, people));
        n += 1;
    }
    let build = started.elapsed();
    println!(
        "built {} facts, {} entities from {n} documents in {:.2} s ({:.1} µs per document)",
        store.fact_count(),
        store.entity_count(),
        build.as_secs_f64(),
        build.as_secs_f64() * 1e6 / n as f64
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.ng");
    let started = Instant::now();
    store::save(&store, &path).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    println!(
        "saved in {:.2} s, {:.1} MB",
        started.elapsed().as_secs_f64(),
        size as f64 / 1e6
    );
    drop(store);
    let started = Instant::now();
    let store = store::load(&path).unwrap();
    println!(
        "loaded in {:.2} s, RSS {:.0} MB after the load (the built store was freed first)",
        started.elapsed().as_secs_f64(),
        rss_mb(),
    );
    // the busiest country and one in the middle of the ranking, by investors
    let mut by_investors: Vec<(usize, String)> = (0..COUNTRIES)
        .map(|c| {
            let name = format!("Country {c}");
            let q = format!("who invested in {name}");
            (query::run(&store, &q).map_or(0, |r| r.rows.len()), name)
        })
        .filter(|(d, _)| *d > 0)
        .collect();
    by_investors.sort();
    let hi = by_investors
        .last()
        .map(|(_, n)| n.clone())
        .unwrap_or_default();
    let mid = by_investors[by_investors.len() / 2].1.clone();
    let questions = [
        ("Q1 hi", format!("who invested in {hi}")),
        ("Q1 mid", format!("who invested in {mid}")),
        ("Q2", "who leads Org 1".to_string()),
        (
            "Q3",
            format!("?i invests_in {{amount ?a}} ?p . ?p located_in* \"{mid}\" select ?i, sum(?a) order by sum(?a) desc limit 10"),
        ),
        (
            "Q3 all",
            "?i invests_in {amount ?a} ?p . ?p located_in* ?c . ?c is Country select ?c, sum(?a) order by sum(?a) desc limit 10".to_string(),
        ),
        ("Q4", "how are Org 1 and Org 2 connected".to_string()),
    ];
    // where the time of the biggest answer goes: the plan's steps, then the rest
    let stop = std::sync::atomic::AtomicBool::new(false);
    let t = Instant::now();
    if let Ok((_, steps)) = query::run_with(&store, &questions[0].1, &query::Limits::new(&stop)) {
        let total = t.elapsed().as_secs_f64() * 1000.0;
        for s in &steps {
            println!(
                "  plan: {} ({}): {:.0} estimated, {} rows, {:.3} ms",
                s.clause,
                s.access,
                s.estimated,
                s.rows,
                s.micros as f64 / 1000.0
            );
        }
        println!("  whole answer with rows and evidence: {total:.3} ms");
    }
    for (label, q) in questions {
        let mut times = Vec::new();
        let mut rows = 0;
        for _ in 0..5 {
            let t = Instant::now();
            rows = query::run(&store, &q).map(|r| r.rows.len()).unwrap_or(0);
            times.push(t.elapsed());
        }
        println!(
            "{label:7} {:>9.3} ms  {rows:>6} rows  {q}",
            median(times).as_secs_f64() * 1000.0
        );
    }
}
