//! Validation of a [`QrBill`] against the IG QR-bill 2.3 rules and its payload text.

use super::bill::{Address, Field, QrBill, QrError, Reference};
use crate::amount::format_minor;
use crate::charset;
use crate::references::{
    ReferenceError, is_ch_or_li, is_qr_iban, validate_creditor_reference, validate_iban,
    validate_qr_reference,
};

/// Line separator written between payload elements (the guidelines allow CR LF or LF).
pub const SEPARATOR: &str = "\r\n";

/// Maximum payload length in characters, separators included.
pub const MAX_PAYLOAD_CHARS: usize = 997;

/// Largest amount a QR-bill can carry, in minor units (999 999 999.99).
pub const MAX_AMOUNT_MINOR: i64 = 99_999_999_999;

/// A value without surrounding spaces (U+0020 only: other whitespace is refused, not trimmed).
pub(crate) fn clean(value: &str) -> &str {
    value.trim_matches(' ')
}

/// Checks length and character set of one element (after trimming surrounding spaces).
fn check_text(field: Field, value: &str, max: usize, mandatory: bool) -> Result<(), QrError> {
    let value = clean(value);
    if mandatory && value.is_empty() {
        return Err(QrError::Missing { field });
    }
    if let Some(ch) = charset::first_invalid(value) {
        return Err(QrError::InvalidCharacter { field, ch });
    }
    let len = value.chars().count();
    if len > max {
        return Err(QrError::TooLong { field, max, len });
    }
    Ok(())
}

/// Checks a structured address; `fields` are name, street, number, postal code, town, country.
fn check_address(a: &Address, fields: [Field; 6]) -> Result<(), QrError> {
    let [name, street, number, postal, town, country] = fields;
    check_text(name, &a.name, 70, true)?;
    check_text(street, &a.street, 70, false)?;
    check_text(number, &a.building_number, 16, false)?;
    check_text(postal, &a.postal_code, 16, true)?;
    check_text(town, &a.town, 35, true)?;
    let c = clean(&a.country);
    if c.is_empty() {
        return Err(QrError::Missing { field: country });
    }
    if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(QrError::InvalidCountry {
            field: country,
            value: c.to_owned(),
        });
    }
    Ok(())
}

const CREDITOR_FIELDS: [Field; 6] = [
    Field::CreditorName,
    Field::CreditorStreet,
    Field::CreditorBuildingNumber,
    Field::CreditorPostalCode,
    Field::CreditorTown,
    Field::CreditorCountry,
];

const DEBTOR_FIELDS: [Field; 6] = [
    Field::DebtorName,
    Field::DebtorStreet,
    Field::DebtorBuildingNumber,
    Field::DebtorPostalCode,
    Field::DebtorTown,
    Field::DebtorCountry,
];

/// The seven address lines of a structured address (or seven empty lines).
fn address_lines(a: Option<&Address>) -> [String; 7] {
    match a {
        Some(a) => [
            "S".to_owned(),
            clean(&a.name).to_owned(),
            clean(&a.street).to_owned(),
            clean(&a.building_number).to_owned(),
            clean(&a.postal_code).to_owned(),
            clean(&a.town).to_owned(),
            clean(&a.country).to_owned(),
        ],
        None => Default::default(),
    }
}

/// An address with every text in the SPS set and within its length; see [`QrBill::writable`].
fn writable_address(a: &Address) -> Address {
    Address {
        name: charset::fit(&a.name, 70),
        street: charset::fit(&a.street, 70),
        building_number: charset::fit(&a.building_number, 16),
        postal_code: charset::fit(&a.postal_code, 16),
        town: charset::fit(&a.town, 35),
        country: a.country.trim().to_ascii_uppercase(),
    }
}

impl QrBill {
    /// The same bill with every free text (names, addresses, message, billing information,
    /// alternative procedures) transliterated to the SPS set, characters that still cannot be
    /// written replaced by `?`, and cut to its maximum length: what to print when the texts come
    /// from stored data, so that no stored value can make a bill fail. Accounts, references and
    /// amounts are left as they are (they are checked by [`QrBill::validate`]).
    pub fn writable(&self) -> QrBill {
        let billing = charset::fit(&self.billing_information, 140);
        let room = 140 - billing.chars().count();
        QrBill {
            creditor: writable_address(&self.creditor),
            debtor: self.debtor.as_ref().map(writable_address),
            message: charset::fit(&self.message, room),
            billing_information: billing,
            alternative_procedures: self
                .alternative_procedures
                .iter()
                .map(|a| charset::fit(a, 100))
                .collect(),
            ..self.clone()
        }
    }

    /// Checks every IG QR-bill 2.3 rule except the total length (see [`QrBill::to_payload`]).
    pub fn validate(&self) -> Result<(), QrError> {
        let account = clean(&self.account);
        if account.is_empty() {
            return Err(QrError::Missing {
                field: Field::Account,
            });
        }
        if account.chars().any(char::is_whitespace) {
            return Err(QrError::InvalidIban {
                reason: "the IBAN must be written without spaces".into(),
            });
        }
        let iban = validate_iban(account).map_err(|e| QrError::InvalidIban {
            reason: e.to_string(),
        })?;
        if !is_ch_or_li(&iban) {
            return Err(QrError::AccountCountry {
                country: iban.chars().take(2).collect(),
            });
        }
        if iban != account {
            return Err(QrError::InvalidIban {
                reason: "the IBAN must be in upper case".into(),
            });
        }
        check_address(&self.creditor, CREDITOR_FIELDS)?;
        if let Some(minor) = self.amount
            && !(1..=MAX_AMOUNT_MINOR).contains(&minor)
        {
            return Err(QrError::AmountOutOfRange { minor });
        }
        if let Some(debtor) = &self.debtor {
            check_address(debtor, DEBTOR_FIELDS)?;
        }
        let qr_iban = is_qr_iban(&iban);
        match &self.reference {
            Reference::Qrr(r) => {
                if !qr_iban {
                    return Err(QrError::QrrRequiresQrIban);
                }
                validate_qr_reference(clean(r))
                    .map_err(|source| QrError::InvalidReference { source })?;
            }
            other if qr_iban => {
                return Err(QrError::QrIbanRequiresQrr {
                    found: other.type_code(),
                });
            }
            Reference::Scor(r) => {
                let r = clean(r);
                // Upper case only in the QR data (ISO 11649 itself is case-insensitive).
                if let Some(c) = r.chars().find(char::is_ascii_lowercase) {
                    return Err(QrError::InvalidReference {
                        source: ReferenceError::CreditorCharacter(c),
                    });
                }
                validate_creditor_reference(r)
                    .map_err(|source| QrError::InvalidReference { source })?;
            }
            Reference::Non => {}
        }
        check_text(Field::Message, &self.message, 140, false)?;
        check_text(
            Field::BillingInformation,
            &self.billing_information,
            140,
            false,
        )?;
        let combined =
            clean(&self.message).chars().count() + clean(&self.billing_information).chars().count();
        if combined > 140 {
            return Err(QrError::MessageAndBillingTooLong { len: combined });
        }
        if self.alternative_procedures.len() > 2 {
            return Err(QrError::TooManyAlternativeProcedures {
                count: self.alternative_procedures.len(),
            });
        }
        for (i, alt) in self.alternative_procedures.iter().enumerate() {
            let n = if i == 0 { 1 } else { 2 };
            check_text(Field::AlternativeProcedure(n), alt, 100, true)?;
        }
        Ok(())
    }

    /// The payload lines in guideline order (31 to 34 elements), values trimmed.
    fn payload_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = Vec::with_capacity(34);
        lines.extend(["SPC", "0200", "1"].map(str::to_owned));
        lines.push(clean(&self.account).to_owned());
        lines.extend(address_lines(Some(&self.creditor)));
        lines.extend(address_lines(None));
        lines.push(self.amount.map(format_minor).unwrap_or_default());
        lines.push(self.currency.code().to_owned());
        lines.extend(address_lines(self.debtor.as_ref()));
        lines.push(self.reference.type_code().to_owned());
        lines.push(clean(self.reference.value()).to_owned());
        lines.push(clean(&self.message).to_owned());
        lines.push("EPD".to_owned());
        let billing = clean(&self.billing_information);
        if !billing.is_empty() || !self.alternative_procedures.is_empty() {
            lines.push(billing.to_owned());
        }
        lines.extend(
            self.alternative_procedures
                .iter()
                .map(|a| clean(a).to_owned()),
        );
        lines
    }

    /// The QR code text: elements joined by CR LF, no trailing separator, ≤ 997 characters.
    pub fn to_payload(&self) -> Result<String, QrError> {
        self.validate()?;
        let payload = self.payload_lines().join(SEPARATOR);
        let len = payload.chars().count();
        if len > MAX_PAYLOAD_CHARS {
            return Err(QrError::PayloadTooLong { len });
        }
        Ok(payload)
    }
}
