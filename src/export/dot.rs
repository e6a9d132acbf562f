//! Graphviz DOT: the store (or the neighbourhood of one entity) in, DOT text
//! out. Every label is quoted and escaped, so `dot` accepts any store.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use petgraph::stable_graph::{EdgeIndex, NodeIndex};

use crate::model::{EntityType, Predicate};
use crate::store::Store;

/// Which part of the store to draw.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope {
    /// Only entities within `depth` facts of this one.
    pub focus: Option<NodeIndex>,
    /// How far from the focus.
    pub depth: usize,
    /// Draw entities that take part in no fact too (left out by default).
    pub isolated: bool,
}

fn style(kind: EntityType) -> (&'static str, &'static str) {
    match kind {
        EntityType::Organization => ("box", "#cfe2ff"),
        EntityType::Person => ("ellipse", "#ffe5b4"),
        EntityType::Country => ("doubleoctagon", "#c8f0c8"),
        EntityType::Place => ("octagon", "#e0f5e0"),
        EntityType::Project => ("component", "#f0d0f0"),
    }
}

/// Escapes a string for a double-quoted DOT label.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Renders the store (or the scope's part of it) as DOT, each country's
/// places, projects and firms in a box of their own.
pub fn render(store: &Store, scope: Scope) -> String {
    let mut nodes: BTreeSet<NodeIndex> = match scope.focus {
        None => store.graph().node_indices().collect(),
        Some(f) => {
            let mut seen = BTreeSet::from([f]);
            let mut frontier = vec![f];
            for _ in 0..scope.depth {
                let mut next = Vec::new();
                for n in frontier {
                    for m in store
                        .outgoing(n)
                        .map(|(_, t, _)| t)
                        .chain(store.incoming(n).map(|(_, s, _)| s))
                        .collect::<Vec<_>>()
                    {
                        if seen.insert(m) {
                            next.push(m);
                        }
                    }
                }
                frontier = next;
            }
            seen
        }
    };
    if !scope.isolated {
        nodes.retain(|&n| store.outgoing(n).next().is_some() || store.incoming(n).next().is_some());
    }
    let facts: Vec<EdgeIndex> = store
        .graph()
        .edge_indices()
        .filter(|&e| {
            store
                .graph()
                .edge_endpoints(e)
                .is_some_and(|(s, o)| nodes.contains(&s) && nodes.contains(&o))
        })
        .collect();
    draw(store, &nodes, &facts, true)
}

/// Renders an answer: the entities of its rows and the facts (with their
/// projects and places) that make each row true.
pub fn answer(store: &Store, cells: &BTreeSet<NodeIndex>, facts: &[EdgeIndex]) -> String {
    let mut nodes = cells.clone();
    for &e in facts {
        if let Some((s, o)) = store.graph().edge_endpoints(e) {
            nodes.extend([s, o]);
        }
    }
    draw(store, &nodes, facts, false)
}

/// The country an entity belongs to, for grouping: itself for a country,
/// else the first country reached over `located_in` and `headquartered_in`.
fn country_of(store: &Store, n: NodeIndex) -> Option<NodeIndex> {
    let mut seen = BTreeSet::from([n]);
    let mut frontier = vec![n];
    while !frontier.is_empty() {
        let mut next = Vec::new();
        for m in frontier {
            if store.node(m).kind() == EntityType::Country {
                return Some(m);
            }
            for (_, t, f) in store.outgoing(m) {
                let up = matches!(
                    f.predicate,
                    Predicate::LocatedIn | Predicate::HeadquarteredIn
                );
                if up && seen.insert(t) {
                    next.push(t);
                }
            }
        }
        frontier = next;
    }
    None
}

fn draw(store: &Store, nodes: &BTreeSet<NodeIndex>, facts: &[EdgeIndex], group: bool) -> String {
    let mut out = String::from("digraph newsgraph {\n  rankdir=LR;\n  newrank=true;\n  node [style=filled, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
    let node_line = |n: NodeIndex, indent: &str| {
        let node = store.node(n);
        let (shape, color) = style(node.kind());
        format!(
            "{indent}n{} [label=\"{}\", shape={shape}, fillcolor=\"{color}\"];\n",
            n.index(),
            escape(node.name())
        )
    };
    let mut by_country: BTreeMap<NodeIndex, Vec<NodeIndex>> = BTreeMap::new();
    for &n in nodes {
        match country_of(store, n).filter(|c| group && nodes.contains(c)) {
            Some(c) => by_country.entry(c).or_default().push(n),
            None => out.push_str(&node_line(n, "  ")),
        }
    }
    for (c, members) in by_country {
        let _ = writeln!(
            out,
            "  subgraph cluster_{} {{\n    label=\"{}\";\n    style=rounded;",
            c.index(),
            escape(store.node(c).name())
        );
        for n in members {
            out.push_str(&node_line(n, "    "));
        }
        out.push_str("  }\n");
    }
    for &e in facts {
        let Some((s, o)) = store.graph().edge_endpoints(e) else {
            continue;
        };
        let f = &store.graph()[e];
        let mut label = f.predicate.to_string();
        if let Some(a) = f.amount() {
            let _ = write!(label, "\\n{}", escape(&a.to_string()));
        }
        let dir = if f.predicate.is_symmetric() {
            ", dir=both"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  n{} -> n{} [label=\"{label}\"{dir}];",
            s.index(),
            o.index()
        );
    }
    out.push_str("}\n");
    out
}
