//! Input: paths in (files or folders of `.txt`), article texts out. One
//! unreadable article is an error of its own and never stops the others.

use std::path::{Path, PathBuf};

use crate::error::InputError;

/// An article read from disk.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file's name, used as the document name.
    pub name: String,
    /// The path it was read from.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
}

/// Lists the `.txt` files named by `paths`: files as given, folders walked
/// recursively in name order.
pub fn list(paths: &[PathBuf]) -> Vec<Result<PathBuf, InputError>> {
    let mut out = Vec::new();
    for p in paths {
        walk(p, &mut out, true);
    }
    out
}

fn walk(path: &Path, out: &mut Vec<Result<PathBuf, InputError>>, explicit: bool) {
    if path.is_dir() {
        let entries = match std::fs::read_dir(path) {
            Ok(rd) => rd,
            Err(source) => {
                out.push(Err(InputError::Io {
                    path: path.to_path_buf(),
                    source,
                }));
                return;
            }
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for c in children {
            walk(&c, out, false);
        }
    } else if explicit || path.extension().is_some_and(|e| e == "txt") {
        out.push(Ok(path.to_path_buf()));
    }
}

/// Reads one article, which must be UTF-8.
pub fn read(path: &Path) -> Result<Article, InputError> {
    let bytes = std::fs::read(path).map_err(|source| InputError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok(Article {
        name,
        path: path.to_path_buf(),
        text,
    })
}
