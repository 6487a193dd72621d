//! Sign-ups waiting for their e-mail link (issue #11 item 7): what the form said, under the SHA-256
//! of a one-time token. Following the link consumes the row (once, before it expires) and creates
//! the login.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::Lang;
use sqlx::any::AnyRow;

#[derive(Clone, Debug)]
pub struct PendingSignUp {
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub country: String,
    pub lang: Lang,
    pub created_at: i64,
    pub expires_at: i64,
}

const COLS: &str = "email, name, password_hash, country, lang, created_at, expires_at";

fn from_row(r: &AnyRow) -> Result<PendingSignUp> {
    const T: &str = "signup_pending";
    Ok(PendingSignUp {
        email: text(r, T, "email")?,
        name: text(r, T, "name")?,
        password_hash: text(r, T, "password_hash")?,
        country: text(r, T, "country")?,
        lang: code(r, T, "lang", Lang::parse)?,
        created_at: int(r, T, "created_at")?,
        expires_at: int(r, T, "expires_at")?,
    })
}

pub async fn insert(c: &mut Conn, token_hash: &str, p: &PendingSignUp) -> Result<()> {
    sqlx::query(
        "INSERT INTO signup_pending (token_hash, email, name, password_hash, country, lang, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(token_hash)
    .bind(&p.email)
    .bind(&p.name)
    .bind(&p.password_hash)
    .bind(&p.country)
    .bind(p.lang.code())
    .bind(p.created_at)
    .bind(p.expires_at)
    .execute(c)
    .await?;
    Ok(())
}

/// The sign-up behind a link that can still be followed: unknown, used and expired give `None`.
pub async fn live(c: &mut Conn, token_hash: &str, now: i64) -> Result<Option<PendingSignUp>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM signup_pending WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2"
    ));
    let row = sqlx::query(sql)
        .bind(token_hash)
        .bind(now)
        .fetch_optional(c)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// Consumes a live link: the conditional write succeeds for exactly one caller, who gets the
/// sign-up; a used, expired or unknown link (or the loser of a race) gets `None`.
pub async fn consume(c: &mut Conn, token_hash: &str, now: i64) -> Result<Option<PendingSignUp>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "UPDATE signup_pending SET used_at = $1 \
         WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING {COLS}"
    ));
    let row = sqlx::query(sql)
        .bind(now)
        .bind(token_hash)
        .fetch_optional(c)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// Forgets sign-ups whose link expired before `before` (used or not): they hold a password hash
/// and personal details that are no longer needed.
pub async fn purge_expired(c: &mut Conn, before: i64) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM signup_pending WHERE expires_at < $1")
            .bind(before)
            .execute(c)
            .await?
            .rows_affected(),
    )
}

/// How many sign-ups are waiting or done for `email` (for tests and the operator's questions).
pub async fn count_for(c: &mut Conn, email: &str) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM signup_pending WHERE email = $1")
        .bind(email)
        .fetch_one(c)
        .await?;
    int(&row, "signup_pending", "n")
}

/// Every row of the table (for tests: a refused sign-up writes nothing).
pub async fn count_all(c: &mut Conn) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM signup_pending")
        .fetch_one(c)
        .await?;
    int(&row, "signup_pending", "n")
}
