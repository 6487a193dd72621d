//! Writing and reading the ledger. [`post`] writes one entry, [`post_many`] a batch: they check the
//! entries with core's rules, add to the accounts' running sums with one upsert per statement (in a
//! fixed account order, so two entries touching the same accounts cannot deadlock), then append the
//! transfers with multi-row INSERTs — all inside the caller's transaction. An overdraft of customer
//! money is refused by the database's CHECK and reported as [`PostError::InsufficientFunds`]; a
//! repeated idempotency key as [`PostError::Duplicate`].
//!
//! Provider accounts (no Organization) keep their sums in [`PROVIDER_SHARDS`] rows each, the row of
//! an entry picked from its Organization ([`guichet_core::ledger::shard_of`]): unrelated
//! Organizations never wait on one shared row. Their balance is the sum of their rows ([`balance`]).

mod audit;
mod post;
mod read;

pub use audit::audit;
pub use post::{Booked, Cap, post, post_capped, post_many};
pub use read::{
    Cursor, Movement, MovementsPage, Page, balance, has_movements, movements, prepaid_balance,
};

use crate::row::*;
use crate::{Conn, Result, StoreError};
pub use guichet_core::ledger::PROVIDER_SHARDS;
use guichet_core::ledger::{AccountRef, LedgerError};
use guichet_core::{LedgerEntryId, OrgId};

#[derive(Debug, thiserror::Error)]
pub enum PostError {
    #[error(transparent)]
    Invalid(#[from] LedgerError),
    #[error("insufficient balance")]
    InsufficientFunds,
    /// The entry would lift an account's running sum above
    /// [`guichet_core::money::MAX_RUNNING_SUM_MINOR`]: refused, nothing written.
    #[error("an account's running sum would exceed its ceiling")]
    SumLimit,
    /// The entry would lift the capped account's balance above its cap ([`post_capped`]). The
    /// caller's transaction must be rolled back (the sums were written by the refused statement).
    #[error("the account's balance would exceed its cap")]
    BalanceCap,
    /// An entry with this idempotency key exists for the Organization: its id.
    #[error("duplicate idempotency key")]
    Duplicate(LedgerEntryId),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for PostError {
    fn from(e: sqlx::Error) -> Self {
        PostError::Store(StoreError::Sqlx(e))
    }
}

/// What an entry is, for the statement and the movements list.
pub struct NewEntry<'a> {
    pub org: Option<OrgId>,
    pub kind: &'a str,
    pub description: &'a str,
    pub idempotency_key: Option<&'a str>,
    pub now: i64,
}

/// The account's id (its shard 0 row for a provider account), created on first use.
pub async fn account_id(c: &mut Conn, a: &AccountRef, now: i64) -> Result<String> {
    let key = a.key();
    sqlx::query(
        "INSERT INTO ledger_accounts (id, account_key, kind, org_id, currency, no_overdraw, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (account_key) DO NOTHING",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(&key)
    .bind(a.kind.code())
    .bind(a.org.map(|o| o.to_string()))
    .bind(a.currency.code())
    .bind(b(a.kind.must_not_overdraw()))
    .bind(now)
    .execute(&mut *c)
    .await?;
    let row = sqlx::query("SELECT id FROM ledger_accounts WHERE account_key = $1")
        .bind(&key)
        .fetch_one(c)
        .await?;
    text(&row, "ledger_accounts", "id")
}

/// Whether a database error is migration 0019's refusal of a money value out of range (SQLite
/// trigger "money out of range: …", PostgreSQL CHECK `…_money_range` / `ledger_sums_ceiling`).
pub fn is_range_violation(e: &sqlx::Error) -> bool {
    e.as_database_error().is_some_and(|d| {
        d.message().contains("money out of range")
            || d.constraint()
                .is_some_and(|c| c.ends_with("_money_range") || c == "ledger_sums_ceiling")
    })
}

/// Takes the row locks of `accounts` in the ledger's fixed order (by account key, as `post` does),
/// creating missing ones. For a use case that must hold an Organization's accounts still while it
/// checks something across them (a change of the Organization's currency reads every prepaid
/// balance): an entry posted meanwhile waits, and one posted before is seen. Provider accounts
/// are not for this (their shard 0 row alone would be locked).
pub async fn lock_in_order(c: &mut Conn, accounts: &[AccountRef], now: i64) -> Result<()> {
    let mut sorted: Vec<&AccountRef> = accounts.iter().collect();
    sorted.sort_by_key(|a| a.key());
    sorted.dedup_by_key(|a| a.key());
    for a in sorted {
        account_id(c, a, now).await?;
        sqlx::query("UPDATE ledger_accounts SET debits = debits WHERE account_key = $1")
            .bind(a.key())
            .execute(&mut *c)
            .await?;
    }
    Ok(())
}

/// The account's balance, read under its row lock (the account is created if needed): another
/// transaction that wants to read it this way, or to post to it, waits until this one ends. For a
/// check made on the balance before a write that depends on it, so that two transactions cannot
/// both pass the check on the same old value (write skew). An Organization's account only.
pub async fn balance_for_update(c: &mut Conn, a: &AccountRef, now: i64) -> Result<i64> {
    account_id(c, a, now).await?;
    let row = sqlx::query(
        "UPDATE ledger_accounts SET debits = debits WHERE account_key = $1 RETURNING debits, credits",
    )
    .bind(a.key())
    .fetch_one(c)
    .await?;
    Ok(guichet_core::ledger::balance(
        a.kind,
        int(&row, "ledger_accounts", "debits")?,
        int(&row, "ledger_accounts", "credits")?,
    ))
}

/// Marks the caller's transaction so that [`rollback_to_mark`] can undo what follows (a top-up posts
/// before the card is charged, and undoes the entry if the card is declined).
pub async fn mark(c: &mut Conn) -> Result<()> {
    sqlx::query("SAVEPOINT ledger_mark").execute(c).await?;
    Ok(())
}

/// Undoes everything written since [`mark`], keeping the transaction and what it wrote before.
pub async fn rollback_to_mark(c: &mut Conn) -> Result<()> {
    sqlx::query("ROLLBACK TO SAVEPOINT ledger_mark")
        .execute(c)
        .await?;
    Ok(())
}

/// The Organization's id as the ledger stores it.
fn org_text(o: Option<OrgId>) -> Option<String> {
    o.map(|o| o.to_string())
}
