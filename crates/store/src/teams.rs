//! Product grants and work teams.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::grants::Rights;
use guichet_core::{OrgId, UserId};

fn rights(r: &sqlx::any::AnyRow, t: &'static str) -> Result<Rights> {
    Ok(Rights::from_flags([
        int(r, t, "technical")?,
        int(r, t, "statistics")?,
        int(r, t, "tickets")?,
        int(r, t, "sales")?,
    ]))
}

/// Every (product, rights) a person holds in an Organization: individual grants and team grants,
/// one row per source (the caller unites them).
pub async fn grants_of(c: &mut Conn, org: OrgId, user: UserId) -> Result<Vec<(String, Rights)>> {
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
        .map(|r| {
            Ok((
                text(r, "product_grants", "product_id")?,
                rights(r, "product_grants")?,
            ))
        })
        .collect()
}

/// Sets (or, with no right at all, removes) a person's individual grant on a product.
pub async fn set_grant(
    c: &mut Conn,
    org: OrgId,
    user: UserId,
    product: &str,
    r: Rights,
    now: i64,
) -> Result<()> {
    sqlx::query("DELETE FROM product_grants WHERE user_id = $1 AND product_id = $2")
        .bind(user.to_string())
        .bind(product)
        .execute(&mut *c)
        .await?;
    if r.any() {
        let f = r.flags();
        sqlx::query(
            "INSERT INTO product_grants (org_id, user_id, product_id, technical, statistics, tickets, sales, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(org.to_string())
        .bind(user.to_string())
        .bind(product)
        .bind(f[0])
        .bind(f[1])
        .bind(f[2])
        .bind(f[3])
        .bind(now)
        .execute(c)
        .await?;
    }
    Ok(())
}

/// Individual grants of an Organization: (user, product, rights).
pub async fn individual_grants(c: &mut Conn, org: OrgId) -> Result<Vec<(UserId, String, Rights)>> {
    let rows = sqlx::query("SELECT user_id, product_id, technical, statistics, tickets, sales FROM product_grants WHERE org_id = $1")
        .bind(org.to_string())
        .fetch_all(c)
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                parsed(r, "product_grants", "user_id")?,
                text(r, "product_grants", "product_id")?,
                rights(r, "product_grants")?,
            ))
        })
        .collect()
}
