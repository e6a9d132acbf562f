//! The store file: a versioned JSON document. Saving writes a temporary file
//! beside the target and renames it, so a crash never leaves half a store;
//! a failed load returns an error and touches nothing.

use std::io::Write;
use std::path::Path;

use indexmap::IndexSet;
use petgraph::stable_graph::NodeIndex;
use serde::{Deserialize, Serialize};

use super::{Fact, Node, Store};
use crate::error::StoreError;
use crate::text::name_key;

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

#[derive(Serialize, Deserialize)]
struct FactRecord {
    s: usize,
    o: usize,
    #[serde(flatten)]
    fact: Fact,
}

/// Writes `store` to `path` atomically.
pub fn save(store: &Store, path: &Path) -> Result<(), StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let nodes: Vec<NodeIndex> = store.graph.node_indices().collect();
    let position: std::collections::HashMap<NodeIndex, usize> =
        nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let file = StoreFile {
        format: FORMAT.to_string(),
        version: VERSION,
        docs: store.docs.iter().cloned().collect(),
        entities: nodes.iter().map(|n| store.graph[*n].clone()).collect(),
        facts: store
            .graph
            .edge_indices()
            .filter_map(|e| {
                let (s, o) = store.graph.edge_endpoints(e)?;
                Some(FactRecord {
                    s: position[&s],
                    o: position[&o],
                    fact: store.graph[e].clone(),
                })
            })
            .collect(),
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        serde_json::to_writer(&mut w, &file).map_err(|e| io(e.into()))?;
        w.flush().map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Reads a store written by [`save`].
pub fn load(path: &Path) -> Result<Store, StoreError> {
    let bytes = std::fs::read(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let file: StoreFile = serde_json::from_slice(&bytes).map_err(|e| StoreError::Format {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if file.format != FORMAT {
        return Err(StoreError::Format {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: format!("format is {:?}", file.format),
        });
    }
    if file.version != VERSION {
        return Err(StoreError::Version {
            path: path.to_path_buf(),
            found: file.version,
            expected: VERSION,
        });
    }
    let mut store = Store {
        docs: file.docs.into_iter().collect::<IndexSet<_>>(),
        ..Store::default()
    };
    let mut ids = Vec::with_capacity(file.entities.len());
    for node in file.entities {
        let keys: Vec<String> = node
            .all_names()
            .map(name_key)
            .filter(|k| !k.is_empty())
            .collect();
        let id = store.graph.add_node(node);
        for k in keys {
            store.index.insert(k, id);
        }
        ids.push(id);
    }
    for (n, f) in file.facts.into_iter().enumerate() {
        let (Some(&s), Some(&o)) = (ids.get(f.s), ids.get(f.o)) else {
            return Err(StoreError::Format {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                message: format!("fact {n} names a missing entity"),
            });
        };
        store.graph.add_edge(s, o, f.fact);
    }
    Ok(store)
}
