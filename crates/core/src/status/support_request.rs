//! The status of a support request (issue #16): open until an operator answers, answered or
//! waiting for the customer after an answer, closed by either side; a customer's reply opens it
//! again (a closed request too: a reply reopens it).

/// Where a support request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SupportRequestStatus {
    /// Waiting for an operator (new, or the customer wrote again).
    Open,
    /// An operator asked the customer something and waits for them.
    WaitingCustomer,
    /// An operator answered; nothing is expected from either side.
    Answered,
    /// Done; a reply from the customer reopens it.
    Closed,
}

use SupportRequestStatus as S;

impl SupportRequestStatus {
    pub const ALL: [SupportRequestStatus; 4] =
        [S::Open, S::WaitingCustomer, S::Answered, S::Closed];

    /// The stored text.
    pub fn as_str(self) -> &'static str {
        match self {
            S::Open => "open",
            S::WaitingCustomer => "waiting_customer",
            S::Answered => "answered",
            S::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The catalogue key naming it.
    pub fn key(self) -> &'static str {
        match self {
            S::Open => "ticket.status_open",
            S::WaitingCustomer => "ticket.status_waiting_customer",
            S::Answered => "ticket.status_answered",
            S::Closed => "ticket.status_closed",
        }
    }

    /// Does it wait for an operator (the inbox's "to do")?
    pub fn awaits_operator(self) -> bool {
        self == S::Open
    }

    pub fn is_closed(self) -> bool {
        self == S::Closed
    }

    /// What an operator's public reply makes of it: answered, or waiting for the customer when
    /// the operator asks something; `None` when it already is that.
    pub fn after_operator_reply(self, waits_for_customer: bool) -> Option<Self> {
        let to = if waits_for_customer {
            S::WaitingCustomer
        } else {
            S::Answered
        };
        (self != to && self.can_become(to)).then_some(to)
    }

    /// What a customer's reply makes of it: open again (`None` when it is open already).
    pub fn after_customer_reply(self) -> Option<Self> {
        (self != S::Open).then_some(S::Open)
    }

    /// The transitions the store makes (compare-and-set).
    pub fn can_become(self, to: Self) -> bool {
        matches!(
            (self, to),
            (S::Open | S::Answered, S::WaitingCustomer)
                | (S::Open | S::WaitingCustomer, S::Answered)
                | (S::WaitingCustomer | S::Answered | S::Closed, S::Open)
                | (S::Open | S::WaitingCustomer | S::Answered, S::Closed)
        )
    }
}

super::as_text!(SupportRequestStatus);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_reads_back_and_only_a_reply_or_a_reopening_leaves_closed() {
        for s in S::ALL {
            assert_eq!(S::parse(s.as_str()), Some(s));
            assert!(!s.can_become(s), "{s:?} → itself is no transition");
        }
        assert!(S::Closed.can_become(S::Open));
        assert!(!S::Closed.can_become(S::Answered));
        assert!(!S::Closed.can_become(S::WaitingCustomer));
    }

    #[test]
    fn replies_move_the_request_between_the_two_sides() {
        assert_eq!(S::Open.after_operator_reply(false), Some(S::Answered));
        assert_eq!(S::Open.after_operator_reply(true), Some(S::WaitingCustomer));
        assert_eq!(S::Answered.after_operator_reply(false), None);
        assert_eq!(
            S::WaitingCustomer.after_operator_reply(false),
            Some(S::Answered)
        );
        assert_eq!(
            S::Closed.after_operator_reply(false),
            None,
            "closed stays closed"
        );
        assert_eq!(S::Answered.after_customer_reply(), Some(S::Open));
        assert_eq!(S::Closed.after_customer_reply(), Some(S::Open), "reopened");
        assert_eq!(S::Open.after_customer_reply(), None);
        for s in S::ALL {
            for to in [
                s.after_customer_reply(),
                s.after_operator_reply(true),
                s.after_operator_reply(false),
            ]
            .into_iter()
            .flatten()
            {
                assert!(s.can_become(to), "{s:?} → {to:?}");
            }
        }
    }
}
