//! Any bytes as a store file: load and repair never panic; whatever loads
//! saves to a file that loads to the same knowledge; repair's copy loads.
//! The corpus starts from valid stores (binary and JSON), which libFuzzer
//! mutates, so most inputs get past the header into the records.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::store;

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let path = dir.path().join("fuzz.ng");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    if let Ok(s) = store::load(&path) {
        let again = dir.path().join("again.ng");
        store::save(&s, &again).expect("a loaded store saves");
        let back = store::load(&again).expect("a saved store loads");
        assert_eq!(back.snapshot(), s.snapshot());
    }
    if let Ok((s, _)) = store::repair(&path) {
        let fixed = dir.path().join("fixed.ng");
        store::save(&s, &fixed).expect("a repaired store saves");
        store::load(&fixed).expect("a repaired store loads");
    }
});
