//! The shortest way between two entities, over facts of any predicate
//! in either direction.

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use rustc_hash::FxHashMap;

use crate::store::Store;

/// The shortest chain of facts between two entities, in either direction.
///
/// A breadth-first search from both ends at once, each round growing the
/// side with the smaller frontier: two hubs a few facts apart are joined
/// without visiting everything either one reaches. A round is finished
/// before the shortest meeting is taken, so the chain is a shortest one.
pub fn connect(store: &Store, a: NodeIndex, b: NodeIndex) -> Option<Vec<EdgeIndex>> {
    if a == b {
        return Some(Vec::new());
    }
    // each side: node -> (distance from its end, the step that reached it)
    type Seen = FxHashMap<NodeIndex, (usize, Option<(NodeIndex, EdgeIndex)>)>;
    let mut seen: [Seen; 2] = [
        FxHashMap::from_iter([(a, (0, None))]),
        FxHashMap::from_iter([(b, (0, None))]),
    ];
    let mut fronts = [vec![a], vec![b]];
    while !fronts[0].is_empty() && !fronts[1].is_empty() {
        let side = usize::from(fronts[1].len() < fronts[0].len());
        let (mine, theirs) = if side == 0 {
            let (x, y) = seen.split_at_mut(1);
            (&mut x[0], &y[0])
        } else {
            let (x, y) = seen.split_at_mut(1);
            (&mut y[0], &x[0])
        };
        let mut next = Vec::new();
        // the shortest meeting of this round: (length, node)
        let mut best: Option<(usize, NodeIndex)> = None;
        for &n in &fronts[side] {
            let depth = mine.get(&n).map_or(0, |d| d.0);
            let steps = store
                .outgoing(n)
                .map(|(e, t, _)| (t, e))
                .chain(store.incoming(n).map(|(e, s, _)| (s, e)));
            for (t, e) in steps {
                if mine.contains_key(&t) {
                    continue;
                }
                mine.insert(t, (depth + 1, Some((n, e))));
                match theirs.get(&t) {
                    Some(&(d, _)) => {
                        let length = depth + 1 + d;
                        if best.is_none_or(|(l, _)| length < l) {
                            best = Some((length, t));
                        }
                    }
                    None => next.push(t),
                }
            }
        }
        if let Some((_, meet)) = best {
            let walk = |side: &Seen| {
                let mut path = Vec::new();
                let mut cur = meet;
                while let Some(&(_, Some((p, e)))) = side.get(&cur) {
                    path.push(e);
                    cur = p;
                }
                path
            };
            let mut path = walk(&seen[0]);
            path.reverse();
            path.extend(walk(&seen[1]));
            return Some(path);
        }
        fronts[side] = next;
    }
    None
}
