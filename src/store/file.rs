//! The store file: a binary snapshot (version 2: a header with a checksum,
//! then the graph in postcard, each sentence and rule name held once), or
//! the JSON document of version 1, which loads too and stays as an export.
//! Saving writes a temporary file beside the target and renames it, so a
//! crash never leaves half a store; a failed load returns an error and
//! touches nothing.

use std::io::Write;
use std::path::Path;

use std::collections::HashMap;

use indexmap::IndexSet;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

use super::{Fact, Node, OrdF64, Sentences, Store, Support, Supports, Values};
use crate::error::StoreError;
use crate::model::Predicate;

const FORMAT: &str = "newsgraph-store";
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct StoreFile {
    format: String,
    version: u32,
    docs: Vec<String>,
    entities: Vec<Node>,
    facts: Vec<FactRecord>,
}

/// A fact as the version 1 JSON store writes it.
#[derive(Serialize, Deserialize)]
struct FactRecord {
    s: usize,
    o: usize,
    predicate: Predicate,
    support: Vec<SupportRecord>,
}

/// A piece of evidence as the version 1 JSON store writes it: the sentence,
/// rule and values inline.
#[derive(Serialize, Deserialize)]
struct SupportRecord {
    doc: u32,
    start: usize,
    end: usize,
    text: String,
    rule: Option<String>,
    amount: Option<(OrdF64, String)>,
    quantity: Option<(OrdF64, String)>,
    year: Option<i32>,
    role: Option<String>,
}

/// The first bytes of a binary store.
const MAGIC: &[u8; 8] = b"NGSTORE\0";
/// The binary snapshot's version: 4 holds the sentences as one text and
/// their ends; 3 (each sentence a string, LZ4) and 2 (the same,
/// uncompressed) still load.
const BINARY_VERSION: u32 = 4;
/// The previous binary versions, read and converted.
const LZ4_STRINGS_VERSION: u32 = 3;
const UNCOMPRESSED_VERSION: u32 = 2;
/// Magic, version, checksum, payload length.
const HEADER_LEN: usize = 8 + 4 + 4 + 8;

/// Version 4's payload begins with this: the graph but for its facts,
/// every sentence and rule name once, and the name index, so a load
/// re-derives nothing but the adjacency. The facts follow as a sequence,
/// decoded one at a time into the graph.
#[derive(Serialize, Deserialize)]
struct Head<S> {
    docs: Vec<String>,
    sentences: S,
    rules: Vec<String>,
    entities: Vec<Node>,
    names: Vec<(String, u32)>,
}

/// Versions 2 and 3's payload: each sentence its own string, the facts
/// after the rest.
#[derive(Deserialize)]
#[cfg_attr(test, derive(Serialize))]
struct StringsSnapshot {
    docs: Vec<String>,
    sentences: Vec<String>,
    rules: Vec<String>,
    entities: Vec<Node>,
    names: Vec<(String, u32)>,
    facts: Vec<FactRow>,
}

#[derive(Serialize, Deserialize)]
struct FactRow {
    s: u32,
    o: u32,
    predicate: Predicate,
    /// Inline when there is one, as for most facts: a row decodes with no
    /// allocation of its own (the encoding is a sequence either way).
    support: SmallVec<[SupportRow; 1]>,
}

#[derive(Serialize, Deserialize)]
struct SupportRow {
    doc: u32,
    start: u64,
    end: u64,
    sentence: u32,
    rule: Option<u32>,
    amount: Option<(f64, String)>,
    quantity: Option<(f64, String)>,
    year: Option<i32>,
    role: Option<String>,
}

/// A piece of evidence as the snapshot holds it.
fn support_row(sup: &Support) -> SupportRow {
    SupportRow {
        doc: sup.doc,
        start: sup.start.into(),
        end: sup.end.into(),
        sentence: sup.sentence,
        rule: sup.rule,
        amount: sup.amount().map(|(v, c)| (v.0, c.clone())),
        quantity: sup.quantity().map(|(v, u)| (v.0, u.clone())),
        year: sup.year(),
        role: sup.role().map(String::from),
    }
}

/// What a snapshot holds of `store`: its head (the sentences borrowed) and
/// its fact rows, entities numbered in node order.
fn snapshot(store: &Store) -> (Head<&Sentences>, Vec<FactRow>) {
    let (nodes, position) = numbering(store);
    let head = Head {
        docs: store.docs.iter().cloned().collect(),
        sentences: &store.sentences,
        rules: store.rules.iter().cloned().collect(),
        entities: nodes.iter().map(|n| store.graph[*n].clone()).collect(),
        names: store
            .index
            .iter()
            .map(|(k, n)| (k.clone(), position[n]))
            .collect(),
    };
    let facts = numbered_facts(store, &position)
        .map(|(s, o, fact)| FactRow {
            s,
            o,
            predicate: fact.predicate,
            support: fact.support.iter().map(support_row).collect(),
        })
        .collect();
    (head, facts)
}

/// The store's entities in node order, and each one's number in that order.
fn numbering(store: &Store) -> (Vec<NodeIndex>, HashMap<NodeIndex, u32>) {
    let nodes: Vec<NodeIndex> = store.graph.node_indices().collect();
    let position = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, i as u32))
        .collect();
    (nodes, position)
}

/// Each fact with the numbers (see [`numbering`]) of its subject and object.
fn numbered_facts<'s>(
    store: &'s Store,
    position: &'s HashMap<NodeIndex, u32>,
) -> impl Iterator<Item = (u32, u32, &'s Fact)> + 's {
    store.graph.edge_indices().filter_map(move |e| {
        let (s, o) = store.graph.edge_endpoints(e)?;
        Some((position[&s], position[&o], &store.graph[e]))
    })
}

/// The binary snapshot of `store`: header, then payload.
fn encode(store: &Store) -> Result<Vec<u8>, postcard::Error> {
    let (head, facts) = snapshot(store);
    let mut plain = postcard::to_stdvec(&head)?;
    plain.extend(postcard::to_stdvec(&facts)?);
    let payload = lz4_flex::compress_prepend_size(&plain);
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&BINARY_VERSION.to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&payload);
    Ok(out)
}

/// The payload versions 2 and 3 wrote for `store` (version 3 compressed
/// it with LZ4), for the tests that older stores still load.
#[cfg(test)]
pub(super) fn strings_payload(store: &Store) -> Vec<u8> {
    let (head, facts) = snapshot(store);
    let old = StringsSnapshot {
        docs: head.docs,
        sentences: (0..head.sentences.len() as u32)
            .map(|i| head.sentences.get(i).unwrap_or_default().into_owned())
            .collect(),
        rules: head.rules,
        entities: head.entities,
        names: head.names,
        facts,
    };
    postcard::to_stdvec(&old).unwrap_or_default()
}

/// The version 1 JSON document of `store`, an export for readers who want
/// the whole graph as JSON (`newsgraph export store-json`).
pub fn to_json(store: &Store) -> Result<String, serde_json::Error> {
    let (nodes, position) = numbering(store);
    let file = StoreFile {
        format: FORMAT.to_string(),
        version: VERSION,
        docs: store.docs.iter().cloned().collect(),
        entities: nodes.iter().map(|n| store.graph[*n].clone()).collect(),
        facts: numbered_facts(store, &position)
            .map(|(s, o, fact)| FactRecord {
                s: s as usize,
                o: o as usize,
                predicate: fact.predicate,
                support: fact
                    .support
                    .iter()
                    .map(|sup| SupportRecord {
                        doc: sup.doc,
                        start: sup.start as usize,
                        end: sup.end as usize,
                        text: store.sentence(sup).to_string(),
                        rule: store.rule_name(sup).map(String::from),
                        amount: sup.amount().cloned(),
                        quantity: sup.quantity().cloned(),
                        year: sup.year(),
                        role: sup.role().map(String::from),
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_string(&file)
}

/// Writes `store` to `path` atomically, as a binary snapshot.
pub fn save(store: &Store, path: &Path) -> Result<(), StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let bytes = encode(store).map_err(|e| io(std::io::Error::other(e)))?;
    // a symlinked store stays a symlink: the save replaces its target
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = folder_of(&target);
    // a recognisable name, so a crash's leftover is found and removed later
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix(&target))
        .tempfile_in(dir)
        .map_err(io)?;
    // keep the mode of the file replaced; a new store is readable by all
    // (the temporary file's own mode is owner-only)
    let mode = match std::fs::metadata(&target) {
        Ok(meta) => meta.permissions(),
        Err(_) => {
            use std::os::unix::fs::PermissionsExt;
            std::fs::Permissions::from_mode(0o644)
        }
    };
    tmp.as_file().set_permissions(mode).map_err(io)?;
    tmp.as_file_mut().write_all(&bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(&target).map_err(|e| io(e.error))?;
    // the rename is durable once the folder is synced
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io)?;
    Ok(())
}

/// The folder a file lives in ("." for a bare name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The name every temporary file of `path`'s saves starts with.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.tmp-")
}

/// Removes what a save interrupted by a crash left beside the store, and
/// says what it removed. Call it holding the store's lock.
pub fn clean_stale_temps(path: &Path) -> Vec<std::path::PathBuf> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = folder_of(&target);
    let prefix = temp_prefix(&target);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
        })
        .filter(|p| std::fs::remove_file(p).is_ok())
        .collect()
}

/// How a load treats a record it cannot take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The first bad record fails the load.
    Strict,
    /// Bad records are left out and listed.
    Repair,
}

/// Reads a store written by [`save`], or a version 1 JSON store. The first
/// record it cannot take fails the load, naming it; the file is untouched.
pub fn load(path: &Path) -> Result<Store, StoreError> {
    read(path, Mode::Strict).map(|(store, _)| store)
}

/// Reads what can be read of a damaged store: every record that passes the
/// checks [`load`] makes, and a line for each one left out. Fails only when
/// nothing can be decoded (not a store, a version this build does not read,
/// a payload too damaged to decode).
pub fn repair(path: &Path) -> Result<(Store, Vec<String>), StoreError> {
    read(path, Mode::Repair)
}

fn read(path: &Path, mode: Mode) -> Result<(Store, Vec<String>), StoreError> {
    let bytes = std::fs::read(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let bad = |message: String| StoreError::Format {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message,
    };
    let mut problems = Vec::new();
    if !bytes.starts_with(MAGIC) {
        let (head, facts, bad_entities) = from_json(&bytes, path, mode, &mut problems)?;
        drop(bytes);
        let facts = facts.into_iter().map(Ok);
        let store = build(head, None, facts, &bad_entities, mode, &mut problems).map_err(bad)?;
        return Ok((store, problems));
    }
    let (version, payload) = payload(&bytes, path, mode, &mut problems)?;
    let undecodable = |e: postcard::Error| format!("undecodable payload: {e}");
    if version == UNCOMPRESSED_VERSION || version == LZ4_STRINGS_VERSION {
        let old: StringsSnapshot = if version == UNCOMPRESSED_VERSION {
            postcard::from_bytes(payload)
        } else {
            let inflated = lz4_flex::decompress_size_prepended(payload)
                .map_err(|e| bad(format!("undecodable payload: {e}")))?;
            postcard::from_bytes(&inflated)
        }
        .map_err(|e| bad(undecodable(e)))?;
        drop(bytes);
        let mut sentences = Sentences::default();
        for s in &old.sentences {
            sentences.push(s);
        }
        let head = Head {
            docs: old.docs,
            sentences,
            rules: old.rules,
            entities: old.entities,
            names: Vec::new(),
        };
        let facts = old.facts.into_iter().map(Ok);
        let store = build(head, Some(old.names), facts, &[], mode, &mut problems).map_err(bad)?;
        return Ok((store, problems));
    }
    let inflated = lz4_flex::decompress_size_prepended(payload)
        .map_err(|e| bad(format!("undecodable payload: {e}")))?;
    // the file's bytes are inflated: free them before the graph is built
    drop(bytes);
    let (mut head, rest): (Head<Sentences>, &[u8]) =
        postcard::take_from_bytes(&inflated).map_err(|e| bad(undecodable(e)))?;
    let (count, mut rest): (usize, &[u8]) =
        postcard::take_from_bytes(rest).map_err(|e| bad(undecodable(e)))?;
    // each fact decoded as the graph takes it: no second copy of them all
    let facts = (0..count).map_while(move |_| match postcard::take_from_bytes::<FactRow>(rest) {
        Ok((row, after)) => {
            rest = after;
            Some(Ok(row))
        }
        Err(e) => {
            rest = &[];
            Some(Err(undecodable(e)))
        }
    });
    let names = std::mem::take(&mut head.names);
    let store = build(head, Some(names), facts, &[], mode, &mut problems).map_err(bad)?;
    Ok((store, problems))
}

/// The version and payload of a binary store, after its header's checks.
fn payload<'b>(
    bytes: &'b [u8],
    path: &Path,
    mode: Mode,
    problems: &mut Vec<String>,
) -> Result<(u32, &'b [u8]), StoreError> {
    let bad = |message: String| StoreError::Format {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message,
    };
    if bytes.len() < HEADER_LEN {
        return Err(bad("the file is shorter than a store's header".into()));
    }
    let word =
        |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let version = word(8);
    if ![BINARY_VERSION, LZ4_STRINGS_VERSION, UNCOMPRESSED_VERSION].contains(&version) {
        return Err(StoreError::Version {
            path: path.to_path_buf(),
            found: version,
            expected: BINARY_VERSION,
        });
    }
    let mut len = [0u8; 8];
    len.copy_from_slice(&bytes[16..24]);
    let len = u64::from_le_bytes(len);
    let payload = &bytes[HEADER_LEN..];
    let mut check = |ok: bool, message: String| {
        if ok {
            Ok(())
        } else if mode == Mode::Strict {
            Err(bad(message))
        } else {
            problems.push(message);
            Ok(())
        }
    };
    check(
        payload.len() as u64 == len,
        format!(
            "the store is truncated or has trailing bytes: {} payload bytes, the header says {len}",
            payload.len()
        ),
    )?;
    check(
        crc32fast::hash(payload) == word(12),
        "checksum mismatch: the file is damaged".into(),
    )?;
    Ok((version, payload))
}

/// A version 1 JSON store, as a snapshot. In repair mode an entity or fact
/// that does not deserialize is listed and left out; in strict mode the
/// first one fails the load with its line and column.
fn from_json(
    bytes: &[u8],
    path: &Path,
    mode: Mode,
    problems: &mut Vec<String>,
) -> Result<JsonStore, StoreError> {
    let format_error = |e: serde_json::Error| StoreError::Format {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    };
    let bad = |message: String| StoreError::Format {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message,
    };
    // strict: the typed parse names the line and column of the bad record
    if mode == Mode::Strict {
        serde_json::from_slice::<StoreFile>(bytes).map_err(format_error)?;
    }
    let file: serde_json::Value = serde_json::from_slice(bytes).map_err(format_error)?;
    let format = file.get("format").and_then(|f| f.as_str()).unwrap_or("");
    if format != FORMAT {
        return Err(bad(format!("format is {format:?}")));
    }
    let version = file.get("version").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
    if version != VERSION {
        return Err(StoreError::Version {
            path: path.to_path_buf(),
            found: version,
            expected: VERSION,
        });
    }
    let list = |key: &str| {
        file.get(key)
            .and_then(|v| v.as_array())
            .cloned()
            .unwrap_or_default()
    };
    let docs: Vec<String> = list("docs")
        .into_iter()
        .map(|d| d.as_str().unwrap_or("?").to_string())
        .collect();
    let mut entities = Vec::new();
    let mut bad_entities = Vec::new();
    for (n, v) in list("entities").into_iter().enumerate() {
        match serde_json::from_value::<Node>(v) {
            Ok(node) => entities.push(node),
            Err(e) => {
                problems.push(format!("entity {n}: {e}"));
                bad_entities.push(n as u32);
                entities.push(Node::default());
            }
        }
    }
    let mut sentences = Sentences::default();
    let mut sentence_ids: HashMap<String, u32> = HashMap::new();
    let mut rules: IndexSet<String> = IndexSet::new();
    let mut facts = Vec::new();
    for (n, v) in list("facts").into_iter().enumerate() {
        let record = match serde_json::from_value::<FactRecord>(v) {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("fact {n}: {e}"));
                continue;
            }
        };
        let (Ok(s), Ok(o)) = (u32::try_from(record.s), u32::try_from(record.o)) else {
            problems.push(format!("fact {n}: an entity number out of range"));
            continue;
        };
        let support = record
            .support
            .into_iter()
            .map(|sup| SupportRow {
                doc: sup.doc,
                start: sup.start as u64,
                end: sup.end as u64,
                sentence: *sentence_ids
                    .entry(sup.text)
                    .or_insert_with_key(|text| sentences.push(text)),
                rule: sup.rule.map(|r| rules.insert_full(r).0 as u32),
                amount: sup.amount.map(|(v, c)| (v.0, c)),
                quantity: sup.quantity.map(|(v, u)| (v.0, u)),
                year: sup.year,
                role: sup.role,
            })
            .collect();
        facts.push(FactRow {
            s,
            o,
            predicate: record.predicate,
            support,
        });
    }
    let head = Head {
        docs,
        sentences,
        rules: rules.into_iter().collect(),
        entities,
        names: Vec::new(),
    };
    Ok((head, facts, bad_entities))
}

/// A version 1 JSON store as a snapshot: the head, the facts, and the
/// entities that could not be read (facts naming them go).
type JsonStore = (Head<Sentences>, Vec<FactRow>, Vec<u32>);

/// The store of a decoded snapshot. Every number must point at something
/// and every value must be one the extractor could have written (finite,
/// within its bound); a record that fails is an error in strict mode and
/// is left out, with a line in `problems`, in repair mode.
fn build(
    head: Head<Sentences>,
    names: Option<Vec<(String, u32)>>,
    facts: impl Iterator<Item = Result<FactRow, String>>,
    bad_entities: &[u32],
    mode: Mode,
    problems: &mut Vec<String>,
) -> Result<Store, String> {
    use crate::extract::values::{in_bounds, MAX_AMOUNT, MAX_QUANTITY};
    let mut reject = |message: String| {
        if mode == Mode::Strict {
            Err(message)
        } else {
            problems.push(message);
            Ok(())
        }
    };
    head.sentences.check()?;
    let rule_count = head.rules.len();
    // room for every fact up front: growing the edge list by doubling
    // copied it several times
    let fact_count = facts.size_hint().1.unwrap_or(0);
    let mut store = Store {
        docs: head.docs.into_iter().collect(),
        rules: head.rules.into_iter().collect(),
        sentences: head.sentences,
        graph: StableDiGraph::with_capacity(head.entities.len(), fact_count),
        ..Store::default()
    };

    let sentence_count = store.sentences.len();
    let ids: Vec<NodeIndex> = head
        .entities
        .into_iter()
        .map(|n| store.graph.add_node(n))
        .collect();
    let node = |i: u32| -> Option<NodeIndex> {
        if bad_entities.contains(&i) {
            return None;
        }
        ids.get(i as usize).copied()
    };
    match names {
        Some(names) => {
            store.index.reserve(names.len());
            for (key, i) in names {
                match node(i) {
                    Some(n) => {
                        store.index.insert(key, n);
                    }
                    None => reject(format!(
                        "the name {key:?} names entity {i}, which is missing"
                    ))?,
                }
            }
        }
        None => {
            for (i, &id) in ids.iter().enumerate() {
                if bad_entities.contains(&(i as u32)) {
                    continue;
                }
                let keys: Vec<String> = store.graph[id]
                    .all_names()
                    .flat_map(super::keys_of)
                    .collect();
                for k in keys {
                    store.index.insert(k, id);
                }
            }
        }
    }
    let docs = store.docs.len();
    for (n, f) in facts.enumerate() {
        let f = f?;
        let (Some(s), Some(o)) = (node(f.s), node(f.o)) else {
            reject(format!(
                "fact {n} names entity {} or {}, which is missing",
                f.s, f.o
            ))?;
            continue;
        };
        // named only when something is wrong: formatting costs more than checking
        let what = |graph: &StableDiGraph<Node, Fact>| {
            format!(
                "fact {n} ({} {} {})",
                graph[s].name(),
                f.predicate,
                graph[o].name()
            )
        };
        let had_evidence = !f.support.is_empty();
        let mut support = Supports::with_capacity(f.support.len());
        for (k, sup) in f.support.into_iter().enumerate() {
            let offsets = (u32::try_from(sup.start), u32::try_from(sup.end));
            let problem = if sup.doc as usize >= docs {
                Some(format!("cites document {}, which is missing", sup.doc))
            } else if sup.sentence as usize >= sentence_count {
                Some(format!("cites sentence {}, which is missing", sup.sentence))
            } else if sup.rule.is_some_and(|r| r as usize >= rule_count) {
                Some("cites a rule that is missing".to_string())
            } else if offsets.0.is_err() || offsets.1.is_err() {
                Some(format!("span {}..{} is out of range", sup.start, sup.end))
            } else {
                let bad = |what: &str, v: Option<f64>, max: f64| {
                    v.filter(|&v| !in_bounds(v, max))
                        .map(|v| format!("{what} {v} is not a finite {what} up to {max:e}"))
                };
                bad("amount", sup.amount.as_ref().map(|a| a.0), MAX_AMOUNT)
                    .or_else(|| bad("quantity", sup.quantity.as_ref().map(|q| q.0), MAX_QUANTITY))
            };
            if let Some(p) = problem {
                reject(format!("{}, evidence {k}: {p}", what(&store.graph)))?;
                continue;
            }
            support.push(Support {
                doc: sup.doc,
                start: offsets.0.unwrap_or(0),
                end: offsets.1.unwrap_or(0),
                sentence: sup.sentence,
                rule: sup.rule,
                values: Values {
                    amount: sup.amount.map(|(v, c)| (OrdF64(v), c)),
                    quantity: sup.quantity.map(|(v, u)| (OrdF64(v), u)),
                    year: sup.year,
                    role: sup.role,
                }
                .boxed(),
            });
        }
        if support.is_empty() && had_evidence {
            reject(format!(
                "{}: no evidence left, the fact is left out",
                what(&store.graph)
            ))?;
            continue;
        }
        store.graph.add_edge(
            s,
            o,
            Fact {
                predicate: f.predicate,
                support,
            },
        );
    }
    for i in bad_entities {
        if let Some(&id) = ids.get(*i as usize) {
            store.graph.remove_node(id);
        }
    }
    Ok(store)
}
