//! Deals and their amounts: which project a statement's money goes to
//! (a second amount is another deal, a total is one of its own), and the
//! amounts sentences give after the deal was told (late money, costs);
//! a statement's amount and horizon, its currency and its conversions.

use super::funding::PRICED_DEAL;
use super::projects::place_project;
use super::*;
use crate::extract::lexicon::folded_regex;
use crate::extract::rounds_to;
use crate::model::Amount;

/// The project a statement's money goes to. A second amount in the same
/// currency for the same investor and places ("MYR10bn" then "a further
/// MYR1.5bn") is another deal, so it gets a project of its own (numbered,
/// at the same places); the same money restated, rounded or converted stays
/// on the first. Named projects keep every statement.
pub(super) fn another_deal(
    st: &mut DocState,
    investor: usize,
    project: usize,
    attrs: &Attrs,
    i: usize,
) -> usize {
    let Some(amount) = &attrs.amount else {
        return project;
    };
    let name = &st.entities[project].name;
    let base = match name.rsplit_once(" (") {
        Some((root, n)) if n.trim_end_matches(')').parse::<u32>().is_ok() => root.to_string(),
        _ => name.clone(),
    };
    let generated = format!("{} project in ", st.entities[investor].name);
    if !base.starts_with(&generated) {
        return project;
    }
    let investor_name = st.entities[investor].name.clone();
    let held = |st: &DocState, name: &str| {
        st.triples
            .iter()
            .find(|t| t.p == Predicate::InvestsIn && t.s == investor_name && t.o == name)
            .map(|t| t.amount.clone())
    };
    let mut n = 1;
    loop {
        let name = if n == 1 {
            base.clone()
        } else {
            format!("{base} ({n})")
        };
        let Some(held) = held(st, &name) else {
            // a deal not told yet: the first project takes it, a later one
            // stands where the first does
            if n == 1 {
                return st.entity_named(&name).unwrap_or(project);
            }
            let next = st.named_entity(&name, EntityType::Project);
            let places = st
                .entity_named(&base)
                .map(|b| st.objects_of(b, Predicate::LocatedIn))
                .unwrap_or_default();
            for p in places {
                st.add_fact(
                    i,
                    next,
                    Predicate::LocatedIn,
                    p,
                    "invest.project-place",
                    0.7,
                    Attrs::default(),
                );
            }
            return next;
        };
        // the sentence may restate the held money right beside the new
        // figure: a range ("$300 million to $500 million", "entre 300 et
        // 500 millions"), a conversion
        let values = &st.sentences[i].values;
        let at = values.iter().find(|v| {
            matches!(&v.kind, ValueKind::Amount(a) if a.currency == amount.currency && a.value == amount.value)
        });
        let sent = st.sentences[i].span.text(st.norm.as_str());
        let joined = |v: &Value| {
            at.is_none_or(|n| {
                let (a, b) = if v.start < n.start { (v, n) } else { (n, v) };
                sent.get(a.end..b.start)
                    .is_some_and(|gap| RANGE_JOIN.is_match(gap))
            })
        };
        let restated = |h: &Amount| {
            values.iter().any(|v| {
                joined(v)
                    && matches!(&v.kind, ValueKind::Amount(a) if a.currency == h.currency && rounds_to(h.value, a.value))
            })
        };
        match held {
            Some(h) if !same_money(&h, amount, attrs.converted.as_ref()) && !restated(&h) => n += 1,
            _ => return st.entity_named(&name).unwrap_or(project),
        }
    }
}

/// "X to invest $3bn in Vietnam" (the headline), then "X will invest $3
/// billion ... near Hanoi, Vietnam": the investor's money restated for the
/// same ground is the deal told before. Its project is returned and stands
/// at the new places too; `None` when no deal of the investor matches.
pub(super) fn restated_deal(
    st: &mut DocState,
    investor: usize,
    places: &[usize],
    attrs: &Attrs,
    i: usize,
) -> Option<usize> {
    let amount = attrs.amount.as_ref()?;
    let investor_name = &st.entities[investor].name;
    // within a tenth: "$3.2 billion" restates "$3bn", while "€15bn" of a
    // "€20bn" plan is a part of it
    let restates = |held: &Amount| {
        held.currency == amount.currency
            && (held.value - amount.value).abs() <= 0.1 * held.value.abs().max(amount.value.abs())
    };
    let project_name = st
        .triples
        .iter()
        .find(|t| {
            t.p == Predicate::InvestsIn
                && t.s == *investor_name
                && t.amount.as_ref().is_some_and(restates)
        })?
        .o
        .clone();
    let project = st.entity_named(&project_name)?;
    let held = st.objects_of(project, Predicate::LocatedIn);
    // the same ground: places of one country, and no two different sites
    // ("in Johannesburg, South Africa" and "in Cape Town, South Africa" are
    // two deals; "in Morocco" and "near Tangier, Morocco" one)
    let sites = |ps: &[usize]| -> Vec<usize> {
        ps.iter()
            .copied()
            .filter(|&p| st.entities[p].kind != EntityType::Country)
            .collect()
    };
    let (held_sites, new_sites) = (sites(&held), sites(places));
    if !held_sites.is_empty()
        && !new_sites.is_empty()
        && !held_sites.iter().any(|h| new_sites.contains(h))
    {
        return None;
    }
    let shared = places
        .iter()
        .any(|&p| held.iter().any(|&h| st.same_ground(h, p)));
    if !shared {
        return None;
    }
    place_project(st, project, places, i);
    Some(project)
}

/// Several parties invest in `project` together: the total sits on the
/// first named, the others' facts carry no amount, only the year (as
/// SCHEMA puts a consortium's or a round's total on its lead).
pub(super) fn invest_jointly(
    st: &mut DocState,
    i: usize,
    parties: &[usize],
    project: usize,
    rule: &'static str,
    attrs: &Attrs,
) {
    for (n, &x) in parties.iter().enumerate() {
        let attrs = if n == 0 {
            attrs.clone()
        } else {
            Attrs {
                year: attrs.year,
                ..Attrs::default()
            }
        };
        st.add_fact(i, x, Predicate::InvestsIn, project, rule, 0.6, attrs);
    }
}

/// What joins the two ends of a range of amounts: " to ", " et ", "-",
/// " and up to ", " (".
static RANGE_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^\s*(?:to|and|et|à|a|-|–|or|ou|and up to|jusqu'à|jusqu’à|\()?\s*$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Whether `new` (with the conversion written after it) restates `held`:
/// another currency, a rounding of it, or a conversion that matches it.
fn same_money(held: &Amount, new: &Amount, converted: Option<&Amount>) -> bool {
    held.currency != new.currency
        || rounds_to(held.value, new.value)
        || rounds_to(new.value, held.value)
        || converted.is_some_and(|c| c.currency == held.currency && rounds_to(held.value, c.value))
}

/// A sentence that names no one: its money word gives the amount of the
/// project told of before, if it had none.
pub(super) fn late_amount(st: &mut DocState, t: &Template, i: usize) {
    let Some(m) = st
        .ex
        .lex
        .invest
        .find(&t.text)
        .or_else(|| cost_word(&t.text))
    else {
        return;
    };
    let attrs = investment_attrs(st, t, i, m.start());
    amount_of_last_project(st, t, i, &[], &attrs);
}

/// "L'infrastructure ... a coûté 10 milliards de FCFA": a sentence that
/// gives what something cost, and invests nothing itself, gives the
/// amount of the project told of before if it had none (places it names
/// must lie in that project's countries).
pub(super) fn cost_of_last_project(st: &mut DocState, t: &Template, i: usize) {
    if st.last_project.is_none() || st.sentence_facts(i, Predicate::InvestsIn).next().is_some() {
        return;
    }
    let Some(m) = cost_word(&t.text) else {
        return;
    };
    let places: Vec<usize> = t
        .slots_after(0, t.text.len(), "L")
        .into_iter()
        .map(|k| t.entity(k))
        .collect();
    let attrs = investment_attrs(st, t, i, m.start());
    amount_of_last_project(st, t, i, &places, &attrs);
}

/// A total (folded): "s'élève à", "au total", "totals", "amounts to".
static TOTAL: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:s'eleve a|s'elevent a|s'elevera a|s'elevant a|au total|en tout|totalise|totalisera|totalisant|investissement total|total investment|in total|totals|totalled|totaled|totalling|totaling|amounts? to|amounting to)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// What something costs (folded): "le coût du plan s'élève à", "a coûté",
/// "the facility will cost", "a budget of".
static COST: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:cout|couts|coute|coutera|couteront|coutait|a coute|ont coute|montant|cost|costs|costing|will cost|budget|budgete|budgeted|price tag)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The first word telling what something costs or is worth.
fn cost_word(text: &str) -> Option<regex::Match<'_>> {
    COST.find(text).or_else(|| PROJECT_WORTH.find(text))
}

/// What a project is worth, told right after a noun for it (folded): "the
/// project, worth", "le campus, d'un montant de" (not "Nvidia, now worth":
/// a firm's worth is its market value).
static PROJECT_WORTH: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:projet|project|campus|site|centre|center|facility|installation|usine|plant|complexe|complex|programme|program|plan)s?,? (?:[\w-]+ ){0,2}?(?:worth|d'une valeur (?:totale )?de|d'un montant (?:total )?de|estimee? a|estimated at)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "Avec un investissement initial de 455 millions de dollars, ce centre
/// ...": money that a sentence names with no investor, and no place outside
/// the countries of the project told of before, is that project's amount if
/// none was given yet.
pub(super) fn amount_of_last_project(
    st: &mut DocState,
    t: &Template,
    i: usize,
    places: &[usize],
    attrs: &Attrs,
) {
    let (Some(project), Some(_)) = (st.last_project, &attrs.amount) else {
        return;
    };
    // "Ce grand programme d'investissement s'élève à 430 millions": a total
    // stated after the project's first amount is a deal of its own
    let total = TOTAL.is_match(&t.text);
    let name = &st.entities[project].name;
    let project_countries: Vec<usize> = st
        .objects_of(project, Predicate::LocatedIn)
        .into_iter()
        .filter_map(|e| st.country_of(e))
        .collect();
    if !places.iter().all(|&e| {
        st.country_of(e)
            .is_some_and(|c| project_countries.contains(&c))
    }) {
        return;
    }
    let investors: Vec<usize> = st
        .triples
        .iter()
        .filter(|t| t.p == Predicate::InvestsIn && &t.o == name && (total || t.amount.is_none()))
        .filter_map(|t| st.entity_named(&t.s))
        .collect();
    for x in investors {
        let attrs = Attrs {
            amount: attrs.amount.clone(),
            ..Attrs::default()
        };
        let project = if total {
            another_deal(st, x, project, &attrs, i)
        } else {
            project
        };
        st.add_fact(
            i,
            x,
            Predicate::InvestsIn,
            project,
            "invest.amount-later",
            0.6,
            attrs,
        );
    }
}

/// What an amount is of, right after it, when it counts holdings or
/// takings rather than a deal: "d'actifs", "in assets", "under
/// management", "de chiffre d'affaires" (folded).
static HOLDINGS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^ ?(?:(?:d'|de |des |of |in )?(?:actifs|assets|encours|revenus?|chiffre d'affaires|revenues?|sales|ventes)(?-u:\b)|(?:sous gestion|under management))")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// What a project adds to an economy, not what it costs: "115 milliards
/// de dollars par an à l'économie australienne", "$10bn to the state's GDP".
static ECONOMY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^ ?(?:[\w'-]+ ){0,4}?(?:a l'economie|au pib|to (?:the |its )?(?:[\w'-]+ )?(?:economy|gdp)(?-u:\b))")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The amount nearest the trigger that is not a valuation, and the horizon year.
pub(in crate::extract) fn investment_attrs(
    st: &DocState,
    t: &Template,
    i: usize,
    trigger: usize,
) -> Attrs {
    let s = &st.sentences[i];
    let sent = s.span.text(st.norm.as_str());
    let at = t.map[trigger];
    let lex = &st.ex.lex;
    let amount = s
        .values
        .iter()
        .enumerate()
        .filter(|&(k, v)| !is_conversion(sent, &s.values, k, v))
        .filter_map(|(k, v)| match &v.kind {
            ValueKind::Amount(a) => {
                // up to 40 characters before, and not before the amount
                // ahead ("15 milliards d'actifs, investira 500 millions":
                // the holdings' word is not the second amount's)
                let ahead = s.values[..k].last().map_or(0, |p| p.end.min(v.start));
                let from = sent[..v.start]
                    .char_indices()
                    .rev()
                    .nth(40)
                    .map_or(0, |(p, _)| p)
                    .max(ahead);
                let mut context = crate::text::fold_str(&sent[from..v.start]);
                if let Some(m) = HOLDINGS_AFTER.find(&context).filter(|_| from == ahead) {
                    context.replace_range(..m.end(), "");
                }
                // "a deal valued at $9 billion" is its price, not a valuation
                let priced = PRICED_DEAL.is_match(&context);
                // "qui gère 15 milliards d'euros d'actifs": holdings, not a deal
                let after = crate::text::fold_str(crate::text::head(&sent[v.end..], 40));
                let holdings = HOLDINGS_AFTER.is_match(&after) || ECONOMY_AFTER.is_match(&after);
                (!holdings && (priced || !lex.non_investment.is_match(&context))).then_some((
                    v.start.abs_diff(at),
                    k,
                    a.clone(),
                ))
            }
            _ => None,
        })
        .min_by_key(|(d, _, _)| *d);
    // the conversion bracketed right after the chosen amount, if any
    let converted = amount.as_ref().and_then(|&(_, k, _)| {
        let next = s.values.get(k + 1)?;
        match &next.kind {
            ValueKind::Amount(c) if is_conversion(sent, &s.values, k + 1, next) => Some(c.clone()),
            _ => None,
        }
    });
    let amount = amount.map(|(_, k, mut a)| {
        // a bare "$" in an article about Canada or Australia is the local
        // dollar, when the sentence or the headline tells of that country
        // (not when it only seats a backer: "Singapore fund Temasek")
        let written = &sent[s.values[k].start..s.values[k].end];
        if a.currency == "USD" && bare_dollar(written) {
            if let Some(local) = st
                .main_country()
                .filter(|&c| tells_of(st, i, c) || tells_of(st, 0, c))
                .and_then(|c| local_dollar(&st.entities[c].name))
            {
                a.currency = local.to_string();
            }
        }
        a
    });
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
        converted,
        year,
        ..Attrs::default()
    }
}

/// Whether an amount is written with a dollar sign and nothing that says
/// which dollar: "$70 billion", "5 G$", not "US$1bn" nor "2 billion US dollars".
fn bare_dollar(written: &str) -> bool {
    let lower = written.to_lowercase();
    lower.contains('$')
        && !lower.contains("dollar")
        && !["us$", "us $", "usd", "$us", "$ us", "u.s.$"]
            .iter()
            .any(|m| lower.contains(m))
}

/// Whether sentence `i` names country `c` or a place in it.
fn tells_of(st: &DocState, i: usize, c: usize) -> bool {
    st.sentence_mentions(i).iter().any(|m| {
        matches!(
            st.entities[m.entity].kind,
            EntityType::Place | EntityType::Country
        ) && st.same_ground(m.entity, c)
    })
}

/// The currency a bare "$" means in the press of a country with a dollar of its own.
fn local_dollar(country: &str) -> Option<&'static str> {
    match country {
        "Canada" => Some("CAD"),
        "Australia" => Some("AUD"),
        "New Zealand" => Some("NZD"),
        "Singapore" => Some("SGD"),
        "Hong Kong" => Some("HKD"),
        "Taiwan" => Some("TWD"),
        _ => None,
    }
}

/// "AU$20 billion ($13 billion)": a bracketed amount right after another
/// is a currency conversion of it.
pub(super) fn is_conversion(sent: &str, values: &[Value], k: usize, v: &Value) -> bool {
    let Some(prev) = k.checked_sub(1).and_then(|p| values.get(p)) else {
        return false;
    };
    matches!(prev.kind, ValueKind::Amount(_))
        && sent.get(prev.end..v.start).is_some_and(|gap| {
            // "AED 2 billion US$544.5 million": one right after the other
            matches!(
                gap.trim(),
                "" | "/"
                    | "("
                    | "(soit"
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
                    | ", or"
                    | "(equivalent to"
                    | "(l'équivalent de"
            )
        })
}
