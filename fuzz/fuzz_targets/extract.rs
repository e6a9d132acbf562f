//! Any text: extraction never panics, and every fact's evidence is a span
//! of the article with the sentence it names.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = common::extractor().extract("fuzz.txt", text).document;
    for t in &doc.triples {
        if let Some(e) = &t.evidence {
            assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()));
        }
        if let Some(a) = &t.amount {
            assert!(a.value.is_finite() && a.value >= 0.0 && a.value <= 1e15);
        }
    }
});
