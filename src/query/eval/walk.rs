//! One path step run over a binding: the nodes it reaches (a breadth-first
//! walk for a closure), the values it binds, the way it took.

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::Direction::{self, Incoming, Outgoing};
use smallvec::SmallVec;

use super::rows::Texts;
use super::trails::{Ends, Trail, Trails, NO_FACTS};
use super::{Binding, Ctx, Saved, Val, LOOKAHEAD};
use crate::query::ast::{Attr, Step};
use crate::query::plan::{Access, From, PlanStep, Slot};
use crate::query::QueryError;
use crate::store::{Fact, Store};

impl PlanStep {
    /// Reads what [`PlanStep::run`] will read for `bindings` (the facts of
    /// the node each starts from, and their values) and drops it: a walk
    /// over many bindings otherwise waits on one cache miss after another.
    pub(super) fn prefetch(&self, ctx: &Ctx, bindings: &[Binding]) {
        let Access::Path {
            s, o, steps, from, ..
        } = &self.access
        else {
            return;
        };
        let (Slot::Var(v), dir) = (match from {
            From::Subject => (*s, Outgoing),
            From::Object => (*o, Incoming),
            From::Scan => return,
        }) else {
            return;
        };
        let nodes: SmallVec<[NodeIndex; LOOKAHEAD]> = bindings
            .iter()
            .filter_map(|b| match b.vals.get(v) {
                Some(Some(Val::Node(n))) => Some(*n),
                _ => None,
            })
            .collect();
        // the nodes' facts first, then the facts' values: one pass per
        // read that waits on the one before
        let mut sum = ctx.store.warm(&nodes, dir);
        for step in steps {
            for &n in &nodes {
                for &(_, e, _) in ctx.store.along(n, step.predicate, dir) {
                    sum += ctx.store.fact_year(e).unwrap_or(0) as u64;
                }
            }
        }
        std::hint::black_box(sum);
    }

    /// Extends binding `b` by this step and calls `out` with each result.
    /// The results are made in `b` itself, which `out` copies if it keeps
    /// them; `b` is as it was when the step returns `Ok`.
    pub(super) fn run(
        &self,
        ctx: &Ctx,
        b: &mut Binding,
        out: &mut dyn FnMut(&Binding),
    ) -> Result<(), QueryError> {
        let Ctx {
            store,
            limits,
            guards,
            texts,
            trails,
        } = ctx;
        // a node bound to a guarded variable must have the guard's type
        let fits = |slot: Slot, n: NodeIndex| match slot {
            Slot::Var(v) => guards[v].is_none_or(|ty| store.node(n).kind() == ty),
            Slot::Node(_) => true,
        };
        match &self.access {
            Access::Type { var, ty, .. } => {
                match b.vals[*var] {
                    Some(Val::Node(n)) => {
                        if store.node(n).kind() == *ty {
                            out(b);
                        }
                    }
                    // unbound: every entity of the type, with facts or not
                    None => {
                        for &n in store.of_type(*ty) {
                            b.vals[*var] = Some(Val::Node(n));
                            out(b);
                        }
                        b.vals[*var] = None;
                    }
                    Some(_) => {}
                }
                Ok(())
            }
            Access::Path {
                s,
                o,
                steps,
                attrs,
                from,
            } => {
                let fixed = |slot: Slot| match slot {
                    Slot::Node(n) => Some(n),
                    Slot::Var(v) => match b.vals.get(v) {
                        Some(Some(Val::Node(n))) => Some(*n),
                        _ => None,
                    },
                };
                let (starts, dir): (SmallVec<[NodeIndex; 1]>, Direction) = match from {
                    From::Subject => (fixed(*s).into_iter().collect(), Outgoing),
                    From::Object => (fixed(*o).into_iter().collect(), Incoming),
                    From::Scan => (store.graph().node_indices().collect(), Outgoing),
                };
                // each result is made in `b` and then undone: the slots this
                // step may bind and its trail are put back as they were
                let slots = [*s, *o].into_iter().filter_map(|slot| match slot {
                    Slot::Var(v) => Some(v),
                    Slot::Node(_) => None,
                });
                let before: SmallVec<[Saved; 8]> = slots
                    .chain(attrs.iter().map(|&(_, v)| v))
                    .map(|v| (v, b.vals[v], b.origins[v]))
                    .collect();
                let trail = b.trail;
                let undo = |nb: &mut Binding| {
                    for &(v, val, origin) in &before {
                        nb.vals[v] = val;
                        nb.origins[v] = origin;
                    }
                    nb.trail = trail;
                };
                for start in starts {
                    limits.check()?;
                    for step in steps {
                        walk(
                            store,
                            trails,
                            start,
                            *step,
                            dir,
                            trail,
                            |end, ends, trail_of| {
                                let (sn, on) = match dir {
                                    Outgoing => (start, end),
                                    Incoming => (end, start),
                                };
                                if !(fits(*s, sn) && fits(*o, on)) {
                                    return;
                                }
                                if !(bind(b, *s, sn) && bind(b, *o, on)) {
                                    undo(b);
                                    return;
                                }
                                if !attrs.is_empty() {
                                    // the attributes are the last fact's, the one
                                    // arriving at the object
                                    let last = ends.map(|(first, last)| match dir {
                                        Outgoing => last,
                                        Incoming => first,
                                    });
                                    bind_attrs(store, texts, b, attrs, last, on);
                                }
                                b.trail = trail_of();
                                out(b);
                                undo(b);
                            },
                        );
                    }
                }
                Ok(())
            }
        }
    }
}

/// Binds `slot` of `b` to node `n`; false if it holds something else.
fn bind(b: &mut Binding, slot: Slot, n: NodeIndex) -> bool {
    match slot {
        Slot::Node(m) => m == n,
        Slot::Var(v) => match &b.vals[v] {
            Some(Val::Node(m)) => *m == n,
            Some(_) => false,
            None => {
                b.vals[v] = Some(Val::Node(n));
                true
            }
        },
    }
}

/// Binds the attributes of fact `edge`, whose object is `object`. Amounts
/// and years come from the store's columns, the rest from the fact.
fn bind_attrs(
    store: &Store,
    texts: &Texts,
    b: &mut Binding,
    attrs: &[(Attr, usize)],
    edge: Option<EdgeIndex>,
    object: NodeIndex,
) {
    let Some(e) = edge else { return };
    for &(attr, var) in attrs {
        let fact = || store.graph().edge_weight(e);
        let v = match attr {
            Attr::Amount => store.fact_amount(e).map(|(v, _)| Val::Num(v)),
            Attr::Currency => store.fact_amount(e).map(|(_, c)| Val::Text(texts.get(c))),
            Attr::Year => store.fact_year(e).map(|y| Val::Num(f64::from(y))),
            Attr::Role => fact().and_then(Fact::role).map(|r| Val::Text(texts.get(r))),
            Attr::Quantity => fact()
                .and_then(Fact::quantity)
                .map(|q| Val::Text(texts.get(&q.to_string()))),
        };
        if let Some(v) = v {
            b.vals[var] = Some(v);
            // an amount remembers its fact and project: its currency, and
            // that a deal is summed once
            if attr == Attr::Amount {
                b.origins[var] = Some((e, object));
            }
        }
    }
}

/// Calls `visit` with each node reachable from `start` by `step`, along the
/// facts (`Outgoing`) or against them, the first and last facts of the way
/// there in walking order (none for `start` itself), and a maker of the
/// way's trail (`before` extended by its facts). A closure is a breadth-first
/// walk with a visited set, so it ends on cycles. Links are added only when
/// a trail is made, once per node, so the nodes a query rejects (a guard, a
/// bound variable) cost no memory however many a walk reaches.
pub(super) fn walk(
    store: &Store,
    trails: &Trails,
    start: NodeIndex,
    step: Step,
    dir: Direction,
    before: Trail,
    mut visit: impl FnMut(NodeIndex, Ends, &mut dyn FnMut() -> Trail),
) {
    // a symmetric fact is walked both ways
    let sides: &[Direction] = if step.predicate.is_symmetric() {
        &[dir, dir.opposite()]
    } else {
        &[dir]
    };
    let hop = |n: NodeIndex| {
        sides.iter().flat_map(move |&side| {
            store
                .along(n, step.predicate, side)
                .iter()
                .map(|&(_, e, other)| (other, e))
        })
    };
    if !step.closure {
        for (t, e) in hop(start) {
            visit(t, Some((e, e)), &mut || trails.push(e, before));
        }
        return;
    }
    // the queue is `reached` itself: entries from `at` on are still to visit
    let mut reached: Vec<Reached> = vec![Reached {
        node: start,
        ends: None,
        from: 0,
        trail: Some(before),
    }];
    // the visited set, a bit per node of the store
    let bound = petgraph::visit::NodeIndexable::node_bound(store.graph());
    let mut seen = vec![0u64; bound.div_ceil(64)];
    let mut visit_once = |n: NodeIndex| {
        let (word, bit) = (n.index() / 64, 1u64 << (n.index() % 64));
        match seen.get_mut(word) {
            Some(w) if *w & bit == 0 => {
                *w |= bit;
                true
            }
            Some(_) => false,
            None => true,
        }
    };
    visit_once(start);
    let mut at = 0;
    while at < reached.len() {
        let Reached { node, ends, .. } = reached[at];
        for (t, e) in hop(node) {
            if visit_once(t) {
                let first = ends.map_or(e, |(first, _)| first);
                reached.push(Reached {
                    node: t,
                    ends: Some((first, e)),
                    from: at as u32,
                    trail: None,
                });
            }
        }
        at += 1;
    }
    for k in 0..reached.len() {
        let Reached { node, ends, .. } = reached[k];
        visit(node, ends, &mut || trail_of(&mut reached, trails, k));
    }
}

/// A node a closure walk reached: the first and last facts of the way to
/// it, the entry of the node it was reached from, and the way's trail once
/// made.
#[derive(Clone, Copy)]
struct Reached {
    node: NodeIndex,
    ends: Ends,
    from: u32,
    trail: Option<Trail>,
}

/// The trail of entry `k` of a walk: the nearest entry on its way back
/// whose trail is made, extended by a link per entry from there to `k`
/// (each entry keeping its own).
fn trail_of(reached: &mut [Reached], trails: &Trails, k: usize) -> Trail {
    let mut todo: SmallVec<[usize; 8]> = SmallVec::new();
    let mut at = k;
    let mut trail = loop {
        match reached.get(at) {
            Some(Reached { trail: Some(t), .. }) => break *t,
            Some(r) => {
                todo.push(at);
                at = r.from as usize;
            }
            None => break NO_FACTS,
        }
    };
    for &entry in todo.iter().rev() {
        if let Some((_, e)) = reached[entry].ends {
            trail = trails.push(e, trail);
        }
        reached[entry].trail = Some(trail);
    }
    trail
}

#[cfg(test)]
mod tests {
    use super::super::rows::Facts;
    use super::super::trails::trail_facts;
    use super::*;
    use crate::model::{Document, Entity, EntityType, Lang, Predicate, Triple};

    /// A chain of places, each in the next: "P0" in "P1" ... in "P4".
    fn chain() -> Store {
        let names: Vec<String> = (0..5).map(|i| format!("P{i}")).collect();
        let mut store = Store::new();
        store.merge(&Document {
            doc: "chain.txt".into(),
            lang: Lang::En,
            entities: names
                .iter()
                .map(|n| Entity {
                    name: n.clone(),
                    kind: EntityType::Place,
                    aliases: Vec::new(),
                })
                .collect(),
            triples: names
                .windows(2)
                .map(|w| Triple::new(&w[0], Predicate::LocatedIn, &w[1]))
                .collect(),
        });
        store
    }

    #[test]
    fn a_walk_links_only_the_ways_asked_for_and_shares_their_tails() {
        let store = chain();
        let top = store.find("P4").unwrap();
        let step = Step {
            predicate: Predicate::LocatedIn,
            closure: true,
        };
        let trails = Trails::default();
        let mut reached = 0;
        // nothing kept: no link, however many places the walk reaches
        walk(&store, &trails, top, step, Incoming, NO_FACTS, |_, _, _| {
            reached += 1;
        });
        assert_eq!(reached, 5);
        assert!(trails.links.borrow().is_empty());
        // two places kept, the deeper one's way through the other: its
        // trail extends the other's by one link
        let mut kept: Vec<Trail> = Vec::new();
        walk(
            &store,
            &trails,
            top,
            step,
            Incoming,
            NO_FACTS,
            |n, _, trail| {
                if ["P1", "P0"].contains(&store.node(n).name()) {
                    kept.push(trail());
                }
            },
        );
        let links = trails.links.borrow();
        let facts = |t| {
            let mut f = Facts::new();
            trail_facts(&links, t, &mut f);
            f.len()
        };
        assert_eq!((facts(kept[0]), facts(kept[1])), (3, 4));
        assert_eq!(links.len(), 4);
    }
}
