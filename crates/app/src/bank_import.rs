//! Importing the bank's camt.053/054 files (REM-01) and placing the money (REM-02…04, PP-05): a
//! payment whose reference is one of ours goes to that request's Organization; one without a known
//! reference goes to the Organization this payer's IBAN paid for before; the rest waits in the
//! exceptions queue for an operator. Every credit is a ledger entry (bank clearing → prepaid). A file
//! is imported in one transaction; a payment already imported (same bank reference) is skipped.

use crate::App;
use crate::auth::SessionCtx;
use crate::error::{AppError, AppResult};
use guichet_bank::camt::{self, CreditDebit, ReadLimits};
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_core::{Currency, OrgId, UserId};
use guichet_store::bank_transactions::{self as store, BankTransaction, NewTransaction};
use guichet_store::{Conn, audit, ledger, orgs, payment_requests};

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    /// Payments read (booked ones; pending entries are not booked).
    pub payments: usize,
    /// Credited to an Organization's prepaid account.
    pub credited: usize,
    /// Already imported before: skipped.
    pub duplicates: usize,
    /// Waiting for an operator.
    pub exceptions: usize,
    /// Money out, or not booked: recorded, nothing credited.
    pub ignored: usize,
    /// Our payouts the bank confirms as debited.
    pub payouts: usize,
}

/// Files larger than this are refused (⚙ in a later version).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

async fn credit_prepaid(
    c: &mut Conn,
    org: OrgId,
    currency: Currency,
    amount: i64,
    description: &str,
    key: &str,
    now: i64,
) -> AppResult<()> {
    let clearing = AccountRef::provider(AccountKind::BankClearing, currency);
    let prepaid = AccountRef::of_org(AccountKind::Prepaid, org, currency);
    let entry = ledger::NewEntry {
        org: Some(org),
        kind: "bank_transfer",
        description,
        idempotency_key: Some(key),
        now,
    };
    ledger::post(
        c,
        entry,
        &[Transfer {
            debit: clearing,
            credit: prepaid,
            amount,
        }],
    )
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(())
}

/// The payments of an entry: one per transaction detail, or the entry itself without details.
fn details_of(entry: &camt::Entry) -> Vec<Option<&camt::TxDetail>> {
    if entry.details.is_empty() {
        vec![None]
    } else {
        entry.details.iter().map(Some).collect()
    }
}

/// What identifies a payment at the bank (never booked twice): the detail's reference, else the
/// entry's with the detail's position, else the message id with the entry's and detail's position.
fn bank_key_of(
    doc: &camt::CamtDocument,
    entry: &camt::Entry,
    i: usize,
    d: Option<&camt::TxDetail>,
) -> Option<String> {
    d.and_then(|d| d.bank_ref.clone())
        .or_else(|| entry.bank_ref.clone().map(|r| format!("{r}/{i}")))
        .or_else(|| {
            doc.message_id
                .clone()
                .map(|m| format!("{m}/{}/{i}", entry.index))
        })
}

/// The structured reference of a payment, without spaces.
fn reference_of(d: Option<&camt::TxDetail>) -> Option<String> {
    d.and_then(|d| d.reference.as_ref())
        .map(|r| r.value.replace(' ', ""))
}

impl App {
    /// Imports one camt file. Hostile or malformed files are refused whole with the reader's message.
    pub async fn import_camt(
        &self,
        file_name: &str,
        bytes: &[u8],
        by: Option<UserId>,
    ) -> AppResult<ImportReport> {
        self.import_camt_with_progress(file_name, bytes, by, &|_, _| {})
            .await
    }

    /// [`App::import_camt`], telling `progress(done, total)` how many payments of the file are
    /// handled as it goes (the CLI's progress line on large files).
    pub async fn import_camt_with_progress(
        &self,
        file_name: &str,
        bytes: &[u8],
        by: Option<UserId>,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> AppResult<ImportReport> {
        let limits = ReadLimits {
            max_bytes: MAX_FILE_BYTES,
            ..ReadLimits::default()
        };
        let doc = camt::read(bytes, &limits)
            .map_err(|e| AppError::Unreadable(format!("{file_name}: {e}")))?;
        let now = self.now();
        let mut report = ImportReport::default();
        let mut tx = self.db.begin().await?;
        // What the file's payments refer to, looked up in a few queries rather than one per
        // payment: bank references already imported, and invoices by payment reference.
        let (mut keys, mut refs) = (Vec::new(), Vec::new());
        for stmt in &doc.reports {
            for entry in &stmt.entries {
                for (i, d) in details_of(entry).into_iter().enumerate() {
                    keys.extend(bank_key_of(&doc, entry, i, d));
                    refs.extend(reference_of(d));
                }
            }
        }
        let mut seen = store::existing_keys(&mut tx, &keys).await?;
        let mut invoices = guichet_store::billing::invoices_by_references(&mut tx, &refs).await?;
        for stmt in &doc.reports {
            for entry in &stmt.entries {
                // A payment per transaction detail; an entry without details is one payment.
                for (i, d) in details_of(entry).into_iter().enumerate() {
                    let amount = d
                        .and_then(|d| d.amount.clone())
                        .unwrap_or_else(|| entry.amount.clone());
                    let direction = d.and_then(|d| d.credit_debit).unwrap_or(entry.credit_debit);
                    let Some(bank_key) = bank_key_of(&doc, entry, i, d) else {
                        return Err(AppError::Unreadable(format!(
                            "{file_name}: entry {} has no bank reference",
                            entry.index
                        )));
                    };
                    report.payments += 1;
                    if report.payments % 500 == 0 {
                        progress(report.payments, keys.len());
                    }
                    // Imported before, or earlier in this very file.
                    if !seen.insert(bank_key.clone()) {
                        report.duplicates += 1;
                        continue;
                    }
                    let reference = reference_of(d);
                    let debtor_name = d.and_then(|d| d.debtor_name.clone());
                    let debtor_iban = d
                        .and_then(|d| d.debtor_iban.clone())
                        .map(|i| i.replace(' ', ""));
                    let message = d
                        .map(|d| d.unstructured.join(" ").trim().to_string())
                        .filter(|m| !m.is_empty());
                    let currency = Currency::parse(&amount.currency);
                    let booking = entry.booking_date.map(|d| d.to_string());
                    let mut new = NewTransaction {
                        bank_key: &bank_key,
                        file_name,
                        direction: if direction == CreditDebit::Credit {
                            "credit"
                        } else {
                            "debit"
                        },
                        amount: amount.minor,
                        currency: &amount.currency,
                        booking_date: booking.as_deref(),
                        reference: reference.as_deref(),
                        debtor_name: debtor_name.as_deref(),
                        debtor_iban: debtor_iban.as_deref(),
                        message: message.as_deref(),
                        status: "ignored",
                        org: None,
                        request: None,
                        note: None,
                        now,
                    };
                    // PP-04: the debit of one of our payouts completes it.
                    let end_to_end = d.and_then(|d| d.end_to_end_id.clone());
                    if direction == CreditDebit::Debit
                        && entry.is_booked()
                        && !entry.reversal
                        && let Some(e2e) = &end_to_end
                        && crate::payouts::complete_payout(&mut tx, e2e, amount.minor, now).await?
                    {
                        new.status = "payout";
                        new.note = Some("payout completed");
                        store::insert(&mut tx, &new).await?;
                        report.payouts += 1;
                        continue;
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
                        store::insert(&mut tx, &new).await?;
                        report.ignored += 1;
                        continue;
                    }
                    let Some(currency) = currency else {
                        new.status = "exception";
                        new.note = Some("currency is neither CHF nor EUR");
                        store::insert(&mut tx, &new).await?;
                        report.exceptions += 1;
                        continue;
                    };
                    // REM-02: an invoice's reference with the exact amount and currency pays it.
                    if let Some(r) = &reference
                        && let Some(inv) = invoices.get(r).cloned()
                    {
                        let exact = inv.currency == currency
                            && inv.gross == amount.minor
                            && (inv.status == "unpaid" || inv.status == "overdue");
                        new.org = Some(inv.org_id);
                        new.status = "credited";
                        if exact {
                            new.note = Some("invoice paid");
                            store::insert(&mut tx, &new).await?;
                            let receivable =
                                AccountRef::of_org(AccountKind::Receivable, inv.org_id, currency);
                            let clearing =
                                AccountRef::provider(AccountKind::BankClearing, currency);
                            let description =
                                format!("Invoice {} paid by bank transfer", inv.number);
                            let entry = ledger::NewEntry {
                                org: Some(inv.org_id),
                                kind: "invoice_paid",
                                description: &description,
                                idempotency_key: Some(&bank_key),
                                now,
                            };
                            ledger::post(
                                &mut tx,
                                entry,
                                &[Transfer {
                                    debit: clearing,
                                    credit: receivable,
                                    amount: amount.minor,
                                }],
                            )
                            .await
                            .map_err(|e| AppError::Internal(e.to_string()))?;
                            guichet_store::billing::mark_invoice_paid(&mut tx, &inv.id, now)
                                .await?;
                            // A second payment of it in the same file finds it paid.
                            if let Some(i) = invoices.get_mut(r) {
                                i.status = "paid".into();
                            }
                            crate::billing::activate_invoice_products(
                                &mut tx, inv.org_id, &inv.id, now,
                            )
                            .await?;
                        } else {
                            // REM-03: less, more, another currency, or already paid: the money goes to the
                            // prepaid account, the invoice stays as it is, and the customer is told why.
                            new.note = Some(
                                "invoice reference, amount or currency differs: credited to the prepaid account",
                            );
                            store::insert(&mut tx, &new).await?;
                            let description = format!(
                                "Bank transfer for invoice {} (credited, see e-mail)",
                                inv.number
                            );
                            credit_prepaid(
                                &mut tx,
                                inv.org_id,
                                currency,
                                amount.minor,
                                &description,
                                &bank_key,
                                now,
                            )
                            .await?;
                            self.tell_payment_mismatch(&mut tx, &inv, currency, amount.minor, now)
                                .await?;
                        }
                        report.credited += 1;
                        continue;
                    }
                    // Our reference of a payment request → its Organization.
                    let request = match &reference {
                        Some(r) => payment_requests::by_reference(&mut tx, r).await?,
                        None => None,
                    };
                    let (org, note) = match &request {
                        Some(r) => (Some(r.org_id), "matched by reference"),
                        None => match &debtor_iban {
                            // REM-04: a payer already known by IBAN.
                            Some(iban) => (
                                store::org_of_payer(&mut tx, iban).await?,
                                "matched by the payer's IBAN",
                            ),
                            None => (None, ""),
                        },
                    };
                    let Some(org) = org else {
                        new.status = "exception";
                        new.note = Some(if reference.is_some() {
                            "unknown reference"
                        } else {
                            "no reference and unknown payer"
                        });
                        store::insert(&mut tx, &new).await?;
                        report.exceptions += 1;
                        continue;
                    };
                    new.status = "credited";
                    new.org = Some(org);
                    new.request = request.as_ref().map(|r| r.id.as_str());
                    new.note = Some(note);
                    store::insert(&mut tx, &new).await?;
                    let payer = debtor_name.as_deref().unwrap_or("?");
                    let description = format!(
                        "Bank transfer from {payer}{}",
                        reference
                            .as_deref()
                            .map(|r| format!(", ref. {r}"))
                            .unwrap_or_default()
                    );
                    credit_prepaid(
                        &mut tx,
                        org,
                        currency,
                        amount.minor,
                        &description,
                        &bank_key,
                        now,
                    )
                    .await?;
                    if let Some(r) = &request {
                        payment_requests::mark_paid(&mut tx, &r.id, now).await?;
                    }
                    report.credited += 1;
                }
            }
        }
        progress(report.payments, keys.len());
        let summary = format!(
            "{file_name}: {} payments, {} credited, {} duplicates, {} exceptions, {} ignored",
            report.payments, report.credited, report.duplicates, report.exceptions, report.ignored
        );
        audit::record(&mut tx, None, by, "bank.import", &summary, "", now).await?;
        tx.commit().await?;
        Ok(report)
    }

    /// REM-03: e-mails the Organization's billing contacts (or its LRs) why the payment did not settle
    /// the invoice, with their support code (REM-06).
    async fn tell_payment_mismatch(
        &self,
        c: &mut Conn,
        inv: &guichet_store::billing::Invoice,
        currency: Currency,
        amount: i64,
        now: i64,
    ) -> AppResult<()> {
        let expected = guichet_core::Money::new(inv.gross, inv.currency).to_string();
        let received = guichet_core::Money::new(amount, currency).to_string();
        for (email, lang, code) in
            guichet_store::memberships::billing_recipients(c, inv.org_id).await?
        {
            let lang = guichet_core::Lang::parse(&lang).unwrap_or_default();
            let mail = crate::mail::Mail::PaymentMismatch {
                invoice: &inv.number,
                expected: &expected,
                received: &received,
                support_code: &code,
            };
            crate::mail::enqueue(c, self, &email, lang, mail, now).await?;
        }
        Ok(())
    }

    /// The exceptions queue and the latest credited payments, for the back office.
    pub async fn bank_queue(
        &self,
        ctx: &SessionCtx,
    ) -> AppResult<(Vec<BankTransaction>, Vec<BankTransaction>)> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let mut c = self.db.conn().await?;
        Ok((
            store::with_status(&mut c, "exception", 500).await?,
            store::with_status(&mut c, "credited", 50).await?,
        ))
    }

    /// REM-04: an operator places an exception on an Organization's prepaid account (audited).
    pub async fn assign_bank_transaction(
        &self,
        ctx: &SessionCtx,
        id: &str,
        org: OrgId,
        note: &str,
    ) -> AppResult<()> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let note = guichet_core::validate::line(note, 300)
            .ok_or(AppError::invalid("note", "bank.note_required"))?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let t = store::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
        let o = orgs::by_id(&mut tx, org)
            .await?
            .ok_or(AppError::invalid("org", "bank.org_unknown"))?;
        let currency =
            Currency::parse(&t.currency).ok_or(AppError::Conflict("bank.currency_unsupported"))?;
        if !store::assign(&mut tx, id, org, ctx.user.id, &note, now).await? {
            return Err(AppError::Conflict("bank.already_placed"));
        }
        let description = format!(
            "Bank transfer from {}",
            t.debtor_name.as_deref().unwrap_or("?")
        );
        credit_prepaid(
            &mut tx,
            org,
            currency,
            t.amount,
            &description,
            &t.bank_key,
            now,
        )
        .await?;
        let detail = format!(
            "{} {} {} → {} ({note})",
            t.bank_key, t.amount, t.currency, o.name
        );
        audit::record(
            &mut tx,
            Some(org),
            Some(ctx.user.id),
            "bank.assigned",
            &detail,
            "",
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
