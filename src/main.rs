//! The `newsgraph` command line.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use newsgraph::{ingest, Extractor};

#[derive(Parser)]
#[command(
    name = "newsgraph",
    version,
    about = "News articles in, a knowledge graph you can question out."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
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
    },
}

fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        if e.chain().any(|c| {
            c.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        }) {
            std::process::exit(0);
        }
        eprintln!("newsgraph: {e:#}");
        std::process::exit(1);
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Some(Command::Extract { paths, explain }) => extract(&paths, explain),
        None => Ok(()),
    }
}

fn extract(paths: &[PathBuf], explain: bool) -> Result<()> {
    let ex = Extractor::new().context("loading the gazetteer")?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    for item in ingest::list(paths) {
        let article = match item.and_then(|p| ingest::read(&p)) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("newsgraph: skipping {e}");
                failed += 1;
                continue;
            }
        };
        let x = ex.extract(&article.name, &article.text);
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
                for f in &s.facts {
                    writeln!(out, "    fact {f}")?;
                }
            }
        } else {
            serde_json::to_writer(&mut out, &x.document)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    if failed > 0 {
        anyhow::bail!("{failed} input(s) could not be read");
    }
    Ok(())
}
