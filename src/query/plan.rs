//! The query planner: orders a pattern's clauses so the evaluator starts from
//! the most selective one (a named entity, a bound variable, a small type)
//! and walks each path from the end that binds fewest rows.
//!
//! Planning is greedy: at each step it takes the clause whose estimated
//! fan-out per row is smallest given the variables bound so far. Estimates
//! come from the store itself (a named entity's real degree, the average
//! degree, a type's real size), so they cost a few lookups, never a scan of
//! the facts.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

use super::ast::{Attr, Clause, Item, Query, Step, Term};
use super::eval::resolve;
use super::QueryError;
use crate::model::EntityType;
use crate::store::Store;

/// How many partial answers a query may hold before it stops with
/// [`QueryError::TooManyRows`], unless the caller raises it.
pub const DEFAULT_MAX_ROWS: usize = 2_000_000;

/// What a query may spend: a stop flag (Ctrl-C), a row budget, a deadline.
#[derive(Debug, Clone, Copy)]
pub struct Limits<'a> {
    /// Set by another thread to cancel the query.
    pub stop: &'a AtomicBool,
    /// The most partial answers any step may produce.
    pub max_rows: usize,
    /// When the query gives up with [`QueryError::TimedOut`].
    pub deadline: Option<(Instant, Duration)>,
}

impl<'a> Limits<'a> {
    /// The default budget, cancelled by `stop`.
    pub fn new(stop: &'a AtomicBool) -> Self {
        Limits {
            stop,
            max_rows: DEFAULT_MAX_ROWS,
            deadline: None,
        }
    }

    /// The same limits with a deadline `timeout` from now.
    pub fn with_timeout(self, timeout: Option<Duration>) -> Self {
        Limits {
            deadline: timeout.map(|t| (Instant::now() + t, t)),
            ..self
        }
    }

    /// An error once the query is cancelled or past its deadline.
    pub(crate) fn check(&self) -> Result<(), QueryError> {
        if self.stop.load(Ordering::Relaxed) {
            return Err(QueryError::Cancelled);
        }
        match self.deadline {
            Some((at, after)) if Instant::now() >= at => Err(QueryError::TimedOut {
                millis: after.as_millis(),
            }),
            _ => Ok(()),
        }
    }
}

/// What one step of a plan did, for `.explain`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepReport {
    /// The clause, as written.
    pub clause: String,
    /// How it was read ("from \"South Korea\" backwards", "scan").
    pub access: String,
    /// The rows the planner expected after the step.
    pub estimated: f64,
    /// The rows there were.
    pub rows: usize,
    /// Time spent, in microseconds.
    pub micros: u128,
}

/// A clause position fixed before the step runs, or a variable slot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Slot {
    /// A named entity.
    Node(NodeIndex),
    /// A variable, by number.
    Var(usize),
}

/// Where a path step starts walking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum From {
    /// From the subject, along the facts.
    Subject,
    /// From the object, against the facts.
    Object,
    /// From every entity.
    Scan,
}

/// How a step reads the store.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Access {
    /// `?v is T`: a check when `?v` is bound, else every entity of the type.
    Type {
        /// The variable's slot.
        var: usize,
        /// The type.
        ty: EntityType,
        /// Whether an earlier step bound the variable.
        bound: bool,
    },
    /// A path clause.
    Path {
        /// Subject.
        s: Slot,
        /// Object.
        o: Slot,
        /// Alternative steps.
        steps: Vec<Step>,
        /// Fact attributes and the slots they bind.
        attrs: Vec<(Attr, usize)>,
        /// The end the walk starts from.
        from: From,
    },
}

/// One step of a plan: a clause and how to read it.
#[derive(Debug, Clone)]
pub(crate) struct PlanStep {
    /// The clause's position in the query.
    pub clause: usize,
    /// How it reads the store.
    pub access: Access,
    /// Expected rows after the step.
    pub estimate: f64,
    /// The slots this step binds.
    pub binds: Vec<usize>,
}

/// A query's clauses in the order they run, and its variables' slots.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    /// Variable names; a variable's slot is its position here.
    pub vars: Vec<String>,
    /// How many of `vars`, from the first, the clauses mention (the rest
    /// appear only in filters, select or order).
    pub clause_vars: usize,
    /// The steps, in order.
    pub steps: Vec<PlanStep>,
}

impl Plan {
    /// Plans `q` against `store`; fails if the query names an unknown entity.
    pub fn new(store: &Store, q: &Query) -> Result<Plan, QueryError> {
        let (vars, clause_vars) = variables(q);
        let slot = |v: &str| vars.iter().position(|x| x == v).unwrap_or(0);
        let nodes = store.entity_count().max(1) as f64;
        let facts = store.fact_count() as f64;
        let average = facts / nodes;
        let mut bound = vec![false; vars.len()];
        let mut left: Vec<usize> = (0..q.clauses.len()).collect();
        let mut steps = Vec::with_capacity(left.len());
        let mut rows = 1.0;
        let mut type_sizes: Vec<(EntityType, f64)> = Vec::new();
        let mut type_size = |ty: EntityType| -> f64 {
            if let Some(&(_, n)) = type_sizes.iter().find(|(t, _)| *t == ty) {
                return n;
            }
            let n = store.of_type(ty).len() as f64;
            type_sizes.push((ty, n));
            n
        };
        while !left.is_empty() {
            let mut best: Option<(f64, usize, PlanStep)> = None;
            for (at, &c) in left.iter().enumerate() {
                let step = match &q.clauses[c] {
                    Clause::Type(v, ty) => {
                        let var = slot(v);
                        let size = type_size(*ty);
                        let fanout = if bound[var] { size / nodes } else { size };
                        PlanStep {
                            clause: c,
                            access: Access::Type {
                                var,
                                ty: *ty,
                                bound: bound[var],
                            },
                            estimate: fanout,
                            binds: vec![var],
                        }
                    }
                    Clause::Path { s, steps, attrs, o } => {
                        let term = |t: &Term| -> Result<Option<Slot>, QueryError> {
                            Ok(match t {
                                Term::Entity(name) => Some(Slot::Node(resolve(store, name)?)),
                                Term::Var(v) => bound[slot(v)].then(|| Slot::Var(slot(v))),
                            })
                        };
                        let (known_s, known_o) = (term(s)?, term(o)?);
                        let closure = steps.iter().any(|st| st.closure);
                        let degree = |slot: Option<Slot>, outgoing: bool| -> Option<f64> {
                            let d = match slot? {
                                Slot::Node(n) if outgoing => store.outgoing(n).count() as f64,
                                Slot::Node(n) => store.incoming(n).count() as f64,
                                Slot::Var(_) => average,
                            };
                            // a closure reaches further than one hop, and
                            // always reaches its start
                            Some(if closure { 1.0 + 2.0 * d } else { d })
                        };
                        let (fanout, from) = match (degree(known_s, true), degree(known_o, false)) {
                            (Some(a), Some(b)) if b < a => (b.min(1.0), From::Object),
                            (Some(a), Some(_)) => (a.min(1.0), From::Subject),
                            (Some(a), None) => (a, From::Subject),
                            (None, Some(b)) => (b, From::Object),
                            (None, None) => (facts + if closure { nodes } else { 0.0 }, From::Scan),
                        };
                        let slot_of = |t: &Term| match t {
                            Term::Var(v) => Slot::Var(slot(v)),
                            Term::Entity(_) => Slot::Var(usize::MAX),
                        };
                        let s_slot = known_s.unwrap_or_else(|| slot_of(s));
                        let o_slot = known_o.unwrap_or_else(|| slot_of(o));
                        let attrs: Vec<(Attr, usize)> =
                            attrs.iter().map(|(a, v)| (*a, slot(v))).collect();
                        let mut binds: Vec<usize> = attrs.iter().map(|(_, v)| *v).collect();
                        binds.extend([s, o].into_iter().filter_map(|t| match t {
                            Term::Var(v) => Some(slot(v)),
                            Term::Entity(_) => None,
                        }));
                        PlanStep {
                            clause: c,
                            access: Access::Path {
                                s: s_slot,
                                o: o_slot,
                                steps: steps.clone(),
                                attrs,
                                from,
                            },
                            estimate: fanout,
                            binds,
                        }
                    }
                };
                if best.as_ref().is_none_or(|(f, _, _)| step.estimate < *f) {
                    best = Some((step.estimate, at, step));
                }
            }
            let Some((fanout, at, mut step)) = best else {
                break;
            };
            left.remove(at);
            rows *= fanout;
            step.estimate = rows;
            for &v in &step.binds {
                if let Some(b) = bound.get_mut(v) {
                    *b = true;
                }
            }
            steps.push(step);
        }
        Ok(Plan {
            vars,
            clause_vars,
            steps,
        })
    }

    /// The slot of variable `v` (every variable of the query has one).
    pub fn var(&self, v: &str) -> usize {
        self.vars.iter().position(|x| x == v).unwrap_or(usize::MAX)
    }
}

impl PlanStep {
    /// How the step reads the store, in words.
    pub fn describe(&self, plan: &Plan, store: &Store) -> String {
        let name = |s: Slot| match s {
            Slot::Node(n) => format!("{:?}", store.node(n).name()),
            Slot::Var(v) => format!("?{}", plan.vars.get(v).map_or("_", String::as_str)),
        };
        match &self.access {
            Access::Type { var, ty, bound } => {
                let v = &plan.vars[*var];
                if *bound {
                    format!("check ?{v} is {ty}")
                } else {
                    format!("every {ty}")
                }
            }
            Access::Path { s, o, from, .. } => match from {
                From::Subject => format!("from {} along the facts", name(*s)),
                From::Object => format!("from {} against the facts", name(*o)),
                From::Scan => "scan every entity".to_string(),
            },
        }
    }
}

/// Every variable the query mentions, in order of first mention, and how
/// many of them the clauses mention (they come first).
fn variables(q: &Query) -> (Vec<String>, usize) {
    let mut vars: Vec<String> = Vec::new();
    let mut add = |v: &str| {
        if !vars.iter().any(|x| x == v) {
            vars.push(v.to_string());
        }
    };
    for c in &q.clauses {
        match c {
            Clause::Path { s, attrs, o, .. } => {
                for t in [s, o] {
                    if let Term::Var(v) = t {
                        add(v);
                    }
                }
                for (_, v) in attrs {
                    add(v);
                }
            }
            Clause::Type(v, _) => add(v),
        }
    }
    let clause_vars = vars.len();
    let mut add = |v: &str| {
        if !vars.iter().any(|x| x == v) {
            vars.push(v.to_string());
        }
    };
    for f in &q.filters {
        add(&f.var);
    }
    for i in q.select.iter().chain(q.order.as_ref().map(|(i, _)| i)) {
        match i {
            Item::Var(v) | Item::Count(v) | Item::Sum(v) => add(v),
        }
    }
    (vars, clause_vars)
}
