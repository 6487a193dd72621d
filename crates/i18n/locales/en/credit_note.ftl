# credit_note: English. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

credit_note-title = Credit notes
credit_note-number = Number
credit_note-reason = Reason
credit_note-where = Refunded amounts were credited to your prepaid account.

## Invoice documents as PDF (INV-05, INV-07, INV-08)

credit_note-line = Refund on invoice { $invoice }: { $reason }
