//! What the fuzz targets check, run as ordinary tests: no input makes the readers panic.

use guichet_bank::camt::{ReadLimits, read};
use guichet_bank::qr::parse;
use proptest::prelude::*;

fn sample_payload() -> String {
    crate::common::bill_qrr_full().to_payload().expect("valid")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn qr_parse_never_panics_on_arbitrary_text(s in "\\PC{0,1200}") {
        let _ = parse(&s);
    }

    #[test]
    fn qr_parse_never_panics_on_mutated_payloads(pos in 0usize..2000, c in any::<char>(), cut in 0usize..2000) {
        let mut p: Vec<char> = sample_payload().chars().collect();
        let i = pos % p.len();
        p[i] = c;
        p.truncate(cut.max(1));
        let s: String = p.into_iter().collect();
        let _ = parse(&s);
    }

    #[test]
    fn camt_read_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = read(&bytes, &ReadLimits::default());
    }

    #[test]
    fn camt_read_never_panics_on_mutated_statements(pos in 0usize..100_000, byte in any::<u8>(), cut in 0usize..100_000) {
        let mut x = crate::camt_samples::STATEMENT_08.as_bytes().to_vec();
        let i = pos % x.len();
        x[i] = byte;
        x.truncate(cut % (x.len() + 1));
        let _ = read(&x, &ReadLimits::default());
    }
}
