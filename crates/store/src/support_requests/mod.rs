//! Support requests (issue #16): the requests of an Organization, their messages, the operators'
//! queue and the figures the provider reads. Attachments, canned replies and what mail-in needs
//! are in [`files`]. Status changes go through `store::transition` (compare-and-set).

pub mod files;

use crate::keyset::{self, Page, Paged, Sql};
use crate::row::*;
use crate::transition::Cas;
use crate::{Conn, Result};
use guichet_core::status::SupportRequestStatus as S;
use guichet_core::support_request::MessageKind;
use guichet_core::{OrgId, ProductId, SupportMessageId, SupportRequestId, UserId};
use sqlx::any::AnyRow;

#[derive(Clone, Debug)]
pub struct Request {
    pub id: SupportRequestId,
    pub org_id: OrgId,
    pub topic: String,
    pub product_id: Option<ProductId>,
    pub opened_by: UserId,
    pub status: S,
    /// The Premium Support tier when it was opened (0: standard).
    pub tier: i64,
    pub assignee: Option<UserId>,
    pub created_at: i64,
    pub updated_at: i64,
    pub first_response_at: Option<i64>,
    pub first_responder: Option<UserId>,
    pub closed_at: Option<i64>,
    /// The guides suggested before it was sent.
    pub suggested: Vec<String>,
}

const T: &str = "support_requests";
const COLS: &str = "r.id, r.org_id, r.topic, r.product_id, r.opened_by, r.status, r.tier, r.assignee, \
    r.created_at, r.updated_at, r.first_response_at, r.first_responder, r.closed_at, r.suggested";

fn from_row(r: &AnyRow) -> Result<Request> {
    Ok(Request {
        id: parsed(r, T, "id")?,
        org_id: parsed(r, T, "org_id")?,
        topic: text(r, T, "topic")?,
        product_id: opt_parsed(r, T, "product_id")?,
        opened_by: parsed(r, T, "opened_by")?,
        status: code(r, T, "status", S::parse)?,
        tier: int(r, T, "tier")?,
        assignee: opt_parsed(r, T, "assignee")?,
        created_at: int(r, T, "created_at")?,
        updated_at: int(r, T, "updated_at")?,
        first_response_at: opt_int(r, T, "first_response_at")?,
        first_responder: opt_parsed(r, T, "first_responder")?,
        closed_at: opt_int(r, T, "closed_at")?,
        suggested: text(r, T, "suggested")?
            .split(',')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
    })
}

pub struct NewRequest<'a> {
    pub org: OrgId,
    pub topic: &'a str,
    pub product: Option<ProductId>,
    pub opened_by: UserId,
    pub tier: i64,
    pub suggested: &'a [String],
    pub now: i64,
}

pub async fn insert(c: &mut Conn, n: &NewRequest<'_>) -> Result<SupportRequestId> {
    let id = SupportRequestId::new();
    sqlx::query(
        "INSERT INTO support_requests (id, org_id, topic, product_id, opened_by, status, tier, created_at, updated_at, suggested) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)",
    )
    .bind(id.to_string())
    .bind(n.org.to_string())
    .bind(n.topic)
    .bind(n.product.map(|p| p.to_string()))
    .bind(n.opened_by.to_string())
    .bind(S::Open.as_str())
    .bind(n.tier)
    .bind(n.now)
    .bind(n.suggested.join(","))
    .execute(c)
    .await?;
    Ok(id)
}

/// A request of `org` (another Organization's: none).
pub async fn get(c: &mut Conn, org: OrgId, id: SupportRequestId) -> Result<Option<Request>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM support_requests r WHERE r.id = $1 AND r.org_id = $2"
    ));
    let row = sqlx::query(sql)
        .bind(id.to_string())
        .bind(org.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// A request of any Organization (the back office, mail-in).
pub async fn get_any(c: &mut Conn, id: SupportRequestId) -> Result<Option<Request>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM support_requests r WHERE r.id = $1"
    ));
    let row = sqlx::query(sql)
        .bind(id.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// Which of an Organization's requests a list shows: all, or those one person may see (opened
/// by them, or about one of `products`).
pub enum Seen<'a> {
    All,
    Of {
        user: UserId,
        products: &'a [ProductId],
    },
}

/// An Organization's requests, newest first, a page at a time.
pub async fn page(
    c: &mut Conn,
    org: OrgId,
    seen: &Seen<'_>,
    page: &Page,
    limit: i64,
) -> Result<Paged<Request>> {
    let mut sql = Sql::new(
        &format!("SELECT {COLS} FROM support_requests r WHERE r.org_id = ?"),
        [org.to_string().into()],
    );
    if let Seen::Of { user, products } = seen {
        sql.push(" AND (r.opened_by = ?", [user.to_string().into()]);
        for p in *products {
            sql.push(" OR r.product_id = ?", [p.to_string().into()]);
        }
        sql.push(")", []);
    }
    keyset::seek(&mut sql, page, "r.created_at", "r.id", limit);
    keyset::fetch(c, &sql, page, limit, from_row).await
}

/// The operators' queue filters (all optional).
#[derive(Clone, Debug, Default)]
pub struct QueueFilter {
    pub status: Option<S>,
    /// `Some(true)`: Premium Support only; `Some(false)`: standard only.
    pub premium: Option<bool>,
    pub org: Option<OrgId>,
    pub product: Option<ProductId>,
    /// `Some(None)`: unassigned.
    pub assignee: Option<Option<UserId>>,
}

/// The queue: Premium Support first (highest tier first), then the oldest first; with the
/// Organization's name.
pub async fn queue(c: &mut Conn, f: &QueueFilter, limit: i64) -> Result<Vec<(Request, String)>> {
    let mut sql = Sql::new(
        &format!(
            "SELECT {COLS}, o.name AS org_name FROM support_requests r JOIN orgs o ON o.id = r.org_id WHERE 1 = 1"
        ),
        [],
    );
    if let Some(s) = f.status {
        sql.push(" AND r.status = ?", [s.as_str().into()]);
    }
    match f.premium {
        Some(true) => {
            sql.push(" AND r.tier > 0", []);
        }
        Some(false) => {
            sql.push(" AND r.tier = 0", []);
        }
        None => {}
    }
    if let Some(o) = f.org {
        sql.push(" AND r.org_id = ?", [o.to_string().into()]);
    }
    if let Some(p) = f.product {
        sql.push(" AND r.product_id = ?", [p.to_string().into()]);
    }
    match f.assignee {
        Some(Some(u)) => {
            sql.push(" AND r.assignee = ?", [u.to_string().into()]);
        }
        Some(None) => {
            sql.push(" AND r.assignee IS NULL", []);
        }
        None => {}
    }
    sql.push(
        " ORDER BY r.tier DESC, r.created_at ASC, r.id ASC LIMIT ?",
        [limit.max(1).into()],
    );
    let rows = sql.query().fetch_all(c).await?;
    rows.iter()
        .map(|r| Ok((from_row(r)?, text(r, T, "org_name")?)))
        .collect()
}

/// Every request opened since `since` (the provider's figures).
pub async fn opened_since(c: &mut Conn, since: i64) -> Result<Vec<Request>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM support_requests r WHERE r.created_at >= $1 ORDER BY r.created_at"
    ));
    let rows = sqlx::query(sql).bind(since).fetch_all(c).await?;
    rows.iter().map(from_row).collect()
}

/// The status change `from` → `to` (compare-and-set); closing records when, any other change
/// clears it. Did it apply?
pub async fn transition(
    c: &mut Conn,
    id: SupportRequestId,
    from: S,
    to: S,
    now: i64,
) -> Result<bool> {
    let cas = Cas::new(&[from], to).id(id).set("updated_at", now);
    let cas = if to == S::Closed {
        cas.set("closed_at", now)
    } else {
        cas.set_expr("closed_at = NULL")
    };
    cas.applied(c).await
}

/// Something happened to the request without a status change (a message): its time moves on.
pub async fn touch(c: &mut Conn, id: SupportRequestId, now: i64) -> Result<()> {
    sqlx::query("UPDATE support_requests SET updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// Records the first public answer (once: a later one changes nothing).
pub async fn first_response(
    c: &mut Conn,
    id: SupportRequestId,
    by: UserId,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE support_requests SET first_response_at = $1, first_responder = $2 \
         WHERE id = $3 AND first_response_at IS NULL",
    )
    .bind(now)
    .bind(by.to_string())
    .bind(id.to_string())
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn assign(c: &mut Conn, id: SupportRequestId, to: Option<UserId>) -> Result<bool> {
    let done = sqlx::query("UPDATE support_requests SET assignee = $1 WHERE id = $2")
        .bind(to.map(|u| u.to_string()))
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Clone, Debug)]
pub struct Message {
    pub id: SupportMessageId,
    pub request_id: SupportRequestId,
    pub kind: MessageKind,
    pub author_id: Option<UserId>,
    /// The author's name (empty when the login is gone).
    pub author: String,
    pub body: String,
    pub via: String,
    pub created_at: i64,
}

pub struct NewMessage<'a> {
    pub request: SupportRequestId,
    pub kind: MessageKind,
    pub author: Option<UserId>,
    pub body: &'a str,
    pub via: &'static str,
    pub mail_message_id: Option<&'a str>,
    pub now: i64,
}

pub async fn insert_message(c: &mut Conn, m: &NewMessage<'_>) -> Result<SupportMessageId> {
    let id = SupportMessageId::new();
    sqlx::query(
        "INSERT INTO support_messages (id, request_id, kind, author_id, body, via, mail_message_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id.to_string())
    .bind(m.request.to_string())
    .bind(m.kind.as_str())
    .bind(m.author.map(|a| a.to_string()))
    .bind(m.body)
    .bind(m.via)
    .bind(m.mail_message_id)
    .bind(m.now)
    .execute(c)
    .await?;
    Ok(id)
}

/// Has the e-mail with this Message-ID been appended already?
pub async fn mail_seen(c: &mut Conn, message_id: &str) -> Result<bool> {
    Ok(
        sqlx::query("SELECT id FROM support_messages WHERE mail_message_id = $1")
            .bind(message_id)
            .fetch_optional(c)
            .await?
            .is_some(),
    )
}

/// A request's messages, oldest first; internal notes only when `notes`.
pub async fn messages(
    c: &mut Conn,
    request: SupportRequestId,
    notes: bool,
) -> Result<Vec<Message>> {
    const M: &str = "support_messages";
    let rows = sqlx::query(
        "SELECT m.id, m.request_id, m.kind, m.author_id, COALESCE(u.name, '') AS author, m.body, m.via, m.created_at \
         FROM support_messages m LEFT JOIN users u ON u.id = m.author_id \
         WHERE m.request_id = $1 AND (m.kind <> 'note' OR $2 = 1) ORDER BY m.created_at, m.id",
    )
    .bind(request.to_string())
    .bind(i64::from(notes))
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Message {
                id: parsed(r, M, "id")?,
                request_id: parsed(r, M, "request_id")?,
                kind: code(r, M, "kind", MessageKind::parse)?,
                author_id: opt_parsed(r, M, "author_id")?,
                author: text(r, M, "author")?,
                body: text(r, M, "body")?,
                via: text(r, M, "via")?,
                created_at: int(r, M, "created_at")?,
            })
        })
        .collect()
}
