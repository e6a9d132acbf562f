//! Sentence splitting over normalised text, aware of French and English
//! abbreviations ("M.", "Mme", "Inc.", "S.A.", "U.S.") that do not end a sentence.

/// Tokens that end with a period without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mr", "mrs", "ms", "st", "ste", "jr", "sr",
    "inc", "corp", "co", "ltd", "plc", "llc", "sa", "s.a", "sas", "s.a.s", "ag", "nv", "bv", "u.s",
    "u.s.a", "u.k", "u.a.e", "e.u", "no", "vs", "etc", "env", "cf", "p", "n.v", "av", "bd", "gen",
    "gov", "sen", "rep", "jan", "feb", "fev", "mar", "apr", "avr", "aug", "sept", "oct", "nov",
    "dec", "approx", "dept", "fig", "j.p", "d.c", "rs",
];

/// A sentence: a byte range of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Start byte in the normalised text.
    pub start: usize,
    /// End byte (exclusive) in the normalised text.
    pub end: usize,
}

impl Sentence {
    /// The sentence's text within `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Splits normalised text into sentences. Line breaks always end a sentence;
/// `.`, `!`, `?` end one when followed by a space and an upper-case letter,
/// a digit, a quote or a bullet, unless the word before is an abbreviation
/// or an initial.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            push_trimmed(text, start, i, &mut out);
            start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?') && ends_sentence(text, i) {
            let mut end = i + 1;
            // keep closing quotes and brackets with the sentence
            while end < bytes.len() && matches!(bytes[end], b'"' | b')' | b'\'') {
                end += 1;
            }
            push_trimmed(text, start, end, &mut out);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn ends_sentence(text: &str, at: usize) -> bool {
    let rest = &text[at + 1..];
    let rest = rest.trim_start_matches(['"', ')', '\'']);
    let Some(after) = rest.strip_prefix(' ') else {
        return false;
    };
    let Some(next) = after.trim_start().chars().next() else {
        return false;
    };
    if !(next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '"' | '\'' | '(' | '•' | '-' | '['))
    {
        return false;
    }
    if text.as_bytes()[at] != b'.' {
        return true;
    }
    let word_start = text[..at]
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |p| p + 1);
    let word = &text[word_start..at];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false; // an initial: "J. Smith"
    }
    let lower = word.to_lowercase();
    !ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let slice = &text[start..end];
    let lead = slice.len()
        - slice
            .trim_start_matches(|c: char| c.is_whitespace() || c == '•')
            .len();
    let trail = slice.len() - slice.trim_end().len();
    let (mut s, e) = (start + lead, end - trail);
    // a run-on "sentence" (a table, a list with no full stop) is cut into
    // pieces of at most MAX_SENTENCE_BYTES at spaces: evidence stays a
    // readable sentence and the work per sentence stays bounded
    while e > s && e - s > MAX_SENTENCE_BYTES {
        let mut cut = s + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let piece = &text[s..cut];
        let at = piece
            .rfind(char::is_whitespace)
            .filter(|&k| k > 0)
            .map_or(cut, |k| s + k);
        push_trimmed(text, s, at, out);
        s = at;
    }
    if s < e {
        let slice = &text[s..e];
        let lead = slice.len() - slice.trim_start().len();
        if s + lead < e {
            out.push(Sentence {
                start: s + lead,
                end: e,
            });
        }
    }
}

/// The longest sentence kept whole, in bytes (news sentences stay far below).
pub const MAX_SENTENCE_BYTES: usize = 2_000;

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = split(text).iter().map(|s| s.text(text)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        check(
            "M. Garman a parlé. Mme Kim aussi. Amazon.com Inc. a dit oui.",
            &[
                "M. Garman a parlé.",
                "Mme Kim aussi.",
                "Amazon.com Inc. a dit oui.",
            ],
        );
        check(
            "The U.S. Commerce Department agreed. Nexus S.A. signed.",
            &["The U.S. Commerce Department agreed.", "Nexus S.A. signed."],
        );
        check(
            "It will invest Rs. 500 crore. It said so.",
            &["It will invest Rs. 500 crore.", "It said so."],
        );
    }

    #[test]
    fn line_breaks_and_bullets_split() {
        check(
            "Titre en capitales\n• Le point un. Le point deux",
            &["Titre en capitales", "Le point un.", "Le point deux"],
        );
    }

    #[test]
    fn lower_case_after_period_continues() {
        check(
            "Il a 5.000 milliards. et puis",
            &["Il a 5.000 milliards. et puis"],
        );
        check(
            "J. Smith arrive. Il parle.",
            &["J. Smith arrive.", "Il parle."],
        );
    }

    #[test]
    fn a_run_on_sentence_is_cut_at_spaces_into_bounded_pieces() {
        let text = "word ".repeat(1_000) + "end.";
        let pieces = split(&text);
        assert!(pieces.len() >= 3, "{}", pieces.len());
        for p in &pieces {
            assert!(p.end - p.start <= MAX_SENTENCE_BYTES);
            assert!(!p.text(&text).starts_with(' ') && !p.text(&text).ends_with(' '));
        }
        // nothing is lost: the pieces cover every word
        let words: usize = pieces
            .iter()
            .map(|p| p.text(&text).split_whitespace().count())
            .sum();
        assert_eq!(words, 1_001);
        // blank lines give no sentence (and end)
        assert!(split("  \n \n\t\n").is_empty());
        // one 3,000-byte word with no space is still cut, on a char boundary
        let long = "é".repeat(1_500);
        for p in split(&long) {
            assert!(p.end - p.start <= MAX_SENTENCE_BYTES);
        }
    }
}
