//! The prepaid account (PP-01): its balance and movements, always read from the ledger.

use crate::error::AppResult;
use crate::{Actor, App};
use guichet_core::ledger::{AccountKind, AccountRef};
use guichet_core::{Action, Currency, Money};
use guichet_store::ledger::{self, Movement};
use guichet_store::orgs;

pub const PAGE_SIZE: i64 = 25;

/// What the prepaid page shows.
pub struct PrepaidView {
    pub balance: Money,
    pub movements: Vec<Movement>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

impl App {
    /// The balance in the Organization's invoicing currency and one page (1-based) of movements.
    pub async fn prepaid(&self, actor: &Actor, page: i64) -> AppResult<PrepaidView> {
        actor.require(Action::Billing)?;
        let page = page.max(1);
        let mut c = self.db.conn().await?;
        let org = orgs::by_id(&mut c, actor.org)
            .await?
            .ok_or(crate::AppError::NotFound)?;
        let account = AccountRef::of_org(AccountKind::Prepaid, actor.org, org.currency);
        let balance = ledger::balance(&mut c, &account).await?;
        let (movements, total) =
            ledger::movements(&mut c, &account, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
        Ok(PrepaidView {
            balance: Money::new(balance, org.currency),
            movements,
            total,
            page,
            pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
        })
    }
}

/// The prepaid balance in every currency, summed as absolute minor units (zero means empty in all).
pub(crate) async fn any_prepaid_balance(
    c: &mut guichet_store::Conn,
    org: guichet_core::OrgId,
) -> AppResult<i64> {
    let mut total = 0i64;
    for cur in [Currency::Chf, Currency::Eur] {
        total = total.saturating_add(ledger::prepaid_balance(c, org, cur).await?.abs());
    }
    Ok(total)
}
