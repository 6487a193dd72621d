//! The invoice history (INV-04) and paying one invoice from the prepaid balance.

use super::*;

/// Filters of the invoice history (INV-04).
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
pub struct InvoiceFilter {
    pub status: Option<String>,
    /// `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    /// `last` for the oldest invoices (the list is paged by key, not by number).
    pub page: Option<String>,
    /// A cursor: the invoices older than it (the next page).
    pub after: Option<String>,
    /// A cursor: the invoices newer than it (the previous page).
    pub before: Option<String>,
}

/// One page of the history, newest first, and the cursors of the pages around it.
pub struct InvoicePage {
    pub invoices: Vec<Invoice>,
    pub pager: crate::pager::Pager,
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

/// The parsed filters of the history and the export.
pub(super) struct ParsedFilter {
    pub(super) status: Option<String>,
    pub(super) from: Option<i64>,
    pub(super) to: Option<i64>,
}

impl ParsedFilter {
    pub(super) fn store(&self) -> store::InvoiceFilter<'_> {
        store::InvoiceFilter {
            status: self.status.as_deref(),
            from: self.from,
            to: self.to,
        }
    }
}

pub(super) fn parse_filter(f: &InvoiceFilter) -> AppResult<ParsedFilter> {
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
    pub async fn invoice(
        &self,
        actor: &Actor,
        id: InvoiceId,
    ) -> AppResult<(Invoice, Vec<InvoiceLine>)> {
        actor.require(Action::Billing)?;
        let mut c = self.db.conn().await?;
        store::get_invoice(&mut c, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// INV-04: newest first, by status and date range, a page at a time: seeked by key from the
    /// cursor of `after`/`before` (or the first or last page), no count.
    pub async fn invoices(&self, actor: &Actor, f: &InvoiceFilter) -> AppResult<InvoicePage> {
        actor.require(Action::Billing)?;
        let filter = parse_filter(f)?;
        let page = crate::pager::At::from_query(
            f.after.as_deref(),
            f.before.as_deref(),
            f.page.as_deref(),
        )
        .page()?;
        let mut c = self.db.conn().await?;
        let found =
            store::invoices_page(&mut c, actor.org, filter.store(), &page, PAGE_SIZE).await?;
        Ok(InvoicePage {
            pager: crate::pager::Pager::of(&found, store::invoice_cursor),
            invoices: found.rows,
        })
    }

    /// PP-03 (whole amount from the balance): pays an invoice from the prepaid account; the product
    /// becomes active for its period. Idempotent by key; "insufficient balance" refuses it cleanly.
    pub async fn pay_invoice_from_prepaid(
        &self,
        actor: &Actor,
        id: InvoiceId,
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
        // Written with the payment: if the balance cannot cover it below, both are rolled back.
        let event = crate::webhooks::Event::InvoicePaid(crate::webhooks::invoice_data(&inv));
        crate::webhooks::emit(&mut tx, event, now).await?;
        let prepaid = AccountRef::of_org(AccountKind::Prepaid, actor.org, inv.currency);
        let receivable = AccountRef::of_org(AccountKind::Receivable, actor.org, inv.currency);
        let entry = ledger::NewEntry {
            org: Some(actor.org),
            kind: "invoice_paid",
            description: &guichet_core::said::encode("said.invoice", &[("number", &inv.number)]),
            idempotency_key: Some(key),
            now,
        };
        ledger::post(
            &mut tx,
            entry,
            &[Transfer {
                debit: prepaid,
                credit: receivable,
                amount: inv.gross.minor,
            }],
        )
        .await
        .map_err(|e| post_refused(e, "invoice", "invoice.insufficient"))?;
        activate_invoice_products(&mut tx, actor.org, id, now).await?;
        let body = crate::answers::body(&crate::answers::InvoicePaid {
            invoice: inv.number.clone(),
            status: crate::answers::PaidStatus::Paid,
            amount: inv.gross,
            currency: inv.currency,
        })?;
        actor
            .audit(&mut tx, "invoice.paid", &inv.number, now)
            .await?;
        let answer = Answer {
            outcome: Outcome::Done,
            body,
        };
        keep_answer(tx, actor.org, key, answer).await
    }
}
