//! Writer for ISO 20022 `pain.001.001.09` payout files (Swiss Payment Standards).
//!
//! One file holds a batch of payouts from our accounts, one account per currency. Payouts are
//! grouped into one `PmtInf` per (payment type, currency), each with the `DbtrAcct` of its
//! currency: SPS type D (creditor IBAN in CH/LI, CHF or EUR) and type S (SEPA: EUR to an IBAN of
//! another SEPA country, `SvcLvl/Cd = SEPA`, `ChrgBr = SLEV`). Other cross-border payouts (type X,
//! which needs the creditor's BIC) are refused, and so is a payout in a currency without an
//! account. The message id, the creation time and the execution date are arguments: this crate
//! never reads the clock (`guichet_core::zurich` gives Zurich's time and banking days).
//!
//! `model` holds the types, `check` the bank's rules, `xml` the document.

mod check;
mod model;
mod xml;

use check::{check_payout_at, plain_payout};
pub use model::{DebtorAccount, Pain001Error, Payout, PayoutBatch, PostalAddress};
pub use xml::NAMESPACE;

/// Why this payout cannot go into a file, in words for an operator (`Cdtr/Nm: character '😀' is
/// not allowed`), or `None` when [`write`] accepts it. Texts are transliterated first, as
/// [`write`] does; a batch whose payouts all pass fails only on batch-level problems (debtor,
/// message id, duplicate end-to-end ids).
pub fn payout_problem(p: &Payout) -> Option<String> {
    let e = check_payout_at(1, &plain_payout(p)).err()?;
    let text = e.to_string();
    Some(text.strip_prefix("payout 1: ").unwrap_or(&text).to_owned())
}

/// Writes the `pain.001.001.09` XML for `batch`, with our `message_id` (≤ 33 characters of the
/// SWIFT set, unique for at least 90 days) and creation time `created_at` (ISO 8601, with its
/// offset: `2026-12-03T09:15:00+01:00`). Texts are transliterated to the SPS set first
/// (’ → ', – → -, non-breaking space → space); a text that still has a character outside the set
/// is refused with the character named.
pub fn write(
    batch: &PayoutBatch,
    message_id: &str,
    created_at: &str,
) -> Result<String, Pain001Error> {
    let plan = check::plan(batch, message_id, created_at)?;
    Ok(xml::document(&plan, message_id, created_at))
}
