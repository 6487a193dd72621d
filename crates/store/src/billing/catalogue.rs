//! The catalogue: offers per product type, their prices per period and currency in force from a
//! date, active or not.

use super::*;
use std::collections::HashMap;

#[derive(Clone, Debug)]
pub struct Offer {
    pub id: OfferId,
    pub product_type: ProductType,
    pub name: String,
    /// (period in months, price excl. VAT) in the asked currency, current prices only.
    pub prices: Vec<(i64, Money)>,
}

pub async fn insert_offer(c: &mut Conn, t: ProductType, name: &str, now: i64) -> Result<OfferId> {
    let id = OfferId::new();
    sqlx::query("INSERT INTO offers (id, product_type, name, created_at) VALUES ($1, $2, $3, $4)")
        .bind(id.to_string())
        .bind(t.code())
        .bind(name)
        .bind(now)
        .execute(c)
        .await?;
    Ok(id)
}

pub async fn set_price(
    c: &mut Conn,
    offer: OfferId,
    months: i64,
    currency: Currency,
    amount: i64,
    valid_from: i64,
) -> Result<()> {
    sqlx::query("INSERT INTO offer_prices (offer_id, period_months, currency, amount, valid_from) VALUES ($1, $2, $3, $4, $5)")
        .bind(offer.to_string())
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
    offer: OfferId,
    months: i64,
    currency: Currency,
    now: i64,
) -> Result<Option<i64>> {
    let row = sqlx::query(
        "SELECT amount FROM offer_prices WHERE offer_id = $1 AND period_months = $2 AND currency = $3 AND valid_from <= $4 \
         ORDER BY valid_from DESC LIMIT 1",
    )
    .bind(offer.to_string())
    .bind(months)
    .bind(currency.code())
    .bind(now)
    .fetch_optional(c)
    .await?;
    row.as_ref()
        .map(|r| int(r, "offer_prices", "amount"))
        .transpose()
}

/// The prices in force at `now`, by (offer, months), from rows of (offer_id, period_months, amount,
/// valid_from): the latest `valid_from` of each.
fn latest_prices(rows: &[AnyRow]) -> Result<HashMap<(OfferId, i64), i64>> {
    const T: &str = "offer_prices";
    let mut latest: HashMap<(OfferId, i64), (i64, i64)> = HashMap::new();
    for r in rows {
        let key = (parsed(r, T, "offer_id")?, int(r, T, "period_months")?);
        let (from, amount) = (int(r, T, "valid_from")?, int(r, T, "amount")?);
        let slot = latest.entry(key).or_insert((from, amount));
        if from > slot.0 {
            *slot = (from, amount);
        }
    }
    Ok(latest.into_iter().map(|(k, (_, a))| (k, a)).collect())
}

/// The prices in force at `now` in `currency` of these offers, by (offer, months): what
/// [`price`] gives for each, in one statement per 500 offers.
pub async fn prices_in_force(
    c: &mut Conn,
    offers: &[OfferId],
    currency: Currency,
    now: i64,
) -> Result<HashMap<(OfferId, i64), i64>> {
    let ids: Vec<String> = offers.iter().map(ToString::to_string).collect();
    let rows = select_in_after(
        c,
        "SELECT offer_id, period_months, amount, valid_from FROM offer_prices \
         WHERE currency = $1 AND valid_from <= $2 AND offer_id",
        &[currency.code().into(), now.into()],
        &ids,
        |r| Ok(r.clone()),
    )
    .await?;
    latest_prices(&rows)
}

/// Active offers with their current prices in `currency`: two statements whatever the number of
/// offers (the offers, then every price in force of every active offer).
pub async fn catalogue(c: &mut Conn, currency: Currency, now: i64) -> Result<Vec<Offer>> {
    let rows = sqlx::query(
        "SELECT id, product_type, name FROM offers WHERE active = 1 ORDER BY product_type, name",
    )
    .fetch_all(&mut *c)
    .await?;
    let prices = sqlx::query(
        "SELECT p.offer_id, p.period_months, p.amount, p.valid_from FROM offer_prices p \
         JOIN offers o ON o.id = p.offer_id WHERE o.active = 1 AND p.currency = $1 AND p.valid_from <= $2",
    )
    .bind(currency.code())
    .bind(now)
    .fetch_all(&mut *c)
    .await?;
    let prices = latest_prices(&prices)?;
    let mut out = Vec::new();
    for r in &rows {
        let id: OfferId = parsed(r, "offers", "id")?;
        let prices = guichet_core::period::PERIODS
            .iter()
            .filter_map(|&m| {
                let months = i64::from(m);
                prices
                    .get(&(id, months))
                    .map(|p| (months, Money::new(*p, currency)))
            })
            .collect();
        out.push(Offer {
            id,
            product_type: code(r, "offers", "product_type", ProductType::parse)?,
            name: text(r, "offers", "name")?,
            prices,
        });
    }
    Ok(out)
}

/// The Premium Support tier of each of these offers that has one (one statement per 500).
pub async fn offer_tiers(c: &mut Conn, offers: &[OfferId]) -> Result<HashMap<OfferId, i64>> {
    let ids: Vec<String> = offers.iter().map(ToString::to_string).collect();
    let rows = select_in(
        c,
        "SELECT id, support_tier FROM offers WHERE support_tier IS NOT NULL AND id",
        &ids,
        |r| {
            Ok((
                parsed(r, "offers", "id")?,
                int(r, "offers", "support_tier")?,
            ))
        },
    )
    .await?;
    Ok(rows.into_iter().collect())
}

pub async fn offer_name(c: &mut Conn, id: OfferId) -> Result<Option<(String, ProductType)>> {
    let row = sqlx::query("SELECT name, product_type FROM offers WHERE id = $1 AND active = 1")
        .bind(id.to_string())
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
    pub price: Money,
    pub valid_from: i64,
}

/// An offer as the back office sees it: active or not, with every price, past and scheduled.
#[derive(Clone, Debug)]
pub struct AdminOffer {
    pub id: OfferId,
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
            id: parsed(r, "offers", "id")?,
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
        let offer: OfferId = parsed(r, "offer_prices", "offer_id")?;
        if let Some(o) = out.iter_mut().find(|o| o.id == offer) {
            o.prices.push(PriceRow {
                months: int(r, "offer_prices", "period_months")?,
                price: money(r, "offer_prices", "amount", "currency")?,
                valid_from: int(r, "offer_prices", "valid_from")?,
            });
        }
    }
    Ok(out)
}

/// Replaces a price that is not in force yet (same offer, period, currency and start).
pub async fn delete_future_price(
    c: &mut Conn,
    offer: OfferId,
    months: i64,
    currency: Currency,
    valid_from: i64,
    now: i64,
) -> Result<u64> {
    let r = sqlx::query(
        "DELETE FROM offer_prices WHERE offer_id = $1 AND period_months = $2 AND currency = $3 AND valid_from = $4 AND valid_from > $5",
    )
    .bind(offer.to_string())
    .bind(months)
    .bind(currency.code())
    .bind(valid_from)
    .bind(now)
    .execute(c)
    .await?;
    Ok(r.rows_affected())
}

/// Shows or hides an offer on the order form (products already sold keep renewing).
pub async fn set_offer_active(c: &mut Conn, offer: OfferId, active: bool) -> Result<bool> {
    let r = sqlx::query("UPDATE offers SET active = $1 WHERE id = $2")
        .bind(i64::from(active))
        .bind(offer.to_string())
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
