# said: German. Texts stored as a key and parameters (ledger movements, activity details), read in
# the reader's language (core::said). A key `said.rest` of the code is the message `said-rest` here.

## Prepaid movements and ledger entries

said-top_up_card = Aufladung per Karte •••• { $last4 }
said-payment_of = Zahlung von { $number }
said-invoice = Rechnung { $number }
said-invoices = Rechnungen { $numbers }
said-invoice_status = Rechnung { $number }: { $status }
said-invoice_paid_by_transfer = Rechnung { $number } per Überweisung bezahlt
said-transfer_for_invoice = Überweisung für Rechnung { $number } (gutgeschrieben, siehe E-Mail)
said-transfer_from = Überweisung von { $from }
said-transfer_from_ref = Überweisung von { $from }, Ref. { $reference }
said-withdrawal_to = Auszahlung an { $destination }
said-withdrawal_sent = Auszahlung an die Bank übermittelt
said-withdrawal_paid = Auszahlung ausgeführt
said-credit_note = Gutschrift { $number } zur Rechnung { $invoice }
said-renewal = Verlängerung { $number } ({ $product })
said-bank_charges = Bankgebühren auf Zahlung { $payment }: { $amount }
said-payment_not_made = Zahlung von { $number } nicht ausgeführt
said-refund_to_card = Erstattung auf die Karte •••• { $last4 }
said-refund_to_card_refused = Erstattung auf die Karte •••• { $last4 } abgelehnt: { $reason }
said-refund_note_to_card = Erstattung { $number } auf die Karte •••• { $last4 }

## Invoice lines

said-invoice_line = { $product } — { $months ->
        [one] { $months } Monat
       *[other] { $months } Monate
    } ({ $start_on } → { $end_on })

## Activity-log details

said-nothing = keine
said-team_rights = { $team }: { $product } — { $rights }
said-grant_changed = { $who } für { $product }: { $rights }
said-support_no_grant = kein laufender befristeter Zugang
said-support_granted = { $scope }, bis { $until }
said-exported_by_mail = { $rows ->
        [one] { $rows } Rechnung
       *[other] { $rows } Rechnungen
    } ({ $filters })
said-top_up_detail = { $amount } •••• { $last4 } ({ $outcome })
said-charge-succeeded = angenommen
said-charge-declined = abgelehnt
said-charge-failed = fehlgeschlagen
said-product_labelled = { $offer }: „{ $label }“
said-product_billing_address = { $product }: { $address }
said-invoice_cancelled_with = Rechnung { $number } mit dem Produkt { $product } storniert
said-invoice_replaced = Rechnung { $number } ersetzt: { $months ->
    [one] { $months } Monat
   *[other] { $months } Monate
}
said-cancelled_at_term = { $product }: gekündigt auf das Ende der Laufzeit ({ $end_on })
said-cancelled_now = { $product }: gekündigt
said-team_members_added = { $team }: +{ $n }
said-team_members_invited = { $team }: +{ $n }, eingeladen: { $emails }
said-product_renewed_early = { $product }: vorzeitig verlängert, Rechnung ausgestellt
said-invoice_readdressed = Rechnung { $number } ersetzt: adressiert an { $address }
