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
use crate::answers;
use crate::answers::{Answer, Outcome};
use crate::error::{AppError, AppResult};
use crate::payments::{ChargeRequest, ProviderState};
use guichet_core::status::ChargeStatus;
use guichet_core::{CardPaymentId, InvoiceId};
use guichet_store::charges::{self, Charge, Purpose};

mod book;
mod reconcile;
use guichet_store::{audit, idempotency};

/// Where a charge stands after a call: settled (by this call or before), or still open.
#[derive(Debug)]
pub enum Settled {
    /// Settled, with the answer its booking kept for the request's key when this call booked it
    /// (the caller replies with it without reading it back).
    Done(ChargeStatus, Option<crate::answers::Answer>),
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
                return self
                    .charge_status(req.charge)
                    .await
                    .map(|s| Settled::Done(s, None));
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
        let Some(settled) = charges::settle(&mut tx, id, to, &reason, now).await? else {
            drop(tx);
            return self.charge_status(id).await.map(|s| Settled::Done(s, None));
        };
        let answer = match settled.purpose {
            Purpose::TopUp => Some(self.book_top_up(&mut tx, &settled, now).await?),
            Purpose::Checkout => Some(self.book_checkout(&mut tx, &settled, now).await?),
            Purpose::Renewal => {
                self.book_renewal(&mut tx, &settled, now).await?;
                None
            }
            Purpose::Refund => {
                self.book_card_refund(&mut tx, &settled, now).await?;
                None
            }
        };
        tx.commit().await?;
        Ok(Settled::Done(to, answer))
    }

    /// Keeps the answer of a request's charge for its key (a retry gets it), audits it and returns it.
    async fn answer_for_key(
        &self,
        c: &mut guichet_store::Conn,
        charge: &Charge,
        outcome: Outcome,
        body: &serde_json::Value,
        (action, detail): (&str, &str),
        now: i64,
    ) -> AppResult<crate::answers::Answer> {
        idempotency::complete(
            c,
            charge.org,
            &charge.idempotency_key,
            outcome.stored(),
            &body.to_string(),
        )
        .await?;
        audit::record(c, Some(charge.org), charge.user, action, detail, "", now).await?;
        Ok(crate::answers::Answer {
            outcome,
            body: body.clone(),
        })
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
