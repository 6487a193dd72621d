//! Fuzz target: the QR-bill payload parser must never panic; what it accepts must re-encode.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(bill) = guichet_bank::qr::parse(text) {
        // A payload the parser accepts is a valid bill: it must serialise and parse back equal.
        let payload = bill.to_payload().expect("accepted bill re-encodes");
        assert_eq!(guichet_bank::qr::parse(&payload), Ok(bill));
    }
});
