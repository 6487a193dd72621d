# said: French. Texts stored as a key and parameters (ledger movements, activity details), read in
# the reader's language (core::said). A key `said.rest` of the code is the message `said-rest` here.

## Prepaid movements and ledger entries

said-top_up_card = Recharge par carte •••• { $last4 }
said-payment_of = Paiement de { $number }
said-invoice = Facture { $number }
said-invoices = Factures { $numbers }
said-invoice_status = Facture { $number } : { $status }
said-invoice_paid_by_transfer = Facture { $number } payée par virement
said-transfer_for_invoice = Virement pour la facture { $number } (crédité, voir l'e-mail)
said-transfer_from = Virement de { $from }
said-transfer_from_ref = Virement de { $from }, réf. { $reference }
said-withdrawal_to = Versement vers { $destination }
said-withdrawal_sent = Versement transmis à la banque
said-withdrawal_paid = Versement effectué
said-credit_note = Note de crédit { $number } pour la facture { $invoice }
said-renewal = Renouvellement { $number } ({ $product })
said-bank_charges = Frais bancaires sur le paiement { $payment } : { $amount }
said-payment_not_made = Paiement de { $number } non effectué
said-refund_to_card = Remboursement sur la carte •••• { $last4 }
said-refund_to_card_refused = Remboursement sur la carte •••• { $last4 } refusé : { $reason }
said-refund_note_to_card = Remboursement { $number } sur la carte •••• { $last4 }

## Invoice lines

said-invoice_line = { $product } — { $months ->
        [one] { $months } mois
       *[other] { $months } mois
    } ({ $start_on } → { $end_on })

## Activity-log details

said-nothing = aucun
said-team_rights = { $team } : { $product } — { $rights }
said-grant_changed = { $who } sur { $product } : { $rights }
said-support_no_grant = aucun accès temporaire en cours
said-support_granted = { $scope }, jusqu'au { $until }
said-exported_by_mail = { $rows ->
        [one] { $rows } facture
       *[other] { $rows } factures
    } ({ $filters })
said-top_up_detail = { $amount } •••• { $last4 } ({ $outcome })
said-charge-succeeded = accepté
said-charge-declined = refusé
said-charge-failed = échoué
said-product_labelled = { $offer } : « { $label } »
said-product_billing_address = { $product } : { $address }
said-invoice_cancelled_with = Facture { $number } annulée avec le produit { $product }
said-invoice_replaced = Facture { $number } remplacée : { $months ->
    [one] { $months } mois
   *[other] { $months } mois
}
said-cancelled_at_term = { $product } : résilié pour la fin de sa période ({ $end_on })
said-cancelled_now = { $product } : résilié
said-team_members_added = { $team } : +{ $n }
said-team_members_invited = { $team } : +{ $n }, invités : { $emails }
said-product_renewed_early = { $product } : renouvellement anticipé, facture émise
said-invoice_readdressed = Facture { $number } remplacée : adressée à { $address }
