//! Supplies: a supplier, its goods and quantity, and the buyer or project
//! the goods go to.

use super::partners::{CLAUSE_END, DEAL_AFTER};
use super::*;

pub(super) static TO_PREP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:au|a la|to the|for the|pour le|pour la) ")
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

pub(super) fn supplies(st: &mut DocState, rules: &Rules, t: &Template, i: usize) {
    let lex = &st.ex.lex;
    let quantity = st.sentences[i].values.iter().find_map(|v| match &v.kind {
        ValueKind::Quantity(q) if q.unit == "GPU" || q.unit == "server" => Some(q.clone()),
        _ => None,
    });
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
    let m = lex
        .supply
        .find_iter(&t.text)
        .find(|m| !DEAL_AFTER.is_match(&t.text[m.end()..]));
    if let Some(m) = m {
        if clause_is_negated(st, t, m.start(), m.end()) {
            return;
        }
        let subjects = subjects_before(st, rules, t, m.start());
        let after = &t.text[m.end()..];
        if let Some(c) = rules.goods_of.captures(after) {
            // "équiper des usines avec les puces de Nvidia": Nvidia supplies the subjects
            if let Some(sup) = t
                .slot(c.name("org").or(c.name("org2")))
                .map(|k| t.entity(k))
            {
                for &x in &subjects {
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
        let suppliers: Vec<usize> = if subjects.is_empty() {
            st.topic_org(sentence_start(t)).into_iter().collect()
        } else {
            subjects
        };
        let end = CLAUSE_END
            .find(after)
            .map_or(t.text.len(), |e| m.end() + e.start());
        let mut recipients: Vec<usize> = t
            .slots_after(m.end(), end.max(m.end()), "OCJ")
            .into_iter()
            .map(|k| t.entity(k))
            .collect();
        // "livrera 30 000 puces au campus": the facility told of before
        if recipients.is_empty() && sent_to_facility(lex, &t.text[m.end()..end.max(m.end())]) {
            recipients.extend(st.last_project);
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
    } else if let Some(m) = lex.receive.find(&t.text) {
        if clause_is_negated(st, t, m.start(), m.end()) {
            return;
        }
        let recipients = subjects_before(st, rules, t, m.start());
        let after = &t.text[m.end()..];
        let supplier = rules
            .goods_of
            .captures(after)
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
