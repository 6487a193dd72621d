# mail: English. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

mail-withdrawal_approved-subject = Your payout request is approved
mail-withdrawal_approved-body = Your payout request of { $amount } is approved. The transfer leaves with our next payment file.
mail-withdrawal_rejected-subject = Your payout request was rejected
mail-withdrawal_rejected-body =
    Your payout request of { $amount } was rejected: { $reason }
    The amount is available again on your prepaid account.

## Invoice documents as PDF (INV-05, INV-07, INV-08)

mail-credit_note-subject = Credit note { $number } for invoice { $invoice }
mail-credit_note-body =
    We issued credit note { $number } of { $amount } for invoice { $invoice } ({ $reason }). The amount was credited to your prepaid account: use it for your next invoices or ask for a payout. The credit note is in the Manager, under Accounting → Invoices.

    Your support code: { $code }
mail-payment_mismatch-subject = Your payment for invoice { $invoice }
mail-payment_mismatch-body =
    We received { $received } with the reference of invoice { $invoice }, which amounts to { $expected } (or is already settled). The amount was credited to your { $currency } prepaid balance (Accounting → Prepaid account); this payment did not change the invoice. If it is still open, you can pay it in one click from the balance in the Manager, under Accounting → Invoices.

    Your support code: { $code }

## E-mails

mail-hello = Hello,
mail-greeting = Hello { $name },
mail-signature =
    — Guichet
    This e-mail never contains a payment link to another site.
mail-welcome-subject = Welcome to Guichet
mail-welcome-body = { $name }, your account and your Organization are ready. Complete the Organization's address in the Manager: it fixes the currency of your invoices.
mail-new_device-subject = New sign-in to your account
mail-new_device-body =
    Your account was signed in to from a new device or place:
    { $when }, IP address { $ip }
    { $agent }

    If this was not you, change your password and end unknown sessions in Profile → Security.
mail-password_changed-subject = Your password was changed
mail-password_changed-body = Your account's password has just been changed. If this was not you, reset it at once and contact support.
mail-password_reset-subject = Reset your password
mail-password_reset-body =
    To choose a new password, open this link (valid for one hour, once):
    { $link }

    If you did not ask for this, ignore this e-mail.
mail-totp_enabled-subject = Two-factor authentication turned on
mail-totp_enabled-body = Two-factor authentication is now active on your account. Keep your recovery codes somewhere safe.
mail-totp_disabled-subject = Two-factor authentication turned off
mail-totp_disabled-body = Two-factor authentication was turned off on your account. If this was not you, contact support at once.
mail-org_changed-subject = { $org }: legal details changed
mail-org_changed-body =
    { $by } changed the legal details of { $org }. Summary:
    { $summary }
mail-invitation-subject = Invitation to join { $org }
mail-invitation-body =
    { $by } invites you to join { $org } as { $role }.
    To accept, open this link (valid for { $days } days):
    { $link }
mail-role_changed-subject = { $org }: your role has changed
mail-role_changed-body = { $by } changed your role in { $org }: you are now { $role }. The change applies at once.

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

mail-renewal_failed-subject = Automatic renewal of { $product }: payment declined
mail-renewal_failed-body =
    The automatic renewal of { $product } (invoice { $invoice }) could not be paid: { $reason }. We will try again on { $next }. To avoid that, update your card or top up your prepaid account in the Manager, or pay the invoice by hand (Payments page).

    Your support code: { $code }
mail-renewal_failed-last =
    The automatic renewal of { $product } (invoice { $invoice }) could not be paid: { $reason }. That was the last attempt: pay the invoice by hand (Payments page of the Manager), or the product will expire at its expiry date.

    Your support code: { $code }
mail-product_expired-subject = { $product } has expired
mail-product_expired-body =
    { $product } reached its expiry date without being renewed. It still runs, but will be blocked on { $blocked_on }. To keep it, pay its renewal in the Manager (Payments page).

    Your support code: { $code }
mail-invoices_export-subject = Your invoices export (CSV)
mail-invoices_export-body =
    Attached is the CSV export of { $rows ->
        [one] { $rows } invoice
       *[other] { $rows } invoices
    } (filters: { $filters }) you asked for in the Manager.

    Your support code: { $code }

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

mail-support_granted-subject = { $org }: temporary access granted to support
mail-support_granted-body = { $by } granted the provider's support temporary access to { $org } ({ $scope }) until { $until }. Support can neither pay, withdraw money nor change roles; everything it does appears in the activity log. The access can be revoked at any time from the Support page.
mail-support_expired-subject = { $org }: temporary support access has expired
mail-support_expired-body = The temporary access granted to support for { $org } has expired: support no longer has access. What it did is listed in the activity log.

## Reminders (REM-05) and checking a reminder (REM-06)

mail-reminder-subject1 = Reminder: invoice { $invoice } is unpaid
mail-reminder-subject2 = Second reminder: invoice { $invoice } is unpaid
mail-reminder-subject3 = Final reminder: invoice { $invoice } is unpaid
mail-reminder-body =
    According to our records, invoice { $invoice } for { $amount }, due on { $due }, is not paid yet. If you have already paid it, thank you, and please disregard this message.

    To pay it, open it in the Manager: { $link }
    You can pay it from your prepaid account, or by bank transfer with the reference { $reference }. After a transfer, click "I have paid by bank transfer" on the invoice: we hold the reminders while the payment arrives.

    We never send payment links to another site. To check that this reminder comes from us, paste its reference at { $verify }

    Your support code: { $code }

## Bank statements, foreign currency, short payments (issue #11)

mail-reminder-short_paid = We received { $received } with this invoice's reference: it does not cover the invoice in full, so it was credited to your prepaid account. Remaining amount due: { $rest }. Your prepaid balance can pay the invoice in one click from its page in the Manager.
mail-reminder-received_prepaid = We received { $received } with this invoice's reference and credited it to your prepaid account; the invoice for { $amount } is still due. Your prepaid balance can pay it in one click from its page in the Manager.

## Prepaid balances per currency (issue #11)

mail-payment_other_currency-subject = Your payment for invoice { $invoice }: another currency
mail-payment_other_currency-body =
    We received { $received } with the reference of invoice { $invoice }, which amounts to { $expected }. A payment in another currency cannot settle this invoice: invoice { $invoice } is still due.

    The amount was credited to your { $currency } prepaid balance, shown in the Manager under Accounting → Prepaid account. That balance can be withdrawn to an account in the Organization's name or used to pay invoices in { $currency }.

    Your support code: { $code }
mail-credited_other_currency-subject = Payment received in { $currency }
mail-credited_other_currency-body =
    We received { $received } by bank transfer. Your Organization is invoiced in { $org_currency }: the amount is not converted, it was credited to your { $currency } prepaid balance, shown in the Manager under Accounting → Prepaid account. That balance can be withdrawn to an account in the Organization's name or used to pay invoices in { $currency }.

    Your support code: { $code }

## Sign-up confirmed by e-mail, throttled per IP (issue #11 item 7)

mail-signup_confirm-subject = Finish creating your Guichet account
mail-signup_confirm-body =
    { $name }, to create your account and your Organization, open this link (valid for 24 hours, once) and confirm:
    { $link }

    If you did not ask to create an account, ignore this message: nothing will be created.
mail-signup_existing-subject = Attempt to create an account with your address
mail-signup_existing-body =
    Someone (maybe you) tried to create a Guichet account with this address, which already has one. If it was you, sign in:
    { $login }
    or reset your password:
    { $reset }

    Otherwise, ignore this message: nothing was changed.
mail-webhook_disabled-subject = Webhook disabled after three days of failures
mail-webhook_disabled-body = Every delivery to { $url } has failed since { $since }: the endpoint was disabled and is sent nothing more. Waiting deliveries are kept. Fix the receiver, then enable the endpoint again in the back office (Outgoing webhooks); each delivery can be replayed there.
mail-invoice_issued-subject = Invoice { $invoice }: renewal of { $product }
mail-invoice_issued-body =
    Hello,

    Here is invoice { $invoice } for the renewal of { $product }: { $amount }, to be paid by { $due }.

    Open it in the Manager to see it, download it as a PDF and pay it: { $link }
    You can also pay it by bank transfer with the reference { $reference }.

    You receive this message because this address is the invoice e-mail of the billing address the invoice is addressed to.
