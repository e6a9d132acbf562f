//! The `newsgraph` command line: the only place that parses arguments,
//! prints, and picks exit codes.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};

use newsgraph::error::StoreError;
use newsgraph::export::{self, dot, graph, Format};
use newsgraph::extract::decide::Weights;
use newsgraph::query::saved::SavedQuery;
use newsgraph::query::Rows;
use newsgraph::repl::{self, Session};
use newsgraph::store::{self, Store, StoreLock};
use newsgraph::{ingest, pipeline, query, train, Extraction, Extractor};

// mimalloc: a store is millions of small allocations that every query
// makes and frees again; under glibc's malloc a third of a large answer's
// time went to its free lists (perf), and the bench's queries run 2-4 times
// faster with mimalloc
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The demo corpus, ingested when no store is given.
const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles");

#[derive(Parser)]
#[command(
    name = "newsgraph",
    version,
    about = "News articles in, a knowledge graph you can question out."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles larger than this are skipped with a message (default 20 MiB).
    #[arg(long, global = true, default_value_t = ingest::MAX_ARTICLE_BYTES)]
    max_article_bytes: u64,
}

#[derive(Subcommand)]
enum Command {
    /// Extract facts from articles and print them as JSON Lines, one document a line.
    Extract {
        /// Files or folders of .txt articles.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print, per sentence, the mentions found and the rules that fired.
        #[arg(long)]
        explain: bool,
        /// Decide with these weights (written by `newsgraph train`) instead of the shipped ones.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Learn the pair decisions' weights from articles and their gold annotations.
    Train {
        /// Folder of .txt articles (repeat it with --gold for several sets).
        #[arg(long, required = true)]
        texts: Vec<PathBuf>,
        /// Folder of gold files (NAME.json for NAME.txt, the SCHEMA.md shape), one per --texts.
        #[arg(long, required = true)]
        gold: Vec<PathBuf>,
        /// Where to write the weights (RON).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Extract articles and merge them into a store (created if missing).
    Ingest {
        /// Files or folders of .txt articles; `-` reads stdin (text, or JSON Lines of {"doc", "text"}).
        #[arg(required_unless_present = "facts")]
        paths: Vec<PathBuf>,
        /// Merge interchange JSON Lines (what `extract` writes) without re-extracting; `-` is stdin.
        #[arg(long, num_args = 1..)]
        facts: Vec<PathBuf>,
        /// The store file (default: $NEWSGRAPH_STORE, else newsgraph.ng).
        #[arg(long)]
        store: Option<PathBuf>,
        /// Decide with these weights (written by `newsgraph train`) instead of the shipped ones.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Fail at once if another newsgraph is writing the store, instead of waiting.
        #[arg(long)]
        no_wait: bool,
    },
    /// Answer one question or pattern.
    Ask {
        /// The question, e.g. "who invested in South Korea".
        question: String,
        /// The store file (default: $NEWSGRAPH_STORE, else ./newsgraph.ng if it exists, else the demo corpus).
        #[arg(long)]
        store: Option<PathBuf>,
        /// Output format.
        #[arg(long, default_value = "table", value_parser = str::parse::<Format>)]
        format: Format,
        #[command(flatten)]
        budget: Budget,
    },
    /// Open the interactive REPL.
    Repl {
        /// The store file (default: $NEWSGRAPH_STORE, else ./newsgraph.ng if it exists, else the demo corpus).
        #[arg(long)]
        store: Option<PathBuf>,
    },
    /// Export the store.
    Export {
        /// Export format.
        #[arg(value_enum)]
        kind: ExportKind,
        /// The store file (default: $NEWSGRAPH_STORE, else ./newsgraph.ng if it exists, else the demo corpus).
        #[arg(long)]
        store: Option<PathBuf>,
        /// Only the entities around this one.
        #[arg(long)]
        focus: Option<String>,
        /// How many facts away from the focus.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Draw (dot, svg, png) entities that take part in no fact too.
        #[arg(long)]
        isolated: bool,
        /// Write here instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Verify a store: every record readable, every number in range, the checksum right.
    Check {
        /// The store file.
        store: PathBuf,
    },
    /// Write a loadable copy of a damaged store without its bad records, listing them.
    Repair {
        /// The damaged store (left as it is).
        store: PathBuf,
        /// Where to write the repaired copy.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Run a saved query file (RON).
    Run {
        /// The .ron file.
        file: PathBuf,
        /// The store file (default: $NEWSGRAPH_STORE, else ./newsgraph.ng if it exists, else the demo corpus).
        #[arg(long)]
        store: Option<PathBuf>,
        /// Parameter values: --param country="Maroc".
        #[arg(long = "param", value_parser = parse_param)]
        params: Vec<(String, String)>,
        /// Output format.
        #[arg(long, default_value = "table", value_parser = str::parse::<Format>)]
        format: Format,
        #[command(flatten)]
        budget: Budget,
    },
}

/// What a query may spend, and whether to show its plan.
#[derive(clap::Args)]
struct Budget {
    /// Stop a query whose plan step holds more partial answers than this.
    #[arg(long, default_value_t = query::DEFAULT_MAX_ROWS)]
    max_rows: usize,
    /// Give up after this many seconds (Ctrl-C also stops a query).
    #[arg(long, value_parser = parse_seconds)]
    timeout: Option<Duration>,
    /// Print the plan (each step's clause, access, estimated and actual rows, time) on stderr.
    #[arg(long)]
    explain: bool,
}

impl Budget {
    /// Runs `text` within this budget; Ctrl-C cancels it.
    fn run(&self, store: &Store, text: &str) -> Result<Rows, query::QueryError> {
        self.run_with(store, |limits| query::run_with(store, text, limits))
    }

    /// Runs `f` over `store` with this budget's limits, and prints the plan if asked.
    fn run_with(
        &self,
        store: &Store,
        f: impl FnOnce(&query::Limits) -> Result<(Rows, Vec<query::StepReport>), query::QueryError>,
    ) -> Result<Rows, query::QueryError> {
        let stop: &'static AtomicBool = Box::leak(Box::new(AtomicBool::new(false)));
        // without a handler Ctrl-C ends the process anyway; with one, the
        // query stops cleanly and says so
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::Relaxed));
        let limits = query::Limits {
            max_rows: self.max_rows,
            ..query::Limits::new(stop)
        }
        .with_timeout(self.timeout);
        let (rows, steps) = f(&limits)?;
        if self.explain {
            if steps.is_empty() {
                eprintln!("(no plan: this question walks the graph directly)");
            } else {
                eprint!(
                    "{}",
                    export::render(&query::plan_table(&steps), Format::Table, store)
                );
            }
        }
        Ok(rows)
    }
}

fn parse_seconds(s: &str) -> Result<Duration, String> {
    s.trim_end_matches('s')
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && *x >= 0.0)
        .map(Duration::from_secs_f64)
        .ok_or_else(|| format!("expected seconds, got {s:?}"))
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportKind {
    /// Graphviz DOT.
    Dot,
    /// SVG drawn by Graphviz's `dot` (must be installed).
    Svg,
    /// PNG drawn by Graphviz's `dot` (must be installed).
    Png,
    /// RDF N-Triples (facts reified with their values and evidence).
    Nt,
    /// RDF Turtle, same triples as `nt`.
    Ttl,
    /// GraphML (networkx, Gephi, yEd).
    Graphml,
    /// Node-link JSON.
    Json,
    /// nodes.csv and edges.csv for Kuzu or Neo4j, written into the folder `-o`.
    Csv,
    /// The whole store as one JSON document (store format version 1, see STORE.md).
    StoreJson,
}

fn parse_param(s: &str) -> Result<(String, String), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| format!("expected NAME=VALUE, got {s:?}"))?;
    Ok((
        k.trim_start_matches('$').to_string(),
        v.trim_matches('"').to_string(),
    ))
}

fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        let broken_pipe = e.chain().any(|c| {
            c.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        });
        if broken_pipe {
            std::process::exit(0);
        }
        eprintln!("newsgraph: {e:#}");
        std::process::exit(1);
    }
}

fn run(cli: Cli) -> Result<()> {
    let max_bytes = cli.max_article_bytes;
    match cli.command {
        Some(Command::Extract {
            paths,
            explain,
            model,
        }) => extract(&paths, explain, model.as_deref(), max_bytes),
        Some(Command::Train {
            texts,
            gold,
            output,
        }) => train_cmd(&texts, &gold, &output),
        Some(Command::Ingest {
            paths,
            facts,
            store,
            model,
            no_wait,
        }) => {
            let store = store
                .or_else(env_store)
                .unwrap_or_else(|| PathBuf::from(DEFAULT_STORE));
            ingest_cmd(&paths, &facts, &store, model.as_deref(), no_wait, max_bytes)
        }
        Some(Command::Ask {
            question,
            store,
            format,
            budget,
        }) => {
            let store = open(store_path(store).as_deref())?;
            let rows = budget.run(&store, &question)?;
            print(&export::render(&rows, format, &store))
        }
        Some(Command::Repl { store }) => repl_cmd(store),
        None => repl_cmd(None),
        Some(Command::Export {
            kind,
            store,
            focus,
            depth,
            isolated,
            output,
        }) => {
            let store = open(store_path(store).as_deref())?;
            let dot_scope = DotScope {
                focus: focus.as_deref(),
                depth,
                isolated,
            };
            export_cmd(&store, kind, dot_scope, output.as_deref())
        }
        Some(Command::Check { store }) => check_cmd(&store),
        Some(Command::Repair { store, output }) => repair_cmd(&store, &output),
        Some(Command::Run {
            file,
            store,
            params,
            format,
            budget,
        }) => {
            let saved = SavedQuery::load(&file)?;
            let text = saved.bind(&params)?;
            let bound = saved.compile(&params)?;
            let store = open(store_path(store).as_deref())?;
            let rows = budget
                .run_with(&store, |limits| query::run_bound(&store, &bound, limits))
                .with_context(|| format!("{}: running {text:?}", file.display()))?;
            print(&export::render(&rows, format, &store))
        }
    }
}

fn check_cmd(path: &Path) -> Result<()> {
    let (store, problems) = store::repair(path)?;
    if problems.is_empty() {
        println!(
            "{}: ok ({} entities, {} facts, {} documents)",
            path.display(),
            store.entity_count(),
            store.fact_count(),
            store.docs().len()
        );
        return Ok(());
    }
    for p in &problems {
        eprintln!("{}: {p}", path.display());
    }
    bail!(
        "{}: {} problem(s); `newsgraph repair {} -o NEW` writes a copy without them",
        path.display(),
        problems.len(),
        path.display()
    )
}

fn repair_cmd(path: &Path, output: &Path) -> Result<()> {
    let same =
        std::fs::canonicalize(path).ok() == std::fs::canonicalize(output).ok() && output.exists();
    if same {
        bail!(
            "write the repaired copy to another file: {} is left as it is",
            path.display()
        );
    }
    let (store, problems) = store::repair(path)?;
    for p in &problems {
        eprintln!("left out: {p}");
    }
    let _lock = StoreLock::acquire(output)?;
    store::save(&store, output)?;
    // the copy must load as any store does
    store::load(output)?;
    println!(
        "{}: {} entities, {} facts, {} documents; {} record(s) left out",
        output.display(),
        store.entity_count(),
        store.fact_count(),
        store.docs().len(),
        problems.len()
    );
    Ok(())
}

/// What part of the store a picture (dot, svg, png) draws.
struct DotScope<'a> {
    focus: Option<&'a str>,
    depth: usize,
    isolated: bool,
}

fn export_cmd(
    store: &Store,
    kind: ExportKind,
    scope: DotScope<'_>,
    output: Option<&Path>,
) -> Result<()> {
    let write = |bytes: &[u8]| -> Result<()> {
        match output {
            Some(path) => {
                std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
            }
            None => {
                let mut out = std::io::stdout().lock();
                out.write_all(bytes)?;
                Ok(out.flush()?)
            }
        }
    };
    let dot_text = || -> Result<String> {
        let focus = match scope.focus {
            Some(name) => Some(query::eval::resolve(store, name)?),
            None => None,
        };
        // a focus's neighbourhood never runs deeper than the store has entities
        let depth = scope.depth.min(store.entity_count());
        Ok(dot::render(
            store,
            dot::Scope {
                focus,
                depth,
                isolated: scope.isolated,
            },
        ))
    };
    match kind {
        ExportKind::Dot => write(dot_text()?.as_bytes()),
        ExportKind::Svg | ExportKind::Png => {
            let format = if matches!(kind, ExportKind::Svg) {
                "-Tsvg"
            } else {
                "-Tpng"
            };
            let mut child = std::process::Command::new("dot")
                .arg(format)
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .spawn()
                .context("running Graphviz's dot (install graphviz for svg and png)")?;
            if let Some(mut stdin) = child.stdin.take() {
                stdin.write_all(dot_text()?.as_bytes())?;
            }
            let out = child.wait_with_output()?;
            if !out.status.success() {
                bail!("dot failed: {}", String::from_utf8_lossy(&out.stderr));
            }
            write(&out.stdout)
        }
        ExportKind::Nt => write(&graph::ntriples(store)?),
        ExportKind::Ttl => write(&graph::turtle(store)?),
        ExportKind::Graphml => write(&graph::graphml(store)?),
        ExportKind::Json => write(graph::node_link_json(store).as_bytes()),
        ExportKind::StoreJson => write(store::to_json(store)?.as_bytes()),
        ExportKind::Csv => {
            let Some(dir) = output else {
                bail!("export csv writes nodes.csv and edges.csv: give the folder with -o DIR");
            };
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            let (nodes, edges) = graph::csv_tables(store)?;
            for (name, bytes) in [("nodes.csv", nodes), ("edges.csv", edges)] {
                let path = dir.join(name);
                std::fs::write(&path, bytes)
                    .with_context(|| format!("writing {}", path.display()))?;
            }
            Ok(())
        }
    }
}

fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// The store `ingest` writes and the other commands read when no `--store` is given.
const DEFAULT_STORE: &str = "newsgraph.ng";

/// The store named by `$NEWSGRAPH_STORE`, if set.
fn env_store() -> Option<PathBuf> {
    std::env::var_os("NEWSGRAPH_STORE")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The store a reading command uses: `--store`, else `$NEWSGRAPH_STORE`,
/// else `newsgraph.ng` in the current folder if it exists, else none (the demo corpus).
fn store_path(flag: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(env_store).or_else(|| {
        let p = PathBuf::from(DEFAULT_STORE);
        p.is_file().then_some(p)
    })
}

/// Loads the store, or ingests the demo corpus when none is given.
fn open(path: Option<&Path>) -> Result<Store> {
    match path {
        Some(p) => store::load(p).map_err(Into::into),
        None => {
            let ex = Extractor::new().context("loading the gazetteer")?;
            let mut store = Store::new();
            let report = pipeline::ingest(&ex, &mut store, &[PathBuf::from(DEMO)]);
            for e in &report.skipped {
                eprintln!("newsgraph: skipped {e}");
            }
            Ok(store)
        }
    }
}

fn repl_cmd(store: Option<PathBuf>) -> Result<()> {
    let store = store_path(store);
    let session = Session::new(open(store.as_deref())?, store);
    repl::run(session, std::io::stdin().is_terminal())
}

/// The extractor, with the weights of `model` when given.
fn extractor(model: Option<&Path>) -> Result<Extractor> {
    let ex = Extractor::new().context("loading the gazetteer")?;
    Ok(match model {
        Some(p) => ex.with_weights(Weights::from_file(p)?),
        None => ex,
    })
}

fn train_cmd(texts: &[PathBuf], gold: &[PathBuf], output: &Path) -> Result<()> {
    if texts.len() != gold.len() {
        bail!("give one --gold folder for each --texts folder");
    }
    let ex = Extractor::new().context("loading the gazetteer")?;
    let sets: Vec<(&Path, &Path)> = texts
        .iter()
        .map(PathBuf::as_path)
        .zip(gold.iter().map(PathBuf::as_path))
        .collect();
    let weights = train::train(&ex, &sets)?;
    std::fs::write(output, weights.to_ron())
        .with_context(|| format!("writing {}", output.display()))?;
    Ok(())
}

fn ingest_cmd(
    paths: &[PathBuf],
    facts: &[PathBuf],
    path: &Path,
    model: Option<&Path>,
    no_wait: bool,
    max_bytes: u64,
) -> Result<()> {
    let ex = extractor(model)?;
    // held from the load to the rename: a second writer merges into our result
    let _lock = match StoreLock::try_acquire(path)? {
        Some(lock) => lock,
        None if no_wait => {
            return Err(StoreError::Locked {
                path: path.to_path_buf(),
                lock: StoreLock::path_for(path),
            }
            .into())
        }
        None => {
            eprintln!(
                "newsgraph: another newsgraph is writing {}; waiting for it to finish",
                path.display()
            );
            StoreLock::acquire(path)?
        }
    };
    for stale in store::clean_stale_temps(path) {
        eprintln!(
            "newsgraph: removed {}, left by a save that did not finish",
            stale.display()
        );
    }
    let mut store = if path.exists() {
        store::load(path)?
    } else {
        Store::new()
    };
    let mut report = pipeline::Report::default();
    let progress = progress_bar();
    each_extracted(paths, max_bytes, &ex, false, |item| {
        match item {
            Ok((_, x)) => report.add(store.merge(&x.document)),
            Err(e) => report.skipped.push(e),
        }
        progress.inc(1);
        Ok(())
    })?;
    progress.finish_and_clear();
    for f in facts {
        let mut merge = |d: Result<newsgraph::Document, newsgraph::error::InputError>| match d {
            Ok(doc) => report.add(store.merge(&doc)),
            Err(e) => report.skipped.push(e),
        };
        if f.as_os_str() == "-" {
            ingest::read_facts(std::io::stdin().lock(), "-", &mut merge)
                .context("reading stdin")?;
        } else {
            let file =
                std::fs::File::open(f).with_context(|| format!("reading {}", f.display()))?;
            ingest::read_facts(
                std::io::BufReader::new(file),
                &f.display().to_string(),
                &mut merge,
            )
            .with_context(|| format!("reading {}", f.display()))?;
        }
    }
    pipeline::add_geography(&ex, &mut store);
    report.totals = (store.entity_count(), store.fact_count());
    for e in &report.skipped {
        eprintln!("newsgraph: skipped {e}");
    }
    if report.documents == 0 {
        // nothing read: no store is created, an existing one is left as it was
        bail!(
            "no article could be read; {} left unchanged",
            path.display()
        );
    }
    store::save(&store, path)?;
    print(&report.summary())?;
    if !report.skipped.is_empty() {
        bail!(
            "{} input(s) skipped, {} article(s) went in",
            report.skipped.len(),
            report.documents
        );
    }
    Ok(())
}

/// A spinner with the articles read and their rate, on stderr when it is a
/// terminal (hidden otherwise, so scripts and logs stay clean).
fn progress_bar() -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{spinner} {pos} articles ({per_sec}), {elapsed}")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// Every article named by `paths`, in order; `-` reads stdin (raw text, or
/// JSON Lines of `{"doc", "text"}`), streamed.
fn each_article(
    paths: &[PathBuf],
    max_bytes: u64,
    mut f: impl FnMut(Result<ingest::Article, newsgraph::error::InputError>) -> Result<()>,
) -> Result<()> {
    for p in paths {
        if p.as_os_str() == "-" {
            let mut result = Ok(());
            ingest::read_stream(std::io::stdin().lock(), "-", |a| {
                if result.is_ok() {
                    result = f(a);
                }
            })
            .context("reading stdin")?;
            result?;
        } else {
            for item in ingest::list(std::slice::from_ref(p)) {
                f(item.and_then(|p| ingest::read(&p, max_bytes)))?;
            }
        }
    }
    Ok(())
}

/// Articles read but not yet extracted before a batch goes to the cores.
const BATCH: usize = 256;

/// Reads every article of `paths` and extracts them on all cores, in
/// batches; `f` sees each article's result in input order, so the output is
/// the same as on one core.
fn each_extracted(
    paths: &[PathBuf],
    max_bytes: u64,
    ex: &Extractor,
    explain: bool,
    mut f: impl FnMut(Result<(ingest::Article, Extraction), newsgraph::error::InputError>) -> Result<()>,
) -> Result<()> {
    use rayon::prelude::*;
    let mut batch: Vec<Result<ingest::Article, newsgraph::error::InputError>> = Vec::new();
    let mut flush = |batch: &mut Vec<Result<ingest::Article, _>>| -> Result<()> {
        let done: Vec<_> = std::mem::take(batch)
            .into_par_iter()
            .map(|item| {
                item.map(|a| {
                    let x = if explain {
                        ex.explain(&a.name, &a.text)
                    } else {
                        ex.extract(&a.name, &a.text)
                    };
                    (a, x)
                })
            })
            .collect();
        done.into_iter().try_for_each(&mut f)
    };
    each_article(paths, max_bytes, |item| {
        batch.push(item);
        if batch.len() >= BATCH {
            flush(&mut batch)?;
        }
        Ok(())
    })?;
    flush(&mut batch)
}

fn extract(paths: &[PathBuf], explain: bool, model: Option<&Path>, max_bytes: u64) -> Result<()> {
    let ex = extractor(model)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = 0;
    each_extracted(paths, max_bytes, &ex, explain, |item| {
        let (article, x) = match item {
            Ok(done) => done,
            Err(e) => {
                eprintln!("newsgraph: skipping {e}");
                failed += 1;
                return Ok(());
            }
        };
        if explain {
            writeln!(out, "# {}", article.name)?;
            for (n, s) in x.trace.iter().enumerate() {
                writeln!(out, "[{}] {}", n + 1, s.text)?;
                for (surface, name, kind, how) in &s.mentions {
                    writeln!(out, "    mention {surface:?} -> {name} ({kind}, {how})")?;
                }
                for v in &s.values {
                    writeln!(out, "    value {v:?}")?;
                }
                for v in &s.dropped {
                    writeln!(
                        out,
                        "    value {v:?} dropped: not a finite amount within 1e15"
                    )?;
                }
                for f in &s.facts {
                    writeln!(out, "    fact {f}")?;
                }
            }
        } else {
            serde_json::to_writer(&mut out, &x.document)?;
            writeln!(out)?;
        }
        Ok(())
    })?;
    out.flush()?;
    if failed > 0 {
        bail!("{failed} input(s) could not be read");
    }
    Ok(())
}
