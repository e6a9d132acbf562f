//! Helpers shared by the test files that question a store built from
//! `../shared` (the seeds, the dev set).
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::path::PathBuf;

use newsgraph::store::Store;
use newsgraph::Extractor;

/// The store of the articles in `../shared/REL`, which must hold `documents`.
pub fn shared_store(rel: &str, documents: usize) -> Store {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    let ex = Extractor::new().unwrap();
    let mut store = Store::default();
    let report = newsgraph::pipeline::ingest(&ex, &mut store, &[dir]);
    assert_eq!(report.documents, documents, "{report}");
    store
}
