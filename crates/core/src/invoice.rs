//! Invoice arithmetic and numbering (SPEC §5, INV-02): lines in minor units, VAT per line rounded
//! half-up, and Σ lines = total, always. Numbers are `YYYY-NNNNNNN` per issuer, gap-free.

use crate::money::Currency;
use crate::vat::{VatTreatment, vat_on};

/// A line as priced: quantity × unit price, excluding VAT.
/// What an invoice bills: a new product's first term, or a running product's next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InvoiceKind {
    Order,
    Renewal,
}

impl InvoiceKind {
    pub const ALL: [InvoiceKind; 2] = [InvoiceKind::Order, InvoiceKind::Renewal];

    /// The stored text.
    pub fn as_str(self) -> &'static str {
        match self {
            InvoiceKind::Order => "order",
            InvoiceKind::Renewal => "renewal",
        }
    }

    pub fn parse(s: &str) -> Option<InvoiceKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl std::fmt::Display for InvoiceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for InvoiceKind {
    fn serialize<Z: serde::Serializer>(&self, s: Z) -> Result<Z::Ok, Z::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineInput {
    pub description: String,
    pub quantity: i64,
    pub unit_net: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub description: String,
    pub quantity: i64,
    pub unit_net: i64,
    pub net: i64,
    pub vat: i64,
    pub gross: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Totals {
    pub currency: Currency,
    pub lines: Vec<Line>,
    pub net: i64,
    pub vat: i64,
    pub gross: i64,
    pub rate_bp: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvoiceError {
    #[error("an invoice needs at least one line")]
    Empty,
    #[error("quantities must be positive")]
    Quantity,
    #[error("amounts out of range")]
    Overflow,
}

/// Prices the lines: each line's VAT is rounded on its own, and the totals are the sums of the lines.
pub fn price(
    currency: Currency,
    treatment: VatTreatment,
    lines: &[LineInput],
) -> Result<Totals, InvoiceError> {
    if lines.is_empty() {
        return Err(InvoiceError::Empty);
    }
    let rate = treatment.rate_bp();
    let mut out = Vec::with_capacity(lines.len());
    let (mut net, mut vat) = (0i64, 0i64);
    for l in lines {
        if l.quantity <= 0 {
            return Err(InvoiceError::Quantity);
        }
        let line_net = l
            .unit_net
            .checked_mul(l.quantity)
            .ok_or(InvoiceError::Overflow)?;
        let line_vat = vat_on(line_net, rate).ok_or(InvoiceError::Overflow)?;
        let gross = line_net
            .checked_add(line_vat)
            .ok_or(InvoiceError::Overflow)?;
        net = net.checked_add(line_net).ok_or(InvoiceError::Overflow)?;
        vat = vat.checked_add(line_vat).ok_or(InvoiceError::Overflow)?;
        out.push(Line {
            description: l.description.clone(),
            quantity: l.quantity,
            unit_net: l.unit_net,
            net: line_net,
            vat: line_vat,
            gross,
        });
    }
    let gross = net.checked_add(vat).ok_or(InvoiceError::Overflow)?;
    Ok(Totals {
        currency,
        lines: out,
        net,
        vat,
        gross,
        rate_bp: rate,
    })
}

/// `2026-0000042`: the year and the issuer's sequence number for that year.
pub fn number(year: i32, seq: i64) -> String {
    format!("{year}-{seq:07}")
}

/// The invoice numbers (`2026-0000042`, see [`number`]) a payer wrote in a free text, whole
/// words only, first seen first (`CN-2026-0000007` is a credit note's, not an invoice's).
pub fn numbers_in_text(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
        let b = word.as_bytes();
        let shape =
            b.len() == 12 && b[4] == b'-' && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit);
        if shape && !found.iter().any(|f| f == word) {
            found.push(word.to_owned());
        }
    }
    found
}

/// `CN-2026-0000007`: a credit note's number, in its own series next to the invoices'.
pub fn credit_note_number(year: i32, seq: i64) -> String {
    format!("CN-{}", number(year, seq))
}

/// Why a refund cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefundError {
    /// Zero or negative.
    NotPositive,
    /// More than what is left to refund on the invoice.
    MoreThanLeft,
}

/// Splits a refund of `amount` (VAT included) of an invoice of `net` + `vat` = `gross`, of which
/// `refunded` (and `vat_refunded` of its VAT) went back already, into (net, VAT): the invoice's VAT
/// share, rounded half up, and exactly the VAT left when the refund takes what is left, so that the
/// credit notes of an invoice add up to the invoice, centime for centime.
pub fn refund_split(
    gross: i64,
    vat: i64,
    refunded: i64,
    vat_refunded: i64,
    amount: i64,
) -> Result<(i64, i64), RefundError> {
    if amount <= 0 {
        return Err(RefundError::NotPositive);
    }
    let left = gross - refunded;
    if amount > left {
        return Err(RefundError::MoreThanLeft);
    }
    let vat_left = vat - vat_refunded;
    let share = if amount == left || gross == 0 {
        vat_left
    } else {
        let v = (amount as i128 * vat as i128 * 2 + gross as i128) / (gross as i128 * 2);
        (v as i64).min(vat_left).min(amount)
    };
    Ok((amount - share, share))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn refunds_split_like_the_invoice() {
        // CHF 149.18 = 138.00 + 11.18 VAT (8.1 %).
        assert_eq!(
            refund_split(14_918, 1_118, 0, 0, 14_918),
            Ok((13_800, 1_118))
        );
        assert_eq!(refund_split(14_918, 1_118, 0, 0, 5_000), Ok((4_625, 375)));
        assert_eq!(
            refund_split(14_918, 1_118, 5_000, 375, 9_918),
            Ok((9_175, 743))
        );
        assert_eq!(
            refund_split(14_918, 1_118, 5_000, 375, 9_919),
            Err(RefundError::MoreThanLeft)
        );
        assert_eq!(
            refund_split(14_918, 1_118, 0, 0, 0),
            Err(RefundError::NotPositive)
        );
        // Reverse charge: no VAT to give back.
        assert_eq!(refund_split(10_000, 0, 0, 0, 2_500), Ok((2_500, 0)));
    }

    proptest! {
        /// Any sequence of partial refunds adds up to the invoice exactly, never past it.
        #[test]
        fn refunds_add_up_to_the_invoice(net in 1i64..10_000_000, rate in 0i64..2_000, cuts in proptest::collection::vec(1i64..1_000_000, 1..8)) {
            let vat = net * rate / 10_000;
            let gross = net + vat;
            let (mut refunded, mut vat_refunded) = (0, 0);
            for c in cuts {
                let amount = c.min(gross - refunded);
                if amount == 0 { break; }
                let (n, v) = refund_split(gross, vat, refunded, vat_refunded, amount).unwrap();
                prop_assert!(n >= 0 && v >= 0 && n + v == amount);
                refunded += amount;
                vat_refunded += v;
                prop_assert!(vat_refunded <= vat && refunded - vat_refunded <= net);
            }
            if refunded < gross {
                let (n, v) = refund_split(gross, vat, refunded, vat_refunded, gross - refunded).unwrap();
                prop_assert_eq!((refunded - vat_refunded + n, vat_refunded + v), (net, vat));
            }
        }
    }

    #[test]
    fn a_swiss_invoice() {
        let lines = [
            LineInput {
                description: "Hébergement Web, 12 mois".into(),
                quantity: 1,
                unit_net: 13_800,
            },
            LineInput {
                description: "Nom de domaine .ch".into(),
                quantity: 2,
                unit_net: 1_850,
            },
        ];
        let t = price(Currency::Chf, VatTreatment::Swiss(810), &lines).unwrap();
        assert_eq!((t.lines[0].vat, t.lines[1].vat), (1_118, 300));
        assert_eq!((t.net, t.vat, t.gross), (17_500, 1_418, 18_918));
        assert_eq!(number(2026, 42), "2026-0000042");
        assert_eq!(
            price(Currency::Chf, VatTreatment::Exempt, &[]),
            Err(InvoiceError::Empty)
        );
    }

    proptest! {
        #[test]
        fn the_sum_of_the_lines_is_the_total(lines in proptest::collection::vec((1i64..20, 0i64..10_000_000), 1..30), rate in 0u32..3000) {
            let input: Vec<LineInput> = lines.iter().map(|(q, p)| LineInput { description: "x".into(), quantity: *q, unit_net: *p }).collect();
            let t = price(Currency::Eur, VatTreatment::EuDestination(rate), &input).unwrap();
            prop_assert_eq!(t.lines.iter().map(|l| l.gross).sum::<i64>(), t.gross);
            prop_assert_eq!(t.lines.iter().map(|l| l.net).sum::<i64>(), t.net);
            prop_assert_eq!(t.lines.iter().map(|l| l.vat).sum::<i64>(), t.vat);
            prop_assert_eq!(t.net + t.vat, t.gross);
            for l in &t.lines {
                // Half-up: the VAT of a line is within half a centime of the exact value.
                let exact = l.net as i128 * rate as i128;
                prop_assert!((l.vat as i128 * 10_000 - exact).abs() <= 5_000);
            }
        }
    }

    #[test]
    fn invoice_numbers_are_found_in_a_payers_message() {
        assert_eq!(
            numbers_in_text("Rechnung 2026-0000042 <Dauerauftrag>, again 2026-0000042."),
            vec!["2026-0000042".to_owned()]
        );
        assert!(
            numbers_in_text("CN-2026-0000007 2026-00000420 12026-0000042 2026-000004").is_empty()
        );
    }
}
