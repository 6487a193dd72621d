//! Phase 3's bookings, one per purpose: what a settled charge moves in the ledger and which answer
//! its idempotency key keeps.

use super::*;
use crate::answers::ChargeStatus as AnswerStatus;
use guichet_core::Money;
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_store::ledger;

impl App {
    pub(super) async fn book_top_up(
        &self,
        c: &mut guichet_store::Conn,
        ch: &Charge,
        now: i64,
    ) -> AppResult<crate::answers::Answer> {
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
        let description = guichet_core::said::encode("said.top_up_card", &[("last4", &ch.last4)]);
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
        crate::webhooks::card_payment(c, ch.org, ch.amount, None, true, now).await?;
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

    pub(super) async fn book_checkout(
        &self,
        c: &mut guichet_store::Conn,
        ch: &Charge,
        now: i64,
    ) -> AppResult<crate::answers::Answer> {
        let currency = ch.amount.currency;
        let prepaid = AccountRef::of_org(AccountKind::Prepaid, ch.org, currency);
        let hold = AccountRef::of_org(AccountKind::PaymentHold, ch.org, currency);
        let receivable = AccountRef::of_org(AccountKind::Receivable, ch.org, currency);
        let card = AccountRef::provider(AccountKind::CardClearing, currency);
        let claimed = charges::invoices_of(c, ch.id).await?;
        let numbers: Vec<String> = claimed.iter().map(|i| i.number.clone()).collect();
        if ch.status != ChargeStatus::Succeeded {
            // The prepaid part goes back, the invoices are free again.
            if ch.from_prepaid.minor > 0 {
                let entry = ledger::NewEntry {
                    org: Some(ch.org),
                    kind: "checkout_released",
                    description: &guichet_core::said::encode(
                        "said.payment_not_made",
                        &[("number", &numbers.join(", "))],
                    ),
                    idempotency_key: None,
                    now,
                };
                ledger::post(
                    c,
                    entry,
                    &[Transfer {
                        debit: hold,
                        credit: prepaid,
                        amount: ch.from_prepaid.minor,
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
        // Paid: each claimed invoice still open is paid by this charge — re-billed first for the
        // duration chosen (FREQ-01a, at the prices of the checkout) — as far as the money goes; one
        // cancelled meanwhile is not, and its share goes to the prepaid account.
        let durations = durations_of(&ch.details);
        let org = guichet_store::orgs::by_id(c, ch.org)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut left = ch.from_prepaid.minor + ch.amount.minor;
        let mut paid: Vec<charges::ClaimedInvoice> = Vec::new();
        for inv in claimed.into_iter().filter(|i| i.open) {
            let inv = match durations.get(&inv.id.to_string()) {
                Some(&months) => {
                    let Some((full, _)) =
                        guichet_store::billing::get_invoice(c, ch.org, inv.id).await?
                    else {
                        continue;
                    };
                    let new = self
                        .rebill_for_duration(c, &org, &full, months, ch.created_at)
                        .await?;
                    charges::claim_invoices(c, ch.org, ch.id, &[new.id]).await?;
                    charges::ClaimedInvoice {
                        id: new.id,
                        number: new.number.clone(),
                        gross: new.gross,
                        open: true,
                    }
                }
                None => inv,
            };
            if inv.gross.minor <= left
                && charges::mark_claimed_paid(c, ch.id, &[inv.id], now).await? == 1
            {
                left -= inv.gross.minor;
                paid.push(inv);
            }
        }
        charges::release_invoices(c, ch.id).await?;
        let paid_total: i64 = paid.iter().map(|i| i.gross.minor).sum();
        let from_hold = ch.from_prepaid.minor.min(paid_total);
        let from_card = paid_total - from_hold;
        let mut transfers = Vec::new();
        for (debit, credit, amount) in [
            (hold, receivable, from_hold),
            (card, receivable, from_card),
            (hold, prepaid, ch.from_prepaid.minor - from_hold),
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
        let description =
            guichet_core::said::encode("said.payment_of", &[("number", &paid_numbers.join(", "))]);
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
            crate::webhooks::invoice_paid(c, ch.org, inv.id, now).await?;
        }
        // Outgoing webhooks: the card's money received (naming the invoice when it paid one), and
        // what of it went to the prepaid balance (an invoice cancelled meanwhile).
        let single = (paid.len() == 1).then(|| paid[0].id);
        crate::webhooks::card_payment(c, ch.org, ch.amount, single, false, now).await?;
        let to_prepaid = ch.amount.minor - from_card;
        if to_prepaid > 0 {
            let credited = crate::webhooks::Event::PrepaidCredited(crate::webhooks::PrepaidData {
                org_id: ch.org,
                amount: Money::new(to_prepaid, currency),
                method: crate::webhooks::PaymentMethod::Card,
            });
            crate::webhooks::emit(c, credited, now).await?;
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

    pub(super) async fn book_card_refund(
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
                guichet_core::said::encode("said.refund_to_card", &[("last4", &ch.last4)]),
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
                guichet_core::said::encode(
                    "said.refund_to_card_refused",
                    &[("last4", &ch.last4), ("reason", &ch.reason)],
                ),
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
}

/// A checkout charge's other durations (FREQ-01a), by invoice id.
fn durations_of(details: &str) -> std::collections::BTreeMap<String, i64> {
    serde_json::from_str::<serde_json::Value>(details)
        .ok()
        .and_then(|v| v.get("durations").cloned())
        .and_then(|d| serde_json::from_value(d).ok())
        .unwrap_or_default()
}
