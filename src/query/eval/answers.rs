//! The distinct answers of a query, gathered as its last step binds them,
//! and the rows made of them: grouped, ranked and cut to the limit.

use std::sync::Arc;

use indexmap::IndexMap;
use petgraph::stable_graph::NodeIndex;
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use smallvec::SmallVec;

use super::rows::{Cell, Cells, Row, Rows, Texts};
use super::trails::{Link, Trail};
use super::{Binding, Origin, Val, ValKey};
use crate::query::ast::{Item, Query};
use crate::query::plan::Plan;
use crate::store::Store;

/// What a query outputs: its items, with a hidden last one to sort on when
/// `order by` names an item not selected.
pub(super) struct Selection {
    items: Vec<Item>,
    /// How many of `items`, from the first, are shown.
    visible: usize,
    columns: Vec<String>,
}

impl Selection {
    pub(super) fn of(q: &Query, plan: &Plan) -> Self {
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
pub(super) struct Answers<'s> {
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
    pub(super) fn add(&mut self, slots: &[usize], b: &Binding) {
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
    pub(super) fn rows(
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
                let cells = vals[at..at + selection.visible]
                    .iter()
                    .map(|k| Cell::of(k, &shown_texts))
                    .collect();
                Row::on_trails(cells, links.clone(), trails)
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
    pub(super) fn new(store: &'s Store, q: &Query, plan: &Plan, selection: &Selection) -> Self {
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

    pub(super) fn add(&mut self, b: &Binding) {
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
    pub(super) fn rows(
        self,
        q: &Query,
        selection: &Selection,
        texts: &Texts,
        links: &Arc<[Link]>,
    ) -> Rows {
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
                Row::on_trails(cells, links.clone(), trails)
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
