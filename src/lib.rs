//! newsgraph: French and English news articles in, a knowledge graph you can
//! question out.
//!
//! The pipeline runs one way: [`text`] normalises and splits an article,
//! [`extract`] finds mentions, values and relations and returns a
//! [`model::Document`], [`store`] merges documents into a petgraph store
//! saved on disk, [`query`] answers questions and patterns over the store,
//! and [`export`] writes it out. The binary adds the CLI and the REPL.

pub mod error;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod pipeline;
pub mod query;
pub mod repl;
pub mod store;
pub mod synth;
pub mod text;
pub mod train;

pub use extract::{Extraction, Extractor};
pub use model::{Document, Entity, EntityType, Predicate, Triple};
