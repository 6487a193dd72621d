//! Exact conversion between the decimal text of bank files and integer minor units. The currency
//! and the plain `1234.50` form are core's (`guichet_core::money`).

pub use guichet_core::money::format_minor;

/// Why a decimal amount could not be turned into minor units.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    /// The text is empty.
    #[error("amount is empty")]
    Empty,
    /// The text is not of the form `digits[.digits]`.
    #[error("amount {0:?} is not a decimal number (digits, optional '.' and decimals)")]
    Syntax(String),
    /// Non-zero digits after the second decimal: not representable in minor units.
    #[error("amount {0:?} has more than 2 significant decimals")]
    Precision(String),
    /// The value does not fit the integer range.
    #[error("amount {0:?} is too large")]
    Overflow(String),
}

/// Parses a non-negative decimal (`30`, `501.05`, `12.50000`) into minor units (hundredths).
///
/// Exact: no float is involved. Decimals beyond the second must be zeros.
pub fn parse_minor(text: &str) -> Result<i64, AmountError> {
    if text.is_empty() {
        return Err(AmountError::Empty);
    }
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let syntax = || AmountError::Syntax(text.to_owned());
    if int_part.is_empty() || !int_part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(syntax());
    }
    let mut cents: i64 = 0;
    for (i, b) in frac_part.unwrap_or("").bytes().enumerate() {
        if !b.is_ascii_digit() {
            return Err(syntax());
        }
        let d = i64::from(b - b'0');
        match i {
            0 => cents += d * 10,
            1 => cents += d,
            _ if d != 0 => return Err(AmountError::Precision(text.to_owned())),
            _ => {}
        }
    }
    if frac_part == Some("") {
        return Err(syntax());
    }
    let overflow = || AmountError::Overflow(text.to_owned());
    let mut units: i64 = 0;
    for b in int_part.bytes() {
        units = units
            .checked_mul(10)
            .and_then(|u| u.checked_add(i64::from(b - b'0')))
            .ok_or_else(overflow)?;
    }
    units
        .checked_mul(100)
        .and_then(|u| u.checked_add(cents))
        .ok_or_else(overflow)
}

/// Formats minor units for print, with a space as thousands separator (`1 949.75`).
pub fn format_minor_grouped(minor: i64) -> String {
    let plain = format_minor(minor);
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain.as_str()),
    };
    let (int_part, frac) = rest.split_once('.').unwrap_or((rest, "00"));
    let digits: Vec<char> = int_part.chars().collect();
    let mut grouped = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(*c);
    }
    format!("{sign}{grouped}.{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bank_amounts_become_exact_centimes() {
        assert_eq!(parse_minor("501.05"), Ok(50105));
        assert_eq!(parse_minor("30"), Ok(3000));
        assert_eq!(parse_minor("2865"), Ok(286500));
        assert_eq!(parse_minor("0.1"), Ok(10));
        assert_eq!(parse_minor("12.50000"), Ok(1250));
        // 0.1 + 0.2 style float drift cannot happen: 0.29 stays 29.
        assert_eq!(parse_minor("0.29"), Ok(29));
        assert_eq!(parse_minor("999999999.99"), Ok(99_999_999_999));
    }

    #[test]
    fn malformed_or_imprecise_amounts_are_refused() {
        assert_eq!(parse_minor(""), Err(AmountError::Empty));
        for bad in [
            "1,50", "-3.00", "+3", ".5", "5.", "1e3", " 5", "5 ", "1.2.3", "NaN",
        ] {
            assert!(
                matches!(parse_minor(bad), Err(AmountError::Syntax(_))),
                "{bad}"
            );
        }
        assert_eq!(
            parse_minor("1.005"),
            Err(AmountError::Precision("1.005".into()))
        );
        assert!(matches!(
            parse_minor("99999999999999999999"),
            Err(AmountError::Overflow(_))
        ));
    }

    #[test]
    fn amounts_print_like_on_a_swiss_slip() {
        assert_eq!(format_minor(194975), "1949.75");
        assert_eq!(format_minor(5), "0.05");
        assert_eq!(format_minor(-5), "-0.05");
        assert_eq!(format_minor_grouped(194975), "1 949.75");
        assert_eq!(format_minor_grouped(99_999_999_999), "999 999 999.99");
        assert_eq!(format_minor_grouped(100), "1.00");
        assert_eq!(format_minor_grouped(-123456789), "-1 234 567.89");
    }
}
