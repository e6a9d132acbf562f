//! The shipped data keeps to general knowledge: no organisation in
//! `data/organizations.ron` is one that a single dev article alone names (an
//! entry added to fix one article is overfitting).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use regex::Regex;

#[test]
fn no_organisation_is_known_from_one_dev_article_only() {
    let texts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev/texts");
    let Ok(dir) = std::fs::read_dir(&texts) else {
        panic!("the dev set is missing: {}", texts.display());
    };
    let articles: Vec<String> = dir
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(articles.len() >= 99, "{} dev articles", articles.len());
    let data = include_str!("../data/organizations.ron");
    // ("Name", ["Alias", ...], "parent", "seat")
    let row = Regex::new(r#"(?m)^\s*\("([^"]+)", \[([^\]]*)\]"#).unwrap();
    let quoted = Regex::new(r#""([^"]+)""#).unwrap();
    let mut rows = 0;
    let mut single = Vec::new();
    for c in row.captures_iter(data) {
        rows += 1;
        let mut names = vec![c[1].to_string()];
        names.extend(quoted.captures_iter(&c[2]).map(|a| a[1].to_string()));
        let patterns: Vec<Regex> = names
            .iter()
            .map(|n| Regex::new(&format!(r"(?:^|[^\w]){}(?:$|[^\w])", regex::escape(n))).unwrap())
            .collect();
        let seen = articles
            .iter()
            .filter(|a| patterns.iter().any(|p| p.is_match(a)))
            .count();
        if seen == 1 {
            single.push(names[0].clone());
        }
    }
    assert!(rows > 100, "only {rows} organisations read");
    assert!(
        single.is_empty(),
        "named by one dev article only: {single:?}"
    );
}
