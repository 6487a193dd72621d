//! Payment references and accounts: QR reference (mod 10 recursive), ISO 11649 creditor
//! reference (mod 97), IBAN validation and QR-IBAN detection.

use iban::{Iban, IbanLike};

/// Why a reference or an IBAN is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReferenceError {
    /// A QR reference payload must be 1–26 digits.
    #[error("QR reference payload must be 1 to 26 digits, got {0:?}")]
    QrPayload(String),
    /// A QR reference must be exactly 27 digits.
    #[error("QR reference must be 27 digits, got {len} characters")]
    QrLength {
        /// Length found, in characters.
        len: usize,
    },
    /// A QR reference contains something other than ASCII digits.
    #[error("QR reference must contain digits only")]
    QrNotNumeric,
    /// The QR reference's last digit is not the modulo 10 recursive check digit.
    #[error("QR reference check digit is {found}, expected {expected}")]
    QrCheckDigit {
        /// Check digit computed from the first 26 digits.
        expected: u8,
        /// Last digit of the reference.
        found: u8,
    },
    /// A creditor reference body must be 1–21 characters A–Z / 0–9.
    #[error("creditor reference body must be 1 to 21 letters or digits, got {0:?}")]
    CreditorBody(String),
    /// A creditor reference must start with `RF` and two check digits.
    #[error("creditor reference must start with RF and 2 check digits")]
    CreditorPrefix,
    /// A creditor reference must be 5–25 characters.
    #[error("creditor reference must be 5 to 25 characters, got {len}")]
    CreditorLength {
        /// Length found, in characters.
        len: usize,
    },
    /// A creditor reference contains a character other than A–Z / 0–9.
    #[error("creditor reference contains {0:?}; only letters A-Z and digits are allowed")]
    CreditorCharacter(char),
    /// The mod 97 check of a creditor reference fails.
    #[error("creditor reference check digits are wrong (mod 97 is not 1)")]
    CreditorCheck,
    /// The text is not a valid IBAN (structure, country format or checksum).
    #[error("invalid IBAN: {0}")]
    Iban(String),
}

const MOD10_TABLE: [u8; 10] = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5];

/// The modulo 10 recursive check digit of a string of ASCII digits (`None` if not all digits).
pub fn mod10_check_digit(digits: &str) -> Option<u8> {
    let mut carry = 0u8;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        carry = MOD10_TABLE[usize::from((carry + (b - b'0')) % 10)];
    }
    Some((10 - carry) % 10)
}

/// Builds a 27-digit QR reference from up to 26 payload digits (left-padded with zeros).
pub fn qr_reference(payload: &str) -> Result<String, ReferenceError> {
    if payload.is_empty() || payload.len() > 26 || !payload.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ReferenceError::QrPayload(payload.to_owned()));
    }
    let padded = format!("{payload:0>26}");
    let check =
        mod10_check_digit(&padded).ok_or_else(|| ReferenceError::QrPayload(payload.to_owned()))?;
    Ok(format!("{padded}{check}"))
}

/// Checks a QR reference in its electronic form: 27 digits, no spaces, valid check digit.
pub fn validate_qr_reference(reference: &str) -> Result<(), ReferenceError> {
    if !reference.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ReferenceError::QrNotNumeric);
    }
    if reference.len() != 27 {
        return Err(ReferenceError::QrLength {
            len: reference.chars().count(),
        });
    }
    let (body, last) = reference.split_at(26);
    let expected = mod10_check_digit(body).ok_or(ReferenceError::QrNotNumeric)?;
    let found = last.bytes().next().map_or(0, |b| b - b'0');
    if expected != found {
        return Err(ReferenceError::QrCheckDigit { expected, found });
    }
    Ok(())
}

/// Remainder modulo 97 of the ISO 7064 digit expansion of `s` (letters A=10 … Z=35).
fn mod97(s: &str) -> Option<u32> {
    let mut acc: u32 = 0;
    for c in s.chars() {
        let v = c.to_digit(36)?;
        acc = if v >= 10 {
            (acc * 100 + v) % 97
        } else {
            (acc * 10 + v) % 97
        };
    }
    Some(acc)
}

/// Builds an ISO 11649 creditor reference (`RFkk…`) from a body of 1–21 letters or digits.
///
/// Lower-case letters are accepted and upper-cased.
pub fn creditor_reference(body: &str) -> Result<String, ReferenceError> {
    let upper = body.to_ascii_uppercase();
    if upper.is_empty()
        || upper.len() > 21
        || !upper
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        return Err(ReferenceError::CreditorBody(body.to_owned()));
    }
    let rem = mod97(&format!("{upper}RF00"))
        .ok_or_else(|| ReferenceError::CreditorBody(body.to_owned()))?;
    Ok(format!("RF{:02}{upper}", 98 - rem))
}

/// Checks an ISO 11649 creditor reference in electronic form (no spaces; case-insensitive).
pub fn validate_creditor_reference(reference: &str) -> Result<(), ReferenceError> {
    let len = reference.chars().count();
    if !(5..=25).contains(&len) {
        return Err(ReferenceError::CreditorLength { len });
    }
    if let Some(c) = reference.chars().find(|c| !c.is_ascii_alphanumeric()) {
        return Err(ReferenceError::CreditorCharacter(c));
    }
    let upper = reference.to_ascii_uppercase();
    let (head, body) = upper.split_at(4);
    if !head.starts_with("RF") || !head[2..].bytes().all(|b| b.is_ascii_digit()) {
        return Err(ReferenceError::CreditorPrefix);
    }
    match mod97(&format!("{body}{head}")) {
        Some(1) => Ok(()),
        _ => Err(ReferenceError::CreditorCheck),
    }
}

/// Validates an IBAN (electronic or print format) and returns its electronic form.
pub fn validate_iban(iban: &str) -> Result<String, ReferenceError> {
    iban.parse::<Iban>()
        .map(|i| i.electronic_str().to_owned())
        .map_err(|e| ReferenceError::Iban(e.to_string()))
}

/// Whether `iban` is a valid Swiss or Liechtenstein QR-IBAN (IID 30000–31999).
pub fn is_qr_iban(iban: &str) -> bool {
    match validate_iban(iban) {
        Ok(e) => is_ch_or_li(&e) && matches!(e.get(4..6), Some("30" | "31")),
        Err(_) => false,
    }
}

/// Whether an electronic-format IBAN belongs to Switzerland or Liechtenstein.
pub fn is_ch_or_li(iban: &str) -> bool {
    iban.starts_with("CH") || iban.starts_with("LI")
}

/// Removes all whitespace and upper-cases: the electronic form of a typed IBAN or reference.
pub fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The QR references (27 digits, mod 10) and ISO 11649 creditor references (`RF…`, mod 97) a
/// payer typed into a free text (`Ustrd`, `AddtlRmtInf`), in electronic form, first seen first.
///
/// Payers type references in groups (`21 00000 00003 13947 14300 09017`, `RF18 5390 0754 7034`):
/// a reference is whole words joined, never part of a word, and it must pass its check digits.
pub fn references_in_text(text: &str) -> Vec<String> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || ",;:()/".contains(c))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches('.').to_uppercase())
        .collect();
    let mut found: Vec<String> = Vec::new();
    for start in 0..words.len() {
        let first = &words[start];
        let rf = first.starts_with("RF");
        if !(rf || first.bytes().all(|b| b.is_ascii_digit())) {
            continue;
        }
        let mut joined = String::new();
        for w in &words[start..] {
            let ok = if rf {
                w.bytes().all(|b| b.is_ascii_alphanumeric())
            } else {
                w.bytes().all(|b| b.is_ascii_digit())
            };
            if !ok {
                break;
            }
            joined.push_str(w);
            let valid = if rf {
                joined.len() <= 25 && validate_creditor_reference(&joined).is_ok()
            } else {
                joined.len() == 27 && validate_qr_reference(&joined).is_ok()
            };
            if valid && !found.contains(&joined) {
                found.push(joined.clone());
            }
            if joined.len() >= 27 {
                break;
            }
        }
    }
    found
}

/// Groups a string in blocks of `size` characters from the left, separated by spaces.
fn blocks_from_left(s: &str, size: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars
        .chunks(size)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Formats an IBAN for print, in blocks of 4 (`CH44 3199 9123 0008 8901 2`).
pub fn format_iban(iban: &str) -> String {
    blocks_from_left(&compact(iban), 4)
}

/// Formats a QR reference for print as 2 + 5×5 digits (`21 00000 00003 13947 14300 09017`).
pub fn format_qr_reference(reference: &str) -> String {
    let r = compact(reference);
    let chars: Vec<char> = r.chars().collect();
    let split = chars.len() % 5;
    let mut out: String = chars[..split].iter().collect();
    for chunk in chars[split..].chunks(5) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(chunk);
    }
    out
}

/// Formats a creditor reference for print, in blocks of 4 from the left (`RF18 5390 0754 7034`).
pub fn format_creditor_reference(reference: &str) -> String {
    blocks_from_left(&compact(reference), 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIX_QRR: [&str; 9] = [
        "210000000003139471430009017",
        "000008207791225857421286694",
        "360000000002000000003620253",
        "539115429773825311971477453",
        "662437765447746478179744715",
        "900000000001000000000300015",
        "900000000001000000000200016",
        "990000000000000000000000005",
        "145197461500014250476978124",
    ];

    #[test]
    fn published_qr_references_validate_and_rebuild_identically() {
        for r in SIX_QRR {
            assert_eq!(validate_qr_reference(r), Ok(()), "{r}");
            assert_eq!(qr_reference(&r[..26]).as_deref(), Ok(r));
        }
        // The SIX worked example: payload 21000000000313947143000901 → check digit 7.
        assert_eq!(mod10_check_digit("21000000000313947143000901"), Some(7));
        // Short payloads are left-padded; check digit confirmed with python-stdnum esr.
        assert_eq!(
            qr_reference("42").as_deref(),
            Ok("000000000000000000000000420")
        );
    }

    #[test]
    fn broken_qr_references_are_refused_precisely() {
        assert_eq!(
            validate_qr_reference("210000000003139471430009018"),
            Err(ReferenceError::QrCheckDigit {
                expected: 7,
                found: 8
            })
        );
        assert_eq!(
            validate_qr_reference("21000000000313947143000901"),
            Err(ReferenceError::QrLength { len: 26 })
        );
        assert_eq!(
            validate_qr_reference("21 00000 00003 13947 14300 09017"),
            Err(ReferenceError::QrNotNumeric)
        );
        assert!(qr_reference("123456789012345678901234567").is_err());
        assert!(qr_reference("12a").is_err());
        assert!(qr_reference("").is_err());
    }

    #[test]
    fn published_creditor_references() {
        for r in [
            "RF18539007547034",
            "RF240191230100405JSH0438",
            "RF451234512345",
            "RF96TU06FX",
            "RF720HYA6",
        ] {
            assert_eq!(validate_creditor_reference(r), Ok(()), "{r}");
            assert_eq!(creditor_reference(&r[4..]).as_deref(), Ok(r));
        }
        assert_eq!(validate_creditor_reference("rf18539007547034"), Ok(()));
        assert_eq!(
            validate_creditor_reference("RF19GAX8WS5JYOOUJ87"),
            Err(ReferenceError::CreditorCheck)
        );
        assert_eq!(
            validate_creditor_reference("RF18 5390"),
            Err(ReferenceError::CreditorCharacter(' '))
        );
        assert_eq!(
            validate_creditor_reference("XX18539007547034"),
            Err(ReferenceError::CreditorPrefix)
        );
        assert_eq!(
            validate_creditor_reference("RF1"),
            Err(ReferenceError::CreditorLength { len: 3 })
        );
        assert!(creditor_reference("1234567890123456789012").is_err());
        assert!(creditor_reference("AB-1").is_err());
    }

    #[test]
    fn qr_iban_detection_follows_the_iid_range() {
        assert!(is_qr_iban("CH4431999123000889012"));
        assert!(is_qr_iban("CH44 3199 9123 0008 8901 2"));
        assert!(!is_qr_iban("CH5800791123000889012"));
        assert!(!is_qr_iban("CH5204835012345671000"));
        // Wrong checksum: never a QR-IBAN, whatever its IID.
        assert!(!is_qr_iban("CH4531999123000889012"));
        // A German IBAN whose digits 5-6 happen to be 30 is not a QR-IBAN.
        assert!(!is_qr_iban("DE89370400440532013000"));
        assert_eq!(
            validate_iban("CH58 0079 1123 0008 8901 2").as_deref(),
            Ok("CH5800791123000889012")
        );
        assert!(matches!(
            validate_iban("CH5800791123000889013"),
            Err(ReferenceError::Iban(_))
        ));
    }

    #[test]
    fn print_formats_match_the_slip() {
        assert_eq!(
            format_iban("CH4431999123000889012"),
            "CH44 3199 9123 0008 8901 2"
        );
        assert_eq!(
            format_qr_reference("210000000003139471430009017"),
            "21 00000 00003 13947 14300 09017"
        );
        assert_eq!(
            format_creditor_reference("RF18539007547034"),
            "RF18 5390 0754 7034"
        );
        assert_eq!(
            compact(" ch44 3199 9123 0008 8901 2 "),
            "CH4431999123000889012"
        );
    }

    #[test]
    fn references_typed_into_a_message_are_found_whole_and_checked() {
        assert_eq!(
            references_in_text("Rechnung 21 00000 00003 13947 14300 09017 danke"),
            vec!["210000000003139471430009017".to_owned()]
        );
        assert_eq!(
            references_in_text("ref: rf18 5390 0754 7034, merci"),
            vec!["RF18539007547034".to_owned()]
        );
        // A wrong check digit, a part of a longer number, a reference inside a word: nothing.
        assert!(references_in_text("21 00000 00003 13947 14300 09018").is_empty());
        assert!(references_in_text("9210000000003139471430009017").is_empty());
        assert!(references_in_text("XRF18539007547034").is_empty());
        assert!(references_in_text("Abonnement 2026").is_empty());
    }
}
