//! Training: a folder of articles and a folder of gold annotations (the
//! `SCHEMA.md` shape, one JSON file per article) in, [`Weights`] out.
//!
//! Each article's pair candidates are labelled by the gold's derived pairs
//! (subject, country through `located_in*`); optional gold pairs teach
//! nothing. A logistic regression (linfa) is fitted per task, and the
//! threshold that maximises the candidates' F1 is kept, judged on
//! probabilities from models that did not see the article (five folds of
//! the training articles): in-sample probabilities are too confident, and
//! a threshold chosen on them added more wrong pairs than right ones on
//! held-out articles. Training is a pure
//! function of its inputs: files are read in name order, the learner is
//! deterministic, and weights are written rounded.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use linfa::prelude::*;
use linfa_logistic::LogisticRegression;
use ndarray::{Array1, Array2};
use serde_json::Value as Json;
use thiserror::Error;

use crate::extract::decide::{TaskWeights, Weights};
use crate::extract::pairs::{Task, FEATURES};
use crate::extract::TrainingCandidate;
use crate::text::name_key;
use crate::Extractor;

/// Why training could not run.
#[derive(Debug, Error)]
pub enum TrainError {
    /// A folder or file cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A gold file is not JSON in the schema's shape.
    #[error("{path}: {message}")]
    Gold {
        /// The gold file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// No article had a gold file, or a task had no positive example.
    #[error("nothing to learn from: {0}")]
    Empty(String),
    /// The learner failed.
    #[error("the learner failed: {0}")]
    Learner(String),
}

/// L2 regularisation of the logistic regression.
const ALPHA: f64 = 3.0;

/// One labelled candidate.
#[derive(Debug, Clone)]
pub struct Example {
    /// The task it belongs to.
    pub task: Task,
    /// Values of [`FEATURES`], in order.
    pub features: Vec<f64>,
    /// Whether the gold holds the pair.
    pub label: bool,
    /// The candidate pair it is a sentence of: a pair scores its best sentence.
    pub group: usize,
    /// What the example is for.
    pub role: Role,
    /// The article it comes from, numbered from 1 across the training sets.
    pub article: usize,
}

/// How an example takes part in training.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A candidate no rule stated: the model learns whether to add it.
    Learn,
    /// A pair the rules stated: kept whatever the model says; it counts as
    /// predicted when the threshold is chosen.
    Kept,
    /// A gold pair no candidate proposes: it counts as missed.
    Missed,
}

/// Labelled examples of every article in `texts` that has a gold file in `gold`.
pub fn examples(ex: &Extractor, texts: &Path, gold: &Path) -> Result<Vec<Example>, TrainError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TrainError::Io { path, source }
    };
    let mut names: Vec<PathBuf> = std::fs::read_dir(texts)
        .map_err(io(texts))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    let mut used = 0;
    let mut group = 0;
    for path in names {
        let Some(stem) = path.file_stem() else {
            continue;
        };
        let gold_path = gold.join(stem).with_extension("json");
        if !gold_path.is_file() {
            continue;
        }
        used += 1;
        let text = std::fs::read_to_string(&path).map_err(io(&path))?;
        let gold_src = std::fs::read_to_string(&gold_path).map_err(io(&gold_path))?;
        let doc: Json = serde_json::from_str(&gold_src).map_err(|e| TrainError::Gold {
            path: gold_path.clone(),
            message: e.to_string(),
        })?;
        let gold = GoldPairs::new(&doc);
        let cands = ex.candidates(&text);
        let mut found = HashSet::new();
        for c in cands {
            let Some(label) = gold.label(&c) else {
                continue;
            };
            found.insert(gold.key(&c));
            group += 1;
            // rule facts are kept as they are: the model learns what to add
            let role = if c.instances.iter().any(|f| f.contains_key("doc.rule")) {
                Role::Kept
            } else {
                Role::Learn
            };
            for f in &c.instances {
                out.push(Example {
                    task: c.task,
                    features: FEATURES
                        .iter()
                        .map(|n| f.get(n).copied().unwrap_or(0.0))
                        .collect(),
                    label,
                    group,
                    role,
                    article: used,
                });
            }
        }
        for (key, _) in gold.pairs.iter().filter(|(_, &opt)| !opt) {
            if !found.contains(&Some(key.clone())) {
                group += 1;
                out.push(Example {
                    task: key.0,
                    features: Vec::new(),
                    label: true,
                    group,
                    role: Role::Missed,
                    article: used,
                });
            }
        }
    }
    if used == 0 {
        return Err(TrainError::Empty(format!(
            "no article of {} has a gold file in {}",
            texts.display(),
            gold.display()
        )));
    }
    Ok(out)
}

/// Trains weights for every task from sets of (articles folder, gold folder).
pub fn train(ex: &Extractor, sets: &[(&Path, &Path)]) -> Result<Weights, TrainError> {
    let mut all = Vec::new();
    for (texts, gold) in sets {
        let offset = all.iter().map(|e: &Example| e.group).max().unwrap_or(0);
        let articles = all.iter().map(|e: &Example| e.article).max().unwrap_or(0);
        all.extend(examples(ex, texts, gold)?.into_iter().map(|mut e| {
            e.group += offset;
            e.article += articles;
            e
        }));
    }
    Ok(Weights {
        invest: fit(&all, Task::Invest)?,
        supply: fit(&all, Task::Supply)?,
    })
}

/// Fits one task's logistic regression and picks its threshold.
fn fit(all: &[Example], task: Task) -> Result<TaskWeights, TrainError> {
    let of_task: Vec<&Example> = all.iter().filter(|e| e.task == task).collect();
    let rows: Vec<&Example> = of_task
        .iter()
        .copied()
        .filter(|e| e.role == Role::Learn)
        .collect();
    if !rows.iter().any(|e| e.label) || rows.iter().all(|e| e.label) {
        return Err(TrainError::Empty(format!(
            "{task:?}: the candidates need both kept and rejected pairs"
        )));
    }
    let tw = logistic(&rows)?;
    // the threshold is chosen on probabilities the model gives articles it
    // was not fitted on: fitted on every article but one fifth at a time,
    // each fifth scored by the model that did not see it
    let models: Vec<TaskWeights> = (0..FOLDS)
        .map(|fold| {
            let fitted: Vec<&Example> = rows
                .iter()
                .copied()
                .filter(|e| e.article % FOLDS != fold)
                .collect();
            // a fold without both labels: its articles keep the full model's scores
            logistic(&fitted).unwrap_or_else(|_| tw.clone())
        })
        .collect();
    let threshold = best_threshold(&of_task, |e| {
        models[e.article % FOLDS].probability_of(&e.features)
    });
    Ok(TaskWeights { threshold, ..tw })
}

/// Articles are split in this many folds to choose a threshold.
const FOLDS: usize = 5;

/// A logistic regression of the rows' labels on their features, its
/// threshold left at one half. Fails when the rows hold one label only.
fn logistic(rows: &[&Example]) -> Result<TaskWeights, TrainError> {
    if !rows.iter().any(|e| e.label) || rows.iter().all(|e| e.label) {
        return Err(TrainError::Empty(
            "the candidates need both kept and rejected pairs".into(),
        ));
    }
    let n = FEATURES.len();
    let x = Array2::from_shape_fn((rows.len(), n), |(r, c)| rows[r].features[c]);
    let y: Array1<bool> = rows.iter().map(|e| e.label).collect();
    let model = LogisticRegression::default()
        .alpha(ALPHA)
        .max_iterations(500)
        .fit(&Dataset::new(x, y))
        .map_err(|e| TrainError::Learner(e.to_string()))?;
    // linfa's probabilities are of its larger class; weights here are of "kept"
    let sign = if model.labels().pos.class { 1.0 } else { -1.0 };
    let round = |v: f64| (v * 1e4).round() / 1e4;
    let weights: BTreeMap<String, f64> = FEATURES
        .iter()
        .zip(model.params().iter())
        .map(|(f, w)| (f.to_string(), round(sign * w)))
        .filter(|(_, w)| *w != 0.0)
        .collect();
    Ok(TaskWeights {
        threshold: 0.5,
        bias: round(sign * model.intercept()),
        weights,
    })
}

/// F1 within this of the best ties (see [`best_threshold`]).
const TIE: f64 = 0.015;

/// The threshold in 0.30..=0.90 (steps of 0.05) with the best F1 of the
/// whole output: the rules' pairs, the pairs the model adds (each scored by
/// its best sentence), and the gold pairs nothing proposed.
fn best_threshold(examples: &[&Example], probability: impl Fn(&Example) -> f64) -> f64 {
    // per candidate pair: best probability (1 when kept anyway, 0 when missed), label
    let mut pairs: BTreeMap<usize, (f64, bool)> = BTreeMap::new();
    for e in examples {
        let p = match e.role {
            Role::Kept => 1.0,
            Role::Missed => 0.0,
            Role::Learn => probability(e),
        };
        let entry = pairs.entry(e.group).or_insert((0.0, e.label));
        entry.0 = entry.0.max(p);
    }
    let scores: Vec<(f64, f64)> = (6..=18)
        .map(|step| {
            let th = f64::from(step) * 0.05;
            let (mut tp, mut fp, mut fnn) = (0.0, 0.0, 0.0);
            for &(p, label) in pairs.values() {
                match (p >= th, label) {
                    (true, true) => tp += 1.0,
                    (true, false) => fp += 1.0,
                    (false, true) => fnn += 1.0,
                    _ => {}
                }
            }
            let f1 = if tp > 0.0 {
                2.0 * tp / (2.0 * tp + fp + fnn)
            } else {
                0.0
            };
            (th, f1)
        })
        .collect();
    // of the thresholds within TIE of the best F1, the highest (the most
    // precise) is kept
    let top = scores.iter().map(|s| s.1).fold(0.0, f64::max);
    let best = scores
        .iter()
        .rev()
        .find(|s| s.1 >= top - TIE)
        .copied()
        .unwrap_or((0.5, 0.0));
    (best.0 * 100.0).round() / 100.0
}

/// The gold's derived pairs of one article, and how its names resolve.
struct GoldPairs {
    /// Folded name or alias to the entity's key.
    key_of: HashMap<String, String>,
    /// (task, subject key, country key) to "optional".
    pairs: HashMap<(Task, String, String), bool>,
}

impl GoldPairs {
    fn new(doc: &Json) -> Self {
        let mut key_of = HashMap::new();
        let mut types = HashMap::new();
        let empty = Vec::new();
        let entities = doc["entities"].as_array().unwrap_or(&empty);
        for e in entities {
            let name = e["name"].as_str().unwrap_or_default();
            let key = name_key(name);
            types.insert(
                key.clone(),
                e["type"].as_str().unwrap_or_default().to_string(),
            );
            key_of.entry(key.clone()).or_insert(key.clone());
            for a in e["aliases"].as_array().unwrap_or(&empty) {
                key_of
                    .entry(name_key(a.as_str().unwrap_or_default()))
                    .or_insert(key.clone());
            }
        }
        let resolve = |n: &str| key_of.get(&name_key(n)).cloned().unwrap_or(name_key(n));
        let triples: Vec<(String, String, String, bool)> = doc["triples"]
            .as_array()
            .unwrap_or(&empty)
            .iter()
            .map(|t| {
                (
                    resolve(t["s"].as_str().unwrap_or_default()),
                    t["p"].as_str().unwrap_or_default().to_string(),
                    resolve(t["o"].as_str().unwrap_or_default()),
                    t["optional"].as_bool().unwrap_or(false),
                )
            })
            .collect();
        let mut up: HashMap<&str, Vec<(&str, bool)>> = HashMap::new();
        for (s, p, o, opt) in &triples {
            if p == "located_in" {
                up.entry(s).or_default().push((o, *opt));
            }
        }
        let mut pairs = HashMap::new();
        for (task, pred) in [(Task::Invest, "invests_in"), (Task::Supply, "supplies")] {
            for (s, p, o, opt) in &triples {
                if p != pred {
                    continue;
                }
                // best optional flag per reachable node
                let mut best: HashMap<&str, bool> = HashMap::new();
                let mut stack = vec![(o.as_str(), *opt)];
                while let Some((node, o2)) = stack.pop() {
                    if best.get(node).is_some_and(|&b| b <= o2) {
                        continue;
                    }
                    best.insert(node, o2);
                    for &(next, o3) in up.get(node).map_or(&[][..], |v| v.as_slice()) {
                        stack.push((next, o2 || o3));
                    }
                }
                for (node, o2) in best {
                    if node == s || types.get(node).map(String::as_str) != Some("Country") {
                        continue;
                    }
                    let e = pairs
                        .entry((task, s.clone(), node.to_string()))
                        .or_insert(true);
                    *e = *e && o2;
                }
            }
        }
        GoldPairs { key_of, pairs }
    }

    /// The gold key of a candidate's pair, when both names resolve.
    fn key(&self, c: &TrainingCandidate) -> Option<(Task, String, String)> {
        Some((c.task, self.resolve(&c.subject)?, self.resolve(&c.country)?))
    }

    fn resolve(&self, names: &[String]) -> Option<String> {
        names
            .iter()
            .find_map(|n| self.key_of.get(&name_key(n)).cloned())
    }

    /// Some(true) when the gold holds the pair, Some(false) when it does not,
    /// None when the pair is optional (it teaches nothing).
    fn label(&self, c: &TrainingCandidate) -> Option<bool> {
        let (Some(s), Some(co)) = (self.resolve(&c.subject), self.resolve(&c.country)) else {
            return Some(false);
        };
        match self.pairs.get(&(c.task, s, co)) {
            Some(true) => None,
            Some(false) => Some(true),
            None => Some(false),
        }
    }
}
