//! Saved queries: a RON file in, a named question or pattern with parameters
//! out. `$name` in the query text is replaced by the parameter's value.

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
        let mut text = self.query.clone();
        // longest names first, so $country does not eat $country_code
        let mut names: Vec<&String> = values.keys().collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        for k in names {
            text = text.replace(&format!("${k}"), &values[k]);
        }
        Ok(text)
    }
}
