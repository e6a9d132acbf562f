//! Rule lexicon: `data/lexicon.ron` in, word sets and compiled trigger
//! regexes out. Entries match folded text; a trailing `*` matches any ending.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;

use crate::error::DataError;
use crate::extract::gazetteer::parse_ron;
use crate::text::fold_str;

const LEXICON: &str = include_str!("../../data/lexicon.ron");

#[derive(Deserialize)]
struct Raw {
    first_names: Vec<String>,
    org_suffixes: Vec<String>,
    org_cues: Vec<String>,
    head_titles: Vec<String>,
    other_titles: Vec<String>,
    state_titles: Vec<String>,
    government_titles: Vec<String>,
    kingdoms: Vec<String>,
    furniture: Vec<String>,
    credit_lines: Vec<String>,
    news_agencies: Vec<String>,
    host_triggers: Vec<String>,
    agent_words: Vec<String>,
    not_names: Vec<String>,
    org_anaphors: Vec<String>,
    invest_triggers: Vec<String>,
    build_triggers: Vec<String>,
    operate_triggers: Vec<String>,
    facility_words: Vec<String>,
    supply_triggers: Vec<String>,
    receive_triggers: Vec<String>,
    supply_goods: Vec<String>,
    partner_triggers: Vec<String>,
    consortium_words: Vec<String>,
    child_of_cues: Vec<String>,
    parent_of_cues: Vec<String>,
    negations: Vec<String>,
    speculations: Vec<String>,
    non_investment_amounts: Vec<String>,
    funds_received: Vec<String>,
}

/// The compiled lexicon.
#[derive(Debug)]
pub struct Lexicon {
    /// Folded given names.
    pub first_names: HashSet<String>,
    /// Folded organisation suffixes.
    pub org_suffixes: HashSet<String>,
    /// Folded words that never start a name.
    pub not_names: HashSet<String>,
    /// Alternation of organisation cue nouns (regex source).
    pub org_cues: String,
    /// Alternation of head titles (regex source).
    pub head_titles: String,
    /// Alternation of every title, head or other (regex source).
    pub titles: String,
    /// Titles of a head of state.
    pub state_titles: Vec<String>,
    /// Government posts.
    pub government_titles: Vec<String>,
    /// Countries that are kingdoms (gazetteer names, folded): what "the
    /// kingdom" and "le royaume" may stand for.
    pub kingdoms: HashSet<String>,
    /// Page furniture openings.
    pub furniture: Vec<String>,
    /// Openings of a wire service's credit line (folded, each ending on a
    /// space): the line names no one of the story.
    pub credit_lines: Vec<String>,
    /// News agencies and outlets (folded): they report deals, they do not
    /// make them.
    news_agencies: HashSet<String>,
    /// Host triggers.
    pub host: Regex,
    /// Passive agent words (regex source).
    pub agent_words: String,
    /// Folded head titles, to tell `leads` from `affiliated_with`.
    pub head_title_set: Vec<String>,
    /// Alternation of organisation anaphors (regex source).
    pub org_anaphors: String,
    /// The nouns of the anaphors that have an article ("groupe" of "le
    /// groupe"), as an alternation: "le patron du groupe" names one too.
    pub org_anaphor_nouns: String,
    /// Investment triggers.
    pub invest: Regex,
    /// Construction triggers.
    pub build: Regex,
    /// Operating triggers.
    pub operate: Regex,
    /// Facility words.
    pub facility: Regex,
    /// Supply triggers.
    pub supply: Regex,
    /// Receive triggers.
    pub receive: Regex,
    /// Supplied goods.
    pub goods: Regex,
    /// Partnership triggers.
    pub partner: Regex,
    /// Consortium words.
    pub consortium: Regex,
    /// Child-of cues (regex source).
    pub child_of: String,
    /// Parent-of cues (regex source).
    pub parent_of: String,
    /// Negation words.
    pub negation: Regex,
    /// Speculation words.
    pub speculation: Regex,
    /// Words that make an amount something else than an investment.
    pub non_investment: Regex,
    /// Verbs of receiving money: their subject is funded, it does not invest.
    pub funds_received: Regex,
}

impl Lexicon {
    /// Loads the lexicon shipped in `data/`.
    pub fn builtin() -> Result<Self, DataError> {
        Self::from_source(LEXICON)
    }

    /// Builds a lexicon from a RON source.
    pub fn from_source(src: &str) -> Result<Self, DataError> {
        let raw: Raw = parse_ron("data/lexicon.ron", src)?;
        let set = |v: &[String]| v.iter().map(|s| fold_str(s)).collect::<HashSet<_>>();
        let words = |name: &str, v: &[String]| -> Result<Regex, DataError> {
            // French elision glues the article to the word: "d'investir", "l'accord"
            let src = format!(
                r"(?:^|[^\w']|(?:^|[^\w'])(?:d|l|qu|n|s|j|c|jusqu|lorsqu|puisqu)')(?:{})(?:$|[^\w])",
                alternation(v)
            );
            compile_rule(name, &src)
        };
        let mut all_titles = raw.head_titles.clone();
        all_titles.extend(raw.other_titles.iter().cloned());
        Ok(Lexicon {
            first_names: set(&raw.first_names),
            org_suffixes: raw.org_suffixes.iter().map(|s| fold_str(s)).collect(),
            not_names: set(&raw.not_names),
            org_cues: alternation(&raw.org_cues),
            head_titles: alternation(&raw.head_titles),
            titles: alternation(&all_titles),
            state_titles: raw.state_titles.iter().map(|s| fold_str(s)).collect(),
            government_titles: raw.government_titles.iter().map(|s| fold_str(s)).collect(),
            kingdoms: set(&raw.kingdoms),
            furniture: raw.furniture.iter().map(|s| fold_str(s)).collect(),
            credit_lines: raw.credit_lines.iter().map(|s| fold_str(s)).collect(),
            news_agencies: raw.news_agencies.iter().map(|s| fold_str(s)).collect(),
            host: words("host_triggers", &raw.host_triggers)?,
            agent_words: alternation(&raw.agent_words),
            head_title_set: raw.head_titles.iter().map(|s| fold_str(s)).collect(),
            org_anaphors: alternation(&raw.org_anaphors),
            org_anaphor_nouns: alternation(
                &raw.org_anaphors
                    .iter()
                    .filter_map(|a| {
                        ["le ", "la ", "l'", "the "]
                            .iter()
                            .find_map(|art| a.strip_prefix(art))
                            .map(String::from)
                    })
                    .collect::<Vec<_>>(),
            ),
            invest: words("invest_triggers", &raw.invest_triggers)?,
            build: words("build_triggers", &raw.build_triggers)?,
            operate: words("operate_triggers", &raw.operate_triggers)?,
            facility: words("facility_words", &raw.facility_words)?,
            supply: words("supply_triggers", &raw.supply_triggers)?,
            receive: words("receive_triggers", &raw.receive_triggers)?,
            goods: words("supply_goods", &raw.supply_goods)?,
            partner: words("partner_triggers", &raw.partner_triggers)?,
            consortium: words("consortium_words", &raw.consortium_words)?,
            child_of: alternation(&raw.child_of_cues),
            parent_of: alternation(&raw.parent_of_cues),
            negation: words("negations", &raw.negations)?,
            speculation: words("speculations", &raw.speculations)?,
            non_investment: words("non_investment_amounts", &raw.non_investment_amounts)?,
            funds_received: words("funds_received", &raw.funds_received)?,
        })
    }

    /// Whether a folded title starts with one of `set`.
    pub fn title_in(set: &[String], folded_title: &str) -> bool {
        let t = folded_title.trim();
        set.iter().any(|h| {
            t.strip_prefix(h.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
    }

    /// Whether `word` is a given name, or a compound that starts with one
    /// ("Jean-Noël", "Mary-Kate").
    pub fn is_given_name(&self, word: &str) -> bool {
        // a compound is given when it starts with a given name: "Jean-Noël",
        // "Marie-Hélène" (folding turns the hyphen into a space)
        let folded = fold_str(word);
        folded
            .split(' ')
            .next()
            .is_some_and(|first| self.first_names.contains(first))
    }

    /// Whether `name` is a news agency or outlet, which reports deals and
    /// is never party to them.
    pub fn is_news_agency(&self, name: &str) -> bool {
        self.news_agencies.contains(&fold_str(name))
    }

    /// Whether a folded title is a head title. A modifier before it leaves
    /// it a head's: "executive chairman", "group chief executive", "interim
    /// CEO", "co-CEO".
    pub fn is_head_title(&self, folded_title: &str) -> bool {
        const MODIFIERS: [&str; 6] = [
            "executive ",
            "group ",
            "global ",
            "interim ",
            "acting ",
            "co ",
        ];
        let mut title = folded_title.trim();
        while let Some(rest) = MODIFIERS.iter().find_map(|m| title.strip_prefix(m)) {
            title = rest;
        }
        Self::title_in(&self.head_title_set, title)
            && !title.starts_with("vice ")
            && !is_unit_head(title)
    }
}

/// Whether a folded title heads a unit, not the firm or the state: "head of
/// infrastructure", "chef de projet" (but "head of state", "chef du
/// gouvernement", "head of the company").
fn is_unit_head(title: &str) -> bool {
    static UNIT_HEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:head|chef|cheffe) (?:of|de|du|des|d')(?: ?(?:the|la|le|l'))? ?(?P<what>[\w-]+)",
        )
        .unwrap_or_else(|e| unreachable!("{e}"))
    });
    const WHOLE: [&str; 12] = [
        "state",
        "government",
        "etat",
        "gouvernement",
        "board",
        "conseil",
        "company",
        "group",
        "groupe",
        "firm",
        "entreprise",
        "societe",
    ];
    UNIT_HEAD
        .captures(title)
        .and_then(|c| c.name("what"))
        .is_some_and(|w| !WHOLE.contains(&w.as_str()))
}

/// Compiles a rule's regex, which runs on folded text (see
/// [`ascii_classes`]). The lexicon's alternations are large: with the
/// default lazy-DFA cache the engine thrashes and falls back to its slow
/// backtracker, so the cache is given room.
pub(crate) fn compile_rule(name: &str, src: &str) -> Result<Regex, DataError> {
    let src = ascii_classes(src);
    regex::RegexBuilder::new(&src)
        .dfa_size_limit(8 << 20)
        .build()
        .map_err(|e| DataError::Rule {
            name: name.to_string(),
            message: e.to_string(),
        })
}

/// One automaton over compiled rules (see [`compile_rule`]), which tells
/// which of them match a text in a single scan.
pub(crate) fn compile_set<'a>(
    name: &str,
    rules: impl IntoIterator<Item = &'a Regex>,
) -> Result<regex::RegexSet, DataError> {
    regex::RegexSetBuilder::new(rules.into_iter().map(Regex::as_str))
        .dfa_size_limit(8 << 20)
        .build()
        .map_err(|e| DataError::Rule {
            name: name.to_string(),
            message: e.to_string(),
        })
}

/// Rules tried on the same text, each with its name, and one automaton
/// over all of them that tells which can match: a sentence most of them
/// miss is scanned once instead of once per rule.
#[derive(Debug)]
pub(crate) struct RuleSet {
    rules: Vec<(Regex, &'static str)>,
    any: regex::RegexSet,
}

impl RuleSet {
    /// Gathers compiled rules (see [`compile_rule`]); `name` is the family's.
    pub(crate) fn new(name: &str, rules: Vec<(Regex, &'static str)>) -> Result<Self, DataError> {
        let any = compile_set(name, rules.iter().map(|(re, _)| re))?;
        Ok(RuleSet { rules, any })
    }

    /// The rules that match somewhere in `text`, in their order.
    pub(crate) fn matching<'a>(
        &'a self,
        text: &str,
    ) -> impl Iterator<Item = &'a (Regex, &'static str)> + 'a {
        let hits = self.any.matches(text);
        self.rules
            .iter()
            .enumerate()
            .filter(move |(k, _)| hits.matched(*k))
            .map(|(_, rule)| rule)
    }
}

/// A regex alternation of folded entries, longest first; `*` becomes `\w*`.
fn alternation(entries: &[String]) -> String {
    let mut folded: Vec<String> = entries.iter().map(|e| fold_str(e)).collect();
    folded.sort_by_key(|e| std::cmp::Reverse(e.len()));
    folded.dedup();
    folded
        .iter()
        .map(|e| regex::escape(e).replace(r"\*", r"\w*"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Compiles a pattern that runs on folded text (see [`ascii_classes`]).
pub(crate) fn folded_regex(src: &str) -> Result<Regex, regex::Error> {
    Regex::new(&ascii_classes(src))
}

/// `src` with `\d` (and `\D`) made ASCII, for patterns that read the text
/// as written: news writes its numbers in ASCII digits, and Unicode's
/// hundreds of digit ranges only swell the automaton.
pub(crate) fn ascii_digits(src: &str) -> String {
    perl_to_ascii(src, false)
}

/// `src` with its Perl classes (`\w`, `\d` and their negations) and word
/// boundaries made ASCII. Folded text has no accents left, so the two read
/// it alike, but Unicode classes split the bytes into many more classes:
/// every lazy DFA state grows, and with a few hundred rules the states no
/// longer fit in the CPU cache (extraction ran 15% slower).
pub(crate) fn ascii_classes(src: &str) -> String {
    perl_to_ascii(src, true)
}

/// The rewriting of [`ascii_classes`]; `words` says whether `\w`, `\W` and
/// `\b` are rewritten too, or only `\d` and `\D`.
fn perl_to_ascii(src: &str, words: bool) -> String {
    const WORD: &str = "0-9A-Za-z_";
    let mut out = String::with_capacity(src.len() + 32);
    let mut in_class = false;
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(n) = chars.next() else {
                    out.push(c);
                    break;
                };
                let class = match n {
                    'w' if words => Some((WORD, false)),
                    'W' if words => Some((WORD, true)),
                    'd' => Some(("0-9", false)),
                    'D' => Some(("0-9", true)),
                    _ => None,
                };
                match (class, in_class) {
                    (Some((set, false)), true) => out.push_str(set),
                    (Some((set, false)), false) => {
                        out.push('[');
                        out.push_str(set);
                        out.push(']');
                    }
                    (Some((set, true)), false) => {
                        out.push_str("[^");
                        out.push_str(set);
                        out.push(']');
                    }
                    _ if words && n == 'b' && !in_class => out.push_str("(?-u:\\b)"),
                    _ => {
                        out.push(c);
                        out.push(n);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // a leading ']' or '^]' is a literal
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push(']');
                    chars.next();
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perl_classes_become_ascii_and_literals_stay() {
        assert_eq!(ascii_classes(r"\w+"), "[0-9A-Za-z_]+");
        assert_eq!(ascii_classes(r"[\w'-]+"), "[0-9A-Za-z_'-]+");
        assert_eq!(ascii_classes(r"(?:^|[^\w])"), "(?:^|[^0-9A-Za-z_])");
        assert_eq!(ascii_classes(r"\W\d\D"), "[^0-9A-Za-z_][0-9][^0-9]");
        assert_eq!(ascii_classes(r"\bde\b"), r"(?-u:\b)de(?-u:\b)");
        // escapes that are no class, and a bracket inside a class, are kept
        assert_eq!(ascii_classes(r"\(\.\$[\]\w]"), r"\(\.\$[\]0-9A-Za-z_]");
        assert_eq!(ascii_classes(r"[^\s⟨]+"), r"[^\s⟨]+");
        // for text as written, only the digits
        assert_eq!(
            ascii_digits(r"\w+ \d{4}\b[^\d\w]"),
            r"\w+ [0-9]{4}\b[^0-9\w]"
        );
    }

    #[test]
    fn an_ascii_pattern_reads_folded_text_as_the_unicode_one_did() {
        let src = r"(?:^|[^\w'])(?P<w>invest\w*|centres? de donnees)(?:$|[^\w])";
        let (Ok(ascii), Ok(unicode)) = (folded_regex(src), Regex::new(src)) else {
            panic!("the pattern compiles");
        };
        for text in [
            "l'entreprise va investir 2 milliards",
            "⟨O1⟩ investit dans des centres de donnees a ⟨L2⟩",
            "the investments of ⟨O3⟩, invested",
            "reinvest nothing",
        ] {
            let words = |re: &Regex| -> Vec<String> {
                re.captures_iter(text)
                    .filter_map(|c| c.name("w").map(|m| m.as_str().to_string()))
                    .collect()
            };
            assert_eq!(words(&ascii), words(&unicode), "{text}");
        }
    }
}
