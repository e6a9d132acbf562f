//! Pair candidates: every (actor, country) an article could say invests in
//! or supplies, with the named features of each sentence that supports it.
//! The rules propose; [`super::decide`] keeps the pairs the learned weights
//! score above their threshold. Every feature name is listed here, so a
//! weight in `data/weights.ron` traces back to the line that fires it.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::folded_regex;
use super::relations::{self, Template};
use super::values::ValueKind;
use super::{DocState, How};
use crate::model::{EntityType, Predicate};

/// What a pair would mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Task {
    /// The subject invests in the country (through a project or place).
    Invest,
    /// The subject supplies goods to a project or buyer in the country.
    Supply,
}

impl Task {
    /// Both tasks, in the order weights are written.
    pub const ALL: [Task; 2] = [Task::Invest, Task::Supply];

    /// The predicate a kept pair becomes.
    pub fn predicate(self) -> Predicate {
        match self {
            Task::Invest => Predicate::InvestsIn,
            Task::Supply => Predicate::Supplies,
        }
    }
}

/// Named features of a candidate: name to value (mostly 0/1).
pub type Features = BTreeMap<&'static str, f64>;

/// One sentence that puts a subject and a place together.
#[derive(Debug, Clone)]
pub(crate) struct Support {
    /// Sentence index.
    pub sentence: usize,
    /// The place or country entity the sentence names (or the implied one).
    pub place: usize,
    /// The nearest trigger's template offset, for attaching values.
    pub trigger: usize,
    /// This sentence's own features.
    pub features: Features,
}

/// A (subject, country) pair with its supports and document features.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// What the pair would mean.
    pub task: Task,
    /// The investing or supplying entity.
    pub subject: usize,
    /// The country entity.
    pub country: usize,
    /// Every sentence that supports the pair.
    pub supports: Vec<Support>,
    /// Features of the whole pair in the document.
    pub features: Features,
}

impl Candidate {
    /// The features of one support: its sentence's, plus the document's.
    pub fn instance(&self, sup: &Support) -> Features {
        self.merged(sup).collect()
    }

    /// [`Candidate::instance`] in name order without building it: the
    /// document's value wins where both name a feature.
    pub fn merged<'a>(
        &'a self,
        sup: &'a Support,
    ) -> impl Iterator<Item = (&'static str, f64)> + 'a {
        let mut own = sup.features.iter().peekable();
        let mut doc = self.features.iter().peekable();
        std::iter::from_fn(move || {
            let next = match (own.peek(), doc.peek()) {
                (Some((a, _)), Some((b, _))) => a.cmp(b),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => return None,
            };
            let (&k, &v) = match next {
                std::cmp::Ordering::Less => own.next()?,
                std::cmp::Ordering::Greater => doc.next()?,
                std::cmp::Ordering::Equal => {
                    own.next();
                    doc.next()?
                }
            };
            Some((k, v))
        })
    }

    /// Every support's features, in support order.
    pub fn instances(&self) -> Vec<Features> {
        self.supports.iter().map(|s| self.instance(s)).collect()
    }

    /// The support that scores highest under `score` (given each support's
    /// features in name order, as [`Candidate::merged`]), and that score.
    pub fn best(
        &self,
        score: impl Fn(&mut dyn Iterator<Item = (&'static str, f64)>) -> f64,
    ) -> (&Support, f64) {
        let mut best = (&self.supports[0], f64::NEG_INFINITY);
        for s in &self.supports {
            let v = score(&mut self.merged(s));
            if v > best.1 {
                best = (s, v);
            }
        }
        best
    }
}

/// Every feature name a candidate can carry, per task prefix-free: the
/// weights file is keyed by these.
pub const FEATURES: &[&str] = &[
    "trig.invest",
    "trig.build",
    "trig.host",
    "trig.facility_amount",
    "trig.supply",
    "trig.receive",
    "trig.goods",
    "trig.powered",
    "trig.facility",
    "s.subject",
    "s.before",
    "s.after",
    "s.agent",
    "s.after_prep",
    "s.goods_of",
    "s.near",
    "s.far",
    "s.anaphor",
    "s.short",
    "s.known",
    "s.reported",
    "s.country",
    "s.implicit",
    "p.after",
    "p.before",
    "p.in",
    "p.from",
    "p.out",
    "p.place",
    "p.implicit",
    "p.previous",
    "sent.amount",
    "sent.quantity",
    "sent.headline",
    "sent.negated",
    "sent.many_places",
    "sent.many_orgs",
    "rule.sentence",
    "doc.rule",
    "doc.rule_other",
    "doc.topic",
    "doc.main_country",
    "doc.home",
    "doc.only_country",
    "doc.sentences2",
    "doc.sentences3",
    "doc.mentions2",
    "doc.mentions4",
    "doc.subject_once",
    "doc.invest_country",
    "doc.maker",
    "doc.rule_region",
];

static IN_PREP: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|\W)(?:in|en|au|aux|a|dans|across|throughout|at|to|into|vers|pour|for|sur|on)(?: (?:the|le|la|les|l'))? ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});
static FROM_PREP: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r"(?:^|\W)(?:from|based in|headquartered in|originaire d[eu']?|base[e]? (?:a|au|en|aux)|venu[e]?s? d[eu']?|{} (?:a|au|en|aux|dans))(?: (?:the|le|la|les|l'))? ?$", relations::SEAT_PHRASE))
        .unwrap_or_else(|e| unreachable!("{e}"))
});
static OUT_PREP: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|\W)(?:outside|beyond|except|excluding|hors|en dehors|au dela|other than|apart from|besides|as well as|after|like|comme|apres|than|que)(?: (?:of|de|d'|du|des|the|le|la|les|l'))? ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});
static PREPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|\W)(?:with|avec|de|du|des|d'|of|between|entre|and|et|aupres de|alongside)(?: (?:the|le|la|les|l'))? ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});
static AGENT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|\W)(?:by|par)(?: (?:the|le|la|les|l'))? ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:que|qu'|that|said|says|selon|according to|a declare|a indique|a annonce|announced|told)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});
static POWERED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:powered by|power(?:ed)? with|running on|runs on|run on|equipped with|equipe(?:e|s|es)? (?:de|d'|avec)|alimente(?:e|s|es)? par|dote(?:e|s|es)? de|fonctionn\w* (?:avec|sur)|will (?:use|house|host|deploy|feature|run)|featuring|utilisera|utiliser|abritera|disposera d[e']|integrera|using)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});
static GOODS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:'s|')? (?:[\w-]+ ){0,3}?(?:chips?|gpus?|lpus?|tpus?|puces?|superpuces?|processors?|processeurs?|semiconductors?|accelerators?|accelerateurs?|servers?|serveurs?|superchips?|systems?|systemes?|racks?|technology|hardware|turbines?|reactors?|reacteurs?)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});
static GOODS_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:chips?|gpus?|lpus?|tpus?|puces?|processors?|processeurs?|semiconductors?|semi conducteurs?|accelerators?|accelerateurs?|servers?|serveurs?|superpuces?|systems?|systemes?|racks?|turbines?|reactors?|reacteurs?)(?: [\w-]+){0,2} (?:de|d'|du|from|by|of|made by|fournies par|fournis par|supplied by|conçues par|concues par|developed by|designed by|built by|developpees par|developpes par|fabriquees par|fabriques par) (?:the |le |la |l')?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A firm described by what it makes or sells: "le fabricant de puces X",
/// "chipmaker X", "X, a supplier of", "X, l'equipementier".
static MAKER_CUE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:chip ?makers?|chip designers?|makers?|manufacturers?|suppliers?|vendors?|providers?|fabricants?|fournisseurs?|constructeurs?|equipementiers?|fondeurs?)(?: (?:de|d'|of) (?:[\w-]+ ){0,2}?[\w-]+)?,? (?:the |le |la |l')?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The entities the article describes, anywhere, as making or selling goods:
/// a goods word next to the name ("X's chips", "les puces de X"), or a
/// maker's title before it.
fn makers(st: &DocState) -> Vec<usize> {
    let mut out = Vec::new();
    for t in st.templates.iter().flatten() {
        for (k, &(a, b, kind)) in t.slots.iter().enumerate() {
            if kind != 'O' {
                continue;
            }
            // the cues sit within a few words: never scan the whole sentence
            let mut from = a.saturating_sub(80);
            while !t.text.is_char_boundary(from) {
                from += 1;
            }
            let before = &t.text[from..a];
            if GOODS_AFTER.is_match(&t.text[b..])
                || GOODS_BEFORE.is_match(before)
                || MAKER_CUE.is_match(before)
            {
                out.push(t.entity(k));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Bytes of template text between two offsets, in words.
fn words_between(text: &str, a: usize, b: usize) -> usize {
    let (a, b) = (a.min(b), a.max(b));
    text.get(a..b).map_or(0, |s| s.split_whitespace().count())
}

static FRONTED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:le |la |l'|on |in |at |a |au |en |lors |during |en marge |on the sidelines |speaking |s'exprimant |(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?-u:\b))")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Where a fronted circumstantial ("Le 22 septembre à Paris, ...", "At a
/// forum in Riyadh, ...") ends: the first comma; 0 when the sentence has none.
fn fronted_frame(text: &str) -> usize {
    if !FRONTED.is_match(text) {
        return 0;
    }
    text.find(", ").map_or(0, |c| c + 1)
}

/// The entity's countries: itself, or up its `located_in` chain.
pub(crate) fn countries_of(st: &DocState, e: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut todo = vec![e];
    let mut seen = vec![e];
    while let Some(x) = todo.pop() {
        if st.entities[x].kind == EntityType::Country {
            if !out.contains(&x) {
                out.push(x);
            }
            continue;
        }
        if let Some(g) = st.entities[x].gaz {
            if let Some(c) = st.ex.gaz.country_of(g) {
                let name = &st.ex.gaz.entry(c).name;
                if let Some(ce) = st.entity_named(name) {
                    if !out.contains(&ce) {
                        out.push(ce);
                    }
                    continue;
                }
            }
        }
        let name = &st.entities[x].name;
        for t in st
            .triples
            .iter()
            .filter(|t| t.p == Predicate::LocatedIn && &t.s == name)
        {
            if let Some(up) = st.entity_named(&t.o) {
                if !seen.contains(&up) {
                    seen.push(up);
                    todo.push(up);
                }
            }
        }
    }
    out
}

/// (subject, country) pairs the rules already derived for `p`.
pub(crate) fn rule_pairs(st: &DocState, p: Predicate) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (k, t) in st.triples.iter().enumerate() {
        if t.p != p {
            continue;
        }
        let (Some(s), Some(o)) = (st.entity_named(&t.s), st.entity_named(&t.o)) else {
            continue;
        };
        for c in countries_of(st, o) {
            if c != s {
                out.push((k, s, c));
            }
        }
    }
    out
}

/// The triggers of `task` in a template: (start, end, feature).
fn triggers(
    st: &DocState,
    t: &Template,
    i: usize,
    task: Task,
) -> Vec<(usize, usize, &'static str)> {
    let lex = &st.ex.lex;
    let text = &t.text;
    let mut out = Vec::new();
    let mut push = |re: &Regex, name: &'static str, need_facility: bool| {
        for m in re.find_iter(text) {
            if need_facility && !relations::facility_follows(lex, &text[m.start()..]) {
                continue;
            }
            out.push((m.start(), m.end(), name));
        }
    };
    match task {
        Task::Invest => {
            // the investment rules found these already
            for tr in &st.invest_triggers[i] {
                let name = match (tr.host, tr.build) {
                    (true, _) => "trig.host",
                    (false, true) => "trig.build",
                    (false, false) => "trig.invest",
                };
                out.push((tr.start, tr.end, name));
            }
        }
        Task::Supply => {
            push(&lex.supply, "trig.supply", false);
            push(&lex.receive, "trig.receive", false);
            push(&POWERED, "trig.powered", false);
            push(&lex.goods, "trig.goods", false);
        }
    }
    if out.is_empty() && task == Task::Invest {
        if let Some(m) = lex.facility.find(text) {
            out.push((m.start(), m.end(), "trig.facility"));
        }
    }
    if task == Task::Invest && out.iter().all(|o| o.2 == "trig.facility") {
        let has_amount = st.sentences[i]
            .values
            .iter()
            .any(|v| matches!(v.kind, ValueKind::Amount(_)));
        if has_amount {
            if let Some(m) = lex.facility.find(text) {
                out.retain(|o| o.2 != "trig.facility");
                out.push((m.start(), m.end(), "trig.facility_amount"));
            }
        }
    }
    out.sort_unstable();
    out
}

/// Collects the candidates of every task from a document whose rules have run.
pub(crate) fn collect(st: &DocState) -> Vec<Candidate> {
    let mut by_pair: BTreeMap<(Task, usize, usize), Vec<Support>> = BTreeMap::new();
    let main_country = st.main_country();
    let mut previous_places: Vec<usize> = Vec::new();
    for i in 0..st.sentences.len() {
        // the rules built it; none means no names, or page furniture
        let Some(t) = st.templates[i].as_ref() else {
            continue;
        };
        let places: Vec<usize> = (0..t.slots.len())
            .filter(|&k| "CL".contains(t.slots[k].2))
            .collect();
        for task in Task::ALL {
            let trig = triggers(st, t, i, task);
            if trig.is_empty() {
                continue;
            }
            sentence_candidates(
                st,
                t,
                i,
                task,
                &trig,
                &places,
                &previous_places,
                main_country,
                &mut by_pair,
            );
        }
        // "cet investissement" refers back to the places of the last
        // sentence that told of a deal, not of any sentence
        let told_of_deal = !st.invest_triggers[i].is_empty();
        let here: Vec<usize> = places.iter().map(|&k| t.entity(k)).collect();
        if told_of_deal && !here.is_empty() {
            previous_places = here;
        }
    }
    let mut out = Vec::new();
    let rule_sets: HashMap<Task, Vec<(usize, usize, usize)>> = Task::ALL
        .iter()
        .map(|&task| (task, rule_pairs(st, task.predicate())))
        .collect();
    let topic = st.topic_org(usize::MAX);
    let makers = makers(st);
    let invest_countries: Vec<usize> = rule_sets[&Task::Invest]
        .iter()
        .map(|&(_, _, c)| c)
        .collect();
    let n_countries = st
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Country && e.named)
        .count();
    // pairs the rules derived but no sentence proposed still get a vote
    for (&task, pairs) in &rule_sets {
        for &(_, s, c) in pairs {
            by_pair.entry((task, s, c)).or_insert_with(|| {
                let i = rule_sentence(st, task, s).unwrap_or(0);
                vec![Support {
                    sentence: i,
                    place: c,
                    trigger: 0,
                    features: Features::new(),
                }]
            });
        }
    }
    for ((task, s, c), supports) in by_pair {
        let mut features = Features::new();
        let rules = &rule_sets[&task];
        // a pair the rules state is kept as it is: the flag tells training
        if rules.iter().any(|&(_, rs, rc)| rs == s && rc == c) {
            features.insert("doc.rule", 1.0);
        } else if rules.iter().any(|&(_, rs, _)| rs == s) {
            features.insert("doc.rule_other", 1.0);
        }
        if topic == Some(s) {
            features.insert("doc.topic", 1.0);
        }
        if main_country == Some(c) {
            features.insert("doc.main_country", 1.0);
        }
        if n_countries <= 1 {
            features.insert("doc.only_country", 1.0);
        }
        if home_of(st, s) == Some(c) {
            features.insert("doc.home", 1.0);
        }
        // where the article's money goes is where the goods go
        if task == Task::Supply && invest_countries.contains(&c) {
            features.insert("doc.invest_country", 1.0);
        }
        let in_rule_region = st.entities[c].gaz.is_some_and(|g| {
            let regions = &st.ex.gaz.entry(g).regions;
            rule_regions(st, task, s)
                .iter()
                .any(|r| regions.contains(r))
        });
        if in_rule_region {
            features.insert("doc.rule_region", 1.0);
        }
        if makers.binary_search(&s).is_ok() {
            features.insert("doc.maker", 1.0);
        }
        let sentences = {
            let mut v: Vec<usize> = supports.iter().map(|x| x.sentence).collect();
            v.dedup();
            v.len()
        };
        if sentences >= 2 {
            features.insert("doc.sentences2", 1.0);
        }
        if sentences >= 3 {
            features.insert("doc.sentences3", 1.0);
        }
        let mentions = st.mentions.iter().filter(|m| m.entity == s).count();
        if mentions >= 2 {
            features.insert("doc.mentions2", 1.0);
        }
        if mentions >= 4 {
            features.insert("doc.mentions4", 1.0);
        }
        if mentions <= 1 {
            features.insert("doc.subject_once", 1.0);
        }
        out.push(Candidate {
            task,
            subject: s,
            country: c,
            supports,
            features,
        });
    }
    out
}

/// The gazetteer regions (continents, "Gulf", "EMEA"...) where the rules put
/// a project of `s` for the task's predicate: "X will invest in Europe" with
/// the countries named elsewhere.
fn rule_regions(st: &DocState, task: Task, s: usize) -> Vec<usize> {
    let name = &st.entities[s].name;
    let mut out = Vec::new();
    for t in st
        .triples
        .iter()
        .filter(|t| t.p == task.predicate() && &t.s == name)
    {
        let mut places = vec![&t.o];
        places.extend(
            st.triples
                .iter()
                .filter(|l| l.p == Predicate::LocatedIn && l.s == t.o)
                .map(|l| &l.o),
        );
        for p in places {
            if let Some(g) = st.entity_named(p).and_then(|e| st.entities[e].gaz) {
                out.push(g);
            }
        }
    }
    out
}

/// The first sentence where a rule made `s` the subject of the task's predicate.
fn rule_sentence(st: &DocState, task: Task, s: usize) -> Option<usize> {
    let name = &st.entities[s].name;
    st.triples
        .iter()
        .zip(&st.triple_sentence)
        .find(|(t, _)| t.p == task.predicate() && &t.s == name)
        .map(|(_, &i)| i)
}

/// The country an organisation is from: a rule's `headquartered_in`, or the gazetteer's seat.
fn home_of(st: &DocState, s: usize) -> Option<usize> {
    let name = &st.entities[s].name;
    let from_rule = st
        .triples
        .iter()
        .find(|t| t.p == Predicate::HeadquarteredIn && &t.s == name)
        .and_then(|t| st.entity_named(&t.o))
        .and_then(|o| countries_of(st, o).first().copied());
    from_rule.or_else(|| {
        let seat = st.ex.gaz.entry(st.entities[s].gaz?).seat?;
        let c = st.ex.gaz.country_of(seat)?;
        st.entity_named(&st.ex.gaz.entry(c).name)
    })
}

/// Supports from one sentence for one task.
#[allow(clippy::too_many_arguments)]
fn sentence_candidates(
    st: &DocState,
    t: &Template,
    i: usize,
    task: Task,
    trig: &[(usize, usize, &'static str)],
    places: &[usize],
    previous_places: &[usize],
    main_country: Option<usize>,
    out: &mut BTreeMap<(Task, usize, usize), Vec<Support>>,
) {
    let text = &t.text;
    let values = &st.sentences[i].values;
    let mut common = Features::new();
    for &(_, _, name) in trig {
        common.insert(name, 1.0);
    }
    if values
        .iter()
        .any(|v| matches!(v.kind, ValueKind::Amount(_)))
    {
        common.insert("sent.amount", 1.0);
    }
    if values
        .iter()
        .any(|v| matches!(v.kind, ValueKind::Quantity(_)))
    {
        common.insert("sent.quantity", 1.0);
    }
    if i == 0 {
        common.insert("sent.headline", 1.0);
    }
    if places.len() > 2 {
        common.insert("sent.many_places", 1.0);
    }
    let orgs = (0..t.slots.len()).filter(|&k| t.slots[k].2 == 'O').count();
    if orgs > 2 {
        common.insert("sent.many_orgs", 1.0);
    }
    let trigger_subjects: Vec<usize> = trig
        .iter()
        .flat_map(|&(a, _, _)| relations::subjects_before(st, &st.ex.rules, t, a))
        .collect();
    let subjects: Vec<(Option<usize>, usize)> = (0..t.slots.len())
        .filter(|&k| {
            t.slots[k].2 == 'O' || (t.slots[k].2 == 'C' && trigger_subjects.contains(&t.entity(k)))
        })
        .map(|k| (Some(k), t.entity(k)))
        .chain(
            (orgs == 0)
                .then(|| st.topic_org(st.sentences[i].span.start))
                .flatten()
                .map(|e| (None, e)),
        )
        .collect();
    let rule_subjects: Vec<usize> = st
        .sentence_facts(i, task.predicate())
        .filter_map(|tr| st.entity_named(&tr.s))
        .collect();
    for &(slot, s) in &subjects {
        // "(Bloomberg) --", "told Reuters": the source reports the deal
        if st.ex.lex.is_news_agency(&st.entities[s].name) {
            continue;
        }
        // an implied subject stands before the sentence
        let (s_start, s_end) = slot.map_or((0, 0), |k| (t.slots[k].0, t.slots[k].1));
        // the trigger nearest the subject, preferring one after it
        let &(tr_start, tr_end, _) = trig
            .iter()
            .find(|&&(a, _, _)| a >= s_end)
            .unwrap_or(&trig[trig.len() - 1]);
        let mut f = common.clone();
        if relations::clause_is_negated(st, t, tr_start, tr_end) {
            f.insert("sent.negated", 1.0);
        }
        if s_end <= tr_start {
            f.insert("s.before", 1.0);
            if REPORTED.is_match(&text[s_end..tr_start]) {
                f.insert("s.reported", 1.0);
            }
        } else {
            f.insert("s.after", 1.0);
            if AGENT.is_match(&text[..s_start]) {
                f.insert("s.agent", 1.0);
            }
        }
        if PREPOSITION.is_match(&text[..s_start]) {
            f.insert("s.after_prep", 1.0);
        }
        let gap = if s_end <= tr_start {
            words_between(text, s_end, tr_start)
        } else {
            words_between(text, tr_end, s_start)
        };
        f.insert(if gap <= 3 { "s.near" } else { "s.far" }, 1.0);
        let goods_of = slot.is_some()
            && (GOODS_AFTER.is_match(&text[s_end..]) || GOODS_BEFORE.is_match(&text[..s_start]));
        if goods_of {
            f.insert("s.goods_of", 1.0);
        }
        // goods words alone say what, not who: without a verb, only the
        // firm whose goods they are ("Nvidia GB300 GPUs") is a candidate
        if task == Task::Supply && !goods_of && trig.iter().all(|o| o.2 == "trig.goods") {
            continue;
        }
        f.insert(
            match slot.map(|k| t.mentions[k].how) {
                None => "s.implicit",
                Some(How::Anaphor) => "s.anaphor",
                Some(How::Short) => "s.short",
                Some(_) => "s.known",
            },
            1.0,
        );
        if st.entities[s].kind == EntityType::Country {
            f.insert("s.country", 1.0);
        }
        if rule_subjects.contains(&s) {
            f.insert("rule.sentence", 1.0);
        }
        if s_end <= tr_start
            && relations::subjects_before(st, &st.ex.rules, t, tr_start).contains(&s)
        {
            f.insert("s.subject", 1.0);
        }
        let mut any_place = false;
        let frame_end = fronted_frame(text);
        // "in Qatar, Algeria and Oman": a place listed after another takes
        // the preposition that introduced the list
        let mut list_preps: Vec<&'static str> = Vec::new();
        let mut last_end = usize::MAX;
        for &p in places {
            let p_start = t.slots[p].0;
            let listed =
                last_end <= p_start && relations::LIST_SEP.is_match(&text[last_end..p_start]);
            last_end = t.slots[p].1;
            if !listed {
                list_preps.clear();
                let before = &text[..p_start];
                if relations::is_seat_suffix(&text[t.slots[p].1..]) {
                    list_preps.push("p.from");
                }
                for (re, name) in [
                    (&IN_PREP, "p.in"),
                    (&FROM_PREP, "p.from"),
                    (&OUT_PREP, "p.out"),
                ] {
                    if re.is_match(before) {
                        list_preps.push(name);
                    }
                }
            }
            let preps = list_preps.clone();
            let pe = t.entity(p);
            // "Le 22 septembre à New York, X et Y ont signé": where the news
            // happened, not where the money goes
            if pe == s || (t.slots[p].1 <= frame_end && s_start >= frame_end) {
                continue;
            }
            let p_start = t.slots[p].0;
            let mut g = f.clone();
            g.insert(
                if p_start >= tr_end {
                    "p.after"
                } else {
                    "p.before"
                },
                1.0,
            );
            for name in preps {
                g.insert(name, 1.0);
            }
            if t.slots[p].2 == 'L' {
                g.insert("p.place", 1.0);
            }
            for c in countries_of(st, pe) {
                if c == s {
                    continue;
                }
                any_place = true;
                out.entry((task, s, c)).or_default().push(Support {
                    sentence: i,
                    place: pe,
                    trigger: tr_start,
                    features: g.clone(),
                });
            }
        }
        if !any_place {
            let mut implied: Vec<(usize, &'static str)> =
                previous_places.iter().map(|&p| (p, "p.previous")).collect();
            if let Some(c) = main_country {
                implied.push((c, "p.implicit"));
            }
            for (pe, name) in implied {
                for c in countries_of(st, pe) {
                    if c == s {
                        continue;
                    }
                    let mut g = f.clone();
                    g.insert(name, 1.0);
                    out.entry((task, s, c)).or_default().push(Support {
                        sentence: i,
                        place: pe,
                        trigger: tr_start,
                        features: g,
                    });
                }
            }
        }
    }
}
