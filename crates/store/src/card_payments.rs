//! Card payments as the provider answered them: a record per attempt, succeeded or not.

use crate::{Conn, Result};
use guichet_core::{CardPaymentId, Currency, Money, OrgId};

pub struct CardPayment<'a> {
    pub org: OrgId,
    pub provider: &'a str,
    pub provider_ref: Option<&'a str>,
    pub amount: Money,
    pub last4: &'a str,
    pub outcome: &'a str,
    pub purpose: &'a str,
    pub now: i64,
}

pub async fn record(c: &mut Conn, p: &CardPayment<'_>) -> Result<CardPaymentId> {
    let id = CardPaymentId::new();
    sqlx::query(
        "INSERT INTO card_payments (id, org_id, provider, provider_ref, amount, currency, last4, outcome, purpose, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(id.to_string())
    .bind(p.org.to_string())
    .bind(p.provider)
    .bind(p.provider_ref)
    .bind(p.amount.minor)
    .bind(p.amount.currency.code())
    .bind(p.last4)
    .bind(p.outcome)
    .bind(p.purpose)
    .bind(p.now)
    .execute(c)
    .await?;
    Ok(id)
}

/// Claims the card charge for `pays` (what it pays: `checkout:<sorted invoice ids>`,
/// `invoice:<id>`, …) in the caller's transaction, before the provider is called. `false` when that
/// thing was already charged (or is being charged by a transaction not yet committed, which this
/// one then waits for): the caller must not call the provider.
pub async fn claim_charge(
    c: &mut Conn,
    pays: &str,
    org: OrgId,
    amount: i64,
    currency: Currency,
    key: &str,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO card_charges (pays, org_id, amount, currency, idempotency_key, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (pays) DO NOTHING",
    )
    .bind(pays)
    .bind(org.to_string())
    .bind(amount)
    .bind(currency.code())
    .bind(key)
    .bind(now)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}
