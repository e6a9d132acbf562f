//! Supplies: a supplier, its goods and quantity, and the buyer or project
//! the goods go to.

use super::partners::{CLAUSE_END, DEAL_AFTER};
use super::*;
use crate::extract::lexicon::folded_regex;

pub(super) static TO_PREP: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:au|a la|to the|for the|pour le|pour la) ")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "au campus", "to the Sines site": goods sent to a facility word of the
/// lexicon, right after the preposition or one word later.
pub(super) fn sent_to_facility(lex: &Lexicon, text: &str) -> bool {
    TO_PREP.find_iter(text).any(|m| {
        let rest = &text[m.end()..];
        let next = rest.find(' ').map_or("", |sp| &rest[sp + 1..]);
        [rest, next]
            .iter()
            .any(|r| lex.facility.find(r).is_some_and(|f| f.start() == 0))
    })
}

/// The first quantity of goods (GPUs, servers) sentence `i` gives.
pub(in crate::extract) fn goods_quantity(
    st: &DocState,
    i: usize,
) -> Option<crate::model::Quantity> {
    st.sentences[i].values.iter().find_map(|v| match &v.kind {
        ValueKind::Quantity(q) if q.unit == "GPU" || q.unit == "server" => Some(q.clone()),
        _ => None,
    })
}

/// A verb of securing right before a supply noun (folded): "garantir un ",
/// "to secure a long-term ", "sécuriser leur ".
static SECURED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:garantir|garantit|garantira|garantissent|securiser|securise|securisera|securisent|obtenir|obtient|obtiendra|secure|secures|secured|securing|guarantee|guarantees|guaranteed|lock in|locks in|locked in|locking in)(?: (?:un|une|des|le|la|l'|son|sa|ses|leur|leurs|a|an|the|its|their|long term|stable|reliable|steady|new|additional))* ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

pub(super) fn supplies(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let lex = &st.ex.lex;
    let quantity = goods_quantity(st, i);
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
    let m = lex.supply.find_iter(&t.text).find(|m| {
        let after = &t.text[m.end()..];
        // "processeurs fournis par Nvidia": a passive names its
        // supplier after it, `goods_for_project` reads it
        !DEAL_AFTER.is_match(after)
            && !is_agent_noun(&t.text[m.start()..])
            && !PASSIVE_AGENT.is_match(after)
    });
    if let Some(m) = m {
        // "équipé de puces X", "equipped with X chips": the facility is
        // supplied, read by `goods_for_project`
        if clause_is_negated(st, t, m.start(), m.end())
            || FITTED_WITH.is_match(t.text[m.start()..].trim_start())
        {
            return;
        }
        // "souhaitent garantir un approvisionnement en électricité", "to
        // secure a supply of chips": who secures supply buys it
        if SECURED.is_match(&t.text[..m.start()]) {
            return;
        }
        let subjects = subjects_before(st, rules, t, m.start());
        let after = &t.text[m.end()..];
        // "la fourniture de puces Nvidia": with no subject, the goods' maker
        // named without a preposition supplies too
        let goods = goods_of(rules, after).or_else(|| {
            subjects
                .is_empty()
                .then(|| rules.goods_with_maker(after))
                .flatten()
        });
        if let Some(c) = goods {
            // "équiper des usines avec les puces de Nvidia": Nvidia supplies the subjects
            if let Some(sup) = t
                .slot(c.name("org").or(c.name("org2")))
                .map(|k| t.entity(k))
            {
                // "l'accord prévoit la fourniture de puces Nvidia": goods
                // supplied with no one named go to the project told of
                // before, else to the country the article is about
                let subjects = if subjects.is_empty() {
                    st.last_project
                        .or_else(|| st.main_country())
                        .into_iter()
                        .collect()
                } else {
                    subjects
                };
                for &x in subjects.iter().filter(|&&x| x != sup) {
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
        // "signed a power purchase agreement with utility ⟨O⟩ to supply the
        // site": the party the deal is made with supplies, not who signed it
        let subjects = match WITH_PARTY_TO
            .captures(&t.text[..m.start()])
            .and_then(|c| t.slot(c.name("org")))
        {
            Some(k) => vec![t.entity(k)],
            None => subjects,
        };
        let named_supplier = !subjects.is_empty();
        let suppliers: Vec<usize> = if subjects.is_empty() && is_trade_noun(&t.text[m.start()..]) {
            // "les ventes de puces H20 en Chine": a sale told as a noun with
            // no one before it is the goods' maker's, not the article's firm's
            goods_maker(st, rules, t).into_iter().collect()
        } else if subjects.is_empty() {
            // "The chips will be shipped to ...": goods told of before come
            // from the supplier told of before; else the firm the article
            // is about supplies
            let goods_told = lex
                .goods
                .find(&t.text)
                .is_some_and(|g| GOODS_TOLD.is_match(&t.text[..g.start()]));
            goods_told
                .then_some(st.last_supplier)
                .flatten()
                .or_else(|| st.topic_org(sentence_start(t)))
                .into_iter()
                .collect()
        } else {
            // only a firm supplies: "the venture in Narvik, Norway, is to
            // deliver" has no supplier named
            subjects
                .into_iter()
                .filter(|&s| st.entities[s].kind == EntityType::Organization)
                .collect()
        };
        // "will supply the servers, while power will come from a plant
        // built by ⟨O⟩": a subordinate clause tells of other parties
        let end = CLAUSE_END
            .find(after)
            .into_iter()
            .chain(super::invest::SUBORDINATE.find(after))
            .map(|e| m.end() + e.start())
            // "..., according to ⟨P⟩, head of ⟨O⟩'s business": the speaker's
            // firm receives nothing
            .chain(super::invest::reporting_clause(after).map(|at| m.end() + at))
            .min()
            .unwrap_or(t.text.len());
        // "to Lumo's new campus in Riyadh": the firm's facility there
        let mut recipients: Vec<usize> = Vec::new();
        for k in t.slots_after(m.end(), end.max(m.end()), "OCJ") {
            // "will supply 20,000 AMD MI355X accelerators": the goods' maker
            if names_goods_maker(t, k) {
                continue;
            }
            let owned = (t.slots[k].2 == 'O')
                .then(|| owned_facility_at(st, t, i, t.slots[k].0))
                .flatten();
            recipients.push(owned.unwrap_or_else(|| t.entity(k)));
        }
        // "livrera 30 000 puces au campus", "will supply the site with
        // power": the facility told of before
        let clause = &t.text[m.end()..end.max(m.end())];
        if recipients.is_empty()
            && (sent_to_facility(lex, clause) || names_facility_told_of(lex, clause.trim_start()))
        {
            recipients.extend(st.last_project);
        }
        // "Huawei fournira les serveurs", "X will provide the GPUs": goods
        // right after the verb of a named supplier, with no one to receive
        // them, go to the project told of before (not by its own investor)
        if recipients.is_empty()
            && named_supplier
            && goods_object(lex, &t.text[m.end()..end.max(m.end())])
        {
            let project = st.last_project.filter(|&p| {
                let investors = st.subjects_of(Predicate::InvestsIn, p);
                !suppliers.iter().any(|s| investors.contains(s))
            });
            recipients.extend(project);
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
        // "Nvidia will supply the GPUs, while Dell will provide the
        // servers": a firm supplying goods in a clause set beside this one
        // supplies the same recipients
        if let Some(c) = PARALLEL_SUPPLIER.captures(&t.text[end.min(t.text.len())..]) {
            let rest = &t.text[end + c.get(0).map_or(0, |g| g.end())..];
            let supplies_goods = lex.supply.find(rest).is_some_and(|v| {
                rest[..v.start()].split_whitespace().count() <= 2
                    && goods_object(lex, &rest[v.end()..])
            });
            if let (true, Some(k)) = (supplies_goods, t.slot(c.name("org"))) {
                let other = t.entity(k);
                for &r in recipients.iter().filter(|&&r| r != other) {
                    st.add_fact(
                        i,
                        other,
                        Predicate::Supplies,
                        r,
                        "supply.parallel",
                        0.6,
                        Attrs::default(),
                    );
                }
            }
        }
    } else if let Some(m) = lex.receive.find(&t.text) {
        if clause_is_negated(st, t, m.start(), m.end()) {
            return;
        }
        let recipients = subjects_before(st, rules, t, m.start());
        let after = &t.text[m.end()..];
        let supplier = goods_of(rules, after)
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

/// A clause set beside a supply's, opening on a firm: ", while ⟨O⟩ ",
/// ", tandis que ⟨O⟩ ".
static PARALLEL_SUPPLIER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^, (?:while|whereas|alors que|tandis que) (?P<org>⟨O\d+⟩) ")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A deal's other party right before an infinitive of supply: "an
/// agreement with utility ⟨O⟩ to supply", "un contrat avec ⟨O⟩ pour fournir".
static WITH_PARTY_TO: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:with|avec) (?:(?:[\w'-]+|⟨D\d+⟩) ){0,4}?(?P<org>⟨O\d+⟩) (?:to|pour|afin de|afin d') ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A passive's agent right after its participle: " par ", " by ".
static PASSIVE_AGENT: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(r"^ ?(?:par|by) ").unwrap_or_else(|e| unreachable!("{e}")));

/// Whether `after` (the clause after a supply verb) opens on the goods
/// supplied, within four words and before any name but their maker's: "les
/// serveurs et", "the latest GPUs", "20,000 AMD MI355X accelerators".
fn goods_object(lex: &Lexicon, after: &str) -> bool {
    lex.goods.find(after).is_some_and(|g| {
        let words: Vec<&str> = after[..g.start()].split_whitespace().collect();
        let names = words.iter().filter(|w| w.contains('⟨')).count();
        let maker = words
            .iter()
            .rposition(|w| w.starts_with("⟨O"))
            .is_some_and(|at| words.len() - at <= 2);
        words.len() <= 4 && (names == 0 || names == 1 && maker)
    })
}

/// Goods and their maker ("des puces de ⟨O2⟩", "⟨O2⟩'s chips"), unless
/// the goods are sent somewhere in between: in "18 000 GPU au campus de
/// ⟨O2⟩" the firm owns the campus, it does not make the GPUs.
fn goods_of<'t>(rules: &Rules, text: &'t str) -> Option<regex::Captures<'t>> {
    static SENT_TO: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r" (?:au|aux|a|to|pour|for|vers) ").unwrap_or_else(|e| unreachable!("{e}"))
    });
    rules.goods_of.captures(text).filter(|c| {
        c.get(0).is_none_or(|m| !SENT_TO.is_match(m.as_str()))
            && c.name("org2")
                .is_none_or(|o| !SUPPLIED_WITH.is_match(&text[o.end()..]))
    })
}

/// "chip provider Groq", "le fournisseur de puces": the word names who
/// supplies (the name after it), it is no verb with a subject before it.
fn is_agent_noun(from: &str) -> bool {
    AGENT_NOUN.is_match(first_word(from))
}

/// The first word of `from`: a lexicon match starts on the boundary before it.
fn first_word(from: &str) -> &str {
    from.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

/// "ventes", "sales", "exportations": the word names trade, it is no verb
/// with a subject before it.
fn is_trade_noun(from: &str) -> bool {
    let word = first_word(from);
    matches!(word, "vente" | "ventes" | "sales") || word.starts_with("exportation")
}

static AGENT_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:provider|supplier|vendor|seller|shipper|fournisseur|livreur|vendeur)s?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A past participle of fitting: "équipé de", "equipped with", "powered by".
static FITTED_WITH: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"^(?:{FITTING}|{ENDOWED}|{POWERING}) (?:de |d'|des |du |with |by |par )"
    ))
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Participles of fitting, folded: "équipé", "equipped", "fitted".
pub(super) const FITTING: &str = r"equipee?s?|equipped|fitted";
/// "doté de": fitted with, but "doté par" is endowed (funded) by.
const ENDOWED: &str = r"dotee?s?";
/// Participles of powering: "powered", "alimenté".
pub(super) const POWERING: &str = r"powered|alimentee?s?";
/// Participles of supplying: "fourni", "livré", "supplied", "provided".
pub(super) const SUPPLYING: &str = r"fournie?s?|livree?s?|supplied|provided|delivered";

/// Fitting anywhere in a sentence: "une infrastructure de 40 MW, équipée
/// des GPU de Nvidia".
static FITTED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"(?-u:\b)(?:{FITTING}|{ENDOWED}) (?:de |d'|des |du |with )"
    ))
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Goods, then where they go, then a firm: "gpus at the ⟨O3⟩".
static SITE_OF_GOODS: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r" (?:at|in|to|for|au|aux|a|dans|pour|vers|chez) (?:the |le |la |les |l')?⟨O\d+⟩$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "This facility will", "le nouveau campus", "The first Bell AI Fabric
/// facility", "The 300-megawatt campus": a sentence that opens on a
/// facility word of the lexicon, after an article or a possessive, its
/// power and the firm's name.
static ARTICLE_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:the|this|that|its|le|la|l'|ce|cet|cette|son|sa)(?: new| nouveau| nouvelle| first| premier| premiere)?(?: \d+(?:[.,]\d+)?[ -]?(?:megawatts?|mw|gigawatts?|gw))? ?(?:⟨O\d+⟩ )?")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A sentence about a facility: it opens with one ("This facility will
/// feature", "Le centre sera équipé") or with what it is fitted with
/// ("Équipé de 24 000 superpuces", "Powered by").
fn opens_on_facility(lex: &Lexicon, text: &str) -> bool {
    FITTED_WITH.is_match(text) || names_facility_told_of(lex, text)
}

/// "Le projet, baptisé X, accueillera 20 000 puces", "the project will
/// use": a sentence that opens on the project told of and says what it
/// holds ("ce projet intervient alors que la demande de puces X" does not).
static PROJECT_HOLDS: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:the|this|le|ce) (?:new |nouveau )?(?:project|projet)(?-u:\b).*(?-u:\b)(?:accueill\w*|abrit\w*|heberg\w*|comprendr\w*|utiliser\w*|host\w*|house\w*|use\w*|feature\w*|run on|runs on|deploy\w*|deploier\w*)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Whether `text` tells of a facility already named in a relative clause:
/// "a lease for the campus, which will run on Nvidia chips", "le site,
/// qui accueillera des puces AMD".
fn facility_relative(lex: &Lexicon, text: &str) -> bool {
    ARTICLE_BEFORE.find_iter(text).any(|a| {
        let rest = &text[a.end()..];
        lex.facility
            .find(rest)
            .filter(|f| f.start() == 0)
            .is_some_and(|f| WHICH.is_match(&rest[f.end()..]))
    })
}

/// A definite article or demonstrative, where a facility told of may start.
static ARTICLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:the|this|that|its|le|la|l'|ce|cet|cette|son|sa) ?")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The opening of a relative clause right after a noun: ", which", ", qui".
static WHICH: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^s?,? (?:which|that|qui|lequel|laquelle) ")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Whether `text` opens on a facility named as one already told of: "this
/// facility", "le nouveau campus", "the site".
pub(super) fn names_facility_told_of(lex: &Lexicon, text: &str) -> bool {
    ARTICLE_OPENING.find(text).is_some_and(|a| {
        lex.facility
            .find(&text[a.end()..])
            .is_some_and(|f| f.start() == 0)
    })
}

/// The maker of the goods sentence `t` names: named with them ("chips
/// developed by Nvidia", "Nvidia's GPUs") or, failing that, through a model
/// code the article named with its maker before ("12,600 GB300 GPUs").
fn goods_maker(st: &DocState, rules: &Rules, t: &Template) -> Option<usize> {
    // "GPUs at the Start Campus facility": the goods go to that firm's
    // site, it does not make them
    let named = rules
        .goods_with_maker(&t.text)
        .filter(|c| !c.get(0).is_some_and(|m| SITE_OF_GOODS.is_match(m.as_str())));
    if let Some(c) = named {
        return t
            .slot(c.name("org").or(c.name("org2")))
            .map(|k| t.entity(k));
    }
    let c = rules.model_goods.captures(&t.text)?;
    let model = c.name("model").or(c.name("model2"))?;
    st.model_makers.get(model.as_str()).copied()
}

/// Records the model codes sentence `t` names with their maker: "NVIDIA
/// GB300 GPUs", "les puces H20 de Nvidia", "GPU Nvidia H100".
pub(super) fn learn_models(st: &mut DocState, rules: &Rules, t: &Template) {
    for c in rules.makers_goods.captures_iter(&t.text) {
        let (Some(m), Some(maker)) = (
            c.get(0),
            t.slot(c.name("org").or(c.name("org2")))
                .map(|k| t.entity(k)),
        ) else {
            continue;
        };
        if st.entities[maker].kind != EntityType::Organization {
            continue;
        }
        // the word after the match too: the code that follows the maker
        let after = &t.text[m.end()..];
        let next = after.trim_start().split(' ').next().unwrap_or("");
        for code in MODEL.find_iter(m.as_str()).chain(MODEL.find_iter(next)) {
            st.model_makers
                .entry(code.as_str().to_string())
                .or_insert(maker);
        }
    }
}

/// A model code alone: see `MODEL_CODE`.
static MODEL: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r"(?-u:\b){MODEL_CODE}(?-u:\b)")).unwrap_or_else(|e| unreachable!("{e}"))
});

/// Where goods go, right after them: a facility told of before, named by a
/// definite or possessive noun and no place ("GPUs at the site", "chips in
/// its new campus", "puces dans le centre de données").
static AT_FACILITY_TOLD_OF: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"^ ?(?:(?:[\w-]+|⟨O\d+⟩) ){{0,3}}?(?:at|in|into|inside|across|on|a|au|dans|sur) (?:the|this|that|its|their|le|la|l'|ce|cet|cette|son|sa|ses|leur|leurs) ?(?:(?:new|future|first|nouveau|nouvelle|futur|future|premier|premiere) )?(?:{FACILITY_NOUNS})(?-u:\b)(?P<rest>.{{0,12}})"
    ))
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Whether goods in `text` are put in a facility told of before: "will
/// deploy 18,000 Nvidia GPUs at the site", "installera des puces AMD dans
/// le campus". A place right after the facility ("at its campus in ⟨L2⟩")
/// names a site of its own.
fn goods_at_facility_told_of(lex: &Lexicon, text: &str) -> bool {
    lex.goods.find_iter(text).any(|g| {
        AT_FACILITY_TOLD_OF
            .captures(&text[g.end()..])
            .and_then(|c| c.name("rest"))
            .is_some_and(|rest| !(rest.as_str().contains("⟨C") || rest.as_str().contains("⟨L")))
    })
}

/// Goods of a named maker in a sentence no supply rule read go to the
/// project the sentence invests in ("Microsoft déploiera 12 600 GPU Nvidia
/// à Sines"), or, when the sentence is about a facility ("This facility
/// will feature chips developed by Nvidia"), to the project told of before.
/// A maker building with its own goods supplies too (as `supplies` reads it).
pub(super) fn goods_for_project(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    if st.sentence_facts(i, Predicate::Supplies).next().is_some() {
        return;
    }
    let Some(maker) = goods_maker(st, rules, t) else {
        return;
    };
    let invested: Vec<(usize, usize)> = st
        .sentence_facts(i, Predicate::InvestsIn)
        .filter_map(|tr| Some((st.entity_named(&tr.s)?, st.entity_named(&tr.o)?)))
        .collect();
    // "Loughton AI Campus is slated to host 23,000 GB300 GPUs": the
    // project the sentence names, if the article placed it
    let named = t.slots.iter().position(|s| s.2 == 'J').map(|k| t.entity(k));
    let placed = named.filter(|&p| st.is_placed(p));
    let project = if let Some(&(_, p)) = invested.first() {
        p
    } else if let Some(p) = placed {
        p
    } else if PROJECT_HOLDS.is_match(&t.text) || goods_at_facility_told_of(&st.ex.lex, &t.text) {
        // "the project will use", "GPUs at the site": the project told of
        match st.last_project {
            Some(p) => p,
            None => return,
        }
    } else if opens_on_facility(&st.ex.lex, &t.text)
        || FITTED.is_match(&t.text)
        || facility_relative(&st.ex.lex, &t.text)
    {
        // "Équipé de 24 000 superpuces Nvidia, Jupiter atteint", "This
        // facility will feature chips developed by Nvidia", "une
        // infrastructure équipée des GPU de Nvidia": the project
        // told of before, else the named one, else the country the article
        // is about
        match st.last_project.or(named).or_else(|| st.main_country()) {
            Some(p) => p,
            None => return,
        }
    } else {
        return;
    };
    let quantity = goods_quantity(st, i);
    let attrs = Attrs {
        quantity,
        ..Attrs::default()
    };
    st.add_fact(
        i,
        maker,
        Predicate::Supplies,
        project,
        "supply.goods-for-project",
        0.6,
        attrs,
    );
    st.last_supplier = Some(maker);
}

/// A supply or power participle and its agent, told by its trade or not:
/// "fourni par ⟨O2⟩", "supplied by ⟨O2⟩", "fournie par la société ⟨O2⟩".
static SUPPLIED_BY: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"(?-u:\b)(?:{SUPPLYING}|{POWERING}) (?:par|by) (?:the |le |la |l')?(?:(?:societe|entreprise|groupe|company|firm|group|operateur|operator|fournisseur|supplier|utility|producteur|producer|developpeur|developer) )?(?P<org>⟨O\d+⟩)"
    ))
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "ce premier datacenter modulaire fourni par Huawei", "the modular data
/// centre supplied by X", "AI data centres powered by Qualcomm's inference
/// solutions", "wind power supplied by X": a facility or goods word a few
/// words before a supply or power participle makes its agent the supplier
/// of the project the sentence names, else of the one told of before, else
/// of the article's country.
pub(super) fn supplied_facility(st: &mut DocState, t: &Template, i: usize) {
    if st.sentence_facts(i, Predicate::Supplies).next().is_some() {
        return;
    }
    let Some(c) = SUPPLIED_BY.captures(&t.text) else {
        return;
    };
    let (Some(whole), Some(k)) = (c.get(0), t.slot(c.name("org"))) else {
        return;
    };
    // the facility within the four words before the participle
    let before = &t.text[..whole.start()];
    let window = before
        .char_indices()
        .rev()
        .filter(|&(_, ch)| ch == ' ')
        .nth(4)
        .map_or(before, |(at, _)| &before[at..]);
    // "wind power supplied by X", "de l'énergie éolienne fournie par X":
    // goods the facility runs on are supplied to it too
    let lex = &st.ex.lex;
    // ("300 megawatts supplied by X": power counted in its unit, one of
    // the sentence's values, found once before any rule)
    let (from, to) = (t.map[whole.start() - window.len()], t.map[whole.start()]);
    let power = st.sentences[i].values.iter().any(|v| {
        matches!(&v.kind, ValueKind::Quantity(q) if q.unit == "MW" || q.unit == "GW")
            && (from..to).contains(&v.start)
    });
    let goods = lex.goods.is_match(window) || power;
    if !(lex.facility.is_match(window) || goods) || window.contains('⟩') {
        return;
    }
    let supplier = t.entity(k);
    if st.entities[supplier].kind != EntityType::Organization {
        return;
    }
    let named = t.slots.iter().position(|s| s.2 == 'J').map(|k| t.entity(k));
    let Some(project) = named.or(st.last_project).or_else(|| st.main_country()) else {
        return;
    };
    st.add_fact(
        i,
        supplier,
        Predicate::Supplies,
        project,
        "supply.supplied-facility",
        0.6,
        Attrs::default(),
    );
}

/// A firm's goods in a relative clause that equips or powers a project:
/// "l'architecture Helix d'⟨O1⟩, qui équipe ⟨J2⟩", "⟨O1⟩'s servers, which
/// power ⟨J2⟩", or the facility told of ("..., which will power the campus").
static EQUIPS: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?P<org>⟨O\d+⟩)(?:'s?)?(?: [\w-]+){0,3}?,? (?:qui|which|that) (?:equipe|equipera|equiperont|equipent|alimente|alimentera|alimentent|propulse|propulsera|powers?|will power|equips?|will equip|runs?|will run) (?:le |la |l'|les |the )?(?:(?P<proj>⟨J\d+⟩)|(?:nouveau |nouvelle |new |future? )?(?:supercalculateur|supercomputer|superordinateur|campus|centre|center|centres|centers|data cent(?:er|re)s?|site|facility|installation)(?-u:\b))")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Supplies told by [`EQUIPS`]: the goods' maker supplies the project named,
/// else the one told of before.
pub(super) fn equipping_goods(st: &mut DocState, t: &Template, i: usize) {
    for c in EQUIPS.captures_iter(&t.text) {
        let Some(k) = t.slot(c.name("org")) else {
            continue;
        };
        let supplier = t.entity(k);
        if st.entities[supplier].kind != EntityType::Organization {
            continue;
        }
        let named = t.slot(c.name("proj")).map(|k| t.entity(k));
        let Some(project) = named.or(st.last_project).filter(|&p| p != supplier) else {
            continue;
        };
        st.add_fact(
            i,
            supplier,
            Predicate::Supplies,
            project,
            "supply.equips",
            0.6,
            Attrs::default(),
        );
    }
}

/// "Nvidia will deploy its AI technology at data centers owned by Ooredoo
/// across five Middle Eastern countries": what a firm installs in another
/// firm's facilities it supplies, and the owner invests in them where the
/// sentence places them (else in the project told of before).
pub(super) fn deployed_at_owned(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let Some((whole, owner)) = affirmed_slot(st, t, &DEPLOYED_AT_OWNED, "owner") else {
        return;
    };
    let suppliers: Vec<usize> = subjects_before(st, rules, t, whole.start)
        .into_iter()
        .filter(|&e| e != owner && st.entities[e].kind == EntityType::Organization)
        .collect();
    if suppliers.is_empty() || st.entities[owner].kind != EntityType::Organization {
        return;
    }
    // the places right after the owner ("across five Middle Eastern
    // countries", "in Qatar, Oman and Kuwait")
    let places: Vec<usize> = t
        .list_from(whole.end, "CLD", Some(&PLACED_AT), rules)
        .into_iter()
        .map(|k| t.entity(k))
        .collect();
    let project = if places.is_empty() {
        let Some(p) = st.last_project else {
            return;
        };
        p
    } else {
        owners_project(st, owner, &places, i)
    };
    for s in suppliers {
        st.add_fact(
            i,
            s,
            Predicate::Supplies,
            project,
            "supply.deployed-at",
            0.6,
            Attrs::default(),
        );
    }
}

/// An installing verb, the subject's own goods, and facilities another
/// firm owns: "deploy its AI technology at data centers owned by ⟨O4⟩",
/// "installer ses serveurs dans les centres de données exploités par ⟨O4⟩".
static DEPLOYED_AT_OWNED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:deploy\w*|implement\w*|install\w*|roll(?:s|ed|ing)? out|deploie\w*|deployer\w*|installe\w*|implante\w*) (?:its|their|ses|son|sa|leur|leurs) (?:[\w'-]+ ){0,6}?(?:at|in|into|across|dans|au sein des?|sur) (?:the |les |des |le |la |l')?(?:[\w'-]+ ){0,2}?(?:data cent(?:er|re)s?|datacent(?:er|re)s?|centres? de donnees|facilit(?:y|ies)|sites?|campus(?:es)?|infrastructures?) (?:[\w'-]+ ){0,2}?(?:owned|operated|run|detenue?s?|exploitee?s?|geree?s?) (?:by|par) (?:the |le |la |l')?(?:(?:[\w'-]+|⟨D\d+⟩) ){0,3}?(?P<owner>⟨O\d+⟩)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "X selected AMD as the chip supplier for its data centres in Vietnam",
/// "X a choisi AMD comme fournisseur": the firm chosen supplies the
/// chooser's project where the sentence places it, else the project told
/// of if the chooser invests in it, else the chooser.
pub(super) fn chosen_supplier(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let Some((whole, supplier)) = affirmed_slot(st, t, &CHOSEN_SUPPLIER, "sup") else {
        return;
    };
    let Some(&buyer) = subjects_before(st, rules, t, whole.start)
        .iter()
        .find(|&&e| e != supplier && st.entities[e].kind == EntityType::Organization)
    else {
        return;
    };
    let places: Vec<usize> = t
        .list_from(whole.end, "CLD", Some(&PLACED_AT), rules)
        .into_iter()
        .map(|k| t.entity(k))
        .collect();
    let buyer_name = st.entities[buyer].name.clone();
    let told = st.last_project.filter(|&p| {
        let project = &st.entities[p].name;
        st.triples
            .iter()
            .any(|tr| tr.p == Predicate::InvestsIn && tr.s == buyer_name && &tr.o == project)
    });
    let recipient = if places.is_empty() {
        told.unwrap_or(buyer)
    } else {
        owners_project(st, buyer, &places, i)
    };
    st.add_fact(
        i,
        supplier,
        Predicate::Supplies,
        recipient,
        "supply.chosen",
        0.6,
        Attrs::default(),
    );
}

/// The project of `owner` at `places`, which it invests in.
fn owners_project(st: &mut DocState, owner: usize, places: &[usize], i: usize) -> usize {
    let p = new_project(st, owner, places, i);
    st.add_fact(
        i,
        owner,
        Predicate::InvestsIn,
        p,
        "invest.owned-by",
        0.6,
        Attrs::default(),
    );
    p
}

/// A choosing verb, the firm chosen and its role as a supplier (folded):
/// "selected ⟨O2⟩ as the chip supplier", "a retenu ⟨O2⟩ comme fournisseur".
static CHOSEN_SUPPLIER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r"(?-u:\b)(?:selected|selects|select|chose|chosen|chooses|picked|picks|tapped|taps|choisi|choisit|choisira|retenu|retient|selectionne|selectionnera) (?:the |le |la |l')?(?P<sup>⟨O\d+⟩) (?:as|comme) (?:its |their |the |a |an |son |sa |ses |le |la |l'|un |une )?(?:[\w-]+ ){{0,3}}?(?:suppliers?|providers?|vendors?|fournisseurs?)(?:(?: [\w'-]+){{0,3}}? (?:for|pour) (?:its|their|the|ses|son|sa|leurs?|le|la|les) (?:[\w-]+ ){{0,3}}?(?:{FACILITY_NOUNS}))?"))
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// What stands between the owner and a place of its facilities: "in",
/// "across five", "dans les".
static PLACED_AT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:[^⟨]*?)(?:in|across|throughout|en|au|aux|dans|a travers) (?:the |le |la |les |l')?(?:[\w-]+ )?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "Entergy as the utility partner": the utility supplies the project told
/// of before, else the one last invested in.
pub(super) fn utility_partner(st: &mut DocState, t: &Template, i: usize) {
    let Some(k) = UTILITY_PARTNER
        .captures(&t.text)
        .and_then(|c| t.slot(c.name("org").or(c.name("org2"))))
    else {
        return;
    };
    let invested = || {
        st.triples
            .iter()
            .rev()
            .filter(|tr| tr.p == Predicate::InvestsIn)
            .filter_map(|tr| st.entity_named(&tr.o))
            .find(|&o| st.entities[o].kind == EntityType::Project)
    };
    let utility = t.entity(k);
    let Some(project) = st.last_project.or_else(invested) else {
        return;
    };
    if st.entities[utility].kind == EntityType::Organization {
        st.add_fact(
            i,
            utility,
            Predicate::Supplies,
            project,
            "supply.utility",
            0.6,
            Attrs::default(),
        );
    }
}

/// "Constellation Energy a annoncé la signature avec Meta d'un contrat
/// d'achat d'électricité (PPA) ... de sa centrale de Clinton (Illinois)":
/// the seller, the subject that sells from its own plant (or names power
/// in its own name), supplies the buyer's operations where the sentence
/// places them; a buyer that signs with a utility ("a PPA with utility
/// Norvolt Energy") is supplied by it.
pub(super) fn power_purchase(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let Some(m) = PPA.find(&t.text) else {
        return;
    };
    if clause_is_negated(st, t, m.start(), m.end()) {
        return;
    }
    let (Some(&subject), Some(object)) = (
        subjects_before(st, rules, t, m.start()).first(),
        super::partners::with_objects(st, rules, t, 0)
            .first()
            .copied(),
    ) else {
        return;
    };
    let firms = [subject, object]
        .iter()
        .all(|&e| st.entities[e].kind == EntityType::Organization);
    let power_named = |e: usize| POWER_NAME.is_match(&crate::text::fold_str(&st.entities[e].name));
    // the subject sells from its own plant or by its name; else the buyer
    // signed with a utility ("has signed a PPA with utility Norvolt Energy")
    let (seller, buyer) = if OWN_PLANT.is_match(&t.text[m.end()..]) || power_named(subject) {
        (subject, object)
    } else if power_named(object) || UTILITY_WITH.is_match(&t.text[m.end()..]) {
        (object, subject)
    } else {
        return;
    };
    if !firms || seller == buyer {
        return;
    }
    let places: Vec<usize> = t
        .slots_after(m.end(), t.text.len(), "CL")
        .into_iter()
        // "⟨C⟩'s state utility" tells the seller's country, not where
        .filter(|&k| !t.text[t.slots[k].1..].starts_with("'s "))
        .map(|k| t.entity(k))
        .collect();
    let project = if places.is_empty() {
        // no place: the buyer's project told of before ("... to the site")
        let owned = st.objects_of(buyer, Predicate::InvestsIn);
        match st.last_project.filter(|p| owned.contains(p)) {
            Some(p) => p,
            None => return,
        }
    } else {
        new_project(st, buyer, &places, i)
    };
    st.add_fact(
        i,
        seller,
        Predicate::Supplies,
        project,
        "supply.power-purchase",
        0.6,
        Attrs::default(),
    );
}

/// A sentence's opening on goods told of before, up to the goods word
/// (folded): "The ", "Ces nouvelles ".
static GOODS_TOLD: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:the|these|those|such|les|ces|their|its|leurs|ses)(?: [\w-]+)? ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The seller's own plant after the agreement: "de sa centrale", "from its plant".
static OWN_PLANT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:sa|ses|son|its|their|leur|leurs) (?:[\w-]+ ){0,2}?(?:centrales?|parcs?|plants?|stations?|reacteurs?|reactors?|farms?|fleet)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The partner of the agreement told as a utility: "with utility ⟨O⟩",
/// "avec l'énergéticien ⟨O⟩", "with power company ⟨O⟩", "with ⟨O⟩,
/// ⟨C⟩'s state utility" (folded).
static UTILITY_WITH: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r"(?-u:\b)(?:with|avec) (?:the |l'|le |la )?(?:(?:[\w-]+ )?(?:{UTILITY}) ⟨O\d+⟩|⟨O\d+⟩, (?:(?:[\w'-]+|⟨[CD]\d+⟩'?s?) ){{0,4}}?(?:{UTILITY})(?-u:\b))"))
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Nouns of a firm that sells power (folded).
const UTILITY: &str = "utility|energeticien|electricien|fournisseur d'electricite|power company|power producer|electricity provider|producteur d'electricite";

/// A firm whose name says it sells power: "Constellation Energy", "X Power".
static POWER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"(?-u:\b)(?:energy|energie|power|electric|electricite|utilities|renewables)(?-u:\b)",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A power purchase agreement, in either language.
static PPA: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:ppas?|power purchase agreements?|contrats? d'achat d'electricite|accords? d'achat d'electricite|contrats? d'achat d'energie)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A firm named as the power supplier of the project: "Entergy as the
/// utility partner", "EDF comme fournisseur d'électricité".
static UTILITY_PARTNER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?P<org>⟨O\d+⟩),? (?:as|comme) (?:the |its |le |son )?(?:utility|power|energy|electricity) (?:partner|provider|supplier)|(?P<org2>⟨O\d+⟩),? (?:comme|en tant que) (?:le |son )?(?:fournisseur|partenaire) (?:d'electricite|d'energie|electrique|energetique)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});
