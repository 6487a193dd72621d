//! Payments read from bank statements, with what became of them.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::{OrgId, UserId};
use sqlx::any::AnyRow;

#[derive(Clone, Debug)]
pub struct BankTransaction {
    pub id: String,
    pub bank_key: String,
    pub file_name: String,
    pub direction: String,
    pub amount: i64,
    pub currency: String,
    pub booking_date: Option<String>,
    pub reference: Option<String>,
    pub debtor_name: Option<String>,
    pub debtor_iban: Option<String>,
    pub message: Option<String>,
    pub status: String,
    pub org_id: Option<OrgId>,
    pub note: Option<String>,
    pub imported_at: i64,
}

const T: &str = "bank_transactions";
const COLS: &str = "id, bank_key, file_name, direction, amount, currency, booking_date, reference, debtor_name, debtor_iban, \
                    message, status, org_id, note, imported_at";

fn from_row(r: &AnyRow) -> Result<BankTransaction> {
    Ok(BankTransaction {
        id: text(r, T, "id")?,
        bank_key: text(r, T, "bank_key")?,
        file_name: text(r, T, "file_name")?,
        direction: text(r, T, "direction")?,
        amount: int(r, T, "amount")?,
        currency: text(r, T, "currency")?,
        booking_date: opt_text(r, T, "booking_date")?,
        reference: opt_text(r, T, "reference")?,
        debtor_name: opt_text(r, T, "debtor_name")?,
        debtor_iban: opt_text(r, T, "debtor_iban")?,
        message: opt_text(r, T, "message")?,
        status: text(r, T, "status")?,
        org_id: opt_parsed(r, T, "org_id")?,
        note: opt_text(r, T, "note")?,
        imported_at: int(r, T, "imported_at")?,
    })
}

pub struct NewTransaction<'a> {
    pub bank_key: &'a str,
    pub file_name: &'a str,
    pub direction: &'a str,
    pub amount: i64,
    pub currency: &'a str,
    pub booking_date: Option<&'a str>,
    pub reference: Option<&'a str>,
    pub debtor_name: Option<&'a str>,
    pub debtor_iban: Option<&'a str>,
    pub message: Option<&'a str>,
    pub status: &'a str,
    pub org: Option<OrgId>,
    pub request: Option<&'a str>,
    pub note: Option<&'a str>,
    pub now: i64,
}

/// Which of `keys` were imported before (a file's payments in a few queries).
pub async fn existing_keys(
    c: &mut Conn,
    keys: &[String],
) -> Result<std::collections::HashSet<String>> {
    let found = select_in(
        c,
        "SELECT bank_key FROM bank_transactions WHERE bank_key",
        keys,
        |r| text(r, "bank_transactions", "bank_key"),
    )
    .await?;
    Ok(found.into_iter().collect())
}

pub async fn insert(c: &mut Conn, t: &NewTransaction<'_>) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    sqlx::query(
        "INSERT INTO bank_transactions (id, bank_key, file_name, direction, amount, currency, booking_date, reference, debtor_name, \
         debtor_iban, message, status, org_id, request_id, note, imported_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(&id)
    .bind(t.bank_key)
    .bind(t.file_name)
    .bind(t.direction)
    .bind(t.amount)
    .bind(t.currency)
    .bind(t.booking_date)
    .bind(t.reference)
    .bind(t.debtor_name)
    .bind(t.debtor_iban)
    .bind(t.message)
    .bind(t.status)
    .bind(t.org.map(|o| o.to_string()))
    .bind(t.request)
    .bind(t.note)
    .bind(t.now)
    .execute(c)
    .await?;
    Ok(id)
}

/// The Organization an IBAN paid for before (REM-04: a standing order without reference).
pub async fn org_of_payer(c: &mut Conn, iban: &str) -> Result<Option<OrgId>> {
    let row = sqlx::query(
        "SELECT org_id FROM bank_transactions WHERE debtor_iban = $1 AND org_id IS NOT NULL ORDER BY imported_at DESC, id DESC LIMIT 1",
    )
    .bind(iban)
    .fetch_optional(c)
    .await?;
    row.as_ref().map(|r| parsed(r, T, "org_id")).transpose()
}

pub async fn with_status(c: &mut Conn, status: &str, limit: i64) -> Result<Vec<BankTransaction>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM bank_transactions WHERE status = $1 ORDER BY imported_at DESC, id DESC LIMIT $2"
    ));
    let rows = sqlx::query(sql)
        .bind(status)
        .bind(limit)
        .fetch_all(c)
        .await?;
    rows.iter().map(from_row).collect()
}

pub async fn get(c: &mut Conn, id: &str) -> Result<Option<BankTransaction>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM bank_transactions WHERE id = $1"
    ));
    let row = sqlx::query(sql).bind(id).fetch_optional(c).await?;
    row.as_ref().map(from_row).transpose()
}

/// Assigns an exception to an Organization; false if it is no longer an exception.
pub async fn assign(
    c: &mut Conn,
    id: &str,
    org: OrgId,
    by: UserId,
    note: &str,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE bank_transactions SET status = 'assigned', org_id = $1, decided_by = $2, decided_at = $3, note = $4 \
         WHERE id = $5 AND status = 'exception'",
    )
    .bind(org.to_string())
    .bind(by.to_string())
    .bind(now)
    .bind(note)
    .bind(id)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}
