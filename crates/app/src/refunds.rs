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
use guichet_store::{audit, charges, ledger, orgs};

/// Where a refund goes (INV-02, issue #13).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum RefundTo {
    /// The Organization's prepaid account (from which it pays later invoices or is paid out).
    #[default]
    Prepaid,
    /// The card that paid the invoice, through the payment provider.
    Card,
}

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

    /// Refunds `amount_minor` (VAT included) of the settled invoice `number`, with a credit note, to
    /// its Organization's prepaid account — or, `to == RefundTo::Card`, on to the card that paid it
    /// (issue #13: two phases, the amount held while the provider is asked, back on the prepaid
    /// account if the card refund is refused). Idempotent on `key`: the same request again answers
    /// the same, another request with the same key is refused.
    pub async fn admin_refund(
        &self,
        ctx: &SessionCtx,
        number: &str,
        amount_minor: i64,
        reason: &str,
        to: RefundTo,
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
        let hash = crate::crypto::sha256_hex(&format!(
            "refund|{}|{amount_minor}|{reason}{}",
            invoice.id,
            if to == RefundTo::Card { "|card" } else { "" }
        ));
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
        let description = guichet_core::said::encode(
            "said.credit_note",
            &[("number", &note.number), ("invoice", &inv.number)],
        );
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
        // On to the card: held now, given back by the provider after the commit.
        let card_refund = if to == RefundTo::Card {
            Some(
                self.hold_card_refund(&mut tx, ctx, &inv, &note, amount_minor, key, now)
                    .await?,
            )
        } else {
            None
        };
        let body = serde_json::json!({
            "refund_to": if card_refund.is_some() { "card" } else { "prepaid" },
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
        let answer = crate::prepaid::keep_answer(tx, inv.org_id, key, answer).await?;
        if let Some((refund, original)) = card_refund {
            self.run_card_refund(&refund, &original).await?;
        }
        Ok(answer)
    }

    /// Phase 1 of a refund to the card: the card charge that paid the invoice, what is left to give
    /// back on it (a conditional write), the amount moved from the prepaid account to the hold and the
    /// refund recorded pending. Returns (the refund, the original charge).
    #[allow(clippy::too_many_arguments)]
    async fn hold_card_refund(
        &self,
        tx: &mut guichet_store::Conn,
        ctx: &SessionCtx,
        inv: &Invoice,
        note: &CreditNote,
        amount_minor: i64,
        key: &str,
        now: i64,
    ) -> AppResult<(guichet_core::CardPaymentId, charges::Charge)> {
        let original = charges::paid_invoice(tx, inv.org_id, inv.id)
            .await?
            .ok_or(AppError::invalid("refund_to", "refund.no_card_payment"))?;
        if original.amount.currency != inv.currency
            || !charges::add_refunded(tx, original.id, amount_minor).await?
        {
            return Err(AppError::invalid("amount", "refund.more_than_card"));
        }
        let money = Money::new(amount_minor, inv.currency);
        let entry = ledger::NewEntry {
            org: Some(inv.org_id),
            kind: "refund_to_card_hold",
            description: &guichet_core::said::encode(
                "said.refund_note_to_card",
                &[("number", &note.number), ("last4", &original.last4)],
            ),
            idempotency_key: None,
            now,
        };
        ledger::post(
            tx,
            entry,
            &[Transfer {
                debit: AccountRef::of_org(AccountKind::Prepaid, inv.org_id, inv.currency),
                credit: AccountRef::of_org(AccountKind::PaymentHold, inv.org_id, inv.currency),
                amount: amount_minor,
            }],
        )
        .await
        .map_err(crate::error::post_error)?;
        let pays = format!("refund:{}", note.id);
        let refund = charges::insert(
            tx,
            &charges::NewCharge {
                pays: &pays,
                org: inv.org_id,
                purpose: charges::Purpose::Refund,
                amount: money,
                from_prepaid: 0,
                idempotency_key: key,
                provider: &original.provider,
                refund_of: Some(original.id),
                last4: &original.last4,
                user: Some(ctx.user.id),
                details: "{}",
                now,
            },
        )
        .await?
        .ok_or(AppError::Conflict("refund.in_progress"))?;
        Ok((refund, original))
    }

    /// Phases 2 and 3 of a refund to the card, no transaction open while the provider answers.
    pub(crate) async fn run_card_refund(
        &self,
        refund: &guichet_core::CardPaymentId,
        original: &charges::Charge,
    ) -> AppResult<crate::charges::Settled> {
        use crate::payments::{ProviderState, RefundState};
        let Some(payment_ref) = original.provider_ref.as_deref() else {
            return self
                .settle_charge(
                    *refund,
                    &ProviderState::Failed {
                        reason: "charge_without_reference".into(),
                    },
                )
                .await;
        };
        let amount = {
            let mut c = self.db.conn().await?;
            charges::get(&mut c, *refund)
                .await?
                .ok_or(AppError::NotFound)?
                .amount
        };
        let key = format!("refund:{refund}");
        match self.payments.refund(payment_ref, amount, &key).await {
            Ok(RefundState::Succeeded { provider_ref }) => {
                let mut c = self.db.write_conn().await?;
                charges::set_provider_ref(&mut c, *refund, &provider_ref, "").await?;
                drop(c);
                self.settle_charge(*refund, &ProviderState::Succeeded).await
            }
            Ok(RefundState::Failed { reason }) => {
                self.settle_charge(*refund, &ProviderState::Failed { reason })
                    .await
            }
            Ok(RefundState::Pending { provider_ref }) => {
                let mut c = self.db.write_conn().await?;
                charges::set_provider_ref(&mut c, *refund, &provider_ref, "").await?;
                Ok(crate::charges::Settled::Open(ProviderState::Processing))
            }
            Err(e) => {
                tracing::warn!(refund = %refund, error = %e.0, "payment provider did not answer a refund; the reconciler will ask again");
                Ok(crate::charges::Settled::Open(ProviderState::Processing))
            }
        }
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
            issuer: issuer_lines(self, actor.lang),
            customer: crate::documents::invoice_address(
                &inv,
                actor.lang,
                &self.config.creditor.country,
            ),
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
            logo: crate::documents::pdf_logo(self),
        };
        let bytes = guichet_pdf::render(&doc).map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(Pdf {
            filename: file_safe(&format!("credit-note-{}", note.number)) + ".pdf",
            bytes,
        })
    }
}
