//! Places chained up to their country from the gazetteer.

use super::*;
use crate::extract::lexicon::folded_regex;
use crate::extract::pairs::countries_of;

/// `located_in` from each named place up its gazetteer chain to the country.
pub(crate) fn place_chains(st: &mut DocState) {
    let gaz = &st.ex.gaz;
    let mut todo: Vec<(usize, usize)> = Vec::new(); // (entity, sentence)
    for e in 0..st.entities.len() {
        if st.entities[e].kind != EntityType::Place {
            continue;
        }
        if let Some(i) = first_sentence(st, e) {
            todo.push((e, i));
        }
    }
    while let Some((e, i)) = todo.pop() {
        let Some(entry) = st.entities[e].gaz else {
            continue;
        };
        let Some(mut up) = gaz.entry(entry).within else {
            continue;
        };
        // a region the article never names is skipped: Munich is in Germany
        // whether or not the article says Bavaria
        while gaz.entry(up).kind == EntityType::Place
            && !st
                .entity_named(&gaz.entry(up).name)
                .is_some_and(|e| st.entities[e].named)
        {
            match gaz.entry(up).within {
                Some(next) => up = next,
                None => break,
            }
        }
        let container = st.known_entity(up);
        st.add_fact(
            i,
            e,
            Predicate::LocatedIn,
            container,
            "gazetteer.within",
            0.9,
            Attrs::default(),
        );
        if st.entities[container].kind == EntityType::Place {
            todo.push((container, i));
        }
    }
}

/// "X will build data centres across Europe" with the countries named
/// elsewhere ("sites in Barcelona, Spain and Bologna, Italy"; "mise sur la
/// France, l'Italie et le Portugal"): a project placed only in regions is
/// in each named country of those regions, when none of its investors has
/// a project placed in a country. A country named only to be denied
/// ("France is not among the hosts", "without France") is not one of them.
pub(crate) fn regional_projects(st: &mut DocState) {
    let gaz = &st.ex.gaz;
    let regions_of = |e: usize| -> &[usize] {
        st.entities[e]
            .gaz
            .filter(|_| st.entities[e].kind == EntityType::Country)
            .map_or(&[], |g| gaz.entry(g).regions.as_slice())
    };
    let countries: Vec<usize> = (0..st.entities.len())
        .filter(|&c| st.entities[c].named && !regions_of(c).is_empty())
        .collect();
    let is_region = |e: usize| {
        st.entities[e]
            .gaz
            .is_some_and(|g| countries.iter().any(|&c| regions_of(c).contains(&g)))
    };
    let lists = country_lists(st);
    let mut todo: Vec<(usize, usize, usize)> = Vec::new(); // (project, country, sentence)
    for p in (0..st.entities.len()).filter(|&p| st.entities[p].kind == EntityType::Project) {
        let sites = st.objects_of(p, Predicate::LocatedIn);
        if sites.is_empty() || !sites.iter().all(|&r| is_region(r)) {
            continue;
        }
        let investors = st.subjects_of(Predicate::InvestsIn, p);
        if investors.is_empty() || invests_in_a_country(st, &investors) {
            continue;
        }
        let in_region = |c: usize| {
            regions_of(c)
                .iter()
                .any(|r| sites.iter().any(|&s| st.entities[s].gaz == Some(*r)))
        };
        // "clients in Qatar, Algeria, Tunisia, Oman, Kuwait and the
        // Maldives": a list that names countries of the region is the
        // region, as the article draws it
        let listed: Vec<usize> = lists
            .iter()
            .filter(|list| list.iter().any(|&c| in_region(c)))
            .flatten()
            .copied()
            .collect();
        for &c in &countries {
            if (in_region(c) || listed.contains(&c))
                && !investors.contains(&c)
                && !only_denied(st, c)
            {
                if let Some(i) = first_sentence(st, c) {
                    todo.push((p, c, i));
                }
            }
        }
    }
    for (p, c, i) in todo {
        st.add_fact(
            i,
            p,
            Predicate::LocatedIn,
            c,
            "project.region-country",
            0.5,
            Attrs::default(),
        );
    }
}

/// Whether one of `investors` has a project the document places in a country.
fn invests_in_a_country(st: &DocState, investors: &[usize]) -> bool {
    st.triples.iter().any(|t| {
        t.p == Predicate::InvestsIn
            && investors.iter().any(|&s| t.s == st.entities[s].name)
            && st
                .entity_named(&t.o)
                .is_some_and(|o| !countries_of(st, o).is_empty())
    })
}

/// Whether every sentence that names `e` denies or leaves it out.
fn only_denied(st: &DocState, e: usize) -> bool {
    static WITHOUT: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r"(?-u:\b)(?:without|sans|excluding|except|hors)(?-u:\b)")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    let lex = &st.ex.lex;
    st.mentions
        .iter()
        .filter(|m| m.entity == e && m.how != How::Demonym)
        .all(|m| {
            sentence_of(st, m)
                .and_then(|i| st.templates[i].as_ref())
                .is_some_and(|t| lex.negation.is_match(&t.text) || WITHOUT.is_match(&t.text))
        })
}

/// The lists of countries the article writes ("Qatar, Algeria and the
/// Maldives", "la France, l'Italie et le Portugal"), each as its entities.
fn country_lists(st: &DocState) -> Vec<Vec<usize>> {
    let text = st.norm.as_str();
    let mut lists: Vec<Vec<usize>> = Vec::new();
    let mut last: Option<&Mention> = None;
    for m in &st.mentions {
        if st.entities[m.entity].kind != EntityType::Country || m.how == How::Demonym {
            last = None;
            continue;
        }
        let joined = last.is_some_and(|l| {
            l.end <= m.start && LIST_SEP.is_match(&crate::text::fold_str(&text[l.end..m.start]))
        });
        match lists.last_mut() {
            Some(list) if joined => list.push(m.entity),
            _ => lists.push(vec![m.entity]),
        }
        last = Some(m);
    }
    lists.retain(|l| l.len() >= 2);
    lists
}
