//! Saved queries: a RON file in, a named question or pattern with parameters
//! out. In a pattern, each `$name` is bound as a value where it stands (an
//! entity name or a literal), so a value can never become syntax. In a
//! question, each `$name` of the text as written is replaced by the value in
//! one pass (values are never expanded again), and the result is only ever
//! read as a question.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A saved query file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedQuery {
    /// Short name, used as a REPL command.
    pub name: String,
    /// What it answers.
    pub description: String,
    /// A question or a pattern, with `$param` placeholders.
    pub query: String,
    /// Parameters and their default values.
    #[serde(default)]
    pub params: BTreeMap<String, String>,
}

/// A saved query file that cannot be used.
#[derive(Debug, Error)]
pub enum SavedError {
    /// The file cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not valid RON for a saved query.
    #[error("{path}:{line}:{column}: {message}")]
    Ron {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A parameter given that the query does not have.
    #[error("{name}: no parameter ${param} (it has: {known})")]
    UnknownParam {
        /// The query.
        name: String,
        /// The parameter given.
        param: String,
        /// The parameters it has.
        known: String,
    },
}

/// A saved query with its parameters bound, ready to run.
#[derive(Debug, Clone, PartialEq)]
pub enum Bound {
    /// A pattern, parsed with its parameters as values.
    Pattern(super::ast::Query),
    /// A question, its parameters spliced into the text.
    Question(String),
}

impl SavedQuery {
    /// Reads a saved query file.
    pub fn load(path: &Path) -> Result<Self, SavedError> {
        let p = path.display().to_string();
        let src = std::fs::read_to_string(path).map_err(|source| SavedError::Io {
            path: p.clone(),
            source,
        })?;
        ron::from_str(&src).map_err(|e| SavedError::Ron {
            path: p,
            line: e.position.line,
            column: e.position.col,
            message: e.code.to_string(),
        })
    }

    /// The query with parameters bound (`overrides` over defaults): a
    /// pattern when the text parses as one, else a question.
    pub fn compile(&self, overrides: &[(String, String)]) -> Result<Bound, SavedError> {
        let values = self.values(overrides)?;
        match super::parser::parse_with(&self.query, &values) {
            Ok(q) => Ok(Bound::Pattern(q)),
            Err(_) => Ok(Bound::Question(splice(&self.query, &values))),
        }
    }

    /// The query text with parameters filled in, for display.
    pub fn bind(&self, overrides: &[(String, String)]) -> Result<String, SavedError> {
        Ok(splice(&self.query, &self.values(overrides)?))
    }

    /// The defaults with `overrides` over them; every override must name a parameter.
    fn values(
        &self,
        overrides: &[(String, String)],
    ) -> Result<BTreeMap<String, String>, SavedError> {
        let mut values = self.params.clone();
        for (k, v) in overrides {
            if !values.contains_key(k) {
                return Err(SavedError::UnknownParam {
                    name: self.name.clone(),
                    param: k.clone(),
                    known: self
                        .params
                        .keys()
                        .map(|k| format!("${k}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
            values.insert(k.clone(), v.clone());
        }
        Ok(values)
    }
}

/// `query` with each `$name` replaced by its value, in one pass over the
/// text as written: a `$name` inside a value is text, never expanded again
/// (a value cannot grow the query).
fn splice(query: &str, values: &BTreeMap<String, String>) -> String {
    {
        let mut text = String::with_capacity(query.len());
        let mut rest = query;
        while let Some(at) = rest.find('$') {
            text.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            let len = after
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            match values.get(&after[..len]) {
                Some(v) => text.push_str(v),
                None => text.push_str(&rest[at..at + 1 + len]),
            }
            rest = &after[len..];
        }
        text.push_str(rest);
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::ast::{Clause, Term};

    fn query(text: &str, params: &[(&str, &str)]) -> SavedQuery {
        SavedQuery {
            name: "q".into(),
            description: String::new(),
            query: text.into(),
            params: params
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// A parameter whose value names parameters once expanded 2^40 times.
    #[test]
    fn parameter_splice_never_expands_a_value_again() {
        let q = query("who invested in $a", &[("a", "x"), ("b", "y")]);
        let v = "$a$a$a$a$b";
        let bound = q.bind(&[("a".into(), v.into())]).unwrap();
        assert_eq!(bound, "who invested in $a$a$a$a$b");
        // the longest name is read, not a prefix of it
        let q = query(
            "$country_code / $country",
            &[("country", "Kenya"), ("country_code", "KE")],
        );
        assert_eq!(q.bind(&[]).unwrap(), "KE / Kenya");
        // a value with spaces stays one value
        let q = query("who invested in $country", &[("country", "Kenya")]);
        assert_eq!(
            q.bind(&[("country".into(), "South Korea".into())]).unwrap(),
            "who invested in South Korea"
        );
    }

    /// In a pattern a value is a value: quotes, dots and variables in it
    /// stay inside the entity name.
    #[test]
    fn a_pattern_parameter_is_bound_as_a_value_never_as_syntax() {
        let q = query(
            r#"?i invests_in ?p . ?p located_in* $country select ?i"#,
            &[("country", "Kenya")],
        );
        let evil = r#"Kenya" . ?a partners_with ?b . ?c located_in "x"#;
        let Bound::Pattern(p) = q.compile(&[("country".into(), evil.into())]).unwrap() else {
            panic!("a pattern");
        };
        assert_eq!(p.clauses.len(), 2);
        let Clause::Path { o, .. } = &p.clauses[1] else {
            panic!("a path");
        };
        assert_eq!(*o, Term::Entity(evil.into()));
        // a question is spliced, and stays a question
        let q = query("who invested in $country", &[("country", "Kenya")]);
        assert_eq!(
            q.compile(&[]).unwrap(),
            Bound::Question("who invested in Kenya".into())
        );
        // a number where a literal stands is a number
        let q = query(
            "?i invests_in {amount ?a} ?p where ?a > $min",
            &[("min", "1e9")],
        );
        let Bound::Pattern(p) = q.compile(&[]).unwrap() else {
            panic!("a pattern");
        };
        assert_eq!(p.filters[0].value, crate::query::ast::Literal::Number(1e9));
    }
}
