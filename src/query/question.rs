//! Questions in English and French: a question in, a [`Query`] (or a path
//! search) out. Each form is a few token templates of [`super::grammar`]
//! with name slots; the entity may be written any way the store knows it.

use std::sync::LazyLock;

use petgraph::Direction;

use super::ast::{Attr, Clause, Filter, Item, Literal, Op, Query, Step, Term};
use super::eval::{connect, eval_with, resolve, Cell, Row, Rows};
use super::grammar::{tokenize, Template, Token};
use super::modifiers::Modifiers;
use super::plan::{Limits, StepReport};
use super::QueryError;
use crate::model::{EntityType, Predicate};
use crate::store::Store;

/// What a question asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    InvestedIn,
    HowMuch,
    WhatDid,
    Where,
    Supplies,
    SuppliedBy,
    Partners,
    Leads,
    WhoIs,
    Projects,
    Connected,
    Top,
    Total,
    Show,
    List,
    Owner,
    Subsidiaries,
    Biggest,
    People,
    Suppliers,
}

/// (form, templates in [`super::grammar`]'s syntax, example shown when nothing
/// matches). The first form whose template reads the whole question wins.
const FORMS: &[(Form, &[&str], &str)] = &[
    (
        Form::Owner,
        &[
            "who owns {x}",
            "who is the parent of {x}",
            "what is the parent company? of {x}",
        ],
        "who owns Naver Cloud",
    ),
    (
        Form::Owner,
        &[
            "à|a qui appartient {x}",
            "qui possède|détient {x}",
            "quelle est la maison_mère|société_mère de|du|d' {x}",
        ],
        "à qui appartient Naver Cloud",
    ),
    (
        Form::Subsidiaries,
        &["subsidiaries of {x}", "{x} 's subsidiaries", "what does {x} own"],
        "subsidiaries of Naver",
    ),
    (
        Form::Subsidiaries,
        &["quelles_sont? les? filiales de|du|d'|des {x}"],
        "filiales de Naver",
    ),
    (
        Form::Biggest,
        &["the? biggest|largest|top investments|deals"],
        "biggest investments",
    ),
    (
        Form::Biggest,
        &["les? plus_gros|plus_grands|principaux investissements"],
        "les plus gros investissements",
    ),
    (
        Form::Biggest,
        &["all|the|list? all? investments|deals"],
        "investments over 1 billion in 2025",
    ),
    (
        Form::Biggest,
        &["quels|les|tous_les|liste_des? investissements"],
        "investissements de plus de 1 milliard en 2025",
    ),
    (
        Form::Top,
        &["the? top|biggest|largest|main investors"],
        "top 5 investors in 2025",
    ),
    (
        Form::Top,
        &["les? principaux|plus_gros|plus_grands investisseurs"],
        "les plus gros investisseurs depuis 2024",
    ),
    (
        Form::WhatDid,
        &["how much did|does|has|have {x} invest|invested"],
        "how much did Meta invest",
    ),
    (
        Form::WhatDid,
        &[
            "combien a_investi|a-t-il_investi|a-t-elle_investi|investit {x}",
            "combien {x} a-t-il|a-t-elle|a|ont investi",
        ],
        "combien a investi Meta ?",
    ),
    (
        Form::People,
        &[
            "people|executives|leaders|managers of|at {x}",
            "who works at|for {x}",
        ],
        "people of OpenAI",
    ),
    (
        Form::People,
        &[
            "les? dirigeants|personnes|responsables de|du|des|d' {x}",
            "qui travaille chez|pour {x}",
        ],
        "les dirigeants d'OpenAI",
    ),
    (Form::InvestedIn, &["investors in|into {x}"], "investors in Japan"),
    (
        Form::InvestedIn,
        &["les? investisseurs en|au|aux|à|a|dans {x}"],
        "investisseurs au Japon",
    ),
    (
        Form::Total,
        &["how much was|has_been|is_being invested in {x}"],
        "how much was invested in France",
    ),
    (
        Form::Total,
        &["combien a_été|est investi en|au|aux|à|a|dans {x}"],
        "combien a été investi en France",
    ),
    (
        Form::List,
        &["list|show_all|all the? {x=countries|organizations|organisations|companies|firms|people|persons|places|cities|regions|projects}"],
        "list countries",
    ),
    (
        Form::List,
        &["liste|lister|affiche|montre|tous|toutes les|des? {x=pays|organisations|entreprises|sociétés|groupes|personnes|gens|lieux|villes|régions|projets}"],
        "liste des pays",
    ),
    (
        Form::InvestedIn,
        &[
            "who has|have|is|are? invested|invests|invest|investing in {x}",
            "which companies|organizations|organisations|firms|countries has|have|is|are? invested|invests|invest|investing in {x}",
        ],
        "who invested in South Korea",
    ),
    (
        Form::InvestedIn,
        &["qui a|ont|investit|investissent investi? en|au|aux|à|a|dans|sur {x}"],
        "qui a investi au Maroc ?",
    ),
    (
        Form::HowMuch,
        &["how much did|does|has|have {x} invest|invested in {y}"],
        "how much did Amazon invest in South Korea",
    ),
    (
        Form::HowMuch,
        &["combien {x} a-t-il|a-t-elle|ont-ils|ont-elles|a|ont investi en|au|aux|à|a|dans {y}"],
        "combien Amazon a-t-il investi en Corée du Sud ?",
    ),
    (
        Form::WhatDid,
        &["what did|does|has {x} invest|invested in"],
        "what did Amazon invest in",
    ),
    (
        Form::WhatDid,
        &["dans quoi {x} a-t-il|a-t-elle|a|ont? investi|investit|investit-il|investit-elle"],
        "dans quoi Nvidia a-t-il investi ?",
    ),
    (
        Form::Where,
        &["where does|did|has|do {x} invest|invested"],
        "where does Nvidia invest",
    ),
    (
        Form::Where,
        &["où {x} investit-il|investit-elle|investit|a-t-il_investi|a-t-elle_investi"],
        "où Naver investit-il ?",
    ),
    (
        Form::Suppliers,
        // every deal, of chips or power alike: the store does not say which goods
        &[
            "who_are? the? main|top|biggest|largest? suppliers",
            "all|the|list? all? supply_deals",
        ],
        "the main suppliers",
    ),
    (
        Form::Suppliers,
        &[
            "qui_sont? les? principaux|plus_gros|plus_grands? fournisseurs",
            "quels|tous_les? fournisseurs",
        ],
        "les principaux fournisseurs",
    ),
    (
        Form::Supplies,
        &["who supplies|supplied|delivers_to|sells_to|provides_chips_to {x}"],
        "who supplies South Korea",
    ),
    (
        Form::Supplies,
        &["qui fournit|approvisionne|livre|équipe|a_fourni la|le|les|l'? {x}"],
        "qui fournit la Corée du Sud ?",
    ),
    (
        Form::SuppliedBy,
        &["who|what does {x} supply"],
        "who does Nvidia supply",
    ),
    (
        Form::SuppliedBy,
        &["qui|que {x} fournit-il|fournit-elle|fournit"],
        "qui Nvidia fournit-il ?",
    ),
    (
        Form::Partners,
        &["who partners|partnered|works|signed|collaborates with {x}"],
        "who partners with Naver",
    ),
    (
        Form::Partners,
        &["partners|partnerships of {x}"],
        "partners of Naver",
    ),
    (
        Form::Partners,
        &["avec qui {x} s'est-il_associé|s'est-elle_associée|s'est_associé|s'est_associée|collabore-t-il|collabore-t-elle|collabore|a-t-il_signé|a-t-elle_signé"],
        "avec qui Naver s'est-il associé ?",
    ),
    (
        Form::Partners,
        &["qui_sont? les partenaires de|du|des|d' {x}"],
        "les partenaires de Naver",
    ),
    (
        Form::Leads,
        &[
            "who leads|heads|runs|directs {x}",
            "who is the ceo|head|leader|president|boss of {x}",
        ],
        "who leads BlackRock",
    ),
    (
        Form::Leads,
        &[
            "qui dirige|préside|pilote {x}",
            "qui est le|la? pdg|patron|patronne|président|présidente|dirigeant de|du|d' {x}",
        ],
        "qui dirige Nvidia ?",
    ),
    (Form::WhoIs, &["who is {x}"], "who is Jensen Huang"),
    (Form::WhoIs, &["qui est {x}"], "qui est Larry Fink ?"),
    (
        Form::Projects,
        &["which|what projects are there? in|located_in|planned_in {x}"],
        "which projects are in Morocco",
    ),
    (
        Form::Projects,
        &["quels sont_les? projets en|au|aux|à|a|dans {x}"],
        "quels projets au Maroc ?",
    ),
    (
        Form::Connected,
        &["how are|is {x} and|connected_to|linked_to|related_to {y} connected|linked|related?"],
        "how are Nvidia and Naver connected",
    ),
    (
        Form::Connected,
        &["quel est_le? lien entre {x} et {y}", "comment sont liés {x} et {y}"],
        "quel lien entre Nvidia et Naver ?",
    ),
    (
        Form::Top,
        &["top|biggest|largest|main investors in {x}"],
        "top investors in South Korea",
    ),
    (
        Form::Top,
        &["principaux|plus_gros|plus_grands investisseurs en|au|aux|à|a|dans {x}"],
        "principaux investisseurs en Corée du Sud",
    ),
    (
        Form::Total,
        &["total investment|investments in {x}"],
        "total investment in South Korea",
    ),
    (
        Form::Total,
        &["investissement_total|total_des_investissements|montant_total_investi en|au|aux|à|a|dans {x}"],
        "investissement total en Corée du Sud",
    ),
    (
        Form::Show,
        &["show|describe|tell_me_about {x}"],
        "show Nvidia",
    ),
    (
        Form::Show,
        &["montre|montrer|affiche|afficher|décris {x}"],
        "montre Nvidia",
    ),
];

static COMPILED: LazyLock<Vec<(Form, Vec<Template>)>> = LazyLock::new(|| {
    FORMS
        .iter()
        .map(|(f, templates, _)| (*f, templates.iter().map(|t| Template::new(t)).collect()))
        .collect()
});

fn var(v: &str) -> Term {
    Term::Var(v.to_string())
}

fn path(s: Term, p: Predicate, closure: bool, attrs: &[(Attr, &str)], o: Term) -> Clause {
    Clause::Path {
        s,
        steps: vec![Step {
            predicate: p,
            closure,
        }],
        attrs: attrs.iter().map(|(a, v)| (*a, v.to_string())).collect(),
        o,
    }
}

/// "?investor invests_in ?target . ?target located_in* X": investing in X
/// directly or in anything that lies in X.
fn invested_in(x: Term, attrs: &[(Attr, &str)]) -> Vec<Clause> {
    vec![
        path(
            var("investor"),
            Predicate::InvestsIn,
            false,
            attrs,
            var("target"),
        ),
        path(var("target"), Predicate::LocatedIn, true, &[], x),
    ]
}

/// "P leads|affiliated_with {role ?role} O": a person and the
/// organisation they lead or work for.
fn works_for(person: Term, org: Term) -> Clause {
    let step = |predicate| Step {
        predicate,
        closure: false,
    };
    Clause::Path {
        s: person,
        steps: vec![step(Predicate::Leads), step(Predicate::AffiliatedWith)],
        attrs: vec![(Attr::Role, "role".into())],
        o: org,
    }
}

fn select(vars: &[&str]) -> Vec<Item> {
    vars.iter().map(|v| Item::Var(v.to_string())).collect()
}

/// The query a question compiles to, when it is not a path search or a listing.
/// The entity type a "list ..." question names, in either language.
fn listed_type(word: &str) -> EntityType {
    match word {
        "countries" | "pays" => EntityType::Country,
        "people" | "persons" | "personnes" | "gens" => EntityType::Person,
        "places" | "cities" | "regions" | "régions" | "lieux" | "villes" => EntityType::Place,
        "projects" | "projets" => EntityType::Project,
        _ => EntityType::Organization,
    }
}

/// Compiles a question to a query, or `None` for the forms answered by a
/// search of their own (connections, an entity's card).
pub fn compile(question: &str) -> Result<Option<Query>, QueryError> {
    let (form, x, y, mods) = read(question)?;
    compile_with(form, x, y, &mods)
}

/// A read question's query with its modifiers applied; `None` for the forms
/// answered by a search of their own, which take no modifiers.
fn compile_with(
    form: Form,
    x: String,
    y: Option<String>,
    mods: &Modifiers,
) -> Result<Option<Query>, QueryError> {
    let Some(mut q) = compile_form(form, x, y)? else {
        return match mods.is_empty() {
            true => Ok(None),
            false => Err(mods.unsupported()),
        };
    };
    mods.apply(&mut q)?;
    Ok(Some(q))
}

fn compile_form(form: Form, x: String, y: Option<String>) -> Result<Option<Query>, QueryError> {
    if form == Form::List {
        // every entity of the type, with facts or not
        return Ok(Some(Query {
            clauses: vec![Clause::Type("entity".into(), listed_type(&x))],
            select: select(&["entity"]),
            ..Query::default()
        }));
    }
    let x = Term::Entity(x);
    let y = y.map(Term::Entity);
    let money = [
        (Attr::Amount, "amount"),
        (Attr::Currency, "currency"),
        (Attr::Year, "year"),
    ];
    let q = match form {
        Form::InvestedIn => Query {
            clauses: invested_in(x, &money),
            select: select(&["investor", "amount", "currency", "year"]),
            ..Query::default()
        },
        Form::HowMuch => Query {
            clauses: vec![
                path(x, Predicate::InvestsIn, false, &money, var("target")),
                path(
                    var("target"),
                    Predicate::LocatedIn,
                    true,
                    &[],
                    y.unwrap_or(var("anywhere")),
                ),
            ],
            select: select(&["target", "amount", "currency", "year"]),
            ..Query::default()
        },
        Form::WhatDid => Query {
            clauses: vec![path(x, Predicate::InvestsIn, false, &money, var("target"))],
            select: select(&["target", "amount", "currency", "year"]),
            ..Query::default()
        },
        Form::Where => Query {
            clauses: vec![
                path(x, Predicate::InvestsIn, false, &[], var("target")),
                path(
                    var("target"),
                    Predicate::LocatedIn,
                    true,
                    &[],
                    var("country"),
                ),
                Clause::Type("country".into(), EntityType::Country),
            ],
            select: select(&["country"]),
            distinct: true,
            ..Query::default()
        },
        Form::Supplies => Query {
            clauses: vec![
                path(
                    var("supplier"),
                    Predicate::Supplies,
                    false,
                    &[(Attr::Quantity, "quantity")],
                    var("target"),
                ),
                path(var("target"), Predicate::LocatedIn, true, &[], x),
            ],
            select: select(&["supplier", "quantity"]),
            ..Query::default()
        },
        // every supply deal: who supplies whom, and how much
        Form::Suppliers => Query {
            clauses: vec![path(
                var("supplier"),
                Predicate::Supplies,
                false,
                &[(Attr::Quantity, "quantity")],
                var("customer"),
            )],
            select: select(&["supplier", "customer", "quantity"]),
            ..Query::default()
        },
        Form::SuppliedBy => Query {
            clauses: vec![path(
                x,
                Predicate::Supplies,
                false,
                &[(Attr::Quantity, "quantity")],
                var("customer"),
            )],
            select: select(&["customer", "quantity"]),
            ..Query::default()
        },
        Form::Partners => Query {
            clauses: vec![path(var("partner"), Predicate::PartnersWith, false, &[], x)],
            select: select(&["partner"]),
            ..Query::default()
        },
        Form::Leads => Query {
            clauses: vec![path(var("leader"), Predicate::Leads, false, &[], x)],
            select: select(&["leader"]),
            ..Query::default()
        },
        Form::WhoIs => Query {
            clauses: vec![works_for(x, var("organization"))],
            select: select(&["organization", "role"]),
            ..Query::default()
        },
        Form::Projects => Query {
            clauses: vec![
                path(var("project"), Predicate::LocatedIn, true, &[], x),
                Clause::Type("project".into(), EntityType::Project),
            ],
            select: select(&["project"]),
            ..Query::default()
        },
        Form::Top => Query {
            clauses: match &x {
                // "top investors": anywhere
                Term::Entity(place) if place.is_empty() => vec![path(
                    var("investor"),
                    Predicate::InvestsIn,
                    false,
                    &money,
                    var("target"),
                )],
                _ => invested_in(x, &money),
            },
            select: vec![
                Item::Var("investor".into()),
                Item::Var("currency".into()),
                Item::Sum("amount".into()),
            ],
            order: Some((Item::Sum("amount".into()), true)),
            ..Query::default()
        },
        Form::Total => Query {
            clauses: invested_in(x, &money),
            select: vec![
                Item::Var("currency".into()),
                Item::Sum("amount".into()),
                Item::Count("investor".into()),
            ],
            // "how much": the deals that say how much
            filters: vec![Filter {
                var: "amount".into(),
                op: Op::Gt,
                value: Literal::Number(0.0),
            }],
            ..Query::default()
        },
        Form::People => Query {
            clauses: vec![works_for(var("person"), x)],
            select: select(&["person", "role"]),
            ..Query::default()
        },
        Form::Owner => Query {
            clauses: vec![path(x, Predicate::SubsidiaryOf, false, &[], var("owner"))],
            select: select(&["owner"]),
            ..Query::default()
        },
        Form::Subsidiaries => Query {
            clauses: vec![path(
                var("subsidiary"),
                Predicate::SubsidiaryOf,
                false,
                &[],
                x,
            )],
            select: select(&["subsidiary"]),
            ..Query::default()
        },
        Form::Biggest => Query {
            clauses: vec![path(
                var("investor"),
                Predicate::InvestsIn,
                false,
                &money,
                var("target"),
            )],
            select: select(&["investor", "target", "amount", "currency", "year"]),
            order: Some((Item::Var("amount".into()), true)),
            limit: Some(10),
            ..Query::default()
        },
        Form::Connected | Form::Show | Form::List => return Ok(None),
    };
    Ok(Some(q))
}

/// Whether a question reads as French: one of its words is a French
/// function or question word.
fn is_french(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "qui",
        "quel",
        "quels",
        "quelle",
        "quelles",
        "où",
        "combien",
        "avec",
        "dans",
        "des",
        "les",
        "le",
        "la",
        "au",
        "aux",
        "en",
        "du",
        "de",
        "liste",
        "montre",
        "filiales",
        "investisseurs",
        "investissements",
        "appartient",
        "lien",
        "entre",
        "est",
        "a-t-il",
    ];
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| WORDS.contains(&w))
}

/// Reads a question: its filters and row limit off its ends, then the form
/// of what is left, with the names it holds.
fn read(question: &str) -> Result<(Form, String, Option<String>, Modifiers), QueryError> {
    let q = question
        .trim()
        .trim_end_matches(['?', '.', '!'])
        .trim()
        .replace('\u{2019}', "'");
    let (rest, mods) = Modifiers::read(&q);
    let (form, x, y) = match_form(&rest)?;
    Ok((form, x, y, mods))
}

fn match_form(q: &str) -> Result<(Form, String, Option<String>), QueryError> {
    let tokens = tokenize(q);
    for (form, templates) in COMPILED.iter() {
        if let Some(slots) = templates.iter().find_map(|t| t.matches(&tokens)) {
            return Ok((*form, slots.x.unwrap_or_default(), slots.y));
        }
    }
    Err(QueryError::UnknownQuestion {
        forms: nearest_forms(q, &tokens),
    })
}

/// The forms nearest a question none reads, in its language: first those
/// whose templates share the most words with it, then by edit distance to
/// their example.
fn nearest_forms(q: &str, tokens: &[Token]) -> Vec<String> {
    let lower = q.to_lowercase();
    // the short "list ..." forms would be near everything: offered only to
    // a question that starts like one
    let listing = lower.starts_with("list") || lower.starts_with("liste");
    let french = is_french(&lower);
    let mut nearest: Vec<(std::cmp::Reverse<usize>, usize, &str)> = FORMS
        .iter()
        .zip(COMPILED.iter())
        .filter(|((form, _, _), _)| *form != Form::List || listing)
        .filter(|((_, _, ex), _)| is_french(&ex.to_lowercase()) == french)
        .map(|((_, _, ex), (_, templates))| {
            let known: std::collections::HashSet<&str> =
                templates.iter().flat_map(Template::words).collect();
            let shared = tokens
                .iter()
                .filter(|t| known.contains(t.key.as_str()))
                .count();
            let distance = strsim::levenshtein(&lower, &ex.to_lowercase());
            (std::cmp::Reverse(shared), distance, *ex)
        })
        .collect();
    nearest.sort();
    nearest.dedup_by(|a, b| a.2 == b.2);
    nearest
        .into_iter()
        .take(4)
        .map(|(_, _, e)| e.to_string())
        .collect()
}

/// Answers a question within `limits`; the plan's steps come with the rows
/// when the question compiles to a pattern (none for the graph-walk forms).
pub fn answer_with(
    store: &Store,
    question: &str,
    limits: &Limits,
) -> Result<(Rows, Vec<StepReport>), QueryError> {
    let (form, x, y, mods) = read(question)?;
    if let Some(q) = compile_with(form, x.clone(), y.clone(), &mods)? {
        let (mut rows, steps) = eval_with(store, &q, limits)?;
        if form == Form::Top {
            mark_shared(store, &mut rows);
        }
        return Ok((rows, steps));
    }
    limits.check()?;
    match form {
        Form::Connected => {
            let a = resolve(store, &x)?;
            let b = resolve(store, y.as_deref().unwrap_or_default())?;
            let mut rows = Rows {
                columns: vec!["subject".into(), "predicate".into(), "object".into()],
                rows: Vec::new(),
            };
            for e in connect(store, a, b).unwrap_or_default() {
                let Some((s, o)) = store.graph().edge_endpoints(e) else {
                    continue;
                };
                let f = &store.graph()[e];
                rows.rows.push(Row::new(
                    smallvec::smallvec![
                        Cell::Entity(s),
                        Cell::Predicate(f.predicate),
                        Cell::Entity(o),
                    ],
                    smallvec::smallvec![e],
                ));
            }
            Ok((rows, Vec::new()))
        }
        _ => {
            let n = resolve(store, &x)?;
            let mut rows = Rows {
                columns: vec![
                    "entity".into(),
                    "predicate".into(),
                    "other".into(),
                    "details".into(),
                ],
                rows: Vec::new(),
            };
            let row = |e, s, f: &crate::store::Fact, o| {
                Row::new(
                    smallvec::smallvec![
                        Cell::Entity(s),
                        Cell::Predicate(f.predicate),
                        Cell::Entity(o),
                        Cell::Details(e),
                    ],
                    smallvec::smallvec![e],
                )
            };
            for (e, o, f) in store.outgoing(n) {
                rows.rows.push(row(e, n, f, o));
            }
            for (e, s, f) in store.incoming(n) {
                rows.rows.push(row(e, s, f, n));
            }
            Ok((rows, Vec::new()))
        }
    }
}

/// Adds a `shared_with` column to a per-investor ranking: the other
/// investors of the deals behind each row's sum, so a deal amount stated
/// once for a consortium reads as shared, not as each partner's own.
fn mark_shared(store: &Store, rows: &mut Rows) {
    rows.columns.push("shared_with".into());
    for row in &mut rows.rows {
        let me = row.text(store, 0).into_owned();
        let mut others: Vec<String> = Vec::new();
        for e in row.facts() {
            let Some((_, target)) = store.graph().edge_endpoints(e) else {
                continue;
            };
            if store.graph()[e].predicate != Predicate::InvestsIn
                || store.graph()[e].amount().is_none()
            {
                continue;
            }
            for &(_, _, s) in store.along(target, Predicate::InvestsIn, Direction::Incoming) {
                let name = store.node(s).name();
                if name != me {
                    others.push(name.to_string());
                }
            }
        }
        others.sort();
        others.dedup();
        row.cells.push(Cell::Text(others.join(", ").into()));
    }
}
