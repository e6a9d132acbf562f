//! Saved queries: a RON file in, a named question or pattern with parameters
//! out. Each `$name` of the query as written is replaced by the parameter's
//! value, in one pass: values are never expanded again.

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

    /// The query text with parameters filled in: `overrides` over defaults.
    pub fn bind(&self, overrides: &[(String, String)]) -> Result<String, SavedError> {
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
        // one pass over the query as written: a `$name` inside a value is
        // text, never expanded again (a value cannot grow the query)
        let mut text = String::with_capacity(self.query.len());
        let mut rest = self.query.as_str();
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
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
