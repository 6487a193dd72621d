//! Card payments as the provider answered them: a record per attempt, succeeded or not.

use crate::{Conn, Result};
use guichet_core::{Currency, OrgId};

pub struct CardPayment<'a> {
    pub org: OrgId,
    pub provider: &'a str,
    pub provider_ref: Option<&'a str>,
    pub amount: i64,
    pub currency: Currency,
    pub last4: &'a str,
    pub outcome: &'a str,
    pub purpose: &'a str,
    pub now: i64,
}

pub async fn record(c: &mut Conn, p: &CardPayment<'_>) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    sqlx::query(
        "INSERT INTO card_payments (id, org_id, provider, provider_ref, amount, currency, last4, outcome, purpose, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&id)
    .bind(p.org.to_string())
    .bind(p.provider)
    .bind(p.provider_ref)
    .bind(p.amount)
    .bind(p.currency.code())
    .bind(p.last4)
    .bind(p.outcome)
    .bind(p.purpose)
    .bind(p.now)
    .execute(c)
    .await?;
    Ok(id)
}
