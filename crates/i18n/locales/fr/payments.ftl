# payments: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

payments-duration = Durée
payments-duration_note = Une autre durée remplace la facture par une nouvelle au prix du jour ; elle ne s'applique qu'une fois le paiement passé.

## Payments page

payments-showing_two_months = Échéances des 2 prochains mois.
payments-showing_all = Toutes les échéances.
payments-show_all = Tout afficher
payments-next_two_months = 2 prochains mois
payments-select = Payer
payments-kind-order = Commande
payments-kind-renewal = Renouvellement
payments-total_listed = Total des échéances affichées :
payments-from_prepaid = Montant pris sur le compte prépayé
payments-rest_by_card = Le reste par carte
payments-pay_selection = Payer la sélection
payments-paid = Paiement effectué : les produits concernés sont actifs.
payments-selection_total = Total de la sélection
payments-selection_prepaid = Pris sur le compte prépayé
payments-selection_card = Reste par carte
payments-recompute = Recalculer les montants
