//! The Payments page (PAY-01) and the checkout of a selection (PP-03).

use super::*;

/// PAY-01: what the Payments page shows.
pub struct DueItems {
    pub invoices: Vec<Invoice>,
    pub balance: Money,
    pub show_all: bool,
    /// Per invoice billing one product period: its period in months and the durations it can be
    /// paid for instead (FREQ-01a).
    pub durations: std::collections::BTreeMap<InvoiceId, (i64, Vec<DurationChoice>)>,
}

/// How a selection is paid (PP-03): up to `from_prepaid` from the balance, the rest by card.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
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
        let horizon = today(self.now()).add_months(2);
        let mut c = self.db.conn().await?;
        let org = orgs::by_id(&mut c, actor.org)
            .await?
            .ok_or(AppError::NotFound)?;
        let invoices = store::payable(&mut c, actor.org, (!show_all).then_some(horizon)).await?;
        let balance = ledger::prepaid_balance(&mut c, actor.org, org.currency).await?;
        let durations = self.due_durations(&mut c, &org, &invoices).await?;
        Ok(DueItems {
            invoices,
            balance: Money::new(balance, org.currency),
            show_all,
            durations,
        })
    }

    /// FREQ-01a for the Payments page: per invoice billing one product period, its months and the
    /// other durations it can be paid for. A fixed number of statements whatever the number of due
    /// items: every invoice's lines, their products, the offers' tiers and prices, each read at once.
    async fn due_durations(
        &self,
        c: &mut guichet_store::Conn,
        org: &orgs::Org,
        invoices: &[Invoice],
    ) -> AppResult<std::collections::BTreeMap<InvoiceId, (i64, Vec<DurationChoice>)>> {
        let mut durations = std::collections::BTreeMap::new();
        if invoices.is_empty() {
            return Ok(durations);
        }
        let ids: Vec<InvoiceId> = invoices.iter().map(|i| i.id).collect();
        let lines = store::lines_of_invoices(c, &ids).await?;
        // The invoices billing exactly one product period: (invoice, product, months).
        let single: Vec<(InvoiceId, ProductId, i64)> = ids
            .iter()
            .filter_map(|id| match lines.get(id).map(Vec::as_slice) {
                Some([(Some(product), Some(start), Some(end))]) => Some((
                    *id,
                    *product,
                    guichet_core::period::months_between(*start, *end),
                )),
                _ => None,
            })
            .collect();
        if single.is_empty() {
            return Ok(durations);
        }
        let product_ids: Vec<ProductId> = single.iter().map(|(_, p, _)| *p).collect();
        let products: std::collections::HashMap<ProductId, Product> =
            store::products_by_ids(c, org.id, &product_ids)
                .await?
                .into_iter()
                .map(|p| (p.id, p))
                .collect();
        let mut offers: Vec<guichet_core::OfferId> =
            products.values().map(|p| p.offer_id).collect();
        offers.sort();
        offers.dedup();
        let tiers = store::offer_tiers(c, &offers).await?;
        let prices = store::prices_in_force(c, &offers, org.currency, self.now()).await?;
        for (invoice, product, months) in single {
            let Some(product) = products.get(&product) else {
                continue;
            };
            let premium = tiers.contains_key(&product.offer_id);
            let choices = self.choices_of(org, product, premium, &prices)?;
            if choices.len() > 1 || choices.first().is_some_and(|c| c.months != months) {
                durations.insert(invoice, (months, choices));
            }
        }
        Ok(durations)
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
        let mut ids = co
            .invoices
            .iter()
            .map(|id| parse_id::<InvoiceId>(id))
            .collect::<AppResult<Vec<_>>>()?;
        let mut chosen_durations = std::collections::BTreeMap::new();
        for (id, months) in &co.durations {
            chosen_durations.insert(parse_id::<InvoiceId>(id)?, *months);
        }
        // The invoices are read once, in the transaction (an unknown one is a 404 before anything
        // else is looked at, as it always was); their status is checked after the key is taken.
        let mut tx = self.db.begin().await?;
        let mut read = std::collections::BTreeMap::new();
        for id in &ids {
            let (inv, _) = store::get_invoice(&mut tx, actor.org, *id)
                .await?
                .ok_or(AppError::NotFound)?;
            read.insert(*id, inv);
        }
        check_key(key)?;
        if co.from_prepaid_minor < 0 {
            return Err(AppError::invalid(
                "from_prepaid",
                "checkout.prepaid_negative",
            ));
        }
        let now = self.now();
        ids.sort();
        ids.dedup();
        for id in chosen_durations.keys() {
            if !ids.contains(id) {
                return Err(AppError::invalid(
                    "durations",
                    "checkout.duration_unselected",
                ));
            }
        }
        let durations: Vec<String> = chosen_durations
            .iter()
            .map(|(id, m)| format!("{id}={m}"))
            .collect();
        let hash = crate::crypto::sha256_hex(&format!(
            "checkout|{}|{}|{}",
            ids.iter()
                .map(std::string::ToString::to_string)
                .collect::<Vec<_>>()
                .join(","),
            co.from_prepaid_minor,
            durations.join(",")
        ));
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
            let inv = read.remove(id).ok_or(AppError::NotFound)?;
            if !inv.status.is_payable() {
                return Err(AppError::Conflict("invoice.already_paid"));
            }
            let inv = match chosen_durations.get(id) {
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
            if !store::mark_invoice_paid(&mut tx, inv.id, now).await? {
                return Err(AppError::Conflict("invoice.already_paid"));
            }
            selected.push(inv);
        }
        let total = selected
            .iter()
            .try_fold(0i64, |sum, i| sum.checked_add(i.gross.minor))
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
        ledger::post(&mut tx, entry, &transfers)
            .await
            .map_err(|e| post_refused(e, "from_prepaid", "invoice.insufficient"))?;
        // 3. The card, last: its charge is claimed under what it pays before the provider is called.
        if by_card > 0 {
            let fields = co
                .card
                .as_ref()
                .ok_or(AppError::invalid("card_number", "checkout.card_needed"))?;
            let card = crate::prepaid::parse_card(fields, now)?;
            let pays = format!(
                "checkout:{}",
                selected
                    .iter()
                    .map(|i| i.id.to_string())
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
                        outcome: Outcome::Declined,
                        body: crate::answers::body(&crate::answers::CheckoutDeclined {
                            status: crate::answers::ChargeStatus::of(&outcome),
                            reason,
                            balance_untouched: true,
                        })?,
                    });
                }
            };
            let payment = guichet_store::card_payments::CardPayment {
                org: actor.org,
                provider: self.payments.name(),
                provider_ref: Some(&provider_ref),
                amount: Money::new(by_card, currency),
                last4: card.last4(),
                outcome: "succeeded",
                purpose: "checkout",
                now,
            };
            guichet_store::card_payments::record(&mut tx, &payment).await?;
        }
        for inv in &selected {
            activate_invoice_products(&mut tx, actor.org, inv.id, now).await?;
        }
        let body = crate::answers::body(&crate::answers::CheckoutPaid {
            status: crate::answers::PaidStatus::Paid,
            invoices: numbers.iter().map(|n| (*n).to_string()).collect(),
            total: Money::new(total, currency),
            from_prepaid: Money::new(from_prepaid, currency),
            by_card: Money::new(by_card, currency),
            currency,
        })?;
        actor.audit(&mut tx, "checkout", &description, now).await?;
        let answer = Answer {
            outcome: Outcome::Done,
            body,
        };
        keep_answer(tx, actor.org, key, answer).await
    }
}
