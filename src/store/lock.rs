//! The writers' lock: an advisory exclusive lock on `STORE.lock` beside the
//! store, held from the load that a write starts from to the rename that
//! ends it, so two writers never lose each other's work. Readers take no
//! lock: the rename makes every save atomic for them.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::StoreError;

/// An exclusive hold on a store; released when dropped (or when the process dies).
#[derive(Debug)]
pub struct StoreLock {
    _file: File,
    path: PathBuf,
}

impl StoreLock {
    /// The lock file of `store`.
    pub fn path_for(store: &Path) -> PathBuf {
        let mut name = store.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        store.with_file_name(name)
    }

    /// Takes the lock if no other writer holds it; `Ok(None)` if one does.
    pub fn try_acquire(store: &Path) -> Result<Option<StoreLock>, StoreError> {
        let (file, path) = open(store)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(StoreLock { _file: file, path })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(source)) => Err(StoreError::Io { path, source }),
        }
    }

    /// Takes the lock, waiting for the writer that holds it.
    pub fn acquire(store: &Path) -> Result<StoreLock, StoreError> {
        let (file, path) = open(store)?;
        file.lock().map_err(|source| StoreError::Io {
            path: path.clone(),
            source,
        })?;
        Ok(StoreLock { _file: file, path })
    }

    /// The lock file held.
    pub fn lock_path(&self) -> &Path {
        &self.path
    }
}

fn open(store: &Path) -> Result<(File, PathBuf), StoreError> {
    let path = StoreLock::path_for(store);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|source| StoreError::Io {
            path: path.clone(),
            source,
        })?;
    Ok((file, path))
}
