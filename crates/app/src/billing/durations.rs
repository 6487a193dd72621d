//! Paying an item for another duration (FREQ-01a): the durations offered and the re-billing.

use super::*;

/// A duration a due item can be paid for (FREQ-01a): months and what it costs, VAT included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DurationChoice {
    pub months: i64,
    pub gross: Money,
}

impl App {
    /// The durations an invoice's product can be paid for now (FREQ-01a): those with a price,
    /// monthly only above the monthly minimum ⚙, Premium Support at least six months.
    pub(crate) async fn duration_choices(
        &self,
        c: &mut guichet_store::Conn,
        org: &guichet_store::orgs::Org,
        product: &store::Product,
    ) -> AppResult<Vec<DurationChoice>> {
        self.duration_choices_at(c, org, product, self.now()).await
    }

    /// [`Self::duration_choices`] at the prices in force at `at` (a card checkout re-bills when
    /// its charge is settled, at the prices its customer was shown).
    async fn duration_choices_at(
        &self,
        c: &mut guichet_store::Conn,
        org: &guichet_store::orgs::Org,
        product: &store::Product,
        at: i64,
    ) -> AppResult<Vec<DurationChoice>> {
        let premium = guichet_store::support::offer_tier(c, product.offer_id)
            .await?
            .is_some();
        let prices = store::prices_in_force(c, &[product.offer_id], org.currency, at).await?;
        self.choices_of(org, product, premium, &prices)
    }

    /// What an invoice costs paid for `months` instead (FREQ-01a), without re-billing it: `None`
    /// when that is its own duration; a 422 when the product does not offer it. A card checkout
    /// charges this and re-bills only once the card is charged ([`Self::rebill_for_duration`]).
    pub(crate) async fn duration_gross(
        &self,
        c: &mut guichet_store::Conn,
        org: &guichet_store::orgs::Org,
        inv: &Invoice,
        months: i64,
    ) -> AppResult<Option<i64>> {
        let unavailable = || AppError::invalid("durations", "checkout.duration_unavailable");
        let (product, _, current) = billed_period(c, org.id, inv.id)
            .await?
            .ok_or_else(unavailable)?;
        if months == current {
            return Ok(None);
        }
        let choices = self.duration_choices(c, org, &product).await?;
        choices
            .iter()
            .find(|c| c.months == months)
            .map(|c| Some(c.gross.minor))
            .ok_or_else(unavailable)
    }

    /// [`Self::duration_choices`] from the offer's kind and the prices in force, by (offer,
    /// months), already read (the Payments page reads them for every due item at once).
    pub(crate) fn choices_of(
        &self,
        org: &guichet_store::orgs::Org,
        product: &store::Product,
        premium: bool,
        prices: &std::collections::HashMap<(guichet_core::OfferId, i64), i64>,
    ) -> AppResult<Vec<DurationChoice>> {
        let treatment = vat::treatment(&org.country, org.kind, org.vat_number.as_deref());
        let mut out = Vec::new();
        for months in guichet_core::period::PERIODS {
            let months = i64::from(months);
            if premium && months < crate::support::PREMIUM_MIN_MONTHS {
                continue;
            }
            let Some(&unit) = prices.get(&(product.offer_id, months)) else {
                continue;
            };
            if !guichet_core::renewal::period_allowed(unit, months, self.config.monthly_minimum) {
                continue;
            }
            let line = LineInput {
                description: String::new(),
                quantity: 1,
                unit_net: unit,
            };
            let totals = price(org.currency, treatment, &[line])
                .map_err(|e| AppError::Internal(e.to_string()))?;
            out.push(DurationChoice {
                months,
                gross: Money::new(totals.gross, org.currency),
            });
        }
        Ok(out)
    }

    /// FREQ-01a: an unpaid invoice paid for another duration is cancelled (its amounts reversed in
    /// the ledger, its number kept) and replaced, in the checkout's transaction, by an invoice for
    /// the same start and the chosen duration at today's price. The product takes the new duration
    /// only if the payment goes through: otherwise the transaction is dropped with everything else.
    pub(crate) async fn rebill_for_duration(
        &self,
        tx: &mut guichet_store::Conn,
        org: &guichet_store::orgs::Org,
        inv: &Invoice,
        months: i64,
        now: i64,
    ) -> AppResult<Invoice> {
        let Some((product, start, current)) = billed_period(tx, org.id, inv.id).await? else {
            return Err(AppError::invalid(
                "durations",
                "checkout.duration_unavailable",
            ));
        };
        if months == current {
            return Ok(inv.clone());
        }
        let choices = self.duration_choices_at(tx, org, &product, now).await?;
        if !choices.iter().any(|c| c.months == months) {
            return Err(AppError::invalid(
                "durations",
                "checkout.duration_unavailable",
            ));
        }
        let unit = store::price(tx, product.offer_id, months, org.currency, now)
            .await?
            .ok_or(AppError::invalid(
                "durations",
                "checkout.duration_unavailable",
            ))?;
        let why = guichet_core::said::encode(
            "said.invoice_replaced",
            &[("number", &inv.number), ("months", &months.to_string())],
        );
        cancel_unpaid_invoice(tx, org.id, inv, &why, now).await?;
        if product.state == guichet_core::product::ProductState::Pending {
            store::set_pending_period(tx, product.id, months).await?;
        }
        let end = start.add_months(months as u32);
        let period = BilledPeriod {
            description: guichet_core::said::invoice_line(&product.name, months, start, end),
            product_id: product.id,
            start,
            end,
            unit_net: unit,
        };
        let bill_to = super::issue::BillTo {
            lines: inv.bill_to.clone(),
            attention: inv.bill_to_attention.clone(),
        };
        issue_invoice(tx, org, bill_to, inv.kind, &period, now).await
    }
}
