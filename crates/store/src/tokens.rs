//! Personal API tokens, each scoped to one Organization. Only the SHA-256 of a token is stored.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::{ApiTokenId, OrgId, UserId};
use sqlx::any::AnyRow;

#[derive(Clone, Debug)]
pub struct ApiToken {
    pub id: ApiTokenId,
    pub user_id: UserId,
    pub org_id: OrgId,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

const T: &str = "api_tokens";

fn from_row(r: &AnyRow) -> Result<ApiToken> {
    Ok(ApiToken {
        id: parsed(r, T, "id")?,
        user_id: parsed(r, T, "user_id")?,
        org_id: parsed(r, T, "org_id")?,
        name: text(r, T, "name")?,
        created_at: int(r, T, "created_at")?,
        last_used_at: opt_int(r, T, "last_used_at")?,
    })
}

pub async fn insert(c: &mut Conn, t: &ApiToken, token_hash: &str) -> Result<()> {
    sqlx::query("INSERT INTO api_tokens (id, user_id, org_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(t.id.to_string())
        .bind(t.user_id.to_string())
        .bind(t.org_id.to_string())
        .bind(&t.name)
        .bind(token_hash)
        .bind(t.created_at)
        .execute(c)
        .await?;
    Ok(())
}

pub async fn by_hash(c: &mut Conn, token_hash: &str) -> Result<Option<ApiToken>> {
    let row = sqlx::query(
        "SELECT id, user_id, org_id, name, created_at, last_used_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(c)
    .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn mark_used(c: &mut Conn, id: ApiTokenId, now: i64) -> Result<()> {
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

pub async fn list_of_user(c: &mut Conn, user: UserId) -> Result<Vec<ApiToken>> {
    let rows = sqlx::query(
        "SELECT id, user_id, org_id, name, created_at, last_used_at FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL \
         ORDER BY created_at DESC, id DESC",
    )
    .bind(user.to_string())
    .fetch_all(c)
    .await?;
    rows.iter().map(from_row).collect()
}

pub async fn revoke(c: &mut Conn, user: UserId, id: ApiTokenId, now: i64) -> Result<bool> {
    let done = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL")
        .bind(now)
        .bind(id.to_string())
        .bind(user.to_string())
        .execute(c)
        .await?;
    Ok(done.rows_affected() == 1)
}
