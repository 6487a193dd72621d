//! Reading the ledger: balances (a provider account's summed over its shards) and an account's
//! movements, paged by key.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::ledger::{AccountKind, AccountRef};
use guichet_core::{Currency, LedgerEntryId, Money, OrgId};

/// The account's balance in its normal direction (0 for an account never used). A provider
/// account's is the sum over its shard rows.
pub async fn balance(c: &mut Conn, a: &AccountRef) -> Result<i64> {
    let row = if a.org.is_some() {
        sqlx::query("SELECT debits, credits FROM ledger_accounts WHERE account_key = $1")
            .bind(a.key())
            .fetch_optional(c)
            .await?
    } else {
        sqlx::query(
            "SELECT CAST(COALESCE(SUM(debits), 0) AS BIGINT) AS debits, \
             CAST(COALESCE(SUM(credits), 0) AS BIGINT) AS credits \
             FROM ledger_accounts WHERE org_id IS NULL AND kind = $1 AND currency = $2",
        )
        .bind(a.kind.code())
        .bind(a.currency.code())
        .fetch_optional(c)
        .await?
    };
    Ok(match row {
        Some(r) => guichet_core::ledger::balance(
            a.kind,
            int(&r, "ledger_accounts", "debits")?,
            int(&r, "ledger_accounts", "credits")?,
        ),
        None => 0,
    })
}

/// The Organization's prepaid balance in one currency.
pub async fn prepaid_balance(c: &mut Conn, org: OrgId, currency: Currency) -> Result<i64> {
    balance(c, &AccountRef::of_org(AccountKind::Prepaid, org, currency)).await
}

/// Whether an Organization's account has had any movement (an index probe, not a count).
pub async fn has_movements(c: &mut Conn, a: &AccountRef) -> Result<bool> {
    let row = sqlx::query(
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM ledger_transfers t WHERE t.credit_account = a.id) \
         OR EXISTS (SELECT 1 FROM ledger_transfers t WHERE t.debit_account = a.id) THEN 1 ELSE 0 END AS moved \
         FROM ledger_accounts a WHERE a.account_key = $1",
    )
    .bind(a.key())
    .fetch_optional(c)
    .await?;
    Ok(match row {
        Some(r) => int(&r, "ledger_accounts", "moved")? != 0,
        None => false,
    })
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
    /// Where the line stands in the list (for the links to the pages around it).
    pub cursor: Cursor,
}

/// A place in an account's movements: a transfer's time and id (the list's order, newest first).
/// Written in links as `<time>.<id>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    at: i64,
    transfer: uuid::Uuid,
}

impl Cursor {
    /// The cursor as a link carries it.
    pub fn encode(&self) -> String {
        format!("{}.{}", self.at, self.transfer)
    }

    /// A cursor from a link; `None` when it is not one.
    pub fn parse(s: &str) -> Option<Cursor> {
        let (at, id) = s.split_once('.')?;
        Some(Cursor {
            at: at.parse().ok()?,
            transfer: id.parse().ok()?,
        })
    }
}

/// Which page of movements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// The newest.
    First,
    /// The ones just older than the cursor (the next page).
    After(Cursor),
    /// The ones just newer than the cursor (the previous page).
    Before(Cursor),
    /// The oldest.
    Last,
}

/// One page of movements, newest first, and whether there are pages on either side.
#[derive(Clone, Debug)]
pub struct MovementsPage {
    pub movements: Vec<Movement>,
    pub has_newer: bool,
    pub has_older: bool,
}

/// One page of an account's movements (an Organization's account), newest first: `limit` lines
/// seeked by key, so the last page costs what the first does (no OFFSET, no count).
pub async fn movements(
    c: &mut Conn,
    a: &AccountRef,
    page: &Page,
    limit: i64,
) -> Result<MovementsPage> {
    let limit = limit.max(1);
    let empty = MovementsPage {
        movements: Vec::new(),
        has_newer: false,
        has_older: false,
    };
    let Some(row) = sqlx::query("SELECT id FROM ledger_accounts WHERE account_key = $1")
        .bind(a.key())
        .fetch_optional(&mut *c)
        .await?
    else {
        return Ok(empty);
    };
    let id = text(&row, "ledger_accounts", "id")?;
    // Older pages read the list downwards from the cursor, newer ones upwards (then reversed).
    let (cmp, order, cursor) = match page {
        Page::First => ("", "DESC", None),
        Page::After(k) => (
            "AND (created_at < $3 OR (created_at = $3 AND id < $4))",
            "DESC",
            Some(k),
        ),
        Page::Before(k) => (
            "AND (created_at > $3 OR (created_at = $3 AND id > $4))",
            "ASC",
            Some(k),
        ),
        Page::Last => ("", "ASC", None),
    };
    // Each side of the account (credits, debits) is seeked on its own index, then merged.
    let side = |col: &str, sign: &str| {
        format!(
            "SELECT * FROM (SELECT id, entry_id, created_at, {sign}amount AS delta FROM ledger_transfers \
             WHERE {col} = $1 {cmp} ORDER BY created_at {order}, id {order} LIMIT $2) s_{col}"
        )
    };
    let sql = format!(
        "SELECT e.id AS entry, e.kind, e.description, t.id, t.created_at, t.delta \
         FROM ({} UNION ALL {}) t JOIN ledger_entries e ON e.id = t.entry_id \
         ORDER BY t.created_at {order}, t.id {order} LIMIT $2",
        side("credit_account", ""),
        side("debit_account", "-"),
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&id)
        .bind(limit + 1);
    if let Some(k) = cursor {
        q = q.bind(k.at).bind(k.transfer.to_string());
    }
    let rows = q.fetch_all(&mut *c).await?;
    let sign = if a.kind.credit_normal() { 1 } else { -1 };
    const T: &str = "ledger_transfers";
    let mut list = rows
        .iter()
        .map(|r| {
            let at = int(r, T, "created_at")?;
            Ok(Movement {
                entry_id: parsed(r, T, "entry")?,
                kind: text(r, T, "kind")?,
                description: text(r, T, "description")?,
                amount: Money::new(sign * int(r, T, "delta")?, a.currency),
                at,
                cursor: Cursor {
                    at,
                    transfer: parsed(r, T, "id")?,
                },
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let more = list.len() as i64 > limit;
    list.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let (has_newer, has_older) = match page {
        Page::First => (false, more),
        Page::After(_) => (true, more),
        Page::Before(_) => (more, true),
        Page::Last => (more, false),
    };
    if order == "ASC" {
        list.reverse();
    }
    Ok(MovementsPage {
        movements: list,
        has_newer,
        has_older,
    })
}
