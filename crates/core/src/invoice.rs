//! Invoice arithmetic and numbering (SPEC §5, INV-02): lines in minor units, VAT per line rounded
//! half-up, and Σ lines = total, always. Numbers are `YYYY-NNNNNNN` per issuer, gap-free.

use crate::money::Currency;
use crate::vat::{VatTreatment, vat_on};

/// A line as priced: quantity × unit price, excluding VAT.
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
}
