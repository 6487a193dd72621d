//! The state of a product: its enum and lifecycle rules are in [`crate::product`]; this module
//! adds the transitions the store makes.

pub use crate::product::ProductState;
use ProductState as S;

impl ProductState {
    /// The stored text (the same as [`ProductState::code`]).
    pub fn as_str(self) -> &'static str {
        self.code()
    }

    /// The transitions the store makes (compare-and-set): activation when first paid, the
    /// billing run's expiry, blocking and termination (steps may be skipped after an outage), a
    /// renewal paid late, and cancellation (a pending order at once; a running product when the
    /// end of its term arrives, or when a higher support tier replaces it).
    pub fn can_become(self, to: Self) -> bool {
        matches!(
            (self, to),
            (S::Pending, S::Active | S::Cancelled)
                | (
                    S::Active,
                    S::Expired | S::Blocked | S::Terminated | S::Cancelled
                )
                | (
                    S::Expired,
                    S::Blocked | S::Terminated | S::Active | S::Cancelled
                )
                | (S::Blocked, S::Terminated | S::Active | S::Cancelled)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::product::{Grace, state_on};

    #[test]
    fn every_state_the_billing_run_computes_is_a_transition() {
        use crate::period::Date;
        let exp = Date::parse_iso("2026-03-01").unwrap();
        for from in ProductState::ALL {
            for day in ["2026-02-01", "2026-03-05", "2026-03-20", "2026-05-01"] {
                let to = state_on(
                    from,
                    Some(exp),
                    Date::parse_iso(day).unwrap(),
                    Grace::default(),
                );
                // Forward along active → expired → blocked → terminated, every step (skips
                // included) is a transition; a step back (blocked → expired after a date moved)
                // is not, and the billing run leaves such a product as it is.
                let rank = |s: ProductState| ProductState::ALL.iter().position(|x| *x == s);
                if from != S::Pending && from != S::Cancelled && rank(to) > rank(from) {
                    assert!(from.can_become(to), "{from:?} -> {to:?} on {day}");
                }
            }
        }
        assert!(!S::Terminated.can_become(S::Active));
        assert!(!S::Cancelled.can_become(S::Active));
    }
}
