//! Texts kept to be read later — ledger entry descriptions, activity-log details, notices — are
//! stored as a catalogue key and its parameters, never as words: `{"k":"said.top_up_card",
//! "p":{"last4":"4242"}}`, and rendered in the reader's language when read ([`render`]).
//!
//! A parameter named `…_key` holds a catalogue key (a status, a reason, a role) and is the text's
//! `…` parameter in the reader's language; `…_keys` holds keys separated by commas (rights, read
//! `technique, vente`); a parameter named `…_on` holds an ISO date and reads `02.12.2026`.
//!
//! Rows written before this (plain English such as `Top-up by card •••• 4242` or `Payment of
//! 2026-0000007`) still render: the known shapes are recognised and translated, anything else is
//! shown as it was stored.

use crate::Lang;
use crate::i18n::{is_known, t, tf};
use serde_json::{Map, Value};

/// The stored form of the text `key` with `params`.
pub fn encode(key: &str, params: &[(&str, &str)]) -> String {
    let p: Map<String, Value> = params
        .iter()
        .map(|(k, v)| ((*k).to_string(), Value::String((*v).to_string())))
        .collect();
    let mut o = Map::new();
    o.insert("k".into(), Value::String(key.to_string()));
    o.insert("p".into(), Value::Object(p));
    Value::Object(o).to_string()
}

/// An invoice line for `product` over `months` months from `start` to `end`: reads
/// `Hébergement Web Pro — 12 mois (02.12.2026 → 02.12.2027)` in French.
pub fn invoice_line(
    product: &str,
    months: i64,
    start: crate::period::Date,
    end: crate::period::Date,
) -> String {
    encode(
        "said.invoice_line",
        &[
            ("product", product),
            ("months", &months.to_string()),
            ("start_on", &start.iso()),
            ("end_on", &end.iso()),
        ],
    )
}

/// The key and parameters of a stored text, when it is one ([`encode`]).
pub fn decode(stored: &str) -> Option<(String, Vec<(String, String)>)> {
    if !stored.starts_with("{\"k\":") {
        return None;
    }
    let v: Value = serde_json::from_str(stored).ok()?;
    let key = v.get("k")?.as_str()?.to_string();
    let params = v
        .get("p")
        .and_then(Value::as_object)
        .map(|p| {
            p.iter()
                .map(|(k, v)| {
                    let text = v.as_str().map_or_else(|| v.to_string(), str::to_string);
                    (k.clone(), text)
                })
                .collect()
        })
        .unwrap_or_default();
    Some((key, params))
}

/// The stored text in `lang`.
pub fn render(lang: Lang, stored: &str) -> String {
    let Some((key, params)) = decode(stored).or_else(|| legacy(stored)) else {
        return stored.to_string();
    };
    let shown: Vec<(String, String)> = params
        .into_iter()
        .map(|(name, value)| {
            if let Some(base) = name.strip_suffix("_keys") {
                let words: Vec<&str> = value
                    .split(',')
                    .map(str::trim)
                    .filter(|k| is_known(k))
                    .map(|k| t(lang, k))
                    .collect();
                let text = if words.is_empty() {
                    t(lang, "said.nothing").to_string()
                } else {
                    words.join(", ")
                };
                (base.to_string(), text)
            } else if let Some(base) = name.strip_suffix("_key") {
                let text = if is_known(&value) {
                    t(lang, &value).to_string()
                } else {
                    value
                };
                (base.to_string(), text)
            } else if name.ends_with("_on") {
                let text = crate::human::date_text(&value);
                (name, text)
            } else {
                (name, value)
            }
        })
        .collect();
    let args: Vec<(&str, &str)> = shown
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    tf(lang, &key, &args)
}

/// The English descriptions Guichet stored before texts were kept as keys, as keys.
fn legacy(text: &str) -> Option<(String, Vec<(String, String)>)> {
    let one = |key: &str, name: &str, value: &str| {
        Some((
            key.to_string(),
            vec![(name.to_string(), value.trim().to_string())],
        ))
    };
    for outcome in ["succeeded", "declined", "failed"] {
        if let Some((amount, last4)) = text
            .strip_prefix(outcome)
            .and_then(|r| r.strip_prefix(' '))
            .and_then(|r| r.split_once(" •••• "))
        {
            let p = vec![
                ("amount".into(), amount.into()),
                ("last4".into(), last4.into()),
                ("outcome_key".into(), format!("said.charge.{outcome}")),
            ];
            return Some(("said.top_up_detail".into(), p));
        }
    }
    if let Some(last4) = text.strip_prefix("Top-up by card •••• ") {
        return one("said.top_up_card", "last4", last4);
    }
    if let Some((product, rest)) = text.rsplit_once(" mois / months (")
        && let Some((product, months)) = product.rsplit_once(" — ")
        && let Some((start, end)) = rest.trim_end_matches(')').split_once(" → ")
    {
        let p = vec![
            ("product".into(), product.into()),
            ("months".into(), months.into()),
            ("start_on".into(), start.into()),
            ("end_on".into(), end.into()),
        ];
        return Some(("said.invoice_line".into(), p));
    }
    if let Some(number) = text
        .strip_prefix("Payment of ")
        .and_then(|r| r.strip_suffix(" not made"))
    {
        return one("said.payment_not_made", "number", number);
    }
    if let Some(rest) = text.strip_prefix("Refund to card •••• ") {
        return Some(match rest.split_once(" refused: ") {
            Some((last4, reason)) => (
                "said.refund_to_card_refused".into(),
                vec![
                    ("last4".into(), last4.into()),
                    ("reason".into(), reason.into()),
                ],
            ),
            None => (
                "said.refund_to_card".into(),
                vec![("last4".into(), rest.into())],
            ),
        });
    }
    if let Some((number, last4)) = text
        .strip_prefix("Refund ")
        .and_then(|r| r.split_once(" to card •••• "))
    {
        let p = vec![
            ("number".into(), number.into()),
            ("last4".into(), last4.into()),
        ];
        return Some(("said.refund_note_to_card".into(), p));
    }
    if let Some(number) = text.strip_prefix("Payment of ") {
        return one("said.payment_of", "number", number);
    }
    if let Some(numbers) = text.strip_prefix("Invoices ") {
        return one("said.invoices", "numbers", numbers);
    }
    if let Some(destination) = text.strip_prefix("Withdrawal to ") {
        return one("said.withdrawal_to", "destination", destination);
    }
    if let Some((number, invoice)) = text
        .strip_prefix("Credit note ")
        .and_then(|r| r.split_once(" for invoice "))
    {
        let p = vec![
            ("number".into(), number.into()),
            ("invoice".into(), invoice.into()),
        ];
        return Some(("said.credit_note".into(), p));
    }
    if let Some((number, product)) = text
        .strip_prefix("Renewal ")
        .and_then(|r| r.strip_suffix(')'))
        .and_then(|r| r.split_once(" ("))
    {
        let p = vec![
            ("number".into(), number.into()),
            ("product".into(), product.into()),
        ];
        return Some(("said.renewal".into(), p));
    }
    if let Some((payment, amount)) = text
        .strip_prefix("Bank charges on payment ")
        .and_then(|r| r.split_once(": "))
    {
        let p = vec![
            ("payment".into(), payment.into()),
            ("amount".into(), amount.into()),
        ];
        return Some(("said.bank_charges".into(), p));
    }
    if let Some(number) = text
        .strip_prefix("Bank transfer for invoice ")
        .and_then(|r| r.strip_suffix(" (credited, see e-mail)"))
    {
        return one("said.transfer_for_invoice", "number", number);
    }
    if let Some(rest) = text.strip_prefix("Invoice ") {
        if let Some(number) = rest.strip_suffix(" paid by bank transfer") {
            return one("said.invoice_paid_by_transfer", "number", number);
        }
        if !rest.contains(' ') {
            return one("said.invoice", "number", rest);
        }
    }
    if let Some(from) = text.strip_prefix("Bank transfer from ") {
        return one("said.transfer_from", "from", from);
    }
    match text {
        "Withdrawal sent to the bank" => Some(("said.withdrawal_sent".into(), Vec::new())),
        "Withdrawal paid out" => Some(("said.withdrawal_paid".into(), Vec::new())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_text_reads_in_each_language() {
        let stored = encode("said.top_up_card", &[("last4", "4242")]);
        assert!(!stored.contains("Top-up"));
        assert!(render(Lang::Fr, &stored).contains("4242"));
        assert_ne!(render(Lang::Fr, &stored), render(Lang::De, &stored));
        assert_ne!(render(Lang::Fr, &stored), render(Lang::En, &stored));
    }

    #[test]
    fn rows_stored_in_english_before_still_read_in_french() {
        for old in [
            "Top-up by card •••• 4242",
            "Payment of 2026-0000007",
            "Invoice 2026-0000001",
            "Invoice 2026-0000001 paid by bank transfer",
            "Bank transfer from Atelier Favre",
            "Withdrawal sent to the bank",
            "succeeded CHF 500.00 •••• 4242",
            "Payment of 2026-0000007 not made",
            "Refund to card •••• 4242",
            "Refund to card •••• 4242 refused: expired card",
            "Refund NC-2026-0001 to card •••• 4242",
            "Hébergement Web Pro — 12 mois / months (2026-12-02 → 2027-12-02)",
        ] {
            let fr = render(Lang::Fr, old);
            assert_ne!(fr, old, "{old} is not recognised");
            assert!(!fr.contains("said."), "{fr}");
        }
        assert_eq!(render(Lang::Fr, "Something else"), "Something else");
        assert_eq!(
            render(
                Lang::Fr,
                "Hébergement Web Pro — 12 mois / months (2026-12-02 → 2027-12-02)"
            ),
            "Hébergement Web Pro — 12 mois (02.12.2026 → 02.12.2027)"
        );
        let one = invoice_line(
            "Nom de domaine .ch",
            1,
            crate::period::Date {
                year: 2026,
                month: 12,
                day: 2,
            },
            crate::period::Date {
                year: 2027,
                month: 1,
                day: 2,
            },
        );
        assert_eq!(
            render(Lang::De, &one),
            "Nom de domaine .ch — 1 Monat (02.12.2026 → 02.01.2027)"
        );
        assert_eq!(
            render(Lang::En, &one),
            "Nom de domaine .ch — 1 month (02.12.2026 → 02.01.2027)"
        );
    }

    #[test]
    fn keys_and_dates_in_parameters_are_read_too() {
        let stored = encode(
            "said.invoice_status",
            &[
                ("number", "2026-0000001"),
                ("status_key", "invoice.status.paid"),
            ],
        );
        let fr = render(Lang::Fr, &stored);
        assert!(fr.contains(t(Lang::Fr, "invoice.status.paid")), "{fr}");
    }
}
