# invoice: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

invoice-reminder = Rappel de paiement
invoice-refunded = Facture remboursée

## Invoices

invoice-title = Facture
invoice-number = Numéro
invoice-date = Date
invoice-due = échéance
invoice-status = Statut
invoice-all = Tous
invoice-from = Du
invoice-to = Au
invoice-export_csv = Exporter en CSV
invoice-filter = Filtrer
invoice-total = Total
invoice-line = Prestation
invoice-net = HT
invoice-vat = TVA
invoice-vat_rate = Taux de TVA
invoice-pay_title = Payer cette facture
invoice-pay_prepaid = Payer avec le compte prépayé
invoice-paid_done = Facture payée : le produit est actif.
invoice-insufficient = Le solde du compte prépayé ne suffit pas : créditez-le d'abord.
invoice-not_payable = Cette facture n'est plus à payer.
invoice-period_invoiced = Cette période de ce produit est déjà facturée.
invoice-renewal = Facture de renouvellement émise
invoice-paid = Facture payée
invoice-status-unpaid = à payer
invoice-status-partially_paid = partiellement payée
invoice-status-paid = payée
invoice-status-overdue = en retard
invoice-status-refunded = remboursée
invoice-status-partially_refunded = partiellement remboursée
invoice-status-cancelled = annulée

## Invoice documents as PDF (INV-05, INV-07, INV-08)

invoice-final_unpaid = La facture définitive n'est disponible qu'une fois la facture payée : téléchargez la demande de paiement (document=request), avec sa section paiement QR.
invoice-pdf_final = Facture (PDF)
invoice-pdf_request = Demande de paiement (PDF)
invoice-pro_forma = Générer une facture pro forma

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

invoice-export_mail = Recevoir l'export CSV par e-mail
invoice-export_mailed = L'export CSV part vers votre adresse e-mail.

## Reminders (REM-05) and checking a reminder (REM-06)

invoice-declare_transfer = J'ai payé par virement
invoice-declare_transfer_help = Vous avez fait un virement pour cette facture ? Dites-le-nous : aucun rappel ne part pendant le temps qu'il met à arriver.
invoice-transfer_declared = Virement déclaré le { $date } : les rappels sont suspendus le temps qu'il arrive.
invoice-transfer_declared_done = Merci : votre virement est noté.
invoice-reminders_sent = Rappels envoyés :

## Money states: status transitions and conflicts (issue #11)

invoice-already_paid = Cette facture est déjà payée (ou en cours de paiement) : rien n'a été débité.

## Spreadsheet exports: the Manager's CSV and .xlsx in the reader's language (issue #15)

invoice-export_xlsx = Exporter en Excel (.xlsx)
invoice-refunded_to_card = Remboursement sur la carte
invoice-issued = Facture émise
invoice-readdressed = Facture réadressée
invoice-reminder_item = { $level ->
    [1] 1er rappel le { $on }
   *[other] { $level }e rappel le { $on }
}
invoice-your_reference = Votre référence : { $reference }
invoice-payment_reference = Référence de paiement :
