//! Any query text: parsing never panics; a parsed pattern prints to text
//! that parses back to the same query; running it stays within its budget.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::query;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(q) = query::parse(text) {
        let printed = q.to_string();
        assert_eq!(query::parse(&printed).ok(), Some(q), "{printed}");
    }
    let stop = std::sync::atomic::AtomicBool::new(false);
    let _ = query::run_with(common::store(), text, &common::limits(&stop));
});
