//! Evaluator: a [`Query`] and a store in, [`Rows`] out. Clauses join left to
//! right over variable bindings; each row keeps the facts it used as evidence.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use serde::Serialize;

use super::ast::{Attr, Item, Literal, Op, Query, Step};
use super::plan::{Access, From, Limits, Plan, PlanStep, Slot, StepReport};
use super::QueryError;
use crate::model::Predicate;
use crate::store::{Fact, Store};
use crate::text::{fold_str, name_key};

/// A value bound to a variable.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    Node(NodeIndex),
    Num(f64),
    Text(String),
}

/// One partial answer: a slot per query variable (numbered by [`Plan`]) and
/// the facts used so far.
#[derive(Debug, Clone)]
struct Binding {
    vals: Vec<Option<Val>>,
    /// For a slot bound from a fact's attribute, that fact.
    origins: Vec<Option<EdgeIndex>>,
    edges: Vec<EdgeIndex>,
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
    pub text: std::sync::Arc<str>,
    /// The rule that produced the fact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

impl EvidenceRef {
    /// The evidence one support of a fact gives.
    pub(crate) fn of(store: &Store, s: &crate::store::Support) -> Self {
        EvidenceRef {
            doc: store.doc_name(s.doc).to_string(),
            start: s.start,
            end: s.end,
            text: s.text.clone(),
            rule: s.rule.clone(),
        }
    }
}

/// An answer row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Cell texts, one per column, as people read them ("2.9 bn").
    pub cells: Vec<String>,
    /// The number behind each cell that holds one (amounts, years,
    /// quantities, counts), for machine formats; empty when none does.
    #[serde(skip)]
    pub numbers: Vec<Option<f64>>,
    /// The evidence of the facts the row rests on.
    pub evidence: Vec<EvidenceRef>,
    /// The facts the row rests on (what `.export dot` of an answer draws).
    #[serde(skip)]
    pub facts: Vec<EdgeIndex>,
}

impl Row {
    /// How many distinct documents back the row.
    pub fn sources(&self) -> usize {
        self.evidence
            .iter()
            .map(|e| &e.doc)
            .collect::<BTreeSet<_>>()
            .len()
    }
}

/// A table of answers.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
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
        vals: vec![None; plan.vars.len()],
        origins: vec![None; plan.vars.len()],
        edges: Vec::new(),
    }];
    let mut filtered = vec![false; q.filters.len()];
    for step in &plan.steps {
        let started = Instant::now();
        let mut next = Vec::new();
        for b in &bindings {
            limits.check()?;
            step.run(store, b, &mut next, limits)?;
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
    let mut rows: Vec<(Vec<Cell>, BTreeSet<EdgeIndex>)> = Vec::new();
    if aggregate {
        let mut groups: BTreeMap<Vec<String>, (Vec<&Binding>, Vec<Cell>)> = BTreeMap::new();
        for b in bindings {
            let key_cells: Vec<Cell> = select
                .iter()
                .filter_map(|i| {
                    if let Item::Var(v) = i {
                        Some(var_cell(store, plan, b, v))
                    } else {
                        None
                    }
                })
                .collect();
            let key: Vec<String> = key_cells.iter().map(|c| c.text.clone()).collect();
            groups
                .entry(key)
                .or_insert_with(|| (Vec::new(), key_cells))
                .0
                .push(b);
        }
        for (_, (members, key_cells)) in groups {
            let mut key_iter = key_cells.into_iter();
            let cells = select
                .iter()
                .map(|i| match i {
                    Item::Var(_) => key_iter.next().unwrap_or_default(),
                    Item::Count(v) => {
                        let distinct: BTreeSet<String> = members
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
                        let mut seen = BTreeSet::new();
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
            let edges = members
                .iter()
                .flat_map(|b| b.edges.iter().copied())
                .collect();
            rows.push((cells, edges));
        }
    } else {
        for b in bindings {
            let cells: Vec<Cell> = select
                .iter()
                .map(|i| {
                    if let Item::Var(v) = i {
                        var_cell(store, plan, b, v)
                    } else {
                        Cell::default()
                    }
                })
                .collect();
            rows.push((cells, b.edges.iter().copied().collect()));
        }
        // the same answer reached by several paths is one row with all their evidence
        let mut merged: Vec<(Vec<Cell>, BTreeSet<EdgeIndex>)> = Vec::new();
        let mut at: HashMap<Vec<String>, usize> = HashMap::new();
        for (cells, edges) in rows {
            let key: Vec<String> = cells.iter().map(|c| c.text.clone()).collect();
            match at.get(&key) {
                Some(&i) => merged[i].1.extend(edges),
                None => {
                    at.insert(key, merged.len());
                    merged.push((cells, edges));
                }
            }
        }
        rows = merged;
    }
    // rows come in an order that does not depend on the plan: by their
    // cells, then by the `order by` key (the sort is stable)
    let mut keyed: Vec<(Vec<(f64, String)>, _)> = rows
        .into_iter()
        .map(|r| (r.0.iter().map(Cell::cmp_key).collect(), r))
        .collect();
    keyed.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
    let mut rows: Vec<(Vec<Cell>, BTreeSet<EdgeIndex>)> =
        keyed.into_iter().map(|(_, r)| r).collect();
    if let Some((item, desc)) = &q.order {
        if let Some(col) = select.iter().position(|i| i == item) {
            // amounts rank within their currency: USD rows, then EUR rows...
            // never 5 bn JPY above 1 bn USD
            rows.sort_by(|a, b| {
                let (x, y) = (&a.0[col], &b.0[col]);
                let o = x
                    .cmp_key()
                    .partial_cmp(&y.cmp_key())
                    .unwrap_or(std::cmp::Ordering::Equal);
                // rows with no amount come last, whatever the direction
                let unit = |c: &Cell| (c.unit.is_none() && c.num.is_none(), c.unit.clone());
                unit(x)
                    .cmp(&unit(y))
                    .then(if *desc { o.reverse() } else { o })
            });
        }
    }
    if let Some(n) = q.limit {
        rows.truncate(n);
    }
    let rows = rows
        .into_iter()
        .map(|(mut cells, edges)| (cells.drain(..visible).collect::<Vec<_>>(), edges))
        .map(|(cells, edges)| Row {
            numbers: cells.iter().map(|c| c.num).collect(),
            cells: cells.into_iter().map(|c| c.text).collect(),
            evidence: evidence(store, &edges),
            facts: edges.into_iter().collect(),
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

    fn cmp_key(&self) -> (f64, String) {
        (
            self.num.unwrap_or(f64::NEG_INFINITY),
            self.text.to_lowercase(),
        )
    }
}

/// The cell of variable `v` in binding `b`; an amount carries the currency
/// of the fact it was read from.
fn var_cell(store: &Store, plan: &Plan, b: &Binding, v: &str) -> Cell {
    let slot = plan.var(v);
    let val = b.vals.get(slot).and_then(Option::as_ref);
    let mut c = cell(store, val);
    if let (Some(Val::Num(_)), Some(Some(e))) = (val, b.origins.get(slot)) {
        c.unit = store.graph()[*e].amount().map(|a| a.currency);
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
            text: t.clone(),
            num: None,
            unit: None,
        },
        None => Cell::default(),
    }
}

/// The evidence of a row's facts. A place's `located_in` facts are said by
/// many articles; a row keeps only the sentences of the articles behind its
/// other facts (the article that placed the project), unless the row rests
/// on places alone.
fn evidence(store: &Store, edges: &BTreeSet<EdgeIndex>) -> Vec<EvidenceRef> {
    let graph = store.graph();
    let is_place = |e: EdgeIndex| graph[e].predicate == Predicate::LocatedIn;
    let docs: BTreeSet<u32> = edges
        .iter()
        .filter(|&&e| !is_place(e))
        .flat_map(|&e| graph[e].support.iter().map(|s| s.doc))
        .collect();
    // gather borrowed supports first: nothing is allocated for a sentence
    // that several of the row's facts share
    let mut found: Vec<&crate::store::Support> = Vec::new();
    for &e in edges {
        let support = &graph[e].support;
        if docs.is_empty() || !is_place(e) {
            found.extend(support.iter());
            continue;
        }
        // support is sorted by document: each document's run is found by search
        for &d in &docs {
            let from = support.partition_point(|s| s.doc < d);
            found.extend(support[from..].iter().take_while(|s| s.doc == d));
        }
    }
    // the order of EvidenceRef's fields: document name, span, text, rule
    found.sort_by(|a, b| {
        store
            .doc_name(a.doc)
            .cmp(store.doc_name(b.doc))
            .then(a.start.cmp(&b.start))
            .then(a.end.cmp(&b.end))
            .then_with(|| a.text.cmp(&b.text))
            .then_with(|| a.rule.cmp(&b.rule))
    });
    found.dedup_by(|a, b| {
        a.doc == b.doc
            && a.start == b.start
            && a.end == b.end
            && a.text == b.text
            && a.rule == b.rule
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
pub fn connect(store: &Store, a: NodeIndex, b: NodeIndex) -> Option<Vec<EdgeIndex>> {
    let mut prev: HashMap<NodeIndex, (NodeIndex, EdgeIndex)> = HashMap::new();
    let mut queue = VecDeque::from([a]);
    let mut seen = BTreeSet::from([a]);
    while let Some(n) = queue.pop_front() {
        if n == b {
            let mut path = Vec::new();
            let mut cur = b;
            while let Some(&(p, e)) = prev.get(&cur) {
                path.push(e);
                cur = p;
            }
            path.reverse();
            return Some(path);
        }
        let next = store
            .outgoing(n)
            .map(|(e, t, _)| (t, e))
            .chain(store.incoming(n).map(|(e, s, _)| (s, e)));
        for (t, e) in next.collect::<Vec<_>>() {
            if seen.insert(t) {
                prev.insert(t, (n, e));
                queue.push_back(t);
            }
        }
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
    ) -> Result<(), QueryError> {
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
                            let Some(mut nb) = bind(b, *s, sn).and_then(|nb| bind(&nb, *o, on))
                            else {
                                continue;
                            };
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

/// `b` with `slot` holding node `n`, or `None` if it holds something else.
fn bind(b: &Binding, slot: Slot, n: NodeIndex) -> Option<Binding> {
    match slot {
        Slot::Node(m) => (m == n).then(|| b.clone()),
        Slot::Var(v) => match b.vals.get(v)? {
            Some(Val::Node(m)) if *m == n => Some(b.clone()),
            Some(_) => None,
            None => {
                let mut nb = b.clone();
                nb.vals[v] = Some(Val::Node(n));
                Some(nb)
            }
        },
    }
}

fn bind_attrs(store: &Store, b: &mut Binding, attrs: &[(Attr, usize)], edge: Option<EdgeIndex>) {
    let fact: Option<&Fact> = edge.map(|e| &store.graph()[e]);
    for &(attr, var) in attrs {
        let v = fact.and_then(|f| match attr {
            Attr::Amount => f.amount().map(|a| Val::Num(a.value)),
            Attr::Currency => f.amount().map(|a| Val::Text(a.currency)),
            Attr::Year => f.year().map(|y| Val::Num(f64::from(y))),
            Attr::Role => f.role().map(|r| Val::Text(r.to_string())),
            Attr::Quantity => f.quantity().map(|q| Val::Text(q.to_string())),
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

/// Nodes reachable from `start` by `step`, along the facts (`forward`) or
/// against them, each with the facts on the way in walking order. A closure
/// is a breadth-first walk with a visited set, so it ends on cycles.
fn walk(
    store: &Store,
    start: NodeIndex,
    step: Step,
    forward: bool,
) -> Vec<(NodeIndex, Vec<EdgeIndex>)> {
    let hop = |n: NodeIndex| -> Vec<(NodeIndex, EdgeIndex)> {
        let along = |outgoing: bool| -> Vec<(NodeIndex, EdgeIndex)> {
            let edges: Box<dyn Iterator<Item = _>> = if outgoing {
                Box::new(store.outgoing(n))
            } else {
                Box::new(store.incoming(n))
            };
            edges
                .filter(|(_, _, f)| f.predicate == step.predicate)
                .map(|(e, t, _)| (t, e))
                .collect()
        };
        let mut v = along(forward);
        if step.predicate.is_symmetric() {
            v.extend(along(!forward));
        }
        v
    };
    if !step.closure {
        return hop(start).into_iter().map(|(t, e)| (t, vec![e])).collect();
    }
    let mut out = vec![(start, Vec::new())];
    let mut seen: HashSet<NodeIndex> = HashSet::from([start]);
    let mut queue = VecDeque::from([(start, Vec::new())]);
    while let Some((n, path)) = queue.pop_front() {
        for (t, e) in hop(n) {
            if seen.insert(t) {
                let mut p: Vec<EdgeIndex> = path.clone();
                p.push(e);
                out.push((t, p.clone()));
                queue.push_back((t, p));
            }
        }
    }
    out
}
