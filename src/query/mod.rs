//! Queries: a question or a pattern in, rows with their evidence out.
//!
//! Text goes lexer → parser → AST ([`ast::Query`]) → evaluator. Questions in
//! English and French ([`question`]) compile to the same AST, so there is one
//! evaluator. The evaluator reads the store and never changes it.

pub mod ast;
pub mod eval;
pub mod lexer;
pub mod parser;
pub mod question;
pub mod saved;

use std::sync::atomic::AtomicBool;

use thiserror::Error;

pub use eval::{eval, EvidenceRef, Row, Rows};
pub use parser::parse;

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
    #[error("no entity named {name:?}{}", suggest(.suggestions))]
    UnknownEntity {
        /// The name asked for.
        name: String,
        /// Close names the store knows.
        suggestions: Vec<String>,
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
    let text = text.trim();
    if text.starts_with('?') || text.starts_with('"') {
        let q = parse(text)?;
        return eval::eval_until(store, &q, stop);
    }
    match question::answer_until(store, text, stop) {
        // not a question: a pattern that starts with a bare name ("Naver invests_in ?p")
        Err(e @ QueryError::UnknownQuestion { .. }) => match parse(text) {
            Ok(q) => eval::eval_until(store, &q, stop),
            Err(_) => Err(e),
        },
        other => other,
    }
}
