//! Reminders sent for unpaid invoices (one row per invoice and level, REM-05) and the customer's
//! declarations of a bank transfer.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::period::Date;
use guichet_core::{InvoiceId, OrgId, UserId};

const T: &str = "invoice_reminders";

/// Records that reminder `level` of `invoice` goes out now. False when it was already recorded (by an
/// earlier or a concurrent run): the caller then sends nothing.
pub async fn claim(
    c: &mut Conn,
    invoice: InvoiceId,
    level: i64,
    sent_on: &str,
    recipients: i64,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO invoice_reminders (invoice_id, level, sent_on, recipients, sent_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (invoice_id, level) DO NOTHING",
    )
    .bind(invoice.to_string())
    .bind(level)
    .bind(sent_on)
    .bind(recipients)
    .bind(now)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Levels already sent for an invoice, with the day each went out.
pub async fn sent(c: &mut Conn, invoice: InvoiceId) -> Result<Vec<(i64, Date)>> {
    let rows = sqlx::query(
        "SELECT level, sent_on FROM invoice_reminders WHERE invoice_id = $1 ORDER BY level",
    )
    .bind(invoice.to_string())
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| Ok((int(r, T, "level")?, parsed(r, T, "sent_on")?)))
        .collect()
}

/// What was received and placed under this reference in `currency` (minor units; 0 when nothing).
/// An open invoice with money received under its reference was paid short: the money went to the
/// prepaid account (REM-03) and the reminders state what remains due.
pub async fn received_under_reference(
    c: &mut Conn,
    reference: &str,
    currency: &str,
) -> Result<i64> {
    let row = sqlx::query(
        "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) AS received FROM bank_transactions \
         WHERE reference = $1 AND currency = $2 AND direction = 'credit' \
         AND status IN ('credited', 'assigned')",
    )
    .bind(reference)
    .bind(currency)
    .fetch_one(c)
    .await?;
    int(&row, T, "received")
}

/// The day the customer declared a bank transfer for this invoice, if they did.
pub async fn declared_on(c: &mut Conn, invoice: InvoiceId) -> Result<Option<Date>> {
    let row = sqlx::query("SELECT declared_on FROM transfer_declarations WHERE invoice_id = $1")
        .bind(invoice.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref()
        .map(|r| parsed(r, "transfer_declarations", "declared_on"))
        .transpose()
}

/// Records the customer's declaration; false if one was already recorded for this invoice.
pub async fn declare(
    c: &mut Conn,
    invoice: InvoiceId,
    org: OrgId,
    by: UserId,
    on: &str,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO transfer_declarations (invoice_id, org_id, declared_by, declared_on, declared_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (invoice_id) DO NOTHING",
    )
    .bind(invoice.to_string())
    .bind(org.to_string())
    .bind(by.to_string())
    .bind(on)
    .bind(now)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}
