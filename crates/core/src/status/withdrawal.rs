//! The status of a withdrawal from the prepaid account (PP-04): requested by the customer,
//! decided by an operator, sent in a payout file, confirmed by the bank's debit.

/// Where a withdrawal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WithdrawalStatus {
    /// Asked for; the amount is held on the withdrawal-hold account.
    Requested,
    /// Approved by an operator; waits for the next payout file.
    Approved,
    /// Refused (or withdrawn by an operator after approval); the hold went back to the balance.
    Rejected,
    /// Written in a payout file sent to the bank.
    InTransit,
    /// The bank's statement shows the debit.
    Paid,
}

use WithdrawalStatus as S;

impl WithdrawalStatus {
    pub const ALL: [WithdrawalStatus; 5] = [
        S::Requested,
        S::Approved,
        S::Rejected,
        S::InTransit,
        S::Paid,
    ];

    /// The stored text.
    pub fn as_str(self) -> &'static str {
        match self {
            S::Requested => "requested",
            S::Approved => "approved",
            S::Rejected => "rejected",
            S::InTransit => "in_transit",
            S::Paid => "paid",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Does it wait for an operator's decision?
    pub fn awaits_decision(self) -> bool {
        self == S::Requested
    }

    /// Is its amount still held (not back on the balance, not gone to the bank)?
    pub fn is_held(self) -> bool {
        matches!(self, S::Requested | S::Approved)
    }

    /// The transitions the store makes (compare-and-set). An approved withdrawal that cannot be
    /// exported can still be rejected, which releases its hold.
    pub fn can_become(self, to: Self) -> bool {
        matches!(
            (self, to),
            (S::Requested, S::Approved)
                | (S::Requested | S::Approved, S::Rejected)
                | (S::Approved, S::InTransit)
                | (S::InTransit, S::Paid)
        )
    }
}

super::as_text!(WithdrawalStatus);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_leaves_once_and_only_from_a_held_withdrawal() {
        for s in WithdrawalStatus::ALL {
            assert_eq!(WithdrawalStatus::parse(s.as_str()), Some(s));
            for to in WithdrawalStatus::ALL {
                if s.can_become(to) && to != S::Paid {
                    assert!(s.is_held(), "{s:?} -> {to:?}");
                }
            }
        }
        assert!(!S::InTransit.can_become(S::Rejected));
        assert!(!S::Paid.can_become(S::InTransit));
        assert!(!S::Rejected.can_become(S::Approved));
    }
}
