//! Relation rules: the mentions and values of a sentence in, facts out.
//!
//! Each sentence becomes a template: its folded text with every mention
//! replaced by a typed slot (`⟨O3⟩` organisation, `⟨P⟩` person, `⟨C⟩`
//! country, `⟨L⟩` place, `⟨D⟩` demonym). Rules are regexes over templates
//! plus a few procedures (subjects before a trigger, objects after it).

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::lexicon::{compile_rule, folded_regex, Lexicon, RuleSet};
use super::values::{Value, ValueKind};
use super::{Attrs, DocState, How, Mention};
use crate::error::DataError;
use crate::model::{EntityType, Predicate};

mod deals;
mod funding;
mod invest;
mod partners;
mod places;
mod projects;
mod roles;
mod supply;

pub(super) use deals::investment_attrs;
use deals::{cost_of_last_project, late_amount};
use funding::{acquisitions, backers, contributions, funders, fundraising, stakes_in_project};
use invest::investments;
pub(super) use invest::{facility_follows, is_seat_suffix, Trigger, SEAT_PHRASE};
pub(crate) use partners::drop_seat_partners;
use partners::{consortium_members, partnerships};
pub(crate) use places::{place_chains, regional_projects};
pub(super) use projects::new_project;
use projects::{
    agreed_facility, led_initiatives, new_facilities, operations, owned_facilities,
    owned_facility_at, plan_sites, project_named_later, project_sites,
};
use roles::{
    administrations, based_seats, described_headquarters, headquarters, own_unit, relative_seats,
    roles, subsidiaries,
};
pub(crate) use roles::{known_parents, named_after_parent, seats_in_names, unit_parents};
pub(super) use supply::goods_quantity;
use supply::{
    chosen_supplier, deployed_at_owned, equipping_goods, goods_for_project, learn_models,
    power_purchase, supplied_facility, supplies, utility_partner,
};

/// After a firm, the goods it is supplied with: "to supply ⟨O⟩ with GPU
/// capacity", "approvisionner ⟨O⟩ en puces". The firm receives them; it
/// does not make them.
pub(super) static SUPPLIED_WITH: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(r"^ (?:with|avec|en) ").unwrap_or_else(|e| unreachable!("{e}")));

/// What separates the members of a list: "A, B and C", "A, B et C". Both
/// the partner rules and the pair candidates read lists with it.
pub(crate) static LIST_SEP: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:,|,? and|,? et|,? or|,? ou)(?: (?:the|le|la|les|l'))? ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Verbs of appointing, before the one appointed (folded): "named",
/// "a nommé". The appointment rule and the typer of names read them.
pub(crate) const APPOINTING: &str =
    "named|appointed|hired|tapped|promoted|nomme|designe|recrute|promu";

/// A copula and a participle of appointing, after the one appointed
/// (folded): "has been appointed", "a été nommée".
pub(crate) const APPOINTED: &str = "(?:has been|have been|was|will be|is|a ete|est|sera|vient d'etre) (?:named|appointed|promoted|tapped|nommee?|designee?|promue?)";

/// What announces the post of the one appointed (folded): "as", "au poste de".
pub(crate) const AS_ROLE: &str =
    "as|comme|au poste de|a la fonction de|en tant que|to the post of|to the role of|to be";

/// Compiled regexes of the rules.
#[derive(Debug)]
pub(crate) struct Rules {
    pub place_before: Regex,
    pub place_after: Regex,
    pub honorific_before: Regex,
    pub title_before: Regex,
    /// A title and its domain, then a comma: "la ministre de la Transition
    /// numérique et de la Réforme de l'administration, ".
    pub title_apposed: Regex,
    pub of_before: Regex,
    pub title_after: Regex,
    /// ", Nvidia's senior vice president": a title a few words into an apposition.
    pub title_apposition: Regex,
    /// "US company", "German-based investor": right after a place, a cue noun
    /// makes the place a nationality.
    pub nationality_after: Regex,
    pub title_domain: Regex,
    /// A title alone (folded): "chairman", "ceo", "ministre".
    pub title_word: Regex,
    pub org_cue_before: Regex,
    pub org_cue_after: Regex,
    pub org_cue_adjacent: Regex,
    pub anaphor: Regex,
    /// The anaphor after "of": "le patron du groupe", "CEO of the company".
    pub anaphor_of: Regex,
    /// An appointment: "X named P as its chief executive", "P a été
    /// nommée présidente de X".
    role_appointed: Regex,
    role_possessive: Regex,
    hq: RuleSet,
    /// The triggers of an investment frame (see [`invest::trigger_set`]).
    invest_triggers: regex::RegexSet,
    /// The rules that tell a person's role, each with its name.
    role_rules: RuleSet,
    /// The rules that tell a subsidiary and its parent.
    subsidiary_rules: RuleSet,
    /// "le géant américain", "the US company" with no name after it: a
    /// description of the firm the article is about.
    hq_described: Regex,
    /// The gap between a firm and its owner named in an apposition:
    /// "⟨O1⟩, a subsidiary of the holding company ⟨O2⟩", "⟨O1⟩, filiale du
    /// holding ⟨O2⟩" (the gap between the two slots).
    owner_apposed: Regex,
    place_pair: Regex,
    coordination: Regex,
    after_preposition: Regex,
    with_clause: Regex,
    /// "X will build a campus in C with Y": a partner of the investment.
    invest_with: Regex,
    agent: Regex,
    into_org: Regex,
    goods_of: Regex,
    /// Goods of a named maker, with or without a preposition: "chips
    /// developed by X", "X's GPUs", "puces X".
    makers_goods: Regex,
    /// A model code before or after a goods word: "gb300 gpus", "puces h20".
    model_goods: Regex,
    /// A goods word a few words before a name: "la puce ", "serveurs ".
    pub goods_before: Regex,
    /// "Le H20 est la principale puce", "le H20 - le processeur d'IA", "the
    /// MI308, a chip": a model told by what it is (after the name, folded).
    pub goods_named_after: Regex,
}

impl Rules {
    /// The first goods named with their maker ("⟨O2⟩'s latest GPUs", "des
    /// puces ⟨O2⟩"). A firm with a determiner between it and the goods ("⟨O1⟩
    /// va utiliser des puces ⟨O2⟩") is their user: the search goes on past it.
    pub(super) fn goods_with_maker<'t>(&self, text: &'t str) -> Option<regex::Captures<'t>> {
        static DETERMINER: LazyLock<Regex> = LazyLock::new(|| {
            folded_regex(
                r"(?-u:\b)(?:des|les|le|la|du|the|a|an|un|une|ses|son|sa|its|their|leurs?)(?-u:\b)",
            )
            .unwrap_or_else(|e| unreachable!("{e}"))
        });
        // "processors to ⟨O1⟩": a firm the goods go to is no maker
        static SENT_TO: LazyLock<Regex> = LazyLock::new(|| {
            folded_regex(r"(?-u:\b)(?:to|a|au|aux|pour|for|vers) (?:the |le |la |les |l')?$")
                .unwrap_or_else(|e| unreachable!("{e}"))
        });
        let mut from = 0;
        while let Some(c) = self.makers_goods.captures_at(text, from) {
            let whole = c.get(0)?;
            match (c.name("org"), c.name("org2")) {
                (_, Some(org))
                    if DETERMINER.is_match(&text[org.end()..whole.end()])
                        || SUPPLIED_WITH.is_match(&text[org.end()..]) =>
                {
                    from = org.end();
                }
                (Some(org), _) if SENT_TO.is_match(&text[whole.start()..org.start()]) => {
                    from = org.end();
                }
                _ => return Some(c),
            }
        }
        None
    }

    pub(crate) fn new(lex: &Lexicon) -> Result<Self, DataError> {
        let re = |name: &str, src: String| compile_rule(name, &src);
        let t = &lex.titles;
        let cues = &lex.org_cues;
        let word = r"[\w'-]+";
        // chips and their kin, as news names them (folded)
        let goods = r"(?:super)?(?:puces?|gpus?|chips?|processeurs?|processors?|accelerateurs?|accelerators?|superchips?|superpuces?)";
        let lead = r"(?:(?:le|la|les|l'|the|an?|son|sa|its|his|her|ancien|ancienne|former|actuel|actuelle|nouveau|nouvelle|new|current|also|aussi|co) ?)*";
        // a maker told by its nationality or trade before its name: "the
        // American company ⟨O⟩", "l'⟨D⟩ ⟨O⟩", "⟨C⟩ chipmaker ⟨O⟩" (folded)
        let described =
            format!(r"(?:(?:the |le |la |l')?(?:⟨[CD]\d+⟩ (?:(?:{cues}) )?|(?:{cues}) ⟨D\d+⟩ ))?");
        Ok(Rules {
            place_before: re("place_before", r"(?:ville|city|province|region|comte|county|state|etat|capitale|town|village|commune|paroisse|parish|district|prefecture|gouvernorat|governorate|canton|emirat|emirate|zone(?: economique(?: speciale)?| industrielle| franche)?|parc (?:industriel|technologique|scientifique|d'activites)) (?:(?:[a-z-]+ )?(?:de |d'|of ))?$".into())?,
            place_after: re("place_after", r"^ (?:county|province|parish|prefecture|city|state|governorate|(?:special )?economic zone|industrial (?:zone|park|city)|free zone|science park|business park)(?-u:\b)".into())?,
            honorific_before: re("honorific", r"(?:^|\W)(?:m\.|mme|mr\.?|mrs\.?|ms\.?|dr\.?|monsieur|madame|sheikh|sheikha) $".into())?,
            title_before: re("title_before", format!(r"(?:^|[^\w])(?:{t})(?: {word}){{0,6}}?,? $"))?,
            title_apposed: re("title_apposed", format!(r"(?:^|[^\w])(?:{t}) (?:de|du|des|d'|of|for)(?:,? ?{word}){{1,14}}, $"))?,
            of_before: re("of_before", r"(?:(?-u:\b)de|(?-u:\b)du|(?-u:\b)des|(?-u:\b)d'|(?-u:\b)of|(?-u:\b)at|(?-u:\b)chez|(?-u:\b)la|(?-u:\b)le|(?-u:\b)l')\s?$".into())?,
            title_domain: re("title_domain", format!(r"(?:^|[^\w])(?:{t}) (?:des|du|de la|de l'|de|d'|of|for) ?$"))?,
            title_word: re("title_word", format!(r"^(?:{t})$"))?,
            title_after: re("title_after", format!(r"^,? {lead}(?:{t})(?-u:\b)"))?,
            title_apposition: re("title_apposition", format!(r"^, (?:[\w'-]+ ){{0,4}}?(?:{t})(?-u:\b)"))?,
            nationality_after: re("nationality_after", format!(r"^ (?:based |headquartered )?(?:[\w-]+ ){{0,2}}?(?:{cues})(?-u:\b)"))?,
            org_cue_before: re("org_cue_before", format!(r"(?:^|[^\w])(?:{cues})(?: {word}){{0,3}}? $"))?,
            org_cue_adjacent: re("org_cue_adjacent", format!(r"(?:^|[^\w])(?:{cues}) $"))?,
            org_cue_after: re("org_cue_after", format!(r"^, (?:(?:a|an|the|une|un|le|la|l') ?)?(?:[\w-]+ ){{0,5}}?(?:{cues})(?-u:\b)"))?,
            // "the Osaka-based company": a firm told by its seat is one named before
            // (its place is a name of its own: the mention is "based company")
            anaphor: re("anaphor", format!(r"(?:^|[^\w'])(?:({})|the (?:[a-z.]+[ -]){{1,2}}(based (?:(?:tech|technology|energy|telecoms?|software|cloud|investment|infrastructure) )?(?:company|firm|group|startup|operator|provider|developer|chipmaker)))(?:$|[^\w])", lex.org_anaphors))?,
            // "le patron du fonds": a fund is the firm only after "of" ("le
            // fonds souverain de C, X" names a fund of its own)
            anaphor_of: re("anaphor_of", format!(r"(?:^|[^\w'])(?:du |de la |de l'|of the )({}|fonds|fund)(?:$|[^\w])", lex.org_anaphor_nouns))?,
            role_rules: RuleSet::new("role_rules", vec![
                (re("role_before", format!(
                    r"(?:^|[^\w])(?P<title>{t})(?P<r1>(?: [a-z0-9'][\w'-]*){{0,8}}?)(?: (?P<dem>⟨D\d+⟩))?(?P<r2>(?: [a-z0-9'][\w'-]*){{0,8}}?)(?:,? (?:de |du |d'|des |of |at |chez )(?:la |l'|the )?(?P<org>⟨[OC]\d+⟩)(?: \(⟨[OC]\d+⟩\))?(?: (?:en |au |aux |a |in |to )(?:la |l'|the )?⟨[CL]\d+⟩)?)?,? (?:(?:{HONORIFICS})\. )?(?P<per>⟨P\d+⟩)"
                ))?, "role.title-before-name"),
                (re("role_after", format!(
                    r"(?P<per>⟨P\d+⟩),? {lead}(?P<mods>(?:(?:senior|junior|deputy|adjoint|adjointe|executive|managing|general|global|regional|chief|group|interim|acting) )*)(?P<title>{t})(?P<r1>(?: [a-z0-9'][\w'-]*){{0,10}}?)(?: (?P<dem>⟨D\d+⟩))?(?P<r2>(?: [a-z0-9'][\w'-]*){{0,8}}?)(?:,? (?:de |du |d'|des |of |at |chez |for |pour |a la |au |a l'|aupres de )(?:la |l'|the )?(?:(?:{cues}) )?(?P<org>⟨[OC]\d+⟩)|(?P<end>\s?[,.;)]|$| (?:a |said|says|has|had|who|qui|told|estime|explique)))"
                ))?, "role.name-comma-title"),
                // "Amazon Vice President of Global Data Centers Kevin Miller": a
                // title's "of" complement runs a few words more
                (re("role_org_first", format!(
                    r"(?P<org>⟨[OCD]\d+⟩)(?:'s?)?(?P<r0>(?: (?:co[ -])?[a-z][\w-]*){{0,2}}?) (?P<title>{t})(?P<r1>(?: [a-z][\w-]*){{0,2}}?|(?: (?:of|for) [a-z][\w&-]*(?: [a-z][\w&-]*){{0,3}}?)),? (?P<per>⟨P\d+⟩)"
                ))?, "role.org-title-name"),
                // "Ronnie Vasishta, Nvidia's senior vice president of telecoms, said",
                // "X, Brookfield's head of AI infrastructure in Europe, said"
                (re("role_person_org", format!(
                    r"(?P<per>⟨P\d+⟩), (?:the |la |le )?(?P<org>⟨[OC]\d+⟩)(?:'s?)?(?: [a-z][\w-]*){{0,2}}? (?P<title>{t})(?P<r1>(?: [a-z][\w-]*){{0,4}}?)(?: (?:in|for|en|pour|au|aux) (?:the |la |le |l')?⟨[CL]\d+⟩)?(?:\s?[,.;]|$| (?:said|says|stated|told|added|a |explique|indique))"
                ))?, "role.name-org-title"),
                // "Omar Haddad, adviser to the president, who is also chairman of
                // Kiwa": a relative clause after the person's apposition (no
                // other person between, whom "who" could follow)
                (re("role_relative", format!(
                    r"(?P<per>⟨P\d+⟩),(?:[^;.⟨]|⟨[CDLOJ])*?,? (?:qui est|qui etait|who is|who was)(?: (?:egalement|aussi|also|par ailleurs|en outre))? {lead}(?P<title>{t})(?P<r1>(?: [a-z][\w'-]*){{0,3}}?) (?:de |du |d'|des |of |at |chez )(?:la |l'|the )?(?P<org>⟨[OC]\d+⟩)"
                ))?, "role.relative-clause"),
            ])?,
            // "X named P as its new chief executive", "X a nommé P au poste
            // de directrice générale", "X, the Oslo maker, named P chief
            // executive", "X appointed P, a former Y executive, as its chief
            // executive"; "P has been appointed chief executive
            // of X", "P a été nommée présidente de X"
            role_appointed: re("role_appointed", format!(
                r"(?P<org>⟨O\d+⟩)(?:, (?:[^,⟨]|⟨[CDL]\d+⟩){{1,80}},)? (?:has |have |a |ont |on \w+ )?(?:{APPOINTING}) (?P<per>⟨P\d+⟩)(?:, (?:[^,⟨]|⟨[CDLO]\d+⟩){{1,80}},)?(?:,? (?:{AS_ROLE}) | ){lead}(?P<title>{t})(?-u:\b)|(?P<per2>⟨P\d+⟩),? (?:{APPOINTED}) (?:(?:{AS_ROLE}) )?{lead}(?P<title2>{t}) (?:of|at|de|du|d'|des|chez) (?:la |l'|the )?(?P<org2>⟨O\d+⟩)"
            ))?,
            // "son directeur général, P"; "son cofondateur et directeur
            // général, P": a founder's title joined to the post
            role_possessive: re("role_possessive", format!(r"(?:^|[^\w])(?:son|sa|leur|its|their) (?:(?:co-?fondat\w*|co-?founder|fondat\w*|founder) (?:et|and) )?(?P<title>{t}),? (?P<per>⟨P\d+⟩)"))?,
            // a nationality ("le géant américain", "the US company"), a
            // city ("the Seattle tech giant", "the San Diego, California
            // company", "le groupe de Seattle") or a seat ("l'entreprise
            // basée à Johannesburg")
            hq_described: re("hq_described", format!(r"(?:^|[^\w])(?:le |la |l'|the |du |de la |de l'|au |of the |by the |to the )(?:(?:{cues})(?: [\w-]+)? (?P<c1>⟨D\d+⟩)|(?P<c2>⟨[CDL]\d+⟩)(?:, ⟨[CL]\d+⟩)? (?:[\w-]+ )?(?:{cues})|(?:{cues}) (?:(?:de |d')(?P<c3>⟨L\d+⟩)|(?:[\w-]+ )?(?:base|basee|based|headquartered|installe|installee|implante|implantee) (?:a |au |aux |en |in |at )(?P<c4>⟨[CL]\d+⟩)))(?P<after>(?: [\w'-]+){{0,3}})"))?,
            invest_triggers: invest::trigger_set(lex)?,
            hq: RuleSet::new("hq", vec![
                (re("hq", format!(r"(?:^|[^\w])(?:{cues})(?:(?P<plural>s)?|s?(?: {word}){{1,2}}?) (?P<c>⟨D\d+⟩)(?: {word}){{0,4}}?,? (?P<org>⟨O\d+⟩)"))?, "hq.cue-demonym-name"),
                (re("hq", r"(?:^|[^\w])(?:l'|le |la |the )(?P<c>⟨D\d+⟩) (?P<org>⟨O\d+⟩)".to_string())?, "hq.demonym-name"),
                // "US chipmakers Nvidia and AMD", "les groupes chinois A et B": a
                // plural cue right before the nationality or the name seats each
                // name listed ("Investors included German insurer A and B": not
                // "investors", whose plural stands further back)
                (re("hq", format!(r"(?P<c>⟨[CD]\d+⟩)(?: {word}){{0,2}}? (?:{cues})(?P<plural>s)? (?P<org>⟨O\d+⟩)"))?, "hq.country-cue-name"),
                // "Toronto-based generative AI (GenAI) startup Cohere"
                (re("hq", r"(?P<c>⟨[CL]\d+⟩)[ -]based (?:[\w()'-]+ ){0,5}?(?P<org>⟨O\d+⟩)".to_string())?, "hq.based"),
                (re("hq", format!(r"(?P<org>⟨O\d+⟩),? (?:une? |le |la |l'|a |an |the )?(?:{cues})(?: {word}){{0,2}}? (?P<c>⟨D\d+⟩)"))?, "hq.name-cue-demonym"),
                // the participle may follow a copula ("⟨O⟩ is headquartered in", "est
                // basée à"), after another predicate ("was founded in 2019 and is
                // based in"); the seat a possessive ("a son siège à", "has its
                // headquarters in")
                (re("hq", r"(?P<org>⟨O\d+⟩)(?:,? (?:(?:is|are|was|est|sont|etait|remains|reste) (?:(?:also|aussi|egalement|now|desormais|still|toujours) )?|(?:a|has|have) (?:son|its|their|leur) )?| (?:[\w-]+ ){1,6}?(?:and|et) (?:(?:is|are|est|sont) (?:(?:also|aussi|egalement|now|desormais|still|toujours) )?|(?:a|has) (?:son|its) ))(?:base|basee|installe|installee|domicilie|domiciliee|headquartered|based|dont le siege (?:[\w-]+ ){0,2}?(?:est|se trouve|est situe|est installe)|siege(?: social)?|headquarters|head office) (?:a |au |aux |en |in |at |dans )(?:[\w-]+ ){0,2}?(?P<c>⟨[CL]\d+⟩)".to_string())?, "hq.based-in"),
                (re("hq", r"(?P<org>⟨O\d+⟩), (?P<c>⟨C\d+⟩)'s? ".to_string())?, "hq.apposition"),
                // "Nyocor Co., une entreprise énergétique basée à Tianjin"
                (re("hq", r"(?P<org>⟨O\d+⟩)\.?, (?:une? |le |la |l'|a |an |the )(?:[\w'-]+ ){0,5}?(?:base|basee|based|installe|installee|headquartered) (?:a |au |aux |en |in |at |dans )(?P<c>⟨[CL]\d+⟩)".to_string())?, "hq.apposition-based-in"),
                // "Saudi Arabia's sovereign wealth fund, the Public Investment
                // Fund", "le fonds souverain d'Abou Dhabi, ADQ"
                (re("hq", format!(r"(?:(?P<c>⟨[CL]\d+⟩)'s? (?:[\w-]+ ){{0,3}}?(?:{cues})|(?:^|[^\w])(?:{cues}) (?:[\w-]+ ){{0,2}}?(?:de |d'|du |of )(?:la |l'|the )?(?P<c2>⟨[CL]\d+⟩)), (?:the |le |la |l')?(?P<org>⟨O\d+⟩)"))?, "hq.described-apposition"),
                (re("hq", r"(?:^|[^\w⟩])(?P<c>⟨[CL]\d+⟩)'s? (?P<org>⟨O\d+⟩)".to_string())?, "hq.possessive"),
                // "Singapore's sovereign wealth fund GIC", "Japan's telecom group X"
                (re("hq", format!(r"(?:^|[^\w⟩])(?P<c>⟨[CL]\d+⟩)'s? (?:[\w-]+ ){{0,3}}?(?:{cues}) (?P<org>⟨O\d+⟩)"))?, "hq.possessive-cue"),
                // "Swedish companies, including A and B", "des entreprises américaines comme A et B"
                (re("hq", format!(r"(?:^|[^\w])(?:(?P<c>⟨[CD]\d+⟩) (?:[\w-]+ ){{0,2}}?(?:{FIRMS})|(?:entreprises|societes|groupes|geants|firmes|acteurs|operateurs|investisseurs|fournisseurs|fabricants|constructeurs|startups|fonds|banques)(?: [\w-]+){{0,2}}? (?P<c2>⟨D\d+⟩))(?: [\w-]+){{0,2}}?,? (?:including|such as|like|among them|comme|dont|notamment|y compris|tels que|telles que|a l'image de) (?:the |le |la |l')?(?P<org>⟨O\d+⟩)"))?, "hq.plural-list"),
                (re("hq", r"(?P<org>⟨O\d+⟩), (?:the |a |an )?(?P<c>⟨[CL]\d+⟩) based".to_string())?, "hq.apposition-based"),
                (re("hq", format!(r"(?P<org>⟨O\d+⟩), (?:the |a |an |une? |le |la |l')(?:[\w-]+ ){{0,2}}?(?P<c>⟨D\d+⟩) (?:[\w-]+ ){{0,3}}?(?:{cues})(?-u:\b)"))?, "hq.apposition-demonym"),
                // "Kiwa, a Singapore firm", "Kiwa, a New York private equity
                // firm": a country's or a place's name as the modifier
                (re("hq", format!(r"(?P<org>⟨O\d+⟩), (?:a|an) (?:[\w-]+ ){{0,2}}?(?P<c>⟨[CL]\d+⟩) (?:[\w-]+ ){{0,2}}?(?:{cues})(?-u:\b)"))?, "hq.apposition-country"),
                (re("hq", format!(r"(?P<org>⟨O\d+⟩), (?:a|an|the|une?) (?:[\w-]+ ){{0,4}}?(?:{cues}) (?:from|of|in) (?:the )?(?P<c>⟨C\d+⟩)"))?, "hq.cue-from"),
                // "X, l'un des plus grands fabricants de serveurs en Chine",
                // "X, one of the largest cloud providers in India": a firm
                // ranked among its country's makers or providers (not its
                // investors, who may come from anywhere)
                (re("hq", r"(?P<org>⟨O\d+⟩),? (?:is |est )?(?:l'une?|one) (?:des|of the) (?:[\w-]+ ){0,4}?(?:fabricants?|constructeurs?|operateurs?|fournisseurs?|entreprises?|societes?|groupes?|editeurs?|banques?|manufacturers?|makers?|operators?|providers?|companies|company|firms?|groups?|telcos?|carriers?|developers?|suppliers?|banks?)(?: [\w-]+){0,2}? (?:in|of|en|au|aux|du|de|d') ?(?:the |la |l')?(?P<c>⟨C\d+⟩)".to_string())?, "hq.one-of-the-largest"),
            ])?,
            subsidiary_rules: RuleSet::new("subsidiary_rules", vec![
                (re("child_of", format!(
                    r"(?P<child>⟨O\d+⟩)\.?(?: \(⟨O\d+⟩\))?(?:, (?:[^,⟨]|⟨[CDL]\d+⟩){{1,80}},)?,? \(?(?:(?:une|la|a|an|the|sa|its) )?(?:(?:[\w-]+|⟨D\d+⟩) ){{0,5}}?(?:{}|filiales? (?:[\w-]+|⟨D\d+⟩) (?:de |d'|du )) ?(?:la |l'|the )?(?:(?:[\w'-]+|⟨[LCD]\d+⟩(?:'s?)?) ){{0,6}}?(?P<parent>⟨O\d+⟩)", lex.child_of
                ))?, "subsidiary.child-of"),
                (re("parent_of", format!(
                    r"(?P<parent>⟨O\d+⟩),? (?:(?:la|le|the) )?(?:{}) ?(?:la |l'|the |du |des )?(?:[\w'-]+ ){{0,5}}?(?P<child>⟨O\d+⟩)", lex.parent_of
                ))?, "subsidiary.parent-of"),
                (re("parent_unit", r"(?P<parent>⟨O\d+⟩)'s? (?:(?:[\w-]+|⟨D\d+⟩) ){0,2}?(?:unit|subsidiary|arm|division),? (?P<child>⟨O\d+⟩)".into())?, "subsidiary.unit"),
                (re("unit_apposed", r"(?:^|[^\w])(?:(?:the|la|le|l'|sa|its|une?|an?) ?)?(?:(?:[\w-]+|⟨D\d+⟩) ){0,2}?(?:unit|subsidiary|arm|division|filiale|branche)(?: (?:[\w-]+|⟨D\d+⟩)){0,2}? (?:of|de|du|d') ?(?:la |le |l'|the )?(?P<parent>⟨O\d+⟩), (?P<child>⟨O\d+⟩),".into())?, "subsidiary.unit-apposed"),
                (re("possessive_unit", r"(?P<parent>⟨O\d+⟩)[^⟨]{0,60}?(?-u:\b)(?:sa|its|leur|their) (?:[\w-]+ ){0,3}?(?:filiale|subsidiary|unit|arm|division|branche|entite)(?: (?:de|d'|du|des) [\w-]+)?(?: [\w-]+){0,2}? (?P<child>⟨O\d+⟩)".into())?, "subsidiary.possessive-unit"),
                (re("parent_named", r"(?P<child>⟨O\d+⟩)(?:'s| et| and)? (?:sa |its )?(?:parent(?: company)?|maison mere|societe mere|owner|proprietaire) (?P<parent>⟨O\d+⟩)".into())?, "subsidiary.parent-named"),
            ])?,
            owner_apposed: re("owner_apposed", format!(
                r"^,? (?:(?:a|an|the|une?|la|le|l') ?)?(?:[\w'-]+ ){{0,3}}?(?:{}) ?(?:la |le |l'|the )?(?:(?:[\w'-]+|⟨[CD]\d+⟩(?:'s?)?) ){{0,3}}?$", lex.child_of
            ))?,
            // "the German arm of ⟨O1⟩, ⟨O2⟩,", "la filiale espagnole de ⟨O1⟩, ⟨O2⟩,"
            // "Iberdrola, via sa filiale CPD4Green", "Hillhouse and its real assets arm Rava Partners"
            // "Google parent Alphabet", "sa société mère Alphabet"
            // "Borlänge, Sweden", "Saint-Vallier, dans la Drôme", "Ohio's
            // Franklin County", "the Swedish town of Borlänge", "la ville
            // suédoise de Borlänge"
            place_pair: re("place_pair", r"(?P<a>⟨L\d+⟩), (?:(?:dans|en) (?:le |la |l')?)?(?P<b>⟨[LC]\d+⟩)|(?P<b2>⟨[LC]\d+⟩)'s? (?P<a2>⟨L\d+⟩)|(?:(?P<b3>⟨D\d+⟩) (?:[\w-]+ )?(?:town|city|village|municipality|region|province|county) of|(?-u:\b)(?:ville|commune|localite|village|region|province) (?P<b4>⟨D\d+⟩) (?:de|d')) ?(?P<a3>⟨L\d+⟩)".into())?,
            // "Iberdrola, entreprise énergétique, et la société irlandaise
            // Echelon": a short apposition may come before the conjunction
            coordination: re("coordination", format!(r"^(?:, (?:(?:[\w'-]+|⟨[CD]\d+⟩) ){{0,3}}[\w'-]+)?(?:,|,? et|,? and|,? &|,? ainsi que|,? as well as)(?: (?:de|du|des|avec|aupres de|with|from|by|par)(?-u:\b))?(?: (?:{word}|(?:l')?⟨[CD]\d+⟩)){{0,3}} $"))?,
            // "avec la Corée", "le japonais Telehouse du groupe KDDI": a
            // name after a preposition, or after one and a cue noun
            after_preposition: re("after_preposition", format!(r"(?:^|[^\w'])(?:avec|with|de|du|des|d'|of|a|au|aux|en|in|to|pour|for|par|by|entre|between|sur|on|dans|chez|vers|into|from|than|comme|like)(?: (?:la|le|les|l'|the))? ?(?:(?:{cues}) (?:⟨D\d+⟩ )?|⟨[CD]\d+⟩(?:'s?)? (?:(?:[\w-]+ )?(?:{cues}) )?)?$"))?,
            with_clause: re("with_clause", r"(?:^|[^\w])(?:avec|with|aupres de|between|entre|alongside|aux cotes de|together with|(?:associ|alli)\w*(?: (?:pour|dans|sur|en) (?:[\w'-]+ ){0,2}[\w'-]+)? (?:a|au|aux))(?-u:\b)".into())?,
            invest_with: re("invest_with", format!(r"^(?:[^⟨]|⟨[CL]\d+⟩){{0,80}}?(?-u:\b)(?:avec|with|alongside|aux cotes de|together with|en partenariat avec|in partnership with) (?:le |la |l'|les |the |its |son |sa |ses )?(?:(?:{cues}) (?:[\w-]+ )?)?(?P<org>⟨O\d+⟩)"))?,
            agent: re("agent", format!(r"^(?:[^⟨]|⟨[CL]\d+⟩){{0,40}}?(?-u:\b)(?:{}) (?:le |la |les |l'|the )?(?:(?:[\w-]+|⟨D\d+⟩) ){{0,2}}?(?P<org>⟨[OC]\d+⟩)", lex.agent_words))?,
            into_org: re("into_org", r"^(?:[^⟨]|⟨D\d+⟩){0,60}?(?-u:\b)(?:dans|in|into|au capital de|a) (?:le |la |l'|the )?(?P<org>⟨O\d+⟩)".into())?,
            goods_of: re("goods_of", format!(r"(?:{})(?: {word}){{0,4}}? (?:de |d'|from |by ){described}(?P<org>⟨O\d+⟩)|(?P<org2>⟨O\d+⟩)(?:'s)? (?:[\w-]+ ){{0,3}}?(?:chips?|gpus?|puces?|processors?|semiconductors?)", lex_goods_words()))?,
            makers_goods: re("makers_goods", format!(r"{goods}(?: [\w-]+){{0,3}}? (?:de |d'|from |by |made by |developed by |designed by |developpees? par |concues? par |fabriquees? par )?{described}(?P<org>⟨O\d+⟩)|(?P<org2>⟨O\d+⟩)(?:'s)?\.?(?: \([^)⟨]*\))? (?:[\w-]+ ){{0,3}}?{goods}(?-u:\b)"))?,
            model_goods: re("model_goods", format!(r"(?-u:\b)(?P<model>{MODEL_CODE})(?: [\w-]+){{0,2}}? {goods}(?-u:\b)|(?-u:\b){goods} (?P<model2>{MODEL_CODE})"))?,
            // "la puce H20", "les puces IA de nouvelle génération, les AI6":
            // a goods word a few words before a name (folded)
            goods_named_after: re("goods_named_after", format!(r"^[ ,–-]*(?:(?:est|etait|is|was) )?(?:la|le|une|un|a|an|the|its|sa|son) (?:[\w-]+ ){{0,2}}?{goods}(?-u:\b)"))?,
            goods_before: re("goods_before", format!(r"(?:^|\W)(?:{goods}|serveurs?|servers?)(?: [\w'-]+){{0,5}},? (?:les |la |le |the |l')?$"))?,
        })
    }
}

/// Facility nouns in both languages (folded), for the patterns that name
/// a facility in a fixed place of a phrase.
pub(super) const FACILITY_NOUNS: &str = r"data cent(?:er|re)s?|datacent(?:er|re)s?|data centers?|centres? de donnees|campus(?:es)?|facilit(?:y|ies)|plants?|usines?|sites?|supercalculateurs?|supercomputers?|clusters?|hubs?";

fn lex_goods_words() -> &'static str {
    r"puces?|gpus?|semi conducteurs?|processeurs?|chips?|semiconductors?|processors?|systemes?|systems?|serveurs?|servers?|electricite|electricity|power|energie|energy"
}

/// Words that give examples, folded: "including", "such as", "comme",
/// "tels que". Firms after them are instances, not parties.
/// Abbreviated honorifics, folded; written with a full stop ("M. Li Jian").
pub(in crate::extract) const HONORIFICS: &str = "m|mm|mme|mmes|mlle|mr|mrs|ms|dr";

/// English plural nouns of firms (folded): "US suppliers", "Swedish
/// companies, including A and B".
pub(in crate::extract) const FIRMS: &str = "companies|firms|groups|giants|operators|investors|players|providers|suppliers|makers|chipmakers|manufacturers|developers|startups|banks|funds";

pub(in crate::extract) const EXAMPLE_CUES: &str = r"including|such as|like|notably|comme|tels que|telles que|tels qu'|telles qu'|notamment|y compris|dont";

/// A product's model code as news writes it, folded: letters then a digit
/// ("gb300", "h20", "mi308x"), never a bare number.
const MODEL_CODE: &str = r"[a-z][a-z-]*[0-9][a-z0-9-]*";

static SLOT_RE: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(r"⟨([OPCDLJ])(\d+)⟩").unwrap_or_else(|e| unreachable!("{e}")));

/// A state's noun before its adjective, at the end of the template so far
/// (folded): "le gouvernement ", "l'Etat ", "les autorités ".
static STATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:gouvernement|etat|executif|autorites) $")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A state's noun and "of" before its country's name (folded): "the
/// government of ", "le gouvernement du ".
static STATE_OF: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:gouvernement|government) (?:of (?:the )?|du |de la |de l'|d'|des )$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A state's noun after its adjective (as written): " government",
/// " authorities"; not " state of" (a state within the country).
static STATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^ (?:[Gg]overnment|[Aa]uthorities)(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A sentence with its mentions as typed slots.
pub(super) struct Template {
    pub text: String,
    /// Sentence byte offset of each template byte, plus the end.
    pub map: Vec<usize>,
    pub mentions: Vec<Mention>,
    /// Template byte range of each slot.
    pub slots: Vec<(usize, usize, char)>,
}

impl Template {
    /// The firm whose apposition names organisation slot `k` as its owner:
    /// in "⟨O1⟩, a subsidiary of ⟨O2⟩", slot 2 gives slot 1.
    pub(crate) fn owned_by_apposition(&self, rules: &Rules, k: usize) -> Option<usize> {
        let j = k.checked_sub(1)?;
        (self.slots[j].2 == 'O'
            && self.slots[k].2 == 'O'
            && rules
                .owner_apposed
                .is_match(&self.text[self.slots[j].1..self.slots[k].0]))
        .then_some(j)
    }

    pub fn build(st: &DocState, i: usize) -> Template {
        let span = st.sentences[i].span;
        let sent = span.text(st.norm.as_str());
        let folded = &st.sentences[i].folded;
        let mentions = st.sentence_mentions(i);
        let mut text = String::with_capacity(folded.text.len() + 8 * mentions.len());
        let mut map = Vec::with_capacity(text.capacity() + 1);
        let mut slots = Vec::new();
        // the text between slots is the sentence's folded text, copied
        let copy = |text: &mut String, map: &mut Vec<usize>, from: usize, to: usize| {
            let (t, m) = folded.derived_mapped(from, to);
            text.push_str(t);
            map.extend_from_slice(m);
        };
        let mut next = 0;
        let mut pos = 0;
        // a mention inside the span a slot swallowed ends the slots
        while let Some(m) = mentions.get(next).filter(|m| m.start - span.start >= pos) {
            let at = m.start - span.start;
            copy(&mut text, &mut map, pos, at);
            let mut end = m.end - span.start;
            // "le gouvernement belge", "the Canadian government": the
            // state acts as its country, and reads as the country's name
            let state = (st.entities[m.entity].kind == EntityType::Country)
                .then(|| {
                    if m.how != How::Demonym {
                        // "the government of Kenya", "le gouvernement du Kenya"
                        let before = STATE_OF.find(&text).map(|b| b.start());
                        return (before, None);
                    }
                    let before = STATE_BEFORE.find(&text).map(|b| b.start());
                    let after = STATE_AFTER.find(&sent[end..]).map(|a| a.end());
                    (before, after)
                })
                .filter(|&(b, a)| b.is_some() || a.is_some());
            if let Some((before, after)) = state {
                if let Some(b) = before {
                    text.truncate(b);
                    map.truncate(b);
                }
                end += after.unwrap_or(0);
            }
            let letter = match (m.how, st.entities[m.entity].kind) {
                _ if state.is_some() => 'C',
                (How::Demonym, _) => 'D',
                (_, EntityType::Organization) => 'O',
                (_, EntityType::Person) => 'P',
                (_, EntityType::Country) => 'C',
                (_, EntityType::Place) => 'L',
                (_, EntityType::Project) => 'J',
            };
            let slot = format!("⟨{letter}{next}⟩");
            slots.push((text.len(), text.len() + slot.len(), letter));
            map.extend(std::iter::repeat_n(at, slot.len()));
            text.push_str(&slot);
            pos = end;
            next += 1;
        }
        copy(&mut text, &mut map, pos, sent.len());
        map.push(sent.len());
        Template {
            text,
            map,
            mentions,
            slots,
        }
    }

    /// The slot index of a placeholder match like `⟨O3⟩`.
    fn slot(&self, m: Option<regex::Match>) -> Option<usize> {
        let m = m?;
        SLOT_RE.captures(m.as_str())?.get(2)?.as_str().parse().ok()
    }

    pub fn entity(&self, slot: usize) -> usize {
        self.mentions[slot].entity
    }

    /// Slots whose letter is in `letters`, starting at or after `from`.
    /// The organisation slots listed right after byte `at` ("..., B and
    /// C"): each joined to the one before by a comma or a conjunction.
    fn listed_after(&self, mut at: usize) -> Vec<usize> {
        static NEXT_ORG: LazyLock<Regex> = LazyLock::new(|| {
            folded_regex(r"^(?:,|, et|, and| et| and| ou| or) (?:the |le |la |l')?(?P<org>⟨O\d+⟩)")
                .unwrap_or_else(|e| unreachable!("{e}"))
        });
        let mut out = Vec::new();
        while let Some(o) = NEXT_ORG
            .captures(&self.text[at..])
            .and_then(|next| next.name("org"))
        {
            out.extend(self.slot(Some(o)));
            at += o.end();
        }
        out
    }

    /// The slots of `letters` listed from byte `at`: the first joined to
    /// `at` by a gap `first` accepts (none: right at `at`), each next one by
    /// a coordination.
    fn list_from(
        &self,
        at: usize,
        letters: &str,
        first: Option<&Regex>,
        rules: &Rules,
    ) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut end = at;
        for k in self.slots_after(at, self.text.len(), letters) {
            let gap = &self.text[end..self.slots[k].0];
            // "Artificial Intelligence Infrastructure Partnership (AIP), MGX":
            // a name in brackets after a member is that member again
            let again = out
                .last()
                .is_some_and(|&j| self.entity(j) == self.entity(k));
            if again && gap == " (" {
                end = self.slots[k].1;
                continue;
            }
            let joined = if out.is_empty() {
                first.map_or(gap.is_empty(), |f| f.is_match(gap))
            } else {
                rules.coordination.is_match(gap.trim_start_matches(')'))
            };
            if !joined {
                break;
            }
            out.push(k);
            end = self.slots[k].1;
        }
        out
    }

    fn slots_after(&self, from: usize, to: usize, letters: &str) -> Vec<usize> {
        (0..self.slots.len())
            .filter(|&k| {
                self.slots[k].0 >= from
                    && self.slots[k].1 <= to
                    && letters.contains(self.slots[k].2)
            })
            .collect()
    }
}

/// Runs every rule on sentence `i`.
pub(crate) fn apply(st: &mut DocState, rules: &Rules, i: usize) {
    let span = st.sentences[i].span;
    if !st
        .mentions_in(span.start, span.end)
        .any(|m| m.end <= span.end)
    {
        // no names, no facts, but for the amount of the project told of
        // before ("Investissement : 850 millions de dollars")
        let money = st.sentences[i]
            .values
            .iter()
            .any(|v| matches!(v.kind, ValueKind::Amount(_)));
        if money && st.last_project.is_some() {
            let t = Template::build(st, i);
            late_amount(st, &t, i);
        }
        return;
    }
    let t = Template::build(st, i);
    let lex = &st.ex.lex;
    if lex.furniture.iter().any(|f| t.text.starts_with(f.as_str())) {
        return;
    }
    // "the Johor campus", "le campus de Johor": the project told of is the
    // one at that place
    if let Some(p) = project_at_named_place(st, &t) {
        st.last_project = Some(p);
    }
    project_named_later(st, &t);
    let count = |letters: &str| t.slots.iter().filter(|s| letters.contains(s.2)).count();
    if count("P") > 0 {
        roles(st, rules, &t, i);
        administrations(st, &t, i);
    }
    if count("CDL") > 0 {
        // "the American giant", "the Seattle company": the firm may be
        // named sentences before
        described_headquarters(st, rules, &t, i);
    }
    if count("O") > 0 && count("CDL") > 0 {
        headquarters(st, rules, &t, i);
        based_seats(st, &t, i);
        relative_seats(st, &t, i);
    }
    if count("O") >= 2 {
        subsidiaries(st, rules, &t, i);
    }
    if count("O") == 1 {
        own_unit(st, &t, i);
    }
    for c in rules.place_pair.captures_iter(&t.text) {
        let a = ["a", "a2", "a3"].into_iter().find_map(|g| c.name(g));
        let b = ["b", "b2", "b3", "b4"].into_iter().find_map(|g| c.name(g));
        if let (Some(a), Some(b)) = (t.slot(a), t.slot(b)) {
            let (ea, eb) = (t.entity(a), t.entity(b));
            if st.entities[ea].gaz.is_none() {
                st.add_fact(
                    i,
                    ea,
                    Predicate::LocatedIn,
                    eb,
                    if c.name("a").is_some() {
                        "place.comma"
                    } else if c.name("a2").is_some() {
                        "place.possessive"
                    } else {
                        "place.demonym-town"
                    },
                    0.7,
                    Attrs::default(),
                );
            }
        }
    }
    // a photo caption names people and their roles, not deals
    if CAPTION.is_match(&t.text) {
        return;
    }
    partnerships(st, rules, &t, i);
    consortium_members(st, rules, &t, i);
    learn_models(st, rules, &t);
    supplies(st, rules, &t, i);
    chosen_supplier(st, rules, &t, i);
    deployed_at_owned(st, rules, &t, i);
    investments(st, rules, &t, i);
    acquisitions(st, rules, &t, i);
    stakes_in_project(st, rules, &t, i);
    contributions(st, &t, i);
    funders(st, rules, &t, i);
    fundraising(st, rules, &t, i);
    backers(st, &t, i);
    agreed_facility(st, &t, i);
    cost_of_last_project(st, &t, i);
    owned_facilities(st, &t, i);
    new_facilities(st, rules, &t, i);
    project_sites(st, &t, i);
    plan_sites(st, &t, i);
    goods_for_project(st, rules, &t, i);
    supplied_facility(st, &t, i);
    equipping_goods(st, &t, i);
    if st.sentence_facts(i, Predicate::Supplies).next().is_none() {
        utility_partner(st, &t, i);
        power_purchase(st, rules, &t, i);
    }
    led_initiatives(st, rules, &t, i);
    operations(st, rules, &t, i);
    // kept for the pair candidates, which read the same sentence again
    st.templates[i] = Some(t);
}

/// A facility named by its place with a definite article (folded): "the
/// ⟨L2⟩ campus", "le campus de ⟨L2⟩".
static FACILITY_AT_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(r"(?-u:\b)(?:the (?P<a>⟨L\d+⟩) (?:{FACILITY_NOUNS})(?-u:\b)|(?:le|la|l') ?(?:{FACILITY_NOUNS}) (?:de |d'|du )(?P<b>⟨L\d+⟩))"))
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The project the document placed at the place a definite description
/// names ("the Johor campus"), the last one when several are.
fn project_at_named_place(st: &DocState, t: &Template) -> Option<usize> {
    let c = FACILITY_AT_PLACE.captures(&t.text)?;
    let place = t.entity(t.slot(c.name("a").or(c.name("b")))?);
    (0..st.entities.len()).rev().find(|&e| {
        st.entities[e].kind == EntityType::Project
            && st.objects_of(e, Predicate::LocatedIn).contains(&place)
    })
}

/// A photo caption's opening: "De gauche à droite : ...", "From left: ...".
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:de gauche a droite|from left to right|from left|left to right)\b")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The entity a slot stands for in a relation: a person stands for what he leads.
fn actor(st: &DocState, t: &Template, k: usize) -> Option<usize> {
    let e = t.entity(k);
    match st.entities[e].kind {
        EntityType::Organization => Some(e),
        // "the US memory chip giant": a nationality, not a party
        EntityType::Country
            if st
                .ex
                .rules
                .nationality_after
                .is_match(&t.text[t.slots[k].1..]) =>
        {
            None
        }
        EntityType::Country => Some(e),
        EntityType::Person => {
            let name = &st.entities[e].name;
            let target = st.triples.iter().find(|tr| {
                &tr.s == name && matches!(tr.p, Predicate::Leads | Predicate::AffiliatedWith)
            })?;
            st.entity_named(&target.o)
        }
        _ => None,
    }
}

/// The coordinated subjects just before template byte `at`: "A, B et C".
pub(super) fn subjects_before(st: &DocState, rules: &Rules, t: &Template, at: usize) -> Vec<usize> {
    // "approved a plan by Kestrel Data to build", "a validé le projet de
    // Kestrel Data de construire": the one whose plan it is acts, not the
    // one who approves it
    let proposer = PROPOSER
        .captures(&t.text[..at])
        .and_then(|c| t.slot(c.name("org")))
        .and_then(|k| actor(st, t, k));
    if let Some(e) = proposer.or_else(|| described_firm(st, rules, t, at)) {
        return vec![e];
    }
    // "GIC has teamed up with MEAG to invest", "A s'associe à B pour
    // construire": the partner acts with the one who partnered with it
    let partner = (0..t.slots.len())
        .rev()
        .find(|&k| t.slots[k].1 <= at)
        .filter(|&k| t.slots[k].2 == 'O' && PURPOSE.is_match(&t.text[t.slots[k].1..at]));
    if let Some(mut k) = partner {
        // "avec Shanghai Lumaotong (LTG) et China Mobile (CMI) pour": the
        // partners are the whole list
        let mut partners = vec![k];
        while let Some(j) = k.checked_sub(1).filter(|&j| {
            let gap = &t.text[t.slots[j].1..t.slots[k].0];
            t.slots[j].2 == 'O'
                && (rules.coordination.is_match(gap.trim_start_matches(')'))
                    || gap == " (" && t.entity(j) == t.entity(k))
        }) {
            partners.push(j);
            k = j;
        }
        let first = t.slots[k].0;
        let partnered = st
            .ex
            .lex
            .partner
            .find_iter(&t.text[..first])
            .last()
            .filter(|p| PARTNERED_WITH.is_match(&t.text[p.end()..first]));
        if let Some(p) = partnered {
            let mut out = subjects_before(st, rules, t, p.start());
            for &j in partners.iter().rev() {
                if let Some(e) = actor(st, t, j).filter(|e| !out.contains(e)) {
                    out.push(e);
                }
            }
            return out;
        }
    }
    let mut out = Vec::new();
    // "with AMD, which will deliver": a relative clause's antecedent is its subject
    // ("Nareva, a subsidiary of Al Mada, which will supply": the firm the
    // apposition describes, not its owner)
    let relative = (0..t.slots.len())
        .rev()
        .find(|&k| {
            t.slots[k].1 <= at
                && "OC".contains(t.slots[k].2)
                && RELATIVE.is_match(&t.text[t.slots[k].1..at])
        })
        .map(|k| t.owned_by_apposition(rules, k).unwrap_or(k));
    // a name right after a preposition ("avec la Corée") is not a subject,
    // but in "with the country investing $100 billion" it is the verb's
    let absolute = |k: usize| {
        t.text[..t.slots[k].0].ends_with("with ")
            && t.text[t.slots[k].1..at].trim().is_empty()
            && t.text[at..]
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|verb| verb.ends_with("ing"))
    };
    // "permettra à X de construire", "donne au géant X l'occasion de": the
    // one a verb lets act is the subject of the infinitive after it
    let allowed = |k: usize| {
        ALLOWED_TO.is_match(&t.text[..t.slots[k].0])
            && INFINITIVE_AFTER.is_match(&format!("{} ", t.text[t.slots[k].1..at].trim_end()))
    };
    let mut k = match relative.or_else(|| {
        (0..t.slots.len()).rev().find(|&k| {
            t.slots[k].1 <= at
                && "OCP".contains(t.slots[k].2)
                && (absolute(k) || !governed(t, rules, k) || allowed(k))
                && !names_goods_maker(t, k)
        })
    }) {
        Some(k) => k,
        None => return the_two_partners(st, &t.text[..at]),
    };
    // "Orvane, controlled by US company Kestrel, plans to invest": the name
    // inside an apposition is not the subject, the one before it is (also
    // after its short name in brackets: "Orvane (ORV), a unit of Kestrel,";
    // or when the apposition ends on one: "A, avec l'École X (EX), a lancé")
    let closing = t.text[t.slots[k].1..at].trim_start_matches(')');
    if relative.is_none() && closing.contains(',') {
        let opening = (0..k).rev().find(|&j| {
            // (a name after a preposition opens a fronted clause, not an
            // apposition: "Outre ses centres au Maroc, le groupe X")
            "OCP".contains(t.slots[j].2)
                && !rules.after_preposition.is_match(&t.text[..t.slots[j].0])
                && {
                    let gap = &t.text[t.slots[j].1..t.slots[k].0];
                    let gap = gap.strip_prefix(')').unwrap_or(gap);
                    // "Nebius, basé à Amsterdam, qui a émergé de ... Yandex, est":
                    // a relative clause may follow a first apposition
                    gap.starts_with(", ")
                        && (gap.matches(',').count() == 1 || RELATIVE_AFTER_COMMA.is_match(gap))
                }
        });
        if let Some(j) = opening.filter(|_| closing.matches(',').count() == 1) {
            k = j;
        }
    }
    // "A competes with B and C, and plans to build": a second verb phrase
    // joined by "and" has the subject that opens the sentence
    if relative.is_none() && COORDINATED_VERB.is_match(&t.text[t.slots[k].1..at]) {
        let opening = (0..k)
            .find(|&j| "OCP".contains(t.slots[j].2))
            .filter(|&j| SENTENCE_OPENING.is_match(&t.text[..t.slots[j].0]));
        if let Some(mut end) = opening {
            // and the subjects coordinated with it ("A and B compete ...")
            while let Some(next) =
                (end + 1..k)
                    .find(|&j| "OCP".contains(t.slots[j].2))
                    .filter(|&j| {
                        rules
                            .coordination
                            .is_match(&t.text[t.slots[end].1..t.slots[j].0])
                    })
            {
                end = next;
            }
            k = end;
        }
    }
    // a subject far before the trigger, across a clause, is not its subject;
    // nor is a speaker whose reported clause has a subject of its own ("la
    // ministre a annoncé que 35 sites étaient prêts à accueillir")
    // ("Meta a déclaré que l'accord aiderait à financer": the speaker's own
    // deal keeps the speaker)
    let gap = &t.text[t.slots[k].1..at];
    let reported = REPORTED_CLAUSE
        .find(gap)
        .is_some_and(|m| !SPEAKERS_DEAL.is_match(&gap[m.start()..]));
    if breaks_clause(gap) || (relative.is_none() && reported) {
        return out;
    }
    loop {
        // "A, filiale du holding B, et C": the owner in an apposition is no
        // conjunct, the firm it describes is
        if let Some(j) = t.owned_by_apposition(rules, k) {
            k = j;
        }
        if let Some(e) = actor(st, t, k) {
            if !out.contains(&e) {
                out.push(e);
            }
        }
        let conjunct = |before: usize| (0..before).rev().find(|&j| "OCP".contains(t.slots[j].2));
        let Some(mut prev) = conjunct(k) else {
            break;
        };
        // "A and U.S. investment firm B": the country describes B, the
        // conjunct is the name before it
        if t.slots[prev].2 == 'C' && describes_next(&t.text[t.slots[prev].1..t.slots[k].0]) {
            match conjunct(prev) {
                Some(p) => prev = p,
                None => break,
            }
        }
        let gap = &t.text[t.slots[prev].1..t.slots[k].0];
        // "... de transformation numérique du pays, Saudi Call": a
        // complement ends the clause before the subject, it is no conjunct
        let complement = t.mentions.get(prev).is_some_and(|m| {
            m.how == How::Anaphor
                && COMPLEMENT_ANAPHOR
                    .is_match(&crate::text::fold_str(&st.norm.as_str()[m.start..m.end]))
        });
        // "Outre ses centres au Maroc, le groupe X va": a name after a
        // preposition, in a fronted clause ended by a comma alone, is no
        // conjunct ("comme Microsoft et Oracle, qui" keeps both)
        let fronted = rules.after_preposition.is_match(&t.text[..t.slots[prev].0])
            && !gap
                .split_whitespace()
                .any(|w| matches!(w, "et" | "and" | "&" | "ou" | "or"));
        if complement || fronted || !rules.coordination.is_match(gap) {
            break;
        }
        k = prev;
    }
    out.reverse();
    // "GIC has teamed up with MEAG to invest", "A s'associe à B pour
    // construire": who partnered with the subject acts with it
    out
}

/// Whether `gap` holds a semicolon or a colon that ends a clause: not one
/// between digits, as in a share ("a 50:50 joint venture") or a time.
fn breaks_clause(gap: &str) -> bool {
    let b = gap.as_bytes();
    b.iter().enumerate().any(|(at, &c)| {
        c == b';'
            || c == b':'
                && !(at > 0
                    && b[at - 1].is_ascii_digit()
                    && b.get(at + 1).is_some_and(u8::is_ascii_digit))
    })
}

/// Whether the name in slot `k` follows a preposition, itself or as the
/// last member of a list the preposition governs ("two data centres in
/// Chile and Peru, its first investments"): no subject either way. The list
/// must close on a conjunction, since "after talks with A, B will invest"
/// names B as a subject.
fn governed(t: &Template, rules: &Rules, k: usize) -> bool {
    let gap = |j: usize| &t.text[t.slots[j - 1].1..t.slots[j].0];
    let mut first = k;
    if k > 0 && LIST_SEP.is_match(gap(k)) && gap(k).contains(|c: char| c.is_alphabetic()) {
        while first > 0 && LIST_SEP.is_match(gap(first)) {
            first -= 1;
        }
    }
    // "A, a unit of B, and C": the owner closes its apposition, and the
    // name after it is A's conjunct, governed by nothing
    if first < k && t.owned_by_apposition(rules, first).is_some() && gap(first + 1).starts_with(',')
    {
        return false;
    }
    rules
        .after_preposition
        .is_match(&t.text[..t.slots[first].0])
}

/// The words between a country and a name it describes: " investment
/// firm " in "U.S. investment firm Orbis"; a conjunction or a comma
/// between them makes two conjuncts.
fn describes_next(gap: &str) -> bool {
    let words: Vec<&str> = gap.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && !gap.contains(',')
        && !words
            .iter()
            .any(|w| matches!(*w, "and" | "et" | "or" | "ou" | "&"))
}

/// A complement clause with a subject of its own between a speaker and a
/// verb: "... a annoncé que 35 sites ... ", "... said that three sites ...".
static REPORTED_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:^|\W)(?:que|that) (?:[\w'-]+ ){2,}").unwrap_or_else(|e| unreachable!("{e}"))
});

/// A reported clause whose subject is the speaker's deal: "que l'accord",
/// "that the agreement", "que cet investissement".
static SPEAKERS_DEAL: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^\W?(?:que|that) (?:l'|le |la |ce |cet |cette |the |this |its |son |sa )?(?:accord|deal|agreement|partenariat|partnership|investissement|investment|contrat|contract|protocole|transaction|projet|project|plan|programme|program)")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// An anaphor told as a complement: "du pays", "de la société", "of the
/// company" (the slot's own text).
static COMPLEMENT_ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:du|de la|de l'|des|of the|of its) ").unwrap_or_else(|e| unreachable!("{e}"))
});

/// What joins a partnering verb to its partner: "teamed up with German
/// investor ", "s'est associé à ", "partnered with Japan's ".
static PARTNERED_WITH: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^\w*(?: up| forces)?(?: (?:with|avec|a|au|aux))? (?:(?:the|le|la|les|l') ?)?(?:(?:[\w-]+|⟨D\d+⟩|⟨C\d+⟩'s?) ){0,5}?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A purpose clause between a subject and its verb: " to ", " pour ",
/// after a listing in brackets (" (nasdaq:msft) to ").
static PURPOSE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^\.?(?: \([^()⟨]*\))?\)?,? (?:to|pour|afin de|afin d'|in order to) ?(?:co-?)?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "Les deux entreprises construiront", "the two companies will build":
/// with no name before the verb, the two partners of the last partnership.
fn the_two_partners(st: &DocState, before: &str) -> Vec<usize> {
    static THE_TWO: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r"(?:^|\W)(?:les deux|ces deux|the two|both) (?:entreprises|groupes|societes|firmes|partenaires|companies|firms|groups|partners|operateurs|operators)(?-u:\b)")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    if !THE_TWO.is_match(before) {
        return Vec::new();
    }
    st.triples
        .iter()
        .rev()
        .find(|t| t.p == Predicate::PartnersWith)
        .and_then(|t| Some(vec![st.entity_named(&t.s)?, st.entity_named(&t.o)?]))
        .unwrap_or_default()
}

/// "The US company will build", "le groupe américain va construire": with
/// no name before the verb, a firm told by its nationality is the one the
/// article is about (as `described_headquarters` reads it).
fn described_firm(st: &DocState, rules: &Rules, t: &Template, at: usize) -> Option<usize> {
    // it opens the clause: no firm is named before the verb (checked
    // first, as this runs for every trigger)
    if t.text[..at].contains("⟨O") {
        return None;
    }
    let described = rules.hq_described.find_iter(&t.text[..at]).last()?;
    let between = &t.text[described.end()..at];
    if between.contains('⟨') || between.split_whitespace().count() > 3 {
        return None;
    }
    st.topic_org(sentence_start(t))
}

/// A relative clause opening after a comma: ", qui", ", which".
static RELATIVE_AFTER_COMMA: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r", (?:qui|which|who|dont|whose) ").unwrap_or_else(|e| unreachable!("{e}"))
});

/// A plan and whose it is, right before the verb it is a plan to (folded):
/// "a plan by ⟨O1⟩ to ", "une proposition de ⟨O1⟩ pour ".
static PROPOSER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"(?-u:\b)(?:plans?|proposals?|bids?|applications?|offers?|requests?|projets?|propositions?|demandes?|offres?|candidatures?|dossiers?) (?:by|from|of|de|d'|du|des) (?:the |la |le |l')?(?P<org>⟨O\d+⟩) (?:to|de|d'|pour|afin de|visant a) ?$",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A verb that lets someone act, or a noun of intent, and the preposition
/// before that someone (folded): "permettra a ", "donne l'opportunite au
/// geant ⟨D⟩ ", "la volonte du fonds ", "la decision de ": French puts the
/// actor of the infinitive that follows after a preposition.
static ALLOWED_TO: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:permet\w*|permis|permettre|donne\w*(?: (?:l'opportunite|l'occasion|la possibilite|les moyens))?|offre\w*(?: (?:l'opportunite|l'occasion|la possibilite))?) (?:a |au |aux )(?:la |le |l'|les )?(?:[\w-]+ )?(?:⟨D\d+⟩ )?$|(?-u:\b)(?:volonte|decision|intention|projet|plan|ambition|choix|engagement) (?:de |du |des |d')(?:la |le |l')?(?:[\w-]+ )?(?:⟨D\d+⟩ )?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// What follows the one [`ALLOWED_TO`] names, up to the trigger: "de ",
/// "l'occasion de ", and the infinitive's first words ("de former une "),
/// or nothing (a trigger read with its elided "d'").
static INFINITIVE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^ (?:(?:[\w'-]+ ){0,2}?(?:de |d')(?:[\w'-]+ ){0,3})?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^,? (?:which|who|that|qui)(?: (?:will|would|could|may|might|should|has|have|had|is to|plans to|aims to|a|ont|avait|avaient|va|vont|doit|doivent|devra|devront|pourrait|pourraient|devrait|devraient|prevoit de|prevoit d'|compte))?(?: (?:apporter|apportera|apporte|apportent|realiser|realisera|realise|effectuer|effectuera|effectue|make|makes|made|provide|provides|bring|brings|contribute|contributes) (?:un|une|an|a|its|son|sa)(?: \w+)?)? ?$",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The span of the first match of `re` and the entity in its slot group
/// `slot`, unless the clause around the match is denied.
pub(super) fn affirmed_slot(
    st: &DocState,
    t: &Template,
    re: &Regex,
    slot: &str,
) -> Option<(std::ops::Range<usize>, usize)> {
    let c = re.captures(&t.text)?;
    let (whole, k) = (c.get(0)?, t.slot(c.name(slot))?);
    if clause_is_negated(st, t, whole.start(), whole.end()) {
        return None;
    }
    Some((whole.range(), t.entity(k)))
}

/// Whether the clause around `start..end` is denied, or the sentence tells
/// others' speculation.
pub(super) fn clause_is_negated(st: &DocState, t: &Template, start: usize, end: usize) -> bool {
    let lex = &st.ex.lex;
    let from = t.text[..start]
        .char_indices()
        .rev()
        .nth(50)
        .map_or(0, |(p, _)| p);
    let to = t.text[end..]
        .char_indices()
        .nth(15)
        .map_or(t.text.len(), |(p, _)| end + p);
    // a hedge ("could invest", "pourrait investir") is still the actor's
    // plan; speculation is told by others, anywhere in the sentence
    // ("analysts speculated", "selon des rumeurs")
    lex.negation.is_match(&t.text[from..to]) || lex.speculation.is_match(&t.text)
}

/// A conjunction and a verb phrase up to a trigger (folded): ", and plans
/// to ", " et va ".
static COORDINATED_VERB: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^,? (?:and|et) [a-z'-]+(?: [a-z'-]+){0,3} ?$")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// What may come before the sentence's opening subject (folded).
static SENTENCE_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^(?:the |le |la |l'|les )?$").unwrap_or_else(|e| unreachable!("{e}"))
});

/// Whether slot `k` names the maker of goods around it ("Nvidia's
/// Blackwell GPUs", "des puces IA Nvidia"): a modifier of the goods, never
/// the subject of the verb after them ("la puce que Nvidia vend" is).
pub(super) fn names_goods_maker(t: &Template, k: usize) -> bool {
    static GOODS_BEFORE_SLOT: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r"(?:^|\W)(?:puces?|gpus?|processeurs?|serveurs?|accelerateurs?|semi conducteurs?) (?:(?:ia|ai|[a-z-]*[0-9][a-z0-9-]*) )?$")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    let after = &t.text[t.slots[k].1..];
    t.slots[k].2 == 'O'
        && ((invest::GOODS_NEXT.is_match(after) && !SUPPLIED_WITH.is_match(after))
            || GOODS_BEFORE_SLOT.is_match(&t.text[..t.slots[k].0]))
}

/// Where the template's first mention starts: what lies before is context.
fn sentence_start(t: &Template) -> usize {
    t.mentions.first().map_or(usize::MAX, |m| m.start)
}

/// The sentence that first names `e` (demonyms aside).
pub(crate) fn first_sentence(st: &DocState, e: usize) -> Option<usize> {
    let m = st
        .mentions
        .iter()
        .filter(|m| m.entity == e && m.how != How::Demonym)
        .min_by_key(|m| m.start)?;
    sentence_of(st, m)
}

/// The sentence a mention stands in.
pub(super) fn sentence_of(st: &DocState, m: &Mention) -> Option<usize> {
    st.sentences
        .iter()
        .position(|s| s.span.start <= m.start && m.end <= s.span.end)
}
