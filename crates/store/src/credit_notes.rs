//! Credit notes (INV-02): refunds against an issued invoice, numbered in their own gap-free series.

use crate::row::*;
use crate::transition::Cas;
use crate::{Conn, Result};
use guichet_core::status::InvoiceStatus;
use guichet_core::{CreditNoteId, Currency, InvoiceId, Money, OrgId, UserId};
use sqlx::any::AnyRow;

#[derive(Clone, Debug)]
pub struct CreditNote {
    pub id: CreditNoteId,
    pub org_id: OrgId,
    pub invoice_id: InvoiceId,
    pub number: String,
    pub currency: Currency,
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
    pub reason: String,
    pub issued_by: UserId,
    pub issued_at: i64,
}

const COLS: &str =
    "id, org_id, invoice_id, number, currency, net, vat, gross, reason, issued_by, issued_at";

fn credit_note(r: &AnyRow) -> Result<CreditNote> {
    const T: &str = "credit_notes";
    Ok(CreditNote {
        id: parsed(r, T, "id")?,
        org_id: parsed(r, T, "org_id")?,
        invoice_id: parsed(r, T, "invoice_id")?,
        number: text(r, T, "number")?,
        currency: code(r, T, "currency", Currency::parse)?,
        net: money(r, T, "net", "currency")?,
        vat: money(r, T, "vat", "currency")?,
        gross: money(r, T, "gross", "currency")?,
        reason: text(r, T, "reason")?,
        issued_by: parsed(r, T, "issued_by")?,
        issued_at: int(r, T, "issued_at")?,
    })
}

pub async fn insert(c: &mut Conn, n: &CreditNote) -> Result<()> {
    sqlx::query(
        "INSERT INTO credit_notes (id, org_id, invoice_id, number, currency, net, vat, gross, reason, issued_by, issued_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(n.id.to_string())
    .bind(n.org_id.to_string())
    .bind(n.invoice_id.to_string())
    .bind(&n.number)
    .bind(n.currency.code())
    .bind(n.net.minor)
    .bind(n.vat.minor)
    .bind(n.gross.minor)
    .bind(&n.reason)
    .bind(n.issued_by.to_string())
    .bind(n.issued_at)
    .execute(c)
    .await?;
    Ok(())
}

/// The credit notes of one invoice of `org`, oldest first.
pub async fn of_invoice(c: &mut Conn, org: OrgId, invoice: InvoiceId) -> Result<Vec<CreditNote>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM credit_notes WHERE org_id = $1 AND invoice_id = $2 ORDER BY issued_at, number"
    ));
    let rows = sqlx::query(sql)
        .bind(org.to_string())
        .bind(invoice.to_string())
        .fetch_all(c)
        .await?;
    rows.iter().map(credit_note).collect()
}

/// One credit note of `org` (another Organization's id is not found).
pub async fn get(c: &mut Conn, org: OrgId, id: CreditNoteId) -> Result<Option<CreditNote>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM credit_notes WHERE org_id = $1 AND id = $2"
    ));
    let row = sqlx::query(sql)
        .bind(org.to_string())
        .bind(id.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(credit_note).transpose()
}

/// Moves the invoice's refunded total by `amount` if it stays within the invoice's total and the
/// invoice is settled; sets its status (`refunded` when fully refunded). `false`: nothing changed.
/// One statement, so concurrent refunds of one invoice are serialised by the row lock.
pub async fn add_refund(c: &mut Conn, invoice: InvoiceId, amount: i64) -> Result<bool> {
    use InvoiceStatus::*;
    // Two compare-and-sets, each guarded by the row's own amounts: the first refunds the rest in
    // full, the second a part; whichever matches the row as it is now applies, never both.
    for (to, guard) in [
        (Refunded, "refunded + ? = gross"),
        (PartiallyRefunded, "refunded + ? < gross"),
    ] {
        let done = Cas::new(&[Paid, PartiallyRefunded], to)
            .id(invoice)
            .set_with("refunded = refunded + ?", amount)
            .guard(guard, amount)
            .applied(&mut *c)
            .await?;
        if done {
            return Ok(true);
        }
    }
    Ok(false)
}
