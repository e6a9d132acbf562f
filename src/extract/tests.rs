//! One table per phenomenon, in both languages, with the negative cases.
//! Every sentence here is written for the test; the companies are invented
//! unless the gazetteer knows them.

use std::collections::BTreeSet;

use super::Extractor;
use crate::model::{EntityType, Lang, Predicate};

/// The facts of an article as short lines: "S predicate O", with
/// `invests_in` and `supplies` followed through `located_in` to every place
/// and country the object lies in ("Kiwa invests_in Morocco").
fn facts(text: &str) -> BTreeSet<String> {
    let ex = Extractor::new().unwrap();
    let doc = ex.extract("t.txt", text).document;
    let up = |from: &str| -> Vec<String> {
        let mut out = vec![from.to_string()];
        let mut k = 0;
        while k < out.len() {
            for t in &doc.triples {
                if t.p == Predicate::LocatedIn && t.s == out[k] && !out.contains(&t.o) {
                    out.push(t.o.clone());
                }
            }
            k += 1;
        }
        out
    };
    let mut lines = BTreeSet::new();
    for t in &doc.triples {
        let p = t.p.as_str();
        lines.insert(format!("{} {p} {}", t.s, t.o));
        if matches!(t.p, Predicate::InvestsIn | Predicate::Supplies) {
            for place in up(&t.o) {
                lines.insert(format!("{} {p} {place}", t.s));
            }
            if let Some(a) = &t.amount {
                lines.insert(format!("{} {p} {} {}", t.s, a.value, a.currency));
            }
        }
    }
    lines
}

/// The names of the entities an article yields.
fn entity_names(text: &str) -> Vec<String> {
    let ex = Extractor::new().unwrap();
    ex.extract("t.txt", text)
        .document
        .entities
        .into_iter()
        .map(|e| e.name)
        .collect()
}

/// The type of the entity named `name` in an article, if it is one.
fn entity_kind(text: &str, name: &str) -> Option<EntityType> {
    let ex = Extractor::new().unwrap();
    ex.extract("t.txt", text)
        .document
        .entities
        .into_iter()
        .find(|e| e.name == name)
        .map(|e| e.kind)
}

/// Runs a table: each text must yield every `has` line and no `lacks` line.
fn check(table: &[(&str, &[&str], &[&str])]) {
    for (text, has, lacks) in table {
        let got = facts(text);
        for h in *has {
            assert!(got.contains(*h), "{text}\n  missing: {h}\n  got: {got:#?}");
        }
        for l in *lacks {
            assert!(
                !got.contains(*l),
                "{text}\n  unexpected: {l}\n  got: {got:#?}"
            );
        }
    }
}

#[test]
fn language_per_document_and_per_sentence() {
    let ex = Extractor::new().unwrap();
    let fr = ex.extract(
        "a.txt",
        "Le groupe Kiwa va investir 2 milliards de dollars au Maroc.",
    );
    assert_eq!(fr.document.lang, Lang::Fr);
    let en = ex.extract("b.txt", "The firm Kiwa will invest $2 billion in Morocco.");
    assert_eq!(en.document.lang, Lang::En);
    // a French article quoting an English caption: "billion" is 1e9 there
    check(&[(
        "Le groupe Kiwa annonce un plan pour le Maroc. Selon le communiqué, la société \
         va bâtir un centre de données près de Casablanca. \
         Caption: the firm Kiwa will invest 2 billion dollars in Morocco by 2030.",
        &["Kiwa invests_in 2000000000 USD", "Kiwa invests_in Morocco"],
        &["Kiwa invests_in 2000000000000 USD"],
    )]);
}

#[test]
fn investments_in_both_languages() {
    check(&[
        // money released or earmarked for something
        (
            "Le géant américain Kiwa Holdings débloque 500 millions d'euros pour ses centres de données en France.",
            &["Kiwa Holdings invests_in France", "Kiwa Holdings invests_in 500000000 EUR"],
            &[],
        ),
        (
            "Kiwa Holdings has earmarked $700 million for new data centres in Chile.",
            &["Kiwa Holdings invests_in Chile", "Kiwa Holdings invests_in 700000000 USD"],
            &[],
        ),
        // "won" after a figure is the currency, not money received
        (
            "Kiwa Holdings plans a 2.5 trillion won investment in South Korean AI data centres.",
            &["Kiwa Holdings invests_in South Korea", "Kiwa Holdings invests_in 2500000000000 KRW"],
            &[],
        ),
        (
            "Kiwa Holdings won an investment from Lumo Capital for its data centre in Kenya.",
            &[],
            &["Kiwa Holdings invests_in Kenya"],
        ),
        // a firm's own facility at a place, with the amount the sentence gives
        (
            "Kiwa Holdings' $1.5bn data centre in Nairobi will open in 2027.",
            &["Kiwa Holdings invests_in Kenya", "Kiwa Holdings invests_in 1500000000 USD"],
            &[],
        ),
        (
            "Le projet de Kiwa Holdings à Nairobi, d'un montant de 1,5 milliard de dollars, ouvrira en 2027.",
            &["Kiwa Holdings invests_in Kenya", "Kiwa Holdings invests_in 1500000000 USD"],
            &[],
        ),
        (
            "Kiwa Holdings will invest Rs 20,000 crore in data centres in Mumbai.",
            &["Kiwa Holdings invests_in 200000000000 INR"],
            &[],
        ),
        // a second verb phrase joined by "and" has the sentence's subject
        (
            "Kiwa Holdings competes with Lumo Capital and Orvane Group, and plans to build a data centre in Kenya.",
            &["Kiwa Holdings invests_in Kenya"],
            &["Lumo Capital invests_in Kenya", "Orvane Group invests_in Kenya"],
        ),
        (
            "Kiwa Holdings rivalise avec Lumo Capital et Orvane Group, et va construire un centre de données au Kenya.",
            &["Kiwa Holdings invests_in Kenya"],
            &["Lumo Capital invests_in Kenya", "Orvane Group invests_in Kenya"],
        ),
        (
            "Kiwa Holdings met Lumo Capital, and Lumo Capital will build a data centre in Kenya.",
            &["Lumo Capital invests_in Kenya"],
            &["Kiwa Holdings invests_in Kenya"],
        ),
        // a facility whose builder a relative clause names
        (
            "The Texas facility, which Kiwa Holdings is building with Lumo Capital, will cost $4 billion.",
            &["Kiwa Holdings invests_in Texas", "Kiwa Holdings invests_in 4000000000 USD"],
            &[],
        ),
        (
            "Le centre de données que Kiwa Holdings construit à Lille coûtera 400 millions d'euros.",
            &["Kiwa Holdings invests_in Lille", "Kiwa Holdings invests_in 400000000 EUR"],
            &[],
        ),
        (
            "The report, which Kiwa Holdings is building on, covers Texas.",
            &[],
            &["Kiwa Holdings invests_in Texas"],
        ),
        // money poured or pumped into something, a plan of a stated amount
        (
            "Kestrel Energy will pour €1.2 billion into a hyperscale campus near Lyon.",
            &["Kestrel Energy invests_in 1200000000 EUR", "Kestrel Energy invests_in Lyon"],
            &[],
        ),
        (
            "Kestrel Energy pumped $300 million into new data centres in Ohio.",
            &["Kestrel Energy invests_in 300000000 USD", "Kestrel Energy invests_in Ohio"],
            &[],
        ),
        (
            "Kestrel Energy will pour concrete in Lyon next week.",
            &[],
            &["Kestrel Energy invests_in Lyon"],
        ),
        (
            "Lumo Capital a annoncé un plan de 5 milliards d'euros pour des centres de données en Espagne.",
            &["Lumo Capital invests_in 5000000000 EUR", "Lumo Capital invests_in Spain"],
            &[],
        ),
        (
            "Lumo Capital announced a $5 billion plan for data centres in Spain.",
            &["Lumo Capital invests_in 5000000000 USD", "Lumo Capital invests_in Spain"],
            &[],
        ),
        (
            "Lumo Capital a présenté son plan de transformation en Espagne.",
            &[],
            &["Lumo Capital invests_in Spain"],
        ),
        // an opening is a construction; a participial clause after the
        // objects names no destination
        (
            "Cette année, Kiwa Holdings a ouvert une nouvelle région au Mexique et un second \
             centre de données en Thaïlande, soulignant ses tensions avec les États-Unis.",
            &[
                "Kiwa Holdings invests_in Mexico",
                "Kiwa Holdings invests_in Thailand",
            ],
            &["Kiwa Holdings invests_in United States"],
        ),
        // a country among a construction's subjects is where its firms build
        (
            "La Corée du Sud et Kiwa Holdings ont signé un accord pour construire un centre \
             de données hyperscale sur 10 ans.",
            &["Kiwa Holdings invests_in South Korea"],
            &["South Korea invests_in South Korea"],
        ),
        // a sentence that names no firm continues the project before it;
        // rivals are no destination
        (
            "Kiwa Holdings et Orvane Group vont investir 7 milliards de dollars en Europe. \
             L'objectif est de développer quatre campus (Paris et Francfort) pour faire face \
             à la concurrence des États-Unis.",
            &[
                "Kiwa Holdings invests_in France",
                "Orvane Group invests_in Germany",
            ],
            &["Kiwa Holdings invests_in United States"],
        ),
        (
            "Quantara Systems opened a data centre in Chile, adding to its sites in Peru, \
             including one in Lima.",
            &["Quantara Systems invests_in Chile"],
            &["Quantara Systems invests_in Peru"],
        ),
        // who partnered with the subject of a purpose clause acts with it
        (
            "Singaporean fund Kestrel Capital has teamed up with German investor Orvane \
             Group to invest 1.4 billion euros in a UK data centre platform.",
            &[
                "Kestrel Capital invests_in United Kingdom",
                "Orvane Group invests_in United Kingdom",
            ],
            &[
                "Kestrel Capital invests_in Germany",
                "Orvane Group invests_in Germany",
            ],
        ),
        (
            "Kiwa Holdings s'est associé à Arveno Systems pour construire un centre de \
             données au Maroc.",
            &[
                "Kiwa Holdings invests_in Morocco",
                "Arveno Systems invests_in Morocco",
            ],
            &[],
        ),
        // nouns of money-people and of finance are no investment: "investor",
        // "sovereign wealth fund", "financial"
        (
            "German investor Orvane Group met the Singaporean fund Kestrel Capital in Paris.",
            &[],
            &[
                "Orvane Group invests_in France",
                "Kestrel Capital invests_in France",
            ],
        ),
        (
            "The chief financial officer of Kiwa Holdings spoke in Nairobi, Kenya.",
            &[],
            &["Kiwa Holdings invests_in Kenya"],
        ),
        (
            "Le groupe Kiwa va investir 3 milliards d'euros en Corée du Sud d'ici 2030.",
            &[
                "Kiwa invests_in South Korea",
                "Kiwa invests_in 3000000000 EUR",
            ],
            &[],
        ),
        (
            "Quantara Systems will invest $1.5 billion in Kenya over five years.",
            &[
                "Quantara Systems invests_in Kenya",
                "Quantara Systems invests_in 1500000000 USD",
            ],
            &[],
        ),
        (
            "Nordvik Energy et Quantara Systems construiront un centre de données à Oslo.",
            &[
                "Nordvik Energy invests_in Norway",
                "Quantara Systems invests_in Norway",
            ],
            &[],
        ),
        (
            "The company Brightwater Capital plans to build a 300 MW data center campus in Texas.",
            &["Brightwater Capital invests_in United States"],
            &[],
        ),
        (
            "Le fonds émirati Qamar Capital injecte 4 milliards d'euros dans l'IA française.",
            &["Qamar Capital invests_in France"],
            &["Qamar Capital invests_in United Arab Emirates"],
        ),
        (
            "Kiwa Holdings raised $2 billion in debt to finance a new campus in Chile.",
            &["Kiwa Holdings invests_in Chile"],
            &[],
        ),
        // the agency that reports a deal is no party to it
        (
            "Bloomberg said the group will build a data centre in Chile.",
            &[],
            &["Bloomberg invests_in Chile"],
        ),
        (
            "Selon Reuters, le groupe va construire un centre de données au Chili.",
            &[],
            &["Reuters invests_in Chile"],
        ),
        // "US$" and "A$" are currencies, not places
        (
            "Kiwa Holdings to invest US$1.3bn in new Colombia datacenter campuses.",
            &[
                "Kiwa Holdings invests_in Colombia",
                "Kiwa Holdings invests_in 1300000000 USD",
            ],
            &["Kiwa Holdings invests_in United States"],
        ),
    ]);
}

/// Buying facilities is investing in their country; a passive construction
/// names its builder after "par" / "by".
#[test]
fn a_second_amount_is_another_deal() {
    check(&[
        // more money of the same investor, in the same currency, is a deal of its own
        (
            "Kiwa Holdings va investir 10 milliards de ringgits en Malaisie. Kiwa Holdings compte aussi investir 1,5 milliard de ringgits supplémentaires en Malaisie.",
            &["Kiwa Holdings invests_in 10000000000 MYR", "Kiwa Holdings invests_in 1500000000 MYR"],
            &[],
        ),
        (
            "Kiwa Holdings will invest $4 billion in Texas. Kiwa Holdings plans to spend another $1.2 billion in Texas.",
            &[
                "Kiwa Holdings invests_in 4000000000 USD",
                "Kiwa Holdings invests_in 1200000000 USD",
                "Kiwa Holdings project in Texas (2) located_in Texas",
            ],
            &[],
        ),
        // the same money rounded, or restated within a range, is the same deal
        (
            "Kiwa Holdings will invest $2.13 billion in Texas. Kiwa Holdings will invest $2 billion in Texas.",
            &["Kiwa Holdings invests_in 2130000000 USD"],
            &["Kiwa Holdings invests_in 2000000000 USD"],
        ),
        (
            "Kiwa Holdings investira 500 millions de dollars aux Philippines. Kiwa Holdings envisage d'investir entre 300 millions et 500 millions de dollars aux Philippines.",
            &["Kiwa Holdings invests_in 500000000 USD"],
            &["Kiwa Holdings invests_in 300000000 USD"],
        ),
        // a total stated after the first amount is a deal of its own, even
        // when it lists the first among its parts
        (
            "Kiwa Holdings va investir 200 millions de dollars dans un centre de données en Égypte. Ce grand programme d'investissement s'élève à 430 millions de dollars et comprend 200 millions de dollars pour le cloud.",
            &["Kiwa Holdings invests_in 200000000 USD", "Kiwa Holdings invests_in 430000000 USD"],
            &[],
        ),
        (
            "Kiwa Holdings will invest $200 million in a data centre in Egypt. The investment programme totals $430 million.",
            &["Kiwa Holdings invests_in 200000000 USD", "Kiwa Holdings invests_in 430000000 USD"],
            &[],
        ),
        // who reports the money does not invest it
        (
            "Kiwa Holdings will build a data centre in Karachi, Pakistan. Lumo Times reported the figures, citing Bloomberg, and said total investment could rise to $600 million.",
            &["Kiwa Holdings invests_in Pakistan"],
            &["Lumo Times invests_in 600000000 USD", "Lumo Times invests_in Pakistan"],
        ),
        (
            "Kiwa Holdings va construire un centre de données à Karachi, au Pakistan. Lumo Times rapporte ces chiffres et indique que l'investissement pourrait atteindre 600 millions de dollars.",
            &["Kiwa Holdings invests_in Pakistan"],
            &["Lumo Times invests_in 600000000 USD", "Lumo Times invests_in Pakistan"],
        ),
        // nor is a paper that reports what "the company" refers back to
        (
            "Kiwa Holdings will build a data centre in Karachi, Pakistan. Lumo Times reported the figures, citing Bloomberg. The company signed a partnership with Orvane Systems to build the facility.",
            &["Kiwa Holdings partners_with Orvane Systems"],
            &["Lumo Times partners_with Orvane Systems", "Lumo Times invests_in Pakistan"],
        ),
        // but money the deal brings to the economy is not
        (
            "Kiwa Holdings will invest $200 million in a data centre in Egypt. The investment could add $2 billion a year to the economy.",
            &["Kiwa Holdings invests_in 200000000 USD"],
            &["Kiwa Holdings invests_in 2000000000 USD"],
        ),
        // the share one owner brings is its own
        (
            "Kiwa Holdings va construire un centre de données à Lyon pour 7 milliards de dollars. Le site sera détenu à 20 % par Lumo Capital et à 80 % par Kiwa Holdings, qui va apporter un investissement initial de 700 millions de dollars.",
            &["Kiwa Holdings invests_in 700000000 USD"],
            &["Lumo Capital invests_in 700000000 USD"],
        ),
        // a firm described by the facilities it runs is what is bought, not a facility
        (
            "Kiwa Holdings will invest $6 billion in a data centre in Texas. The company acquired data center infrastructure firm Lumo Scientific for $9 billion.",
            &["Kiwa Holdings invests_in Lumo Scientific", "Kiwa Holdings invests_in 9000000000 USD"],
            &["Kiwa Holdings invests_in Kiwa Holdings project in Texas (2)"],
        ),
        (
            "Kiwa Holdings va investir 6 milliards d'euros en France. Le groupe va acquérir l'exploitant de centres de données Lumo Capital pour 2 milliards d'euros.",
            &["Kiwa Holdings invests_in Lumo Capital"],
            &["Kiwa Holdings invests_in Kiwa Holdings project in France (2)"],
        ),
    ]);
}

#[test]
fn the_headline_deal_restated_with_its_site_is_one_deal() {
    check(&[
        // the lead restates the headline's money and names the site: one deal
        (
            "Orvane Energie va investir 800 millions d'euros au Maroc\n\nLe groupe Orvane Energie a annoncé un investissement de 800 millions d'euros pour construire un centre de données près de Tanger, au Maroc, d'ici 2028.",
            &[
                "Orvane Energie invests_in Orvane Energie project in Morocco",
                "Orvane Energie project in Morocco located_in Tangier",
            ],
            &["Orvane Energie invests_in Orvane Energie project in Tangier and Morocco"],
        ),
        (
            "Kiwa Holdings to invest $3 billion in Vietnam\n\nKiwa Holdings said on Tuesday it would invest $3.2 billion to build data centres near Hanoi, Vietnam.",
            &["Kiwa Holdings invests_in Kiwa Holdings project in Vietnam"],
            &["Kiwa Holdings invests_in Kiwa Holdings project in Hanoi and Vietnam"],
        ),
        // a part of the plan, or money elsewhere, is a deal of its own
        (
            "Kiwa Holdings va investir 20 milliards d'euros en France. Kiwa Holdings va investir 15 milliards d'euros dans un campus à Cambrai, en France.",
            &["Kiwa Holdings invests_in 20000000000 EUR", "Kiwa Holdings invests_in 15000000000 EUR"],
            &[],
        ),
        (
            "Kiwa Holdings will invest $1 billion in a campus in Austin, Texas. Kiwa Holdings will invest $1 billion in a campus in Columbus, Ohio.",
            &[
                "Kiwa Holdings invests_in Kiwa Holdings project in Austin and Texas",
                "Kiwa Holdings invests_in Kiwa Holdings project in Columbus and Ohio",
            ],
            &[],
        ),
        (
            "Kiwa Holdings will invest $1 billion in Vietnam. Kiwa Holdings will also invest $1 billion in a campus in Johor, Malaysia.",
            &["Kiwa Holdings invests_in Kiwa Holdings project in Johor and Malaysia"],
            &["Kiwa Holdings project in Vietnam located_in Malaysia"],
        ),
    ]);
}

#[test]
fn a_state_builds_at_home_and_a_cost_is_the_projects_amount() {
    check(&[
        // a state that builds and names no place builds at home
        (
            "Le gouvernement belge souhaite implanter un centre de données dans notre pays.",
            &["Belgium invests_in Belgium"],
            &[],
        ),
        (
            "The Kenyan government plans to build a national data centre.",
            &["Kenya invests_in Kenya"],
            &[],
        ),
        // a state that commits money itself invests it, even after firms
        // partnered on the project
        (
            "Kiwa Holdings is partnering with Lumo Capital to build a data centre in Nairobi, Kenya. The Kenyan government has committed $240 million to the effort.",
            &["Kenya invests_in 240000000 USD"],
            &["Lumo Capital invests_in 240000000 USD"],
        ),
        // but an investment the host's government announces is the partners'
        (
            "Kiwa Holdings is partnering with Lumo Capital to build a data centre in Nairobi, Kenya. The Kenyan government announced an investment of $240 million.",
            &["Kiwa Holdings invests_in 240000000 USD"],
            &["Kenya invests_in 240000000 USD"],
        ),
        // a state that hosts a facility is not its investor
        (
            "Le Maroc va accueillir un méga-data center signé Kiwa Holdings.",
            &[],
            &["Morocco invests_in Morocco"],
        ),
        // a firm that names no place may build anywhere
        (
            "Kiwa Holdings souhaite implanter un centre de données.",
            &[],
            &["Kiwa Holdings invests_in France"],
        ),
        // what the project told of cost is its amount
        (
            "Le Sénégal a ouvert un centre de données national à Diamniadio. L'infrastructure, construite avec l'aide de la Chine, a coûté 10 milliards de FCFA.",
            &["Senegal invests_in 10000000000 XOF"],
            &[],
        ),
        (
            "Kiwa Holdings will build a data centre in Nairobi, Kenya. The facility will cost $300 million.",
            &["Kiwa Holdings invests_in 300000000 USD"],
            &[],
        ),
        (
            "Le gouvernement belge souhaite implanter un centre de données dans notre pays. Le coût du plan s'élève à 80 millions d'euros.",
            &["Belgium invests_in 80000000 EUR"],
            &[],
        ),
        // but not what a facility elsewhere cost, nor over an amount given
        (
            "Kiwa Holdings will build a data centre in Nairobi, Kenya. A similar campus in Lagos cost $500 million.",
            &["Kiwa Holdings invests_in Kenya"],
            &["Kiwa Holdings invests_in 500000000 USD"],
        ),
        (
            "Kiwa Holdings will invest $200 million in a data centre in Nairobi, Kenya. Its cooling system will cost $30 million.",
            &["Kiwa Holdings invests_in 200000000 USD"],
            &["Kiwa Holdings invests_in 30000000 USD"],
        ),
    ]);
}

#[test]
fn money_committed_or_given_by_an_agent_and_money_for_ones_own() {
    check(&[
        (
            "Kiwa Holdings va construire un campus au Texas. Lumo Capital a, par exemple, engagé 600 milliards de dollars pour ses propres infrastructures.",
            &["Lumo Capital invests_in 600000000000 USD"],
            &["Lumo Capital invests_in United States"],
        ),
        (
            "Kiwa Holdings will build a campus in Texas. Lumo Capital has pledged $60 billion for its own data centres.",
            &["Lumo Capital invests_in 60000000000 USD"],
            &["Lumo Capital invests_in United States"],
        ),
        // money pledged for the project told of joins it
        (
            "Kiwa Holdings will build a campus in Texas. Lumo Capital has pledged $6 billion for the campus.",
            &["Lumo Capital invests_in United States", "Lumo Capital invests_in 6000000000 USD"],
            &[],
        ),
        // money as a passive's subject is its agent's
        (
            "Kiwa Holdings va investir 20 milliards d'euros en France. Selon le journal, 15 milliards d'euros sont prévus par Kiwa Holdings pour de nouveaux centres de données à Cambrai.",
            &["Kiwa Holdings invests_in 20000000000 EUR", "Kiwa Holdings invests_in 15000000000 EUR"],
            &[],
        ),
        (
            "Officials said $2 billion will be provided by Kiwa Holdings for a data centre in Nairobi, Kenya.",
            &["Kiwa Holdings invests_in Kenya", "Kiwa Holdings invests_in 2000000000 USD"],
            &[],
        ),
        // money raised by a firm is not its investment
        (
            "Officials said $2 billion was raised by Kiwa Holdings for a data centre in Nairobi, Kenya.",
            &[],
            &["Kiwa Holdings invests_in 2000000000 USD"],
        ),
        // "engager" with no figure after it commits no money
        (
            "Kiwa Holdings va construire un campus au Texas. Lumo Capital a engagé des discussions avec la ville.",
            &[],
            &["Lumo Capital invests_in United States"],
        ),
    ]);
}

#[test]
fn an_investment_noun_belongs_to_the_firm_named_after_it() {
    check(&[
        (
            "Kiwa Holdings et Lumo Capital ont des projets. L'investissement de Kiwa Holdings en Irlande s'élève à 1 milliard d'euros.",
            &["Kiwa Holdings invests_in Ireland", "Kiwa Holdings invests_in 1000000000 EUR"],
            &["Lumo Capital invests_in Ireland"],
        ),
        // the firm that speaks of the investment is not its owner
        (
            "Kiwa Holdings et Lumo Capital ont des projets. Lumo Capital a salué l'investissement de Kiwa Holdings en Irlande.",
            &["Kiwa Holdings invests_in Ireland"],
            &["Lumo Capital invests_in Ireland"],
        ),
        (
            "Kiwa Holdings and Lumo Capital have plans. Lumo Capital welcomed the investments from Kiwa Holdings in Austria.",
            &["Kiwa Holdings invests_in Austria"],
            &["Lumo Capital invests_in Austria"],
        ),
        // every firm of a list after the noun
        (
            "Kiwa Holdings and Lumo Capital have plans. Investments from Kiwa Holdings and Lumo Capital in Chile reached $2 billion.",
            &["Kiwa Holdings invests_in Chile", "Lumo Capital invests_in Chile", "Lumo Capital invests_in 2000000000 USD"],
            &[],
        ),
        // the noun's own figure is not a firm after it
        (
            "Lumo Capital annonce un investissement de 2 milliards d'euros en Espagne.",
            &["Lumo Capital invests_in Spain", "Lumo Capital invests_in 2000000000 EUR"],
            &[],
        ),
        // with no place, the noun tells again of a deal told before: its
        // owners join no project and take no figure
        (
            "Kiwa Holdings will build a campus in Texas. The investment from Lumo Capital and Orvane takes Kiwa Holdings past $12 billion of equity raised.",
            &["Kiwa Holdings invests_in United States"],
            &["Lumo Capital invests_in United States", "Orvane invests_in United States"],
        ),
    ]);
}

#[test]
fn what_a_project_adds_to_an_economy_is_not_its_cost() {
    check(&[
        (
            "Kiwa Holdings va investir en Australie. L'investissement de Kiwa Holdings en Australie pourrait contribuer jusqu'à 115 milliards de dollars par an à l'économie australienne.",
            &["Kiwa Holdings invests_in Australia"],
            &["Kiwa Holdings invests_in 115000000000 AUD", "Kiwa Holdings invests_in 115000000000 USD"],
        ),
        (
            "Kiwa Holdings will build a campus in Kenya. Kiwa Holdings said its investment in Kenya could add $9 billion a year to the country's GDP.",
            &["Kiwa Holdings invests_in Kenya"],
            &["Kiwa Holdings invests_in 9000000000 USD"],
        ),
        // money put into a firm's economy unit stays an amount
        (
            "Kiwa Holdings will invest $2 billion in Kenya's digital economy.",
            &["Kiwa Holdings invests_in 2000000000 USD"],
            &[],
        ),
    ]);
}

#[test]
fn acquisitions_and_passive_construction() {
    check(&[
        // a stake bought in a firm is an investment in it, at the stake's price
        (
            "Kiwa Holdings took a 30% stake in Lumo Capital for €600 million.",
            &["Kiwa Holdings invests_in Lumo Capital", "Kiwa Holdings invests_in 600000000 EUR"],
            &[],
        ),
        (
            "Kiwa Holdings prend une participation de 30 % au capital de Lumo Capital pour 600 millions d'euros.",
            &["Kiwa Holdings invests_in Lumo Capital", "Kiwa Holdings invests_in 600000000 EUR"],
            &[],
        ),
        (
            "Kiwa Holdings entre au capital de Lumo Capital.",
            &["Kiwa Holdings invests_in Lumo Capital"],
            &[],
        ),
        (
            "Kiwa Holdings took part in a debate with Lumo Capital.",
            &[],
            &["Kiwa Holdings invests_in Lumo Capital"],
        ),
        (
            "Le groupe Kiwa va investir au Chili. Le campus sera construit par Nordvik Energy près de Santiago.",
            &["Nordvik Energy invests_in Chile"],
            &[],
        ),
        (
            "Quantara Systems said the data centre in Finland will be built by Brightwater Capital.",
            &["Brightwater Capital invests_in Finland"],
            &[],
        ),
        (
            "Brightwater Capital has acquired three data centers in Canada.",
            &["Brightwater Capital invests_in Canada"],
            &[],
        ),
        (
            "Le groupe Kiwa a racheté deux centres de données au Portugal.",
            &["Kiwa invests_in Portugal"],
            &[],
        ),
        // the agent of "powered by" supplies, it does not build
        (
            "\"By establishing advanced AI data centres powered by Arveno Systems's industry-leading inference solutions, we are helping Saudi Arabia create an ecosystem,\" said Arveno Systems chief executive Ali Benali.",
            &[],
            &["Arveno Systems invests_in Saudi Arabia"],
        ),
        // a passive verb with no facility before it builds nothing
        (
            "Le rapport a été construit par Nordvik Energy à Oslo.",
            &[],
            &["Nordvik Energy invests_in Norway"],
        ),
        // acquiring a firm is not building a site
        (
            "Brightwater Capital has acquired Kiwa Holdings, a software firm based in Canada.",
            &[],
            &["Brightwater Capital invests_in Canada"],
        ),
    ]);
}

#[test]
fn amount_goes_to_the_right_investment() {
    check(&[
        // money a named person announces for another project is not the
        // amount of the project told of before
        (
            "Kiwa Holdings investit dans la construction de centres de données en Europe. Le Journal rapportait que Donald Trump annonçait des investissements de 720 milliards $ dans le projet Stargate.",
            &["Kiwa Holdings invests_in Europe"],
            &["Kiwa Holdings invests_in 720000000000 USD"],
        ),
        (
            "Kiwa Holdings s'engage à verser 17,4 milliards de dollars sur cinq ans pour sécuriser la capacité d'un centre de données au New Jersey.",
            &["Kiwa Holdings invests_in 17400000000 USD", "Kiwa Holdings invests_in United States"],
            &[],
        ),
        // the price paid for what the sentence before bought is its amount
        (
            "Kiwa Holdings has acquired three data centers in Toronto, Canada. Kiwa Holdings paid CA$1.35 billion (US$1.02bn) for the portfolio.",
            &["Kiwa Holdings invests_in 1350000000 CAD"],
            &["Kiwa Holdings invests_in 1020000000 USD"],
        ),
        // a conversion written right after the amount, with no bracket
        (
            "Kiwa Holdings revealed a deal worth AED 2 billion US$544.5 million to build a data centre in Dubai.",
            &["Kiwa Holdings invests_in 2000000000 AED"],
            &["Kiwa Holdings invests_in 544500000 USD"],
        ),
        // a bare "$" in an article about Canada is the Canadian dollar;
        // "US$" stays the US dollar
        (
            "Kiwa Holdings will invest $70 billion in a campus in Alberta, Canada.",
            &["Kiwa Holdings invests_in 70000000000 CAD"],
            &["Kiwa Holdings invests_in 70000000000 USD"],
        ),
        (
            "Kiwa Holdings will invest US$2 billion in a campus in Alberta, Canada.",
            &["Kiwa Holdings invests_in 2000000000 USD"],
            &[],
        ),
        // ... but not when the country only seats a backer, away from the deal
        (
            "Kiwa Holdings will build a $2 billion campus near Tarsk.\n\nKiwa Holdings is backed by Singapore sovereign fund Temasek.",
            &["Kiwa Holdings invests_in 2000000000 USD"],
            &["Kiwa Holdings invests_in 2000000000 SGD"],
        ),
        // a headline's converted amount gives way to the amount as first written
        (
            "Kiwa va investir 5,4 milliards de dollars au Canada\n\nKiwa a déclaré qu'elle investirait 7,5 milliards de dollars canadiens (5,42 milliards de dollars) au Canada.",
            &["Kiwa invests_in 7500000000 CAD"],
            &["Kiwa invests_in 5400000000 USD"],
        ),
        // the headline rounds the conversion ("2 billion" for $2.13 billion)
        (
            "Arveno to invest $2 billion in Malaysia\n\nArveno will invest MYR10 billion ($2.13 billion) in Malaysia.",
            &["Arveno invests_in 10000000000 MYR"],
            &["Arveno invests_in 2000000000 USD"],
        ),
        // but a headline amount that no conversion rounds to stays
        (
            "Arveno investira 3 milliards de dollars en Malaisie\n\nArveno investira 10 milliards de ringgits (2,13 milliards de dollars) en Malaisie.",
            &["Arveno invests_in 3000000000 USD"],
            &["Arveno invests_in 10000000000 MYR"],
        ),
        (
            "Kiwa Holdings va investir 1 milliard de livres (1,16 milliard d'euros) au Royaume-Uni.",
            &["Kiwa Holdings invests_in 1000000000 GBP"],
            &["Kiwa Holdings invests_in 1160000000 EUR"],
        ),
        (
            "Quantara Systems will invest AU$20 billion ($13 billion) in Australia.",
            &["Quantara Systems invests_in 20000000000 AUD"],
            &["Quantara Systems invests_in 13000000000 USD"],
        ),
        (
            "Le groupe Kiwa, dont la valorisation atteint 90 milliards de dollars, \
             investira 4 milliards de dollars au Brésil.",
            &["Kiwa invests_in 4000000000 USD"],
            &["Kiwa invests_in 90000000000 USD"],
        ),
        (
            "Le fonds Arveno investira entre 4 et 5 milliards d'euros en Espagne.",
            &["Arveno invests_in 5000000000 EUR"],
            &[],
        ),
        // money a later sentence names with no investor is the project's
        (
            "Kiwa lance la construction d'un centre de données en Uruguay.\n\n\
             • Investissement : 850 millions de dollars",
            &["Kiwa invests_in 850000000 USD"],
            &[],
        ),
        (
            "Arveno will build a data centre in Kenya. With an initial investment of \
             $300 million, the site will open in 2027.",
            &["Arveno invests_in 300000000 USD"],
            &[],
        ),
        // not when the money goes to another country, nor over an amount given
        (
            "Arveno will build a data centre in Kenya. An investment of $300 million \
             was announced in Brazil.",
            &["Arveno invests_in Kenya"],
            &["Arveno invests_in 300000000 USD"],
        ),
        (
            "Arveno will invest $1 billion in a data centre in Kenya. The investment \
             of $300 million in power lines comes later.",
            &["Arveno invests_in 1000000000 USD"],
            &["Arveno invests_in 300000000 USD"],
        ),
        // a deal's price is its amount, a firm's valuation is not; money a
        // country seeks to attract is not the project's
        (
            "The deal includes a four-year engagement valued at over $1 billion \
             under which Kiwa Holdings will build a data centre in Kenya.",
            &["Kiwa Holdings invests_in 1000000000 USD"],
            &[],
        ),
        (
            "Kiwa Holdings, valued at $19 billion, will build a data centre in Kenya.",
            &["Kiwa Holdings invests_in Kenya"],
            &["Kiwa Holdings invests_in 19000000000 USD"],
        ),
        (
            "Kiwa Holdings will set up a large GPU cluster in the Asia-Pacific region. \
             The cluster should open in 2026, in step with India's drive to attract \
             over $50 billion of data centre investment.",
            &["Kiwa Holdings invests_in Asia-Pacific"],
            &["Kiwa Holdings invests_in 50000000000 USD"],
        ),
        (
            "Kiwa Holdings va construire un grand centre de données en Asie-Pacifique. \
             Le centre doit ouvrir en 2026, en phase avec la volonté de l'Inde d'attirer \
             plus de 50 milliards de dollars d'investissements dans les centres de \
             données.",
            &["Kiwa Holdings invests_in Asia-Pacific"],
            &["Kiwa Holdings invests_in 50000000000 USD"],
        ),
        (
            "It is a $500 billion initiative led by Quantara Systems and Nordvik Energy \
             to build data centres in the United States.",
            &[
                "Quantara Systems invests_in 500000000000 USD",
                "Nordvik Energy invests_in United States",
            ],
            &[],
        ),
    ]);
}

#[test]
fn supplies_in_both_languages() {
    check(&[
        // who secures a supply buys it
        (
            "Kiwa Holdings et d'autres groupes souhaitent garantir un approvisionnement en électricité aux États-Unis.",
            &[],
            &["Kiwa Holdings supplies United States"],
        ),
        (
            "Kiwa Holdings wants to secure a long-term supply of chips for its data centres in the United States.",
            &[],
            &["Kiwa Holdings supplies United States"],
        ),
        (
            "Kiwa Holdings va fournir des puces à Lumo Capital aux États-Unis.",
            &["Kiwa Holdings supplies Lumo Capital"],
            &[],
        ),
        // a firm chosen as a supplier supplies the chooser's project
        (
            "Kiwa Holdings selected AMD as the chip supplier for its data centres in Vietnam.",
            &["AMD supplies Vietnam", "Kiwa Holdings invests_in Vietnam"],
            &["AMD invests_in Vietnam"],
        ),
        (
            "Kiwa Holdings a choisi AMD comme fournisseur de puces pour ses centres de données au Vietnam.",
            &["AMD supplies Vietnam", "Kiwa Holdings invests_in Vietnam"],
            &[],
        ),
        (
            "Kiwa Holdings will build a campus in Johor. Kiwa Holdings selected AMD as the chip supplier for the campus.",
            &["AMD supplies Malaysia"],
            &[],
        ),
        (
            "Kiwa Holdings selected AMD as the best company of the year.",
            &[],
            &["AMD supplies Kiwa Holdings"],
        ),
        // the maker named with the goods is no subject, nor a user of them
        // their maker
        (
            "Kiwa Holdings will use Nvidia's Blackwell GPUs at its new campus in Johor.",
            &["Kiwa Holdings invests_in Johor", "Nvidia supplies Johor"],
            &["Nvidia invests_in Johor"],
        ),
        (
            "Kiwa Holdings va utiliser des puces Nvidia dans son nouveau campus de Johor.",
            &["Kiwa Holdings invests_in Johor", "Nvidia supplies Johor"],
            &["Nvidia invests_in Johor", "Kiwa Holdings supplies Johor"],
        ),
        (
            "La H20 est la puce que Nvidia va vendre en Chine.",
            &["Nvidia supplies China"],
            &[],
        ),
        // "the Johor campus" is the project told of at Johor, not the last one
        (
            "Kiwa Holdings will build a campus in Johor. Kiwa Holdings will also build \
             data centres in Vietnam. Nvidia will provide the GPUs for the Johor campus.",
            &["Nvidia supplies Malaysia"],
            &["Nvidia supplies Vietnam"],
        ),
        (
            "Kiwa Holdings construira un campus à Johor. Kiwa Holdings construira aussi \
             des centres de données au Vietnam. Le campus de Johor sera équipé de puces AMD.",
            &["AMD supplies Malaysia"],
            &["AMD supplies Vietnam"],
        ),
        (
            "Kiwa Holdings will build data centres in Vietnam. Nvidia will provide the \
             GPUs for the campus.",
            &["Nvidia supplies Vietnam"],
            &[],
        ),
        // goods sent to a firm's facility at a place go to that project
        (
            "Nvidia will supply 18,000 GPUs to Lumo Capital's new campus in Riyadh.",
            &["Nvidia supplies Saudi Arabia", "Lumo Capital invests_in Saudi Arabia"],
            &["Nvidia supplies Lumo Capital"],
        ),
        (
            "Nvidia fournira 18 000 GPU au campus de Lumo Capital à Riyad.",
            &["Nvidia supplies Saudi Arabia", "Lumo Capital invests_in Saudi Arabia"],
            &["Nvidia supplies Lumo Capital"],
        ),
        (
            "Nvidia will supply 18,000 GPUs to Lumo Capital.",
            &["Nvidia supplies Lumo Capital"],
            &[],
        ),
        // GPUs stood up at a firm's site: the one who stands them up invests,
        // the site's firm does not make them
        (
            "From 2026, Kiwa Holdings plans to stand up 12,600 GPUs at the Orvane Group facility in Sines, Portugal.",
            &["Kiwa Holdings invests_in Portugal"],
            &["Orvane Group supplies Portugal"],
        ),
        // goods deployed at a place make a site: the deployer invests there,
        // the goods' maker supplies it; "the deployment of" names no site
        (
            "Kiwa Holdings va déployer 12 600 GPU Nvidia de nouvelle génération à Sines, au Portugal.",
            &["Kiwa Holdings invests_in Portugal", "Nvidia supplies Portugal"],
            &["Nvidia invests_in Portugal"],
        ),
        (
            "Events in India aim at broadening the deployment of AI systems beyond a few US customers.",
            &[],
            &["India invests_in United States"],
        ),
        // a model code named once with its maker names the maker later,
        // wherever the goods go: the project invested in, a placed project
        (
            "Kiwa Holdings will deploy 200,000 Arveno Systems Corp. (NASDAQ:ARVN) ZX300 GPUs with Lumo Cloud. Kiwa Holdings plans to stand up 12,600 ZX300 GPUs at the Orvane Group facility in Sines, Portugal. In Britain, Kiwa Holdings's Hollow Ridge AI Campus in Leeds is slated to host 23,000 ZX300 GPUs from 2027.",
            &["Arveno Systems Corp supplies Portugal", "Arveno Systems Corp supplies United Kingdom"],
            &["Orvane Group supplies Portugal"],
        ),
        (
            "Kiwa Holdings plans to stand up 12,600 ZX300 GPUs at the Orvane Group facility in Sines, Portugal.",
            &["Kiwa Holdings invests_in Portugal"],
            &["Arveno Systems Corp supplies Portugal"],
        ),
        // a facility fitted with a maker's goods, told of after the project
        (
            "Kiwa Holdings will build a data centre in Morocco. The first phase will include a 40 MW supercomputing hall, equipped with the latest Arveno Systems GPUs.",
            &["Arveno Systems supplies Morocco"],
            &["Arveno Systems supplies Kiwa Holdings"],
        ),
        // "equipped with" tells what a facility has, not who gets it
        (
            "L'entreprise saoudienne Kiwa Holdings lancera des centres de données équipés de puces américaines au début de 2026, selon Lumo News.",
            &[],
            &["Kiwa Holdings supplies Lumo News"],
        ),
        // goods of a nationality come from there: no site
        (
            "L'entreprise saoudienne Kiwa Holdings lancera des centres de données équipés de puces américaines en 2026.",
            &[],
            &["Kiwa Holdings invests_in United States"],
        ),
        // a chip provider of a facility told of, its firm named before it
        (
            "Kiwa Telecom will build AI data centres in Canada. The first Kiwa AI Fabric facility is set to come online in June in Kamloops, B.C., in partnership with chip provider Arveno Systems.",
            &["Arveno Systems supplies Canada"],
            &[],
        ),
        // a country allowed to import a maker's goods is supplied by it
        (
            "Selon des sources proches du dossier, le Kazakhstan sera autorisé à importer 500 000 des puces d'IA les plus avancées de Arveno Systems chaque année.",
            &["Arveno Systems supplies Kazakhstan"],
            &["Kazakhstan supplies Arveno Systems"],
        ),
        // sales and exports told as nouns are the goods' maker's
        (
            "Les fabricants de puces Arveno Systems et Kiwa Chips reverseront 15% de leurs revenus issus des ventes de puces IA en Chine au gouvernement américain.",
            &["Arveno Systems supplies China", "Kiwa Chips supplies China"],
            &[],
        ),
        (
            "Lumo Data, fournisseur de services saoudien, construira quatre centres. Ainsi, alors que l'administration souffle le chaud et le froid au Moyen-Orient – par exemple en restreignant les exportations de puces liées à l'IA vers la Chine – le royaume avance.",
            &[],
            &["Lumo Data supplies China"],
        ),
        // a facility supplied by a firm: the firm supplies the project
        (
            "Kiwa Telecom va investir 300 millions de dollars en Éthiopie. Dont 100 millions pour ce premier datacenter modulaire fourni par Arveno Systems.",
            &["Arveno Systems supplies Ethiopia"],
            &[],
        ),
        (
            "Kiwa Telecom will build a campus in Kenya. \"By establishing advanced AI data centres powered by Arveno Systems' inference solutions, we help the country grow,\" its chief said.",
            &["Arveno Systems supplies Kenya"],
            &[],
        ),
        (
            "The report was provided by Arveno Systems to Kiwa Telecom in Ethiopia.",
            &[],
            &["Arveno Systems supplies Ethiopia"],
        ),
        // goods the facility runs on, supplied by a firm told by its trade
        (
            "Kiwa Telecom will build a data campus in Fortaleza. The campus will run on wind power \
             supplied by Ventos do Norte.",
            &["Ventos do Norte supplies Brazil"],
            &[],
        ),
        (
            "Kiwa Telecom construira un campus de données à Fortaleza. Le campus sera alimenté par \
             de l'énergie éolienne fournie par la société Ventos do Norte.",
            &["Ventos do Norte supplies Brazil"],
            &[],
        ),

        // only a firm supplies: a place before the verb is none
        (
            "Separately, the Kiwa–Orvane joint venture in Narvik, Norway, is expected to deliver 52,000 GPUs to Lumo Cloud.",
            &[],
            &["Norway supplies Lumo Cloud"],
        ),
        // a facility told of with no project yet: the country the article
        // is about
        (
            "Kiwa Telecom plans to turn South Korea into a hub for AI data centers. This facility will feature advanced chips developed by Arveno Systems.",
            &["Arveno Systems supplies South Korea"],
            &[],
        ),
        // a supply told as a noun, with no one named: the maker supplies the
        // country the article is about
        (
            "Arveno Systems a signé un accord avec le Kazakhstan. L'accord prévoit la fourniture de puces Arveno Systems H200 destinées à des centres de calcul.",
            &["Arveno Systems supplies Kazakhstan"],
            &["Arveno Systems invests_in Kazakhstan"],
        ),
        (
            "The deal signed with Vietnam provides for the delivery of Arveno Systems processors.",
            &["Arveno Systems supplies Vietnam"],
            &[],
        ),
        // a named machine stands where its sentence says, and what it is
        // fitted with is supplied to it
        (
            "L'Europe lance Vortex, le supercalculateur le plus puissant du continent. Inauguré au centre de Jülich en Allemagne, Vortex se classe quatrième. Équipé de 24 000 puces Arveno Systems, Vortex atteint 90 exaflops.",
            &["Arveno Systems supplies Germany"],
            &["Vortex invests_in Germany"],
        ),
        // "la puce que X vend": the name after "que" is the verb's subject;
        // a model told by what it is ("le H20 - le processeur") is no firm
        (
            "Kiwa Holdings a publié ses comptes. Le K20 - le processeur le plus avancé - est la principale puce que Arveno Systems vend en Chine.",
            &["Arveno Systems supplies China"],
            &["K20 supplies China", "Kiwa Holdings supplies China"],
        ),
        // a maker's goods in a sentence about a project, with no supply verb
        (
            "Kestrel Data va construire un centre de données à Taïwan avec des puces Arveno Systems.",
            &["Arveno Systems supplies Taiwan", "Kestrel Data invests_in Taiwan"],
            &["Arveno Systems invests_in Taiwan"],
        ),
        (
            "Velora will build a data centre in Kenya. This facility will feature advanced \
             chips developed by Arveno Corp.",
            &["Arveno Corp supplies Kenya"],
            &[],
        ),
        (
            "Velora Cloud va construire un supercalculateur en Finlande. Équipé de 24 000 \
             superpuces Arveno Systems, il ouvrira en 2027.",
            &["Arveno Systems supplies Finland", "Velora Cloud invests_in Finland"],
            &["Arveno Systems invests_in Finland"],
        ),
        // a facility sentence that names a firm but no goods of it
        (
            "Velora will build a data centre in Kenya. This facility will be run by \
             Arveno Systems from 2027.",
            &["Velora invests_in Kenya"],
            &["Arveno Systems supplies Kenya"],
        ),
        (
            "Halvard Systems will develop an AI campus in Sines. Halvard signed a supply \
             agreement with AMD, which will deliver 40,000 accelerators to the Sines site.",
            &["AMD supplies Portugal"],
            &["Halvard Systems supplies AMD", "Halvard Systems supplies Portugal"],
        ),
        (
            "Qamar Capital va construire un campus près de Marseille. \
             Nvidia livrera 30 000 puces au campus, a précisé le directeur de Qamar Capital.",
            &["Nvidia supplies France"],
            &["Nvidia supplies Qamar Capital"],
        ),
        (
            "Nvidia fournira 50 000 puces au groupe sud-coréen Hanvo Electronics.",
            &["Nvidia supplies Hanvo Electronics"],
            &[],
        ),
        (
            "Kiwa Holdings will spend $4 billion on Nvidia's latest chips to power a data center in Texas.",
            &["Nvidia supplies Kiwa Holdings", "Nvidia supplies United States"],
            &[],
        ),
        (
            "Hanvo Electronics va équiper ses usines avec les puces de Nvidia.",
            &["Nvidia supplies Hanvo Electronics"],
            &[],
        ),
    ]);
}

#[test]
fn goods_of_the_project_told_of_and_its_later_name() {
    check(&[
        // "the project, dubbed X": X is the project told of, with its money
        (
            "Nordhavn va investir 2,4 milliards de couronnes dans un campus à Luleå, en Suède. \
             Le projet, baptisé Aurora North, accueillera jusqu'à 20 000 puces Nvidia.",
            &[
                "Nordhavn invests_in Aurora North",
                "Aurora North located_in Sweden",
                "Nvidia supplies Aurora North",
            ],
            &["Nordhavn invests_in Nordhavn project in Luleå and Sweden"],
        ),
        (
            "Nordhavn will invest $2 billion in a campus in Luleå, Sweden. The project, dubbed \
             Aurora North, will host 20,000 Nvidia GPUs.",
            &[
                "Nordhavn invests_in Aurora North",
                "Nvidia supplies Aurora North",
            ],
            &[],
        ),
        // a facility told of, then a relative clause on what it runs
        (
            "Brightwater Partners will spend $1.5 billion on a data center campus in Abilene, \
             Texas. Microsoft signed a lease for the campus, which will run on Nvidia chips.",
            &["Nvidia supplies Texas"],
            &["Microsoft supplies Texas"],
        ),
        (
            "Brightwater Partners va investir 1,5 milliard de dollars dans un campus au Texas. \
             Microsoft louera le campus, qui sera équipé de puces AMD.",
            &["AMD supplies Texas"],
            &[],
        ),
        // a project in the market's news is not fitted with the goods
        (
            "Kiwa Holdings et Lumo Capital s'associent. Ce projet intervient dans un contexte où \
             la demande pour les puces Nvidia est en constante augmentation.",
            &[],
            &[
                "Nvidia supplies United States",
                "Nvidia supplies Kiwa Holdings",
            ],
        ),
    ]);
}

#[test]
fn goods_supplied_with_no_recipient_go_to_the_project_told_of() {
    check(&[
        (
            "Kiwa Holdings va construire un centre de données à Dakar, au Sénégal. Huawei \
             fournira les serveurs et les équipements de refroidissement.",
            &["Huawei supplies Senegal"],
            &[],
        ),
        (
            "Kiwa Holdings will build a data centre in Nairobi, Kenya. Huawei will supply the \
             servers.",
            &["Huawei supplies Kenya"],
            &[],
        ),
        // a passive names its supplier after the participle
        (
            "Kiwa Holdings va construire un centre de données à Naivasha, au Kenya. Le site, qui \
             accueillera 5 000 processeurs graphiques fournis par Nvidia, ouvrira en 2027.",
            &["Nvidia supplies Kenya"],
            &["Kiwa Holdings supplies Nvidia"],
        ),
        (
            "Kiwa Holdings will build a data centre in Nairobi, Kenya. The site will host 5,000 \
             GPUs supplied by Nvidia.",
            &["Nvidia supplies Kenya"],
            &["Kiwa Holdings supplies Nvidia"],
        ),
        // a firm the goods go to is a customer, not their maker
        (
            "Arveno Systems will build a $12 billion plant in Round Rock, Texas. The plant will \
             supply packaged AI processors to Kestrel Data and Orvane Cloud.",
            &[
                "Arveno Systems supplies Kestrel Data",
                "Arveno Systems supplies Orvane Cloud",
            ],
            &["Kestrel Data supplies Texas"],
        ),
        (
            "Arveno Systems va construire une usine à Lyon. L'usine fournira des puces à Kestrel \
             Data.",
            &[],
            &["Kestrel Data supplies France"],
        ),
        // no supplier named, or the project's own investor: nothing supplied
        (
            "Kiwa Holdings will build a data centre in Nairobi, Kenya. A captive power plant is \
             intended to provide stable power and servers.",
            &[],
            &["Kiwa Holdings supplies Kenya"],
        ),
        (
            "Kiwa Holdings va construire un centre de données à Dakar. Kiwa Holdings fournira \
             les serveurs.",
            &[],
            &["Kiwa Holdings supplies Senegal"],
        ),
    ]);
}

#[test]
fn partnerships_subsidiaries_and_headquarters() {
    check(&[
        // a country's name as an apposition's modifier is the firm's seat
        (
            "Kiwa Holdings, a Singapore firm, will build a campus in Johor.",
            &["Kiwa Holdings headquartered_in Singapore"],
            &[],
        ),
        (
            "Kiwa Holdings, a fast-growing Kenya startup, will build a campus in Lagos.",
            &["Kiwa Holdings headquartered_in Kenya"],
            &["Kiwa Holdings headquartered_in Nigeria"],
        ),
        (
            "Kiwa Holdings, which opened a Singapore office, will build a campus in Johor.",
            &[],
            &["Kiwa Holdings headquartered_in Singapore"],
        ),
        // the nationality of a unit "of" a firm is the unit's, not the firm's
        (
            "La filiale américaine de Vellane, Vellane US, participera au financement. Le groupe français de télécoms Orvane va investir.",
            &["Vellane US headquartered_in United States", "Orvane headquartered_in France"],
            &["Vellane headquartered_in United States"],
        ),
        (
            "The German arm of Kiwa Holdings, Kiwa GmbH, will run the site. The Swiss conglomerate Ardent Group owns the land.",
            &["Ardent Group headquartered_in Switzerland"],
            &["Kiwa Holdings headquartered_in Germany"],
        ),
        // "according to" is no agreement
        (
            "Kiwa Holdings competes with cloud firms run by Lumo Capital and Orvane Group, \
             and plans to buy 5,000 GPUs a year, according to its chief executive.",
            &[],
            &["Lumo Capital partners_with Orvane Group"],
        ),
        (
            "Kiwa Holdings a signé un protocole d'accord avec Quantara Systems.",
            &["Kiwa Holdings partners_with Quantara Systems"],
            &[],
        ),
        // agreeing to work with a firm is a partnership; working with people is none
        (
            "Kiwa Holdings said it agreed to work with Quantara Systems to explore small reactors.",
            &["Kiwa Holdings partners_with Quantara Systems"],
            &[],
        ),
        (
            "Le groupe Kiwa Holdings travaillera avec Quantara Systems sur un campus en Bretagne.",
            &["Kiwa Holdings partners_with Quantara Systems"],
            &[],
        ),
        (
            "Kiwa Holdings will work with local communities in Ohio, said Lumo Capital.",
            &[],
            &["Kiwa Holdings partners_with Lumo Capital"],
        ),
        // a country before a plural noun of firms tells whose firms, not who
        (
            "Kiwa Holdings works with US suppliers of power and with Quantara Systems.",
            &["Kiwa Holdings partners_with Quantara Systems"],
            &["Kiwa Holdings partners_with United States"],
        ),
        // a firm the project is built with is a partner; a firm whose chips
        // it is built with is their maker
        (
            "Kiwa Holdings will build a data centre in Texas with Quantara Systems.",
            &["Kiwa Holdings partners_with Quantara Systems"],
            &[],
        ),
        (
            "Kiwa Holdings will build a supercomputer in Texas with Nvidia chips.",
            &["Nvidia supplies Kiwa Holdings project in Texas"],
            &["Kiwa Holdings partners_with Nvidia"],
        ),
        (
            "Kiwa Holdings va construire un supercalculateur au Texas avec des puces Nvidia.",
            &[],
            &["Kiwa Holdings partners_with Nvidia"],
        ),
        (
            "Kiwa Holdings teamed up with Quantara Systems, developed with the help of the UAE government.",
            &["Kiwa Holdings partners_with Quantara Systems"],
            &["Kiwa Holdings partners_with United Arab Emirates"],
        ),
        (
            "Arveno Cloud, filiale de Kiwa Holdings, ouvrira un bureau.",
            &["Arveno Cloud subsidiary_of Kiwa Holdings"],
            &[],
        ),
        (
            "Le géant japonais Hanvo Electronics a présenté ses résultats.",
            &["Hanvo Electronics headquartered_in Japan"],
            &[],
        ),
        (
            "The deal gives Brazil's Nordvik Energy a new partner.",
            &["Nordvik Energy headquartered_in Brazil"],
            &[],
        ),
        (
            "Quantara, a fast-growing cloud firm from Singapore, signed the deal.",
            &["Quantara headquartered_in Singapore"],
            &[],
        ),
        // a one-word name opening the sentence, told a firm by a long
        // apposition ("San Francisco-based" reads as three words)
        (
            "Lumora, a San Francisco-based AI cloud start-up, has raised $600 million from Sequoia Capital.",
            &["Lumora headquartered_in San Francisco", "Sequoia Capital invests_in Lumora"],
            &[],
        ),
        (
            "Lumora, une jeune pousse française de cloud pour l'IA, a levé 600 millions d'euros auprès de Sequoia Capital.",
            &["Lumora headquartered_in France"],
            &[],
        ),
        (
            "Vantor Cloud, the Singapore-based cloud provider, said on Monday it would expand.",
            &["Vantor Cloud headquartered_in Singapore"],
            &[],
        ),
        (
            "Halvard Systems, the Norwegian data centre operator, signed the lease.",
            &["Halvard Systems headquartered_in Norway"],
            &[],
        ),
        (
            "Brightline Compute, a unit of Oslo-based Norsk Kraft, is weighing a project.",
            &["Brightline Compute subsidiary_of Norsk Kraft"],
            &[],
        ),
        (
            "Le fonds s'est associé à l'opérateur Oreva Énergie, filiale du groupe Lumis.",
            &["Oreva Énergie subsidiary_of Lumis"],
            &[],
        ),
    ]);
}

#[test]
fn a_unit_told_by_its_nationality_and_its_owner() {
    check(&[
        (
            "The German arm of Kiwa Holdings, Kiwa Deutschland, will run the site.",
            &["Kiwa Deutschland subsidiary_of Kiwa Holdings"],
            &["Kiwa Holdings headquartered_in Germany"],
        ),
        (
            "La filiale espagnole de Kiwa Holdings, Kiwa Iberia, exploitera le site.",
            &["Kiwa Iberia subsidiary_of Kiwa Holdings"],
            &["Kiwa Holdings headquartered_in Spain"],
        ),
        (
            "Kiwa Holdings' Indian subsidiary, Lumora Data, will run the site.",
            &["Lumora Data subsidiary_of Kiwa Holdings"],
            &[],
        ),
        (
            "Lumora Data, the Indian subsidiary of Kiwa Holdings, will run the site.",
            &["Lumora Data subsidiary_of Kiwa Holdings"],
            &["Kiwa Holdings headquartered_in India"],
        ),
        (
            "Orvane Cloud, filiale espagnole du groupe Telvio, exploitera le site.",
            &["Orvane Cloud subsidiary_of Telvio"],
            &["Telvio headquartered_in Spain"],
        ),
        // a list after the owner is no apposition
        (
            "The Asian arm of Kiwa Holdings, Orvane and Telvio signed the deal.",
            &[],
            &["Orvane subsidiary_of Kiwa Holdings"],
        ),
    ]);
}

#[test]
fn a_seat_told_by_a_copula_or_a_possessive() {
    check(&[
        (
            "Gridhaus will build a campus in Tallinn. Gridhaus is headquartered in Tartu.",
            &["Gridhaus headquartered_in Tartu"],
            &[],
        ),
        (
            "Kiwa Holdings was founded in 2019 and is headquartered in Narva.",
            &["Kiwa Holdings headquartered_in Narva"],
            &[],
        ),
        (
            "Lumo Capital est basée à Nantes. Orvane Cloud a son siège à Rennes.",
            &["Lumo Capital headquartered_in Nantes", "Orvane Cloud headquartered_in Rennes"],
            &[],
        ),
        // a relative clause after a passive agent seats the firm before it
        (
            "Kiwa Holdings, financée par Lumo Capital, fondée en 2017 et dont le siège se trouve à Nantes, est valorisée à 2 milliards.",
            &[],
            &["Lumo Capital headquartered_in Nantes"],
        ),
        // a firm built in a place is not seated there
        (
            "Kiwa Holdings is building a campus in Narva.",
            &[],
            &["Kiwa Holdings headquartered_in Narva"],
        ),
    ]);
}

#[test]
fn what_the_project_told_of_is_worth_is_its_amount() {
    check(&[
        (
            "Gridhaus will build a campus in Tallinn, Estonia. The project, worth €400 million, will open in 2027.",
            &["Gridhaus invests_in 400000000 EUR"],
            &[],
        ),
        (
            "Kiwa Holdings va construire un campus à Nantes. Le campus, d'un montant de 300 millions d'euros, ouvrira en 2027.",
            &["Kiwa Holdings invests_in 300000000 EUR"],
            &[],
        ),
        // a firm's worth is its market value
        (
            "Lumo Capital will build a campus in Leeds. Nvidia, now worth $4 trillion, will supply the chips.",
            &["Lumo Capital invests_in United Kingdom"],
            &["Lumo Capital invests_in 4000000000000 USD"],
        ),
    ]);
}

#[test]
fn a_head_told_by_a_participle_after_the_firms_description() {
    check(&[
        (
            "Norrhav Capital, fonds suédois présidé par Erik Lind, détient des participations.",
            &["Erik Lind leads Norrhav Capital"],
            &[],
        ),
        (
            "Kiwa Holdings, the Japanese group chaired by Anna Kask, will build a campus.",
            &["Anna Kask leads Kiwa Holdings"],
            &[],
        ),
        // the head of a unit the relative clause names heads no firm
        (
            "Lumo Capital, whose cloud unit is run by Anna Kask, will invest.",
            &[],
            &["Anna Kask leads Lumo Capital"],
        ),
    ]);
}

#[test]
fn a_new_facility_for_goods_supplied_is_the_recipients() {
    check(&[
        (
            "Telvio Systems will supply 12,000 GPUs to Kiwa Holdings for its new data centre in Johor, Malaysia.",
            &["Kiwa Holdings invests_in Malaysia", "Telvio Systems supplies Kiwa Holdings"],
            &["Telvio Systems invests_in Malaysia"],
        ),
        (
            "Telvio Systems fournira 12 000 GPU à Kiwa Holdings pour son nouveau centre de données à Lille.",
            &["Kiwa Holdings invests_in France"],
            &["Telvio Systems invests_in France"],
        ),
        // a firm opening its own new facility builds it
        (
            "Kiwa Holdings will open its new data centre in Johor, Malaysia, next year.",
            &["Kiwa Holdings invests_in Malaysia"],
            &[],
        ),
    ]);
}

#[test]
fn consortium_members_all_invest() {
    check(&[(
        "Un consortium réunissant Kiwa Holdings, Quantara Systems et Nordvik Energy \
         investira 2 milliards de dollars au Maroc.",
        &[
            "Kiwa Holdings invests_in Morocco",
            "Quantara Systems invests_in Morocco",
            "Nordvik Energy invests_in Morocco",
        ],
        &[],
    ),
    // a project carried by a named consortium, no amount in the sentence:
    // its members invest and are partners
    (
        "Ce projet porté par un consortium réunissant Kiwa Holdings, Quantara Systems et Nordvik Energy ambitionne de faire de la France un pôle de calcul.",
        &[
            "Kiwa Holdings invests_in France",
            "Nordvik Energy invests_in France",
            "Kiwa Holdings partners_with Quantara Systems",
        ],
        &[],
    ),
    (
        "The project, backed by a consortium of Kiwa Holdings and Quantara Systems, will rise in Chile.",
        &["Kiwa Holdings invests_in Chile", "Quantara Systems invests_in Chile"],
        &[],
    ),
    // without a consortium, a project led by a firm needs its amount
    (
        "The project, led by Kiwa Holdings, was discussed in Chile.",
        &[],
        &["Kiwa Holdings invests_in Chile"],
    )]);
}

#[test]
fn people_and_roles() {
    check(&[
        // a head told by a verb; the head of a firm's unit is one of its people
        (
            "Maria Lenz, who heads Kiwa Holdings, said demand was strong.",
            &["Maria Lenz leads Kiwa Holdings"],
            &[],
        ),
        (
            "Maria Lenz, who leads Kiwa Holdings' cloud business, said demand was strong.",
            &["Maria Lenz affiliated_with Kiwa Holdings"],
            &["Maria Lenz leads Kiwa Holdings"],
        ),
        (
            "Jean Morel, à la tête de Lumo Capital depuis 2019, a confirmé l'investissement.",
            &["Jean Morel leads Lumo Capital"],
            &[],
        ),
        (
            "Lumo Capital, dirigée par Jean Morel, financera le projet.",
            &["Jean Morel leads Lumo Capital"],
            &[],
        ),
        (
            "Lumo Capital met Jean Morel, who runs a bakery.",
            &[],
            &["Jean Morel leads Lumo Capital"],
        ),
        // a person one rule ties to a country is not also given the
        // article's country by another
        (
            "Kiwa Holdings va investir en Arabie saoudite. Kiwa Holdings construira un site en Arabie saoudite. \
             The news comes after South Korean President Park Min-jun visited Saudi Arabia.",
            &["Park Min-jun leads South Korea"],
            &["Park Min-jun leads Saudi Arabia"],
        ),
        // a compound given name makes a person; an envoy's post follows his country
        (
            "Kiwa Holdings inaugure son campus en présence de Jean-Yves Moreau et de \
             l'ambassadeur du Japon en France, Kenji Arai.",
            &["Kenji Arai affiliated_with Japan"],
            &["Kenji Arai affiliated_with France"],
        ),
        // "le patron du groupe", "head of the company": the firm told of before
        (
            "Kestrel Capital investira 5 milliards d'euros en France. L'accord a été conclu \
             avec Paul Varin, le patron du fonds.",
            &["Paul Varin leads Kestrel Capital"],
            &[],
        ),
        (
            "Orvane Systems opened a plant in Ohio. Jane Roe, the founder of the company, \
             said more would follow.",
            &["Jane Roe leads Orvane Systems"],
            &[],
        ),
        // "its founder": the sentence's subject, not the firm named most so far
        (
            "Velora Cloud buys Arveno chips. Arveno makes them in Taiwan. Arveno ships them. \
             Kestrel Data will buy 10,000 GPUs a year, according to its founder Ken Aoki.",
            &["Ken Aoki leads Kestrel Data"],
            &["Ken Aoki leads Arveno"],
        ),
        // but a maker named after a goods word or a preposition is not the
        // subject "son" and "its" refer to
        (
            "Orvane Energie construit un centre de données à Tanger. Orvane Energie y investira \
             300 millions d'euros. Le site sera équipé de processeurs AMD, a précisé son directeur général, Paul Rivière.",
            &["Paul Rivière leads Orvane Energie"],
            &["Paul Rivière leads AMD"],
        ),
        (
            "Orvane Energie is building a data centre in Ohio. Orvane Energie will spend $300 \
             million on it. The site will run on chips from Nvidia, its chief executive, Paul Rivers, said.",
            &["Paul Rivers leads Orvane Energie"],
            &["Paul Rivers leads Nvidia"],
        ),
        // a cue noun between the preposition and the firm
        (
            "Le ministre a rencontré Paul Varin, le patron du fonds Kestrel Capital.",
            &["Paul Varin leads Kestrel Capital"],
            &[],
        ),
        (
            "Le PDG de Kiwa Holdings, Marc Delorme, a signé l'accord.",
            &["Marc Delorme leads Kiwa Holdings"],
            &[],
        ),
        (
            "Quantara Systems chief executive Dana Whitfield said the plan was sound.",
            &["Dana Whitfield leads Quantara Systems"],
            &[],
        ),
        (
            "Sorano Telecom investira en Inde. Sorano Telecom s'associe à Varuna Infra. \
             « Nous y croyons », a déclaré son PDG, Kenji Mori.",
            &["Kenji Mori leads Sorano Telecom"],
            &["Kenji Mori leads Varuna Infra"],
        ),
        (
            "Léa Martin, directrice financière de Kiwa Holdings, a confirmé.",
            &["Léa Martin affiliated_with Kiwa Holdings"],
            &["Léa Martin leads Kiwa Holdings"],
        ),
        // a company head's bare title, with no firm named in the sentence:
        // the firm the article is about
        (
            "Sorano Telecom investira 2 milliards de dollars en Inde. Les deux campus ouvriront \
             en 2027, a déclaré le PDG Kenji Mori.",
            &["Kenji Mori leads Sorano Telecom"],
            &[],
        ),
        (
            "Sorano Telecom will invest $2 billion in India. The two campuses will open in 2027, \
             Chief Executive Kenji Mori told reporters.",
            &["Kenji Mori leads Sorano Telecom"],
            &[],
        ),
        // but not a former head, nor a title whose words name another body
        (
            "Sorano Telecom will invest $2 billion in India. The plant is named after former \
             CEO Kenji Mori.",
            &[],
            &["Kenji Mori leads Sorano Telecom"],
        ),
        (
            "Sorano Telecom will invest $2 billion in India. The deal was announced at a CEO \
             roundtable featuring President Kenji Mori.",
            &[],
            &["Kenji Mori leads Sorano Telecom"],
        ),
        (
            "Sorano Telecom investira 2 milliards de dollars en Inde. La centrale portera le nom \
             de son ex-PDG Kenji Mori.",
            &[],
            &["Kenji Mori leads Sorano Telecom"],
        ),
    ]);
}

#[test]
fn coreference_to_firms_and_countries() {
    check(&[
        // a firm told by its seat ("the Osaka-based company") is the one
        // named before, and "its founder" is that firm's
        (
            "Kiwa Holdings plans to buy 10,000 GPUs for a data centre in Hokkaido. \
             The Osaka-based company, a rival of Orvane Cloud, is seeking to expand, according to its founder Talvi Oruhane.",
            &["Talvi Oruhane leads Kiwa Holdings"],
            &["Talvi Oruhane leads Orvane Cloud"],
        ),
        // a state acts as its country: "le gouvernement belge", "the
        // Canadian government", "the government of Kenya"
        (
            "The Canadian government will invest $240 million in a new AI data centre in Toronto.",
            &["Canada invests_in Canada project in Toronto"],
            &[],
        ),
        (
            "L'Etat sénégalais va construire un data center à Diamniadio.",
            &["Senegal invests_in Senegal project in Diamniadio"],
            &[],
        ),
        (
            "The government of Kenya will build a national data centre in Nairobi.",
            &["Kenya invests_in Kenya project in Nairobi"],
            &[],
        ),
        (
            "Kiwa Holdings a signé un accord avec le gouvernement égyptien.",
            &["Kiwa Holdings partners_with Egypt"],
            &[],
        ),
        // "the government" without its country: the country the article
        // names most, counting the places in it; a demonym after names it
        (
            "Halvorsen Compute will build a data centre in Quebec. The federal \
             government has committed up to $240 million towards the project.",
            &["Canada invests_in 240000000 CAD"],
            &["Halvorsen Compute invests_in 240000000 CAD"],
        ),
        (
            "Oracle va ouvrir deux centres au Maroc, après la Turquie. Les villes de \
             Casablanca et de Settat accueilleront ces centres, qui soutiendront les \
             initiatives du gouvernement, a déclaré Ghita Mezzour, ministre de la \
             Transition numérique.",
            &["Ghita Mezzour affiliated_with Morocco"],
            &["Ghita Mezzour affiliated_with Turkey"],
        ),
        (
            "Le Sud-Coréen Kiwa Memory et le gouvernement américain ont signé un accord \
             pour la construction d'une usine dans l'Indiana.",
            &["United States invests_in Indiana"],
            &["South Korea invests_in Indiana"],
        ),
        (
            "The government will invest in data centres.",
            &[],
            &["government invests_in"],
        ),
        // "le groupe de ⟨P⟩": the firm told of before, which P leads; "le
        // groupe de télécoms Kestrel" is a cue before a name
        (
            "Kestrel Telecom va vendre des antennes. En marge de ses résultats, le groupe \
             de Marc Aubert a fait part de sa volonté d'investir 2,5 milliards d'euros \
             pour ses centres de données en Europe.",
            &["Marc Aubert leads Kestrel Telecom", "Kestrel Telecom invests_in 2500000000 EUR"],
            &[],
        ),
        (
            "Orvane Systems a publié ses comptes. Le groupe de télécoms Kestrel va investir au Maroc.",
            &["Kestrel invests_in Morocco"],
            &["Orvane Systems invests_in Morocco"],
        ),
        // a nationality is not a state, nor is a state within the country
        (
            "The Canadian firm Kiwa Holdings will build a data centre in Toronto.",
            &["Kiwa Holdings invests_in Kiwa Holdings project in Toronto"],
            &["Canada invests_in Kiwa Holdings project in Toronto"],
        ),
        (
            "In the Indian state of Gujarat, Kiwa Holdings will build a data centre.",
            &[],
            &["India invests_in Kiwa Holdings project in Gujarat", "India invests_in India project in Gujarat"],
        ),
        // "the kingdom" is a country with a king, not the last one named
        (
            "Kiwa Holdings signed a deal with Saudi Arabia. Its rival Orvane Group is based in the United States. Kiwa Holdings will build data centres in the kingdom.",
            &["Kiwa Holdings invests_in Saudi Arabia"],
            &["Kiwa Holdings invests_in United States"],
        ),
        // a speaker is not the subject of a reported clause with a subject of
        // its own, unless that subject is the speaker's deal
        (
            "La ministre française Ana Lopez a annoncé que 35 sites étaient prêts pour accueillir de nouveaux centres de données en Espagne.",
            &[],
            &["France invests_in Spain", "Ana Lopez invests_in Spain"],
        ),
        (
            "Kiwa Holdings a déclaré que l'accord aiderait à financer l'expansion des centrales de l'Ohio.",
            &["Kiwa Holdings invests_in United States"],
            &[],
        ),
        // a news agency is the source, never what "it" refers to
        (
            "Kestrel Data unveiled a campus, Reuters reported. It signed a partnership \
             with Orvane Group to build it.",
            &["Kestrel Data partners_with Orvane Group"],
            &["Reuters partners_with Orvane Group"],
        ),
        (
            "Kiwa Holdings a publié ses comptes. La firme va investir 1 milliard de dollars au Kenya.",
            &["Kiwa Holdings invests_in Kenya"],
            &[],
        ),
        // an anaphor opening its sentence takes up the subject before, not
        // the last firm named
        (
            "Kiwa Holdings a dévoilé un partenariat avec Orvane Group. L'entreprise va investir \
             1 milliard de dollars au Kenya.",
            &["Kiwa Holdings invests_in Kenya"],
            &["Orvane Group invests_in Kenya"],
        ),
        (
            "Quantara Systems signed a deal with Vorn Capital. On Tuesday, the company said it \
             will invest $3 billion in Poland.",
            &["Quantara Systems invests_in Poland"],
            &["Vorn Capital invests_in Poland"],
        ),
        // ... and so does an anaphor after one: the chain keeps the subject
        (
            "Kestrel Cloud will build a data centre in Portugal. The company has partnered \
             with Orvane Energy to power the site. It also signed an agreement with Lumo Systems.",
            &["Kestrel Cloud partners_with Lumo Systems"],
            &["Orvane Energy partners_with Lumo Systems"],
        ),
        (
            "Kestrel Cloud va construire un centre de données au Portugal. L'entreprise s'est \
             associée à Orvane Énergie pour alimenter le site. Elle a aussi signé un accord avec \
             Lumo Systems.",
            &["Kestrel Cloud partners_with Lumo Systems"],
            &["Orvane Énergie partners_with Lumo Systems"],
        ),
        // a known firm taken up by its name without the suffix is that
        // firm, and the subject an anaphor after it takes up
        (
            "Microsoft will partner with Talen Energy on a campus in Ohio. Talen needs \
             approval from regulators. The company has already been cleared to build a plant \
             in Pennsylvania.",
            &["Talen Energy invests_in Pennsylvania"],
            &["Microsoft invests_in Pennsylvania"],
        ),
        (
            "Microsoft va s'associer à Bloom Energy pour un campus dans l'Ohio. Bloom a besoin \
             de l'accord du régulateur. L'entreprise a déjà obtenu le droit de construire une \
             centrale en Pennsylvanie.",
            &["Bloom Energy invests_in Pennsylvania"],
            &["Microsoft invests_in Pennsylvania"],
        ),
        // (but not when the short name is a known firm of its own)
        (
            "Siemens Energy will supply turbines for a campus in Ohio. Siemens will build a \
             factory in Texas.",
            &["Siemens invests_in Texas"],
            &["Siemens Energy invests_in Texas"],
        ),
        (
            "Naver will build a campus in Vietnam. Naver Cloud will open a data centre in Thailand.",
            &["Naver invests_in Vietnam", "Naver Cloud invests_in Thailand"],
            &["Naver Cloud invests_in Vietnam"],
        ),
        // a sentence about a person goes on with the firm told of before
        // it, not with the firm the person came from
        (
            "Orvane Systems has appointed Priya Raman as chief executive. Raman, who \
             previously ran the Asian operations of Kestrel Group, replaces Lars Brenner. The \
             company also said it would open a factory in Pune, India.",
            &["Orvane Systems invests_in India"],
            &["Kestrel Group invests_in India"],
        ),
        (
            "Orvane Systems a nommé Priya Raman directrice générale. Mme Raman, qui dirigeait \
             les activités asiatiques de Kestrel Group, succède à Lars Brenner. L'entreprise a \
             également annoncé l'ouverture d'une usine à Pune, en Inde.",
            &["Orvane Systems invests_in India"],
            &["Kestrel Group invests_in India"],
        ),
        (
            "Kestrel Group met analysts. Priya Raman, chief executive of Orvane Systems, said \
             the deal was done. The company will open a factory in Pune, India.",
            &["Orvane Systems invests_in India"],
            &["Kestrel Group invests_in India"],
        ),
        (
            "Quantara Systems met analysts in London. The company will invest $3 billion in Poland.",
            &["Quantara Systems invests_in Poland"],
            &[],
        ),
        (
            "Vantor Cloud met investors. The company's chief executive, Priya Raman, \
             said Vantor will invest $1 billion in Chile.",
            &["Priya Raman leads Vantor Cloud", "Vantor Cloud invests_in Chile"],
            &["Vantor invests_in Chile"],
        ),
        // "with the country investing": the name after "with" is the verb's subject
        (
            "Orvane Group will build a campus in Kenya with Kestrel Data. The UAE backs the plan. \
             It shows the ambition of the UAE in Africa, with the country investing $100 billion in the continent.",
            &["United Arab Emirates invests_in Africa", "Orvane Group invests_in Kenya"],
            &["Orvane Group invests_in Africa", "Kestrel Data invests_in Africa"],
        ),
        (
            "L'Égypte veut moderniser ses réseaux. Le pays a déjà investi 2 milliards $ pour développer son réseau.",
            &["Egypt invests_in 2000000000 USD"],
            &[],
        ),
    ]);
}

#[test]
fn denials_speculation_and_furniture_give_no_investment() {
    check(&[
        (
            "Kiwa Holdings n'a pas investi au Maroc, contrairement aux rumeurs.",
            &[],
            &["Kiwa Holdings invests_in Morocco"],
        ),
        (
            "Quantara Systems denied it would invest $2 billion in Vietnam.",
            &[],
            &["Quantara Systems invests_in Vietnam"],
        ),
        (
            "Le groupe Kiwa pourrait investir 3 milliards d'euros en Italie, selon des rumeurs.",
            &[],
            &["Kiwa invests_in Italy"],
        ),
        (
            "Quantara Systems could invest in Peru, analysts speculated.",
            &[],
            &["Quantara Systems invests_in Peru"],
        ),
        // a hedge is the actor's own plan, still announced
        (
            "Quantara Systems may invest as much as $3 billion in Peru.",
            &["Quantara Systems invests_in Peru"],
            &[],
        ),
        (
            "Kiwa Holdings a créé une coentreprise avec Orvane Group qui pourrait développer \
             des centres de données en Italie.",
            &[
                "Kiwa Holdings invests_in Italy",
                "Orvane Group invests_in Italy",
            ],
            &[],
        ),
        // money received is no investment of the one who receives it
        (
            "Le fabricant Kiwa Holdings devrait avoir accès à des prêts de 500 millions de dollars au Maroc.",
            &[],
            &["Kiwa Holdings invests_in Morocco"],
        ),
        (
            "Quantara Systems has secured funding of $1 billion for its plant in Vietnam.",
            &[],
            &["Quantara Systems invests_in Vietnam"],
        ),
        // who attracts or pushes for investment, or is funded by someone, does not invest
        (
            "L'annonce s'aligne avec la stratégie de l'administration Kiwa qui pousse activement pour les investissements sur le sol américain.",
            &[],
            &["Kiwa invests_in United States"],
        ),
        (
            "Quantara Systems, financée largement par Orvane Group, a son siège dans le New Jersey.",
            &[],
            &["Quantara Systems invests_in United States"],
        ),
        // a money word that names a kind of firm tells no investment
        (
            "MEAG, which is the investment arm of German insurer Munich Re, signed a lease in Frankfurt.",
            &[],
            &["MEAG invests_in Germany"],
        ),
        (
            "Kiwa Capital, une société d'investissement en Italie, a signé un accord.",
            &[],
            &["Kiwa Capital invests_in Italy"],
        ),
        // ... but "an investment by X" is X's
        (
            "The investment by Orvane Group in Vietnam reaches $2 billion.",
            &["Orvane Group invests_in Vietnam"],
            &[],
        ),
        // ... but the one who gives it invests
        (
            "Quantara Systems will receive a loan of $500 million in Vietnam. Orvane Group will invest $2 billion in Vietnam.",
            &["Orvane Group invests_in Vietnam"],
            &["Quantara Systems invests_in Vietnam"],
        ),
        // a photo caption names people, not deals
        (
            "De gauche à droite : le directeur général de Kiwa Holdings, Ali Benali, et le \
             ministre chargé de l'Investissement au Maroc.",
            &["Ali Benali leads Kiwa Holdings"],
            &["Kiwa Holdings invests_in Morocco"],
        ),
        (
            "À lire aussi : Kiwa Holdings va investir 5 milliards de dollars en Inde",
            &[],
            &["Kiwa Holdings invests_in India"],
        ),
    ]);
}

#[test]
fn capitalised_non_names_give_no_entities() {
    let ex = Extractor::new().unwrap();
    let doc = ex
        .extract(
            "t.txt",
            "How Physical AI Is Transforming Manufacturing\n\
             Yaoundé - Dakar - Abidjan - Genève\n\
             Lundi, le PIB a progressé. The H100 chips shipped in March.\n\
             Ali Benali, le ministre délégué chargé de l'Investissement, de la Convergence, \
             et de l'évaluation des Politiques publiques, a reçu Kiwa Holdings. L'accord lie \
             Kiwa Holdings et le ministère de l'Investissement, de la Convergence et de \
             l'évaluation des Politiques publiques.",
        )
        .document;
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    // a minister's domains, listed, are no names
    for bad in ["Investissement", "Convergence", "Politiques"] {
        assert!(!names.contains(&bad), "{bad} in {names:?}");
    }
    assert!(names.contains(&"Kiwa Holdings"), "{names:?}");
    for bad in [
        "How Physical",
        "Lundi",
        "PIB",
        "H100",
        "Dakar",
        "Switzerland",
    ] {
        assert!(!names.contains(&bad), "{bad} in {names:?}");
    }
}

/// A headline names the firm short, the body in full: one firm, named in
/// full, with the short form as its alias, in both languages.
#[test]
fn a_firm_first_named_short_is_the_full_name_met_later() {
    let ex = Extractor::new().unwrap();
    for text in [
        "Delcor and Brightwater form joint venture\n\nDelcor Infrastructure and Brightwater \
         Partners will build a data centre campus in Texas. Brightwater will hold 60% and \
         Delcor the rest.",
        "Delcor et Brightwater s'allient\n\nDelcor Infrastructure et Brightwater Partners vont \
         construire un campus de centres de données au Texas. Brightwater détiendra 60 % et \
         Delcor le reste.",
    ] {
        let doc = ex.extract("t.txt", text).document;
        let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
        for short in ["Delcor", "Brightwater"] {
            assert!(!names.contains(&short), "{short} in {names:?}");
            let full = doc
                .entities
                .iter()
                .find(|e| e.name.starts_with(short))
                .unwrap_or_else(|| panic!("no {short} in {names:?}"));
            assert!(full.aliases.iter().any(|a| a == short), "{full:?}");
        }
        let partners = doc
            .triples
            .iter()
            .filter(|t| t.p == Predicate::PartnersWith)
            .count();
        assert_eq!(partners, 1, "{:#?}", doc.triples);
    }
}

/// Seas are places: a supplier's wind farms "in the North Sea" or "en
/// Méditerranée" name no firm and no recipient.
#[test]
fn seas_are_places() {
    use crate::model::EntityType::Place;
    let en = "Kiwa Holdings will build a campus in Edinburgh. Kestrel Power will deliver \
              electricity from its offshore wind farms in the North Sea.";
    assert_eq!(entity_kind(en, "North Sea"), Some(Place));
    check(&[(
        en,
        &["Kestrel Power supplies Edinburgh"],
        &["Kestrel Power supplies North Sea"],
    )]);
    let fr = "Kiwa Holdings construira un campus à Marseille. Kestrel Power fournira \
              l'électricité de ses parcs éoliens en Méditerranée.";
    assert_eq!(entity_kind(fr, "Mediterranean Sea"), Some(Place));
}

/// "X Y said" reads as a person unless the article describes X Y as a
/// firm elsewhere; a person's apposition with a title stays a person.
#[test]
fn a_name_the_article_describes_as_a_firm_is_no_person() {
    use crate::model::EntityType::{Organization, Person};
    assert_eq!(
        entity_kind(
            "Helix Compute said it would buy Tessaro Networks. Helix Compute, the Dublin-based \
             cloud provider, has six sites.",
            "Helix Compute"
        ),
        Some(Organization)
    );
    assert_eq!(
        entity_kind(
            "Helix Compute a annoncé le rachat. Helix Compute, l'hébergeur irlandais, a déclaré \
             que l'opération serait close en 2026.",
            "Helix Compute"
        ),
        Some(Organization)
    );
    assert_eq!(
        entity_kind(
            "Analysts at Lumo Research said the deal made sense. Lumo Research said more would \
             follow.",
            "Lumo Research"
        ),
        Some(Organization)
    );
    assert_eq!(
        entity_kind(
            "Selon les analystes de Lumo Research, le projet est viable. Lumo Research a déclaré \
             que d'autres suivraient.",
            "Lumo Research"
        ),
        Some(Organization)
    );
    assert_eq!(
        entity_kind(
            "Marlo Kendt said the site would open in 2027. Marlo Kendt, the company's founder, \
             declined to comment.",
            "Marlo Kendt"
        ),
        Some(Person)
    );
}

/// A short form's own short key follows it to the full name: "Arveno's"
/// after "Arveno Systems" (headline) and "Arveno Systems Inc" (body).
#[test]
fn the_short_keys_of_a_short_form_name_the_full_name() {
    let ex = Extractor::new().unwrap();
    let doc = ex
        .extract(
            "t.txt",
            "Arveno Systems picks Texas for chip plant\n\nArveno Systems Inc will build a plant \
             in Round Rock, Texas. Arveno's chief financial officer, Priya Natarajan, said the \
             plant would open in 2028.",
        )
        .document;
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.contains(&"Arveno Systems"), "{names:?}");
    assert!(
        doc.triples
            .iter()
            .any(|t| t.s == "Priya Natarajan" && t.o == "Arveno Systems Inc"),
        "{:#?}",
        doc.triples
    );
}

/// A project that takes a later name keeps one copy of each fact it
/// shares with the name's own ("Nvidia supplies Aurora North" twice).
#[test]
fn a_project_named_later_keeps_one_copy_of_each_fact() {
    let ex = Extractor::new().unwrap();
    let doc = ex
        .extract(
            "t.txt",
            "Nvidia will supply 10,000 GPUs to Aurora North.\n\nNordhavn will invest $2 billion \
             in a campus in Luleå, Sweden. Nvidia will supply the GPUs to the campus. The \
             project, dubbed Aurora North, will open in 2027.",
        )
        .document;
    let supplies: Vec<_> = doc
        .triples
        .iter()
        .filter(|t| t.p == Predicate::Supplies && t.s == "Nvidia")
        .collect();
    assert_eq!(supplies.len(), 1, "{supplies:#?}");
    assert_eq!(supplies[0].o, "Aurora North");
}

#[test]
fn single_word_firms_from_use() {
    let ex = Extractor::new().unwrap();
    let doc = ex
        .extract(
            "t.txt",
            "Zentrix va investir 2 milliards de dollars en Pologne. \
             Selon Zentrix, le site ouvrira en 2027. \
             Les offres de Google, Microsoft et Vantor ont été écartées.",
        )
        .document;
    let kind = |n: &str| doc.entities.iter().find(|e| e.name == n).map(|e| e.kind);
    use crate::model::EntityType::Organization;
    assert_eq!(kind("Zentrix"), Some(Organization));
    assert_eq!(kind("Vantor"), Some(Organization));
}

/// Family 7: a number the article keeps writing after a name is the name's
/// ("Hut 8"), once only it is not ("Phase 2"); "IT" in capitals is no "it";
/// a stock listing in brackets names no one.
#[test]
fn names_with_numbers_and_capital_acronyms() {
    check(&[
        (
            "Kestrel Cloud unveiled a partnership with Orvane Corp. (NASDAQ:ORVN) to deploy 20,000 GPUs across Europe and the United States.",
            &["Kestrel Cloud invests_in United States", "Orvane Corp invests_in United States"],
            &["ORVN invests_in United States", "NASDAQ invests_in United States"],
        ),
        (
            "Kestrel 8 has signed a deal to deliver 245MW of IT capacity to Orvane Group. \
             Kestrel 8 will build a campus in Louisiana.",
            &["Kestrel 8 invests_in United States"],
            &[
                "Kestrel invests_in United States",
                "Orvane Group invests_in United States",
            ],
        ),
        // an apposition that ends on a short name in brackets is skipped
        // to find the subject
        (
            "Kiwa Holdings, en collaboration avec l'Institut national de Lumo (INL), a lancé le projet VORTALIS à Lugano.",
            &["Kiwa Holdings invests_in VORTALIS"],
            &["INL invests_in VORTALIS"],
        ),
        (
            "Kiwa Holdings, together with the national institute of Lumo (INL), launched the VORTALIS project in Lugano.",
            &["Kiwa Holdings invests_in VORTALIS"],
            &["INL invests_in VORTALIS"],
        ),
        (
            "Kiwa Holdings will build Phase 2 of its campus in Kenya.",
            &["Kiwa Holdings invests_in Kenya"],
            &[],
        ),
        // a model number and its maker joined by a particle are two names
        (
            "Le supercalculateur Vortalis sera installé à Lyon. L'architecture HX3000 \
             d'Orvane Systems, qui équipe Vortalis, est efficace.",
            &["Orvane Systems supplies Vortalis"],
            &["HX3000 d'Orvane Systems supplies Vortalis"],
        ),
        (
            "The Vortalis supercomputer will be installed in Lyon. The HX3000 of Orvane \
             Systems, which powers Vortalis, is efficient.",
            &["Orvane Systems supplies Vortalis"],
            &["HX3000 of Orvane Systems supplies Vortalis"],
        ),
    ]);
}

/// Family 7: one word in brackets after a firm's long name is its short
/// name ("Abu Dhabi National Energy Company (Taqa)"), so later sentences
/// that use it speak of the same firm; a place in brackets stays a place.
/// An ampersand inside a name that opens on a country keeps it whole.
#[test]
fn short_names_in_brackets_and_ampersands_stay_with_the_firm() {
    check(&[
        (
            "Orvane National Energy Company (Taqo) confirmed its plans on Monday. \
             Taqo will build a $2 billion gas plant in Kenya.",
            &[
                "Orvane National Energy Company invests_in Kenya",
                "Orvane National Energy Company invests_in 2000000000 USD",
            ],
            &["Taqo invests_in Kenya"],
        ),
        (
            "Orvane National Energy Company (Taqo) a confirmé ses projets lundi. \
             Taqo va construire une centrale à gaz de 2 milliards de dollars au Kenya.",
            &["Orvane National Energy Company invests_in Kenya"],
            &["Taqo invests_in Kenya"],
        ),
    ]);
    let names = entity_names(
        "Orvane National Energy Company (Taqo) and Kestrel Power Company (Kenya) met on Monday. \
         Taqo and Kestrel Power Company will build a plant near Nairobi.",
    );
    assert!(!names.iter().any(|n| n == "Taqo"), "{names:?}");
    assert!(names.iter().any(|n| n == "Kenya"), "{names:?}");
    for text in [
        "Kenya Water & Power Company will build a plant in Mombasa.",
        "Kenya Water & Power Company va construire une centrale à Mombasa.",
    ] {
        let names = entity_names(text);
        assert!(
            names.iter().any(|n| n == "Kenya Water & Power Company"),
            "{names:?}"
        );
        assert!(
            !names.iter().any(|n| n == "Water & Power Company"),
            "{names:?}"
        );
    }
}

/// A common word opens a name of three words or more that a firm's suffix
/// ends ("National Energy Holdings"), but a function word does not.
#[test]
fn common_word_opens_a_suffixed_name() {
    for (text, name) in [
        (
            "National Energy Holdings will build a plant near Mombasa.",
            "National Energy Holdings",
        ),
        (
            "National Energy Holdings va construire une centrale près de Mombasa.",
            "National Energy Holdings",
        ),
    ] {
        let names = entity_names(text);
        assert!(names.iter().any(|n| n == name), "{text}: {names:?}");
    }
    // a function word opening the sentence stays out of the name
    let names =
        entity_names("With Kestrel Capital Partners behind it, the plan went ahead in Kenya.");
    assert!(!names.iter().any(|n| n.starts_with("With")), "{names:?}");
}

/// A title's "of" complement that a firm's suffix ends is the firm, whole
/// ("chief executive of Kestrel Investment Partners"); a ministry's domain
/// before a person's name is still cut off ("le ministre des Sciences Bae
/// Kyung-hoon").
#[test]
fn title_complement_ended_by_a_suffix_is_the_firm() {
    check(&[
        (
            "Lena Varga, chief executive of Kestrel Investment Partners, signed the deal in Nairobi.",
            &["Lena Varga leads Kestrel Investment Partners"],
            &[],
        ),
        (
            "Lena Varga, directrice générale de Kestrel Investment Partners, a signé l'accord à Nairobi.",
            &["Lena Varga leads Kestrel Investment Partners"],
            &[],
        ),
    ]);
    for text in [
        "Le ministre des Sciences Bae Kyung-hoon a signé l'accord à Séoul.",
        "The minister of Science Bae Kyung-hoon signed the deal in Seoul.",
    ] {
        let names = entity_names(text);
        assert!(
            names.iter().any(|n| n == "Bae Kyung-hoon"),
            "{text}: {names:?}"
        );
        assert!(
            !names.iter().any(|n| n.starts_with("Scienc")),
            "{text}: {names:?}"
        );
    }
}

/// A park named by its kind is a site ("Baldonnell Business Park"); a
/// firm's "Parks" is the firm's ("Kestrel Technology Parks"), and "Park"
/// alone may be a surname ("Lina Park").
#[test]
fn a_park_is_a_place() {
    for text in [
        "Orvane will build a data centre at Baldonnell Business Park, near Dublin.",
        "Orvane va construire un centre de données au Zellik Green Energy Park, près de Bruxelles.",
    ] {
        let park = if text.contains("Baldonnell") {
            "Baldonnell Business Park"
        } else {
            "Zellik Green Energy Park"
        };
        assert_eq!(entity_kind(text, park), Some(EntityType::Place), "{text}");
    }
    let text = "Kestrel Technology Parks will build a data centre near Dublin.";
    assert_eq!(
        entity_kind(text, "Kestrel Technology Parks"),
        Some(EntityType::Organization),
        "{text}"
    );
    let text = "Kestrel will build a data centre near Dublin, said Lina Park, its chief executive.";
    assert_eq!(
        entity_kind(text, "Lina Park"),
        Some(EntityType::Person),
        "{text}"
    );
}

/// "International" opens a name ("the International Energy Agency");
/// alone, as an adjective, it is none.
#[test]
fn international_opens_a_name() {
    let names = entity_names(
        "The loan comes from the International Finance Corporation. The International \
         Energy Agency published a report. International investors, including Kestrel \
         Capital, have poured money into the sector.",
    );
    for name in [
        "International Finance Corporation",
        "International Energy Agency",
    ] {
        assert!(names.iter().any(|n| n == name), "{names:?}");
    }
    for name in ["Finance Corporation", "International"] {
        assert!(!names.iter().any(|n| n == name), "{names:?}");
    }
}

/// Family 1: a French power station ("une centrale") is a facility that a
/// build verb opens a project on, as "a power plant" is in English; the
/// adjective of a central bank or region builds nothing.
#[test]
fn a_power_station_is_a_facility_in_both_languages() {
    check(&[
        (
            "Kestrel Power va construire une centrale électrique au Kenya.",
            &["Kestrel Power invests_in Kenya"],
            &[],
        ),
        (
            "Kestrel Power will build a power plant in Kenya.",
            &["Kestrel Power invests_in Kenya"],
            &[],
        ),
        (
            "La Banque centrale du Kenya va publier ses chiffres lundi.",
            &[],
            &["Banque centrale invests_in Kenya"],
        ),
    ]);
}

/// National subsidiaries named after their parent, ownership cues with a
/// long description of the parent, and countries that are where, not who.
#[test]
fn subsidiaries_by_name_and_cue_partners_not_places() {
    check(&[
        (
            "Microsoft Austria CEO Lena Vostrik presented the plan in Vienna.",
            &["Microsoft Austria subsidiary_of Microsoft"],
            &[],
        ),
        (
            "Le directeur de Nvidia France, Paul Garnier, a présenté le projet.",
            &["Nvidia France subsidiary_of Nvidia"],
            &[],
        ),
        (
            "Core Nine, the cloud division of Abu Dhabi-based artificial intelligence holding company Orvane Systems, signed the deal.",
            &["Core Nine subsidiary_of Orvane Systems"],
            &[],
        ),
        (
            "Kestrel Systems has signed a partnership with Orvane Systems to build a data centre in Kenya.",
            &["Kestrel Systems partners_with Orvane Systems"],
            &["Kestrel Systems partners_with Kenya", "Orvane Systems partners_with Kenya"],
        ),
        (
            "Kestrel Systems a signé un partenariat avec Orvane Systems pour construire un centre de données au Kenya.",
            &["Kestrel Systems partners_with Orvane Systems"],
            &["Kestrel Systems partners_with Kenya"],
        ),
        // the owner in an apposition is no conjunct of the subjects
        (
            "Le groupe marocain Atlas Digital, filiale du holding Sahel Capital, et l'américain \
             Kestrel Cloud construiront un centre de données à Dakhla.",
            &[
                "Atlas Digital invests_in Morocco",
                "Kestrel Cloud invests_in Morocco",
                "Atlas Digital subsidiary_of Sahel Capital",
            ],
            &["Sahel Capital invests_in Morocco", "Sahel Capital partners_with Kestrel Cloud"],
        ),
        (
            "Atlas Digital, a unit of Sahel Capital, and Kestrel Cloud will build a data centre \
             in Dakhla.",
            &["Atlas Digital invests_in Morocco", "Kestrel Cloud invests_in Morocco"],
            &["Sahel Capital invests_in Morocco"],
        ),
    ]);
}

/// Family 2 and 5: a fronted dateline is where the news happened, not where
/// the money goes; French elision no longer hides a trigger.
#[test]
fn fronted_places_and_elided_triggers() {
    check(&[
        (
            "Le 3 mars à Paris, le groupe Kestrel Systems a annoncé son intention d'investir 2 milliards d'euros au Maroc.",
            &["Kestrel Systems invests_in Morocco"],
            &["Kestrel Systems invests_in France"],
        ),
        (
            "On Monday in London, Kestrel Systems said it would invest $2 billion in Kenya.",
            &["Kestrel Systems invests_in Kenya"],
            &["Kestrel Systems invests_in United Kingdom"],
        ),
    ]);
}

/// Family 1 and 2: a nationality ("Saudi Arabia's", "US company", "German
/// investor") or a seat is not where the money goes.
#[test]
fn nationalities_and_seats_are_not_destinations() {
    check(&[
        // a government acting in a relative clause, goods of a country:
        // neither is where the launch goes
        (
            "The deal represents Kiwa Holdings's first large-scale launch in a region where Washington has restricted the export of advanced US chips.",
            &[],
            &["Kiwa Holdings invests_in United States"],
        ),
        // "le royaume" is the country its people were named by; goods'
        // origin is no destination
        (
            "Kiwa Holdings, la nouvelle société saoudienne, a commencé la construction de \
             centres de données dans le royaume avec des puces importées des États-Unis.",
            &["Kiwa Holdings invests_in Saudi Arabia"],
            &["Kiwa Holdings invests_in United States"],
        ),
        // a demonym before a firm's name is its nationality, not where the money goes
        (
            "La volonté de Kiwa Holdings d'investir dans les centres de données séduit le \
             géant américain Orvane Group.",
            &[],
            &["Kiwa Holdings invests_in United States"],
        ),
        // nor a currency's ("dollars américains") or the investors' origin
        (
            "Kiwa Holdings prévoit d'investir 100 milliards de dollars américains dans Orvane \
             Group. Le pays veut attirer des investissements des géants américains.",
            &["Kiwa Holdings invests_in Orvane Group"],
            &["Kiwa Holdings invests_in United States"],
        ),
        (
            "Kiwa Holdings va injecter 4 milliards d'euros dans l'IA française.",
            &["Kiwa Holdings invests_in France"],
            &[],
        ),
        (
            "Kestrel Systems is teaming up with Saudi Arabia's emerging artificial intelligence firm \
             Orvane Cloud to develop data centres in Kenya.",
            &[
                "Kestrel Systems partners_with Orvane Cloud",
                "Orvane Cloud invests_in Kenya",
                "Kestrel Systems invests_in Kenya",
            ],
            &["Kestrel Systems partners_with Saudi Arabia"],
        ),
        // "capital-investissement" names the partner's trade, not a deal
        (
            "Le fonds Kestrel Capital s'est associé à la société américaine de capital-investissement \
             Orvane Partners pour investir 25 milliards de dollars aux États-Unis.",
            &[
                "Kestrel Capital partners_with Orvane Partners",
                "Kestrel Capital invests_in United States",
                "Orvane Partners invests_in United States",
                "Orvane Partners invests_in Kestrel Capital project in United States",
            ],
            &[],
        ),
        (
            "Kestrel Systems is teaming up with Saudi Arabia's emerging firm Orvane to develop data centres in Kenya.",
            &["Orvane invests_in Kenya"],
            &[
                "Kestrel Systems invests_in Saudi Arabia",
                "Orvane invests_in Saudi Arabia",
            ],
        ),
        (
            "Orvane, controlled by US company Kestrel Systems, plans to invest $1.3 billion to develop two campuses in Colombia.",
            &["Orvane invests_in Colombia"],
            &["Orvane invests_in United States"],
        ),
        (
            "Kestrel Systems, dont le siège se trouve au Canada, va investir 2 milliards de dollars au Maroc.",
            &["Kestrel Systems invests_in Morocco"],
            &["Kestrel Systems invests_in Canada"],
        ),
        (
            "Arveno Cloud, dont le siège mondial se trouve dans le New Jersey, va investir 2 milliards de dollars au Royaume-Uni.",
            &[
                "Arveno Cloud invests_in United Kingdom",
                "Arveno Cloud headquartered_in New Jersey",
            ],
            &["Arveno Cloud invests_in United States"],
        ),
        (
            "The country is drawing operators, with Abu Dhabi-based technology firm Kiwa Holdings set to invest $500 million in a campus near Manila.",
            &["Kiwa Holdings invests_in Philippines", "Kiwa Holdings headquartered_in Abu Dhabi"],
            &["Kiwa Holdings invests_in United Arab Emirates"],
        ),
        // after "in", a nationality word is where the money goes
        (
            "Arveno Cloud will invest 1.4 billion euros in a UK data centre platform.",
            &["Arveno Cloud invests_in United Kingdom"],
            &[],
        ),
        (
            "Le fonds Arveno va investir 2 milliards d'euros dans une plateforme française de centres de données.",
            &["Arveno invests_in France"],
            &[],
        ),
    ]);
}

/// The features of each (task, subject, country) candidate of an article.
fn candidate_features(text: &str) -> Vec<(super::pairs::Task, String, String, BTreeSet<String>)> {
    let ex = Extractor::new().unwrap();
    ex.candidates(text)
        .into_iter()
        .map(|c| {
            let names: BTreeSet<String> = c
                .instances
                .iter()
                .flat_map(|f| f.keys().map(|k| k.to_string()))
                .collect();
            (c.task, c.subject[0].clone(), c.country[0].clone(), names)
        })
        .collect()
}

/// Whether the candidate `subject -> country` of `task` carries `feature`;
/// `None` when there is no such candidate.
fn has_feature(
    text: &str,
    task: super::pairs::Task,
    subject: &str,
    country: &str,
    feature: &str,
) -> Option<bool> {
    candidate_features(text)
        .iter()
        .find(|(t, s, c, _)| *t == task && s == subject && c == country)
        .map(|c| c.3.contains(feature))
}

/// Family 3: a firm the article describes by what it makes is a supplier
/// wherever the goods go; a firm described otherwise is not.
#[test]
fn makers_are_told_by_their_goods_or_title() {
    use super::pairs::Task::Supply;
    let cases: &[(&str, bool)] = &[
        (
            "Le fabricant de puces Zorvex Technologies fournira le nouveau campus au Kenya.",
            true,
        ),
        (
            "Zorvex Technologies' GPUs will equip the new campus in Kenya.",
            true,
        ),
        (
            "Chipmaker Zorvex Technologies will supply the new campus in Kenya.",
            true,
        ),
        (
            "Les processeurs de Zorvex Technologies équiperont le campus au Kenya.",
            true,
        ),
        (
            "Zorvex Technologies, a cloud operator, will supply the new campus in Kenya.",
            false,
        ),
        (
            "L'opérateur Zorvex Technologies fournira le nouveau campus au Kenya.",
            false,
        ),
    ];
    for &(text, maker) in cases {
        let found = has_feature(text, Supply, "Zorvex Technologies", "Kenya", "doc.maker");
        assert_eq!(found, Some(maker), "{text}: {:?}", candidate_features(text));
    }
}

/// Family 1: every place of a list takes the preposition that opens it.
#[test]
fn a_listed_place_takes_the_lists_preposition() {
    use super::pairs::Task::Invest;
    for text in [
        "Zorvex Technologies will build data centres in Kenya, Ghana and Nigeria.",
        "Zorvex Technologies va construire des centres de données au Kenya, au Ghana et au Nigeria.",
    ] {
        for country in ["Kenya", "Ghana", "Nigeria"] {
            let found = has_feature(text, Invest, "Zorvex Technologies", country, "p.in");
            assert_eq!(found, Some(true), "{text} {country}");
        }
    }
    // a list after "from" is not a destination
    let text = "Zorvex Technologies, with partners from Ghana and Nigeria, will build a data centre in Kenya.";
    assert_ne!(
        has_feature(text, Invest, "Zorvex Technologies", "Nigeria", "p.in"),
        Some(true)
    );
}

/// Family 5: money told for a region goes to the region's countries the
/// article names elsewhere, not to other countries.
#[test]
fn a_regional_plan_reaches_the_countries_named_later() {
    use super::pairs::Task::Invest;
    for text in [
        "Zorvex Technologies will invest 2 billion euros in Africa. The first sites will open in Kenya, with talks under way in Japan.",
        "Zorvex Technologies va investir 2 milliards d'euros en Afrique. Les premiers sites ouvriront au Kenya, et des discussions ont lieu au Japon.",
    ] {
        let feature = |c| has_feature(text, Invest, "Zorvex Technologies", c, "doc.rule_region");
        assert_eq!(feature("Kenya"), Some(true), "{text}");
        assert_ne!(feature("Japan"), Some(true), "{text}");
    }
}

/// Family 2: a description with a nationality and no name ("the American
/// giant", "l'entreprise américaine") is the firm the article is about; an
/// apposition describes the name before it; a description followed by a
/// name is that name's.
#[test]
fn described_firms_take_the_seat_their_nationality_gives() {
    check(&[
        (
            "Kestrel Systems will invest in Greece. The deal between the American giant and Athens includes training.",
            &["Kestrel Systems headquartered_in United States"],
            &[],
        ),
        (
            "Kestrel Systems va investir 2 milliards au Japon. C'est l'investissement le plus important de l'entreprise américaine au Japon.",
            &["Kestrel Systems headquartered_in United States"],
            &[],
        ),
        // the apposition is about Orvane Capital, not the article's firm
        (
            "Kestrel Systems will build a campus in Kenya. Kestrel Systems named Orvane Capital, the Australian pension fund, as a backer.",
            &["Orvane Capital headquartered_in Australia"],
            &["Kestrel Systems headquartered_in Australia"],
        ),
        // a name after the description takes it
        (
            "Kestrel Systems a signé avec le groupe allemand Orvane Capital pour un campus au Kenya.",
            &["Orvane Capital headquartered_in Germany"],
            &["Kestrel Systems headquartered_in Germany"],
        ),
        // the article's firm is seated elsewhere: the description is of
        // the firm its sentence opens on
        (
            "Nvidia unveiled new chips on Monday. Nvidia will ship them in May. \
             Orvane Computing would be the first to build a supercomputer with them, \
             a sign of the Japanese company's ambitions.",
            &["Orvane Computing headquartered_in Japan"],
            &["Nvidia headquartered_in Japan"],
        ),
        (
            "Nvidia a dévoilé de nouvelles puces lundi. Nvidia les livrera en mai. \
             Orvane Computing sera le premier à bâtir un supercalculateur avec elles, \
             signe des ambitions du groupe japonais.",
            &["Orvane Computing headquartered_in Japan"],
            &["Nvidia headquartered_in Japan"],
        ),
    ]);
}

/// A plural cue with a nationality ("US chipmakers", "les groupes chinois")
/// seats every firm listed after it; a singular cue only the first.
#[test]
fn a_plural_cue_seats_every_firm_listed_after_it() {
    check(&[
        (
            "US chipmakers Kestrel Systems and Orvane Devices signed a deal with Lumo Energy.",
            &[
                "Kestrel Systems headquartered_in United States",
                "Orvane Devices headquartered_in United States",
            ],
            &["Lumo Energy headquartered_in United States"],
        ),
        (
            "Les fabricants américains de semi-conducteurs Kestrel Systems et Orvane Devices ont conclu un accord.",
            &[
                "Kestrel Systems headquartered_in United States",
                "Orvane Devices headquartered_in United States",
            ],
            &[],
        ),
        // one firm described: the next name is not described with it
        (
            "US chip leader Kestrel Systems and local telco Orvane Devices will build a centre in Kenya.",
            &["Kestrel Systems headquartered_in United States"],
            &["Orvane Devices headquartered_in United States"],
        ),
        (
            "German carmaker Holtz Motors signed a deal with Lumo Energy.",
            &["Holtz Motors headquartered_in Germany"],
            &[],
        ),
    ]);
}

/// Family 3: a supply verb whose object is the facility told of before
/// ("will supply the site with power") supplies that project; a speaker's
/// firm named in a reporting clause after the goods ("..., according to
/// P, head of X's business", "selon P, de X", "..., X chief executive P
/// told reporters") receives nothing.
#[test]
fn supplies_to_the_facility_told_of_not_to_the_speakers_firm() {
    let campus = "Vantor Data will build a campus in Spain. ";
    let campus_fr = "Vantor Data va construire un campus en Espagne. ";
    let rows = [
        (
            format!("{campus}Lumo Energy will supply the site with 300 MW of solar power."),
            "Lumo Energy supplies Spain",
            None,
        ),
        (
            format!(
                "{campus}Kestrel Semiconductors has been chosen to supply the chips for the \
                 campus, according to Maria Solano, head of Vantor Data's Spanish business."
            ),
            "Kestrel Semiconductors supplies Spain",
            Some("Kestrel Semiconductors supplies Vantor Data"),
        ),
        (
            format!(
                "{campus}Kestrel Semiconductors will ship the first 10,000 chips in 2026, \
                 Vantor Data chief executive Omar Haddad told reporters."
            ),
            "Kestrel Semiconductors supplies Spain",
            Some("Kestrel Semiconductors supplies Vantor Data"),
        ),
        (
            format!(
                "{campus_fr}Kestrel Semiconductors fournira les puces du campus, selon Maria \
                 Solano, responsable des activités de Vantor Data."
            ),
            "Kestrel Semiconductors supplies Spain",
            Some("Kestrel Semiconductors supplies Vantor Data"),
        ),
    ];
    for (text, has, lacks) in &rows {
        let lacks: Vec<&str> = lacks.iter().copied().collect();
        check(&[(text.as_str(), &[*has], lacks.as_slice())]);
    }
}

/// Family 5: money put into the project told of before is an investment
/// in it: a stake taken in it, at the price given, or a verb of funding
/// whose object is the facility ("will fund the campus"). A stake in
/// something else, or a month, is not.
#[test]
fn stakes_in_and_funds_for_the_project_told_of() {
    let campus = |s: &str| format!("Vantor Data will build a campus in Spain. {s}");
    let campus_fr = |s: &str| format!("Vantor Data va construire un campus en Espagne. {s}");
    let rows = [
        (
            campus("Dunmore Capital will take a 40% stake in the project for USD 600 million."),
            vec!["Dunmore Capital invests_in Spain", "Dunmore Capital invests_in 600000000 USD"],
            vec![],
        ),
        (
            campus_fr("Dunmore Capital prendra une participation de 40 % dans le projet pour 600 millions de dollars."),
            vec!["Dunmore Capital invests_in Spain", "Dunmore Capital invests_in 600000000 USD"],
            vec![],
        ),
        (campus("Dunmore Capital will fund the campus."), vec!["Dunmore Capital invests_in Spain"], vec![]),
        (campus_fr("Dunmore Capital financera le campus."), vec!["Dunmore Capital invests_in Spain"], vec![]),
        (
            campus("Dunmore Capital took a stake in October in a joint venture with Kestrel Group."),
            vec![],
            vec!["Dunmore Capital invests_in Spain"],
        ),
        (
            campus_fr("Les enjeux sont élevés pour Dunmore Capital, qui détient une participation dans Kestrel Group."),
            vec![],
            vec!["Dunmore Capital invests_in Spain"],
        ),
    ];
    for (text, has, lacks) in &rows {
        check(&[(text.as_str(), has.as_slice(), lacks.as_slice())]);
    }
}

/// Family 2: the agent of a passive right before a partnership phrase is
/// the one who partnered ("developed by X in partnership with Y"); an
/// agent whose clause goes on does not reach a later partnership.
#[test]
fn a_passive_agent_partners_with_the_named_partner() {
    check(&[
        (
            "The project will be developed by Vantor Data in partnership with Lumo Energy.",
            &["Vantor Data partners_with Lumo Energy"],
            &[],
        ),
        (
            "Le projet sera développé par Vantor Data en partenariat avec Lumo Énergie.",
            &["Vantor Data partners_with Lumo Énergie"],
            &[],
        ),
        (
            "The site was chosen by Vantor Data after talks with the city, and the \
             partnership with Lumo Energy came later.",
            &[],
            &["Vantor Data partners_with Lumo Energy"],
        ),
    ]);
}

/// Family 4: firms told as working together, or joining forces, are
/// partners ("A and B are working together", "A et B travaillent
/// ensemble"); people working together in one firm name no partner.
#[test]
fn firms_working_together_are_partners() {
    check(&[
        (
            "Kestrel Cloud and Vantor Networks are working together on the fibre links.",
            &["Kestrel Cloud partners_with Vantor Networks"],
            &[],
        ),
        (
            "Kestrel Cloud et Vantor Réseaux travaillent ensemble sur les liaisons en fibre.",
            &["Kestrel Cloud partners_with Vantor Réseaux"],
            &[],
        ),
        (
            "Kestrel Cloud et Vantor Réseaux ont uni leurs forces pour bâtir les liaisons.",
            &["Kestrel Cloud partners_with Vantor Réseaux"],
            &[],
        ),
        (
            "Kestrel Cloud said its engineers and Vantor's are working together. Kestrel Cloud will build a campus in Poland.",
            &["Kestrel Cloud invests_in Poland"],
            &["Kestrel Cloud partners_with Poland"],
        ),
    ]);
}
/// Family 2: the parties of a deal told in a fronted phrase ("As part of
/// the agreement, A and B will", "Dans le cadre de cet accord, A et B
/// vont") follow it; one firm alone is no pair, a with-clause of the main
/// clause is not of the deal, and a fronted phrase with no deal word
/// names no partners.
#[test]
fn parties_after_a_fronted_deal_are_partners() {
    check(&[
        (
            "As part of the agreement, Halvorsen Cloud and Orvane Capital will provide initial backing for a project with regional utility Solvang Power.",
            &["Halvorsen Cloud partners_with Orvane Capital"],
            &["Halvorsen Cloud partners_with Solvang Power", "Orvane Capital partners_with Solvang Power"],
        ),
        (
            "Dans le cadre de cet accord, Brenvik Systems et Kestrel Data vont ouvrir des bureaux à Lyon.",
            &["Brenvik Systems partners_with Kestrel Data"],
            &[],
        ),
        (
            "Under the agreement, Varsk Energy will lease capacity from Solvang Power.",
            &[],
            &["Varsk Energy partners_with Solvang Power"],
        ),
        (
            "As part of its expansion, Lindqvist Labs and Ortega Metals will open offices in Spain.",
            &[],
            &["Lindqvist Labs partners_with Ortega Metals"],
        ),
    ]);
}

/// Family 7: a note on a picture between a name and its title ("Amel
/// Farsi (photo), ministre") neither hides the title nor makes the person
/// an organisation.
#[test]
fn notes_on_pictures_do_not_hide_roles() {
    check(&[
        (
            "\"This is a big day,\" said Lina Park (pictured), the chief financial officer of Kestrel Systems.",
            &["Lina Park affiliated_with Kestrel Systems"],
            &[],
        ),
        (
            "« C'est un grand jour », a déclaré Amel Farsi (photo), ministre égyptienne des TIC.",
            &["Amel Farsi affiliated_with Egypt"],
            &[],
        ),
    ]);
    assert_eq!(
        entity_kind(
            "« C'est un grand jour », a déclaré Amel Farsi (photo), ministre égyptienne des TIC.",
            "Amel Farsi"
        ),
        Some(EntityType::Person)
    );
}

/// Family 2: a description by a city ("the Oslo technology company", "le
/// groupe de Lyon", "l'entreprise basée à Lyon") seats the article's firm
/// in that city; a name right after the description is the one described,
/// and a name after a conjunction is another firm.
#[test]
fn described_firms_take_the_seat_their_city_gives() {
    check(&[
        (
            "Halvorsen Cloud will build a data centre in Norway. The Oslo technology company expects it to open in 2027.",
            &["Halvorsen Cloud headquartered_in Oslo"],
            &[],
        ),
        (
            "Brenvik Systems va investir 500 millions d'euros en Pologne. Le groupe de Lyon prévoit une mise en service en 2026.",
            &["Brenvik Systems headquartered_in Lyon"],
            &[],
        ),
        (
            "Brenvik Systems va investir en Pologne. L'entreprise basée à Lyon emploie 4 000 personnes.",
            &["Brenvik Systems headquartered_in Lyon"],
            &[],
        ),
        (
            "Halvorsen Cloud to build data centre in Norway\n\nHalvorsen Cloud will build a data centre in Norway. The Oslo tech giant and privately held Orvane Capital will share it.",
            &["Halvorsen Cloud headquartered_in Oslo"],
            &["Orvane Capital headquartered_in Oslo"],
        ),
        // the description of a named firm is that firm's
        (
            "Halvorsen Cloud will build a data centre in Norway with the Oslo company Orvane Capital.",
            &[],
            &["Halvorsen Cloud headquartered_in Oslo"],
        ),
        // a place that is no description of a firm gives no seat
        (
            "Halvorsen Cloud va construire un campus en Norvège. Le campus de Bergen ouvrira en 2027.",
            &[],
            &["Halvorsen Cloud headquartered_in Bergen"],
        ),
    ]);
}

/// Family 4: countries listed as where, and a nationality, are not partners.
#[test]
fn listed_places_and_nationalities_are_not_partners() {
    check(&[
        // a country before a firm's name, as its owner, is its seat
        (
            "Indonesia signed a memorandum of understanding with Singapore's Kestrel Data on Monday.",
            &["Indonesia partners_with Kestrel Data"],
            &["Indonesia partners_with Singapore"],
        ),
        // a firm's seat, stated or known, is no partner of it
        (
            "Varsk ASA, the Norwegian industrial group, signed a partnership with Orvane Capital \
             and Norway.",
            &["Varsk ASA partners_with Orvane Capital"],
            &["Varsk ASA partners_with Norway", "Norway partners_with Varsk ASA"],
        ),
        (
            "Kestrel Systems signed a partnership with Orvane Capital, giving clients in Qatar, Oman and the Maldives access to its chips.",
            &["Kestrel Systems partners_with Orvane Capital"],
            &[
                "Kestrel Systems partners_with Oman",
                "Kestrel Systems partners_with Maldives",
                "Maldives partners_with Kestrel Systems",
            ],
        ),
        (
            "Kestrel Systems a signé un partenariat avec Orvane Capital pour ses clients au Qatar, à Oman et aux Maldives.",
            &["Kestrel Systems partners_with Orvane Capital"],
            &["Kestrel Systems partners_with Oman", "Kestrel Systems partners_with Maldives"],
        ),
        (
            "The US chip giant has partnered with local telco firm Orvane Capital.",
            &[],
            &["United States partners_with Orvane Capital", "Orvane Capital partners_with United States"],
        ),
        // a government named as a party stays one
        (
            "Kenya signed a partnership with Kestrel Systems to build a campus.",
            &["Kenya partners_with Kestrel Systems"],
            &[],
        ),
    ]);
}

/// Seats told by a description: "X-based" with several words before the
/// name, a city's possessive, an apposed nationality, a plural with its
/// list of firms, "dont le siège se trouve".
#[test]
fn headquarters_from_descriptions_and_lists() {
    check(&[
        // the nationality of the parent named after it is the parent's seat
        (
            "Tessaro, a unit of Swiss conglomerate Ardent Group, operates six data centres.",
            &["Ardent Group headquartered_in Switzerland", "Tessaro subsidiary_of Ardent Group"],
            &["Tessaro headquartered_in Switzerland"],
        ),
        (
            "Tessaro, filiale du conglomérat suisse Ardent Group, exploite six centres de données.",
            &["Ardent Group headquartered_in Switzerland"],
            &["Tessaro headquartered_in Switzerland"],
        ),
        // a plural cue with its list; a description after "du" with an
        // adjective before the nationality
        (
            "Les fabricants américains de semi-conducteurs Kestrel Data et Orvane Group ont conclu un accord.",
            &["Kestrel Data headquartered_in United States"],
            &[],
        ),
        (
            "Kiwa Holdings va investir au Kenya. Le développement du géant technologique allemand au Kenya créera 500 emplois.",
            &["Kiwa Holdings headquartered_in Germany"],
            &[],
        ),
        (
            "Toronto-based generative artificial intelligence (AI) startup Velora plans a campus.",
            &["Velora headquartered_in Toronto"],
            &[],
        ),
        (
            "Le projet est porté par Orvane Co., une entreprise énergétique basée à Lyon.",
            &["Orvane Co headquartered_in Lyon"],
            &[],
        ),
        (
            "Norway's sovereign wealth fund, the Brannoc Fund, established the firm in May.",
            &["Brannoc Fund headquartered_in Norway"],
            &[],
        ),
        (
            "Le fonds souverain de Singapour, Kestrel Capital, s'est associé au projet.",
            &["Kestrel Capital headquartered_in Singapore"],
            &[],
        ),
        (
            "Le fournisseur américain de services en nuage Velora Cloud va construire un site.",
            &["Velora Cloud headquartered_in United States"],
            &[],
        ),
        // a fund that invests in a place is not based there
        (
            "Le fonds Kestrel Capital investira à Lyon, a-t-il dit.",
            &[],
            &["Kestrel Capital headquartered_in Lyon"],
        ),
        (
            "UAE-based artificial intelligence holding company Orvane Group signed a deal.",
            &["Orvane Group headquartered_in United Arab Emirates"],
            &[],
        ),
        (
            "Boston's Brannoc Group joined the round.",
            &["Brannoc Group headquartered_in Boston"],
            &[],
        ),
        (
            "Une start-up britannique, Wayvane, avait levé des fonds.",
            &["Wayvane headquartered_in United Kingdom"],
            &[],
        ),
        (
            "Le reste ira à des entreprises américaines comme Kestrel Data et Orvane Group.",
            &[
                "Kestrel Data headquartered_in United States",
                "Orvane Group headquartered_in United States",
            ],
            &[],
        ),
        (
            "Nvidia will supply several Swedish companies, including Kestrel Data and Orvane Group.",
            &[
                "Kestrel Data headquartered_in Sweden",
                "Orvane Group headquartered_in Sweden",
            ],
            &["Nvidia headquartered_in Sweden"],
        ),
        // a country's name before the plural noun seats the firms listed too
        (
            "Kiwa Holdings is securing chips from US suppliers, including Voltan Corp.",
            &["Voltan Corp headquartered_in United States"],
            &["Kiwa Holdings headquartered_in United States"],
        ),
        (
            "Kiwa Holdings achète des puces auprès de fabricants américains, y compris Voltan Systems.",
            &["Voltan Systems headquartered_in United States"],
            &["Kiwa Holdings headquartered_in United States"],
        ),
        (
            "Kestrel Data, dont le siège se trouve dans le New Jersey, est valorisée à 19 milliards de dollars.",
            &["Kestrel Data headquartered_in New Jersey"],
            &[],
        ),
        // a singular cue seats only the name it announces, not the list after it
        (
            "Investors included German insurer Orvane Group and Kestrel Data.",
            &["Orvane Group headquartered_in Germany"],
            &["Kestrel Data headquartered_in Germany"],
        ),
    ]);
}

/// Firms that invest together are partners: coordinated subjects of one
/// investment, the firm named "with" the deal, "s'associer à", and a
/// fronted gerund whose subject follows the comma.
#[test]
fn co_investors_and_associations_are_partners() {
    check(&[
        // firms given as examples of investors are no partners
        (
            "It arrives as global cloud providers including Kestrel Data and Orvane Group invest billions in India.",
            &["Kestrel Data invests_in India", "Orvane Group invests_in India"],
            &["Kestrel Data partners_with Orvane Group"],
        ),
        // a partner noun names whose partner the subject is; firms likened
        // to the subject are partners too
        (
            "Kiwa Systems est l'un des principaux partenaires OEM des puces d'IA de Arveno Chips en Chine, tout comme Lenovo, Orvane Group et xFusion.",
            &[
                "Kiwa Systems partners_with Arveno Chips",
                "Lenovo partners_with Arveno Chips",
                "Orvane Group partners_with Arveno Chips",
            ],
            &["Kiwa Systems partners_with Lenovo", "Arveno Chips partners_with China"],
        ),
        (
            "Nordvik Energy et Quantara Systems vont lancer une usine IA en Allemagne.",
            &["Nordvik Energy partners_with Quantara Systems"],
            &[],
        ),
        (
            "Kiwa Holdings will build a supercomputer in Finland with Orvane Group and Kestrel Data.",
            &[
                "Kiwa Holdings partners_with Orvane Group",
                "Kiwa Holdings partners_with Kestrel Data",
            ],
            &[],
        ),
        (
            "Microsoft s'est associé à Quorvane Labs pour créer une académie en Australie.",
            &["Microsoft partners_with Quorvane Labs"],
            &[],
        ),
        (
            "En s'associant à Infravane Capital, Orvane Telecom trouve du soutien.",
            &["Orvane Telecom partners_with Infravane Capital"],
            &[],
        ),
        // goods "with" a name are supplies, not a partner
        (
            "Kiwa Holdings will build a data centre in Chile with 5,000 Nvidia chips.",
            &[],
            &["Kiwa Holdings partners_with Nvidia"],
        ),
        // a government's help is not a partnership
        (
            "Kiwa Holdings will build a campus in Chile with the support of Orvane Group.",
            &[],
            &["Kiwa Holdings partners_with Orvane Group"],
        ),
    ]);
}

/// A firm's new facility at a place is its investment there, whatever the
/// verb; the subject is not the group named after "du groupe"; an office's
/// country ("l'ambassadeur du Japon") is no destination.
#[test]
fn a_new_facility_is_an_investment_where_it_stands() {
    check(&[
        // a firm's facility at a place, told in passing, is its investment there
        (
            "Le PDG de Kiwa Holdings a confirmé que l'usine de Arveno Systems au Texas sera un fournisseur clé.",
            &["Arveno Systems invests_in United States"],
            &["Kiwa Holdings invests_in United States"],
        ),
        (
            "Orvane Group will lease capacity at Kestrel Data's River Bend campus in Louisiana.",
            &["Kestrel Data invests_in United States"],
            &[],
        ),
        (
            "Kestrel Cloud unveiled its new data centre in Ohio on Monday.",
            &["Kestrel Cloud invests_in United States"],
            &[],
        ),
        // a facility the sentence's money goes to is the investor's project,
        // not its owner's own investment
        (
            "Kiwa Holdings prévoit d'investir 500 millions d'euros pour agrandir le site d'Orvane Cloud à Lisbonne.",
            &["Kiwa Holdings invests_in Portugal"],
            &["Orvane Cloud invests_in Portugal"],
        ),
        (
            "Orvane Group will spend $500 million to expand Kestrel Data's campus in Ohio.",
            &["Orvane Group invests_in United States"],
            &["Kestrel Data invests_in United States"],
        ),
        (
            "Le japonais Orvane du groupe Qorvex inaugurait ce matin son nouveau datacenter à Lyon en présence de l'ambassadeur du Japon en France.",
            &["Orvane invests_in France"],
            &["Qorvex invests_in France", "Orvane invests_in Japan"],
        ),
        // a new facility the goods or services come from; a town placed
        // by the state after it ("à Vineland, dans le New Jersey")
        (
            "Ce partenariat verra Kestrel Cloud fournir une capacité GPU dédiée à partir d'un nouveau centre de données à Vineland, dans le New Jersey.",
            &["Kestrel Cloud invests_in United States"],
            &[],
        ),
        (
            "The regulator did not approve a new data centre in Ohio.",
            &[],
            &["The regulator invests_in United States"],
        ),
        // no facility after "new": no investment
        (
            "Kestrel Cloud unveiled its new chatbot in Ohio on Monday.",
            &[],
            &["Kestrel Cloud invests_in United States"],
        ),
    ]);
}

/// Who signs or partners with a list of firms "to build" builds with all of
/// them; an apposition does not break a list of subjects; an acronym in
/// brackets is the firm's other name, not a second firm.
#[test]
fn partners_named_in_a_list_build_with_the_subject() {
    check(&[
        (
            "Qorvane Telecom a signé un protocole d'accord avec Shanghai Lumivex (SLX) et Borel Digital Limited (BDL) pour construire trois centres de données à Riyad.",
            &[
                "Qorvane Telecom invests_in Saudi Arabia",
                "Shanghai Lumivex invests_in Saudi Arabia",
                "Borel Digital Limited invests_in Saudi Arabia",
            ],
            &["SLX invests_in Saudi Arabia", "BDL invests_in Saudi Arabia", "Shanghai located_in China"],
        ),
        (
            "Kestrel Cloud is partnering with Orvane Parks and Dorvik Capital to co-develop a data center in Lancaster, Pennsylvania.",
            &[
                "Kestrel Cloud invests_in United States",
                "Orvane Parks invests_in United States",
                "Dorvik Capital invests_in United States",
            ],
            &[],
        ),
        (
            "Nordvik Energie, entreprise énergétique, et la société irlandaise Galen Data Centres ont annoncé une coentreprise pour la construction de centres de données en Espagne.",
            &[
                "Nordvik Energie invests_in Spain",
                "Galen Data Centres invests_in Spain",
            ],
            &[],
        ),
        // a complement that ends a fronted clause is no conjunct of the subject
        (
            "Qorvane Telecom construira un site en Arabie saoudite. S'inscrivant dans la stratégie numérique du pays, Qorvane Telecom a signé un accord avec Dorvik Capital.",
            &["Qorvane Telecom partners_with Dorvik Capital"],
            &["Saudi Arabia partners_with Dorvik Capital"],
        ),
        // "the site": the builders join the project told of before
        (
            "Kestrel Cloud will invest $6 billion in a data center in Lancaster, Pennsylvania. Kestrel Cloud is partnering with Orvane Parks and Dorvik Capital to co-develop the site.",
            &[
                "Kestrel Cloud invests_in United States",
                "Orvane Parks invests_in United States",
                "Dorvik Capital invests_in United States",
            ],
            &[],
        ),
        (
            "Kestrel Cloud investira 2 milliards d'euros dans un campus à Lyon. Kestrel Cloud s'associe à Orvane Parks pour construire le campus.",
            &["Orvane Parks invests_in France"],
            &[],
        ),
        // a list after "with" and no purpose: partners, not builders
        (
            "Kestrel Cloud signed an agreement with Orvane Parks and Dorvik Capital. Kestrel Cloud will build a data center in Texas.",
            &["Kestrel Cloud invests_in United States"],
            &["Orvane Parks invests_in United States"],
        ),
    ]);
}

/// A project the sentence names is the project of the investment; one is
/// named after its investor and places only when the article gives none.
#[test]
fn a_named_project_is_the_project() {
    check(&[
        // "a lancé le projet X": the firm invests in the project the verb names
        (
            "Le supercalculateur Vortex, inauguré à Genève, est le plus puissant du pays. Le groupe Kiwa Holdings a lancé le projet Vortex en 2020.",
            &["Kiwa Holdings invests_in Switzerland"],
            &[],
        ),
        // "où X a ouvert": the place is the one before "où"
        (
            "À Lyon se trouve un parc d'innovation où Kiwa Holdings a ouvert un centre de données cette année.",
            &["Kiwa Holdings invests_in France"],
            &[],
        ),
        (
            "Kestrel Data va investir 2 milliards d'euros dans le supercalculateur Vortalis à Lyon.",
            &[
                "Kestrel Data invests_in Vortalis",
                "Vortalis located_in Lyon",
                "Kestrel Data invests_in France",
            ],
            &["Kestrel Data invests_in Kestrel Data project in Lyon"],
        ),
        (
            "Orvane Group will invest $1 billion in the Brenmoor nuclear plant in Texas.",
            &["Orvane Group invests_in Brenmoor", "Orvane Group invests_in United States"],
            &[],
        ),
        (
            "Kiwa va investir 3 milliards d'euros en Corée du Sud.",
            &["Kiwa invests_in Kiwa project in South Korea"],
            &[],
        ),
    ]);
}

/// Ownership told by an apposition with a long description, a possessive
/// unit ("sa filiale X", "its ... arm X"), a named parent ("Google parent
/// Alphabet") and "propriété de".
#[test]
fn subsidiaries_from_units_parents_and_owners() {
    check(&[
        // a known firm's name with a unit after it is its unit; with a
        // holding word at the end it is the firm's own full name
        (
            "SoftBank Vision Fund will invest in a data centre in Cairo. SoftBank said so.",
            &["SoftBank Vision Fund subsidiary_of SoftBank"],
            &[],
        ),
        (
            "Nvidia Global Holdings will open an office in Cairo. Nvidia said so.",
            &[],
            &["Nvidia Global Holdings subsidiary_of Nvidia"],
        ),
        (
            "Kestrel Data, a hyperscale data centre operator owned by Orvane Group, will expand.",
            &["Kestrel Data subsidiary_of Orvane Group"],
            &[],
        ),
        (
            "Une participation sera détenue par Iberdrola, via sa filiale Kestrel Green.",
            &["Kestrel Green subsidiary_of Iberdrola"],
            &[],
        ),
        (
            "Investors include Orvane Group and its real assets arm Rava Partners.",
            &["Rava Partners subsidiary_of Orvane Group"],
            &[],
        ),
        (
            "On Monday, Kestrel Data parent Orvane Group said it would back the plan.",
            &["Kestrel Data subsidiary_of Orvane Group"],
            &[],
        ),
        (
            "Echelon, propriété du fonds américain Orvane Group, en détiendra 80 %.",
            &["Echelon subsidiary_of Orvane Group"],
            &[],
        ),
        // a partner named after "its" is no unit
        (
            "Kestrel Data and its partner Orvane Group will build a site.",
            &[],
            &["Orvane Group subsidiary_of Kestrel Data"],
        ),
    ]);
}

/// Titles held together: one head title among them makes the person the
/// firm's head ("founder and chief investment officer", "vice-président du
/// conseil et président"); none, and the role stays an affiliation.
#[test]
fn one_head_title_among_coordinated_titles_leads() {
    check(&[
        (
            "Kestrel Data founder and chief investment officer Talvi Oruhane said the plant would open.",
            &["Talvi Oruhane leads Kestrel Data"],
            &["Talvi Oruhane affiliated_with Kestrel Data"],
        ),
        (
            "L'annonce a été faite par Talvi Oruhane, le vice-président du conseil d'administration et président d'Orvane Group.",
            &["Talvi Oruhane leads Orvane Group"],
            &["Talvi Oruhane affiliated_with Orvane Group"],
        ),
        (
            "Talvi Oruhane, directeur de la communication et porte-parole d'Orvane Group, a confirmé.",
            &["Talvi Oruhane affiliated_with Orvane Group"],
            &["Talvi Oruhane leads Orvane Group"],
        ),
        (
            "Kestrel Data head of sales and marketing Talvi Oruhane said the deal was done.",
            &["Talvi Oruhane affiliated_with Kestrel Data"],
            &["Talvi Oruhane leads Kestrel Data"],
        ),
    ]);
}

/// Roles told after the name: a firm's possessive before the title, a
/// title with "senior" or "managing" before it, "à la" before the firm.
#[test]
fn roles_with_the_firm_first_or_a_qualified_title() {
    check(&[
        // an honorific between the title and the name
        (
            "En présence de l'ambassadeur de Chine en Algérie, M. Talvi Oruhane, l'accord a été signé.",
            &["Talvi Oruhane affiliated_with China"],
            &[],
        ),
        // a title's "of" complement runs a few words; "Vice" is the title's
        (
            "\"We need power,\" Kestrel Data Vice President of Global Data Centers Kevin Orlov said.",
            &["Kevin Orlov affiliated_with Kestrel Data"],
            &["Kevin Orlov leads Kestrel Data"],
        ),
        (
            "Kestrel Data chief executive said on Monday that Talvi Oruhane would lead the unit.",
            &[],
            &["Talvi Oruhane leads Kestrel Data", "Talvi Oruhane affiliated_with Kestrel Data"],
        ),
        (
            "Talvi Oruhane, Kestrel Data's senior vice president of telecoms, stated that it works.",
            &["Talvi Oruhane affiliated_with Kestrel Data"],
            &[],
        ),
        (
            "Talvi Oruhane, senior managing executive officer and head of sales at Kestrel Data, said so.",
            &["Talvi Oruhane affiliated_with Kestrel Data"],
            &[],
        ),
        (
            "Brannoc Delvish, analyste à la Kestrel Corporation, a souligné l'ampleur du projet.",
            &["Brannoc Delvish affiliated_with Kestrel Corporation"],
            &[],
        ),
        // a demonym before a head title names the person's country
        (
            "The pact was signed by Saudi Crown Prince Mohammed bin Salman and Kiwa Holdings.",
            &["Mohammed bin Salman leads Saudi Arabia"],
            &[],
        ),
        // a modifier before a head title leaves it a head's; "vice" does not
        (
            "Kestrel Data executive chairman Talvi Oruhane met the minister.",
            &["Talvi Oruhane leads Kestrel Data"],
            &["Talvi Oruhane affiliated_with Kestrel Data"],
        ),
        (
            "Talvi Oruhane, PDG par intérim de Kestrel Data, a confirmé l'accord.",
            &["Talvi Oruhane leads Kestrel Data"],
            &[],
        ),
        (
            "Marc Oruhane, the group chief executive of Kestrel Data, confirmed the deal.",
            &["Marc Oruhane leads Kestrel Data"],
            &[],
        ),
        (
            "Kestrel Data executive vice president Talvi Oruhane met the minister.",
            &["Talvi Oruhane affiliated_with Kestrel Data"],
            &["Talvi Oruhane leads Kestrel Data"],
        ),
    ]);
}

#[test]
fn initials_and_compound_given_names_stay_in_a_persons_name() {
    let ex = Extractor::new().unwrap();
    // (text, a person it names, a name it must not give)
    let table: &[(&str, &str, &str)] = &[
        (
            "Digital minister Henry Rhoel R. Aguda welcomed the plan.",
            "Henry Rhoel R. Aguda",
            "Aguda",
        ),
        (
            "Selon Jean-Marc R. Dupuis, Kiwa Holdings va investir en France.",
            "Jean-Marc R. Dupuis",
            "Jean-Marc R",
        ),
        (
            "Acme Cloud will build a data centre, chief executive John F. Kennedy said.",
            "John F. Kennedy",
            "John F",
        ),
        // a given name the lexicon does not know: a name-shaped word, an
        // initial and a name
        (
            "President Ferdinand R. Marcos Jr. attended the launch.",
            "Ferdinand R. Marcos Jr",
            "Ferdinand R",
        ),
        (
            "Le président Ferdinand R. Marcos a assisté au lancement.",
            "Ferdinand R. Marcos",
            "Ferdinand R",
        ),
    ];
    for (text, person, bad) in table {
        let doc = ex.extract("t.txt", text).document;
        let found = |n: &str| doc.entities.iter().find(|e| e.name == n).map(|e| e.kind);
        assert_eq!(
            found(person),
            Some(EntityType::Person),
            "{text}: {:?}",
            doc.entities
        );
        assert_eq!(found(bad), None, "{text}: {:?}", doc.entities);
    }
    // a period after a letter that no given name leads ends the sentence:
    // the firm after it keeps its own name
    let doc = ex
        .extract(
            "t.txt",
            "The fund ranked the firm in Tier A. Kiwa Holdings will build a data centre in Lyon.",
        )
        .document;
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Kiwa Holdings"), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with("A. ")), "{names:?}");
}

/// A project placed only in a region is in the named countries of that
/// region, not in one the article denies or one outside the region; an
/// investor with a project placed in a country keeps only that one.
#[test]
fn a_regional_project_is_in_the_named_countries_of_its_region() {
    check(&[
        (
            "Kestrel Cloud will build seven data centres across Europe. \
             The sites are in Lisbon, Portugal and Bologna, Italy. \
             Spain is not among the hosts, and Japan will follow later.",
            &[
                "Kestrel Cloud invests_in Portugal",
                "Kestrel Cloud invests_in Italy",
            ],
            &[
                "Kestrel Cloud invests_in Spain",
                "Kestrel Cloud invests_in Japan",
            ],
        ),
        (
            "Orvane Group va investir 2 milliards d'euros dans des centres de données en Europe. \
             Le groupe mise sur la France et l'Italie, mais pas sur l'Espagne.",
            &[
                "Orvane Group invests_in France",
                "Orvane Group invests_in Italy",
            ],
            &[],
        ),
        // a list that names countries of the region is the region as the
        // article draws it
        (
            "Kestrel Cloud will build data centres across the Middle East. \
             Its clients in Qatar, Oman, Algeria and the Maldives will get access first. \
             Japan is next.",
            &[
                "Kestrel Cloud invests_in Qatar",
                "Kestrel Cloud invests_in Algeria",
                "Kestrel Cloud invests_in Maldives",
            ],
            &["Kestrel Cloud invests_in Japan"],
        ),
        (
            "Kestrel Cloud will build data centres across Europe. \
             Kestrel Cloud will also invest $1 billion in a campus in Spain. \
             Italy's grid operator welcomed the news.",
            &["Kestrel Cloud invests_in Spain"],
            &["Kestrel Cloud invests_in Italy"],
        ),
    ]);
}

/// The members a group noun lists are partners, and "the consortium" of a
/// later sentence is them.
#[test]
fn a_consortium_lists_its_members_for_later_sentences() {
    check(&[
        (
            "La licence a été attribuée au consortium ZPK (Zambezi Partners Kenya) qui réunit \
             le sud-africain Zavocom, le japonais Tamura et Orvane Group. \
             Au final, le consortium envisage d'investir 2 milliards de dollars au Kenya.",
            &[
                "Zavocom partners_with Tamura",
                "Tamura partners_with Orvane Group",
                "Zavocom invests_in Kenya",
                "Tamura invests_in Kenya",
                "Orvane Group invests_in Kenya",
            ],
            &[],
        ),
        (
            "Kestrel Data formed a joint venture comprising Orvane Group and Quantara Systems. \
             The consortium will invest $3 billion in Chile.",
            &[
                "Orvane Group partners_with Quantara Systems",
                "Quantara Systems invests_in Chile",
            ],
            &[],
        ),
        // a member's short name in brackets is that member again
        (
            "Une offre est portée par un consortium formé par Kiwa Holdings (KH), Orvane Group et Kestrel Data.",
            &[
                "Kiwa Holdings partners_with Orvane Group",
                "Orvane Group partners_with Kestrel Data",
            ],
            &[],
        ),
        // a consortium that names no member lists nobody
        (
            "Orvane Group joined the consortium last year. \
             The consortium will invest $3 billion in Chile.",
            &[],
            &["Orvane Group partners_with Chile"],
        ),
    ]);
}

/// Projects a firm builds, launches or establishes are its investment where
/// they stand; a project only talked about is none.
#[test]
fn projects_a_firm_establishes_are_its_investments() {
    check(&[
        (
            "Kestrel Cloud brings experience to the deal, having already established AI infrastructure projects in Kenya, Ghana and Senegal.",
            &[
                "Kestrel Cloud invests_in Kenya",
                "Kestrel Cloud invests_in Ghana",
                "Kestrel Cloud invests_in Senegal",
            ],
            &[],
        ),
        (
            "Orvane Group lance deux projets au Maroc et en Tunisie.",
            &["Orvane Group invests_in Morocco", "Orvane Group invests_in Tunisia"],
            &[],
        ),
        (
            "Kestrel Cloud praised the project in Kenya.",
            &[],
            &["Kestrel Cloud invests_in Kenya"],
        ),
    ]);
}

/// "the region", "regional" name the last region told of; a facility word
/// after "in a" is where something happens, not what is built.
#[test]
fn the_region_is_the_last_region_named() {
    check(&[
        (
            "Kestrel Cloud signed deals across the Middle East on Monday. \
             Kestrel Cloud is currently investing $1 billion to increase its regional data center capacity.",
            &["Kestrel Cloud invests_in Middle East"],
            &[],
        ),
        (
            "Orvane Group a signé des accords en Afrique de l'Ouest. \
             Le groupe investira 300 millions d'euros dans la région.",
            &["Orvane Group invests_in West Africa"],
            &[],
        ),
        (
            "The deal marks Kestrel Cloud's first launch in a region where Kenya leads.",
            &[],
            &["Kestrel Cloud invests_in Kenya"],
        ),
    ]);
}

/// What a firm installs in another firm's facilities it supplies to them,
/// and the owner invests where they stand.
#[test]
fn goods_deployed_in_another_firms_facilities_are_supplied() {
    check(&[
        (
            "Kestrel Chips has agreed to deploy its latest AI technology at data centers owned by Kenyan operator Orvane Group in Kenya and Ghana.",
            &[
                "Kestrel Chips supplies Kenya",
                "Kestrel Chips supplies Ghana",
                "Orvane Group invests_in Ghana",
            ],
            &["Kestrel Chips invests_in Kenya"],
        ),
        (
            "Kestrel Chips va installer ses serveurs dans les centres de données exploités par Orvane Group au Maroc.",
            &["Kestrel Chips supplies Morocco", "Orvane Group invests_in Morocco"],
            &[],
        ),
        // the firm's own facilities: no supplier
        (
            "Kestrel Chips will deploy its servers at its own data centers in Kenya.",
            &[],
            &["Kestrel Chips supplies Kenya"],
        ),
    ]);
}

/// Money a passive gives to its agents: each "by X" takes the amount written
/// before it; a facility "financé par X" is X's investment where it stands.
#[test]
fn shares_of_money_go_to_the_agents_that_provide_them() {
    check(&[
        (
            "The campus will require total investment of around CZK 100 billion in the Czech Republic. \
             Approximately CZK 70 billion would be provided by Kiwa Holdings as a private investor, \
             CZK 15 billion by Orvane Group, and CZK 15 billion by Kestrel Data.",
            &[
                "Kiwa Holdings invests_in 70000000000 CZK",
                "Orvane Group invests_in 15000000000 CZK",
                "Kestrel Data invests_in Czech Republic",
            ],
            &[],
        ),
        (
            "Le campus coûtera 900 millions d'euros au Maroc. 600 millions d'euros seront apportés par Kiwa Holdings et 300 millions d'euros par Orvane Group.",
            &[
                "Kiwa Holdings invests_in 600000000 EUR",
                "Orvane Group invests_in 300000000 EUR",
            ],
            &[],
        ),
        (
            "Le nouveau datacenter national de Brazzaville, financé par Kiwa Holdings à hauteur de 13 millions de dollars, se dessine peu à peu.",
            &["Kiwa Holdings invests_in Republic of the Congo", "Kiwa Holdings invests_in 13000000 USD"],
            &[],
        ),
        // a passive with no money gives no share
        (
            "The report would be provided by Kiwa Holdings, and the data by Orvane Group, in Chile.",
            &[],
            &["Kiwa Holdings invests_in Chile", "Orvane Group invests_in Chile"],
        ),
    ]);
}

/// Those a sentence says pay for the project told of before invest in it.
#[test]
fn an_agreement_for_a_facility_is_its_firms_investment_there() {
    check(&[
        (
            "Indonesia signed a memorandum of understanding with Singapore's Kestrel Data on \
             Monday for a $4 billion artificial intelligence hub in Batam.",
            &[
                "Kestrel Data invests_in Indonesia",
                "Kestrel Data invests_in 4000000000 USD",
            ],
            &[
                "Kestrel Data invests_in Singapore",
                "Indonesia invests_in Indonesia",
            ],
        ),
        (
            "Le Maroc a signé un protocole d'accord avec Kestrel Data pour un centre de données \
             de 500 millions de dollars à Dakhla.",
            &[
                "Kestrel Data invests_in Morocco",
                "Kestrel Data invests_in 500000000 USD",
            ],
            &[],
        ),
        // denied, or an agreement for something that is no facility
        (
            "Indonesia did not sign an agreement with Kestrel Data for a data centre in Batam.",
            &[],
            &["Kestrel Data invests_in Indonesia"],
        ),
        (
            "Indonesia signed an agreement with Kestrel Data for a training programme in Batam.",
            &[],
            &["Kestrel Data invests_in Indonesia"],
        ),
        // a landmark the site lies near is not where it stands
        (
            "Kestrel Data will build a data centre campus on Batam, which lies near Singapore.",
            &[],
            &["Kestrel Data invests_in Singapore"],
        ),
        (
            "Norvik Cloud will build a campus in Johor, Malaysia's southern state bordering \
             Singapore.",
            &["Norvik Cloud invests_in Malaysia"],
            &["Norvik Cloud invests_in Singapore"],
        ),
        (
            "Norvik Cloud va construire un campus à Perpignan, ville frontalière de l'Espagne.",
            &["Norvik Cloud invests_in France"],
            &["Norvik Cloud invests_in Spain"],
        ),
        // what analysts at a firm expect is speculation
        (
            "Analysts at Lumo Research said Kestrel Data could spend as much as $10 billion in \
             Malaysia.",
            &[],
            &["Kestrel Data invests_in Malaysia"],
        ),
    ]);
}

#[test]
fn investors_in_a_funding_round_invest_in_the_firm_that_raised() {
    check(&[
        (
            "La start-up Sivane Data a bouclé une levée de fonds de 300 millions d'euros auprès \
             de la Banque africaine de développement et du fonds émirati Arkan Capital. Cette \
             somme financera la construction de deux centres de données à Dakar et à Abidjan.",
            &[
                "Banque africaine de développement invests_in Sivane Data",
                "Banque africaine de développement invests_in 300000000 EUR",
                "Arkan Capital invests_in Sivane Data",
                "Sivane Data invests_in Senegal",
                "Sivane Data invests_in Ivory Coast",
            ],
            &["Arkan Capital invests_in 300000000 EUR"],
        ),
        (
            "Kestrel Data raised $200 million from Lumo Capital and Orvane Ventures in a Series B \
             round. The proceeds will fund a new data centre in Nairobi, Kenya.",
            &[
                "Lumo Capital invests_in Kestrel Data",
                "Orvane Ventures invests_in Kestrel Data",
                "Kestrel Data invests_in Kenya",
            ],
            &[],
        ),
        // a price raised, or restrictions lifted, is no funding round
        (
            "Kestrel Data raised prices from 10% to 15% for Lumo Capital.",
            &[],
            &["Lumo Capital invests_in Kestrel Data"],
        ),
        (
            "Kestrel Data n'a pas levé de fonds auprès de Lumo Capital.",
            &[],
            &["Lumo Capital invests_in Kestrel Data"],
        ),
    ]);
}

#[test]
fn funders_of_the_project_told_of_invest_in_it() {
    check(&[
        (
            "Kiwa Holdings construira un supercalculateur en France. Son financement sera assuré par Orvane Group et Kestrel Data.",
            &["Orvane Group invests_in France", "Kestrel Data invests_in France"],
            &[],
        ),
        (
            "Kiwa Holdings will build a data centre in Kenya. The funding will come from Orvane Group.",
            &["Orvane Group invests_in Kenya"],
            &[],
        ),
        (
            "Kiwa Holdings will build a data centre in Kenya. The funding will not come from Orvane Group.",
            &[],
            &["Orvane Group invests_in Kenya"],
        ),
    ]);
}

/// A firm that won a contract to build something supplies it; it does not
/// invest in it.
#[test]
fn contractors_supply_what_they_build() {
    check(&[
        (
            "Kiwa Holdings won a contract to build a supercomputer in France.",
            &["Kiwa Holdings supplies France"],
            &["Kiwa Holdings invests_in France"],
        ),
        (
            "Orvane Group a annoncé mardi avoir remporté un contrat pour construire un supercalculateur en Finlande.",
            &["Orvane Group supplies Finland"],
            &["Orvane Group invests_in Finland"],
        ),
        // no contract: the builder invests
        (
            "Kiwa Holdings will build a supercomputer in France.",
            &["Kiwa Holdings invests_in France"],
            &["Kiwa Holdings supplies France"],
        ),
    ]);
}

/// Power sold under a purchase agreement, or by the project's utility
/// partner, is a supply.
#[test]
fn power_sellers_supply_the_buyers_operations() {
    check(&[
        (
            "Kiwa Energy a annoncé mardi la signature avec Orvane Group d'un contrat d'achat d'électricité (PPA) de 20 ans portant sur la production de sa centrale de l'Ohio.",
            &["Kiwa Energy supplies United States"],
            &["Orvane Group supplies United States"],
        ),
        (
            "Kiwa Energy signed a 20-year power purchase agreement with Orvane Group for its plant in Texas.",
            &["Kiwa Energy supplies United States"],
            &[],
        ),
        (
            "Orvane Group will build a data centre campus in Louisiana. Its partners include Kiwa Energy as the utility partner and Kestrel Data for cooling.",
            &["Kiwa Energy supplies United States"],
            &["Kestrel Data supplies United States"],
        ),
        // the buyer as the subject sells nothing
        (
            "Orvane Group signed a power purchase agreement with Kiwa Holdings for its data centre in Texas.",
            &[],
            &["Orvane Group supplies United States"],
        ),
        // an agreement that sells no power supplies nothing
        (
            "Kiwa Energy signed a lease agreement with Orvane Group for its site in Texas.",
            &[],
            &["Kiwa Energy supplies United States"],
        ),
        // power told as energy supplied by a firm, or a firm that powers
        // the site told of; goods bought "to power" a site are no supplier's act
        (
            "Atlas Digital va construire un centre de données à Dakhla. L'installation sera \
             alimentée à 100 % par des énergies renouvelables, fournies par la société Noor \
             Énergie, qui exploite plusieurs parcs éoliens dans la région.",
            &["Noor Énergie supplies Morocco"],
            &["Noor Énergie operates Atlas Digital project in Dakhla"],
        ),
        (
            "Atlas Digital will build a data centre in Dakhla. The facility will be powered by \
             renewable energy supplied by Noor Energy.",
            &["Noor Energy supplies Morocco"],
            &[],
        ),
        (
            "Atlas Digital va construire un centre de données à Dakhla. Noor Énergie alimentera \
             le site en électricité verte.",
            &["Noor Énergie supplies Morocco"],
            &[],
        ),
        (
            "Atlas Digital will build a data centre in Dakhla. Noor Energy will power the campus \
             with wind energy.",
            &["Noor Energy supplies Morocco"],
            &[],
        ),
        (
            "Oracle will spend $40 billion on Nvidia chips to power a new data centre in Abilene, Texas.",
            &["Nvidia supplies Oracle"],
            &["Oracle supplies United States"],
        ),
        // a utility told by an apposition supplies the buyer's project told
        // of before; its country is no partner, and it is a firm
        (
            "Norvik Cloud will build a campus in Johor, Malaysia. The company signed a \
             15-year power purchase agreement with Tenaga Nasional, Malaysia's state utility, \
             which will supply 200 MW of renewable energy to the site.",
            &["Tenaga Nasional supplies Malaysia", "Norvik Cloud partners_with Tenaga Nasional"],
            &["Norvik Cloud partners_with Malaysia", "Tenaga Nasional located_in Malaysia"],
        ),
    ]);
    let text = "Kestrel Data signed a deal with Tenaga Nasional, Malaysia's state utility.";
    assert_eq!(
        entity_kind(text, "Tenaga Nasional"),
        Some(EntityType::Organization)
    );
    let text = "Kestrel Data will build a campus in Kulai, Malaysia.";
    assert_eq!(entity_kind(text, "Kulai"), Some(EntityType::Place));
}

/// A nationality describes the name a few words on, not one past a verb.
#[test]
fn a_nationality_stops_at_a_verb() {
    check(&[
        (
            "Kiwa Call a signé un accord avec deux géants chinois pour construire quatre Orvane Data Centers.",
            &[],
            &["Orvane Data Centers headquartered_in China"],
        ),
        (
            "Kiwa Call a signé un accord avec le géant américain des semi-conducteurs Kestrel Chips.",
            &["Kestrel Chips headquartered_in United States"],
            &[],
        ),
    ]);
}

/// The name right before "with" is a party to a partnership, unless it is
/// a place the sentence puts something in.
#[test]
fn a_place_before_with_is_no_partner() {
    check(&[
        (
            "The partnership gives its clients in Qatar, Oman and the Maldives direct access with Kestrel Chips technology.",
            &[],
            &["Maldives partners_with Kestrel Chips"],
        ),
        (
            "Ces dernières semaines ont vu des pactes des États-Unis avec le Japon.",
            &["United States partners_with Japan"],
            &[],
        ),
    ]);
}

/// A brand its owner writes in lower case after a group noun ("le Groupe
/// iliad") is still the name the article uses with a capital elsewhere.
#[test]
fn a_brand_in_lower_case_after_a_group_noun_stays_a_name() {
    check(&[(
        "Zorvia s'apprête à céder la moitié de sa filiale Opvane. \
         En s'associant à Kestrel Data, Zorvia trouve du soutien. \
         « Le Groupe zorvia et Kestrel Data sont les bons actionnaires », a-t-il dit.",
        &["Zorvia partners_with Kestrel Data"],
        &[],
    )]);
}

/// A relative clause whose verb is a light verb before the money noun
/// ("qui va apporter un investissement", "which will make an investment")
/// has its antecedent as the investor, even after a preposition.
#[test]
fn a_relative_clause_with_a_light_verb_invests() {
    check(&[
        (
            "La coentreprise sera détenue à 60% par Kestrel Data, qui va apporter un investissement initial de 500 millions d'euros au Maroc.",
            &["Kestrel Data invests_in Morocco", "Kestrel Data invests_in 500000000 EUR"],
            &[],
        ),
        (
            "The venture is majority-owned by Orvane Group, which will make an investment of $300 million in Kenya.",
            &["Orvane Group invests_in Kenya", "Orvane Group invests_in 300000000 USD"],
            &[],
        ),
        // the owner before a relative that speaks of something else is no investor
        (
            "La coentreprise sera détenue par Kestrel Data, qui va apporter son expertise, et un investissement de 500 millions d'euros est prévu au Maroc.",
            &[],
            &["Kestrel Data invests_in Morocco"],
        ),
        (
            "The venture is owned by Orvane Group, which will provide its staff to a data centre that Kiwa Holdings will build in Kenya.",
            &[],
            &["Orvane Group invests_in Kenya"],
        ),
    ]);
}

/// A free relative between a construction verb and what it builds ("what
/// it says will be", "ce qui sera") does not hide the facility after it.
#[test]
fn a_free_relative_before_the_facility_keeps_the_frame() {
    check(&[
        (
            "Kestrel Data announced plans to develop what it says will be the country's largest data centre in Kenya, with an initial outlay of $230 million.",
            &["Kestrel Data invests_in Kenya", "Kestrel Data invests_in 230000000 USD"],
            &[],
        ),
        (
            "Orvane Group va construire ce qui devrait devenir le plus grand centre de données jamais bâti au Maroc.",
            &["Orvane Group invests_in Morocco"],
            &[],
        ),
        // what it says will be, with no facility after it, builds nothing
        (
            "Kestrel Data will develop what it says will be a strong business in Kenya over many years.",
            &[],
            &["Kestrel Data invests_in Kenya"],
        ),
    ]);
}

/// An apposition after a firm's short name in brackets ("Orvane (ORV), a
/// unit of Kestrel,") is not the subject; the firm before it is.
#[test]
fn an_apposition_after_a_bracketed_short_name_is_not_the_subject() {
    check(&[
        (
            "Orvane Systems (ORV), a unit of Kenya's Kestrel Holdings, will invest $200 million in a data centre in Nairobi.",
            &["Orvane Systems invests_in Kenya"],
            &["Kestrel Holdings invests_in Kenya"],
        ),
        (
            "Orvane Systems (ORV), une filiale du groupe marocain Kestrel Holdings, va investir 200 millions d'euros dans un centre de données à Casablanca.",
            &["Orvane Systems invests_in Morocco"],
            &["Kestrel Holdings invests_in Morocco"],
        ),
    ]);
}

/// The buyer of a firm invests in it, at the deal's price; goods or a site
/// bought from a firm are no stake in it.
#[test]
fn a_firm_bought_is_an_investment_at_the_deals_price() {
    check(&[
        (
            "Kestrel Data acquired data center firm Orvane Systems in an all-stock deal valued at nearly $9 billion.",
            &["Kestrel Data invests_in Orvane Systems", "Kestrel Data invests_in 9000000000 USD"],
            &[],
        ),
        (
            "Kestrel Data va racheter Orvane Systems pour 2 milliards d'euros.",
            &["Kestrel Data invests_in Orvane Systems", "Kestrel Data invests_in 2000000000 EUR"],
            &[],
        ),
        // a passive's agent is the buyer
        (
            "Orvane Systems was acquired by Kestrel Data for $2 billion.",
            &["Kestrel Data invests_in Orvane Systems", "Kestrel Data invests_in 2000000000 USD"],
            &["Orvane Systems invests_in Kestrel Data"],
        ),
        (
            "Orvane Systems a été rachetée par Kestrel Data pour 2 milliards d'euros.",
            &["Kestrel Data invests_in Orvane Systems"],
            &["Orvane Systems invests_in Kestrel Data"],
        ),
        (
            "Kestrel Data acquired 10,000 GPUs from Orvane Systems.",
            &[],
            &["Kestrel Data invests_in Orvane Systems"],
        ),
        (
            "Kestrel Data bought a data centre from Orvane Systems.",
            &[],
            &["Kestrel Data invests_in Orvane Systems"],
        ),
        (
            "Kestrel Data took over Orvane Systems's role in the project.",
            &[],
            &["Kestrel Data invests_in Orvane Systems"],
        ),
        (
            "Kestrel Data n'a pas racheté Orvane Systems.",
            &[],
            &["Kestrel Data invests_in Orvane Systems"],
        ),
    ]);
}

/// The operator of the project told of is the trigger's subject, past a
/// relative clause that names a backer; facilities said to be elsewhere
/// are others.
#[test]
fn operators_of_the_project_told_of() {
    let built = "Kiwa Holdings will build a data centre in Batam, Indonesia.";
    let project = "Kiwa Holdings operates Kiwa Holdings project in Batam and Indonesia";
    check(&[
        (
            &format!("{built} Kiwa Holdings, which is backed by Singapore fund Temasek, will operate the facility."),
            &[project],
            &["Temasek operates Kiwa Holdings project in Batam and Indonesia"],
        ),
        (
            &format!("{built} La société, détenue par le fonds Temasek, exploitera le centre en Indonésie."),
            &[project],
            &["Temasek operates Kiwa Holdings project in Batam and Indonesia"],
        ),
        (
            &format!("{built} Kiwa Holdings already operates two data centres in Malaysia."),
            &[],
            &[project],
        ),
        // facilities in general, with no article, are not the project
        (
            &format!("{built} Kiwa Holdings operates data centres in 14 countries."),
            &[],
            &[project],
        ),
        (
            &format!("{built} Kiwa Holdings exploite plusieurs sites dans le monde."),
            &[],
            &[project],
        ),
    ]);
}

/// Whose plan it is acts, not who approves or welcomes it.
#[test]
fn the_author_of_a_plan_invests() {
    let plan = "Kestrel Data invests_in Indonesia";
    check(&[
        (
            "The Ministry of Transport said it had approved a plan by Kestrel Data to build a $2 billion data centre campus in Batam, Indonesia.",
            &[plan, "Kestrel Data invests_in 2000000000 USD"],
            &["Ministry of Transport invests_in Indonesia"],
        ),
        (
            "Le ministère a validé mardi le projet de Kestrel Data de construire un campus de 2 milliards de dollars à Batam, en Indonésie.",
            &[plan],
            &[],
        ),
        (
            "Orvane Cloud welcomed a proposal from Kestrel Data to invest $2 billion in a campus in Batam, Indonesia.",
            &[plan],
            &["Orvane Cloud invests_in Indonesia"],
        ),
        // a plan of the subject's own keeps the subject
        (
            "Orvane Cloud unveiled a plan to invest $2 billion in a campus in Batam, Indonesia.",
            &["Orvane Cloud invests_in Indonesia"],
            &[],
        ),
    ]);
}

/// A firm bought is the deal: no project is made up for it in the buyer's
/// country; a demonym before a firm is its nationality, no destination.
#[test]
fn an_acquisition_names_no_project() {
    check(&[
        (
            "Le japonais Kiwa Telecom a annoncé lundi le rachat de l'opérateur de centres de données Lumo DC pour 900 millions d'euros.",
            &["Kiwa Telecom invests_in Lumo DC", "Kiwa Telecom invests_in 900000000 EUR"],
            &["Kiwa Telecom invests_in Japan"],
        ),
        (
            "Le japonais Kiwa Telecom va investir 900 millions d'euros pour racheter Lumo DC.",
            &["Kiwa Telecom invests_in Lumo DC", "Kiwa Telecom invests_in 900000000 EUR"],
            &["Kiwa Telecom invests_in Japan"],
        ),
        (
            "Japan's Kiwa Telecom has agreed to acquire data centre operator Lumo DC for $900 million.",
            &["Kiwa Telecom invests_in Lumo DC"],
            &["Kiwa Telecom invests_in Japan"],
        ),
        // a stake, told by its share, in a firm described by its nationality
        (
            "Arveno Capital, le fonds souverain d'Abou Dhabi, a pris une participation de 30 % dans l'opérateur français Lumo DC pour 600 millions d'euros.",
            &["Arveno Capital invests_in Lumo DC", "Arveno Capital invests_in 600000000 EUR"],
            &[],
        ),
        (
            "Le fonds Arveno Capital prend 30 % de Lumo DC.",
            &["Arveno Capital invests_in Lumo DC"],
            &[],
        ),
        (
            "Orvane Group took a 25% stake in Kestrel Data for $1 billion.",
            &["Orvane Group invests_in Kestrel Data", "Orvane Group invests_in 1000000000 USD"],
            &[],
        ),
        // a deal with a place keeps its project
        (
            "Kiwa Telecom prévoit d'investir 400 millions d'euros dans l'extension de son site de Madrid, en Espagne.",
            &["Kiwa Telecom invests_in Spain"],
            &[],
        ),
    ]);
}

/// A supplier reselling another maker's goods supplies them; the maker
/// named before its goods is no recipient. A subject whose apposition is
/// followed by a relative clause that names another firm keeps the verb.
#[test]
fn resold_goods_and_long_appositions() {
    let campus = "Kestrel Holdings will build a campus in Riyadh, Saudi Arabia.";
    check(&[
        (
            &format!("{campus} Orvane Cloud will supply 20,000 AMD MI355X accelerators."),
            &["Orvane Cloud supplies Saudi Arabia"],
            &["Orvane Cloud supplies AMD"],
        ),
        (
            &format!("{campus} Le groupe Lumo, basé à Amsterdam, qui a émergé de la scission du groupe russe Arveno en 2024, fournira des GPU Nvidia au campus."),
            &["Lumo supplies Saudi Arabia"],
            &["Arveno supplies Saudi Arabia"],
        ),
    ]);
}

/// Owners, seats and heads as news writes them around an apposition.
#[test]
fn owners_seats_and_heads_around_appositions() {
    check(&[
        // the seat after "of" is the owner's when the owner is named after it
        (
            "Orvane Cloud, a subsidiary of Japan's Kiwa Holdings, will provide cloud services.",
            &[
                "Kiwa Holdings headquartered_in Japan",
                "Orvane Cloud subsidiary_of Kiwa Holdings",
            ],
            &["Orvane Cloud headquartered_in Japan"],
        ),
        // an owner after an apposition; a firm named only as the owner
        (
            "Pemba Telecom, Kenya's largest mobile operator, is majority-owned by Vodacom.",
            &[
                "Pemba Telecom headquartered_in Kenya",
                "Pemba Telecom subsidiary_of Vodacom",
            ],
            &[],
        ),
        (
            "Lumo DC, l'un des principaux opérateurs du pays, est détenu par Arveno.",
            &["Lumo DC subsidiary_of Arveno"],
            &[],
        ),
        // the head of a unit works for the firm; the head of the board leads it
        (
            "\"It works,\" said Anna Weber, head of infrastructure at Brenner Werke.",
            &["Anna Weber affiliated_with Brenner Werke"],
            &["Anna Weber leads Brenner Werke"],
        ),
        (
            "Arveno Systems est présidé par Sophie Martin depuis 2021.",
            &["Sophie Martin leads Arveno Systems"],
            &[],
        ),
    ]);
}

/// "The two companies" with no name before the verb are the partners of
/// the last partnership; a bare pronoun is not.
#[test]
fn the_two_companies_are_the_last_partners() {
    check(&[
        (
            "Sivane Data has signed a partnership with Talvo Networks. The two companies will build a data centre campus near Zaragoza, Spain.",
            &["Sivane Data invests_in Spain", "Talvo Networks invests_in Spain"],
            &[],
        ),
        (
            "Sivane Data a signé un partenariat avec Talvo Networks. Les deux entreprises vont construire un campus à Saragosse.",
            &["Sivane Data invests_in Spain", "Talvo Networks invests_in Spain"],
            &[],
        ),
        (
            "Sivane Data a signé un partenariat avec Talvo Networks. Les deux entreprises construiront un centre de données à Saragosse.",
            &["Sivane Data invests_in Spain", "Talvo Networks invests_in Spain"],
            &[],
        ),
        (
            "Sivane Data has signed a partnership with Talvo Networks. Analysts expect a data centre campus near Zaragoza, Spain.",
            &[],
            &["Talvo Networks invests_in Spain"],
        ),
    ]);
}

/// A country after a place ("in Nairobi, Kenya") is where, not a partner.
#[test]
fn a_country_after_a_place_is_no_partner() {
    check(&[(
        "Helix Compute signed a memorandum of understanding with Pemba Telecom on Tuesday to explore building a 100 MW data centre in Nairobi, Kenya.",
        &["Helix Compute partners_with Pemba Telecom"],
        &["Helix Compute partners_with Kenya"],
    )]);
}

/// A wire story: "bln" is a billion, the headline's deal restated in the
/// lead is one deal, and a place in a subordinate clause ("as demand surges
/// in Southeast Asia") is no destination.
#[test]
fn a_wire_story_states_one_deal() {
    let story = "Kiwa Holdings to spend $3 bln on Thai data centres\n\nBANGKOK, March 3 (Reuters) - Singapore's Kiwa Holdings said on Monday it plans to spend $3 billion over five years on data centres in Thailand, as demand for artificial intelligence computing surges in Southeast Asia.";
    check(&[(
        story,
        &[
            "Kiwa Holdings invests_in Thailand",
            "Kiwa Holdings invests_in 3000000000 USD",
        ],
        &[
            "Kiwa Holdings invests_in Southeast Asia",
            "Kiwa Holdings invests_in 3 USD",
        ],
    )]);
    let ex = Extractor::new().unwrap();
    let doc = ex.extract("t.txt", story).document;
    let deals = doc
        .triples
        .iter()
        .filter(|t| t.p == Predicate::InvestsIn)
        .count();
    assert_eq!(deals, 1, "{:#?}", doc.triples);
}

/// "The US company will build": a firm told only by its nationality, opening
/// the clause, is the firm the article is about.
#[test]
fn a_firm_told_by_its_nationality_acts() {
    check(&[
        (
            "Arveno Systems announced plans to invest $10 billion in India. The US company will build new data centre regions in Hyderabad and Pune.",
            &["Arveno Systems invests_in Hyderabad", "Arveno Systems headquartered_in United States"],
            &[],
        ),
        (
            "Arveno Systems a annoncé un plan d'investissement en Inde. Le groupe américain va construire des centres de données à Hyderabad.",
            &["Arveno Systems invests_in Hyderabad"],
            &[],
        ),
        // a firm named before the description keeps the verb
        (
            "Arveno Systems announced plans to invest $10 billion in India. Kestrel Data, the US company, will build a data centre in Pune.",
            &["Kestrel Data invests_in Pune"],
            &["Arveno Systems invests_in Pune"],
        ),
    ]);
}

/// A city only the world's list knows places a project in its country, in
/// both languages; the same word in a person's name is the person's.
#[test]
fn world_cities_place_projects_but_not_people() {
    check(&[
        (
            "Kestrel Systems va construire un centre de données à Settat.",
            &["Kestrel Systems invests_in Morocco"],
            &[],
        ),
        (
            "Kestrel Systems will build a data centre in Mosquera.",
            &["Kestrel Systems invests_in Colombia"],
            &[],
        ),
        (
            "John Henderson, chief executive of Kestrel Systems, said the firm would build in \
             Ohio. \"We are proud,\" said Henderson.",
            &["John Henderson leads Kestrel Systems"],
            &["Henderson located_in United States"],
        ),
        (
            "Le directeur général de Kestrel Systems, Paul Montgomery, a parlé. Regina Barber, \
             analyste chez Thornton Capital, a parlé.",
            &["Paul Montgomery leads Kestrel Systems"],
            &[
                "Montgomery located_in United States",
                "Regina located_in Canada",
            ],
        ),
    ]);
}

/// A world city lies in its region when the article names the region, and
/// straight in its country when it does not.
#[test]
fn world_cities_chain_through_the_region_the_article_names() {
    check(&[
        (
            "Kestrel Systems will build a data centre in Geelong. The plant will be the \
             largest in Victoria, the state government said.",
            &[
                "Geelong located_in Victoria",
                "Victoria located_in Australia",
            ],
            &["Geelong located_in Australia"],
        ),
        (
            "Kestrel Systems will build a data centre in Geelong, Australia.",
            &["Geelong located_in Australia"],
            &["Geelong located_in Victoria"],
        ),
    ]);
}

/// French contracts the article of "Le Havre" and "Le Caire" into its
/// preposition: "près du Havre", "au Caire" name those places.
#[test]
fn places_named_with_le_are_found_after_du_and_au() {
    check(&[
        (
            "Kestrel Systems va construire un centre de données près du Havre.",
            &[
                "Kestrel Systems invests_in France",
                "Le Havre located_in France",
            ],
            &[],
        ),
        (
            "Kestrel Systems va ouvrir un centre de données au Caire.",
            &["Kestrel Systems invests_in Egypt"],
            &[],
        ),
    ]);
}

/// A sentence whose subject is the plan told of names more of its places;
/// a nationality or a partner's seat in it is no place of the plan.
#[test]
fn the_plan_told_of_takes_the_places_a_later_sentence_lists() {
    check(&[
        (
            "Kestrel Systems announced a $5 billion investment to expand its cloud network. \
             The plan includes new data centres in Japan, South Korea and Mexico.",
            &[
                "Kestrel Systems invests_in South Korea",
                "Kestrel Systems invests_in Mexico",
            ],
            &[],
        ),
        (
            "Kestrel Systems a annoncé un investissement de 5 milliards de dollars pour étendre \
             son réseau. Cette initiative comprend une expansion rapide de ses services en \
             Corée du Sud, au Japon et au Mexique.",
            &[
                "Kestrel Systems invests_in South Korea",
                "Kestrel Systems invests_in Mexico",
            ],
            &[],
        ),
        (
            "Kestrel Systems announced a $5 billion investment in Brazil. The plan includes \
             a partnership with Tokyo-based Kiwa Telecom and targets Japanese customers.",
            &["Kestrel Systems invests_in Brazil"],
            &["Kestrel Systems invests_in Japan"],
        ),
    ]);
}

/// "X, an apposition, who is also chairman of Y": the relative clause
/// tells X's role, unless another person stands between.
#[test]
fn a_relative_clause_after_the_apposition_tells_the_role() {
    check(&[
        (
            "Le cheikh Omar Al Farsi, conseiller à la sécurité nationale et frère du ministre, \
             qui est également président de Kestrel Systems, était présent.",
            &["Omar Al Farsi leads Kestrel Systems"],
            &[],
        ),
        (
            "Peter Lindqvist, a veteran banker from Japan, who is also chairman of Kiwa Telecom, \
             spoke on Monday.",
            &["Peter Lindqvist leads Kiwa Telecom"],
            &[],
        ),
        (
            "Hiro Tanaka, who met Karim Haddad, who is the chief executive of Kiwa Telecom, \
             spoke on Monday.",
            &["Karim Haddad leads Kiwa Telecom"],
            &["Hiro Tanaka leads Kiwa Telecom"],
        ),
    ]);
}

/// A firm ranked among a country's makers or providers, or whose name
/// opens on a country's, is seated there; ranked among its investors, not.
#[test]
fn seats_from_a_ranking_or_the_firms_name() {
    check(&[
        (
            "Lumo Compute, l'un des plus grands fabricants de serveurs en Chine, a signalé \
             des pénuries.",
            &["Lumo Compute headquartered_in China"],
            &[],
        ),
        (
            "Brightwater Cloud, one of the largest cloud providers in India, said it would \
             expand.",
            &["Brightwater Cloud headquartered_in India"],
            &[],
        ),
        (
            "Brightwater Capital, one of the largest investors in India, said it would expand.",
            &[],
            &["Brightwater Capital headquartered_in India"],
        ),
        (
            "Kiwa Holdings a signé un accord avec Kenya Lumo Networks pour construire un centre \
             au Kenya.",
            &["Kenya Lumo Networks headquartered_in Kenya"],
            &["Kiwa Holdings headquartered_in Kenya"],
        ),
    ]);
}

/// A firm's goods in a relative clause that equips or powers the project
/// supply it; a relative clause that owns or buys it does not.
#[test]
fn goods_that_equip_the_project_are_supplied() {
    check(&[
        (
            "Le supercalculateur Vortalis sera installé à Lyon. Les serveurs d'Orvane \
             Systems, qui équipent Vortalis, permettent une efficacité remarquable.",
            &["Orvane Systems supplies Vortalis"],
            &[],
        ),
        (
            "The Vortalis supercomputer will be installed in Lyon. Orvane Systems' HX3000 \
             servers, which power Vortalis, are very efficient.",
            &["Orvane Systems supplies Vortalis"],
            &[],
        ),
        (
            "Kiwa Holdings will build a data centre in Osaka. Orvane Systems unveiled new \
             processors, which will power the campus.",
            &["Orvane Systems supplies Japan"],
            &[],
        ),
        (
            "The Vortalis supercomputer will be installed in Lyon. Orvane Systems, which \
             bought Vortalis last year, is pleased.",
            &[],
            &["Orvane Systems supplies Vortalis"],
        ),
    ]);
}

/// "The Osaka-based company" takes up the firm named before and gives its
/// seat; "a Paris-based startup" is another firm.
#[test]
fn a_based_description_of_the_firm_gives_its_seat() {
    check(&[
        (
            "Kestrel Systems will invest $1 billion in Austria. How the U.S.-based tech \
             company's cloud will help was not said.",
            &["Kestrel Systems headquartered_in United States"],
            &[],
        ),
        (
            "Kiwa Holdings will invest $1 billion in Kenya. The Osaka-based company said it \
             would hire locally.",
            &["Kiwa Holdings headquartered_in Osaka"],
            &[],
        ),
        (
            "Kiwa Holdings will invest $1 billion in Kenya with a Paris-based startup.",
            &[],
            &["Kiwa Holdings headquartered_in Paris"],
        ),
    ]);
}

/// Joint subjects of a partnership are partners of each other, also when
/// it names a further partner; the signing of a contract is a partnership.
#[test]
fn joint_subjects_and_signed_contracts_are_partnerships() {
    check(&[
        (
            "Kestrel Systems and Orvane Capital have partnered to establish a new company to \
             develop power plants, in collaboration with energy company Brightwater Energy.",
            &[
                "Kestrel Systems partners_with Orvane Capital",
                "Kestrel Systems partners_with Brightwater Energy",
            ],
            &[],
        ),
        (
            "Kiwa Holdings et Tessaro Energie ont annoncé la signature d'un contrat de \
             raccordement pour un campus à Lyon.",
            &["Kiwa Holdings partners_with Tessaro Energie"],
            &[],
        ),
        (
            "Kiwa Holdings et Tessaro Energie ont publié leurs résultats annuels à Lyon.",
            &[],
            &["Kiwa Holdings partners_with Tessaro Energie"],
        ),
    ]);
}

/// "l'administration Biden", "the Trump administration": a president of the
/// United States, when the article names that country; a firm's
/// administration is no person.
#[test]
fn an_administration_names_its_president() {
    check(&[
        (
            "Les restrictions imposées sous l'administration Biden limitaient les exportations \
             vers la Chine depuis les États-Unis.",
            &["Biden leads United States"],
            &[],
        ),
        (
            "The Trump administration struck a deal with Kiwa Holdings to build plants in the \
             United States.",
            &["Trump leads United States"],
            &[],
        ),
        (
            "The Kiwa Holdings administration approved a plant in the United States.",
            &[],
            &["Kiwa Holdings leads United States"],
        ),
        (
            "The Trump administration praised the deal in Ottawa.",
            &[],
            &["Trump leads United States"],
        ),
    ]);
}

/// "⟨O1⟩'s partner, ⟨O2⟩" and "le partenaire de ⟨O1⟩, ⟨O2⟩" name a partner
/// in apposition; a second "et avec" clause names another; "a team-up
/// with" is a partnership.
#[test]
fn partners_in_apposition_and_further_with_clauses() {
    check(&[
        (
            "Le partenaire développeur de Kiwa Holdings, Orvane Cloud, supervisera la construction.",
            &["Orvane Cloud partners_with Kiwa Holdings"],
            &[],
        ),
        (
            "Kiwa Holdings' technology partner, Orvane Cloud, will oversee construction.",
            &["Orvane Cloud partners_with Kiwa Holdings"],
            &[],
        ),
        (
            "Nvidia's partners, Orvane Cloud and Kiwa Holdings, will build the servers.",
            &["Orvane Cloud partners_with Nvidia", "Kiwa Holdings partners_with Nvidia"],
            &["Orvane Cloud partners_with Kiwa Holdings"],
        ),
        // the firm the sentence is about is no partner of the one in apposition
        (
            "Orvane Cloud said Kiwa Holdings' partner, Tessaro Group, would build the site.",
            &["Tessaro Group partners_with Kiwa Holdings"],
            &["Orvane Cloud partners_with Tessaro Group", "Tessaro Group partners_with Orvane Cloud"],
        ),
        (
            "Nvidia collaborera avec Orvane Cloud pour construire un centre de calcul et avec \
             Kiwa Holdings pour développer un pôle de recherche.",
            &["Nvidia partners_with Orvane Cloud", "Nvidia partners_with Kiwa Holdings"],
            &[],
        ),
        (
            "Nvidia will work with Orvane Cloud to build a lab, and with Kiwa Holdings to train engineers.",
            &["Nvidia partners_with Orvane Cloud", "Nvidia partners_with Kiwa Holdings"],
            &[],
        ),
        // helpers in a second clause are no partners
        (
            "Nvidia collaborera avec Orvane Cloud pour construire un centre et avec le soutien \
             de Kiwa Holdings.",
            &["Nvidia partners_with Orvane Cloud"],
            &["Nvidia partners_with Kiwa Holdings"],
        ),
        (
            "Nvidia is to build a $200 million AI centre in Kenya, in a team-up with local telco \
             Orvane Cloud.",
            &["Nvidia partners_with Orvane Cloud"],
            &[],
        ),
        (
            "Kiwa Holdings announced a tie-up with Orvane Cloud on Monday.",
            &["Kiwa Holdings partners_with Orvane Cloud"],
            &[],
        ),
    ]);
}

/// A relative clause in a firm's apposition gives its seat ("dont le siège
/// se trouve à", "which is headquartered in"), unless another firm than a
/// passive agent stands between.
#[test]
fn a_relative_clause_in_the_apposition_gives_the_seat() {
    check(&[
        (
            "Kiwa Holdings, financée largement par Nvidia, fondée en 2017 et dont le siège \
             mondial se trouve dans le New Jersey, est valorisée à 19 milliards de dollars.",
            &["Kiwa Holdings headquartered_in New Jersey"],
            &["Nvidia headquartered_in New Jersey"],
        ),
        (
            "Orvane Cloud, founded in 2015 and whose headquarters are in Austin, is valued at $3 billion.",
            &["Orvane Cloud headquartered_in Austin"],
            &[],
        ),
        (
            "Tessaro Group, which is headquartered in Oslo, will build the plant.",
            &["Tessaro Group headquartered_in Oslo"],
            &[],
        ),
        (
            "Kiwa Holdings, qui a son siège social à Lyon, a annoncé un investissement.",
            &["Kiwa Holdings headquartered_in Lyon"],
            &[],
        ),
        // the clause may be the other firm's
        (
            "Kiwa Holdings, un partenaire de Nvidia, dont le siège est à Santa Clara, a annoncé \
             un investissement.",
            &[],
            &["Kiwa Holdings headquartered_in Santa Clara"],
        ),
        // a clause that tells where the firm builds is no seat
        (
            "Tessaro Group, which is building a plant in Oslo, will hire 200 people.",
            &[],
            &["Tessaro Group headquartered_in Oslo"],
        ),
    ]);
}

/// "International" ends a firm's name as "Group" does: "Kestrel
/// International CEO Marta Lindqvist".
#[test]
fn international_ends_a_firms_name() {
    check(&[
        (
            "\"We are delighted,\" Vantrix International CEO Marta Lindqvist said.",
            &["Marta Lindqvist leads Vantrix International"],
            &[],
        ),
        (
            "Le groupe Vantrix International va investir 200 millions d'euros au Maroc.",
            &["Vantrix International invests_in Vantrix International project in Morocco"],
            &[],
        ),
        // but not a word of a title or an event
        (
            "Kiwa Holdings said at the International Energy Forum that it would invest in Kenya.",
            &[],
            &["International headquartered_in Kenya"],
        ),
    ]);
}

/// A name whose last word is a programme's ("IndiaAI Mission", "Vortalis
/// Initiative", "Programme") names a project: it invests in nothing, and
/// whoever runs it invests in it.
#[test]
fn a_programme_named_by_its_last_word_is_a_project() {
    use crate::model::EntityType::{Organization, Project};
    assert_eq!(
        entity_kind(
            "The Vortalis AI Mission will fund 10,000 GPUs in Kenya.",
            "Vortalis AI Mission"
        ),
        Some(Project)
    );
    assert_eq!(
        entity_kind(
            "La Kestrel Initiative financera des centres de données au Maroc.",
            "Kestrel Initiative"
        ),
        Some(Project)
    );
    // a firm's suffix still ends a firm's name
    assert_eq!(
        entity_kind(
            "Kestrel Mission Group will build a campus in Kenya.",
            "Kestrel Mission Group"
        ),
        Some(Organization)
    );
    check(&[(
        "China's Vortalis Initiative has funded data centres in Kenya.",
        &["China invests_in Kenya"],
        &["Vortalis Initiative invests_in Kenya"],
    )]);
}

/// A reporting clause after the deal ("..., Chief Executive X told
/// reporters at an event in Brasília") tells where it was said, not where
/// the project is; a verb that reports what follows keeps the frame open.
#[test]
fn the_place_of_the_telling_is_not_the_projects() {
    check(&[
        (
            "Kiwa Holdings will build two new facilities in São Paulo, Chief Executive Dana \
             Whitlock told reporters at an event in Brasília.",
            &["Kiwa Holdings invests_in São Paulo"],
            &["Kiwa Holdings invests_in Brasília"],
        ),
        (
            "Kiwa Holdings va construire un centre de données à Casablanca, a déclaré son \
             directeur général lors d'un salon à Lyon.",
            &["Kiwa Holdings invests_in Casablanca"],
            &["Kiwa Holdings invests_in Lyon"],
        ),
        (
            "Kiwa Holdings will build a plant in Lyon, and said it would build another in Lille.",
            &[
                "Kiwa Holdings invests_in Lyon",
                "Kiwa Holdings invests_in Lille",
            ],
            &[],
        ),
    ]);
}

/// Particles inside a person's name keep it whole ("Lula da Silva", "von
/// der Leyen"); an adverb opening a sentence before a comma is no name.
#[test]
fn name_particles_and_opening_adverbs() {
    let got =
        entity_names("Brazil's President Luiz Inácio Lula da Silva opened the campus in Campinas.");
    assert!(
        got.contains(&"Luiz Inácio Lula da Silva".to_string()),
        "{got:?}"
    );
    let got =
        entity_names("La présidente Ursula von der Leyen a salué l'accord avec Kiwa Holdings.");
    assert!(got.contains(&"Ursula von der Leyen".to_string()), "{got:?}");
    let got =
        entity_names("Separately, Japan's Kiwa Holdings agreed to buy a stake in Orvane Cloud.");
    assert!(!got.contains(&"Separately".to_string()), "{got:?}");
    assert!(got.contains(&"Kiwa Holdings".to_string()), "{got:?}");
    let got = entity_names("Parallèlement, Kiwa Holdings construira un campus au Maroc.");
    assert!(!got.contains(&"Parallèlement".to_string()), "{got:?}");
    check(&[(
        "Separately, Japan's Kiwa Holdings agreed to buy a stake in Orvane Cloud.",
        &["Kiwa Holdings headquartered_in Japan"],
        &["Separately located_in Japan"],
    )]);
}

/// A maker told by its nationality or trade between the preposition and
/// its name ("fournis par l'américain X", "supplied by US chipmaker X")
/// still makes the goods.
#[test]
fn a_described_maker_supplies_its_goods() {
    let site = "Kiwa Holdings va construire un centre de données à Tanger. ";
    check(&[
        (
            &format!("{site}Le futur campus sera équipé de 5 000 processeurs graphiques fournis par l'américain Nvidia."),
            &["Nvidia supplies Tangier"],
            &[],
        ),
        (
            &format!("{site}The campus will house 5,000 GPUs supplied by US chipmaker Nvidia."),
            &["Nvidia supplies Tangier"],
            &[],
        ),
        (
            &format!("{site}Le campus utilisera des puces du géant américain Nvidia."),
            &["Nvidia supplies Tangier"],
            &[],
        ),
        // goods sent to a firm: that firm makes none of them
        (
            &format!("{site}Nvidia will ship 5,000 GPUs to the American company Orvane Cloud."),
            &[],
            &["Orvane Cloud supplies Tangier"],
        ),
    ]);
}

/// Conjoined subjects each told by a description ("Norwegian energy group
/// A and U.S. investment firm B", "le norvégien A et l'américain B") both
/// invest, as do "A, a Norwegian power producer, and B" (an apposition
/// naming the first one's nationality); two countries coordinated stay two
/// subjects.
#[test]
fn described_conjuncts_are_joint_subjects() {
    check(&[
        (
            "Norwegian energy group Kiwa Holdings and U.S. investment firm Orvane Cloud will \
             invest $10 billion in data centres in Texas.",
            &[
                "Kiwa Holdings invests_in Texas",
                "Orvane Cloud invests_in Texas",
            ],
            &["United States invests_in Texas"],
        ),
        (
            "Le norvégien Kiwa Holdings et l'américain Orvane Cloud vont investir 10 milliards \
             de dollars au Texas.",
            &[
                "Kiwa Holdings invests_in Texas",
                "Orvane Cloud invests_in Texas",
            ],
            &[],
        ),
        (
            "France and Germany will invest $1 billion in a data centre in Lyon.",
            &["France invests_in Lyon", "Germany invests_in Lyon"],
            &[],
        ),
        // an apposition after the first conjunct, naming its nationality
        (
            "Kiwa Holdings, a Norwegian power producer, and Polish developer Orvane Cloud \
             have formed a joint venture to build a data centre campus near Gdansk.",
            &[
                "Kiwa Holdings invests_in Gdańsk",
                "Orvane Cloud invests_in Gdańsk",
                "Kiwa Holdings headquartered_in Norway",
            ],
            &["Orvane Cloud headquartered_in Norway"],
        ),
        (
            "Kiwa Holdings, un producteur norvégien d'électricité, et le polonais Orvane Cloud \
             vont construire un campus de centres de données près de Gdansk.",
            &[
                "Kiwa Holdings invests_in Gdańsk",
                "Orvane Cloud invests_in Gdańsk",
                "Kiwa Holdings headquartered_in Norway",
            ],
            &[],
        ),
        // an apposition with a verb is a clause, not a conjunct's description
        (
            "Kiwa Holdings, which sold its stake last year, and Orvane Cloud said Tessaro Group \
             will build a data centre in Texas.",
            &["Tessaro Group invests_in Texas"],
            &["Kiwa Holdings invests_in Texas"],
        ),
        (
            "Kiwa Holdings will build two AI campuses in Texas.",
            &["Kiwa Holdings invests_in Texas"],
            &[],
        ),
    ]);
}

/// Two amounts in one frame, each with places of its own ("$1.5 billion
/// on a campus near Warsaw and $500 million on a site in Bucharest"), are
/// two deals, each with its amount; one amount for two places stays one.
#[test]
fn two_amounts_with_their_places_are_two_deals() {
    let ex = Extractor::new().unwrap();
    let deals = |text: &str| -> BTreeSet<String> {
        ex.extract("t.txt", text)
            .document
            .triples
            .iter()
            .filter(|t| t.p == Predicate::InvestsIn)
            .map(|t| {
                let amount = t.amount.as_ref().map_or(0.0, |a| a.value);
                format!("{} -> {} [{amount}]", t.s, t.o)
            })
            .collect()
    };
    for text in [
        "Kiwa Cloud will spend $1.5 billion on a data centre campus near Warsaw and $500 million \
         on a second site in Bucharest.",
        "Kiwa Cloud investira 1,5 milliard de dollars dans un campus près de Varsovie et 500 \
         millions de dollars dans un second site à Bucarest.",
    ] {
        let got = deals(text);
        assert!(
            got.contains("Kiwa Cloud -> Kiwa Cloud project in Warsaw [1500000000]")
                && got.contains("Kiwa Cloud -> Kiwa Cloud project in Bucharest [500000000]"),
            "{text}\n{got:#?}"
        );
    }
    let one = deals("Kiwa Cloud will spend $1.5 billion on data centres in Warsaw and Bucharest.");
    assert!(
        one.contains("Kiwa Cloud -> Kiwa Cloud project in Warsaw and Bucharest [1500000000]"),
        "{one:#?}"
    );
    // a conversion is no second deal
    let converted =
        deals("Kiwa Cloud will spend 1.5 billion euros ($1.6 billion) on a campus near Warsaw.");
    assert_eq!(converted.len(), 1, "{converted:#?}");
}

/// A fronted clause's place ("Outre ses trois centres au Maroc, le groupe
/// X va construire") is no subject, neither as a conjunct nor as the name
/// an apposition follows; firms listed after "comme" and taken up by "qui"
/// all act.
#[test]
fn fronted_clauses_name_no_subject() {
    check(&[
        (
            "Outre ses trois centres au Maroc, le groupe Atlantis Data va construire un centre de \
             données de 60 MW à Abidjan, pour un montant de 250 millions d'euros.",
            &["Atlantis Data invests_in Ivory Coast"],
            &[
                "Morocco invests_in Ivory Coast",
                "Atlantis Data invests_in Morocco",
            ],
        ),
        (
            "Besides its three sites in Morocco, Atlantis Data will build a 60 MW data centre in \
             Abidjan, at a cost of 250 million euros.",
            &["Atlantis Data invests_in Ivory Coast"],
            &["Morocco invests_in Ivory Coast"],
        ),
        (
            "Le reste ira à des entreprises américaines comme Kiwa Cloud et Orvane Systems, qui \
             développent des centres de données aux Émirats.",
            &[
                "Kiwa Cloud invests_in United Arab Emirates",
                "Orvane Systems invests_in United Arab Emirates",
            ],
            &[],
        ),
    ]);
}

/// A passive construction with a place between the participle and its
/// agent ("being built near Edinburgh by X", "construit à Lyon par le groupe
/// X"): the agent invests there, told by its trade or nationality or not.
#[test]
fn passive_builders_after_a_place() {
    check(&[
        (
            "The campus is being built near Edinburgh by Danish developer Norvik Data.",
            &["Norvik Data invests_in Edinburgh", "Norvik Data headquartered_in Denmark"],
            &["Norvik Data invests_in Denmark"],
        ),
        (
            "Kestrel Power will supply power to the campus being built near Edinburgh by Norvik Data.",
            &["Norvik Data invests_in Edinburgh"],
            &["Kestrel Power invests_in Edinburgh"],
        ),
        (
            "Le campus sera construit à Lyon par le groupe Norvik Data.",
            &["Norvik Data invests_in Lyon"],
            &[],
        ),
        // a money word's agent far after, past a clause, is not the builder
        (
            "The campus will be built near Edinburgh, where the government has long been criticised by Norvik Data.",
            &[],
            &["Norvik Data invests_in Edinburgh"],
        ),
    ]);
}

/// A capitalised currency word inside an amount ("Rs 20,000 crore",
/// written twice as news does in its headline and lead) names no one.
#[test]
fn currency_words_inside_amounts_are_no_names() {
    let text = "Kiwa Digital to invest Rs 20,000 crore in AI data centres in Chennai\n\n\
                Kiwa Digital will invest Rs 20,000 crore to set up data centres in Chennai.";
    let names = entity_names(text);
    assert!(names.iter().any(|n| n == "Kiwa Digital"), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with("Rs")), "{names:?}");
    check(&[(
        "Kiwa Digital va investir 2 milliards de reais (R$ 2 bilhões) au Brésil.",
        &["Kiwa Digital invests_in Brazil"],
        &[],
    )]);
}

/// A name after a preposition and its description ("avec l'équipementier
/// suédois X", "with Swedish equipment maker X") is no subject; but the one
/// a French verb or noun of intent lets act ("permettra à X de", "la
/// décision du groupe X d'investir") is its infinitive's.
#[test]
fn described_names_after_a_preposition() {
    check(&[
        (
            "L'opérateur ivoirien Orbitel a signé un contrat de 120 millions d'euros avec \
             l'équipementier suédois Kestrel Systems pour la construction d'un centre de données à Abidjan.",
            &["Orbitel invests_in Abidjan", "Kestrel Systems headquartered_in Sweden"],
            &["Kestrel Systems invests_in Abidjan"],
        ),
        (
            "Orbitel Group signed a $130 million contract with Swedish equipment maker Kestrel Systems \
             to build a data centre in Abidjan.",
            &["Orbitel Group invests_in Abidjan"],
            &["Kestrel Systems invests_in Abidjan"],
        ),
        (
            "L'accord permettra à l'américain Kestrel Data de construire un campus à Lyon.",
            &["Kestrel Data invests_in Lyon"],
            &[],
        ),
        (
            "La décision du groupe Kestrel Data d'investir 2 milliards d'euros dans un campus à Lyon \
             a surpris le marché.",
            &["Kestrel Data invests_in Lyon"],
            &[],
        ),
        // a place acting stays no destination ("Pékin a interdit")
        (
            "Kestrel Data will build a data centre in the region where Beijing has restricted exports.",
            &[],
            &["Kestrel Data invests_in China"],
        ),
    ]);
}

/// A title that is also a firm's cue ("managing partner") before a given
/// name reads a person; a subordinate clause after a supply verb ("...,
/// while power will come from a plant built by X") names no recipient.
#[test]
fn titled_partners_and_supplies_before_a_subordinate_clause() {
    check(&[
        (
            "Orvane Cloud managing partner James Whitfield will chair the board.",
            &["James Whitfield affiliated_with Orvane Cloud"],
            &[],
        ),
        // a firm after the same cue stays a firm
        (
            "Its partner Kiwa Holdings will build a data centre in Texas.",
            &["Kiwa Holdings invests_in Texas"],
            &[],
        ),
        (
            "Orvane Cloud will build a campus in Texas. Kiwa Holdings will supply the servers, \
             while power will come from a new plant built by Tessaro Group.",
            &["Kiwa Holdings supplies Texas"],
            &["Kiwa Holdings supplies Tessaro Group"],
        ),
        (
            "Orvane Cloud va construire un campus au Texas. Kiwa Holdings fournira les serveurs, \
             tandis que l'électricité viendra d'une centrale construite par Tessaro Group.",
            &["Kiwa Holdings supplies Texas"],
            &["Kiwa Holdings supplies Tessaro Group"],
        ),
    ]);
}

/// An investment forum is an event, not an investment; a place told by
/// its zone or park ("la zone économique de Jazan", "the Jazan economic
/// zone") is a place, where a new plant is an investment.
#[test]
fn investment_events_and_zones() {
    check(&[
        (
            "Kiwa Holdings livrera 18 000 puces à Orvane Cloud, a indiqué son patron en marge \
             d'un forum d'investissement à Riyad.",
            &[],
            &["Kiwa Holdings invests_in Riyadh"],
        ),
        (
            "Kiwa Holdings will ship 18,000 chips to Orvane Cloud, its chief said at an \
             investment summit in Riyadh.",
            &[],
            &["Kiwa Holdings invests_in Riyadh"],
        ),
        // a fund is still no investment, an investment still is
        (
            "Kiwa Holdings annonce un investissement de 2 milliards de dollars à Riyad.",
            &["Kiwa Holdings invests_in Riyadh"],
            &[],
        ),
        (
            "Le taïwanais Kiwa Holdings construira deux usines d'assemblage dans la zone \
             économique de Jazan.",
            &["Kiwa Holdings invests_in Jazan"],
            &["Kiwa Holdings invests_in Kiwa Holdings"],
        ),
        (
            "Kiwa Holdings will build two plants in the Jazan economic zone.",
            &["Kiwa Holdings invests_in Jazan"],
            &[],
        ),
    ]);
}

/// Power: a buyer that signs a power purchase agreement with a utility is
/// supplied by it where the sentence places its operations; power bought
/// "from Danish developer X" comes from X; a headline's short name is the
/// "Compute" firm named in full below.
#[test]
fn power_bought_from_utilities_and_developers() {
    check(&[
        (
            "Orvane Compute has signed a 20-year power purchase agreement with utility Tessaro \
             Group to supply nuclear power to its data centres in Ohio.",
            &["Tessaro Group supplies Ohio"],
            &["Orvane Compute supplies Ohio"],
        ),
        (
            "Orvane Compute a signé un contrat d'achat d'électricité avec l'énergéticien \
             Tessaro Group pour ses centres de données en Espagne.",
            &["Tessaro Group supplies Spain"],
            &[],
        ),
        // a PPA with a firm that is no utility names no supplier
        (
            "Orvane Compute has signed a power purchase agreement with Kiwa Holdings for its \
             data centres in Ohio.",
            &[],
            &["Kiwa Holdings supplies Ohio"],
        ),
        (
            "Orvane Compute will build a campus in Ohio. Earlier this year it agreed to buy \
             500 megawatts of wind power from Danish developer Tessaro Group.",
            &["Tessaro Group supplies Orvane Compute"],
            &[],
        ),
    ]);
    let names = entity_names(
        "Vantrix signs power deal\n\nVantrix Compute has signed a deal with Kiwa Holdings.",
    );
    assert!(!names.iter().any(|n| n == "Vantrix"), "{names:?}");
    assert!(names.iter().any(|n| n == "Vantrix Compute"), "{names:?}");
}

/// A firm's name right before a country's or a region's ("Kiwa Holdings
/// Kenya", "Orvane Africa") names the firm's unit there: a subsidiary of
/// the firm when the article names the firm alone, seated in the country;
/// what the unit invests in, its group invests in. A city after a firm's
/// name is not a unit.
#[test]
fn a_firm_and_a_country_name_its_national_unit() {
    check(&[
        (
            "Kiwa Holdings a ouvert un bureau à Nairobi. Kiwa Holdings Kenya construira un \
             centre de données à Mombasa pour 200 millions de dollars.",
            &[
                "Kiwa Holdings Kenya subsidiary_of Kiwa Holdings",
                "Kiwa Holdings Kenya headquartered_in Kenya",
                "Kiwa Holdings Kenya invests_in Mombasa",
                "Kiwa Holdings invests_in Mombasa",
                "Kiwa Holdings invests_in 200000000 USD",
            ],
            &[],
        ),
        (
            "Terry Vance, president of Kiwa Holdings Africa, said Kiwa Holdings would invest \
             $200 million in a cloud region in Egypt.",
            &[
                "Terry Vance leads Kiwa Holdings Africa",
                "Kiwa Holdings Africa subsidiary_of Kiwa Holdings",
            ],
            &["Kiwa Holdings Africa headquartered_in Africa"],
        ),
        // a city after the firm's name is a site, a conjunction two parties
        (
            "Kiwa Holdings Nairobi will open next year.",
            &[],
            &["Kiwa Holdings Nairobi subsidiary_of Kiwa Holdings"],
        ),
        (
            "Kiwa Holdings and Kenya signed an agreement on a data centre in Mombasa.",
            &["Kiwa Holdings partners_with Kenya"],
            &[],
        ),
    ]);
    let names =
        entity_names("Microsoft Austria will open a cloud region in Vienna, Microsoft said.");
    assert!(names.iter().any(|n| n == "Microsoft Austria"), "{names:?}");
    assert!(names.iter().any(|n| n == "Microsoft"), "{names:?}");
}

/// An amount of holdings ("qui gère 15 milliards d'euros d'actifs", "with
/// $40 billion under management") is no deal's; an apposition may take a
/// few more words before "basé à" ("un opérateur de centres de données
/// basé à Lyon").
#[test]
fn holdings_are_no_deal_and_long_based_appositions() {
    check(&[
        (
            "Kiwa Holdings, qui gère 15 milliards d'euros d'actifs, investira 500 millions \
             d'euros dans un centre de données à Marseille.",
            &["Kiwa Holdings invests_in 500000000 EUR"],
            &["Kiwa Holdings invests_in 15000000000 EUR"],
        ),
        (
            "Kiwa Holdings, which has $40 billion under management, will invest $300 million \
             in a data centre in Dublin.",
            &["Kiwa Holdings invests_in 300000000 USD"],
            &["Kiwa Holdings invests_in 40000000000 USD"],
        ),
        (
            "Kiwa Holdings a racheté Orvane Cloud, un opérateur de centres de données basé à Lyon.",
            &["Orvane Cloud headquartered_in Lyon"],
            &[],
        ),
    ]);
}

/// A venture, a unit with its trade ("la filiale cloud de", "the
/// telecommunications arm of") or a firm after its legal form's full stop
/// or its bracketed short name is a subsidiary of the firm named after.
#[test]
fn subsidiaries_by_venture_trade_and_bracket() {
    check(&[
        (
            "Quantum Orvane Group, a venture of Pakistan's Tessaro Energy Group, announced plans.",
            &["Quantum Orvane Group subsidiary_of Tessaro Energy Group"],
            &[],
        ),
        (
            "Quantum Orvane Group (QOG), a venture of Tessaro Energy Group, announced plans.",
            &["Quantum Orvane Group subsidiary_of Tessaro Energy Group"],
            &[],
        ),
        (
            "Le partenariat ouvrira des perspectives à Scalora Cloud, la filiale cloud d'Orvane \
             Group, qui restera client.",
            &["Scalora Cloud subsidiary_of Orvane Group"],
            &[],
        ),
        (
            "SEOUL: Velmont Telecom Co., the telecommunications arm of Halden Group, plans to \
             build a hub.",
            &["Velmont Telecom Co subsidiary_of Halden Group"],
            &[],
        ),
        // "Centre" ends a name as "Group" does, and its initials are the bracket's
        (
            "Quantum Orvane Data Centre (QODC), a venture of Tessaro Energy Group, will \
             build a data centre in Karachi.",
            &["Quantum Orvane Data Centre subsidiary_of Tessaro Energy Group"],
            &["QODC subsidiary_of Tessaro Energy Group"],
        ),
        // a partner's venture with the firm is no subsidiary of the partner
        (
            "Kiwa Holdings signed a deal with Tessaro Energy Group on a venture in Kenya.",
            &[],
            &["Kiwa Holdings subsidiary_of Tessaro Energy Group"],
        ),
    ]);
}

/// Words a page's layout glued together ("GlobalDataThe") or scrambled
/// ("AAWLtEHChO") give no names; one small-to-capital turn is a brand's.
#[test]
fn glued_and_scrambled_words_are_no_names() {
    let got = entity_names(
        "Kiwa Holdings will build a data centre in Kenya, GlobalDataThe figures show. AAWLtEHChO",
    );
    assert!(!got.contains(&"GlobalDataThe".to_string()), "{got:?}");
    assert!(!got.contains(&"AAWLtEHChO".to_string()), "{got:?}");
    assert!(got.contains(&"Kiwa Holdings".to_string()), "{got:?}");
    let got = entity_names(
        "Kiwa Holdings signed with VantaWeave and OrvaneAI on a data centre in Kenya.",
    );
    assert!(got.contains(&"VantaWeave".to_string()), "{got:?}");
    assert!(got.contains(&"OrvaneAI".to_string()), "{got:?}");
}

/// "X Y, who runs Z": only a person takes "who", so an unknown given name
/// still makes one; "Z co-founder and chief executive X" leads Z.
#[test]
fn who_marks_a_person_and_co_founders_lead() {
    check(&[
        (
            "Amara Osei, who runs Brightwater Labs, said the deal was signed.",
            &["Amara Osei leads Brightwater Labs"],
            &[],
        ),
        (
            "Brightwater Labs co-founder and chief executive Priya Raman said the deal was a \
             milestone.",
            &["Priya Raman leads Brightwater Labs"],
            &[],
        ),
        // a firm takes "which"
        (
            "Kiwa Holdings, which runs Brightwater Labs, said the deal was signed.",
            &[],
            &["Kiwa Holdings leads Brightwater Labs"],
        ),
    ]);
}

/// "A has partnered with Japan's B to develop a facility in C": the one
/// who partnered builds with the partner, past the partner's seat.
#[test]
fn a_partner_told_with_its_seat_builds_with_the_subject() {
    check(&[
        (
            "Viettel Group has also partnered with Japan's Kiwa Holdings to develop a second \
             facility in Ho Chi Minh City.",
            &[
                "Viettel Group invests_in Ho Chi Minh City",
                "Kiwa Holdings invests_in Ho Chi Minh City",
                "Kiwa Holdings headquartered_in Japan",
            ],
            &["Japan invests_in Ho Chi Minh City"],
        ),
        (
            "Viettel Group s'est associé au japonais Kiwa Holdings pour construire un centre \
             de données à Hanoï.",
            &[
                "Viettel Group invests_in Hanoi",
                "Kiwa Holdings invests_in Hanoi",
            ],
            &[],
        ),
    ]);
}

/// A facility "to be operated by" a firm, or "exploité par" one, is
/// operated by it; a deal managed by a firm is not a facility, nor is
/// what a firm "already operates".
#[test]
fn a_passive_operator_of_the_project_told_of() {
    let site = "Vietnam will build a supercomputing centre in Hanoi. ";
    check(&[
        (
            &format!("{site}The centre, to be operated by state-owned Viettel Group, will open in 2027."),
            &["Viettel Group operates Vietnam project in Hanoi"],
            &[],
        ),
        (
            &format!("{site}Le centre, qui sera exploité par l'opérateur public Viettel Group, ouvrira en 2027."),
            &["Viettel Group operates Vietnam project in Hanoi"],
            &[],
        ),
        (
            &format!("{site}The deal was managed by Viettel Group."),
            &[],
            &["Viettel Group operates Vietnam project in Hanoi"],
        ),
        // what a firm already runs is another facility
        (
            &format!("{site}Viettel Group will operate the centre."),
            &["Viettel Group operates Vietnam project in Hanoi"],
            &[],
        ),
        (
            &format!("{site}Viettel Group, which already operates a data centre in Vietnam, is not involved."),
            &[],
            &["Viettel Group operates Vietnam project in Hanoi"],
        ),
        (
            &format!("{site}Viettel Group, qui exploite déjà un centre de données au Vietnam, n'est pas impliqué."),
            &[],
            &["Viettel Group operates Vietnam project in Hanoi"],
        ),
    ]);
}

/// Countries a preposition governs, as a list ("in Chile and Peru"), are
/// where the money goes, not who spends it: "..., its first investments in
/// Latin America" is the subject's; "after talks with A, B will" keeps B.
#[test]
fn a_list_after_a_preposition_invests_nothing() {
    check(&[
        (
            "Norvane Cloud will spend $3 billion on two data centres in Chile and Peru, \
             its first investments in Latin America.",
            &[
                "Norvane Cloud invests_in Chile",
                "Norvane Cloud invests_in Peru",
            ],
            &[
                "Chile invests_in Latin America",
                "Peru invests_in Latin America",
            ],
        ),
        (
            "Norvane Cloud va construire deux centres en Espagne et au Portugal, \
             ses premiers investissements en Europe.",
            &["Norvane Cloud invests_in Spain"],
            &["Portugal invests_in Europe", "Spain invests_in Europe"],
        ),
        (
            "After talks with Kestrel Data, Norvane Cloud will invest $2 billion in Chile.",
            &["Norvane Cloud invests_in Chile"],
            &[],
        ),
    ]);
}

/// A unit "of the fund" with the fund's description before its name:
/// "filiale du fonds d'infrastructure X" is X's; the cue noun "fonds"
/// there announces the name, it is no anaphor of the sentence's subject.
#[test]
fn a_unit_of_a_described_owner() {
    check(&[
        (
            "Datavane, filiale du fonds d'infrastructure Orvane Partners, exploite six centres.",
            &["Datavane subsidiary_of Orvane Partners"],
            &[],
        ),
        (
            "Datavane, a unit of the infrastructure fund Orvane Partners, runs six sites.",
            &["Datavane subsidiary_of Orvane Partners"],
            &[],
        ),
        (
            "Datavane, client du fonds d'infrastructure Orvane Partners, exploite six centres.",
            &[],
            &["Datavane subsidiary_of Orvane Partners"],
        ),
    ]);
}

/// Partners told by a relative ("X, avec qui Y a signé un partenariat",
/// "X, with whom Y signed a deal") and by "s'associer" with a complement
/// before its partner ("s'est associé pour ce projet au groupe X").
#[test]
fn partners_told_by_a_relative_or_an_inserted_complement() {
    check(&[
        (
            "Le site utilisera les puces de Halden Systems, avec qui Datavane Cloud a signé un partenariat.",
            &["Datavane Cloud partners_with Halden Systems"],
            &[],
        ),
        (
            "The site will use chips from Halden Systems, with whom Datavane Cloud signed a partnership.",
            &["Datavane Cloud partners_with Halden Systems"],
            &[],
        ),
        (
            "Kaiden Telecom s'est associé pour ce projet au conglomérat thaïlandais Siam Varin Group.",
            &["Kaiden Telecom partners_with Siam Varin Group"],
            &[],
        ),
        (
            "Kaiden Telecom s'est associé à Siam Varin Group pour vendre ses serveurs à Datavane.",
            &["Kaiden Telecom partners_with Siam Varin Group"],
            &["Kaiden Telecom partners_with Datavane"],
        ),
    ]);
}

/// A share written with a colon ("a 50:50 joint venture") ends no clause:
/// the subjects before it still form the venture and invest.
#[test]
fn a_ratio_is_no_clause_break() {
    check(&[
        (
            "Brenvale and Solvane Energy will form a 50:50 joint venture that will invest \
             $5 billion in data centres in India.",
            &[
                "Brenvale partners_with Solvane Energy",
                "Brenvale invests_in India",
                "Solvane Energy invests_in India",
            ],
            &[],
        ),
        (
            "Brenvale et Solvane Energy créeront une coentreprise 60:40 qui investira \
             2 milliards d'euros en Pologne.",
            &[
                "Brenvale invests_in Poland",
                "Solvane Energy invests_in Poland",
            ],
            &[],
        ),
        (
            "Brenvale said: Solvane Energy will invest $5 billion in India.",
            &["Solvane Energy invests_in India"],
            &["Brenvale invests_in India"],
        ),
    ]);
}

/// A firm that plans a facility ("plans a €2.5bn data centre in Ireland",
/// "prévoit un centre de données de 400 millions d'euros en Italie")
/// invests there; one that plans to do something else ("plans to supply
/// its data centre technology to") does not.
#[test]
fn a_planned_facility_is_an_investment() {
    check(&[
        (
            "Halvane Group plans a €2.5bn data centre in Ireland.",
            &["Halvane Group invests_in Ireland", "Halvane Group invests_in 2500000000 EUR"],
            &[],
        ),
        (
            "Kestrel Data announced plans for a $2 billion campus in Poland.",
            &["Kestrel Data invests_in Poland"],
            &[],
        ),
        (
            "Brightwater Capital prévoit un centre de données de 400 millions d'euros en Italie.",
            &["Brightwater Capital invests_in Italy", "Brightwater Capital invests_in 400000000 EUR"],
            &[],
        ),
        (
            "Halvane Group plans to supply its data centre technology to firms in Sweden.",
            &[],
            &["Halvane Group invests_in Sweden"],
        ),
        (
            "Brightwater Capital prévoit de fournir ses serveurs à des centres de données en Italie.",
            &[],
            &["Brightwater Capital invests_in Italy"],
        ),
    ]);
}

/// "X, a New York private equity firm": a place's name as the modifier of
/// the firm's description is its seat, as a country's is.
#[test]
fn a_seat_told_by_a_place_modifying_the_firms_description() {
    check(&[
        (
            "The round was led by Brightwater Capital, a New York private equity firm.",
            &["Brightwater Capital headquartered_in New York"],
            &[],
        ),
        (
            "The round was led by Brightwater Capital, a Singapore investment firm.",
            &["Brightwater Capital headquartered_in Singapore"],
            &[],
        ),
        (
            "The round was led by Brightwater Capital, a fund with offices in New York.",
            &[],
            &["Brightwater Capital headquartered_in New York"],
        ),
    ]);
}

/// Appointments: "X named P as its new chief executive", "P has been
/// appointed chief executive of X", "X a nommé P au poste de directrice
/// générale", "P a été nommée présidente de X", "X, the Oslo maker, named
/// P chief executive"; a founder ("founded by P", "P, qui a cofondé X");
/// the one appointed is a person even with a first
/// name no list knows. A firm "named the best
/// employer" or chosen "as its supplier" is neither.
#[test]
fn an_appointment_tells_a_role() {
    check(&[
        (
            "Morvane Energy named Jonas Veldt as its new chief executive on Monday.",
            &["Jonas Veldt leads Morvane Energy"],
            &[],
        ),
        (
            "Jonas Veldt has been appointed chief executive of Kestrel Data.",
            &["Jonas Veldt leads Kestrel Data"],
            &[],
        ),
        (
            "Halden Systems a nommé Claire Dumontel au poste de directrice générale.",
            &["Claire Dumontel leads Halden Systems"],
            &[],
        ),
        (
            "Solène Varhaut a été nommée présidente de Telvio Networks.",
            &["Solène Varhaut leads Telvio Networks"],
            &[],
        ),
        (
            "Orvane Cloud has hired Tomas Brekke as chief technology officer.",
            &["Tomas Brekke affiliated_with Orvane Cloud"],
            &["Tomas Brekke leads Orvane Cloud"],
        ),
        // the firm described in an apposition before the verb, and a
        // title with no "as"; a title after a comma is the person's own
        (
            "Orvane Systems, the Oslo-based maker of cooling equipment, has appointed Priya \
             Raman as chief executive, effective January 1.",
            &["Priya Raman leads Orvane Systems"],
            &[],
        ),
        (
            "Orvane Systems, le fabricant norvégien d'équipements de refroidissement, a nommé \
             Priya Raman au poste de directrice générale.",
            &["Priya Raman leads Orvane Systems"],
            &[],
        ),
        (
            "Orvane Systems named Priya Raman chief executive on Monday.",
            &["Priya Raman leads Orvane Systems"],
            &[],
        ),
        (
            "Orvane Systems appointed Priya Raman, chief executive of Kestrel Group, to its board.",
            &["Priya Raman leads Kestrel Group"],
            &["Priya Raman leads Orvane Systems"],
        ),
        // a founder heads the firm: "founded by P", "fondée en 2010 par P",
        // "P, who co-founded X"; a firm "founded by" a firm is no person's
        (
            "Kestrel Data, founded in 2012 by Marc Aubert, will build a data centre in Ohio.",
            &["Marc Aubert leads Kestrel Data"],
            &[],
        ),
        (
            "Lumo Énergie, fondée en 2010 par Jean Ferrand, va construire une centrale en Bretagne.",
            &["Jean Ferrand leads Lumo Énergie"],
            &[],
        ),
        (
            "Priya Raman, who co-founded Pemberton Cloud in 2019, said the campus would open in 2027.",
            &["Priya Raman leads Pemberton Cloud"],
            &[],
        ),
        (
            "Jean Ferrand, qui a cofondé Lumo Énergie, a présenté le projet.",
            &["Jean Ferrand leads Lumo Énergie"],
            &[],
        ),
        (
            "Kestrel Data, founded by Orvane Group in 2015, will build a campus.",
            &[],
            &["Orvane Group leads Kestrel Data"],
        ),
        (
            "Orvane Cloud named Kestrel Data as its preferred supplier.",
            &[],
            &[
                "Kestrel Data leads Orvane Cloud",
                "Kestrel Data affiliated_with Orvane Cloud",
            ],
        ),
    ]);
    let text = "Kestrel Data was named the best employer in Finland. Kestrel Data grew.";
    assert_eq!(
        entity_kind(text, "Kestrel Data"),
        Some(EntityType::Organization)
    );
    let text = "Jonas Veldt has been appointed chief executive of Kestrel Data.";
    assert_eq!(entity_kind(text, "Jonas Veldt"), Some(EntityType::Person));
}

/// Buying a firm is investing in it ("agreed to buy X for $4.2 billion",
/// "snapped up X"); buying goods or power, or buying from a firm, is not.
#[test]
fn buying_a_firm_invests_in_it() {
    check(&[
        (
            "Brightwater Capital agreed to buy Kestrel Data for $4.2 billion.",
            &[
                "Brightwater Capital invests_in Kestrel Data",
                "Brightwater Capital invests_in 4200000000 USD",
            ],
            &[],
        ),
        (
            "Brightwater Capital snapped up Kestrel Data last year.",
            &["Brightwater Capital invests_in Kestrel Data"],
            &[],
        ),
        (
            "Brightwater Capital bought 5,000 GPUs from Kestrel Data.",
            &[],
            &["Brightwater Capital invests_in Kestrel Data"],
        ),
        (
            "Brightwater Capital will buy power from Kestrel Data.",
            &[],
            &["Brightwater Capital invests_in Kestrel Data"],
        ),
        (
            "Brightwater Capital bought the remaining shares from Kestrel Data.",
            &[],
            &["Brightwater Capital invests_in Kestrel Data"],
        ),
        (
            "Brightwater Capital buys Kestrel Data chips for its campus.",
            &[],
            &["Brightwater Capital invests_in Kestrel Data"],
        ),
        // "the firm" after a buyer told by a relative is the firm named
        // before the buyer, not the buyer
        (
            "Norvik Cloud is backed by Brightwater Capital, which acquired a 35% stake in \
             the firm for $800 million last year.",
            &[
                "Brightwater Capital invests_in Norvik Cloud",
                "Brightwater Capital invests_in 800000000 USD",
            ],
            &["Norvik Cloud invests_in Brightwater Capital"],
        ),
        (
            "Kestrel Data est soutenue par Brightwater Capital, qui a acquis une participation \
             de 35 % dans la société pour 800 millions de dollars.",
            &["Brightwater Capital invests_in Kestrel Data"],
            &["Kestrel Data invests_in Brightwater Capital"],
        ),
        // an agreement to buy power is not buying the firm it is made with
        (
            "Norvik Cloud signed a power purchase agreement with Kestrel Energy.",
            &[],
            &["Norvik Cloud invests_in Kestrel Energy"],
        ),
    ]);
}

/// The amount a later sentence gives the project told of: "Le montant du
/// projet atteint 450 millions d'euros" as "The project will cost", also
/// for a new facility told without a verb of building ("annonce un nouveau
/// centre de données en Suède").
#[test]
fn a_later_amount_of_the_project_told_of() {
    check(&[
        (
            "Halden Systems va construire un centre de données en Belgique. \
             Le montant du projet atteint 450 millions d'euros.",
            &["Halden Systems invests_in 450000000 EUR"],
            &[],
        ),
        (
            "Halden Systems annonce un nouveau centre de données en Suède. \
             Le coût du projet atteint 200 millions d'euros.",
            &["Halden Systems invests_in Sweden", "Halden Systems invests_in 200000000 EUR"],
            &[],
        ),
        (
            "Halden Systems unveiled a new data centre in Sweden. The project will cost $300 million.",
            &["Halden Systems invests_in Sweden", "Halden Systems invests_in 300000000 USD"],
            &[],
        ),
        // a firm's worth is no project's amount
        (
            "Halden Systems unveiled a new data centre in Sweden. Halden Systems is now worth $300 million.",
            &["Halden Systems invests_in Sweden"],
            &["Halden Systems invests_in 300000000 USD"],
        ),
    ]);
}

/// Where a place lies, told around its name: "Ohio's Franklin County" (a
/// place named by its kind), "the northern Swedish town of Borlänge", "la
/// ville norvégienne de Rjukan"; and a campus "outside Dallas" is at
/// Dallas, while money spent "outside the US" is not in the US.
#[test]
fn where_a_place_lies_told_around_its_name() {
    check(&[
        (
            "Orvane Cloud plans to invest $600 million in Ohio's Franklin County.",
            &[
                "Franklin County located_in Ohio",
                "Orvane Cloud invests_in United States",
            ],
            &[],
        ),
        (
            "Orvane Cloud will build a data centre in the northern Swedish town of Borlänge.",
            &[
                "Borlänge located_in Sweden",
                "Orvane Cloud invests_in Sweden",
            ],
            &[],
        ),
        (
            "Kestrel Data va construire un centre de données dans la ville norvégienne de \
             Rjukan. Rjukan est en fête.",
            &["Rjukan located_in Norway"],
            &[],
        ),
        (
            "Brightwater Capital will invest $2 billion in a campus outside Dallas.",
            &["Brightwater Capital invests_in Dallas"],
            &[],
        ),
        (
            "Brightwater Capital will invest $2 billion in Mexico, its first project outside \
             the United States.",
            &["Brightwater Capital invests_in Mexico"],
            &["Brightwater Capital invests_in United States"],
        ),
    ]);
}

/// An unveiling with its amount is an investment ("X unveils $1 billion AI
/// hub in Vietnam", "X dévoile un campus d'IA de 2 milliards d'euros au
/// Portugal"); one without ("unveiled its data centre plans at a summit in
/// Hanoi") tells of a deal, not where it is.
#[test]
fn an_unveiling_with_its_amount_is_an_investment() {
    check(&[
        (
            "Kestrel Data unveils $1 billion AI hub in Vietnam.",
            &[
                "Kestrel Data invests_in Vietnam",
                "Kestrel Data invests_in 1000000000 USD",
            ],
            &[],
        ),
        (
            "Morvane Energy dévoile un campus d'IA de 2 milliards d'euros au Portugal.",
            &[
                "Morvane Energy invests_in Portugal",
                "Morvane Energy invests_in 2000000000 EUR",
            ],
            &[],
        ),
        (
            "Kestrel Data unveiled its data centre plans at a summit in Hanoi.",
            &[],
            &["Kestrel Data invests_in Hanoi"],
        ),
        (
            "Morvane Energy a dévoilé le projet de centre de données lors d'un salon à Lisbonne.",
            &[],
            &["Morvane Energy invests_in Lisbon"],
        ),
    ]);
}

#[test]
fn goods_put_in_a_facility_told_of_supply_its_project() {
    check(&[
        // goods told of before, shipped with no supplier named, come from
        // the supplier told of before, not from the firm they go to
        (
            "Orvane Semiconductor will supply its accelerators to Qadira AI. The chips will be \
             shipped over the next two years to Qadira's data centres in Riyadh and Dammam.",
            &["Orvane Semiconductor supplies Saudi Arabia"],
            &["Qadira AI supplies Saudi Arabia"],
        ),
        (
            "Orvane Semiconductor fournira ses accélérateurs à Qadira AI. Les puces seront \
             livrées aux centres de données de Qadira à Riyad.",
            &["Orvane Semiconductor supplies Saudi Arabia"],
            &["Qadira AI supplies Saudi Arabia"],
        ),
        // the facility told of by its power
        (
            "Norvik Cloud will build a campus in Johor. The 300-megawatt campus will house \
             up to 40,000 Nvidia Blackwell GPUs.",
            &["Nvidia supplies Malaysia"],
            &[],
        ),
        (
            "Norvik Cloud will build a campus in Johor. The 300-megawatt campus will open in 2027.",
            &[],
            &["Nvidia supplies Malaysia"],
        ),
        (
            "Halvorsen Cloud will build a data centre in Poland. Halvorsen Cloud will \
             deploy 18,000 Nvidia Blackwell GPUs at the site, chief executive Maria Lund said.",
            &["Nvidia supplies Poland"],
            &[],
        ),
        (
            "Le groupe Veridia construira un centre de données en Espagne. Veridia \
             installera des puces AMD dans le futur campus.",
            &["AMD supplies Spain"],
            &[],
        ),
        // a place after the facility names a site of its own
        (
            "Halvorsen Cloud will build a data centre in Poland. Halvorsen Cloud will \
             deploy Nvidia GPUs at its campus in Texas.",
            &[],
            &["Nvidia supplies Poland"],
        ),
        // no project told of before: nothing to supply
        (
            "Halvorsen Cloud will deploy Nvidia GPUs at the site.",
            &[],
            &["Nvidia supplies Halvorsen Cloud"],
        ),
    ]);
}

#[test]
fn an_owner_named_in_an_apposition_is_no_partner_nor_antecedent() {
    check(&[
        (
            "Nordlys will build a data centre in Morocco. The project will be carried out in \
             partnership with Nareva, a subsidiary of the holding company Al Mada, which will \
             supply renewable power.",
            &[
                "Nordlys partners_with Nareva",
                "Nareva supplies Morocco",
                "Nareva subsidiary_of Al Mada",
            ],
            &["Nordlys partners_with Al Mada", "Al Mada supplies Morocco"],
        ),
        (
            "Nordlys construira un centre de données au Maroc. Le projet sera réalisé en \
             partenariat avec l'énergéticien Nareva, filiale du holding Al Mada, qui fournira \
             l'électricité renouvelable.",
            &["Nordlys partners_with Nareva", "Nareva supplies Morocco"],
            &["Nordlys partners_with Al Mada", "Al Mada supplies Morocco"],
        ),
        // a list names two partners
        (
            "Nordlys signed a partnership with Nareva Energy and Al Mada Holdings.",
            &[
                "Nordlys partners_with Nareva Energy",
                "Nordlys partners_with Al Mada Holdings",
            ],
            &[],
        ),
    ]);
}

#[test]
fn power_counted_in_its_unit_is_supplied_to_the_project() {
    check(&[
        (
            "Halvorsen Cloud will build a data centre in Poland. The campus near Wroclaw will \
             be powered by 300 megawatts supplied by Norvik Power under a 15-year agreement.",
            &["Norvik Power supplies Poland"],
            &[],
        ),
        (
            "Halvorsen Cloud construira un centre de données en Pologne. Le raccordement sera \
             assuré par 300 MW fournis par Norvik Power.",
            &["Norvik Power supplies Poland"],
            &[],
        ),
        // what is supplied is neither goods, power nor a facility
        (
            "Halvorsen Cloud will build a data centre in Poland. The loan will be supplied by \
             Norvik Bank.",
            &[],
            &["Norvik Bank supplies Poland"],
        ),
    ]);
}

#[test]
fn a_firms_description_apposed_to_a_place_tells_the_firms_seat() {
    check(&[
        (
            "Halvorsen Cloud will build a data centre in Poland, the Norwegian company's \
             largest investment abroad.",
            &["Halvorsen Cloud headquartered_in Norway"],
            &["Poland headquartered_in Norway"],
        ),
        (
            "Halvorsen Cloud construira un centre de données en Pologne, le plus gros \
             investissement du groupe norvégien à l'étranger.",
            &["Halvorsen Cloud headquartered_in Norway"],
            &[],
        ),
        // apposed to a firm, the description is that firm's
        (
            "Kiwa Holdings signed an agreement with Halvorsen Cloud, the Norwegian company.",
            &["Halvorsen Cloud headquartered_in Norway"],
            &["Kiwa Holdings headquartered_in Norway"],
        ),
    ]);
}

#[test]
fn a_french_round_names_its_investors_after_aupres_du() {
    check(&[
        (
            "La start-up française Kairo Systems a levé 300 millions d'euros auprès du fonds \
             Meridia Capital et de la banque publique Bpifrance. Les fonds serviront à financer \
             la construction de trois centres de données en Allemagne et en Italie.",
            &[
                "Meridia Capital invests_in Kairo Systems",
                "Meridia Capital invests_in 300000000 EUR",
                "Bpifrance invests_in Kairo Systems",
                "Kairo Systems invests_in Germany",
                "Kairo Systems invests_in Italy",
            ],
            &[],
        ),
        (
            "French start-up Kairo Systems has raised €300 million from Meridia Capital and \
             the public bank Bpifrance.",
            &[
                "Meridia Capital invests_in Kairo Systems",
                "Bpifrance invests_in Kairo Systems",
            ],
            &[],
        ),
        // a clause after the conjunction ends the list
        (
            "Kairo Systems a levé 300 millions d'euros auprès du fonds Meridia Capital et \
             construira un site avec Norvik Power.",
            &["Meridia Capital invests_in Kairo Systems"],
            &["Norvik Power invests_in Kairo Systems"],
        ),
    ]);
}

#[test]
fn ai_after_a_place_before_a_common_noun_is_no_firm() {
    for text in [
        "Solvang Energy commits $1.1 billion to Texas AI campus. Solvang Energy will build \
         a campus in Abilene, Texas.",
        "Halvorsen Cloud to build UK AI hub. Halvorsen Cloud will build a hub in Manchester.",
        "Le programme Sénégal IA souverain sera déployé à Dakar par Kestrel Data.",
    ] {
        let names = entity_names(text);
        assert!(
            !names
                .iter()
                .any(|n| n.ends_with(" AI") || n.ends_with(" IA")),
            "{text}: {names:?}"
        );
    }
    // with a suffix after it, or a name of its own, it is one
    assert_eq!(
        entity_kind(
            "The Texas AI Fund said it would back the project.",
            "Texas AI Fund"
        ),
        Some(EntityType::Organization)
    );
}

#[test]
fn a_name_opening_a_paragraph_is_no_surname_taken_up() {
    // the word before "Datacentre" is "Siam", across the paragraph break
    assert_eq!(
        entity_kind(
            "Le rachat de l'opérateur de centres de données Siam Datacentre coûte 450 millions \
             de dollars.\n\nSiam Datacentre exploite trois sites à Bangkok.",
            "Siam Datacentre"
        ),
        Some(EntityType::Organization)
    );
    // a surname alone after a paragraph break is still one
    assert_eq!(
        entity_kind(
            "The plan was presented by Maria Lundqvist in Oslo.\n\nLundqvist said the site \
             would open in 2027.",
            "Maria Lundqvist"
        ),
        Some(EntityType::Person)
    );
}

#[test]
fn money_received_then_a_construction_invests_in_the_site() {
    check(&[
        (
            "Ostrava Digital has secured 2 billion euros in financing to build an AI \
             gigafactory near Brno.",
            &["Ostrava Digital invests_in Czech Republic"],
            &[],
        ),
        (
            "Ostrava Digital a obtenu un financement de 2 milliards d'euros pour construire un \
             centre de données près de Brno.",
            &["Ostrava Digital invests_in Czech Republic"],
            &[],
        ),
        // money received with no construction after it invests nothing
        (
            "Ostrava Digital has secured 2 billion euros in financing from banks in Prague.",
            &[],
            &["Ostrava Digital invests_in Czech Republic"],
        ),
    ]);
}

#[test]
fn a_firm_supplied_with_goods_receives_them() {
    check(&[
        (
            "Velmora Compute has agreed to supply Kestrel Labs with GPU capacity worth $2 billion.",
            &["Velmora Compute supplies Kestrel Labs"],
            &["Kestrel Labs supplies Velmora Compute"],
        ),
        (
            "Huawei va approvisionner Orlanto Telecom en serveurs.",
            &["Huawei supplies Orlanto Telecom"],
            &["Orlanto Telecom supplies Huawei"],
        ),
        // goods supplied "from a new data centre" come from the supplier's
        (
            "Velmora Compute will supply Kestrel Labs with GPUs from a new data center in Vineland, New Jersey.",
            &[
                "Velmora Compute supplies Kestrel Labs",
                "Velmora Compute invests_in United States",
            ],
            &["Kestrel Labs invests_in United States"],
        ),
        // the maker before its goods still supplies
        (
            "Kestrel Labs will deploy Nvidia chips in its new data centre in Lyon.",
            &["Nvidia supplies France"],
            &[],
        ),
    ]);
}

#[test]
fn a_title_scoped_to_countries_is_held_at_the_firm_after_them() {
    check(&[
        (
            "\"We are growing fast,\" said Dana Whitlock, executive vice president and general manager for Japan and Asia Pacific at Oracle.",
            &["Dana Whitlock affiliated_with Oracle"],
            &["Dana Whitlock affiliated_with Japan"],
        ),
        (
            "Selon Claire Dumoulin, directrice générale pour la France et le Benelux chez Orlanto Telecom, le site ouvrira en 2027.",
            &["Claire Dumoulin leads Orlanto Telecom"],
            &["Claire Dumoulin leads France"],
        ),
    ]);
}

#[test]
fn a_unit_the_sentence_calls_its_own_belongs_to_the_articles_firm() {
    check(&[
        (
            "Le groupe Velmora investit 3 milliards de dollars au Brésil. Les deux sites seront exploités par sa filiale brésilienne Velmora Data Brasil.",
            &["Velmora Data Brasil subsidiary_of Velmora"],
            &[],
        ),
        (
            "Kestrel Labs will build a campus in Ohio. The site will be run by its cloud unit Kestrel Cloud.",
            &["Kestrel Cloud subsidiary_of Kestrel Labs"],
            &[],
        ),
        // a firm named before the possessive: the existing rules decide
        (
            "Orlanto said Velmora would run the site through its unit Velmora Cloud.",
            &[],
            &["Velmora Cloud subsidiary_of Orlanto"],
        ),
    ]);
}

#[test]
fn a_head_of_state_or_minister_named_alone_serves_the_country_the_article_is_set_in() {
    check(&[(
        "Le japonais Velmora investit au Brésil\n\nLe conglomérat japonais Velmora a annoncé un investissement de 3 milliards de dollars dans deux centres de données à São Paulo et à Rio de Janeiro, au Brésil.\n\nLe président Luiz Inácio Lula da Silva a salué l'annonce à Brasília.",
        &["Luiz Inácio Lula da Silva leads Brazil"],
        &["Luiz Inácio Lula da Silva leads Japan"],
    ),
    // a minister with no country named: the article's country, its
    // places counted ("Lyon" three times against one "japonais")
    (
        "Velmora inaugure un centre de données à Lyon\n\nLe japonais Velmora a inauguré mardi son centre de données de Lyon en présence de la ministre chargée du Numérique, Claire Dumoulin.\n\nLe site de Lyon accueillera 2 000 serveurs.",
        &["Claire Dumoulin affiliated_with France"],
        &["Claire Dumoulin affiliated_with Japan"],
    )]);
}

#[test]
fn a_firms_head_of_a_field_in_a_region_and_an_asset_manager_by_nationality() {
    check(&[
        (
            "Velmora Capital is building in Sweden. Dana Whitlock, Velmora Capital's head of AI infrastructure in Europe, said the site was ready.",
            &["Dana Whitlock affiliated_with Velmora Capital"],
            &["Dana Whitlock affiliated_with Europe"],
        ),
        (
            "Canadian asset manager Velmora Capital plans to invest $10 billion in Sweden.",
            &["Velmora Capital headquartered_in Canada"],
            &[],
        ),
    ]);
}

#[test]
fn a_firm_that_raises_money_is_invested_in() {
    // "raised", like "lève" / "a levé", is money received: the round's
    // investors invest, the firm that raised it does not
    check(&[(
        "Velmora Compute has raised $500 million in a funding round led by Kestrel Capital, valuing the Denver-based company at $3 billion.",
        &["Kestrel Capital invests_in Velmora Compute"],
        &["Velmora Compute invests_in United States"],
    )]);
}

#[test]
fn a_firm_described_by_its_seat_after_a_round_is_the_one_that_raised_it() {
    check(&[(
        "Velmora Compute has raised $500 million in a round led by Kestrel Capital and Orvane Partners, valuing the Denver-based company at $3 billion.",
        &["Velmora Compute headquartered_in Denver"],
        &["Orvane Partners headquartered_in Denver"],
    )]);
}

#[test]
fn the_country_is_the_one_the_article_names_most() {
    check(&[(
        "Velmora Compute will invest $2 billion in Malaysia.\n\n\"Malaysia is ready,\" said Dana Whitlock, general manager for Japan at Velmora Compute.\n\nKestrel Labs has pledged $1 billion for data centres in the country.",
        &["Kestrel Labs invests_in Malaysia"],
        &["Kestrel Labs invests_in Japan"],
    )]);
}

#[test]
fn a_double_barrelled_surname_is_a_persons() {
    assert_eq!(
        entity_kind(
            "\"Demand is strong,\" said Adaire Fox-Martin, Velmora Compute's chief executive.",
            "Adaire Fox-Martin"
        ),
        Some(EntityType::Person)
    );
}

#[test]
fn a_countrys_firm_told_by_its_kind_is_seated_there() {
    check(&[(
        "Velmora Compute formed a venture with Singapore's sovereign wealth fund Kestrel Capital.",
        &["Kestrel Capital headquartered_in Singapore"],
        &["Velmora Compute headquartered_in Singapore"],
    )]);
}

#[test]
fn a_name_joined_to_a_persons_is_a_persons() {
    let en = "The company was founded in 2021 by former engineers Arjun Mehta and Tavi Rahman.";
    assert_eq!(entity_kind(en, "Tavi Rahman"), Some(EntityType::Person));
    let fr = "La société a été fondée par Paul Montgomery et Tavi Rahman.";
    assert_eq!(entity_kind(fr, "Tavi Rahman"), Some(EntityType::Person));
    // a firm named after a person's name is left to its cue
    let firm = "Velmora Compute and Kestrel Systems signed a deal.";
    assert_eq!(
        entity_kind(firm, "Kestrel Systems"),
        Some(EntityType::Organization)
    );
}

#[test]
fn spanish_and_portuguese_sector_words_end_a_firms_name() {
    check(&[(
        "Brightwater Capital will buy a stake in Sierra Clara Datos. Sierra Clara, based in \
         Monterrey, plans three data centres.",
        &["Sierra Clara Datos headquartered_in Monterrey"],
        &["Sierra Clara headquartered_in Monterrey"],
    )]);
}

#[test]
fn the_party_a_deal_is_made_with_supplies_what_it_is_to_supply() {
    check(&[
        (
            "Velmora Compute will build a data centre in Finland. Velmora has signed a power \
             purchase agreement with Finnish utility Kestrel Energy to supply the site with wind power.",
            &["Kestrel Energy supplies Velmora Compute project in Finland"],
            &["Velmora Compute supplies Velmora Compute project in Finland"],
        ),
        (
            "Velmora Compute va construire un centre de données en Finlande. Velmora a signé un \
             contrat avec Kestrel Energy pour fournir de l'électricité au site.",
            &["Kestrel Energy supplies Velmora Compute project in Finland"],
            &["Velmora Compute supplies Velmora Compute project in Finland"],
        ),
    ]);
}

#[test]
fn a_firm_supplying_in_a_clause_beside_a_supply_supplies_the_same_site() {
    check(&[
        (
            "Velmora Compute will invest $3 billion to build a data centre campus in Finland. \
             Kestrel Chips will supply its GPUs for the campus, while Orvane Systems will \
             provide the servers, Velmora said.",
            &[
                "Kestrel Chips supplies Velmora Compute project in Finland",
                "Orvane Systems supplies Velmora Compute project in Finland",
            ],
            &[],
        ),
        (
            // a clause beside that supplies nothing names no supplier
            "Velmora Compute will invest $3 billion to build a data centre campus in Finland. \
             Kestrel Chips will supply its GPUs for the campus, while Orvane Systems will \
             study the site.",
            &["Kestrel Chips supplies Velmora Compute project in Finland"],
            &["Orvane Systems supplies Velmora Compute project in Finland"],
        ),
    ]);
}

#[test]
fn who_backs_a_firm_invests_in_it() {
    check(&[
        (
            "Velmora Compute, backed by Kestrel Chips, went public in March.",
            &["Kestrel Chips invests_in Velmora Compute"],
            &[],
        ),
        (
            "Velmora Compute will build in Oslo. The Oslo-based company is backed by the private \
             equity firm Orvane Capital, which took a majority stake in 2023.",
            &["Orvane Capital invests_in Velmora Compute"],
            &[],
        ),
        (
            "Meta soutiendra Velmora Énergie, ce dernier étant soutenu par le milliardaire Paul \
             Montgomery.",
            &["Paul Montgomery invests_in Velmora Énergie"],
            &[],
        ),
        (
            "Velmora Compute is not backed by Kestrel Chips.",
            &[],
            &["Kestrel Chips invests_in Velmora Compute"],
        ),
    ]);
}

#[test]
fn a_description_with_its_trade_describes_the_name_after_it() {
    check(&[(
        "Le japonais Velmora rachète l'allemand Talvik Rechenzentren pour 1,5 milliard \
         d'euros\n\nLe groupe japonais Velmora Holdings a annoncé lundi l'acquisition de \
         l'opérateur allemand de centres de données Talvik Rechenzentren pour 1,5 milliard \
         d'euros, afin de renforcer sa présence en Europe.\n\nTalvik, basé à Francfort, \
         exploite six centres de données en Allemagne et aux Pays-Bas.\n\n« Cette acquisition \
         nous donne une plateforme solide sur le premier marché européen », a déclaré Paul \
         Montgomery, président de Velmora Holdings. Le vendeur, le fonds d'investissement \
         suédois Orvane Infrastructure, détenait Talvik depuis 2019.",
        &[
            "Velmora Holdings headquartered_in Japan",
            "Talvik Rechenzentren headquartered_in Germany",
        ],
        &["Velmora Holdings headquartered_in Germany"],
    )]);
}

#[test]
fn a_founders_title_and_an_apposition_leave_the_post_readable() {
    check(&[
        (
            "La start-up Velmora Compute a annoncé lundi son cofondateur et directeur général, \
             Paul Montgomery.",
            &["Paul Montgomery leads Velmora Compute"],
            &[],
        ),
        (
            "The startup Orvane Systems has appointed Laura Niemi, a former Amazon Web Services \
             executive, as its chief executive, the company said.",
            &["Laura Niemi leads Orvane Systems"],
            &["Laura Niemi leads Amazon Web Services"],
        ),
    ]);
}

#[test]
fn the_company_that_reports_is_its_sentences_subject_and_the_first_named_leads_a_tie() {
    check(&[(
        "Orvane names former Kestrel Cloud executive as chief\n\nFinnish cloud provider Orvane \
         has appointed Laura Niemi, a former Kestrel Cloud executive, as its chief executive, \
         the company said on Thursday. Niemi replaces co-founder Mikko Aalto, who will become \
         chairman.",
        &["Mikko Aalto leads Orvane"],
        &["Mikko Aalto leads Kestrel Cloud"],
    )]);
}

#[test]
fn the_company_reporting_a_sentences_news_is_its_subject() {
    check(&[(
        "Orvane Systems has hired Laura Niemi, a former Kestrel Cloud executive, as chief \
         executive, the Helsinki-based company said.",
        &["Orvane Systems headquartered_in Helsinki"],
        &["Kestrel Cloud headquartered_in Helsinki"],
    )]);
}

#[test]
fn a_firm_that_said_it_did_something_is_the_it() {
    check(&[(
        "Orvane Systems, a unit of the Finnish telecom group Kestrel Holdings, also said it had \
         teamed up with Velmora Compute to develop cloud services.",
        &["Orvane Systems partners_with Velmora Compute"],
        &["Kestrel Holdings partners_with Velmora Compute"],
    )]);
}

#[test]
fn a_firms_noun_names_again_the_firm_it_described() {
    check(&[
        (
            "La start-up française Velmora Compute va construire un campus en Île-de-France. \
             Elle compte parmi ses actionnaires Microsoft et le fonds américain Kestrel Capital. \
             « C'est un grand projet », a déclaré Paul Montgomery, directeur technique de la \
             start-up.",
            &["Paul Montgomery affiliated_with Velmora Compute"],
            &["Paul Montgomery affiliated_with Kestrel Capital"],
        ),
        (
            "EDF a identifié quatre sites, a annoncé le PDG du groupe, Bernard Fontana. \
             L'américain Kestrel Realty étudie également un site près de Marseille. Le groupe a \
             par ailleurs signé un accord avec le français Velmora Compute.",
            &["EDF partners_with Velmora Compute"],
            &["Kestrel Realty partners_with Velmora Compute"],
        ),
    ]);
}

#[test]
fn what_funds_received_build_is_the_receivers() {
    check(&[(
        "L'opérateur Velmora Data a obtenu un financement de 1,3 milliard d'euros auprès d'un \
         consortium de banques. Les fonds serviront à agrandir ses campus de Marcoussis, en \
         Essonne, et de Milan, en Italie.",
        &[
            "Velmora Data invests_in Italy",
            "Velmora Data invests_in France",
        ],
        &[],
    )]);
}
