//! Evaluator: a [`Query`] and a store in, [`Rows`] out. Clauses run in the
//! plan's order over variable bindings; the last one feeds the distinct
//! answers directly, and each row keeps the facts it used as evidence.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Instant;

use indexmap::{IndexMap, IndexSet};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::Direction::{self, Incoming, Outgoing};
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use serde::Serialize;
use smallvec::{smallvec, SmallVec};

use super::ast::{Attr, Filter, Item, Literal, Op, Query, Step};
use super::plan::{Access, From, Limits, Plan, PlanStep, Slot, StepReport};
use super::QueryError;
use crate::model::{EntityType, Predicate};
use crate::store::{cmp_folded, Fact, Store};
use crate::text::{fold_str, name_key};

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

/// The facts a binding rests on: a link in [`Trails`], or [`NO_FACTS`].
type Trail = u32;

/// A fact and the trail it extends.
type Link = (EdgeIndex, Trail);

/// The first and last facts of a way from one node to another, in walking
/// order (`None` for the way from a node to itself).
type Ends = Option<(EdgeIndex, EdgeIndex)>;

/// The trail of a binding that rests on no fact yet.
const NO_FACTS: Trail = u32::MAX;

/// The facts of every binding of one evaluation, as linked lists sharing
/// their tails: a walk's places share the path to the place they were
/// reached from, so extending a binding by a fact adds one link however
/// long its path, and copying a binding copies one number.
#[derive(Default)]
struct Trails {
    links: RefCell<Vec<Link>>,
}

impl Trails {
    /// The trail of `before` extended by fact `e`.
    fn push(&self, e: EdgeIndex, before: Trail) -> Trail {
        let mut links = self.links.borrow_mut();
        links.push((e, before));
        (links.len() - 1) as Trail
    }
}

/// The facts of `trail`, added to `out` (in no particular order).
fn trail_facts(links: &[Link], mut trail: Trail, out: &mut Facts) {
    while let Some(&(e, before)) = links.get(trail as usize) {
        out.push(e);
        trail = before;
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

/// The evaluation's texts read from facts (currencies, roles, quantities),
/// each held once however many rows bind it, and numbered.
#[derive(Default)]
struct Texts {
    known: RefCell<IndexSet<Arc<str>, FxBuildHasher>>,
    /// The number of the text last asked for: rows read the same few
    /// texts (a currency) again and again, compared before any hashing.
    last: std::cell::Cell<Option<u32>>,
}

impl Texts {
    /// The number of `text`, added if new.
    fn get(&self, text: &str) -> u32 {
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
    fn ranks(&self) -> Vec<u32> {
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
    fn all(&self) -> Vec<Arc<str>> {
        self.known.borrow().iter().cloned().collect()
    }

    /// Text number `at`.
    fn text(&self, at: u32) -> Arc<str> {
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

/// What a query outputs: its items, with a hidden last one to sort on when
/// `order by` names an item not selected.
struct Selection {
    items: Vec<Item>,
    /// How many of `items`, from the first, are shown.
    visible: usize,
    columns: Vec<String>,
}

impl Selection {
    fn of(q: &Query, plan: &Plan) -> Self {
        // no select: every variable of the clauses, in order of first mention
        let mut items: Vec<Item> = if q.select.is_empty() {
            plan.vars[..plan.clause_vars]
                .iter()
                .cloned()
                .map(Item::Var)
                .collect()
        } else {
            q.select.clone()
        };
        let columns = items
            .iter()
            .map(|i| match i {
                Item::Var(v) => v.clone(),
                Item::Count(v) => format!("count_{v}"),
                Item::Sum(v) => format!("sum_{v}"),
            })
            .collect();
        let aggregate = items.iter().any(|i| !matches!(i, Item::Var(_)));
        let visible = items.len();
        // "order by ?a" with ?a not selected: a hidden last column to sort on
        // (in a grouped query only an aggregate can be one, or the groups change)
        if let Some((item, _)) = &q.order {
            if !(items.contains(item) || aggregate && matches!(item, Item::Var(_))) {
                items.push(item.clone());
            }
        }
        Selection {
            items,
            visible,
            columns,
        }
    }
}

/// The distinct answers of a query, gathered as its last step binds them.
/// An answer is a value of each selected variable (its key); it keeps
/// where its amounts came from, the facts of every binding behind it, and
/// the inputs of its aggregates. Answers whose entities share a name are
/// merged into the first before rows are made.
struct Answers<'s> {
    store: &'s Store,
    /// The slots of the selected variables, in order.
    slots: Vec<usize>,
    /// Each aggregate item: whether it sums (else it counts) and its slot.
    aggregates: Vec<(bool, usize)>,
    /// Without aggregates: the bindings as met, grouped when rows are made.
    met: Met,
    /// With aggregates: the answers, grouped as bindings come.
    by_value: AnswerMap,
    /// The position of the answer last added to: bindings come grouped by
    /// the nodes the first steps bound, so most repeat the last key.
    last: Option<usize>,
}

/// The bindings of a query without aggregates, as they were met: their
/// selected values, where their amounts came from and their trails, in flat
/// vectors. Rows group them by sorting, which the rows' order needs anyway,
/// so no binding is hashed and no answer is allocated until rows are made.
#[derive(Default)]
struct Met {
    /// The selected values, a run of one per selected variable per binding.
    keys: Vec<ValKey>,
    /// The column rows are ranked on (`order by`), if any: only its
    /// values' origins are kept, since only a ranked amount's currency counts.
    ranked: Option<usize>,
    /// For each binding, the fact its ranked column's amount was read from.
    origins: Vec<Option<Origin>>,
    /// Where each binding's trails end in `trails`.
    ends: Vec<usize>,
    trails: Vec<Trail>,
}

impl Met {
    /// Adds a binding's values and trail; a binding with the values of the
    /// one before (another path to the same answer) adds only its trail.
    fn add(&mut self, slots: &[usize], b: &Binding) {
        let width = slots.len();
        let same = !self.ends.is_empty()
            && slots
                .iter()
                .zip(&self.keys[self.keys.len() - width..])
                .all(|(&v, k)| ValKey::of(b.vals[v].as_ref()) == *k);
        if !same {
            self.keys
                .extend(slots.iter().map(|&v| ValKey::of(b.vals[v].as_ref())));
            if let Some(col) = self.ranked {
                self.origins
                    .push(slots.get(col).and_then(|&v| b.origins[v]));
            }
            self.ends.push(0);
        }
        self.trails.push(b.trail);
        if let Some(end) = self.ends.last_mut() {
            *end = self.trails.len();
        }
    }

    /// The rows: one per run of bindings whose values rank the same (one
    /// answer, or entities of one name), shown with the values of the
    /// binding met first and the facts of all. Sorting the bindings by their
    /// values groups them and orders the rows in one pass.
    ///
    /// The bindings are sorted by their first value, then copied once into
    /// that order, so the rest (ties sorted, groups found, rows written)
    /// reads memory in order: read through the sorted numbers instead, each
    /// row would wait on a cache miss per value.
    fn rows(
        self,
        store: &Store,
        q: &Query,
        selection: &Selection,
        texts: &Texts,
        links: &Arc<[Link]>,
    ) -> Rows {
        let width = selection.items.len();
        let ranks = texts.ranks();
        let count = self.ends.len();
        let order = self.by_first_value(store, &ranks, width);
        // each binding's values and the span of its trails, copied in that order
        let mut vals: Vec<ValKey> = Vec::with_capacity(count * width);
        let mut spans: Vec<(u32, u32)> = Vec::with_capacity(count);
        for &(_, i) in &order {
            let i = i as usize;
            for &k in &self.keys[i * width..(i + 1) * width] {
                vals.push(k);
            }
            let start = if i == 0 { 0 } else { self.ends[i - 1] };
            spans.push((start as u32, self.ends[i] as u32));
        }
        // the first value's key was made for the first sort
        let keys: Vec<SortKey> = vals
            .iter()
            .enumerate()
            .map(|(at, k)| match at % width {
                0 => order[at / width].0,
                _ => val_key(store, &ranks, k),
            })
            .collect();
        let row = |p: u32| &keys[p as usize * width..(p as usize + 1) * width];
        // positions in that order; bindings that share a first value are
        // sorted by the rest, the one met first first
        let mut by_value: Vec<u32> = (0..count as u32).collect();
        if width > 1 {
            for run in order
                .chunk_by(|a, b| a.0 == b.0)
                .scan(0, |at, run| {
                    let from = *at;
                    *at += run.len();
                    Some(from..*at)
                })
                .filter(|run| run.len() > 1)
            {
                by_value[run].sort_unstable_by(|&a, &b| row(a).cmp(row(b)).then(a.cmp(&b)));
            }
        }
        let groups: Vec<&[u32]> = by_value.chunk_by(|&a, &b| row(a) == row(b)).collect();
        let first = |g: usize| groups[g].first().copied().unwrap_or(0);
        let mut shown: Vec<usize> = (0..groups.len()).collect();
        if let Some((col, desc)) = ranked_by(q, selection) {
            let units: Vec<Unit> = (0..groups.len())
                .map(|g| {
                    let p = first(g) as usize;
                    let number = matches!(vals[p * width + col], ValKey::Num(_));
                    let origin = self.origins.get(order[p].1 as usize).copied().flatten();
                    unit(store, origin, number)
                })
                .collect();
            rank(&mut shown, &units, col, desc, |g| row(first(g)));
        }
        if let Some(n) = q.limit {
            shown.truncate(n);
        }
        let shown_texts = texts.all();
        let rows = shown
            .into_iter()
            .map(|g| {
                let mut trails = SmallVec::new();
                for &p in groups[g] {
                    let (start, end) = spans[p as usize];
                    trails.extend_from_slice(&self.trails[start as usize..end as usize]);
                }
                let at = first(g) as usize * width;
                Row {
                    cells: vals[at..at + selection.visible]
                        .iter()
                        .map(|k| Cell::of(k, &shown_texts))
                        .collect(),
                    facts: RowFacts::Trails(links.clone(), trails),
                }
            })
            .collect();
        Rows {
            columns: selection.columns.clone(),
            rows,
        }
    }

    /// Each binding's number, sorted by its first value's sort key (kept
    /// beside it), the binding met first first.
    fn by_first_value(&self, store: &Store, ranks: &[u32], width: usize) -> Vec<(SortKey, u32)> {
        let count = self.ends.len() as u32;
        let first_of = |i: u32| {
            self.keys
                .get(i as usize * width)
                .map_or(0, |k| val_key(store, ranks, k))
        };
        let firsts: Vec<SortKey> = (0..count).map(first_of).collect();
        let high = firsts.first().map(|k| k >> 32);
        if high.is_some_and(|h| firsts.iter().all(|k| k >> 32 == h)) {
            // first values of one kind and a small rank (entities by name):
            // the rank and the binding's number sort as one 64-bit word
            let mut packed: Vec<u64> = (0..count)
                .map(|i| (firsts[i as usize] as u64 & u64::from(u32::MAX)) << 32 | u64::from(i))
                .collect();
            packed.sort_unstable();
            packed
                .into_iter()
                .map(|p| (firsts[(p & u64::from(u32::MAX)) as usize], p as u32))
                .collect()
        } else {
            let mut by_first: Vec<(SortKey, u32)> = firsts.into_iter().zip(0..count).collect();
            by_first.sort_unstable();
            by_first
        }
    }
}

/// The column `order by` ranks rows on, and whether it ranks them down.
fn ranked_by(q: &Query, selection: &Selection) -> Option<(usize, bool)> {
    let (item, desc) = q.order.as_ref()?;
    Some((selection.items.iter().position(|i| i == item)?, *desc))
}

/// What a ranked value is ranked within: whether it has no number (such
/// rows come last, whatever the direction) and its amount's currency.
type Unit<'s> = (bool, Option<&'s str>);

/// The unit of a ranked value read from `origin` (an amount's fact), or
/// of a `number` with none.
fn unit(store: &Store, origin: Option<Origin>, number: bool) -> Unit<'_> {
    let currency = origin
        .and_then(|(e, _)| store.fact_amount(e))
        .map(|(_, currency)| currency);
    (currency.is_none() && !number, currency)
}

/// Orders answers by column `col` of their sort keys (`row`) within their
/// units: amounts rank within their currency (USD rows, then EUR rows...,
/// never 5 bn JPY above 1 bn USD), then by all their cells. Answers are
/// distinct, so no two tie and the unstable sort is deterministic.
fn rank<'k>(
    shown: &mut [usize],
    units: &[Unit],
    col: usize,
    desc: bool,
    row: impl Fn(usize) -> &'k [SortKey],
) {
    shown.sort_unstable_by(|&a, &b| {
        let o = row(a)[col].cmp(&row(b)[col]);
        units[a]
            .cmp(&units[b])
            .then(if desc { o.reverse() } else { o })
            .then_with(|| row(a).cmp(row(b)))
    });
}

/// The distinct answers by the values of the selected variables, in the
/// order first met.
type AnswerMap = IndexMap<AnswerKey, Answer, FxBuildHasher>;

/// The values of an answer's selected variables.
type AnswerKey = SmallVec<[ValKey; 4]>;

/// One distinct answer: see [`Answers`].
struct Answer {
    /// For each selected variable, the fact its amount was read from.
    origins: SmallVec<[Option<Origin>; 4]>,
    /// The trails of its bindings.
    trails: Vec<Trail>,
    /// Per aggregate item, its distinct inputs in the order met.
    inputs: Vec<Input>,
}

/// An amount and the object it was stated for as one number, which sorts
/// and compares in one instruction: the object's index plus one (0 for
/// none) above the amount's bits.
fn deal(object: Option<NodeIndex>, amount: f64) -> u128 {
    let object = object.map_or(0, |o| o.index() as u128 + 1);
    object << 64 | u128::from(amount.to_bits())
}

/// What an aggregate adds up.
enum Input {
    /// The distinct values counted.
    Count(FxHashSet<ValKey>),
    /// The amounts summed, with the object each was stated for: a deal
    /// counts once, however many paths reach it and however many partners
    /// share it (an amount stated for one object, the project, is added
    /// once). Each is a [`deal`]: gathered as met, made distinct by
    /// [`Input::settle`].
    Sum(Vec<u128>),
}

impl Input {
    /// Drops the amounts met more than once, in a fixed order.
    fn settle(&mut self) {
        if let Input::Sum(seen) = self {
            seen.sort_unstable();
            seen.dedup();
        }
    }
}

impl<'s> Answers<'s> {
    fn new(store: &'s Store, q: &Query, plan: &Plan, selection: &Selection) -> Self {
        let mut slots = Vec::new();
        let mut aggregates = Vec::new();
        for item in &selection.items {
            match item {
                Item::Var(v) => slots.push(plan.var(v)),
                Item::Count(v) => aggregates.push((false, plan.var(v))),
                Item::Sum(v) => aggregates.push((true, plan.var(v))),
            }
        }
        Answers {
            store,
            slots,
            aggregates,
            met: Met {
                ranked: ranked_by(q, selection).map(|(col, _)| col),
                ..Met::default()
            },
            by_value: IndexMap::default(),
            last: None,
        }
    }

    fn add(&mut self, b: &Binding) {
        if self.aggregates.is_empty() {
            self.met.add(&self.slots, b);
            return;
        }
        let key: AnswerKey = self
            .slots
            .iter()
            .map(|&v| ValKey::of(b.vals[v].as_ref()))
            .collect();
        let same = self
            .last
            .filter(|&at| self.by_value.get_index(at).is_some_and(|(k, _)| *k == key));
        let at = match same {
            Some(at) => at,
            None => {
                let entry = self.by_value.entry(key);
                let at = entry.index();
                entry.or_insert_with(|| Answer {
                    origins: self.slots.iter().map(|&v| b.origins[v]).collect(),
                    trails: Vec::new(),
                    inputs: self
                        .aggregates
                        .iter()
                        .map(|&(sum, _)| {
                            if sum {
                                Input::Sum(Vec::new())
                            } else {
                                Input::Count(FxHashSet::default())
                            }
                        })
                        .collect(),
                });
                at
            }
        };
        self.last = Some(at);
        let Some((_, answer)) = self.by_value.get_index_mut(at) else {
            return;
        };
        if answer.trails.last() != Some(&b.trail) {
            answer.trails.push(b.trail);
        }
        for (input, &(_, slot)) in answer.inputs.iter_mut().zip(&self.aggregates) {
            match (input, &b.vals[slot]) {
                (Input::Count(seen), Some(v)) => {
                    seen.insert(ValKey::of(Some(v)));
                }
                (Input::Sum(seen), Some(Val::Num(n))) => {
                    let deal = deal(b.origins[slot].map(|(_, o)| o), *n);
                    if seen.last() != Some(&deal) {
                        seen.push(deal);
                    }
                }
                _ => {}
            }
        }
    }

    /// The selected, grouped, ordered rows.
    fn rows(self, q: &Query, selection: &Selection, texts: &Texts, links: &Arc<[Link]>) -> Rows {
        let store = self.store;
        if self.aggregates.is_empty() {
            return self.met.rows(store, q, selection, texts, links);
        }
        let mut answers = self.by_value;
        if store.names_shared() {
            answers = merge_same_names(store, answers);
        }
        for input in answers.values_mut().flat_map(|a| &mut a.inputs) {
            input.settle();
        }
        let shown_texts = texts.all();
        let mut cells: Vec<Cells> = answers
            .iter()
            .map(|(key, answer)| {
                let mut keys = key.iter();
                let mut inputs = 0..;
                selection
                    .items
                    .iter()
                    .map(|i| match i {
                        Item::Var(_) => keys
                            .next()
                            .map_or(Cell::Empty, |k| Cell::of(k, &shown_texts)),
                        _ => aggregate(answer, inputs.next().unwrap_or(0)),
                    })
                    .collect()
            })
            .collect();
        // rows come in an order that does not depend on the plan: by the
        // `order by` key, then by their cells
        let width = selection.items.len();
        let ranks = texts.ranks();
        let mut keys: Vec<SortKey> = Vec::with_capacity(answers.len() * width);
        for ((values, _), cells) in answers.iter().zip(&cells) {
            let mut values = values.iter();
            for (item, cell) in selection.items.iter().zip(cells) {
                keys.push(match (item, cell.number()) {
                    (Item::Var(_), _) => values
                        .next()
                        .map_or(sort_key(0, 0), |v| val_key(store, &ranks, v)),
                    (_, Some(x)) => number_key(x),
                    (_, None) => sort_key(0, 0),
                });
            }
        }
        let row = |r: usize| &keys[r * width..(r + 1) * width];
        let mut order: Vec<usize> = (0..answers.len()).collect();
        if let Some((col, desc)) = ranked_by(q, selection) {
            // the selected variables before the column: its origin's place
            let var = selection.items[..col]
                .iter()
                .filter(|i| matches!(i, Item::Var(_)))
                .count();
            let units: Vec<Unit> = cells
                .iter()
                .zip(answers.values())
                .map(|(cells, answer)| match selection.items[col] {
                    // an aggregate has no currency of its own
                    Item::Var(_) => unit(
                        store,
                        answer.origins.get(var).copied().flatten(),
                        cells[col].number().is_some(),
                    ),
                    _ => unit(store, None, cells[col].number().is_some()),
                })
                .collect();
            rank(&mut order, &units, col, desc, row);
        } else {
            order.sort_unstable_by(|&a, &b| row(a).cmp(row(b)));
        }
        if let Some(n) = q.limit {
            order.truncate(n);
        }
        let rows = order
            .into_iter()
            .map(|i| {
                let mut cells = std::mem::take(&mut cells[i]);
                cells.truncate(selection.visible);
                let trails = answers
                    .get_index_mut(i)
                    .map(|(_, answer)| SmallVec::from_vec(std::mem::take(&mut answer.trails)))
                    .unwrap_or_default();
                Row {
                    cells,
                    facts: RowFacts::Trails(links.clone(), trails),
                }
            })
            .collect();
        Rows {
            columns: selection.columns.clone(),
            rows,
        }
    }
}

/// Answers whose entities have the same names, merged: people cannot tell
/// them apart, so they read as one row. The first keeps its values.
fn merge_same_names(store: &Store, answers: AnswerMap) -> AnswerMap {
    let mut first: FxHashMap<SmallVec<[ValKey; 4]>, usize> = FxHashMap::default();
    let mut merged = AnswerMap::default();
    for (key, answer) in answers {
        let by_name = key
            .iter()
            .map(|k| match k {
                ValKey::Node(n) => ValKey::Name(store.name_rank(*n)),
                k => *k,
            })
            .collect();
        match first.get(&by_name) {
            Some(&at) => {
                let Some((_, into)) = merged.get_index_mut(at) else {
                    continue;
                };
                into.trails.extend(answer.trails);
                for (mine, theirs) in into.inputs.iter_mut().zip(answer.inputs) {
                    match (mine, theirs) {
                        (Input::Count(a), Input::Count(b)) => a.extend(b),
                        (Input::Sum(a), Input::Sum(b)) => a.extend(b),
                        _ => {}
                    }
                }
            }
            None => {
                first.insert(by_name, merged.len());
                merged.insert(key, answer);
            }
        }
    }
    merged
}

/// A selected value as answers sort: nothing bound first, then entities
/// by name, texts by their rank in `texts` ([`Texts::ranks`]), and numbers
/// by value.
fn val_key(store: &Store, texts: &[u32], v: &ValKey) -> SortKey {
    match v {
        ValKey::Unbound | ValKey::Name(_) => sort_key(0, 0),
        ValKey::Node(n) => sort_key(1, u64::from(store.name_rank(*n))),
        ValKey::Text(t) => sort_key(2, u64::from(texts.get(*t as usize).copied().unwrap_or(0))),
        ValKey::Num(bits) => number_key(f64::from_bits(*bits)),
    }
}

/// A cell's place in the order of answers: its kind (nothing, an entity, a
/// text, a number) above its rank among its kind.
type SortKey = u128;

fn sort_key(kind: u8, rank: u64) -> SortKey {
    u128::from(kind) << 64 | u128::from(rank)
}

/// A number's sort key: `f64::total_cmp`'s order as an unsigned integer's.
fn number_key(x: f64) -> SortKey {
    let bits = x.to_bits() as i64;
    let ordered = bits ^ ((((bits >> 63) as u64) >> 1) as i64);
    sort_key(3, (ordered as u64) ^ (1 << 63))
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

/// The cell of aggregate number `at` of an answer.
fn aggregate(answer: &Answer, at: usize) -> Cell {
    match answer.inputs.get(at) {
        Some(Input::Count(seen)) => Cell::Number(seen.len() as f64),
        Some(Input::Sum(seen)) if !seen.is_empty() => {
            Cell::Number(seen.iter().map(|&d| f64::from_bits(d as u64)).sum())
        }
        _ => Cell::Empty,
    }
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
    fn of(key: &ValKey, texts: &[Arc<str>]) -> Cell {
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

/// A bound value as people read it.
fn val_text<'a>(ctx: &'a Ctx, v: &Val) -> Cow<'a, str> {
    match v {
        Val::Node(n) => Cow::Borrowed(ctx.store.node(*n).name()),
        Val::Num(x) => Cow::Owned(crate::model::human_number(*x)),
        Val::Text(t) => Cow::Owned(ctx.texts.text(*t).to_string()),
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
fn evidence(store: &Store, edges: &[EdgeIndex]) -> Vec<EvidenceRef> {
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

impl PlanStep {
    /// Reads what [`PlanStep::run`] will read for `bindings` (the facts of
    /// the node each starts from, and their values) and drops it: a walk
    /// over many bindings otherwise waits on one cache miss after another.
    fn prefetch(&self, ctx: &Ctx, bindings: &[Binding]) {
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
    fn run(
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
fn walk(
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
    use super::*;
    use crate::model::{Document, Entity, Lang, Triple};

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
