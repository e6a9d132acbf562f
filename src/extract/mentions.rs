//! Mentions: a sentence in, the spans that name entities out. Gazetteer hits
//! come first; then unknown capitalised names, typed by suffixes, cue nouns,
//! titles and given names; then surnames and acronyms of names seen before;
//! then anaphors ("la firme", "the company") bound to the nearest organisation.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer::Form;
use super::lexicon::folded_regex;
use super::relations::{Rules, APPOINTED, APPOINTING, AS_ROLE};
use super::values::ValueKind;
use super::{Attrs, DocState, How, Mention};
use crate::model::{EntityType, Predicate};
use crate::text::{fold_str, head, legal_stem_key, name_key, tail, Mapped};

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

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
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

/// Whether a name ending at `end` closes a long line that has no final
/// stop ("... empêchant l'Arabie", "où Microsoft, Amaz"): scraped text cut
/// off there, mid-name or mid-word, so an unknown word there names nothing
/// sure (a name of several words, "Cisco Systems Inc", was read whole).
fn cut_off(sent: &str, end: usize) -> bool {
    sent[end..].trim().is_empty() && sent.trim_end().len() >= 80
}

/// Types an unknown capitalised span from its shape and context, or drops it.
fn type_name(
    st: &mut DocState,
    base: usize,
    sent: &str,
    folded: &Mapped,
    start: usize,
    end: usize,
    words: &[&str],
) -> Option<(usize, How)> {
    let name = &sent[start..end];
    // cues sit within a few words of the name: look no further
    let pre = folded.derived(start - tail(&sent[..start], 120).len(), start);
    let post = folded.derived(end, end + head(&sent[end..], 120).len());
    let key = name_key(name);
    if key.is_empty() {
        return None;
    }
    if let Some(&e) = st.keys.get(&key) {
        // "ALPS : la Suisse ..." then "le superordinateur ALPS": a name
        // first met with no cue, taken for a firm, is the project a later
        // facility or project noun says it is
        if st.entities[e].kind == EntityType::Organization
            && st.entities[e].gaz.is_none()
            && (FACILITY_BEFORE.is_match(pre)
                || FACILITY_AFTER.is_match(post)
                || PROJECT_BEFORE.is_match(pre)
                || PROJECT_AFTER.is_match(post))
        {
            st.entities[e].kind = EntityType::Project;
        }
        return Some((e, How::Name));
    }
    if let Some(&e) = st.short_keys.get(&key) {
        return Some((e, How::Short));
    }
    if let Some(entry) = st.ex.gaz.lookup(name) {
        return Some((st.known_entity(entry), How::Known));
    }
    // "CoreWeave Inc.": a known firm with its legal form is that firm
    if let Some(entry) = legal_stem_key(name)
        .and_then(|k| st.ex.gaz.lookup_key(&k))
        .filter(|&e| st.ex.gaz.entry(e).kind == EntityType::Organization)
    {
        return Some((st.known_entity(entry), How::Known));
    }
    if base > 0 && words.len() == 1 && cut_off(sent, end) {
        return None;
    }
    let lex = &st.ex.lex;
    let n = words.len();
    let last = words.last().map(|w| fold_str(w)).unwrap_or_default();
    let rules = &st.ex.rules;
    // "la ministre de la Transition numérique et de la Réforme": a
    // ministry's domain is no name
    if n == 1 && MINISTRY_DOMAIN.is_match(pre) {
        return None;
    }
    let kind = if n >= 2 && (lex.org_suffixes.contains(&last) || GOVERNMENT_BODY.is_match(name)) {
        Some(EntityType::Organization)
    } else if n >= 2 && FACILITY_LAST.is_match(&last) {
        // "Loughton AI Campus", "Olkaria Geothermal Plant": a named
        // facility; "IndiaAI Mission": a named programme
        Some(EntityType::Project)
    } else if rules.place_before.is_match(pre)
        || rules.place_after.is_match(post)
        || (n >= 2 && PLACE_LAST.is_match(&last))
        || (n >= 3 && PARK_LAST.is_match(&fold_str(&words[n - 2..].join(" "))))
    {
        // "Franklin County", "Hokkaido Prefecture": a place named by its kind
        Some(EntityType::Place)
    } else if (rules.org_cue_adjacent.is_match(pre) && !titled_person(st, words, pre))
        || PEOPLE_AT.is_match(pre)
        || (OWNED_BY.is_match(pre) && !words.first().is_some_and(|w| lex.is_given_name(w)))
    {
        // "l'opérateur Oreva Énergie": a cue right before the name wins over
        // a title further back; "analysts at Lumo Research": people work at firms
        Some(EntityType::Organization)
    } else if FACILITY_BEFORE.is_match(pre) || FACILITY_AFTER.is_match(post) {
        Some(EntityType::Project)
    } else if rules.honorific_before.is_match(pre)
        || PERSON_NOUN_BEFORE.is_match(pre)
        || (n == 1 && THE_BEFORE.is_match(pre) && ADMINISTRATION_AFTER.is_match(post))
        || (n >= 2 && person_shaped(words) && rules.title_apposed.is_match(pre))
        || (n >= 2 && words.first().is_some_and(|w| lex.is_given_name(w)))
        || (n >= 2 && words[1..].iter().any(|w| HYPHENATED_GIVEN.is_match(w)))
        || (rules.title_before.is_match(pre) && !rules.of_before.is_match(pre))
        || (n >= 2 && rules.title_after.is_match(post))
        || (n >= 2 && person_shaped(words) && appointed(rules, pre, post))
    {
        Some(EntityType::Person)
    } else if n == 1
        && (is_product_code(name)
            || lex.org_suffixes.contains(&last)
            || (name.chars().any(|c| c.is_ascii_digit())
                && (rules.goods_before.is_match(pre) || rules.goods_named_after.is_match(post))))
    {
        // "la puce H20", "chips such as the MI308": a model, not a firm
        None
    } else if n >= 2 && words.iter().any(|w| is_product_code(w)) {
        // "DGX B200", "GH200 Grace": a model number makes the span a product
        None
    } else if PROJECT_BEFORE.is_match(pre) || PROJECT_AFTER.is_match(post) {
        Some(EntityType::Project)
    } else if (n == 1
        && st.recurring.contains(&key)
        && place_context(st, base, pre, end)
        && !cued_as_firm(st, name))
        || (!rules.org_cue_before.is_match(pre) && country_after(st, base, end))
        || (n <= 3 && SITED_IN.is_match(pre))
        || DISTANCE_AFTER.is_match(post)
        || FRENCH_TOPONYM.is_match(name)
    {
        Some(EntityType::Place)
    } else if !rules.org_cue_after.is_match(post)
        && person_shaped(words)
        && !described_as_firm(st, name)
        && (SPEECH_AFTER.is_match(post)
            || rules.title_apposition.is_match(post)
            || surname_reused(st, words, base + end))
    {
        // "Ronnie Vasishta ... Vasishta said": people are taken up by their
        // last name, firms by their first; and people speak
        Some(EntityType::Person)
    } else if rules.org_cue_before.is_match(pre)
        || rules.org_cue_after.is_match(post)
        || (n == 1 && distinctive_shape(name))
        || n >= 2
        || (n == 1
            && (st.recurring.contains(&key)
                || listed_with_org(st, base, sent, start, end)
                || FIRMS_INCLUDING.is_match(pre)
                || demonym_before(st, base, sent, start)
                || (start == first_word_start(st, base) && subject_of_trigger(st, post))))
    {
        // a cue noun, a distinctive shape, several capitalised words, a
        // name the article keeps using, or one listed with organisations
        Some(EntityType::Organization)
    } else {
        None
    }?;
    let id = st.named_entity(name, kind);
    Some((id, How::Name))
}

/// "HX3000 d'Orvane Systems", "the MX500 of Kestrel": a model number and
/// its maker joined by a particle are two names, not one.
fn model_of(sent: &str, run: &[Token], joiner: &str) -> bool {
    joiner != " " && run.iter().all(|t| is_product_code(&sent[t.start..t.end]))
}

/// A model number such as "H100", "GB200" or "R1": a product, not a firm.
fn is_product_code(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    digits >= 3 || (letters == 1 && digits == 1)
}

/// A given name and a surname after a word that is both a firm's cue and a
/// title ("managing partner James Whitfield", "the partner Anna Berg"):
/// the title reads the person.
fn titled_person(st: &DocState, words: &[&str], pre: &str) -> bool {
    words.len() >= 2
        && words.first().is_some_and(|w| st.ex.lex.is_given_name(w))
        && st.ex.rules.title_before.is_match(pre)
}

/// The last word of a place named by its kind (folded): "Franklin County".
static PLACE_LAST: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:county|province|prefecture|parish|governorate|oblast|township|borough)$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The last two words of a park named by its kind (folded): "Baldonnell
/// Business Park" is a site. "Park" alone is also a surname ("Lina Park"),
/// and a firm's "Parks" stays the firm's.
static PARK_LAST: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:business|industrial|science|technology|tech|energy|innovation|research|logistics|data|eco|solar|wind|office|enterprise|digital) park$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The last word of a facility's or a programme's name ("Loughton AI
/// Campus", "IndiaAI Mission", "Stargate Project").
static FACILITY_LAST: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:campus|supercomputer|gigafactory|factory|plant|power station|initiative|mission|programme|program|project)$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

static PROJECT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|\W)(?:projet|project|programme|initiative)s?(?:,? (?:nomme|baptise|appele|denomme|named|dubbed|called|known as))? $")
        .unwrap_or_else(|e| unreachable!("{e}"))
});
static PROJECT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^ (?:project|initiative|programme|program)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});
/// A machine or plant named like a ship: "le supercalculateur Jupiter",
/// "the Isambard-AI supercomputer", "Davis-Besse nuclear plant". Such a name
/// is a project even when it looks like a person's ("Alice Recoque").
static FACILITY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|\W)(?:supercalculateurs?|supercomputers?|superordinateurs?|calculateurs?|(?:le |la )?centrale(?: nucleaire)?(?: de| d')?|reacteurs?)(?: (?:exascale|europeen|francais|allemand|nomme|baptise|appele|named|dubbed|called))? $")
        .unwrap_or_else(|e| unreachable!("{e}"))
});
/// Or in an apposition: "Jupiter, le supercalculateur le plus puissant"
/// (not "Eviden, the supercomputer maker").
static FACILITY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?: (?:exascale )?(?:supercomputers?|supercalculateurs?|(?:nuclear |power |gas )?(?:plant|power station|generating station)s?)(?-u:\b)|, (?:le|the|a|an|un|son|its) (?:[\w-]+ ){0,2}?(?:supercomputer|supercalculateur|superordinateur)(?: (?:le|the|most|plus|de|du|d'|of|that|qui|which|europeen|francais|allemand|exascale)(?-u:\b)|[,.;]|$))")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// What people do right after their name: speak ("said", "a déclaré"),
/// or have a relative clause only people take ("who", "whose").
static SPEECH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^,? (?:said|says|told|stated|added|explained|noted|wrote|a declare|a indique|a affirme|a explique|a precise|a souligne|a ajoute|estime|explique|declare|precise|souligne|who|whose)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Two to four words shaped like a person's name: capitalised letters only,
/// initials ("R.") and name particles allowed, no acronym or inner capital.
fn person_shaped(words: &[&str]) -> bool {
    let name_word = |w: &str| {
        // "McCormick", "MacArthur" keep one inner capital
        let w = ["Mc", "Mac"]
            .iter()
            .find_map(|p| w.strip_prefix(p).filter(|r| r.len() > 1))
            .unwrap_or(w);
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'')
    };
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            name_word(w)
                || (w.chars().count() == 2 && w.ends_with('.'))
                || matches!(*w, "Jr." | "Jr")
        })
}

/// Whether the last of `words` stands alone elsewhere in the article
/// ("... Vasishta said"), as a surname does.
/// Whether the article describes `name` as a firm somewhere: "Helix
/// Compute, the Dublin-based cloud provider, said" (an apposition with a
/// firm's noun and no person's title), so "Helix Compute said" elsewhere
/// is no person.
fn described_as_firm(st: &DocState, name: &str) -> bool {
    let text = st.norm.as_str();
    let rules = &st.ex.rules;
    text.match_indices(name).any(|(at, _)| {
        let post = fold_str(head(&text[at + name.len()..], 120));
        rules.org_cue_after.is_match(&post) && !rules.title_apposition.is_match(&post)
    })
}

/// Whether a cue noun announces `name` somewhere in the article ("avec
/// l'opérateur espagnol Talvo"): a name the article calls a firm is no
/// place, wherever else it follows "à".
fn cued_as_firm(st: &DocState, name: &str) -> bool {
    let text = st.norm.as_str();
    text.match_indices(name).any(|(at, _)| {
        st.ex
            .rules
            .org_cue_before
            .is_match(&fold_str(tail(&text[..at], 60)))
    })
}

/// People who work at a firm, right before its name (folded): "analysts
/// at ", "les chercheurs de ", "engineers from ".
static PEOPLE_AT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|\W)(?:analysts?|analystes?|researchers?|chercheurs?|economists?|economistes?|engineers?|ingenieurs?|employees?|salaries|employes?|executives?|staff) (?:at|from|chez|de|d'|du) $")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// An owner right before its name (folded): "majority-owned by ",
/// "détenue par ". Unless a given name opens it, the owner is a firm.
static OWNED_BY: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|\W)(?:(?:majority |wholly |partly )?(?:owned|controlled|acquired) by|(?:majoritairement |entierement )?(?:detenue?s?|controlee?s?|rachetee?s?) par) $")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

fn surname_reused(st: &DocState, words: &[&str], not_at: usize) -> bool {
    let Some(last) = words.last().filter(|w| w.chars().count() >= 3) else {
        return false;
    };
    let text = st.norm.as_str();
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    text.match_indices(last).any(|(at, _)| {
        let end = at + last.len();
        if end == not_at {
            return false;
        }
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        if is_word(before) || is_word(after) {
            return false;
        }
        // alone: the word before is not capitalised (or it is a title or honorific)
        // (words split on any space: a name opening a paragraph follows a newline)
        let prev = text[..at]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        let next = text[end..]
            .trim_start()
            .split(char::is_whitespace)
            .next()
            .unwrap_or("");
        !prev.chars().next().is_some_and(char::is_uppercase)
            && !next.chars().next().is_some_and(char::is_uppercase)
    })
}

fn place_context(st: &DocState, base: usize, pre: &str, end: usize) -> bool {
    country_after(st, base, end)
        || pre.ends_with(" a ")
        || pre.ends_with(" pres de ")
        || pre.ends_with(" near ")
}

/// Whether a name is told as appointed to a title: "X has been appointed
/// chief executive", "X a été nommée présidente" after it, or "named X as
/// its chief executive", "a nommé X au poste de directrice" around it
/// (folded text). A firm "named the best employer" has no title after.
fn appointed(rules: &Rules, pre: &str, post: &str) -> bool {
    let role = APPOINTED_AFTER.find(post).or_else(|| {
        APPOINTING_BEFORE
            .is_match(pre)
            .then(|| AS_ROLE_AFTER.find(post))
            .flatten()
    });
    role.is_some_and(|m| rules.title_after.is_match(&post[m.end()..]))
}

/// A copula and a participle of appointing right after a name: ", has been
/// appointed", " a été nommée au poste de".
static APPOINTED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r"^,? {APPOINTED}(?: (?:{AS_ROLE}))?"))
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A verb of appointing right before a name: "named ", "a nommé ".
static APPOINTING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r"(?:^|[^\w])(?:{APPOINTING}) $")).unwrap_or_else(|e| unreachable!("{e}"))
});

/// What announces the post right after the one appointed: " as ", " au
/// poste de ".
static AS_ROLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r"^,? (?:{AS_ROLE})")).unwrap_or_else(|e| unreachable!("{e}"))
});

/// Nouns that only people are, right before a name: "billionaire X", "son
/// prédécesseur, X", and "l'administration X", named by its president
/// (folded text).
static PERSON_NOUN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|[^\w])(?:billionaire|milliardaire|predecesseur|successeur|predecessor|successor|homme d'affaires|femme d'affaires|businessman|businesswoman|tycoon|magnate|magnat|l'administration|administration),? $")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "the Biden administration" (with [`THE_BEFORE`]): a president's name.
static ADMINISTRATION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^ administration(?-u:\b)").unwrap_or_else(|e| unreachable!("{e}"))
});
/// "the " right before a name (folded text).
static THE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(r"(?:^|[^\w])the $").unwrap_or_else(|e| unreachable!("{e}")));

/// A minister's title up to the domain's word (folded text): "ministre de
/// la ", "ministre de l'Industrie et du ", "Minister of ", "ministre délégué
/// chargé de l'Investissement, de la Convergence, et de l'évaluation des ".
static MINISTRY_DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|[^\w])(?:ministre|minister|ministry|ministere|secretaire d'etat|secretary)(?: [\w'-]+){0,3}? (?:de la |du |des |de l'|de |d'|of |for )(?:[\w'-]+(?: [\w'-]+)?(?:,? et|,? and|,) (?:de la |du |des |de l'|de |d'|of |for |the )?)*(?:[\w'-]+ (?:de la |du |des |de l'|de |d'|of |for ))?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Where a facility is, or a firm is based: "le campus situé à ⟨name⟩",
/// "a data centre in ⟨name⟩", "based in ⟨name⟩" (folded text before a name).
static SITED_IN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|[^\w])(?:situee?s?|implantee?s?|basee?s?|installee?s?|localisee?s?|construite?s?|campus|centres? de donnees|datacenters?|data cent(?:er|re)s?|usines?|located|based|headquartered|sited|built|campus(?:es)?|facilit(?:y|ies)|plants?) (?:(?:[\w-]+|⟨\w\d+⟩) ){0,3}?(?:a|in|near|pres de|outside|aux environs de) $")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A distance told right after a name ("Diamniadio, à une trentaine de
/// kilomètres de Dakar", "Vorlay, about 30 km north of Lyon"): the name is
/// a place (folded text).
static DISTANCE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^,? (?:(?:a|about|some|around|roughly|nearly|environ|quelque|une|un) ){0,3}(?:\d+(?:[.,]\d+)?|[a-z]+aine|[a-z]+(?:ty|teen)|ten|five|six|seven|eight|nine|dix|cinq|sept|huit|neuf|quinze|vingt|trente|quarante|cinquante|cent) ?(?:de )?(?:km|kilometres?|kilometers?|miles?)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A French place name's shape: "Saint-Laurent", "Magny-les-Hameaux",
/// "Le Coudray-Montceaux", "Boulogne-sur-Mer".
static FRENCH_TOPONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Saint|Sainte|Le|La|Les)-\p{Lu}|(?:Le|La|Les) \p{Lu}[\p{L}]+-\p{Lu})|\p{Lu}[\p{L}]+-(?:sur|sous|les|lès|en|le|la|de|du|des|aux)-\p{Lu}")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "Kamloops, British Columbia", "Zellik, Belgique", "Fouju, en
/// Seine-et-Marne", "Tenjo, in Cundinamarca": a name followed by a comma
/// (and "en"/"in") and a known place or country is a place within it.
fn country_after(st: &DocState, base: usize, end: usize) -> bool {
    let rest = st.norm.as_str().get(base + end..).unwrap_or("");
    [", ", ", en ", ", in "]
        .iter()
        .filter(|link| rest.starts_with(*link))
        .any(|link| {
            st.mention_starting(base + end + link.len())
                .is_some_and(|m| {
                    matches!(
                        st.entities[m.entity].kind,
                        EntityType::Country | EntityType::Place
                    ) && !FIRM_OF_PLACE.is_match(st.norm.as_str().get(m.end..).unwrap_or(""))
                })
        })
}

/// A firm described by its country right after the place's name: "X,
/// Malaysia's state utility", "X, Kenya's largest telecoms operator".
static FIRM_OF_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^['’]s (?:[\w-]+ ){0,3}?(?:utility|bank|operator|company|firm|group|carrier|giant|maker|provider|fund|conglomerate|developer|insurer|airline|telco|producer|supplier)\b")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Where the first word of the sentence starting at byte `base` starts.
fn first_word_start(st: &DocState, base: usize) -> usize {
    let k = st.sentences.partition_point(|s| s.span.start < base);
    st.sentences
        .get(k)
        .and_then(|s| s.tokens.first())
        .map_or(0, |t| t.start)
}

/// "Entergy construira ...": a sentence's first word that does what firms do.
fn subject_of_trigger(st: &DocState, post: &str) -> bool {
    static AUX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^ (?:(?:va|vont|a|ont|will|has|have|plans to|prevoit d'|compte|entend|is to|is set to|to) )?")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    let lex = &st.ex.lex;
    let at = AUX.find(post).map_or(0, |m| m.end());
    let rest = &post[at..];
    [&lex.invest, &lex.build, &lex.supply, &lex.partner]
        .iter()
        .any(|re| re.find(rest).is_some_and(|m| m.start() == 0))
}

/// Firms named as examples of a plural noun of firms: "several Swedish
/// companies, including Ericsson and", "des fabricants comme" (folded text
/// before a name).
static FIRMS_INCLUDING: LazyLock<Regex> = LazyLock::new(|| {
    use super::relations::EXAMPLE_CUES;
    folded_regex(&format!(
        r"(?:companies|firms|groups|giants|makers|manufacturers|operators|providers|startups|investors|entreprises|societes|groupes|geants|fabricants|operateurs|fournisseurs|acteurs|investisseurs|firmes)(?: [\w'-]+){{0,4}},? (?:{EXAMPLE_CUES}) ?(?:[\w'-]+(?: [\w'-]+)?(?:,| et| and| ou| or) )*$"
    ))
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "de Google, Microsoft et Tesla": a name in a list with an organisation.
fn listed_with_org(st: &DocState, base: usize, sent: &str, start: usize, end: usize) -> bool {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:,| et| and| ou| or| &) $").unwrap_or_else(|e| unreachable!("{e}"))
    });
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:,| et| and| ou| or| &) ").unwrap_or_else(|e| unreachable!("{e}"))
    });
    let is_org_at = |at: usize, ends: bool| {
        let m = if ends {
            st.mention_ending(at)
        } else {
            st.mention_starting(at)
        };
        m.is_some_and(|m| {
            m.how == How::Known && st.entities[m.entity].kind == EntityType::Organization
        })
    };
    let before = BEFORE
        .find(&sent[..start])
        .is_some_and(|m| is_org_at(base + m.start(), true));
    let after = AFTER.find(&sent[end..]).is_some_and(|m| {
        is_org_at(base + end + m.end(), false) || suffixed_run(st, &sent[end + m.end()..])
    });
    before || after
}

/// Whether `text` opens on capitalised words (four at most) that a firm
/// suffix ends: "Balderton Capital ou Hoxton Ventures".
fn suffixed_run(st: &DocState, text: &str) -> bool {
    for (k, raw) in text.split(' ').take(4).enumerate() {
        let word = raw.trim_end_matches([',', '.', ';', ':']);
        if !is_capitalised(word) {
            return false;
        }
        // a suffix ends a name, it is none alone ("AI and automation")
        if k > 0 && st.ex.lex.org_suffixes.contains(&fold_str(word)) {
            return true;
        }
        // a comma ends the name
        if word.len() < raw.len() {
            return false;
        }
    }
    false
}

/// "le japonais Sumitomo", "l'américain Nvidia": a name right after an
/// article and a demonym written as an adjective is a firm's.
fn demonym_before(st: &DocState, base: usize, sent: &str, start: usize) -> bool {
    static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\W)(?:le|la|l'|the) ?$").unwrap_or_else(|e| unreachable!("{e}"))
    });
    if !sent[..start].ends_with(' ') {
        return false;
    }
    let Some(m) = st.mention_ending(base + start - 1) else {
        return false;
    };
    let demonym = &sent[m.start - base..m.end - base];
    m.how == How::Demonym
        && demonym.starts_with(|c: char| c.is_lowercase())
        && ARTICLE.is_match(&fold_str(&sent[..m.start - base]))
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

/// A country told of without its name: "le pays", "the kingdom", "the
/// region", and its government ("the federal government", "le
/// gouvernement").
static COUNTRY_ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|[^\w'])((?:le|du|au|ce|the|this) (?:pays|royaume|country|kingdom|nation|continent)|(?:la|de la|a la|cette|the|this) region|regional|regionale|regionaux|regionales|(?:the|le|du|au) (?:(?:federal|national|central) )?(?:government|gouvernement)(?: (?:federal|national|central))?|the feds)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// What follows a government that names its own country or state: "of
/// Kenya", "de l'Inde".
static GOVERNMENT_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ (?:of|de|du|des|d'|d’)").unwrap_or_else(|e| unreachable!("{e}"))
});

/// Whether `after` (the text right after a name, as written) opens with a
/// verb of reporting: "Dawn reported the figures, citing", "X rapporte".
/// Who reports money neither invests it nor is "the company".
pub(crate) fn reports_after(after: &str) -> bool {
    REPORTS_AFTER.is_match(after)
}

/// A verb of reporting right after a name (as written): " reported", ",
/// citing", " a rapporté".
static REPORTS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,? (?:reported|reports|citing|cited|a rapporté|rapporte|rapportait|rapportent|ont rapporté)\b")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Document byte spans of group 1 (else 2) of `re` run over sentence `i` folded.
fn folded_captures(st: &DocState, i: usize, re: &Regex) -> Vec<(usize, usize)> {
    let (span, folded) = (st.sentences[i].span, &st.sentences[i].folded);
    re.captures_iter(&folded.text)
        .filter_map(|c| c.get(1).or_else(|| c.get(2)))
        .map(|m| {
            (
                span.start + folded.source_offset(m.start()),
                span.start + folded.source_end(m.start(), m.end()),
            )
        })
        .collect()
}

/// "le pays", "the country": the country named last before them;
/// "the continent", "the region", "regional": the last continent-sized
/// region; "the government": see [`government_country`].
fn find_country_anaphors(st: &mut DocState, i: usize) {
    for (s, e) in folded_captures(st, i, &COUNTRY_ANAPHOR) {
        // "the continent": a region the gazetteer places in nothing larger
        let said = fold_str(&st.norm.as_str()[s..e]);
        let continent = said.ends_with("continent");
        // "the region", "its regional capacity": the last region named
        // ("la région Occitanie" names its own)
        let region = said.contains("region");
        if region && st.mentions_in(e, e + 2).next().is_some() {
            continue;
        }
        if ["govern", "gouvern", "feds"]
            .iter()
            .any(|w| said.contains(w))
        {
            if let Some(country) = government_country(st, i, s, e) {
                st.add_mention(s, e, country, How::Anaphor);
            }
            continue;
        }
        // "the kingdom", "le royaume": a country with a king
        let kingdom = said.ends_with("kingdom") || said.ends_with("royaume");
        let fits = |entity: usize| {
            let ent = &st.entities[entity];
            if continent || region {
                ent.kind == EntityType::Place
                    && ent.gaz.is_some_and(|g| st.ex.gaz.entry(g).within.is_none())
            } else {
                ent.kind == EntityType::Country
                    && (!kingdom || st.ex.lex.kingdoms.contains(&fold_str(&ent.name)))
            }
        };
        let before = || {
            st.mentions_in(0, s)
                .rev()
                .filter(|m| m.end <= s && fits(m.entity))
        };
        // a country named before, else one its people were ("la société
        // saoudienne ... dans le royaume")
        let antecedent = before()
            .find(|m| matches!(m.how, How::Known | How::Name | How::Short))
            .or_else(|| before().find(|m| m.how == How::Demonym))
            .map(|m| m.entity);
        if let Some(entity) = antecedent {
            st.add_mention(s, e, entity, How::Anaphor);
        }
    }
}

/// The country a government told of at `s..e` in sentence `i` is that of:
/// the demonym after it ("le gouvernement américain"), else the country the
/// article has named most so far, counting the places in it ("a campus in
/// Quebec ... the federal government"), the last named of those that tie.
/// None for the government of a place it names ("the government of Kenya",
/// which the names read) or with no country told of before.
fn government_country(st: &mut DocState, i: usize, s: usize, e: usize) -> Option<usize> {
    let after = &st.norm.as_str()[e..];
    if GOVERNMENT_OF.is_match(after) {
        return None;
    }
    let span = st.sentences[i].span;
    let demonym = st
        .ex
        .gaz
        .find(
            &st.norm.as_str()[span.start..span.end],
            &st.sentences[i].folded,
        )
        .into_iter()
        .find(|h| h.form == Form::Demonym && span.start + h.start == e + 1)
        .and_then(|h| st.ex.gaz.country_of(h.entry));
    if let Some(country) = demonym {
        return Some(st.known_entity(country));
    }
    let mut counts: HashMap<usize, (usize, usize)> = HashMap::new();
    for (at, m) in st.mentions_in(0, s).filter(|m| m.end <= s).enumerate() {
        let ent = &st.entities[m.entity];
        let country = match ent.kind {
            EntityType::Country | EntityType::Place => {
                ent.gaz.and_then(|g| st.ex.gaz.country_of(g))
            }
            _ => None,
        };
        if let Some(c) = country {
            let n = counts.entry(c).or_default();
            *n = (n.0 + 1, at);
        }
    }
    let best = counts.into_iter().max_by_key(|&(_, n)| n)?.0;
    Some(st.known_entity(best))
}

/// Anaphors of sentence `i`, bound to the nearest organisation named before,
/// and country anaphors bound to the nearest country.
pub(crate) fn find_anaphors(st: &mut DocState, i: usize) {
    find_country_anaphors(st, i);
    let mut found = folded_captures(st, i, &st.ex.rules.anaphor);
    found.extend(folded_captures(st, i, &st.ex.rules.anaphor_of));
    found.sort_unstable();
    for (s, e) in found {
        // "le groupe de Xavier Niel": the firm told of before, which the
        // person leads
        let owner = st
            .mentions_in(e, e + 6)
            .find(|m| {
                st.entities[m.entity].kind == EntityType::Person
                    && OWNER_GAP.is_match(&st.norm.as_str()[e..m.start])
            })
            .map(|m| m.entity);
        // "le groupe LG", "le constructeur automobile Hyundai Motor": a cue
        // before a name, not an anaphor ("the company's chief executive, P" is one)
        // the gap holds at most two words: only mentions close after count
        let next_named = owner.is_none()
            && st
                .mentions_in(e, e + 80)
                .any(|m| m.how != How::Anaphor && CUE_GAP.is_match(&st.norm.as_str()[e..m.start]));
        // "245MW of IT capacity": a word in capitals is an acronym, no pronoun
        let written = &st.norm.as_str()[s..e];
        let acronym = written.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !written.chars().any(char::is_lowercase);
        if next_named || acronym {
            continue;
        }
        // the last organisation named before it (mentions never overlap:
        // by start, the last ones end last), a news agency being the source
        // (or a paper that reports: "Dawn reported the figures, citing")
        let firm = |m: &Mention| {
            m.how != How::Anaphor
                && st.entities[m.entity].kind == EntityType::Organization
                && !st.ex.lex.is_news_agency(&st.entities[m.entity].name)
                && !reports_after(&st.norm.as_str()[m.end..])
        };
        let nearest = st.mentions_in(0, s).rev().find(|m| m.end <= s && firm(m));
        // an anaphor opening its sentence is its subject, and takes up the
        // subject of the sentence before: "Swisscom unveiled a deal with
        // Nvidia. The company plans..." is Swisscom, and so is "It" after
        // "The company has partnered with Orvane."
        let opening = st.sentences[i].span.start;
        let subject_of_previous = nearest
            .filter(|m| m.start < opening && s < opening + 40)
            .and_then(|m| {
                let prev = st.sentences[..i]
                    .iter()
                    .rposition(|x| x.span.start <= m.start)?;
                subject_told_before(st, prev, &firm)
            });
        let antecedent = subject_of_previous.or(nearest).map(|m| m.entity);
        if let Some(entity) = antecedent {
            st.add_mention(s, e, entity, How::Anaphor);
            if let Some(person) = owner {
                st.add_fact(
                    i,
                    person,
                    Predicate::Leads,
                    entity,
                    "role.firm-of-person",
                    0.7,
                    Attrs::default(),
                );
            }
        }
    }
}

/// The firm sentence `j` is about, for an anaphor after it to take up: its
/// first organisation, named or itself an anaphor. A sentence that opens
/// on a person is about the person's firm named in an apposition ("Priya
/// Raman, chief executive of Orvane, said"), else the firm told of before
/// it: one it names again, else the one the sentence before is about (up
/// to two sentences back), not one the person came from ("Raman, who ran
/// Kestrel's Asian arm, replaces ...").
fn subject_told_before(
    st: &DocState,
    mut j: usize,
    firm: &dyn Fn(&Mention) -> bool,
) -> Option<Mention> {
    let org = |m: &Mention| {
        firm(m) || (m.how == How::Anaphor && st.entities[m.entity].kind == EntityType::Organization)
    };
    for _ in 0..3 {
        let ms = st.sentence_mentions(j);
        let opener = ms.iter().find(|m| {
            !matches!(
                st.entities[m.entity].kind,
                EntityType::Place | EntityType::Country
            )
        });
        if opener.is_none_or(|m| st.entities[m.entity].kind != EntityType::Person) {
            return ms.into_iter().find(|m| org(m));
        }
        let start = st.sentences[j].span.start;
        let apposed = |m: &Mention| {
            opener.is_some_and(|p| {
                let gap = st.norm.as_str().get(p.end..m.start).unwrap_or("");
                gap.starts_with(", ") && gap.len() <= 60 && !RELATIVE_GAP.is_match(gap)
            })
        };
        let told = ms.iter().find(|m| {
            org(m) && (apposed(m) || st.mentions_in(0, start).any(|e| e.entity == m.entity))
        });
        if told.is_some() {
            return told.copied();
        }
        j = j.checked_sub(1)?;
    }
    None
}

/// Between a firm's noun and the person it belongs to: "le groupe de
/// ⟨P⟩", "la société d'⟨P⟩" (English says "⟨P⟩'s company").
static OWNER_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ (?:de |d'|d’)$").unwrap_or_else(|e| unreachable!("{e}")));

/// A relative pronoun between a person and a firm: the firm is not the
/// person's apposition ("Raman, who ran", "Mme Raman, qui dirigeait").
static RELATIVE_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:who|which|that|qui|dont|lequel|laquelle)\b")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

#[cfg(test)]
mod tests {
    use crate::extract::Extractor;
    use crate::model::EntityType;

    /// The words of a sentence as `tokens` cuts them.
    fn words_of(sent: &str) -> Vec<&str> {
        super::tokens(sent)
            .iter()
            .map(|t| &sent[t.start..t.end])
            .collect()
    }

    #[test]
    fn words_drop_elisions_possessives_and_final_periods() {
        let table: &[(&str, &[&str])] = &[
            (
                "L'usine d'AT&T coûte 5,2 milliards.",
                &["usine", "AT&T", "coûte", "5", "2", "milliards"],
            ),
            (
                "Nvidia's chips reach the U.S. and S.A. firms -",
                &[
                    "Nvidia", "chips", "reach", "the", "U.S.", "and", "S.A.", "firms",
                ],
            ),
            (
                "Jusqu'à Qu'il QU'IL l'Arabie aujourd'hui",
                &["à", "il", "QU'IL", "Arabie", "aujourd'hui"],
            ),
            (
                "«Rjukan», 2031 ; Jean-Marc",
                &["Rjukan", "2031", "Jean-Marc"],
            ),
        ];
        for (sent, want) in table {
            assert_eq!(words_of(sent), *want, "{sent}");
        }
    }

    proptest::proptest! {
        /// The word scanner cuts as the regex it replaced did.
        #[test]
        fn words_cut_as_the_word_regex(s in "[a-zA-Z0-9éÉçœ'.&, -]{0,40}") {
            let re = regex::Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}'\-.&]*").unwrap();
            let want: Vec<(usize, usize)> = re.find_iter(&s).map(|m| (m.start(), m.end())).collect();
            proptest::prop_assert_eq!(super::words(&s).collect::<Vec<_>>(), want);
        }
    }

    /// The (name, type) of every entity the article names.
    fn entities(text: &str) -> Vec<(String, EntityType)> {
        let ex = Extractor::new().unwrap();
        ex.extract("t.txt", text)
            .document
            .entities
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect()
    }

    /// "NVIDIA (IA)" in a link line once made every later "IA" a mention
    /// of Nvidia: a common word in brackets is no alias.
    #[test]
    fn a_common_word_in_brackets_is_no_alias() {
        let ex = Extractor::new().unwrap();
        let x = ex.explain(
            "t.txt",
            "Read: Nvidia (IA) in Chile. Les services d'IA arrivent.",
        );
        let mentions: Vec<(String, String)> = x
            .trace
            .iter()
            .flat_map(|s| s.mentions.iter())
            .map(|(surface, name, _, _)| (surface.clone(), name.clone()))
            .collect();
        assert!(!mentions.iter().any(|(s, _)| s == "IA"), "{mentions:?}");
        assert!(mentions.iter().any(|(s, _)| s == "Nvidia"), "{mentions:?}");
    }

    fn assert_has(text: &str, name: &str, kind: EntityType) {
        let got = entities(text);
        assert!(
            got.iter().any(|(n, k)| n == name && *k == kind),
            "{name} {kind:?} not in {got:?}"
        );
    }

    fn assert_lacks(text: &str, name: &str) {
        let got = entities(text);
        assert!(
            !got.iter().any(|(n, _)| n == name),
            "{name} unexpectedly in {got:?}"
        );
    }

    /// Family 7: names come from shape and context, not closed lists. Each
    /// row: text, names that must be there with their type, names that must not.
    #[test]
    fn names_from_shape_and_context_in_both_languages() {
        use EntityType::{Organization as O, Person as P, Place as L};
        type Row<'a> = (&'a str, &'a [(&'a str, EntityType)], &'a [&'a str]);
        let table: &[Row] = &[
            // people from what only people are, and offices that are no part of a name
            (
                "Un an après que son prédécesseur, Talvi Oruhane, a fait pression.",
                &[("Talvi Oruhane", P)],
                &[],
            ),
            (
                "Kestrel, part of billionaire Ravindra Oshalan's group, operates in India.",
                &[("Ravindra Oshalan", P)],
                &[],
            ),
            (
                "Accompagné de la ministre de la Transition numérique et de la Réforme de l'administration, Ilona Varekzi, il a signé.",
                &[("Ilona Varekzi", P)],
                &[],
            ),
            (
                "The summit hosted by Senator Dorvakian opened on Monday with Mme Meriel Voskaya.",
                &[("Dorvakian", P), ("Meriel Voskaya", P)],
                &["Senator Dorvakian", "Mme Meriel Voskaya"],
            ),
            // a name followed by a comma (and "en"/"in") and a known place
            // is a place within it
            (
                "Les discussions se sont tenues à Vorlay, en Bavière, selon le ministère.",
                &[("Vorlay", L)],
                &[],
            ),
            (
                "Talks were held last week in Tessenjo, in Bavaria, the ministry said.",
                &[("Tessenjo", L)],
                &[],
            ),
            // a long line cut off after a name's first letters: no name
            (
                "Nvidia avance.\nLa plupart des capacités existantes sont concentrées en Afrique du Sud, où Microsoft, Orac",
                &[("Microsoft", O)],
                &["Orac"],
            ),
            (
                "Nvidia moves on.\nMost of the existing capacity sits in South Africa, where Microsoft and the local arm of Orac",
                &[("Microsoft", O)],
                &["Orac"],
            ),
            (
                "Nvidia moves on.\nThe firm buys its chips from US suppliers, including Nvidia Corp, and counts Tessaro Systems Inc",
                &[("Tessaro Systems Inc", O)],
                &[],
            ),
            // a distance after a name makes it a place
            (
                "Le centre a ouvert le 22 juin à Morvandi, à une trentaine de kilomètres de la capitale.",
                &[("Morvandi", L)],
                &[],
            ),
            (
                "The site opened in June at Morvandi, about 30 km north of the capital.",
                &[("Morvandi", L)],
                &[],
            ),
            (
                "Orvane owns 905 King Street West in Toronto.",
                &[],
                &["Street West"],
            ),
            // a title inside a run of names ends the firm's and starts the person's
            (
                "QVRX Chairman Talvi Oruhane told the summit that demand will climb.",
                &[("QVRX", O), ("Talvi Oruhane", P)],
                &["QVRX Chairman Talvi Oruhane"],
            ),
            // a model number after a goods word is a product, not a firm
            (
                "Nvidia appliquera cette mesure à ses ventes de la puce K20 en Chine, et produira les puces IA de nouvelle génération, les QX6, au Texas.",
                &[("Nvidia", O)],
                &["K20", "QX6"],
            ),
            // an honorific opening a name is no name; after a given name,
            // the same letter is an initial
            (
                "En présence de l'ambassadeur de Chine en Algérie, M. Talvi Oruhane, l'accord a été signé.",
                &[("Talvi Oruhane", P)],
                &["M"],
            ),
            (
                "Kiwa Holdings chief executive Kevin M. Orlov said the firm would grow.",
                &[("Kevin M. Orlov", P)],
                &["Kevin", "Orlov"],
            ),
            // a region's other name is the region's, not a person's
            (
                "Terry Holm, président de Huawei Northern Africa, a annoncé un investissement.",
                &[("Terry Holm", P)],
                &["Northern"],
            ),
            // a surname that is elsewhere a function word follows a given
            // name; the same word opening a sentence is no name
            (
                "Kelvar founder Masayoshi Son said the group will invest. Analysts said Son wanted more.",
                &[("Masayoshi Son", P)],
                &["Masayoshi"],
            ),
            (
                "Le fondateur de Kelvar, Masayoshi Son, a investi. Son projet ouvrira en 2027.",
                &[("Masayoshi Son", P)],
                &["Masayoshi", "Son projet"],
            ),
            // Arabic patronymics are one name; an honorific and a title
            // after a demonym are no part of it
            (
                "The pact was signed by Saudi Crown Prince Mohammed bin Salman on Sunday.",
                &[("Mohammed bin Salman", P)],
                &["Saudi Crown Prince Mohammed", "Salman"],
            ),
            (
                "Le prince héritier saoudien Mohammed ben Salmane a reçu Kiwa Holdings.",
                &[("Mohammed ben Salmane", P)],
                &["Salmane"],
            ),
            (
                "Sheikh Tahnoon bin Zayed Al Nahyan chairs the fund.",
                &[("Tahnoon bin Zayed Al Nahyan", P)],
                &["Sheikh Tahnoon bin Zayed Al Nahyan", "Zayed Al Nahyan"],
            ),
            // a name the article calls a firm is no place, though a
            // headline puts it after "à"
            (
                "Sivane Data s'allie à Talvo pour un campus en Espagne\n\nSivane Data a conclu un partenariat avec l'opérateur espagnol Talvo.",
                &[("Talvo", O)],
                &[],
            ),
            // a ministry's domain is no name
            (
                "La ministre de l'Industrie et du Commerce, Ilona Varekzi, a signé l'accord.",
                &[("Ilona Varekzi", P)],
                &["Industrie", "Commerce"],
            ),
            // unknown places: where a facility stands, French place-name shapes
            (
                "Le campus sera situé à Vorlanges, au sud de la capitale.",
                &[("Vorlanges", L)],
                &[],
            ),
            (
                "The company opened a data centre in Brackenfeld last year.",
                &[("Brackenfeld", L)],
                &[],
            ),
            (
                "Orvane Telecom ouvrira un site à Magny-les-Prés en 2026.",
                &[("Magny-les-Prés", L)],
                &[],
            ),
            // a firm after "in" with no facility before it stays a firm
            (
                "Kestrel Capital took a stake in Dorvane Systems.",
                &[("Dorvane Systems", O)],
                &[],
            ),
            // people outside the given-name list: speech, apposition, surname taken up
            (
                "Talvi Oruhane said the site would open in 2027.",
                &[("Talvi Oruhane", P)],
                &[],
            ),
            (
                "Le projet a été présenté par Talvi Oruhane, directrice générale de Kestrel Data.",
                &[("Talvi Oruhane", P)],
                &[],
            ),
            (
                "The deal was signed with Brannoc Delvish last week. Delvish added that more sites would follow.",
                &[("Brannoc Delvish", P)],
                &[],
            ),
            (
                "Talks with Dave McQuarrie, the state's senior senator, went on.",
                &[("Dave McQuarrie", P)],
                &[],
            ),
            // roman numerals are tiers and phases, not names; a firm called X stays
            (
                "The Tier III site of Kestrel Data opens in phase II, with X as a client.",
                &[("Kestrel Data", O)],
                &["III", "II"],
            ),
            // a capitalised demonym can begin a firm's name; a title after it cannot
            (
                "Saudi Call will build four sites. Czech Radiocommunications would provide CZK 70 billion.",
                &[("Saudi Call", O), ("Czech Radiocommunications", O)],
                &["Call"],
            ),
            (
                "Swedish Prime Minister Ulf Kristersson met the Saudi delegation.",
                &[("Ulf Kristersson", P)],
                &["Swedish Prime Minister", "Saudi delegation"],
            ),
            // trade words end a firm's name as its suffix would
            (
                "Sakura Internet plans more sites; Khazna Data Centres agreed.",
                &[("Sakura Internet", O), ("Khazna Data Centres", O)],
                &["Khazna Data"],
            ),
            // a firm stays a firm when taken up by its first word
            (
                "Orvane Systems will build a plant. Orvane said it would hire 200 people.",
                &[("Orvane Systems", O)],
                &[],
            ),
            // tickers, currency codes, amounts glued to codes, plural acronyms, compound adjectives
            (
                "The stock of Kestrel Systems KSTL.O rose as the firm raised CZK 70 billion and AED13bn for its SMRs and LPUs. Kiwa investit 2 MdGBP. It ships DGX B200 systems.",
                &[("Kestrel Systems", O)],
                &["KSTL.O", "Kestrel Systems KSTL.O", "CZK", "AED13bn", "SMRs", "LPUs", "MdGBP", "DGX B200"],
            ),
            // a price widget's ticker is no part of the name before it
            (
                "Kestrel Energy KST 5.10%increase; green up pointing triangle signed with Orvane Systems ORV -0.43%decrease.",
                &[("Kestrel Energy", O), ("Orvane Systems", O)],
                &["Kestrel Energy KST", "Orvane Systems ORV"],
            ),
            (
                "Manhattan-based Vorn Capital backs AI-focused start-ups and AI-related projects.",
                &[("Vorn Capital", O)],
                &["Manhattan-based Vorn Capital", "AI-focused", "AI-related"],
            ),
            // street addresses and bare suffixes give no names
            (
                "The centre sits at 151 Front Street West, next to the Holding Ltd offices.",
                &[],
                &["Front Street West", "Holding Ltd"],
            ),
            // sentence adverbs and continental adjectives
            (
                "Overall, European and Asian operators want more power. Additionally, demand grows.",
                &[],
                &["Overall", "European", "Asian", "Additionally"],
            ),
            // cities of the gazetteer, with their French names
            (
                "Kestrel Data ouvrira un centre à Séville et un autre à Djeddah.",
                &[("Seville", L), ("Jeddah", L)],
                &[],
            ),
            // trade acronyms, funding rounds and tiers are common nouns
            (
                "Kestrel Data raised a Series B to build a Tier III HPC site with HBM memory and a PPA.",
                &[("Kestrel Data", O)],
                &["Series B", "HPC", "HBM", "PPA", "Tier III"],
            ),
            (
                "Kestrel Data signera un PPA pour alimenter ses SMR et son offre GPUaaS.",
                &[("Kestrel Data", O)],
                &["PPA", "SMR", "GPUaaS"],
            ),
            // a title's word before a given name is no part of the name
            (
                "The plan was praised by Secretary of Commerce Gina Oruhane and by Executive Ken Brellis.",
                &[("Gina Oruhane", P), ("Ken Brellis", P)],
                &["Commerce Gina Oruhane", "Executive Ken Brellis"],
            ),
        ];
        for (text, has, lacks) in table {
            for (name, kind) in *has {
                assert_has(text, name, *kind);
            }
            for name in *lacks {
                assert_lacks(text, name);
            }
        }
    }

    #[test]
    fn a_compound_given_name_makes_a_person() {
        assert_has(
            "Kiwa Holdings a fait visiter le site à Jean-Yves Moreau et à la presse.",
            "Jean-Yves Moreau",
            EntityType::Person,
        );
    }

    #[test]
    fn french_institutions_keep_their_lower_case_words() {
        use EntityType::Organization as O;
        for (text, name) in [
            (
                "Le centre, financé par la Banque lusitanienne de développement à hauteur de 13 millions de dollars, ouvrira en mai.",
                "Banque lusitanienne de développement",
            ),
            (
                "Le projet est porté par l'Agence de l'informatique de l'Etat, selon son directeur.",
                "Agence de l'informatique de l'Etat",
            ),
            (
                "Selon le Fonds monétaire boréal, la croissance ralentit.",
                "Fonds monétaire boréal",
            ),
        ] {
            assert_has(text, name, O);
        }
        // a head noun with no adjective or "de" phrase after it is no name
        for (text, name) in [
            (
                "Le projet de la Banque finance trois sites.",
                "Banque finance",
            ),
            ("La décision de la Commission a surpris.", "Commission a"),
        ] {
            assert_lacks(text, name);
        }
        // nor is one at a sentence's start without an article
        assert_lacks(
            "Banque et assurance restent des secteurs porteurs.",
            "Banque et assurance",
        );
    }

    #[test]
    fn government_bodies_keep_their_listed_domains() {
        use EntityType::Organization as O;
        for (text, name) in [
            (
                "The Department of Trade, Energy and Mines in Vardenia said it welcomed the plan.",
                "Department of Trade, Energy and Mines",
            ),
            (
                "Vardenia's Ministry of Transport and Digital Affairs said on Tuesday it had approved the plan.",
                "Ministry of Transport and Digital Affairs",
            ),
            // two suffix words are a body's name when "of" joins them
            (
                "The Ministry of Investment welcomed the plan.",
                "Ministry of Investment",
            ),
        ] {
            assert_has(text, name, O);
        }
        // a comma that no "and" closes lists other parties
        assert_lacks(
            "The Ministry of Finance, Kestrel Data, Orvane Cloud signed the deal.",
            "Ministry of Finance, Kestrel Data",
        );
        assert_has(
            "The Ministry of Finance, Kestrel Data, Orvane Cloud signed the deal.",
            "Ministry of Finance",
            O,
        );
        // nor does "and" extend a name that is no government body's
        assert_lacks(
            "Kestrel Data and Orvane Cloud signed the deal.",
            "Kestrel Data and Orvane Cloud",
        );
    }

    #[test]
    fn unknown_organisations_from_suffixes_and_cues() {
        // common words inside a name a suffix ends are the name's; without
        // the suffix they still end it
        assert_has(
            "It is owned by the Norway Pension Plan Investment Board and others.",
            "Norway Pension Plan Investment Board",
            EntityType::Organization,
        );
        assert_lacks(
            "It is owned by the Norway Pension Plan Investment Board and others.",
            "Norway",
        );
        // one-word firms given as examples of a plural noun of firms
        assert_has(
            "Kiwa Holdings will supply several Swedish companies, including Orvex and Tandberry.",
            "Orvex",
            EntityType::Organization,
        );
        assert_has(
            "Kiwa Holdings will supply several Swedish companies, including Orvex and Tandberry.",
            "Tandberry",
            EntityType::Organization,
        );
        // one word listed before a firm a suffix ends is a firm; a suffix
        // alone ends no name
        assert_has(
            "Kiwa Holdings investira avec des fonds tels qu'Orvex, Balmore Capital ou Hexton Ventures.",
            "Orvex",
            EntityType::Organization,
        );
        assert_lacks(
            "According to the Kiwa Department of Industry, Science and Resources, AI and automation could add billions.",
            "Resources",
        );
        // a city before a firm's name is the name's: "Oxford Quantum Circuits"
        assert_has(
            "Kiwa Holdings collaborera avec Oxford Quantum Circuits pour construire un centre.",
            "Oxford Quantum Circuits",
            EntityType::Organization,
        );
        assert_lacks(
            "Orvane Systems presented its Data Plan on Monday.",
            "Orvane Systems presented its Data Plan",
        );
        assert_has(
            "Le projet réunit Nexus Core Systems et d'autres.",
            "Nexus Core Systems",
            EntityType::Organization,
        );
        assert_has(
            "La société Nyocor a investi au Xinjiang.",
            "Nyocor",
            EntityType::Organization,
        );
        assert_has(
            "The firm Quantara said it would expand.",
            "Quantara",
            EntityType::Organization,
        );
        assert_has(
            "Les fonds de Llyods Capital arrivent.",
            "Llyods Capital",
            EntityType::Organization,
        );
        // a cue word capitalised mid-sentence is the name's ("pioneer" is a cue)
        assert_has(
            "The deal was signed by Pioneer Vale Partners on Monday.",
            "Pioneer Vale Partners",
            EntityType::Organization,
        );
        // a given name inside a firm's name does not cut it
        assert_has(
            "The deal was signed by Orvel Karim Energy Group on Monday.",
            "Orvel Karim Energy Group",
            EntityType::Organization,
        );
        // three suffix words are a name, one or two are not
        assert_has(
            "Il a rejoint la société Power Capital Partners lundi.",
            "Power Capital Partners",
            EntityType::Organization,
        );
        assert_lacks(
            "Il a rejoint le fonds Capital Partners lundi.",
            "Capital Partners",
        );
        // a place that starts a run of capitalised words ending in a firm
        // suffix is the firm's
        assert_has(
            "Le contrat revient à la Lyon Future Energy Company, a-t-il dit.",
            "Lyon Future Energy Company",
            EntityType::Organization,
        );
        assert_has(
            "GIC joined the Norway Sovereign Investment Board on the deal.",
            "Norway Sovereign Investment Board",
            EntityType::Organization,
        );
        assert_has(
            "It is a unit of German insurer Munich Re.",
            "Munich Re",
            EntityType::Organization,
        );
        assert_has(
            "They will invest in Kenya Power and Kenya.",
            "Kenya",
            EntityType::Country,
        );
        assert_lacks(
            "They will invest in Kenya and Nigeria.",
            "Kenya and Nigeria",
        );
        // after an article and a demonym adjective, one word is a firm
        assert_has(
            "Le consortium réunit le sud-africain Zavocom et le japonais Tamura.",
            "Tamura",
            EntityType::Organization,
        );
        // a capitalised demonym is a noun: "le Japonais Tamura" is a person
        assert_lacks("Hier, le Japonais Tamura a parlé.", "Tamura");
    }

    #[test]
    fn people_from_titles_in_both_orders() {
        // title words before a given name one or two words from the end
        assert_has(
            "It said Global Data Centers Kevin Marlow, citing demand.",
            "Kevin Marlow",
            EntityType::Person,
        );
        assert_lacks(
            "It said Global Data Centers Kevin Marlow, citing demand.",
            "Global Data Centers Kevin Marlow",
        );
        assert_has(
            "Le PDG de BlackRock, Larry Fink, a signé.",
            "Larry Fink",
            EntityType::Person,
        );
        assert_has(
            "Zora Kelmendi, directrice de la stratégie de Naver, a parlé.",
            "Zora Kelmendi",
            EntityType::Person,
        );
        assert_has(
            "le ministre des Sciences Bae Kyung-hoon visitera Séoul.",
            "Bae Kyung-hoon",
            EntityType::Person,
        );
        assert_has(
            "Nvidia chief executive Tarek Osei said so.",
            "Tarek Osei",
            EntityType::Person,
        );
    }

    #[test]
    fn machines_and_plants_named_like_ships_are_projects() {
        use EntityType::Project as J;
        for (text, name) in [
            // a name first met with no cue takes the type a later cue gives
            (
                "VORTALIS : la Suisse dans la cour des grands\n\nLe superordinateur VORTALIS a été inauguré à Lugano.",
                "VORTALIS",
            ),
            (
                "VORTALIS: Switzerland joins the big league\n\nThe VORTALIS project was launched in Lugano.",
                "VORTALIS",
            ),
            (
                "Le supercalculateur Vortalis sera installé à Lyon.",
                "Vortalis",
            ),
            (
                "The Vortalis supercomputer will be installed in Lyon.",
                "Vortalis",
            ),
            (
                "Power will come from the Brenmoor nuclear plant.",
                "Brenmoor",
            ),
            (
                "L'électricité viendra de la centrale de Brenmoor.",
                "Brenmoor",
            ),
            // a given name does not make a machine a person
            (
                "The Alice Vortalis supercomputer will be installed in Lyon.",
                "Alice Vortalis",
            ),
        ] {
            assert_has(text, name, J);
        }
        // a known firm stays a firm whatever noun precedes it
        assert_has(
            "Nvidia a présenté ses résultats.\n\nLe projet Nvidia de Lyon avance.",
            "Nvidia",
            EntityType::Organization,
        );
        // a firm that builds one stays a firm
        assert_has(
            "Kestrel Data will build a supercomputer in Lyon.",
            "Kestrel Data",
            EntityType::Organization,
        );
    }

    #[test]
    fn navigation_bars_give_no_names_but_list_items_do() {
        // a list's item names its place twice: prose, not a share bar
        for (text, name, kind) in [
            (
                "Sites chosen:\n• Dorvano, Italy (Dorvano Computing Centre, Tecnopolo Dorvano).",
                "Italy",
                EntityType::Country,
            ),
            (
                "Sites retenus :\n• Dorvano, Italie (Centre de calcul de Dorvano).",
                "Italy",
                EntityType::Country,
            ),
            (
                "The fund backs three sites.\nBarcelona, Spain (Barcelona Digital Hub).",
                "Barcelona",
                EntityType::Place,
            ),
        ] {
            assert_has(text, name, kind);
        }
        // a wire credit line names no one and nowhere of the story
        for (text, not) in [
            (
                "Kestrel Data va construire un campus à Lyon.\n(Reportage Talvi Oruhane, version française Meriel Voskaya, édité par Kelvar Osh)",
                ["Reportage Talvi Oruhane", "Kelvar Osh"],
            ),
            (
                "Kestrel Data will build a campus in Lyon.\n(Reporting by Talvi Oruhane in Bengaluru; Editing by Kelvar Osh)",
                ["Bangalore", "Kelvar Osh"],
            ),
        ] {
            for name in not {
                assert_lacks(text, name);
            }
            assert_has(text, "Kestrel Data", EntityType::Organization);
        }
        // a bar of capitalised words with a repeated one names nothing
        assert_lacks(
            "Accueil Quantara Labs Actualités Quantara Labs",
            "Quantara Labs",
        );
        assert_lacks("Home Quantara Labs News Quantara Labs", "Quantara Labs");
    }

    #[test]
    fn months_weekdays_and_headlines_are_not_names() {
        assert_lacks("Le 22 Septembre, Lundi, tout a changé.", "Septembre");
        assert_lacks(
            "NVIDIA ANNONCE UN ACCORD GÉANT AVEC QUANTARA LABS",
            "QUANTARA LABS",
        );
    }

    #[test]
    fn bracketed_acronym_becomes_an_alias() {
        let ex = Extractor::new().unwrap();
        let doc = ex
            .extract(
                "t.txt",
                "Le ministère de la Planification Numérique (MPN) signe. Le MPN investira.",
            )
            .document;
        let e = doc
            .entities
            .iter()
            .find(|e| e.aliases.iter().any(|a| a == "MPN"))
            .expect("MPN alias");
        assert_eq!(e.kind, EntityType::Organization);
    }

    #[test]
    fn a_known_firm_with_its_legal_form_is_that_firm() {
        let ex = Extractor::new().unwrap();
        let text = "The provider CoreWeave Inc. (CRWV) will invest $6 billion in Ghana. \
                    Nvidia Corp. will supply the chips.";
        let doc = ex.extract("t.txt", text).document;
        let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(
            names.contains(&"CoreWeave") && names.contains(&"Nvidia"),
            "{names:?}"
        );
        // the ticker after the legal form is the firm's alias, not a firm
        assert!(!names.contains(&"CRWV"), "{names:?}");
        let investor = doc
            .triples
            .iter()
            .find(|t| t.p == crate::model::Predicate::InvestsIn)
            .map(|t| t.s.as_str());
        assert_eq!(investor, Some("CoreWeave"));
        // a legal form after an unknown name keeps the whole name
        let doc = ex
            .extract(
                "t.txt",
                "Arveno Systems Ltd will build a data centre in Kenya.",
            )
            .document;
        assert!(doc.entities.iter().any(|e| e.name == "Arveno Systems Ltd"));
    }

    #[test]
    fn a_name_ending_on_a_facility_word_is_a_project() {
        let ex = Extractor::new().unwrap();
        let text = "In the U.K., Kestrel Data's Loughton AI Campus is slated to host 23,000 GPUs.";
        let doc = ex.extract("t.txt", text).document;
        let campus = doc.entities.iter().find(|e| e.name.ends_with("Campus"));
        assert_eq!(
            campus.map(|e| e.kind),
            Some(EntityType::Project),
            "{:?}",
            doc.entities
        );
    }
}
