//! Evaluator: a [`Query`] and a store in, [`Rows`] out. Clauses run in the
//! plan's order over variable bindings; the last one feeds the distinct
//! answers directly, and each row keeps the facts it used as evidence.
//!
//! Here: bindings and the pipeline of steps ([`eval_with`]). A step's run
//! over one binding is in `walk`, the facts each binding rests on in
//! `trails`, the answers and their rows in `answers` and `rows`, the path
//! search between two entities in `connect`.

mod answers;
mod connect;
mod rows;
mod trails;
mod walk;

pub use connect::connect;
pub use rows::{Cell, Cells, EvidenceRef, Facts, Row, Rows};

use std::borrow::Cow;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Instant;

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use smallvec::{smallvec, SmallVec};

use super::ast::{Filter, Literal, Op, Query};
use super::plan::{Access, Limits, Plan, PlanStep, StepReport};
use super::QueryError;
use crate::model::EntityType;
use crate::store::Store;
use crate::text::{fold_str, name_key};
use answers::{Answers, Selection};
use rows::Texts;
use trails::{Link, Trail, Trails, NO_FACTS};

/// A value bound to a variable: small and copied, a text by its number
/// in the evaluation's [`Texts`].
#[derive(Debug, Clone, Copy, PartialEq)]
enum Val {
    Node(NodeIndex),
    Num(f64),
    Text(u32),
}

/// A bound value as a hash key: what makes two bindings the same answer
/// before their cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ValKey {
    Unbound,
    Node(NodeIndex),
    /// An entity by its name's rank ([`Store::name_rank`]).
    Name(u32),
    Num(u64),
    Text(u32),
}

impl ValKey {
    fn of(v: Option<&Val>) -> Self {
        match v {
            None => ValKey::Unbound,
            Some(Val::Node(n)) => ValKey::Node(*n),
            Some(Val::Num(x)) => ValKey::Num(x.to_bits()),
            Some(Val::Text(t)) => ValKey::Text(*t),
        }
    }
}

/// Where an amount was read: its fact and the fact's object.
type Origin = (EdgeIndex, NodeIndex);

/// One partial answer: a slot per query variable (numbered by [`Plan`]) and
/// the facts used so far, as a trail in the evaluation's [`Trails`]. Small
/// queries keep all of it inline, so extending a binding allocates nothing.
#[derive(Debug)]
struct Binding {
    vals: SmallVec<[Option<Val>; 6]>,
    /// For a slot bound from a fact's amount, that fact and its object.
    origins: SmallVec<[Option<Origin>; 6]>,
    trail: Trail,
}

impl Clone for Binding {
    /// A copy of the two slices (SmallVec's own clone goes item by item).
    fn clone(&self) -> Self {
        Binding {
            vals: SmallVec::from_slice(&self.vals),
            origins: SmallVec::from_slice(&self.origins),
            trail: self.trail,
        }
    }
}

/// A slot's number, value and origin as a step found them, to put back.
type Saved = (usize, Option<Val>, Option<Origin>);

/// What every step of one evaluation reads.
struct Ctx<'a> {
    store: &'a Store,
    limits: &'a Limits<'a>,
    /// A type each variable's node must have (a later `?v is T` made early).
    guards: Vec<Option<EntityType>>,
    texts: Texts,
    trails: Trails,
}

/// Resolves an entity name, or says which names are close.
pub fn resolve(store: &Store, name: &str) -> Result<NodeIndex, QueryError> {
    let trimmed = name.trim().trim_matches('"');
    if let Some(n) = store.find(trimmed) {
        return Ok(n);
    }
    for article in ["la ", "le ", "les ", "l'", "the ", "l\u{2019}"] {
        if let Some(rest) = trimmed.to_lowercase().strip_prefix(article) {
            if let Some(n) = store.find(rest) {
                return Ok(n);
            }
        }
    }
    let key = name_key(trimmed);
    // names the typed text starts (or starts a word of) come first, then
    // names within a few edits
    let score = |k: &str| {
        if k.starts_with(&key) {
            Some(0)
        } else if k.split(' ').any(|w| w.starts_with(&key)) && key.len() >= 3 {
            Some(1)
        } else {
            let d = strsim::levenshtein(&key, k);
            (d <= 2 + key.len() / 4).then_some(d + 2)
        }
    };
    // among equals, the shortest first: "Nvidia" before "Nvidia project in ..."
    let mut close: Vec<(usize, usize, String)> = store
        .names()
        .filter_map(|(k, n)| {
            let name = store.node(n).name().to_string();
            Some((score(k)?, name.len(), name))
        })
        .collect();
    close.sort();
    let mut suggestions: Vec<String> = Vec::new();
    for (_, _, n) in close {
        if !suggestions.contains(&n) {
            suggestions.push(n);
        }
    }
    suggestions.truncate(3);
    Err(QueryError::UnknownEntity {
        name: trimmed.to_string(),
        known: known_to_gazetteer(trimmed),
        suggestions,
    })
}

/// "Peru (Country)" when the gazetteer knows `name` (in any of its
/// spellings): a store that has no such entity has no article about it.
fn known_to_gazetteer(name: &str) -> Option<String> {
    static GAZETTEER: std::sync::LazyLock<Option<crate::extract::gazetteer::Gazetteer>> =
        std::sync::LazyLock::new(|| crate::extract::gazetteer::Gazetteer::builtin().ok());
    let g = GAZETTEER.as_ref()?;
    let e = g.entry(g.lookup(name)?);
    Some(format!("{} ({})", e.name, e.kind))
}

/// Evaluates a query.
pub fn eval(store: &Store, q: &Query) -> Result<Rows, QueryError> {
    eval_until(store, q, &AtomicBool::new(false))
}

/// Evaluates a query, giving up with [`QueryError::Cancelled`] once `stop` is set.
pub fn eval_until(store: &Store, q: &Query, stop: &AtomicBool) -> Result<Rows, QueryError> {
    eval_with(store, q, &Limits::new(stop)).map(|(rows, _)| rows)
}

/// Evaluates a query within `limits`, returning the rows and what each step
/// of the plan did.
///
/// Each step extends the bindings of the one before; the last two run as
/// one pipeline, and the last one's bindings go straight into `Answers`,
/// which keeps per distinct answer only what the output needs, so a large
/// join or an aggregate costs its answers, not its paths.
pub fn eval_with(
    store: &Store,
    q: &Query,
    limits: &Limits,
) -> Result<(Rows, Vec<StepReport>), QueryError> {
    let plan = Plan::new(store, q)?;
    // "?c is Country" after the step that binds ?c: the check is made as
    // that step binds it, so the rows it would drop are never made
    let mut guards: Vec<Option<EntityType>> = vec![None; plan.vars.len()];
    for step in &plan.steps {
        if let Access::Type {
            var,
            ty,
            bound: true,
        } = step.access
        {
            guards[var] = Some(ty);
        }
    }
    let ctx = Ctx {
        store,
        limits,
        guards,
        texts: Texts::default(),
        trails: Trails::default(),
    };
    let selection = Selection::of(q, &plan);
    let mut answers = Answers::new(store, q, &plan, &selection);
    let mut bindings = vec![Binding {
        vals: smallvec![None; plan.vars.len()],
        origins: smallvec![None; plan.vars.len()],
        trail: NO_FACTS,
    }];
    // a filter applies as soon as the plan has bound its variable; the last
    // step applies those whose variable no step binds (they fail)
    let mut filtered = vec![false; q.filters.len()];
    let mut stages: Vec<Stage> = plan
        .steps
        .iter()
        .enumerate()
        .map(|(at, step)| {
            let last = at + 1 == plan.steps.len();
            let filters = q
                .filters
                .iter()
                .zip(&mut filtered)
                .filter(|(f, done)| !**done && (last || step.binds.contains(&plan.var(&f.var))))
                .map(|(f, done)| {
                    *done = true;
                    f
                })
                .collect();
            Stage {
                step,
                filters,
                produced: 0,
                kept: 0,
                micros: 0,
                out: Vec::new(),
                next: plan.steps.get(at + 1),
            }
        })
        .collect();
    // the steps before the last two hand on all their bindings; the last
    // two run as one pipeline, so the bindings between them are never all
    // held at once
    let split = stages.len().saturating_sub(2);
    for stage in &mut stages[..split] {
        let started = Instant::now();
        let mut next = Vec::new();
        for b in std::mem::take(&mut bindings) {
            stage.feed(&ctx, &plan, q, b, &mut |nb| {
                next.push(nb);
                Ok(())
            })?;
        }
        stage.micros = started.elapsed().as_micros();
        bindings = next;
    }
    let started = Instant::now();
    match &mut stages[split..] {
        [] => {
            for b in bindings
                .iter()
                .filter(|b| q.filters.iter().all(|f| holds(&ctx, &plan, b, f)))
            {
                answers.add(b);
            }
        }
        [last] => {
            for b in &mut bindings {
                last.finish(&ctx, &plan, q, b, &mut |nb| answers.add(nb))?;
            }
            last.micros = started.elapsed().as_micros();
        }
        [first, last, ..] => {
            for b in bindings {
                first.feed(&ctx, &plan, q, b, &mut |mut nb| {
                    last.finish(&ctx, &plan, q, &mut nb, &mut |x| answers.add(x))
                })?;
            }
            // the first step's time is its own reads; the rest is the last's
            last.micros = started.elapsed().as_micros().saturating_sub(first.micros);
        }
    }
    let reports = stages
        .iter()
        .map(|s| StepReport {
            clause: q.clauses[s.step.clause].to_string(),
            access: s.step.describe(&plan, store),
            estimated: s.step.estimate,
            rows: s.kept,
            micros: s.micros,
        })
        .collect();
    let links: Arc<[Link]> = ctx.trails.links.into_inner().into();
    Ok((answers.rows(q, &selection, &ctx.texts, &links), reports))
}

/// One step of a run: the filters it applies, what it produced and kept,
/// and the time it spent reading the store.
struct Stage<'q> {
    step: &'q PlanStep,
    filters: Vec<&'q Filter>,
    produced: usize,
    kept: usize,
    micros: u128,
    /// The bindings one input makes, before they are handed on.
    out: Vec<Binding>,
    /// The step its bindings go to, whose reads it prefetches.
    next: Option<&'q PlanStep>,
}

/// How many bindings a step hands on between two prefetches of the next
/// step's reads: enough for their misses to overlap, few enough that what
/// they bring stays in the core's cache until it is used.
const LOOKAHEAD: usize = 32;

impl Stage<'_> {
    /// Extends `b` by the step and hands each binding that passes the
    /// step's filters to `emit`; fails past the row budget, the deadline or
    /// Ctrl-C.
    fn feed(
        &mut self,
        ctx: &Ctx,
        plan: &Plan,
        q: &Query,
        mut b: Binding,
        emit: &mut dyn FnMut(Binding) -> Result<(), QueryError>,
    ) -> Result<(), QueryError> {
        if let Some(passes) = self.check_bound(ctx, plan, &b) {
            if passes {
                self.kept += 1;
                emit(b)?;
            }
            return Ok(());
        }
        ctx.limits.check()?;
        let started = Instant::now();
        // the step's results go on in batches as it makes them, so a step
        // with many (a walk down a country's places) never holds them all
        let mut out = std::mem::take(&mut self.out);
        let mut handing = std::time::Duration::ZERO;
        let mut failed = None;
        let Stage {
            step,
            filters,
            produced,
            kept,
            next,
            ..
        } = self;
        let mut hand_on = |out: &mut Vec<Binding>| -> Result<(), QueryError> {
            let at = Instant::now();
            *produced += out.len();
            if *produced > ctx.limits.max_rows {
                return Err(QueryError::TooManyRows {
                    clause: q.clauses[step.clause].to_string(),
                    limit: ctx.limits.max_rows,
                });
            }
            // the next step's reads for the batch, made together so their
            // cache misses overlap instead of each waiting on the last
            if let Some(next) = next {
                next.prefetch(ctx, out);
            }
            for nb in out.drain(..) {
                if filters.iter().all(|f| holds(ctx, plan, &nb, f)) {
                    *kept += 1;
                    emit(nb)?;
                }
            }
            handing += at.elapsed();
            Ok(())
        };
        step.run(ctx, &mut b, &mut |nb| {
            if failed.is_none() {
                out.push(nb.clone());
                if out.len() == LOOKAHEAD {
                    failed = hand_on(&mut out).err();
                }
            }
        })?;
        if let Some(e) = failed {
            return Err(e);
        }
        hand_on(&mut out)?;
        self.micros += started.elapsed().saturating_sub(handing).as_micros();
        self.out = out;
        Ok(())
    }

    /// For a check of a bound variable (`?v is T` after the step that
    /// binds `?v`), which keeps a binding as it is: whether `b` passes it and
    /// the step's filters. `None` for any other step.
    fn check_bound(&self, ctx: &Ctx, plan: &Plan, b: &Binding) -> Option<bool> {
        let Access::Type {
            var,
            ty,
            bound: true,
        } = self.step.access
        else {
            return None;
        };
        Some(
            matches!(b.vals[var], Some(Val::Node(n)) if ctx.store.node(n).kind() == ty)
                && self.filters.iter().all(|f| holds(ctx, plan, b, f)),
        )
    }

    /// Like [`Stage::feed`] for the last step, whose bindings go straight
    /// into the answers: none is buffered and no clock is read per binding
    /// (the step's time is the run's less the steps before). `b` is the
    /// step's scratch space, as it was when this returns `Ok`.
    fn finish(
        &mut self,
        ctx: &Ctx,
        plan: &Plan,
        q: &Query,
        b: &mut Binding,
        add: &mut dyn FnMut(&Binding),
    ) -> Result<(), QueryError> {
        if let Some(passes) = self.check_bound(ctx, plan, b) {
            if passes {
                self.kept += 1;
                add(b);
            }
            return Ok(());
        }
        let Stage {
            step,
            filters,
            produced,
            kept,
            ..
        } = self;
        ctx.limits.check()?;
        let mut over = false;
        step.run(ctx, b, &mut |nb| {
            *produced += 1;
            over |= *produced > ctx.limits.max_rows;
            if !over && filters.iter().all(|f| holds(ctx, plan, nb, f)) {
                *kept += 1;
                add(nb);
            }
        })?;
        if over {
            return Err(QueryError::TooManyRows {
                clause: q.clauses[step.clause].to_string(),
                limit: ctx.limits.max_rows,
            });
        }
        Ok(())
    }
}

/// A bound value as people read it.
fn val_text<'a>(ctx: &'a Ctx, v: &Val) -> Cow<'a, str> {
    match v {
        Val::Node(n) => Cow::Borrowed(ctx.store.node(*n).name()),
        Val::Num(x) => Cow::Owned(crate::model::human_number(*x)),
        Val::Text(t) => Cow::Owned(ctx.texts.text(*t).to_string()),
    }
}

fn holds(ctx: &Ctx, plan: &Plan, b: &Binding, f: &Filter) -> bool {
    let Some(v) = &b.vals[plan.var(&f.var)] else {
        return false;
    };
    let ord = match (v, &f.value) {
        (Val::Num(x), Literal::Number(y)) => x.partial_cmp(y),
        (v, Literal::Text(t)) => Some(fold_str(&val_text(ctx, v)).cmp(&fold_str(t))),
        (Val::Node(_) | Val::Text(_), Literal::Number(_)) => None,
    };
    let Some(ord) = ord else { return false };
    use std::cmp::Ordering::*;
    match f.op {
        Op::Eq => ord == Equal,
        Op::Ne => ord != Equal,
        Op::Lt => ord == Less,
        Op::Le => ord != Greater,
        Op::Gt => ord == Greater,
        Op::Ge => ord != Less,
    }
}
