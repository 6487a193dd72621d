//! The append-only audit log: who did what, when, from where. There is no update or delete here.

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

const FILTER: &str = "a.org_id = $1 AND ($2 = '' OR a.actor_id = $2) \
     AND ($3 = '' OR a.action = $3 OR a.action LIKE $4 ESCAPE '!') AND a.at >= $5 AND a.at < $6";

/// An Organization's activity, newest first, filtered, a page at a time; and how many lines match.
pub async fn page(
    c: &mut Conn,
    org: OrgId,
    f: &Filter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Line>, i64)> {
    const T: &str = "audit_log";
    let actor = f.actor.map(|a| a.to_string()).unwrap_or_default();
    let kind = f.kind.clone().unwrap_or_default();
    let like = like_prefix(&kind);
    let (from, to) = (f.from.unwrap_or(i64::MIN), f.to.unwrap_or(i64::MAX));
    let select = format!(
        "SELECT a.id, a.org_id, a.actor_id, a.action, a.detail, a.ip, a.at, u.name AS actor_name, \
         u.email AS actor_email, u.is_operator AS by_operator FROM audit_log a \
         LEFT JOIN users u ON u.id = a.actor_id WHERE {FILTER} \
         ORDER BY a.at DESC, a.id DESC LIMIT $7 OFFSET $8"
    );
    let count = format!("SELECT COUNT(*) FROM audit_log a WHERE {FILTER}");
    let org = org.to_string();
    let (rows, total) = page_and_count(c, select, count, (limit, offset), |q| {
        q.bind(&org)
            .bind(&actor)
            .bind(&kind)
            .bind(&like)
            .bind(from)
            .bind(to)
    })
    .await?;
    let lines = rows
        .iter()
        .map(|r| {
            Ok(Line {
                entry: entry(r)?,
                actor_name: opt_text(r, T, "actor_name")?,
                actor_email: opt_text(r, T, "actor_email")?,
                by_operator: opt_int(r, T, "by_operator")?.unwrap_or(0) != 0,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((lines, total))
}

/// The action codes an Organization's log holds, and the people who appear in it (for the filters).
pub async fn facets(
    c: &mut Conn,
    org: OrgId,
) -> Result<(Vec<String>, Vec<(UserId, String, String)>)> {
    const T: &str = "audit_log";
    let actions = sqlx::query("SELECT DISTINCT action FROM audit_log WHERE org_id = $1")
        .bind(org.to_string())
        .fetch_all(&mut *c)
        .await?
        .iter()
        .map(|r| text(r, T, "action"))
        .collect::<Result<Vec<_>>>()?;
    let people = sqlx::query(
        "SELECT DISTINCT u.id, u.name, u.email FROM audit_log a JOIN users u ON u.id = a.actor_id \
         WHERE a.org_id = $1 ORDER BY u.name, u.email",
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
