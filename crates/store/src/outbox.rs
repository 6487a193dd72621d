//! The e-mail outbox. Messages are inserted in the transaction of the change that causes them;
//! senders claim them with a lease, so a crashed sender's message is retried by another instance.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::OutboxId;
use sqlx::any::AnyRow;

#[derive(Clone, Debug)]
pub struct Message {
    pub id: OutboxId,
    pub to_addr: String,
    pub subject: String,
    pub body: String,
    pub kind: String,
    pub created_at: i64,
    pub attempts: i64,
    pub sent_at: Option<i64>,
    /// The recipient's language code (`fr`, `en`, `de`); `None` for messages queued before it was kept.
    pub lang: Option<String>,
    /// Where replies go (a support request's signed reply address), when not the sender.
    pub reply_to: Option<String>,
}

const T: &str = "outbox";
const COLS: &str =
    "id, to_addr, subject, body, kind, created_at, attempts, sent_at, lang, reply_to";

fn from_row(r: &AnyRow) -> Result<Message> {
    Ok(Message {
        id: parsed(r, T, "id")?,
        to_addr: text(r, T, "to_addr")?,
        subject: text(r, T, "subject")?,
        body: text(r, T, "body")?,
        kind: text(r, T, "kind")?,
        created_at: int(r, T, "created_at")?,
        attempts: int(r, T, "attempts")?,
        sent_at: opt_int(r, T, "sent_at")?,
        lang: opt_text(r, T, "lang")?,
        reply_to: opt_text(r, T, "reply_to")?,
    })
}

/// Queues a message without a language (prefer [`enqueue_in`]: the sender then names none).
pub async fn enqueue(
    c: &mut Conn,
    to: &str,
    subject: &str,
    body: &str,
    kind: &str,
    now: i64,
) -> Result<OutboxId> {
    insert(c, to, None, (subject, body), kind, now).await
}

/// Queues a message written in `lang` (its code, e.g. `de`), sent with that Content-Language.
pub async fn enqueue_in(
    c: &mut Conn,
    to: &str,
    lang: &str,
    (subject, body): (&str, &str),
    kind: &str,
    now: i64,
) -> Result<OutboxId> {
    insert(c, to, Some(lang), (subject, body), kind, now).await
}

async fn insert(
    c: &mut Conn,
    to: &str,
    lang: Option<&str>,
    (subject, body): (&str, &str),
    kind: &str,
    now: i64,
) -> Result<OutboxId> {
    let id = OutboxId::new();
    sqlx::query("INSERT INTO outbox (id, to_addr, subject, body, kind, created_at, lang) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(id.to_string())
        .bind(to)
        .bind(subject)
        .bind(body)
        .bind(kind)
        .bind(now)
        .bind(lang)
        .execute(c)
        .await?;
    Ok(id)
}

/// Unsent messages whose lease is free, oldest first (candidates; [`claim`] decides).
pub async fn due(c: &mut Conn, now: i64, limit: i64) -> Result<Vec<Message>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM outbox WHERE sent_at IS NULL AND attempts < 10 AND (locked_until IS NULL OR locked_until < $1) \
         ORDER BY created_at, id LIMIT $2"
    ));
    let rows = sqlx::query(sql).bind(now).bind(limit).fetch_all(c).await?;
    rows.iter().map(from_row).collect()
}

/// Takes the lease on a message; false if another sender has it or it was sent.
pub async fn claim(c: &mut Conn, id: OutboxId, now: i64, lease_secs: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE outbox SET locked_until = $1, attempts = attempts + 1 WHERE id = $2 AND sent_at IS NULL \
         AND (locked_until IS NULL OR locked_until < $3)",
    )
    .bind(now + lease_secs)
    .bind(id.to_string())
    .bind(now)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn mark_sent(c: &mut Conn, id: OutboxId, now: i64) -> Result<()> {
    sqlx::query("UPDATE outbox SET sent_at = $1, last_error = NULL WHERE id = $2")
        .bind(now)
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// Records a failure; the lease runs out and the message is retried later (with back-off).
pub async fn mark_failed(c: &mut Conn, id: OutboxId, error: &str, retry_at: i64) -> Result<()> {
    sqlx::query("UPDATE outbox SET last_error = $1, locked_until = $2 WHERE id = $3")
        .bind(error)
        .bind(retry_at)
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// Every message to one address, newest first (tests and the back office use it).
pub async fn to_address(c: &mut Conn, to: &str) -> Result<Vec<Message>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM outbox WHERE to_addr = $1 ORDER BY created_at DESC, id DESC"
    ));
    let rows = sqlx::query(sql).bind(to).fetch_all(c).await?;
    rows.iter().map(from_row).collect()
}

pub async fn count(c: &mut Conn) -> Result<i64> {
    use sqlx::Row;
    Ok(sqlx::query("SELECT COUNT(*) FROM outbox")
        .fetch_one(c)
        .await?
        .try_get::<i64, _>(0)?)
}

/// A text file attached to a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub filename: String,
    pub content_type: String,
    pub content: String,
}

pub async fn attach(c: &mut Conn, id: OutboxId, a: &Attachment) -> Result<()> {
    sqlx::query(
        "INSERT INTO outbox_attachments (outbox_id, filename, content_type, content) VALUES ($1, $2, $3, $4)",
    )
    .bind(id.to_string())
    .bind(&a.filename)
    .bind(&a.content_type)
    .bind(&a.content)
    .execute(c)
    .await?;
    Ok(())
}

pub async fn attachment(c: &mut Conn, id: OutboxId) -> Result<Option<Attachment>> {
    const T: &str = "outbox_attachments";
    let row = sqlx::query(
        "SELECT filename, content_type, content FROM outbox_attachments WHERE outbox_id = $1",
    )
    .bind(id.to_string())
    .fetch_optional(c)
    .await?;
    row.map(|r| {
        Ok(Attachment {
            filename: text(&r, T, "filename")?,
            content_type: text(&r, T, "content_type")?,
            content: text(&r, T, "content")?,
        })
    })
    .transpose()
}
