//! What a bank payment says besides its amount and structured reference (issue #15): the payer's
//! message, the ultimate debtor and the charges, kept with the bank transaction; the invoice a
//! payer named in the message when the structured reference is missing; the charges the bank
//! debited booked as bank fees.
//!
//! Charges (`Chrgs/Rcrd`) count in the payment's currency only, and only those the account holder
//! pays (`CdtDbtInd` DBIT or absent). A charge with `ChrgInclInd = true` is already deducted from
//! the booked amount (the customer is credited what arrived): it is kept and shown. A charge with
//! `ChrgInclInd = false` was debited besides the payment: it is booked as a bank fee (bank clearing
//! → `bank_fees`), in the import's transaction, once (the payment's bank key is unique). Without
//! `ChrgInclInd` nothing says the money left the account: kept and shown as included, not booked.

use crate::error::AppResult;
use guichet_bank::camt;
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_core::money::BankAmount;
use guichet_core::money::MAX_AMOUNT_MINOR;
use guichet_core::{Currency, Money};
use guichet_store::bank_transactions::Charges;
use guichet_store::billing::Invoice;
use guichet_store::{Conn, ledger};

/// PostFinance's leftovers of the old ESR processing in `AddtlRmtInf` (SWISS-PAYMENTS §2.4): not
/// the payer's words.
fn is_esr_leftover(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("?REJECT?") || t.starts_with("?ERROR?")
}

fn joined<'a>(parts: impl Iterator<Item = &'a String>) -> Option<String> {
    let text = parts
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty()).then_some(text)
}

/// The payer's structured message (`Strd/AddtlRmtInf`), one line, without ESR leftovers.
pub(crate) fn additional_remittance(d: Option<&camt::TxDetail>) -> Option<String> {
    d.and_then(|d| {
        joined(
            d.additional_remittance
                .iter()
                .filter(|t| !is_esr_leftover(t)),
        )
    })
}

/// The payer's unstructured message (`Ustrd`), one line.
pub(crate) fn unstructured(d: Option<&camt::TxDetail>) -> Option<String> {
    d.and_then(|d| joined(d.unstructured.iter()))
}

/// The ultimate debtor's name (`UltmtDbtr`).
pub(crate) fn ultimate_debtor(d: Option<&camt::TxDetail>) -> Option<String> {
    d.and_then(|d| d.ultimate_debtor_name.clone())
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
}

/// The charges of payment number `i` of `entry` in `currency`: the payment's own records, else
/// (for the entry's first payment) the records of the entry itself. `None` when there is none,
/// or when a sum goes beyond the largest amount Guichet carries (then nothing is booked either).
pub(crate) fn charges_of(
    entry: &camt::Entry,
    i: usize,
    d: Option<&camt::TxDetail>,
    currency: &str,
) -> Option<Charges> {
    let own = d.map(|d| d.charges.as_slice()).unwrap_or_default();
    let records = if own.is_empty() && i == 0 {
        entry.charges.as_slice()
    } else {
        own
    };
    let mine: Vec<&camt::Charge> = records
        .iter()
        .filter(|c| c.is_debit() && c.amount.currency == currency)
        .collect();
    if mine.is_empty() {
        return None;
    }
    let (mut included, mut debited) = (0i64, 0i64);
    for c in mine {
        let sum = if c.included == Some(false) {
            &mut debited
        } else {
            &mut included
        };
        *sum = sum.checked_add(c.amount.minor)?;
    }
    let amount = |minor| BankAmount {
        minor,
        currency: currency.to_owned(),
    };
    (included <= MAX_AMOUNT_MINOR && debited <= MAX_AMOUNT_MINOR).then(|| Charges {
        included: amount(included),
        debited: amount(debited),
    })
}

/// Books charges debited besides a payment as bank fees: bank clearing → `bank_fees`. Returns
/// the ledger entry. Called once per bank transaction, in the import's transaction.
pub(crate) async fn book_fees(
    c: &mut Conn,
    currency: Currency,
    debited: i64,
    bank_key: &str,
    now: i64,
) -> AppResult<guichet_core::LedgerEntryId> {
    let description = guichet_core::said::encode(
        "said.bank_charges",
        &[
            ("payment", bank_key),
            ("amount", &Money::new(debited, currency).to_string()),
        ],
    );
    let key = format!("bank_fees:{bank_key}");
    let entry = ledger::NewEntry {
        org: None,
        kind: "bank_fees",
        description: &description,
        idempotency_key: Some(&key),
        now,
    };
    ledger::post(
        c,
        entry,
        &[Transfer {
            debit: AccountRef::provider(AccountKind::BankFees, currency),
            credit: AccountRef::provider(AccountKind::BankClearing, currency),
            amount: debited,
        }],
    )
    .await
    .map_err(crate::error::post_error)
}

/// What a payer's message says about which invoice a payment is for.
pub(crate) enum Named {
    /// No invoice of ours is named.
    Nothing,
    /// Exactly one invoice, by its payment reference or its number.
    One(Box<Invoice>),
    /// Several invoices: the operator decides.
    Several(Vec<String>),
}

/// The invoice a payer named in `text`: QR and creditor references (check digits verified) and
/// invoice numbers, looked up; several different invoices are [`Named::Several`].
pub(crate) async fn invoice_named_in(c: &mut Conn, text: &str) -> AppResult<Named> {
    let refs = guichet_bank::references::references_in_text(text);
    let numbers = guichet_core::invoice::numbers_in_text(text);
    if refs.is_empty() && numbers.is_empty() {
        return Ok(Named::Nothing);
    }
    let mut found: Vec<Invoice> = Vec::new();
    if !refs.is_empty() {
        found.extend(
            guichet_store::billing::invoices_by_references(c, &refs)
                .await?
                .into_values(),
        );
    }
    if !numbers.is_empty() {
        found.extend(guichet_store::billing::invoices_by_numbers(c, &numbers).await?);
    }
    found.sort_by_key(|i| i.id);
    found.dedup_by(|a, b| a.id == b.id);
    Ok(match found.len() {
        0 => Named::Nothing,
        1 => match found.pop() {
            Some(inv) => Named::One(Box::new(inv)),
            None => Named::Nothing,
        },
        _ => Named::Several(found.into_iter().map(|i| i.number).collect()),
    })
}

/// The payment request whose reference the payer typed into `text`, when it names exactly one.
pub(crate) async fn request_named_in(
    c: &mut Conn,
    text: &str,
) -> AppResult<Option<guichet_store::payment_requests::PaymentRequest>> {
    let mut found = Vec::new();
    for r in guichet_bank::references::references_in_text(text) {
        if let Some(request) = guichet_store::payment_requests::by_reference(c, &r).await? {
            found.push(request);
        }
    }
    Ok(if found.len() == 1 { found.pop() } else { None })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(minor: i64, currency: &str) -> camt::Amount {
        camt::Amount {
            minor,
            currency: currency.into(),
        }
    }

    fn charge(minor: i64, currency: &str, included: Option<bool>, debit: bool) -> camt::Charge {
        camt::Charge {
            amount: amount(minor, currency),
            credit_debit: Some(if debit {
                camt::CreditDebit::Debit
            } else {
                camt::CreditDebit::Credit
            }),
            included,
            kind: None,
        }
    }

    fn entry(charges: Vec<camt::Charge>) -> camt::Entry {
        camt::Entry {
            index: 1,
            entry_ref: None,
            amount: amount(9800, "CHF"),
            credit_debit: camt::CreditDebit::Credit,
            reversal: false,
            status: "BOOK".into(),
            booking_date: None,
            value_date: None,
            bank_ref: None,
            bank_tx_code: None,
            additional_info: None,
            batch_count: None,
            batch_payment_info_id: None,
            details_message_id: None,
            details: Vec::new(),
            charges,
        }
    }

    #[test]
    fn charges_split_into_included_and_debited_in_the_payments_currency() {
        let d = camt::TxDetail {
            charges: vec![
                charge(200, "CHF", Some(true), true),
                charge(125, "CHF", Some(false), true),
                charge(50, "CHF", None, true),
                charge(999, "EUR", Some(false), true),
                charge(70, "CHF", Some(false), false),
            ],
            ..Default::default()
        };
        let e = entry(vec![charge(30, "CHF", Some(false), true)]);
        assert_eq!(
            charges_of(&e, 0, Some(&d), "CHF"),
            Some(Charges {
                included: BankAmount {
                    minor: 250,
                    currency: "CHF".into()
                },
                debited: BankAmount {
                    minor: 125,
                    currency: "CHF".into()
                },
            }),
            "own records win; other currency and refunds left out; absent = included"
        );
        // The entry's own records go with its first payment only.
        let none = camt::TxDetail::default();
        assert_eq!(
            charges_of(&e, 0, Some(&none), "CHF").map(|c| c.debited.minor),
            Some(30)
        );
        assert_eq!(charges_of(&e, 1, Some(&none), "CHF"), None);
        assert_eq!(
            charges_of(&e, 0, None, "CHF").map(|c| c.debited.minor),
            Some(30)
        );
        let huge = entry(vec![charge(MAX_AMOUNT_MINOR + 1, "CHF", Some(false), true)]);
        assert_eq!(charges_of(&huge, 0, None, "CHF"), None);
    }

    #[test]
    fn postfinance_leftovers_are_not_the_payers_message() {
        let d = camt::TxDetail {
            additional_remittance: vec!["?REJECT?0".into(), "?ERROR?000".into()],
            unstructured: vec!["Muster".into(), " Musterfile".into()],
            ultimate_debtor_name: Some(" Müller Holding ".into()),
            ..Default::default()
        };
        assert_eq!(additional_remittance(Some(&d)), None);
        assert_eq!(unstructured(Some(&d)).as_deref(), Some("Muster Musterfile"));
        assert_eq!(ultimate_debtor(Some(&d)).as_deref(), Some("Müller Holding"));
        let d = camt::TxDetail {
            additional_remittance: vec!["Order dated 18.06.2020".into()],
            ..Default::default()
        };
        assert_eq!(
            additional_remittance(Some(&d)).as_deref(),
            Some("Order dated 18.06.2020")
        );
    }
}
