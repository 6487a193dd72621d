//! REM-02/03: what a bank payment does to the invoice its reference (or its message) names. Pure:
//! the importer reads the invoice and the payment, this decides, the importer books.

use crate::Money;
use crate::status::InvoiceStatus;

/// What a bank payment for an invoice does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvoicePayment {
    /// REM-02: the exact amount in the invoice's currency, the invoice still open: it is paid.
    Pays,
    /// REM-03: the money goes to the Organization's prepaid balance in the currency received and the
    /// invoice stays as it is; the customer is told why.
    Credits(Mismatch),
}

/// Why a payment for an invoice did not pay it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// Another currency never pays an invoice, whatever the figure.
    OtherCurrency,
    /// Paid, cancelled or refunded already.
    NotOpen,
    /// Less or more than the invoice's total.
    AmountDiffers,
}

/// REM-02/03: what `paid` does to an invoice of `gross` in `status`.
pub fn invoice_payment(gross: Money, status: InvoiceStatus, paid: Money) -> InvoicePayment {
    if paid.currency != gross.currency {
        InvoicePayment::Credits(Mismatch::OtherCurrency)
    } else if !status.is_payable() {
        InvoicePayment::Credits(Mismatch::NotOpen)
    } else if paid.minor != gross.minor {
        InvoicePayment::Credits(Mismatch::AmountDiffers)
    } else {
        InvoicePayment::Pays
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency::{Chf, Eur};
    use InvoiceStatus::*;

    #[test]
    fn rem02_exact_open_pays_rem03_everything_else_credits() {
        let chf = |m| Money::new(m, Chf);
        let eur = |m| Money::new(m, Eur);
        for (gross, status, paid, expected) in [
            (chf(10_810), Unpaid, chf(10_810), InvoicePayment::Pays),
            (chf(10_810), Overdue, chf(10_810), InvoicePayment::Pays),
            (
                chf(10_810),
                Unpaid,
                chf(10_000),
                InvoicePayment::Credits(Mismatch::AmountDiffers),
            ),
            (
                chf(10_810),
                Unpaid,
                chf(20_000),
                InvoicePayment::Credits(Mismatch::AmountDiffers),
            ),
            (
                chf(10_810),
                Paid,
                chf(10_810),
                InvoicePayment::Credits(Mismatch::NotOpen),
            ),
            (
                chf(10_810),
                Cancelled,
                chf(10_810),
                InvoicePayment::Credits(Mismatch::NotOpen),
            ),
            (
                chf(10_810),
                Refunded,
                chf(10_810),
                InvoicePayment::Credits(Mismatch::NotOpen),
            ),
            // The same figure in euros is not the invoice's amount.
            (
                chf(10_810),
                Unpaid,
                eur(10_810),
                InvoicePayment::Credits(Mismatch::OtherCurrency),
            ),
            (
                eur(5_000),
                Paid,
                chf(5_000),
                InvoicePayment::Credits(Mismatch::OtherCurrency),
            ),
        ] {
            assert_eq!(
                invoice_payment(gross, status, paid),
                expected,
                "{gross} {status:?} {paid}"
            );
        }
    }
}
