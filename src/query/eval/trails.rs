//! The facts each binding rests on, as linked lists that share their tails.

use std::cell::RefCell;

use petgraph::stable_graph::EdgeIndex;

use super::rows::Facts;

/// The facts a binding rests on: a link in [`Trails`], or [`NO_FACTS`].
pub(super) type Trail = u32;

/// A fact and the trail it extends.
pub(super) type Link = (EdgeIndex, Trail);

/// The first and last facts of a way from one node to another, in walking
/// order (`None` for the way from a node to itself).
pub(super) type Ends = Option<(EdgeIndex, EdgeIndex)>;

/// The trail of a binding that rests on no fact yet.
pub(super) const NO_FACTS: Trail = u32::MAX;

/// The facts of every binding of one evaluation, as linked lists sharing
/// their tails: a walk's places share the path to the place they were
/// reached from, so extending a binding by a fact adds one link however
/// long its path, and copying a binding copies one number.
#[derive(Default)]
pub(super) struct Trails {
    pub(super) links: RefCell<Vec<Link>>,
}

impl Trails {
    /// The trail of `before` extended by fact `e`.
    pub(super) fn push(&self, e: EdgeIndex, before: Trail) -> Trail {
        let mut links = self.links.borrow_mut();
        links.push((e, before));
        (links.len() - 1) as Trail
    }
}

/// The facts of `trail`, added to `out` (in no particular order).
pub(super) fn trail_facts(links: &[Link], mut trail: Trail, out: &mut Facts) {
    while let Some(&(e, before)) = links.get(trail as usize) {
        out.push(e);
        trail = before;
    }
}
