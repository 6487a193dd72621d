# credit_note: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

credit_note-title = Notes de crédit
credit_note-number = Numéro
credit_note-reason = Motif
credit_note-where = Les montants remboursés ont été crédités sur votre compte prépayé.

## Invoice documents as PDF (INV-05, INV-07, INV-08)

credit_note-line = Remboursement sur la facture { $invoice } : { $reason }
