//! Queries: a question or a pattern in, rows with their evidence out.
//!
//! Text goes lexer → parser → AST ([`ast::Query`]) → evaluator. Questions in
//! English and French ([`question`]) compile to the same AST, so there is one
//! evaluator. The evaluator reads the store and never changes it.

pub mod ast;
pub mod eval;
pub mod grammar;
pub mod lexer;
pub mod modifiers;
pub mod parser;
pub mod plan;
pub mod question;
pub mod saved;

use std::sync::atomic::AtomicBool;

use thiserror::Error;

pub use eval::{eval, Cell, Cells, EvidenceRef, Facts, Row, Rows};
pub use parser::parse;
pub use plan::{Limits, StepReport, DEFAULT_MAX_ROWS};

/// A query that cannot be run.
#[derive(Debug, Error, PartialEq)]
pub enum QueryError {
    /// The pattern does not parse.
    #[error("syntax error at column {column}: expected {expected}\n  {line}\n  {caret}")]
    Syntax {
        /// 1-based column.
        column: usize,
        /// What was expected.
        expected: String,
        /// The query line.
        line: String,
        /// Spaces and a `^` under the column.
        caret: String,
    },
    /// An entity the store does not know.
    #[error("no entity named {name:?}{}{}", known_elsewhere(.known), suggest(.suggestions))]
    UnknownEntity {
        /// The name asked for.
        name: String,
        /// The gazetteer's name and type for it, when it knows the name
        /// that no article of the store mentions.
        known: Option<String>,
        /// Close names the store knows.
        suggestions: Vec<String>,
    },
    /// A step of the plan produced more partial answers than the budget allows.
    #[error("the clause `{clause}` gives more than {limit} partial answers; name an entity or add a type or filter to narrow it, or raise --max-rows")]
    TooManyRows {
        /// The clause, as written.
        clause: String,
        /// The budget.
        limit: usize,
    },
    /// The query ran past its `--timeout`.
    #[error("timed out after {millis} ms")]
    TimedOut {
        /// The timeout.
        millis: u128,
    },
    /// Ctrl-C stopped the query.
    #[error("cancelled")]
    Cancelled,
    /// A question none of the forms matches.
    #[error("cannot read this question. Forms I know:\n{}", .forms.iter().map(|f| format!("  {f}")).collect::<Vec<_>>().join("\n"))]
    UnknownQuestion {
        /// The nearest forms.
        forms: Vec<String>,
    },
}

fn known_elsewhere(known: &Option<String>) -> String {
    known
        .as_ref()
        .map(|k| format!(": {k} is known, but no article in the store mentions it"))
        .unwrap_or_default()
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!(
            "; did you mean {}?",
            s.iter()
                .map(|x| format!("{x:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

impl QueryError {
    /// A syntax error at byte `at` of `src`.
    pub fn syntax(src: &str, at: usize, expected: &str) -> Self {
        let column = src[..at.min(src.len())].chars().count() + 1;
        QueryError::Syntax {
            column,
            expected: expected.to_string(),
            line: src.to_string(),
            caret: format!("{}^", " ".repeat(column - 1)),
        }
    }
}

/// Runs a question or, failing that, a pattern.
pub fn run(store: &crate::store::Store, text: &str) -> Result<Rows, QueryError> {
    run_until(store, text, &AtomicBool::new(false))
}

/// Like [`run`], giving up with [`QueryError::Cancelled`] once `stop` is set.
pub fn run_until(
    store: &crate::store::Store,
    text: &str,
    stop: &AtomicBool,
) -> Result<Rows, QueryError> {
    run_with(store, text, &Limits::new(stop)).map(|(rows, _)| rows)
}

/// Like [`run`], within `limits`, with what each step of the plan did (no
/// steps for the questions that walk the graph without a pattern).
pub fn run_with(
    store: &crate::store::Store,
    text: &str,
    limits: &Limits,
) -> Result<(Rows, Vec<StepReport>), QueryError> {
    let text = text.trim();
    if text.starts_with('?') || text.starts_with('"') {
        let q = parse(text)?;
        return eval::eval_with(store, &q, limits);
    }
    match question::answer_with(store, text, limits) {
        // not a question: a pattern that starts with a bare name ("Naver invests_in ?p")
        Err(e @ QueryError::UnknownQuestion { .. }) => match parse(text) {
            Ok(q) => eval::eval_with(store, &q, limits),
            Err(_) => Err(e),
        },
        other => other,
    }
}

/// Runs a saved query whose parameters are bound: a pattern is evaluated as
/// parsed, a question is read only as a question.
pub fn run_bound(
    store: &crate::store::Store,
    bound: &saved::Bound,
    limits: &Limits,
) -> Result<(Rows, Vec<StepReport>), QueryError> {
    match bound {
        saved::Bound::Pattern(q) => eval::eval_with(store, q, limits),
        saved::Bound::Question(text) => question::answer_with(store, text, limits),
    }
}

/// The plan's steps as a table: what `.explain` and `ask --explain` print.
pub fn plan_table(steps: &[StepReport]) -> Rows {
    Rows {
        columns: ["clause", "access", "estimated", "rows", "ms"]
            .map(String::from)
            .to_vec(),
        rows: steps
            .iter()
            .map(|s| {
                let ms = s.micros as f64 / 1000.0;
                Row::new(
                    smallvec::smallvec![
                        Cell::Text(s.clause.as_str().into()),
                        Cell::Text(s.access.as_str().into()),
                        Cell::Figure {
                            value: s.estimated,
                            decimals: 0,
                        },
                        Cell::Figure {
                            value: s.rows as f64,
                            decimals: 0,
                        },
                        Cell::Figure {
                            value: ms,
                            decimals: 3,
                        },
                    ],
                    Facts::new(),
                )
            })
            .collect(),
    }
}
