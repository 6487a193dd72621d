//! Writing and reading the ledger. [`post`] writes one entry: it checks it with core's rules, creates
//! missing accounts, adds to the running sums in a fixed account order (no deadlock between two
//! entries touching the same accounts), then appends the transfers — all inside the caller's
//! transaction. An overdraft of customer money is refused by the database's CHECK and reported as
//! [`PostError::InsufficientFunds`]; a repeated idempotency key as [`PostError::Duplicate`].

use crate::row::*;
use crate::{Conn, Result, StoreError};
use guichet_core::ledger::{AccountKind, AccountRef, LedgerError, Transfer, validate};
use guichet_core::{Currency, LedgerEntryId, Money, OrgId};
use sqlx::Row;

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

/// The account's id, created on first use.
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

/// Adds to an existing account's sums and returns its id; `None` if the account does not exist
/// yet. An overdraft of customer money trips the table's CHECK: [`PostError::InsufficientFunds`].
async fn add_to_sums(
    c: &mut Conn,
    key: &str,
    debit: i64,
    credit: i64,
) -> Result<Option<String>, PostError> {
    use guichet_core::money::MAX_RUNNING_SUM_MINOR as CEILING;
    // The sums may only grow up to the ceiling: the write applies only if both stay at or below it
    // (compared as `sum <= ceiling - delta`, which cannot overflow since 0 <= delta <= ceiling).
    if debit > CEILING || credit > CEILING {
        return Err(PostError::SumLimit);
    }
    // A refused write is either the ceiling or an account that does not exist (yet, for this
    // transaction): the row is read again to tell which. An account created and committed by a
    // concurrent transaction between the two statements is simply written to on the next turn, so
    // a first use of an account under concurrency is never mistaken for the ceiling.
    for _ in 0..3 {
        let done = sqlx::query(
            "UPDATE ledger_accounts SET debits = debits + $1, credits = credits + $2 \
             WHERE account_key = $3 AND debits <= $4 - $1 AND credits <= $4 - $2 RETURNING id",
        )
        .bind(debit)
        .bind(credit)
        .bind(key)
        .bind(CEILING)
        .fetch_optional(&mut *c)
        .await;
        match done {
            Err(e) if is_range_violation(&e) => return Err(PostError::SumLimit),
            Err(e)
                if e.as_database_error()
                    .is_some_and(sqlx::error::DatabaseError::is_check_violation) =>
            {
                return Err(PostError::InsufficientFunds);
            }
            Err(e) => return Err(e.into()),
            Ok(Some(r)) => return Ok(Some(text(&r, "ledger_accounts", "id")?)),
            Ok(None) => {
                let row = sqlx::query(
                    "SELECT debits, credits FROM ledger_accounts WHERE account_key = $1",
                )
                .bind(key)
                .fetch_optional(&mut *c)
                .await?;
                let Some(r) = row else { return Ok(None) };
                let (d, cr) = (
                    int(&r, "ledger_accounts", "debits")?,
                    int(&r, "ledger_accounts", "credits")?,
                );
                if d > CEILING - debit || cr > CEILING - credit {
                    return Err(PostError::SumLimit);
                }
            }
        }
    }
    Err(StoreError::Corrupt {
        table: "ledger_accounts",
        detail: format!("{key}: the running sums could not be written"),
    }
    .into())
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

/// Writes one entry of transfers; returns its id.
pub async fn post(
    c: &mut Conn,
    entry: NewEntry<'_>,
    transfers: &[Transfer],
) -> Result<LedgerEntryId, PostError> {
    validate(transfers)?;
    let entry_id = LedgerEntryId::new();
    // The entry, unless its idempotency key was used before by the Organization (the unique index
    // decides, in the same statement): then the first entry's id is the answer.
    let inserted = sqlx::query(
        "INSERT INTO ledger_entries (id, org_id, kind, description, idempotency_key, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (org_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id",
    )
    .bind(entry_id.to_string())
    .bind(entry.org.map(|o| o.to_string()))
    .bind(entry.kind)
    .bind(entry.description)
    .bind(entry.idempotency_key)
    .bind(entry.now)
    .fetch_optional(&mut *c)
    .await?;
    if inserted.is_none() {
        let existing =
            sqlx::query("SELECT id FROM ledger_entries WHERE org_id = $1 AND idempotency_key = $2")
                .bind(entry.org.map(|o| o.to_string()))
                .bind(entry.idempotency_key)
                .fetch_one(&mut *c)
                .await?;
        return Err(PostError::Duplicate(parsed(
            &existing,
            "ledger_entries",
            "id",
        )?));
    }
    // One statement per account: add to its running sums and get its id back, in account-key
    // order (a fixed order, so two entries touching the same accounts cannot deadlock). An account
    // used for the first time is created, then updated.
    let mut deltas: std::collections::BTreeMap<String, (AccountRef, i64, i64)> =
        std::collections::BTreeMap::new();
    for t in transfers {
        for (account, debit) in [(&t.debit, true), (&t.credit, false)] {
            let e = deltas.entry(account.key()).or_insert((*account, 0, 0));
            let side = if debit { &mut e.1 } else { &mut e.2 };
            *side = side
                .checked_add(t.amount)
                .ok_or(LedgerError::NotPositive(t.amount))?;
        }
    }
    let mut ids: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for (key, (account, debit, credit)) in &deltas {
        let id = if let Some(id) = add_to_sums(c, key, *debit, *credit).await? {
            id
        } else {
            account_id(c, account, entry.now).await?;
            add_to_sums(c, key, *debit, *credit)
                .await?
                .ok_or_else(|| StoreError::Corrupt {
                    table: "ledger_accounts",
                    detail: format!("{key} was created but cannot be found"),
                })?
        };
        ids.insert(key.clone(), id);
    }
    for t in transfers {
        sqlx::query(
            "INSERT INTO ledger_transfers (id, entry_id, debit_account, credit_account, currency, amount, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(entry_id.to_string())
        .bind(&ids[&t.debit.key()])
        .bind(&ids[&t.credit.key()])
        .bind(t.debit.currency.code())
        .bind(t.amount)
        .bind(entry.now)
        .execute(&mut *c)
        .await?;
    }
    Ok(entry_id)
}

/// The account's balance in its normal direction (0 for an account never used).
pub async fn balance(c: &mut Conn, a: &AccountRef) -> Result<i64> {
    let row = sqlx::query("SELECT debits, credits FROM ledger_accounts WHERE account_key = $1")
        .bind(a.key())
        .fetch_optional(c)
        .await?;
    Ok(match row {
        Some(r) => guichet_core::ledger::balance(
            a.kind,
            int(&r, "ledger_accounts", "debits")?,
            int(&r, "ledger_accounts", "credits")?,
        ),
        None => 0,
    })
}

/// Takes the row locks of `accounts` in the ledger's fixed order (by account key, as `post` does),
/// creating missing ones. A use case that must read a balance under its lock before it posts
/// (`balance_for_update`) first locks every account its entry will touch this way, so it can never
/// hold one lock while waiting for an account that `post` takes earlier (a deadlock with a
/// concurrent entry over the same accounts).
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
/// check made on the balance before a write that depends on it (a ceiling), so that two
/// transactions cannot both pass the check on the same old value (write skew).
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

/// One line of an account's statement.
#[derive(Clone, Debug)]
pub struct Movement {
    pub entry_id: LedgerEntryId,
    pub kind: String,
    pub description: String,
    /// Positive when the account's balance grew.
    pub amount: Money,
    pub at: i64,
}

/// An account's movements, newest first, one page.
pub async fn movements(
    c: &mut Conn,
    a: &AccountRef,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Movement>, i64)> {
    let Some(row) = sqlx::query("SELECT id FROM ledger_accounts WHERE account_key = $1")
        .bind(a.key())
        .fetch_optional(&mut *c)
        .await?
    else {
        return Ok((Vec::new(), 0));
    };
    let id = text(&row, "ledger_accounts", "id")?;
    let sign = if a.kind.credit_normal() { 1 } else { -1 };
    let rows = sqlx::query(
        "SELECT e.id, e.kind, e.description, t.created_at, \
         CASE WHEN t.credit_account = $1 THEN t.amount ELSE -t.amount END AS delta \
         FROM ledger_transfers t JOIN ledger_entries e ON e.id = t.entry_id \
         WHERE t.debit_account = $1 OR t.credit_account = $1 ORDER BY t.created_at DESC, t.id DESC LIMIT $2 OFFSET $3",
    )
    .bind(&id)
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *c)
    .await?;
    let total = sqlx::query(
        "SELECT COUNT(*) FROM ledger_transfers WHERE debit_account = $1 OR credit_account = $1",
    )
    .bind(&id)
    .fetch_one(c)
    .await?
    .try_get::<i64, _>(0)?;
    const T: &str = "ledger_transfers";
    let list = rows
        .iter()
        .map(|r| {
            Ok(Movement {
                entry_id: parsed(r, T, "id")?,
                kind: text(r, T, "kind")?,
                description: text(r, T, "description")?,
                amount: Money::new(sign * int(r, T, "delta")?, a.currency),
                at: int(r, T, "created_at")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((list, total))
}

/// The books' own check: per currency Σ debits = Σ credits over accounts and over transfers, and every
/// account's running sums equal the sums of its transfers. Empty means healthy.
pub async fn audit(c: &mut Conn) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let rows = sqlx::query("SELECT currency, CAST(SUM(debits) AS BIGINT) AS d, CAST(SUM(credits) AS BIGINT) AS c FROM ledger_accounts GROUP BY currency")
        .fetch_all(&mut *c)
        .await?;
    for r in &rows {
        let (cur, d, cr) = (
            text(r, "ledger_accounts", "currency")?,
            int(r, "ledger_accounts", "d")?,
            int(r, "ledger_accounts", "c")?,
        );
        if d != cr {
            problems.push(format!("{cur}: accounts' debits {d} != credits {cr}"));
        }
    }
    let rows = sqlx::query(
        "SELECT a.account_key, a.debits, a.credits, \
         (SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM ledger_transfers t WHERE t.debit_account = a.id) AS td, \
         (SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM ledger_transfers t WHERE t.credit_account = a.id) AS tc \
         FROM ledger_accounts a",
    )
    .fetch_all(&mut *c)
    .await?;
    for r in &rows {
        const T: &str = "ledger_accounts";
        let (key, d, cr, td, tc) = (
            text(r, T, "account_key")?,
            int(r, T, "debits")?,
            int(r, T, "credits")?,
            int(r, T, "td")?,
            int(r, T, "tc")?,
        );
        if d != td || cr != tc {
            problems.push(format!("{key}: sums {d}/{cr} but transfers {td}/{tc}"));
        }
        if let Some(kind) = key.split(':').next().and_then(AccountKind::parse)
            && kind.must_not_overdraw()
            && d > cr
        {
            problems.push(format!("{key}: overdrawn"));
        }
    }
    Ok(problems)
}

/// The Organization's prepaid balance in one currency.
pub async fn prepaid_balance(c: &mut Conn, org: OrgId, currency: Currency) -> Result<i64> {
    balance(c, &AccountRef::of_org(AccountKind::Prepaid, org, currency)).await
}
