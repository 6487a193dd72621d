# pdf: German. A key `area.rest` of the code is the message `area-rest` here.

## Invoice documents as PDF (INV-05, INV-07, INV-08)

pdf-invoice = Rechnung
pdf-invoice_number = Rechnung { $number }
pdf-payment_request = Zahlungsaufforderung
pdf-payment_request_for = Zahlungsaufforderung – Rechnung { $number }
pdf-credit_note = Gutschrift
pdf-credit_note_number = Gutschrift { $number }
pdf-corrects = Korrigiert Rechnung
pdf-credit_note_note = Dieser Betrag wurde Ihrem Prepaid-Konto gutgeschrieben.
pdf-pro_forma = Proforma-Rechnung
pdf-no_value = Ohne rechtlichen, steuerlichen oder buchhalterischen Wert
pdf-pro_forma_note = Dieses Dokument ist keine Rechnung: Es zeigt, was die Zahlung der gewählten Posten inklusive MWST kosten würde.
pdf-request_note = Bitte zahlen Sie mit dem Zahlteil unten. Die endgültige Rechnung ist nach Zahlungseingang verfügbar.
pdf-bill_to = Rechnungsadresse
pdf-number = Nummer
pdf-date = Datum
pdf-due_on = Zahlbar bis
pdf-paid_on = Bezahlt am
pdf-paid_stamp = BEZAHLT
pdf-billing_reference = Ihre Referenz
pdf-payment_reference = Zahlungsreferenz
pdf-description = Leistung
pdf-quantity = Menge
pdf-unit_price = Einzelpreis
pdf-vat_rate = MWST
pdf-amount_net = Betrag netto
pdf-period = Zeitraum { $start } bis { $end }
pdf-total_net = Total exkl. MWST
pdf-vat_on = MWST { $rate } % auf { $net }
pdf-total = Total inkl. MWST
pdf-page = Seite { $n }/{ $total }
