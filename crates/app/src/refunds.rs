//! Refunds as credit notes (INV-02): an operator refunds a settled invoice, wholly or in part, from
//! the back office. The invoice itself never changes in amount; a credit note with its own number
//! (`CN-2026-0000001`, gap-free like the invoices) records the refund, the revenue and the VAT are
//! reversed in the same proportion as on the invoice, and the amount is credited to the
//! Organization's prepaid account, from which it pays later invoices or is paid out (PP-04).

use crate::auth::SessionCtx;
use crate::documents::{Pdf, day, file_safe, issuer_lines};
use crate::error::{AppError, AppResult};
use crate::prepaid::{Answer, Outcome, check_key, claim_key};
use crate::{Actor, App};
use guichet_core::invoice::{RefundError, credit_note_number, refund_split};
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_core::{Action, CreditNoteId, InvoiceId, Money, validate};
use guichet_pdf::{Document, Kind, Line};
use guichet_store::billing::{self as store, Invoice, InvoiceLine};
use guichet_store::credit_notes::{self, CreditNote};
use guichet_store::{audit, ledger, orgs};

/// The credit notes series in the invoice sequences table (its own gap-free counter per year).
const CREDIT_NOTE_ISSUER: &str = "guichet:credit_notes";

/// What the back office shows of an invoice: who it belongs to, its lines and its credit notes.
pub struct AdminInvoice {
    pub invoice: Invoice,
    pub lines: Vec<InvoiceLine>,
    pub org_name: String,
    pub credit_notes: Vec<CreditNote>,
}

impl App {
    /// The back office's look-up of an invoice by its number (operators only; others: not found).
    pub async fn admin_invoice(
        &self,
        ctx: &SessionCtx,
        number: &str,
    ) -> AppResult<Option<AdminInvoice>> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let number = number.trim();
        if number.is_empty() {
            return Ok(None);
        }
        let mut c = self.db.conn().await?;
        let Some(inv) = store::invoice_by_number(&mut c, number).await? else {
            return Ok(None);
        };
        let (invoice, lines) = store::get_invoice(&mut c, inv.org_id, inv.id)
            .await?
            .ok_or(AppError::NotFound)?;
        let org_name = orgs::by_id(&mut c, inv.org_id)
            .await?
            .map(|o| o.name)
            .unwrap_or_default();
        let credit_notes = credit_notes::of_invoice(&mut c, inv.org_id, inv.id).await?;
        Ok(Some(AdminInvoice {
            invoice,
            lines,
            org_name,
            credit_notes,
        }))
    }

    /// Refunds `amount_minor` (VAT included) of the settled invoice `number` to its Organization's
    /// prepaid account, with a credit note. Idempotent on `key`: the same request again answers the
    /// same, another request with the same key is refused.
    pub async fn admin_refund(
        &self,
        ctx: &SessionCtx,
        number: &str,
        amount_minor: i64,
        reason: &str,
        key: &str,
    ) -> AppResult<Answer> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        crate::amount_in(
            "amount",
            Ok(amount_minor),
            guichet_core::money::Zero::Refused,
        )?;
        let now = self.now();
        let invoice = {
            let mut c = self.db.conn().await?;
            store::invoice_by_number(&mut c, number.trim())
                .await?
                .ok_or(AppError::NotFound)?
        };
        check_key(key)?;
        let reason = validate::optional_line(reason, 200)
            .ok_or(AppError::invalid("reason", "field.too_long"))?
            .ok_or(AppError::invalid("reason", "refund.reason_needed"))?;
        let hash =
            crate::crypto::sha256_hex(&format!("refund|{}|{amount_minor}|{reason}", invoice.id));
        let mut tx = self.db.begin().await?;
        if let Some(first) = claim_key(&mut tx, invoice.org_id, key, &hash, now).await? {
            return Ok(first);
        }
        // Read again inside the transaction: what was refunded so far is what counts.
        let (inv, _) = store::get_invoice(&mut tx, invoice.org_id, invoice.id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !inv.status.is_refundable() {
            return Err(AppError::Conflict("refund.not_settled"));
        }
        let earlier = credit_notes::of_invoice(&mut tx, inv.org_id, inv.id).await?;
        let vat_refunded = earlier
            .iter()
            .fold(0i64, |s, n| s.saturating_add(n.vat.minor));
        let (net, vat) = refund_split(
            inv.gross.minor,
            inv.vat.minor,
            inv.refunded.minor,
            vat_refunded,
            amount_minor,
        )
        .map_err(|e| match e {
            RefundError::NotPositive => AppError::invalid("amount", "refund.amount_positive"),
            RefundError::MoreThanLeft => AppError::invalid("amount", "refund.more_than_left"),
        })?;
        // The conditional update is the guard against a concurrent refund of the same invoice.
        if !credit_notes::add_refund(&mut tx, inv.id, amount_minor).await? {
            return Err(AppError::invalid("amount", "refund.more_than_left"));
        }
        let issued = crate::billing::today(now);
        let seq =
            store::next_invoice_number(&mut tx, CREDIT_NOTE_ISSUER, issued.year as i64).await?;
        let note = CreditNote {
            id: guichet_core::CreditNoteId::new(),
            org_id: inv.org_id,
            invoice_id: inv.id,
            number: credit_note_number(issued.year, seq),
            currency: inv.currency,
            net: Money::new(net, inv.currency),
            vat: Money::new(vat, inv.currency),
            gross: Money::new(amount_minor, inv.currency),
            reason: reason.clone(),
            issued_by: ctx.user.id,
            issued_at: now,
        };
        credit_notes::insert(&mut tx, &note).await?;
        let prepaid = AccountRef::of_org(AccountKind::Prepaid, inv.org_id, inv.currency);
        let transfers: Vec<Transfer> = [
            (
                AccountRef::provider(AccountKind::Revenue, inv.currency),
                net,
            ),
            (
                AccountRef::provider(AccountKind::VatPayable, inv.currency),
                vat,
            ),
        ]
        .into_iter()
        .filter(|(_, amount)| *amount > 0)
        .map(|(debit, amount)| Transfer {
            debit,
            credit: prepaid,
            amount,
        })
        .collect();
        let description = format!("Credit note {} for invoice {}", note.number, inv.number);
        let entry = ledger::NewEntry {
            org: Some(inv.org_id),
            kind: "refund",
            description: &description,
            idempotency_key: None,
            now,
        };
        ledger::post(&mut tx, entry, &transfers)
            .await
            .map_err(crate::error::post_error)?;
        let amount = Money::new(amount_minor, inv.currency).to_string();
        audit::record(
            &mut tx,
            Some(inv.org_id),
            Some(ctx.user.id),
            "invoice.refunded",
            &format!("{} {}: {amount} ({reason})", note.number, inv.number),
            "",
            now,
        )
        .await?;
        for (email, lang, code) in
            guichet_store::memberships::billing_recipients(&mut tx, inv.org_id).await?
        {
            let lang = guichet_core::Lang::parse(&lang).unwrap_or_default();
            let mail = crate::mail::Mail::CreditNoteIssued {
                invoice: &inv.number,
                number: &note.number,
                amount: &amount,
                reason: &reason,
                support_code: &code,
            };
            crate::mail::enqueue(&mut tx, self, &email, lang, mail, now).await?;
        }
        let status = if inv.refunded.minor + amount_minor == inv.gross.minor {
            guichet_core::status::InvoiceStatus::Refunded
        } else {
            guichet_core::status::InvoiceStatus::PartiallyRefunded
        };
        let body = serde_json::json!({
            "credit_note": note.number,
            "id": note.id,
            "invoice": inv.number,
            "amount_minor": amount_minor,
            "net_minor": net,
            "vat_minor": vat,
            "currency": inv.currency,
            "invoice_status": status,
        });
        let answer = Answer {
            outcome: Outcome::Done,
            body,
        };
        crate::prepaid::keep_answer(tx, inv.org_id, key, answer).await
    }

    /// The credit notes of one of the Organization's invoices (INV-01: billing documents).
    pub async fn credit_notes(
        &self,
        actor: &Actor,
        invoice: InvoiceId,
    ) -> AppResult<Vec<CreditNote>> {
        actor.require(Action::Billing)?;
        let mut c = self.db.conn().await?;
        store::get_invoice(&mut c, actor.org, invoice)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(credit_notes::of_invoice(&mut c, actor.org, invoice).await?)
    }

    /// A credit note as PDF, in the reader's language.
    pub async fn credit_note_pdf(&self, actor: &Actor, id: CreditNoteId) -> AppResult<Pdf> {
        actor.require(Action::Billing)?;
        let mut c = self.db.conn().await?;
        let note = credit_notes::get(&mut c, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let (inv, _) = store::get_invoice(&mut c, actor.org, note.invoice_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let buyer_vat = guichet_store::orgs::by_id(&mut c, actor.org)
            .await?
            .and_then(|o| o.vat_number);
        drop(c);
        let description = guichet_core::i18n::tf(
            actor.lang,
            "credit_note.line",
            &[("invoice", &inv.number), ("reason", &note.reason)],
        );
        let doc = Document {
            kind: Kind::CreditNote,
            lang: actor.lang,
            issuer: issuer_lines(self),
            customer: inv.bill_to.to_vec(),
            number: Some(note.number.clone()),
            issued_on: day(note.issued_at),
            due_on: None,
            paid_on: None,
            currency: note.currency,
            lines: vec![Line {
                description,
                period: None,
                quantity: 1,
                unit_net: note.net.minor,
                net: note.net.minor,
                vat_rate_bp: inv.vat_rate_bp,
                vat: note.vat.minor,
                gross: note.gross.minor,
            }],
            vat_mention: inv.vat_mention.clone(),
            net: note.net.minor,
            vat: note.vat.minor,
            gross: note.gross.minor,
            billing_reference: inv.billing_reference.clone(),
            payment_reference: None,
            qr_bill: None,
            corrects: Some(inv.number.clone()),
            einvoice: Some(crate::documents::einvoice(
                self,
                &inv.bill_to,
                buyer_vat,
                note.currency,
            )),
        };
        let bytes = guichet_pdf::render(&doc).map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(Pdf {
            filename: file_safe(&format!("credit-note-{}", note.number)) + ".pdf",
            bytes,
        })
    }
}
