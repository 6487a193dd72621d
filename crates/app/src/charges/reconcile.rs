//! Settling charges by asking the provider: the reconciler, a retry of a request whose charge is
//! still pending, a webhook, and the page a customer comes back to after 3-D Secure.

use super::*;

impl App {
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
            return Ok(Settled::Done(charge.status, None));
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
                    Settled::Done(ChargeStatus::Succeeded, _) => {
                        report.succeeded += 1;
                        progressed = true;
                    }
                    Settled::Done(ChargeStatus::Declined | ChargeStatus::Failed, _) => {
                        report.declined += 1;
                        progressed = true;
                    }
                    Settled::Done(..) => {
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
        match Answer::kept(&mut c, org, key).await? {
            Some(answer) => Ok(answer),
            None => pending_answer(&charge, None),
        }
    }

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
            Settled::Done(status, _) => status,
            Settled::Open(_) => ChargeStatus::Pending,
        })
    }
}
