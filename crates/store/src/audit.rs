//! The append-only audit log: who did what, when, from where. There is no update or delete here.

use crate::keyset::{self, Cursor, Page, Paged, Sql};
use crate::row::*;
use crate::{Conn, Result};
use guichet_core::{AuditId, OrgId, UserId};

#[derive(Clone, Debug)]
pub struct Entry {
    pub id: AuditId,
    pub org_id: Option<OrgId>,
    pub actor_id: Option<UserId>,
    pub action: String,
    pub detail: String,
    pub ip: String,
    pub at: i64,
}

pub async fn record(
    c: &mut Conn,
    org: Option<OrgId>,
    actor: Option<UserId>,
    action: &str,
    detail: &str,
    ip: &str,
    now: i64,
) -> Result<()> {
    sqlx::query("INSERT INTO audit_log (id, org_id, actor_id, action, detail, ip, at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(AuditId::new().to_string())
        .bind(org.map(|o| o.to_string()))
        .bind(actor.map(|a| a.to_string()))
        .bind(action)
        .bind(detail)
        .bind(ip)
        .bind(now)
        .execute(c)
        .await?;
    Ok(())
}

/// Audit rows read by `SELECT id, org_id, actor_id, action, detail, ip, at`.
fn entries(rows: &[sqlx::any::AnyRow]) -> Result<Vec<Entry>> {
    rows.iter().map(entry).collect()
}

/// One audit row (the columns of [`entries`]).
fn entry(r: &sqlx::any::AnyRow) -> Result<Entry> {
    const T: &str = "audit_log";
    Ok(Entry {
        id: parsed(r, T, "id")?,
        org_id: opt_parsed(r, T, "org_id")?,
        actor_id: opt_parsed(r, T, "actor_id")?,
        action: text(r, T, "action")?,
        detail: text(r, T, "detail")?,
        ip: text(r, T, "ip")?,
        at: int(r, T, "at")?,
    })
}

/// The latest entries of one action, any Organization (for operators' checks and tests).
pub async fn latest_of_action(c: &mut Conn, action: &str, limit: i64) -> Result<Vec<Entry>> {
    let rows = sqlx::query(
        "SELECT id, org_id, actor_id, action, detail, ip, at FROM audit_log WHERE action = $1 ORDER BY at DESC, id DESC LIMIT $2",
    )
    .bind(action)
    .bind(limit)
    .fetch_all(c)
    .await?;
    entries(&rows)
}

pub async fn for_org(c: &mut Conn, org: OrgId, limit: i64) -> Result<Vec<Entry>> {
    let rows = sqlx::query(
        "SELECT id, org_id, actor_id, action, detail, ip, at FROM audit_log WHERE org_id = $1 ORDER BY at DESC, id DESC LIMIT $2",
    )
    .bind(org.to_string())
    .bind(limit)
    .fetch_all(c)
    .await?;
    entries(&rows)
}

/// The activity log's filters (all optional; times are unix seconds, `to` exclusive).
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub actor: Option<UserId>,
    /// A kind of action: the code's first segment (`team` matches `team` and `team.*`).
    pub kind: Option<String>,
    pub from: Option<i64>,
    pub to: Option<i64>,
}

/// One line of an Organization's activity log, with who did it.
#[derive(Clone, Debug)]
pub struct Line {
    pub entry: Entry,
    pub actor_name: Option<String>,
    pub actor_email: Option<String>,
    /// The actor is one of the provider's operators (working under a support grant).
    pub by_operator: bool,
}

fn like_prefix(kind: &str) -> String {
    let mut s = String::new();
    for ch in kind.chars() {
        if matches!(ch, '%' | '_' | '!') {
            s.push('!');
        }
        s.push(ch);
    }
    s.push_str(".%");
    s
}

/// The log's statement for the filters that are set (with an actor: the index on (org, actor,
/// at, id); else the one on (org, at, id), migration 0029), then the seek of `page`.
fn page_sql(c: &Conn, org: OrgId, f: &Filter, page: &Page, limit: i64) -> Sql {
    let index = if f.actor.is_some() {
        "audit_log_org_actor_keyset"
    } else {
        "audit_log_org_keyset"
    };
    let mut sql = Sql::new(
        &format!(
            "SELECT a.id, a.org_id, a.actor_id, a.action, a.detail, a.ip, a.at, u.name AS actor_name, \
             u.email AS actor_email, u.is_operator AS by_operator FROM audit_log a{} \
             LEFT JOIN users u ON u.id = a.actor_id WHERE a.org_id = ?",
            keyset::indexed_by(c, index)
        ),
        [org.to_string().into()],
    );
    if let Some(actor) = f.actor {
        sql.push(" AND a.actor_id = ?", [actor.to_string().into()]);
    }
    if let Some(kind) = &f.kind {
        sql.push(
            " AND (a.action = ? OR a.action LIKE ? ESCAPE '!')",
            [kind.as_str().into(), like_prefix(kind).into()],
        );
    }
    let (from, to) = keyset::bounds(page, f.from, f.to);
    if let Some(from) = from {
        sql.push(" AND a.at >= ?", [from.into()]);
    }
    if let Some(to) = to {
        sql.push(" AND a.at < ?", [to.into()]);
    }
    keyset::seek(&mut sql, page, "a.at", "a.id", limit);
    sql
}

/// The place of a line in the log (its time and id).
pub fn cursor(l: &Line) -> Cursor {
    Cursor::new(l.entry.at, l.entry.id.to_string())
}

/// An Organization's activity, newest first, filtered, a page at a time: seeked by key (no
/// OFFSET, no count), so the last page costs what the first does.
pub async fn page(
    c: &mut Conn,
    org: OrgId,
    f: &Filter,
    page: &Page,
    limit: i64,
) -> Result<Paged<Line>> {
    const T: &str = "audit_log";
    let sql = page_sql(c, org, f, page, limit);
    keyset::fetch(c, &sql, page, limit, |r| {
        Ok(Line {
            entry: entry(r)?,
            actor_name: opt_text(r, T, "actor_name")?,
            actor_email: opt_text(r, T, "actor_email")?,
            by_operator: opt_int(r, T, "by_operator")?.unwrap_or(0) != 0,
        })
    })
    .await
}

/// The query plan of the log's statement (see [`crate::billing::explain_invoices_page`]).
#[doc(hidden)]
pub async fn explain_page(
    c: &mut Conn,
    backend: crate::Backend,
    org: OrgId,
    f: &Filter,
    page: &Page,
) -> Result<Vec<String>> {
    let sql = page_sql(c, org, f, page, 50);
    keyset::explain(c, backend, &sql).await
}

/// The action codes an Organization's log holds, and the people who appear in it (for the
/// filters). Each is a loose index scan — a recursive step from one distinct value to the next
/// by an index probe (`audit_log_org_action`, `audit_log_org_actor_keyset`) — so the cost grows
/// with the number of distinct codes and people, not with the length of the log.
pub async fn facets(
    c: &mut Conn,
    org: OrgId,
) -> Result<(Vec<String>, Vec<(UserId, String, String)>)> {
    const T: &str = "audit_log";
    let actions = sqlx::query(
        "WITH RECURSIVE k(action) AS ( \
           SELECT (SELECT action FROM audit_log WHERE org_id = $1 ORDER BY action LIMIT 1) \
           UNION ALL \
           SELECT (SELECT a.action FROM audit_log a WHERE a.org_id = $1 AND a.action > k.action \
                   ORDER BY a.action LIMIT 1) FROM k WHERE k.action IS NOT NULL) \
         SELECT action FROM k WHERE action IS NOT NULL",
    )
    .bind(org.to_string())
    .fetch_all(&mut *c)
    .await?
    .iter()
    .map(|r| text(r, T, "action"))
    .collect::<Result<Vec<_>>>()?;
    let people = sqlx::query(
        "WITH RECURSIVE k(actor_id) AS ( \
           SELECT (SELECT actor_id FROM audit_log WHERE org_id = $1 AND actor_id IS NOT NULL \
                   ORDER BY actor_id LIMIT 1) \
           UNION ALL \
           SELECT (SELECT a.actor_id FROM audit_log a WHERE a.org_id = $1 AND a.actor_id > k.actor_id \
                   ORDER BY a.actor_id LIMIT 1) FROM k WHERE k.actor_id IS NOT NULL) \
         SELECT u.id, u.name, u.email FROM k JOIN users u ON u.id = k.actor_id ORDER BY u.name, u.email",
    )
    .bind(org.to_string())
    .fetch_all(&mut *c)
    .await?
    .iter()
    .map(|r| {
        Ok((
            parsed(r, T, "id")?,
            text(r, T, "name")?,
            text(r, T, "email")?,
        ))
    })
    .collect::<Result<Vec<_>>>()?;
    Ok((actions, people))
}
