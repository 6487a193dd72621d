//! Products: ordered, activated, renewed, expired, cancelled (their state moves through
//! `store::transition`).

use super::*;

#[derive(Clone, Debug)]
pub struct Product {
    pub id: ProductId,
    pub org_id: OrgId,
    pub offer_id: OfferId,
    /// What the product is called wherever it is shown: its label when its Organization gave it
    /// one, else the offer's name.
    pub name: String,
    /// The offer's name (`Hébergement Web Pro`), and the label given (issue #14).
    pub offer_name: String,
    pub label: Option<String>,
    pub period_months: i64,
    pub state: ProductState,
    pub starts_on: Option<Date>,
    pub expires_on: Option<Date>,
    pub billing_address_id: Option<AddressId>,
    pub auto_renew: bool,
    pub created_at: i64,
    /// The period of the next term when the customer changed it (FREQ-01…03).
    pub next_period_months: Option<i64>,
    /// When the customer cancelled it for the end of its term (none: it renews).
    pub cancel_requested_at: Option<i64>,
}

impl Product {
    /// The period the next renewal bills.
    pub fn renewal_months(&self) -> i64 {
        self.next_period_months.unwrap_or(self.period_months)
    }
}

pub(crate) const PCOLS: &str = "id, org_id, offer_id, name, period_months, state, starts_on, expires_on, billing_address_id, auto_renew, created_at, next_period_months, cancel_requested_at, label";

pub(crate) fn product(r: &AnyRow) -> Result<Product> {
    const T: &str = "products";
    let offer_name = text(r, T, "name")?;
    let label = opt_text(r, T, "label")?;
    Ok(Product {
        id: parsed(r, T, "id")?,
        org_id: parsed(r, T, "org_id")?,
        offer_id: parsed(r, T, "offer_id")?,
        name: label.clone().unwrap_or_else(|| offer_name.clone()),
        offer_name,
        label,
        period_months: int(r, T, "period_months")?,
        state: code(r, T, "state", ProductState::parse)?,
        starts_on: opt_parsed(r, T, "starts_on")?,
        expires_on: opt_parsed(r, T, "expires_on")?,
        billing_address_id: opt_parsed(r, T, "billing_address_id")?,
        auto_renew: flag(r, T, "auto_renew")?,
        created_at: int(r, T, "created_at")?,
        next_period_months: opt_int(r, T, "next_period_months")?,
        cancel_requested_at: opt_int(r, T, "cancel_requested_at")?,
    })
}

pub async fn insert_product(
    c: &mut Conn,
    org: OrgId,
    offer: OfferId,
    name: &str,
    months: i64,
    address: Option<AddressId>,
    now: i64,
) -> Result<ProductId> {
    let id = ProductId::new();
    sqlx::query(
        "INSERT INTO products (id, org_id, offer_id, name, period_months, state, billing_address_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7)",
    )
    .bind(id.to_string())
    .bind(org.to_string())
    .bind(offer.to_string())
    .bind(name)
    .bind(months)
    .bind(address.map(|a| a.to_string()))
    .bind(now)
    .execute(c)
    .await?;
    Ok(id)
}

pub async fn products_of(c: &mut Conn, org: OrgId) -> Result<Vec<Product>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {PCOLS} FROM products WHERE org_id = $1 ORDER BY created_at DESC, id DESC"
    ));
    let rows = sqlx::query(sql).bind(org.to_string()).fetch_all(c).await?;
    rows.iter().map(product).collect()
}

pub async fn get_product(c: &mut Conn, org: OrgId, id: ProductId) -> Result<Option<Product>> {
    org_record(c, PCOLS, "products", id, org, product).await
}

/// The Organization's products among these ids (another Organization's are not found), one
/// statement per 500 ids.
pub async fn products_by_ids(c: &mut Conn, org: OrgId, ids: &[ProductId]) -> Result<Vec<Product>> {
    let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
    let head = format!("SELECT {PCOLS} FROM products WHERE org_id = $1 AND id");
    select_in_after(c, &head, &[org.to_string().into()], &ids, product).await
}

/// A pending product's first payment: it runs from `starts_on`; false if it was no longer pending.
pub async fn activate(
    c: &mut Conn,
    id: ProductId,
    starts_on: Date,
    expires_on: Date,
) -> Result<bool> {
    Cas::new(&[ProductState::Pending], ProductState::Active)
        .id(id)
        .set("starts_on", starts_on.iso())
        .set("expires_on", expires_on.iso())
        .applied(c)
        .await
}

pub async fn count_live_products(c: &mut Conn, org: OrgId) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) FROM products WHERE org_id = $1 AND state NOT IN ('terminated', 'cancelled')")
        .bind(org.to_string())
        .fetch_one(c)
        .await?;
    Ok(row.try_get::<i64, _>(0)?)
}

/// The duration a pending product will start with once paid.
/// Gives the product its label (none: back to the offer's name). False if it is not the
/// Organization's.
pub async fn set_label(
    c: &mut Conn,
    org: OrgId,
    id: ProductId,
    label: Option<&str>,
) -> Result<bool> {
    let done = sqlx::query("UPDATE products SET label = $1 WHERE id = $2 AND org_id = $3")
        .bind(label)
        .bind(id.to_string())
        .bind(org.to_string())
        .execute(c)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The billing address a product's renewals are invoiced to (none: the Organization itself).
pub async fn set_billing_address(
    c: &mut Conn,
    org: OrgId,
    id: ProductId,
    address: Option<AddressId>,
) -> Result<bool> {
    let done =
        sqlx::query("UPDATE products SET billing_address_id = $1 WHERE id = $2 AND org_id = $3")
            .bind(address.map(|a| a.to_string()))
            .bind(id.to_string())
            .bind(org.to_string())
            .execute(c)
            .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_pending_period(c: &mut Conn, id: ProductId, months: i64) -> Result<()> {
    sqlx::query("UPDATE products SET period_months = $1 WHERE id = $2 AND state = 'pending'")
        .bind(months)
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// The next `limit` products after `after` (by `(expires_on, id)`) whose paid period ends on or
/// before `until` and that are still running: the billing run reads them in batches by key, so its
/// memory does not grow with the number of products (index `products_expiry`).
pub async fn products_expiring_by(
    c: &mut Conn,
    until: Date,
    after: Option<(Date, ProductId)>,
    limit: i64,
) -> Result<Vec<Product>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {PCOLS} FROM products WHERE expires_on IS NOT NULL AND expires_on <= $1 \
         AND ($2 = 0 OR expires_on > $3 OR (expires_on = $3 AND id > $4)) \
         AND state IN ('active', 'expired', 'blocked') AND cancel_requested_at IS NULL \
         ORDER BY expires_on, id LIMIT $5"
    ));
    let (has, on, id) = match after {
        Some((on, id)) => (1_i64, on.iso(), id.to_string()),
        None => (0, String::new(), String::new()),
    };
    let rows = sqlx::query(sql)
        .bind(until.iso())
        .bind(has)
        .bind(on)
        .bind(id)
        .bind(limit)
        .fetch_all(c)
        .await?;
    rows.iter().map(product).collect()
}

/// The next `limit` running products with an expiry after `after` (by id): the lifecycle job's
/// input, read in batches.
pub async fn products_with_expiry(
    c: &mut Conn,
    after: Option<ProductId>,
    limit: i64,
) -> Result<Vec<Product>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {PCOLS} FROM products WHERE id > $1 AND state IN ('active', 'expired', 'blocked') \
         AND expires_on IS NOT NULL ORDER BY id LIMIT $2"
    ));
    let rows = sqlx::query(sql)
        .bind(after.map(|a| a.to_string()).unwrap_or_default())
        .bind(limit)
        .fetch_all(c)
        .await?;
    rows.iter().map(product).collect()
}

/// Cancels a running product for the end of its term (and switches its auto-renewal off); false if
/// it is not running or already cancelled.
pub async fn request_cancel(c: &mut Conn, id: ProductId, now: i64) -> Result<bool> {
    let r = sqlx::query(
        "UPDATE products SET cancel_requested_at = $2, auto_renew = 0 \
         WHERE id = $1 AND state IN ('active', 'expired', 'blocked') AND cancel_requested_at IS NULL",
    )
    .bind(id.to_string())
    .bind(now)
    .execute(c)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Takes a cancellation back while the product still runs; false if there was none to take back.
pub async fn resume(c: &mut Conn, id: ProductId) -> Result<bool> {
    let r = sqlx::query(
        "UPDATE products SET cancel_requested_at = NULL \
         WHERE id = $1 AND state IN ('active', 'expired', 'blocked') AND cancel_requested_at IS NOT NULL",
    )
    .bind(id.to_string())
    .execute(c)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn set_state(
    c: &mut Conn,
    id: ProductId,
    from: ProductState,
    to: ProductState,
) -> Result<bool> {
    Cas::new(&[from], to).id(id).applied(c).await
}

/// A paid renewal of `months`: the product runs until `expires_on` (never shortened), is active
/// again, and is billed by `months` from now on (a scheduled change of period is then done).
/// False if the product is no longer running (terminated or cancelled meanwhile).
pub async fn extend(c: &mut Conn, id: ProductId, expires_on: Date, months: i64) -> Result<bool> {
    // A lapsed product is active again (a transition); a running one stays active.
    Cas::new(
        &[ProductState::Expired, ProductState::Blocked],
        ProductState::Active,
    )
    .id(id)
    .apply(&mut *c)
    .await?;
    let done = sqlx::query(
        "UPDATE products SET expires_on = CASE WHEN expires_on IS NULL OR expires_on < $1 THEN $1 ELSE expires_on END, \
         period_months = $3, next_period_months = CASE WHEN next_period_months = $3 THEN NULL ELSE next_period_months END \
         WHERE id = $2 AND state = 'active'",
    )
    .bind(expires_on.iso())
    .bind(id.to_string())
    .bind(months)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The Organization's running products whose next term has no invoice yet, soonest expiry first,
/// at most `limit` (issue #14: « Tout afficher » on Payments offers to renew them early). One
/// statement: the next term's billing key (`product:expires_on`) is looked up in its unique index.
pub async fn renewable_not_invoiced(c: &mut Conn, org: OrgId, limit: i64) -> Result<Vec<Product>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {PCOLS} FROM products WHERE org_id = $1 \
         AND state IN ('active', 'expired', 'blocked') AND cancel_requested_at IS NULL \
         AND expires_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM invoice_lines l \
         WHERE l.billing_key = products.id || ':' || products.expires_on) \
         ORDER BY expires_on, id LIMIT $2"
    ));
    let rows = sqlx::query(sql)
        .bind(org.to_string())
        .bind(limit)
        .fetch_all(c)
        .await?;
    rows.iter().map(product).collect()
}

/// The unpaid invoice billing this product, if there is one (the oldest): where its "renew" link
/// leads.
pub async fn open_invoice_of_product(
    c: &mut Conn,
    org: OrgId,
    product: ProductId,
) -> Result<Option<InvoiceId>> {
    let row = sqlx::query(
        "SELECT i.id FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id \
         WHERE i.org_id = $1 AND l.product_id = $2 AND i.status IN ('unpaid', 'overdue') \
         ORDER BY i.due_on, i.number LIMIT 1",
    )
    .bind(org.to_string())
    .bind(product.to_string())
    .fetch_optional(c)
    .await?;
    row.as_ref()
        .map(|r| parsed(r, "invoices", "id"))
        .transpose()
}
