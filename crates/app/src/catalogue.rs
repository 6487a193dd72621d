//! The catalogue in the back office (SPEC §3, §5): offers per product type with prices per period
//! and currency, excluding VAT, each in force from a date. A price change is a new row from a date
//! on, never an edit: invoices copy their amounts when issued, so nothing issued changes, and what
//! applied on any day can always be told. Only prices not yet in force can be replaced.

use crate::App;
use crate::auth::SessionCtx;
use crate::billing::{day_start, today};
use crate::error::{AppError, AppResult};
use guichet_core::product::ProductType;
use guichet_core::{Currency, OfferId, validate};
use guichet_store::audit;
use guichet_store::billing::{self as store, AdminOffer};

/// A price typed in the back office.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct PriceInput {
    pub months: i64,
    /// `CHF` or `EUR`.
    pub currency: String,
    pub amount_minor: i64,
    /// `YYYY-MM-DD`: from that day on (UTC); today or later.
    pub valid_from: String,
}

impl App {
    fn operator_only(ctx: &SessionCtx) -> AppResult<()> {
        if ctx.user.is_operator {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    /// Every offer with its prices, past, current and scheduled.
    pub async fn admin_offers(&self, ctx: &SessionCtx) -> AppResult<Vec<AdminOffer>> {
        Self::operator_only(ctx)?;
        let mut c = self.db.conn().await?;
        Ok(store::all_offers(&mut c).await?)
    }

    /// A new offer: on the order form at once, orderable for the periods that have a price.
    /// Premium Support offers rank above the existing tiers (SUP-02: upgrade only).
    pub async fn admin_create_offer(
        &self,
        ctx: &SessionCtx,
        product_type: &str,
        name: &str,
    ) -> AppResult<OfferId> {
        Self::operator_only(ctx)?;
        let t = ProductType::parse(product_type)
            .ok_or(AppError::invalid("product_type", "field.choice"))?;
        let name =
            validate::line(name, 100).ok_or(AppError::invalid("name", "catalogue.name_needed"))?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let id = store::insert_offer(&mut tx, t, &name, now).await?;
        if t == ProductType::PremiumSupport {
            let rank = store::max_support_tier(&mut tx).await? + 1;
            guichet_store::support::set_offer_tier(&mut tx, id, rank).await?;
        }
        audit::record(
            &mut tx,
            None,
            Some(ctx.user.id),
            "catalogue.offer_created",
            &format!("{} ({})", name, t.code()),
            "",
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Sets the price of a period and currency from a day on (today or later). A price already
    /// scheduled for that very day and not yet in force is replaced; one in force is refused.
    pub async fn admin_set_price(
        &self,
        ctx: &SessionCtx,
        offer: OfferId,
        p: &PriceInput,
    ) -> AppResult<()> {
        Self::operator_only(ctx)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let offers = store::all_offers(&mut tx).await?;
        let o = offers
            .iter()
            .find(|o| o.id == offer)
            .ok_or(AppError::NotFound)?;
        if !guichet_core::period::PERIODS.contains(&(p.months.clamp(0, 36) as u32)) {
            return Err(AppError::invalid("months", "field.choice"));
        }
        if o.product_type == ProductType::PremiumSupport
            && p.months < crate::support::PREMIUM_MIN_MONTHS
        {
            return Err(AppError::invalid("months", "catalogue.premium_min"));
        }
        let currency =
            Currency::parse(&p.currency).ok_or(AppError::invalid("currency", "field.choice"))?;
        crate::amount_in(
            "amount",
            Ok(p.amount_minor),
            guichet_core::money::Zero::Allowed,
        )?;
        let from = day_start(p.valid_from.trim(), "valid_from")?;
        let today_start = day_start(&today(now).iso(), "valid_from")?;
        if from < today_start {
            return Err(AppError::invalid("valid_from", "catalogue.no_backdating"));
        }
        // Today's change applies from now on (not from midnight: invoices of earlier today stay).
        let from = if from == today_start { now } else { from };
        let exists = o
            .prices
            .iter()
            .any(|r| r.months == p.months && r.price.currency == currency && r.valid_from == from);
        if exists
            && store::delete_future_price(&mut tx, offer, p.months, currency, from, now).await? == 0
        {
            return Err(AppError::Conflict("catalogue.price_in_force"));
        }
        store::set_price(&mut tx, offer, p.months, currency, p.amount_minor, from).await?;
        audit::record(
            &mut tx,
            None,
            Some(ctx.user.id),
            "catalogue.price_set",
            &format!(
                "{}: {} months {} from {}",
                o.name,
                p.months,
                guichet_core::Money::new(p.amount_minor, currency),
                today(from).iso()
            ),
            "",
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Shows or hides an offer on the order form; products already sold keep renewing.
    pub async fn admin_set_offer_active(
        &self,
        ctx: &SessionCtx,
        offer: OfferId,
        active: bool,
    ) -> AppResult<()> {
        Self::operator_only(ctx)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        if !store::set_offer_active(&mut tx, offer, active).await? {
            return Err(AppError::NotFound);
        }
        audit::record(
            &mut tx,
            None,
            Some(ctx.user.id),
            "catalogue.offer_active",
            &format!("{offer}: {active}"),
            "",
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
