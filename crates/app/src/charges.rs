//! Card charges in two phases, never inside a database transaction (issue #13):
//!
//! 1. **Reserve** — the use case records the charge `pending` under the request's idempotency key,
//!    in one transaction with what it holds (a checkout's invoices claimed, its prepaid part moved to
//!    the `payment_hold` account), and commits.
//! 2. **Call** — [`App::run_charge`] asks the provider to create the payment (its reference is
//!    recorded at once), then to confirm it, with no transaction open; the same key goes to the
//!    provider as its `Idempotency-Key`.
//! 3. **Settle** — [`App::settle_charge`] books the outcome in a second transaction that starts
//!    with a compare-and-set from `pending`: whoever learns the outcome first (the request, a
//!    Stripe webhook, the reconciler) books it; the others find it settled.
//!
//! A crash between the phases leaves a pending charge: [`App::reconcile_payments`] (every minute in
//! `serve`, and `guichet reconcile-payments`) asks the provider about each one older than the grace
//! period. A charge without a provider reference was never confirmed (confirmation only follows the
//! recorded reference), so it is released; an unconfirmed one is cancelled first. A charge is thus
//! never lost and never made twice.

use crate::App;
use crate::answers::{self, ChargeStatus as AnswerStatus};
use crate::error::{AppError, AppResult};
use crate::payments::{ChargeRequest, ProviderState};
use crate::prepaid::{Answer, Outcome};
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_core::status::ChargeStatus;
use guichet_core::{CardPaymentId, InvoiceId, Money};
use guichet_store::charges::{self, Charge, Purpose};
use guichet_store::{audit, idempotency, ledger};

/// Where a charge stands after a call: settled (by this call or before), or still open.
#[derive(Debug)]
pub enum Settled {
    Done(ChargeStatus),
    /// The provider has not given the outcome yet (the customer must authenticate, it is being
    /// processed, or the provider did not answer): the charge stays pending.
    Open(ProviderState),
}

/// What the reconciler did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ReconcileReport {
    pub looked_at: u64,
    pub succeeded: u64,
    pub declined: u64,
    pub released: u64,
    pub still_open: u64,
}

impl App {
    /// Phases 2 and 3 of a charge recorded pending: the provider is called with no transaction
    /// open, then the outcome is settled.
    pub(crate) async fn run_charge(&self, req: &ChargeRequest<'_>) -> AppResult<Settled> {
        let begun = match self.payments.begin(req).await {
            Ok(b) => b,
            Err(Ok(refused)) => return self.settle_charge(req.charge, &refused).await,
            // Never confirmed, so nothing can have been charged: released at once.
            Err(Err(e)) => {
                tracing::warn!(charge = %req.charge, error = %e.0, "payment provider did not answer");
                return self
                    .settle_charge(
                        req.charge,
                        &ProviderState::Failed {
                            reason: "provider_unreachable".into(),
                        },
                    )
                    .await;
            }
        };
        {
            let mut c = self.db.write_conn().await?;
            if !charges::set_provider_ref(&mut c, req.charge, &begun.provider_ref, &begun.last4)
                .await?
            {
                // The reconciler released it meanwhile: it must not be confirmed now.
                drop(c);
                let _ = self.payments.cancel(&begun.provider_ref).await;
                return self.charge_status(req.charge).await.map(Settled::Done);
            }
        }
        match self.payments.confirm(&begun.provider_ref, req).await {
            Ok(state) if state.is_final() => self.settle_charge(req.charge, &state).await,
            Ok(open) => Ok(Settled::Open(open)),
            Err(e) => {
                tracing::warn!(charge = %req.charge, error = %e.0, "payment provider did not answer the confirmation; the reconciler will ask");
                Ok(Settled::Open(ProviderState::Processing))
            }
        }
    }

    async fn charge_status(&self, id: CardPaymentId) -> AppResult<ChargeStatus> {
        let mut c = self.db.conn().await?;
        Ok(charges::get(&mut c, id)
            .await?
            .ok_or(AppError::NotFound)?
            .status)
    }

    /// Phase 3: books a final provider state for a pending charge, once. A charge settled before
    /// keeps its booking (a late or out-of-order answer changes nothing).
    pub(crate) async fn settle_charge(
        &self,
        id: CardPaymentId,
        state: &ProviderState,
    ) -> AppResult<Settled> {
        let (to, reason) = match state {
            ProviderState::Succeeded => (ChargeStatus::Succeeded, String::new()),
            ProviderState::Declined { reason } => (ChargeStatus::Declined, reason.clone()),
            ProviderState::Failed { reason } => (ChargeStatus::Failed, reason.clone()),
            ProviderState::Canceled | ProviderState::Unconfirmed => {
                (ChargeStatus::Released, "interrupted".to_string())
            }
            open => return Ok(Settled::Open(open.clone())),
        };
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let charge = charges::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
        if !charges::settle(&mut tx, id, to, &reason, now).await? {
            drop(tx);
            return self.charge_status(id).await.map(Settled::Done);
        }
        let settled = Charge {
            status: to,
            reason,
            ..charge
        };
        match settled.purpose {
            Purpose::TopUp => self.book_top_up(&mut tx, &settled, now).await?,
            Purpose::Checkout => self.book_checkout(&mut tx, &settled, now).await?,
            Purpose::Renewal => self.book_renewal(&mut tx, &settled, now).await?,
            Purpose::Refund => self.book_card_refund(&mut tx, &settled, now).await?,
        }
        tx.commit().await?;
        Ok(Settled::Done(to))
    }

    /// Keeps the answer of a request's charge for its key (a retry gets it) and audits it.
    async fn answer_for_key(
        &self,
        c: &mut guichet_store::Conn,
        charge: &Charge,
        outcome: Outcome,
        body: &serde_json::Value,
        (action, detail): (&str, &str),
        now: i64,
    ) -> AppResult<()> {
        idempotency::complete(
            c,
            charge.org,
            &charge.idempotency_key,
            outcome.stored(),
            &body.to_string(),
        )
        .await?;
        audit::record(c, Some(charge.org), charge.user, action, detail, "", now).await?;
        Ok(())
    }

    async fn book_top_up(
        &self,
        c: &mut guichet_store::Conn,
        ch: &Charge,
        now: i64,
    ) -> AppResult<()> {
        let currency = ch.amount.currency;
        let prepaid = AccountRef::of_org(AccountKind::Prepaid, ch.org, currency);
        let detail = format!("{} {} •••• {}", ch.status, ch.amount, ch.last4);
        if ch.status != ChargeStatus::Succeeded {
            let balance = ledger::prepaid_balance(c, ch.org, currency).await?;
            let body = answers::body(&answers::TopUpDeclined {
                status: AnswerStatus::of(ch.status),
                payment_id: ch.id,
                reason: ch.reason.clone(),
                amount: ch.amount,
                currency,
                balance: Money::new(balance, currency),
            })?;
            return self
                .answer_for_key(
                    c,
                    ch,
                    Outcome::Declined,
                    &body,
                    ("prepaid.top_up", &detail),
                    now,
                )
                .await;
        }
        let description = format!("Top-up by card •••• {}", ch.last4);
        let entry = ledger::NewEntry {
            org: Some(ch.org),
            kind: "top_up",
            description: &description,
            idempotency_key: Some(&ch.idempotency_key),
            now,
        };
        // The money was taken: it is credited whatever the ceiling says now (the ceiling was
        // checked, pending top-ups included, before the card was charged).
        let cap = ledger::Cap {
            account: prepaid,
            max_balance: i64::MAX,
        };
        let (entry_id, after) = ledger::post_capped(
            c,
            entry,
            &[Transfer {
                debit: AccountRef::provider(AccountKind::CardClearing, currency),
                credit: prepaid,
                amount: ch.amount.minor,
            }],
            Some(cap),
        )
        .await
        .map_err(crate::error::post_error)?;
        let body = answers::body(&answers::TopUpPaid {
            status: AnswerStatus::Succeeded,
            payment_id: ch.id,
            entry_id,
            amount: ch.amount,
            currency,
            balance: Money::new(after, currency),
        })?;
        self.answer_for_key(
            c,
            ch,
            Outcome::Created,
            &body,
            ("prepaid.top_up", &detail),
            now,
        )
        .await
    }

    async fn book_checkout(
        &self,
        c: &mut guichet_store::Conn,
        ch: &Charge,
        now: i64,
    ) -> AppResult<()> {
        let currency = ch.amount.currency;
        let prepaid = AccountRef::of_org(AccountKind::Prepaid, ch.org, currency);
        let hold = AccountRef::of_org(AccountKind::PaymentHold, ch.org, currency);
        let receivable = AccountRef::of_org(AccountKind::Receivable, ch.org, currency);
        let card = AccountRef::provider(AccountKind::CardClearing, currency);
        let claimed = charges::invoices_of(c, ch.id).await?;
        let numbers: Vec<String> = claimed.iter().map(|i| i.number.clone()).collect();
        if ch.status != ChargeStatus::Succeeded {
            // The prepaid part goes back, the invoices are free again.
            if ch.from_prepaid > 0 {
                let entry = ledger::NewEntry {
                    org: Some(ch.org),
                    kind: "checkout_released",
                    description: &format!("Payment of {} not made", numbers.join(", ")),
                    idempotency_key: None,
                    now,
                };
                ledger::post(
                    c,
                    entry,
                    &[Transfer {
                        debit: hold,
                        credit: prepaid,
                        amount: ch.from_prepaid,
                    }],
                )
                .await
                .map_err(crate::error::post_error)?;
            }
            charges::release_invoices(c, ch.id).await?;
            let body = answers::body(&answers::CheckoutDeclined {
                status: AnswerStatus::of(ch.status),
                reason: ch.reason.clone(),
                balance_untouched: true,
            })?;
            let detail = format!("{} {}: {}", ch.status, numbers.join(", "), ch.reason);
            return self
                .answer_for_key(c, ch, Outcome::Declined, &body, ("checkout", &detail), now)
                .await;
        }
        // Paid: each claimed invoice still open is marked paid by this charge (one that was
        // cancelled meanwhile is not, and its share goes to the prepaid account).
        let mut paid: Vec<&charges::ClaimedInvoice> = Vec::new();
        for inv in &claimed {
            if inv.open && charges::mark_claimed_paid(c, ch.id, &[inv.id], now).await? == 1 {
                paid.push(inv);
            }
        }
        let paid_total: i64 = paid.iter().map(|i| i.gross).sum();
        let from_hold = ch.from_prepaid.min(paid_total);
        let from_card = paid_total - from_hold;
        let mut transfers = Vec::new();
        for (debit, credit, amount) in [
            (hold, receivable, from_hold),
            (card, receivable, from_card),
            (hold, prepaid, ch.from_prepaid - from_hold),
            (card, prepaid, ch.amount.minor - from_card),
        ] {
            if amount > 0 {
                transfers.push(Transfer {
                    debit,
                    credit,
                    amount,
                });
            }
        }
        let paid_numbers: Vec<&str> = paid.iter().map(|i| i.number.as_str()).collect();
        let description = format!("Payment of {}", paid_numbers.join(", "));
        let entry = ledger::NewEntry {
            org: Some(ch.org),
            kind: "checkout",
            description: &description,
            idempotency_key: Some(&ch.idempotency_key),
            now,
        };
        ledger::post(c, entry, &transfers)
            .await
            .map_err(crate::error::post_error)?;
        for inv in &paid {
            crate::billing::activate_invoice_products(c, ch.org, inv.id, now).await?;
        }
        let body = answers::body(&answers::CheckoutPaid {
            status: answers::PaidStatus::Paid,
            invoices: paid_numbers.iter().map(|n| (*n).to_string()).collect(),
            total: Money::new(paid_total, currency),
            from_prepaid: Money::new(from_hold, currency),
            by_card: Money::new(from_card, currency),
            currency,
        })?;
        self.answer_for_key(c, ch, Outcome::Done, &body, ("checkout", &description), now)
            .await
    }

    async fn book_card_refund(
        &self,
        c: &mut guichet_store::Conn,
        ch: &Charge,
        now: i64,
    ) -> AppResult<()> {
        let currency = ch.amount.currency;
        let hold = AccountRef::of_org(AccountKind::PaymentHold, ch.org, currency);
        let (credit, kind, description) = if ch.status == ChargeStatus::Succeeded {
            (
                AccountRef::provider(AccountKind::CardClearing, currency),
                "refund_to_card",
                format!("Refund to card •••• {}", ch.last4),
            )
        } else {
            // The card refused it: the amount stays on the prepaid account, and the original
            // charge can be refunded again.
            if let Some(of) = ch.refund_of {
                charges::sub_refunded(c, of, ch.amount.minor).await?;
            }
            (
                AccountRef::of_org(AccountKind::Prepaid, ch.org, currency),
                "refund_to_card_failed",
                format!("Refund to card •••• {} refused: {}", ch.last4, ch.reason),
            )
        };
        let entry = ledger::NewEntry {
            org: Some(ch.org),
            kind,
            description: &description,
            idempotency_key: None,
            now,
        };
        ledger::post(
            c,
            entry,
            &[Transfer {
                debit: hold,
                credit,
                amount: ch.amount.minor,
            }],
        )
        .await
        .map_err(crate::error::post_error)?;
        audit::record(
            c,
            Some(ch.org),
            ch.user,
            "invoice.refunded_to_card",
            &format!("{} {} •••• {}", ch.status, ch.amount, ch.last4),
            "",
            now,
        )
        .await?;
        Ok(())
    }

    /// Settles one pending charge by asking the provider (the reconciler's step, also taken when a
    /// client retries a request whose charge is still pending past the grace period, or a webhook
    /// names it). Only the first two may cancel a payment never confirmed (`may_cancel`): a webhook
    /// can come while the request that created the payment is about to confirm it.
    pub(crate) async fn reconcile_charge(
        &self,
        charge: &Charge,
        may_cancel: bool,
    ) -> AppResult<Settled> {
        if !charge.status.is_pending() {
            return Ok(Settled::Done(charge.status));
        }
        if charge.purpose == Purpose::Refund {
            if !may_cancel {
                return Ok(Settled::Open(ProviderState::Processing));
            }
            // A refund's outcome is asked again by the same request under the same idempotency key.
            let original = match charge.refund_of {
                Some(of) => {
                    let mut c = self.db.conn().await?;
                    charges::get(&mut c, of).await?
                }
                None => None,
            };
            return match original {
                Some(original) => self.run_card_refund(&charge.id, &original).await,
                None => {
                    self.settle_charge(
                        charge.id,
                        &ProviderState::Failed {
                            reason: "charge_without_reference".into(),
                        },
                    )
                    .await
                }
            };
        }
        let Some(provider_ref) = charge.provider_ref.as_deref() else {
            if !may_cancel {
                return Ok(Settled::Open(ProviderState::Unconfirmed));
            }
            // Never confirmed (the reference is recorded before confirming): nothing was charged.
            return self
                .settle_charge(charge.id, &ProviderState::Canceled)
                .await;
        };
        let state = match self.payments.state(provider_ref).await {
            Ok(ProviderState::Unconfirmed) if !may_cancel => {
                return Ok(Settled::Open(ProviderState::Unconfirmed));
            }
            Ok(ProviderState::Unconfirmed) => match self.payments.cancel(provider_ref).await {
                Ok(s) => s,
                Err(e) => {
                    tracing::warn!(charge = %charge.id, error = %e.0, "could not cancel an interrupted payment");
                    return Ok(Settled::Open(ProviderState::Unconfirmed));
                }
            },
            Ok(s) => s,
            Err(e) => {
                tracing::warn!(charge = %charge.id, error = %e.0, "payment provider did not answer");
                return Ok(Settled::Open(ProviderState::Processing));
            }
        };
        {
            let mut c = self.db.write_conn().await?;
            charges::checked(&mut c, charge.id, self.now()).await?;
        }
        self.settle_charge(charge.id, &state).await
    }

    /// Settles every charge left pending for longer than the grace period by asking the provider.
    pub async fn reconcile_payments(&self) -> AppResult<ReconcileReport> {
        let before = self.now() - self.config.reconcile_after_secs;
        let mut report = ReconcileReport::default();
        loop {
            let batch = {
                let mut c = self.db.conn().await?;
                charges::pending_before(&mut c, before, 100).await?
            };
            let n = batch.len();
            let mut progressed = false;
            for charge in batch {
                report.looked_at += 1;
                match self.reconcile_charge(&charge, true).await? {
                    Settled::Done(ChargeStatus::Succeeded) => {
                        report.succeeded += 1;
                        progressed = true;
                    }
                    Settled::Done(ChargeStatus::Declined | ChargeStatus::Failed) => {
                        report.declined += 1;
                        progressed = true;
                    }
                    Settled::Done(_) => {
                        report.released += 1;
                        progressed = true;
                    }
                    Settled::Open(_) => report.still_open += 1,
                }
            }
            // Open ones stay pending; stop when a batch settled nothing new or was the last.
            if n < 100 || !progressed {
                break;
            }
        }
        Ok(report)
    }

    /// The charge of an idempotency key whose request has not finished (a retry came while it is
    /// pending): settled now by asking the provider if it is past the grace period.
    pub(crate) async fn in_flight(&self, org: guichet_core::OrgId, key: &str) -> AppResult<Answer> {
        let charge = {
            let mut c = self.db.conn().await?;
            charges::by_key(&mut c, org, key).await?
        };
        let Some(charge) = charge else {
            return Err(AppError::Conflict("payment.in_progress"));
        };
        if charge.status.is_pending() {
            // The request that made it is still running (or just crashed): 409 while in flight,
            // as Stripe answers; past the grace period the provider is asked.
            if charge.created_at + self.config.reconcile_after_secs > self.now() {
                return Err(AppError::Conflict("payment.in_progress"));
            }
            self.reconcile_charge(&charge, true).await?;
        }
        let mut c = self.db.conn().await?;
        let replay = idempotency::answer(&mut c, org, key).await?;
        match replay {
            Some((status, response)) if status != 0 => {
                let body = serde_json::from_str(&response)
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                Ok(Answer {
                    outcome: Outcome::from_stored(status)?,
                    body,
                })
            }
            _ => pending_answer(&charge, None),
        }
    }
}

/// The answer while a charge's outcome is not known yet (202): its id, and what the customer must
/// do when the provider asks them to authenticate.
pub(crate) fn pending_answer(charge: &Charge, state: Option<&ProviderState>) -> AppResult<Answer> {
    let (status, client_secret) = match state {
        Some(ProviderState::RequiresAction { client_secret }) => (
            answers::PendingStatus::RequiresAction,
            client_secret.clone(),
        ),
        _ => (answers::PendingStatus::Processing, None),
    };
    Ok(Answer {
        outcome: Outcome::Pending,
        body: answers::body(&answers::ChargePending {
            status,
            payment_id: charge.id,
            amount: charge.amount,
            currency: charge.amount.currency,
            client_secret,
        })?,
    })
}

/// The ids of invoices, for a charge's `pays`.
pub(crate) fn pays_invoices(prefix: &str, ids: &[InvoiceId]) -> String {
    let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
    format!("{prefix}:{}", ids.join(","))
}

impl App {
    /// A card payment of the caller's Organization, settled now if the provider has the outcome
    /// (the page the customer comes back to after authenticating at their bank). Another
    /// Organization's payment is not found.
    pub async fn card_payment_outcome(
        &self,
        actor: &crate::Actor,
        id: &str,
    ) -> AppResult<ChargeStatus> {
        actor.require(guichet_core::Action::Billing)?;
        let id: CardPaymentId = crate::error::parse_id(id)?;
        let charge = {
            let mut c = self.db.conn().await?;
            charges::get(&mut c, id).await?
        };
        let charge = charge
            .filter(|c| c.org == actor.org && c.purpose != Purpose::Refund)
            .ok_or(AppError::NotFound)?;
        Ok(match self.reconcile_charge(&charge, false).await? {
            Settled::Done(status) => status,
            Settled::Open(_) => ChargeStatus::Pending,
        })
    }
}
