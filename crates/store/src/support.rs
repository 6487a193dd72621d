//! Support (SUP-02, SUP-03): Premium Support tiers and the Organization's VIP code; temporary access
//! grants for the provider's operators; teams an invitation leads into (TEAM-02).

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::{GrantId, InvitationId, OfferId, OrgId, ProductId, TeamId, UserId};
use sqlx::any::AnyRow;

/// Marks an offer as a Premium Support tier of the given rank (1 = lowest).
pub async fn set_offer_tier(c: &mut Conn, offer: OfferId, rank: i64) -> Result<()> {
    sqlx::query("UPDATE offers SET support_tier = $1 WHERE id = $2")
        .bind(rank)
        .bind(offer.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// The Premium Support tier (rank) of an offer, if it is one.
pub async fn offer_tier(c: &mut Conn, offer: OfferId) -> Result<Option<i64>> {
    let row = sqlx::query("SELECT support_tier FROM offers WHERE id = $1")
        .bind(offer.to_string())
        .fetch_optional(c)
        .await?;
    Ok(match row {
        Some(r) => opt_int(&r, "offers", "support_tier")?,
        None => None,
    })
}

/// The Organization's Premium Support products in the given states, with their tier rank and
/// offer name, highest tier first.
pub async fn premium_products(
    c: &mut Conn,
    org: OrgId,
    states: &[guichet_core::product::ProductState],
) -> Result<
    Vec<(
        ProductId,
        i64,
        String,
        guichet_core::product::ProductState,
        Option<guichet_core::period::Date>,
    )>,
> {
    const T: &str = "products";
    let rows = sqlx::query(
        "SELECT p.id, o.support_tier, o.name, p.state, p.expires_on FROM products p \
         JOIN offers o ON o.id = p.offer_id WHERE p.org_id = $1 AND o.support_tier IS NOT NULL \
         ORDER BY o.support_tier DESC, p.created_at DESC",
    )
    .bind(org.to_string())
    .fetch_all(c)
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        let state = code(r, T, "state", guichet_core::product::ProductState::parse)?;
        if states.contains(&state) {
            out.push((
                parsed(r, T, "id")?,
                int(r, T, "support_tier")?,
                text(r, T, "name")?,
                state,
                opt_parsed(r, T, "expires_on")?,
            ));
        }
    }
    Ok(out)
}

pub async fn vip_code(c: &mut Conn, org: OrgId) -> Result<Option<String>> {
    let row = sqlx::query("SELECT code FROM vip_codes WHERE org_id = $1")
        .bind(org.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref()
        .map(|r| text(r, "vip_codes", "code"))
        .transpose()
}

/// Stores the Organization's VIP code; a duplicate code is a unique violation (try another).
pub async fn insert_vip_code(c: &mut Conn, org: OrgId, code: &str, now: i64) -> Result<()> {
    sqlx::query("INSERT INTO vip_codes (org_id, code, created_at) VALUES ($1, $2, $3)")
        .bind(org.to_string())
        .bind(code)
        .bind(now)
        .execute(c)
        .await?;
    Ok(())
}

#[derive(Clone, Debug)]
pub struct Grant {
    pub id: GrantId,
    pub org_id: OrgId,
    pub whole_org: bool,
    pub granted_by: UserId,
    pub created_at: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
    pub revoked_by: Option<UserId>,
    pub expiry_mailed_at: Option<i64>,
    /// The granted products (empty for the whole Organization).
    pub products: Vec<ProductId>,
}

impl Grant {
    pub fn live(&self, now: i64) -> bool {
        self.revoked_at.is_none() && self.expires_at > now
    }
}

const T: &str = "support_grants";
const COLS: &str = "id, org_id, whole_org, granted_by, created_at, expires_at, revoked_at, revoked_by, expiry_mailed_at";

fn from_row(r: &AnyRow) -> Result<Grant> {
    Ok(Grant {
        id: parsed(r, T, "id")?,
        org_id: parsed(r, T, "org_id")?,
        whole_org: flag(r, T, "whole_org")?,
        granted_by: parsed(r, T, "granted_by")?,
        created_at: int(r, T, "created_at")?,
        expires_at: int(r, T, "expires_at")?,
        revoked_at: opt_int(r, T, "revoked_at")?,
        revoked_by: opt_parsed(r, T, "revoked_by")?,
        expiry_mailed_at: opt_int(r, T, "expiry_mailed_at")?,
        products: Vec::new(),
    })
}

async fn with_products(c: &mut Conn, mut g: Grant) -> Result<Grant> {
    let rows = sqlx::query(
        "SELECT product_id FROM support_grant_products WHERE grant_id = $1 ORDER BY product_id",
    )
    .bind(g.id.to_string())
    .fetch_all(c)
    .await?;
    g.products = rows
        .iter()
        .map(|r| parsed(r, "support_grant_products", "product_id"))
        .collect::<Result<_>>()?;
    Ok(g)
}

pub async fn insert_grant(c: &mut Conn, g: &Grant) -> Result<()> {
    sqlx::query(
        "INSERT INTO support_grants (id, org_id, whole_org, granted_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(g.id.to_string())
    .bind(g.org_id.to_string())
    .bind(b(g.whole_org))
    .bind(g.granted_by.to_string())
    .bind(g.created_at)
    .bind(g.expires_at)
    .execute(&mut *c)
    .await?;
    for p in &g.products {
        sqlx::query("INSERT INTO support_grant_products (grant_id, product_id) VALUES ($1, $2)")
            .bind(g.id.to_string())
            .bind(p.to_string())
            .execute(&mut *c)
            .await?;
    }
    Ok(())
}

pub async fn get_grant(c: &mut Conn, org: OrgId, id: GrantId) -> Result<Option<Grant>> {
    match org_row(&mut *c, COLS, "support_grants", id, org).await? {
        Some(r) => Ok(Some(with_products(c, from_row(&r)?).await?)),
        None => Ok(None),
    }
}

/// An Organization's grants, newest first (the latest `limit`).
pub async fn grants_of(c: &mut Conn, org: OrgId, limit: i64) -> Result<Vec<Grant>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM support_grants WHERE org_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2"
    ));
    let rows = sqlx::query(sql)
        .bind(org.to_string())
        .bind(limit)
        .fetch_all(&mut *c)
        .await?;
    let mut out = Vec::new();
    for r in &rows {
        out.push(with_products(c, from_row(r)?).await?);
    }
    Ok(out)
}

/// The live grants of an Organization (neither revoked nor expired at `now`).
pub async fn live_grants(c: &mut Conn, org: OrgId, now: i64) -> Result<Vec<Grant>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM support_grants WHERE org_id = $1 AND revoked_at IS NULL AND expires_at > $2 \
         ORDER BY expires_at DESC"
    ));
    let rows = sqlx::query(sql)
        .bind(org.to_string())
        .bind(now)
        .fetch_all(&mut *c)
        .await?;
    let mut out = Vec::new();
    for r in &rows {
        out.push(with_products(c, from_row(r)?).await?);
    }
    Ok(out)
}

/// Every live grant, with the Organization's name (the back office's list).
pub async fn all_live(c: &mut Conn, now: i64) -> Result<Vec<(Grant, String)>> {
    let rows = sqlx::query(
        "SELECT g.id, g.org_id, g.whole_org, g.granted_by, g.created_at, g.expires_at, g.revoked_at, \
         g.revoked_by, g.expiry_mailed_at, o.name AS org_name FROM support_grants g JOIN orgs o ON o.id = g.org_id \
         WHERE g.revoked_at IS NULL AND g.expires_at > $1 AND o.deleted_at IS NULL ORDER BY g.expires_at",
    )
    .bind(now)
    .fetch_all(&mut *c)
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        let name = text(r, T, "org_name")?;
        out.push((with_products(c, from_row(r)?).await?, name));
    }
    Ok(out)
}

/// Revokes a live grant; false when it was not live.
pub async fn revoke(c: &mut Conn, id: GrantId, by: UserId, now: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE support_grants SET revoked_at = $1, revoked_by = $2 WHERE id = $3 AND revoked_at IS NULL AND expires_at > $1",
    )
    .bind(now)
    .bind(by.to_string())
    .bind(id.to_string())
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Grants that ran out (not revoked) and whose expiry e-mail has not gone yet.
pub async fn expired_unmailed(c: &mut Conn, org: Option<OrgId>, now: i64) -> Result<Vec<Grant>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM support_grants WHERE revoked_at IS NULL AND expires_at <= $1 \
         AND expiry_mailed_at IS NULL AND ($2 = '' OR org_id = $2) ORDER BY expires_at LIMIT 500"
    ));
    let rows = sqlx::query(sql)
        .bind(now)
        .bind(org.map(|o| o.to_string()).unwrap_or_default())
        .fetch_all(c)
        .await?;
    rows.iter().map(from_row).collect()
}

/// Claims the expiry e-mail of a grant: true for exactly one caller (several instances may sweep).
pub async fn claim_expiry_mail(c: &mut Conn, id: GrantId, now: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE support_grants SET expiry_mailed_at = $1 WHERE id = $2 AND expiry_mailed_at IS NULL",
    )
    .bind(now)
    .bind(id.to_string())
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// TEAM-02: the teams an invitation leads into.
pub async fn add_invitation_team(c: &mut Conn, inv: InvitationId, team: TeamId) -> Result<()> {
    sqlx::query(
        "INSERT INTO invitation_teams (invitation_id, team_id) VALUES ($1, $2) ON CONFLICT (invitation_id, team_id) DO NOTHING",
    )
    .bind(inv.to_string())
    .bind(team.to_string())
    .execute(c)
    .await?;
    Ok(())
}

pub async fn invitation_teams(c: &mut Conn, inv: InvitationId) -> Result<Vec<TeamId>> {
    let rows = sqlx::query("SELECT team_id FROM invitation_teams WHERE invitation_id = $1")
        .bind(inv.to_string())
        .fetch_all(c)
        .await?;
    rows.iter()
        .map(|r| parsed(r, "invitation_teams", "team_id"))
        .collect()
}

pub async fn vip_code_taken(c: &mut Conn, code: &str) -> Result<bool> {
    Ok(sqlx::query("SELECT org_id FROM vip_codes WHERE code = $1")
        .bind(code)
        .fetch_optional(c)
        .await?
        .is_some())
}
