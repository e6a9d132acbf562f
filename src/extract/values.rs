//! Values: a sentence in, the amounts, quantities and years it states out.
//!
//! Amounts accept the currency before or after, symbols and ISO codes, every
//! digit-group separator, and French or English scale words ("billion" is
//! 1e12 in French, 1e9 in English).

use std::sync::LazyLock;

use regex::{Captures, Regex, RegexSet, SetMatches};

use crate::extract::lexicon::ascii_digits;
use crate::model::{Amount, Lang, Quantity};

/// What a value is.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueKind {
    /// Money.
    Amount(Amount),
    /// A count of goods or a capacity.
    Quantity(Quantity),
    /// A horizon year ("d'ici 2031", "by 2028").
    Horizon(i32),
    /// A plain date year ("en 2024", "in 2024").
    Year(i32),
}

/// A value found in a sentence: byte span relative to the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// Start byte within the sentence.
    pub start: usize,
    /// End byte within the sentence.
    pub end: usize,
    /// The value.
    pub kind: ValueKind,
}

const NUM: &str = r"(?P<num>\d{1,3}(?:[ '.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)";
const SCALE: &str = r"(?P<scale>milliers?|millions?|milliards?|billions?|trillions?|lakh crores?|crores?|lakhs?|mille|mds?|mrds?|bln|mln|trln|bn|mn|tn|[mkb])";
/// Small numbers written as words before a scale word ("un milliard", "two billion").
const NUM_WORD: &str = r"(?P<num>un|une|one|a|deux|two|trois|three|quatre|four|cinq|five|six|sept|seven|huit|eight|neuf|nine|dix|ten)";
const CUR_WORD: &str = r"(?P<cur>(?:australian |canadian |us |u\.s\. |american |singapore |hong kong |new zealand )?dollars?(?: (?:am[ée]ricains|us|australiens|canadiens|de hong kong|singapouriens|n[ée]o-z[ée]landais|ta[ïi]wanais))?|\$ ?us|\$|euros?|€|wons?(?: sud-cor[ée]ens)?|yens?|(?:uae |emirati )?dirhams?(?: [ée]miratis| des [ée]mirats)?|livres? (?:turques|[ée]gyptiennes)|(?:turkish )?lira|egyptian pounds?|livres? sterling|livres?|(?:british )?pounds?(?: sterling)?|zlotys?|forints?|lei|shekels?|tenge|roubles?|rubles?|cedis?|dinars? (?:alg[ée]riens|tunisiens|kowe[ïi]tiens|bahre[ïi]nis|jordaniens)|(?:algerian |tunisian |kuwaiti |bahraini |jordanian )dinars?|francs? suisses|swiss francs?|francs? cfa|fcfa|francs?|yuans?|renminbi|roupies?|rupees?|riyals?(?: qataris| omanais)?|(?:qatari |omani )riyals?|rands?|r[ée]als?|reais|(?:swedish |norwegian |danish |czech )?(?:kronor|krona|kroner|koruna)|(?:swedish|norwegian|danish|czech) crowns?|couronnes?(?: su[ée]doises?| norv[ée]giennes?| danoises?| tch[èe]ques?)?|ringgits?|rupiah|baht|nairas?|(?:kenyan )?shillings?(?: k[ée]nyans)?|(?:mexican |philippine |argentine |chilean |colombian )?pesos?(?: mexicains| philippins| argentins| chiliens| colombiens)?|usd|eur|krw|jpy|mad|gbp|cny|aud|cad|chf|inr|sar|aed|brl|sgd|hkd|zar|nok|sek|dkk|czk|myr|idr|thb|ngn|kes|mxn|egp|qar|kwd|pln)";
const CUR_SYMBOL: &str = r"(?P<sym>rs\.? ?|₹ ?|us\$|usd ?\$?|a\$|au\$|aud ?\$?|c\$|ca\$|cad ?\$?|s\$|hk\$|nz\$|r\$|\$|€|£|¥|₩|eur ?|gbp ?|jpy ?|krw ?|chf ?|(?:czk|sek|nok|dkk|aed|sar|inr|cny|myr|zar|brl|mxn|idr|thb|qar|kwd|egp|ngn|kes|pln) ?)";

/// Compiles a value pattern, reading ASCII digits (see [`ascii_digits`]).
fn value_regex(src: &str) -> Regex {
    Regex::new(&ascii_digits(src)).unwrap_or_else(|e| unreachable!("value regex: {e}"))
}

static AMOUNT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    value_regex(&format!(
        r"(?i)(?-u:\b){NUM}(?: ?{SCALE}\.?)?(?: (?:de |d'|of ))?\s?{CUR_WORD}(?:$|[^\p{{L}}])"
    ))
});
static AMOUNT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    value_regex(&format!(
        r"(?i)(?-u:\b){NUM_WORD} (?P<scale>milliards?|millions?|billions?|trillions?)(?: (?:de |d'|of ))?\s?{CUR_WORD}(?:$|[^\p{{L}}])"
    ))
});
/// "entre 4 et 5 milliards d'euros", "$4-5 billion": the upper bound is kept.
static RANGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    value_regex(&format!(
        r"(?i)(?-u:\b)(?:entre |between |from |de )?\d+(?:[.,]\d+)? ?(?:-|–|à|a|et|and|to) ?{NUM}(?: ?{SCALE}\.?)(?: (?:de |d'|of ))?\s?{CUR_WORD}(?:$|[^\p{{L}}])"
    ))
});
static RANGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    value_regex(&format!(
        r"(?i)(?:^|[^\p{{L}}]){CUR_SYMBOL}\d+(?:[.,]\d+)? ?(?:-|–|to|à) ?(?:\$|€|£)?{NUM} ?(?P<scale>trillion|billion|million|milliards?|millions?|bln|mln|trln|bn|mn|tn)(?-u:\b)"
    ))
});
static AMOUNT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    // "$2-billion", "US$450-million": the Canadian and South African press
    // hyphenate the scale
    value_regex(&format!(
        r"(?i)(?:^|[^\p{{L}}]){CUR_SYMBOL}{NUM}(?:(?:[ -]?{SCALE}(?-u:\b))|(?:[ -]?(?P<scale2>trillion|billion|million|milliards?|millions?)))?"
    ))
});
/// The South African press writes rands as "R3.2-billion": a capital R
/// right before the figure, read only with a scale word ("R1" alone is a
/// model name).
static RAND: LazyLock<Regex> = LazyLock::new(|| {
    value_regex(&format!(
        r"(?:^|[^\p{{L}}\d$])(?P<sym>R){NUM}[ -]?(?P<scale>trillion|billion|million|bn|mn)(?-u:\b)"
    ))
});
/// The Quebec press writes "5 G$" for five billion (Canadian) dollars: a
/// capital G before the dollar sign is that notation's alone; "CA"/"US"
/// after it names the dollar outright.
static GIGA_DOLLARS: LazyLock<Regex> = LazyLock::new(|| {
    value_regex(&format!(
        r"(?-u:\b){NUM} ?G\$(?: ?(?P<cc>US|CAN?)(?-u:\b))?"
    ))
});
static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    value_regex(&format!(
        r"(?i)(?-u:\b){NUM}(?: ?(?P<scale>millions?|milliers?|mille|k)(?-u:\b))?(?: (?:de |d'|of )?(?:ses |leurs |its |their |the |nouveaux |nouvelles |new |autres )?(?:[\p{{Lu}}\d][\w-]* ){{0,2}}?)?\s?(?P<unit>gpus?|puces?|chips?|semi-conducteurs?|semiconductors?|processeurs?|processors?|serveurs?|servers?|acc[ée]l[ée]rateurs?|accelerators?|mw|m[ée]gawatts?|gw|gigawatts?)(?-u:\b)"
    ))
});
static HORIZON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:d'ici (?:à |a )?(?:la fin (?:de |d')?)?(?:l'année )?|à l'horizon |a l'horizon |horizon |jusqu'en |jusqu'à |by (?:the end of )?|until |through |to |et |and |-)(?P<year>20\d\d)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("horizon regex: {e}"))
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:en|in|au cours de|during|depuis|since|from|de|dès) (?:l'année |the year |fin |début |early |late |mid-)?(?P<year>20\d\d)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("year regex: {e}"))
});
/// A founding participle, the word before a year's preposition: "founded
/// (in 2012)", "fondée (en 2010)".
static FOUNDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:co-?founded|founded|established|incorporated|created|(?:co-?)?fondée?s?|créée?s?)$")
        .unwrap_or_else(|e| unreachable!("founded regex: {e}"))
});
static SPAN_YEARS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:d'ici|dans les|sur les|over the next|within the next|in the next|within|au cours des|sur) (?P<n>\d+|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty) (?:prochaines )?(?:ans|années|years)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("span regex: {e}"))
});

/// Finds the values of one sentence. `lang` decides decimal marks and the
/// meaning of "billion"; `article_year` resolves "over the next five years".
pub fn find(sentence: &str, lang: Lang, article_year: Option<i32>) -> Vec<Value> {
    find_all(sentence, lang, article_year).0
}

/// The values kept, and those dropped as implausible (an amount over 1e15
/// or not finite), which `extract --explain` shows.
pub(crate) fn find_all(
    sentence: &str,
    lang: Lang,
    article_year: Option<i32>,
) -> (Vec<Value>, Vec<Value>) {
    let mut out = Found::default();
    if !may_hold_values(sentence) {
        return (out.kept, out.dropped);
    }
    let hits = ANY_VALUE.matches(sentence);
    for caps in scan(&hits, &RANGE_BEFORE, sentence) {
        let (Some(sym), Some(num)) = (caps.name("sym"), caps.name("num")) else {
            continue;
        };
        let (Some(value), Some(currency)) =
            (parse_number(num.as_str(), lang), currency_of(sym.as_str()))
        else {
            continue;
        };
        let scale = scale_of(caps.name("scale").map(|m| m.as_str()), lang);
        let end = caps.get(0).map_or(num.end(), |m| m.end());
        let amount = Amount {
            value: value * scale,
            currency,
        };
        push(&mut out, sym.start(), end, ValueKind::Amount(amount));
    }
    for re in [&*RANGE_AFTER, &*AMOUNT_WORDS] {
        for caps in scan(&hits, re, sentence) {
            let (Some(num), Some(cur)) = (caps.name("num"), caps.name("cur")) else {
                continue;
            };
            let value = parse_number(num.as_str(), lang)
                .or_else(|| small_number(num.as_str()).map(f64::from))
                .or_else(|| num.as_str().eq_ignore_ascii_case("a").then_some(1.0));
            let (Some(value), Some(currency)) = (value, currency_of(cur.as_str())) else {
                continue;
            };
            let scale = scale_of(caps.name("scale").map(|m| m.as_str()), lang);
            let start = caps.get(0).map_or(num.start(), |m| m.start());
            let amount = Amount {
                value: value * scale,
                currency,
            };
            push(&mut out, start, cur.end(), ValueKind::Amount(amount));
        }
    }
    for caps in scan(&hits, &GIGA_DOLLARS, sentence) {
        let (Some(all), Some(value)) = (
            caps.get(0),
            caps.name("num")
                .and_then(|n| parse_number(n.as_str(), lang)),
        ) else {
            continue;
        };
        let currency = match caps.name("cc").map(|c| c.as_str()) {
            Some("US") => "USD",
            _ => "CAD",
        };
        let amount = Amount {
            value: value * 1e9,
            currency: currency.to_string(),
        };
        push(&mut out, all.start(), all.end(), ValueKind::Amount(amount));
    }
    // "R3.2-billion", "R500 million": the rand's capital R reads like any
    // symbol before the figure
    for caps in scan(&hits, &AMOUNT_BEFORE, sentence).chain(scan(&hits, &RAND, sentence)) {
        let (Some(sym), Some(num)) = (caps.name("sym"), caps.name("num")) else {
            continue;
        };
        let scale = caps
            .name("scale")
            .or_else(|| caps.name("scale2"))
            .map(|m| m.as_str());
        let Some(value) = parse_number(num.as_str(), lang) else {
            continue;
        };
        let Some(currency) = currency_of(sym.as_str()) else {
            continue;
        };
        let end = caps.get(0).map_or(num.end(), |m| m.end());
        push(
            &mut out,
            sym.start(),
            end,
            ValueKind::Amount(Amount {
                value: value * scale_of(scale, lang),
                currency,
            }),
        );
    }
    for caps in scan(&hits, &AMOUNT_AFTER, sentence) {
        let (Some(num), Some(cur)) = (caps.name("num"), caps.name("cur")) else {
            continue;
        };
        let Some(value) = parse_number(num.as_str(), lang) else {
            continue;
        };
        let Some(currency) = currency_of(cur.as_str()) else {
            continue;
        };
        let scale = scale_of(caps.name("scale").map(|m| m.as_str()), lang);
        push(
            &mut out,
            num.start(),
            cur.end(),
            ValueKind::Amount(Amount {
                value: value * scale,
                currency,
            }),
        );
    }
    for caps in scan(&hits, &QUANTITY, sentence) {
        let (Some(num), Some(unit)) = (caps.name("num"), caps.name("unit")) else {
            continue;
        };
        let Some(value) = parse_number(num.as_str(), lang) else {
            continue;
        };
        let scale = scale_of(caps.name("scale").map(|m| m.as_str()), lang);
        let unit = unit_of(unit.as_str());
        push(
            &mut out,
            num.start(),
            caps.get(0).map_or(num.end(), |m| m.end()),
            ValueKind::Quantity(Quantity {
                value: value * scale,
                unit,
            }),
        );
    }
    for caps in scan(&hits, &HORIZON, sentence) {
        if let Some(y) = caps.name("year") {
            if let Ok(year) = y.as_str().parse() {
                push(&mut out, y.start(), y.end(), ValueKind::Horizon(year));
            }
        }
    }
    if let Some(base) = article_year {
        for caps in scan(&hits, &SPAN_YEARS, sentence) {
            if let Some(n) = caps.name("n").and_then(|n| small_number(n.as_str())) {
                let m = caps.get(0).map_or(0..0, |m| m.range());
                push(&mut out, m.start, m.end, ValueKind::Horizon(base + n));
            }
        }
    }
    for caps in scan(&hits, &YEAR, sentence) {
        // "founded in 2012", "fondée en 2010": the firm's year, not a deal's
        // (only the word before is read, not the whole sentence before)
        let at = caps.get(0).map_or(0, |m| m.start());
        let before = sentence[..at].strip_suffix(' ').unwrap_or_default();
        if FOUNDED.is_match(before.rsplit(' ').next().unwrap_or_default()) {
            continue;
        }
        if let Some(y) = caps.name("year") {
            if let Ok(year) = y.as_str().parse() {
                push(&mut out, y.start(), y.end(), ValueKind::Year(year));
            }
        }
    }
    out.kept.sort_by_key(|v| v.start);
    (out.kept, out.dropped)
}

/// The value patterns, in [`ANY_VALUE`]'s order.
fn value_patterns() -> [&'static Regex; 11] {
    [
        &RANGE_BEFORE,
        &RANGE_AFTER,
        &AMOUNT_WORDS,
        &GIGA_DOLLARS,
        &AMOUNT_BEFORE,
        &RAND,
        &AMOUNT_AFTER,
        &QUANTITY,
        &HORIZON,
        &SPAN_YEARS,
        &YEAR,
    ]
}

/// Every value pattern in one automaton: one scan tells which of them a
/// sentence can match, and only those are run for their captures.
static ANY_VALUE: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(value_patterns().iter().map(|re| re.as_str()))
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The captures of value pattern `re` in `sentence`, if [`ANY_VALUE`]'s
/// scan found it there.
fn scan<'h>(
    hits: &SetMatches,
    re: &'static Regex,
    sentence: &'h str,
) -> impl Iterator<Item = Captures<'h>> {
    let found = value_patterns()
        .iter()
        .position(|p| std::ptr::eq(*p, re))
        .is_some_and(|k| hits.matched(k));
    found
        .then(|| re.captures_iter(sentence))
        .into_iter()
        .flatten()
}

/// Every value has a digit or a spelled-out scale or count: a cheap test
/// that spares most sentences the regexes below.
fn may_hold_values(sentence: &str) -> bool {
    static WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["milli", "billion", "trillion", " ans", " years", "année"])
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    sentence.bytes().any(|b| b.is_ascii_digit()) || WORDS.is_match(sentence)
}

/// Adds a value unless an earlier, more specific one covers its span.
/// The largest amount a news article can mean (ten times world GDP): above
/// it, or not a finite number, the reading is wrong and no fact may carry it.
pub const MAX_AMOUNT: f64 = 1e15;
/// The largest quantity (chips, megawatts) a fact may carry.
pub const MAX_QUANTITY: f64 = 1e12;

/// Whether `v` can be stored as a value bounded by `max`: finite, not
/// negative, at most `max`. The store's loader checks with the same test.
pub fn in_bounds(v: f64, max: f64) -> bool {
    v.is_finite() && (0.0..=max).contains(&v)
}

/// Whether a value can be stored.
fn plausible(kind: &ValueKind) -> bool {
    match kind {
        ValueKind::Amount(a) => in_bounds(a.value, MAX_AMOUNT),
        ValueKind::Quantity(q) => in_bounds(q.value, MAX_QUANTITY),
        _ => true,
    }
}

/// The values of a sentence so far: kept, and dropped as implausible.
#[derive(Default)]
struct Found {
    kept: Vec<Value>,
    dropped: Vec<Value>,
}

fn push(out: &mut Found, start: usize, end: usize, kind: ValueKind) {
    if out.kept.iter().any(|v| v.start < end && start < v.end) {
        return;
    }
    let value = Value { start, end, kind };
    if plausible(&value.kind) {
        out.kept.push(value);
    } else {
        out.dropped.push(value);
    }
}

/// Parses a number written with any digit-group separator and decimal mark.
pub fn parse_number(raw: &str, lang: Lang) -> Option<f64> {
    let s: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '\'' | '\u{a0}' | '\u{202f}'))
        .collect();
    let groups = |sep: char| s.split(sep).skip(1).all(|g| g.len() == 3);
    let cleaned = match (s.contains(','), s.contains('.')) {
        (true, true) => {
            // the last mark is the decimal one
            let (dec, group) = if s.rfind(',') > s.rfind('.') {
                (',', '.')
            } else {
                ('.', ',')
            };
            s.replace(group, "").replace(dec, ".")
        }
        (true, false) => {
            let many = s.matches(',').count() > 1;
            if groups(',') && (lang == Lang::En || many) {
                s.replace(',', "")
            } else {
                s.replace(',', ".")
            }
        }
        (false, true) => {
            let many = s.matches('.').count() > 1;
            if groups('.') && (lang == Lang::Fr || many) {
                s.replace('.', "")
            } else {
                s
            }
        }
        (false, false) => s,
    };
    cleaned.parse().ok()
}

fn scale_of(word: Option<&str>, lang: Lang) -> f64 {
    let Some(w) = word else { return 1.0 };
    let w = w.to_lowercase();
    let w = w.trim_end_matches('.');
    match w {
        "k" | "mille" | "millier" | "milliers" => 1e3,
        // news-wire abbreviations: "$3 bln", "500 mln euros"
        "m" | "mn" | "mln" | "million" | "millions" => 1e6,
        "b" | "bn" | "bln" | "md" | "mds" | "mrd" | "mrds" | "milliard" | "milliards" => 1e9,
        "billion" | "billions" => match lang {
            Lang::Fr => 1e12,
            Lang::En => 1e9,
        },
        // Indian numbering: "Rs 20,000 crore", "₹5 lakh"
        "lakh crore" | "lakh crores" => 1e12,
        "crore" | "crores" => 1e7,
        "lakh" | "lakhs" => 1e5,
        "tn" | "trln" | "trillion" | "trillions" => match lang {
            Lang::Fr => 1e18,
            Lang::En => 1e12,
        },
        _ => 1.0,
    }
}

fn currency_of(word: &str) -> Option<String> {
    let w = word.trim().to_lowercase();
    let code = match w.as_str() {
        "$" | "us$" | "usd" | "usd$" | "usd $" | "$us" | "$ us" => "USD",
        "a$" | "au$" | "aud" | "aud$" | "aud $" => "AUD",
        "c$" | "ca$" | "cad" | "cad$" | "cad $" => "CAD",
        "s$" | "sgd" => "SGD",
        "hk$" | "hkd" => "HKD",
        "nz$" => "NZD",
        "r" => "ZAR",
        "r$" | "brl" | "real" | "reais" | "réal" | "réals" | "reals" => "BRL",
        "€" | "eur" | "euro" | "euros" => "EUR",
        "£" | "gbp" => "GBP",
        "¥" | "jpy" | "yen" | "yens" => "JPY",
        "₩" | "krw" | "won" | "wons" => "KRW",
        "rs" | "rs." | "₹" => "INR",
        "chf" => "CHF",
        _ if w.contains("dollar") => {
            if w.contains("austral") {
                "AUD"
            } else if w.contains("canad") {
                "CAD"
            } else if w.contains("singap") {
                "SGD"
            } else if w.contains("hong kong") {
                "HKD"
            } else if w.contains("zealand") || w.contains("zélandais") || w.contains("zelandais") {
                "NZD"
            } else if w.contains("taïwanais") || w.contains("taiwanais") {
                "TWD"
            } else {
                "USD"
            }
        }
        _ if w.starts_with("won") => "KRW",
        // the UAE's dirham when the text says so, else Morocco's
        _ if w.starts_with("dirham") && (w.contains("mirat") || w.contains("uae")) => "AED",
        _ if (w.starts_with("uae") || w.starts_with("emirati")) && w.contains("dirham") => "AED",
        _ if w.starts_with("dirham") => "MAD",
        _ if w.contains("norv") || w.contains("norwegian") => "NOK",
        _ if w.contains("danois") || w.contains("danish") => "DKK",
        _ if w.contains("tch") || w.contains("czech") || w.contains("koruna") => "CZK",
        _ if w.contains("kron") || w.contains("swedish") || w.starts_with("couronne") => "SEK",
        _ if w.starts_with("ringgit") => "MYR",
        _ if w == "rupiah" => "IDR",
        _ if w == "baht" => "THB",
        _ if w.starts_with("naira") => "NGN",
        _ if w.contains("shilling") => "KES",
        _ if w.contains("peso") && w.contains("philippin") => "PHP",
        _ if w.contains("peso") && w.contains("argentin") => "ARS",
        _ if w.contains("peso") && (w.contains("chili") || w.contains("chile")) => "CLP",
        _ if w.contains("peso") && w.contains("colombi") => "COP",
        _ if w.contains("peso") => "MXN",
        _ if w.contains("turk") || w.contains("turqu") || w == "lira" => "TRY",
        _ if w.contains("gypt") => "EGP",
        _ if w.starts_with("livre") || w.contains("pound") => "GBP",
        _ if w.starts_with("zloty") => "PLN",
        _ if w.starts_with("forint") => "HUF",
        _ if w == "lei" => "RON",
        _ if w.starts_with("shekel") => "ILS",
        _ if w == "tenge" => "KZT",
        _ if w.starts_with("rouble") || w.starts_with("ruble") => "RUB",
        _ if w.starts_with("cedi") => "GHS",
        _ if w.contains("dinar") && w.contains("alg") => "DZD",
        _ if w.contains("dinar") && w.contains("tunis") => "TND",
        _ if w.contains("dinar") && (w.contains("kuwait") || w.contains("kowe")) => "KWD",
        _ if w.contains("dinar") && w.contains("bahr") => "BHD",
        _ if w.contains("dinar") && w.contains("jordan") => "JOD",
        _ if w.contains("riyal") && w.contains("qatar") => "QAR",
        _ if w.contains("riyal") && w.contains("oman") => "OMR",
        // the CFA franc says so; a bare franc is the Swiss one
        _ if w.contains("cfa") => "XOF",
        _ if w.contains("franc") => "CHF",
        _ if w.starts_with("yuan") || w == "renminbi" || w == "cny" => "CNY",
        _ if w.starts_with("roupie") || w.starts_with("rupee") || w == "inr" => "INR",
        _ if w.starts_with("riyal") || w == "sar" => "SAR",
        _ if w.starts_with("rand") || w == "zar" => "ZAR",
        "mad" | "aed" | "nok" | "sek" | "dkk" | "czk" | "myr" | "idr" | "thb" | "ngn" | "kes"
        | "mxn" | "egp" | "qar" | "kwd" | "pln" => return Some(w.to_uppercase()),
        _ => return None,
    };
    Some(code.to_string())
}

fn unit_of(word: &str) -> String {
    let w = word.to_lowercase();
    if w == "mw" || w.starts_with("m\u{e9}gawatt") || w.starts_with("megawatt") {
        "MW".into()
    } else if w == "gw" || w.starts_with("gigawatt") {
        "GW".into()
    } else if w.starts_with("serv") {
        "server".into()
    } else {
        "GPU".into()
    }
}

fn small_number(word: &str) -> Option<i32> {
    if let Ok(n) = word.parse() {
        return Some(n);
    }
    let n = match word.to_lowercase().as_str() {
        "un" | "une" | "one" => 1,
        "deux" | "two" => 2,
        "trois" | "three" => 3,
        "quatre" | "four" => 4,
        "cinq" | "five" => 5,
        "six" => 6,
        "sept" | "seven" => 7,
        "huit" | "eight" => 8,
        "neuf" | "nine" => 9,
        "dix" | "ten" => 10,
        "quinze" | "fifteen" => 15,
        "vingt" | "twenty" => 20,
        _ => return None,
    };
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(text: &str, lang: Lang) -> Vec<(f64, String)> {
        find(text, lang, None)
            .into_iter()
            .filter_map(|v| match v.kind {
                ValueKind::Amount(a) => Some((a.value, a.currency)),
                _ => None,
            })
            .collect()
    }

    /// Family 8: local currencies written out, in both languages.
    #[test]
    fn local_currencies_in_words() {
        let cases: &[(&str, Lang, f64, &str)] = &[
            (
                "invest up to 95 billion Swedish kronor in Sweden",
                Lang::En,
                95e9,
                "SEK",
            ),
            (
                "investir 2 milliards de couronnes norvégiennes",
                Lang::Fr,
                2e9,
                "NOK",
            ),
            (
                "un projet de 500 millions de dirhams émiratis",
                Lang::Fr,
                500e6,
                "AED",
            ),
            (
                "un projet de 500 millions de dirhams",
                Lang::Fr,
                500e6,
                "MAD",
            ),
            // crowns in English, with the country that names them
            (
                "about 12 billion Norwegian crowns in",
                Lang::En,
                12e9,
                "NOK",
            ),
            ("5 billion Swedish crowns", Lang::En, 5e9, "SEK"),
            ("a 1.5 billion ringgit data centre", Lang::En, 1.5e9, "MYR"),
            ("CZK 70 billion from the operator", Lang::En, 70e9, "CZK"),
            ("its $2-billion compute strategy", Lang::En, 2e9, "USD"),
            ("a US$450-million data centre", Lang::En, 450e6, "USD"),
            // the rand's capital R, with a scale only
            ("will invest R3.2-billion in", Lang::En, 3.2e9, "ZAR"),
            ("a R500 million campus", Lang::En, 500e6, "ZAR"),
            ("10 milliards de pesos mexicains", Lang::Fr, 10e9, "MXN"),
            // Indian numbering: a crore is ten million, a lakh crore 10^12
            ("will invest Rs 20,000 crore in", Lang::En, 2e11, "INR"),
            ("investira ₹15 000 crores dans", Lang::Fr, 1.5e11, "INR"),
            ("a Rs 2 lakh crore plan", Lang::En, 2e12, "INR"),
        ];
        for (text, lang, value, cur) in cases {
            assert_eq!(
                amounts(text, *lang),
                vec![(*value, cur.to_string())],
                "{text}"
            );
        }
    }

    /// A model name with a capital R ("DeepSeek R1") is no amount.
    #[test]
    fn a_capital_r_without_a_scale_is_no_rand() {
        assert!(amounts("DeepSeek R1 runs on 2,000 chips", Lang::En).is_empty());
    }

    /// "$1" and 400 zeros billion once became a JSON `null` that made the
    /// store unloadable: such a value is never read.
    #[test]
    fn null_amount_too_large_for_a_float_is_dropped() {
        let huge = format!(
            "Acme will invest ${} billion in France.",
            "1".to_string() + &"0".repeat(400)
        );
        assert!(amounts(&huge, Lang::En)
            .iter()
            .all(|(v, _)| v.is_finite() && *v <= MAX_AMOUNT));
        let big = "Acme will invest $5000000 trillion in France.";
        assert_eq!(amounts(big, Lang::En), vec![]);
        assert_eq!(
            amounts("Acme will invest $5 billion.", Lang::En),
            vec![(5e9, "USD".into())]
        );
    }

    fn quantities(text: &str, lang: Lang) -> Vec<(f64, String)> {
        find(text, lang, None)
            .into_iter()
            .filter_map(|v| match v.kind {
                ValueKind::Quantity(q) => Some((q.value, q.unit)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn amounts_in_both_languages() {
        let table: &[(&str, Lang, f64, &str)] = &[
            (
                "Amazon va investir 5 milliards de dollars en Corée du Sud",
                Lang::Fr,
                5e9,
                "USD",
            ),
            // news-wire abbreviations
            (
                "Kiwa to spend $3 bln on Thai data centres",
                Lang::En,
                3e9,
                "USD",
            ),
            ("a 500 mln euro campus", Lang::En, 5e8, "EUR"),
            ("2 trln won over a decade", Lang::En, 2e12, "KRW"),
            (
                "avec 12,5 billions de dollars au deuxième trimestre",
                Lang::Fr,
                1.25e13,
                "USD",
            ),
            (
                "le cap des 5.000 milliards de dollars",
                Lang::Fr,
                5e12,
                "USD",
            ),
            (
                "un plan de 2,9 milliards de dollars",
                Lang::Fr,
                2.9e9,
                "USD",
            ),
            (
                "pour 500 millions de dollars canadiens",
                Lang::Fr,
                5e8,
                "CAD",
            ),
            (
                "un investissement de 10 milliards d'euros",
                Lang::Fr,
                1e10,
                "EUR",
            ),
            ("un million de dirhams par année", Lang::Fr, 1e6, "MAD"),
            ("2,8 milliards de zlotys", Lang::Fr, 2.8e9, "PLN"),
            ("un programme de 5G$ en Europe", Lang::Fr, 5e9, "CAD"),
            ("un projet de 1,5 G$ au Québec", Lang::Fr, 1.5e9, "CAD"),
            ("une usine de 2 G$ US en Ohio", Lang::Fr, 2e9, "USD"),
            ("un contrat de 300 M$ avec Ottawa", Lang::Fr, 300e6, "USD"),
            ("5 milliards de livres turques", Lang::Fr, 5e9, "TRY"),
            ("10 billion Egyptian pounds", Lang::En, 10e9, "EGP"),
            ("300 milliards de dinars algériens", Lang::Fr, 300e9, "DZD"),
            ("2 billion Philippine pesos", Lang::En, 2e9, "PHP"),
            ("1 milliard de riyals qataris", Lang::Fr, 1e9, "QAR"),
            ("20 billion forints", Lang::En, 20e9, "HUF"),
            ("3 milliards de pesos", Lang::Fr, 3e9, "MXN"),
            ("a dollar sign alone: $", Lang::En, 0.0, ""),
            (
                "AWS will invest AU$20 billion by 2029",
                Lang::En,
                2e10,
                "AUD",
            ),
            ("a $1.5 trillion plan", Lang::En, 1.5e12, "USD"),
            ("about $10bn in the region", Lang::En, 1e10, "USD"),
            ("spend $40 billion on chips", Lang::En, 4e10, "USD"),
            ("a 1,000 million euros budget", Lang::En, 1e9, "EUR"),
            ("investir 3 000 milliards de wons", Lang::Fr, 3e12, "KRW"),
            ("$500m for the site", Lang::En, 5e8, "USD"),
            ("20 billion Australian dollars", Lang::En, 2e10, "AUD"),
            ("£2bn in Britain", Lang::En, 2e9, "GBP"),
            ("1 milliard de livres au Royaume-Uni", Lang::Fr, 1e9, "GBP"),
            ("un budget de 10 Md€", Lang::Fr, 1e10, "EUR"),
            (
                "investir au total 100 millions de francs",
                Lang::Fr,
                1e8,
                "CHF",
            ),
            ("un coût de 10 milliards de FCFA", Lang::Fr, 1e10, "XOF"),
            ("un prêt de 5 milliards de francs CFA", Lang::Fr, 5e9, "XOF"),
            (
                "un investissement d'un milliard de dollars",
                Lang::Fr,
                1e9,
                "USD",
            ),
            ("a déjà investi 2 milliards $ pour", Lang::Fr, 2e9, "USD"),
            ("two billion dollars over ten years", Lang::En, 2e9, "USD"),
            ("entre 4 et 5 milliards d'euros", Lang::Fr, 5e9, "EUR"),
            ("de 4 à 5 milliards de dollars", Lang::Fr, 5e9, "USD"),
            ("they will invest $4-5 billion", Lang::En, 5e9, "USD"),
            ("between 2 and 3 billion euros", Lang::En, 3e9, "EUR"),
            ("plus de 5 milliards de yuans", Lang::Fr, 5e9, "CNY"),
            ("USD100bn in OpenAI", Lang::En, 1e11, "USD"),
            (
                "35 milliards de dollars à long terme",
                Lang::Fr,
                3.5e10,
                "USD",
            ),
        ];
        for (text, lang, value, currency) in table {
            let got = amounts(text, *lang);
            if currency.is_empty() {
                assert!(got.is_empty(), "{text}: {got:?}");
                continue;
            }
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert!((got[0].0 - value).abs() < value * 1e-9, "{text}: {got:?}");
            assert_eq!(got[0].1, *currency, "{text}");
        }
    }

    #[test]
    fn numbers_with_every_separator() {
        assert_eq!(parse_number("260'000", Lang::Fr), Some(260000.0));
        assert_eq!(parse_number("100 000", Lang::Fr), Some(100000.0));
        assert_eq!(parse_number("12,5", Lang::Fr), Some(12.5));
        assert_eq!(parse_number("1,000", Lang::En), Some(1000.0));
        assert_eq!(parse_number("1.5", Lang::En), Some(1.5));
        assert_eq!(parse_number("5.000", Lang::Fr), Some(5000.0));
        assert_eq!(parse_number("1,234.5", Lang::En), Some(1234.5));
        assert_eq!(parse_number("1.234,5", Lang::Fr), Some(1234.5));
    }

    #[test]
    fn quantities_of_chips_and_power() {
        assert_eq!(
            quantities("il fournira 260'000 de ses semi-conducteurs", Lang::Fr),
            vec![(260000.0, "GPU".into())]
        );
        assert_eq!(
            quantities("une puissance de 500 mégawatts", Lang::Fr),
            vec![(500.0, "MW".into())]
        );
        assert_eq!(
            quantities("up to 400,000 Nvidia GB200 chips", Lang::En),
            vec![(400000.0, "GPU".into())]
        );
        assert_eq!(
            quantities("a 1 GW campus", Lang::En),
            vec![(1.0, "GW".into())]
        );
    }

    #[test]
    fn years_and_horizons() {
        let years = |t: &str, base| -> Vec<ValueKind> {
            find(t, Lang::Fr, base)
                .into_iter()
                .map(|v| v.kind)
                .filter(|k| matches!(k, ValueKind::Horizon(_) | ValueKind::Year(_)))
                .collect()
        };
        assert_eq!(
            years("5 milliards de dollars d'ici 2031", None),
            vec![ValueKind::Horizon(2031)]
        );
        assert_eq!(
            years("à l'horizon 2030", None),
            vec![ValueKind::Horizon(2030)]
        );
        assert_eq!(years("by 2028", None), vec![ValueKind::Horizon(2028)]);
        assert_eq!(years("en 2027", None), vec![ValueKind::Year(2027)]);
        assert_eq!(
            years("over the next five years", Some(2025)),
            vec![ValueKind::Horizon(2030)]
        );
        assert!(years("over the next five years", None).is_empty());
        // a founding year dates the firm, not the deal
        assert!(years("Kestrel, founded in 2012 by P, will", None).is_empty());
        assert!(years("Lumo, fondée en 2010, va", None).is_empty());
        assert!(years("ses centres, créés en 2019, seront", None).is_empty());
        assert_eq!(
            years("Lumo, fondée par P, investira en 2027", None),
            vec![ValueKind::Year(2027)]
        );
    }
}
