//! Withdrawal requests (PP-04) and their decisions.

use crate::row::*;
use crate::transition::Cas;
use crate::{Conn, Result};
use guichet_core::status::WithdrawalStatus;
use guichet_core::{Currency, Money, OrgId, PayoutFileId, UserId, WithdrawalId};
use sqlx::any::AnyRow;

#[derive(Clone, Debug)]
pub struct Withdrawal {
    pub id: WithdrawalId,
    pub org_id: OrgId,
    pub org_name: String,
    pub amount: Money,
    pub currency: Currency,
    pub method: String,
    pub destination: String,
    pub holder: String,
    pub status: WithdrawalStatus,
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
        id: parsed(r, T, "id")?,
        org_id: parsed(r, T, "org_id")?,
        org_name: text(r, T, "org_name")?,
        amount: money(r, T, "amount", "currency")?,
        currency: code(r, T, "currency", Currency::parse)?,
        method: text(r, T, "method")?,
        destination: text(r, T, "destination")?,
        holder: text(r, T, "holder")?,
        status: code(r, T, "status", WithdrawalStatus::parse)?,
        requested_by: parsed(r, T, "requested_by")?,
        reason: opt_text(r, T, "reason")?,
        created_at: int(r, T, "created_at")?,
        decided_at: opt_int(r, T, "decided_at")?,
    })
}

pub struct NewWithdrawal<'a> {
    pub org: OrgId,
    pub amount: Money,
    pub method: &'a str,
    pub destination: &'a str,
    pub holder: &'a str,
    pub requested_by: UserId,
    pub now: i64,
}

pub async fn insert(c: &mut Conn, w: &NewWithdrawal<'_>) -> Result<WithdrawalId> {
    let id = WithdrawalId::new();
    sqlx::query(
        "INSERT INTO withdrawals (id, org_id, amount, currency, method, destination, holder, status, requested_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $8, $9)",
    )
    .bind(id.to_string())
    .bind(w.org.to_string())
    .bind(w.amount.minor)
    .bind(w.amount.currency.code())
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
pub async fn with_status(c: &mut Conn, status: WithdrawalStatus) -> Result<Vec<Withdrawal>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM withdrawals w JOIN orgs o ON o.id = w.org_id WHERE w.status = $1 ORDER BY w.created_at, w.id LIMIT 500"
    ));
    let rows = sqlx::query(sql).bind(status.as_str()).fetch_all(c).await?;
    rows.iter().map(from_row).collect()
}

pub async fn get(c: &mut Conn, id: WithdrawalId) -> Result<Option<Withdrawal>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM withdrawals w JOIN orgs o ON o.id = w.org_id WHERE w.id = $1"
    ));
    let row = sqlx::query(sql)
        .bind(id.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// Moves a withdrawal from `from` to `to`; false if somebody else decided first.
pub async fn decide(
    c: &mut Conn,
    id: WithdrawalId,
    from: WithdrawalStatus,
    to: WithdrawalStatus,
    by: UserId,
    reason: Option<&str>,
    now: i64,
) -> Result<bool> {
    Cas::new(&[from], to)
        .id(id)
        .set("decided_by", by.to_string())
        .set("reason", reason)
        .set("decided_at", now)
        .applied(c)
        .await
}

/// Approved withdrawals to an IBAN, oldest first: what the next payout file carries.
pub async fn approved_to_iban(c: &mut Conn) -> Result<Vec<Withdrawal>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM withdrawals w JOIN orgs o ON o.id = w.org_id WHERE w.status = 'approved' AND w.method = 'iban' \
         ORDER BY w.created_at, w.id LIMIT 1000"
    ));
    let rows = sqlx::query(sql).fetch_all(c).await?;
    rows.iter().map(from_row).collect()
}

/// Records a payout file and marks its withdrawals in transit; false for one that was no longer approved.
pub async fn mark_in_transit(
    c: &mut Conn,
    id: WithdrawalId,
    file_id: PayoutFileId,
) -> Result<bool> {
    Cas::new(&[WithdrawalStatus::Approved], WithdrawalStatus::InTransit)
        .id(id)
        .set("payout_file_id", file_id.to_string())
        .applied(c)
        .await
}

/// A withdrawal in transit whose id without hyphens is `end_to_end` (what the bank echoes back).
pub async fn in_transit_by_end_to_end(
    c: &mut Conn,
    end_to_end: &str,
) -> Result<Option<Withdrawal>> {
    if end_to_end.len() != 32 || !end_to_end.chars().all(|ch| ch.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let id = format!(
        "{}-{}-{}-{}-{}",
        &end_to_end[..8],
        &end_to_end[8..12],
        &end_to_end[12..16],
        &end_to_end[16..20],
        &end_to_end[20..]
    );
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM withdrawals w JOIN orgs o ON o.id = w.org_id WHERE w.id = $1 AND w.status = 'in_transit'"
    ));
    let row = sqlx::query(sql)
        .bind(id.to_lowercase())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn mark_paid(c: &mut Conn, id: WithdrawalId, now: i64) -> Result<bool> {
    Cas::new(&[WithdrawalStatus::InTransit], WithdrawalStatus::Paid)
        .id(id)
        .set("decided_at", now)
        .applied(c)
        .await
}

pub async fn insert_payout_file(
    c: &mut Conn,
    message_id: &str,
    payouts: i64,
    xml: &str,
    by: Option<UserId>,
    now: i64,
) -> Result<PayoutFileId> {
    let id = PayoutFileId::new();
    sqlx::query("INSERT INTO payout_files (id, message_id, payouts, xml, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(id.to_string())
        .bind(message_id)
        .bind(payouts)
        .bind(xml)
        .bind(by.map(|u| u.to_string()))
        .bind(now)
        .execute(c)
        .await?;
    Ok(id)
}

/// (id, message id, payouts, created at) of the latest payout files.
pub async fn payout_files(
    c: &mut Conn,
    limit: i64,
) -> Result<Vec<(PayoutFileId, String, i64, i64)>> {
    let rows = sqlx::query("SELECT id, message_id, payouts, created_at FROM payout_files ORDER BY created_at DESC, id DESC LIMIT $1")
        .bind(limit)
        .fetch_all(c)
        .await?;
    const P: &str = "payout_files";
    rows.iter()
        .map(|r| {
            Ok((
                parsed(r, P, "id")?,
                text(r, P, "message_id")?,
                int(r, P, "payouts")?,
                int(r, P, "created_at")?,
            ))
        })
        .collect()
}

/// The XML of a payout file and its message id.
pub async fn payout_file(c: &mut Conn, id: PayoutFileId) -> Result<Option<(String, String)>> {
    let row = sqlx::query("SELECT message_id, xml FROM payout_files WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref()
        .map(|r| {
            Ok((
                text(r, "payout_files", "message_id")?,
                text(r, "payout_files", "xml")?,
            ))
        })
        .transpose()
}

/// Why an approved withdrawal could not go into the last payout file (issue #11, item 6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayoutProblem {
    /// `holder`, `address`, `iban` or `other`: what stopped it.
    pub field: String,
    /// The character outside the Swiss Payment Standards set, when that was the cause.
    pub refused_char: Option<String>,
    /// The pain.001 writer's words.
    pub reason: String,
    pub first_seen_at: i64,
    pub seen_at: i64,
}

/// Records (or refreshes) why a withdrawal was set aside by a payout run.
pub async fn set_payout_problem(
    c: &mut Conn,
    withdrawal_id: WithdrawalId,
    field: &str,
    refused_char: Option<&str>,
    reason: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO payout_problems (withdrawal_id, field, refused_char, reason, first_seen_at, seen_at) \
         VALUES ($1, $2, $3, $4, $5, $5) \
         ON CONFLICT (withdrawal_id) DO UPDATE SET field = excluded.field, refused_char = excluded.refused_char, \
         reason = excluded.reason, seen_at = excluded.seen_at",
    )
    .bind(withdrawal_id.to_string())
    .bind(field)
    .bind(refused_char)
    .bind(reason)
    .bind(now)
    .execute(c)
    .await?;
    Ok(())
}

/// Whether a withdrawal is currently set aside.
pub async fn has_payout_problem(c: &mut Conn, withdrawal_id: WithdrawalId) -> Result<bool> {
    let row = sqlx::query("SELECT 1 FROM payout_problems WHERE withdrawal_id = $1")
        .bind(withdrawal_id.to_string())
        .fetch_optional(c)
        .await?;
    Ok(row.is_some())
}

/// Forgets why a withdrawal was set aside (it has been exported or rejected).
pub async fn clear_payout_problem(c: &mut Conn, withdrawal_id: WithdrawalId) -> Result<()> {
    sqlx::query("DELETE FROM payout_problems WHERE withdrawal_id = $1")
        .bind(withdrawal_id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// The approved withdrawals set aside by a payout run, oldest first, with why.
pub async fn set_aside(c: &mut Conn) -> Result<Vec<(Withdrawal, PayoutProblem)>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS}, p.field AS p_field, p.refused_char AS p_refused_char, p.reason AS p_reason, \
         p.first_seen_at AS p_first_seen_at, p.seen_at AS p_seen_at \
         FROM payout_problems p JOIN withdrawals w ON w.id = p.withdrawal_id JOIN orgs o ON o.id = w.org_id \
         WHERE w.status = 'approved' ORDER BY w.created_at, w.id LIMIT 1000"
    ));
    let rows = sqlx::query(sql).fetch_all(c).await?;
    const P: &str = "payout_problems";
    rows.iter()
        .map(|r| {
            Ok((
                from_row(r)?,
                PayoutProblem {
                    field: text(r, P, "p_field")?,
                    refused_char: opt_text(r, P, "p_refused_char")?,
                    reason: text(r, P, "p_reason")?,
                    first_seen_at: int(r, P, "p_first_seen_at")?,
                    seen_at: int(r, P, "p_seen_at")?,
                },
            ))
        })
        .collect()
}

/// Rejects an approved withdrawal that a payout run set aside (`approved → rejected`); false when
/// it is no longer approved or no longer set aside (somebody else decided, or it was exported).
pub async fn reject_set_aside(
    c: &mut Conn,
    id: WithdrawalId,
    by: UserId,
    reason: &str,
    now: i64,
) -> Result<bool> {
    Cas::new(&[WithdrawalStatus::Approved], WithdrawalStatus::Rejected)
        .id(id)
        .set("decided_by", by.to_string())
        .set("reason", reason)
        .set("decided_at", now)
        .guard(
            "EXISTS (SELECT 1 FROM payout_problems p WHERE p.withdrawal_id = ?)",
            id.to_string(),
        )
        .applied(c)
        .await
}
