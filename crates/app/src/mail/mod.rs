//! E-mails: each message is rendered in the recipient's language from the catalogue and written to
//! the outbox inside the caller's transaction; `sender` delivers the outbox.

pub mod html;
mod render;
pub mod sender;

use crate::App;
use crate::error::AppResult;
use guichet_core::Lang;
use guichet_core::i18n::{t, tf};
use guichet_store::{Conn, memberships, outbox};

/// Every kind of message Guichet sends, with what it needs.
pub enum Mail<'a> {
    Welcome {
        name: &'a str,
    },
    NewDevice {
        ip: &'a str,
        agent: &'a str,
        when: &'a str,
    },
    PasswordChanged,
    PasswordReset {
        link: &'a str,
    },
    TotpEnabled,
    TotpDisabled,
    OrgDetailsChanged {
        org: &'a str,
        by: &'a str,
        summary: &'a str,
    },
    Invitation {
        org: &'a str,
        by: &'a str,
        role: &'a str,
        link: &'a str,
        days: &'a str,
    },
    RoleChanged {
        org: &'a str,
        role: &'a str,
        by: &'a str,
    },
    WithdrawalApproved {
        amount: &'a str,
    },
    WithdrawalRejected {
        amount: &'a str,
        reason: &'a str,
    },
    InvoicesExport {
        rows: &'a str,
        filters: &'a str,
        support_code: &'a str,
    },
    RenewalFailed {
        product: &'a str,
        invoice: &'a str,
        reason: &'a str,
        next: &'a str,
        support_code: &'a str,
    },
    ProductExpired {
        product: &'a str,
        blocked_on: &'a str,
        support_code: &'a str,
    },
    /// REM-03: a payment under an invoice's reference that did not settle it (another amount, or
    /// already settled): credited to the prepaid balance in `balance` (the currency received).
    PaymentMismatch {
        invoice: &'a str,
        expected: &'a str,
        received: &'a str,
        balance: &'a str,
        support_code: &'a str,
    },
    /// A payment under an open invoice's reference in another currency than the invoice's: it cannot
    /// pay it; credited to the prepaid balance in the currency received (`balance`), the invoice
    /// still due.
    PaymentOtherCurrency {
        invoice: &'a str,
        expected: &'a str,
        received: &'a str,
        balance: &'a str,
        support_code: &'a str,
    },
    /// A bank payment (our prepaid reference, or a payer known by IBAN) in another currency than
    /// the Organization's: credited to the prepaid balance in that currency (`balance`).
    CreditedOtherCurrency {
        received: &'a str,
        balance: &'a str,
        org_currency: &'a str,
        support_code: &'a str,
    },
    /// A refund (INV-02): the credit note and where the money went.
    CreditNoteIssued {
        invoice: &'a str,
        number: &'a str,
        amount: &'a str,
        reason: &'a str,
        support_code: &'a str,
    },
    /// REM-05: reminder R1, R2 or R3 of an unpaid invoice. The only links are the Manager's own
    /// (REM-06): the invoice and the page that tells a genuine reminder from a forged one.
    InvoiceReminder {
        level: i64,
        invoice: &'a str,
        amount: &'a str,
        due_on: &'a str,
        reference: &'a str,
        link: &'a str,
        verify: &'a str,
        support_code: &'a str,
        /// Paid short (REM-03): what was received under the invoice's reference (credited to the
        /// prepaid account) and, when it is less than the invoice, what remains due.
        short_paid: Option<(&'a str, Option<&'a str>)>,
    },
    /// SUP-03: an LR/Admin let the provider's support in.
    SupportAccessGranted {
        org: &'a str,
        by: &'a str,
        scope: &'a str,
        until: &'a str,
    },
    SupportAccessExpired {
        org: &'a str,
    },
    /// Issue #11 item 7: the one-time link that finishes a sign-up.
    SignUpConfirm {
        name: &'a str,
        link: &'a str,
    },
    /// Issue #11 item 7: someone used the sign-up form with the address of an existing login.
    SignUpExisting {
        login: &'a str,
        reset: &'a str,
    },
}

impl Mail<'_> {
    fn kind(&self) -> &'static str {
        match self {
            Mail::Welcome { .. } => "welcome",
            Mail::NewDevice { .. } => "new_device",
            Mail::PasswordChanged => "password_changed",
            Mail::PasswordReset { .. } => "password_reset",
            Mail::TotpEnabled => "totp_enabled",
            Mail::TotpDisabled => "totp_disabled",
            Mail::OrgDetailsChanged { .. } => "org_details_changed",
            Mail::Invitation { .. } => "invitation",
            Mail::RoleChanged { .. } => "role_changed",
            Mail::WithdrawalApproved { .. } => "withdrawal_approved",
            Mail::WithdrawalRejected { .. } => "withdrawal_rejected",
            Mail::PaymentMismatch { .. } => "payment_mismatch",
            Mail::PaymentOtherCurrency { .. } => "payment_other_currency",
            Mail::CreditedOtherCurrency { .. } => "credited_other_currency",
            Mail::CreditNoteIssued { .. } => "credit_note_issued",
            Mail::InvoiceReminder { .. } => "invoice_reminder",
            Mail::RenewalFailed { .. } => "renewal_failed",
            Mail::InvoicesExport { .. } => "invoices_export",
            Mail::ProductExpired { .. } => "product_expired",
            Mail::SupportAccessGranted { .. } => "support_access_granted",
            Mail::SupportAccessExpired { .. } => "support_access_expired",
            Mail::SignUpConfirm { .. } => "signup_confirm",
            Mail::SignUpExisting { .. } => "signup_existing",
        }
    }
}

/// Writes `mail()` to each legal representative of `org`, each in their own language (a
/// language code the catalogue does not know reads as the default one).
pub async fn to_legal_reps<'m>(
    c: &mut Conn,
    app: &App,
    org: guichet_core::OrgId,
    now: i64,
    mail: impl Fn() -> Mail<'m>,
) -> AppResult<()> {
    let reps = memberships::emails_with_role(c, org, guichet_core::Role::LegalRep).await?;
    for (email, lang) in reps {
        let lang = Lang::parse(&lang).unwrap_or_default();
        enqueue(c, app, &email, lang, mail(), now).await?;
    }
    Ok(())
}

/// Queues `mail` to `to` inside the caller's transaction: it is sent only if that transaction commits.
pub async fn enqueue(
    c: &mut Conn,
    _app: &App,
    to: &str,
    lang: Lang,
    mail: Mail<'_>,
    now: i64,
) -> AppResult<()> {
    let (subject, body) = mail.render(lang);
    outbox::enqueue_in(c, to, lang.code(), (&subject, &body), mail.kind(), now).await?;
    Ok(())
}

/// `2026-11-24 14:05 UTC`.
pub fn format_time(unix: i64) -> String {
    let fmt = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&fmt).ok())
        .unwrap_or_else(|| unix.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mail_renders_in_every_language_without_placeholders_left() {
        let all = [
            Mail::Welcome { name: "Alice" },
            Mail::NewDevice {
                ip: "192.0.2.1",
                agent: "Firefox",
                when: "2026-11-24 14:05 UTC",
            },
            Mail::PasswordChanged,
            Mail::PasswordReset {
                link: "http://x/password/reset/abc",
            },
            Mail::TotpEnabled,
            Mail::TotpDisabled,
            Mail::OrgDetailsChanged {
                org: "Atelier",
                by: "Alice",
                summary: "…",
            },
            Mail::Invitation {
                org: "Atelier",
                by: "Alice",
                role: "Admin",
                link: "http://x/invitations/t",
                days: "14",
            },
            Mail::RoleChanged {
                org: "Atelier",
                role: "Admin",
                by: "Alice",
            },
            Mail::WithdrawalApproved {
                amount: "CHF 100.00",
            },
            Mail::WithdrawalRejected {
                amount: "CHF 100.00",
                reason: "IBAN closed",
            },
            Mail::CreditNoteIssued {
                invoice: "2026-0000042",
                number: "CN-2026-0000001",
                amount: "CHF 20.00",
                reason: "Service outage",
                support_code: "123456",
            },
            Mail::PaymentMismatch {
                invoice: "2026-0000042",
                expected: "CHF 100.00",
                received: "CHF 90.00",
                balance: "CHF",
                support_code: "123456",
            },
            Mail::PaymentOtherCurrency {
                invoice: "2026-0000042",
                expected: "CHF 60.00",
                received: "EUR 60.00",
                balance: "EUR",
                support_code: "123456",
            },
            Mail::CreditedOtherCurrency {
                received: "EUR 60.00",
                balance: "EUR",
                org_currency: "CHF",
                support_code: "123456",
            },
            Mail::SupportAccessGranted {
                org: "Atelier",
                by: "Alice",
                scope: "all",
                until: "2026-11-24 15:05 UTC",
            },
            Mail::SupportAccessExpired { org: "Atelier" },
            Mail::SignUpConfirm {
                name: "Zoé",
                link: "http://x/signup/confirm/t",
            },
            Mail::SignUpExisting {
                login: "http://x/login",
                reset: "http://x/password/forgot",
            },
            Mail::InvoiceReminder {
                level: 2,
                invoice: "2026-0000042",
                amount: "CHF 100.00",
                due_on: "2026-12-01",
                reference: "210000000003139471430009017",
                link: "http://x/accounting/invoices/i",
                verify: "http://x/accounting/verify",
                support_code: "123456",
                short_paid: None,
            },
            Mail::InvoiceReminder {
                level: 3,
                invoice: "2026-0000043",
                amount: "CHF 18.49",
                due_on: "2026-12-01",
                reference: "210000000003139471430009017",
                link: "http://x/accounting/invoices/i",
                verify: "http://x/accounting/verify",
                support_code: "123456",
                short_paid: Some(("CHF 18.00", Some("CHF 0.49"))),
            },
            Mail::InvoiceReminder {
                level: 1,
                invoice: "2026-0000044",
                amount: "CHF 18.49",
                due_on: "2026-12-01",
                reference: "210000000003139471430009017",
                link: "http://x/accounting/invoices/i",
                verify: "http://x/accounting/verify",
                support_code: "123456",
                short_paid: Some(("CHF 20.00", None)),
            },
        ];
        for m in &all {
            for lang in Lang::ALL {
                let (s, b) = m.render(lang);
                assert!(
                    !s.is_empty() && !s.contains('{') && !b.contains('{'),
                    "{} {lang:?}: {s} / {b}",
                    m.kind()
                );
                assert!(!s.starts_with("mail."), "untranslated subject {s}");
            }
        }
        assert_eq!(format_time(0), "1970-01-01 00:00 UTC");
    }

    #[test]
    fn a_payment_in_another_currency_names_its_balance_in_every_language() {
        let m = Mail::PaymentOtherCurrency {
            invoice: "2026-0000042",
            expected: "CHF 60.00",
            received: "EUR 60.00",
            balance: "EUR",
            support_code: "123456",
        };
        for (lang, balance, due) in [
            (
                Lang::Fr,
                "solde prépayé en EUR",
                "la facture 2026-0000042 reste due",
            ),
            (
                Lang::En,
                "your EUR prepaid balance",
                "invoice 2026-0000042 is still due",
            ),
            (
                Lang::De,
                "Prepaid-Guthaben in EUR",
                "Rechnung 2026-0000042 ist weiterhin fällig",
            ),
        ] {
            let (_, body) = m.render(lang);
            assert!(
                body.contains(balance) && body.contains(due) && body.contains("EUR 60.00"),
                "{lang:?}: {body}"
            );
        }
        let m = Mail::CreditedOtherCurrency {
            received: "EUR 60.00",
            balance: "EUR",
            org_currency: "CHF",
            support_code: "123456",
        };
        for (lang, balance) in [
            (Lang::Fr, "solde prépayé en EUR"),
            (Lang::En, "your EUR prepaid balance"),
            (Lang::De, "Prepaid-Guthaben in EUR"),
        ] {
            let (subject, body) = m.render(lang);
            assert!(
                subject.contains("EUR") && body.contains(balance),
                "{lang:?}: {body}"
            );
        }
    }
}
