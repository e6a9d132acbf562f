//! The library's error types, one enum per stage that can fail.

use std::path::PathBuf;

use thiserror::Error;

/// A data file (gazetteer, lexicon) that cannot be used.
#[derive(Debug, Error)]
pub enum DataError {
    /// A RON file does not parse.
    #[error("{file}:{line}:{column}: {message}")]
    Ron {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// An entry names a parent or container that no entry has.
    #[error("{file}: unknown entry {name:?}")]
    UnknownReference {
        /// The file.
        file: String,
        /// The missing name.
        name: String,
    },
    /// A data file named by the user cannot be read.
    #[error("{file}: {message}")]
    Read {
        /// The file.
        file: String,
        /// Why.
        message: String,
    },
    /// The matcher could not be built.
    #[error("cannot build the gazetteer matcher: {0}")]
    Matcher(String),
    /// A rule pattern does not compile.
    #[error("bad rule pattern {name}: {message}")]
    Rule {
        /// The rule.
        name: String,
        /// The regex error.
        message: String,
    },
}

/// A store file that cannot be read or written.
#[derive(Debug, Error)]
pub enum StoreError {
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The store file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not a store, or is damaged.
    #[error("{path}:{line}:{column}: not a newsgraph store: {message}")]
    Format {
        /// The store file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The file was written by an incompatible version.
    #[error("{path}: store format version {found}, this newsgraph reads version {expected}")]
    Version {
        /// The store file.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        expected: u32,
    },
    /// Another writer holds the store and the caller chose not to wait.
    #[error("{path}: another newsgraph is writing this store (its lock is {lock})")]
    Locked {
        /// The store file.
        path: PathBuf,
        /// The lock file beside it.
        lock: PathBuf,
    },
}

/// An input article that cannot be read.
#[derive(Debug, Error)]
pub enum InputError {
    /// The file cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not UTF-8.
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// The path is a FIFO, a device or something else than a regular file.
    #[error("{path}: not a regular file")]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// The article is larger than the limit.
    #[error(
        "{path}: {size} bytes, more than the {max}-byte limit (raise it with --max-article-bytes)"
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// A line of a JSON Lines input is not what it must be.
    #[error("{path}:{line}: {message}")]
    BadLine {
        /// The input (`-` for stdin).
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}
