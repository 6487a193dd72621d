//! Writer for ISO 20022 `pain.001.001.09` payout files (Swiss Payment Standards).
//!
//! One file holds a batch of payouts from one debtor account. Payouts are grouped into one
//! `PmtInf` per (payment type, currency): SPS type D (creditor IBAN in CH/LI, CHF or EUR) and
//! type S (SEPA: EUR to an IBAN of another SEPA country, `SvcLvl/Cd = SEPA`, `ChrgBr = SLEV`).
//! Other cross-border payouts (type X, which needs the creditor's BIC) are refused. The message
//! id and creation time are arguments: this crate never reads the clock.

use crate::charset;
use crate::date::Date;
use crate::money::{Currency, format_minor};
use crate::references::{is_ch_or_li, validate_iban};
use std::fmt::Write as _;

/// XML namespace of `pain.001.001.09`.
pub const NAMESPACE: &str = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

/// Countries of the SEPA scheme (ISO 3166-1 alpha-2), Switzerland and Liechtenstein included.
const SEPA_COUNTRIES: [&str; 41] = [
    "AD", "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GI", "GR",
    "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MT", "NL", "NO", "PL", "PT", "RO",
    "SE", "SI", "SK", "SM", "VA", "GG", "JE", "IM", "PM",
];

/// A structured postal address (SPS: at least town and country).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostalAddress {
    /// Street name, ≤ 70 characters, may be empty.
    pub street: String,
    /// Building number, ≤ 16 characters, may be empty.
    pub building_number: String,
    /// Postal code, ≤ 16 characters, may be empty.
    pub postal_code: String,
    /// Town, 1–35 characters.
    pub town: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
}

/// One refund to a customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payout {
    /// Our payout id, returned by the bank in camt/pain.002 (`EndToEndId`, also `InstrId`).
    pub end_to_end_id: String,
    /// Creditor (account holder) name, 1–70 characters.
    pub creditor_name: String,
    /// Creditor address.
    pub creditor_address: PostalAddress,
    /// Creditor IBAN (electronic or print format).
    pub creditor_iban: String,
    /// Amount in minor units, > 0.
    pub amount_minor: i64,
    /// Currency of the payout.
    pub currency: Currency,
    /// Unstructured remittance text for the creditor, ≤ 140 characters (empty: none).
    pub remittance: String,
}

/// A batch of payouts from one debtor account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayoutBatch {
    /// Our company name (initiating party and debtor), 1–70 characters.
    pub debtor_name: String,
    /// Our company address (recommended by SPS).
    pub debtor_address: Option<PostalAddress>,
    /// Account debited (IBAN).
    pub debtor_iban: String,
    /// BIC of our bank; when absent the IID of a CH/LI debtor IBAN is used (`CHBCC`).
    pub debtor_bic: Option<String>,
    /// Requested execution date.
    pub execution_date: Date,
    /// `true`: one debit per payment group; `false`: one debit per payout.
    pub batch_booking: bool,
    /// The payouts, at least one.
    pub payouts: Vec<Payout>,
}

/// Why a payout file could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Pain001Error {
    /// The batch has no payout.
    #[error("the batch has no payout")]
    Empty,
    /// An identifier is empty, too long or outside the SWIFT character set.
    #[error("{field}: invalid identifier {value:?}: {reason}")]
    InvalidId {
        /// Which identifier.
        field: &'static str,
        /// Value given.
        value: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// The creation time is not an ISO 8601 date-time.
    #[error(
        "creation time {0:?} is not an ISO 8601 date-time (YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm])"
    )]
    InvalidCreationTime(String),
    /// A text is empty where mandatory, too long, or has a character outside the SPS set.
    #[error("{field}: {reason}")]
    InvalidText {
        /// Which element (payout number included).
        field: String,
        /// What is wrong.
        reason: String,
    },
    /// An IBAN is not valid.
    #[error("{field}: {reason}")]
    InvalidIban {
        /// Which account (payout number included).
        field: String,
        /// What the IBAN check said.
        reason: String,
    },
    /// The debtor BIC is not 8 or 11 characters of the BIC format.
    #[error("debtor BIC {0:?} is not a valid BIC")]
    InvalidBic(String),
    /// No BIC was given and the debtor IBAN is not Swiss, so there is no IID to use.
    #[error("debtor BIC is required for a non-Swiss debtor account")]
    MissingDebtorAgent,
    /// An amount is not positive or too large.
    #[error(
        "payout {index}: amount must be between 0.01 and 999999999.99, got {minor} minor units"
    )]
    InvalidAmount {
        /// 1-based payout number.
        index: usize,
        /// Amount given.
        minor: i64,
    },
    /// The payout is neither SPS type D nor SEPA (type S).
    #[error("payout {index}: {reason}")]
    UnsupportedPayment {
        /// 1-based payout number.
        index: usize,
        /// Why.
        reason: String,
    },
    /// Two payouts share an end-to-end id, so the bank's answers could not be matched.
    #[error("payout {index}: end-to-end id {id:?} is used twice")]
    DuplicateEndToEndId {
        /// 1-based payout number of the second use.
        index: usize,
        /// The id.
        id: String,
    },
    /// The control sum overflows.
    #[error("sum of amounts overflows")]
    Overflow,
}

/// Payouts of one payment group: (index in the batch, electronic creditor IBAN).
type GroupMembers = Vec<(usize, String)>;

/// SPS payment type of a payout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PaymentType {
    /// Domestic (CH/LI creditor IBAN).
    D,
    /// SEPA.
    S,
}

/// Escapes XML text.
fn esc(s: &str) -> String {
    quick_xml::escape::escape(s.trim()).into_owned()
}

/// Checks an identifier: 1–`max` characters of the SWIFT set, no leading `/`, no `//`.
fn check_id(field: &'static str, value: &str, max: usize) -> Result<(), Pain001Error> {
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
fn check_text(
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
fn check_address(prefix: &str, a: &PostalAddress) -> Result<(), Pain001Error> {
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
fn check_date_time(s: &str) -> Result<(), Pain001Error> {
    let err = || Pain001Error::InvalidCreationTime(s.to_owned());
    let (date, time) = s.split_once('T').ok_or_else(err)?;
    if date.len() != 10 {
        return Err(err());
    }
    Date::parse(date).map_err(|_| err())?;
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

/// Writes a `PstlAdr` element.
fn write_address(out: &mut String, indent: &str, a: &PostalAddress) {
    let _ = writeln!(out, "{indent}<PstlAdr>");
    for (tag, v) in [
        ("StrtNm", &a.street),
        ("BldgNb", &a.building_number),
        ("PstCd", &a.postal_code),
        ("TwnNm", &a.town),
        ("Ctry", &a.country),
    ] {
        if !v.trim().is_empty() {
            let _ = writeln!(out, "{indent}  <{tag}>{}</{tag}>", esc(v));
        }
    }
    let _ = writeln!(out, "{indent}</PstlAdr>");
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

fn plain_payout(p: &Payout) -> Payout {
    Payout {
        creditor_name: plain_text(&p.creditor_name),
        creditor_address: plain_address(&p.creditor_address),
        remittance: plain_text(&p.remittance),
        ..p.clone()
    }
}

/// The batch with every text transliterated (typographic quotes, dashes, spaces made plain).
fn plain(batch: &PayoutBatch) -> PayoutBatch {
    PayoutBatch {
        debtor_name: plain_text(&batch.debtor_name),
        debtor_address: batch.debtor_address.as_ref().map(plain_address),
        payouts: batch.payouts.iter().map(plain_payout).collect(),
        ..batch.clone()
    }
}

/// Checks payout number `n` on its own; returns its payment type and electronic IBAN.
fn check_payout_at(n: usize, p: &Payout) -> Result<(PaymentType, String), Pain001Error> {
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

/// Why this payout cannot go into a file, in words for an operator (`Cdtr/Nm: character '😀' is
/// not allowed`), or `None` when [`write`] accepts it. Texts are transliterated first, as
/// [`write`] does; a batch whose payouts all pass fails only on batch-level problems (debtor,
/// message id, duplicate end-to-end ids).
pub fn payout_problem(p: &Payout) -> Option<String> {
    let e = check_payout_at(1, &plain_payout(p)).err()?;
    let text = e.to_string();
    Some(text.strip_prefix("payout 1: ").unwrap_or(&text).to_owned())
}

/// Writes the `pain.001.001.09` XML for `batch`, with our `message_id` (≤ 33 characters of the
/// SWIFT set, unique for at least 90 days) and creation time `created_at` (ISO 8601). Texts are
/// transliterated to the SPS set first (’ → ', – → -, non-breaking space → space); a text that
/// still has a character outside the set is refused with the character named.
pub fn write(
    batch: &PayoutBatch,
    message_id: &str,
    created_at: &str,
) -> Result<String, Pain001Error> {
    let plain_batch = plain(batch);
    let batch = &plain_batch;
    check_id("MsgId", message_id, 33)?;
    check_date_time(created_at)?;
    check_text(|| "Dbtr/Nm".to_owned(), &batch.debtor_name, 70, true)?;
    if let Some(a) = &batch.debtor_address {
        check_address("Dbtr/PstlAdr", a)?;
    }
    let debtor_iban =
        validate_iban(batch.debtor_iban.trim()).map_err(|e| Pain001Error::InvalidIban {
            field: "DbtrAcct".into(),
            reason: e.to_string(),
        })?;
    let agent = match &batch.debtor_bic {
        Some(bic) => {
            let b = bic.trim();
            let ok = (b.len() == 8 || b.len() == 11)
                && b.bytes().take(6).all(|c| c.is_ascii_uppercase())
                && b.bytes()
                    .skip(6)
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            if !ok {
                return Err(Pain001Error::InvalidBic(bic.clone()));
            }
            format!("<BICFI>{b}</BICFI>")
        }
        None if is_ch_or_li(&debtor_iban) => format!(
            "<ClrSysMmbId><ClrSysId><Cd>CHBCC</Cd></ClrSysId><MmbId>{}</MmbId></ClrSysMmbId>",
            debtor_iban.get(4..9).unwrap_or_default()
        ),
        None => return Err(Pain001Error::MissingDebtorAgent),
    };
    if batch.payouts.is_empty() {
        return Err(Pain001Error::Empty);
    }

    // Validate every payout and sort it into its payment group, keeping file order.
    let mut groups: Vec<((PaymentType, Currency), GroupMembers)> = Vec::new();
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
        let (ptype, iban) = check_payout_at(n, p)?;
        total = total
            .checked_add(p.amount_minor)
            .ok_or(Pain001Error::Overflow)?;
        let key = (ptype, p.currency);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push((i, iban)),
            None => groups.push((key, vec![(i, iban)])),
        }
    }

    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        x,
        "<Document xmlns=\"{NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NAMESPACE} pain.001.001.09.ch.03.xsd\">"
    );
    x.push_str("  <CstmrCdtTrfInitn>\n    <GrpHdr>\n");
    let _ = writeln!(x, "      <MsgId>{}</MsgId>", esc(message_id));
    let _ = writeln!(x, "      <CreDtTm>{}</CreDtTm>", esc(created_at));
    let _ = writeln!(x, "      <NbOfTxs>{}</NbOfTxs>", batch.payouts.len());
    let _ = writeln!(x, "      <CtrlSum>{}</CtrlSum>", format_minor(total));
    let _ = writeln!(
        x,
        "      <InitgPty>\n        <Nm>{}</Nm>",
        esc(&batch.debtor_name)
    );
    let _ = writeln!(
        x,
        "        <CtctDtls>\n          <Othr><ChanlTp>NAME</ChanlTp><Id>Guichet</Id></Othr>\n          \
         <Othr><ChanlTp>VRSN</ChanlTp><Id>{}</Id></Othr>\n        </CtctDtls>",
        env!("CARGO_PKG_VERSION")
    );
    x.push_str("      </InitgPty>\n    </GrpHdr>\n");

    for (g, ((ptype, currency), members)) in groups.iter().enumerate() {
        let mut sum: i64 = 0;
        for (i, _) in members {
            sum = sum
                .checked_add(batch.payouts[*i].amount_minor)
                .ok_or(Pain001Error::Overflow)?;
        }
        x.push_str("    <PmtInf>\n");
        let _ = writeln!(
            x,
            "      <PmtInfId>{}-{}</PmtInfId>",
            esc(message_id),
            g + 1
        );
        x.push_str("      <PmtMtd>TRF</PmtMtd>\n");
        let _ = writeln!(x, "      <BtchBookg>{}</BtchBookg>", batch.batch_booking);
        let _ = writeln!(x, "      <NbOfTxs>{}</NbOfTxs>", members.len());
        let _ = writeln!(x, "      <CtrlSum>{}</CtrlSum>", format_minor(sum));
        if *ptype == PaymentType::S {
            x.push_str("      <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>\n");
        }
        let _ = writeln!(
            x,
            "      <ReqdExctnDt><Dt>{}</Dt></ReqdExctnDt>",
            batch.execution_date
        );
        let _ = writeln!(
            x,
            "      <Dbtr>\n        <Nm>{}</Nm>",
            esc(&batch.debtor_name)
        );
        if let Some(a) = &batch.debtor_address {
            write_address(&mut x, "        ", a);
        }
        x.push_str("      </Dbtr>\n");
        let _ = writeln!(
            x,
            "      <DbtrAcct><Id><IBAN>{debtor_iban}</IBAN></Id></DbtrAcct>"
        );
        let _ = writeln!(
            x,
            "      <DbtrAgt><FinInstnId>{agent}</FinInstnId></DbtrAgt>"
        );
        if *ptype == PaymentType::S {
            x.push_str("      <ChrgBr>SLEV</ChrgBr>\n");
        }
        for (i, iban) in members {
            let p = &batch.payouts[*i];
            x.push_str("      <CdtTrfTxInf>\n");
            let id = esc(&p.end_to_end_id);
            let _ = writeln!(
                x,
                "        <PmtId><InstrId>{id}</InstrId><EndToEndId>{id}</EndToEndId></PmtId>"
            );
            let _ = writeln!(
                x,
                "        <Amt><InstdAmt Ccy=\"{}\">{}</InstdAmt></Amt>",
                currency.code(),
                format_minor(p.amount_minor)
            );
            let _ = writeln!(
                x,
                "        <Cdtr>\n          <Nm>{}</Nm>",
                esc(&p.creditor_name)
            );
            write_address(&mut x, "          ", &p.creditor_address);
            x.push_str("        </Cdtr>\n");
            let _ = writeln!(
                x,
                "        <CdtrAcct><Id><IBAN>{iban}</IBAN></Id></CdtrAcct>"
            );
            if !p.remittance.trim().is_empty() {
                let _ = writeln!(
                    x,
                    "        <RmtInf><Ustrd>{}</Ustrd></RmtInf>",
                    esc(&p.remittance)
                );
            }
            x.push_str("      </CdtTrfTxInf>\n");
        }
        x.push_str("    </PmtInf>\n");
    }
    x.push_str("  </CstmrCdtTrfInitn>\n</Document>\n");
    Ok(x)
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
