# export: French. A key `area.rest` of the code is the message `area-rest` here.

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

export-too_large_for_mail = Cet export dépasse 5 Mo, trop pour un e-mail : téléchargez-le, ou réduisez la période.

## Spreadsheet exports: the Manager's CSV and .xlsx in the reader's language (issue #15)

export-invoices-number = Numéro
export-invoices-issued = Date d'émission
export-invoices-status = Statut
export-invoices-bill_to = Facturé à
export-invoices-net = Montant HT
export-invoices-vat = TVA
export-invoices-total = Total TTC
export-invoices-currency = Devise
export-invoices-payment_reference = Référence de paiement
export-invoices-billing_reference = Votre référence
export-invoices-sheet = Factures
export-activity-time_utc = Date et heure (UTC)
export-activity-actor = Personne
export-activity-actor_email = E-mail
export-activity-action = Code de l'action
export-activity-description = Description
export-activity-ip = Adresse IP
export-too_large_for_xlsx = Cet export dépasse 100 000 factures, trop pour un classeur Excel : téléchargez le CSV, ou réduisez la période.
