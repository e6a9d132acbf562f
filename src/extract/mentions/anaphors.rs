//! Anaphors: "la firme", "the company", "le pays" bound to the entity
//! they stand for, the nearest one of the right type before them.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::gazetteer::Form;
use crate::extract::lexicon::folded_regex;
use crate::extract::{Attrs, DocState, How, Mention};
use crate::model::{EntityType, Predicate};
use crate::text::fold_str;

use super::CUE_GAP;

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
        let last = before()
            .find(|m| matches!(m.how, How::Known | How::Name | How::Short))
            .or_else(|| before().find(|m| m.how == How::Demonym))
            .map(|m| m.entity);
        // "the country": the one the article has named most so far
        let antecedent = if continent || region || kingdom {
            last
        } else {
            most_named_country(st, s, |m, kind| {
                kind == EntityType::Country && matches!(m.how, How::Known | How::Name | How::Short)
            })
            .map(|c| st.known_entity(c))
            .or(last)
        };
        if let Some(entity) = antecedent {
            st.add_mention(s, e, entity, How::Anaphor);
        }
    }
}

/// The gazetteer country the mentions before byte `s` that `counts`
/// accepts lie in most often, the last named of those that tie.
fn most_named_country(
    st: &DocState,
    s: usize,
    counts: impl Fn(&Mention, EntityType) -> bool,
) -> Option<usize> {
    let mut seen: HashMap<usize, (usize, usize)> = HashMap::new();
    for (at, m) in st.mentions_in(0, s).filter(|m| m.end <= s).enumerate() {
        if !counts(&m, st.entities[m.entity].kind) {
            continue;
        }
        if let Some(c) = st.country_of(m.entity) {
            let n = seen.entry(c).or_default();
            *n = (n.0 + 1, at);
        }
    }
    seen.into_iter().max_by_key(|&(_, n)| n).map(|(c, _)| c)
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
    let best = most_named_country(st, s, |_, kind| {
        matches!(kind, EntityType::Country | EntityType::Place)
    })?;
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
        // in its own sentence, not a firm that only joins it as an agent
        // ("a round led by A and B, valuing the Denver-based company":
        // the firm that raised it), when one was named before in it
        let opening = st.sentences[i].span.start;
        let agent = |m: &Mention| {
            m.start >= opening
                && AGENT_BEFORE.is_match(&st.norm.as_str()[opening..m.start])
                && st.mentions_in(opening, m.start).any(|o| {
                    o.end <= m.start
                        && firm(&o)
                        && !AGENT_BEFORE.is_match(&st.norm.as_str()[opening..o.start])
                })
        };
        let nearest = st
            .mentions_in(0, s)
            .rev()
            .find(|m| m.end <= s && firm(m) && !agent(m));
        // an anaphor opening its sentence is its subject, and takes up the
        // subject of the sentence before: "Swisscom unveiled a deal with
        // Nvidia. The company plans..." is Swisscom, and so is "It" after
        // "The company has partnered with Orvane."
        let subject_of_previous = nearest
            .filter(|m| m.start < opening && s < opening + 40)
            .and_then(|m| {
                let prev = st.sentences[..i]
                    .iter()
                    .rposition(|x| x.span.start <= m.start)?;
                subject_told_before(st, prev, &firm)
            });
        let subject = reporting_subject(st, opening, s, e, &firm, &agent);
        let noun = anaphor_noun(&st.norm.as_str()[s..e]);
        let described = |m: &Mention| noun.as_ref().is_some_and(|n| described_by(st, n, m, &firm));
        let same_noun = nearest.filter(|m| !described(m)).and_then(|_| {
            st.mentions_in(0, s)
                .rev()
                .take(NOUN_WINDOW)
                .find(|m| m.end <= s && described(m))
        });
        let antecedent = subject
            .or(same_noun)
            .or(subject_of_previous)
            .or(nearest)
            .map(|m| m.entity);
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

/// How many mentions back an anaphor's noun looks for the firm it
/// described: a few paragraphs, so a long article stays linear.
const NOUN_WINDOW: usize = 200;

/// The subject of the sentence opening at `opening`, when the anaphor at
/// `s..e` reports its news: "X has hired P, a former Y executive, ..., the
/// company said" (a reporting verb after it, or before it: ", a indiqué la
/// société"), "X, a unit of Y, said it had teamed up with Z" (the clause of
/// a reporting verb it opens, in a sentence that opens on a firm).
fn reporting_subject(
    st: &DocState,
    opening: usize,
    s: usize,
    e: usize,
    firm: &dyn Fn(&Mention) -> bool,
    agent: &dyn Fn(&Mention) -> bool,
) -> Option<Mention> {
    let text = st.norm.as_str();
    // the sentence up to the anaphor and a few words after it, folded as
    // the verbs are
    let before = fold_str(&text[opening..s]);
    let after = fold_str(crate::text::head(&text[e..], 60));
    let opener_is_firm = st
        .mentions_in(opening, s)
        .find(|m| {
            !matches!(
                st.entities[m.entity].kind,
                EntityType::Place | EntityType::Country
            )
        })
        .is_some_and(|m| firm(&m));
    let reporter = REPORTING_AFTER.is_match(&after)
        || REPORTING_BEFORE.is_match(&before)
        || (opener_is_firm && SAID_BEFORE.is_match(&before));
    if !reporter {
        return None;
    }
    st.mentions_in(opening, s)
        .find(|m| m.end <= s && firm(m) && !agent(m))
}

/// The noun of an anaphor ("la start-up", "the company") without its
/// article, padded with spaces to match whole words; none for a pronoun.
fn anaphor_noun(written: &str) -> Option<String> {
    fold_str(written)
        .split_once([' ', '\''])
        .map(|(_, noun)| format!(" {} ", noun.trim()))
        .filter(|noun| noun.len() >= 6)
}

/// Whether mention `m` is a firm an anaphor's `noun` ("la start-up", "le
/// groupe") was used for: a firm it described in the words before its name
/// ("la start-up française Mistral AI"), or an earlier anaphor with that
/// noun ("le PDG du groupe").
fn described_by(st: &DocState, noun: &str, m: &Mention, firm: &dyn Fn(&Mention) -> bool) -> bool {
    let text = st.norm.as_str();
    if m.how == How::Anaphor {
        return st.entities[m.entity].kind == EntityType::Organization
            && format!(" {} ", fold_str(&text[m.start..m.end])).ends_with(noun);
    }
    // the four words before the name
    let from = text[..m.start]
        .char_indices()
        .rev()
        .filter(|&(_, c)| c == ' ')
        .nth(4)
        .map_or(0, |(k, _)| k);
    firm(m) && format!(" {} ", fold_str(&text[from..m.start]).replace('\'', " ")).contains(noun)
}

/// Verbs of saying in either language (folded), as a reporting clause
/// uses them: "said", "a indiqué", "ont précisé".
const SAYING: &str = "said|says|told|added|announced|noted|stated|confirmed|explained|(?:a|ont) (?:dit|declare|indique|annonce|precise|ajoute|confirme|souligne|explique|affirme)";

/// A reporting verb after an anaphor that ends its sentence's news: ",
/// the company said", "the firm told Reuters".
static REPORTING_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r"^,? (?:{SAYING})(?-u:\b)")).unwrap_or_else(|e| unreachable!("{e}"))
});

/// A reporting verb before an anaphor, after its sentence's news: ", a
/// indiqué ", ", said ".
static REPORTING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r", (?:{SAYING}) $")).unwrap_or_else(|e| unreachable!("{e}"))
});

/// A reporting verb whose clause the anaphor opens: "said it", "announced
/// on Monday that it", "a indiqué que la société".
static SAID_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"(?-u:\b)(?:{SAYING})(?: on \w+)?(?: that| que| qu')? $"
    ))
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Before an agent and the names listed with it: "led by A and ", "menée
/// par A, ".
static AGENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:by|par)\s(?:the\s|la\s|le\s|l['’])?(?:[^\s,.;]+(?:,\s|\sand\s|\set\s|\s)){0,8}$",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

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
