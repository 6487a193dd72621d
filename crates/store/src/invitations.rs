//! Invitations to join an Organization (USR-01): by e-mail, with a role, expiring, resendable, revocable.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::{InvitationId, OrgId, Role, TeamId, UserId};
use sqlx::any::AnyRow;

#[derive(Clone, Debug)]
pub struct Invitation {
    pub id: InvitationId,
    pub org_id: OrgId,
    pub email: String,
    pub role: Role,
    pub accounting: bool,
    pub billing_contact: bool,
    pub invited_by: UserId,
    pub created_at: i64,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

const T: &str = "invitations";
const COLS: &str = "id, org_id, email, role, accounting, billing_contact, invited_by, created_at, expires_at, accepted_at, revoked_at";

fn from_row(r: &AnyRow) -> Result<Invitation> {
    Ok(Invitation {
        id: parsed(r, T, "id")?,
        org_id: parsed(r, T, "org_id")?,
        email: text(r, T, "email")?,
        role: code(r, T, "role", Role::parse)?,
        accounting: flag(r, T, "accounting")?,
        billing_contact: flag(r, T, "billing_contact")?,
        invited_by: parsed(r, T, "invited_by")?,
        created_at: int(r, T, "created_at")?,
        expires_at: int(r, T, "expires_at")?,
        accepted_at: opt_int(r, T, "accepted_at")?,
        revoked_at: opt_int(r, T, "revoked_at")?,
    })
}

pub async fn insert(c: &mut Conn, inv: &Invitation, token_hash: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO invitations (id, org_id, email, role, accounting, billing_contact, token_hash, invited_by, \
         created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(inv.id.to_string())
    .bind(inv.org_id.to_string())
    .bind(&inv.email)
    .bind(inv.role.code())
    .bind(b(inv.accounting))
    .bind(b(inv.billing_contact))
    .bind(token_hash)
    .bind(inv.invited_by.to_string())
    .bind(inv.created_at)
    .bind(inv.expires_at)
    .execute(c)
    .await?;
    Ok(())
}

/// Open (neither accepted nor revoked) invitations of an Organization, expired ones included.
pub async fn open_for_org(c: &mut Conn, org: OrgId) -> Result<Vec<Invitation>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM invitations WHERE org_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL ORDER BY created_at DESC, id DESC"
    ));
    let rows = sqlx::query(sql).bind(org.to_string()).fetch_all(c).await?;
    rows.iter().map(from_row).collect()
}

/// Open invitations of an Organization that also put the person into this work team (TEAM-02),
/// newest first, expired ones included.
pub async fn open_for_team(c: &mut Conn, org: OrgId, team: TeamId) -> Result<Vec<Invitation>> {
    let cols: String = COLS
        .split(", ")
        .map(|c| format!("i.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {cols} FROM invitations i JOIN invitation_teams t ON t.invitation_id = i.id \
         WHERE i.org_id = $1 AND t.team_id = $2 AND i.accepted_at IS NULL AND i.revoked_at IS NULL \
         ORDER BY i.created_at DESC, i.id DESC"
    ));
    let rows = sqlx::query(sql)
        .bind(org.to_string())
        .bind(team.to_string())
        .fetch_all(c)
        .await?;
    rows.iter().map(from_row).collect()
}

/// An invitation of this Organization (any state); another Organization's id gives `None`.
pub async fn get(c: &mut Conn, org: OrgId, id: InvitationId) -> Result<Option<Invitation>> {
    org_record(c, COLS, "invitations", id, org, from_row).await
}

pub async fn by_token(c: &mut Conn, token_hash: &str) -> Result<Option<Invitation>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM invitations WHERE token_hash = $1"
    ));
    let row = sqlx::query(sql).bind(token_hash).fetch_optional(c).await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn renew(
    c: &mut Conn,
    id: InvitationId,
    token_hash: &str,
    expires_at: i64,
) -> Result<()> {
    sqlx::query("UPDATE invitations SET token_hash = $1, expires_at = $2 WHERE id = $3")
        .bind(token_hash)
        .bind(expires_at)
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

pub async fn revoke(c: &mut Conn, id: InvitationId, now: i64) -> Result<()> {
    sqlx::query("UPDATE invitations SET revoked_at = $1 WHERE id = $2 AND accepted_at IS NULL")
        .bind(now)
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// Marks it accepted; false if somebody accepted or revoked it in the meantime.
pub async fn accept(c: &mut Conn, id: InvitationId, now: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE invitations SET accepted_at = $1 WHERE id = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $1",
    )
    .bind(now)
    .bind(id.to_string())
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}
