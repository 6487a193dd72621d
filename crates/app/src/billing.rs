//! Ordering and paying (SPEC §3–5): an order creates a pending product and its unpaid invoice (VAT by
//! customer, gap-free number, its own payment reference, posted to the ledger as a receivable); paying it
//! from the prepaid balance moves the money and activates the product for its period.

use crate::error::{AppError, AppResult};
use crate::export::CsvForm;
use crate::payment_requests::reference_for;
use crate::prepaid::{Answer, check_key, claim_key};
use crate::{Actor, App};
use guichet_core::invoice::{LineInput, number, price};
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_core::period::Date;
use guichet_core::{Action, Currency, Money, OrgKind, vat};
use guichet_store::billing::{self as store, Invoice, InvoiceLine, Offer, Product};
use guichet_store::{addresses, audit, idempotency, ledger, orgs, payment_requests};

/// The issuer whose sequence numbers the invoices (⚙ one per provider entity).
pub const ISSUER: &str = "guichet";
/// Days to pay an invoice.
pub const PAYMENT_DAYS: i64 = 30;
pub const PAGE_SIZE: i64 = 25;

/// The calendar day (UTC) of a Unix time.
pub fn today(unix: i64) -> Date {
    let d =
        time::OffsetDateTime::from_unix_timestamp(unix).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    Date::new(d.year(), u8::from(d.month()), d.day()).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

pub(crate) fn add_days(d: Date, days: i64) -> Date {
    let t = time::Date::from_calendar_date(
        d.year,
        time::Month::try_from(d.month).unwrap_or(time::Month::January),
        d.day,
    )
    .ok()
    .and_then(|t| t.checked_add(time::Duration::days(days)));
    t.map(|t| Date {
        year: t.year(),
        month: u8::from(t.month()),
        day: t.day(),
    })
    .unwrap_or(d)
}

/// One product period to bill.
pub(crate) struct BilledPeriod {
    pub description: String,
    pub product_id: String,
    pub start: Date,
    pub end: Date,
    pub unit_net: i64,
}

/// Issues an invoice for one product period in the caller's transaction: VAT by customer, the next
/// number of the issuer's sequence, its own payment reference, the receivable in the ledger. The
/// period's `billing_key` is unique: a (product, period) cannot be invoiced twice.
pub(crate) async fn issue_invoice(
    tx: &mut guichet_store::Conn,
    org: &guichet_store::orgs::Org,
    bill_to: [String; 5],
    kind: &str,
    period: &BilledPeriod,
    now: i64,
) -> AppResult<Invoice> {
    let treatment = vat::treatment(&org.country, org.kind, org.vat_number.as_deref());
    let input = LineInput {
        description: period.description.clone(),
        quantity: 1,
        unit_net: period.unit_net,
    };
    let totals =
        price(org.currency, treatment, &[input]).map_err(|e| AppError::Internal(e.to_string()))?;
    let issued = today(now);
    let seq = store::next_invoice_number(tx, ISSUER, issued.year as i64).await?;
    let n = payment_requests::next_reference_number(tx).await?;
    let invoice = Invoice {
        id: uuid::Uuid::now_v7().to_string(),
        org_id: org.id,
        number: number(issued.year, seq),
        kind: kind.into(),
        status: guichet_core::status::InvoiceStatus::Unpaid,
        currency: org.currency,
        net: totals.net,
        vat: totals.vat,
        gross: totals.gross,
        vat_rate_bp: totals.rate_bp as i64,
        vat_mention: treatment.mention_key().map(str::to_string),
        bill_to,
        billing_reference: org.billing_reference.clone(),
        payment_reference: reference_for(n, org.currency)?,
        issued_at: now,
        due_on: add_days(issued, PAYMENT_DAYS).iso(),
        paid_at: None,
        refunded: 0,
    };
    let lines: Vec<(InvoiceLine, Option<String>)> = totals
        .lines
        .iter()
        .map(|l| {
            let line = InvoiceLine {
                description: l.description.clone(),
                product_id: Some(period.product_id.clone()),
                period_start: Some(period.start.iso()),
                period_end: Some(period.end.iso()),
                quantity: l.quantity,
                unit_net: l.unit_net,
                net: l.net,
                vat: l.vat,
                gross: l.gross,
            };
            (
                line,
                Some(format!("{}:{}", period.product_id, period.start.iso())),
            )
        })
        .collect();
    store::insert_invoice(tx, &invoice, &lines)
        .await
        .map_err(|e| {
            if e.is_unique_violation() {
                AppError::Conflict("invoice.period_invoiced")
            } else {
                e.into()
            }
        })?;
    // The receivable: revenue and VAT are owed by the customer from now on.
    let receivable = AccountRef::of_org(AccountKind::Receivable, org.id, org.currency);
    let transfers: Vec<Transfer> = [
        (
            AccountRef::provider(AccountKind::Revenue, org.currency),
            invoice.net,
        ),
        (
            AccountRef::provider(AccountKind::VatPayable, org.currency),
            invoice.vat,
        ),
    ]
    .into_iter()
    .filter(|(_, amount)| *amount > 0)
    .map(|(credit, amount)| Transfer {
        debit: receivable,
        credit,
        amount,
    })
    .collect();
    if !transfers.is_empty() {
        let description = format!("Invoice {}", invoice.number);
        let entry = ledger::NewEntry {
            org: Some(org.id),
            kind: "invoice_issued",
            description: &description,
            idempotency_key: None,
            now,
        };
        ledger::post(tx, entry, &transfers)
            .await
            .map_err(crate::error::post_error)?;
    }
    Ok(invoice)
}

/// Filters of the invoice history (INV-04).
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct InvoiceFilter {
    pub status: Option<String>,
    /// `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    pub page: Option<i64>,
}

pub struct InvoicePage {
    pub invoices: Vec<Invoice>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

pub(crate) fn day_start(d: &str, field: &'static str) -> AppResult<i64> {
    let date = Date::parse_iso(d).ok_or(AppError::invalid(field, "field.date"))?;
    let t = time::Date::from_calendar_date(
        date.year,
        time::Month::try_from(date.month).map_err(|_| AppError::invalid(field, "field.date"))?,
        date.day,
    )
    .map_err(|_| AppError::invalid(field, "field.date"))?;
    Ok(t.midnight().assume_utc().unix_timestamp())
}

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

    /// Orders a product for `months`, billed to a billing address of the Organization (or to the
    /// Organization itself). Returns the pending product and its unpaid invoice.
    pub async fn order_product(
        &self,
        actor: &Actor,
        offer: &str,
        months: i64,
        address: Option<&str>,
    ) -> AppResult<(String, String)> {
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
        let bill_to = match address.filter(|a| !a.is_empty()) {
            Some(id) => {
                let a = addresses::get(&mut tx, actor.org, id)
                    .await?
                    .filter(|a| a.archived_at.is_none())
                    .ok_or(AppError::invalid("address", "field.choice"))?;
                [
                    a.fields.company.unwrap_or(a.fields.name),
                    a.fields.street,
                    a.fields.postcode,
                    a.fields.city,
                    a.fields.country,
                ]
            }
            None => [
                org.name.clone(),
                org.street.clone(),
                org.postcode.clone(),
                org.city.clone(),
                org.country.clone(),
            ],
        };
        if bill_to[2].is_empty() || bill_to[3].is_empty() {
            return Err(AppError::invalid("address", "order.address_incomplete"));
        }
        let product_id = store::insert_product(
            &mut tx,
            actor.org,
            offer,
            &offer_name,
            months,
            address.filter(|a| !a.is_empty()),
            now,
        )
        .await?;
        let start = today(now);
        let end = start.add_months(months as u32);
        let description = format!(
            "{offer_name} — {months} mois / months ({} → {})",
            start.iso(),
            end.iso()
        );
        let line = BilledPeriod {
            description,
            product_id: product_id.clone(),
            start,
            end,
            unit_net: unit,
        };
        let invoice = issue_invoice(&mut tx, &org, bill_to, "order", &line, now).await?;
        let detail = format!(
            "{} {} ({})",
            invoice.number,
            Money::new(invoice.gross, org.currency),
            offer_name
        );
        audit::record(
            &mut tx,
            Some(actor.org),
            Some(actor.user),
            "product.ordered",
            &detail,
            &actor.origin.ip,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok((product_id, invoice.id))
    }

    pub async fn invoice(&self, actor: &Actor, id: &str) -> AppResult<(Invoice, Vec<InvoiceLine>)> {
        actor.require(Action::Billing)?;
        let mut c = self.db.conn().await?;
        store::get_invoice(&mut c, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// INV-04: newest first, by status and date range, a page at a time.
    pub async fn invoices(&self, actor: &Actor, f: &InvoiceFilter) -> AppResult<InvoicePage> {
        actor.require(Action::Billing)?;
        let ParsedFilter { status, from, to } = parse_filter(f)?;
        let status = status.as_deref();
        let page = f.page.unwrap_or(1).max(1);
        let mut c = self.db.conn().await?;
        let (invoices, total) = store::invoices_page(
            &mut c,
            actor.org,
            status,
            from,
            to,
            PAGE_SIZE,
            (page - 1) * PAGE_SIZE,
        )
        .await?;
        Ok(InvoicePage {
            invoices,
            total,
            page,
            pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
        })
    }

    /// PP-03 (whole amount from the balance): pays an invoice from the prepaid account; the product
    /// becomes active for its period. Idempotent by key; "insufficient balance" refuses it cleanly.
    pub async fn pay_invoice_from_prepaid(
        &self,
        actor: &Actor,
        id: &str,
        key: &str,
    ) -> AppResult<Answer> {
        actor.require(Action::Billing)?;
        actor.require(Action::Pay)?;
        // Another Organization's invoice is unknown before anything else is said about the request.
        {
            let mut c = self.db.conn().await?;
            store::get_invoice(&mut c, actor.org, id)
                .await?
                .ok_or(AppError::NotFound)?;
        }
        check_key(key)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        if let Some(first) = claim_key(
            &mut tx,
            actor.org,
            key,
            &crate::crypto::sha256_hex(&format!("pay|{id}")),
            now,
        )
        .await?
        {
            return Ok(first);
        }
        let (inv, _) = store::get_invoice(&mut tx, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !inv.status.is_payable() {
            return Err(AppError::Conflict("invoice.already_paid"));
        }
        // Claim first: the conditional write decides which of two concurrent payments goes on (the
        // other waits for it, then finds the invoice paid) before any money moves.
        if !store::mark_invoice_paid(&mut tx, id, now).await? {
            return Err(AppError::Conflict("invoice.already_paid"));
        }
        let prepaid = AccountRef::of_org(AccountKind::Prepaid, actor.org, inv.currency);
        let receivable = AccountRef::of_org(AccountKind::Receivable, actor.org, inv.currency);
        let entry = ledger::NewEntry {
            org: Some(actor.org),
            kind: "invoice_paid",
            description: &format!("Invoice {}", inv.number),
            idempotency_key: Some(key),
            now,
        };
        match ledger::post(
            &mut tx,
            entry,
            &[Transfer {
                debit: prepaid,
                credit: receivable,
                amount: inv.gross,
            }],
        )
        .await
        {
            Ok(_) => {}
            Err(ledger::PostError::InsufficientFunds) => {
                return Err(AppError::invalid("invoice", "invoice.insufficient"));
            }
            Err(e) => return Err(crate::error::post_error(e)),
        }
        activate_invoice_products(&mut tx, actor.org, id, now).await?;
        let body = serde_json::json!({"invoice": inv.number, "status": "paid", "amount_minor": inv.gross, "currency": inv.currency});
        idempotency::complete(&mut tx, actor.org, key, 200, &body.to_string()).await?;
        audit::record(
            &mut tx,
            Some(actor.org),
            Some(actor.user),
            "invoice.paid",
            &inv.number,
            &actor.origin.ip,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Answer { status: 200, body })
    }

    /// Seeds a small catalogue when there is none (demo and first start).
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
                guichet_store::support::set_offer_tier(&mut tx, &id, rank).await?;
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
                store::set_price(&mut tx, &id, months as i64, Currency::Chf, chf, 0).await?;
                store::set_price(
                    &mut tx,
                    &id,
                    months as i64,
                    Currency::Eur,
                    chf * 95 / 100,
                    0,
                )
                .await?;
            }
        }
        tx.commit().await?;
        Ok(true)
    }
}

/// Whether an Organization of this kind in this country pays VAT (for the order form's note).
pub fn pays_vat(country: &str, kind: OrgKind, vat_number: Option<&str>) -> bool {
    vat::treatment(country, kind, vat_number).rate_bp() > 0
}

/// On payment: a pending product starts today for its period; a renewed one runs until the end of
/// the period the line billed.
pub(crate) async fn activate_invoice_products(
    c: &mut guichet_store::Conn,
    org: guichet_core::OrgId,
    invoice: &str,
    now: i64,
) -> AppResult<()> {
    let start = today(now);
    for (p, period_start, period_end) in store::invoice_products(c, invoice).await? {
        let Some(product) = store::get_product(c, org, &p).await? else {
            continue;
        };
        let activated = product.state == guichet_core::product::ProductState::Pending && {
            let end = start.add_months(product.period_months as u32);
            store::activate(c, &p, &start.iso(), &end.iso()).await?
        };
        if activated {
            crate::support::on_product_active(c, org, &p, &product.offer_id, now).await?;
        } else if let Some(end) = period_end {
            // The line's own period: a renewal billed under a changed period applies it now.
            let months = match (
                period_start.as_deref().and_then(Date::parse_iso),
                Date::parse_iso(&end),
            ) {
                (Some(a), Some(b)) => guichet_core::period::months_between(a, b),
                _ => product.period_months,
            };
            if !store::extend(c, &p, &end, months).await? {
                // Paid for a product that ended meanwhile: the money stays booked (the invoice is
                // paid); the Organization's activity says the product was not extended.
                let detail = format!(
                    "{}: paid, not extended ({})",
                    product.name,
                    product.state.code()
                );
                audit::record(c, Some(org), None, "product.state", &detail, "", now).await?;
            }
        }
    }
    Ok(())
}

/// PAY-01: what the Payments page shows.
pub struct DueItems {
    pub invoices: Vec<Invoice>,
    pub balance: Money,
    pub show_all: bool,
    /// Per invoice billing one product period: its period in months and the durations it can be
    /// paid for instead (FREQ-01a).
    pub durations: std::collections::BTreeMap<String, (i64, Vec<DurationChoice>)>,
}

/// A duration a due item can be paid for (FREQ-01a): months and what it costs, VAT included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DurationChoice {
    pub months: i64,
    pub gross: i64,
}

/// Cancels an unpaid invoice (its number stays: the sequence is gap-free) and reverses what its
/// issue booked: revenue and VAT no longer owed, the receivable gone. Conflict if it is not unpaid.
pub(crate) async fn cancel_unpaid_invoice(
    tx: &mut guichet_store::Conn,
    org: guichet_core::OrgId,
    inv: &Invoice,
    why: &str,
    now: i64,
) -> AppResult<()> {
    if !store::cancel_invoice(tx, &inv.id).await? {
        return Err(AppError::Conflict("invoice.not_payable"));
    }
    let receivable = AccountRef::of_org(AccountKind::Receivable, org, inv.currency);
    let reversal: Vec<Transfer> = [
        (
            AccountRef::provider(AccountKind::Revenue, inv.currency),
            inv.net,
        ),
        (
            AccountRef::provider(AccountKind::VatPayable, inv.currency),
            inv.vat,
        ),
    ]
    .into_iter()
    .filter(|(_, amount)| *amount > 0)
    .map(|(debit, amount)| Transfer {
        debit,
        credit: receivable,
        amount,
    })
    .collect();
    if reversal.is_empty() {
        return Ok(());
    }
    let entry = ledger::NewEntry {
        org: Some(org),
        kind: "invoice_cancelled",
        description: why,
        idempotency_key: None,
        now,
    };
    ledger::post(tx, entry, &reversal)
        .await
        .map_err(crate::error::post_error)?;
    Ok(())
}

/// The product period an invoice bills, if it bills exactly one: (product, start, months).
pub(crate) async fn billed_period(
    c: &mut guichet_store::Conn,
    org: guichet_core::OrgId,
    invoice: &str,
) -> AppResult<Option<(store::Product, Date, i64)>> {
    let Some((_, lines)) = store::get_invoice(c, org, invoice).await? else {
        return Ok(None);
    };
    let [line] = lines.as_slice() else {
        return Ok(None);
    };
    let (Some(product), Some(start), Some(end)) = (
        line.product_id.as_deref(),
        line.period_start.as_deref().and_then(Date::parse_iso),
        line.period_end.as_deref().and_then(Date::parse_iso),
    ) else {
        return Ok(None);
    };
    let Some(p) = store::get_product(c, org, product).await? else {
        return Ok(None);
    };
    let months = guichet_core::period::months_between(start, end);
    Ok(Some((p, start, months)))
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
        let treatment = vat::treatment(&org.country, org.kind, org.vat_number.as_deref());
        let premium = guichet_store::support::offer_tier(c, &product.offer_id)
            .await?
            .is_some();
        let now = self.now();
        let mut out = Vec::new();
        for months in guichet_core::period::PERIODS {
            let months = months as i64;
            if premium && months < crate::support::PREMIUM_MIN_MONTHS {
                continue;
            }
            let Some(unit) = store::price(c, &product.offer_id, months, org.currency, now).await?
            else {
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
                gross: totals.gross,
            });
        }
        Ok(out)
    }

    /// FREQ-01a: an unpaid invoice paid for another duration is cancelled (its amounts reversed in
    /// the ledger, its number kept) and replaced, in the checkout's transaction, by an invoice for
    /// the same start and the chosen duration at today's price. The product takes the new duration
    /// only if the payment goes through: otherwise the transaction is dropped with everything else.
    async fn rebill_for_duration(
        &self,
        tx: &mut guichet_store::Conn,
        org: &guichet_store::orgs::Org,
        inv: &Invoice,
        months: i64,
        now: i64,
    ) -> AppResult<Invoice> {
        let Some((product, start, current)) = billed_period(tx, org.id, &inv.id).await? else {
            return Err(AppError::invalid(
                "durations",
                "checkout.duration_unavailable",
            ));
        };
        if months == current {
            return Ok(inv.clone());
        }
        let choices = self.duration_choices(tx, org, &product).await?;
        if !choices.iter().any(|c| c.months == months) {
            return Err(AppError::invalid(
                "durations",
                "checkout.duration_unavailable",
            ));
        }
        let unit = store::price(tx, &product.offer_id, months, org.currency, now)
            .await?
            .ok_or(AppError::invalid(
                "durations",
                "checkout.duration_unavailable",
            ))?;
        let why = format!("Invoice {} replaced: {months} months", inv.number);
        cancel_unpaid_invoice(tx, org.id, inv, &why, now).await?;
        if product.state == guichet_core::product::ProductState::Pending {
            store::set_pending_period(tx, &product.id, months).await?;
        }
        let end = start.add_months(months as u32);
        let period = BilledPeriod {
            description: format!(
                "{} — {months} mois / months ({} → {})",
                product.name,
                start.iso(),
                end.iso()
            ),
            product_id: product.id.clone(),
            start,
            end,
            unit_net: unit,
        };
        issue_invoice(tx, org, inv.bill_to.clone(), &inv.kind, &period, now).await
    }
}

/// How a selection is paid (PP-03): up to `from_prepaid` from the balance, the rest by card.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct Checkout {
    pub invoices: Vec<String>,
    pub from_prepaid_minor: i64,
    #[serde(default)]
    pub card: Option<crate::prepaid::CardFields>,
    /// Another duration (months) for some of the invoices (FREQ-01a), by invoice id.
    #[serde(default)]
    pub durations: std::collections::BTreeMap<String, i64>,
}

impl App {
    /// PAY-01: unpaid invoices due in the next two months (or all of them), and the balance.
    pub async fn due_items(&self, actor: &Actor, show_all: bool) -> AppResult<DueItems> {
        actor.require(Action::Billing)?;
        let horizon = today(self.now()).add_months(2).iso();
        let mut c = self.db.conn().await?;
        let org = orgs::by_id(&mut c, actor.org)
            .await?
            .ok_or(AppError::NotFound)?;
        let invoices =
            store::payable(&mut c, actor.org, (!show_all).then_some(horizon.as_str())).await?;
        let balance = ledger::prepaid_balance(&mut c, actor.org, org.currency).await?;
        let mut durations = std::collections::BTreeMap::new();
        for inv in &invoices {
            if let Some((product, _, months)) = billed_period(&mut c, actor.org, &inv.id).await? {
                let choices = self.duration_choices(&mut c, &org, &product).await?;
                if choices.len() > 1 || choices.first().is_some_and(|c| c.months != months) {
                    durations.insert(inv.id.clone(), (months, choices));
                }
            }
        }
        Ok(DueItems {
            invoices,
            balance: Money::new(balance, org.currency),
            show_all,
            durations,
        })
    }

    /// PP-03: pays the selected invoices, part (or all) from the prepaid balance, the rest by card, in
    /// one transaction: a declined card leaves the balance and the invoices as they were.
    pub async fn checkout(&self, actor: &Actor, co: &Checkout, key: &str) -> AppResult<Answer> {
        use crate::payments::{ChargeOutcome, ChargeRequest};
        actor.require(Action::Billing)?;
        actor.require(Action::Pay)?;
        if co.invoices.is_empty() {
            return Err(AppError::invalid("invoices", "checkout.nothing_selected"));
        }
        {
            let mut c = self.db.conn().await?;
            for id in &co.invoices {
                store::get_invoice(&mut c, actor.org, id)
                    .await?
                    .ok_or(AppError::NotFound)?;
            }
        }
        check_key(key)?;
        if co.from_prepaid_minor < 0 {
            return Err(AppError::invalid(
                "from_prepaid",
                "checkout.prepaid_negative",
            ));
        }
        let now = self.now();
        let mut ids = co.invoices.clone();
        ids.sort();
        ids.dedup();
        for id in co.durations.keys() {
            if !ids.contains(id) {
                return Err(AppError::invalid(
                    "durations",
                    "checkout.duration_unselected",
                ));
            }
        }
        let durations: Vec<String> = co
            .durations
            .iter()
            .map(|(id, m)| format!("{id}={m}"))
            .collect();
        let hash = crate::crypto::sha256_hex(&format!(
            "checkout|{}|{}|{}",
            ids.join(","),
            co.from_prepaid_minor,
            durations.join(",")
        ));
        let mut tx = self.db.begin().await?;
        if let Some(first) = claim_key(&mut tx, actor.org, key, &hash, now).await? {
            return Ok(first);
        }
        let org = orgs::by_id(&mut tx, actor.org)
            .await?
            .ok_or(AppError::NotFound)?;
        // 1. Claim the invoices (conditional writes, in id order): a concurrent checkout or payment
        //    of any of them waits here for this one, then finds them paid, before any money moves.
        //    The selection is paid in its invoices' currency, from the prepaid balance in that
        //    currency (an Organization has one per currency): all of one currency, or refused.
        let mut selected = Vec::new();
        let mut currency = None;
        for id in &ids {
            let (inv, _) = store::get_invoice(&mut tx, actor.org, id)
                .await?
                .ok_or(AppError::NotFound)?;
            if !inv.status.is_payable() {
                return Err(AppError::Conflict("invoice.already_paid"));
            }
            let inv = match co.durations.get(id) {
                Some(&months) => {
                    self.rebill_for_duration(&mut tx, &org, &inv, months, now)
                        .await?
                }
                None => inv,
            };
            if *currency.get_or_insert(inv.currency) != inv.currency {
                return Err(AppError::invalid(
                    "invoices",
                    "balances.checkout_one_currency",
                ));
            }
            if !store::mark_invoice_paid(&mut tx, &inv.id, now).await? {
                return Err(AppError::Conflict("invoice.already_paid"));
            }
            selected.push(inv);
        }
        let total = selected
            .iter()
            .try_fold(0i64, |sum, i| sum.checked_add(i.gross))
            .ok_or(AppError::invalid("invoices", "checkout.nothing_selected"))?;
        let currency = currency.unwrap_or(org.currency);
        let from_prepaid = co.from_prepaid_minor.min(total);
        let by_card = total - from_prepaid;
        let prepaid = AccountRef::of_org(AccountKind::Prepaid, actor.org, currency);
        let receivable = AccountRef::of_org(AccountKind::Receivable, actor.org, currency);
        let numbers: Vec<&str> = selected.iter().map(|i| i.number.as_str()).collect();
        let description = format!("Payment of {}", numbers.join(", "));
        // 2. The prepaid part and the card part are one ledger entry under the request's key. The
        //    prepaid debit is booked first: if the balance cannot cover it, the card is never
        //    charged; if the card then declines, the transaction is dropped and the balance and the
        //    invoices are as they were.
        let mut transfers = Vec::new();
        if from_prepaid > 0 {
            transfers.push(Transfer {
                debit: prepaid,
                credit: receivable,
                amount: from_prepaid,
            });
        }
        if by_card > 0 {
            transfers.push(Transfer {
                debit: AccountRef::provider(AccountKind::CardClearing, currency),
                credit: receivable,
                amount: by_card,
            });
        }
        let entry = ledger::NewEntry {
            org: Some(actor.org),
            kind: "checkout",
            description: &description,
            idempotency_key: Some(key),
            now,
        };
        match ledger::post(&mut tx, entry, &transfers).await {
            Ok(_) => {}
            Err(ledger::PostError::InsufficientFunds) => {
                return Err(AppError::invalid("from_prepaid", "invoice.insufficient"));
            }
            Err(e) => return Err(crate::error::post_error(e)),
        }
        // 3. The card, last: its charge is claimed under what it pays before the provider is called.
        if by_card > 0 {
            let fields = co
                .card
                .as_ref()
                .ok_or(AppError::invalid("card_number", "checkout.card_needed"))?;
            let card = guichet_core::card::parse(
                &fields.card_number,
                &fields.card_expiry,
                &fields.card_cvc,
                crate::prepaid::year_month(now),
            )
            .map_err(|p| AppError::invalid(p.field(), p.key()))?;
            let pays = format!(
                "checkout:{}",
                selected
                    .iter()
                    .map(|i| i.id.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            );
            if !guichet_store::card_payments::claim_charge(
                &mut tx, &pays, actor.org, by_card, currency, key, now,
            )
            .await?
            {
                return Err(AppError::Conflict("invoice.already_paid"));
            }
            let charge_description = format!("Invoices {}", numbers.join(", "));
            let request = ChargeRequest {
                amount: Money::new(by_card, currency),
                source: crate::payments::Source::Card(&card),
                idempotency_key: key,
                description: &charge_description,
            };
            let outcome = self.payments.charge(&request).await;
            let provider_ref = match &outcome {
                ChargeOutcome::Succeeded { provider_ref } => provider_ref.clone(),
                ChargeOutcome::Declined { reason } | ChargeOutcome::Failed { reason } => {
                    // All or nothing: the transaction is dropped, the claims and the prepaid part
                    // with it (the key stays free for a retry).
                    let reason = reason.clone();
                    drop(tx);
                    return Ok(Answer {
                        status: 402,
                        body: serde_json::json!({"status": outcome.code(), "reason": reason, "balance_untouched": true}),
                    });
                }
            };
            let payment = guichet_store::card_payments::CardPayment {
                org: actor.org,
                provider: self.payments.name(),
                provider_ref: Some(&provider_ref),
                amount: by_card,
                currency,
                last4: card.last4(),
                outcome: "succeeded",
                purpose: "checkout",
                now,
            };
            guichet_store::card_payments::record(&mut tx, &payment).await?;
        }
        for inv in &selected {
            activate_invoice_products(&mut tx, actor.org, &inv.id, now).await?;
        }
        let body = serde_json::json!({"status": "paid", "invoices": numbers, "total_minor": total, "from_prepaid_minor": from_prepaid,
                                      "by_card_minor": by_card, "currency": currency});
        idempotency::complete(&mut tx, actor.org, key, 200, &body.to_string()).await?;
        audit::record(
            &mut tx,
            Some(actor.org),
            Some(actor.user),
            "checkout",
            &description,
            &actor.origin.ip,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Answer { status: 200, body })
    }
}

/// The largest CSV sent as an e-mail attachment (mail servers refuse large messages).
pub const MAIL_EXPORT_MAX_BYTES: usize = 5 * 1024 * 1024;

/// Invoices read per query by the export.
const CSV_CHUNK: i64 = 500;

/// The parsed filters of the history and the export.
struct ParsedFilter {
    status: Option<String>,
    from: Option<i64>,
    to: Option<i64>,
}

fn parse_filter(f: &InvoiceFilter) -> AppResult<ParsedFilter> {
    let status = f.status.clone().filter(|s| !s.is_empty());
    if let Some(s) = status.as_deref()
        && guichet_core::status::InvoiceStatus::parse(s).is_none()
    {
        return Err(AppError::invalid("status", "field.choice"));
    }
    let from = f
        .from
        .as_deref()
        .filter(|s| !s.is_empty())
        .map(|d| day_start(d, "from"))
        .transpose()?;
    let to =
        f.to.as_deref()
            .filter(|s| !s.is_empty())
            .map(|d| day_start(d, "to").map(|t| t + 86_400))
            .transpose()?;
    Ok(ParsedFilter { status, from, to })
}

impl App {
    /// INV-06: the invoices matching the filters as a CSV stream: the permission and the filters are
    /// checked first (a 4xx before anything is sent), then a task reads 500 invoices at a time by
    /// keyset and sends each chunk through a bounded channel — memory stays flat whatever the size,
    /// and a client that goes away stops the task.
    pub async fn invoices_csv_stream(
        &self,
        actor: &Actor,
        f: &InvoiceFilter,
        form: CsvForm,
    ) -> AppResult<tokio::sync::mpsc::Receiver<AppResult<Vec<u8>>>> {
        actor.require(Action::Billing)?;
        let filter = parse_filter(f)?;
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        let db = self.db.clone();
        let org = actor.org;
        tokio::spawn(async move {
            let mut cursor: Option<(i64, String)> = None;
            let mut first = true;
            loop {
                let chunk = async {
                    let mut c = db.conn().await?;
                    let list = store::invoices_after(
                        &mut c,
                        org,
                        filter.status.as_deref(),
                        filter.from,
                        filter.to,
                        cursor.clone(),
                        CSV_CHUNK,
                    )
                    .await?;
                    AppResult::Ok(list)
                }
                .await;
                let list = match chunk {
                    Ok(list) => list,
                    Err(e) => {
                        let _ = tx.send(Err(e)).await;
                        return;
                    }
                };
                let done = (list.len() as i64) < CSV_CHUNK;
                cursor = list.last().map(|i| (i.issued_at, i.number.clone()));
                let bytes = crate::export::invoice_csv_rows(form, &list, first);
                first = false;
                if tx.send(bytes).await.is_err() || done {
                    return;
                }
            }
        });
        Ok(rx)
    }

    /// INV-06: the export sent by e-mail to the requester, as an attachment (at most
    /// [`MAIL_EXPORT_MAX_BYTES`]; a larger set is refused with a message: download it instead).
    /// Returns the number of invoices sent. `form`: the API's stable CSV, or the reader's (the
    /// Manager's button, in the requester's language).
    pub async fn email_invoices_csv(
        &self,
        actor: &Actor,
        f: &InvoiceFilter,
        form: CsvForm,
    ) -> AppResult<usize> {
        let csv = self.invoices_csv(actor, f, form).await?;
        if csv.len() > MAIL_EXPORT_MAX_BYTES {
            return Err(AppError::invalid("export", "export.too_large_for_mail"));
        }
        let rows = csv
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            .saturating_sub(1);
        let content = String::from_utf8(csv).map_err(|e| AppError::Internal(e.to_string()))?;
        let now = self.now();
        let filters = [
            ("status", f.status.as_deref()),
            ("from", f.from.as_deref()),
            ("to", f.to.as_deref()),
        ]
        .iter()
        .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| format!("{k}={v}")))
        .collect::<Vec<_>>()
        .join(", ");
        let filters = if filters.is_empty() {
            "—".to_string()
        } else {
            filters
        };
        let mut tx = self.db.begin().await?;
        let user = guichet_store::users::by_id(&mut tx, actor.user)
            .await?
            .ok_or(AppError::NotFound)?;
        let mail = crate::mail::Mail::InvoicesExport {
            rows: &rows.to_string(),
            filters: &filters,
            support_code: &user.support_code,
        };
        let (subject, body) = mail.render(user.lang);
        let id = guichet_store::outbox::enqueue_in(
            &mut tx,
            &user.email,
            user.lang.code(),
            (&subject, &body),
            "invoices_export",
            now,
        )
        .await?;
        let attachment = guichet_store::outbox::Attachment {
            filename: format!("invoices-{}.csv", today(now).iso()),
            content_type: "text/csv; charset=utf-8".into(),
            content,
        };
        guichet_store::outbox::attach(&mut tx, id, &attachment).await?;
        audit::record(
            &mut tx,
            Some(actor.org),
            Some(actor.user),
            "invoices.exported_by_mail",
            &format!("{rows} ({filters})"),
            &actor.origin.ip,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(rows)
    }

    /// INV-06: the whole export in memory (for the e-mailed copy).
    pub async fn invoices_csv(
        &self,
        actor: &Actor,
        f: &InvoiceFilter,
        form: CsvForm,
    ) -> AppResult<Vec<u8>> {
        let mut rx = self.invoices_csv_stream(actor, f, form).await?;
        let mut out = Vec::new();
        while let Some(chunk) = rx.recv().await {
            out.extend_from_slice(&chunk?);
        }
        Ok(out)
    }

    /// Issue #15: the invoices matching the filters as an `.xlsx` workbook for a reader in `lang`
    /// (amounts as numbers). Built in memory, so at most [`crate::export::XLSX_MAX_ROWS`] invoices:
    /// a larger set is refused with a message (the CSV download streams any size).
    pub async fn invoices_xlsx(
        &self,
        actor: &Actor,
        f: &InvoiceFilter,
        lang: guichet_core::Lang,
    ) -> AppResult<Vec<u8>> {
        actor.require(Action::Billing)?;
        let filter = parse_filter(f)?;
        let mut all: Vec<Invoice> = Vec::new();
        let mut cursor: Option<(i64, String)> = None;
        let mut c = self.db.conn().await?;
        loop {
            let list = store::invoices_after(
                &mut c,
                actor.org,
                filter.status.as_deref(),
                filter.from,
                filter.to,
                cursor.clone(),
                CSV_CHUNK,
            )
            .await?;
            let done = (list.len() as i64) < CSV_CHUNK;
            cursor = list.last().map(|i| (i.issued_at, i.number.clone()));
            all.extend(list);
            if all.len() > crate::export::XLSX_MAX_ROWS {
                return Err(AppError::invalid("export", "export.too_large_for_xlsx"));
            }
            if done {
                break;
            }
        }
        drop(c);
        tokio::task::spawn_blocking(move || crate::export::invoices_xlsx(&all, lang))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?
    }
}
