//! The question grammar: each form is a few token templates, matched over
//! the question's words with accents, case and hyphens ignored.
//!
//! A template is written as space-separated items:
//! - `word` a literal; `a|b|c` one of several; `is_the_ceo_of` several words
//!   as one alternative (`_` joins them);
//! - a trailing `?` makes the item optional (`the?`, `has|have?`);
//! - `{x}` / `{y}` a name of one or more words (the shortest that lets the
//!   rest match); `{x=a|b}` exactly one of the listed words, kept as `x`.
//!
//! `qui a|ont investi? en|au|aux|a|dans {x}` reads "qui a investi au Maroc",
//! "qui ont investi en Corée du Sud" and "qui investit dans l'Inde" alike.

use crate::text::fold_str;

/// A question's word: as written (for names) and its matching key.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The word as typed.
    pub text: String,
    /// Folded, without hyphens or spaces: "a-t-il" and "A-t-il" are "atil".
    pub key: String,
}

fn key(word: &str) -> String {
    fold_str(word)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Splits text into tokens: at spaces, after a French elision ("d'OpenAI"
/// is "d'" and "OpenAI") and before an English possessive ("Naver's").
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut push = |w: &str| {
        if !w.is_empty() {
            out.push(Token {
                text: w.to_string(),
                key: key(w),
            });
        }
    };
    for word in text.split_whitespace() {
        let lower = word.to_lowercase();
        let elided = ["d'", "l'", "qu'", "s'", "n'", "j'", "c'"]
            .iter()
            .find(|p| lower.starts_with(*p) && lower.len() > p.len());
        let (head, rest) = match elided {
            Some(p) => word.split_at(p.len()),
            None => ("", word),
        };
        push(head);
        match rest.strip_suffix("'s") {
            Some(base) if !base.is_empty() => {
                push(base);
                push("'s");
            }
            _ => push(rest),
        }
    }
    out
}

#[derive(Debug, Clone)]
enum Item {
    /// One of several word sequences.
    Words(Vec<Vec<String>>, bool),
    /// A name slot.
    Name(char),
    /// One word of a list, kept as a slot.
    Choice(char, Vec<String>),
}

/// A compiled template.
#[derive(Debug, Clone)]
pub struct Template {
    items: Vec<Item>,
}

/// The names a template read: `x` and `y`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Slots {
    /// The first name (or the chosen word).
    pub x: Option<String>,
    /// The second name.
    pub y: Option<String>,
}

impl Template {
    /// Compiles a template written in the syntax of the module docs.
    pub fn new(src: &str) -> Template {
        let items = src
            .split_whitespace()
            .map(|item| {
                if let Some(inner) = item.strip_prefix('{').and_then(|i| i.strip_suffix('}')) {
                    let name = inner.chars().next().unwrap_or('x');
                    return match inner.split_once('=') {
                        Some((_, words)) => Item::Choice(name, words.split('|').map(key).collect()),
                        None => Item::Name(name),
                    };
                }
                let (body, optional) = match item.strip_suffix('?') {
                    Some(b) => (b, true),
                    None => (item, false),
                };
                let alternatives = body
                    .split('|')
                    .map(|alt| {
                        tokenize(&alt.replace('_', " "))
                            .into_iter()
                            .map(|t| t.key)
                            .collect()
                    })
                    .collect();
                Item::Words(alternatives, optional)
            })
            .collect();
        Template { items }
    }

    /// The slots if the whole question matches, else `None`.
    pub fn matches(&self, tokens: &[Token]) -> Option<Slots> {
        let mut slots = Slots::default();
        self.at(0, tokens, 0, &mut slots).then_some(slots)
    }

    /// The literal words the template knows, for ranking suggestions.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.items.iter().flat_map(|i| match i {
            Item::Words(alts, _) => alts.iter().flatten().map(String::as_str).collect(),
            Item::Choice(_, words) => words.iter().map(String::as_str).collect(),
            Item::Name(_) => Vec::new(),
        })
    }

    fn at(&self, item: usize, toks: &[Token], pos: usize, slots: &mut Slots) -> bool {
        let Some(it) = self.items.get(item) else {
            return pos == toks.len();
        };
        match it {
            Item::Words(alts, optional) => {
                for alt in alts {
                    let end = pos + alt.len();
                    let fits = end <= toks.len()
                        && toks[pos..end].iter().zip(alt).all(|(t, w)| &t.key == w);
                    if fits && self.at(item + 1, toks, end, slots) {
                        return true;
                    }
                }
                *optional && self.at(item + 1, toks, pos, slots)
            }
            Item::Choice(name, words) => {
                let ok = toks.get(pos).is_some_and(|t| words.contains(&t.key));
                if ok && self.at(item + 1, toks, pos + 1, slots) {
                    set(slots, *name, toks[pos].text.clone());
                    return true;
                }
                false
            }
            Item::Name(name) => {
                // the shortest name that lets the rest of the template match
                for end in pos + 1..=toks.len() {
                    if self.at(item + 1, toks, end, slots) {
                        let text: Vec<&str> =
                            toks[pos..end].iter().map(|t| t.text.as_str()).collect();
                        set(slots, *name, text.join(" "));
                        return true;
                    }
                }
                false
            }
        }
    }
}

fn set(slots: &mut Slots, name: char, value: String) {
    match name {
        'y' => slots.y = Some(value),
        _ => slots.x = Some(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(template: &str, question: &str) -> Option<Slots> {
        Template::new(template).matches(&tokenize(question))
    }

    #[test]
    fn templates_read_words_names_and_options() {
        let t = "qui a|ont investi? en|au|aux|a|dans {x}";
        assert_eq!(
            read(t, "qui a investi au Maroc").unwrap().x.unwrap(),
            "Maroc"
        );
        assert_eq!(
            read(t, "Qui ont investi en Corée du Sud")
                .unwrap()
                .x
                .unwrap(),
            "Corée du Sud"
        );
        assert!(read(t, "qui dirige Nvidia").is_none());
        // the shortest first name lets the rest match
        let s = read(
            "how much did {x} invest|invested in {y}",
            "how much did Amazon Web Services invest in South Korea",
        )
        .unwrap();
        assert_eq!(s.x.unwrap(), "Amazon Web Services");
        assert_eq!(s.y.unwrap(), "South Korea");
        // elision, hyphens and possessives are their own tokens
        let s = read("les? dirigeants de|du|d' {x}", "les dirigeants d'OpenAI").unwrap();
        assert_eq!(s.x.unwrap(), "OpenAI");
        let s = read("{x} 's subsidiaries", "Microsoft's subsidiaries").unwrap();
        assert_eq!(s.x.unwrap(), "Microsoft");
        let s = read(
            "combien {x} a-t-il|a investi",
            "combien Nvidia A-t-il investi",
        )
        .unwrap();
        assert_eq!(s.x.unwrap(), "Nvidia");
        // a choice keeps the word as typed
        let s = read("liste les|des? {x=pays|sociétés}", "liste des sociétés").unwrap();
        assert_eq!(s.x.unwrap(), "sociétés");
        // multi-word alternatives and optional multi-word items
        assert!(read("who is_the_ceo_of|leads {x}", "who is the CEO of Nvidia").is_some());
        assert!(read("quelles_sont? les? filiales de {x}", "filiales de Naver").is_some());
    }
}
