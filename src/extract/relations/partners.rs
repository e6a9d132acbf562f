//! Partnerships: the coordinated subjects of a partner trigger and the
//! members of its with-clause (helpers and places are not partners).

use super::*;
use crate::extract::lexicon::folded_regex;

/// Organisations and countries of a "with" clause after `at`, up to the clause end.
pub(super) fn with_objects(st: &DocState, rules: &Rules, t: &Template, at: usize) -> Vec<usize> {
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
    // "with Core42 to build a data centre in the UAE": a country after a
    // place preposition is where, not who, and so is every country listed
    // after it ("clients in Qatar, Algeria and the Maldives", "in Nairobi,
    // Kenya")
    let mut out = Vec::new();
    let mut where_list: Option<usize> = None;
    for k in t.slots_after(from, end, "OCPL") {
        let (start, stop, kind) = t.slots[k];
        let listed = where_list.is_some_and(|e| LIST_SEP.is_match(&t.text[e..start]));
        if "CL".contains(kind) && (listed || PLACE_PREP.is_match(&t.text[..start])) {
            where_list = Some(stop);
            continue;
        }
        if kind == 'L' {
            continue;
        }
        // "with Singapore's Kestrel Data": the country is the firm's seat;
        // "with US suppliers": it tells whose firms, not who
        // "with Tenaga, Malaysia's state utility": the firm's country
        let apposed = t.text[..start].ends_with("⟩, ") && t.text[stop..].starts_with("'s ");
        if kind == 'C'
            && (apposed
                || SEAT_OF_NEXT.is_match(&t.text[stop..])
                || FIRMS_NEXT.is_match(&t.text[stop..]))
        {
            continue;
        }
        where_list = None;
        // "with Nareva, a subsidiary of Al Mada": the owner is no partner
        if t.owned_by_apposition(rules, k).is_some() {
            continue;
        }
        out.extend(actor(st, t, k));
    }
    // "avec X pour construire ... et avec Y pour développer ...": a further
    // with-clause joined on by a conjunction names partners too
    if let Some(w) = AND_WITH
        .captures(&t.text[end..])
        .and_then(|c| c.name("with"))
    {
        out.extend(with_objects(st, rules, t, end + w.start()));
    }
    out
}

/// A conjunction and a further "with" before any other name or the
/// sentence's end: "... et avec", "... and with".
static AND_WITH: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^[^⟨;.]{0,80}?(?-u:\b)(?:et|and|ainsi qu'|as well as) (?P<with>avec|with) ")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A possessive right after a country, then a firm's name: "'s Kestrel".
static SEAT_OF_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^'s? (?:[\w-]+ ){0,4}⟨O\d+⟩").unwrap_or_else(|e| unreachable!("{e}"))
});

/// A plural noun of firms right after a country: "US suppliers", "UK
/// chip makers" (folded).
static FIRMS_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"^ (?:(?:tech|chip|cloud|energy|power|telecom|defence|defense|state) )?(?:{FIRMS}|officials|authorities|lawmakers)(?-u:\b)"
    ))
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A partner noun and the firm it is a partner of, a few words on:
/// "partenaires OEM des puces d'IA de ⟨O2⟩", "partners of ⟨O2⟩".
static PARTNER_OF: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^ ?(?:partenaires?|partners?)(?: [\w'-]+){0,5}? (?:de |d'|du |of )(?P<org>⟨O\d+⟩)",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A firm named in apposition right after a partner noun and its firm:
/// "le partenaire développeur de ⟨O1⟩, ⟨O2⟩", "⟨O1⟩'s partner, ⟨O2⟩".
static APPOSED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^s?,? ?(?:the |le |la |l')?(?P<org>⟨O\d+⟩)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A firm's possessive and a few words right before a partner noun:
/// "⟨O1⟩'s technology " in "⟨O1⟩'s technology partner, ⟨O2⟩".
static POSSESSOR_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?P<org>⟨O\d+⟩)'s?(?: [\w-]+){0,2} ?$").unwrap_or_else(|e| unreachable!("{e}"))
});

/// A firm, "avec qui" / "with whom", the firm who partnered with it and a
/// few words, up to a partner trigger: "⟨O1⟩, avec qui ⟨O2⟩ a signé ".
static WITH_WHOM: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?P<partner>⟨O\d+⟩)(?: \([^)⟨]*\))?,? (?:avec qui|avec lequel|avec laquelle|avec lesquels|with whom|with which) (?:(?:le|la|les|l'|the) )?(?:[\w'-]+ ){0,3}?(?P<subject>⟨O\d+⟩)(?: [\w'-]+){0,4} ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "tout comme", "as are": the firms named next are likened to the subject.
static LIKENED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:[^⟨]|⟨[CL]\d+⟩){0,24}?(?:tout comme|de meme que|as are|as is|like) ")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A sentence that opens on a gerund: "En s'associant à", "By partnering with".
static GERUND_FRONT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:en|by|after|apres)(?: s'| se| l'| the)? ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The organisation slot that opens the clause after a fronted phrase
/// holding the trigger at `at`: "En s'associant à X, ⟨Y⟩ trouve", "As part
/// of the agreement, ⟨A⟩ and B will" (the trigger's match may end on the
/// comma itself).
fn org_after_front(t: &Template, at: usize) -> Option<usize> {
    let comma = at + t.text[at..].find(", ")?;
    t.slots_after(comma, t.text.len(), "O")
        .first()
        .copied()
        .filter(|&k| t.slots[k].0 <= comma + 2)
}

/// The organisation named as a passive's agent right before the trigger
/// at `at`: "by ⟨X⟩ in partnership", "par ⟨X⟩ en partenariat".
fn agent_before(t: &Template, at: usize) -> Option<usize> {
    let k = (0..t.slots.len()).rev().find(|&k| t.slots[k].1 <= at)?;
    (t.slots[k].2 == 'O'
        && AGENT.is_match(&t.text[..t.slots[k].0])
        && AGENT_GAP.is_match(&t.text[t.slots[k].1..at]))
    .then_some(k)
}

/// A passive's agent word right before a name (folded): "developed by", "porté par".
static AGENT: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(r"\w (?:by|par) $").unwrap_or_else(|e| unreachable!("{e}")));

/// What may stand between an agent and a partnership trigger: "in", "en", a comma.
static AGENT_GAP: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^,?(?: (?:in|en))? ?$").unwrap_or_else(|e| unreachable!("{e}"))
});

/// A phrase fronted before a deal's trigger, whose parties follow it
/// (folded, read up to the trigger): "as part of the", "under this",
/// "dans le cadre de cet", "aux termes du".
static DEAL_FRONT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:as part of|under|dans le cadre d[eu]|aux termes d[eu]|en vertu d[eu])(?: (?:the|this|that|its|their|these|le|la|les|cet|cette|ce|ces|leur|leurs|son|sa|ses))?(?: [\w-]+)? ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

pub(super) static PLACE_PREP: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|\W)(?:in|en|au|aux|a|dans|across|throughout|from|de|d'|du|des|of|to|vers|pour|for|outside|beyond|hors)(?: (?:the|le|la|les|l'))? ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

pub(super) static DEAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:agreements?|deals?|contracts?|pacts?|chain|chains)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

pub(super) static HELPED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:with|avec) (?:the |l'|le |la )?(?:help|support|backing|assistance|aide|soutien|appui|concours)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

pub(super) static CLAUSE_END: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"[;:.]|(?-u:\b)(?:pour|afin|to build|to develop|in order|qui|which|that|lors|during|dans le cadre)(?-u:\b)|, (?:a |ont |has |have )?(?:precise|indique|annonce|declare|affirme|explique|souligne|said|says|told|added|announced)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

pub(super) fn partnerships(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let lex = &st.ex.lex;
    let Some(m) = lex.partner.find(&t.text) else {
        return;
    };
    if clause_is_negated(st, t, m.start(), m.end()) {
        return;
    }
    // "X, avec qui Y a signé un partenariat", "X, with whom Y signed a
    // deal": the relative's antecedent is the partner, the clause's
    // subject the one who partnered
    let with_whom = WITH_WHOM.captures(&t.text[..m.start()]).and_then(|c| {
        let partner = actor(st, t, t.slot(c.name("partner"))?)?;
        let subject = actor(st, t, t.slot(c.name("subject"))?)?;
        Some((subject, partner))
    });
    let (mut subjects, mut objects) = match with_whom {
        Some((subject, partner)) => (vec![subject], vec![partner]),
        None => (
            subjects_before(st, rules, t, m.start()),
            with_objects(st, rules, t, m.start()),
        ),
    };
    // the subjects named before the trigger (not the firms likened after it)
    let own = subjects.len();
    // "H3C est l'un des principaux partenaires OEM de Nvidia, tout comme
    // Inspur et Lenovo": the partner noun's firm, and the ones likened
    if objects.is_empty() {
        if let Some((owner, partners)) = apposed_partners(t, m.start(), m.end()) {
            // "⟨O1⟩'s partner, ⟨O2⟩": the firm named is the partner, not
            // whoever the sentence's subject is
            subjects = partners;
            objects.push(owner);
        } else if let Some(c) = PARTNER_OF.captures(&t.text[m.start()..]) {
            objects.extend(t.slot(c.name("org")).map(|k| t.entity(k)));
            let after = m.start() + c.get(0).map_or(0, |x| x.end());
            if let Some(like) = LIKENED.find(&t.text[after..]) {
                let from = after + like.end();
                // the first likened firm right there, and the ones listed after it
                if let Some(k) =
                    (0..t.slots.len()).find(|&k| t.slots[k].0 == from && t.slots[k].2 == 'O')
                {
                    subjects.push(t.entity(k));
                    subjects.extend(
                        t.listed_after(t.slots[k].1)
                            .into_iter()
                            .map(|j| t.entity(j)),
                    );
                }
            }
        }
    }
    if subjects.is_empty() && GERUND_FRONT.is_match(&t.text[..m.start()]) {
        // "En s'associant à X, Y trouve ...": the subject follows the clause
        subjects.extend(org_after_front(t, m.start()).map(|k| t.entity(k)));
    }
    if subjects.is_empty() && DEAL_FRONT.is_match(&t.text[..m.start()]) {
        // "As part of the agreement, A and B will provide", "Dans le cadre
        // de cet accord, A et B vont": two or more parties named right
        // after the fronted phrase are partners; a with-clause of the main
        // clause is not of the deal ("... will back a project with X")
        if let Some(k) = org_after_front(t, m.start()) {
            let listed = t.listed_after(t.slots[k].1);
            if !listed.is_empty() {
                subjects.push(t.entity(k));
                subjects.extend(listed.into_iter().map(|j| t.entity(j)));
                objects.clear();
            }
        }
    }
    if subjects.is_empty() {
        // "developed by X in partnership with Y", "développé par X en
        // partenariat avec Y": the passive's agent is the one who partnered
        subjects.extend(agent_before(t, m.start()).map(|k| t.entity(k)));
    }
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
        // "its clients in Qatar and the Maldives with access to": a place
        // the sentence puts something in is not a party
        let before_with = before_with.filter(|&k| !is_placed_list(t, k));
        match before_with.and_then(|k| actor(st, t, k)) {
            Some(e) => subjects.push(e),
            None if !t
                .slots
                .iter()
                .any(|s| s.1 <= m.start() && "OCP".contains(s.2)) =>
            {
                subjects.extend(st.topic_org(sentence_start(t)))
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
    // "X and Y have partnered ..., in collaboration with Z": the joint
    // subjects are partners of each other as well as of the objects (firms
    // likened to a partner after the trigger are each that partner's, not
    // each other's)
    let joint_of = if objects.is_empty() {
        subjects.len()
    } else {
        own
    };
    let joint = subjects[..joint_of].iter().enumerate().flat_map(|(a, &x)| {
        subjects[a + 1..joint_of]
            .iter()
            .map(move |&y| (x, y, "partner.joint-subjects"))
    });
    let with = subjects
        .iter()
        .flat_map(|&x| objects.iter().map(move |&y| (x, y, rule)));
    let pairs: Vec<(usize, usize, &str)> = joint.chain(with).collect();
    for (x, y, rule) in pairs {
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
    let firms: Vec<usize> = subjects
        .iter()
        .chain(&objects)
        .copied()
        .filter(|&e| st.entities[e].kind == EntityType::Organization)
        .collect();
    if firms.len() >= 2 {
        st.partners = firms;
    }
    // "le consortium envisage": a sentence that names no firm keeps the
    // consortium named before
    if consortium && t.slots.iter().any(|s| s.2 == 'O') {
        let mut members = subjects;
        members.extend(objects);
        st.consortium = members;
    }
}

/// A partner noun between a firm and the partners named in apposition
/// after it: "⟨O1⟩'s development partner, ⟨O2⟩" and "le partenaire de
/// ⟨O1⟩, ⟨O2⟩ et ⟨O3⟩" give the owner's entity and the partners'.
fn apposed_partners(t: &Template, start: usize, end: usize) -> Option<(usize, Vec<usize>)> {
    let (owner, after) = match POSSESSOR_BEFORE.captures(&t.text[..start]) {
        Some(c) => (t.slot(c.name("org"))?, end),
        None => {
            let c = PARTNER_OF.captures(&t.text[start..])?;
            (t.slot(c.name("org"))?, start + c.get(0)?.end())
        }
    };
    let first = APPOSED.captures(&t.text[after..])?.name("org")?;
    let mut partners = vec![t.slot(Some(first))?];
    partners.extend(t.listed_after(after + first.end()));
    let owner = t.entity(owner);
    let partners: Vec<usize> = partners
        .into_iter()
        .map(|k| t.entity(k))
        .filter(|&e| e != owner)
        .collect();
    (!partners.is_empty()).then_some((owner, partners))
}

/// A firm does not partner with the country it is seated in: "Aker ASA,
/// Norway's ..." or "ADQ ... the UAE" name the seat, not a partner. The
/// seat is the one the article states, or the gazetteer's.
pub(crate) fn drop_seat_partners(st: &mut DocState) {
    let gaz = &st.ex.gaz;
    let mut seats: Vec<(String, String)> = st
        .triples
        .iter()
        .filter(|t| t.p == Predicate::HeadquarteredIn)
        .map(|t| (t.s.clone(), t.o.clone()))
        .collect();
    for e in &st.entities {
        if let Some(seat) = e.gaz.and_then(|g| gaz.entry(g).seat) {
            seats.push((e.name.clone(), gaz.entry(seat).name.clone()));
        }
    }
    let is_seat = |a: &str, b: &str| seats.iter().any(|(f, c)| f == a && c == b);
    st.triples.retain(|t| {
        t.p != Predicate::PartnersWith || !(is_seat(&t.s, &t.o) || is_seat(&t.o, &t.s))
    });
}

/// "le consortium GPE qui réunit le sud-africain Vodacom, le japonais
/// Sumitomo et CDC Group", "a joint venture comprising A and B": the members
/// named after a group noun are partners, and the consortium a later
/// sentence refers back to ("le consortium envisage d'investir").
pub(super) fn consortium_members(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let Some(m) = MEMBERS.find(&t.text) else {
        return;
    };
    let mut members: Vec<usize> = t
        .list_from(m.end(), "O", Some(&FIRST_MEMBER), rules)
        .into_iter()
        .map(|k| t.entity(k))
        .collect();
    members.dedup();
    if members.len() < 2 || clause_is_negated(st, t, m.start(), m.end()) {
        return;
    }
    for (a, &x) in members.iter().enumerate() {
        for &y in &members[a + 1..] {
            st.add_fact(
                i,
                x,
                Predicate::PartnersWith,
                y,
                "partner.consortium-members",
                0.65,
                Attrs::default(),
            );
        }
    }
    st.consortium = members;
}

/// A group noun, its name if any, and the verb or preposition that lists its
/// members.
static MEMBERS: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:consortium|groupement|coentreprise|co entreprise|joint venture|alliance|coalition)(?: ⟨O\d+⟩)?(?: \([^)]{1,80}\))?,? (?:qui |which |that )?(?:reunit|reunissant|rassemble|rassemblant|regroupe|regroupant|comprend|comprenant|composee? de|formee? (?:de|par)|constituee? de|comprising|comprises|including|includes|composed of|made up of|formed by|brings together|bringing together)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// What may stand between the member verb and the first member: an article
/// and a demonym ("réunit le sud-africain Vodacom").
static FIRST_MEMBER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^ (?:(?:le|la|les|l'|the|un|une|a|an) ?)?(?:⟨D\d+⟩ )?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Whether slot `k` is a country or place in a list that "in" opens:
/// "in Qatar, Oman and the Maldives".
fn is_placed_list(t: &Template, mut k: usize) -> bool {
    if !"CL".contains(t.slots[k].2) {
        return false;
    }
    while let Some(j) = k.checked_sub(1).filter(|&j| {
        "CL".contains(t.slots[j].2) && LIST_SEP.is_match(&t.text[t.slots[j].1..t.slots[k].0])
    }) {
        k = j;
    }
    static IN: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(
            r"(?:^|\W)(?:in|en|au|aux|dans|across|throughout|at)(?: (?:the|le|la|les|l'))? ?$",
        )
        .unwrap_or_else(|e| unreachable!("{e}"))
    });
    IN.is_match(&t.text[..t.slots[k].0])
}
