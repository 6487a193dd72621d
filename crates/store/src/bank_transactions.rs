//! Payments read from bank statements, with what became of them.

use crate::row::*;
use crate::transition::Cas;
use crate::{Conn, Result};
use guichet_core::money::BankAmount;
use guichet_core::period::Date;
use guichet_core::status::bank_transaction::BankTransactionStatus;
use guichet_core::{BankTransactionId, LedgerEntryId, OrgId, UserId};
use sqlx::any::AnyRow;

#[derive(Clone, Debug)]
pub struct BankTransaction {
    pub id: BankTransactionId,
    pub bank_key: String,
    pub file_name: String,
    pub direction: String,
    pub amount: BankAmount,
    pub booking_date: Option<Date>,
    pub reference: Option<String>,
    pub debtor_name: Option<String>,
    pub debtor_iban: Option<String>,
    pub message: Option<String>,
    pub status: BankTransactionStatus,
    pub org_id: Option<OrgId>,
    pub note: Option<String>,
    pub imported_at: i64,
    /// The camt.054 message a collective credit points to.
    pub details_ref: Option<String>,
    /// The ledger entry that credited it (importer or operator), at most one.
    pub credited_entry: Option<LedgerEntryId>,
    /// The payer's structured additional remittance text (`Strd/AddtlRmtInf`).
    pub additional_remittance: Option<String>,
    /// The ultimate debtor's name (`UltmtDbtr`).
    pub ultimate_debtor: Option<String>,
    /// The charges the bank reported with the payment, if any.
    pub charges: Option<Charges>,
    /// The ledger entry that booked the debited charges as bank fees.
    pub fee_entry: Option<LedgerEntryId>,
}

/// The charges of a bank payment, in one currency: the part already deducted from the booked
/// amount, and the part debited besides it (booked as bank fees).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Charges {
    pub included: BankAmount,
    pub debited: BankAmount,
}

const T: &str = "bank_transactions";
const COLS: &str = "id, bank_key, file_name, direction, amount, currency, booking_date, reference, debtor_name, debtor_iban, \
                    message, status, org_id, note, imported_at, details_ref, credited_entry, additional_remittance, \
                    ultimate_debtor, charges_currency, charges_included, charges_debited, fee_entry";

fn from_row(r: &AnyRow) -> Result<BankTransaction> {
    Ok(BankTransaction {
        id: parsed(r, T, "id")?,
        bank_key: text(r, T, "bank_key")?,
        file_name: text(r, T, "file_name")?,
        direction: text(r, T, "direction")?,
        amount: BankAmount {
            minor: int(r, T, "amount")?,
            currency: text(r, T, "currency")?,
        },
        booking_date: opt_parsed(r, T, "booking_date")?,
        reference: opt_text(r, T, "reference")?,
        debtor_name: opt_text(r, T, "debtor_name")?,
        debtor_iban: opt_text(r, T, "debtor_iban")?,
        message: opt_text(r, T, "message")?,
        status: {
            let s = text(r, T, "status")?;
            BankTransactionStatus::parse(&s).ok_or_else(|| crate::StoreError::Corrupt {
                table: T,
                detail: format!("unknown status {s:?}"),
            })?
        },
        org_id: opt_parsed(r, T, "org_id")?,
        note: opt_text(r, T, "note")?,
        imported_at: int(r, T, "imported_at")?,
        details_ref: opt_text(r, T, "details_ref")?,
        credited_entry: opt_parsed(r, T, "credited_entry")?,
        additional_remittance: opt_text(r, T, "additional_remittance")?,
        ultimate_debtor: opt_text(r, T, "ultimate_debtor")?,
        charges: match opt_text(r, T, "charges_currency")? {
            Some(currency) => Some(Charges {
                included: BankAmount {
                    minor: opt_int(r, T, "charges_included")?.unwrap_or(0),
                    currency: currency.clone(),
                },
                debited: BankAmount {
                    minor: opt_int(r, T, "charges_debited")?.unwrap_or(0),
                    currency,
                },
            }),
            None => None,
        },
        fee_entry: opt_parsed(r, T, "fee_entry")?,
    })
}

pub struct NewTransaction<'a> {
    pub bank_key: &'a str,
    pub file_name: &'a str,
    pub direction: &'a str,
    pub amount: &'a BankAmount,
    pub booking_date: Option<Date>,
    pub reference: Option<&'a str>,
    pub debtor_name: Option<&'a str>,
    pub debtor_iban: Option<&'a str>,
    pub message: Option<&'a str>,
    pub status: BankTransactionStatus,
    pub org: Option<OrgId>,
    pub request: Option<&'a str>,
    pub note: Option<&'a str>,
    /// The camt.054 message a collective credit points to.
    pub details_ref: Option<&'a str>,
    /// The ledger entry that credited it (only with `Credited`).
    pub credited_entry: Option<LedgerEntryId>,
    pub additional_remittance: Option<&'a str>,
    pub ultimate_debtor: Option<&'a str>,
    pub charges: Option<&'a Charges>,
    /// The ledger entry that booked the debited charges as bank fees.
    pub fee_entry: Option<LedgerEntryId>,
    pub now: i64,
}

/// Which of `keys` were imported before (a file's payments in a few queries).
pub async fn existing_keys(
    c: &mut Conn,
    keys: &[String],
) -> Result<std::collections::HashSet<String>> {
    let found = select_in(
        c,
        "SELECT bank_key FROM bank_transactions WHERE bank_key",
        keys,
        |r| text(r, "bank_transactions", "bank_key"),
    )
    .await?;
    Ok(found.into_iter().collect())
}

pub async fn insert(c: &mut Conn, t: &NewTransaction<'_>) -> Result<BankTransactionId> {
    let ids = insert_many(c, &[OwnedTransaction::from(t)]).await?;
    ids.into_iter().next().ok_or(crate::StoreError::Corrupt {
        table: T,
        detail: "a row inserted without an id".into(),
    })
}

/// A [`NewTransaction`] that owns its text: a row a bank import keeps until its batch is written.
#[derive(Clone, Debug)]
pub struct OwnedTransaction {
    pub bank_key: String,
    pub file_name: String,
    pub direction: String,
    pub amount: BankAmount,
    pub booking_date: Option<Date>,
    pub reference: Option<String>,
    pub debtor_name: Option<String>,
    pub debtor_iban: Option<String>,
    pub message: Option<String>,
    pub status: BankTransactionStatus,
    pub org: Option<OrgId>,
    pub request: Option<String>,
    pub note: Option<String>,
    pub details_ref: Option<String>,
    pub credited_entry: Option<LedgerEntryId>,
    pub additional_remittance: Option<String>,
    pub ultimate_debtor: Option<String>,
    pub charges: Option<Charges>,
    pub fee_entry: Option<LedgerEntryId>,
    pub now: i64,
}

impl From<&NewTransaction<'_>> for OwnedTransaction {
    fn from(t: &NewTransaction<'_>) -> Self {
        let own = |s: Option<&str>| s.map(str::to_string);
        OwnedTransaction {
            bank_key: t.bank_key.to_string(),
            file_name: t.file_name.to_string(),
            direction: t.direction.to_string(),
            amount: t.amount.clone(),
            booking_date: t.booking_date,
            reference: own(t.reference),
            debtor_name: own(t.debtor_name),
            debtor_iban: own(t.debtor_iban),
            message: own(t.message),
            status: t.status,
            org: t.org,
            request: own(t.request),
            note: own(t.note),
            details_ref: own(t.details_ref),
            credited_entry: t.credited_entry,
            additional_remittance: own(t.additional_remittance),
            ultimate_debtor: own(t.ultimate_debtor),
            charges: t.charges.cloned(),
            fee_entry: t.fee_entry,
            now: t.now,
        }
    }
}

/// Inserts rows in multi-row statements (a few per import batch); their ids, in order.
pub async fn insert_many(
    c: &mut Conn,
    rows: &[OwnedTransaction],
) -> Result<Vec<BankTransactionId>> {
    let mut ids = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(crate::row::rows_per_statement(c, 24)) {
        let sql = format!(
            "INSERT INTO bank_transactions (id, bank_key, file_name, direction, amount, currency, booking_date, reference, debtor_name, \
             debtor_iban, message, status, org_id, request_id, note, imported_at, details_ref, credited_entry, \
             additional_remittance, ultimate_debtor, charges_currency, charges_included, charges_debited, fee_entry) VALUES {}",
            crate::row::values(chunk.len(), 24, 0)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for t in chunk {
            let id = BankTransactionId::new();
            ids.push(id);
            q = q
                .bind(id.to_string())
                .bind(t.bank_key.as_str())
                .bind(t.file_name.as_str())
                .bind(t.direction.as_str())
                .bind(t.amount.minor)
                .bind(t.amount.currency.as_str())
                .bind(t.booking_date.map(Date::iso))
                .bind(t.reference.as_deref())
                .bind(t.debtor_name.as_deref())
                .bind(t.debtor_iban.as_deref())
                .bind(t.message.as_deref())
                .bind(t.status.as_str())
                .bind(t.org.map(|o| o.to_string()))
                .bind(t.request.as_deref())
                .bind(t.note.as_deref())
                .bind(t.now)
                .bind(t.details_ref.as_deref())
                .bind(t.credited_entry.map(|e| e.to_string()))
                .bind(t.additional_remittance.as_deref())
                .bind(t.ultimate_debtor.as_deref())
                .bind(t.charges.as_ref().map(|ch| ch.included.currency.as_str()))
                .bind(t.charges.as_ref().map(|ch| ch.included.minor))
                .bind(t.charges.as_ref().map(|ch| ch.debited.minor))
                .bind(t.fee_entry.map(|e| e.to_string()));
        }
        q.execute(&mut *c).await?;
    }
    Ok(ids)
}

/// The Organization an IBAN paid for before (REM-04: a standing order without reference).
pub async fn org_of_payer(c: &mut Conn, iban: &str) -> Result<Option<OrgId>> {
    let row = sqlx::query(
        "SELECT org_id FROM bank_transactions WHERE debtor_iban = $1 AND org_id IS NOT NULL ORDER BY imported_at DESC, id DESC LIMIT 1",
    )
    .bind(iban)
    .fetch_optional(c)
    .await?;
    row.as_ref().map(|r| parsed(r, T, "org_id")).transpose()
}

pub async fn with_status(
    c: &mut Conn,
    status: BankTransactionStatus,
    limit: i64,
) -> Result<Vec<BankTransaction>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM bank_transactions WHERE status = $1 ORDER BY imported_at DESC, id DESC LIMIT $2"
    ));
    let rows = sqlx::query(sql)
        .bind(status.as_str())
        .bind(limit)
        .fetch_all(c)
        .await?;
    rows.iter().map(from_row).collect()
}

pub async fn get(c: &mut Conn, id: BankTransactionId) -> Result<Option<BankTransaction>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM bank_transactions WHERE id = $1"
    ));
    let row = sqlx::query(sql)
        .bind(id.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// Transition `exception → assigned` (REM-04), compare-and-set: records the operator's placement
/// and the ledger entry that credited it. False when it is no longer an exception (placed by
/// someone else, replaced by its details, …) or already carries a credit: the caller rolls back.
pub async fn assign(
    c: &mut Conn,
    id: BankTransactionId,
    org: OrgId,
    by: UserId,
    note: &str,
    entry: LedgerEntryId,
    now: i64,
) -> Result<bool> {
    Cas::new(
        &[BankTransactionStatus::Exception],
        BankTransactionStatus::Assigned,
    )
    .id(id)
    .set("org_id", org.to_string())
    .set("decided_by", by.to_string())
    .set("decided_at", now)
    .set("note", note)
    .set("credited_entry", entry.to_string())
    .guard_expr("credited_entry IS NULL")
    .applied(c)
    .await
}

/// Records the ids of an imported camt.054 (its `GrpHdr/MsgId` and each `Ntfctn/Id`).
pub async fn record_detail_messages(
    c: &mut Conn,
    ids: &[String],
    file_name: &str,
    now: i64,
) -> Result<()> {
    for id in ids {
        sqlx::query(
            "INSERT INTO camt_detail_messages (message_id, file_name, imported_at) VALUES ($1, $2, $3) \
             ON CONFLICT (message_id) DO NOTHING",
        )
        .bind(id)
        .bind(file_name)
        .bind(now)
        .execute(&mut *c)
        .await?;
    }
    Ok(())
}

/// Were the details a collective credit points to imported already?
pub async fn detail_message_imported(c: &mut Conn, id: &str) -> Result<bool> {
    Ok(
        sqlx::query("SELECT 1 FROM camt_detail_messages WHERE message_id = $1")
            .bind(id)
            .fetch_optional(c)
            .await?
            .is_some(),
    )
}

/// Transition `awaiting_details → replaced_by_details` (and `exception → replaced_by_details` for a
/// collective credit still waiting for an operator), compare-and-set, for the collective credits
/// pointing to one of `ids`: their details are what is booked. How many were replaced.
pub async fn replace_by_details(c: &mut Conn, ids: &[String], now: i64) -> Result<u64> {
    let mut n = 0;
    for id in ids {
        use BankTransactionStatus::*;
        n += Cas::new(&[AwaitingDetails, Exception], ReplacedByDetails)
            .key("details_ref = ?", id.as_str())
            .set("decided_at", now)
            .set("note", "replaced by the details of its camt.054")
            .guard_expr("credited_entry IS NULL")
            .apply(&mut *c)
            .await?;
    }
    Ok(n)
}
