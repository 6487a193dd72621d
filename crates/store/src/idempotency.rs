//! Idempotency keys (Stripe's contract): one answer per (Organization, key), stored in the transaction
//! of the effect. On PostgreSQL a second transaction inserting the same key waits on the primary key
//! until the first commits, then finds its row; on SQLite writers are serialised by `BEGIN IMMEDIATE`.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::OrgId;

/// What is known of a key.
pub enum Claim {
    /// The key is new: it is now taken inside the caller's transaction.
    Fresh,
    /// The key was used before with this request: its stored answer.
    Replay { status: i64, response: String },
    /// The key was used before with another request.
    Mismatch,
}

/// Takes the key for this request, or tells what happened to it before.
pub async fn claim(
    c: &mut Conn,
    org: OrgId,
    key: &str,
    request_hash: &str,
    now: i64,
) -> Result<Claim> {
    let inserted = sqlx::query(
        "INSERT INTO idempotency_keys (org_id, idem_key, request_hash, status, response, created_at) \
         VALUES ($1, $2, $3, 0, '', $4) ON CONFLICT (org_id, idem_key) DO NOTHING",
    )
    .bind(org.to_string())
    .bind(key)
    .bind(request_hash)
    .bind(now)
    .execute(&mut *c)
    .await?
    .rows_affected();
    if inserted == 1 {
        return Ok(Claim::Fresh);
    }
    let row = sqlx::query("SELECT request_hash, status, response FROM idempotency_keys WHERE org_id = $1 AND idem_key = $2")
        .bind(org.to_string())
        .bind(key)
        .fetch_one(c)
        .await?;
    const T: &str = "idempotency_keys";
    if text(&row, T, "request_hash")? != request_hash {
        return Ok(Claim::Mismatch);
    }
    Ok(Claim::Replay {
        status: int(&row, T, "status")?,
        response: text(&row, T, "response")?,
    })
}

/// Stores the answer of a fresh key (same transaction as the effect).
pub async fn complete(
    c: &mut Conn,
    org: OrgId,
    key: &str,
    status: i64,
    response: &str,
) -> Result<()> {
    sqlx::query("UPDATE idempotency_keys SET status = $1, response = $2 WHERE org_id = $3 AND idem_key = $4")
        .bind(status)
        .bind(response)
        .bind(org.to_string())
        .bind(key)
        .execute(c)
        .await?;
    Ok(())
}

/// The stored answer of a key: (status, response); status 0 while its request has not finished
/// (a two-phase card charge between its transactions).
pub async fn answer(c: &mut Conn, org: OrgId, key: &str) -> Result<Option<(i64, String)>> {
    let row = sqlx::query(
        "SELECT status, response FROM idempotency_keys WHERE org_id = $1 AND idem_key = $2",
    )
    .bind(org.to_string())
    .bind(key)
    .fetch_optional(c)
    .await?;
    const T: &str = "idempotency_keys";
    row.map(|r| Ok((int(&r, T, "status")?, text(&r, T, "response")?)))
        .transpose()
}
