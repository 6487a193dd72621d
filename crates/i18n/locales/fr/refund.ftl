# refund: French. A key `area.rest` of the code is the message `area-rest` here.

## Invoice documents as PDF (INV-05, INV-07, INV-08)

refund-reason_needed = Indiquez le motif du remboursement : il figure sur la note de crédit.
refund-amount_positive = Le montant à rembourser doit être supérieur à zéro.
refund-more_than_left = Ce montant dépasse ce qui reste à rembourser sur la facture.
refund-not_settled = Seule une facture payée peut être remboursée ; une facture ouverte s'annule ou se règle.
refund-no_card_payment = Cette facture n’a pas été payée par carte : remboursez-la sur le compte prépayé.
refund-more_than_card = Ce montant dépasse ce qui reste à rembourser sur la carte qui a payé la facture.
refund-in_progress = Un remboursement de cette note de crédit est déjà en cours.
