//! Organizations: legal details, address (which fixes the currency), settings.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::{Currency, OrgId, OrgKind};
use sqlx::any::AnyRow;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Org {
    pub id: OrgId,
    pub name: String,
    pub kind: OrgKind,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
    pub phone: Option<String>,
    pub vat_number: Option<String>,
    pub currency: Currency,
    pub force_2fa: bool,
    pub billing_reference: Option<String>,
    pub created_at: i64,
}

/// The fields a person fills in (legal ones and the rest).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrgDetails {
    pub name: String,
    pub kind: Option<OrgKind>,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
    pub phone: Option<String>,
    pub vat_number: Option<String>,
}

const COLS: &str = "id, name, kind, street, postcode, city, country, phone, vat_number, currency, force_2fa, \
                    billing_reference, created_at";

fn from_row(r: &AnyRow) -> Result<Org> {
    const T: &str = "orgs";
    Ok(Org {
        id: parsed(r, T, "id")?,
        name: text(r, T, "name")?,
        kind: code(r, T, "kind", OrgKind::parse)?,
        street: text(r, T, "street")?,
        postcode: text(r, T, "postcode")?,
        city: text(r, T, "city")?,
        country: text(r, T, "country")?,
        phone: opt_text(r, T, "phone")?,
        vat_number: opt_text(r, T, "vat_number")?,
        currency: code(r, T, "currency", Currency::parse)?,
        force_2fa: flag(r, T, "force_2fa")?,
        billing_reference: opt_text(r, T, "billing_reference")?,
        created_at: int(r, T, "created_at")?,
    })
}

pub async fn insert(
    c: &mut Conn,
    d: &OrgDetails,
    kind: OrgKind,
    currency: Currency,
    now: i64,
) -> Result<OrgId> {
    let id = OrgId::new();
    sqlx::query(
        "INSERT INTO orgs (id, name, kind, street, postcode, city, country, phone, vat_number, currency, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id.to_string())
    .bind(&d.name)
    .bind(kind.code())
    .bind(&d.street)
    .bind(&d.postcode)
    .bind(&d.city)
    .bind(&d.country)
    .bind(d.phone.as_deref())
    .bind(d.vat_number.as_deref())
    .bind(currency.code())
    .bind(now)
    .execute(c)
    .await?;
    Ok(id)
}

/// A live (not deleted) Organization.
pub async fn by_id(c: &mut Conn, id: OrgId) -> Result<Option<Org>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM orgs WHERE id = $1 AND deleted_at IS NULL"
    ));
    let row = sqlx::query(sql)
        .bind(id.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// How [`by_id_locked`] holds the Organization's row until the transaction ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowLock {
    /// Many may hold it at once (money moving in the Organization's currency: a top-up).
    Share,
    /// One alone, and none of [`RowLock::Share`] (a change of the currency, ORG-05).
    Update,
}

/// [`by_id`], the row locked until the transaction ends: PostgreSQL `FOR SHARE` / `FOR NO KEY
/// UPDATE` (neither blocks the foreign-key checks of rows that reference the Organization);
/// SQLite's write transaction already holds the whole database.
pub async fn by_id_locked(c: &mut Conn, id: OrgId, lock: RowLock) -> Result<Option<Org>> {
    let suffix = match (c.backend_name() == "PostgreSQL", lock) {
        (false, _) => "",
        (true, RowLock::Share) => " FOR SHARE",
        (true, RowLock::Update) => " FOR NO KEY UPDATE",
    };
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM orgs WHERE id = $1 AND deleted_at IS NULL{suffix}"
    ));
    let row = sqlx::query(sql)
        .bind(id.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn update_legal(
    c: &mut Conn,
    id: OrgId,
    d: &OrgDetails,
    kind: OrgKind,
    currency: Currency,
) -> Result<()> {
    sqlx::query(
        "UPDATE orgs SET name = $1, kind = $2, street = $3, postcode = $4, city = $5, country = $6, \
         vat_number = $7, currency = $8 WHERE id = $9",
    )
    .bind(&d.name)
    .bind(kind.code())
    .bind(&d.street)
    .bind(&d.postcode)
    .bind(&d.city)
    .bind(&d.country)
    .bind(d.vat_number.as_deref())
    .bind(currency.code())
    .bind(id.to_string())
    .execute(c)
    .await?;
    Ok(())
}

pub async fn update_settings(
    c: &mut Conn,
    id: OrgId,
    phone: Option<&str>,
    force_2fa: bool,
) -> Result<()> {
    sqlx::query("UPDATE orgs SET phone = $1, force_2fa = $2 WHERE id = $3")
        .bind(phone)
        .bind(b(force_2fa))
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

pub async fn set_billing_reference(c: &mut Conn, id: OrgId, reference: Option<&str>) -> Result<()> {
    sqlx::query("UPDATE orgs SET billing_reference = $1 WHERE id = $2")
        .bind(reference)
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// Soft delete: the row (and so the billing history that points at it) stays.
pub async fn mark_deleted(c: &mut Conn, id: OrgId, now: i64) -> Result<()> {
    sqlx::query("UPDATE orgs SET deleted_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// The place of an Organization in the back office's list (its creation time and id).
pub fn cursor(o: &Org) -> crate::keyset::Cursor {
    crate::keyset::Cursor::new(o.created_at, o.id.to_string())
}

/// One page of Organizations for the back office, newest first, optionally filtered by name, with
/// their number of members: seeked by key on (created_at, id) (no OFFSET, no count).
pub async fn page(
    c: &mut Conn,
    search: Option<&str>,
    page: &crate::keyset::Page,
    limit: i64,
) -> Result<crate::keyset::Paged<(Org, i64)>> {
    use crate::keyset::{self, Sql};
    let mut sql = Sql::new(
        &format!(
            "SELECT {COLS}, (SELECT COUNT(*) FROM memberships m WHERE m.org_id = orgs.id) AS members \
             FROM orgs WHERE deleted_at IS NULL"
        ),
        [],
    );
    let words = search.unwrap_or("").to_lowercase().replace(['%', '_'], "");
    if !words.trim().is_empty() {
        sql.push(" AND lower(name) LIKE ?", [format!("%{words}%").into()]);
    }
    keyset::seek(&mut sql, page, "created_at", "id", limit);
    keyset::fetch(c, &sql, page, limit, |r| {
        Ok((from_row(r)?, int(r, "orgs", "members")?))
    })
    .await
}
