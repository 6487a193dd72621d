//! Catalogue, products and invoices.

use crate::row::*;
use crate::transition::Cas;
use crate::{Conn, Result};
use guichet_core::product::{ProductState, ProductType};
use guichet_core::status::InvoiceStatus;
use guichet_core::{Currency, OrgId};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Clone, Debug)]
pub struct Offer {
    pub id: String,
    pub product_type: ProductType,
    pub name: String,
    /// (period in months, price excl. VAT) in the asked currency, current prices only.
    pub prices: Vec<(i64, i64)>,
}

pub async fn insert_offer(c: &mut Conn, t: ProductType, name: &str, now: i64) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    sqlx::query("INSERT INTO offers (id, product_type, name, created_at) VALUES ($1, $2, $3, $4)")
        .bind(&id)
        .bind(t.code())
        .bind(name)
        .bind(now)
        .execute(c)
        .await?;
    Ok(id)
}

pub async fn set_price(
    c: &mut Conn,
    offer: &str,
    months: i64,
    currency: Currency,
    amount: i64,
    valid_from: i64,
) -> Result<()> {
    sqlx::query("INSERT INTO offer_prices (offer_id, period_months, currency, amount, valid_from) VALUES ($1, $2, $3, $4, $5)")
        .bind(offer)
        .bind(months)
        .bind(currency.code())
        .bind(amount)
        .bind(valid_from)
        .execute(c)
        .await?;
    Ok(())
}

/// The price in force at `now` (the latest `valid_from` not after it).
pub async fn price(
    c: &mut Conn,
    offer: &str,
    months: i64,
    currency: Currency,
    now: i64,
) -> Result<Option<i64>> {
    let row = sqlx::query(
        "SELECT amount FROM offer_prices WHERE offer_id = $1 AND period_months = $2 AND currency = $3 AND valid_from <= $4 \
         ORDER BY valid_from DESC LIMIT 1",
    )
    .bind(offer)
    .bind(months)
    .bind(currency.code())
    .bind(now)
    .fetch_optional(c)
    .await?;
    row.as_ref()
        .map(|r| int(r, "offer_prices", "amount"))
        .transpose()
}

/// Active offers with their current prices in `currency`.
pub async fn catalogue(c: &mut Conn, currency: Currency, now: i64) -> Result<Vec<Offer>> {
    let rows = sqlx::query(
        "SELECT id, product_type, name FROM offers WHERE active = 1 ORDER BY product_type, name",
    )
    .fetch_all(&mut *c)
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        let id = text(r, "offers", "id")?;
        let mut prices = Vec::new();
        for months in guichet_core::period::PERIODS {
            if let Some(p) = price(c, &id, months as i64, currency, now).await? {
                prices.push((months as i64, p));
            }
        }
        out.push(Offer {
            id,
            product_type: code(r, "offers", "product_type", ProductType::parse)?,
            name: text(r, "offers", "name")?,
            prices,
        });
    }
    Ok(out)
}

pub async fn offer_name(c: &mut Conn, id: &str) -> Result<Option<(String, ProductType)>> {
    let row = sqlx::query("SELECT name, product_type FROM offers WHERE id = $1 AND active = 1")
        .bind(id)
        .fetch_optional(c)
        .await?;
    row.as_ref()
        .map(|r| {
            Ok((
                text(r, "offers", "name")?,
                code(r, "offers", "product_type", ProductType::parse)?,
            ))
        })
        .transpose()
}

/// One price of the back office's catalogue: in force from `valid_from` (Unix time).
#[derive(Clone, Debug)]
pub struct PriceRow {
    pub months: i64,
    pub currency: Currency,
    pub amount: i64,
    pub valid_from: i64,
}

/// An offer as the back office sees it: active or not, with every price, past and scheduled.
#[derive(Clone, Debug)]
pub struct AdminOffer {
    pub id: String,
    pub product_type: ProductType,
    pub name: String,
    pub active: bool,
    pub support_tier: Option<i64>,
    pub prices: Vec<PriceRow>,
}

/// Every offer with all its prices (newest first per period and currency).
pub async fn all_offers(c: &mut Conn) -> Result<Vec<AdminOffer>> {
    let rows = sqlx::query(
        "SELECT id, product_type, name, active, support_tier FROM offers ORDER BY product_type, name",
    )
    .fetch_all(&mut *c)
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        out.push(AdminOffer {
            id: text(r, "offers", "id")?,
            product_type: code(r, "offers", "product_type", ProductType::parse)?,
            name: text(r, "offers", "name")?,
            active: flag(r, "offers", "active")?,
            support_tier: opt_int(r, "offers", "support_tier")?,
            prices: Vec::new(),
        });
    }
    let prices = sqlx::query(
        "SELECT offer_id, period_months, currency, amount, valid_from FROM offer_prices          ORDER BY offer_id, period_months, currency, valid_from DESC",
    )
    .fetch_all(&mut *c)
    .await?;
    for r in &prices {
        let offer = text(r, "offer_prices", "offer_id")?;
        if let Some(o) = out.iter_mut().find(|o| o.id == offer) {
            o.prices.push(PriceRow {
                months: int(r, "offer_prices", "period_months")?,
                currency: code(r, "offer_prices", "currency", Currency::parse)?,
                amount: int(r, "offer_prices", "amount")?,
                valid_from: int(r, "offer_prices", "valid_from")?,
            });
        }
    }
    Ok(out)
}

/// Replaces a price that is not in force yet (same offer, period, currency and start).
pub async fn delete_future_price(
    c: &mut Conn,
    offer: &str,
    months: i64,
    currency: Currency,
    valid_from: i64,
    now: i64,
) -> Result<u64> {
    let r = sqlx::query(
        "DELETE FROM offer_prices WHERE offer_id = $1 AND period_months = $2 AND currency = $3 AND valid_from = $4 AND valid_from > $5",
    )
    .bind(offer)
    .bind(months)
    .bind(currency.code())
    .bind(valid_from)
    .bind(now)
    .execute(c)
    .await?;
    Ok(r.rows_affected())
}

/// Shows or hides an offer on the order form (products already sold keep renewing).
pub async fn set_offer_active(c: &mut Conn, offer: &str, active: bool) -> Result<bool> {
    let r = sqlx::query("UPDATE offers SET active = $1 WHERE id = $2")
        .bind(i64::from(active))
        .bind(offer)
        .execute(c)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// The highest Premium Support tier rank so far (0: none).
pub async fn max_support_tier(c: &mut Conn) -> Result<i64> {
    Ok(
        sqlx::query("SELECT COALESCE(MAX(support_tier), 0) FROM offers")
            .fetch_one(c)
            .await?
            .try_get::<i64, _>(0)?,
    )
}

pub async fn count_offers(c: &mut Conn) -> Result<i64> {
    Ok(sqlx::query("SELECT COUNT(*) FROM offers")
        .fetch_one(c)
        .await?
        .try_get::<i64, _>(0)?)
}

#[derive(Clone, Debug)]
pub struct Product {
    pub id: String,
    pub org_id: OrgId,
    pub offer_id: String,
    pub name: String,
    pub period_months: i64,
    pub state: ProductState,
    pub starts_on: Option<String>,
    pub expires_on: Option<String>,
    pub billing_address_id: Option<String>,
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

pub(crate) const PCOLS: &str = "id, org_id, offer_id, name, period_months, state, starts_on, expires_on, billing_address_id, auto_renew, created_at, next_period_months, cancel_requested_at";

pub(crate) fn product(r: &AnyRow) -> Result<Product> {
    const T: &str = "products";
    Ok(Product {
        id: text(r, T, "id")?,
        org_id: parsed(r, T, "org_id")?,
        offer_id: text(r, T, "offer_id")?,
        name: text(r, T, "name")?,
        period_months: int(r, T, "period_months")?,
        state: code(r, T, "state", ProductState::parse)?,
        starts_on: opt_text(r, T, "starts_on")?,
        expires_on: opt_text(r, T, "expires_on")?,
        billing_address_id: opt_text(r, T, "billing_address_id")?,
        auto_renew: flag(r, T, "auto_renew")?,
        created_at: int(r, T, "created_at")?,
        next_period_months: opt_int(r, T, "next_period_months")?,
        cancel_requested_at: opt_int(r, T, "cancel_requested_at")?,
    })
}

pub async fn insert_product(
    c: &mut Conn,
    org: OrgId,
    offer: &str,
    name: &str,
    months: i64,
    address: Option<&str>,
    now: i64,
) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    sqlx::query(
        "INSERT INTO products (id, org_id, offer_id, name, period_months, state, billing_address_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7)",
    )
    .bind(&id)
    .bind(org.to_string())
    .bind(offer)
    .bind(name)
    .bind(months)
    .bind(address)
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

pub async fn get_product(c: &mut Conn, org: OrgId, id: &str) -> Result<Option<Product>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {PCOLS} FROM products WHERE id = $1 AND org_id = $2"
    ));
    let row = sqlx::query(sql)
        .bind(id)
        .bind(org.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(product).transpose()
}

/// A pending product's first payment: it runs from `starts_on`; false if it was no longer pending.
pub async fn activate(c: &mut Conn, id: &str, starts_on: &str, expires_on: &str) -> Result<bool> {
    Cas::new(&[ProductState::Pending], ProductState::Active)
        .id(id)
        .set("starts_on", starts_on)
        .set("expires_on", expires_on)
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

/// The next number of `issuer`'s sequence for `year`, in the caller's transaction (INV-02: a rolled
/// back invoice gives its number back, so the sequence has no gap).
pub async fn next_invoice_number(c: &mut Conn, issuer: &str, year: i64) -> Result<i64> {
    // The year's counter exists but for the first invoice of a year: one statement as a rule.
    for _ in 0..2 {
        let row = sqlx::query("UPDATE invoice_sequences SET last = last + 1 WHERE issuer = $1 AND year = $2 RETURNING last")
            .bind(issuer)
            .bind(year)
            .fetch_optional(&mut *c)
            .await?;
        if let Some(row) = row {
            return Ok(row.try_get::<i64, _>(0)?);
        }
        sqlx::query("INSERT INTO invoice_sequences (issuer, year, last) VALUES ($1, $2, 0) ON CONFLICT (issuer, year) DO NOTHING")
            .bind(issuer)
            .bind(year)
            .execute(&mut *c)
            .await?;
    }
    Err(crate::StoreError::Corrupt {
        table: "invoice_sequences",
        detail: format!("{issuer} {year} was created but cannot be found"),
    })
}

#[derive(Clone, Debug)]
pub struct Invoice {
    pub id: String,
    pub org_id: OrgId,
    pub number: String,
    pub kind: String,
    pub status: InvoiceStatus,
    pub currency: Currency,
    pub net: i64,
    pub vat: i64,
    pub gross: i64,
    pub vat_rate_bp: i64,
    pub vat_mention: Option<String>,
    pub bill_to: [String; 5],
    pub billing_reference: Option<String>,
    pub payment_reference: String,
    pub issued_at: i64,
    pub due_on: String,
    pub paid_at: Option<i64>,
    /// What credit notes gave back so far (minor units, VAT included).
    pub refunded: i64,
}

#[derive(Clone, Debug)]
pub struct InvoiceLine {
    pub description: String,
    pub product_id: Option<String>,
    pub period_start: Option<String>,
    pub period_end: Option<String>,
    pub quantity: i64,
    pub unit_net: i64,
    pub net: i64,
    pub vat: i64,
    pub gross: i64,
}

const ICOLS: &str = "id, org_id, number, kind, status, currency, net, vat, gross, vat_rate_bp, vat_mention, bill_to_name, \
                     bill_to_street, bill_to_postcode, bill_to_city, bill_to_country, billing_reference, payment_reference, \
                     issued_at, due_on, paid_at, refunded";

fn invoice(r: &AnyRow) -> Result<Invoice> {
    const T: &str = "invoices";
    Ok(Invoice {
        id: text(r, T, "id")?,
        org_id: parsed(r, T, "org_id")?,
        number: text(r, T, "number")?,
        kind: text(r, T, "kind")?,
        status: code(r, T, "status", InvoiceStatus::parse)?,
        currency: code(r, T, "currency", Currency::parse)?,
        net: int(r, T, "net")?,
        vat: int(r, T, "vat")?,
        gross: int(r, T, "gross")?,
        vat_rate_bp: int(r, T, "vat_rate_bp")?,
        vat_mention: opt_text(r, T, "vat_mention")?,
        bill_to: [
            text(r, T, "bill_to_name")?,
            text(r, T, "bill_to_street")?,
            text(r, T, "bill_to_postcode")?,
            text(r, T, "bill_to_city")?,
            text(r, T, "bill_to_country")?,
        ],
        billing_reference: opt_text(r, T, "billing_reference")?,
        payment_reference: text(r, T, "payment_reference")?,
        issued_at: int(r, T, "issued_at")?,
        due_on: text(r, T, "due_on")?,
        paid_at: opt_int(r, T, "paid_at")?,
        refunded: int(r, T, "refunded")?,
    })
}

pub async fn insert_invoice(
    c: &mut Conn,
    i: &Invoice,
    lines: &[(InvoiceLine, Option<String>)],
) -> Result<()> {
    sqlx::query(
        "INSERT INTO invoices (id, org_id, number, kind, status, currency, net, vat, gross, vat_rate_bp, vat_mention, bill_to_name, \
         bill_to_street, bill_to_postcode, bill_to_city, bill_to_country, billing_reference, payment_reference, issued_at, due_on) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)",
    )
    .bind(&i.id)
    .bind(i.org_id.to_string())
    .bind(&i.number)
    .bind(&i.kind)
    .bind(i.status.as_str())
    .bind(i.currency.code())
    .bind(i.net)
    .bind(i.vat)
    .bind(i.gross)
    .bind(i.vat_rate_bp)
    .bind(i.vat_mention.as_deref())
    .bind(&i.bill_to[0])
    .bind(&i.bill_to[1])
    .bind(&i.bill_to[2])
    .bind(&i.bill_to[3])
    .bind(&i.bill_to[4])
    .bind(i.billing_reference.as_deref())
    .bind(&i.payment_reference)
    .bind(i.issued_at)
    .bind(&i.due_on)
    .execute(&mut *c)
    .await?;
    for (pos, (l, key)) in lines.iter().enumerate() {
        sqlx::query(
            "INSERT INTO invoice_lines (invoice_id, position, description, product_id, period_start, period_end, billing_key, \
             quantity, unit_net, net, vat, gross) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(&i.id)
        .bind(pos as i64 + 1)
        .bind(&l.description)
        .bind(l.product_id.as_deref())
        .bind(l.period_start.as_deref())
        .bind(l.period_end.as_deref())
        .bind(key.as_deref())
        .bind(l.quantity)
        .bind(l.unit_net)
        .bind(l.net)
        .bind(l.vat)
        .bind(l.gross)
        .execute(&mut *c)
        .await?;
    }
    Ok(())
}

pub async fn get_invoice(
    c: &mut Conn,
    org: OrgId,
    id: &str,
) -> Result<Option<(Invoice, Vec<InvoiceLine>)>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ICOLS} FROM invoices WHERE id = $1 AND org_id = $2"
    ));
    let Some(row) = sqlx::query(sql)
        .bind(id)
        .bind(org.to_string())
        .fetch_optional(&mut *c)
        .await?
    else {
        return Ok(None);
    };
    let inv = invoice(&row)?;
    let rows = sqlx::query(
        "SELECT description, product_id, period_start, period_end, quantity, unit_net, net, vat, gross FROM invoice_lines \
         WHERE invoice_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(c)
    .await?;
    const L: &str = "invoice_lines";
    let lines = rows
        .iter()
        .map(|r| {
            Ok(InvoiceLine {
                description: text(r, L, "description")?,
                product_id: opt_text(r, L, "product_id")?,
                period_start: opt_text(r, L, "period_start")?,
                period_end: opt_text(r, L, "period_end")?,
                quantity: int(r, L, "quantity")?,
                unit_net: int(r, L, "unit_net")?,
                net: int(r, L, "net")?,
                vat: int(r, L, "vat")?,
                gross: int(r, L, "gross")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Some((inv, lines)))
}

/// The invoices after `cursor` (issued_at, number) in the history's order (newest first), for
/// exports that walk the whole set without OFFSET.
#[allow(clippy::too_many_arguments)]
pub async fn invoices_after(
    c: &mut Conn,
    org: OrgId,
    status: Option<&str>,
    from: Option<i64>,
    to: Option<i64>,
    cursor: Option<(i64, String)>,
    limit: i64,
) -> Result<Vec<Invoice>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ICOLS} FROM invoices WHERE org_id = $1 AND ($2 = '' OR status = $2) AND issued_at >= $3 AND issued_at < $4 \
         AND ($5 = 0 OR issued_at < $6 OR (issued_at = $6 AND number < $7)) ORDER BY issued_at DESC, number DESC LIMIT $8"
    ));
    let (has, at, number) = match cursor {
        Some((at, n)) => (1_i64, at, n),
        None => (0, 0, String::new()),
    };
    let rows = sqlx::query(sql)
        .bind(org.to_string())
        .bind(status.unwrap_or(""))
        .bind(from.unwrap_or(i64::MIN))
        .bind(to.unwrap_or(i64::MAX))
        .bind(has)
        .bind(at)
        .bind(number)
        .bind(limit)
        .fetch_all(&mut *c)
        .await?;
    rows.iter().map(invoice).collect()
}

/// One page of an Organization's invoices, newest first, filtered by status and issue date range.
pub async fn invoices_page(
    c: &mut Conn,
    org: OrgId,
    status: Option<&str>,
    from: Option<i64>,
    to: Option<i64>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Invoice>, i64)> {
    let filter = "org_id = $1 AND ($2 = '' OR status = $2) AND issued_at >= $3 AND issued_at < $4";
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ICOLS} FROM invoices WHERE {filter} ORDER BY issued_at DESC, number DESC LIMIT $5 OFFSET $6"
    ));
    let (from, to) = (from.unwrap_or(i64::MIN), to.unwrap_or(i64::MAX));
    let rows = sqlx::query(sql)
        .bind(org.to_string())
        .bind(status.unwrap_or(""))
        .bind(from)
        .bind(to)
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut *c)
        .await?;
    let count_sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM invoices WHERE {filter}"));
    let total = sqlx::query(count_sql)
        .bind(org.to_string())
        .bind(status.unwrap_or(""))
        .bind(from)
        .bind(to)
        .fetch_one(c)
        .await?
        .try_get::<i64, _>(0)?;
    Ok((rows.iter().map(invoice).collect::<Result<Vec<_>>>()?, total))
}

/// Cancels an unpaid invoice (it keeps its number: the sequence stays gap-free) and frees its
/// lines' billing keys for the invoice that replaces it; false if it was not unpaid.
pub async fn cancel_invoice(c: &mut Conn, id: &str) -> Result<bool> {
    use InvoiceStatus::*;
    if !Cas::new(&[Unpaid, Overdue], Cancelled)
        .id(id)
        .applied(&mut *c)
        .await?
    {
        return Ok(false);
    }
    sqlx::query("UPDATE invoice_lines SET billing_key = NULL WHERE invoice_id = $1")
        .bind(id)
        .execute(c)
        .await?;
    Ok(true)
}

/// The duration a pending product will start with once paid.
pub async fn set_pending_period(c: &mut Conn, id: &str, months: i64) -> Result<()> {
    sqlx::query("UPDATE products SET period_months = $1 WHERE id = $2 AND state = 'pending'")
        .bind(months)
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}

/// INV-03: unpaid invoices due before `today` (`YYYY-MM-DD`) become overdue; how many.
pub async fn mark_overdue(c: &mut Conn, today: &str) -> Result<u64> {
    Cas::new(&[InvoiceStatus::Unpaid], InvoiceStatus::Overdue)
        .all_rows()
        .guard("due_on < ?", today)
        .apply(c)
        .await
}

/// Marks an unpaid invoice paid; false if it was not unpaid.
pub async fn mark_invoice_paid(c: &mut Conn, id: &str, now: i64) -> Result<bool> {
    use InvoiceStatus::*;
    Cas::new(&[Unpaid, Overdue], Paid)
        .id(id)
        .set("paid_at", now)
        .set_expr("paid_minor = gross")
        .applied(c)
        .await
}

pub async fn count_unpaid(c: &mut Conn, org: OrgId) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) FROM invoices WHERE org_id = $1 AND status IN ('unpaid', 'partially_paid', 'overdue')")
        .bind(org.to_string())
        .fetch_one(c)
        .await?;
    Ok(row.try_get::<i64, _>(0)?)
}

/// An invoice by its number, whatever its Organization (the back office's lookup).
pub async fn invoice_by_number(c: &mut Conn, number: &str) -> Result<Option<Invoice>> {
    let sql = sqlx::AssertSqlSafe(format!("SELECT {ICOLS} FROM invoices WHERE number = $1"));
    let row = sqlx::query(sql).bind(number).fetch_optional(c).await?;
    row.as_ref().map(invoice).transpose()
}

/// The invoices carrying these payment references, by reference (the bank import's look-up of a
/// whole file).
pub async fn invoices_by_references(
    c: &mut Conn,
    references: &[String],
) -> Result<std::collections::HashMap<String, Invoice>> {
    let head = format!("SELECT {ICOLS} FROM invoices WHERE payment_reference");
    let found = select_in(c, &head, references, invoice).await?;
    Ok(found
        .into_iter()
        .map(|i| (i.payment_reference.clone(), i))
        .collect())
}

/// The products billed on an invoice, with the start and end of the period each line bills.
pub async fn invoice_products(
    c: &mut Conn,
    invoice: &str,
) -> Result<Vec<(String, Option<String>, Option<String>)>> {
    let rows = sqlx::query(
        "SELECT product_id, period_start, period_end FROM invoice_lines WHERE invoice_id = $1 AND product_id IS NOT NULL ORDER BY position",
    )
    .bind(invoice)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                text(r, "invoice_lines", "product_id")?,
                opt_text(r, "invoice_lines", "period_start")?,
                opt_text(r, "invoice_lines", "period_end")?,
            ))
        })
        .collect()
}

/// Products whose paid period ends on or before `until` (ISO date) and that are still running.
pub async fn products_expiring_by(c: &mut Conn, until: &str) -> Result<Vec<Product>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {PCOLS} FROM products WHERE state IN ('active', 'expired', 'blocked') AND expires_on IS NOT NULL AND expires_on <= $1 \
         AND cancel_requested_at IS NULL ORDER BY expires_on, id"
    ));
    let rows = sqlx::query(sql).bind(until).fetch_all(c).await?;
    rows.iter().map(product).collect()
}

/// Running products with an expiry (the lifecycle job's input).
pub async fn products_with_expiry(c: &mut Conn) -> Result<Vec<Product>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {PCOLS} FROM products WHERE state IN ('active', 'expired', 'blocked') AND expires_on IS NOT NULL ORDER BY id"
    ));
    let rows = sqlx::query(sql).fetch_all(c).await?;
    rows.iter().map(product).collect()
}

/// Cancels a running product for the end of its term (and switches its auto-renewal off); false if
/// it is not running or already cancelled.
pub async fn request_cancel(c: &mut Conn, id: &str, now: i64) -> Result<bool> {
    let r = sqlx::query(
        "UPDATE products SET cancel_requested_at = $2, auto_renew = 0 \
         WHERE id = $1 AND state IN ('active', 'expired', 'blocked') AND cancel_requested_at IS NULL",
    )
    .bind(id)
    .bind(now)
    .execute(c)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Takes a cancellation back while the product still runs; false if there was none to take back.
pub async fn resume(c: &mut Conn, id: &str) -> Result<bool> {
    let r = sqlx::query(
        "UPDATE products SET cancel_requested_at = NULL \
         WHERE id = $1 AND state IN ('active', 'expired', 'blocked') AND cancel_requested_at IS NOT NULL",
    )
    .bind(id)
    .execute(c)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// The Organization's unpaid invoices that bill only this product (order or renewals).
pub async fn unpaid_invoices_of_product(
    c: &mut Conn,
    org: OrgId,
    product: &str,
) -> Result<Vec<Invoice>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ICOLS} FROM invoices v WHERE v.org_id = $1 AND v.status IN ('unpaid', 'overdue') \
         AND EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = v.id AND l.product_id = $2) \
         AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = v.id AND (l.product_id IS NULL OR l.product_id <> $2)) \
         ORDER BY v.issued_at"
    ));
    let rows = sqlx::query(sql)
        .bind(org.to_string())
        .bind(product)
        .fetch_all(c)
        .await?;
    rows.iter().map(invoice).collect()
}

pub async fn set_state(
    c: &mut Conn,
    id: &str,
    from: ProductState,
    to: ProductState,
) -> Result<bool> {
    Cas::new(&[from], to).id(id).applied(c).await
}

/// A paid renewal of `months`: the product runs until `expires_on` (never shortened), is active
/// again, and is billed by `months` from now on (a scheduled change of period is then done).
/// False if the product is no longer running (terminated or cancelled meanwhile).
pub async fn extend(c: &mut Conn, id: &str, expires_on: &str, months: i64) -> Result<bool> {
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
    .bind(expires_on)
    .bind(id)
    .bind(months)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The months billed by the line with `key` (`product:period_start`), if it exists.
pub async fn invoiced_months(c: &mut Conn, key: &str) -> Result<Option<i64>> {
    let row =
        sqlx::query("SELECT period_start, period_end FROM invoice_lines WHERE billing_key = $1")
            .bind(key)
            .fetch_optional(c)
            .await?;
    let Some(r) = row else { return Ok(None) };
    let start = opt_text(&r, "invoice_lines", "period_start")?;
    let end = opt_text(&r, "invoice_lines", "period_end")?;
    Ok(
        match (
            start
                .as_deref()
                .and_then(guichet_core::period::Date::parse_iso),
            end.as_deref()
                .and_then(guichet_core::period::Date::parse_iso),
        ) {
            (Some(a), Some(b)) => Some(guichet_core::period::months_between(a, b)),
            _ => None,
        },
    )
}

/// Which of `keys` are invoiced already (one query for a batch of the billing run).
pub async fn existing_billing_keys(
    c: &mut Conn,
    keys: &[String],
) -> Result<std::collections::HashSet<String>> {
    let found = select_in(
        c,
        "SELECT billing_key FROM invoice_lines WHERE billing_key",
        keys,
        |r| text(r, "invoice_lines", "billing_key"),
    )
    .await?;
    Ok(found.into_iter().collect())
}

pub async fn billing_key_exists(c: &mut Conn, key: &str) -> Result<bool> {
    Ok(
        sqlx::query("SELECT 1 FROM invoice_lines WHERE billing_key = $1")
            .bind(key)
            .fetch_optional(c)
            .await?
            .is_some(),
    )
}

/// Unpaid invoices of an Organization, soonest due first; with `due_by` only those due by that day.
pub async fn payable(c: &mut Conn, org: OrgId, due_by: Option<&str>) -> Result<Vec<Invoice>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ICOLS} FROM invoices WHERE org_id = $1 AND status IN ('unpaid', 'overdue') AND ($2 = '' OR due_on <= $2) \
         ORDER BY due_on, number LIMIT 500"
    ));
    let rows = sqlx::query(sql)
        .bind(org.to_string())
        .bind(due_by.unwrap_or(""))
        .fetch_all(c)
        .await?;
    rows.iter().map(invoice).collect()
}

/// For the crash test and operators' checks: renewal invoices, their lines, the distinct products they
/// bill, and every invoice number.
pub async fn renewal_census(c: &mut Conn) -> Result<(i64, i64, i64, Vec<String>)> {
    let row = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM invoices WHERE kind = 'renewal') AS i, \
         (SELECT COUNT(*) FROM invoice_lines l JOIN invoices v ON v.id = l.invoice_id WHERE v.kind = 'renewal') AS l, \
         (SELECT COUNT(DISTINCT l.product_id) FROM invoice_lines l JOIN invoices v ON v.id = l.invoice_id WHERE v.kind = 'renewal') AS p",
    )
    .fetch_one(&mut *c)
    .await?;
    let numbers = sqlx::query("SELECT number FROM invoices ORDER BY number")
        .fetch_all(&mut *c)
        .await?
        .iter()
        .map(|r| text(r, "invoices", "number"))
        .collect::<Result<Vec<_>>>()?;
    Ok((
        int(&row, "invoices", "i")?,
        int(&row, "invoices", "l")?,
        int(&row, "invoices", "p")?,
        numbers,
    ))
}

/// REM-05: open invoices (unpaid or overdue) due on or before `day`, oldest due first.
pub async fn open_due_by(c: &mut Conn, day: &str, limit: i64) -> Result<Vec<Invoice>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ICOLS} FROM invoices WHERE status IN ('unpaid', 'overdue') AND due_on <= $1 \
         ORDER BY due_on, id LIMIT $2"
    ));
    let rows = sqlx::query(sql).bind(day).bind(limit).fetch_all(c).await?;
    rows.iter().map(invoice).collect()
}

/// REM-06: the Organization's invoice with this payment reference or number (never another's).
pub async fn invoice_of_org_by_reference(
    c: &mut Conn,
    org: OrgId,
    reference: &str,
) -> Result<Option<Invoice>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ICOLS} FROM invoices WHERE org_id = $1 AND (payment_reference = $2 OR number = $2)"
    ));
    let row = sqlx::query(sql)
        .bind(org.to_string())
        .bind(reference)
        .fetch_optional(c)
        .await?;
    row.as_ref().map(invoice).transpose()
}
