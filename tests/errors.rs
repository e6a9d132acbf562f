//! Snapshots of what a user sees when a query goes wrong: the caret under
//! the column of a syntax error, "did you mean" for an unknown entity, the
//! nearest forms for a question that does not parse.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::OnceLock;

use newsgraph::query;
use newsgraph::store::Store;
use newsgraph::Extractor;

fn demo_store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        let demo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/articles");
        let mut store = Store::default();
        newsgraph::pipeline::ingest(&Extractor::new().unwrap(), &mut store, &[demo]);
        store
    })
}

/// The error a query gives, as the REPL prints it.
fn error(text: &str) -> String {
    match query::run(demo_store(), text) {
        Ok(rows) => panic!("{text}: expected an error, got {} rows", rows.rows.len()),
        Err(e) => format!("> {text}\n{e}"),
    }
}

#[test]
fn syntax_errors_point_at_the_column() {
    insta::assert_snapshot!("unclosed_attrs", error("?x invests_in {amount ?a ?p"));
    insta::assert_snapshot!("unknown_predicate", error("?x invests ?p"));
    insta::assert_snapshot!("missing_object", error("?x invests_in"));
    insta::assert_snapshot!("unknown_type", error("?x is Planet"));
    insta::assert_snapshot!("bad_limit", error("?x invests_in ?p limit many"));
    insta::assert_snapshot!(
        "bad_filter",
        error("?x invests_in {amount ?a} ?p where ?a >> 5")
    );
    insta::assert_snapshot!("unclosed_string", error("?x located_in* \"South Korea"));
}

#[test]
fn unknown_entities_get_suggestions() {
    insta::assert_snapshot!("misspelt_country", error("who invested in Sout Korea"));
    insta::assert_snapshot!("misspelt_french", error("qui a investi au Marocc ?"));
    insta::assert_snapshot!("misspelt_company", error("who leads Nvidiaa"));
    insta::assert_snapshot!(
        "misspelt_in_pattern",
        error("?x invests_in ?p . ?p located_in* \"Marroc\"")
    );
}

#[test]
fn an_unknown_question_shows_the_nearest_forms() {
    insta::assert_snapshot!("unknown_question_en", error("who bought Naver"));
    insta::assert_snapshot!("unknown_question_fr", error("qui a acheté Naver ?"));
}
