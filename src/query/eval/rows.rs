//! What an evaluation outputs: rows of cells, each with the facts behind
//! it and their evidence, listed on demand.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::Arc;

use indexmap::IndexSet;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use rustc_hash::FxBuildHasher;
use serde::Serialize;
use smallvec::SmallVec;

use super::trails::{trail_facts, Link, Trail};
use super::ValKey;
use crate::model::Predicate;
use crate::store::{cmp_folded, Fact, Store};

/// The evaluation's texts read from facts (currencies, roles, quantities),
/// each held once however many rows bind it, and numbered.
#[derive(Default)]
pub(super) struct Texts {
    known: RefCell<IndexSet<Arc<str>, FxBuildHasher>>,
    /// The number of the text last asked for: rows read the same few
    /// texts (a currency) again and again, compared before any hashing.
    last: std::cell::Cell<Option<u32>>,
}

impl Texts {
    /// The number of `text`, added if new.
    pub(super) fn get(&self, text: &str) -> u32 {
        let mut known = self.known.borrow_mut();
        if let Some(at) = self.last.get() {
            if known.get_index(at as usize).is_some_and(|t| **t == *text) {
                return at;
            }
        }
        let at = match known.get_index_of(text) {
            Some(at) => at,
            None => known.insert_full(text.into()).0,
        } as u32;
        self.last.set(Some(at));
        at
    }

    /// Each text's rank in the order answers show texts: case folded,
    /// then as written.
    pub(super) fn ranks(&self) -> Vec<u32> {
        let known = self.known.borrow();
        let mut order: Vec<usize> = (0..known.len()).collect();
        order.sort_by(|&a, &b| {
            cmp_folded(&known[a], &known[b]).then_with(|| known[a].cmp(&known[b]))
        });
        let mut ranks = vec![0; known.len()];
        for (rank, at) in order.into_iter().enumerate() {
            ranks[at] = rank as u32;
        }
        ranks
    }

    /// The texts, by number.
    pub(super) fn all(&self) -> Vec<Arc<str>> {
        self.known.borrow().iter().cloned().collect()
    }

    /// Text number `at`.
    pub(super) fn text(&self, at: u32) -> Arc<str> {
        self.known
            .borrow()
            .get_index(at as usize)
            .cloned()
            .unwrap_or_else(|| "".into())
    }
}

/// One piece of evidence of an answer row.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct EvidenceRef {
    /// Document name.
    pub doc: String,
    /// Start byte in the article.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The sentence.
    pub text: String,
    /// The rule that produced the fact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

impl EvidenceRef {
    /// The evidence one support of a fact gives.
    pub(crate) fn of(store: &Store, s: &crate::store::Support) -> Self {
        EvidenceRef {
            doc: store.doc_name(s.doc).to_string(),
            start: s.start as usize,
            end: s.end as usize,
            text: store.sentence(s).to_string(),
            rule: store.rule_name(s).map(String::from),
        }
    }
}

/// An answer row. Its cells are written, its facts listed and its evidence
/// read from the store when asked for ([`Row::texts`], [`Row::facts`],
/// [`Row::evidence`]), so a large answer costs nothing it does not show.
#[derive(Debug, Clone)]
pub struct Row {
    /// The cells, one per column.
    pub cells: Cells,
    facts: RowFacts,
}

/// The facts a row rests on: listed, or the trails of its bindings in the
/// links of the evaluation that found it, read when asked for.
#[derive(Debug, Clone)]
enum RowFacts {
    /// Sorted and without duplicates.
    Listed(Facts),
    /// The evaluation's links and the row's trails in them.
    Trails(Arc<[Link]>, SmallVec<[Trail; 2]>),
}

impl PartialEq for Row {
    fn eq(&self, other: &Row) -> bool {
        self.cells == other.cells && self.facts() == other.facts()
    }
}

/// A row's cells: inline up to four, as most answers have.
pub type Cells = SmallVec<[Cell; 4]>;

/// A row's facts: inline up to four, as most rows rest on a few.
pub type Facts = SmallVec<[EdgeIndex; 4]>;

impl Row {
    /// A row of `cells` resting on `facts`.
    pub fn new(cells: Cells, mut facts: Facts) -> Row {
        facts.sort_unstable();
        facts.dedup();
        Row {
            cells,
            facts: RowFacts::Listed(facts),
        }
    }

    /// A row of `cells` resting on the facts of `trails`, listed from
    /// `links` only when asked for.
    pub(super) fn on_trails(cells: Cells, links: Arc<[Link]>, trails: SmallVec<[Trail; 2]>) -> Row {
        Row {
            cells,
            facts: RowFacts::Trails(links, trails),
        }
    }

    /// The facts the row rests on, sorted and without duplicates.
    pub fn facts(&self) -> Facts {
        match &self.facts {
            RowFacts::Listed(facts) => facts.clone(),
            RowFacts::Trails(links, trails) => {
                let mut facts = Facts::new();
                for &t in trails {
                    trail_facts(links, t, &mut facts);
                }
                facts.sort_unstable();
                facts.dedup();
                facts
            }
        }
    }

    /// Whether the row rests on any fact (a list of entities or a plan does not).
    pub fn has_facts(&self) -> bool {
        match &self.facts {
            RowFacts::Listed(facts) => !facts.is_empty(),
            RowFacts::Trails(links, trails) => trails.iter().any(|&t| (t as usize) < links.len()),
        }
    }

    /// The cells as people read them ("2.9 bn"); entities by their names in `store`.
    pub fn texts(&self, store: &Store) -> Vec<String> {
        self.cells
            .iter()
            .map(|c| c.text(store).into_owned())
            .collect()
    }

    /// Cell `col` as people read it ("" past the last).
    pub fn text<'a>(&'a self, store: &'a Store, col: usize) -> Cow<'a, str> {
        self.cells
            .get(col)
            .map_or(Cow::Borrowed(""), |c| c.text(store))
    }

    /// The evidence of the row's facts, ordered by document and position.
    pub fn evidence(&self, store: &Store) -> Vec<EvidenceRef> {
        evidence(store, &self.facts())
    }

    /// How many distinct documents back the row.
    pub fn sources(&self, store: &Store) -> usize {
        let facts = self.facts();
        let mut docs: Vec<u32> = supports(store, &facts).map(|s| s.doc).collect();
        docs.sort_unstable();
        docs.dedup();
        docs.len()
    }
}

/// A table of answers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rows {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows.
    pub rows: Vec<Row>,
}

/// The values a fact carries, joined: "5 bn USD, 2031".
fn details(f: &Fact) -> String {
    let mut parts = Vec::new();
    if let Some(a) = f.amount() {
        parts.push(a.to_string());
    }
    if let Some(q) = f.quantity() {
        parts.push(q.to_string());
    }
    if let Some(y) = f.year() {
        parts.push(y.to_string());
    }
    if let Some(r) = f.role() {
        parts.push(r.to_string());
    }
    parts.join(", ")
}

/// A cell of an answer row: what it holds, written out only when shown
/// ([`Cell::text`]), so a large answer costs no text it does not print.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing bound.
    Empty,
    /// An entity, shown by its canonical name.
    Entity(NodeIndex),
    /// A number (an amount, a year, a count), shown as people read it ("2.9 bn").
    Number(f64),
    /// A number shown with a fixed count of decimals (a plan's timings).
    Figure {
        /// The number.
        value: f64,
        /// Decimals shown.
        decimals: u8,
    },
    /// A text: a currency, a role, a list of names.
    Text(Arc<str>),
    /// A predicate, shown by its name in patterns.
    Predicate(Predicate),
    /// The values a fact carries (amount, quantity, year, role), joined.
    Details(EdgeIndex),
}

impl Cell {
    /// The cell of a selected value; `texts` are the evaluation's ([`Texts::all`]).
    pub(super) fn of(key: &ValKey, texts: &[Arc<str>]) -> Cell {
        match key {
            ValKey::Unbound | ValKey::Name(_) => Cell::Empty,
            ValKey::Node(n) => Cell::Entity(*n),
            ValKey::Num(bits) => Cell::Number(f64::from_bits(*bits)),
            ValKey::Text(t) => texts
                .get(*t as usize)
                .map_or(Cell::Empty, |t| Cell::Text(t.clone())),
        }
    }

    /// The cell as people read it; an entity by its name in `store`.
    pub fn text<'a>(&'a self, store: &'a Store) -> Cow<'a, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Entity(n) => Cow::Borrowed(store.node(*n).name()),
            Cell::Number(x) => Cow::Owned(crate::model::human_number(*x)),
            Cell::Figure { value, decimals } => {
                Cow::Owned(format!("{value:.*}", usize::from(*decimals)))
            }
            Cell::Text(t) => Cow::Borrowed(t),
            Cell::Predicate(p) => Cow::Borrowed(p.as_str()),
            Cell::Details(e) => Cow::Owned(
                store
                    .graph()
                    .edge_weight(*e)
                    .map(details)
                    .unwrap_or_default(),
            ),
        }
    }

    /// The number behind the cell, for machine formats.
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Number(x) | Cell::Figure { value: x, .. } => Some(*x),
            _ => None,
        }
    }
}

/// The supports behind a row's facts. A place's `located_in` facts are
/// said by many articles; a row keeps only the sentences of the articles
/// behind its other facts (the article that placed the project), unless the
/// row rests on places alone.
fn supports<'s>(
    store: &'s Store,
    edges: &'s [EdgeIndex],
) -> impl Iterator<Item = &'s crate::store::Support> + 's {
    let graph = store.graph();
    let is_place = move |e: EdgeIndex| graph[e].predicate == Predicate::LocatedIn;
    let mut docs: Vec<u32> = edges
        .iter()
        .filter(|&&e| !is_place(e))
        .flat_map(|&e| graph[e].support.iter().map(|s| s.doc))
        .collect();
    docs.sort_unstable();
    docs.dedup();
    edges.iter().flat_map(move |&e| {
        let support = &graph[e].support;
        let all = docs.is_empty() || !is_place(e);
        // support is sorted by document: each document's run is found by search
        let runs: Vec<&'s [crate::store::Support]> = if all {
            vec![&support[..]]
        } else {
            docs.iter()
                .map(|&d| {
                    let from = support.partition_point(|s| s.doc < d);
                    let to = from + support[from..].partition_point(|s| s.doc == d);
                    &support[from..to]
                })
                .collect()
        };
        runs.into_iter().flatten()
    })
}

/// The evidence of a row's facts, each sentence and rule once.
pub(super) fn evidence(store: &Store, edges: &[EdgeIndex]) -> Vec<EvidenceRef> {
    let mut found: Vec<&crate::store::Support> = supports(store, edges).collect();
    // the order of EvidenceRef's fields: document name, span, rule (a
    // document's span is one sentence)
    found.sort_by(|a, b| {
        store
            .doc_name(a.doc)
            .cmp(store.doc_name(b.doc))
            .then(a.start.cmp(&b.start))
            .then(a.end.cmp(&b.end))
            .then_with(|| store.rule_name(a).cmp(&store.rule_name(b)))
    });
    // one document's span is one sentence
    found.dedup_by(|a, b| {
        a.doc == b.doc && a.start == b.start && a.end == b.end && a.rule == b.rule
    });
    found
        .into_iter()
        .map(|s| EvidenceRef::of(store, s))
        .collect()
}
