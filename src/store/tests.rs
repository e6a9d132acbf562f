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
        evidence: Some(Evidence {
            start,
            end: start + 10,
            text: format!("sentence at {start}"),
        }),
        rule: Some("test".into()),
        ..Triple::new(s, p, o)
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
    let store = merged(docs());
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
    let mut store = merged(docs());
    let before = store.snapshot();
    let again = store.merge(&docs()[1]);
    assert_eq!(again.new_entities, 0);
    assert_eq!(again.new_facts, 0);
    assert_eq!(store.snapshot(), before);
}

/// A store with `docs` merged in order.
fn merged(docs: Vec<Document>) -> Store {
    let mut store = Store::new();
    for d in docs {
        store.merge(&d);
    }
    store
}

#[test]
fn save_and_load_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ng");
    let store = merged(docs());
    save(&store, &path).unwrap();
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.snapshot(), store.snapshot());
    assert_eq!(loaded.find("Corée du Sud"), loaded.find("south korea"));
}

#[test]
fn the_json_of_version_1_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.ng");
    let store = merged(docs());
    std::fs::write(&path, to_json(&store).unwrap()).unwrap();
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.snapshot(), store.snapshot());
    // and saving it again writes the binary snapshot, which loads the same
    save(&loaded, &path).unwrap();
    assert!(std::fs::read(&path).unwrap().starts_with(b"NGSTORE"));
    assert_eq!(load(&path).unwrap().snapshot(), store.snapshot());
}

#[test]
fn the_snapshots_of_versions_2_and_3_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.ng");
    let store = merged(docs());
    save(&store, &path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap()[8..12], 4u32.to_le_bytes());
    // version 2 wrote each sentence as its own string; version 3 the same, LZ4-compressed
    let strings = super::file::strings_payload(&store);
    assert!(!strings.is_empty());
    let file = |version: u32, payload: &[u8]| {
        let mut out = b"NGSTORE\0".to_vec();
        out.extend_from_slice(&version.to_le_bytes());
        out.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(payload);
        out
    };
    for old in [
        file(2, &strings),
        file(3, &lz4_flex::compress_prepend_size(&strings)),
    ] {
        std::fs::write(&path, &old).unwrap();
        let loaded = load(&path).unwrap();
        assert_eq!(loaded.snapshot(), store.snapshot());
        // the evidence reads the same sentences
        let sentences = |s: &Store| -> Vec<String> {
            let mut v: Vec<String> = s
                .graph()
                .edge_weights()
                .flat_map(|f| f.support.iter().map(|x| s.sentence(x).to_string()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(sentences(&loaded), sentences(&store));
    }
    // a version this build does not know is refused by name
    let mut v9 = file(9, &strings);
    v9[8..12].copy_from_slice(&9u32.to_le_bytes());
    std::fs::write(&path, &v9).unwrap();
    let err = load(&path).unwrap_err().to_string();
    assert!(err.contains("v2.ng") && err.contains('9'), "{err}");
}

#[test]
fn a_damaged_binary_store_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ng");
    let store = merged(docs());
    save(&store, &path).unwrap();
    let good = std::fs::read(&path).unwrap();
    // one flipped byte in the payload, then a cut-off file
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x40;
    let cut = good[..good.len() / 2].to_vec();
    for (bytes, says) in [(flipped, "checksum"), (cut, "truncated")] {
        std::fs::write(&path, &bytes).unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains("s.ng") && err.contains(says), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }
}

#[test]
fn a_sentence_stating_several_facts_is_held_once() {
    let mut store = Store::new();
    let mut both = docs();
    // "Amazon and Naver invest in South Korea": two facts, one sentence
    both[1]
        .triples
        .push(triple("Naver", Predicate::InvestsIn, "Corée du Sud", 40));
    for d in both {
        store.merge(&d);
    }
    let supports: Vec<&crate::store::Support> = store
        .graph()
        .edge_weights()
        .flat_map(|f| f.support.iter())
        .collect();
    let mut ids: Vec<u32> = supports.iter().map(|s| s.sentence).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut texts: Vec<String> = supports
        .iter()
        .map(|s| store.sentence(s).into_owned())
        .collect();
    texts.sort_unstable();
    texts.dedup();
    // one number per distinct sentence, fewer than facts
    assert_eq!(ids.len(), texts.len());
    assert_eq!(store.sentences.len(), texts.len());
    assert!(
        texts.len() < supports.len(),
        "{} sentences for {} facts",
        texts.len(),
        supports.len()
    );
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

/// "Aker ASA" in one article and "Aker" in another are one firm; a name
/// that only shares a word is not.
#[test]
fn a_firm_with_and_without_its_legal_form_is_one_entity() {
    let doc = |name: &str, with: &str, n: usize| Document {
        doc: format!("{n}.txt"),
        lang: Lang::En,
        entities: vec![
            entity(name, EntityType::Organization, &[]),
            entity(with, EntityType::Organization, &[]),
        ],
        triples: vec![triple(name, Predicate::PartnersWith, with, n)],
    };
    let store = merged(vec![
        doc("Aker ASA", "Nscale", 0),
        doc("Aker", "Nscale", 1),
        doc("Aker Solutions", "Nscale", 2),
    ]);
    assert_eq!(store.find("Aker"), store.find("Aker ASA"));
    assert_ne!(store.find("Aker"), store.find("Aker Solutions"));
    assert_eq!(store.entity_count(), 3);
    // the two articles' facts are one fact with two sentences
    let aker = store.find("aker asa").unwrap();
    let facts: Vec<_> = store.outgoing(aker).collect();
    assert_eq!(facts.len(), 1);
    assert_eq!(facts[0].2.sources(), 2);
}

#[test]
fn the_columns_give_each_facts_amount_and_year_and_follow_a_merge() {
    let mut store = Store::new();
    for doc in crate::synth::Corpus::new(3_000).take(400) {
        store.merge(&doc);
    }
    let check = |store: &Store| {
        let mut with_amount = 0;
        for e in store.graph().edge_indices() {
            let fact = &store.graph()[e];
            assert_eq!(store.fact_amount(e), fact.amount_parts(), "{e:?}");
            assert_eq!(store.fact_year(e), fact.year(), "{e:?}");
            with_amount += usize::from(fact.amount_parts().is_some());
        }
        with_amount
    };
    assert!(check(&store) > 0, "the corpus gives amounts");
    // a fact merged after the columns were read is in them
    let mut t = triple("Columnia", Predicate::InvestsIn, "Southland", 0);
    t.amount = Some(crate::model::Amount {
        value: 7e8,
        currency: "NOK".into(),
    });
    t.year = Some(2031);
    store.merge(&Document {
        doc: "late.txt".into(),
        lang: Lang::En,
        entities: vec![
            entity("Columnia", EntityType::Organization, &[]),
            entity("Southland", EntityType::Country, &[]),
        ],
        triples: vec![t],
    });
    check(&store);
    let late = store.graph().edge_indices().next_back().unwrap();
    assert_eq!(store.fact_amount(late), Some((7e8, "NOK")));
    assert_eq!(store.fact_year(late), Some(2031));
}

#[test]
fn the_entities_of_a_type_follow_a_merge() {
    let mut store = merged(docs());
    let found = |store: &Store, names: &[&str]| -> Vec<NodeIndex> {
        names.iter().filter_map(|n| store.find(n)).collect()
    };
    assert_eq!(
        store.of_type(EntityType::Country),
        found(&store, &["South Korea"])
    );
    assert_eq!(
        store.of_type(EntityType::Organization),
        found(&store, &["Amazon", "Naver"])
    );
    store.merge(&Document {
        doc: "d.txt".into(),
        lang: Lang::En,
        entities: vec![entity("Kenya", EntityType::Country, &[])],
        triples: vec![triple("Naver", Predicate::InvestsIn, "Kenya", 0)],
    });
    assert_eq!(
        store.of_type(EntityType::Country),
        found(&store, &["South Korea", "Kenya"])
    );
    assert!(store.of_type(EntityType::Person).is_empty());
}

#[test]
fn names_rank_case_folded_and_follow_a_merge() {
    let doc = |name: &str, names: &[&str]| Document {
        doc: name.into(),
        lang: Lang::En,
        entities: names
            .iter()
            .map(|n| entity(n, EntityType::Organization, &[]))
            .collect(),
        triples: Vec::new(),
    };
    let mut store = merged(vec![doc(
        "a.txt",
        &[
            "beta Systems",
            "Alpha Partners",
            "Élan Group",
            "gamma",
            "Projectwide Holdings 12",
            "Projectwide Holdings 3",
        ],
    )]);
    let rank = |store: &Store, name: &str| store.name_rank(store.find(name).unwrap());
    let order = |store: &Store, names: &[&str]| {
        names
            .windows(2)
            .all(|w| rank(store, w[0]) < rank(store, w[1]))
    };
    // case folded ("beta" after "Alpha"), past sixteen bytes, non-ASCII
    // by its lower case ("élan" after the ASCII letters)
    assert!(order(
        &store,
        &[
            "Alpha Partners",
            "beta Systems",
            "gamma",
            "Projectwide Holdings 12",
            "Projectwide Holdings 3",
            "Élan Group"
        ]
    ));
    assert!(!store.names_shared());
    store.merge(&doc("b.txt", &["Aardvark"]));
    assert!(order(&store, &["Aardvark", "Alpha Partners"]));
}
