#![allow(dead_code)]
//! What the targets share: one extractor, and a small store built from the
//! demo articles (our own writing, in data/articles).

use std::sync::OnceLock;

use newsgraph::store::Store;
use newsgraph::Extractor;

pub fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new().expect("the gazetteer loads"))
}

pub fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        let mut store = Store::new();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/articles");
        newsgraph::pipeline::ingest(extractor(), &mut store, &[dir]);
        store
    })
}

/// A budget that keeps each run short: a fuzzer looks for crashes, not answers.
pub fn limits(stop: &std::sync::atomic::AtomicBool) -> newsgraph::query::Limits<'_> {
    newsgraph::query::Limits {
        max_rows: 20_000,
        ..newsgraph::query::Limits::new(stop)
    }
    .with_timeout(Some(std::time::Duration::from_millis(200)))
}
