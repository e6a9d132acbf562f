//! Extracts every article of a folder a number of times, after one
//! warm-up pass, for an instruction-level profiler: `scripts/extract-cost.sh`
//! runs it under callgrind and counts only `measured`, so lazy statics and
//! regex caches filled during the warm-up are not charged to extraction.
//!
//! `cargo run --release --example extract_cost -- data/articles 20`

use std::process::ExitCode;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The pass the profiler counts.
#[inline(never)]
fn measured(ex: &newsgraph::Extractor, docs: &[(String, String)], reps: usize) -> usize {
    let mut triples = 0;
    for _ in 0..reps {
        for (name, text) in docs {
            triples += ex.extract(name, text).document.triples.len();
        }
    }
    triples
}

/// The pass that fills lazy statics and regex caches.
#[inline(never)]
fn warm(ex: &newsgraph::Extractor, docs: &[(String, String)]) {
    for (name, text) in docs {
        std::hint::black_box(ex.extract(name, text));
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "data/articles".to_string());
    let reps: usize = match args.next().map(|r| r.parse()) {
        None => 20,
        Some(Ok(r)) => r,
        Some(Err(e)) => {
            eprintln!("repetitions: {e}");
            return ExitCode::FAILURE;
        }
    };
    let ex = match newsgraph::Extractor::new() {
        Ok(ex) => ex,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("{dir}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut docs: Vec<(String, String)> = entries
        .flatten()
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            Some((e.file_name().to_string_lossy().into_owned(), text))
        })
        .collect();
    docs.sort();
    warm(&ex, &docs);
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum::<usize>() * reps;
    let start = std::time::Instant::now();
    let triples = measured(&ex, &docs, reps);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} articles x {reps}: {triples} triples, {:.3} MiB/s",
        docs.len(),
        bytes as f64 / secs / 1_048_576.0
    );
    ExitCode::SUCCESS
}
