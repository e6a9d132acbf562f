//! Typing an unknown capitalised name: a firm, a person, a place, a project,
//! or nothing, from its shape and the cue words around it.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::lexicon::folded_regex;
use crate::extract::relations::{Rules, APPOINTED, APPOINTING, AS_ROLE};
use crate::extract::{DocState, How};
use crate::model::EntityType;
use crate::text::{fold_str, head, legal_stem_key, name_key, tail, Mapped};

use super::{distinctive_shape, is_capitalised, Token, GOVERNMENT_BODY, HYPHENATED_GIVEN};

/// Whether a name ending at `end` closes a long line that has no final
/// stop ("... empêchant l'Arabie", "où Microsoft, Amaz"): scraped text cut
/// off there, mid-name or mid-word, so an unknown word there names nothing
/// sure (a name of several words, "Cisco Systems Inc", was read whole).
fn cut_off(sent: &str, end: usize) -> bool {
    sent[end..].trim().is_empty() && sent.trim_end().len() >= 80
}

/// Types an unknown capitalised span from its shape and context, or drops it.
pub(super) fn type_name(
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
    // "a Series B round", "Plan B", "Tier A": one letter alone names
    // nothing the gazetteer does not know
    if name.chars().count() == 1 {
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
        || (n >= 2 && person_shaped(words) && paired_with_person(st, base, sent, start))
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
pub(super) fn model_of(sent: &str, run: &[Token], joiner: &str) -> bool {
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
    let part = |w: &str| {
        // "McCormick", "MacArthur" keep one inner capital
        let w = ["Mc", "Mac"]
            .iter()
            .find_map(|p| w.strip_prefix(p).filter(|r| r.len() > 1))
            .unwrap_or(w);
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'')
    };
    // "Fox-Martin", "Jean-Noël": each part of a hyphenated name may be one
    let name_word = |w: &str| part(w) || w.split('-').all(part);
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            name_word(w)
                || (w.chars().count() == 2 && w.ends_with('.'))
                || matches!(*w, "Jr." | "Jr")
        })
}

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

/// Whether the last of `words` stands alone elsewhere in the article
/// ("... Vasishta said"), as a surname does.
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
    use crate::extract::relations::EXAMPLE_CUES;
    folded_regex(&format!(
        r"(?:companies|firms|groups|giants|makers|manufacturers|operators|providers|startups|investors|entreprises|societes|groupes|geants|fabricants|operateurs|fournisseurs|acteurs|investisseurs|firmes)(?: [\w'-]+){{0,4}},? (?:{EXAMPLE_CUES}) ?(?:[\w'-]+(?: [\w'-]+)?(?:,| et| and| ou| or) )*$"
    ))
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "founded by Arjun Mehta and Siti Rahman": a name joined by "and" to a
/// person's is a person's too.
fn paired_with_person(st: &DocState, base: usize, sent: &str, start: usize) -> bool {
    let Some(before) = sent[..start]
        .strip_suffix(" and ")
        .or_else(|| sent[..start].strip_suffix(" et "))
    else {
        return false;
    };
    st.mention_ending(base + before.len())
        .is_some_and(|m| st.entities[m.entity].kind == EntityType::Person)
}

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
