//! Ordering and paying (SPEC §3–5): an order creates a pending product and its unpaid invoice (VAT by
//! customer, gap-free number, its own payment reference, posted to the ledger as a receivable); paying it
//! from the prepaid balance moves the money and activates the product for its period.
//!
//! One concern a file: `order` (catalogue, ordering), `issue` (invoices issued, cancelled, products
//! activated), `invoices` (history, paying one), `durations` (FREQ-01a), `checkout` (PAY-01, PP-03),
//! `export` (INV-06).

use crate::error::{AppError, AppResult, parse_id, post_refused};
use crate::export::CsvForm;
use crate::payment_requests::reference_for;
use crate::prepaid::{Answer, Outcome, check_key, claim_key, keep_answer};
use crate::{Actor, App};
use guichet_core::invoice::{LineInput, number, price};
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_core::period::Date;
use guichet_core::{Action, Currency, InvoiceId, Money, OrgKind, ProductId, vat};
use guichet_store::billing::{self as store, Invoice, InvoiceLine, Offer, Product};
use guichet_store::{addresses, audit, ledger, orgs, payment_requests};

mod checkout;
mod durations;
mod export;
mod invoices;
mod issue;
mod order;

pub use checkout::{Checkout, DueItems, SelectionSplit};
pub use durations::DurationChoice;
pub use export::MAIL_EXPORT_MAX_BYTES;
pub(crate) use invoices::day_start;
pub use invoices::{InvoiceFilter, InvoicePage};
pub(crate) use issue::{
    BilledPeriod, activate_invoice_products, activate_products_into, bill_to, billed_period,
    cancel_unpaid_invoice, draft_invoice, issue_invoice, post_receivables,
};

/// The issuer whose sequence numbers the invoices (⚙ one per provider entity).
pub const ISSUER: &str = "guichet";
/// Days to pay an invoice.
pub const PAYMENT_DAYS: i64 = 30;
pub const PAGE_SIZE: i64 = 25;

/// The calendar day (UTC) of a Unix time.
pub fn today(unix: i64) -> Date {
    Date::from_unix(unix)
}

pub(crate) fn add_days(d: Date, days: i64) -> Date {
    d.add_days(days)
}

/// Whether an Organization of this kind in this country pays VAT (for the order form's note).
pub fn pays_vat(country: &str, kind: OrgKind, vat_number: Option<&str>) -> bool {
    vat::treatment(country, kind, vat_number).rate_bp() > 0
}
