//! Importing the bank's camt.053/054 files (REM-01) and placing the money (REM-02…04, PP-05): a
//! payment whose reference is one of ours goes to that request's Organization; one without a known
//! reference goes to the Organization this payer's IBAN paid for before; the rest waits in the
//! exceptions queue for an operator. Every credit is a ledger entry (bank clearing → prepaid).
//!
//! A file is read twice, entry by entry (memory holds a batch, whatever the file's size): first
//! checked whole (a hostile or malformed file is refused before anything is booked), then booked
//! in transactions of [`BATCH`] payments, each with its look-ups in a few queries. A payment already
//! imported (same bank reference) is skipped, so a file whose import stopped half-way is finished
//! by importing it again.

use crate::App;
use crate::auth::SessionCtx;
use crate::bank_details;
use crate::error::{AppError, AppResult};
use guichet_bank::camt::{self, CreditDebit, ReadLimits};
use guichet_core::Money;
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_core::money::MAX_AMOUNT_MINOR;
use guichet_core::reconcile::{InvoicePayment, Mismatch, invoice_payment};
use guichet_core::status::bank_transaction::BankTransactionStatus as Status;
use guichet_core::{Currency, OrgId, UserId};
use guichet_store::bank_transactions::{self as store, BankTransaction, NewTransaction};
use guichet_store::{Conn, audit, ledger, orgs, payment_requests};
use std::io::BufRead;

mod notify;
mod payment;
mod queue;
mod report;
pub use queue::BankQueue;
pub use report::{CompletedPayout, ImportReport};

/// Files larger than this are refused (⚙ in a later version).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Payments booked per transaction.
pub const BATCH: usize = 500;

async fn credit_prepaid(
    c: &mut Conn,
    org: OrgId,
    currency: Currency,
    amount: i64,
    description: &str,
    key: &str,
    now: i64,
) -> AppResult<guichet_core::LedgerEntryId> {
    let clearing = AccountRef::provider(AccountKind::BankClearing, currency);
    let prepaid = AccountRef::of_org(AccountKind::Prepaid, org, currency);
    let entry = ledger::NewEntry {
        org: Some(org),
        kind: "bank_transfer",
        description,
        idempotency_key: Some(key),
        now,
    };
    match ledger::post(
        c,
        entry,
        &[Transfer {
            debit: clearing,
            credit: prepaid,
            amount,
        }],
    )
    .await
    {
        Ok(id) => Ok(id),
        // This bank payment was credited to this Organization already: never twice.
        Err(ledger::PostError::Duplicate(_)) => Err(AppError::Conflict("bank.already_placed")),
        Err(e) => Err(crate::error::post_error(e)),
    }
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
    message_id: Option<&str>,
    entry: &camt::Entry,
    i: usize,
    d: Option<&camt::TxDetail>,
) -> Option<String> {
    d.and_then(|d| d.bank_ref.clone())
        .or_else(|| entry.bank_ref.clone().map(|r| format!("{r}/{i}")))
        .or_else(|| message_id.map(|m| format!("{m}/{}/{i}", entry.index)))
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
        self.import_camt_from(file_name, &|| Ok(bytes), by, progress)
            .await
    }

    /// [`App::import_camt_with_progress`] from a source `open` opens (twice: the file is checked
    /// whole, then booked), e.g. a file on disk read without holding it in memory.
    pub async fn import_camt_from<R: BufRead + Send>(
        &self,
        file_name: &str,
        open: &(dyn Fn() -> std::io::Result<R> + Sync),
        by: Option<UserId>,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> AppResult<ImportReport> {
        let limits = ReadLimits {
            max_bytes: MAX_FILE_BYTES,
            ..ReadLimits::default()
        };
        let unreadable = |e: String| AppError::Unreadable(format!("{file_name}: {e}"));
        let source = || open().map_err(|e| unreadable(e.to_string()));
        // First pass: the whole file is read and checked, nothing kept but its header.
        let (total, header) = {
            let mut s = camt::EntryStream::new(source()?, &limits);
            let mut total = 0;
            while let Some(entry) = s.next_entry().map_err(|e| unreadable(e.to_string()))? {
                let message_id = s.header().message_id.as_deref();
                for (i, d) in details_of(&entry).into_iter().enumerate() {
                    if bank_key_of(message_id, &entry, i, d).is_none() {
                        return Err(unreadable(format!(
                            "entry {} has no bank reference",
                            entry.index
                        )));
                    }
                    total += 1;
                }
            }
            (total, s.finish().map_err(|e| unreadable(e.to_string()))?)
        };
        let now = self.now();
        let mut report = ImportReport::default();
        let mut s = camt::EntryStream::new(source()?, &limits);
        let mut first = true;
        loop {
            let (mut entries, mut payments) = (Vec::new(), 0);
            while payments < BATCH {
                let Some(e) = s.next_entry().map_err(|e| unreadable(e.to_string()))? else {
                    break;
                };
                payments += e.details.len().max(1);
                entries.push(e);
            }
            let last = payments < BATCH;
            // The batch's invoices are paid by one conditional UPDATE at its end; if another
            // payment (a checkout, another instance) paid one of them meanwhile, the batch is
            // rolled back and booked again `careful`ly: one compare-and-set per payment.
            let before = report.clone();
            let mut careful = false;
            loop {
                let mut tx = self.db.begin().await?;
                if first {
                    self.replace_collectives(&mut tx, &header, file_name, now, &mut report)
                        .await?;
                }
                let mut batch = payment::Batch {
                    file_name,
                    message_id: header.message_id.as_deref(),
                    now,
                    careful,
                    seen: Default::default(),
                    invoices: Default::default(),
                    lines: Default::default(),
                    pending: Vec::new(),
                    events: Vec::new(),
                    payers: Default::default(),
                    to_mark: Vec::new(),
                };
                // What the batch's payments refer to, looked up in a few queries rather than one
                // per payment: bank references already imported, invoices by payment reference
                // and their product lines.
                let (mut keys, mut refs) = (Vec::new(), Vec::new());
                for entry in &entries {
                    for (i, d) in details_of(entry).into_iter().enumerate() {
                        keys.extend(bank_key_of(batch.message_id, entry, i, d));
                        refs.extend(reference_of(d));
                    }
                }
                batch.seen = store::existing_keys(&mut tx, &keys).await?;
                batch.invoices =
                    guichet_store::billing::invoices_by_references(&mut tx, &refs).await?;
                let ids: Vec<_> = batch.invoices.values().map(|i| i.id).collect();
                batch.lines = guichet_store::billing::products_of_invoices(&mut tx, &ids).await?;
                for entry in &entries {
                    // A payment per transaction detail; an entry without details is one payment.
                    for (i, d) in details_of(entry).into_iter().enumerate() {
                        self.book_payment(&mut tx, &mut batch, entry, i, d, &mut report)
                            .await?;
                    }
                }
                if !Self::flush_batch(&mut tx, &mut batch).await? {
                    drop(tx);
                    report = before.clone();
                    careful = true;
                    continue;
                }
                if last {
                    audit_import(&mut tx, file_name, &report, by, now).await?;
                }
                tx.commit().await?;
                break;
            }
            first = false;
            progress(report.payments, total);
            if last {
                break;
            }
        }
        Ok(report)
    }
}

impl App {
    /// A camt.054 carries the details of collective credits a camt.053 may point to (by its message
    /// id or a notification's id): those collective entries are replaced, never booked.
    async fn replace_collectives(
        &self,
        tx: &mut Conn,
        header: &camt::CamtDocument,
        file_name: &str,
        now: i64,
        report: &mut ImportReport,
    ) -> AppResult<()> {
        if header.kind == camt::MessageKind::Notification {
            let ids: Vec<String> = header
                .message_id
                .iter()
                .chain(header.reports.iter().filter_map(|r| r.id.as_ref()))
                .cloned()
                .collect();
            store::record_detail_messages(&mut *tx, &ids, file_name, now).await?;
            report.collective += store::replace_by_details(&mut *tx, &ids, now).await? as usize;
        }
        Ok(())
    }
}

/// The import's line in the audit log.
async fn audit_import(
    tx: &mut Conn,
    file_name: &str,
    report: &ImportReport,
    by: Option<UserId>,
    now: i64,
) -> AppResult<()> {
    let mut summary = format!(
        "{file_name}: {} payments, {} credited, {} duplicates, {} exceptions, {} ignored, {} collective, {} set aside, {} payouts completed",
        report.payments,
        report.credited,
        report.duplicates,
        report.exceptions,
        report.ignored,
        report.collective,
        report.set_aside,
        report.payouts
    );
    for p in &report.completed_payouts {
        summary.push_str(&format!("; payout completed: {p}"));
    }
    audit::record(tx, None, by, "bank.import", &summary, "", now).await?;
    Ok(())
}
