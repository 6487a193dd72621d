# bank: French. A key `area.rest` of the code is the message `area-rest` here.

## Help

bank-note_required = Indiquez pourquoi ce paiement va à cette Organisation.
bank-org_unknown = Aucune Organisation n'a cet identifiant.
bank-currency_unsupported = Ce paiement n'est ni en CHF ni en EUR : il ne peut pas être crédité.
bank-already_placed = Ce paiement a déjà été placé.
bank-import = Relevé bancaire importé
bank-assigned = Paiement placé à la main

## pain.001 accounts per currency, camt details kept and shown (issue #15)

bank-ultimate_debtor = Pour le compte de { $name }
bank-additional_remittance = Communication structurée : { $text }
bank-charges_included = Frais { $amount } déjà déduits du montant
bank-charges_debited = Frais { $amount } débités en plus, comptabilisés en frais bancaires
bank-col_date = Date
bank-col_amount = Montant
bank-col_payer = Payeur
bank-col_reference = Référence et communication
bank-col_note = Ce qui s'est passé
bank-import_summary_title = Fichier importé
bank-import_summary = { $file } : { $payments ->
        [one] { $payments } paiement
       *[other] { $payments } paiements
    }, { $credited ->
        [one] { $credited } crédité
       *[other] { $credited } crédités
    }, { $duplicates ->
        [one] { $duplicates } déjà importé
       *[other] { $duplicates } déjà importés
    }, { $exceptions } à placer à la main, { $ignored ->
        [one] { $ignored } non crédité
       *[other] { $ignored } non crédités
    }, { $payouts ->
        [one] { $payouts } versement terminé
       *[other] { $payouts } versements terminés
    }.
bank-payouts_completed = Versements que la banque a débités : terminés
bank-payout_completed = { $amount } à { $holder } ({ $org }), retrait { $id }
