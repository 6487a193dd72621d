//! Server-side sessions. The cookie holds a random token; the table holds its SHA-256 only.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::{OrgId, UserId};
use sqlx::any::AnyRow;

#[derive(Clone, Debug)]
pub struct Session {
    pub id_hash: String,
    pub user_id: UserId,
    pub org_id: Option<OrgId>,
    pub csrf: String,
    pub pending_2fa: bool,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub user_agent: String,
    pub ip: String,
}

const T: &str = "sessions";
const COLS: &str = "id_hash, user_id, org_id, csrf, pending_2fa, created_at, last_seen_at, expires_at, user_agent, ip";

fn from_row(r: &AnyRow) -> Result<Session> {
    Ok(Session {
        id_hash: text(r, T, "id_hash")?,
        user_id: parsed(r, T, "user_id")?,
        org_id: opt_parsed(r, T, "org_id")?,
        csrf: text(r, T, "csrf")?,
        pending_2fa: flag(r, T, "pending_2fa")?,
        created_at: int(r, T, "created_at")?,
        last_seen_at: int(r, T, "last_seen_at")?,
        expires_at: int(r, T, "expires_at")?,
        user_agent: text(r, T, "user_agent")?,
        ip: text(r, T, "ip")?,
    })
}

pub async fn insert(c: &mut Conn, s: &Session) -> Result<()> {
    sqlx::query(
        "INSERT INTO sessions (id_hash, user_id, org_id, csrf, pending_2fa, created_at, last_seen_at, expires_at, user_agent, ip) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&s.id_hash)
    .bind(s.user_id.to_string())
    .bind(s.org_id.map(|o| o.to_string()))
    .bind(&s.csrf)
    .bind(b(s.pending_2fa))
    .bind(s.created_at)
    .bind(s.last_seen_at)
    .bind(s.expires_at)
    .bind(&s.user_agent)
    .bind(&s.ip)
    .execute(c)
    .await?;
    Ok(())
}

pub async fn get(c: &mut Conn, id_hash: &str) -> Result<Option<Session>> {
    let sql = sqlx::AssertSqlSafe(format!("SELECT {COLS} FROM sessions WHERE id_hash = $1"));
    let row = sqlx::query(sql).bind(id_hash).fetch_optional(c).await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn touch(c: &mut Conn, id_hash: &str, now: i64) -> Result<()> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
        .bind(now)
        .bind(id_hash)
        .execute(c)
        .await?;
    Ok(())
}

pub async fn set_org(c: &mut Conn, id_hash: &str, org: Option<OrgId>) -> Result<()> {
    sqlx::query("UPDATE sessions SET org_id = $1 WHERE id_hash = $2")
        .bind(org.map(|o| o.to_string()))
        .bind(id_hash)
        .execute(c)
        .await?;
    Ok(())
}

pub async fn delete(c: &mut Conn, id_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(c)
        .await?;
    Ok(())
}

/// Ends one of the user's own sessions; another user's session id changes nothing.
pub async fn delete_of_user(c: &mut Conn, user: UserId, id_hash: &str) -> Result<bool> {
    let done = sqlx::query("DELETE FROM sessions WHERE id_hash = $1 AND user_id = $2")
        .bind(id_hash)
        .bind(user.to_string())
        .execute(c)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends every session of a user, but `keep` (the one making the request) if given.
pub async fn delete_all_of_user(c: &mut Conn, user: UserId, keep: Option<&str>) -> Result<u64> {
    let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
        .bind(user.to_string())
        .bind(keep.unwrap_or(""))
        .execute(c)
        .await?;
    Ok(done.rows_affected())
}

pub async fn list_of_user(c: &mut Conn, user: UserId, now: i64) -> Result<Vec<Session>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM sessions WHERE user_id = $1 AND expires_at > $2 AND pending_2fa = 0 ORDER BY last_seen_at DESC, created_at DESC"
    ));
    let rows = sqlx::query(sql)
        .bind(user.to_string())
        .bind(now)
        .fetch_all(c)
        .await?;
    rows.iter().map(from_row).collect()
}

/// Deletes sessions past their absolute expiry or idle for longer than `idle_secs`.
pub async fn purge_expired(c: &mut Conn, now: i64, idle_secs: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
        .bind(now)
        .bind(now - idle_secs)
        .execute(c)
        .await?;
    Ok(done.rows_affected())
}
