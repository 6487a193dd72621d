//! Login attempts, counted per account and per IP over sliding windows (shared by every instance).

use crate::row::b;
use crate::{Conn, Result};
use sqlx::Row;

pub async fn record(c: &mut Conn, account: &str, ip: &str, ok: bool, now: i64) -> Result<()> {
    sqlx::query("INSERT INTO login_attempts (id, account, ip, ok, at) VALUES ($1, $2, $3, $4, $5)")
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(account)
        .bind(ip)
        .bind(b(ok))
        .bind(now)
        .execute(c)
        .await?;
    Ok(())
}

/// Failed attempts on `account` since `since`, and the oldest of them (to tell when the window frees).
pub async fn failures_for_account(
    c: &mut Conn,
    account: &str,
    since: i64,
) -> Result<(i64, Option<i64>)> {
    let row = sqlx::query(
        "SELECT COUNT(*), MIN(at) FROM login_attempts WHERE account = $1 AND ok = 0 AND at > $2",
    )
    .bind(account)
    .bind(since)
    .fetch_one(c)
    .await?;
    Ok((row.try_get::<i64, _>(0)?, row.try_get::<Option<i64>, _>(1)?))
}

pub async fn failures_for_ip(c: &mut Conn, ip: &str, since: i64) -> Result<(i64, Option<i64>)> {
    let row = sqlx::query(
        "SELECT COUNT(*), MIN(at) FROM login_attempts WHERE ip = $1 AND ok = 0 AND at > $2",
    )
    .bind(ip)
    .bind(since)
    .fetch_one(c)
    .await?;
    Ok((row.try_get::<i64, _>(0)?, row.try_get::<Option<i64>, _>(1)?))
}

/// Successful attempts recorded on `account` since `since`, and the oldest of them. The sign-up
/// counters (`signup-ip:…`, `signup-mail:…`) record each sign-up as a success: so they never count
/// towards the login failures of an address, and a failed login typed as such a name (which only
/// records a failure) cannot use up someone else's sign-ups.
pub async fn successes_for_account(
    c: &mut Conn,
    account: &str,
    since: i64,
) -> Result<(i64, Option<i64>)> {
    let row = sqlx::query(
        "SELECT COUNT(*), MIN(at) FROM login_attempts WHERE account = $1 AND ok = 1 AND at > $2",
    )
    .bind(account)
    .bind(since)
    .fetch_one(c)
    .await?;
    Ok((row.try_get::<i64, _>(0)?, row.try_get::<Option<i64>, _>(1)?))
}

/// Forgets failures of an account (after a password reset by its real owner).
pub async fn clear_account(c: &mut Conn, account: &str) -> Result<()> {
    sqlx::query("DELETE FROM login_attempts WHERE account = $1 AND ok = 0")
        .bind(account)
        .execute(c)
        .await?;
    Ok(())
}

/// Forgets attempts older than `before`; the sign-up counters, counted over a day, are kept a day
/// longer.
pub async fn purge_before(c: &mut Conn, before: i64) -> Result<u64> {
    Ok(sqlx::query(
        "DELETE FROM login_attempts WHERE at < $1 AND (account NOT LIKE 'signup-%' OR at < $2)",
    )
    .bind(before)
    .bind(before - 24 * 3600)
    .execute(c)
    .await?
    .rows_affected())
}
