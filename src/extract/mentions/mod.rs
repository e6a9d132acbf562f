//! Mentions: a sentence in, the spans that name entities out. Gazetteer hits
//! come first; then unknown capitalised names, typed by suffixes, cue nouns,
//! titles and given names; then surnames and acronyms of names seen before;
//! then anaphors ("la firme", "the company") bound to the nearest organisation.
//!
//! Here: the tokens and the spans of names; `typing` types an unknown name,
//! `anaphors` binds the words that stand for a name.

mod anaphors;
#[cfg(test)]
mod tests;
mod typing;

pub(crate) use anaphors::{find_anaphors, reports_after};

use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer::Form;
use super::lexicon::folded_regex;
use super::values::ValueKind;
use super::{DocState, How, Mention};
use crate::model::EntityType;
use crate::text::{fold_str, head, name_key};

use typing::{model_of, type_name};

/// Gaps that may join two capitalised words into one name.
/// An article right before a word: "the", "le", "l'"...
static ARTICLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|\W)(?:the|a|an|le|la|les|l'|un|une)\s?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

const JOINERS: &[&str] = &[
    " ",
    " de ",
    " du ",
    " des ",
    " of ",
    " for ",
    " & ",
    " de la ",
    " de l'",
    " d'",
    " of the ",
    // "Luiz Inácio Lula da Silva", "Banco do Brasil", "Ursula von der
    // Leyen", "Mario di Carlo"
    " da ",
    " do ",
    " dos ",
    " das ",
    " van ",
    " von ",
    " van der ",
    " von der ",
    " van den ",
    " di ",
    " del ",
    // Arabic patronymics: "Mohammed bin Salman", "Mohammed ben Salmane"
    " bin ",
    " bint ",
    " ibn ",
    " ben ",
];

/// A word of a sentence: byte span relative to the sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
}

/// Splits a sentence into words, without French elisions ("l'", "d'") and
/// trailing periods or possessive "'s".
pub(crate) fn tokens(sent: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for (mut start, mut end) in words(sent) {
        if let Some(e) = elision(&sent[start..end]) {
            if e < end - start {
                start += e;
            }
        }
        loop {
            let t = &sent[start..end];
            if let Some(rest) = t.strip_suffix("'s") {
                end = start + rest.len();
            } else if t.ends_with(['.', '\'', '-', '&']) && t.len() > 1 {
                // keep the period of an abbreviation such as "U.S." or "S.A."
                if t.ends_with('.') && t[..t.len() - 1].contains('.') {
                    break;
                }
                end -= 1;
            } else {
                break;
            }
        }
        if start < end {
            out.push(Token { start, end });
        }
    }
    out
}

/// The raw words of a sentence as byte spans: a letter or digit, then
/// letters, digits and the joiners `'`, `-`, `.`, `&` ("U.S.", "AT&T",
/// "l'usine"). One pass over the chars, run on every sentence.
fn words(sent: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = sent.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|&(_, c)| c.is_alphanumeric())?;
        let mut end = sent.len();
        while let Some(&(at, c)) = chars.peek() {
            if !(c.is_alphanumeric() || matches!(c, '\'' | '-' | '.' | '&')) {
                end = at;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// The length of a French elision opening `word` ("l'", "d'", "qu'",
/// "jusqu'"), apostrophe included; only its first letter may be a capital.
fn elision(word: &str) -> Option<usize> {
    const ELIDED: [&str; 12] = [
        "l", "d", "n", "s", "c", "j", "m", "t", "qu", "jusqu", "lorsqu", "puisqu",
    ];
    let at = word.find('\'')?;
    let head = &word[..at];
    let mut cs = head.chars();
    let first = cs.next()?.to_ascii_lowercase();
    let rest = cs.as_str();
    ELIDED
        .iter()
        .any(|e| e.starts_with(first) && e[1..] == *rest)
        .then_some(at + 1)
}

/// "John F. Kennedy": the run `toks[a..=b]` starts with a known given
/// name (each part of "Jean-Marc", which folds to "jean marc") and ends
/// with an initial, whose period joins it to the next word
/// (not "Tier A. Kiwa Holdings", where the period ends a sentence).
fn initial_joins(
    st: &DocState,
    sent: &str,
    toks: &[Token],
    a: usize,
    b: usize,
    next: &Token,
) -> bool {
    let last = &sent[toks[b].start..toks[b].end];
    let first = &sent[toks[a].start..toks[a].end];
    // "Ferdinand R. Marcos": one name-shaped word, an initial, a name, as
    // firms are seldom written
    let name_shaped = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    };
    b > a
        && last.chars().count() == 1
        && &sent[toks[b].end..next.start] == ". "
        && (st.ex.lex.is_given_name(first)
            || (b == a + 1 && name_shaped(first) && name_shaped(&sent[next.start..next.end])))
}

/// A government body's name: "Ministry of ...", "Office for ...".
static GOVERNMENT_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Ministry|Department|Office|Commission|Authority|Agency|Directorate|Bureau) (?:of|for) (?:the )?\p{Lu}")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A government body's name lists its domains with commas and "and":
/// "Department of Industry, Science and Resources", "Ministry of Municipal,
/// Rural Affairs and Housing". Within such a name, a comma joins the next
/// words when the list closes with "and" a word later, and "and" joins
/// the last domain.
fn domain_list_joins(sent: &str, toks: &[Token], a: usize, b: usize, next: &Token) -> bool {
    static CLOSED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}[\w'-]*(?: \p{Lu}[\w'-]*)?(?:, \p{Lu}[\w'-]*(?: \p{Lu}[\w'-]*)?)*,? and \p{Lu}")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    match &sent[toks[b].end..next.start] {
        ", " => {
            GOVERNMENT_BODY.is_match(&sent[toks[a].start..toks[b].end])
                && CLOSED.is_match(&sent[next.start..])
        }
        " and " | ", and " => GOVERNMENT_BODY.is_match(&sent[toks[a].start..toks[b].end]),
        _ => false,
    }
}

/// No word of a name is longer ("Wolfeschlegelsteinhausenbergerdorff" fits).
const MAX_NAME_WORD_BYTES: usize = 64;
/// No name is longer: a longer capitalised run is a headline or a table.
const MAX_NAME_BYTES: usize = 160;

/// Whether `word` is written the way a name's words are: capitalised, or
/// a brand in lower camel case ("xFusion", "techUK", "eBay").
fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) || is_lower_camel(word)
}

/// A brand written with a small first letter and a capital inside: all
/// ASCII letters, one or two humps ("xFusion", "techUK"); a random code
/// with digits or many humps ("cWzXyK3RVb") is none.
fn is_lower_camel(word: &str) -> bool {
    // most words are lower case through: they leave at the first scan
    let b = word.as_bytes();
    b.len() >= 3
        && b[0].is_ascii_lowercase()
        && b.iter().any(u8::is_ascii_uppercase)
        && b.iter().all(u8::is_ascii_alphabetic)
        && (1..=2).contains(
            &b.windows(2)
                .filter(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
                .count(),
        )
}

static NOT_A_NAME_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // currency codes, alone or glued to an amount: "CZK", "AED13bn", "MYR1.5"
        r"^(?:AED|ARS|AUD|BRL|CAD|CHF|CNY|CZK|DKK|EGP|EUR|GBP|HKD|IDR|INR|JPY|KES|KRW|KWD|MAD|MXN|MYR|NGN|NOK|NZD|PLN|QAR|RUB|SAR|SEK|SGD|THB|TRY|USD|VND|ZAR)(?:[\d.,]+(?:bn|mn|m|b|k)?)?$",
        // a scale glued to a currency code: "2 MdGBP", "5 MdsEUR", "3 BnUSD"
        r"|^(?:Mds?|Mrds?|Bn|Mn)[A-Z]{3}$",
        // plural acronyms are common nouns: "LPUs", "SMRs", "MoUs"
        r"|^[A-Z][A-Za-z]*[A-Z]s$",
        // stock tickers: "META.O", "VST.N"
        r"|^[A-Z]{1,5}\.[A-Z]{1,2}$",
        // roman numerals: "Tier III", "phase II"
        r"|^(?:I{2,3}|IV|VI{1,3}|IX|XI{1,3})$",
        // compound adjectives: "AI-related", "Manhattan-based", "ChatGPT-style"
        r"|^\S+-(?:related|focused|dedicated|optimi[sz]ed|enabled|capable|style|based|driven|powered|ready|led|backed|owned|native|centric|intensive|specific|grade|class|scale|level|friendly|first|only|heavy|made|built|listed|run|controlled|funded)$",
    ))
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// An adverb that opens a sentence before a comma: "Separately,",
/// "Additionally,", "Parallèlement,", "Récemment,". Only the adverbs'
/// suffix families are read, so "Bentley," or "Clément," stay names.
fn is_discourse_adverb(word: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "ally", "ately", "ively", "ously", "ently", "antly", "arly", "ably", "lement", "emment",
        "amment",
    ];
    word.chars().count() >= 6 && SUFFIXES.iter().any(|s| word.ends_with(s))
}

/// A capitalised word that is never part of a name, whatever its case says.
fn is_not_a_name_word(word: &str) -> bool {
    NOT_A_NAME_WORD.is_match(word) || is_glued_junk(word)
}

/// Words glued together by a page's layout ("GlobalDataThe": a name and
/// the next line's article) or scrambled ("AAWLtEHChO"): a run that ends
/// on an article, three or more small-to-capital turns, or two single
/// small letters between capitals is no name. "CoreWeave", "OpenAI",
/// "McDonald" keep one of each.
fn is_glued_junk(word: &str) -> bool {
    // most names have no capital after their first letter
    if !word.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    let chars: Vec<char> = word.chars().collect();
    let turns: Vec<usize> = (1..chars.len())
        .filter(|&k| chars[k - 1].is_lowercase() && chars[k].is_uppercase())
        .collect();
    let ends_on_article = turns.last().is_some_and(|&k| {
        let tail: String = chars[k..].iter().collect();
        matches!(
            tail.as_str(),
            "The"
                | "A"
                | "An"
                | "And"
                | "Of"
                | "Le"
                | "La"
                | "Les"
                | "Des"
                | "Du"
                | "Et"
                | "Un"
                | "Une"
        )
    });
    // a single small letter between capitals, twice: "LtE", "ChO" (but "McDonald")
    let sandwiched = (2..chars.len())
        .filter(|&k| {
            chars[k - 2].is_uppercase() && chars[k - 1].is_lowercase() && chars[k].is_uppercase()
        })
        .count();
    turns.len() >= 3 || sandwiched >= 2 || ends_on_article
}

/// A stock listing in brackets: "(NASDAQ:MSFT)", "(NYSE: DELL)", "(TSX: SHOP)".
static EXCHANGE_TICKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?:NASDAQ|Nasdaq|NYSE|NYSE American|AMEX|TSX|TSXV|LSE|TSE|TYO|KRX|KOSDAQ|HKEX|HKG|ASX|SGX|BSE|NSE|EPA|ETR|FRA|SIX|OTC|TWSE|SZSE|SSE|Euronext|Tadawul)\s*:\s*[A-Za-z0-9.]+\)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A ticker in a price widget: "Dominion Energy D 5.10%", "AMZN -0.43%".
fn is_quoted_ticker(word: &str, after: &str) -> bool {
    static PRICE_MOVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^ [-+\u{2212}]?\d+(?:[.,]\d+)?%").unwrap_or_else(|e| unreachable!("{e}"))
    });
    word.len() <= 5 && word.chars().all(|c| c.is_ascii_uppercase()) && PRICE_MOVE.is_match(after)
}

/// Street addresses are places of no interest here: "King Street West", "Front St".
fn is_street(words: &[&str]) -> bool {
    words.iter().skip(1).any(|w| {
        matches!(
            *w,
            "St" | "St."
                | "Street"
                | "Avenue"
                | "Ave"
                | "Road"
                | "Rd"
                | "Boulevard"
                | "Blvd"
                | "Lane"
        )
    }) || words
        .first()
        .is_some_and(|w| matches!(*w, "Rue" | "Avenue" | "Boulevard" | "Jalan"))
}

/// A sentence written mostly in capitals is a headline: no name guessing there.
fn is_headline(sent: &str) -> bool {
    // ASCII letters, most of them, are told without the Unicode tables
    let (letters, upper) = sent
        .chars()
        .filter(|c| c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic()))
        .fold((0, 0), |(n, up), c| {
            let is_upper = c.is_ascii_uppercase() || (!c.is_ascii() && c.is_uppercase());
            (n + 1, up + usize::from(is_upper))
        });
    letters > 12 && upper * 10 > letters * 7
}

/// A line in Title Case with no closing period ("How Physical AI Is
/// Transforming Manufacturing"): a teaser or a headline, no name guessing.
fn is_title_case(sent: &str) -> bool {
    let long: Vec<&str> = sent
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .collect();
    long.len() >= 3 && long.iter().all(|w| is_capitalised(w)) && !sent.trim_end().ends_with('.')
}

/// A navigation or share bar: capitalised words only, with separators or a
/// repeated word ("Yaoundé - Cotonou - Lomé", "Agence X TikTok Agence X").
/// A line closed by a period or holding a bracket is written prose ("Bologna,
/// Italy (Bologna Tecnopolo).", a list's item), not a bar.
fn is_navigation(sent: &str) -> bool {
    let line = sent.trim_end();
    if line.ends_with('.') || line.contains('(') {
        return false;
    }
    let words: Vec<&str> = sent
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 3
        || !words
            .iter()
            .all(|w| !w.chars().next().is_some_and(char::is_lowercase))
    {
        return false;
    }
    let separators =
        sent.matches(" - ").count() + sent.matches('|').count() + sent.matches('·').count();
    let repeated = words
        .iter()
        .enumerate()
        .any(|(k, w)| words[..k].contains(w));
    separators >= 2 || repeated
}

/// Whether the folded sentence, past its opening brackets and marks,
/// starts with one of `openings`.
fn opens_with(openings: &[String], folded: &str) -> bool {
    let text = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
    openings.iter().any(|f| text.starts_with(f.as_str()))
}

/// "Read more: ...", "Photo: ...": page furniture, where no name is guessed.
fn is_furniture(st: &DocState, folded: &str) -> bool {
    opens_with(&st.ex.lex.furniture, folded)
}

/// Whether demonym hit `h` starts a longer name: it is capitalised, and the
/// word right after it is capitalised, starts no other gazetteer hit, and
/// is a word names are made of ("Saudi Call", not "Swedish Prime Minister").
fn demonym_starts_name(
    st: &DocState,
    sent: &str,
    h: &crate::extract::gazetteer::Hit,
    next_hit: Option<&crate::extract::gazetteer::Hit>,
) -> bool {
    if !sent[h.start..].starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let rest = &sent[h.end..];
    let Some(word) = rest.strip_prefix(' ') else {
        return false;
    };
    let word_end = word
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(word.len());
    let word = &word[..word_end];
    let next_is_hit = next_hit.is_some_and(|n| n.start == h.end + 1);
    // "Saudi Crown Prince Mohammed": a title after the demonym is the
    // person's, whose country it names
    let title = st.ex.rules.title_after.is_match(&fold_str(head(rest, 40)));
    !next_is_hit
        && !title
        && is_capitalised(word)
        && !is_not_a_name_word(word)
        && !st.ex.lex.not_names.contains(&fold_str(word))
}

/// Whether place, country or firm hit `h` starts a longer name: capitalised
/// words follow it, the last of them a firm suffix ("Abu Dhabi Future
/// Energy Company", "Nscale Global Holdings"), or an acronym in brackets
/// ("Shanghai Lumaotong (LTG)").
fn place_starts_name(st: &DocState, sent: &str, h: &crate::extract::gazetteer::Hit) -> bool {
    if h.form == Form::Demonym
        || !matches!(
            st.ex.gaz.entry(h.entry).kind,
            EntityType::Country | EntityType::Place | EntityType::Organization
        )
        || !sent[h.start..].starts_with(|c: char| c.is_uppercase())
    {
        return false;
    }
    let mut rest = &sent[h.end..];
    let mut words = Vec::new();
    for _ in 0..5 {
        let Some(after) = rest.strip_prefix(' ') else {
            break;
        };
        let end = after
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&'))
            .unwrap_or(after.len());
        let word = &after[..end];
        // "Emirates Water & Electricity Company": an ampersand joins two
        // words of the name
        if word == "&" {
            rest = &after[end..];
            continue;
        }
        // common words inside the name are its own ("Canada Pension Plan
        // Investment Board"): only the last word must be a suffix
        if !is_capitalised(word) {
            break;
        }
        words.push(word);
        rest = &after[end..];
    }
    let suffix = |w: &&str| st.ex.lex.org_suffixes.contains(&fold_str(w));
    // "commits $1bn to Texas AI campus", "un hub IA en France": "AI" before
    // a common noun is what the place's facility does, not a firm's suffix
    let ai_modifier = matches!(words.as_slice(), ["AI" | "IA"])
        && rest
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()));
    if ai_modifier {
        return false;
    }
    // "Shanghai Lumaotong (LTG)": a name with an acronym is no place
    let acronym = ACRONYM
        .captures(rest)
        .and_then(|c| c.get(1))
        .is_some_and(|a| a.as_str().chars().filter(|c| c.is_uppercase()).count() >= 2);
    words.last().is_some_and(|w| acronym || suffix(w))
}

/// A city known only from the world's list is a person's name when it
/// reads as one: next to a capitalised word that is no function word
/// ("John Henderson", "Regina Barber"), or the surname of a person named
/// before ("said Henderson").
fn city_in_person_name(st: &DocState, sent: &str, h: &crate::extract::gazetteer::Hit) -> bool {
    if h.form == Form::Demonym || !st.ex.gaz.is_world_city(h.entry) {
        return false;
    }
    let name_word = |w: &str| is_capitalised(w) && !st.ex.lex.not_names.contains(&fold_str(w));
    let before = sent[..h.start]
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next())
        .is_some_and(name_word);
    let after = sent[h.end..]
        .strip_prefix(' ')
        .and_then(|a| a.split([' ', ',', '.']).next())
        .is_some_and(name_word);
    let surname = st
        .short_keys
        .get(&name_key(&sent[h.start..h.end]))
        .is_some_and(|&e| st.entities[e].kind == EntityType::Person);
    before || after || surname
}

/// An honorific ("Mme", "Dr") or a one-word public office ("Senator",
/// "President", "Ministre") written before a person's name.
fn is_office(st: &DocState, word: &str) -> bool {
    let w = fold_str(word.trim_end_matches('.'));
    let honorific = &st.ex.rules.honorific_before;
    honorific.is_match(&format!("{w} "))
        || honorific.is_match(&format!("{w}. "))
        || st.ex.lex.government_titles.contains(&w)
        || st.ex.lex.state_titles.contains(&w)
}

/// Whether the capitalised words right after byte `end` (`toks`, at most
/// four, one space apart) end with a firm suffix.
fn suffix_ends_run(st: &DocState, sent: &str, toks: &[Token], mut end: usize) -> bool {
    let mut last = None;
    for t in toks.iter().take(4) {
        let word = &sent[t.start..t.end];
        if t.start != end + 1 || !is_capitalised(word) {
            break;
        }
        last = Some(word);
        end = t.end;
    }
    last.is_some_and(|w| st.ex.lex.org_suffixes.contains(&fold_str(w)))
}

/// Gazetteer hits and unknown names of sentence `i`.
pub(crate) fn find_names(st: &mut DocState, i: usize) {
    let span = st.sentences[i].span;
    let norm = st.norm.as_str();
    let sent = span.text(norm);
    if is_navigation(sent) {
        return;
    }
    // the sentence folded, to read any slice of it folded without folding again
    let folded = st.sentences[i].folded.clone();
    // a wire service's credit line: its journalists and the city they
    // filed from are not the story's
    if opens_with(&st.ex.lex.credit_lines, &folded.text) {
        return;
    }
    let hits = st.ex.gaz.find(sent, &folded);
    let furniture = is_furniture(st, &folded.text);
    let mut k = 0;
    while k < hits.len() {
        let h = &hits[k];
        // "US$1.3bn", "A$20 billion": a country code glued to a dollar sign
        // is the currency, not the country
        if sent[h.end..].starts_with('$') {
            k += 1;
            continue;
        }
        // "KDDI Canada", "Huawei Pakistan": a known firm followed by a country
        // names its national subsidiary
        if let Some(next) = hits.get(k + 1).filter(|n| {
            st.ex.gaz.entry(h.entry).kind == EntityType::Organization
                && h.form != Form::Demonym
                && n.form != Form::Demonym
                && st.ex.gaz.entry(n.entry).kind == EntityType::Country
                && sent.get(h.end..n.start) == Some(" ")
                && !sent[n.end..].starts_with(|c: char| c.is_alphanumeric())
        }) {
            let name = &sent[h.start..next.end];
            let entity = st.named_entity(name, EntityType::Organization);
            st.add_mention(
                span.start + h.start,
                span.start + next.end,
                entity,
                How::Name,
            );
            k += 2;
            continue;
        }
        // "Saudi Call", "Czech Radiocommunications": a capitalised demonym
        // before a capitalised word that is no known name begins a name
        if h.form == Form::Demonym && demonym_starts_name(st, sent, h, hits.get(k + 1)) {
            k += 1;
            continue;
        }
        if place_starts_name(st, sent, h) || city_in_person_name(st, sent, h) {
            k += 1;
            continue;
        }
        let entity = st.known_entity(h.entry);
        let how = if h.form == Form::Demonym {
            How::Demonym
        } else {
            How::Known
        };
        st.add_mention(span.start + h.start, span.start + h.end, entity, how);
        // "Kairos Power", then "Kairos": a known firm is taken up by its
        // name without the suffix, as a firm first met in the article is;
        // but a short name already met is a firm of its own ("Naver",
        // then "Naver Cloud"), and one the gazetteer knows is found as
        // that firm first ("Siemens" of "Siemens Energy")
        if how == How::Known && st.entities[entity].kind == EntityType::Organization {
            let words: Vec<&str> = sent[h.start..h.end].split(' ').collect();
            let met = words
                .split_last()
                .is_some_and(|(_, rest)| st.keys.contains_key(&name_key(&rest.join(" "))));
            if words.len() >= 2 && !met {
                register_org_key(st, entity, &words);
            }
        }
        k += 1;
    }
    if is_headline(sent) || is_title_case(sent) || furniture {
        return;
    }
    institutions(st, span.start, sent);
    let toks = st.sentences[i].tokens.clone();
    // "(NASDAQ:MSFT)", "(NYSE: DELL)": a listing names no one new
    let listings: Vec<(usize, usize)> = EXCHANGE_TICKER
        .find_iter(sent)
        .map(|m| (m.start(), m.end()))
        .collect();
    let listed = |t: &Token| listings.iter().any(|&(a, b)| a <= t.start && t.end <= b);
    let covered = |st: &DocState, t: &Token| {
        st.mention_overlapping(span.start + t.start, span.start + t.end)
            .is_some()
    };
    let mut spans: Vec<(usize, usize)> = Vec::new(); // token index ranges
    let mut cur: Option<(usize, usize)> = None;
    for (k, t) in toks.iter().enumerate() {
        let word = &sent[t.start..t.end];
        // only a capitalised word opens or extends a run (most words are
        // not, and the tests below are not cheap)
        if !is_capitalised(word) {
            continue;
        }
        let folded_word = fold_str(word);
        // the word follows the run's last one after a single space
        let extends_run = cur.is_some_and(|(_, b)| b + 1 == k && toks[b].end + 1 == t.start);
        // mid-sentence, a capitalised function word before another
        // capitalised word is part of a name ("Argentina's Sur Energy")
        let joined_name = k > 0
            && word.chars().count() <= 3
            && word.chars().skip(1).all(char::is_lowercase)
            && toks
                .get(k + 1)
                .is_some_and(|n| n.start == t.end + 1 && is_capitalised(&sent[n.start..n.end]));
        // an organisation suffix ends a name even if alone it is no name ("Arveno Cloud")
        let suffix = extends_run && st.ex.lex.org_suffixes.contains(&folded_word);
        // a common word inside a name that a suffix ends ("Canada Pension
        // Plan Investment Board") is the name's
        // ... and so is a common word opening one of three words or more
        // ("Global Investment Partners", "National Energy Holdings"), but
        // for a function word ("With Capital Partners")
        let run_after = || {
            toks[k + 1..]
                .iter()
                .zip(&toks[k..])
                .take_while(|(n, p)| n.start == p.end + 1 && is_capitalised(&sent[n.start..n.end]))
                .count()
        };
        let opens_suffixed =
            !extends_run && word.len() >= 4 && !super::is_function_word(word) && run_after() >= 2;
        let inner =
            (extends_run || opens_suffixed) && suffix_ends_run(st, sent, &toks[k + 1..], t.end);
        // "Masayoshi Son", "Theresa May": after a given name, a capitalised
        // word that is elsewhere a function word or a month is the surname
        let surname = extends_run
            && st
                .ex
                .lex
                .is_given_name(&sent[toks[k - 1].start..toks[k - 1].end]);
        // "Kestrel Vice President": a title's modifier is the title's, not
        // the end of the firm's name
        let modifies_title = matches!(
            folded_word.as_str(),
            "vice" | "deputy" | "executive" | "senior" | "co"
        ) && toks.get(k + 1).is_some_and(|n| {
            st.ex
                .rules
                .title_word
                .is_match(&fold_str(&sent[n.start..n.end]))
        });
        // "l'ambassadeur de Chine, M. Li Jian": an honorific opening a run
        // is no name of its own (after a given name, "M." is an initial)
        let after_name = k > 0
            && toks[k - 1].end + 1 == t.start
            && is_capitalised(&sent[toks[k - 1].start..toks[k - 1].end]);
        let honorific = !after_name
            && sent[t.end..].starts_with(". ")
            && super::relations::HONORIFICS
                .split('|')
                .any(|h| h == folded_word);
        // "Separately, Japan's Kiwa ...": an adverb opening the sentence
        let opening_adverb = k == 0 && sent[t.end..].starts_with(',') && is_discourse_adverb(word);
        let eligible = !modifies_title
            && !honorific
            && !opening_adverb
            && !sent[t.end..].starts_with('$')
            && word.len() <= MAX_NAME_WORD_BYTES
            && !is_not_a_name_word(word)
            && !is_quoted_ticker(word, &sent[t.end..])
            && !listed(t)
            && !covered(st, t)
            && (joined_name
                || suffix
                || inner
                || surname
                || !st.ex.lex.not_names.contains(&folded_word));
        if !eligible {
            continue;
        }
        match cur {
            Some((a, b))
                if (JOINERS.contains(&&sent[toks[b].end..t.start])
                    && !model_of(sent, &toks[a..=b], &sent[toks[b].end..t.start]))
                    || initial_joins(st, sent, &toks, a, b, t)
                    || domain_list_joins(sent, &toks, a, b, t) =>
            {
                cur = Some((a, k))
            }
            _ => {
                if let Some(c) = cur {
                    spans.push(c);
                }
                cur = Some((k, k));
            }
        }
    }
    if let Some(c) = cur {
        spans.push(c);
    }
    // "QGDC Chairman Danish Iqbal": a title inside a run of capitalised
    // words ends a firm's name and starts a person's
    let spans: Vec<(usize, usize)> = spans
        .into_iter()
        .flat_map(|(a, b)| {
            let title = (a + 1..b).find(|&k| {
                st.ex
                    .rules
                    .title_word
                    .is_match(&fold_str(&sent[toks[k].start..toks[k].end]))
            });
            match title {
                Some(k) => vec![(a, k - 1), (k + 1, b)],
                None => vec![(a, b)],
            }
        })
        .collect();
    // "Rs 20,000 crore", "R3.2-billion": a word inside an amount is its currency
    let in_amount = |at: usize| {
        st.sentences[i]
            .values
            .iter()
            .any(|v| matches!(v.kind, ValueKind::Amount(_)) && v.start <= at && at < v.end)
    };
    let spans: Vec<(usize, usize)> = spans
        .into_iter()
        .filter(|&(a, _)| !in_amount(toks[a].start))
        .collect();
    for (mut a, mut b) in spans {
        // "Gul Ahmed Energy Group", "Kestrel Investment Partners": a run a
        // firm's suffix ends is a firm's name, whole
        let firm = st
            .ex
            .lex
            .org_suffixes
            .contains(&fold_str(&sent[toks[b].start..toks[b].end]));
        // "le ministre des Sciences Bae Kyung-hoon": Sciences is the ministry's
        // (but in "chief executive of Kestrel Investment Partners" the
        // title's complement is the firm)
        if b >= a + 2
            && !firm
            && st
                .ex
                .rules
                .title_domain
                .is_match(folded.derived(0, toks[a].start))
        {
            a += 1;
        }
        // "Mme Meriem Benmouloud", "Senator McCormick", "President Donald
        // Trump": an honorific or a public office is no part of the name
        let street = is_street(&[
            &sent[toks[a].start..toks[a].end],
            &sent[toks[(a + 1).min(b)].start..toks[(a + 1).min(b)].end],
        ]) || sent[toks[a].end..].starts_with(" St");
        if b > a && !street && is_office(st, &sent[toks[a].start..toks[a].end]) {
            a += 1;
        }
        // "Rival Keppler Data", "Groupe Lumis" at a sentence start or after an
        // article: the cue is no part of the name (but "by Pioneer Point Partners")
        let opens = a == 0 || ARTICLE_BEFORE.is_match(folded.derived(0, toks[a].start));
        if b > a
            && opens
            && st.ex.rules.org_cue_adjacent.is_match(&format!(
                " {} ",
                fold_str(&sent[toks[a].start..toks[a].end])
            ))
        {
            a += 1;
        }
        // "Executive Ken Griffin", "Commerce Gina Raimondo": a capitalised
        // word before a given name and surname is a title's, not the name's
        // (but "Gul Ahmed Energy Group" is a firm's name)
        if b >= a + 2 && !firm {
            let given = |k: usize| st.ex.lex.is_given_name(&sent[toks[k].start..toks[k].end]);
            // "Global Data Centers Kevin Miller", "Mme Meriem Benmouloud":
            // a given name one or two words from the end starts the name
            // when no word before it is a given name
            let start = (b.saturating_sub(2).max(a + 1)..b).find(|&k| given(k));
            if let Some(k) = start.filter(|&k| !(a..k).any(given)) {
                a = k;
            }
        }
        // "Hut 8", "Group 42": a number the article keeps writing after a
        // name is the name's
        if numbered_at(sent, &toks, b).is_some_and(|pair| st.numbered.contains(pair)) {
            b += 1;
        }
        let (start, end) = (toks[a].start, toks[b].end);
        let words: Vec<&str> = toks[a..=b]
            .iter()
            .map(|t| &sent[t.start..t.end])
            .filter(|w| is_capitalised(w) || w.chars().any(|c| c.is_ascii_digit()))
            .collect();
        let name = &sent[start..end];
        if name.len() > MAX_NAME_BYTES {
            continue;
        }
        // a suffix alone ("Group", "Holding Ltd") is what is left of a name
        // cut elsewhere; three are a name ("Energy Capital Partners")
        let only_suffixes = words.len() < 3
            && !GOVERNMENT_BODY.is_match(name)
            && words
                .iter()
                .all(|w| st.ex.lex.org_suffixes.contains(&fold_str(w)));
        if words.is_empty() || only_suffixes || is_street(&words) {
            continue;
        }
        // "China Mobile International Limited (CMI)": an acronym in brackets
        // after a firm's name is that firm's other name
        let acronym = words.len() == 1
            && is_bracketed(sent, start, end)
            && (name.chars().filter(|c| c.is_uppercase()).count() >= 2
                || short_name(st, span.start, sent, start, name));
        if acronym && bracket_alias(st, span.start, sent, start, name) {
            continue;
        }
        if let Some((entity, how)) = type_name(st, span.start, sent, &folded, start, end, &words) {
            st.add_mention(span.start + start, span.start + end, entity, how);
            if st.entities[entity].kind == EntityType::Person && words.len() >= 2 {
                register_person_keys(st, entity, &words);
            }
            if st.entities[entity].kind == EntityType::Organization && words.len() >= 2 {
                register_org_key(st, entity, &words);
            }
        } else if words.len() == 1 && is_bracketed(sent, start, end) {
            bracket_alias(st, span.start, sent, start, name);
        }
    }
    // acronyms in brackets after a known name: "Amazon Web Services (AWS)"
    let ms = st.sentence_mentions(i);
    for m in ms {
        if matches!(m.how, How::Known | How::Name)
            && st.entities[m.entity].kind == EntityType::Organization
        {
            let rest = &norm[m.end..span.end];
            if let Some(caps) = ACRONYM.captures(rest) {
                // "NVIDIA (IA)": a common word in brackets is a gloss, not an alias
                if let Some(a) = caps
                    .get(1)
                    .filter(|a| !st.ex.lex.not_names.contains(&fold_str(a.as_str())))
                {
                    let key = name_key(a.as_str());
                    st.short_keys.entry(key).or_insert(m.entity);
                    st.add_alias(m.entity, a.as_str());
                }
            }
        }
    }
}

static ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ ?\(([\p{Lu}][\p{Lu}\p{Ll}\d&.-]{1,11})\)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// French institutions, whose names keep their words in lower case after
/// a capitalised head noun: "la Banque africaine de développement", "l'Agence
/// française de développement", "le Fonds monétaire international". After
/// an article, the head takes adjectives and "de" phrases up to the first
/// other word; each becomes an organisation's name.
fn institutions(st: &mut DocState, base: usize, sent: &str) {
    for c in INSTITUTION.captures_iter(sent) {
        let Some(m) = c.name("name") else {
            continue;
        };
        let (start, end) = (base + m.start(), base + m.end());
        if st.mention_overlapping(start, end).is_some() {
            continue;
        }
        let entity = st.named_entity(m.as_str(), EntityType::Organization);
        st.add_mention(start, end, entity, How::Name);
    }
}

/// An adjective by its French ending: "africaine", "mondiale", "publique".
const FRENCH_ADJECTIVE: &str = r"[a-zà-ÿ-]{2,}(?:ale?s?|aux|iques?|iennes?|iens?|aises?|ais|aines?|ains?|ennes?|elles?|els?|ifs?|ives?|aires?|isses?|oises?|ois)";

/// An article, a capitalised institution noun, then up to two adjectives
/// and three "de" (or "en") phrases, ending at punctuation or a space.
static INSTITUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[\s(«])(?:la|le|l['’]|Le|La|L['’]) ?(?P<name>(?:Banque|Agence|Caisse|Fonds|Autorité|Office|Institut|Société|Compagnie|Fédération|Association|Organisation|Centre|Université|École|Commission|Conseil)(?: {FRENCH_ADJECTIVE}){{0,2}}(?: (?:(?:de la |de l['’]|des |du |de |d['’])[A-ZÀ-Ýa-zà-ÿ]|en [a-zà-ÿ])[a-zà-ÿ-]{{2,}}(?: {FRENCH_ADJECTIVE})?){{0,3}})(?:[\s,.;:)»]|$)"
    ))
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "Abu Dhabi National Energy Company (Taqa)": one word in brackets after
/// a firm's name of two words or more is the firm's short name, unless the
/// gazetteer knows it as something else (a place, another firm).
fn short_name(st: &DocState, base: usize, sent: &str, start: usize, name: &str) -> bool {
    let long = mention_before_bracket(st, base, sent, start)
        .is_some_and(|m| st.norm.as_str()[m.start..m.end].split(' ').count() >= 2);
    long && st.ex.gaz.lookup(name).is_none()
}

/// The mention right before the bracket that opens at `start - 1`; in
/// "CoreWeave Inc. (CRWV)" it ends before the abbreviation's dot.
fn mention_before_bracket(st: &DocState, base: usize, sent: &str, start: usize) -> Option<Mention> {
    let before = sent[..start - 1].trim_end();
    st.mention_ending(base + before.len())
        .or_else(|| st.mention_ending(base + before.strip_suffix('.')?.len()))
}

fn is_bracketed(sent: &str, start: usize, end: usize) -> bool {
    sent[..start].ends_with('(') && sent[end..].starts_with(')')
}

/// "(MCIT)" right after a firm's name makes an alias of that name; false
/// when no firm's name ends there.
fn bracket_alias(st: &mut DocState, base: usize, sent: &str, start: usize, name: &str) -> bool {
    let Some(m) = mention_before_bracket(st, base, sent, start) else {
        return false;
    };
    if st.entities[m.entity].kind != EntityType::Organization {
        return false;
    }
    st.short_keys.entry(name_key(name)).or_insert(m.entity);
    st.add_alias(m.entity, name);
    // the bracket's later mentions are the firm's
    st.add_mention(base + start, base + start + name.len(), m.entity, m.how);
    true
}

/// "Microsoft Austria", "Huawei Pakistan", "Orvane Africa": a firm's name
/// right before a country's or a region's names the firm's national or
/// regional unit, one organisation (recorded in `DocState::units` with
/// the firm and the country). A city after a firm is left alone
/// ("Equinix Paris" is a site, not a unit).
pub(crate) fn national_units(st: &mut DocState) {
    let order: Vec<usize> = st.mention_at.values().copied().collect();
    let text = st.norm.as_str();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for pair in order.windows(2) {
        let (a, b) = (st.mentions[pair[0]], st.mentions[pair[1]]);
        if text.get(a.end..b.start) != Some(" ")
            || !matches!(a.how, How::Name | How::Known | How::Short)
            || b.how != How::Known
            || st.entities[a.entity].kind != EntityType::Organization
            || merged.last().is_some_and(|&(_, last_b)| last_b == pair[0])
        {
            continue;
        }
        let region = |e: usize| {
            st.entities[e]
                .gaz
                .is_some_and(|g| st.ex.gaz.entry(g).within.is_none())
        };
        let unit_place = match st.entities[b.entity].kind {
            EntityType::Country => true,
            EntityType::Place => region(b.entity),
            _ => false,
        };
        if unit_place && sentence_of(st, a.start).is_some_and(|i| b.end <= st.sentences[i].span.end)
        {
            merged.push((pair[0], pair[1]));
        }
    }
    if merged.is_empty() {
        return;
    }
    let mut gone = vec![false; st.mentions.len()];
    let mut parts = Vec::new();
    for &(ka, kb) in &merged {
        let (a, b) = (st.mentions[ka], st.mentions[kb]);
        parts.extend([a.entity, b.entity]);
        let name = text[a.start..b.end].to_string();
        let unit = st.named_entity(&name, EntityType::Organization);
        if st.entities[unit].kind != EntityType::Organization || unit == a.entity {
            continue;
        }
        st.entities[unit].named = true;
        let seat = (st.entities[b.entity].kind == EntityType::Country).then_some(b.entity);
        let sentence = sentence_of(st, a.start).unwrap_or(0);
        if !st.units.iter().any(|u| u.0 == unit) {
            st.units.push((unit, a.entity, seat, sentence));
        }
        st.mentions[ka].end = b.end;
        st.mentions[ka].entity = unit;
        gone[kb] = true;
    }
    let mut k = 0;
    st.mentions.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
    st.index_mentions();
    // a firm or a country named only inside its unit's name is no mention of its own
    let mut mentioned = vec![false; st.entities.len()];
    for m in &st.mentions {
        mentioned[m.entity] = true;
    }
    for e in parts {
        if !mentioned[e] {
            st.entities[e].named = false;
        }
    }
}

/// The sentence that byte `at` of the text lies in.
fn sentence_of(st: &DocState, at: usize) -> Option<usize> {
    let i = st
        .sentences
        .partition_point(|s| s.span.start <= at)
        .checked_sub(1)?;
    (at < st.sentences[i].span.end).then_some(i)
}

/// "Qamar Capital" is "Qamar" further on: the name without its legal or
/// sector suffix becomes a short name.
fn register_org_key(st: &mut DocState, entity: usize, words: &[&str]) {
    let Some((last, rest)) = words.split_last() else {
        return;
    };
    if !st.ex.lex.org_suffixes.contains(&fold_str(last)) {
        return;
    }
    let short = rest.join(" ");
    let key = name_key(&short);
    if key.chars().count() >= 3 && !st.ex.lex.not_names.contains(&fold_str(&short)) {
        absorb_short_form(st, &key, entity);
        st.short_keys.entry(key).or_insert(entity);
    }
}

/// "Delcor and Brightwater form a joint venture" (the headline), then
/// "Brightwater Partners": a firm first met by its short name is the one
/// the full name gives. The short form's mentions move to the full name,
/// and the short form stays as its alias, not as a firm of its own.
fn absorb_short_form(st: &mut DocState, key: &str, full: usize) {
    let Some(&short) = st.keys.get(key) else {
        return;
    };
    let met = &st.entities[short];
    if short == full || met.kind != EntityType::Organization || met.gaz.is_some() {
        return;
    }
    let name = met.name.clone();
    for m in st.mentions.iter_mut().filter(|m| m.entity == short) {
        m.entity = full;
    }
    st.entities[short].named = false;
    st.keys.insert(key.to_string(), full);
    // its own short keys ("Arveno" of "Arveno Systems") now name the full one
    for e in st.short_keys.values_mut().filter(|e| **e == short) {
        *e = full;
    }
    st.add_alias(full, &name);
}

fn register_person_keys(st: &mut DocState, entity: usize, words: &[&str]) {
    if let Some(last) = words.last() {
        st.short_keys.entry(name_key(last)).or_insert(entity);
    }
    if let Some(first) = words.first() {
        if !st.ex.lex.is_given_name(first) {
            st.short_keys.entry(name_key(first)).or_insert(entity);
        }
    }
}

/// The text "Word N" when token `k` is a capitalised word followed, one
/// space on, by a number of at most three digits that ends there ("Hut 8",
/// not "Phase 2.5" nor "Tier 3%").
fn numbered_at<'s>(sent: &'s str, toks: &[Token], k: usize) -> Option<&'s str> {
    let (w, n) = (toks.get(k)?, toks.get(k + 1)?);
    let number = &sent[n.start..n.end];
    (n.start == w.end + 1
        && is_capitalised(&sent[w.start..w.end])
        && number.len() <= 3
        && number.chars().all(|c| c.is_ascii_digit())
        && !sent[n.end..].starts_with(|c: char| c.is_alphanumeric() || c == '%'))
    .then(|| &sent[w.start..n.end])
}

/// Every "Word N" ([`numbered_at`]) the article writes at least twice.
pub(crate) fn numbered_names(st: &DocState) -> rustc_hash::FxHashSet<String> {
    let mut seen = rustc_hash::FxHashMap::<&str, usize>::default();
    for s in &st.sentences {
        let sent = s.span.text(st.norm.as_str());
        for k in 0..s.tokens.len() {
            if let Some(pair) = numbered_at(sent, &s.tokens, k) {
                *seen.entry(pair).or_default() += 1;
            }
        }
    }
    seen.into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(pair, _)| pair.to_string())
        .collect()
}

/// Folded single words written with a capital at least twice, once inside a
/// sentence, and never in lower case: names the article keeps using.
pub(crate) fn recurring_names(st: &DocState) -> rustc_hash::FxHashSet<String> {
    use rustc_hash::FxHashMap as HashMap;
    let mut capital: HashMap<String, (usize, usize)> = HashMap::default();
    // the keys of words in lower case; a plain ASCII word is its own key,
    // kept borrowed (most words of an article are such)
    let mut lower = rustc_hash::FxHashSet::default();
    let mut lower_plain: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for s in &st.sentences {
        let sent = s.span.text(st.norm.as_str());
        let toks = &s.tokens;
        let capital_at = |j: usize| is_capitalised(&sent[toks[j].start..toks[j].end]);
        for (k, t) in toks.iter().enumerate() {
            let word = &sent[t.start..t.end];
            // a key of fewer than three characters is never kept
            if word.len() < 3 {
                continue;
            }
            // "le Groupe iliad": a brand its owner writes in lower case,
            // after a capitalised group noun, is still the name
            let after_group_noun = k > 0
                && matches!(
                    &sent[toks[k - 1].start..toks[k - 1].end],
                    "Groupe" | "Group" | "Société" | "Company"
                );
            if word
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                if !after_group_noun {
                    lower_plain.insert(word);
                }
                continue;
            }
            let key = name_key(word);
            // a word inside a longer name ("Coupe du Monde") is not used alone
            let joined_before =
                k > 0 && capital_at(k - 1) && JOINERS.contains(&&sent[toks[k - 1].end..t.start]);
            let joined_after = k + 1 < toks.len()
                && capital_at(k + 1)
                && JOINERS.contains(&&sent[t.end..toks[k + 1].start]);
            if is_capitalised(word) && (joined_before || joined_after) {
                // "Emmanuel Macron": the surname alone is the person's, not a firm's
                let after_given_name = joined_before
                    && st
                        .ex
                        .lex
                        .is_given_name(&sent[toks[k - 1].start..toks[k - 1].end]);
                if after_given_name {
                    lower.insert(key);
                }
                continue;
            }
            if is_capitalised(word) {
                let c = capital.entry(key).or_default();
                c.0 += 1;
                c.1 += usize::from(k > 0);
            } else if !after_group_noun {
                lower.insert(key);
            }
        }
    }
    capital
        .into_iter()
        .filter(|(k, (all, inside))| {
            *all >= 2
                && *inside >= 1
                && k.chars().count() >= 3
                && !lower.contains(k)
                && !lower_plain.contains(k.as_str())
                && !st.ex.lex.not_names.contains(k)
        })
        .map(|(k, _)| k)
        .collect()
}

static HYPHENATED_GIVEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}\p{Ll}+-\p{Ll}+$").unwrap_or_else(|e| unreachable!("{e}"))
});

/// CamelCase ("OpenAI"), letters with digits ("G42") or an acronym ("MCIT").
fn distinctive_shape(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let camel = chars
        .windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase());
    let letter_digit =
        chars.iter().any(char::is_ascii_digit) && chars.iter().any(|c| c.is_alphabetic());
    let upper = chars.iter().filter(|c| c.is_uppercase()).count();
    // "JPMorgan", "McKinsey": capitals inside the word
    let inner_capitals = upper >= 2 && chars.iter().any(|c| c.is_lowercase());
    let acronym = upper >= 2
        && chars
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || *c == '&');
    camel || letter_digit || acronym || inner_capitals
}

/// Surnames and acronyms of entities named elsewhere in the document.
pub(crate) fn find_short_names(st: &mut DocState) {
    for i in 0..st.sentences.len() {
        let span = st.sentences[i].span;
        let sent = span.text(st.norm.as_str()).to_string();
        if is_headline(&sent) {
            continue;
        }
        for t in st.sentences[i].tokens.clone() {
            let word = &sent[t.start..t.end];
            if !is_capitalised(word) {
                continue;
            }
            // a surname that is also a function word ("Son", "May") is the
            // person's only mid-sentence: "Son projet" opens a sentence
            let opens = sent[..t.start]
                .trim_start_matches(['"', '(', ' '])
                .is_empty();
            if opens && st.ex.lex.not_names.contains(&fold_str(word)) {
                continue;
            }
            if let Some(&e) = st.short_keys.get(&name_key(word)) {
                st.add_mention(span.start + t.start, span.start + t.end, e, How::Short);
            }
        }
    }
}

/// What may stand between a cue noun and the name it announces: two words,
/// or a complement of a few ("l'opérateur de centres de données ⟨name⟩",
/// "le fonds d'infrastructure ⟨name⟩").
static CUE_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^[ "]*(?:[\p{Ll}-]+ ){0,2}(?:(?:(?:de|des|du|of) |d['’])(?:[\p{Ll}'-]+ ){1,3})?[ "]*$"#,
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});
