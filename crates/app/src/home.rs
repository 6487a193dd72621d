//! The Manager's home (issue #14): what matters now, each part only for those who may see it —
//! the prepaid balance, what is due and when, the unpaid invoices (billing roles), the products
//! that expire in the next 60 days (the products the person may see), the newest lines of the
//! activity log (LR and Administrators). A fixed number of statements whatever the data.

use crate::billing::today;
use crate::error::{AppError, AppResult};
use crate::{Actor, App};
use guichet_core::period::Date;
use guichet_core::product::ProductState;
use guichet_core::{Action, Money};
use guichet_store::audit::{self, Filter, Line};
use guichet_store::billing::{self as store, Invoice, Product};
use guichet_store::keyset::Page;
use guichet_store::{ledger, orgs};

/// How far ahead the home looks for products that expire.
pub const EXPIRY_DAYS: i64 = 60;
/// How many unpaid invoices, expiring products and activity lines the home lists (the rest is
/// one link away).
pub const LISTED: usize = 5;

/// What the billing roles see on the home.
pub struct HomeBilling {
    pub balance: Money,
    /// The unpaid invoices due within the Payments page's horizon (two months): how much, and
    /// the first due date.
    pub due_soon: Money,
    pub due_soon_count: usize,
    pub next_due_on: Option<Date>,
    /// Every unpaid invoice (at most [`LISTED`] of them, the oldest due first), how many there
    /// are, how many are overdue and what they come to.
    pub unpaid: Vec<Invoice>,
    pub unpaid_count: usize,
    pub overdue_count: usize,
    pub unpaid_total: Money,
}

pub struct Home {
    pub billing: Option<HomeBilling>,
    /// Active products the person may see that expire within [`EXPIRY_DAYS`], soonest first (at
    /// most [`LISTED`]), and how many there are.
    pub expiring: Vec<Product>,
    pub expiring_count: usize,
    /// The newest lines of the activity log, for those who may read it.
    pub activity: Option<Vec<Line>>,
}

impl App {
    /// The home of the Organization the actor works in.
    pub async fn home(&self, actor: &Actor) -> AppResult<Home> {
        actor.require(Action::ViewOrg)?;
        let now = self.now();
        let mut c = self.db.begin_read().await?;
        let billing = if actor.can(Action::Billing) {
            let org = orgs::by_id(&mut c, actor.org)
                .await?
                .ok_or(AppError::NotFound)?;
            let balance = ledger::prepaid_balance(&mut c, actor.org, org.currency).await?;
            let unpaid = store::payable(&mut c, actor.org, None).await?;
            Some(summarise(
                unpaid,
                Money::new(balance, org.currency),
                today(now),
            ))
        } else {
            None
        };
        let mut products = store::products_of(&mut c, actor.org).await?;
        if !actor.access.role.is_manager() {
            let granted = crate::teams::granted_products(&mut c, actor).await?;
            products.retain(|p| granted.contains(&p.id));
        }
        let horizon = today(now).add_days(EXPIRY_DAYS);
        let mut expiring: Vec<Product> = products
            .into_iter()
            .filter(|p| {
                p.state == ProductState::Active && p.expires_on.is_some_and(|d| d <= horizon)
            })
            .collect();
        expiring.sort_by_key(|p| p.expires_on);
        let expiring_count = expiring.len();
        expiring.truncate(LISTED);
        let activity = if actor.can(Action::ViewActivity) {
            let found = audit::page(
                &mut c,
                actor.org,
                &Filter::default(),
                &Page::First,
                i64::try_from(LISTED).unwrap_or(5),
            )
            .await?;
            Some(found.rows)
        } else {
            None
        };
        Ok(Home {
            billing,
            expiring,
            expiring_count,
            activity,
        })
    }
}

/// The billing part of the home from the payable invoices (oldest due first).
fn summarise(mut unpaid: Vec<Invoice>, balance: Money, today: Date) -> HomeBilling {
    let currency = balance.currency;
    let horizon = today.add_months(2);
    let soon: Vec<&Invoice> = unpaid
        .iter()
        .filter(|i| i.due_on <= horizon && i.currency == currency)
        .collect();
    let due_soon = soon
        .iter()
        .map(|i| i.gross.minor)
        .fold(0, i64::saturating_add);
    let next_due_on = soon.iter().map(|i| i.due_on).min();
    let due_soon_count = soon.len();
    let unpaid_total = unpaid
        .iter()
        .filter(|i| i.currency == currency)
        .map(|i| i.gross.minor)
        .fold(0, i64::saturating_add);
    let unpaid_count = unpaid.len();
    let overdue_count = unpaid.iter().filter(|i| i.due_on < today).count();
    unpaid.truncate(LISTED);
    HomeBilling {
        balance,
        due_soon: Money::new(due_soon, currency),
        due_soon_count,
        next_due_on,
        unpaid,
        unpaid_count,
        overdue_count,
        unpaid_total: Money::new(unpaid_total, currency),
    }
}
