//! The typed QR-bill, the payload fields it maps to, and the rules' error type.

use crate::references::ReferenceError;
use guichet_core::Currency;
use std::fmt;

/// A structured (`S`) postal address, the only kind allowed in new QR-bills since IG 2.3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// Name or company, 1–70 characters.
    pub name: String,
    /// Street or P.O. box, 0–70 characters.
    pub street: String,
    /// Building number, 0–16 characters.
    pub building_number: String,
    /// Postal code without country prefix, 1–16 characters.
    pub postal_code: String,
    /// Town, 1–35 characters.
    pub town: String,
    /// ISO 3166-1 alpha-2 country code, two upper-case letters.
    pub country: String,
}

/// The payment reference and its type (payload lines 28–29).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// `QRR`: 27-digit QR reference, only with a QR-IBAN.
    Qrr(String),
    /// `SCOR`: ISO 11649 creditor reference (`RF…`), only with an ordinary IBAN.
    Scor(String),
    /// `NON`: no reference, only with an ordinary IBAN.
    Non,
}

impl Reference {
    /// The payload code of the reference type: `QRR`, `SCOR` or `NON`.
    pub fn type_code(&self) -> &'static str {
        match self {
            Reference::Qrr(_) => "QRR",
            Reference::Scor(_) => "SCOR",
            Reference::Non => "NON",
        }
    }

    /// The reference text (empty for `NON`).
    pub fn value(&self) -> &str {
        match self {
            Reference::Qrr(r) | Reference::Scor(r) => r,
            Reference::Non => "",
        }
    }
}

/// A Swiss QR-bill. The ultimate creditor is reserved by the guidelines and always empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrBill {
    /// Creditor account: IBAN or QR-IBAN, `CH` or `LI`, electronic form (21 characters).
    pub account: String,
    /// Creditor (payable to).
    pub creditor: Address,
    /// Amount in minor units (0.01–999 999 999.99); `None` lets the payer fill it in.
    pub amount: Option<i64>,
    /// Currency, CHF or EUR.
    pub currency: Currency,
    /// Ultimate debtor (payable by); `None` prints a blank box.
    pub debtor: Option<Address>,
    /// Reference type and reference.
    pub reference: Reference,
    /// Unstructured message (additional information), 0–140 characters.
    pub message: String,
    /// Billing information (e.g. Swico `//S1/…`); message + billing information ≤ 140 characters.
    pub billing_information: String,
    /// Alternative procedures, at most 2, each ≤ 100 characters.
    pub alternative_procedures: Vec<String>,
}

/// A payload element, named as in the guidelines, with its line number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Line 1, `QRType`.
    QrType,
    /// Line 2, `Version`.
    Version,
    /// Line 3, `Coding`.
    CodingType,
    /// Line 4, `CdtrInf/IBAN`.
    Account,
    /// Line 5, `Cdtr/AdrTp`.
    CreditorAddressType,
    /// Line 6, `Cdtr/Name`.
    CreditorName,
    /// Line 7, `Cdtr/StrtNmOrAdrLine1`.
    CreditorStreet,
    /// Line 8, `Cdtr/BldgNbOrAdrLine2`.
    CreditorBuildingNumber,
    /// Line 9, `Cdtr/PstCd`.
    CreditorPostalCode,
    /// Line 10, `Cdtr/TwnNm`.
    CreditorTown,
    /// Line 11, `Cdtr/Ctry`.
    CreditorCountry,
    /// Lines 12–18, `UltmtCdtr` (the number is the payload line).
    UltimateCreditor(u8),
    /// Line 19, `CcyAmt/Amt`.
    Amount,
    /// Line 20, `CcyAmt/Ccy`.
    Currency,
    /// Line 21, `UltmtDbtr/AdrTp`.
    DebtorAddressType,
    /// Line 22, `UltmtDbtr/Name`.
    DebtorName,
    /// Line 23, `UltmtDbtr/StrtNmOrAdrLine1`.
    DebtorStreet,
    /// Line 24, `UltmtDbtr/BldgNbOrAdrLine2`.
    DebtorBuildingNumber,
    /// Line 25, `UltmtDbtr/PstCd`.
    DebtorPostalCode,
    /// Line 26, `UltmtDbtr/TwnNm`.
    DebtorTown,
    /// Line 27, `UltmtDbtr/Ctry`.
    DebtorCountry,
    /// Line 28, `RmtInf/Tp`.
    ReferenceType,
    /// Line 29, `RmtInf/Ref`.
    Reference,
    /// Line 30, `AddInf/Ustrd`.
    Message,
    /// Line 31, `AddInf/Trailer`.
    Trailer,
    /// Line 32, `AddInf/StrdBkgInf`.
    BillingInformation,
    /// Lines 33–34, `AltPmtInf/AltPmt` (the number is 1 or 2).
    AlternativeProcedure(u8),
}

impl Field {
    /// The 1-based payload line of this element.
    pub fn line(self) -> usize {
        match self {
            Field::QrType => 1,
            Field::Version => 2,
            Field::CodingType => 3,
            Field::Account => 4,
            Field::CreditorAddressType => 5,
            Field::CreditorName => 6,
            Field::CreditorStreet => 7,
            Field::CreditorBuildingNumber => 8,
            Field::CreditorPostalCode => 9,
            Field::CreditorTown => 10,
            Field::CreditorCountry => 11,
            Field::UltimateCreditor(line) => usize::from(line),
            Field::Amount => 19,
            Field::Currency => 20,
            Field::DebtorAddressType => 21,
            Field::DebtorName => 22,
            Field::DebtorStreet => 23,
            Field::DebtorBuildingNumber => 24,
            Field::DebtorPostalCode => 25,
            Field::DebtorTown => 26,
            Field::DebtorCountry => 27,
            Field::ReferenceType => 28,
            Field::Reference => 29,
            Field::Message => 30,
            Field::Trailer => 31,
            Field::BillingInformation => 32,
            Field::AlternativeProcedure(n) => 32 + usize::from(n),
        }
    }

    /// The element's name in the guidelines (`Cdtr/Name`, `RmtInf/Ref`, …).
    pub fn name(self) -> &'static str {
        match self {
            Field::QrType => "QRType",
            Field::Version => "Version",
            Field::CodingType => "Coding",
            Field::Account => "CdtrInf/IBAN",
            Field::CreditorAddressType => "Cdtr/AdrTp",
            Field::CreditorName => "Cdtr/Name",
            Field::CreditorStreet => "Cdtr/StrtNmOrAdrLine1",
            Field::CreditorBuildingNumber => "Cdtr/BldgNbOrAdrLine2",
            Field::CreditorPostalCode => "Cdtr/PstCd",
            Field::CreditorTown => "Cdtr/TwnNm",
            Field::CreditorCountry => "Cdtr/Ctry",
            Field::UltimateCreditor(_) => "UltmtCdtr",
            Field::Amount => "CcyAmt/Amt",
            Field::Currency => "CcyAmt/Ccy",
            Field::DebtorAddressType => "UltmtDbtr/AdrTp",
            Field::DebtorName => "UltmtDbtr/Name",
            Field::DebtorStreet => "UltmtDbtr/StrtNmOrAdrLine1",
            Field::DebtorBuildingNumber => "UltmtDbtr/BldgNbOrAdrLine2",
            Field::DebtorPostalCode => "UltmtDbtr/PstCd",
            Field::DebtorTown => "UltmtDbtr/TwnNm",
            Field::DebtorCountry => "UltmtDbtr/Ctry",
            Field::ReferenceType => "RmtInf/Tp",
            Field::Reference => "RmtInf/Ref",
            Field::Message => "AddInf/Ustrd",
            Field::Trailer => "AddInf/Trailer",
            Field::BillingInformation => "AddInf/StrdBkgInf",
            Field::AlternativeProcedure(_) => "AltPmtInf/AltPmt",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {} ({})", self.line(), self.name())
    }
}

/// A QR-bill rule that the data breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    /// A mandatory element is empty.
    #[error("{field}: mandatory, but empty")]
    Missing {
        /// The element.
        field: Field,
    },
    /// An element is longer than the guidelines allow.
    #[error("{field}: {len} characters, at most {max} allowed")]
    TooLong {
        /// The element.
        field: Field,
        /// Maximum length in characters.
        max: usize,
        /// Actual length in characters.
        len: usize,
    },
    /// An element contains a character outside the IG 2.3 extended Latin set.
    #[error("{field}: character {ch:?} (U+{code:04X}) is not allowed", code = u32::from(*ch))]
    InvalidCharacter {
        /// The element.
        field: Field,
        /// The first offending character.
        ch: char,
    },
    /// The account is not a valid IBAN.
    #[error("{}: {reason}", Field::Account)]
    InvalidIban {
        /// What the IBAN check said.
        reason: String,
    },
    /// The account is not a Swiss or Liechtenstein IBAN.
    #[error(
        "{}: only CH and LI accounts are allowed, got {country:?}",
        Field::Account
    )]
    AccountCountry {
        /// The account's country code.
        country: String,
    },
    /// A country is not two upper-case letters.
    #[error("{field}: {value:?} is not an ISO 3166-1 alpha-2 country code")]
    InvalidCountry {
        /// The element.
        field: Field,
        /// The value found.
        value: String,
    },
    /// The amount is outside 0.01–999 999 999.99.
    #[error(
        "{}: amount must be between 0.01 and 999999999.99, got {minor} minor units",
        Field::Amount
    )]
    AmountOutOfRange {
        /// The amount in minor units.
        minor: i64,
    },
    /// A QR-IBAN is used with `SCOR` or `NON`.
    #[error(
        "{}: a QR-IBAN requires reference type QRR, got {found}",
        Field::ReferenceType
    )]
    QrIbanRequiresQrr {
        /// The reference type found.
        found: &'static str,
    },
    /// A QR reference is used with an ordinary IBAN.
    #[error(
        "{}: reference type QRR requires a QR-IBAN (IID 30000-31999)",
        Field::ReferenceType
    )]
    QrrRequiresQrIban,
    /// The reference fails its own check.
    #[error("{}: {source}", Field::Reference)]
    InvalidReference {
        /// What the reference check said.
        source: ReferenceError,
    },
    /// Message and billing information together exceed 140 characters.
    #[error(
        "{} + {}: {len} characters together, at most 140 allowed",
        Field::Message,
        Field::BillingInformation
    )]
    MessageAndBillingTooLong {
        /// Combined length in characters.
        len: usize,
    },
    /// More than two alternative procedures.
    #[error("at most 2 alternative procedures are allowed, got {count}")]
    TooManyAlternativeProcedures {
        /// How many were given.
        count: usize,
    },
    /// The whole payload exceeds 997 characters.
    #[error("payload is {len} characters, at most 997 allowed")]
    PayloadTooLong {
        /// Payload length in characters.
        len: usize,
    },
}
