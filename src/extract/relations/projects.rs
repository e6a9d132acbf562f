//! Projects and facilities: initiatives led by firms, new projects and
//! their sites, a project's operator, owned and newly built facilities.

use super::deals::{invest_jointly, restated_deal};
use super::invest::is_destination;
use super::*;
use crate::extract::lexicon::folded_regex;

/// "a $500 billion initiative led by A and B": the leaders of a
/// costed project invest in it.
pub(super) fn led_initiatives(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let Some(c) = LED_BY.captures(&t.text) else {
        return;
    };
    // "un projet porté par un consortium réunissant A, B et C": a named
    // consortium invests whether or not the sentence gives the amount
    let group = c.name("group").is_some();
    let Some(m) = c.get(0) else {
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
    if leaders.is_empty() || (attrs.amount.is_none() && !group) {
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
    if group {
        // the members of a consortium are partners, and the consortium of
        // the article for the sentences that refer back to it
        for (a, &x) in leaders.iter().enumerate() {
            for &y in &leaders[a + 1..] {
                st.add_fact(
                    i,
                    x,
                    Predicate::PartnersWith,
                    y,
                    "partner.consortium",
                    0.65,
                    Attrs::default(),
                );
            }
        }
        st.consortium = leaders;
    }
}

pub(super) static LED_BY: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:initiative|project|projet|programme|program|plan|venture|fund|fonds)s?,? (?:[\w-]+ )?(?:led|backed|financed|funded|spearheaded|driven|porte|portee|mene|menee|finance|financee|soutenu|soutenue|pilote|pilotee)s? (?:by|par) (?:le |la |les |l'|the )?(?P<group>(?:une? |a |an )?(?:consortium|groupement|alliance|coalition|group) (?:[\w-]+ )?(?:de |d'|of |reunissant |comprising |including |composed of |made up of |forme par |forme de |compose de |regroupant |comprenant )(?:le |la |les |l'|the )?)?")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

pub(in crate::extract) fn new_project(
    st: &mut DocState,
    investor: usize,
    places: &[usize],
    i: usize,
) -> usize {
    // "the Vortalis supercomputer", "le projet Stargate Norway": a project
    // the sentence names is the project; otherwise one is named after its
    // investor and places
    let named = st
        .sentence_mentions(i)
        .into_iter()
        .map(|m| m.entity)
        .find(|&e| st.entities[e].kind == EntityType::Project && !places.contains(&e));
    let project = named.unwrap_or_else(|| {
        let names: Vec<String> = places
            .iter()
            .map(|&p| st.entities[p].name.clone())
            .collect();
        let name = format!(
            "{} project in {}",
            st.entities[investor].name,
            names.join(" and ")
        );
        st.named_entity(&name, EntityType::Project)
    });
    place_project(st, project, places, i);
    project
}

/// Places `project` at each of `places`, with the power sentence `i` gives
/// if any, and makes them the places told of last.
pub(super) fn place_project(st: &mut DocState, project: usize, places: &[usize], i: usize) {
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
}

/// "Inauguré au centre de Jülich en Allemagne, Jupiter se classe": a named
/// project with no site yet stands where its sentence says ("à", "en",
/// "in", "at").
pub(super) fn project_sites(st: &mut DocState, t: &Template, i: usize) {
    static AT: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r"(?:^|\W)(?:a|au|en|dans|in|at|near|pres de)(?: (?:la|le|l'|the))? ?$")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    let Some(project) = t.slots.iter().position(|s| s.2 == 'J').map(|k| t.entity(k)) else {
        return;
    };
    if st.is_placed(project) {
        return;
    }
    let sites: Vec<usize> = (0..t.slots.len())
        .filter(|&k| {
            "CL".contains(t.slots[k].2)
                && AT.is_match(&t.text[..t.slots[k].0])
                && is_destination(st, t, k)
        })
        .map(|k| t.entity(k))
        .collect();
    add_sites(st, i, project, &sites, "project.site");
}

/// Places `project` at each of `sites`, by `rule`, as sentence `i` tells.
fn add_sites(st: &mut DocState, i: usize, project: usize, sites: &[usize], rule: &'static str) {
    for &site in sites {
        st.add_fact(
            i,
            project,
            Predicate::LocatedIn,
            site,
            rule,
            0.6,
            Attrs::default(),
        );
    }
}

/// "Ce plan comprend des centres au Japon et au Mexique", "The plan
/// includes data centres in Japan, South Korea and Mexico": a sentence whose
/// subject is the plan told of, and which tells no deal of its own, names
/// more places of that plan.
pub(super) fn plan_sites(st: &mut DocState, t: &Template, i: usize) {
    static PLAN_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r"^(?:ce|cet|cette|le|la|l'|the|this|that) ?(?:plan|programme|program|initiative|investissement|investment|projet|project|expansion|enveloppe|strategie|strategy)s?(?: [\w'-]+){0,3}? (?:comprend|comprendra|inclut|inclura|prevoit|couvre|couvrira|concerne|porte sur|cible|ciblera|includes|will include|covers|will cover|targets|will target|spans|involves)(?-u:\b)")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    let Some(project) = st.last_project else {
        return;
    };
    if !PLAN_SUBJECT.is_match(&t.text)
        || st.sentence_facts(i, Predicate::InvestsIn).next().is_some()
    {
        return;
    }
    let sites: Vec<usize> = (0..t.slots.len())
        .filter(|&k| "CL".contains(t.slots[k].2) && is_destination(st, t, k))
        .map(|k| t.entity(k))
        .filter(|&e| e != project)
        .collect();
    add_sites(st, i, project, &sites, "project.plan-site");
}

/// "Kestrel Data will operate the campus": the operator is the trigger's
/// subject (past a relative clause or an apposition that names a backer).
pub(super) fn operations(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let lex = &st.ex.lex;
    let Some(project) = st.last_project else {
        return;
    };
    // "The centre, to be operated by state-owned ⟨O⟩", "le centre sera
    // exploité par ⟨O⟩": the agent of a passive after a facility word
    if let Some(c) = OPERATED_BY.captures(&t.text) {
        let at = c.get(0).map_or(0, |w| w.start());
        if lex.facility.is_match(&t.text[..at]) {
            if let Some(op) = t.slot(c.name("org")).map(|k| t.entity(k)) {
                st.add_fact(
                    i,
                    op,
                    Predicate::Operates,
                    project,
                    "operate.passive",
                    0.6,
                    Attrs::default(),
                );
            }
            return;
        }
    }
    let Some(m) = lex.operate.find(&t.text) else {
        return;
    };
    // "Microsoft, which already operates a cloud region in Kenya": what a
    // firm already runs is not the project told of
    let already = t.text[..m.start()].trim_end().ends_with("already")
        || t.text[m.end()..].trim_start().starts_with("deja ");
    // "operates data centres in 14 countries", "exploite plusieurs sites":
    // facilities in general, with no article, are not the project told of
    if already
        || !facility_follows(lex, &t.text[m.start()..])
        || BARE_PLURAL_FACILITIES.is_match(&t.text[m.end()..])
    {
        return;
    }
    // "operates two facilities in Malaysia": facilities elsewhere
    // than the project told of are others
    let sites = st.objects_of(project, Predicate::LocatedIn);
    let elsewhere = (0..t.slots.len())
        .filter(|&k| t.slots[k].0 >= m.end() && "CL".contains(t.slots[k].2))
        .map(|k| t.entity(k))
        .any(|place| !sites.iter().any(|&s| st.same_ground(s, place)));
    if elsewhere {
        return;
    }
    let operator = subjects_before(st, rules, t, m.start())
        .into_iter()
        .find(|&e| st.entities[e].kind == EntityType::Organization);
    if let Some(op) = operator {
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

/// Facilities counted or in the plural with no article, right after a
/// verb (folded): " data centres", " two facilities", " plusieurs sites".
static BARE_PLURAL_FACILITIES: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^ ?(?:(?:more than|over|some|about|around|plus de|pres de|environ|une vingtaine de|une dizaine de) )?(?:[\d,]+ |two |three |four |five |several |many |multiple |dozens of |plusieurs |deux |trois |quatre |cinq |des )?(?:[\w-]+ )?(?:data cent(?:re|er)s|centres de donnees|datacenters|data centres|facilities|campuses|sites|installations|usines|factories|plants|parcs|parks|farms|fermes|centrales|stations)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// An operating participle and its agent, a couple of describing words
/// allowed between (folded): "operated by state-owned ⟨O⟩", "exploité par
/// l'opérateur public ⟨O⟩".
static OPERATED_BY: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:operated|run|managed|exploitee?s?|geree?s?) (?:by|par) (?:the |le |la |l')?(?:[\w-]+ ){0,2}?(?P<org>⟨O\d+⟩)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A firm's facility at a place (folded): "l'usine de ⟨O2⟩ à ⟨L3⟩",
/// "⟨O2⟩'s new campus in ⟨L3⟩".
static OWNED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:(?:usines?|centres? de donnees|datacenters?|campus|sites?|projets?) (?:geante? |nouvelle |nouveau )?(?:de |d'|du )(?:groupe |la societe |l'entreprise )?(?P<o1>⟨O\d+⟩)|(?P<o2>⟨O\d+⟩)'s? (?:(?:[\w$€£.,-]+|⟨[OJ]\d+⟩) ){0,3}?(?:plant|factory|fab|campus|data cent(?:er|re)|facility|site|project)s?) (?:(?:a|au|en|dans|in|at|near|pres de) (?:la |le |l'|the )?)(?P<p>⟨[CL]\d+⟩)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "l'usine de Samsung au Texas", "Hut 8's River Bend campus in
/// Louisiana": a firm's facility at a place is its investment there, when
/// no rule of the sentence already placed the firm's money, nor anyone's
/// money at that place (then the facility is what that money goes to).
pub(super) fn owned_facilities(st: &mut DocState, t: &Template, i: usize) {
    for c in OWNED.captures_iter(&t.text) {
        owned_project(st, t, i, &c);
    }
}

/// The project of the firm slot at template byte `at` when a facility of
/// its at a place is named right there ("to Lumo's new campus in Riyadh"):
/// the firm invests in it.
pub(super) fn owned_facility_at(
    st: &mut DocState,
    t: &Template,
    i: usize,
    at: usize,
) -> Option<usize> {
    let c = OWNED.captures_iter(&t.text).find(|c| {
        c.name("o1")
            .or(c.name("o2"))
            .is_some_and(|m| m.start() == at)
    })?;
    owned_project(st, t, i, &c)
}

/// The project an [`OWNED`] match names, with the firm's investment in it,
/// unless the clause denies it; `None` when the firm already invests in
/// this sentence or the match lacks a slot.
fn owned_project(st: &mut DocState, t: &Template, i: usize, c: &regex::Captures) -> Option<usize> {
    let firm = t.entity(t.slot(c.name("o1").or(c.name("o2")))?);
    let place = t.entity(t.slot(c.name("p"))?);
    let whole = c.get(0)?;
    let name = st.entities[firm].name.clone();
    // "X va investir pour agrandir le site de Y à Lisbonne": the site is
    // the object of the money the sentence gives X, not Y's own investment
    let place_name = &st.entities[place].name;
    let sited_here: Vec<&str> = st
        .sentence_facts(i, Predicate::LocatedIn)
        .filter(|l| l.o == *place_name)
        .map(|l| l.s.as_str())
        .collect();
    let site_funded = st
        .sentence_facts(i, Predicate::InvestsIn)
        .any(|tr| sited_here.contains(&tr.o.as_str()));
    if site_funded
        || st
            .sentence_facts(i, Predicate::InvestsIn)
            .any(|tr| tr.s == name)
        || clause_is_negated(st, t, whole.start(), whole.end())
    {
        return None;
    }
    let project = new_project(st, firm, &[place], i);
    // "X's $1.5bn data centre in Nairobi": the amount the sentence gives it
    let attrs = Attrs {
        amount: investment_attrs(st, t, i, whole.start()).amount,
        ..Attrs::default()
    };
    st.add_fact(
        i,
        firm,
        Predicate::InvestsIn,
        project,
        "invest.owned-facility",
        0.6,
        attrs,
    );
    Some(project)
}

/// "Nebius fournira une capacité GPU à partir d'un nouveau centre de données
/// à Vineland", "serving clients from a new data centre in Johor": a new
/// facility at a place, in a sentence whose firm no rule placed money for,
/// is that firm's investment there.
/// Right before a facility: where goods come from ("from ", "à partir d'").
static SUPPLIED_FROM: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:from|a partir d'|a partir de|depuis) ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

pub(super) fn new_facilities(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    static NEW_FACILITY: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r"(?-u:\b)(?:un|une|a|its|son|sa) (?:nouveau|nouvelle|nouvel|new) (?:[\w-]+ ){0,2}?(?:centre de donnees|centres de donnees|datacenters?|data cent(?:er|re)s?|campus|usines?|plant|factory|facility) (?:(?:a|au|en|dans|in|at|near|pres de) (?:la |le |l'|the )?)(?P<p>⟨[CL]\d+⟩)")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    if st.sentence_facts(i, Predicate::InvestsIn).next().is_some() {
        return;
    }
    let Some((whole, place)) = affirmed_slot(st, t, &NEW_FACILITY, "p") else {
        return;
    };
    let is_firm = |e: &usize| st.entities[*e].kind == EntityType::Organization;
    let mut firms: Vec<usize> = subjects_before(st, rules, t, whole.start)
        .into_iter()
        .filter(is_firm)
        .collect();
    // "X will supply GPUs to Y for its new data centre": the facility is
    // the recipient's, the supplier builds nothing; but goods supplied
    // "from a new data centre" ("à partir d'un nouveau centre") come from
    // the supplier's
    let supplies: Vec<(usize, usize)> = st
        .sentence_facts(i, Predicate::Supplies)
        .filter_map(|tr| Some((st.entity_named(&tr.s)?, st.entity_named(&tr.o)?)))
        .collect();
    if !supplies.is_empty() && SUPPLIED_FROM.is_match(&t.text[..whole.start]) {
        firms = supplies.iter().map(|&(s, _)| s).filter(is_firm).collect();
    } else if supplies.iter().any(|(s, _)| firms.contains(s)) {
        firms = supplies.iter().map(|&(_, o)| o).filter(is_firm).collect();
    }
    let Some(&first) = firms.first() else {
        return;
    };
    let project = new_project(st, first, &[place], i);
    for firm in firms {
        st.add_fact(
            i,
            firm,
            Predicate::InvestsIn,
            project,
            "invest.new-facility",
            0.6,
            Attrs::default(),
        );
    }
    // the project the next sentences tell the cost of
    st.last_project = Some(project);
}

/// "Le projet, baptisé Aurora North, ...", "The project, dubbed Kestrel
/// One, ...": the name a sentence gives the project told of before is that
/// project's name. A project named after its investor and places takes it.
pub(super) fn project_named_later(st: &mut DocState, t: &Template) {
    let Some(named) = NAMES_THE_PROJECT
        .captures(&t.text)
        .and_then(|c| t.slot(c.name("p")))
        .map(|k| t.entity(k))
    else {
        return;
    };
    let Some(told) = st.last_project.filter(|&p| p != named) else {
        return;
    };
    if !st.entities[told].name.contains(" project in ") || st.is_placed(named) {
        return;
    }
    st.merge_into(told, named);
    st.last_project = Some(named);
}

/// A sentence that opens on the project told of and names it (folded).
static NAMES_THE_PROJECT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:le|ce|the|this) (?:nouveau |new )?(?:projet|project),? (?:baptise|nomme|appele|denomme|named|dubbed|called|known as) (?P<p>⟨J\d+⟩)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "Indonesia signed an MoU with Kestrel Data for a $4 billion AI hub in
/// Batam", "un accord avec X pour un centre de données de 1 milliard à Y":
/// an agreement for a facility somewhere is its firms' investment there
/// (a state party hosts it), when no other rule read the sentence's deal.
pub(super) fn agreed_facility(st: &mut DocState, t: &Template, i: usize) {
    if st.sentence_facts(i, Predicate::InvestsIn).next().is_some() {
        return;
    }
    let Some(c) = AGREED_FACILITY.captures(&t.text) else {
        return;
    };
    let (Some(whole), Some(k)) = (c.get(0), c.name("place").and_then(|m| t.slot(Some(m)))) else {
        return;
    };
    if clause_is_negated(st, t, whole.start(), whole.end()) || !is_destination(st, t, k) {
        return;
    }
    // the parties: firms named before "for", not as a seat ("Singapore's")
    let firms: Vec<usize> = t
        .slots_after(0, whole.start(), "O")
        .into_iter()
        .map(|s| t.entity(s))
        .chain(
            t.slots_after(
                whole.start(),
                c.name("for").map_or(whole.end(), |m| m.start()),
                "O",
            )
            .into_iter()
            .map(|s| t.entity(s)),
        )
        .filter(|&e| st.entities[e].kind == EntityType::Organization)
        .collect();
    let Some(&first) = firms.first() else {
        return;
    };
    let place = t.entity(k);
    let attrs = investment_attrs(st, t, i, whole.start());
    let project = restated_deal(st, first, &[place], &attrs, i)
        .unwrap_or_else(|| new_project(st, first, &[place], i));
    invest_jointly(st, i, &firms, project, "invest.agreed-facility", &attrs);
    st.last_project = Some(project);
}

/// An agreement, then what it is for: a facility and where it stands
/// (folded).
static AGREED_FACILITY: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"(?-u:\b)(?:accord|agreement|memorandum|protocole|mou|deal|contrat|contract)s?(?-u:\b)[^.;⟨]{{0,80}}(?:⟨[OCD]\d+⟩[^.;⟨]{{0,60}})*?(?P<for> (?:for|pour) )(?:a|an|the|un|une|le|la|l')(?: [^⟨.;,]{{0,60}}?)? ?(?:{FACILITY_NOUNS})(?: [\w'$-]+){{0,6}}? (?:in|at|a|en|au|aux|dans) (?:the |le |la |l')?(?P<place>⟨[CL]\d+⟩)"
    ))
    .unwrap_or_else(|e| unreachable!("{e}"))
});
