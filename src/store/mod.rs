//! The graph store: [`Document`]s in, one deduplicated petgraph graph out,
//! saved to and loaded from a file.
//!
//! Entities merge when they share a folded name or alias; facts merge when
//! they share subject, predicate and object, keeping every piece of evidence.
//! What a node is called and what type it has are decided by counting the
//! documents that say so, so the result does not depend on arrival order, and
//! merging a document twice changes nothing.

mod adjacency;
mod columns;
mod file;
mod lock;
mod sentences;

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use indexmap::{IndexMap, IndexSet};
use litemap::LiteMap;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use petgraph::Direction;
use rustc_hash::FxBuildHasher;
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

pub use file::{clean_stale_temps, load, repair, save, to_json};
pub use lock::StoreLock;
pub use sentences::Sentences;

use crate::model::{Amount, Document, EntityType, Predicate, Quantity};
use crate::text::name_key;

/// An entity of the store. Its votes are sorted vectors (LiteMap, DocSet),
/// not trees: most entities have one name and one type from a few
/// documents, and a tree node per vote cost a million-fact store 200 MB.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Canonical names given by documents, each with the documents that gave it.
    pub names: LiteMap<String, DocSet>,
    /// Types given by documents, each with the documents that gave it.
    pub kinds: LiteMap<EntityType, DocSet>,
    /// Every other name seen for it.
    pub aliases: BTreeSet<String>,
}

impl Node {
    /// The canonical name: the one most documents use (ties: alphabetical).
    pub fn name(&self) -> &str {
        most_attested(&self.names).map_or("", String::as_str)
    }

    /// The type most documents give (ties: the order of [`EntityType::ALL`]).
    pub fn kind(&self) -> EntityType {
        most_attested(&self.kinds).map_or(EntityType::Organization, |k| *k)
    }

    /// Every name of the entity: canonical names and aliases.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        self.names
            .keys()
            .map(String::as_str)
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// The key most documents give; on a tie, the smallest key.
fn most_attested<K: Ord>(votes: &LiteMap<K, DocSet>) -> Option<&K> {
    votes
        .iter()
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then_with(|| b.0.cmp(a.0)))
        .map(|(k, _)| k)
}

/// A sorted set of document numbers, held in a vector. It reads and
/// writes as a sequence, as the `BTreeSet` it replaces did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<u32>", into = "Vec<u32>")]
pub struct DocSet(Vec<u32>);

impl DocSet {
    /// Adds `doc`; false if it was there.
    pub fn insert(&mut self, doc: u32) -> bool {
        match self.0.binary_search(&doc) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, doc);
                true
            }
        }
    }

    /// How many documents.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The documents, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, u32> {
        self.0.iter()
    }
}

impl From<Vec<u32>> for DocSet {
    fn from(mut docs: Vec<u32>) -> Self {
        docs.sort_unstable();
        docs.dedup();
        DocSet(docs)
    }
}

impl From<DocSet> for Vec<u32> {
    fn from(docs: DocSet) -> Self {
        docs.0
    }
}

impl Extend<u32> for DocSet {
    fn extend<I: IntoIterator<Item = u32>>(&mut self, docs: I) {
        self.0.extend(docs);
        self.0.sort_unstable();
        self.0.dedup();
    }
}

impl IntoIterator for DocSet {
    type Item = u32;
    type IntoIter = std::vec::IntoIter<u32>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// One piece of evidence for a fact, with what that sentence said. Its
/// sentence and rule are numbers into the store ([`Store::sentence`],
/// [`Store::rule_name`]). Two supports are the same evidence when their
/// document, span, rule and values are: the sentence number is not compared,
/// so a document merged twice adds no evidence.
#[derive(Debug, Clone)]
pub struct Support {
    /// Index of the document in [`Store::docs`].
    pub doc: u32,
    /// Start byte in the article.
    pub start: u32,
    /// End byte in the article.
    pub end: u32,
    /// The sentence's number in the store's [`Sentences`].
    pub sentence: u32,
    /// The number of the rule that produced the fact ([`Store::rule_name`]).
    pub rule: Option<u32>,
    /// What the sentence says of the fact, boxed: most evidence says
    /// nothing, and a million supports carried 88 bytes each of `None`.
    pub values: Option<Box<Values>>,
}

impl Support {
    /// What two supports are compared by: all but the sentence number.
    fn key(&self) -> (u32, u32, u32, Option<u32>, &Option<Box<Values>>) {
        (self.doc, self.start, self.end, self.rule, &self.values)
    }
}

impl PartialEq for Support {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Support {}

impl PartialOrd for Support {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Support {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// The values one sentence gives a fact.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Values {
    /// Amount, as JSON-safe parts (value, currency).
    pub amount: Option<(OrdF64, String)>,
    /// Quantity (value, unit).
    pub quantity: Option<(OrdF64, String)>,
    /// Year.
    pub year: Option<i32>,
    /// Role.
    pub role: Option<String>,
}

impl Values {
    /// Boxed, or `None` when the sentence gives no value.
    pub fn boxed(self) -> Option<Box<Values>> {
        (self != Values::default()).then(|| Box::new(self))
    }
}

impl Support {
    /// The amount the sentence gives.
    pub fn amount(&self) -> Option<&(OrdF64, String)> {
        self.values.as_ref()?.amount.as_ref()
    }

    /// The quantity the sentence gives.
    pub fn quantity(&self) -> Option<&(OrdF64, String)> {
        self.values.as_ref()?.quantity.as_ref()
    }

    /// The year the sentence gives.
    pub fn year(&self) -> Option<i32> {
        self.values.as_ref()?.year
    }

    /// The role the sentence gives.
    pub fn role(&self) -> Option<&str> {
        self.values.as_ref()?.role.as_deref()
    }
}

/// An `f64` that orders totally, so evidence can be sorted.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OrdF64(pub f64);
impl Eq for OrdF64 {}
impl PartialOrd for OrdF64 {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for OrdF64 {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Evidence of one fact: inline when there is one piece, as for most
/// facts, so a fact costs no allocation of its own.
pub type Supports = SmallVec<[Support; 1]>;

/// A fact: a predicate with its evidence, sorted and without duplicates.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// The predicate.
    pub predicate: Predicate,
    /// Evidence, sorted by document and position.
    pub support: Supports,
}

impl Fact {
    /// The value and currency of the first evidence that gives an amount,
    /// borrowed.
    pub fn amount_parts(&self) -> Option<(f64, &str)> {
        self.support
            .iter()
            .find_map(Support::amount)
            .map(|(v, c)| (v.0, c.as_str()))
    }

    /// The amount of the first evidence that gives one.
    pub fn amount(&self) -> Option<Amount> {
        self.amount_parts().map(|(value, currency)| Amount {
            value,
            currency: currency.to_string(),
        })
    }

    /// The quantity of the first evidence that gives one.
    pub fn quantity(&self) -> Option<Quantity> {
        self.support
            .iter()
            .find_map(Support::quantity)
            .map(|(v, u)| Quantity {
                value: v.0,
                unit: u.clone(),
            })
    }

    /// The year of the first evidence that gives one.
    pub fn year(&self) -> Option<i32> {
        self.support.iter().find_map(Support::year)
    }

    /// The role of the first evidence that gives one.
    pub fn role(&self) -> Option<&str> {
        self.support.iter().find_map(Support::role)
    }

    /// How many distinct documents back the fact.
    pub fn sources(&self) -> usize {
        self.support
            .iter()
            .map(|s| s.doc)
            .collect::<BTreeSet<_>>()
            .len()
    }
}

/// What one merge did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeStats {
    /// Entities created.
    pub new_entities: usize,
    /// Entities that matched one already there.
    pub merged_entities: usize,
    /// Facts created.
    pub new_facts: usize,
    /// Facts that matched one already there (evidence added).
    pub merged_facts: usize,
}

/// The knowledge graph.
#[derive(Debug, Clone, Default)]
pub struct Store {
    graph: StableDiGraph<Node, Fact>,
    index: IndexMap<String, NodeIndex, FxBuildHasher>,
    docs: IndexSet<String>,
    /// Each fact by (subject, predicate, object), the object and subject in
    /// a fixed order for symmetric predicates: merging a fact is one lookup,
    /// however many facts its subject already has.
    /// FxHash: the keys are small integers from this process, not input
    /// an adversary picks. Only merging needs it: a load leaves it empty
    /// and the first merge builds it (`facts_indexed`).
    facts: HashMap<(NodeIndex, Predicate, NodeIndex), EdgeIndex, FxBuildHasher>,
    /// Whether `facts` holds every fact of the graph.
    facts_indexed: bool,
    /// Every rule name once: a support holds its number.
    rules: IndexSet<String>,
    /// Every evidence sentence: a support holds its number.
    sentences: Sentences,
    /// What queries read, derived from the graph: dropped by a merge.
    derived: Derived,
}

/// Read indexes derived from the graph, each built on its first read
/// after a change; a merge drops them all at once.
#[derive(Debug, Clone, Default)]
struct Derived {
    /// Facts by node and predicate.
    adjacency: OnceLock<adjacency::Adjacency>,
    /// Each fact's amount and year in a flat array.
    columns: OnceLock<columns::Columns>,
    /// The nodes of each type ([`EntityType::ALL`]'s order), in index order.
    by_type: OnceLock<Vec<Vec<NodeIndex>>>,
    /// Each node's rank among the canonical names.
    names: OnceLock<NameOrder>,
}

/// The order of the canonical names: case folded, then as written.
#[derive(Debug, Clone, Default)]
struct NameOrder {
    /// By node index; nodes of one name share a rank.
    rank: Vec<u32>,
    /// Whether two nodes share a name.
    shared: bool,
}

impl NameOrder {
    fn of(graph: &StableDiGraph<Node, Fact>) -> Self {
        // the first sixteen folded bytes as a number settle most
        // comparisons without reading the names (a million-fact store has
        // 230,000)
        let prefix = |name: &str| {
            let mut key = [0u8; 16];
            let folded;
            let bytes = if name.is_ascii() {
                name.as_bytes()
            } else {
                folded = name.to_lowercase();
                folded.as_bytes()
            };
            for (k, b) in key.iter_mut().zip(bytes) {
                *k = b.to_ascii_lowercase();
            }
            u128::from_be_bytes(key)
        };
        let mut named: Vec<(u128, &str, NodeIndex)> = graph
            .node_indices()
            .map(|n| {
                let name = graph[n].name();
                (prefix(name), name, n)
            })
            .collect();
        named.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| cmp_folded(a.1, b.1))
                .then_with(|| a.1.cmp(b.1))
        });
        let mut rank = vec![u32::MAX; graph.node_bound()];
        let (mut at, mut shared) = (0, false);
        for (k, &(_, name, n)) in named.iter().enumerate() {
            if k > 0 {
                if named[k - 1].1 == name {
                    shared = true;
                } else {
                    at += 1;
                }
            }
            rank[n.index()] = at;
        }
        NameOrder { rank, shared }
    }
}

/// `a` and `b` compared in lower case, allocating only for non-ASCII text.
pub(crate) fn cmp_folded(a: &str, b: &str) -> std::cmp::Ordering {
    if a.is_ascii() && b.is_ascii() {
        a.bytes()
            .map(|c| c.to_ascii_lowercase())
            .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
    } else {
        a.to_lowercase().cmp(&b.to_lowercase())
    }
}

/// The index keys of a name: its folded form, and that form without a
/// trailing legal form ("Aker ASA" is also "aker"), so a firm named with and
/// without its legal form is one entity.
pub(crate) fn keys_of(name: &str) -> Vec<String> {
    let mut keys = vec![name_key(name)];
    keys.extend(crate::text::legal_stem_key(name));
    keys.retain(|k| !k.is_empty());
    keys
}

/// A byte offset as evidence holds it: articles past 4 GiB are refused
/// long before (`--max-article-bytes`), so the cap never bites.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// The key of fact `s p o` in [`Store::facts`].
fn fact_key(s: NodeIndex, p: Predicate, o: NodeIndex) -> (NodeIndex, Predicate, NodeIndex) {
    if p.is_symmetric() && o < s {
        (o, p, s)
    } else {
        (s, p, o)
    }
}

impl adjacency::HasPredicate for Fact {
    fn predicate(&self) -> Predicate {
        self.predicate
    }
}

impl Store {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// The underlying graph (read-only).
    pub fn graph(&self) -> &StableDiGraph<Node, Fact> {
        &self.graph
    }

    /// Names of the documents merged so far.
    pub fn docs(&self) -> &IndexSet<String> {
        &self.docs
    }

    /// Number of entities.
    pub fn entity_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of facts.
    pub fn fact_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node whose name or alias folds like `name`, legal form aside.
    pub fn find(&self, name: &str) -> Option<NodeIndex> {
        keys_of(name)
            .iter()
            .find_map(|k| self.index.get(k).copied())
    }

    /// Every (key, node) pair of the name index, for completion and suggestions.
    pub fn names(&self) -> impl Iterator<Item = (&str, NodeIndex)> {
        self.index.iter().map(|(k, v)| (k.as_str(), *v))
    }

    /// The entity at `n`.
    pub fn node(&self, n: NodeIndex) -> &Node {
        &self.graph[n]
    }

    /// Facts leaving `n`.
    pub fn outgoing(&self, n: NodeIndex) -> impl Iterator<Item = (EdgeIndex, NodeIndex, &Fact)> {
        self.graph
            .edges_directed(n, Direction::Outgoing)
            .map(|e| (e.id(), e.target(), e.weight()))
    }

    /// The facts of predicate `p` leaving `n` (`Outgoing`) or arriving at
    /// it, as (predicate, fact, node at the other end), in fact order. The
    /// index behind it is built on the first call after a merge.
    pub fn along(&self, n: NodeIndex, p: Predicate, dir: Direction) -> &[adjacency::Along] {
        self.derived
            .adjacency
            .get_or_init(|| adjacency::Adjacency::of(&self.graph))
            .along(n, p, dir)
    }

    /// Reads what [`Store::along`] will read for each of `nodes`, all the
    /// nodes' first reads before any second one, so their cache misses
    /// overlap instead of queueing. The number returned means nothing.
    pub(crate) fn warm(&self, nodes: &[NodeIndex], dir: Direction) -> u64 {
        self.derived
            .adjacency
            .get_or_init(|| adjacency::Adjacency::of(&self.graph))
            .warm(nodes, dir)
    }

    /// The amount of fact `e` and its currency, as [`Fact::amount_parts`]
    /// gives them, read from a flat column: a query over many facts reads
    /// 16 bytes each, not the fact and its evidence.
    pub fn fact_amount(&self, e: EdgeIndex) -> Option<(f64, &str)> {
        self.columns().amount(e)
    }

    /// The year of fact `e`, as [`Fact::year`] gives it, from the same column.
    pub fn fact_year(&self, e: EdgeIndex) -> Option<i32> {
        self.columns().year(e)
    }

    /// The entities of type `ty`, in index order.
    pub fn of_type(&self, ty: EntityType) -> &[NodeIndex] {
        let all = self.derived.by_type.get_or_init(|| {
            let mut all = vec![Vec::new(); EntityType::ALL.len()];
            for n in self.graph.node_indices() {
                let kind = self.graph[n].kind();
                if let Some(at) = EntityType::ALL.iter().position(|&t| t == kind) {
                    all[at].push(n);
                }
            }
            all
        });
        EntityType::ALL
            .iter()
            .position(|&t| t == ty)
            .and_then(|at| all.get(at))
            .map_or(&[], Vec::as_slice)
    }

    /// The place of `n`'s canonical name among all of them, case folded and
    /// then as written: nodes of one name share it, so answers sort and
    /// group on numbers. Built on the first call after a merge.
    pub fn name_rank(&self, n: NodeIndex) -> u32 {
        self.name_order()
            .rank
            .get(n.index())
            .copied()
            .unwrap_or(u32::MAX)
    }

    /// Whether two entities have the same canonical name.
    pub fn names_shared(&self) -> bool {
        self.name_order().shared
    }

    fn name_order(&self) -> &NameOrder {
        self.derived
            .names
            .get_or_init(|| NameOrder::of(&self.graph))
    }

    fn columns(&self) -> &columns::Columns {
        self.derived
            .columns
            .get_or_init(|| columns::Columns::of(&self.graph))
    }

    /// Facts arriving at `n`.
    pub fn incoming(&self, n: NodeIndex) -> impl Iterator<Item = (EdgeIndex, NodeIndex, &Fact)> {
        self.graph
            .edges_directed(n, Direction::Incoming)
            .map(|e| (e.id(), e.source(), e.weight()))
    }

    /// The number of rule name `r`, added if new.
    fn rule(&mut self, r: &str) -> u32 {
        match self.rules.get_index_of(r) {
            Some(i) => i as u32,
            None => self.rules.insert_full(r.to_string()).0 as u32,
        }
    }

    /// The sentence a piece of evidence cites ("" if the store lacks it).
    pub fn sentence(&self, s: &Support) -> std::borrow::Cow<'_, str> {
        self.sentences.get(s.sentence).unwrap_or_default()
    }

    /// The rule that produced a piece of evidence, if it was named.
    pub fn rule_name(&self, s: &Support) -> Option<&str> {
        s.rule
            .and_then(|r| self.rules.get_index(r as usize))
            .map(String::as_str)
    }

    /// Merges one document; see the module doc for the rules.
    pub fn merge(&mut self, doc: &Document) -> MergeStats {
        self.derived = Derived::default();
        self.index_facts();
        let mut stats = MergeStats::default();
        let (doc_id, new_doc) = self.docs.insert_full(doc.doc.clone());
        let doc_id = doc_id as u32;
        for e in &doc.entities {
            let keys: BTreeSet<String> = std::iter::once(&e.name)
                .chain(&e.aliases)
                .flat_map(|n| keys_of(n))
                .collect();
            let mut found: Vec<NodeIndex> = keys
                .iter()
                .filter_map(|k| self.index.get(k).copied())
                .collect();
            found.sort();
            found.dedup();
            let node = match found.split_first() {
                None => {
                    stats.new_entities += 1;
                    self.graph.add_node(Node::default())
                }
                Some((&first, rest)) => {
                    stats.merged_entities += 1;
                    for &other in rest {
                        self.merge_nodes(first, other);
                    }
                    first
                }
            };
            let n = &mut self.graph[node];
            n.names.entry(e.name.clone()).or_default().insert(doc_id);
            n.kinds.entry(e.kind).or_default().insert(doc_id);
            n.aliases.extend(e.aliases.iter().cloned());
            let canonical: BTreeSet<String> = n.names.keys().cloned().collect();
            n.aliases.retain(|a| !canonical.contains(a));
            for k in keys {
                self.index.insert(k, node);
            }
        }
        // a sentence that states several facts is held once
        let mut sentences: HashMap<&str, u32> = HashMap::new();
        for t in &doc.triples {
            let resolve = |name: &str| {
                keys_of(name)
                    .iter()
                    .find_map(|k| self.index.get(k).copied())
            };
            let (Some(s), Some(o)) = (resolve(&t.s), resolve(&t.o)) else {
                continue;
            };
            let text = t.evidence.as_ref().map_or("", |e| e.text.as_str());
            let start = t.evidence.as_ref().map_or(0, |e| offset(e.start));
            let end = t.evidence.as_ref().map_or(0, |e| offset(e.end));
            // a document merged again cites the sentences it gave before
            let again = (!new_doc)
                .then(|| self.cited_sentence(fact_key(s, t.p, o), doc_id, start, end))
                .flatten();
            let sentence = match again {
                Some(id) => id,
                None => *sentences
                    .entry(text)
                    .or_insert_with(|| self.sentences.push(text)),
            };
            let support = Support {
                doc: doc_id,
                start,
                end,
                sentence,
                rule: t.rule.as_deref().map(|r| self.rule(r)),
                values: Values {
                    amount: t
                        .amount
                        .as_ref()
                        .map(|a| (OrdF64(a.value), a.currency.clone())),
                    quantity: t
                        .quantity
                        .as_ref()
                        .map(|q| (OrdF64(q.value), q.unit.clone())),
                    year: t.year,
                    role: t.role.clone(),
                }
                .boxed(),
            };
            if self.add_fact(s, t.p, o, smallvec::smallvec![support]) {
                stats.new_facts += 1;
            } else {
                stats.merged_facts += 1;
            }
        }
        stats
    }

    /// Fills the fact index from the graph if a load left it empty.
    fn index_facts(&mut self) {
        if self.facts_indexed {
            return;
        }
        self.facts.clear();
        self.facts.reserve(self.graph.edge_count());
        for e in self.graph.edge_references() {
            let key = fact_key(e.source(), e.weight().predicate, e.target());
            self.facts.insert(key, e.id());
        }
        self.facts_indexed = true;
    }

    /// The sentence fact `key` already cites from span `start..end` of
    /// document `doc`, if it does.
    fn cited_sentence(
        &self,
        key: (NodeIndex, Predicate, NodeIndex),
        doc: u32,
        start: u32,
        end: u32,
    ) -> Option<u32> {
        let id = self.facts.get(&key)?;
        self.graph[*id]
            .support
            .iter()
            .find(|x| x.doc == doc && x.start == start && x.end == end)
            .map(|x| x.sentence)
    }

    /// Adds evidence to the fact `s p o`, creating it if needed; true if new.
    fn add_fact(&mut self, s: NodeIndex, p: Predicate, o: NodeIndex, support: Supports) -> bool {
        if s == o {
            return false;
        }
        let existing = self.facts.get(&fact_key(s, p, o)).copied();
        match existing {
            Some(id) => {
                let fact = &mut self.graph[id];
                fact.support.extend(support);
                fact.support.sort();
                fact.support.dedup();
                false
            }
            None => {
                let mut support = support;
                support.sort();
                support.dedup();
                let id = self.graph.add_edge(
                    s,
                    o,
                    Fact {
                        predicate: p,
                        support,
                    },
                );
                self.facts.insert(fact_key(s, p, o), id);
                true
            }
        }
    }

    /// Folds node `b` into node `a`: names, types, aliases and facts.
    fn merge_nodes(&mut self, a: NodeIndex, b: NodeIndex) {
        if a == b {
            return;
        }
        let edges: Vec<(NodeIndex, NodeIndex, Fact)> = self
            .graph
            .edges_directed(b, Direction::Outgoing)
            .chain(self.graph.edges_directed(b, Direction::Incoming))
            .map(|e| (e.source(), e.target(), e.weight().clone()))
            .collect();
        for (s, o, fact) in &edges {
            self.facts.remove(&fact_key(*s, fact.predicate, *o));
        }
        let Some(old) = self.graph.remove_node(b) else {
            return;
        };
        let keys: Vec<String> = old.all_names().flat_map(keys_of).collect();
        let node = &mut self.graph[a];
        for (name, docs) in old.names {
            node.names.entry(name).or_default().extend(docs);
        }
        for (kind, docs) in old.kinds {
            node.kinds.entry(kind).or_default().extend(docs);
        }
        node.aliases.extend(old.aliases);
        let canonical: BTreeSet<String> = node.names.keys().cloned().collect();
        node.aliases.retain(|x| !canonical.contains(x));
        // every key that led to `b` is one of its names
        for key in keys {
            if let Some(v) = self.index.get_mut(&key) {
                if *v == b {
                    *v = a;
                }
            }
        }
        for (s, o, fact) in edges {
            let s = if s == b { a } else { s };
            let o = if o == b { a } else { o };
            self.add_fact(s, fact.predicate, o, fact.support);
        }
    }

    /// A canonical text dump: the same for two stores that hold the same
    /// knowledge, whatever order their documents arrived in.
    pub fn snapshot(&self) -> String {
        let mut lines: Vec<String> = Vec::new();
        for n in self.graph.node_indices() {
            let node = &self.graph[n];
            let aliases: Vec<&str> = node.aliases.iter().map(String::as_str).collect();
            lines.push(format!(
                "E {} [{}] aka {}",
                node.name(),
                node.kind(),
                aliases.join("|")
            ));
        }
        for e in self.graph.edge_indices() {
            let Some((s, o)) = self.graph.edge_endpoints(e) else {
                continue;
            };
            let f = &self.graph[e];
            let (mut a, mut b) = (
                self.graph[s].name().to_string(),
                self.graph[o].name().to_string(),
            );
            if f.predicate.is_symmetric() && b < a {
                std::mem::swap(&mut a, &mut b);
            }
            let mut ev: Vec<String> = f
                .support
                .iter()
                .map(|s| {
                    format!(
                        "{}@{}-{}",
                        self.docs.get_index(s.doc as usize).map_or("?", |d| d),
                        s.start,
                        s.end
                    )
                })
                .collect();
            ev.sort();
            lines.push(format!(
                "F {a} -{}-> {b} {:?} {:?} {}",
                f.predicate,
                f.amount(),
                f.year(),
                ev.join(",")
            ));
        }
        lines.sort();
        lines.join("\n")
    }

    /// The name of document `id`.
    pub fn doc_name(&self, id: u32) -> &str {
        self.docs.get_index(id as usize).map_or("?", String::as_str)
    }
}

#[cfg(test)]
mod tests;
