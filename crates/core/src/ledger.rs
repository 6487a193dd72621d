//! The ledger's rules: the chart of accounts and what a valid movement of money is.
//!
//! Money moves as **transfers**: each one debits one account and credits another by the same positive
//! amount in one currency, so debits equal credits by construction (the TigerBeetle model). A business
//! operation (a top-up, a checkout) is one *entry*: one or more transfers committed together.
//! Each account keeps the running sums of its debits and credits; an account whose kind is
//! credit-normal and `must_not_overdraw` (a prepaid balance, a withdrawal hold) can never have more
//! debits than credits — the database enforces that too.

use crate::ids::OrgId;
use crate::money::Currency;
use serde::{Deserialize, Serialize};

/// The kinds of account of the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// What an Organization has put in advance (PP-01): a liability of the provider.
    Prepaid,
    /// Prepaid money held for a withdrawal awaiting payout (PP-04).
    WithdrawalHold,
    /// What an Organization owes on issued invoices.
    Receivable,
    /// The provider's revenue.
    Revenue,
    /// VAT collected, owed to the tax authority.
    VatPayable,
    /// Money received through the card provider, not yet settled to the bank.
    CardClearing,
    /// Money received on the bank account (camt imports).
    BankClearing,
    /// Payouts written to a pain.001 file, not yet debited by the bank.
    PayoutsInTransit,
    /// What the bank charged us (camt `Chrgs/Rcrd` debited besides a payment): an expense.
    BankFees,
    /// Prepaid money held for a card payment in progress (issue #13): paid on when the card is
    /// charged, back to the prepaid account when it is declined.
    PaymentHold,
}

impl AccountKind {
    pub const ALL: [AccountKind; 10] = [
        AccountKind::Prepaid,
        AccountKind::WithdrawalHold,
        AccountKind::Receivable,
        AccountKind::Revenue,
        AccountKind::VatPayable,
        AccountKind::CardClearing,
        AccountKind::BankClearing,
        AccountKind::PayoutsInTransit,
        AccountKind::BankFees,
        AccountKind::PaymentHold,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AccountKind::Prepaid => "prepaid",
            AccountKind::WithdrawalHold => "withdrawal_hold",
            AccountKind::Receivable => "receivable",
            AccountKind::Revenue => "revenue",
            AccountKind::VatPayable => "vat_payable",
            AccountKind::CardClearing => "card_clearing",
            AccountKind::BankClearing => "bank_clearing",
            AccountKind::PayoutsInTransit => "payouts_in_transit",
            AccountKind::BankFees => "bank_fees",
            AccountKind::PaymentHold => "payment_hold",
        }
    }

    pub fn parse(s: &str) -> Option<AccountKind> {
        AccountKind::ALL.into_iter().find(|k| k.code() == s)
    }

    /// Accounts that belong to one Organization (the others are the provider's own).
    pub fn per_org(self) -> bool {
        matches!(
            self,
            AccountKind::Prepaid
                | AccountKind::WithdrawalHold
                | AccountKind::PaymentHold
                | AccountKind::Receivable
        )
    }

    /// Liabilities and revenue grow with credits; assets grow with debits.
    pub fn credit_normal(self) -> bool {
        matches!(
            self,
            AccountKind::Prepaid
                | AccountKind::WithdrawalHold
                | AccountKind::PaymentHold
                | AccountKind::Revenue
                | AccountKind::VatPayable
                | AccountKind::PayoutsInTransit
        )
    }

    /// Accounts whose balance may never go below zero: a customer's money.
    pub fn must_not_overdraw(self) -> bool {
        matches!(
            self,
            AccountKind::Prepaid | AccountKind::WithdrawalHold | AccountKind::PaymentHold
        )
    }
}

/// Names one account: its kind, its Organization (for per-Organization kinds) and currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AccountRef {
    pub kind: AccountKind,
    pub org: Option<OrgId>,
    pub currency: Currency,
}

impl AccountRef {
    pub fn of_org(kind: AccountKind, org: OrgId, currency: Currency) -> AccountRef {
        AccountRef {
            kind,
            org: Some(org),
            currency,
        }
    }

    pub fn provider(kind: AccountKind, currency: Currency) -> AccountRef {
        AccountRef {
            kind,
            org: None,
            currency,
        }
    }

    /// The account's stable key, e.g. `prepaid:0193…:CHF` or `revenue:CHF`.
    pub fn key(&self) -> String {
        match self.org {
            Some(o) => format!("{}:{o}:{}", self.kind.code(), self.currency),
            None => format!("{}:{}", self.kind.code(), self.currency),
        }
    }

    /// The key of the row holding the sums of `shard` ([`PROVIDER_SHARDS`]): the plain key for an
    /// Organization's account (never sharded: its overdraft check needs the one row) and for shard
    /// 0, `revenue:CHF#3` for shard 3.
    pub fn row_key(&self, shard: u32) -> String {
        if self.org.is_some() || shard == 0 {
            self.key()
        } else {
            format!("{}#{shard}", self.key())
        }
    }
}

/// How many rows hold the running sums of each provider account (card and bank clearing, revenue,
/// VAT payable…). An entry adds to one of them, picked by [`shard_of`], so unrelated Organizations
/// do not wait on one row lock; a provider account's balance is the sum over its rows. Shard 0 is
/// the account's plain key (the single row of databases written before sharding).
pub const PROVIDER_SHARDS: u32 = 16;

/// The shard an entry writes to, from a stable seed (the Organization's id, or the entry's id when
/// it has no Organization): the same Organization always uses the same shard (its entries already
/// serialise on its own accounts), different ones spread over all shards. FNV-1a, stable across
/// builds and platforms.
pub fn shard_of(seed: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in seed.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h % PROVIDER_SHARDS
}

/// One movement: `amount` minor units from `debit` to `credit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transfer {
    pub debit: AccountRef,
    pub credit: AccountRef,
    pub amount: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    #[error("an entry needs at least one transfer")]
    Empty,
    #[error("transfer amounts must be positive, got {0}")]
    NotPositive(i64),
    #[error("a transfer cannot debit and credit the same account")]
    SameAccount,
    #[error("a transfer mixes currencies")]
    CurrencyMismatch,
    #[error("the account {0} needs an Organization (or must not have one)")]
    Ownership(&'static str),
    #[error("not enough money on the account")]
    InsufficientFunds,
}

/// Checks an entry before it is written: non-empty, positive amounts, one currency per transfer,
/// distinct accounts, per-Organization kinds with an Organization and the others without.
pub fn validate(transfers: &[Transfer]) -> Result<(), LedgerError> {
    if transfers.is_empty() {
        return Err(LedgerError::Empty);
    }
    for t in transfers {
        if t.amount <= 0 {
            return Err(LedgerError::NotPositive(t.amount));
        }
        if t.debit == t.credit {
            return Err(LedgerError::SameAccount);
        }
        if t.debit.currency != t.credit.currency {
            return Err(LedgerError::CurrencyMismatch);
        }
        for a in [t.debit, t.credit] {
            if a.kind.per_org() != a.org.is_some() {
                return Err(LedgerError::Ownership(a.kind.code()));
            }
        }
    }
    Ok(())
}

/// The balance of an account in its normal direction, from its running sums.
pub fn balance(kind: AccountKind, debits: i64, credits: i64) -> i64 {
    if kind.credit_normal() {
        credits - debits
    } else {
        debits - credits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn org() -> OrgId {
        OrgId::new()
    }

    #[test]
    fn entries_are_checked_before_writing() {
        let o = org();
        let prepaid = AccountRef::of_org(AccountKind::Prepaid, o, Currency::Chf);
        let card = AccountRef::provider(AccountKind::CardClearing, Currency::Chf);
        let ok = Transfer {
            debit: card,
            credit: prepaid,
            amount: 5000,
        };
        assert_eq!(validate(&[ok]), Ok(()));
        assert_eq!(validate(&[]), Err(LedgerError::Empty));
        assert_eq!(
            validate(&[Transfer { amount: 0, ..ok }]),
            Err(LedgerError::NotPositive(0))
        );
        assert_eq!(
            validate(&[Transfer { amount: -3, ..ok }]),
            Err(LedgerError::NotPositive(-3))
        );
        assert_eq!(
            validate(&[Transfer { credit: card, ..ok }]),
            Err(LedgerError::SameAccount)
        );
        let eur = AccountRef::of_org(AccountKind::Prepaid, o, Currency::Eur);
        assert_eq!(
            validate(&[Transfer { credit: eur, ..ok }]),
            Err(LedgerError::CurrencyMismatch)
        );
        let orphan = AccountRef {
            kind: AccountKind::Prepaid,
            org: None,
            currency: Currency::Chf,
        };
        assert_eq!(
            validate(&[Transfer {
                credit: orphan,
                ..ok
            }]),
            Err(LedgerError::Ownership("prepaid"))
        );
    }

    #[test]
    fn keys_name_kind_owner_and_currency() {
        let o = org();
        assert_eq!(
            AccountRef::provider(AccountKind::Revenue, Currency::Eur).key(),
            "revenue:EUR"
        );
        assert_eq!(
            AccountRef::of_org(AccountKind::Prepaid, o, Currency::Chf).key(),
            format!("prepaid:{o}:CHF")
        );
        for k in AccountKind::ALL {
            assert_eq!(AccountKind::parse(k.code()), Some(k));
        }
    }

    #[test]
    fn provider_accounts_are_sharded_and_customer_accounts_are_not() {
        let o = org();
        let revenue = AccountRef::provider(AccountKind::Revenue, Currency::Chf);
        assert_eq!(revenue.row_key(0), "revenue:CHF");
        assert_eq!(revenue.row_key(3), "revenue:CHF#3");
        let prepaid = AccountRef::of_org(AccountKind::Prepaid, o, Currency::Chf);
        assert_eq!(prepaid.row_key(5), prepaid.key());
        let shard = shard_of(&o.to_string());
        assert!(shard < PROVIDER_SHARDS);
        assert_eq!(shard, shard_of(&o.to_string()), "stable");
        let used: std::collections::HashSet<u32> =
            (0..200).map(|_| shard_of(&org().to_string())).collect();
        assert!(used.len() > 8, "spread: {used:?}");
    }

    proptest! {
        /// Whatever transfers are applied, Σ debits = Σ credits over all accounts, and the sum of
        /// normal-direction balances of assets equals that of liabilities and revenue.
        #[test]
        fn transfers_keep_the_books_balanced(moves in proptest::collection::vec((0usize..9, 0usize..9, 1i64..1_000_000), 1..200)) {
            let mut debits = [0i64; AccountKind::ALL.len()];
            let mut credits = [0i64; AccountKind::ALL.len()];
            for (d, c, amount) in moves {
                if d == c { continue; }
                debits[d] += amount;
                credits[c] += amount;
            }
            prop_assert_eq!(debits.iter().sum::<i64>(), credits.iter().sum::<i64>());
            let (mut assets, mut others) = (0i64, 0i64);
            for (i, k) in AccountKind::ALL.iter().enumerate() {
                let b = balance(*k, debits[i], credits[i]);
                if k.credit_normal() { others += b } else { assets += b }
            }
            prop_assert_eq!(assets, others);
        }
    }
}
