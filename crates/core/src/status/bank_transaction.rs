//! The status of a bank transaction: a payment read from a camt file and what became of it.
//!
//! Only `Exception` is ever placed by hand; the money of a bank transaction is credited at most
//! once (`Credited` by the importer or `Assigned` by an operator, both final). A collective entry
//! whose details come in a camt.054 is never booked itself: it waits (`AwaitingDetails`) and ends
//! `ReplacedByDetails`; an entry that cannot be booked (0.00, over the bound) is `SetAside`.

/// Where a bank transaction stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BankTransactionStatus {
    /// Credited by the importer (an invoice paid or a prepaid account credited).
    Credited,
    /// Could not be placed automatically: waits for an operator.
    Exception,
    /// Placed by an operator on an Organization's prepaid account.
    Assigned,
    /// Money out, a reversal or not booked yet: recorded, nothing credited.
    Ignored,
    /// The bank's debit of one of our payouts.
    Payout,
    /// A collective credit whose details are announced in a camt.054 not imported yet.
    AwaitingDetails,
    /// A collective credit whose camt.054 details were imported: they are what is booked.
    ReplacedByDetails,
    /// Cannot be booked (0.00, or over the maximum amount): recorded with its reason.
    SetAside,
}

use BankTransactionStatus as S;

impl BankTransactionStatus {
    /// Every status, for tests and the store's CHECK.
    pub const ALL: [BankTransactionStatus; 8] = [
        S::Credited,
        S::Exception,
        S::Assigned,
        S::Ignored,
        S::Payout,
        S::AwaitingDetails,
        S::ReplacedByDetails,
        S::SetAside,
    ];

    /// The stored text.
    pub fn as_str(self) -> &'static str {
        match self {
            S::Credited => "credited",
            S::Exception => "exception",
            S::Assigned => "assigned",
            S::Ignored => "ignored",
            S::Payout => "payout",
            S::AwaitingDetails => "awaiting_details",
            S::ReplacedByDetails => "replaced_by_details",
            S::SetAside => "set_aside",
        }
    }

    /// The status of a stored text.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Can an operator place it on a prepaid account? Only an exception: anything credited,
    /// replaced by its details or set aside never moves money again.
    pub fn is_placeable(self) -> bool {
        self == S::Exception
    }

    /// Has its money been credited to a customer (so it is never credited again)?
    pub fn is_credited(self) -> bool {
        matches!(self, S::Credited | S::Assigned)
    }

    /// Is this the last word on it?
    pub fn is_final(self) -> bool {
        !matches!(self, S::Exception | S::AwaitingDetails)
    }

    /// The transitions the store makes (each a compare-and-set on the status).
    pub fn can_become(self, to: Self) -> bool {
        matches!(
            (self, to),
            (S::Exception, S::Assigned | S::ReplacedByDetails)
                | (S::AwaitingDetails, S::ReplacedByDetails)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_round_trip_and_are_distinct() {
        for s in BankTransactionStatus::ALL {
            assert_eq!(BankTransactionStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(BankTransactionStatus::parse("paid"), None);
        assert_eq!(BankTransactionStatus::parse(""), None);
    }

    #[test]
    fn only_exceptions_are_placed_and_credited_money_never_moves_again() {
        let table = [
            // status, placeable, credited, final
            (S::Credited, false, true, true),
            (S::Exception, true, false, false),
            (S::Assigned, false, true, true),
            (S::Ignored, false, false, true),
            (S::Payout, false, false, true),
            (S::AwaitingDetails, false, false, false),
            (S::ReplacedByDetails, false, false, true),
            (S::SetAside, false, false, true),
        ];
        for (s, placeable, credited, fin) in table {
            assert_eq!(s.is_placeable(), placeable, "{s:?}");
            assert_eq!(s.is_credited(), credited, "{s:?}");
            assert_eq!(s.is_final(), fin, "{s:?}");
        }
    }

    #[test]
    fn transitions_leave_only_open_statuses_and_never_reach_a_second_credit() {
        for from in BankTransactionStatus::ALL {
            for to in BankTransactionStatus::ALL {
                if from.can_become(to) {
                    assert!(!from.is_final(), "{from:?} is final");
                    assert!(!from.is_credited(), "{from:?} -> {to:?}");
                }
            }
        }
        assert!(S::Exception.can_become(S::Assigned));
        assert!(S::AwaitingDetails.can_become(S::ReplacedByDetails));
        assert!(!S::AwaitingDetails.can_become(S::Assigned));
        assert!(!S::ReplacedByDetails.can_become(S::Assigned));
        assert!(!S::Credited.can_become(S::Assigned));
        assert!(!S::SetAside.can_become(S::Assigned));
    }
}
