//! Payment requests with their own reference (PP-02 by bank transfer; INV-09 later for invoices).

use crate::row::*;
use crate::transition::Cas;
use crate::{Conn, Result};
use guichet_core::status::PaymentRequestStatus;
use guichet_core::{Currency, Money, OrgId, PaymentRequestId, UserId};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Clone, Debug)]
pub struct PaymentRequest {
    pub id: PaymentRequestId,
    pub org_id: OrgId,
    pub purpose: String,
    pub amount: Money,
    pub currency: Currency,
    pub reference: String,
    pub status: PaymentRequestStatus,
    pub created_at: i64,
    pub paid_at: Option<i64>,
}

const T: &str = "payment_requests";
const COLS: &str = "id, org_id, purpose, amount, currency, reference, status, created_at, paid_at";

fn from_row(r: &AnyRow) -> Result<PaymentRequest> {
    Ok(PaymentRequest {
        id: parsed(r, T, "id")?,
        org_id: parsed(r, T, "org_id")?,
        purpose: text(r, T, "purpose")?,
        amount: money(r, T, "amount", "currency")?,
        currency: code(r, T, "currency", Currency::parse)?,
        reference: text(r, T, "reference")?,
        status: code(r, T, "status", PaymentRequestStatus::parse)?,
        created_at: int(r, T, "created_at")?,
        paid_at: opt_int(r, T, "paid_at")?,
    })
}

/// The next payment reference number, inside the caller's transaction. PostgreSQL takes it from a
/// sequence (no row lock: concurrent issuers do not queue; a rolled-back transaction leaves its
/// number unused), SQLite from the counter row (its single writer never contends it, and a
/// rolled-back transaction gives the number back).
pub async fn next_reference_number(c: &mut Conn) -> Result<i64> {
    let numbers = reserve_reference_numbers(c, 1).await?;
    numbers.first().copied().ok_or(crate::StoreError::Corrupt {
        table: "reference_counter",
        detail: "no reference number was given".into(),
    })
}

/// `n` payment reference numbers in one statement (unique; consecutive on SQLite only).
pub async fn reserve_reference_numbers(c: &mut Conn, n: i64) -> Result<Vec<i64>> {
    if c.backend_name() == "PostgreSQL" {
        let rows = sqlx::query("SELECT nextval('reference_numbers') FROM generate_series(1, $1)")
            .bind(n)
            .fetch_all(c)
            .await?;
        return rows.iter().map(|r| Ok(r.try_get::<i64, _>(0)?)).collect();
    }
    let row =
        sqlx::query("UPDATE reference_counter SET last = last + $1 WHERE id = 1 RETURNING last")
            .bind(n)
            .fetch_one(c)
            .await?;
    let last = row.try_get::<i64, _>(0)?;
    Ok((last - n + 1..=last).collect())
}

pub struct NewRequest<'a> {
    pub org: OrgId,
    pub purpose: &'a str,
    pub amount: Money,
    pub reference: &'a str,
    pub created_by: UserId,
    pub now: i64,
}

pub async fn insert(c: &mut Conn, r: &NewRequest<'_>) -> Result<PaymentRequestId> {
    let id = PaymentRequestId::new();
    sqlx::query(
        "INSERT INTO payment_requests (id, org_id, purpose, amount, currency, reference, status, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8)",
    )
    .bind(id.to_string())
    .bind(r.org.to_string())
    .bind(r.purpose)
    .bind(r.amount.minor)
    .bind(r.amount.currency.code())
    .bind(r.reference)
    .bind(r.created_by.to_string())
    .bind(r.now)
    .execute(c)
    .await?;
    Ok(id)
}

/// A request of this Organization; another Organization's id finds nothing.
pub async fn get(c: &mut Conn, org: OrgId, id: PaymentRequestId) -> Result<Option<PaymentRequest>> {
    org_record(c, COLS, "payment_requests", id, org, from_row).await
}

/// The Organization's open requests, newest first.
pub async fn open_of_org(c: &mut Conn, org: OrgId) -> Result<Vec<PaymentRequest>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM payment_requests WHERE org_id = $1 AND status = 'open' ORDER BY created_at DESC, id DESC LIMIT 50"
    ));
    let rows = sqlx::query(sql).bind(org.to_string()).fetch_all(c).await?;
    rows.iter().map(from_row).collect()
}

/// The request with this reference, whichever Organization (the bank import's look-up).
pub async fn by_reference(c: &mut Conn, reference: &str) -> Result<Option<PaymentRequest>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM payment_requests WHERE reference = $1"
    ));
    let row = sqlx::query(sql).bind(reference).fetch_optional(c).await?;
    row.as_ref().map(from_row).transpose()
}

/// Marks an open request paid; false if it was not open.
pub async fn mark_paid(c: &mut Conn, id: PaymentRequestId, now: i64) -> Result<bool> {
    Cas::new(&[PaymentRequestStatus::Open], PaymentRequestStatus::Paid)
        .id(id)
        .set("paid_at", now)
        .applied(c)
        .await
}
