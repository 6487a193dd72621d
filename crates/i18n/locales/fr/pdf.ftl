# pdf: French. A key `area.rest` of the code is the message `area-rest` here.

## Invoice documents as PDF (INV-05, INV-07, INV-08)

pdf-invoice = Facture
pdf-invoice_number = Facture { $number }
pdf-payment_request = Demande de paiement
pdf-payment_request_for = Demande de paiement – facture { $number }
pdf-credit_note = Note de crédit
pdf-credit_note_number = Note de crédit { $number }
pdf-corrects = Corrige la facture
pdf-credit_note_note = Ce montant a été crédité sur votre compte prépayé.
pdf-pro_forma = Facture pro forma
pdf-no_value = Sans valeur légale, fiscale ni comptable
pdf-pro_forma_note = Ce document n'est pas une facture : il indique ce que coûterait le paiement des éléments choisis, TVA comprise.
pdf-request_note = Veuillez payer avec la section paiement ci-dessous. La facture définitive est disponible une fois le paiement reçu.
pdf-bill_to = Facturé à
pdf-number = Numéro
pdf-date = Date
pdf-due_on = Payable jusqu'au
pdf-paid_on = Payée le
pdf-paid_stamp = PAYÉE
pdf-billing_reference = Votre référence
pdf-payment_reference = Référence de paiement
pdf-description = Prestation
pdf-quantity = Qté
pdf-unit_price = Prix unit. HT
pdf-vat_rate = TVA
pdf-amount_net = Montant HT
pdf-period = Période du { $start } au { $end }
pdf-total_net = Total HT
pdf-vat_on = TVA { $rate } % sur { $net }
pdf-total = Total TTC
pdf-page = Page { $n }/{ $total }
