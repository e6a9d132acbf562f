//! Criterion benches of the store and the evaluator on the synthetic corpus
//! ([`newsgraph::synth`]) at 10k facts: building by merge, save, load, and
//! the four questions of `--bin bench` (which runs them at 1M facts).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use newsgraph::query;
use newsgraph::store::{self, Store};
use newsgraph::synth::Corpus;

const FACTS: usize = 10_000;

fn build() -> Store {
    let mut store = Store::new();
    for doc in Corpus::new(FACTS) {
        if store.fact_count() >= FACTS {
            break;
        }
        store.merge(&doc);
    }
    store
}

fn bench(c: &mut Criterion) {
    c.bench_function("store/merge 10k facts", |b| b.iter(build));
    let store = build();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.ng");
    c.bench_function("store/save 10k facts", |b| {
        b.iter(|| store::save(&store, &path).unwrap())
    });
    c.bench_function("store/load 10k facts", |b| {
        b.iter(|| store::load(&path).unwrap().fact_count())
    });
    let questions = [
        ("Q1", "who invested in Country 0"),
        ("Q2", "tell me about Org 1"),
        (
            "Q3",
            "?i invests_in {amount ?a} ?p . ?p located_in* ?c . ?c is Country select ?c, sum(?a) order by sum(?a) desc limit 10",
        ),
        ("Q4", "how are Org 1 and Org 2 connected"),
    ];
    for (label, q) in questions {
        assert!(!query::run(&store, q).unwrap().rows.is_empty(), "{q}");
        c.bench_function(&format!("eval/{label} 10k facts"), |b| {
            b.iter(|| query::run(&store, q).unwrap().rows.len())
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
