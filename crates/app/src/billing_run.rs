//! The billing run (`guichet billing-run [--at DATE]`, and daily inside `serve`): issues the renewal
//! invoice of every running product whose period ends within the lead time ⚙, and moves products
//! through their lifecycle by date (`active → expired → blocked → terminated`).
//!
//! Resumable and safe to run twice or on two instances at once: each (product, period) invoice is
//! written in its own transaction and carries the unique `billing_key` `product:period_start`, so a
//! second attempt finds it (or fails on the constraint and skips) and numbers stay gap-free.

use crate::App;
use crate::billing::{BilledPeriod, add_days, issue_invoice, today};
use crate::error::{AppError, AppResult};
use guichet_core::period::Date;
use guichet_core::product::{Grace, state_on};
use guichet_store::billing as store;
use guichet_store::{audit, orgs};

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct RunReport {
    /// Renewal invoices issued by this run.
    pub renewals: usize,
    /// Periods already invoiced (by an earlier or a concurrent run).
    pub already_invoiced: usize,
    /// Products whose state changed.
    pub state_changes: usize,
    /// Automatic renewals (AR-01): paid, and attempts declined.
    pub auto_renewals: crate::renewals::ChargeReport,
}

impl App {
    /// Runs billing as of `at` (Unix seconds; the clock's now by default).
    pub async fn billing_run(&self, at: Option<i64>) -> AppResult<RunReport> {
        let at = at.unwrap_or_else(|| self.now());
        let day = today(at);
        let mut report = RunReport::default();
        let horizon = add_days(day, self.config.renewal_lead_days).iso();
        let due = {
            let mut c = self.db.conn().await?;
            store::products_expiring_by(&mut c, &horizon).await?
        };
        for p in due {
            let Some(start) = p.expires_on.as_deref().and_then(Date::parse_iso) else {
                continue;
            };
            let key = format!("{}:{}", p.id, start.iso());
            // A change of period scheduled by the customer applies from this term on (FREQ-02/03).
            let months = p.renewal_months();
            let mut tx = self.db.begin().await?;
            if store::billing_key_exists(&mut tx, &key).await? {
                report.already_invoiced += 1;
                continue;
            }
            let org = orgs::by_id(&mut tx, p.org_id)
                .await?
                .ok_or(AppError::NotFound)?;
            let Some(unit) = store::price(&mut tx, &p.offer_id, months, org.currency, at).await?
            else {
                tracing::warn!(product = %p.id, "no price for the renewal period: not invoiced");
                continue;
            };
            let end = start.add_months(months as u32);
            let description = format!(
                "{} — {} mois / months ({} → {})",
                p.name,
                months,
                start.iso(),
                end.iso()
            );
            let bill_to = match &p.billing_address_id {
                Some(a) => match guichet_store::addresses::get(&mut tx, org.id, a).await? {
                    Some(a) => [
                        a.fields.company.unwrap_or(a.fields.name),
                        a.fields.street,
                        a.fields.postcode,
                        a.fields.city,
                        a.fields.country,
                    ],
                    None => [
                        org.name.clone(),
                        org.street.clone(),
                        org.postcode.clone(),
                        org.city.clone(),
                        org.country.clone(),
                    ],
                },
                None => [
                    org.name.clone(),
                    org.street.clone(),
                    org.postcode.clone(),
                    org.city.clone(),
                    org.country.clone(),
                ],
            };
            let period = BilledPeriod {
                description,
                product_id: p.id.clone(),
                start,
                end,
                unit_net: unit,
            };
            match issue_invoice(&mut tx, &org, bill_to, "renewal", &period, at).await {
                Ok(inv) => {
                    audit::record(
                        &mut tx,
                        Some(org.id),
                        None,
                        "invoice.renewal",
                        &inv.number,
                        "",
                        at,
                    )
                    .await?;
                    tx.commit().await?;
                    report.renewals += 1;
                }
                // A concurrent run wrote this period first: the unique key refused ours, nothing else moved.
                Err(AppError::Conflict("invoice.period_invoiced")) => {
                    report.already_invoiced += 1;
                }
                Err(e) => return Err(e),
            }
        }
        // Automatic renewals due today (AR-01), before the lifecycle so a paid one never expires.
        report.auto_renewals = self.charge_auto_renewals(at).await?;
        // The lifecycle by date.
        let running = {
            let mut c = self.db.conn().await?;
            store::products_with_expiry(&mut c).await?
        };
        for p in running {
            let expires = p.expires_on.as_deref().and_then(Date::parse_iso);
            let next = state_on(p.state, expires, day, Grace::default());
            if next != p.state {
                let mut tx = self.db.begin().await?;
                if store::set_state(&mut tx, &p.id, p.state, next).await? {
                    if next == guichet_core::product::ProductState::Expired
                        && let Some(exp) = expires
                    {
                        let blocked_on = add_days(exp, Grace::default().block_after_days);
                        self.mail_expired(&mut tx, &p, blocked_on, at).await?;
                    }
                    let detail = format!("{}: {} → {}", p.name, p.state.code(), next.code());
                    audit::record(
                        &mut tx,
                        Some(p.org_id),
                        None,
                        "product.state",
                        &detail,
                        "",
                        at,
                    )
                    .await?;
                    report.state_changes += 1;
                }
                tx.commit().await?;
            }
        }
        Ok(report)
    }
}
