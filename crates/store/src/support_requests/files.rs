//! What belongs to support requests beside their messages: attachments (bytes in the database),
//! the operators' canned replies, the notifications a mailed reply may answer, and the secret
//! that signs reply addresses when none is configured.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::{
    CannedReplyId, OrgId, OutboxId, SupportAttachmentId, SupportMessageId, SupportRequestId,
};
use sqlx::Row;

/// An attachment without its bytes.
#[derive(Clone, Debug)]
pub struct AttachmentMeta {
    pub id: SupportAttachmentId,
    pub message_id: SupportMessageId,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
}

pub struct NewAttachment<'a> {
    pub message: SupportMessageId,
    pub request: SupportRequestId,
    pub org: OrgId,
    pub filename: &'a str,
    pub content_type: &'a str,
    pub content: &'a [u8],
    pub now: i64,
}

pub async fn insert_attachment(c: &mut Conn, a: &NewAttachment<'_>) -> Result<SupportAttachmentId> {
    let id = SupportAttachmentId::new();
    sqlx::query(
        "INSERT INTO support_attachments (id, message_id, request_id, org_id, filename, content_type, size, content, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(id.to_string())
    .bind(a.message.to_string())
    .bind(a.request.to_string())
    .bind(a.org.to_string())
    .bind(a.filename)
    .bind(a.content_type)
    .bind(i64::try_from(a.content.len()).unwrap_or(i64::MAX))
    .bind(a.content.to_vec())
    .bind(a.now)
    .execute(c)
    .await?;
    Ok(id)
}

const A: &str = "support_attachments";

fn meta(r: &sqlx::any::AnyRow) -> Result<AttachmentMeta> {
    Ok(AttachmentMeta {
        id: parsed(r, A, "id")?,
        message_id: parsed(r, A, "message_id")?,
        filename: text(r, A, "filename")?,
        content_type: text(r, A, "content_type")?,
        size: int(r, A, "size")?,
    })
}

/// A request's attachments (no bytes), oldest first.
pub async fn attachments(c: &mut Conn, request: SupportRequestId) -> Result<Vec<AttachmentMeta>> {
    let rows = sqlx::query(
        "SELECT id, message_id, filename, content_type, size FROM support_attachments \
         WHERE request_id = $1 ORDER BY created_at, id",
    )
    .bind(request.to_string())
    .fetch_all(c)
    .await?;
    rows.iter().map(meta).collect()
}

/// One attachment of `org`, with its request and bytes (another Organization's: none).
pub async fn attachment(
    c: &mut Conn,
    org: OrgId,
    id: SupportAttachmentId,
) -> Result<Option<(AttachmentMeta, SupportRequestId, Vec<u8>)>> {
    let row = sqlx::query(
        "SELECT id, message_id, request_id, filename, content_type, size, content FROM support_attachments \
         WHERE id = $1 AND org_id = $2",
    )
    .bind(id.to_string())
    .bind(org.to_string())
    .fetch_optional(c)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let bytes: Vec<u8> = r
        .try_get("content")
        .map_err(|e| crate::StoreError::Corrupt {
            table: A,
            detail: format!("content: {e}"),
        })?;
    Ok(Some((meta(&r)?, parsed(&r, A, "request_id")?, bytes)))
}

#[derive(Clone, Debug)]
pub struct Canned {
    pub id: CannedReplyId,
    pub title: String,
    pub body: String,
    pub updated_at: i64,
}

pub async fn canned(c: &mut Conn) -> Result<Vec<Canned>> {
    const C: &str = "support_canned_replies";
    let rows = sqlx::query(
        "SELECT id, title, body, updated_at FROM support_canned_replies ORDER BY title, id",
    )
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Canned {
                id: parsed(r, C, "id")?,
                title: text(r, C, "title")?,
                body: text(r, C, "body")?,
                updated_at: int(r, C, "updated_at")?,
            })
        })
        .collect()
}

/// Creates (`id` none) or changes a canned reply; false when there is no such one to change.
pub async fn save_canned(
    c: &mut Conn,
    id: Option<CannedReplyId>,
    title: &str,
    body: &str,
    now: i64,
) -> Result<bool> {
    let done = match id {
        None => {
            sqlx::query("INSERT INTO support_canned_replies (id, title, body, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)")
                .bind(CannedReplyId::new().to_string())
                .bind(title)
                .bind(body)
                .bind(now)
                .execute(c)
                .await?
        }
        Some(id) => {
            sqlx::query("UPDATE support_canned_replies SET title = $1, body = $2, updated_at = $3 WHERE id = $4")
                .bind(title)
                .bind(body)
                .bind(now)
                .bind(id.to_string())
                .execute(c)
                .await?
        }
    };
    Ok(done.rows_affected() == 1)
}

pub async fn delete_canned(c: &mut Conn, id: CannedReplyId) -> Result<bool> {
    let done = sqlx::query("DELETE FROM support_canned_replies WHERE id = $1")
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Remembers that the outbox message `outbox` is a notification about `request`, sent with the
/// reply address `reply_to`.
pub async fn notified(
    c: &mut Conn,
    outbox: OutboxId,
    request: SupportRequestId,
    reply_to: &str,
) -> Result<()> {
    sqlx::query("INSERT INTO support_mail_refs (outbox_id, request_id) VALUES ($1, $2)")
        .bind(outbox.to_string())
        .bind(request.to_string())
        .execute(&mut *c)
        .await?;
    sqlx::query("UPDATE outbox SET reply_to = $1 WHERE id = $2")
        .bind(reply_to)
        .bind(outbox.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// The request a notification was about.
pub async fn request_of_notification(
    c: &mut Conn,
    outbox: OutboxId,
) -> Result<Option<SupportRequestId>> {
    let row = sqlx::query("SELECT request_id FROM support_mail_refs WHERE outbox_id = $1")
        .bind(outbox.to_string())
        .fetch_optional(c)
        .await?;
    row.map(|r| parsed(&r, "support_mail_refs", "request_id"))
        .transpose()
}

/// The application's secret `name`, made of `fresh` the first time (whichever instance gets there
/// first wins, and every one then reads the same).
pub async fn secret(c: &mut Conn, name: &str, fresh: &str, now: i64) -> Result<String> {
    let found = sqlx::query("SELECT value FROM app_secrets WHERE name = $1")
        .bind(name)
        .fetch_optional(&mut *c)
        .await?;
    if let Some(r) = found {
        return text(&r, "app_secrets", "value");
    }
    sqlx::query("INSERT INTO app_secrets (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING")
        .bind(name)
        .bind(fresh)
        .bind(now)
        .execute(&mut *c)
        .await?;
    let r = sqlx::query("SELECT value FROM app_secrets WHERE name = $1")
        .bind(name)
        .fetch_one(c)
        .await?;
    text(&r, "app_secrets", "value")
}

/// The Organization an attachment belongs to (the back office reads any).
pub async fn attachment_org(c: &mut Conn, id: SupportAttachmentId) -> Result<Option<OrgId>> {
    let row = sqlx::query("SELECT org_id FROM support_attachments WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(c)
        .await?;
    row.map(|r| parsed(&r, A, "org_id")).transpose()
}
