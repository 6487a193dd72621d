//! Renewals the customer steers (SPEC §3): automatic renewal switched on or off per product or for
//! many at once (AR-01), the renewal charge at D-14 ⚙ with retries at D-7, D-3, D-1 (prepaid balance
//! first when the Organization chose it and it covers the whole amount, else the saved card), and
//! changes of billing period scheduled for the end of the current term (FREQ-01…03).

use crate::billing::{add_days, today};
use crate::error::{AppError, AppResult};
use crate::prepaid::CardFields;
use crate::renewal_charges::{Attempt, expiry_of};
use crate::{Actor, App};
use guichet_core::period::{Date, PERIODS};
use guichet_core::product::ProductState;
use guichet_core::renewal::{ChargeSchedule, period_allowed};
use guichet_core::{Action, ProductId};
use guichet_store::billing::{self as store, Product};
use guichet_store::renewals::{self as rstore, SavedCard};
use guichet_store::{memberships, orgs};

/// A product's renewal as the product page and the API show it.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct RenewalView {
    pub auto_renew: bool,
    /// Whether auto-renewal can be switched on today (AR-01).
    pub can_switch_on: bool,
    /// The last day it can be switched on.
    pub switch_on_until: Option<String>,
    pub period_months: i64,
    /// A scheduled change of period and the day it applies from (FREQ-02/03).
    pub next_period_months: Option<i64>,
    pub next_period_from: Option<String>,
    /// The periods "modify the offer" proposes, with their price excl. VAT (minor units): each
    /// `[months, price_minor]`.
    #[schema(value_type = Vec<Vec<i64>>)]
    pub periods: Vec<(i64, i64)>,
}

/// Organization-wide renewal settings.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct RenewalSettings {
    pub from_prepaid: bool,
    pub card: Option<SavedCardView>,
}

#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct SavedCardView {
    pub last4: String,
    pub expiry: String,
}

/// What the automatic-renewal step of a billing run did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ChargeReport {
    pub paid_from_prepaid: usize,
    pub paid_by_card: usize,
    pub declined: usize,
    /// Card charges whose outcome the provider has not given yet (settled later by a webhook or
    /// the reconciler).
    pub pending: usize,
}

impl App {
    pub(crate) fn schedule(&self) -> ChargeSchedule {
        ChargeSchedule::new(self.config.auto_renew_days)
    }

    async fn product_of(&self, actor: &Actor, id: ProductId) -> AppResult<Product> {
        let mut c = self.db.conn().await?;
        store::get_product(&mut c, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// The renewal side of a product: auto-renewal, the current and scheduled period and the periods
    /// that can be chosen.
    pub async fn renewal(&self, actor: &Actor, product: ProductId) -> AppResult<RenewalView> {
        actor.require(Action::Billing)?;
        let p = self.product_of(actor, product).await?;
        let mut c = self.db.conn().await?;
        let org = orgs::by_id(&mut c, actor.org)
            .await?
            .ok_or(AppError::NotFound)?;
        let now = self.now();
        let mut periods = Vec::new();
        for months in PERIODS {
            let months = months as i64;
            if let Some(price) = store::price(&mut c, p.offer_id, months, org.currency, now).await?
                && period_allowed(price, months, self.config.monthly_minimum)
            {
                periods.push((months, price));
            }
        }
        let schedule = self.schedule();
        let expires = expiry_of(&p);
        let next_period_from = match (p.next_period_months, expires) {
            (Some(_), Some(exp)) => Some(self.change_applies_from(&mut c, &p, exp).await?.iso()),
            _ => None,
        };
        Ok(RenewalView {
            auto_renew: p.auto_renew,
            can_switch_on: p.state == ProductState::Active
                && expires.is_some_and(|e| schedule.can_switch_on(e, today(now))),
            switch_on_until: expires.map(|e| add_days(e, -schedule.first()).iso()),
            period_months: p.period_months,
            next_period_months: p.next_period_months,
            next_period_from,
            periods,
        })
    }

    /// The first day billed under a changed period: the end of the current term, or, when the next
    /// term is already invoiced under the old period, the end of that one (never a month twice).
    async fn change_applies_from(
        &self,
        c: &mut guichet_store::Conn,
        p: &Product,
        expires: Date,
    ) -> AppResult<Date> {
        let key = format!("{}:{}", p.id, expires.iso());
        // The next term's invoice, if it was issued before the change: it keeps its period.
        let invoiced = if store::billing_key_exists(c, &key).await? {
            Some(
                store::invoiced_months(c, &key)
                    .await?
                    .unwrap_or(p.period_months) as u32,
            )
        } else {
            None
        };
        Ok(guichet_core::period::change_applies_from(expires, invoiced))
    }

    /// AR-01: switches automatic renewal on or off for one product or many at once. All or nothing:
    /// switching on is refused (for all) if one of them expires in less than the first charge's lead
    /// time ⚙ — renew it by hand first.
    pub async fn set_auto_renew(
        &self,
        actor: &Actor,
        products: &[String],
        on: bool,
    ) -> AppResult<()> {
        actor.require(Action::Billing)?;
        actor.require(Action::ManageBilling)?;
        let products: Vec<ProductId> = crate::error::parse_ids(products)?;
        let mut found = Vec::new();
        for id in &products {
            found.push(self.product_of(actor, *id).await?);
        }
        if found.is_empty() {
            return Err(AppError::invalid("products", "renewal.nothing_selected"));
        }
        let now = self.now();
        let schedule = self.schedule();
        if on {
            for p in &found {
                if p.state != ProductState::Active {
                    return Err(AppError::invalid("auto_renew", "renewal.not_active"));
                }
                if !expiry_of(p).is_some_and(|e| schedule.can_switch_on(e, today(now))) {
                    return Err(AppError::invalid("auto_renew", "renewal.too_late"));
                }
            }
        }
        let mut tx = self.db.begin().await?;
        for p in &found {
            if p.auto_renew != on {
                rstore::set_auto_renew(&mut tx, actor.org, p.id, on).await?;
                actor
                    .audit(
                        &mut tx,
                        if on {
                            "product.auto_renew_on"
                        } else {
                            "product.auto_renew_off"
                        },
                        &p.name,
                        now,
                    )
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// FREQ-01 (b), FREQ-02, FREQ-03: "modify the offer" — the new period is scheduled for the end of
    /// the current term, whatever the day it is asked, so no month is ever billed twice. Returns the
    /// day it applies from. Choosing the current period again cancels a scheduled change.
    pub async fn change_period(
        &self,
        actor: &Actor,
        product: ProductId,
        months: i64,
    ) -> AppResult<Option<String>> {
        actor.require(Action::Billing)?;
        actor.require(Action::ManageBilling)?;
        let p = self.product_of(actor, product).await?;
        if !matches!(p.state, ProductState::Active | ProductState::Expired) {
            return Err(AppError::invalid("period_months", "renewal.not_active"));
        }
        let view = self.renewal(actor, product).await?;
        if !view.periods.iter().any(|(m, _)| *m == months) {
            return Err(AppError::invalid(
                "period_months",
                "renewal.period_not_offered",
            ));
        }
        let now = self.now();
        let next = (months != p.period_months).then_some(months);
        let mut tx = self.db.begin().await?;
        rstore::set_next_period(&mut tx, actor.org, p.id, next).await?;
        let detail = format!(
            "{}: {} → {} ({})",
            p.name, p.period_months, months, "months"
        );
        actor
            .audit_and_commit(tx, "product.period_changed", &detail, now)
            .await?;
        let from = match (next, expiry_of(&p)) {
            (Some(_), Some(exp)) => {
                let mut c = self.db.conn().await?;
                let mut p = p;
                p.next_period_months = next;
                Some(self.change_applies_from(&mut c, &p, exp).await?.iso())
            }
            _ => None,
        };
        Ok(from)
    }

    pub async fn renewal_settings(&self, actor: &Actor) -> AppResult<RenewalSettings> {
        actor.require(Action::Billing)?;
        let mut c = self.db.conn().await?;
        Ok(RenewalSettings {
            from_prepaid: rstore::renew_from_prepaid(&mut c, actor.org).await?,
            card: rstore::saved_card(&mut c, actor.org)
                .await?
                .map(|s| SavedCardView {
                    last4: s.last4,
                    expiry: s.expiry,
                }),
        })
    }

    /// AR-01: whether renewals are paid from the prepaid balance first (when it covers them).
    pub async fn set_renew_from_prepaid(&self, actor: &Actor, on: bool) -> AppResult<()> {
        actor.require(Action::Billing)?;
        actor.require(Action::ManageBilling)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        rstore::set_renew_from_prepaid(&mut tx, actor.org, on).await?;
        actor
            .audit_and_commit(
                tx,
                "billing.renew_from_prepaid",
                if on { "on" } else { "off" },
                now,
            )
            .await?;
        Ok(())
    }

    /// Saves the Organization's default card with the payment provider (its token, never the number).
    pub async fn save_card(&self, actor: &Actor, fields: &CardFields) -> AppResult<SavedCardView> {
        actor.require(Action::Billing)?;
        actor.require(Action::ManageBilling)?;
        let now = self.now();
        let source = crate::prepaid::card_source(self, fields, now)?;
        let method = self
            .payments
            .save_card(actor.org, source.source())
            .await
            .map_err(|_| AppError::invalid("card_number", "card.refused"))?;
        let saved = SavedCard {
            provider: self.payments.name().into(),
            token: method.token,
            last4: method.last4,
            expiry: method.expiry,
        };
        let mut tx = self.db.begin().await?;
        rstore::save_card(&mut tx, actor.org, &saved, now).await?;
        actor
            .audit_and_commit(
                tx,
                "billing.card_saved",
                &format!("•••• {}", saved.last4),
                now,
            )
            .await?;
        Ok(SavedCardView {
            last4: saved.last4,
            expiry: saved.expiry,
        })
    }

    pub async fn remove_card(&self, actor: &Actor) -> AppResult<()> {
        actor.require(Action::Billing)?;
        actor.require(Action::ManageBilling)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        if rstore::remove_card(&mut tx, actor.org).await? {
            actor
                .audit(&mut tx, "billing.card_removed", "", now)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The automatic-renewal step of the billing run: for each auto-renewing product whose next term
    /// is invoiced and unpaid, the attempt of the day's slot (D-14, D-7, D-3, D-1), once per slot even
    /// with two runs at once (the attempt row is claimed first, in the same transaction as the payment).
    pub(crate) async fn charge_auto_renewals(&self, at: i64) -> AppResult<ChargeReport> {
        let day = today(at);
        let schedule = self.schedule();
        let until = add_days(day, schedule.first());
        let due = {
            let mut c = self.db.conn().await?;
            rstore::auto_renewals_due(&mut c, until).await?
        };
        let mut report = ChargeReport::default();
        for d in due {
            let Some(expires) = expiry_of(&d.product) else {
                continue;
            };
            let Some(slot) = schedule.slot_on(expires, day) else {
                continue;
            };
            {
                let mut c = self.db.conn().await?;
                if rstore::attempted(&mut c, d.invoice_id, slot).await? {
                    continue;
                }
            }
            match self
                .attempt(&d.product, d.invoice_id, slot, &schedule, expires, at)
                .await?
            {
                Attempt::Prepaid => report.paid_from_prepaid += 1,
                Attempt::Card => report.paid_by_card += 1,
                Attempt::Failed => report.declined += 1,
                Attempt::Pending => report.pending += 1,
                Attempt::AlreadyMade => {}
            }
        }
        Ok(report)
    }

    /// Tells the billing contacts that a product expired and when it will be blocked (in the
    /// lifecycle step's transaction).
    pub(crate) async fn mail_expired(
        &self,
        tx: &mut guichet_store::Conn,
        p: &Product,
        blocked_on: Date,
        at: i64,
    ) -> AppResult<()> {
        for (email, lang, code) in memberships::billing_recipients(tx, p.org_id).await? {
            let lang = guichet_core::Lang::parse(&lang).unwrap_or_default();
            let mail = crate::mail::Mail::ProductExpired {
                product: &p.name,
                blocked_on: &guichet_core::human::date(blocked_on),
                support_code: &code,
            };
            crate::mail::enqueue(tx, self, &email, lang, mail, at).await?;
        }
        Ok(())
    }
}
