//! The REPL: lines in, answers out. [`Session`] handles one line at a time
//! and writes to any writer, so it is tested without a terminal; [`run`] adds
//! rustyline (history, completion) when stdin is a terminal and reads a plain
//! script otherwise.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

use crate::export::{self, Format};
use crate::query::saved::SavedQuery;
use crate::query::{self, Rows};
use crate::store::{self, Store};
use crate::Extractor;

const HELP: &str = "\
Ask a question (English or French) or a pattern, for example:
  who invested in South Korea          qui a investi au Maroc ?
  who supplies South Korea             qui dirige Nvidia ?
  top investors in South Korea         how are Nvidia and Naver connected
  ?x invests_in {amount ?a} ?p . ?p located_in* \"Morocco\" select ?x, ?a
Commands:
  .help                 this text
  .why N                the evidence sentences of answer row N
  .explain QUERY        the plan of QUERY (each step's rows and time), then its answer
  .mode [MODE]          how answers are printed: table, box, markdown, line,
                        json, jsonl, csv or tsv (alone: the current mode)
  .maxrows N            print at most N rows of an answer (0: all)
  .timer on|off         print how long each query took
  .output [FILE|'|CMD'] write answers to FILE or pipe them to CMD; alone: the screen
  .once FILE|'|CMD'     the same for the next answer only
  .load FILE.ron        register a saved query as a command .NAME [param=value ...]
  .read FILE            run the lines of FILE (stops at its first error, FILE:LINE)
  .bail on|off          in a script, stop at the first error (default off)
  .ingest PATH...       extract and merge more articles
  .save [FILE]          save the store
  .export dot FILE      write the last answer's subgraph as Graphviz DOT
  .stats                entities, facts, documents
  .schema               entity types and predicates with counts
  .quit                 leave (Ctrl-D too)
A pattern may span lines: an open brace, bracket or quote, or a line ending
in \\, continues on the next line. Ctrl-C cancels the line or a running query.
";

/// One REPL session over a store.
pub struct Session {
    /// The store being questioned.
    pub store: Store,
    /// Where `.save` writes by default.
    pub store_path: Option<PathBuf>,
    format: Format,
    timer: bool,
    /// `.maxrows`: at most this many rows printed (0: all).
    max_rows: usize,
    /// Where answers go instead of the screen (`.output`, `.once`).
    output: Option<Sink>,
    /// `.once`: the sink closes after the next answer.
    once: bool,
    last: Option<Rows>,
    saved: BTreeMap<String, SavedQuery>,
    extractor: Option<Extractor>,
    /// Set by Ctrl-C while a query runs; the evaluator gives up when it sees it.
    stop: Arc<AtomicBool>,
    /// Colour errors and table headers (only on a terminal).
    color: bool,
    /// How many `.read` files are open now: a file reading itself stops at
    /// [`MAX_READ_DEPTH`] instead of overflowing the stack.
    read_depth: usize,
    /// `.ingest` changed the store since it was loaded or saved.
    dirty: bool,
    /// `.bail on`: a script stops at its first error.
    bail: bool,
}

impl Session {
    /// Whether `.ingest` changed the store since it was loaded or saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }
}

/// The prompt for a new statement.
pub const PROMPT: &str = "newsgraph> ";
/// The prompt for the next line of an unfinished statement.
pub const CONTINUATION_PROMPT: &str = "      ...> ";

/// How deep `.read` files may nest.
pub const MAX_READ_DEPTH: usize = 16;

/// What handling a line asks the loop to do next.
#[derive(Debug, PartialEq, Eq)]
pub enum Next {
    /// Read another line.
    Continue,
    /// Leave.
    Quit,
}

impl Session {
    /// A session over `store`.
    pub fn new(store: Store, store_path: Option<PathBuf>) -> Self {
        Session {
            store,
            store_path,
            format: Format::Table,
            timer: false,
            max_rows: 0,
            output: None,
            once: false,
            last: None,
            saved: BTreeMap::new(),
            extractor: None,
            stop: Arc::new(AtomicBool::new(false)),
            color: false,
            read_depth: 0,
            dirty: false,
            bail: false,
        }
    }

    /// Turns colours on or off (off by default; `run` turns them on for a terminal).
    pub fn set_color(&mut self, on: bool) {
        self.color = on;
    }

    /// The flag that cancels the running query when set (Ctrl-C sets it).
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stop)
    }

    /// Names for completion: dot-commands, saved queries, entity names.
    pub fn completions(&self) -> Vec<String> {
        let mut v: Vec<String> = [
            ".help", ".why", ".explain", ".mode", ".maxrows", ".timer", ".output", ".once",
            ".load", ".read", ".ingest", ".save", ".export", ".stats", ".schema", ".quit", ".bail",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        v.extend(self.saved.keys().map(|k| format!(".{k}")));
        for n in self.store.graph().node_indices() {
            v.extend(self.store.node(n).all_names().map(str::to_string));
        }
        v.extend(crate::model::Predicate::ALL.iter().map(|p| p.to_string()));
        v.sort();
        v.dedup();
        v
    }

    /// Handles one line, writing what it prints to `out` (or the `.output` file).
    /// Errors go to `out`, never to an `.output` file.
    pub fn handle(&mut self, line: &str, out: &mut dyn Write) -> std::io::Result<Next> {
        match self.execute(line) {
            Ok(Some(text)) => self.write(line, &text, out)?,
            Ok(None) => return Ok(Next::Quit),
            Err(e) if self.color => writeln!(out, "\x1b[31merror:\x1b[0m {e}")?,
            Err(e) => writeln!(out, "error: {e}")?,
        }
        Ok(Next::Continue)
    }

    /// Runs one line: its output (`None` to leave), or the error. Blank
    /// lines and comments (`--`, `#`, `//`) do nothing.
    pub fn execute(&mut self, line: &str) -> Result<Option<String>, String> {
        let line = line.trim();
        if line.is_empty()
            || line.starts_with("--")
            || line.starts_with('#')
            || line.starts_with("//")
        {
            return Ok(Some(String::new()));
        }
        self.stop.store(false, Ordering::Relaxed);
        self.command(line)
    }

    /// Writes a line's output where it goes: answers to `.output`'s file or
    /// command if one is set (closing a `.once` one), dot-command output to `out`.
    fn write(&mut self, line: &str, text: &str, out: &mut dyn Write) -> std::io::Result<()> {
        let is_answer = !line.trim_start().starts_with('.') || self.saved_command(line);
        match &mut self.output {
            Some(sink) if is_answer => {
                sink.write_all(text.as_bytes())?;
                if self.once {
                    self.once = false;
                    if let Some(mut sink) = self.output.take() {
                        sink.close()?;
                    }
                }
                Ok(())
            }
            _ => out.write_all(text.as_bytes()),
        }
    }

    /// Whether `line` runs a saved query (`.NAME ...`), whose rows are an answer.
    fn saved_command(&self, line: &str) -> bool {
        let head = line.split_whitespace().next().unwrap_or_default();
        head.strip_prefix('.')
            .is_some_and(|name| self.saved.contains_key(name))
    }

    /// Points answers at `target` (a file, or `|CMD`), closing the previous sink.
    fn redirect(&mut self, target: Option<&str>, once: bool) -> Result<(), String> {
        if let Some(mut old) = self.output.take() {
            old.close().map_err(|e| e.to_string())?;
        }
        self.output = target.map(Sink::open).transpose()?;
        self.once = once && self.output.is_some();
        Ok(())
    }

    /// Runs a script: each statement (continuation lines joined) in turn,
    /// answers on `out`, each error on `err` as `NAME:LINE: error: ...`.
    /// With `.bail on` the first error stops it. Returns the errors counted.
    pub fn run_script(
        &mut self,
        name: &str,
        input: impl BufRead,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> std::io::Result<usize> {
        let mut errors = 0;
        let mut pending = String::new();
        let mut start = 0;
        for (n, line) in input.lines().enumerate() {
            if pending.is_empty() {
                start = n + 1;
            }
            pending.push_str(&line?);
            pending.push('\n');
            if is_incomplete(&pending) {
                continue;
            }
            let text = join_lines(&pending);
            pending.clear();
            match self.execute(&text) {
                Ok(Some(t)) => self.write(&text, &t, out)?,
                Ok(None) => return Ok(errors),
                Err(e) => {
                    errors += 1;
                    writeln!(err, "{name}:{start}: error: {e}")?;
                    if self.bail {
                        return Ok(errors);
                    }
                }
            }
        }
        if !pending.trim().is_empty() {
            errors += 1;
            writeln!(
                err,
                "{name}:{start}: error: unfinished statement (an open quote or bracket)"
            )?;
        }
        Ok(errors)
    }

    fn command(&mut self, line: &str) -> Result<Option<String>, String> {
        let mut words = line.split_whitespace();
        let head = words.next().unwrap_or_default();
        let rest: Vec<&str> = words.collect();
        match head {
            ".quit" | ".exit" => Ok(None),
            ".bail" => {
                self.bail = match rest.first().copied() {
                    Some("on") => true,
                    Some("off") => false,
                    _ => return Err("usage: .bail on|off".into()),
                };
                Ok(Some(String::new()))
            }
            ".help" => Ok(Some(HELP.to_string())),
            ".why" => self.why(rest.first().copied()).map(Some),
            ".explain" => {
                let text = line[head.len()..].trim();
                if text.is_empty() {
                    return Err("usage: .explain QUESTION|PATTERN".into());
                }
                let (_, steps) =
                    query::run_with(&self.store, text, &query::Limits::new(&self.stop))
                        .map_err(|e| e.to_string())?;
                let plan = if steps.is_empty() {
                    "(no plan: this question walks the graph directly)\n".to_string()
                } else {
                    export::render(&query::plan_table(&steps), Format::Table, &self.store)
                };
                Ok(Some(plan + &self.ask(text)?))
            }
            ".mode" => match rest.first() {
                None => Ok(Some(format!("{}\n", self.format))),
                Some(m) => {
                    self.format = m.parse()?;
                    Ok(Some(String::new()))
                }
            },
            ".maxrows" => match rest.first() {
                None => Ok(Some(format!("{}\n", self.max_rows))),
                Some(n) => {
                    self.max_rows = n.parse().map_err(|_| "usage: .maxrows N (0: all)")?;
                    Ok(Some(String::new()))
                }
            },
            ".timer" => {
                self.timer = rest.first() == Some(&"on");
                Ok(Some(String::new()))
            }
            ".output" | ".once" => {
                // `|cmd args` is one target, spaces and all
                let target = line[head.len()..].trim();
                if head == ".once" && target.is_empty() {
                    return Err("usage: .once FILE|'|CMD'".into());
                }
                self.redirect((!target.is_empty()).then_some(target), head == ".once")?;
                Ok(Some(String::new()))
            }
            ".load" => {
                let path = rest.first().ok_or("usage: .load FILE.ron")?;
                let q = SavedQuery::load(Path::new(path)).map_err(|e| e.to_string())?;
                let msg = format!("loaded .{}: {}\n", q.name, q.description);
                self.saved.insert(q.name.clone(), q);
                Ok(Some(msg))
            }
            ".read" => {
                let path = rest.first().ok_or("usage: .read FILE")?;
                if self.read_depth >= MAX_READ_DEPTH {
                    return Err(format!(
                        "{path}: .read nested {MAX_READ_DEPTH} deep (does a file read itself?)"
                    ));
                }
                let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
                let mut buf = Vec::new();
                let mut errs = Vec::new();
                self.read_depth += 1;
                let result =
                    self.run_script(path, std::io::BufReader::new(file), &mut buf, &mut errs);
                self.read_depth -= 1;
                let errors = result.map_err(|e| format!("{path}: {e}"))?;
                if errors > 0 {
                    let mut text = String::from_utf8_lossy(&buf).into_owned();
                    text.push_str(String::from_utf8_lossy(&errs).trim_end());
                    return Err(text);
                }
                Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
            }
            ".ingest" => {
                let paths: Vec<PathBuf> = rest.iter().map(PathBuf::from).collect();
                if self.extractor.is_none() {
                    self.extractor = Some(Extractor::new().map_err(|e| e.to_string())?);
                }
                let ex = self.extractor.as_ref().ok_or("no extractor")?;
                let report = crate::pipeline::ingest(ex, &mut self.store, &paths);
                self.dirty |= report.documents > 0;
                Ok(Some(report.to_string()))
            }
            ".save" => {
                let path = rest
                    .first()
                    .map(PathBuf::from)
                    .or_else(|| self.store_path.clone())
                    .ok_or("usage: .save FILE")?;
                store::save(&self.store, &path).map_err(|e| e.to_string())?;
                self.dirty = false;
                Ok(Some(format!("saved {}\n", path.display())))
            }
            ".export" => {
                let (Some(&"dot"), Some(path)) = (rest.first(), rest.get(1)) else {
                    return Err("usage: .export dot FILE".into());
                };
                let text = match &self.last {
                    Some(rows) => {
                        let facts: Vec<_> = rows.rows.iter().flat_map(|r| r.facts()).collect();
                        export::dot::answer(&self.store, &answer_nodes(rows), &facts)
                    }
                    None => export::dot::render(&self.store, export::dot::Scope::default()),
                };
                std::fs::write(path, text).map_err(|e| format!("{path}: {e}"))?;
                Ok(Some(format!("wrote {path}\n")))
            }
            ".stats" => Ok(Some(format!(
                "{} entities, {} facts, {} documents\n",
                self.store.entity_count(),
                self.store.fact_count(),
                self.store.docs().len()
            ))),
            ".schema" => Ok(Some(schema(&self.store))),
            _ if head.starts_with('.') => {
                let name = &head[1..];
                let Some(q) = self.saved.get(name) else {
                    return Err(format!("unknown command {head} (try .help)"));
                };
                // shell-like words: country="South Korea" is one parameter
                let args = line[head.len()..].trim();
                let words =
                    shlex::split(args).ok_or_else(|| format!("unbalanced quote in {args:?}"))?;
                let params = words
                    .iter()
                    .map(|kv| {
                        kv.split_once('=')
                            .map(|(k, v)| (k.trim_start_matches('$').to_string(), v.to_string()))
                            .ok_or_else(|| format!("expected NAME=VALUE, got {kv:?}"))
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                let bound = q.compile(&params).map_err(|e| e.to_string())?;
                self.answer(|store, limits| query::run_bound(store, &bound, limits))
                    .map(Some)
            }
            _ => self.ask(line).map(Some),
        }
    }

    fn ask(&mut self, text: &str) -> Result<String, String> {
        self.answer(|store, limits| query::run_with(store, text, limits))
    }

    /// Runs `f` over the store, renders its rows and keeps them for `.why`.
    fn answer(
        &mut self,
        f: impl FnOnce(
            &Store,
            &query::Limits,
        ) -> Result<(query::Rows, Vec<query::StepReport>), query::QueryError>,
    ) -> Result<String, String> {
        let started = Instant::now();
        let (rows, _) =
            f(&self.store, &query::Limits::new(&self.stop)).map_err(|e| e.to_string())?;
        let mut out = self.render(&rows);
        // colour only on the screen, never into an `.output` file or pipe
        if self.color && self.output.is_none() && self.format == Format::Table {
            // the header line in bold
            if let Some(end) = out.find('\n') {
                out = format!("\x1b[1m{}\x1b[0m{}", &out[..end], &out[end..]);
            }
        }
        if self.timer {
            let _ = writeln!(out, "({:.3} ms)", started.elapsed().as_secs_f64() * 1000.0);
        }
        self.last = Some(rows);
        Ok(out)
    }

    /// Renders rows in the session's mode, at most `.maxrows` of them for people.
    fn render(&self, rows: &Rows) -> String {
        let hidden = rows.rows.len().saturating_sub(self.max_rows);
        if self.max_rows == 0 || hidden == 0 || !self.format.is_for_people() {
            return export::render(rows, self.format, &self.store);
        }
        let shown = Rows {
            columns: rows.columns.clone(),
            rows: rows.rows[..self.max_rows].to_vec(),
        };
        let mut out = export::render(&shown, self.format, &self.store);
        let _ = writeln!(
            out,
            "... {hidden} more row(s) of {} (.maxrows 0 shows all)",
            rows.rows.len()
        );
        out
    }

    fn why(&self, n: Option<&str>) -> Result<String, String> {
        let rows = self.last.as_ref().ok_or("no answer yet")?;
        let n: usize = n.and_then(|n| n.parse().ok()).ok_or("usage: .why N")?;
        let row = rows
            .rows
            .get(n.wrapping_sub(1))
            .ok_or_else(|| format!("no row {n} (the last answer has {})", rows.rows.len()))?;
        // each sentence once, with every rule that read a fact from it
        let mut sentences: Vec<(&str, usize, usize, &str, Vec<&str>)> = Vec::new();
        let evidence = row.evidence(&self.store);
        for e in &evidence {
            let rule = e.rule.as_deref().unwrap_or("");
            match sentences
                .iter_mut()
                .find(|s| s.0 == e.doc && s.1 == e.start && s.2 == e.end)
            {
                Some(s) => {
                    if !rule.is_empty() && !s.4.contains(&rule) {
                        s.4.push(rule);
                    }
                }
                None => sentences.push((&e.doc, e.start, e.end, &e.text, vec![rule])),
            }
        }
        let mut out = String::new();
        for (doc, start, end, text, rules) in sentences {
            let _ = writeln!(out, "{doc} [{start}..{end}] {}", rules.join(", "));
            let _ = writeln!(out, "  {text}");
        }
        Ok(out)
    }
}

/// Where `.output` and `.once` send answers: a file, or a command's stdin.
enum Sink {
    File(std::fs::File),
    Pipe(std::process::Child),
}

impl Sink {
    /// `|CMD` runs CMD through the shell; anything else is a file to create.
    fn open(target: &str) -> Result<Sink, String> {
        match target.strip_prefix('|') {
            Some(cmd) => std::process::Command::new("sh")
                .args(["-c", cmd.trim()])
                .stdin(std::process::Stdio::piped())
                .spawn()
                .map(Sink::Pipe)
                .map_err(|e| format!("{}: {e}", cmd.trim())),
            None => std::fs::File::create(target)
                .map(Sink::File)
                .map_err(|e| format!("{target}: {e}")),
        }
    }

    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Sink::File(f) => f.write_all(bytes),
            Sink::Pipe(child) => match child.stdin.as_mut() {
                Some(stdin) => stdin.write_all(bytes),
                None => Ok(()),
            },
        }
    }

    /// Flushes a file; closes a command's stdin and waits for it to finish.
    fn close(&mut self) -> std::io::Result<()> {
        match self {
            Sink::File(f) => f.flush(),
            Sink::Pipe(child) => {
                drop(child.stdin.take());
                child.wait().map(|_| ())
            }
        }
    }
}

impl Drop for Sink {
    /// A session that ends with `.output |CMD` open lets CMD finish first.
    fn drop(&mut self) {
        let _ = self.close();
    }
}

fn answer_nodes(rows: &Rows) -> std::collections::BTreeSet<petgraph::stable_graph::NodeIndex> {
    rows.rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .filter_map(|c| match c {
            query::Cell::Entity(n) => Some(*n),
            _ => None,
        })
        .collect()
}

fn schema(store: &Store) -> String {
    let mut types: BTreeMap<String, usize> = BTreeMap::new();
    for n in store.graph().node_indices() {
        *types.entry(store.node(n).kind().to_string()).or_default() += 1;
    }
    let mut preds: BTreeMap<String, usize> = BTreeMap::new();
    for e in store.graph().edge_indices() {
        *preds
            .entry(store.graph()[e].predicate.to_string())
            .or_default() += 1;
    }
    let mut out = String::from("types:\n");
    for (t, n) in types {
        let _ = writeln!(out, "  {t:<14} {n}");
    }
    out.push_str("predicates:\n");
    for (p, n) in preds {
        let _ = writeln!(out, "  {p:<18} {n}");
    }
    out
}

/// Completion, hints, multi-line input and hint colouring for rustyline.
struct Complete {
    words: Vec<String>,
    history: HistoryHinter,
    color: bool,
}

impl Helper for Complete {}

impl Hinter for Complete {
    type Hint = String;
    /// The rest of the entity, predicate or command being typed, else the
    /// rest of a matching history line.
    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        if pos < line.len() {
            return None;
        }
        if let Some((start, matches)) = matches_at(&self.words, line, pos) {
            let typed = &line[start..pos];
            if is_common_word(typed) {
                return self.history.hint(line, pos, ctx);
            }
            if let Some(w) = matches
                .iter()
                .find(|w| w.chars().count() > typed.chars().count())
            {
                if typed.chars().count() >= 2 {
                    // the hint continues what is typed, whatever its accents
                    let skip = w
                        .char_indices()
                        .nth(typed.chars().count())
                        .map(|(i, _)| i)?;
                    return Some(w[skip..].to_string());
                }
            }
        }
        self.history.hint(line, pos, ctx)
    }
}

impl Highlighter for Complete {
    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color {
            Cow::Owned(format!("\x1b[2m{hint}\x1b[0m"))
        } else {
            Cow::Borrowed(hint)
        }
    }
}

/// Every line is accepted as typed: `run` gathers an unfinished statement's
/// lines itself, under the `...>` prompt, as sqlite3 does.
impl Validator for Complete {}

/// Words of the questions themselves ("in", "de", "who", "top"): typing
/// one hints no entity that happens to start with it.
const COMMON_WORDS: &[&str] = &[
    "a", "about", "all", "and", "as", "at", "au", "aux", "by", "combien", "dans", "de", "des",
    "did", "does", "du", "en", "est", "et", "for", "from", "has", "have", "how", "in", "is", "la",
    "le", "les", "list", "liste", "much", "of", "on", "ou", "où", "par", "partners", "pour",
    "quel", "quelle", "quels", "qui", "show", "sur", "the", "to", "top", "what", "where", "which",
    "who", "with",
];

fn is_common_word(typed: &str) -> bool {
    let folded = crate::text::fold_str(typed.trim());
    COMMON_WORDS
        .iter()
        .any(|w| crate::text::fold_str(w) == folded)
}

/// Whether `input` needs more lines: open `{`, `(` or `"`, or a trailing `\`.
pub fn is_incomplete(input: &str) -> bool {
    let mut depth = 0i32;
    let mut quoted = false;
    let mut escaped = false;
    for c in input.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '{' | '(' if !quoted => depth += 1,
            '}' | ')' if !quoted => depth -= 1,
            _ => {}
        }
    }
    quoted || depth > 0 || input.trim_end().ends_with('\\')
}

/// Joins the lines of a multi-line input into one query line.
fn join_lines(input: &str) -> String {
    input
        .lines()
        .map(|l| l.trim_end().trim_end_matches('\\').trim())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The longest tail of `line[..pos]` that starts a known word, with the
/// words it starts (accents and case ignored): "who supplies Coree du S"
/// gives the start of "Coree du S" and ["Corée du Sud"].
fn matches_at<'w>(words: &'w [String], line: &str, pos: usize) -> Option<(usize, Vec<&'w String>)> {
    let head = &line[..pos];
    let starts = std::iter::once(0).chain(
        head.char_indices()
            .filter(|&(_, c)| matches!(c, ' ' | '"' | '('))
            .map(|(i, c)| i + c.len_utf8()),
    );
    for start in starts {
        let prefix = crate::text::fold_str(&head[start..]);
        if prefix.trim().is_empty() {
            continue;
        }
        let found: Vec<&String> = words
            .iter()
            .filter(|w| crate::text::fold_str(w).starts_with(&prefix))
            .collect();
        if !found.is_empty() {
            return Some((start, found));
        }
    }
    None
}

impl Completer for Complete {
    type Candidate = Pair;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let Some((start, found)) = matches_at(&self.words, line, pos) else {
            return Ok((pos, Vec::new()));
        };
        let candidates = found
            .into_iter()
            .map(|w| Pair {
                display: w.clone(),
                replacement: w.clone(),
            })
            .collect();
        Ok((start, candidates))
    }
}

/// Runs the REPL on stdin: interactive on a terminal, a script otherwise.
pub fn run(mut session: Session, interactive: bool) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    if !interactive {
        let errors = session.run_script(
            "<stdin>",
            std::io::stdin().lock(),
            &mut stdout.lock(),
            &mut std::io::stderr().lock(),
        )?;
        if session.is_dirty() {
            eprintln!("newsgraph: the script's .ingest changes were not saved (end it with .save)");
        }
        if errors > 0 {
            anyhow::bail!("{errors} error(s) in the script");
        }
        return Ok(());
    }
    use std::io::IsTerminal;
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    session.set_color(color);
    // Ctrl-C while a query runs sets the flag; during line editing rustyline
    // reads it as a key and cancels the line instead
    let stop = session.stop_flag();
    ctrlc::set_handler(move || stop.store(true, Ordering::Relaxed))?;
    // Tab completes what all candidates share, and a second Tab lists them
    let config = rustyline::Config::builder()
        .completion_type(rustyline::CompletionType::List)
        .build();
    let mut editor: Editor<Complete, rustyline::history::DefaultHistory> =
        Editor::with_config(config)?;
    editor.set_helper(Some(Complete {
        words: session.completions(),
        history: HistoryHinter::default(),
        color,
    }));
    let history = history_path();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    let source = session
        .store_path
        .as_ref()
        .map_or("the demo corpus".to_string(), |p| p.display().to_string());
    println!(
        "newsgraph: {source}: {} entities, {} facts. Type .help for help.",
        session.store.entity_count(),
        session.store.fact_count()
    );
    // the lines of a statement still open (a brace, a quote, a trailing `\`)
    let mut pending = String::new();
    loop {
        let prompt = if pending.is_empty() {
            PROMPT
        } else {
            CONTINUATION_PROMPT
        };
        let quit = match editor.readline(prompt) {
            Ok(line) => {
                pending.push_str(&line);
                pending.push('\n');
                if is_incomplete(&pending) {
                    continue;
                }
                let statement = join_lines(&std::mem::take(&mut pending));
                let _ = editor.add_history_entry(statement.as_str());
                let next = session.handle(&statement, &mut stdout.lock())?;
                if let Some(h) = editor.helper_mut() {
                    h.words = session.completions();
                }
                next == Next::Quit
            }
            Err(ReadlineError::Interrupted) => {
                pending.clear();
                continue;
            }
            Err(ReadlineError::Eof) if !pending.is_empty() => {
                // Ctrl-D in an unfinished statement drops it, as sqlite3 does
                pending.clear();
                println!();
                continue;
            }
            Err(ReadlineError::Eof) => true,
            Err(e) => return Err(e.into()),
        };
        if quit && confirm_quit(&mut editor, &mut session)? {
            break;
        }
    }
    if let Some(h) = &history {
        if let Some(dir) = h.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        editor.save_history(h)?;
    }
    Ok(())
}

/// Before leaving a session whose `.ingest` changes are unsaved, asks
/// whether to save them. True to leave; false (Ctrl-C, or no file to save
/// to) to go back to the prompt.
fn confirm_quit(
    editor: &mut Editor<Complete, rustyline::history::DefaultHistory>,
    session: &mut Session,
) -> anyhow::Result<bool> {
    if !session.is_dirty() {
        return Ok(true);
    }
    let Some(path) = session.store_path.clone() else {
        println!("unsaved .ingest changes: .save FILE to keep them, .quit again to drop them");
        session.dirty = false;
        return Ok(false);
    };
    loop {
        let prompt = format!("save the .ingest changes to {}? [y/n] ", path.display());
        match editor.readline(&prompt) {
            Ok(a) if a.trim().eq_ignore_ascii_case("y") => {
                store::save(&session.store, &path)?;
                println!("saved {}", path.display());
                return Ok(true);
            }
            Ok(a) if a.trim().eq_ignore_ascii_case("n") => return Ok(true),
            Ok(_) => continue,
            Err(ReadlineError::Interrupted) => return Ok(false),
            Err(ReadlineError::Eof) => return Ok(true),
            Err(e) => return Err(e.into()),
        }
    }
}

/// Where the REPL keeps its history: `$NEWSGRAPH_HISTORY`, else the user's data folder.
pub fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NEWSGRAPH_HISTORY") {
        return Some(PathBuf::from(p));
    }
    dirs::data_dir().map(|d| d.join("newsgraph").join("history.txt"))
}
