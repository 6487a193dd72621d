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
    /// A renewal invoice, to the invoice e-mail of the billing address it is addressed to.
    InvoiceIssued {
        invoice: &'a str,
        product: &'a str,
        amount: &'a str,
        due_on: &'a str,
        reference: &'a str,
        link: &'a str,
    },
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
    /// Issue #13: a webhook endpoint failed for three days and was disabled (to operators).
    WebhookDisabled {
        url: &'a str,
        since: &'a str,
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
            Mail::InvoiceIssued { .. } => "invoice_issued",
            Mail::InvoiceReminder { .. } => "invoice_reminder",
            Mail::RenewalFailed { .. } => "renewal_failed",
            Mail::InvoicesExport { .. } => "invoices_export",
            Mail::ProductExpired { .. } => "product_expired",
            Mail::SupportAccessGranted { .. } => "support_access_granted",
            Mail::SupportAccessExpired { .. } => "support_access_expired",
            Mail::SignUpConfirm { .. } => "signup_confirm",
            Mail::SignUpExisting { .. } => "signup_existing",
            Mail::WebhookDisabled { .. } => "webhook_disabled",
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

/// `2026-11-24 14:05 UTC`: a moment for machines (the API's CSV); people read [`crate::App::when`].
pub fn format_time(unix: i64) -> String {
    let fmt = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&fmt).ok())
        .unwrap_or_else(|| unix.to_string())
}

#[cfg(test)]
mod tests;
