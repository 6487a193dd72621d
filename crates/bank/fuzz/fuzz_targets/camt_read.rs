//! Fuzz target: the camt.053/054 reader must never panic and must respect its limits.

#![no_main]

use guichet_bank::camt::{ReadLimits, read};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = ReadLimits {
        max_bytes: 1 << 20,
        max_depth: 32,
        max_entries: 1000,
    };
    if let Ok(doc) = read(data, &limits) {
        assert!(doc.entries().count() <= limits.max_entries);
    }
});
