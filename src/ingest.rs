//! Input: paths in (files or folders of `.txt`), article texts out. One
//! unreadable article is an error of its own and never stops the others.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::Document;

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

/// A file to read, and the document name it gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// Where it is.
    pub path: PathBuf,
    /// Its document name: the file name when given as a file, the path
    /// below the folder when found in one ("2024/03/x.txt"), so two
    /// articles of one name in two folders stay two documents.
    pub name: String,
}

/// Lists the `.txt` files named by `paths`: files as given, folders walked
/// recursively in name order. A folder reached twice (a symlink loop, or a
/// folder given twice) is walked once, and a file reached twice is listed once.
pub fn list(paths: &[PathBuf]) -> Vec<Result<Listed, InputError>> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in paths {
        if p.is_dir() {
            walk(p, p, &mut out, &mut seen);
        } else if seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())) {
            let name = p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            out.push(Ok(Listed {
                path: p.clone(),
                name,
            }));
        }
    }
    out
}

fn walk(
    root: &Path,
    path: &Path,
    out: &mut Vec<Result<Listed, InputError>>,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    // the real path: a symlink back up the tree is walked once
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if !seen.insert(real) {
        return;
    }
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
            walk(root, &c, out, seen);
        }
    } else if path.extension().is_some_and(|e| e == "txt") {
        let below = path.strip_prefix(root).unwrap_or(path);
        let name = below
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        out.push(Ok(Listed {
            path: path.to_path_buf(),
            name,
        }));
    }
}

/// The largest article read by default: 20 MiB.
pub const MAX_ARTICLE_BYTES: u64 = 20 << 20;

/// Reads one listed article, which must be a regular file of UTF-8 text of
/// at most `max_bytes` (a FIFO or a device such as /dev/zero is refused,
/// never read).
pub fn read(listed: &Listed, max_bytes: u64) -> Result<Article, InputError> {
    let path = listed.path.as_path();
    let io = |source| InputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(InputError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > max_bytes {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            max: max_bytes,
        });
    }
    let mut bytes = Vec::new();
    // the file may grow after the check: never read past the bound
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::fs::File::open(path).map_err(io)?, max_bytes + 1),
        &mut bytes,
    )
    .map_err(io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            max: max_bytes,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(Article {
        name: listed.name.clone(),
        path: path.to_path_buf(),
        text,
    })
}

/// One article of a JSON Lines input: `{"doc": NAME, "text": TEXT}`.
#[derive(Deserialize)]
struct ArticleLine {
    doc: String,
    text: String,
}

/// Articles from a reader (stdin): JSON Lines of `{"doc", "text"}` when the
/// first non-blank line starts with `{`, otherwise the whole input is one
/// article named `name`. Lines are handed to `each` as they are read, so a
/// stream of any length runs in bounded memory.
pub fn read_stream(
    reader: impl BufRead,
    name: &str,
    mut each: impl FnMut(Result<Article, InputError>),
) -> std::io::Result<()> {
    let mut raw = String::new();
    let mut json = None;
    for (k, line) in reader.lines().enumerate() {
        let line = line?;
        if json.is_none() && !line.trim().is_empty() {
            json = Some(line.trim_start().starts_with('{'));
        }
        if json == Some(true) {
            if !line.trim().is_empty() {
                each(parse_article(&line, name, k + 1));
            }
        } else {
            raw.push_str(&line);
            raw.push('\n');
        }
    }
    if json != Some(true) && !raw.trim().is_empty() {
        each(Ok(Article {
            name: name.to_string(),
            path: PathBuf::from(name),
            text: raw,
        }));
    }
    Ok(())
}

fn parse_article(line: &str, name: &str, n: usize) -> Result<Article, InputError> {
    let a: ArticleLine = serde_json::from_str(line).map_err(|e| InputError::BadLine {
        path: PathBuf::from(name),
        line: n,
        message: format!("expected {{\"doc\": ..., \"text\": ...}}: {e}"),
    })?;
    Ok(Article {
        path: PathBuf::from(&a.doc),
        name: a.doc,
        text: a.text,
    })
}

/// Interchange documents (the `SCHEMA.md` JSON Lines) from a reader, one
/// per line, each handed to `each` as it is read; a bad line is an error
/// naming its line and never stops the others.
pub fn read_facts(
    reader: impl BufRead,
    name: &str,
    mut each: impl FnMut(Result<Document, InputError>),
) -> std::io::Result<()> {
    for (k, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        each(
            serde_json::from_str::<Document>(&line).map_err(|e| InputError::BadLine {
                path: PathBuf::from(name),
                line: k + 1,
                message: format!("not an interchange document: {e}"),
            }),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn names(paths: &[PathBuf]) -> Vec<String> {
        list(paths).into_iter().map(|l| l.unwrap().name).collect()
    }

    /// Two articles of one name in two folders stay two documents; a
    /// symlink loop and a folder given twice are walked once.
    #[test]
    fn folders_name_documents_by_their_path_and_loops_are_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        for sub in ["2024", "2025"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
            std::fs::write(root.join(sub).join("amazon.txt"), "Amazon.").unwrap();
        }
        // a loop: news/2025/back -> news
        std::os::unix::fs::symlink(&root, root.join("2025").join("back")).unwrap();
        // and a second name for one file
        std::os::unix::fs::symlink(root.join("2024/amazon.txt"), root.join("same.txt")).unwrap();
        assert_eq!(
            names(&[root.clone(), root.clone()]),
            ["2024/amazon.txt", "2025/amazon.txt"]
        );
        // a file given by itself is named by its file name
        assert_eq!(names(&[root.join("2025/amazon.txt")]), ["amazon.txt"]);
    }
}
