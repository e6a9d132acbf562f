//! Text stage: raw article text in, normalised text and sentences out.
//!
//! Normalising unifies apostrophes, quotes and spaces, composes accents
//! (NFC) and drops notes on pictures ("(photo)") while keeping a map from
//! every normalised byte back to the original text, so that spans found
//! later always point into the real article.

mod sentences;

pub use sentences::{split, Sentence};

use std::sync::LazyLock;

use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

/// A string derived from another one, with a byte map back to the source.
#[derive(Debug, Clone)]
pub struct Mapped {
    /// The derived text.
    pub text: String,
    /// `map[i]` is the source byte offset of derived byte `i`; one extra
    /// entry maps the end of the text.
    map: Vec<usize>,
}

impl Mapped {
    /// Builds a derived string by calling `f` on every char of `source`
    /// and its byte offset.
    fn build(source: &str, mut f: impl FnMut(usize, char, &mut String)) -> Self {
        let mut text = String::with_capacity(source.len());
        let mut map = Vec::with_capacity(source.len() + 1);
        let mut buf = String::new();
        for (at, c) in source.char_indices() {
            buf.clear();
            f(at, c, &mut buf);
            if let [b] = buf.as_bytes() {
                // most chars map to one byte: no copy loop for them
                text.push(char::from(*b));
                map.push(at);
            } else {
                text.push_str(&buf);
                map.extend(std::iter::repeat_n(at, buf.len()));
            }
        }
        map.push(source.len());
        Mapped { text, map }
    }

    /// The derived text of source range `start..end` (source char
    /// boundaries): what deriving that slice alone would give, as the
    /// derivation is char by char.
    pub fn derived(&self, start: usize, end: usize) -> &str {
        let at = |p: usize| self.map.partition_point(|&s| s < p);
        self.text.get(at(start)..at(end)).unwrap_or_default()
    }

    /// [`Mapped::derived`] with the source offset of each derived byte.
    pub fn derived_mapped(&self, start: usize, end: usize) -> (&str, &[usize]) {
        let at = |p: usize| self.map.partition_point(|&s| s < p);
        let (a, b) = (at(start), at(end));
        (
            self.text.get(a..b).unwrap_or_default(),
            self.map.get(a..b).unwrap_or_default(),
        )
    }

    /// The source offset of derived byte offset `at` (clamped to the end).
    pub fn source_offset(&self, at: usize) -> usize {
        self.map[at.min(self.map.len() - 1)]
    }

    /// The source offset just after derived byte range `start..end`.
    pub fn source_end(&self, start: usize, end: usize) -> usize {
        if end <= start {
            return self.source_offset(start);
        }
        // the source char behind the last derived byte, then past it
        let last = self.source_offset(end - 1);
        let next = self.map[end.min(self.map.len() - 1)];
        if next > last {
            next
        } else {
            last + 1
        }
    }
}

/// An article after normalisation: NFC, plain apostrophes, quotes and spaces.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalised text, mapped to the original.
    pub mapped: Mapped,
}

impl Normalized {
    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.mapped.text
    }

    /// The original byte range of normalised range `start..end`.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        (
            self.mapped.source_offset(start),
            self.mapped.source_end(start, end),
        )
    }
}

/// A note on a picture inside a sentence: "(photo)", "(pictured)", "(à
/// gauche)", "(Photo: Reuters)", with the space before it.
static PHOTO_NOTE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)[ \t]*\((?:en )?(?:photo|pictured|ci-dessus|above|left|right|cent(?:re|er)|(?:à|a) (?:gauche|droite)|au centre|(?:photo|image|crédit|credit)s? ?:[^()\n]{0,60})\)",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Normalises an article; see the module doc. Notes on pictures are
/// dropped like zero-width chars: "a déclaré Amel Farsi (photo), ministre"
/// reads as "a déclaré Amel Farsi, ministre".
pub fn normalize(original: &str) -> Normalized {
    let notes: Vec<(usize, usize)> = PHOTO_NOTE
        .find_iter(original)
        .map(|m| (m.start(), m.end()))
        .collect();
    let mut next_note = 0;
    let mut last_space = true;
    let mapped = Mapped::build(original, |at, c, out| {
        while notes.get(next_note).is_some_and(|&(_, end)| end <= at) {
            next_note += 1;
        }
        if notes.get(next_note).is_some_and(|&(start, _)| start <= at) {
            return;
        }
        let c = match c {
            '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{02BC}' | '`' | '\u{00B4}' | '\u{2032}' => {
                '\''
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => '"',
            '\u{2010}' | '\u{2011}' => '-',
            '\u{1D49}' => 'e',
            // zero-width and bidi controls hide inside names ("Nvi\u{200B}dia"):
            // dropped here, the byte map still points into the original
            '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' => return,
            '\u{2026}' => {
                out.push_str("...");
                last_space = false;
                return;
            }
            c if c != '\n' && c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            return;
        }
        last_space = c == '\n';
        out.push(c);
    });
    Normalized {
        mapped: compose_marks(mapped),
    }
}

/// Composes combining marks into the preceding char (NFC for the text that
/// needs it), keeping the map: the composed char maps to its base.
fn compose_marks(m: Mapped) -> Mapped {
    // no combining mark sits below U+0300: most text needs no table lookup
    let is_mark = |c: char| c as u32 >= LATIN_END && canonical_combining_class(c) != 0;
    if !m.text.chars().any(is_mark) {
        return m;
    }
    let mut text = String::with_capacity(m.text.len());
    let mut map = Vec::with_capacity(m.map.len());
    for (at, c) in m.text.char_indices() {
        if is_mark(c) {
            if let Some(prev) = text.chars().next_back() {
                if let Some(composed) = compose(prev, c) {
                    let base = map[text.len() - prev.len_utf8()];
                    text.truncate(text.len() - prev.len_utf8());
                    map.truncate(text.len());
                    text.push(composed);
                    map.extend(std::iter::repeat_n(base, composed.len_utf8()));
                    continue;
                }
            }
        }
        text.push(c);
        map.extend(std::iter::repeat_n(m.map[at], c.len_utf8()));
    }
    map.push(*m.map.last().unwrap_or(&0));
    Mapped { text, map }
}

/// Folds text for matching: lower case, no accents, ligatures spelled out,
/// hyphens as spaces. The result maps back to `text`.
pub fn fold(text: &str) -> Mapped {
    // every sentence is folded: ASCII, most of it, is written straight in
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut buf = String::new();
    for (at, c) in text.char_indices() {
        if c.is_ascii() {
            out.push(if c == '-' {
                ' '
            } else {
                c.to_ascii_lowercase()
            });
            map.push(at);
        } else {
            buf.clear();
            fold_char(c, &mut buf);
            out.push_str(&buf);
            map.extend(std::iter::repeat_n(at, buf.len()));
        }
    }
    map.push(text.len());
    Mapped { text: out, map }
}

/// Folds one char into `out` (see [`fold`]).
pub fn fold_char(c: char, out: &mut String) {
    /// The folds of the Latin letters below the combining marks, the
    /// non-ASCII chars news mostly writes, worked out once.
    static LATIN: LazyLock<Vec<String>> = LazyLock::new(|| {
        (0x80..LATIN_END)
            .map(|u| {
                let mut s = String::new();
                if let Some(c) = char::from_u32(u) {
                    fold_char_slow(c, &mut s);
                }
                s
            })
            .collect()
    });
    match c {
        '-' => out.push(' '),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c if (c as u32) < LATIN_END => out.push_str(&LATIN[c as usize - 0x80]),
        c => fold_char_slow(c, out),
    }
}

/// Where the combining marks start: [`fold_char`]'s table stops there.
const LATIN_END: u32 = 0x300;

/// [`fold_char`] worked out from the Unicode tables.
fn fold_char_slow(c: char, out: &mut String) {
    match c {
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        '-' => out.push(' '),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => decompose_canonical(c, |d| {
            if canonical_combining_class(d) == 0 {
                out.extend(d.to_lowercase());
            }
        }),
    }
}

/// Folds a whole string, without a map (for keys and patterns).
pub fn fold_str(s: &str) -> String {
    if s.is_ascii() {
        // the common case, byte by byte
        let mut bytes = Vec::with_capacity(s.len());
        bytes.extend(s.bytes().map(|b| {
            if b == b'-' {
                b' '
            } else {
                b.to_ascii_lowercase()
            }
        }));
        return String::from_utf8(bytes).unwrap_or_default();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// A key for comparing names: folded, with every non-alphanumeric removed
/// (the same equivalence the evaluation uses).
pub fn name_key(s: &str) -> String {
    if s.is_ascii() {
        let mut key = String::with_capacity(s.len());
        key.extend(
            s.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return key;
    }
    let mut key = fold_str(s);
    key.retain(char::is_alphanumeric);
    key
}

/// Legal forms that end a firm's name without telling firms apart.
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "ltd",
    "limited",
    "llc",
    "plc",
    "sa",
    "sas",
    "sarl",
    "ag",
    "asa",
    "ab",
    "oyj",
    "nv",
    "bv",
    "gmbh",
    "spa",
    "srl",
    "kk",
    "pte",
    "pty",
];

/// Whether a word is a legal form ("Inc.", "ASA", "GmbH").
pub fn is_legal_form(word: &str) -> bool {
    LEGAL_FORMS.contains(&fold_str(word).trim_end_matches('.'))
}

/// The key of `s` without a trailing legal form ("Aker ASA" and "Aker",
/// "Nvidia Corp." and "Nvidia" are one firm); `None` when the name has no
/// legal form or nothing would be left.
pub fn legal_stem_key(s: &str) -> Option<String> {
    let folded = fold_str(s);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let (last, rest) = words.split_last()?;
    if rest.is_empty() || !LEGAL_FORMS.contains(last) {
        return None;
    }
    let key: String = rest.concat();
    (key.chars().count() >= 2).then_some(key)
}

/// The last `n` bytes of `s` or fewer, cut on a character boundary.
pub fn tail(s: &str, n: usize) -> &str {
    let mut at = s.len().saturating_sub(n);
    while !s.is_char_boundary(at) {
        at += 1;
    }
    &s[at..]
}

/// The first `n` bytes of `s` or fewer, cut on a character boundary.
pub fn head(s: &str, n: usize) -> &str {
    let mut at = n.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    &s[..at]
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Any slice's fold is read off the whole text's (`Mapped::derived`).
        #[test]
        fn a_slice_folded_alone_is_read_off_the_whole(s in "[a-zA-Z -]{0,6}(?:[ÉéŒœßÆøç’-]{0,3}[A-Za-z0-9 ]{0,6}){0,4}") {
            let whole = fold(&s);
            let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b >= a) {
                    let alone = fold_str(&s[a..b]);
                    proptest::prop_assert_eq!(whole.derived(a, b), alone.as_str());
                }
            }
        }

        /// The byte-wise paths for ASCII and the table for Latin letters
        /// fold as the Unicode tables do, char by char.
        #[test]
        fn the_fast_folds_agree_with_the_tables(s in "\\PC{0,12}") {
            let mut slow = String::new();
            for c in s.chars() {
                fold_char_slow(c, &mut slow);
            }
            proptest::prop_assert_eq!(fold_str(&s), slow.clone());
            slow.retain(char::is_alphanumeric);
            proptest::prop_assert_eq!(name_key(&s), slow);
        }
    }

    #[test]
    fn every_latin_letter_folds_as_the_tables_say() {
        for c in (0..0x400).filter_map(char::from_u32) {
            let (mut fast, mut slow) = (String::new(), String::new());
            fold_char(c, &mut fast);
            fold_char_slow(c, &mut slow);
            assert_eq!(fast, slow, "{c:?}");
        }
    }

    #[test]
    fn a_legal_form_is_not_part_of_the_key() {
        assert_eq!(legal_stem_key("Aker ASA").as_deref(), Some("aker"));
        assert_eq!(legal_stem_key("Nvidia Corp.").as_deref(), Some("nvidia"));
        assert_eq!(
            legal_stem_key("Société Générale SA").as_deref(),
            Some("societegenerale")
        );
        assert_eq!(legal_stem_key("Aker"), None);
        assert_eq!(legal_stem_key("Nscale Global Holdings"), None);
        assert_eq!(legal_stem_key("SA"), None);
    }

    /// A zero-width space inside "Nvidia" once hid the name.
    #[test]
    fn zero_width_name_is_whole_again_and_offsets_hold() {
        let original = "Nvi\u{200B}dia et \u{202E}Orange\u{202C} \u{FEFF}investissent.";
        let n = normalize(original);
        assert_eq!(n.as_str(), "Nvidia et Orange investissent.");
        let at = n.as_str().find("Orange").unwrap();
        let (s, e) = n.original_range(at, at + "Orange".len());
        // the span may carry the invisible mark that followed the name
        assert_eq!(original[s..e].trim_end_matches('\u{202C}'), "Orange");
        let (s, e) = n.original_range(0, "Nvidia".len());
        assert_eq!(&original[s..e], "Nvi\u{200B}dia");
    }

    #[test]
    fn normalize_unifies_apostrophes_and_keeps_offsets() {
        let original = "L\u{2019}accord  de\u{00A0}Séoul";
        let n = normalize(original);
        assert_eq!(n.as_str(), "L'accord de Séoul");
        let at = n.as_str().find("Séoul").unwrap();
        let (s, e) = n.original_range(at, at + "Séoul".len());
        assert_eq!(&original[s..e], "Séoul");
    }

    #[test]
    fn normalize_drops_notes_on_pictures_and_keeps_offsets() {
        let table = [
            (
                "a déclaré Amel Farsi (photo), ministre",
                "a déclaré Amel Farsi, ministre",
            ),
            ("Lina Park (pictured) said", "Lina Park said"),
            ("A (à gauche) et B (Photo : AFP).", "A et B."),
            ("X (left) and Y (right)", "X and Y"),
            // other parentheses stay
            ("the Kestrel (KST) campus", "the Kestrel (KST) campus"),
            ("(photography) studio", "(photography) studio"),
        ];
        for (original, want) in table {
            let n = normalize(original);
            assert_eq!(n.as_str(), want, "{original}");
        }
        let original = "Amel Farsi (photo), ministre";
        let n = normalize(original);
        let at = n.as_str().find("ministre").unwrap_or(0);
        let (s, e) = n.original_range(at, at + "ministre".len());
        assert_eq!(&original[s..e], "ministre");
    }

    #[test]
    fn normalize_composes_decomposed_accents() {
        let original = "Se\u{0301}oul";
        let n = normalize(original);
        assert_eq!(n.as_str(), "Séoul");
        let (s, e) = n.original_range(0, n.as_str().len());
        assert_eq!(&original[s..e], original);
    }

    #[test]
    fn fold_strips_case_accents_and_hyphens() {
        assert_eq!(fold_str("Corée du Sud"), "coree du sud");
        assert_eq!(fold_str("Sud-Coréenne"), "sud coreenne");
        assert_eq!(name_key("Lee Jae-myung"), name_key("Lee Jae Myung"));
        let f = fold("Écosse");
        assert_eq!(f.text, "ecosse");
        assert_eq!(f.source_end(0, 1), "É".len());
    }
}
