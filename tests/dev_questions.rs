//! Questions an analyst asks, 70 in English and the same 70 in French, over
//! the store built from the dev set (`../shared/eval/dev/texts`). Each pair
//! must give exactly the rows of a pattern written by hand, and include
//! answers checked against the articles' gold annotations (a project under
//! the name the store gives it).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use newsgraph::query;
use newsgraph::store::Store;

fn dev_store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| common::shared_store("eval/dev/texts", 99))
}

/// The pattern a question means, written out by hand.
enum Means {
    /// Who invests in something in the place (`located_in*`), with the money.
    InvestedIn(&'static str),
    /// The same, the deal's year compared: (place, operator, year).
    InvestedInYear(&'static str, &'static str, u32),
    /// Investors ranked by their summed amount, per currency, in the place.
    Top(&'static str),
    /// The total per currency in the place, deals with an amount only.
    Total(&'static str),
    /// Suppliers of anything in the place.
    Supplies(&'static str),
    /// Who leads the organisation.
    Leads(&'static str),
    /// People who lead or work for the organisation, with their role.
    People(&'static str),
    /// What the person leads or works for.
    WhoIs(&'static str),
    /// Partners of the entity.
    Partners(&'static str),
    /// Subsidiaries of the organisation.
    Subsidiaries(&'static str),
    /// Owner of the organisation.
    Owner(&'static str),
    /// What the supplier supplies.
    SuppliedBy(&'static str),
    /// What the investor invests in.
    WhatDid(&'static str),
    /// What the investor invests in within the place: (investor, place).
    HowMuch(&'static str, &'static str),
    /// The countries the investor invests in.
    Where(&'static str),
    /// The projects in the place.
    Projects(&'static str),
    /// Deals over an amount (any currency), biggest first: (op, amount).
    Deals(&'static str, f64),
    /// Every entity of a type.
    List(&'static str),
}

const MONEY: &str = "{amount ?amount, currency ?currency, year ?year}";

impl Means {
    fn pattern(&self) -> String {
        match *self {
            Means::InvestedIn(c) => format!(
                "?investor invests_in {MONEY} ?target . ?target located_in* {c:?} select ?investor, ?amount, ?currency, ?year"
            ),
            Means::InvestedInYear(c, op, y) => format!(
                "?investor invests_in {MONEY} ?target . ?target located_in* {c:?} where ?year {op} {y} select ?investor, ?amount, ?currency, ?year"
            ),
            Means::Top(c) => format!(
                "?investor invests_in {MONEY} ?target . ?target located_in* {c:?} select ?investor, ?currency, sum(?amount) order by sum(?amount) desc"
            ),
            Means::Total(c) => format!(
                "?investor invests_in {MONEY} ?target . ?target located_in* {c:?} where ?amount > 0 select ?currency, sum(?amount), count(?investor)"
            ),
            Means::Supplies(c) => format!(
                "?supplier supplies {{quantity ?q}} ?target . ?target located_in* {c:?} select ?supplier, ?q"
            ),
            Means::Leads(o) => format!("?leader leads {o:?} select ?leader"),
            Means::People(o) => {
                format!("?person leads|affiliated_with {{role ?role}} {o:?} select ?person, ?role")
            }
            Means::WhoIs(p) => {
                format!("{p:?} leads|affiliated_with {{role ?role}} ?org select ?org, ?role")
            }
            Means::Partners(x) => format!("?partner partners_with {x:?} select ?partner"),
            Means::Subsidiaries(x) => format!("?sub subsidiary_of {x:?} select ?sub"),
            Means::Owner(x) => format!("{x:?} subsidiary_of ?owner select ?owner"),
            Means::SuppliedBy(x) => {
                format!("{x:?} supplies {{quantity ?q}} ?customer select ?customer, ?q")
            }
            Means::WhatDid(x) => format!(
                "{x:?} invests_in {MONEY} ?target select ?target, ?amount, ?currency, ?year"
            ),
            Means::HowMuch(x, c) => format!(
                "{x:?} invests_in {MONEY} ?target . ?target located_in* {c:?} select ?target, ?amount, ?currency, ?year"
            ),
            Means::Where(x) => format!(
                "{x:?} invests_in ?target . ?target located_in* ?country . ?country is Country select distinct ?country"
            ),
            Means::Projects(c) => {
                format!("?project located_in* {c:?} . ?project is Project select ?project")
            }
            Means::Deals(op, n) => format!(
                "?investor invests_in {MONEY} ?target where ?amount {op} {n} select ?investor, ?target, ?amount, ?currency, ?year order by ?amount desc limit 10"
            ),
            Means::List(t) => format!("?entity is {t} select ?entity"),
        }
    }
}

use Means::*;

/// (English, French, what both mean, first-column answers the gold gives).
const TABLE: &[(&str, &str, Means, &[&str])] = &[
    // who invested in a place, in six phrasings per language
    (
        "who invested in France",
        "qui a investi en France ?",
        InvestedIn("France"),
        &["Brookfield", "Fluidstack", "Hypertec", "NTT"],
    ),
    (
        "who invested in India",
        "qui a investi en Inde ?",
        InvestedIn("India"),
        &["Amazon", "Microsoft", "Yotta Data Services"],
    ),
    (
        "who invested in the United States",
        "qui a investi aux États-Unis ?",
        InvestedIn("United States"),
        &[
            "Anthropic",
            "Blackstone",
            "CoreWeave",
            "Google",
            "Meta",
            "Equinix",
            "OpenAI",
            "Oracle",
            "SoftBank",
        ],
    ),
    (
        "which companies have invested in Norway",
        "qui a investi en Norvège ?",
        InvestedIn("Norway"),
        &["Aker ASA", "Nscale", "OpenAI"],
    ),
    (
        "investors in Japan",
        "investisseurs au Japon",
        InvestedIn("Japan"),
        &["Microsoft", "SoftBank"],
    ),
    (
        "who invested in the United Kingdom",
        "qui a investi au Royaume-Uni ?",
        InvestedIn("United Kingdom"),
        &["CoreWeave", "Nscale", "Nvidia"],
    ),
    (
        "who invested in Germany",
        "qui a investi en Allemagne ?",
        InvestedIn("Germany"),
        &["Deutsche Telekom", "Nvidia"],
    ),
    (
        "who invested in Brazil",
        "qui a investi au Brésil ?",
        InvestedIn("Brazil"),
        &["Google"],
    ),
    (
        "investors in Australia",
        "les investisseurs en Australie",
        InvestedIn("Australia"),
        &["Amazon Web Services", "Microsoft"],
    ),
    (
        "who invested in Spain",
        "qui a investi en Espagne ?",
        InvestedIn("Spain"),
        &["Echelon Data Centres"],
    ),
    (
        "who invested in Portugal",
        "qui a investi au Portugal ?",
        InvestedIn("Portugal"),
        &["Hypertec", "Microsoft"],
    ),
    (
        "who invested in Saudi Arabia",
        "qui a investi en Arabie saoudite ?",
        InvestedIn("Saudi Arabia"),
        &["Blackstone", "Huawei", "Humain", "Microsoft"],
    ),
    (
        "who invested in the United Arab Emirates",
        "qui a investi aux Émirats arabes unis ?",
        InvestedIn("United Arab Emirates"),
        &["G42", "Microsoft", "Oracle"],
    ),
    (
        "who invested in Nigeria",
        "qui a investi au Nigeria ?",
        InvestedIn("Nigeria"),
        &["MTN"],
    ),
    (
        "investors in Canada",
        "investisseurs au Canada",
        InvestedIn("Canada"),
        &["Cohere", "CoreWeave", "KDDI", "Microsoft"],
    ),
    (
        "who invested in Malaysia",
        "qui a investi en Malaisie ?",
        InvestedIn("Malaysia"),
        &["ByteDance"],
    ),
    (
        "who invested in Indonesia",
        "qui a investi en Indonésie ?",
        InvestedIn("Indonesia"),
        &["Indosat", "Nvidia"],
    ),
    (
        "who invested in Thailand",
        "qui a investi en Thaïlande ?",
        InvestedIn("Thailand"),
        &["Google", "Microsoft"],
    ),
    (
        "who invested in Texas",
        "qui a investi au Texas ?",
        InvestedIn("Texas"),
        &["Crusoe Energy Systems", "Oracle"],
    ),
    (
        "who invested in Europe",
        "qui a investi en Europe ?",
        InvestedIn("Europe"),
        &["Brookfield", "Microsoft", "Nscale", "Start Campus"],
    ),
    (
        "who invested in Asia",
        "qui a investi en Asie ?",
        InvestedIn("Asia"),
        &["Amazon", "Microsoft", "SoftBank"],
    ),
    (
        "who invested in the Middle East",
        "qui a investi au Moyen-Orient ?",
        InvestedIn("Middle East"),
        &["Humain", "Microsoft", "Oracle"],
    ),
    // with the deal's year
    (
        "who invested in the United States by 2030",
        "qui a investi aux États-Unis d'ici 2030 ?",
        InvestedInYear("United States", "<=", 2030),
        &["Kairos Power"],
    ),
    (
        "who invested in Europe since 2027",
        "qui a investi en Europe depuis 2027 ?",
        InvestedInYear("Europe", ">=", 2027),
        &["Brookfield"],
    ),
    // rankings and totals
    (
        "top investors in Norway",
        "principaux investisseurs en Norvège",
        Top("Norway"),
        &["Aker ASA", "Nscale"],
    ),
    (
        "top investors in Canada",
        "plus gros investisseurs au Canada",
        Top("Canada"),
        &["Cohere", "Microsoft"],
    ),
    (
        "biggest investors in Saudi Arabia",
        "plus grands investisseurs en Arabie saoudite",
        Top("Saudi Arabia"),
        &["Humain"],
    ),
    (
        "top investors in India",
        "principaux investisseurs en Inde",
        Top("India"),
        &["Microsoft"],
    ),
    (
        "total investment in France",
        "investissement total en France",
        Total("France"),
        &["EUR"],
    ),
    (
        "how much was invested in the United States",
        "combien a été investi aux États-Unis ?",
        Total("United States"),
        &["USD"],
    ),
    (
        "total investments in Japan",
        "total des investissements au Japon",
        Total("Japan"),
        &["USD"],
    ),
    (
        "how much was invested in Australia",
        "combien a été investi en Australie ?",
        Total("Australia"),
        &["AUD"],
    ),
    // supply
    (
        "who supplies the United States",
        "qui fournit les États-Unis ?",
        Supplies("United States"),
        &["Nvidia"],
    ),
    (
        "who supplies Saudi Arabia",
        "qui fournit l'Arabie saoudite ?",
        Supplies("Saudi Arabia"),
        &["Nvidia"],
    ),
    (
        "who supplies the United Kingdom",
        "qui fournit le Royaume-Uni ?",
        Supplies("United Kingdom"),
        &["Nvidia"],
    ),
    (
        "what does Nvidia supply",
        "que Nvidia fournit",
        SuppliedBy("Nvidia"),
        &["Humain", "Oracle"],
    ),
    // people
    (
        "who leads OpenAI",
        "qui dirige OpenAI ?",
        Leads("OpenAI"),
        &["Sam Altman"],
    ),
    (
        "who leads Microsoft",
        "qui dirige Microsoft ?",
        Leads("Microsoft"),
        &["Brad Smith"],
    ),
    (
        "who heads Nvidia",
        "qui est le patron de Nvidia ?",
        Leads("Nvidia"),
        &["Jensen Huang"],
    ),
    (
        "who runs Nscale",
        "qui pilote Nscale ?",
        Leads("Nscale"),
        &["Josh Payne"],
    ),
    (
        "people of OpenAI",
        "les dirigeants d'OpenAI",
        People("OpenAI"),
        &["Sam Altman"],
    ),
    (
        "people of Microsoft",
        "les dirigeants de Microsoft",
        People("Microsoft"),
        &["Brad Smith"],
    ),
    (
        "who works at Nscale",
        "qui travaille chez Nscale ?",
        People("Nscale"),
        &["Josh Payne"],
    ),
    (
        "who is Sam Altman",
        "qui est Sam Altman ?",
        WhoIs("Sam Altman"),
        &["OpenAI"],
    ),
    (
        "who is Jensen Huang",
        "qui est Jensen Huang ?",
        WhoIs("Jensen Huang"),
        &["Nvidia"],
    ),
    (
        "who is Brad Smith",
        "qui est Brad Smith ?",
        WhoIs("Brad Smith"),
        &["Microsoft"],
    ),
    // partners and ownership
    (
        "partners of OpenAI",
        "les partenaires d'OpenAI",
        Partners("OpenAI"),
        &["Aker ASA", "Microsoft", "Nvidia"],
    ),
    (
        "partners of Nvidia",
        "les partenaires de Nvidia",
        Partners("Nvidia"),
        &["Microsoft", "OpenAI", "Singtel"],
    ),
    (
        "who partners with Microsoft",
        "avec qui Microsoft s'est-il associé",
        Partners("Microsoft"),
        &["G42", "Nvidia", "OpenAI"],
    ),
    (
        "partners of G42",
        "les partenaires de G42",
        Partners("G42"),
        &["Microsoft"],
    ),
    (
        "partners of Nscale",
        "qui sont les partenaires de Nscale",
        Partners("Nscale"),
        &["Aker ASA", "Microsoft"],
    ),
    (
        "subsidiaries of Microsoft",
        "filiales de Microsoft",
        Subsidiaries("Microsoft"),
        &["Microsoft Austria"],
    ),
    (
        "Amazon's subsidiaries",
        "les filiales d'Amazon",
        Subsidiaries("Amazon"),
        &["Amazon Web Services"],
    ),
    (
        "who owns Amazon Web Services",
        "à qui appartient Amazon Web Services ?",
        Owner("Amazon Web Services"),
        &["Amazon"],
    ),
    (
        "who owns Microsoft Austria",
        "qui détient Microsoft Austria ?",
        Owner("Microsoft Austria"),
        &["Microsoft"],
    ),
    // an investor's deals
    (
        "what did Microsoft invest in",
        "dans quoi Microsoft a-t-il investi",
        WhatDid("Microsoft"),
        &["Microsoft project in Australia"],
    ),
    (
        "how much did Microsoft invest",
        "combien a investi Microsoft ?",
        WhatDid("Microsoft"),
        &["Microsoft project in Australia"],
    ),
    (
        "what did Amazon Web Services invest in",
        "combien Amazon Web Services a-t-il investi ?",
        WhatDid("Amazon Web Services"),
        &["Amazon Web Services project in Australia"],
    ),
    (
        "how much did Microsoft invest in Australia",
        "combien Microsoft a-t-il investi en Australie",
        HowMuch("Microsoft", "Australia"),
        &["Microsoft project in Australia"],
    ),
    (
        "how much did Brookfield invest in France",
        "combien Brookfield a-t-il investi en France",
        HowMuch("Brookfield", "France"),
        &["Brookfield project in France"],
    ),
    (
        "where does Microsoft invest",
        "où Microsoft investit-il ?",
        Where("Microsoft"),
        &["Australia", "Portugal"],
    ),
    (
        "where does Amazon invest",
        "où Amazon investit-il ?",
        Where("Amazon"),
        &["India"],
    ),
    (
        "where did Nvidia invest",
        "où Nvidia a-t-il investi ?",
        Where("Nvidia"),
        &["Germany", "United Kingdom"],
    ),
    // projects, deals over an amount, listings
    (
        "which projects are in Norway",
        "quels projets en Norvège ?",
        Projects("Norway"),
        &["Aker ASA project in Norway"],
    ),
    (
        "which projects are in Portugal",
        "quels projets au Portugal ?",
        Projects("Portugal"),
        &["Microsoft project in Sines and Portugal and Europe"],
    ),
    (
        "investments over 10 billion",
        "investissements de plus de 10 milliards",
        Deals(">", 1e10),
        &["Brookfield"],
    ),
    (
        "deals of at least 5 bn",
        "investissements d'au moins 5 milliards",
        Deals(">=", 5e9),
        &["Brookfield"],
    ),
    (
        "list countries",
        "liste des pays",
        List("Country"),
        &["France", "India", "Norway"],
    ),
    (
        "list people",
        "liste des personnes",
        List("Person"),
        &["Jensen Huang", "Sam Altman"],
    ),
    (
        "list companies",
        "liste des entreprises",
        List("Organization"),
        &["Microsoft", "Nvidia"],
    ),
];

/// The rows' cells, less the `shared_with` column a ranking adds to what
/// its pattern gives.
fn cells(rows: &query::Rows) -> Vec<Vec<String>> {
    let keep: Vec<usize> = (0..rows.columns.len())
        .filter(|&i| rows.columns[i] != "shared_with")
        .collect();
    rows.rows
        .iter()
        .map(|r| {
            keep.iter()
                .map(|&i| r.text(dev_store(), i).into_owned())
                .collect()
        })
        .collect()
}

#[test]
fn seventy_questions_in_each_language_mean_their_pattern() {
    assert!(TABLE.len() >= 60);
    let store = dev_store();
    for (en, fr, means, gold) in TABLE {
        let pattern = means.pattern();
        let want = query::run(store, &pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"));
        for question in [en, fr] {
            let got = query::run(store, question).unwrap_or_else(|e| panic!("{question}: {e}"));
            assert_eq!(cells(&got), cells(&want), "{question}\n  means {pattern}");
            let first: BTreeSet<String> = got
                .rows
                .iter()
                .map(|r| r.text(store, 0).into_owned())
                .collect();
            for name in *gold {
                assert!(
                    first.contains(*name),
                    "{question}: {name} missing from {first:?}"
                );
            }
        }
        assert!(!want.rows.is_empty(), "{en}: no answer");
    }
}

/// A filter on a question with no year or amount to filter says so.
#[test]
fn a_filter_on_a_question_without_years_is_refused() {
    let err = query::run(dev_store(), "who leads OpenAI in 2025").unwrap_err();
    assert!(err.to_string().contains("in 2025"), "{err}");
}

/// A miss suggests names the typed text starts first ("Deut" → Deutsche
/// Telekom), and says when the gazetteer knows a name no article mentions.
#[test]
fn a_missed_name_gets_prefix_suggestions_or_is_known_elsewhere() {
    let err = query::run(dev_store(), "show Deut").unwrap_err();
    let query::QueryError::UnknownEntity { suggestions, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(suggestions[0], "Deutsche Telekom", "{err}");
    let err = query::run(dev_store(), "qui a investi au Pérou ?").unwrap_err();
    assert!(
        err.to_string()
            .contains("Peru (Country) is known, but no article in the store mentions it"),
        "{err}"
    );
}

/// A ranking per investor says who else is in the deals behind each sum: a
/// consortium's amount is not each partner's own.
#[test]
fn a_ranking_names_the_partners_a_deal_amount_is_shared_with() {
    let rows = query::run(dev_store(), "top investors in Norway").unwrap();
    let col = rows
        .columns
        .iter()
        .position(|c| c == "shared_with")
        .unwrap();
    let store = dev_store();
    let aker = rows
        .rows
        .iter()
        .find(|r| r.text(store, 0) == "Aker ASA")
        .unwrap();
    assert!(
        aker.text(store, col).contains("Nscale"),
        "{:?}",
        aker.texts(store)
    );
}
