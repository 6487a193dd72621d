//! Reading a QR-bill payload back, as a bank's scanner does, with one error per broken rule.

use super::bill::{Address, Field, QrBill, QrError, Reference};
use super::payload::{MAX_PAYLOAD_CHARS, clean};
use guichet_core::Currency;

/// Why a payload is not a valid IG QR-bill 2.3 payload.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// The payload is empty.
    #[error("payload is empty")]
    Empty,
    /// The payload exceeds 997 characters.
    #[error("payload is {len} characters, at most 997 allowed")]
    TooLong {
        /// Payload length in characters (counted up to the first 998).
        len: usize,
    },
    /// The payload starts with a byte order mark.
    #[error("payload starts with a byte order mark (U+FEFF)")]
    ByteOrderMark,
    /// A payload has 31 to 34 lines.
    #[error("payload has {count} lines, a QR-bill has 31 to 34")]
    LineCount {
        /// Lines found.
        count: usize,
    },
    /// Line 1 is not `SPC`.
    #[error("{}: expected \"SPC\", found {found:?}", Field::QrType)]
    QrType {
        /// Value found.
        found: String,
    },
    /// Line 2 is not a `02xx` version.
    #[error("{}: expected version 02xx (0200), found {found:?}", Field::Version)]
    Version {
        /// Value found.
        found: String,
    },
    /// Line 3 is not `1`.
    #[error(
        "{}: expected coding type \"1\" (UTF-8), found {found:?}",
        Field::CodingType
    )]
    CodingType {
        /// Value found.
        found: String,
    },
    /// A combined (`K`) address, no longer allowed since IG 2.3 (November 2025).
    #[error(
        "{field}: combined address type \"K\" is no longer allowed (IG QR-bill 2.3 requires \"S\")"
    )]
    CombinedAddress {
        /// The address-type element.
        field: Field,
    },
    /// An address type other than `S` (or empty for the optional debtor).
    #[error("{field}: address type must be \"S\", found {found:?}")]
    AddressType {
        /// The address-type element.
        field: Field,
        /// Value found.
        found: String,
    },
    /// The ultimate creditor, reserved for future use, is not empty.
    #[error("{field}: the ultimate creditor is reserved and must be empty")]
    UltimateCreditorNotEmpty {
        /// The first non-empty ultimate-creditor element.
        field: Field,
    },
    /// The debtor address type is empty but other debtor lines are not.
    #[error("{field}: debtor address type is empty, so the debtor lines must be empty too")]
    DebtorWithoutAddressType {
        /// The first non-empty debtor element.
        field: Field,
    },
    /// The amount is not `digits.dd` without leading zeros.
    #[error(
        "{}: {found:?} is not an amount of the form 1234.50 (2 decimals, no leading zeros)",
        Field::Amount
    )]
    AmountFormat {
        /// Value found.
        found: String,
    },
    /// The currency is neither CHF nor EUR.
    #[error("{}: currency must be CHF or EUR, found {found:?}", Field::Currency)]
    Currency {
        /// Value found.
        found: String,
    },
    /// The reference type is not `QRR`, `SCOR` or `NON`.
    #[error(
        "{}: reference type must be QRR, SCOR or NON, found {found:?}",
        Field::ReferenceType
    )]
    ReferenceType {
        /// Value found.
        found: String,
    },
    /// `QRR` or `SCOR` with an empty reference.
    #[error("{}: reference type {ref_type} requires a reference", Field::Reference)]
    ReferenceMissing {
        /// The reference type.
        ref_type: &'static str,
    },
    /// `NON` with a reference.
    #[error(
        "{}: reference type NON requires an empty reference, found {found:?}",
        Field::Reference
    )]
    ReferenceWithNon {
        /// Value found.
        found: String,
    },
    /// Line 31 is not `EPD`.
    #[error("{}: expected \"EPD\", found {found:?}", Field::Trailer)]
    Trailer {
        /// Value found.
        found: String,
    },
    /// An alternative-procedure line is present but empty.
    #[error("{field}: an alternative procedure line must not be empty")]
    EmptyAlternativeProcedure {
        /// The element.
        field: Field,
    },
    /// The decoded bill breaks a QR-bill rule.
    #[error(transparent)]
    Rule(#[from] QrError),
}

/// Parses a QR-bill payload (CR LF or LF separators; one trailing line break tolerated; spaces
/// around values are removed, as the guidelines ask generators to do).
pub fn parse(payload: &str) -> Result<QrBill, ParseError> {
    if payload.is_empty() {
        return Err(ParseError::Empty);
    }
    let len = payload.chars().take(MAX_PAYLOAD_CHARS + 1).count();
    if len > MAX_PAYLOAD_CHARS {
        return Err(ParseError::TooLong { len });
    }
    if payload.starts_with('\u{FEFF}') {
        return Err(ParseError::ByteOrderMark);
    }
    let body = payload
        .strip_suffix("\r\n")
        .or_else(|| payload.strip_suffix('\n'))
        .unwrap_or(payload);
    let lines: Vec<&str> = body
        .split('\n')
        .map(|l| clean(l.strip_suffix('\r').unwrap_or(l)))
        .collect();
    if !(31..=34).contains(&lines.len()) {
        return Err(ParseError::LineCount { count: lines.len() });
    }
    let line = |field: Field| -> &str { lines.get(field.line() - 1).copied().unwrap_or("") };

    if line(Field::QrType) != "SPC" {
        return Err(ParseError::QrType {
            found: line(Field::QrType).into(),
        });
    }
    let version = line(Field::Version);
    if version.len() != 4
        || !version.starts_with("02")
        || !version.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(ParseError::Version {
            found: version.into(),
        });
    }
    if line(Field::CodingType) != "1" {
        return Err(ParseError::CodingType {
            found: line(Field::CodingType).into(),
        });
    }
    let account = line(Field::Account).to_owned();

    match line(Field::CreditorAddressType) {
        "S" => {}
        "K" => {
            return Err(ParseError::CombinedAddress {
                field: Field::CreditorAddressType,
            });
        }
        other => {
            return Err(ParseError::AddressType {
                field: Field::CreditorAddressType,
                found: other.into(),
            });
        }
    }
    let creditor = read_address(&lines, Field::CreditorName.line());

    for l in 12..=18u8 {
        let field = Field::UltimateCreditor(l);
        if !line(field).is_empty() {
            return Err(ParseError::UltimateCreditorNotEmpty { field });
        }
    }

    let amount = match line(Field::Amount) {
        "" => None,
        text => Some(parse_amount(text)?),
    };
    let currency = Currency::parse(line(Field::Currency)).ok_or_else(|| ParseError::Currency {
        found: line(Field::Currency).into(),
    })?;

    let debtor_fields = [
        Field::DebtorName,
        Field::DebtorStreet,
        Field::DebtorBuildingNumber,
        Field::DebtorPostalCode,
        Field::DebtorTown,
        Field::DebtorCountry,
    ];
    let debtor = match line(Field::DebtorAddressType) {
        "S" => Some(read_address(&lines, Field::DebtorName.line())),
        "K" => {
            return Err(ParseError::CombinedAddress {
                field: Field::DebtorAddressType,
            });
        }
        "" => {
            if let Some(field) = debtor_fields.into_iter().find(|f| !line(*f).is_empty()) {
                return Err(ParseError::DebtorWithoutAddressType { field });
            }
            None
        }
        other => {
            return Err(ParseError::AddressType {
                field: Field::DebtorAddressType,
                found: other.into(),
            });
        }
    };

    let reference_text = line(Field::Reference).to_owned();
    let reference = match line(Field::ReferenceType) {
        "QRR" if reference_text.is_empty() => {
            return Err(ParseError::ReferenceMissing { ref_type: "QRR" });
        }
        "SCOR" if reference_text.is_empty() => {
            return Err(ParseError::ReferenceMissing { ref_type: "SCOR" });
        }
        "QRR" => Reference::Qrr(reference_text),
        "SCOR" => Reference::Scor(reference_text),
        "NON" if reference_text.is_empty() => Reference::Non,
        "NON" => {
            return Err(ParseError::ReferenceWithNon {
                found: reference_text,
            });
        }
        other => {
            return Err(ParseError::ReferenceType {
                found: other.into(),
            });
        }
    };
    let message = line(Field::Message).to_owned();
    if line(Field::Trailer) != "EPD" {
        return Err(ParseError::Trailer {
            found: line(Field::Trailer).into(),
        });
    }
    let billing_information = lines.get(31).map(|s| (*s).to_owned()).unwrap_or_default();
    let mut alternative_procedures = Vec::new();
    for (i, alt) in lines.iter().skip(32).enumerate() {
        if alt.is_empty() {
            let n = if i == 0 { 1 } else { 2 };
            return Err(ParseError::EmptyAlternativeProcedure {
                field: Field::AlternativeProcedure(n),
            });
        }
        alternative_procedures.push((*alt).to_owned());
    }

    let bill = QrBill {
        account,
        creditor,
        amount,
        currency,
        debtor,
        reference,
        message,
        billing_information,
        alternative_procedures,
    };
    bill.validate()?;
    Ok(bill)
}

/// Reads the six address lines starting at the 1-based line `first` (the name).
fn read_address(lines: &[&str], first: usize) -> Address {
    let get = |offset: usize| {
        lines
            .get(first - 1 + offset)
            .map(|s| (*s).to_owned())
            .unwrap_or_default()
    };
    Address {
        name: get(0),
        street: get(1),
        building_number: get(2),
        postal_code: get(3),
        town: get(4),
        country: get(5),
    }
}

/// Parses a payload amount: `0` or digits without leading zero, `.`, exactly two decimals.
fn parse_amount(text: &str) -> Result<i64, ParseError> {
    let bad = || ParseError::AmountFormat {
        found: text.to_owned(),
    };
    let (int_part, frac) = text.split_once('.').ok_or_else(bad)?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int_part)
        || frac.len() != 2
        || !digits(frac)
        || (int_part.len() > 1 && int_part.starts_with('0'))
    {
        return Err(bad());
    }
    if int_part.len() > 9 {
        return Err(ParseError::Rule(QrError::TooLong {
            field: Field::Amount,
            max: 12,
            len: text.len(),
        }));
    }
    crate::amount::parse_minor(text).map_err(|_| bad())
}
