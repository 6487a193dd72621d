//! The billing run (`guichet billing-run [--at DATE]`, and daily inside `serve`): issues the renewal
//! invoice of every running product whose period ends within the lead time ⚙, and moves products
//! through their lifecycle by date (`active → expired → blocked → terminated`), then sends the
//! reminders of unpaid invoices that are due (REM-05, see `reminders`).
//!
//! Resumable and safe to run twice or on two instances at once: due products are read by key in
//! batches and each batch is invoiced in one transaction, numbered under the sequence's lock, and
//! every (product, period) line carries the unique `billing_key` `product:period_start`, so a
//! second attempt finds it (or fails on the constraint, rolls the batch back and redoes it one
//! product at a time) and numbers stay gap-free.

use crate::App;
use crate::billing::{BilledPeriod, add_days, bill_to, issue_invoice, today};
use crate::error::{AppError, AppResult};
use guichet_core::product::{Grace, state_on};
use guichet_core::{Currency, OrgId};
use guichet_store::billing as store;
use guichet_store::{audit, orgs};
use std::collections::HashMap;

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct RunReport {
    /// Renewal invoices issued by this run.
    pub renewals: usize,
    /// Periods already invoiced (by an earlier or a concurrent run).
    pub already_invoiced: usize,
    /// Products whose state changed.
    pub state_changes: usize,
    /// Unpaid invoices past their due date, now `overdue` (INV-03).
    pub overdue: usize,
    /// Automatic renewals (AR-01): paid, and attempts declined.
    pub auto_renewals: crate::renewals::ChargeReport,
    /// Reminders of unpaid invoices (REM-05).
    pub reminders: crate::reminders::ReminderReport,
}

/// The billing key of a product's next term (`product:start`), if it has an expiry.
fn renewal_key(p: &store::Product) -> Option<String> {
    p.expires_on
        .map(|start| format!("{}:{}", p.id, start.iso()))
}

/// Products read and invoiced per transaction by the billing run.
const BATCH: usize = 500;

pub(crate) enum Billed {
    Issued(guichet_core::InvoiceId),
    /// Already invoiced (or not invoiceable: no price for the period).
    Skipped,
    /// Another run invoiced this period while ours was under way.
    Raced,
}

/// What a run looks up once: Organizations and prices.
#[derive(Default)]
pub(crate) struct Cache {
    orgs: HashMap<OrgId, orgs::Org>,
    prices: HashMap<(guichet_core::OfferId, i64, Currency), Option<i64>>,
}

impl App {
    /// Issues the renewal invoice of `p`'s next term in `tx`, unless that term is already invoiced.
    pub(crate) async fn bill_renewal(
        &self,
        tx: &mut guichet_store::Conn,
        p: &store::Product,
        at: i64,
        cache: &mut Cache,
        checked: bool,
    ) -> AppResult<Billed> {
        let Some(start) = p.expires_on else {
            return Ok(Billed::Skipped);
        };
        // `checked`: the caller already knows this period is not invoiced yet.
        if !checked && store::billing_key_exists(tx, &renewal_key(p).unwrap_or_default()).await? {
            return Ok(Billed::Skipped);
        }
        // A change of period scheduled by the customer applies from this term on (FREQ-02/03).
        let months = p.renewal_months();
        let (org, unit) = self.org_and_price(tx, p, at, cache).await?;
        let Some(unit) = unit else {
            tracing::warn!(product = %p.id, "no price for the renewal period: not invoiced");
            return Ok(Billed::Skipped);
        };
        let end = start.add_months(months as u32);
        let description = guichet_core::said::invoice_line(&p.name, months, start, end);
        let address = match &p.billing_address_id {
            Some(a) => guichet_store::addresses::get(tx, org.id, *a).await?,
            None => None,
        };
        let mail_to = address.as_ref().and_then(|a| a.fields.email.clone());
        let bill_to = bill_to(address, &org);
        let period = BilledPeriod {
            description,
            product_id: p.id,
            start,
            end,
            unit_net: unit,
        };
        match issue_invoice(
            tx,
            &org,
            bill_to,
            guichet_core::invoice::InvoiceKind::Renewal,
            &period,
            at,
        )
        .await
        {
            Ok(inv) => {
                if let Some(to) = &mail_to {
                    self.mail_invoice(tx, &inv, &p.name, to, at).await?;
                }
                audit::record(
                    tx,
                    Some(org.id),
                    None,
                    "invoice.renewal",
                    &inv.number,
                    "",
                    at,
                )
                .await?;
                Ok(Billed::Issued(inv.id))
            }
            // A concurrent run wrote this period first: the unique key refused ours.
            Err(AppError::Conflict("invoice.period_invoiced")) => Ok(Billed::Raced),
            Err(e) => Err(e),
        }
    }

    /// The organisation of `p` and the unit price of its renewal, from the cache or the database.
    async fn org_and_price(
        &self,
        tx: &mut guichet_store::Conn,
        p: &store::Product,
        at: i64,
        cache: &mut Cache,
    ) -> AppResult<(orgs::Org, Option<i64>)> {
        let org = if let Some(o) = cache.orgs.get(&p.org_id) {
            o.clone()
        } else {
            let o = orgs::by_id(tx, p.org_id).await?.ok_or(AppError::NotFound)?;
            cache.orgs.insert(p.org_id, o.clone());
            o
        };
        let price_key = (p.offer_id, p.renewal_months(), org.currency);
        let unit = if let Some(u) = cache.prices.get(&price_key) {
            *u
        } else {
            let u = store::price(tx, p.offer_id, p.renewal_months(), org.currency, at).await?;
            cache.prices.insert(price_key, u);
            u
        };
        Ok((org, unit))
    }

    /// Invoices a batch of due products in one transaction, in a few statements: the sequence
    /// locked first (so the check of billing keys that follows sees every invoice that can
    /// conflict), a block of numbers and of references, the invoices, lines and audit rows in
    /// multi-row INSERTs. `(issued, skipped)`, or None when a period was invoiced concurrently
    /// after all: then nothing of the batch is written (its numbers are given back).
    async fn bill_batch(
        &self,
        batch: &[store::Product],
        at: i64,
        cache: &mut Cache,
    ) -> AppResult<Option<(usize, usize)>> {
        let mut tx = self.db.begin().await?;
        let year = i64::from(today(at).year);
        let last = store::lock_invoice_sequence(&mut tx, crate::billing::ISSUER, year).await?;
        let keys: Vec<String> = batch.iter().filter_map(renewal_key).collect();
        let invoiced = store::existing_billing_keys(&mut tx, &keys).await?;
        let mut periods = Vec::with_capacity(batch.len());
        // (index in `periods`, product name, invoice e-mail of its billing address).
        let mut mails: Vec<(usize, String, String)> = Vec::new();
        for p in batch {
            let Some(start) = p.expires_on else { continue };
            if renewal_key(p).is_some_and(|k| invoiced.contains(&k)) {
                continue;
            }
            let (org, unit) = self.org_and_price(&mut tx, p, at, cache).await?;
            let Some(unit) = unit else {
                tracing::warn!(product = %p.id, "no price for the renewal period: not invoiced");
                continue;
            };
            let months = p.renewal_months();
            let end = start.add_months(months as u32);
            let description = guichet_core::said::invoice_line(&p.name, months, start, end);
            let address = match &p.billing_address_id {
                Some(a) => guichet_store::addresses::get(&mut tx, org.id, *a).await?,
                None => None,
            };
            if let Some(to) = address.as_ref().and_then(|a| a.fields.email.clone()) {
                mails.push((periods.len(), p.name.clone(), to));
            }
            let bill_to = bill_to(address, &org);
            let period = BilledPeriod {
                description,
                product_id: p.id,
                start,
                end,
                unit_net: unit,
            };
            periods.push((org, bill_to, period));
        }
        let skipped = batch.len() - periods.len();
        if periods.is_empty() {
            return Ok(Some((0, skipped)));
        }
        let n = periods.len() as i64;
        let refs = guichet_store::payment_requests::reserve_reference_numbers(&mut tx, n).await?;
        let mut invoices = Vec::with_capacity(periods.len());
        for (k, ((org, bill_to, period), reference)) in periods.into_iter().zip(refs).enumerate() {
            let k = k as i64;
            invoices.push(crate::billing::draft_invoice(
                &org,
                bill_to,
                guichet_core::invoice::InvoiceKind::Renewal,
                &period,
                last + 1 + k,
                reference,
                at,
            )?);
        }
        match store::insert_invoices(&mut tx, &invoices).await {
            Ok(()) => {}
            // A concurrent writer invoiced one of these periods after all: the caller redoes the
            // batch one product at a time.
            Err(e) if e.is_unique_violation() => return Ok(None),
            Err(e) => return Err(e.into()),
        }
        let issued: Vec<&guichet_store::billing::Invoice> =
            invoices.iter().map(|(i, _)| i).collect();
        crate::billing::post_receivables(&mut tx, &issued, at).await?;
        let events = issued
            .iter()
            .map(|i| crate::webhooks::Event::InvoiceIssued(crate::webhooks::invoice_data(i)))
            .collect();
        crate::webhooks::emit_all(&mut tx, events, at).await?;
        for (k, product, to) in &mails {
            if let Some(inv) = issued.get(*k) {
                self.mail_invoice(&mut tx, inv, product, to, at).await?;
            }
        }
        let audit: Vec<(OrgId, String)> = invoices
            .iter()
            .map(|(i, _)| (i.org_id, i.number.clone()))
            .collect();
        store::record_audit(&mut tx, "invoice.renewal", &audit, at).await?;
        if !store::advance_invoice_sequence(&mut tx, crate::billing::ISSUER, year, last, last + n)
            .await?
        {
            return Err(AppError::Internal(
                "invoice sequence moved while it was locked".into(),
            ));
        }
        tx.commit().await?;
        Ok(Some((invoices.len(), skipped)))
    }

    /// Queues a renewal invoice for the invoice e-mail of the billing address it is addressed to
    /// (issue #14), in the provider's language (French: an address names no language).
    pub(crate) async fn mail_invoice(
        &self,
        c: &mut guichet_store::Conn,
        inv: &guichet_store::billing::Invoice,
        product: &str,
        to: &str,
        at: i64,
    ) -> AppResult<()> {
        let base = self.config.public_url.trim_end_matches('/');
        let mail = crate::mail::Mail::InvoiceIssued {
            invoice: &inv.number,
            product,
            amount: &inv.gross.to_string(),
            due_on: &guichet_core::human::date(inv.due_on),
            reference: &inv.payment_reference,
            link: &format!("{base}/accounting/invoices/{}", inv.id),
        };
        crate::mail::enqueue(c, self, to, crate::payments::PROVIDER_LANG, mail, at).await
    }

    /// Runs billing as of `at` (Unix seconds; the clock's now by default).
    pub async fn billing_run(&self, at: Option<i64>) -> AppResult<RunReport> {
        let at = at.unwrap_or_else(|| self.now());
        let day = today(at);
        let mut report = RunReport::default();
        let horizon = add_days(day, self.config.renewal_lead_days);
        // Renewal invoices, a batch of products read by key and invoiced per transaction (memory
        // stays flat whatever the number of products). A batch that meets a period invoiced
        // concurrently is rolled back whole and redone one product at a time, so each
        // (product, period) is still invoiced exactly once.
        let mut cache = Cache::default();
        let mut after = None;
        loop {
            let batch = {
                let mut c = self.db.conn().await?;
                store::products_expiring_by(&mut c, horizon, after, BATCH as i64).await?
            };
            let Some(last) = batch.last() else { break };
            after = last.expires_on.map(|on| (on, last.id));
            // The caches hold what many batches share; bounded all the same.
            if cache.orgs.len() > 10_000 {
                cache = Cache::default();
            }
            if let Some((issued, skipped)) = self.bill_batch(&batch, at, &mut cache).await? {
                report.renewals += issued;
                report.already_invoiced += skipped;
                continue;
            }
            for p in &batch {
                let mut tx = self.db.begin().await?;
                match self.bill_renewal(&mut tx, p, at, &mut cache, false).await? {
                    Billed::Issued(_) => {
                        tx.commit().await?;
                        report.renewals += 1;
                    }
                    Billed::Skipped | Billed::Raced => report.already_invoiced += 1,
                }
            }
            if batch.len() < BATCH {
                break;
            }
        }
        // Automatic renewals due today (AR-01), before the lifecycle so a paid one never expires.
        report.auto_renewals = self.charge_auto_renewals(at).await?;
        // The lifecycle by date.
        let mut after = None;
        loop {
            let running = {
                let mut c = self.db.conn().await?;
                store::products_with_expiry(&mut c, after, BATCH as i64).await?
            };
            let Some(last) = running.last() else { break };
            after = Some(last.id);
            let full = running.len() == BATCH;
            self.lifecycle(running, day, at, &mut report).await?;
            if !full {
                break;
            }
        }
        // INV-03: unpaid invoices whose due date has passed are overdue (still payable as before).
        {
            let mut c = self.db.write_conn().await?;
            report.overdue = store::mark_overdue(&mut c, day).await? as usize;
        }
        // Reminders of unpaid invoices (REM-05), once the day's payments and renewals are in.
        report.reminders = self.send_reminders(Some(at)).await?;
        Ok(report)
    }

    /// The lifecycle by date of a batch of running products.
    async fn lifecycle(
        &self,
        running: Vec<store::Product>,
        day: guichet_core::period::Date,
        at: i64,
        report: &mut RunReport,
    ) -> AppResult<()> {
        for p in running {
            let expires = p.expires_on;
            // Cancelled for the end of its term: at its expiry it is cancelled, not expired.
            let next = match expires {
                Some(exp) if p.cancel_requested_at.is_some() && exp <= day => {
                    guichet_core::product::ProductState::Cancelled
                }
                _ => state_on(p.state, expires, day, Grace::default()),
            };
            // A state core has no transition to (e.g. a terminated product whose end arrives)
            // is left as it is.
            if next != p.state && p.state.can_become(next) {
                let mut tx = self.db.begin().await?;
                if store::set_state(&mut tx, p.id, p.state, next).await? {
                    let moved = store::Product {
                        state: next,
                        ..p.clone()
                    };
                    if let Some(e) = crate::webhooks::product_event(next, &moved) {
                        crate::webhooks::emit(&mut tx, e, at).await?;
                    }
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
        Ok(())
    }
}
