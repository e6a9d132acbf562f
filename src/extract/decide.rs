//! Learned decisions: the weights of `data/weights.ron` (written by
//! `newsgraph train`) score every pair candidate; pairs at or above their
//! task's threshold that no rule stated become facts of their best
//! sentence. Rule facts stay as they are.

use std::collections::BTreeMap;
use std::path::Path;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

use super::pairs::{self, Candidate, Features, Task};
use super::relations;
use super::{Attrs, DocState};
use crate::error::DataError;
use crate::extract::gazetteer::parse_ron;
use crate::model::{EntityType, Predicate};

const WEIGHTS: &str = include_str!("../../data/weights.ron");

/// A logistic model for one task: a bias, a weight per feature name, and
/// the probability from which a pair is kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskWeights {
    /// Probability at or above which a pair is kept.
    pub threshold: f64,
    /// The intercept.
    pub bias: f64,
    /// Feature name to weight; a feature missing here weighs nothing.
    pub weights: BTreeMap<String, f64>,
}

impl TaskWeights {
    /// The linear score of a feature set.
    pub fn linear(&self, f: &Features) -> f64 {
        self.linear_of(&mut f.iter().map(|(&k, &v)| (k, v)))
    }

    /// The linear score of features given in name order (the order sets
    /// the float sum, so every caller must keep it).
    fn linear_of(&self, f: &mut dyn Iterator<Item = (&'static str, f64)>) -> f64 {
        self.bias
            + f.map(|(k, v)| self.weights.get(k).copied().unwrap_or(0.0) * v)
                .sum::<f64>()
    }

    /// The probability that a pair with these features holds.
    pub fn probability(&self, f: &Features) -> f64 {
        logistic(self.linear(f))
    }

    /// [`TaskWeights::probability`] of features given in name order, with
    /// the weights looked up by hash: a document scores every support of
    /// every candidate, and the weights map compares names on each lookup.
    fn sorted_scorer(&self) -> impl Fn(&mut dyn Iterator<Item = (&'static str, f64)>) -> f64 + '_ {
        let weights: HashMap<&str, f64> =
            self.weights.iter().map(|(k, &v)| (k.as_str(), v)).collect();
        move |f| {
            logistic(
                self.bias
                    + f.map(|(k, v)| weights.get(k).copied().unwrap_or(0.0) * v)
                        .sum::<f64>(),
            )
        }
    }

    /// The probability for feature values given in [`pairs::FEATURES`] order.
    pub fn probability_of(&self, values: &[f64]) -> f64 {
        logistic(
            self.bias
                + pairs::FEATURES
                    .iter()
                    .zip(values)
                    .map(|(k, v)| self.weights.get(*k).copied().unwrap_or(0.0) * v)
                    .sum::<f64>(),
        )
    }
}

fn logistic(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The weights of every task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    /// Investment pairs.
    pub invest: TaskWeights,
    /// Supply pairs.
    pub supply: TaskWeights,
}

impl Weights {
    /// The weights shipped in `data/weights.ron`.
    pub fn builtin() -> Result<Self, DataError> {
        parse_ron("data/weights.ron", WEIGHTS)
    }

    /// Weights from a file written by `newsgraph train`.
    pub fn from_file(path: &Path) -> Result<Self, DataError> {
        let name = path.display().to_string();
        let src = std::fs::read_to_string(path).map_err(|e| DataError::Read {
            file: name.clone(),
            message: e.to_string(),
        })?;
        parse_ron(&name, &src)
    }

    /// The weights of one task.
    pub fn task(&self, task: Task) -> &TaskWeights {
        match task {
            Task::Invest => &self.invest,
            Task::Supply => &self.supply,
        }
    }

    /// The readable form written to disk: one feature a line, sorted.
    pub fn to_ron(&self) -> String {
        let mut out = String::from(
            "// Learned weights of the pair decisions, written by `newsgraph train`.\n\
             // Feature names are listed in src/extract/pairs.rs.\n(\n",
        );
        for (name, tw) in [("invest", &self.invest), ("supply", &self.supply)] {
            out.push_str(&format!(
                "  {name}: (\n    threshold: {:.2},\n    bias: {:.4},\n    weights: {{\n",
                tw.threshold, tw.bias
            ));
            for (k, v) in &tw.weights {
                out.push_str(&format!("      {k:?}: {v:.4},\n"));
            }
            out.push_str("    },\n  ),\n");
        }
        out.push_str(")\n");
        out
    }
}

/// Keeps the candidates the weights accept and brings the document's facts in line.
pub(crate) fn apply(st: &mut DocState, candidates: &[Candidate], weights: &Weights) {
    for task in Task::ALL {
        let tw = weights.task(task);
        let score = tw.sorted_scorer();
        // each candidate's best support, scored once
        let scored: Vec<(&Candidate, &pairs::Support, f64)> = candidates
            .iter()
            .filter(|c| c.task == task)
            .map(|c| {
                let (sup, p) = c.best(&score);
                (c, sup, p)
            })
            .collect();
        let accepted: HashSet<(usize, usize)> = scored
            .iter()
            .filter(|(_, _, p)| *p >= tw.threshold)
            .map(|(c, _, _)| (c.subject, c.country))
            .collect();
        let mut covered: HashSet<(usize, usize)> = HashSet::default();
        for (_, s, c) in pairs::rule_pairs(st, task.predicate()) {
            covered.insert((s, c));
        }
        for &(cand, sup, p) in &scored {
            let key = (cand.subject, cand.country);
            if !accepted.contains(&key) || covered.contains(&key) {
                continue;
            }
            let (i, place, trigger) = (sup.sentence, sup.place, sup.trigger);
            let subject_led = sup.features.contains_key("s.before");
            match task {
                Task::Invest => {
                    // the template the rules built for this sentence
                    let attrs = match st.templates[i].as_ref() {
                        Some(t) if subject_led && trigger < t.map.len() => {
                            relations::investment_attrs(st, t, i, trigger)
                        }
                        _ => Attrs::default(),
                    };
                    let project = relations::new_project(st, cand.subject, &[place], i);
                    st.add_fact(
                        i,
                        cand.subject,
                        Predicate::InvestsIn,
                        project,
                        "invest.learned",
                        p as f32,
                        attrs,
                    );
                }
                Task::Supply => {
                    let target = project_in(st, place, cand.country);
                    // a firm's own project is no customer of it
                    if target.is_some_and(|t| st.has_fact(cand.subject, Predicate::InvestsIn, t)) {
                        continue;
                    }
                    let target = target
                        .unwrap_or_else(|| relations::new_project(st, cand.subject, &[place], i));
                    let quantity = relations::goods_quantity(st, i);
                    st.add_fact(
                        i,
                        cand.subject,
                        Predicate::Supplies,
                        target,
                        "supply.learned",
                        p as f32,
                        Attrs {
                            quantity,
                            ..Attrs::default()
                        },
                    );
                }
            }
            covered.insert(key);
        }
    }
}

/// A project of the document in `place`, else any in `country`.
fn project_in(st: &DocState, place: usize, country: usize) -> Option<usize> {
    let projects: Vec<usize> = (0..st.entities.len())
        .filter(|&e| st.entities[e].kind == EntityType::Project)
        .collect();
    projects
        .iter()
        .copied()
        .find(|&p| st.has_fact(p, Predicate::LocatedIn, place))
        .or_else(|| {
            projects
                .iter()
                .copied()
                .find(|&p| pairs::countries_of(st, p).contains(&country))
        })
}
