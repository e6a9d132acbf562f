//! Places chained up to their country from the gazetteer.

use super::*;

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
