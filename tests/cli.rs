#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The binary tested as a user runs it: a temp directory per test, real files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join(rel)
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("run newsgraph");
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The articles a store file holds (the gazetteer's geography is a document too).
fn article_docs(store_file: &Path) -> usize {
    let store = newsgraph::store::load(store_file).unwrap();
    store
        .docs()
        .iter()
        .filter(|d| !d.starts_with("gazetteer:"))
        .count()
}

/// The JSON answer to a question over `store`.
fn ask_json(store: &Path, question: &str) -> serde_json::Value {
    let out = run(bin()
        .args(["ask", question, "--format", "json", "--store"])
        .arg(store));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The REPL over `store` reading `script` from stdin, as `newsgraph repl < FILE` does.
fn repl_script(store: &Path, script: &str) -> Output {
    let mut child = bin()
        .args(["repl", "--store"])
        .arg(store)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), script.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn seeds_store(dir: &Path) -> PathBuf {
    let store = dir.join("s.ng");
    run(bin()
        .arg("ingest")
        .arg(shared("seeds"))
        .arg("--store")
        .arg(&store));
    store
}

#[test]
fn extract_writes_one_schema_line_per_document() {
    let out = run(bin().arg("extract").arg(shared("seeds")));
    let text = stdout(&out);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    for doc in &lines {
        assert!(doc["doc"].as_str().unwrap().ends_with(".txt"));
        assert!(matches!(doc["lang"].as_str(), Some("fr" | "en")));
        let names: Vec<&str> = doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap())
            .collect();
        for t in doc["triples"].as_array().unwrap() {
            assert!(names.contains(&t["s"].as_str().unwrap()), "{t}");
            assert!(names.contains(&t["o"].as_str().unwrap()), "{t}");
            let ev = &t["evidence"];
            assert!(ev["end"].as_u64().unwrap() > ev["start"].as_u64().unwrap());
        }
    }
    // evidence offsets point into the real article
    let amazon = lines
        .iter()
        .find(|d| d["doc"] == "003_7e64559809aeb7d5.txt")
        .unwrap();
    let original = std::fs::read_to_string(shared("seeds/003_7e64559809aeb7d5.txt")).unwrap();
    let t = amazon["triples"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["p"] == "invests_in" && t["s"] == "Amazon")
        .unwrap();
    let (s, e) = (
        t["evidence"]["start"].as_u64().unwrap() as usize,
        t["evidence"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&original[s..e], t["evidence"]["text"].as_str().unwrap());
    assert_eq!(t["amount"]["value"].as_f64(), Some(5e9));
    assert_eq!(t["amount"]["currency"], "USD");
    assert_eq!(t["year"], 2031);
}

#[test]
fn who_invested_in_south_korea_lists_blackrock_and_amazon_with_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    for q in [
        "who invested in South Korea",
        "qui a investi en Corée du Sud ?",
        "who invested in south korea",
    ] {
        let out = run(bin()
            .args(["ask", q, "--format", "json", "--store"])
            .arg(&store));
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let first_col = v["columns"][0].as_str().unwrap();
        let rows = v["rows"].as_array().unwrap();
        let names: Vec<&str> = rows
            .iter()
            .map(|r| r[first_col].as_str().unwrap())
            .collect();
        assert!(
            names.contains(&"BlackRock") && names.contains(&"Amazon"),
            "{q}: {names:?}"
        );
        for r in rows {
            let ev = r["evidence"].as_array().unwrap();
            assert!(!ev.is_empty());
            assert!(ev[0]["text"].as_str().unwrap().len() > 20);
            assert!(ev[0]["doc"].as_str().unwrap().ends_with(".txt"));
        }
    }
}

#[test]
fn qui_a_investi_au_maroc_lists_the_consortium() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let out = stdout(&run(bin()
        .args(["ask", "qui a investi au Maroc ?", "--store"])
        .arg(&store)));
    for name in ["Naver", "Nvidia", "Nexus Core Systems", "Llyods Capital"] {
        assert!(out.contains(name), "{name} missing from\n{out}");
    }
}

#[test]
fn dot_export_is_accepted_by_graphviz() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let dot = dir.path().join("g.dot");
    run(bin()
        .args(["export", "dot", "-o"])
        .arg(&dot)
        .arg("--store")
        .arg(&store));
    let svg = Command::new("dot")
        .arg("-Tsvg")
        .arg(&dot)
        .output()
        .expect("graphviz's dot is installed by .ci/run");
    assert!(
        svg.status.success(),
        "{}",
        String::from_utf8_lossy(&svg.stderr)
    );
    assert!(String::from_utf8_lossy(&svg.stdout).contains("<svg"));
}

#[test]
fn one_bad_article_is_reported_and_the_others_go_in() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("in");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(
        articles.join("good.txt"),
        "Le groupe américain Amazon va investir 5 milliards de dollars en Corée du Sud.",
    )
    .unwrap();
    std::fs::write(articles.join("bad.txt"), [0xff, 0xfe, 0x41]).unwrap();
    let store = dir.path().join("s.ng");
    let out = bin()
        .arg("ingest")
        .arg(&articles)
        .arg("--store")
        .arg(&store)
        .output()
        .unwrap();
    // the skip is an error on stderr and in the exit code; the rest went in
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.txt: not UTF-8"), "{err}");
    let text = stdout(&out);
    assert!(text.contains("1 documents"), "{text}");
    let ans = stdout(&run(bin()
        .args(["ask", "who invested in South Korea", "--store"])
        .arg(&store)));
    assert!(ans.contains("Amazon"), "{ans}");
}

#[test]
fn a_damaged_store_is_an_error_that_names_it_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.ng");
    std::fs::write(&store, "not a store").unwrap();
    let out = bin()
        .args(["ingest"])
        .arg(shared("seeds"))
        .arg("--store")
        .arg(&store)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("s.ng:1:"), "{err}");
    assert_eq!(std::fs::read_to_string(&store).unwrap(), "not a store");
}

#[test]
fn every_saved_query_runs() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let queries = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut n = 0;
    for entry in std::fs::read_dir(queries).unwrap() {
        let path = entry.unwrap().path();
        let out = run(bin().arg("run").arg(&path).arg("--store").arg(&store));
        assert!(stdout(&out).contains("sources"), "{}", path.display());
        n += 1;
    }
    assert!(n >= 5);
    let maroc = stdout(&run(bin()
        .arg("run")
        .arg("queries/investors-by-country.ron")
        .args(["--param", "country=Maroc", "--store"])
        .arg(&store)));
    assert!(maroc.contains("Naver"), "{maroc}");
}

#[test]
fn repl_reads_a_script_from_stdin() {
    use std::io::Write;
    let mut child = bin()
        .arg("repl")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"who invested in South Korea\n.why 1\n.stats\n.quit\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Amazon"), "{text}");
    assert!(text.contains(".txt ["), "{text}");
    assert!(text.contains("entities,"), "{text}");
}

#[test]
fn parse_errors_point_at_the_column() {
    let out = bin()
        .args(["ask", "?x invests_in {amount ?a ?p"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("column 26: expected ',' or '}'"), "{err}");
    assert!(err.contains("\n                           ^"), "{err}");
}

/// `newsgraph train` is a pure function of its inputs: the same articles and
/// gold give the same weights, byte for byte, and they load back.
#[test]
fn train_twice_gives_identical_weights() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    for out in [&a, &b] {
        let st = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .arg("train")
            .arg("--texts")
            .arg(shared.join("eval/dev/texts"))
            .arg("--gold")
            .arg(shared.join("eval/dev/gold"))
            .arg("-o")
            .arg(out)
            .status()
            .unwrap();
        assert!(st.success());
    }
    let (wa, wb) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_eq!(wa, wb);
    let w = newsgraph::extract::decide::Weights::from_file(&a).unwrap();
    assert!(!w.invest.weights.is_empty() && !w.supply.weights.is_empty());
    // the weights are used: extraction with them runs and differs from none at all
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .arg("extract")
        .arg("--model")
        .arg(&a)
        .arg(shared.join("seeds"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 5);
}

/// A training run with no gold beside the articles says so and fails.
#[test]
fn train_without_gold_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Amazon va investir en France.").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["train", "--texts"])
        .arg(dir.path())
        .arg("--gold")
        .arg(dir.path())
        .arg("-o")
        .arg(dir.path().join("w.ron"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article"));
}

/// An amount too large for a float once went into the store as `null` and
/// every later command failed on it: the store must stay loadable.
#[test]
fn null_amount_never_reaches_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("huge.txt");
    let zeros = "0".repeat(400);
    std::fs::write(
        &article,
        format!("Acme Corp will invest $1{zeros} billion in a data centre in France."),
    )
    .unwrap();
    let store = dir.path().join("s.ng");
    run(bin().arg("ingest").arg(&article).arg("--store").arg(&store));
    // --explain says what was dropped and why
    let explain = run(bin().arg("extract").arg("--explain").arg(&article));
    assert!(
        stdout(&explain).contains("dropped: not a finite amount within 1e15"),
        "{}",
        stdout(&explain)
    );
    let v = ask_json(&store, "who invested in France");
    for r in v["rows"].as_array().unwrap() {
        assert!(
            r["amount"].is_null() || r["amount"].as_f64().is_some_and(|a| a <= 1e15),
            "{r}"
        );
    }
}

/// `ingest` then `ask` with no flag once answered from the demo corpus: every
/// command now reads the store `ingest` wrote in the current folder, or the
/// one `$NEWSGRAPH_STORE` names.
#[test]
fn ask_after_ingest_uses_the_new_store_without_a_flag() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Le groupe Zorblax va investir 3 milliards d'euros au Portugal pour construire un centre de données.",
    )
    .unwrap();
    run(bin()
        .current_dir(dir.path())
        .env_remove("NEWSGRAPH_STORE")
        .arg("ingest")
        .arg(&article));
    assert!(dir.path().join("newsgraph.ng").is_file());
    let out = run(bin()
        .current_dir(dir.path())
        .env_remove("NEWSGRAPH_STORE")
        .args(["ask", "who invested in Portugal"]));
    assert!(stdout(&out).contains("Zorblax"), "{}", stdout(&out));
    // $NEWSGRAPH_STORE names another store, for ingest and ask alike
    let other = dir.path().join("other.ng");
    let elsewhere = tempfile::tempdir().unwrap();
    run(bin()
        .current_dir(elsewhere.path())
        .env("NEWSGRAPH_STORE", &other)
        .arg("ingest")
        .arg(&article));
    assert!(other.is_file());
    let out = run(bin()
        .current_dir(elsewhere.path())
        .env("NEWSGRAPH_STORE", &other)
        .args(["ask", "qui a investi au Portugal ?"]));
    assert!(stdout(&out).contains("Zorblax"), "{}", stdout(&out));
    // with neither, the demo corpus answers
    let out = run(bin()
        .current_dir(elsewhere.path())
        .env_remove("NEWSGRAPH_STORE")
        .args(["ask", "who invested in South Korea"]));
    assert!(stdout(&out).contains("Amazon") && !stdout(&out).contains("Zorblax"));
}

/// Two ingests into one store once lost half the documents with exit 0:
/// the writers' lock makes the second merge into the first's result.
#[test]
fn concurrent_writers_lose_no_document() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let mut names: Vec<PathBuf> = std::fs::read_dir(shared("eval/dev/texts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for (k, p) in names.iter().take(40).enumerate() {
        let to = if k % 2 == 0 { &a } else { &b };
        std::fs::copy(p, to.join(p.file_name().unwrap())).unwrap();
    }
    for trial in 0..10 {
        let store = dir.path().join(format!("s{trial}.ng"));
        let spawn = |folder: &Path| {
            bin()
                .arg("ingest")
                .arg(folder)
                .arg("--store")
                .arg(&store)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        };
        let (mut x, mut y) = (spawn(&a), spawn(&b));
        assert!(x.wait().unwrap().success() && y.wait().unwrap().success());
        assert_eq!(article_docs(&store), 40, "trial {trial}");
    }
}

/// With --no-wait a second writer fails at once and says why, leaving the store alone.
#[test]
fn second_writer_with_no_wait_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let before = std::fs::read(&store).unwrap();
    let _held = newsgraph::store::StoreLock::acquire(&store).unwrap();
    let out = bin()
        .arg("ingest")
        .arg(shared("eval/dev/texts"))
        .arg("--store")
        .arg(&store)
        .arg("--no-wait")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("another newsgraph is writing"));
    assert_eq!(std::fs::read(&store).unwrap(), before);
}

/// Skipped files were reported on stdout with exit 0, and an empty store was
/// created when nothing could be read.
#[test]
fn skipped_inputs_go_to_stderr_and_fail_the_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    let bad = dir.path().join("bad.txt");
    std::fs::write(
        &good,
        "Le groupe Zorblax va investir 3 milliards d'euros au Portugal.",
    )
    .unwrap();
    std::fs::write(&bad, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let store = dir.path().join("s.ng");
    let out = bin()
        .arg("ingest")
        .arg(&good)
        .arg(&bad)
        .arg("--store")
        .arg(&store)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.txt") && err.contains("1 article(s) went in"),
        "{err}"
    );
    assert!(!stdout(&out).contains("bad.txt"));
    // the good article went in all the same
    assert_eq!(article_docs(&store), 1);
    // nothing readable: no store is created
    let none = dir.path().join("none.ng");
    let out = bin()
        .arg("ingest")
        .arg(&bad)
        .arg("--store")
        .arg(&none)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(!none.exists());
}

/// A store from interchange lines written for the test.
fn facts_store(dir: &Path, docs: &[serde_json::Value]) -> PathBuf {
    let facts = dir.join("facts.jsonl");
    let text: Vec<String> = docs.iter().map(|d| d.to_string()).collect();
    std::fs::write(&facts, text.join("\n")).unwrap();
    let store = dir.join("facts.ng");
    run(bin()
        .args(["ingest", "--facts"])
        .arg(&facts)
        .arg("--store")
        .arg(&store));
    store
}

fn deal_doc() -> serde_json::Value {
    // one deal, three partners, the amount stated for the deal; and a
    // second deal in another currency
    let ev = serde_json::json!({"start": 0, "end": 5, "text": "x"});
    serde_json::json!({
        "doc": "deal.txt", "lang": "en",
        "entities": [
            {"name": "Alpha", "type": "Organization"},
            {"name": "Beta", "type": "Organization"},
            {"name": "Gamma", "type": "Organization"},
            {"name": "Delta", "type": "Organization"},
            {"name": "Kenya", "type": "Country"},
            {"name": "Kenya campus", "type": "Project"},
            {"name": "Nairobi hub", "type": "Project"}
        ],
        "triples": [
            {"s": "Alpha", "p": "invests_in", "o": "Kenya campus", "amount": {"value": 3e9, "currency": "USD"}, "year": 2030, "evidence": ev},
            {"s": "Beta", "p": "invests_in", "o": "Kenya campus", "amount": {"value": 3e9, "currency": "USD"}, "evidence": ev},
            {"s": "Gamma", "p": "invests_in", "o": "Kenya campus", "amount": {"value": 3e9, "currency": "USD"}, "evidence": ev},
            {"s": "Delta", "p": "invests_in", "o": "Nairobi hub", "amount": {"value": 2e8, "currency": "EUR"}, "evidence": ev},
            {"s": "Kenya campus", "p": "located_in", "o": "Kenya", "evidence": ev},
            {"s": "Nairobi hub", "p": "located_in", "o": "Kenya", "evidence": ev}
        ]
    })
}

/// Amounts once came out as display strings ("2.9 bn") and years as
/// strings: JSON and CSV now carry numbers.
#[test]
fn json_and_csv_numbers_are_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let store = facts_store(dir.path(), &[deal_doc()]);
    let v = ask_json(&store, "who invested in Kenya");
    let alpha = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["investor"] == "Alpha")
        .unwrap();
    assert_eq!(alpha["amount"].as_f64(), Some(3e9), "{alpha}");
    assert_eq!(alpha["year"].as_i64(), Some(2030), "{alpha}");
    assert_eq!(alpha["currency"], "USD");
    let out = run(bin()
        .args(["ask", "who invested in Kenya", "--format", "csv", "--store"])
        .arg(&store));
    assert!(
        stdout(&out).contains("Alpha,3000000000,USD,2030,1"),
        "{}",
        stdout(&out)
    );
    // the table keeps the human form
    let out = run(bin()
        .args(["ask", "who invested in Kenya", "--store"])
        .arg(&store));
    assert!(stdout(&out).contains("3 bn"), "{}", stdout(&out));
}

/// A deal with three partners was added three times to the total, and
/// currencies must never be added together.
#[test]
fn a_three_partner_deal_counts_once_and_no_sum_mixes_currencies() {
    let dir = tempfile::tempdir().unwrap();
    let store = facts_store(dir.path(), &[deal_doc()]);
    let v = ask_json(&store, "total investment in Kenya");
    let rows = v["rows"].as_array().unwrap();
    let by = |cur: &str| rows.iter().find(|r| r["currency"] == cur).unwrap().clone();
    assert_eq!(by("USD")["sum_amount"].as_f64(), Some(3e9));
    assert_eq!(by("USD")["count_investor"].as_i64(), Some(3));
    assert_eq!(by("EUR")["sum_amount"].as_f64(), Some(2e8));
    assert_eq!(rows.len(), 2, "{v}");
}

/// The same deal met twice with another between (partners listed A, B, C,
/// A and C stating one amount, B its own) still counts once.
#[test]
fn a_deal_met_again_after_another_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = deal_doc();
    doc["triples"][1]["amount"]["value"] = serde_json::json!(1e9);
    let store = facts_store(dir.path(), &[doc]);
    let v = ask_json(&store, "total investment in Kenya");
    let rows = v["rows"].as_array().unwrap();
    let usd = rows.iter().find(|r| r["currency"] == "USD").unwrap();
    assert_eq!(usd["sum_amount"].as_f64(), Some(4e9), "{v}");
}

/// A FIFO named like an article hung `ingest`, and /dev/zero was read until
/// memory ran out: only regular files are read, each under a size bound.
#[test]
fn fifo_and_dev_zero_are_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("x.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let out = bin()
        .arg("extract")
        .arg(&fifo)
        .arg("/dev/zero")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("x.txt: not a regular file"), "{err}");
    assert!(err.contains("/dev/zero: not a regular file"), "{err}");
    // a regular file over the bound is skipped with the bound named
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "Acme invests. ".repeat(200)).unwrap();
    let out = bin()
        .args(["extract", "--max-article-bytes", "1000"])
        .arg(&big)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("more than the 1000-byte limit"));
}

/// A zero-width space inside a name ("Nvi\u{200B}dia") once hid it.
#[test]
fn zero_width_name_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("zw.txt");
    std::fs::write(
        &a,
        "Nvi\u{200B}dia va livrer 10 000 puces au groupe Zorblax en France.",
    )
    .unwrap();
    let out = run(bin().arg("extract").arg(&a));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Nvidia"), "{names:?}");
}

/// A kill -9 during a save left a store-sized temporary file for ever: the
/// next writer removes it. A symlinked store stays a symlink, and the file
/// keeps its mode.
#[test]
fn stale_temp_files_are_removed_and_symlinks_and_modes_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ng");
    run(bin()
        .arg("ingest")
        .arg(shared("seeds"))
        .arg("--store")
        .arg(&real));
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let stale = dir.path().join(".real.ng.tmp-crashed");
    std::fs::write(&stale, "half a store").unwrap();
    let link = dir.path().join("link.ng");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = run(bin()
        .arg("ingest")
        .arg(shared("eval/dev/texts/en-aws-australia-au20-billion.txt"))
        .arg("--store")
        .arg(&link));
    assert!(!stale.exists());
    assert!(String::from_utf8_lossy(&out.stderr).contains(".real.ng.tmp-crashed"));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(article_docs(&real), 6);
}

/// 30 kill -9 at moments spread over an ingest into a store of 2,475 articles: the store
/// always loads and holds the old or the new content, and no temporary file
/// is left after the next successful command.
#[test]
fn kill_nine_during_ingest_never_tears_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("big.ng");
    // the dev set under 25 names
    let corpus = dir.path().join("corpus");
    for k in 0..25 {
        let sub = corpus.join(format!("c{k:02}"));
        std::fs::create_dir_all(&sub).unwrap();
        for e in std::fs::read_dir(shared("eval/dev/texts")).unwrap() {
            let p = e.unwrap().path();
            let name = format!("c{k:02}-{}", p.file_name().unwrap().to_string_lossy());
            std::fs::copy(&p, sub.join(name)).unwrap();
        }
    }
    run(bin().arg("ingest").arg(&corpus).arg("--store").arg(&store));
    let docs = article_docs;
    let before = docs(&store);
    let articles = std::fs::read_dir(shared("eval/dev/texts")).unwrap().count();
    assert_eq!(before, 25 * articles);
    let extra = dir.path().join("extra.txt");
    std::fs::write(
        &extra,
        "Le groupe Zorblax va investir 3 milliards d'euros au Portugal.",
    )
    .unwrap();
    // deterministic spread of kill moments over the run
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..30 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay = std::time::Duration::from_millis(20 + (seed >> 33) % 600);
        let mut child = bin()
            .arg("ingest")
            .arg(&extra)
            .arg("--store")
            .arg(&store)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let n = docs(&store);
        assert!(n == before || n == before + 1, "{n} documents");
    }
    run(bin().arg("ingest").arg(&extra).arg("--store").arg(&store));
    let litter: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(litter.is_empty(), "{litter:?}");
    assert_eq!(docs(&store), before + 1);
}

/// "who invested in Asia" found almost nothing: countries sit in their
/// continent and the usual regions, so questions on a region follow them.
#[test]
fn who_invested_in_asia_includes_an_investor_in_an_asian_city() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(
        &a,
        "Le groupe Zorblax va investir 2 milliards de dollars pour construire un centre de données à Osaka.",
    )
    .unwrap();
    let b = dir.path().join("b.txt");
    std::fs::write(
        &b,
        "The firm Kestrel Systems will invest $1 billion to build a data centre in Nairobi.",
    )
    .unwrap();
    let store = dir.path().join("s.ng");
    run(bin()
        .arg("ingest")
        .arg(&a)
        .arg(&b)
        .arg("--store")
        .arg(&store));
    for q in [
        "who invested in Asia",
        "qui a investi en Asie ?",
        "who invested in Asia-Pacific",
        "who invested in East Asia",
    ] {
        let out = stdout(&run(bin().args(["ask", q, "--store"]).arg(&store)));
        assert!(
            out.contains("Zorblax") && !out.contains("Kestrel"),
            "{q}: {out}"
        );
    }
    let out = stdout(&run(bin()
        .args(["ask", "qui a investi en Afrique ?", "--store"])
        .arg(&store)));
    assert!(out.contains("Kestrel") && !out.contains("Zorblax"), "{out}");
}

/// Saved-query parameters could not contain a space in the REPL.
#[test]
fn saved_query_parameter_with_a_space() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let script = format!(
        ".load {}\n.investors country=\"South Korea\"\n",
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("queries/investors-by-country.ron")
            .display()
    );
    let mut child = bin()
        .args(["repl", "--store"])
        .arg(&store)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), script.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("BlackRock") && text.contains("Amazon"),
        "{text}"
    );
}

/// `.read` of itself overflowed the stack: it stops at a depth bound.
#[test]
fn read_recursion_stops_with_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("self.txt");
    std::fs::write(&script, format!(".read {}\n", script.display())).unwrap();
    let mut child = bin()
        .arg("repl")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        &mut child.stdin.take().unwrap(),
        format!(".read {}\n", script.display()).as_bytes(),
    )
    .unwrap();
    let out = child.wait_with_output().unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(all.contains("nested 16 deep"), "{all}");
}

/// Scripts printed errors on stdout with no line number and exited 0: an
/// error on line 3 of a 5-line script is `NAME:3:` on stderr and exit 1;
/// `.bail off` (the default) runs lines 4-5, `.bail on` stops.
#[test]
fn script_errors_name_their_line_and_fail_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let run_script = |script: &str| repl_script(&store, script);
    let out = run_script(
        "who invested in South Korea\n# a comment\nwho leads Nvidiaa\nqui a investi au Maroc ?\n.stats\n",
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("<stdin>:3: error: no entity named \"Nvidiaa\""),
        "{err}"
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("Nvidiaa"), "errors stay off stdout: {text}");
    assert!(
        text.contains("Naver") && text.contains("documents"),
        "lines 4-5 ran: {text}"
    );
    let out = run_script(".bail on\nwho leads Nvidiaa\nqui a investi au Maroc ?\n");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:2:"));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Naver"));
}

/// Extraction on all cores writes the same bytes as on one, in input order,
/// across batch boundaries (the dev set three times over is 297 articles).
#[test]
fn all_cores_write_what_one_core_writes() {
    let dir = tempfile::tempdir().unwrap();
    for k in 0..3 {
        for e in std::fs::read_dir(shared("eval/dev/texts")).unwrap() {
            let p = e.unwrap().path();
            let name = format!("{k}-{}", p.file_name().unwrap().to_string_lossy());
            std::fs::copy(&p, dir.path().join(name)).unwrap();
        }
    }
    let one = run(bin()
        .arg("extract")
        .arg(dir.path())
        .env("RAYON_NUM_THREADS", "1"));
    let all = run(bin()
        .arg("extract")
        .arg(dir.path())
        .env("RAYON_NUM_THREADS", "4"));
    assert_eq!(stdout(&one).lines().count(), 297);
    assert!(one.stdout == all.stdout);
}

/// `check` finds every bad record of a damaged store and `repair` writes a
/// copy without them that every command loads; the damaged file is kept.
#[test]
fn check_lists_bad_records_and_repair_writes_a_loadable_copy() {
    let dir = tempfile::tempdir().unwrap();
    let good = seeds_store(dir.path());
    let ok = run(bin().arg("check").arg(&good));
    assert!(stdout(&ok).contains(": ok ("), "{}", stdout(&ok));
    // a JSON store (version 1) with a null amount and a fact naming a missing entity
    let json = run(bin().args(["export", "store-json", "--store"]).arg(&good));
    let mut v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let facts = v["facts"].as_array_mut().unwrap();
    let total = facts.len();
    let with_amount = facts
        .iter()
        .position(|f| f["support"][0]["amount"].is_array())
        .unwrap();
    facts[with_amount]["support"][0]["amount"] = serde_json::json!([null, "USD"]);
    facts[0]["o"] = serde_json::json!(999_999);
    let bad = dir.path().join("bad.ng");
    let text = serde_json::to_string(&v).unwrap();
    std::fs::write(&bad, &text).unwrap();
    let out = bin().arg("check").arg(&bad).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("fact {with_amount}")), "{err}");
    assert!(err.contains("fact 0 names entity"), "{err}");
    assert!(err.contains("2 problem(s)"), "{err}");
    // every other command refuses it, naming the file and position
    let ask = bin()
        .args(["ask", "who invested in South Korea", "--store"])
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!ask.status.success());
    assert!(String::from_utf8_lossy(&ask.stderr).contains("bad.ng:1:"));
    let fixed = dir.path().join("fixed.ng");
    let out = run(bin().arg("repair").arg(&bad).arg("-o").arg(&fixed));
    assert!(String::from_utf8_lossy(&out.stderr).contains("left out: fact 0"));
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        text,
        "the damaged store is kept"
    );
    run(bin().arg("check").arg(&fixed));
    let store = newsgraph::store::load(&fixed).unwrap();
    // the fact naming a missing entity is gone; the one with the null amount
    // had one piece of evidence, so it is gone too
    assert_eq!(store.fact_count(), total - 2);
    run(bin()
        .args(["ask", "who invested in South Korea", "--store"])
        .arg(&fixed));
    // a binary store with a damaged byte: check says so, repair recovers it
    // (a letter of an evidence sentence changes case: the payload still decodes)
    let mut bytes = std::fs::read(&good).unwrap();
    // (a common word of either language: which sentences the store keeps
    // depends on what the extractor reads in the seeds)
    let at = [&b" the "[..], b" des ", b" les "]
        .iter()
        .find_map(|word| bytes.windows(word.len()).position(|w| w == *word))
        .unwrap();
    bytes[at + 1] ^= 0x20;
    let flipped = dir.path().join("flipped.ng");
    std::fs::write(&flipped, &bytes).unwrap();
    let out = bin().arg("check").arg(&flipped).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("checksum mismatch"));
    let refused = bin()
        .arg("repair")
        .arg(&flipped)
        .arg("-o")
        .arg(&flipped)
        .output()
        .unwrap();
    assert!(
        !refused.status.success(),
        "repair never overwrites the damaged store"
    );
    run(bin().arg("repair").arg(&flipped).arg("-o").arg(&fixed));
    run(bin().arg("check").arg(&fixed));
}

/// `order by` an amount ranks within each currency: 500 bn JPY (about 3 bn
/// USD) is never ranked against 2 bn USD as if both were dollars.
#[test]
fn order_by_an_amount_never_mixes_currencies() {
    let dir = tempfile::tempdir().unwrap();
    let facts = dir.path().join("f.jsonl");
    let line = |inv: &str, value: f64, cur: &str| {
        serde_json::json!({"doc": format!("{inv}.txt"), "lang": "en",
            "entities": [{"name": inv, "type": "Organization"}, {"name": "Japan", "type": "Country"},
                         {"name": format!("{inv} project"), "type": "Project"}],
            "triples": [{"s": inv, "p": "invests_in", "o": format!("{inv} project"),
                         "amount": {"value": value, "currency": cur}},
                        {"s": format!("{inv} project"), "p": "located_in", "o": "Japan"}]})
        .to_string()
    };
    let lines = [
        line("Kiwa", 5e11, "JPY"),
        line("Orvo", 2e9, "USD"),
        line("Brel", 1e9, "USD"),
        line("Tamo", 9e11, "JPY"),
    ];
    std::fs::write(&facts, lines.join("\n")).unwrap();
    let store = dir.path().join("s.ng");
    run(bin()
        .arg("ingest")
        .arg("--facts")
        .arg(&facts)
        .arg("--store")
        .arg(&store));
    let v = ask_json(
        &store,
        "?i invests_in {amount ?a, currency ?c} ?p select ?i, ?c order by ?a desc",
    );
    let order: Vec<(&str, &str)> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["i"].as_str().unwrap(), r["c"].as_str().unwrap()))
        .collect();
    assert_eq!(
        order,
        [
            ("Tamo", "JPY"),
            ("Kiwa", "JPY"),
            ("Orvo", "USD"),
            ("Brel", "USD")
        ]
    );
}

/// `export dot --depth 18446744073709551615` once hung: the depth is
/// bounded by the graph, and the export ends.
#[test]
fn a_huge_export_depth_ends() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let out = run(bin()
        .args([
            "export",
            "dot",
            "--focus",
            "Nvidia",
            "--depth",
            "18446744073709551615",
            "--store",
        ])
        .arg(&store));
    assert!(stdout(&out).starts_with("digraph"));
}

/// One unbalanced quote once swallowed every later line of a script, a
/// final `.save` included: the statement is an error at its line, and the
/// run says so.
#[test]
fn an_unbalanced_quote_in_a_script_is_an_error_not_a_silent_swallow() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let out = repl_script(
        &store,
        "who invested in South Korea\n?x invests_in \"Morocco\n.stats\n",
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("<stdin>:2:"), "{err}");
}

/// Every `.mode` renders the same answer its own way, `.mode` alone names
/// the current one, and `.maxrows` truncates with a count.
#[test]
fn repl_modes_and_maxrows() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let q = "who invested in South Korea\n";
    let script = format!(
        ".mode\n.mode box\n.mode\n{q}.mode markdown\n{q}.mode line\n{q}.mode tsv\n{q}.mode jsonl\n{q}.mode table\n.maxrows 1\n{q}"
    );
    let out = repl_script(&store, &script);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(text.starts_with("table\nbox\n"), "{text}");
    assert!(text.contains("│ 3 ┆ BlackRock"), "box: {text}");
    assert!(text.contains("| 3 | BlackRock"), "markdown: {text}");
    assert!(text.contains("investor = BlackRock"), "line: {text}");
    assert!(
        text.contains("investor\tamount\tcurrency\tyear\tsources"),
        "tsv: {text}"
    );
    let jsonl: Vec<serde_json::Value> = text
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(jsonl.len(), 3, "jsonl: {text}");
    assert_eq!(jsonl[0]["amount"], serde_json::json!(5_000_000_000i64));
    assert!(
        text.ends_with("... 2 more row(s) of 3 (.maxrows 0 shows all)\n"),
        "{text}"
    );
}

/// `.output |CMD` pipes answers through a command, `.once FILE` catches the
/// next answer only, and neither ever receives colour codes or errors.
#[test]
fn repl_output_pipes_and_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let piped = dir.path().join("piped.txt");
    let once = dir.path().join("once.txt");
    let script = format!(
        ".output |tr a-z A-Z > {}\nwho invested in South Korea\nno such question here\n.output\n.once {}\nwho invested in Morocco\nwho leads BlackRock\n",
        piped.display(),
        once.display()
    );
    let out = repl_script(&store, &script);
    let piped = std::fs::read_to_string(&piped).unwrap();
    assert!(piped.contains("BLACKROCK"), "{piped}");
    assert!(
        !piped.contains("ERROR") && !piped.contains('\x1b'),
        "{piped}"
    );
    let once = std::fs::read_to_string(&once).unwrap();
    assert!(
        once.contains("Naver") && !once.contains("Larry Fink"),
        "{once}"
    );
    // the answer after the .once one is back on the screen
    assert!(stdout(&out).contains("Larry Fink"), "{}", stdout(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:3: error"));
}

/// `.export dot` of an answer draws the facts each row rests on (the
/// project between investor and country), not the bare answer names.
#[test]
fn repl_dot_of_an_answer_draws_its_supporting_facts() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let dot = dir.path().join("a.dot");
    let script = format!(
        "who invested in South Korea\n.export dot {}\n",
        dot.display()
    );
    let out = repl_script(&store, &script);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&dot).unwrap();
    assert!(
        text.contains("label=\"Amazon project in South Korea\""),
        "{text}"
    );
    assert!(text.contains("label=\"invests_in\\n5 bn USD\""), "{text}");
    assert!(text.contains("label=\"located_in\""), "{text}");
    let svg = Command::new("dot").arg("-Tsvg").arg(&dot).output().unwrap();
    assert!(svg.status.success());
}

/// The whole-store picture leaves out entities in no fact unless asked, and
/// boxes each country with its places.
#[test]
fn store_dot_drops_isolated_nodes_and_groups_by_country() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let dot = |extra: &[&str]| {
        stdout(&run(bin()
            .args(["export", "dot", "--store"])
            .arg(&store)
            .args(extra)))
    };
    let (plain, all) = (dot(&[]), dot(&["--isolated"]));
    let nodes = |t: &str| t.lines().filter(|l| l.contains("shape=")).count();
    assert!(
        nodes(&plain) < nodes(&all),
        "{} vs {}",
        nodes(&plain),
        nodes(&all)
    );
    assert!(plain.contains("subgraph cluster_"), "{plain}");
    assert!(plain.contains("label=\"South Korea\";"), "{plain}");
}

#[test]
fn the_bench_corpus_as_json_lines_ingests_to_the_store_merge_builds() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("synthetic.jsonl");
    let mut lines = String::new();
    let mut merged = newsgraph::store::Store::new();
    for doc in newsgraph::synth::Corpus::new(2_000) {
        if merged.fact_count() >= 2_000 {
            break;
        }
        merged.merge(&doc);
        lines.push_str(&serde_json::to_string(&doc).unwrap());
        lines.push('\n');
    }
    std::fs::write(&jsonl, lines).unwrap();
    let store = dir.path().join("synthetic.ng");
    run(bin()
        .arg("ingest")
        .arg("--facts")
        .arg(&jsonl)
        .arg("--store")
        .arg(&store));
    let ingested = newsgraph::store::load(&store).unwrap();
    assert!(ingested.fact_count() >= 2_000);
    assert_eq!(
        newsgraph::store::to_json(&ingested).unwrap(),
        newsgraph::store::to_json(&merged).unwrap()
    );
}
