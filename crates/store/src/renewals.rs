//! Renewal settings and automatic renewal attempts (AR-01, FREQ-01…03).

use crate::billing::{PCOLS, product};
use crate::row::*;
use crate::{Conn, Result};
use guichet_core::{InvoiceId, OrgId, ProductId};

/// Switches auto-renewal of some of an Organization's products; returns how many changed.
pub async fn set_auto_renew(
    c: &mut Conn,
    org: OrgId,
    product: ProductId,
    on: bool,
) -> Result<bool> {
    let done = sqlx::query("UPDATE products SET auto_renew = $1 WHERE id = $2 AND org_id = $3")
        .bind(on as i64)
        .bind(product.to_string())
        .bind(org.to_string())
        .execute(c)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Schedules (or, with `None`, cancels) a change of period for the next term.
pub async fn set_next_period(
    c: &mut Conn,
    org: OrgId,
    product: ProductId,
    months: Option<i64>,
) -> Result<()> {
    sqlx::query("UPDATE products SET next_period_months = $1 WHERE id = $2 AND org_id = $3")
        .bind(months)
        .bind(product.to_string())
        .bind(org.to_string())
        .execute(c)
        .await?;
    Ok(())
}

pub async fn renew_from_prepaid(c: &mut Conn, org: OrgId) -> Result<bool> {
    let row = sqlx::query("SELECT renew_from_prepaid FROM orgs WHERE id = $1")
        .bind(org.to_string())
        .fetch_optional(c)
        .await?;
    Ok(match row {
        Some(r) => flag(&r, "orgs", "renew_from_prepaid")?,
        None => false,
    })
}

pub async fn set_renew_from_prepaid(c: &mut Conn, org: OrgId, on: bool) -> Result<()> {
    sqlx::query("UPDATE orgs SET renew_from_prepaid = $1 WHERE id = $2")
        .bind(on as i64)
        .bind(org.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// The Organization's default saved card: a provider token, never the number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedCard {
    pub provider: String,
    pub token: String,
    pub last4: String,
    pub expiry: String,
}

pub async fn saved_card(c: &mut Conn, org: OrgId) -> Result<Option<SavedCard>> {
    const T: &str = "saved_cards";
    let row =
        sqlx::query("SELECT provider, token, last4, expiry FROM saved_cards WHERE org_id = $1")
            .bind(org.to_string())
            .fetch_optional(c)
            .await?;
    row.map(|r| {
        Ok(SavedCard {
            provider: text(&r, T, "provider")?,
            token: text(&r, T, "token")?,
            last4: text(&r, T, "last4")?,
            expiry: text(&r, T, "expiry")?,
        })
    })
    .transpose()
}

/// Replaces the Organization's saved card.
pub async fn save_card(c: &mut Conn, org: OrgId, card: &SavedCard, now: i64) -> Result<()> {
    sqlx::query("DELETE FROM saved_cards WHERE org_id = $1")
        .bind(org.to_string())
        .execute(&mut *c)
        .await?;
    sqlx::query(
        "INSERT INTO saved_cards (org_id, provider, token, last4, expiry, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(org.to_string())
    .bind(&card.provider)
    .bind(&card.token)
    .bind(&card.last4)
    .bind(&card.expiry)
    .bind(now)
    .execute(c)
    .await?;
    Ok(())
}

pub async fn remove_card(c: &mut Conn, org: OrgId) -> Result<bool> {
    let done = sqlx::query("DELETE FROM saved_cards WHERE org_id = $1")
        .bind(org.to_string())
        .execute(c)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// An auto-renewing product whose renewal invoice (for the term starting at its expiry) is unpaid.
pub struct DueRenewal {
    pub product: crate::billing::Product,
    pub invoice_id: InvoiceId,
}

/// Auto-renewing running products expiring on or before `until` whose next term's invoice is unpaid.
pub async fn auto_renewals_due(
    c: &mut Conn,
    until: guichet_core::period::Date,
) -> Result<Vec<DueRenewal>> {
    let cols = PCOLS
        .split(", ")
        .map(|c| format!("p.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {cols}, i.id AS invoice_id FROM products p \
         JOIN invoice_lines l ON l.product_id = p.id AND l.period_start = p.expires_on \
         JOIN invoices i ON i.id = l.invoice_id \
         WHERE p.auto_renew = 1 AND p.state = 'active' AND p.expires_on <= $1 AND i.status IN ('unpaid', 'overdue') \
         ORDER BY p.expires_on, p.id"
    ));
    let rows = sqlx::query(sql).bind(until.iso()).fetch_all(c).await?;
    rows.iter()
        .map(|r| {
            Ok(DueRenewal {
                product: product(r)?,
                invoice_id: parsed(r, "invoices", "invoice_id")?,
            })
        })
        .collect()
}

/// Records an attempt for (invoice, slot); `false` if that slot was already attempted.
pub async fn record_attempt(
    c: &mut Conn,
    invoice: InvoiceId,
    slot: i64,
    outcome: &str,
    reason: &str,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO renewal_attempts (invoice_id, slot, outcome, reason, at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (invoice_id, slot) DO NOTHING",
    )
    .bind(invoice.to_string())
    .bind(slot)
    .bind(outcome)
    .bind(reason)
    .bind(now)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_attempt_outcome(
    c: &mut Conn,
    invoice: InvoiceId,
    slot: i64,
    outcome: &str,
    reason: &str,
) -> Result<()> {
    sqlx::query(
        "UPDATE renewal_attempts SET outcome = $1, reason = $2 WHERE invoice_id = $3 AND slot = $4",
    )
    .bind(outcome)
    .bind(reason)
    .bind(invoice.to_string())
    .bind(slot)
    .execute(c)
    .await?;
    Ok(())
}

pub async fn attempted(c: &mut Conn, invoice: InvoiceId, slot: i64) -> Result<bool> {
    Ok(
        sqlx::query("SELECT 1 FROM renewal_attempts WHERE invoice_id = $1 AND slot = $2")
            .bind(invoice.to_string())
            .bind(slot)
            .fetch_optional(c)
            .await?
            .is_some(),
    )
}

/// The attempts made for a renewal invoice: (slot, outcome, reason, at), earliest first.
pub async fn attempts(c: &mut Conn, invoice: InvoiceId) -> Result<Vec<(i64, String, String, i64)>> {
    const T: &str = "renewal_attempts";
    let rows = sqlx::query(
        "SELECT slot, outcome, reason, at FROM renewal_attempts WHERE invoice_id = $1 ORDER BY at, slot DESC",
    )
    .bind(invoice.to_string())
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                int(r, T, "slot")?,
                text(r, T, "outcome")?,
                text(r, T, "reason")?,
                int(r, T, "at")?,
            ))
        })
        .collect()
}
