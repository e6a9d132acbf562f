//! The store's evidence sentences. They are most of a store's bytes and are
//! read only when an answer shows its sources, so they are kept compressed:
//! sentences are appended to an open block, and every [`BLOCK`] sentences
//! the block is sealed with LZ4. Reading a sentence inflates its block (a
//! few microseconds); the last block read is kept, so reading the evidence
//! of many facts in store order inflates each block once. A snapshot saves
//! the sealed blocks as they are and loads them without inflating any.

use std::borrow::Cow;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

/// How many sentences a sealed block holds.
pub const BLOCK: usize = 64;

/// Every evidence sentence of a store, by number.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Sentences {
    /// Full blocks, compressed; sentence `i` is in block `i / BLOCK`.
    sealed: Vec<Block>,
    /// The sentences after the sealed ones, one after another.
    open: String,
    /// Where each open sentence ends in `open`.
    open_ends: Vec<u32>,
    /// The last block inflated, by number.
    #[serde(skip)]
    cache: Mutex<Option<(usize, Arc<str>)>>,
}

/// [`BLOCK`] sentences: their text one after another, LZ4-compressed with
/// its length first, and where each ends in it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Block {
    // read as one slice, not byte by byte (the encoding is the same)
    #[serde(with = "serde_bytes")]
    packed: Vec<u8>,
    ends: Vec<u32>,
}

impl Clone for Sentences {
    fn clone(&self) -> Self {
        Sentences {
            sealed: self.sealed.clone(),
            open: self.open.clone(),
            open_ends: self.open_ends.clone(),
            cache: Mutex::new(None),
        }
    }
}

/// Sentence `k` of a block's text cut at `ends`.
fn nth<'a>(text: &'a str, ends: &[u32], k: usize) -> Option<&'a str> {
    let end = *ends.get(k)? as usize;
    let start = if k == 0 { 0 } else { ends[k - 1] as usize };
    text.get(start..end)
}

impl Sentences {
    /// Appends `s` and returns its number.
    pub fn push(&mut self, s: &str) -> u32 {
        let id = self.len() as u32;
        self.open.push_str(s);
        self.open_ends.push(self.open.len() as u32);
        if self.open_ends.len() == BLOCK {
            self.sealed.push(Block {
                packed: lz4_flex::compress_prepend_size(self.open.as_bytes()),
                ends: std::mem::take(&mut self.open_ends),
            });
            self.open.clear();
        }
        id
    }

    /// Sentence `id`, or `None` past the last one or in a damaged block.
    pub fn get(&self, id: u32) -> Option<Cow<'_, str>> {
        let (b, k) = (id as usize / BLOCK, id as usize % BLOCK);
        let Some(block) = self.sealed.get(b) else {
            let k = id as usize - self.sealed.len() * BLOCK;
            return nth(&self.open, &self.open_ends, k).map(Cow::Borrowed);
        };
        let text = self.inflated(b, block)?;
        nth(&text, &block.ends, k).map(|s| Cow::Owned(s.to_string()))
    }

    /// The text of sealed block `b`, from the cache or inflated.
    fn inflated(&self, b: usize, block: &Block) -> Option<Arc<str>> {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, text)) = cache.as_ref().filter(|(at, _)| *at == b) {
            return Some(text.clone());
        }
        let bytes = lz4_flex::decompress_size_prepended(&block.packed).ok()?;
        let text: Arc<str> = String::from_utf8(bytes).ok()?.into();
        *cache = Some((b, text.clone()));
        Some(text)
    }

    /// How many sentences there are.
    pub fn len(&self) -> usize {
        self.sealed.len() * BLOCK + self.open_ends.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Checks what a snapshot gave: every sealed block full, every block's
    /// ends rising within its text (a sealed block's length is the one its
    /// LZ4 frame announces).
    pub fn check(&self) -> Result<(), String> {
        let rising = |ends: &[u32], len: usize| {
            ends.windows(2).all(|w| w[0] <= w[1]) && ends.last().is_none_or(|&e| e as usize == len)
        };
        for (b, block) in self.sealed.iter().enumerate() {
            let announced = block
                .packed
                .get(..4)
                .map(|h| u32::from_le_bytes([h[0], h[1], h[2], h[3]]) as usize);
            let fits = announced.is_some_and(|len| rising(&block.ends, len));
            if block.ends.len() != BLOCK || !fits {
                return Err(format!("sentence block {b} is damaged"));
            }
        }
        let open_ok = self.open_ends.len() < BLOCK
            && rising(&self.open_ends, self.open.len())
            && self
                .open_ends
                .iter()
                .all(|&e| self.open.is_char_boundary(e as usize));
        if !open_ok {
            return Err("the last sentence block is damaged".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{Sentences, BLOCK};

    #[test]
    fn sentences_come_back_by_number_across_blocks() {
        let mut s = Sentences::default();
        let texts: Vec<String> = (0..BLOCK * 2 + 5)
            .map(|i| format!("Kiwa invests {i} million in été."))
            .collect();
        let ids: Vec<u32> = texts.iter().map(|t| s.push(t)).collect();
        assert_eq!(s.len(), texts.len());
        // out of order, so blocks are inflated again after the cache moved
        for &i in ids.iter().rev().chain(&ids) {
            assert_eq!(s.get(i).as_deref(), Some(texts[i as usize].as_str()));
        }
        assert_eq!(s.get(ids.len() as u32), None);
        assert!(s.check().is_ok());
        let empty = s.push("");
        assert_eq!(s.get(empty).as_deref(), Some(""));
    }

    #[test]
    fn a_damaged_block_is_found() {
        let mut s = Sentences::default();
        for i in 0..BLOCK + 1 {
            s.push(&format!("sentence {i}"));
        }
        s.sealed[0].ends.swap(1, 2);
        assert!(s.check().is_err());
    }
}
