//! Extraction throughput: the demo corpus repeated, on one core.
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsgraph::Extractor;

// the allocator the newsgraph binary runs with, so the figure is the tool's
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles");
    let mut docs: Vec<(String, String)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            Some((
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).ok()?,
            ))
        })
        .collect();
    docs.sort();
    docs.iter().cycle().take(docs.len() * 20).cloned().collect()
}

fn bench(c: &mut Criterion) {
    let ex = match Extractor::new() {
        Ok(ex) => ex,
        Err(e) => panic!("gazetteer: {e}"),
    };
    let docs = corpus();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("demo corpus x20", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(n, t)| ex.extract(n, t).document.triples.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
