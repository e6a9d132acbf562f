//! People and their roles, seats and subsidiaries: template regexes, plus
//! the gazetteer's parents and national subsidiaries named after their parent.

use super::*;
use crate::extract::lexicon::folded_regex;

pub(super) fn role_text(t: &Template, sent: &str, c: &Captures) -> String {
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
    // the words that qualify the title are the role's: "executive chairman";
    // so is a title coordinated before it: "founder and chief investment
    // officer"
    let coordinated = c.name("r0").filter(|m| {
        let words = m.as_str().trim_end();
        words.ends_with(" and") || words.ends_with(" et")
    });
    // (from its first word: the group opens on a space)
    let start = c
        .name("mods")
        .or(coordinated)
        .filter(|m| !m.as_str().trim().is_empty())
        .map_or(title.start(), |m| m.end() - m.as_str().trim_start().len());
    let (s, e) = (t.map[start], t.map[end]);
    sent.get(s..e).unwrap_or_default().trim().to_string()
}

/// Whether a role match is a title alone ("le PDG", "Chief Executive"),
/// with no words after it that could name whose head the person is ("CEO
/// of du", "CEO roundtable featuring"), and no "ex-" or "former" before it.
fn bare_title(t: &Template, c: &Captures) -> bool {
    let Some(title) = c.name("title") else {
        return false;
    };
    // the word before the title ("ex-PDG" folds to "ex pdg")
    let before = t.text[..title.start()]
        .trim_end_matches([' ', '-'])
        .rsplit([' ', '-'])
        .next()
        .unwrap_or_default();
    [c.name("r1"), c.name("r2")]
        .into_iter()
        .flatten()
        .all(|m| m.as_str().is_empty())
        && !matches!(before, "ex" | "former" | "ancien" | "ancienne")
}

/// A person's role as one rule read it.
struct Role {
    person: usize,
    /// The person's slot in the template.
    slot: usize,
    /// The firm or country the rule ties the person to.
    target: Option<usize>,
    role: String,
    rule: &'static str,
    /// The person's slot when the rule read a bare title with no firm
    /// named ("a déclaré le PDG X", "Chief Executive X said"): a head's
    /// leads the firm the sentence is about.
    bare: Option<usize>,
}

/// How many bytes a relative clause may stand after the person it tells of.
const RELATIVE_REACH: usize = 300;

pub(super) fn roles(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let sent = st.sentences[i].span.text(st.norm.as_str()).to_string();
    let lex = &st.ex.lex;
    let mut found: Vec<Role> = Vec::new();
    for &(ref re, rule) in rules.role_rules.matching(&t.text) {
        for c in re.captures_iter(&t.text) {
            let Some(per) = t.slot(c.name("per")) else {
                continue;
            };
            // a relative clause far after the person is some other noun's
            // (checked here: a bounded repeat in the pattern compiles to a
            // far larger automaton)
            if rule == "role.relative-clause" && c.get(0).map_or(0, |w| w.len()) > RELATIVE_REACH {
                continue;
            }
            // "general manager for Japan and Asia Pacific at Oracle": the
            // countries a title is for are its scope, the firm after them
            // its holder's
            let scoped = c
                .name("org")
                .filter(|o| o.as_str().starts_with("⟨C"))
                .and_then(|o| SCOPE_THEN_FIRM.captures(&t.text[o.end()..]))
                .and_then(|f| t.slot(f.name("org")));
            let target = scoped
                .or_else(|| t.slot(c.name("org")))
                .or_else(|| t.slot(c.name("dem")))
                .map(|k| t.entity(k));
            found.push(Role {
                person: t.entity(per),
                slot: per,
                target,
                role: role_text(t, &sent, &c),
                rule,
                bare: (target.is_none() && bare_title(t, &c)).then_some(per),
            });
        }
    }
    // "X named P as its chief executive", "P a été nommée présidente de X"
    for c in rules.role_appointed.captures_iter(&t.text) {
        let (Some(per), Some(org), Some(title)) = (
            t.slot(c.name("per").or(c.name("per2"))),
            t.slot(c.name("org").or(c.name("org2"))),
            c.name("title").or(c.name("title2")),
        ) else {
            continue;
        };
        let (s, e) = (t.map[title.start()], t.map[title.end()]);
        found.push(Role {
            person: t.entity(per),
            slot: per,
            target: Some(t.entity(org)),
            role: sent.get(s..e).unwrap_or_default().trim().to_string(),
            rule: "role.appointed",
            bare: None,
        });
    }
    // "X, who heads Y", "Y, dirigée par X": a head told by a verb (the
    // head of a firm's unit is one of its people)
    for c in LEADS_VERB.captures_iter(&t.text) {
        let (Some(per), Some(org)) = (
            t.slot(c.name("per").or(c.name("per2"))),
            t.slot(c.name("org").or(c.name("org2"))),
        ) else {
            continue;
        };
        // "X, whose cloud unit is run by Y": Y heads a unit, told elsewhere
        let whose = c
            .get(0)
            .is_some_and(|w| w.as_str().contains(" whose ") || w.as_str().contains(" dont "));
        let (person, firm) = (t.entity(per), t.entity(org));
        if whose
            || st.entities[person].kind != EntityType::Person
            || st.entities[firm].kind != EntityType::Organization
        {
            continue;
        }
        match c.name("unit") {
            None => st.add_fact(
                i,
                person,
                Predicate::Leads,
                firm,
                "role.leads-verb",
                0.75,
                Attrs::default(),
            ),
            Some(unit) => {
                let (s, e) = (t.map[unit.start()], t.map[unit.end()]);
                let role = format!("head of {}", sent.get(s..e).unwrap_or_default());
                st.add_fact(
                    i,
                    person,
                    Predicate::AffiliatedWith,
                    firm,
                    "role.leads-verb",
                    0.7,
                    Attrs {
                        role: Some(role),
                        ..Attrs::default()
                    },
                );
            }
        }
    }
    for c in rules.role_possessive.captures_iter(&t.text) {
        let Some(per) = t.slot(c.name("per")) else {
            continue;
        };
        // "son PDG": the firm that is the sentence's subject, else the firm
        // the article is about (not merely the last one named)
        let org = sentence_firm(st, rules, t, per);
        found.push(Role {
            person: t.entity(per),
            slot: per,
            target: org,
            role: role_text(t, &sent, &c),
            rule: "role.possessive",
            bare: None,
        });
    }
    // "South Korean President Yoon": a person one rule ties to a firm or
    // country is not also given the article's country by another
    let placed: Vec<usize> = found
        .iter()
        .filter(|f| f.target.is_some())
        .map(|f| f.person)
        .collect();
    for Role {
        person,
        slot,
        target,
        role,
        rule,
        bare,
    } in found
    {
        if st.entities[person].kind != EntityType::Person
            || (target.is_none() && placed.contains(&person))
        {
            continue;
        }
        let folded = crate::text::fold_str(&role);
        // "founder and chief investment officer", "vice-président du
        // conseil et président": one head title among several titles leads
        let head = folded
            .split(" and ")
            .flat_map(|part| part.split(" et "))
            .any(|part| lex.is_head_title(part));
        let state_head = head && Lexicon::title_in(&lex.state_titles, &folded);
        let target = match target {
            Some(e) => Some(e),
            // "le président X à Brasília", "President X unveiled a deal
            // between the United States and ...": the first country (or
            // place) named after the head, else the article's country
            None if state_head => country_after(st, t, slot).or_else(|| st.main_country()),
            None if head => bare.and_then(|per| sentence_firm(st, rules, t, per)),
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

/// "sa filiale brésilienne ⟨O2⟩", "its cloud unit ⟨O2⟩", in a sentence
/// that names no organisation before it.
static OWN_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:[^⟨]|⟨[^O])*(?:^|[^\w])(?:sa|its) (?:[\w-]+ ){0,2}?(?:filiale|subsidiary|unit|arm|division) (?:(?:[\w-]+|⟨D\d+⟩) ){0,2}?(?P<child>⟨O\d+⟩)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The country of the first country or known place sentence `t` names
/// after slot `per`, when the article has it as an entity.
fn country_after(st: &DocState, t: &Template, per: usize) -> Option<usize> {
    t.mentions[per + 1..]
        .iter()
        .find_map(|m| match st.entities[m.entity].kind {
            EntityType::Country => Some(m.entity),
            EntityType::Place => st.entity_of_entry(st.country_of(m.entity)?),
            _ => None,
        })
}

/// After a title's country, more places it is for and the firm that
/// holds it: " and ⟨L3⟩ at ⟨O4⟩", " et le Benelux chez ⟨O4⟩".
static SCOPE_THEN_FIRM: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^(?:(?:,| and| et) (?:the |la |le |l')?(?:⟨[CL]\d+⟩|[\w-]+))* (?:at|chez) (?:the )?(?P<org>⟨O\d+⟩)",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "l'administration ⟨P1⟩", "the ⟨P1⟩ administration": the president of
/// the United States, in either language's usage.
static ADMINISTRATION: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:l'administration (?P<per>⟨P\d+⟩)|(?:^|[^\w])the (?P<per2>⟨P\d+⟩) administration(?-u:\b))")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A president named by an administration leads the United States, when
/// the article names that country.
pub(super) fn administrations(st: &mut DocState, t: &Template, i: usize) {
    let Some(us) = st.entity_named("United States") else {
        return;
    };
    for c in ADMINISTRATION.captures_iter(&t.text) {
        let Some(k) = t.slot(c.name("per").or(c.name("per2"))) else {
            continue;
        };
        let person = t.entity(k);
        if st.entities[person].kind == EntityType::Person {
            st.add_fact(
                i,
                person,
                Predicate::Leads,
                us,
                "role.administration",
                0.7,
                Attrs::default(),
            );
        }
    }
}

/// A person heading a firm told by a verb (folded): "⟨P1⟩, who heads
/// ⟨O2⟩('s cloud unit)", "⟨P1⟩, à la tête de ⟨O2⟩", "⟨O2⟩, led by ⟨P1⟩",
/// "⟨O2⟩, dirigée par ⟨P1⟩", and its founder: "⟨P1⟩, who co-founded
/// ⟨O2⟩", "⟨O2⟩, fondée en 2010 par ⟨P1⟩".
static LEADS_VERB: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?P<per>⟨P\d+⟩),? (?:(?:who|qui) (?:now |also |currently |desormais )?(?:heads|leads|runs|chairs|directs|dirige|preside|pilote|co[ -]?founded|founded|a (?:co[ -]?)?fonde|(?:co[ -]?)?fonda)|(?:qui est )?a la tete d[eu']|at the helm of) ?(?:the |la |le |l')?(?P<org>⟨O\d+⟩)(?:'s? (?P<unit>(?:[\w-]+ ){0,2}?(?:business|division|unit|arm|operations|subsidiary)))?|(?P<org2>⟨O\d+⟩)(?:,? |, (?:(?:[\w'-]+|⟨D\d+⟩) ){1,4}?)(?:which is |qui est |is |was |est |etait |has been |a ete )?(?:led|headed|run|chaired|dirigee?s?|presidee?s?|pilotee?s?|(?:co[ -]?)?founded(?: in \d{4})?|(?:co[ -]?)?fondee?s?(?: en \d{4})?) (?:by|par) (?P<per2>⟨P\d+⟩)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The firm a sentence is about, for the slot `per`: its first organisation
/// before `per` if it is the subject, else the article's topic firm. A
/// firm after a preposition or a goods word ("le site sera équipé de
/// processeurs AMD, a précisé son directeur") is not what "son" refers to.
fn sentence_firm(st: &DocState, rules: &Rules, t: &Template, per: usize) -> Option<usize> {
    t.slots_after(0, t.slots[per].0, "O")
        .first()
        .filter(|&&k| {
            let before = &t.text[..t.slots[k].0];
            !rules.after_preposition.is_match(before) && !rules.goods_before.is_match(before)
        })
        .map(|&k| t.entity(k))
        .or_else(|| st.topic_org(t.mentions[per].start))
}

/// Between a nationality and a name: "of", which makes the name the owner
/// of the noun the nationality describes.
static OWNER_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^ (?:de|du|d'|of) ?(?:la |le |l'|the )?(?:(?:groupe|group|societe|company|firm) )?$",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

pub(super) fn headquarters(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    for (re, rule) in rules.hq.matching(&t.text) {
        for c in re.captures_iter(&t.text) {
            let (Some(m), Some(country)) = (c.name("org"), t.slot(c.name("c").or(c.name("c2"))))
            else {
                continue;
            };
            // "deux géants chinois pour construire quatre X": a verb between
            // the nationality and the name ends the description
            let between = c
                .name("c")
                .map_or("", |d| &t.text[d.end().min(m.start())..m.start()]);
            if CLAUSE_BREAK.is_match(between) {
                continue;
            }
            // "la filiale américaine de X", "the US unit of X": the
            // nationality is the unit's, X owns it
            if OWNER_NEXT.is_match(between) {
                continue;
            }
            // "Tessaro, a unit of Swiss conglomerate Ardent Group": the
            // nationality describes the firm named right after it
            let seat = c.name("c").or(c.name("c2"));
            let whole_end = c.get(0).map_or(0, |w| w.end());
            if seat.is_some_and(|d| d.start() > m.start())
                && NAME_AFTER.is_match(&t.text[whole_end..])
            {
                continue;
            }
            // "Orvane, a subsidiary of Japan's Kiwa Holdings": a country
            // after the firm that owns another name is that name's seat
            let owner_seat = seat.is_some_and(|d| {
                d.start() > m.start()
                    && t.text[d.end()..]
                        .strip_prefix("'s")
                        .is_some_and(|rest| NAME_AFTER.is_match(rest))
            });
            if owner_seat {
                continue;
            }
            let mut orgs: Vec<usize> = t.slot(Some(m)).into_iter().collect();
            // a list after a plural ("companies including A and B", "US
            // chipmakers A and B") seats every member
            if *rule == "hq.plural-list" || c.name("plural").is_some() {
                orgs.extend(t.listed_after(m.end()));
            }
            for org in orgs {
                st.add_fact(
                    i,
                    t.entity(org),
                    Predicate::HeadquarteredIn,
                    t.entity(country),
                    rule,
                    0.75,
                    Attrs::default(),
                );
            }
        }
    }
}

/// "China Mobile International", "Kenya Power": a firm the gazetteer does
/// not know, whose name opens on the name of a country the article names,
/// is seated in that country (told where the firm is first named).
pub(crate) fn seats_in_names(st: &mut DocState) {
    for org in 0..st.entities.len() {
        let e = &st.entities[org];
        if e.kind != EntityType::Organization || e.gaz.is_some() || !e.named {
            continue;
        }
        let words: Vec<&str> = e.name.split(' ').collect();
        let country = (1..words.len().min(4)).find_map(|n| {
            let id = st.ex.gaz.lookup(&words[..n].join(" "))?;
            let entry = st.ex.gaz.entry(id);
            // only a country the article names: the firm's name alone
            // does not make it one of the article's entities
            (entry.kind == EntityType::Country)
                .then(|| st.entity_named(&entry.name))
                .flatten()
                .filter(|&c| st.entities[c].named)
        });
        if let (Some(country), Some(i)) = (country, first_sentence(st, org)) {
            st.add_fact(
                i,
                org,
                Predicate::HeadquarteredIn,
                country,
                "hq.country-in-name",
                0.7,
                Attrs::default(),
            );
        }
    }
}

/// "the Osaka-based company": the anaphor's mention is "based company"
/// (see `Rules::anaphor`), and the place written right before it is the
/// seat of the firm it stands for.
pub(super) fn based_seats(st: &mut DocState, t: &Template, i: usize) {
    let sent = st.sentences[i].span.text(st.norm.as_str());
    let seats: Vec<(usize, usize)> = (1..t.slots.len())
        .filter(|&k| {
            let (place, firm) = (t.slots[k - 1], t.slots[k]);
            "CL".contains(place.2)
                && firm.2 == 'O'
                && place.1 + 1 == firm.0
                && sent
                    .get(t.map[firm.0]..)
                    .is_some_and(|r| r.starts_with("based"))
        })
        .map(|k| (t.entity(k), t.entity(k - 1)))
        .collect();
    add_seats(st, i, seats, "hq.based-anaphor");
}

/// Seats each firm of `seats` (firm, place) in its place, read by `rule`
/// in sentence `i`.
fn add_seats(st: &mut DocState, i: usize, seats: Vec<(usize, usize)>, rule: &'static str) {
    for (firm, place) in seats {
        st.add_fact(
            i,
            firm,
            Predicate::HeadquarteredIn,
            place,
            rule,
            0.75,
            Attrs::default(),
        );
    }
}

/// A relative clause that seats the firm it follows, further on in the
/// firm's apposition: "⟨O⟩, fondée en 2017 et dont le siège mondial se
/// trouve dans le ⟨L⟩", "⟨O⟩, which is headquartered in ⟨L⟩", "⟨O⟩,
/// founded in 2015 and whose headquarters are in ⟨L⟩".
static RELATIVE_SEAT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(concat!(
        r"(?P<org>⟨O\d+⟩),(?P<mid>[^;.:]{0,120}?)(?:, | et | and | )",
        r"(?:dont le siege(?: social| mondial)?|dont le quartier general|qui a son siege(?: social)?",
        r"|qui est (?:basee?|installee?|domiciliee?)|whose (?:global |world |corporate )?(?:headquarters|head office)",
        r"|(?:which|that) (?:is|was) (?:headquartered|based)|(?:which|that) has its (?:headquarters|head office))",
        r" (?:est |se trouve |est situe |est installe |sont |is |are |is located |are located )?",
        r"(?:a |au |aux |en |in |at |dans )(?:le |la |les |l'|the )?(?P<c>⟨[CL]\d+⟩)"
    ))
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Whether an apposition names a firm other than by a passive agent
/// ("financée par ⟨O2⟩", "backed by ⟨O2⟩"): the relative clause after it
/// may then be that firm's.
fn names_other_firm(apposition: &str) -> bool {
    apposition
        .match_indices("⟨O")
        .any(|(at, _)| !(apposition[..at].ends_with("par ") || apposition[..at].ends_with("by ")))
}

/// "⟨O⟩, fondée en 2017 et dont le siège se trouve à ⟨L⟩": the seat a
/// relative clause in the firm's apposition gives, when no other firm but
/// a passive agent stands between.
pub(super) fn relative_seats(st: &mut DocState, t: &Template, i: usize) {
    let seats: Vec<(usize, usize)> = RELATIVE_SEAT
        .captures_iter(&t.text)
        .filter(|c| c.name("mid").is_none_or(|m| !names_other_firm(m.as_str())))
        .filter_map(|c| Some((t.slot(c.name("org"))?, t.slot(c.name("c"))?)))
        .map(|(firm, place)| (t.entity(firm), t.entity(place)))
        .collect();
    add_seats(st, i, seats, "hq.relative");
}

/// Another firm's name within two words: "... Swiss conglomerate ⟨O2⟩".
static NAME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?: [\w-]+){0,2} ⟨O\d+⟩").unwrap_or_else(|e| unreachable!("{e}"))
});

/// Words that end a description before the name it would describe: a
/// purpose, a relative pronoun or a verb.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:pour|afin|to|qui|which|that|who|will|va|vont|ont|has|have|avec|with|construire|build)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "l'entreprise américaine", "the American giant", "the Seattle company":
/// a description with no name after it is the firm the article is about;
/// its nationality or city is a seat, unless the gazetteer seats that firm
/// in another country.
pub(super) fn described_headquarters(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    for c in rules.hq_described.captures_iter(&t.text) {
        let seat = ["c1", "c2", "c3", "c4"].into_iter().find_map(|g| c.name(g));
        let Some(country) = t.slot(seat) else {
            continue;
        };
        // "the US company Nvidia", "le géant américain des puces Nvidia": a
        // name follows within a few words, the name rules read it
        // (a name after a conjunction is another firm: "the Seattle tech
        // giant and privately held X-energy"; a pronoun is no name)
        // (the gap opens on a space: seven pieces hold six words, as in
        // "l'opérateur allemand de centres de données Rheinfeld")
        let from = c.name("after").map_or(0, |m| m.start());
        let to = t.text[from..]
            .split_inclusive(' ')
            .take(7)
            .take_while(|p| !matches!(p.trim_end(), "and" | "et" | "," | "or" | "ou"))
            .fold(from, |end, p| end + p.len());
        let named_after = t
            .slots_after(from, to, "OP")
            .into_iter()
            .any(|k| t.mentions[k].how != How::Anaphor);
        if named_after {
            continue;
        }
        // "AustralianSuper, the Australian pension fund": an apposition
        // describes the name before it
        let at = c.get(0).map_or(0, |m| m.start());
        let before = t.text[..at].trim_end();
        let apposed = before
            .strip_suffix(',')
            .and_then(|b| b.rfind('⟨').map(|k| &b[k..]))
            .filter(|slot| slot.ends_with('⟩'));
        let firm = match apposed {
            Some(slot) if slot.starts_with("⟨O") => t
                .slots
                .iter()
                .position(|s| t.text[s.0..s.1] == *slot)
                .map(|k| t.entity(k)),
            // "in Poland, the Norwegian company's largest investment": a
            // firm's description apposed to a place is not the place's,
            // it tells of the firm the article is about
            Some(slot) if slot.starts_with("⟨C") || slot.starts_with("⟨L") => {
                st.topic_org(usize::MAX)
            }
            // an apposition to something else, or to nothing the rules know
            _ if before.ends_with(',') => None,
            // else the firm the article is about
            _ => st.topic_org(usize::MAX),
        };
        let country = t.entity(country);
        // a seat the gazetteer knows must agree: the same country, or a
        // city within it
        let gaz = &st.ex.gaz;
        let told = st.entities[country].gaz.and_then(|g| gaz.country_of(g));
        let agrees = |firm: usize| {
            let known = st.entities[firm].gaz.and_then(|g| gaz.entry(g).seat);
            known.is_none_or(|k| told == Some(k))
        };
        // "SoftBank would build ..., a demonstration of the Japanese
        // company's ambitions" in an article about Nvidia: when the
        // article's firm is seated elsewhere, a description in running
        // text is of the firm its sentence opens on
        let firm = match firm {
            Some(f) if !agrees(f) && !before.ends_with(',') => t
                .slots
                .iter()
                .position(|s| s.2 == 'O' && s.1 <= at)
                .map(|k| t.entity(k)),
            other => other,
        };
        let Some(firm) = firm.filter(|&f| agrees(f)) else {
            continue;
        };
        st.add_fact(
            i,
            firm,
            Predicate::HeadquarteredIn,
            country,
            "hq.described",
            0.6,
            Attrs::default(),
        );
    }
}

/// "seront exploitées par sa filiale SB Data Brasil", "through its unit X"
/// in a sentence that names no other firm: the firm the article is about
/// owns it.
pub(super) fn own_unit(st: &mut DocState, t: &Template, i: usize) {
    let Some(k) = OWN_UNIT
        .captures(&t.text)
        .and_then(|c| t.slot(c.name("child")))
    else {
        return;
    };
    let child = t.entity(k);
    let Some(parent) = st.topic_org(t.mentions[k].start) else {
        return;
    };
    if child != parent && st.entities[child].kind == EntityType::Organization {
        st.add_fact(
            i,
            child,
            Predicate::SubsidiaryOf,
            parent,
            "subsidiary.own-unit",
            0.6,
            Attrs::default(),
        );
    }
}

pub(super) fn subsidiaries(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    for &(ref re, rule) in rules.subsidiary_rules.matching(&t.text) {
        for c in re.captures_iter(&t.text) {
            if let (Some(a), Some(b)) = (t.slot(c.name("child")), t.slot(c.name("parent"))) {
                // "détenue par la Confédération": a state's holding is no subsidiary
                if st.entities[t.entity(b)].kind != EntityType::Organization {
                    continue;
                }
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
                    && (names_a_place(st, &name[pn.len() + 1..])
                        || (st.entities[p].gaz.is_some()
                            && names_a_unit(st, &name[pn.len() + 1..])))
            })
            .max_by_key(|&p| st.entities[p].name.len());
        // a well-known parent need not be named on its own: "Microsoft Austria CEO ..."
        let parent = parent.or_else(|| {
            let words: Vec<&str> = name.split(' ').collect();
            (1..words.len()).rev().find_map(|n| {
                let entry = st.ex.gaz.lookup(&words[..n].join(" "))?;
                let rest = words[n..].join(" ");
                (st.ex.gaz.entry(entry).kind == EntityType::Organization
                    && (names_a_place(st, &rest) || names_a_unit(st, &rest)))
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

/// "SoftBank Vision Fund", "Huawei Northern Africa": two words or more
/// after a well-known firm's name, not all of them legal or sector
/// suffixes ("Nvidia Corp", "Aker ASA" are the firm itself), name a unit of
/// it. One word ("Microsoft Azure") is more often a product.
/// A holding or legal word at the end ("Nscale Global Holdings", "Alibaba
/// Group Holding") makes the longer name the firm's own, not a unit's.
fn names_a_unit(st: &DocState, rest: &str) -> bool {
    let words: Vec<&str> = rest.split(' ').collect();
    let holding = words.last().is_some_and(|w| {
        crate::text::is_legal_form(w)
            || matches!(
                crate::text::fold_str(w).as_str(),
                "holdings" | "holding" | "group" | "groupe" | "se"
            )
    });
    words.len() >= 2
        && !holding
        && words
            .iter()
            .any(|w| !st.ex.lex.org_suffixes.contains(&crate::text::fold_str(w)))
}

/// Whether some words of `rest` name a country or place of the gazetteer.
pub(super) fn names_a_place(st: &DocState, rest: &str) -> bool {
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

/// "Microsoft Austria" (see `mentions::national_units`) is a subsidiary of
/// Microsoft when the article names Microsoft on its own, and is seated in
/// Austria; what the unit invests in, its group invests in too.
pub(crate) fn unit_parents(st: &mut DocState) {
    for (unit, parent, seat, i) in st.units.clone() {
        if st.entities[parent].named {
            let name = &st.entities[unit].name;
            let deals: Vec<(usize, usize, Attrs)> = st
                .triples
                .iter()
                .zip(&st.triple_sentence)
                .filter(|(t, _)| t.p == Predicate::InvestsIn && t.s == *name)
                .filter_map(|(t, &at)| {
                    let attrs = Attrs {
                        amount: t.amount.clone(),
                        year: t.year,
                        ..Attrs::default()
                    };
                    Some((at, st.entity_named(&t.o)?, attrs))
                })
                .collect();
            for (at, project, attrs) in deals {
                st.add_fact(
                    at,
                    parent,
                    Predicate::InvestsIn,
                    project,
                    "invest.unit-group",
                    0.6,
                    attrs,
                );
            }
            st.add_fact(
                i,
                unit,
                Predicate::SubsidiaryOf,
                parent,
                "subsidiary.national-unit",
                0.6,
                Attrs::default(),
            );
        }
        if let Some(country) = seat {
            st.add_fact(
                i,
                unit,
                Predicate::HeadquarteredIn,
                country,
                "hq.national-unit",
                0.6,
                Attrs::default(),
            );
        }
    }
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
