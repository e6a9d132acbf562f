//! Relation rules: the mentions and values of a sentence in, facts out.
//!
//! Each sentence becomes a template: its folded text with every mention
//! replaced by a typed slot (`⟨O3⟩` organisation, `⟨P⟩` person, `⟨C⟩`
//! country, `⟨L⟩` place, `⟨D⟩` demonym). Rules are regexes over templates
//! plus a few procedures (subjects before a trigger, objects after it).

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::lexicon::Lexicon;
use super::values::{Value, ValueKind};
use super::{Attrs, DocState, How, Mention};
use crate::error::DataError;
use crate::model::{EntityType, Predicate};
use crate::text::fold_char;

/// Compiled regexes of the rules.
#[derive(Debug)]
pub(crate) struct Rules {
    pub place_before: Regex,
    pub place_after: Regex,
    pub honorific_before: Regex,
    pub title_before: Regex,
    pub of_before: Regex,
    pub title_after: Regex,
    /// ", Nvidia's senior vice president": a title a few words into an apposition.
    pub title_apposition: Regex,
    /// "US company", "German-based investor": right after a place, a cue noun
    /// makes the place a nationality.
    pub nationality_after: Regex,
    pub title_domain: Regex,
    pub org_cue_before: Regex,
    pub org_cue_after: Regex,
    pub org_cue_adjacent: Regex,
    pub anaphor: Regex,
    role_before: Regex,
    role_after: Regex,
    role_org_first: Regex,
    role_possessive: Regex,
    hq: Vec<(Regex, &'static str)>,
    child_of: Regex,
    parent_of: Regex,
    parent_unit: Regex,
    place_pair: Regex,
    coordination: Regex,
    after_preposition: Regex,
    with_clause: Regex,
    agent: Regex,
    into_org: Regex,
    goods_of: Regex,
}

impl Rules {
    pub(crate) fn new(lex: &Lexicon) -> Result<Self, DataError> {
        let re = |name: &str, src: String| {
            // title and cue alternations are large: give the lazy DFA room
            regex::RegexBuilder::new(&src)
                .dfa_size_limit(8 << 20)
                .build()
                .map_err(|e| DataError::Rule {
                    name: name.to_string(),
                    message: e.to_string(),
                })
        };
        let t = &lex.titles;
        let cues = &lex.org_cues;
        let word = r"[\w'-]+";
        let lead = r"(?:(?:le|la|les|l'|the|an?|son|sa|its|his|her|ancien|ancienne|former|actuel|actuelle|nouveau|nouvelle|new|current|also|aussi|co) ?)*";
        Ok(Rules {
            place_before: re("place_before", r"(?:ville|city|province|region|comte|county|state|etat|capitale|town|village|commune|paroisse|parish|district|prefecture) (?:de |d'|of )?$".into())?,
            place_after: re("place_after", r"^ (?:county|province|parish|prefecture|city|state)(?-u:\b)".into())?,
            honorific_before: re("honorific", r"(?:^|\W)(?:m\.|mme|mr\.?|mrs\.?|ms\.?|dr\.?|monsieur|madame) $".into())?,
            title_before: re("title_before", format!(r"(?:^|[^\w])(?:{t})(?: {word}){{0,6}}?,? $"))?,
            of_before: re("of_before", r"(?:(?-u:\b)de|(?-u:\b)du|(?-u:\b)des|(?-u:\b)d'|(?-u:\b)of|(?-u:\b)at|(?-u:\b)chez|(?-u:\b)la|(?-u:\b)le|(?-u:\b)l')\s?$".into())?,
            title_domain: re("title_domain", format!(r"(?:^|[^\w])(?:{t}) (?:des|du|de la|de l'|de|d'|of|for) ?$"))?,
            title_after: re("title_after", format!(r"^,? {lead}(?:{t})(?-u:\b)"))?,
            title_apposition: re("title_apposition", format!(r"^, (?:[\w'-]+ ){{0,4}}?(?:{t})(?-u:\b)"))?,
            nationality_after: re("nationality_after", format!(r"^ (?:based |headquartered )?(?:[\w-]+ ){{0,2}}?(?:{cues})(?-u:\b)"))?,
            org_cue_before: re("org_cue_before", format!(r"(?:^|[^\w])(?:{cues})(?: {word}){{0,3}}? $"))?,
            org_cue_adjacent: re("org_cue_adjacent", format!(r"(?:^|[^\w])(?:{cues}) $"))?,
            org_cue_after: re("org_cue_after", format!(r"^, (?:(?:a|an|the|une|un|le|la|l') ?)?(?:[\w-]+ ){{0,4}}?(?:{cues})(?-u:\b)"))?,
            anaphor: re("anaphor", format!(r"(?:^|[^\w'])({})(?:$|[^\w])", lex.org_anaphors))?,
            role_before: re("role_before", format!(
                r"(?:^|[^\w])(?P<title>{t})(?P<r1>(?: [a-z0-9'][\w'-]*){{0,8}}?)(?: (?P<dem>⟨D\d+⟩))?(?P<r2>(?: [a-z0-9'][\w'-]*){{0,8}}?)(?:,? (?:de |du |d'|des |of |at |chez )(?:la |l'|the )?(?P<org>⟨[OC]\d+⟩)(?: \(⟨[OC]\d+⟩\))?)?,? (?P<per>⟨P\d+⟩)"
            ))?,
            role_after: re("role_after", format!(
                r"(?P<per>⟨P\d+⟩),? {lead}(?P<title>{t})(?P<r1>(?: [a-z0-9'][\w'-]*){{0,10}}?)(?: (?P<dem>⟨D\d+⟩))?(?P<r2>(?: [a-z0-9'][\w'-]*){{0,8}}?)(?:,? (?:de |du |d'|des |of |at |chez |for )(?:la |l'|the )?(?P<org>⟨[OC]\d+⟩)|(?P<end>\s?[,.;)]|$| (?:a |said|says|has|had|who|qui|told|estime|explique)))"
            ))?,
            role_org_first: re("role_org_first", format!(
                r"(?P<org>⟨[OCD]\d+⟩)(?:'s?)?(?P<r0>(?: [a-z][\w-]*){{0,2}}?) (?P<title>{t})(?P<r1>(?: [a-z][\w-]*){{0,2}}?),? (?P<per>⟨P\d+⟩)"
            ))?,
            role_possessive: re("role_possessive", format!(r"(?:^|[^\w])(?:son|sa|leur|its|their) (?P<title>{t}),? (?P<per>⟨P\d+⟩)"))?,
            hq: vec![
                (re("hq", format!(r"(?:^|[^\w])(?:{cues})(?: {word}){{0,2}}? (?P<c>⟨D\d+⟩)(?: {word}){{0,3}}? (?P<org>⟨O\d+⟩)"))?, "hq.cue-demonym-name"),
                (re("hq", r"(?:^|[^\w])(?:l'|le |la |the )(?P<c>⟨D\d+⟩) (?P<org>⟨O\d+⟩)".to_string())?, "hq.demonym-name"),
                (re("hq", format!(r"(?P<c>⟨[CD]\d+⟩)(?: {word}){{0,2}}? (?:{cues}) (?P<org>⟨O\d+⟩)"))?, "hq.country-cue-name"),
                (re("hq", r"(?P<c>⟨[CL]\d+⟩) based (?:[\w-]+ ){0,3}?(?P<org>⟨O\d+⟩)".to_string())?, "hq.based"),
                (re("hq", format!(r"(?P<org>⟨O\d+⟩),? (?:une? |le |la |l'|a |an |the )?(?:{cues})(?: {word}){{0,2}}? (?P<c>⟨D\d+⟩)"))?, "hq.name-cue-demonym"),
                (re("hq", r"(?P<org>⟨O\d+⟩),? (?:base|basee|installe|installee|domicilie|domiciliee|headquartered|based|dont le siege est|siege) (?:a |au |aux |en |in |at )(?:[\w-]+ ){0,2}?(?P<c>⟨[CL]\d+⟩)".to_string())?, "hq.based-in"),
                (re("hq", r"(?P<org>⟨O\d+⟩), (?P<c>⟨C\d+⟩)'s? ".to_string())?, "hq.apposition"),
                (re("hq", r"(?:^|[^\w⟩])(?P<c>⟨C\d+⟩)'s? (?P<org>⟨O\d+⟩)".to_string())?, "hq.possessive"),
                (re("hq", r"(?P<org>⟨O\d+⟩), (?:the |a |an )?(?P<c>⟨[CL]\d+⟩) based".to_string())?, "hq.apposition-based"),
                (re("hq", format!(r"(?P<org>⟨O\d+⟩), (?:the |a |an )(?P<c>⟨D\d+⟩) (?:[\w-]+ ){{0,3}}?(?:{cues})(?-u:\b)"))?, "hq.apposition-demonym"),
                (re("hq", format!(r"(?P<org>⟨O\d+⟩), (?:a|an|the|une?) (?:[\w-]+ ){{0,4}}?(?:{cues}) (?:from|of|in) (?:the )?(?P<c>⟨C\d+⟩)"))?, "hq.cue-from"),
            ],
            child_of: re("child_of", format!(
                r"(?P<child>⟨O\d+⟩),? \(?(?:(?:une|la|a|an|the|sa|its) )?(?:[\w-]+ ){{0,2}}?(?:{}) ?(?:la |l'|the )?(?:(?:[\w-]+|⟨[LCD]\d+⟩) ){{0,6}}?(?P<parent>⟨O\d+⟩)", lex.child_of
            ))?,
            parent_of: re("parent_of", format!(
                r"(?P<parent>⟨O\d+⟩),? (?:(?:la|le|the) )?(?:{}) ?(?:la |l'|the |du |des )?(?:[\w'-]+ ){{0,5}}?(?P<child>⟨O\d+⟩)", lex.parent_of
            ))?,
            parent_unit: re("parent_unit", r"(?P<parent>⟨O\d+⟩)'s? (?:[\w-]+ ){0,2}?(?:unit|subsidiary|arm|division) (?P<child>⟨O\d+⟩)".into())?,
            place_pair: re("place_pair", r"(?P<a>⟨L\d+⟩), (?P<b>⟨[LC]\d+⟩)".into())?,
            coordination: re("coordination", format!(r"^(?:,|,? et|,? and|,? &|,? ainsi que|,? as well as)(?: (?:{word}|⟨D\d+⟩)){{0,3}} $"))?,
            after_preposition: re("after_preposition", r"(?:^|[^\w'])(?:avec|with|de|du|des|d'|of|a|au|aux|en|in|to|pour|for|par|by|entre|between|sur|on|dans|chez|vers|into|from|que|than|comme|like)(?: (?:la|le|les|l'|the))? ?$".into())?,
            with_clause: re("with_clause", r"(?:^|[^\w])(?:avec|with|aupres de|between|entre|alongside|aux cotes de|together with)(?-u:\b)".into())?,
            agent: re("agent", format!(r"^(?:[^⟨]{{0,40}}?)(?-u:\b)(?:{}) (?:le |la |les |l'|the )?(?:[\w-]+ ){{0,2}}?(?P<org>⟨[OC]\d+⟩)", lex.agent_words))?,
            into_org: re("into_org", r"^(?:[^⟨]{0,60}?)(?-u:\b)(?:dans|in|into|au capital de|a) (?:le |la |l'|the )?(?P<org>⟨O\d+⟩)".into())?,
            goods_of: re("goods_of", format!(r"(?:{})(?: {word}){{0,3}}? (?:de |d'|from |by )(?P<org>⟨O\d+⟩)|(?P<org2>⟨O\d+⟩)(?:'s)? (?:[\w-]+ ){{0,3}}?(?:chips?|gpus?|puces?|processors?|semiconductors?)", lex_goods_words()))?,
        })
    }
}

fn lex_goods_words() -> &'static str {
    r"puces?|gpus?|semi conducteurs?|processeurs?|chips?|semiconductors?|processors?|systemes?|systems?|serveurs?|servers?"
}

static SLOT_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"⟨([OPCDLJ])(\d+)⟩").unwrap_or_else(|e| unreachable!("{e}")));

/// A sentence with its mentions as typed slots.
pub(super) struct Template {
    pub text: String,
    /// Sentence byte offset of each template byte, plus the end.
    pub map: Vec<usize>,
    pub mentions: Vec<Mention>,
    /// Template byte range of each slot.
    pub slots: Vec<(usize, usize, char)>,
}

impl Template {
    pub fn build(st: &DocState, i: usize) -> Template {
        let span = st.sentences[i].span;
        let sent = span.text(st.norm.as_str());
        let mentions = st.sentence_mentions(i);
        let mut text = String::new();
        let mut map = Vec::new();
        let mut slots = Vec::new();
        let mut buf = String::new();
        let mut next = 0;
        let mut skip_to = 0;
        for (at, c) in sent.char_indices() {
            if at < skip_to {
                continue;
            }
            if let Some(m) = mentions.get(next).filter(|m| m.start - span.start == at) {
                let letter = match (m.how, st.entities[m.entity].kind) {
                    (How::Demonym, _) => 'D',
                    (_, EntityType::Organization) => 'O',
                    (_, EntityType::Person) => 'P',
                    (_, EntityType::Country) => 'C',
                    (_, EntityType::Place) => 'L',
                    (_, EntityType::Project) => 'J',
                };
                let slot = format!("⟨{letter}{next}⟩");
                slots.push((text.len(), text.len() + slot.len(), letter));
                map.extend(std::iter::repeat_n(at, slot.len()));
                text.push_str(&slot);
                skip_to = m.end - span.start;
                next += 1;
                continue;
            }
            buf.clear();
            fold_char(c, &mut buf);
            map.extend(std::iter::repeat_n(at, buf.len()));
            text.push_str(&buf);
        }
        map.push(sent.len());
        Template {
            text,
            map,
            mentions,
            slots,
        }
    }

    /// The slot index of a placeholder match like `⟨O3⟩`.
    fn slot(&self, m: Option<regex::Match>) -> Option<usize> {
        let m = m?;
        SLOT_RE.captures(m.as_str())?.get(2)?.as_str().parse().ok()
    }

    pub fn entity(&self, slot: usize) -> usize {
        self.mentions[slot].entity
    }

    /// Slots whose letter is in `letters`, starting at or after `from`.
    fn slots_after(&self, from: usize, to: usize, letters: &str) -> Vec<usize> {
        (0..self.slots.len())
            .filter(|&k| {
                self.slots[k].0 >= from
                    && self.slots[k].1 <= to
                    && letters.contains(self.slots[k].2)
            })
            .collect()
    }
}

/// Runs every rule on sentence `i`.
pub(crate) fn apply(st: &mut DocState, rules: &Rules, i: usize) {
    let span = st.sentences[i].span;
    if !st
        .mentions
        .iter()
        .any(|m| m.start >= span.start && m.end <= span.end)
    {
        return; // no names, no facts: the template is not even built
    }
    let t = Template::build(st, i);
    let lex = &st.ex.lex;
    if lex.furniture.iter().any(|f| t.text.starts_with(f.as_str())) {
        return;
    }
    let count = |letters: &str| t.slots.iter().filter(|s| letters.contains(s.2)).count();
    if count("P") > 0 {
        roles(st, rules, &t, i);
    }
    if count("O") > 0 && count("CDL") > 0 {
        headquarters(st, rules, &t, i);
    }
    if count("O") >= 2 {
        subsidiaries(st, rules, &t, i);
    }
    for c in rules.place_pair.captures_iter(&t.text) {
        if let (Some(a), Some(b)) = (t.slot(c.name("a")), t.slot(c.name("b"))) {
            let (ea, eb) = (t.entity(a), t.entity(b));
            if st.entities[ea].gaz.is_none() {
                st.add_fact(
                    i,
                    ea,
                    Predicate::LocatedIn,
                    eb,
                    "place.comma",
                    0.7,
                    Attrs::default(),
                );
            }
        }
    }
    partnerships(st, rules, &t, i);
    supplies(st, rules, &t, i);
    investments(st, rules, &t, i);
    led_initiatives(st, rules, &t, i);
    operations(st, &t, i);
    // kept for the pair candidates, which read the same sentence again
    st.templates[i] = Some(t);
}

fn role_text(t: &Template, sent: &str, c: &Captures) -> String {
    let Some(title) = c.name("title") else {
        return String::new();
    };
    let end = [c.name("r2"), c.name("r1")]
        .into_iter()
        .flatten()
        .filter(|m| !m.as_str().is_empty())
        .map(|m| m.end())
        .max()
        .unwrap_or(title.end());
    let (s, e) = (t.map[title.start()], t.map[end]);
    sent.get(s..e).unwrap_or_default().trim().to_string()
}

fn roles(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let sent = st.sentences[i].span.text(st.norm.as_str()).to_string();
    let lex = &st.ex.lex;
    let mut found: Vec<(usize, Option<usize>, String, &'static str)> = Vec::new();
    for (re, rule) in [
        (&rules.role_before, "role.title-before-name"),
        (&rules.role_after, "role.name-comma-title"),
        (&rules.role_org_first, "role.org-title-name"),
    ] {
        for c in re.captures_iter(&t.text) {
            let Some(per) = t.slot(c.name("per")) else {
                continue;
            };
            let target = t
                .slot(c.name("org"))
                .or_else(|| t.slot(c.name("dem")))
                .map(|k| t.entity(k));
            found.push((t.entity(per), target, role_text(t, &sent, &c), rule));
        }
    }
    for c in rules.role_possessive.captures_iter(&t.text) {
        let Some(per) = t.slot(c.name("per")) else {
            continue;
        };
        // "son PDG": the firm the article is about, not merely the last one named
        let org = topic_org(st, t.mentions[per].start);
        found.push((
            t.entity(per),
            org,
            role_text(t, &sent, &c),
            "role.possessive",
        ));
    }
    for (person, target, role, rule) in found {
        if st.entities[person].kind != EntityType::Person {
            continue;
        }
        let folded = crate::text::fold_str(&role);
        let head = lex.is_head_title(&folded);
        let target = match target {
            Some(e) => Some(e),
            None if head && Lexicon::title_in(&lex.state_titles, &folded) => st.main_country(),
            None if !head && Lexicon::title_in(&lex.government_titles, &folded) => {
                st.main_country()
            }
            None => None,
        };
        let Some(target) = target else { continue };
        if !matches!(
            st.entities[target].kind,
            EntityType::Organization | EntityType::Country
        ) {
            continue;
        }
        if head {
            st.add_fact(
                i,
                person,
                Predicate::Leads,
                target,
                rule,
                0.8,
                Attrs::default(),
            );
        } else {
            let attrs = Attrs {
                role: Some(role),
                ..Attrs::default()
            };
            st.add_fact(
                i,
                person,
                Predicate::AffiliatedWith,
                target,
                rule,
                0.7,
                attrs,
            );
        }
    }
}

fn headquarters(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    for (re, rule) in &rules.hq {
        for c in re.captures_iter(&t.text) {
            if let (Some(org), Some(c)) = (t.slot(c.name("org")), t.slot(c.name("c"))) {
                st.add_fact(
                    i,
                    t.entity(org),
                    Predicate::HeadquarteredIn,
                    t.entity(c),
                    rule,
                    0.75,
                    Attrs::default(),
                );
            }
        }
    }
}

fn subsidiaries(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    for (re, rule) in [
        (&rules.child_of, "subsidiary.child-of"),
        (&rules.parent_of, "subsidiary.parent-of"),
        (&rules.parent_unit, "subsidiary.unit"),
    ] {
        for c in re.captures_iter(&t.text) {
            if let (Some(a), Some(b)) = (t.slot(c.name("child")), t.slot(c.name("parent"))) {
                st.add_fact(
                    i,
                    t.entity(a),
                    Predicate::SubsidiaryOf,
                    t.entity(b),
                    rule,
                    0.8,
                    Attrs::default(),
                );
            }
        }
    }
}

/// The entity a slot stands for in a relation: a person stands for what he leads.
fn actor(st: &DocState, t: &Template, k: usize) -> Option<usize> {
    let e = t.entity(k);
    match st.entities[e].kind {
        EntityType::Organization | EntityType::Country => Some(e),
        EntityType::Person => {
            let name = &st.entities[e].name;
            let target = st.triples.iter().find(|tr| {
                &tr.s == name && matches!(tr.p, Predicate::Leads | Predicate::AffiliatedWith)
            })?;
            st.entity_named(&target.o)
        }
        _ => None,
    }
}

/// The coordinated subjects just before template byte `at`: "A, B et C".
pub(super) fn subjects_before(st: &DocState, rules: &Rules, t: &Template, at: usize) -> Vec<usize> {
    let mut out = Vec::new();
    // "with AMD, which will deliver": a relative clause's antecedent is its subject
    let relative = (0..t.slots.len()).rev().find(|&k| {
        t.slots[k].1 <= at
            && "OC".contains(t.slots[k].2)
            && RELATIVE.is_match(&t.text[t.slots[k].1..at])
    });
    // a name right after a preposition ("avec la Corée") is not a subject
    let mut k = match relative.or_else(|| {
        (0..t.slots.len()).rev().find(|&k| {
            t.slots[k].1 <= at
                && "OCP".contains(t.slots[k].2)
                && !rules.after_preposition.is_match(&t.text[..t.slots[k].0])
        })
    }) {
        Some(k) => k,
        None => return out,
    };
    // "Orvane, controlled by US company Kestrel, plans to invest": the name
    // inside an apposition is not the subject, the one before it is
    if relative.is_none() && t.text[t.slots[k].1..at].starts_with(',') {
        let opening = (0..k).rev().find(|&j| {
            "OCP".contains(t.slots[j].2) && {
                let gap = &t.text[t.slots[j].1..t.slots[k].0];
                gap.starts_with(", ") && gap.matches(',').count() == 1
            }
        });
        let closing = &t.text[t.slots[k].1..at];
        if let Some(j) = opening.filter(|_| closing.matches(',').count() == 1) {
            k = j;
        }
    }
    // a subject far before the trigger, across a clause, is not its subject
    if t.text[t.slots[k].1..at].contains([';', ':']) {
        return out;
    }
    loop {
        if let Some(e) = actor(st, t, k) {
            if !out.contains(&e) {
                out.push(e);
            }
        }
        let Some(prev) = (0..k).rev().find(|&j| "OCP".contains(t.slots[j].2)) else {
            break;
        };
        let gap = &t.text[t.slots[prev].1..t.slots[k].0];
        if !rules.coordination.is_match(gap) {
            break;
        }
        k = prev;
    }
    out.reverse();
    out
}

/// Organisations and countries of a "with" clause after `at`, up to the clause end.
fn with_objects(st: &DocState, rules: &Rules, t: &Template, at: usize) -> Vec<usize> {
    let rest = &t.text[at..];
    let Some(m) = rules.with_clause.find(rest) else {
        return Vec::new();
    };
    let from = at + m.end();
    // the clause ends at its end or at "with the help of": helpers are not
    // partners (when the "with" itself is that, the clause is empty)
    let clause_end = CLAUSE_END.find(&t.text[from..]).map(|e| from + e.start());
    let helped = HELPED
        .find(&t.text[at + m.start()..])
        .map(|e| at + m.start() + e.start());
    let end = clause_end
        .into_iter()
        .chain(helped)
        .min()
        .unwrap_or(t.text.len());
    t.slots_after(from, end, "OCP")
        .into_iter()
        // "with Core42 to build a data centre in the UAE": a country after a
        // place preposition is where, not who
        .filter(|&k| t.slots[k].2 != 'C' || !PLACE_PREP.is_match(&t.text[..t.slots[k].0]))
        .filter_map(|k| actor(st, t, k))
        .collect()
}

static PLACE_PREP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\W)(?:in|en|au|aux|a|dans|across|throughout|from|de|d'|du|des|of|to|vers|pour|for|outside|beyond|hors)(?: (?:the|le|la|les|l'))? ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

static DEAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:agreements?|deals?|contracts?|pacts?|chain|chains)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^,? (?:which|who|that|qui)(?: (?:will|would|has|have|is to|va|vont|doit|devra))? ?$",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

static TO_PREP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:au|a la|to the|for the|pour le|pour la) ")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "au campus", "to the Sines site": goods sent to a facility word of the
/// lexicon, right after the preposition or one word later.
fn sent_to_facility(lex: &Lexicon, text: &str) -> bool {
    TO_PREP.find_iter(text).any(|m| {
        let rest = &text[m.end()..];
        let next = rest.find(' ').map_or("", |sp| &rest[sp + 1..]);
        [rest, next]
            .iter()
            .any(|r| lex.facility.find(r).is_some_and(|f| f.start() == 0))
    })
}

static HELPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:with|avec) (?:the |l'|le |la )?(?:help|support|backing|assistance|aide|soutien|appui|concours)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

static CLAUSE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[;:.]|(?-u:\b)(?:pour|afin|to build|to develop|in order|qui|which|that|lors|during|dans le cadre)(?-u:\b)|, (?:a |ont |has |have )?(?:precise|indique|annonce|declare|affirme|explique|souligne|said|says|told|added|announced)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

pub(super) fn clause_is_negated(st: &DocState, t: &Template, start: usize, end: usize) -> bool {
    let lex = &st.ex.lex;
    let from = t.text[..start]
        .char_indices()
        .rev()
        .nth(50)
        .map_or(0, |(p, _)| p);
    let to = t.text[end..]
        .char_indices()
        .nth(15)
        .map_or(t.text.len(), |(p, _)| end + p);
    let window = &t.text[from..to];
    lex.negation.is_match(window) || lex.speculation.is_match(window)
}

fn partnerships(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let lex = &st.ex.lex;
    let Some(m) = lex.partner.find(&t.text) else {
        return;
    };
    if clause_is_negated(st, t, m.start(), m.end()) {
        return;
    }
    let mut subjects = subjects_before(st, rules, t, m.start());
    let objects = with_objects(st, rules, t, m.start());
    if subjects.is_empty() {
        // "des pactes des États-Unis avec le Japon": the name before "avec"
        let with_at = rules
            .with_clause
            .find(&t.text[m.start()..])
            .map(|w| m.start() + w.start());
        let before_with = with_at.and_then(|w| {
            (0..t.slots.len()).rev().find(|&k| {
                t.slots[k].1 <= w && t.slots[k].0 >= m.end() && "OCP".contains(t.slots[k].2)
            })
        });
        match before_with.and_then(|k| actor(st, t, k)) {
            Some(e) => subjects.push(e),
            None if !t
                .slots
                .iter()
                .any(|s| s.1 <= m.start() && "OCP".contains(s.2)) =>
            {
                subjects.extend(topic_org(st, sentence_start(t)))
            }
            None => {}
        }
    }
    let consortium = lex.consortium.is_match(&t.text);
    let rule = if consortium {
        "partner.consortium"
    } else {
        "partner.trigger"
    };
    if objects.is_empty() {
        for (a, &x) in subjects.iter().enumerate() {
            for &y in &subjects[a + 1..] {
                st.add_fact(
                    i,
                    x,
                    Predicate::PartnersWith,
                    y,
                    "partner.joint-subjects",
                    0.7,
                    Attrs::default(),
                );
            }
        }
    } else {
        for &x in &subjects {
            for &y in &objects {
                st.add_fact(
                    i,
                    x,
                    Predicate::PartnersWith,
                    y,
                    rule,
                    0.7,
                    Attrs::default(),
                );
            }
        }
    }
    let firms: Vec<usize> = subjects
        .iter()
        .chain(&objects)
        .copied()
        .filter(|&e| st.entities[e].kind == EntityType::Organization)
        .collect();
    if firms.len() >= 2 {
        st.partners = firms;
    }
    if consortium {
        let mut members = subjects;
        members.extend(objects);
        st.consortium = members;
    }
}

/// Where the template's first mention starts: what lies before is context.
fn sentence_start(t: &Template) -> usize {
    t.mentions.first().map_or(usize::MAX, |m| m.start)
}

/// The organisation the article is about so far: the one named most before
/// byte `before`.
pub(super) fn topic_org(st: &DocState, before: usize) -> Option<usize> {
    let mut counts: std::collections::HashMap<usize, (usize, usize)> = Default::default();
    for m in st.mentions.iter().filter(|m| m.end <= before) {
        if st.entities[m.entity].kind == EntityType::Organization && m.how != How::Anaphor {
            let c = counts.entry(m.entity).or_default();
            c.0 += 1;
            c.1 = c.1.max(m.end);
        }
    }
    // the most named; on a tie, the last named
    counts.into_iter().max_by_key(|&(_, c)| c).map(|(e, _)| e)
}

/// A trigger of an investment frame: its span, whether it is a host
/// trigger, whether it needs a facility (construction).
#[derive(Debug, Clone, Copy)]
pub(super) struct Trigger {
    pub start: usize,
    pub end: usize,
    pub host: bool,
    pub build: bool,
}

/// Investment frames of a sentence. The first is opened by an investment
/// trigger, else a construction or host trigger before a facility word; a
/// later trigger opens a frame of its own only with a subject of its own
/// ("A invests in C1, while B builds a data centre in C2"). Each frame
/// reads its objects up to the next frame.
fn investments(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let lex = &st.ex.lex;
    let with_facility = |m: regex::Match| facility_follows(lex, &t.text[m.start()..]);
    let mut all: Vec<Trigger> = Vec::new();
    for m in lex.invest.find_iter(&t.text) {
        all.push(Trigger {
            start: m.start(),
            end: m.end(),
            host: false,
            build: false,
        });
    }
    for m in lex.build.find_iter(&t.text).filter(|&m| with_facility(m)) {
        all.push(Trigger {
            start: m.start(),
            end: m.end(),
            host: false,
            build: true,
        });
    }
    for m in lex.host.find_iter(&t.text).filter(|&m| with_facility(m)) {
        all.push(Trigger {
            start: m.start(),
            end: m.end(),
            host: true,
            build: true,
        });
    }
    st.invest_triggers[i] = all.clone();
    // the first frame keeps the old preference: money words, then building, then hosting
    let Some(first) = all
        .iter()
        .copied()
        .min_by_key(|tr| (tr.build, tr.host, tr.start))
    else {
        return;
    };
    let mut frames = vec![first];
    let mut subjects = subjects_before(st, rules, t, first.start);
    all.sort_by_key(|tr| tr.start);
    for tr in all.iter().filter(|tr| tr.start >= first.end && !tr.host) {
        let own = subjects_before(st, rules, t, tr.start);
        let places_follow = !t.slots_after(tr.end, t.text.len(), "CL").is_empty();
        if places_follow && !own.is_empty() && !own.iter().any(|e| subjects.contains(e)) {
            frames.push(*tr);
            subjects = own;
        }
    }
    for (n, &tr) in frames.iter().enumerate() {
        let end = frames.get(n + 1).map_or(t.text.len(), |next| next.start);
        invest_frame(st, rules, t, i, tr, end);
    }
}

/// One investment frame: its trigger and the template offset where it ends.
fn invest_frame(
    st: &mut DocState,
    rules: &Rules,
    t: &Template,
    i: usize,
    trigger: Trigger,
    end: usize,
) {
    let lex = &st.ex.lex;
    let host = trigger.host;
    let build = trigger.build;
    if clause_is_negated(st, t, trigger.start, trigger.end) {
        return;
    }
    let (mut investors, mut places) = if host {
        let places: Vec<usize> = t
            .slots_after(0, trigger.start, "CL")
            .into_iter()
            .map(|k| t.entity(k))
            .collect();
        let investors = t
            .slots_after(trigger.end, end, "O")
            .into_iter()
            .map(|k| t.entity(k))
            .collect();
        (investors, places)
    } else {
        let subjects = subjects_before(st, rules, t, trigger.start);
        let after = &t.text[trigger.end..end];
        let mut places: Vec<usize> = t
            .slots_after(trigger.end, end, "CL")
            .into_iter()
            .filter(|&k| is_destination(st, t, k))
            .map(|k| t.entity(k))
            .collect();
        if places.is_empty() {
            // "injecte 4 milliards dans l'IA française": the demonym's country
            places = t
                .slots_after(trigger.end, end, "D")
                .into_iter()
                .map(|k| t.entity(k))
                .collect();
        }
        places.dedup();
        let mut investors = subjects;
        if investors.is_empty() {
            if let Some(c) = rules.agent.captures(after) {
                investors.extend(t.slot(c.name("org")).map(|k| t.entity(k)));
            }
        }
        (investors, places)
    };
    if !st.consortium.is_empty() && lex.consortium.is_match(&t.text) {
        for &m in &st.consortium.clone() {
            if !investors.contains(&m) {
                investors.push(m);
            }
        }
    }
    investors.retain(|&e| !places.contains(&e));
    if build {
        // "étendre l'infrastructure du pays avec 260 000 GPU": a supplier
        // building with its own goods supplies, it does not invest
        let suppliers: Vec<usize> = st
            .sentence_facts(i, Predicate::Supplies)
            .filter_map(|tr| st.entity_named(&tr.s))
            .collect();
        investors.retain(|e| !suppliers.contains(e));
    }
    let attrs = investment_attrs(st, t, i, trigger.start);
    // "the government announced an investment of $25bn" after "X partners
    // with Y on a project": the partners put the money in, not the host
    let host_only = investors
        .iter()
        .all(|&e| st.entities[e].kind == EntityType::Country && Some(e) == st.main_country());
    if host_only && attrs.amount.is_some() && !st.partners.is_empty() {
        investors = st.partners.clone();
    }
    if investors.is_empty() {
        if !places.is_empty() {
            st.last_places = places;
        }
        return;
    }
    // "investir dans OpenAI": the investment goes to an organisation
    if places.is_empty() {
        if let Some(c) = rules.into_org.captures(&t.text[trigger.end..end]) {
            if let Some(org) = t.slot(c.name("org")).map(|k| t.entity(k)) {
                for &x in &investors {
                    st.add_fact(
                        i,
                        x,
                        Predicate::InvestsIn,
                        org,
                        "invest.into-org",
                        0.7,
                        attrs.clone(),
                    );
                }
                return;
            }
        }
    }
    let consortium = !st.consortium.is_empty() && lex.consortium.is_match(&t.text);
    if places.is_empty() && attrs.amount.is_none() && !consortium {
        return; // "cet investissement": a reference to one told before
    }
    let project = if places.is_empty() {
        match st.last_project {
            Some(p) => p,
            None => {
                let Some(c) = st
                    .last_places
                    .first()
                    .copied()
                    .or_else(|| st.main_country())
                else {
                    return;
                };
                places = vec![c];
                new_project(st, investors[0], &places, i)
            }
        }
    } else {
        new_project(st, investors[0], &places, i)
    };
    let rule = if host {
        "invest.host"
    } else {
        "invest.subject-trigger"
    };
    for &x in &investors {
        st.add_fact(
            i,
            x,
            Predicate::InvestsIn,
            project,
            rule,
            0.7,
            attrs.clone(),
        );
    }
    // "spend $40bn on Nvidia's chips to power a data centre": the chips go there too
    let suppliers: Vec<(usize, Attrs)> = st
        .sentence_facts(i, Predicate::Supplies)
        .filter(|tr| investors.iter().any(|&x| st.entities[x].name == tr.o))
        .filter_map(|tr| {
            let s = st.entity_named(&tr.s)?;
            let attrs = Attrs {
                quantity: tr.quantity.clone(),
                ..Attrs::default()
            };
            Some((s, attrs))
        })
        .collect();
    for (s, attrs) in suppliers {
        st.add_fact(
            i,
            s,
            Predicate::Supplies,
            project,
            "supply.to-project",
            0.6,
            attrs,
        );
    }
    st.last_project = Some(project);
}

static NOT_DESTINATION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:outside|beyond|except|excluding|other than|hors|en dehors|au dela|siege|headquarters|headquartered in|based in|base a|basee a|basee au|base au|installe a|domicilie)(?: (?:of|de|d'|du|des|in|en|au|a|the|le|la|les|l'))* ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Whether a place slot after an investment trigger is where the money goes:
/// not a nationality ("Saudi Arabia's Humain", "US company X", "German
/// investor"), not an exclusion ("outside the US") nor a seat ("le siège
/// ... dans le New Jersey").
fn is_destination(st: &DocState, t: &Template, k: usize) -> bool {
    let (start, end) = (t.slots[k].0, t.slots[k].1);
    let after = &t.text[end..];
    let possessive = after.starts_with("'s ") || after.starts_with("' ");
    let nationality = st.ex.rules.nationality_after.is_match(after);
    let before = &t.text[..start];
    let window = &before[before.char_indices().rev().nth(40).map_or(0, |(p, _)| p)..];
    !(possessive || nationality || NOT_DESTINATION_BEFORE.is_match(window))
}

/// A facility word within the few words after a construction trigger.
pub(super) fn facility_follows(lex: &Lexicon, rest: &str) -> bool {
    let end = rest
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .nth(8)
        .map_or(rest.len(), |(p, _)| p);
    lex.facility.is_match(&rest[..end])
}

/// "a $500 billion initiative led by A and B": the leaders of a
/// costed project invest in it.
fn led_initiatives(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let Some(m) = LED_BY.find(&t.text) else {
        return;
    };
    if clause_is_negated(st, t, m.start(), m.end()) {
        return;
    }
    let mut leaders = Vec::new();
    let mut at = m.end();
    for k in t.slots_after(m.end(), t.text.len(), "O") {
        let gap = &t.text[at..t.slots[k].0];
        if !(gap.is_empty() || rules.coordination.is_match(gap)) {
            break;
        }
        leaders.push(t.entity(k));
        at = t.slots[k].1;
    }
    let attrs = investment_attrs(st, t, i, m.start());
    if leaders.is_empty() || attrs.amount.is_none() {
        return;
    }
    if st.sentence_facts(i, Predicate::InvestsIn).next().is_some() {
        return;
    }
    let places: Vec<usize> = t
        .slots_after(at, t.text.len(), "CL")
        .into_iter()
        .map(|k| t.entity(k))
        .collect();
    if places.is_empty() {
        return;
    }
    let project = new_project(st, leaders[0], &places, i);
    for &x in &leaders {
        st.add_fact(
            i,
            x,
            Predicate::InvestsIn,
            project,
            "invest.led-by",
            0.6,
            attrs.clone(),
        );
    }
}

static LED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:initiative|project|projet|programme|program|plan|venture|fund|fonds)s? (?:[\w-]+ )?(?:led|backed|financed|funded|spearheaded|driven|porte|portee|mene|menee|finance|financee|soutenu|soutenue|pilote|pilotee)s? (?:by|par) (?:le |la |les |l'|the )?")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

pub(super) fn new_project(st: &mut DocState, investor: usize, places: &[usize], i: usize) -> usize {
    let names: Vec<String> = places
        .iter()
        .map(|&p| st.entities[p].name.clone())
        .collect();
    let name = format!(
        "{} project in {}",
        st.entities[investor].name,
        names.join(" and ")
    );
    let project = st.named_entity(&name, EntityType::Project);
    let power = st.sentences[i].values.iter().find_map(|v| match &v.kind {
        ValueKind::Quantity(q) if q.unit == "MW" || q.unit == "GW" => Some(q.clone()),
        _ => None,
    });
    for &p in places {
        let attrs = Attrs {
            quantity: power.clone(),
            ..Attrs::default()
        };
        st.add_fact(
            i,
            project,
            Predicate::LocatedIn,
            p,
            "invest.project-place",
            0.7,
            attrs,
        );
    }
    st.last_places = places.to_vec();
    project
}

/// The amount nearest the trigger that is not a valuation, and the horizon year.
pub(super) fn investment_attrs(st: &DocState, t: &Template, i: usize, trigger: usize) -> Attrs {
    let s = &st.sentences[i];
    let sent = s.span.text(st.norm.as_str());
    let at = t.map[trigger];
    let lex = &st.ex.lex;
    let amount = s
        .values
        .iter()
        .enumerate()
        .filter(|&(k, v)| !is_conversion(sent, &s.values, k, v))
        .map(|(_, v)| v)
        .filter_map(|v| match &v.kind {
            ValueKind::Amount(a) => {
                let from = sent[..v.start]
                    .char_indices()
                    .rev()
                    .nth(40)
                    .map_or(0, |(p, _)| p);
                let context = crate::text::fold_str(&sent[from..v.start]);
                (!lex.non_investment.is_match(&context))
                    .then_some((v.start.abs_diff(at), a.clone()))
            }
            _ => None,
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a);
    let year = s
        .values
        .iter()
        .find_map(|v| match v.kind {
            ValueKind::Horizon(y) => Some(y),
            _ => None,
        })
        .or_else(|| {
            s.values.iter().find_map(|v| match v.kind {
                ValueKind::Year(y) => Some(y),
                _ => None,
            })
        });
    Attrs {
        amount,
        year,
        ..Attrs::default()
    }
}

/// "AU$20 billion ($13 billion)": a bracketed amount right after another
/// is a currency conversion of it.
fn is_conversion(sent: &str, values: &[Value], k: usize, v: &Value) -> bool {
    let Some(prev) = k.checked_sub(1).and_then(|p| values.get(p)) else {
        return false;
    };
    matches!(prev.kind, ValueKind::Amount(_))
        && sent.get(prev.end..v.start).is_some_and(|gap| {
            matches!(
                gap.trim(),
                "(" | "(soit"
                    | "(about"
                    | "(environ"
                    | "(or"
                    | "(approximately"
                    | "(roughly"
                    | "(around"
                    | "(some"
                    | "(près de"
                    | "(quelque"
                    | "(~"
                    | "(c."
                    | "(ca."
                    | ", soit"
                    | ", or about"
                    | ", soit environ"
                    | "(soit environ"
            )
        })
}

fn supplies(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let lex = &st.ex.lex;
    let quantity = st.sentences[i].values.iter().find_map(|v| match &v.kind {
        ValueKind::Quantity(q) if q.unit == "GPU" || q.unit == "server" => Some(q.clone()),
        _ => None,
    });
    let has_goods = lex.goods.is_match(&t.text) || quantity.is_some();
    if !has_goods {
        return;
    }
    let attrs = Attrs {
        quantity,
        ..Attrs::default()
    };
    // "a supply agreement with X, which will deliver": the noun names the deal,
    // the verb after it tells who supplies
    let m = lex
        .supply
        .find_iter(&t.text)
        .find(|m| !DEAL_AFTER.is_match(&t.text[m.end()..]));
    if let Some(m) = m {
        if clause_is_negated(st, t, m.start(), m.end()) {
            return;
        }
        let subjects = subjects_before(st, rules, t, m.start());
        let after = &t.text[m.end()..];
        if let Some(c) = rules.goods_of.captures(after) {
            // "équiper des usines avec les puces de Nvidia": Nvidia supplies the subjects
            if let Some(sup) = t
                .slot(c.name("org").or(c.name("org2")))
                .map(|k| t.entity(k))
            {
                for &x in &subjects {
                    st.add_fact(
                        i,
                        sup,
                        Predicate::Supplies,
                        x,
                        "supply.goods-of",
                        0.7,
                        attrs.clone(),
                    );
                }
                st.last_supplier = Some(sup);
                return;
            }
        }
        let suppliers: Vec<usize> = if subjects.is_empty() {
            topic_org(st, sentence_start(t)).into_iter().collect()
        } else {
            subjects
        };
        let end = CLAUSE_END
            .find(after)
            .map_or(t.text.len(), |e| m.end() + e.start());
        let mut recipients: Vec<usize> = t
            .slots_after(m.end(), end.max(m.end()), "OCJ")
            .into_iter()
            .map(|k| t.entity(k))
            .collect();
        // "livrera 30 000 puces au campus": the facility told of before
        if recipients.is_empty() && sent_to_facility(lex, &t.text[m.end()..end.max(m.end())]) {
            recipients.extend(st.last_project);
        }
        for &s in &suppliers {
            for &r in recipients.iter().filter(|r| !suppliers.contains(r)) {
                st.add_fact(
                    i,
                    s,
                    Predicate::Supplies,
                    r,
                    "supply.trigger",
                    0.7,
                    attrs.clone(),
                );
            }
            st.last_supplier = Some(s);
        }
    } else if let Some(m) = lex.receive.find(&t.text) {
        if clause_is_negated(st, t, m.start(), m.end()) {
            return;
        }
        let recipients = subjects_before(st, rules, t, m.start());
        let after = &t.text[m.end()..];
        let supplier = rules
            .goods_of
            .captures(after)
            .and_then(|c| t.slot(c.name("org").or(c.name("org2"))))
            .map(|k| t.entity(k))
            .or(st.last_supplier);
        if let Some(sup) = supplier {
            for &r in recipients.iter().filter(|&&r| r != sup) {
                st.add_fact(
                    i,
                    sup,
                    Predicate::Supplies,
                    r,
                    "supply.receive",
                    0.6,
                    attrs.clone(),
                );
            }
        }
    }
}

fn operations(st: &mut DocState, t: &Template, i: usize) {
    let lex = &st.ex.lex;
    let Some(project) = st.last_project else {
        return;
    };
    let Some(m) = lex.operate.find(&t.text) else {
        return;
    };
    if !facility_follows(lex, &t.text[m.start()..]) {
        return;
    }
    let operators: Vec<usize> = (0..t.slots.len())
        .filter(|&k| t.slots[k].1 <= m.start() && t.slots[k].2 == 'O')
        .map(|k| t.entity(k))
        .collect();
    if let Some(&op) = operators.last() {
        st.add_fact(
            i,
            op,
            Predicate::Operates,
            project,
            "operate.trigger",
            0.6,
            Attrs::default(),
        );
    }
}

/// `located_in` from each named place up its gazetteer chain to the country.
pub(crate) fn place_chains(st: &mut DocState) {
    let gaz = &st.ex.gaz;
    let mut todo: Vec<(usize, usize)> = Vec::new(); // (entity, sentence)
    for e in 0..st.entities.len() {
        if st.entities[e].kind != EntityType::Place {
            continue;
        }
        if let Some(i) = first_sentence(st, e) {
            todo.push((e, i));
        }
    }
    while let Some((e, i)) = todo.pop() {
        let Some(entry) = st.entities[e].gaz else {
            continue;
        };
        let Some(mut up) = gaz.entry(entry).within else {
            continue;
        };
        // a region the article never names is skipped: Munich is in Germany
        // whether or not the article says Bavaria
        while gaz.entry(up).kind == EntityType::Place
            && !st
                .entity_named(&gaz.entry(up).name)
                .is_some_and(|e| st.entities[e].named)
        {
            match gaz.entry(up).within {
                Some(next) => up = next,
                None => break,
            }
        }
        let container = st.known_entity(up);
        st.add_fact(
            i,
            e,
            Predicate::LocatedIn,
            container,
            "gazetteer.within",
            0.9,
            Attrs::default(),
        );
        if st.entities[container].kind == EntityType::Place {
            todo.push((container, i));
        }
    }
}

/// "KDDI Canada", "Microsoft Austria", "Huawei Telecommunications Algeria":
/// an organisation named after another the article names plus a country or
/// place is its national subsidiary ("Aker ASA" is Aker itself).
pub(crate) fn named_after_parent(st: &mut DocState) {
    let orgs: Vec<usize> = (0..st.entities.len())
        .filter(|&e| st.entities[e].named && st.entities[e].kind == EntityType::Organization)
        .collect();
    for &child in &orgs {
        let name = st.entities[child].name.clone();
        let parent = orgs
            .iter()
            .copied()
            .filter(|&p| p != child)
            .filter(|&p| {
                let pn = &st.entities[p].name;
                name.len() > pn.len() + 1
                    && name.starts_with(pn.as_str())
                    && name[pn.len()..].starts_with(' ')
                    && names_a_place(st, &name[pn.len() + 1..])
            })
            .max_by_key(|&p| st.entities[p].name.len());
        // a well-known parent need not be named on its own: "Microsoft Austria CEO ..."
        let parent = parent.or_else(|| {
            let words: Vec<&str> = name.split(' ').collect();
            (1..words.len()).rev().find_map(|n| {
                let entry = st.ex.gaz.lookup(&words[..n].join(" "))?;
                (st.ex.gaz.entry(entry).kind == EntityType::Organization
                    && names_a_place(st, &words[n..].join(" ")))
                .then(|| st.known_entity(entry))
            })
        });
        if let (Some(parent), Some(i)) = (parent, first_sentence(st, child)) {
            st.add_fact(
                i,
                child,
                Predicate::SubsidiaryOf,
                parent,
                "subsidiary.named-after",
                0.6,
                Attrs::default(),
            );
        }
    }
}

/// Whether some words of `rest` name a country or place of the gazetteer.
fn names_a_place(st: &DocState, rest: &str) -> bool {
    let words: Vec<&str> = rest.split(' ').collect();
    (0..words.len()).any(|a| {
        (a + 1..=words.len()).any(|b| {
            st.ex.gaz.lookup(&words[a..b].join(" ")).is_some_and(|g| {
                matches!(
                    st.ex.gaz.entry(g).kind,
                    EntityType::Country | EntityType::Place
                )
            })
        })
    })
}

/// `subsidiary_of` between two organisations the article names, from the gazetteer.
pub(crate) fn known_parents(st: &mut DocState) {
    let gaz = &st.ex.gaz;
    for child in 0..st.entities.len() {
        let Some(parent_entry) = st.entities[child].gaz.and_then(|g| gaz.entry(g).parent) else {
            continue;
        };
        let parent_name = &gaz.entry(parent_entry).name;
        let Some(parent) = st.entity_named(parent_name) else {
            continue;
        };
        if !st.entities[parent].named || !st.entities[child].named {
            continue;
        }
        if let Some(i) = first_sentence(st, child) {
            st.add_fact(
                i,
                child,
                Predicate::SubsidiaryOf,
                parent,
                "gazetteer.parent",
                0.6,
                Attrs::default(),
            );
        }
    }
}

fn first_sentence(st: &DocState, e: usize) -> Option<usize> {
    let m = st
        .mentions
        .iter()
        .filter(|m| m.entity == e && m.how != How::Demonym)
        .min_by_key(|m| m.start)?;
    st.sentences
        .iter()
        .position(|s| s.span.start <= m.start && m.end <= s.span.end)
}
