//! Unit tests of mention finding and typing.

use crate::extract::Extractor;
use crate::model::EntityType;

/// The words of a sentence as `tokens` cuts them.
fn words_of(sent: &str) -> Vec<&str> {
    super::tokens(sent)
        .iter()
        .map(|t| &sent[t.start..t.end])
        .collect()
}

#[test]
fn words_drop_elisions_possessives_and_final_periods() {
    let table: &[(&str, &[&str])] = &[
        (
            "L'usine d'AT&T coûte 5,2 milliards.",
            &["usine", "AT&T", "coûte", "5", "2", "milliards"],
        ),
        (
            "Nvidia's chips reach the U.S. and S.A. firms -",
            &[
                "Nvidia", "chips", "reach", "the", "U.S.", "and", "S.A.", "firms",
            ],
        ),
        (
            "Jusqu'à Qu'il QU'IL l'Arabie aujourd'hui",
            &["à", "il", "QU'IL", "Arabie", "aujourd'hui"],
        ),
        (
            "«Rjukan», 2031 ; Jean-Marc",
            &["Rjukan", "2031", "Jean-Marc"],
        ),
    ];
    for (sent, want) in table {
        assert_eq!(words_of(sent), *want, "{sent}");
    }
}

proptest::proptest! {
    /// The word scanner cuts as the regex it replaced did.
    #[test]
    fn words_cut_as_the_word_regex(s in "[a-zA-Z0-9éÉçœ'.&, -]{0,40}") {
        let re = regex::Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}'\-.&]*").unwrap();
        let want: Vec<(usize, usize)> = re.find_iter(&s).map(|m| (m.start(), m.end())).collect();
        proptest::prop_assert_eq!(super::words(&s).collect::<Vec<_>>(), want);
    }
}

/// The (name, type) of every entity the article names.
fn entities(text: &str) -> Vec<(String, EntityType)> {
    let ex = Extractor::new().unwrap();
    ex.extract("t.txt", text)
        .document
        .entities
        .into_iter()
        .map(|e| (e.name, e.kind))
        .collect()
}

/// "NVIDIA (IA)" in a link line once made every later "IA" a mention
/// of Nvidia: a common word in brackets is no alias.
#[test]
fn a_common_word_in_brackets_is_no_alias() {
    let ex = Extractor::new().unwrap();
    let x = ex.explain(
        "t.txt",
        "Read: Nvidia (IA) in Chile. Les services d'IA arrivent.",
    );
    let mentions: Vec<(String, String)> = x
        .trace
        .iter()
        .flat_map(|s| s.mentions.iter())
        .map(|(surface, name, _, _)| (surface.clone(), name.clone()))
        .collect();
    assert!(!mentions.iter().any(|(s, _)| s == "IA"), "{mentions:?}");
    assert!(mentions.iter().any(|(s, _)| s == "Nvidia"), "{mentions:?}");
}

fn assert_has(text: &str, name: &str, kind: EntityType) {
    let got = entities(text);
    assert!(
        got.iter().any(|(n, k)| n == name && *k == kind),
        "{name} {kind:?} not in {got:?}"
    );
}

fn assert_lacks(text: &str, name: &str) {
    let got = entities(text);
    assert!(
        !got.iter().any(|(n, _)| n == name),
        "{name} unexpectedly in {got:?}"
    );
}

/// Family 7: names come from shape and context, not closed lists. Each
/// row: text, names that must be there with their type, names that must not.
#[test]
fn names_from_shape_and_context_in_both_languages() {
    use EntityType::{Organization as O, Person as P, Place as L};
    type Row<'a> = (&'a str, &'a [(&'a str, EntityType)], &'a [&'a str]);
    let table: &[Row] = &[
        // people from what only people are, and offices that are no part of a name
        (
            "Un an après que son prédécesseur, Talvi Oruhane, a fait pression.",
            &[("Talvi Oruhane", P)],
            &[],
        ),
        (
            "Kestrel, part of billionaire Ravindra Oshalan's group, operates in India.",
            &[("Ravindra Oshalan", P)],
            &[],
        ),
        (
            "Accompagné de la ministre de la Transition numérique et de la Réforme de l'administration, Ilona Varekzi, il a signé.",
            &[("Ilona Varekzi", P)],
            &[],
        ),
        (
            "The summit hosted by Senator Dorvakian opened on Monday with Mme Meriel Voskaya.",
            &[("Dorvakian", P), ("Meriel Voskaya", P)],
            &["Senator Dorvakian", "Mme Meriel Voskaya"],
        ),
        // a name followed by a comma (and "en"/"in") and a known place
        // is a place within it
        (
            "Les discussions se sont tenues à Vorlay, en Bavière, selon le ministère.",
            &[("Vorlay", L)],
            &[],
        ),
        (
            "Talks were held last week in Tessenjo, in Bavaria, the ministry said.",
            &[("Tessenjo", L)],
            &[],
        ),
        // a long line cut off after a name's first letters: no name
        (
            "Nvidia avance.\nLa plupart des capacités existantes sont concentrées en Afrique du Sud, où Microsoft, Orac",
            &[("Microsoft", O)],
            &["Orac"],
        ),
        (
            "Nvidia moves on.\nMost of the existing capacity sits in South Africa, where Microsoft and the local arm of Orac",
            &[("Microsoft", O)],
            &["Orac"],
        ),
        (
            "Nvidia moves on.\nThe firm buys its chips from US suppliers, including Nvidia Corp, and counts Tessaro Systems Inc",
            &[("Tessaro Systems Inc", O)],
            &[],
        ),
        // a distance after a name makes it a place
        (
            "Le centre a ouvert le 22 juin à Morvandi, à une trentaine de kilomètres de la capitale.",
            &[("Morvandi", L)],
            &[],
        ),
        (
            "The site opened in June at Morvandi, about 30 km north of the capital.",
            &[("Morvandi", L)],
            &[],
        ),
        (
            "Orvane owns 905 King Street West in Toronto.",
            &[],
            &["Street West"],
        ),
        // a title inside a run of names ends the firm's and starts the person's
        (
            "QVRX Chairman Talvi Oruhane told the summit that demand will climb.",
            &[("QVRX", O), ("Talvi Oruhane", P)],
            &["QVRX Chairman Talvi Oruhane"],
        ),
        // a model number after a goods word is a product, not a firm
        (
            "Nvidia appliquera cette mesure à ses ventes de la puce K20 en Chine, et produira les puces IA de nouvelle génération, les QX6, au Texas.",
            &[("Nvidia", O)],
            &["K20", "QX6"],
        ),
        // an honorific opening a name is no name; after a given name,
        // the same letter is an initial
        (
            "En présence de l'ambassadeur de Chine en Algérie, M. Talvi Oruhane, l'accord a été signé.",
            &[("Talvi Oruhane", P)],
            &["M"],
        ),
        (
            "Kiwa Holdings chief executive Kevin M. Orlov said the firm would grow.",
            &[("Kevin M. Orlov", P)],
            &["Kevin", "Orlov"],
        ),
        // a region's other name is the region's, not a person's
        (
            "Terry Holm, président de Huawei Northern Africa, a annoncé un investissement.",
            &[("Terry Holm", P)],
            &["Northern"],
        ),
        // a surname that is elsewhere a function word follows a given
        // name; the same word opening a sentence is no name
        (
            "Kelvar founder Masayoshi Son said the group will invest. Analysts said Son wanted more.",
            &[("Masayoshi Son", P)],
            &["Masayoshi"],
        ),
        (
            "Le fondateur de Kelvar, Masayoshi Son, a investi. Son projet ouvrira en 2027.",
            &[("Masayoshi Son", P)],
            &["Masayoshi", "Son projet"],
        ),
        // Arabic patronymics are one name; an honorific and a title
        // after a demonym are no part of it
        (
            "The pact was signed by Saudi Crown Prince Mohammed bin Salman on Sunday.",
            &[("Mohammed bin Salman", P)],
            &["Saudi Crown Prince Mohammed", "Salman"],
        ),
        (
            "Le prince héritier saoudien Mohammed ben Salmane a reçu Kiwa Holdings.",
            &[("Mohammed ben Salmane", P)],
            &["Salmane"],
        ),
        (
            "Sheikh Tahnoon bin Zayed Al Nahyan chairs the fund.",
            &[("Tahnoon bin Zayed Al Nahyan", P)],
            &["Sheikh Tahnoon bin Zayed Al Nahyan", "Zayed Al Nahyan"],
        ),
        // a name the article calls a firm is no place, though a
        // headline puts it after "à"
        (
            "Sivane Data s'allie à Talvo pour un campus en Espagne\n\nSivane Data a conclu un partenariat avec l'opérateur espagnol Talvo.",
            &[("Talvo", O)],
            &[],
        ),
        // a ministry's domain is no name
        (
            "La ministre de l'Industrie et du Commerce, Ilona Varekzi, a signé l'accord.",
            &[("Ilona Varekzi", P)],
            &["Industrie", "Commerce"],
        ),
        // unknown places: where a facility stands, French place-name shapes
        (
            "Le campus sera situé à Vorlanges, au sud de la capitale.",
            &[("Vorlanges", L)],
            &[],
        ),
        (
            "The company opened a data centre in Brackenfeld last year.",
            &[("Brackenfeld", L)],
            &[],
        ),
        (
            "Orvane Telecom ouvrira un site à Magny-les-Prés en 2026.",
            &[("Magny-les-Prés", L)],
            &[],
        ),
        // a firm after "in" with no facility before it stays a firm
        (
            "Kestrel Capital took a stake in Dorvane Systems.",
            &[("Dorvane Systems", O)],
            &[],
        ),
        // people outside the given-name list: speech, apposition, surname taken up
        (
            "Talvi Oruhane said the site would open in 2027.",
            &[("Talvi Oruhane", P)],
            &[],
        ),
        (
            "Le projet a été présenté par Talvi Oruhane, directrice générale de Kestrel Data.",
            &[("Talvi Oruhane", P)],
            &[],
        ),
        (
            "The deal was signed with Brannoc Delvish last week. Delvish added that more sites would follow.",
            &[("Brannoc Delvish", P)],
            &[],
        ),
        (
            "Talks with Dave McQuarrie, the state's senior senator, went on.",
            &[("Dave McQuarrie", P)],
            &[],
        ),
        // roman numerals are tiers and phases, not names; a firm called X stays
        (
            "The Tier III site of Kestrel Data opens in phase II, with X as a client.",
            &[("Kestrel Data", O)],
            &["III", "II"],
        ),
        // a capitalised demonym can begin a firm's name; a title after it cannot
        (
            "Saudi Call will build four sites. Czech Radiocommunications would provide CZK 70 billion.",
            &[("Saudi Call", O), ("Czech Radiocommunications", O)],
            &["Call"],
        ),
        (
            "Swedish Prime Minister Ulf Kristersson met the Saudi delegation.",
            &[("Ulf Kristersson", P)],
            &["Swedish Prime Minister", "Saudi delegation"],
        ),
        // trade words end a firm's name as its suffix would
        (
            "Sakura Internet plans more sites; Khazna Data Centres agreed.",
            &[("Sakura Internet", O), ("Khazna Data Centres", O)],
            &["Khazna Data"],
        ),
        // a firm stays a firm when taken up by its first word
        (
            "Orvane Systems will build a plant. Orvane said it would hire 200 people.",
            &[("Orvane Systems", O)],
            &[],
        ),
        // tickers, currency codes, amounts glued to codes, plural acronyms, compound adjectives
        (
            "The stock of Kestrel Systems KSTL.O rose as the firm raised CZK 70 billion and AED13bn for its SMRs and LPUs. Kiwa investit 2 MdGBP. It ships DGX B200 systems.",
            &[("Kestrel Systems", O)],
            &["KSTL.O", "Kestrel Systems KSTL.O", "CZK", "AED13bn", "SMRs", "LPUs", "MdGBP", "DGX B200"],
        ),
        // a price widget's ticker is no part of the name before it
        (
            "Kestrel Energy KST 5.10%increase; green up pointing triangle signed with Orvane Systems ORV -0.43%decrease.",
            &[("Kestrel Energy", O), ("Orvane Systems", O)],
            &["Kestrel Energy KST", "Orvane Systems ORV"],
        ),
        (
            "Manhattan-based Vorn Capital backs AI-focused start-ups and AI-related projects.",
            &[("Vorn Capital", O)],
            &["Manhattan-based Vorn Capital", "AI-focused", "AI-related"],
        ),
        // street addresses and bare suffixes give no names
        (
            "The centre sits at 151 Front Street West, next to the Holding Ltd offices.",
            &[],
            &["Front Street West", "Holding Ltd"],
        ),
        // sentence adverbs and continental adjectives
        (
            "Overall, European and Asian operators want more power. Additionally, demand grows.",
            &[],
            &["Overall", "European", "Asian", "Additionally"],
        ),
        // cities of the gazetteer, with their French names
        (
            "Kestrel Data ouvrira un centre à Séville et un autre à Djeddah.",
            &[("Seville", L), ("Jeddah", L)],
            &[],
        ),
        // trade acronyms, funding rounds and tiers are common nouns
        (
            "Kestrel Data raised a Series B to build a Tier III HPC site with HBM memory and a PPA.",
            &[("Kestrel Data", O)],
            &["Series B", "HPC", "HBM", "PPA", "Tier III"],
        ),
        (
            "Kestrel Data signera un PPA pour alimenter ses SMR et son offre GPUaaS.",
            &[("Kestrel Data", O)],
            &["PPA", "SMR", "GPUaaS"],
        ),
        // a title's word before a given name is no part of the name
        (
            "The plan was praised by Secretary of Commerce Gina Oruhane and by Executive Ken Brellis.",
            &[("Gina Oruhane", P), ("Ken Brellis", P)],
            &["Commerce Gina Oruhane", "Executive Ken Brellis"],
        ),
        // one letter alone is no name
        (
            "Kestrel Dynamics closed a Series B round with Orvane Capital, its Plan B for Kenya.",
            &[("Kestrel Dynamics", O), ("Orvane Capital", O)],
            &["B"],
        ),
        (
            "Kestrel Dynamics won the backing of Orvane Capital boss Lena Varga for an upsized Series B round to raise $1.2 billion. The Series B new issue is expected to close by year-end.",
            &[("Kestrel Dynamics", O), ("Lena Varga", P)],
            &["B"],
        ),
        (
            "Kestrel Dynamics a bouclé sa levée de série C avec Orvane Capital, son plan B.",
            &[("Kestrel Dynamics", O), ("Orvane Capital", O)],
            &["C", "B"],
        ),
        // brands in lower camel case are names; a code with digits is none
        (
            "Nvidia travaillera avec qorVant et avec lumaTech pour former des ingénieurs.",
            &[("qorVant", O), ("lumaTech", O)],
            &[],
        ),
        (
            "Partners such as brelSys and vintaAI will host the servers, see cWzXyK3RVb.",
            &[("brelSys", O), ("vintaAI", O)],
            &["cWzXyK3RVb"],
        ),
    ];
    for (text, has, lacks) in table {
        for (name, kind) in *has {
            assert_has(text, name, *kind);
        }
        for name in *lacks {
            assert_lacks(text, name);
        }
    }
}

#[test]
fn a_compound_given_name_makes_a_person() {
    assert_has(
        "Kiwa Holdings a fait visiter le site à Jean-Yves Moreau et à la presse.",
        "Jean-Yves Moreau",
        EntityType::Person,
    );
}

#[test]
fn french_institutions_keep_their_lower_case_words() {
    use EntityType::Organization as O;
    for (text, name) in [
        (
            "Le centre, financé par la Banque lusitanienne de développement à hauteur de 13 millions de dollars, ouvrira en mai.",
            "Banque lusitanienne de développement",
        ),
        (
            "Le projet est porté par l'Agence de l'informatique de l'Etat, selon son directeur.",
            "Agence de l'informatique de l'Etat",
        ),
        (
            "Selon le Fonds monétaire boréal, la croissance ralentit.",
            "Fonds monétaire boréal",
        ),
    ] {
        assert_has(text, name, O);
    }
    // a head noun with no adjective or "de" phrase after it is no name
    for (text, name) in [
        (
            "Le projet de la Banque finance trois sites.",
            "Banque finance",
        ),
        ("La décision de la Commission a surpris.", "Commission a"),
    ] {
        assert_lacks(text, name);
    }
    // nor is one at a sentence's start without an article
    assert_lacks(
        "Banque et assurance restent des secteurs porteurs.",
        "Banque et assurance",
    );
}

#[test]
fn government_bodies_keep_their_listed_domains() {
    use EntityType::Organization as O;
    for (text, name) in [
        (
            "The Department of Trade, Energy and Mines in Vardenia said it welcomed the plan.",
            "Department of Trade, Energy and Mines",
        ),
        (
            "Vardenia's Ministry of Transport and Digital Affairs said on Tuesday it had approved the plan.",
            "Ministry of Transport and Digital Affairs",
        ),
        // two suffix words are a body's name when "of" joins them
        (
            "The Ministry of Investment welcomed the plan.",
            "Ministry of Investment",
        ),
    ] {
        assert_has(text, name, O);
    }
    // a comma that no "and" closes lists other parties
    assert_lacks(
        "The Ministry of Finance, Kestrel Data, Orvane Cloud signed the deal.",
        "Ministry of Finance, Kestrel Data",
    );
    assert_has(
        "The Ministry of Finance, Kestrel Data, Orvane Cloud signed the deal.",
        "Ministry of Finance",
        O,
    );
    // nor does "and" extend a name that is no government body's
    assert_lacks(
        "Kestrel Data and Orvane Cloud signed the deal.",
        "Kestrel Data and Orvane Cloud",
    );
}

#[test]
fn unknown_organisations_from_suffixes_and_cues() {
    // common words inside a name a suffix ends are the name's; without
    // the suffix they still end it
    assert_has(
        "It is owned by the Norway Pension Plan Investment Board and others.",
        "Norway Pension Plan Investment Board",
        EntityType::Organization,
    );
    assert_lacks(
        "It is owned by the Norway Pension Plan Investment Board and others.",
        "Norway",
    );
    // "Partnership" and "Alliance" end names too, common words and all
    assert_has(
        "Un consortium formé par Artificial Intelligence Compute Partnership (AICP) et Orvex rachète le site.",
        "Artificial Intelligence Compute Partnership",
        EntityType::Organization,
    );
    assert_has(
        "The National Data Alliance will fund the plan.",
        "National Data Alliance",
        EntityType::Organization,
    );
    // one-word firms given as examples of a plural noun of firms
    assert_has(
        "Kiwa Holdings will supply several Swedish companies, including Orvex and Tandberry.",
        "Orvex",
        EntityType::Organization,
    );
    assert_has(
        "Kiwa Holdings will supply several Swedish companies, including Orvex and Tandberry.",
        "Tandberry",
        EntityType::Organization,
    );
    // one word listed before a firm a suffix ends is a firm; a suffix
    // alone ends no name
    assert_has(
        "Kiwa Holdings investira avec des fonds tels qu'Orvex, Balmore Capital ou Hexton Ventures.",
        "Orvex",
        EntityType::Organization,
    );
    assert_lacks(
        "According to the Kiwa Department of Industry, Science and Resources, AI and automation could add billions.",
        "Resources",
    );
    // a city before a firm's name is the name's: "Oxford Quantum Circuits"
    assert_has(
        "Kiwa Holdings collaborera avec Oxford Quantum Circuits pour construire un centre.",
        "Oxford Quantum Circuits",
        EntityType::Organization,
    );
    assert_lacks(
        "Orvane Systems presented its Data Plan on Monday.",
        "Orvane Systems presented its Data Plan",
    );
    assert_has(
        "Le projet réunit Nexus Core Systems et d'autres.",
        "Nexus Core Systems",
        EntityType::Organization,
    );
    assert_has(
        "La société Nyocor a investi au Xinjiang.",
        "Nyocor",
        EntityType::Organization,
    );
    assert_has(
        "The firm Quantara said it would expand.",
        "Quantara",
        EntityType::Organization,
    );
    assert_has(
        "Les fonds de Llyods Capital arrivent.",
        "Llyods Capital",
        EntityType::Organization,
    );
    // a cue word capitalised mid-sentence is the name's ("pioneer" is a cue)
    assert_has(
        "The deal was signed by Pioneer Vale Partners on Monday.",
        "Pioneer Vale Partners",
        EntityType::Organization,
    );
    // a given name inside a firm's name does not cut it
    assert_has(
        "The deal was signed by Orvel Karim Energy Group on Monday.",
        "Orvel Karim Energy Group",
        EntityType::Organization,
    );
    // three suffix words are a name, one or two are not
    assert_has(
        "Il a rejoint la société Power Capital Partners lundi.",
        "Power Capital Partners",
        EntityType::Organization,
    );
    assert_lacks(
        "Il a rejoint le fonds Capital Partners lundi.",
        "Capital Partners",
    );
    // a place that starts a run of capitalised words ending in a firm
    // suffix is the firm's
    assert_has(
        "Le contrat revient à la Lyon Future Energy Company, a-t-il dit.",
        "Lyon Future Energy Company",
        EntityType::Organization,
    );
    assert_has(
        "GIC joined the Norway Sovereign Investment Board on the deal.",
        "Norway Sovereign Investment Board",
        EntityType::Organization,
    );
    assert_has(
        "It is a unit of German insurer Munich Re.",
        "Munich Re",
        EntityType::Organization,
    );
    assert_has(
        "They will invest in Kenya Power and Kenya.",
        "Kenya",
        EntityType::Country,
    );
    assert_lacks(
        "They will invest in Kenya and Nigeria.",
        "Kenya and Nigeria",
    );
    // after an article and a demonym adjective, one word is a firm
    assert_has(
        "Le consortium réunit le sud-africain Zavocom et le japonais Tamura.",
        "Tamura",
        EntityType::Organization,
    );
    // a capitalised demonym is a noun: "le Japonais Tamura" is a person
    assert_lacks("Hier, le Japonais Tamura a parlé.", "Tamura");
}

#[test]
fn people_from_titles_in_both_orders() {
    // title words before a given name one or two words from the end
    assert_has(
        "It said Global Data Centers Kevin Marlow, citing demand.",
        "Kevin Marlow",
        EntityType::Person,
    );
    assert_lacks(
        "It said Global Data Centers Kevin Marlow, citing demand.",
        "Global Data Centers Kevin Marlow",
    );
    assert_has(
        "Le PDG de BlackRock, Larry Fink, a signé.",
        "Larry Fink",
        EntityType::Person,
    );
    assert_has(
        "Zora Kelmendi, directrice de la stratégie de Naver, a parlé.",
        "Zora Kelmendi",
        EntityType::Person,
    );
    assert_has(
        "le ministre des Sciences Bae Kyung-hoon visitera Séoul.",
        "Bae Kyung-hoon",
        EntityType::Person,
    );
    assert_has(
        "Nvidia chief executive Tarek Osei said so.",
        "Tarek Osei",
        EntityType::Person,
    );
}

#[test]
fn machines_and_plants_named_like_ships_are_projects() {
    use EntityType::Project as J;
    for (text, name) in [
        // a name first met with no cue takes the type a later cue gives
        (
            "VORTALIS : la Suisse dans la cour des grands\n\nLe superordinateur VORTALIS a été inauguré à Lugano.",
            "VORTALIS",
        ),
        (
            "VORTALIS: Switzerland joins the big league\n\nThe VORTALIS project was launched in Lugano.",
            "VORTALIS",
        ),
        (
            "Le supercalculateur Vortalis sera installé à Lyon.",
            "Vortalis",
        ),
        (
            "The Vortalis supercomputer will be installed in Lyon.",
            "Vortalis",
        ),
        (
            "Power will come from the Brenmoor nuclear plant.",
            "Brenmoor",
        ),
        (
            "L'électricité viendra de la centrale de Brenmoor.",
            "Brenmoor",
        ),
        // a given name does not make a machine a person
        (
            "The Alice Vortalis supercomputer will be installed in Lyon.",
            "Alice Vortalis",
        ),
    ] {
        assert_has(text, name, J);
    }
    // a known firm stays a firm whatever noun precedes it
    assert_has(
        "Nvidia a présenté ses résultats.\n\nLe projet Nvidia de Lyon avance.",
        "Nvidia",
        EntityType::Organization,
    );
    // a firm that builds one stays a firm
    assert_has(
        "Kestrel Data will build a supercomputer in Lyon.",
        "Kestrel Data",
        EntityType::Organization,
    );
}

#[test]
fn navigation_bars_give_no_names_but_list_items_do() {
    // a list's item names its place twice: prose, not a share bar
    for (text, name, kind) in [
        (
            "Sites chosen:\n• Dorvano, Italy (Dorvano Computing Centre, Tecnopolo Dorvano).",
            "Italy",
            EntityType::Country,
        ),
        (
            "Sites retenus :\n• Dorvano, Italie (Centre de calcul de Dorvano).",
            "Italy",
            EntityType::Country,
        ),
        (
            "The fund backs three sites.\nBarcelona, Spain (Barcelona Digital Hub).",
            "Barcelona",
            EntityType::Place,
        ),
    ] {
        assert_has(text, name, kind);
    }
    // a wire credit line names no one and nowhere of the story
    for (text, not) in [
        (
            "Kestrel Data va construire un campus à Lyon.\n(Reportage Talvi Oruhane, version française Meriel Voskaya, édité par Kelvar Osh)",
            ["Reportage Talvi Oruhane", "Kelvar Osh"],
        ),
        (
            "Kestrel Data will build a campus in Lyon.\n(Reporting by Talvi Oruhane in Bengaluru; Editing by Kelvar Osh)",
            ["Bangalore", "Kelvar Osh"],
        ),
    ] {
        for name in not {
            assert_lacks(text, name);
        }
        assert_has(text, "Kestrel Data", EntityType::Organization);
    }
    // a bar of capitalised words with a repeated one names nothing
    assert_lacks(
        "Accueil Quantara Labs Actualités Quantara Labs",
        "Quantara Labs",
    );
    assert_lacks("Home Quantara Labs News Quantara Labs", "Quantara Labs");
}

#[test]
fn months_weekdays_and_headlines_are_not_names() {
    assert_lacks("Le 22 Septembre, Lundi, tout a changé.", "Septembre");
    assert_lacks(
        "NVIDIA ANNONCE UN ACCORD GÉANT AVEC QUANTARA LABS",
        "QUANTARA LABS",
    );
}

#[test]
fn bracketed_acronym_becomes_an_alias() {
    let ex = Extractor::new().unwrap();
    let doc = ex
        .extract(
            "t.txt",
            "Le ministère de la Planification Numérique (MPN) signe. Le MPN investira.",
        )
        .document;
    let e = doc
        .entities
        .iter()
        .find(|e| e.aliases.iter().any(|a| a == "MPN"))
        .expect("MPN alias");
    assert_eq!(e.kind, EntityType::Organization);
}

#[test]
fn a_known_firm_with_its_legal_form_is_that_firm() {
    let ex = Extractor::new().unwrap();
    let text = "The provider CoreWeave Inc. (CRWV) will invest $6 billion in Ghana. \
                Nvidia Corp. will supply the chips.";
    let doc = ex.extract("t.txt", text).document;
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        names.contains(&"CoreWeave") && names.contains(&"Nvidia"),
        "{names:?}"
    );
    // the ticker after the legal form is the firm's alias, not a firm
    assert!(!names.contains(&"CRWV"), "{names:?}");
    let investor = doc
        .triples
        .iter()
        .find(|t| t.p == crate::model::Predicate::InvestsIn)
        .map(|t| t.s.as_str());
    assert_eq!(investor, Some("CoreWeave"));
    // a legal form after an unknown name keeps the whole name
    let doc = ex
        .extract(
            "t.txt",
            "Arveno Systems Ltd will build a data centre in Kenya.",
        )
        .document;
    assert!(doc.entities.iter().any(|e| e.name == "Arveno Systems Ltd"));
}

#[test]
fn a_name_ending_on_a_facility_word_is_a_project() {
    let ex = Extractor::new().unwrap();
    let text = "In the U.K., Kestrel Data's Loughton AI Campus is slated to host 23,000 GPUs.";
    let doc = ex.extract("t.txt", text).document;
    let campus = doc.entities.iter().find(|e| e.name.ends_with("Campus"));
    assert_eq!(
        campus.map(|e| e.kind),
        Some(EntityType::Project),
        "{:?}",
        doc.entities
    );
}
