//! Evaluator: a [`Query`] and a store in, [`Rows`] out. Clauses join left to
//! right over variable bindings; each row keeps the facts it used as evidence.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Instant;

use indexmap::IndexMap;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use serde::Serialize;
use smallvec::{smallvec, SmallVec};

use super::ast::{Attr, Item, Literal, Op, Query, Step};
use super::plan::{Access, From, Limits, Plan, PlanStep, Slot, StepReport};
use super::QueryError;
use crate::model::{EntityType, Predicate};
use crate::store::{Fact, Store};
use crate::text::{fold_str, name_key};

/// A value bound to a variable.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    Node(NodeIndex),
    Num(f64),
    Text(Arc<str>),
}

/// A bound value as a hash key: what makes two bindings the same answer
/// before their cells are written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ValKey {
    Unbound,
    Node(NodeIndex),
    Num(u64),
    Text(Arc<str>),
}

impl ValKey {
    fn of(v: Option<&Val>) -> Self {
        match v {
            None => ValKey::Unbound,
            Some(Val::Node(n)) => ValKey::Node(*n),
            Some(Val::Num(x)) => ValKey::Num(x.to_bits()),
            Some(Val::Text(t)) => ValKey::Text(t.clone()),
        }
    }
}

/// One partial answer: a slot per query variable (numbered by [`Plan`]) and
/// the facts used so far. Small queries keep all of it inline, so extending
/// a binding allocates nothing.
#[derive(Debug, Clone)]
struct Binding {
    vals: SmallVec<[Option<Val>; 6]>,
    /// For a slot bound from a fact's attribute, that fact.
    origins: SmallVec<[Option<EdgeIndex>; 6]>,
    edges: SmallVec<[EdgeIndex; 6]>,
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

/// An answer row. Its evidence is read from the store when asked for
/// ([`Row::evidence`]), so a large answer costs no sentence it does not show.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Cell texts, one per column, as people read them ("2.9 bn").
    pub cells: Vec<String>,
    /// The number behind each cell that holds one (amounts, years,
    /// quantities, counts), for machine formats; empty when none does.
    pub numbers: Vec<Option<f64>>,
    /// The facts the row rests on, sorted and without duplicates.
    pub facts: Vec<EdgeIndex>,
}

impl Row {
    /// The evidence of the row's facts, ordered by document and position.
    pub fn evidence(&self, store: &Store) -> Vec<EvidenceRef> {
        evidence(store, &self.facts)
    }

    /// How many distinct documents back the row.
    pub fn sources(&self, store: &Store) -> usize {
        let mut docs: Vec<u32> = supports(store, &self.facts).map(|s| s.doc).collect();
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
pub fn eval_with(
    store: &Store,
    q: &Query,
    limits: &Limits,
) -> Result<(Rows, Vec<StepReport>), QueryError> {
    let plan = Plan::new(store, q)?;
    let mut reports = Vec::with_capacity(plan.steps.len());
    let mut bindings = vec![Binding {
        vals: smallvec![None; plan.vars.len()],
        origins: smallvec![None; plan.vars.len()],
        edges: SmallVec::new(),
    }];
    let mut filtered = vec![false; q.filters.len()];
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
    for step in &plan.steps {
        let started = Instant::now();
        // a check of a bound variable keeps rows in place, cloning none
        let checked = match step.access {
            Access::Type {
                var,
                ty,
                bound: true,
            } => Some((var, ty)),
            _ => None,
        };
        let mut next = Vec::new();
        if let Some((var, ty)) = checked {
            next = std::mem::take(&mut bindings);
            next.retain(
                |b| matches!(b.vals[var], Some(Val::Node(n)) if store.node(n).kind() == ty),
            );
        }
        for b in bindings.iter().filter(|_| checked.is_none()) {
            limits.check()?;
            step.run(store, b, &mut next, limits, &guards)?;
            if next.len() > limits.max_rows {
                return Err(QueryError::TooManyRows {
                    clause: q.clauses[step.clause].to_string(),
                    limit: limits.max_rows,
                });
            }
        }
        // a filter applies as soon as the plan has bound its variable
        for (i, f) in q.filters.iter().enumerate() {
            if !filtered[i] && step.binds.contains(&plan.var(&f.var)) {
                filtered[i] = true;
                next.retain(|b| holds(store, &plan, b, f));
            }
        }
        reports.push(StepReport {
            clause: q.clauses[step.clause].to_string(),
            access: step.describe(&plan, store),
            estimated: step.estimate,
            rows: next.len(),
            micros: started.elapsed().as_micros(),
        });
        bindings = next;
    }
    for (i, f) in q.filters.iter().enumerate() {
        if !filtered[i] {
            bindings.retain(|b| holds(store, &plan, b, f));
        }
    }
    let rows = output(store, q, &plan, &bindings);
    Ok((rows, reports))
}

/// Turns the final bindings into the selected, grouped, ordered rows.
fn output(store: &Store, q: &Query, plan: &Plan, bindings: &[Binding]) -> Rows {
    fn get<'b>(plan: &Plan, b: &'b Binding, v: &str) -> Option<&'b Val> {
        b.vals.get(plan.var(v))?.as_ref()
    }
    // no select: every variable of the clauses, in order of first mention
    let select: Vec<Item> = if q.select.is_empty() {
        plan.vars[..plan.clause_vars]
            .iter()
            .cloned()
            .map(Item::Var)
            .collect()
    } else {
        q.select.clone()
    };
    let columns: Vec<String> = select
        .iter()
        .map(|i| match i {
            Item::Var(v) => v.clone(),
            Item::Count(v) => format!("count_{v}"),
            Item::Sum(v) => format!("sum_{v}"),
        })
        .collect();
    let aggregate = select.iter().any(|i| !matches!(i, Item::Var(_)));
    // "order by ?a" with ?a not selected: a hidden last column to sort on
    // (in a grouped query only an aggregate can be one, or the groups change)
    let visible = select.len();
    let mut select = select;
    if let Some((item, _)) = &q.order {
        if !(select.contains(item) || aggregate && matches!(item, Item::Var(_))) {
            select.push(item.clone());
        }
    }
    // each row: its cells and the bindings behind it (their facts are
    // gathered only for the rows that survive `limit`)
    let mut rows: Vec<(Vec<Cell>, Vec<&Binding>)> = Vec::new();
    // bindings with the same values are one answer; answers whose cells read
    // the same (two entities of one name) are one row
    let vars: Vec<&str> = select
        .iter()
        .filter_map(|i| match i {
            Item::Var(v) => Some(v.as_str()),
            _ => None,
        })
        .collect();
    let mut by_value: IndexMap<SmallVec<[ValKey; 4]>, Vec<&Binding>> = IndexMap::new();
    for b in bindings {
        let key = vars.iter().map(|v| ValKey::of(get(plan, b, v))).collect();
        by_value.entry(key).or_default().push(b);
    }
    let mut groups: IndexMap<Vec<String>, (Vec<&Binding>, Vec<Cell>)> = IndexMap::new();
    for (_, members) in by_value {
        let key_cells: Vec<Cell> = vars
            .iter()
            .map(|v| var_cell(store, plan, members[0], v))
            .collect();
        let key: Vec<String> = key_cells.iter().map(|c| c.text.clone()).collect();
        groups
            .entry(key)
            .or_insert_with(|| (Vec::new(), key_cells))
            .0
            .extend(members);
    }
    if aggregate {
        for (_, (members, key_cells)) in groups {
            let mut key_iter = key_cells.into_iter();
            let cells = select
                .iter()
                .map(|i| match i {
                    Item::Var(_) => key_iter.next().unwrap_or_default(),
                    Item::Count(v) => {
                        let distinct: HashSet<String> = members
                            .iter()
                            .filter_map(|b| get(plan, b, v))
                            .map(|x| cell(store, Some(x)).text)
                            .collect();
                        Cell::num(distinct.len() as f64)
                    }
                    Item::Sum(v) => {
                        // a deal counts once: however many paths reach it and
                        // however many partners share it, an amount stated for
                        // one object (the project) is added once
                        let mut seen = HashSet::new();
                        let slot = plan.var(v);
                        let numbers: Vec<f64> = members
                            .iter()
                            .filter_map(|b| match get(plan, b, v) {
                                Some(Val::Num(n)) => Some((b, *n)),
                                _ => None,
                            })
                            .filter(|(b, n)| {
                                let object = b.origins[slot]
                                    .and_then(|e| store.graph().edge_endpoints(e))
                                    .map(|(_, o)| o);
                                seen.insert((object, n.to_bits()))
                            })
                            .map(|(_, n)| n)
                            .collect();
                        if numbers.is_empty() {
                            Cell::default()
                        } else {
                            Cell::num(numbers.iter().sum())
                        }
                    }
                })
                .collect();
            rows.push((cells, members));
        }
    } else {
        // the same answer reached by several paths is one row with all their evidence
        rows.extend(
            groups
                .into_values()
                .map(|(members, cells)| (cells, members)),
        );
    }
    // rows come in an order that does not depend on the plan: by their
    // cells, then by the `order by` key (the sort is stable)
    let mut keyed: Vec<(Vec<SortKey>, _)> = rows
        .into_iter()
        .map(|r| (r.0.iter().map(Cell::sort_key).collect(), r))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    if let Some((item, desc)) = &q.order {
        if let Some(col) = select.iter().position(|i| i == item) {
            // amounts rank within their currency: USD rows, then EUR rows...
            // never 5 bn JPY above 1 bn USD; rows with no amount come last,
            // whatever the direction
            let unit = |c: &Cell| (c.unit.is_none() && c.num.is_none(), c.unit.clone());
            keyed.sort_by(|a, b| {
                let o = a.0[col].cmp(&b.0[col]);
                unit(&a.1 .0[col]).cmp(&unit(&b.1 .0[col])).then(if *desc {
                    o.reverse()
                } else {
                    o
                })
            });
        }
    }
    if let Some(n) = q.limit {
        keyed.truncate(n);
    }
    let rows = keyed
        .into_iter()
        .map(|(_, (mut cells, members))| {
            cells.truncate(visible);
            let mut facts: Vec<EdgeIndex> = members
                .iter()
                .flat_map(|b| b.edges.iter().copied())
                .collect();
            facts.sort_unstable();
            facts.dedup();
            Row {
                numbers: cells.iter().map(|c| c.num).collect(),
                cells: cells.into_iter().map(|c| c.text).collect(),
                facts,
            }
        })
        .collect();
    Rows { columns, rows }
}

#[derive(Debug, Clone, Default)]
struct Cell {
    text: String,
    num: Option<f64>,
    /// For an amount, its currency: amounts in different currencies are
    /// never ranked against each other.
    unit: Option<String>,
}

impl Cell {
    fn num(n: f64) -> Cell {
        Cell {
            text: crate::model::human_number(n),
            num: Some(n),
            unit: None,
        }
    }

    fn sort_key(&self) -> SortKey {
        SortKey(
            self.num.unwrap_or(f64::NEG_INFINITY),
            self.text.to_lowercase(),
        )
    }
}

/// How a cell sorts: by its number (none first), then by its folded text.
#[derive(Debug, PartialEq)]
struct SortKey(f64, String);

impl Eq for SortKey {}

impl PartialOrd for SortKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SortKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0
            .total_cmp(&other.0)
            .then_with(|| self.1.cmp(&other.1))
    }
}

/// The cell of variable `v` in binding `b`; an amount carries the currency
/// of the fact it was read from.
fn var_cell(store: &Store, plan: &Plan, b: &Binding, v: &str) -> Cell {
    let slot = plan.var(v);
    let val = b.vals.get(slot).and_then(Option::as_ref);
    let mut c = cell(store, val);
    if let (Some(Val::Num(_)), Some(Some(e))) = (val, b.origins.get(slot)) {
        c.unit = store.graph()[*e].amount_parts().map(|(_, c)| c.to_string());
    }
    c
}

fn cell(store: &Store, v: Option<&Val>) -> Cell {
    match v {
        Some(Val::Node(n)) => Cell {
            text: store.node(*n).name().to_string(),
            num: None,
            unit: None,
        },
        Some(Val::Num(x)) => Cell::num(*x),
        Some(Val::Text(t)) => Cell {
            text: t.to_string(),
            num: None,
            unit: None,
        },
        None => Cell::default(),
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

fn holds(store: &Store, plan: &Plan, b: &Binding, f: &super::ast::Filter) -> bool {
    let Some(v) = &b.vals[plan.var(&f.var)] else {
        return false;
    };
    let ord = match (v, &f.value) {
        (Val::Num(x), Literal::Number(y)) => x.partial_cmp(y),
        (v, Literal::Text(t)) => Some(fold_str(&cell(store, Some(v)).text).cmp(&fold_str(t))),
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
    type Seen = HashMap<NodeIndex, (usize, Option<(NodeIndex, EdgeIndex)>)>;
    let mut seen: [Seen; 2] = [
        HashMap::from([(a, (0, None))]),
        HashMap::from([(b, (0, None))]),
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
    /// Extends binding `b` by this step, pushing each result onto `out`.
    fn run(
        &self,
        store: &Store,
        b: &Binding,
        out: &mut Vec<Binding>,
        limits: &Limits,
        guards: &[Option<EntityType>],
    ) -> Result<(), QueryError> {
        // a node bound to a guarded variable must have the guard's type
        let fits = |slot: Slot, n: NodeIndex| match slot {
            Slot::Var(v) => guards[v].is_none_or(|ty| store.node(n).kind() == ty),
            Slot::Node(_) => true,
        };
        match &self.access {
            Access::Type { var, ty, .. } => {
                match &b.vals[*var] {
                    Some(Val::Node(n)) => {
                        if store.node(*n).kind() == *ty {
                            out.push(b.clone());
                        }
                    }
                    // unbound: every entity of the type, with facts or not
                    None => {
                        for n in store.graph().node_indices() {
                            if store.node(n).kind() == *ty {
                                let mut nb = b.clone();
                                nb.vals[*var] = Some(Val::Node(n));
                                out.push(nb);
                            }
                        }
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
                let (starts, forward): (Vec<NodeIndex>, bool) = match from {
                    From::Subject => (fixed(*s).into_iter().collect(), true),
                    From::Object => (fixed(*o).into_iter().collect(), false),
                    From::Scan => (store.graph().node_indices().collect(), true),
                };
                for start in starts {
                    limits.check()?;
                    for step in steps {
                        let walked = if forward {
                            walk(store, start, *step, true)
                        } else {
                            walk(store, start, *step, false)
                        };
                        for (end, path) in walked {
                            let (sn, on) = if forward { (start, end) } else { (end, start) };
                            if !(fits(*s, sn) && fits(*o, on)) {
                                continue;
                            }
                            let mut nb = b.clone();
                            if !(bind(&mut nb, *s, sn) && bind(&mut nb, *o, on)) {
                                continue;
                            }
                            if !attrs.is_empty() {
                                // the attributes are the last fact's, the one
                                // arriving at the object
                                let last = if forward { path.last() } else { path.first() };
                                bind_attrs(store, &mut nb, attrs, last.copied());
                            }
                            if forward {
                                nb.edges.extend(path);
                            } else {
                                nb.edges.extend(path.into_iter().rev());
                            }
                            out.push(nb);
                        }
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

fn bind_attrs(store: &Store, b: &mut Binding, attrs: &[(Attr, usize)], edge: Option<EdgeIndex>) {
    let fact: Option<&Fact> = edge.map(|e| &store.graph()[e]);
    for &(attr, var) in attrs {
        let v = fact.and_then(|f| match attr {
            Attr::Amount => f.amount_parts().map(|(v, _)| Val::Num(v)),
            Attr::Currency => f.amount_parts().map(|(_, c)| Val::Text(c.into())),
            Attr::Year => f.year().map(|y| Val::Num(f64::from(y))),
            Attr::Role => f.role().map(|r| Val::Text(r.into())),
            Attr::Quantity => f.quantity().map(|q| Val::Text(q.to_string().into())),
        });
        if let Some(v) = v {
            b.vals[var] = Some(v);
            // an amount remembers its fact: its currency and its project
            if attr == Attr::Amount {
                b.origins[var] = edge;
            }
        }
    }
}

/// The facts of a path, in walking order.
type Path = SmallVec<[EdgeIndex; 4]>;

/// Nodes reachable from `start` by `step`, along the facts (`forward`) or
/// against them, each with the facts on the way in walking order. A closure
/// is a breadth-first walk with a visited set, so it ends on cycles.
fn walk(store: &Store, start: NodeIndex, step: Step, forward: bool) -> Vec<(NodeIndex, Path)> {
    let hop = |n: NodeIndex, out: &mut Vec<(NodeIndex, EdgeIndex)>| {
        let mut along = |outgoing: bool| {
            out.extend(
                store
                    .along(n, step.predicate, outgoing)
                    .iter()
                    .map(|&(_, e, other)| (other, e)),
            );
        };
        along(forward);
        if step.predicate.is_symmetric() {
            along(!forward);
        }
    };
    let mut next = Vec::new();
    if !step.closure {
        hop(start, &mut next);
        return next.into_iter().map(|(t, e)| (t, smallvec![e])).collect();
    }
    let mut out: Vec<(NodeIndex, Path)> = vec![(start, Path::new())];
    let mut seen: HashSet<NodeIndex> = HashSet::from([start]);
    // the queue is `out` itself: entries from `at` on are still to visit
    let mut at = 0;
    while at < out.len() {
        let n = out[at].0;
        next.clear();
        hop(n, &mut next);
        for &(t, e) in &next {
            if seen.insert(t) {
                let mut p = out[at].1.clone();
                p.push(e);
                out.push((t, p));
            }
        }
        at += 1;
    }
    out
}
