//! The catalogue and ordering (SPEC §3): an order creates a pending product and its unpaid invoice;
//! the starter catalogue for a first start.

use super::*;
use guichet_core::{AddressId, OfferId};

impl App {
    pub async fn catalogue(&self, actor: &Actor) -> AppResult<Vec<Offer>> {
        actor.require(Action::ViewOrg)?;
        let mut c = self.db.conn().await?;
        let org = orgs::by_id(&mut c, actor.org)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(store::catalogue(&mut c, org.currency, self.now()).await?)
    }

    /// The products the caller may see: all of them for LR and Administrators, only the granted ones
    /// for collaborators and externals (SPEC §1: "P — on granted products only").
    pub async fn products(&self, actor: &Actor) -> AppResult<Vec<Product>> {
        actor.require(Action::ViewOrg)?;
        let mut c = self.db.conn().await?;
        let all = store::products_of(&mut c, actor.org).await?;
        if actor.access.role.is_manager() {
            return Ok(all);
        }
        let granted = crate::teams::granted_products(&mut c, actor).await?;
        Ok(all
            .into_iter()
            .filter(|p| granted.contains(&p.id))
            .collect())
    }

    /// An order as a form or the API sends it: the offer and the billing address as typed (an
    /// empty address is the Organization itself). Permission first, then the choices.
    pub async fn order_chosen(
        &self,
        actor: &Actor,
        offer: &str,
        months: i64,
        address: Option<&str>,
    ) -> AppResult<(ProductId, InvoiceId)> {
        actor.require(Action::OrderProducts)?;
        let offer = crate::error::parse_choice(offer, "offer")?;
        let address = crate::error::parse_opt_choice(address, "address")?;
        self.order_product(actor, offer, months, address).await
    }

    /// Orders a product for `months`, billed to a billing address of the Organization (or to the
    /// Organization itself). Returns the pending product and its unpaid invoice.
    pub async fn order_product(
        &self,
        actor: &Actor,
        offer: OfferId,
        months: i64,
        address: Option<AddressId>,
    ) -> AppResult<(ProductId, InvoiceId)> {
        actor.require(Action::OrderProducts)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (offer_name, _) = store::offer_name(&mut tx, offer)
            .await?
            .ok_or(AppError::invalid("offer", "field.choice"))?;
        let org = orgs::by_id(&mut tx, actor.org)
            .await?
            .ok_or(AppError::NotFound)?;
        crate::support::check_premium_order(&mut tx, actor.org, offer, months).await?;
        let unit = store::price(&mut tx, offer, months, org.currency, now)
            .await?
            .ok_or(AppError::invalid("period", "order.no_price"))?;
        let chosen = match address {
            Some(id) => Some(
                addresses::get(&mut tx, actor.org, id)
                    .await?
                    .filter(|a| a.archived_at.is_none())
                    .ok_or(AppError::invalid("address", "field.choice"))?,
            ),
            None => None,
        };
        let bill_to = bill_to(chosen, &org);
        if bill_to.lines[2].is_empty() || bill_to.lines[3].is_empty() {
            return Err(AppError::invalid("address", "order.address_incomplete"));
        }
        let product_id =
            store::insert_product(&mut tx, actor.org, offer, &offer_name, months, address, now)
                .await?;
        let start = today(now);
        let end = start.add_months(months as u32);
        let description = guichet_core::said::invoice_line(&offer_name, months, start, end);
        let line = BilledPeriod {
            description,
            product_id,
            start,
            end,
            unit_net: unit,
        };
        let invoice = issue_invoice(
            &mut tx,
            &org,
            bill_to,
            guichet_core::invoice::InvoiceKind::Order,
            &line,
            now,
        )
        .await?;
        let detail = format!(
            "{} {} ({})",
            invoice.number,
            Money::new(invoice.gross.minor, org.currency),
            offer_name
        );
        actor
            .audit_and_commit(tx, "product.ordered", &detail, now)
            .await?;
        Ok((product_id, invoice.id))
    }

    pub async fn seed_catalogue(&self) -> AppResult<bool> {
        use guichet_core::product::ProductType::*;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        if store::count_offers(&mut tx).await? > 0 {
            return Ok(false);
        }
        let offers: [(guichet_core::product::ProductType, &str, i64); 7] = [
            (WebHosting, "Hébergement Web Starter", 690),
            (WebHosting, "Hébergement Web Pro", 1490),
            (CloudServer, "Serveur Cloud S", 2900),
            (DomainName, "Nom de domaine .ch", 150),
            (MailService, "Service Mail 5 adresses", 390),
            (PremiumSupport, "Support Premium Business", 4900),
            (PremiumSupport, "Support Premium Enterprise", 14900),
        ];
        for (t, name, monthly) in offers {
            let id = store::insert_offer(&mut tx, t, name, now).await?;
            // SUP-02: Premium Support tiers (by price), at least six months: no 1/3-month prices.
            let tier = (t == PremiumSupport).then_some(if monthly < 10_000 { 1 } else { 2 });
            if let Some(rank) = tier {
                guichet_store::support::set_offer_tier(&mut tx, id, rank).await?;
            }
            for months in guichet_core::period::PERIODS {
                if tier.is_some() && (months as i64) < crate::support::PREMIUM_MIN_MONTHS {
                    continue;
                }
                // Longer periods are cheaper per month: 5 % off a year, 10 % off 24/36 months.
                let discount = match months {
                    12 => 95,
                    24 | 36 => 90,
                    _ => 100,
                };
                let chf = monthly * months as i64 * discount / 100;
                store::set_price(&mut tx, id, months as i64, Currency::Chf, chf, 0).await?;
                store::set_price(&mut tx, id, months as i64, Currency::Eur, chf * 95 / 100, 0)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(true)
    }
}
