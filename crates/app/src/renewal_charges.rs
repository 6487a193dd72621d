//! The charge of an automatic renewal (AR-01) at one slot of its schedule: from the prepaid balance
//! in one transaction when the Organization chose it and it covers the invoice, otherwise the saved
//! card in two phases (issue #13, [`crate::charges`]): the slot and the invoice claimed and the
//! charge recorded, the card charged with no transaction open, the outcome booked by
//! [`App::book_renewal`] — by this run, a webhook or the reconciler, whichever learns it first.

use crate::App;
use crate::billing::{activate_invoice_products, add_days};
use crate::charges::Settled;
use crate::error::{AppError, AppResult};
use crate::payments::{ChargeRequest, Source};
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_core::period::Date;
use guichet_core::renewal::ChargeSchedule;
use guichet_core::status::ChargeStatus;
use guichet_core::{InvoiceId, Money};
use guichet_store::billing::{self as store, Invoice, Product};
use guichet_store::charges::{self, Charge, NewCharge, Purpose};
use guichet_store::renewals as rstore;
use guichet_store::{audit, ledger, memberships};

pub(crate) enum Attempt {
    Prepaid,
    Card,
    Failed,
    /// The card's outcome is not known yet.
    Pending,
    AlreadyMade,
}

impl App {
    pub(crate) async fn attempt(
        &self,
        p: &Product,
        invoice_id: InvoiceId,
        slot: i64,
        schedule: &ChargeSchedule,
        expires: Date,
        at: i64,
    ) -> AppResult<Attempt> {
        let mut tx = self.db.begin().await?;
        // Claim the slot first: a concurrent run waits on this row and then finds it taken.
        if !rstore::record_attempt(&mut tx, invoice_id, slot, "failed", "", at).await? {
            return Ok(Attempt::AlreadyMade);
        }
        let Some((inv, _)) = store::get_invoice(&mut tx, p.org_id, invoice_id).await? else {
            return Ok(Attempt::AlreadyMade);
        };
        if !inv.status.is_payable() {
            return Ok(Attempt::AlreadyMade);
        }
        let org = p.org_id;
        let key = format!("renewal:{invoice_id}:{slot}");
        let balance = ledger::prepaid_balance(&mut tx, org, inv.currency).await?;
        if rstore::renew_from_prepaid(&mut tx, org).await? && balance >= inv.gross.minor {
            // From the balance, in this transaction: the conditional status change claims it.
            if !store::mark_invoice_paid(&mut tx, invoice_id, at).await? {
                return Ok(Attempt::AlreadyMade);
            }
            rstore::set_attempt_outcome(&mut tx, invoice_id, slot, "paid_prepaid", "").await?;
            let entry = ledger::NewEntry {
                org: Some(org),
                kind: "renewal_charged",
                description: &guichet_core::said::encode(
                    "said.invoice",
                    &[("number", &inv.number)],
                ),
                idempotency_key: Some(&key),
                now: at,
            };
            ledger::post(
                &mut tx,
                entry,
                &[Transfer {
                    debit: AccountRef::of_org(AccountKind::Prepaid, org, inv.currency),
                    credit: AccountRef::of_org(AccountKind::Receivable, org, inv.currency),
                    amount: inv.gross.minor,
                }],
            )
            .await
            .map_err(crate::error::post_error)?;
            activate_invoice_products(&mut tx, org, invoice_id, at).await?;
            crate::webhooks::invoice_paid(&mut tx, org, invoice_id, at).await?;
            renewal_audit(&mut tx, org, &inv, slot, "paid_prepaid", "", at).await?;
            tx.commit().await?;
            return Ok(Attempt::Prepaid);
        }
        let Some(card) = rstore::saved_card(&mut tx, org).await? else {
            rstore::set_attempt_outcome(&mut tx, invoice_id, slot, "no_method", "no_saved_card")
                .await?;
            self.mail_renewal_failed(
                &mut tx,
                p,
                &inv,
                slot,
                schedule,
                expires,
                "no_saved_card",
                at,
            )
            .await?;
            renewal_audit(&mut tx, org, &inv, slot, "no_method", "no_saved_card", at).await?;
            tx.commit().await?;
            return Ok(Attempt::Failed);
        };
        // Phase 1: the charge recorded and the invoice claimed (no checkout or bank payment
        // settles it meanwhile), committed before the provider is called.
        let pays = format!("renewal:{invoice_id}:{slot}");
        let Some(charge) = charges::insert(
            &mut tx,
            &NewCharge {
                pays: &pays,
                org,
                purpose: Purpose::Renewal,
                amount: inv.gross,
                from_prepaid: 0,
                idempotency_key: &key,
                provider: self.payments.name(),
                refund_of: None,
                last4: &card.last4,
                user: None,
                details: "{}",
                now: at,
            },
        )
        .await?
        else {
            return Ok(Attempt::AlreadyMade);
        };
        if charges::claim_invoices(&mut tx, org, charge, &[invoice_id]).await? != 1 {
            return Ok(Attempt::AlreadyMade);
        }
        tx.commit().await?;
        let description = crate::payments::charge_description(
            "charge.renewal",
            &[("number", &inv.number), ("product", &p.name)],
        );
        let request = ChargeRequest {
            charge,
            org,
            amount: Money::new(inv.gross.minor, inv.currency),
            source: Source::Saved(&card.token),
            idempotency_key: &key,
            description: &description,
        };
        Ok(match self.run_charge(&request).await? {
            Settled::Done(ChargeStatus::Succeeded, _) => Attempt::Card,
            Settled::Done(..) => Attempt::Failed,
            Settled::Open(_) => Attempt::Pending,
        })
    }

    /// Phase 3 of a renewal's card charge: the invoice paid and its products renewed, or the
    /// invoice freed and the billing contacts told.
    pub(crate) async fn book_renewal(
        &self,
        c: &mut guichet_store::Conn,
        ch: &Charge,
        now: i64,
    ) -> AppResult<()> {
        let (invoice_id, slot) = renewal_of(&ch.pays)
            .ok_or_else(|| AppError::Internal(format!("renewal charge pays {:?}", ch.pays)))?;
        let (inv, _) = store::get_invoice(c, ch.org, invoice_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let currency = inv.currency;
        if ch.status != ChargeStatus::Succeeded {
            charges::release_invoices(c, ch.id).await?;
            let outcome = if ch.status == ChargeStatus::Declined {
                "declined"
            } else {
                "failed"
            };
            rstore::set_attempt_outcome(c, invoice_id, slot, outcome, &ch.reason).await?;
            if let Some(p) = self.product_of_invoice(c, &inv).await? {
                let schedule = self.schedule();
                if let Some(expires) = expiry_of(&p) {
                    self.mail_renewal_failed(
                        c, &p, &inv, slot, &schedule, expires, &ch.reason, now,
                    )
                    .await?;
                }
            }
            return renewal_audit(c, ch.org, &inv, slot, outcome, &ch.reason, now).await;
        }
        let paid = charges::mark_claimed_paid(c, ch.id, &[invoice_id], now).await? == 1;
        // Cancelled meanwhile: the money goes to the prepaid account rather than the invoice.
        let credit = if paid {
            AccountRef::of_org(AccountKind::Receivable, ch.org, currency)
        } else {
            AccountRef::of_org(AccountKind::Prepaid, ch.org, currency)
        };
        let entry = ledger::NewEntry {
            org: Some(ch.org),
            kind: "renewal_charged",
            description: &guichet_core::said::encode("said.invoice", &[("number", &inv.number)]),
            idempotency_key: Some(&ch.idempotency_key),
            now,
        };
        ledger::post(
            c,
            entry,
            &[Transfer {
                debit: AccountRef::provider(AccountKind::CardClearing, currency),
                credit,
                amount: ch.amount.minor,
            }],
        )
        .await
        .map_err(crate::error::post_error)?;
        if paid {
            activate_invoice_products(c, ch.org, invoice_id, now).await?;
            crate::webhooks::invoice_paid(c, ch.org, invoice_id, now).await?;
        }
        crate::webhooks::card_payment(c, ch.org, ch.amount, paid.then_some(invoice_id), !paid, now)
            .await?;
        rstore::set_attempt_outcome(c, invoice_id, slot, "paid_card", "").await?;
        renewal_audit(c, ch.org, &inv, slot, "paid_card", "", now).await
    }

    async fn product_of_invoice(
        &self,
        c: &mut guichet_store::Conn,
        inv: &Invoice,
    ) -> AppResult<Option<Product>> {
        let lines = store::lines_of_invoices(c, &[inv.id]).await?;
        let Some(product) = lines
            .get(&inv.id)
            .and_then(|l| l.iter().find_map(|(p, _, _)| *p))
        else {
            return Ok(None);
        };
        Ok(store::products_by_ids(c, inv.org_id, &[product])
            .await?
            .into_iter()
            .next())
    }

    /// Tells the billing contacts that a renewal charge failed, and when the next attempt is (or
    /// that it was the last).
    #[allow(clippy::too_many_arguments)]
    async fn mail_renewal_failed(
        &self,
        c: &mut guichet_store::Conn,
        p: &Product,
        inv: &Invoice,
        slot: i64,
        schedule: &ChargeSchedule,
        expires: Date,
        reason: &str,
        at: i64,
    ) -> AppResult<()> {
        let next = schedule
            .slots()
            .iter()
            .find(|s| **s < slot)
            .map(|s| add_days(expires, -s).iso())
            .unwrap_or_default();
        for (email, lang, code) in memberships::billing_recipients(c, p.org_id).await? {
            let lang = guichet_core::Lang::parse(&lang).unwrap_or_default();
            let mail = crate::mail::Mail::RenewalFailed {
                product: &p.name,
                invoice: &inv.number,
                reason,
                next: &next,
                support_code: &code,
            };
            crate::mail::enqueue(c, self, &email, lang, mail, at).await?;
        }
        Ok(())
    }
}

pub(crate) fn expiry_of(p: &Product) -> Option<Date> {
    p.expires_on
}

/// The invoice and slot a renewal charge pays (`renewal:<invoice>:<slot>`).
fn renewal_of(pays: &str) -> Option<(InvoiceId, i64)> {
    let rest = pays.strip_prefix("renewal:")?;
    let (invoice, slot) = rest.rsplit_once(':')?;
    Some((invoice.parse().ok()?, slot.parse().ok()?))
}

async fn renewal_audit(
    c: &mut guichet_store::Conn,
    org: guichet_core::OrgId,
    inv: &Invoice,
    slot: i64,
    outcome: &str,
    reason: &str,
    at: i64,
) -> AppResult<()> {
    audit::record(
        c,
        Some(org),
        None,
        "renewal.attempt",
        &format!("{} D-{slot}: {outcome} {reason}", inv.number),
        "",
        at,
    )
    .await?;
    Ok(())
}
