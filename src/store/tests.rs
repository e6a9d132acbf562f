use super::*;
use crate::model::{Entity, Evidence, Lang, Triple};

fn entity(name: &str, kind: EntityType, aliases: &[&str]) -> Entity {
    Entity {
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    }
}

fn triple(s: &str, p: Predicate, o: &str, start: usize) -> Triple {
    Triple {
        s: s.into(),
        p,
        o: o.into(),
        amount: None,
        quantity: None,
        year: None,
        role: None,
        evidence: Some(Evidence {
            start,
            end: start + 10,
            text: format!("sentence at {start}"),
        }),
        rule: Some("test".into()),
        confidence: None,
    }
}

fn docs() -> Vec<Document> {
    vec![
        Document {
            doc: "a.txt".into(),
            lang: Lang::Fr,
            entities: vec![
                entity("Amazon", EntityType::Organization, &["Amazon.com"]),
                entity("South Korea", EntityType::Country, &["Corée du Sud"]),
            ],
            triples: vec![triple("Amazon", Predicate::InvestsIn, "South Korea", 0)],
        },
        Document {
            doc: "b.txt".into(),
            lang: Lang::En,
            entities: vec![
                entity("Amazon.com", EntityType::Organization, &["AMZN"]),
                entity("Corée du Sud", EntityType::Country, &[]),
                entity("Naver", EntityType::Organization, &[]),
            ],
            triples: vec![
                triple("Amazon.com", Predicate::InvestsIn, "Corée du Sud", 40),
                triple("Naver", Predicate::PartnersWith, "Amazon.com", 80),
            ],
        },
        Document {
            doc: "c.txt".into(),
            lang: Lang::En,
            entities: vec![
                entity("AMZN", EntityType::Organization, &[]),
                entity("Naver", EntityType::Organization, &[]),
            ],
            triples: vec![triple("AMZN", Predicate::PartnersWith, "Naver", 5)],
        },
    ]
}

#[test]
fn merge_dedups_entities_by_alias_and_keeps_all_evidence() {
    let mut store = Store::new();
    for d in docs() {
        store.merge(&d);
    }
    assert_eq!(store.entity_count(), 3);
    assert_eq!(store.fact_count(), 2);
    let amazon = store.find("amzn").unwrap();
    assert_eq!(store.find("Amazon.com"), Some(amazon));
    let (_, _, fact) = store
        .outgoing(amazon)
        .find(|(_, _, f)| f.predicate == Predicate::InvestsIn)
        .unwrap();
    assert_eq!(fact.support.len(), 2);
    assert_eq!(fact.sources(), 2);
}

#[test]
fn merge_does_not_depend_on_order() {
    let d = docs();
    let orders = [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]];
    let snapshots: Vec<String> = orders
        .iter()
        .map(|order| {
            let mut store = Store::new();
            for &i in order {
                store.merge(&d[i]);
            }
            store.snapshot()
        })
        .collect();
    for s in &snapshots[1..] {
        assert_eq!(s, &snapshots[0]);
    }
}

#[test]
fn merging_a_document_twice_changes_nothing() {
    let mut store = Store::new();
    for d in docs() {
        store.merge(&d);
    }
    let before = store.snapshot();
    let again = store.merge(&docs()[1]);
    assert_eq!(again.new_entities, 0);
    assert_eq!(again.new_facts, 0);
    assert_eq!(store.snapshot(), before);
}

#[test]
fn save_and_load_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ng");
    let mut store = Store::new();
    for d in docs() {
        store.merge(&d);
    }
    save(&store, &path).unwrap();
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.snapshot(), store.snapshot());
    assert_eq!(loaded.find("Corée du Sud"), loaded.find("south korea"));
}

#[test]
fn failed_load_names_the_file_and_position_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ng");
    std::fs::write(
        &path,
        "{\"format\": \"newsgraph-store\",\n \"version\": oops}",
    )
    .unwrap();
    let err = load(&path).unwrap_err().to_string();
    assert!(err.contains("bad.ng:2:"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "{\"format\": \"newsgraph-store\",\n \"version\": oops}"
    );
}
