//! Any saved-query file and parameter: loading, binding and running never
//! panic, and a parameter's value never adds a clause to a pattern.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::query::{self, saved::Bound, saved::SavedQuery};

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // the file, then after the last NUL a value for every parameter
    let (file, value) = text.rsplit_once('\0').unwrap_or((text, "Kenya"));
    let Ok(saved) = ron::from_str::<SavedQuery>(file) else {
        return;
    };
    let plain = saved.compile(&[]);
    let params: Vec<(String, String)> = saved
        .params
        .keys()
        .map(|k| (k.clone(), value.to_string()))
        .collect();
    let Ok(bound) = saved.compile(&params) else {
        return;
    };
    if let (Ok(Bound::Pattern(a)), Bound::Pattern(b)) = (&plain, &bound) {
        assert_eq!(a.clauses.len(), b.clauses.len());
        assert_eq!(a.filters.len(), b.filters.len());
    }
    let stop = std::sync::atomic::AtomicBool::new(false);
    let _ = query::run_bound(common::store(), &bound, &common::limits(&stop));
});
