//! Every message in every language: subject and body from the catalogue, with the message's own
//! values filled in.

use super::*;

impl Mail<'_> {
    /// Subject and body in `lang`.
    pub fn render(&self, lang: Lang) -> (String, String) {
        let (subject, body) = match self {
            Mail::Welcome { name } => (
                t(lang, "mail.welcome.subject").to_string(),
                tf(lang, "mail.welcome.body", &[("name", name)]),
            ),
            Mail::NewDevice { ip, agent, when } => (
                t(lang, "mail.new_device.subject").to_string(),
                tf(
                    lang,
                    "mail.new_device.body",
                    &[("ip", ip), ("agent", agent), ("when", when)],
                ),
            ),
            Mail::PasswordChanged => (
                t(lang, "mail.password_changed.subject").to_string(),
                t(lang, "mail.password_changed.body").to_string(),
            ),
            Mail::PasswordReset { link } => (
                t(lang, "mail.password_reset.subject").to_string(),
                tf(lang, "mail.password_reset.body", &[("link", link)]),
            ),
            Mail::TotpEnabled => (
                t(lang, "mail.totp_enabled.subject").to_string(),
                t(lang, "mail.totp_enabled.body").to_string(),
            ),
            Mail::TotpDisabled => (
                t(lang, "mail.totp_disabled.subject").to_string(),
                t(lang, "mail.totp_disabled.body").to_string(),
            ),
            Mail::OrgDetailsChanged { org, by, summary } => (
                tf(lang, "mail.org_changed.subject", &[("org", org)]),
                tf(
                    lang,
                    "mail.org_changed.body",
                    &[("org", org), ("by", by), ("summary", summary)],
                ),
            ),
            Mail::Invitation {
                org,
                by,
                role,
                link,
                days,
            } => (
                tf(lang, "mail.invitation.subject", &[("org", org)]),
                tf(
                    lang,
                    "mail.invitation.body",
                    &[
                        ("org", org),
                        ("by", by),
                        ("role", role),
                        ("link", link),
                        ("days", days),
                    ],
                ),
            ),
            Mail::RoleChanged { org, role, by } => (
                tf(lang, "mail.role_changed.subject", &[("org", org)]),
                tf(
                    lang,
                    "mail.role_changed.body",
                    &[("org", org), ("role", role), ("by", by)],
                ),
            ),
            Mail::WithdrawalApproved { amount } => (
                t(lang, "mail.withdrawal_approved.subject").to_string(),
                tf(lang, "mail.withdrawal_approved.body", &[("amount", amount)]),
            ),
            Mail::WithdrawalRejected { amount, reason } => (
                t(lang, "mail.withdrawal_rejected.subject").to_string(),
                tf(
                    lang,
                    "mail.withdrawal_rejected.body",
                    &[("amount", amount), ("reason", reason)],
                ),
            ),
            Mail::InvoicesExport {
                rows,
                filters,
                support_code,
            } => (
                t(lang, "mail.invoices_export.subject").to_string(),
                tf(
                    lang,
                    "mail.invoices_export.body",
                    &[("rows", rows), ("filters", filters), ("code", support_code)],
                ),
            ),
            Mail::RenewalFailed {
                product,
                invoice,
                reason,
                next,
                support_code,
            } => (
                tf(lang, "mail.renewal_failed.subject", &[("product", product)]),
                tf(
                    lang,
                    if next.is_empty() {
                        "mail.renewal_failed.last"
                    } else {
                        "mail.renewal_failed.body"
                    },
                    &[
                        ("product", product),
                        ("invoice", invoice),
                        ("reason", reason),
                        ("next", next),
                        ("code", support_code),
                    ],
                ),
            ),
            Mail::ProductExpired {
                product,
                blocked_on,
                support_code,
            } => (
                tf(
                    lang,
                    "mail.product_expired.subject",
                    &[("product", product)],
                ),
                tf(
                    lang,
                    "mail.product_expired.body",
                    &[
                        ("product", product),
                        ("blocked_on", blocked_on),
                        ("code", support_code),
                    ],
                ),
            ),
            Mail::CreditNoteIssued {
                invoice,
                number,
                amount,
                reason,
                support_code,
            } => (
                tf(
                    lang,
                    "mail.credit_note.subject",
                    &[("number", number), ("invoice", invoice)],
                ),
                tf(
                    lang,
                    "mail.credit_note.body",
                    &[
                        ("invoice", invoice),
                        ("number", number),
                        ("amount", amount),
                        ("reason", reason),
                        ("code", support_code),
                    ],
                ),
            ),
            Mail::PaymentMismatch {
                invoice,
                expected,
                received,
                balance,
                support_code,
            } => (
                tf(
                    lang,
                    "mail.payment_mismatch.subject",
                    &[("invoice", invoice)],
                ),
                tf(
                    lang,
                    "mail.payment_mismatch.body",
                    &[
                        ("invoice", invoice),
                        ("expected", expected),
                        ("received", received),
                        ("currency", balance),
                        ("code", support_code),
                    ],
                ),
            ),
            Mail::PaymentOtherCurrency {
                invoice,
                expected,
                received,
                balance,
                support_code,
            } => (
                tf(
                    lang,
                    "mail.payment_other_currency.subject",
                    &[("invoice", invoice)],
                ),
                tf(
                    lang,
                    "mail.payment_other_currency.body",
                    &[
                        ("invoice", invoice),
                        ("expected", expected),
                        ("received", received),
                        ("currency", balance),
                        ("code", support_code),
                    ],
                ),
            ),
            Mail::CreditedOtherCurrency {
                received,
                balance,
                org_currency,
                support_code,
            } => (
                tf(
                    lang,
                    "mail.credited_other_currency.subject",
                    &[("currency", balance)],
                ),
                tf(
                    lang,
                    "mail.credited_other_currency.body",
                    &[
                        ("received", received),
                        ("currency", balance),
                        ("org_currency", org_currency),
                        ("code", support_code),
                    ],
                ),
            ),
            Mail::InvoiceIssued {
                invoice,
                product,
                amount,
                due_on,
                reference,
                link,
            } => (
                tf(
                    lang,
                    "mail.invoice_issued.subject",
                    &[("invoice", invoice), ("product", product)],
                ),
                tf(
                    lang,
                    "mail.invoice_issued.body",
                    &[
                        ("invoice", invoice),
                        ("product", product),
                        ("amount", amount),
                        ("due", due_on),
                        ("reference", reference),
                        ("link", link),
                    ],
                ),
            ),
            Mail::InvoiceReminder {
                level,
                invoice,
                amount,
                due_on,
                reference,
                link,
                verify,
                support_code,
                short_paid,
            } => (
                tf(
                    lang,
                    match level {
                        1 => "mail.reminder.subject1",
                        2 => "mail.reminder.subject2",
                        _ => "mail.reminder.subject3",
                    },
                    &[("invoice", invoice)],
                ),
                {
                    let body = tf(
                        lang,
                        "mail.reminder.body",
                        &[
                            ("invoice", invoice),
                            ("amount", amount),
                            ("due", due_on),
                            ("reference", reference),
                            ("link", link),
                            ("verify", verify),
                            ("code", support_code),
                        ],
                    );
                    match short_paid {
                        None => body,
                        Some((received, rest)) => {
                            let note = match rest {
                                Some(rest) => tf(
                                    lang,
                                    "mail.reminder.short_paid",
                                    &[("received", received), ("rest", rest)],
                                ),
                                None => tf(
                                    lang,
                                    "mail.reminder.received_prepaid",
                                    &[("received", received), ("amount", amount)],
                                ),
                            };
                            // After the first paragraph (what is due), before how to pay.
                            match body.split_once("\n\n") {
                                Some((head, tail)) => format!("{head}\n\n{note}\n\n{tail}"),
                                None => format!("{body}\n\n{note}"),
                            }
                        }
                    }
                },
            ),
            Mail::SupportAccessGranted {
                org,
                by,
                scope,
                until,
            } => (
                tf(lang, "mail.support_granted.subject", &[("org", org)]),
                tf(
                    lang,
                    "mail.support_granted.body",
                    &[("org", org), ("by", by), ("scope", scope), ("until", until)],
                ),
            ),
            Mail::WebhookDisabled { url, since } => (
                t(lang, "mail.webhook_disabled.subject").to_string(),
                tf(
                    lang,
                    "mail.webhook_disabled.body",
                    &[("url", url), ("since", since)],
                ),
            ),
            Mail::SupportAccessExpired { org } => (
                tf(lang, "mail.support_expired.subject", &[("org", org)]),
                tf(lang, "mail.support_expired.body", &[("org", org)]),
            ),
            Mail::SignUpConfirm { name, link } => (
                t(lang, "mail.signup_confirm.subject").to_string(),
                tf(
                    lang,
                    "mail.signup_confirm.body",
                    &[("name", name), ("link", link)],
                ),
            ),
            Mail::SignUpExisting { login, reset } => (
                t(lang, "mail.signup_existing.subject").to_string(),
                tf(
                    lang,
                    "mail.signup_existing.body",
                    &[("login", login), ("reset", reset)],
                ),
            ),
        };
        (
            subject,
            format!(
                "{}\n\n{body}\n\n{}\n",
                t(lang, "mail.hello"),
                t(lang, "mail.signature")
            ),
        )
    }
}
