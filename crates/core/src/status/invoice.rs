//! The status of an invoice. An issued invoice never changes in amount: its status says whether it
//! is still due, settled, refunded (by credit notes) or cancelled.

/// Where an invoice stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InvoiceStatus {
    /// Issued, not paid, not yet due.
    Unpaid,
    /// A stored value of the schema that nothing sets: a short payment leaves the invoice `Unpaid`
    /// and its reminders ask for the rest (see `store::reminders::received_under_reference`).
    PartiallyPaid,
    /// Paid in full.
    Paid,
    /// Unpaid after its due date.
    Overdue,
    /// Paid, then refunded in full by credit notes.
    Refunded,
    /// Paid, then refunded in part by credit notes.
    PartiallyRefunded,
    /// Cancelled unpaid (it keeps its number).
    Cancelled,
}

use InvoiceStatus as S;

impl InvoiceStatus {
    /// Every status, in the order the invoice list's filter offers them.
    pub const ALL: [InvoiceStatus; 7] = [
        S::Unpaid,
        S::Paid,
        S::Overdue,
        S::PartiallyPaid,
        S::Refunded,
        S::PartiallyRefunded,
        S::Cancelled,
    ];

    /// The stored text.
    pub fn as_str(self) -> &'static str {
        match self {
            S::Unpaid => "unpaid",
            S::PartiallyPaid => "partially_paid",
            S::Paid => "paid",
            S::Overdue => "overdue",
            S::Refunded => "refunded",
            S::PartiallyRefunded => "partially_refunded",
            S::Cancelled => "cancelled",
        }
    }

    /// The status of a stored text.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Can it be paid in full now (checkout, the single-invoice pay route, a bank payment)?
    pub fn is_payable(self) -> bool {
        matches!(self, S::Unpaid | S::Overdue)
    }

    /// Is money still due on it (reminders, the count of invoices to pay, the QR-bill)?
    pub fn is_due(self) -> bool {
        matches!(self, S::Unpaid | S::Overdue | S::PartiallyPaid)
    }

    /// Was it paid (so a receipt, not a QR-bill, is its document)?
    pub fn is_settled(self) -> bool {
        matches!(self, S::Paid | S::Refunded | S::PartiallyRefunded)
    }

    /// Can a credit note still refund part of it?
    pub fn is_refundable(self) -> bool {
        matches!(self, S::Paid | S::PartiallyRefunded)
    }

    /// Can it be cancelled (with its product, or to be replaced)?
    pub fn is_cancellable(self) -> bool {
        matches!(self, S::Unpaid | S::Overdue)
    }

    /// The transitions the store makes, each a compare-and-set on the status. A second partial
    /// refund keeps `PartiallyRefunded`: its guard is the refunded amount, not the status.
    pub fn can_become(self, to: Self) -> bool {
        matches!(
            (self, to),
            (S::Unpaid, S::Overdue)
                | (S::Unpaid | S::Overdue, S::Paid | S::Cancelled)
                | (
                    S::Paid | S::PartiallyRefunded,
                    S::Refunded | S::PartiallyRefunded
                )
        )
    }
}

super::as_text!(InvoiceStatus);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_round_trip() {
        for s in InvoiceStatus::ALL {
            assert_eq!(InvoiceStatus::parse(s.as_str()), Some(s));
            assert_eq!(s.to_string(), s.as_str());
        }
        assert_eq!(InvoiceStatus::parse("Paid"), None);
    }

    #[test]
    fn rules() {
        // status, payable, due, settled, refundable, cancellable
        let table = [
            (S::Unpaid, true, true, false, false, true),
            (S::PartiallyPaid, false, true, false, false, false),
            (S::Paid, false, false, true, true, false),
            (S::Overdue, true, true, false, false, true),
            (S::Refunded, false, false, true, false, false),
            (S::PartiallyRefunded, false, false, true, true, false),
            (S::Cancelled, false, false, false, false, false),
        ];
        for (s, pay, due, set, refund, cancel) in table {
            assert_eq!(s.is_payable(), pay, "{s:?}");
            assert_eq!(s.is_due(), due, "{s:?}");
            assert_eq!(s.is_settled(), set, "{s:?}");
            assert_eq!(s.is_refundable(), refund, "{s:?}");
            assert_eq!(s.is_cancellable(), cancel, "{s:?}");
        }
    }

    #[test]
    fn a_paid_invoice_is_never_paid_or_cancelled_again() {
        for s in InvoiceStatus::ALL {
            assert_eq!(s.can_become(S::Paid), s.is_payable(), "{s:?}");
            assert_eq!(s.can_become(S::Cancelled), s.is_cancellable(), "{s:?}");
            if s.can_become(S::Refunded) {
                assert!(s.is_refundable());
            }
        }
        assert!(!S::Cancelled.can_become(S::Paid));
        assert!(!S::Refunded.can_become(S::PartiallyRefunded));
    }
}
