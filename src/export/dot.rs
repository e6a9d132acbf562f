//! Graphviz DOT: the store (or the neighbourhood of one entity) in, DOT text
//! out. Every label is quoted and escaped, so `dot` accepts any store.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use petgraph::stable_graph::NodeIndex;

use crate::model::EntityType;
use crate::store::Store;

/// Which part of the store to draw.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope {
    /// Only entities within `depth` facts of this one.
    pub focus: Option<NodeIndex>,
    /// How far from the focus.
    pub depth: usize,
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

/// Renders the store (or the scope's part of it) as DOT.
pub fn render(store: &Store, scope: Scope) -> String {
    let nodes: BTreeSet<NodeIndex> = match scope.focus {
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
    subgraph(store, &nodes)
}

/// Renders the given entities and the facts between them as DOT.
pub fn subgraph(store: &Store, nodes: &BTreeSet<NodeIndex>) -> String {
    let mut out = String::from("digraph newsgraph {\n  rankdir=LR;\n  node [style=filled, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for &n in nodes {
        let node = store.node(n);
        let (shape, color) = style(node.kind());
        let _ = writeln!(
            out,
            "  n{} [label=\"{}\", shape={shape}, fillcolor=\"{color}\"];",
            n.index(),
            escape(node.name())
        );
    }
    for e in store.graph().edge_indices() {
        let Some((s, o)) = store.graph().edge_endpoints(e) else {
            continue;
        };
        if !nodes.contains(&s) || !nodes.contains(&o) {
            continue;
        }
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
