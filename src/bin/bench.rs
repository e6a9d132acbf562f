//! The store and query bench: `cargo run --release --bin bench -- SIZE`.
//!
//! Builds a synthetic graph of about SIZE facts ([`newsgraph::synth`])
//! through `Store::merge`, saves it, then loads it in a fresh process (so
//! the peak RSS is the load's and the queries', not the build's) and prints
//! the median of three loads and of 7 runs of each query: Q1 who invested
//! in a country (the
//! busiest and a middle one), Q2 all facts of one entity, Q3 the sum of
//! amounts per country through `located_in*` (top 10), Q4 the shortest path
//! between two entities.
//!
//! `--jsonl FILE` also writes the documents as interchange JSON Lines, for
//! `newsgraph ingest --facts FILE`, which builds the same store.
//!
//! `cargo run --release --bin bench -- --extract` times extraction instead:
//! one article of 1 MB and one of 5 MB (the demo corpus repeated), and the
//! demo corpus x200 on one core and on all cores (the same documents).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use newsgraph::query;
use newsgraph::store::{self, Store};
use newsgraph::synth::{Corpus, COUNTRIES};

const RUNS: usize = 7;
/// How many times the store is loaded (the median is shown).
const LOADS: usize = 3;

// mimalloc: the store is millions of small allocations, freed and made
// again by every query; glibc's malloc spends a third of a query's time in
// its free lists (perf), mimalloc a fraction of that
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The bench's command line.
#[derive(clap::Parser)]
#[command(about = "Store, query and extraction figures on synthetic data")]
struct Args {
    /// About how many facts the synthetic graph holds.
    #[arg(default_value_t = 100_000)]
    size: usize,
    /// Also write the documents as interchange JSON Lines to this file.
    #[arg(long)]
    jsonl: Option<PathBuf>,
    /// Time extraction instead of the store.
    #[arg(long)]
    extract: bool,
    /// Load this saved store and run the queries (the bench's second process).
    #[arg(long, hide = true)]
    load: Option<PathBuf>,
}

fn run() -> Result<()> {
    let Args {
        size,
        jsonl,
        extract,
        load,
    } = clap::Parser::parse();
    if let Some(path) = load {
        return load_and_query(&path);
    }
    if extract {
        return extraction();
    }
    let mut out = match &jsonl {
        Some(p) => Some(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("{}", p.display()))?,
        )),
        None => None,
    };
    let mut store = Store::new();
    let started = Instant::now();
    let mut docs = 0;
    for doc in Corpus::new(size) {
        if store.fact_count() >= size {
            break;
        }
        store.merge(&doc);
        if let Some(out) = &mut out {
            serde_json::to_writer(&mut *out, &doc)?;
            out.write_all(b"\n")?;
        }
        docs += 1;
    }
    let build = started.elapsed();
    if let Some(mut out) = out {
        out.flush()?;
    }
    println!(
        "{} facts, {} entities from {docs} documents",
        store.fact_count(),
        store.entity_count()
    );
    println!(
        "build (merge)  {:>9.3} s   {:.1} µs per document",
        build.as_secs_f64(),
        build.as_secs_f64() * 1e6 / docs as f64
    );
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("bench.ng");
    let started = Instant::now();
    store::save(&store, &path)?;
    println!(
        "save           {:>9.3} s   {:.1} MB",
        started.elapsed().as_secs_f64(),
        std::fs::metadata(&path)?.len() as f64 / 1e6
    );
    drop(store);
    // the load and the queries in a process of their own, for an honest peak RSS
    let status = std::process::Command::new(std::env::current_exe()?)
        .arg("--load")
        .arg(&path)
        .status()?;
    if !status.success() {
        bail!("the load-and-query run failed: {status}");
    }
    Ok(())
}

fn load_and_query(path: &Path) -> Result<()> {
    // the median of three loads: the first after a save pays for the page
    // cache, and one load swings with what else the machine does
    let mut times = Vec::new();
    let mut store = Store::new();
    for _ in 0..LOADS {
        drop(store);
        let started = Instant::now();
        store = store::load(path)?;
        times.push(started.elapsed());
    }
    println!(
        "load           {:>9.3} s   {:.0} MB resident after it ({:.0} MB at its peak)",
        median(times).as_secs_f64(),
        memory_mb("VmRSS:"),
        memory_mb("VmHWM:")
    );
    // the first query after a load builds the read indexes (adjacency by
    // predicate, value columns, name order): a store is ready after it
    let started = Instant::now();
    query::run(&store, "who invested in Country 0")?;
    println!(
        "first query    {:>9.3} s   (it builds the read indexes)",
        started.elapsed().as_secs_f64()
    );
    // the busiest country and one in the middle of the ranking, by investors
    let mut by_investors: Vec<(usize, String)> = (0..COUNTRIES)
        .map(|c| {
            let name = format!("Country {c}");
            let q = format!("who invested in {name}");
            (query::run(&store, &q).map_or(0, |r| r.rows.len()), name)
        })
        .filter(|(d, _)| *d > 0)
        .collect();
    by_investors.sort();
    let (Some(hi), Some(mid)) = (
        by_investors.last(),
        by_investors.get(by_investors.len() / 2),
    ) else {
        bail!("no country has investors");
    };
    let questions = [
        ("Q1 hi", format!("who invested in {}", hi.1)),
        ("Q1 mid", format!("who invested in {}", mid.1)),
        ("Q2", "tell me about Org 1".to_string()),
        (
            "Q3",
            "?i invests_in {amount ?a} ?p . ?p located_in* ?c . ?c is Country select ?c, sum(?a) order by sum(?a) desc limit 10".to_string(),
        ),
        ("Q4", "how are Org 1 and Org 2 connected".to_string()),
    ];
    for (label, q) in questions {
        let mut times = Vec::new();
        let mut rows = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            rows = query::run(&store, &q)?.rows.len();
            times.push(t.elapsed());
        }
        println!(
            "{label:7} {:>9.3} ms  {rows:>6} rows  {q}",
            median(times).as_secs_f64() * 1000.0
        );
    }
    println!(
        "peak RSS  {:>9.0} MB (load and queries)",
        memory_mb("VmHWM:")
    );
    Ok(())
}

/// Extraction figures: long articles (linear?) and a corpus on one core
/// and on all of them.
fn extraction() -> Result<()> {
    use rayon::prelude::*;
    let ex = newsgraph::Extractor::new()?;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
    let mut articles: Vec<(String, String)> = std::fs::read_dir(&dir)
        .with_context(|| format!("{}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            Some((p.file_name()?.to_string_lossy().into_owned(), text))
        })
        .collect();
    articles.sort();
    let corpus: String = articles
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    for mb in [1, 5] {
        let mut text = String::new();
        while text.len() < mb * 1_000_000 {
            text.push_str(&corpus);
            text.push_str("\n\n");
        }
        let mut times = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            let facts = ex.extract("long.txt", &text).document.triples.len();
            times.push(t.elapsed());
            std::hint::black_box(facts);
        }
        let secs = median(times).as_secs_f64();
        println!(
            "one article of {:.1} MB: {secs:.2} s ({:.2} MB/s)",
            text.len() as f64 / 1e6,
            text.len() as f64 / 1e6 / secs
        );
    }
    let docs: Vec<&(String, String)> = articles.iter().cycle().take(articles.len() * 200).collect();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let t = Instant::now();
    let one: Vec<_> = docs
        .iter()
        .map(|(n, t)| ex.extract(n, t).document)
        .collect();
    let one_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let all: Vec<_> = docs
        .par_iter()
        .map(|(n, t)| ex.extract(n, t).document)
        .collect();
    let all_secs = t.elapsed().as_secs_f64();
    if one != all {
        bail!("extraction on all cores differs from one core");
    }
    println!(
        "{} articles, {:.1} MB: one core {one_secs:.2} s ({:.2} MB/s), {} cores {all_secs:.2} s ({:.2} MB/s), same documents",
        docs.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / one_secs,
        rayon::current_num_threads(),
        bytes as f64 / 1e6 / all_secs
    );
    Ok(())
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// A memory figure of this process from /proc/self/status (`VmRSS:` now,
/// `VmHWM:` at the peak), in MB; 0 where /proc is missing.
fn memory_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
