//! What a camt file says, as plain values: documents, reports, entries, payments, charges.

use guichet_core::period::Date;

/// Bounds on what one file may contain, set by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadLimits {
    /// Largest accepted input, in bytes.
    pub max_bytes: u64,
    /// Deepest accepted element nesting (the `Document` element is depth 1).
    pub max_depth: usize,
    /// Most `Ntry` elements accepted in one file; the same bound applies to `TxDtls`.
    pub max_entries: usize,
}

impl Default for ReadLimits {
    /// 128 MiB, depth 64, 200 000 entries.
    fn default() -> Self {
        ReadLimits {
            max_bytes: 128 * 1024 * 1024,
            max_depth: 64,
            max_entries: 200_000,
        }
    }
}

/// Which message the file carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    /// camt.053 bank-to-customer statement (`BkToCstmrStmt/Stmt`).
    Statement,
    /// camt.054 debit/credit notification (`BkToCstmrDbtCdtNtfctn/Ntfctn`).
    Notification,
}

/// Direction of a booking from the account holder's view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreditDebit {
    /// `CRDT`: money in.
    Credit,
    /// `DBIT`: money out.
    Debit,
}

/// An amount in minor units (hundredths) with its ISO 4217 currency code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// Minor units (always ≥ 0 in camt; the sign is in [`CreditDebit`]).
    pub minor: i64,
    /// Currency code as written in the `Ccy` attribute (e.g. `CHF`).
    pub currency: String,
}

/// Kind of a structured creditor reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferenceKind {
    /// Swiss QR reference (`Prtry` = `QRR`).
    Qrr,
    /// ISO 11649 creditor reference (`Cd` = `SCOR`).
    Scor,
    /// Any other or missing type code, as written.
    Other(String),
}

/// A structured creditor reference (`RmtInf/Strd/CdtrRefInf`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructuredReference {
    /// Reference type.
    pub kind: ReferenceKind,
    /// Reference as delivered by the bank.
    pub value: String,
}

/// One payment inside an entry (`NtryDtls/TxDtls`): what a reconciler books.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TxDetail {
    /// Bank's reference of this payment (`Refs/AcctSvcrRef`), the deduplication key.
    pub bank_ref: Option<String>,
    /// Payer's end-to-end id (`Refs/EndToEndId`, often `NOTPROVIDED`; our id on payouts).
    pub end_to_end_id: Option<String>,
    /// Instruction id (`Refs/InstrId`).
    pub instruction_id: Option<String>,
    /// Payment information id (`Refs/PmtInfId`).
    pub payment_info_id: Option<String>,
    /// UETR (`Refs/UETR`, .08 only), read leniently.
    pub uetr: Option<String>,
    /// Amount of this payment (`Amt`, else `AmtDtls/TxAmt/Amt`).
    pub amount: Option<Amount>,
    /// Amount the payer instructed (`AmtDtls/InstdAmt/Amt`), if different reporting.
    pub instructed_amount: Option<Amount>,
    /// Direction (`CdtDbtInd`); falls back to the entry's when absent.
    pub credit_debit: Option<CreditDebit>,
    /// Structured reference (QRR or SCOR).
    pub reference: Option<StructuredReference>,
    /// Unstructured remittance lines (`RmtInf/Ustrd`), as delivered.
    pub unstructured: Vec<String>,
    /// Additional remittance lines (`RmtInf/Strd/AddtlRmtInf`), as delivered.
    pub additional_remittance: Vec<String>,
    /// Debtor name (`RltdPties/Dbtr/Nm` or `…/Dbtr/Pty/Nm`).
    pub debtor_name: Option<String>,
    /// Debtor IBAN (`RltdPties/DbtrAcct/Id/IBAN`), not checked.
    pub debtor_iban: Option<String>,
    /// Ultimate debtor name (`RltdPties/UltmtDbtr[/Pty]/Nm`).
    pub ultimate_debtor_name: Option<String>,
    /// Creditor name (`RltdPties/Cdtr[/Pty]/Nm`), relevant for debits.
    pub creditor_name: Option<String>,
    /// Credited account (`RltdPties/CdtrAcct/Id/IBAN`), e.g. our QR-IBAN.
    pub creditor_iban: Option<String>,
    /// Return reason code (`RtrInf/Rsn/Cd`) of a returned payment.
    pub return_reason: Option<String>,
    /// Charges of this payment (`Chrgs/Rcrd`), in file order.
    pub charges: Vec<Charge>,
}

/// One charge record (`Chrgs/Rcrd`): what the bank took, and whether the booked amount is
/// already net of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Charge {
    /// Amount of the charge (`Amt` with its `Ccy`).
    pub amount: Amount,
    /// `CdtDbtInd`: `DBIT` (or absent) is a charge on the account holder, `CRDT` a refund of one.
    pub credit_debit: Option<CreditDebit>,
    /// `ChrgInclInd`: `true` when the entry's booked amount already has it deducted.
    pub included: Option<bool>,
    /// Type code (`Tp/Cd` or `Tp/Prtry/Id`), e.g. `DEBT`.
    pub kind: Option<String>,
}

impl Charge {
    /// Whether the account holder pays it (a debit; absent means debit, as banks report fees).
    pub fn is_debit(&self) -> bool {
        self.credit_debit != Some(CreditDebit::Credit)
    }
}

/// One booking line of a statement or notification (`Ntry`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// 1-based position of the entry in the file.
    pub index: usize,
    /// Entry reference (`NtryRef`; for Swiss QR collective credits the QR-IBAN credited).
    pub entry_ref: Option<String>,
    /// Entry amount (sum of a batch).
    pub amount: Amount,
    /// Credit or debit.
    pub credit_debit: CreditDebit,
    /// Reversal of an earlier booking (`RvslInd` = true).
    pub reversal: bool,
    /// Status code (`Sts` or `Sts/Cd`): `BOOK`, `PDNG`, `INFO`, …
    pub status: String,
    /// Booking date (`BookgDt/Dt` or the date part of `BookgDt/DtTm`).
    pub booking_date: Option<Date>,
    /// Value date (`ValDt/Dt` or `ValDt/DtTm`).
    pub value_date: Option<Date>,
    /// Bank's reference of the entry (`AcctSvcrRef`).
    pub bank_ref: Option<String>,
    /// Bank transaction code `Domain/Family/SubFamily` (e.g. `PMNT/RCDT/AUTT`).
    pub bank_tx_code: Option<String>,
    /// Free text of the entry (`AddtlNtryInf`).
    pub additional_info: Option<String>,
    /// Number of transactions announced by the batch (`NtryDtls/Btch/NbOfTxs`).
    pub batch_count: Option<u32>,
    /// Our pain.001 `PmtInfId` echoed for batch-booked payouts (`NtryDtls/Btch/PmtInfId`).
    pub batch_payment_info_id: Option<String>,
    /// Message id of the camt.054 holding the details (`AddtlInfInd/MsgId`).
    pub details_message_id: Option<String>,
    /// The payments of this entry (several for a collective booking, none if external).
    pub details: Vec<TxDetail>,
    /// Charges reported on the entry itself (`Ntry/Chrgs/Rcrd`).
    pub charges: Vec<Charge>,
}

impl Entry {
    /// Whether the entry is booked (`BOOK`); pending or informational entries must not be booked.
    pub fn is_booked(&self) -> bool {
        self.status == "BOOK"
    }
}

/// One statement or notification for one account (`Stmt` / `Ntfctn`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Statement or notification id (`Id`).
    pub id: Option<String>,
    /// Creation date-time as written (`CreDtTm`).
    pub created_at: Option<String>,
    /// Account IBAN (`Acct/Id/IBAN`).
    pub account_iban: Option<String>,
    /// Account currency (`Acct/Ccy`).
    pub account_currency: Option<String>,
    /// Entries in file order.
    pub entries: Vec<Entry>,
}

/// A whole camt.053 or camt.054 file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CamtDocument {
    /// Statement or notification.
    pub kind: MessageKind,
    /// Message identifier from the namespace, e.g. `camt.054.001.08` (empty if none).
    pub version: String,
    /// Group header message id (`GrpHdr/MsgId`), unique per file at the bank.
    pub message_id: Option<String>,
    /// Group header creation date-time as written (`GrpHdr/CreDtTm`).
    pub created_at: Option<String>,
    /// SPS version and environment (`GrpHdr/AddtlInf`, e.g. `SPS/2.0/PROD`).
    pub additional_info: Option<String>,
    /// Page number (`GrpHdr/MsgPgntn/PgNb`).
    pub page_number: Option<String>,
    /// Whether this is the last page (`GrpHdr/MsgPgntn/LastPgInd`).
    pub last_page: Option<bool>,
    /// Statements or notifications in file order.
    pub reports: Vec<Report>,
}

impl CamtDocument {
    /// All entries of all reports, in file order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.reports.iter().flat_map(|r| r.entries.iter())
    }
}
