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

pub async fn for_org(c: &mut Conn, org: OrgId, limit: i64) -> Result<Vec<Entry>> {
    const T: &str = "audit_log";
    let rows = sqlx::query(
        "SELECT id, org_id, actor_id, action, detail, ip, at FROM audit_log WHERE org_id = $1 ORDER BY at DESC, id DESC LIMIT $2",
    )
    .bind(org.to_string())
    .bind(limit)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Entry {
                id: parsed(r, T, "id")?,
                org_id: opt_parsed(r, T, "org_id")?,
                actor_id: opt_parsed(r, T, "actor_id")?,
                action: text(r, T, "action")?,
                detail: text(r, T, "detail")?,
                ip: text(r, T, "ip")?,
                at: int(r, T, "at")?,
            })
        })
        .collect()
}
