//! Investments: every trigger of a sentence opens a frame with its own
//! subjects, places and project; the tests that tell a destination from a
//! seat and a firm from its facilities.

use super::deals::{amount_of_last_project, another_deal, is_conversion, restated_deal};
use super::*;
use crate::extract::lexicon::{compile_set, folded_regex};
use regex::RegexSet;

/// A trigger of an investment frame: its span, whether it is a host
/// trigger, whether it needs a facility (construction).
#[derive(Debug, Clone, Copy)]
pub(in crate::extract) struct Trigger {
    pub start: usize,
    pub end: usize,
    pub host: bool,
    pub build: bool,
    /// "the campus will be built by X": the builder comes after, the
    /// facility (and its place) before.
    pub passive: bool,
}

/// Investment frames of a sentence. The first is opened by an investment
/// trigger, else a construction or host trigger before a facility word; a
/// later trigger opens a frame of its own only with a subject of its own
/// ("A invests in C1, while B builds a data centre in C2"). Each frame
/// reads its objects up to the next frame.
/// Every trigger [`investments`] looks for, in one automaton: a sentence
/// with none of them opens no frame, and is scanned once instead of once
/// per trigger.
pub(super) fn trigger_set(lex: &Lexicon) -> Result<RegexSet, DataError> {
    let triggers = [
        &lex.invest,
        &MONEY_INTO,
        &MONEY_PLAN,
        &MONEY_COMMITTED,
        &MONEY_BY_AGENT,
        &lex.build,
        &NEW_FACILITY,
        &lex.host,
    ];
    compile_set("invest_triggers", triggers)
}

pub(super) fn investments(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    if !rules.invest_triggers.is_match(&t.text) {
        st.invest_triggers[i] = Vec::new();
        return;
    }
    let lex = &st.ex.lex;
    // "déployer 12 600 GPU Nvidia à Sines": deployed goods are a site too
    let with_facility = |m: regex::Match| {
        let rest = &t.text[m.start()..];
        facility_follows(lex, rest)
            || (DEPLOY.is_match(m.as_str()) && goods_follow(lex, rest))
            || PROJECTS.is_match(next_words(rest))
    };
    let passive =
        |m: regex::Match| passive_with_facility(lex, &t.text[..m.start()], &t.text[m.end()..]);
    let mut all: Vec<Trigger> = Vec::new();
    // "the investment arm of", "un fonds d'investissement", "un forum
    // d'investissement": a money word that names a kind of firm or an
    // event tells no investment
    let names_a_firm = |m: regex::Match| {
        INVESTMENT_FIRM_AFTER.is_match(&t.text[m.end()..])
            || INVESTMENT_FIRM_BEFORE.is_match(&t.text[..m.end()])
    };
    for m in lex.invest.find_iter(&t.text).filter(|&m| !names_a_firm(m)) {
        all.push(Trigger {
            start: m.start(),
            end: m.end(),
            host: false,
            build: false,
            passive: false,
        });
    }
    // "will pour $80 billion into", "un plan de 5 milliards d'euros pour":
    // money words news uses around an amount; "15 milliards sont prévus
    // par X": money as a passive's subject, whose copula is the trigger
    let money_words = MONEY_INTO
        .find_iter(&t.text)
        .chain(MONEY_PLAN.find_iter(&t.text))
        .chain(MONEY_COMMITTED.find_iter(&t.text))
        .map(|m| (m, false));
    let money_agents = MONEY_BY_AGENT
        .captures_iter(&t.text)
        .filter_map(|c| c.name("cop"))
        .map(|m| (m, true));
    for (m, passive) in money_words.chain(money_agents) {
        if !all
            .iter()
            .any(|tr| tr.start <= m.start() && m.start() < tr.end)
        {
            all.push(Trigger {
                start: m.start(),
                end: m.end(),
                host: false,
                build: false,
                passive,
            });
        }
    }
    // "a lancé le projet ALPS": a named project right after the verb is its object
    let project_follows = |m: regex::Match| NAMED_PROJECT_NEXT.is_match(&t.text[m.end()..]);
    // "the facility, which X is building": the object is the antecedent
    let relative = |m: regex::Match| FACILITY_RELATIVE.is_match(&t.text[..m.start()]);
    // "plans to supply its data centre technology": a plan followed by its
    // verb opens no frame, the verb does
    let plans_a_verb =
        |m: regex::Match| PLAN_WORD.is_match(m.as_str()) && VERB_NEXT.is_match(&t.text[m.end()..]);
    // "unveils $1bn AI hub": an unveiling builds only with its amount
    // ("unveiled the project at the summit" tells of one told before)
    // (the amounts are the sentence's values, found once before any rule)
    let unveils_no_amount = |m: regex::Match| {
        UNVEIL_WORD.is_match(m.as_str()) && {
            let window = next_words(&t.text[m.end()..]);
            let (from, to) = (t.map[m.end()], t.map[m.end() + window.len()]);
            !st.sentences[i]
                .values
                .iter()
                .any(|v| matches!(v.kind, ValueKind::Amount(_)) && (from..to).contains(&v.start))
        }
    };
    let opens = |m: &regex::Match| !plans_a_verb(*m) && !unveils_no_amount(*m);
    for m in lex.build.find_iter(&t.text).filter(opens) {
        let active = with_facility(m) || project_follows(m) || relative(m);
        let (active, passive) = (active, passive(m));
        if active || passive {
            all.push(Trigger {
                start: m.start(),
                end: m.end(),
                host: false,
                build: true,
                passive: passive && !active,
            });
        }
    }
    // "Telehouse inaugure son nouveau datacenter à Magny", "its new campus
    // in Ohio": a firm's new facility at a place is its investment there
    for m in NEW_FACILITY.find_iter(&t.text) {
        // "opened its new campus": the verb before already opened the frame
        let told = |tr: &Trigger| tr.start <= m.start() && m.start() < tr.end + VERB_TO_OBJECT;
        if facility_follows(lex, &t.text[m.end()..]) && !all.iter().any(told) {
            all.push(Trigger {
                start: m.start(),
                end: m.end(),
                host: false,
                build: true,
                passive: false,
            });
        }
    }
    for m in lex.host.find_iter(&t.text).filter(|&m| with_facility(m)) {
        all.push(Trigger {
            start: m.start(),
            end: m.end(),
            host: true,
            build: true,
            passive: false,
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
        // "secured €2bn in financing to build a campus near Brno": money
        // received invests nothing, the construction after it does
        let after_received = frames
            .last()
            .is_some_and(|&prev| money_received(lex, t, prev))
            && tr.build;
        if places_follow
            && !own.is_empty()
            && (after_received || !own.iter().any(|e| subjects.contains(e)))
        {
            frames.push(*tr);
            subjects = own;
        }
    }
    for (n, &tr) in frames.iter().enumerate() {
        let end = frames.get(n + 1).map_or(t.text.len(), |next| next.start);
        let end = participle(&t.text[tr.end..end]).map_or(end, |at| tr.end + at);
        // "..., as demand surges in Southeast Asia": a subordinate clause
        // tells of something else
        let end = SUBORDINATE
            .find(&t.text[tr.end..end])
            .map_or(end, |m| tr.end + m.start());
        let end = reporting_clause(&t.text[tr.end..end]).map_or(end, |at| tr.end + at);
        invest_frame(st, rules, t, i, tr, end);
    }
}

/// Where a reporting clause after a comma starts in `after` (folded): in
/// "will build two sites in ⟨L1⟩, Chief Executive ⟨P⟩ told reporters at
/// an event in ⟨L2⟩" the place of the telling is not the project's. A
/// verb that reports what follows ("said it would also build in ⟨L3⟩")
/// does not end the frame.
pub(super) fn reporting_clause(after: &str) -> Option<usize> {
    REPORTING
        .captures_iter(after)
        .filter_map(|c| Some((c.get(0)?.start(), c.get(0)?.end())))
        .find(|&(_, end)| !REPORTED_CONTENT.is_match(&after[end..]))
        .map(|(start, _)| start)
}

/// A comma, a few words (the speaker) and a verb of saying (folded).
static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r", (?:[^,;⟩]{0,60}?⟩(?: [^,;⟩]{0,40}?⟩)? |[^,;⟨]{0,40}? )?(?:told|said|says|added|explained|according to|selon|a-t-(?:il|elle) [\w-]+|(?:a|ont) (?:declare|indique|precise|affirme|explique|ajoute|souligne))(?-u:\b)",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// What a verb of saying reports, right after it: "said it would" (the
/// pronoun is a slot in the template), "a indiqué que".
static REPORTED_CONTENT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^,? (?:that|it|they|he|she|we|qu'|que|(?:⟨[^⟩]+⟩ )?(?:would|will|was|is|had|has|plans|planned|intends|va|allait|compte|prevoit))(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A subordinate clause opening after a comma (folded): ", as demand",
/// ", alors que", ", tandis que".
pub(super) static SUBORDINATE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r", (?:as|while|whereas|because|since|amid|alors que|tandis que|car|parce que|puisque) ",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A relative "where" right before a subject: "... où ", "... where ".
static WHERE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|\W)(?:ou|where) $").unwrap_or_else(|e| unreachable!("{e}"))
});

/// A verb that puts money into something, with the amount between
/// (folded): "pour $80 billion into", "pumped €1bn into" (not "pour
/// concrete in").
static MONEY_INTO: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:pour|pours|poured|pouring|pump|pumps|pumped|pumping|plough|ploughs|ploughed|plow|plows|plowed|sink|sinks|sank)(?-u:\b)(?: [^\s⟨]+){0,3}? [^\s⟨]*[0-9][^\s⟨]*(?: [^\s⟨]+){0,3}? (?:into|in)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Money committed, right before its figure (folded): "a engagé 600
/// milliards", "va mobiliser 2 milliards", "pledged $5 billion".
static MONEY_COMMITTED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:engage|engagent|engagera|engageront|engager|mobilise|mobilisera|mobiliseront|mobiliser|mobilisent|pledged|pledges|pledge|pledging|set aside|sets aside|setting aside)(?: (?:plus de|pres de|environ|quelque|about|nearly|more than|some|over|up to|jusqu'a))? [$€£]?[0-9]")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Money as the subject of a passive, with its agent after (folded):
/// "15 milliards d'euros sont prévus par ⟨O1⟩", "$2bn will be provided by
/// ⟨O1⟩". The copula is the frame's trigger; the agent invests.
static MONEY_BY_AGENT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"[0-9][^⟨.;]{0,40}? (?P<cop>sont|seront|ont ete|sera|est|a ete|will be|would be|are|is|have been|has been|were|was) (?:[a-z]+ )?(?:prevus?|prevues?|alloues?|allouees?|consacres?|consacrees?|investis?|investies?|injectes?|debloques?|debloquees?|mobilises?|mobilisees?|engages?|engagees?|apportes?|apportees?|earmarked|allocated|invested|committed|pledged|set aside|provided|put up) (?:par|by) (?:le |la |les |l'|the )?⟨O\d+⟩")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A plan or programme of a stated amount (folded): "un plan de 5
/// milliards", "a $5 billion programme".
static MONEY_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:(?-u:\b)(?:plan|programme)s? (?:de |d'|of )(?:(?:pres de|plus de|environ|about|nearly|more than|some|over) )?[$€£]?[0-9][0-9,. ]*(?:milliards?|millions?|billions?|bn|md)|[$€£][0-9][0-9,.]* ?(?:billion|million|bn)(?:[ -][a-z]+)?[ -](?:plan|programme|program))(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A facility, then a relative pronoun and a firm as its subject, right
/// before a building verb (folded): "the facility, which ⟨O2⟩ is", "le
/// centre de données que ⟨O2⟩".
static FACILITY_RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r"(?-u:\b)(?:{})(?: [\w-]+){{0,2}}?,? (?:which|that|que |qu')(?: ?⟨O\d+⟩)(?: (?:is|are|was|were|has|have|had|will|would|plans to|is now|will be|a|ont|va|vont|compte|est en train de|prevoit de))* ?$", super::FACILITY_NOUNS))
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A figure or scale word right before (folded): "2.5 trillion ", "300 ".
static FIGURE_END: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:[0-9]|illions?|illiards?|bn|mn|tn) ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A firm's or an event's kind after a money word: "investment arm",
/// "investment firm", "investment forum".
static INVESTMENT_FIRM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^ ?(?:arms?|firms?|funds?|banks?|bankers?|vehicles?|compan(?:y|ies)|groups?|managers?|management|units?|houses?|advisers?|advisors?|boutiques?|authority|corporation|office|forums?|summits?|conferences?|fairs?|roadshows?)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A firm's or an event's kind before a money word: "fonds
/// d'investissement", "banque d'investissement", "forum d'investissement",
/// "capital-investissement" (private equity).
static INVESTMENT_FIRM_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:(?:fonds|societe|societes|banque|banques|firme|vehicule|groupe|gestionnaire|fonds souverain|bras|forum|sommet|salon|conference|rencontres?) (?:d'|de |du |sur l')(?:\w+ )?|(?-u:\b)capital[ -])investissements?\W?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A named project a few words after a verb: " le projet ⟨J3⟩", " the ⟨J3⟩".
static NAMED_PROJECT_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^ ?(?:[\w'-]+ ){0,3}?(?P<p>⟨J\d+⟩)").unwrap_or_else(|e| unreachable!("{e}"))
});

/// The most bytes between a construction verb and the possessive of its
/// object ("inaugurait ce matin son nouveau").
const VERB_TO_OBJECT: usize = 24;

/// A possessive and "new" before a facility word: "son nouveau ", "ses
/// deux nouveaux ", "its new ", "their first new ".
static NEW_FACILITY: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|[^\w])(?:son|sa|ses|leur|leurs|its|their) (?:(?:premier|premiere|second|seconde|deuxieme|troisieme|deux|trois|first|second|third|two|three) )?(?:nouveaux|nouvelles|nouveau|nouvel|nouvelle|new) ")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A participial clause after the objects ("..., soulignant ses tensions
/// avec les États-Unis", "..., adding to its sites in Texas"): what it
/// names is no destination. Participles that list ("including",
/// "comprenant") are not cut.
fn participle(text: &str) -> Option<usize> {
    static PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r", (\w+(?:ant|ing))\b").unwrap_or_else(|e| unreachable!("{e}"))
    });
    const LISTING: &[&str] = &[
        "including",
        "spanning",
        "covering",
        "comprenant",
        "couvrant",
        "incluant",
        "notamment",
    ];
    PARTICIPLE
        .captures_iter(text)
        .find(|c| !c.get(1).is_some_and(|w| LISTING.contains(&w.as_str())))
        .and_then(|c| c.get(0))
        .map(|m| m.start())
}

/// One investment frame: its trigger and the template offset where it ends.
pub(super) fn invest_frame(
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
    // "le fabricant devrait avoir accès à des prêts de 500M$", "obtained
    // funding": money received is no investment of the one who receives it
    let received = money_received(lex, t, trigger);
    // "Coreweave, financée largement par Nvidia": a passive money verb's
    // subject is funded, its agent the funder
    let word = t.text[trigger.start..trigger.end].trim_matches(|c: char| !c.is_alphanumeric());
    let participle = word.ends_with("ed") || word.ends_with("ee") || word.ends_with("ees");
    let funded_by = !trigger.build && participle && FUNDED_BY.is_match(&t.text[trigger.end..]);
    if received {
        // "X a obtenu un financement de 1,3 milliard": what "les fonds"
        // build later is X's
        if let Some(raiser) = subjects_before(st, rules, t, trigger.start)
            .into_iter()
            .find(|&e| st.entities[e].kind == EntityType::Organization)
        {
            st.last_raiser = Some(raiser);
        }
    }
    if received || funded_by {
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
        // a passive's builder is its agent, not whoever speaks before it
        let subjects = if trigger.passive {
            Vec::new()
        } else {
            // "l'investissement de X en Irlande", "investments from X":
            // the firms the noun belongs to, whoever speaks of it
            let owners = noun_owners(t, trigger, end);
            if owners.is_empty() {
                subjects_before(st, rules, t, trigger.start)
            } else {
                owners
            }
        };
        let after = &t.text[trigger.end..end];
        let mut places: Vec<usize> = t
            .slots_after(trigger.end, end, "CL")
            .into_iter()
            .filter(|&k| is_destination(st, t, k))
            .map(|k| t.entity(k))
            .collect();
        // the places a passive's participle follows: "the data centre in
        // Finland will be built by X"
        let before_participle = || -> Vec<usize> {
            let from = word_back(&t.text, trigger.start, PASSIVE_WINDOW);
            t.slots_after(from, trigger.start, "CL")
                .into_iter()
                .filter(|&k| is_destination(st, t, k))
                .map(|k| t.entity(k))
                .collect()
        };
        if trigger.passive && places.is_empty() {
            places = before_participle();
        }
        // "va construire un centre à Abidjan, pour un montant de 250
        // millions": money told after the building clause it pays for goes to
        // the places of that clause, between its subject and the money word (not
        // those of an apposition: "G42, which visited Abu Dhabi, is
        // considering an investment")
        if places.is_empty() && !build && !trigger.passive {
            let from = (0..t.slots.len())
                .filter(|&k| t.slots[k].1 <= trigger.start && subjects.contains(&t.entity(k)))
                .map(|k| t.slots[k].1)
                .max();
            // the clause must build a facility for the money to pay for it
            let builds = |from: usize| {
                lex.build
                    .find_iter(&t.text[from..trigger.start])
                    .any(|m| facility_follows(lex, &t.text[from + m.start()..]))
            };
            if let Some(from) = from.filter(|&from| builds(from)) {
                places = t
                    .slots_after(from, trigger.start, "CL")
                    .into_iter()
                    .filter(|&k| {
                        !t.text[from..t.slots[k].0].contains(',') && is_destination(st, t, k)
                    })
                    .map(|k| t.entity(k))
                    .collect();
            }
        }
        if places.is_empty() {
            // "injecte 4 milliards dans l'IA française": the demonym's country
            // (but "le géant américain Digital Realty" is the firm's nationality)
            places = t
                .slots_after(trigger.end, end, "D")
                .into_iter()
                .filter(|&k| {
                    !NAME_NEXT.is_match(&t.text[t.slots[k].1..])
                        && !GOODS_NEXT.is_match(&t.text[t.slots[k].1..])
                        && !NOT_A_DESTINATION_DEMONYM.is_match(&t.text[..t.slots[k].0])
                })
                .map(|k| t.entity(k))
                .collect();
        }
        // "the Texas facility, which X is building": the places named with
        // the antecedent
        if places.is_empty() {
            if let Some(r) = FACILITY_RELATIVE.find(&t.text[..trigger.start]) {
                let from = word_back(&t.text, r.start(), 4);
                places = t
                    .slots_after(from, r.start(), "CL")
                    .into_iter()
                    .filter(|&k| is_destination(st, t, k))
                    .map(|k| t.entity(k))
                    .collect();
            }
        }
        // "à Zellik se trouve un parc où Penta Infra a ouvert un centre":
        // after "où", the places are the ones before
        if places.is_empty() {
            if let Some(&first) = subjects.first() {
                let k = (0..t.slots.len())
                    .find(|&k| t.entity(k) == first && t.slots[k].1 <= trigger.start);
                if let Some(k) = k.filter(|&k| WHERE_BEFORE.is_match(&t.text[..t.slots[k].0])) {
                    places.extend(
                        t.slots_after(0, t.slots[k].0, "CL")
                            .into_iter()
                            .filter(|&j| is_destination(st, t, j))
                            .map(|j| t.entity(j)),
                    );
                }
            }
        }
        places.dedup();
        let mut investors = subjects;
        if investors.is_empty() {
            // "data centres powered by Qualcomm's chips": a supplier's agent
            // (but money "provided by X" is X's)
            let money_agent = trigger.passive && !build;
            if let Some(c) = rules.agent.captures(after).filter(|c| {
                money_agent
                    || !c
                        .get(0)
                        .is_some_and(|m| SUPPLIER_AGENT.is_match(m.as_str()))
            }) {
                investors.extend(t.slot(c.name("org")).map(|k| t.entity(k)));
                // "le datacenter de Brazzaville, financé par X": the agent
                // pays for what the participle follows
                if places.is_empty() && !investors.is_empty() {
                    places = before_participle();
                }
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
    // "Dawn reported the figures, citing Bloomberg, and said": who reports
    // the money tells of it, it does not invest it
    let sent = st.sentences[i].span.text(st.norm.as_str());
    let reports = |e: usize| {
        (0..t.slots.len())
            .filter(|&k| t.entity(k) == e && t.slots[k].1 <= trigger.start)
            .any(|k| crate::extract::mentions::reports_after(&sent[t.map[t.slots[k].1]..]))
    };
    investors.retain(|&e| {
        !places.contains(&e) && !lex.is_news_agency(&st.entities[e].name) && !reports(e)
    });
    if build {
        // "a campus with Nvidia chips": the maker of the goods the frame
        // names supplies them, it does not invest
        if let Some(c) = rules.goods_with_maker(&t.text[trigger.end..end]) {
            let maker = t
                .slot(c.name("org").or(c.name("org2")))
                .map(|k| t.entity(k));
            investors.retain(|&e| Some(e) != maker);
        }
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
    // (a host spending abroad, "the country investing $100bn in Africa",
    // is an investor)
    let host_only = investors
        .iter()
        .all(|&e| st.entities[e].kind == EntityType::Country && Some(e) == st.main_country())
        && investors.first().is_some_and(|&host| {
            places
                .iter()
                .all(|&p| p == host || st.country_of(p) == Some(host))
        });
    // (but a state that commits money itself, "the feds have committed",
    // "the government's first investment", is the investor)
    let noun = is_investment_noun(t, trigger);
    let own =
        OWNED_BY_SUBJECT.is_match(&t.text[word_back(&t.text, trigger.start, 3)..trigger.start]);
    if host_only && noun && !own && attrs.amount.is_some() && !st.partners.is_empty() {
        investors = st.partners.clone();
    }
    // "la Corée du Sud et BlackRock vont construire un centre de données": a
    // country among the subjects, with a firm, is where the firm builds
    if places.is_empty() && !host {
        let (countries, firms): (Vec<usize>, Vec<usize>) = investors
            .iter()
            .partition(|&&e| st.entities[e].kind == EntityType::Country);
        if !countries.is_empty() && !firms.is_empty() {
            places = countries;
            investors = firms;
        }
    }
    // "X a levé 300 millions auprès de A. Cette somme financera deux
    // centres": money raised before, spent now, is the raiser's
    if investors.is_empty() && MONEY_ANAPHOR.is_match(&t.text[..trigger.start]) {
        investors.extend(st.last_raiser);
    }
    // "A and B form a joint venture. The aim is to develop four campuses in
    // Europe and the US": a construction in a sentence that names no firm
    // continues the project of the sentence before, with its investors
    let continued = investors.is_empty()
        && build
        && !host
        && !places.is_empty()
        && !t.slots.iter().any(|s| s.2 == 'O')
        && t.slots_after(0, trigger.start, "CD").is_empty();
    if continued {
        investors = investors_of_previous_project(st, i);
    }
    if investors.is_empty() {
        // "Donald Trump annonçait des investissements de 720 milliards $":
        // money someone named before the trigger spends is not the
        // previous project's
        if !build && t.slots_after(0, trigger.start, "OP").is_empty() {
            amount_of_last_project(st, t, i, &places, &attrs);
        }
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
    // "a lancé le projet ALPS": the project the verb names
    let named = NAMED_PROJECT_NEXT
        .captures(&t.text[trigger.end..end])
        .and_then(|c| t.slot(c.name("p")))
        .map(|k| t.entity(k));
    // "X is partnering with Y and Z to co-develop the site": a construction
    // of the facility told of before joins its builders to that project
    // (and money put into it: "Y will fund the campus", "take a stake in
    // the project", "financera le projet")
    let told_before = places.is_empty() && st.last_project.is_some() && {
        let rest = t.text[trigger.end..end].trim_start();
        if build {
            super::supply::names_facility_told_of(lex, rest)
        } else {
            funds_told_of(lex, rest)
        }
    };
    // "le gouvernement belge souhaite implanter un centre de données": a
    // state that builds and names no place builds at home
    if places.is_empty()
        && build
        && !host
        && !lex.host.is_match(&t.text[trigger.start..trigger.end])
        && !told_before
        && named.is_none()
        && investors
            .iter()
            .all(|&e| st.entities[e].kind == EntityType::Country)
    {
        places = vec![investors[0]];
    }
    if places.is_empty() && attrs.amount.is_none() && !consortium && !told_before && named.is_none()
    {
        return; // "cet investissement": a reference to one told before
    }
    // "$1.5 billion on a campus near Warsaw and $500 million on a second
    // site in Bucharest": each amount with the places after it is a deal
    if !host && !consortium && named.is_none() {
        let deals = split_deals(st, t, i, &places, trigger.end, end);
        if deals.len() >= 2 {
            for (at, sites) in deals {
                let attrs = investment_attrs(st, t, i, at);
                let project = restated_deal(st, investors[0], &sites, &attrs, i)
                    .unwrap_or_else(|| new_project(st, investors[0], &sites, i));
                for &x in &investors {
                    st.add_fact(
                        i,
                        x,
                        Predicate::InvestsIn,
                        project,
                        "invest.split-deal",
                        0.7,
                        attrs.clone(),
                    );
                }
                st.last_project = Some(project);
            }
            return;
        }
    }
    let project = if let Some(p) = named.filter(|_| places.is_empty()) {
        p
    } else if places.is_empty() {
        match st.last_project {
            // "Meta a engagé 600 milliards pour ses propres infrastructures"
            // after Anthropic's deal: another investor's money for its own
            // is a deal of its own
            Some(p) if stranger(st, &investors, p, &t.text[trigger.end..end]) => {
                let name = format!("{} investment", st.entities[investors[0]].name);
                st.named_entity(&name, EntityType::Project)
            }
            Some(p) => p,
            // a firm bought with no place named is the deal: no project
            None if super::funding::tells_acquisition(t) => return,
            None => {
                let Some(c) = place_told_of(st) else {
                    return;
                };
                places = vec![c];
                new_project(st, investors[0], &places, i)
            }
        }
    } else {
        restated_deal(st, investors[0], &places, &attrs, i)
            .unwrap_or_else(|| new_project(st, investors[0], &places, i))
    };
    // "ont remporté un contrat pour construire un supercalculateur", "won
    // a contract to build": the contractors supply the project, they do
    // not invest in it
    let from = word_back(&t.text, trigger.start, CONTRACT_WINDOW);
    if build && CONTRACT_WON.is_match(&t.text[from..trigger.start]) {
        for &x in &investors {
            if st.entities[x].kind == EntityType::Organization {
                st.add_fact(
                    i,
                    x,
                    Predicate::Supplies,
                    project,
                    "supply.contract",
                    0.6,
                    Attrs::default(),
                );
            }
        }
        st.last_project = Some(project);
        return;
    }
    let project = another_deal(st, investors[0], project, &attrs, i);
    co_investors(st, rules, t, i, &investors, trigger, end);
    let rule = if host {
        "invest.host"
    } else if continued {
        "invest.continued"
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

/// The deals of one frame when it gives two amounts or more, each followed
/// by places of its own ("$1.5 billion on a campus near ⟨L1⟩ and $500
/// million on a site in ⟨L2⟩"): each amount's template position and the
/// places between it and the next amount. Fewer than two such groups:
/// one deal, and the list is empty.
fn split_deals(
    st: &DocState,
    t: &Template,
    i: usize,
    places: &[usize],
    from: usize,
    end: usize,
) -> Vec<(usize, Vec<usize>)> {
    let s = &st.sentences[i];
    let sent = s.span.text(st.norm.as_str());
    // each amount's start in the template (conversions left out)
    let amounts: Vec<usize> = s
        .values
        .iter()
        .enumerate()
        .filter(|&(k, v)| {
            matches!(v.kind, ValueKind::Amount(_)) && !is_conversion(sent, &s.values, k, v)
        })
        .map(|(_, v)| t.map.partition_point(|&b| b < v.start))
        .filter(|&at| from <= at && at < end)
        .collect();
    if amounts.len() < 2 {
        return Vec::new();
    }
    let mut deals: Vec<(usize, Vec<usize>)> = amounts.iter().map(|&at| (at, Vec::new())).collect();
    for k in t.slots_after(from, end, "CL") {
        let e = t.entity(k);
        if !places.contains(&e) {
            continue;
        }
        // the last amount before the place, or the first one
        let g = amounts
            .iter()
            .rposition(|&at| at < t.slots[k].0)
            .unwrap_or(0);
        if !deals[g].1.contains(&e) {
            deals[g].1.push(e);
        }
    }
    if deals.iter().any(|d| d.1.is_empty()) {
        return Vec::new();
    }
    deals
}

/// Money told of before as a sentence's subject (folded): "cette somme",
/// "les fonds levés", "the proceeds".
static MONEY_ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:cette somme|cette enveloppe|ces fonds|les fonds(?: leves)?|ce financement|cet argent|ces capitaux|(?:the|these|this) (?:funds|proceeds|money|funding|capital|financing|cash))(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Whether money of `investors`, which names no place, stands apart from
/// the project told of: none of them invests in it yet, and the money is
/// said to be for their own ("pour ses propres infrastructures", "on its
/// own data centres").
fn stranger(st: &DocState, investors: &[usize], project: usize, after: &str) -> bool {
    let joined = st
        .subjects_of(Predicate::InvestsIn, project)
        .iter()
        .any(|x| investors.contains(x));
    !joined && OWN.is_match(next_words(after))
}

/// Money for the investor's own (folded): "ses propres", "its own".
static OWN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:ses|sa|son|leurs?) propres?|(?:its|their) own(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The firms an investment noun belongs to, named right after it:
/// "l'investissement de ⟨O1⟩", "les investissements du groupe ⟨O1⟩",
/// "investments from ⟨O1⟩ and ⟨O2⟩ in ⟨C3⟩". A place must follow before
/// `end`: "the investment from ⟨O1⟩ takes the company past $12B" tells
/// again of a deal told before.
fn noun_owners(t: &Template, trigger: Trigger, end: usize) -> Vec<usize> {
    static OWNERS: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r"^ ?(?:de|du|d'|des|from|of) ?(?:la |le |l'|the )?(?:(?:groupe|group|societe|company|firm|entreprise) )?⟨O\d+⟩(?:(?:,| et| and) ⟨O\d+⟩)*")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    if !is_investment_noun(t, trigger) {
        return Vec::new();
    }
    let Some(m) = OWNERS.find(&t.text[trigger.end..end]) else {
        return Vec::new();
    };
    let (from, to) = (trigger.end + m.start(), trigger.end + m.end());
    if t.slots_after(to, end, "CL").is_empty() {
        return Vec::new();
    }
    t.slots_after(from, to, "O")
        .into_iter()
        .map(|k| t.entity(k))
        .collect()
}

/// Whether the words after a money trigger put the money into a facility
/// or project told of before: "the campus", "in the project", "dans le
/// projet", "au site".
pub(super) fn funds_told_of(lex: &Lexicon, rest: &str) -> bool {
    let rest = INTO_TOLD.find(rest).map_or(rest, |m| &rest[m.end()..]);
    super::supply::names_facility_told_of(lex, rest) || PROJECT_TOLD.is_match(rest)
}

/// A preposition before what money goes into (folded): "in", "into", "dans".
static INTO_TOLD: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:[\w%.,]+ ){0,3}?(?:in|into|dans|a|au) ")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A project told of before (folded): "the project", "ce projet".
static PROJECT_TOLD: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:the|this|that|le|ce|du) (?:new |nouveau )?(?:project|projet)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Whether a trigger is the noun "investment(s)" / "(l')investissement(s)".
fn is_investment_noun(t: &Template, trigger: Trigger) -> bool {
    let word = t.text[trigger.start..trigger.end].trim();
    let word = word.split('\'').next_back().unwrap_or(word);
    word.starts_with("investment") || word.starts_with("investissement")
}

/// A possessive right before a money noun (folded): "⟨C1⟩'s first ",
/// "its ", "son premier ".
static OWNED_BY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:⟩'s|(?-u:\b)(?:its|their|son|sa|leur))(?: [\w-]+)? ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Firms listed as examples: "including ⟨O1⟩ and ⟨O2⟩", "comme ⟨O1⟩ et ⟨O2⟩".
static EXAMPLES: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"(?-u:\b)(?:{EXAMPLE_CUES}) ⟨O\d+⟩(?:(?:,| et| and| ou| or) ⟨O\d+⟩|, (?:et|and) ⟨O\d+⟩)+"
    ))
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// An agent after a participle of fitting or supplying, up to its name:
/// "powered by ⟨O3⟩", "alimentés par ⟨O3⟩", "fourni par ⟨O3⟩".
static SUPPLIER_AGENT: LazyLock<Regex> = LazyLock::new(|| {
    use super::supply::{FITTING, POWERING, SUPPLYING};
    Regex::new(&format!(
        r"(?-u:\b)(?:{POWERING}|{FITTING}|{SUPPLYING}) (?:by|par) (?:the |le |la |les |l')?(?:[\w-]+ ){{0,2}}?⟨[OC]\d+⟩$"
    ))
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A name right after a slot: " ⟨O4⟩", " de ⟨O4⟩".
static NAME_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^ (?:(?:de|des|du|d'|of) ?)?⟨O\d+⟩").unwrap_or_else(|e| unreachable!("{e}"))
});

/// Goods right after a demonym or a firm: "American chips" come from
/// there, "Nvidia's GPUs" are made by it.
pub(super) static GOODS_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:'s?)? (?:[\w-]+ )?(?:chips?|gpus?|semiconductors?|processors?|puces?|accelerators?|superchips?)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// What makes the demonym after it no destination: a currency's
/// ("dollars américains"), the goods' origin ("équipés de puces
/// américaines"), or the investors' ("investissements des géants
/// américains", "investment from American firms").
static NOT_A_DESTINATION_DEMONYM: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:(?:dollars?|euros?|puces?|semi conducteurs?|semiconducteurs?|processeurs?|gpus?) |(?:investissements?|financements?|capitaux|investments?|funding|capital) (?:des|from|de la part des?|from the) (?:[\w-]+ ){0,2})$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The investors of the project the sentence before `i` invested in.
fn investors_of_previous_project(st: &DocState, i: usize) -> Vec<usize> {
    let Some(project) = st.last_project.filter(|_| i > 0) else {
        return Vec::new();
    };
    let name = &st.entities[project].name;
    let mut out: Vec<usize> = st
        .sentence_facts(i - 1, Predicate::InvestsIn)
        .filter(|t| &t.o == name)
        .filter_map(|t| st.entity_named(&t.s))
        .collect();
    out.dedup();
    out
}

/// Firms that invest together are partners: the coordinated subjects of one
/// frame ("A and B will build ..."), and the firm named with the deal ("A
/// will build a campus in C with B"). A consortium's members are partners
/// through their own rule.
fn co_investors(
    st: &mut DocState,
    rules: &Rules,
    t: &Template,
    i: usize,
    investors: &[usize],
    trigger: Trigger,
    end: usize,
) {
    let firms: Vec<usize> = investors
        .iter()
        .copied()
        .filter(|&e| st.entities[e].kind == EntityType::Organization)
        .collect();
    // "cloud providers including Amazon and Microsoft", "des entreprises
    // comme Microsoft et Oracle": firms given as examples are no partners
    let examples: Vec<usize> = EXAMPLES
        .find_iter(&t.text)
        .flat_map(|m| t.slots_after(m.start(), m.end(), "O"))
        .map(|k| t.entity(k))
        .collect();
    let mut pairs: Vec<(usize, usize, &'static str)> = Vec::new();
    if firms.len() <= 3 {
        for (a, &x) in firms.iter().enumerate() {
            for &y in &firms[a + 1..] {
                if !(examples.contains(&x) && examples.contains(&y)) {
                    pairs.push((x, y, "partner.co-investors"));
                }
            }
        }
    }
    // "with Nvidia chips": goods after the firm are what the project is
    // made with, the firm is their maker
    if let Some(m) = rules
        .invest_with
        .captures(&t.text[trigger.end..end])
        .and_then(|c| c.name("org"))
        .filter(|m| !GOODS_NEXT.is_match(&t.text[trigger.end + m.end()..]))
    {
        let first = t.slot(Some(m));
        let listed = t.listed_after(trigger.end + m.end());
        for y in first.into_iter().chain(listed).map(|k| t.entity(k)) {
            for &x in &firms {
                pairs.push((x, y, "partner.invest-with"));
            }
        }
    }
    for (x, y, rule) in pairs {
        if x != y {
            st.add_fact(
                i,
                x,
                Predicate::PartnersWith,
                y,
                rule,
                0.65,
                Attrs::default(),
            );
        }
    }
}

/// "siège (social|mondial) se trouve", folded: what introduces a seat.
pub(in crate::extract) const SEAT_PHRASE: &str =
    r"siege(?: social| mondial)?(?: se trouve| est situe| est installe| est base| est)?";

pub(super) static NOT_DESTINATION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r"(?-u:\b)(?:outside|beyond|except|excluding|other than|hors|en dehors|au dela|{SEAT_PHRASE}|headquarters|headquartered in|based in|base a|basee a|basee au|base au|installe a|domicilie|competition from|competition with|compete with|imported from|importes? des?|importees? des?|importes? du|importees? du|en provenance des?|en provenance du|competing with|rivals? in|concurrence de|concurrence des|concurrence avec|rivaliser avec|face a|face aux|(?:which|that|qui) (?:lies|is|sits|se trouve|est situee?|est) (?:near|close to|next to|across from|pres de|non loin de|a proximite de|en face de)|bordering|borders|neighbouring|neighboring|frontalier de|frontaliere de|limitrophe de|a la frontiere avec|on the border with)(?: (?:of|de|d'|du|des|in|en|au|a|dans|the|le|la|les|l'))* ?(?:⟨[CL]\d+⟩(?:,| and| et) (?:(?:the|le|la|les|l') ?)?)*$"))
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Whether a place slot after an investment trigger is where the money goes:
/// not a nationality ("Saudi Arabia's Humain", "US company X", "German
/// investor"), not an exclusion ("outside the US") nor a seat ("le siège
/// ... dans le New Jersey").
pub(super) fn is_destination(st: &DocState, t: &Template, k: usize) -> bool {
    let (start, end) = (t.slots[k].0, t.slots[k].1);
    let after = &t.text[end..];
    let possessive = after.starts_with("'s ") || after.starts_with("' ");
    // "the Abu Dhabi-based firm": the firm's seat
    let seat = is_seat_suffix(after);
    let before = &t.text[..start];
    // "in a UK data centre platform": after "in", a nationality is where
    // the money goes
    static INTO: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r"(?:^|\W)(?:in|into|dans) (?:a|an|the|un|une|des)? ?$")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    // (but in "construit à ⟨L⟩ par le groupe X" the cue is the agent's)
    let nationality = st.ex.rules.nationality_after.is_match(after)
        && !INTO.is_match(before)
        && !(after.starts_with(" par ") || after.starts_with(" by "));
    let window = &before[before.char_indices().rev().nth(40).map_or(0, |(p, _)| p)..];
    // "l'ambassadeur du Japon", "Minister of Finance of Ghana": an office's country
    let office = st.ex.rules.title_domain.is_match(window);
    // "advanced US chips": where goods come from; "where Washington has
    // restricted": a government acting, named by its capital or country
    // (but in "la décision d'investir à Lyon a surpris" the verb is the
    // sentence's, the place after its preposition)
    let origin = GOODS_NEXT.is_match(after)
        || (ACTOR_AFTER.is_match(after) && !PLACE_PREPOSITION.is_match(before));
    // "le japonais Kiwa Telecom", "Japanese Kiwa Telecom": a firm's nationality
    let firms_nationality = t.slots[k].2 == 'D' && after.starts_with(" ⟨O");
    // "a campus outside Dallas": outside a town is just by it, outside a
    // country or a continent ("outside the US") excludes it
    let by_town = before.ends_with("outside ") && t.slots[k].2 == 'L' && {
        let e = &st.entities[t.entity(k)];
        e.gaz.is_none_or(|g| st.ex.gaz.entry(g).within.is_some())
    };
    !(possessive
        || firms_nationality
        || nationality
        || seat
        || office
        || origin
        || (!by_town && NOT_DESTINATION_BEFORE.is_match(window)))
}

/// A preposition of place right before a name (folded): "a ", "in the ".
static PLACE_PREPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|\W)(?:a|au|aux|en|in|at|dans|near|pres de)(?: (?:la|le|les|l'|the))? ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// An auxiliary and a participle right after a place: the place acts ("where
/// Washington has restricted", "Pékin a interdit").
static ACTOR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^ (?:has|have|had|a|avait) (?:also |already |deja |aussi )?[\w-]+(?:ed|e|is|it|u|t)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Whether the text after a place makes it a seat: "Abu Dhabi-based",
/// "Paris-headquartered" (the hyphen folds to a space).
pub(in crate::extract) fn is_seat_suffix(after: &str) -> bool {
    let after = after.trim_start_matches(['-', ' ']);
    after.starts_with("based") || after.starts_with("headquartered")
}

/// The first eight words of `rest`: how far a trigger's object may stand.
pub(super) fn next_words(rest: &str) -> &str {
    let end = rest
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .nth(8)
        .map_or(rest.len(), |(p, _)| p);
    &rest[..end]
}

/// A construction trigger that plans rather than builds: "plans",
/// "prévoit", "projette".
static PLAN_WORD: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^\W*(?:plans?|prevoi\w*|projett?e\w*)\W*$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A construction trigger that unveils: "unveils", "dévoile".
static UNVEIL_WORD: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^\W*(?:unveil\w*|devoile\w*)\W*$").unwrap_or_else(|e| unreachable!("{e}"))
});

/// An infinitive's mark right after a word: " to ", " de ", " d'".
static VERB_NEXT: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(r"^ ?(?:to|de|d') ?").unwrap_or_else(|e| unreachable!("{e}")));

/// A facility word within the few words after a construction trigger.
pub(in crate::extract) fn facility_follows(lex: &Lexicon, rest: &str) -> bool {
    // "develop what it says will be the country's largest data centre":
    // the few words count from what the free relative announces
    let rest = WHAT_IT_WILL_BE
        .find(rest)
        .map_or(rest, |m| &rest[m.end()..]);
    let words = next_words(rest);
    lex.facility.find(words).is_some_and(|f| {
        !WHERE_IT_HAPPENS.is_match(&words[..f.start()])
            && !FIRM_OF_FACILITIES.is_match(&words[..f.start()])
            && !FACILITY_FIRM.is_match(&rest[f.end()..])
    })
}

/// A firm described by the facilities it runs, before the facility word:
/// "(acquérir) l'opérateur de centres de données", "the operator of data
/// centres"; the firm is what the verb takes.
static FIRM_OF_FACILITIES: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r"(?-u:\b){FIRM_OF}(?: [\w-]+){{0,2}} ?$"))
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A noun of firm opening a description by what the firm runs:
/// "l'opérateur de", "the operator of".
const FIRM_OF: &str = r"(?:operateur|exploitant|specialiste|fournisseur|societe|operator|provider|specialist|owner) (?:de|des|du|d'|of)";

/// A description that opens with a noun of firm: "(racheter) l'opérateur
/// de centres de données ⟨O1⟩".
pub(super) static FIRM_NOUN_FIRST: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(&format!("^{FIRM_OF}")).unwrap_or_else(|e| unreachable!("{e}")));

/// A firm described by the facilities it runs, after the facility word:
/// "(acquired) data center infrastructure firm ⟨O3⟩".
static FACILITY_FIRM: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^ ?(?:[\w-]+ ){0,2}(?:firm|company|operator|provider|developer|specialist|group) ⟨O\d+⟩",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A free relative between a verb and what it builds: "(develop) what it
/// says will be", "what is expected to become", "ce qui sera", "ce qui
/// devrait devenir".
static WHAT_IT_WILL_BE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^ ?[^ ]+ (?:what(?: [^ ,.;]+){0,3}? (?:will|would|could|is set to|is expected to|is to) (?:be|become)|ce qui (?:sera|serait|deviendra|devrait (?:etre|devenir)))(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "a launch in a region where ...": a facility after "in a" is where the
/// action happens, not what it builds.
static WHERE_IT_HAPPENS: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:in|at|dans|en) (?:a|an|une|un)(?: [\w'-]+)? ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Goods (chips, GPUs, servers) within the few words after a trigger.
fn goods_follow(lex: &Lexicon, rest: &str) -> bool {
    lex.goods.is_match(next_words(rest))
}

/// "established AI infrastructure projects in X", "lance des projets au
/// Maroc": projects a firm builds stand where they are built.
static PROJECTS: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:projets?|projects?)(?-u:\b)").unwrap_or_else(|e| unreachable!("{e}"))
});

/// The build triggers that install goods where they are deployed, as
/// verbs ("the deployment of AI systems" names no site).
static DEPLOY: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|[^\w])(?:deploy(?:s|ed|ing)?|deploie\w*|deployer\w*|deploier\w*|stand(?:s|ing)? up|stood up)(?:$|[^\w])")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "le campus sera construit par X", "the plant, built by X", "the campus
/// being built near Edinburgh by X": a passive construction whose facility
/// comes before the verb and whose agent after (a place between them).
pub(in crate::extract) fn passive_with_facility(lex: &Lexicon, before: &str, after: &str) -> bool {
    static AGENT_NEXT: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r"^ ?(?:(?:[\w'-]+|⟨[CL]\d+⟩) ){0,3}?(?:par|by) ")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    if !AGENT_NEXT.is_match(after) {
        return false;
    }
    let start = word_back(before, before.len(), PASSIVE_WINDOW);
    lex.facility.is_match(&before[start..])
}

/// A passive money verb's agent right after it: "(financée) largement par",
/// "(funded) by".
static FUNDED_BY: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^ ?(?:[a-z]+ment |largely |mainly |partly )?(?:par|by) ")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// How many words before a money word a verb of receiving may stand.
const RECEIVE_WINDOW: usize = 5;

/// How many words before a passive verb its facility may stand.
const PASSIVE_WINDOW: usize = 8;

/// How many words before a construction verb a won contract may stand.
const CONTRACT_WINDOW: usize = 7;

/// A contract won, right before what it is for: "avoir remporté un contrat
/// pour", "was awarded a $2bn contract to", "décroche le marché de".
static CONTRACT_WON: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:remporte\w*|won|wins|winning|awarded|decroche\w*|obtenu|obtient|secured|secures)(?: (?:un|une|le|la|a|an|the))?(?: [\w$'-]+){0,3}? (?:contrats?|contracts?|marches?|appels? d'offres|tenders?)(?: [\w'-]+){0,2}? (?:pour|to|de|d'|for)(?: la| le| l'| the)? ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Whether a money trigger tells of money its subject receives ("obtained
/// funding", "a obtenu un financement de"): a verb of receiving a few words
/// before it. ("2.5 trillion won investment": a figure before "won" makes
/// it the currency.)
fn money_received(lex: &Lexicon, t: &Template, trigger: Trigger) -> bool {
    let before = &t.text[word_back(&t.text, trigger.start, RECEIVE_WINDOW)..trigger.start];
    !trigger.build
        && lex
            .funds_received
            .find_iter(before)
            .any(|m| !(m.as_str().trim() == "won" && FIGURE_END.is_match(&before[..m.start()])))
}

/// The byte offset `words` words before `at` in `text` (0 when fewer).
fn word_back(text: &str, at: usize, words: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .filter(|&(_, c)| c == ' ')
        .nth(words)
        .map_or(0, |(p, _)| p)
}

/// Where money with no place of its own goes: the places of the last
/// sentence that told of a deal, else the country the article is about.
pub(super) fn place_told_of(st: &DocState) -> Option<usize> {
    st.last_places
        .first()
        .copied()
        .or_else(|| st.main_country())
}
