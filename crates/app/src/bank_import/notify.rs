//! REM-03 and PP-05: what the customer is told when a bank payment did not pay what it named, or came in another currency.

use super::*;

impl App {
    /// REM-03: e-mails the Organization's billing contacts (or its LRs) why the payment did not settle
    /// the invoice and which prepaid balance holds it, with their support code (REM-06). A payment
    /// in another currency for an invoice still `open` says that the invoice is still due.
    pub(super) async fn tell_payment_mismatch(
        &self,
        c: &mut Conn,
        inv: &guichet_store::billing::Invoice,
        open: bool,
        currency: Currency,
        amount: i64,
        now: i64,
    ) -> AppResult<()> {
        let expected = guichet_core::Money::new(inv.gross.minor, inv.currency).to_string();
        let received = guichet_core::Money::new(amount, currency).to_string();
        for (email, lang, code) in
            guichet_store::memberships::billing_recipients(c, inv.org_id).await?
        {
            let lang = guichet_core::Lang::parse(&lang).unwrap_or_default();
            let mail = if open && inv.currency != currency {
                crate::mail::Mail::PaymentOtherCurrency {
                    invoice: &inv.number,
                    expected: &expected,
                    received: &received,
                    balance: currency.code(),
                    support_code: &code,
                }
            } else {
                crate::mail::Mail::PaymentMismatch {
                    invoice: &inv.number,
                    expected: &expected,
                    received: &received,
                    balance: currency.code(),
                    support_code: &code,
                }
            };
            crate::mail::enqueue(c, self, &email, lang, mail, now).await?;
        }
        Ok(())
    }

    /// E-mails the Organization's billing contacts that a bank payment in another currency than
    /// the Organization's was credited to its prepaid balance in that currency.
    pub(super) async fn tell_other_currency(
        &self,
        c: &mut Conn,
        org: OrgId,
        org_currency: Currency,
        currency: Currency,
        amount: i64,
        now: i64,
    ) -> AppResult<()> {
        let received = guichet_core::Money::new(amount, currency).to_string();
        for (email, lang, code) in guichet_store::memberships::billing_recipients(c, org).await? {
            let lang = guichet_core::Lang::parse(&lang).unwrap_or_default();
            let mail = crate::mail::Mail::CreditedOtherCurrency {
                received: &received,
                balance: currency.code(),
                org_currency: org_currency.code(),
                support_code: &code,
            };
            crate::mail::enqueue(c, self, &email, lang, mail, now).await?;
        }
        Ok(())
    }
}
