# verify: English. A key `area.rest` of the code is the message `area-rest` here.

## Reminders (REM-05) and checking a reminder (REM-06)

verify-title = Check a reminder
verify-help = Received a payment reminder? Paste its payment reference (or the invoice number) and its amount: we tell you whether it is a genuine open invoice of your Organization. Our e-mails never contain a payment link to another site.
verify-reference = Reference or invoice number
verify-amount = Amount (optional)
verify-submit = Check
verify-genuine = Genuine: invoice { $number } for { $amount }, due on { $due }, is open in your Organization.
verify-not_open = This reference is that of your Organization's invoice { $number }, but nothing is owed: it is { $status }. Do not pay.
verify-amount_differs = Careful: your Organization's invoice { $number } amounts to { $amount }, not the amount given. Pay only the amount shown in the Manager.
verify-unknown = No invoice of your Organization carries this reference. Do not pay, and report the message to support.
verify-reference_invalid = Paste the reference as it appears on the reminder (digits and letters, at most 40 characters).
verify-amount_invalid = Give a positive amount, for example 120.50.
