//! Billing addresses of an Organization (ADDR-01). Every read is scoped by Organization: another
//! Organization's address id finds nothing.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::{AddressId, OrgId};
use sqlx::any::AnyRow;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddressFields {
    pub name: String,
    pub company: Option<String>,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
    pub email: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Address {
    pub id: AddressId,
    pub org_id: OrgId,
    pub fields: AddressFields,
    pub created_at: i64,
    pub archived_at: Option<i64>,
}

const T: &str = "billing_addresses";
const COLS: &str =
    "id, org_id, name, company, street, postcode, city, country, email, created_at, archived_at";

fn from_row(r: &AnyRow) -> Result<Address> {
    Ok(Address {
        id: parsed(r, T, "id")?,
        org_id: parsed(r, T, "org_id")?,
        fields: AddressFields {
            name: text(r, T, "name")?,
            company: opt_text(r, T, "company")?,
            street: text(r, T, "street")?,
            postcode: text(r, T, "postcode")?,
            city: text(r, T, "city")?,
            country: text(r, T, "country")?,
            email: opt_text(r, T, "email")?,
        },
        created_at: int(r, T, "created_at")?,
        archived_at: opt_int(r, T, "archived_at")?,
    })
}

pub async fn insert(c: &mut Conn, org: OrgId, f: &AddressFields, now: i64) -> Result<AddressId> {
    let id = AddressId::new();
    let q = sqlx::query(
        "INSERT INTO billing_addresses (id, org_id, name, company, street, postcode, city, country, email, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    );
    fields(q, id, org, f).bind(now).execute(c).await?;
    Ok(id)
}

/// Changes an address of this Organization; false when the id is not one of its addresses.
pub async fn update(c: &mut Conn, org: OrgId, id: AddressId, f: &AddressFields) -> Result<bool> {
    let q = sqlx::query(
        "UPDATE billing_addresses SET name = $3, company = $4, street = $5, postcode = $6, city = $7, country = $8, email = $9 \
         WHERE id = $1 AND org_id = $2",
    );
    let done = fields(q, id, org, f).execute(c).await?;
    Ok(done.rows_affected() == 1)
}

/// Binds `$1` id, `$2` Organization and `$3`…`$9` the address fields, in the order of the table.
fn fields<'q>(q: Query<'q>, id: AddressId, org: OrgId, f: &'q AddressFields) -> Query<'q> {
    q.bind(id.to_string())
        .bind(org.to_string())
        .bind(&f.name)
        .bind(f.company.as_deref())
        .bind(&f.street)
        .bind(&f.postcode)
        .bind(&f.city)
        .bind(&f.country)
        .bind(f.email.as_deref())
}

/// Archives (`Some(now)`) or restores (`None`); false when the id is not one of its addresses.
pub async fn set_archived(
    c: &mut Conn,
    org: OrgId,
    id: AddressId,
    at: Option<i64>,
) -> Result<bool> {
    let done =
        sqlx::query("UPDATE billing_addresses SET archived_at = $1 WHERE id = $2 AND org_id = $3")
            .bind(at)
            .bind(id.to_string())
            .bind(org.to_string())
            .execute(c)
            .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn get(c: &mut Conn, org: OrgId, id: AddressId) -> Result<Option<Address>> {
    org_record(c, COLS, "billing_addresses", id, org, from_row).await
}

/// The Organization's addresses, live ones first, then archived, each by name.
pub async fn list(c: &mut Conn, org: OrgId, include_archived: bool) -> Result<Vec<Address>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM billing_addresses WHERE org_id = $1 AND ($2 = 1 OR archived_at IS NULL) \
         ORDER BY CASE WHEN archived_at IS NULL THEN 0 ELSE 1 END, name, id"
    ));
    let rows = sqlx::query(sql)
        .bind(org.to_string())
        .bind(b(include_archived))
        .fetch_all(c)
        .await?;
    rows.iter().map(from_row).collect()
}
