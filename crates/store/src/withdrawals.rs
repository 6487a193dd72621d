//! Withdrawal requests (PP-04) and their decisions.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::{Currency, OrgId, UserId};
use sqlx::any::AnyRow;

#[derive(Clone, Debug)]
pub struct Withdrawal {
    pub id: String,
    pub org_id: OrgId,
    pub org_name: String,
    pub amount: i64,
    pub currency: Currency,
    pub method: String,
    pub destination: String,
    pub holder: String,
    pub status: String,
    pub requested_by: UserId,
    pub reason: Option<String>,
    pub created_at: i64,
    pub decided_at: Option<i64>,
}

const T: &str = "withdrawals";
const COLS: &str = "w.id, w.org_id, o.name AS org_name, w.amount, w.currency, w.method, w.destination, w.holder, w.status, \
                    w.requested_by, w.reason, w.created_at, w.decided_at";

fn from_row(r: &AnyRow) -> Result<Withdrawal> {
    Ok(Withdrawal {
        id: text(r, T, "id")?,
        org_id: parsed(r, T, "org_id")?,
        org_name: text(r, T, "org_name")?,
        amount: int(r, T, "amount")?,
        currency: code(r, T, "currency", Currency::parse)?,
        method: text(r, T, "method")?,
        destination: text(r, T, "destination")?,
        holder: text(r, T, "holder")?,
        status: text(r, T, "status")?,
        requested_by: parsed(r, T, "requested_by")?,
        reason: opt_text(r, T, "reason")?,
        created_at: int(r, T, "created_at")?,
        decided_at: opt_int(r, T, "decided_at")?,
    })
}

pub struct NewWithdrawal<'a> {
    pub org: OrgId,
    pub amount: i64,
    pub currency: Currency,
    pub method: &'a str,
    pub destination: &'a str,
    pub holder: &'a str,
    pub requested_by: UserId,
    pub now: i64,
}

pub async fn insert(c: &mut Conn, w: &NewWithdrawal<'_>) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    sqlx::query(
        "INSERT INTO withdrawals (id, org_id, amount, currency, method, destination, holder, status, requested_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $8, $9)",
    )
    .bind(&id)
    .bind(w.org.to_string())
    .bind(w.amount)
    .bind(w.currency.code())
    .bind(w.method)
    .bind(w.destination)
    .bind(w.holder)
    .bind(w.requested_by.to_string())
    .bind(w.now)
    .execute(c)
    .await?;
    Ok(id)
}

/// One Organization's withdrawals, newest first.
pub async fn of_org(c: &mut Conn, org: OrgId) -> Result<Vec<Withdrawal>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM withdrawals w JOIN orgs o ON o.id = w.org_id WHERE w.org_id = $1 ORDER BY w.created_at DESC, w.id DESC LIMIT 100"
    ));
    let rows = sqlx::query(sql).bind(org.to_string()).fetch_all(c).await?;
    rows.iter().map(from_row).collect()
}

/// Every withdrawal in a status, oldest first (the back office's queue).
pub async fn with_status(c: &mut Conn, status: &str) -> Result<Vec<Withdrawal>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM withdrawals w JOIN orgs o ON o.id = w.org_id WHERE w.status = $1 ORDER BY w.created_at, w.id LIMIT 500"
    ));
    let rows = sqlx::query(sql).bind(status).fetch_all(c).await?;
    rows.iter().map(from_row).collect()
}

pub async fn get(c: &mut Conn, id: &str) -> Result<Option<Withdrawal>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM withdrawals w JOIN orgs o ON o.id = w.org_id WHERE w.id = $1"
    ));
    let row = sqlx::query(sql).bind(id).fetch_optional(c).await?;
    row.as_ref().map(from_row).transpose()
}

/// Moves a withdrawal from `from` to `to`; false if somebody else decided first.
pub async fn decide(
    c: &mut Conn,
    id: &str,
    from: &str,
    to: &str,
    by: UserId,
    reason: Option<&str>,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE withdrawals SET status = $1, decided_by = $2, reason = $3, decided_at = $4 WHERE id = $5 AND status = $6",
    )
    .bind(to)
    .bind(by.to_string())
    .bind(reason)
    .bind(now)
    .bind(id)
    .bind(from)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}
