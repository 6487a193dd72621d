# invoice: English. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

invoice-reminder = Payment reminder
invoice-refunded = Invoice refunded

## Invoices

invoice-title = Invoice
invoice-number = Number
invoice-date = Date
invoice-due = due
invoice-status = Status
invoice-all = All
invoice-from = From
invoice-to = To
invoice-export_csv = Export as CSV
invoice-filter = Filter
invoice-total = Total
invoice-line = Item
invoice-net = Net
invoice-vat = VAT
invoice-vat_rate = VAT rate
invoice-pay_title = Pay this invoice
invoice-pay_prepaid = Pay from the prepaid account
invoice-paid_done = Invoice paid: the product is active.
invoice-insufficient = The prepaid balance is not enough: credit it first.
invoice-not_payable = This invoice is no longer to be paid.
invoice-period_invoiced = This period of this product is already invoiced.
invoice-renewal = Renewal invoice issued
invoice-paid = Invoice paid
invoice-status-unpaid = unpaid
invoice-status-partially_paid = partially paid
invoice-status-paid = paid
invoice-status-overdue = overdue
invoice-status-refunded = refunded
invoice-status-partially_refunded = partially refunded
invoice-status-cancelled = cancelled

## Invoice documents as PDF (INV-05, INV-07, INV-08)

invoice-final_unpaid = The final invoice is available only once the invoice is paid: download the payment request (document=request), with its QR payment part.
invoice-pdf_final = Invoice (PDF)
invoice-pdf_request = Payment request (PDF)
invoice-pro_forma = Generate a pro forma invoice

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

invoice-export_mail = E-mail me the CSV export
invoice-export_mailed = The CSV export is on its way to your e-mail address.

## Reminders (REM-05) and checking a reminder (REM-06)

invoice-declare_transfer = I have paid by bank transfer
invoice-declare_transfer_help = Made a bank transfer for this invoice? Tell us: no reminder goes out while it is on its way.
invoice-transfer_declared = Bank transfer declared on { $date }: reminders are held while it arrives.
invoice-transfer_declared_done = Thank you: your bank transfer is noted.
invoice-reminders_sent = Reminders sent:

## Money states: status transitions and conflicts (issue #11)

invoice-already_paid = This invoice is already paid (or being paid): nothing was charged.

## Spreadsheet exports: the Manager's CSV and .xlsx in the reader's language (issue #15)

invoice-export_xlsx = Export as Excel (.xlsx)
invoice-refunded_to_card = Refund to the card
invoice-issued = Invoice issued
invoice-readdressed = Invoice re-addressed
invoice-reminder_item = { $level ->
    [1] 1st reminder on { $on }
    [2] 2nd reminder on { $on }
    [3] 3rd reminder on { $on }
   *[other] { $level }th reminder on { $on }
}
invoice-your_reference = Your reference: { $reference }
invoice-payment_reference = Payment reference:
