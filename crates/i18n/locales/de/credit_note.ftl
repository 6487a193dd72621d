# credit_note: German. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

credit_note-title = Gutschriften
credit_note-number = Nummer
credit_note-reason = Grund
credit_note-where = Erstattete Beträge wurden Ihrem Prepaid-Konto gutgeschrieben.

## Invoice documents as PDF (INV-05, INV-07, INV-08)

credit_note-line = Rückerstattung zur Rechnung { $invoice }: { $reason }
