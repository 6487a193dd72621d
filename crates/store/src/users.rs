//! Logins: e-mail, password hash, language, TOTP, operator flag, support code.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::{Lang, UserId};
use sqlx::any::AnyRow;

#[derive(Clone, Debug)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub lang: Lang,
    pub totp_secret: Option<String>,
    pub totp_enabled: bool,
    pub totp_last_step: i64,
    pub is_operator: bool,
    pub disabled: bool,
    pub support_code: String,
    pub created_at: i64,
}

const COLS: &str = "id, email, name, password_hash, lang, totp_secret, totp_enabled, totp_last_step, \
                    is_operator, disabled, support_code, created_at";

fn from_row(r: &AnyRow) -> Result<User> {
    const T: &str = "users";
    Ok(User {
        id: parsed(r, T, "id")?,
        email: text(r, T, "email")?,
        name: text(r, T, "name")?,
        password_hash: text(r, T, "password_hash")?,
        lang: code(r, T, "lang", Lang::parse)?,
        totp_secret: opt_text(r, T, "totp_secret")?,
        totp_enabled: flag(r, T, "totp_enabled")?,
        totp_last_step: int(r, T, "totp_last_step")?,
        is_operator: flag(r, T, "is_operator")?,
        disabled: flag(r, T, "disabled")?,
        support_code: text(r, T, "support_code")?,
        created_at: int(r, T, "created_at")?,
    })
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub password_hash: &'a str,
    pub lang: Lang,
    pub is_operator: bool,
    pub support_code: &'a str,
    pub now: i64,
}

pub async fn insert(c: &mut Conn, u: NewUser<'_>) -> Result<UserId> {
    let id = UserId::new();
    sqlx::query(
        "INSERT INTO users (id, email, name, password_hash, lang, is_operator, support_code, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id.to_string())
    .bind(u.email)
    .bind(u.name)
    .bind(u.password_hash)
    .bind(u.lang.code())
    .bind(b(u.is_operator))
    .bind(u.support_code)
    .bind(u.now)
    .execute(c)
    .await?;
    Ok(id)
}

pub async fn by_id(c: &mut Conn, id: UserId) -> Result<Option<User>> {
    let sql = sqlx::AssertSqlSafe(format!("SELECT {COLS} FROM users WHERE id = $1"));
    let row = sqlx::query(sql)
        .bind(id.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn by_email(c: &mut Conn, email: &str) -> Result<Option<User>> {
    let sql = sqlx::AssertSqlSafe(format!("SELECT {COLS} FROM users WHERE email = $1"));
    let row = sqlx::query(sql).bind(email).fetch_optional(c).await?;
    row.as_ref().map(from_row).transpose()
}

/// The provider's operators who can sign in, with their language codes (webhook alerts go to them).
pub async fn operators(c: &mut Conn) -> Result<Vec<(String, String)>> {
    let rows = sqlx::query(
        "SELECT email, lang FROM users WHERE is_operator = 1 AND disabled = 0 ORDER BY email",
    )
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| Ok((text(r, "users", "email")?, text(r, "users", "lang")?)))
        .collect()
}

pub async fn by_support_code(c: &mut Conn, code: &str) -> Result<Option<User>> {
    let sql = sqlx::AssertSqlSafe(format!("SELECT {COLS} FROM users WHERE support_code = $1"));
    let row = sqlx::query(sql).bind(code).fetch_optional(c).await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn support_code_taken(c: &mut Conn, code: &str) -> Result<bool> {
    let row = sqlx::query("SELECT 1 FROM users WHERE support_code = $1")
        .bind(code)
        .fetch_optional(c)
        .await?;
    Ok(row.is_some())
}

pub async fn set_password(c: &mut Conn, id: UserId, hash: &str) -> Result<()> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

pub async fn set_profile(c: &mut Conn, id: UserId, name: &str, lang: Lang) -> Result<()> {
    sqlx::query("UPDATE users SET name = $1, lang = $2 WHERE id = $3")
        .bind(name)
        .bind(lang.code())
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// Stores a new (not yet confirmed) TOTP secret, or clears it when `secret` is `None`.
pub async fn set_totp(c: &mut Conn, id: UserId, secret: Option<&str>, enabled: bool) -> Result<()> {
    sqlx::query(
        "UPDATE users SET totp_secret = $1, totp_enabled = $2, totp_last_step = 0 WHERE id = $3",
    )
    .bind(secret)
    .bind(b(enabled))
    .bind(id.to_string())
    .execute(c)
    .await?;
    Ok(())
}

/// Records the TOTP step just used, only if it is newer than the last one: a replayed code
/// (same or older step) updates nothing and the caller refuses it.
pub async fn advance_totp_step(c: &mut Conn, id: UserId, step: i64) -> Result<bool> {
    let done =
        sqlx::query("UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1")
            .bind(step)
            .bind(id.to_string())
            .execute(c)
            .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn replace_recovery_codes(c: &mut Conn, id: UserId, hashes: &[String]) -> Result<()> {
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(id.to_string())
        .execute(&mut *c)
        .await?;
    for h in hashes {
        sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
            .bind(id.to_string())
            .bind(h)
            .execute(&mut *c)
            .await?;
    }
    Ok(())
}

/// Marks a recovery code used; true only the first time.
pub async fn use_recovery_code(c: &mut Conn, id: UserId, hash: &str, now: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
    )
    .bind(now)
    .bind(id.to_string())
    .bind(hash)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn unused_recovery_codes(c: &mut Conn, id: UserId) -> Result<i64> {
    use sqlx::Row;
    let row =
        sqlx::query("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL")
            .bind(id.to_string())
            .fetch_one(c)
            .await?;
    Ok(row.try_get::<i64, _>(0)?)
}

pub async fn regenerate_support_code(c: &mut Conn, id: UserId, code: &str) -> Result<()> {
    sqlx::query("UPDATE users SET support_code = $1 WHERE id = $2")
        .bind(code)
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// Records a device fingerprint; true when it had not been seen before for this user (SEC-02).
pub async fn remember_device(
    c: &mut Conn,
    id: UserId,
    fingerprint: &str,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO known_devices (user_id, fingerprint, first_seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(id.to_string())
    .bind(fingerprint)
    .bind(now)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn insert_password_reset(
    c: &mut Conn,
    id: UserId,
    token_hash: &str,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    sqlx::query("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(id.to_string())
        .bind(now)
        .bind(expires_at)
        .execute(c)
        .await?;
    Ok(())
}

/// Consumes a live reset token, returning its user; `None` if unknown, used or expired.
pub async fn consume_password_reset(
    c: &mut Conn,
    token_hash: &str,
    now: i64,
) -> Result<Option<UserId>> {
    let row = sqlx::query(
        "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 \
         RETURNING user_id",
    )
    .bind(now)
    .bind(token_hash)
    .fetch_optional(c)
    .await?;
    row.as_ref()
        .map(|r| parsed(r, "password_resets", "user_id"))
        .transpose()
}

pub async fn password_reset_is_live(c: &mut Conn, token_hash: &str, now: i64) -> Result<bool> {
    let row = sqlx::query("SELECT 1 FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2")
        .bind(token_hash)
        .bind(now)
        .fetch_optional(c)
        .await?;
    Ok(row.is_some())
}
