//! The status of a card charge (issue #13): recorded `Pending` before the provider is called, then
//! settled once by whoever learns the provider's answer first — the request itself, a webhook, or
//! the reconciler that asks the provider about charges a crash left pending.

/// Where a card charge stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChargeStatus {
    /// Recorded; the provider is being (or was) asked; its answer is not booked yet.
    Pending,
    /// The provider took the money; the ledger has it.
    Succeeded,
    /// The card (or the bank behind it) refused; nothing moved.
    Declined,
    /// The provider failed (an error, not a refusal); nothing moved.
    Failed,
    /// Never confirmed at the provider (interrupted before, or cancelled there); nothing moved.
    Released,
}

use ChargeStatus as S;

impl ChargeStatus {
    pub const ALL: [ChargeStatus; 5] = [
        S::Pending,
        S::Succeeded,
        S::Declined,
        S::Failed,
        S::Released,
    ];

    /// The stored text.
    pub fn as_str(self) -> &'static str {
        match self {
            S::Pending => "pending",
            S::Succeeded => "succeeded",
            S::Declined => "declined",
            S::Failed => "failed",
            S::Released => "released",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Is its outcome still unknown?
    pub fn is_pending(self) -> bool {
        self == S::Pending
    }

    /// A charge is settled once: from pending to one outcome, never back, never from one outcome
    /// to another (a late or out-of-order event cannot move it).
    pub fn can_become(self, to: Self) -> bool {
        self == S::Pending && to != S::Pending
    }
}

super::as_text!(ChargeStatus);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_charge_is_settled_once_and_never_moves_back() {
        for s in ChargeStatus::ALL {
            assert_eq!(ChargeStatus::parse(s.as_str()), Some(s));
            for to in ChargeStatus::ALL {
                assert_eq!(
                    s.can_become(to),
                    s == S::Pending && to != S::Pending,
                    "{s:?} -> {to:?}"
                );
            }
        }
        assert!(!S::Succeeded.can_become(S::Declined));
        assert!(!S::Declined.can_become(S::Succeeded));
    }
}
