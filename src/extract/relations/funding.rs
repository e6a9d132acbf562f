//! Money from others: contributions told as passives, the funders of a
//! project, and acquisitions at the price of the deal.

use super::deals::invest_jointly;
use super::invest::{next_words, place_told_of, FIRM_NOUN_FIRST};
use super::*;
use crate::extract::lexicon::folded_regex;

/// "CZK 70 billion would be provided by A as a private investor, CZK 15
/// billion by B, and CZK 15 billion by C": each agent of a money passive
/// invests the amount written before it, in the project told of before
/// (else one of its own where the article last placed money).
pub(super) fn contributions(st: &mut DocState, t: &Template, i: usize) {
    static PROVIDED_BY: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r"(?-u:\b)(?:be|been|is|are|was|were|sera|seront|serait|seraient|est|sont) (?:provided|contributed|invested|financed|funded|put up|covered|apportee?s?|fournie?s?|financee?s?|investie?s?) (?:by|par) ")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    static NEXT_BY: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r"(?-u:\b)(?:by|par) (?:the |le |la |l')?(?:[\w-]+ )?(?P<who>⟨[OCD]\d+⟩)")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    let Some(first) = PROVIDED_BY.find(&t.text) else {
        return;
    };
    let amounts: Vec<(usize, crate::model::Amount)> = st.sentences[i]
        .values
        .iter()
        .filter_map(|v| match &v.kind {
            ValueKind::Amount(a) => Some((v.start, a.clone())),
            _ => None,
        })
        .collect();
    // each "by X" takes the amount written since the one before
    let mut since = 0;
    let mut shares: Vec<(usize, crate::model::Amount)> = Vec::new();
    for c in NEXT_BY.captures_iter(&t.text[first.start()..]) {
        let (Some(by), Some(k)) = (c.get(0), t.slot(c.name("who"))) else {
            continue;
        };
        let at = t.map[first.start() + by.start()];
        let Some((_, amount)) = amounts.iter().rev().find(|(s, _)| *s >= since && *s < at) else {
            break;
        };
        since = at;
        let who = t.entity(k);
        if matches!(
            st.entities[who].kind,
            EntityType::Organization | EntityType::Country
        ) {
            shares.push((who, amount.clone()));
        }
    }
    if shares.len() < 2 {
        return;
    }
    // the shares are of one project
    let project = match st.last_project {
        Some(p) => p,
        None => {
            let Some(c) = place_told_of(st) else {
                return;
            };
            new_project(st, shares[0].0, &[c], i)
        }
    };
    for (who, amount) in shares {
        st.add_fact(
            i,
            who,
            Predicate::InvestsIn,
            project,
            "invest.contribution",
            0.6,
            Attrs {
                amount: Some(amount),
                ..Attrs::default()
            },
        );
    }
}

/// "Son financement sera assuré par EuroHPC et le consortium X", "funding
/// will come from A and B": the firms that pay for the project told of
/// before invest in it.
pub(super) fn funders(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    static FUNDED_BY: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r"(?-u:\b)(?:son|sa|leur|le|its|their|the) (?:financement|funding|financing) (?:[\w'-]+ ){0,3}?(?:sera|seront|est|sont|will be|is|are|will come|comes) (?:[\w'-]+ )?(?:assuree?s?|apportee?s?|fournie?s?|provided|covered|secured|supplied|from|par|by) (?:(?:par|by|from) )?(?:le |la |les |l'|the )?(?:(?:consortium|groupe|group|fonds|fund) )?")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    let Some(project) = st.last_project else {
        return;
    };
    let Some(m) = FUNDED_BY.find(&t.text) else {
        return;
    };
    if clause_is_negated(st, t, m.start(), m.end()) {
        return;
    }
    let funders: Vec<usize> = t
        .list_from(m.end(), "O", None, rules)
        .into_iter()
        .map(|k| t.entity(k))
        .collect();
    for x in funders {
        st.add_fact(
            i,
            x,
            Predicate::InvestsIn,
            project,
            "invest.funder",
            0.6,
            Attrs::default(),
        );
    }
}

/// "X a bouclé une levée de fonds de 300 millions d'euros auprès de A et
/// du fonds B", "X raised $1.2 billion from A and B", "a funding round led
/// by A": the firms that put money into a firm invest in it, the round's
/// amount on the first named. The firm that raised is what later "cette
/// somme" or "the proceeds" spend.
pub(super) fn fundraising(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let Some(c) = RAISE.captures(&t.text) else {
        return;
    };
    let (Some(raise), Some(from), Some(whole)) = (c.name("raise"), c.name("from"), c.get(0)) else {
        return;
    };
    if clause_is_negated(st, t, raise.start(), from.end()) {
        return;
    }
    let Some(raiser) = subjects_before(st, rules, t, raise.start())
        .into_iter()
        .find(|&e| st.entities[e].kind == EntityType::Organization)
    else {
        return;
    };
    let investors: Vec<usize> = t
        .list_from(whole.end(), "O", Some(&BEFORE_INVESTOR), rules)
        .into_iter()
        .map(|k| t.entity(k))
        .filter(|&e| e != raiser)
        .collect();
    if investors.is_empty() {
        return;
    }
    let attrs = investment_attrs(st, t, i, raise.start());
    invest_jointly(st, i, &investors, raiser, "invest.funding-round", &attrs);
    st.last_raiser = Some(raiser);
}

/// Money raised, then where it came from within the clause (folded):
/// "lève ... auprès de", "raised ... from", "a funding round led by".
static RAISE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?P<raise>(?-u:\b)(?:leve|levee|levent|lever|levera|leveront|raised?|raises|raising|(?:funding|financing|investment|equity|series [a-f]) (?:round|raise)|tour de (?:table|financement)|levee de fonds)(?-u:\b))[^⟨.;]{0,80}?(?P<from>(?-u:\b)(?:aupres d'|aupres de|aupres du|aupres des|from|de la part de|led by|menee? par|conduite? par|backed by)(?: (?:investors|investisseurs)(?: such as| including| dont| comme| notamment| tels que)?)?) ")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// What may stand between "from" and the first investor: an article and a
/// short description ("la ", "du fonds ⟨D1⟩ ").
static BEFORE_INVESTOR: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:[\w'-]+ |⟨D\d+⟩ ){0,3}$").unwrap_or_else(|e| unreachable!("{e}"))
});

/// "CoreWeave acquired Core Scientific in a deal valued at $9 billion",
/// "X va racheter Y pour 2 milliards d'euros": the buyer of a firm invests
/// in it, at the price of the deal.
/// Whether the sentence tells of a firm bought ("le rachat de l'opérateur
/// Lumo DC", "acquired Lumo DC"): that deal is the firm, not a project.
pub(super) fn tells_acquisition(t: &Template) -> bool {
    ACQUIRES
        .captures_iter(&t.text)
        .filter_map(|c| t.slot(c.name("org")))
        .any(|k| t.slots[k].2 == 'O')
}

pub(super) fn acquisitions(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let lex = &st.ex.lex;
    // (trigger start, the firm after the verb, whether the verb is passive)
    let mut told: Vec<(usize, usize, bool)> = Vec::new();
    for c in ACQUIRES.captures_iter(&t.text) {
        let (Some(whole), Some(named)) = (c.get(0), t.slot(c.name("org"))) else {
            continue;
        };
        // "acquired 10,000 GPUs from Nvidia", "bought a data centre from X",
        // "acquire X's chips": goods or a site are what is bought
        // ("data center infrastructure firm ⟨O3⟩" describes the firm)
        let between = c.name("between").map_or("", |m| m.as_str());
        let described = FIRM_NOUN.is_match(between) || FIRM_NOUN_FIRST.is_match(between);
        let after = next_words(&t.text[t.slots[named].1..]);
        // "took over X's role", "acquired X' cloud unit": what is bought is
        // the firm's, not the firm
        let possessive = after.starts_with('\'');
        // "bought power from X", "acquired the site from X": X sells; "a
        // power purchase agreement with X": X is the other party
        let seller = between
            .split_whitespace()
            .any(|w| matches!(w, "from" | "with" | "avec"));
        if possessive
            || seller
            || lex.goods.is_match(between)
            || (lex.facility.is_match(between) && !described)
            || lex
                .goods
                .is_match(after.split(['.', ',', ';']).next().unwrap_or(""))
        {
            continue;
        }
        if !clause_is_negated(st, t, whole.start(), whole.end()) {
            // "X was acquired by Y": the firm after the verb is the buyer
            let passive = matches!(between, "by " | "par ");
            told.push((whole.start(), named, passive));
        }
    }
    let is_firm = |st: &DocState, e: usize| st.entities[e].kind == EntityType::Organization;
    for (at, slot, passive) in told {
        let subjects = subjects_before(st, rules, t, at);
        let named = object_not_subject(st, t, slot, &subjects);
        if !is_firm(st, named) {
            continue;
        }
        let before: Vec<usize> = subjects
            .into_iter()
            .filter(|&e| e != named && is_firm(st, e))
            .collect();
        let deals: Vec<(usize, usize)> = if passive {
            before.into_iter().map(|firm| (named, firm)).collect()
        } else {
            before.into_iter().map(|buyer| (buyer, named)).collect()
        };
        if deals.is_empty() {
            continue;
        }
        let attrs = Attrs {
            amount: deal_price(st, t, i, at),
            ..Attrs::default()
        };
        for (buyer, firm) in deals {
            st.add_fact(
                i,
                buyer,
                Predicate::InvestsIn,
                firm,
                "invest.acquisition",
                0.65,
                attrs.clone(),
            );
        }
    }
}

/// "CoreWeave, backed by Nvidia", "TerraPower, soutenu par Bill Gates",
/// "the company is backed by the private equity firm EQT": who backs a
/// firm invests in it.
pub(super) fn backers(st: &mut DocState, t: &Template, i: usize) {
    static BACKED_BY: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r"(?P<firm>⟨O\d+⟩),? (?:(?:which|qui|that) )?(?:(?:is|was|are|were|has been|have been|est|sont|etait|a ete|etant|ce dernier etant|cette derniere etant) )?(?:backed|funded|financed|bankrolled|soutenue?s?|financee?s?) (?:by|par) (?:(?:[\w'-]+|⟨D\d+⟩) ){0,4}?(?P<backer>⟨[OP]\d+⟩)")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    let found: Vec<(usize, usize, usize, usize)> = BACKED_BY
        .captures_iter(&t.text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            Some((
                t.slot(c.name("firm"))?,
                t.slot(c.name("backer"))?,
                whole.start(),
                whole.end(),
            ))
        })
        .collect();
    for (firm, backer, start, end) in found {
        let (firm, backer) = (t.entity(firm), t.entity(backer));
        if firm == backer || clause_is_negated(st, t, start, end) {
            continue;
        }
        st.add_fact(
            i,
            backer,
            Predicate::InvestsIn,
            firm,
            "invest.backed-by",
            0.6,
            Attrs::default(),
        );
    }
}

/// The firm object slot `k` stands for. An anaphor object is not its own
/// clause's subject: in "A is backed by B, which bought a stake in the
/// firm", the firm is A, the firm named before B, not B (the nearest).
fn object_not_subject(st: &DocState, t: &Template, k: usize, subjects: &[usize]) -> usize {
    let named = t.entity(k);
    let m = t.mentions[k];
    if m.how != How::Anaphor || !subjects.contains(&named) {
        return named;
    }
    st.mentions_in(0, m.start)
        .rev()
        .find(|o| {
            o.how != How::Anaphor
                && !subjects.contains(&o.entity)
                && st.entities[o.entity].kind == EntityType::Organization
        })
        .map_or(named, |o| o.entity)
}

/// "Y will take a 40% stake in the project", "Y prendra une participation
/// de 40 % dans le campus": a share of the project told of before is an
/// investment in it, at the price the sentence gives.
pub(super) fn stakes_in_project(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let Some(project) = st.last_project else {
        return;
    };
    let Some(m) = STAKE_IN.find(&t.text) else {
        return;
    };
    if !super::invest::funds_told_of(&st.ex.lex, &t.text[m.end()..])
        || clause_is_negated(st, t, m.start(), m.end())
    {
        return;
    }
    let attrs = Attrs {
        amount: deal_price(st, t, i, m.start()),
        ..Attrs::default()
    };
    for holder in subjects_before(st, rules, t, m.start()) {
        if matches!(
            st.entities[holder].kind,
            EntityType::Organization | EntityType::Country
        ) {
            st.add_fact(
                i,
                holder,
                Predicate::InvestsIn,
                project,
                "invest.stake",
                0.65,
                attrs.clone(),
            );
        }
    }
}

/// A share taken (folded), up to the preposition of what it is in: "take
/// a 40% stake in", "prendra une participation de 40 % dans".
static STAKE_IN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r"(?-u:\b)(?:{TAKING_A_SHARE}) (?:an?|une|sa|its) (?:[\w%.,-]+ ){{0,3}}?(?:stake|participation)(?: [\w%.,-]+){{0,4}}? (?:in|dans) "))
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Verbs of taking a share (folded), in both languages: "took", "prendra".
const TAKING_A_SHARE: &str = "takes?|took|taking|buys?|bought|buying|purchase[sd]?|acquires?|acquired|acquiring|prend|prendra|prendront|prennent|a pris|ont pris|prise|prendre|acquerir|acquiert|acquerra";

/// A verb or noun of buying a firm, up to a few words of description, and
/// the firm: "acquired data center firm ⟨O3⟩", "le rachat de ⟨O2⟩".
static ACQUIRES: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r"(?-u:\b)(?:acquire[sd]?|acquiring|acquisition of|buys?|bought|buying|purchase[sd]?|purchasing|snap(?:s|ped)? up|takeover of|take over|took over|racheter|rachetee?s?|rachetera|racheteront|rachetent|rachat d[e']|acquerir|acquiert|acquerra|acquise?s?|prise de controle d[e']|(?:{TAKING_A_SHARE}) an? (?:[\w%.,-]+ ){{0,3}}?stake in|(?:{TAKING_A_SHARE}) une participation (?:[\w%.,-]+ ){{0,4}}?(?:dans|au capital de|au capital d')|entre(?:ra|ront)? au capital d[e']|(?:prend|prendra|prennent|a pris|ont pris|takes?|took|taking|acquires?|acquired|buys?|bought) (?:a |an |une )?[\d.,]+ ?(?:%|pour ?cent|per ?cent)(?: stake| des parts)? (?:de|du|d'|des|in|of))(?-u:\b) ?(?:(?:the|la|le|les|a|an|un|une|du|de la) |l')?(?P<between>(?:(?:[\w'%-]+|⟨D\d+⟩) ){{0,5}}?)(?P<org>⟨O\d+⟩)"))
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A noun of firm closing a description: "data center infrastructure firm".
static FIRM_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:firm|company|operator|provider|developer|group|start-?up|societe|groupe|operateur|fournisseur|specialiste|entreprise|editeur) $")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The price of a deal the sentence states after its trigger at `at`: the
/// amount a money word would take, else one the deal is "valued at" or
/// bought "for".
fn deal_price(st: &DocState, t: &Template, i: usize, at: usize) -> Option<crate::model::Amount> {
    if let Some(a) = investment_attrs(st, t, i, at).amount {
        return Some(a);
    }
    let s = &st.sentences[i];
    let sent = s.span.text(st.norm.as_str());
    let from = t.map[at];
    s.values.iter().find_map(|v| match &v.kind {
        ValueKind::Amount(a) if v.start > from => {
            let before = crate::text::fold_str(&sent[from..v.start]);
            DEAL_VALUE.is_match(&before).then(|| a.clone())
        }
        _ => None,
    })
}

/// A deal noun and the words that give its price (folded): "deal valued
/// at", "accord d'une valeur de".
const DEAL_PRICED: &str = r"(?:deal|transaction|acquisition|takeover|operation|rachat|offre|offer|accord|agreement|contract|contrat|engagement)s? (?:[\w-]+ ){0,2}?(?:valued at|worth|valorisee? a|d'une valeur de|estimee? a)";

/// Words between a price and its amount: "about", "more than", "environ".
const PRICE_HEDGE: &str = r" (?:about |nearly |almost |around |some |up to |over |more than |environ |pres de |plus de |quelque |jusqu'a )?$";

/// What sets a deal's price right before it: "in a deal valued at
/// (nearly)", "for", "pour un montant de", "d'une valeur de".
static DEAL_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"(?:{DEAL_PRICED}|(?:for|pour|contre|pour un montant de)){PRICE_HEDGE}"
    ))
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A deal's price named right before an amount: "an engagement valued at
/// over", where "valued" alone would be a firm's valuation.
pub(super) static PRICED_DEAL: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r"{DEAL_PRICED}{PRICE_HEDGE}")).unwrap_or_else(|e| unreachable!("{e}"))
});
