//! Reference check digits: properties over generated references and 100 000 random round trips.

use guichet_bank::references::*;
use proptest::prelude::*;

/// Deterministic xorshift generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Replaces the character at `i` with `c`.
fn replace_at(s: &str, i: usize, c: char) -> String {
    s.chars()
        .enumerate()
        .map(|(j, x)| if j == i { c } else { x })
        .collect()
}

#[test]
fn one_hundred_thousand_random_references_round_trip_and_catch_typos() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for _ in 0..100_000 {
        // QR reference from a random 1..=26-digit payload.
        let len = 1 + rng.below(26) as usize;
        let payload: String = (0..len)
            .map(|_| char::from(b'0' + rng.below(10) as u8))
            .collect();
        let qrr = qr_reference(&payload).expect("digits");
        assert_eq!(validate_qr_reference(&qrr), Ok(()), "{qrr}");
        assert!(qrr.ends_with(&format!(
            "{}",
            mod10_check_digit(&qrr[..26]).expect("digits")
        )));
        let pos = rng.below(27) as usize;
        let old = qrr.as_bytes()[pos];
        let new = b'0' + ((old - b'0' + 1 + rng.below(9) as u8) % 10);
        let typo = replace_at(&qrr, pos, char::from(new));
        assert!(
            validate_qr_reference(&typo).is_err(),
            "{qrr} → {typo} not detected"
        );

        // Creditor reference from a random 1..=21-character body.
        let len = 1 + rng.below(21) as usize;
        let body: String = (0..len)
            .map(|_| char::from(ALNUM[rng.below(36) as usize]))
            .collect();
        let rf = creditor_reference(&body).expect("body");
        assert_eq!(validate_creditor_reference(&rf), Ok(()), "{rf}");
        assert_eq!(&rf[4..], body);
        // Same-class substitutions (digit for digit, letter for letter) are always caught by
        // mod 97; a letter-for-digit swap changes the digit expansion's length and may not be.
        let pos = 2 + rng.below(rf.len() as u64 - 2) as usize;
        let old = rf.as_bytes()[pos];
        let (class, n): (&[u8], u8) = if old.is_ascii_digit() {
            (b"0123456789", 10)
        } else {
            (b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", 26)
        };
        let idx = class.iter().position(|c| *c == old).expect("in class") as u8;
        let new = class[usize::from((idx + 1 + rng.below(u64::from(n) - 1) as u8) % n)];
        let typo = replace_at(&rf, pos, char::from(new));
        assert!(
            validate_creditor_reference(&typo).is_err(),
            "{rf} → {typo} not detected"
        );
    }
}

proptest! {
    #[test]
    fn generated_qr_references_always_validate(payload in "[0-9]{1,26}") {
        let r = qr_reference(&payload).expect("digits");
        prop_assert_eq!(r.len(), 27);
        prop_assert_eq!(&r[..26], format!("{payload:0>26}"));
        prop_assert_eq!(validate_qr_reference(&r), Ok(()));
    }

    #[test]
    fn any_single_digit_change_in_a_qr_reference_is_detected(
        payload in "[0-9]{26}", pos in 0usize..27, delta in 1u8..10
    ) {
        let r = qr_reference(&payload).expect("digits");
        let old = r.as_bytes()[pos] - b'0';
        let typo = replace_at(&r, pos, char::from(b'0' + (old + delta) % 10));
        prop_assert!(validate_qr_reference(&typo).is_err());
    }

    #[test]
    fn generated_creditor_references_always_validate(body in "[A-Z0-9]{1,21}") {
        let r = creditor_reference(&body).expect("body");
        prop_assert!(r.starts_with("RF"));
        prop_assert!((5..=25).contains(&r.len()));
        prop_assert_eq!(validate_creditor_reference(&r), Ok(()));
        prop_assert_eq!(validate_creditor_reference(&r.to_lowercase()), Ok(()));
    }

    #[test]
    fn any_single_digit_or_letter_change_in_a_creditor_reference_is_detected(
        body in "[A-Z0-9]{1,21}", pos_seed in 0usize..1000, digit in "[0-9]", letter in "[A-Z]"
    ) {
        let r = creditor_reference(&body).expect("body");
        let pos = 2 + pos_seed % (r.len() - 2);
        let old = r.chars().nth(pos).expect("in range");
        // Digit for digit, letter for letter: the substitutions mod 97 guarantees to catch.
        let new = if old.is_ascii_digit() { digit } else { letter }.chars().next().expect("one char");
        prop_assume!(old != new);
        prop_assert!(validate_creditor_reference(&replace_at(&r, pos, new)).is_err());
    }

    #[test]
    fn qr_iban_detection_depends_only_on_the_iid(iid in 0u32..100_000, account in "[0-9]{12}") {
        // Build a valid CH IBAN from IID and account with the ISO 13616 check digits.
        let bban = format!("{iid:05}{account}");
        let digits = format!("{bban}121700"); // "CH00" → C=12, H=17, 00
        let rem = digits.bytes().fold(0u32, |acc, b| (acc * 10 + u32::from(b - b'0')) % 97);
        let iban = format!("CH{:02}{bban}", 98 - rem);
        prop_assert_eq!(validate_iban(&iban), Ok(iban.clone()));
        prop_assert_eq!(is_qr_iban(&iban), (30_000..=31_999).contains(&iid));
    }
}
