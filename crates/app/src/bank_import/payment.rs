//! One payment of a camt file placed (REM-02…04, PP-04/05): in the caller's transaction, with the
//! batch's look-ups (bank keys seen, invoices by reference, payers' IBANs) kept up to date. The
//! payment's bank-transaction row and its credit in the ledger are kept with the batch and written
//! when the batch ends ([`App::flush_batch`]): a few multi-row statements for 500 payments instead
//! of four round trips each.

use super::*;

/// What a batch of a file knows while its payments are placed.
pub(super) struct Batch<'a> {
    pub file_name: &'a str,
    /// The file's message id (part of a bank key when the bank gives no reference).
    pub message_id: Option<&'a str>,
    pub now: i64,
    /// Each invoice paid by its own compare-and-set as the payment is placed (the batch is being
    /// redone after a concurrent payment), rather than all of them by one at the end.
    pub careful: bool,
    /// The invoices this batch pays, marked paid at its end ([`App::flush_batch`]).
    pub to_mark: Vec<guichet_core::InvoiceId>,
    /// Bank keys imported before or earlier in this batch.
    pub seen: std::collections::HashSet<String>,
    /// The batch's invoices by payment reference, as this batch leaves them.
    pub invoices: std::collections::HashMap<String, guichet_store::billing::Invoice>,
    /// The product lines of the batch's invoices (read in one query; taken when one is paid).
    pub lines: std::collections::HashMap<
        guichet_core::InvoiceId,
        Vec<guichet_store::billing::ProductLine>,
    >,
    /// Rows placed and not yet written, in file order, each with the credit it books.
    pub pending: Vec<Pending>,
    /// The webhook events of the batch's payments, written with it ([`App::flush_batch`]).
    pub events: Vec<crate::webhooks::Event>,
    /// Payers' IBANs → the Organization they paid for, from this batch's rows (REM-04 within a
    /// file: the database does not hold those rows yet).
    pub payers: std::collections::HashMap<String, OrgId>,
}

impl Batch<'_> {
    /// Keeps `row` for the end of the batch, with the ledger credit it books (under the row's bank
    /// key as idempotency key), if any.
    fn defer(&mut self, row: &NewTransaction<'_>, credit: Option<Credit>) {
        if let (Some(org), Some(iban)) = (row.org, row.debtor_iban) {
            self.payers.insert(iban.to_string(), org);
        }
        self.pending.push(Pending {
            row: row.into(),
            credit,
        });
    }
}

/// A bank-transaction row kept until its batch is written.
pub(super) struct Pending {
    row: store::OwnedTransaction,
    credit: Option<Credit>,
}

/// The ledger entry that credits a pending row (bank clearing → the account it pays).
pub(super) struct Credit {
    org: OrgId,
    kind: &'static str,
    description: String,
    transfer: Transfer,
}

impl Credit {
    /// Bank clearing → the Organization's prepaid balance in `currency`.
    fn prepaid(org: OrgId, currency: Currency, amount: i64, description: String) -> Credit {
        Credit {
            org,
            kind: "bank_transfer",
            description,
            transfer: Transfer {
                debit: AccountRef::provider(AccountKind::BankClearing, currency),
                credit: AccountRef::of_org(AccountKind::Prepaid, org, currency),
                amount,
            },
        }
    }
}

/// A bank payment's webhook events: `payment.received`, then `invoice.paid` for the invoice it
/// paid, or `prepaid.credited` when it went to the prepaid balance.
fn bank_events(
    org: OrgId,
    amount: Money,
    paid: Option<&guichet_store::billing::Invoice>,
) -> Vec<crate::webhooks::Event> {
    use crate::webhooks::{Event, PaymentData, PaymentMethod, PrepaidData, invoice_data};
    let received = Event::PaymentReceived(PaymentData {
        org_id: org,
        amount,
        method: PaymentMethod::BankTransfer,
        invoice_id: paid.map(|i| i.id),
    });
    let then = match paid {
        Some(i) => Event::InvoicePaid(invoice_data(i)),
        None => Event::PrepaidCredited(PrepaidData {
            org_id: org,
            amount,
            method: PaymentMethod::BankTransfer,
        }),
    };
    vec![received, then]
}

impl App {
    /// Writes what the batch placed: the invoices it pays marked paid (false, nothing written, if
    /// one was no longer open), the ledger credits in one [`ledger::post_many`], then the rows
    /// (with the entry that credited each) in multi-row INSERTs. A credit whose bank key its
    /// Organization booked already (another instance importing the same file at the same moment)
    /// fails the batch, which the caller's transaction then rolls back whole.
    pub(super) async fn flush_batch(tx: &mut Conn, batch: &mut Batch<'_>) -> AppResult<bool> {
        // Every invoice the batch pays must still have been open: one of them paid meanwhile
        // means the batch's decisions were made on a stale status (false: the caller redoes it).
        let to_mark = std::mem::take(&mut batch.to_mark);
        if !to_mark.is_empty()
            && guichet_store::billing::mark_invoices_paid(&mut *tx, &to_mark, batch.now).await?
                != to_mark.len() as u64
        {
            return Ok(false);
        }
        let pending = std::mem::take(&mut batch.pending);
        let entries: Vec<(ledger::NewEntry<'_>, Vec<Transfer>)> = pending
            .iter()
            .filter_map(|p| {
                p.credit.as_ref().map(|c| {
                    let entry = ledger::NewEntry {
                        org: Some(c.org),
                        kind: c.kind,
                        description: &c.description,
                        idempotency_key: Some(&p.row.bank_key),
                        now: batch.now,
                    };
                    (entry, vec![c.transfer])
                })
            })
            .collect();
        let booked = ledger::post_many(&mut *tx, &entries)
            .await
            .map_err(crate::error::post_error)?;
        drop(entries);
        let mut booked = booked.into_iter();
        let mut rows = Vec::with_capacity(pending.len());
        for p in pending {
            let mut row = p.row;
            if p.credit.is_some() {
                match booked.next() {
                    Some(ledger::Booked::New(id)) => row.credited_entry = Some(id),
                    // This bank payment was credited to this Organization already: never twice.
                    Some(ledger::Booked::Duplicate(_)) => {
                        return Err(AppError::Conflict("bank.already_placed"));
                    }
                    None => return Err(AppError::Internal("a credit was not booked".into())),
                }
            }
            rows.push(row);
        }
        store::insert_many(&mut *tx, &rows).await?;
        let events = std::mem::take(&mut batch.events);
        crate::webhooks::emit_all(&mut *tx, events, batch.now).await?;
        Ok(true)
    }

    /// Places payment `i` (detail `d`) of `entry`.
    pub(super) async fn book_payment(
        &self,
        tx: &mut Conn,
        batch: &mut Batch<'_>,
        entry: &camt::Entry,
        i: usize,
        d: Option<&camt::TxDetail>,
        report: &mut ImportReport,
    ) -> AppResult<()> {
        let (file_name, message_id, now) = (batch.file_name, batch.message_id, batch.now);
        let amount = d
            .and_then(|d| d.amount.clone())
            .unwrap_or_else(|| entry.amount.clone());
        let direction = d.and_then(|d| d.credit_debit).unwrap_or(entry.credit_debit);
        let Some(bank_key) = bank_key_of(message_id, entry, i, d) else {
            return Err(AppError::Unreadable(format!(
                "{file_name}: entry {} has no bank reference",
                entry.index
            )));
        };
        report.payments += 1;
        // Imported before, or earlier in this very file.
        if !batch.seen.insert(bank_key.clone()) {
            report.duplicates += 1;
            return Ok(());
        }
        let reference = reference_of(d);
        let debtor_name = d.and_then(|d| d.debtor_name.clone());
        let debtor_iban = d
            .and_then(|d| d.debtor_iban.clone())
            .map(|i| i.replace(' ', ""));
        let message = bank_details::unstructured(d);
        let additional = bank_details::additional_remittance(d);
        let ultimate_debtor = bank_details::ultimate_debtor(d);
        let charges = bank_details::charges_of(entry, i, d, &amount.currency);
        let currency = Currency::parse(&amount.currency);
        // Charges the bank debited besides a booked payment are bank fees, booked
        // with the payment's row (its bank key is unique: once, whatever comes next).
        let fee_entry = match (&charges, currency) {
            (Some(ch), Some(cur)) if ch.debited.minor > 0 && entry.is_booked() => Some(
                bank_details::book_fees(&mut *tx, cur, ch.debited.minor, &bank_key, now).await?,
            ),
            _ => None,
        };
        // No structured reference: the invoice the payer named in the message, if any.
        let named_in_text = if reference.is_none() && direction == CreditDebit::Credit {
            let text = [message.as_deref(), additional.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            bank_details::invoice_named_in(&mut *tx, &text).await?
        } else {
            bank_details::Named::Nothing
        };
        let text_note = match &named_in_text {
            bank_details::Named::Nothing => None,
            bank_details::Named::One(inv) => Some(format!(
                "the message names invoice {}, but not its amount, currency or open status: for an operator",
                inv.number
            )),
            bank_details::Named::Several(numbers) => Some(format!(
                "the message names several invoices ({}): for an operator",
                numbers.join(", ")
            )),
        };
        let booked = guichet_core::money::BankAmount {
            minor: amount.minor,
            currency: amount.currency.clone(),
        };
        let mut new = NewTransaction {
            bank_key: &bank_key,
            file_name,
            direction: if direction == CreditDebit::Credit {
                "credit"
            } else {
                "debit"
            },
            amount: &booked,
            booking_date: entry.booking_date,
            reference: reference.as_deref(),
            debtor_name: debtor_name.as_deref(),
            debtor_iban: debtor_iban.as_deref(),
            message: message.as_deref(),
            status: Status::Ignored,
            org: None,
            request: None,
            note: None,
            details_ref: None,
            credited_entry: None,
            additional_remittance: additional.as_deref(),
            ultimate_debtor: ultimate_debtor.as_deref(),
            charges: charges.as_ref(),
            fee_entry,
            now,
        };
        // An amount no entry can carry: recorded with its reason, the rest goes on.
        if amount.minor == 0 || amount.minor > MAX_AMOUNT_MINOR {
            new.status = Status::SetAside;
            new.note = Some(if amount.minor == 0 {
                "set aside: amount 0.00"
            } else {
                "set aside: amount over the maximum of 1 000 000 000.00"
            });
            batch.defer(&new, None);
            report.set_aside += 1;
            return Ok(());
        }
        // A collective credit whose details are in a camt.054: the details are booked,
        // the collective entry never (whichever file comes first).
        if d.is_none()
            && direction == CreditDebit::Credit
            && let Some(msg) = entry.details_message_id.as_deref()
        {
            new.details_ref = Some(msg);
            if store::detail_message_imported(&mut *tx, msg).await? {
                new.status = Status::ReplacedByDetails;
                new.note = Some("replaced by the details of its camt.054");
            } else {
                new.status = Status::AwaitingDetails;
                new.note = Some("collective credit: booked from its camt.054 details");
            }
            batch.defer(&new, None);
            report.collective += 1;
            return Ok(());
        }
        // PP-04: the debit of one of our payouts completes it.
        let end_to_end = d.and_then(|d| d.end_to_end_id.clone());
        if direction == CreditDebit::Debit
            && entry.is_booked()
            && !entry.reversal
            && let Some(e2e) = &end_to_end
            && let Some(w) =
                crate::payouts::complete_payout(&mut *tx, e2e, amount.minor, now).await?
        {
            new.status = Status::Payout;
            new.note = Some("payout completed");
            batch.defer(&new, None);
            report.payouts += 1;
            report.completed_payouts.push(CompletedPayout {
                amount: w.amount,
                withdrawal_id: w.id,
                org_name: w.org_name,
                holder: w.holder,
            });
            return Ok(());
        }
        if direction != CreditDebit::Credit
            || !entry.is_booked()
            || entry.reversal
            || amount.minor <= 0
        {
            new.note = Some(if entry.is_booked() {
                "money out or reversal: not credited"
            } else {
                "not booked yet"
            });
            batch.defer(&new, None);
            report.ignored += 1;
            return Ok(());
        }
        let Some(currency) = currency else {
            new.status = Status::Exception;
            new.note = Some("currency is neither CHF nor EUR");
            batch.defer(&new, None);
            report.exceptions += 1;
            return Ok(());
        };
        // REM-02: an invoice's reference with the exact amount and currency pays it.
        let mut by_text = false;
        let mut named = reference
            .as_ref()
            .and_then(|r| batch.invoices.get(r).cloned());
        // No structured reference: an invoice the payer named in the message pays it
        // only when that is exact and unambiguous; otherwise the operator decides.
        if reference.is_none() {
            match named_in_text {
                bank_details::Named::Nothing => {}
                bank_details::Named::One(inv) => {
                    let paid_here = batch
                        .invoices
                        .get(&inv.payment_reference)
                        .is_some_and(|i| !i.status.is_payable());
                    let exact = !paid_here
                        && invoice_payment(
                            inv.gross,
                            inv.status,
                            Money::new(amount.minor, currency),
                        ) == InvoicePayment::Pays;
                    if !exact {
                        new.status = Status::Exception;
                        new.note = text_note.as_deref();
                        batch.defer(&new, None);
                        report.exceptions += 1;
                        return Ok(());
                    }
                    by_text = true;
                    batch
                        .invoices
                        .insert(inv.payment_reference.clone(), (*inv).clone());
                    named = Some(*inv);
                }
                bank_details::Named::Several(_) => {
                    new.status = Status::Exception;
                    new.note = text_note.as_deref();
                    batch.defer(&new, None);
                    report.exceptions += 1;
                    return Ok(());
                }
            }
        }
        if let Some(inv) = named {
            let r = &inv.payment_reference.clone();
            let open = inv.status.is_payable();
            let rule = invoice_payment(inv.gross, inv.status, Money::new(amount.minor, currency));
            let exact = rule == InvoicePayment::Pays;
            new.org = Some(inv.org_id);
            new.status = Status::Credited;
            // Compare-and-set: only a payment that finds the invoice still open pays it.
            let pays = exact
                && if batch.careful {
                    guichet_store::billing::mark_invoice_paid(&mut *tx, inv.id, now).await?
                } else {
                    batch.to_mark.push(inv.id);
                    true
                };
            if pays {
                new.note = Some(if by_text {
                    "invoice paid (named in the payer's message)"
                } else {
                    "invoice paid"
                });
                let credit = Credit {
                    org: inv.org_id,
                    kind: "invoice_paid",
                    description: guichet_core::said::encode(
                        "said.invoice_paid_by_transfer",
                        &[("number", &inv.number)],
                    ),
                    transfer: Transfer {
                        debit: AccountRef::provider(AccountKind::BankClearing, currency),
                        credit: AccountRef::of_org(AccountKind::Receivable, inv.org_id, currency),
                        amount: amount.minor,
                    },
                };
                batch.defer(&new, Some(credit));
                let paid = Money::new(amount.minor, currency);
                batch
                    .events
                    .extend(bank_events(inv.org_id, paid, Some(&inv)));
                // A second payment of it in the same file finds it paid.
                if let Some(i) = batch.invoices.get_mut(r) {
                    i.status = guichet_core::status::InvoiceStatus::Paid;
                }
                match batch.lines.remove(&inv.id) {
                    Some(lines) => {
                        crate::billing::activate_products_into(
                            &mut *tx,
                            inv.org_id,
                            &lines,
                            now,
                            &mut batch.events,
                        )
                        .await?;
                    }
                    // Read with the batch: it has no product line. Named in a message only: read now.
                    None if batch.invoices.contains_key(r) && !by_text => {}
                    None => {
                        crate::billing::activate_invoice_products(
                            &mut *tx, inv.org_id, inv.id, now,
                        )
                        .await?;
                    }
                }
            } else {
                // REM-03: less, more, another currency, or already paid: the money goes to the
                // prepaid balance in the currency received (one per currency, shown on the
                // prepaid page), the invoice stays as it is, and the customer is told why.
                // Another currency never pays an invoice, whatever the figure.
                new.note = Some(match rule {
                    InvoicePayment::Credits(Mismatch::OtherCurrency) => {
                        "invoice in another currency: credited to the prepaid balance in the currency received"
                    }
                    _ => {
                        "invoice reference, amount differs or invoice settled: credited to the prepaid account"
                    }
                });
                let description = guichet_core::said::encode(
                    "said.transfer_for_invoice",
                    &[("number", &inv.number)],
                );
                let credit = Credit::prepaid(inv.org_id, currency, amount.minor, description);
                batch.defer(&new, Some(credit));
                let paid = Money::new(amount.minor, currency);
                batch.events.extend(bank_events(inv.org_id, paid, None));
                self.tell_payment_mismatch(&mut *tx, &inv, open, currency, amount.minor, now)
                    .await?;
            }
            report.credited += 1;
            return Ok(());
        }
        // Our reference of a payment request → its Organization.
        let (request, request_by_text) = match &reference {
            Some(r) => (payment_requests::by_reference(&mut *tx, r).await?, false),
            // Our request's reference typed into the message: the only one it names.
            None => {
                let text = [message.as_deref(), additional.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                (bank_details::request_named_in(&mut *tx, &text).await?, true)
            }
        };
        let request_id = request.as_ref().map(|r| r.id.to_string());
        let (org, note) = match &request {
            Some(r) if request_by_text => (
                Some(r.org_id),
                "matched by the reference in the payer's message",
            ),
            Some(r) => (Some(r.org_id), "matched by reference"),
            None => match &debtor_iban {
                // REM-04: a payer already known by IBAN.
                Some(iban) => (
                    match batch.payers.get(iban) {
                        Some(org) => Some(*org),
                        None => store::org_of_payer(&mut *tx, iban).await?,
                    },
                    "matched by the payer's IBAN",
                ),
                None => (None, ""),
            },
        };
        let Some(org) = org else {
            new.status = Status::Exception;
            new.note = Some(if reference.is_some() {
                "unknown reference"
            } else {
                "no reference and unknown payer"
            });
            batch.defer(&new, None);
            report.exceptions += 1;
            return Ok(());
        };
        new.status = Status::Credited;
        new.org = Some(org);
        new.request = request_id.as_deref();
        new.note = Some(note);
        let payer = debtor_name.as_deref().unwrap_or("?");
        let description = match reference.as_deref() {
            Some(r) => guichet_core::said::encode(
                "said.transfer_from_ref",
                &[("from", payer), ("reference", r)],
            ),
            None => guichet_core::said::encode("said.transfer_from", &[("from", payer)]),
        };
        batch.defer(
            &new,
            Some(Credit::prepaid(org, currency, amount.minor, description)),
        );
        let paid = Money::new(amount.minor, currency);
        batch.events.extend(bank_events(org, paid, None));
        // The money is credited either way; the request is marked paid by the first
        // payment only (a second one is a top-up of its own).
        if let Some(r) = &request {
            let _first = payment_requests::mark_paid(&mut *tx, r.id, now).await?;
        }
        // Money in another currency than the Organization's is kept in that currency
        // (its own balance on the prepaid page): the customer is told where it is.
        if let Some(o) = orgs::by_id(&mut *tx, org).await?
            && o.currency != currency
        {
            self.tell_other_currency(&mut *tx, org, o.currency, currency, amount.minor, now)
                .await?;
        }
        report.credited += 1;
        Ok(())
    }
}
