//! The status of a payment request (a QR-bill for a top-up or an invoice, PP-02).

/// Where a payment request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PaymentRequestStatus {
    /// Waiting for the bank payment.
    Open,
    /// Paid by a bank payment carrying its reference (once).
    Paid,
    /// Withdrawn; a payment carrying its reference goes to the operator's queue.
    Cancelled,
}

use PaymentRequestStatus as S;

impl PaymentRequestStatus {
    pub const ALL: [PaymentRequestStatus; 3] = [S::Open, S::Paid, S::Cancelled];

    /// The stored text.
    pub fn as_str(self) -> &'static str {
        match self {
            S::Open => "open",
            S::Paid => "paid",
            S::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Does a payment with its reference still pay it?
    pub fn is_open(self) -> bool {
        self == S::Open
    }

    /// The transitions the store makes (compare-and-set). Nothing cancels a request yet: the
    /// stored value exists for the operator's manual clean-up.
    pub fn can_become(self, to: Self) -> bool {
        matches!((self, to), (S::Open, S::Paid))
    }
}

super::as_text!(PaymentRequestStatus);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_paid_once_and_only_while_open() {
        for s in PaymentRequestStatus::ALL {
            assert_eq!(PaymentRequestStatus::parse(s.as_str()), Some(s));
            assert_eq!(s.can_become(S::Paid), s.is_open(), "{s:?}");
        }
    }
}
