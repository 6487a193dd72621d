//! Issuing and undoing invoices in the caller's transaction: one product period billed (VAT by
//! customer, gap-free number, payment reference, receivable), products activated or extended once
//! paid, an unpaid invoice cancelled with its bookings reversed.

use super::*;

/// One product period to bill.
pub(crate) struct BilledPeriod {
    pub description: String,
    pub product_id: ProductId,
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
    bill_to: BillTo,
    kind: guichet_core::invoice::InvoiceKind,
    period: &BilledPeriod,
    now: i64,
) -> AppResult<Invoice> {
    let issued = today(now);
    let seq = store::next_invoice_number(tx, ISSUER, issued.year as i64).await?;
    let n = payment_requests::next_reference_number(tx).await?;
    let (invoice, lines) = draft_invoice(org, bill_to, kind, period, seq, n, now)?;
    store::insert_invoice(tx, &invoice, &lines)
        .await
        .map_err(|e| {
            if e.is_unique_violation() {
                AppError::Conflict("invoice.period_invoiced")
            } else {
                e.into()
            }
        })?;
    post_receivable(tx, &invoice, now).await?;
    let event = crate::webhooks::Event::InvoiceIssued(crate::webhooks::invoice_data(&invoice));
    crate::webhooks::emit(tx, event, now).await?;
    Ok(invoice)
}

/// The invoice of one product period with number `seq` of the issue year and payment reference
/// number `reference_n`, with its line and that line's billing key; nothing written yet.
pub(crate) fn draft_invoice(
    org: &guichet_store::orgs::Org,
    bill_to: BillTo,
    kind: guichet_core::invoice::InvoiceKind,
    period: &BilledPeriod,
    seq: i64,
    reference_n: i64,
    now: i64,
) -> AppResult<store::NewInvoice> {
    let treatment = vat::treatment(&org.country, org.kind, org.vat_number.as_deref());
    let input = LineInput {
        description: period.description.clone(),
        quantity: 1,
        unit_net: period.unit_net,
    };
    let totals =
        price(org.currency, treatment, &[input]).map_err(|e| AppError::Internal(e.to_string()))?;
    let issued = today(now);
    let invoice = Invoice {
        id: InvoiceId::new(),
        org_id: org.id,
        number: number(issued.year, seq),
        kind,
        status: guichet_core::status::InvoiceStatus::Unpaid,
        currency: org.currency,
        net: Money::new(totals.net, org.currency),
        vat: Money::new(totals.vat, org.currency),
        gross: Money::new(totals.gross, org.currency),
        vat_rate_bp: totals.rate_bp as i64,
        vat_mention: treatment.mention_key().map(str::to_string),
        bill_to: bill_to.lines,
        bill_to_attention: bill_to.attention,
        billing_reference: org.billing_reference.clone(),
        payment_reference: reference_for(reference_n, org.currency)?,
        issued_at: now,
        due_on: add_days(issued, PAYMENT_DAYS),
        paid_at: None,
        refunded: Money::zero(org.currency),
    };
    let lines: Vec<(InvoiceLine, Option<String>)> = totals
        .lines
        .iter()
        .map(|l| {
            let line = InvoiceLine {
                description: l.description.clone(),
                product_id: Some(period.product_id),
                period_start: Some(period.start),
                period_end: Some(period.end),
                quantity: l.quantity,
                unit_net: Money::new(l.unit_net, org.currency),
                net: Money::new(l.net, org.currency),
                vat: Money::new(l.vat, org.currency),
                gross: Money::new(l.gross, org.currency),
            };
            (
                line,
                Some(format!("{}:{}", period.product_id, period.start.iso())),
            )
        })
        .collect();
    Ok((invoice, lines))
}

/// The receivable of an issued invoice: revenue and VAT are owed by the customer from now on.
pub(crate) async fn post_receivable(
    tx: &mut guichet_store::Conn,
    invoice: &Invoice,
    now: i64,
) -> AppResult<()> {
    post_receivables(tx, &[invoice], now).await
}

/// [`post_receivable`] of many invoices in one ledger write (a few statements whatever their
/// number): the billing run books a whole batch's receivables this way.
pub(crate) async fn post_receivables(
    tx: &mut guichet_store::Conn,
    invoices: &[&Invoice],
    now: i64,
) -> AppResult<()> {
    let descriptions: Vec<String> = invoices
        .iter()
        .map(|i| guichet_core::said::encode("said.invoice", &[("number", &i.number)]))
        .collect();
    let entries: Vec<(ledger::NewEntry<'_>, Vec<Transfer>)> = invoices
        .iter()
        .zip(&descriptions)
        .map(|(invoice, description)| {
            let entry = ledger::NewEntry {
                org: Some(invoice.org_id),
                kind: "invoice_issued",
                description,
                idempotency_key: None,
                now,
            };
            (entry, receivable_transfers(invoice))
        })
        .filter(|(_, transfers)| !transfers.is_empty())
        .collect();
    if !entries.is_empty() {
        ledger::post_many(tx, &entries)
            .await
            .map_err(crate::error::post_error)?;
    }
    Ok(())
}

/// Revenue and VAT payable credited, the customer's receivable debited (zero legs left out).
fn receivable_transfers(invoice: &Invoice) -> Vec<Transfer> {
    let receivable = AccountRef::of_org(AccountKind::Receivable, invoice.org_id, invoice.currency);
    [
        (
            AccountRef::provider(AccountKind::Revenue, invoice.currency),
            invoice.net,
        ),
        (
            AccountRef::provider(AccountKind::VatPayable, invoice.currency),
            invoice.vat,
        ),
    ]
    .into_iter()
    .filter(|(_, amount)| amount.minor > 0)
    .map(|(credit, amount)| Transfer {
        debit: receivable,
        credit,
        amount: amount.minor,
    })
    .collect()
}

/// On payment: a pending product starts today for its period; a renewed one runs until the end of
/// the period the line billed.
pub(crate) async fn activate_invoice_products(
    c: &mut guichet_store::Conn,
    org: guichet_core::OrgId,
    invoice: InvoiceId,
    now: i64,
) -> AppResult<()> {
    let lines = store::invoice_products(c, invoice).await?;
    activate_products(c, org, &lines, now).await
}

/// [`activate_invoice_products`] with the invoice's product lines already read (a bank import
/// reads those of its whole batch in one query).
pub(crate) async fn activate_products(
    c: &mut guichet_store::Conn,
    org: guichet_core::OrgId,
    lines: &[store::ProductLine],
    now: i64,
) -> AppResult<()> {
    let mut events = Vec::new();
    activate_products_into(c, org, lines, now, &mut events).await?;
    crate::webhooks::emit_all(c, events, now).await
}

/// [`activate_products`], its `product.activated` events added to `events` for the caller to
/// emit (a bank import emits a whole batch's at once).
pub(crate) async fn activate_products_into(
    c: &mut guichet_store::Conn,
    org: guichet_core::OrgId,
    lines: &[store::ProductLine],
    now: i64,
    events: &mut Vec<crate::webhooks::Event>,
) -> AppResult<()> {
    let start = today(now);
    for &(p, period_start, period_end) in lines {
        let Some(product) = store::get_product(c, org, p).await? else {
            continue;
        };
        let end = start.add_months(product.period_months as u32);
        let activated = product.state == guichet_core::product::ProductState::Pending
            && store::activate(c, p, start, end).await?;
        if activated {
            crate::support::on_product_active(c, org, p, product.offer_id, now).await?;
            let active = store::Product {
                state: guichet_core::product::ProductState::Active,
                starts_on: Some(start),
                expires_on: Some(end),
                ..product.clone()
            };
            events.extend(crate::webhooks::product_event(active.state, &active));
        } else if let Some(end) = period_end {
            // The line's own period: a renewal billed under a changed period applies it now.
            let months = match period_start {
                Some(a) => guichet_core::period::months_between(a, end),
                None => product.period_months,
            };
            if !store::extend(c, p, end, months).await? {
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

/// Cancels an unpaid invoice (its number stays: the sequence is gap-free) and reverses what its
/// issue booked: revenue and VAT no longer owed, the receivable gone. Conflict if it is not unpaid.
pub(crate) async fn cancel_unpaid_invoice(
    tx: &mut guichet_store::Conn,
    org: guichet_core::OrgId,
    inv: &Invoice,
    why: &str,
    now: i64,
) -> AppResult<()> {
    if !store::cancel_invoice(tx, inv.id).await? {
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
    .filter(|(_, amount)| amount.minor > 0)
    .map(|(debit, amount)| Transfer {
        debit,
        credit: receivable,
        amount: amount.minor,
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
    invoice: InvoiceId,
) -> AppResult<Option<(store::Product, Date, i64)>> {
    let Some((_, lines)) = store::get_invoice(c, org, invoice).await? else {
        return Ok(None);
    };
    let [line] = lines.as_slice() else {
        return Ok(None);
    };
    let (Some(product), Some(start), Some(end)) =
        (line.product_id, line.period_start, line.period_end)
    else {
        return Ok(None);
    };
    let Some(p) = store::get_product(c, org, product).await? else {
        return Ok(None);
    };
    let months = guichet_core::period::months_between(start, end);
    Ok(Some((p, start, months)))
}

/// Who an invoice is addressed to, as its five bill-to lines (name, street, postcode, city,
/// country): the chosen billing address (its company, else its name), or else the Organization's
/// own legal address.
pub(crate) fn bill_to(
    address: Option<guichet_store::addresses::Address>,
    org: &orgs::Org,
) -> BillTo {
    match address {
        Some(a) => {
            let company = a.fields.company.filter(|c| !c.trim().is_empty());
            let (name, attention) = match company {
                Some(c) => (c, Some(a.fields.name).filter(|n| !n.trim().is_empty())),
                None => (a.fields.name, None),
            };
            BillTo {
                lines: [
                    name,
                    a.fields.street,
                    a.fields.postcode,
                    a.fields.city,
                    a.fields.country,
                ],
                attention,
            }
        }
        None => BillTo {
            lines: [
                org.name.clone(),
                org.street.clone(),
                org.postcode.clone(),
                org.city.clone(),
                org.country.clone(),
            ],
            attention: None,
        },
    }
}

/// Whom an invoice is addressed to: name (the company's when the address names one), street,
/// postcode, town, country; and the recipient line, the person's name under a company's.
#[derive(Clone, Debug)]
pub(crate) struct BillTo {
    pub lines: [String; 5],
    pub attention: Option<String>,
}
