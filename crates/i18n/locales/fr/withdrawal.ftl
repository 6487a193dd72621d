# withdrawal: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

withdrawal-title = Récupérer le solde
withdrawal-help = Le montant est réservé immédiatement, puis versé après validation par nos équipes. Le compte doit être au nom de l'Organisation.
withdrawal-method_label = Vers
withdrawal-method-iban = Compte bancaire (IBAN)
withdrawal-method-paypal = Adresse PayPal
withdrawal-destination_label = IBAN ou adresse PayPal
withdrawal-holder_label = Titulaire du compte
withdrawal-submit = Demander le versement
withdrawal-requested_done = Demande enregistrée : le montant est réservé en attendant sa validation.
withdrawal-list = Demandes de versement
withdrawal-status-requested = en attente de validation
withdrawal-status-approved = validée, en attente du fichier de paiement
withdrawal-status-rejected = refusée
withdrawal-status-in_transit = envoyée à la banque
withdrawal-status-paid = versée
withdrawal-amount_positive = Le montant doit être positif.
withdrawal-iban_invalid = Cet IBAN n'est pas valable (vérifiez les chiffres de contrôle).
withdrawal-holder_mismatch = Le compte doit être au nom de l'Organisation, tel qu'inscrit dans ses coordonnées.
withdrawal-insufficient = Le solde disponible ne suffit pas pour ce montant.
withdrawal-fresh_code = Confirmez avec un code à deux facteurs actuel.
withdrawal-reason_needed = Indiquez au client la raison du refus.
withdrawal-already_decided = Cette demande a déjà été traitée.
withdrawal-requested = Versement demandé
withdrawal-decided = Versement traité

## Help

withdrawal-in_transit = Versement envoyé à la banque
withdrawal-paid = Versement effectué

## Payout set-aside: one payout that cannot be exported is set aside, the others written (issue #11)

withdrawal-set_aside = Versement écarté du fichier de paiement
withdrawal-approved = Versement validé
