//! The planner against a naive reference: on random small graphs and random
//! patterns, the evaluator's distinct rows equal those of trying every
//! assignment of the pattern's variables to every entity and keeping the
//! ones that make every clause true.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeSet, HashMap};

use newsgraph::model::{Document, Entity, EntityType, Lang, Predicate, Triple};
use newsgraph::query;
use newsgraph::store::Store;
use proptest::prelude::*;

const NAMES: [&str; 7] = [
    "Ardent", "Borel", "Caspian", "Dorvik", "Elmora", "Fenwick", "Galen",
];
const TYPES: [EntityType; 4] = [
    EntityType::Organization,
    EntityType::Country,
    EntityType::Place,
    EntityType::Project,
];
const PREDICATES: [Predicate; 4] = [
    Predicate::InvestsIn,
    Predicate::LocatedIn,
    Predicate::PartnersWith,
    Predicate::Supplies,
];
const VARS: [&str; 3] = ["a", "b", "c"];

/// One clause of a random pattern.
#[derive(Debug, Clone)]
enum Clause {
    /// `?s p ?o`, `?s p "Name"` or with `*` after the predicate.
    Path {
        s: usize,
        p: usize,
        closure: bool,
        o: Result<usize, usize>,
    },
    /// `?v is Type`.
    Type(usize, usize),
}

fn clause() -> impl Strategy<Value = Clause> {
    prop_oneof![
        3 => (0..3usize, 0..4usize, any::<bool>(), prop_oneof![(0..3usize).prop_map(Ok), (0..7usize).prop_map(Err)])
            .prop_map(|(s, p, closure, o)| Clause::Path { s, p, closure, o }),
        1 => (0..3usize, 0..4usize).prop_map(|(v, t)| Clause::Type(v, t)),
    ]
}

fn render(clauses: &[Clause], vars: &[usize]) -> String {
    let text: Vec<String> = clauses
        .iter()
        .map(|c| match c {
            Clause::Path { s, p, closure, o } => {
                let o = match o {
                    Ok(v) => format!("?{}", VARS[*v]),
                    Err(n) => format!("\"{}\"", NAMES[*n]),
                };
                let star = if *closure { "*" } else { "" };
                format!("?{} {}{star} {o}", VARS[*s], PREDICATES[*p])
            }
            Clause::Type(v, t) => format!("?{} is {}", VARS[*v], TYPES[*t]),
        })
        .collect();
    let select: Vec<String> = vars.iter().map(|&v| format!("?{}", VARS[v])).collect();
    format!("{} select distinct {}", text.join(" . "), select.join(", "))
}

/// The store of one document naming the seven entities, typed by `types`
/// (indices into [`TYPES`]), and stating `edges` (subject, predicate, object).
fn random_store(types: &[usize], edges: &[(usize, usize, usize)]) -> Store {
    let doc = Document {
        doc: "random.txt".into(),
        lang: Lang::En,
        entities: NAMES
            .iter()
            .zip(types)
            .map(|(n, &t)| Entity {
                name: (*n).into(),
                kind: TYPES[t],
                aliases: Vec::new(),
            })
            .collect(),
        triples: edges
            .iter()
            .map(|&(s, p, o)| Triple::new(NAMES[s], PREDICATES[p], NAMES[o]))
            .collect(),
    };
    let mut store = Store::new();
    store.merge(&doc);
    store
}

/// Every entity reachable from `from` over `p` in zero or more steps (each
/// step either way for a symmetric predicate).
fn reachable(edges: &[(usize, usize, usize)], p: usize, from: usize) -> BTreeSet<usize> {
    let symmetric = PREDICATES[p].is_symmetric();
    let mut seen = BTreeSet::from([from]);
    let mut todo = vec![from];
    while let Some(x) = todo.pop() {
        for &(s, q, o) in edges {
            if q != p {
                continue;
            }
            let next = if s == x {
                Some(o)
            } else if symmetric && o == x {
                Some(s)
            } else {
                None
            };
            if let Some(n) = next.filter(|&n| seen.insert(n)) {
                todo.push(n);
            }
        }
    }
    seen
}

fn holds(
    c: &Clause,
    at: &HashMap<usize, usize>,
    edges: &[(usize, usize, usize)],
    types: &[usize],
) -> bool {
    match c {
        Clause::Type(v, t) => types[at[v]] == *t,
        Clause::Path { s, p, closure, o } => {
            let (s, o) = (at[s], o.map_or_else(|n| n, |v| at[&v]));
            let symmetric = PREDICATES[*p].is_symmetric();
            if *closure {
                reachable(edges, *p, s).contains(&o)
            } else {
                edges.iter().any(|&(a, q, b)| {
                    q == *p && ((a == s && b == o) || (symmetric && a == o && b == s))
                })
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_planner_agrees_with_trying_every_assignment(
        types in proptest::collection::vec(0..4usize, 7),
        edges in proptest::collection::vec((0..7usize, 0..4usize, 0..7usize), 0..14),
        clauses in proptest::collection::vec(clause(), 1..4),
        project in any::<bool>(),
    ) {
        let edges: Vec<(usize, usize, usize)> = edges.into_iter().filter(|(s, _, o)| s != o).collect();
        let store = random_store(&types, &edges);
        // the store drops a repeated fact and keeps one direction of a symmetric one
        let vars: Vec<usize> = (0..3)
            .filter(|v| clauses.iter().any(|c| match c {
                Clause::Path { s, o, .. } => s == v || *o == Ok(*v),
                Clause::Type(x, _) => x == v,
            }))
            .collect();
        // selecting fewer variables than the clauses bind: answers that
        // differ only in the others are one
        let shown: &[usize] = if project && !vars.is_empty() { &vars[..1] } else { &vars };
        let text = render(&clauses, shown);
        let rows: Vec<Vec<String>> = query::run(&store, &text)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .rows
            .iter()
            .map(|r| r.texts(&store))
            .collect();
        // each answer once, in the order of its cells (names sort as written here)
        prop_assert!(rows.windows(2).all(|w| w[0] < w[1]), "{}: {:?}", text, rows);
        let got: BTreeSet<Vec<String>> = rows.into_iter().collect();
        let mut want = BTreeSet::new();
        let n = NAMES.len();
        for code in 0..n.pow(vars.len() as u32) {
            let at: HashMap<usize, usize> = vars
                .iter()
                .enumerate()
                .map(|(k, &v)| (v, code / n.pow(k as u32) % n))
                .collect();
            if clauses.iter().all(|c| holds(c, &at, &edges, &types)) {
                want.insert(shown.iter().map(|v| NAMES[at[v]].to_string()).collect::<Vec<_>>());
            }
        }
        prop_assert_eq!(got, want, "{}", text);
    }
}

/// The length of the shortest chain of edges between `a` and `b`, each
/// edge taken either way, by a plain breadth-first search.
fn distance(edges: &[(usize, usize, usize)], a: usize, b: usize) -> Option<usize> {
    let mut dist = HashMap::from([(a, 0usize)]);
    let mut queue = std::collections::VecDeque::from([a]);
    while let Some(x) = queue.pop_front() {
        if x == b {
            return dist.get(&x).copied();
        }
        for &(s, _, o) in edges {
            let next = if s == x {
                o
            } else if o == x {
                s
            } else {
                continue;
            };
            if !dist.contains_key(&next) {
                dist.insert(next, dist[&x] + 1);
                queue.push_back(next);
            }
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn connect_finds_a_shortest_chain(
        edges in proptest::collection::vec((0..7usize, 0..4usize, 0..7usize), 0..14),
        a in 0..7usize,
        b in 0..7usize,
    ) {
        let edges: Vec<(usize, usize, usize)> = edges.into_iter().filter(|(s, _, o)| s != o).collect();
        // every entity an organisation (TYPES[0])
        let store = random_store(&[0; 7], &edges);
        let (na, nb) = (store.find(NAMES[a]).unwrap(), store.find(NAMES[b]).unwrap());
        let path = query::eval::connect(&store, na, nb);
        prop_assert_eq!(path.as_ref().map(Vec::len), distance(&edges, a, b));
        // and it is a chain from a to b
        if let Some(path) = path {
            let mut at = na;
            for e in path {
                let (s, o) = store.graph().edge_endpoints(e).unwrap();
                prop_assert!(s == at || o == at);
                at = if s == at { o } else { s };
            }
            prop_assert_eq!(at, nb);
        }
    }
}
