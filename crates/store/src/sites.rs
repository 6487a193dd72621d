//! Web hostings, their sites (MySQL prefix option, environment variables) and the databases and
//! database users Guichet provisioned for them (SPEC §9). Guichet's own records only: the MySQL
//! server itself is `provision.rs`.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::{DatabaseId, DbUserId, OrgId, ProductId, SiteId};
use sqlx::Row;

#[derive(Clone, Debug, serde::Serialize)]
pub struct Hosting {
    pub product_id: ProductId,
    pub prefix: String,
}

#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Site {
    pub id: SiteId,
    pub product_id: ProductId,
    pub domain: String,
    pub mysql_prefix: bool,
    pub migrated: bool,
    pub created_at: i64,
}

#[derive(Clone, Debug)]
pub struct EnvRow {
    pub name: String,
    pub value: String,
    pub secret: bool,
    pub updated_at: i64,
}

#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Database {
    pub id: DatabaseId,
    pub name: String,
    pub created_at: i64,
}

#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct DbUser {
    pub id: DbUserId,
    pub name: String,
    pub created_at: i64,
    /// Full names of the databases it has privileges on.
    pub databases: Vec<String>,
}

pub async fn hosting(c: &mut Conn, org: OrgId, product: ProductId) -> Result<Option<Hosting>> {
    let row = sqlx::query(
        "SELECT product_id, prefix FROM hostings WHERE product_id = $1 AND org_id = $2",
    )
    .bind(product.to_string())
    .bind(org.to_string())
    .fetch_optional(c)
    .await?;
    row.map(|r| {
        Ok(Hosting {
            product_id: parsed(&r, "hostings", "product_id")?,
            prefix: text(&r, "hostings", "prefix")?,
        })
    })
    .transpose()
}

pub async fn prefix_taken(c: &mut Conn, prefix: &str) -> Result<bool> {
    Ok(sqlx::query("SELECT 1 FROM hostings WHERE prefix = $1")
        .bind(prefix)
        .fetch_optional(c)
        .await?
        .is_some())
}

pub async fn insert_hosting(
    c: &mut Conn,
    org: OrgId,
    product: ProductId,
    prefix: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO hostings (product_id, org_id, prefix, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(product.to_string())
    .bind(org.to_string())
    .bind(prefix)
    .bind(now)
    .execute(c)
    .await?;
    Ok(())
}

const SCOLS: &str = "id, product_id, domain, mysql_prefix, migrated, created_at";

fn site(r: &sqlx::any::AnyRow) -> Result<Site> {
    const T: &str = "sites";
    Ok(Site {
        id: parsed(r, T, "id")?,
        product_id: parsed(r, T, "product_id")?,
        domain: text(r, T, "domain")?,
        mysql_prefix: flag(r, T, "mysql_prefix")?,
        migrated: flag(r, T, "migrated")?,
        created_at: int(r, T, "created_at")?,
    })
}

pub async fn sites_of(c: &mut Conn, org: OrgId, product: ProductId) -> Result<Vec<Site>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {SCOLS} FROM sites WHERE product_id = $1 AND org_id = $2 ORDER BY domain"
    ));
    let rows = sqlx::query(sql)
        .bind(product.to_string())
        .bind(org.to_string())
        .fetch_all(c)
        .await?;
    rows.iter().map(site).collect()
}

pub async fn get_site(
    c: &mut Conn,
    org: OrgId,
    product: ProductId,
    id: SiteId,
) -> Result<Option<Site>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {SCOLS} FROM sites WHERE id = $1 AND product_id = $2 AND org_id = $3"
    ));
    let row = sqlx::query(sql)
        .bind(id.to_string())
        .bind(product.to_string())
        .bind(org.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(site).transpose()
}

/// A site by id alone (the operator's `guichet site-config`).
pub async fn site_by_id(c: &mut Conn, id_or_domain: &str) -> Result<Option<(Site, String)>> {
    let row = sqlx::query(
        "SELECT s.id, s.product_id, s.domain, s.mysql_prefix, s.migrated, s.created_at, h.prefix \
         FROM sites s JOIN hostings h ON h.product_id = s.product_id WHERE s.id = $1 OR s.domain = $1 ORDER BY s.created_at LIMIT 1",
    )
    .bind(id_or_domain)
    .fetch_optional(c)
    .await?;
    row.map(|r| Ok((site(&r)?, text(&r, "hostings", "prefix")?)))
        .transpose()
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_site(
    c: &mut Conn,
    org: OrgId,
    product: ProductId,
    domain: &str,
    mysql_prefix: bool,
    migrated: bool,
    now: i64,
) -> Result<SiteId> {
    let id = SiteId::new();
    sqlx::query(
        "INSERT INTO sites (id, product_id, org_id, domain, mysql_prefix, migrated, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id.to_string())
    .bind(product.to_string())
    .bind(org.to_string())
    .bind(domain)
    .bind(mysql_prefix as i64)
    .bind(migrated as i64)
    .bind(now)
    .execute(c)
    .await?;
    Ok(id)
}

pub async fn delete_site(c: &mut Conn, id: SiteId) -> Result<()> {
    sqlx::query("DELETE FROM site_env WHERE site_id = $1")
        .bind(id.to_string())
        .execute(&mut *c)
        .await?;
    sqlx::query("DELETE FROM sites WHERE id = $1")
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

pub async fn set_mysql_prefix(c: &mut Conn, id: SiteId, on: bool) -> Result<()> {
    sqlx::query("UPDATE sites SET mysql_prefix = $1 WHERE id = $2")
        .bind(on as i64)
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

pub async fn env_of(c: &mut Conn, site: SiteId) -> Result<Vec<EnvRow>> {
    const T: &str = "site_env";
    let rows = sqlx::query(
        "SELECT name, value, secret, updated_at FROM site_env WHERE site_id = $1 ORDER BY name",
    )
    .bind(site.to_string())
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(EnvRow {
                name: text(r, T, "name")?,
                value: text(r, T, "value")?,
                secret: flag(r, T, "secret")?,
                updated_at: int(r, T, "updated_at")?,
            })
        })
        .collect()
}

/// Adds or replaces a variable; true when it was new.
pub async fn set_env(
    c: &mut Conn,
    site: SiteId,
    name: &str,
    value: &str,
    secret: bool,
    now: i64,
) -> Result<bool> {
    let gone = sqlx::query("DELETE FROM site_env WHERE site_id = $1 AND name = $2")
        .bind(site.to_string())
        .bind(name)
        .execute(&mut *c)
        .await?
        .rows_affected();
    sqlx::query(
        "INSERT INTO site_env (site_id, name, value, secret, updated_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(site.to_string())
    .bind(name)
    .bind(value)
    .bind(secret as i64)
    .bind(now)
    .execute(c)
    .await?;
    Ok(gone == 0)
}

pub async fn delete_env(c: &mut Conn, site: SiteId, name: &str) -> Result<bool> {
    Ok(
        sqlx::query("DELETE FROM site_env WHERE site_id = $1 AND name = $2")
            .bind(site.to_string())
            .bind(name)
            .execute(c)
            .await?
            .rows_affected()
            > 0,
    )
}

pub async fn count_env(c: &mut Conn, site: SiteId) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) FROM site_env WHERE site_id = $1")
        .bind(site.to_string())
        .fetch_one(c)
        .await?;
    Ok(row.try_get::<i64, _>(0)?)
}

pub async fn databases(c: &mut Conn, product: ProductId) -> Result<Vec<Database>> {
    const T: &str = "hosting_databases";
    let rows = sqlx::query(
        "SELECT id, name, created_at FROM hosting_databases WHERE product_id = $1 ORDER BY name",
    )
    .bind(product.to_string())
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Database {
                id: parsed(r, T, "id")?,
                name: text(r, T, "name")?,
                created_at: int(r, T, "created_at")?,
            })
        })
        .collect()
}

pub async fn users(c: &mut Conn, product: ProductId) -> Result<Vec<DbUser>> {
    const T: &str = "hosting_db_users";
    let rows = sqlx::query(
        "SELECT id, name, created_at FROM hosting_db_users WHERE product_id = $1 ORDER BY name",
    )
    .bind(product.to_string())
    .fetch_all(&mut *c)
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        let id: DbUserId = parsed(r, T, "id")?;
        let dbs = sqlx::query(
            "SELECT d.name FROM hosting_db_grants g JOIN hosting_databases d ON d.id = g.database_id WHERE g.user_id = $1 ORDER BY d.name",
        )
        .bind(id.to_string())
        .fetch_all(&mut *c)
        .await?;
        out.push(DbUser {
            id,
            name: text(r, T, "name")?,
            created_at: int(r, T, "created_at")?,
            databases: dbs
                .iter()
                .map(|d| text(d, T, "name"))
                .collect::<Result<_>>()?,
        });
    }
    Ok(out)
}

/// Whether a full name is already used by a database (or, with `users`, a user) anywhere.
pub async fn name_taken(c: &mut Conn, users: bool, name: &str) -> Result<bool> {
    let sql = if users {
        "SELECT 1 FROM hosting_db_users WHERE name = $1"
    } else {
        "SELECT 1 FROM hosting_databases WHERE name = $1"
    };
    Ok(sqlx::query(sql)
        .bind(name)
        .fetch_optional(c)
        .await?
        .is_some())
}

pub async fn insert_database(
    c: &mut Conn,
    product: ProductId,
    name: &str,
    now: i64,
) -> Result<DatabaseId> {
    let id = DatabaseId::new();
    insert_named(c, "hosting_databases", &id.to_string(), product, name, now).await?;
    Ok(id)
}

pub async fn insert_user(
    c: &mut Conn,
    product: ProductId,
    name: &str,
    now: i64,
) -> Result<DbUserId> {
    let id = DbUserId::new();
    insert_named(c, "hosting_db_users", &id.to_string(), product, name, now).await?;
    Ok(id)
}

/// Inserts a database or a database user (`table` is one of the two trusted table names): both
/// are a name owned by a product.
async fn insert_named(
    c: &mut Conn,
    table: &'static str,
    id: &str,
    product: ProductId,
    name: &str,
    now: i64,
) -> Result<()> {
    let sql = sqlx::AssertSqlSafe(format!(
        "INSERT INTO {table} (id, product_id, name, created_at) VALUES ($1, $2, $3, $4)"
    ));
    sqlx::query(sql)
        .bind(id)
        .bind(product.to_string())
        .bind(name)
        .bind(now)
        .execute(c)
        .await?;
    Ok(())
}

pub async fn grant(c: &mut Conn, user: DbUserId, database: DatabaseId) -> Result<()> {
    sqlx::query("INSERT INTO hosting_db_grants (user_id, database_id) VALUES ($1, $2)")
        .bind(user.to_string())
        .bind(database.to_string())
        .execute(c)
        .await?;
    Ok(())
}

pub async fn delete_database(c: &mut Conn, id: DatabaseId) -> Result<()> {
    delete_with_grants(c, "hosting_databases", "database_id", &id.to_string()).await
}

pub async fn delete_user(c: &mut Conn, id: DbUserId) -> Result<()> {
    delete_with_grants(c, "hosting_db_users", "user_id", &id.to_string()).await
}

/// Deletes a database or a database user and, first, the grants that name it through
/// `grant_col` (trusted names, like `table`).
async fn delete_with_grants(
    c: &mut Conn,
    table: &'static str,
    grant_col: &'static str,
    id: &str,
) -> Result<()> {
    let grants = sqlx::AssertSqlSafe(format!(
        "DELETE FROM hosting_db_grants WHERE {grant_col} = $1"
    ));
    sqlx::query(grants).bind(id).execute(&mut *c).await?;
    let row = sqlx::AssertSqlSafe(format!("DELETE FROM {table} WHERE id = $1"));
    sqlx::query(row).bind(id).execute(c).await?;
    Ok(())
}

/// The product type code of one of the Organization's products (`web_hosting`…).
pub async fn product_type(
    c: &mut Conn,
    org: OrgId,
    product: ProductId,
) -> Result<Option<guichet_core::product::ProductType>> {
    let row = sqlx::query(
        "SELECT o.product_type FROM products p JOIN offers o ON o.id = p.offer_id WHERE p.id = $1 AND p.org_id = $2",
    )
    .bind(product.to_string())
    .bind(org.to_string())
    .fetch_optional(c)
    .await?;
    row.map(|r| {
        code(
            &r,
            "offers",
            "product_type",
            guichet_core::product::ProductType::parse,
        )
    })
    .transpose()
}
