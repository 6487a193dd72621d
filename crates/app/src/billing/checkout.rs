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
    /// Per invoice, what it bills: its lines' stored descriptions (`core::said::render` them), the
    /// « Prestation » of the Payments page — the product's name and its period.
    pub services: std::collections::HashMap<InvoiceId, Vec<String>>,
}

/// What a selection of due items comes to (PP-03), as the Payments page shows it and a checkout
/// takes it: the total, the part from the prepaid balance, the rest by card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SelectionSplit {
    pub total: Money,
    pub from_prepaid: Money,
    pub by_card: Money,
}

impl DueItems {
    /// The split of the ticked invoices, each for the duration chosen for it (one it offers) or
    /// its own; the prepaid part is `wanted` (the whole balance by default), never more than the
    /// balance or the total.
    pub fn selection(
        &self,
        ticked: &[InvoiceId],
        months: &std::collections::BTreeMap<InvoiceId, i64>,
        wanted: Option<i64>,
    ) -> SelectionSplit {
        let currency = self.balance.currency;
        let total = self
            .invoices
            .iter()
            .filter(|i| ticked.contains(&i.id))
            .map(|i| {
                months
                    .get(&i.id)
                    .and_then(|m| self.durations.get(&i.id)?.1.iter().find(|c| c.months == *m))
                    .map_or(i.gross.minor, |c| c.gross.minor)
            })
            .fold(0i64, i64::saturating_add);
        let from_prepaid = wanted
            .unwrap_or(self.balance.minor)
            .min(total)
            .min(self.balance.minor)
            .max(0);
        SelectionSplit {
            total: Money::new(total, currency),
            from_prepaid: Money::new(from_prepaid, currency),
            by_card: Money::new(total - from_prepaid, currency),
        }
    }
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
        let ids: Vec<InvoiceId> = invoices.iter().map(|i| i.id).collect();
        let lines = if ids.is_empty() {
            std::collections::HashMap::new()
        } else {
            store::line_details_of_invoices(&mut c, &ids).await?
        };
        let durations = self.due_durations(&mut c, &org, &invoices, &lines).await?;
        let services = lines
            .into_iter()
            .map(|(id, l)| (id, l.into_iter().map(|(_, _, _, d)| d).collect()))
            .collect();
        Ok(DueItems {
            invoices,
            balance: Money::new(balance, org.currency),
            show_all,
            durations,
            services,
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
        lines: &std::collections::HashMap<InvoiceId, Vec<store::DueLine>>,
    ) -> AppResult<std::collections::BTreeMap<InvoiceId, (i64, Vec<DurationChoice>)>> {
        let mut durations = std::collections::BTreeMap::new();
        if invoices.is_empty() {
            return Ok(durations);
        }
        let ids: Vec<InvoiceId> = invoices.iter().map(|i| i.id).collect();
        // The invoices billing exactly one product period: (invoice, product, months).
        let single: Vec<(InvoiceId, ProductId, i64)> = ids
            .iter()
            .filter_map(|id| match lines.get(id).map(Vec::as_slice) {
                Some([(Some(product), Some(start), Some(end), _)]) => Some((
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
            let mut choices = self.choices_of(org, product, premium, &prices)?;
            // The duration it has is always offered (a month stays a month even when monthly
            // billing is no longer offered for new choices), at what its invoice says.
            if !choices.iter().any(|c| c.months == months)
                && let Some(inv) = invoices.iter().find(|i| i.id == invoice)
            {
                choices.push(DurationChoice {
                    months,
                    gross: inv.gross,
                });
                choices.sort_by_key(|c| c.months);
            }
            if choices.len() > 1 {
                durations.insert(invoice, (months, choices));
            }
        }
        Ok(durations)
    }

    /// PP-03: pays the selected invoices, part (or all) from the prepaid balance, the rest by card.
    /// Paid from the balance alone, it is one transaction. With a card part it is a two-phase
    /// charge (issue #13, [`crate::charges`]): the invoices are claimed and the prepaid part held in
    /// a first transaction, the card is charged with none open, and the outcome is booked in a
    /// second — a declined card gives the prepaid part back and frees the invoices.
    pub async fn checkout(&self, actor: &Actor, co: &Checkout, key: &str) -> AppResult<Answer> {
        use guichet_store::charges::{self, NewCharge, Purpose};
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
        match claim_key(&mut tx, actor.org, key, &hash, now).await {
            Ok(Some(first)) => return Ok(first),
            Ok(None) => {}
            Err(AppError::Conflict("payment.in_progress")) => {
                drop(tx);
                return self.in_flight(actor.org, key).await;
            }
            Err(e) => return Err(e),
        }
        let org = orgs::by_id(&mut tx, actor.org)
            .await?
            .ok_or(AppError::NotFound)?;
        // 1. The selection, each invoice still payable (a paid one is a 409 before any money
        //    moves), re-billed for another duration if one was chosen. It is paid in its
        //    invoices' currency, from the prepaid balance in that currency: all of one currency.
        let mut selected = Vec::new();
        let mut planned = std::collections::BTreeMap::new();
        let mut currency = None;
        for id in &ids {
            let inv = read.remove(id).ok_or(AppError::NotFound)?;
            if !inv.status.is_payable() {
                return Err(AppError::Conflict("invoice.already_paid"));
            }
            if let Some(&months) = chosen_durations.get(id)
                && let Some(gross) = self.duration_gross(&mut tx, &org, &inv, months).await?
            {
                planned.insert(inv.id, (months, gross));
            }
            if *currency.get_or_insert(inv.currency) != inv.currency {
                return Err(AppError::invalid(
                    "invoices",
                    "balances.checkout_one_currency",
                ));
            }
            selected.push(inv);
        }
        let total = selected
            .iter()
            .map(|i| planned.get(&i.id).map_or(i.gross.minor, |(_, g)| *g))
            .try_fold(0i64, i64::checked_add)
            .ok_or(AppError::invalid("invoices", "checkout.nothing_selected"))?;
        let currency = currency.unwrap_or(org.currency);
        let from_prepaid = co.from_prepaid_minor.min(total);
        let by_card = total - from_prepaid;
        let prepaid = AccountRef::of_org(AccountKind::Prepaid, actor.org, currency);
        let receivable = AccountRef::of_org(AccountKind::Receivable, actor.org, currency);
        if by_card == 0 {
            // From the balance alone, in this one transaction: re-billed at once.
            for inv in &mut selected {
                if let Some(&(months, _)) = planned.get(&inv.id) {
                    *inv = self
                        .rebill_for_duration(&mut tx, &org, inv, months, now)
                        .await?;
                }
            }
        }
        let numbers: Vec<&str> = selected.iter().map(|i| i.number.as_str()).collect();
        let description =
            guichet_core::said::encode("said.payment_of", &[("number", &numbers.join(", "))]);
        if by_card > 0 {
            // 2. A card part: the two-phase charge. The card is checked before anything is held.
            let fields = co
                .card
                .as_ref()
                .ok_or(AppError::invalid("card_number", "checkout.card_needed"))?;
            let source = crate::prepaid::card_source(self, fields, now)?;
            // Another duration is re-billed when the card is charged, at the prices of now.
            let claimed: Vec<InvoiceId> = selected.iter().map(|i| i.id).collect();
            let pays = crate::charges::pays_invoices("checkout", &claimed);
            let details = serde_json::json!({
                "durations": planned
                    .iter()
                    .map(|(id, (months, _))| (id.to_string(), *months))
                    .collect::<std::collections::BTreeMap<_, _>>()
            })
            .to_string();
            let charge = charges::insert(
                &mut tx,
                &NewCharge {
                    pays: &pays,
                    org: actor.org,
                    purpose: Purpose::Checkout,
                    amount: Money::new(by_card, currency),
                    from_prepaid,
                    idempotency_key: key,
                    provider: self.payments.name(),
                    refund_of: None,
                    last4: source.last4(),
                    user: Some(actor.user),
                    details: &details,
                    now,
                },
            )
            .await?
            .ok_or(AppError::Conflict("invoice.already_paid"))?;
            // Claimed by conditional writes: a concurrent payment of any of them (another
            // checkout, a renewal, a bank transfer) finds it taken.
            if charges::claim_invoices(&mut tx, actor.org, charge, &claimed).await?
                != claimed.len() as u64
            {
                return Err(AppError::Conflict("invoice.already_paid"));
            }
            if from_prepaid > 0 {
                let entry = ledger::NewEntry {
                    org: Some(actor.org),
                    kind: "checkout_hold",
                    description: &description,
                    idempotency_key: None,
                    now,
                };
                let hold = AccountRef::of_org(AccountKind::PaymentHold, actor.org, currency);
                ledger::post(
                    &mut tx,
                    entry,
                    &[Transfer {
                        debit: prepaid,
                        credit: hold,
                        amount: from_prepaid,
                    }],
                )
                .await
                .map_err(|e| post_refused(e, "from_prepaid", "invoice.insufficient"))?;
            }
            tx.commit().await?;
            let charge_description = crate::payments::charge_description(
                "charge.invoices",
                &[
                    ("n", &numbers.len().to_string()),
                    ("numbers", &numbers.join(", ")),
                ],
            );
            let request = crate::payments::ChargeRequest {
                charge,
                org: actor.org,
                amount: Money::new(by_card, currency),
                source: source.source(),
                idempotency_key: key,
                description: &charge_description,
            };
            let settled = self.run_charge(&request).await?;
            return self.charge_answer(actor.org, key, charge, settled).await;
        }
        // 3. From the balance alone, in this transaction: each invoice claimed by its conditional
        //    status change (in id order), then one ledger entry under the request's key.
        for inv in &selected {
            if !store::mark_invoice_paid(&mut tx, inv.id, now).await? {
                return Err(AppError::Conflict("invoice.already_paid"));
            }
        }
        let entry = ledger::NewEntry {
            org: Some(actor.org),
            kind: "checkout",
            description: &description,
            idempotency_key: Some(key),
            now,
        };
        ledger::post(
            &mut tx,
            entry,
            &[Transfer {
                debit: prepaid,
                credit: receivable,
                amount: from_prepaid,
            }],
        )
        .await
        .map_err(|e| post_refused(e, "from_prepaid", "invoice.insufficient"))?;
        for inv in &selected {
            activate_invoice_products(&mut tx, actor.org, inv.id, now).await?;
            let paid = crate::webhooks::Event::InvoicePaid(crate::webhooks::invoice_data(inv));
            crate::webhooks::emit(&mut tx, paid, now).await?;
        }
        let body = crate::answers::body(&crate::answers::CheckoutPaid {
            status: crate::answers::PaidStatus::Paid,
            invoices: numbers.iter().map(|n| (*n).to_string()).collect(),
            total: Money::new(total, currency),
            from_prepaid: Money::new(from_prepaid, currency),
            by_card: Money::new(0, currency),
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
