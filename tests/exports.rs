#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Exports and the facts round trip, tested as a user runs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
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

fn ingest(args: &[&std::ffi::OsStr], store: &Path) {
    run(bin().arg("ingest").args(args).arg("--store").arg(store));
}

/// `extract` then `ingest --facts` builds the very store `ingest` of the
/// articles builds: same entities, facts and evidence, byte for byte.
#[test]
fn facts_round_trip_gives_the_same_store() {
    let dir = tempfile::tempdir().unwrap();
    let texts = shared("eval/dev/texts");
    let direct = dir.path().join("direct.ng");
    ingest(&[texts.as_os_str()], &direct);
    let jsonl = dir.path().join("facts.jsonl");
    let out = run(bin().arg("extract").arg(&texts));
    std::fs::write(&jsonl, &out.stdout).unwrap();
    let via = dir.path().join("via.ng");
    ingest(&["--facts".as_ref(), jsonl.as_os_str()], &via);
    assert_eq!(
        std::fs::read(&direct).unwrap(),
        std::fs::read(&via).unwrap()
    );
    // the same through stdin
    let piped = dir.path().join("piped.ng");
    let mut child = bin()
        .args(["ingest", "--facts", "-", "--store"])
        .arg(&piped)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), &out.stdout).unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(
        std::fs::read(&direct).unwrap(),
        std::fs::read(&piped).unwrap()
    );
}

/// Shards merge in any order, and a shard merged twice changes nothing.
#[test]
fn shards_merge_in_any_order_and_reruns_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(bin().arg("extract").arg(shared("eval/dev/texts")));
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    let (a, b) = lines.split_at(lines.len() / 2);
    let (fa, fb) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    std::fs::write(&fa, a.join("\n")).unwrap();
    std::fs::write(&fb, b.join("\n")).unwrap();
    let (ab, ba) = (dir.path().join("ab.ng"), dir.path().join("ba.ng"));
    for (store, first, second) in [(&ab, &fa, &fb), (&ba, &fb, &fa)] {
        ingest(&["--facts".as_ref(), first.as_os_str()], store);
        ingest(&["--facts".as_ref(), second.as_os_str()], store);
    }
    // rows come in store order, which follows merge order: compare them as sets
    let answer = |store: &Path, q: &str| {
        let text = stdout_of(run(bin()
            .args(["ask", q, "--format", "csv", "--store"])
            .arg(store)));
        text.lines()
            .map(String::from)
            .collect::<std::collections::BTreeSet<_>>()
    };
    for q in [
        "who invested in United States",
        "who invested in France",
        "who supplies Japan",
    ] {
        assert_eq!(answer(&ab, q), answer(&ba, q), "{q}");
    }
    let before = std::fs::read(&ab).unwrap();
    ingest(&["--facts".as_ref(), fa.as_os_str()], &ab);
    assert_eq!(before, std::fs::read(&ab).unwrap());
}

fn stdout_of(out: Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Names with quotes, backslashes, angle brackets and newlines survive every
/// format: each export parses back and holds the name as written.
#[test]
fn awkward_names_survive_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let name = "Acme \"Quote\" \\ <Tag> &\nNext";
    let doc = serde_json::json!({
        "doc": "odd.txt", "lang": "en",
        "entities": [
            {"name": name, "type": "Organization"},
            {"name": "France", "type": "Country"}
        ],
        "triples": [{"s": name, "p": "invests_in", "o": "France",
            "amount": {"value": 2.5e9, "currency": "EUR"}, "year": 2030,
            "evidence": {"start": 0, "end": 10, "text": "a \"b\" <c>\nd"}}]
    });
    let facts = dir.path().join("odd.jsonl");
    std::fs::write(&facts, doc.to_string()).unwrap();
    let store = dir.path().join("odd.ng");
    ingest(&["--facts".as_ref(), facts.as_os_str()], &store);
    let export = |kind: &str| {
        let path = dir.path().join(format!("out.{kind}"));
        run(bin()
            .args(["export", kind, "--store"])
            .arg(&store)
            .arg("-o")
            .arg(&path));
        path
    };
    // N-Triples and Turtle parse back with the name as a literal
    for (kind, ntriples) in [("nt", true), ("ttl", false)] {
        let bytes = std::fs::read(export(kind)).unwrap();
        let triples: Vec<oxrdf::Triple> = if ntriples {
            oxttl::NTriplesParser::new()
                .for_slice(&bytes)
                .map(|t| t.unwrap())
                .collect()
        } else {
            oxttl::TurtleParser::new()
                .for_slice(&bytes)
                .map(|t| t.unwrap())
                .collect()
        };
        let labels: Vec<String> = triples
            .into_iter()
            .filter_map(|t| match t.object {
                oxrdf::Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            })
            .collect();
        assert!(labels.iter().any(|l| l == name), "{kind}: {labels:?}");
        assert!(
            labels.iter().any(|l| l == "2500000000.0"),
            "{kind}: decimal amount"
        );
    }
    // GraphML is well-formed XML holding the name
    let xml = std::fs::read_to_string(export("graphml")).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut texts = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Text(t) => texts.push(t.xml10_content().into_owned()),
            quick_xml::events::Event::GeneralRef(r) => {
                let ch = match &*r.into_inner() {
                    "quot" => '"',
                    "lt" => '<',
                    "gt" => '>',
                    "amp" => '&',
                    "apos" => '\'',
                    other => panic!("entity {other}"),
                };
                texts.push(ch.to_string());
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert!(texts.concat().contains(name), "graphml");
    // CSV: the name is one field
    let csv_dir = dir.path().join("csv");
    run(bin()
        .args(["export", "csv", "--store"])
        .arg(&store)
        .arg("-o")
        .arg(&csv_dir));
    let mut nodes = csv::Reader::from_path(csv_dir.join("nodes.csv")).unwrap();
    assert!(nodes.records().any(|r| r.unwrap().get(1) == Some(name)));
    let mut edges = csv::Reader::from_path(csv_dir.join("edges.csv")).unwrap();
    let rec = edges.records().next().unwrap().unwrap();
    assert_eq!(rec.get(3).unwrap().parse::<f64>().unwrap(), 2.5e9);
    assert_eq!(rec.get(7), Some("2030"));
    // JSON: numbers are numbers
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(export("json")).unwrap()).unwrap();
    assert!(json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["name"] == name));
    assert_eq!(json["links"][0]["amount"]["value"].as_f64(), Some(2.5e9));
    assert_eq!(json["links"][0]["year"].as_i64(), Some(2030));
    // DOT renders with Graphviz
    let svg = std::fs::read_to_string(export("svg")).unwrap();
    assert!(svg.contains("<svg"));
}

/// The dev-set store's DOT, SVG and GraphML render or load without error.
#[test]
fn dev_store_exports_render() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("dev.ng");
    ingest(&[shared("eval/dev/texts").as_os_str()], &store);
    for kind in ["dot", "svg", "graphml", "nt", "ttl", "json"] {
        let out = run(bin().args(["export", kind, "--store"]).arg(&store));
        assert!(out.stdout.len() > 1000, "{kind}");
    }
    let dot = run(bin().args(["export", "dot", "--store"]).arg(&store));
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), &dot.stdout).unwrap();
    let res = child.wait_with_output().unwrap();
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
}
