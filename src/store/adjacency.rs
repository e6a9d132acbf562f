//! Each node's facts grouped by predicate, in one flat array per direction.
//!
//! petgraph keeps a node's edges as a linked list threaded through the whole
//! edge array, so a walk along one predicate visits every fact of the node,
//! each a cache miss. Here a node's facts are a contiguous slice sorted by
//! predicate: a walk reads only the facts of its predicate, in order.

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use petgraph::Direction;

use crate::model::Predicate;

/// One fact seen from a node: its predicate, its id and the node at its other end.
pub type Along = (Predicate, EdgeIndex, NodeIndex);

/// How many predicates there are: the first sort's buckets.
const PREDICATES: usize = Predicate::ALL.len();

/// The adjacency of every node, outgoing and incoming, by predicate.
#[derive(Debug, Clone, Default)]
pub(crate) struct Adjacency {
    out: Side,
    inc: Side,
}

/// One direction: node `n`'s facts are `facts[at[n].start..at[n + 1].start]`.
#[derive(Debug, Clone, Default)]
struct Side {
    at: Vec<Span>,
    facts: Vec<Along>,
}

/// Where a node's facts start, and which predicates they have: a walk
/// asking a node for a predicate it lacks (a project for the places in it)
/// is answered without reading its facts.
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: u32,
    /// Bit `p as u32` is set when the node has a fact of predicate `p`.
    predicates: u32,
}

impl Span {
    fn has(self, p: Predicate) -> bool {
        self.predicates & (1 << p as u32) != 0
    }
}

impl Side {
    /// The facts (node, fact seen from it) sorted by node, then predicate,
    /// then fact id, by two stable counting sorts: by predicate, then by
    /// node (the facts come in id order).
    fn build(bound: usize, facts: &[(u32, Along)]) -> Self {
        let mut by_predicate: Vec<u32> = vec![0; PREDICATES + 1];
        let mut at = vec![Span::default(); bound + 1];
        for &(n, (p, _, _)) in facts {
            by_predicate[p as usize + 1] += 1;
            at[n as usize + 1].start += 1;
            at[n as usize].predicates |= 1 << p as u32;
        }
        for k in 1..by_predicate.len() {
            by_predicate[k] += by_predicate[k - 1];
        }
        for k in 1..at.len() {
            at[k].start += at[k - 1].start;
        }
        let mut ordered: Vec<u32> = vec![0; facts.len()];
        for (i, &(_, (p, _, _))) in facts.iter().enumerate() {
            let slot = &mut by_predicate[p as usize];
            ordered[*slot as usize] = i as u32;
            *slot += 1;
        }
        let mut next: Vec<u32> = at.iter().map(|s| s.start).collect();
        let filler = (Predicate::InvestsIn, EdgeIndex::end(), NodeIndex::end());
        let mut out = vec![filler; facts.len()];
        for &i in &ordered {
            let (n, f) = facts[i as usize];
            let slot = &mut next[n as usize];
            out[*slot as usize] = f;
            *slot += 1;
        }
        Side { at, facts: out }
    }

    fn along(&self, n: NodeIndex, p: Predicate) -> &[Along] {
        let Some(&[from, to]) = self.at.get(n.index()..n.index() + 2) else {
            return &[];
        };
        if !from.has(p) {
            return &[];
        }
        let all = &self.facts[from.start as usize..to.start as usize];
        let start = all.partition_point(|f| f.0 < p);
        let end = all.partition_point(|f| f.0 <= p);
        &all[start..end]
    }

    /// Reads what `along` will read for each of `nodes`: their spans, then
    /// the start of their facts. Each pass's reads do not wait on one
    /// another, so their cache misses overlap; the sum keeps them from
    /// being optimised away.
    fn warm(&self, nodes: &[NodeIndex]) -> u64 {
        let span = |n: &NodeIndex| self.at.get(n.index()).map(|s| s.start as usize);
        let spans: u64 = nodes.iter().filter_map(span).map(|s| s as u64).sum();
        let facts: u64 = nodes
            .iter()
            .filter_map(span)
            .filter_map(|s| self.facts.get(s))
            .map(|f| f.1.index() as u64)
            .sum();
        spans.wrapping_add(facts)
    }
}

impl Adjacency {
    /// The adjacency of `graph` as it is now.
    pub(crate) fn of<N, E: HasPredicate>(graph: &StableDiGraph<N, E>) -> Self {
        let bound = graph.node_bound();
        // one pass over petgraph's edges, which hold their weights: the
        // sorts read a compact copy, 16 bytes a fact
        let out: Vec<(u32, Along)> = graph
            .edge_references()
            .map(|e| {
                let fact = (e.weight().predicate(), e.id(), e.target());
                (e.source().index() as u32, fact)
            })
            .collect();
        let inc: Vec<(u32, Along)> = out
            .iter()
            .map(|&(s, (p, e, o))| (o.index() as u32, (p, e, NodeIndex::new(s as usize))))
            .collect();
        Adjacency {
            out: Side::build(bound, &out),
            inc: Side::build(bound, &inc),
        }
    }

    /// Reads what [`Adjacency::along`] will read for `nodes` (see [`Side::warm`]).
    pub(crate) fn warm(&self, nodes: &[NodeIndex], dir: Direction) -> u64 {
        self.side(dir).warm(nodes)
    }

    /// The facts of predicate `p` leaving `n` (`Outgoing`) or arriving at it.
    pub(crate) fn along(&self, n: NodeIndex, p: Predicate, dir: Direction) -> &[Along] {
        self.side(dir).along(n, p)
    }

    /// The facts leaving each node (`Outgoing`) or arriving at it.
    fn side(&self, dir: Direction) -> &Side {
        match dir {
            Direction::Outgoing => &self.out,
            Direction::Incoming => &self.inc,
        }
    }
}

/// An edge weight that names its predicate.
pub(crate) trait HasPredicate {
    /// The predicate of the fact.
    fn predicate(&self) -> Predicate;
}

#[cfg(test)]
mod tests {
    use super::*;

    struct P(Predicate);
    impl HasPredicate for P {
        fn predicate(&self) -> Predicate {
            self.0
        }
    }

    #[test]
    fn a_nodes_facts_of_one_predicate_are_the_graphs() {
        use Predicate::*;
        let mut g: StableDiGraph<(), P> = StableDiGraph::new();
        let n: Vec<NodeIndex> = (0..4).map(|_| g.add_node(())).collect();
        g.add_edge(n[0], n[1], P(InvestsIn));
        g.add_edge(n[0], n[2], P(LocatedIn));
        g.add_edge(n[3], n[1], P(InvestsIn));
        g.add_edge(n[0], n[3], P(InvestsIn));
        let removed = g.add_node(());
        g.add_edge(removed, n[1], P(InvestsIn));
        g.remove_node(removed);
        let adj = Adjacency::of(&g);
        for &a in &n {
            for p in [InvestsIn, LocatedIn, Supplies] {
                for dir in [Direction::Outgoing, Direction::Incoming] {
                    let mut want: Vec<(EdgeIndex, NodeIndex)> = g
                        .edges_directed(a, dir)
                        .filter(|e| e.weight().0 == p)
                        .map(|e| match dir {
                            Direction::Outgoing => (e.id(), e.target()),
                            Direction::Incoming => (e.id(), e.source()),
                        })
                        .collect();
                    want.sort();
                    let got: Vec<(EdgeIndex, NodeIndex)> =
                        adj.along(a, p, dir).iter().map(|f| (f.1, f.2)).collect();
                    assert_eq!(got, want, "{a:?} {p:?} {dir:?}");
                }
            }
        }
        assert!(adj
            .along(NodeIndex::new(99), InvestsIn, Direction::Outgoing)
            .is_empty());
    }
}
