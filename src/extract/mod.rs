//! Extraction: an article's text in, one [`Document`] of facts out.
//!
//! The stages run in order over each sentence: gazetteer hits and unknown
//! capitalised names become mentions (`mentions`), values are read
//! ([`values`]), then the relation rules (`relations`) run over a template
//! of the sentence in which each mention is a typed slot. Extraction never
//! fails on odd text; it returns what it found and a trace of why.

pub mod decide;
pub mod gazetteer;
pub mod lexicon;
mod mentions;
pub mod pairs;
mod relations;
pub mod values;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt::Write as _;
use std::sync::LazyLock;

use regex::Regex;

use crate::error::DataError;
use crate::model::{
    Amount, Document, Entity, EntityType, Evidence, Lang, Predicate, Quantity, Triple,
};
use crate::text::{self, name_key, Normalized, Sentence};
use gazetteer::Gazetteer;
use lexicon::Lexicon;
use values::Value;

/// The extractor: gazetteer and compiled rules, built once, used for every article.
#[derive(Debug)]
pub struct Extractor {
    gaz: Gazetteer,
    lex: Lexicon,
    rules: relations::Rules,
    weights: decide::Weights,
}

/// A pair candidate as training sees it: names, not document ids.
#[derive(Debug, Clone)]
pub struct TrainingCandidate {
    /// What the pair would mean.
    pub task: pairs::Task,
    /// The subject's name and aliases.
    pub subject: Vec<String>,
    /// The country's name and aliases.
    pub country: Vec<String>,
    /// The features of each sentence that supports the pair; the pair's
    /// probability is the highest of theirs.
    pub instances: Vec<pairs::Features>,
}

/// The result of extracting one article.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The facts, in the interchange shape.
    pub document: Document,
    /// Per sentence: the mentions found and the rules that fired; filled
    /// by [`Extractor::explain`] only, empty from [`Extractor::extract`].
    pub trace: Vec<SentenceTrace>,
}

/// What happened in one sentence, for `extract --explain`.
#[derive(Debug, Clone)]
pub struct SentenceTrace {
    /// The sentence's text.
    pub text: String,
    /// Mentions: surface text, entity name, entity type, how it was found.
    pub mentions: Vec<(String, String, EntityType, &'static str)>,
    /// Values as written in the sentence.
    pub values: Vec<String>,
    /// Values read but dropped as implausible (not finite, or over the bound).
    pub dropped: Vec<String>,
    /// Facts produced here, one line each with the rule's name.
    pub facts: Vec<String>,
}

impl Extractor {
    /// Builds the extractor from the data shipped in `data/`.
    pub fn new() -> Result<Self, DataError> {
        let gaz = Gazetteer::builtin()?;
        let lex = Lexicon::builtin()?;
        let rules = relations::Rules::new(&lex)?;
        let weights = decide::Weights::builtin()?;
        Ok(Extractor {
            gaz,
            lex,
            rules,
            weights,
        })
    }

    /// The same extractor deciding with other weights.
    pub fn with_weights(self, weights: decide::Weights) -> Self {
        Extractor { weights, ..self }
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gaz
    }

    /// Extracts the facts of one article named `doc`.
    pub fn extract(&self, doc: &str, text: &str) -> Extraction {
        self.run(doc, text, false)
    }

    /// Like [`Extractor::extract`], with the per-sentence trace that
    /// `extract --explain` prints.
    pub fn explain(&self, doc: &str, text: &str) -> Extraction {
        self.run(doc, text, true)
    }

    fn run(&self, doc: &str, text: &str, explain: bool) -> Extraction {
        self.with_rules_run(text, |mut st| {
            let candidates = pairs::collect(&st);
            decide::apply(&mut st, &candidates, &self.weights);
            st.finish(doc, explain)
        })
    }

    /// The pair candidates of one article, before any decision: what
    /// `newsgraph train` learns from.
    pub fn candidates(&self, text: &str) -> Vec<TrainingCandidate> {
        self.with_rules_run(text, |st| {
            let names = |e: usize| {
                let ent = &st.entities[e];
                let mut v = vec![ent.name.clone()];
                v.extend(ent.aliases.iter().cloned());
                if let Some(g) = ent.gaz {
                    v.extend(self.gaz.entry(g).aliases.iter().cloned());
                }
                v
            };
            pairs::collect(&st)
                .into_iter()
                .map(|c| TrainingCandidate {
                    task: c.task,
                    subject: names(c.subject),
                    country: names(c.country),
                    instances: c.instances(),
                })
                .collect()
        })
    }

    /// Runs every stage up to the rules on `text`, then hands the state to `f`.
    fn with_rules_run<R>(&self, text: &str, f: impl for<'b> FnOnce(DocState<'b>) -> R) -> R {
        let norm = text::normalize(text);
        let sentences = text::split(norm.as_str());
        // the document's language is the sum of its sentences' evidence
        let counts: Vec<(usize, usize)> = sentences
            .iter()
            .map(|s| lang_counts(s.text(norm.as_str())))
            .collect();
        let total = counts
            .iter()
            .fold((0, 0), |(f, e), &(f2, e2)| (f + f2, e + e2));
        let lang = lang_of(total).unwrap_or(Lang::En);
        let mut st = DocState::new(self, text, &norm, lang);
        st.article_year = article_year(norm.as_str());
        for (s, &c) in sentences.iter().zip(&counts) {
            let slang = lang_of(c).unwrap_or(lang);
            // values first: a capitalised word inside an amount ("Rs 20,000
            // crore") is no name
            let (values, dropped) = values::find_all(s.text(norm.as_str()), slang, st.article_year);
            st.sentences.push(SentenceInfo {
                span: *s,
                values,
                dropped,
                tokens: mentions::tokens(s.text(norm.as_str())),
                folded: text::fold(s.text(norm.as_str())),
            });
        }
        st.recurring = mentions::recurring_names(&st);
        st.numbered = mentions::numbered_names(&st);
        for i in 0..st.sentences.len() {
            mentions::find_names(&mut st, i);
        }
        mentions::find_short_names(&mut st);
        mentions::national_units(&mut st);
        for i in 0..st.sentences.len() {
            mentions::find_anaphors(&mut st, i);
        }
        st.mentions.sort_by_key(|m| (m.start, m.end));
        st.index_mentions();
        st.settled = Some(Settled::of(&mut st));
        st.templates = (0..st.sentences.len()).map(|_| None).collect();
        st.invest_triggers = vec![Vec::new(); st.sentences.len()];
        for i in 0..st.sentences.len() {
            relations::apply(&mut st, &self.rules, i);
        }
        relations::place_chains(&mut st);
        // a unit's deals are its group's before regions reach countries
        relations::unit_parents(&mut st);
        relations::regional_projects(&mut st);
        relations::known_parents(&mut st);
        relations::seats_in_names(&mut st);
        relations::drop_seat_partners(&mut st);
        relations::named_after_parent(&mut st);
        f(st)
    }
}

/// What the article's final mentions settle, computed once: the main
/// country and the running topic organisation.
#[derive(Debug)]
struct Settled {
    main_country: Option<usize>,
    /// (end of an organisation mention, the topic organisation once it is read)
    topics: Vec<(usize, usize)>,
}

impl Settled {
    /// Reads `st`'s mentions, sorted by position.
    fn of(st: &mut DocState) -> Self {
        // an organisation's mentions so far, and its first (the earlier
        // named wins a tie: the headline's firm, not the one quoted last)
        let mut counts: HashMap<usize, (usize, std::cmp::Reverse<usize>)> = HashMap::default();
        let mut best: Option<(usize, (usize, std::cmp::Reverse<usize>))> = None;
        let mut topics = Vec::new();
        for m in &st.mentions {
            // a news agency quoted throughout is the source, not the topic
            if st.entities[m.entity].kind != EntityType::Organization
                || m.how == How::Anaphor
                || st.ex.lex.is_news_agency(&st.entities[m.entity].name)
            {
                continue;
            }
            let c = counts
                .entry(m.entity)
                .or_insert((0, std::cmp::Reverse(m.start)));
            c.0 += 1;
            // only this entity's key grew: the best is it or the old best
            let key = *c;
            if best.is_none_or(|(_, b)| key > b) {
                best = Some((m.entity, key));
            }
            if let Some((e, _)) = best {
                topics.push((m.end, e));
            }
        }
        // each country (a gazetteer entry) by its mentions: two for its
        // name, one for a demonym ("le géant chinois" tells who acts, not
        // where) or a place in it ("à São Paulo et à Rio" is about
        // Brazil); on a tie, the first named
        let mut countries: HashMap<usize, (usize, std::cmp::Reverse<usize>)> = HashMap::default();
        for m in &st.mentions {
            let e = &st.entities[m.entity];
            let weight = match (e.kind, m.how) {
                (EntityType::Country, How::Known | How::Name | How::Short) => 2,
                (EntityType::Country | EntityType::Place, _) => 1,
                _ => continue,
            };
            if let Some(c) = st.country_of(m.entity) {
                let n = countries
                    .entry(c)
                    .or_insert((0, std::cmp::Reverse(m.start)));
                n.0 += weight;
            }
        }
        let main = countries
            .into_iter()
            .max_by_key(|&(_, n)| n)
            .map(|(c, _)| c);
        Settled {
            main_country: main.map(|c| st.known_entity(c)),
            topics,
        }
    }
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum How {
    /// Gazetteer name or alias.
    Known,
    /// Demonym of a country.
    Demonym,
    /// Unknown capitalised name, typed by cues.
    Name,
    /// A surname or acronym of an entity named before.
    Short,
    /// "la firme", "the company", "il".
    Anaphor,
}

impl How {
    fn as_str(self) -> &'static str {
        match self {
            How::Known => "gazetteer",
            How::Demonym => "demonym",
            How::Name => "name",
            How::Short => "short name",
            How::Anaphor => "anaphor",
        }
    }
}

/// A mention: a span of the normalised text that refers to an entity.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    pub how: How,
}

/// An entity of the document being extracted.
#[derive(Debug, Clone)]
pub(crate) struct DocEntity {
    pub name: String,
    pub kind: EntityType,
    pub aliases: BTreeSet<String>,
    pub gaz: Option<usize>,
    /// Mentioned by a name (not only by demonym or anaphor).
    pub named: bool,
}

/// A sentence of the document with its values (read in its own language).
#[derive(Debug, Clone)]
pub(crate) struct SentenceInfo {
    pub span: Sentence,
    pub values: Vec<Value>,
    /// Values read and dropped as implausible, for the trace.
    pub dropped: Vec<Value>,
    /// Its words, split once for every name pass.
    pub tokens: Vec<mentions::Token>,
    /// Its text folded (see [`text::fold`]), once for every pass that reads it.
    pub folded: text::Mapped,
}

/// Extraction state of one document.
pub(crate) struct DocState<'a> {
    pub ex: &'a Extractor,
    pub original: &'a str,
    pub norm: &'a Normalized,
    pub lang: Lang,
    pub article_year: Option<i32>,
    pub sentences: Vec<SentenceInfo>,
    pub entities: Vec<DocEntity>,
    /// Folded name or alias to entity.
    pub keys: HashMap<String, usize>,
    /// Surnames and acronyms of entities named before: key to entity.
    pub short_keys: HashMap<String, usize>,
    pub mentions: Vec<Mention>,
    /// Each mention's index in `mentions` by its start: mentions never
    /// overlap, so lookups by position are range queries, not scans.
    mention_at: BTreeMap<usize, usize>,
    /// Once the mentions are final: the main country, and the topic
    /// organisation after each organisation mention (by its end).
    settled: Option<Settled>,
    pub triples: Vec<Triple>,
    /// Sentence index of each triple, for the trace.
    pub triple_sentence: Vec<usize>,
    /// The project of the last investment sentence.
    pub last_project: Option<usize>,
    /// The places of the last investment sentence.
    pub last_places: Vec<usize>,
    /// The last organisation that supplied something.
    pub last_supplier: Option<usize>,
    /// The last firm that raised money from investors: what "cette somme",
    /// "the proceeds" later name as the spender.
    pub last_raiser: Option<usize>,
    /// Model codes of goods ("gb300") and the maker the article named with
    /// them, so a later sentence that names only the model names its maker.
    pub model_makers: HashMap<String, usize>,
    /// Members of the consortium the article talks about.
    pub consortium: Vec<usize>,
    /// Organisations of the last partnership the article told of.
    pub partners: Vec<usize>,
    /// Single capitalised words the article keeps using as names.
    pub recurring: HashSet<String>,
    /// Capitalised words with a small number after them ("Hut 8") that the
    /// article writes at least twice.
    pub numbered: HashSet<String>,
    /// Each sentence's template, once the rules have read it (none for a
    /// sentence without names or for page furniture).
    templates: Vec<Option<relations::Template>>,
    /// Each sentence's investment triggers, as the rules found them.
    invest_triggers: Vec<Vec<relations::Trigger>>,
    /// National and regional units the names gave ("Microsoft Austria"):
    /// the unit, the firm it belongs to, its country if any, and the
    /// sentence it is first named in.
    pub units: Vec<(usize, usize, Option<usize>, usize)>,
}

impl<'a> DocState<'a> {
    fn new(ex: &'a Extractor, original: &'a str, norm: &'a Normalized, lang: Lang) -> Self {
        DocState {
            ex,
            original,
            norm,
            lang,
            article_year: None,
            sentences: Vec::new(),
            entities: Vec::new(),
            keys: HashMap::default(),
            short_keys: HashMap::default(),
            mentions: Vec::new(),
            mention_at: BTreeMap::new(),
            settled: None,
            triples: Vec::new(),
            triple_sentence: Vec::new(),
            last_project: None,
            last_places: Vec::new(),
            last_supplier: None,
            last_raiser: None,
            model_makers: HashMap::default(),
            consortium: Vec::new(),
            recurring: HashSet::default(),
            numbered: HashSet::default(),
            partners: Vec::new(),
            templates: Vec::new(),
            invest_triggers: Vec::new(),
            units: Vec::new(),
        }
    }

    /// The article's entity for gazetteer entry `entry`, if it has one yet.
    pub fn entity_of_entry(&self, entry: usize) -> Option<usize> {
        self.keys
            .get(&name_key(&self.ex.gaz.entry(entry).name))
            .copied()
    }

    /// The entity for a gazetteer entry, created on first use.
    pub fn known_entity(&mut self, entry: usize) -> usize {
        if let Some(id) = self.entity_of_entry(entry) {
            return id;
        }
        let e = self.ex.gaz.entry(entry);
        let key = name_key(&e.name);
        let id = self.entities.len();
        self.entities.push(DocEntity {
            name: e.name.clone(),
            kind: e.kind,
            aliases: BTreeSet::new(),
            gaz: Some(entry),
            named: false,
        });
        self.keys.insert(key, id);
        id
    }

    /// The gazetteer country a place or country entity lies in.
    pub fn country_of(&self, e: usize) -> Option<usize> {
        self.ex.gaz.country_of(self.entities[e].gaz?)
    }

    /// Whether places `a` and `b` are the same ground: one place, or two in
    /// the same gazetteer country.
    pub fn same_ground(&self, a: usize, b: usize) -> bool {
        a == b
            || self
                .country_of(a)
                .is_some_and(|c| self.country_of(b) == Some(c))
    }

    /// The entity named `name`, created with type `kind` if new.
    pub fn named_entity(&mut self, name: &str, kind: EntityType) -> usize {
        let key = name_key(name);
        if let Some(&id) = self.keys.get(&key).or_else(|| self.short_keys.get(&key)) {
            return id;
        }
        if let Some(entry) = self.ex.gaz.lookup(name) {
            let id = self.known_entity(entry);
            self.add_alias(id, name);
            return id;
        }
        let id = self.entities.len();
        self.entities.push(DocEntity {
            name: name.to_string(),
            kind,
            aliases: BTreeSet::new(),
            gaz: None,
            named: false,
        });
        self.keys.insert(key, id);
        id
    }

    /// Records `alias` as another name of entity `id`.
    pub fn add_alias(&mut self, id: usize, alias: &str) {
        let key = name_key(alias);
        if key != name_key(&self.entities[id].name) {
            self.entities[id].aliases.insert(alias.to_string());
        }
        self.keys.entry(key).or_insert(id);
    }

    /// Adds a mention unless one already covers the span.
    pub fn add_mention(&mut self, start: usize, end: usize, entity: usize, how: How) {
        if self.mention_overlapping(start, end).is_some() {
            return;
        }
        if matches!(how, How::Known | How::Name | How::Short) {
            self.entities[entity].named = true;
            let surface = self.norm.as_str()[start..end].to_string();
            self.add_alias(entity, &surface);
        }
        self.mention_at.insert(start, self.mentions.len());
        self.mentions.push(Mention {
            start,
            end,
            entity,
            how,
        });
    }

    /// Rebuilds the index of mentions by start after `mentions` changed.
    pub fn index_mentions(&mut self) {
        self.mention_at = self
            .mentions
            .iter()
            .enumerate()
            .map(|(k, m)| (m.start, k))
            .collect();
    }

    /// The mention that overlaps bytes `start..end`, if any.
    pub fn mention_overlapping(&self, start: usize, end: usize) -> Option<Mention> {
        // mentions never overlap: only the last one starting before `end` can
        let (_, &k) = self.mention_at.range(..end).next_back()?;
        let m = self.mentions[k];
        (m.end > start).then_some(m)
    }

    /// The mention starting at byte `at`.
    pub fn mention_starting(&self, at: usize) -> Option<Mention> {
        self.mention_at.get(&at).map(|&k| self.mentions[k])
    }

    /// The mention ending at byte `at`.
    pub fn mention_ending(&self, at: usize) -> Option<Mention> {
        let (_, &k) = self.mention_at.range(..at).next_back()?;
        let m = self.mentions[k];
        (m.end == at).then_some(m)
    }

    /// Mentions starting in `from..to`, in text order.
    pub fn mentions_in(
        &self,
        from: usize,
        to: usize,
    ) -> impl DoubleEndedIterator<Item = Mention> + '_ {
        self.mention_at
            .range(from..to)
            .map(|(_, &k)| self.mentions[k])
    }

    /// Mentions inside sentence `i`, in text order.
    pub fn sentence_mentions(&self, i: usize) -> Vec<Mention> {
        let s = self.sentences[i].span;
        self.mentions_in(s.start, s.end)
            .filter(|m| m.end <= s.end)
            .collect()
    }

    /// The evidence of sentence `i`: its span and text in the original article.
    pub fn evidence(&self, i: usize, original: &str) -> Evidence {
        let s = self.sentences[i].span;
        let (start, end) = self.norm.original_range(s.start, s.end);
        Evidence {
            start,
            end,
            text: original.get(start..end).unwrap_or_default().to_string(),
        }
    }

    /// The facts with predicate `p` read from sentence `i`.
    pub fn sentence_facts(&self, i: usize, p: Predicate) -> impl Iterator<Item = &Triple> {
        self.triples
            .iter()
            .zip(&self.triple_sentence)
            .filter(move |(t, &k)| k == i && t.p == p)
            .map(|(t, _)| t)
    }

    /// Whether the document says `s` `p` `o`.
    pub fn has_fact(&self, s: usize, p: Predicate, o: usize) -> bool {
        let (sn, on) = (&self.entities[s].name, &self.entities[o].name);
        self.triples
            .iter()
            .any(|t| t.p == p && &t.s == sn && &t.o == on)
    }

    /// Whether the document places entity `e` somewhere (`located_in`).
    pub fn is_placed(&self, e: usize) -> bool {
        let name = &self.entities[e].name;
        self.triples
            .iter()
            .any(|t| t.p == Predicate::LocatedIn && &t.s == name)
    }

    /// Makes `from` one with `into`: its facts become `into`'s, and its
    /// name finds `into`. `from` leaves the output unless a fact names it.
    pub fn merge_into(&mut self, from: usize, into: usize) {
        let (old, new) = (
            self.entities[from].name.clone(),
            self.entities[into].name.clone(),
        );
        // a fact both held becomes one: the first, with values it lacked
        let triples = std::mem::take(&mut self.triples);
        let sentences = std::mem::take(&mut self.triple_sentence);
        for (mut t, i) in triples.into_iter().zip(sentences) {
            if t.s == old {
                t.s = new.clone();
            }
            if t.o == old {
                t.o = new.clone();
            }
            match self
                .triples
                .iter_mut()
                .find(|k| k.p == t.p && k.s == t.s && k.o == t.o)
            {
                Some(kept) => {
                    kept.amount = kept.amount.take().or(t.amount);
                    kept.quantity = kept.quantity.take().or(t.quantity);
                    kept.year = kept.year.or(t.year);
                }
                None => {
                    self.triples.push(t);
                    self.triple_sentence.push(i);
                }
            }
        }
        self.entities[from].named = false;
        self.keys.insert(name_key(&old), into);
        for m in self.mentions.iter_mut().filter(|m| m.entity == from) {
            m.entity = into;
        }
    }

    /// The entities the document says `e` `p` (the objects of its `p` facts).
    pub fn objects_of(&self, e: usize, p: Predicate) -> Vec<usize> {
        let name = &self.entities[e].name;
        self.triples
            .iter()
            .filter(|t| t.p == p && &t.s == name)
            .filter_map(|t| self.entity_named(&t.o))
            .collect()
    }

    /// The entities the document says `p` `e` (the subjects of its `p` facts).
    pub fn subjects_of(&self, p: Predicate, e: usize) -> Vec<usize> {
        let name = &self.entities[e].name;
        self.triples
            .iter()
            .filter(|t| t.p == p && &t.o == name)
            .filter_map(|t| self.entity_named(&t.s))
            .collect()
    }

    /// The entity a triple's subject or object names.
    pub fn entity_named(&self, name: &str) -> Option<usize> {
        self.keys.get(&name_key(name)).copied()
    }

    /// Records a fact read in sentence `i`.
    #[allow(clippy::too_many_arguments)]
    pub fn add_fact(
        &mut self,
        i: usize,
        s: usize,
        p: Predicate,
        o: usize,
        rule: &'static str,
        confidence: f32,
        attrs: Attrs,
    ) {
        if s == o {
            return;
        }
        let (sn, on) = (self.entities[s].name.clone(), self.entities[o].name.clone());
        let dup = self.triples.iter_mut().find(|t| {
            t.p == p && ((t.s == sn && t.o == on) || (p.is_symmetric() && t.s == on && t.o == sn))
        });
        if let Some(t) = dup {
            // keep the first evidence; fill in values a later sentence adds.
            // A headline often gives the conversion of the amount the body
            // states first: the amount as first written wins
            let converted_before = matches!(
                (&t.amount, &attrs.converted),
                (Some(a), Some(c)) if a.currency == c.currency && rounds_to(a.value, c.value)
            );
            if t.amount.is_none() || converted_before {
                t.amount = attrs.amount;
            }
            if t.quantity.is_none() {
                t.quantity = attrs.quantity;
            }
            if t.year.is_none() {
                t.year = attrs.year;
            }
            return;
        }
        self.triples.push(Triple {
            s: sn,
            p,
            o: on,
            amount: attrs.amount,
            quantity: attrs.quantity,
            year: attrs.year,
            role: attrs.role,
            evidence: None,
            rule: Some(rule.to_string()),
            confidence: Some(confidence),
        });
        self.triple_sentence.push(i);
    }

    /// The country mentioned most in the document, by name or demonym
    /// (known once the mentions are final; relations and pairs run after).
    pub fn main_country(&self) -> Option<usize> {
        self.settled.as_ref()?.main_country
    }

    /// The organisation the article is about so far: the one named most
    /// (not by an anaphor) before byte `before`; on a tie, the last named.
    pub fn topic_org(&self, before: usize) -> Option<usize> {
        let topics = &self.settled.as_ref()?.topics;
        let k = topics.partition_point(|&(end, _)| end <= before);
        k.checked_sub(1).map(|k| topics[k].1)
    }

    fn finish(self, doc: &str, explain: bool) -> Extraction {
        let original = self.original;
        // a fact whose ends have types its predicate does not link (a type
        // may have changed after the fact was read) is not written
        let kind_of: HashMap<&str, EntityType> = self
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind))
            .collect();
        let (kept, kept_sentence): (Vec<Triple>, Vec<usize>) = self
            .triples
            .iter()
            .zip(&self.triple_sentence)
            .filter(
                |(t, _)| match (kind_of.get(t.s.as_str()), kind_of.get(t.o.as_str())) {
                    (Some(&s), Some(&o)) => t.p.admits(s, o),
                    _ => true,
                },
            )
            .map(|(t, &i)| (t.clone(), i))
            .unzip();
        let mut used: BTreeSet<&str> = BTreeSet::new();
        for t in &kept {
            used.insert(&t.s);
            used.insert(&t.o);
        }
        let entities: Vec<Entity> = self
            .entities
            .iter()
            .filter(|e| e.named || used.contains(e.name.as_str()))
            .map(|e| {
                // the gazetteer's other names let the store find it in either language
                let mut aliases = e.aliases.clone();
                if let Some(g) = e.gaz {
                    aliases.extend(self.ex.gaz.entry(g).aliases.iter().cloned());
                }
                Entity {
                    name: e.name.clone(),
                    kind: e.kind,
                    aliases: aliases.into_iter().collect(),
                }
            })
            .collect();
        let mut triples = kept;
        for (t, &i) in triples.iter_mut().zip(&kept_sentence) {
            t.evidence = Some(self.evidence(i, original));
        }
        let trace = if explain {
            self.trace(&triples)
        } else {
            Vec::new()
        };
        Extraction {
            document: Document {
                doc: doc.to_string(),
                lang: self.lang,
                entities,
                triples,
            },
            trace,
        }
    }

    fn trace(&self, triples: &[Triple]) -> Vec<SentenceTrace> {
        let text = self.norm.as_str();
        (0..self.sentences.len())
            .map(|i| {
                let s = &self.sentences[i];
                let sent = s.span.text(text);
                let mentions = self
                    .sentence_mentions(i)
                    .iter()
                    .map(|m| {
                        let e = &self.entities[m.entity];
                        (
                            text[m.start..m.end].to_string(),
                            e.name.clone(),
                            e.kind,
                            m.how.as_str(),
                        )
                    })
                    .collect();
                let values = s
                    .values
                    .iter()
                    .map(|v| sent[v.start..v.end].to_string())
                    .collect();
                let dropped = s
                    .dropped
                    .iter()
                    .map(|v| sent[v.start..v.end].to_string())
                    .collect();
                let facts = triples
                    .iter()
                    .zip(&self.triple_sentence)
                    .filter(|(_, &ti)| ti == i)
                    .map(|(t, _)| describe(t))
                    .collect();
                SentenceTrace {
                    text: sent.to_string(),
                    mentions,
                    values,
                    dropped,
                    facts,
                }
            })
            .collect()
    }
}

/// Whether `shown` is `exact` as a headline writes it: within 2 %, or
/// rounded to one, two or three significant digits ("2 milliards" for
/// $2.13 billion).
pub(crate) fn rounds_to(shown: f64, exact: f64) -> bool {
    if exact == 0.0 || !exact.is_finite() {
        return shown == exact;
    }
    if (shown - exact).abs() <= 0.02 * exact.abs() {
        return true;
    }
    let magnitude = exact.abs().log10().floor();
    (1..=3).any(|digits| {
        let unit = 10f64.powf(magnitude - f64::from(digits) + 1.0);
        ((exact / unit).round() * unit - shown).abs() <= 1e-9 * exact.abs()
    })
}

/// Attributes a rule attaches to a fact.
#[derive(Debug, Clone, Default)]
pub(crate) struct Attrs {
    pub amount: Option<Amount>,
    /// The bracketed conversion written after the amount ("7,5 milliards de
    /// dollars canadiens (5,42 milliards de dollars)").
    pub converted: Option<Amount>,
    pub quantity: Option<Quantity>,
    pub year: Option<i32>,
    pub role: Option<String>,
}

/// One line describing a triple, for traces.
pub fn describe(t: &Triple) -> String {
    let mut line = format!("{} -{}-> {}", t.s, t.p, t.o);
    if let Some(a) = &t.amount {
        let _ = write!(line, " [{a}]");
    }
    if let Some(q) = &t.quantity {
        let _ = write!(line, " [{q}]");
    }
    if let Some(y) = t.year {
        let _ = write!(line, " [{y}]");
    }
    if let Some(r) = &t.role {
        let _ = write!(line, " [role: {r}]");
    }
    if let Some(rule) = &t.rule {
        let _ = write!(line, "  (rule {rule}");
        if let Some(c) = t.confidence {
            let _ = write!(line, ", {c:.2}");
        }
        line.push(')');
    }
    line
}

/// French function words (lowercase ASCII), as [`lang_counts`] reads them.
const FR_WORDS: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "une", "est", "et", "pour", "dans", "qui", "que", "avec",
    "sur", "au", "aux", "ont", "sera", "selon", "cette", "ses", "il", "elle", "en",
];
/// English function words (lowercase ASCII).
const EN_WORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "for", "with", "on", "that", "has", "said", "will", "its",
    "by", "from", "this", "was", "are", "it",
];

/// Each function word once (lowercase ASCII), with its language.
static FUNCTION_WORDS: LazyLock<HashMap<&'static [u8], Lang>> = LazyLock::new(|| {
    let fr = FR_WORDS.iter().map(|w| (w.as_bytes(), Lang::Fr));
    fr.chain(EN_WORDS.iter().map(|w| (w.as_bytes(), Lang::En)))
        .collect()
});

/// The language of `word` if it is one of the function words
/// [`lang_counts`] counts, in any case.
fn function_word(word: &str) -> Option<Lang> {
    let mut lower = [0u8; 6];
    let lower = lower.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    FUNCTION_WORDS.get(&*lower).copied()
}

/// Whether `word` is one of the function words [`lang_counts`] counts, in any case.
pub(crate) fn is_function_word(word: &str) -> bool {
    function_word(word).is_some()
}

/// French or English, by counting function words.
pub fn detect_lang(text: &str) -> Lang {
    lang_of(lang_counts(text)).unwrap_or(Lang::En)
}

/// French and English function words in a text: its whole ASCII words
/// (runs of ASCII letters, digits and `_`) that are one, in any case. One
/// pass over the words, where a regex would restart at every match.
fn lang_counts(text: &str) -> (usize, usize) {
    // one lookup per word instead of a comparison with both lists
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| (2..=6).contains(&w.len()))
        .fold((0, 0), |(fr, en), w| match function_word(w) {
            Some(Lang::Fr) => (fr + 1, en),
            Some(Lang::En) => (fr, en + 1),
            None => (fr, en),
        })
}

/// The language the counts show, when there are enough function words to tell.
fn lang_of((fr, en): (usize, usize)) -> Option<Lang> {
    // one stray word ("a", "on") must not flip a sentence's language
    if fr + en < 2 || fr.abs_diff(en) < 2 {
        None
    } else if fr > en {
        Some(Lang::Fr)
    } else {
        Some(Lang::En)
    }
}

static ARTICLE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)(20\d\d)-\d\d-\d\d(?-u:\b)|(?-u:\b)\d{1,2}(?:er)? (?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre) (20\d\d)(?-u:\b)|(?-u:\b)(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2},? (20\d\d)(?-u:\b))")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The article's year: the first full date in its first lines.
fn article_year(text: &str) -> Option<i32> {
    let head = &text[..text.char_indices().nth(300).map_or(text.len(), |(i, _)| i)];
    let caps = ARTICLE_DATE.captures(head)?;
    caps.iter().skip(1).flatten().next()?.as_str().parse().ok()
}
