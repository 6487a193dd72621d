//! What an import did, for the CLI, the back office and the audit record.

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    /// Payments read (booked ones; pending entries are not booked).
    pub payments: usize,
    /// Credited to an Organization's prepaid account.
    pub credited: usize,
    /// Already imported before: skipped.
    pub duplicates: usize,
    /// Waiting for an operator.
    pub exceptions: usize,
    /// Money out, or not booked: recorded, nothing credited.
    pub ignored: usize,
    /// Our payouts the bank confirms as debited.
    pub payouts: usize,
    /// Which payouts those debits completed, in file order.
    pub completed_payouts: Vec<CompletedPayout>,
    /// Collective credits whose camt.054 details are (or will be) what is booked: never booked
    /// themselves (counted when read, and when a camt.054 replaces earlier ones).
    pub collective: usize,
    /// Entries that cannot be booked (0.00, over the maximum amount): set aside with the reason.
    pub set_aside: usize,
}

/// A payout a camt debit completed (issue #15: the summaries say which).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CompletedPayout {
    pub withdrawal_id: guichet_core::WithdrawalId,
    pub org_name: String,
    pub holder: String,
    pub amount: guichet_core::Money,
}

impl std::fmt::Display for CompletedPayout {
    /// `CHF 120.00 to Pia Muster (Atelier Favre Sàrl), withdrawal 0193…`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} to {} ({}), withdrawal {}",
            self.amount, self.holder, self.org_name, self.withdrawal_id
        )
    }
}
