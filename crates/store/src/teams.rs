//! Product grants and work teams.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::grants::Rights;
use guichet_core::{OrgId, ProductId, TeamId, UserId};

fn rights(r: &sqlx::any::AnyRow, t: &'static str) -> Result<Rights> {
    Ok(Rights::from_flags([
        int(r, t, "technical")?,
        int(r, t, "statistics")?,
        int(r, t, "tickets")?,
        int(r, t, "sales")?,
    ]))
}

/// A `(product_id, rights)` row of `product_grants` or `team_products`.
fn product_rights(r: &sqlx::any::AnyRow, t: &'static str) -> Result<(ProductId, Rights)> {
    Ok((parsed(r, t, "product_id")?, rights(r, t)?))
}

/// Binds the four rights flags, in the column order `technical, statistics, tickets, sales`.
fn bind_rights(q: Query<'_>, r: Rights) -> Query<'_> {
    let f = r.flags();
    q.bind(f[0]).bind(f[1]).bind(f[2]).bind(f[3])
}

/// Every (product, rights) a person holds in an Organization: individual grants and team grants,
/// one row per source (the caller unites them).
pub async fn grants_of(c: &mut Conn, org: OrgId, user: UserId) -> Result<Vec<(ProductId, Rights)>> {
    let rows = sqlx::query(
        "SELECT product_id, technical, statistics, tickets, sales FROM product_grants WHERE org_id = $1 AND user_id = $2 \
         UNION ALL \
         SELECT tp.product_id, tp.technical, tp.statistics, tp.tickets, tp.sales FROM team_products tp \
         JOIN team_members tm ON tm.team_id = tp.team_id JOIN teams t ON t.id = tp.team_id \
         WHERE t.org_id = $1 AND tm.user_id = $2",
    )
    .bind(org.to_string())
    .bind(user.to_string())
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| product_rights(r, "product_grants"))
        .collect()
}

/// Sets (or, with no right at all, removes) a person's individual grant on a product.
pub async fn set_grant(
    c: &mut Conn,
    org: OrgId,
    user: UserId,
    product: ProductId,
    r: Rights,
    now: i64,
) -> Result<()> {
    sqlx::query("DELETE FROM product_grants WHERE user_id = $1 AND product_id = $2")
        .bind(user.to_string())
        .bind(product.to_string())
        .execute(&mut *c)
        .await?;
    if r.any() {
        let q = sqlx::query(
            "INSERT INTO product_grants (org_id, user_id, product_id, technical, statistics, tickets, sales, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(org.to_string())
        .bind(user.to_string())
        .bind(product.to_string());
        bind_rights(q, r).bind(now).execute(c).await?;
    }
    Ok(())
}

/// Individual grants of an Organization: (user, product, rights).
pub async fn individual_grants(
    c: &mut Conn,
    org: OrgId,
) -> Result<Vec<(UserId, ProductId, Rights)>> {
    let rows = sqlx::query("SELECT user_id, product_id, technical, statistics, tickets, sales FROM product_grants WHERE org_id = $1")
        .bind(org.to_string())
        .fetch_all(c)
        .await?;
    rows.iter()
        .map(|r| {
            let (product, rights) = product_rights(r, "product_grants")?;
            Ok((parsed(r, "product_grants", "user_id")?, product, rights))
        })
        .collect()
}

#[derive(Clone, Debug)]
pub struct Team {
    pub id: TeamId,
    pub org_id: OrgId,
    pub name: String,
    pub colour: String,
    pub leader_id: Option<UserId>,
    pub created_at: i64,
}

fn team(r: &sqlx::any::AnyRow) -> Result<Team> {
    const T: &str = "teams";
    Ok(Team {
        id: parsed(r, T, "id")?,
        org_id: parsed(r, T, "org_id")?,
        name: text(r, T, "name")?,
        colour: text(r, T, "colour")?,
        leader_id: opt_parsed(r, T, "leader_id")?,
        created_at: int(r, T, "created_at")?,
    })
}

pub async fn insert_team(
    c: &mut Conn,
    org: OrgId,
    name: &str,
    colour: &str,
    now: i64,
) -> Result<TeamId> {
    let id = TeamId::new();
    sqlx::query(
        "INSERT INTO teams (id, org_id, name, colour, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id.to_string())
    .bind(org.to_string())
    .bind(name)
    .bind(colour)
    .bind(now)
    .execute(c)
    .await?;
    Ok(id)
}

pub async fn teams_of(c: &mut Conn, org: OrgId) -> Result<Vec<Team>> {
    let rows = sqlx::query("SELECT id, org_id, name, colour, leader_id, created_at FROM teams WHERE org_id = $1 ORDER BY name, id")
        .bind(org.to_string())
        .fetch_all(c)
        .await?;
    rows.iter().map(team).collect()
}

pub async fn get_team(c: &mut Conn, org: OrgId, id: TeamId) -> Result<Option<Team>> {
    const COLS: &str = "id, org_id, name, colour, leader_id, created_at";
    org_record(c, COLS, "teams", id, org, team).await
}

pub async fn update_team(
    c: &mut Conn,
    id: TeamId,
    name: &str,
    colour: &str,
    leader: Option<UserId>,
) -> Result<()> {
    sqlx::query("UPDATE teams SET name = $1, colour = $2, leader_id = $3 WHERE id = $4")
        .bind(name)
        .bind(colour)
        .bind(leader.map(|u| u.to_string()))
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// Deletes a team with its memberships and grants (and nothing else: TEAM-05).
pub async fn delete_team(c: &mut Conn, id: TeamId) -> Result<()> {
    for sql in [
        "DELETE FROM team_members WHERE team_id = $1",
        "DELETE FROM team_products WHERE team_id = $1",
        "DELETE FROM teams WHERE id = $1",
    ] {
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .execute(&mut *c)
            .await?;
    }
    Ok(())
}

pub async fn add_member(c: &mut Conn, team: TeamId, user: UserId) -> Result<()> {
    sqlx::query(
        "INSERT INTO team_members (team_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    )
    .bind(team.to_string())
    .bind(user.to_string())
    .execute(c)
    .await?;
    Ok(())
}

pub async fn remove_member(c: &mut Conn, team: TeamId, user: UserId) -> Result<bool> {
    let done = sqlx::query("DELETE FROM team_members WHERE team_id = $1 AND user_id = $2")
        .bind(team.to_string())
        .bind(user.to_string())
        .execute(&mut *c)
        .await?;
    sqlx::query("UPDATE teams SET leader_id = NULL WHERE id = $1 AND leader_id = $2")
        .bind(team.to_string())
        .bind(user.to_string())
        .execute(c)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Members of a team: (user, name, e-mail).
pub async fn members(c: &mut Conn, team: TeamId) -> Result<Vec<(UserId, String, String)>> {
    let rows = sqlx::query("SELECT u.id, u.name, u.email FROM team_members tm JOIN users u ON u.id = tm.user_id WHERE tm.team_id = $1 ORDER BY u.name")
        .bind(team.to_string())
        .fetch_all(c)
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                parsed(r, "users", "id")?,
                text(r, "users", "name")?,
                text(r, "users", "email")?,
            ))
        })
        .collect()
}

pub async fn set_team_product(
    c: &mut Conn,
    team: TeamId,
    product: ProductId,
    r: Rights,
) -> Result<()> {
    sqlx::query("DELETE FROM team_products WHERE team_id = $1 AND product_id = $2")
        .bind(team.to_string())
        .bind(product.to_string())
        .execute(&mut *c)
        .await?;
    if r.any() {
        let q = sqlx::query("INSERT INTO team_products (team_id, product_id, technical, statistics, tickets, sales) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(team.to_string())
            .bind(product.to_string());
        bind_rights(q, r).execute(c).await?;
    }
    Ok(())
}

pub async fn team_products(c: &mut Conn, team: TeamId) -> Result<Vec<(ProductId, Rights)>> {
    let rows = sqlx::query("SELECT product_id, technical, statistics, tickets, sales FROM team_products WHERE team_id = $1 ORDER BY product_id")
        .bind(team.to_string())
        .fetch_all(c)
        .await?;
    rows.iter()
        .map(|r| product_rights(r, "team_products"))
        .collect()
}

/// Who holds rights on a product through which source: (user, source name or None for individual, rights).
pub async fn holders(
    c: &mut Conn,
    org: OrgId,
    product: ProductId,
) -> Result<Vec<(UserId, Option<String>, Rights)>> {
    let rows = sqlx::query(
        "SELECT user_id, NULL AS team, technical, statistics, tickets, sales FROM product_grants WHERE org_id = $1 AND product_id = $2 \
         UNION ALL \
         SELECT tm.user_id, t.name AS team, tp.technical, tp.statistics, tp.tickets, tp.sales FROM team_products tp \
         JOIN teams t ON t.id = tp.team_id JOIN team_members tm ON tm.team_id = t.id WHERE t.org_id = $1 AND tp.product_id = $2",
    )
    .bind(org.to_string())
    .bind(product.to_string())
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                parsed(r, "product_grants", "user_id")?,
                opt_text(r, "product_grants", "team")?,
                rights(r, "product_grants")?,
            ))
        })
        .collect()
}
