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
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        serde_json::to_writer(&mut w, &file).map_err(|e| io(e.into()))?;
        w.flush().map_err(io)?;
    }
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
        let key = super::fact_key(s, f.fact.predicate, o);
        let id = store.graph.add_edge(s, o, f.fact);
        store.facts.insert(key, id);
    }
    Ok(store)
}
