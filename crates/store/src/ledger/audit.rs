//! The books' own check.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::ledger::AccountKind;

/// Per currency Σ debits = Σ credits over account rows and over transfers, and every account row's
/// running sums (each shard of a provider account on its own) equal the sums of its transfers.
/// Empty means healthy.
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
