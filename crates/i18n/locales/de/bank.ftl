# bank: German. A key `area.rest` of the code is the message `area-rest` here.

## Help

bank-note_required = Geben Sie an, warum diese Zahlung dieser Organisation gehört.
bank-org_unknown = Keine Organisation hat diese ID.
bank-currency_unsupported = Diese Zahlung ist weder in CHF noch in EUR: Sie kann nicht gutgeschrieben werden.
bank-already_placed = Diese Zahlung wurde bereits zugeordnet.
bank-import = Kontoauszug importiert
bank-assigned = Zahlung von Hand zugeordnet

## pain.001 accounts per currency, camt details kept and shown (issue #15)

bank-ultimate_debtor = Im Auftrag von { $name }
bank-additional_remittance = Strukturierte Mitteilung: { $text }
bank-charges_included = Gebühren { $amount } bereits vom Betrag abgezogen
bank-charges_debited = Gebühren { $amount } zusätzlich belastet, als Bankgebühren verbucht
bank-col_date = Datum
bank-col_amount = Betrag
bank-col_payer = Zahler
bank-col_reference = Referenz und Mitteilung
bank-col_note = Was geschah
bank-import_summary_title = Datei importiert
bank-import_summary = { $file }: { $payments ->
        [one] { $payments } Zahlung
       *[other] { $payments } Zahlungen
    }, { $credited } gutgeschrieben, { $duplicates } bereits importiert, { $exceptions } von Hand zuzuordnen, { $ignored } nicht gutgeschrieben, { $payouts ->
        [one] { $payouts } Auszahlung abgeschlossen
       *[other] { $payouts } Auszahlungen abgeschlossen
    }.
bank-payouts_completed = Von der Bank belastete Auszahlungen: abgeschlossen
bank-payout_completed = { $amount } an { $holder } ({ $org }), Auszahlung { $id }
