//! The rules a Swiss bank checks before it executes a payout: identifiers, texts, addresses,
//! amounts, IBANs and the SPS payment type. Texts are made plain (transliterated) first.

use super::model::{DebtorAccount, Pain001Error, Payout, PayoutBatch, PostalAddress};
use crate::charset;
use crate::references::{is_ch_or_li, validate_iban};
use guichet_core::Currency;
use guichet_core::period::Date;

/// Countries of the SEPA scheme (ISO 3166-1 alpha-2), Switzerland and Liechtenstein included.
const SEPA_COUNTRIES: [&str; 41] = [
    "AD", "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GI", "GR",
    "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MT", "NL", "NO", "PL", "PT", "RO",
    "SE", "SI", "SK", "SM", "VA", "GG", "JE", "IM", "PM",
];

/// SPS payment type of a payout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PaymentType {
    /// Domestic (CH/LI creditor IBAN).
    D,
    /// SEPA.
    S,
}

/// Checks an identifier: 1–`max` characters of the SWIFT set, no leading `/`, no `//`.
pub(super) fn check_id(field: &'static str, value: &str, max: usize) -> Result<(), Pain001Error> {
    let err = |reason| Pain001Error::InvalidId {
        field,
        value: value.to_owned(),
        reason,
    };
    if value.is_empty() {
        return Err(err("empty"));
    }
    if value.chars().count() > max {
        return Err(err(if max == 35 {
            "longer than 35 characters"
        } else {
            "too long"
        }));
    }
    let swift = |c: char| c.is_ascii_alphanumeric() || "/-?:().,'+ ".contains(c);
    if !value.chars().all(swift) {
        return Err(err(
            "only letters, digits and / - ? : ( ) . , ' + space are allowed",
        ));
    }
    if value.starts_with('/')
        || value.ends_with('/')
        || value.contains("//")
        || value.trim() != value
    {
        return Err(err(
            "must not start or end with '/' or a space, nor contain '//'",
        ));
    }
    Ok(())
}

/// Checks a text field against the SPS character set and its length.
pub(super) fn check_text(
    field: impl Fn() -> String,
    value: &str,
    max: usize,
    mandatory: bool,
) -> Result<(), Pain001Error> {
    let v = value.trim();
    let err = |reason: String| Pain001Error::InvalidText {
        field: field(),
        reason,
    };
    if mandatory && v.is_empty() {
        return Err(err("mandatory, but empty".into()));
    }
    if let Some(c) = charset::first_invalid(v) {
        return Err(err(format!("character {c:?} is not allowed")));
    }
    let len = v.chars().count();
    if len > max {
        return Err(err(format!("{len} characters, at most {max} allowed")));
    }
    Ok(())
}

/// Checks an address: town and country mandatory, SPS lengths.
pub(super) fn check_address(prefix: &str, a: &PostalAddress) -> Result<(), Pain001Error> {
    check_text(|| format!("{prefix}/StrtNm"), &a.street, 70, false)?;
    check_text(|| format!("{prefix}/BldgNb"), &a.building_number, 16, false)?;
    check_text(|| format!("{prefix}/PstCd"), &a.postal_code, 16, false)?;
    check_text(|| format!("{prefix}/TwnNm"), &a.town, 35, true)?;
    let c = a.country.trim();
    if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Pain001Error::InvalidText {
            field: format!("{prefix}/Ctry"),
            reason: format!("{c:?} is not an ISO 3166-1 alpha-2 code"),
        });
    }
    Ok(())
}

/// Checks an ISO 8601 date-time: `YYYY-MM-DDThh:mm:ss`, optional fraction, optional zone.
pub(super) fn check_date_time(s: &str) -> Result<(), Pain001Error> {
    let err = || Pain001Error::InvalidCreationTime(s.to_owned());
    let (date, time) = s.split_once('T').ok_or_else(err)?;
    if date.len() != 10 {
        return Err(err());
    }
    Date::parse_iso_prefix(date).ok_or_else(err)?;
    let b = time.as_bytes();
    let two = |i: usize, max: u8| -> bool {
        b.get(i..i + 2).is_some_and(|d| {
            d.iter().all(u8::is_ascii_digit) && (d[0] - b'0') * 10 + (d[1] - b'0') <= max
        })
    };
    if !(two(0, 23)
        && b.get(2) == Some(&b':')
        && two(3, 59)
        && b.get(5) == Some(&b':')
        && two(6, 59))
    {
        return Err(err());
    }
    let mut rest = &time[8..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return Err(err());
        }
        rest = &frac[n..];
    }
    let zone_ok = rest.is_empty()
        || rest == "Z"
        || (rest.len() == 6 && (rest.starts_with('+') || rest.starts_with('-')) && {
            let z = rest.as_bytes();
            z[1..3].iter().all(u8::is_ascii_digit)
                && z[3] == b':'
                && z[4..6].iter().all(u8::is_ascii_digit)
        });
    if zone_ok { Ok(()) } else { Err(err()) }
}

/// The payment type of a validated payout.
fn payment_type(index: usize, p: &Payout, iban: &str) -> Result<PaymentType, Pain001Error> {
    if is_ch_or_li(iban) {
        return Ok(PaymentType::D);
    }
    let country = iban.get(0..2).unwrap_or("");
    if p.currency == Currency::Eur && SEPA_COUNTRIES.contains(&country) {
        return Ok(PaymentType::S);
    }
    Err(Pain001Error::UnsupportedPayment {
        index,
        reason: format!(
            "{} to an IBAN of {country} is neither a Swiss (type D) nor a SEPA payment (type S)",
            p.currency
        ),
    })
}

/// `s` in the plain characters of the SPS set when it has a plain form; otherwise unchanged, so
/// that the check names the character that cannot be written.
fn plain_text(s: &str) -> String {
    charset::transliterate(s).unwrap_or_else(|_| s.to_owned())
}

fn plain_address(a: &PostalAddress) -> PostalAddress {
    PostalAddress {
        street: plain_text(&a.street),
        building_number: plain_text(&a.building_number),
        postal_code: plain_text(&a.postal_code),
        town: plain_text(&a.town),
        country: a.country.clone(),
    }
}

pub(super) fn plain_payout(p: &Payout) -> Payout {
    Payout {
        creditor_name: plain_text(&p.creditor_name),
        creditor_address: plain_address(&p.creditor_address),
        remittance: plain_text(&p.remittance),
        ..p.clone()
    }
}

/// The batch with every text transliterated (typographic quotes, dashes, spaces made plain).
pub(super) fn plain(batch: &PayoutBatch) -> PayoutBatch {
    PayoutBatch {
        debtor_name: plain_text(&batch.debtor_name),
        debtor_address: batch.debtor_address.as_ref().map(plain_address),
        payouts: batch.payouts.iter().map(plain_payout).collect(),
        ..batch.clone()
    }
}

/// Checks payout number `n` on its own; returns its payment type and electronic IBAN.
pub(super) fn check_payout_at(n: usize, p: &Payout) -> Result<(PaymentType, String), Pain001Error> {
    check_id("EndToEndId", &p.end_to_end_id, 35)?;
    check_text(
        || format!("payout {n}: Cdtr/Nm"),
        &p.creditor_name,
        70,
        true,
    )?;
    check_address(&format!("payout {n}: Cdtr/PstlAdr"), &p.creditor_address)?;
    check_text(
        || format!("payout {n}: RmtInf/Ustrd"),
        &p.remittance,
        140,
        false,
    )?;
    if !(1..=99_999_999_999).contains(&p.amount_minor) {
        return Err(Pain001Error::InvalidAmount {
            index: n,
            minor: p.amount_minor,
        });
    }
    let iban = validate_iban(p.creditor_iban.trim()).map_err(|e| Pain001Error::InvalidIban {
        field: format!("payout {n}: CdtrAcct"),
        reason: e.to_string(),
    })?;
    Ok((payment_type(n, p, &iban)?, iban))
}

/// Payouts of one payment group: (index in the batch, electronic creditor IBAN).
pub(super) type GroupMembers = Vec<(usize, String)>;

/// A debtor account ready to be written: its electronic IBAN and its `FinInstnId` content.
pub(super) struct Account {
    pub currency: Currency,
    pub iban: String,
    pub agent: String,
}

/// One `PmtInf`: a payment type and currency, the account debited, the payouts.
pub(super) struct Group {
    pub payment_type: PaymentType,
    pub currency: Currency,
    pub account: usize,
    pub members: GroupMembers,
    pub sum: i64,
}

/// A batch that passed every check, sorted into its payment groups (file order kept).
pub(super) struct Plan {
    pub batch: PayoutBatch,
    pub accounts: Vec<Account>,
    pub groups: Vec<Group>,
    pub total: i64,
}

/// Checks a BIC (8 or 11 characters: bank, country, location, branch).
fn check_bic(bic: &str) -> Result<String, Pain001Error> {
    let b = bic.trim();
    let ok = (b.len() == 8 || b.len() == 11)
        && b.bytes().take(6).all(|c| c.is_ascii_uppercase())
        && b.bytes()
            .skip(6)
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if ok {
        Ok(b.to_owned())
    } else {
        Err(Pain001Error::InvalidBic(bic.to_owned()))
    }
}

/// Checks one debtor account: a valid IBAN, and a BIC or a Swiss IID for its bank.
fn check_account(a: &DebtorAccount) -> Result<Account, Pain001Error> {
    let iban = validate_iban(a.iban.trim()).map_err(|e| Pain001Error::InvalidIban {
        field: format!("DbtrAcct ({})", a.currency),
        reason: e.to_string(),
    })?;
    let agent = match &a.bic {
        Some(bic) => format!("<BICFI>{}</BICFI>", check_bic(bic)?),
        None if is_ch_or_li(&iban) => format!(
            "<ClrSysMmbId><ClrSysId><Cd>CHBCC</Cd></ClrSysId><MmbId>{}</MmbId></ClrSysMmbId>",
            iban.get(4..9).unwrap_or_default()
        ),
        None => return Err(Pain001Error::MissingDebtorAgent),
    };
    Ok(Account {
        currency: a.currency,
        iban,
        agent,
    })
}

/// Checks the whole batch (texts made plain first) and sorts its payouts into payment groups,
/// one per (payment type, currency), each debited from the account of its currency.
pub(super) fn plan(
    batch: &PayoutBatch,
    message_id: &str,
    created_at: &str,
) -> Result<Plan, Pain001Error> {
    let batch = plain(batch);
    check_id("MsgId", message_id, 33)?;
    check_date_time(created_at)?;
    check_text(|| "Dbtr/Nm".to_owned(), &batch.debtor_name, 70, true)?;
    if let Some(a) = &batch.debtor_address {
        check_address("Dbtr/PstlAdr", a)?;
    }
    let mut accounts: Vec<Account> = Vec::new();
    for a in &batch.debtor_accounts {
        if accounts.iter().any(|b| b.currency == a.currency) {
            return Err(Pain001Error::DuplicateDebtorAccount(a.currency));
        }
        accounts.push(check_account(a)?);
    }
    if batch.payouts.is_empty() {
        return Err(Pain001Error::Empty);
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut seen_ids: Vec<&str> = Vec::new();
    let mut total: i64 = 0;
    for (i, p) in batch.payouts.iter().enumerate() {
        let n = i + 1;
        if seen_ids.contains(&p.end_to_end_id.as_str()) {
            return Err(Pain001Error::DuplicateEndToEndId {
                index: n,
                id: p.end_to_end_id.clone(),
            });
        }
        seen_ids.push(&p.end_to_end_id);
        let (payment_type, iban) = check_payout_at(n, p)?;
        let account = accounts
            .iter()
            .position(|a| a.currency == p.currency)
            .ok_or(Pain001Error::NoDebtorAccount {
                index: n,
                currency: p.currency,
            })?;
        total = total
            .checked_add(p.amount_minor)
            .ok_or(Pain001Error::Overflow)?;
        let found = groups
            .iter_mut()
            .find(|g| g.payment_type == payment_type && g.currency == p.currency);
        match found {
            Some(g) => {
                g.sum = g
                    .sum
                    .checked_add(p.amount_minor)
                    .ok_or(Pain001Error::Overflow)?;
                g.members.push((i, iban));
            }
            None => groups.push(Group {
                payment_type,
                currency: p.currency,
                account,
                members: vec![(i, iban)],
                sum: p.amount_minor,
            }),
        }
    }
    Ok(Plan {
        batch,
        accounts,
        groups,
        total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creation_times_in_iso_8601_only() {
        for ok in [
            "2026-01-15T10:30:00",
            "2026-01-15T10:30:00+01:00",
            "2026-01-15T10:30:00.123Z",
        ] {
            assert_eq!(check_date_time(ok), Ok(()), "{ok}");
        }
        for bad in [
            "2026-01-15",
            "2026-01-15 10:30:00",
            "2026-01-15T25:00:00",
            "2026-01-15T10:30:00+1",
            "x",
        ] {
            assert!(check_date_time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn identifiers_follow_the_swift_set() {
        assert_eq!(check_id("MsgId", "PAYOUT-20260115-0001", 35), Ok(()));
        for bad in ["", "/PAYOUT", "A//B", "PAYOUT_1", "Zürich", &"X".repeat(36)] {
            assert!(check_id("MsgId", bad, 35).is_err(), "{bad}");
        }
    }
}
